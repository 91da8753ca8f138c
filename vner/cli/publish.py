"""`vner package` and `vner export-dataset`: thin wrappers over vner.training."""

import logging
import tempfile
from pathlib import Path

import typer
from wasabi import msg

from ..core.errors import VnerError
from ._app import command, setup_logging


@command("package")
def package_cli(
    model: Path = typer.Argument(..., help="Trained pipeline folder, e.g. training-output/model-best", exists=True),
    output: Path = typer.Option(..., "--output", "-o", help="Parent folder; the package goes to OUTPUT/NAME-VERSION/"),
    name: str = typer.Option("vi_ner_security", "--name", "-n", help="Package name: `pip install`/`spacy.load` name (vi_ prefix added if missing)"),
    version: str = typer.Option("0.1.0", "--version", "-v", help="Package version (PEP 440)"),
    eval_data: Path | None = typer.Option(None, "--eval", help="Evaluate the model on this gold data now and put the scores in the package", exists=True),
    metrics: Path | None = typer.Option(None, "--metrics", help="metrics.json of `vner evaluate` for the model card (without --eval or --metrics: spaCy's dev scores from training)", exists=True, dir_okay=False),
    author: str = typer.Option("", "--author", help="Author in meta.json and the model card"),
    email: str = typer.Option("", "--email", help="Author email in meta.json"),
    url: str = typer.Option("", "--url", help="Project URL in meta.json"),
    license: str = typer.Option("MIT", "--license", help="Licence of the model"),
    description: str | None = typer.Option(None, "--description", help="One-line description (default: what the model recognises)"),
    force: bool = typer.Option(False, "--force", "-f", help="Replace an existing package of the same name and version"),
    verbose: bool = typer.Option(False, "--verbose", "-V", help="Show where scores and code come from"),
):
    """Build a pip-installable model package (wheel and sdist) with a model card."""
    from ..training.package import package_model

    if eval_data is not None and metrics is not None:
        raise VnerError("Both --eval and --metrics given", f"--eval {eval_data}, --metrics {metrics}", "Pass one: evaluate now, or use an earlier evaluation.")
    setup_logging(verbose, logging.WARNING)
    scores, source = metrics, None
    with tempfile.TemporaryDirectory(prefix="vner-package-eval-") as reports:
        if eval_data is not None:
            from ..evaluation.evaluate import evaluate

            scores = evaluate(model, eval_data, Path(reports), progress=True)
            source = f"vner evaluate {model} {eval_data}"
        result = package_model(
            model, output, name=name, version=version, metrics=scores, metrics_source=source,
            force=force, author=author, email=email, url=url, license=license, description=description, progress=True,
        )
    perf = result.meta.get("performance", {})
    rows = [
        ("wheel", str(result.wheel)),
        ("sdist", str(result.sdist)),
        ("labels", ", ".join(result.meta["labels"]["ner"])),
        ("requirements", ", ".join(result.meta.get("requirements", [])) or "none"),
    ]
    if result.metrics_source:
        rows.append(("scores", f"entity F1 {100 * perf.get('ents_f', 0):.1f} ({result.metrics_source})"))
    msg.good(f"Built {result.name} {result.version} in {result.path}")
    msg.table(rows)
    msg.text(f"Install with `pip install {result.wheel}`, load with `spacy.load(\"{result.name}\")`.")


@command("export-dataset")
def export_dataset_cli(
    corpus: Path = typer.Argument(..., help="Corpus folder (train.spacy, dev.spacy), Label Studio JSON export, or exported dataset", exists=True),
    output: Path = typer.Option(..., "--output", "-o", help="Dataset folder to write"),
    format: str = typer.Option("arrow", "--format", help="arrow (datasets.load_from_disk), parquet, jsonl or conll"),
    dev_fraction: float = typer.Option(0.2, "--dev-fraction", help="For an export: share of documents for dev, as `vner convert`"),
    seed: int = typer.Option(0, "--seed", help="For an export: seed of the document split"),
    force: bool = typer.Option(False, "--force", "-f", help="Replace the output folder if it is not empty"),
    verbose: bool = typer.Option(False, "--verbose", "-V", help="Say more about what is read"),
):
    """Write the annotated corpus as a 🤗 datasets token-classification dataset."""
    from ..training.hf_dataset import export_dataset

    setup_logging(verbose, logging.WARNING)
    result = export_dataset(corpus, output, format=format, force=force, dev_fraction=dev_fraction, seed=seed, progress=True)
    splits = ", ".join(f"{name} {n} docs" for name, n in result.documents.items())
    msg.good(f"Wrote {result.format} dataset to {result.output}")
    msg.table([
        ("splits", splits),
        ("labels", ", ".join(result.labels)),
        ("entities", ", ".join(f"{k} {v}" for k, v in result.entities.items()) or "none"),
    ])
    if result.format == "arrow":
        msg.text(f"Load with `datasets.load_from_disk(\"{result.output}\")`.")
