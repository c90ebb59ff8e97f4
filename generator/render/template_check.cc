#include "render/template_check.h"

#include <algorithm>

#include "text/ascii.h"

namespace legisite {

namespace {

// "did you mean 'x'?" when a candidate is close enough to be a typo.
std::vector<std::string> suggestion(std::string_view name,
                                    const std::vector<std::string_view>& candidates) {
  std::string_view best;
  std::size_t best_distance = SIZE_MAX;
  for (std::string_view c : candidates) {
    std::size_t d = edit_distance(name, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  if (best.empty() || best_distance > std::max<std::size_t>(2, name.size() / 3)) return {};
  return {"did you mean '" + std::string(best) + "'?"};
}

}  // namespace

bool scan_template(std::string_view text, std::vector<TemplateTag>& tags) {
  std::size_t at = 0;
  while ((at = text.find("{{", at)) != std::string_view::npos) {
    TemplateTag tag;
    tag.offset = at;
    bool triple = at + 2 < text.size() && text[at + 2] == '{';
    std::size_t body = at + (triple ? 3 : 2);
    std::size_t close = text.find(triple ? "}}}" : "}}", body);
    if (close == std::string_view::npos) return true;  // the engine reports the unclosed tag
    std::string_view inside = trim(text.substr(body, close - body));
    at = close + (triple ? 3 : 2);
    if (triple) {
      tag.kind = TemplateTag::Kind::kUnescaped;
    } else if (!inside.empty()) {
      switch (inside.front()) {
        case '#':
          tag.kind = TemplateTag::Kind::kSection;
          break;
        case '^':
          tag.kind = TemplateTag::Kind::kInverted;
          break;
        case '/':
          tag.kind = TemplateTag::Kind::kClose;
          break;
        case '>':
          tag.kind = TemplateTag::Kind::kPartial;
          break;
        case '&':
          tag.kind = TemplateTag::Kind::kUnescaped;
          break;
        case '!':
          tag.kind = TemplateTag::Kind::kComment;
          break;
        case '=':
          return false;
        default:
          tag.kind = TemplateTag::Kind::kVariable;
          break;
      }
      if (tag.kind != TemplateTag::Kind::kVariable) inside = trim(inside.substr(1));
    }
    tag.name = std::string(inside);
    tags.push_back(std::move(tag));
  }
  return true;
}

std::vector<TemplateProblem> check_template(std::string_view text,
                                            const std::set<std::string>& partials,
                                            const std::vector<std::string_view>& fields) {
  std::vector<TemplateProblem> problems;
  std::vector<TemplateTag> tags;
  if (!scan_template(text, tags)) {
    problems.push_back({Severity::kWarning,
                        tags.empty() ? 0 : tags.back().offset,
                        "the template changes its delimiters; field and partial names after the "
                        "change are not checked",
                        {}});
  }
  std::vector<std::string_view> partial_names(partials.begin(), partials.end());
  for (const TemplateTag& tag : tags) {
    using Kind = TemplateTag::Kind;
    if (tag.kind == Kind::kComment || tag.kind == Kind::kClose) continue;
    if (tag.kind == Kind::kPartial) {
      if (!partials.count(tag.name))
        problems.push_back({Severity::kError, tag.offset, "unknown partial '" + tag.name + "'",
                            suggestion(tag.name, partial_names)});
      continue;
    }
    if (tag.kind == Kind::kUnescaped && !tag.name.ends_with("_html")) {
      problems.push_back({Severity::kError,
                          tag.offset,
                          "'" + tag.name +
                              "' is inserted without escaping, but only fields named "
                              "*_html hold markup",
                          {"write {{" + tag.name + "}} so that the text is escaped"}});
      continue;
    }
    if (tag.kind == Kind::kVariable && tag.name.ends_with("_html")) {
      problems.push_back({Severity::kWarning,
                          tag.offset,
                          "'" + tag.name +
                              "' holds markup but is escaped, so its tags would show "
                              "as text",
                          {"write {{{" + tag.name + "}}} to insert it as HTML"}});
    }
    if (tag.name == ".") continue;
    // Dotted names ("prev.href") name a field at each step.
    std::string_view rest = tag.name;
    while (!rest.empty()) {
      std::string_view part = rest.substr(0, rest.find('.'));
      rest.remove_prefix(std::min(rest.size(), part.size() + 1));
      if (std::find(fields.begin(), fields.end(), part) == fields.end()) {
        problems.push_back(
            {Severity::kWarning, tag.offset,
             "unknown field '" + std::string(part) + "': Mustache renders it as nothing",
             suggestion(part, fields)});
        break;
      }
    }
  }
  return problems;
}

}  // namespace legisite
