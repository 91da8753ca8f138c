"""Agreement on small exports whose numbers can be checked by hand."""

import json

import pytest
from typer.testing import CliRunner

from vner.evaluation.agreement import agreement, agreement_from_export
from vner.cli import app
from vner.core.errors import VnerError
from vner.model.nlp import make_nlp

TEXT = "Thiếu tướng Phạm Thế Tùng thăm Công an tỉnh Nghệ An hôm nay"


def span(text, surface, label, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return {"type": "labels", "from_name": "label", "to_name": "text",
            "value": {"start": start, "end": start + len(surface), "text": surface, "labels": [label]}}


def ann(who, *results, cancelled=False, updated="2026-01-01T00:00:00Z", aid=None):
    return {"id": aid, "completed_by": who, "was_cancelled": cancelled, "updated_at": updated, "result": list(results)}


def task(tid, *annotations, text=TEXT):
    return {"id": tid, "data": {"id": f"d{tid}", "text": text}, "annotations": list(annotations)}


RANK = span(TEXT, "Thiếu tướng", "RANK")
PERSON = span(TEXT, "Phạm Thế Tùng", "PERSON")
ORG = span(TEXT, "Công an tỉnh Nghệ An", "ORG")
PROVINCE = span(TEXT, "Nghệ An", "PROVINCE")


def test_hand_computed_pair():
    # a: RANK, PERSON, ORG; b: RANK, PROVINCE (inside a's ORG) → 1 match.
    tasks = [task(1, ann(1, RANK, PERSON, ORG), ann(2, RANK, PROVINCE))]
    r = agreement(tasks)
    assert r.tasks_compared == 1 and r.tasks_single == 0
    (pair,) = r.pairs
    assert (pair.a, pair.b) == ("user 1", "user 2")
    o = pair.overall
    assert (o["tp"], o["fp"], o["fn"]) == (1, 1, 2)
    assert o["p"] == pytest.approx(1 / 2)
    assert o["r"] == pytest.approx(1 / 3)
    assert o["f"] == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))
    assert pair.per_label["RANK"]["f"] == 1.0
    assert pair.per_label["PERSON"]["r"] == 0.0 and pair.per_label["PERSON"]["fn"] == 1
    assert pair.per_label["PROVINCE"]["fp"] == 1
    assert r.overall == o  # one pair: pooled equals the pair


def test_kappa_by_hand():
    # Syllable tokens: Thiếu tướng | Phạm Thế Tùng | thăm | Công an tỉnh Nghệ An | hôm nay
    tokens = [t.text for t in make_nlp()(TEXT)]
    assert len(tokens) == 13
    a = ["RANK", "RANK", "PERSON", "PERSON", "PERSON", "O", "ORG", "ORG", "ORG", "ORG", "ORG", "O", "O"]
    b = ["RANK", "RANK", "O", "O", "O", "O", "O", "O", "O", "PROVINCE", "PROVINCE", "O", "O"]
    n = len(a)
    po = sum(x == y for x, y in zip(a, b)) / n
    labels = set(a) | set(b)
    pe = sum((a.count(lab) / n) * (b.count(lab) / n) for lab in labels)
    expected = (po - pe) / (1 - pe)
    r = agreement([task(1, ann(1, RANK, PERSON, ORG), ann(2, RANK, PROVINCE))])
    assert r.pairs[0].tokens == n
    assert r.pairs[0].kappa == pytest.approx(expected)
    assert r.kappa == pytest.approx(expected)


def test_identical_annotations_agree_fully():
    r = agreement([task(1, ann("x", RANK, ORG), ann("y", RANK, ORG))])
    assert r.overall["f"] == 1.0 and r.kappa == pytest.approx(1.0)
    assert r.disagreements == []


def test_disagreements_pair_overlaps_and_list_missing():
    r = agreement([task(1, ann(1, RANK, PERSON, ORG), ann(2, RANK, PROVINCE))])
    found = {(d["a"] and d["a"]["label"], d["b"] and d["b"]["label"]) for d in r.disagreements}
    assert found == {("PERSON", None), ("ORG", "PROVINCE")}
    for d in r.disagreements:
        assert d["doc"] == "d1" and d["annotators"] == ["user 1", "user 2"]
        for side in ("a", "b"):
            if d[side]:
                assert TEXT[d[side]["start"]:d[side]["end"]] == d[side]["text"]


def test_single_cancelled_and_unannotated_tasks_are_counted_and_skipped():
    tasks = [
        task(1, ann(1, RANK)),  # one annotator
        task(2, ann(1, RANK), ann(2, RANK, cancelled=True)),  # the second skipped
        task(3),  # nobody
        task(4, ann(1, RANK), ann(2, RANK, PERSON)),  # compared
    ]
    r = agreement(tasks)
    assert (r.tasks, r.tasks_compared, r.tasks_single, r.tasks_unannotated) == (4, 1, 2, 1)
    assert r.overall["fp"] == 1 and r.overall["tp"] == 1


def test_latest_annotation_per_person_is_used():
    older = ann(2, PERSON, updated="2026-01-01T00:00:00Z", aid=1)
    newer = ann(2, RANK, updated="2026-02-01T00:00:00Z", aid=2)
    r = agreement([task(1, ann(1, RANK), older, newer)])
    assert r.annotations_superseded == 1
    assert r.overall["f"] == 1.0


def test_three_annotators_give_three_pairs_and_pooled_counts():
    r = agreement([task(1, ann(1, RANK), ann(2, RANK), ann(3, PERSON))])
    assert [(p.a, p.b) for p in r.pairs] == [("user 1", "user 2"), ("user 1", "user 3"), ("user 2", "user 3")]
    pooled = sum(p.overall["tp"] for p in r.pairs), sum(p.overall["fp"] for p in r.pairs), sum(p.overall["fn"] for p in r.pairs)
    assert pooled == (r.overall["tp"], r.overall["fp"], r.overall["fn"]) == (1, 2, 2)


def test_nfd_text_offsets_are_mapped_to_nfc():
    import unicodedata

    nfd = unicodedata.normalize("NFD", TEXT)

    def nfd_span(nfc_span):
        v = nfc_span["value"]
        start = len(unicodedata.normalize("NFD", TEXT[:v["start"]]))
        end = len(unicodedata.normalize("NFD", TEXT[:v["end"]]))
        return {"type": "labels", "value": {"start": start, "end": end, "labels": v["labels"]}}

    r = agreement([task(1, ann(1, nfd_span(RANK), nfd_span(ORG)), ann(2, nfd_span(RANK), nfd_span(PROVINCE)), text=nfd)])
    assert r.spans_misaligned == 0 and r.overall["tp"] == 1
    (d,) = r.disagreements
    assert (d["a"]["start"], d["a"]["end"], d["a"]["text"]) == (ORG["value"]["start"], ORG["value"]["end"], "Công an tỉnh Nghệ An")
    assert (d["b"]["start"], d["b"]["end"], d["b"]["text"]) == (PROVINCE["value"]["start"], PROVINCE["value"]["end"], "Nghệ An")


def test_misaligned_span_is_counted():
    bad = {"type": "labels", "value": {"start": 1, "end": 11, "labels": ["RANK"]}}  # "hiếu tướng"
    r = agreement([task(1, ann(1, RANK), ann(2, bad))])
    assert r.spans_misaligned == 1
    assert r.overall["tp"] == 0
    assert r.pairs[0].kappa == pytest.approx(1.0)  # widened to the same tokens


def test_cli_prints_tables_and_writes_json(tmp_path):
    export = tmp_path / "export.json"
    export.write_text(json.dumps([task(1, ann(1, RANK, PERSON, ORG), ann(2, RANK, PROVINCE)), task(2, ann(1, RANK))]), encoding="utf-8")
    out = tmp_path / "agreement.json"
    result = CliRunner().invoke(app, ["agreement", str(export), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "kappa" in result.output and "Phạm Thế Tùng" in result.output
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["tasks_compared"] == 1 and saved["tasks_single"] == 1
    assert saved == json.loads(json.dumps(agreement_from_export(export).to_dict()))


def test_cli_rejects_a_non_export(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(app, ["agreement", str(bad)])
    assert result.exit_code == 1
    assert "Not a Label Studio export" in result.output and "Traceback" not in result.output
    with pytest.raises(VnerError):
        agreement_from_export(bad)
