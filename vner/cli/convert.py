from pathlib import Path

import typer
from wasabi import msg

from ..annotation.convert import CASES, N_DOCS, ConvertReport, StrictRefusal, convert_export
from ._app import command

N_DOCS_HELP = "Documents per .spacy file: a split with more becomes a folder of .spacy shards (read as one by vner and spaCy)"


@command("convert")
def convert_cli(
    export: Path = typer.Argument(..., help="Label Studio JSON export", exists=True, dir_okay=False),
    output: Path = typer.Option(..., "--output", "-o", help="Corpus dir: train.spacy, dev.spacy (each a file, or a folder of shards), report.json"),
    dev_fraction: float = typer.Option(0.2, "--dev-fraction", help="Share of documents for dev (0: all train)"),
    seed: int = typer.Option(0, "--seed", help="Seed of the document split"),
    annotations: str = typer.Option("latest", "--annotations", help="latest: newest annotation per task; all: each its own document"),
    labels: list[str] = typer.Option([], "--labels", help="Extra labels to keep besides the scheme's (repeatable)"),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero if any span would be dropped"),
    tokenizer: str = typer.Option("syllable", "--tokenizer", help="syllable or pyvi"),
    n_docs: int = typer.Option(N_DOCS, "--n-docs", "-n", min=1, help=N_DOCS_HELP),
):
    """Convert a Label Studio JSON export into a spaCy training corpus."""
    try:
        report = convert_export(
            export, output, dev_fraction=dev_fraction, seed=seed, annotations=annotations,
            labels=labels, strict=strict, tokenizer=tokenizer, progress=True, n_docs=n_docs,
        )
    except StrictRefusal as e:
        print_report(e.report)
        raise
    print_report(report)
    msg.good(f"Wrote {output / 'train.spacy'} ({written(report, 'train')}), {output / 'dev.spacy'} ({written(report, 'dev')}), {output / 'report.json'}")



def written(report: ConvertReport, split: str) -> str:
    """How a split was written, for the closing message.

    >>> written(ConvertReport(train=["a", "b", "c"], shards={"train": 2}), "train")
    '3 docs in 2 shards'
    """
    n, shards = len(getattr(report, split)), report.shards.get(split, 1)
    return f"{n} docs" + (f" in {shards} shards" if shards > 1 else "")


def print_report(report: ConvertReport) -> None:
    msg.divider("Conversion")
    msg.text(f"{report.tasks} tasks → {report.documents} documents, {sum(report.entities.values())} entities")
    if report.entities:
        msg.table(sorted(report.entities.items()), header=("label", "entities"), aligns=("l", "r"))
    rows = [(report.counts[c], text) for c, text in CASES.items() if report.counts[c]]
    if rows:
        msg.table(rows, header=("count", "case"), aligns=("r", "l"))
    for case, examples in report.examples.items():
        if case.endswith("dropped") or case in ("span_text_mismatch", "span_trimmed"):
            for ex in examples[:3]:
                msg.text(f"  {case}: " + ", ".join(f"{k}={v!r}" for k, v in ex.items()))
    if report.dropped:
        msg.warn(f"{report.dropped} span(s) dropped — see above and report.json")
    else:
        msg.good("No span dropped")
