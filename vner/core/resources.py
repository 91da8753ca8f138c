"""Where the data vner ships lives: ``configs/``, ``seeds/`` and the guideline.

They are top-level folders of the repository, linked into the package
(``vner/configs`` → ``../configs``), so a wheel installs them as package data
and a checkout sees the same paths: ``vner`` works from any folder. Only
paths are computed here; nothing is read at import time.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def data_path(*parts: str) -> Path:
    """The path of shipped data, e.g. ``data_path("configs", "ner.cfg")``.

    >>> data_path("configs", "labels.json").is_file()
    True
    """
    return Path(str(files("vner"))).joinpath(*parts)


CONFIGS = data_path("configs")
SEEDS = data_path("seeds")
SEED_GOLD = SEEDS / "annotations.json"
# The team's written articles in markup (vner.annotation.markup): training and selection data.
WRITTEN = data_path("training", "written")
SCHEME_PATH = CONFIGS / "labels.json"
GUIDELINES_PATH = data_path("docs", "guidelines.md")
