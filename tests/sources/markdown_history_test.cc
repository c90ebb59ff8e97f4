#include "sources/markdown_history.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <utility>

#include "io/file_system.h"
#include "model/model.h"
#include "sources/sources.h"
#include "support/environment.h"

namespace markdown_history_test {

using namespace legisite;

namespace {

constexpr const char* kCode = "Code De La Sécurité Sociale";
// Spaces, accents and an apostrophe, as css-history names its folders.
const std::string kPart = std::string(kCode) + "/Partie Réglementaire - Décrets En Conseil D'Etat";
const std::string kChapter = kPart + "/Livre 1/Titre 3/Chapitre 3 Bis";

/// One line of commits.jsonl: `changes` are (status, path below history/) pairs.
std::string commit(const std::string& sha, const std::string& date, const std::string& message,
                   const std::vector<std::pair<char, std::string>>& changes) {
  std::string line =
      R"({"sha": ")" + sha + R"(", "author_date": ")" + date + R"(", "commit_date": ")" + date +
      R"(", "author": "République Française", "message": ")" + message + R"(", "changes": [)";
  for (std::size_t i = 0; i < changes.size(); ++i) {
    if (i) line += ", ";
    line += R"({"status": ")" + std::string(1, changes[i].first) + R"(", "path": ")" +
            changes[i].second + R"("})";
  }
  return line + "]}\n";
}

/// A version file as css-history writes it.
std::string article(const std::string& number, const std::string& text) {
  return "Article " + number + "\n----\n" + text + "\n";
}

/// A content tree loaded into a fresh corpus through the sources stage's front door.
struct Loaded {
  Corpus corpus;
  LoadSummary summary;
  std::string reported;  // every diagnostic, formatted

  const Article* find(std::string_view code_title, std::string_view number) const {
    CodeId code = corpus.find_code(code_title);
    if (!code.valid()) return nullptr;
    ArticleId id = corpus.find_article(code, ArticleNumber(number));
    return id.valid() ? &corpus.article(id) : nullptr;
  }

  std::vector<std::string> section_titles(const Article& a) const {
    std::vector<std::string> titles;
    for (SectionId s : corpus.section_path(a.section)) titles.push_back(corpus.section(s).title);
    return titles;
  }
};

Loaded load(const FileSystem& files) {
  Loaded l;
  Diagnostics diagnostics;
  l.summary = load_sources(files, l.corpus, diagnostics);
  l.reported = format_all(diagnostics);
  return l;
}

}  // namespace

TEST_CASE("a history's versions start on their commit's date and name the amending text",
          "[history]") {
  MemoryFileSystem files;
  const std::string r1 = kChapter + "/Article R1";
  files.add_file(
      "commits.jsonl",
      commit("1111111111aa", "2005-08-12", "Modification du 2005-08-12", {{'A', r1 + ".md"}}) +
          commit("3333333333cc", "2013-07-10", "Décret N°2013-597 Du 8 Juillet 2013 - Art. 1",
                 {{'M', r1 + ".md"}}));
  // The dates in the file names are the amending texts'; the commits' are the start dates.
  files.add_file("history/" + r1 + "/001_2005-08-12_1111111111.md", article("R1", "Ancien."));
  files.add_file("history/" + r1 + "/002_2013-07-08_3333333333.md", article("R1", "Nouveau."));
  Loaded l = load(files);
  CHECK(l.reported == "");
  REQUIRE(l.corpus.codes().size() == 1);
  CHECK(l.corpus.codes()[0].title == "Code de la sécurité sociale");
  const Article* a = l.find("code de la securite sociale", "R1");
  REQUIRE(a);
  CHECK(l.section_titles(*a) ==
        std::vector<std::string>{"Partie Réglementaire - Décrets En Conseil D'Etat", "Livre 1",
                                 "Titre 3", "Chapitre 3 Bis"});
  REQUIRE(a->versions.size() == 2);
  const Version& old = a->versions[0];
  const Version& current = a->versions[1];
  CHECK(old.start == Date::from_ymd(2005, 8, 12));
  CHECK(old.end == Date::from_ymd(2013, 7, 10));  // when the next one starts
  CHECK(old.status == ArticleStatus::kUnknown);   // amended? transferred? the log does not say
  CHECK(old.amended_by == "Modification du 2005-08-12");
  CHECK(old.text_html == "<p>Ancien.</p>\n");
  CHECK(current.start == Date::from_ymd(2013, 7, 10));
  CHECK_FALSE(current.end.known());
  CHECK(current.status == ArticleStatus::kUnknown);
  CHECK(current.amended_by == "Décret N°2013-597 Du 8 Juillet 2013 - Art. 1");
  CHECK(current.format == SourceFormat::kMarkdownHistory);
  CHECK(current.origin.file == "history/" + r1 + "/002_2013-07-08_3333333333.md");
  CHECK(current.origin.line == 1);
  CHECK(l.summary.files_read == 3);
  CHECK(l.summary.versions_read == 2);
}

TEST_CASE("a commit date clamped to 1970 is replaced by the date in its message", "[history]") {
  MemoryFileSystem files;
  const std::string t = kPart +
                        "/Tableaux Des Maladies Professionnelles Prévus À L'Article R. "
                        "461-3/Article TABLEAU 17";
  files.add_file("commits.jsonl",
                 commit("6ee10ba3b8bb", "1970-01-01",
                        "Décret 61-28 1961-01-11 Art. 1 Jorf 12 Janvier 1961", {{'A', t + ".md"}}));
  files.add_file("history/" + t + "/001_1970-01-01_6ee10ba3b8.md", article("TABLEAU 17", "T."));
  Loaded l = load(files);
  CHECK(l.reported == "");
  const Article* a = l.find("Code de la sécurité sociale", "TABLEAU 17");
  REQUIRE(a);
  REQUIRE(a->versions.size() == 1);
  CHECK(a->versions[0].start == Date::from_ymd(1961, 1, 11));
}

TEST_CASE("deleting an article's last file abrogates the version then in force", "[history]") {
  const std::string r2 = kChapter + "/Article R2";
  const std::string r3 = kChapter + "/Article R3";
  MemoryFileSystem named;
  named.add_file(
      "commits.jsonl",
      commit("aaaaaaa001", "2001-01-01", "Décret 1", {{'A', r2 + ".md"}, {'A', r3 + ".md"}}) +
          commit("aaaaaaa002", "2002-02-02", "Décret 2", {{'M', r2 + ".md"}}) +
          commit("aaaaaaa003", "2003-03-03", "Décret 3", {{'D', r2 + ".md"}, {'D', r3 + ".md"}}) +
          commit("aaaaaaa004", "2005-05-05", "Loi 4", {{'A', r3 + ".md"}}));
  named.add_file("history/" + r2 + "/001_2001-01-01_aaaaaaa001.md", article("R2", "Un."));
  named.add_file("history/" + r2 + "/002_2002-02-02_aaaaaaa002.md", article("R2", "Deux."));
  named.add_file("history/" + r3 + "/001_2001-01-01_aaaaaaa001.md", article("R3", "Un."));
  named.add_file("history/" + r3 + "/002_2005-05-05_aaaaaaa004.md", article("R3", "Deux."));
  Loaded l = load(named);
  CHECK(l.reported == "");
  const Article* a2 = l.find(kCode, "R2");
  REQUIRE(a2);
  REQUIRE(a2->versions.size() == 2);
  CHECK(a2->versions[0].end == Date::from_ymd(2002, 2, 2));
  CHECK(a2->versions[0].status == ArticleStatus::kUnknown);
  CHECK(a2->versions[1].start == Date::from_ymd(2002, 2, 2));
  CHECK(a2->versions[1].end == Date::from_ymd(2003, 3, 3));
  CHECK(a2->versions[1].status == ArticleStatus::kAbroge);

  const Article* a3 = l.find(kCode, "R3");
  REQUIRE(a3);
  REQUIRE(a3->versions.size() == 2);
  CHECK(a3->versions[0].end == Date::from_ymd(2003, 3, 3));  // not 2005: it was gone meanwhile
  CHECK(a3->versions[0].status == ArticleStatus::kAbroge);
  CHECK(a3->versions[1].start == Date::from_ymd(2005, 5, 5));
  CHECK_FALSE(a3->versions[1].end.known());
  CHECK(a3->versions[1].status == ArticleStatus::kUnknown);
}

TEST_CASE("a deletion in commits.jsonl that matches no article is a warning naming the nearest",
          "[history]") {
  // An exporter that writes the log with other paths than the files' (here "R2.md" for the
  // folder "Article R2") would otherwise leave every abrogated article in force, silently.
  const std::string r2 = kChapter + "/Article R2";
  MemoryFileSystem files;
  files.add_file("commits.jsonl",
                 commit("aaaaaaa001", "2001-01-01", "Décret 1", {{'A', r2 + ".md"}}) +
                     commit("aaaaaaa002", "2002-02-02", "Décret 2",
                            {{'D', kChapter + "/R2.md"}, {'D', "notes.md"}}));
  files.add_file("history/" + r2 + "/001_2001-01-01_aaaaaaa001.md", article("R2", "Un."));
  Loaded l = load(files);
  // Paths as the log gives them, below history/ and without ".md".
  CHECK(l.reported ==
        "commits.jsonl:2: warning: deletion of '" + kChapter +
            "/R2' matches no article of the history; ignored (the article it meant stays in "
            "force)\n  note: nearest article folder: " +
            r2 +
            "\ncommits.jsonl:2: warning: deletion of 'notes' matches no article of the "
            "history; ignored (the article it meant stays in force)\n  note: nearest article "
            "folder: " +
            r2 + "\n");
  const Article* a2 = l.find(kCode, "R2");
  REQUIRE(a2);
  REQUIRE(a2->versions.size() == 1);
  CHECK_FALSE(a2->versions[0].end.known());  // not abrogated: the deletion named no article
}

TEST_CASE("versions replaced on the day they took effect are all kept", "[history]") {
  MemoryFileSystem files;
  const std::string r1 = kChapter + "/Article R1";
  files.add_file("commits.jsonl",
                 commit("b000000001", "2010-12-20", "Décret A", {{'A', r1 + ".md"}}) +
                     commit("b000000002", "2010-12-20", "Décret B", {{'M', r1 + ".md"}}) +
                     commit("b000000003", "2010-12-20", "Décret C", {{'M', r1 + ".md"}}));
  files.add_file("history/" + r1 + "/001_2010-12-20_b000000001.md", article("R1", "Matin."));
  files.add_file("history/" + r1 + "/002_2010-12-20_b000000002.md", article("R1", "Midi."));
  files.add_file("history/" + r1 + "/003_2010-12-20_b000000003.md", article("R1", "Soir."));
  Loaded l = load(files);
  CHECK(l.reported == "");
  const Article* a = l.find(kCode, "R1");
  REQUIRE(a);
  REQUIRE(a->versions.size() == 3);
  CHECK(a->versions[0].text_html == "<p>Matin.</p>\n");
  CHECK(a->versions[0].end == Date::from_ymd(2010, 12, 20));
  CHECK(a->versions[1].amended_by == "Décret B");
  CHECK(a->versions[2].text_html == "<p>Soir.</p>\n");
  CHECK(l.summary.versions_read == 3);
}

TEST_CASE("one article under several folders is one article, where its newest version is",
          "[history]") {
  MemoryFileSystem files;
  const std::string old_folder = std::string(kCode) +
                                 "/Partie Législative/Livre II/Dispositions Communes À Tout Ou "
                                 "Partie Des Régimes De Base/Article L1";
  const std::string new_folder =
      std::string(kCode) + "/Partie Législative/Livre 2/Titre 1/Chapitre 3/Article L1";
  files.add_file(
      "commits.jsonl",
      commit("c000000001", "1985-12-21", "Décret 85-1353", {{'A', old_folder + ".md"}}) +
          // The producer moves the article: a new file, the old one deleted. Not an
          // abrogation.
          commit("c000000002", "1994-07-27", "Loi 94-628",
                 {{'A', new_folder + ".md"}, {'D', old_folder + ".md"}}) +
          commit("c000000003", "2000-12-24", "Loi 2000-1257", {{'M', new_folder + ".md"}}));
  // Bytewise the new folder ("Livre 2") sorts before the old one ("Livre II").
  files.add_file("history/" + old_folder + "/001_1985-12-17_c000000001.md", article("L1", "A."));
  files.add_file("history/" + new_folder + "/001_1994-07-25_c000000002.md", article("L1", "B."));
  files.add_file("history/" + new_folder + "/002_2000-12-23_c000000003.md", article("L1", "C."));
  Loaded l = load(files);
  CHECK(l.reported == "");
  REQUIRE(l.corpus.articles().size() == 1);
  const Article* a = l.find(kCode, "L1");
  REQUIRE(a);
  CHECK(l.section_titles(*a) ==
        std::vector<std::string>{"Partie Législative", "Livre 2", "Titre 1", "Chapitre 3"});
  // The former folders make no (empty) sections: the code's root and the four above.
  CHECK(l.corpus.sections().size() == 5);
  REQUIRE(a->versions.size() == 3);
  CHECK(a->versions[0].start == Date::from_ymd(1985, 12, 21));
  CHECK(a->versions[0].end == Date::from_ymd(1994, 7, 27));
  CHECK(a->versions[0].status == ArticleStatus::kUnknown);
  CHECK(a->versions[1].end == Date::from_ymd(2000, 12, 24));
  CHECK_FALSE(a->versions[2].end.known());
  CHECK(a->versions[2].status == ArticleStatus::kUnknown);
}

TEST_CASE("one commit writing one article in two folders gives one version per distinct text",
          "[history]") {
  MemoryFileSystem files;
  const std::string a_old = std::string(kCode) + "/Livre 2/Dispositions Communes/Article R1";
  const std::string a_new = std::string(kCode) + "/Livre 2/Titre 6/Article R1";
  const std::string b_old = std::string(kCode) + "/Livre 2/Organismes/Article L2";
  const std::string b_new = std::string(kCode) + "/Livre 2/Titre 1/Chapitre 7/Article L2";
  files.add_file("commits.jsonl",
                 commit("d000000001", "1985-12-21", "Décret 85-1354",
                        {{'A', a_old + ".md"}, {'A', a_new + ".md"}, {'A', b_old + ".md"}}) +
                     commit("d000000002", "1996-04-25", "Ordonnance 96-344",
                            {{'A', b_new + ".md"}, {'M', b_old + ".md"}}) +
                     commit("d000000003", "2004-08-17", "Loi 2004-810", {{'M', b_new + ".md"}}));
  // R1: the same text twice, one version.
  files.add_file("history/" + a_old + "/001_1985-12-17_d000000001.md", article("R1", "Même."));
  files.add_file("history/" + a_new + "/001_1985-12-17_d000000001.md", article("R1", "Même."));
  // L2: on 1996-04-25 a version that never took effect, then its replacement; the article goes
  // on in the folder written again later (Chapitre 7), so that one is the replacement.
  files.add_file("history/" + b_old + "/001_1985-12-21_d000000001.md", article("L2", "Un."));
  files.add_file("history/" + b_old + "/002_1996-04-18_d000000002.md", article("L2", "Mort-né."));
  files.add_file("history/" + b_new + "/001_1996-04-18_d000000002.md", article("L2", "Deux."));
  files.add_file("history/" + b_new + "/002_2004-08-17_d000000003.md", article("L2", "Trois."));
  Loaded l = load(files);
  CHECK(l.reported == "");

  const Article* r1 = l.find(kCode, "R1");
  REQUIRE(r1);
  REQUIRE(r1->versions.size() == 1);
  REQUIRE(r1->versions[0].also_from.size() == 1);
  // The file kept is the one in the folder that sorts first (nothing else tells them apart).
  CHECK(r1->versions[0].origin.file == "history/" + a_old + "/001_1985-12-17_d000000001.md");
  CHECK(r1->versions[0].also_from[0].file == "history/" + a_new + "/001_1985-12-17_d000000001.md");

  const Article* l2 = l.find(kCode, "L2");
  REQUIRE(l2);
  REQUIRE(l2->versions.size() == 4);
  CHECK(l2->versions[1].text_html == "<p>Mort-né.</p>\n");
  CHECK(l2->versions[1].start == Date::from_ymd(1996, 4, 25));
  CHECK(l2->versions[1].end == Date::from_ymd(1996, 4, 25));
  CHECK(l2->versions[2].text_html == "<p>Deux.</p>\n");
  CHECK(l2->versions[2].end == Date::from_ymd(2004, 8, 17));
  CHECK(l.section_titles(*l2) == std::vector<std::string>{"Livre 2", "Titre 1", "Chapitre 7"});
  CHECK(l.summary.versions_read == 5);
}

TEST_CASE("without commits.jsonl a history's dates come from its file names", "[history]") {
  MemoryFileSystem files;
  const std::string r1 = "history/Code Du Domaine De L'Etat/Livre 1/Article R1";
  files.add_file(r1 + "/001_2005-08-12_7bf0eb739c.md", article("R1", "Un."));
  files.add_file(r1 + "/002_2013-07-08_aa2f1922ba.md", article("R1", "Deux."));
  Loaded l = load(files);
  CHECK(l.reported == "");
  REQUIRE(l.corpus.codes().size() == 1);
  CHECK(l.corpus.codes()[0].title == "Code du domaine de l'Etat");
  const Article* a = l.find("Code du domaine de l'Etat", "R1");
  REQUIRE(a);
  CHECK(l.section_titles(*a) == std::vector<std::string>{"Livre 1"});
  REQUIRE(a->versions.size() == 2);
  CHECK(a->versions[0].start == Date::from_ymd(2005, 8, 12));
  CHECK(a->versions[1].start == Date::from_ymd(2013, 7, 8));
  // Nothing is inferred without a log: the names' dates are the amending texts'.
  CHECK_FALSE(a->versions[0].end.known());
  CHECK(a->versions[0].amended_by == "");
}

TEST_CASE("a version no commit wrote is warned about and dated by its file name", "[history]") {
  MemoryFileSystem files;
  const std::string r1 = kChapter + "/Article R1";
  files.add_file("commits.jsonl",
                 commit("e000000001", "2005-08-12", "Décret", {{'A', r1 + ".md"}}));
  files.add_file("history/" + r1 + "/001_2005-08-10_e000000001.md", article("R1", "Un."));
  files.add_file("history/" + r1 + "/002_2013-07-08_seed.md", "# Article R1\n\nDeux.\n");
  Loaded l = load(files);
  CHECK(l.reported == "history/" + r1 +
                          "/002_2013-07-08_seed.md: warning: no commit of commits.jsonl wrote "
                          "this version; its start date is the one in its file name\n");
  const Article* a = l.find(kCode, "R1");
  REQUIRE(a);
  REQUIRE(a->versions.size() == 2);
  CHECK(a->versions[0].end == Date::from_ymd(2013, 7, 8));
  CHECK(a->versions[1].start == Date::from_ymd(2013, 7, 8));
}

TEST_CASE("a history sits beside other content and shares its codes", "[history]") {
  MemoryFileSystem files;
  // Hand-written content for the same code, under another folder name.
  files.add_file("code-de-la-securite-sociale/_index.md",
                 "---\ntitle: Code de la sécurité sociale\nid: LEGITEXT000006073189\n---\n");
  files.add_file("code-de-la-securite-sociale/Livre 1/L9.md",
                 "---\nDate de début: 2001-01-01\n---\n# Article L9\n\nTexte.\n");
  // A history, one folder down, for that code and another.
  const std::string l9 = std::string(kCode) + "/Livre 1/Article L9";
  const std::string l1 = "Code Du Travail/Article L1";
  files.add_file("css-history/commits.jsonl",
                 commit("f000000001", "2001-01-01", "Loi", {{'A', l9 + ".md"}, {'A', l1 + ".md"}}));
  files.add_file("css-history/history/" + l9 + "/001_2000-12-30_f000000001.md",
                 article("L9", "Texte."));
  files.add_file("css-history/history/" + l1 + "/001_2000-12-30_f000000001.md",
                 article("L1", "Travail."));
  files.add_file("css-history/README.md", "# Not an article\n");
  Loaded l = load(files);
  CHECK(l.reported == "");
  REQUIRE(l.corpus.codes().size() == 2);
  CHECK(l.corpus.codes()[0].title == "Code de la sécurité sociale");
  CHECK(l.corpus.codes()[0].legi_id == "LEGITEXT000006073189");
  CHECK(l.corpus.codes()[1].title == "Code du travail");
  const Article* a = l.find(kCode, "L9");
  REQUIRE(a);
  // Same version from two formats: merged, the history's amending text added.
  REQUIRE(a->versions.size() == 1);
  CHECK(a->versions[0].amended_by == "Loi");
  REQUIRE(a->versions[0].also_from.size() == 1);
  CHECK(a->versions[0].also_from[0].file ==
        "css-history/history/" + l9 + "/001_2000-12-30_f000000001.md");
  CHECK(l.find("Code du travail", "L1"));
}

TEST_CASE("dated histories are found by their commit log or their history/ folder", "[history]") {
  std::vector<std::string> other;
  auto histories = find_markdown_histories(
      {"a/commits.jsonl", "a/history/C/Article L1/001_2001-01-01_abcdef1.md", "a/notes.txt",
       "b/history/C/Livre 1/Article L1/001_2001-01-01_abcdef1.md", "b/history/C/Livre 1/x.png",
       "c/Livre 1/L1.md", "d/history/C/L1.md", ".git/commits.jsonl"},
      other);
  REQUIRE(histories.size() == 2);
  CHECK(histories[0].root == "a");
  CHECK(histories[0].commit_log == "a/commits.jsonl");
  CHECK(histories[0].files ==
        std::vector<std::string>{"a/history/C/Article L1/001_2001-01-01_abcdef1.md"});
  CHECK(histories[1].root == "b");
  CHECK(histories[1].commit_log == "");
  CHECK(histories[1].files.size() == 2);
  // A `history` folder without dated version files is ordinary content.
  CHECK(other == std::vector<std::string>{"a/notes.txt", "c/Livre 1/L1.md", "d/history/C/L1.md",
                                          ".git/commits.jsonl"});

  other.clear();
  histories = find_markdown_histories(
      {"commits.jsonl", "history/C/Article L1/001_2001-01-01_abcdef1.md"}, other);
  REQUIRE(histories.size() == 1);
  CHECK(histories[0].root == "");
  CHECK(other.empty());
}

TEST_CASE("code folder names become French code titles", "[history]") {
  CHECK(french_code_title("Code De La Sécurité Sociale") == "Code de la sécurité sociale");
  CHECK(french_code_title("Code De L'Action Sociale Et Des Familles") ==
        "Code de l'action sociale et des familles");
  CHECK(french_code_title("Code Général Des Impôts") == "Code général des impôts");
  CHECK(french_code_title("Code Du Domaine De L’État") == "Code du domaine de l’État");
  CHECK(french_code_title("Code Des Douanes De Mayotte") == "Code des douanes de Mayotte");
  CHECK(french_code_title("Code De L'Entrée Et Du Séjour Des Étrangers Et Du Droit D'Asile") ==
        "Code de l'entrée et du séjour des étrangers et du droit d'asile");
  CHECK(french_code_title("Code civil") == "Code civil");
  CHECK(french_code_title("Code  Rural") == "Code  rural");
}

TEST_CASE("the real history: R133-19 has its 2005 version and the 2013 one of the decree",
          "[history]") {
  const std::string root = LEGISITE_SHARED_DIR "/corpus/css-history";
  if (!std::filesystem::exists(root + "/commits.jsonl")) {
    legisite::testing::skip_because_missing(root);
    return;
  }
  // Only R133-19's folder (and the log): a part of a history loads like the whole.
  DiskFileSystem disk(root);
  MarkdownHistory history;
  history.commit_log = "commits.jsonl";
  history.files = disk.list_files("history/" + kChapter + "/Article R133-19");
  REQUIRE(history.files.size() == 2);
  Corpus corpus;
  Diagnostics diagnostics;
  LoadSummary summary;
  load_markdown_history(disk, history, corpus, diagnostics, summary);
  corpus.finish_tables_of_contents();
  CHECK(format_all(diagnostics) == "");
  CodeId code = corpus.find_code("Code de la sécurité sociale");
  REQUIRE(code.valid());
  CHECK(corpus.code(code).title == "Code de la sécurité sociale");
  ArticleId id = corpus.find_article(code, ArticleNumber("R133-19"));
  REQUIRE(id.valid());
  const Article& a = corpus.article(id);
  REQUIRE(a.versions.size() == 2);
  CHECK(a.versions[0].start == Date::from_ymd(2005, 8, 12));
  CHECK(a.versions[0].end == Date::from_ymd(2013, 7, 10));
  CHECK(a.versions[1].start == Date::from_ymd(2013, 7, 10));
  CHECK(a.versions[1].amended_by == "Décret N°2013-597 Du 8 Juillet 2013 - Art. 1");
  CHECK(a.versions[1].text_html.find("interlocuteur social unique") != std::string::npos);
  CHECK(summary.files_read == 3);
}

// The whole Code de la sécurité sociale history, 22,272 files: in the slow tier.
TEST_CASE("the whole css-history builds: every article once, every version", "[whole][slow]") {
  const std::string root = LEGISITE_SHARED_DIR "/corpus/css-history";
  if (!std::filesystem::exists(root + "/commits.jsonl")) {
    legisite::testing::skip_because_missing(root);
    return;
  }
  DiskFileSystem disk(root);
  Loaded l = load(disk);
  CHECK(l.reported == "");
  REQUIRE(l.corpus.codes().size() == 1);
  // 12,382 `Article <NUM>` folders hold 10,191 numbers: the producer moved articles between
  // folders; "R755-13." and "R755-13" are one number.
  CHECK(l.corpus.articles().size() == 10190);
  std::size_t versions = 0;
  for (const Article& a : l.corpus.articles()) versions += a.versions.size();
  // 22,272 files: R163-1's 1985 version is one file in two folders.
  CHECK(versions == 22271);
  CHECK(l.summary.versions_read == 22271);
  CHECK(l.summary.files_read == 22272 + 1);
  // Every section holds an article: the producer's former folders make none.
  std::vector<bool> used(l.corpus.sections().size());
  for (const Article& a : l.corpus.articles())
    for (SectionId s = a.section; s.valid(); s = l.corpus.section(s).parent) used[s.value] = true;
  CHECK(std::count(used.begin(), used.end(), false) == 0);
  CHECK(l.corpus.sections().size() == 1 + 912);

  const Article* l213 = l.find(kCode, "L213-1");
  REQUIRE(l213);
  CHECK(l213->versions.size() == 10);
  CHECK(l.section_titles(*l213) ==
        std::vector<std::string>{"Partie Législative", "Livre 2", "Titre 1", "Chapitre 3"});
  const Article* l752 = l.find(kCode, "L752-4");
  REQUIRE(l752);
  CHECK(l752->versions.size() == 5);
  CHECK(l.section_titles(*l752) ==
        std::vector<std::string>{"Partie Législative", "Livre 7", "Titre 5", "Chapitre 2"});
}

}  // namespace markdown_history_test
