#include "sources/legi_xml.h"

#include <algorithm>
#include <array>
#include <pugixml.hpp>
#include <tuple>

#include "html/html_sanitizer.h"
#include "text/ascii.h"
#include "text/line_index.h"
#include "text/visible_text.h"

namespace legisite {

namespace {

// parse_ws_pcdata keeps the spaces between inline elements of CONTENU ("<i>a</i> <b>b</b>"),
// which the default options would drop. Navigation below always asks for elements by name, so
// the extra whitespace nodes are harmless elsewhere.
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata;

constexpr std::array<std::string_view, 11> kEtatValues = {
    "VIGUEUR",   "VIGUEUR_DIFF", "ABROGE", "ABROGE_DIFF", "MODIFIE", "MODIFIE_MORT_NE",
    "TRANSFERE", "PERIME",       "ANNULE", "DISJOINT",    "DEPLACE"};

void append_text(pugi::xml_node node, std::string& out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
      out += child.value();
    else if (child.type() == pugi::node_element)
      append_text(child, out);
  }
}

// All the text below an element, whitespace collapsed ("" for a missing element).
std::string text_of(pugi::xml_node node) {
  std::string raw;
  append_text(node, raw);
  return collapse_whitespace(raw);
}

std::string attribute(pugi::xml_node node, const char* name) {
  return collapse_whitespace(node.attribute(name).value());
}

// pugixml's printer writes into any sink; this one appends to a string.
struct StringWriter final : pugi::xml_writer {
  std::string out;
  void write(const void* data, size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
};

// The markup inside an element (CONTENU holds HTML as XML elements), re-serialised as text for
// the sanitizer.
// HTML's void elements: written `<br/>`, they have no end tag.
bool is_void_element(std::string_view name) {
  static constexpr std::string_view kVoid[] = {"area",   "base",  "br",    "col",  "embed",
                                               "hr",     "img",   "input", "link", "meta",
                                               "source", "track", "wbr"};
  return std::find(std::begin(kVoid), std::end(kVoid), name) != std::end(kVoid);
}

// pugixml prints an element without children as `<sup/>`, which HTML reads as a start tag: the
// words after an empty `<sup></sup>` or `<a></a>` of the source would become superscript or link
// text. An empty text child makes it print `<sup></sup>`.
struct EmptyElementsKeptClosed : pugi::xml_tree_walker {
  bool for_each(pugi::xml_node& node) override {
    if (node.type() == pugi::node_element && !node.first_child() && !is_void_element(node.name()))
      node.append_child(pugi::node_pcdata);
    return true;
  }
};

std::string inner_xml(pugi::xml_node node) {
  EmptyElementsKeptClosed closed;
  node.traverse(closed);
  StringWriter writer;
  for (pugi::xml_node child : node.children())
    child.print(writer, "", pugi::format_raw, pugi::encoding_utf8);
  return std::move(writer.out);
}

bool is_break_tag(std::string_view tag) {
  return tag == "<br>" || tag == "<br/>" || tag == "<br />";
}

// Turns pugixml's byte offsets into 1-based line:column over the buffer it parsed (columns count
// UTF-8 code points, as the formatter's caret does), and reports with the source line attached.
class XmlReader {
 public:
  XmlReader(std::string_view buffer, const std::string& file, Diagnostics& diagnostics)
      : lines_(buffer), file_(file), diagnostics_(diagnostics) {}

  SourceLocation at_offset(std::ptrdiff_t offset) const {
    if (offset < 0) return {file_, 0, 0};
    std::size_t off = std::min(static_cast<std::size_t>(offset), lines_.text().size());
    return {file_, lines_.line_of(off), lines_.column_of(off)};
  }

  // An element is located at its '<' (pugixml gives the offset of its name); text at its first
  // character.
  SourceLocation at(pugi::xml_node node) const {
    std::ptrdiff_t offset = node.offset_debug();
    if (node.type() == pugi::node_element && offset > 0) --offset;
    return at_offset(offset);
  }

  // Where the text of an element starts, or the element itself when it has no text.
  SourceLocation at_text_of(pugi::xml_node element) const {
    for (pugi::xml_node child : element.children())
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        // Point at the first visible character, not at DILA's indentation.
        std::ptrdiff_t offset = child.offset_debug();
        const char* v = child.value();
        if (offset >= 0)
          while (*v && is_space(*v)) ++v, ++offset;
        if (*v) return at_offset(offset);
      }
    return at(element);
  }

  void report(Severity severity, SourceLocation where, std::string message,
              std::vector<std::string> notes = {}) {
    std::string source_line(lines_.line(where.line));
    diagnostics_.report({severity,
                         std::move(where),
                         std::move(message),
                         std::move(source_line),
                         std::move(notes),
                         {}});
  }
  void error(SourceLocation where, std::string message, std::vector<std::string> notes = {}) {
    report(Severity::kError, std::move(where), std::move(message), std::move(notes));
  }
  void warning(SourceLocation where, std::string message, std::vector<std::string> notes = {}) {
    report(Severity::kWarning, std::move(where), std::move(message), std::move(notes));
  }

  const std::string& file() const { return file_; }

 private:
  LineIndex lines_;
  const std::string& file_;
  Diagnostics& diagnostics_;
};

// Warns about the text the sanitiser left out of CONTENU: at the element that began it when it is
// one, else at CONTENU.
void report_html_loss(XmlReader& r, pugi::xml_node contenu, const HtmlLoss& loss) {
  if (loss.empty()) return;
  pugi::xml_node where = contenu;
  if (!loss.element.empty() && loss.element.find_first_of("<!") == std::string::npos) {
    pugi::xml_node found = contenu.find_node([&](pugi::xml_node n) {
      return n.type() == pugi::node_element && lower(n.name()) == loss.element;
    });
    if (found) where = found;
  }
  for (auto& [message, note] : loss.messages()) r.warning(r.at(where), message, {note});
}

// Sanitised CONTENU, without the line breaks and indentation older DILA texts put around the
// text ("<br/>   La fabrication … finances.<br/><br/>"): they would show as blank lines.
std::string contenu_html(XmlReader& r, pugi::xml_node contenu) {
  if (!contenu) return {};
  HtmlLoss loss;
  std::string html = sanitize_legifrance_html(inner_xml(contenu), loss);
  report_html_loss(r, contenu, loss);
  if (visible_text(html).empty()) return {};  // `<br/>` alone shows nothing
  std::string_view rest = html;
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1), trimmed = true;
    while (!rest.empty() && is_space(rest.back())) rest.remove_suffix(1), trimmed = true;
    if (std::size_t close = rest.find('>');
        close != std::string_view::npos && is_break_tag(rest.substr(0, close + 1)))
      rest.remove_prefix(close + 1), trimmed = true;
    if (std::size_t open = rest.rfind('<');
        open != std::string_view::npos && is_break_tag(rest.substr(open)))
      rest.remove_suffix(rest.size() - open), trimmed = true;
  }
  return std::string(rest);
}

// The deepest element that exists along `path` below `root`: where a missing element should have
// been, for the diagnostic's location.
pugi::xml_node deepest_along(pugi::xml_node root, std::string_view path) {
  pugi::xml_node node = root;
  while (!path.empty()) {
    std::size_t slash = path.find('/');
    std::string name(path.substr(0, slash));
    pugi::xml_node next = node.child(name.c_str());
    if (!next) break;
    node = next;
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
  }
  return node;
}

// The text of the element at `path` below `root`. pugixml answers "" for a missing element, so a
// required one is checked here: missing or blank, it is reported (located where it should be)
// and nullopt returned.
std::optional<std::string> required_text(XmlReader& r, pugi::xml_node root, const char* path,
                                         std::string_view consequence) {
  pugi::xml_node element = root.first_element_by_path(path);
  std::string value = text_of(element);
  if (!value.empty()) return value;
  std::string_view name = path;
  name = name.substr(name.rfind('/') + 1);
  r.error(r.at(element ? element : deepest_along(root, path)),
          std::string(root.name()) + " has no " + std::string(name) + " (" + path + "); " +
              std::string(consequence));
  return std::nullopt;
}

// A date written as element text; a value that is not `YYYY-MM-DD` is an error and leaves the
// date unknown. 2999-01-01 (no end) and 2222-02-22 (deferred) are ordinary dates here.
Date date_of_element(XmlReader& r, pugi::xml_node element) {
  std::string value = text_of(element);
  if (value.empty()) return {};
  if (auto date = Date::parse(value)) return *date;
  r.error(r.at_text_of(element),
          std::string(element.name()) + " '" + value + "' is not a date (expected YYYY-MM-DD)");
  return {};
}

// A date in an attribute of a list or link entry. These do not date the version itself, so a bad
// one is a warning; the entry is kept with the date unknown.
Date date_of_attribute(XmlReader& r, pugi::xml_node element, const char* name) {
  std::string value = attribute(element, name);
  if (value.empty()) return {};
  if (auto date = Date::parse(value)) return *date;
  r.warning(r.at(element), std::string(element.name()) + "@" + name + " '" + value +
                               "' is not a date (expected YYYY-MM-DD)");
  return {};
}

// An ETAT element: missing, empty or unknown is an error and leaves the state unknown.
ArticleStatus status_of(XmlReader& r, pugi::xml_node root, const char* path) {
  auto value = required_text(r, root, path, "state left unknown");
  if (!value) return ArticleStatus::kUnknown;
  // Only the LEGI codes: parse_status also reads French labels, which a LEGI file never has.
  bool known = std::find(kEtatValues.begin(), kEtatValues.end(), *value) != kEtatValues.end();
  if (auto status = parse_status(*value); known && status) return *status;
  std::vector<std::string> notes;
  std::string_view best;
  std::size_t best_distance = 3;  // suggest only close spellings
  for (std::string_view candidate : kEtatValues) {
    std::string upper = *value;
    for (char& c : upper) c = legisite::upper(c);
    std::size_t d = edit_distance(upper, candidate);
    if (d < best_distance) best_distance = d, best = candidate;
  }
  if (!best.empty()) notes.push_back("did you mean " + std::string(best) + "?");
  r.error(r.at_text_of(root.first_element_by_path(path)),
          "unknown ETAT '" + *value +
              "'; state left unknown (expected VIGUEUR, VIGUEUR_DIFF, ABROGE, ABROGE_DIFF, "
              "MODIFIE, MODIFIE_MORT_NE, TRANSFERE, PERIME, ANNULE, DISJOINT or DEPLACE)",
          std::move(notes));
  return ArticleStatus::kUnknown;
}

// Among elements that each hold one dated title (TITRE_TXT, TITRE_TM: a section renamed over
// time has several in one TM), the one in force on `date`; else the latest to start; else the
// first. Keeps the section path of an old version as it read then.
pugi::xml_node title_for_date(XmlReader& r,
                              pugi::xml_object_range<pugi::xml_named_node_iterator> all,
                              Date date) {
  pugi::xml_node in_force, latest, first;
  Date latest_start;
  for (pugi::xml_node node : all) {
    if (!first) first = node;
    Date start = date_of_attribute(r, node, "debut");
    Date end = date_of_attribute(r, node, "fin");
    bool starts = !start.known() || start <= date;
    bool ends_after = !end.known() || date < end;
    if (date.known() && starts && ends_after) in_force = node;
    if (start.known() && (!latest || latest_start <= start)) latest = node, latest_start = start;
  }
  if (in_force) return in_force;
  return latest ? latest : first;
}

// CONTEXTE/TEXTE: the code an article or section belongs to, and the section path down to it.
struct Context {
  std::string text_id;
  std::string text_title;
  std::vector<SectionRef> path;
};

Context context_of(XmlReader& r, pugi::xml_node root, Date date) {
  Context c;
  pugi::xml_node texte = root.first_element_by_path("CONTEXTE/TEXTE");
  c.text_id = attribute(texte, "cid");
  pugi::xml_node titre = title_for_date(r, texte.children("TITRE_TXT"), date);
  c.text_title = text_of(titre);
  if (c.text_title.empty()) c.text_title = attribute(titre, "c_titre_court");
  if (c.text_title.empty()) c.text_title = attribute(titre, "id_txt");
  // The path is nested: each TM holds the titles of one level and the TM of the next.
  std::size_t depth = 0;
  pugi::xml_node too_deep;
  for (pugi::xml_node tm = texte.child("TM"); tm; tm = tm.child("TM")) {
    if (++depth > kMaxSectionDepth) {
      if (!too_deep) too_deep = tm;
      continue;
    }
    pugi::xml_node t = title_for_date(r, tm.children("TITRE_TM"), date);
    c.path.push_back(SectionRef{text_of(t), attribute(t, "id"), -1});
  }
  if (too_deep)
    r.error(r.at(too_deep), "CONTEXTE/TEXTE/TM nests " + std::to_string(depth) +
                                " sections deep, more than the " +
                                std::to_string(kMaxSectionDepth) +
                                " levels sections may nest; placed in its section at level " +
                                std::to_string(kMaxSectionDepth));
  return c;
}

LegiEntry entry_of(XmlReader& r, pugi::xml_node node, std::string_view inherited_state = {}) {
  LegiEntry e;
  std::string_view name = node.name();
  e.kind = name == "LIEN_SECTION_TA" ? LegiEntry::Kind::kSection
           : name == "LIEN_TXT"      ? LegiEntry::Kind::kText
                                     : LegiEntry::Kind::kArticle;
  e.id = attribute(node, "id");
  e.number = attribute(node, "num");
  e.title = text_of(node);
  e.state = attribute(node, "etat");
  if (e.state.empty()) e.state = std::string(inherited_state);
  e.start = date_of_attribute(r, node, "debut");
  e.end = date_of_attribute(r, node, "fin");
  e.level = node.attribute("niv").as_int(0);
  e.origin = attribute(node, "origine");
  e.where = r.at(node);
  return e;
}

std::vector<LegiEntry> versions_of(XmlReader& r, pugi::xml_node versions, const char* link_name) {
  std::vector<LegiEntry> out;
  for (pugi::xml_node version : versions.children("VERSION"))
    for (pugi::xml_node link : version.children(link_name))
      out.push_back(entry_of(r, link, attribute(version, "etat")));
  return out;
}

// STRUCTURE_TA and STRUCT: sections and articles in one list, whose order is the table of
// contents' order.
std::vector<LegiEntry> children_of(XmlReader& r, pugi::xml_node list) {
  std::vector<LegiEntry> out;
  for (pugi::xml_node child : list.children()) {
    if (child.type() != pugi::node_element) continue;
    std::string_view name = child.name();
    if (name == "LIEN_SECTION_TA" || name == "LIEN_ART") out.push_back(entry_of(r, child));
  }
  return out;
}

// A LIEN's label reads "<text title> - art. <number> (<status mark>)", e.g. "Décret n°2007-1574
// du 6 novembre 2007 - art. 1 (V)"; the mark is short (V, M, Ab, VT, MMN…), which tells it from
// a parenthesised remark such as "(validation)".
void split_label(const std::string& label, Link& link) {
  std::string text = label;
  if (!text.empty() && text.back() == ')') {
    std::size_t open = text.rfind('(');
    if (open != std::string::npos) {
      std::string mark = text.substr(open + 1, text.size() - open - 2);
      bool letters =
          !mark.empty() && mark.size() <= 4 && std::all_of(mark.begin(), mark.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
          });
      if (letters) {
        link.status_mark = mark;
        text = collapse_whitespace(text.substr(0, open));
      }
    }
  }
  link.text = text;
  std::size_t art = text.rfind(" - art.");
  if (art == std::string::npos) {
    link.text_title = text;
    return;
  }
  link.text_title = collapse_whitespace(text.substr(0, art));
  if (link.article_number.empty())
    link.article_number =
        collapse_whitespace(text.substr(art + std::string_view(" - art.").size()));
}

Link link_of(XmlReader& r, pugi::xml_node lien) {
  Link link;
  link.link_type = attribute(lien, "typelien");
  link.direction = attribute(lien, "sens");
  link.group = legi_link_group(link.link_type, link.direction);
  link.label = std::string(link_group_label(link.group));
  link.article_number = attribute(lien, "num");
  link.target_id = attribute(lien, "id");
  if (link.target_id.empty()) link.target_id = attribute(lien, "cidtexte");
  std::string label = text_of(lien);
  if (label.empty()) {
    // No label: name the text from its nature and number ("DECRET 2004-1136").
    label = collapse_whitespace(attribute(lien, "naturetexte") + " " + attribute(lien, "numtexte"));
  }
  split_label(label, link);
  name_bare_article(link);
  // Codes are "signed" on 2999-01-01 in LEGI: that sentinel says "no date", not a date.
  Date signed_on = date_of_attribute(r, lien, "datesignatexte");
  if (!signed_on.is_no_end()) link.date = signed_on;
  link.text_signed = link.date;
  link.text_cid = attribute(lien, "cidtexte");
  link.text_nature = attribute(lien, "naturetexte");
  link.text_nor = attribute(lien, "nortexte");
  link.where = r.at(lien);
  return link;
}

// The article's stable identity: its earliest version (start date, then id; undated last), as
// Légifrance's API names an article by its first version (`cid`).
std::string earliest_version(const std::string& own_id, Date own_start,
                             const std::vector<LegiEntry>& versions) {
  auto key = [](Date d, const std::string& id) { return std::make_tuple(!d.known(), d, id); };
  auto best = key(own_start, own_id);
  for (const auto& v : versions)
    if (!v.id.empty() && key(v.start, v.id) < best) best = key(v.start, v.id);
  return std::get<2>(best);
}

std::optional<LegiArticle> read_article(XmlReader& r, pugi::xml_node root) {
  LegiArticle out;
  Version& version = out.record.version;
  version.format = SourceFormat::kLegiXml;
  version.origin = r.at(root);

  auto id = required_text(r, root, "META/META_COMMUN/ID", "file skipped");
  auto num = required_text(r, root, "META/META_SPEC/META_ARTICLE/NUM", "file skipped");
  if (num) {
    if (std::string problem = problem_with(*num); !problem.empty()) {
      r.error(r.at_text_of(root.first_element_by_path("META/META_SPEC/META_ARTICLE/NUM")),
              "NUM '" + *num + "' cannot be an article number: " + problem + "; file skipped");
      num.reset();
    }
  }
  version.status = status_of(r, root, "META/META_SPEC/META_ARTICLE/ETAT");
  if (required_text(r, root, "META/META_SPEC/META_ARTICLE/DATE_DEBUT", "start date left unknown"))
    version.start =
        date_of_element(r, root.first_element_by_path("META/META_SPEC/META_ARTICLE/DATE_DEBUT"));
  if (pugi::xml_node fin = root.first_element_by_path("META/META_SPEC/META_ARTICLE/DATE_FIN"))
    version.end = date_of_element(r, fin);

  out.ancien_id = text_of(root.first_element_by_path("META/META_COMMUN/ANCIEN_ID"));
  out.nature = text_of(root.first_element_by_path("META/META_COMMUN/NATURE"));
  out.type = text_of(root.first_element_by_path("META/META_SPEC/META_ARTICLE/TYPE"));

  Context context = context_of(r, root, version.start);
  if (context.text_id.empty() && context.text_title.empty()) {
    r.error(r.at(deepest_along(root, "CONTEXTE/TEXTE")),
            "ARTICLE has no CONTEXTE/TEXTE naming its code (@cid or TITRE_TXT); file skipped");
    return std::nullopt;
  }
  if (!id || !num) return std::nullopt;

  out.versions = versions_of(r, root.child("VERSIONS"), "LIEN_ART");
  version.id = *id;
  version.text_html = contenu_html(r, root.first_element_by_path("BLOC_TEXTUEL/CONTENU"));
  version.has_text = !version.text_html.empty();
  version.nota_html = contenu_html(r, root.first_element_by_path("NOTA/CONTENU"));
  for (pugi::xml_node lien : root.child("LIENS").children("LIEN"))
    version.links.push_back(link_of(r, lien));

  out.record.code_legi_id = context.text_id;
  // Without a title the code is named by its id until the loader finds its TEXTE_VERSION.
  out.record.code_title = context.text_title.empty() ? context.text_id : context.text_title;
  out.record.section_path = std::move(context.path);
  out.record.number = ArticleNumber(*num);
  out.record.cid = earliest_version(version.id, version.start, out.versions);
  return out;
}

std::optional<LegiSection> read_section(XmlReader& r, pugi::xml_node root) {
  LegiSection out;
  out.where = r.at(root);
  auto id = required_text(r, root, "ID", "file skipped");
  if (!id) return std::nullopt;
  out.id = *id;
  out.title = text_of(root.child("TITRE_TA"));
  if (out.title.empty())
    r.warning(r.at(deepest_along(root, "TITRE_TA")),
              "SECTION_TA has no TITRE_TA; the section is titled from its articles");
  // A section's context has no date of its own: the titles that started last.
  Context context = context_of(r, root, Date());
  out.text_id = std::move(context.text_id);
  out.text_title = std::move(context.text_title);
  out.parents = std::move(context.path);
  out.children = children_of(r, root.child("STRUCTURE_TA"));
  return out;
}

/// What a text's structure and its versions both open with: id, cid (the id when absent) and
/// nature; false, with an error, when the file has no id.
template <typename TextFile>
bool read_text_meta(XmlReader& r, pugi::xml_node root, TextFile& out) {
  out.where = r.at(root);
  auto id = required_text(r, root, "META/META_COMMUN/ID", "file skipped");
  if (!id) return false;
  out.id = *id;
  pugi::xml_node chronicle = root.first_element_by_path("META/META_SPEC/META_TEXTE_CHRONICLE");
  out.cid = text_of(chronicle.child("CID"));
  if (out.cid.empty()) out.cid = out.id;
  out.nature = text_of(root.first_element_by_path("META/META_COMMUN/NATURE"));
  // The day DILA last changed the text: a whole code's data date, as a dump's dateModif.
  if (pugi::xml_node modified = chronicle.child("DERNIERE_MODIFICATION"))
    out.last_modified = date_of_element(r, modified);
  return true;
}

std::optional<LegiTextStructure> read_structure(XmlReader& r, pugi::xml_node root) {
  LegiTextStructure out;
  if (!read_text_meta(r, root, out)) return std::nullopt;
  out.versions = versions_of(r, root.child("VERSIONS"), "LIEN_TXT");
  out.children = children_of(r, root.child("STRUCT"));
  return out;
}

std::optional<LegiTextVersion> read_text_version(XmlReader& r, pugi::xml_node root) {
  LegiTextVersion out;
  if (!read_text_meta(r, root, out)) return std::nullopt;
  pugi::xml_node meta = root.first_element_by_path("META/META_SPEC/META_TEXTE_VERSION");
  out.title = text_of(meta.child("TITRE"));
  out.full_title = text_of(meta.child("TITREFULL"));
  if (out.title.empty() && out.full_title.empty())
    r.warning(r.at(meta ? meta : deepest_along(root, "META/META_SPEC/META_TEXTE_VERSION")),
              "TEXTE_VERSION has no TITRE; the code is titled from its articles");
  if (meta.child("ETAT")) out.status = status_of(r, root, "META/META_SPEC/META_TEXTE_VERSION/ETAT");
  if (pugi::xml_node debut = meta.child("DATE_DEBUT")) out.start = date_of_element(r, debut);
  if (pugi::xml_node fin = meta.child("DATE_FIN")) out.end = date_of_element(r, fin);
  return out;
}

// Parses and dispatches on the root element; `expected`, when given, names the only kind the
// caller accepts.
std::optional<LegiDocument> parse(std::string_view xml, const std::string& file,
                                  Diagnostics& diagnostics, std::string_view expected) {
  XmlReader r(xml, file, diagnostics);
  pugi::xml_document doc;
  pugi::xml_parse_result result =
      doc.load_buffer(xml.data(), xml.size(), kParseOptions, pugi::encoding_utf8);
  if (!result) {
    r.error(r.at_offset(result.offset),
            std::string("XML is not well-formed: ") + result.description());
    return std::nullopt;
  }
  pugi::xml_node root = doc.document_element();
  std::string_view name = root.name();
  if (!expected.empty() && name != expected) {
    r.error(r.at(root),
            "expected <" + std::string(expected) + ">, found <" + std::string(name) + ">");
    return std::nullopt;
  }
  if (name == "ARTICLE") {
    if (auto a = read_article(r, root)) return LegiDocument(std::move(*a));
  } else if (name == "SECTION_TA") {
    if (auto s = read_section(r, root)) return LegiDocument(std::move(*s));
  } else if (name == "TEXTELR") {
    if (auto s = read_structure(r, root)) return LegiDocument(std::move(*s));
  } else if (name == "TEXTE_VERSION") {
    if (auto v = read_text_version(r, root)) return LegiDocument(std::move(*v));
  } else {
    r.warning(r.at(root), "unsupported LEGI document " + std::string(name) + "; skipped");
  }
  return std::nullopt;
}

template <class T>
std::optional<T> parse_as(std::string_view xml, const std::string& file, Diagnostics& diagnostics,
                          std::string_view root) {
  auto doc = parse(xml, file, diagnostics, root);
  if (!doc) return std::nullopt;
  return std::get<T>(std::move(*doc));
}

}  // namespace

// What `sens` means depends on `typelien`; checked on the real files (the CIMM article 1, the
// CASF's Annexe 2-4) and against Légifrance's display of the same articles:
// - CITATION: "source" = this article cites the other ("Cite"); "cible" = the other cites this
//   one ("Cité par": CSS D821-1 cites CASF Annexe 2-4, and Annexe 2-4's file says cible).
// - CREATION, MODIFICATION, ABROGATION, CODIFICATION, RATIFICATION, TRANSFERE/TRANSFERT: "source"
//   = the other text acts on this article ("Créé par", "Modifié par"…: the 2007 decree modifying
//   Annexe 2-4 is sens="source"); "cible" = this article acts on the other, which Légifrance shows
//   among plain "Liens" with the type.
// - CONCORDANCE/CONCORDE: "source" = the other is this article's successor ("Nouveaux textes":
//   repealed CIMM art. 1 -> Code monétaire et financier L121-2); "cible" = its predecessor.
// So "source" is not "this article is the subject of the verb": for CITATION it is, for the
// amending types it is the object. Anything else (SPEC_APPLI, PILOTE_SUIVEUR, no sens…) is
// kept under "Liens" with its type, never dropped.
LinkGroup legi_link_group(std::string_view typelien, std::string_view sens) {
  const bool source = sens == "source";
  const bool cible = sens == "cible";
  if (typelien == "CITATION") {
    if (source) return LinkGroup::kCites;
    if (cible) return LinkGroup::kCitedBy;
    return LinkGroup::kLinks;
  }
  if (typelien == "CONCORDANCE" || typelien == "CONCORDE") {
    if (source) return LinkGroup::kNewTexts;
    if (cible) return LinkGroup::kOldTexts;
    return LinkGroup::kLinks;
  }
  if (!source) return LinkGroup::kLinks;
  if (typelien == "CREATION") return LinkGroup::kCreatedBy;
  if (typelien == "MODIFICATION") return LinkGroup::kModifiedBy;
  if (typelien == "ABROGATION") return LinkGroup::kAbrogatedBy;
  if (typelien == "CODIFICATION") return LinkGroup::kCodifiedBy;
  if (typelien == "RATIFICATION") return LinkGroup::kRatifiedBy;
  if (typelien == "TRANSFERE" || typelien == "TRANSFERT") return LinkGroup::kTransferredBy;
  return LinkGroup::kLinks;
}

std::optional<LegiDocument> parse_legi_document(std::string_view xml, const std::string& file,
                                                Diagnostics& diagnostics) {
  return parse(xml, file, diagnostics, {});
}

std::optional<LegiArticle> parse_legi_article(std::string_view xml, const std::string& file,
                                              Diagnostics& diagnostics) {
  return parse_as<LegiArticle>(xml, file, diagnostics, "ARTICLE");
}

std::optional<LegiSection> parse_legi_section(std::string_view xml, const std::string& file,
                                              Diagnostics& diagnostics) {
  return parse_as<LegiSection>(xml, file, diagnostics, "SECTION_TA");
}

std::optional<LegiTextStructure> parse_legi_structure(std::string_view xml, const std::string& file,
                                                      Diagnostics& diagnostics) {
  return parse_as<LegiTextStructure>(xml, file, diagnostics, "TEXTELR");
}

std::optional<LegiTextVersion> parse_legi_text_version(std::string_view xml,
                                                       const std::string& file,
                                                       Diagnostics& diagnostics) {
  return parse_as<LegiTextVersion>(xml, file, diagnostics, "TEXTE_VERSION");
}

}  // namespace legisite
