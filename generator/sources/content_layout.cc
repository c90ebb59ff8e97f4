#include "sources/content_layout.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "io/file_system.h"
#include "model/article_number.h"
#include "sources/front_matter.h"
#include "sources/markdown_reader.h"
#include "sources/source_text.h"
#include "text/ascii.h"

namespace legisite {

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) {
      parts.push_back(path.substr(start));
      return parts;
    }
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
}

// The first "YYYY-MM-DD" of a file name that is not part of a longer run of digits.
std::string_view date_text_in(std::string_view name) {
  for (std::size_t i = 0; i + 10 <= name.size(); ++i) {
    std::string_view s = name.substr(i, 10);
    bool shape = s[4] == '-' && s[7] == '-';
    for (std::size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) shape = shape && is_digit(s[k]);
    if (!shape) continue;
    if (i > 0 && is_digit(name[i - 1])) continue;
    if (i + 10 < name.size() && is_digit(name[i + 10])) continue;
    return s;
  }
  return {};
}

// `NNN_YYYY-MM-DD_<id>.md`, as dated histories name versions: the sequence and id make two
// versions of the same day distinct.
bool is_history_file_name(std::string_view name) {
  std::size_t i = 0;
  while (i < name.size() && name[i] >= '0' && name[i] <= '9') ++i;
  if (i == 0 || i + 12 >= name.size() || name[i] != '_') return false;
  if (!Date::parse(name.substr(i + 1, 10)) || name[i + 11] != '_') return false;
  auto rest = name.substr(i + 12);
  return rest.size() > 3 && rest.substr(rest.size() - 3) == ".md";
}

}  // namespace

std::string version_folder_number(std::string_view name) {
  if (name.size() < 8 || !starts_with_ignoring_case(name, "article")) return {};
  if (name[7] != ' ' && name[7] != '\t') return {};
  return std::string(trim_spaces(name.substr(8)));
}

ContentPath classify_markdown_path(std::string_view path) {
  ContentPath out;
  std::vector<std::string_view> parts = split_path(path);
  std::string_view file = parts.back();
  out.date_in_name = std::string(date_text_in(file));
  if (!out.date_in_name.empty()) out.date_from_name = Date::parse(out.date_in_name);

  for (std::size_t i = 0; i + 1 < parts.size(); ++i)
    if (parts[i].empty() || parts[i][0] == '.') return out;  // hidden folders hold no content
  if (parts.size() >= 2) {
    out.code_folder = std::string(parts[0]);
    std::string folder = out.code_folder;
    for (std::size_t i = 1; i + 1 < parts.size(); ++i) {
      std::string number = version_folder_number(parts[i]);
      if (!number.empty()) {
        out.version_folder_number = std::move(number);
        break;  // what lies below a version folder is versions of that article, not sections
      }
      folder += '/';
      folder += parts[i];
      out.section_folders.push_back(folder);
    }
  }

  std::string name = lower(file);
  if (name.empty() || name[0] == '.' || name == "readme.md") return out;
  if (name[0] == '_') {
    if (name == "_index.md" && !out.code_folder.empty() && out.version_folder_number.empty())
      out.role = MarkdownRole::kIndex;
    return out;
  }
  out.role = MarkdownRole::kArticle;
  return out;
}

ContentLayout ContentLayout::read(const FileSystem& files, const std::vector<std::string>& paths,
                                  Diagnostics& diagnostics, std::size_t& files_read) {
  ContentLayout layout;
  std::map<std::string, std::set<std::string>> children;  // parent folder -> section folders
  for (const std::string& path : paths) {
    if (!ends_with_ignoring_case(path, ".md")) continue;
    ContentPath place = classify_markdown_path(path);
    if (place.code_folder.empty()) continue;
    std::string parent = place.code_folder;
    for (const std::string& folder : place.section_folders) {
      children[parent].insert(folder);
      parent = folder;
    }
    if (place.role != MarkdownRole::kIndex) continue;

    std::string text, error;
    if (!files.read_file(path, text, error)) {
      diagnostics.error({path, 0, 0}, "cannot read file: " + error);
      continue;
    }
    ++files_read;
    SourceText source(path, text);
    FrontMatter front;
    if (!parse_front_matter(source, FrontMatterKind::kIndex, front, diagnostics)) continue;
    FolderIndex& index = layout.indexes_[parent];
    index.title = front.title;
    index.id = front.id;
    index.order = front.order;
  }

  for (auto& [parent, folders] : children) {
    std::vector<std::string> sorted(folders.begin(), folders.end());
    auto order_of = [&](const std::string& folder) -> std::optional<std::int64_t> {
      auto it = layout.indexes_.find(folder);
      return it == layout.indexes_.end() ? std::nullopt : it->second.order;
    };
    std::sort(sorted.begin(), sorted.end(), [&](const std::string& a, const std::string& b) {
      auto oa = order_of(a), ob = order_of(b);
      if (oa.has_value() != ob.has_value()) return oa.has_value();  // explicit orders first
      if (oa && *oa != *ob) return *oa < *ob;
      if (int c = compare_code_order(base_name(a), base_name(b))) return c < 0;
      return a < b;
    });
    for (std::size_t i = 0; i < sorted.size(); ++i)
      layout.ranks_[sorted[i]] = static_cast<std::int64_t>(i);
  }
  return layout;
}

std::string ContentLayout::code_title(const std::string& code_folder) const {
  auto it = indexes_.find(code_folder);
  return it == indexes_.end() || it->second.title.empty() ? code_folder : it->second.title;
}

std::string ContentLayout::code_id(const std::string& code_folder) const {
  auto it = indexes_.find(code_folder);
  return it == indexes_.end() ? std::string() : it->second.id;
}

std::vector<SectionRef> ContentLayout::section_path(
    const std::vector<std::string>& section_folders) const {
  std::vector<SectionRef> path;
  for (const std::string& folder : section_folders) {
    SectionRef ref;
    ref.title = base_name(folder);
    if (auto it = indexes_.find(folder); it != indexes_.end()) {
      if (!it->second.title.empty()) ref.title = it->second.title;
      ref.legi_id = it->second.id;
    }
    if (auto it = ranks_.find(folder); it != ranks_.end()) ref.order = it->second;
    path.push_back(std::move(ref));
  }
  return path;
}

bool place_markdown_article(const ContentLayout& layout, const ContentPath& place,
                            const std::string& path, MarkdownArticle&& article,
                            ArticleRecord& record, Diagnostics& diagnostics) {
  record = ArticleRecord();
  if (place.code_folder.empty() && article.code_title.empty()) {
    diagnostics.error(article.version.origin,
                      "article outside a code folder; put it under <content>/<code>/ or give "
                      "'code:' front matter");
    return false;
  }
  if (place.code_folder.empty()) {
    record.code_title = article.code_title;
  } else {
    std::string folder_title = layout.code_title(place.code_folder);
    record.code_title = article.code_title.empty() ? folder_title : article.code_title;
    // The folder's LEGITEXT names the folder's code, not another one named by `code:`.
    if (code_title_key(record.code_title) == code_title_key(folder_title))
      record.code_legi_id = layout.code_id(place.code_folder);
    record.section_path = layout.section_path(place.section_folders);
  }

  if (!place.version_folder_number.empty() &&
      ArticleNumber(place.version_folder_number) != article.number) {
    diagnostics.warning(article.version.origin,
                        "article " + article.number.text() + " sits in folder 'Article " +
                            place.version_folder_number + "'; the heading's number is used");
  }

  Version& version = article.version;
  if (is_history_file_name(base_name(path))) version.source_key = base_name(path);
  if (!version.start.known() && !place.date_in_name.empty()) {
    if (place.date_from_name) {
      version.start = *place.date_from_name;
    } else {
      diagnostics.warning({path, 0, 0}, "'" + place.date_in_name +
                                            "' in the file name is not a real date; the "
                                            "version is left undated");
    }
  }
  record.number = std::move(article.number);
  record.cid = std::move(article.cid);
  record.version = std::move(article.version);
  return true;
}

}  // namespace legisite
