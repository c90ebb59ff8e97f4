/* "Go to date": among the dated pages a page lists (an article's versions, a code's tables of
   contents), finds the one that shows the law on a chosen day and goes there, statically.
   Progressive enhancement: the form is hidden until this script runs, and without it the lists
   of versions and dates remain. Every address comes from the page and is relative to it, so the
   site works from file:// and below any base URL. `?date=YYYY-MM-DD` on a page does the same as
   the form, so that such a link is a stable address of the law on a day. */
(function () {
  'use strict';

  var MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
    'septembre', 'octobre', 'novembre', 'décembre'];

  /* A real calendar day as YYYY-MM-DD (which then compares as text), from that form or from
     DD/MM/YYYY (what a reader types where the browser has no date picker); null otherwise. */
  function parseDay(text) {
    var s = String(text || '').trim();
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    var y, mo, d;
    if (m) {
      y = +m[1]; mo = +m[2]; d = +m[3];
    } else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s))) {
      y = +m[3]; mo = +m[2]; d = +m[1];
    } else {
      return null;
    }
    var date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
      return null;
    }
    return String(y).padStart(4, '0') + '-' + String(mo).padStart(2, '0') + '-' +
      String(d).padStart(2, '0');
  }

  /* "8 juillet 2013", "1er janvier 2000". */
  function french(day) {
    var d = +day.slice(8, 10);
    return (d === 1 ? '1er' : String(d)) + ' ' + MONTHS[+day.slice(5, 7) - 1] + ' ' + +day.slice(0, 4);
  }

  /* An article page's versions (its JSON: README of the theme), each with the address of its
     page ("base" + folder + "/index.html", the folder being its start date unless "slug" says
     otherwise) and whether it is this page. */
  function versionsOf(data) {
    var base = data.base || '';
    return (data.versions || []).map(function (v) {
      var folder = v.slug || v.start;
      return { start: v.start, end: v.end || '', href: base + folder + '/index.html',
        text: v.text !== false, self: folder === data.self };
    });
  }

  /* The version in force on `day`: the last one (timeline order) with start <= day < end, an
     empty end meaning none, as the generator's version_on_date. Else what surrounds the day:
     the last version that ended before it and the first one still to come. */
  function chooseVersion(versions, day) {
    var found = null, previous = null, next = null;
    versions.forEach(function (v) {
      if (v.start > day) {
        if (!next) next = v;
      } else if (v.end === '' || day < v.end) {
        found = v;
      } else {
        previous = v;
      }
    });
    return { version: found, previous: previous, next: next };
  }

  /* The latest table published on or before `day`, and the first one (for a day before it). */
  function chooseTable(tables, day) {
    var found = null;
    tables.forEach(function (t) { if (t.date <= day) found = t; });
    return { table: found, first: tables.length ? tables[0] : null };
  }

  /* What to do for `day` on a page of `kind` ("article" or "code") with `data` (the page's JSON):
     { go: href of another page, or null; parts: the message, strings and {href, text} links }. */
  function plan(kind, data, day) {
    var when = french(day);
    if (kind === 'article') {
      var c = chooseVersion(versionsOf(data), day);
      var v = c.version;
      if (v && !v.self) return { go: v.href, parts: [] };
      if (v) {
        return { go: null, parts: ['Version en vigueur le ' + when + '.' + (!v.text
          ? ' Cette édition ne contient pas son texte.' : '')] };
      }
      if (!c.previous) {
        if (!c.next) return { go: null, parts: ['Aucune version datée de cet article n’est connue.'] };
        return { go: null, parts: ['L’article n’était pas encore en vigueur le ' + when +
          ' : sa première version s’applique à partir du ' + french(c.next.start) + '. ',
          { href: c.next.href, text: 'Voir cette version' }, '.'] };
      }
      var p = c.previous;
      var parts = ['Aucune version de l’article n’était en vigueur le ' + when + ' : ',
        { href: p.href, text: 'la version du ' + french(p.start) },
        p.end > p.start ? ' a cessé de s’appliquer le ' + french(p.end)
          : ' a cessé de s’appliquer à une date que cette édition ne donne pas'];
      if (c.next) {
        parts.push(' ; ', { href: c.next.href, text: 'la suivante' },
          ' s’applique à partir du ' + french(c.next.start));
      }
      parts.push('.');
      return { go: null, parts: parts };
    }
    var t = chooseTable(data.tables || [], day);
    if (!t.table) {
      if (!t.first) return { go: null, parts: ['Aucune table datée de ce code n’est publiée.'] };
      return { go: null, parts: ['Aucune table avant le ' + french(t.first.date) +
        ', premier jour où un article de ce code est entré en vigueur dans cette édition : ',
        { href: t.first.href, text: 'voir la table du ' + french(t.first.date) }, '.'] };
    }
    if (!t.table.self) return { go: t.table.href, parts: [] };
    var shown = french(t.table.date);
    if (t.table.date === day) return { go: null, parts: ['Table des matières au ' + when + '.'] };
    if (data.until && day > data.until) {
      return { go: null, parts: ['Vous avez demandé le ' + when + ' ; cette édition montre le droit ' +
        'jusqu’au ' + french(data.until) + ' : voici la dernière table publiée, au ' + shown + '.'] };
    }
    if (data.complete) {
      return { go: null, parts: ['Vous avez demandé le ' + when + ' : le code n’a pas changé entre le ' +
        shown + ' et cette date, cette table montre donc les articles en vigueur ce jour-là.'] };
    }
    return { go: null, parts: ['Vous avez demandé le ' + when + ' : voici la table publiée la plus ' +
      'proche avant cette date, au ' + shown + ' ; le code a pu changer entre-temps (chaque article ' +
      'donne la liste de ses versions).'] };
  }

  function show(message, parts) {
    while (message.firstChild) message.removeChild(message.firstChild);
    parts.forEach(function (part) {
      if (typeof part === 'string') {
        message.appendChild(document.createTextNode(part));
      } else {
        var a = document.createElement('a');
        a.href = part.href;
        a.textContent = part.text;
        message.appendChild(a);
      }
    });
  }

  function start(form) {
    var data;
    try {
      data = JSON.parse(form.querySelector('script[type="application/json"]').textContent);
    } catch (e) {
      return;  // the form stays hidden: the lists on the page remain
    }
    var kind = form.getAttribute('data-date-jump');
    var input = form.querySelector('input[name="date"]');
    var message = form.querySelector('.date-jump-message');
    /* `replace` for ?date= on arrival, so that Back does not land on a page that jumps again. */
    function go(text, replace) {
      var day = parseDay(text);
      if (!day) {
        show(message, ['Date invalide : écrivez-la sous la forme AAAA-MM-JJ ou JJ/MM/AAAA.']);
        return;
      }
      var p = plan(kind, data, day);
      if (p.go) {
        var url = new URL(p.go, window.location.href);
        url.searchParams.set('date', day);
        url.hash = '';
        if (replace) window.location.replace(url.href); else window.location.assign(url.href);
        return;
      }
      input.value = day;
      show(message, p.parts);
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      go(input.value, false);
    });
    form.hidden = false;
    var asked = new URLSearchParams(window.location.search).get('date');
    if (asked !== null) go(asked, true);
  }

  if (typeof module === 'object' && module.exports) {
    module.exports = { parseDay: parseDay, french: french, versionsOf: versionsOf,
      chooseVersion: chooseVersion,
      chooseTable: chooseTable, plan: plan };
  }
  if (typeof document !== 'undefined') {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-date-jump]'), start);
  }
})();
