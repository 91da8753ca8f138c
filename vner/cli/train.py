"""`vner train`: train the NER pipeline on annotated data."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from wasabi import msg

from ..core.errors import VnerError
from ._app import command, config_overrides, setup_logging

HELP = """Train a spaCy NER pipeline (syllable tokenizer) on DATA.

DATA is any number of: a Label Studio export (.json), a corpus folder from
`vner convert` (train.spacy/dev.spacy) or a .spacy file, CoNLL/IOB files
(.conll/.iob/.txt), JSON lines ({"words", "tags"} per line, .jsonl or .json)
or a 🤗 datasets folder.
Without DATA, trains on the shipped seed gold. The dev set is --dev, else
a corpus folder's dev.spacy, else --dev-fraction of the documents.
Data annotated under the scheme also gets the team's written articles
(training/written/): over a thousand to train on, and the selection sets'
articles in dev, written for model selection and never tuned on by the
rules (--no-written: left out).
Training length follows the corpus size: at least 300 steps (the seeds),
otherwise up to 30 passes over the data (10 beside the rules, when the data
shares their labels), evaluated about once a pass and stopped when the dev
score stops gaining 0.05 points; the schedule is printed and
logged, and a run that stops before one full pass over the data warns.
Extra --section.key value options override the config and the schedule, as
in `spacy train` (e.g. --training.max_steps 200). Leaves model-best,
model-last, training.log and training.json in --output.
"""


@command(
    "train",
    help=HELP,
    options_metavar="[DATA]... [OPTIONS] [--section.key VALUE]...",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
def train_cli(
    ctx: typer.Context,
    output: Path = typer.Option(..., "--output", "-o", help="Output folder: model-best, model-last, corpus/, training.log", file_okay=False),
    dev: Path = typer.Option(None, "--dev", help="Dev data (same formats as DATA) for model selection", exists=True),
    dev_fraction: float = typer.Option(0.2, "--dev-fraction", help="Share of documents held out for dev when there is no dev data"),
    seed: int = typer.Option(None, "--seed", help="Random seed of training and of the dev split (default: the config's)"),
    config: Path = typer.Option(None, "--config", "-c", help="Training config (default: configs/ner.cfg)", exists=True, dir_okay=False),
    gpu_id: int = typer.Option(-1, "--gpu-id", "-g", help="GPU id, -1 for CPU"),
    schedule: bool = typer.Option(True, "--schedule/--no-schedule", help="Steps, eval frequency and patience from the corpus size (--no-schedule: the config's)"),
    written: bool = typer.Option(True, "--written/--no-written", help="Add the team's written articles (training/written/) to data annotated under the scheme: their training part to training, their selection part to dev"),
    verbose: bool = typer.Option(False, "--verbose", "-V", help="Show more detail (debug logging)"),
    force: bool = typer.Option(False, "--force", "-f", help="Train into an output folder that is not empty (replaces its models)"),
):
    setup_logging(verbose)
    if output.is_dir() and any(output.iterdir()) and not force:
        raise VnerError("Output folder not empty", f"{output} (holds {', '.join(sorted(p.name for p in output.iterdir())[:4])})",
                        "Pass another --output, or --force to replace the models in it.")
    data, overrides = split_extra_args(ctx.args)
    best = run_training(
        data,
        output,
        dev=dev,
        dev_fraction=dev_fraction,
        seed=seed,
        config=config,
        overrides=overrides,
        use_gpu=gpu_id,
        schedule=schedule,
        written=written,
    )
    _print_scores(best)
    msg.good(f"Saved {best} and {best.parent / 'model-last'}")


def run_training(
    data: list[Path],
    output: Path,
    *,
    dev: Path | None = None,
    dev_fraction: float = 0.2,
    seed: int | None = None,
    config: Path | None = None,
    overrides: dict | None = None,
    use_gpu: int = -1,
    schedule: bool = True,
    written: bool = True,
) -> Path:
    """Read DATA (default: the seed gold) and dev data, then train; return model-best."""
    from ..model.nlp import make_nlp
    from ..core.resources import SEED_GOLD
    from ..training.corpus import load_corpus, load_training_data
    from ..training.train import DEFAULT_CONFIG, load_training_config, train

    config = Path(config or DEFAULT_CONFIG)
    load_training_config(config, overrides)  # fail on a bad config before reading data
    nlp = make_nlp()
    paths = [Path(p) for p in data] or [SEED_GOLD]
    train_docs, own_dev = [], []
    for path in paths:
        corpus = load_corpus(path, nlp)
        train_docs.extend(corpus.train)
        own_dev.extend(corpus.dev)
        msg.info(f"Read {path}: {len(corpus.train) + len(corpus.dev)} documents" + (f" ({len(corpus.dev)} dev)" if corpus.dev else ""))
    if dev is not None:
        if own_dev:
            msg.info(f"Using --dev {dev}; the {len(own_dev)} dev documents of DATA are not used")
        dev_docs = load_training_data(dev, nlp)
        if not dev_docs:
            raise VnerError("Empty dev data", str(dev), "Pass annotated documents with --dev, or leave it out.")
    else:
        dev_docs = own_dev
    if not dev_docs:
        msg.info(f"No dev data: holding out {dev_fraction:.0%} of the documents for model selection")
    return train(train_docs, dev_docs, output, config=config, overrides=overrides, use_gpu=use_gpu, seed=seed, dev_fraction=dev_fraction, schedule=schedule,
                 written=written)


def split_extra_args(args: list[str]) -> tuple[list[Path], dict]:
    """Separate DATA paths from `--section.key value` config overrides.

    >>> split_extra_args(["corpus", "--training.max_steps", "5", "more.jsonl", "--nlp.batch_size=64"])
    ([PosixPath('corpus'), PosixPath('more.jsonl')], {'training.max_steps': 5, 'nlp.batch_size': 64})
    """
    data: list[Path] = []
    override_args: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg.startswith("--"):
            key = arg[2:].split("=", 1)[0]
            if "." not in key:
                raise VnerError(
                    "Unknown option",
                    arg,
                    "See `vner train --help`; config overrides look like --section.key value (e.g. --training.max_steps 200).",
                )
            override_args.append(arg)
            if "=" not in arg and i + 1 < len(args) and not args[i + 1].startswith("--"):
                override_args.append(args[i + 1])
                i += 1
        elif arg.startswith("-") and len(arg) > 1:
            raise VnerError("Unknown option", arg, "See `vner train --help`.")
        else:
            data.append(Path(arg))
        i += 1
    return data, config_overrides(override_args)


def _print_scores(best: Path) -> None:
    meta_path = best / "meta.json"
    if not meta_path.is_file():
        return
    perf = json.loads(meta_path.read_text(encoding="utf-8")).get("performance", {})
    per_type = perf.get("ents_per_type") or {}
    if not per_type:
        return
    rows = [(label, f"{s['p']:.3f}", f"{s['r']:.3f}", f"{s['f']:.3f}") for label, s in sorted(per_type.items())]
    rows.append(("ALL", f"{perf.get('ents_p', 0):.3f}", f"{perf.get('ents_r', 0):.3f}", f"{perf.get('ents_f', 0):.3f}"))
    msg.divider("model-best on the dev set (spaCy scorer)")
    msg.table(rows, header=("label", "P", "R", "F"), aligns=("l", "r", "r", "r"), divider=True)
