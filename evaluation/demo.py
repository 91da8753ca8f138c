"""The main job on the shipped seeds: convert → train → evaluate.

What `make demo` and `vner demo` run; it needs nothing but an installed vner
(the seed gold ships with it), so it also proves an installation works.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vner.annotation.convert import convert_export
from vner.core.resources import SEED_GOLD
from vner.training.train import train

from .evaluate import evaluate


def run_demo(output: Path, *, overrides: dict[str, Any] | None = None, seed: int = 0, progress: bool = True) -> dict:
    """Convert the seed gold into ``output/corpus``, train ``output/training``,
    evaluate ``model-best`` on the held-out dev documents into ``output/reports``.

    Returns the evaluation metrics with the paths of every step's output.
    """
    from vner.model.nlp import make_nlp
    from vner.training.corpus import load_corpus

    output = Path(output)
    corpus_dir = output / "corpus"
    report = convert_export(SEED_GOLD, corpus_dir, dev_fraction=0.2, seed=seed, progress=progress)
    corpus = load_corpus(corpus_dir, make_nlp())
    best = train(corpus.train, corpus.dev, output / "training", overrides=overrides, seed=seed, quiet=not progress)
    metrics = evaluate(best, corpus_dir, output / "reports", progress=progress)
    metrics["steps"] = {
        "corpus": str(corpus_dir),
        "train_documents": len(report.train),
        "dev_documents": len(report.dev),
        "model": str(best),
        "reports": str(output / "reports"),
    }
    return metrics
