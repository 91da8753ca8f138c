"""Uncertainty-first vs random order of annotation, simulated with the gold as oracle.

Two corpora:

seeds (default)  The seeds' five articles cut into paragraphs (66 documents,
                 about 215 entities). One article is the test set; the
                 paragraphs of the other four are the pool. Trains
                 configs/ner.cfg (rules stage + NER).
--phoner DIR     PhoNER_COVID19 at sentence level (VinAI Research; its
                 licence forbids redistribution: pass the folder holding
                 train_syllable.json and test_syllable.json; nothing of it
                 is written into the repository, only numbers). A random
                 pool of --pool training sentences and a fixed random
                 sample of --test test sentences. Trains configs/ner.cfg as
                 `vner train` does on PhoNER: its rules stage is disabled
                 because PhoNER has none of the rule labels
                 (vner.training.train._rules_overrides), so the NER is all
                 there is.

All orders start from the same random documents, "annotate" them (take their
gold), train, and then add a batch of documents per round:

  uncertainty  the ones with the lowest task score of the current model
               (mean token confidence in the NER beam of width 8,
               vner.serving.uncertainty.scored_docs: the score `vner serve`
               gives Label Studio)
  margin       (--phoner, with --margin) the ones with the smallest gap
               between the probabilities of the two best analyses in the
               same beam: a second signal from the same beam parse
  random       a random batch (--random-seeds seeds)

Every round trains from scratch (system.seed 0) for a fixed budget of
--steps steps, selecting the best step on the annotated documents (a user
has nothing else), and is scored on the test documents with vner's one
score format (vner.evaluation.evaluate.predict + score: strict seqeval
micro P/R/F1 on syllables). Round 0 is the same training for every order
and is trained once.

  .venv/bin/python bench/bench_active.py [--rounds 4] [--batch 8] [--random-seeds 1]
  .venv/bin/python bench/bench_active.py --phoner /path/to/phoner [--quick] [--margin]
      [--pool 3000] [--test 1000] [--start 200] [--batch 200] [--rounds 5] [--steps 1000]

Writes bench/results/active.json + active.png (seeds) or
bench/results/active-phoner.json + active-phoner.png (PhoNER; --quick
writes to a temporary folder instead: its numbers say nothing). The run
stays on one thread (BLAS/OpenMP limited to 1); CPU seconds (this process)
and the load average are recorded per round.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import RESULTS, machine  # noqa: E402

STEPS = 150
OVERRIDES = {"training.max_steps": STEPS, "training.eval_frequency": 50, "training.logger.progress_bar": False}
PHONER_FILES = ("train_syllable.json", "test_syllable.json")
COLORS = {"uncertainty": "C0", "random": "C1", "margin": "C2"}


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


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


def phoner_sample(folder: Path, pool_size: int, test_size: int, seed: int = 0) -> tuple[list, list, dict]:
    """A random pool of PhoNER training sentences and a random sample of its test sentences."""
    from vner.training.corpus import read_corpus

    missing = [name for name in PHONER_FILES if not (folder / name).is_file()]
    if missing:
        sys.exit(f"PhoNER_COVID19 not found: {folder} has no {', '.join(missing)}. Pass the folder holding "
                 "data/syllable/{train,test}_syllable.json of github.com/VinAIResearch/PhoNER_COVID19.")
    train = read_corpus(folder / PHONER_FILES[0]).train
    test = read_corpus(folder / PHONER_FILES[1]).train
    if pool_size > len(train) or test_size > len(test):
        sys.exit(f"PhoNER sample too large: --pool {pool_size} of {len(train)} training sentences, "
                 f"--test {test_size} of {len(test)} test sentences. Lower --pool or --test.")
    rng = random.Random(seed)
    facts = {"train_sentences": len(train), "test_sentences": len(test)}
    return rng.sample(train, pool_size), rng.sample(test, test_size), facts


def describe(docs) -> dict:
    return {"documents": len(docs), "words": sum(len(d) for d in docs), "entities": sum(len(d.ents) for d in docs)}


def test_scores(nlp, test) -> dict:
    """Micro P/R/F1 as `vner evaluate` scores (strict seqeval on syllables: the one score format)."""
    from vner.evaluation.evaluate import predict, score

    return score(predict(nlp, test, progress=False))["scores"]["micro"]


def train_model(docs, work: Path, overrides: dict, seed: int = 0):
    from vner.model.nlp import load_pipeline
    from vner.training.train import train

    model = train(docs, docs, work, overrides=dict(overrides), seed=seed, quiet=True, schedule=False)
    info = json.loads((work / "training.json").read_text(encoding="utf-8")) if (work / "training.json").exists() else {}
    return load_pipeline(model), info


def beam_margins(nlp, texts: list[str], width: int = 8) -> list[float]:
    """Per text: probability of the best analysis in the NER beam minus that of the second best."""
    from vner.model.nlp import ner_enabled

    ner = nlp.get_pipe("ner")
    with ner_enabled(nlp):
        before = nlp.pipe_names[: nlp.pipe_names.index("ner")]
        with nlp.select_pipes(enable=before):
            inputs = list(nlp.pipe(texts))
        beams = ner.beam_parse(inputs, beam_width=width) if inputs else []
    out = []
    for beam in beams:
        probs = sorted((p for p, _ in ner.moves.get_beam_parses(beam)), reverse=True)
        total = sum(probs) or 1.0
        probs = [p / total for p in probs] + [0.0, 0.0]
        out.append(round(probs[0] - probs[1], 4))
    return out


def select(strategy: str, nlp, pool, rest: list[int], batch: int, rng: random.Random) -> list[int]:
    """The next batch of pool indices to annotate."""
    if strategy == "random":
        return rng.sample(rest, min(batch, len(rest)))
    texts = [pool[i].text for i in rest]
    if strategy == "uncertainty":
        from vner.serving.uncertainty import scored_docs

        scores = [score for _, _, score in scored_docs(nlp, texts)]
    elif strategy == "margin":
        scores = beam_margins(nlp, texts)
    else:
        raise ValueError(f"unknown strategy {strategy!r}")
    return [i for _, i in sorted(zip(scores, rest))[:batch]]


def point(pool, chosen: list[int], scores: dict, info: dict, cpu_train: float, cpu_score: float, wall: float) -> dict:
    docs = [pool[i] for i in chosen]
    return {
        **{k: v for k, v in describe(docs).items()},
        "f": round(scores["f"], 4), "p": round(scores["p"], 4), "r": round(scores["r"], 4),
        "steps_done": info.get("step"), "seconds": round(wall, 1),
        "cpu_seconds_train": round(cpu_train, 1), "cpu_seconds_test": round(cpu_score, 1),
        "loadavg": [round(x, 2) for x in os.getloadavg()],
    }


def simulate(strategies: dict[str, int], pool, test, start_idx: list[int], rounds: int, batch: int,
             overrides: dict, tmp: Path, label: str = "documents", finals: dict | None = None,
             checkpoint=None) -> dict[str, list]:
    """Curves per strategy; `strategies` maps a name (e.g. "random-1") to its strategy's rng seed.

    Round 0 (the start documents) is trained once and shared by every strategy.
    `checkpoint(curves)`, if given, is called after every round (partial results).
    """
    t0, c0 = time.perf_counter(), cpu_seconds()
    nlp0, info0 = train_model([pool[i] for i in start_idx], tmp / "start", overrides)
    c1 = cpu_seconds()
    scores0 = test_scores(nlp0, test)
    first = point(pool, start_idx, scores0, info0, c1 - c0, cpu_seconds() - c1, time.perf_counter() - t0)
    print(f"start: {len(start_idx)} {label}, F1 {scores0['f']:.3f} ({first['cpu_seconds_train']} CPU-s training)", flush=True)
    curves = {}
    for name, seed in strategies.items():
        strategy = name.split("-")[0]
        rng = random.Random(seed)
        chosen, nlp, curve = list(start_idx), nlp0, [dict(first)]
        for r in range(1, rounds + 1):
            taken = set(chosen)
            rest = [i for i in range(len(pool)) if i not in taken]
            if not rest:
                break
            t0, c0 = time.perf_counter(), cpu_seconds()
            chosen += select(strategy, nlp, pool, rest, batch, rng)
            c_sel = cpu_seconds()
            nlp, info = train_model([pool[i] for i in chosen], tmp / f"{name}-{r}", overrides)
            c1 = cpu_seconds()
            s = test_scores(nlp, test)
            p = point(pool, chosen, s, info, c1 - c_sel, cpu_seconds() - c1, time.perf_counter() - t0)
            p["cpu_seconds_select"] = round(c_sel - c0, 1)
            curve.append(p)
            if checkpoint:
                checkpoint({**curves, name: curve})
            print(f"{name} round {r}: {len(chosen)} {label} ({p['entities']} entities), F1 {s['f']:.3f} "
                  f"(CPU-s select {p['cpu_seconds_select']}, train {p['cpu_seconds_train']}, test {p['cpu_seconds_test']}; "
                  f"load {p['loadavg'][0]})", flush=True)
        curves[name] = curve
        if finals is not None:
            finals[name] = list(chosen)
    return curves


def seed_noise(pool, test, sets: dict[str, list[int]], overrides: dict, tmp: Path, seeds=(1,)) -> list[dict]:
    """The same annotated sentences trained again with another system.seed: how much F1 moves by training alone."""
    out = []
    for name, chosen in sets.items():
        for seed in seeds:
            c0 = cpu_seconds()
            nlp, _ = train_model([pool[i] for i in chosen], tmp / f"noise-{name}-{seed}", overrides, seed=seed)
            c1 = cpu_seconds()
            s = test_scores(nlp, test)
            out.append({"set": name, "documents": len(chosen), "system_seed": seed, "f": round(s["f"], 4),
                        "p": round(s["p"], 4), "r": round(s["r"], 4), "cpu_seconds_train": round(c1 - c0, 1),
                        "loadavg": [round(x, 2) for x in os.getloadavg()]})
            print(f"seed noise: {name} ({len(chosen)} sentences) with system.seed {seed}: F1 {s['f']:.3f}", flush=True)
    return out


def plot(results: dict, path: Path, xlabel: str, ylabel: str, by_words: bool = False) -> None:
    """F1 by annotated documents; with `by_words`, a second panel by annotated words (the annotator's effort)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    xs = [("documents", xlabel)] + ([("words", "annotated tokens (syllables and punctuation)")] if by_words else [])
    fig, axes = plt.subplots(1, len(xs), figsize=(6 * len(xs), 4), sharey=True, squeeze=False)
    for ax, (key, label) in zip(axes[0], xs):
        seen = set()
        for name, curve in results["curves"].items():
            strategy = name.split("-")[0]
            ax.plot([c[key] for c in curve], [c["f"] for c in curve], marker="o",
                    color=COLORS.get(strategy, "C3"), alpha=0.6 if strategy == "random" else 1.0,
                    label=strategy if strategy not in seen else None)
            seen.add(strategy)
        ax.set_xlabel(label)
        ax.grid(alpha=0.3)
        ax.legend()
    axes[0][0].set_ylabel(ylabel)
    fig.suptitle("Uncertainty-first vs random annotation order")
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def phoner_plot(results: dict, path: Path) -> None:
    args = results["args"]
    plot(results, path, f"annotated sentences (PhoNER_COVID19, pool of {args['pool']:,})",
         f"entity F1 on {args['test']:,} test sentences", by_words=True)


def run_seeds(args) -> None:
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
        "args": {k: v for k, v in vars(args).items() if k in ("rounds", "batch", "start", "random_seeds", "test_article")},
    }
    strategies = {"uncertainty": 0, **{f"random-{s + 1}": s + 1 for s in range(args.random_seeds)}}
    with tempfile.TemporaryDirectory(prefix="vner-active-") as tmp:
        curves = simulate(strategies, pool, test, start_idx, args.rounds, args.batch, OVERRIDES, Path(tmp), "paragraphs")
    results["curves"] = {"uncertainty": [curves["uncertainty"]], "random": [c for n, c in curves.items() if n.startswith("random")]}
    out_dir = args.output or RESULTS
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "active.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    plot({"curves": curves}, out_dir / "active.png", "annotated paragraphs (seeds, 4 articles)", "entity F1 on the held-out article")
    print(f"Wrote {out_dir / 'active.json'} and {out_dir / 'active.png'}")


def run_phoner(args) -> None:
    if args.quick:
        args.pool, args.test, args.start, args.batch, args.rounds, args.steps, args.random_seeds = 60, 40, 20, 20, 2, 20, 1
    overrides = {"training.max_steps": args.steps, "training.eval_frequency": args.eval_frequency or max(1, args.steps // 4),
                 "training.patience": 0, "training.logger.progress_bar": False}
    t_all, c_all, load_start = time.perf_counter(), cpu_seconds(), [round(x, 2) for x in os.getloadavg()]
    pool, test, facts = phoner_sample(args.phoner, args.pool, args.test, seed=0)
    start_idx = random.Random(0).sample(range(len(pool)), args.start)
    # uncertainty vs random first: the comparison the run is for, if it has to stop early
    names = ["uncertainty", *(["random-1"] if args.random_seeds else []), *(["margin"] if args.margin else []),
             *(f"random-{s + 1}" for s in range(1, args.random_seeds))]
    strategies = {name: int(name.partition("-")[2] or 0) for name in names}
    out_dir = args.output or (Path(tempfile.mkdtemp(prefix="vner-active-quick-")) if args.quick else RESULTS)
    results = {
        "benchmark": "active-phoner",
        "what": "uncertainty-first vs random annotation order, gold as oracle; PhoNER_COVID19 at sentence level",
        "quick": args.quick,
        "machine": machine(),
        "corpus": {"name": "PhoNER_COVID19 syllable level (not in the repository)", **facts,
                   "sample_seed": 0, "pool": describe(pool), "test": describe(test)},
        "training": {"config": "configs/ner.cfg (rules stage disabled by vner: PhoNER has none of the rule labels)",
                     "overrides": overrides, "system_seed": 0,
                     "selection": "best step on the annotated sentences themselves (eval_frequency); no other dev set"},
        "score": "strict seqeval micro P/R/F1 on the test sample (vner.evaluation.evaluate.predict + score)",
        "strategies": {
            "uncertainty": "lowest mean token confidence in the NER beam (width 8; vner.serving.uncertainty.scored_docs)",
            "margin": "smallest gap between the two best analyses' probabilities in the same beam (width 8)",
            "random": "random batch; rng seed = the number after 'random-'",
        },
        "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items() if k not in ("phoner", "output")},
        "threads": "one (OMP/OPENBLAS/MKL_NUM_THREADS=1; vner's training uses numpy BLAS on 1 thread)",
    }
    finals: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory(prefix="vner-active-") as tmp:
        def checkpoint(curves):
            out_dir.mkdir(parents=True, exist_ok=True)
            partial = {**results, "partial": "interrupted run: rounds done so far", "curves": curves,
                       "cpu_seconds_so_far": round(cpu_seconds() - c_all, 1)}
            (out_dir / "active-phoner.json").write_text(json.dumps(partial, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

        results["curves"] = simulate(strategies, pool, test, start_idx, args.rounds, args.batch, overrides, Path(tmp),
                                     "sentences", finals, checkpoint)
        if args.seed_noise:
            results["seed_noise"] = seed_noise(pool, test, {"start": start_idx, "uncertainty": finals["uncertainty"]},
                                               overrides, Path(tmp))
    results["cpu_seconds_total"] = round(cpu_seconds() - c_all, 1)
    results["seconds_total"] = round(time.perf_counter() - t_all, 1)
    results["loadavg_start"], results["loadavg_end"] = load_start, [round(x, 2) for x in os.getloadavg()]
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "active-phoner.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    phoner_plot(results, out_dir / "active-phoner.png")
    print(f"Wrote {out_dir / 'active-phoner.json'} and {out_dir / 'active-phoner.png'} "
          f"({results['cpu_seconds_total']} CPU-s, {results['seconds_total']} s)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--phoner", type=Path, help="folder with PhoNER_COVID19's train_syllable.json and test_syllable.json")
    parser.add_argument("--quick", action="store_true", help="PhoNER: a tiny run that checks the plumbing")
    parser.add_argument("--margin", action="store_true", help="PhoNER: also the beam-margin order")
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--batch", type=int)
    parser.add_argument("--start", type=int)
    parser.add_argument("--random-seeds", type=int)
    parser.add_argument("--test-article", type=int, default=4)
    parser.add_argument("--pool", type=int, default=3000)
    parser.add_argument("--test", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--eval-frequency", type=int)
    parser.add_argument("--seed-noise", action="store_true",
                        help="PhoNER: retrain the start set and uncertainty's last set with system.seed 1 (training noise)")
    parser.add_argument("--output", "-o", type=Path, help="folder for the json and png (default bench/results/)")
    parser.add_argument("--replot", type=Path, help="PhoNER: redraw the png next to this results json, without running")
    args = parser.parse_args(argv)
    if args.replot:
        phoner_plot(json.loads(args.replot.read_text(encoding="utf-8")), args.replot.with_suffix(".png"))
        return
    defaults = ({"rounds": 5, "batch": 200, "start": 200, "random_seeds": 2} if args.phoner
                else {"rounds": 5, "batch": 6, "start": 6, "random_seeds": 2})
    for key, value in defaults.items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    run_phoner(args) if args.phoner else run_seeds(args)


if __name__ == "__main__":
    main()
