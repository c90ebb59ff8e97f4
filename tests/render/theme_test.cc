// Loading a theme: what is refused, how it is reported, and the checks Mustache itself does not
// make. Broken themes are the real default theme in memory with one file changed.

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <string>

#include "io/file_system.h"
#include "render/mustache_engine.h"
#include "render/render.h"
#include "render/template_check.h"
#include "render/theme_impl.h"
#include "render/view_model.h"

namespace legisite::theme_test {
namespace {

/// The default theme read into memory, `changes` applied ("" deletes a file).
MemoryFileSystem default_theme_with(const std::map<std::string, std::string>& changes) {
  DiskFileSystem disk(LEGISITE_SOURCE_DIR "/themes/default");
  MemoryFileSystem theme;
  for (const std::string& path : disk.list_files("")) {
    std::string contents, error;
    REQUIRE(disk.read_file(path, contents, error));
    auto change = changes.find(path);
    if (change == changes.end())
      theme.add_file(path, contents);
    else if (!change->second.empty())
      theme.add_file(path, change->second);
  }
  for (const auto& [path, contents] : changes)
    if (!contents.empty() && !theme.is_file(path)) theme.add_file(path, contents);
  return theme;
}

const Diagnostic* first_error(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics.all())
    if (d.severity == Severity::kError) return &d;
  return nullptr;
}

TEST_CASE("the default theme loads without a diagnostic", "[render][theme]") {
  Diagnostics diagnostics;
  DiskFileSystem files(LEGISITE_SOURCE_DIR "/themes/default");
  CHECK(Theme::load(files, diagnostics));
  INFO(format_all(diagnostics));
  CHECK(diagnostics.all().empty());
}

TEST_CASE("a template that does not parse is refused, naming its file, line and column",
          "[render][theme]") {
  Diagnostics diagnostics;
  auto files = default_theme_with(
      {{"templates/article.mustache", "<article>\n<h1>{{heading}}</h1>\n{{#versions}}\n"}});
  CHECK_FALSE(Theme::load(files, diagnostics));
  const Diagnostic* d = first_error(diagnostics);
  REQUIRE(d);
  CHECK(d->where.file == "templates/article.mustache");
  CHECK(d->where.line == 3);
  CHECK(d->where.column == 1);
  CHECK(d->message == "Unclosed section \"versions\"");
  CHECK(format_diagnostic(*d) ==
        "templates/article.mustache:3:1: error: Unclosed section \"versions\"\n"
        "    {{#versions}}\n"
        "    ^\n");
}

TEST_CASE("a broken partial is refused at load, not discovered while rendering",
          "[render][theme]") {
  Diagnostics diagnostics;
  auto files = default_theme_with({{"templates/partials/footer.mustache", "<footer>{{/x}}"}});
  CHECK_FALSE(Theme::load(files, diagnostics));
  const Diagnostic* d = first_error(diagnostics);
  REQUIRE(d);
  CHECK(d->where.file == "templates/partials/footer.mustache");
  CHECK(d->where.column == 9);
}

TEST_CASE("a theme without one of its page templates is refused", "[render][theme]") {
  Diagnostics diagnostics;
  auto files = default_theme_with({{"templates/article.mustache", ""}});
  CHECK_FALSE(Theme::load(files, diagnostics));
  const Diagnostic* d = first_error(diagnostics);
  REQUIRE(d);
  CHECK(d->where.file == "templates/article.mustache");
  CHECK(d->message.find("missing template") != std::string::npos);
  REQUIRE(d->notes.size() == 1);
  CHECK(d->notes[0] ==
        "this theme has: code, code_at_date, code_part, diff, home, layout, not_found, redirect, "
        "search, texte, textes, version");
}

TEST_CASE("a template including a partial that does not exist is refused", "[render][theme]") {
  Diagnostics diagnostics;
  auto files = default_theme_with({{"templates/home.mustache", "<h1>Codes</h1>\n{{> heder}}\n"}});
  CHECK_FALSE(Theme::load(files, diagnostics));
  const Diagnostic* d = first_error(diagnostics);
  REQUIRE(d);
  CHECK(d->where.file == "templates/home.mustache");
  CHECK(d->where.line == 2);
  CHECK(d->message == "unknown partial 'heder'");
  CHECK(d->notes == std::vector<std::string>{"did you mean 'header'?"});
}

TEST_CASE("only *_html fields may be inserted without escaping", "[render][theme]") {
  Diagnostics diagnostics;
  auto files = default_theme_with(
      {{"templates/home.mustache", "{{#codes}}{{{title}}}{{& href}}{{/codes}}"}});
  CHECK_FALSE(Theme::load(files, diagnostics));
  CHECK(diagnostics.error_count() == 2);
  const Diagnostic* d = first_error(diagnostics);
  REQUIRE(d);
  CHECK(d->message.find("'title' is inserted without escaping") == 0);
}

TEST_CASE("a misspelt field is a warning with a suggestion, since Mustache would print nothing",
          "[render][theme]") {
  Diagnostics diagnostics;
  auto files = default_theme_with({{"templates/home.mustache", "<h1>{{sumary_label}}</h1>\n"}});
  CHECK(Theme::load(files, diagnostics));
  REQUIRE(diagnostics.all().size() == 1);
  const Diagnostic& d = diagnostics.all()[0];
  CHECK(d.severity == Severity::kWarning);
  CHECK(d.where.line == 1);
  CHECK(d.where.column == 5);
  CHECK(d.message == "unknown field 'sumary_label': Mustache renders it as nothing");
  CHECK(d.notes == std::vector<std::string>{"did you mean 'summary_label'?"});
}

TEST_CASE("a layout that never inserts the page's content is refused", "[render][theme]") {
  Diagnostics diagnostics;
  auto files = default_theme_with(
      {{"templates/layout.mustache", "<!DOCTYPE html>\n<html lang=\"fr\"><main></main></html>\n"}});
  CHECK_FALSE(Theme::load(files, diagnostics));
  const Diagnostic* d = first_error(diagnostics);
  REQUIRE(d);
  CHECK(d->message == "the layout never inserts the page's content");
}

// Theme::load refuses such a theme; the engine adapter must still say so rather than write an
// empty page, since the engine only finds a partial's errors while rendering.
TEST_CASE("an error the engine finds while rendering names the template and fails the page",
          "[render][theme]") {
  Theme::Impl theme;
  theme.templates["layout"] = {"templates/layout.mustache", "<main>{{{main_html}}}</main>"};
  theme.templates["home"] = {"templates/home.mustache", "<h1>{{site_name}}</h1>{{> bad}}"};
  // Including itself keeps it a partial, parsed only when used.
  theme.partials["bad"] = {"templates/partials/bad.mustache", "{{#x}}{{> bad}}"};
  CompiledTheme compiled(theme);
  View view;
  view.set("site_name", "legisite");
  std::string html;
  TemplateRenderError error;
  CHECK_FALSE(compiled.render_page("home", view, html, error));
  CHECK(error.file == "templates/home.mustache");
  CHECK(error.message == "Unclosed section \"x\" at 0");
  // The next page gets a fresh template, and fails the same way rather than silently.
  CHECK_FALSE(compiled.render_page("home", view, html, error));

  theme.partials["bad"].source = "{{#x}}{{> bad}}{{/x}}";
  CompiledTheme fixed(theme);
  CHECK(fixed.render_page("home", view, html, error));
  CHECK(html == "<main><h1>legisite</h1></main>");
}

int count_of(const std::string& text, const std::string& needle) {
  int n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// A section that includes itself is pasted into the template a few levels deep and stays a
// partial below: nesting deeper than that renders the same as nesting within it.
TEST_CASE("a partial that includes itself renders at any depth", "[render][theme]") {
  Theme::Impl theme;
  theme.templates["layout"] = {"templates/layout.mustache", "<main>\n{{{main_html}}}\n</main>\n"};
  theme.templates["home"] = {"templates/home.mustache", "{{#root}}\n{{> level}}\n{{/root}}\n"};
  theme.partials["level"] = {"templates/partials/level.mustache",
                             "<ol data-n=\"{{n}}\">\n{{#child}}\n{{> level}}\n{{/child}}\n</ol>\n"};
  CompiledTheme compiled(theme);
  CompiledTheme engine_only(theme, 0);
  for (int depth : {1, 3, 10, 11, 25}) {
    View root;
    View* at = &root.set("root", View::record());
    for (int n = 1; n <= depth; ++n) {
      at->set("n", std::to_string(n));
      // The deepest level says it has no child, or {{#child}} would find its parent's.
      if (n < depth)
        at = &at->set("child", View::record());
      else
        at->set_flag("child", false);
    }
    std::string html, expected;
    TemplateRenderError error;
    REQUIRE(engine_only.render_page("home", root, expected, error));
    REQUIRE(compiled.render_page("home", root, html, error));
    CHECK(html == expected);
    CHECK(count_of(html, "<ol data-n=") == depth);
  }
}

// A page renders inside the layout in one pass when that gives the same bytes; a page whose
// last line is a standalone tag without a line break would not, and renders apart.
TEST_CASE("pages render the same inside the layout whether or not they end a line",
          "[render][theme]") {
  Theme::Impl theme;
  theme.templates["layout"] = {"templates/layout.mustache",
                               "<title>{{title}}</title>\n<main>\n{{{main_html}}}\n</main>\n"};
  theme.templates["home"] = {"templates/home.mustache",
                             "<h1>{{title}}</h1>\n{{#flag}}\nyes\n{{/flag}}\n"};
  theme.templates["code"] = {"templates/code.mustache",
                             "<h1>{{title}}</h1>\n{{#flag}}\nyes\n{{/flag}}"};
  CompiledTheme compiled(theme);
  View view;
  view.set("title", "A & B");
  view.set_flag("flag", true);
  std::string html;
  TemplateRenderError error;
  REQUIRE(compiled.render_page("home", view, html, error));
  CHECK(html == "<title>A &amp; B</title>\n<main>\n<h1>A &amp; B</h1>\nyes\n\n</main>\n");
  REQUIRE(compiled.render_page("code", view, html, error));
  CHECK(html == "<title>A &amp; B</title>\n<main>\n<h1>A &amp; B</h1>\nyes\n\n</main>\n");
}

// Rendering a page reuses the engine data of the previous page of its kind: whatever the order
// of views (fields that come and go, empty texts, flags that flip, lists that grow and shrink),
// each page must come out as if it had been rendered alone.
TEST_CASE("a page renders the same after any other page of its kind", "[render][theme]") {
  Theme::Impl theme;
  theme.templates["layout"] = {"templates/layout.mustache", "<main>\n{{{main_html}}}\n</main>\n"};
  theme.templates["home"] = {
      "templates/home.mustache",
      "<h1>{{title}}</h1>{{#flag}} F{{/flag}}{{^flag}} no F{{/flag}} {{extra}}\n"
      "{{#items}}<li>{{name}}{{#note}} ({{note}}){{/note}}{{#flag}}!{{/flag}}</li>\n{{/items}}\n"};
  CompiledTheme reusing(theme);
  std::mt19937 random(20261127);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  auto some_text = [&] {
    static const char* kTexts[] = {
        "", "a", "b & c", "une phrase assez longue pour ne pas tenir dans un petit tampon"};
    return std::string(kTexts[pick(4)]);
  };
  for (int page = 0; page < 300; ++page) {
    View view;
    // Fields in varying order and presence, as builders of other page kinds might set them.
    if (pick(2)) view.set("title", some_text());
    if (pick(3) == 0) view.set("extra", some_text());
    if (pick(2)) view.set_flag("flag", pick(2) == 0);
    if (pick(4) != 0) {
      View& items = view.set("items", View::list());
      for (int i = pick(5); i > 0; --i) {
        View& item = items.push(View::record());
        item.set("name", some_text());
        if (pick(2)) item.set("note", some_text());
        if (pick(4) == 0) item.set_flag("flag", pick(2) == 0);
      }
    } else if (pick(2)) {
      view.set("items", some_text());  // the same name, another kind
    }
    View copy = view;
    CompiledTheme alone(theme);
    std::string expected, html;
    TemplateRenderError error;
    REQUIRE(alone.render_page("home", copy, expected, error));
    REQUIRE(reusing.render_page("home", std::move(view), html, error));
    REQUIRE(html == expected);
  }
}

TEST_CASE("the template scanner sees every kind of tag", "[render][theme]") {
  std::vector<TemplateTag> tags;
  CHECK(scan_template("a {{x}} {{{y_html}}} {{& z}} {{#s}}{{^t}}{{/t}}{{/s}} {{> p}} {{! c }}",
                      tags));
  using Kind = TemplateTag::Kind;
  std::vector<std::pair<Kind, std::string>> seen;
  for (const auto& t : tags) seen.emplace_back(t.kind, t.name);
  CHECK(seen == std::vector<std::pair<Kind, std::string>>{{Kind::kVariable, "x"},
                                                          {Kind::kUnescaped, "y_html"},
                                                          {Kind::kUnescaped, "z"},
                                                          {Kind::kSection, "s"},
                                                          {Kind::kInverted, "t"},
                                                          {Kind::kClose, "t"},
                                                          {Kind::kClose, "s"},
                                                          {Kind::kPartial, "p"},
                                                          {Kind::kComment, "c"}});
  CHECK(tags[1].offset == 8);
  tags.clear();
  CHECK_FALSE(scan_template("{{=<% %>=}}<% x %>", tags));
}

}  // namespace
}  // namespace legisite::theme_test
