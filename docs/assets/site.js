// The Arabic-aware search (the claims filters are in lists.js). No inline script: the pages' CSP allows only files.
(function () {
  "use strict";

  // --- search: Pagefind, with the query also tried in folded Arabic spellings
  var search = document.querySelector(".fc-search");
  if (!search) return;
  var input = search.querySelector("input");
  var list = document.querySelector(".fc-results");
  var pagefind = null;

  // factcheck.textnorm.fold_for_search, word by word, from the table the site writes into the
  // search page (#fc-fold): one fold, defined once, in Python.
  var spec = JSON.parse(document.getElementById("fc-fold").textContent);
  var presentation = new RegExp(spec.presentation, "g");
  var prefixes = spec.prefixes.map(function (p) { return new RegExp(p, "u"); });
  var mapped = function (word, table) {
    var out = "";
    for (var ch of word) out += Object.prototype.hasOwnProperty.call(table, ch) ? table[ch] : ch;
    return out;
  };
  var fold = function (word) {
    word = word.normalize("NFC").replace(presentation, function (c) { return c.normalize("NFKC"); }).normalize("NFC");
    word = mapped(mapped(word, spec.table), spec.letters);
    for (var i = 0; i < prefixes.length; i++) {
      var stripped = word.replace(prefixes[i], "");
      if (stripped !== word) return stripped;
    }
    return word;
  };
  window.factcheckFold = fold;  // for the test that holds it equal to the Python fold
  var variants = function (q) {
    var words = q.trim().split(/\s+/).filter(Boolean);
    var out = [words.join(" "), words.map(fold).join(" ")];
    out.push(words.map(function (w) { return w.replace(/ى$/, "ي").replace(/ه$/, "ة"); }).join(" "));
    return out.filter(function (v, i) { return v && out.indexOf(v) === i; });
  };

  var run = function () {
    var q = input.value;
    if (!q.trim()) { list.textContent = ""; return; }
    var bundle = new URL(search.dataset.pagefind, location.href);
    var load = pagefind ? Promise.resolve(pagefind) : import(bundle.href).then(function (m) {
      pagefind = m;
      // Result URLs relative to where the site is served (e.g. a GitHub Pages sub-path).
      return m.options({ baseUrl: bundle.pathname.replace(/pagefind\/pagefind\.js$/, "") }).then(function () { return m; });
    });
    load.then(function (pf) {
      return Promise.all(variants(q).map(function (v) { return pf.search(v); }));
    }).then(function (searches) {
      var best = {};
      searches.forEach(function (s) {
        if (!s) return;
        s.results.forEach(function (r) {
          if (!best[r.id] || best[r.id].score < r.score) best[r.id] = r;
        });
      });
      var top = Object.keys(best).map(function (k) { return best[k]; })
        .sort(function (a, b) { return b.score - a.score; }).slice(0, 12);
      return Promise.all(top.map(function (r) { return r.data(); }));
    }).then(function (pages) {
      if (input.value !== q) return;
      list.textContent = "";
      pages.forEach(function (p) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = p.url;
        a.textContent = (p.meta && p.meta.title) || p.url;
        var excerpt = document.createElement("p");
        excerpt.textContent = p.excerpt.replace(/<\/?mark>/g, "");
        li.appendChild(a);
        li.appendChild(excerpt);
        list.appendChild(li);
      });
      if (!pages.length) {
        var none = document.createElement("li");
        none.textContent = document.documentElement.lang === "ar" ? "لا نتائج" : "No results";
        list.appendChild(none);
      }
    });
  };
  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
  search.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(); }
})();
