#include "render/version_compare.h"

#include "render/json_writer.h"
#include "render/text_links.h"
#include "render/version_pages.h"
#include "resolve/history.h"
#include "text/utf8.h"

namespace legisite {

namespace {

// "version du 8 juillet 2013", as the diff page names the versions it compares.
std::string version_label(const Version& v) {
  return v.start.is_calendar_day() ? "version du " + v.start.french() : std::string("version");
}

// The label of a form's option: the version's dates, as the versions table gives them, and the
// rank of a version that started on the same day as another (its folder says "-2").
std::string option_label(const Version& v) {
  std::string out = v.start.is_calendar_day() ? "du " + v.start.french() : std::string("version");
  if (const std::size_t dash = v.slug.find('-', 10); dash != std::string::npos)
    out += " (" + v.slug.substr(dash + 1) + ")";
  const Date end = v.end.is_calendar_day() ? v.end : v.ends_on;
  if (end.is_calendar_day()) out += " au " + end.french();
  return out;
}

// UTF-16 offsets of byte offsets into `utf8`, for offsets in ascending order.
class Utf16Offsets {
 public:
  explicit Utf16Offsets(std::string_view utf8) : text_(utf8) {}
  std::size_t at(std::size_t byte) {
    if (byte < byte_) byte_ = 0, units_ = 0;  // links are sorted; this is a safety net
    for (; byte_ < byte && byte_ < text_.size(); ++byte_) units_ += units(text_[byte_]);
    return units_;
  }
  static std::size_t units(char c) {
    if (is_continuation_byte(c)) return 0;
    // A code point past U+FFFF is a surrogate pair.
    return static_cast<unsigned char>(c) >= 0xF0 ? 2 : 1;
  }

 private:
  std::string_view text_;
  std::size_t byte_ = 0, units_ = 0;
};

}  // namespace

std::size_t utf16_length(std::string_view utf8) {
  std::size_t n = 0;
  for (char c : utf8) n += Utf16Offsets::units(c);
  return n;
}

std::vector<std::int32_t> comparable_versions(const Article& article, const SiteOptions& options) {
  std::vector<std::int32_t> out;
  if (!options.history) return out;
  for (std::size_t i = 0; i < article.versions.size(); ++i)
    if (article.versions[i].has_text && !article.versions[i].slug.empty())
      out.push_back(static_cast<std::int32_t>(i));
  if (out.size() < kMinComparable) out.clear();
  return out;
}

std::string versions_script_path(const std::string& article_page_path) {
  const std::size_t slash = article_page_path.rfind('/');
  return (slash == std::string::npos ? std::string() : article_page_path.substr(0, slash + 1)) +
         std::string(kVersionsScript);
}

std::string versions_script(const Corpus& corpus, const Article& article,
                            const std::vector<std::int32_t>& versions,
                            const std::string& article_page_path) {
  JsonWriter json;
  std::size_t size = 0;
  for (std::int32_t i : versions) size += article.versions[i].text_html.size() + 256;
  json.reserve(size + size / 8);
  json.begin_object();
  json.key("versions").begin_array();
  for (std::int32_t i : versions) {
    const Version& v = article.versions[i];
    json.begin_object();
    json.key("label").string(version_label(v));
    json.key("href").string(
        relative_href(article_page_path, version_page_path(corpus, article, v.slug)));
    std::int64_t base = -1;
    for (std::size_t k = 0; k < versions.size(); ++k)
      if (versions[k] == v.diff_base) base = static_cast<std::int64_t>(k);
    json.key("base").integer(base);
    json.key("amended").string(version_amended_by(v));
    json.key("text").string(v.text_html);
    json.key("links").begin_array();
    Utf16Offsets offsets(v.text_html);
    for (const TextLink& l : citation_links(corpus, article_page_path, v, v.start)) {
      json.begin_array();
      json.integer(static_cast<std::int64_t>(offsets.at(l.begin)));
      json.integer(static_cast<std::int64_t>(offsets.at(l.end)));
      json.string(l.href);
      json.string(l.title);
      json.integer((l.repoint ? 1 : 0) | (l.unwrap ? 2 : 0));
      json.end_array();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.end_object();
  std::string body = json.finish();
  while (!body.empty() && body.back() == '\n') body.pop_back();
  return "legisiteVersions(" + body + ");\n";
}

void add_version_compare(View& view, const SiteOptions& options, const Article& article) {
  const std::vector<std::int32_t> versions = comparable_versions(article, options);
  if (versions.empty()) {
    view.set_flag("version_compare", false);
    return;
  }
  View compare;
  View list = View::list();
  for (std::size_t k = versions.size(); k-- > 0;) {
    View option;
    option.set("value", std::to_string(k));
    option.set("label", option_label(article.versions[versions[k]]));
    option.set_flag("selected_before", k == 0);
    option.set_flag("selected_after", k + 1 == versions.size());
    list.push(std::move(option));
  }
  compare.set("compare_options", std::move(list));
  compare.set("compare_data", std::string(kVersionsScript));
  view.set("version_compare", std::move(compare));
}

const std::vector<std::string_view>& version_compare_field_names() {
  static const std::vector<std::string_view> kNames = {"version_compare", "compare_options",
                                                       "value",           "selected_before",
                                                       "selected_after",  "compare_data"};
  return kNames;
}

}  // namespace legisite
