#pragma once
/// Theme rules that Mustache does not enforce, checked when a theme is loaded: an unknown field
/// or partial renders as nothing, and a triple mustache on a plain-text field would publish
/// unescaped input. Engine-independent: it reads template text with the default delimiters.

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostics.h"

namespace legisite {

/// One tag of a template.
struct TemplateTag {
  enum class Kind { kVariable, kUnescaped, kSection, kInverted, kClose, kPartial, kComment };
  Kind kind = Kind::kVariable;
  std::string name;
  std::size_t offset = 0;  // of the opening "{{"
};

/// The tags of `text`. Returns false when the template changes its delimiters ({{=<% %>=}}),
/// which this scanner does not follow; `tags` then holds the tags before the change.
bool scan_template(std::string_view text, std::vector<TemplateTag>& tags);

/// A rule broken at a byte offset of a template.
struct TemplateProblem {
  Severity severity = Severity::kError;
  std::size_t offset = 0;
  std::string message;
  std::vector<std::string> notes;
};

/// Checks one template: unescaped output only of *_html fields, every partial it includes exists
/// in `partials`, every field it names is one of `fields` (warning, with "did you mean").
std::vector<TemplateProblem> check_template(std::string_view text,
                                            const std::set<std::string>& partials,
                                            const std::vector<std::string_view>& fields);

}  // namespace legisite
