#include "model/slug.h"

#include <cstdint>
#include <cstdio>

#include "text/ascii.h"
#include "text/fold.h"

namespace legisite {

namespace {

std::string full_slug(std::string_view text) {
  std::string folded = fold_for_matching(text);
  std::string out;
  bool pending_dash = false;
  for (char c : folded) {
    if (is_lower(c) || is_digit(c)) {
      if (pending_dash && !out.empty()) out += '-';
      pending_dash = false;
      out += c;
    } else {
      pending_dash = true;
    }
  }
  return out;
}

}  // namespace

bool slug_too_long(std::string_view text) { return full_slug(text).size() > kMaxSlugBytes; }

std::string slugify(std::string_view text) {
  std::string out = full_slug(text);
  if (out.size() <= kMaxSlugBytes) return out;
  // A code title or article number too long for a file name: bounded here, where every page,
  // link and check takes its slug from, so `check` and `build` agree.
  std::uint32_t hash = 2166136261u;  // FNV-1a, stable across machines and runs
  for (char c : out) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  out.resize(kMaxSlugBytes - 9);
  while (!out.empty() && out.back() == '-') out.pop_back();
  char hex[10];
  std::snprintf(hex, sizeof hex, "-%08x", hash);
  return out + hex;
}

}  // namespace legisite
