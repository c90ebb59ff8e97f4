#pragma once
/// The comparison of two versions' texts as data: runs of kept, removed and added HTML, in the
/// order of the newer text. The resolve stage computes it (resolve/text_diff.h); the render stage
/// writes its markup and its summary.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace legisite {

/// A stretch of the compared texts. Kept runs hold the newer text as it is, tags included;
/// removed and added runs hold words, punctuation and the spaces between them, never a tag, so
/// that marking them keeps the HTML well-formed. Two marked runs in a row stay two runs.
struct DiffRun {
  enum class Kind : std::uint8_t { kKept, kRemoved, kAdded };
  Kind kind = Kind::kKept;
  std::string html;
  /// Where `html` starts in its own text: the newer one for kept and added runs, the older one
  /// for removed runs (so that what the resolve stage found at those offsets, citations, can be
  /// found in the run). A kept run of the older text's tags (the newer text is empty) is the one
  /// exception: its html is not a slice of the newer text.
  std::size_t offset = 0;
  /// Where the run sits in the newer text: its offset for kept and added runs, the offset of what
  /// follows it for removed runs.
  std::size_t position = 0;
};

/// The comparison of two texts.
struct TextDiff {
  std::vector<DiffRun> runs;
  std::size_t words_added = 0;  // word tokens only: punctuation and spaces are not counted
  std::size_t words_removed = 0;
  bool punctuation_changed = false;
  /// Places where only spacing changed ("I.-" became "I. -"): not marked, said in a note.
  std::size_t spacing_changes = 0;
  /// Tags were added or removed (a paragraph split in two, a list made): the alinéas changed
  /// even when no word did.
  bool structure_changed = false;
  /// The texts differ past the comparison's budget (resolve/text_diff.h): `runs` is empty, the
  /// counts are those of their differing middle, and the diff page shows both versions whole.
  bool beyond_budget = false;
  bool identical() const { return words_added == 0 && words_removed == 0 && !punctuation_changed; }
};

}  // namespace legisite
