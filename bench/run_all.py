"""Run every benchmark, then write bench/README.md from bench/results/*.json.

  .venv/bin/python bench/run_all.py            # full run (about half an hour on 2 idle cores)
  .venv/bin/python bench/run_all.py --quick    # smaller sizes, a few training steps (a few minutes)
  .venv/bin/python bench/run_all.py --only convert inference
  .venv/bin/python bench/run_all.py --report   # only rewrite README.md from the results

Each benchmark runs in its own child process (a fresh interpreter, its own
memory); a failing one is reported and the others still run.
"""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import BENCH, PYTHON, ROOT, setup_logging  # noqa: E402

logger = logging.getLogger("bench.run_all")

# Training runs before inference: it leaves the seed model and the folds.
BENCHMARKS = ("convert", "training", "inference", "rules", "labelstudio")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes and a few training steps")
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, help="run only these")
    parser.add_argument("--report", action="store_true", help="only write README.md from the existing results")
    args = parser.parse_args(argv)
    setup_logging()
    failed = []
    if not args.report:
        for name in args.only or BENCHMARKS:
            argv = [str(PYTHON), str(BENCH / f"bench_{name}.py")] + (["--quick"] if args.quick else [])
            logger.info("=== %s ===", name)
            t0 = time.perf_counter()
            code = subprocess.call(argv, cwd=ROOT)
            logger.info("=== %s: %s in %.0f s ===", name, "done" if code == 0 else f"FAILED (exit {code})", time.perf_counter() - t0)
            if code:
                failed.append(name)
    from bench.report import write_readme

    write_readme()
    if failed:
        logger.error("failed: %s", ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
