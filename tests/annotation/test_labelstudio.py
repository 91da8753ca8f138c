"""Push, pull and errors against a real Label Studio (the session fixture)."""

import json
import socket
import time

import pytest
from spacy.tokens import DocBin
from typer.testing import CliRunner

from vner.annotation import labeling, server
from vner.evaluation.agreement import agreement_from_export
from vner.annotation.labeling import connect, ensure_project, find_project, get_project
from vner.annotation.pull import pull
from vner.annotation.push import push
from vner.cli import app
from vner.core.documents import read_documents
from vner.core.errors import VnerError
from vner.model.nlp import make_nlp
from vner.core.resources import SEED_GOLD, SEEDS

pytestmark = pytest.mark.slow

GOLD = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
DOC_IDS = sorted(t["data"]["id"] for t in GOLD)


@pytest.fixture(scope="module")
def conn(label_studio):
    with connect(label_studio.url, label_studio.api_key) as conn:
        yield conn


def unique(title):
    return f"{title} {time.monotonic_ns()}"


def tasks_of(ls_client, project_id):
    return list(ls_client.tasks.list(project=project_id, fields="all", page_size=1000))


def model(tmp_path, version):
    """A tiny saved pipeline (entity ruler) to pre-annotate with."""
    nlp = make_nlp()
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PROVINCE", "pattern": "Nghệ An"}, {"label": "ORG", "pattern": "Bộ Công an"},
                        {"label": "NOT_IN_SCHEME", "pattern": "Lào"}])
    nlp.meta["name"] = "ruler"
    nlp.meta["version"] = version
    path = tmp_path / f"model-{version}"
    nlp.to_disk(path)
    return path


def gold_spans(task):
    return {(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in task["annotations"][0]["result"]}


def result_spans(results):
    return {(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in results}


def test_push_twice_and_new_model_versions(conn, ls_client, tmp_path):
    title = unique("push twice")
    v1, v2 = model(tmp_path, "1.0.0"), model(tmp_path, "2.0.0")
    first = push(conn, title, [SEEDS], pre_annotate=str(v1))
    assert first.project_created and first.tasks_created == 5 and first.predictions_added == 5
    assert first.prediction_spans_dropped > 0  # NOT_IN_SCHEME ("Lào") is not pushed
    again = push(conn, title, [SEEDS], pre_annotate=str(v1))
    assert (again.tasks_created, again.tasks_existing, again.predictions_added, again.predictions_existing) == (0, 5, 0, 5)
    tasks = tasks_of(ls_client, first.project_id)
    assert sorted(t.data["id"] for t in tasks) == DOC_IDS
    docs = {d.id: d for d in read_documents([SEEDS])}
    for t in tasks:
        assert t.data["text"] == docs[t.data["id"]].text and t.data["meta"] == docs[t.data["id"]].meta
        (pred,) = t.predictions
        assert pred.model_version == first.model_version == "vi_ruler-1.0.0"
        labels = {r["value"]["labels"][0] for r in pred.result}
        assert labels <= {"PROVINCE", "ORG"}
        for r in pred.result:
            assert t.data["text"][r["value"]["start"]:r["value"]["end"]] == r["value"]["text"]
    assert sum(len(t.predictions[0].result) for t in tasks) == first.prediction_spans > 0

    newer = push(conn, title, [SEEDS], pre_annotate=str(v2))
    assert (newer.tasks_created, newer.predictions_added) == (0, 5)
    same = push(conn, title, [SEEDS], pre_annotate=str(v2))
    assert same.predictions_added == 0
    tasks = tasks_of(ls_client, first.project_id)
    assert len(tasks) == 5
    for t in tasks:
        assert sorted(p.model_version for p in t.predictions) == ["vi_ruler-1.0.0", "vi_ruler-2.0.0"]


def test_rules_pre_annotations(conn, ls_client):
    rules = pytest.importorskip("vner.annotation.rules")
    report = push(conn, unique("rules"), [SEEDS], pre_annotate="rules")
    version = str(rules.rules_pipeline().meta["version"])
    assert version in report.model_version
    tasks = tasks_of(ls_client, report.project_id)
    assert {p.model_version for t in tasks for p in t.predictions} == {report.model_version}
    assert report.prediction_spans == sum(len(p.result) for t in tasks for p in t.predictions) > 0


def test_documents_built_in_nfd_are_pushed_in_nfc(conn, ls_client):
    import unicodedata

    from vner.core.documents import Document

    text = "Thiếu tướng Phạm Thế Tùng làm việc với Công an tỉnh Nghệ An."
    doc = Document("nfd-1", unicodedata.normalize("NFD", text), {})
    report = push(conn, unique("nfd"), [doc], pre_annotate="rules")
    (task,) = tasks_of(ls_client, report.project_id)
    assert task.data["text"] == text
    found = {(r["value"]["text"], r["value"]["labels"][0]) for p in task.predictions for r in p.result}
    assert ("Công an tỉnh Nghệ An", "ORG") in found


def test_interrupted_push_is_finished_by_pushing_again(conn, ls_client):
    title = unique("retry")
    docs = read_documents([SEEDS])
    partial = push(conn, title, docs[:2], pre_annotate="none", annotations=SEED_GOLD)
    assert partial.tasks_created == 2 and partial.annotations_added == 2 and partial.annotations_unmatched == 3
    full = push(conn, title, [SEEDS], pre_annotate="none", annotations=SEED_GOLD, batch_size=2)
    assert (full.tasks_created, full.tasks_existing, full.annotations_added, full.annotations_existing) == (3, 2, 3, 2)
    tasks = tasks_of(ls_client, full.project_id)
    assert sorted(t.data["id"] for t in tasks) == DOC_IDS
    assert all(len(t.annotations) == 1 for t in tasks)


def test_same_text_under_another_id_is_not_pushed_again(conn, ls_client, tmp_path):
    title = unique("same text")
    report = push(conn, title, [SEEDS], pre_annotate="none")
    copy = tmp_path / "renamed.txt"
    copy.write_bytes(next(SEEDS.glob("*.txt")).read_bytes())
    again = push(conn, title, [copy], pre_annotate="none")
    assert (again.tasks_created, again.tasks_existing) == (0, 1)
    assert len(tasks_of(ls_client, report.project_id)) == 5


def test_gold_annotations_on_existing_tasks(conn, ls_client):
    title = unique("gold")
    push(conn, title, [SEEDS], pre_annotate="none")
    report = push(conn, title, [SEEDS], pre_annotate="none", annotations=SEED_GOLD)
    assert (report.tasks_created, report.annotations_added) == (0, 5)
    again = push(conn, title, [SEEDS], pre_annotate="none", annotations=SEED_GOLD)
    assert (again.annotations_added, again.annotations_existing) == (0, 5)
    by_id = {t.data["id"]: t for t in tasks_of(ls_client, report.project_id)}
    for gold in GOLD:
        (ann,) = by_id[gold["data"]["id"]].annotations
        assert result_spans(ann["result"]) == gold_spans(gold)
        assert ann["ground_truth"] is True


def test_reading_the_project_back_asks_for_ids_and_texts_only(label_studio, ls_client):
    """Annotations and predictions are what makes reading a big project slow:
    a push without any, and every reconciliation, lists the tasks' ids and
    data only, and reads the annotations of just the tasks it annotated."""
    listed = []

    def hook(request):
        if request.method == "GET" and request.url.path == "/api/tasks/" and request.url.params.get("page") == "1":
            params = request.url.params
            query = json.loads(params["query"]) if "query" in params else None
            listed.append((params.get("fields"), params.get("include"), query and query["selectedItems"]["included"]))

    title = unique("read back")
    with connect(label_studio.url, label_studio.api_key) as c:
        c.http.event_hooks = {**c.http.event_hooks, "request": [*c.http.event_hooks.get("request", []), hook]}
        push(c, title, [SEEDS], pre_annotate="none")  # new project: reconciled
        first, listed[:] = list(listed), []
        push(c, title, [SEEDS], pre_annotate="none")  # nothing created: no reconciliation
        again, listed[:] = list(listed), []
        report = push(c, title, [SEEDS], pre_annotate="none", annotations=SEED_GOLD)
    light = ("task_only", "id,data", None)
    assert first == [light] and again == [light]
    task_ids = sorted(t.id for t in tasks_of(ls_client, report.project_id))
    assert listed == [("all", None, None), light, ("all", None, task_ids)]
    assert (report.tasks_created, report.annotations_added, report.duplicates_removed) == (0, 5, 0)


@pytest.fixture(scope="module")
def annotated(conn, ls_client, label_studio):
    """A project with the gold, a second annotator on two tasks and a skipped task."""
    title = unique("annotated")
    report = push(conn, title, [SEEDS], pre_annotate="none", annotations=SEED_GOLD)
    second = ls_client.users.create(email=f"ann2-{time.monotonic_ns()}@vner.local", username=f"ann2{time.monotonic_ns()}",
                                    password="not-a-real-secret-1")
    tasks = sorted(tasks_of(ls_client, report.project_id), key=lambda t: t.data["id"])
    changed = {}
    for t in tasks[:2]:
        results = sorted(t.annotations[0]["result"], key=lambda r: r["value"]["start"])
        mine = [dict(r) for r in results[2:]]  # misses the first two spans
        relabel = dict(mine[0], value={**mine[0]["value"], "labels": ["PERSON" if mine[0]["value"]["labels"] != ["PERSON"] else "ORG"]})
        mine[0] = relabel  # and gives the third another label
        ls_client.annotations.create(id=t.id, result=mine, completed_by=second.id)
        changed[t.data["id"]] = result_spans(mine)
    ls_client.annotations.create(id=tasks[2].id, result=[], was_cancelled=True, completed_by=second.id)
    return {"title": title, "project_id": report.project_id, "second": second, "changed": changed}


def test_pull_keeps_raw_exports_and_converts(conn, annotated, tmp_path):
    out = tmp_path / "pulled"
    report = pull(conn, annotated["title"], out, dev_fraction=0.2, seed=0)
    raw = json.loads(report.raw_path.read_bytes())
    assert report.raw_path.parent == out / "raw" and report.raw_path.name.startswith("export-")
    assert report.bytes == report.raw_path.stat().st_size
    assert sorted(t["data"]["id"] for t in raw) == DOC_IDS
    s = report.summary
    assert (s.tasks, s.annotated, s.cancelled, s.annotations) == (5, 5, 1, 7)
    assert s.per_annotator[annotated["second"].email] == {"annotations": 2, "cancelled": 1}

    docs = []
    for part in ("train", "dev"):
        docs += list(DocBin().from_disk(out / "corpus" / f"{part}.spacy").get_docs(make_nlp().vocab))
    assert sorted(d.user_data["id"] for d in docs) == DOC_IDS
    gold = {t["data"]["id"]: gold_spans(t) for t in GOLD}
    for doc in docs:
        expected = annotated["changed"].get(doc.user_data["id"], gold[doc.user_data["id"]])  # latest wins
        assert {(e.start_char, e.end_char, e.label_) for e in doc.ents} == expected
    assert report.convert.documents == 5

    second = pull(conn, annotated["title"], out)
    assert second.raw_path != report.raw_path and report.raw_path.exists()
    assert sorted(p.name for p in (out / "raw").iterdir()) == sorted([report.raw_path.name, second.raw_path.name])


def test_agreement_on_a_pulled_export(conn, annotated, tmp_path):
    report = pull(conn, annotated["title"], tmp_path, convert=False)
    assert report.convert is None
    users = {annotated["second"].id: annotated["second"].email}
    r = agreement_from_export(report.raw_path, users=users)
    assert (r.tasks_compared, r.tasks_single) == (2, 3)
    gold = {t["data"]["id"]: gold_spans(t) for t in GOLD}
    tp = sum(len(gold[d] & s) for d, s in annotated["changed"].items())
    fp = sum(len(s - gold[d]) for d, s in annotated["changed"].items())
    fn = sum(len(gold[d] - s) for d, s in annotated["changed"].items())
    (pair,) = r.pairs
    assert annotated["second"].email in (pair.a, pair.b)
    if pair.a == annotated["second"].email:  # `a` is the reference: swap
        fp, fn = fn, fp
    assert (tp, fp, fn) == (r.overall["tp"], r.overall["fp"], r.overall["fn"])
    assert {fp, fn} == {2, 6}
    assert 0 < pair.kappa < 1
    missing = [d for d in r.disagreements if d["a"] is None or d["b"] is None]
    relabelled = [d for d in r.disagreements if d["a"] and d["b"]]
    assert len(missing) == 4 and len(relabelled) == 2
    for d in relabelled:
        assert (d["a"]["start"], d["a"]["end"]) == (d["b"]["start"], d["b"]["end"]) and d["a"]["label"] != d["b"]["label"]


# --- errors ---------------------------------------------------------------------


def test_wrong_api_key(label_studio):
    with pytest.raises(VnerError, match="rejected the API key") as e:
        connect(label_studio.url, "0" * 40)
    assert label_studio.url in e.value.detail and "Legacy Token" in e.value.fix


def test_unreachable_url():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    with pytest.raises(VnerError, match="not reachable") as e:
        connect(url, "x" * 40)
    assert url in e.value.detail


def test_unknown_and_ambiguous_project(conn, ls_client, tmp_path):
    with pytest.raises(VnerError, match="Project not found") as e:
        get_project(conn, "no such project")
    assert "no such project" in e.value.detail
    with pytest.raises(VnerError, match="Project not found"):
        pull(conn, "no such project", tmp_path)
    title = unique("twice")
    ids = sorted(ls_client.projects.create(title=title, label_config=labeling.label_config()).id for _ in range(2))
    with pytest.raises(VnerError, match="Ambiguous project title") as e:
        find_project(conn, title)
    assert all(str(i) in e.value.detail for i in ids)


def test_config_mismatch_needs_update_config(conn, ls_client):
    title = unique("old config")
    schemeless = labeling.label_config(labeling.load_scheme()[:3])  # no PROVINCE, QUANTITY
    project = ls_client.projects.create(title=title, label_config=schemeless)
    with pytest.raises(VnerError, match="Labeling config differs") as e:
        push(conn, title, [SEEDS], pre_annotate="none")
    assert "adds PROVINCE, QUANTITY" in e.value.detail and "--update-config" in e.value.fix
    assert tasks_of(ls_client, project.id) == []
    report = push(conn, title, [SEEDS], pre_annotate="none", update_config=True)
    assert report.config_updated and report.tasks_created == 5
    updated = ls_client.projects.get(id=project.id)
    assert labeling.same_config(updated.label_config, labeling.label_config())
    assert updated.show_instruction and "<h1>" in updated.expert_instruction


def test_removing_a_label_in_use_is_refused(conn, ls_client):
    from vner.core.scheme import Label

    title = unique("extra label")
    extra = labeling.label_config([*labeling.load_scheme(), Label("EXTRA", "6", "#123456", "old label")])
    project = ls_client.projects.create(title=title, label_config=extra)
    ls_client.projects.import_tasks(id=project.id, request=[{"data": {"id": "x", "text": "Một hai ba"}}])
    (task,) = tasks_of(ls_client, project.id)
    result = [{"from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 3, "text": "Một", "labels": ["EXTRA"]}}]
    ls_client.annotations.create(id=task.id, result=result)
    with pytest.raises(VnerError, match="labels in use") as e:
        ensure_project(conn, title, update_config=True)
    assert "EXTRA (1 annotated span)" in e.value.detail
    assert labeling.config_labels(ls_client.projects.get(id=project.id).label_config)[-1] == "EXTRA"


def test_port_in_use(label_studio, tmp_path):
    with pytest.raises(VnerError, match="Port in use") as e:
        server.start_server(tmp_path / "other", port=label_studio.port)
    assert str(label_studio.port) in e.value.detail and "--port" in e.value.fix


def test_second_server_on_the_same_data_dir(label_studio):
    with pytest.raises(VnerError, match="Data dir already in use") as e:
        server.start_server(label_studio.data_dir)
    assert label_studio.url in e.value.detail
    assert label_studio.running


# --- command line -----------------------------------------------------------------


def test_cli_push_and_pull(label_studio, ls_client, tmp_path, monkeypatch):
    monkeypatch.setenv("LABEL_STUDIO_URL", label_studio.url)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", label_studio.api_key)
    title = unique("cli")
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(app, ["push", str(SEEDS), "--project", title, "--pre-annotate", "none",
                                     "--annotations", str(SEED_GOLD)])
        assert result.exit_code == 0, result.output
    assert "already in the project" in result.output
    with connect() as conn:
        project = find_project(conn, title)
    assert len(tasks_of(ls_client, project.id)) == 5
    result = runner.invoke(app, ["pull", "--project", title, "--output", str(tmp_path), "--dev-fraction", "0.4"])
    assert result.exit_code == 0, result.output
    assert "Saved the raw export" in result.output and (tmp_path / "corpus" / "train.spacy").exists()
    assert len(list((tmp_path / "raw").glob("export-*.json"))) == 1


def test_cli_errors_have_no_traceback(label_studio, tmp_path, monkeypatch):
    monkeypatch.setenv("LABEL_STUDIO_URL", label_studio.url)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", "f" * 40)
    runner = CliRunner()
    result = runner.invoke(app, ["push", str(SEEDS), "--project", "whatever"])
    assert result.exit_code == 1 and "rejected the API key" in result.output and "Traceback" not in result.output
    key_file = tmp_path / "key"
    key_file.write_text(label_studio.api_key, encoding="utf-8")
    key_file.chmod(0o600)
    result = runner.invoke(app, ["pull", "--project", "no such project", "-o", str(tmp_path), "--api-key-file", str(key_file)])
    assert result.exit_code == 1 and "Project not found" in result.output


def test_vner_annotate_starts_pushes_and_stops_cleanly(tmp_path):
    """`vner annotate` end to end: its own server, the project, Ctrl-C."""
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    data_dir = tmp_path / "ls"
    port = server.free_port(18300)
    cmd = [str(Path(sys.executable).parent / "vner"), "annotate", "--data-dir", str(data_dir), "--port", str(port),
           "--pre-annotate", "none", "--annotations", str(SEED_GOLD), "--project", "annotate test"]
    # A shell's background job ignores SIGINT, and children inherit that: give Ctrl-C back.
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"}, cwd=tmp_path,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    lines = []
    try:
        for line in proc.stdout:
            lines.append(line)
            if "Press Ctrl-C" in line or "✘" in line:
                break
        output = "".join(lines)
        assert "Press Ctrl-C" in output, output
        creds, created = server.load_credentials(data_dir)
        assert not created
        assert f"http://127.0.0.1:{port}" in output and creds.username in output
        assert creds.password in output  # shown on the first run only
        with connect(f"http://127.0.0.1:{port}", creds.api_key) as conn:
            project = get_project(conn, "annotate test")
            tasks = list(conn.client.tasks.list(project=project.id, fields="all", page_size=100))
        assert sorted(t.data["id"] for t in tasks) == DOC_IDS
        assert all(len(t.annotations) == 1 for t in tasks)
        assert (data_dir / server.PID_FILE).exists()
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            rest, _ = proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:  # leave no server behind
            info = json.loads((data_dir / server.PID_FILE).read_text(encoding="utf-8"))
            for pid in (info.get("pid"), proc.pid):
                if pid:
                    os.kill(pid, signal.SIGKILL)
            raise
    assert proc.returncode == 0, rest
    assert "Stopped" in rest
    assert not (data_dir / server.PID_FILE).exists()
    assert server.port_is_free(port)


def test_large_project_pushes_and_pulls_through_a_snapshot(conn, tmp_path):
    n = 10_000
    jsonl = tmp_path / "many.jsonl"
    jsonl.write_text(
        "".join(json.dumps({"id": f"doc{i}", "text": f"Công an tỉnh Nghệ An bắt {i} đối tượng"}, ensure_ascii=False) + "\n" for i in range(n)),
        encoding="utf-8",
    )
    title = unique("large")
    report = push(conn, title, [jsonl], pre_annotate="none", batch_size=1000)
    assert report.tasks_created == n
    again = push(conn, title, [jsonl], pre_annotate="none", batch_size=1000)
    assert (again.tasks_created, again.tasks_existing) == (0, n)
    pulled = pull(conn, title, tmp_path / "out")
    assert pulled.summary.tasks == n and pulled.summary.unannotated == n
    assert pulled.convert is None  # nothing annotated: nothing to convert
    raw = json.loads(pulled.raw_path.read_bytes())
    assert len({t["data"]["id"] for t in raw}) == n
