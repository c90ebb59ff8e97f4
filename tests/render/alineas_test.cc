// Alinéas (issue 13, point 3): each one's content is wrapped in the element its anchor names,
// whatever the structure the source gives it. Real cases are short excerpts of
// ../shared/corpus/legifrance-json/css-2026-03-14.json (JSON path of the article's texteHtml
// noted), passed through the sanitiser as the build does.

#include "render/alineas.h"

#include <catch2/catch.hpp>
#include <string>

#include "html/html_sanitizer.h"

namespace legisite::alineas_test {
namespace {

std::string anchored(std::string_view source) { return with_alinea_anchors(sanitize_html(source)); }

TEST_CASE("a paragraph's alinéa is wrapped inside the paragraph", "[render][alineas]") {
  CHECK(with_alinea_anchors("<p>Premier alinéa.</p><p>Deuxième.</p>") ==
        "<p><span class=\"alinea\" id=\"alinea-1\">Premier alinéa.</span></p>"
        "<p><span class=\"alinea\" id=\"alinea-2\">Deuxième.</span></p>");
  // Markup opening the paragraph goes inside, so that "I." is part of the alinéa it starts.
  CHECK(with_alinea_anchors("<p><strong>I.</strong> - Texte.</p>") ==
        "<p><span class=\"alinea\" id=\"alinea-1\"><strong>I.</strong> - Texte.</span></p>");
  CHECK(alinea_count("<p>Premier alinéa.</p><p> </p><p></p><p>Deuxième.</p>") == 2);
}

TEST_CASE("each list item is an alinéa, a nested list's items too", "[render][alineas]") {
  CHECK(with_alinea_anchors("<ul><li>1° a ;<ul><li>b ;</li></ul></li><li>2° c.</li></ul>") ==
        "<ul><li><span class=\"alinea\" id=\"alinea-1\">1° a ;</span><ul><li><span "
        "class=\"alinea\" id=\"alinea-2\">b ;</span></li></ul></li><li><span class=\"alinea\" "
        "id=\"alinea-3\">2° c.</span></li></ul>");
}

TEST_CASE("lines after a break inside one paragraph are alinéas of their own",
          "[render][alineas]") {
  // R381-5: $.children[1].children[2].children[7].children[1].children[1].children[0].data
  // .texteHtml (shortened).
  CHECK(anchored("<p>Les personnes mentionnées à l'article L. 381-2 sont affiliées par la caisse "
                 "territorialement compétente. Toutefois :<br/><br/>\n 1° La personne ayant la "
                 "charge d'un enfant handicapé est affiliée ;<br/><br/>\n 2° La personne "
                 "apportant son aide est affiliée à sa demande.</p>") ==
        "<p><span class=\"alinea\" id=\"alinea-1\">Les personnes mentionnées à l'article L. "
        "381-2 sont affiliées par la caisse territorialement compétente. Toutefois :</span><br "
        "/><br />\n <span class=\"alinea\" id=\"alinea-2\">1° La personne ayant la charge "
        "d'un enfant handicapé est affiliée ;</span><br /><br />\n <span class=\"alinea\" "
        "id=\"alinea-3\">2° La personne apportant son aide est affiliée à sa demande.</span></p>");
}

TEST_CASE("loose text between empty paragraphs is wrapped", "[render][alineas]") {
  // R932-2-4: $.children[1].children[8].children[2].children[1].children[1].children[3].data
  // .texteHtml (the link's address shortened).
  CHECK(anchored("<p></p>L'absence matérielle des éléments d'information prévus au III de "
                 "l'article <a href=\"/affichCodeArticle.do?idArticle=LEGIARTI000006745733\">L. "
                 "932-15-1</a> est punie de la peine d'amende.<p></p><p></p>") ==
        "<p></p><span class=\"alinea\" id=\"alinea-1\">L'absence matérielle des éléments "
        "d'information prévus au III de l'article <a "
        "href=\"/affichCodeArticle.do?idArticle=LEGIARTI000006745733\">L. 932-15-1</a> est "
        "punie de la peine d'amende.</span><p></p><p></p>");
  CHECK(with_alinea_anchors("Texte sans balise") ==
        "<span class=\"alinea\" id=\"alinea-1\">Texte sans balise</span>");
}

TEST_CASE("an inline element across a break is closed before it and opened again after it",
          "[render][alineas]") {
  // Annexe II Tableau n° 24, line 530002 of the dump (texteHtml, shortened).
  CHECK(anchored("<p align=\"center\"><strong><br/>BRUCELLOSES PROFESSIONNELLES</strong>.</p>"
                 "<p></p><p><br/><br/>Date de création : 18 juillet 1945. </p>") ==
        "<p><br /><span class=\"alinea\" id=\"alinea-1\"><strong>BRUCELLOSES "
        "PROFESSIONNELLES</strong>.</span></p><p></p><p><br /><br /><span class=\"alinea\" "
        "id=\"alinea-2\">Date de création : 18 juillet 1945. </span></p>");
  CHECK(with_alinea_anchors("<p><em>a<br />b</em> c</p>") ==
        "<p><span class=\"alinea\" id=\"alinea-1\"><em>a</em></span><br /><span "
        "class=\"alinea\" id=\"alinea-2\"><em>b</em> c</span></p>");
  CHECK(with_alinea_anchors("<p><a href=\"x\">un<br />deux<br /></a></p>") ==
        "<p><span class=\"alinea\" id=\"alinea-1\"><a href=\"x\">un</a></span><br /><span "
        "class=\"alinea\" id=\"alinea-2\"><a href=\"x\">deux</a></span><br /></p>");
  // A link around blocks is repeated in each, never left open across a block.
  CHECK(with_alinea_anchors("<em><p>a</p><p>b</p></em>") ==
        "<p><span class=\"alinea\" id=\"alinea-1\"><em>a</em></span></p><p><span "
        "class=\"alinea\" id=\"alinea-2\"><em>b</em></span></p>");
}

TEST_CASE("a table starts no alinéa and stays outside every alinéa's element",
          "[render][alineas]") {
  // L138-12: $.children[0].children[0].children[2].children[11].children[1].children[3].data
  // .texteHtml (shortened).
  const std::string html = sanitize_html(
      "<p>Le montant total de la contribution est calculé comme suit :</p><center><table "
      "border=\"1\"><tbody><tr><td align=\"left\"><p align=\"center\">CHIFFRE D'AFFAIRES<br/>\n"
      "\t\t\tde l'ensemble des entreprises redevables (CA)</p></td><td align=\"center\"><br/>\n"
      "\t\t\t50 %</td></tr></tbody></table></center><p>La contribution due par chaque "
      "entreprise redevable est déterminée.</p>");
  CHECK(alinea_count(html) == 2);
  CHECK(with_alinea_anchors(html) ==
        "<p><span class=\"alinea\" id=\"alinea-1\">Le montant total de la contribution est "
        "calculé comme suit :</span></p><table id=\"tableau-1\"><tbody><tr><td><p>CHIFFRE "
        "D'AFFAIRES<br />\n"
        "\t\t\tde l'ensemble des entreprises redevables (CA)</p></td><td><br />\n\t\t\t50 "
        "%</td></tr></tbody></table><p><span class=\"alinea\" id=\"alinea-2\">La contribution "
        "due par chaque entreprise redevable est déterminée.</span></p>");
}

TEST_CASE("each table of the text has its own anchor, a nested one none", "[render][alineas]") {
  const std::string html =
      "<p>Barème :</p><table><tr><td><table><tr><td>a</td></tr></table></td></tr></table>"
      "<p>Suite :<br/></p><table><tr><td>b</td></tr></table>";
  CHECK(with_alinea_anchors(html) ==
        "<p><span class=\"alinea\" id=\"alinea-1\">Barème :</span></p><table "
        "id=\"tableau-1\"><tr><td><table><tr><td>a</td></tr></table></td></tr></table><p><span "
        "class=\"alinea\" id=\"alinea-2\">Suite :</span><br/></p><table "
        "id=\"tableau-2\"><tr><td>b</td></tr></table>");
}

TEST_CASE("headings are alinéas and the count matches the anchors", "[render][alineas]") {
  const std::string html = "<h3>Titre</h3>Texte<pre>code</pre><blockquote>cité</blockquote>";
  CHECK(alinea_count(html) == 4);
  CHECK(with_alinea_anchors(html) ==
        "<h3><span class=\"alinea\" id=\"alinea-1\">Titre</span></h3><span class=\"alinea\" "
        "id=\"alinea-2\">Texte</span><pre><span class=\"alinea\" id=\"alinea-3\">code</span>"
        "</pre><blockquote><span class=\"alinea\" id=\"alinea-4\">cité</span></blockquote>");
  CHECK(alinea_count("") == 0);
  CHECK(with_alinea_anchors("") == "");
  CHECK(with_alinea_anchors("<p> </p>") == "<p> </p>");
}

}  // namespace
}  // namespace legisite::alineas_test
