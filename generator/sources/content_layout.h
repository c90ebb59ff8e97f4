#pragma once
/// The Markdown content layout of README.md, "Content layout": top-level folders are codes,
/// folders below them sections (their `_index.md` giving titles and orders), `Article <NUM>`
/// folders hold the versions of one article, and every other `.md` file is an article version.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/corpus_builder.h"
#include "model/date.h"

namespace legisite {

class FileSystem;
struct MarkdownArticle;

/// What the path of a `.md` file says about it.
enum class MarkdownRole {
  kNotAnArticle,  // `_*.md` other than an _index.md that counts, `.*`, README.md
  kIndex,         // the _index.md of a code or section folder
  kArticle,       // an article version
};

/// A `.md` file's place in the layout, from its path alone (no file is read).
struct ContentPath {
  MarkdownRole role = MarkdownRole::kNotAnArticle;
  /// The top-level folder (the code); "" for a file at the root of the content.
  std::string code_folder;
  /// Folders between the code folder and the file, outermost first, each as its full path from
  /// the root ("code/Partie législative/Livre 1"); `Article <NUM>` folders and below excluded.
  std::vector<std::string> section_folders;
  /// NUM of the enclosing `Article <NUM>` folder ("Article " stripped); "" when there is none.
  std::string version_folder_number;
  /// The first `YYYY-MM-DD` in the file's name, as written ("" when none), and its date when it
  /// is a real calendar day.
  std::string date_in_name;
  std::optional<Date> date_from_name;
};

/// Classifies one path (relative to the content root, '/'-separated, ending in ".md"). When
/// `root_is_code`, the content root is the code's folder (a repository of one code): top-level
/// folders are sections and files at the root are its articles (code_folder stays "").
/// README.md, LICENCE.md, LICENSE.md, COPYING.md, CONTRIBUTING.md, CHANGELOG.md, AUTHORS.md,
/// NOTICE.md and CODE_OF_CONDUCT.md (any case) are never articles.
ContentPath classify_markdown_path(std::string_view path, bool root_is_code = false);

/// "Article R133-19" -> "R133-19"; "" for a folder name that is not a version folder.
std::string version_folder_number(std::string_view folder_name);

/// Titles, ids and sibling orders of the code and section folders of a content tree, read from
/// their `_index.md` files, or else from their `README.md` when it has front matter (Tricoteuses:
/// its `# Title` or
/// `<h1>Title</h1>` is the title, `Identifiant` the id, and its list of links to sub-folders'
/// README.md and article files the order of what the folder holds). A README.md at the content
/// root whose front matter gives `Nature` or a LEGITEXT `Identifiant` makes the root one code,
/// titled by its heading. Section orders are ranks computed over every sibling folder of the
/// tree (`order:` first, by value; then the others in natural order of their names, "Livre 2"
/// before "Livre 10"), so the order articles are added in does not matter.
class ContentLayout {
 public:
  /// Reads every `_index.md` among `paths` (a listing of `files`) and ranks sibling folders.
  /// Bad front matter in an _index.md is reported and that file's values are ignored.
  static ContentLayout read(const FileSystem& files, const std::vector<std::string>& paths,
                            Diagnostics& diagnostics, std::size_t& files_read);

  /// Whether the content root is one code (see above), and that code's title.
  bool root_is_code() const { return root_is_code_; }
  /// Makes the content root one code titled `title` (`--code-title`), whatever its README says.
  void make_root_one_code(std::string title) {
    root_is_code_ = true;
    indexes_[""].title = std::move(title);
  }
  ContentPath classify(std::string_view path) const {
    return classify_markdown_path(path, root_is_code_);
  }
  /// The position of an article file in its folder's README.md list, -1 when not listed.
  std::int64_t article_order(const std::string& path) const;

  /// A code folder's title (its _index.md `title`, else the folder name) and LEGITEXT id.
  std::string code_title(const std::string& code_folder) const;
  std::string code_id(const std::string& code_folder) const;
  /// The section path of `section_folders` (see ContentPath), with titles, ids and ranks.
  std::vector<SectionRef> section_path(const std::vector<std::string>& section_folders) const;

  /// Two equal layouts place every article file alike.
  bool operator==(const ContentLayout&) const = default;

 private:
  /// What one folder's _index.md said.
  struct FolderIndex {
    std::string title;
    std::string id;
    std::optional<std::int64_t> order;
    bool operator==(const FolderIndex&) const = default;
  };
  std::map<std::string, FolderIndex> indexes_;  // by folder path
  std::map<std::string, std::int64_t> ranks_;   // section folder path -> rank among siblings
  std::map<std::string, std::int64_t> article_orders_;  // article file path -> README position
  std::set<std::string> listed_in_readme_;  // folders whose order is their README position
  bool root_is_code_ = false;

  /// Reads one README.md; false when it says nothing the layout uses.
  bool read_readme(const std::string& folder, std::string_view text, const std::string& path);
  /// Reads every README.md of `paths` (not in hidden folders), the root's first: it decides
  /// whether the root is one code.
  void read_readmes(const FileSystem& files, const std::vector<std::string>& paths,
                    Diagnostics& diagnostics, std::size_t& files_read);
  /// Reads the _index.md at `path`, of the folder `folder`.
  void read_index(const FileSystem& files, const std::string& path, const std::string& folder,
                  Diagnostics& diagnostics, std::size_t& files_read);
  /// Ranks each parent's section folders (`children`): explicit orders first, then the code's
  /// numbering order.
  void rank_sections(const std::map<std::string, std::set<std::string>>& children);
};

/// Places an article read from `path` (classified as `place`) into `record`: its code (the
/// folder's, or the one named by `code:` front matter), section path, and a start date from the
/// file name when the front matter gives none. Returns false, after reporting, for an article that
/// belongs to no code (a root-level file without `code:`).
bool place_markdown_article(const ContentLayout& layout, const ContentPath& place,
                            const std::string& path, MarkdownArticle&& article,
                            ArticleRecord& record, Diagnostics& diagnostics);

/// Where a whole code in one Markdown file (Archéo Lex) belongs.
struct WholeCodePlace {
  std::string code_title;
  std::vector<SectionRef> sections_above;
};

/// At the root a whole-code file's name titles its code; inside a code folder, or in a root that
/// is one code, it belongs to that code, below the folders it sits in.
WholeCodePlace place_whole_code(const ContentLayout& layout, const ContentPath& place,
                                const std::string& path);

}  // namespace legisite
