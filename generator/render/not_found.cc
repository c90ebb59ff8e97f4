#include "render/not_found.h"

#include "render/pages.h"
#include "render/view_model.h"

namespace legisite {

std::string not_found_page_path() { return "404.html"; }

std::string not_found_link_base(const SiteOptions& options) {
  std::string base = options.base_url.empty() ? "/" : options.base_url;
  if (base.back() != '/') base += '/';
  return base;
}

View not_found_view(const Corpus& corpus, const SiteOptions& options) {
  const std::string base = not_found_link_base(options);
  View v;
  add_layout(v, options, not_found_page_path(), "not-found",
             site_title(options, "Page introuvable"), "Aucune page ne se trouve à cette adresse.");
  // A host serves this page at whatever address was asked for, so relative links would lead
  // below that address; a missing page has no canonical address either.
  v.set("canonical_url", "");
  v.set("home_href", base + home_page_path());
  v.set("static_href", base + "static/");
  View& codes = v.set("codes", View::list());
  for (const Code& c : corpus.codes()) {
    if (c.slug.empty()) continue;
    View code;
    code.set("title", c.title);
    code.set("href", base + code_page_path(c));
    codes.push(std::move(code));
  }
  v.set_flag("has_codes", !codes.items().empty());
  return v;
}

}  // namespace legisite
