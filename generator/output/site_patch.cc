#include "output/site_patch.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "io/file_system.h"

namespace legisite {

namespace {

// A path the generator made: relative, with no empty, "." or ".." part.
bool inside(const std::string& path) {
  if (path.empty() || path.front() == '/') return false;
  for (std::size_t begin = 0; begin <= path.size();) {
    std::size_t end = path.find('/', begin);
    if (end == std::string::npos) end = path.size();
    const std::string_view part(path.data() + begin, end - begin);
    if (part.empty() || part == "." || part == "..") return false;
    begin = end + 1;
  }
  return true;
}

// Whether every folder between `site` and `path`'s file is a real folder, not a link that would
// lead the write elsewhere.
bool folders_are_real(const std::string& site, const std::string& path) {
  for (std::size_t slash = path.find('/'); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    struct stat st;
    const std::string folder = site + "/" + path.substr(0, slash);
    if (::lstat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
  }
  return true;
}

}  // namespace

bool SitePatch::write(const std::string& path, const std::string& contents, std::string& error) {
  if (!inside(path)) {
    error = "not a path inside the site: " + path;
    return false;
  }
  const std::string full = site_ + "/" + path;
  struct stat st;
  if (!folders_are_real(site_, path) || ::lstat(full.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    error = "the published site has no file " + path;
    return false;
  }
  // Hidden, so that a build never takes a leftover of a killed serve for a page.
  const std::size_t slash = full.rfind('/');
  const std::string temporary = full.substr(0, slash + 1) + ".legisite-patch-" +
                                std::to_string(::getpid()) + "-" + full.substr(slash + 1);
  int failure = write_whole_file(temporary, contents, O_TRUNC | O_NOFOLLOW);
  if (failure == 0 && ::rename(temporary.c_str(), full.c_str()) != 0) failure = errno;
  if (failure == 0) return true;
  ::unlink(temporary.c_str());
  error = "cannot write " + path + ": " + std::strerror(failure);
  return false;
}

}  // namespace legisite
