#pragma once
/// The diffs of version pairs, kept in memory between the rebuilds of `legisite serve` so that a
/// rebuild compares only the texts that changed. `build` keeps none.

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/text_diff.h"
#include "resolve/diff_record.h"

namespace legisite {

/// diff_texts results by the two texts compared: a pair whose texts are both unchanged gets the
/// same TextDiff, whichever article or version they belong to. Entries hold the texts themselves
/// and a lookup compares them, so that no hash collision can give another pair's diff. Safe to
/// use from the threads of one phase.
class DiffCache {
 public:
  /// A phase starts: what it neither finds nor stores is forgotten at finish_phase.
  void start_phase();
  void finish_phase();

  /// diff_texts(before, after), computed only when this pair was not compared before nor is
  /// in `record`.
  TextDiff diff(std::string_view before, std::string_view after,
                const DiffRecord* record = nullptr);

  std::size_t size() const;
  /// How many diff() calls were answered from the cache since the last start_phase.
  std::size_t hits() const;

 private:
  struct Entry {
    std::string before;
    std::string after;
    TextDiff diff;
    std::size_t phase = 0;  // the last phase that used it
  };
  std::shared_ptr<Entry> find(std::size_t key, std::string_view before, std::string_view after);

  mutable std::mutex mutex_;
  std::unordered_multimap<std::size_t, std::shared_ptr<Entry>> entries_;
  std::size_t phase_ = 0;
  std::size_t hits_ = 0;
};

}  // namespace legisite
