"""Third probe of the rules: the five seed articles with every mention swapped (diagnosis only).

The grids of ``sentences.py`` and ``documents.py`` are our own frames; this one
keeps the seeds' real article shapes (leads, participant lists, captions,
bylines) and replaces every entity by another of its label with the
mention-swap augmenter's own code (``vner.training.augment.swap_mentions``,
``swap=1``): names of every origin and spelling, provinces of Vietnam and its
neighbours, ranks, bodies ending in another province, other numbers. The rules
were written on the seeds, so this is no score of unseen text: a failure shows a
name or place the rules know only in the seeds' company.

Run:  .venv/bin/python scripts/grid/seeds.py OUT_DIR [--copies N] [--seed S] [--gazetteers DIR]
Writes OUT_DIR/results.jsonl (every error, with its context) and prints the
scores (``vner evaluate``'s format) and the errors by label and kind.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

from spacy.training import Example

from vner.annotation.rules import rules_pipeline
from vner.evaluation.evaluate import describe, load_gold, predict, score
from vner.training.augment import Gazetteers, swap_mentions

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "annotations.json"


def swapped_seeds(nlp, copies: int, seed: int, gazetteers: Path | None = None) -> list:
    """``copies`` versions of each seed document, every mention swapped (from ``gazetteers``, a folder; None: the
    checkout's). The same folder and seed give the same documents, so two versions of the rules can be compared."""
    gold, _ = load_gold(SEEDS)
    gazetteers, rng = Gazetteers(gazetteers), random.Random(seed)
    docs = []
    for k in range(copies):
        for i, doc in enumerate(gold):
            new = swap_mentions(nlp, Example(nlp.make_doc(doc.text), doc), gazetteers, 1.0, rng).reference
            new.user_data["id"] = f"seed{i}-copy{k}"
            docs.append(new)
    return docs


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--copies", type=int, default=100, help="swapped copies of each seed (default 100)")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the swaps")
    parser.add_argument("--gazetteers", type=Path, default=None,
                        help="swap from this folder of gazetteers (default: configs/gazetteers/ of this checkout); "
                             "give the same one to compare two versions of the rules")
    args = parser.parse_args(argv)
    if args.out_dir.exists() and not args.out_dir.is_dir():
        sys.exit(f"{args.out_dir} is a file: give a folder for the results (usage: python {sys.argv[0]} OUT_DIR)")
    if args.gazetteers is not None and not args.gazetteers.is_dir():
        sys.exit(f"--gazetteers {args.gazetteers}: no such folder (give a folder like configs/gazetteers/)")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    nlp = rules_pipeline()
    docs = swapped_seeds(nlp, args.copies, args.seed, args.gazetteers)
    scored = predict(nlp, docs, progress=False)
    metrics = score(scored)
    errors = [describe(o, gold.text, doc_id) for doc_id, outcomes, gold in zip(scored.ids, scored.outcomes(), scored.gold)
              for o in outcomes if o.category != "correct"]
    with open(args.out_dir / "results.jsonl", "w", encoding="utf-8") as out:
        for e in errors:
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
    micro = metrics["scores"]["micro"]
    print(f"{len(docs)} documents, {micro['support']} entities: P {micro['p']:.4f} R {micro['r']:.4f} F {micro['f']:.4f}")
    for label, s in metrics["scores"]["per_entity"].items():
        print(f"  {label:<9} P {s['p']:.4f} R {s['r']:.4f} F {s['f']:.4f} ({s['support']})")
    kinds = collections.Counter(((e["gold"] or e["pred"])["label"], e["category"]) for e in errors)
    for (label, category), n in kinds.most_common():
        print(f"  {n:5d}  {label:<9} {category}")


if __name__ == "__main__":
    main()
