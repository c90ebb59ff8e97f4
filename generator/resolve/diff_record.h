#pragma once
/// The diffs a build computed, kept beside the site it published (.legisite-diffs), so that the
/// next build over that site compares only the pairs of texts it has not compared before. Each
/// diff is found by the digest of its two texts; its runs are kept as places in those texts, so
/// the record is small and holds no text.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "digest/digest.h"
#include "model/model.h"

namespace legisite {

/// The site file that holds the record.
inline constexpr const char* kDiffRecordName = ".legisite-diffs";

/// Every diff of `corpus` (Version::diff, answered by answer_for_date), as made by `program`.
std::string format_diff_record(const Corpus& corpus, const Digest& program);

/// What format_diff_record wrote, read back.
class DiffRecord {
 public:
  DiffRecord() = default;
  /// The record `text` holds when `program` wrote it; an empty one for anything else (another
  /// program may compare texts differently, and a damaged record is not trusted).
  static DiffRecord parse(std::string_view text, const Digest& program);

  /// The diff recorded for this pair of texts, or nothing.
  std::optional<TextDiff> find(std::string_view before, std::string_view after) const;

  std::size_t size() const { return diffs_.size(); }

 private:
  /// A run as a place in one of the two texts, or its markup itself when it is no such slice.
  struct Run {
    DiffRun::Kind kind;
    std::size_t offset, length, position;
    std::optional<std::string> html;
  };
  struct Entry {
    TextDiff counts;  // every field but `runs`
    std::vector<Run> runs;
  };
  std::unordered_map<Digest, Entry, DigestHash> diffs_;
};

}  // namespace legisite
