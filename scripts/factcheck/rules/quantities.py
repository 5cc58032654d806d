"""Rule 3: counts that differ for the same thing at overlapping times (FC405).

`count` claims are compared per subject and unit (what is counted); a range (amount to upper)
agrees with any count inside it. Each group of claims whose counts cannot all hold is one finding.
"""

from __future__ import annotations

from collections import defaultdict

from ..textnorm import normalize
from ..timespans import claim_span
from .common import active_claims, for_claims, value_words
from .conflicts import ByInterval, conflict_groups, listing


def _range(claim) -> tuple:
    q = claim.data["value"]["quantity"]
    return q["amount"], q.get("upper", q["amount"])


def check(ds):
    groups = defaultdict(list)
    for claim in active_claims(ds):
        q = claim.data.get("value", {}).get("quantity")
        if q is not None:
            groups[(claim.data["subject"], claim.data["property"], normalize(q["unit"]["ar"]))].append(claim)
    for (subject, _, _), claims in sorted(groups.items()):
        for group in conflict_groups([(claim_span(c), c) for c in claims], ByInterval(_range)):
            yield for_claims("FC405", group, subject=subject, amounts=listing(group, value_words))
