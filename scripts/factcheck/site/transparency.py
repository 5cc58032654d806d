"""The pages that show the project's work: who stands behind it and how it works (about), every
logged change to a published record (corrections), and how to send a claim or report an error
(feedback). Facts only the maintainers know come from settings (site/project.py), never made up."""

from __future__ import annotations

from markupsafe import Markup

from .context import SiteData
from .labels import ui
from .project import NOT_FILLED, SETTINGS, missing
from .templating import render


def organization(site: SiteData, lang: str) -> dict:
    """The project as a schema.org NewsMediaOrganization, with its policies' pages (as the IFCN and
    Google read them) and the maintainers' facts that are filled in."""
    org: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsMediaOrganization",
        "name": site.project.get("publisher") or ui("site", lang),
        **{
            key: site.address_from("about", page, lang)
            for key, page in (
                ("url", "index"),
                ("correctionsPolicy", "corrections-policy"),
                ("verificationFactCheckingPolicy", "methodology"),
                ("actionableFeedbackPolicy", "feedback"),
                ("ownershipFundingInfo", "about"),
                ("publishingPrinciples", "methodology"),
            )
        },
    }
    if "contact" not in missing(site.project):
        org["contactPoint"] = {"@type": "ContactPoint", "description": site.project["contact"]}
    return org


def about_page(site: SiteData, lang: str) -> tuple[str, Markup]:
    unset = set(missing(site.project))
    facts = [(SETTINGS[key][lang], None if key in unset else site.project[key]) for key in SETTINGS]
    title = ui("about", lang)
    context = {
        "facts": facts,
        "not_filled": NOT_FILLED[lang],
        "maintainers_named": "maintainers" not in unset,
        "organization": organization(site, lang),
    }
    return title, render("about.html", site=site, lang=lang, here="about", title=title, **context)


def corrections(site: SiteData) -> list[dict]:
    """Every `changes` entry of every record, newest first."""
    out = []
    for kind in site.ds.kinds:
        if kind.page is None:
            continue
        for rid, rec in site.ds.records[kind.name].items():
            for change in rec.data.get("changes", ()):
                out.append({"kind": kind, "id": rid, "record": rec, "change": change})
    out.sort(key=lambda c: (c["change"]["date"], c["id"]), reverse=True)
    return out


def corrections_page(site: SiteData, lang: str) -> tuple[str, Markup]:
    entries = corrections(site)
    labels = site.schemas.labels("claim", "changes.kind") if entries else {}
    by_kind = {k: [e for e in entries if e["change"]["kind"] == k] for k in ("correction", "verdict-change", "update")}
    withdrawn = sorted(
        site.ds.records.get("withdrawn", {}).values(), key=lambda r: (r.data["withdrawn"], r.id), reverse=True
    )
    title = ui("corrections", lang)
    return title, render(
        "corrections.html",
        site=site,
        lang=lang,
        here="corrections",
        title=title,
        by_kind=by_kind,
        labels=labels,
        withdrawn=withdrawn,
    )


def feedback_page(site: SiteData, lang: str) -> tuple[str, Markup]:
    title = ui("feedback", lang)
    contact = None if "contact" in missing(site.project) else site.project["contact"]
    return title, render(
        "feedback.html",
        site=site,
        lang=lang,
        here="feedback",
        title=title,
        contact=contact,
        not_filled=NOT_FILLED[lang],
    )


def withdrawn_page(site: SiteData, rid: str, lang: str) -> tuple[str, Markup]:
    """What stands at a withdrawn record's address: when and why, and what replaces it."""
    tombstone = site.ds.records["withdrawn"][rid]
    kind = site.ds.kinds.get(tombstone.data["kind"])
    ref = tombstone.data.get("replaced_by")
    replacement = site.ds.records[kind.name].get(ref) if ref else None
    title = f"{ui('withdrawn', lang)}: {kind.label[lang]}"
    here = f"{kind.folder}/{rid}"
    return title, render(
        "withdrawn.html",
        site=site,
        lang=lang,
        here=here,
        title=title,
        t=tombstone.data,
        kind=kind,
        replacement=replacement,
    )
