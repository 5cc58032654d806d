"""Facts about the project that only its maintainers know — who runs it, who funds it, its legal
form, how to reach it — read from mkdocs.yml (`extra.project`). They are never made up: a build
that publishes (FACTCHECK_PUBLISH=1, the Pages workflow) refuses to run while any is unset, and
any other build shows "not yet filled in" where one is missing."""

from __future__ import annotations

from collections.abc import Mapping
from importlib import metadata

# Each setting, and what it says, in both languages (the transparency pages show them).
SETTINGS = {
    "publisher": {"ar": "الجهة الناشرة", "en": "Publisher"},
    "maintainers": {"ar": "القائمون على المشروع", "en": "Maintainers"},
    "funding": {"ar": "التمويل", "en": "Funding"},
    "legal_status": {"ar": "الوضع القانوني", "en": "Legal status"},
    "contact": {"ar": "التواصل", "en": "Contact"},
}
NOT_FILLED = {"ar": "لم تُملأ بعد", "en": "not yet filled in"}


class UnsetSettings(Exception):
    """A publishing build without the maintainers' facts or the site's address."""


def missing(project: Mapping | None) -> list[str]:
    """The settings not filled in (absent, empty, or only white space)."""
    project = project or {}
    return [key for key in SETTINGS if not str(project.get(key) or "").strip()]


def require_for_publishing(project: Mapping | None, site_url: str | None) -> None:
    """Raise UnsetSettings, naming what to set and where, if a publishing build lacks any of them."""
    problems = [f"extra.project.{key}" for key in missing(project)]
    if not site_url:
        problems.append("SITE_URL (the environment variable mkdocs.yml reads for site_url)")
    if problems:
        raise UnsetSettings(
            "a publishing build needs " + ", ".join(problems) + ": set them in mkdocs.yml (extra.project) and "
            "the workflow; they are facts only the maintainers know, never to be guessed"
        )


def release_version() -> str:
    """The release the data carries: the project's version (pyproject.toml, CITATION.cff)."""
    return metadata.version("factcheck")
