"""Rule 6: order (FC411). A person cannot hold a post before the post, or the organisation it
belongs to, exists — when both dates are known. (An end before its start is FC111, checked with
the record itself.)"""

from __future__ import annotations

from collections import defaultdict

from .common import active_claims, for_claims
from .timeline import EARLIEST, claim_span


def check(ds):
    founded = defaultdict(list)
    holdings = []
    for claim in active_claims(ds):
        pid = claim.data["property"]
        if pid == "established" and claim.data.get("time"):
            founded[claim.data["subject"]].append(claim)
        elif pid == "holds-post" and claim.data.get("time") and "entity" in claim.data.get("value", {}):
            holdings.append(claim)
    for holding in holdings:
        post = ds.entities.get(holding.data["value"]["entity"])
        if post is None:
            continue
        for body in (post.id, post.data.get("parent")):
            for est in founded.get(body, []):
                start = claim_span(est)[0]
                if start != EARLIEST and claim_span(holding)[1] < start:
                    yield for_claims("FC411", [holding, est], pointer=("time",), holder=holding.data["subject"], post=post.id, body=body)

