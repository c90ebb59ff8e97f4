#include "sources/git_repository.h"

#include <git2.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>

namespace legisite {

namespace {

std::string last_error(const char* what) {
  const git_error* e = git_error_last();
  return std::string(what) + ": " + (e && e->message ? e->message : "unknown libgit2 error");
}

// libgit2 wants one git_libgit2_init before any call; it is never shut down (the process ends).
// Objects are not hashed again at each read, as git itself reads them: a history reads every
// commit's tree, and zlib still checks what it inflates.
void init_once() {
  static std::once_flag flag;
  std::call_once(flag, [] {
    git_libgit2_init();
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
  });
}

template <typename T, void (*Free)(T*)>
struct Owned {
  T* p = nullptr;
  Owned() = default;
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  ~Owned() {
    if (p) Free(p);
  }
};

std::string oid_text(const git_oid* id) {
  char buffer[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buffer, sizeof buffer, id);
  return buffer;
}

// The civil day of a Unix time in a time zone `offset` minutes east of UTC (days-from-civil
// inverse, Howard Hinnant's algorithm): git stores times before 1970 as negative numbers.
void civil_day(std::int64_t seconds, int offset, int& y, int& m, int& d) {
  std::int64_t days = (seconds + std::int64_t(offset) * 60);
  days = days >= 0 ? days / 86400 : -((-days + 86399) / 86400);
  days += 719468;
  std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  std::int64_t doe = days - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

/// A commit's tree, listed once when opened: path -> blob id, and what the listing left out.
class Tree final : public GitTree {
 public:
  Tree(git_repository* repo, std::map<std::string, git_oid> blobs,
       std::vector<SkippedEntry> skipped, bool links)
      : repo_(repo), blobs_(std::move(blobs)), skipped_(std::move(skipped)), links_(links) {}

  bool read_file(const std::string& path, std::string& contents,
                 std::string& error) const override {
    auto it = blobs_.find(path);
    if (it == blobs_.end()) return error = "no such file in the commit", false;
    return read_blob(repo_, it->second, contents, error);
  }
  std::vector<std::string> list_files(const std::string& dir) const override {
    std::vector<std::string> out;
    std::string prefix = dir.empty() ? dir : dir + '/';
    for (const auto& [path, id] : blobs_)
      if (path.compare(0, prefix.size(), prefix) == 0) out.push_back(path);
    return out;  // the map is sorted bytewise
  }
  std::vector<std::string> list_checked(const std::string& dir,
                                        std::vector<SkippedEntry>& skipped) const override {
    std::string prefix = dir.empty() ? dir : dir + '/';
    for (const SkippedEntry& entry : skipped_)
      if (entry.path.compare(0, prefix.size(), prefix) == 0) skipped.push_back(entry);
    return list_files(dir);
  }
  bool is_directory(const std::string& path) const override {
    auto it = blobs_.lower_bound(path + '/');
    return path.empty() ||
           (it != blobs_.end() && it->first.compare(0, path.size() + 1, path + '/') == 0);
  }
  bool is_file(const std::string& path) const override { return blobs_.count(path) != 0; }
  std::string blob_id(const std::string& path) const override {
    auto it = blobs_.find(path);
    return it == blobs_.end() ? std::string() : oid_text(&it->second);
  }
  bool has_links() const override { return links_; }

  static bool read_blob(git_repository* repo, const git_oid& id, std::string& contents,
                        std::string& error) {
    Owned<git_blob, git_blob_free> blob;
    if (git_blob_lookup(&blob.p, repo, &id) != 0)
      return error = last_error("cannot read blob"), false;
    const char* data = static_cast<const char*>(git_blob_rawcontent(blob.p));
    contents.assign(data, static_cast<std::size_t>(git_blob_rawsize(blob.p)));
    return true;
  }

 private:
  git_repository* repo_;
  std::map<std::string, git_oid> blobs_;
  std::vector<SkippedEntry> skipped_;
  bool links_;
};

/// The files of a commit's tree and what was left out, by the rules of a folder on disk
/// (io/file_system.h): folders at most kMaxFolderDepth deep, symbolic links followed only to a
/// file inside the tree. Iterative: a deep tree costs no stack.
struct Walked {
  std::map<std::string, git_oid> blobs;
  std::vector<SkippedEntry> skipped;
  std::map<std::string, std::string> links;  // path -> target as stored
  void skip(const std::string& path, std::string reason) {
    if (!is_hidden_name(path)) skipped.push_back({path, std::move(reason)});
  }
};

void walk_tree(git_repository* repo, const git_tree* root, Walked& out) {
  struct Pending {
    std::string path;
    git_oid id;
    std::size_t level;  // the root is level 0
  };
  std::vector<Pending> pending{{"", *git_tree_id(root), 0}};
  while (!pending.empty()) {
    Pending folder = std::move(pending.back());
    pending.pop_back();
    Owned<git_tree, git_tree_free> tree;
    if (git_tree_lookup(&tree.p, repo, &folder.id) != 0) {
      out.skip(folder.path, last_error("cannot read folder"));
      continue;
    }
    for (std::size_t i = 0; i < git_tree_entrycount(tree.p); ++i) {
      const git_tree_entry* entry = git_tree_entry_byindex(tree.p, i);
      std::string path = join_path(folder.path, git_tree_entry_name(entry));
      const git_oid& id = *git_tree_entry_id(entry);
      if (git_tree_entry_filemode(entry) == GIT_FILEMODE_LINK) {
        std::string target, error;
        if (Tree::read_blob(repo, id, target, error)) out.links[path] = target;
      } else if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB) {
        out.blobs[path] = id;
      } else if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
        if (folder_too_deep(folder.level + 1))
          out.skip(path, folder_too_deep_reason());
        else
          pending.push_back({path, id, folder.level + 1});
      }
    }
  }
}

/// `target` read from the folder `from`, '/'-separated from the root; "" when it leaves the tree.
std::string resolve_inside(const std::string& from, const std::string& target) {
  if (target.empty() || target[0] == '/') return {};
  std::vector<std::string> parts;
  std::string joined = from.empty() ? target : from + '/' + target;
  for (std::size_t start = 0; start <= joined.size();) {
    std::size_t end = std::min(joined.find('/', start), joined.size());
    std::string part = joined.substr(start, end - start);
    start = end + 1;
    if (part.empty() || part == ".") continue;
    if (part != "..") {
      parts.push_back(std::move(part));
    } else if (parts.empty()) {
      return {};
    } else {
      parts.pop_back();
    }
  }
  std::string out;
  for (const std::string& part : parts) out = join_path(out, part);
  return out;
}

// A link to a file of the same tree reads that file; any other is left out, and said.
void follow_links(Walked& walked) {
  for (const auto& [path, target] : walked.links) {
    std::string resolved = resolve_inside(dir_name(path), target);
    if (resolved.empty()) {
      walked.skip(path, link_outside_reason());
    } else if (auto it = walked.blobs.find(resolved); it != walked.blobs.end()) {
      walked.blobs[path] = it->second;
    } else if (auto below = walked.blobs.lower_bound(resolved + '/');
               below != walked.blobs.end() && below->first.starts_with(resolved + '/')) {
      walked.skip(path, "symbolic link to a folder; a commit's folder links are not followed");
    } else {
      walked.skip(path, link_to_nothing_reason());
    }
  }
  std::sort(walked.skipped.begin(), walked.skipped.end(),
            [](const SkippedEntry& a, const SkippedEntry& b) { return a.path < b.path; });
}

class Repository final : public GitRepository {
 public:
  explicit Repository(git_repository* repo) : repo_(repo) {}
  ~Repository() override { git_repository_free(repo_); }

  bool commits(const std::string& range, std::vector<GitCommit>& out,
               std::string& error) const override {
    out.clear();
    Owned<git_revwalk, git_revwalk_free> walk;
    if (git_revwalk_new(&walk.p, repo_) != 0) return error = last_error("revwalk"), false;
    git_revwalk_sorting(walk.p, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
    git_revwalk_simplify_first_parent(walk.p);
    int status = range.empty() ? git_revwalk_push_head(walk.p)
                 : range.find("..") != std::string::npos
                     ? git_revwalk_push_range(walk.p, range.c_str())
                     : push_single(walk.p, range);
    if (status != 0) return error = last_error(("cannot find '" + range + "'").c_str()), false;
    git_oid id;
    while (git_revwalk_next(&id, walk.p) == 0) {
      Owned<git_commit, git_commit_free> commit;
      if (git_commit_lookup(&commit.p, repo_, &id) != 0)
        return error = last_error("cannot read commit"), false;
      GitCommit& c = out.emplace_back();
      c.sha = oid_text(&id);
      const char* message = git_commit_message(commit.p);
      c.message = message ? message : "";
      while (!c.message.empty() && (c.message.back() == '\n' || c.message.back() == ' '))
        c.message.pop_back();
      const git_signature* author = git_commit_author(commit.p);
      civil_day(author->when.time, author->when.offset, c.year, c.month, c.day);
    }
    return true;
  }

  std::unique_ptr<GitTree> tree(const GitCommit& commit, std::string& error) const override {
    Owned<git_tree, git_tree_free> t;
    if (!commit_tree(commit.sha, t.p)) {
      error = last_error("cannot read the commit's tree");
      return nullptr;
    }
    Walked walked;
    walk_tree(repo_, t.p, walked);
    follow_links(walked);
    return std::make_unique<Tree>(repo_, std::move(walked.blobs), std::move(walked.skipped),
                                  !walked.links.empty());
  }

  std::optional<std::vector<GitModifiedFile>> modified_files(const std::string& from,
                                                             const GitCommit& to) const override {
    Owned<git_tree, git_tree_free> old_tree, new_tree;
    if (!commit_tree(from, old_tree.p) || !commit_tree(to.sha, new_tree.p)) return std::nullopt;
    Owned<git_diff, git_diff_free> diff;
    // No rename detection: a renamed file is a deletion and an addition.
    if (git_diff_tree_to_tree(&diff.p, repo_, old_tree.p, new_tree.p, nullptr) != 0)
      return std::nullopt;
    std::vector<GitModifiedFile> out;
    for (std::size_t i = 0; i < git_diff_num_deltas(diff.p); ++i) {
      const git_diff_delta* d = git_diff_get_delta(diff.p, i);
      const bool regular =
          d->new_file.mode == GIT_FILEMODE_BLOB || d->new_file.mode == GIT_FILEMODE_BLOB_EXECUTABLE;
      if (d->status != GIT_DELTA_MODIFIED || d->old_file.mode != d->new_file.mode || !regular)
        return std::nullopt;
      out.push_back({d->new_file.path, oid_text(&d->new_file.id)});
    }
    std::sort(out.begin(), out.end(), [](const GitModifiedFile& a, const GitModifiedFile& b) {
      return a.path < b.path;  // as a tree is listed
    });
    return out;
  }

  bool read_blob(const std::string& id, std::string& contents, std::string& error) const override {
    git_oid oid;
    if (git_oid_fromstr(&oid, id.c_str()) != 0) return error = "not a blob id: " + id, false;
    return Tree::read_blob(repo_, oid, contents, error);
  }

  std::vector<std::string> ref_files() const override {
    std::vector<std::string> out;
    const std::string folder = git_repository_path(repo_);  // ends with '/'
    for (const char* name : {"HEAD", "refs", "packed-refs"}) {
      std::error_code ec;
      if (std::filesystem::exists(folder + name, ec)) out.push_back(folder + name);
    }
    return out;
  }

  std::vector<std::string> uncommitted_markdown() const override {
    std::vector<std::string> out;
    if (git_repository_is_bare(repo_)) return out;
    git_status_options options;
    git_status_options_init(&options, GIT_STATUS_OPTIONS_VERSION);
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
    Owned<git_status_list, git_status_list_free> list;
    if (git_status_list_new(&list.p, repo_, &options) != 0) return out;
    for (std::size_t i = 0; i < git_status_list_entrycount(list.p); ++i) {
      const git_status_entry* e = git_status_byindex(list.p, i);
      const git_diff_delta* d = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
      if (!d) continue;
      std::string path = d->new_file.path ? d->new_file.path : d->old_file.path;
      if (path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0) out.push_back(path);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  bool commit_tree(const std::string& sha, git_tree*& tree) const {
    git_oid id;
    Owned<git_commit, git_commit_free> c;
    return git_oid_fromstr(&id, sha.c_str()) == 0 && git_commit_lookup(&c.p, repo_, &id) == 0 &&
           git_commit_tree(&tree, c.p) == 0;
  }

  int push_single(git_revwalk* walk, const std::string& name) const {
    Owned<git_object, git_object_free> object;
    if (git_revparse_single(&object.p, repo_, name.c_str()) != 0) return -1;
    Owned<git_object, git_object_free> commit;
    if (git_object_peel(&commit.p, object.p, GIT_OBJECT_COMMIT) != 0) return -1;
    return git_revwalk_push(walk, git_object_id(commit.p));
  }

  git_repository* repo_;
};

}  // namespace

bool GitRepository::is_repository(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path root(path);
  if (fs::exists(root / ".git", ec)) return true;
  return fs::is_regular_file(root / "HEAD", ec) && fs::is_directory(root / "objects", ec) &&
         fs::is_directory(root / "refs", ec);
}

std::unique_ptr<GitRepository> GitRepository::open(const std::string& path, std::string& error) {
  init_once();
  git_repository* repo = nullptr;
  if (git_repository_open_ext(&repo, path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) != 0) {
    error = last_error("cannot open the git repository");
    return nullptr;
  }
  return std::make_unique<Repository>(repo);
}

}  // namespace legisite
