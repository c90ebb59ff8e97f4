// The reader of a whole code in one Markdown file (Archéo Lex), from strings: sections opened by
// headings of any depth, articles and their text, the diagnostics of a bad article number, the
// HTML cache shared by successive states of one code, and where the layout places such a file.
//
// The real excerpts come from the Archéo Lex repository of the Code de la propriété
// intellectuelle (../shared/corpus/git/archeolex-cpi.bundle), file
// code_de_la_propriété_intellectuelle.md at commit 965657a43044 ("Version consolidée au 8 juin
// 2018") unless said otherwise; each constant names the lines it copies. They are copied here
// rather than read from the bundle so that these tests need neither git nor the corpus.

#include "sources/whole_code_markdown.h"

#include <catch2/catch.hpp>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "io/file_system.h"
#include "sources/content_layout.h"

namespace legisite::whole_code_markdown_test {
namespace {

const std::string kFile = "code_de_la_propriété_intellectuelle.md";
const std::string kCode = "Code de la propriété intellectuelle";

// The paragraphs of L111-1 (lines 13, 15, 17 and 19): an article of several paragraphs.
const std::string kL111_1[] = {
    "L'auteur d'une oeuvre de l'esprit jouit sur cette oeuvre, du seul fait de sa création, d'un "
    "droit de propriété incorporelle exclusif et opposable à tous.",
    "Ce droit comporte des attributs d'ordre intellectuel et moral ainsi que des attributs d'ordre "
    "patrimonial, qui sont déterminés par les livres Ier et III du présent code.",
    "L'existence ou la conclusion d'un contrat de louage d'ouvrage ou de service par l'auteur "
    "d'une "
    "oeuvre de l'esprit n'emporte pas dérogation à la jouissance du droit reconnu par le premier "
    "alinéa, sous réserve des exceptions prévues par le présent code. Sous les mêmes réserves, il "
    "n'est pas non plus dérogé à la jouissance de ce même droit lorsque l'auteur de l'oeuvre de "
    "l'esprit est un agent de l'Etat, d'une collectivité territoriale, d'un établissement public à "
    "caractère administratif, d'une autorité administrative indépendante dotée de la personnalité "
    "morale ou de la Banque de France.",
    "Les dispositions des articles L. 121-7-1 et L. 131-3-1 à L. 131-3-3 ne s'appliquent pas aux "
    "agents auteurs d'oeuvres dont la divulgation n'est soumise, en vertu de leur statut ou des "
    "règles qui régissent leurs fonctions, à aucun contrôle préalable de l'autorité hiérarchique.",
};
const std::string kL111_2 =
    "L'oeuvre est réputée créée, indépendamment de toute divulgation publique, du seul fait de la "
    "réalisation, même inachevée, de la conception de l'auteur.";

// Lines 1 to 23: the start of the file, five headings down to the first two articles.
const std::string kCodeStart =
    "# Partie législative\n"
    "\n"
    "## Première partie : La propriété littéraire et artistique\n"
    "\n"
    "### Livre Ier : Le droit d'auteur\n"
    "\n"
    "#### Titre Ier : Objet du droit d'auteur\n"
    "\n"
    "##### Chapitre Ier : Nature du droit d'auteur\n"
    "\n"
    "###### Article L111-1\n"
    "\n" +
    kL111_1[0] + "\n\n" + kL111_1[1] + "\n\n" + kL111_1[2] + "\n\n" + kL111_1[3] +
    "\n"
    "\n"
    "###### Article L111-2\n"
    "\n" +
    kL111_2 + "\n";

// Lines 7103 to 7127: the start of the Partie réglementaire, whose first article R111-1 has eight
// short paragraphs.
const std::string kRegulatoryStart =
    "# Partie réglementaire\n"
    "\n"
    "## Livre Ier : Le droit d'auteur\n"
    "\n"
    "### Titre Ier : Objet du droit d'auteur\n"
    "\n"
    "#### Chapitre Ier : Nature du droit d'auteur\n"
    "\n"
    "##### Article R111-1\n"
    "\n"
    "Les redevances visées à l'article L. 111-4 (alinéa 3) du code de la propriété intellectuelle "
    "sont versées à celui des organismes suivants qui est compétent à raison de sa vocation "
    "statutaire, de la nature de l'oeuvre et du mode d'exploitation envisagé :\n"
    "\n"
    "Centre national des lettres ;\n"
    "\n"
    "Société des gens de lettres ;\n"
    "\n"
    "Société des auteurs et compositeurs dramatiques ;\n"
    "\n"
    "Société des auteurs, compositeurs et éditeurs de musique ;\n"
    "\n"
    "Société pour l'administration du droit de reproduction mécanique des auteurs, compositeurs et "
    "éditeurs ;\n"
    "\n"
    "Société des auteurs des arts visuels.\n"
    "\n"
    "Au cas où l'organisme compétent n'accepte pas de recueillir lesdites redevances ou à défaut "
    "d'organisme compétent, ces redevances seront versées à la Caisse des dépôts et "
    "consignations.\n";

// The headings above L132-17-1 (lines 1, 3, 5, 590, 674 to 682 and 832 to 838, joined by blank
// lines): sections of seven and eight '#' and an article of nine.
const std::string kDeepHeadings =
    "# Partie législative\n"
    "\n"
    "## Première partie : La propriété littéraire et artistique\n"
    "\n"
    "### Livre Ier : Le droit d'auteur\n"
    "\n"
    "#### Titre III : Exploitation des droits\n"
    "\n"
    "##### Chapitre II : Dispositions particulières à certains contrats\n"
    "\n"
    "###### Section 1 : Contrat d'édition\n"
    "\n"
    "####### Sous-section 1 : Dispositions générales\n"
    "\n"
    "######## Article L132-1\n"
    "\n"
    "Le contrat d'édition est le contrat par lequel l'auteur d'une oeuvre de l'esprit ou ses "
    "ayants "
    "droit cèdent à des conditions déterminées à une personne appelée éditeur le droit de "
    "fabriquer "
    "ou de faire fabriquer en nombre des exemplaires de l'oeuvre ou de la réaliser ou faire "
    "réaliser sous une forme numérique, à charge pour elle d'en assurer la publication et la "
    "diffusion.\n"
    "\n"
    "####### Sous-section 2 : Dispositions particulières applicables à l'édition d'un livre\n"
    "\n"
    "######## Paragraphe 1 : Dispositions communes à l'édition d'un livre sous une forme imprimée "
    "et sous une forme numérique\n"
    "\n"
    "######### Article L132-17-1\n"
    "\n"
    "Lorsque le contrat d'édition a pour objet l'édition d'un livre à la fois sous une forme "
    "imprimée et sous une forme numérique, les conditions relatives à la cession des droits "
    "d'exploitation sous une forme numérique sont déterminées dans une partie distincte du "
    "contrat, à peine de nullité de la cession de ces droits.\n";

// Lines 7103 and 8006 (the part and book above), then lines 10228 to 10242: Archéo Lex writes
// the chapters of Titre IV at the title's own level, so they follow it as siblings, two of them
// without any article.
const std::string kChaptersBesideTheirTitle =
    "# Partie réglementaire\n"
    "\n"
    "## Livre III : Dispositions générales\n"
    "\n"
    "### Titre IV : Droits des producteurs de bases de données\n"
    "\n"
    "#### Article R341-1\n"
    "\n"
    "L'exception prévue au 3° de l'article L. 342-3 s'exerce dans les conditions définies aux "
    "articles R. 122-13 à R. 122-22.\n"
    "\n"
    "### Chapitre Ier : Champ d'application\n"
    "\n"
    "### Chapitre II : Etendue de la protection\n"
    "\n"
    "### Chapitre III : Procédures et sanctions\n"
    "\n"
    "#### Article R343-1\n"
    "\n"
    "Le délai prévu au dernier alinéa de l'article L. 343-2 et imparti au demandeur pour se "
    "pourvoir au fond par la voie civile ou pénale, ou déposer une plainte auprès du procureur de "
    "la République, est de vingt jours ouvrables ou de trente et un jours civils si ce délai est "
    "plus long, à compter de la date de l'ordonnance.\n";

// Lines 14152 and 14180 to 14182 (R623-30 under its sub-section), shared by both states below.
const std::string kBeforeRedevances =
    "###### Sous-section 3 : Délivrance des certificats d'obtention végétale\n"
    "\n"
    "####### Article R623-30\n"
    "\n"
    "Le responsable des missions relevant de l'instance nationale des obtentions végétales n'est "
    "tenu de conserver les demandes de certificats d'obtention végétale que pendant une période de "
    "dix ans après l'extinction des droits attachés aux certificats correspondants.\n"
    "\n";
// R623-31, unchanged between the two states (lines 14201 to 14207 at 965657a, 14186 to 14192 at
// 8f80484).
const std::string kR623_31 =
    "####### Article R623-31\n"
    "\n"
    "La redevance annuelle prévue au deuxième alinéa de l'article L. 623-16 est exigible pour la "
    "première fois à la date de la délivrance du certificat d'obtention végétale. Elle doit être "
    "versée dans les deux mois de la notification qui est faite par l'instance nationale des "
    "obtentions végétales au propriétaire du certificat d'obtention végétale.\n"
    "\n"
    "Pour les années suivantes, elle vient à échéance le dernier jour du mois de la date "
    "anniversaire de la délivrance du certificat d'obtention végétale.\n"
    "\n"
    "Lorsqu'à partir de la deuxième année le paiement de la redevance annuelle n'a pas été "
    "effectué à l'échéance telle qu'elle est définie ci-dessus, ladite redevance peut encore "
    "valablement être versée dans un délai supplémentaire de six mois moyennant le paiement d'une "
    "redevance de retard.\n";
// Commit 8f80484 ("Version consolidée au 3 juin 2018"), lines 14184 and 14185.
const std::string kRedevances3Juin2018 = "###### Sous-section 4 : Redevances annuelles\n\n";
// Commit 965657a, lines 14184 to 14200: the sub-section renamed and D623-30-1 added, with a list.
const std::string kRedevances8Juin2018 =
    "###### Sous-section 4 : Redevances\n"
    "\n"
    "####### Article D623-30-1\n"
    "\n"
    "Le barème des redevances pour service rendu prévues au premier alinéa de l'article L. 623-16 "
    "est fixé par arrêté des ministres chargés du budget et de l'agriculture.\n"
    "\n"
    "Ce barème détermine le montant des redevances correspondant aux frais exposés par l'instance "
    "nationale des obtentions végétales pour :\n"
    "\n"
    "- l'instruction de la demande, en fonction de l'espèce concernée si l'examen est réalisé en "
    "France ;\n"
    "- la délivrance du titre ;\n"
    "- le maintien de la validité des certificats ;\n"
    "- les autres actes accomplis en vue de la tenue des registres.\n"
    "\n"
    "Il peut prévoir le paiement d'un droit supplémentaire en cas de retard de paiement.\n"
    "\n"
    "L'arrêté des ministres chargés du budget et de l'agriculture précise en outre les conditions "
    "dans lesquelles le demandeur s'acquitte des frais exposés par l'instance nationale des "
    "obtentions végétales lorsqu'elle confie l'examen d'une variété au service compétent d'un "
    "autre Etat ou d'une organisation intergouvernementale membre de l'Union internationale pour "
    "la protection des obtentions végétales.\n"
    "\n";

/// What one read gave.
struct Read {
  std::vector<ArticleRecord> records;
  Diagnostics diagnostics;
  std::string report() const { return format_all(diagnostics); }
};

Read read(std::string_view text, const std::vector<SectionRef>& sections_above = {},
          MarkdownHtmlCache* cache = nullptr) {
  Read r;
  read_whole_code_markdown(text, kFile, kCode, sections_above, r.records, r.diagnostics, cache);
  return r;
}

std::vector<std::string> numbers(const Read& r) {
  std::vector<std::string> out;
  for (const ArticleRecord& record : r.records) out.push_back(record.number.text());
  return out;
}

// A section path as one line, "title (order)" each, with the id when there is one: a failure
// then shows which level differs, where a vector of SectionRef would print as {?}.
std::string path_of(const std::vector<SectionRef>& path) {
  std::string out;
  for (const SectionRef& s : path) {
    if (!out.empty()) out += " > ";
    out += s.title + " (" + std::to_string(s.order) + ")";
    if (!s.legi_id.empty()) out += " [" + s.legi_id + "]";
  }
  return out;
}

// The sections above the CPI's first book, as path_of writes them.
const std::string kLivre1 =
    "Partie législative (0) > Première partie : La propriété littéraire et artistique (0) > "
    "Livre Ier : Le droit d'auteur (0)";

std::string paragraphs(std::initializer_list<std::string> texts) {
  std::string html;
  for (const std::string& t : texts) html += "<p>" + t + "</p>\n";
  return html;
}

TEST_CASE("the first headings of the Code de la propriété intellectuelle nest its first articles",
          "[sources][whole_code]") {
  Read r = read(kCodeStart);
  CHECK(r.report() == "");
  REQUIRE(numbers(r) == std::vector<std::string>{"L111-1", "L111-2"});
  const std::string path = kLivre1 +
                           " > Titre Ier : Objet du droit d'auteur (0) > Chapitre Ier : Nature du "
                           "droit d'auteur (0)";
  for (const ArticleRecord& record : r.records) {
    CHECK(record.code_title == kCode);
    CHECK(path_of(record.section_path) == path);
  }
  const ArticleRecord& l1 = r.records[0];
  const ArticleRecord& l2 = r.records[1];
  CHECK(l1.order == 0);
  CHECK(l2.order == 1);
  CHECK(l1.version.origin == SourceLocation{kFile, 11, 0});
  CHECK(l2.version.origin == SourceLocation{kFile, 21, 0});
  CHECK(l1.version.format == SourceFormat::kMarkdown);
  CHECK(l1.version.has_text);
  CHECK(l1.version.text_html == paragraphs({kL111_1[0], kL111_1[1], kL111_1[2], kL111_1[3]}));
  CHECK(l2.version.text_html == paragraphs({kL111_2}));
  // The file gives no ids, dates, state, nota or links: none is made up.
  CHECK(l1.code_legi_id == "");
  CHECK(l1.cid == "");
  CHECK(l1.version.id == "");
  CHECK_FALSE(l1.version.start.known());
  CHECK_FALSE(l1.version.end.known());
  CHECK(l1.version.status == ArticleStatus::kUnknown);
  CHECK(l1.version.nota_html == "");
  CHECK(l1.version.links.empty());
}

TEST_CASE("a level-one heading closes every section of the part before it",
          "[sources][whole_code]") {
  Read r = read(kCodeStart + "\n" + kRegulatoryStart);
  CHECK(r.report() == "");
  REQUIRE(numbers(r) == std::vector<std::string>{"L111-1", "L111-2", "R111-1"});
  const ArticleRecord& r1 = r.records[2];
  // Livre Ier and the rest have the titles of the legislative part's but are new sections of the
  // second part, each the first of its parent.
  CHECK(path_of(r1.section_path) ==
        "Partie réglementaire (1) > Livre Ier : Le droit d'auteur (0) > Titre Ier : Objet du droit "
        "d'auteur (0) > Chapitre Ier : Nature du droit d'auteur (0)");
  CHECK(r1.order == 0);
  CHECK(r1.version.origin.line == 33);
  CHECK(r1.version.text_html ==
        paragraphs({"Les redevances visées à l'article L. 111-4 (alinéa 3) du code de la propriété "
                    "intellectuelle sont versées à celui des organismes suivants qui est compétent "
                    "à raison de sa vocation statutaire, de la nature de l'oeuvre et du mode "
                    "d'exploitation envisagé :",
                    "Centre national des lettres ;", "Société des gens de lettres ;",
                    "Société des auteurs et compositeurs dramatiques ;",
                    "Société des auteurs, compositeurs et éditeurs de musique ;",
                    "Société pour l'administration du droit de reproduction mécanique des auteurs, "
                    "compositeurs et éditeurs ;",
                    "Société des auteurs des arts visuels.",
                    "Au cas où l'organisme compétent n'accepte pas de recueillir lesdites "
                    "redevances ou à défaut d'organisme compétent, ces redevances seront versées à "
                    "la Caisse des dépôts et consignations."}));
  // L111-2's text stops at the blank line before the new part.
  CHECK(r.records[1].version.text_html == paragraphs({kL111_2}));
}

TEST_CASE("headings deeper than six '#' open sections and articles like shallower ones",
          "[sources][whole_code]") {
  Read r = read(kDeepHeadings);
  CHECK(r.report() == "");
  REQUIRE(numbers(r) == std::vector<std::string>{"L132-1", "L132-17-1"});
  const std::string above = kLivre1 +
                            " > Titre III : Exploitation des droits (0) > Chapitre II : "
                            "Dispositions particulières à certains contrats (0) > Section 1 : "
                            "Contrat d'édition (0)";
  CHECK(path_of(r.records[0].section_path) ==
        above + " > Sous-section 1 : Dispositions générales (0)");
  // The second sub-section (seven '#') closes the first and its article (eight '#'), and is the
  // second child of Section 1.
  CHECK(path_of(r.records[1].section_path) ==
        above +
            " > Sous-section 2 : Dispositions particulières applicables à l'édition d'un livre (1)"
            " > Paragraphe 1 : Dispositions communes à l'édition d'un livre sous une forme "
            "imprimée et sous une forme numérique (0)");
  CHECK(r.records[0].order == 0);
  CHECK(r.records[1].order == 0);
  CHECK(r.records[0].version.origin.line == 15);
  CHECK(r.records[1].version.origin.line == 23);
  CHECK(r.records[1].version.text_html ==
        paragraphs({"Lorsque le contrat d'édition a pour objet l'édition d'un livre à la fois sous "
                    "une forme imprimée et sous une forme numérique, les conditions relatives à la "
                    "cession des droits d'exploitation sous une forme numérique sont déterminées "
                    "dans une partie distincte du contrat, à peine de nullité de la cession de ces "
                    "droits."}));
}

TEST_CASE("chapters written at their title's level follow it and those without articles vanish",
          "[sources][whole_code]") {
  Read r = read(kChaptersBesideTheirTitle);
  CHECK(r.report() == "");
  REQUIRE(numbers(r) == std::vector<std::string>{"R341-1", "R343-1"});
  // R341-1 sits right under its title; R343-1 under the third chapter, a sibling of the title as
  // the file's levels say, the two empty chapters still counted in the order.
  CHECK(path_of(r.records[0].section_path) ==
        "Partie réglementaire (0) > Livre III : Dispositions générales (0) > Titre IV : Droits "
        "des producteurs de bases de données (0)");
  CHECK(path_of(r.records[1].section_path) ==
        "Partie réglementaire (0) > Livre III : Dispositions générales (0) > Chapitre III : "
        "Procédures et sanctions (3)");
  CHECK(r.records[0].version.text_html ==
        paragraphs({"L'exception prévue au 3° de l'article L. 342-3 s'exerce dans les conditions "
                    "définies aux articles R. 122-13 à R. 122-22."}));
  CHECK(r.records[1].version.origin.line == 17);
}

TEST_CASE("articles and sections share one order within their parent in file order",
          "[sources][whole_code]") {
  // Numbers out of code order stay in file order: the file is the table of contents.
  Read r = read(
      "# Titre 1\n"
      "## Article 10\n"
      "## Chapitre 1\n"
      "### Article 2\n"
      "## Article 3\n"
      "# Article 1\n"
      "# Titre 2\n"
      "##### Section profonde\n"
      "### Article 4\n");
  CHECK(r.report() == "");
  REQUIRE(numbers(r) == std::vector<std::string>{"10", "2", "3", "1", "4"});
  CHECK(path_of(r.records[0].section_path) == "Titre 1 (0)");
  CHECK(r.records[0].order == 0);
  CHECK(path_of(r.records[1].section_path) == "Titre 1 (0) > Chapitre 1 (1)");
  CHECK(r.records[1].order == 0);
  // "## Article 3" closes Chapitre 1 (same level) and comes third in Titre 1.
  CHECK(path_of(r.records[2].section_path) == "Titre 1 (0)");
  CHECK(r.records[2].order == 2);
  // An article at the top level closes Titre 1 and takes the code's next order.
  CHECK(path_of(r.records[3].section_path) == "");
  CHECK(r.records[3].order == 1);
  // An article shallower than the open section closes it and sits in the one above.
  CHECK(path_of(r.records[4].section_path) == "Titre 2 (2)");
  CHECK(r.records[4].order == 1);
}

TEST_CASE("the sections above the file come first in every article's section path",
          "[sources][whole_code]") {
  const std::vector<SectionRef> above = {{"Partie législative", "LEGISCTA000006089696", 0},
                                         {"Livre 1", "", 4}};
  Read r = read(kCodeStart, above);
  CHECK(r.report() == "");
  REQUIRE(r.records.size() == 2);
  // The file's own top heading is the first child of the last folder: its order starts at 0.
  CHECK(path_of(r.records[1].section_path) ==
        "Partie législative (0) [LEGISCTA000006089696] > Livre 1 (4) > Partie législative (0) > "
        "Première partie : La propriété littéraire et artistique (0) > Livre Ier : Le droit "
        "d'auteur (0) > Titre Ier : Objet du droit d'auteur (0) > Chapitre Ier : Nature du droit "
        "d'auteur (0)");
  // An article before any heading of the file sits right in the folders.
  Read single = read("# Article L1\n\nTexte.\n", above);
  REQUIRE(single.records.size() == 1);
  CHECK(single.records[0].section_path == above);
  CHECK(single.records[0].order == 0);
}

TEST_CASE("text before the first heading or under a section heading belongs to no article",
          "[sources][whole_code]") {
  Read r = read(
      "Préambule sans titre.\n"
      "\n"
      "# Titre Ier\n"
      "\n"
      "Une note du titre.\n"
      "\n"
      "## Article 1\n"
      "\n"
      "Premier alinéa.\n"
      "\n"
      "## Chapitre Ier\n"
      "\n"
      "Une note du chapitre.\n");
  CHECK(r.report() == "");
  REQUIRE(numbers(r) == std::vector<std::string>{"1"});
  CHECK(r.records[0].version.text_html == "<p>Premier alinéa.</p>\n");
}

TEST_CASE("an article without text has none and so has one of blank lines",
          "[sources][whole_code]") {
  Read r = read(
      "# Titre\n"
      "## Article 1\n"
      "## Article 2\n"
      "\n"
      "   \n"
      "\t\n"
      "## Article 3\n"
      "Texte.\n"
      "## Article 4");  // the last line, with no end of line
  CHECK(r.report() == "");
  REQUIRE(numbers(r) == std::vector<std::string>{"1", "2", "3", "4"});
  for (const ArticleRecord* empty : {&r.records[0], &r.records[1], &r.records[3]}) {
    INFO("article " << empty->number.text());
    CHECK_FALSE(empty->version.has_text);
    CHECK(empty->version.text_html == "");
  }
  CHECK(r.records[2].version.has_text);
  CHECK(r.records[2].version.text_html == "<p>Texte.</p>\n");
  CHECK(r.records[3].version.origin.line == 9);
}

TEST_CASE("a file of one article gives one record with no section of its own",
          "[sources][whole_code]") {
  // Line 21 of the file onwards, as a file of its own.
  Read r = read("###### Article L111-2\n\n" + kL111_2 + "\n");
  CHECK(r.report() == "");
  REQUIRE(numbers(r) == std::vector<std::string>{"L111-2"});
  CHECK(r.records[0].code_title == kCode);
  CHECK(r.records[0].section_path.empty());
  CHECK(r.records[0].order == 0);
  CHECK(r.records[0].version.origin == SourceLocation{kFile, 1, 0});
  CHECK(r.records[0].version.text_html == paragraphs({kL111_2}));
  // Nothing at all gives nothing.
  CHECK(read("").records.empty());
  CHECK(read("# Partie législative\n\nPas d'article.\n").records.empty());
}

TEST_CASE("an article heading without a valid number is reported there and its text skipped",
          "[sources][whole_code]") {
  std::vector<ArticleRecord> records;
  Diagnostics diagnostics;
  read_whole_code_markdown(
      "# Titre Ier\n"
      "\n"
      "## Article ../x\n"
      "\n"
      "Texte perdu.\n"
      "\n"
      "## Article 2\n"
      "\n"
      "Texte gardé.\n"
      "\n"
      "### Article ---\n"
      "Encore perdu.\n"
      "#### Article\t.\n",
      "cpi/code.md", "Code", {}, records, diagnostics);
  CHECK(diagnostics.error_count() == 3);
  CHECK(diagnostics.warning_count() == 0);
  CHECK(format_all(diagnostics) ==
        "cpi/code.md:3:12: error: invalid article number '../x': an article number cannot start "
        "with '.'\n"
        "    ## Article ../x\n"
        "               ^\n"
        "cpi/code.md:11:13: error: invalid article number '---': an article number needs at "
        "least one letter or digit\n"
        "    ### Article ---\n"
        "                ^\n"
        "cpi/code.md:13:14: error: invalid article number '': the article number is empty\n"
        "    #### Article\t.\n"
        "                \t^\n");  // the caret keeps the line's tab, to sit under the '.'

  // The bad headings still close the sections at their level, but take no order and give their
  // text to no one: article 2 keeps its own text only.
  REQUIRE(records.size() == 1);
  CHECK(records[0].number.text() == "2");
  CHECK(path_of(records[0].section_path) == "Titre Ier (0)");
  CHECK(records[0].order == 0);
  CHECK(records[0].version.origin == SourceLocation{"cpi/code.md", 7, 0});
  CHECK(records[0].version.text_html == "<p>Texte gardé.</p>\n");
}

TEST_CASE("only a heading of Article and a number opens an article", "[sources][whole_code]") {
  Read r = read(
      "# Articles L1 à L3\n"
      "## Article\n"
      "### ARTICLE L. 1 ###\n"
      "#Article 2\n"
      "###\tArticle\tL2\n"
      "    # Article L3\n");
  CHECK(r.report() == "");
  // "Article" alone and "Articles …" title sections. "L. 1" is spelled as the other sources
  // spell it and a closing sequence is not part of the heading. As in Markdown, '#' without a
  // space is text and a line indented by four spaces is code.
  REQUIRE(numbers(r) == std::vector<std::string>{"L1", "L2"});
  CHECK(path_of(r.records[0].section_path) == "Articles L1 à L3 (0) > Article (0)");
  CHECK(r.records[0].version.text_html == "<p>#Article 2</p>\n");
  CHECK(path_of(r.records[1].section_path) == "Articles L1 à L3 (0) > Article (0)");
  CHECK(r.records[1].version.text_html == "<pre><code># Article L3\n</code></pre>\n");
}

TEST_CASE("a file with Windows line ends or a byte order mark reads as a plain one",
          "[sources][whole_code]") {
  std::string crlf;
  for (char c : kCodeStart) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  for (const std::string& text : {crlf, "\xEF\xBB\xBF" + kCodeStart}) {
    Read plain = read(kCodeStart);
    Read other = read(text);
    CHECK(other.report() == "");
    REQUIRE(numbers(other) == numbers(plain));
    for (std::size_t i = 0; i < other.records.size(); ++i) {
      CHECK(other.records[i].section_path == plain.records[i].section_path);
      CHECK(other.records[i].version.origin == plain.records[i].version.origin);
      CHECK(other.records[i].version.text_html == plain.records[i].version.text_html);
    }
  }
}

TEST_CASE("the HTML cache gives an unchanged article's text to the next state of the code",
          "[sources][whole_code]") {
  // Two states of the code from its git history: on 8 June 2018 D623-30-1 came in and its
  // sub-section was renamed, while R623-31 did not change.
  const std::string june_3 = kBeforeRedevances + kRedevances3Juin2018 + kR623_31;
  const std::string june_8 = kBeforeRedevances + kRedevances8Juin2018 + kR623_31;
  MarkdownHtmlCache cache;
  Read first = read(june_3, {}, &cache);
  CHECK(first.report() == "");
  REQUIRE(numbers(first) == std::vector<std::string>{"R623-30", "R623-31"});
  CHECK(cache.size() == 2);
  CHECK(path_of(first.records[1].section_path) == "Sous-section 4 : Redevances annuelles (1)");

  // A marker in place of R623-31's cached HTML shows whether the second read rendered it again.
  const std::string r623_31_html = first.records[1].version.text_html;
  bool marked = false;
  for (auto& [markdown, html] : cache) {
    if (html != r623_31_html) continue;
    html = "<p>from the cache</p>\n";
    marked = true;
  }
  REQUIRE(marked);

  Read second = read(june_8, {}, &cache);
  CHECK(second.report() == "");
  REQUIRE(numbers(second) == std::vector<std::string>{"R623-30", "D623-30-1", "R623-31"});
  CHECK(cache.size() == 3);
  CHECK(second.records[2].version.text_html == "<p>from the cache</p>\n");
  CHECK(path_of(second.records[2].section_path) == "Sous-section 4 : Redevances (1)");
  CHECK(second.records[0].version.text_html == first.records[0].version.text_html);
  CHECK(second.records[1].version.text_html ==
        "<p>Le barème des redevances pour service rendu prévues au premier alinéa de l'article "
        "L. 623-16 est fixé par arrêté des ministres chargés du budget et de l'agriculture.</p>\n"
        "<p>Ce barème détermine le montant des redevances correspondant aux frais exposés par "
        "l'instance nationale des obtentions végétales pour :</p>\n"
        "<ul>\n"
        "<li>l'instruction de la demande, en fonction de l'espèce concernée si l'examen est "
        "réalisé en France ;</li>\n"
        "<li>la délivrance du titre ;</li>\n"
        "<li>le maintien de la validité des certificats ;</li>\n"
        "<li>les autres actes accomplis en vue de la tenue des registres.</li>\n"
        "</ul>\n"
        "<p>Il peut prévoir le paiement d'un droit supplémentaire en cas de retard de "
        "paiement.</p>\n"
        "<p>L'arrêté des ministres chargés du budget et de l'agriculture précise en outre les "
        "conditions dans lesquelles le demandeur s'acquitte des frais exposés par l'instance "
        "nationale des obtentions végétales lorsqu'elle confie l'examen d'une variété au service "
        "compétent d'un autre Etat ou d'une organisation intergouvernementale membre de l'Union "
        "internationale pour la protection des obtentions végétales.</p>\n");

  // Without a cache the same read renders R623-31 itself.
  Read uncached = read(june_8);
  CHECK(uncached.records[2].version.text_html == r623_31_html);
}

TEST_CASE("text left out of the HTML is warned about where the cache first met it",
          "[sources][whole_code]") {
  const std::string text =
      "# Titre\n"
      "## Article 1\n"
      "Avant.\n"
      "\n"
      "La formule <math><mi>x</mi></math> est omise.\n";
  const std::string warning =
      "code_de_la_propriété_intellectuelle.md:5:1: warning: the text inside <math> is left out\n"
      "    La formule <math><mi>x</mi></math> est omise.\n"
      "    ^\n"
      "  note: left out: \"x\"\n";
  // Without a cache each read warns.
  CHECK(read(text).report() == warning);
  CHECK(read(text).report() == warning);
  MarkdownHtmlCache cache;
  Read first = read(text, {}, &cache);
  CHECK(first.report() == warning);
  Read second = read(text, {}, &cache);
  CHECK(second.report() == "");
  REQUIRE(second.records.size() == 1);
  CHECK(second.records[0].version.text_html == first.records[0].version.text_html);
  CHECK(first.records[0].version.text_html == "<p>Avant.</p>\n<p>La formule  est omise.</p>\n");
}

TEST_CASE("a whole code is told from an article file by its article headings",
          "[sources][whole_code]") {
  CHECK(is_whole_code_markdown(kCodeStart));
  CHECK(is_whole_code_markdown(kDeepHeadings));
  // One article under a heading of another kind is still a code.
  CHECK(is_whole_code_markdown("# Partie législative\n\n## Article L1\n"));
  CHECK(is_whole_code_markdown("# Articles L1 à L3\n\n## Article L1\n"));
  // Two articles make a code whatever comes first, at any depth, with any line ends.
  CHECK(is_whole_code_markdown("# Article L1\n\nTexte.\n\n# Article L2\n"));
  CHECK(is_whole_code_markdown("####### Article L1\n######## Article L2\n"));
  CHECK(is_whole_code_markdown("# Article L1\r\n# Article L2\r\n"));
  // An article heading with a bad number still counts: the reader reports it.
  CHECK(is_whole_code_markdown("# Article ../x\n# Article L2\n"));
  // A byte order mark is skipped, as the reader skips it.
  CHECK(is_whole_code_markdown("\xEF\xBB\xBF# Livre Ier\n\n## Article 1\n\nTexte.\n"));
  // One article file, with its sub-headings or its front matter, is not a code.
  CHECK_FALSE(is_whole_code_markdown("# Article L1\n\nTexte.\n"));
  CHECK_FALSE(is_whole_code_markdown("# Article L1\n\n## Notes\n\nTexte.\n"));
  CHECK_FALSE(is_whole_code_markdown("---\nnum: L1\n---\n# Article L1\n"));
  CHECK_FALSE(is_whole_code_markdown("# Partie législative\n\nPas d'article.\n"));
  CHECK_FALSE(is_whole_code_markdown(""));
  // Only ATX headings with a space after the '#' count.
  CHECK_FALSE(is_whole_code_markdown("#Article L1\n#Article L2\n"));
  CHECK_FALSE(is_whole_code_markdown("Article L1\n==========\n\nArticle L2\n==========\n"));
}

TEST_CASE("a code's title is made from its file name", "[sources][whole_code]") {
  CHECK(code_title_from_file_name(kFile) == kCode);
  CHECK(code_title_from_file_name("code_civil.MD") == "Code civil");
  CHECK(code_title_from_file_name("Code du travail") == "Code du travail");
  CHECK(code_title_from_file_name("code_de_l'éducation.md") == "Code de l'éducation");
  CHECK(code_title_from_file_name("code_civil_.md") == "Code civil");
  // Spaces are trimmed and joined before the first letter is made a capital.
  CHECK(code_title_from_file_name("_code_civil.md") == "Code civil");
  CHECK(code_title_from_file_name("code__civil.md") == "Code civil");
}

TEST_CASE("at the content root a whole code is titled by its file name", "[sources][whole_code]") {
  // The Archéo Lex repository: its README.md has no front matter, so the root is no code.
  MemoryFileSystem files;
  files.add_file("README.md",
                 "[English below]\n\nCe dépôt Git comprend les différentes versions du Code de la "
                 "propriété intellectuelle français (CPI), depuis sa création en 1992.\n");
  files.add_file(kFile, kCodeStart);
  Diagnostics diagnostics;
  std::size_t files_read = 0;
  ContentLayout layout = ContentLayout::read(files, {"README.md", kFile}, diagnostics, files_read);
  CHECK(format_all(diagnostics) == "");
  CHECK_FALSE(layout.root_is_code());
  ContentPath place = layout.classify(kFile);
  CHECK(place.role == MarkdownRole::kArticle);
  WholeCodePlace code = place_whole_code(layout, place, kFile);
  CHECK(code.code_title == kCode);
  CHECK(code.sections_above.empty());
  // The default layout says the same.
  ContentLayout none;
  WholeCodePlace civil = place_whole_code(none, none.classify("code_civil.md"), "code_civil.md");
  CHECK(civil.code_title == "Code civil");
  CHECK(civil.sections_above.empty());
}

TEST_CASE("inside a code folder a whole code belongs to the folder's code below its sections",
          "[sources][whole_code]") {
  MemoryFileSystem files;
  files.add_file("cpi/_index.md", "---\ntitle: " + kCode + "\nid: LEGITEXT000006069414\n---\n");
  files.add_file("cpi/Partie réglementaire/_index.md", "---\nid: LEGISCTA000006094003\n---\n");
  files.add_file("cpi/Partie législative/L111-1.md", "# Article L111-1\n");
  files.add_file("cpi/Partie réglementaire/Livre 1/archeo_lex.md", kRegulatoryStart);
  files.add_file("Code civil/code.md", "# Article 1\n\n# Article 2\n");
  const std::vector<std::string> paths = {
      "cpi/_index.md", "cpi/Partie réglementaire/_index.md", "cpi/Partie législative/L111-1.md",
      "cpi/Partie réglementaire/Livre 1/archeo_lex.md", "Code civil/code.md"};
  Diagnostics diagnostics;
  std::size_t files_read = 0;
  ContentLayout layout = ContentLayout::read(files, paths, diagnostics, files_read);
  CHECK(format_all(diagnostics) == "");

  const std::string path = "cpi/Partie réglementaire/Livre 1/archeo_lex.md";
  WholeCodePlace code = place_whole_code(layout, layout.classify(path), path);
  // The code folder's title, not one made from "archeo_lex.md"; the folders' titles (the last
  // from its name), ids and ranks: Partie réglementaire comes after Partie législative.
  CHECK(code.code_title == kCode);
  CHECK(path_of(code.sections_above) ==
        "Partie réglementaire (1) [LEGISCTA000006094003] > Livre 1 (0)");

  // The file's own headings follow the folders.
  Read r = read(kRegulatoryStart, code.sections_above);
  REQUIRE(numbers(r) == std::vector<std::string>{"R111-1"});
  CHECK(path_of(r.records[0].section_path) ==
        "Partie réglementaire (1) [LEGISCTA000006094003] > Livre 1 (0) > Partie réglementaire "
        "(0) > Livre Ier : Le droit d'auteur (0) > Titre Ier : Objet du droit d'auteur (0) > "
        "Chapitre Ier : Nature du droit d'auteur (0)");

  // Without an _index.md the code is named after its folder.
  WholeCodePlace civil =
      place_whole_code(layout, layout.classify("Code civil/code.md"), "Code civil/code.md");
  CHECK(civil.code_title == "Code civil");
  CHECK(civil.sections_above.empty());
}

TEST_CASE("in a root that is one code a whole code takes that code's title",
          "[sources][whole_code]") {
  // A README.md whose front matter names a code (Tricoteuses') makes the root that code.
  MemoryFileSystem files;
  files.add_file("README.md",
                 "---\nNature: CODE\nIdentifiant: LEGITEXT000006069414\n---\n# " + kCode + "\n");
  files.add_file("tout.md", kCodeStart);
  files.add_file("Partie réglementaire/tout.md", kRegulatoryStart);
  Diagnostics diagnostics;
  std::size_t files_read = 0;
  ContentLayout layout = ContentLayout::read(
      files, {"README.md", "tout.md", "Partie réglementaire/tout.md"}, diagnostics, files_read);
  CHECK(format_all(diagnostics) == "");
  REQUIRE(layout.root_is_code());
  WholeCodePlace at_root = place_whole_code(layout, layout.classify("tout.md"), "tout.md");
  CHECK(at_root.code_title == kCode);
  CHECK(at_root.sections_above.empty());
  WholeCodePlace below = place_whole_code(layout, layout.classify("Partie réglementaire/tout.md"),
                                          "Partie réglementaire/tout.md");
  CHECK(below.code_title == kCode);
  CHECK(path_of(below.sections_above) == "Partie réglementaire (0)");

  // --code-title makes the root one code too, whatever the file is called.
  ContentLayout named;
  named.make_root_one_code("Constitution du 4 octobre 1958");
  WholeCodePlace constitution =
      place_whole_code(named, named.classify("constitution.md"), "constitution.md");
  CHECK(constitution.code_title == "Constitution du 4 octobre 1958");
  CHECK(constitution.sections_above.empty());
}

}  // namespace
}  // namespace legisite::whole_code_markdown_test
