"""A contributor's path on a temporary copy of the repository: `new`, edit, `fmt`, `validate`;
and the pull-request path: `validate --changed` with annotations."""

from __future__ import annotations

import re

import pytest

from conftest import REPO, run, write

pytestmark = pytest.mark.acceptance

QUOTE = "اتفاق وقف إطلاق النار الموقع في 23 أكتوبر 2020"


def _next_claim_of_src_001() -> str:
    """The id `factcheck new claim --source src-001` gives next: one past the highest in the data."""
    numbers = [int(p.stem.rsplit("-", 1)[1]) for p in (REPO / "facts/claims").glob("c-001-*.yaml")]
    return f"c-001-{max(numbers) + 1:03d}"


NEXT = _next_claim_of_src_001()


def new_claim(root, quote=QUOTE):
    return run(
        root,
        "new",
        "claim",
        "--source",
        "src-001",
        "--quote",
        quote,
        "--subject",
        "ceasefire-agreement-2020",
        "--property",
        "signed",
    )


def test_new_claim_edit_fmt_validate(copy):
    status, out = new_claim(copy)
    assert status == 0
    path = copy / out.strip()
    assert path.name == f"{NEXT}.yaml"
    text = path.read_text(encoding="utf-8")
    assert "paragraph: 7" in text and f"id: {NEXT}" in text
    status, out = run(copy, "validate")
    assert status == 1 and out.count("FC106") == 3, "the skeleton names each field still to fill in"
    assert "evidence.0.translation still holds the placeholder" in out
    assert "statement.ar still holds the placeholder" in out and "verdict" not in out.split("FC106", 1)[0]
    # The contributor fills it in, in their own order and style.
    text = (
        text.replace("ar: اكتب هنا بالعربية.", "ar: وُقّع اتفاق وقف إطلاق النار في 23 أكتوبر 2020.", 1)
        .replace("en: Write here in English.", 'en: "The ceasefire agreement was signed on 23 October 2020."', 1)
        .replace(
            "translation: Write here in English.", "translation: the ceasefire agreement signed on 23 October 2020"
        )
    )
    text += "time: {basis: stated, point: '2020-10-23'}\n"
    path.write_text(text, encoding="utf-8")
    assert run(copy, "fmt")[0] == 0
    assert "time:\n  point: '2020-10-23'\n  basis: stated\n" in path.read_text(encoding="utf-8")
    status, out = run(copy, "validate")
    assert status == 0, out


def test_new_claim_refuses_a_quote_not_in_the_article(copy):
    status, _ = new_claim(copy, QUOTE.replace("23", "24"))
    assert status == 1
    assert not (copy / f"facts/claims/{NEXT}.yaml").exists()


def test_new_never_overwrites(copy):
    write(copy, f"facts/claims/{NEXT}.yaml", "id: [broken\n")  # not a record yet, so its number looks free
    assert new_claim(copy)[0] == 1
    assert (copy / f"facts/claims/{NEXT}.yaml").read_text(encoding="utf-8") == "id: [broken\n"


def test_new_entity_source_and_contradiction(copy):
    status, out = run(
        copy, "new", "entity", "--type", "person", "--name-ar", "فلان الفلاني", "--name-en", "Fulan al-Fulani"
    )
    assert status == 0 and out.strip() == "facts/entities/fulan-al-fulani.yaml"
    write(copy, "seeds/005_new.txt", "نص مقال جديد.\n")
    status, out = run(copy, "new", "source", "--file", "seeds/005_new.txt")
    assert status == 0 and out.strip() == "facts/sources/src-005.yaml"
    status, out = run(copy, "new", "contradiction", "--claims", "c-000-001", "c-001-001")
    assert status == 0 and out.strip() == "facts/contradictions/x-001.yaml"
    status, out = run(copy, "validate")
    codes = set(re.findall(r" (FC\d{3}) ", out))
    # Only the placeholders, and the two claims' verdicts that must now name the record, stand between
    # the skeletons and a pass.
    assert status == 1 and codes == {"FC106", "FC208"}, out
    assert "facts/claims/c-000-001.yaml" in out and "verdict.reasoning.en does not name x-001" in out
    for field in ("description.en", "title.text.ar", "published.reason.en", "summary.ar", "explanation.en"):
        assert f"FC106 {field} still holds the placeholder" in out


def test_new_claim_refuses_a_quote_without_words(copy):
    for quote in ("…", "... … ...", "اتفاق … و", "ـــ"):
        status, _ = new_claim(copy, quote)
        assert status == 1
    assert not (copy / f"facts/claims/{NEXT}.yaml").exists()


def test_new_claim_needs_its_arguments(copy):
    status, _ = run(copy, "new", "claim", "--source", "src-001")
    assert status == 2


def test_three_mistakes_give_three_annotations(copy):
    status, out = new_claim(copy)
    path = copy / out.strip()
    text = path.read_text(encoding="utf-8")
    text = (
        text.replace("اكتب هنا بالعربية.", "وُقّع الاتفاق.")
        .replace("Write here in English.", "It was signed.")
        .replace("subject: ceasefire-agreement-2020", "subject: ceasefire-agreement")  # dangling reference
        .replace("paragraph: 7", "paragraph: 6")  # wrong paragraph
        .replace("rating: single-source", "rating: probably-true")
    )  # not on the scale
    path.write_text(text, encoding="utf-8")
    status, out = run(copy, "validate", "--changed", "HEAD", "--format", "github")
    annotations = [line for line in out.splitlines() if line.startswith("::error ")]
    assert status == 1 and len(annotations) == 3
    codes = sorted(re.search(r"title=(FC\d{3})", a).group(1) for a in annotations)
    assert codes == ["FC104", "FC203", "FC302"]
    assert all(f"file=facts/claims/{NEXT}.yaml,line=" in a for a in annotations)


def test_changed_shows_conflicts_with_unchanged_records(copy):
    """A pull request adding a second chief of staff is caught through the record it conflicts with."""
    status, out = run(
        copy,
        "new",
        "claim",
        "--source",
        "src-003",
        "--quote",
        "اللواء خالد حفتر",
        "--subject",
        "khaled-haftar",
        "--property",
        "holds-post",
        "--value",
        "post-lna-chief-of-staff",
    )
    assert status == 0
    path = copy / out.strip()
    text = path.read_text(encoding="utf-8").replace("اكتب هنا بالعربية.", "خالد حفتر رئيس الأركان.")
    text = text.replace("Write here in English.", "Khaled Haftar is chief of staff.")
    path.write_text(text + "time:\n  point: '2018'\n  basis: stated\n", encoding="utf-8")
    status, out = run(copy, "validate", "--changed", "HEAD")
    # Both are dated only to 2018, so they may hold the post on the same day: a warning (FC413)
    # naming the unchanged claim, to document.
    assert status == 0
    assert "FC413" in out and "c-000-002" in out and "(warning)" in out


def test_changed_shows_references_to_a_deleted_record(copy):
    (copy / "facts/entities/osama-hammad.yaml").unlink()
    status, out = run(copy, "validate", "--changed", "HEAD")
    assert status == 1 and "FC203" in out and "osama-hammad" in out


def test_changed_hides_nothing_when_nothing_changed(copy):
    assert run(copy, "validate", "--changed", "HEAD")[0] == 0
