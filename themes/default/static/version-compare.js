// Compare any two versions of an article (issue 13, point 8): the word diff of
// resolve/text_diff.cc and the marked text of render/diff_markup.cc, written again in JavaScript
// so that a page can compare two texts the build did not pair (static/compare-versions.js loads
// it on first use). It must give the generator's result: tests/render/version_compare_test.cc
// runs both on every pair of versions of css-history. Offsets are in UTF-16 code units, the
// generator's in bytes: the two agree wherever a count is compared with a limit (see fold).
(function (root) {
  "use strict";

  var KIND_WORD = 0, KIND_PUNCT = 1, KIND_SPACE = 2, KIND_TAG = 3;
  var MAX_EDITS = 1500;
  var MAX_COMPARISONS = 20000000;
  var UNICODE_PUNCT = ["\u00AB", "\u00BB", "\u2013", "\u2014", "\u2026", "\u201C", "\u201D", "\u2018"];
  var SPACE_ENTITIES = ["&nbsp;", "&#160;", "&#xa0;", "&#xA0;", "&#8239;", "&#x202f;", "&#x202F;"];

  function isAlnum(c) { return /^[A-Za-z0-9]$/.test(c); }
  function isDigit(c) { return c >= "0" && c <= "9"; }
  function isAsciiSpace(c) { return c === " " || c === "\t" || c === "\n" || c === "\r"; }
  // text/spaces.h: U+00A0, U+2000 to U+200B, U+202F (the ASCII ones are tested before).
  function isUnicodeSpace(cp) { return cp === 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp === 0x202F; }

  // tokenize_for_diff: words, punctuation marks, runs of space and tags, as {kind, text}.
  function tokenize(html) {
    var tokens = [];
    var wordStart = -1;
    function endWord(at) {
      if (wordStart >= 0) tokens.push({ kind: KIND_WORD, text: html.substring(wordStart, at), at: wordStart });
      wordStart = -1;
    }
    function push(kind, at, length) {
      var last = tokens[tokens.length - 1];
      if (kind === KIND_SPACE && last && last.kind === KIND_SPACE && last.end === at) {
        last.text += html.substr(at, length);
        last.end = at + length;
        return;
      }
      tokens.push({ kind: kind, text: html.substr(at, length), at: at, end: at + length });
    }
    var i = 0;
    while (i < html.length) {
      var c = html[i];
      var code = html.charCodeAt(i);
      if (c === "<") {
        endWord(i);
        var close = html.indexOf(">", i);
        var length = close < 0 ? html.length - i : close + 1 - i;
        push(KIND_TAG, i, length);
        i += length;
      } else if (isAsciiSpace(c)) {
        endWord(i);
        push(KIND_SPACE, i, 1);
        ++i;
      } else if (c === "&") {
        var semi = html.indexOf(";", i);
        var len = semi >= 0 && semi - i <= 10 ? semi + 1 - i : 1;
        var entity = html.substr(i, len);
        if (SPACE_ENTITIES.indexOf(entity) >= 0) {
          endWord(i);
          push(KIND_SPACE, i, len);
        } else if (len > 1 && entity !== "&#39;" && entity !== "&quot;") {
          if (wordStart < 0) wordStart = i;
        } else if (entity === "&#39;" && wordStart >= 0) {
          endWord(i + len);
        } else {
          endWord(i);
          push(KIND_PUNCT, i, len);
        }
        i += len;
      } else if (code >= 0x80) {
        var cp = html.codePointAt(i);
        var n = cp > 0xFFFF ? 2 : 1;
        var ch = html.substr(i, n);
        if (isUnicodeSpace(cp)) {
          endWord(i);
          push(KIND_SPACE, i, n);
        } else if (ch === "\u2019") {
          if (wordStart >= 0) endWord(i + n);
          else push(KIND_PUNCT, i, n);
        } else if (UNICODE_PUNCT.indexOf(ch) >= 0) {
          endWord(i);
          push(KIND_PUNCT, i, n);
        } else if (wordStart < 0) {
          wordStart = i;
        }
        i += n;
      } else if (isAlnum(c)) {
        if (wordStart < 0) wordStart = i;
        ++i;
      } else if (c === "'" && wordStart >= 0) {
        endWord(i + 1);
        ++i;
      } else if ((c === "-" || c === "." || c === ",") && wordStart >= 0 && i + 1 < html.length &&
                 isAlnum(html[i + 1]) &&
                 (c === "-" || (isDigit(html[i - 1]) && isDigit(html[i + 1])))) {
        ++i;
      } else {
        endWord(i);
        push(KIND_PUNCT, i, 1);
        ++i;
      }
    }
    endWord(html.length);
    return tokens;
  }

  var EQUAL = 0, DELETE = 1, INSERT = 2;

  // Myers' greedy shortest edit script, as text_diff.cc: null beyond MAX_EDITS edits or
  // MAX_COMPARISONS comparisons (counted as the generator counts them).
  function myers(a, aFrom, n, b, bFrom, m) {
    var max = Math.min(n + m, MAX_EDITS);
    var offset = max + 1;
    var v = new Int32Array(2 * max + 3);
    var trace = [];
    var found = -1;
    var comparisons = 0;
    for (var d = 0; d <= max && found < 0; ++d) {
      trace.push(v.slice(offset - d, offset + d + 1));
      for (var k = -d; k <= d; k += 2) {
        var x = (k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]))
          ? v[offset + k + 1] : v[offset + k - 1] + 1;
        var y = x - k;
        var start = x;
        while (x < n && y < m && a[aFrom + x] === b[bFrom + y]) { ++x; ++y; }
        comparisons += x - start + 1;
        if (comparisons > MAX_COMPARISONS) return null;
        v[offset + k] = x;
        if (x >= n && y >= m) { found = d; break; }
      }
    }
    if (found < 0) return null;
    var reversed = [];
    var px = n, py = m;
    for (var dd = found; dd > 0; --dd) {
      var before = trace[dd];
      var kk = px - py;
      var vAt = function (q) { return before[q + dd]; };
      var prevK = (kk === -dd || (kk !== dd && vAt(kk - 1) < vAt(kk + 1))) ? kk + 1 : kk - 1;
      var prevX = vAt(prevK);
      var prevY = prevX - prevK;
      while (px > prevX && py > prevY) { --px; --py; reversed.push({ op: EQUAL, a: px, b: py }); }
      if (px === prevX) reversed.push({ op: INSERT, a: 0, b: prevY });
      else reversed.push({ op: DELETE, a: prevX, b: 0 });
      px = prevX;
      py = prevY;
    }
    while (px > 0 && py > 0) { --px; --py; reversed.push({ op: EQUAL, a: px, b: py }); }
    return reversed.reverse();
  }

  function mergeCoincidences(a, steps) {
    for (var pass = 0; pass < 3; ++pass) {
      var changed = false;
      var out = [];
      for (var k = 0; k < steps.length;) {
        if (steps[k].op !== EQUAL) { out.push(steps[k++]); continue; }
        var end = k, words = 0, tag = false;
        while (end < steps.length && steps[end].op === EQUAL) {
          var t = a[steps[end].a];
          if (t.kind === KIND_WORD) ++words;
          tag = tag || t.kind === KIND_TAG;
          ++end;
        }
        var between = k > 0 && end < steps.length;
        if (between && !tag && words <= 2) {
          for (var e = k; e < end; ++e) out.push({ op: DELETE, a: steps[e].a, b: 0 });
          for (var f = k; f < end; ++f) out.push({ op: INSERT, a: 0, b: steps[f].b });
          changed = true;
        } else {
          for (var g = k; g < end; ++g) out.push(steps[g]);
        }
        k = end;
      }
      steps = out;
      if (!changed) break;
    }
    return steps;
  }

  // DiffWriter: runs {kind: "kept"|"removed"|"added", html, offset, position} in the newer
  // text's order; offset: where the run's text starts in its own text (the older one for a
  // removal), position: where it sits in the newer text (DiffRun of model/text_diff.h).
  function writeRuns(a, b, afterLength, keepBeforeTags, steps) {
    var out = { runs: [], wordsAdded: 0, wordsRemoved: 0, punctuationChanged: false,
                spacingChanges: 0, structureChanged: false, beyondBudget: false };
    var removed = [], added = [], nextB = 0, last = null;
    function visible(t) { return t.kind !== KIND_TAG && t.kind !== KIND_SPACE; }
    function bOffset(index) { return index < b.length ? b[index].at : afterLength; }
    function keep(html, offset) {
      if (!html) return;
      var lastRun = out.runs[out.runs.length - 1];
      if (!lastRun || lastRun.kind !== "kept") {
        out.runs.push(lastRun = { kind: "kept", html: "", offset: offset, position: offset });
      }
      lastRun.html += html;
    }
    function keepBUntil(end) {
      for (; nextB < end && nextB < b.length; ++nextB) keep(b[nextB].text, b[nextB].at);
    }
    function write(tokens, from, to, insertion) {
      var kind = insertion ? "added" : "removed";
      var position = bOffset(nextB);
      var open = false, pending = "", pendingAt = 0;
      for (var i = from; i < to; ++i) {
        var t = tokens[i];
        if (t.kind === KIND_SPACE) {
          if (open) {
            if (!pending) pendingAt = t.at;
            pending += t.text;
          } else if (insertion) {
            keep(t.text, t.at);
          }
          continue;
        }
        if (t.kind === KIND_TAG) {
          out.structureChanged = true;
          open = false;
          if (insertion) keep(pending, pendingAt);
          pending = "";
          if (insertion || keepBeforeTags) keep(t.text, insertion ? t.at : position);
          continue;
        }
        if (!open) {
          out.runs.push({ kind: kind, html: "", offset: t.at, position: insertion ? t.at : position });
          open = true;
        }
        out.runs[out.runs.length - 1].html += pending + t.text;
        pending = "";
        if (t.kind === KIND_WORD) {
          if (insertion) ++out.wordsAdded; else ++out.wordsRemoved;
        } else {
          out.punctuationChanged = true;
        }
      }
      if (insertion && pending) keep(pending, pendingAt);
    }
    function flush(nextKept) {
      if (!removed.length && !added.length) return;
      keepBUntil(added.length ? added[0] : nextKept);
      if (removed.length) write(a, removed[0], removed[removed.length - 1] + 1, false);
      if (added.length) {
        write(b, added[0], added[added.length - 1] + 1, true);
        nextB = added[added.length - 1] + 1;
      }
      removed = [];
      added = [];
    }
    steps.forEach(function (s) {
      if (s.op === DELETE) { removed.push(s.a); return; }
      if (s.op === INSERT) { added.push(s.b); return; }
      if (!removed.length && !added.length && last && visible(a[s.a]) && visible(a[last.a]) &&
          ((s.a - last.a > 1) !== (s.b - last.b > 1)))
        ++out.spacingChanges;
      flush(s.b);
      keepBUntil(s.b + 1);
      last = s;
    });
    flush(b.length);
    keepBUntil(b.length);
    return out;
  }

  // Texts that differ past the budget: no runs, the counts of the differing middle (beyond_budget
  // of text_diff.cc); the page shows both versions whole.
  function beyondBudget(a, ia, aFrom, aTo, b, ib, bFrom, bTo) {
    var out = { runs: [], wordsAdded: 0, wordsRemoved: 0, punctuationChanged: false,
                spacingChanges: 0, structureChanged: false, beyondBudget: true };
    function count(tokens, index, from, to) {
      var words = 0;
      for (var i = from; i < to; ++i) {
        var kind = tokens[index[i]].kind;
        if (kind === KIND_WORD) ++words;
        if (kind === KIND_PUNCT) out.punctuationChanged = true;
        if (kind === KIND_TAG) out.structureChanged = true;
      }
      return words;
    }
    out.wordsRemoved = count(a, ia, aFrom, aTo);
    out.wordsAdded = count(b, ib, bFrom, bTo);
    return out;
  }

  // diff_texts: the comparison of two versions' HTML.
  function diffTexts(before, after) {
    var a = tokenize(before), b = tokenize(after);
    var keepBeforeTags = b.every(function (t) { return t.kind === KIND_SPACE; });
    var numbers = new Map();
    function number(tokens) {
      var n = [], index = [];
      tokens.forEach(function (t, i) {
        if (t.kind === KIND_SPACE) return;
        if (!numbers.has(t.text)) numbers.set(t.text, numbers.size);
        n.push(numbers.get(t.text));
        index.push(i);
      });
      return { n: n, index: index };
    }
    var na = number(a), nb = number(b);
    var A = na.n, B = nb.n;
    var prefix = 0;
    while (prefix < A.length && prefix < B.length && A[prefix] === B[prefix]) ++prefix;
    var suffix = 0;
    while (suffix < A.length - prefix && suffix < B.length - prefix &&
           A[A.length - 1 - suffix] === B[B.length - 1 - suffix])
      ++suffix;
    var steps = [];
    for (var i = 0; i < prefix; ++i) steps.push({ op: EQUAL, a: i, b: i });
    var n = A.length - prefix - suffix, m = B.length - prefix - suffix;
    var middle = myers(A, prefix, n, B, prefix, m);
    if (!middle) {
      return beyondBudget(a, na.index, prefix, A.length - suffix, b, nb.index, prefix,
                          B.length - suffix);
    }
    middle.forEach(function (s) { steps.push({ op: s.op, a: s.a + prefix, b: s.b + prefix }); });
    for (var j = 0; j < suffix; ++j)
      steps.push({ op: EQUAL, a: A.length - suffix + j, b: B.length - suffix + j });
    steps.forEach(function (s) {
      if (s.op !== INSERT) s.a = na.index[s.a];
      if (s.op !== DELETE) s.b = nb.index[s.b];
    });
    steps = mergeCoincidences(a, steps);
    return writeRuns(a, b, after.length, keepBeforeTags, steps);
  }

  // ---- render/diff_markup.cc and what it reads: alinéas, visible text, links ----

  function isAlpha(c) { return /^[A-Za-z]$/.test(c); }

  // text/visible_text.cc: tags dropped (a block one read as a space), character references
  // decoded, runs of spaces of any kind as one ' ', none at either end. The sanitised texts
  // write only &amp; &lt; &gt; &quot; and &#39; (and numeric references, decoded here too).
  var INLINE_TAGS = ["a", "em", "strong", "b", "i", "u", "s", "sup", "sub", "span", "code", "abbr",
                     "small"];
  var NAMED = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: "\u00A0" };
  function isInlineTag(tag) {
    var i = tag[0] === "/" ? 1 : 0, end = i;
    while (end < tag.length && isAlnum(tag[end])) ++end;
    return INLINE_TAGS.indexOf(tag.substring(i, end).toLowerCase()) >= 0;
  }
  function isSpaceChar(c) {
    return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" ||
      isUnicodeSpace(c.charCodeAt(0));
  }
  function visibleText(html) {
    var text = "";
    for (var i = 0; i < html.length;) {
      var next = i + 1 < html.length ? html[i + 1] : "";
      var gt = html[i] === "<" && (isAlpha(next) || next === "/" || next === "!")
        ? html.indexOf(">", i) : -1;
      if (gt >= 0) {
        if (!isInlineTag(html.substring(i + 1, gt))) text += " ";
        i = gt + 1;
        continue;
      }
      if (html[i] === "&") {
        var m = /^&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]+));/.exec(html.substr(i, 12));
        if (m && (m[1] || m[2] || NAMED.hasOwnProperty(m[3]))) {
          text += m[3] ? NAMED[m[3]] : String.fromCodePoint(parseInt(m[1] || m[2], m[1] ? 10 : 16));
          i += m[0].length;
          continue;
        }
      }
      text += html[i++];
    }
    var out = "", inSpace = false;
    for (var k = 0; k < text.length; ++k) {
      if (isSpaceChar(text[k])) {
        if (!inSpace) out += " ";
        inSpace = true;
      } else {
        out += text[k];
        inSpace = false;
      }
    }
    if (out[0] === " ") out = out.substring(1);
    if (out[out.length - 1] === " ") out = out.substring(0, out.length - 1);
    return out;
  }
  // The generator counts bytes of UTF-8.
  function utf8Length(s) {
    var n = 0;
    for (var i = 0; i < s.length; ++i) {
      var c = s.charCodeAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : (c >= 0xD800 && c < 0xE000) ? 2 : 3;
    }
    return n;
  }

  // render/alineas.cc alinea_count: paragraphs, list items, headings and lines after <br> that
  // have text, outside tables.
  var BOUNDARIES = ["p", "li", "br", "div", "ul", "ol", "table", "blockquote", "pre", "h1", "h2",
                    "h3", "h4", "h5", "h6", "dl", "dt", "dd"];
  function alineaCount(html) {
    var count = 0, tableDepth = 0, hasText = false;
    function isBlank(t) { return !/[^ \t\r\n]/.test(t); }
    for (var i = 0; i < html.length;) {
      if (html[i] !== "<") {
        var next = html.indexOf("<", i);
        if (next < 0) next = html.length;
        if (tableDepth === 0 && !isBlank(html.substring(i, next))) hasText = true;
        i = next;
        continue;
      }
      var close = html.indexOf(">", i);
      if (close < 0) {  // kept as text
        if (tableDepth === 0 && !isBlank(html.substring(i))) hasText = true;
        break;
      }
      var tag = html.substring(i + 1, close);
      var closing = tag[0] === "/";
      var name = tag.substring(closing ? 1 : 0).split(/[ \/\t\n]/)[0];
      var tableTag = name === "table";
      if (tableDepth > 0 || tableTag || BOUNDARIES.indexOf(name) >= 0) {
        if (hasText) ++count;
        hasText = false;
        var isVoid = !closing && (name === "br" || name === "img" || name === "wbr" ||
                                  name === "hr" || tag[tag.length - 1] === "/");
        if (tableTag && !closing && !isVoid) ++tableDepth;
        if (tableTag && closing && tableDepth > 0) --tableDepth;
      }
      i = close + 1;
    }
    if (hasText) ++count;
    return count;
  }

  function escapeHtml(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }

  // render/text_links.cc splice_links: `links` ({begin, end, href, title, repoint, unwrap}) made
  // <a> elements of `html`, skipping any that would not keep it well-formed; unwrap links replace
  // the source's <a> that holds them.
  function anchorsOf(html) {
    var spans = [];
    for (var at = html.indexOf("<a"); at >= 0; at = html.indexOf("<a", at + 2)) {
      if (at + 2 >= html.length || (html[at + 2] !== " " && html[at + 2] !== ">")) continue;
      var tagEnd = html.indexOf(">", at);
      if (tagEnd < 0) break;
      var close = html.indexOf("</a>", tagEnd);
      spans.push({ open: at, tagEnd: tagEnd + 1, close: close < 0 ? html.length : close,
                   closed: close >= 0 });
      at = tagEnd;
    }
    return spans;
  }
  function enclosingAnchor(spans, at) {
    var found = null;
    for (var i = 0; i < spans.length && spans[i].open <= at; ++i) found = spans[i];
    return found && at >= found.tagEnd && at < found.close ? found : null;
  }
  function nextMarkFrom(html, from) {
    var lt = html.indexOf("<", from), gt = html.indexOf(">", from);
    if (lt < 0) return gt < 0 ? Infinity : gt;
    return gt < 0 ? lt : Math.min(lt, gt);
  }
  function spliceLinks(html, links) {
    links = links.slice().sort(function (x, y) { return x.begin - y.begin; });
    var anchors = anchorsOf(html);
    var edits = [], done = 0, nextMark = nextMarkFrom(html, 0), inTag = false;
    var unwrapping = null;  // the source's <a> unwrap links are replacing
    function closeUnwrapped() {
      edits.push({ from: unwrapping.close, to: unwrapping.close + 4, link: null });
      done = unwrapping.close + 4;
      unwrapping = null;
    }
    links.forEach(function (link) {
      if (unwrapping && link.begin >= unwrapping.close) closeUnwrapped();
      if (link.begin >= link.end || link.end > html.length || link.begin < done) return;
      for (; nextMark < link.begin; nextMark = nextMarkFrom(html, nextMark + 1))
        inTag = html[nextMark] === "<";
      if (/[<>]/.test(html.substring(link.begin, link.end)) || inTag) return;
      var anchor = enclosingAnchor(anchors, link.begin);
      if (link.repoint) {
        if (!anchor || anchor.open < done) return;
        edits.push({ from: anchor.open, to: anchor.tagEnd, link: link });
        done = anchor.tagEnd;
        return;
      }
      if (link.unwrap) {
        if (!anchor || !anchor.closed || link.end > anchor.close) return;
        if (anchor !== unwrapping) {
          if (anchor.open < done) return;
          edits.push({ from: anchor.open, to: anchor.tagEnd, link: null });
          unwrapping = anchor;
        }
        edits.push({ from: link.begin, to: link.end, link: link });
        done = link.end;
        return;
      }
      if (anchor) return;
      edits.push({ from: link.begin, to: link.end, link: link });
      done = link.end;
    });
    if (unwrapping) closeUnwrapped();
    var out = "", copied = 0;
    edits.forEach(function (e) {
      out += html.substring(copied, e.from);
      copied = e.to;
      if (!e.link) return;
      out += "<a href=\"" + escapeHtml(e.link.href) + "\"" +
        (e.link.title ? " title=\"" + escapeHtml(e.link.title) + "\"" : "") + ">";
      if (!e.link.repoint) out += html.substring(e.from, e.to) + "</a>";
    });
    return out + html.substring(copied);
  }
  function linksIn(links, begin, end) {
    var out = [];
    links.forEach(function (l) {
      if (l.end <= begin || l.begin >= end) return;
      out.push({ begin: Math.max(l.begin, begin) - begin, end: Math.min(l.end, end) - begin,
                 href: l.href, title: l.title, repoint: l.repoint, unwrap: l.unwrap });
    });
    return out;
  }

  // text/french_typography.cc french_number: narrow no-break spaces between groups of three.
  function frenchNumber(n) {
    var s = String(n);
    if (s.length < 4) return s;
    var out = "";
    for (var i = 0; i < s.length; i++) {
      if (i > 0 && (s.length - i) % 3 === 0) out += "\u202F";
      out += s[i];
    }
    return out;
  }

  // diff_markup.cc: the marked text of a diff page.
  var FOLD_CHARACTERS = 280;
  var BLOCKS = ["p", "ul", "ol", "table", "div", "blockquote", "pre", "dl", "h1", "h2", "h3", "h4",
                "h5", "h6"];
  function appendMark(kind, html, change) {
    var removed = kind === "removed", tag = removed ? "del" : "ins";
    return "<" + tag + (change > 0 ? " id=\"changement-" + change + "\"" : "") +
      "><span class=\"visually-hidden\">" +
      (removed ? "[début de suppression] " : "[début d’ajout] ") + "</span>" + html +
      "<span class=\"visually-hidden\">" +
      (removed ? " [fin de suppression]" : " [fin d’ajout]") + "</span></" + tag + ">";
  }
  function topLevelPieces(html) {
    var pieces = [], pieceStart = 0, depth = 0;
    for (var i = html.indexOf("<"); i >= 0; i = html.indexOf("<", i)) {
      var close = html.indexOf(">", i);
      if (close < 0) break;
      var tag = html.substring(i + 1, close);
      var closing = tag[0] === "/";
      var name = tag.substring(closing ? 1 : 0).split(/[ \/\t\n]/)[0];
      var selfClosing = tag.length > 0 && tag[tag.length - 1] === "/";
      var block = BLOCKS.indexOf(name) >= 0;
      if (depth === 0 && !closing && block && i > pieceStart) {
        pieces.push({ begin: pieceStart, end: i });
        pieceStart = i;
      }
      var isVoid = name === "br" || name === "hr" || name === "img" || name === "wbr";
      if (!isVoid && !selfClosing) depth += closing ? -1 : 1;
      if (depth < 0) depth = 0;
      i = close + 1;
      if (depth === 0 && closing && block) {
        pieces.push({ begin: pieceStart, end: i });
        pieceStart = i;
      }
    }
    if (pieceStart < html.length) pieces.push({ begin: pieceStart, end: html.length });
    return pieces;
  }
  function wordCount(visible) {
    var words = 0, inWord = false;
    for (var i = 0; i < visible.length; ++i) {
      var c = visible[i];
      var letter = isAlnum(c) || c.charCodeAt(0) >= 0x80;
      if (letter && !inWord) ++words;
      inWord = letter || (inWord && c !== " ");
    }
    return words;
  }
  function changedPiece(diff, p, size) {
    return diff.runs.some(function (run) {
      if (run.kind === "kept") return false;
      var from = run.position;
      var to = run.kind === "added" ? from + run.html.length : from;
      return (from < p.end && to >= p.begin && (to > p.begin || from === p.begin)) ||
        (from === size && p.end === size);
    });
  }
  function foldsOf(diff, after) {
    var out = [], firstLong = -1, lastLongEnd = 0;
    function close() {
      if (firstLong >= 0) out.push({ begin: firstLong, end: lastLongEnd });
      firstLong = -1;
    }
    topLevelPieces(after).forEach(function (p) {
      if (changedPiece(diff, p, after.length)) { close(); return; }
      if (utf8Length(visibleText(after.substring(p.begin, p.end))) <= FOLD_CHARACTERS) return;
      if (firstLong < 0) firstLong = p.begin;
      lastLongEnd = p.end;
    });
    close();
    return out;
  }
  function foldSummary(after, f) {
    var first = alineaCount(after.substring(0, f.begin)) + 1;
    var last = alineaCount(after.substring(0, f.end));
    var words = wordCount(visibleText(after.substring(f.begin, f.end)));
    var out = last > first ? "Alinéas " + first + " à " + last + " inchangés"
      : last === first ? "Alinéa " + first + " inchangé" : "Passage inchangé";
    return out + " (" + frenchNumber(words) + (words === 1 ? " mot)" : " mots)");
  }
  function isSlice(text, run) {
    return run.offset <= text.length && text.substr(run.offset, run.html.length) === run.html;
  }

  // diff_page: {html, changes, folds, changedAlineas} from a diff and its texts {before, after,
  // beforeLinks, afterLinks}.
  function diffPage(diff, texts) {
    var after = texts.after;
    var out = { html: "", changes: 0, folds: 0, changedAlineas: [] };
    var folds = foldsOf(diff, after);
    out.folds = folds.length;
    var fold = 0, open = false, inChange = false, changeId = 0, lastAlinea = 0;
    function nextBoundary() {
      if (fold >= folds.length) return Infinity;
      return open ? folds[fold].end : folds[fold].begin;
    }
    function boundariesUntil(limit) {
      while (fold < folds.length && nextBoundary() < limit) {
        if (!open) {
          out.html += "<details class=\"diff-unchanged\"><summary>" + foldSummary(after, folds[fold]) +
            "</summary>";
          open = true;
        } else {
          out.html += "</details>";
          open = false;
          ++fold;
        }
      }
    }
    function kept(r) {
      if (visibleText(r.html) !== "") inChange = false;
      if (!isSlice(after, r)) { out.html += r.html; return; }
      var at = r.offset, end = r.offset + r.html.length;
      while (at < end) {
        boundariesUntil(at + 1);
        var cut = Math.min(end, nextBoundary());
        out.html += spliceLinks(after.substring(at, cut), linksIn(texts.afterLinks, at, cut));
        at = cut;
      }
    }
    diff.runs.forEach(function (r) {
      if (r.kind === "kept") { kept(r); return; }
      boundariesUntil(r.position + 1);
      var at = Math.min(r.position + 1, after.length);
      var alinea = alineaCount(after.substring(0, at));
      if (!inChange || (alinea > 0 && alinea !== lastAlinea)) {
        inChange = true;
        changeId = ++out.changes;
      }
      if (alinea > 0 && alinea !== lastAlinea) {
        lastAlinea = alinea;
        out.changedAlineas.push(alinea);
        out.html += "<span class=\"diff-alinea\">al.\u00A0" + alinea + "</span>";
      }
      var removed = r.kind === "removed";
      var text = removed ? texts.before : after;
      var links = removed ? texts.beforeLinks : texts.afterLinks;
      var inner = isSlice(text, r)
        ? spliceLinks(r.html, linksIn(links, r.offset, r.offset + r.html.length)) : r.html;
      out.html += appendMark(r.kind, inner, changeId);
      changeId = 0;
    });
    boundariesUntil(after.length + 1);
    return out;
  }

  // diff_summary: "+12 mots, −3 mots", "ponctuation modifiée"…
  function diffSummary(diff) {
    if (diff.wordsAdded === 0 && diff.wordsRemoved === 0) {
      return diff.punctuationChanged ? "ponctuation modifiée"
        : diff.structureChanged ? "mêmes mots, découpage en alinéas modifié"
        : diff.spacingChanges > 0 ? "espacement seul modifié" : "texte identique";
    }
    var out = "";
    function words(n) { out += frenchNumber(n) + (n === 1 ? " mot" : " mots"); }
    if (diff.wordsAdded > 0) { out += "+"; words(diff.wordsAdded); }
    if (diff.wordsRemoved > 0) {
      if (out) out += ", ";
      out += "\u2212";
      words(diff.wordsRemoved);
    }
    return out;
  }

  // text/french_typography.cc superscript_ordinals, which the generator applies to every page:
  // "1er" standing alone becomes 1<sup>er</sup>, outside tags, scripts, options and code.
  var LEFT_ALONE = ["script", "style", "title", "textarea", "option", "pre", "code", "sup", "sub"];
  var BOUNDARY_MARKS = "\u00AB\u00BB\u2018\u2019\u201C\u201D\u2013\u2014\u2026";
  function isWordBoundary(c) {
    var cp = c.charCodeAt(0);
    return isAsciiSpace(c) || c === "\f" || isUnicodeSpace(cp) || BOUNDARY_MARKS.indexOf(c) >= 0;
  }
  function standsAlone(s, at) {
    if (at > 0) {
      var before = s[at - 1];
      if (isAlnum(before) || "_.,-/".indexOf(before) >= 0) return false;
      if (before.charCodeAt(0) >= 0x80 && !isWordBoundary(before)) return false;
    }
    var end = at + 3;
    if (end === s.length) return true;
    var after = s[end];
    if (isAlnum(after) || after === "_") return false;
    if (after.charCodeAt(0) >= 0x80) return isWordBoundary(after);
    return true;
  }
  function tagEnd(s, lt) {
    var quote = "";
    for (var i = lt + 1; i < s.length; ++i) {
      if (quote) { if (s[i] === quote) quote = ""; }
      else if (s[i] === "\"" || s[i] === "'") quote = s[i];
      else if (s[i] === ">") return i + 1;
    }
    return s.length;
  }
  function closingTag(s, from, name) {
    for (var i = s.indexOf("</", from); i >= 0; i = s.indexOf("</", i + 2)) {
      var rest = s.substr(i + 2, name.length + 1);
      if (rest.substring(0, name.length).toLowerCase() === name &&
          (rest.length === name.length || !isAlnum(rest[name.length])))
        return i;
    }
    return s.length;
  }
  function superscriptOrdinals(s) {
    if (s.indexOf("1er") < 0) return s;
    var out = "", copied = 0;
    for (var i = 0; i < s.length;) {
      if (s[i] === "<") {
        if (s.substr(i, 4) === "<!--") {
          var c = s.indexOf("-->", i + 4);
          i = c < 0 ? s.length : c + 3;
          continue;
        }
        var next = i + 1 < s.length ? s[i + 1] : "";
        if (!isAlpha(next) && next !== "/" && next !== "!") { ++i; continue; }
        var end = tagEnd(s, i);
        var alone = "";
        if (isAlpha(next) && !(end >= 2 && s[end - 2] === "/")) {
          var nameEnd = i + 1;
          while (nameEnd < end && isAlnum(s[nameEnd])) ++nameEnd;
          var name = s.substring(i + 1, nameEnd).toLowerCase();
          if (LEFT_ALONE.indexOf(name) >= 0) alone = name;
        }
        i = alone ? closingTag(s, end, alone) : end;
        continue;
      }
      if (s[i] === "1" && s.substr(i, 3) === "1er" && standsAlone(s, i)) {
        out += s.substring(copied, i + 1) + "<sup>er</sup>";
        i += 3;
        copied = i;
        continue;
      }
      ++i;
    }
    return copied === 0 ? s : out + s.substring(copied);
  }

  var api = { tokenize: tokenize, diffTexts: diffTexts, diffPage: diffPage,
              diffSummary: diffSummary, spliceLinks: spliceLinks, alineaCount: alineaCount,
              visibleText: visibleText, frenchNumber: frenchNumber,
              superscriptOrdinals: superscriptOrdinals };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.legisiteCompare = api;
})(this);
