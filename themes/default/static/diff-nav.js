// "Changement précédent / suivant": each link goes to the change before or after the one at the
// top of the window, so the reader steps through the changes from wherever they are. Without
// JavaScript the links still lead to the last and the first change. A diff page binds its links
// here; "Comparer deux versions" (compare-versions.js) binds those of each comparison it shows
// through window.legisiteDiffNav.
(function () {
  "use strict";
  function bind(root) {
    var nav = root.querySelector(".diff-nav");
    if (!nav) return;
    var changes = Array.prototype.slice.call(root.querySelectorAll("[id^='changement-']"));
    if (changes.length === 0) return;
    // A change just jumped to sits at its scroll margin from the top of the window.
    var margin = parseFloat(getComputedStyle(changes[0]).scrollMarginTop) || 0;
    function top(el) { return el.getBoundingClientRect().top; }
    function target(step) {
      var i;
      if (step > 0) {
        for (i = 0; i < changes.length; i++) if (top(changes[i]) > margin + 8) return changes[i];
        return changes[changes.length - 1];
      }
      for (i = changes.length - 1; i >= 0; i--) if (top(changes[i]) < margin - 8) return changes[i];
      return changes[0];
    }
    function go(event, step) {
      event.preventDefault();
      var el = target(step);
      if (location.hash === "#" + el.id) el.scrollIntoView();
      else location.hash = el.id;
    }
    nav.querySelector(".diff-next").addEventListener("click", function (e) { go(e, 1); });
    nav.querySelector(".diff-prev").addEventListener("click", function (e) { go(e, -1); });
  }
  window.legisiteDiffNav = bind;
  bind(document);
})();
