"""`vner tag` throughput: documents/s with 1 process, n_process=2, and a
local Dask cluster of two single-threaded worker processes.

Documents: the first --docs documents of the scale data (bench/make_data.py,
docs.jsonl, about 5 KB of text each). Model: `vner train` on the five seed
documents with the committed configs/ner.cfg, stopped after a few steps:
speed depends on the architecture (rules stage, tok2vec, ner), not on how
long it trained, so its scores say nothing and none are reported.

Each mode tags the same documents into JSONL through `vner.tagging.tag`,
the function `vner tag` calls. The time is the tagging loop of the run
(reading, model, writing OUT.part), plus the final write of OUT; the model
is loaded before the clock starts. For the cluster, a warm-up run first
makes each worker load the model (what a long-running cluster has already
done); its time is reported separately. The outputs of all modes are
checked to be byte-identical.

  .venv/bin/python bench/bench_tag.py [--docs 10000] [--quick]
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import DATA, ROOT, rate, setup_logging, write_result  # noqa: E402
from bench.make_data import ensure_data  # noqa: E402

logger = logging.getLogger("bench.tag")

MODEL_DIR = DATA / "tag-model"
STEPS = 20
BIN = Path(sys.executable).parent


def bench_model() -> Path:
    """The committed config trained for a few steps on the seeds (made once)."""
    model = MODEL_DIR / "model-best"
    if not (model / "meta.json").is_file():
        subprocess.run([str(BIN / "vner"), "train", str(ROOT / "seeds" / "annotations.json"), "--output", str(MODEL_DIR),
                        "--training.max_steps", str(STEPS), "--training.eval_frequency", "10"], check=True)
    return model


def subset(n: int, work: Path) -> Path:
    """The first `n` documents of the 10,000-document scale data."""
    source = ensure_data(10000) / "docs.jsonl"
    work.mkdir(parents=True, exist_ok=True)
    path = work / "docs.jsonl"
    with open(source, encoding="utf-8") as f, open(path, "w", encoding="utf-8") as out:
        out.writelines(islice(f, n))
    return path


class LocalCluster:
    """`dask scheduler` and two `dask worker --nthreads 1` processes on loopback."""

    def __init__(self, work: Path, workers: int = 2):
        from vner.annotation.server import free_port

        self.address = f"tcp://127.0.0.1:{free_port(18786)}"
        self.work, self.workers, self.procs = work, workers, []

    def _start(self, name: str, argv: list[str], ready: str) -> None:
        log = self.work / f"{name}.log"
        with open(log, "wb") as f:
            self.procs.append(subprocess.Popen([str(BIN / "dask"), *argv], cwd=self.work, stdout=f, stderr=subprocess.STDOUT))
        deadline = time.monotonic() + 120
        while ready not in log.read_text(errors="replace"):
            if self.procs[-1].poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not start: {log.read_text(errors='replace')[-1000:]}")
            time.sleep(0.2)

    def __enter__(self) -> str:
        try:
            self._start("scheduler", ["scheduler", "--host", "127.0.0.1", "--port", self.address.rsplit(":", 1)[1], "--no-dashboard"], "Scheduler at:")
            for i in range(self.workers):
                self._start(f"worker{i}", ["worker", self.address, "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny", "--no-dashboard",
                                           "--local-directory", str(self.work / f"w{i}")], "Registered to:")
        except BaseException:
            self.__exit__()
            raise
        return self.address

    def __exit__(self, *exc) -> None:
        for p in reversed(self.procs):
            p.terminate()
        for p in self.procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def run(n_docs: int = 10000, quick: bool = False) -> dict:
    from vner.tagging import tag

    n_docs = 200 if quick else n_docs
    model = bench_model()
    result = {"docs": n_docs, "model": str(model.relative_to(ROOT)), "model_training_steps": STEPS, "quick": quick, "modes": {}}
    with tempfile.TemporaryDirectory(prefix="bench-tag-") as tmp:
        work = Path(tmp)
        docs = subset(n_docs, work)
        result["text_mb"] = round(docs.stat().st_size / 1e6, 1)
        outputs = {}

        def measure(name: str, **kwargs) -> None:
            out = work / f"{name.replace(' ', '_')}.jsonl"
            load_before = os.getloadavg()[0]
            start = time.perf_counter()
            report = tag([docs], model, out, **kwargs)
            seconds = time.perf_counter() - start
            loop = report.seconds
            result["modes"][name] = {
                "docs_per_s": round(rate(report.tagged, loop), 1),
                "seconds": round(loop, 2),
                "seconds_with_model_load": round(seconds, 2),
                "loadavg_1min_before": round(load_before, 2),
                "loadavg_1min_after": round(os.getloadavg()[0], 2),
            }
            outputs[name] = out.read_bytes()
            logger.info("%s: %d docs in %.1f s = %.1f docs/s", name, report.tagged, loop, rate(report.tagged, loop))

        measure("1 process")
        measure("n_process=2", n_process=2)
        with LocalCluster(work) as address:
            start = time.perf_counter()
            warm = subset(8, work / "warm")  # 8 one-document partitions at once: both workers load the model
            tag([warm], model, work / "warm.jsonl", scheduler=address, partition_size=1)
            result["cluster_warmup_seconds"] = round(time.perf_counter() - start, 2)
            measure("Dask, 2 workers", scheduler=address, partition_size=100)
        reference = outputs["1 process"]
        result["outputs_identical"] = all(b == reference for b in outputs.values())
    return result


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10000, help="documents of the scale data to tag (at most 10,000)")
    parser.add_argument("--quick", action="store_true", help="200 documents (a smoke run: numbers not meaningful)")
    args = parser.parse_args(argv)
    setup_logging()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so a killed run still stops its Dask processes
    write_result("tag", run(args.docs, args.quick))


if __name__ == "__main__":
    main()
