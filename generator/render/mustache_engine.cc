// The only file that includes the Mustache engine.
#include "render/mustache_engine.h"

#include <kainjow/mustache.hpp>

#include <map>
#include <set>
#include <vector>

#include "render/template_check.h"

namespace legisite {

namespace {

namespace km = kainjow::mustache;

// The engine's own escape writes &apos;, a named entity that XML tools reading our pages may
// not know; the numeric form means the same everywhere.
std::string escape_html(const std::string& text) {
  // Runs without special characters are copied whole: most fields have none.
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t from = 0;
  for (std::size_t at = text.find_first_of("&<>\"'"); at != std::string::npos;
       at = text.find_first_of("&<>\"'", from)) {
    out.append(text, from, at - from);
    switch (text[at]) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += "&#39;"; break;
    }
    from = at + 1;
  }
  out.append(text, from, std::string::npos);
  return out;
}

// Builds engine data in place: the engine only copies when appending to a list or setting a
// field, and a page's tree (a whole code's table of contents) is too big to copy per level.
void fill(km::data& out, const View& view) {
  switch (view.kind()) {
    case View::Kind::kText:
      // An empty text is false, so that {{#field}} tests for content (the engine would treat
      // "" as true) and a lookup never falls through to an outer field of the same name.
      out = view.text_value().empty() ? km::data(false) : km::data(view.text_value());
      break;
    case View::Kind::kFlag:
      out = km::data(view.flag_value());
      break;
    case View::Kind::kList:
      out = km::data(km::data::type::list);
      for (const View& item : view.items()) {
        out.push_back(km::data(false));
        // The engine only hands out its list as const; the element itself is ours to fill.
        fill(const_cast<km::data&>(out.list_value().back()), item);
      }
      break;
    case View::Kind::kRecord:
      out = km::data(km::data::type::object);
      for (std::size_t i = 0; i < view.keys().size(); ++i) fill(out[view.keys()[i]], view.values()[i]);
      break;
  }
}

// Partials come from the theme, not from the page data, so a field can never shadow a partial
// of the same name.
class ThemeContext final : public km::context<std::string> {
 public:
  ThemeContext(const km::data* root, const std::map<std::string, km::data>& partials)
      : km::context<std::string>(root), partials_(partials) {}
  const km::data* get_partial(const std::string& name) const override {
    auto it = partials_.find(name);
    return it == partials_.end() ? nullptr : &it->second;
  }

 private:
  const std::map<std::string, km::data>& partials_;
};

// The engine writes to anything with operator<<; appending to a string avoids a stream.
struct Appender {
  std::string& out;
  Appender& operator<<(const std::string& piece) {
    out += piece;
    return *this;
  }
};

// The engine parses a partial again at every use, which dominated rendering (a status badge per
// article of a table of contents). Partials that do not include themselves are therefore pasted
// into the templates once; those that do (a table of contents' sections) stay partials.
class PartialInliner {
 public:
  explicit PartialInliner(const std::map<std::string, ThemeTemplate>& partials)
      : partials_(partials) {
    for (const auto& [name, _] : partials_)
      if (reaches(name, name, {})) recursive_.insert(name);
  }
  bool recursive(const std::string& name) const { return recursive_.count(name) != 0; }

  std::string expand(const std::string& source) const {
    std::vector<TemplateTag> tags;
    // A template that changes delimiters is left alone: the tags found would be wrong.
    if (!scan_template(source, tags)) return source;
    std::string out;
    std::size_t copied = 0;
    for (const TemplateTag& tag : tags) {
      if (tag.kind != TemplateTag::Kind::kPartial || recursive(tag.name)) continue;
      auto partial = partials_.find(tag.name);
      if (partial == partials_.end()) continue;
      std::size_t end = source.find("}}", tag.offset);
      out.append(source, copied, tag.offset - copied);
      out += expand(partial->second.source);
      copied = end + 2;
    }
    out.append(source, copied, std::string::npos);
    return out;
  }

 private:
  bool reaches(const std::string& from, const std::string& target,
               std::set<std::string> seen) const {
    auto it = partials_.find(from);
    if (it == partials_.end() || !seen.insert(from).second) return false;
    std::vector<TemplateTag> tags;
    scan_template(it->second.source, tags);
    for (const TemplateTag& tag : tags) {
      if (tag.kind != TemplateTag::Kind::kPartial) continue;
      if (tag.name == target || reaches(tag.name, target, seen)) return true;
    }
    return false;
  }

  const std::map<std::string, ThemeTemplate>& partials_;
  std::set<std::string> recursive_;
};

}  // namespace

bool parse_template(const std::string& source, TemplateSyntaxError& error) {
  km::mustache parsed(source);
  if (parsed.is_valid()) return true;
  error.message = parsed.error_message();
  // The engine ends its messages with " at <byte offset>".
  auto at = error.message.rfind(" at ");
  if (at != std::string::npos && at + 4 < error.message.size() &&
      error.message.find_first_not_of("0123456789", at + 4) == std::string::npos) {
    error.offset = std::stoul(error.message.substr(at + 4));
    error.has_offset = true;
    error.message.resize(at);
  }
  return false;
}

struct CompiledTheme::Impl {
  std::map<std::string, km::mustache> templates;
  std::map<std::string, const ThemeTemplate*> sources;
  std::map<std::string, std::string> expanded;  // sources with partials pasted in
  std::map<std::string, km::data> partials;

  bool render(const std::string& name, const km::data& data, std::string& out,
              TemplateRenderError& error) {
    auto it = templates.find(name);
    if (it == templates.end()) {
      error = {"templates/" + name + ".mustache", "the theme has no such template"};
      return false;
    }
    ThemeContext context(&data, partials);
    Appender appender{out};
    it->second.render(context, appender);
    if (it->second.is_valid()) return true;
    error = {sources[name]->file, it->second.error_message()};
    // The engine keeps the error on the template and would render nothing from now on; start
    // afresh so the next page gets its own chance (and its own report).
    it->second = km::mustache(expanded[name]);
    it->second.set_custom_escape(escape_html);
    return false;
  }
};

CompiledTheme::CompiledTheme(const Theme::Impl& theme) : impl_(std::make_unique<Impl>()) {
  PartialInliner inliner(theme.partials);
  for (const auto& [name, t] : theme.templates) {
    const std::string& source = impl_->expanded[name] = inliner.expand(t.source);
    auto [it, inserted] = impl_->templates.try_emplace(name, source);
    it->second.set_custom_escape(escape_html);
    impl_->sources[name] = &t;
  }
  // Recursive partials stay partials, with what they include pasted in.
  for (const auto& [name, t] : theme.partials)
    if (inliner.recursive(name)) impl_->partials.emplace(name, km::data(inliner.expand(t.source)));
}

CompiledTheme::~CompiledTheme() = default;

bool CompiledTheme::render_page(const std::string& page, const View& view, std::string& out,
                                TemplateRenderError& error) {
  km::data data;
  fill(data, view);
  std::string main;
  if (!impl_->render(page, data, main, error)) return false;
  data["main_html"] = km::data(main);
  out.clear();
  return impl_->render("layout", data, out, error);
}

}  // namespace legisite
