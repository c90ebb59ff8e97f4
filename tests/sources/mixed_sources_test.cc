// One article known from LEGI XML, Légifrance JSON and Markdown at once: the versions merge by
// identity and date into one timeline, each kept once, with every source that described it.

#include <algorithm>
#include <catch2/catch.hpp>

#include "io/file_system.h"
#include "model/model.h"
#include "sources/sources.h"

namespace mixed_sources_test {

using namespace legisite;

TEST_CASE("an article read from XML, JSON and Markdown has one merged version list",
          "[sources][mixed]") {
  DiskFileSystem files(std::string(LEGISITE_SOURCE_DIR) + "/tests/golden/mixed/content");
  Corpus corpus;
  Diagnostics diagnostics;
  load_sources(files, corpus, diagnostics);
  INFO(format_all(diagnostics));
  CHECK(diagnostics.all().empty());

  REQUIRE(corpus.codes().size() == 1);
  CHECK(corpus.codes()[0].title == "Code de test mixte");
  CHECK(corpus.codes()[0].legi_id == "LEGITEXT000099000009");
  REQUIRE(corpus.articles().size() == 1);
  const Article& l1 = corpus.articles()[0];
  CHECK(l1.number.text() == "L1");
  // One "Livre Ier" section: the Markdown folder and the LEGISCTA of XML and JSON are one.
  CHECK(corpus.sections().size() == 2);  // the code's root and Livre Ier

  std::vector<Version> versions = l1.versions;
  std::sort(versions.begin(), versions.end(),
            [](const Version& a, const Version& b) { return a.start < b.start; });
  REQUIRE(versions.size() == 4);

  CHECK(versions[0].start.iso() == "1995-01-01");
  CHECK(versions[0].format == SourceFormat::kMarkdown);
  CHECK(versions[0].status == ArticleStatus::kModifie);
  CHECK(versions[0].text_html.find("Texte de 1995") != std::string::npos);
  CHECK(versions[0].also_from.empty());

  CHECK(versions[1].start.iso() == "2000-01-01");
  CHECK(versions[1].id == "LEGIARTI000099000901");
  CHECK(versions[1].end.iso() == "2010-01-01");
  CHECK(versions[1].has_text);  // only the XML file had this text; the JSON listed the version
  CHECK(versions[1].also_from.size() == 1);

  CHECK(versions[2].start.iso() == "2010-01-01");
  CHECK(versions[2].id == "LEGIARTI000099000902");
  CHECK(versions[2].status == ArticleStatus::kVigueur);
  CHECK(versions[2].end.is_no_end());
  CHECK(versions[2].also_from.size() == 1);

  CHECK(versions[3].start.iso() == "2030-01-01");
  CHECK(versions[3].id == "LEGIARTI000099000903");
  CHECK(versions[3].status == ArticleStatus::kVigueurDiff);
  CHECK_FALSE(versions[3].has_text);  // listed by the API without its text: kept, shown as such
}

TEST_CASE("two sources giving one version different texts is a warning naming both",
          "[sources][mixed]") {
  MemoryFileSystem files;
  std::string xml_path = "xml/LEGITEXT000099000009/article/LEGIARTI000099000902.xml";
  std::string xml, error;
  DiskFileSystem disk(std::string(LEGISITE_SOURCE_DIR) + "/tests/golden/mixed/content");
  REQUIRE(disk.read_file(xml_path, xml, error));
  std::string json;
  REQUIRE(disk.read_file("json/code-de-test-mixte.json", json, error));
  auto at = json.find("Texte de 2010, connu par le XML et le JSON.");
  REQUIRE(at != std::string::npos);
  json.replace(at, 10, "Autre texte");
  files.add_file(xml_path, xml);
  files.add_file("json/code-de-test-mixte.json", json);
  Corpus corpus;
  Diagnostics diagnostics;
  load_sources(files, corpus, diagnostics);
  REQUIRE(diagnostics.warning_count() == 1);
  const Diagnostic& d = diagnostics.all()[0];
  std::string both = d.where.file + " " + d.message;
  CHECK(both.find("json/code-de-test-mixte.json") != std::string::npos);
  CHECK(both.find(xml_path) != std::string::npos);
  CHECK(d.message.find("text differs") != std::string::npos);
}

}  // namespace mixed_sources_test
