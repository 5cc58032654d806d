// Source pages: a link to a quote (#q-<claim>-<n>) marks every stretch of the quote, not only the
// place where it starts. The quote's anchor lists its spans as offsets in its paragraph
// ("start end start end ..."; a quote joined with "…" has several); each highlighted stretch of the
// paragraph carries the offset it starts at. Without script the link still lands at the quote.
(function () {
  "use strict";
  var mark = function () {
    document.querySelectorAll("mark.fc-target").forEach(function (m) { m.classList.remove("fc-target"); });
    var id = decodeURIComponent(location.hash.slice(1));
    var anchor = id.indexOf("q-") === 0 ? document.getElementById(id) : null;
    if (!anchor || !anchor.dataset.span) return null;
    var spans = anchor.dataset.span.split(" ").map(Number);
    var first = null;
    anchor.parentNode.querySelectorAll("mark.fc-quoted").forEach(function (m) {
      var at = Number(m.dataset.at);
      for (var i = 0; i < spans.length; i += 2) {
        if (spans[i] <= at && at < spans[i + 1]) {
          m.classList.add("fc-target");
          first = first || m;
        }
      }
    });
    return first;
  };
  // The whole quote in the middle of the screen, clear of the header: after the browser's own jump
  // to the anchor, which happens up to the page's load.
  var show = function (first) { if (first) first.scrollIntoView({ block: "center" }); };
  var arrived = mark();
  window.addEventListener("load", function () { show(arrived); });
  window.addEventListener("hashchange", function () { show(mark()); });
})();
