"""Where the data vner ships lives: ``configs/``, ``seeds/`` and the guideline.

They are the repository's top-level folders. A wheel installs them as
package data under ``vner/`` (``pyproject.toml`` maps them there), so
``vner`` works from any folder; an editable install finds them in the
checkout. Only paths are computed here; nothing is read at import time.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def data_path(*parts: str) -> Path:
    """The path of shipped data, e.g. ``data_path("configs", "ner.cfg")``.

    >>> data_path("configs", "labels.json").is_file()
    True
    """
    installed = Path(str(files("vner"))).joinpath(*parts)
    if installed.exists():
        return installed
    return Path(__file__).resolve().parents[2].joinpath(*parts)


CONFIGS = data_path("configs")
SEEDS = data_path("seeds")
SEED_GOLD = SEEDS / "annotations.json"
SCHEME_PATH = CONFIGS / "labels.json"
GUIDELINES_PATH = data_path("docs", "guidelines.md")
