"""Shared helpers of the benchmarks: timing, memory, machine facts, results.

Benchmarks here run on small shared machines, so every number is a median
of repeated runs and every speed is also given as a ratio against a peer
measured in the same process and run (the ratio is what to compare across
machines, not the absolute time).
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DATA = BENCH / "data"
RESULTS = BENCH / "results"
PYTHON = Path(sys.executable)
VNER = PYTHON.parent / "vner"

if str(ROOT) not in sys.path:  # so `python bench/x.py` can import bench.common
    sys.path.insert(0, str(ROOT))

logger = logging.getLogger("bench")


def machine() -> dict:
    """Cores, RAM and versions of the machine, read at run time."""
    mem_kb = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    except OSError:
        pass
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import spacy

    return {
        "date": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "ram_gib": round(mem_kb / 1024**2, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "platform": platform.platform(),
        "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def timed(fn: Callable[[], Any], repeats: int = 3, warmup: int = 0) -> tuple[float, list[float], Any]:
    """Run `fn` `repeats` times; return (median seconds, all seconds, last result)."""
    for _ in range(warmup):
        fn()
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), [round(t, 4) for t in times], result


def interleaved(fns: dict[str, Callable[[], Any]], repeats: int = 3) -> dict[str, dict]:
    """Time several contenders in alternation (A B A B ...) so that a noisy
    neighbour slows them alike; return median and runs per name."""
    runs: dict[str, list[float]] = {name: [] for name in fns}
    results: dict[str, Any] = {}
    for _ in range(repeats):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            results[name] = fn()
            runs[name].append(time.perf_counter() - t0)
    return {
        name: {"seconds_median": round(statistics.median(ts), 4), "seconds_runs": [round(t, 4) for t in ts], "result": results[name]}
        for name, ts in runs.items()
    }


# Runs the measured command and reports its rusage. Linux carries the RSS
# high-water mark of the process image that exec() replaces into the new
# program's ru_maxrss, so a command started straight from a big Python
# process (a benchmark holding 10,000 documents) would report that
# process's peak as its own. This launcher is small (python -S, nothing
# imported beyond subprocess), so the floor it leaves is ~10 MiB.
_LAUNCHER = """
import json, os, subprocess, sys, time
argv, report = json.loads(sys.argv[1]), sys.argv[2]
t0 = time.perf_counter()
proc = subprocess.Popen(argv)
_, status, usage = os.wait4(proc.pid, 0)
seconds = time.perf_counter() - t0
with open(report, "w") as f:
    json.dump({"seconds": seconds, "exit": os.waitstatus_to_exitcode(status), "maxrss_kib": usage.ru_maxrss,
               "user": usage.ru_utime, "system": usage.ru_stime}, f)
"""


def run_rusage(argv: list[str], *, cwd: Path = ROOT, env: dict | None = None, timeout: float = 1800) -> dict:
    """Run a command; return wall seconds, CPU seconds, its own peak RSS in MiB, and output.

    The rusage comes from os.wait4 on that one process (in a small launcher,
    see above), not RUSAGE_CHILDREN, which is a running maximum over every
    child this process ever had. A non-zero exit raises RuntimeError.
    """
    import tempfile

    full_env = {**os.environ, **(env or {})}
    argv = [str(a) for a in argv]
    with tempfile.TemporaryDirectory(prefix="bench-rusage-") as tmp:
        report = Path(tmp) / "rusage.json"
        out_path, err_path = Path(tmp) / "stdout", Path(tmp) / "stderr"
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            proc = subprocess.Popen([sys.executable, "-S", "-c", _LAUNCHER, json.dumps(argv), str(report)],
                                    cwd=cwd, env=full_env, stdout=out, stderr=err, start_new_session=True)
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)  # the launcher and the command (own session)
                proc.wait()
                raise RuntimeError(f"timed out after {timeout}s: {' '.join(argv)}") from None
        stdout = out_path.read_text(errors="replace")
        stderr = err_path.read_text(errors="replace")
        if proc.returncode != 0 or not report.is_file():
            raise RuntimeError(f"launcher failed (exit {proc.returncode}): {' '.join(argv)}\n{stderr[-3000:]}")
        usage = json.loads(report.read_text())
    if usage["exit"] != 0:
        raise RuntimeError(f"exit {usage['exit']}: {' '.join(argv)}\n{stderr[-3000:]}")
    return {
        "seconds": usage["seconds"],
        "peak_rss_mib": round(usage["maxrss_kib"] / 1024, 1),
        "user_seconds": round(usage["user"], 3),
        "system_seconds": round(usage["system"], 3),
        "stdout": stdout,
        "stderr": stderr,
    }


def peak_rss_self_mib() -> float:
    """Peak RSS of this process so far, in MiB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def growth_exponent(sizes: list[float], values: list[float]) -> float | None:
    """Slope of log(value) against log(size): 1 is linear, < 1 sub-linear.

    >>> round(growth_exponent([1, 2, 4], [10, 20, 40]), 2)
    1.0
    >>> round(growth_exponent([1, 4], [3, 6]), 2)
    0.5
    """
    import math

    pts = [(math.log(s), math.log(v)) for s, v in zip(sizes, values) if s > 0 and v > 0]
    if len(pts) < 2:
        return None
    mx = statistics.mean(x for x, _ in pts)
    my = statistics.mean(y for _, y in pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / den if den else None


def write_result(name: str, payload: dict) -> Path:
    """Write bench/results/<name>.json (atomically) with the machine facts."""
    from vner.core.files import write_json_atomic

    path = RESULTS / f"{name}.json"
    write_json_atomic(path, {"benchmark": name, "machine": machine(), **payload})
    logger.info("wrote %s", path.relative_to(ROOT))
    return path


def load_result(name: str) -> dict | None:
    path = RESULTS / f"{name}.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def setup_logging(verbose: bool = False) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, format="%(asctime)s %(name)s: %(message)s", datefmt="%H:%M:%S")


def rate(count: float, seconds: float) -> float:
    return round(count / seconds, 1) if seconds > 0 else float("inf")


def bio_char_spans(positions: list[tuple[int, int]], tags: list[str]) -> list[tuple[int, int, str]]:
    """Char spans of the entities of BIO `tags` (seqeval's lenient grouping), tokens at `positions`.

    >>> bio_char_spans([(0, 4), (5, 7), (8, 12), (14, 17)], ["B-ORG", "I-ORG", "O", "I-LOC"])
    [(0, 7, 'ORG'), (14, 17, 'LOC')]
    """
    from seqeval.metrics.sequence_labeling import get_entities

    return [(positions[first][0], positions[last][1], label) for label, first, last in get_entities(list(tags))]
