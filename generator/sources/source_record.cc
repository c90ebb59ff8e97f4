#include "sources/source_record.h"

#include <memory>
#include <utility>
#include <variant>
#include <vector>

namespace legisite {

namespace {

constexpr std::string_view kHeader = "legisite source record 4\n";

// Every field a reader fills is written below: a field added to one of these types must be added
// here too, which these sizes recall (the fields the resolve stage fills are left out).
static_assert(sizeof(FileStamp) == 40, "record FileStamp's new field");
static_assert(sizeof(void*) != 8 || sizeof(Link) == 456, "record Link's new field");
static_assert(sizeof(void*) != 8 || sizeof(Version) == 408, "record Version's new field");
static_assert(sizeof(void*) != 8 || sizeof(MarkdownArticle) == 504,
              "record MarkdownArticle's new field");
static_assert(sizeof(void*) != 8 || sizeof(Diagnostic) == 168, "record Diagnostic's new field");
static_assert(sizeof(void*) != 8 || sizeof(SectionRef) == 72, "record SectionRef's new field");
static_assert(sizeof(void*) != 8 || sizeof(ArticleRecord) == 568,
              "record ArticleRecord's new field");
static_assert(sizeof(void*) != 8 || sizeof(LegiEntry) == 224, "record LegiEntry's new field");
static_assert(sizeof(void*) != 8 || sizeof(LegiArticle) == 688, "record LegiArticle's new field");
static_assert(sizeof(void*) != 8 || sizeof(LegiSection) == 216, "record LegiSection's new field");
static_assert(sizeof(void*) != 8 || sizeof(LegiTextStructure) == 192,
              "record LegiTextStructure's new field");
static_assert(sizeof(void*) != 8 || sizeof(LegiTextVersion) == 224,
              "record LegiTextVersion's new field");
static_assert(sizeof(void*) != 8 || sizeof(GitTrack) == 32, "record GitTrack's new field");
static_assert(sizeof(void*) != 8 || sizeof(GitHistoryReading) == 256,
              "record GitHistoryReading's new field");

class Writer {
 public:
  // Seven bits a byte, the last byte's high bit clear: most numbers are lengths, dates and line
  // numbers, which take one to three bytes.
  void number(std::uint64_t n) {
    for (; n >= 0x80; n >>= 7) out += static_cast<char>((n & 0x7f) | 0x80);
    out += static_cast<char>(n);
  }
  // Zigzag: small negative numbers (an unknown order, -1) stay small.
  void signed_number(std::int64_t n) {
    number((static_cast<std::uint64_t>(n) << 1) ^ static_cast<std::uint64_t>(n >> 63));
  }
  void text(std::string_view s) {
    number(s.size());
    out += s;
  }
  void date(Date d) { number(static_cast<std::uint32_t>(d.days())); }
  // Most locations name the file being recorded: those are written as a mark.
  void location(const SourceLocation& where) {
    if (where.file == file) {
      number(0);
    } else {
      number(where.file.size() + 1);
      out += where.file;
    }
    number(static_cast<std::uint32_t>(where.line));
    number(static_cast<std::uint32_t>(where.column));
  }
  std::string out;
  std::string_view file;  // the path of the reading being written
};

// Reads what Writer wrote; once anything is missing or out of range, `ok` stays false and every
// later read gives zero or "".
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint64_t number() {
    std::uint64_t n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) return fail();
      const auto byte = static_cast<unsigned char>(in_[0]);
      in_.remove_prefix(1);
      n |= std::uint64_t(byte & 0x7f) << shift;
      if (byte < 0x80) return n;
    }
    return fail();
  }
  std::int64_t signed_number() {
    const std::uint64_t n = number();
    return static_cast<std::int64_t>(n >> 1) ^ -static_cast<std::int64_t>(n & 1);
  }
  std::string text() { return bytes(number()); }
  Date date() { return Date::from_days(static_cast<std::int32_t>(number())); }
  int small_int() { return static_cast<int>(static_cast<std::int32_t>(number())); }
  SourceLocation location() {
    SourceLocation where;
    const std::uint64_t n = number();
    where.file = n == 0 ? file : bytes(n - 1);
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
  std::string file;  // the path of the reading being read

 private:
  std::string bytes(std::uint64_t n) {
    if (n > in_.size()) return fail(), std::string();
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
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
  for (std::size_t n = r.count(17); n > 0; --n) v.links.push_back(read_link(r));
  v.amended_by = r.text();
  v.source_key = r.text();
  v.format = r.choice(SourceFormat::kLegifranceJson);
  v.origin = r.location();
  for (std::size_t n = r.count(3); n > 0; --n) v.also_from.push_back(r.location());
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
  for (std::size_t n = r.count(1); n > 0; --n) d.notes.push_back(r.text());
  d.group = r.text();
  return d;
}

void write_section_ref(Writer& w, const SectionRef& section) {
  w.text(section.title);
  w.text(section.legi_id);
  w.signed_number(section.order);
}

SectionRef read_section_ref(Reader& r) {
  SectionRef section;
  section.title = r.text();
  section.legi_id = r.text();
  section.order = r.signed_number();
  return section;
}

void write_sections(Writer& w, const std::vector<SectionRef>& sections) {
  w.number(sections.size());
  for (const SectionRef& section : sections) write_section_ref(w, section);
}

std::vector<SectionRef> read_sections(Reader& r) {
  std::vector<SectionRef> sections(r.count(3));
  for (SectionRef& section : sections) section = read_section_ref(r);
  return sections;
}

void write_entries(Writer& w, const std::vector<LegiEntry>& entries) {
  w.number(entries.size());
  for (const LegiEntry& e : entries) {
    w.number(static_cast<std::uint64_t>(e.kind));
    for (const std::string* s : {&e.id, &e.number, &e.title, &e.state, &e.origin}) w.text(*s);
    w.date(e.start);
    w.date(e.end);
    w.number(static_cast<std::uint32_t>(e.level));
    w.location(e.where);
  }
}

std::vector<LegiEntry> read_entries(Reader& r) {
  std::vector<LegiEntry> entries(r.count(12));
  for (LegiEntry& e : entries) {
    e.kind = r.choice(LegiEntry::Kind::kText);
    for (std::string* s : {&e.id, &e.number, &e.title, &e.state, &e.origin}) *s = r.text();
    e.start = r.date();
    e.end = r.date();
    e.level = r.small_int();
    e.where = r.location();
  }
  return entries;
}

void write_record(Writer& w, const ArticleRecord& record) {
  for (const std::string* s :
       {&record.code_title, &record.code_legi_id, &record.number.text(), &record.cid})
    w.text(*s);
  write_sections(w, record.section_path);
  w.signed_number(record.order);
  write_version(w, record.version);
}

ArticleRecord read_record(Reader& r) {
  ArticleRecord record;
  record.code_title = r.text();
  record.code_legi_id = r.text();
  record.number = ArticleNumber(r.text());
  record.cid = r.text();
  record.section_path = read_sections(r);
  record.order = r.signed_number();
  record.version = read_version(r);
  return record;
}

void write_legi(Writer& w, const LegiArticle& a) {
  write_record(w, a.record);
  for (const std::string* s : {&a.ancien_id, &a.nature, &a.type}) w.text(*s);
  write_entries(w, a.versions);
}

void read_legi(Reader& r, LegiArticle& a) {
  a.record = read_record(r);
  for (std::string* s : {&a.ancien_id, &a.nature, &a.type}) *s = r.text();
  a.versions = read_entries(r);
}

void write_legi(Writer& w, const LegiSection& s) {
  for (const std::string* t : {&s.id, &s.title, &s.text_id, &s.text_title}) w.text(*t);
  write_sections(w, s.parents);
  write_entries(w, s.children);
  w.location(s.where);
}

void read_legi(Reader& r, LegiSection& s) {
  for (std::string* t : {&s.id, &s.title, &s.text_id, &s.text_title}) *t = r.text();
  s.parents = read_sections(r);
  s.children = read_entries(r);
  s.where = r.location();
}

void write_legi(Writer& w, const LegiTextStructure& s) {
  for (const std::string* t : {&s.id, &s.cid, &s.nature}) w.text(*t);
  w.date(s.last_modified);
  write_entries(w, s.versions);
  write_entries(w, s.children);
  w.location(s.where);
}

void read_legi(Reader& r, LegiTextStructure& s) {
  for (std::string* t : {&s.id, &s.cid, &s.nature}) *t = r.text();
  s.last_modified = r.date();
  s.versions = read_entries(r);
  s.children = read_entries(r);
  s.where = r.location();
}

void write_legi(Writer& w, const LegiTextVersion& v) {
  for (const std::string* t : {&v.id, &v.cid, &v.nature, &v.title, &v.full_title}) w.text(*t);
  w.date(v.last_modified);
  w.number(static_cast<std::uint64_t>(v.status));
  w.date(v.start);
  w.date(v.end);
  w.location(v.where);
}

void read_legi(Reader& r, LegiTextVersion& v) {
  for (std::string* t : {&v.id, &v.cid, &v.nature, &v.title, &v.full_title}) *t = r.text();
  v.last_modified = r.date();
  v.status = r.choice(ArticleStatus::kDeplace);
  v.start = r.date();
  v.end = r.date();
  v.where = r.location();
}

void write_article(Writer& w, const MarkdownArticle& article) {
  w.text(article.number.text());
  w.text(article.code_title);
  w.text(article.cid);
  write_version(w, article.version);
}

MarkdownArticle read_article(Reader& r) {
  MarkdownArticle article;
  article.number = ArticleNumber(r.text());
  article.code_title = r.text();
  article.cid = r.text();
  article.version = read_version(r);
  return article;
}

void write_parsed(Writer& w, const ParsedMarkdown& parsed) {
  w.number(parsed.parsed ? 1 : 0);
  if (parsed.parsed) write_article(w, parsed.article);
  w.number(parsed.diagnostics.size());
  for (const Diagnostic& d : parsed.diagnostics) write_diagnostic(w, d);
}

void read_parsed(Reader& r, ParsedMarkdown& parsed) {
  parsed.parsed = r.choice(1) == 1;
  if (parsed.parsed) parsed.article = read_article(r);
  for (std::size_t n = r.count(8); n > 0; --n) parsed.diagnostics.push_back(read_diagnostic(r));
}

// A document as its variant's index (plus one; 0 for none) and its fields.
void write_parsed(Writer& w, const ParsedLegi& parsed) {
  w.number(parsed.document ? parsed.document->index() + 1 : 0);
  if (parsed.document) std::visit([&w](const auto& doc) { write_legi(w, doc); }, *parsed.document);
  w.number(parsed.diagnostics.size());
  for (const Diagnostic& d : parsed.diagnostics) write_diagnostic(w, d);
}

void read_parsed(Reader& r, ParsedLegi& parsed) {
  switch (r.choice<std::size_t>(std::variant_size_v<LegiDocument>)) {
    case 0:
      break;
    case 1:
      read_legi(r, parsed.document.emplace().emplace<0>());
      break;
    case 2:
      read_legi(r, parsed.document.emplace().emplace<1>());
      break;
    case 3:
      read_legi(r, parsed.document.emplace().emplace<2>());
      break;
    case 4:
      read_legi(r, parsed.document.emplace().emplace<3>());
      break;
  }
  for (std::size_t n = r.count(8); n > 0; --n) parsed.diagnostics.push_back(read_diagnostic(r));
}

// A git repository's reading: absent (0), or present (1) and its fields.
void write_git(Writer& w, const GitHistoryReading* reading) {
  w.number(reading ? 1 : 0);
  if (!reading) return;
  w.file = {};  // no location names the record: "<short sha>:<path>"
  w.text(reading->options.commits);
  w.text(reading->options.code_title);
  w.number(reading->shas.size());
  for (const std::string& sha : reading->shas) w.text(sha);
  w.number(reading->tracks.size());
  for (const auto& [key, track] : reading->tracks) {
    w.text(key);
    w.number(track.open ? 1 : 0);
    w.number(track.versions.size());
    for (const ArticleRecord& record : track.versions) write_record(w, record);
  }
  w.number(reading->reported.size());
  for (const Diagnostic& d : reading->reported) write_diagnostic(w, d);
  w.number(reading->articles.size());
  for (const auto& [blob, article] : reading->articles) {
    w.text(blob);
    w.number(article ? 1 : 0);
    if (article) write_article(w, *article);
  }
  w.number(reading->whole_code_blobs.size());
  for (const std::string& blob : reading->whole_code_blobs) w.text(blob);
}

std::shared_ptr<const GitHistoryReading> read_git(Reader& r) {
  if (r.choice(1) == 0) return nullptr;
  r.file = {};
  auto reading = std::make_shared<GitHistoryReading>();
  reading->options.commits = r.text();
  reading->options.code_title = r.text();
  for (std::size_t n = r.count(1); n > 0; --n) reading->shas.push_back(r.text());
  for (std::size_t n = r.count(3); n > 0; --n) {
    std::string key = r.text();
    GitTrack& track = reading->tracks[std::move(key)];
    track.open = r.choice(1) == 1;
    for (std::size_t v = r.count(20); v > 0; --v) track.versions.push_back(read_record(r));
  }
  for (std::size_t n = r.count(8); n > 0; --n) reading->reported.push_back(read_diagnostic(r));
  for (std::size_t n = r.count(2); n > 0; --n) {
    std::string blob = r.text();
    std::optional<MarkdownArticle>& article = reading->articles[std::move(blob)];
    if (r.choice(1) == 1) article = read_article(r);
  }
  for (std::size_t n = r.count(1); n > 0; --n) reading->whole_code_blobs.insert(r.text());
  return reading;
}

// One kind of readings: how many, then each file's path, stamp and reading.
template <typename Parsed>
void write_readings(Writer& w, const StampedReadings<Parsed>& cache) {
  const auto readings = cache.recorded();
  w.number(readings.size());
  for (const auto& reading : readings) {
    w.text(reading.path);
    w.file = reading.path;
    w.number(reading.stamp.device);
    w.number(reading.stamp.inode);
    w.number(reading.stamp.size);
    w.signed_number(reading.stamp.mtime_ns);
    w.signed_number(reading.stamp.ctime_ns);
    write_parsed(w, *reading.parsed);
  }
}

template <typename Parsed>
std::vector<typename StampedReadings<Parsed>::Stamped> read_readings(Reader& r) {
  std::vector<typename StampedReadings<Parsed>::Stamped> readings(r.count(7));
  for (auto& reading : readings) {
    reading.path = r.text();
    r.file = reading.path;
    reading.stamp.device = r.number();
    reading.stamp.inode = r.number();
    reading.stamp.size = r.number();
    reading.stamp.mtime_ns = r.signed_number();
    reading.stamp.ctime_ns = r.signed_number();
    auto parsed = std::make_shared<Parsed>();
    read_parsed(r, *parsed);
    reading.parsed = std::move(parsed);
  }
  return readings;
}

// Written within a clock tick of the build's start, a file may have been written again since
// without a new stamp: it is read again.
template <typename Stamped, typename Parsed>
std::size_t trust_readings(std::vector<Stamped>& readings, std::int64_t dated_ns,
                           StampedReadings<Parsed>& cache) {
  std::size_t added = 0;
  for (Stamped& reading : readings) {
    if (reading.stamp.mtime_ns >= dated_ns - kStampSettleNanoseconds) continue;
    cache.store(reading.path, reading.stamp, std::move(reading.parsed));
    ++added;
  }
  return added;
}

}  // namespace

std::string format_source_record(const SourceCache& cache, std::string_view program) {
  Writer w;
  w.out += kHeader;
  w.out += program;
  w.out += '\n';
  write_readings(w, cache.markdown);
  write_readings(w, cache.legi);
  write_git(w, cache.git.get());
  return std::move(w.out);
}

std::size_t read_source_record(std::string_view text, std::string_view program,
                               std::int64_t dated_ns, SourceCache& cache) {
  if (!text.starts_with(kHeader)) return 0;
  text.remove_prefix(kHeader.size());
  if (!text.starts_with(program) || text.substr(program.size(), 1) != "\n") return 0;
  Reader r(text.substr(program.size() + 1));
  auto markdown = read_readings<ParsedMarkdown>(r);
  auto legi = read_readings<ParsedLegi>(r);
  auto git = read_git(r);
  if (!r.done()) return 0;
  // A commit never changes: its reading needs no stamp.
  cache.git = std::move(git);
  return trust_readings(markdown, dated_ns, cache.markdown) +
         trust_readings(legi, dated_ns, cache.legi) + (cache.git ? 1 : 0);
}

}  // namespace legisite
