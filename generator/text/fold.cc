#include "text/fold.h"

#include "text/ascii.h"
#include "text/utf8.h"

namespace legisite {

std::string_view fold_letter(char32_t cp) {
  switch (cp) {
    case 0xC0:
    case 0xC1:
    case 0xC2:
    case 0xC3:
    case 0xC4:
    case 0xC5:
    case 0xE0:
    case 0xE1:
    case 0xE2:
    case 0xE3:
    case 0xE4:
    case 0xE5:
      return "a";
    case 0xC6:
    case 0xE6:
      return "ae";
    case 0xC7:
    case 0xE7:
      return "c";
    case 0xC8:
    case 0xC9:
    case 0xCA:
    case 0xCB:
    case 0xE8:
    case 0xE9:
    case 0xEA:
    case 0xEB:
      return "e";
    case 0xCC:
    case 0xCD:
    case 0xCE:
    case 0xCF:
    case 0xEC:
    case 0xED:
    case 0xEE:
    case 0xEF:
      return "i";
    case 0xD1:
    case 0xF1:
      return "n";
    case 0xD2:
    case 0xD3:
    case 0xD4:
    case 0xD5:
    case 0xD6:
    case 0xD8:
    case 0xF2:
    case 0xF3:
    case 0xF4:
    case 0xF5:
    case 0xF6:
    case 0xF8:
      return "o";
    case 0xD9:
    case 0xDA:
    case 0xDB:
    case 0xDC:
    case 0xF9:
    case 0xFA:
    case 0xFB:
    case 0xFC:
      return "u";
    case 0xDD:
    case 0xFD:
    case 0xFF:
    case 0x178:
      return "y";
    case 0x152:
    case 0x153:
      return "oe";
    case 0xDF:
      return "ss";
    default:
      return {};
  }
}

std::string fold_for_matching(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    Utf8Char c = decode_utf8(text, i);
    std::string_view folded = fold_letter(c.code_point);
    if (c.code_point < 0x80)
      out += lower(static_cast<char>(c.code_point));
    else if (!folded.empty())
      out += folded;
    else
      out.append(text.substr(i, c.length));
    i += c.length;
  }
  return out;
}

std::string lower_french(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    Utf8Char ch = decode_utf8(text, i);
    char32_t cp = ch.code_point;
    if (ch.valid && ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || cp == 0x152 || cp == 0x178)) {
      char32_t lowered = cp == 0x152 ? 0x153 : cp == 0x178 ? 0xFF : cp + 0x20;
      append_utf8(out, lowered);
    } else {
      for (std::size_t k = 0; k < ch.length; ++k) out += lower(text[i + k]);
    }
    i += ch.length;
  }
  return out;
}

}  // namespace legisite
