"""`vner convert` on generated malformed and hostile Label Studio exports.

Hypothesis builds exports with wrong types at every level (task, data,
annotations, result, item, value), huge and empty values, NFD text, emoji,
CRLF, overlapping and out-of-range spans. Whatever it builds, converting
either ends in a `VnerError` (a message, no traceback) that leaves no output
behind, or writes a corpus in which every result item is accounted for:
kept as an entity, or counted in exactly one of the report's cases.
"""

import json
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from spacy.tokens import DocBin
from typer.testing import CliRunner

from vner.annotation.convert import CASES, MAX_CHARS, convert_export
from vner.cli import app
from vner.core.errors import VnerError
from vner.model.nlp import make_nlp

# Per result item, exactly one of these happens (or the item becomes an entity).
OUTCOMES = {"result_not_a_span", "span_duplicate"} | {c for c in CASES if c.endswith("dropped")}

ALPHABET = st.sampled_from(
    list("abc xyz AN Công an tỉnh Nghệ An Phạm Thế Tùng 0123456789 ,.;:()[]%‰-–\"'")
    + ["\r\n", "\n", "\t", "\u00a0", "😀", "👮\u200d♂️", "\u0301", "\u0323", "\u0302", "e\u0302\u0301", "\ufeff", "\u200b"]
)
TEXTS = st.lists(ALPHABET, max_size=40).map("".join) | st.just("") | st.just("Công an tỉnh Nghệ An bắt 27 đối tượng.")
JUNK = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8) | st.just([]) | st.just({})
LABELS = st.sampled_from(["PERSON", "RANK", "ORG", "PROVINCE", "QUANTITY", "DRUG", "", "person"])


@st.composite
def values(draw, text):
    n = len(text)
    offset = st.integers(-2, n + 2) | st.integers(0, max(n, 0)) | JUNK | st.integers(2**63, 2**70)
    start = draw(offset)
    end = draw(st.integers(0, n) if isinstance(start, int) and draw(st.booleans()) else offset)
    value = {
        "start": start,
        "end": end,
        "labels": draw(st.lists(LABELS, max_size=3) | LABELS | JUNK | st.lists(JUNK, max_size=2)),
    }
    if draw(st.booleans()) and isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool):
        value["text"] = text[start:end]
    for key in draw(st.lists(st.sampled_from(["start", "end", "labels"]), max_size=1)):
        value.pop(key, None)
    return value


@st.composite
def items(draw, text):
    kind = draw(st.sampled_from(["labels", "labels", "labels", None, "choices", "relation"]) | JUNK)
    item = {"value": draw(values(text) | JUNK)}
    if kind is not None:
        item["type"] = kind
    if draw(st.booleans()):
        item.update(from_name="label", to_name="text", id=draw(st.text(max_size=4) | st.integers()))
    return draw(st.just(item) | JUNK) if draw(st.integers(0, 59)) == 1 else item


@st.composite
def annotations(draw, text):
    result = draw(st.lists(items(text), max_size=6))
    ann = {
        "id": draw(st.integers(0, 5) | JUNK),
        "result": draw(st.just(result) | JUNK) if draw(st.integers(0, 39)) == 1 else result,
        "was_cancelled": draw(st.booleans() | JUNK),
        "completed_by": draw(st.integers(0, 3) | JUNK | st.just({"email": "a@b.c"})),
        "updated_at": draw(st.text(max_size=3) | JUNK),
    }
    return draw(JUNK) if draw(st.integers(0, 39)) == 1 else ann


@st.composite
def tasks(draw):
    text = draw(TEXTS)
    if draw(st.integers(0, 3)) == 1:
        text = unicodedata.normalize("NFD", text)
    anns = draw(st.lists(annotations(text), max_size=3))
    task = {
        "id": draw(st.integers(0, 99) | JUNK),
        "data": {"id": draw(st.text(max_size=4) | st.integers() | st.none()), "text": text,
                 "meta": draw(st.none() | st.dictionaries(st.text(max_size=3), JUNK, max_size=2) | JUNK)},
        "annotations": draw(st.just(anns) | JUNK) if draw(st.integers(0, 39)) == 1 else anns,
        "predictions": draw(st.just([]) | JUNK),
    }
    if draw(st.integers(0, 39)) == 1:
        task["data"] = draw(JUNK | st.just({"text": draw(JUNK)}))
    return draw(JUNK) if draw(st.integers(0, 59)) == 1 else task


def given_items(export) -> int:
    """Result items of the annotations a conversion with --annotations all uses."""
    n = 0
    for task in export:
        for ann in task.get("annotations") or []:
            if not ann.get("was_cancelled"):
                n += len(ann.get("result") or [])
    return n


NLP = make_nlp()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(tasks(), min_size=1, max_size=4), st.sampled_from([0, 0.5]))
@example([{"id": 1, "data": {"text": "x" * (MAX_CHARS + 1)}, "annotations": [{"result": []}]}], 0)
@example([{"id": 1, "data": {"text": "Nghệ An"}, "annotations": [{"result": [{"type": "labels", "value": {"end": 3, "labels": ["ORG"]}}]}]}], 0)
def test_convert_never_crashes_and_accounts_for_every_span(export, dev_fraction):
    with tempfile.TemporaryDirectory() as tmp:
        path, out = Path(tmp) / "export.json", Path(tmp) / "out"
        path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
        try:
            report = convert_export(path, out, dev_fraction=dev_fraction, annotations="all")
        except VnerError as e:
            event(f"refused: {e.title}")  # --hypothesis-show-statistics shows the mix
            assert e.title and e.fix
            assert not out.exists(), "a refused export must leave no output"
            return
        event("converted")
        kept = sum(report.entities.values())
        outcomes = sum(report.counts[c] for c in OUTCOMES)
        assert kept + outcomes == given_items(export) == report.spans_given
        docs = []
        for part in ("train", "dev"):
            docs += list(DocBin().from_disk(out / f"{part}.spacy").get_docs(NLP.vocab))
        assert len(docs) == report.documents
        assert sum(len(d.ents) for d in docs) == kept
        texts = {unicodedata.normalize("NFC", t["data"]["text"]) for t in export}
        assert all(d.text in texts for d in docs)
        assert json.loads((out / "report.json").read_text(encoding="utf-8"))["result_items"] == report.spans_given


def test_cli_on_a_hostile_export_is_a_message(tmp_path):
    """The command, not only the function: one example of each kind of fault."""
    export = tmp_path / "export.json"
    export.write_text(json.dumps([{"id": 5, "data": {"text": "Nghệ An"}, "annotations": [{"id": 1, "result": [None]}]}]), encoding="utf-8")
    result = CliRunner().invoke(app, ["convert", str(export), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "result item #0 is null" in " ".join(result.output.split())
