"""`factcheck report`: findings with their documentation, contradictions, verdicts, sources."""

from __future__ import annotations

import json

import pytest

from conftest import REPO, run
from rulekit import add_claim, add_contradiction

pytestmark = pytest.mark.acceptance


def test_report_json_counts_and_documentation_status(repo):
    for claim_id, governments, source in [("c-001-801", 3, "src-001"), ("c-003-801", 2, "src-003")]:
        quantity = {"amount": governments, "unit": {"ar": "حكومات", "en": "governments"}}
        add_claim(repo, claim_id, "libya", "count", {"quantity": quantity}, {"point": "2018-02-04"}, source=source)
    add_contradiction(repo, "x-count", "FC405", claims=["c-001-801", "c-003-801"])
    status, out = run(repo, "report", "--format", "json")
    doc = json.loads(out)
    assert status == 0
    assert doc["counts"]["claims"] == 5 and doc["counts"]["sources"] == 5
    documented = [f for f in doc["findings"] if f["code"] == "FC405"]
    assert documented == [
        {
            "code": "FC405",
            "message": documented[0]["message"],
            "claims": ["c-001-801", "c-003-801"],
            "entities": [],
            "sources": [],
            "documented_by": "x-count",
            "silenced_by": None,
        }
    ]
    assert doc["contradictions_by_resolution"]["temporal-succession"] == 1
    assert doc["claims_by_verdict"] == {"single-source": 5}
    assert doc["per_source"]["src-001"]["claims_extracted"] == 3


def test_report_text_on_the_dataset_has_no_undocumented_finding():
    status, out = run(REPO, "report")
    assert status == 0
    assert "UNDOCUMENTED" not in out
    assert ", 0 undocumented" in out
    assert "Claims by verdict:" in out and "Per source:" in out


def test_report_refuses_broken_data(repo):
    (repo / "facts/claims/c-001-902.yaml").write_text("id: [\n", encoding="utf-8")
    status, out = run(repo, "report")
    assert status == 1 and "FC001" in out


def test_every_change_of_holder_is_explained_by_its_dates_or_a_record():
    status, out = run(REPO, "report", "--format", "json")
    successions = json.loads(out)["successions"]
    assert status == 0 and successions
    for post, succession in successions.items():
        for change in succession["changes"]:
            assert change["explained_by"], (post, change)
    general_staff = successions["post-libyan-army-chief-of-general-staff"]["changes"]
    assert general_staff == [
        {"from": "c-000-004", "to": "c-001-007", "explained_by": "disjoint dated spans", "finding": None}
    ]
    lna = successions["post-lna-chief-of-staff"]["changes"]
    assert {"finding": "FC413", "explained_by": "x-lna-chief-of-staff-succession"}.items() <= lna[-1].items()
