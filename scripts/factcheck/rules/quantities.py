"""Rule 3: counts that differ for the same thing at overlapping times (FC405).

`count` claims are compared per subject and unit (what is counted); a range (amount to upper)
agrees with any count inside it. Each group of claims whose counts cannot all hold is one finding.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ..dataset import Record
from ..textnorm import normalize
from .common import active_claims, conflict_findings, value_words
from .conflicts import ByInterval, listing


def _range(claim) -> tuple:
    q = claim.data["value"]["quantity"]
    return q["amount"], q.get("upper", q["amount"])


def check(ds):
    groups = defaultdict(list)
    for claim in active_claims(ds):
        q = claim.data.get("value", {}).get("quantity")
        if q is not None:
            groups[(claim.data["subject"], claim.data["property"], normalize(q["unit"]["ar"]))].append(claim)
    for (subject, pid, _), claims in sorted(groups.items()):
        prop = ds.properties.get(pid)
        timeless = bool(prop and prop.data.get("timeless"))
        yield from conflict_findings(
            "FC405", claims, lambda: ByInterval(_range), _amounts_of(subject), timeless=timeless
        )


def _amounts_of(subject: str) -> Callable[[list[Record]], dict]:
    def fields(group: list[Record]) -> dict:
        return {"subject": subject, "amounts": listing(group, value_words)}

    return fields
