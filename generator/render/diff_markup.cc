#include "render/diff_markup.h"

#include "render/wording.h"

namespace legisite {

std::string diff_html(const TextDiff& diff) {
  std::string out;
  auto mark = [&out](const char* tag, std::string_view start, const std::string& html,
                     std::string_view end) {
    out.append("<").append(tag).append("><span class=\"visually-hidden\">").append(start);
    out.append("</span>").append(html).append("<span class=\"visually-hidden\">").append(end);
    out.append("</span></").append(tag).append(">");
  };
  for (const DiffRun& run : diff.runs) {
    switch (run.kind) {
      case DiffRun::Kind::kKept:
        out += run.html;
        break;
      case DiffRun::Kind::kRemoved:
        mark("del", wording::kRemovedStart, run.html, wording::kRemovedEnd);
        break;
      case DiffRun::Kind::kAdded:
        mark("ins", wording::kAddedStart, run.html, wording::kAddedEnd);
        break;
    }
  }
  return out;
}

std::string diff_summary(const TextDiff& diff) {
  if (diff.words_added == 0 && diff.words_removed == 0)
    return std::string(diff.punctuation_changed ? wording::kPunctuationChanged
                                                : wording::kTextIdentical);
  std::string out;
  auto words = [&out](std::size_t n) {
    out.append(std::to_string(n)).append(n == 1 ? wording::kWord : wording::kWords);
  };
  if (diff.words_added > 0) out.append("+"), words(diff.words_added);
  if (diff.words_removed > 0) {
    if (!out.empty()) out.append(", ");
    out.append("\u2212");  // a minus sign, not a hyphen
    words(diff.words_removed);
  }
  return out;
}

}  // namespace legisite
