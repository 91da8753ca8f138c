"""Uncertainty-first vs random order of annotation, simulated with the gold as oracle.

The seeds' five articles are cut into paragraphs (66 documents, about 215
entities). One article is the test set; the paragraphs of the other four are
the pool. Both strategies start from the same random paragraphs, "annotate"
them (take their gold), train, and then add a batch of paragraphs per round:

  uncertainty  the ones with the lowest task score of the current model
               (mean token confidence from the NER beam, vner.serving.uncertainty,
               the score `vner serve` gives Label Studio)
  random       a random batch (several seeds)

Every round trains from scratch with configs/ner.cfg (rules stage + NER) for
a fixed, short budget (STEPS steps; the annotated paragraphs also select
the best step) and is scored on the test article (strict entity F1, spaCy's
scorer = seqeval strict micro). Tiny data: differences of a few points are
within the noise of one test article.

  .venv/bin/python bench/bench_active.py [--rounds 5] [--batch 6] [--random-seeds 2]

Writes bench/results/active.json and bench/results/active.png.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import RESULTS  # noqa: E402

STEPS = 150
OVERRIDES = {"training.max_steps": STEPS, "training.eval_frequency": 50, "training.logger.progress_bar": False}


def paragraphs(doc) -> list:
    """The paragraphs of a gold Doc (lines with text) as Docs with their entities."""
    out, start = [], 0
    for token in doc:
        if "\n" in token.text or token.i == len(doc) - 1:
            end = token.i if "\n" in token.text else token.i + 1
            span = doc[start:end]
            if span.text.strip():
                p = span.as_doc()
                p.user_data["id"] = f"{doc.user_data.get('id')}#{len(out)}"
                out.append(p)
            start = token.i + 1
    return out


def train_and_score(docs, test, work: Path):
    from vner.model.nlp import load_pipeline
    from vner.serving.backend import _held_out_scores
    from vner.training.train import train

    model = train(docs, docs, work, overrides=dict(OVERRIDES), seed=0, quiet=True, schedule=False)
    nlp = load_pipeline(model)
    return nlp, _held_out_scores(nlp, test)


def run(strategy: str, pool, test, start_idx, rounds: int, batch: int, seed: int, tmp: Path) -> list[dict]:
    from vner.serving.uncertainty import scored_docs

    rng = random.Random(seed)
    chosen = list(start_idx)
    curve = []
    for r in range(rounds + 1):
        t0 = time.perf_counter()
        nlp, s = train_and_score([pool[i] for i in chosen], test, tmp / f"{strategy}-{seed}-{r}")
        curve.append({"documents": len(chosen), "entities": sum(len(pool[i].ents) for i in chosen),
                      "f": round(s["f"], 4), "p": round(s["p"], 4), "r": round(s["r"], 4),
                      "seconds": round(time.perf_counter() - t0, 1)})
        print(f"{strategy} seed {seed} round {r}: {len(chosen)} docs, F1 {s['f']:.3f}", flush=True)
        rest = [i for i in range(len(pool)) if i not in chosen]
        if r == rounds or not rest:
            break
        if strategy == "uncertainty":
            scores = [score for _, _, score in scored_docs(nlp, [pool[i].text for i in rest])]
            chosen += [i for _, i in sorted(zip(scores, rest))[:batch]]
        else:
            chosen += rng.sample(rest, min(batch, len(rest)))
    return curve


def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4))
    for name, curves in results["curves"].items():
        for k, curve in enumerate(curves):
            ax.plot([c["documents"] for c in curve], [c["f"] for c in curve], marker="o",
                    color="C0" if name == "uncertainty" else "C1", alpha=1.0 if name == "uncertainty" else 0.6,
                    label=name if k == 0 else None)
    ax.set_xlabel("annotated paragraphs (seeds, 4 articles)")
    ax.set_ylabel("entity F1 on the held-out article")
    ax.set_title("Uncertainty-first vs random annotation order")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch", type=int, default=6)
    parser.add_argument("--start", type=int, default=6)
    parser.add_argument("--random-seeds", type=int, default=2)
    parser.add_argument("--test-article", type=int, default=4)
    args = parser.parse_args()

    from vner.annotation.convert import gold_docs

    articles = gold_docs()
    test = paragraphs(articles[args.test_article])
    pool = [p for i, a in enumerate(articles) if i != args.test_article for p in paragraphs(a)]
    start_idx = random.Random(0).sample(range(len(pool)), args.start)
    results = {
        "what": "uncertainty-first vs random order, gold as oracle; seeds cut into paragraphs",
        "pool": {"documents": len(pool), "entities": sum(len(p.ents) for p in pool)},
        "test": {"article": articles[args.test_article].user_data.get("id"), "documents": len(test),
                 "entities": sum(len(p.ents) for p in test)},
        "training": {"config": "configs/ner.cfg", "overrides": OVERRIDES, "selection": "on the annotated paragraphs"},
        "score": "strict entity P/R/F1 on the test article (spaCy scorer = seqeval strict micro)",
        "uncertainty": "mean token confidence from the NER beam (width 8), lowest first",
        "args": vars(args),
        "curves": {"uncertainty": [], "random": []},
    }
    with tempfile.TemporaryDirectory(prefix="vner-active-") as tmp:
        results["curves"]["uncertainty"].append(run("uncertainty", pool, test, start_idx, args.rounds, args.batch, 0, Path(tmp)))
        for seed in range(args.random_seeds):
            results["curves"]["random"].append(run("random", pool, test, start_idx, args.rounds, args.batch, seed + 1, Path(tmp)))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "active.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    plot(results, RESULTS / "active.png")
    print(f"Wrote {RESULTS / 'active.json'} and {RESULTS / 'active.png'}")


if __name__ == "__main__":
    main()
