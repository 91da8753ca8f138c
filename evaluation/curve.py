"""Learning curve: is annotating more documents still worth it?

Trains on growing, nested subsets of the training documents (each subset
contains the previous one, chosen with a seed) and scores every model on
the same dev set. A curve still rising at 100% says: annotate more.
"""

import io
import logging
import math
import random
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any, Sequence

from spacy.tokens import Doc

from vner.core.errors import VnerError
from vner.core.files import write_bytes_atomic, write_json_atomic, write_text_atomic

from .crossval import doc_groups
from .error_analysis import label_order
from .evaluate import REFERENCE_TOKENIZER, load_model, predict, score
from .report import markdown_table

logger = logging.getLogger(__name__)

FRACTIONS = (0.25, 0.5, 0.75, 1.0)


def nested_subsets(groups: Sequence[str], fractions: Sequence[float] = FRACTIONS, *, seed: int = 0) -> list[tuple[float, list[int]]]:
    """(fraction, Doc indices) per fraction: whole documents, each subset
    containing the previous one. A fraction takes at least that share of
    the documents (rounded up, at least one).

    >>> [(f, idx) for f, idx in nested_subsets(["a", "b", "b", "c", "d"], (0.5, 1.0), seed=1)]
    [(0.5, [0, 4]), (1.0, [0, 1, 2, 3, 4])]
    """
    fractions = list(fractions)
    if not fractions or any(not 0 < f <= 1 for f in fractions) or fractions != sorted(set(fractions)):
        raise VnerError("Invalid fractions", ", ".join(map(str, fractions)), "Use increasing numbers in (0, 1], e.g. 0.25,0.5,0.75,1.")
    order = sorted(set(groups))
    random.Random(seed).shuffle(order)
    subsets = []
    for f in fractions:
        chosen = set(order[: max(1, math.ceil(f * len(order) - 1e-9))])
        subsets.append((f, [i for i, g in enumerate(groups) if g in chosen]))
    return subsets


def curve_data(data: Path, dev: Path | None = None, *, dev_fraction: float = 0.2, seed: int = 0) -> tuple[list[Doc], list[Doc], str]:
    """Training and dev documents for a curve, and where the dev set came from.

    `dev` given: all of `data` trains (its test split excepted) and `dev`'s
    dev split, or all of it, scores. Otherwise the data's own train/dev
    split, or else a seeded split of whole documents.
    """
    from vner.model.nlp import make_nlp
    from vner.training.corpus import read_corpus

    nlp = make_nlp(REFERENCE_TOKENIZER)
    if dev is not None:
        corpus, other = read_corpus(data, nlp), read_corpus(dev, nlp)
        return corpus.train + corpus.dev, other.dev or other.train, str(dev)
    corpus = read_corpus(data, nlp)
    if corpus.dev:
        return corpus.train, corpus.dev, f"the dev split of {data}"
    # A curve needs a dev set even where the data's own dev part is empty.
    split = replace(corpus, own_split=False).with_dev(dev_fraction, seed)
    return split.train, split.dev, f"{len(split.dev)} documents split off {data} (--dev-fraction {dev_fraction}, --seed {seed})"


def learning_curve(
    train_docs: Sequence[Doc],
    dev_docs: Sequence[Doc],
    fractions: Sequence[float] = FRACTIONS,
    *,
    output: Path,
    config: Path | None = None,
    overrides: dict[str, Any] | None = None,
    seed: int = 0,
    use_gpu: int = -1,
    keep_models: bool = False,
    progress: bool = True,
    written: bool = True,
) -> dict:
    """Train on each nested subset, score on `dev_docs`; write curve.json,
    curve.md and curve.png to `output` and return the points. With `written`,
    every run also trains on the team's written articles (`vner train`'s
    default), so the curve shows what more of the data adds to them."""
    from tqdm import tqdm

    from vner.training.train import DEFAULT_CONFIG, train

    train_docs, dev_docs = list(train_docs), list(dev_docs)
    for what, docs in (("training", train_docs), ("dev", dev_docs)):
        if not docs:
            raise VnerError(f"Empty {what} data", "no documents", "Pass annotated documents (Label Studio export, .spacy, CoNLL or JSONL).")
    if not any(d.ents for d in dev_docs):
        raise VnerError("No entities in the dev data", f"{len(dev_docs)} documents, 0 entity spans", "Score on annotated documents.")
    shared = sorted({g for g, d in zip(doc_groups(train_docs), train_docs) if "id" in d.user_data or "group" in d.user_data}
                    & {g for g, d in zip(doc_groups(dev_docs), dev_docs) if "id" in d.user_data or "group" in d.user_data})
    if shared:
        raise VnerError("Dev documents are also training documents", ", ".join(shared[:5]), "Pass disjoint training and dev data.")
    output = Path(output)
    config = Path(config or DEFAULT_CONFIG)
    groups = doc_groups(train_docs)
    points = []
    seen_sizes = set()
    for fraction, idx in tqdm(nested_subsets(groups, fractions, seed=seed), desc="Learning curve", unit="model", disable=not progress):
        subset = [train_docs[i] for i in idx]
        n_docs = len({groups[i] for i in idx})
        if n_docs in seen_sizes:
            logger.info("Fraction %s gives %d documents again: skipped", fraction, n_docs)
            continue
        seen_sizes.add(n_docs)
        run_dir = output / f"docs-{n_docs}"
        model = train(subset, dev_docs, run_dir, config=config, overrides=overrides, use_gpu=use_gpu, seed=seed, quiet=True,
                      written=written)
        nlp, labels = load_model(model)
        result = score(predict(nlp, dev_docs, progress=False), labels)
        del nlp
        if not keep_models:
            for name in ("model-best", "model-last"):
                shutil.rmtree(run_dir / name, ignore_errors=True)
        points.append({
            "fraction": fraction,
            "documents": n_docs,
            "train": sorted({groups[i] for i in idx}),
            "scores": result["scores"],
        })
    report = {
        "training_documents": len(set(groups)),
        "dev_documents": len(set(doc_groups(dev_docs))),
        "seed": seed,
        "config": str(config),
        "overrides": dict(overrides or {}),
        "points": points,
        "files": {key: str(output / name) for key, name in (("json", "curve.json"), ("table", "curve.md"), ("plot", "curve.png"))},
    }
    write_bytes_atomic(output / "curve.png", curve_png(points))
    write_json_atomic(output / "curve.json", report)
    write_text_atomic(output / "curve.md", curve_markdown(report))
    return report


def curve_labels(points: Sequence[dict]) -> list[str]:
    return label_order({label for p in points for label, s in p["scores"]["per_entity"].items() if s["support"] > 0})


def curve_table(report: dict) -> tuple[list[str], list[list]]:
    """Header and rows: one row per subset size, F1 per label and micro."""
    labels = curve_labels(report["points"])
    rows = []
    for p in report["points"]:
        per = p["scores"]["per_entity"]
        rows.append([p["documents"], f"{100 * p['fraction']:g}%"]
                    + [f"{100 * per[label]['f']:.2f}" if label in per else "–" for label in labels]
                    + [f"{100 * p['scores']['micro']['f']:.2f}"])
    return ["docs", "fraction", *labels, "micro F1"], rows


def curve_markdown(report: dict) -> str:
    return "\n".join([
        f"# Learning curve: {report['training_documents']} training documents, {report['dev_documents']} dev documents",
        "",
        "F1 (strict seqeval, IOB2, syllable tokens) on the same dev set; training subsets are nested.",
        "",
        markdown_table(*curve_table(report)),
        "",
        "![Learning curve](curve.png)",
        "",
    ])


def curve_png(points: Sequence[dict]) -> bytes:
    """F1 per label (thin) and micro F1 (thick) against training documents."""
    from matplotlib.figure import Figure

    from vner.core.scheme import load_scheme

    colors = {label.name: label.color for label in load_scheme()}
    x = [p["documents"] for p in points]
    fig = Figure(figsize=(8, 4.5), dpi=100)
    ax = fig.add_subplot()
    for label in curve_labels(points):
        y = [100 * p["scores"]["per_entity"].get(label, {"f": 0.0})["f"] for p in points]
        ax.plot(x, y, marker="o", linewidth=1.2, label=label, color=colors.get(label))
    ax.plot(x, [100 * p["scores"]["micro"]["f"] for p in points], marker="s", linewidth=2.8, color="black", label="micro")
    ax.set_xlabel("training documents")
    ax.set_ylabel("F1 on dev (%)")
    ax.set_ylim(0, 100)
    ax.set_xticks(x)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1), fontsize=8, frameon=False)
    ax.margins(x=0.08)
    ax.set_title("Learning curve")
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()

