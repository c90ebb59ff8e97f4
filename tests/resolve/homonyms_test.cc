// Two distinct articles with one label (the Code du travail's two "Annexe I", real data in
// tests/golden/homonyms): two articles, two URLs, versions apart, and what a citation of the
// label links to.

#include "resolve/homonyms.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "io/file_system.h"
#include "resolve/resolve.h"
#include "sources/sources.h"

namespace legisite::homonyms_test {
namespace {

const char* const kEqualPay = "LEGIARTI000038137262";  // Chapitre II bis, Annexes
const char* const kOptics = "LEGIARTI000023018849";    // Chapitre II (rayonnements optiques)

void load_annexes(Corpus& corpus, Diagnostics& diagnostics) {
  DiskFileSystem files(std::string(LEGISITE_SOURCE_DIR) + "/tests/golden/homonyms/content");
  load_sources(files, corpus, diagnostics);
}

std::vector<std::string> version_ids(const Article& a) {
  std::vector<std::string> out;
  for (const Version& v : a.versions) out.push_back(v.id);
  return out;
}

/// Adds an article of the Code du travail with `html` as its text, in the section `path` names.
ArticleId add_citing(Corpus& corpus, const char* number, std::vector<SectionRef> path,
                     const char* html) {
  Diagnostics diagnostics;
  ArticleRecord r;
  r.code_title = "Code du travail";
  r.code_legi_id = "LEGITEXT000006072050";
  r.section_path = std::move(path);
  r.number = ArticleNumber(number);
  r.cid = std::string("TEST-") + number;
  r.version.id = r.cid;
  r.version.start = Date::from_ymd(2020, 1, 1);
  r.version.has_text = true;
  r.version.text_html = html;
  r.version.origin = {"citing.json", 1, 0};
  add_record(corpus, std::move(r), diagnostics);
  REQUIRE(diagnostics.all().empty());
  return corpus.find_article_by_cid(std::string("TEST-") + number);
}

// The section paths of the two chapters, by LEGISCTA id (titles are matched by id first).
const std::vector<SectionRef> kChapterIIbis = {{"Partie réglementaire", "LEGISCTA000018464861", -1},
                                               {"Première partie", "LEGISCTA000018538094", -1},
                                               {"Livre Ier", "LEGISCTA000018538092", -1},
                                               {"Titre IV", "LEGISCTA000018538076", -1},
                                               {"Chapitre II bis", "LEGISCTA000045680699", -1}};
const std::vector<SectionRef> kChapterII = {{"Partie réglementaire", "LEGISCTA000018464861", -1},
                                            {"Quatrième partie", "LEGISCTA000018532924", -1},
                                            {"Livre IV", "LEGISCTA000018531164", -1},
                                            {"Titre V", "LEGISCTA000022441839", -1},
                                            {"Chapitre II", "LEGISCTA000022442918", -1}};

TEST_CASE("two annexes numbered Annexe I in two chapters are two articles with their own URLs",
          "[resolve][homonyms]") {
  Corpus corpus;
  Diagnostics diagnostics;
  load_annexes(corpus, diagnostics);
  REQUIRE(corpus.articles().size() == 2);
  ArticleId equal_pay = corpus.find_article_by_cid(kEqualPay);
  ArticleId optics = corpus.find_article_by_cid(kOptics);
  REQUIRE(equal_pay.valid());
  REQUIRE(optics.valid());
  CHECK(equal_pay != optics);
  // Versions not merged: each article has its own two.
  CHECK(version_ids(corpus.article(equal_pay)) ==
        std::vector<std::string>{"LEGIARTI000038137262", "LEGIARTI000047548258"});
  CHECK(version_ids(corpus.article(optics)) ==
        std::vector<std::string>{"LEGIARTI000023018849", "LEGIARTI000040477365"});
  // Each stays in its chapter.
  CHECK(corpus.section(corpus.section(corpus.article(equal_pay).section).parent).legi_id ==
        "LEGISCTA000045680699");
  CHECK(corpus.section(corpus.section(corpus.article(optics).section).parent).legi_id ==
        "LEGISCTA000022442918");

  resolve(corpus, diagnostics);
  // The oldest by cid keeps the plain slug; the other carries its cid.
  CHECK(corpus.article(optics).slug == "annexe-i");
  CHECK(corpus.article(equal_pay).slug == "annexe-i-legiarti000038137262");
  REQUIRE(diagnostics.warning_count() == 1);
}

TEST_CASE("a citation of a shared label links to the homonym of the citing chapter, else none",
          "[resolve][homonyms]") {
  Corpus corpus;
  Diagnostics diagnostics;
  load_annexes(corpus, diagnostics);
  const char* text = "<p>Selon l'annexe I du code du travail.</p>";
  ArticleId in_equal_pay = add_citing(corpus, "D1", kChapterIIbis, text);
  ArticleId in_optics = add_citing(corpus, "R2", kChapterII, text);
  ArticleId elsewhere =
      add_citing(corpus, "R3", {{"Partie réglementaire", "LEGISCTA000018464861", -1}}, text);
  CodeId code = corpus.article(in_equal_pay).code;
  ArticleNumber annexe_i("Annexe I");

  CHECK(cited_article(corpus, code, annexe_i, corpus.article(in_equal_pay).section).article ==
        corpus.find_article_by_cid(kEqualPay));
  CHECK(cited_article(corpus, code, annexe_i, corpus.article(in_optics).section).article ==
        corpus.find_article_by_cid(kOptics));
  CitedArticle tie = cited_article(corpus, code, annexe_i, corpus.article(elsewhere).section);
  CHECK(tie.ambiguous());
  CHECK(tie.candidates == 2);

  LinkGraph graph = resolve(corpus, diagnostics);
  auto target_of = [&](ArticleId citing) {
    const auto& cites = corpus.article(citing).versions.at(0).text_citations;
    return cites.empty() ? ArticleId() : cites[0].target;
  };
  CHECK(target_of(in_equal_pay) == corpus.find_article_by_cid(kEqualPay));
  CHECK(target_of(in_optics) == corpus.find_article_by_cid(kOptics));
  CHECK_FALSE(target_of(elsewhere).valid());
  // No cited-only "Annexe I" was made up for the ambiguous one.
  CHECK(corpus.articles_numbered(code, annexe_i).size() == 2);
  std::vector<std::string> problems;
  for (const CitationFinding& f : graph.report.findings)
    if (f.kind == CitationFinding::Kind::kAmbiguous)
      problems.push_back(f.article + ": " + f.problem);
  CHECK(problems == std::vector<std::string>{
                        "R3: 2 distinct articles of Code du travail are numbered Annexe I, none "
                        "in the citing article's chapter more than the others; left unlinked"});
}

}  // namespace
}  // namespace legisite::homonyms_test
