"""How to cite a claim: a sentence, BibTeX and CSL-JSON, each with the claim's permanent address
and the release of the data it belongs to."""

from __future__ import annotations

import json
import re

from .context import SiteData
from .labels import ui
from .project import release_version

AUTHOR = "Contributors to the Libya army unification fact-check"  # as CITATION.cff names them

_LATEX = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}", **{c: "\\" + c for c in "{}%&$#_"}}
_LATEX_SPECIAL = re.compile("[" + re.escape("".join(_LATEX)) + "]")


def _bibtex(text: str) -> str:
    """`text` as a BibTeX field value: LaTeX's special characters escaped."""
    return _LATEX_SPECIAL.sub(lambda m: _LATEX[m.group(0)], text)


def claim_citation(site: SiteData, cid: str, lang: str) -> dict[str, str]:
    claim = site.ds.claims[cid]
    statement = claim.data["statement"][lang]
    verdict = site.verdict(claim.data["verdict"]["rating"], lang)
    url = site.page_address(f"claims/{cid}", lang) or f"claims/{cid}/"
    version = release_version()
    when = site.dates_of(claim)
    day = when.modified if when else None
    sentence = f"{AUTHOR}. “{statement}” ({verdict}). {ui('site', lang)}, {cid}, release {version}"
    sentence += (f", {day}" if day else "") + f". {url}"
    fields = {
        "author": "{" + _bibtex(AUTHOR) + "}",
        "title": "{" + _bibtex(statement) + "}",
        "howpublished": "{" + _bibtex(ui("site", lang)) + "}",
        "note": "{" + _bibtex(f"{verdict}; release {version}") + "}",
        "url": "{" + url + "}",
        **({"year": "{" + day[:4] + "}", "urldate": "{" + day + "}"} if day else {}),
    }
    bibtex = f"@misc{{factcheck-{cid},\n" + ",\n".join(f"  {k} = {v}" for k, v in fields.items()) + "\n}"
    csl = {
        "id": f"factcheck-{cid}",
        "type": "webpage",
        "title": statement,
        "author": [{"literal": AUTHOR}],
        "container-title": ui("site", lang),
        "note": f"{verdict}; release {version}",
        "version": version,
        "URL": url,
        "language": lang,
        **({"issued": {"date-parts": [[int(part) for part in day.split("-")]]}} if day else {}),
    }
    return {"text": sentence, "bibtex": bibtex, "csl": json.dumps(csl, ensure_ascii=False, indent=1)}
