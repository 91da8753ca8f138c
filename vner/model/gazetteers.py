"""World-knowledge word lists (``configs/gazetteers/*.txt``) for rules and augmentation.

A gazetteer is a UTF-8 text file, one entry a line; the spelling variants of
one entry share the line, separated by `` | `` (the first is the canonical
form): ``Xay Nha Bu Ly | Xay-nha-bu-ly | Xaynhabuly | Xayabury``. Lines
starting with ``#`` are comments, blank lines are skipped. A malformed line is
refused with its file:line rather than read loosely, because rule patterns
and the augmenter take every variant literally: a stray space or a repeated
variant would become a pattern that never matches or a doubled weight.

>>> load_gazetteer("province-la")[0][:3]
['Phong Sa Lỳ', 'Phông Sa Lỳ', 'Phông Sả Lỳ']
>>> "Thiếu uý" in gazetteer_words("rank")
True
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from ..core.errors import VnerError
from ..core.resources import data_path

SEPARATOR = " | "


def gazetteer_dir() -> Path:
    """The folder of the shipped gazetteers."""
    return data_path("configs", "gazetteers")


def gazetteer_names(directory: Path | None = None) -> list[str]:
    """The names of the gazetteers in ``directory`` (file names without ``.txt``).

    >>> "province-vn" in gazetteer_names()
    True
    """
    folder = Path(directory) if directory is not None else gazetteer_dir()
    return sorted(p.stem for p in folder.glob("*.txt"))


def load_gazetteer(name: str, path: Path | None = None) -> list[list[str]]:
    """The entries of gazetteer ``name``, each as its list of variants.

    ``path`` is a file to read instead of ``<gazetteer_dir()>/<name>.txt``.
    """
    file = Path(path) if path is not None else gazetteer_dir() / f"{name}.txt"
    if not file.is_file():
        known = ", ".join(gazetteer_names(file.parent)) or "none"
        raise VnerError(
            "Gazetteer not found",
            str(file),
            f"Use one of the gazetteers of {file.parent} ({known}) or pass an existing file.",
        )
    return [list(entry) for entry in _parse(file.read_text(encoding="utf-8"), str(file))]


def gazetteer_words(name: str, path: Path | None = None) -> list[str]:
    """Every variant of every entry of gazetteer ``name``, in file order."""
    return [variant for entry in load_gazetteer(name, path) for variant in entry]


@functools.lru_cache(maxsize=64)
def _parse(text: str, source: str) -> tuple[tuple[str, ...], ...]:
    """Parsed once per content: rules and augmenter ask for the same lists often."""
    if text.startswith("\ufeff"):
        text = text[1:]
    entries: list[tuple[str, ...]] = []
    first_line: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        where = f"{source}:{lineno}"
        if not line.strip() or line.startswith("#"):
            continue
        if not unicodedata.is_normalized("NFC", line):
            raise VnerError(
                "Gazetteer line is not in Unicode NFC",
                f"{where}: {line!r}",
                "Save the file in NFC (composed accents), as all vner text is stored.",
            )
        variants = [part.strip() for part in line.split("|")]
        if not all(variants):
            raise VnerError(
                "Empty variant in a gazetteer line",
                f"{where}: {line!r}",
                f"Separate variants with exactly one '{SEPARATOR}' and drop empty ones.",
            )
        if SEPARATOR.join(variants) != line:
            raise VnerError(
                "Gazetteer line with surrounding spaces",
                f"{where}: {line!r}",
                f"Write each variant without spaces around it, variants separated by '{SEPARATOR}'.",
            )
        for variant in variants:
            if variant in first_line:
                raise VnerError(
                    "Duplicate gazetteer variant",
                    f"{where}: {variant!r} is already on line {first_line[variant]}",
                    "Keep each spelling on one line only (one line, one place): delete the repeat.",
                )
            first_line[variant] = lineno
        entries.append(tuple(variants))
    return tuple(entries)
