"""Rules-stage speed: the shipped patterns with vner_span_ruler against spaCy's span_ruler, in one process.

Usage: .venv/bin/python bench/bench_rules.py [--old DIR]
  --old DIR   also time another pattern folder (e.g. the seed-informed set of
              an earlier commit: git show 4dc0840:configs/patterns/...)
Prints documents/s on the five seeds x4 and the ratios; the two shipped
variants must find the same entities (checked).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from vner.annotation.convert import gold_docs
from vner.annotation.rules import rules_pipeline
from vner.model.patterns import add_rules_stage
from vner.model.nlp import make_nlp


def plain_rules():
    """The rules stage with spaCy's own span_ruler (the peer)."""
    return add_rules_stage(make_nlp(), span_ruler="span_ruler")


def timed(name, make, texts):
    t = time.perf_counter()
    nlp = make()
    load = time.perf_counter() - t
    t = time.perf_counter()
    ents = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(texts)]
    run = time.perf_counter() - t
    chars = sum(map(len, texts))
    print(f"{name:45s} load {load:5.1f} s  {len(texts) / run:6.2f} docs/s  {chars / run:9,.0f} chars/s")
    return run, ents


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--old", type=Path)
    args = p.parse_args(argv)
    texts = [d.text for d in gold_docs()] * 4
    shipped, ents = timed("shipped patterns, vner_span_ruler", rules_pipeline, texts)
    plain, plain_ents = timed("shipped patterns, spaCy span_ruler", plain_rules, texts)
    assert ents == plain_ents, "vner_span_ruler and span_ruler disagree"
    print(f"span_ruler / vner_span_ruler time: {plain / shipped:.1f}x")
    if args.old:
        old, _ = timed(f"{args.old}, vner_span_ruler", lambda: rules_pipeline(args.old), texts)
        print(f"shipped / {args.old} time: {shipped / old:.1f}x")


if __name__ == "__main__":
    main()
