"""Score the parts of `vner crossval --keep-models` fold models on their held-out documents.

Each fold model of the default config is the rules stage followed by the
statistical NER. On each fold's held-out seed document this scores:

  config   the fold model as trained (rules first, NER fills the gaps)
  ner      the same model with the rules stage removed
  rules    the rules stage alone (`rules_pipeline(PATTERNS)`, no training)

Run it on a crossval folder made with the same patterns:

    .venv/bin/vner crossval seeds/annotations.json -o /tmp/cv --keep-models
    .venv/bin/python bench/tuning/combine.py /tmp/cv [NAME] [--patterns DIR]

Rows are appended to results.jsonl. Rules stay honest held-out scores only if
the patterns were written without reading the seed documents (see README).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).parent))
from loo import LABELS, RESULTS, fmt, fold_mean, score, seed_docs  # noqa: E402

RULES_STAGE = ("vner_tone_norm", "vner_rules_names", "vner_rules_shapes", "vner_rules_resolve")


def main(argv=None):
    from vner.annotation.rules import rules_pipeline
    from vner.model.patterns import PATTERNS_DIR

    p = argparse.ArgumentParser()
    p.add_argument("crossval", type=Path)
    p.add_argument("name", nargs="?")
    p.add_argument("--patterns", type=Path, default=PATTERNS_DIR)
    args = p.parse_args(argv)
    name = args.name or args.crossval.name
    docs = {d.user_data["id"]: d for d in seed_docs()}
    folds = json.loads((args.crossval / "crossval.json").read_text(encoding="utf-8"))["fold_results"]
    rules = rules_pipeline(args.patterns)
    variants = {"config": [], "ner": [], "rules": []}
    for fold in folds:
        (held_out,) = fold["test"] if isinstance(fold["test"], list) else [fold["test"]]
        gold = docs[held_out]
        nlp = spacy.load(args.crossval / f"fold-{fold['fold']}" / "model-best")
        preds = {"config": nlp(gold.text), "rules": rules(gold.text)}
        for comp in RULES_STAGE:
            nlp.remove_pipe(comp)
        preds["ner"] = nlp(gold.text)
        for v, pred in preds.items():
            s = score([gold], [pred])
            s["doc"] = held_out
            variants[v].append(s)
    with RESULTS.open("a", encoding="utf-8") as f:
        for v, scores in variants.items():
            mean = {label: fold_mean(scores, label) for label in ["micro"] + LABELS}
            f.write(json.dumps({"name": f"{name} | {v}", "combine": v, "models": str(args.crossval),
                                "patterns": str(args.patterns), "mean": mean, "folds": scores}, ensure_ascii=False) + "\n")
            print(f"{name} | {v:7s}: " + fmt(mean))


if __name__ == "__main__":
    main()
