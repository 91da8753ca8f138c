"""nlp.batch_size for whole articles and for sentences, paired in one process.

Each round runs every batch size in turn (the order alternates), on the
same pipeline and texts, with the matrix library `vner train` uses
(`cpu_ops`): an evaluation of the written selection articles, as the
training loop does it at every dev evaluation, and `nlp.pipe` over the
challenge sentences. Speed depends on the architecture, not the weights,
so without --model a throwaway model is trained for a few steps.

    .venv/bin/python bench/batch_paired.py --sizes 256 16 --rounds 4

Prints CPU seconds (user + system, and system alone) per size, best and
mean over rounds, and checks that every size gives the same entities.
"""

import argparse
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

if str(Path(__file__).resolve().parents[1]) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def throwaway_model(output: Path) -> Path:
    from vner.annotation.convert import gold_docs
    from vner.training.train import train

    docs = gold_docs()
    return train(docs, docs, output, overrides={"training.max_steps": 10, "training.eval_frequency": 10}, quiet=True, written=False)


def cpu() -> tuple[float, float]:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime, r.ru_stime


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--model", type=Path, help="a trained pipeline (default: a throwaway one)")
    p.add_argument("--sizes", type=int, nargs="+", default=[256, 16])
    p.add_argument("--rounds", type=int, default=4)
    p.add_argument("--limit", type=int, default=0, help="only the first N articles and 10 N sentences")
    args = p.parse_args(argv)

    import spacy
    from spacy.training import Example

    from vner.annotation.markup import written_corpus
    from vner.evaluation.challenge import load_challenge
    from vner.model.nlp import statistical_pipes
    from vner.training.train import cpu_ops

    with tempfile.TemporaryDirectory() as tmp, cpu_ops(True):
        nlp = spacy.load(args.model or throwaway_model(Path(tmp) / "model"))
        for name in statistical_pipes(nlp):  # the gate may have left them off; the training loop runs them
            if name in nlp.disabled:
                nlp.enable_pipe(name)
        articles = written_corpus().select
        sentences = [s.text for s in load_challenge()]
        if args.limit:
            articles, sentences = articles[: args.limit], sentences[: 10 * args.limit]
        print(f"{len(articles)} articles ({sum(len(d) for d in articles):,} tokens), {len(sentences)} sentences; "
              f"pipeline {nlp.pipe_names}", flush=True)
        took = {task: defaultdict(list) for task in ("articles", "sentences")}
        found = defaultdict(set)
        for r in range(args.rounds):
            for size in args.sizes if r % 2 == 0 else list(reversed(args.sizes)):
                examples = [Example(nlp.make_doc(d.text), d) for d in articles]
                t, s = cpu()
                scores = nlp.evaluate(examples, batch_size=size)
                t1, s1 = cpu()
                took["articles"][size].append((t1 - t, s1 - s))
                t, s = cpu()
                ents = sum(len(doc.ents) for doc in nlp.pipe(sentences, batch_size=size))
                t2, s2 = cpu()
                took["sentences"][size].append((t2 - t, s2 - s))
                found[size].add((round(scores["ents_f"] or 0.0, 6), ents))
        for task, by_size in took.items():
            base = min(t for t, _ in by_size[args.sizes[0]])
            for size in args.sizes:
                runs = by_size[size]
                best = min(t for t, _ in runs)
                print(f"{task:9} batch {size:4}: best {best:6.2f} CPU-s, mean {sum(t for t, _ in runs) / len(runs):6.2f} "
                      f"(system {sum(s for _, s in runs) / len(runs):5.2f}), best / batch {args.sizes[0]}: {best / base:.2f}")
        same = len(set().union(*found.values())) == 1
        print("same entities at every size" if same else f"DIFFERENT entities by size: {dict(found)}")
        return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
