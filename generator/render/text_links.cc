#include "render/text_links.h"

#include <algorithm>

#include "render/legifrance.h"
#include "render/pages.h"
#include "render/version_pages.h"
#include "text/french_typography.h"
#include "text/html_escape.h"

namespace legisite {

namespace {

void append_start_tag(std::string& out, const TextLink& link) {
  out += "<a href=\"";
  append_html_escaped(out, link.href);
  out += '"';
  if (!link.title.empty()) {
    out += " title=\"";
    append_html_escaped(out, link.title);
    out += '"';
  }
  out += '>';
}

/// An <a> element of a text: its start tag [open, tag_end) and where "</a>" starts.
struct AnchorSpan {
  std::size_t open, tag_end, close;
  bool closed;  // "</a>" is in the text (a piece of a text may lack it)
};

// Every <a> element of `html`, in order (the sanitiser never nests them).
std::vector<AnchorSpan> anchors_of(std::string_view html) {
  constexpr auto npos = std::string_view::npos;
  std::vector<AnchorSpan> spans;
  for (std::size_t at = html.find("<a"); at != npos; at = html.find("<a", at + 2)) {
    if (at + 2 >= html.size() || (html[at + 2] != ' ' && html[at + 2] != '>')) continue;  // <abbr>
    std::size_t tag_end = html.find('>', at);
    if (tag_end == npos) break;
    std::size_t close = html.find("</a>", tag_end);
    spans.push_back({at, tag_end + 1, close == npos ? html.size() : close, close != npos});
    at = tag_end;
  }
  return spans;
}

// The <a> whose text holds offset `at`, or null.
const AnchorSpan* enclosing_anchor(const std::vector<AnchorSpan>& spans, std::size_t at) {
  auto it = std::upper_bound(spans.begin(), spans.end(), at,
                             [](std::size_t x, const AnchorSpan& s) { return x < s.open; });
  if (it == spans.begin()) return nullptr;
  --it;
  return at >= it->tag_end && at < it->close ? &*it : nullptr;
}

// A replacement of [from, to) of the text by `link`'s <a> (its start tag alone when it repoints
// one); without a link, a deletion.
struct Edit {
  std::size_t from, to;
  const TextLink* link;
};

// The edits that place `links` (sorted by start) in `html`: sorted and disjoint. A link is left
// out when it would cut a tag or overlap an earlier one, or, new, would sit inside a source <a>.
std::vector<Edit> link_edits(std::string_view html, const std::vector<TextLink>& links) {
  constexpr auto npos = std::string_view::npos;
  std::vector<Edit> edits;
  const std::vector<AnchorSpan> anchors = anchors_of(html);
  std::size_t done = 0;  // nothing may start before this
  // Whether a link starts inside a tag: the last '<' or '>' before it is a '<'. Links come in
  // order, so the scan only moves forward: the whole text is read once.
  std::size_t next_mark = html.find_first_of("<>");
  bool in_tag = false;
  // The <a> that unwrapped links are replacing: its "</a>" goes once they are all in.
  const AnchorSpan* unwrapping = nullptr;
  auto close_unwrapped = [&] {
    edits.push_back({unwrapping->close, unwrapping->close + 4, nullptr});
    done = unwrapping->close + 4;
    unwrapping = nullptr;
  };
  for (const TextLink& link : links) {
    if (unwrapping && link.begin >= unwrapping->close) close_unwrapped();
    if (link.begin >= link.end || link.end > html.size() || link.begin < done) continue;
    for (; next_mark < link.begin; next_mark = html.find_first_of("<>", next_mark + 1))
      in_tag = html[next_mark] == '<';
    std::string_view text = html.substr(link.begin, link.end - link.begin);
    if (text.find_first_of("<>") != npos) continue;
    if (in_tag) continue;
    const AnchorSpan* anchor = enclosing_anchor(anchors, link.begin);
    if (link.repoint) {
      // Once per <a>: edits must not overlap, and the start tag comes before the text.
      if (!anchor || anchor->open < done) continue;
      edits.push_back({anchor->open, anchor->tag_end, &link});
      done = anchor->tag_end;
      continue;
    }
    if (link.unwrap) {
      if (!anchor || !anchor->closed || link.end > anchor->close) continue;
      if (anchor != unwrapping) {
        if (anchor->open < done) continue;
        edits.push_back({anchor->open, anchor->tag_end, nullptr});
        unwrapping = anchor;
      }
      edits.push_back({link.begin, link.end, &link});
      done = link.end;
      continue;
    }
    // A new link cannot go inside a link the source already has.
    if (anchor) continue;
    edits.push_back({link.begin, link.end, &link});
    done = link.end;
  }
  if (unwrapping) close_unwrapped();
  return edits;
}

}  // namespace

std::string splice_links(std::string_view html, std::vector<TextLink> links) {
  std::stable_sort(links.begin(), links.end(),
                   [](const TextLink& a, const TextLink& b) { return a.begin < b.begin; });
  const std::vector<Edit> edits = link_edits(html, links);
  std::string out;
  out.reserve(html.size() + edits.size() * 64);
  std::size_t copied = 0;
  for (const Edit& e : edits) {
    out.append(html.substr(copied, e.from - copied));
    copied = e.to;
    if (!e.link) continue;
    append_start_tag(out, *e.link);
    if (!e.link->repoint) {
      out.append(html.substr(e.from, e.to - e.from));
      out += "</a>";
    }
  }
  out.append(html.substr(copied));
  return out;
}

std::vector<TextLink> citation_links(const Corpus& corpus, std::string_view page_path,
                                     const Version& version, Date as_of) {
  std::vector<TextLink> links;
  for (const TextCitation& t : version.text_citations) {
    TextLink link;
    link.begin = t.begin;
    link.end = t.end;
    link.repoint = t.source_link;
    link.unwrap = t.splits_source_link;
    if (t.target.valid() && t.target.value < corpus.articles().size()) {
      const Article& target = corpus.article(t.target);
      if (!has_article_page(corpus, target)) continue;
      // On a version's page the law it cited is the law of its first day (dated_target); on an
      // article page, the text that page shows.
      DatedTarget then = dated_target(corpus, page_path, target, as_of);
      const Version* cited =
          then.version >= 0 ? &target.versions[then.version] : version_shown_on_date(target);
      std::string fragment;
      if (t.alinea > 0 && t.range_targets.empty() && cited && cited->has_text &&
          alinea_count(cited->text_html) >= t.alinea)
        fragment = alinea_anchor(t.alinea);
      link.href = then.version >= 0
                      ? then.href + (fragment.empty() ? "" : "#" + fragment)
                      : relative_href(page_path, article_page_path(corpus, target), fragment);
      // Each bound of a range links to its own article; the title names them all.
      if (t.range_targets.size() > 1) {
        link.title = french_number(t.range_targets.size()) + " articles\u00A0: ";
        for (std::size_t i = 0; i < t.range_targets.size(); ++i)
          link.title += (i ? ", " : "") + corpus.article(t.range_targets[i]).number.text();
      } else if (target.cited_only) {
        link.title = french_spacing("Article " + target.number.text() +
                                    " : cité, sans texte dans cette édition");
      } else if (then.version >= 0) {
        link.title =
            "Article " + target.number.text() + ", version en vigueur le " + as_of.french();
      }
    } else if (!t.external_id.empty()) {
      link.href = legifrance_url(t.external_id, false);
    }
    if (link.href.empty()) continue;
    links.push_back(std::move(link));
  }
  return links;
}

std::string linked_text_html(const Corpus& corpus, std::string_view page_path,
                             const Version& version, Date as_of) {
  if (version.text_citations.empty()) return with_alinea_anchors(version.text_html);
  std::vector<TextLink> links = citation_links(corpus, page_path, version, as_of);
  // Anchors after links: a link's offsets are into the text as the model holds it.
  return with_alinea_anchors(splice_links(version.text_html, std::move(links)));
}

}  // namespace legisite
