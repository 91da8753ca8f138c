"""`vner demo`: the main job on the shipped seeds."""

from pathlib import Path

import typer
from wasabi import msg

from ._app import command, config_overrides
from .evaluate import print_evaluation


@command("demo", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def demo_cli(
    ctx: typer.Context,
    output: Path = typer.Option(Path("demo"), "--output", "-o", help="Folder for corpus/, training/ and reports/", file_okay=False),
    seed: int = typer.Option(0, "--seed", help="Seed of the dev split and of training"),
):
    """Convert the shipped seed gold, train on it and evaluate on its dev documents.

    Extra `--section.key value` options override the training config
    (e.g. --training.max_steps 20 for a quick check of an installation).
    """
    from ..evaluation.demo import run_demo

    metrics = run_demo(output, overrides=config_overrides(ctx.args), seed=seed)
    steps = metrics["steps"]
    msg.good(f"Trained on {steps['train_documents']} seed documents, evaluated on {steps['dev_documents']} held out")
    print_evaluation(metrics)
    msg.text(f"Model: {steps['model']}")
