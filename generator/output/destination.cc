#include "output/destination.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

namespace legisite {

namespace fs = std::filesystem;

namespace {

constexpr const char* kWayOut = "; name a new or empty folder for the site";

// Where `path` leads, absolute, part by part as the kernel walks it: each symlink met is followed,
// a missing part kept as written, and ".." taken from the folder reached so far, so that a
// missing folder before "..", or a link to a folder not made yet, hides nothing. No trailing
// slash.
fs::path real_path(const std::string& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  std::vector<fs::path> todo;  // the parts still to walk, the next one last
  auto push_parts = [&todo](const fs::path& p) {
    const std::size_t at = todo.size();
    for (const fs::path& part : p.relative_path()) todo.push_back(part);
    std::reverse(todo.begin() + static_cast<std::ptrdiff_t>(at), todo.end());
  };
  push_parts(absolute);
  fs::path real = absolute.root_path();
  int links = 0;
  constexpr int kMaxLinks = 40;  // as the kernel's ELOOP
  while (!todo.empty()) {
    const fs::path part = std::move(todo.back());
    todo.pop_back();
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      real = real.parent_path();
      continue;
    }
    const fs::path next = real / part;
    if (fs::is_symlink(fs::symlink_status(next, ec)) && ++links <= kMaxLinks) {
      const fs::path target = fs::read_symlink(next, ec);
      if (!ec) {
        if (target.is_absolute()) real = target.root_path();
        push_parts(target);
        continue;
      }
    }
    real = next;
  }
  return real;
}

// Whether `inner` is `outer` or lies below it, part by part ("/a/bc" is not below "/a/b").
bool within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (const auto& part : outer) {
    if (i == inner.end() || *i != part) return false;
    ++i;
  }
  return true;
}

// The folders no build may replace whatever the command line says: a typo in --out must not
// cost the user their home or the project they are working in.
std::vector<KeptFolder> always_kept(const std::vector<KeptFolder>& kept) {
  std::vector<KeptFolder> all = {{"/", "the root folder"}};
  if (const char* home = std::getenv("HOME"); home && *home)
    all.push_back({home, "your home folder ($HOME)"});
  std::error_code ec;
  if (fs::path cwd = fs::current_path(ec); !ec) all.push_back({cwd.string(), "the current folder"});
  all.insert(all.end(), kept.begin(), kept.end());
  return all;
}

// A mount point cannot be renamed (EBUSY), so the staged site could never take its place.
bool is_mount_point(const fs::path& dir) {
  struct stat self, parent;
  if (::stat(dir.c_str(), &self) != 0 || ::stat(dir.parent_path().c_str(), &parent) != 0)
    return false;
  return self.st_dev != parent.st_dev;
}

}  // namespace

bool check_destination(const std::string& out, const std::vector<KeptFolder>& kept,
                       Destination& destination, std::string& error) {
  destination = Destination{};
  fs::path real = real_path(out);
  // Named as the user wrote it, and where it really leads when a symlink is on the way.
  std::string named = "--out";
  std::error_code ec;
  fs::path spelled = fs::absolute(out, ec).lexically_normal();
  if (!spelled.has_filename() && spelled.has_relative_path()) spelled = spelled.parent_path();
  if (spelled != real) named += " (really " + real.string() + ")";

  for (const KeptFolder& k : always_kept(kept)) {
    fs::path folder = real_path(k.path);
    if (real == folder) {
      error = named + " is " + k.what + kWayOut;
      return false;
    }
    if (within(folder, real)) {
      error = named + " contains " + k.what + " (" + folder.string() + ")" + kWayOut;
      return false;
    }
    // The next build, or serve watching the folder, would read the site it wrote as sources.
    if (k.read && within(real, folder)) {
      error = named + " lies inside " + k.what + " (" + folder.string() +
              "), which the build reads: the next build would read the site too" + kWayOut +
              " outside it";
      return false;
    }
  }

  auto link = fs::symlink_status(out, ec);
  auto target = fs::status(real, ec);
  if (fs::is_symlink(link) && !fs::exists(target)) {
    error = named + " is a symlink to a folder that does not exist" + kWayOut;
    return false;
  }
  destination.path = real.string();
  if (!fs::exists(target)) return true;
  if (!fs::is_directory(target)) {
    error = named + " is an existing file, not a folder" + kWayOut;
    return false;
  }
  if (is_mount_point(real)) {
    error = named + " is a mount point, which a new site cannot replace as a whole" + kWayOut +
            " inside it, for example " + (real / "site").string();
    return false;
  }
  destination.exists = true;
  if (fs::is_empty(real, ec) && !ec) return true;
  if (!fs::is_regular_file(fs::symlink_status(real / kSiteMarkerName, ec))) {
    error = named + " holds files and no " + std::string(kSiteMarkerName) +
            " marker: it is not a site legisite published, so it is left alone" + kWayOut +
            ", or remove this one first";
    return false;
  }
  destination.published = true;
  destination.has_index = fs::exists(fs::symlink_status(real / "index.html", ec));
  return true;
}

}  // namespace legisite
