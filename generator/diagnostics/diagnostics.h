#pragma once
/// Front door of the diagnostics layer. Bad input is data, not an exception: every stage reports
/// into a Diagnostics sink, and one formatter prints them all at the end of the build.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace legisite {

enum class Severity { kWarning, kError };

/// Where something was found: a file relative to the content root, 1-based line and column (0 when
/// unknown), or an XML/JSON path in `path` when lines mean little.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  bool operator==(const SourceLocation&) const = default;
};

struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLocation where;
  std::string message;
  /// The offending source line, shown under the message with a caret at `where.column`.
  std::string source_line;
  /// "while …" context and "did you mean …?" hints, printed as `note:` lines.
  std::vector<std::string> notes;
  /// Which repeats of the message format_grouped folds together: "" folds every diagnostic of
  /// the same severity and message, a folder's path folds them folder by folder.
  std::string group;
};

/// Collects diagnostics; stages never print.
class Diagnostics {
 public:
  void report(Diagnostic diagnostic);
  void error(SourceLocation where, std::string message, std::vector<std::string> notes = {});
  void warning(SourceLocation where, std::string message, std::vector<std::string> notes = {});
  /// Moves everything from another sink (one per worker thread) into this one.
  void absorb(Diagnostics&& other);

  const std::vector<Diagnostic>& all() const { return items_; }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool has_errors() const { return error_count() != 0; }
  /// With --strict, warnings count as errors.
  void promote_warnings_to_errors();
  /// Orders by file, line, column, then message, so parallel stages report deterministically.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

/// `file:line:col: error: message`, then the source line and a caret, then the notes.
std::string format_diagnostic(const Diagnostic& diagnostic);
/// Every diagnostic, formatted, in order.
std::string format_all(const Diagnostics& diagnostics);
/// How many places a folded message names.
inline constexpr std::size_t kPlacesNamed = 3;
/// format_all, except that a message given at several places (the same severity, message and
/// group; a warning about each of 7,000 articles) is printed once, at its first place, with a
/// note counting the places and naming the first kPlacesNamed: what `build` and `serve` print,
/// where `check` lists every place with format_all.
std::string format_grouped(const Diagnostics& diagnostics);

/// Levenshtein distance, for "did you mean …?" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace legisite
