#pragma once
/// Accent folding: the one table that says which ASCII letters a French letter folds to. Slugs,
/// title keys and the citation parser all read it, so "Œuvre", "œuvre" and "oeuvre" meet.

#include <string>
#include <string_view>

namespace legisite {

/// The lower-case ASCII fold of a Latin-1 or Latin Extended-A letter a French text may hold
/// (é -> "e", Ç -> "c", Æ -> "ae", Œ -> "oe", ß -> "ss", Ÿ -> "y"); "" for any other code point,
/// ASCII included.
std::string_view fold_letter(char32_t code_point);

/// `text` with accents and ligatures folded by fold_letter and ASCII lower-cased; any other
/// character passes through. A byte that is not UTF-8 is read as Latin-1 (decode_utf8 gives it
/// as its own code point), so a Latin-1 title still folds. Used for matching titles ("Code de la
/// sécurité sociale." == "code de la securite sociale.").
std::string fold_for_matching(std::string_view text);

/// `text` in lower case, accents kept: ASCII letters, À to Þ (not ×), Œ and Ÿ, the capitals French
/// titles use ("Élection" -> "élection"). Any other byte passes through.
std::string lower_french(std::string_view text);

}  // namespace legisite
