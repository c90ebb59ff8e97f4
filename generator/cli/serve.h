#pragma once
/// `legisite serve`: a build, then the site on HTTP with live reload, rebuilt whenever a file of
/// the content or the theme changes, until SIGINT or SIGTERM.

#include "cli/options.h"

namespace legisite {

/// Runs until stopped by SIGINT or SIGTERM; returns the exit status (0, or 1 when the server
/// cannot start). Prints each build's diagnostics and a line per rebuild.
int serve_site(const BuildOptions& options, const ServeOptions& serve);

}  // namespace legisite
