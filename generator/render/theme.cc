#include "render/theme.h"

#include <algorithm>
#include <set>

#include "render/mustache_engine.h"
#include "render/template_check.h"
#include "render/theme_impl.h"
#include "render/view_model.h"
#include "text/line_index.h"

namespace legisite {

namespace {

constexpr std::string_view kTemplatesDir = "templates";
constexpr std::string_view kPartialsDir = "templates/partials";
constexpr std::string_view kStaticDir = "static";
constexpr std::string_view kExtension = ".mustache";

// Diagnostics name the file a theme author can open: its path on disk when there is one.
std::string display_path(const FileSystem& files, const std::string& path) {
  if (const auto* disk = dynamic_cast<const DiskFileSystem*>(&files)) return disk->full_path(path);
  return path;
}

void report_at(Diagnostics& diagnostics, Severity severity, const ThemeTemplate& t,
               std::size_t offset, std::string message, std::vector<std::string> notes) {
  LineIndex lines(t.source);
  offset = std::min(offset, t.source.size());
  Diagnostic d;
  d.severity = severity;
  d.where = {t.file, lines.line_of(offset), lines.column_of(offset)};
  d.source_line = std::string(lines.line(d.where.line));
  d.message = std::move(message);
  d.notes = std::move(notes);
  diagnostics.report(std::move(d));
}

// Reads templates/*.mustache (page templates) and templates/partials/*.mustache (partials).
void read_templates(const FileSystem& files, Theme::Impl& theme, Diagnostics& diagnostics) {
  for (const std::string& path : files.list_files(std::string(kTemplatesDir))) {
    std::string name = base_name(path);
    if (!name.ends_with(kExtension)) continue;
    name.resize(name.size() - kExtension.size());
    std::string folder = dir_name(path);
    bool partial = folder == kPartialsDir;
    if (!partial && folder != kTemplatesDir) {
      diagnostics.warning({display_path(files, path), 0, 0},
                          "template ignored: templates are read from templates/ and partials "
                          "from templates/partials/");
      continue;
    }
    ThemeTemplate t{display_path(files, path), {}};
    std::string error;
    if (!files.read_file(path, t.source, error)) {
      diagnostics.error({t.file, 0, 0}, "cannot read template: " + error);
      continue;
    }
    (partial ? theme.partials : theme.templates).emplace(std::move(name), std::move(t));
  }
}

void check_templates(const FileSystem& files, const Theme::Impl& theme, Diagnostics& diagnostics) {
  for (const std::string& name : required_templates()) {
    if (theme.templates.count(name)) continue;
    std::string have;
    for (const auto& [n, _] : theme.templates) have += (have.empty() ? "" : ", ") + n;
    diagnostics.error(
        {display_path(files, std::string(kTemplatesDir) + "/" + name + std::string(kExtension)), 0,
         0},
        "missing template: every theme needs layout, home, code and article",
        {"this theme has: " + (have.empty() ? std::string("no templates") : have)});
  }
  std::set<std::string> partial_names;
  for (const auto& [name, _] : theme.partials) partial_names.insert(name);

  auto check = [&](const ThemeTemplate& t) {
    // Syntax first: the engine would render a broken template as nothing at all.
    TemplateSyntaxError syntax;
    if (!parse_template(t.source, syntax)) {
      if (syntax.has_offset)
        report_at(diagnostics, Severity::kError, t, syntax.offset, syntax.message, {});
      else
        diagnostics.error({t.file, 0, 0}, syntax.message);
      return;
    }
    for (auto& p : check_template(t.source, partial_names, view_field_names()))
      report_at(diagnostics, p.severity, t, p.offset, std::move(p.message), std::move(p.notes));
  };
  for (const auto& [_, t] : theme.templates) check(t);
  for (const auto& [_, t] : theme.partials) check(t);

  // The layout is where each page's own content lands; without it every page is empty.
  if (auto it = theme.templates.find("layout"); it != theme.templates.end()) {
    std::vector<TemplateTag> tags;
    scan_template(it->second.source, tags);
    bool inserts_main = std::any_of(tags.begin(), tags.end(), [](const TemplateTag& tag) {
      return tag.kind == TemplateTag::Kind::kUnescaped && tag.name == "main_html";
    });
    if (!inserts_main)
      diagnostics.error({it->second.file, 0, 0}, "the layout never inserts the page's content",
                        {"add {{{main_html}}} inside its <main> element"});
  }
}

void read_static_files(const FileSystem& files, Theme::Impl& theme, Diagnostics& diagnostics) {
  if (!files.is_directory(std::string(kStaticDir))) return;
  for (const std::string& path : files.list_files(std::string(kStaticDir))) {
    std::string contents, error;
    if (!files.read_file(path, contents, error)) {
      diagnostics.error({display_path(files, path), 0, 0}, "cannot read static file: " + error);
      continue;
    }
    theme.static_files.emplace_back(path, std::move(contents));
  }
}

}  // namespace

Theme::Theme(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Theme::~Theme() = default;

std::unique_ptr<Theme> Theme::load(const FileSystem& theme_files, Diagnostics& diagnostics) {
  Diagnostics found;
  auto impl = std::make_unique<Impl>();
  read_templates(theme_files, *impl, found);
  check_templates(theme_files, *impl, found);
  read_static_files(theme_files, *impl, found);
  bool usable = !found.has_errors();
  diagnostics.absorb(std::move(found));
  if (!usable) return nullptr;
  return std::unique_ptr<Theme>(new Theme(std::move(impl)));
}

}  // namespace legisite
