#include "sources/whole_code_markdown.h"

#include "html/html_sanitizer.h"
#include "model/article_number.h"
#include "sources/markdown_html.h"
#include "sources/source_text.h"
#include "text/ascii.h"

namespace legisite {

namespace {

/// An ATX heading of any depth: its level and its text; level 0 for a line that is not one.
struct AnyHeading {
  int level = 0;
  std::string_view text;
};

AnyHeading heading_of(std::string_view line) {
  AnyHeading h;
  std::size_t i = 0;
  while (i < line.size() && line[i] == '#') ++i;
  if (i == 0 || (i < line.size() && line[i] != ' ' && line[i] != '\t')) return h;
  std::string_view text = trim_spaces(line.substr(i));
  std::size_t end = text.size();
  while (end > 0 && text[end - 1] == '#') --end;  // optional closing sequence
  if (end < text.size() && (end == 0 || text[end - 1] == ' '))
    text = trim_spaces(text.substr(0, end));
  h.level = static_cast<int>(i);
  h.text = text;
  return h;
}

// "Article L111-1" -> "L111-1"; "" for any other heading.
std::string_view article_number_in(std::string_view heading) {
  if (heading.size() < 9 || !starts_with_ignoring_case(heading, "article")) return {};
  if (heading[7] != ' ' && heading[7] != '\t') return {};
  return trim_spaces(heading.substr(8));
}

struct OpenSection {
  int level;
  SectionRef ref;
  std::int64_t next_child = 0;  // sections and articles share one order within a section
};

// Lines [from, to) of `source` as HTML. A text found in the cache was warned about (if need be)
// where it was first read.
std::string render(const SourceText& source, int from, int to, std::string_view markdown,
                   MarkdownHtmlCache* cache, Diagnostics& diagnostics) {
  std::string key;
  if (cache) {
    key = std::string(markdown);
    auto it = cache->find(key);
    if (it != cache->end()) return it->second;
  }
  HtmlLoss loss;
  std::string html = sanitize_html(markdown_to_html(markdown), loss);
  report_html_loss(source, from, to, loss, diagnostics);
  if (cache) cache->emplace(std::move(key), html);
  return html;
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

bool is_whole_code_markdown(std::string_view text) {
  text = without_byte_order_mark(text);  // as the reader does
  int articles = 0;
  bool section_first = false;  // the first heading is not an article's
  bool any_heading = false;
  std::size_t start = 0;
  while (start < text.size() && articles < 2) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (AnyHeading h = heading_of(line); h.level) {
      bool article = !article_number_in(h.text).empty();
      if (!any_heading) section_first = !article;
      any_heading = true;
      if (article) ++articles;
    }
    start = end + 1;
  }
  return articles >= 2 || (articles == 1 && section_first);
}

void read_whole_code_markdown(std::string_view text, const std::string& file,
                              const std::string& code_title,
                              const std::vector<SectionRef>& sections_above,
                              std::vector<ArticleRecord>& out, Diagnostics& diagnostics,
                              MarkdownHtmlCache* cache) {
  SourceText source(file, text);
  std::vector<OpenSection> open;  // the sections enclosing the current line, outermost first
  std::int64_t top_order = 0;     // order among the code's top level
  ArticleRecord* article = nullptr;
  int body_from = 0;
  auto finish = [&](int body_to) {
    if (!article) return;
    std::string body;
    for (int n = body_from; n < body_to; ++n) {
      body += source.line(n);
      body += '\n';
    }
    article->version.has_text = !is_blank(body);
    if (article->version.has_text)
      article->version.text_html = render(source, body_from, body_to, body, cache, diagnostics);
    article = nullptr;
  };
  auto next_order = [&]() { return open.empty() ? top_order++ : open.back().next_child++; };
  for (int n = 1; n <= source.line_count(); ++n) {
    AnyHeading h = heading_of(source.line(n));
    if (!h.level) continue;
    finish(n);
    std::string_view number = article_number_in(h.text);
    if (number.empty()) {
      while (!open.empty() && open.back().level >= h.level) open.pop_back();
      SectionRef ref;
      ref.title = std::string(h.text);
      ref.order = next_order();
      open.push_back({h.level, std::move(ref)});
      continue;
    }
    while (!open.empty() && open.back().level >= h.level) open.pop_back();
    ArticleNumber parsed{std::string(number)};
    if (std::string problem = problem_with(parsed.text()); !problem.empty()) {
      source.error(diagnostics, n, source.column_of(n, number),
                   "invalid article number '" + parsed.text() + "': " + problem);
      continue;
    }
    ArticleRecord& record = out.emplace_back();
    record.code_title = code_title;
    record.section_path = sections_above;
    for (const OpenSection& s : open) record.section_path.push_back(s.ref);
    record.number = std::move(parsed);
    record.order = next_order();
    record.version.format = SourceFormat::kMarkdown;
    record.version.origin = source.at(n);
    article = &record;
    body_from = n + 1;
  }
  finish(source.line_count() + 1);
}

std::string code_title_from_file_name(std::string_view name) {
  if (ends_with_ignoring_case(name, ".md")) name.remove_suffix(3);
  std::string title;
  for (char c : name) title += c == '_' ? ' ' : c;
  title = collapse_whitespace(title);
  if (!title.empty()) title[0] = upper(title[0]);
  return title;
}

}  // namespace legisite
