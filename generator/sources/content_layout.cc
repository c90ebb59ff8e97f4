#include "sources/content_layout.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "io/file_system.h"
#include "model/article_number.h"
#include "sources/front_matter.h"
#include "sources/markdown_reader.h"
#include "sources/source_text.h"
#include "sources/whole_code_markdown.h"
#include "text/ascii.h"
#include "text/fold.h"
#include "text/roman_numerals.h"

namespace legisite {

namespace {

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

namespace {

// Files a repository keeps beside the law: never articles, never errors.
bool is_repository_file(std::string_view lower_name) {
  for (std::string_view name :
       {"readme.md", "licence.md", "license.md", "copying.md", "contributing.md", "changelog.md",
        "authors.md", "notice.md", "code_of_conduct.md"})
    if (lower_name == name) return true;
  return false;
}

std::string_view parent_folder(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

// The title of a README.md body: its first '# ' heading or <h1>, tags dropped.
std::string readme_title(const SourceText& source, int from) {
  for (int n = from; n <= source.line_count(); ++n) {
    std::string_view t = trim_spaces(source.line(n));
    if (t.size() > 2 && t[0] == '#' && t[1] == ' ') return std::string(trim_spaces(t.substr(2)));
    if (starts_with_ignoring_case(t, "<h1")) {
      std::size_t open = t.find('>'), close = t.find("</");
      if (open != std::string_view::npos && close != std::string_view::npos && close > open)
        return std::string(trim_spaces(t.substr(open + 1, close - open - 1)));
    }
  }
  return {};
}

// The relative targets of a README's Markdown list links, in order: "titre_ii/README.md",
// "article_1.md". Links that leave the folder or the site are not part of its contents.
std::vector<std::string> readme_entries(const SourceText& source, int from) {
  std::vector<std::string> entries;
  for (int n = from; n <= source.line_count(); ++n) {
    std::string_view t = trim_spaces(source.line(n));
    if (t.size() < 2 || (t[0] != '-' && t[0] != '*') || t[1] != ' ') continue;
    std::size_t open = t.find("](");
    if (open == std::string_view::npos) continue;
    std::size_t close = t.find(')', open);
    if (close == std::string_view::npos) continue;
    std::string_view target = t.substr(open + 2, close - open - 2);
    if (target.empty() || target.find(':') != std::string_view::npos || target[0] == '/' ||
        target[0] == '.')
      continue;
    entries.emplace_back(target);
  }
  return entries;
}

// Whether a section's name says it comes before its numbered siblings, as Légifrance lists it:
// "Titre préliminaire" (the Code civil's, before its "Livre Ier"), "Chapitre préliminaire : …",
// the CRPA's "Dispositions préliminaires". A number before the word wins: "Titre III :
// Dispositions préliminaires" is the third.
bool is_preliminary(std::string_view name) {
  std::size_t start = 0;
  while (start < name.size()) {
    std::size_t end = name.find(' ', start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view word = name.substr(start, end - start);
    while (!word.empty() && (word.back() == ':' || word.back() == '.' || word.back() == ','))
      word.remove_suffix(1);
    const std::string folded = fold_for_matching(word);
    if (folded == "preliminaire" || folded == "preliminaires") return true;
    if (roman_numeral_value(word) > 0 ||
        std::any_of(word.begin(), word.end(), [](char c) { return is_digit(c); }))
      return false;
    start = end + 1;
  }
  return false;
}

}  // namespace

ContentPath classify_markdown_path(std::string_view path, bool root_is_code) {
  ContentPath out;
  std::vector<std::string_view> parts = split_path(path);
  std::string_view file = parts.back();
  out.date_in_name = std::string(date_text_in(file));
  if (!out.date_in_name.empty()) out.date_from_name = Date::parse(out.date_in_name);

  for (std::size_t i = 0; i + 1 < parts.size(); ++i)
    if (parts[i].empty() || parts[i][0] == '.') return out;  // hidden folders hold no content
  if (parts.size() >= 2 || root_is_code) {
    if (!root_is_code) out.code_folder = std::string(parts[0]);
    std::string folder = out.code_folder;
    for (std::size_t i = root_is_code ? 0 : 1; i + 1 < parts.size(); ++i) {
      std::string number = version_folder_number(parts[i]);
      if (!number.empty()) {
        out.version_folder_number = std::move(number);
        break;  // what lies below a version folder is versions of that article, not sections
      }
      if (!folder.empty()) folder += '/';
      folder += parts[i];
      out.section_folders.push_back(folder);
    }
  }

  std::string name = lower(file);
  if (name.empty() || name[0] == '.' || is_repository_file(name)) return out;
  if (name[0] == '_') {
    if (name == "_index.md" && (!out.code_folder.empty() || root_is_code) &&
        out.version_folder_number.empty())
      out.role = MarkdownRole::kIndex;
    return out;
  }
  out.role = MarkdownRole::kArticle;
  return out;
}

void ContentLayout::read_readmes(const FileSystem& files, const std::vector<std::string>& paths,
                                 Diagnostics& diagnostics, std::size_t& files_read) {
  std::vector<std::string> readmes;
  for (const std::string& path : paths)
    if (lower(base_name(path)) == "readme.md" && path.find("/.") == std::string::npos &&
        path[0] != '.')
      readmes.push_back(path);
  std::stable_sort(readmes.begin(), readmes.end(), [](const std::string& a, const std::string& b) {
    return std::count(a.begin(), a.end(), '/') < std::count(b.begin(), b.end(), '/');
  });
  for (const std::string& path : readmes) {
    std::string text, error;
    if (!files.read_file(path, text, error)) {
      diagnostics.error({path, 0, 0}, "cannot read file: " + error);
      continue;
    }
    if (read_readme(std::string(parent_folder(path)), text, path)) ++files_read;
  }
}

void ContentLayout::read_index(const FileSystem& files, const std::string& path,
                               const std::string& folder, Diagnostics& diagnostics,
                               std::size_t& files_read) {
  std::string text, error;
  if (!files.read_file(path, text, error)) {
    diagnostics.error({path, 0, 0}, "cannot read file: " + error);
    return;
  }
  ++files_read;
  SourceText source(path, text);
  FrontMatter front;
  if (!parse_front_matter(source, FrontMatterKind::kIndex, front, diagnostics)) return;
  FolderIndex& index = indexes_[folder];
  // A README.md said something already: the _index.md wins where it speaks.
  if (!front.title.empty()) index.title = front.title;
  if (!front.id.empty()) index.id = front.id;
  if (front.order) {
    index.order = front.order;
    listed_in_readme_.erase(folder);
  }
}

void ContentLayout::rank_sections(const std::map<std::string, std::set<std::string>>& children) {
  // What a folder sorts by among its siblings, worked out once per folder: an explicit order
  // first, then a preliminary part, then its name with Roman numerals in digits ("Chapitre Ier" <
  // "Chapitre II" < "Chapitre III Bis" < "Chapitre 4", as codes number them), then as written.
  struct SortKey {
    std::optional<std::int64_t> order;
    bool preliminary = false;
    std::string numbered;
    const std::string* folder = nullptr;
  };
  auto before = [](const SortKey& a, const SortKey& b) {
    if (a.order.has_value() != b.order.has_value()) return a.order.has_value();
    if (a.order && *a.order != *b.order) return *a.order < *b.order;
    if (a.preliminary != b.preliminary) return a.preliminary;
    if (int c = compare_code_order(a.numbered, b.numbered)) return c < 0;
    if (int c = compare_code_order(base_name(*a.folder), base_name(*b.folder))) return c < 0;
    return *a.folder < *b.folder;
  };
  for (const auto& [parent, folders] : children) {
    std::vector<SortKey> sorted;
    for (const std::string& folder : folders) {
      auto it = indexes_.find(folder);
      sorted.push_back({it == indexes_.end() ? std::nullopt : it->second.order,
                        is_preliminary(base_name(folder)),
                        with_roman_numerals_in_digits(base_name(folder)), &folder});
    }
    std::sort(sorted.begin(), sorted.end(), before);
    // A README.md's position is shared with the articles it lists: it is the rank itself.
    for (std::size_t i = 0; i < sorted.size(); ++i)
      ranks_[*sorted[i].folder] = listed_in_readme_.count(*sorted[i].folder)
                                      ? *sorted[i].order
                                      : static_cast<std::int64_t>(i);
  }
}

ContentLayout ContentLayout::read(const FileSystem& files, const std::vector<std::string>& paths,
                                  Diagnostics& diagnostics, std::size_t& files_read) {
  ContentLayout layout;
  layout.read_readmes(files, paths, diagnostics, files_read);
  std::map<std::string, std::set<std::string>> children;  // parent folder -> section folders
  for (const std::string& path : paths) {
    if (!ends_with_ignoring_case(path, ".md")) continue;
    ContentPath place = layout.classify(path);
    if (place.code_folder.empty() && !layout.root_is_code_) continue;
    std::string parent = place.code_folder;
    for (const std::string& folder : place.section_folders) {
      children[parent].insert(folder);
      parent = folder;
    }
    if (place.role == MarkdownRole::kIndex)
      layout.read_index(files, path, parent, diagnostics, files_read);
  }
  layout.rank_sections(children);
  return layout;
}

bool ContentLayout::read_readme(const std::string& folder, std::string_view text,
                                const std::string& path) {
  SourceText source(path, text);
  FrontMatter front;
  // A README.md is documentation first: its front matter is read for what it gives, and its
  // problems are not the build's.
  Diagnostics ignored;
  parse_front_matter(source, FrontMatterKind::kIndex, front, ignored);
  // Only a README.md with front matter describes its folder (Tricoteuses'); any other is notes.
  if (!front.present) return false;
  if (folder.empty()) {
    bool names_code = !front.nature.empty() || front.id.rfind("LEGITEXT", 0) == 0;
    if (!names_code) return false;
    root_is_code_ = true;
  }
  std::string title = readme_title(source, front.body_line);
  std::vector<std::string> entries = readme_entries(source, front.body_line);
  if (title.empty() && front.id.empty() && entries.empty() && !root_is_code_) return false;
  FolderIndex& index = indexes_[folder];
  if (!title.empty()) index.title = std::move(title);
  if (folder.empty() && index.title.empty()) index.title = front.id;
  if (!front.id.empty()) index.id = front.id;
  std::int64_t position = 0;
  for (const std::string& entry : entries) {
    std::string target = join_path(folder, entry);
    if (lower(base_name(target)) == "readme.md") {
      std::string child(parent_folder(target));
      if (!child.empty() && child != folder) {
        indexes_[child].order = position++;
        listed_in_readme_.insert(child);
      }
    } else if (ends_with_ignoring_case(target, ".md")) {
      article_orders_[target] = position++;
    }
  }
  return true;
}

std::int64_t ContentLayout::article_order(const std::string& path) const {
  auto it = article_orders_.find(path);
  return it == article_orders_.end() ? -1 : it->second;
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
  record.order = layout.article_order(path);
  if (place.code_folder.empty() && !layout.root_is_code() && article.code_title.empty()) {
    diagnostics.error(article.version.origin,
                      "article outside a code folder; put it under <content>/<code>/ or give "
                      "'code:' front matter");
    return false;
  }
  if (place.code_folder.empty() && !layout.root_is_code()) {
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

WholeCodePlace place_whole_code(const ContentLayout& layout, const ContentPath& place,
                                const std::string& path) {
  if (place.code_folder.empty() && !layout.root_is_code())
    return {code_title_from_file_name(base_name(path)), {}};
  return {layout.code_title(place.code_folder), layout.section_path(place.section_folders)};
}

}  // namespace legisite
