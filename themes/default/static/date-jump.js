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
    var tables = data.tables || [];
    var t = chooseTable(tables, day);
    if (!t.first) return { go: null, parts: ['Aucune table datée de ce code n’est publiée.'] };
    if (t.table && t.table.date === day) {
      if (!t.table.self) return { go: t.table.href, parts: [] };
      return { go: null, parts: ['Table des matières au ' + when + '.'] };
    }
    if (data.first && day < data.first) {
      return { go: null, parts: ['Aucun article de ce code n’était en vigueur le ' + when +
        ' dans cette édition : la plus ancienne version connue s’applique à partir du ' +
        french(data.first) + '. ', { href: t.first.href + '?date=' + data.first,
        text: 'Voir la table du ' + french(data.first) }, '.'] };
    }
    // No table was published for that day: a published table's page builds it from the code's
    // per-article data (the nearest table before the day, else the first one).
    var host = t.table || t.first;
    if (!host.self) return { go: host.href, parts: [] };
    if (!data.data) return { go: null, parts: ['Aucune table publiée pour le ' + when + '.'] };
    var note = 'Table établie dans votre navigateur pour le ' + when + ', à partir des dates des ' +
      'versions de cette édition (aucune table publiée pour ce jour ; la plus proche est celle du ' +
      french(host.date) + ').';
    if (data.until && day > data.until) {
      note += ' Cette édition montre le droit connu au ' + french(data.until) +
        ' : ce qui s’appliquera ensuite peut encore changer.';
    }
    return { go: null, build: day, parts: [note] };
  }

  /* Narrow no-break spaces between groups of three digits from four digits on, as the
     generator's french_number. */
  function frenchNumber(n) {
    var s = String(n);
    if (s.length < 4) return s;
    var out = '';
    for (var i = 0; i < s.length; i++) {
      if (i > 0 && (s.length - i) % 3 === 0) out += '\u202F';
      out += s[i];
    }
    return out;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  var CHANGES = {
    nouveau: ['+', 'nouveau ce jour'], modifie: ['±', 'modifié ce jour'], fin: ['−', 'fin ce jour']
  };

  /* An article's entry on `day` from its versions [start, end, folder, text], as the generator's
     dated tables (law_at_date.cc day_entry): the last version with start <= day < end (an empty
     end meaning none), marked when it started that day ("nouveau" for its first version,
     "modifie" for a later one); else the version whose end is that day, marked "fin"; else null. */
  function entryOn(versions, day) {
    var at = -1;
    versions.forEach(function (v, i) {
      if (v[0] <= day && (v[1] === '' || day < v[1])) at = i;
    });
    if (at >= 0) {
      return { version: versions[at], change: versions[at][0] !== day ? '' : at > 0 ? 'modifie'
        : 'nouveau' };
    }
    for (var i = versions.length; i-- > 0;) {
      if (versions[i][1] === day) return { version: versions[i], change: 'fin' };
    }
    return null;
  }

  /* The table of contents on `day` as the theme's toc_section partial writes a dated table:
     { html, inForce, changed }. `section` is the script's data (law_at_date.h), `base` the code's
     folder from the page. Sections without any entry that day are left out. */
  function sectionHtml(section, day, base, depth) {
    var html = '', inForce = 0, changed = 0;
    section.e.forEach(function (e) {
      if (!Array.isArray(e)) {
        var sub = sectionHtml(e, day, base, depth + 1);
        if (sub.inForce === 0 && sub.changed === 0) return;
        inForce += sub.inForce;
        changed += sub.changed;
        var title = escapeHtml(e.t);
        var level = depth + 1;  // the section's own depth, as set_toc_section_fields
        html += '<li class="toc-section"' + (e.a ? ' id="' + escapeHtml(e.a) + '"' : '') + '>' +
          '<details' + (level <= 1 ? ' open="open"' : '') + '><summary>' +
          (level <= 4 ? '<h' + (level + 1) + ' class="toc-title">' + title + '</h' + (level + 1) + '>'
            : '<span class="toc-title toc-title-deep">' + title + '</span>') +
          ' <span class="toc-count">' + frenchNumber(sub.inForce) +
          (sub.inForce === 1 ? ' article' : ' articles') + '</span></summary>' + sub.html +
          '</details></li>';
        return;
      }
      var on = entryOn(e[3], day);
      if (!on) return;
      var v = on.version;
      html += '<li class="toc-article"><a href="' + escapeHtml(base + e[2] + '/' + (v[2] || v[0]) +
        '/index.html') + '">' + escapeHtml(e[1]) + '</a>' +
        (v[3] ? '' : ' <span class="no-text-mark">(texte non repris)</span>');
      if (on.change) {
        html += ' <span class="day-change day-change-' + on.change + '"><span aria-hidden="true">' +
          CHANGES[on.change][0] + ' </span>' + CHANGES[on.change][1] + '</span>';
        changed++;
      }
      html += ' </li>';
      if (on.change !== 'fin') inForce++;
    });
    return { html: html ? '<ol class="toc-list">' + html + '</ol>' : '', inForce: inForce,
      changed: changed };
  }

  function tableOn(toc, day, base) { return sectionHtml(toc, day, base, 0); }

  function changesLabel(changed) {
    if (changed === 0) return 'Aucun article n’a changé ce jour-là.';
    return frenchNumber(changed) + (changed === 1 ? ' article a changé ce jour-là.'
      : ' articles ont changé ce jour-là.');
  }

  /* Builds the table of `day` in place of the page's own, once the code's data has loaded. */
  function buildTable(data, day, done) {
    window.legisiteLawAtDate = function (slug, code) {
      var t = tableOn(code.toc, day, data.base || '');
      var nav = document.querySelector('[data-law-toc]');
      if (!nav) return;
      var old = document.querySelector('[data-law-day]');
      var oldFrench = old ? old.textContent : '';
      nav.innerHTML = t.html;
      nav.setAttribute('aria-label', 'Table des matières au ' + french(day));
      Array.prototype.forEach.call(document.querySelectorAll('[data-law-day]'), function (time) {
        time.setAttribute('datetime', day);
        time.textContent = french(day);
      });
      var count = document.querySelector('[data-law-count]');
      if (count) {
        count.textContent = frenchNumber(t.inForce) + (t.inForce === 1 ? ' article en vigueur'
          : ' articles en vigueur');
      }
      var changes = document.querySelector('[data-law-changes]');
      if (changes) changes.textContent = changesLabel(t.changed);
      if (oldFrench) document.title = document.title.replace(oldFrench, french(day));
      done();
    };
    var script = document.createElement('script');
    script.src = data.data;
    document.head.appendChild(script);
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
      if (p.build) {
        show(message, ['Construction de la table du ' + french(day) + '…']);
        buildTable(data, day, function () { show(message, p.parts); });
        return;
      }
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
      chooseTable: chooseTable, plan: plan, frenchNumber: frenchNumber, entryOn: entryOn,
      tableOn: tableOn, changesLabel: changesLabel };
  }
  if (typeof document !== 'undefined') {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-date-jump]'), start);
  }
})();
