#include "output/manifest.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "output/destination.h"

namespace legisite {

namespace {

// The first line of the manifest's second format; the first format had none (paths only). The
// last line counts the entries, so that a manifest cut short is never taken for a whole one.
constexpr std::string_view kHeader = "# legisite manifest 2: SHA-256, size in bytes, path";
constexpr std::string_view kEnd = "# end: ";

// "<64 hex digits> <size> <path>", the path last since it may hold spaces.
bool parse_entry(std::string_view line, std::string& path, ManifestEntry& entry) {
  if (line.size() < 68 || line[64] != ' ') return false;
  auto digest = Digest::from_hex(line.substr(0, 64));
  if (!digest) return false;
  std::string_view rest = line.substr(65);
  auto space = rest.find(' ');
  if (space == std::string_view::npos || space == 0 || space + 1 == rest.size()) return false;
  auto [end, ec] = std::from_chars(rest.data(), rest.data() + space, entry.size);
  if (ec != std::errc() || end != rest.data() + space) return false;
  entry.digest = *digest;
  path.assign(rest.substr(space + 1));
  return true;
}

// A path the site could hold: relative, '/'-separated, no empty, "." or ".." part. Anything
// else in a manifest (edited, or not written by legisite) would lead deletions out of the site.
bool is_site_path(std::string_view path) {
  if (path.empty() || path.find('\0') != std::string_view::npos) return false;
  std::size_t begin = 0;
  while (true) {
    std::size_t end = path.find('/', begin);
    std::string_view part = path.substr(begin, end == std::string_view::npos ? end : end - begin);
    if (part.empty() || part == "." || part == "..") return false;
    if (end == std::string_view::npos) return true;
    begin = end + 1;
  }
}

}  // namespace

Manifest Manifest::read(const std::string& site) {
  Manifest manifest;
  const std::string file = site + "/" + kSiteManifestName;
  std::ifstream in(file, std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line)) return manifest;
  if (line != kHeader) {  // the first format: paths only, nothing to trust
    do {
      if (!is_site_path(line)) return Manifest();
      manifest.paths_.push_back(line);
    } while (std::getline(in, line));
    return manifest;
  }
  std::unordered_map<std::string, ManifestEntry> entries;
  bool whole = false;
  while (std::getline(in, line)) {
    std::string path;
    ManifestEntry entry;
    if (parse_entry(line, path, entry)) {
      if (!is_site_path(path)) return Manifest();
      manifest.paths_.push_back(path);
      entries.emplace(std::move(path), entry);
      continue;
    }
    whole = line == std::string(kEnd) + std::to_string(manifest.paths_.size()) &&
            !std::getline(in, line);
    break;
  }
  struct stat st;
  // Its mtime is read after its text: a manifest replaced meanwhile is only trusted less.
  if (!whole || ::stat(file.c_str(), &st) != 0) return manifest;
  manifest.entries_ = std::move(entries);
  manifest.written_ = st.st_mtim;
  manifest.whole_ = true;
  return manifest;
}

std::string Manifest::format(const std::vector<std::pair<std::string, ManifestEntry>>& files) {
  std::string text(kHeader);
  text += '\n';
  text.reserve(files.size() * 120);
  for (const auto& [path, entry] : files) {
    text += entry.digest.hex();
    text += ' ';
    text += std::to_string(entry.size);
    text += ' ';
    text += path;
    text += '\n';
  }
  text += kEnd;
  text += std::to_string(files.size());
  text += '\n';
  return text;
}

const ManifestEntry* Manifest::find(const std::string& path) const {
  auto it = entries_.find(path);
  return it == entries_.end() ? nullptr : &it->second;
}

bool Manifest::trusts(const ManifestEntry& entry, const struct stat& file) const {
  return S_ISREG(file.st_mode) && static_cast<std::uint64_t>(file.st_size) == entry.size &&
         predates(file);
}

bool Manifest::predates(const struct stat& st) const {
  // Any change after the manifest was written gives a later mtime. File times come from a clock
  // that ticks every few milliseconds: a file with the manifest's own time may have been changed
  // just after it, so it is not trusted (only read again).
  const auto& m = st.st_mtim;
  return whole_ && (m.tv_sec < written_.tv_sec ||
                    (m.tv_sec == written_.tv_sec && m.tv_nsec < written_.tv_nsec));
}

}  // namespace legisite
