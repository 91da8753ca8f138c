"""`vner convert`: every case a real Label Studio export contains.

Fixtures follow Label Studio's documented JSON export: a list of tasks with
`data`, `annotations[].result[]` (`type: "labels"`, `value.start/end/text/
labels`), `was_cancelled`, `completed_by`, `updated_at` and `predictions`.
"""

import json
import unicodedata

import pytest
from spacy.tokens import DocBin
from typer.testing import CliRunner

from vner.annotation.convert import (
    ConvertReport,
    convert_export,
    gold_docs,
    labelstudio_to_docs,
    load_export,
)
from vner.cli import app
from vner.core.errors import VnerError
from vner.model.nlp import make_nlp
from vner.core.resources import SEED_GOLD

TEXT = "Thiếu tướng Phạm Thế Tùng làm việc với Công an tỉnh Nghệ An, thu 417,9 kg ma túy."


def span(text, sub, label, *, nth=0, value_text=True, start=None, end=None):
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    start = i if start is None else start
    end = i + len(sub) if end is None else end
    value = {"start": start, "end": end, "labels": [label] if isinstance(label, str) else label}
    if value_text:
        value["text"] = text[start:end]
    return {"id": f"r{start}", "type": "labels", "from_name": "label", "to_name": "text", "origin": "manual", "value": value}


def annotation(result, *, id=1, user=1, cancelled=False, updated="2026-11-20T10:00:00.000000Z"):
    return {
        "id": id, "completed_by": user, "was_cancelled": cancelled, "ground_truth": False,
        "created_at": updated, "updated_at": updated, "lead_time": 3.2, "result": result,
    }


def task(text, annotations=(), *, id=1, doc_id="d1", predictions=()):
    return {
        "id": id, "data": {"id": doc_id, "text": text, "meta": {"date": "2023-07"}},
        "annotations": list(annotations), "predictions": list(predictions), "meta": {},
        "created_at": "2026-11-20T09:00:00.000000Z", "updated_at": "2026-11-20T10:00:00.000000Z",
        "inner_id": id, "total_annotations": len(annotations), "cancelled_annotations": 0,
        "total_predictions": len(predictions), "project": 1,
    }


def convert(tasks, **kwargs):
    report = ConvertReport()
    docs = list(labelstudio_to_docs(tasks, make_nlp(), report=report, **kwargs))
    return docs, report


def ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


GOOD = [span(TEXT, "Thiếu tướng", "RANK"), span(TEXT, "Phạm Thế Tùng", "PERSON"), span(TEXT, "Công an tỉnh Nghệ An", "ORG"), span(TEXT, "417,9 kg", "QUANTITY")]


def test_clean_task_round_trips():
    docs, report = convert([task(TEXT, [annotation(GOOD)])])
    assert docs[0].text == TEXT
    assert ents(docs[0]) == [("Thiếu tướng", "RANK"), ("Phạm Thế Tùng", "PERSON"), ("Công an tỉnh Nghệ An", "ORG"), ("417,9 kg", "QUANTITY")]
    assert docs[0].user_data["id"] == "d1" and docs[0].user_data["meta"]["date"] == "2023-07"
    assert report.dropped == 0 and not report.counts


@pytest.mark.parametrize(
    "tasks,case,n_docs",
    [
        ([task(TEXT)], "task_no_annotation", 0),
        ([task(TEXT, [annotation(GOOD, cancelled=True)])], "task_only_cancelled", 0),
        ([task(TEXT, [annotation([])])], "annotation_empty_result", 1),
        ([task(TEXT, predictions=[{"model_version": "rules", "result": GOOD}])], "predictions_ignored", 0),
        ([task(TEXT, [annotation([{"type": "choices", "value": {"choices": ["ok"]}}])])], "result_not_a_span", 1),
    ],
    ids=["no-annotation", "only-cancelled", "empty-result", "predictions-only", "choices"],
)
def test_task_level_cases(tasks, case, n_docs):
    docs, report = convert(tasks)
    assert len(docs) == n_docs
    assert report.counts[case] == 1
    assert all(not doc.ents for doc in docs)


def test_predictions_are_never_gold():
    t = task(TEXT, [annotation([span(TEXT, "Nghệ An", "PROVINCE")])], predictions=[{"model_version": "rules", "result": GOOD}])
    docs, report = convert([t])
    assert ents(docs[0]) == [("Nghệ An", "PROVINCE")]
    assert report.counts["predictions_ignored"] == 1


def test_several_annotations_latest_by_default_all_on_request():
    old = annotation([span(TEXT, "Nghệ An", "PROVINCE")], id=1, user=1, updated="2026-11-20T10:00:00Z")
    new = annotation(GOOD, id=2, user=2, updated="2026-11-21T10:00:00Z")
    skipped = annotation([], id=3, user=3, cancelled=True, updated="2026-11-22T10:00:00Z")
    docs, report = convert([task(TEXT, [new, old, skipped])])
    assert len(docs) == 1 and len(docs[0].ents) == 4 and docs[0].user_data["meta"]["annotator"] == 2
    assert report.counts["annotation_superseded"] == 1
    docs, _ = convert([task(TEXT, [new, old, skipped])], annotations="all")
    assert sorted(d.user_data["id"] for d in docs) == ["d1#1", "d1#2"]
    assert {d.user_data["group"] for d in docs} == {"d1"}


@pytest.mark.parametrize(
    "raw,expected",
    [
        (" Phạm Thế Tùng ", "Phạm Thế Tùng"),
        ("(Phạm Thế Tùng,", "Phạm Thế Tùng"),
        ("Nghệ An.", "Nghệ An"),
        ("\nNghệ An", "Nghệ An"),
    ],
)
def test_spans_trimmed(raw, expected):
    text = f"Gặp {raw} hôm nay."
    docs, report = convert([task(text, [annotation([span(text, raw, "PERSON")])])])
    assert [e.text for e in docs[0].ents] == [expected]
    assert report.counts["span_trimmed"] == 1 and report.dropped == 0


def test_closing_bracket_of_the_name_is_kept():
    text = "Tờ Báo (Nghệ An) đưa tin."
    docs, report = convert([task(text, [annotation([span(text, "Báo (Nghệ An)", "ORG")])])])
    assert ents(docs[0]) == [("Báo (Nghệ An)", "ORG")]
    assert not report.counts


def test_overlapping_and_nested_spans_keep_the_outermost():
    result = [
        span(TEXT, "Công an tỉnh Nghệ An", "ORG"),
        span(TEXT, "Nghệ An", "PROVINCE"),  # nested
        span(TEXT, "tỉnh Nghệ An, thu", "ORG"),  # crossing, shorter than the ORG
    ]
    docs, report = convert([task(TEXT, [annotation(result)])])
    assert ents(docs[0]) == [("Công an tỉnh Nghệ An", "ORG")]
    assert report.counts["span_overlap_dropped"] == 2
    assert {ex["span"] for ex in report.examples["span_overlap_dropped"]} == {"Nghệ An", "tỉnh Nghệ An, thu"}


def test_duplicates_merged_conflicts_dropped():
    result = [span(TEXT, "Nghệ An", "PROVINCE"), span(TEXT, "Nghệ An", "PROVINCE"), span(TEXT, "Phạm Thế Tùng", "PERSON"), span(TEXT, "Phạm Thế Tùng", "ORG"), span(TEXT, "417,9 kg", ["QUANTITY", "ORG"])]
    docs, report = convert([task(TEXT, [annotation(result)])])
    assert ents(docs[0]) == [("Nghệ An", "PROVINCE")]
    assert report.counts["span_duplicate"] == 1
    assert report.counts["span_label_conflict_dropped"] == 3


def test_unknown_labels_dropped_unless_named():
    result = [span(TEXT, "ma túy", "DRUG"), span(TEXT, "Nghệ An", "PROVINCE")]
    docs, report = convert([task(TEXT, [annotation(result)])])
    assert ents(docs[0]) == [("Nghệ An", "PROVINCE")]
    assert report.counts["span_unknown_label_dropped"] == 1
    assert report.examples["span_unknown_label_dropped"][0]["label"] == "DRUG"
    docs, report = convert([task(TEXT, [annotation(result)])], labels=("PROVINCE", "DRUG"))
    assert ents(docs[0]) == [("Nghệ An", "PROVINCE"), ("ma túy", "DRUG")]


def test_value_text_mismatch_reported():
    bad = span(TEXT, "Nghệ An", "PROVINCE")
    bad["value"]["text"] = "Hà Tĩnh"
    docs, report = convert([task(TEXT, [annotation([bad])])])
    assert ents(docs[0]) == [("Nghệ An", "PROVINCE")]
    assert report.counts["span_text_mismatch"] == 1


def test_misaligned_span_reported_with_context_not_widened():
    # Ends inside the syllable "Tùng".
    result = [span(TEXT, "Phạm Thế Tù", "PERSON")]
    docs, report = convert([task(TEXT, [annotation(result)])])
    assert not docs[0].ents
    ex = report.examples["span_misaligned_dropped"][0]
    assert ex["span"] == "Phạm Thế Tù" and "[Phạm Thế Tù]ng" in ex["context"] and ex["tokens"] == ["Phạm", "Thế", "Tùng"]


@pytest.mark.parametrize("start,end", [(-1, 3), (5, 5), (10, 10_000)])
def test_out_of_range_spans_dropped(start, end):
    docs, report = convert([task(TEXT, [annotation([span(TEXT, "Nghệ An", "PROVINCE", start=start, end=end, value_text=False)])])])
    assert not docs[0].ents and report.counts["span_empty_dropped"] == 1


@pytest.mark.parametrize(
    "value",
    [
        {"end": 5, "labels": ["ORG"]},  # no start: was silently lost ("No span dropped")
        {"start": 0, "labels": ["ORG"]},
        {"start": "a", "end": 3, "labels": ["ORG"]},
        {"start": True, "end": 3, "labels": ["ORG"]},
        {"start": 0, "end": 3, "labels": None},
        {"start": 0, "end": 3, "labels": []},
        {"start": 0, "end": 3, "labels": [None]},
        {"start": 0, "end": 3.0, "labels": ["ORG"]},
        None,
        "start end labels",
    ],
    ids=["no-start", "no-end", "start-string", "start-bool", "labels-null", "labels-empty", "label-null", "end-float", "value-null", "value-string"],
)
def test_malformed_labelled_spans_are_dropped_and_counted(tmp_path, value):
    item = {"type": "labels", "from_name": "label", "to_name": "text", "value": value}
    docs, report = convert([task(TEXT, [annotation([item, span(TEXT, "Nghệ An", "PROVINCE")])])])
    assert ents(docs[0]) == [("Nghệ An", "PROVINCE")]
    assert report.counts["span_malformed_dropped"] == 1 and report.dropped == 1
    export = tmp_path / "export.json"
    export.write_text(json.dumps([task(TEXT, [annotation([item])])]), encoding="utf-8")
    with pytest.raises(VnerError, match="--strict"):
        convert_export(export, tmp_path / "out", strict=True, dev_fraction=0)


def test_labels_given_as_a_string_are_one_label():
    item = span(TEXT, "Phạm Thế Tùng", "PERSON")
    item["value"]["labels"] = "PERSON"  # was reported as a conflict between P/E/R/S/O/N
    docs, report = convert([task(TEXT, [annotation([item])])])
    assert ents(docs[0]) == [("Phạm Thế Tùng", "PERSON")]
    assert report.counts["span_label_string"] == 1 and report.dropped == 0


@pytest.mark.parametrize("text,sub", [("Giá tăng 15% so với năm trước.", "15%"), ("Tỉ lệ 20‰.", "20‰"), ("Tăng 15 %.", "15 %")])
def test_unit_symbols_stay_in_quantities(text, sub):
    item = span(text, sub, "QUANTITY")
    docs, report = convert([task(text, [annotation([item])])])
    assert ents(docs[0]) == [(sub, "QUANTITY")]
    assert report.dropped == 0 and not report.counts["span_trimmed"]


def test_percent_after_a_word_is_still_trimmed():
    text = "Báo Nghệ An% đưa tin."
    docs, _ = convert([task(text, [annotation([span(text, "Nghệ An%", "PROVINCE")])])])
    assert ents(docs[0]) == [("Nghệ An", "PROVINCE")]


BROKEN = [
    ("labels", lambda t: t["annotations"][0]["result"][0]["value"].update(labels=None), None),
    ("result-string", lambda t: t["annotations"][0].update(result="PERSON 0 5"), "`result` is a string"),
    ("result-item-null", lambda t: t["annotations"][0]["result"].append(None), "result item #1 is null"),
    ("annotation-null", lambda t: t["annotations"].append(None), "annotation #1 is null"),
    ("annotations-object", lambda t: t.update(annotations={"result": []}), "`annotations` is a object"),
    ("lone-surrogate", lambda t: t["data"].update(text="Nghệ An \ud800"), "lone surrogate"),
    ("huge-id", lambda t: t.update(id=10**30), "cannot be stored"),
]


@pytest.mark.parametrize("name,breaks,message", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_exports_are_a_message_naming_the_task(tmp_path, name, breaks, message):
    t = task(TEXT, [annotation([span(TEXT, "Nghệ An", "PROVINCE")])], id=41)
    breaks(t)
    export = tmp_path / "export.json"
    export.write_text(json.dumps([task(TEXT, [], id=40, doc_id="d0"), t]), encoding="utf-8")
    result = CliRunner().invoke(app, ["convert", str(export), "-o", str(tmp_path / "out"), "--dev-fraction", "0"])
    if message is None:  # a span-level fault: dropped and counted, the rest converts
        assert result.exit_code == 0, result.output
        assert "span_malformed_dropped" in result.output and "1 span(s) dropped" in result.output
        return
    assert result.exit_code == 1, result.output
    out = " ".join(result.output.split())  # wasabi wraps long lines
    assert message in out and "Traceback" not in out
    assert "task #1 (id " in out
    assert not (tmp_path / "out").exists()


def test_document_over_spacy_max_length_is_refused_naming_it(tmp_path):
    from vner.annotation.convert import MAX_CHARS

    long = ("Công an tỉnh Nghệ An bắt 3 đối tượng. " * (MAX_CHARS // 38 + 2))[: MAX_CHARS + 10]
    export = tmp_path / "export.json"
    export.write_text(json.dumps([task(long, [annotation([span(long, "Nghệ An", "PROVINCE")])], doc_id="long-one")]), encoding="utf-8")
    result = CliRunner().invoke(app, ["convert", str(export), "-o", str(tmp_path / "out"), "--dev-fraction", "0"])
    assert result.exit_code == 1, result.output
    out = " ".join(result.output.split())
    assert "Document too long" in out and "long-one" in out and "Split it" in out
    assert "Traceback" not in out and not (tmp_path / "out").exists()


def test_single_document_goes_to_train_when_dev_is_optional(tmp_path):
    export = tmp_path / "export.json"
    export.write_text(json.dumps([task(TEXT, [annotation(GOOD)])]), encoding="utf-8")
    with pytest.raises(VnerError, match="Too few documents"):
        convert_export(export, tmp_path / "strict")
    report = convert_export(export, tmp_path / "out", dev_optional=True)
    assert report.train == ["d1"] and report.dev == [] and report.counts["dev_split_skipped"] == 1


def test_nfd_text_is_normalised_and_offsets_remapped():
    nfd = unicodedata.normalize("NFD", TEXT)
    assert len(nfd) > len(TEXT)
    docs, report = convert([task(nfd, [annotation([span(nfd, unicodedata.normalize("NFD", "Công an tỉnh Nghệ An"), "ORG"), span(nfd, "417,9 kg", "QUANTITY")])])])
    assert docs[0].text == TEXT
    assert ents(docs[0]) == [("Công an tỉnh Nghệ An", "ORG"), ("417,9 kg", "QUANTITY")]
    assert report.counts["text_normalized_nfc"] == 1 and report.dropped == 0


def test_utf16_offsets_after_an_emoji_are_remapped():
    text = "🚔 Công an tỉnh Nghệ An 👮 và Phạm Thế Tùng"
    start = text.index("Phạm")
    # A browser counts each emoji as two UTF-16 code units.
    value = {"start": start + 2, "end": start + 2 + len("Phạm Thế Tùng"), "text": "Phạm Thế Tùng", "labels": ["PERSON"]}
    docs, report = convert([task(text, [annotation([{"type": "labels", "value": value}])])])
    assert ents(docs[0]) == [("Phạm Thế Tùng", "PERSON")]
    assert report.counts["span_utf16_offsets"] == 1


@pytest.mark.parametrize("text", ["", "Dòng một\r\nDòng hai Nghệ An\r\n", "😀😀 Nghệ An"])
def test_edge_texts(text):
    result = [span(text, "Nghệ An", "PROVINCE")] if "Nghệ An" in text else []
    docs, report = convert([task(text, [annotation(result)])])
    assert docs[0].text == text
    assert [e.text for e in docs[0].ents] == (["Nghệ An"] if result else [])


def test_seed_gold_converts_without_loss():
    tasks = load_export(SEED_GOLD)
    docs, report = convert(tasks)
    assert report.dropped == 0 and not report.counts
    n_gold = sum(len(a["result"]) for t in tasks for a in t["annotations"])
    assert sum(len(d.ents) for d in docs) == n_gold
    for doc, t in zip(docs, tasks):
        assert doc.text == t["data"]["text"]
        spans_in = sorted((r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in t["annotations"][0]["result"])
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == spans_in


def test_convert_export_writes_corpus_and_report(tmp_path):
    report = convert_export(SEED_GOLD, tmp_path, dev_fraction=0.2, seed=1)
    train = list(DocBin().from_disk(tmp_path / "train.spacy").get_docs(make_nlp().vocab))
    dev = list(DocBin().from_disk(tmp_path / "dev.spacy").get_docs(make_nlp().vocab))
    assert len(train) + len(dev) == 5 and len(dev) == 1
    assert {d.user_data["id"] for d in train}.isdisjoint({d.user_data["id"] for d in dev})
    saved = json.loads((tmp_path / "report.json").read_text())
    assert saved["entities_total"] == sum(len(d.ents) for d in train + dev) == sum(report.entities.values())
    assert saved["splits"]["dev"] == [d.user_data["id"] for d in dev]
    # Same seed, same split; re-running overwrites in place, no duplicates.
    again = convert_export(SEED_GOLD, tmp_path, dev_fraction=0.2, seed=1)
    assert again.dev == report.dev
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dev.spacy", "report.json", "train.spacy"]


def test_dev_fraction_zero_puts_everything_in_train(tmp_path):
    report = convert_export(SEED_GOLD, tmp_path, dev_fraction=0)
    assert len(report.train) == 5 and report.dev == []


def test_strict_refuses_dropped_spans_and_writes_nothing(tmp_path):
    export = tmp_path / "export.json"
    export.write_text(json.dumps([task(TEXT, [annotation([span(TEXT, "ma túy", "DRUG")])])]), encoding="utf-8")
    with pytest.raises(VnerError, match="--strict"):
        convert_export(export, tmp_path / "out", strict=True, dev_fraction=0)
    assert not (tmp_path / "out").exists()
    convert_export(export, tmp_path / "out", dev_fraction=0)
    assert (tmp_path / "out" / "train.spacy").exists()


@pytest.mark.parametrize(
    "content,message",
    [
        ("{not json", "invalid JSON at line 1"),
        ('{"tasks": []}', "not a list"),
        ("[]", "no tasks"),
        ('[{"text": "x"}]', "no `data` object"),
        ('[{"data": {"content": "x"}}]', "no string `data.text`"),
    ],
)
def test_not_an_export(tmp_path, content, message):
    path = tmp_path / "export.json"
    path.write_text(content)
    with pytest.raises(VnerError, match=message):
        load_export(path)


def test_cli_convert_reports_and_fails_cleanly(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["convert", str(SEED_GOLD), "-o", str(tmp_path / "corpus")])
    assert result.exit_code == 0, result.output
    assert "215 entities" in result.output and "No span dropped" in result.output
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    result = runner.invoke(app, ["convert", str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "Not a Label Studio export" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_gold_docs_are_the_seed_gold():
    docs = gold_docs()
    assert [d.user_data["id"] for d in docs][0] == "000_488e9651ca8ddcc9"
    assert sum(len(d.ents) for d in docs) == 215
