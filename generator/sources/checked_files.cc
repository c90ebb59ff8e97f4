#include "sources/checked_files.h"

#include <cstdio>
#include <cstring>

#include "sources/source_text.h"
#include "text/line_index.h"
#include "text/utf8.h"

namespace legisite {

namespace {

// Longer lines are not echoed under the diagnostic: a whole-code JSON dump is one line.
constexpr std::size_t kLongestEchoedLine = 300;

std::string hex_byte(unsigned char c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02X", c);
  return buffer;
}

std::string bytes_count(std::size_t n) { return n == 1 ? "1 byte" : std::to_string(n) + " bytes"; }

// The error for a file whose bytes are not all UTF-8 text, at its first bad byte.
Diagnostic bad_bytes_error(const std::string& path, std::string_view text,
                           const Utf8Repair& repair) {
  // Lines and columns as the readers (and editors) count them: after any byte order mark. The
  // byte offset stays the file's.
  const std::string_view shown = without_byte_order_mark(text);
  const std::size_t at = repair.first - (text.size() - shown.size());
  LineIndex lines(shown);
  Diagnostic d;
  d.severity = Severity::kError;
  d.where.file = path;
  d.where.line = lines.line_of(at);
  d.where.column = lines.column_of(at);
  const auto byte = static_cast<unsigned char>(text[repair.first]);
  const std::string offset = " at byte offset " + std::to_string(repair.first);
  if (byte == 0)
    d.message = "NUL byte" + offset + ": a text file holds none";
  else
    d.message = "not UTF-8: byte " + hex_byte(byte) + offset + " is not part of a UTF-8 character";
  d.message += " (" + bytes_count(repair.bad_bytes) + " in the file, each read as U+FFFD)";
  if (std::string_view line = lines.line(d.where.line); line.size() <= kLongestEchoedLine)
    d.source_line = std::string(line);
  if (repair.nul_bytes < repair.bad_bytes)
    d.notes.push_back("save the file as UTF-8 (from Latin-1: iconv -f latin1 -t utf-8)");
  return d;
}

}  // namespace

bool CheckedFiles::needs_repair(const std::string& path, std::string_view text,
                                std::string& repaired) const {
  if (first_invalid_utf8(text) == std::string_view::npos &&
      std::memchr(text.data(), 0, text.size()) == nullptr)
    return false;
  Utf8Repair repair;
  repaired = repair_utf8(text, repair);
  std::lock_guard<std::mutex> lock(mutex_);
  if (checked_.insert(path).second) found_.report(bad_bytes_error(path, text, repair));
  return true;
}

bool CheckedFiles::read_file(const std::string& path, std::string& contents,
                             std::string& error) const {
  if (!base_.read_file(path, contents, error)) return false;
  std::string repaired;
  if (needs_repair(path, contents, repaired)) contents = std::move(repaired);
  return true;
}

bool CheckedFiles::read_bytes(const std::string& path, FileBytes& bytes, std::string& error) const {
  if (!base_.read_bytes(path, bytes, error)) return false;
  std::string repaired;
  if (needs_repair(path, bytes.view(), repaired)) bytes = FileBytes(std::move(repaired));
  return true;
}

bool CheckedFiles::stamp(const std::string& path, FileStamp& out) const {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (checked_.count(path)) return false;
  }
  return base_.stamp(path, out);
}

std::vector<std::string> CheckedFiles::list_files(const std::string& dir) const {
  std::vector<SkippedEntry> skipped;
  std::vector<std::string> listed = base_.list_checked(dir, skipped);
  std::vector<std::string> out;
  out.reserve(listed.size());
  std::lock_guard<std::mutex> lock(mutex_);
  for (const SkippedEntry& entry : skipped) {
    found_.error({entry.path, 0, 0}, entry.reason, {"what lies there is left out of the site"});
  }
  for (std::string& path : listed) {
    if (std::size_t bad = first_invalid_utf8(path); bad != std::string::npos) {
      found_.error({path, 0, 0},
                   "file name not UTF-8: byte " + hex_byte(static_cast<unsigned char>(path[bad])) +
                       " at byte " + std::to_string(bad) + " of the path; the file is not read",
                   {"rename it (or its folder) in UTF-8"});
      continue;
    }
    out.push_back(std::move(path));
  }
  return out;
}

void CheckedFiles::report(Diagnostics& diagnostics) {
  std::lock_guard<std::mutex> lock(mutex_);
  diagnostics.absorb(std::move(found_));
  found_ = Diagnostics();
}

}  // namespace legisite
