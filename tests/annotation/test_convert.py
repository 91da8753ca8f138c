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


@pytest.mark.parametrize("raw, kept", [("Lò Văn T.", "Lò Văn T."), ("N.H.", "N.H."), ("Lò Văn T..", "Lò Văn T."),
                                       ("Nghệ An.", "Nghệ An")])
def test_an_initials_dot_stays_in_the_name(raw, kept):
    """Guidelines, decided case 12: the dot of an initial is the name's; a second dot, the sentence's, is trimmed."""
    text = f"Công an bắt giữ {raw}"
    docs, report = convert([task(text, [annotation([span(text, raw, "PERSON")])])])
    assert [e.text for e in docs[0].ents] == [kept]
    assert report.counts["span_trimmed"] == (raw != kept) and report.dropped == 0


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


# --- Streaming and shards --------------------------------------------------


def split_tasks():
    """62 tasks: ids out of order, two tasks sharing a document, a second
    annotator on some, skipped and unannotated tasks."""
    tasks = []
    for i in range(60):
        doc_id = f"doc-{(i * 37) % 60:02d}" if i != 59 else "doc-05"
        anns = [annotation(GOOD[: 1 + i % 4], id=2 * i + 1, user=1)]
        if i % 5 == 0:
            anns.append(annotation(GOOD[:1], id=2 * i + 2, user=2, updated="2026-11-21T10:00:00.000000Z"))
        if i % 11 == 3:
            anns = [annotation(GOOD, id=2 * i + 1, cancelled=True)]
        tasks.append(task(TEXT, anns, id=100 + i, doc_id=doc_id))
    tasks.append(task(TEXT, [], id=200, doc_id="doc-x"))
    tasks.append(task(TEXT, id=201, doc_id="doc-y"))
    return tasks


# (train size, dev ids) written by `vner convert` before it streamed (commit
# 626e59a, the export read whole with json.loads): the same seed must keep
# drawing the same dev documents.
SPLITS_BEFORE_STREAMING = {
    ("latest", 0.2, 0): (43, ["doc-42", "doc-29", "doc-34", "doc-11", "doc-48", "doc-02", "doc-35", "doc-45", "doc-36", "doc-04", "doc-32"]),
    ("latest", 0.2, 1): (43, ["doc-37", "doc-33", "doc-10", "doc-52", "doc-43", "doc-20", "doc-57", "doc-34", "doc-02", "doc-35", "doc-50"]),
    ("latest", 0.35, 7): (35, ["doc-37", "doc-14", "doc-19", "doc-33", "doc-10", "doc-24", "doc-01", "doc-52", "doc-16", "doc-30",
                               "doc-44", "doc-21", "doc-35", "doc-40", "doc-45", "doc-41", "doc-18", "doc-55", "doc-32"]),
    ("all", 0.2, 0): (52, ["doc-42#13", "doc-29#35", "doc-34#45", "doc-11#47", "doc-48#49", "doc-02#53", "doc-35#71", "doc-35#72",
                           "doc-45#91", "doc-45#92", "doc-36#97", "doc-04#105", "doc-32#113"]),
    ("all", 0.2, 1): (50, ["doc-37#3", "doc-33#19", "doc-10#21", "doc-10#22", "doc-52#33", "doc-43#39", "doc-20#41", "doc-20#42",
                           "doc-57#43", "doc-34#45", "doc-02#53", "doc-35#71", "doc-35#72", "doc-50#101", "doc-50#102"]),
    ("all", 0.35, 7): (40, ["doc-37#3", "doc-14#5", "doc-19#15", "doc-33#19", "doc-10#21", "doc-10#22", "doc-24#25", "doc-01#27",
                            "doc-52#33", "doc-16#57", "doc-30#61", "doc-30#62", "doc-44#65", "doc-21#67", "doc-35#71", "doc-35#72",
                            "doc-40#81", "doc-40#82", "doc-45#91", "doc-45#92", "doc-41#107", "doc-18#109", "doc-55#111",
                            "doc-55#112", "doc-32#113"]),
}


@pytest.mark.parametrize("key", list(SPLITS_BEFORE_STREAMING), ids=[" ".join(map(str, k)) for k in SPLITS_BEFORE_STREAMING])
@pytest.mark.parametrize("n_docs", [None, 4])
def test_streamed_and_sharded_split_is_the_one_before(tmp_path, key, n_docs):
    annotations, fraction, seed = key
    export = tmp_path / "export.json"
    export.write_text(json.dumps(split_tasks()), encoding="utf-8")
    report = convert_export(export, tmp_path / "out", dev_fraction=fraction, seed=seed, annotations=annotations, n_docs=n_docs)
    n_train, dev = SPLITS_BEFORE_STREAMING[key]
    assert (len(report.train), report.dev) == (n_train, dev)
    saved = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert saved["splits"]["dev"] == dev and len(saved["splits"]["train"]) == n_train


def read_split(path):
    """(id, text, entities) of each document of a .spacy file or shard folder, in order."""
    from vner.training.corpus import spacy_to_docs

    return [(d.user_data["id"], d.text, [(e.start_char, e.end_char, e.label_) for e in d.ents]) for d in spacy_to_docs(path, make_nlp())]


def test_a_split_over_n_docs_is_a_folder_of_shards_with_the_same_documents(tmp_path):
    whole = convert_export(SEED_GOLD, tmp_path / "whole", dev_fraction=0.2, seed=1)
    sharded = convert_export(SEED_GOLD, tmp_path / "sharded", dev_fraction=0.2, seed=1, n_docs=2)
    train = tmp_path / "sharded" / "train.spacy"
    assert train.is_dir() and sorted(p.name for p in train.iterdir()) == ["00000.spacy", "00001.spacy"]
    assert [len(DocBin().from_disk(p)) for p in sorted(train.iterdir())] == [2, 2]
    assert (tmp_path / "sharded" / "dev.spacy").is_file()  # 1 document: not over n_docs
    assert sharded.shards == {"train": 2, "dev": 1} and whole.shards == {"train": 1, "dev": 1}
    assert (sharded.train, sharded.dev, sharded.entities) == (whole.train, whole.dev, whole.entities)
    for split in ("train", "dev"):
        assert read_split(tmp_path / "sharded" / f"{split}.spacy") == read_split(tmp_path / "whole" / f"{split}.spacy")
    # spaCy's own corpus reader takes the folder where it took the file.
    from spacy.training.corpus import Corpus

    nlp = make_nlp()
    assert [eg.reference.text for eg in Corpus(train)(nlp)] == [eg.reference.text for eg in Corpus(tmp_path / "whole" / "train.spacy")(nlp)]


def test_shards_and_file_replace_each_other_whole(tmp_path):
    out = tmp_path / "out"
    convert_export(SEED_GOLD, out, dev_fraction=0, n_docs=2)
    assert sorted(p.name for p in (out / "train.spacy").iterdir()) == ["00000.spacy", "00001.spacy", "00002.spacy"]
    convert_export(SEED_GOLD, out, dev_fraction=0, n_docs=4)  # 2 shards now: the third must not survive
    assert sorted(p.name for p in (out / "train.spacy").iterdir()) == ["00000.spacy", "00001.spacy"]
    convert_export(SEED_GOLD, out, dev_fraction=0)
    assert (out / "train.spacy").is_file() and len(read_split(out / "train.spacy")) == 5
    convert_export(SEED_GOLD, out, dev_fraction=0, n_docs=3)
    assert (out / "train.spacy").is_dir() and len(read_split(out / "train.spacy")) == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging folder left
    assert sorted(p.name for p in out.iterdir()) == ["dev.spacy", "report.json", "train.spacy"]


def test_a_failed_conversion_keeps_the_old_shards(tmp_path):
    out = tmp_path / "out"
    convert_export(SEED_GOLD, out, dev_fraction=0, n_docs=2)
    before = read_split(out / "train.spacy")
    export = tmp_path / "export.json"
    export.write_text(json.dumps([task(TEXT, [annotation(GOOD)]), task(TEXT, [annotation([span(TEXT, "ma túy", "DRUG")])], id=2, doc_id="d2")]), encoding="utf-8")
    with pytest.raises(VnerError, match="--strict"):
        convert_export(export, out, strict=True, dev_fraction=0, n_docs=1)
    cut = tmp_path / "cut.json"
    cut.write_bytes(export.read_bytes()[:-40])  # a download broken off in the last task
    with pytest.raises(VnerError, match="invalid JSON at line 1"):
        convert_export(cut, out, dev_fraction=0, n_docs=1)
    assert read_split(out / "train.spacy") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cut.json", "export.json", "out"]


def test_n_docs_below_one_is_refused(tmp_path):
    result = CliRunner().invoke(app, ["convert", str(SEED_GOLD), "-o", str(tmp_path / "out"), "--n-docs", "0"])
    assert result.exit_code != 0 and "Traceback" not in result.output and not (tmp_path / "out").exists()


def test_cli_says_how_a_split_was_written(tmp_path):
    result = CliRunner().invoke(app, ["convert", str(SEED_GOLD), "-o", str(tmp_path / "out"), "--n-docs", "2"])
    assert result.exit_code == 0, result.output
    assert "(4 docs in 2 shards)" in " ".join(result.output.split())


@pytest.mark.parametrize("read_size", [7, 64, 1000])
def test_streamed_tasks_are_what_json_loads_reads(tmp_path, monkeypatch, read_size):
    """Tasks cut anywhere by the read size (in a string, a number, an escape,
    a multi-byte character) come out as json.loads reads the whole file."""
    import vner.annotation.convert as convert_module
    from vner.core import jsonstream

    tasks = load_export(SEED_GOLD)[:2] + [
        {"id": 123456789, "data": {"id": "e", "text": "Nghệ An 😀 \\\"x\\\" \u00e9\u0301", "n": 1.5e3, "big": 10**20}, "annotations": []},
    ]
    path = tmp_path / "export.json"
    text = "\ufeff \n" + json.dumps(tasks, ensure_ascii=read_size == 64, indent=1 if read_size == 7 else None) + "\n"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(jsonstream, "READ_SIZE", read_size)
    assert list(convert_module.iter_export(path)) == json.loads(text.lstrip("\ufeff"))


@pytest.mark.parametrize(
    "content,message",
    [
        ('[{"data": {"text": "a"}}\n, {"data": {"text": "b"}}\n,', "invalid JSON at line 3, column 2"),
        ('[{"data": {"text": "a"}} {"data": {"text": "b"}}]', "line 1, column 26 (Expecting ',' delimiter)"),
        ('[{"data": {"text": "a"}}]\n[]', "line 2, column 1 (Extra data)"),
        ('[{"data": {"text": "a"}},\n {"data": {"text": "b', "line 2, column 20 (Unterminated string"),
        ('[{"data": {"text": "a"}}, 5]', "item #1"),
        ('', "is empty"),
        ('"tasks"', "holds a JSON string, not a list"),
    ],
)
def test_stream_errors_name_the_line_and_column(tmp_path, monkeypatch, content, message):
    import vner.annotation.convert as convert_module
    from vner.core import jsonstream

    monkeypatch.setattr(jsonstream, "READ_SIZE", 5)
    path = tmp_path / "export.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(VnerError, match=message.replace("(", r"\(").replace(")", r"\)")):
        list(convert_module.iter_export(path))


def test_the_fast_docbin_writes_what_spacys_writes():
    """`_DocBin` collects strings from the token arrays instead of spaCy's
    per-token loop: the corpus read back must be the same, strings included."""
    from vner.annotation.convert import _DocBin

    docs, _ = convert(load_export(SEED_GOLD) + [task("Đại tá Lê Văn Thái 😀 tại Nghệ An.\r\n", [annotation([span("Đại tá Lê Văn Thái 😀 tại Nghệ An.\r\n", "Nghệ An", "PROVINCE")])], doc_id="x")])
    from spacy.tokens import Span

    docs[0].spans["extra"] = [Span(docs[0], 0, 2, label="NOTE", kb_id="Q1")]
    ours, spacys = _DocBin(docs=docs, store_user_data=True), DocBin(docs=docs, store_user_data=True)
    assert ours.strings == spacys.strings and len(ours.strings) > 500

    def read(docbin):
        return [(d.text, [(t.text, t.norm_, t.whitespace_, t.ent_iob_, t.ent_type_) for t in d], d.user_data,
                 {k: [(s.start, s.end, s.label_, s.kb_id_) for s in g] for k, g in d.spans.items()})
                for d in DocBin().from_bytes(docbin.to_bytes()).get_docs(make_nlp().vocab)]

    assert read(ours) == read(spacys)
