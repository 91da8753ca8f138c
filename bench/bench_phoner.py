"""`vner train` with its defaults on PhoNER_COVID19, scored on its test set.

PhoNER_COVID19 (VinAI Research, github.com/VinAIResearch/PhoNER_COVID19) is
a public Vietnamese NER corpus at syllable level: 5,027 training, 2,000 dev
and 3,000 test sentences, 10 entity types. Its licence forbids
redistribution, so it is not in this repository: check out
`data/syllable/{train,dev,test}_syllable.json` into a folder of your own
and pass that folder. The files are JSON lines under a `.json` name, which
`vner train` reads as they are.

  .venv/bin/python bench/bench_phoner.py /path/to/phoner [--work DIR] [--quick]
      [--max-minutes M] [--max-cpu-minutes M] [--evaluate-only]
      [--config CFG] [--vectors] [--result NAME] [--section.key VALUE ...]

Runs, as child processes (wall and CPU seconds, peak RSS):

  train     vner train train_syllable.json --dev dev_syllable.json (no
            overrides: the schedule follows the corpus size)
  evaluate  vner evaluate model-best test_syllable.json (strict seqeval)

--config CFG trains with another config (`vner train -c CFG`); any
`--section.key value` left over is passed on to `vner train` as a config
override (e.g. --components.tok2vec.model.encode.width 128), and both are
kept in the result. --vectors first trains floret static vectors on the
text of train_syllable.json only (scripts/train_vectors.py; never dev or
test text) into --work/vectors, then trains configs/ner-vectors.cfg (unless
--config says otherwise) with --paths.vectors pointing there; the vectors'
CPU seconds are counted in the --max-cpu-minutes budget (the training gets
what is left) and reported apart. The result then goes to
bench/results/phoner-vectors.json (--result NAME chooses another name).

--max-minutes interrupts the training after M minutes as Ctrl-C would
(spaCy keeps the best checkpoint so far as model-best; `vner train` still
writes training.json with the step reached and its CPU seconds in updates
and evaluations), so "what does the default reach in 20 minutes" is
measurable. --max-cpu-minutes does the same once the training has used M
minutes of CPU time: the training runs on one thread, so on a shared
machine this stands for "M minutes with a core of its own", which the
wall-time limit cannot show while other jobs take part of the core.
--evaluate-only scores the
model already in --work (a training interrupted by hand), reading how far
it got from its training.log. Either way the result says so.

The trained model and the evaluation reports (which quote the corpus) go to
--work (default: <data>/vner-bench), never into the repository; only
numbers go to bench/results/phoner.json, each with the 1/5/15-minute load
averages (os.getloadavg) sampled while it was measured: the machine is
shared, and a loaded machine trains slower.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ROOT, VNER, run_rusage, setup_logging, write_result  # noqa: E402

logger = logging.getLogger("bench.phoner")

FILES = {"train": "train_syllable.json", "dev": "dev_syllable.json", "test": "test_syllable.json"}
# --quick: a smoke run of the same commands (the numbers then say nothing about quality).
QUICK_OVERRIDES = ["--training.max_steps", "20", "--training.eval_frequency", "10"]
CPU_KEYS = ("cpu_seconds_loop", "cpu_seconds_updates", "cpu_seconds_evaluations", "evaluations_timed",
            "cpu_seconds_per_evaluation", "cpu_seconds_per_update_last_100")


class LoadSampler:
    """os.getloadavg() every `every` seconds while a measurement runs."""

    def __init__(self, every: float = 30.0):
        self.every, self.samples = every, []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while True:
            self.samples.append([round(x, 2) for x in os.getloadavg()])
            if self._stop.wait(self.every):
                return

    def __enter__(self) -> "LoadSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.samples.append([round(x, 2) for x in os.getloadavg()])

    def summary(self) -> dict:
        one = [s[0] for s in self.samples]
        return {"loadavg_start": self.samples[0], "loadavg_end": self.samples[-1],
                "loadavg_1min_mean": round(sum(one) / len(one), 2), "loadavg_1min_max": max(one)}


def measure(argv: list, timeout: float) -> tuple[dict, dict]:
    with LoadSampler() as load:
        r = run_rusage([str(a) for a in argv], timeout=timeout)
    timing = {"seconds": round(r["seconds"], 1), "cpu_seconds": round(r["user_seconds"] + r["system_seconds"], 1),
              "peak_rss_mib": r["peak_rss_mib"], **load.summary()}
    return timing, r


def cpu_seconds_of(pid: int) -> float:
    """User + system CPU seconds of a running process so far (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def interrupt_after_cpu(proc: subprocess.Popen, max_cpu: float, every: float = 1.0) -> threading.Thread:
    """A thread that sends SIGINT to `proc` once it has used `max_cpu` CPU seconds."""

    def watch() -> None:
        while proc.poll() is None:
            try:
                if cpu_seconds_of(proc.pid) >= max_cpu:
                    proc.send_signal(signal.SIGINT)
                    return
            except (OSError, ValueError, IndexError):
                return
            time.sleep(every)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def train_with_limit(argv: list, max_seconds: float | None, log: Path, max_cpu_seconds: float | None = None) -> dict:
    """Run the training; after `max_seconds` of wall time or `max_cpu_seconds` of its CPU time, interrupt it (SIGINT, as Ctrl-C).

    Wall and CPU seconds and peak RSS come from os.wait4 on the child. The
    parent is small (no spaCy imported yet), so the RSS is the child's own.
    """
    with open(log, "wb") as out, LoadSampler() as load:
        t0 = time.perf_counter()
        # A shell's background job ignores SIGINT, and so would the training: restore it.
        proc = subprocess.Popen([str(a) for a in argv], stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        timer = threading.Timer(max_seconds, proc.send_signal, args=(signal.SIGINT,)) if max_seconds else None
        if timer:
            timer.start()
        if max_cpu_seconds:
            interrupt_after_cpu(proc, max_cpu_seconds)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        if timer:
            timer.cancel()
    cpu = usage.ru_utime + usage.ru_stime
    interrupted = (bool(max_seconds) and seconds >= max_seconds) or (bool(max_cpu_seconds) and cpu >= max_cpu_seconds)
    code = os.waitstatus_to_exitcode(status)
    if code != 0 and not interrupted:
        raise RuntimeError(f"exit {code}: {' '.join(map(str, argv))}\n{log.read_text(errors='replace')[-3000:]}")
    return {"seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1),
            "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
            "interrupted_after_minutes": max_seconds / 60 if interrupted and max_seconds and seconds >= max_seconds else None,
            "interrupted_after_cpu_minutes": max_cpu_seconds / 60 if interrupted and max_cpu_seconds and cpu >= max_cpu_seconds else None,
            **load.summary()}


def progress_from_log(model: Path) -> dict:
    """Step and epoch of the last evaluation row of training.log (spaCy's table)."""
    rows = re.findall(r"^\s*(\d+)\s+(\d+)\s+[\d.]+\s+[\d.]+\s+([\d.]+)", (model / "training.log").read_text(encoding="utf-8"), re.M)
    if not rows:
        return {}
    epoch, step, _ = rows[-1]
    best = max(rows, key=lambda r: float(r[2]))
    return {"last_eval_step": int(step), "last_eval_epoch": int(epoch), "best_step": int(best[1]), "best_dev_f1": float(best[2])}


def check_data(data: Path) -> dict[str, Path]:
    paths = {split: data / name for split, name in FILES.items()}
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        raise SystemExit(f"PhoNER_COVID19 files not found: {', '.join(missing)}. Check out data/syllable/ of "
                         "github.com/VinAIResearch/PhoNER_COVID19 into that folder (outside this repository).")
    return paths


def parse_overrides(extra: list[str]) -> list[str]:
    """`--section.key value` pairs for `vner train`; anything else is an error naming it."""
    out, i = [], 0
    while i < len(extra):
        flag = extra[i]
        if not (flag.startswith("--") and "." in flag and i + 1 < len(extra) and not extra[i + 1].startswith("--")):
            raise SystemExit(f"Unrecognised argument {flag!r}: a config override is '--section.key value' "
                             "(e.g. --components.tok2vec.model.encode.width 128).")
        out += [flag, extra[i + 1]]
        i += 2
    return out


def build_vectors(train: Path, out: Path) -> dict:
    """floret vectors from the training file only (scripts/train_vectors.py, as a child process: its CPU seconds are its own)."""
    shutil.rmtree(out, ignore_errors=True)
    try:
        timing, _ = measure([sys.executable, ROOT / "scripts" / "train_vectors.py", train, "-o", out], timeout=3600)
    except RuntimeError as err:
        raise SystemExit(f"Building the vectors from {train} failed:\n{str(err)[-2000:]}") from None
    facts = json.loads((out / "vectors-training.json").read_text(encoding="utf-8"))
    return {"command": "python scripts/train_vectors.py train_syllable.json -o VECTORS", "from": "train_syllable.json only",
            **{k: facts[k] for k in ("sentences", "tokens", "vocabulary", "settings", "shape")}, **timing}


def run(data: Path, work: Path, quick: bool = False, max_minutes: float | None = None, evaluate_only: bool = False, note: str | None = None,
        max_cpu_minutes: float | None = None, config: Path | None = None, vectors: bool = False,
        overrides: list[str] | None = None) -> dict:
    paths = check_data(data)
    overrides = list(overrides or [])
    if vectors and config is None:
        config = Path(__file__).resolve().parents[1] / "configs" / "ner-vectors.cfg"
    vectors_facts = None
    model = work / "model"
    reports = work / "reports"
    shutil.rmtree(reports, ignore_errors=True)
    if evaluate_only:
        if not (model / "model-best").is_dir():
            raise SystemExit(f"No trained model in {model}: run without --evaluate-only first.")
        # What the files say: the corpus is written as training starts, model-best at its best checkpoint.
        start = (model / "corpus" / "train.spacy").stat().st_mtime
        best = max(f.stat().st_mtime for f in (model / "model-best").rglob("*") if f.is_file())
        train_timing = {"seconds_to_best_checkpoint": round(best - start, 1),
                        "measured": "file times (corpus written to last model-best file), evaluate-only run",
                        "note": note, "loadavg_at_evaluation": [round(x, 2) for x in os.getloadavg()]}
    else:
        shutil.rmtree(model, ignore_errors=True)
        work.mkdir(parents=True, exist_ok=True)
        max_cpu = max_cpu_minutes * 60 if max_cpu_minutes else None
        if vectors:
            logger.info("training floret vectors on %s into %s", paths["train"], work / "vectors")
            vectors_facts = build_vectors(paths["train"], work / "vectors")
            overrides = ["--paths.vectors", str(work / "vectors"), *overrides]
            if max_cpu:
                max_cpu -= vectors_facts["cpu_seconds"]
        logger.info("training on %s (dev %s) into %s", paths["train"], paths["dev"], model)
        train_argv = [VNER, "train", paths["train"], "--dev", paths["dev"], "-o", model, *(["-c", config] if config else []),
                      *overrides, *(QUICK_OVERRIDES if quick else [])]
        train_timing = train_with_limit(train_argv, max_minutes * 60 if max_minutes else None, work / "train-output.txt", max_cpu)
    if not (model / "model-best").is_dir():
        raise SystemExit(f"The training in {model} stopped before its first checkpoint: nothing to evaluate (raise --max-minutes or --max-cpu-minutes).")
    info_path = model / "training.json"
    info = json.loads(info_path.read_text(encoding="utf-8")) if info_path.is_file() else {}
    log_text = (model / "training.log").read_text(encoding="utf-8")
    plan = re.search(r"Schedule for .*", log_text)
    logger.info("trained (%s)", info or "interrupted")
    logger.info("evaluating on %s", paths["test"])
    eval_timing, _ = measure([VNER, "evaluate", model / "model-best", paths["test"], "-o", reports], timeout=3600)
    metrics = json.loads((reports / "metrics.json").read_text(encoding="utf-8"))
    scores = metrics["scores"]
    best_meta = json.loads((model / "model-best" / "meta.json").read_text(encoding="utf-8"))
    result = {
        "quick": quick,
        "data": {"corpus": "PhoNER_COVID19, syllable level", "train_docs": info.get("docs"), "train_words": info.get("words"),
                 "dev_docs": info.get("dev_docs"), "test_docs": metrics["documents"]},
        "train": {
            "command": " ".join(["vner train train_syllable.json --dev dev_syllable.json",
                                 *(["-c", str(config.relative_to(ROOT) if config.resolve().is_relative_to(ROOT) else config)] if config else []),
                                 *[("VECTORS" if prev == "--paths.vectors" else a) for prev, a in zip([None, *overrides], overrides)],
                                 *(QUICK_OVERRIDES if quick else [])]),
            **train_timing,
            "completed": bool(info) and not info.get("interrupted"),
            "schedule_line": plan.group(0) if plan else None,
            "schedule": info.get("schedule"),
            "schedule_from": info.get("schedule_from"),
            "stopped_at_step": info.get("step"),
            "stopped_in_epoch": info.get("epoch"),
            "full_pass": info.get("full_pass"),
            "matrix_library": info.get("matrix_library"),
            # where the CPU went inside spaCy's loop (vner.track_progress.v1): updates vs dev evaluations
            **{key: info[key] for key in CPU_KEYS if key in info},
            **progress_from_log(model),
            "dev_micro_f1_spacy": round(100 * best_meta["performance"]["ents_f"], 1),
        },
        "evaluate": {
            "command": "vner evaluate model-best test_syllable.json",
            **eval_timing,
            "test_micro_f1": round(100 * scores["micro"]["f"], 1),
            "test_micro_p": round(100 * scores["micro"]["p"], 1),
            "test_micro_r": round(100 * scores["micro"]["r"], 1),
            "test_f1_per_type": {label: round(100 * s["f"], 1) for label, s in sorted(scores["per_entity"].items())},
            "test_support_per_type": {label: s["support"] for label, s in sorted(scores["per_entity"].items())},
        },
        "how": "Trained on train_syllable.json only, model selected on dev_syllable.json by spaCy's ents_f; "
               "scored once on test_syllable.json with vner's strict seqeval (IOB2) wrapper. CPU only.",
    }
    if vectors_facts:
        result["vectors"] = vectors_facts
        result["cpu_seconds_vectors_plus_training"] = round(vectors_facts["cpu_seconds"] + train_timing.get("cpu_seconds", 0), 1)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="folder with train_syllable.json, dev_syllable.json, test_syllable.json")
    parser.add_argument("--work", type=Path, default=None, help="model and reports (default: DATA/vner-bench); keep it outside the repository")
    parser.add_argument("--quick", action="store_true", help="20 training steps: a smoke test of the benchmark, not a measurement")
    parser.add_argument("--max-minutes", type=float, default=None, help="interrupt the training after this long and score its best checkpoint")
    parser.add_argument("--max-cpu-minutes", type=float, default=None,
                        help="interrupt the training once it has used this much CPU time (its own core for that long) and score its best checkpoint")
    parser.add_argument("--evaluate-only", action="store_true", help="score the model already trained in --work")
    parser.add_argument("--note", default=None, help="how that training ran (kept in the result); with --evaluate-only: how it ran and ended")
    parser.add_argument("--config", type=Path, default=None, help="training config for vner train -c (default: vner's, or configs/ner-vectors.cfg with --vectors)")
    parser.add_argument("--vectors", action="store_true",
                        help="train floret static vectors on train_syllable.json only (scripts/train_vectors.py) and train with them")
    parser.add_argument("--result", default=None, help="name of the bench/results/NAME.json written (default: phoner, or phoner-vectors with --vectors)")
    args, extra = parser.parse_known_args(argv)
    overrides = parse_overrides(extra)
    if args.config and not args.config.is_file():
        raise SystemExit(f"Config not found: {args.config}. Pass a file such as configs/ner-vectors.cfg.")
    setup_logging()
    data = args.data.resolve()
    work = (args.work or data / "vner-bench").resolve()
    result = run(data, work, quick=args.quick, max_minutes=args.max_minutes, evaluate_only=args.evaluate_only, note=args.note,
                 max_cpu_minutes=args.max_cpu_minutes, config=args.config.resolve() if args.config else None, vectors=args.vectors,
                 overrides=overrides)
    if args.note and not args.evaluate_only:
        result["note"] = args.note
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if not args.quick:
        write_result(args.result or ("phoner-vectors" if args.vectors else "phoner"), result)


if __name__ == "__main__":
    main()
