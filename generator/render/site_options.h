#pragma once
/// What the build tells render about the site as a whole: its address, name and reference date.

#include <cstddef>
#include <string>
#include <vector>

#include "model/date.h"

namespace legisite {

/// What a site says about itself, the same on every page.
struct SiteOptions {
  /// Prefix of canonical URLs ("https://example.org/"); "/" keeps them root-relative.
  std::string base_url = "/";
  std::string generator = "legisite";
  /// Shown in every page's header (linking home) and at the end of its <title>.
  std::string site_name = "legisite";
  /// Threads that render pages (`-j`; the output does not depend on it); 1 renders on the
  /// calling thread, 0 means 1.
  std::size_t jobs = 1;
  /// The day article pages show the law of (`--date`): the version in force then, with a banner
  /// when none is. Set by the build (today unless `--date`); tests set their own.
  Date reference_date;
  /// Version, diff, law-at-date, /id/ and amending-text pages, and the links to them
  /// (`--no-history` turns them off: the law in force on reference_date only, its versions still
  /// listed with their dates).
  bool history = true;
  /// The JSON data files beside pages and about the site (render/open_data.h; `--no-json` turns
  /// them off: they add half again to a site's size).
  bool data_files = true;
  /// How many days up to reference_date the change feeds cover (`--feed-days`, render/feeds.h).
  int feed_days = 90;
  /// Days that get a dated table of contents besides those chosen from the days the code changed
  /// (`--toc-dates 2020-01-01,…`), and whether every such day gets one instead of the most recent
  /// (`--toc-dates all`).
  std::vector<Date> toc_dates;
  bool all_toc_dates = false;
  /// A code's table of contents listing more articles than this is split: the code's page keeps
  /// the top level and links one page per second-level section (a Livre), which holds the rest
  /// (`--toc-split`; 0: never). The theme needs a `code_part` template for it.
  std::size_t toc_split = 1000;
};

}  // namespace legisite
