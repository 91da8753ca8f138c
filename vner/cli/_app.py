"""The one Typer app; every subcommand module registers itself on it."""

import functools
import logging

import typer
from wasabi import msg

from ..core.errors import VnerError

app = typer.Typer(
    name="vner",
    help="Annotate, train and evaluate Vietnamese named-entity recognition.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def command(*args, **kwargs):
    """Register a subcommand whose VnerErrors end as a message, not a traceback."""

    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*a, **k):
            try:
                return fn(*a, **k)
            except VnerError as e:
                msg.fail(e.title, e.detail or None)
                if e.fix:
                    msg.text(e.fix)
                raise typer.Exit(e.exit_code) from None
            finally:
                teardown_logging()

        return app.command(*args, **kwargs)(wrapper)

    return decorator


@app.callback()
def main() -> None:
    """Annotate, train and evaluate Vietnamese named-entity recognition."""


def config_overrides(args: list[str]) -> dict:
    """``--section.key value`` arguments as spaCy config overrides.

    Values are read as JSON where they parse (``5``, ``true``, ``[1, 2]``),
    else kept as strings, the way ``spacy train`` reads them.

    >>> config_overrides(["--training.max_steps", "20", "--paths.train=corpus/train.spacy", "--training.dropout", "0.2"])
    {'training.max_steps': 20, 'paths.train': 'corpus/train.spacy', 'training.dropout': 0.2}
    """
    import srsly

    overrides: dict = {}
    args = list(args)
    while args:
        arg = args.pop(0)
        key, sep, value = arg[2:].partition("=") if arg.startswith("--") else ("", "", "")
        if "." not in key:
            raise VnerError(
                "Unknown option", arg,
                "Config overrides look like --section.key value (e.g. --training.max_steps 200); see --help for the other options.",
            )
        if not sep:
            value = args.pop(0) if args and not args[0].startswith("--") else "true"
        try:
            overrides[key.replace("-", "_")] = srsly.json_loads(value)
        except ValueError:
            overrides[key.replace("-", "_")] = value
    return overrides


def setup_logging(verbose: bool = False, level: int = logging.INFO) -> None:
    """The one logging set-up of the CLI: vner's loggers print as CLI messages
    (warnings as warnings) at `level`, or everything with --verbose."""
    root = logging.getLogger("vner")
    root.setLevel(logging.DEBUG if verbose else level)
    if not any(isinstance(h, _MsgHandler) for h in root.handlers):
        root.addHandler(_MsgHandler())


class _MsgHandler(logging.Handler):
    """Log records as wasabi messages on whatever stdout is now (test runners swap it per command)."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            msg.warn(record.getMessage())
        elif record.levelno >= logging.INFO:
            msg.info(record.getMessage())
        else:
            msg.text(f"{record.name}: {record.getMessage()}")


def teardown_logging() -> None:
    """Undo `setup_logging` when a command ends, so a library caller (a
    notebook, a test) does not inherit the CLI's handler."""
    root = logging.getLogger("vner")
    for handler in [h for h in root.handlers if isinstance(h, _MsgHandler)]:
        root.removeHandler(handler)
    root.setLevel(logging.NOTSET)
