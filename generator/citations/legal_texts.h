#pragma once
/// The names of texts other than codes in running text: "loi n° 2001-692 du 1er août 2001",
/// "décret du 22 juin 1946", "règlement (CE) n° 883/2004", "directive 2006/123/CE", and the
/// French dates they carry.

#include <cstddef>
#include <string>
#include <string_view>

#include "citations/citations.h"

namespace legisite {

/// Reads a text's designation at `i` of `text`: a kind (loi, loi organique, décret, ordonnance,
/// arrêté, règlement, directive…), then a number ("n° 2001-692") and/or a date ("du 1er août
/// 2001"); one of them is required. Fills `out` and returns the end, or npos.
std::size_t match_legal_text(std::string_view text, std::size_t i, ExternalText& out);

/// Reads a French date at `i` ("1er août 2001", "22 juin 1946") into `iso` ("2001-08-01").
/// Returns its end, or npos.
std::size_t match_french_date(std::string_view text, std::size_t i, std::string& iso);

}  // namespace legisite
