"""`vner serve` as Label Studio's ML backend: the protocol, a real Label
Studio calling it, and retraining triggered by annotations made through
Label Studio's API."""

import json
import time

import httpx
import pytest

from vner.annotation.labeling import connect
from vner.annotation.push import push
from vner.core.documents import read_documents
from vner.core.resources import SEED_GOLD, SEEDS
from vner.serving.connect import connect_backend

TEXT = "Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Nghệ An, trao 20 suất quà cho học sinh."


def post(backend, path, body, **kw):
    content = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return httpx.post(f"{backend.url}{path}", content=content, headers={"Content-Type": "application/json"}, timeout=60, **kw)


def test_health_setup_predict(backend):
    health = httpx.get(f"{backend.url}/health", timeout=10).json()
    assert health["status"] == "UP"
    version = health["model_version"]
    assert post(backend, "/setup", {"project": "1.1700000000", "schema": "<View/>"}).json() == {"model_version": version}
    response = post(backend, "/predict", {"tasks": [{"id": 7, "data": {"text": TEXT}}, {"id": 8, "data": {"text": ""}}]})
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == 2 and all(r["model_version"] == version for r in results)
    first = results[0]
    assert 0.0 <= first["score"] <= 1.0
    assert first["result"], "the model finds nothing in a sentence full of entities"
    for item in first["result"]:
        v = item["value"]
        assert TEXT[v["start"]:v["end"]] == v["text"]  # code-point offsets into the task's text
        assert v["labels"][0] in ("PERSON", "RANK", "ORG", "PROVINCE", "QUANTITY")
        assert 0.0 <= item["score"] <= 1.0
    assert results[1]["result"] == []


@pytest.mark.parametrize("body, status", [
    (b"not json", 400),
    ([1, 2], 400),
    ({"tasks": "x"}, 422),
    ({"tasks": [{"id": 1, "data": {"html": "<p>"}}]}, 422),
    ({"tasks": [None]}, 422),
])
def test_bad_predict_payloads(backend, body, status):
    response = post(backend, "/predict", body)
    assert response.status_code == status
    assert response.json()["error"]


@pytest.fixture(scope="module")
def idle_backend(served_model, tmp_path_factory):
    """A backend of its own that no Label Studio has set up: no project known."""
    from vner.serving.connect import start_backend

    process = start_backend(served_model, tmp_path_factory.mktemp("idle"), extra_args=["--no-retrain"])
    try:
        yield process
    finally:
        process.stop()


@pytest.mark.parametrize("body", [
    {"action": "ANNOTATION_CREATED", "project": {"id": 1}},  # no `annotation` key
    {"action": "ANNOTATION_UPDATED", "annotation": "x"},
    {"project": {"id": 1}},  # no action
    {"action": 5},
    {"action": "START_TRAINING"},  # no project known
])
def test_malformed_webhook_is_4xx_and_server_keeps_serving(idle_backend, body):
    response = post(idle_backend, "/webhook", body)
    assert 400 <= response.status_code < 500, response.text
    assert response.json()["error"]
    assert httpx.get(f"{idle_backend.url}/health", timeout=10).json()["status"] == "UP"
    assert post(idle_backend, "/predict", {"tasks": [{"data": {"text": TEXT}}]}).status_code == 200
    assert idle_backend.running


def test_unknown_webhook_action_is_ignored(backend):
    response = post(backend, "/webhook", {"action": "PROJECT_UPDATED", "project": {"id": 1}})
    assert response.status_code == 200 and response.json()["status"] == "ignored"


# --- with the real Label Studio ------------------------------------------------


@pytest.fixture(scope="module")
def project(label_studio, ls_backend):
    """The seeds pushed without predictions, the backend connected."""
    with connect(label_studio.url, label_studio.api_key) as conn:
        report = push(conn, f"serve {time.monotonic_ns()}", [SEEDS], pre_annotate="none")
        info = connect_backend(conn, report.project_id, ls_backend.url)
    return report.project_id, info


@pytest.mark.slow
def test_predictions_appear_through_label_studio(ls_client, project, ls_backend):
    backend = ls_backend
    project_id, info = project
    assert info["created"]
    version = httpx.get(f"{backend.url}/health", timeout=10).json()["model_version"]
    assert info["model_version"] == version
    backends = ls_client.ml.list(project=project_id)
    assert [b.url.rstrip("/") for b in backends] == [backend.url] and backends[0].is_interactive
    # The tasks were pushed without predictions; listing or opening them makes
    # Label Studio ask the backend (evaluate_predictions_automatically).
    task = next(iter(ls_client.tasks.list(project=project_id, page_size=1)))
    opened = ls_client.tasks.get(id=task.id)
    predictions = [p for p in opened.predictions or [] if (p.get("model_version") if isinstance(p, dict) else p.model_version) == version]
    assert len(predictions) == 1
    p = predictions[0] if isinstance(predictions[0], dict) else predictions[0].dict()
    assert p["result"] and p["score"] is not None
    text = opened.data["text"]
    assert all(text[r["value"]["start"]:r["value"]["end"]] == r["value"]["text"] for r in p["result"])


@pytest.mark.slow
def test_annotations_through_the_api_retrain_the_model(ls_client, project, ls_backend):
    backend = ls_backend
    project_id, _ = project
    gold = {t["data"]["id"]: t for t in json.loads(SEED_GOLD.read_text(encoding="utf-8"))}
    tasks = list(ls_client.tasks.list(project=project_id, page_size=100))
    assert len(tasks) == len(read_documents([SEEDS]))
    # The backend counts the project's annotations as soon as it learns of the
    # project (its /setup); annotations it has counted before are old ones.
    deadline = time.monotonic() + 120
    while (httpx.get(f"{backend.url}/status", timeout=10).json().get("annotations_counted") or {}).get("project") != project_id:
        assert time.monotonic() < deadline, "the backend never counted the project's annotations"
        time.sleep(1)
    for task in tasks[:4]:
        result = gold[task.data["id"]]["annotations"][0]["result"]
        ls_client.annotations.create(id=task.id, result=result)
    deadline = time.monotonic() + 600
    status = {}
    while time.monotonic() < deadline:
        status = httpx.get(f"{backend.url}/status", timeout=10).json()
        trained = [v for v in status["versions"] if v.get("trained_at")]
        if trained and not status["training"]:
            break
        time.sleep(3)
    trained = [v for v in status["versions"] if v.get("trained_at")]
    assert trained, f"no retraining after 4 annotations: {status}\n{backend.log_path.read_text(encoding='utf-8')[-3000:]}"
    new = trained[0]
    assert new["status"] in ("serving", "rejected"), new
    assert new["project"] == project_id and new["train_docs"] >= 1 and new["held_out_docs"] >= 1
    assert 0.0 <= new["scores"]["f"] <= 1.0 and 0.0 <= new["serving_scores"]["f"] <= 1.0
    # The rule: the new version serves only if it scores at least as well.
    assert (new["status"] == "serving") == (new["scores"]["f"] >= new["serving_scores"]["f"])
    serving = httpx.get(f"{backend.url}/health", timeout=10).json()["model_version"]
    assert (serving == new["name"]) == (new["status"] == "serving")
    registry = json.loads((backend.log_path.parent / "registry.json").read_text(encoding="utf-8"))
    assert registry["active"] == serving


def test_status_shows_the_versions(backend, tmp_path):
    from typer.testing import CliRunner

    from vner.cli import app

    port = backend.url.rsplit(":", 1)[1]
    version = httpx.get(f"{backend.url}/health", timeout=10).json()["model_version"]
    result = CliRunner().invoke(app, ["serve", "--status", "--port", port])
    assert result.exit_code == 0, result.output
    assert f"Serving {version}" in result.output and "(given)" in result.output
    # Nothing running there and no registry: a message, not a traceback.
    missing = CliRunner().invoke(app, ["serve", "--status", "--port", "9", "--output", str(tmp_path / "none")])
    assert missing.exit_code == 1 and "No backend found" in missing.output and "Traceback" not in missing.output


def test_bad_model_is_a_message(tmp_path):
    from typer.testing import CliRunner

    from vner.cli import app

    result = CliRunner().invoke(app, ["serve", str(tmp_path / "nothing"), "--output", str(tmp_path / "out")])
    assert result.exit_code == 1 and "Model not found" in result.output and "Traceback" not in result.output


@pytest.mark.slow
def test_push_with_model_backend_in_uncertainty_order(label_studio, ls_client, backend, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from vner.cli import app

    texts = [
        "Chiều nay trời mưa to.",
        "Thiếu tướng Hoàng Văn Bình, Giám đốc Công an tỉnh Quảng Trị, dự lễ cùng 120 cán bộ.",
        "Bà Lò Thị Mai bán 5 tấn cà phê cho Công ty Tây Nguyên.",
        "Đoàn công tác của Sở Y tế thành phố Đà Nẵng thăm 3 bệnh viện ở Huế.",
    ]
    source = tmp_path / "docs.jsonl"
    source.write_text("\n".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(texts)) + "\n", encoding="utf-8")
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", label_studio.api_key)
    title = f"serve push {time.monotonic_ns()}"
    result = CliRunner().invoke(app, ["push", str(source), "--project", title, "--url", label_studio.url,
                                      "--pre-annotate", "none", "--model-backend", backend.url, "--order", "uncertainty"])
    assert result.exit_code == 0, result.output
    assert "least certain first" in result.output and "Connected the model backend" in result.output
    project = next(p for p in ls_client.projects.list() if p.title == title)
    tasks = sorted(ls_client.tasks.list(project=project.id, fields="all", page_size=100), key=lambda t: t.id)
    assert len(tasks) == len(texts)
    scores = []
    for task in tasks:
        preds = [p if isinstance(p, dict) else p.dict() for p in task.predictions or []]
        assert len(preds) == 1 and preds[0]["score"] is not None  # retrieved from the backend
        scores.append(preds[0]["score"])
    assert scores == sorted(scores)  # task ids follow the uncertainty order
    wrong = CliRunner().invoke(app, ["push", str(source), "--project", title, "--url", label_studio.url, "--order", "uncertainty"])
    assert wrong.exit_code == 1 and "needs a model" in wrong.output


@pytest.mark.slow
def test_annotate_with_model_starts_and_connects_a_backend(label_studio, ls_client, served_model, tmp_path):
    """What `vner annotate --model` does once its Label Studio runs (the
    session's server stands in for it: same start_server, same environment)."""
    from vner.cli.serve import annotate_with_model

    with connect(label_studio.url, label_studio.api_key) as conn:
        report = push(conn, f"annotate model {time.monotonic_ns()}", [SEEDS], pre_annotate="none")
    backend = annotate_with_model(label_studio, report.project_id, served_model, tmp_path)
    try:
        assert backend.running and backend.url.startswith("http://127.0.0.1:")
        [connected] = ls_client.ml.list(project=report.project_id)
        assert connected.url.rstrip("/") == backend.url and connected.is_interactive
        task = next(iter(ls_client.tasks.list(project=report.project_id, page_size=1)))
        opened = ls_client.tasks.get(id=task.id)
        assert opened.predictions and (tmp_path / "model-backend" / "registry.json").exists()
    finally:
        backend.stop()
    assert not backend.running


def label_studio_other_project(ls_client) -> int:
    """A project with more annotations (5) than the one the backend counted before (3)."""
    project = ls_client.projects.create(title=f"other {time.monotonic_ns()}")
    ls_client.projects.import_tasks(id=project.id, request=[{"data": {"text": f"Văn bản {i}"}, "annotations": [{"result": []}]} for i in range(5)])
    assert ls_client.projects.get(id=project.id).total_annotations_number == 5
    return project.id


def test_annotations_without_webhooks_are_counted(label_studio, ls_client, served_model, tmp_path):
    """Label Studio drops a webhook after 1 s; the backend's count of the project's annotations catches those."""
    from vner.serving.backend import Backend, Retraining

    with connect(label_studio.url, label_studio.api_key) as conn:
        report = push(conn, f"no webhooks {time.monotonic_ns()}", [SEEDS], pre_annotate="none")
    retraining = Retraining(every=100, minutes=60, url=label_studio.url, api_key=label_studio.api_key, poll_seconds=0)
    backend = Backend(served_model, tmp_path / "backend", retraining)
    try:
        backend.setup({"project": report.project_id})
        assert backend.poll() == 0 and backend.pending == 0  # the baseline
        gold = {t["data"]["id"]: t for t in json.loads(SEED_GOLD.read_text(encoding="utf-8"))}
        tasks = list(ls_client.tasks.list(project=report.project_id, page_size=100))
        for task in tasks[:2]:  # no webhook is connected to this project
            ls_client.annotations.create(id=task.id, result=gold[task.data["id"]]["annotations"][0]["result"])
        assert backend.poll() == 2 and backend.pending == 2
        ls_client.annotations.create(id=tasks[2].id, result=gold[tasks[2].data["id"]]["annotations"][0]["result"])
        backend.webhook({"action": "ANNOTATION_CREATED", "annotation": {"id": 1}, "project": {"id": report.project_id}})
        assert backend.poll() == 0 and backend.pending == 3  # announced: not counted twice
        backend.setup({"project": label_studio_other_project(ls_client)})
        assert backend.poll() == 0 and backend.pending == 3  # a new project: a new baseline, not a difference
    finally:
        backend.stop()
