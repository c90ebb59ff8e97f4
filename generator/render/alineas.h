#pragma once
/// Alinéas are what a jurist counts in an article: each paragraph, list item, heading, or line
/// after a <br> that has text, outside tables (a table does not start an alinéa: it is read as
/// part of the alinéa before it). Anchors let a citation ("au deuxième alinéa de l'article
/// L. 133-6") and a reader point at one.

#include <string>
#include <string_view>

namespace legisite {

std::string alinea_anchor(int alinea);  // "alinea-2"
std::string table_anchor(int table);    // "tableau-1"

/// `html` (sanitised: well-formed, known elements) with each alinéa's content wrapped in
/// <span class="alinea" id="alinea-N">…</span>, so that the element a fragment names holds exactly
/// that alinéa: a paragraph's or list item's text, one line of a paragraph split by <br>, or loose
/// text between blocks. An inline element (<strong>, <a>…) that runs across a <br> is closed
/// before the break and opened again after it, so each line's span stays well-formed; tables are
/// left outside every span (a span cannot hold one) and each table of the text (not one nested in
/// another) gets an anchor of its own, <table id="tableau-N">, numbered in the text's order.
/// Text and markup are otherwise unchanged.
std::string with_alinea_anchors(std::string_view html);

/// How many alinéas `html` has, counted as with_alinea_anchors numbers them.
int alinea_count(std::string_view html);

}  // namespace legisite
