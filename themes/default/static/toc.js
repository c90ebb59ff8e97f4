/* Tables of contents: each section folds (<details>); this script opens the way to the section
   or article the address names (#anchor, as article pages' breadcrumbs link), and runs the
   table's controls: articles "en vigueur seulement" or all, unfold or fold everything.
   Progressive enhancement: without it the Parties are open, every link is there, and the
   controls stay hidden. */
(function () {
  'use strict';

  /* Opens every <details> around `node`, and its own when it is a section. */
  function reveal(node) {
    for (var n = node; n; n = n.parentElement) {
      if (n.tagName === 'DETAILS') n.open = true;
    }
    var own = node.querySelector && node.querySelector(':scope > details');
    if (own) own.open = true;
  }

  /* On the code's page of a split table, an address naming a section of a part
     ("#partie-legislative--livre-i--titre-iii", as links made before the split do) leads to
     that part's page: section anchors begin with their part's. */
  function partOf(id) {
    var links = document.querySelectorAll('a[data-toc-part]');
    for (var i = 0; i < links.length; i++) {
      var part = links[i].getAttribute('data-toc-part');
      if (id.indexOf(part + '--') === 0) return links[i];
    }
    return null;
  }

  function revealHash() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    var part = id && !target && partOf(id);
    if (part) {
      window.location.replace(part.href.split('#')[0] + '#' + encodeURIComponent(id));
      return;
    }
    if (target && target.closest('.toc')) {
      reveal(target);
      target.scrollIntoView();
    }
  }

  function start(controls) {
    var toc = document.querySelector('nav.toc');
    if (!toc) return;
    Array.prototype.forEach.call(controls.querySelectorAll('input[name="toc-filter"]'), function (r) {
      r.addEventListener('change', function () {
        toc.classList.toggle('toc-only-vigueur', r.value === 'vigueur' && r.checked);
      });
    });
    Array.prototype.forEach.call(controls.querySelectorAll('button[data-toc-fold]'), function (b) {
      b.addEventListener('click', function () {
        var open = b.getAttribute('data-toc-fold') === 'open';
        Array.prototype.forEach.call(toc.querySelectorAll('details'), function (d) { d.open = open; });
      });
    });
    controls.hidden = false;
  }

  if (typeof document !== 'undefined') {
    Array.prototype.forEach.call(document.querySelectorAll('[data-toc-controls]'), start);
    revealHash();
    window.addEventListener('hashchange', revealHash);
  }
})();
