#pragma once
/// A loaded theme: the templates and static files every page is rendered with.

#include <memory>

#include "diagnostics/diagnostics.h"
#include "io/file_system.h"

namespace legisite {

/// A theme's templates and static files, checked when loaded.
class Theme {
 public:
  /// Loads `templates/*.mustache` and `static/**` from a theme folder. Reports every template
  /// that does not parse or is missing (file and message) and returns null if any is unusable.
  static std::unique_ptr<Theme> load(const FileSystem& theme_files, Diagnostics& diagnostics);
  ~Theme();
  Theme(const Theme&) = delete;
  Theme& operator=(const Theme&) = delete;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit Theme(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace legisite
