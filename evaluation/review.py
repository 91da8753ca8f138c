"""Review of disagreements: one review task per document annotators disagree on.

`review(conn, "P")` exports project P, finds every task that two or more
people annotated with different spans (latest annotation per person, as in
`vner agreement`), and puts it into the review project ("P-review") with
each person's version as a prediction named after them: the reviewer picks
one in Label Studio, corrects it and submits. `vner pull` of the review
project then yields the adjudicated gold. Reviewing again adds only the
tasks not yet in the review project, and reports how far each annotator was
from the adjudicated gold on the tasks already reviewed.
"""

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from vner.annotation.labeling import FROM_NAME, TO_NAME, Connection, api_errors, ensure_project, find_project, get_project
from vner.annotation.pull import _users, annotator_name, download, snapshot
from vner.annotation.push import TaskIndex, existing_tasks
from vner.core.errors import VnerError

from .agreement import AgreementReport, _spans, agreement

ADJUDICATED = "adjudicated"


@dataclass
class ReviewReport:
    project: str
    review_project: str
    review_project_id: int = 0
    tasks: int = 0
    tasks_compared: int = 0  # two or more annotators
    tasks_disagreeing: int = 0
    tasks_created: int = 0
    tasks_existing: int = 0  # already in the review project
    tasks_adjudicated: int = 0  # review tasks with a reviewer's annotation
    before: AgreementReport | None = None
    after: AgreementReport | None = None  # each annotator vs the adjudicated gold
    disagreeing: list = field(default_factory=list)  # task ids of the source project


def latest_by_annotator(task: dict, users: dict | None = None) -> dict[str, dict]:
    """The newest non-cancelled annotation of each person on a task.

    >>> t = {"annotations": [{"id": 1, "completed_by": 1, "result": []}, {"id": 2, "completed_by": 1, "result": [1]},
    ...                      {"id": 3, "completed_by": 2, "was_cancelled": True}]}
    >>> {who: a["id"] for who, a in latest_by_annotator(t).items()}
    {'user 1': 2}
    """
    latest: dict[str, dict] = {}
    done = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    for a in sorted(done, key=lambda a: (a.get("updated_at") or a.get("created_at") or "", a.get("id") or 0)):
        latest[annotator_name(a.get("completed_by"), users)] = a
    return latest


def disagreements(tasks: Sequence[dict], users: dict | None = None) -> list[tuple[dict, dict[str, dict]]]:
    """Tasks with 2+ annotators whose spans differ, with each one's annotation."""
    out = []
    for task in tasks:
        latest = latest_by_annotator(task, users)
        if len(latest) < 2:
            continue
        text = task["data"]["text"]
        if len({frozenset(_spans(a, text)) for a in latest.values()}) > 1:
            out.append((task, latest))
    return out


def review_task(task: dict, latest: dict[str, dict]) -> dict:
    """The review task: the document, and one prediction per annotator."""
    data = dict(task["data"])
    data.setdefault("id", f"task-{task.get('id')}")
    data["source_task"] = task.get("id")
    predictions = []
    for who, ann in sorted(latest.items()):
        result = [
            {**r, "id": r.get("id") or f"r{i}", "from_name": r.get("from_name", FROM_NAME), "to_name": r.get("to_name", TO_NAME)}
            for i, r in enumerate(ann.get("result") or [])
        ]
        predictions.append({"model_version": who, "result": result})
    return {"data": data, "predictions": predictions}


def export_tasks(conn: Connection, project_id: int) -> list[dict]:
    """The project's tasks through an export snapshot (as `vner pull` gets them)."""
    with tempfile.TemporaryDirectory(prefix="vner-review-") as tmp:
        export_id = snapshot(conn, project_id)
        path, _ = download(conn, project_id, export_id, Path(tmp))
        return json.loads(path.read_bytes())


def review(conn: Connection, title: str, output_title: str | None = None) -> ReviewReport:
    """Create (or complete) the review project of `title`; see the module docstring."""
    output_title = output_title or f"{title}-review"
    if output_title == title:
        raise VnerError("Review project is the project itself", repr(title), "Pass another --output-project.")
    project = get_project(conn, title)
    users = _users(conn)
    tasks = export_tasks(conn, project.id)
    report = ReviewReport(title, output_title, tasks=len(tasks))
    report.before = agreement(tasks, users=users)
    report.tasks_compared = report.before.tasks_compared
    found = disagreements(tasks, users)
    report.tasks_disagreeing = len(found)
    report.disagreeing = [t.get("id") for t, _ in found]
    if not found and find_project(conn, output_title) is None:
        return report
    state = ensure_project(conn, output_title)
    report.review_project_id = state.id
    index = TaskIndex(existing_tasks(conn, state.id))
    new = []
    for task, latest in found:
        item = review_task(task, latest)
        if index.find(str(item["data"]["id"]), item["data"]["text"]) is not None:
            report.tasks_existing += 1
        else:
            new.append(item)
    if new:
        with api_errors(conn, "import review tasks"):
            conn.client.projects.import_tasks(id=state.id, request=new, request_options={"max_retries": 0})
        report.tasks_created = len(new)
    report.after = adjudicated_agreement(conn, state.id, found, users)
    return report


def adjudicated_agreement(conn: Connection, review_id: int, found, users) -> AgreementReport | None:
    """Each annotator against the reviewer's gold, on the tasks reviewed so far."""
    reviewed = {}
    for t in export_tasks(conn, review_id):
        latest = latest_by_annotator(t)
        if latest:
            reviewed[t["data"].get("source_task")] = max(latest.values(), key=lambda a: (a.get("updated_at") or "", a.get("id") or 0))
    tasks = []
    for task, latest in found:
        gold = reviewed.get(task.get("id"))
        if gold is None:
            continue
        anns = [{**a, "completed_by": {"email": who}} for who, a in latest.items()]
        anns.append({**gold, "completed_by": {"email": ADJUDICATED}, "updated_at": "", "id": 0})
        tasks.append({**task, "annotations": anns})
    if not tasks:
        return None
    return agreement(tasks)
