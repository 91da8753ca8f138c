"""`vner evaluate`, `vner crossval`, `vner curve`: thin wrappers over vner.evaluation."""

from pathlib import Path

import typer
from wasabi import msg

from ..core.errors import VnerError
from ._app import command, config_overrides

OVERRIDES = {"allow_extra_args": True, "ignore_unknown_options": True}
DATA_HELP = "Annotated data: Label Studio export, .spacy, corpus folder, CoNLL, JSONL or 🤗 datasets folder"


@command("evaluate")
def evaluate_cli(
    model: Path = typer.Argument(..., help="Trained pipeline folder, e.g. training-output/model-best", exists=True),
    data: Path | None = typer.Argument(None, help=DATA_HELP + " (a corpus folder: its dev.spacy)", exists=True),
    output: Path = typer.Option(..., "--output", "-o", help="Report folder: metrics.json, report.md, confusion.png, errors.html"),
    gpu_id: int = typer.Option(-1, "--gpu-id", "-g", help="GPU id, or -1 for CPU"),
    challenge: bool = typer.Option(False, "--challenge", help="Score on the shipped challenge set (scores per capability) instead of DATA"),
):
    """Score a model on gold data (strict entity F1) and explain its errors."""
    from ..evaluation.evaluate import evaluate

    if challenge == (data is not None):
        raise VnerError("Pass DATA or --challenge", "both given" if challenge else "no data given", "Give gold data to score on, or --challenge for the shipped challenge set.")
    if challenge:
        from ..evaluation.challenge import CHALLENGE_JSON

        data = CHALLENGE_JSON
    metrics = evaluate(model, data, output, gpu_id=gpu_id)
    print_evaluation(metrics)


def print_evaluation(metrics: dict) -> None:
    """The per-entity table, the error breakdown and the report files of an evaluation."""
    from ..evaluation.report import scores_table

    counts = metrics["counts"]
    msg.divider("Evaluation")
    msg.text(f"{metrics['documents']} documents · {counts['gold_total']} gold entities · {counts['predicted_total']} predicted")
    for warning in metrics["warnings"]:
        msg.warn(warning)
    header, rows = scores_table(metrics["scores"])
    msg.table(rows, header=header, aligns=("l", "r", "r", "r", "r"), divider=True)
    errors = metrics["errors"]["counts"]
    msg.table([(c, n) for c, n in errors.items()], header=("outcome", "count"), aligns=("l", "r"), divider=True)
    if metrics.get("capabilities"):
        from ..evaluation.report import capability_table

        header, rows = capability_table(metrics["capabilities"])
        msg.divider("Per capability")
        msg.table(rows, header=header, aligns=["l"] + ["r"] * (len(header) - 1), divider=True)
    msg.good("Wrote the report")
    for path in metrics["files"].values():
        msg.text(f"  {path}")


@command("crossval", context_settings=OVERRIDES)
def crossval_cli(
    ctx: typer.Context,
    data: Path = typer.Argument(..., help=DATA_HELP, exists=True),
    output: Path = typer.Option(..., "--output", "-o", help="Folder for crossval.json, crossval.md and one training folder per fold"),
    folds: int | None = typer.Option(None, "--folds", help="Number of folds (default: one per document)"),
    config: Path | None = typer.Option(None, "--config", "-c", help="Training config (default: configs/ner.cfg)", exists=True, dir_okay=False),
    seed: int = typer.Option(0, "--seed", help="Seed of the folds, dev splits and training"),
    dev_fraction: float = typer.Option(0.2, "--dev-fraction", help="Share of each fold's training documents used as its dev set"),
    gpu_id: int = typer.Option(-1, "--gpu-id", "-g", help="GPU id, or -1 for CPU"),
    keep_models: bool = typer.Option(False, "--keep-models", help="Keep each fold's model-best and model-last"),
    written: bool = typer.Option(True, "--written/--no-written", help="Also train on the team's written articles (training/written/), as vner train does"),
):
    """Cross-validate over whole documents; extra `--section.key value` options override the config."""
    from ..evaluation.crossval import crossval, summary_table, variants_table
    from ..evaluation.evaluate import load_docs

    overrides = config_overrides(ctx.args)
    docs = load_docs(data)
    report = crossval(docs, folds, output=output, config=config, overrides=overrides, seed=seed,
                      dev_fraction=dev_fraction, use_gpu=gpu_id, keep_models=keep_models, written=written)
    msg.divider(f"Cross-validation: {report['folds']} folds over {report['documents']} documents")
    header, rows = summary_table(report)
    msg.table(rows, header=header, aligns=("l", "r", "r", "r", "r", "r", "r"), divider=True)
    msg.text("Mean ± std over folds; pooled: all held-out predictions scored together.")
    side = variants_table(report)
    if side is not None:
        msg.divider("Rules alone, NER alone, both (F1 mean ± std, pooled)")
        msg.table(side[1], header=side[0], aligns=["l"] + ["r"] * (len(side[0]) - 1), divider=True)
        msg.text("Same model per fold: only its rules stage; rules stage off (NER alone); as trained.")
    msg.good("Wrote " + ", ".join(report["files"].values()))


@command("curve", context_settings=OVERRIDES)
def curve_cli(
    ctx: typer.Context,
    data: Path = typer.Argument(..., help=DATA_HELP + " (training documents)", exists=True),
    output: Path = typer.Option(..., "--output", "-o", help="Folder for curve.png, curve.json, curve.md and the training runs"),
    dev: Path | None = typer.Option(None, "--dev", help="Dev data scored at every point (default: split off DATA)", exists=True),
    dev_fraction: float = typer.Option(0.2, "--dev-fraction", help="Share of DATA's documents held out as dev when --dev is not given"),
    fractions: str = typer.Option("0.25,0.5,0.75,1", "--fractions", help="Comma-separated shares of the training documents"),
    config: Path | None = typer.Option(None, "--config", "-c", help="Training config (default: configs/ner.cfg)", exists=True, dir_okay=False),
    seed: int = typer.Option(0, "--seed", help="Seed of the subsets, the dev split and training"),
    gpu_id: int = typer.Option(-1, "--gpu-id", "-g", help="GPU id, or -1 for CPU"),
    keep_models: bool = typer.Option(False, "--keep-models", help="Keep every run's model-best and model-last"),
    written: bool = typer.Option(True, "--written/--no-written", help="Also train on the team's written articles (training/written/), as vner train does"),
):
    """Learning curve: F1 on one dev set after training on 25/50/75/100% of the documents."""
    from ..evaluation.curve import curve_data, curve_table, learning_curve

    try:
        shares = [float(x) for x in fractions.split(",") if x.strip()]
    except ValueError:
        raise VnerError("Invalid --fractions", fractions, "Use comma-separated numbers, e.g. 0.25,0.5,0.75,1.") from None
    overrides = config_overrides(ctx.args)
    train_docs, dev_docs, source = curve_data(data, dev, dev_fraction=dev_fraction, seed=seed)
    msg.info(f"Dev set: {source}")
    report = learning_curve(train_docs, dev_docs, shares, output=output, config=config, overrides=overrides,
                            seed=seed, use_gpu=gpu_id, keep_models=keep_models, written=written)
    msg.divider(f"Learning curve: {report['training_documents']} training, {report['dev_documents']} dev documents")
    header, rows = curve_table(report)
    msg.table(rows, header=header, aligns=["r"] * len(header), divider=True)
    msg.good("Wrote " + ", ".join(report["files"].values()))
