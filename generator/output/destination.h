#pragma once

#include <string>
#include <vector>

namespace legisite {

/// The file every published site carries, so that a later build knows the folder is one it may
/// replace. Its contents never change (the repository commits a copy in site/).
inline constexpr const char* kSiteMarkerName = ".legisite";
inline constexpr const char* kSiteMarker =
    "This folder is a site published by legisite. `legisite build --out` replaces a folder only\n"
    "when it holds this file, is empty or does not exist.\n";

/// The file listing every other file of a published site with its SHA-256 and size, sorted by
/// path (output/manifest.h): the next build knows from it what a tree holds without reading it,
/// and counts the files it deletes.
inline constexpr const char* kSiteManifestName = ".legisite-manifest";

/// The site a build replaced is kept beside --out under this suffix (`site.legisite-previous`),
/// so that the next build updates it in place into the new site instead of making every folder
/// and file again; it is never served, and never taken for a dead build's staging folder.
inline constexpr const char* kPreviousSuffix = ".legisite-previous";

/// A folder a build must neither replace nor contain, and how the error names it.
struct KeptFolder {
  std::string path;
  std::string what;   // "the content folder"
  bool read = false;  // the build reads what it holds: a site inside it would be read back
};

/// Where a site may go: --out with its symlinks resolved.
struct Destination {
  std::string path;        // absolute, symlinks resolved: what the new site replaces
  bool exists = false;     // an (empty or legisite-made) folder is there
  bool published = false;  // that folder holds the site marker
  bool has_index = false;  // that folder holds a site with pages (an index.html)
};

/// Decides whether `out` may be replaced by a new site: only when it does not exist, is an empty
/// folder or holds the site marker. Never the root, $HOME, the current folder or a folder
/// containing one of them, nor one of `kept` or a folder containing it, nor a folder inside a
/// `kept` folder the build reads; never an existing file or a mount point. Paths are compared with
/// their symlinks resolved. False (and `error`, which suggests a way out) when it may not.
bool check_destination(const std::string& out, const std::vector<KeptFolder>& kept,
                       Destination& destination, std::string& error);

}  // namespace legisite
