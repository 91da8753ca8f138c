"""Faults and bad input (issue #12): concurrency, kills, cut downloads, access.

Fault injection uses real processes against the real Label Studio of the
test session: two `vner push` processes at once, a push killed with SIGKILL,
and a download cut by killing the process it flows through (a byte-relaying
proxy in front of the server, so the session's server survives the test).
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from vner.annotation import labeling, server
from vner.annotation.labeling import add_user, connect, find_project, invite_link
from vner.annotation.pull import pull
from vner.annotation.push import Created, push, reconcile, span_digest, span_key
from vner.cli import app
from vner.core.documents import Document, read_documents
from vner.core.errors import VnerError
from vner.core.resources import SEED_GOLD, SEEDS
from vner.model.nlp import make_nlp

VNER = str(Path(sys.executable).parent / "vner")
DOC_IDS = sorted(d.id for d in read_documents([SEEDS]))


def unique(title):
    return f"{title} {time.monotonic_ns()}"


def flat(output: str) -> str:
    return " ".join(output.split())  # wasabi wraps long lines


# --- without a server ---------------------------------------------------------------


def test_port_left_in_time_wait_by_a_crash_counts_as_free():
    """A server that died a moment ago leaves its port in TIME_WAIT, not in use."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Label Studio's HTTP server does
    listener.bind((server.HOST, 0))
    listener.listen()
    port = listener.getsockname()[1]
    client = socket.create_connection((server.HOST, port))
    accepted, _ = listener.accept()
    accepted.close()  # the server side closes first: its port goes to TIME_WAIT
    time.sleep(0.2)
    client.close()
    listener.close()
    with socket.socket() as plain:  # what the old check did
        with pytest.raises(OSError):
            plain.bind((server.HOST, port))
    assert server.port_is_free(port)
    with socket.socket() as busy:
        busy.bind((server.HOST, 0))
        busy.listen()
        assert not server.port_is_free(busy.getsockname()[1])


def test_train_refuses_a_non_empty_output_without_force(tmp_path):
    out = tmp_path / "model"
    (out / "model-best").mkdir(parents=True)
    (out / "model-best" / "meta.json").write_text("{}")
    result = CliRunner().invoke(app, ["train", "-o", str(out), "--training.max_steps", "1"])
    assert result.exit_code == 1, result.output
    assert "Output folder not empty" in flat(result.output) and "--force" in result.output
    assert (out / "model-best" / "meta.json").read_text() == "{}"


def test_push_reads_annotations_of_a_hand_edited_export(tmp_path):
    from vner.annotation.push import PushReport, annotations_from_export

    odd = [{"type": "labels", "value": "start end"}, {"type": "labels", "value": {"start": 0, "end": 3, "labels": [["ORG"]]}},
           {"type": "labels", "value": {"start": "0", "end": 3, "labels": "ORG"}}, {"type": "labels", "value": {"start": 0, "end": 7, "labels": ["PROVINCE"]}}]
    export = tmp_path / "export.json"
    export.write_text(json.dumps([{"id": 1, "data": {"id": "d", "text": "Nghệ An"}, "annotations": [{"result": odd}]}]), encoding="utf-8")
    (pending,) = annotations_from_export(export, PushReport())
    keys = span_key(pending.annotation["result"])
    assert (0, 7, ("PROVINCE",)) in keys and len(keys) == 3
    assert pending.key == span_digest(pending.annotation["result"])


def test_push_keeps_an_export_annotation_remapped_to_nfc(tmp_path):
    """What the push keeps of an export (text key, packed annotation) is what
    the whole parsed task gave: offsets and span text in the NFC text."""
    from vner.annotation.push import PushReport, annotations_from_export, text_key

    nfd = "Ở Nghe\u0323\u0302 An"  # "Nghệ" written with combining marks
    value = {"start": 2, "end": 11, "text": nfd[2:11], "labels": ["PROVINCE"]}
    tasks = [{"id": 5, "data": {"id": "d", "text": nfd}, "annotations": [
        {"result": [{"from_name": "label", "to_name": "text", "type": "labels", "value": value}], "lead_time": 2.5},
        {"result": [], "was_cancelled": True}]}]
    export = tmp_path / "export.json"
    export.write_text(json.dumps(tasks), encoding="utf-8")
    report = PushReport()
    (pending,) = annotations_from_export(export, report)
    assert report.annotations_cancelled == 1
    assert (pending.doc_id, pending.source_task, pending.text_key) == ("d", 5, text_key("Ở Nghệ An"))
    (item,) = pending.annotation["result"]
    assert item["value"] == {"start": 2, "end": 9, "text": "Nghệ An", "labels": ["PROVINCE"]} and item["id"] == "a0"
    assert pending.annotation["lead_time"] == 2.5 and pending.annotation["ground_truth"] is False


@pytest.mark.parametrize("content,message", [
    ('[{"id": 1, "data": {"text": "Nghệ An"}, "annotations": []}, {"id": 2, "data": {"te', "line 1, column"),
    ('[{"id": 1, "data": {"text": "Nghệ An"}}, {"id": 2, "data": {"text": 7}}]', "task #1 (id 2)"),
    ('{"data": {"text": "Nghệ An"}}', "holds a JSON object, not a list"),
], ids=["broken-off", "task-without-text", "not-a-list"])
def test_push_refuses_a_bad_export_before_connecting(tmp_path, content, message):
    """The export is streamed, and still read to its end before anything is pushed."""
    export = tmp_path / "export.json"
    export.write_text(content, encoding="utf-8")
    conn = labeling.Connection(client=None, url="http://127.0.0.1:9")  # never used: nothing is sent
    with pytest.raises(VnerError) as e:
        push(conn, "never", [Document("d", "Nghệ An")], pre_annotate="none", annotations=export)
    assert message in str(e.value) and str(export) in str(e.value)


def test_server_refuses_sign_up_without_link_and_foreign_hosts():
    env = server.access_env(8123)
    assert env["DISABLE_SIGNUP_WITHOUT_LINK"] == "true"
    assert env["ALLOWED_HOSTS"].split(",") == ["127.0.0.1", "localhost"]
    assert "http://127.0.0.1:8123" in env["CSRF_TRUSTED_ORIGINS"].split(",")


# --- against the session's Label Studio -----------------------------------------------


@pytest.fixture(scope="module")
def conn(label_studio):
    with connect(label_studio.url, label_studio.api_key) as conn:
        yield conn


def tasks_of(ls_client, project_id):
    return list(ls_client.tasks.list(project=project_id, fields="all", page_size=1000))


def projects_titled(ls_client, title):
    return [p for p in ls_client.projects.list(page_size=100) if p.title == title]


def tiny_model(tmp_path):
    nlp = make_nlp()
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PROVINCE", "pattern": "Nghệ An"}, {"label": "ORG", "pattern": "Bộ Công an"}])
    nlp.meta.update(name="ruler", version="1.0.0")
    nlp.to_disk(tmp_path / "model")
    return tmp_path / "model"


def env_for(label_studio, **extra):
    return {**os.environ, "LABEL_STUDIO_URL": label_studio.url, "LABEL_STUDIO_API_KEY": label_studio.api_key,
            "PYTHONUNBUFFERED": "1", **extra}


@pytest.mark.slow
@pytest.mark.parametrize("machines,existing", [(1, False), (2, False), (2, True)],
                         ids=["same-machine-new-project", "two-machines-new-project", "two-machines-existing-project"])
def test_two_pushes_at_once_leave_one_of_everything(label_studio, ls_client, tmp_path, machines, existing):
    """Two real `vner push` processes at the same moment. On one machine they
    take turns (the lock); from two machines (separate lock dirs) both may
    import, and the reconciliation removes what was created twice."""
    title = unique("concurrent")
    if existing:
        with connect(label_studio.url, label_studio.api_key) as c:
            push(c, title, read_documents([SEEDS])[:1], pre_annotate="none")
    model = tiny_model(tmp_path)
    cmd = [VNER, "push", str(SEEDS), "--project", title, "--pre-annotate", str(model), "--annotations", str(SEED_GOLD)]
    procs = []
    for i in range(2):
        lock_dir = tmp_path / f"locks-{i if machines == 2 else 0}"
        procs.append(subprocess.Popen(cmd, env=env_for(label_studio, VNER_LOCK_DIR=str(lock_dir)), cwd=tmp_path,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
    outputs = [p.communicate(timeout=600)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    (project,) = projects_titled(ls_client, title)
    tasks = tasks_of(ls_client, project.id)
    assert sorted(t.data["id"] for t in tasks) == DOC_IDS
    for t in tasks:
        assert len(t.predictions) == 1, (t.data["id"], [p.id for p in t.predictions])
        assert len([a for a in t.annotations if not a["was_cancelled"]]) == 1, t.data["id"]
    # And the project is usable: no "Ambiguous project title" later.
    with connect(label_studio.url, label_studio.api_key) as c:
        again = push(c, title, [SEEDS], pre_annotate=str(model), annotations=SEED_GOLD)
    assert (again.tasks_created, again.predictions_added, again.annotations_added) == (0, 0, 0)


@pytest.mark.slow
def test_reconcile_removes_only_what_this_push_created_twice(conn, ls_client):
    """The race made deterministic: another push imported the documents first."""
    title = unique("reconcile")
    state = labeling.ensure_project(conn, title)
    docs = [{"data": {"id": f"d{i}", "text": f"Văn bản số {i} ở Nghệ An."}} for i in range(3)]
    theirs = ls_client.projects.import_tasks(id=state.id, request=docs, return_task_ids=True).task_ids
    ours = ls_client.projects.import_tasks(id=state.id, request=docs[:2], return_task_ids=True).task_ids
    result = [{"from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 19, "end": 26, "labels": ["PROVINCE"]}}]
    first = ls_client.annotations.create(id=theirs[2], result=result)
    second = ls_client.annotations.create(id=theirs[2], result=result)
    removed = reconcile(conn, state.id, Created(tasks=set(ours), annotations={second.id: theirs[2]}), None)
    assert (removed["tasks"], removed["annotations"]) == (2, 1)
    tasks = tasks_of(ls_client, state.id)
    assert sorted(t.id for t in tasks) == sorted(theirs)
    (kept,) = [t for t in tasks if t.id == theirs[2]][0].annotations
    assert kept["id"] == first.id


@pytest.mark.slow
def test_project_created_twice_keeps_the_oldest(conn, ls_client):
    title = unique("created twice")
    older = ls_client.projects.create(title=title, label_config=labeling.label_config())
    state = labeling._create_project(conn, title, labeling.label_config())  # as if find_project had seen nothing
    assert (state.id, state.created) == (older.id, False)
    assert [p.id for p in projects_titled(ls_client, title)] == [older.id]


@pytest.mark.slow
def test_push_killed_mid_import_is_finished_by_pushing_again(label_studio, conn, ls_client, tmp_path):
    n = 1500
    jsonl = tmp_path / "many.jsonl"
    jsonl.write_text("".join(json.dumps({"id": f"k{i}", "text": f"Công an tỉnh Nghệ An bắt {i} đối tượng"}, ensure_ascii=False) + "\n"
                             for i in range(n)), encoding="utf-8")
    title = unique("killed")
    proc = subprocess.Popen([VNER, "push", str(jsonl), "--project", title, "--pre-annotate", "none", "--batch-size", "20"],
                            env=env_for(label_studio), cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        count = 0
        while time.monotonic() < deadline and proc.poll() is None:
            project = find_project(conn, title)
            count = ls_client.projects.get(id=project.id).task_number if project else 0
            if count:
                break
            time.sleep(0.2)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    project = find_project(conn, title)
    landed = ls_client.projects.get(id=project.id).task_number
    assert 0 < landed < n, "the kill must land mid-import"
    report = push(conn, title, [jsonl], pre_annotate="none", batch_size=1000)
    assert report.tasks_existing == landed and report.tasks_created == n - landed
    ids = [t.data["id"] for t in ls_client.tasks.list(project=project.id, fields="all", page_size=1000)]
    assert len(ids) == len(set(ids)) == n


@pytest.mark.slow
def test_push_refuses_an_over_long_document_before_creating_anything(conn, ls_client):
    from vner.annotation.convert import MAX_CHARS

    title = unique("too long")
    docs = [Document("short", "Nghệ An", {}), Document("long", "a " * (MAX_CHARS // 2 + 1), {})]
    with pytest.raises(VnerError, match="Document too long") as e:
        push(conn, title, docs, pre_annotate="none")
    assert "'long'" in e.value.detail and "Split" in e.value.fix
    assert projects_titled(ls_client, title) == []


PROXY = r'''
import os, signal, socket, sys, threading
listen_port, upstream_port, cut = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
sent = [0]
def pipe(src, dst, state, to_client):
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            if not to_client and b"/download" in data.split(b"\r\n", 1)[0]:
                state["download"] = True
            if to_client and state.get("download"):
                sent[0] += len(data)
                if sent[0] > cut:
                    dst.sendall(data[: len(data) // 2])
                    os.kill(os.getpid(), signal.SIGKILL)  # the process dies mid-download
            dst.sendall(data)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", listen_port))
server.listen()
print("ready", flush=True)
while True:
    client, _ = server.accept()
    upstream = socket.create_connection(("127.0.0.1", upstream_port))
    state = {}
    threading.Thread(target=pipe, args=(client, upstream, state, False), daemon=True).start()
    threading.Thread(target=pipe, args=(upstream, client, state, True), daemon=True).start()
'''


@pytest.mark.slow
def test_pull_cut_mid_download_keeps_only_a_partial_file(label_studio, conn, ls_client, tmp_path):
    title = unique("cut download")
    docs = [Document(f"c{i}", f"Công an tỉnh Nghệ An làm việc với đoàn số {i} về phòng chống ma túy.", {}) for i in range(1500)]
    project_id = push(conn, title, docs, pre_annotate="none", batch_size=1500).project_id
    ls_client.annotations.create(id=tasks_of(ls_client, project_id)[0].id, result=[])
    script = tmp_path / "proxy.py"
    script.write_text(PROXY)
    port = server.free_port(18500)
    proxy = subprocess.Popen([sys.executable, str(script), str(port), str(label_studio.port), "100000"], stdout=subprocess.PIPE, text=True)
    try:
        assert proxy.stdout.readline().strip() == "ready"
        with connect(f"http://127.0.0.1:{port}", label_studio.api_key) as via_proxy:
            with pytest.raises(VnerError, match="Download incomplete") as e:
                pull(via_proxy, title, tmp_path / "out")
        proxy.wait(timeout=30)
    finally:
        proxy.kill()
        proxy.wait()
        proxy.stdout.close()
    assert proxy.returncode == -signal.SIGKILL, "the proxy must have died mid-download"
    raw = tmp_path / "out" / "raw"
    assert list(raw.glob("*.json")) == [], "no complete-looking export"
    (partial,) = raw.glob("export-*.json.partial")
    with pytest.raises(ValueError):
        json.loads(partial.read_bytes())
    assert str(partial) in e.value.detail and "again" in e.value.fix
    assert not (tmp_path / "out" / "corpus").exists()
    report = pull(conn, title, tmp_path / "out")  # "run again" works
    assert report.summary.tasks == 1500 and report.raw_path.suffix == ".json"


@pytest.mark.slow
def test_pull_of_a_single_annotated_document_saves_it(label_studio, conn, tmp_path, monkeypatch):
    title = unique("single")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    one = tmp_path / "one.json"
    one.write_text(json.dumps(gold[:1], ensure_ascii=False), encoding="utf-8")
    push(conn, title, [one], pre_annotate="none", annotations=one)
    monkeypatch.setenv("LABEL_STUDIO_URL", label_studio.url)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", label_studio.api_key)
    result = CliRunner().invoke(app, ["pull", "--project", title, "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "Only one annotated document" in flat(result.output)
    saved = json.loads((tmp_path / "out" / "corpus" / "report.json").read_text())
    assert saved["splits"] == {"train": [gold[0]["data"]["id"]], "dev": []}


@pytest.mark.slow
def test_sign_up_needs_the_invitation_link(label_studio, conn):
    url = label_studio.url
    with httpx.Client(base_url=url, follow_redirects=False) as web:
        web.get("/user/signup/")
        refused = web.post("/user/signup/", data={"email": "stranger@example.org", "password": "stranger-pass-1",
                                                  "csrfmiddlewaretoken": web.cookies.get("csrftoken", "")},
                           headers={"Referer": f"{url}/user/signup/"})
    assert refused.status_code == 403
    email = f"annotator-{time.monotonic_ns()}@vner.local"
    password = add_user(conn, email)
    assert "token=" in invite_link(conn)
    with httpx.Client(base_url=url, follow_redirects=False) as web:
        web.get("/user/login/")
        login = web.post("/user/login/", data={"email": email, "password": password, "csrfmiddlewaretoken": web.cookies.get("csrftoken", "")},
                         headers={"Referer": f"{url}/user/login/"})
        assert login.status_code == 302 and "/user/login" not in login.headers["location"]
        me = web.get("/api/current-user/whoami")
        assert me.status_code == 200 and me.json()["email"] == email
    with pytest.raises(VnerError, match="Could not add the user") as e:
        add_user(conn, email)
    assert "already exists" in e.value.detail


@pytest.mark.slow
def test_foreign_host_names_are_refused(label_studio):
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends Host: evil.example."""
    headers = {"Authorization": f"Token {label_studio.api_key}"}
    ok = httpx.get(f"{label_studio.url}/api/projects", headers=headers)
    assert ok.status_code == 200
    foreign = httpx.get(f"{label_studio.url}/api/projects", headers={**headers, "Host": f"evil.example:{label_studio.port}"})
    assert foreign.status_code == 400
    assert httpx.get(f"{label_studio.url}/health", headers={"Host": f"localhost:{label_studio.port}"}).status_code == 200


@pytest.mark.slow
def test_show_credentials_and_add_user_while_the_server_runs(label_studio):
    data_dir = str(label_studio.data_dir)
    result = CliRunner().invoke(app, ["annotate", "--data-dir", data_dir, "--show-credentials"])
    assert result.exit_code == 0, result.output
    assert label_studio.password in result.output and label_studio.api_key in result.output
    assert "token=" in result.output and label_studio.url in result.output
    email = f"lead-added-{time.monotonic_ns()}@vner.local"
    result = CliRunner().invoke(app, ["annotate", "--data-dir", data_dir, "--add-user", email])
    assert result.exit_code == 0, result.output
    assert f"Added {email} with password" in flat(result.output) and label_studio.password not in result.output
    assert label_studio.running
