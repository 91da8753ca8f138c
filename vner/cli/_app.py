"""The one Typer app; every subcommand module registers itself on it."""

import functools

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

        return app.command(*args, **kwargs)(wrapper)

    return decorator


@app.callback()
def main() -> None:
    """Annotate, train and evaluate Vietnamese named-entity recognition."""
