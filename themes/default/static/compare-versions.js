/* "Comparer deux versions" on an article page (issue 13, point 8): the reader picks two versions
   and the page shows what changed between them, with the markup of the diff pages (counts,
   alinéas, previous / next change, folds, linked citations), so that the theme's styles apply.
   Progressive enhancement: the section is hidden until this script runs; without it the diff
   pages of consecutive versions remain. On first use it loads the word diff
   (static/version-compare.js), the diff pages' previous / next change (static/diff-nav.js) and
   the article's texts (versions.js beside the page, which calls
   legisiteVersions) as scripts, so that it works from file:// and below any base URL. */
(function () {
  'use strict';

  var section = document.querySelector('.version-compare');
  if (!section) return;
  var form = section.querySelector('form');
  var result = section.querySelector('.version-compare-result');
  var message = section.querySelector('.version-compare-message');
  var data = null;
  var waiting = null;

  function addScript(src, onload, onerror) {
    var script = document.createElement('script');
    script.src = src;
    if (onload) script.addEventListener('load', onload);
    script.addEventListener('error', onerror);
    document.head.appendChild(script);
  }

  /* Loads the diff and the texts once; `done(ok)` is called when both are there (or failed). */
  function load(done) {
    if (data && window.legisiteCompare && window.legisiteDiffNav) return done(true);
    if (waiting) return waiting.push(done);
    waiting = [done];
    var pending = 1 + (window.legisiteCompare ? 0 : 1) + (window.legisiteDiffNav ? 0 : 1);
    function finish(ok) {
      var calls = waiting;
      waiting = null;
      calls.forEach(function (f) { f(ok); });
    }
    function ready() { if (--pending === 0) finish(true); }
    function failed() { if (waiting) finish(false); }
    window.legisiteVersions = function (d) { data = d; ready(); };
    if (!window.legisiteCompare) {
      addScript(section.getAttribute('data-static') + 'version-compare.js', ready, failed);
    }
    if (!window.legisiteDiffNav) {  // previous / next change, as on a diff page
      addScript(section.getAttribute('data-static') + 'diff-nav.js', ready, failed);
    }
    addScript(section.getAttribute('data-versions'), null, failed);
  }

  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;');
  }
  function counted(n, one, many) {
    return window.legisiteCompare.frenchNumber(n) + ' ' + (n === 1 ? one : many);
  }
  function alineaList(alineas) {
    var out = alineas.length === 1 ? 'alinéa ' : 'alinéas ';
    alineas.forEach(function (a, i) {
      out += (i === 0 ? '' : i + 1 === alineas.length ? ' et ' : ', ') + a;
    });
    return out;
  }
  function linksOf(v) {
    return v.links.map(function (l) {
      return { begin: l[0], end: l[1], href: l[2], title: l[3], repoint: (l[4] & 1) !== 0,
        unwrap: (l[4] & 2) !== 0 };
    });
  }
  function versionLink(v) { return '<a href="' + esc(v.href) + '">' + esc(v.label) + '</a>'; }

  /* What the diff page of `before` and `after` (indexes into data.versions, before < after) says
     below its title, as templates/diff.mustache writes it; the two texts' own headings are one
     level down, under this section's. */
  function comparison(b, a) {
    var C = window.legisiteCompare;
    var before = data.versions[b], after = data.versions[a];
    var diff = C.diffTexts(before.text, after.text);
    var html = '<h3 class="version-compare-title" tabindex="-1">Ce qui a changé</h3>\n' +
      '<p>Comparaison de la ' + versionLink(before) + ' avec la ' + versionLink(after) +
      '\u00A0: <span class="diff-summary">' + esc(C.diffSummary(diff)) + '</span>.</p>\n';
    // What made the newer text: its own amending text for the pair its diff page shows, else
    // those of every version in between.
    for (var k = after.base === b ? a : b + 1; k <= a; ++k) {
      if (data.versions[k].amended) {
        html += '<p class="amended-by">' + esc(data.versions[k].amended) + '</p>\n';
      }
    }
    if (diff.beyondBudget) {
      html += '<p class="diff-budget">Les deux versions diffèrent trop pour être comparées mot à ' +
        'mot : elles sont montrées entières et sans marque de changement, côte à côte (l’une ' +
        'après l’autre sur un écran étroit).</p>\n<div class="diff-versions">\n' +
        '<section class="article-text diff-version" aria-labelledby="version-avant">\n' +
        '<h4 id="version-avant">Avant : ' + versionLink(before) + '</h4>\n' +
        C.spliceLinks(before.text, linksOf(before)) + '\n</section>\n' +
        '<section class="article-text diff-version" aria-labelledby="version-apres">\n' +
        '<h4 id="version-apres">Après : ' + versionLink(after) + '</h4>\n' +
        C.spliceLinks(after.text, linksOf(after)) + '\n</section>\n</div>';
      return C.superscriptOrdinals(html);
    }
    var page = C.diffPage(diff, { before: before.text, after: after.text,
      beforeLinks: linksOf(before), afterLinks: linksOf(after) });
    html += '<p class="diff-legend">Les passages supprimés sont barrés, les passages ajoutés ' +
      'soulignés ; chacun est annoncé aux lecteurs d’écran.' + (page.folds > 0
      ? ' Les passages inchangés de plus de quelques lignes sont repliés.' : '') + '</p>\n';
    if (diff.spacingChanges > 0) {
      html += '<p class="diff-spacing">' + counted(diff.spacingChanges, 'différence', 'différences') +
        ' d’espacement seul (une espace ajoutée ou retirée, comme « I.- » devenu « I. - ») ' +
        (diff.spacingChanges === 1 ? 'n’est pas marquée.' : 'ne sont pas marquées.') + '</p>\n';
    }
    if (page.changes > 0) {
      html += '<p class="diff-changes"><span class="diff-count">' +
        counted(page.changes, 'changement', 'changements') + '</span>' +
        (page.changedAlineas.length ? ' (' + alineaList(page.changedAlineas) + ')' : '') + ' : ';
      // Beyond a few dozen, numbered links are noise: the first and the last are enough.
      for (var n = 1; n <= page.changes; ++n) {
        if (page.changes > 40 && n > 1 && n < page.changes) continue;
        html += '<a href="#changement-' + n + '">' + n + '</a>' + (n === page.changes ? '' : ' · ');
      }
      html += '</p>\n<nav class="diff-nav" aria-label="Changements">\n' +
        '<a class="diff-prev" href="#changement-' + page.changes + '">Changement précédent</a>\n' +
        '<a class="diff-next" href="#changement-1">Changement suivant</a>\n</nav>\n';
    }
    html += '<section class="article-text diff" aria-label="Texte comparé">\n' + page.html +
      '\n</section>';
    return C.superscriptOrdinals(html);
  }

  function show(b, a) {
    if (b === a) {
      message.textContent = 'Choisissez deux versions différentes.';
      result.innerHTML = '';
      return;
    }
    if (b > a) { var t = a; a = b; b = t; }  // the older one first, whichever select holds it
    message.textContent = '';
    result.innerHTML = comparison(b, a);
    window.legisiteDiffNav(result);
    result.querySelector('.version-compare-title').focus();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var b = +form.elements.avant.value, a = +form.elements.apres.value;
    message.textContent = 'Chargement des versions…';
    load(function (ok) {
      if (!ok) {
        message.textContent = 'Les textes des versions n’ont pas pu être chargés.';
        return;
      }
      show(b, a);
    });
  });
  section.hidden = false;
})();
