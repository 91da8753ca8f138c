"""`vner tag`: a thin wrapper over vner.tagging.tag."""

from pathlib import Path
from typing import List

import typer
from wasabi import msg

from ._app import command

SOURCES_HELP = ".txt files, folders of them, .jsonl documents or a Label Studio JSON export"
MODEL_HELP = "Trained pipeline folder (e.g. training-output/model-best) or an installed model package"


@command("tag")
def tag_cli(
    sources: List[Path] = typer.Argument(..., help=SOURCES_HELP, exists=True),
    model: str = typer.Option(..., "--model", "-m", help=MODEL_HELP),
    output: Path = typer.Option(..., "--output", "-o", help="Output file; written when complete (progress goes to OUTPUT.part)"),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl (id, text, entities), labelstudio (tasks with predictions) or conll"),
    text: bool = typer.Option(True, "--text/--no-text", help="Keep each document's text in the JSONL output"),
    resume: bool = typer.Option(False, "--resume", help="Skip the documents already in OUTPUT or OUTPUT.part (a killed run)"),
    n_process: int = typer.Option(1, "--n-process", "-n", help="Processes on this machine"),
    batch_size: int = typer.Option(16, "--batch-size", "-b", help="Documents per nlp.pipe batch"),  # tag.BATCH_SIZE
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://HOST:8786): tag on that cluster's workers"),
    partition_size: int = typer.Option(200, "--partition-size", help="Documents per Dask task (with --scheduler)"),
):
    """Tag documents with a trained model: entities as JSONL, Label Studio tasks or CoNLL."""
    from ..tagging import tag

    report = tag(sources, model, output, fmt=fmt, with_text=text, resume=resume, n_process=n_process,
                 batch_size=batch_size, scheduler=scheduler, partition_size=partition_size, progress=True)
    msg.divider(f"Tagged on {report.where}")
    msg.text(f"{report.tagged} documents in {report.seconds:.1f} s ({report.docs_per_second:.1f} documents/s)"
             + (f"; {report.skipped} already done, skipped" if report.skipped else ""))
    if report.entities:
        msg.table(sorted(report.entities.items()), header=("label", "entities"), aligns=("l", "r"))
    if report.spans_dropped:
        msg.warn(f"{report.spans_dropped} predicted span(s) left out: their labels are not in the annotation scheme")
    msg.good(f"Wrote {output} ({report.total} documents, {report.format})")
