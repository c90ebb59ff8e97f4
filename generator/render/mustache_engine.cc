// The only file that includes the Mustache engine.
#include "render/mustache_engine.h"

#include <kainjow/mustache.hpp>
#include <map>
#include <set>
#include <vector>

#include "render/template_check.h"
#include "text/html_escape.h"

namespace legisite {

namespace {

namespace km = kainjow::mustache;

// The engine's own escape writes &apos;, a named entity that XML tools reading our pages may
// not know; the numeric form means the same everywhere.
std::string escape_html(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 16);
  append_html_escaped(out, text, Apostrophes::kEscaped);
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
    case View::Kind::kList: {
      out = km::data(km::data::type::list);
      // The engine only hands out its list as const; the list itself is ours to fill. Its
      // elements' move constructor is not noexcept, so a list that grew would copy every
      // element filled so far, subtrees included: room for all of them comes first.
      auto& items = const_cast<km::list&>(out.list_value());
      items.reserve(view.items().size());
      for (const View& item : view.items()) {
        items.emplace_back(false);
        fill(items.back(), item);
      }
      break;
    }
    case View::Kind::kRecord:
      out = km::data(km::data::type::object);
      for (std::size_t i = 0; i < view.keys().size(); ++i)
        fill(out[view.keys()[i]], view.values()[i]);
      break;
  }
}

// Brings `out`, the engine data of `before`, up to date with `now`. Consecutive pages of one
// kind have views of the same shape (the same fields in the same order, lists of similar
// lengths), so most of the engine's nodes, maps and strings can be reused where they are:
// building them afresh was a third of the time spent on templates.
void refill(km::data& out, const View& now, const View& before) {
  if (now.kind() != before.kind()) {
    fill(out, now);
    return;
  }
  switch (now.kind()) {
    case View::Kind::kText:
      if (now.text_value().empty()) {
        if (!out.is_false()) out = km::data(false);
      } else if (out.is_string()) {
        // The engine only hands out its string as const; the string itself is ours.
        const_cast<std::string&>(out.string_value()).assign(now.text_value());
      } else {
        out = km::data(now.text_value());
      }
      break;
    case View::Kind::kFlag:
      if (now.flag_value() != out.is_true()) out = km::data(now.flag_value());
      break;
    case View::Kind::kList: {
      auto& items = const_cast<km::list&>(out.list_value());
      const std::vector<View>& next = now.items();
      if (items.size() > next.size()) items.erase(items.begin() + next.size(), items.end());
      items.reserve(next.size());  // see fill: growing would copy every element
      for (std::size_t i = 0; i < next.size(); ++i) {
        if (i < items.size()) {
          refill(items[i], next[i], before.items()[i]);
        } else {
          items.emplace_back(false);
          fill(items.back(), next[i]);
        }
      }
      break;
    }
    case View::Kind::kRecord:
      // Another set of fields: start afresh, since the engine cannot remove a field.
      if (now.keys() != before.keys()) {
        fill(out, now);
        break;
      }
      for (std::size_t i = 0; i < now.keys().size(); ++i)
        refill(out[now.keys()[i]], now.values()[i], before.values()[i]);
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
// article of a table of contents). Partials are therefore pasted into the templates once, which
// renders the same: the engine renders a partial into the line it was included on, exactly as
// if its text stood there. A partial that includes itself (a table of contents' sections) is
// unrolled a few levels deep, as deep as a size budget allows; below that it stays a partial,
// parsed on use like any other engine's.
class PartialInliner {
 public:
  PartialInliner(const std::map<std::string, ThemeTemplate>& partials, int unrolled_levels)
      : partials_(partials), unrolled_levels_(unrolled_levels) {
    for (const auto& [name, partial] : partials_) {
      if (!reaches(name, name, {})) continue;
      recursive_.insert(name);
      // One that does not parse stays a partial, so that the engine's error names its offset.
      if (km::mustache(partial.source).is_valid()) unrollable_.insert(name);
    }
  }
  bool recursive(const std::string& name) const { return recursive_.count(name) != 0; }

  /// `source` with its partials pasted in, recursive ones as deep as the budget allows.
  std::string expand(const std::string& source) const {
    for (int depth = unrolled_levels_;; --depth) {
      std::string out = expand(source, depth);
      if (out.size() <= kMaxExpandedSize || depth == 0) return out;
    }
  }

 private:
  // The size cap keeps a partial that includes itself twice from growing the template
  // exponentially.
  static constexpr std::size_t kMaxExpandedSize = 256 * 1024;

  std::string expand(const std::string& source, int unroll) const {
    std::vector<TemplateTag> tags;
    // A template that changes delimiters is left alone: the tags found would be wrong.
    if (!scan_template(source, tags)) return source;
    std::string out;
    std::size_t copied = 0;
    for (const TemplateTag& tag : tags) {
      if (tag.kind != TemplateTag::Kind::kPartial) continue;
      bool again = recursive(tag.name);
      if (again && (unroll == 0 || unrollable_.count(tag.name) == 0)) continue;
      auto partial = partials_.find(tag.name);
      if (partial == partials_.end()) continue;
      std::size_t end = source.find("}}", tag.offset);
      out.append(source, copied, tag.offset - copied);
      out += expand(partial->second.source, again ? unroll - 1 : unroll);
      copied = end + 2;
    }
    out.append(source, copied, std::string::npos);
    return out;
  }

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
  int unrolled_levels_;
  std::set<std::string> recursive_;
  std::set<std::string> unrollable_;
};

// The layout with `page` in place of its {{{main_html}}}, so that a page renders in one pass:
// no second render, no copy of the page's content into the layout's data. Rendering the two
// apart or together gives the same bytes as long as main_html is used once, outside any section
// (the page then renders in the layout's root context, as it does alone), neither template
// changes delimiters, and the page ends with a line break (a standalone tag on a last line
// without one would swallow the layout's next line break). Empty when that does not hold.
std::string page_in_layout(const std::string& layout, const std::string& page) {
  std::vector<TemplateTag> layout_tags, page_tags;
  if (!scan_template(layout, layout_tags) || !scan_template(page, page_tags)) return {};
  if (!page.empty() && page.back() != '\n') return {};
  for (const TemplateTag& tag : page_tags)
    if (tag.name == "main_html") return {};
  int depth = 0;
  const TemplateTag* slot = nullptr;
  for (const TemplateTag& tag : layout_tags) {
    if (tag.kind == TemplateTag::Kind::kSection || tag.kind == TemplateTag::Kind::kInverted)
      ++depth;
    if (tag.kind == TemplateTag::Kind::kClose) --depth;
    if (tag.name != "main_html") continue;
    if (slot || depth != 0 || tag.kind != TemplateTag::Kind::kUnescaped) return {};
    slot = &tag;
  }
  if (!slot) return {};
  bool triple = layout.compare(slot->offset, 3, "{{{") == 0;
  std::size_t end = layout.find(triple ? "}}}" : "}}", slot->offset);
  if (end == std::string::npos) return {};
  end += triple ? 3 : 2;
  return layout.substr(0, slot->offset) + page + layout.substr(end);
}

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
  std::set<std::string> in_layout;              // pages whose template holds the layout around them
  // The last view rendered with each template that holds the layout, and its engine data.
  std::map<std::string, std::pair<View, km::data>> last;
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

CompiledTheme::CompiledTheme(const Theme::Impl& theme, int unrolled_levels)
    : impl_(std::make_unique<Impl>()) {
  PartialInliner inliner(theme.partials, unrolled_levels);
  for (const auto& [name, t] : theme.templates) {
    const std::string& source = impl_->expanded[name] = inliner.expand(t.source);
    auto [it, inserted] = impl_->templates.try_emplace(name, source);
    it->second.set_custom_escape(escape_html);
    impl_->sources[name] = &t;
  }
  // Pages that can render in one pass get the layout pasted around them.
  if (auto layout = impl_->expanded.find("layout"); layout != impl_->expanded.end()) {
    for (auto& [name, source] : impl_->expanded) {
      if (name == "layout") continue;
      std::string whole = page_in_layout(layout->second, source);
      if (whole.empty()) continue;
      source = std::move(whole);
      impl_->templates.at(name) = km::mustache(source);
      impl_->templates.at(name).set_custom_escape(escape_html);
      impl_->in_layout.insert(name);
    }
  }
  // Recursive partials below the unrolled depth stay partials, with what they include pasted in.
  for (const auto& [name, t] : theme.partials)
    if (inliner.recursive(name)) impl_->partials.emplace(name, km::data(inliner.expand(t.source)));
}

CompiledTheme::~CompiledTheme() = default;

bool CompiledTheme::render_page(const std::string& page, View&& view, std::string& out,
                                TemplateRenderError& error) {
  if (!impl_->in_layout.count(page))
    return render_page(page, static_cast<const View&>(view), out, error);
  auto [last, first] = impl_->last.try_emplace(page);
  auto& [before, data] = last->second;
  if (first)
    fill(data, view);
  else
    refill(data, view, before);
  before = std::move(view);
  out.clear();
  return impl_->render(page, data, out, error);
}

bool CompiledTheme::render_page(const std::string& page, const View& view, std::string& out,
                                TemplateRenderError& error) {
  km::data data;
  fill(data, view);
  out.clear();
  if (impl_->in_layout.count(page)) return impl_->render(page, data, out, error);
  std::string main;
  if (!impl_->render(page, data, main, error)) return false;
  data["main_html"] = km::data(main);
  return impl_->render("layout", data, out, error);
}

}  // namespace legisite
