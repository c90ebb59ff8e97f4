/* Cite and share: "Copier la référence" copies the citation of the text a page shows
   ("Article R133-19 du code de la sécurité sociale, dans sa version du 8 juillet 2013") and its
   stable address; each alinéa anchor (#alinea-N) gets a "§" link, shown on hover and on focus,
   that copies the address of that alinéa. Progressive enhancement: the button is hidden until
   this script runs; without it the anchors remain. Addresses come from the page (an absolute
   one when the site has a base URL, else relative to the page), so the site works from file://. */
(function () {
  'use strict';

  /* An address without query or fragment; "…/index.html" is shown as its folder when served. */
  function stableUrl(href) {
    var url = new URL(href, document.baseURI);
    url.search = '';
    url.hash = '';
    if (url.protocol !== 'file:') url.pathname = url.pathname.replace(/\/index\.html$/, '/');
    return url.href;
  }

  /* This page's own address: its canonical link when the site has a base URL, else where it is. */
  function pageUrl() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var href = canonical && canonical.getAttribute('href');
    return stableUrl(href && /^https?:/.test(href) ? href : document.location.href);
  }

  /* Puts text on the clipboard; resolves to whether it worked. The Clipboard API needs a secure
     context (file:// and localhost are); older browsers copy a selected textarea instead. */
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyBySelection(text); });
    }
    return Promise.resolve(copyBySelection(text));
  }

  function copyBySelection(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', 'readonly');
    area.className = 'visually-hidden';
    document.body.appendChild(area);
    area.select();
    var done = false;
    try {
      done = document.execCommand('copy');
    } catch (e) {
      done = false;
    }
    area.remove();
    return done;
  }

  var control = document.querySelector('.cite-copy');
  var message = control && control.querySelector('.cite-message');

  /* Says what was copied, or shows the text to copy by hand when the browser refused. */
  function report(done, what, text) {
    if (!message) return;
    message.textContent = done ? what + ' copiée : ' + text : 'Copie impossible, sélectionnez : ' + text;
  }

  if (control) {
    var button = control.querySelector('button');
    button.addEventListener('click', function () {
      var text = button.getAttribute('data-citation') + ' — ' +
        stableUrl(button.getAttribute('data-href'));
      copy(text).then(function (done) { report(done, 'Référence', text); });
    });
    control.hidden = false;
  }

  /* The "§" link goes inside the element that carries the anchor's id: an empty marker at the
     alinéa's start, or the element that wraps the alinéa. */
  var anchors = document.querySelectorAll('.article-text [id^="alinea-"]');
  Array.prototype.forEach.call(anchors, function (anchor) {
    var number = anchor.id.slice('alinea-'.length);
    var link = document.createElement('a');
    link.className = 'alinea-link';
    link.href = '#' + anchor.id;
    link.textContent = '§';
    link.setAttribute('aria-label', 'Copier le lien de l’alinéa ' + number);
    link.title = 'Copier le lien de l’alinéa ' + number;
    link.addEventListener('click', function () {
      var text = pageUrl() + '#' + anchor.id;
      copy(text).then(function (done) {
        report(done, 'Adresse de l’alinéa ' + number, text);
        if (!done) return;
        link.setAttribute('data-copied', 'lien copié');
        setTimeout(function () { link.removeAttribute('data-copied'); }, 2000);
      });
    });
    anchor.insertBefore(link, anchor.firstChild);
  });

  /* In print, a citation of the text shows its target's address after it (the print stylesheet
     reads data-print-href): absolute, resolved from this page's stable address. */
  var base = pageUrl();
  var links = document.querySelectorAll('.article-text a[href]:not(.alinea-link)');
  Array.prototype.forEach.call(links, function (a) {
    var url = new URL(a.getAttribute('href'), base);
    a.setAttribute('data-print-href', stableUrl(url.href) + url.hash);
  });
})();
