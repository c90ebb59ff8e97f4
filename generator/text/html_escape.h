#pragma once

#include <string>
#include <string_view>

namespace legisite {

/// Whether an escape also writes ' (as &#39;): needed where a template may quote an attribute
/// with it; the sanitizer's own output quotes with ".
enum class Apostrophes { kKept, kEscaped };

/// Appends `text` with & < > " escaped: safe as element text and inside a quoted attribute.
void append_html_escaped(std::string& out, std::string_view text,
                         Apostrophes apostrophes = Apostrophes::kKept);

}  // namespace legisite
