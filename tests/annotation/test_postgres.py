"""Label Studio on a real PostgreSQL (Debian's `postgresql`, started here in a
temporary data directory on a free loopback port): push, annotate, pull,
convert, as on SQLite."""

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from spacy.tokens import DocBin

from vner.annotation.database import database_env
from vner.annotation.labeling import connect
from vner.annotation.pull import pull
from vner.annotation.push import push
from vner.annotation.server import free_port, start_server
from vner.core.errors import VnerError
from vner.core.resources import SEED_GOLD, SEEDS
from vner.model.nlp import make_nlp

pytestmark = pytest.mark.slow
GOLD = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
PG_BIN = sorted(Path("/usr/lib/postgresql").glob("*/bin"))


def _as_owner(argv, **kw):
    """PostgreSQL refuses to run as root: as root, run it as the `postgres` user."""
    if os.geteuid() == 0:
        argv = ["runuser", "-u", "postgres", "--", *argv]
    return subprocess.run(argv, check=True, capture_output=True, **kw)


@pytest.fixture(scope="module")
def postgres():
    """(url, password) of a fresh PostgreSQL with an empty database `labels`."""
    if not PG_BIN:
        pytest.fail("PostgreSQL is not installed: make system-deps (apt-get install postgresql)")
    bindir = PG_BIN[-1]
    root = Path(tempfile.mkdtemp(prefix="vner-pg-"))
    password = f"pw-{time.monotonic_ns()}"
    (root / "pw").write_text(password)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(root / "pw", "postgres")
    port = free_port(15432)
    data = root / "data"
    try:
        _as_owner([str(bindir / "initdb"), "-D", str(data), "-U", "vner", f"--pwfile={root / 'pw'}", "--auth=scram-sha-256", "-E", "UTF8"])
        _as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "start",
                   "-o", f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={root}"])
        env = {**os.environ, "PGPASSWORD": password}
        subprocess.run([str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "vner", "labels"], check=True, env=env)
        yield f"postgresql://vner@127.0.0.1:{port}/labels", password, bindir
    finally:
        if (data / "postmaster.pid").exists():
            _as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"])
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def pg_server(postgres, tmp_path_factory):
    url, password, _ = postgres
    settings = database_env(url, environ={"VNER_DATABASE_PASSWORD": password})
    data_dir = tmp_path_factory.mktemp("ls-pg")
    server = start_server(data_dir, port=free_port(18180), database=settings)
    try:
        yield server
    finally:
        server.stop()


def _sql(postgres, query: str) -> str:
    url, password, bindir = postgres
    port = url.rsplit(":", 1)[1].split("/")[0]
    out = subprocess.run([str(bindir / "psql"), "-h", "127.0.0.1", "-p", port, "-U", "vner", "-d", "labels", "-tAc", query],
                         check=True, capture_output=True, text=True, env={**os.environ, "PGPASSWORD": password})
    return out.stdout.strip()


def test_push_annotate_pull_convert_on_postgres(postgres, pg_server, tmp_path):
    with connect(pg_server.url, pg_server.api_key) as conn:
        report = push(conn, "on postgres", [SEEDS], pre_annotate="none", annotations=SEED_GOLD)
        assert (report.tasks_created, report.annotations_added) == (5, 5)
        # Annotate through the API: one more annotation, on the first task.
        tasks = list(conn.client.tasks.list(project=report.project_id, fields="all"))
        first = sorted(tasks, key=lambda t: t.data["id"])[0]
        conn.client.annotations.create(id=first.id, result=[], was_cancelled=True)
        pulled = pull(conn, "on postgres", tmp_path / "pulled", dev_fraction=0.2, seed=0)
    s = pulled.summary
    assert (s.tasks, s.annotated, s.cancelled) == (5, 5, 1)
    docs = []
    for part in ("train", "dev"):
        docs += list(DocBin().from_disk(tmp_path / "pulled" / "corpus" / f"{part}.spacy").get_docs(make_nlp().vocab))
    gold = {t["data"]["id"]: {(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in t["annotations"][0]["result"]} for t in GOLD}
    assert sorted(d.user_data["id"] for d in docs) == sorted(gold)
    for doc in docs:
        assert {(e.start_char, e.end_char, e.label_) for e in doc.ents} == gold[doc.user_data["id"]]
    # The tasks are in PostgreSQL, and Label Studio made no SQLite file.
    assert int(_sql(postgres, "select count(*) from task")) == 5
    assert not list(Path(pg_server.data_dir).rglob("*.sqlite3"))


@pytest.mark.parametrize(
    "url,env,title",
    [
        ("postgresql://vner:pw@h:5432/db", {"PGPASSWORD": "x"}, "Password in the --database URL"),
        ("mysql://vner@h:3306/db", {"PGPASSWORD": "x"}, "Unsupported database"),
        ("postgresql://h:5432/db", {"PGPASSWORD": "x"}, "Incomplete --database URL"),
        ("postgresql://vner@h:5432/db", {}, "No database password"),
    ],
)
def test_database_url_errors(url, env, title):
    with pytest.raises(VnerError) as e:
        database_env(url, environ=env)
    assert e.value.title == title and e.value.fix


def test_password_file_must_be_private(tmp_path):
    f = tmp_path / "pw"
    f.write_text("secret\n")
    f.chmod(0o644)
    with pytest.raises(VnerError, match="readable by others"):
        database_env("postgresql://vner@h/db", f, environ={})
    f.chmod(0o600)
    assert database_env("postgresql://vner@h/db", f, environ={})["POSTGRE_PASSWORD"] == "secret"


def test_two_pushes_at_once_leave_each_document_once(postgres, pg_server, tmp_path):
    """Two `vner push` processes as if from two machines (separate lock
    folders, so they do not take turns): each document, and each gold
    annotation, ends up in the project once."""
    import sys

    vner = Path(sys.executable).parent / "vner"
    title = f"concurrent {time.monotonic_ns()}"
    procs = []
    for i in range(2):
        env = {**os.environ, "LABEL_STUDIO_URL": pg_server.url, "LABEL_STUDIO_API_KEY": pg_server.api_key,
               "VNER_LOCK_DIR": str(tmp_path / f"locks{i}")}
        argv = [str(vner), "push", str(SEEDS), "--project", title, "--pre-annotate", "none", "--annotations", str(SEED_GOLD)]
        procs.append(subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT))
    outputs = [p.communicate(timeout=600)[0].decode(errors="replace") for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    with connect(pg_server.url, pg_server.api_key) as conn:
        (project,) = [p for p in conn.client.projects.list() if p.title == title]
        tasks = list(conn.client.tasks.list(project=project.id, fields="all"))
    assert sorted(t.data["id"] for t in tasks) == sorted(t["data"]["id"] for t in GOLD)
    assert [len(t.annotations) for t in tasks] == [1] * 5
