#include "render/search_index.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "model/status.h"
#include "parallel/parallel.h"
#include "render/not_found.h"
#include "render/version_pages.h"
#include "render/view_model.h"
#include "text/fold.h"
#include "text/json_string.h"
#include "text/search_terms.h"
#include "text/utf8.h"
#include "text/visible_text.h"

namespace legisite {

namespace {

// A text shard closes once it holds this much text: the shards of a whole code then load in
// parallel, and one code's shard is never a download of its own worth a progress bar.
constexpr std::size_t kShardBytes = 400 * 1024;
// Texts handed to threads at a time.
constexpr std::size_t kEntriesPerChunk = 64;

// The state token of a cited-only article, which has no version: the script labels it with
// the rest (index.js "states").
constexpr std::string_view kCitedOnlyToken = "cite";
constexpr std::string_view kCitedOnlyLabel = "Cité, sans texte";

// The distinct search terms of `text` in order of first appearance, written " a b c " (a space
// at either end) so that the script finds a whole term as " term " and a prefix as " pre".
std::string distinct_terms(std::string_view text) {
  // The set points into `terms` rather than copying each term: a long article's terms are
  // counted in millions.
  const std::vector<std::string> terms = search_terms(text);
  std::unordered_set<std::string_view> seen;
  std::string out = " ";
  for (const std::string& t : terms) {
    if (!seen.insert(t).second) continue;
    out += t;
    out += ' ';
  }
  return out;
}

// One text of the index: a version (kNoText for an article page without text), its article
// and the article's number in the code's articles shard.
struct TextEntry {
  const Version* version;
  const Article* article;
  std::size_t position;
};

const Version kNoText;

std::vector<std::string> visible_texts(const std::vector<TextEntry>& entries, std::size_t jobs) {
  std::vector<std::string> out(entries.size());
  for_each_chunk(jobs, entries.size(), kEntriesPerChunk, [&](const Chunk& chunk) {
    for (std::size_t i = chunk.begin; i < chunk.end; ++i)
      out[i] = visible_text(entries[i].version->text_html);
  });
  return out;
}

std::string shard_call(std::string_view name, const std::string& data) {
  std::string out = "legisiteSearch.shard(";
  append_json_string(out, name);
  out += ",";
  out += data;
  out += ");\n";
  return out;
}

std::string shard_path(const Code& code, std::string_view part) {
  return std::string(search_dir()) + code.slug + "-" + std::string(part) + ".js";
}

// The code's sections in creation order and its articles with a page, in model order; each
// article's position in `articles` is its number in the code's other shards.
struct CodeEntries {
  std::vector<SectionId> sections;
  std::vector<const Article*> articles;
};

CodeEntries code_entries(const Corpus& corpus, const Code& code) {
  CodeEntries e;
  for (const Section& s : corpus.sections())
    if (s.code == code.id) e.sections.push_back(s.id);
  for (const Article& a : corpus.articles())
    if (a.code == code.id && !a.slug.empty()) e.articles.push_back(&a);
  return e;
}

std::string articles_shard(const Corpus& corpus, const CodeEntries& e) {
  std::vector<std::uint32_t> section_index(corpus.sections().size(), 0);
  for (std::size_t i = 0; i < e.sections.size(); ++i)
    section_index[e.sections[i].value] = static_cast<std::uint32_t>(i);
  std::string data = "{\"sections\":[";
  for (std::size_t i = 0; i < e.sections.size(); ++i) {
    const Section& s = corpus.section(e.sections[i]);
    data += i ? ",[" : "[";
    data += s.parent.valid() ? std::to_string(section_index[s.parent.value]) : "-1";
    data += ",";
    append_json_string(data, s.title);
    data += ",";
    append_json_string(data, s.anchor);
    data += ",";
    append_json_string(data, distinct_terms(s.title));
    data += "]";
  }
  data += "],\"articles\":[";
  for (std::size_t i = 0; i < e.articles.size(); ++i) {
    const Article& a = *e.articles[i];
    std::string_view token = kCitedOnlyToken;
    if (!a.cited_only && a.on_reference_date.index >= 0)
      token = status_token(a.versions[a.on_reference_date.index].status_on_reference_date);
    else if (!a.cited_only)
      token = status_token(ArticleStatus::kUnknown);
    data += i ? ",[" : "[";
    append_json_string(data, a.number.text());
    data += ",";
    append_json_string(data, a.slug);
    data += ",";
    append_json_string(data, token);
    data += ",";
    data += std::to_string(section_index[a.section.value]);
    data += ",";
    append_json_string(data, article_number_key(a.number.text()));
    data += "]";
  }
  return data + "]}";
}

// What a run of entries is made from: each entry's article, by its data and its number, and
// which of its versions it is.
Digest run_inputs(const SearchReuse& reuse, std::string_view name,
                  const std::vector<TextEntry>& entries, std::size_t from, std::size_t to) {
  Hasher h;
  h.add(name).add(from).add(to - from);
  for (std::size_t i = from; i < to; ++i) {
    const TextEntry& e = entries[i];
    h.add(reuse.articles[e.article->id.value]).add(e.position);
    h.add(e.version == &kNoText
              ? std::uint64_t(-1)
              : static_cast<std::uint64_t>(e.version - e.article->versions.data()));
  }
  return h.finish();
}

// Where each run of about kShardBytes of visible text starts and ends.
std::vector<std::pair<std::size_t, std::size_t>> cut_runs(const std::vector<std::string>& texts) {
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  for (std::size_t from = 0; from < texts.size();) {
    std::size_t to = from, bytes = 0;
    while (to < texts.size() && (to == from || bytes < kShardBytes)) bytes += texts[to++].size();
    runs.emplace_back(from, to);
    from = to;
  }
  return runs;
}

// A shard's call: {"from": first entry, "<field>": [the run's values]<extra>}.
std::string run_shard(const Code& code, const std::string& name, std::string_view field,
                      const std::vector<std::string>& values, std::size_t from, std::size_t to,
                      const std::string& extra) {
  std::string data = "{\"from\":" + std::to_string(from) + ",\"" + std::string(field) + "\":[";
  for (std::size_t i = from; i < to; ++i) {
    if (i > from) data += ",";
    append_json_string(data, values[i]);
  }
  return shard_call(code.slug + "/" + name, data + "]" + extra + "}");
}

// Cuts `entries` into runs of about kShardBytes of visible text, each written twice: its terms,
// which every search of words reads, as <code>-<part>-mots-<N>.js {"from": first entry, "terms"}
// plus what `extra(from, to)` writes (the versions' own fields); and its texts, which only
// snippets and phrases need, as <code>-<part>-<N>.js {"from", "texts"}. `starts` gets the first
// entry of each run. A file `reuse` keeps is listed kept, and its run's terms are not made.
template <typename Extra>
std::vector<SearchFile> text_shards(const Code& code, std::string_view part,
                                    const std::vector<TextEntry>& entries, Extra extra,
                                    std::vector<std::size_t>& starts, std::size_t jobs,
                                    const SearchReuse* reuse) {
  const std::vector<std::string> texts = visible_texts(entries, jobs);
  const std::vector<std::pair<std::size_t, std::size_t>> runs = cut_runs(texts);
  // A run's two shards by name: "texte-mots-3" and "texte-3".
  auto words_name = [&](std::size_t r) { return std::string(part) + "-mots-" + std::to_string(r); };
  auto plain_name = [&](std::size_t r) { return std::string(part) + "-" + std::to_string(r); };
  std::vector<SearchFile> files;  // per run, its terms then its texts
  std::vector<char> needs_terms(entries.size(), 0);
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto [from, to] = runs[r];
    SearchFile words{shard_path(code, words_name(r)), {}, {}, false};
    SearchFile plain{shard_path(code, plain_name(r)), {}, {}, false};
    if (reuse) {
      words.inputs = plain.inputs = run_inputs(*reuse, words.path, entries, from, to);
      words.kept = reuse->keep(words.path, *words.inputs);
      plain.kept = reuse->keep(plain.path, *plain.inputs);
    }
    if (!words.kept) std::fill(needs_terms.begin() + from, needs_terms.begin() + to, 1);
    starts.push_back(from);
    files.push_back(std::move(words));
    files.push_back(std::move(plain));
  }
  std::vector<std::string> terms(entries.size());
  for_each_chunk(jobs, entries.size(), kEntriesPerChunk, [&](const Chunk& chunk) {
    for (std::size_t i = chunk.begin; i < chunk.end; ++i)
      if (needs_terms[i]) terms[i] = distinct_terms(texts[i]);
  });
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto [from, to] = runs[r];
    if (SearchFile& words = files[2 * r]; !words.kept)
      words.contents = run_shard(code, words_name(r), "terms", terms, from, to, extra(from, to));
    if (SearchFile& plain = files[2 * r + 1]; !plain.kept)
      plain.contents = run_shard(code, plain_name(r), "texts", texts, from, to, "");
  }
  return files;
}

std::string starts_json(const std::vector<std::size_t>& starts) {
  std::string out = "[";
  for (std::size_t i = 0; i < starts.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(starts[i]);
  }
  return out + "]";
}

// The folding table the script applies before cutting terms: every code point fold_letter
// folds, as {"é":"e",…}.
std::string fold_table_json() {
  std::string data = "{";
  bool first = true;
  for (char32_t cp = 0x80; cp < 0x250; ++cp) {
    std::string_view folded = fold_letter(cp);
    if (folded.empty()) continue;
    std::string ch;
    append_utf8(ch, cp);
    if (!first) data += ",";
    first = false;
    append_json_string(data, ch);
    data += ":";
    append_json_string(data, folded);
  }
  return data + "}";
}

std::string states_json() {
  std::string data = "{";
  for (int s = 0; s <= static_cast<int>(ArticleStatus::kDeplace); ++s) {
    const auto status = static_cast<ArticleStatus>(s);
    append_json_string(data, status_token(status));
    data += ":";
    append_json_string(data, status_label(status));
    data += ",";
  }
  append_json_string(data, kCitedOnlyToken);
  data += ":";
  append_json_string(data, kCitedOnlyLabel);
  return data + "}";
}

// The texts of one code's index: the text each article page shows, in the order of the
// articles shard (an empty version for a page without text), then, with history pages, every
// other version with a text and a page.
struct IndexedTexts {
  std::vector<TextEntry> shown, others;
};

IndexedTexts indexed_texts(const CodeEntries& e, bool history) {
  IndexedTexts t;
  for (std::size_t i = 0; i < e.articles.size(); ++i) {
    const Article& a = *e.articles[i];
    const Version* page = version_shown_on_date(a);
    t.shown.push_back({page && page->has_text && !a.cited_only ? page : &kNoText, &a, i});
    if (!history) continue;
    for (const Version& v : a.versions)
      if (&v != page && v.has_text && !v.slug.empty()) t.others.push_back({&v, &a, i});
  }
  return t;
}

// What the versions shard of entries [from, to) of `others` says besides their texts: each
// version's article, page, dates and state.
std::string versions_fields(const std::vector<TextEntry>& others, std::size_t from,
                            std::size_t to) {
  std::string data = ",\"versions\":[";
  for (std::size_t i = from; i < to; ++i) {
    const Version& v = *others[i].version;
    data += i > from ? ",[" : "[";
    data += std::to_string(others[i].position) + ",";
    append_json_string(data, v.slug);
    data += ",";
    append_json_string(data, v.start.known() ? v.start.iso() : "");
    data += ",";
    append_json_string(data, v.ends_on.known() && !v.ends_on.is_no_end() ? v.ends_on.iso() : "");
    data += ",";
    append_json_string(data, status_token(v.status_on_reference_date));
    data += "]";
  }
  return data + "]";
}

}  // namespace

std::string search_page_path() { return "recherche/index.html"; }

std::string_view search_dir() { return "recherche/"; }

std::vector<SearchFile> search_index_files(const Corpus& corpus, const SiteOptions& options,
                                           const SearchReuse* reuse) {
  std::vector<SearchFile> files;
  std::string codes = "[";
  for (const Code& code : corpus.codes()) {
    if (code.slug.empty()) continue;
    const CodeEntries e = code_entries(corpus, code);
    files.push_back({shard_path(code, "articles"),
                     shard_call(code.slug + "/articles", articles_shard(corpus, e)),
                     {},
                     false});
    const IndexedTexts t = indexed_texts(e, options.history);
    std::vector<std::size_t> text_starts, version_starts;
    std::vector<SearchFile> texts = text_shards(
        code, "texte", t.shown, [](std::size_t, std::size_t) { return std::string(); }, text_starts,
        options.jobs, reuse);
    std::vector<SearchFile> versions = text_shards(
        code, "versions", t.others,
        [&](std::size_t from, std::size_t to) { return versions_fields(t.others, from, to); },
        version_starts, options.jobs, reuse);
    codes += codes.size() > 1 ? ",{" : "{";
    codes += "\"slug\":";
    append_json_string(codes, code.slug);
    codes += ",\"title\":";
    append_json_string(codes, code.title);
    codes += ",\"texte\":" + starts_json(text_starts);
    codes += ",\"versions\":" + starts_json(version_starts) + "}";
    for (SearchFile& f : texts) files.push_back(std::move(f));
    for (SearchFile& f : versions) files.push_back(std::move(f));
  }
  codes += "]";
  std::string index = "{\"fold\":" + fold_table_json() + ",\"states\":" + states_json() +
                      ",\"codes\":" + codes + "}";
  files.insert(files.begin(),
               {std::string(search_dir()) + "index.js", shard_call("index", index), {}, false});
  return files;
}

bool search_has_versions(const Corpus& corpus, const SiteOptions& options) {
  if (!options.history) return false;
  for (const Article& a : corpus.articles()) {
    const Version* page = version_shown_on_date(a);
    for (const Version& ver : a.versions)
      if (&ver != page && ver.has_text && !ver.slug.empty() && !a.slug.empty()) return true;
  }
  return false;
}

View search_view(const Corpus& corpus, const SiteOptions& options) {
  View v;
  add_layout(v, options, search_page_path(), "search", site_title(options, "Recherche"),
             "Rechercher un article par son numéro ou par les mots de son texte.");
  View& codes = v.set("search_codes", View::list());
  for (const Code& c : corpus.codes()) {
    if (c.slug.empty()) continue;
    View code;
    code.set("slug", c.slug);
    code.set("title", c.title);
    codes.push(std::move(code));
  }
  v.set_flag("search_has_versions", search_has_versions(corpus, options));
  return v;
}

void add_search_box(View& view, const Corpus& corpus, const SiteOptions& options,
                    const PagePlan& page) {
  if (page.kind == PageKind::kNotFound) {
    const std::string base = not_found_link_base(options);
    view.set("search_href", base + search_page_path());
    view.set("search_root", base);
  } else {
    view.set("search_href", relative_href(page.path, search_page_path()));
    std::string root = relative_href(page.path, "x");
    root.pop_back();
    view.set("search_root", std::move(root));
  }
  const bool coded = page.code.valid() && page.code.value < corpus.codes().size();
  view.set("search_code", coded ? corpus.code(page.code).slug : std::string());
}

const std::vector<std::string_view>& search_field_names() {
  static const std::vector<std::string_view> kNames = {
      "search_href", "search_root", "search_code", "search_codes", "slug", "search_has_versions"};
  return kNames;
}

}  // namespace legisite
