"""`vner tag --scheduler`: a real Dask cluster (one scheduler, two worker
processes on loopback, started here) writes the bytes one process writes."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from vner.annotation.server import free_port
from vner.core.errors import VnerError
from vner.tagging import tag

pytestmark = pytest.mark.slow
DASK = Path(sys.executable).parent / "dask"


def _wait_for(log: Path, text: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while text not in log.read_text(errors="replace"):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{proc.args[:3]} did not start:\n{log.read_text(errors='replace')[-2000:]}")
        time.sleep(0.2)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """tcp://127.0.0.1:PORT of a scheduler with two single-threaded workers."""
    work = tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{free_port(18786)}"
    procs = []

    def start(name, argv, ready):
        log = work / f"{name}.log"
        with open(log, "wb") as f:
            procs.append(subprocess.Popen([str(DASK), *argv], cwd=work, stdout=f, stderr=subprocess.STDOUT))
        _wait_for(log, ready, procs[-1])

    try:
        port = address.rsplit(":", 1)[1]
        start("scheduler", ["scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"], "Scheduler at:")
        for i in range(2):
            start(f"worker{i}", ["worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny",
                                 "--no-dashboard", "--local-directory", str(work / f"w{i}")], "Registered to:")
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


@pytest.mark.parametrize("fmt", ["jsonl", "labelstudio"])
def test_cluster_output_is_byte_identical(cluster, tiny_model, make_corpus, tmp_path, fmt):
    corpus = make_corpus(tmp_path / "docs.jsonl", 230)
    local, remote = tmp_path / "local.out", tmp_path / "cluster.out"
    tag([corpus], tiny_model, local, fmt=fmt)
    report = tag([corpus], tiny_model, remote, fmt=fmt, scheduler=cluster, partition_size=17)
    assert report.tagged == report.total == 230 and report.where == f"Dask cluster {cluster}"
    assert remote.read_bytes() == local.read_bytes()


def test_cluster_resume(cluster, tiny_model, make_corpus, tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    half, full = make_corpus(tmp_path / "a/docs.jsonl", 40), make_corpus(tmp_path / "b/docs.jsonl", 90)
    out, fresh = tmp_path / "out.jsonl", tmp_path / "fresh.jsonl"
    tag([half], tiny_model, out, scheduler=cluster, partition_size=16)
    report = tag([full], tiny_model, out, scheduler=cluster, partition_size=16, resume=True)
    assert (report.skipped, report.tagged) == (40, 50)
    tag([full], tiny_model, fresh)
    assert out.read_bytes() == fresh.read_bytes()


def test_workers_without_the_model(cluster, corpus, tmp_path):
    with pytest.raises(VnerError) as e:
        tag([corpus], tmp_path / "nowhere", tmp_path / "o.jsonl", scheduler=cluster)
    assert e.value.title == "Model not found" and "on a Dask worker" in e.value.detail
    assert not (tmp_path / "o.jsonl").exists() and not (tmp_path / "o.jsonl.part").exists()


def test_no_scheduler_there(corpus, tiny_model, tmp_path):
    address = f"tcp://127.0.0.1:{free_port(19786)}"
    with pytest.raises(VnerError, match="Cannot reach the Dask scheduler") as e:
        tag([corpus], tiny_model, tmp_path / "o.jsonl", scheduler=address)
    assert address in e.value.detail
