"""Pull a project out of Label Studio through an export snapshot.

Large projects time out on the synchronous export, so this asks Label Studio
for a snapshot (`POST /api/projects/{id}/exports`), polls it until it is
built, and streams the file down. The raw bytes are kept unchanged under
`raw/` with a UTC timestamp (never overwriting an earlier pull), then
converted to a spaCy corpus. A download cut short never takes that name:
it stays a `.partial` file. A project with a single annotated document is
still pulled (all of it in train, with a warning): the user wants the data.
"""

import logging
import os
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from vner.core.errors import VnerError

from .labeling import Connection, api_errors, get_project

logger = logging.getLogger(__name__)

EXPORT_TIMEOUT = 3600.0  # seconds to wait for a snapshot to be built
CHUNK = 1 << 20


@dataclass
class ExportSummary:
    tasks: int = 0
    annotated: int = 0  # tasks with at least one non-cancelled annotation
    unannotated: int = 0
    cancelled_only: int = 0  # tasks whose annotations were all skipped
    annotations: int = 0
    cancelled: int = 0  # skipped / cancelled annotations
    per_annotator: dict = field(default_factory=dict)  # annotator -> {"annotations", "cancelled"}

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def annotator_name(completed_by, users: dict | None = None) -> str:
    """A readable name for an annotation's `completed_by` (id or object).

    >>> annotator_name(2, {2: "ann@example.org"}), annotator_name({"email": "a@b.c"}), annotator_name(None)
    ('ann@example.org', 'a@b.c', 'unknown')
    """
    if isinstance(completed_by, dict):
        return str(completed_by.get("email") or completed_by.get("id") or "unknown")
    if completed_by is None:
        return "unknown"
    return (users or {}).get(completed_by) or f"user {completed_by}"


def summarize_export(tasks: Iterable[dict], users: dict | None = None) -> ExportSummary:
    """Counts of tasks, annotations and skips, per annotator.

    >>> s = summarize_export([{"annotations": [{"completed_by": 1, "was_cancelled": True}]}, {"annotations": []}])
    >>> s.tasks, s.annotated, s.cancelled_only, s.unannotated, s.per_annotator
    (2, 0, 1, 1, {'user 1': {'annotations': 0, 'cancelled': 1}})
    """
    s = ExportSummary()
    per: dict[str, Counter] = {}
    for task in tasks:
        s.tasks += 1
        anns = task.get("annotations") or []
        done = [a for a in anns if not a.get("was_cancelled")]
        if done:
            s.annotated += 1
        elif anns:
            s.cancelled_only += 1
        else:
            s.unannotated += 1
        for a in anns:
            who = per.setdefault(annotator_name(a.get("completed_by"), users), Counter(annotations=0, cancelled=0))
            if a.get("was_cancelled"):
                s.cancelled += 1
                who["cancelled"] += 1
            else:
                s.annotations += 1
                who["annotations"] += 1
    s.per_annotator = {name: dict(c) for name, c in sorted(per.items())}
    return s


@dataclass
class PullReport:
    project_id: int
    raw_path: Path
    export_id: int
    bytes: int
    summary: ExportSummary
    corpus_dir: Path | None = None
    convert: object = None  # ConvertReport


def raw_export_path(raw_dir: Path, now: datetime | None = None) -> Path:
    """`raw/export-<UTC timestamp>.json`; the caller adds a suffix if taken."""
    now = now or datetime.now(timezone.utc)
    return Path(raw_dir) / f"export-{now.strftime('%Y%m%dT%H%M%SZ')}.json"


def _place(tmp: Path, target: Path) -> Path:
    """Hard-link `tmp` to `target` or `target-N`, never replacing a file."""
    candidate, n = target, 1
    while True:
        try:
            os.link(tmp, candidate)
            return candidate
        except FileExistsError:
            candidate = target.with_name(f"{target.stem}-{n}{target.suffix}")
            n += 1


def snapshot(conn: Connection, project_id: int, *, timeout: float = EXPORT_TIMEOUT, poll: float = 1.0,
             on_status: Callable[[str, float], None] | None = None) -> int:
    """Ask for an export snapshot with every task and wait until it is built."""
    title = f"vner pull {datetime.now(timezone.utc).isoformat(timespec='seconds')}"
    with api_errors(conn, "create an export snapshot"):
        # Without a job queue (Redis), Label Studio builds the snapshot inside
        # this request: give it the whole timeout, not the client's default.
        export = conn.client.projects.exports.create(id=project_id, title=title, request_options={"timeout": timeout})
    started = time.monotonic()
    status = export.status
    while status != "completed":
        if status == "failed":
            raise VnerError(
                "Export snapshot failed",
                f"project {project_id}, export {export.id} on {conn.url}",
                "See the Label Studio log; retry, or export from the project's Export page.",
            )
        elapsed = time.monotonic() - started
        if elapsed > timeout:
            raise VnerError(
                "Export snapshot not ready in time",
                f"project {project_id}, export {export.id} still {status!r} after {timeout:.0f} s on {conn.url}",
                "Retry with a longer --timeout; the snapshot keeps building on the server.",
            )
        if on_status:
            on_status(str(status), elapsed)
        time.sleep(poll)
        poll = min(poll * 1.5, 10.0)
        with api_errors(conn, "check the export snapshot"):
            status = conn.client.projects.exports.get(id=project_id, export_pk=export.id).status
    return export.id


def download(conn: Connection, project_id: int, export_id: int, raw_dir: Path, *, progress: bool = False,
             timeout: float = EXPORT_TIMEOUT) -> tuple[Path, int]:
    """Stream the snapshot to `raw_dir` unchanged; return its path and size.

    The file takes its final name only once it is complete: as long as the
    server said (Content-Length) and a JSON list. Anything less is kept as
    `raw/export-<time>.json.partial` and is a "Download incomplete" error.
    """
    import httpx
    from tqdm import tqdm

    raw_dir = Path(raw_dir)
    raw_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".export-", suffix=".tmp", dir=raw_dir)
    tmp = Path(tmp_name)
    size, expected, problem = 0, None, None
    try:
        with os.fdopen(fd, "wb") as f:
            bar = tqdm(desc="Downloading export", unit="B", unit_scale=True, disable=not progress, leave=False)
            try:
                with api_errors(conn, "download the export"), conn.client.projects.exports.with_raw_response.download(
                    id=project_id, export_pk=export_id, export_type="JSON",
                    request_options={"chunk_size": CHUNK, "timeout": timeout, "max_retries": 0},
                ) as response:
                    length = response.headers.get("content-length")
                    expected = int(length) if length and length.isdigit() else None
                    bar.total = expected
                    try:
                        for chunk in response.data:
                            f.write(chunk)
                            size += len(chunk)
                            bar.update(len(chunk))
                    except httpx.HTTPError as e:  # the connection broke mid-body
                        problem = f"the connection broke after {size:,} bytes ({type(e).__name__}: {e})"
            finally:
                bar.close()
            f.flush()
            os.fsync(f.fileno())
        if problem is None and expected is not None and size != expected:
            problem = f"received {size:,} of {expected:,} bytes"
        if problem is None:
            problem = _not_an_export(tmp)
        if problem is not None:
            partial = _place(tmp, raw_export_path(raw_dir).with_suffix(".json.partial"))
            raise VnerError(
                "Download incomplete",
                f"export {export_id} of project {project_id} from {conn.url}: {problem}; kept as {partial}",
                "Run `vner pull` again (the server keeps the snapshot); the .partial file is only for inspection.",
            )
        path = _place(tmp, raw_export_path(raw_dir))
    finally:
        tmp.unlink(missing_ok=True)
    return path, size


def _not_an_export(path: Path) -> str | None:
    """Why a downloaded file is not a whole JSON task list (None if it is),
    read as a stream: a large export is never held in memory."""
    from vner.core.jsonstream import json_list_items

    try:
        for _ in json_list_items(path):
            pass
    except VnerError as e:
        return e.detail
    return None


def pull(
    conn: Connection,
    title: str,
    output_dir: Path,
    *,
    dev_fraction: float = 0.2,
    seed: int = 0,
    annotations: str = "latest",
    strict: bool = False,
    convert: bool = True,
    timeout: float = EXPORT_TIMEOUT,
    progress: bool = False,
    on_status: Callable[[str, float], None] | None = None,
    n_docs: int | None = None,
) -> PullReport:
    """Export the project to `output_dir/raw/` and convert it to `output_dir/corpus/`
    (`n_docs`: documents per .spacy shard, default `convert.N_DOCS`)."""
    if annotations not in ("latest", "all"):
        raise VnerError("Unknown --annotations mode", repr(annotations), "Use `latest` or `all`.")
    if n_docs is None:
        from .convert import N_DOCS

        n_docs = N_DOCS
    project = get_project(conn, title)
    export_id = snapshot(conn, project.id, timeout=timeout, on_status=on_status)
    raw_path, size = download(conn, project.id, export_id, Path(output_dir) / "raw", progress=progress, timeout=timeout)
    from vner.core.jsonstream import json_list_items

    # Read as a stream (checked by download()), like the converter reads it.
    summary = summarize_export((t for t in json_list_items(raw_path) if isinstance(t, dict)), _users(conn))
    report = PullReport(project.id, raw_path, export_id, size, summary)
    if convert and report.summary.annotated:
        from .convert import convert_export

        report.corpus_dir = Path(output_dir) / "corpus"
        report.convert = convert_export(
            raw_path, report.corpus_dir, dev_fraction=dev_fraction, seed=seed,
            annotations=annotations, strict=strict, progress=progress, dev_optional=True, n_docs=n_docs,
        )
    return report


def _users(conn: Connection) -> dict:
    """User id → email, for naming annotators (empty if not allowed)."""
    try:
        with api_errors(conn, "list users"):
            return {u.id: u.email or u.username for u in conn.client.users.list()}
    except VnerError as e:
        logger.info("Annotators shown by id: %s", e)
        return {}
