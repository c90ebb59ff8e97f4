// The command line: every option in both spellings, the defaults, and the usage mistakes.

#include "cli/options.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <string>
#include <vector>

namespace legisite::options_test {
namespace {

using Args = std::vector<std::string>;

CommandLine parse_ok(const Args& args) {
  CommandLine command;
  std::string error;
  INFO(error);
  REQUIRE(parse_command_line(args, command, error));
  return command;
}

std::string parse_error(const Args& args) {
  CommandLine command;
  std::string error;
  CHECK_FALSE(parse_command_line(args, command, error));
  return error;
}

TEST_CASE("build without options uses the documented defaults", "[cli][options]") {
  CommandLine c = parse_ok({"build"});
  CHECK(c.command == CommandLine::Command::kBuild);
  CHECK(c.build.content == "content");
  CHECK(c.build.theme == "themes/default");
  CHECK(c.build.out == "site");
  CHECK(c.build.base_url == "/");
  CHECK_FALSE(c.build.strict);
  CHECK_FALSE(c.build.keep_going);
}

TEST_CASE("every option with a value takes it after a space or after =", "[cli][options]") {
  for (bool with_equals : {false, true}) {
    INFO((with_equals ? "--x=v" : "--x v"));
    auto opt = [&](const std::string& name, const std::string& value) {
      return with_equals ? Args{name + "=" + value} : Args{name, value};
    };
    Args args = {"build"};
    for (const Args& part : {opt("--content", "../shared/corpus/legifrance-json/css.json"),
                             opt("--theme", "themes/plain"), opt("--out", "/tmp/my site"),
                             opt("--base-url", "https://example.org/codes/")})
      args.insert(args.end(), part.begin(), part.end());
    CommandLine c = parse_ok(args);
    CHECK(c.command == CommandLine::Command::kBuild);
    CHECK(c.build.content == "../shared/corpus/legifrance-json/css.json");
    CHECK(c.build.theme == "themes/plain");
    CHECK(c.build.out == "/tmp/my site");
    CHECK(c.build.base_url == "https://example.org/codes/");
    CHECK_FALSE(c.build.strict);
    CHECK_FALSE(c.build.keep_going);
  }
}

TEST_CASE("the strict and keep-going options are flags", "[cli][options]") {
  CommandLine c = parse_ok({"build", "--strict"});
  CHECK(c.build.strict);
  CHECK_FALSE(c.build.keep_going);
  c = parse_ok({"build", "--keep-going"});
  CHECK(c.build.keep_going);
  CHECK_FALSE(c.build.strict);
  c = parse_ok({"build", "--keep-going", "--content", "x", "--strict"});
  CHECK(c.build.strict);
  CHECK(c.build.keep_going);
  CHECK(c.build.content == "x");
}

TEST_CASE("the base URL always ends with a slash", "[cli][options]") {
  CHECK(parse_ok({"build", "--base-url", "https://example.org"}).build.base_url ==
        "https://example.org/");
  CHECK(parse_ok({"build", "--base-url=/legisite"}).build.base_url == "/legisite/");
  CHECK(parse_ok({"build", "--base-url=/"}).build.base_url == "/");
}

TEST_CASE("a value may itself contain an equals sign", "[cli][options]") {
  CHECK(parse_ok({"build", "--out=a=b"}).build.out == "a=b");
  CHECK(parse_ok({"build", "--out", "a=b"}).build.out == "a=b");
}

TEST_CASE("a later option overrides an earlier one", "[cli][options]") {
  CHECK(parse_ok({"build", "--out", "a", "--out=b"}).build.out == "b");
}

TEST_CASE("parsing starts from the defaults every time", "[cli][options]") {
  CommandLine c;
  std::string error;
  REQUIRE(parse_command_line({"build", "--strict", "--out", "x"}, c, error));
  REQUIRE(parse_command_line({"build"}, c, error));
  CHECK_FALSE(c.build.strict);
  CHECK(c.build.out == "site");
}

TEST_CASE("an option without its value is a usage mistake", "[cli][options]") {
  CHECK(parse_error({"build", "--content"}) == "--content needs a folder or file");
  CHECK(parse_error({"build", "--content="}) == "--content needs a folder or file");
  CHECK(parse_error({"build", "--theme"}) == "--theme needs a folder");
  CHECK(parse_error({"build", "--theme="}) == "--theme needs a folder");
  CHECK(parse_error({"build", "--out"}) == "--out needs a folder");
  CHECK(parse_error({"build", "--out="}) == "--out needs a folder");
  CHECK(parse_error({"build", "--base-url"}) == "--base-url needs a URL");
  CHECK(parse_error({"build", "--base-url="}) == "--base-url needs a URL");
}

TEST_CASE("a base URL is a path from the site's root or an http(s) URL", "[cli][options]") {
  const std::string wanted =
      "--base-url needs a path from the site's root (/codes/) or an http:// or https:// URL";
  for (const char* url :
       {"javascript:alert(1)//", "codes/", "./", "//cdn.example.org/", "https://", "https:///codes",
        "ftp://example.org/", "https://example.org/a b/", "/codes\"/", "/<script>/"}) {
    INFO(url);
    CHECK(parse_error({"build", "--base-url", url}) == wanted);
  }
  CHECK(parse_ok({"build", "--base-url", "http://localhost:8000"}).build.base_url ==
        "http://localhost:8000/");
  CHECK(parse_ok({"build", "--base-url", "/droit/sécurité-sociale"}).build.base_url ==
        "/droit/sécurité-sociale/");
}

TEST_CASE("an empty value after a space is a usage mistake too", "[cli][options]") {
  CHECK(parse_error({"build", "--content", ""}) == "--content needs a folder or file");
  CHECK(parse_error({"build", "--theme", ""}) == "--theme needs a folder");
  CHECK(parse_error({"build", "--out", ""}) == "--out needs a folder");
  CHECK(parse_error({"build", "--base-url", ""}) == "--base-url needs a URL");
}

TEST_CASE("an unknown option is named in the error", "[cli][options]") {
  CHECK(parse_error({"build", "--frobnicate"}) == "unknown option '--frobnicate'");
  CHECK(parse_error({"build", "--contents", "x"}) == "unknown option '--contents'");
  CHECK(parse_error({"build", "--strict=yes"}) == "unknown option '--strict=yes'");
  CHECK(parse_error({"build", "-s"}) == "unknown option '-s'");
  CHECK(parse_error({"build", "content"}) == "unknown option 'content'");
  CHECK(parse_error({"build", "--version"}) == "unknown option '--version'");
}

TEST_CASE("a missing or unknown command is a usage mistake", "[cli][options]") {
  CHECK(parse_error({}) == "no command given");
  CHECK(parse_error({"publish"}) ==
        "unknown command 'publish' (expected 'build', 'serve' or 'check')");
  CHECK(parse_error({"--content", "x", "build"}) ==
        "unknown command '--content' (expected 'build', 'serve' or 'check')");
  CHECK(parse_error({""}) == "unknown command '' (expected 'build', 'serve' or 'check')");
}

TEST_CASE("build and serve take --clean to write every file anew, and check refuses it",
          "[cli][options]") {
  CHECK_FALSE(parse_ok({"build"}).build.clean);
  CHECK(parse_ok({"build", "--clean"}).build.clean);
  CHECK(parse_ok({"serve", "--clean"}).build.clean);
  CHECK(parse_error({"check", "--clean"}) ==
        "option '--clean' does not apply to check (it writes nothing)");
}

TEST_CASE("serve takes the build's options, a port and an address, loopback port 8000 by default",
          "[cli][options]") {
  CommandLine c = parse_ok({"serve"});
  CHECK(c.command == CommandLine::Command::kServe);
  CHECK(c.serve.bind == "127.0.0.1");
  CHECK(c.serve.port == 8000);
  c = parse_ok({"serve", "--port", "0", "--bind=::1", "--content", "x", "--date", "2026-11-26"});
  CHECK(c.serve.port == 0);
  CHECK(c.serve.bind == "::1");
  CHECK(c.build.content == "x");
  CHECK(parse_ok({"serve", "--port=65535"}).serve.port == 65535);
  for (const char* bad : {"65536", "-1", "80a", "", "123456"}) {
    INFO(bad);
    CHECK(parse_error({"serve", "--port", bad}) == "--port needs a port number from 0 to 65535");
  }
  CHECK(parse_error({"build", "--port", "8000"}) == "option '--port' applies to serve only");
  CHECK(parse_error({"check", "--bind=0.0.0.0"}) == "option '--bind' applies to serve only");
}

TEST_CASE("help, -h and --help ask for the usage, even after build", "[cli][options]") {
  for (const Args& args : {Args{"--help"}, Args{"-h"}, Args{"help"}, Args{"build", "--help"},
                           Args{"build", "--out", "x", "-h"}, Args{"--help", "--frobnicate"}}) {
    INFO(args.size() << " arguments, first " << args[0]);
    CHECK(parse_ok(args).command == CommandLine::Command::kHelp);
  }
}

TEST_CASE("version and --version ask for the version", "[cli][options]") {
  CHECK(parse_ok({"--version"}).command == CommandLine::Command::kVersion);
  CHECK(parse_ok({"version"}).command == CommandLine::Command::kVersion);
}

TEST_CASE("the version text names the program and a dotted version number", "[cli][options]") {
  const std::string text = version_text();
  REQUIRE(text.rfind("legisite ", 0) == 0);
  const std::string number = text.substr(9);
  REQUIRE_FALSE(number.empty());
  CHECK(std::isdigit(static_cast<unsigned char>(number.front())));
  CHECK(number.find_first_not_of("0123456789.") == std::string::npos);
  CHECK(number.find('.') != std::string::npos);
}

TEST_CASE("the usage text documents every option and its default", "[cli][options]") {
  const std::string usage = usage_text();
  CHECK(usage.rfind("Usage: legisite build [options]\n", 0) == 0);
  for (const char* text :
       {"--content DIR", "(default: content)", "--theme DIR", "(default: themes/default)",
        "--out DIR", "(default: site)", "--base-url URL", "(default: /)", "--strict",
        "--keep-going", "-j, --jobs N", "-h, --help", "--version"}) {
    INFO(text);
    CHECK(usage.find(text) != std::string::npos);
  }
}

TEST_CASE("dated tables of contents on chosen days, or on every day the code changed",
          "[cli][options]") {
  CommandLine c = parse_ok({"build", "--toc-dates", "2020-01-01,2013-07-08"});
  CHECK(c.build.toc_dates ==
        std::vector<Date>{Date::from_ymd(2020, 1, 1), Date::from_ymd(2013, 7, 8)});
  CHECK_FALSE(c.build.all_toc_dates);
  CHECK(parse_ok({"build", "--toc-dates=all"}).build.all_toc_dates);
  CHECK(parse_ok({"build"}).build.toc_dates.empty());
  CHECK(parse_error({"build", "--toc-dates", "2020-01-01,demain"}) ==
        "--toc-dates: 'demain' is not a day as YYYY-MM-DD");
  CHECK(parse_error({"build", "--toc-dates", "2020-01-01,"}) ==
        "--toc-dates: '' is not a day as YYYY-MM-DD");
  CHECK(parse_error({"build", "--toc-dates"}) ==
        "--toc-dates needs 'all' or days as YYYY-MM-DD,...");
}

TEST_CASE("history pages are on by default and --no-history turns them off", "[cli][options]") {
  CHECK(parse_ok({"build"}).build.history);
  CHECK_FALSE(parse_ok({"build", "--no-history"}).build.history);
}

TEST_CASE("data files are on by default and --no-json turns them off", "[cli][options]") {
  CHECK(parse_ok({"build"}).build.data_files);
  CHECK_FALSE(parse_ok({"build", "--no-json"}).build.data_files);
  CHECK(parse_error({"check", "--no-json"}) ==
        "option '--no-json' does not apply to check (it writes nothing)");
}

TEST_CASE("feeds cover 90 days by default, --feed-days N days", "[cli][options]") {
  CHECK(parse_ok({"build"}).build.feed_days == 90);
  CHECK(parse_ok({"build", "--feed-days", "30"}).build.feed_days == 30);
  CHECK(parse_ok({"build", "--feed-days=365"}).build.feed_days == 365);
  for (const char* bad : {"0", "-3", "x", "99999999"})
    CHECK(parse_error({"build", "--feed-days", bad}) ==
          "--feed-days needs a number of days from 1 to 36525");
}

TEST_CASE("check takes the options that matter without writing anything", "[cli][options]") {
  CommandLine c = parse_ok({"check", "--content", "x.json", "--strict", "--date=2020-01-01"});
  CHECK(c.command == CommandLine::Command::kCheck);
  CHECK(c.build.content == "x.json");
  CHECK(c.build.strict);
  CHECK(c.build.date == Date::from_ymd(2020, 1, 1));
  CHECK(parse_ok({"check"}).build.content == "content");
  CHECK(parse_error({"check", "--out", "site"}) ==
        "option '--out' does not apply to check (it writes nothing)");
  CHECK(parse_error({"check", "--theme=t"}) ==
        "option '--theme' does not apply to check (it writes nothing)");
  CHECK(usage_text().find("legisite check") != std::string::npos);
  CHECK(parse_error({"check", "--no-history"}) ==
        "option '--no-history' does not apply to check (it writes nothing)");
}

TEST_CASE("the thread count is -j N, -jN, --jobs N or --jobs=N, for build and check",
          "[cli][options]") {
  CHECK(parse_ok({"build"}).build.jobs == default_jobs());
  CHECK(parse_ok({"build", "-j", "4"}).build.jobs == 4);
  CHECK(parse_ok({"build", "-j3"}).build.jobs == 3);
  CHECK(parse_ok({"build", "--jobs", "1"}).build.jobs == 1);
  CHECK(parse_ok({"check", "--jobs=8"}).build.jobs == 8);
  const std::string expected = "-j/--jobs needs a number of threads from 1 to 1024";
  CHECK(parse_error({"build", "-j", "0"}) == expected);
  CHECK(parse_error({"build", "-j"}) == expected);
  CHECK(parse_error({"build", "-j", "two"}) == expected);
  CHECK(parse_error({"build", "--jobs=1025"}) == expected);
  CHECK(parse_error({"check", "-j-1"}) == expected);
}

}  // namespace
}  // namespace legisite::options_test
