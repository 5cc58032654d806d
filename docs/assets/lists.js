// The claims index's filters: verdict, source, entity, year and words, kept in the URL
// (claims/?verdict=..&source=..&entity=..&year=..&q=..&page=..) so that a filtered view can be
// shared and the back button works. A page of the index carries one page of claims; the filters
// read the claims' compact rows (claims/rows/<lang>/<n>.json, written by list_pages.claim_rows),
// fetched only once a reader filters. No inline script: the pages' CSP allows only files.
(function () {
  "use strict";
  var form = document.querySelector(".fc-filters");
  var table = document.querySelector(".fc-claims");
  if (!form || !table || !table.tBodies[0].rows.length) return;

  var KEYS = ["verdict", "source", "entity", "year", "q"];
  var data = form.dataset;
  var body = table.tBodies[0];
  var model = body.rows[0].cloneNode(true);  // every row drawn here is a copy of a served one
  var pager = document.querySelector(".fc-pager");
  var none = document.querySelector(".fc-none");
  var output = form.querySelector("output");
  var clear = form.querySelector(".fc-clear");
  var index = new URL(data.index, location.href);  // this language's claims/
  var perPage = Number(data.perPage);
  var total = Number(data.total);
  var fields = {};
  KEYS.forEach(function (key) { fields[key] = form.querySelector('[data-filter="' + key + '"]'); });
  var verdicts = {};
  fields.verdict.querySelectorAll("option").forEach(function (o) { verdicts[o.value] = o.textContent; });
  var served = { path: location.pathname, rows: Array.prototype.slice.call(body.rows), pager: pager.cloneNode(true), count: output.textContent };
  var names = { entity: {}, source: {} };  // id -> name, from the rows' shards
  var rows = null;
  var loading = null;

  // Lower case, without Arabic short vowels, tatweel or Latin accents, with alef, ya, ta marbuta
  // and hamza seats written one way: "الدبيبه" finds «الدبيبة».
  var fold = function (text) {
    return text.toLowerCase().normalize("NFKD")
      .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "")
      .replace(/[أإآٱ]/g, "ا").replace(/ى/g, "ي").replace(/ة/g, "ه").replace(/ؤ/g, "و").replace(/ئ/g, "ي");
  };

  var load = function () {
    if (!loading) {
      var urls = [];
      for (var i = 0; i < Number(data.shards); i++) urls.push(new URL(data.rows + i + ".json", location.href));
      output.textContent = data.loading;
      loading = Promise.all(urls.map(function (url) {
        return fetch(url).then(function (r) {
          if (!r.ok) throw new Error(url + ": " + r.status);
          return r.json();
        });
      })).then(function (shards) {
        rows = [];
        shards.forEach(function (shard) {
          Object.assign(names.entity, shard.entities);
          Object.assign(names.source, shard.sources);
          shard.rows.forEach(function (r) {
            var cited = r[5].map(function (s) { return shard.sources[s]; });
            rows.push({
              id: r[0], statement: r[1], verdict: r[2], subject: r[3], year: r[4], sources: r[5],
              entities: [r[3]].concat(r[6]),
              text: fold([r[1], shard.entities[r[3]]].concat(cited).join(" ")),
            });
          });
        });
        fill("entity", "fc-entities");
        fill("source", "fc-sources");
      });
    }
    return loading;
  };

  // The names the source and entity fields suggest (a datalist); the URL keeps ids.
  var fill = function (key, listId) {
    var list = document.getElementById(listId);
    Object.keys(names[key]).map(function (id) { return names[key][id]; }).sort().forEach(function (name) {
      var option = document.createElement("option");
      option.value = name;
      list.appendChild(option);
    });
  };
  var idOf = function (key, name) {
    return Object.keys(names[key]).find(function (id) { return names[key][id] === name; }) || "";
  };

  var wanted = function () {
    var params = new URLSearchParams(location.search);
    var out = { page: Math.max(1, parseInt(params.get("page"), 10) || 1) };
    KEYS.forEach(function (key) { out[key] = (params.get(key) || "").trim(); });
    return out;
  };
  var filtering = function (w) { return KEYS.some(function (key) { return w[key]; }); };

  var showFields = function (w) {
    fields.verdict.value = w.verdict;
    fields.year.value = w.year;
    fields.q.value = w.q;
    ["source", "entity"].forEach(function (key) {
      fields[key].value = w[key] ? names[key][w[key]] || "" : "";
      fields[key].removeAttribute("aria-invalid");
    });
  };

  var link = function (anchor, href, text) {
    anchor.href = href;
    anchor.textContent = text;
    return anchor;
  };
  var drawRow = function (r) {
    var tr = model.cloneNode(true);
    link(tr.querySelector(".fc-c-statement a"), new URL(r.id + "/", index), r.statement);
    var verdict = tr.querySelector(".fc-verdict");
    verdict.className = "fc-verdict fc-verdict-" + r.verdict;
    verdict.textContent = verdicts[r.verdict] || r.verdict;
    var subject = tr.querySelector(".fc-c-subject a");
    subject.href = new URL("../entities/" + r.subject + "/", index);
    subject.firstChild.textContent = names.entity[r.subject];
    var year = tr.querySelector(".fc-c-year");
    year.textContent = "";
    if (r.year) year.appendChild(document.createElement("bdi")).textContent = r.year;
    var cell = tr.querySelector(".fc-c-sources");
    var source = cell.querySelector("a");
    cell.textContent = "";
    r.sources.forEach(function (sid, i) {
      if (i) cell.appendChild(document.createTextNode(data.separator));
      cell.appendChild(link(source.cloneNode(false), new URL("../sources/" + sid + "/", index), names.source[sid]));
    });
    return tr;
  };

  // The pager of filtered claims: as paging.window draws it, its links keep the filters.
  var drawPager = function (w, page, count) {
    var nav = pager.cloneNode(false);
    var words = pager.dataset;
    var status = document.createElement("p");
    status.className = "fc-page-of";
    status.textContent = words.pageOf.replace("{page}", page).replace("{pages}", count);
    nav.appendChild(status);
    if (count > 1) {
      var list = nav.appendChild(document.createElement("ul"));
      var item = function (n, text, rel) {
        var params = new URLSearchParams();
        KEYS.forEach(function (key) { if (w[key]) params.set(key, w[key]); });
        if (n > 1) params.set("page", n);
        var a = link(document.createElement("a"), index.pathname + "?" + params, text);
        if (rel) a.rel = rel;
        if (n === page && !rel) a.setAttribute("aria-current", "page");
        list.appendChild(document.createElement("li")).appendChild(a);
      };
      if (page > 1) item(page - 1, words.previous, "prev");
      var shown = [1, count];
      for (var n = Math.max(1, page - 2); n <= Math.min(count, page + 2); n++) shown.push(n);
      shown = shown.filter(function (x, i) { return shown.indexOf(x) === i; }).sort(function (a, b) { return a - b; });
      shown.forEach(function (n, i) {
        if (i && n - shown[i - 1] > 1) {
          var gap = list.appendChild(document.createElement("li"));
          gap.className = "fc-gap";
          gap.textContent = "…";
        }
        item(n, String(n));
      });
      if (page < count) item(page + 1, words.next, "next");
    }
    pager.replaceWith(nav);
    pager = nav;
  };

  var draw = function () {
    var w = wanted();
    showFields(w);
    clear.hidden = !filtering(w);
    if (!filtering(w) && location.pathname === served.path && w.page === 1) {
      // The page as it was served: its own claims and pager.
      body.replaceChildren.apply(body, served.rows);
      if (pager !== served.pager) pager.replaceWith(served.pager);
      pager = served.pager;
      output.textContent = served.count;
      none.hidden = true;
      return;
    }
    var search = location.search;
    table.setAttribute("aria-busy", "true");
    load().then(function () {
      if (location.search !== search) return;  // the reader moved on meanwhile
      showFields(w);
      var words = fold(w.q).split(/\s+/).filter(Boolean);
      var found = rows.filter(function (r) {
        return (!w.verdict || r.verdict === w.verdict) &&
          (!w.year || r.year === w.year) &&
          (!w.source || r.sources.indexOf(w.source) >= 0) &&
          (!w.entity || r.entities.indexOf(w.entity) >= 0) &&
          words.every(function (word) { return r.text.indexOf(word) >= 0; });
      });
      var count = Math.max(1, Math.ceil(found.length / perPage));
      var page = Math.min(w.page, count);
      body.replaceChildren.apply(body, found.slice((page - 1) * perPage, page * perPage).map(drawRow));
      output.textContent = data.shownOf.replace("{shown}", found.length).replace("{total}", total);
      none.hidden = found.length > 0;
      drawPager(w, page, count);
      table.removeAttribute("aria-busy");
    }).catch(function (e) {
      table.removeAttribute("aria-busy");
      output.textContent = served.count;
      throw e;
    });
  };

  // The fields' state into the URL: a new history entry, except while the reader types words.
  var update = function (replace) {
    var params = new URLSearchParams();
    var w = wanted();
    ["verdict", "year"].forEach(function (key) { if (fields[key].value) params.set(key, fields[key].value); });
    var unknown = false;
    ["source", "entity"].forEach(function (key) {
      var name = fields[key].value.trim();
      var id = !name ? "" : names[key][w[key]] === name ? w[key] : idOf(key, name);
      if (name && !id) {
        fields[key].setAttribute("aria-invalid", "true");
        unknown = true;
      }
      if (id) params.set(key, id);
    });
    if (unknown) return;  // a name no claim cites: the filters stay as they were
    if (fields.q.value.trim()) params.set("q", fields.q.value.trim());
    var query = params.toString();
    var url = index.pathname + (query ? "?" + query : "");
    if (url === location.pathname + location.search) return;
    history[replace ? "replaceState" : "pushState"](null, "", url);
    draw();
  };

  var typing = null;
  form.addEventListener("change", function (e) {
    if (e.target === fields.q) return;
    load().then(function () { update(false); });
  });
  form.addEventListener("input", function (e) {
    if (e.target !== fields.q) return;
    clearTimeout(typing);
    var first = !new URLSearchParams(location.search).get("q");
    typing = setTimeout(function () { load().then(function () { update(!first); }); }, 250);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); load().then(function () { update(false); }); });
  // The rows arrive while the reader is still choosing: the source and entity fields suggest names.
  form.addEventListener("focusin", function () { load(); });
  window.addEventListener("popstate", draw);
  form.hidden = false;
  if (filtering(wanted()) || wanted().page > 1) draw();
})();
