"""`vner` command line: thin wrappers over the functions in vner.*."""

from . import convert, demo, labelstudio, train, evaluate, publish, tag, serve  # noqa: F401  (register commands)
from ._app import app

__all__ = ["app"]
