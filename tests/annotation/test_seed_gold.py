"""Checks of the shipped gold annotations of the five seed documents.

The gold is ``seeds/annotations.json``, a Label Studio JSON export. These tests
hold it to the annotation scheme (docs/guidelines.md): the stored text is the
seed body byte for byte, spans are clean and flat, every occurrence of an
annotated string is annotated the same way (or excluded by a named rule),
every number is a QUANTITY or explained, and every rank word is a RANK span.
"""

import functools
import json
import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
EXPORT = SEEDS / "annotations.json"

LABELS = {"PERSON", "RANK", "ORG", "PROVINCE", "QUANTITY"}
HEADER = re.compile(r"^ date (\d{4}-\d{2}) ")

DOC_IDS = [
    "000_488e9651ca8ddcc9",
    "001_0e2bcb5bb6570d63",
    "002_3cd5aaa77e673433",
    "003_dc9416ababc535c4",
    "004_864c337529fa1c40",
]

RANK_WORDS = [
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng",
    "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
    "Đại úy", "Đại uý", "Thượng úy", "Thượng uý",
    "Trung úy", "Trung uý", "Thiếu úy", "Thiếu uý",
]
RANK_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(map(re.escape, RANK_WORDS)) + r")(?!\w)", re.IGNORECASE
)

# Occurrences of an annotated string that are deliberately not annotated with
# it: (document prefix, surface, context containing that occurrence, rule).
EXCEPTIONS = [
    ("001", "Hà Tĩnh", "TP Hà Tĩnh",
     "rule 4: 'TP Hà Tĩnh' is a city that is not province-level"),
    ("001", "Công an Hà Tĩnh", "Công an Hà Tĩnh và Bôlykhămxay",
     "rule 3: coordinated police mention, only the provinces are annotated"),
]

# Numbers written in digits that are not QUANTITY:
# (document prefix, context containing the digits, reason).
NON_QUANTITY_NUMBERS = [
    ("000", "Từ ngày 3-5/7", "date (rule 5)"),
    ("000", "năm 2023", "year (rule 5)"),
    ("001", "ngày 24/6", "date (rule 5)"),
    ("001", "6 tháng đầu năm 2022", "time expression and year (rule 5)"),
    ("001", "năm 2020", "year (rule 5)"),
    ("002", "năm 2023", "year (rule 5)"),
    ("002", "tháng 8/2023", "date (rule 5)"),
    ("003", "Sáng nay (9/6)", "date (rule 5)"),
    ("003", "6/2019", "month/year date (rule 5)"),
    ("003", "năm 2019", "year (rule 5)"),
    ("003", "năm 2023", "year (rule 5)"),
    ("003", "Covid-19", "part of a name, not a count"),
    ("004", "lần thứ 29", "ordinal (rule 5)"),
    ("004", "năm 2024", "year (rule 5)"),
    ("004", "Cục C10", "part of an ORG name (Cục C10)"),
]

# Bodies that are never an ORG on their own (rule 1 and rule 3).
GENERIC_NOT_ORG = {
    "Công an tỉnh", "Công an", "Tỉnh ủy", "Tỉnh uỷ", "UBND tỉnh",
    "Ban Thường vụ Tỉnh uỷ", "Ban Thường vụ Tỉnh ủy",
}
# Names that are never a PROVINCE (rule 4).
NOT_PROVINCE = {"Lào", "Việt Nam", "CHDCND Lào", "Bắc Lào", "Đồng Hới", "Đắc Chưng", "Việt"}

QUANTITY_RE = re.compile(r"\d+(?:[.,]\d+)* \w+(?: \w+)?")


def occurrences(text, surface):
    """Start/end of every word-bounded occurrence of surface in text."""
    pattern = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


@functools.lru_cache(maxsize=None)
def load_tasks():
    return json.loads(EXPORT.read_text(encoding="utf-8"))


def task_for(doc_id):
    matches = [t for t in load_tasks() if t["data"]["id"] == doc_id]
    assert len(matches) == 1, f"expected one task for {doc_id}, found {len(matches)}"
    return matches[0]


def seed_body(doc_id):
    raw = (SEEDS / f"{doc_id}.txt").read_bytes().decode("utf-8")
    m = HEADER.match(raw)
    return (raw[m.end():] if m else raw), (m.group(1) if m else None)


def spans_of(doc_id):
    """(start, end, label, text, id) of every span, sorted by offset."""
    (annotation,) = task_for(doc_id)["annotations"]
    spans = []
    for r in annotation["result"]:
        v = r["value"]
        assert len(v["labels"]) == 1, f"{r['id']}: exactly one label per span"
        spans.append((v["start"], v["end"], v["labels"][0], v["text"], r["id"]))
    return sorted(spans)


def test_export_shape():
    tasks = load_tasks()
    assert [t["data"]["id"] for t in tasks] == DOC_IDS
    for i, (task, doc_id) in enumerate(zip(tasks, DOC_IDS), start=1):
        assert task["id"] == i and task["inner_id"] == i
        _, date = seed_body(doc_id)
        expected_meta = {"source": f"seeds/{doc_id}.txt"}
        if date is not None:
            expected_meta["date"] = date
        assert task["data"]["meta"] == expected_meta
        assert task["total_annotations"] == len(task["annotations"]) == 1
        (annotation,) = task["annotations"]
        assert annotation["ground_truth"] is True
        assert annotation["was_cancelled"] is False
        ids = [r["id"] for r in annotation["result"]]
        assert len(ids) == len(set(ids)), "result ids must be unique"
        for r in annotation["result"]:
            assert re.fullmatch(rf"g{doc_id[:3]}-\d{{4}}", r["id"]), r["id"]
            assert (r["type"], r["from_name"], r["to_name"]) == ("labels", "label", "text")


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_text_is_seed_body(doc_id):
    body, _ = seed_body(doc_id)
    text = task_for(doc_id)["data"]["text"]
    assert text.encode("utf-8") == body.encode("utf-8")
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_spans_are_well_formed(doc_id):
    text = task_for(doc_id)["data"]["text"]
    spans = spans_of(doc_id)
    assert spans, "a seed document without entities"
    prev_end = 0
    for start, end, label, surface, span_id in spans:
        assert label in LABELS, f"{span_id}: unknown label {label}"
        assert 0 <= start < end <= len(text), span_id
        assert text[start:end] == surface, f"{span_id}: text does not match offsets"
        # rule 7: no surrounding spaces or punctuation
        assert surface[0].isalnum() and surface[-1].isalnum(), f"{span_id}: {surface!r}"
        assert surface == surface.strip()
        assert start >= prev_end, f"{span_id}: overlaps the previous span"
        prev_end = end


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_every_occurrence_is_annotated(doc_id):
    text = task_for(doc_id)["data"]["text"]
    spans = spans_of(doc_id)
    exact = {(s, e): label for s, e, label, _, _ in spans}
    excepted = {}
    for doc, surface, context, rule in EXCEPTIONS:
        if doc != doc_id[:3]:
            continue
        found = occurrences(text, context)
        assert found, f"exception context {context!r} ({rule}) not in the text"
        for cs, ce in found:
            hits = [(s, e) for s, e in occurrences(text, surface) if cs <= s and e <= ce]
            assert hits, f"{surface!r} not inside {context!r}"
            excepted.update({hit: rule for hit in hits})
    problems = []
    for surface, label in sorted({(sp[3], sp[2]) for sp in spans}):
        for s, e in occurrences(text, surface):
            if exact.get((s, e)) == label:
                continue
            if any(a <= s and e <= b and (a, b) != (s, e) for a, b, _, _, _ in spans):
                continue
            if (s, e) in excepted:
                continue
            problems.append(f"{surface!r} ({label}) at {s}: {text[max(0, s - 30):e + 30]!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_every_number_is_quantity_or_explained(doc_id):
    text = task_for(doc_id)["data"]["text"]
    spans = spans_of(doc_id)
    quantities = [(s, e) for s, e, label, _, _ in spans if label == "QUANTITY"]
    explained = []
    for doc, context, reason in NON_QUANTITY_NUMBERS:
        if doc != doc_id[:3]:
            continue
        found = [(m.start(), m.end()) for m in re.finditer(re.escape(context), text)]
        assert found, f"non-quantity context {context!r} ({reason}) not in the text"
        assert re.search(r"\d", context)
        for cs, ce in found:
            assert not any(s < ce and cs < e for s, e in quantities), (
                f"{context!r} is listed as not a quantity but overlaps a QUANTITY span"
            )
        explained.extend(found)
    problems = []
    for m in re.finditer(r"\d+", text):
        s, e = m.span()
        if any(a <= s and e <= b for a, b in quantities + explained):
            continue
        problems.append(f"{m.group()!r} at {s}: {text[max(0, s - 30):e + 30]!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_quantity_is_number_plus_one_word(doc_id):
    # rule 5: digits, a space, one unit or counter word (one or two syllables)
    for _, _, label, surface, span_id in spans_of(doc_id):
        if label == "QUANTITY":
            assert QUANTITY_RE.fullmatch(surface), f"{span_id}: {surface!r}"


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_rank_words_are_rank_spans(doc_id):
    text = task_for(doc_id)["data"]["text"]
    spans = spans_of(doc_id)
    ranks = {(s, e) for s, e, label, _, _ in spans if label == "RANK"}
    found = {m.span() for m in RANK_RE.finditer(text)}
    assert found - ranks == set(), [text[s:e] for s, e in sorted(found - ranks)]
    # and a RANK span is a rank and nothing else (rule 1)
    assert ranks - found == set(), [text[s:e] for s, e in sorted(ranks - found)]


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_no_generic_orgs_or_non_provinces(doc_id):
    for _, _, label, surface, span_id in spans_of(doc_id):
        if label == "ORG":
            assert surface not in GENERIC_NOT_ORG, f"{span_id}: {surface!r} has no name (rule 3)"
            assert not surface.lower().startswith("đoàn"), f"{span_id}: a delegation (rule 3)"
        if label == "PROVINCE":
            assert surface not in NOT_PROVINCE, f"{span_id}: {surface!r} (rule 4)"
        if label == "PERSON":
            assert not surface.lower().startswith("đồng chí"), f"{span_id}: {surface!r} (rule 1)"
