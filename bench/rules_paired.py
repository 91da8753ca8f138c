"""The rules stage of two checkouts in one process, each document through both in turn.

Separate processes minutes apart land in different phases of a shared
machine (up to 1.5x apart here); in one process, alternating document by
document, both see the same phase, so their ratio is what changed.

    .venv/bin/python bench/rules_paired.py /path/to/checkout-before /path/to/checkout-after --rounds 6

Prints CPU seconds per component (seeds x4), best and mean over rounds,
and the change of the total. The checkouts' entities are compared too.
"""

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path


def load(root: Path):
    """``rules_pipeline()`` of the vner in ``root``, after forgetting any vner imported before."""
    import catalogue
    from spacy.language import Language

    for name in [m for m in sys.modules if m == "vner" or m.startswith("vner.")]:
        del sys.modules[name]
    for key in [k for k in catalogue.REGISTRY if k[0] == "spacy" and "factories" in k[1] and "vner" in k[-1]]:
        del catalogue.REGISTRY[key]
    for key in [k for k in Language._factory_meta if "vner" in k]:
        del Language._factory_meta[key]
    sys.path.insert(0, str(root))
    try:
        from vner.annotation.rules import rules_pipeline

        return rules_pipeline()
    finally:
        sys.path.remove(str(root))


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("before", type=Path)
    p.add_argument("after", type=Path)
    p.add_argument("--rounds", type=int, default=6)
    args = p.parse_args(argv)
    for root in (args.before, args.after):
        if not (root / "vner" / "annotation" / "rules.py").is_file():
            p.error(f"{root} is not a vner checkout (no vner/annotation/rules.py): give two checkouts, e.g. a git worktree")
    pipelines = {"before": load(args.before.resolve()), "after": load(args.after.resolve())}
    seeds = Path(__file__).resolve().parents[1] / "seeds" / "annotations.json"
    texts = [t["data"]["text"] for t in json.loads(seeds.read_text(encoding="utf-8"))] * 4
    best = {k: defaultdict(lambda: float("inf")) for k in pipelines}
    summed = {k: defaultdict(float) for k in pipelines}
    found = {k: [] for k in pipelines}
    for r in range(args.rounds):
        took = {k: defaultdict(float) for k in pipelines}
        order = list(pipelines) if r % 2 == 0 else list(reversed(pipelines))
        for text in texts:
            for label in order:
                nlp = pipelines[label]
                doc = nlp.make_doc(text)
                for name, component in nlp.pipeline:
                    t = time.process_time()
                    doc = component(doc)
                    took[label][name.replace("vner_", "").replace("rules_", "")] += time.process_time() - t
                if r == 0:
                    found[label].append([(e.start_char, e.end_char, e.label_) for e in doc.ents])
        for label, parts in took.items():
            parts["total"] = sum(parts.values())
            for name, seconds in parts.items():
                best[label][name] = min(best[label][name], seconds)
                summed[label][name] += seconds
    for kind, table in (("best", best), ("mean", {k: {n: s / args.rounds for n, s in v.items()} for k, v in summed.items()})):
        for label, parts in table.items():
            print(f"{label:6s} {kind}  " + " ".join(f"{name}={seconds:.3f}" for name, seconds in parts.items()))
    b, a = summed["before"]["total"], summed["after"]["total"]
    print(f"total CPU over {args.rounds} rounds: before {b:.3f} s, after {a:.3f} s: {100 * (a - b) / b:+.1f} %")
    same = found["before"] == found["after"]
    print("same entities on the seeds x4" if same else "the entities differ")


if __name__ == "__main__":
    main()
