"""What the pages need to know about the dataset, looked up once: names, labels, cross-links."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from ..checker import Result
from ..rules.common import value_key
from ..schemas import Schemas
from .labels import ui
from .markup import a, bdi, date_words, esc, rel


@dataclass
class SiteData:
    result: Result
    schemas: Schemas
    repo_url: str | None = None  # e.g. https://github.com/owner/name; edit links only when known
    site_url: str | None = None
    by_subject: dict = field(default_factory=lambda: defaultdict(list))
    by_value: dict = field(default_factory=lambda: defaultdict(list))
    by_source: dict = field(default_factory=lambda: defaultdict(list))
    contradictions_of: dict = field(default_factory=lambda: defaultdict(list))
    same_fact: dict = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self):
        ds = self.result.dataset
        for _, c in sorted(ds.claims.items()):
            self.by_subject[c.data["subject"]].append(c)
            entity = c.data.get("value", {}).get("entity")
            if entity:
                self.by_value[entity].append(c)
            for source in dict.fromkeys(ev["source"] for ev in c.data["evidence"]):
                self.by_source[source].append(c)
            self.same_fact[(c.data["subject"], c.data["property"], str(value_key(c)))].append(c)
        for _, x in sorted(ds.contradictions.items()):
            for cid in x.data.get("claims", ()):
                self.contradictions_of[cid].append(x)
            for eid in x.data.get("entities", ()):
                self.contradictions_of[eid].append(x)
            for sid in x.data.get("sources", ()):
                self.contradictions_of[sid].append(x)

    @property
    def ds(self):
        return self.result.dataset

    # -- labels

    def label(self, kind: str, field_: str, value: str, lang: str) -> str:
        return self.schemas.labels(kind, field_).get(value, {}).get(lang, value)

    def verdict(self, rating: str, lang: str) -> str:
        return self.label("claim", "verdict.rating", rating, lang)

    def prop(self, pid: str, lang: str) -> str:
        p = self.ds.properties.get(pid)
        return p.data["label"][lang] if p else pid

    def name(self, eid: str, lang: str) -> str:
        e = self.ds.entities.get(eid)
        return e.data["name"][lang] if e else eid

    def source_title(self, sid: str, lang: str) -> str:
        s = self.ds.sources.get(sid)
        return s.data["title"]["text"][lang] if s else sid

    # -- links

    def entity_link(self, eid: str, lang: str, here: str) -> str:
        return f'<a href="{rel(here, f"entities/{eid}")}">{bdi(self.name(eid, lang))}</a>'

    def claim_link(self, cid: str, lang: str, here: str) -> str:
        c = self.ds.claims[cid]
        return a(rel(here, f"claims/{cid}"), c.data["statement"][lang])

    def source_link(self, sid: str, lang: str, here: str, anchor: str = "", text: str | None = None) -> str:
        return a(rel(here, f"sources/{sid}", anchor), text or f"{sid} — {self.source_title(sid, lang)}")

    def contradiction_link(self, xid: str, lang: str, here: str) -> str:
        x = self.ds.contradictions[xid]
        return a(rel(here, f"contradictions/{xid}"), x.data["summary"][lang])

    def verdict_badge(self, rating: str, lang: str) -> str:
        return f'<span class="fc-verdict fc-verdict-{esc(rating)}">{esc(self.verdict(rating, lang))}</span>'

    def value_html(self, claim, lang: str, here: str) -> str:
        value = claim.data.get("value")
        if not value:
            return ""
        kind, v = next(iter(value.items()))
        if kind == "entity":
            return self.entity_link(v, lang, here)
        if kind == "text":
            return esc(v[lang])
        if kind == "quantity":
            amount = f"{v['amount']:g}" + (f"–{v['upper']:g}" if "upper" in v else "")
            return f"{bdi(amount)} {esc(v['unit'][lang])}"
        return bdi(date_words(v, lang))

    def edit_links(self, path: str, lang: str) -> str:
        if not self.repo_url:
            return ""
        edit = esc(f"{self.repo_url}/edit/main/{path}")
        # Issue forms take a field's value from the query parameter named after its id.
        query = urlencode({"template": "report-error.yml", "record": path, "title": f"{path}: "})
        report = esc(f"{self.repo_url}/issues/new?{query}")
        return (f'<p class="fc-edit"><a href="{edit}">{esc(ui("edit", lang))}</a> · '
                f'<a href="{report}">{esc(ui("report", lang))}</a> · '
                f'<span>{esc(ui("record_file", lang))}: <code dir="ltr">{esc(path)}</code></span></p>')
