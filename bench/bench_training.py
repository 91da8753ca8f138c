"""Training and evaluation time: `vner train`, `vner evaluate`, `vner crossval`.

Each command runs as a child process (wall and CPU seconds, peak RSS):

  train      configs/ner.cfg as committed (600 steps) on the five seeds
  evaluate   that model on the seed gold
  crossval   leave-one-document-out over the seeds (5 trainings), models kept:
             their held-out predictions are the vner model's fair F1 in
             bench_inference.py
  scaling    training on 1x, 4x and 16x the seeds (documents made by
             bench/make_data.py, about seed-sized each) for a FIXED budget of
             two epochs, with fixed 1000-word batches and no evaluation after
             step 0, so time measures the work per epoch as the corpus grows

The seed model and the cross-validation folds are left in bench/data/ for
the inference benchmark.

  .venv/bin/python bench/bench_training.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import DATA, ROOT, VNER, growth_exponent, run_rusage, setup_logging, write_result  # noqa: E402
from bench.make_data import ensure_data  # noqa: E402

logger = logging.getLogger("bench.training")

SEEDS = ROOT / "seeds" / "annotations.json"
SEED_DOCS = 5
SEED_MODEL = DATA / "seed-model"
CROSSVAL = DATA / "crossval"
# --quick: the same commands with a few steps (times and scores are then only smoke values).
QUICK_OVERRIDES = ["--training.max_steps", "30", "--training.eval_frequency", "10"]
QUICK_FOLDS = ["--folds", "2"]


def scaling_overrides(epochs: int) -> list[str]:
    return ["--training.max_epochs", str(epochs), "--training.max_steps", "0", "--training.eval_frequency", "100000",
            "--training.batcher.size.start", "1000", "--training.batcher.size.stop", "1000"]


def _measure(argv: list[str]) -> dict:
    r = run_rusage([str(a) for a in argv], timeout=7200)
    return {"seconds": round(r["seconds"], 1), "cpu_seconds": round(r["user_seconds"] + r["system_seconds"], 1),
            "peak_rss_mib": r["peak_rss_mib"]}


def train_seed_model(quick: bool = False) -> dict:
    """`vner train seeds/annotations.json` with the committed config."""
    shutil.rmtree(SEED_MODEL, ignore_errors=True)
    row = _measure([VNER, "train", SEEDS, "--output", SEED_MODEL, *(QUICK_OVERRIDES if quick else [])])
    row["model"] = str((SEED_MODEL / "model-best").relative_to(ROOT))
    row["quick"] = quick
    (SEED_MODEL / "bench.json").write_text(json.dumps(row))
    return row


def run_crossval(quick: bool = False) -> dict:
    """`vner crossval seeds/annotations.json --keep-models` (one fold per document)."""
    shutil.rmtree(CROSSVAL, ignore_errors=True)
    argv = [VNER, "crossval", SEEDS, "--output", CROSSVAL, "--keep-models", *(QUICK_OVERRIDES + QUICK_FOLDS if quick else [])]
    row = _measure(argv)
    report = json.loads((CROSSVAL / "crossval.json").read_text(encoding="utf-8"))
    row["folds"] = report["folds"]
    row["pooled_micro"] = report["pooled"]["micro"]
    row["quick"] = quick
    (CROSSVAL / "bench.json").write_text(json.dumps(row))
    return row


def models_ready(quick: bool) -> bool:
    """Whether bench/data holds a seed model and crossval folds made in this mode."""
    for path in (SEED_MODEL / "bench.json", CROSSVAL / "bench.json"):
        if not path.is_file() or json.loads(path.read_text())["quick"] != quick:
            return False
    return True


def config_version() -> str:
    """Git's blob hash of configs/ner.cfg as it is on disk (the config every command here reads)."""
    import subprocess

    return subprocess.run(["git", "hash-object", "configs/ner.cfg"], cwd=ROOT, capture_output=True, text=True).stdout.strip()


def run(quick: bool = False) -> dict:
    version = config_version()
    result: dict = {"quick": quick, "config": "configs/ner.cfg", "config_blob": version}
    if quick:
        result["overrides"] = " ".join(QUICK_OVERRIDES)
    logger.info("vner train on the seeds")
    result["train"] = train_seed_model(quick)
    logger.info("vner evaluate on the seeds")
    result["evaluate"] = _measure([VNER, "evaluate", SEED_MODEL / "model-best", SEEDS, "--output", DATA / "seed-eval"])
    logger.info("vner crossval on the seeds (leave one document out)")
    result["crossval"] = run_crossval(quick)
    result["crossval"]["ratio_to_one_training"] = round(result["crossval"]["seconds"] / result["train"]["seconds"], 2)

    factors, epochs = ((1, 2), 1) if quick else ((1, 4, 16), 2)
    scaling = scaling_overrides(epochs)
    rows = []
    for factor in factors:
        n = SEED_DOCS * factor
        export = ensure_data(n) / "export.json"
        out = DATA / f"scaling-{factor}x"
        shutil.rmtree(out, ignore_errors=True)
        logger.info("scaling: %dx the seeds (%d documents), %d epoch(s)", factor, n, epochs)
        # --no-written: the time as the data grows, not with the team's 227 written articles on top
        row = {"factor": factor, "documents": n, **_measure([VNER, "train", export, "--dev", SEEDS, "--output", out, "--no-written", *scaling])}
        info = json.loads((export.parent / "info.json").read_text())
        row["chars"] = info["chars"]
        row["entities"] = info["spans"]
        rows.append(row)
        shutil.rmtree(out, ignore_errors=True)
    base = rows[0]["seconds"]
    for row in rows:
        row["ratio_to_1x"] = round(row["seconds"] / base, 2)
    result["scaling"] = {
        "budget": f"{epochs} epoch(s), batches of 1000 words, evaluation only at step 0, without the written articles (--no-written " + " ".join(scaling) + ")",
        "rows": rows,
        "time_growth_exponent": growth_exponent([r["documents"] for r in rows], [r["seconds"] for r in rows]),
        "cpu_growth_exponent": growth_exponent([r["documents"] for r in rows], [r["cpu_seconds"] for r in rows]),
        "memory_growth_exponent": growth_exponent([r["documents"] for r in rows], [r["peak_rss_mib"] for r in rows]),
    }
    if config_version() != version:
        logger.warning("configs/ner.cfg changed during the run: the results mix two configs; run again")
        result["config_changed_during_run"] = True
    return result


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    setup_logging()
    write_result("training", run(quick=args.quick))


if __name__ == "__main__":
    main()
