// Comparing any two versions in the browser (issue 13, point 8): static/version-compare.js must
// give the diff of resolve/text_diff.cc, run by node on real texts. css-history's articles give
// every pair of consecutive versions with text (the diff pages' pairs) and, for articles with
// three versions or more, the first and last texts (a pair no page shows). Skipped with a message
// without node or ../shared/corpus (a failure under CI=true).

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "io/file_system.h"
#include "render/json_writer.h"
#include "resolve/history.h"
#include "resolve/resolve.h"
#include "resolve/text_diff.h"
#include "sources/sources.h"
#include "support/environment.h"

namespace legisite {
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

// One line of the file node reads: both texts and what the generator's diff made of them; empty
// for a pair past the generator's budget, whose diff page shows both texts whole (the script has
// the edit budget but not the comparison count, and makes runs past it).
std::string pair_line(const std::string& before, const std::string& after) {
  const TextDiff diff = diff_texts(before, after);
  if (diff.beyond_budget) return {};
  JsonWriter json;
  json.begin_object();
  json.key("before").string(before);
  json.key("after").string(after);
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
  std::size_t consecutive = 0, distant = 0, past_budget = 0;
  for (const Article& article : corpus.articles()) {
    std::vector<const Version*> with_text;
    for (const Version& v : article.versions)
      if (!v.text_html.empty()) with_text.push_back(&v);
    for (std::size_t i = 1; i < with_text.size(); ++i) {
      const std::string line = pair_line(with_text[i - 1]->text_html, with_text[i]->text_html);
      if (line.empty()) {
        ++past_budget;
        continue;
      }
      pairs << line << '\n';
      ++consecutive;
    }
    if (with_text.size() >= 3) {
      const std::string line = pair_line(with_text.front()->text_html, with_text.back()->text_html);
      if (line.empty()) {
        ++past_budget;
        continue;
      }
      pairs << line << '\n';
      ++distant;
    }
  }
  pairs.close();
  INFO(consecutive << " consecutive pairs, " << distant << " first and last texts, " << past_budget
                   << " pairs past the budget left out");
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
}  // namespace legisite
