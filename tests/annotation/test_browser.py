"""An annotator's session in a real browser, end to end.

Label Studio runs as `vner annotate` starts it (the session fixture
`label_studio`); headless Chromium logs in with the generated credentials,
opens a task, checks the pre-annotations on screen, labels spans with the
mouse and the label hotkeys, corrects and rejects suggestions, and submits.
Then `pull` exports the project and converts it, and the corpus must hold
exactly the spans the annotator made, with the right text and offsets.

What Label Studio 1.23 stores, as these tests pin it down:
- offsets count Unicode code points, like Python (not the browser's UTF-16
  units): after an emoji, `value.start/end` equal the Python offsets and
  `value.text` is the selected text;
- a task imported in NFD stays NFD in Label Studio: the browser shows and
  selects the NFD text, offsets count its code points (combining marks
  included), `value.text` is NFD; `vner push` stores NFC, so a document
  pushed from an NFD file is annotated in NFC.

Refresh the README screenshot with
`VNER_SCREENSHOTS=docs .venv/bin/python -m pytest tests/annotation/test_browser.py`.
"""

import json
import time
import unicodedata
from pathlib import Path

import pytest
from spacy.tokens import DocBin

from browser_helpers import DOCS_SCREENSHOT, Annotator, Region, docs_screenshot_wanted, launch
from vner.annotation.labeling import connect, find_project
from vner.annotation.pull import pull
from vner.annotation.push import prediction, push
from vner.model.nlp import make_nlp
from vner.core.scheme import labels as scheme_labels, load_scheme
from vner.core.resources import SEED_GOLD, SEEDS

pytestmark = pytest.mark.slow

HOTKEY = {label.name: label.hotkey for label in load_scheme()}
MODEL_VERSION = "suggestions-1"

# Three emoji before the spans: 👮‍♂️ is 4 code points (5 UTF-16 units),
# 😀 is 1 (2 units), the flag 🇻🇳 is 2 (4 units).
EMOJI_TEXT = "👮‍♂️ Tin nóng 😀: Thiếu tướng Phạm Thế Tùng làm việc với Công an tỉnh Nghệ An 🇻🇳 về 27 vụ."
NFD_PUSHED_TEXT = unicodedata.normalize("NFD", "Đại tá Nguyễn Văn Hùng làm việc tại tỉnh Hà Tĩnh.")
NFD_IMPORTED_TEXT = unicodedata.normalize("NFD", "Thượng tá Lê Văn Sơn về Công an tỉnh Hà Tĩnh.")


def unique(title: str) -> str:
    return f"{title} {time.monotonic_ns()}"


def find(text: str, needle: str, label: str, nth: int = 0) -> tuple[int, int, str]:
    """(start, end, label) of the nth occurrence of `needle`, in code points."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle), label


def occurrence(text: str, start: int, needle: str) -> int:
    """Which occurrence of `needle` starts at `start` (for finding it on screen)."""
    return text[:start].count(needle)


def on_screen(text: str, spans) -> list[Region]:
    return [Region(s, e, label, text[s:e]) for s, e, label in sorted(spans)]


def predict(ls_client, task_id: int, text: str, spans) -> None:
    """Add pre-annotations the way `vner push` builds them."""
    pred, dropped = prediction(text, sorted(spans), MODEL_VERSION, scheme_labels())
    assert dropped == 0
    ls_client.predictions.create(task=task_id, result=pred["result"], model_version=MODEL_VERSION)


def tasks_by_doc(ls_client, project_id: int) -> dict:
    return {t.data["id"]: t for t in ls_client.tasks.list(project=project_id, fields="all", page_size=100)}


def pull_corpus(conn, title: str, out: Path):
    """`vner pull` (the function): raw export tasks by doc id, corpus docs by id, report."""
    report = pull(conn, title, out, dev_fraction=0)
    raw = {t["data"]["id"]: t for t in json.loads(report.raw_path.read_bytes())}
    nlp = make_nlp()
    docs = {}
    for name in ("train", "dev"):
        for doc in DocBin().from_disk(report.corpus_dir / f"{name}.spacy").get_docs(nlp.vocab):
            docs[doc.user_data["id"]] = doc
    return raw, docs, report


def ents(doc) -> list[tuple[int, int, str, str]]:
    return [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]


def stored_spans(task: dict) -> list[dict]:
    (annotation,) = task["annotations"]
    return sorted((r for r in annotation["result"] if r.get("type") == "labels"), key=lambda r: r["value"]["start"])


# --- fixtures -----------------------------------------------------------------


@pytest.fixture(scope="module")
def conn(label_studio):
    with connect(label_studio.url, label_studio.api_key) as conn:
        yield conn


@pytest.fixture(scope="module")
def annotator(label_studio, tmp_path_factory):
    """Chromium, logged in with the credentials `vner annotate` generated."""
    from playwright.sync_api import sync_playwright

    debug_dir = tmp_path_factory.mktemp("browser")
    with sync_playwright() as playwright:
        context = launch(playwright, debug_dir / "profile")
        try:
            page = context.new_page()
            annotator = Annotator(page, label_studio.url, debug_dir)
            annotator.login(label_studio.username, label_studio.password)
            yield annotator
        finally:
            context.close()


@pytest.fixture(scope="module")
def seed_gold():
    """The seed document the annotator works on, its text and gold spans."""
    task = sorted(json.loads(SEED_GOLD.read_text(encoding="utf-8")), key=lambda t: t["data"]["id"])[0]
    spans = {(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in task["annotations"][0]["result"]}
    return task["data"]["id"], task["data"]["text"], spans


@pytest.fixture(scope="module")
def seed_project(conn, ls_client, seed_gold):
    """The five seeds pushed; the first has pre-annotations with three mistakes:
    a rank labelled PERSON, a country labelled PROVINCE (rule 4) and a name
    left out."""
    doc_id, text, gold = seed_gold
    # For the README's screenshot, `vner annotate`'s default title, as a user sees it.
    title = "vner" if docs_screenshot_wanted() and find_project(conn, "vner") is None else unique("vner seeds")
    report = push(conn, title, [SEEDS], pre_annotate=None, update_config=True)
    task = tasks_by_doc(ls_client, report.project_id)[doc_id]
    assert task.data["text"] == text
    mislabeled = min(s for s in gold if s[2] == "RANK")
    missing = min(s for s in gold if s[2] == "PERSON" and s[0] > mislabeled[0])
    spurious = find(text, "Lào", "PROVINCE")
    assert not any(s < spurious[1] and spurious[0] < e for s, e, _ in gold), "the country must not overlap a gold span"
    predicted = (gold - {mislabeled, missing}) | {(mislabeled[0], mislabeled[1], "PERSON"), spurious}
    predict(ls_client, task.id, text, predicted)
    return {
        "title": title, "id": report.project_id, "task": task.id, "doc": doc_id, "text": text, "gold": gold,
        "predicted": predicted, "mislabeled": mislabeled, "missing": missing, "spurious": spurious,
    }


@pytest.fixture(scope="module")
def unicode_project(conn, ls_client, tmp_path_factory):
    """Tasks with emoji and NFD text: two pushed from files, one imported as is."""
    folder = tmp_path_factory.mktemp("unicode-docs")
    (folder / "emoji.txt").write_text(EMOJI_TEXT, encoding="utf-8")
    (folder / "nfd-pushed.txt").write_text(NFD_PUSHED_TEXT, encoding="utf-8")
    title = unique("Browser unicode")
    report = push(conn, title, [folder], pre_annotate=None)
    # What Label Studio's own import would store: the text exactly as given.
    ls_client.projects.import_tasks(id=report.project_id, request=[{"data": {"id": "nfd-imported", "text": NFD_IMPORTED_TEXT}}])
    tasks = tasks_by_doc(ls_client, report.project_id)
    predict(ls_client, tasks["emoji"].id, EMOJI_TEXT, [find(EMOJI_TEXT, "Thiếu tướng", "RANK")])
    nfc = unicodedata.normalize("NFC", NFD_PUSHED_TEXT)
    predict(ls_client, tasks["nfd-pushed"].id, nfc, [find(nfc, "Đại tá", "RANK")])
    return {"title": title, "id": report.project_id, "tasks": {doc: t.id for doc, t in tasks.items()},
            "texts": {doc: t.data["text"] for doc, t in tasks.items()}}


# --- tests --------------------------------------------------------------------


def test_seed_task_predictions_corrected_and_submitted(annotator, conn, seed_project, tmp_path):
    p = seed_project
    text = p["text"]
    annotator.open_task(p["id"], p["task"])
    # The labels panel: the scheme's five labels with their hotkeys.
    assert annotator.labels() == [(label.name, label.hotkey) for label in load_scheme()]
    # The pre-annotations are on the text, each over the right characters.
    assert annotator.regions() == on_screen(text, p["predicted"])

    annotator.delete_region(*p["spurious"][:2])
    annotator.relabel_region(*p["mislabeled"][:2], HOTKEY[p["mislabeled"][2]], p["mislabeled"][2])
    start, end, label = p["missing"]
    annotator.label_span(text[start:end], HOTKEY[label], label, nth=occurrence(text, start, text[start:end]))
    assert annotator.regions() == on_screen(text, p["gold"])

    png = annotator.screenshot(tmp_path / "annotate.png")
    assert png.startswith(b"\x89PNG") and (tmp_path / "annotate.png").stat().st_size > 10_000
    if docs_screenshot_wanted():
        annotator.screenshot(DOCS_SCREENSHOT)

    submitted = annotator.submit()
    assert submitted["task"] == p["task"]

    raw, docs, report = pull_corpus(conn, p["title"], tmp_path / "pulled")
    # Accepted suggestions stay "prediction", the relabelled one is
    # "prediction-changed", the span drawn by hand is "manual".
    origins = {(r["value"]["start"], r["value"]["end"]): r.get("origin") for r in stored_spans(raw[p["doc"]])}
    assert origins[p["missing"][:2]] == "manual"
    assert origins[p["mislabeled"][:2]] == "prediction-changed"
    assert {origins[s[:2]] for s in p["gold"] - {p["missing"], p["mislabeled"]}} == {"prediction"}
    # The corpus holds exactly the gold spans: text, offsets and labels.
    assert report.convert.counts["span_misaligned_dropped"] == 0
    doc = docs[p["doc"]]
    assert doc.text == text
    assert ents(doc) == [(s, e, label, text[s:e]) for s, e, label in sorted(p["gold"])]
    assert list(docs) == [p["doc"]]  # the other seeds were not annotated


def test_emoji_before_spans_offsets_are_code_points(annotator, conn, unicode_project, tmp_path):
    p = unicode_project
    text = p["texts"]["emoji"]
    assert text == EMOJI_TEXT
    annotator.open_task(p["id"], p["tasks"]["emoji"])
    predicted = find(text, "Thiếu tướng", "RANK")
    # A prediction pushed with code-point offsets lands on the right characters.
    assert annotator.regions() == on_screen(text, [predicted])

    drawn = [find(text, "Phạm Thế Tùng", "PERSON"), find(text, "Công an tỉnh Nghệ An", "ORG"), find(text, "27 vụ", "QUANTITY")]
    for start, end, label in drawn:
        annotator.label_span(text[start:end], HOTKEY[label], label)
    assert annotator.regions() == on_screen(text, [predicted, *drawn])
    annotator.submit()

    raw, docs, report = pull_corpus(conn, p["title"], tmp_path / "pulled")
    stored = stored_spans(raw["emoji"])
    # Label Studio 1.23 stores code-point offsets (the browser's UTF-16
    # offsets would be 2 to 4 higher here) and the selected text. If an
    # upgrade changes this, check the converter's UTF-16 remapping.
    assert [(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in stored] == sorted([predicted, *drawn])
    assert [r["value"]["text"] for r in stored] == [text[s:e] for s, e, _ in sorted([predicted, *drawn])]
    assert report.convert.counts["span_utf16_offsets"] == 0
    assert ents(docs["emoji"]) == [(s, e, label, text[s:e]) for s, e, label in sorted([predicted, *drawn])]


def test_nfd_pushed_is_annotated_in_nfc(annotator, conn, unicode_project, tmp_path):
    p = unicode_project
    text = unicodedata.normalize("NFC", NFD_PUSHED_TEXT)
    assert p["texts"]["nfd-pushed"] == text  # `vner push` stored NFC
    annotator.open_task(p["id"], p["tasks"]["nfd-pushed"])
    assert annotator.displayed_text() == text
    predicted = find(text, "Đại tá", "RANK")
    assert annotator.regions() == on_screen(text, [predicted])

    drawn = [find(text, "Nguyễn Văn Hùng", "PERSON"), find(text, "Hà Tĩnh", "PROVINCE")]
    for start, end, label in drawn:
        annotator.label_span(text[start:end], HOTKEY[label], label)
    annotator.submit()

    raw, docs, _ = pull_corpus(conn, p["title"], tmp_path / "pulled")
    stored = stored_spans(raw["nfd-pushed"])
    expected = sorted([predicted, *drawn])
    assert [(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in stored] == expected
    assert [r["value"]["text"] for r in stored] == [text[s:e] for s, e, _ in expected]
    assert ents(docs["nfd-pushed"]) == [(s, e, label, text[s:e]) for s, e, label in expected]


def test_nfd_imported_as_is_converts_to_nfc(annotator, conn, unicode_project, tmp_path):
    p = unicode_project
    nfd = p["texts"]["nfd-imported"]
    assert nfd == NFD_IMPORTED_TEXT  # Label Studio keeps what it is given
    annotator.open_task(p["id"], p["tasks"]["nfd-imported"], regions=False)
    assert annotator.displayed_text() == nfd  # the browser shows the NFD text as is

    needles = [("Thượng tá", "RANK"), ("Lê Văn Sơn", "PERSON"), ("Công an tỉnh Hà Tĩnh", "ORG")]
    drawn = [find(nfd, unicodedata.normalize("NFD", needle), label) for needle, label in needles]
    for start, end, label in drawn:
        annotator.label_span(nfd[start:end], HOTKEY[label], label)
    # On screen and in the export: offsets into the NFD text, combining marks counted.
    assert annotator.regions() == on_screen(nfd, drawn)
    annotator.submit()

    raw, docs, report = pull_corpus(conn, p["title"], tmp_path / "pulled")
    stored = stored_spans(raw["nfd-imported"])
    assert [(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in stored] == drawn
    assert [r["value"]["text"] for r in stored] == [nfd[s:e] for s, e, _ in drawn]
    assert all(not unicodedata.is_normalized("NFC", r["value"]["text"]) for r in stored)
    # The converter normalises to NFC and moves the offsets with the text.
    assert report.convert.counts["text_normalized_nfc"] >= 1
    text = unicodedata.normalize("NFC", nfd)
    doc = docs["nfd-imported"]
    assert doc.text == text
    assert ents(doc) == [(s, e, label, text[s:e]) for s, e, label in (find(text, n, label) for n, label in needles)]
