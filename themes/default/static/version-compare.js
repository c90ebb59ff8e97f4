// Compare any two versions of an article (issue 13, point 8): the word diff of
// resolve/text_diff.cc, written again in JavaScript so that a page can compare two texts the
// build did not pair. It must give the generator's result: tests/browser/version_compare.test.mjs
// checks it against the diff pages on consecutive versions of real articles.
(function (root) {
  "use strict";

  var KIND_WORD = 0, KIND_PUNCT = 1, KIND_SPACE = 2, KIND_TAG = 3;
  var MAX_EDITS = 1500;
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
      if (wordStart >= 0) tokens.push({ kind: KIND_WORD, text: html.substring(wordStart, at) });
      wordStart = -1;
    }
    function push(kind, at, length) {
      var last = tokens[tokens.length - 1];
      if (kind === KIND_SPACE && last && last.kind === KIND_SPACE && last.end === at) {
        last.text += html.substr(at, length);
        last.end = at + length;
        return;
      }
      tokens.push({ kind: kind, text: html.substr(at, length), end: at + length });
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

  // Myers' greedy shortest edit script, as text_diff.cc: null beyond MAX_EDITS edits.
  function myers(a, aFrom, n, b, bFrom, m) {
    var max = Math.min(n + m, MAX_EDITS);
    var offset = max + 1;
    var v = new Int32Array(2 * max + 3);
    var trace = [];
    var found = -1;
    for (var d = 0; d <= max && found < 0; ++d) {
      trace.push(v.slice(offset - d, offset + d + 1));
      for (var k = -d; k <= d; k += 2) {
        var x = (k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]))
          ? v[offset + k + 1] : v[offset + k - 1] + 1;
        var y = x - k;
        while (x < n && y < m && a[aFrom + x] === b[bFrom + y]) { ++x; ++y; }
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

  // DiffWriter: runs {kind: "kept"|"removed"|"added", html} in the newer text's order.
  function writeRuns(a, b, keepBeforeTags, steps) {
    var out = { runs: [], wordsAdded: 0, wordsRemoved: 0, punctuationChanged: false,
                spacingChanges: 0, structureChanged: false };
    var removed = [], added = [], nextB = 0, last = null;
    function visible(t) { return t.kind !== KIND_TAG && t.kind !== KIND_SPACE; }
    function keep(html) {
      if (!html) return;
      var lastRun = out.runs[out.runs.length - 1];
      if (!lastRun || lastRun.kind !== "kept") out.runs.push(lastRun = { kind: "kept", html: "" });
      lastRun.html += html;
    }
    function keepBUntil(end) { for (; nextB < end && nextB < b.length; ++nextB) keep(b[nextB].text); }
    function write(tokens, from, to, insertion) {
      var kind = insertion ? "added" : "removed";
      var open = false, pending = "";
      for (var i = from; i < to; ++i) {
        var t = tokens[i];
        if (t.kind === KIND_SPACE) {
          if (open) pending += t.text;
          else if (insertion) keep(t.text);
          continue;
        }
        if (t.kind === KIND_TAG) {
          out.structureChanged = true;
          open = false;
          if (insertion) keep(pending);
          pending = "";
          if (insertion || keepBeforeTags) keep(t.text);
          continue;
        }
        if (!open) { out.runs.push({ kind: kind, html: "" }); open = true; }
        out.runs[out.runs.length - 1].html += pending + t.text;
        pending = "";
        if (t.kind === KIND_WORD) {
          if (insertion) ++out.wordsAdded; else ++out.wordsRemoved;
        } else {
          out.punctuationChanged = true;
        }
      }
      if (insertion && pending) keep(pending);
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
    if (middle) {
      middle.forEach(function (s) { steps.push({ op: s.op, a: s.a + prefix, b: s.b + prefix }); });
    } else {
      for (var x = 0; x < n; ++x) steps.push({ op: DELETE, a: prefix + x, b: 0 });
      for (var y = 0; y < m; ++y) steps.push({ op: INSERT, a: 0, b: prefix + y });
    }
    for (var j = 0; j < suffix; ++j)
      steps.push({ op: EQUAL, a: A.length - suffix + j, b: B.length - suffix + j });
    steps.forEach(function (s) {
      if (s.op !== INSERT) s.a = na.index[s.a];
      if (s.op !== DELETE) s.b = nb.index[s.b];
    });
    steps = mergeCoincidences(a, steps);
    return writeRuns(a, b, keepBeforeTags, steps);
  }

  var api = { tokenize: tokenize, diffTexts: diffTexts };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.legisiteCompare = api;
})(this);
