// add_record: how versions read by every reader meet in one article, and what a clash says.

#include "model/corpus_builder.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace legisite::corpus_builder_test {
namespace {

const char* const kCss = "Code de la sécurité sociale";

ArticleRecord record(const char* number, const char* start, SourceLocation origin,
                     std::vector<std::string> sections = {"Partie législative", "Livre 1"},
                     SourceFormat format = SourceFormat::kMarkdown) {
  ArticleRecord r;
  r.code_title = kCss;
  for (auto& title : sections) r.section_path.push_back({title, "", -1});
  r.number = ArticleNumber(number);
  if (start) r.version.start = *Date::parse(start);
  r.version.format = format;
  r.version.origin = std::move(origin);
  r.version.has_text = true;
  r.version.text_html = std::string("<p>Texte de ") + number + "</p>";
  return r;
}

std::vector<std::string> titles_of_path(const Corpus& corpus, SectionId section) {
  std::vector<std::string> out;
  for (SectionId s : corpus.section_path(section)) out.push_back(corpus.section(s).title);
  return out;
}

TEST_CASE("a first record creates its code, its sections and its article", "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleRecord r = record("L133-6", "2013-07-08", {"css/L133-6.md", 1, 0});
  r.cid = "LEGIARTI000006740081";
  r.code_legi_id = "LEGITEXT000006073189";
  add_record(corpus, r, diagnostics);
  CHECK(diagnostics.all().empty());
  REQUIRE(corpus.codes().size() == 1);
  const Code& code = corpus.codes()[0];
  CHECK(code.title == kCss);
  CHECK(code.legi_id == "LEGITEXT000006073189");
  CHECK(code.origin.file == "css/L133-6.md");
  REQUIRE(corpus.articles().size() == 1);
  const Article& a = corpus.articles()[0];
  CHECK(a.number.text() == "L133-6");
  CHECK(a.cid == "LEGIARTI000006740081");
  CHECK(a.code == code.id);
  CHECK(titles_of_path(corpus, a.section) ==
        std::vector<std::string>{"Partie législative", "Livre 1"});
  REQUIRE(a.versions.size() == 1);
  CHECK(a.versions[0].start.iso() == "2013-07-08");
  CHECK(a.versions[0].text_html == "<p>Texte de L133-6</p>");
}

TEST_CASE("versions with the same number in one code are grouped in one article",
          "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  add_record(corpus, record("R133-19", "2005-08-12", {"a.md", 1, 0}), diagnostics);
  add_record(corpus, record("R. 133-19", "2013-07-08", {"b.md", 1, 0}), diagnostics);
  add_record(corpus, record("r133-19", "2015-01-01", {"c.md", 1, 0}), diagnostics);
  CHECK(diagnostics.all().empty());
  REQUIRE(corpus.articles().size() == 1);
  const Article& a = corpus.articles()[0];
  CHECK(a.number.text() == "R133-19");
  REQUIRE(a.versions.size() == 3);
  CHECK(a.versions[0].origin.file == "a.md");
  CHECK(a.versions[1].origin.file == "b.md");
  CHECK(a.versions[2].origin.file == "c.md");
}

TEST_CASE("one number in two codes gives two articles", "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  add_record(corpus, record("L1", "2013-07-08", {"a.md", 1, 0}), diagnostics);
  ArticleRecord other = record("L1", "2013-07-08", {"b.md", 1, 0});
  other.code_title = "Code des relations entre le public et l'administration";
  add_record(corpus, other, diagnostics);
  CHECK(diagnostics.all().empty());
  CHECK(corpus.codes().size() == 2);
  CHECK(corpus.articles().size() == 2);
}

TEST_CASE("versions with the same cid are grouped even when their numbers are spelt apart",
          "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleRecord first = record("Annexe II tableau 66", "2005-08-12", {"a.md", 1, 0});
  first.cid = "LEGIARTI000006750001";
  ArticleRecord second = record("Annexe II : Tableau n° 66", "2013-07-08", {"b.json", 1, 0});
  second.cid = "LEGIARTI000006750001";
  add_record(corpus, first, diagnostics);
  add_record(corpus, second, diagnostics);
  CHECK(diagnostics.all().empty());
  REQUIRE(corpus.articles().size() == 1);
  CHECK(corpus.articles()[0].versions.size() == 2);
  CHECK(corpus.articles()[0].number.text() == "Annexe II tableau 66");
}

TEST_CASE("an article first read without a cid is found by the cid a later source gives",
          "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  add_record(corpus, record("L133-6", "2005-08-12", {"a.md", 1, 0}), diagnostics);
  ArticleRecord with_cid = record("L133-6", "2013-07-08", {"b.json", 1, 0});
  with_cid.cid = "LEGIARTI000006740081";
  add_record(corpus, with_cid, diagnostics);
  REQUIRE(corpus.articles().size() == 1);
  CHECK(corpus.articles()[0].cid == "LEGIARTI000006740081");
  CHECK(corpus.find_article_by_cid("LEGIARTI000006740081") == corpus.articles()[0].id);
}

TEST_CASE("two cids under one number are two articles, each found by its cid", "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  // The Code du travail's two "Annexe I": the equal-pay chapter's and the optical-radiation one's.
  ArticleRecord equal_pay = record("Annexe I", "2019-01-01", {"a.json", 1, 0}, {"Chapitre II bis"});
  equal_pay.cid = "LEGIARTI000038137262";
  ArticleRecord optics = record("Annexe I", "2010-07-05", {"a.json", 9, 0}, {"Chapitre II"});
  optics.cid = "LEGIARTI000023018849";
  CHECK(add_record(corpus, equal_pay, diagnostics) == RecordOutcome::kAdded);
  CHECK(add_record(corpus, optics, diagnostics) == RecordOutcome::kAdded);
  CHECK(diagnostics.all().empty());
  REQUIRE(corpus.articles().size() == 2);
  CHECK(corpus.find_article_by_cid("LEGIARTI000038137262") == corpus.articles()[0].id);
  CHECK(corpus.find_article_by_cid("LEGIARTI000023018849") == corpus.articles()[1].id);
  CHECK(corpus.articles_numbered(corpus.articles()[0].code, ArticleNumber("Annexe I")).size() == 2);
  // In one section too: a cid is an identity, a number a label.
  ArticleRecord third = record("Annexe I", "2020-01-01", {"a.json", 20, 0}, {"Chapitre II"});
  third.cid = "LEGIARTI000099999999";
  add_record(corpus, third, diagnostics);
  CHECK(corpus.articles().size() == 3);
}

TEST_CASE("a version an article already holds joins it whatever cid the record gives",
          "[model][builder]") {
  // LEGI XML names no article; the id legisite infers (its earliest version) is often not the
  // API's cid, and the version id is what both formats share.
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleRecord json =
      record("L1", "2018-01-01", {"a.json", 1, 0}, {"Livre 1"}, SourceFormat::kLegifranceJson);
  json.cid = "LEGIARTI000018497130";
  json.version.id = "LEGIARTI000036483371";
  ArticleRecord xml =
      record("L1", "2018-01-01", {"b.xml", 1, 0}, {"Livre 1"}, SourceFormat::kLegiXml);
  xml.cid = "LEGIARTI000018524217";
  xml.version.id = "LEGIARTI000036483371";
  add_record(corpus, json, diagnostics);
  CHECK(add_record(corpus, xml, diagnostics) == RecordOutcome::kMerged);
  REQUIRE(corpus.articles().size() == 1);
  CHECK(corpus.find_article_by_cid("LEGIARTI000018524217") == corpus.articles()[0].id);
}

TEST_CASE("an article without cid is one per folder in one format, one per number across formats",
          "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  add_record(corpus, record("R1", "2005-01-01", {"c/Livre 1/R1.md", 1, 0}, {"Livre 1"}),
             diagnostics);
  add_record(corpus, record("R1", "2010-01-01", {"c/Livre 1/R1 v2.md", 1, 0}, {"Livre 1"}),
             diagnostics);
  add_record(corpus, record("R1", "2005-01-01", {"c/Livre 2/R1.md", 1, 0}, {"Livre 2"}),
             diagnostics);
  CHECK(diagnostics.all().empty());
  REQUIRE(corpus.articles().size() == 2);
  CHECK(corpus.articles()[0].versions.size() == 2);
  CHECK(corpus.articles()[1].versions.size() == 1);

  // A history names its folders otherwise than a dump its sections: the number alone meets the
  // one article the dump has.
  Corpus mixed;
  ArticleRecord json = record("L2", "2018-01-01", {"a.json", 1, 0},
                              {"Chapitre 3 bis : Dispositions"}, SourceFormat::kLegifranceJson);
  json.cid = "LEGIARTI000006740081";
  add_record(mixed, json, diagnostics);
  add_record(mixed,
             record("L2", "2005-01-01", {"h.md", 1, 0}, {"Chapitre 3 Bis"},
                    SourceFormat::kMarkdownHistory),
             diagnostics);
  CHECK(mixed.articles().size() == 1);
  CHECK(mixed.articles()[0].versions.size() == 2);
}

TEST_CASE("two sources of one format giving the same version is an error naming both",
          "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  CHECK(add_record(corpus, record("L133-6", "2013-07-08", {"css/a/L133-6.md", 3, 0}),
                   diagnostics) == RecordOutcome::kAdded);
  ArticleRecord again = record("L133-6", "2013-07-08", {"css/b/L133-6.md", 1, 0});
  again.version.text_html = "<p>Autre texte</p>";
  CHECK(add_record(corpus, again, diagnostics) == RecordOutcome::kRejected);
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(format_diagnostic(diagnostics.all()[0]) ==
        "css/b/L133-6.md:1: error: article L133-6: version of 2013-07-08 is already given by "
        "another source; this one is ignored\n"
        "  note: first given at css/a/L133-6.md:3\n");
  REQUIRE(corpus.articles().size() == 1);
  REQUIRE(corpus.articles()[0].versions.size() == 1);
  CHECK(corpus.articles()[0].versions[0].text_html == "<p>Texte de L133-6</p>");
  CHECK(corpus.articles()[0].versions[0].also_from.empty());
}

TEST_CASE("two undated versions of one format is an error about the undated version",
          "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  add_record(corpus, record("L1", nullptr, {"a.md", 0, 0}), diagnostics);
  add_record(corpus, record("L1", nullptr, {"b.md", 0, 0}), diagnostics);
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(format_diagnostic(diagnostics.all()[0]) ==
        "b.md: error: article L1: undated version is already given by another source; this one "
        "is ignored\n"
        "  note: first given at a.md\n");
  CHECK(corpus.articles()[0].versions.size() == 1);
}

TEST_CASE("two versions with the same LEGIARTI id are one version whatever their dates say",
          "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleRecord a = record("L1", "2013-07-08", {"a.md", 1, 0});
  a.version.id = "LEGIARTI000027684390";
  ArticleRecord b = record("L1", "2013-07-09", {"b.md", 1, 0});
  b.version.id = "LEGIARTI000027684390";
  add_record(corpus, a, diagnostics);
  add_record(corpus, b, diagnostics);
  CHECK(diagnostics.error_count() == 1);
  CHECK(corpus.articles()[0].versions.size() == 1);
}

TEST_CASE("two versions with different LEGIARTI ids are two versions even on one date",
          "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleRecord a = record("L1", "2013-07-08", {"a.md", 1, 0});
  a.version.id = "LEGIARTI000000000001";
  ArticleRecord b = record("L1", "2013-07-08", {"b.md", 1, 0});
  b.version.id = "LEGIARTI000000000002";
  add_record(corpus, a, diagnostics);
  add_record(corpus, b, diagnostics);
  CHECK(diagnostics.all().empty());
  CHECK(corpus.articles()[0].versions.size() == 2);
}

TEST_CASE("two history versions of one day are two versions when their source keys differ",
          "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleRecord morning = record("L133-6-2", "2010-12-20", {"003_2010-12-20_aaa.md", 1, 0}, {},
                                 SourceFormat::kMarkdownHistory);
  morning.version.source_key = "003_2010-12-20_aaa";
  ArticleRecord evening = record("L133-6-2", "2010-12-20", {"004_2010-12-20_bbb.md", 1, 0}, {},
                                 SourceFormat::kMarkdownHistory);
  evening.version.source_key = "004_2010-12-20_bbb";
  add_record(corpus, morning, diagnostics);
  add_record(corpus, evening, diagnostics);
  CHECK(diagnostics.all().empty());
  CHECK(corpus.articles()[0].versions.size() == 2);

  // The same history file seen again (one commit writing one text into two folders) is the same
  // version, merged, not a clash: only hand-written Markdown repeating a version is an error.
  ArticleRecord again = evening;
  again.version.origin = {"copy/004_2010-12-20_bbb.md", 1, 0};
  add_record(corpus, again, diagnostics);
  CHECK(diagnostics.error_count() == 0);
  REQUIRE(corpus.articles()[0].versions.size() == 2);
  REQUIRE(corpus.articles()[0].versions[1].also_from.size() == 1);
  CHECK(corpus.articles()[0].versions[1].also_from[0].file == "copy/004_2010-12-20_bbb.md");
}

TEST_CASE("two snapshots of one version merge into the better-informed one", "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleRecord older =
      record("L1", "2010-12-20", {"css-2021.json", 0, 0}, {}, SourceFormat::kLegifranceJson);
  older.version.id = "LEGIARTI000000000001";
  older.version.status = ArticleStatus::kVigueur;
  older.version.end = Date::no_end();
  older.version.has_text = true;
  older.version.text_html = "<p>Texte de 2010.</p>";
  ArticleRecord newer = older;
  newer.version.origin = {"css-2026.json", 0, 0};
  newer.version.status = ArticleStatus::kModifie;
  newer.version.end = *Date::parse("2023-01-01");
  newer.version.has_text = false;
  newer.version.text_html.clear();
  add_record(corpus, older, diagnostics);
  add_record(corpus, newer, diagnostics);
  CHECK(diagnostics.all().empty());
  REQUIRE(corpus.articles()[0].versions.size() == 1);
  const Version& v = corpus.articles()[0].versions[0];
  CHECK(v.status == ArticleStatus::kModifie);
  CHECK(v.end.iso() == "2023-01-01");
  CHECK(v.has_text);
  CHECK(v.text_html == "<p>Texte de 2010.</p>");
}

TEST_CASE("a source key does not tell apart versions of two formats", "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleRecord history =
      record("L1", "2010-12-20", {"h.md", 1, 0}, {}, SourceFormat::kMarkdownHistory);
  history.version.source_key = "003_2010-12-20_aaa";
  ArticleRecord json =
      record("L1", "2010-12-20", {"c.json", 1, 0}, {}, SourceFormat::kLegifranceJson);
  json.version.source_key = "something else";
  CHECK(add_record(corpus, history, diagnostics) == RecordOutcome::kAdded);
  CHECK(add_record(corpus, json, diagnostics) == RecordOutcome::kMerged);
  CHECK(diagnostics.error_count() == 0);
  REQUIRE(corpus.articles()[0].versions.size() == 1);
  CHECK(corpus.articles()[0].versions[0].also_from.size() == 1);
}

TEST_CASE("two formats giving one version with different texts warn and keep the first",
          "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  add_record(corpus, record("L133-6", "2013-07-08", {"css/L133-6.md", 1, 0}), diagnostics);
  ArticleRecord json = record("L133-6", "2013-07-08", {"css.json", 0, 0}, {"Partie législative"},
                              SourceFormat::kLegifranceJson);
  json.version.text_html = "<p>Un autre texte</p>";
  add_record(corpus, json, diagnostics);
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(format_diagnostic(diagnostics.all()[0]) ==
        "css.json: warning: article L133-6, version of 2013-07-08: text differs from "
        "css/L133-6.md:1; keeping the first\n"
        "  note: both sources describe the same version\n");
  const Version& v = corpus.articles()[0].versions.at(0);
  CHECK(corpus.articles()[0].versions.size() == 1);
  CHECK(v.text_html == "<p>Texte de L133-6</p>");
  CHECK(v.format == SourceFormat::kMarkdown);
  REQUIRE(v.also_from.size() == 1);
  CHECK(v.also_from[0].file == "css.json");
}

TEST_CASE("two formats giving one undated version with different texts say it is undated",
          "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  add_record(corpus, record("L1", nullptr, {"a.md", 1, 0}), diagnostics);
  ArticleRecord xml = record("L1", nullptr, {"a.xml", 2, 0}, {}, SourceFormat::kLegiXml);
  xml.version.text_html = "<p>Autre</p>";
  add_record(corpus, xml, diagnostics);
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].severity == Severity::kWarning);
  CHECK(diagnostics.all()[0].message ==
        "article L1, undated version: text differs from a.md:1; keeping the first");
}

TEST_CASE("two formats giving one version with the same words merge quietly", "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleRecord md = record("L133-6", "2013-07-08", {"css/L133-6.md", 1, 0});
  md.version.text_html = "<p>Les cotisations   sont dues.</p>\n<p>Sauf <em>exception</em>.</p>";
  Link created;
  created.group = LinkGroup::kCreatedBy;
  created.text = "Loi n°2004-810";
  md.version.links.push_back(created);
  add_record(corpus, md, diagnostics);

  ArticleRecord json =
      record("L133-6", "2013-07-08", {"css.json", 0, 0}, {}, SourceFormat::kLegifranceJson);
  json.version.text_html = "<p>Les cotisations sont dues.</p><p>Sauf exception.</p>";
  json.version.id = "LEGIARTI000027684390";
  json.version.end = Date::no_end();
  json.version.status = ArticleStatus::kVigueur;
  json.version.nota_html = "<p>Nota.</p>";
  json.version.amended_by = "Décret n°2013-597";
  Link modified;
  modified.group = LinkGroup::kModifiedBy;
  modified.text = "Décret n°2013-597";
  json.version.links.push_back(modified);
  add_record(corpus, json, diagnostics);

  CHECK(diagnostics.all().empty());
  REQUIRE(corpus.articles().size() == 1);
  REQUIRE(corpus.articles()[0].versions.size() == 1);
  const Version& v = corpus.articles()[0].versions[0];
  CHECK(v.text_html == "<p>Les cotisations   sont dues.</p>\n<p>Sauf <em>exception</em>.</p>");
  CHECK(v.id == "LEGIARTI000027684390");
  CHECK(v.end.is_no_end());
  CHECK(v.status == ArticleStatus::kVigueur);
  CHECK(v.nota_html == "<p>Nota.</p>");
  CHECK(v.amended_by == "Décret n°2013-597");
  REQUIRE(v.links.size() == 2);
  CHECK(v.links[0].group == LinkGroup::kCreatedBy);
  CHECK(v.links[1].group == LinkGroup::kModifiedBy);
  REQUIRE(v.also_from.size() == 1);
  CHECK(v.also_from[0].file == "css.json");
}

TEST_CASE("merging keeps what the first source said and fills only what it lacked",
          "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleRecord first = record("L1", "2013-07-08", {"a.md", 1, 0});
  first.version.status = ArticleStatus::kAbroge;
  first.version.end = *Date::parse("2015-01-01");
  first.version.has_text = false;
  first.version.text_html.clear();
  add_record(corpus, first, diagnostics);
  ArticleRecord second = record("L1", "2013-07-08", {"b.xml", 1, 0}, {}, SourceFormat::kLegiXml);
  second.version.status = ArticleStatus::kVigueur;
  second.version.end = Date::no_end();
  second.version.text_html = "<p>Texte</p>";
  add_record(corpus, second, diagnostics);
  CHECK(diagnostics.all().empty());
  const Version& v = corpus.articles()[0].versions.at(0);
  CHECK(v.status == ArticleStatus::kAbroge);
  CHECK(v.end.iso() == "2015-01-01");
  CHECK(v.has_text);
  CHECK(v.text_html == "<p>Texte</p>");
}

TEST_CASE("an article moves to the section of its newest version", "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  // Two snapshots of one article (one cid), which moved between them.
  auto with_cid = [](ArticleRecord r) {
    r.cid = "LEGIARTI000006740100";
    return r;
  };
  add_record(corpus,
             with_cid(record("L213-1", "2005-08-12", {"a.md", 1, 0}, {"Livre 2", "Titre 1"})),
             diagnostics);
  const ArticleId id = corpus.articles()[0].id;
  CHECK(titles_of_path(corpus, corpus.article(id).section) ==
        std::vector<std::string>{"Livre 2", "Titre 1"});

  add_record(corpus,
             with_cid(record("L213-1", "2013-07-08", {"b.md", 1, 0}, {"Livre 2", "Titre 1 bis"})),
             diagnostics);
  CHECK(titles_of_path(corpus, corpus.article(id).section) ==
        std::vector<std::string>{"Livre 2", "Titre 1 bis"});

  // An older version read later does not move it back.
  add_record(corpus,
             with_cid(record("L213-1", "1985-12-21", {"c.md", 1, 0}, {"Livre 2", "Chapitre 0"})),
             diagnostics);
  CHECK(titles_of_path(corpus, corpus.article(id).section) ==
        std::vector<std::string>{"Livre 2", "Titre 1 bis"});
  CHECK(corpus.article(id).versions.size() == 3);
  CHECK(diagnostics.all().empty());

  corpus.finish_tables_of_contents();
  SectionId livre2 = corpus.section(corpus.article(id).section).parent;
  std::size_t listed = 0;
  for (const Section& s : corpus.sections())
    for (const TocEntry& e : s.toc)
      if (e.kind == TocEntry::Kind::kArticle) {
        ++listed;
        CHECK(corpus.section(s.id).title == "Titre 1 bis");
      }
  CHECK(listed == 1);
  CHECK(corpus.section(livre2).title == "Livre 2");
}

TEST_CASE("an undated version does not move an article with dated versions", "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  add_record(corpus, record("L1", "2013-07-08", {"a.md", 1, 0}, {"Livre 1"}), diagnostics);
  add_record(corpus, record("L1", nullptr, {"b.md", 1, 0}, {"Livre 9"}), diagnostics);
  CHECK(titles_of_path(corpus, corpus.articles()[0].section) ==
        std::vector<std::string>{"Livre 1"});
}

TEST_CASE("the newest version brings its explicit position", "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleRecord old_one = record("L1", "2005-01-01", {"a.json", 1, 0});
  old_one.order = 5;
  add_record(corpus, old_one, diagnostics);
  CHECK(corpus.articles()[0].order == 5);
  ArticleRecord newer = record("L1", "2013-01-01", {"b.json", 1, 0});
  newer.order = 9;
  add_record(corpus, newer, diagnostics);
  CHECK(corpus.articles()[0].order == 9);
  ArticleRecord older = record("L1", "2000-01-01", {"c.json", 1, 0});
  older.order = 1;
  add_record(corpus, older, diagnostics);
  CHECK(corpus.articles()[0].order == 9);
}

TEST_CASE("a code keeps the origin of the first record that named it", "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  add_record(corpus, record("L1", "2013-07-08", {"first.md", 1, 0}), diagnostics);
  add_record(corpus, record("L2", "2013-07-08", {"second.md", 1, 0}), diagnostics);
  CHECK(corpus.codes()[0].origin.file == "first.md");
}

TEST_CASE("a section path deeper than 200 levels is an error naming the file and the depth",
          "[model][builder]") {
  Corpus corpus;
  Diagnostics diagnostics;
  std::vector<std::string> levels;
  for (int i = 1; i <= 250; ++i) levels.push_back("Niveau " + std::to_string(i));
  CHECK(add_record(corpus, record("L1", "2013-07-08", {"css/deep.md", 3, 0}, levels),
                   diagnostics) == RecordOutcome::kAdded);
  CHECK(format_all(diagnostics) ==
        "css/deep.md:3: error: article L1 sits 250 sections deep, more than the 200 levels "
        "sections may nest; placed in its section at level 200\n");
  const Article& a = corpus.article(corpus.articles().front().id);
  std::vector<std::string> path = titles_of_path(corpus, a.section);
  REQUIRE(path.size() == 200);
  CHECK(path.back() == "Niveau 200");
}

}  // namespace
}  // namespace legisite::corpus_builder_test
