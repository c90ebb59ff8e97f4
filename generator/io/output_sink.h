#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace legisite {

/// Where rendered files go: a staging folder on disk (output stage) or memory (tests). Paths are
/// relative, '/'-separated, produced by the generator (never taken from content unsanitised).
/// Implementations must accept calls from several threads at once.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  /// Writes (or overwrites) one file. Returns false and fills `error` when it cannot.
  virtual bool write(const std::string& path, const std::string& contents, std::string& error) = 0;
  /// Writes one file as write() does and, when that makes a new file on disk, sets its mtime to
  /// `mtime_ns` (nanoseconds since the epoch, in the past): a record that keeps file stamps
  /// tells by its own date which of them it may trust (sources/source_record.h).
  virtual bool write_dated(const std::string& path, const std::string& contents,
                           std::int64_t mtime_ns, std::string& error) {
    (void)mtime_ns;
    return write(path, contents, error);
  }
  /// Puts at `path` the file the published site has there, unchanged, instead of writing it: a
  /// build keeps the pages whose inputs did not change. Sets `size` to its size. False when it
  /// cannot (no published site, no such file, a link that fails): the caller writes the file.
  virtual bool keep(const std::string& path, std::size_t& size, std::string& error) {
    (void)path;
    (void)size;
    (void)error;
    return false;
  }
  /// Whether writing has stopped for good (the disk is full): every later write fails with an
  /// empty `error`, the first failure having said why once.
  virtual bool stopped() const { return false; }
};

/// Keeps every written file in memory, for tests.
class MemoryOutput final : public OutputSink {
 public:
  bool write(const std::string& path, const std::string& contents, std::string& error) override {
    (void)error;
    std::lock_guard<std::mutex> lock(mutex_);
    files_[path] = contents;
    return true;
  }
  const std::map<std::string, std::string>& files() const { return files_; }

 private:
  std::mutex mutex_;
  std::map<std::string, std::string> files_;
};

}  // namespace legisite
