#include "resolve/diff_record.h"

#include <charconv>
#include <unordered_set>

namespace legisite {

namespace {

// Changes whenever the format below changes.
constexpr std::string_view kHeader = "legisite diffs 1 ";

Digest pair_digest(std::string_view before, std::string_view after) {
  return Hasher().add(before).add(after).finish();
}

// The text a run is a slice of: the older one for removed runs, the newer one otherwise.
std::string_view source_of(DiffRun::Kind kind, std::string_view before, std::string_view after) {
  return kind == DiffRun::Kind::kRemoved ? before : after;
}

void append_number(std::string& out, std::size_t n) {
  out += std::to_string(n);
  out += ' ';
}

void append_diff(std::string& out, const Digest& key, const TextDiff& d, std::string_view before,
                 std::string_view after) {
  out += key.hex();
  out += ' ';
  for (std::size_t n :
       {d.words_added, d.words_removed, std::size_t(d.punctuation_changed), d.spacing_changes,
        std::size_t(d.structure_changed), std::size_t(d.beyond_budget), d.runs.size()})
    append_number(out, n);
  out.back() = '\n';
  for (const DiffRun& r : d.runs) {
    const std::string_view source = source_of(r.kind, before, after);
    const bool slice = r.offset <= source.size() && r.html.size() <= source.size() - r.offset &&
                       source.substr(r.offset, r.html.size()) == r.html;
    for (std::size_t n : {std::size_t(r.kind), r.offset, r.html.size(), r.position})
      append_number(out, n);
    out += slice ? "0\n" : "1\n";
    if (!slice) out += r.html + "\n";
  }
}

// Reads the record's text front to back; any surprise makes it untrusted.
struct Reader {
  std::string_view text;
  bool ok = true;

  std::size_t number(char end) {
    std::size_t n = 0;
    auto [next, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    ok = ok && error == std::errc() && next != text.data() && next < text.data() + text.size() &&
         *next == end;
    text.remove_prefix(ok ? next - text.data() + 1 : text.size());
    return n;
  }
  std::string_view bytes(std::size_t n, char end) {
    ok = ok && text.size() > n && text[n] == end;
    if (!ok) return {};
    std::string_view out = text.substr(0, n);
    text.remove_prefix(n + 1);
    return out;
  }
};

}  // namespace

std::string format_diff_record(const Corpus& corpus, const Digest& program) {
  std::string out(kHeader);
  out += program.hex() + "\n";
  std::unordered_set<Digest, DigestHash> written;
  for (const Article& a : corpus.articles())
    for (const Version& v : a.versions) {
      if (v.slug.empty() || v.diff_base < 0) continue;  // answer_for_date compared no texts
      const std::string& before = a.versions[v.diff_base].text_html;
      const Digest key = pair_digest(before, v.text_html);
      if (written.insert(key).second) append_diff(out, key, v.diff, before, v.text_html);
    }
  return out;
}

DiffRecord DiffRecord::parse(std::string_view text, const Digest& program) {
  const std::string head = std::string(kHeader) + program.hex() + "\n";
  if (text.substr(0, head.size()) != head) return {};
  Reader in{text.substr(head.size())};
  DiffRecord record;
  while (in.ok && !in.text.empty()) {
    const std::optional<Digest> key = Digest::from_hex(in.bytes(64, ' '));
    Entry e;
    e.counts.words_added = in.number(' ');
    e.counts.words_removed = in.number(' ');
    e.counts.punctuation_changed = in.number(' ') != 0;
    e.counts.spacing_changes = in.number(' ');
    e.counts.structure_changed = in.number(' ') != 0;
    e.counts.beyond_budget = in.number(' ') != 0;
    const std::size_t runs = in.number('\n');
    for (std::size_t i = 0; in.ok && i < runs; ++i) {
      Run r;
      const std::size_t kind = in.number(' ');
      r.kind = static_cast<DiffRun::Kind>(kind);
      r.offset = in.number(' ');
      r.length = in.number(' ');
      r.position = in.number(' ');
      if (in.number('\n') != 0) r.html = std::string(in.bytes(r.length, '\n'));
      in.ok = in.ok && kind <= static_cast<std::size_t>(DiffRun::Kind::kAdded);
      e.runs.push_back(std::move(r));
    }
    in.ok = in.ok && key;
    if (in.ok) record.diffs_.emplace(*key, std::move(e));
  }
  return in.ok ? record : DiffRecord();
}

std::optional<TextDiff> DiffRecord::find(std::string_view before, std::string_view after) const {
  if (diffs_.empty()) return std::nullopt;
  auto it = diffs_.find(pair_digest(before, after));
  if (it == diffs_.end()) return std::nullopt;
  TextDiff d = it->second.counts;
  d.runs.reserve(it->second.runs.size());
  for (const Run& r : it->second.runs) {
    const std::string_view source = source_of(r.kind, before, after);
    if (!r.html && (r.offset > source.size() || r.length > source.size() - r.offset))
      return std::nullopt;
    // Markup written out is the older text's (its tags, when the newer text is empty): what a
    // record holds never reaches a page unless one of the two texts has it.
    if (r.html && before.find(*r.html) == std::string_view::npos) return std::nullopt;
    d.runs.push_back({r.kind, r.html ? *r.html : std::string(source.substr(r.offset, r.length)),
                      r.offset, r.position});
  }
  return d;
}

}  // namespace legisite
