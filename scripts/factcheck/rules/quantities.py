"""Rule 3: counts that differ for the same thing at overlapping times (FC405).

`count` claims are compared per subject and unit (what is counted); a range (amount to upper)
agrees with any count inside it.
"""

from __future__ import annotations

from collections import defaultdict

from ..textnorm import normalize
from .common import active_claims, for_claims, value_words
from .timeline import claim_span, overlapping_pairs


def check(ds):
    groups = defaultdict(list)
    for claim in active_claims(ds):
        q = claim.data.get("value", {}).get("quantity")
        if q is not None:
            groups[(claim.data["subject"], claim.data["property"], normalize(q["unit"]["ar"]))].append(claim)
    for (subject, _, _), claims in sorted(groups.items()):
        for a, b in overlapping_pairs([(claim_span(c), c) for c in claims]):
            if not _ranges_meet(a.data["value"]["quantity"], b.data["value"]["quantity"]):
                yield for_claims("FC405", [a, b], subject=subject, amounts=f"{value_words(a)} and {value_words(b)}")


def _ranges_meet(qa, qb) -> bool:
    return qa["amount"] <= qb.get("upper", qb["amount"]) and qb["amount"] <= qa.get("upper", qa["amount"])
