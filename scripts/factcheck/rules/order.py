"""Rule 6: order (FC411). A person cannot hold a post before the post, or the organisation it
belongs to, exists — when both dates are known. (An end before its start is FC111, checked with
the record itself.) The property vocabulary says which properties establish a body and which
hold a post (`role: establishes`, `role: holds-post`).

Holdings are compared with the earliest establishment claim of each body, and every holding of a
post that ends before it is one finding with that claim: the cost grows with the claims, not with
holdings × establishment claims.
"""

from __future__ import annotations

from collections import defaultdict

from ..dataset import Record
from ..timespans import EARLIEST, claim_span
from .common import active_claims, for_claims
from .conflicts import listing


def check(ds):
    earliest: dict[str, Record] = {}  # body -> its establishment claim with the earliest start
    holdings = defaultdict(list)  # post -> holding claims
    roles = {pid: prop.data.get("role") for pid, prop in ds.properties.items()}
    for claim in active_claims(ds):
        role = roles.get(claim.data["property"])
        if role == "establishes" and claim.data.get("time") and claim_span(claim)[0] != EARLIEST:
            body = claim.data["subject"]
            if body not in earliest or claim_span(claim)[0] < claim_span(earliest[body])[0]:
                earliest[body] = claim
        elif role == "holds-post" and claim.data.get("time") and "entity" in claim.data.get("value", {}):
            holdings[claim.data["value"]["entity"]].append(claim)
    for post_id, claims in sorted(holdings.items()):
        post = ds.entities.get(post_id)
        if post is None:
            continue
        for body in dict.fromkeys((post.id, post.data.get("parent"))):
            est = earliest.get(body)
            if est is None:
                continue
            start = claim_span(est)[0]
            early = sorted((c for c in claims if claim_span(c)[1] < start), key=lambda c: c.id)
            if early:
                yield for_claims(
                    "FC411",
                    [*early, est],
                    pointer=("time",),
                    post=post.id,
                    body=body,
                    holder=listing(early, lambda c: c.data["subject"]),
                )
