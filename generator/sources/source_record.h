#pragma once
/// What a build read from its Markdown article files and LEGI XML files, kept beside the site it
/// published (.legisite-sources), so that the next build over that site reads and parses only the
/// files whose stamp (device, inode, size, mtime) changed. It holds each file's reading as
/// read_markdown_article or parse_legi_document made it, and the diagnostics that reading gave;
/// for a git repository, its reading up to the last commit read (git_history.h), so that the next
/// build reads only the commits after it.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "sources/source_cache.h"

namespace legisite {

/// The site file that holds the record.
inline constexpr const char* kSourceRecordName = ".legisite-sources";

/// The readings `cache`'s last load found or made (SourceCache::recorded), as made by `program`
/// (another program may read the same bytes differently).
std::string format_source_record(const SourceCache& cache, std::string_view program);

/// Adds to `cache` the readings `text` records when `program` wrote it, and returns how many; adds
/// nothing from a record another program wrote or a damaged one. `dated_ns` is the record's mtime,
/// which its writer set to the time the build started reading: a reading is trusted only for a
/// file then left alone for kStampSettleNanoseconds, as when it is read.
std::size_t read_source_record(std::string_view text, std::string_view program,
                               std::int64_t dated_ns, SourceCache& cache);

}  // namespace legisite
