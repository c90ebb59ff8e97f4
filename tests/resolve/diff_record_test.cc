// The record of diffs (.legisite-diffs): what a build compared, read back by the next build over
// its site, gives the very diffs diff_texts gives, and nothing when it is not this program's or
// is damaged.

#include "resolve/diff_record.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "resolve/diff_cache.h"
#include "resolve/text_diff.h"

namespace legisite::diff_record_test {
namespace {

const Digest kProgram = digest_of("program");

/// One article whose versions have these texts, each compared with the one before it.
Corpus article_with_texts(const std::vector<std::string>& texts) {
  Corpus corpus;
  CodeId code = corpus.find_or_add_code("Code de test");
  ArticleId id = corpus.add_article(code, corpus.code(code).root, ArticleNumber("L1"));
  std::vector<Version>& versions = corpus.article(id).versions;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    Version v;
    v.has_text = !texts[i].empty();
    v.text_html = texts[i];
    v.slug = "v" + std::to_string(i);
    if (i > 0) {
      v.diff_base = static_cast<std::int32_t>(i - 1);
      v.diff = diff_texts(texts[i - 1], texts[i]);
    }
    versions.push_back(std::move(v));
  }
  return corpus;
}

void check_same(const TextDiff& a, const TextDiff& b) {
  CHECK(a.words_added == b.words_added);
  CHECK(a.words_removed == b.words_removed);
  CHECK(a.punctuation_changed == b.punctuation_changed);
  CHECK(a.spacing_changes == b.spacing_changes);
  CHECK(a.structure_changed == b.structure_changed);
  CHECK(a.beyond_budget == b.beyond_budget);
  REQUIRE(a.runs.size() == b.runs.size());
  for (std::size_t i = 0; i < a.runs.size(); ++i) {
    CHECK(a.runs[i].kind == b.runs[i].kind);
    CHECK(a.runs[i].html == b.runs[i].html);
    CHECK(a.runs[i].offset == b.runs[i].offset);
    CHECK(a.runs[i].position == b.runs[i].position);
  }
}

const std::vector<std::string> kTexts = {
    "<p>Le salarié a droit à un congé.</p>",
    "<p>Le salarié a droit à un congé payé ; l'employeur le fixe.</p><p>Deuxième alinéa.</p>",
    "<p>Le salarié a droit à un congé payé ; l'employeur le fixe.</p><p>Deuxième alinéa.</p>",
    "",  // abrogated without text: the diff keeps the older text's tags, no slice of ""
    "<p>Rétabli.</p>",
};

}  // namespace

TEST_CASE("the record of diffs gives back every diff of the build that wrote it",
          "[resolve][diff][incremental]") {
  const Corpus corpus = article_with_texts(kTexts);
  const std::string text = format_diff_record(corpus, kProgram);
  const DiffRecord record = DiffRecord::parse(text, kProgram);
  CHECK(record.size() == 4);  // five versions, four pairs, all different
  // The abrogation's runs are the older text's tags, which "" does not hold: written out.
  CHECK(text.find(" 1\n</p><p>\n") != std::string::npos);
  for (std::size_t i = 1; i < kTexts.size(); ++i) {
    INFO("version " << i);
    const std::optional<TextDiff> found = record.find(kTexts[i - 1], kTexts[i]);
    REQUIRE(found);
    check_same(*found, diff_texts(kTexts[i - 1], kTexts[i]));
  }
  // A pair it did not compare, or the same texts the other way round.
  CHECK_FALSE(record.find(kTexts[0], kTexts[4]));
  CHECK_FALSE(record.find(kTexts[1], kTexts[0]));
  // The same pair twice is recorded once.
  const Corpus twice = article_with_texts({kTexts[0], kTexts[1], kTexts[0], kTexts[1]});
  CHECK(DiffRecord::parse(format_diff_record(twice, kProgram), kProgram).size() == 2);
}

TEST_CASE("a record of diffs from another program, or damaged, is not trusted",
          "[resolve][diff][incremental]") {
  const std::string text = format_diff_record(article_with_texts(kTexts), kProgram);
  REQUIRE(DiffRecord::parse(text, kProgram).size() == 4);
  CHECK(DiffRecord::parse(text, digest_of("another program")).size() == 0);
  CHECK(DiffRecord::parse("", kProgram).size() == 0);
  // Cut short anywhere: nothing is read from it.
  for (std::size_t cut : {text.size() - 1, text.size() / 2, std::size_t(100)})
    CHECK(DiffRecord::parse(text.substr(0, cut), kProgram).size() == 0);
  // A run of a kind that does not exist.
  std::string bad_kind = text;
  const std::size_t run = bad_kind.find("\n0 ");
  REQUIRE(run != std::string::npos);
  bad_kind[run + 1] = '7';
  CHECK(DiffRecord::parse(bad_kind, kProgram).size() == 0);
}

TEST_CASE("a recorded run that lies outside its texts or holds markup they lack gives no diff",
          "[resolve][diff][incremental]") {
  const std::string before = "<p>Un.</p>", after = "<p>Deux.</p>";
  const std::string key = Hasher().add(before).add(after).finish().hex();
  // One kept run of 500 bytes from offset 3: past the end of `after`.
  const std::string text =
      "legisite diffs 1 " + kProgram.hex() + "\n" + key + " 0 0 0 0 0 0 1\n0 3 500 0 0\n";
  const DiffRecord record = DiffRecord::parse(text, kProgram);
  REQUIRE(record.size() == 1);
  CHECK_FALSE(record.find(before, after));
  // Markup written out that neither text holds.
  const std::string forged = "legisite diffs 1 " + kProgram.hex() + "\n" + key +
                             " 0 0 0 0 0 0 1\n0 0 17 0 1\n<script></script>\n";
  const DiffRecord injected = DiffRecord::parse(forged, kProgram);
  REQUIRE(injected.size() == 1);
  CHECK_FALSE(injected.find(before, after));
}

TEST_CASE("serve's cache of diffs takes a pair the record holds instead of comparing it",
          "[resolve][diff][incremental]") {
  const std::string before = "<p>Un.</p>", after = "<p>Deux.</p>";
  const std::string key = Hasher().add(before).add(after).finish().hex();
  // A record that says 99 words were added, which no comparison of these texts says.
  const DiffRecord record = DiffRecord::parse(
      "legisite diffs 1 " + kProgram.hex() + "\n" + key + " 99 0 0 0 0 0 1\n0 0 11 0 0\n",
      kProgram);
  DiffCache cache;
  cache.start_phase();
  CHECK(cache.diff(before, after, &record).words_added == 99);
  CHECK(cache.diff(before, after).words_added == 99);  // kept from the record
  CHECK(cache.hits() == 1);
  cache.finish_phase();
  CHECK(cache.diff(after, before, &record).words_added == diff_texts(after, before).words_added);
}

}  // namespace legisite::diff_record_test
