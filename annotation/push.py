"""Push documents, pre-annotations and existing annotations to Label Studio.

Pushing is idempotent, so a push that died halfway is fixed by pushing again:
a document already in the project (same `data.id`, or same NFC text) is not
imported again, a model version's predictions are added to a task once, and
an annotation whose spans a task already has is not added twice. What is in
the project is read once up front (a paginated task list), not per task.

Pushing is also safe when two run at once. Pushes from this machine to the
same server take turns (a lock file per server URL). Pushes from elsewhere
can still both see a document missing and both import it, so after
importing a push re-reads the project and removes what it created twice:
a task whose document has an older task, a second prediction of the same
model version, an annotation another one with the same spans predates.
Everyone keeps the oldest, so two pushes agree on what stays. Requests that
create something are not retried blindly (a retry after a server error that
had already written the row made a duplicate); a failed one is reported and
pushing again finishes the job.
"""

import contextlib
import hashlib
import json
import logging
import os
import tempfile
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from vner.core.documents import Document, read_documents
from vner.core.errors import VnerError
from vner.core.scheme import labels as scheme_labels
from vner.core.text import normalize

from .convert import MAX_CHARS
from .labeling import FROM_NAME, TO_NAME, Connection, ProjectState, api_errors, delete_quietly, ensure_project, get_field

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
PAGE_SIZE = 1000
IDS_PER_REQUEST = 200  # a URL of about 2 kB: under any proxy's limit
MAX_EXAMPLES = 5
PASSES = 3  # a pass that removed duplicates is followed by one that fills in what they carried
ONCE = {"max_retries": 0}  # request options of requests that create something


def text_key(text: str) -> str:
    """A short hash of a text's NFC form: the same document however it is encoded.

    >>> text_key("Nghe\\u0323\\u0302 An") == text_key("Nghệ An")
    True
    """
    return hashlib.sha1(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()


def span_key(results: Iterable[dict]) -> frozenset:
    """The spans of a result list, for spotting an annotation pushed before.

    >>> span_key([{"type": "labels", "value": {"start": 0, "end": 3, "labels": ["ORG"]}}])
    frozenset({(0, 3, ('ORG',))})
    """
    spans = set()
    for r in results or []:
        v = r.get("value") if isinstance(r, dict) else None
        if isinstance(v, dict) and "start" in v and "end" in v:
            if _plain(v):
                spans.add((v["start"], v["end"], tuple(v["labels"])))
            else:  # hand-edited: still a key (hashable), never equal to a clean span's
                spans.add((repr(v["start"]), repr(v["end"]), repr(v.get("labels"))))
    return frozenset(spans)


def span_digest(results: Iterable[dict]) -> bytes:
    """`span_key` in 16 bytes: equal for the same spans, in any order. What a
    push keeps per annotation (a project's or an export's), at any size.

    >>> a = {"type": "labels", "value": {"start": 0, "end": 3, "labels": ["ORG"]}}
    >>> b = {"type": "labels", "value": {"start": 5, "end": 7, "labels": ["LOC"]}}
    >>> span_digest([a, b]) == span_digest([b, a]) != span_digest([a])
    True
    """
    spans = sorted(repr(s) for s in span_key(results))
    return hashlib.blake2b(repr(spans).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _plain(value: dict) -> bool:
    """Whether a span value is as Label Studio writes it (int offsets, string labels)."""
    labels = value.get("labels")
    return (all(isinstance(value.get(k), int) for k in ("start", "end"))
            and isinstance(labels, list) and all(isinstance(x, str) for x in labels))


# --- pre-annotators -----------------------------------------------------------


@dataclass
class PreAnnotator:
    """Predicts spans for texts; `model_version` names it in Label Studio."""

    model_version: str
    predict: Callable[[list[str]], list[list[tuple[int, int, str]]]]


def make_pre_annotator(spec: str | None) -> PreAnnotator | None:
    """`rules`, a path to a spaCy pipeline, or `none` (no predictions)."""
    if spec is None or spec.lower() == "none":
        return None
    if spec == "rules":
        try:
            from . import rules
        except ImportError as e:
            raise VnerError("Rule pre-annotator not available", str(e), "Use --pre-annotate none or a MODEL_PATH.") from None
        nlp = rules.rules_pipeline()
        version = str(getattr(rules, "RULES_VERSION", None) or nlp.meta.get("version", "0"))
        return _spacy_annotator(nlp, version if version.startswith("rules") else f"rules-{version}")
    path = Path(spec)
    if not path.exists():
        raise VnerError(
            "Pre-annotation model not found",
            str(path),
            "Pass --pre-annotate rules, none, or the path of a trained pipeline (e.g. training/model-best).",
        )
    import spacy

    try:
        nlp = spacy.load(path)
    except (OSError, ValueError) as e:
        raise VnerError("Cannot load pre-annotation model", f"{path}: {e}", "Pass the folder of a saved spaCy pipeline.") from None
    meta = nlp.meta
    return _spacy_annotator(nlp, f"{meta.get('lang', 'xx')}_{meta.get('name', path.name)}-{meta.get('version', '0')}")


def _spacy_annotator(nlp, model_version: str) -> PreAnnotator:
    def predict(texts: list[str]) -> list[list[tuple[int, int, str]]]:
        out = []
        for doc in nlp.pipe(texts, batch_size=32):
            if doc.text != texts[len(out)]:
                raise VnerError("Pre-annotator changed the text", f"model {model_version}", "Use a pipeline whose tokenizer keeps the text as is.")
            out.append([(e.start_char, e.end_char, e.label_) for e in doc.ents])
        return out

    return PreAnnotator(model_version, predict)


def prediction(text: str, spans: Sequence[tuple[int, int, str]], model_version: str, labels: Sequence[str]) -> tuple[dict, int]:
    """A Label Studio prediction, and how many spans had a label outside the scheme."""
    result, dropped = [], 0
    for i, (start, end, label) in enumerate(spans):
        if label not in labels:
            dropped += 1
            continue
        result.append(_result_item(f"p{i}", start, end, label, text))
    return {"model_version": model_version, "result": result}, dropped


def _result_item(rid: str, start: int, end: int, label: str, text: str) -> dict:
    return {
        "id": rid,
        "from_name": FROM_NAME,
        "to_name": TO_NAME,
        "type": "labels",
        "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]},
    }


# --- what the project already has ---------------------------------------------


@dataclass
class TaskState:
    """What a push needs of a project's task. Its text is kept as `key`
    (`text_key`), not in full: a project of 50,000 tasks is read whole."""

    id: int
    doc_id: str | None
    key: str  # text_key of its text
    model_versions: set = field(default_factory=set)
    annotations: set = field(default_factory=set)  # span digests of its annotations, not cancelled
    predictions: list = field(default_factory=list)  # (id, model_version)
    annotation_ids: list = field(default_factory=list)  # (id, span digest), not cancelled
    nfc: bool = True  # its text is stored in NFC (the text of a document with the same key)


def existing_tasks(conn: Connection, project_id: int, progress: bool = False, *, details: bool = True) -> list[TaskState]:
    """Every task of the project: its id, document id and text key, and with
    `details` its predictions' versions and annotations' spans.

    Without `details` the server is asked for each task's id and data only
    (`fields=task_only`, `include=id,data`), which costs it a fraction of
    reading every annotation and prediction (`fields=all`).
    """
    return list(_read_tasks(conn, project_id, details=details, progress=progress))


def _read_tasks(conn: Connection, project_id: int, *, details: bool, ids: Sequence[int] | None = None,
                progress: bool = False):
    from tqdm import tqdm

    # The SDK asks for fields="all" unless told; `include` trims the reply to
    # what is used (a server that ignores it sends more, nothing less).
    options = {"fields": "all"} if details else {"fields": "task_only", "include": "id,data"}
    if ids is None:
        queries = [None]
    else:  # only these tasks, a few hundred per request (their ids go in the URL)
        ids = sorted(ids)
        queries = [json.dumps({"selectedItems": {"all": False, "included": ids[i:i + IDS_PER_REQUEST]}}, separators=(",", ":"))
                   for i in range(0, len(ids), IDS_PER_REQUEST)]
    with api_errors(conn, "list the project's tasks"):
        bar = tqdm(desc="Reading project", unit="task", disable=not progress, leave=False)
        for query in queries:
            extra = {} if query is None else {"query": query}
            for task in conn.client.tasks.list(project=project_id, page_size=PAGE_SIZE, **options, **extra):
                yield _task_state(task, details)
                bar.update()
        bar.close()


def _task_state(task, details: bool) -> TaskState:
    data = task.data or {}
    doc_id = data.get("id")
    text = str(data.get("text", ""))
    state = TaskState(id=task.id, doc_id=None if doc_id is None else str(doc_id), key=text_key(text),
                      nfc=unicodedata.is_normalized("NFC", text))
    if details:
        done = [a for a in task.annotations or [] if not get_field(a, "was_cancelled")]
        state.annotation_ids = [(get_field(a, "id"), span_digest(get_field(a, "result"))) for a in done]
        state.annotations = {k for _, k in state.annotation_ids}
        state.predictions = [(get_field(p, "id"), get_field(p, "model_version")) for p in task.predictions or []]
        state.model_versions = {v for _, v in state.predictions}
    return state


def task_text(conn: Connection, task_id: int) -> str:
    """The text of one task as the project holds it."""
    with api_errors(conn, f"read task {task_id}"):
        return str((conn.client.tasks.get(id=str(task_id)).data or {}).get("text", ""))


class TaskIndex:
    """Find a project task by document id, else by NFC text."""

    def __init__(self, tasks: Iterable[TaskState] = ()):
        self.by_id: dict[str, TaskState] = {}
        self.by_text: dict[str, TaskState] = {}
        for task in tasks:
            self.add(task)

    def add(self, task: TaskState) -> None:
        if task.doc_id is not None:
            self.by_id.setdefault(task.doc_id, task)
        self.by_text.setdefault(task.key, task)

    def find(self, doc_id: str | None, text: str | None = None, *, key: str | None = None) -> TaskState | None:
        """By document id, else by the text (or its `text_key`)."""
        if doc_id is not None and str(doc_id) in self.by_id:
            return self.by_id[str(doc_id)]
        return self.by_text.get(text_key(text) if key is None else key)

    def __len__(self) -> int:
        return len({id(t) for t in (*self.by_id.values(), *self.by_text.values())})


# --- annotations from an export -----------------------------------------------


@dataclass(slots=True)
class PendingAnnotation:
    """An annotation of the export, kept small: the push holds one per task of
    the export, so the document's text is kept as its `text_key` and the
    annotation as compressed JSON (`annotation` unpacks it)."""

    doc_id: str | None
    text_key: str  # of the NFC text
    source_task: object
    packed: bytes  # zlib of the JSON annotation for Label Studio: result (+ ground_truth, lead_time)
    key: bytes  # span_digest of its result

    @property
    def annotation(self) -> dict:
        return json.loads(zlib.decompress(self.packed))


def annotations_from_export(path: Path, report: "PushReport") -> list[PendingAnnotation]:
    """The non-cancelled annotations of an export, offsets remapped to NFC text.

    The export is read as a stream (`iter_export`, one task at a time, each
    checked as `load_export` checks it): memory holds what the push needs of
    each annotation, not the parsed export.
    """
    from .convert import iter_export

    pending = []
    for task in iter_export(path):
        raw_text = task["data"]["text"]
        text, offsets = normalize(raw_text)
        doc_id = task["data"].get("id")
        key = text_key(text)
        for ann in task.get("annotations") or []:
            if ann.get("was_cancelled"):
                report.annotations_cancelled += 1
                continue
            result = []
            for i, r in enumerate(ann.get("result") or []):
                v = dict(r["value"]) if isinstance(r.get("value"), dict) else r.get("value")
                if isinstance(v, dict) and _plain(v) and not offsets.is_identity:
                    v["start"], v["end"] = offsets.start(v["start"]), offsets.end(v["end"])
                    v["text"] = text[v["start"]:v["end"]]
                result.append({**r, "value": v, "id": r.get("id") or f"a{i}"})
            annotation = {"result": result, "ground_truth": bool(ann.get("ground_truth"))}
            if ann.get("lead_time") is not None:
                annotation["lead_time"] = ann["lead_time"]
            packed = zlib.compress(json.dumps(annotation, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)
            pending.append(PendingAnnotation(None if doc_id is None else str(doc_id), key, task.get("id"), packed,
                                             span_digest(result)))
    return pending


# --- push ----------------------------------------------------------------------


@dataclass
class PushReport:
    project_id: int = 0
    project: str = ""
    project_created: bool = False
    config_updated: bool = False
    documents: int = 0
    tasks_created: int = 0
    tasks_existing: int = 0
    duplicate_texts: int = 0
    model_version: str | None = None
    predictions_added: int = 0
    predictions_existing: int = 0
    prediction_spans: int = 0
    prediction_spans_dropped: int = 0
    annotations_added: int = 0
    annotations_existing: int = 0
    annotations_cancelled: int = 0
    annotations_unmatched: int = 0
    unmatched_examples: list = field(default_factory=list)
    duplicates_removed: int = 0  # created twice by pushes running at once, removed again
    tasks_total: int = 0

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def push(
    conn: Connection,
    title: str,
    sources: Sequence[Path] | Sequence[Document],
    *,
    pre_annotate: str | None = "rules",
    annotations: Path | None = None,
    update_config: bool = False,
    batch_size: int = BATCH_SIZE,
    progress: bool = False,
) -> PushReport:
    """Make sure the project has every document, prediction and annotation given.

    `sources` are paths for `read_documents` (or Documents). Returns counts of
    what was added and what was already there.
    """
    # Documents built by hand may be NFD; tasks and pre-annotations are NFC.
    docs = [Document(s.id, normalize(s.text)[0], s.meta) for s in sources if isinstance(s, Document)]
    paths = [Path(s) for s in sources if not isinstance(s, Document)]
    docs += read_documents(paths) if paths else []
    check_lengths(docs)
    report = PushReport(documents=len(docs))
    pending = annotations_from_export(annotations, report) if annotations is not None else []
    annotator = make_pre_annotator(pre_annotate)
    report.model_version = annotator.model_version if annotator else None

    with push_lock(conn.url, progress=progress):
        state: ProjectState = ensure_project(conn, title, update_config=update_config)
        report.project_id, report.project = state.id, title
        report.project_created, report.config_updated = state.created, state.config_updated
        for n in range(PASSES):
            this = report if n == 0 else PushReport()
            created = _push_once(conn, state, docs, pending, annotator, this, batch_size, progress, read=n > 0 or not state.created)
            if this is not report:
                for name in ("tasks_created", "predictions_added", "prediction_spans", "annotations_added"):
                    setattr(report, name, getattr(report, name) + getattr(this, name))
                report.tasks_total = this.tasks_total
            removed = reconcile(conn, state.id, created, report.model_version)
            report.duplicates_removed += sum(removed[k] for k in ("tasks", "predictions", "annotations"))
            report.tasks_created -= removed["tasks"]
            report.tasks_existing += removed["tasks"]
            report.predictions_added = max(0, report.predictions_added - removed["predictions"] - removed["task_predictions"])
            report.annotations_added = max(0, report.annotations_added - removed["annotations"] - removed["task_annotations"])
            report.tasks_total -= removed["tasks"]
            if not removed["tasks"]:
                break
    return report


def check_lengths(docs: Sequence[Document]) -> None:
    """Refuse documents spaCy cannot take before anything is created."""
    long = [d for d in docs if len(d.text) > MAX_CHARS]
    if long:
        more = f" (and {len(long) - 1} more)" if len(long) > 1 else ""
        raise VnerError(
            "Document too long",
            f"{long[0].id!r}: {len(long[0].text):,} characters, more than spaCy takes ({MAX_CHARS:,}){more}; nothing was pushed",
            "Split it into shorter documents (e.g. one per article or chapter) and push those.",
        )


def lock_dir() -> Path:
    """Where push locks live: VNER_LOCK_DIR, else a private folder in /tmp."""
    path = Path(os.environ.get("VNER_LOCK_DIR") or Path(tempfile.gettempdir()) / f"vner-locks-{os.getuid()}")
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def server_key(url: str) -> str:
    """One name per server, however its URL is spelled.

    >>> server_key("http://localhost:8080/") == server_key("HTTP://127.0.0.1:8080")
    True
    """
    url = url.strip().rstrip("/").lower().replace("://localhost", "://127.0.0.1")
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


@contextlib.contextmanager
def push_lock(url: str, *, progress: bool = False):
    """Pushes from this machine to one server take turns (an flock, released
    by the kernel even when a push is killed). This also keeps them from
    writing to a local server's SQLite database at the same time."""
    import fcntl

    path = lock_dir() / f"push-{server_key(url)}.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            (logger.warning if progress else logger.info)("Waiting for another push to %s to finish", url)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


@dataclass
class Created:
    """What one pass created, for `reconcile`."""

    tasks: set = field(default_factory=set)
    touched: set = field(default_factory=set)  # tasks given a prediction
    annotations: dict = field(default_factory=dict)  # annotation id: its task's id

    def __bool__(self) -> bool:
        return bool(self.tasks or self.touched or self.annotations)


def reconcile(conn: Connection, project_id: int, created: Created, model_version: str | None) -> Counter:
    """Remove what this push created that another push had created first.

    Keeps, per document, the task with the lowest id; per task, the oldest
    prediction of `model_version`; and an annotation this push added only if
    no older one on the task has the same spans. Returns what was removed.

    Every task of the project is listed without its annotations and
    predictions (ids and texts are what tells a duplicate); those are read
    only for the tasks that need them: duplicates about to go, tasks this
    push gave a prediction or an annotation.
    """
    removed: Counter = Counter()
    if not created:
        return removed
    tasks = existing_tasks(conn, project_id, details=False)
    first_by_id: dict[str, int] = {}
    first_by_text: dict[str, int] = {}
    for t in tasks:
        if t.doc_id is not None:
            first_by_id[t.doc_id] = min(first_by_id.get(t.doc_id, t.id), t.id)
        first_by_text[t.key] = min(first_by_text.get(t.key, t.id), t.id)

    def first(t: TaskState) -> int:
        return min(first_by_id.get(t.doc_id, t.id) if t.doc_id is not None else t.id, first_by_text[t.key])

    doomed = {t.id for t in tasks if t.id in created.tasks and first(t) < t.id}
    wanted = doomed | set(created.annotations.values()) | (created.touched if model_version is not None else set())
    detailed = {t.id: t for t in _read_tasks(conn, project_id, details=True, ids=wanted)} if wanted else {}
    with api_errors(conn, "remove duplicates"):
        for t in tasks:
            t = detailed.get(t.id, t)
            if t.id in created.tasks:
                if t.id in doomed and delete_quietly(conn, "tasks", t.id):
                    logger.info("Removed task %s: document %s is already task %s", t.id, t.doc_id, first(t))
                    removed["tasks"] += 1
                    removed["task_annotations"] += len(t.annotation_ids)
                    removed["task_predictions"] += sum(1 for _, v in t.predictions if v == model_version)
                continue
            if model_version is not None and t.id in created.touched:
                for pid in sorted(pid for pid, v in t.predictions if v == model_version)[1:]:
                    removed["predictions"] += delete_quietly(conn, "predictions", pid)
            for aid, key in t.annotation_ids:
                if aid in created.annotations and any(other < aid and k == key for other, k in t.annotation_ids):
                    removed["annotations"] += delete_quietly(conn, "annotations", aid)
    return removed


def _push_once(conn: Connection, state: ProjectState, docs, pending, annotator, report: PushReport,
               batch_size: int, progress: bool, read: bool) -> Created:
    """One pass: read the project, add what is missing, return what was created."""
    from tqdm import tqdm

    created = Created()
    # Predictions' versions and annotations' spans are read only when this push brings some.
    details = annotator is not None or bool(pending)
    index = TaskIndex(existing_tasks(conn, state.id, progress, details=details) if read else [])

    # Documents not yet in the project become tasks (with their predictions).
    new_docs, seen_texts = [], set()
    for doc in docs:
        key = text_key(doc.text)
        if index.find(doc.id, doc.text) is not None:
            report.tasks_existing += 1
        elif key in seen_texts:
            report.duplicate_texts += 1
            logger.info("Not pushing %s: same text as another document in this push", doc.id)
        else:
            seen_texts.add(key)
            new_docs.append(doc)
    # Existing tasks without this model version's predictions get them.
    stale, stale_texts, seen_tasks = [], [], set()
    if annotator is not None:
        for doc in docs:
            task = index.find(doc.id, doc.text)
            if task is None:
                continue
            if annotator.model_version in task.model_versions:
                report.predictions_existing += 1
            elif task.id not in seen_tasks:
                seen_tasks.add(task.id)
                stale.append(task)
                # Predicted on the task's own text: the document's when they are the same string.
                same = task.nfc and task.key == text_key(doc.text)
                stale_texts.append(doc.text if same else task_text(conn, task.id))

    predictions = {}
    if annotator is not None:
        texts = [d.text for d in new_docs] + stale_texts
        bar = tqdm(total=len(texts), desc=f"Pre-annotating ({annotator.model_version})", unit="doc", disable=not progress or not texts, leave=False)
        for start in range(0, len(texts), batch_size):
            chunk = texts[start:start + batch_size]
            for text, spans in zip(chunk, annotator.predict(chunk)):
                pred, dropped = prediction(text, spans, annotator.model_version, scheme_labels())
                report.prediction_spans += len(pred["result"])
                report.prediction_spans_dropped += dropped
                predictions[text_key(text)] = pred
            bar.update(len(chunk))
        bar.close()

    by_doc = PendingIndex(pending)

    def wanted_annotations(doc_id, text, task: TaskState | None):
        out = []
        have = set(task.annotations) if task else set()
        key = text_key(text)
        for p in by_doc.matching(doc_id, text):
            if p.text_key != key:
                _unmatched(report, p, "text differs from the document's")
                continue
            if p.key in have:
                report.annotations_existing += 1
                continue
            have.add(p.key)
            out.append(p)
        return out

    matched: set[int] = set()
    with api_errors(conn, "import tasks"):
        bar = tqdm(total=len(new_docs), desc="Pushing tasks", unit="task", disable=not progress or not new_docs, leave=False)
        for start in range(0, len(new_docs), batch_size):
            batch = new_docs[start:start + batch_size]
            payload = []
            for doc in batch:
                item = {"data": {"id": doc.id, "text": doc.text, "meta": doc.meta}}
                if annotator is not None:
                    item["predictions"] = [predictions[text_key(doc.text)]]
                anns = wanted_annotations(doc.id, doc.text, None)
                matched.update(id(p) for p in by_doc.matching(doc.id, doc.text))
                if anns:
                    item["annotations"] = [p.annotation for p in anns]
                payload.append(item)
            response = conn.client.projects.import_tasks(id=state.id, request=payload, return_task_ids=True, request_options=ONCE)
            ids = list(response.task_ids or [])
            created.tasks.update(ids)
            for doc, task_id in zip(batch, ids):
                index.add(TaskState(task_id, doc.id, text_key(doc.text), {report.model_version} if annotator else set(),
                                    {p.key for p in by_doc.matching(doc.id, doc.text)}))
            report.tasks_created += response.task_count or len(batch)
            report.predictions_added += (len(batch) if annotator is not None else 0)
            report.annotations_added += response.annotation_count or 0
            bar.update(len(batch))
        bar.close()

    with api_errors(conn, "import predictions"):
        for start in range(0, len(stale), batch_size):
            chunk = stale[start:start + batch_size]
            request = [{"task": t.id, **predictions[t.key]} for t in chunk]
            conn.client.projects.import_predictions(id=state.id, request=request, request_options=ONCE)
            created.touched.update(t.id for t in chunk)
            for t in chunk:
                t.model_versions.add(annotator.model_version)
            report.predictions_added += len(chunk)

    # Annotations for tasks that were already in the project.
    with api_errors(conn, "create annotations"):
        for p in pending:
            if id(p) in matched:
                continue
            task = index.find(p.doc_id, key=p.text_key)
            if task is None:
                _unmatched(report, p, "no task with this document id or text")
                continue
            if task.key != p.text_key:
                _unmatched(report, p, f"text differs from task {task.id}'s")
                continue
            if p.key in task.annotations:
                report.annotations_existing += 1
                continue
            made = conn.client.annotations.create(id=task.id, **p.annotation, request_options=ONCE)
            created.annotations[made.id] = task.id
            task.annotations.add(p.key)
            report.annotations_added += 1

    report.tasks_total = len(index)
    return created


class PendingIndex:
    """Pending annotations by document id and by text hash, so matching a
    document costs a dict look-up, not a scan of the whole export."""

    def __init__(self, pending: Iterable[PendingAnnotation]):
        self.by_id: dict[str, list[PendingAnnotation]] = {}
        self.by_text: dict[str, list[PendingAnnotation]] = {}
        for p in pending:
            if p.doc_id is not None:
                self.by_id.setdefault(p.doc_id, []).append(p)
            self.by_text.setdefault(p.text_key, []).append(p)

    def matching(self, doc_id: str | None, text: str) -> list[PendingAnnotation]:
        """Same document: same `data.id`, or same NFC text."""
        found = {id(p): p for p in self.by_id.get(str(doc_id), [])} if doc_id is not None else {}
        for p in self.by_text.get(text_key(text), []):
            found.setdefault(id(p), p)
        return list(found.values())


def _unmatched(report: PushReport, p: PendingAnnotation, reason: str) -> None:
    report.annotations_unmatched += 1
    if len(report.unmatched_examples) < MAX_EXAMPLES:
        report.unmatched_examples.append({"task": p.source_task, "doc": p.doc_id, "reason": reason})
