// The record of pages' inputs (.legisite-inputs, render/fingerprints.h): which fingerprints an
// edit changes decides which pages a build over the published site renders again
// (tests/cli/incremental_test.cc checks the sites themselves).

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "cli/build.h"
#include "render/fingerprints.h"
#include "support/environment.h"

namespace fs = std::filesystem;
using namespace legisite;

namespace {

const std::string kSource = LEGISITE_SOURCE_DIR;
const std::string kCode = "code-de-la-securite-sociale/";

/// The demo, copied, built into memory: the record each build writes.
struct Demo {
  legisite::testing::TempDir dir{"legisite-page-inputs"};
  fs::path content = dir.path / "content";
  fs::path chapter = content /
                     "code-de-la-securite-sociale/Partie Législative/Livre 7/Titre 5/"
                     "Chapitre 2";
  Demo() { fs::copy(kSource + "/content", content, fs::copy_options::recursive); }

  PageFingerprints build() {
    BuildOptions options;
    options.content = content.string();
    options.theme = kSource + "/themes/default";
    options.date = *Date::parse("2026-11-26");
    options.jobs = 2;
    DiskFileSystem content_files(options.content), theme_files(options.theme);
    MemoryOutput out;
    Diagnostics diagnostics;
    BuildReport report = build_into(content_files, theme_files, options, out, diagnostics);
    REQUIRE(report.pages > 100);
    CHECK(report.pages_rendered == report.pages);  // memory keeps nothing from before
    auto it = out.files().find(kPageInputsName);
    REQUIRE(it != out.files().end());
    auto record = parse_page_inputs(it->second);
    REQUIRE(record);
    CHECK(record->size() == report.pages);
    return *record;
  }

  void append(const fs::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary | std::ios::app) << text;
  }
};

std::set<std::string> changed(const PageFingerprints& before, const PageFingerprints& after) {
  std::set<std::string> out;
  for (const auto& [path, digest] : after) {
    auto it = before.find(path);
    if (it == before.end() || it->second != digest) out.insert(path);
  }
  return out;
}

}  // namespace

TEST_CASE("the record of pages' inputs reads back what it wrote and nothing else",
          "[build][incremental]") {
  PageFingerprints pages;
  pages["index.html"] = digest_of("a");
  pages["code/l1/index.html"] = digest_of("b");
  const std::string text = format_page_inputs(pages);
  CHECK(text == "code/l1/index.html\t" + digest_of("b").hex() + "\nindex.html\t" +
                    digest_of("a").hex() + "\n");
  CHECK(parse_page_inputs(text) == pages);
  CHECK(parse_page_inputs("") == PageFingerprints{});
  // Cut short, a digest too short, no path, no tab: not a record (every page is rendered).
  CHECK_FALSE(parse_page_inputs(text.substr(0, text.size() - 1)));
  CHECK_FALSE(parse_page_inputs("index.html\tabc\n"));
  CHECK_FALSE(parse_page_inputs("\t" + digest_of("a").hex() + "\n"));
  CHECK_FALSE(parse_page_inputs("index.html " + digest_of("a").hex() + "\n"));
}

TEST_CASE(
    "a text edit changes the fingerprints of its article's pages and its linked articles', not "
    "those of tables, texts or the home page, and a new number changes the tables'",
    "[build][incremental]") {
  Demo demo;
  const PageFingerprints first = demo.build();
  CHECK(demo.build() == first);  // the same inputs, the same fingerprints

  demo.append(demo.chapter / "Article L752-4/002_2004-12-21_384a575080.md",
              "\nUn alinéa ajouté.\n");
  const PageFingerprints text_edit = demo.build();
  const std::set<std::string> edited = changed(first, text_edit);
  INFO(edited.size() << " of " << first.size() << " pages");
  CHECK(edited.count(kCode + "l752-4/index.html") == 1);
  CHECK(edited.count(kCode + "l752-4/2004-12-21/index.html") == 1);
  CHECK(edited.size() * 5 < first.size());
  for (const auto& [path, digest] : first) {
    INFO(path);
    // Home, the code's table and its dated tables, amending texts and their index, search, 404.
    static const std::regex kArticlePage("(id/|" + kCode + "[a-z]+[0-9]).*");
    if (!std::regex_match(path, kArticlePage)) CHECK(text_edit.at(path) == digest);
  }
  CHECK(text_edit.at("index.html") == first.at("index.html"));
  CHECK(text_edit.at(kCode + "index.html") == first.at(kCode + "index.html"));

  fs::rename(demo.chapter / "Article L752-4", demo.chapter / "Article L752-4-1");
  fs::path moved = demo.chapter / "Article L752-4-1";
  for (const auto& entry : fs::directory_iterator(moved)) {
    std::string text = legisite::testing::read_file(entry.path());
    auto at = text.find("L752-4");
    if (at != std::string::npos) text.replace(at, 6, "L752-4-1");
    legisite::testing::write_file(entry.path(), text);
  }
  const PageFingerprints renumbered = demo.build();
  CHECK(renumbered.at(kCode + "index.html") != text_edit.at(kCode + "index.html"));
  CHECK(renumbered.at("index.html") != text_edit.at("index.html"));
}
