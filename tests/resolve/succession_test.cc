// Successors and predecessors: "Nouveaux textes", "Anciens textes" and transfers give each
// article who replaced it and whom it replaced, deduplicated and in code order; a cycle in the
// succession is reported once with its whole path.

#include "resolve/succession.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "resolve/resolve.h"

namespace legisite::succession_test {
namespace {

const char* const kCss = "Code de la sécurité sociale";

Link link_to(const char* number, LinkGroup group, const char* type = "") {
  Link link;
  link.group = group;
  link.label = std::string(link_group_label(group));
  link.link_type = type;
  link.text_title = kCss;
  link.article_number = number;
  link.text = std::string(kCss) + " - art. " + number;
  link.where = {"links.md", 7, 1};
  return link;
}

/// Adds one dated version of an article of the CSS with `links`, from file "<number>.md".
ArticleId add(Corpus& corpus, const char* number, std::vector<Link> links = {}) {
  Diagnostics diagnostics;
  ArticleRecord r;
  r.code_title = kCss;
  r.section_path.push_back({"Partie réglementaire", "", -1});
  r.number = ArticleNumber(number);
  r.version.start = Date::from_ymd(2013, 7, 8);
  r.version.origin = {std::string(number) + ".md", 1, 0};
  r.version.links = std::move(links);
  add_record(corpus, std::move(r), diagnostics);
  REQUIRE(diagnostics.all().empty());
  return corpus.find_article(corpus.find_code(kCss), ArticleNumber(number));
}

ArticleId find(const Corpus& corpus, const char* number) {
  return corpus.find_article(corpus.find_code(kCss), ArticleNumber(number));
}

std::vector<std::string> numbers(const Corpus& corpus, const std::vector<ArticleId>& ids) {
  std::vector<std::string> out;
  for (ArticleId id : ids) out.push_back(corpus.article(id).number.text());
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("a chain of renumberings gives successors and predecessors both ways", "[succession]") {
  Corpus corpus;
  Diagnostics diagnostics;
  // R1 -> R2 by "Nouveaux textes" on R1; R2 -> R3 said only by R3's "Anciens textes".
  ArticleId r1 = add(corpus, "R1", {link_to("R2", LinkGroup::kNewTexts)});
  ArticleId r2 = add(corpus, "R2");
  ArticleId r3 = add(corpus, "R3", {link_to("R2", LinkGroup::kOldTexts)});
  LinkGraph graph = resolve(corpus, diagnostics);
  CHECK(diagnostics.all().empty());
  CHECK(numbers(corpus, graph.successors[r1.value]) == Strings{"R2"});
  CHECK(numbers(corpus, graph.successors[r2.value]) == Strings{"R3"});
  CHECK(graph.successors[r3.value].empty());
  CHECK(graph.predecessors[r1.value].empty());
  CHECK(numbers(corpus, graph.predecessors[r2.value]) == Strings{"R1"});
  CHECK(numbers(corpus, graph.predecessors[r3.value]) == Strings{"R2"});
}

TEST_CASE("a successor named by both sides and by several versions is listed once",
          "[succession]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId old_one =
      add(corpus, "R133-19",
          {link_to("R133-2-10", LinkGroup::kNewTexts), link_to("R133-2-10", LinkGroup::kNewTexts)});
  ArticleId new_one = add(corpus, "R133-2-10", {link_to("R133-19", LinkGroup::kOldTexts)});
  LinkGraph graph = resolve(corpus, diagnostics);
  CHECK(diagnostics.all().empty());
  CHECK(graph.successors[old_one.value] == std::vector<ArticleId>{new_one});
  CHECK(graph.predecessors[new_one.value] == std::vector<ArticleId>{old_one});
}

TEST_CASE("several successors, from groups and transfer types, are listed in code order",
          "[succession]") {
  Corpus corpus;
  Diagnostics diagnostics;
  add(corpus, "R10",
      {link_to("R13", LinkGroup::kLinks, "DEPLACE"), link_to("R11", LinkGroup::kLinks, "TRANSFERE"),
       link_to("R12", LinkGroup::kTransferredBy), link_to("R14", LinkGroup::kLinks, "TRANSFERT"),
       // Neither a succession nor one of its directions: ignored.
       link_to("R15", LinkGroup::kCites), link_to("R16", LinkGroup::kLinks, "CITATION"),
       link_to("R10", LinkGroup::kNewTexts)});
  for (const char* n : {"R11", "R12", "R13", "R14", "R15", "R16"}) add(corpus, n);
  LinkGraph graph = resolve(corpus, diagnostics);
  CHECK(diagnostics.all().empty());
  CHECK(numbers(corpus, graph.successors[find(corpus, "R10").value]) ==
        Strings{"R11", "R12", "R13", "R14"});
  CHECK(numbers(corpus, graph.predecessors[find(corpus, "R13").value]) == Strings{"R10"});
  CHECK(graph.predecessors[find(corpus, "R15").value].empty());
  CHECK(graph.predecessors[find(corpus, "R10").value].empty());
}

TEST_CASE("a successor cited but absent from the edition gets its predecessor too",
          "[succession]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId old_one = add(corpus, "R133-19", {link_to("R133-2-10", LinkGroup::kNewTexts)});
  LinkGraph graph = resolve(corpus, diagnostics);
  CHECK(diagnostics.all().empty());
  ArticleId created = find(corpus, "R133-2-10");
  REQUIRE(created.valid());
  CHECK(corpus.article(created).cited_only);
  CHECK(graph.predecessors[created.value] == std::vector<ArticleId>{old_one});
}

TEST_CASE("a cycle in the succession is reported once with the whole path", "[succession]") {
  Corpus corpus;
  Diagnostics diagnostics;
  add(corpus, "R1", {link_to("R2", LinkGroup::kNewTexts)});
  add(corpus, "R2", {link_to("R3", LinkGroup::kNewTexts)});
  add(corpus, "R3", {link_to("R1", LinkGroup::kLinks, "TRANSFERE")});
  add(corpus, "R4", {link_to("R1", LinkGroup::kNewTexts)});  // leads into the cycle: no report
  LinkGraph graph = resolve(corpus, diagnostics);
  REQUIRE(diagnostics.all().size() == 1);
  const Diagnostic& d = diagnostics.all()[0];
  CHECK(d.severity == Severity::kWarning);
  CHECK(d.message == "article R1: succession cycle R1 -> R2 -> R3 -> R1");
  CHECK(d.where.file == "R1.md");
  CHECK(d.where.line == 1);
  // The graph itself keeps every edge: the cycle is the sources' doing, shown as they say it.
  CHECK(numbers(corpus, graph.successors[find(corpus, "R3").value]) == Strings{"R1"});
  CHECK(numbers(corpus, graph.predecessors[find(corpus, "R1").value]) == Strings{"R3", "R4"});
}

TEST_CASE("two articles replacing each other make one cycle, one warning", "[succession]") {
  Corpus corpus;
  Diagnostics diagnostics;
  add(corpus, "A1", {link_to("A2", LinkGroup::kNewTexts), link_to("A2", LinkGroup::kOldTexts)});
  add(corpus, "A2");
  resolve(corpus, diagnostics);
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].message == "article A1: succession cycle A1 -> A2 -> A1");
  CHECK(diagnostics.all()[0].where.file == "A1.md");
}

}  // namespace legisite::succession_test
