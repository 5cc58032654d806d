// Material for MkDocs' bootstrap (partials/javascripts/base.html), as a file so that the
// Content-Security-Policy can forbid inline script. The scope comes from the script's data-scope.
var __md_scope = new URL(document.currentScript.dataset.scope, location);
var __md_hash = function (e) { return Array.from(e).reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0); };
var __md_get = function (e, s, t) {
  s = s || localStorage; t = t || __md_scope;
  return JSON.parse(s.getItem(t.pathname + "." + e));
};
var __md_set = function (e, v, s, t) {
  s = s || localStorage; t = t || __md_scope;
  try { s.setItem(t.pathname + "." + e, JSON.stringify(v)); } catch (err) { /* storage full or disabled */ }
};
