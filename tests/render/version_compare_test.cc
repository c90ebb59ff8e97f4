// Comparing any two versions in the browser (issue 13, point 8): static/version-compare.js must
// give the diff of resolve/text_diff.cc and the marked text of render/diff_markup.cc (its changes,
// alinéa numbers, folds and linked citations), run by node on real texts. css-history's articles
// give every pair of consecutive versions with text (the diff pages' pairs) and, for articles with
// three versions or more, the first and last texts (a pair no page shows); pairs past the diff's
// budget are compared too (both must say so, with the same counts). The citations' offsets are
// given to node in UTF-16 code units, as the article's versions.js gives them. Skipped with a
// message without node or ../shared/corpus (a failure under CI=true).

#include "render/version_compare.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "io/file_system.h"
#include "render/diff_markup.h"
#include "render/json_writer.h"
#include "render/pages.h"
#include "render/text_links.h"
#include "resolve/history.h"
#include "resolve/resolve.h"
#include "resolve/text_diff.h"
#include "sources/sources.h"
#include "support/environment.h"

namespace legisite::version_compare_test {
namespace {

const char* kind_name(DiffRun::Kind kind) {
  switch (kind) {
    case DiffRun::Kind::kKept:
      return "kept";
    case DiffRun::Kind::kRemoved:
      return "removed";
    case DiffRun::Kind::kAdded:
      return "added";
  }
  return "";
}

void write_links(JsonWriter& json, std::string_view text, const std::vector<TextLink>& links) {
  json.begin_array();
  for (const TextLink& l : links) {
    json.begin_object();
    json.key("begin").integer(static_cast<std::int64_t>(utf16_length(text.substr(0, l.begin))));
    json.key("end").integer(static_cast<std::int64_t>(utf16_length(text.substr(0, l.end))));
    json.key("href").string(l.href);
    json.key("title").string(l.title);
    json.key("repoint").boolean(l.repoint);
    json.key("unwrap").boolean(l.unwrap);
    json.end_object();
  }
  json.end_array();
}

// One line of the file node reads: both texts, their citations' links, and what the generator
// made of them: the diff's runs and counts, and the marked text of a diff page.
std::string pair_line(const Corpus& corpus, const std::string& page, const Version& before,
                      const Version& after) {
  const TextDiff diff = diff_texts(before.text_html, after.text_html);
  DiffTexts texts{before.text_html, after.text_html,
                  citation_links(corpus, page, before, before.start),
                  citation_links(corpus, page, after, after.start)};
  JsonWriter json;
  json.begin_object();
  json.key("before").string(before.text_html);
  json.key("after").string(after.text_html);
  json.key("beforeLinks");
  write_links(json, before.text_html, texts.before_links);
  json.key("afterLinks");
  write_links(json, after.text_html, texts.after_links);
  json.key("runs").begin_array();
  for (const DiffRun& run : diff.runs) {
    json.begin_object();
    json.key("kind").string(kind_name(run.kind));
    json.key("html").string(run.html);
    json.end_object();
  }
  json.end_array();
  json.key("wordsAdded").integer(static_cast<std::int64_t>(diff.words_added));
  json.key("wordsRemoved").integer(static_cast<std::int64_t>(diff.words_removed));
  json.key("punctuationChanged").boolean(diff.punctuation_changed);
  json.key("spacingChanges").integer(static_cast<std::int64_t>(diff.spacing_changes));
  json.key("structureChanged").boolean(diff.structure_changed);
  json.key("beyondBudget").boolean(diff.beyond_budget);
  json.key("summary").string(diff_summary(diff));
  const DiffPage marked = diff.beyond_budget ? DiffPage{} : diff_page(diff, texts);
  json.key("page").begin_object();
  json.key("html").string(marked.html);
  json.key("changes").integer(static_cast<std::int64_t>(marked.changes));
  json.key("folds").integer(static_cast<std::int64_t>(marked.folds));
  json.key("changedAlineas").begin_array();
  for (int a : marked.changed_alineas) json.integer(a);
  json.end_array();
  json.end_object();
  json.end_object();
  return json.finish();
}

TEST_CASE("the browser's diff of two versions is the generator's, on css-history", "[slow]") {
  const std::string dir = std::string(LEGISITE_SHARED_DIR) + "/corpus/css-history";
  if (!std::filesystem::exists(dir)) return testing::skip_because_missing(dir);
  if (!testing::have_program("node"))
    return testing::skip_because_missing("node (to run the comparison script)");
  Corpus corpus;
  Diagnostics diagnostics;
  DiskFileSystem files(dir);
  load_sources(files, corpus, diagnostics);
  resolve(corpus, diagnostics);

  testing::TempDir temp("legisite-version-compare");
  const std::filesystem::path pairs_file = temp.path / "pairs.jsonl";
  std::ofstream pairs(pairs_file, std::ios::binary);
  std::size_t consecutive = 0, distant = 0, past_budget = 0, linked = 0;
  auto add = [&](const std::string& page, const Version& before, const Version& after) {
    const std::string line = pair_line(corpus, page, before, after);
    past_budget += line.find("\"beyondBudget\":true") != std::string::npos;
    linked += line.find("\"afterLinks\":[]") == std::string::npos;
    pairs << line;
  };
  for (const Article& article : corpus.articles()) {
    if (article.slug.empty()) continue;
    const std::string page = article_page_path(corpus, article);
    std::vector<const Version*> with_text;
    for (const Version& v : article.versions)
      if (!v.text_html.empty()) with_text.push_back(&v);
    for (std::size_t i = 1; i < with_text.size(); ++i, ++consecutive)
      add(page, *with_text[i - 1], *with_text[i]);
    if (with_text.size() >= 3) {
      add(page, *with_text.front(), *with_text.back());
      ++distant;
    }
  }
  pairs.close();
  INFO(consecutive << " consecutive pairs, " << distant << " first and last texts, " << past_budget
                   << " of them past the budget, " << linked << " with links in the newer text");
  CHECK(past_budget > 0);
  CHECK(linked > 1000);
  REQUIRE(consecutive > 10000);
  const testing::ProcessResult node =
      testing::run_command("node " +
                           testing::shell_quote(std::string(LEGISITE_SOURCE_DIR) +
                                                "/tests/render/version_compare_check.js") +
                           " " + testing::shell_quote(pairs_file.string()));
  INFO(node.out << node.err);
  CHECK(node.status == 0);
  CHECK(node.out.find("0 different of " + std::to_string(consecutive + distant)) !=
        std::string::npos);
}

}  // namespace
}  // namespace legisite::version_compare_test
