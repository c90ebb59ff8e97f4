#include "sources/markdown_reader.h"

#include <algorithm>

#include "html/html_sanitizer.h"
#include "io/file_system.h"
#include "sources/front_matter.h"
#include "sources/links_block.h"
#include "sources/markdown_html.h"
#include "sources/source_text.h"
#include "sources/tricoteuses_references.h"
#include "text/ascii.h"

namespace legisite {

namespace {

/// The article heading as found in the file.
struct Heading {
  int line = 0;           // 0 when there is none
  int lines = 1;          // 2 for a setext heading (text + underline)
  std::string_view text;  // what follows "Article", as written; a view into the line
  std::size_t after_word =
      0;  // byte just after "Article" in the line, to point at a missing number
};

// "Article R133-19" -> "R133-19" (also "ARTICLE", "article"); false for any other text.
bool after_article_word(std::string_view line, std::string_view text, Heading& heading) {
  constexpr std::string_view kWord = "article";
  if (!starts_with_ignoring_case(text, kWord)) return false;
  std::string_view rest = text.substr(kWord.size());
  if (!rest.empty() && rest[0] != ' ' && rest[0] != '\t') return false;  // "Articles", "Article1"
  heading.text = trim_spaces(rest);
  heading.after_word = static_cast<std::size_t>(rest.data() - line.data());
  return true;
}

// "# Article R133-19", "## Article L. 133-6 ##".
bool match_atx(std::string_view line, Heading& heading) {
  std::size_t i = 0;
  while (i < 3 && i < line.size() && line[i] == ' ') ++i;
  std::size_t hashes = 0;
  while (i < line.size() && line[i] == '#') ++hashes, ++i;
  if (hashes == 0 || hashes > 6) return false;
  if (i < line.size() && line[i] != ' ' && line[i] != '\t') return false;
  std::string_view text = trim_spaces(line.substr(i));
  std::size_t end = text.size();
  while (end > 0 && text[end - 1] == '#') --end;  // optional closing sequence
  if (end < text.size() && (end == 0 || text[end - 1] == ' ' || text[end - 1] == '\t'))
    text = trim_spaces(text.substr(0, end));
  return after_article_word(line, text, heading);
}

// "<h1>Article 515-10</h1>" (h1 to h6, attributes allowed), as Tricoteuses writes headings.
bool match_html_heading(std::string_view line, Heading& heading) {
  std::string_view t = trim_spaces(line);
  if (t.size() < 9 || t[0] != '<' || (t[1] != 'h' && t[1] != 'H') || t[2] < '1' || t[2] > '6')
    return false;
  std::size_t open_end = t.find('>');
  if (open_end == std::string_view::npos || (open_end != 3 && t[3] != ' ')) return false;
  std::size_t close = t.rfind("</");
  if (close == std::string_view::npos || close <= open_end) return false;
  return after_article_word(line, trim_spaces(t.substr(open_end + 1, close - open_end - 1)),
                            heading);
}

// A "### Nota" heading: Tricoteuses puts the nota at the end of the text under it.
bool is_nota_heading(std::string_view line) {
  std::string_view t = trim_spaces(line);
  std::size_t hashes = 0;
  while (hashes < t.size() && t[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6) return false;
  std::string_view word = trim_spaces(t.substr(hashes));
  return word.size() == 4 && starts_with_ignoring_case(word, "nota");
}

// "Article R133-19" on one line and "----" or "====" on the next (the css-history files).
bool match_setext(std::string_view line, std::string_view underline, Heading& heading) {
  if (line.find_first_not_of(' ') > 3) return false;  // indented 4+: code, not a heading
  std::string_view rule = trim_spaces(underline);
  if (rule.empty() || underline.find_first_not_of(' ') > 3) return false;
  if (rule.find_first_not_of(rule[0]) != std::string_view::npos) return false;
  if (rule[0] != '-' && rule[0] != '=') return false;
  return after_article_word(line, trim_spaces(line), heading);
}

// `R\*133-2` -> `R*133-2`: a heading is Markdown, the number is not.
std::string unescape_markdown(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && is_punct(text[i + 1])) ++i;
    out += text[i];
  }
  return out;
}

constexpr std::string_view kAcceptedHeadings =
    "accepted: '# Article <NUM>', '<h1>Article <NUM></h1>', 'Article <NUM>' underlined, or "
    "'num: <NUM>' front matter";

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Markdown from lines [from, to) of `source`, as HTML, with a warning for text the sanitiser left
// out.
std::string sanitized(const SourceText& source, int from, int to, std::string_view markdown,
                      Diagnostics& diagnostics) {
  HtmlLoss loss;
  std::string html = sanitize_html(markdown_to_html(markdown), loss);
  report_html_loss(source, from, to, loss, diagnostics);
  return html;
}

// The article's heading when line `first` opens one (ATX, HTML or setext); line 0 when not.
Heading find_heading(const SourceText& source, int first) {
  Heading heading;
  if (first > source.line_count()) return heading;
  if (match_atx(source.line(first), heading) || match_html_heading(source.line(first), heading)) {
    heading.line = first;
  } else if (first < source.line_count() &&
             match_setext(source.line(first), source.line(first + 1), heading)) {
    heading.line = first;
    heading.lines = 2;
  }
  return heading;
}

// The article's number and where it is written.
struct NumberAt {
  ArticleNumber number;
  int line = 0, column = 0;
};

// The number of the heading, else of the front matter's num; false, reported, when there is
// none or it is not a number.
bool read_number(const SourceText& source, const FrontMatter& front, const Heading& heading,
                 int first, NumberAt& out, Diagnostics& diagnostics) {
  std::string number_text;
  if (heading.line) {
    number_text = unescape_markdown(heading.text);
    out.line = heading.line;
    out.column = heading.text.empty() ? source.column(heading.line, heading.after_word)
                                      : source.column_of(heading.line, heading.text);
    if (!front.num.empty() && ArticleNumber(front.num) != ArticleNumber(number_text)) {
      source.warning(diagnostics, front.num_line, front.num_column,
                     "front matter num '" + front.num + "' differs from the heading's '" +
                         ArticleNumber(number_text).text() + "'; using the heading");
    }
  } else if (!front.num.empty()) {
    number_text = front.num;
    out.line = front.num_line;
    out.column = front.num_column;
  } else {
    // Files a folder holds are alike: when none is an article, one diagnostic per folder (with
    // its count and first files) says so, not one per file.
    int line = std::min(first, source.line_count());
    diagnostics.report({Severity::kError,
                        source.at(line, 1),
                        "no article number: expected a '# Article <NUM>' heading",
                        std::string(source.line(line)),
                        {std::string(kAcceptedHeadings)},
                        dir_name(source.file())});
    return false;
  }
  ArticleNumber number(number_text);
  if (std::string problem = problem_with(number.text()); !problem.empty()) {
    std::string message =
        number.empty() ? problem : "invalid article number '" + number.text() + "': " + problem;
    source.error(diagnostics, out.line, out.column, std::move(message));
    return false;
  }
  out.number = std::move(number);
  return true;
}

// What follows the heading: the text (lines [from, to)), a nota section, the links block and a
// Tricoteuses <details> block.
struct Body {
  int from = 0, to = 0;
  std::string text;
  std::string nota;
  int nota_from = 0;
  LinksBlockStart links;
  int details = 0;
};

// The body from line `from` to the links block, which is read on its own: its tab-indented lists
// would be code blocks to a Markdown renderer. A "NOTA" heading starts the nota, unless the front
// matter gave one (`want_nota` false).
Body split_body(const SourceText& source, int from, bool want_nota) {
  Body b;
  b.from = from;
  b.links = find_links_block(source, from);
  b.to = b.links.line ? b.links.line : source.line_count() + 1;
  // Tricoteuses' <details> blocks (Références, Autres formats) are metadata, not text.
  b.details = find_details_block(source, from);
  if (b.details && b.details < b.to) {
    b.to = b.details;
    b.links = LinksBlockStart();
  }
  for (int n = from; n < b.to && want_nota; ++n) {
    if (!is_nota_heading(source.line(n))) continue;
    b.nota_from = n + 1;
    for (int k = n + 1; k < b.to; ++k) {
      b.nota += source.line(k);
      b.nota += '\n';
    }
    b.to = n;
  }
  for (int n = from; n < b.to; ++n) {
    b.text += source.line(n);
    b.text += '\n';
  }
  if (b.links.line && b.links.offset > 0) {
    b.text += source.line(b.links.line).substr(0, b.links.offset);
    b.text += '\n';
  }
  return b;
}

}  // namespace

bool read_markdown_article(std::string_view text, const std::string& file, MarkdownArticle& out,
                           Diagnostics& diagnostics) {
  SourceText source(file, text);
  FrontMatter front;
  if (!parse_front_matter(source, FrontMatterKind::kArticle, front, diagnostics)) return false;
  out = MarkdownArticle();

  int first = front.body_line;
  while (first <= source.line_count() && trim_spaces(source.line(first)).empty()) ++first;
  const Heading heading = find_heading(source, first);
  NumberAt number;
  if (!read_number(source, front, heading, first, number, diagnostics)) return false;
  out.number = std::move(number.number);
  out.code_title = front.code;
  out.cid = front.cid;

  Version& version = out.version;
  version.format = SourceFormat::kMarkdown;
  version.origin = source.at(number.line);
  version.id = front.id;
  version.start = front.start.value_or(Date());
  version.end = front.end.value_or(Date());
  version.status = front.status.value_or(ArticleStatus::kUnknown);

  const Body body =
      split_body(source, heading.line ? heading.line + heading.lines : first, front.nota.empty());
  version.has_text = !is_blank(body.text);
  if (version.has_text)
    version.text_html = sanitized(source, body.from, body.to, body.text, diagnostics);
  if (!is_blank(front.nota))
    version.nota_html = sanitized(source, number.line, number.line + 1, front.nota, diagnostics);
  if (!is_blank(body.nota))
    version.nota_html =
        sanitized(source, body.nota_from, source.line_count() + 1, body.nota, diagnostics);
  version.links = read_links_block(source, body.links, diagnostics);
  if (body.details) {
    std::vector<Link> references = read_tricoteuses_references(source, body.details, diagnostics);
    version.links.insert(version.links.end(), references.begin(), references.end());
  }
  return true;
}

}  // namespace legisite
