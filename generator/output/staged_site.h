#pragma once

#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "io/output_sink.h"

namespace legisite {

/// A site being written into `<destination>.staging-<pid>`, swapped in by publish(). Destroying it
/// unpublished removes the staging folder and leaves the destination as it was.
class StagedSite final : public OutputSink {
 public:
  /// Creates the staging folder. Null (and `error` filled) when it cannot.
  static std::unique_ptr<StagedSite> create(const std::string& destination, std::string& error);
  ~StagedSite() override;

  bool write(const std::string& path, const std::string& contents, std::string& error) override;

  /// Replaces the destination by the staged site: an atomic exchange where the system offers one,
  /// else two renames. The old site is deleted afterwards.
  bool publish(std::string& error);
  /// Deletes the staging folder.
  void discard();

  const std::string& staging_path() const { return staging_; }
  std::size_t bytes_written() const { return bytes_; }

 private:
  StagedSite(std::string destination, std::string staging);
  bool ensure_directory(const std::string& dir, std::string& error);

  std::string destination_;
  std::string staging_;
  bool done_ = false;
  std::mutex mutex_;
  std::set<std::string> made_dirs_;
  std::size_t bytes_ = 0;
};

}  // namespace legisite
