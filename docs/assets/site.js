// Claim filters. No inline script: the pages' CSP allows only files.
(function () {
  "use strict";

  // --- claims index filters
  var form = document.querySelector(".fc-filters");
  if (form) {
    var rows = Array.prototype.slice.call(document.querySelectorAll(".fc-claims tbody tr"));
    var output = form.querySelector(".fc-shown");
    var apply = function () {
      var wanted = {};
      form.querySelectorAll("select").forEach(function (s) { wanted[s.dataset.filter] = s.value; });
      var shown = 0;
      rows.forEach(function (row) {
        var ok = Object.keys(wanted).every(function (key) {
          var want = wanted[key];
          return !want || (" " + (row.dataset[key] || "") + " ").indexOf(" " + want + " ") >= 0;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      output.textContent = shown + " / " + rows.length;
    };
    form.hidden = false;
    form.addEventListener("change", apply);
    apply();
  }
})();
