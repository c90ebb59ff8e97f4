#pragma once
/// The content as every reader sees it: names and bytes checked once, in one place, whatever the
/// format.

#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "io/file_system.h"

namespace legisite {

/// A FileSystem in front of the content that the readers read through. Every file it lists has a
/// UTF-8 name (others are left out, with an error naming them); every file it reads is checked as
/// UTF-8 without NUL bytes: one that is not is an error giving the line, column and byte offset of
/// the first bad byte, and the readers get its text with each bad byte as U+FFFD, so that no raw
/// byte reaches a page declared UTF-8. What the listing left out (folders it could not read,
/// symbolic links leading outside the content) is an error too. Reads may come from several
/// threads: what is found is kept until report().
class CheckedFiles final : public FileSystem {
 public:
  explicit CheckedFiles(const FileSystem& base) : base_(base) {}

  bool read_file(const std::string& path, std::string& contents, std::string& error) const override;
  bool read_bytes(const std::string& path, FileBytes& bytes, std::string& error) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;
  bool is_directory(const std::string& path) const override { return base_.is_directory(path); }
  bool is_file(const std::string& path) const override { return base_.is_file(path); }
  /// None for a file found not to be UTF-8 text: its error is reported only when it is read.
  bool stamp(const std::string& path, FileStamp& out) const override;

  /// Moves what was found so far into `diagnostics`.
  void report(Diagnostics& diagnostics);

 private:
  /// Checks `text`, read from `path`; returns the repaired text when it needs repairing.
  bool needs_repair(const std::string& path, std::string_view text, std::string& repaired) const;

  const FileSystem& base_;
  mutable std::mutex mutex_;
  mutable Diagnostics found_;
  mutable std::set<std::string> checked_;  // each file is reported once, however often read
};

}  // namespace legisite
