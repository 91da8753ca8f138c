"""The entity scheme: labels, colours and hotkeys, defined once in configs/."""

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import VnerError

REPO_ROOT = Path(__file__).resolve().parents[1]
CONFIGS = REPO_ROOT / "configs"
SCHEME_PATH = CONFIGS / "labels.json"
GUIDELINES_PATH = REPO_ROOT / "docs" / "guidelines.md"
SEEDS = REPO_ROOT / "seeds"
SEED_GOLD = SEEDS / "annotations.json"


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
        raise VnerError("Label scheme not found", str(path), "Run vner from its repository or pass the scheme path.") from None
    except (json.JSONDecodeError, KeyError, TypeError) as e:
        raise VnerError("Invalid label scheme", f"{path}: {e}", 'Expected {"labels": [{"name", "hotkey", "color", "description"}, ...]}.') from None
    names = [label.name for label in labels]
    if len(set(names)) != len(names) or len({label.hotkey for label in labels}) != len(labels):
        raise VnerError("Invalid label scheme", f"{path}: label names and hotkeys must be unique", "")
    return labels


LABELS: tuple[str, ...] = tuple(label.name for label in load_scheme())
