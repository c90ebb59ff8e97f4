// CheckedFiles: what every reader reads through. Names and bytes are checked once, in one place;
// what a listing left out (links leading outside the content, loops) is an error. The in-memory
// cases check the rules; the disk cases check what only a disk has (links, pipes, sockets,
// mappings, stamps). The build as a whole is tested in tests/cli/input_safety_test.cc.

#include "sources/checked_files.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "support/environment.h"

namespace legisite::checked_files_test {
namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;
using Paths = std::vector<std::string>;
using legisite::testing::TempDir;
using legisite::testing::write_file;

const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD, what each bad byte reads as
const std::string kBom = "\xEF\xBB\xBF";
const std::string kLatin1Note = "save the file as UTF-8 (from Latin-1: iconv -f latin1 -t utf-8)";
const std::string kLeftOutNote = "what lies there is left out of the site";
const std::string kOutside = "symbolic link to a place outside the content folder; not read";
const std::string kReadOutside = "a symbolic link leads outside the content folder; not read";

// The opening of /work/shared/seeds/R133-19.md (its first five lines, UTF-8 as in the seed).
const std::string kSeedOpening =
    "# Article R133-19\n"
    "\n"
    "Pour l'exercice de la mission de l'interlocuteur social unique défini à l'article L. 133-6 "
    "et dans le respect des compétences\n"
    "définies, pour chacun de ces organismes, aux articles L. 133-6-1 à L. 133-6-5, notamment des "
    "compétences de leurs directeurs\n"
    "respectifs, sont conclues : \n";

/// What CheckedFiles found so far, sorted: listings report in the order folders are walked.
std::vector<Diagnostic> reported(CheckedFiles& files) {
  Diagnostics diagnostics;
  files.report(diagnostics);
  diagnostics.sort();
  return diagnostics.all();
}

/// `utf8` as an editor set to Latin-1 saves it (only U+0080 to U+00FF are written here).
std::string to_latin1(const std::string& utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c == 0xC2 || c == 0xC3) {
      out += static_cast<char>(((c & 0x03) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3F));
    } else {
      out += utf8[i];
    }
  }
  return out;
}

/// `text` with every occurrence of `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at))
    text.replace(at, from.size(), to), at += to.size();
  return text;
}

/// An in-memory tree whose listing leaves out what it is told to and whose files have stamps,
/// as a disk's does: what CheckedFiles must pass on, checked without a disk.
class TreeWithSkips final : public FileSystem {
 public:
  MemoryFileSystem files;
  std::vector<SkippedEntry> skips;

  bool read_file(const std::string& path, std::string& contents,
                 std::string& error) const override {
    return files.read_file(path, contents, error);
  }
  std::vector<std::string> list_files(const std::string& dir) const override {
    return files.list_files(dir);
  }
  std::vector<std::string> list_checked(const std::string& dir,
                                        std::vector<SkippedEntry>& skipped) const override {
    skipped.insert(skipped.end(), skips.begin(), skips.end());
    return files.list_files(dir);
  }
  bool is_directory(const std::string& path) const override { return files.is_directory(path); }
  bool is_file(const std::string& path) const override { return files.is_file(path); }
  bool stamp(const std::string& path, FileStamp& out) const override {
    if (!files.is_file(path)) return false;
    out = FileStamp{7, path.size(), 1, 2, 3};
    return true;
  }
};

// ---------------------------------------------------------------------------------------------
// Names

TEST_CASE("files with UTF-8 names are listed as the base lists them and nothing is reported",
          "[sources][checked_files]") {
  // Names from /work/shared/corpus/css-history/history/: accents in folders and files.
  const std::string article =
      "Code De La Sécurité Sociale/Partie Législative/Livre III/Titre I/Chapitre 1er/"
      "Article L311-3/001_1985-12-17_dbae17d8b5.md";
  MemoryFileSystem base;
  base.add_file(article, "Article L311-3\n----\n");
  base.add_file("code/L1 bis.md", "un");
  base.add_file("code/\xF0\x9F\x93\x9C.md", "un rouleau");  // a four-byte character
  base.add_file("notes/a\tb.md", "a tab is UTF-8: escaping it is the formatter's business");
  CheckedFiles files(base);
  CHECK(files.list_files("") ==
        Paths{article, "code/L1 bis.md", "code/\xF0\x9F\x93\x9C.md", "notes/a\tb.md"});
  CHECK(files.list_files("code") == Paths{"code/L1 bis.md", "code/\xF0\x9F\x93\x9C.md"});
  CHECK(files.list_files("missing").empty());
  CHECK(reported(files).empty());
}

TEST_CASE(
    "a file name that is not UTF-8 is left out of the listing with an error at its first "
    "bad byte",
    "[sources][checked_files]") {
  MemoryFileSystem base;
  base.add_file("code/L1.md", "un");
  base.add_file("code/Livre \xE9t\xE9/L2.md", "deux");  // a Latin-1 folder name
  base.add_file("code/\xE9.md", "trois");
  CheckedFiles files(base);
  CHECK(files.list_files("") == Paths{"code/L1.md"});
  const std::vector<Diagnostic> found = reported(files);
  REQUIRE(found.size() == 2);
  CHECK(found[0].severity == Severity::kError);
  CHECK(found[0].where == SourceLocation{"code/Livre \xE9t\xE9/L2.md", 0, 0});
  CHECK(found[0].message ==
        "file name not UTF-8: byte 0xE9 at byte 11 of the path; the file is not read");
  CHECK(found[0].notes == Paths{"rename it (or its folder) in UTF-8"});
  CHECK(found[0].source_line.empty());
  CHECK(found[1].where == SourceLocation{"code/\xE9.md", 0, 0});
  CHECK(found[1].message ==
        "file name not UTF-8: byte 0xE9 at byte 5 of the path; the file is not read");
  // The name reaches the terminal escaped, never as the raw byte.
  CHECK(format_diagnostic(found[1]) ==
        "code/\\xE9.md: error: file name not UTF-8: byte 0xE9 at byte 5 of the path; the file is "
        "not read\n  note: rename it (or its folder) in UTF-8\n");
  CHECK(reported(files).empty());  // report() moved them out

  // Each listing checks the names again: only reads are reported once per file.
  CHECK(files.list_files("code") == Paths{"code/L1.md"});
  CHECK(reported(files).size() == 2);
}

TEST_CASE(
    "names with an overlong slash or a surrogate or a code point past U+10FFFF or a cut "
    "character are not UTF-8",
    "[sources][checked_files]") {
  MemoryFileSystem base;
  base.add_file("a/\xC0\xAF..\xC0\xAFx.md", "");  // "/../x.md" with overlong slashes
  base.add_file("b/\xED\xA0\x80.md", "");         // U+D800, a surrogate
  base.add_file("c/\xF4\x90\x80\x80.md", "");     // U+110000
  base.add_file("d/caf\xC3", "");                 // é cut after its first byte
  base.add_file("e/caf\xC3\xA9", "");             // é whole
  CheckedFiles files(base);
  CHECK(files.list_files("") == Paths{"e/caf\xC3\xA9"});
  const std::vector<Diagnostic> found = reported(files);
  REQUIRE(found.size() == 4);
  CHECK(found[0].message ==
        "file name not UTF-8: byte 0xC0 at byte 2 of the path; the file is not read");
  CHECK(found[1].message ==
        "file name not UTF-8: byte 0xED at byte 2 of the path; the file is not read");
  CHECK(found[2].message ==
        "file name not UTF-8: byte 0xF4 at byte 2 of the path; the file is not read");
  CHECK(found[3].message ==
        "file name not UTF-8: byte 0xC3 at byte 5 of the path; the file is not read");
}

TEST_CASE("what the base listing left out is an error at its path with a note",
          "[sources][checked_files]") {
  TreeWithSkips base;
  base.files.add_file("code/L1.md", "un");
  base.skips = {{"code/L9.md", "symbolic link to a place outside the content folder; not read"},
                {"", "cannot read the folder /content: Permission denied"}};
  CheckedFiles files(base);
  CHECK(files.list_files("") == Paths{"code/L1.md"});
  const std::vector<Diagnostic> found = reported(files);
  REQUIRE(found.size() == 2);
  // The content folder itself has no relative name: the reason names it.
  CHECK(found[0].severity == Severity::kError);
  CHECK(found[0].where == SourceLocation{"", 0, 0});
  CHECK(found[0].message == "cannot read the folder /content: Permission denied");
  CHECK(found[0].notes == Paths{kLeftOutNote});
  CHECK(found[1].where == SourceLocation{"code/L9.md", 0, 0});
  CHECK(found[1].message == kOutside);
  CHECK(found[1].notes == Paths{kLeftOutNote});
}

TEST_CASE("whether a path is a file or a folder is the base's answer", "[sources][checked_files]") {
  MemoryFileSystem base;
  base.add_file("code/\xE9.md", "");
  CheckedFiles files(base);
  // Not filtered: the name is refused where it is listed, and nothing reads unlisted paths.
  CHECK(files.is_file("code/\xE9.md"));
  CHECK(files.is_directory("code"));
  CHECK_FALSE(files.is_file("code"));
  CHECK_FALSE(files.is_directory("code/\xE9.md"));
  CHECK(reported(files).empty());
}

// ---------------------------------------------------------------------------------------------
// Bytes

TEST_CASE("a UTF-8 file is read unchanged and reports nothing", "[sources][checked_files]") {
  MemoryFileSystem base;
  base.add_file("R133-19.md", kSeedOpening);
  base.add_file("bom.md", kBom + kSeedOpening);  // a byte order mark is UTF-8
  base.add_file("empty.md", "");
  CheckedFiles files(base);
  std::string text, error;
  REQUIRE(files.read_file("R133-19.md", text, error));
  CHECK(text == kSeedOpening);
  REQUIRE(files.read_file("bom.md", text, error));
  CHECK(text == kBom + kSeedOpening);
  REQUIRE(files.read_file("empty.md", text, error));
  CHECK(text.empty());
  FileBytes bytes;
  REQUIRE(files.read_bytes("R133-19.md", bytes, error));
  CHECK(bytes.view() == kSeedOpening);
  CHECK(bytes.data()[bytes.size()] == '\0');
  CHECK(error.empty());
  CHECK(reported(files).empty());
}

TEST_CASE(
    "a Latin-1 file is an error at the line and column of its first bad byte and reads "
    "with U+FFFD",
    "[sources][checked_files]") {
  // The seed's opening as an editor set to Latin-1 saves it: é and à are one byte each.
  const std::string latin1 = to_latin1(kSeedOpening);
  REQUIRE(latin1.size() == kSeedOpening.size() - 6);
  MemoryFileSystem base;
  base.add_file("code/R133-19.md", latin1);
  CheckedFiles files(base);
  std::string text, error;
  REQUIRE(files.read_file("code/R133-19.md", text, error));
  CHECK(text == replaced(replaced(kSeedOpening, "é", kReplacement), "à", kReplacement));
  const std::vector<Diagnostic> found = reported(files);
  REQUIRE(found.size() == 1);
  const Diagnostic& d = found[0];
  CHECK(d.severity == Severity::kError);
  // Line 3 starts at byte 19; "Pour l'exercice … unique d" is 64 bytes before the é.
  CHECK(d.where == SourceLocation{"code/R133-19.md", 3, 65});
  CHECK(d.message ==
        "not UTF-8: byte 0xE9 at byte offset 83 is not part of a UTF-8 character (6 bytes in the "
        "file, each read as U+FFFD)");
  CHECK(d.source_line ==
        to_latin1("Pour l'exercice de la mission de l'interlocuteur social unique défini à "
                  "l'article L. 133-6 et dans le respect des compétences"));
  CHECK(d.notes == Paths{kLatin1Note});
  CHECK(format_diagnostic(d).starts_with(
      "code/R133-19.md:3:65: error: not UTF-8: byte 0xE9 at byte offset 83 is not part of a "
      "UTF-8 character (6 bytes in the file, each read as U+FFFD)\n"
      "    Pour l'exercice de la mission de l'interlocuteur social unique d\\xE9fini \\xE0 "));
}

TEST_CASE("a NUL byte is an error of its own and the Latin-1 note comes only with other bad bytes",
          "[sources][checked_files]") {
  MemoryFileSystem base;
  base.add_file("nul.md", "# Article L3\n\nUn \0 nul.\n"s);
  base.add_file("both.md", "a\0b\xE9\n"s);
  CheckedFiles files(base);
  std::string text, error;
  REQUIRE(files.read_file("nul.md", text, error));
  CHECK(text == "# Article L3\n\nUn " + kReplacement + " nul.\n");
  REQUIRE(files.read_file("both.md", text, error));
  CHECK(text == "a" + kReplacement + "b" + kReplacement + "\n");
  const std::vector<Diagnostic> found = reported(files);
  REQUIRE(found.size() == 2);
  CHECK(found[0].where == SourceLocation{"both.md", 1, 2});
  CHECK(found[0].message ==
        "NUL byte at byte offset 1: a text file holds none (2 bytes in the file, each read as "
        "U+FFFD)");
  CHECK(found[0].notes == Paths{kLatin1Note});
  CHECK(found[1].where == SourceLocation{"nul.md", 3, 4});
  CHECK(found[1].message ==
        "NUL byte at byte offset 17: a text file holds none (1 byte in the file, each read as "
        "U+FFFD)");
  CHECK(found[1].source_line == "Un \0 nul."s);
  CHECK(found[1].notes.empty());
}

TEST_CASE("a character cut at the end of a file or a stray continuation byte is bad byte by byte",
          "[sources][checked_files]") {
  MemoryFileSystem base;
  base.add_file("cut.md", "abc\xE2\x82");  // € cut after two of its three bytes
  base.add_file("stray.md", "L. 133\x80-6");
  CheckedFiles files(base);
  std::string text, error;
  REQUIRE(files.read_file("cut.md", text, error));
  CHECK(text == "abc" + kReplacement + kReplacement);
  REQUIRE(files.read_file("stray.md", text, error));
  CHECK(text == "L. 133" + kReplacement + "-6");
  const std::vector<Diagnostic> found = reported(files);
  REQUIRE(found.size() == 2);
  CHECK(found[0].where == SourceLocation{"cut.md", 1, 4});
  CHECK(found[0].message ==
        "not UTF-8: byte 0xE2 at byte offset 3 is not part of a UTF-8 character (2 bytes in the "
        "file, each read as U+FFFD)");
  CHECK(found[1].where == SourceLocation{"stray.md", 1, 7});
  CHECK(found[1].message ==
        "not UTF-8: byte 0x80 at byte offset 6 is not part of a UTF-8 character (1 byte in the "
        "file, each read as U+FFFD)");
}

TEST_CASE("the column of a bad byte counts code points before it with a tab as one",
          "[sources][checked_files]") {
  MemoryFileSystem base;
  base.add_file("tab.md", "\t«é» \xE9\n");               // 8 bytes, 5 characters before it
  base.add_file("scroll.md", "\xF0\x9F\x93\x9C\xE9\n");  // 4 bytes, one character
  base.add_file("crlf.md", "a\r\nbé\r\nc\xE9\r\n");
  base.add_file("cr.md", "a\rb\xE9");  // a lone CR ends no line (LineIndex)
  CheckedFiles files(base);
  std::string text, error;
  for (const char* path : {"tab.md", "scroll.md", "crlf.md", "cr.md"})
    REQUIRE(files.read_file(path, text, error));
  const std::vector<Diagnostic> found = reported(files);
  REQUIRE(found.size() == 4);
  CHECK(found[0].where == SourceLocation{"cr.md", 1, 4});
  CHECK(found[0].source_line == "a\rb\xE9");
  // The echoed line of a CR LF file has no CR: it would be printed as \x0D at the line's end.
  CHECK(found[1].where == SourceLocation{"crlf.md", 3, 2});
  CHECK(found[1].message.starts_with("not UTF-8: byte 0xE9 at byte offset 9 "));
  CHECK(found[1].source_line == "c\xE9");
  CHECK(found[2].where == SourceLocation{"scroll.md", 1, 2});
  CHECK(found[3].where == SourceLocation{"tab.md", 1, 6});
  CHECK(found[3].message.starts_with("not UTF-8: byte 0xE9 at byte offset 8 "));
  CHECK(format_diagnostic(found[3]).find("    \t«é» \\xE9\n    \t    ^\n") != std::string::npos);
}

TEST_CASE("a bad byte after a byte order mark is placed as readers and editors count",
          "[sources][checked_files]") {
  // SourceText skips the mark, so a reader's diagnostic on the same line puts "é" of "café" at
  // column 4, as editors do; the echoed line leaves the invisible mark out, so the caret lands
  // under the byte. The byte offset stays the file's.
  MemoryFileSystem base;
  base.add_file("bom.md", kBom + "caf\xE9\n");
  CheckedFiles files(base);
  std::string text, error;
  REQUIRE(files.read_file("bom.md", text, error));
  CHECK(text == kBom + "caf" + kReplacement + "\n");
  const std::vector<Diagnostic> found = reported(files);
  REQUIRE(found.size() == 1);
  CHECK(found[0].where == SourceLocation{"bom.md", 1, 4});
  CHECK(found[0].message.starts_with("not UTF-8: byte 0xE9 at byte offset 6 "));
  CHECK(found[0].source_line == "caf\xE9");
}

TEST_CASE("a line of up to 300 bytes is echoed under the error and a longer one is not",
          "[sources][checked_files]") {
  MemoryFileSystem base;
  base.add_file("300.md", "titre\n" + std::string(299, 'x') + "\xE9\n");
  base.add_file("301.md", "titre\n" + std::string(300, 'x') + "\xE9\r\n");
  CheckedFiles files(base);
  std::string text, error;
  REQUIRE(files.read_file("300.md", text, error));
  REQUIRE(files.read_file("301.md", text, error));
  const std::vector<Diagnostic> found = reported(files);
  REQUIRE(found.size() == 2);
  CHECK(found[0].where == SourceLocation{"300.md", 2, 300});
  CHECK(found[0].source_line == std::string(299, 'x') + "\xE9");
  CHECK(found[1].where == SourceLocation{"301.md", 2, 301});
  CHECK(found[1].source_line.empty());
  CHECK(format_diagnostic(found[1]) ==
        "301.md:2:301: error: not UTF-8: byte 0xE9 at byte offset 306 is not part of a UTF-8 "
        "character (1 byte in the file, each read as U+FFFD)\n  note: " +
            kLatin1Note + "\n");
}

TEST_CASE("a file read many times through read_file and read_bytes is reported once",
          "[sources][checked_files]") {
  MemoryFileSystem base;
  base.add_file("bad.md", "d\xE9lai\n");
  CheckedFiles files(base);
  std::string text, error;
  FileBytes bytes;
  REQUIRE(files.read_file("bad.md", text, error));
  REQUIRE(files.read_bytes("bad.md", bytes, error));
  REQUIRE(files.read_file("bad.md", text, error));
  // Every read is repaired, not only the first.
  CHECK(text == "d" + kReplacement + "lai\n");
  CHECK(bytes.view() == "d" + kReplacement + "lai\n");
  CHECK(bytes.size() == 8);
  CHECK(bytes.data()[bytes.size()] == '\0');
  CHECK(reported(files).size() == 1);
  // Reported once for the life of the CheckedFiles, not once per report().
  REQUIRE(files.read_bytes("bad.md", bytes, error));
  CHECK(reported(files).empty());
}

TEST_CASE("reads from several threads report each bad file once", "[sources][checked_files]") {
  MemoryFileSystem base;
  base.add_file("a.md", "d\xE9lai\n");
  base.add_file("b.md", "\xE9t\xE9\n");
  base.add_file("c.md", "délai\n");
  CheckedFiles files(base);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&files] {
      std::string text, error;
      FileBytes bytes;
      for (int i = 0; i < 50; ++i) {
        files.read_file("a.md", text, error);
        files.read_bytes("b.md", bytes, error);
        files.read_file("c.md", text, error);
      }
    });
  for (std::thread& t : threads) t.join();
  const std::vector<Diagnostic> found = reported(files);
  REQUIRE(found.size() == 2);
  CHECK(found[0].where == SourceLocation{"a.md", 1, 2});
  CHECK(found[1].where == SourceLocation{"b.md", 1, 1});
  CHECK(found[1].message ==
        "not UTF-8: byte 0xE9 at byte offset 0 is not part of a UTF-8 character (2 bytes in the "
        "file, each read as U+FFFD)");
}

TEST_CASE("a read that fails passes its error on and reports nothing", "[sources][checked_files]") {
  MemoryFileSystem base;
  CheckedFiles files(base);
  std::string text = "unchanged", error;
  CHECK_FALSE(files.read_file("missing.md", text, error));
  CHECK(error == "no such file");
  CHECK(text == "unchanged");
  FileBytes bytes;
  error.clear();
  CHECK_FALSE(files.read_bytes("missing.md", bytes, error));
  CHECK(error == "no such file");
  CHECK(reported(files).empty());
}

TEST_CASE("a file found not to be UTF-8 loses its stamp and the others keep the base's",
          "[sources][checked_files]") {
  TreeWithSkips base;
  base.files.add_file("bad.md", "d\xE9lai\n");
  base.files.add_file("good.md", "délai\n");
  CheckedFiles files(base);
  FileStamp stamp;
  // Before it is read nothing is known against it: the base's stamp.
  REQUIRE(files.stamp("bad.md", stamp));
  CHECK(stamp == FileStamp{7, 6, 1, 2, 3});
  std::string text, error;
  REQUIRE(files.read_file("bad.md", text, error));
  REQUIRE(files.read_file("good.md", text, error));
  // A stamp would let a cache keep its reading and skip the read that reports the error.
  CHECK_FALSE(files.stamp("bad.md", stamp));
  stamp = FileStamp();
  REQUIRE(files.stamp("good.md", stamp));
  CHECK(stamp == FileStamp{7, 7, 1, 2, 3});
  CHECK_FALSE(files.stamp("missing.md", stamp));
  // Reporting does not give the stamp back: the next build must read the file again.
  CHECK(reported(files).size() == 1);
  CHECK_FALSE(files.stamp("bad.md", stamp));
}

// ---------------------------------------------------------------------------------------------
// On disk

/// A content folder holding code/L1.md, with a folder `outside` beside it holding what no build
/// may read.
struct DiskContent {
  TempDir dir;
  fs::path content, outside;
  explicit DiskContent(const std::string& name) : dir(name) {
    content = dir.path / "content";
    outside = dir.path / "outside";
    write_file(content / "code/L1.md", "# Article L1\n\nPremier article.\n");
    write_file(outside / "secret.md", "root:x:0:0:secret line\n");
    write_file(outside / "folder/L8.md", "root:x:0:0:secret folder\n");
  }
};

TEST_CASE(
    "links inside the content are listed and read and those leading outside or nowhere or "
    "round a loop are errors",
    "[sources][checked_files]") {
  DiskContent c("legisite-checked-files-links");
  write_file(c.content / "shared/L5.md", "# Article L5\n\nArticle partagé.\n");
  write_file(c.content / ".git/HEAD", "ref: refs/heads/main\n");
  fs::create_symlink(c.outside / "secret.md", c.content / "code/L9.md");
  fs::create_symlink("../../outside/secret.md", c.content / "code/L10.md");
  fs::create_symlink(c.outside / "folder", c.content / "code/Livre 8");
  fs::create_symlink("../shared/L5.md", c.content / "code/L5.md");
  fs::create_symlink(c.dir.path / "nowhere", c.content / "code/L7.md");
  fs::create_symlink("..", c.content / "code/boucle");
  fs::create_symlink("/dev/null", c.content / "code/null.md");
  // Links out of hidden folders are left out without a word: .git holds no content.
  fs::create_symlink(c.outside, c.content / ".git/escape");

  DiskFileSystem disk(c.content.string());
  CheckedFiles files(disk);
  CHECK(files.list_files("") == Paths{".git/HEAD", "code/L1.md", "code/L5.md", "shared/L5.md"});
  const std::vector<Diagnostic> found = reported(files);
  REQUIRE(found.size() == 6);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"code/L10.md", kOutside},
      {"code/L7.md", "symbolic link to nothing"},
      {"code/L9.md", kOutside},
      {"code/Livre 8", kOutside},
      {"code/boucle", "symbolic link to a folder that contains it (a loop); not followed"},
      {"code/null.md", kOutside}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO(expected[i].first);
    CHECK(found[i].severity == Severity::kError);
    CHECK(found[i].where == SourceLocation{expected[i].first, 0, 0});
    CHECK(found[i].message == expected[i].second);
    CHECK(found[i].notes == Paths{kLeftOutNote});
  }
  // No diagnostic quotes what lies outside.
  for (const Diagnostic& d : found) CHECK(format_diagnostic(d).find("root:x") == std::string::npos);

  std::string text, error;
  REQUIRE(files.read_file("code/L5.md", text, error));
  CHECK(text == "# Article L5\n\nArticle partagé.\n");
}

TEST_CASE("reading through a link or a dotted path that leads outside fails without reading it",
          "[sources][checked_files]") {
  DiskContent c("legisite-checked-files-reads");
  // Over a megabyte: read_bytes maps such a file, a path of its own to guard.
  write_file(c.outside / "big.json", "[\"" + std::string((1 << 20) + 10, 's') + "\"]");
  fs::create_symlink(c.outside / "secret.md", c.content / "code/L9.md");
  fs::create_symlink(c.outside / "folder", c.content / "code/Livre 8");
  fs::create_symlink(c.outside / "big.json", c.content / "code/big.json");
  fs::create_symlink("/dev/null", c.content / "code/null.md");  // a device, outside
  DiskFileSystem disk(c.content.string());
  CheckedFiles files(disk);

  for (const std::string path : {"code/L9.md", "code/Livre 8/L8.md", "../outside/secret.md",
                                 "code/../../outside/secret.md", "code/big.json", "code/null.md"}) {
    INFO(path);
    std::string text = "unchanged", error;
    CHECK_FALSE(files.read_file(path, text, error));
    CHECK(error == kReadOutside);
    CHECK(text == "unchanged");
    FileBytes bytes;
    error.clear();
    CHECK_FALSE(files.read_bytes(path, bytes, error));
    CHECK(error == kReadOutside);
    CHECK(bytes.size() == 0);
  }
  // An absolute path is taken below the content folder, where there is no such file.
  std::string text, error;
  CHECK_FALSE(files.read_file((c.outside / "secret.md").string(), text, error));
  CHECK(error == "cannot open file: No such file or directory");
  // A refused read is the reader's to report: CheckedFiles found nothing in the bytes.
  CHECK(reported(files).empty());
}

TEST_CASE("a folder named by a link or a dotted path outside the content is not listed",
          "[sources][checked_files]") {
  // The folder a listing starts from is checked as the links found below it are: names outside
  // the content are not given, and the refusal is reported.
  DiskContent c("legisite-checked-files-list-outside");
  fs::create_symlink(c.outside / "folder", c.content / "code/Livre 8");
  DiskFileSystem disk(c.content.string());
  CheckedFiles files(disk);
  CHECK(files.list_files("code/Livre 8").empty());
  CHECK(files.list_files("../outside").empty());
  const std::vector<Diagnostic> found = reported(files);
  REQUIRE(found.size() == 2);
  CHECK(found[0].where.file == "../outside");
  CHECK(found[1].where.file == "code/Livre 8");
  for (const Diagnostic& d : found) {
    CHECK(d.severity == Severity::kError);
    CHECK(d.message == "symbolic link to a place outside the content folder; not read");
  }
  std::string text, error;
  CHECK_FALSE(files.read_file("../outside/folder/L8.md", text, error));
  CHECK(error == kReadOutside);
}

TEST_CASE("a content given as one file reads that file and no other", "[sources][checked_files]") {
  // With --content one-file.md the named file is read wherever it lies, and any other path is
  // refused.
  DiskContent c("legisite-checked-files-single");
  write_file(c.content / "one.md", "# Article L1\n\nSeul.\n");
  DiskFileSystem disk(c.content.string(), "one.md");
  CheckedFiles files(disk);
  CHECK(files.list_files("") == Paths{"one.md"});
  std::string text, error;
  CHECK_FALSE(files.read_file("../outside/secret.md", text, error));
  CHECK(text == "");
  CHECK(error == "not the file named as the content; not read");
  REQUIRE(files.read_file("one.md", text, error));
  CHECK(text == "# Article L1\n\nSeul.\n");
  CHECK(reported(files).empty());
}

TEST_CASE("pipes and sockets in the content are left out of the listing and said",
          "[sources][checked_files]") {
  // Nothing is lost without a word: a pipe or socket named like an article is an error, as a
  // link leading outside is.
  DiskContent c("legisite-checked-files-special");
  const fs::path fifo = c.content / "code/L2.md";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  fs::create_symlink("L2.md", c.content / "code/L3.md");  // a link inside, to the pipe
  const fs::path socket_path = c.content / "code/L4.md";
  const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(sock >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  REQUIRE(socket_path.string().size() < sizeof address.sun_path);
  std::strcpy(address.sun_path, socket_path.c_str());
  const int bound = ::bind(sock, reinterpret_cast<const sockaddr*>(&address), sizeof address);
  ::close(sock);
  REQUIRE(bound == 0);

  DiskFileSystem disk(c.content.string());
  CheckedFiles files(disk);
  CHECK(files.list_files("") == Paths{"code/L1.md"});
  const std::vector<Diagnostic> found = reported(files);
  REQUIRE(found.size() == 3);
  CHECK(found[0].where.file == "code/L2.md");
  CHECK(found[1].where.file == "code/L3.md");  // the link inside, to the pipe
  CHECK(found[2].where.file == "code/L4.md");
  for (const Diagnostic& d : found)
    CHECK(d.message == "not a file or a folder (a pipe, socket or device); not read");
  // Read by name anyway, a pipe is refused rather than read (with no writer it would read as
  // empty, with one it could block), and a socket cannot be opened.
  std::string text = "unchanged", error;
  CHECK_FALSE(files.read_file("code/L2.md", text, error));
  CHECK(error == "not a file or a folder (a pipe, socket or device); not read");
  CHECK_FALSE(files.read_file("code/L4.md", text, error));
  CHECK(error == "cannot open file: No such device or address");
}

TEST_CASE("a file or folder name on disk that is not UTF-8 is left out with an error",
          "[sources][checked_files]") {
  DiskContent c("legisite-checked-files-names");
  write_file(c.content / "code/Livre \xE9t\xE9/L2.md", "# Article L2\n\nDans un livre.\n");
  DiskFileSystem disk(c.content.string());
  CheckedFiles files(disk);
  CHECK(files.list_files("") == Paths{"code/L1.md"});
  const std::vector<Diagnostic> found = reported(files);
  REQUIRE(found.size() == 1);
  CHECK(found[0].where == SourceLocation{"code/Livre \xE9t\xE9/L2.md", 0, 0});
  CHECK(found[0].message ==
        "file name not UTF-8: byte 0xE9 at byte 11 of the path; the file is not read");
}

TEST_CASE("a large file stays mapped when it is UTF-8 and is copied repaired when it is not",
          "[sources][checked_files]") {
  DiskContent c("legisite-checked-files-large");
  const std::size_t size = (1 << 20) + 10;
  std::string good(size, 'a');
  std::string bad = good;
  bad[1000] = '\xE9';
  write_file(c.content / "good.json", good);
  write_file(c.content / "bad.json", bad);
  DiskFileSystem disk(c.content.string());
  CheckedFiles files(disk);
  FileBytes bytes;
  std::string error;
  REQUIRE(files.read_bytes("good.json", bytes, error));
  CHECK(bytes.mapped());
  CHECK(bytes.size() == size);
  REQUIRE(files.read_bytes("bad.json", bytes, error));
  CHECK_FALSE(bytes.mapped());
  REQUIRE(bytes.size() == size + 2);
  CHECK(bytes.view().substr(999, 5) == "a" + kReplacement + "a");
  CHECK(bytes.data()[bytes.size()] == '\0');
  const std::vector<Diagnostic> found = reported(files);
  REQUIRE(found.size() == 1);
  CHECK(found[0].where == SourceLocation{"bad.json", 1, 1001});
  CHECK(found[0].message ==
        "not UTF-8: byte 0xE9 at byte offset 1000 is not part of a UTF-8 character (1 byte in the "
        "file, each read as U+FFFD)");
  CHECK(found[0].source_line.empty());  // a line of a megabyte is not echoed
}

TEST_CASE("on disk a file found not to be UTF-8 loses its stamp and a link never has one",
          "[sources][checked_files]") {
  DiskContent c("legisite-checked-files-stamps");
  write_file(c.content / "code/L2.md", "d\xE9lai\n");
  fs::create_symlink("L1.md", c.content / "code/L3.md");
  DiskFileSystem disk(c.content.string());
  CheckedFiles files(disk);
  FileStamp before, after, base;
  REQUIRE(files.stamp("code/L2.md", before));
  REQUIRE(files.stamp("code/L1.md", base));
  CHECK_FALSE(files.stamp("code/L3.md", after));
  std::string text, error;
  REQUIRE(files.read_file("code/L1.md", text, error));
  REQUIRE(files.read_file("code/L2.md", text, error));
  CHECK_FALSE(files.stamp("code/L2.md", after));
  REQUIRE(files.stamp("code/L1.md", after));
  CHECK(after == base);
  CHECK(before.size == 6);
  CHECK(reported(files).size() == 1);
}

TEST_CASE("a file of the shared corpus is read unchanged", "[sources][checked_files]") {
  // /work/shared/corpus/css-history: real names and text, which must pass every check.
  DiskFileSystem disk(LEGISITE_SHARED_DIR "/corpus/css-history");
  CheckedFiles files(disk);
  const std::string path =
      "history/Code De La Sécurité Sociale/Partie Législative/Livre III/Titre I/Chapitre 1er/"
      "Article L311-3/001_1985-12-17_dbae17d8b5.md";
  std::string text, error;
  REQUIRE(files.read_file(path, text, error));
  std::string raw;
  REQUIRE(disk.read_file(path, raw, error));
  CHECK(text == raw);
  CHECK(text.starts_with("Article L311-3\n----\nSont notamment compris parmi les personnes"));
  CHECK(text.find("[*d'application aux assurances sociales*] prévue à l'article L. 311-2") !=
        std::string::npos);
  CHECK(reported(files).empty());
}

}  // namespace
}  // namespace legisite::checked_files_test
