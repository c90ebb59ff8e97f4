#include "sources/source_record.h"

#include <memory>
#include <utility>
#include <vector>

namespace legisite {

namespace {

constexpr std::string_view kHeader = "legisite source record 1\n";

// Every field a reader fills is written below: a field added to one of these types must be added
// here too, which these sizes recall (the fields the resolve stage fills are left out).
static_assert(sizeof(void*) != 8 || sizeof(Link) == 456, "record Link's new field");
static_assert(sizeof(void*) != 8 || sizeof(Version) == 408, "record Version's new field");
static_assert(sizeof(void*) != 8 || sizeof(MarkdownArticle) == 504,
              "record MarkdownArticle's new field");
static_assert(sizeof(void*) != 8 || sizeof(Diagnostic) == 168, "record Diagnostic's new field");

class Writer {
 public:
  void number(std::uint64_t n) {
    char bytes[8];
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>((n >> (8 * i)) & 0xff);
    out.append(bytes, 8);
  }
  void text(std::string_view s) {
    number(s.size());
    out += s;
  }
  void date(Date d) { number(static_cast<std::uint32_t>(d.days())); }
  void location(const SourceLocation& where) {
    text(where.file);
    number(static_cast<std::uint32_t>(where.line));
    number(static_cast<std::uint32_t>(where.column));
  }
  std::string out;
};

// Reads what Writer wrote; once anything is missing or out of range, `ok` stays false and every
// later read gives zero or "".
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint64_t number() {
    if (in_.size() < 8) return fail();
    std::uint64_t n = 0;
    for (int i = 0; i < 8; ++i) n |= std::uint64_t(static_cast<unsigned char>(in_[i])) << (8 * i);
    in_.remove_prefix(8);
    return n;
  }
  std::string text() {
    const std::uint64_t n = number();
    if (n > in_.size()) return fail(), std::string();
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  Date date() { return Date::from_days(static_cast<std::int32_t>(number())); }
  int small_int() { return static_cast<int>(static_cast<std::int32_t>(number())); }
  SourceLocation location() {
    SourceLocation where;
    where.file = text();
    where.line = small_int();
    where.column = small_int();
    return where;
  }
  /// An enumerator no greater than `last`.
  template <typename Enum>
  Enum choice(Enum last) {
    const std::uint64_t n = number();
    if (n > static_cast<std::uint64_t>(last)) return fail(), Enum{};
    return static_cast<Enum>(n);
  }
  /// A count of items each at least `least` bytes long.
  std::size_t count(std::size_t least) {
    const std::uint64_t n = number();
    if (n > in_.size() / least) return fail();
    return static_cast<std::size_t>(n);
  }
  bool ok() const { return ok_; }
  bool done() const { return ok_ && in_.empty(); }

 private:
  std::uint64_t fail() {
    ok_ = false;
    in_ = {};
    return 0;
  }
  std::string_view in_;
  bool ok_ = true;
};

void write_link(Writer& w, const Link& link) {
  w.number(static_cast<std::uint64_t>(link.group));
  for (const std::string* s : {&link.label, &link.link_type, &link.text, &link.text_title,
                               &link.article_number, &link.status_mark, &link.target_id,
                               &link.direction, &link.text_cid, &link.text_nature, &link.text_nor})
    w.text(*s);
  w.date(link.date);
  w.date(link.text_signed);
  w.location(link.where);
}

Link read_link(Reader& r) {
  Link link;
  link.group = r.choice(LinkGroup::kOther);
  for (std::string* s : {&link.label, &link.link_type, &link.text, &link.text_title,
                         &link.article_number, &link.status_mark, &link.target_id, &link.direction,
                         &link.text_cid, &link.text_nature, &link.text_nor})
    *s = r.text();
  link.date = r.date();
  link.text_signed = r.date();
  link.where = r.location();
  return link;
}

void write_version(Writer& w, const Version& v) {
  w.text(v.id);
  w.date(v.start);
  w.date(v.end);
  w.number(static_cast<std::uint64_t>(v.status));
  w.number(v.has_text ? 1 : 0);
  w.text(v.text_html);
  w.text(v.nota_html);
  w.number(v.links.size());
  for (const Link& link : v.links) write_link(w, link);
  w.text(v.amended_by);
  w.text(v.source_key);
  w.number(static_cast<std::uint64_t>(v.format));
  w.location(v.origin);
  w.number(v.also_from.size());
  for (const SourceLocation& where : v.also_from) w.location(where);
}

Version read_version(Reader& r) {
  Version v;
  v.id = r.text();
  v.start = r.date();
  v.end = r.date();
  v.status = r.choice(ArticleStatus::kDeplace);
  v.has_text = r.choice(1) == 1;
  v.text_html = r.text();
  v.nota_html = r.text();
  for (std::size_t n = r.count(8); n > 0; --n) v.links.push_back(read_link(r));
  v.amended_by = r.text();
  v.source_key = r.text();
  v.format = r.choice(SourceFormat::kLegifranceJson);
  v.origin = r.location();
  for (std::size_t n = r.count(8); n > 0; --n) v.also_from.push_back(r.location());
  return v;
}

void write_diagnostic(Writer& w, const Diagnostic& d) {
  w.number(static_cast<std::uint64_t>(d.severity));
  w.location(d.where);
  w.text(d.message);
  w.text(d.source_line);
  w.number(d.notes.size());
  for (const std::string& note : d.notes) w.text(note);
  w.text(d.group);
}

Diagnostic read_diagnostic(Reader& r) {
  Diagnostic d;
  d.severity = r.choice(Severity::kError);
  d.where = r.location();
  d.message = r.text();
  d.source_line = r.text();
  for (std::size_t n = r.count(8); n > 0; --n) d.notes.push_back(r.text());
  d.group = r.text();
  return d;
}

}  // namespace

std::string format_source_record(const SourceCache& cache, std::string_view program) {
  const std::vector<SourceCache::Stamped> readings = cache.recorded();
  Writer w;
  w.out += kHeader;
  w.out += program;
  w.out += '\n';
  w.number(readings.size());
  for (const SourceCache::Stamped& reading : readings) {
    w.text(reading.path);
    w.number(reading.stamp.device);
    w.number(reading.stamp.inode);
    w.number(reading.stamp.size);
    w.number(static_cast<std::uint64_t>(reading.stamp.mtime_ns));
    const ParsedMarkdown& parsed = *reading.parsed;
    w.number(parsed.parsed ? 1 : 0);
    if (parsed.parsed) {
      w.text(parsed.article.number.text());
      w.text(parsed.article.code_title);
      w.text(parsed.article.cid);
      write_version(w, parsed.article.version);
    }
    w.number(parsed.diagnostics.size());
    for (const Diagnostic& d : parsed.diagnostics) write_diagnostic(w, d);
  }
  return std::move(w.out);
}

std::size_t read_source_record(std::string_view text, std::string_view program,
                               std::int64_t dated_ns, SourceCache& cache) {
  if (!text.starts_with(kHeader)) return 0;
  text.remove_prefix(kHeader.size());
  if (!text.starts_with(program) || text.substr(program.size(), 1) != "\n") return 0;
  Reader r(text.substr(program.size() + 1));
  std::vector<SourceCache::Stamped> readings(r.count(8));
  for (SourceCache::Stamped& reading : readings) {
    reading.path = r.text();
    reading.stamp.device = r.number();
    reading.stamp.inode = r.number();
    reading.stamp.size = r.number();
    reading.stamp.mtime_ns = static_cast<std::int64_t>(r.number());
    auto parsed = std::make_shared<ParsedMarkdown>();
    parsed->parsed = r.choice(1) == 1;
    if (parsed->parsed) {
      parsed->article.number = ArticleNumber(r.text());
      parsed->article.code_title = r.text();
      parsed->article.cid = r.text();
      parsed->article.version = read_version(r);
    }
    for (std::size_t n = r.count(8); n > 0; --n) parsed->diagnostics.push_back(read_diagnostic(r));
    reading.parsed = std::move(parsed);
  }
  if (!r.done()) return 0;
  std::size_t added = 0;
  for (SourceCache::Stamped& reading : readings) {
    // Written within a clock tick of the build's start, a file may have been written again
    // since without a new stamp: it is read again.
    if (reading.stamp.mtime_ns + kStampSettleNanoseconds >= dated_ns) continue;
    cache.store(reading.path, reading.stamp, std::move(reading.parsed));
    ++added;
  }
  return added;
}

}  // namespace legisite
