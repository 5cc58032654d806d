"""What the pages need to know about the dataset, looked up once: names, labels, cross-references.
(The HTML the pages share is in templates/macros.html.)"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..dataset import Dataset, Record
from ..history import Dates
from ..schemas import Schemas
from ..values import value_key, value_text
from .markup import date_words, page_url, rel


@dataclass
class SiteData:
    ds: Dataset
    schemas: Schemas
    repo_url: str | None = None  # e.g. https://github.com/owner/name; edit links only when known
    site_url: str | None = None
    dates: Mapping[str, Dates] = field(default_factory=dict)  # record path -> first published, last changed
    project: Mapping[str, str] = field(default_factory=dict)  # the maintainers' facts (site/project.py)
    by_subject: dict[str, list[Record]] = field(default_factory=lambda: defaultdict(list))
    by_value: dict[str, list[Record]] = field(default_factory=lambda: defaultdict(list))
    by_source: dict[str, list[Record]] = field(default_factory=lambda: defaultdict(list))
    contradictions_of: dict[str, list[Record]] = field(default_factory=lambda: defaultdict(list))
    same_fact: dict[tuple, list[Record]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self):
        for _, c in sorted(self.ds.claims.items()):
            self.by_subject[c.data["subject"]].append(c)
            entity = c.data.get("value", {}).get("entity")
            if entity:
                self.by_value[entity].append(c)
            for source in dict.fromkeys(ev["source"] for ev in c.data["evidence"]):
                self.by_source[source].append(c)
            self.same_fact[self.fact_of(c)].append(c)
        for _, x in sorted(self.ds.contradictions.items()):
            for key in ("claims", "entities", "sources"):
                for rid in x.data.get(key, ()):
                    self.contradictions_of[rid].append(x)

    @staticmethod
    def fact_of(claim: Record) -> tuple:
        """Claims with the same subject, property and value state the same fact."""
        return claim.data["subject"], claim.data["property"], str(value_key(claim))

    # -- labels, from the registry of kinds, the schemas and the property vocabulary

    def kind_label(self, kind: str, lang: str) -> str:
        return self.ds.kinds.get(kind).label[lang]

    def kind_plural(self, kind: str, lang: str) -> str:
        return self.ds.kinds.get(kind).plural[lang]

    def label(self, kind: str, field_: str, value: str, lang: str) -> str:
        """How readers meet an enumerated value, e.g. label("entity", "aliases.kind", "spelling", "ar"):
        the schemas give every value words in both languages (the registry refuses them otherwise),
        so a KeyError here means a field that is not enumerated or a value it does not take."""
        return self.schemas.labels(kind, field_)[value][lang]

    def verdict(self, rating: str, lang: str) -> str:
        return self.label("claim", "verdict.rating", rating, lang)

    def resolutions(self) -> dict:
        """Resolution types in the order readers should meet them (their `priority`)."""
        labels = self.schemas.labels("contradiction", "resolution")
        return dict(sorted(labels.items(), key=lambda kv: kv[1].get("priority", len(labels) + 1)))

    def reading_order(self, contradiction: Record) -> tuple:
        """Sort key: contradictions whose resolution has the first priority come first."""
        priority = self.resolutions().get(contradiction.data["resolution"], {}).get("priority", float("inf"))
        return priority, contradiction.id

    def about_names(self, contradiction: Record) -> bool:
        """Whether a contradiction is about how a name is written, not about claims disagreeing."""
        labels = self.schemas.labels("contradiction", "resolution").get(contradiction.data["resolution"], {})
        return labels.get("about") == "names"

    def with_role(self, role: str) -> set[str]:
        """Properties whose vocabulary entry has this `role` (e.g. holds-post)."""
        return {pid for pid, p in self.ds.properties.items() if p.data.get("role") == role}

    def prop(self, pid: str, lang: str) -> str:
        p = self.ds.properties.get(pid)
        return p.data["label"][lang] if p else pid

    def name(self, eid: str, lang: str) -> str:
        e = self.ds.entities.get(eid)
        return e.data["name"][lang] if e else eid

    def source_title(self, sid: str, lang: str) -> str:
        s = self.ds.sources.get(sid)
        return s.data["title"]["text"][lang] if s else sid

    def page_address(self, page: str, lang: str) -> str:
        """A page's address for documents outside the pages (feeds, JSON-LD): absolute when the
        site's address is known, else relative to the language's root."""
        base = f"{self.site_url.rstrip('/')}/{'' if lang == 'ar' else 'en/'}" if self.site_url else ""
        return base + page_url(page)

    def dates_of(self, rec: Record) -> Dates | None:
        """When a record was first published and last changed, if the history knows."""
        return self.dates.get(rec.path)

    def address_from(self, here: str, page: str, lang: str) -> str:
        """A page's address as written on the page `here` for machines (JSON-LD): absolute when the
        site's address is known, else relative to `here`."""
        return self.page_address(page, lang) if self.site_url else rel(here, page)

    def source_name(self, sid: str, lang: str) -> str:
        """How readers meet a source: its outlet, where the page names one, and its title (ids are
        for machines)."""
        s = self.ds.sources.get(sid)
        if s is None:
            return sid
        title = s.data["title"]["text"][lang]
        outlet = s.data["outlet"]
        return f"{outlet['name'][lang]}: {title}" if outlet["shown"] and outlet.get("name") else title

    def value_words(self, claim: Record, lang: str) -> str:
        """A claim's value that is not an entity, in words (dates in the reader's language)."""
        return value_text(claim.data.get("value"), lang, date=lambda d: date_words(d, lang))
