#include "cli/link_report.h"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "text/line_index.h"

namespace legisite {

namespace {

// What to look for in the source: the first run of digits and hyphens of the cited text ("133-6"
// of "L. 133-6"), which survives the ways sources write the rest (no-break spaces as entities or
// JSON escapes, "L." or "L ").
std::string needle_of(const std::string& cited) {
  std::size_t begin = cited.find_first_of("0123456789");
  if (begin == std::string::npos) return {};
  std::size_t end = cited.find_first_not_of("0123456789-", begin);
  std::string needle =
      cited.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  while (!needle.empty() && needle.back() == '-') needle.pop_back();
  return needle;
}

/// A source read once, with where each line starts, so that a whole-code JSON file with hundreds
/// of findings is not walked from its start for each.
struct IndexedSource {
  std::string text;
  std::optional<LineIndex> lines;

  void index() { lines.emplace(text); }

  // The 1-based line of the first occurrence of `needle` at or after line `from`, or 0.
  int line_holding(int from, const std::string& needle) const {
    if (!lines || from < 1 || from > lines->line_of(text.size())) return 0;
    std::size_t found = text.find(needle, lines->line_start(from));
    if (found == std::string::npos) return 0;
    return lines->line_of(found);
  }
};

std::string thousands(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// Appends only: GCC 12 warns, wrongly, about `"literal" + std::string` once inlined (GCC bug
// 105329), and the build is warning-free.
std::string format_finding(const CitationFinding& f) {
  std::string out = f.where.file;
  if (f.where.line > 0) {
    out += ':';
    out += std::to_string(f.where.line);
  }
  out += ": ";
  out += kind_name(f.kind);
  out += ": article ";
  out += f.article;
  if (f.version_start.is_calendar_day()) {
    out += " (version of ";
    out += f.version_start.iso();
    out += ')';
  }
  if (f.in_text) {
    out += " cites \xC2\xAB";
    out += f.cited;
    out += "\xC2\xBB: ";
  } else {
    out += " links to ";
    out += f.cited;
    out += ": ";
  }
  out += f.problem;
  if (!f.suggestion.empty()) {
    out += "; did you mean ";
    out += f.suggestion;
    out += '?';
  }
  out += '\n';
  return out;
}

}  // namespace

void narrow_lines(const FileSystem& content, LinkReport& report, std::size_t limit) {
  std::map<std::string, IndexedSource> files;  // read once each
  std::size_t listed[3] = {0, 0, 0};
  for (CitationFinding& f : report.findings) {
    std::size_t& n = listed[static_cast<int>(f.kind)];
    if (limit != 0 && n >= limit) continue;
    ++n;
    std::string needle = needle_of(f.cited);
    if (f.where.file.empty() || needle.empty()) continue;
    auto [it, inserted] = files.try_emplace(f.where.file);
    if (inserted) {
      std::string error;
      if (content.read_file(f.where.file, it->second.text, error)) it->second.index();
    }
    if (int line = it->second.line_holding(std::max(f.where.line, 1), needle); line > 0) {
      f.where.line = line;
      f.where.column = 0;
    }
  }
}

std::string format_link_report(const LinkReport& report, std::size_t limit) {
  const CitationTally& t = report.tally;
  if (t.in_text == 0 && t.metadata == 0 && report.findings.empty()) return {};
  using Kind = CitationFinding::Kind;
  std::string out = "Citations in running text: " + thousands(t.in_text) + " (" +
                    thousands(t.to_articles) + " to articles with text, " +
                    thousands(t.to_cited_only) + " to articles without text in this edition, " +
                    thousands(t.to_other_codes) + " to codes not in this corpus, " +
                    thousands(t.to_texts) + " to other texts); metadata links to articles of " +
                    "these codes: " + thousands(t.metadata) + " (" +
                    thousands(t.metadata_to_cited_only) + " without text).\n";
  out += "Links between articles: " + thousands(t.links_within_code) + " within their code, " +
         thousands(t.links_to_site_codes) + " to another code of this site; citations in text " +
         "of codes not in this site: " + thousands(t.to_other_codes) + ".\n";
  out += "Link report: " + thousands(report.count(Kind::kUnresolved)) + " unresolved, " +
         thousands(report.count(Kind::kAmbiguous)) + " ambiguous, " +
         thousands(report.count(Kind::kSuspicious)) + " suspicious.\n";
  bool left_out = false;
  for (Kind kind : {Kind::kUnresolved, Kind::kAmbiguous, Kind::kSuspicious}) {
    std::size_t total = report.count(kind), shown = 0;
    if (total == 0) continue;
    out += std::string(kind_name(kind)) + " (" + thousands(total) + "):\n";
    for (const CitationFinding& f : report.findings) {
      if (f.kind != kind) continue;
      if (limit != 0 && shown == limit) break;
      ++shown;
      out += "  " + format_finding(f);
    }
    if (shown < total) {
      out += "  ... and " + thousands(total - shown) + " more\n";
      left_out = true;
    }
  }
  if (left_out) out += "Run `legisite check` with the same --content for the whole list.\n";
  return out;
}

}  // namespace legisite
