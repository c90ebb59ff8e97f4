#pragma once
/// Reading the markup of HTML that the generator wrote or sanitised: where a tag or a comment
/// ends and which element it names. What reads or rewrites the text between tags (visible_text,
/// superscript_ordinals) shares these rules; untrusted HTML is parsed by the sanitiser (html/).

#include <cstddef>
#include <string_view>

namespace legisite {

/// Whether `html[at]` is a '<' that starts markup, being followed by a letter, '/' or '!';
/// any other '<' is text, as browsers read it.
bool starts_markup(std::string_view html, std::size_t at);

/// Past the end of the markup that starts at `at` (see starts_markup): a comment ends after its
/// "-->", a tag after the first '>' outside a quoted attribute value. npos when it never ends.
std::size_t markup_end(std::string_view html, std::size_t at);

/// The element name of the tag `html[at, end)`: "p" for "<p class=…>" and for "</p>"; empty for a
/// comment or a declaration.
std::string_view tag_name(std::string_view html, std::size_t at, std::size_t end);

/// Where the end tag `</name` starts at or after `from`, ASCII case ignored (the name not followed
/// by another letter or digit); html.size() when there is none.
std::size_t end_tag_at(std::string_view html, std::size_t from, std::string_view name);

}  // namespace legisite
