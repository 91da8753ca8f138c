"""Push and pull against a real local Label Studio (started like `vner annotate`).

Measured with the owner's functions (`vner.annotation.push.push`, `vner pull`):

  push        N documents into a new project (docs/s, HTTP requests made)
  push again  the same N documents: must add 0 tasks (time, requests)
  push rules  documents with the default rule-based pre-annotation
  push + annotations  documents with the annotations of an export, at
              growing sizes: how the time grows (exponent of a log-log fit)
  pull        `vner pull` in a child process on annotated projects of
              several sizes: tasks/s, peak RSS, requests (server log lines)

Requests made in this process are counted by a hook on the SDK's httpx
client; requests of a child process by the server's access log lines.
Annotated projects for the pulls are filled with the SDK's `import_tasks`
in batches (set-up, not measured).

  .venv/bin/python bench/bench_labelstudio.py [--quick]

At one scale (`--tasks N`, e.g. 10000 or 50000), every step is the command
a user runs, in a child process of its own, so each has its own wall time,
CPU seconds and peak RSS (`os.wait4`), and its requests are the server's
access log lines:

  first push    `vner push docs.jsonl --pre-annotate none` into a new project
  second push   the same again: must add 0 tasks
  push + annotations  `vner push docs.jsonl --annotations export.json` into
                another new project (N documents, N annotations)
  pull          `vner pull` of that annotated project (export + convert)

plus the load average before and after each step and the CPU seconds the
Label Studio server spent on it (its process group). Written to
bench/results/labelstudio-<N>.json.

  .venv/bin/python bench/bench_labelstudio.py --tasks 10000
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import VNER, growth_exponent, rate, run_rusage, setup_logging, write_result  # noqa: E402
from bench.make_data import ensure_data  # noqa: E402

logger = logging.getLogger("bench.labelstudio")

FULL = {"push": 10000, "push_rules": 300, "push_annotations": (250, 500, 1000), "pull": (2500, 5000, 10000)}
QUICK = {"push": 400, "push_rules": 30, "push_annotations": (50, 100, 200), "pull": (50, 100, 200)}

REQUEST_LINE = re.compile(r'django\.server::log_message.*"(GET|POST|PUT|PATCH|DELETE|HEAD) (\S+) HTTP')


class RequestCounter:
    """Counts the HTTP requests an SDK connection sends, by method and path."""

    def __init__(self, conn):
        http = getattr(conn, "http", None) or conn.client._client_wrapper.httpx_client.httpx_client
        self.n = 0
        self.paths: dict[str, int] = {}
        hooks = dict(http.event_hooks)
        hooks["request"] = [*hooks.get("request", []), self._hook]
        http.event_hooks = hooks

    def _hook(self, request) -> None:
        self.n += 1
        key = f"{request.method} {_generic(request.url.path)}"
        self.paths[key] = self.paths.get(key, 0) + 1

    def take(self) -> dict:
        out = {"requests": self.n, "by_endpoint": dict(sorted(self.paths.items()))}
        self.n, self.paths = 0, {}
        return out


class ServerLog:
    """Request lines the server logged between two marks.

    Label Studio writes a request's log line after it has sent the response, so
    a line can land after the client has moved on: reading the file at a
    moment miscounts (a connect's ``whoami`` once showed up in the first push's
    window). With a ``url``, each ``take()`` first sends a marker request (a
    ``/health`` the SDK never sends) and waits for its line, so a window holds
    exactly the requests made between two takes.
    """

    MARK = "vner-bench-mark"

    def __init__(self, path: Path, url: str | None = None, timeout: float = 30.0):
        self.path, self.url, self.timeout = path, url, timeout
        self.offset = path.stat().st_size if path.exists() else 0
        self.marks = 0
        if url:
            self.take()

    def _read(self) -> bytes:
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            return f.read()

    def _lines(self) -> list[str]:
        if not self.url:
            data = self._read()
            complete = data[: data.rfind(b"\n") + 1]  # a line still being written waits for the next take
            self.offset += len(complete)
            return complete.decode("utf-8", errors="replace").splitlines()
        self.marks += 1
        mark = f"{self.MARK}={os.getpid()}-{self.marks}"
        with urllib.request.urlopen(f"{self.url}/health?{mark}", timeout=self.timeout) as answer:
            answer.read()
        needle, deadline = f"{mark} HTTP".encode(), time.monotonic() + self.timeout
        while True:
            data = self._read()
            at = data.find(needle)
            end = data.find(b"\n", at) if at >= 0 else -1
            if end >= 0:
                break
            if time.monotonic() > deadline:
                raise TimeoutError(f"the marker request {mark} never reached {self.path}")
            time.sleep(0.05)
        # every line up to the marker's (its twin from the second handler, if later, is left out next time)
        self.offset += end + 1
        lines = data[: end + 1].decode("utf-8", errors="replace").splitlines()
        return [line for line in lines if self.MARK not in line]

    def take(self) -> dict:
        requests, previous = [], None
        for line in self._lines():
            m = REQUEST_LINE.search(line)
            if m:
                if line != previous:  # Label Studio logs each record to two handlers
                    requests.append(f"{m.group(1)} {_generic(m.group(2).split('?')[0])}")
                previous = line
            else:
                previous = None
        by = {}
        for r in requests:
            by[r] = by.get(r, 0) + 1
        return {"requests": len(requests), "by_endpoint": dict(sorted(by.items()))}


def _generic(path: str) -> str:
    """An endpoint without its ids.

    >>> _generic("/api/projects/12/import")
    '/api/projects/{id}/import'
    """
    return re.sub(r"/\d+", "/{id}", path)


def _take(log: ServerLog | None) -> dict:
    return log.take() if log else {"requests": None}


def read_docs(n: int):
    from vner.core.documents import read_documents

    return read_documents([ensure_data(n) / "docs.jsonl"])


def fill_project(conn, title: str, tasks: list[dict], batch: int = 500) -> int:
    """Set-up for the pulls: add these tasks, with their annotations, to the project."""
    from vner.annotation.labeling import ensure_project

    state = ensure_project(conn, title)
    keep = ("result", "ground_truth", "lead_time", "was_cancelled")
    for i in range(0, len(tasks), batch):
        payload = [{"data": t["data"], "annotations": [{k: a[k] for k in keep if k in a} for a in t["annotations"]]}
                   for t in tasks[i:i + batch]]
        conn.client.projects.import_tasks(id=state.id, request=payload)
    return len(tasks)


class _External:
    """An already running Label Studio (--url), used as is and left running."""

    def __init__(self, url: str, api_key: str, log_path: Path | None):
        self.url, self.api_key, self.log_path = url, api_key, log_path

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None


def _open_server(tmp: Path, result: dict, url: str | None, server_log_path: Path | None, server) -> tuple:
    """The Label Studio to measure and its process group: `server` (a running
    `Server`, e.g. a test session's) or `url`, left running, else one started in `tmp`."""
    from vner.annotation.server import start_server

    t0 = time.perf_counter()
    if server is not None:
        opened, pgid = _External(server.url, server.api_key, server.log_path), server.process.pid
    elif url:
        opened, pgid = _External(url, os.environ["LABEL_STUDIO_API_KEY"], server_log_path), None
    else:
        opened = start_server(tmp / "label-studio")
        result["server_boot_seconds"] = round(time.perf_counter() - t0, 1)
        pgid = opened.process.pid  # started in a session of its own: its pid is the group id
    logger.info("Label Studio up at %s after %.0f s", opened.url, time.perf_counter() - t0)
    return opened, pgid


def run(quick: bool = False, only: set[str] | None = None, url: str | None = None, server_log_path: Path | None = None,
        sizes: dict | None = None, server=None) -> dict:
    from vner.annotation.labeling import connect
    from vner.annotation.push import push
    import vner.annotation.convert  # noqa: F401  (imported once up front, not inside the first timing)

    sizes = sizes or (QUICK if quick else FULL)
    want = lambda part: only is None or part in only  # noqa: E731
    result: dict = {"quick": quick, "sizes": sizes}
    tmp = Path(tempfile.mkdtemp(prefix="bench-ls-"))
    try:
        server, _ = _open_server(tmp, result, url, server_log_path, server)
        tag = time.strftime("%H%M%S")  # project titles unique per run on a reused server
        with server:
            conn = connect(server.url, server.api_key, timeout=3600)
            counter = RequestCounter(conn)
            server_log = ServerLog(server.log_path, server.url) if server.log_path else None
            if want("push"):
                n = sizes["push"]
                docs = read_docs(n)
                rows = {}
                for label in ("first push", "second push (idempotent)"):
                    logger.info("%s: %d documents", label, n)
                    counter.take()
                    _take(server_log)
                    t = time.perf_counter()
                    report = push(conn, f"bench-push-{tag}", docs, pre_annotate=None)
                    seconds = time.perf_counter() - t
                    rows[label] = {
                        "documents": n, "seconds": round(seconds, 2), "docs_per_s": rate(n, seconds),
                        "tasks_created": report.tasks_created, "tasks_existing": report.tasks_existing,
                        "tasks_total": report.tasks_total,
                        **counter.take(), "server_logged_requests": _take(server_log)["requests"],
                    }
                result["push"] = rows
            if want("push_rules"):
                n = sizes["push_rules"]
                docs = read_docs(max(n, sizes["push"]))[:n] if want("push") else read_docs(n)
                logger.info("push with the default rule-based pre-annotation: %d documents", n)
                counter.take()
                t = time.perf_counter()
                report = push(conn, f"bench-push-rules-{tag}", docs)
                seconds = time.perf_counter() - t
                result["push_rules"] = {"documents": n, "seconds": round(seconds, 2), "docs_per_s": rate(n, seconds),
                                        "tasks_created": report.tasks_created, "model_version": report.model_version,
                                        "prediction_spans": report.prediction_spans, **counter.take()}
            if want("push_annotations"):
                rows = []
                for n in sizes["push_annotations"]:
                    data = ensure_data(n)
                    docs = read_docs(n)
                    logger.info("push with --annotations: %d documents, %d annotations", n, n)
                    counter.take()
                    t = time.perf_counter()
                    report = push(conn, f"bench-annotations-{n}-{tag}", docs, pre_annotate=None, annotations=data / "export.json")
                    seconds = time.perf_counter() - t
                    rows.append({"documents": n, "seconds": round(seconds, 2), "docs_per_s": rate(n, seconds),
                                 "tasks_created": report.tasks_created, "annotations_added": report.annotations_added,
                                 **counter.take()})
                result["push_annotations"] = {
                    "rows": rows,
                    "time_growth_exponent": growth_exponent([r["documents"] for r in rows], [r["seconds"] for r in rows]),
                }
            if want("pull"):
                # One project grows to each size in turn (the first n generated
                # tasks are the same at every size), so set-up imports each task once.
                rows, title, have = [], f"bench-pull-{tag}", 0
                tasks = json.loads((ensure_data(max(sizes["pull"])) / "export.json").read_text(encoding="utf-8"))
                for n in sizes["pull"]:
                    logger.info("set-up: importing annotated tasks %d..%d into %r", have + 1, n, title)
                    t = time.perf_counter()
                    fill_project(conn, title, tasks[have:n])
                    setup_seconds, have = time.perf_counter() - t, n
                    out = tmp / f"pull-{n}"
                    logger.info("vner pull: %d tasks", n)
                    _take(server_log)
                    r = run_rusage(
                        [str(VNER), "pull", "--project", title, "--output", str(out)],
                        env={"LABEL_STUDIO_URL": server.url, "LABEL_STUDIO_API_KEY": server.api_key},
                        timeout=7200,
                    )
                    corpus = json.loads((out / "corpus" / "report.json").read_text(encoding="utf-8"))
                    rows.append({
                        "tasks": n, "seconds": round(r["seconds"], 2), "tasks_per_s": rate(n, r["seconds"]),
                        "cpu_seconds": round(r["user_seconds"] + r["system_seconds"], 2),
                        "peak_rss_mib": r["peak_rss_mib"], "export_mb": round(sum(p.stat().st_size for p in (out / "raw").iterdir()) / 1e6, 1),
                        "entities_in_corpus": corpus.get("entities_total"), "spans_dropped": corpus.get("spans_dropped"),
                        "gold_entities": sum(len(t["annotations"][0]["result"]) for t in tasks[:n]),
                        **_take(server_log), "import_setup_seconds": round(setup_seconds, 1),
                    })
                    shutil.rmtree(out, ignore_errors=True)
                del tasks
                result["pull"] = {
                    "rows": rows,
                    "memory_growth_exponent": growth_exponent([r["tasks"] for r in rows], [r["peak_rss_mib"] for r in rows]),
                    "time_growth_exponent": growth_exponent([r["tasks"] for r in rows], [r["seconds"] for r in rows]),
                }
            if hasattr(conn, "close"):
                conn.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return result


def _server_cpu_seconds(pgid: int | None) -> float | None:
    """User + system CPU seconds of every process in the server's process group,
    with the reaped children of each (Linux /proc; None elsewhere)."""
    if pgid is None or not Path("/proc").is_dir():
        return None
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields[k] is field k + 3 of proc(5): 5 pgrp, 14-17 times
            total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
    return round(total / tick, 2)


def _project_counts(conn, title: str) -> dict:
    """Tasks and annotations of the project, as the server counts them."""
    from vner.annotation.labeling import get_project

    project = conn.client.projects.get(id=get_project(conn, title).id)
    return {"tasks": project.task_number, "annotations": project.total_annotations_number}


def _commit() -> str | None:
    """The commit of the code measured (with "+changes" when what push and pull run differs from it)."""
    import subprocess

    root = Path(__file__).resolve().parents[1]
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "annotation", "vner/core", "vner/cli"], cwd=root,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return head + ("+changes" if dirty else "")


def _loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def run_scale(n: int, *, url: str | None = None, server_log_path: Path | None = None, n_docs: int | None = None,
              pull_only: bool = False, server=None) -> dict:
    """First push, second push, push with annotations and pull of `n` tasks, each
    as a `vner` command in a child process (see the module docstring).

    `pull_only`: only the pull, of a project filled with the SDK's
    `import_tasks` (set-up, not measured), to reach sizes the pushes would
    take too long for."""
    from vner.annotation.labeling import connect

    data = ensure_data(n)
    info = json.loads((data / "info.json").read_text(encoding="utf-8"))
    result: dict = {"mode": "scale pull only" if pull_only else "scale", "tasks": n, "data": {k: info[k] for k in ("tasks", "spans", "chars", "export_bytes")},
                    "code": _commit(), "loadavg_at_start": _loadavg()}
    tmp = Path(tempfile.mkdtemp(prefix="bench-ls-"))
    try:
        server, pgid = _open_server(tmp, result, url, server_log_path, server)
        tag = time.strftime("%H%M%S")
        env = {"LABEL_STUDIO_URL": server.url, "LABEL_STUDIO_API_KEY": server.api_key}
        steps: dict = {}
        with server:
            conn = connect(server.url, server.api_key, timeout=3600)
            server_log = ServerLog(server.log_path, server.url) if server.log_path else None
            plain, annotated = f"bench-push-{n}-{tag}", f"bench-annotations-{n}-{tag}"
            docs = data / "docs.jsonl"
            commands = {
                "first push": (plain, ["push", docs, "--project", plain, "--pre-annotate", "none"]),
                "second push (idempotent)": (plain, ["push", docs, "--project", plain, "--pre-annotate", "none"]),
                "push with annotations": (annotated, ["push", docs, "--project", annotated, "--pre-annotate", "none",
                                                      "--annotations", data / "export.json"]),
                "pull": (annotated, ["pull", "--project", annotated, "--output", tmp / "pull"]
                         + (["--n-docs", str(n_docs)] if n_docs else [])),
            }
            if pull_only:  # set-up, not measured: the annotated tasks imported with the SDK, a batch at a time
                from vner.annotation.convert import iter_export

                commands = {"pull": commands["pull"]}
                logger.info("set-up: importing %d annotated tasks into %r", n, annotated)
                t, batch = time.perf_counter(), []
                for task in iter_export(data / "export.json", check=False):
                    batch.append(task)
                    if len(batch) == 500:
                        fill_project(conn, annotated, batch)
                        batch = []
                fill_project(conn, annotated, batch)
                result["import_setup_seconds"] = round(time.perf_counter() - t, 1)
            for label, (title, args) in commands.items():
                new_project = label in ("first push", "push with annotations")
                before = {"tasks": 0, "annotations": 0} if new_project else _project_counts(conn, title)
                _take(server_log)
                load_before, cpu_before = _loadavg(), _server_cpu_seconds(pgid)
                logger.info("%s: %d tasks (load %s)", label, n, load_before)
                r = run_rusage([VNER, *args], env=env, timeout=7200)
                cpu_after, load_after = _server_cpu_seconds(pgid), _loadavg()
                requests = _take(server_log)
                after = _project_counts(conn, title)
                row = {
                    "tasks": n, "seconds": round(r["seconds"], 2), "tasks_per_s": rate(n, r["seconds"]),
                    "cpu_seconds": round(r["user_seconds"] + r["system_seconds"], 2),
                    "peak_rss_mib": r["peak_rss_mib"],
                    "server_cpu_seconds": round(cpu_after - cpu_before, 2) if cpu_before is not None and cpu_after is not None else None,
                    "loadavg_before": load_before, "loadavg_after": load_after,
                    "project_tasks_after": after["tasks"], "project_annotations_after": after["annotations"],
                    "tasks_created": after["tasks"] - before["tasks"],
                    "annotations_created": after["annotations"] - before["annotations"],
                    **requests,
                }
                if label == "pull":
                    out = tmp / "pull"
                    corpus = json.loads((out / "corpus" / "report.json").read_text(encoding="utf-8"))
                    row.update({
                        "export_mb": round(sum(p.stat().st_size for p in (out / "raw").iterdir()) / 1e6, 1),
                        "entities_in_corpus": corpus.get("entities_total"), "spans_dropped": corpus.get("spans_dropped"),
                        "gold_entities": info["spans"],
                        "corpus_files": sorted(str(p.relative_to(out / "corpus")) for p in (out / "corpus").rglob("*.spacy")
                                               if p.is_file()),
                    })
                    shutil.rmtree(out, ignore_errors=True)
                logger.info("%s: %.1f s, %.1f CPU s, peak %.0f MiB, %s requests", label, row["seconds"], row["cpu_seconds"],
                            row["peak_rss_mib"], row["requests"])
                steps[label] = row
            result["steps"] = steps
            result["loadavg_at_end"] = _loadavg()
            result["cpu_seconds_total"] = {
                "vner": round(sum(r["cpu_seconds"] for r in steps.values()), 2),
                "server": round(sum(r["server_cpu_seconds"] or 0 for r in steps.values()), 2),
            }
            if hasattr(conn, "close"):
                conn.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return result


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", nargs="*", choices=["push", "push_rules", "push_annotations", "pull"], default=None)
    parser.add_argument("--url", help="use this running Label Studio (API key in LABEL_STUDIO_API_KEY) instead of starting one")
    parser.add_argument("--server-log", type=Path, help="its log file, to count the requests of child processes")
    parser.add_argument("--tasks", type=int, help="measure push, second push, push with annotations and pull of this many "
                        "tasks, each as a vner command (writes results/labelstudio-<tasks>.json)")
    parser.add_argument("--pull-only", action="store_true", help="with --tasks: only vner pull, of a project filled by the "
                        "SDK's import (writes results/labelstudio-pull-<tasks>.json)")
    parser.add_argument("--n-docs", type=int, help="with --tasks: documents per .spacy shard for vner pull (default: vner's)")
    args = parser.parse_args(argv)
    if args.url and not os.environ.get("LABEL_STUDIO_API_KEY"):
        parser.error(f"--url {args.url} needs the server's API key in the environment: export LABEL_STUDIO_API_KEY=... "
                     "(Account & Settings -> Legacy Token), then run again")
    setup_logging()
    if args.tasks is not None:
        if args.tasks < 1:
            parser.error(f"--tasks must be at least 1, not {args.tasks}")
        name = f"labelstudio-{'pull-' if args.pull_only else ''}{args.tasks}"
        write_result(name, run_scale(args.tasks, url=args.url, server_log_path=args.server_log, n_docs=args.n_docs,
                                     pull_only=args.pull_only))
        return
    write_result("labelstudio", run(quick=args.quick, only=set(args.only) if args.only else None, url=args.url, server_log_path=args.server_log))


if __name__ == "__main__":
    main()
