"""Atomic file writes (a reader never sees a half-written output), and JSONL reading."""

import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from .errors import VnerError


@contextmanager
def atomic_writer(path: Path, mode: str = "wb") -> Iterator[IO]:
    """A file to write ``path`` through (``mode`` "wb" or "w"): it replaces
    ``path`` only when the block ends without an error, so an output too big
    to hold in memory is still never seen half-written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give what open() would
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": ""})) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_bytes_atomic(path: Path, data: bytes) -> None:
    with atomic_writer(path, "wb") as f:
        f.write(data)


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def write_json_atomic(path: Path, obj: Any) -> None:
    write_text_atomic(path, json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def replace_dir(staged: Path, target: Path, tmp: Path) -> None:
    """Replace `target` by `staged` (same filesystem), keeping the old one in
    `tmp` until the new one is in place, so a failure leaves the old output."""
    old = None
    if target.exists():
        old = tmp / "replaced"
        os.replace(target, old)
    try:
        os.replace(staged, target)
    except OSError:
        if old is not None:
            os.replace(old, target)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def jsonl_records(text: str | Iterable[str], source: str, expected: str) -> Iterator[tuple[int, str, Any]]:
    """``(line number, "source:line", parsed JSON)`` for each non-blank line of JSONL ``text``
    (a string, or an iterable of lines to stream a file).

    A line that is not JSON is a VnerError naming ``source:line``; ``expected``
    says what a line should be.

    >>> [(n, obj) for n, _, obj in jsonl_records('{"a": 1}\\n\\n[2]', "x.jsonl", "")]
    [(1, {'a': 1}), (3, [2])]
    """
    lines = text.splitlines() if isinstance(text, str) else text
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            yield lineno, where, json.loads(line)
        except json.JSONDecodeError as e:
            raise VnerError("Invalid JSON line", f"{where}: {e.msg} at column {e.colno}", expected) from None
