// The search page (factcheck/site/search_page.py writes it): Pagefind, searched once per kind of
// page so that entities come first, with the query also tried in its Arabic and Latin folds;
// entities ranked by how much of one of their names the query covers; when nothing is found, the
// entity names closest to the query. No inline script: the pages' CSP allows only files.
(function () {
  "use strict";
  var form = document.getElementById("fc-search");
  if (!form) return;
  var config = JSON.parse(document.getElementById("fc-search-config").textContent);
  var words = config.words;
  var input = form.querySelector("input");
  var status = document.getElementById("fc-search-status");
  var results = document.getElementById("fc-results");
  var lang = document.documentElement.lang;

  // ---- the folds: factcheck.textnorm's fold_for_search and search_key, from the spec the page
  // carries, so that a query folds exactly as the names in the index were folded.
  var spec = config.fold;
  var presentation = new RegExp(spec.presentation, "g");
  var spacing = spec.spacing.map(function (s) { return [new RegExp(s[0], "g"), s[1]]; });
  var prefixes = spec.prefixes.map(function (p) { return new RegExp(p, "u"); });
  var latin = spec.latin;
  var accents = new RegExp(latin.accents, "g");
  var latinLetter = new RegExp(latin.letter);
  var marks = new RegExp(latin.marks, "g");
  var article = new RegExp(latin.article);
  var separator = new RegExp(latin.separator);
  var steps = latin.steps.map(function (s) { return [new RegExp(s[0], "g"), s[1]]; });

  var mapped = function (text, table) {
    var out = "";
    for (var ch of text) out += Object.prototype.hasOwnProperty.call(table, ch) ? table[ch] : ch;
    return out;
  };
  // textnorm.normalize: the verification form
  var normalize = function (text) {
    text = text.normalize("NFC").replace(presentation, function (c) { return c.normalize("NFKC"); }).normalize("NFC");
    text = mapped(text, spec.table).replace(/\s+/g, " ").trim();
    spacing.forEach(function (s) { text = text.replace(s[0], s[1]); });
    return text;
  };
  var foldWord = function (word) {
    word = mapped(word, spec.letters);
    for (var i = 0; i < prefixes.length; i++) {
      var stripped = word.replace(prefixes[i], "");
      if (stripped !== word) return stripped;
    }
    return word;
  };
  // textnorm.fold_for_search
  var foldArabic = function (text) {
    return normalize(text).split(" ").filter(Boolean).map(foldWord).join(" ");
  };
  // textnorm.fold_latin
  var foldLatin = function (text) {
    var out = [];
    text.split(/\s+/).forEach(function (word) {
      if (!word) return;
      var plain = word.toLowerCase().normalize("NFD").replace(accents, "");
      if (!latinLetter.test(plain)) { out.push(word); return; }
      plain.replace(marks, "").replace(article, "").split(separator).forEach(function (part) {
        if (!part || latin.articleWords.indexOf(part) >= 0) return;
        steps.forEach(function (s) { part = part.replace(s[0], s[1]); });
        out.push(part);
      });
    });
    return out.join(" ");
  };
  // textnorm.search_key
  var key = function (text) { return foldLatin(foldArabic(text)); };
  window.factcheckFold = foldArabic;  // for the tests that hold the folds equal to Python's
  window.factcheckKey = key;

  // The query as typed, folded, and with a final ى/ه read as ي/ة (Pagefind's Arabic stemmer
  // treats them apart in some names).
  var variants = function (q) {
    var typed = q.trim().split(/\s+/).filter(Boolean);
    var out = [typed.join(" "), foldArabic(q), key(q)];
    out.push(typed.map(function (w) { return w.replace(/ى$/, "ي").replace(/ه$/, "ة"); }).join(" "));
    return out.filter(function (v, i) { return v && out.indexOf(v) === i; });
  };

  // ---- ranking entities by their names
  // Letters joined to the front of an Arabic word: و and ف, then ب, ك or ل («وبنغازي», «بطرابلس»).
  var proclitic = /^[وف]?[بكل]?/;
  var sameWord = function (queryWord, nameWord) {
    if (queryWord === nameWord) return true;
    for (var joined = queryWord.match(proclitic)[0].length; joined > 0; joined--) {
      if (queryWord.slice(joined) === nameWord) return true;
    }
    return false;
  };
  // How much of one of the entity's names the query covers: 1 when it is the whole name, 0 when
  // some word of the query is in none of them as a whole word.
  var coverage = function (queryWords, meta) {
    var best = 0;
    (meta.names || "").split(" | ").concat([meta.title || ""]).forEach(function (name) {
      var nameWords = key(name).split(" ");
      var all = queryWords.every(function (w) { return nameWords.some(function (n) { return sameWord(w, n); }); });
      if (all) best = Math.max(best, queryWords.length / Math.max(nameWords.length, queryWords.length));
    });
    return best;
  };
  var RERANKED = 12;  // entity results whose names are compared with the query
  // The query's whole-name words (search_terms.exact_token), also without the letters joined to
  // its first word: searched, they find the entities named exactly so however common the name.
  var notInToken = /[^\p{L}\p{N}_ ]/gu;
  var exactTokens = function (q) {
    var words = key(q).replace(notInToken, "").split(" ").filter(Boolean);
    if (!words.length) return [];
    var token = function (first) { return "_" + [first].concat(words.slice(1)).join("_") + "_"; };
    var out = [token(words[0])];
    for (var joined = words[0].match(proclitic)[0].length; joined > 0; joined--) {
      if (words[0].length > joined) out.push(token(words[0].slice(joined)));
    }
    return out;
  };

  // ---- Pagefind
  var pagefind = null;
  var loadPagefind = function () {
    if (!pagefind) {
      var bundle = new URL(form.dataset.pagefind, location.href);
      pagefind = import(bundle.href).then(function (pf) {
        return pf.options({
          // Result URLs relative to where the site is served (e.g. a GitHub Pages sub-path).
          baseUrl: bundle.pathname.replace(/pagefind\/pagefind\.js$/, ""),
          excerptLength: 24,
          ranking: { metaWeights: { title: 5, names: 8, exact: 0 } }
        }).then(function () { return pf; });
      });
    }
    return pagefind;
  };
  var grouped = config.groups.map(function (g) { return g.kind; }).filter(Boolean);

  var searchGroup = function (pf, group, queries) {
    var filters = { kind: group.kind ? group.kind : { none: grouped } };
    return Promise.all(queries.map(function (v) { return pf.search(v, { filters: filters }); })).then(function (searches) {
      var best = {};
      searches.forEach(function (s) {
        if (!s) return;
        s.results.forEach(function (r) { if (!best[r.id] || best[r.id].score < r.score) best[r.id] = r; });
      });
      return Object.keys(best).map(function (k) { return best[k]; }).sort(function (a, b) { return b.score - a.score; });
    });
  };

  // Entities: the best-scored ones and those named exactly as the query, ranked by how much of a
  // name the query covers, then by Pagefind's score; the others after them, by score.
  var searchEntities = function (pf, group, queries, q) {
    return Promise.all([searchGroup(pf, group, queries), searchGroup(pf, group, exactTokens(q))]).then(function (both) {
      var found = both[0];
      var byId = {};
      found.forEach(function (r) { byId[r.id] = r; });
      var head = found.slice(0, RERANKED);
      both[1].forEach(function (r) {
        if (!byId[r.id]) { byId[r.id] = r; found.push(r); }
        if (head.indexOf(byId[r.id]) < 0) head.push(byId[r.id]);
      });
      var queryWords = key(q).split(" ").filter(Boolean);
      return Promise.all(head.map(function (r) { return r.data(); })).then(function (data) {
        var ranked = head.map(function (r, i) {
          return { result: r, page: data[i], cover: coverage(queryWords, data[i].meta || {}) };
        }).sort(function (a, b) { return b.cover - a.cover || b.result.score - a.result.score; });
        var rest = found.filter(function (r) { return head.indexOf(r) < 0; });
        return ranked.concat(rest.map(function (r) { return { result: r }; }));
      });
    });
  };

  // The query as the best-matching entities write their names: a word spelled otherwise
  // (Qaddafi, where the page says Gaddafi) is also searched as the page spells it, so that the
  // claims and sources that mention the entity are found too.
  var respelled = function (q, ranked) {
    var typed = q.trim().split(/\s+/).filter(Boolean);
    return ranked.slice(0, 3).filter(function (e) { return e.cover; }).map(function (e) {
      var titleWords = (e.page.meta.title || "").split(/\s+/);
      return typed.map(function (w) {
        var wanted = key(w);
        if (!wanted || wanted.indexOf(" ") >= 0) return w;
        var match = titleWords.filter(function (t) {
          return key(t).split(" ").some(function (part) { return sameWord(wanted, part); });
        })[0];
        return match || w;
      }).join(" ");
    });
  };

  // ---- showing results
  var el = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  };
  // Pagefind's excerpt is escaped text with <mark>s: copied as text and marks, nothing else.
  var excerptInto = function (p, html) {
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    doc.body.firstChild.childNodes.forEach(function (node) {
      p.appendChild(node.nodeName === "MARK" ? el("mark", "", node.textContent) : document.createTextNode(node.textContent));
    });
  };
  var resultItem = function (page, kind) {
    var meta = page.meta || {};
    var li = el("li", "fc-result");
    var a = el("a", "fc-result-title", meta.title || page.url);
    a.href = page.url;
    li.appendChild(a);
    var chips = el("span", "fc-chips");
    if (meta.chip) chips.appendChild(el("span", "fc-chip fc-chip-" + (kind || "page"), meta.chip));
    if (meta.verdict) {
      var rating = ((page.filters || {}).rating || [])[0] || "";
      chips.appendChild(el("span", "fc-verdict fc-verdict-" + rating, meta.verdict));
    }
    if (chips.childNodes.length) li.appendChild(chips);
    var excerpt = el("p", "fc-result-excerpt");
    if (kind === "entity") excerpt.textContent = meta.description || "";
    else excerptInto(excerpt, page.excerpt || "");
    li.appendChild(excerpt);
    return li;
  };

  var showGroup = function (group, entries) {
    var section = el("section", "fc-group");
    section.dataset.group = group.kind || "other";
    var id = "fc-group-" + section.dataset.group;
    var heading = el("h2", "", group.title + " ");
    heading.id = id;
    heading.appendChild(el("span", "fc-group-count", "(" + entries.length + ")"));
    section.appendChild(heading);
    var list = el("ol", "fc-result-list");
    list.setAttribute("aria-labelledby", id);
    section.appendChild(list);
    var shown = 0;
    var more = el("button", "fc-more", words.more);
    more.type = "button";
    more.setAttribute("aria-label", words.more + ": " + group.title);
    var showNext = function (count) {
      var next = entries.slice(shown, shown + count);
      shown += next.length;
      more.hidden = shown >= entries.length;
      return Promise.all(next.map(function (e) { return e.page ? e.page : e.result.data(); })).then(function (pages) {
        var items = pages.map(function (p) { return resultItem(p, group.kind); });
        items.forEach(function (li) { list.appendChild(li); });
        return items;
      });
    };
    more.addEventListener("click", function () {
      showNext(group.show * 2).then(function (items) { if (items.length) items[0].querySelector("a").focus(); });
    });
    section.appendChild(more);
    return showNext(group.show).then(function () { return section; });
  };

  var countWords = function (n) {
    var category = new Intl.PluralRules(lang).select(n);
    var phrase = config.counts[category] || config.counts.other;
    if (n === 0 && config.counts.zero) phrase = config.counts.zero;
    return phrase.replace("{n}", String(n));
  };

  // ---- "did you mean": the entity names nearest the query, from the names file (fetched once)
  var names = null;
  var loadNames = function () {
    if (!names) names = fetch(new URL(form.dataset.names, location.href)).then(function (r) { return r.json(); });
    return names;
  };
  var distance = function (a, b) {
    a = Array.from(a); b = Array.from(b);
    var row = [];
    for (var j = 0; j <= b.length; j++) row.push(j);
    for (var i = 1; i <= a.length; i++) {
      var diagonal = row[0];
      row[0] = i;
      for (j = 1; j <= b.length; j++) {
        var above = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length];
  };
  // Entities by the edit distance between the query's search key and their names' keys (or, for
  // a one-word query, a word of them), nearest first; between equals, the one with the shorter name.
  var suggestions = function (q, data) {
    var wanted = key(q);
    var single = wanted.indexOf(" ") < 0;
    var limit = Math.max(1, Math.floor(Array.from(wanted).length / 3));
    return data.entities.map(function (entry) {
      var best = { distance: Infinity, length: Infinity };
      var consider = function (d, name) {
        var length = name.split(" ").length;
        if (d < best.distance || (d === best.distance && length < best.length)) best = { distance: d, length: length };
      };
      entry.slice(3).forEach(function (name) {
        consider(distance(wanted, name), name);
        if (single) name.split(" ").forEach(function (w) { consider(distance(wanted, w), name); });
      });
      return { entry: entry, distance: best.distance, length: best.length };
    }).filter(function (s) { return s.distance <= limit; })
      .sort(function (a, b) { return a.distance - b.distance || a.length - b.length; })
      .slice(0, 5);
  };
  var showNothingFound = function (q, token) {
    status.textContent = "";
    status.appendChild(el("span", "", words.none.replace("{q}", q)));
    return loadNames().then(function (data) {
      if (token !== current) return;
      var near = suggestions(q, data);
      if (!near.length) return;
      var p = el("span", "fc-did-you-mean", " " + words.did_you_mean + " ");
      near.forEach(function (s, i) {
        if (i) p.appendChild(document.createTextNode(lang === "ar" ? "، " : ", "));
        var a = el("a", "", s.entry[lang === "ar" ? 1 : 2]);
        a.href = new URL(form.dataset.entities + s.entry[0] + "/", location.href).href;
        p.appendChild(a);
      });
      status.appendChild(p);
    });
  };

  // ---- running a search
  var current = 0;
  var run = function () {
    var q = input.value.trim();
    var token = ++current;
    var url = new URL(location.href);
    if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    if (!q) { status.textContent = ""; results.textContent = ""; return Promise.resolve(); }
    results.setAttribute("aria-busy", "true");
    var queries = variants(q);
    return loadPagefind().then(function (pf) {
      var entityGroup = config.groups.filter(function (g) { return g.kind === "entity"; })[0];
      return searchEntities(pf, entityGroup, queries, q).then(function (entities) {
        var more = respelled(q, entities).filter(function (v) { return queries.indexOf(v) < 0; });
        return Promise.all(config.groups.map(function (g) {
          if (g === entityGroup) return entities;
          return searchGroup(pf, g, queries.concat(more)).then(function (found) {
            return found.map(function (r) { return { result: r }; });
          });
        }));
      });
    }).then(function (entries) {
      if (!entries || token !== current) return null;
      var total = entries.reduce(function (n, e) { return n + e.length; }, 0);
      return Promise.all(config.groups.map(function (g, i) {
        return entries[i].length ? showGroup(g, entries[i]) : null;
      })).then(function (sections) {
        if (token !== current) return null;
        results.textContent = "";
        sections.forEach(function (s) { if (s) results.appendChild(s); });
        results.removeAttribute("aria-busy");
        if (!total) return showNothingFound(q, token);
        status.textContent = config.countFor.replace("{count}", countWords(total)).replace("{q}", q);
        return null;
      });
    }).catch(function (err) {
      if (token !== current) return;
      results.removeAttribute("aria-busy");
      status.textContent = words.failed;
      throw err;
    });
  };

  var timer = null;
  input.addEventListener("focus", loadPagefind, { once: true });
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 200); });
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); run(); });

  // Arrow keys move between the input and the results' titles.
  form.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown") return;
    var first = results.querySelector(".fc-result-title");
    if (first) { e.preventDefault(); first.focus(); }
  });
  results.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    var titles = Array.prototype.slice.call(results.querySelectorAll(".fc-result-title"));
    var at = titles.indexOf(document.activeElement);
    if (at < 0) return;
    e.preventDefault();
    var next = at + (e.key === "ArrowDown" ? 1 : -1);
    if (next < 0) input.focus(); else if (next < titles.length) titles[next].focus();
  });

  window.factcheckSearch = function (q) { input.value = q; return run(); };  // for the tests
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(); }
})();
