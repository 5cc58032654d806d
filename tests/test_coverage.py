"""`factcheck coverage`: sentences, the claims that cover them, and reasons for the rest."""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import run
from factcheck.coverage import split_sentences


@pytest.mark.unit
def test_sentences_split_at_full_stops_not_at_headline_double_dots():
    parts = split_sentences(1, "بحضور نجل حفتر.. القاهرة تستضيف اجتماعا. وقال الوزير إن 2.5 مليون؟ نعم")
    assert [s.text for s in parts] == ["بحضور نجل حفتر.. القاهرة تستضيف اجتماعا.", "وقال الوزير إن 2.5 مليون؟", "نعم"]


def _source_002(repo):
    items = [c for c in json.loads(run(repo, "coverage", "--source", "src-002", "--format", "json")[1])["sources"]]
    return items[0]


@pytest.mark.acceptance
def test_fixture_repo_reports_missing_sentences_and_exits_one(shared_repo):
    status, out = run(shared_repo, "coverage", "--source", "src-000")
    assert status == 1
    assert "¶5.2 covered" in out and "c-000-901" in out
    assert "¶1.1 missing" in out


@pytest.mark.acceptance
def test_page_chrome_and_uncovered_reasons_explain_sentences(repo):
    doc = _source_002(repo)
    by_place = {(s["paragraph"], s["index"]): s for s in doc["sentences_detail"]}
    assert by_place[(1, 1)]["status"] == "explained" and by_place[(1, 1)]["reasons"] == ["page-chrome"]
    src = repo / "facts/sources/src-002.yaml"
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    data["uncovered"] = [{"quote": "تثير الزيارة على وجه الخصوص تساؤلات", "paragraph": 13, "reason": "opinion"}]
    src.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    by_place = {(s["paragraph"], s["index"]): s for s in _source_002(repo)["sentences_detail"]}
    assert by_place[(13, 1)]["status"] == "explained" and by_place[(13, 1)]["reasons"] == ["opinion"]


@pytest.mark.acceptance
def test_the_dataset_covers_or_explains_every_sentence():
    from conftest import REPO

    status, out = run(REPO, "coverage")
    assert status == 0, "\n".join(line for line in out.splitlines() if " missing " in line)
