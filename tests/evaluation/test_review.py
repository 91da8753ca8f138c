"""`vner review` against the real Label Studio: the review project holds
exactly the tasks annotators disagree on, each version as a prediction, and
`vner pull` of it gives the reviewer's gold."""

import time

import pytest
from spacy.tokens import DocBin
from typer.testing import CliRunner

from vner.annotation.labeling import add_user, connect, ensure_project, find_project
from vner.annotation.pull import pull
from vner.cli import app
from vner.evaluation.review import review
from vner.model.nlp import make_nlp

pytestmark = pytest.mark.slow

TEXTS = {
    "agree": "Bà Trần Thị Hoa về thăm tỉnh Hà Tĩnh.",
    "differ-label": "Đại tá Lê Văn Nam làm việc ở Bộ Quốc phòng.",
    "single": "Công ty Sao Mai tuyển 30 công nhân.",
    "differ-span": "Ông Phạm Minh đến TP Cần Thơ hôm qua.",
}


def span(text, part, label):
    start = text.index(part)
    return {"from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": start + len(part), "text": part, "labels": [label]}}


def ann(email, *spans):
    return {"completed_by": {"email": email}, "result": list(spans)}


@pytest.fixture(scope="module")
def conn(label_studio):
    with connect(label_studio.url, label_studio.api_key) as conn:
        yield conn


@pytest.fixture(scope="module")
def project(conn):
    stamp = time.monotonic_ns()
    a, b = f"a{stamp}@vner.test", f"b{stamp}@vner.test"
    add_user(conn, a)
    add_user(conn, b)
    t = TEXTS
    tasks = [
        {"data": {"id": "agree", "text": t["agree"]}, "annotations": [
            ann(a, span(t["agree"], "Trần Thị Hoa", "PERSON"), span(t["agree"], "Hà Tĩnh", "PROVINCE")),
            ann(b, span(t["agree"], "Trần Thị Hoa", "PERSON"), span(t["agree"], "Hà Tĩnh", "PROVINCE"))]},
        {"data": {"id": "differ-label", "text": t["differ-label"]}, "annotations": [
            ann(a, span(t["differ-label"], "Đại tá", "RANK"), span(t["differ-label"], "Lê Văn Nam", "PERSON")),
            ann(b, span(t["differ-label"], "Lê Văn Nam", "PERSON"), span(t["differ-label"], "Bộ Quốc phòng", "ORG"))]},
        {"data": {"id": "single", "text": t["single"]}, "annotations": [
            ann(a, span(t["single"], "Công ty Sao Mai", "ORG"))]},
        {"data": {"id": "differ-span", "text": t["differ-span"]}, "annotations": [
            ann(a, span(t["differ-span"], "Phạm Minh", "PERSON"), span(t["differ-span"], "Cần Thơ", "PROVINCE")),
            ann(b, span(t["differ-span"], "Phạm Minh", "PERSON"), span(t["differ-span"], "TP Cần Thơ", "PROVINCE"))]},
    ]
    title = f"review {stamp}"
    state = ensure_project(conn, title)
    conn.client.projects.import_tasks(id=state.id, request=tasks)
    return title, a, b


def review_tasks(ls_client, project_id):
    return {t.data["id"]: t for t in ls_client.tasks.list(project=project_id, fields="all", page_size=100)}


def test_review_project_holds_exactly_the_disagreements(conn, ls_client, project, tmp_path):
    title, a, b = project
    report = review(conn, title)
    assert (report.tasks, report.tasks_compared, report.tasks_disagreeing, report.tasks_created) == (4, 3, 2, 2)
    assert report.before.overall["f"] < 1.0 and report.after is None
    target = find_project(conn, f"{title}-review")
    tasks = review_tasks(ls_client, target.id)
    assert sorted(tasks) == ["differ-label", "differ-span"]
    for doc_id, task in tasks.items():
        assert task.data["text"] == TEXTS[doc_id]
        versions = sorted(p["model_version"] if isinstance(p, dict) else p.model_version for p in task.predictions)
        assert versions == sorted([a, b])
        assert not task.annotations
    # The reviewer accepts annotator b's version of one task and submits it.
    task = tasks["differ-span"]
    chosen = next(p for p in task.predictions if (p["model_version"] if isinstance(p, dict) else p.model_version) == b)
    result = chosen["result"] if isinstance(chosen, dict) else chosen.result
    ls_client.annotations.create(id=task.id, result=result)

    again = review(conn, title)
    assert (again.tasks_created, again.tasks_existing) == (0, 2)  # nothing added twice
    after = {p.a if p.b == "adjudicated" else p.b: p for p in again.after.pairs if "adjudicated" in (p.a, p.b)}
    assert after[b].overall["f"] == 1.0 and after[a].overall["f"] == 0.5

    pulled = pull(conn, f"{title}-review", tmp_path, dev_fraction=0)
    docs = list(DocBin().from_disk(pulled.corpus_dir / "train.spacy").get_docs(make_nlp().vocab))
    assert [(e.text, e.label_) for d in docs for e in d.ents] == [("Phạm Minh", "PERSON"), ("TP Cần Thơ", "PROVINCE")]


def test_cli_review_prints_agreement(label_studio, project, monkeypatch):
    title, _, _ = project
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", label_studio.api_key)
    result = CliRunner().invoke(app, ["review", "--project", title, "--output-project", f"{title} cli", "--url", label_studio.url])
    assert result.exit_code == 0, result.output
    assert "with disagreements" in result.output and "Agreement before review" in result.output
    missing = CliRunner().invoke(app, ["review", "--project", "no such project here", "--url", label_studio.url])
    assert missing.exit_code == 1 and "Project not found" in missing.output and "Traceback" not in missing.output
