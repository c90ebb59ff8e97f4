/* Static search: finds articles by number or by the words of their text in the index the
   generator writes below recherche/ (README "Search"). The index is a set of scripts, each
   calling legisiteSearch.shard(name, data), loaded with <script> elements on demand: no
   fetch(), so the site works from file:// and below any base URL. Progressive enhancement: the
   search forms are hidden until this script runs.

   Words are compared as the generator's search_terms (generator/text/search_terms.h) cuts and
   folds them, with the folding table the generator writes into index.js; numbers as its
   article_number_key. A test runs the same vectors through both. */
(function () {
  'use strict';

  var FOLD = {};
  var MAX_RESULTS = 50;

  /* ---- Normalisation (the same rules as generator/text/search_terms.cc) -------------------- */

  function setFold(table) { FOLD = table || {}; }

  /* One character as fold_for_matching leaves it: ASCII lower-cased, a folded letter, or ''
     when it is neither an ASCII letter or digit nor a foldable letter (a separator). */
  function foldChar(c) {
    var code = c.charCodeAt(0);
    if (code < 128) {
      if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
      return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ? c : '';
    }
    return FOLD[c] || '';
  }

  function searchWord(w) {
    var n = w.length;
    if (/eaux$/.test(w)) return w.slice(0, n - 1);
    if (/aux$/.test(w) && n >= 5) return w.slice(0, n - 3) + 'al';
    if (/[sx]$/.test(w) && n >= 4) return w.slice(0, n - 1);
    return w;
  }

  /* The word of `s` that starts at or after `from`: {term, start, end} (UTF-16 offsets), or
     null. */
  function nextToken(s, from) {
    var word = '', start = -1;
    for (var i = from; i <= s.length; i++) {
      var f = i < s.length ? foldChar(s[i]) : '';
      if (f) {
        if (start < 0) start = i;
        word += f;
      } else if (start >= 0) {
        return { term: searchWord(word), start: start, end: i };
      }
    }
    return null;
  }

  /* The words of `text` with their places: [{term, start, end}] (UTF-16 offsets in `text`). */
  function tokens(text) {
    var out = [];
    var s = String(text);
    for (var t = nextToken(s, 0); t; t = nextToken(s, t.end)) out.push(t);
    return out;
  }

  /* The terms alone, as tokens() gives them but faster (phrases read whole texts): once the
     folding table has replaced every other character, the text is ASCII. */
  function terms(text) {
    var folded = String(text).replace(/[^\x00-\x7f]/g, function (c) { return FOLD[c] || ' '; });
    return folded.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).map(searchWord);
  }

  function isDash(c) {
    var code = c.charCodeAt(0);
    return c === '-' || (code >= 0x2010 && code <= 0x2015) || code === 0x2212;
  }

  function numberKey(text) {
    var kept = '';
    var s = String(text);
    for (var i = 0; i < s.length; i++) {
      var c = s[i];
      if (isDash(c)) { kept += '-'; continue; }
      var code = c.charCodeAt(0);
      var f = code < 128 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c)
        : (FOLD[c] || '');
      if (f.length === 1 && /[a-z0-9*.]/.test(f)) kept += f;
      else if (f.length > 1) kept += f;
      else kept += ' ';
    }
    var rest = kept.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '');
    var words = ['article', 'art'];
    for (var k = 0; k < words.length; k++) {
      var w = words[k];
      if (rest.length > w.length && rest.slice(0, w.length) === w && !/[a-z]/.test(rest[w.length])) {
        rest = rest.slice(w.length);
        break;
      }
    }
    return rest.replace(/[^a-z0-9*-]/g, '');
  }

  /* What a reader typed: words (the last one a prefix while it is being typed), phrases in
     quotes, and the key of a number. */
  function parseQuery(text) {
    var s = String(text || '');
    var phrases = [];
    var rest = s.replace(/["«»“”]([^"«»“”]*)["«»“”]?/g, function (m, inner) {
      var p = terms(inner);
      if (p.length) phrases.push(p);
      return ' ';
    });
    var words = terms(rest);
    /* The free word being typed (the query ends in it) matches as a prefix. */
    var open = words.length > 0 && /[^\s"«»“”]$/.test(s) ? words.length - 1 : -1;
    phrases.forEach(function (p) { p.forEach(function (t) { words.push(t); }); });
    var key = numberKey(s);
    return { words: words, prefix: open, phrases: phrases, key: /[0-9]/.test(key) ? key : '' };
  }

  /* ---- Matching ---------------------------------------------------------------------------- */

  /* What each word of `q` is looked up as in a doc's " a b c " terms: " a " whole, " a" for the
     word being typed (a prefix). */
  function needles(q) {
    return q.words.map(function (w, i) { return ' ' + w + (i === q.prefix ? '' : ' '); });
  }

  /* Whether a doc's terms hold every needle. */
  function hasWords(docTerms, wanted) {
    for (var i = 0; i < wanted.length; i++) {
      if (docTerms.indexOf(wanted[i]) < 0) return false;
    }
    return true;
  }

  function hasPhrases(text, q) {
    if (!q.phrases.length) return true;
    var seq = ' ' + terms(text).join(' ') + ' ';
    return q.phrases.every(function (p) { return seq.indexOf(' ' + p.join(' ') + ' ') >= 0; });
  }

  /* Whether a token is a word of the query to mark: one of its words, or begins with the word
     being typed. */
  function marker(q) {
    var last = q.prefix >= 0 ? q.words[q.prefix] : null;
    var whole = {};
    q.words.forEach(function (w) { whole[w] = true; });
    return function (t) { return !!whole[t.term] || (!!last && t.term.indexOf(last) === 0); };
  }

  /* A piece of `text` around its first mark: [{text, mark}] parts. The text is read only up to
     the end of the piece: a snippet of a long text costs no more than one of a short one. */
  function snippet(text, q) {
    var s = String(text || '');
    if (!s) return [];
    var isMark = q.words.length ? marker(q) : null;
    var first = null;
    for (var t = isMark ? nextToken(s, 0) : null; t; t = nextToken(s, t.end)) {
      if (isMark(t)) { first = t; break; }
    }
    var from = 0;
    if (first) from = Math.max(0, first.start - 60);
    var to = Math.min(s.length, from + 220);
    if (from > 0) { var sp = s.indexOf(' ', from); if (sp >= 0 && sp < first.start) from = sp + 1; }
    if (to < s.length) { var back = s.lastIndexOf(' ', to); if (back > from + 100) to = back; }
    var parts = [];
    if (from > 0) parts.push({ text: '… ' });
    var at = from;
    /* Marks come in order: the first one ending past the piece ends it. */
    for (var m = first; m && m.end <= to; m = nextToken(s, m.end)) {
      if (!isMark(m)) continue;
      if (m.start > at) parts.push({ text: s.slice(at, m.start) });
      parts.push({ text: s.slice(m.start, m.end), mark: true });
      at = m.end;
    }
    if (at < to) parts.push({ text: s.slice(at, to) });
    if (to < s.length) parts.push({ text: ' …' });
    return parts;
  }

  /* ---- The index ----------------------------------------------------------------------- */

  var store = {};
  var waiting = {};
  var root = '';

  var global = typeof window !== 'undefined' ? window : globalThis;
  global.legisiteSearch = global.legisiteSearch || {};
  global.legisiteSearch.shard = function (name, data) {
    store[name] = data;
    (waiting[name] || []).forEach(function (w) { w.resolve(data); });
    delete waiting[name];
  };

  function load(name) {
    if (store[name]) return Promise.resolve(store[name]);
    return new Promise(function (resolve, reject) {
      var first = !waiting[name];
      (waiting[name] = waiting[name] || []).push({ resolve: resolve });
      if (!first) return;
      var script = document.createElement('script');
      script.src = root + 'recherche/' + name.replace('/', '-') + '.js';
      script.onerror = function () {
        delete waiting[name];
        reject(new Error('index introuvable : ' + script.src));
      };
      document.head.appendChild(script);
    });
  }

  function scopeCodes(index, slug) {
    return index.codes.filter(function (c) { return !slug || c.slug === slug; });
  }

  /* Which run of a code's texts holds entry i: the last one starting at or before it. */
  function runOf(starts, i) {
    var k = 0;
    while (k + 1 < starts.length && starts[k + 1] <= i) k++;
    return k;
  }

  function shardName(code, part, words, k) {
    return code.slug + '/' + part + (words ? '-mots-' : '-') + k;
  }

  function loadRuns(code, part, words) {
    return Promise.all(code[part].map(function (start, k) { return load(shardName(code, part, words, k)); }));
  }

  /* Loads what a search of words needs in `codes`: the terms of their texts, and of the older
     versions when asked. */
  function loadFor(codes, versions) {
    return Promise.all(codes.map(function (c) {
      return Promise.all([load(c.slug + '/articles'), loadRuns(c, 'texte', true),
        versions ? loadRuns(c, 'versions', true) : null]);
    }));
  }

  /* Entry i of a code's texts ('texte') or versions: {terms, text, version}, each undefined
     while its shard is not loaded. */
  function entry(code, part, i) {
    var k = runOf(code[part], i);
    var words = store[shardName(code, part, true, k)];
    var plain = store[shardName(code, part, false, k)];
    var at = i - code[part][k];
    return { terms: words ? words.terms[at] : undefined, text: plain ? plain.texts[at] : undefined,
      version: words && words.versions ? words.versions[at] : undefined };
  }

  /* The names of the runs of texts that hold `results`. */
  function textShards(results) {
    var names = {};
    results.forEach(function (r) {
      var part = r.version ? 'versions' : 'texte';
      var i = r.version ? r.entry : r.article;
      names[shardName(r.code, part, false, runOf(r.code[part], i))] = true;
    });
    return Object.keys(names);
  }

  /* Loads the texts of `results` (for phrases or snippets). */
  function loadTexts(results) {
    return Promise.all(textShards(results).map(load));
  }

  function textsLoaded(results) {
    return textShards(results).every(function (name) { return !!store[name]; });
  }

  function sectionPath(arts, index) {
    var path = [];
    for (var s = index; s >= 0 && arts.sections[s]; s = arts.sections[s][0]) {
      if (arts.sections[s][1]) path.unshift(arts.sections[s]);
    }
    return path;
  }

  /* The results of `q` in `codes`, best first: [{code, article, version?, entry?, score}]. A
     query that names article numbers finds those articles (searchNumbers); else its words are
     looked up in the terms (searchWords), phrases being checked afterwards on the texts
     (keepPhrases). */
  /* How well an article's number key matches the key typed: exactly, without its letters
     ("133-19" for R133-19), or as its beginning ("r133-1" while typing R133-19); 0 for not. */
  function numberScore(key, typed) {
    if (!typed) return 0;
    if (key === typed) return 3000;
    if (/^[0-9]/.test(typed) && key.replace(/^[a-z*]+/, '') === typed) return 2500;
    if (typed.length >= 2 && key.indexOf(typed) === 0) return 2000;
    return 0;
  }

  function sortResults(results) {
    return results.sort(function (x, y) {
      return (y.score - x.score) || (x.codeRank - y.codeRank) || (x.article - y.article) ||
        ((x.version ? 1 : 0) - (y.version ? 1 : 0)) || ((x.entry || 0) - (y.entry || 0));
    });
  }

  /* A query that names article numbers finds those articles, and nothing else. */
  function searchNumbers(codes, q) {
    var results = [];
    codes.forEach(function (code, codeRank) {
      var arts = store[code.slug + '/articles'];
      if (!arts) return;
      arts.articles.forEach(function (a, i) {
        var score = numberScore(a[4], q.key);
        if (score) results.push({ code: code, codeRank: codeRank, article: i, score: score });
      });
    });
    return sortResults(results);
  }

  /* The terms of a section's titles and of every section above it, made once per section. */
  function pathTerms(arts, section) {
    arts.pathTerms = arts.pathTerms || {};
    var path = arts.pathTerms[section];
    if (path !== undefined) return path;
    path = '';
    for (var s = section; s >= 0 && arts.sections[s]; s = arts.sections[s][0]) path += arts.sections[s][3];
    arts.pathTerms[section] = path;
    return path;
  }

  /* A text's rank for the needles of a query: every word in its section titles, else in its text
     and titles. */
  function wordScore(terms, path, wanted) {
    if (hasWords(path, wanted)) return 1000;
    /* Each word in the text or in the titles (no string made for every text: typing stays fast). */
    for (var i = 0; i < wanted.length; i++) {
      var n = wanted[i];
      if (terms.indexOf(n) < 0 && path.indexOf(n) < 0) return 0;
    }
    return 1;
  }

  /* The texts of `codes` (and their older versions when asked) whose terms hold the words of
     `q`. `within`, when given, holds every text that can match (the results of a query this one
     narrows: see narrows) and only those are looked at. */
  function searchWords(codes, q, versions, within) {
    var results = [];
    if (!q.words.length) return results;
    var wanted = needles(q);
    /* A result keeps its text's terms and its section path's (terms, path): a query narrowing
       it reads them again without looking them up. */
    function consider(code, codeRank, arts, terms, i, v, k) {
      terms = terms || '';
      var path = pathTerms(arts, arts.articles[i][3]);
      var score = wordScore(terms, path, wanted);
      if (!score) return;
      results.push(v ? { code: code, codeRank: codeRank, article: i, version: v, entry: k, score: score,
        terms: terms, path: path }
        : { code: code, codeRank: codeRank, article: i, score: score, terms: terms, path: path });
    }
    if (within) {
      within.forEach(function (r) {
        var score = wordScore(r.terms, r.path, wanted);
        if (!score) return;
        results.push(r.version ? { code: r.code, codeRank: r.codeRank, article: r.article,
          version: r.version, entry: r.entry, score: score, terms: r.terms, path: r.path }
          : { code: r.code, codeRank: r.codeRank, article: r.article, score: score, terms: r.terms,
            path: r.path });
      });
      return sortResults(results);
    }
    codes.forEach(function (code, codeRank) {
      var arts = store[code.slug + '/articles'];
      if (!arts) return;
      code.texte.forEach(function (start, k) {
        var shard = store[shardName(code, 'texte', true, k)];
        if (!shard) return;
        shard.terms.forEach(function (terms, j) { consider(code, codeRank, arts, terms, start + j); });
      });
      if (!versions) return;
      /* An older version ranks as its article would, and comes right after it. */
      code.versions.forEach(function (start, k) {
        var shard = store[shardName(code, 'versions', true, k)];
        if (!shard) return;
        shard.terms.forEach(function (terms, j) {
          var v = shard.versions[j];
          consider(code, codeRank, arts, terms, v[0], v, start + j);
        });
      });
    });
    return sortResults(results);
  }

  /* Whether every text matching `q` matched `before` too: the same words, the one being typed
     only longer, maybe more words after. Typing on then looks only at the last results. */
  function narrows(q, before) {
    if (q.words.length < before.words.length) return false;
    return before.words.every(function (w, i) {
      if (i === before.prefix) return q.words[i].indexOf(w) === 0;
      return q.words[i] === w && q.prefix !== i;
    });
  }

  /* The results whose text holds each phrase of `q` (a number match stands without). */
  function keepPhrases(results, q) {
    if (!q.phrases.length) return results;
    return results.filter(function (r) {
      if (r.score >= 2000) return true;
      var e = r.version ? entry(r.code, 'versions', r.entry) : entry(r.code, 'texte', r.article);
      return hasPhrases(e.text || '', q);
    });
  }

  /* What a result shows: [{number, href, state label, state token, path, parts, version label}]. */
  function describe(index, r, q) {
    var arts = store[r.code.slug + '/articles'];
    var a = arts.articles[r.article];
    var base = r.code.slug + '/' + a[1] + '/';
    var token = r.version ? r.version[4] : a[2];
    var text = (r.version ? entry(r.code, 'versions', r.entry) : entry(r.code, 'texte', r.article)).text;
    return {
      number: a[0],
      href: root + base + (r.version ? r.version[1] + '/' : '') + 'index.html',
      state: index.states[token] || '',
      token: token,
      code: r.code.title,
      path: sectionPath(arts, a[3]).map(function (s) { return s[1]; }),
      parts: snippet(text, r.score >= 2000 ? { words: [], prefix: -1 } : q),
      version: r.version ? r.version[2] : '',
      versionEnd: r.version ? r.version[3] : '',
    };
  }

  /* The page an exact number leads to, or null: one article of `codes` with that key. */
  function exact(codes, q) {
    if (!q.key) return null;
    var found = [];
    codes.forEach(function (code) {
      var arts = store[code.slug + '/articles'];
      if (!arts) return;
      arts.articles.forEach(function (a) {
        if (a[4] === q.key) found.push(root + code.slug + '/' + a[1] + '/index.html');
      });
    });
    return found.length === 1 ? found[0] : null;
  }

  /* ---- The page ---------------------------------------------------------------------------- */

  var MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
    'septembre', 'octobre', 'novembre', 'décembre'];
  function french(day) {
    var d = +day.slice(8, 10);
    return (d === 1 ? '1er' : String(d)) + ' ' + MONTHS[+day.slice(5, 7) - 1] + ' ' + +day.slice(0, 4);
  }

  function el(name, className, text) {
    var e = document.createElement(name);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  /* Shows `results`. An item the list already shows as it would be made again (the same
     article, state and snippet, as typing on often leaves them) is kept: the browser then lays
     out and paints only what changed. */
  function render(list, status, index, results, q, allCodes) {
    var n = results.length;
    status.textContent = n === 0 ? 'Aucun résultat.'
      : (n === 1 ? '1 résultat' : n + ' résultats') +
        (n > MAX_RESULTS ? ', les ' + MAX_RESULTS + ' premiers affichés : précisez la recherche.' : '.');
    var shown = results.slice(0, MAX_RESULTS);
    var items = list.children;
    shown.forEach(function (r, i) {
      var d = describe(index, r, q);
      var key = JSON.stringify([d, allCodes]);
      var old = items[i];
      if (old && old.legisiteKey === key) return;
      var li = item(d, allCodes);
      li.legisiteKey = key;
      if (old) list.replaceChild(li, old); else list.appendChild(li);
    });
    while (list.children.length > shown.length) list.removeChild(list.lastChild);
  }

  /* The list item of a result described by `d`. */
  function item(d, allCodes) {
    var li = el('li', 'search-result');
    var title = el('p', 'search-result-title');
    var a = el('a', null, 'Article ' + d.number + (d.version ? ', version du ' + french(d.version) : ''));
    a.href = d.href;
    title.appendChild(a);
    if (d.state) {
      title.appendChild(document.createTextNode(' '));
      title.appendChild(el('span', 'status status-' + d.token, d.state));
    }
    if (allCodes) title.appendChild(el('span', 'search-result-code', ' — ' + d.code));
    li.appendChild(title);
    if (d.path.length) li.appendChild(el('p', 'search-result-path', d.path.join(' › ')));
    if (d.parts.length) {
      var p = el('p', 'search-result-snippet');
      d.parts.forEach(function (part) {
        p.appendChild(part.mark ? el('mark', null, part.text) : document.createTextNode(part.text));
      });
      li.appendChild(p);
    }
    return li;
  }

  function params() {
    try { return new URLSearchParams(window.location.search); } catch (e) { return null; }
  }

  function startPage(form) {
    var input = form.querySelector('input[name="q"]');
    var select = form.querySelector('select[name="code"]');
    var versions = form.querySelector('input[name="versions"]');
    var list = document.getElementById('search-results');
    var status = document.getElementById('search-status');
    var p = params();
    if (p) {
      input.value = p.get('q') || '';
      if (p.get('code') !== null) select.value = p.get('code');
      if (versions && p.get('versions') === '1') versions.checked = true;
    }
    var asked = 0;
    var last = null;  /* the last search of words: {scope, q, found} */
    /* `began`: when the reader's key was pressed (the input event's time), for data-ms. */
    function run(began) {
      var ticket = ++asked;
      if (began === undefined) began = performance.now();
      var text = input.value;
      var q = parseQuery(input.value);
      if (!q.words.length && !q.key) {
        while (list.firstChild) list.removeChild(list.firstChild);
        status.textContent = '';
        return Promise.resolve();
      }
      return load('index').then(function (index) {
        setFold(index.fold);
        q = parseQuery(input.value);
        var codes = scopeCodes(index, select.value);
        var older = !!(versions && versions.checked);
        if (ticket === asked) status.textContent = 'Recherche…';
        return Promise.all(codes.map(function (c) { return load(c.slug + '/articles'); }))
          .then(function () {
            var found = searchNumbers(codes, q);
            if (found.length || !q.words.length) return found;
            return loadFor(codes, older).then(function () {
              var scope = select.value + (older ? '+' : '');
              var within = last && last.scope === scope && narrows(q, last.q) ? last.found : null;
              found = searchWords(codes, q, older, within);
              last = { scope: scope, q: q, found: found };
              /* Phrases need the texts of every candidate. */
              if (!q.phrases.length) return found;
              return loadTexts(found).then(function () { return keepPhrases(found, q); });
            });
          }).then(function (found) {
            if (ticket !== asked) return;
            /* Snippets need the texts of the results shown. Those whose run of texts (about
               400 kB of script) is not loaded yet follow the list instead of holding it up: the
               list shows at once, and again with every snippet once the texts are in. */
            var shown = found.slice(0, MAX_RESULTS);
            var complete = textsLoaded(shown);
            render(list, status, index, found, q, !select.value);
            /* How long the answer took, from the key to the frame that shows the list
               (data-list-ms) and the one that shows it with every snippet (data-ms), index
               loading included (bench/search.py and bench/search_latency.mjs read them). The
               texts start loading once the list is painted: their scripts would delay it. */
            return new Promise(function (painted) {
              requestAnimationFrame(function () {
                var ms = String(Math.round(performance.now() - began));
                status.setAttribute('data-list-ms', ms);
                status.setAttribute('data-list-query', text);
                if (complete) {
                  status.setAttribute('data-ms', ms);
                  status.setAttribute('data-query', text);
                }
                setTimeout(painted, 0);
              });
            }).then(function () {
              if (complete || ticket !== asked) return;
              return loadTexts(shown).then(function () {
                if (ticket !== asked) return;
                render(list, status, index, found, q, !select.value);
                requestAnimationFrame(function () {
                  status.setAttribute('data-ms', String(Math.round(performance.now() - began)));
                  status.setAttribute('data-query', text);
                });
              });
            });
          });
      }).catch(function (e) { status.textContent = 'La recherche est indisponible (' + e.message + ').'; });
    }
    function remember() {
      try {
        var url = new URL(window.location.href);
        url.searchParams.set('q', input.value);
        url.searchParams.set('code', select.value);
        if (versions) url.searchParams.set('versions', versions.checked ? '1' : '0');
        window.history.replaceState(null, '', url.href);
      } catch (e) { /* file:// in some browsers: the address just does not follow */ }
    }
    input.addEventListener('input', function (event) { run(event.timeStamp); remember(); });
    select.addEventListener('change', function () { run(); remember(); });
    if (versions) versions.addEventListener('change', function () { run(); remember(); });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      goOrSearch(input.value, select.value, null);
    });
    form.hidden = false;
    if (input.value) {
      run();
    } else {
      /* Nothing asked yet: the index of the scope loads now, so that the first keystroke finds
         it ready. */
      load('index').then(function (index) {
        setFold(index.fold);
        return loadFor(scopeCodes(index, select.value), false);
      }).catch(function () {});
    }
  }

  /* Enter: an exact number goes to its article; anything else to the search page (or stays). */
  function goOrSearch(text, code, searchHref) {
    var q = parseQuery(text);
    load('index').then(function (index) {
      setFold(index.fold);
      q = parseQuery(text);
      var own = scopeCodes(index, code);
      return Promise.all(own.map(function (c) { return load(c.slug + '/articles'); }))
        .then(function () {
          var target = exact(own, q);
          if (!target && code) {
            var all = index.codes;
            return Promise.all(all.map(function (c) { return load(c.slug + '/articles'); }))
              .then(function () { return exact(all, q); });
          }
          return target;
        });
    }).then(function (target) {
      if (target) { window.location.assign(target); return; }
      if (searchHref) {
        var url = new URL(searchHref, window.location.href);
        url.searchParams.set('q', text);
        url.searchParams.set('code', code || '');
        window.location.assign(url.href);
      }
    }).catch(function () {
      if (searchHref) window.location.assign(searchHref);
    });
  }

  function startBox(form) {
    var input = form.querySelector('input[name="q"]');
    var code = form.getAttribute('data-search-code') || '';
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!input.value.trim()) { window.location.assign(form.getAttribute('action')); return; }
      goOrSearch(input.value, code, form.getAttribute('action'));
    });
    // The index of the page's code starts loading when the reader heads for the box.
    input.addEventListener('focus', function () {
      load('index').then(function (index) {
        setFold(index.fold);
        scopeCodes(index, code).forEach(function (c) { load(c.slug + '/articles'); });
      }).catch(function () {});
    });
    form.hidden = false;
  }

  if (typeof module === 'object' && module.exports) {
    module.exports = { setFold: setFold, terms: terms, tokens: tokens, searchWord: searchWord,
      numberKey: numberKey, parseQuery: parseQuery, snippet: snippet };
  }
  if (typeof document !== 'undefined') {
    var box = document.querySelector('form[data-search-root]');
    if (box) root = box.getAttribute('data-search-root') || '';
    Array.prototype.forEach.call(document.querySelectorAll('form.site-search'), startBox);
    Array.prototype.forEach.call(document.querySelectorAll('form[data-search-page]'), startPage);
  }
})();
