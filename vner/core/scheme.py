"""The entity scheme: labels, colours and hotkeys, defined once in configs/labels.json."""

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from .errors import VnerError
from .resources import SCHEME_PATH


@dataclass(frozen=True)
class Label:
    name: str
    hotkey: str
    color: str
    description: str


def load_scheme(path: Path = SCHEME_PATH) -> list[Label]:
    """
    >>> [label.name for label in load_scheme()]
    ['PERSON', 'RANK', 'ORG', 'PROVINCE', 'QUANTITY']
    """
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        labels = [Label(**item) for item in raw["labels"]]
    except FileNotFoundError:
        raise VnerError("Label scheme not found", str(path), "Reinstall vner or pass the path of a labels.json.") from None
    except (json.JSONDecodeError, KeyError, TypeError) as e:
        raise VnerError("Invalid label scheme", f"{path}: {e}", 'Expected {"labels": [{"name", "hotkey", "color", "description"}, ...]}.') from None
    names = [label.name for label in labels]
    if len(set(names)) != len(names) or len({label.hotkey for label in labels}) != len(labels):
        raise VnerError("Invalid label scheme", f"{path}: label names and hotkeys must be unique", "")
    return labels


@functools.lru_cache(maxsize=1)
def labels() -> tuple[str, ...]:
    """The scheme's label names, in order; read on first use, not at import.

    >>> labels()
    ('PERSON', 'RANK', 'ORG', 'PROVINCE', 'QUANTITY')
    """
    return tuple(label.name for label in load_scheme())
