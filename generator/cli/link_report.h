#pragma once
/// The link report: how the citations of a build resolved, and every one resolution could not
/// settle, printed at the end of each build (a few of each kind) and by `legisite check` (all).

#include <cstddef>
#include <string>

#include "io/file_system.h"
#include "resolve/link_report.h"

namespace legisite {

/// Narrows the location of the first `limit` findings of each kind (0: all) from the line their
/// version starts at to the first line at or after it that holds the cited number, reading each
/// source file once. Findings whose file cannot be read keep the version's line.
void narrow_lines(const FileSystem& content, LinkReport& report, std::size_t limit);

/// The counts, then the first `limit` findings of each kind (0: all) as
/// `file:line: kind: article L133-19 (2013-07-08) cites «L. 999-1»: problem; did you mean …?`,
/// with a pointer to `legisite check` when some are left out. "" when there were no citations.
std::string format_link_report(const LinkReport& report, std::size_t limit);

}  // namespace legisite
