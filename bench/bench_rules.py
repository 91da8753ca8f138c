"""Rules-stage speed: the shipped patterns against the statistical NER, spaCy's span_ruler and older rules.

Usage: .venv/bin/python bench/bench_rules.py [--old-commit 693c17b] [--old DIR] [--rounds 3] [--model DIR]
  --old-commit C  also time the pattern folder as committed at C (git show, into a temp dir)
  --old DIR       also time another pattern folder
  --model DIR     the trained pipeline whose load time is measured (default:
                  bench/bench_tag.py's model, configs/ner.cfg trained briefly)
Times each pipeline over the five seeds x4, in rounds that interleave the
pipelines (the machine is shared: the best round of each counts). The NER
is tok2vec + ner of configs/ner.cfg, initialised (untrained weights: the
same computation as a trained model). The speed issue's target: the rules
cost at most half of the NER's time, and loading a trained model at most
1 s more than loading it without its rules stage (`spacy.load` with and
without `exclude`, interleaved, medians). vner_span_ruler and spaCy's
span_ruler must find the same entities (checked).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from spacy.training import Example
from spacy.util import load_config, load_model_from_config

from vner.annotation.convert import gold_docs
from vner.annotation.rules import rules_pipeline
from vner.model.nlp import make_nlp
from vner.model.patterns import add_rules_stage
from vner.training.train import DEFAULT_CONFIG

ROOT = Path(__file__).resolve().parents[1]


def statistical_ner(gold):
    """tok2vec + ner of configs/ner.cfg, initialised on the gold docs (weights untrained)."""
    nlp = load_model_from_config(load_config(DEFAULT_CONFIG), auto_fill=True, validate=True)
    examples = [Example(nlp.make_doc(d.text), d) for d in gold]
    nlp.initialize(lambda: examples)
    keep = ("tok2vec", "ner")
    for name in [n for n in nlp.pipe_names if n not in keep]:
        nlp.remove_pipe(name)
    return nlp


def old_patterns(commit: str, into: Path) -> Path:
    """The pattern folder as committed at ``commit``."""
    listing = subprocess.run(["git", "ls-tree", "--name-only", f"{commit}:configs/patterns"], cwd=ROOT,
                             check=True, capture_output=True, text=True).stdout.split()
    into.mkdir(parents=True, exist_ok=True)
    for name in listing:
        if name.endswith((".jsonl", ".json")):
            blob = subprocess.run(["git", "show", f"{commit}:configs/patterns/{name}"], cwd=ROOT, check=True,
                                  capture_output=True).stdout
            (into / name).write_bytes(blob)
    return into


def run(nlp, texts):
    t = time.perf_counter()
    ents = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(texts)]
    return time.perf_counter() - t, ents


def load_overhead(model: Path, rounds: int = 5) -> tuple[float, float]:
    """Median seconds of `spacy.load(model)` with and without its rules stage."""
    import statistics

    import spacy

    rules = [name for name in spacy.load(model).pipe_names if name.startswith("vner_")]
    full, without = [], []
    for _ in range(rounds):
        for times, kwargs in ((full, {}), (without, {"exclude": rules})):
            t = time.perf_counter()
            spacy.load(model, **kwargs)
            times.append(time.perf_counter() - t)
    return statistics.median(full), statistics.median(without)


def _shown(path: Path) -> str:
    """``path`` relative to the repository when inside it, so that a result names no machine's folders."""
    path = Path(path).resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--old-commit")
    p.add_argument("--old", type=Path)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--model", type=Path)
    p.add_argument("--quick", action="store_true", help="one round (run_all.py --quick)")
    args = p.parse_args(argv)
    if args.quick:
        args.rounds = 1
    gold = gold_docs()
    texts = [d.text for d in gold] * 4
    pipelines, loads = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        makers = {
            "rules, shipped patterns (vner_span_ruler)": rules_pipeline,
            "rules, shipped patterns (spaCy span_ruler)": lambda: add_rules_stage(make_nlp(), span_ruler="span_ruler"),
            "statistical NER (tok2vec + ner)": lambda: statistical_ner(gold),
        }
        if args.old_commit:
            folder = old_patterns(args.old_commit, Path(tmp) / "old")
            makers[f"rules, patterns of {args.old_commit}"] = lambda: rules_pipeline(folder)
        if args.old:
            makers[f"rules, {args.old}"] = lambda: rules_pipeline(args.old)
        for name, make in makers.items():
            t = time.perf_counter()
            pipelines[name] = make()
            loads[name] = time.perf_counter() - t
        best, found = {}, {}
        for _ in range(args.rounds):
            for name, nlp in pipelines.items():
                took, found[name] = run(nlp, texts)
                best[name] = min(best.get(name, took), took)
    shipped, plain, ner = list(makers)[:3]
    assert found[shipped] == found[plain], "vner_span_ruler and span_ruler disagree"
    chars = sum(map(len, texts))
    for name in pipelines:
        print(f"{name:48s} load {loads[name]:5.1f} s  run {best[name]:5.2f} s  {chars / best[name]:9,.0f} chars/s")
    print(f"rules / NER time: {best[shipped] / best[ner]:.2f} (target <= 0.5)")
    for name in list(pipelines)[3:]:
        print(f"shipped rules / {name}: {best[shipped] / best[name]:.2f}x the time")
    if args.model is None:
        from bench.bench_tag import bench_model

        args.model = bench_model()
    full, without = load_overhead(args.model)
    print(f"load {args.model}: {full:.2f} s, without its rules stage {without:.2f} s: "
          f"the rules add {full - without:.2f} s (target <= 1 s)")
    from bench.common import write_result
    from vner.model.patterns import load_patterns

    patterns = load_patterns()
    write_result("rules", {
        "quick": args.quick, "rounds": args.rounds, "characters": chars, "texts": len(texts),
        "patterns": len(patterns), "token_patterns": sum(isinstance(p["pattern"], list) for p in patterns),
        "rules_version": pipelines[shipped].meta.get("version"),
        "pipelines": {name: {"build_seconds": round(loads[name], 3), "best_run_seconds": round(best[name], 4),
                             "chars_per_second": round(chars / best[name])} for name in pipelines},
        "rules_over_ner": round(best[shipped] / best[ner], 3),
        "load": {"model": _shown(args.model), "seconds": round(full, 3), "without_rules_seconds": round(without, 3),
                 "rules_add_seconds": round(full - without, 3)},
    })


if __name__ == "__main__":
    main()
