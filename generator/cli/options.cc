#include "cli/options.h"

#include <algorithm>
#include <string_view>

namespace legisite {

std::string usage_text() {
  return "Usage: legisite build [options]\n"
         "       legisite serve [options] [--port N] [--bind ADDRESS]\n"
         "       legisite check [--content DIR] [--date DAY] [--strict] [-j N]\n"
         "       legisite --help | --version\n"
         "\n"
         "build   builds a static site from legal-code sources; ends with a short link report\n"
         "serve   builds, serves the site on http://127.0.0.1:8000/, rebuilds it when the\n"
         "        content or the theme changes and reloads the open pages (Ctrl-C stops)\n"
         "check   reads and resolves the sources without writing anything, and lists every\n"
         "        unresolved, ambiguous and suspicious citation with its file and line\n"
         "\n"
         "Options:\n"
         "  --content DIR   sources to read: a folder or one file (default: content)\n"
         "  --theme DIR     theme with templates/ and static/ (default: themes/default)\n"
         "  --out DIR       where the site goes (default: site); replaced only when the new\n"
         "                  site is complete, and only if DIR is new, empty or a site\n"
         "                  legisite published (it holds a .legisite file)\n"
         "  --base-url URL  prefix of canonical URLs (default: /)\n"
         "  --strict        treat warnings and link-report findings as errors\n"
         "  --keep-going    publish the site even when there are errors (exit status 1 still)\n"
         "  --timings       print the wall time of each phase\n"
         "  --clean         write every file of the site anew (by default, a file whose bytes\n"
         "                  are unchanged is linked from the published site, keeping its date)\n"
         "  --no-history    publish the law in force on --date only: article pages and tables\n"
         "                  of contents, no version, diff, law-at-date, /id/ or amending-text\n"
         "                  pages\n"
         "  --no-json       publish no JSON data files (index.json beside pages, codes.json,\n"
         "                  articles.json)\n"
         "  --feed-days N   the change feeds list what changed in the N days up to --date\n"
         "                  (default: 90; feeds need an absolute --base-url)\n"
         "  --toc-dates L   also publish the code's table of contents on these days\n"
         "                  (YYYY-MM-DD,YYYY-MM-DD,...), or 'all': on every day it changed\n"
         "  --toc-split N   a code's table of contents listing more than N articles gets one\n"
         "                  page per Livre (default: 1000; 0: always one page)\n"
         "  --date DAY      show articles as they stood on DAY, YYYY-MM-DD (default: today)\n"
         "  --commits REV   for a git repository as --content: the branch, tag or A..B range\n"
         "                  of commits to read (default: the history of HEAD)\n"
         "  --no-git        read a git repository's working tree as plain files, not its commits\n"
         "  --code-title T  read the content root as one code titled T (a repository of one\n"
         "                  code whose root README.md does not name it)\n"
         "  -j, --jobs N    threads to read, resolve and render on (default: the machine's\n"
         "                  hardware threads); the output is the same for every N\n"
         "  --port N        serve: the port to listen on (default: 8000; 0: any free port)\n"
         "  --bind ADDRESS  serve: the address to listen on (default: 127.0.0.1, this machine\n"
         "                  only; 0.0.0.0 opens the preview to the network)\n"
         "  -h, --help      show this help\n"
         "  --version       show the version\n";
}

namespace {

constexpr const char* kJobsError = "-j/--jobs needs a number of threads from 1 to 1024";

// A count as written on the command line: digits only, 1 to `most`.
bool parse_count(const std::string& text, std::size_t most, std::size_t& count) {
  if (text.empty() || text.size() > 6) return false;
  std::size_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  if (n < 1 || n > most) return false;
  count = n;
  return true;
}

// A TCP port: digits only, 0 (any free port) to 65535.
bool parse_port(const std::string& text, int& port) {
  if (text.empty() || text.size() > 5) return false;
  int n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  if (n > 65535) return false;
  port = n;
  return true;
}

// What canonical URLs may start with: a path from the site's root or an http(s) URL naming a
// host. Anything else (`javascript:`, a relative path, a space or a quote) would make every
// canonical link, feed and sitemap entry wrong or unsafe.
bool valid_base_url(std::string_view url) {
  for (unsigned char c : url)
    if (c <= ' ' || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\')
      return false;
  if (url.starts_with("/")) return !url.starts_with("//");  // "//host/" is another site
  for (std::string_view scheme : {"https://", "http://"})
    if (url.starts_with(scheme)) return url.size() > scheme.size() && url[scheme.size()] != '/';
  return false;
}

// A thread count as written after -j: 1 to 1024 (more is a typo, not a machine).
bool parse_jobs(const std::string& text, std::size_t& jobs) {
  return text.size() <= 4 && parse_count(text, 1024, jobs);
}

}  // namespace

std::string version_text() { return std::string("legisite ") + LEGISITE_VERSION; }

bool parse_command_line(const std::vector<std::string>& args, CommandLine& out,
                        std::string& error) {
  out = CommandLine{};
  if (args.empty()) {
    error = "no command given";
    return false;
  }
  std::size_t i = 0;
  if (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    out.command = CommandLine::Command::kHelp;
    return true;
  }
  if (args[0] == "--version" || args[0] == "version") {
    out.command = CommandLine::Command::kVersion;
    return true;
  }
  if (args[0] != "build" && args[0] != "check" && args[0] != "serve") {
    error = "unknown command '" + args[0] + "' (expected 'build', 'serve' or 'check')";
    return false;
  }
  out.command = args[0] == "build"   ? CommandLine::Command::kBuild
                : args[0] == "serve" ? CommandLine::Command::kServe
                                     : CommandLine::Command::kCheck;
  const bool check = out.command == CommandLine::Command::kCheck;
  const bool serve = out.command == CommandLine::Command::kServe;
  for (i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& into) {
      auto eq = a.find('=');
      if (eq != std::string::npos) {
        into = a.substr(eq + 1);
        return !into.empty();
      }
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return !into.empty();  // `--base-url ""` must not reach base_url.back()
    };
    auto is = [&](const char* name) {
      return a == name || a.rfind(std::string(name) + "=", 0) == 0;
    };
    if (a == "-h" || a == "--help") {
      out.command = CommandLine::Command::kHelp;
      return true;
    } else if (is("--content")) {
      if (!value(out.build.content)) return error = "--content needs a folder or file", false;
    } else if (check &&
               (is("--theme") || is("--out") || is("--base-url") || a == "--keep-going" ||
                a == "--timings" || a == "--clean" || a == "--no-history" || a == "--no-json" ||
                is("--feed-days") || is("--toc-dates") || is("--toc-split"))) {
      error =
          "option '" + a.substr(0, a.find('=')) + "' does not apply to check (it writes nothing)";
      return false;
    } else if (!serve && (is("--port") || is("--bind"))) {
      error = "option '" + a.substr(0, a.find('=')) + "' applies to serve only";
      return false;
    } else if (is("--port")) {
      std::string text;
      if (!value(text) || !parse_port(text, out.serve.port))
        return error = "--port needs a port number from 0 to 65535", false;
    } else if (is("--bind")) {
      if (!value(out.serve.bind)) return error = "--bind needs an address", false;
    } else if (is("--theme")) {
      if (!value(out.build.theme)) return error = "--theme needs a folder", false;
    } else if (is("--out")) {
      if (!value(out.build.out)) return error = "--out needs a folder", false;
    } else if (is("--base-url")) {
      if (!value(out.build.base_url)) return error = "--base-url needs a URL", false;
      if (!valid_base_url(out.build.base_url))
        return error =
                   "--base-url needs a path from the site's root (/codes/) or an http:// or "
                   "https:// URL",
               false;
      if (out.build.base_url.back() != '/') out.build.base_url += '/';
    } else if (is("--commits")) {
      if (!value(out.build.sources.commits))
        return error = "--commits needs a branch, tag, commit or A..B range", false;
    } else if (is("--code-title")) {
      if (!value(out.build.sources.code_title) || out.build.sources.code_title.empty())
        return error = "--code-title needs the code's title", false;
    } else if (a == "--no-git") {
      out.build.sources.read_git = false;
    } else if (a == "--strict") {
      out.build.strict = true;
    } else if (a == "--keep-going") {
      out.build.keep_going = true;
    } else if (is("--date")) {
      std::string text;
      auto parsed = value(text) ? Date::parse(text) : std::nullopt;
      if (!parsed) return error = "--date needs a day as YYYY-MM-DD", false;
      out.build.date = *parsed;
    } else if (a.rfind("-j", 0) == 0 && a.rfind("--", 0) != 0) {
      // ninja's and make's shapes: "-j 4" and "-j4".
      std::string text = a.substr(2);
      if (text.empty() && i + 1 < args.size()) text = args[++i];
      if (!parse_jobs(text, out.build.jobs)) return error = kJobsError, false;
    } else if (is("--jobs")) {
      std::string text;
      if (!value(text) || !parse_jobs(text, out.build.jobs)) return error = kJobsError, false;
    } else if (a == "--timings") {
      out.build.timings = true;
    } else if (a == "--clean") {
      out.build.clean = true;
    } else if (a == "--no-history") {
      out.build.history = false;
    } else if (a == "--no-json") {
      out.build.data_files = false;
    } else if (is("--feed-days")) {
      std::size_t days = 0;
      std::string text;
      if (!value(text) || !parse_count(text, 36525, days))
        return error = "--feed-days needs a number of days from 1 to 36525", false;
      out.build.feed_days = static_cast<int>(days);
    } else if (is("--toc-split")) {
      std::string text;
      if (!value(text) || !(text == "0" || parse_count(text, 999999, out.build.toc_split)))
        return error = "--toc-split needs a number of articles from 0 to 999999", false;
      if (text == "0") out.build.toc_split = 0;
    } else if (is("--toc-dates")) {
      std::string list;
      if (!value(list)) return error = "--toc-dates needs 'all' or days as YYYY-MM-DD,...", false;
      if (list == "all") {
        out.build.all_toc_dates = true;
        continue;
      }
      for (std::size_t from = 0; from <= list.size();) {
        std::size_t comma = std::min(list.find(',', from), list.size());
        auto day = Date::parse(list.substr(from, comma - from));
        if (!day)
          return error = "--toc-dates: '" + list.substr(from, comma - from) +
                         "' is not a day as YYYY-MM-DD",
                 false;
        out.build.toc_dates.push_back(*day);
        from = comma + 1;
      }
    } else {
      error = "unknown option '" + a + "'";
      return false;
    }
  }
  return true;
}

}  // namespace legisite
