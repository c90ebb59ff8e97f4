#include <iostream>
#include <string>
#include <vector>

#ifdef LEGISITE_MIMALLOC
#include <mimalloc.h>
#endif

#include "cli/build.h"
#include "cli/link_report.h"
#include "cli/options.h"
#include "cli/serve.h"

int main(int argc, char** argv) {
  using namespace legisite;
#ifdef LEGISITE_MIMALLOC
  // Memory in 2 MiB pages where the system offers them (transparent huge pages): a build fills
  // hundreds of megabytes once, and faulting them in one 4 kB page at a time is a large share of
  // its time, on virtual machines most of all.
  mi_option_enable(mi_option_large_os_pages);
#endif
  std::vector<std::string> args(argv + 1, argv + argc);
  CommandLine command;
  std::string error;
  if (!parse_command_line(args, command, error)) {
    std::cerr << "legisite: " << error << "\n\n" << usage_text();
    return 2;
  }
  switch (command.command) {
    case CommandLine::Command::kHelp:
      std::cout << usage_text();
      return 0;
    case CommandLine::Command::kVersion:
      std::cout << version_text() << '\n';
      return 0;
    case CommandLine::Command::kCheck: {
      Diagnostics diagnostics;
      BuildReport report = check_sources(command.build, diagnostics);
      std::cerr << format_all(diagnostics);
      std::cout << format_link_report(report.links, 0) << format_check_summary(report, diagnostics);
      return exit_status(diagnostics);
    }
    case CommandLine::Command::kServe:
      return serve_site(command.build, command.serve);
    case CommandLine::Command::kBuild:
      break;
  }
  Diagnostics diagnostics;
  BuildReport report = build_site(command.build, diagnostics);
  // Every problem (a message repeated at many places once, with the first places: `check` lists
  // them all), then the link report and the counts: one place reports.
  std::cerr << format_grouped(diagnostics);
  std::cout << format_link_report(report.links, kReportedPerKind)
            << format_summary(report, diagnostics, command.build);
  if (command.build.timings) std::cout << format_timings(report);
  return exit_status(diagnostics);
}
