#pragma once
/// Replaces some files of a published site in place, for `legisite serve`'s edit of one text: each
/// file is written beside its path and renamed over it, so that a reader of the site sees the
/// whole old file or the whole new one, never part of one. The site as a whole is not swapped:
/// this is for a preview, which the whole build that follows publishes atomically as usual.

#include <string>

#include "io/output_sink.h"

namespace legisite {

class SitePatch final : public OutputSink {
 public:
  /// `site`: the published site's folder (--out with its symlinks resolved).
  explicit SitePatch(std::string site) : site_(std::move(site)) {}
  /// Only a file the site already has is replaced (a new file would need a new folder, and a
  /// page the site lacks is the whole build's to add); the new file never goes through a link.
  bool write(const std::string& path, const std::string& contents, std::string& error) override;

 private:
  std::string site_;
};

}  // namespace legisite
