"""Label Studio JSON export → spaCy corpus, losing nothing silently.

The export is read a task at a time (`iter_export`) and the corpus written
in shards of `N_DOCS` documents, so memory stays flat whatever the size of
the project.

Real exports contain unannotated and skipped tasks, several annotators per
task, spans with stray spaces, overlapping spans, labels from older configs,
NFD text and offsets counted by a browser. Each case is handled the same
predictable way and counted in a `ConvertReport`, with examples, so a user
sees exactly what was kept, fixed and dropped.
"""

import json
import logging
import shutil
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import numpy
import srsly
from sklearn.model_selection import GroupShuffleSplit
from spacy.attrs import DEP, ENT_ID, ENT_KB_ID, ENT_TYPE, LEMMA, MORPH, NORM, ORTH, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from vner.core.errors import VnerError
from vner.core.files import replace_dir, write_json_atomic
from vner.core.jsonstream import json_kind as _kind
from vner.core.jsonstream import json_list_items
from vner.model.nlp import make_nlp
from vner.model.persons import INITIAL_DOT
from vner.core.scheme import labels as scheme_labels
from vner.core.resources import SEED_GOLD
from vner.core.text import normalize

logger = logging.getLogger(__name__)

MAX_EXAMPLES = 5
CONTEXT = 25
# spaCy's default `nlp.max_length`: a longer text is refused by the tokenizer
# and needs more memory than training can give it. Push refuses such a
# document before creating anything; convert refuses it naming the task.
MAX_CHARS = 1_000_000
# Unit symbols that end a QUANTITY ("15%", "20‰"): punctuation to Unicode,
# part of the number to rule 7, so never trimmed off the end of a span.
UNIT_SYMBOLS = "%‰‱′″"
# Documents per .spacy file (`--n-docs`): a split with more becomes a folder
# of shards, so converting holds one shard in memory, not the corpus.
N_DOCS = 1000

# What each counted case means, in the order the summary shows them. Cases
# ending in "dropped" lose a span; --strict refuses them.
CASES = {
    "task_no_annotation": "tasks without any annotation (not in corpus)",
    "task_only_cancelled": "tasks with only skipped/cancelled annotations (not in corpus)",
    "annotation_superseded": "older annotations of a task not used (--annotations latest)",
    "annotation_empty_result": "annotations with no spans (kept: documents without entities)",
    "predictions_ignored": "predictions (pre-annotations) ignored: never gold",
    "result_not_a_span": "result items that are not text spans (choices, text areas, relations) ignored",
    "dev_split_skipped": "documents all put in train: too few for a dev split",
    "text_normalized_nfc": "task texts normalised to NFC (offsets remapped)",
    "span_utf16_offsets": "spans whose offsets counted UTF-16 code units (remapped)",
    "span_text_mismatch": "spans whose value.text differs from the text at their offsets (offsets used)",
    "span_label_string": "spans whose `labels` is a string, not a list (read as one label)",
    "span_trimmed": "spans trimmed of surrounding whitespace or punctuation",
    "span_duplicate": "exact duplicate spans merged",
    "span_malformed_dropped": "labelled spans with a missing or mistyped start, end or labels (dropped)",
    "span_empty_dropped": "spans empty or out of range (dropped)",
    "span_unknown_label_dropped": "spans with a label not in the scheme (dropped; add it with --labels)",
    "span_label_conflict_dropped": "spans with several labels or two labels on the same text (dropped)",
    "span_overlap_dropped": "overlapping or nested spans (outermost kept, this one dropped)",
    "span_misaligned_dropped": "spans that do not align with token boundaries (dropped)",
}


@dataclass
class ConvertReport:
    tasks: int = 0
    documents: int = 0
    spans_given: int = 0  # result items of the annotations used
    entities: Counter = field(default_factory=Counter)
    counts: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=dict)
    train: list = field(default_factory=list)
    dev: list = field(default_factory=list)
    shards: dict = field(default_factory=dict)  # split -> number of .spacy files (1: a single file)

    def add(self, case: str, example: dict | None = None, n: int = 1) -> None:
        self.counts[case] += n
        if example is not None:
            bucket = self.examples.setdefault(case, [])
            if len(bucket) < MAX_EXAMPLES:
                bucket.append(example)

    @property
    def dropped(self) -> int:
        return sum(n for case, n in self.counts.items() if case.endswith("dropped"))

    def to_dict(self) -> dict:
        return {
            "tasks": self.tasks,
            "documents": self.documents,
            "entities": dict(sorted(self.entities.items())),
            "entities_total": sum(self.entities.values()),
            "result_items": self.spans_given,
            "spans_dropped": self.dropped,
            "counts": {case: self.counts[case] for case in CASES if self.counts[case]},
            "examples": self.examples,
            "splits": {"train": self.train, "dev": self.dev},
            "files": self.shards,
        }


def load_export(path: Path) -> list[dict]:
    """Read a whole Label Studio JSON export (a list of tasks) and check its shape.

    Anything that is not what Label Studio writes, down to each result item,
    is a `VnerError` naming the task: a converter that guessed would lose or
    invent spans. Values inside a span (start, end, labels) are checked later
    and counted per span instead. `iter_export` reads the same, one task at a time.
    """
    return list(iter_export(path))


EXPECTED_EXPORT = "a Label Studio JSON export: a list of tasks with `data` and `annotations`"


def iter_export(path: Path, *, check: bool = True) -> Iterator[dict]:
    """The tasks of a Label Studio JSON export, one at a time, each checked
    like `load_export` checks it (`check=False`: the caller checks them).

    Memory holds one task and about a megabyte of the file, whatever the
    export's size. Each task is parsed by Python's own `json` (through
    `JSONDecoder.raw_decode`), so a streamed task is exactly what
    `json.loads` of the whole file would give: the same numbers, the same
    strings (a lone surrogate stays one and is refused by the check), and
    errors with the file's line and column. A file that breaks off after
    some tasks is an error at its end, like a file broken anywhere else.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "export.json"
    >>> _ = p.write_text('[{"id": 1, "data": {"text": "Nghệ An"}}, {"id": 2, "data": {"text": "Hà Tĩnh"}}]', encoding="utf-8")
    >>> [t["data"]["text"] for t in iter_export(p)]
    ['Nghệ An', 'Hà Tĩnh']
    """
    path = Path(path)
    if not path.is_file():
        raise VnerError("Export not found", str(path), "Run `vner pull` first or pass a path.")
    n = 0
    for n, task in enumerate(json_list_items(path, expected=EXPECTED_EXPORT), 1):
        if check:
            check_task(task, f"{path}, {task_name(task, n - 1)}")
        yield task
    if n == 0:
        raise VnerError("Empty export", f"{path} has no tasks", "Export a project that has tasks.")


def task_name(task, i: int) -> str:
    """How messages name a task: its position and its Label Studio id.

    >>> task_name({"id": 7}, 0), task_name(None, 3)
    ('task #0 (id 7)', 'item #3')
    """
    return f"task #{i} (id {task.get('id')!r})" if isinstance(task, dict) else f"item #{i}"


FIX_EXPORT = "Re-export the project from Label Studio, or fix or remove that task in the file."


def check_task(task, where: str) -> None:
    """Refuse a task whose structure is not a Label Studio export's."""
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise VnerError("Not a Label Studio export", f"{where} has no `data` object", FIX_EXPORT)
    if not isinstance(task["data"].get("text"), str):
        raise VnerError("Task without text", f"{where} has no string `data.text`", "Label the field `text` in the labeling config.")
    anns = task.get("annotations")
    if anns is not None and not isinstance(anns, list):
        raise VnerError("Not a Label Studio export", f"{where}: `annotations` is a {_kind(anns)}, not a list", FIX_EXPORT)
    for j, ann in enumerate(anns or []):
        if not isinstance(ann, dict):
            raise VnerError("Not a Label Studio export", f"{where}: annotation #{j} is {_kind(ann)}, not an object", FIX_EXPORT)
        result = ann.get("result")
        if result is not None and not isinstance(result, list):
            raise VnerError(
                "Not a Label Studio export",
                f"{where}, annotation #{j} (id {ann.get('id')!r}): `result` is a {_kind(result)}, not a list of spans",
                FIX_EXPORT,
            )
        for k, item in enumerate(result or []):
            if not isinstance(item, dict):
                raise VnerError(
                    "Not a Label Studio export",
                    f"{where}, annotation #{j} (id {ann.get('id')!r}): result item #{k} is {_kind(item)}, not an object",
                    FIX_EXPORT,
                )
    bad = _unencodable(task)
    if bad is not None:
        raise VnerError("Text is not valid Unicode", f"{where}: {bad!r} holds a lone surrogate (a broken emoji?)", FIX_EXPORT)


def _unencodable(obj) -> str | None:
    """The first string in `obj` that UTF-8 cannot encode (a lone surrogate
    from a `\\ud800` escape); it would fail only when the corpus is written."""
    stack = [obj]
    while stack:
        x = stack.pop()
        if isinstance(x, str):
            try:
                x.encode("utf-8")
            except UnicodeEncodeError:
                return x[:40]
        elif isinstance(x, dict):
            stack.extend(x.keys())
            stack.extend(x.values())
        elif isinstance(x, list):
            stack.extend(x)
    return None


def labelstudio_to_docs(
    tasks: Iterable[dict],
    nlp: Language,
    *,
    labels: Sequence[str] | None = None,
    annotations: str = "latest",
    report: ConvertReport | None = None,
) -> Iterator[Doc]:
    """Yield one Doc per annotated task (or per annotation, `annotations="all"`).

    A task as Label Studio exports it::

        {"id": 7, "data": {"id": "000_488e", "text": "Công an tỉnh Nghệ An"},
         "annotations": [{"id": 3, "completed_by": 1, "was_cancelled": false,
           "updated_at": "2026-11-22T10:00:00Z",
           "result": [{"type": "labels", "from_name": "label", "to_name": "text",
             "value": {"start": 0, "end": 20, "text": "Công an tỉnh Nghệ An",
                       "labels": ["ORG"]}}]}],
         "predictions": []}

    >>> from vner.model.nlp import make_nlp
    >>> task = {"id": 7, "data": {"id": "d1", "text": "Công an tỉnh Nghệ An."}, "annotations": [
    ...     {"id": 3, "result": [{"type": "labels", "value": {"start": 0, "end": 21, "labels": ["ORG"]}}]}]}
    >>> report = ConvertReport()
    >>> [(e.text, e.label_) for doc in labelstudio_to_docs([task], make_nlp(), report=report) for e in doc.ents]
    [('Công an tỉnh Nghệ An', 'ORG')]
    >>> dict(report.counts)
    {'span_trimmed': 1}
    """
    if annotations not in ("latest", "all"):
        raise VnerError("Unknown --annotations mode", repr(annotations), "Use `latest` or `all`.")
    report = report if report is not None else ConvertReport()
    allowed = set(scheme_labels() if labels is None else labels)
    packer = srsly.msgpack.Packer(use_bin_type=True)  # what srsly.msgpack_dumps, and so DocBin, uses
    for i, task in enumerate(tasks):
        check_task(task, task_name(task, i))
        report.tasks += 1
        predictions = task.get("predictions")
        if predictions:
            report.add("predictions_ignored", n=len(predictions) if isinstance(predictions, list) else 1)
        done = _done(task)
        if not done:
            case = "task_only_cancelled" if task.get("annotations") else "task_no_annotation"
            report.add(case, {"task": task.get("id"), "doc": task["data"].get("id")})
            continue
        done.sort(key=_annotation_order)
        if annotations == "latest" and len(done) > 1:
            report.add("annotation_superseded", {"task": task.get("id"), "used": done[-1].get("id")}, n=len(done) - 1)
            done = done[-1:]
        raw_text = task["data"]["text"]
        if len(raw_text) > min(MAX_CHARS, nlp.max_length):
            raise VnerError(
                "Document too long",
                f"{task_name(task, i)}, document {_doc_id(task)!r}: {len(raw_text):,} characters, "
                f"more than spaCy takes ({min(MAX_CHARS, nlp.max_length):,})",
                "Split it into shorter documents (e.g. one per article or chapter) and push those instead.",
            )
        text, offsets = normalize(raw_text)
        if not offsets.is_identity:
            report.add("text_normalized_nfc", {"task": task.get("id")})
        doc_id = _doc_id(task)
        meta = task["data"].get("meta")
        for ann in done:
            where = {"task": task.get("id"), "doc": doc_id, "annotation": ann.get("id")}
            result = ann.get("result") or []
            report.spans_given += len(result)
            spans = _spans(result, raw_text, text, offsets, allowed, report, where)
            doc = nlp.make_doc(text)
            ents = []
            for start, end, label in spans:
                span = doc.char_span(start, end, label=label)
                if span is None:
                    report.add("span_misaligned_dropped", {**where, **_context(text, start, end, label), "tokens": _tokens_around(doc, start, end)})
                else:
                    ents.append(span)
            doc.set_ents(ents)
            if not ents and not ann.get("result"):
                report.add("annotation_empty_result", where)
            doc.user_data["id"] = doc_id if annotations == "latest" else f"{doc_id}#{ann.get('id')}"
            doc.user_data["group"] = doc_id
            if isinstance(task["data"].get("capability"), str):
                # What a challenge-set sentence tests; `vner evaluate` scores per capability.
                doc.user_data["capability"] = task["data"]["capability"]
            doc.user_data["meta"] = {
                **(meta if isinstance(meta, dict) else {} if meta is None else {"meta": meta}),
                "task": task.get("id"),
                "annotation": ann.get("id"),
                "annotator": ann.get("completed_by"),
            }
            _check_storable(doc, f"{task_name(task, i)}, document {doc_id!r}", packer)
            report.documents += 1
            report.entities.update(e.label_ for e in doc.ents)
            yield doc


def _done(task: dict) -> list[dict]:
    return [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]


def _annotation_order(ann: dict) -> tuple:
    """Oldest first by time stamp, then id, whatever types a hand-edited
    export put there (a number next to a string must not stop the sort)."""
    stamp = ann.get("updated_at") or ann.get("created_at") or ""
    aid = ann.get("id")
    number = isinstance(aid, (int, float)) and not isinstance(aid, bool) and aid == aid
    return (str(stamp), (0, aid, "") if number else (1, 0, str(aid)))


def _check_storable(doc: Doc, where: str, packer) -> None:
    """Refuse user data a DocBin cannot store (msgpack has no 2**64, a set...)
    here, naming the task, rather than when the corpus is written. `packer`
    is srsly's msgpack Packer as `srsly.msgpack_dumps` makes it, made once
    per conversion (making one looks up srsly's entry points)."""
    try:
        packer.pack(doc.user_data)
    except (TypeError, ValueError, OverflowError) as e:
        raise VnerError(
            "Task metadata cannot be stored in the corpus",
            f"{where}: {e}",
            "Keep `data.meta`, ids and `completed_by` to strings and numbers below 2**63, or remove them.",
        ) from None


def _doc_id(task: dict) -> str:
    return str(task["data"].get("id") or f"task-{task.get('id')}")


def _spans(results, raw_text, text, offsets, allowed, report, where) -> list[tuple[int, int, str]]:
    """Clean one annotation's result items into non-overlapping (start, end, label).

    Every item ends in exactly one count: kept, `result_not_a_span`,
    `span_duplicate` or a `*_dropped` case.
    """
    utf16 = None
    candidates = []
    for item in results:
        value = item.get("value")
        kind = item.get("type")
        if kind is None and isinstance(value, dict) and ("labels" in value or "start" in value):
            kind = "labels"
        if kind != "labels":
            report.add("result_not_a_span", {**where, "type": kind})
            continue
        value = value if isinstance(value, dict) else {}
        start, end, item_labels = value.get("start"), value.get("end"), value.get("labels")
        if isinstance(item_labels, str):
            report.add("span_label_string", {**where, "labels": item_labels})
            item_labels = [item_labels]
        if not (_is_int(start) and _is_int(end) and isinstance(item_labels, list) and item_labels
                and all(isinstance(x, str) for x in item_labels)):
            report.add("span_malformed_dropped", {**where, "value": _short(item.get("value"))})
            continue
        if not 0 <= start < end:
            report.add("span_empty_dropped", {**where, "start": start, "end": end, "labels": item_labels})
            continue
        given = value.get("text")
        if isinstance(given, str) and given != raw_text[start:end]:
            if utf16 is None:
                utf16 = _utf16_index(raw_text)
            fixed = (utf16.get(start), utf16.get(end)) if utf16 else (None, None)
            if None not in fixed and raw_text[fixed[0]:fixed[1]] == given:
                report.add("span_utf16_offsets", {**where, "text": given})
                start, end = fixed
            elif end <= len(raw_text) and unicodedata.normalize("NFC", given) != unicodedata.normalize("NFC", raw_text[start:end]):
                report.add("span_text_mismatch", {**where, "value.text": given, "text at offsets": raw_text[start:end]})
        if end > len(raw_text):
            report.add("span_empty_dropped", {**where, "start": start, "end": end, "labels": item_labels})
            continue
        start, end = offsets.start(start), offsets.end(end)
        if len(item_labels) != 1:
            report.add("span_label_conflict_dropped", {**where, **_context(text, start, end, "/".join(item_labels))})
            continue
        label = item_labels[0]
        if label not in allowed:
            report.add("span_unknown_label_dropped", {**where, **_context(text, start, end, label)})
            continue
        trimmed = _trim(text, start, end)
        if trimmed != (start, end):
            report.add("span_trimmed", {**where, "before": text[start:end], "after": text[trimmed[0]:trimmed[1]]})
            start, end = trimmed
        if start >= end:
            report.add("span_empty_dropped", {**where, "labels": item_labels})
            continue
        candidates.append((start, end, label))
    return _resolve_overlaps(candidates, text, report, where)


def _is_int(x) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _short(value, limit: int = 200):
    """A value for an example, cut so a hostile export cannot flood the report."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return value if len(text) <= limit else text[:limit] + "…"


def _resolve_overlaps(spans, text, report, where) -> list[tuple[int, int, str]]:
    """Keep the outermost (longest, then earliest) of overlapping spans."""
    unique = sorted(set(spans), key=lambda s: (s[0], s[1], s[2]))
    if len(unique) < len(spans):
        report.add("span_duplicate", where, n=len(spans) - len(unique))
    extents = Counter((s, e) for s, e, _ in unique)
    kept, taken = [], bytearray(len(text))
    for start, end, label in sorted(unique, key=lambda s: (s[0] - s[1], s[0])):
        if extents[(start, end)] > 1:
            report.add("span_label_conflict_dropped", {**where, **_context(text, start, end, label)})
        elif any(taken[start:end]):
            other = next((k for k in kept if k[0] < end and start < k[1]), None)
            report.add(
                "span_overlap_dropped",
                {**where, **_context(text, start, end, label), "kept": text[other[0]:other[1]] if other else None},
            )
        else:
            kept.append((start, end, label))
            taken[start:end] = b"\x01" * (end - start)
    return sorted(kept)


_OPEN_CLOSE = {")": "(", "]": "[", "}": "{", "”": "“", "’": "‘", "»": "«"}


def _is_edge(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "PZ"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip whitespace and punctuation at the edges (rule 7), keeping a
    closing bracket whose opening bracket is inside the span, a unit
    symbol after a number, and an initial's dot.

    >>> text = "tăng 15%, "
    >>> text[slice(*_trim(text, 5, 10))]
    '15%'
    >>> text = "bắt Lò Văn T.."
    >>> text[slice(*_trim(text, 4, 14))]
    'Lò Văn T.'
    """
    while start < end and _is_edge(text[start]):
        start += 1
    while start < end and _is_edge(text[end - 1]):
        ch = text[end - 1]
        if ch in UNIT_SYMBOLS and any(c.isdigit() for c in text[start:end - 1]):
            break  # "15%": the unit of a number, not punctuation
        if ch in _OPEN_CLOSE and text[start:end - 1].count(_OPEN_CLOSE[ch]) > text[start:end - 1].count(ch):
            break
        if ch == "." and INITIAL_DOT.search(text[start:end]):
            break  # "Lò Văn T.": the dot of an initial is part of the name
        end -= 1
    return start, end


def _utf16_index(text: str) -> dict[int, int] | None:
    """Map UTF-16 code-unit offsets to code-point offsets (browsers count in
    UTF-16, Python in code points); None when the two agree."""
    if all(ord(ch) <= 0xFFFF for ch in text):
        return None
    index, unit = {}, 0
    for i, ch in enumerate(text):
        index[unit] = i
        unit += 2 if ord(ch) > 0xFFFF else 1
    index[unit] = len(text)
    return index


def _context(text: str, start: int, end: int, label: str) -> dict:
    left = text[max(0, start - CONTEXT):start]
    right = text[end:end + CONTEXT]
    return {"span": text[start:end], "label": label, "start": start, "end": end, "context": f"…{left}[{text[start:end]}]{right}…"}


def _tokens_around(doc: Doc, start: int, end: int) -> list[str]:
    return [t.text for t in doc if t.idx < end and t.idx + len(t) > start]


def split_groups(groups: Sequence[str], dev_fraction: float, seed: int) -> set[str]:
    """The dev share of document groups (all annotations of one task stay
    together), chosen with scikit-learn's GroupShuffleSplit."""
    if not 0 <= dev_fraction < 1:
        raise VnerError("Invalid --dev-fraction", str(dev_fraction), "Use a number from 0 (no dev set) up to, not including, 1.")
    if dev_fraction == 0 or not groups:
        return set()
    if len(set(groups)) < 2:
        raise VnerError(
            "Too few documents for a dev split",
            f"{len(set(groups))} document(s) annotated",
            "Annotate more documents or pass --dev-fraction 0.",
        )
    splitter = GroupShuffleSplit(n_splits=1, test_size=dev_fraction, random_state=seed)
    try:
        _, dev_idx = next(splitter.split(groups, groups=groups))
    except ValueError as e:  # e.g. 2 documents and --dev-fraction 0.9: no training document left
        raise VnerError("Invalid --dev-fraction", f"{dev_fraction} of {len(set(groups))} documents: {e}", "Pass a smaller --dev-fraction.") from None
    return {groups[i] for i in dev_idx}


def split_docs(docs: list[Doc], dev_fraction: float, seed: int) -> tuple[list[Doc], list[Doc]]:
    """Split Docs by source document, as `convert_export` does."""
    groups = [doc.user_data.get("group", doc.user_data.get("id")) for doc in docs]
    dev = split_groups(groups, dev_fraction, seed)
    return [d for d, g in zip(docs, groups) if g not in dev], [d for d, g in zip(docs, groups) if g in dev]


def convert_export(
    export_path: Path,
    output_dir: Path,
    *,
    dev_fraction: float = 0.2,
    seed: int = 0,
    annotations: str = "latest",
    labels: Sequence[str] | None = None,
    strict: bool = False,
    tokenizer: str = "syllable",
    progress: bool = False,
    dev_optional: bool = False,
    n_docs: int | None = N_DOCS,
) -> ConvertReport:
    """Write `train.spacy`, `dev.spacy` and `report.json` to `output_dir`.

    The export is read as a stream, twice: once for the document ids (the
    dev split needs them all), once to convert. A split of more than `n_docs`
    documents becomes a folder of `.spacy` shards of `n_docs` each
    (`train.spacy/00000.spacy`, ...), which spaCy's corpus reader and
    `vner.training.corpus.read_corpus` take as they take the file; memory
    then holds one shard, not the corpus. `n_docs=None`: one file per split.

    Nothing is written when the export is invalid, or with `strict=True`
    when any span would be dropped: the outputs are made in a folder beside
    `output_dir` and each replaces its old version (file or folder) only
    once all are complete. With `dev_optional` (what `vner pull` wants: the
    data, split if possible), a single annotated document goes to train and
    is counted as `dev_split_skipped` instead of being an error.
    """
    if annotations not in ("latest", "all"):
        raise VnerError("Unknown --annotations mode", repr(annotations), "Use `latest` or `all`.")
    if n_docs is not None and n_docs < 1:
        raise VnerError("Invalid --n-docs", str(n_docs), "Pass a number of documents per shard of at least 1.")
    # First pass: which documents are annotated, to decide the split per
    # document before converting, so each Doc goes straight to its shard.
    n_tasks, groups = 0, []
    with _progress(progress, None, "Reading the export") as bar:
        for task in iter_export(export_path):
            n_tasks += 1
            bar.update()
            if _done(task):
                groups.append(_doc_id(task))
    report = ConvertReport()
    if dev_optional and dev_fraction > 0 and len(set(groups)) == 1:
        report.add("dev_split_skipped", {"documents": groups[0]}, n=len(groups))
        dev_fraction = 0
    dev_groups = split_groups(groups, dev_fraction, seed)
    del groups
    nlp = make_nlp(tokenizer)
    output_dir = Path(output_dir)
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output_dir.name}.", suffix=".tmp", dir=output_dir.parent))
    try:
        parts = {name: _ShardedDocBin(staging / f"{name}.spacy", n_docs) for name in ("train", "dev")}
        ids = {"train": report.train, "dev": report.dev}
        stream = labelstudio_to_docs(iter_export(export_path, check=False), nlp, labels=tuple(scheme_labels()) + tuple(labels or ()),
                                     annotations=annotations, report=report)
        with _progress(progress, n_tasks, "Converting") as bar:
            done_tasks = 0
            for doc in stream:
                part = "dev" if doc.user_data["group"] in dev_groups else "train"
                parts[part].add(doc)
                ids[part].append(doc.user_data["id"])
                bar.update(report.tasks - done_tasks)
                done_tasks = report.tasks
            bar.update(report.tasks - done_tasks)
        if strict and report.dropped:
            raise StrictRefusal(report)
        for name, part in parts.items():
            report.shards[name] = part.close()
        write_json_atomic(staging / "report.json", report.to_dict())
        output_dir.mkdir(exist_ok=True)
        for name in ("train.spacy", "dev.spacy", "report.json"):
            old = staging / ".old" / name
            old.mkdir(parents=True)
            replace_dir(staging / name, output_dir / name, old)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return report


def _progress(show: bool, total: int | None, desc: str):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="task", leave=False, disable=not show)


class _ShardedDocBin:
    """Docs written to `path` as one DocBin, or, past `n_docs` documents, as
    a folder `path/` of DocBins of `n_docs` documents each (`00000.spacy`,
    `00001.spacy`, ...; spaCy's corpus reader reads a folder in name order)."""

    def __init__(self, path: Path, n_docs: int | None):
        self.path, self.n_docs = path, n_docs
        self.current = _DocBin(store_user_data=True)
        self.shards = 0

    def add(self, doc: Doc) -> None:
        if self.n_docs is not None and len(self.current) == self.n_docs:
            self._flush()
        self.current.add(doc)

    def _flush(self) -> None:
        self.path.mkdir(exist_ok=True)
        self.current.to_disk(self.path / f"{self.shards:05d}.spacy")
        self.shards += 1
        self.current = _DocBin(store_user_data=True)

    def close(self) -> int:
        """Write what is left; return the number of files (1: a single `.spacy` file)."""
        if self.shards == 0:
            self.current.to_disk(self.path)
            return 1
        self._flush()
        return self.shards


# Token attributes whose values are strings (their hashes in the arrays).
_STRING_ATTRS = [ORTH, NORM, LEMMA, TAG, DEP, ENT_TYPE, ENT_KB_ID, ENT_ID, MORPH]


class _DocBin(DocBin):
    """spaCy's DocBin, collecting the strings of a Doc once per distinct value.

    `DocBin.add` reads nine string attributes of every token (a Python loop
    that is half the time of a conversion); this reads the hashes of the same
    attributes as one array and looks up each distinct one. Everything else is
    `DocBin.add` as spaCy 3 writes it; a test checks that both write a
    corpus read back identically. A hash the vocab cannot resolve takes
    spaCy's own path.
    """

    def add(self, doc: Doc) -> None:
        lookup = doc.vocab.strings
        try:
            strings = [lookup[int(h)] for h in numpy.unique(doc.to_array(_STRING_ATTRS)) if h]
        except KeyError:
            return super().add(doc)
        array = doc.to_array(self.attrs)
        if len(array.shape) == 1:
            array = array.reshape((array.shape[0], 1))
        self.tokens.append(array)
        spaces = doc.to_array(SPACY)
        self.spaces.append(numpy.asarray(spaces.reshape((spaces.shape[0], 1)), dtype=bool))
        self.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
        self.strings.add("")
        self.strings.update(strings)
        self.cats.append(doc.cats)
        if self.store_user_data:
            # srsly.msgpack_dumps, with its Packer made once (making one looks up entry points)
            self.packer = getattr(self, "packer", None) or srsly.msgpack.Packer(use_bin_type=True)
            self.user_data.append(self.packer.pack(doc.user_data))
        self.span_groups.append(doc.spans.to_bytes())
        for group in doc.spans.values():
            for span in group:
                self.strings.add(span.label_)
                if span.kb_id in span.doc.vocab.strings:
                    self.strings.add(span.kb_id_)
                if span.id in span.doc.vocab.strings:
                    self.strings.add(span.id_)


class StrictRefusal(VnerError):
    """`--strict` refused a conversion that would drop spans; carries the report
    so the CLI can show which spans and why."""

    def __init__(self, report: "ConvertReport"):
        super().__init__(
            "Spans would be dropped (--strict)",
            f"{report.dropped} span(s): " + ", ".join(f"{report.counts[c]} {c}" for c in CASES if c.endswith("dropped") and report.counts[c]),
            "Fix them in Label Studio (see the examples above) or run without --strict.",
        )
        self.report = report

    def __reduce__(self):
        return type(self), (self.report,)


def gold_docs(path: Path = SEED_GOLD, nlp: Language | None = None) -> list[Doc]:
    """The shipped seed gold (or any export) as Docs, latest annotation each."""
    return list(labelstudio_to_docs(iter_export(path, check=False), nlp or make_nlp()))
