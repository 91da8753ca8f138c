"""Documents from users: .txt files, folders of them, and .jsonl.

Every document comes out NFC-normalised with a stable id, so the same file
read twice (or pushed twice) is recognisably the same document.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .errors import VnerError
from .files import jsonl_records
from .text import normalize, split_header


@dataclass
class Document:
    id: str
    text: str
    meta: dict = field(default_factory=dict)


def read_documents(paths: Iterable[Path]) -> list[Document]:
    """Read documents from files and folders, refusing duplicate ids.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text(" date 2023-07 Công an tỉnh Nghệ An")
    >>> read_documents([d])
    [Document(id='a', text='Công an tỉnh Nghệ An', meta={'date': '2023-07', 'source': 'a.txt'})]
    """
    return list(iter_documents(paths))


def iter_documents(paths: Iterable[Path]) -> Iterator[Document]:
    """`read_documents`, one document at a time: memory stays bounded by the
    largest single document (plus the set of ids seen), whatever the corpus.

    A `.json` file is read as a Label Studio export (its tasks' `data.id`
    and `data.text`), streamed.
    """
    seen: dict[str, Path] = {}
    for path in paths:
        for source, doc in _read_path(Path(path)):
            if doc.id in seen:
                raise VnerError(
                    "Duplicate document id",
                    f"'{doc.id}' in {source} and in {seen[doc.id]}",
                    "Give every document a unique id (file name or `id` field).",
                )
            seen[doc.id] = source
            yield doc


def _read_path(path: Path) -> Iterator[tuple[Path, Document]]:
    if not path.exists():
        raise VnerError("Input not found", str(path), "Check the path.")
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".jsonl") and p.is_file())
        if not files:
            raise VnerError(
                "No documents in folder", str(path), "Put .txt (one document each) or .jsonl files in it."
            )
        for f in files:
            yield from _read_path(f)
    elif path.suffix == ".jsonl":
        for doc in jsonl_to_documents(path):
            yield path, doc
    elif path.suffix == ".json":
        for doc in labelstudio_to_documents(path):
            yield path, doc
    else:
        text = _decode(path)
        meta, body = split_header(text)
        yield path, Document(path.stem, body, {**meta, "source": path.name})


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise VnerError("Cannot read input", f"{path}: {e.strerror}", "Check the file's permissions.") from None
    if b"\x00" in data:
        raise VnerError("Not a text file", f"{path} contains NUL bytes (binary data)", "Pass UTF-8 text files.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise VnerError(
            "Invalid UTF-8",
            f"{path}: byte {e.start} ({data[e.start:e.start + 1]!r})",
            "Re-save the file as UTF-8.",
        ) from None
    if not text.strip():
        raise VnerError("Empty document", str(path), "Remove the file or add its text.")
    return normalize(text)[0]


def jsonl_to_documents(path: Path) -> Iterator[Document]:
    """Read `{"id": ..., "text": ..., "meta": {...}}` lines, one line at a time.

    `id` defaults to `<file stem>-<line number>`; `meta` is optional.
    """
    expected = 'Each line must be {"id": ..., "text": ...}.'
    n = 0
    for lineno, where, obj in jsonl_records(_lines(path), str(path), expected):
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise VnerError("Missing text", f"{where} has no string field 'text'", expected)
        if not obj["text"].strip():
            raise VnerError("Empty document", where, "Remove the line or add its text.")
        meta = obj.get("meta") or {}
        if not isinstance(meta, dict):
            raise VnerError("Invalid meta", f"{where}: 'meta' must be an object", "")
        doc_id = str(obj["id"]) if obj.get("id") is not None else f"{path.stem}-{lineno}"
        n += 1
        yield Document(doc_id, normalize(obj["text"])[0], {**meta, "source": path.name})
    if not n:
        raise VnerError("Empty document", str(path), "Remove the file or add its text.")


def _lines(path: Path) -> Iterator[str]:
    """A file's lines, decoded one at a time (UTF-8, no NUL bytes)."""
    with _open(path) as f:
        for lineno, raw in enumerate(f, 1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if b"\x00" in raw:
                raise VnerError("Not a text file", f"{path}:{lineno} contains NUL bytes (binary data)", "Pass UTF-8 text files.")
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as e:
                raise VnerError(
                    "Invalid UTF-8", f"{path}:{lineno}: byte {e.start} ({raw[e.start:e.start + 1]!r})", "Re-save the file as UTF-8."
                ) from None


def labelstudio_to_documents(path: Path) -> Iterator[Document]:
    """The tasks of a Label Studio JSON export as Documents, streamed.

    A task's id is its `data.id`, else `task-<task id>` (as `vner convert`).
    """
    from vner.core.jsonstream import json_list_items

    expected = "a Label Studio JSON export: a list of tasks with `data.text`"
    n = 0
    for n, task in enumerate(json_list_items(path, expected=expected), 1):
        where = f"{path}, task #{n - 1}"
        data = task.get("data") if isinstance(task, dict) else None
        if not isinstance(data, dict):
            raise VnerError("Not a Label Studio export", f"{where} has no `data` object", f"Expected {expected}.")
        where = f"{where} (id {task.get('id')})"
        if not isinstance(data.get("text"), str) or not data["text"].strip():
            raise VnerError("Task without text", f"{where} has no non-empty string `data.text`", "Label the field `text` in the labeling config.")
        meta = data.get("meta") or {}
        if not isinstance(meta, dict):
            raise VnerError("Invalid meta", f"{where}: `data.meta` must be an object", "")
        doc_id = str(data.get("id") or f"task-{task.get('id')}")
        yield Document(doc_id, normalize(data["text"])[0], {**meta, "source": path.name})
    if not n:
        raise VnerError("Empty export", f"{path} has no tasks", "Export a project that has tasks.")


def _open(path: Path):
    try:
        return open(path, "rb")
    except OSError as e:
        raise VnerError("Cannot read input", f"{path}: {e.strerror}", "Check the file's permissions.") from None
