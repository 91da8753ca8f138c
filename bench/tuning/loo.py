"""Leave-one-document-out evaluation of a training config on the five seeds.

Each fold trains on four seed documents and scores the fifth with seqeval
(strict IOB2, per entity type). Hyper-parameters are chosen on the mean over
folds; the held-out document of a fold is never used for model selection:

  --protocol last   train on all four documents for a fixed number of steps,
                    score model-last (dev = the training documents, so the
                    "best" model is only about training fit);
  --protocol inner  hold out one of the four as dev, score model-best.

Usage (from the repository root):

  .venv/bin/python bench/tuning/loo.py NAME [--config configs/ner.cfg]
      [--protocol last] [--set training.max_steps=600 ...] [--ruler]

Results are appended to bench/tuning/results.jsonl (one line per run).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import spacy
from seqeval.metrics import classification_report
from seqeval.scheme import IOB2

ROOT = Path(__file__).resolve().parents[2]
RESULTS = Path(__file__).with_name("results.jsonl")
LABELS = ["PERSON", "RANK", "ORG", "PROVINCE", "QUANTITY"]


def seed_docs():
    """The seed gold as spaCy Docs (syllable tokens, ids in user_data)."""
    from vner.model.nlp import make_nlp

    try:
        from vner.annotation.convert import gold_docs

        return gold_docs(nlp=make_nlp())
    except ImportError:
        pass
    nlp = make_nlp()
    docs = []
    for task in json.loads((ROOT / "seeds" / "annotations.json").read_text(encoding="utf-8")):
        doc = nlp.make_doc(task["data"]["text"])
        spans = []
        for r in task["annotations"][0]["result"]:
            v = r["value"]
            span = doc.char_span(v["start"], v["end"], v["labels"][0])
            assert span is not None, v
            spans.append(span)
        doc.ents = spans
        doc.user_data["id"] = task["data"]["id"]
        doc.user_data["meta"] = task["data"].get("meta", {})
        docs.append(doc)
    return docs


def iob(doc):
    return [t.ent_iob_ + "-" + t.ent_type_ if t.ent_iob_ != "O" else "O" for t in doc]


def score(gold_docs, pred_docs):
    y_true = [iob(d) for d in gold_docs]
    y_pred = [iob(d) for d in pred_docs]
    rep = classification_report(y_true, y_pred, mode="strict", scheme=IOB2, output_dict=True, zero_division=0)
    out = {"micro": rep["micro avg"]["f1-score"]}
    gold_labels = {e.label_ for d in gold_docs for e in d.ents}
    for label in LABELS:
        # A label the held-out document does not contain has no F1 (None):
        # means over folds skip it, as vner crossval does.
        out[label] = rep.get(label, {}).get("f1-score", 0.0) if label in gold_labels else None
    return out


def fold_mean(folds, label):
    values = [f[label] for f in folds if f[label] is not None]
    return statistics.mean(values) if values else None


def fmt(scores):
    return " ".join(f"{l}=" + ("  -  " if scores[l] is None else f"{scores[l]:.3f}") for l in ["micro"] + LABELS)


def parse_value(raw: str):
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw


def main(argv=None):
    from vner.training.train import train

    p = argparse.ArgumentParser()
    p.add_argument("name")
    p.add_argument("--config", default=str(ROOT / "configs" / "ner.cfg"))
    p.add_argument("--protocol", choices=["last", "inner"], default="last")
    p.add_argument("--set", action="append", default=[], help="section.key=value (JSON value)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--folds", default="0,1,2,3,4")
    p.add_argument("--keep", help="keep each fold's scored model as KEEP/fold-K (for combine.py)")
    args = p.parse_args(argv)
    overrides = {}
    for item in args.set:
        key, _, value = item.partition("=")
        overrides[key] = parse_value(value)
    # Train from a frozen copy: editing the config mid-run must not change this run.
    frozen = Path(tempfile.mkdtemp()) / Path(args.config).name
    frozen.write_text(Path(args.config).read_text(encoding="utf-8"), encoding="utf-8")
    docs = seed_docs()
    folds = []
    t0 = time.time()
    for k in [int(x) for x in args.folds.split(",")]:
        held = docs[k]
        rest = [d for i, d in enumerate(docs) if i != k]
        with tempfile.TemporaryDirectory() as tmp:
            if args.protocol == "last":
                train(rest, rest, Path(tmp), config=frozen, overrides=overrides, seed=args.seed, quiet=True)
                model = Path(tmp) / "model-last"
            else:
                train(rest, None, Path(tmp), config=frozen, overrides=overrides, seed=args.seed, quiet=True, dev_fraction=0.25)
                model = Path(tmp) / "model-best"
            nlp = spacy.load(model)
            pred = nlp(held.text)
            if args.keep:
                Path(args.keep).mkdir(parents=True, exist_ok=True)
                nlp.to_disk(Path(args.keep) / f"fold-{k}")
        s = score([held], [pred])
        s["doc"] = held.user_data["id"]
        folds.append(s)
        print(f"fold {k}: " + fmt(s), file=sys.stderr, flush=True)
    mean = {l: fold_mean(folds, l) for l in ["micro"] + LABELS}
    row = {
        "name": args.name,
        "config": str(Path(args.config).relative_to(ROOT)) if Path(args.config).resolve().is_relative_to(ROOT) else args.config,
        "protocol": args.protocol,
        "overrides": overrides,
        "seed": args.seed,
        "mean": mean,
        "folds": folds,
        "seconds": round(time.time() - t0, 1),
        "cpu_seconds": round(time.process_time(), 1),
    }
    with RESULTS.open("a", encoding="utf-8") as f:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(args.name + ": " + fmt(mean) + f" ({row['seconds']}s)")


if __name__ == "__main__":
    main()
