"""What the ML backend does, apart from HTTP: predict, set up, retrain.

`Backend` serves one spaCy pipeline. Predictions are Label Studio
predictions built by `vner.annotation.push.prediction`, with a task score
(`uncertainty.scored_docs`: low = unsure) and a score per span. Annotation
events are counted; every `retrain_every` of them, or `retrain_minutes`
after the first one not yet trained on, a background thread exports the
project (as `vner pull` does), trains from the serving model's config,
scores the new model and the serving one on the held-out documents, and
swaps in the new one only if it scores at least as well. Predictions never
wait for a training, and a failed training is logged and leaves the serving
model in place.
"""

import logging
import os
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from vner.core.errors import VnerError
from vner.core.scheme import labels as scheme_labels

from .registry import Registry, now

logger = logging.getLogger(__name__)

ANNOTATION_ACTIONS = {"ANNOTATION_CREATED", "ANNOTATION_UPDATED", "ANNOTATIONS_CREATED", "ANNOTATIONS_DELETED"}
TRAINING_ACTIONS = {"START_TRAINING"}
MAX_TASKS = 1000  # per predict request


class BadRequest(Exception):
    """A payload the backend cannot use; answered with HTTP 4xx and this message."""

    def __init__(self, message: str, status: int = 422):
        super().__init__(message)
        self.status = status


def model_version_of(nlp, path: Path) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', Path(path).name)}-{meta.get('version', '0')}"


@dataclass
class Retraining:
    """When to retrain, and where the annotations come from."""

    every: int = 10  # annotation events
    minutes: float = 10.0  # after the first untrained event
    url: str | None = None  # Label Studio; else the hostname /setup gave
    api_key: str | None = None  # else the token /setup gave
    overrides: dict = field(default_factory=dict)  # for train()
    dev_fraction: float = 0.2
    enabled: bool = True
    poll_seconds: float = 30.0  # how often to count the project's annotations (0: never)


class Backend:
    def __init__(self, model: Path, output: Path, retraining: Retraining | None = None):
        from vner.model.nlp import load_pipeline

        self.output = Path(output)
        self.output.mkdir(parents=True, exist_ok=True)
        self.registry = Registry.open(self.output)
        self.retraining = retraining or Retraining()
        self.labels = list(scheme_labels())
        active = self.registry.get(self.registry.active) if self.registry.active else None
        if active and active.get("base") == str(Path(model).resolve()) and Path(active["path"]).is_dir():
            path = Path(active["path"])  # a retrained version of this model: keep serving it
        else:
            path = Path(model)
            active = None
        nlp = load_pipeline(path)
        self.model_path = path
        self.base = str(Path(model).resolve())
        self.nlp = nlp
        self.model_version = active["name"] if active else model_version_of(nlp, path)
        if not active:
            self.registry.add({"name": self.model_version, "path": str(Path(path).resolve()), "base": self.base,
                               "trained_at": None, "started_at": now(), "status": "serving", "scores": None}, activate=True)
        self._predict_lock = threading.Lock()
        self._train_lock = threading.Lock()
        self._state_lock = threading.Lock()
        self.pending = 0  # annotation events not yet trained on
        self.first_pending: float | None = None
        self.project_id: int | None = None
        self.setup_hostname: str | None = None
        self._setup_token: str | None = None  # kept in memory only
        self.training: dict | None = None  # the running training
        self._counted: tuple[int, int] | None = None  # (project, its annotations) at the last poll
        self._created_events = 0  # creation webhooks since then
        self.last_error: str | None = None
        self._timer = threading.Thread(target=self._tick, daemon=True, name="vner-retrain-timer")
        self._stop = threading.Event()
        self._wake = threading.Event()  # a project just became known: count its annotations now
        self._timer.start()

    # --- protocol -----------------------------------------------------------

    def health(self) -> dict:
        return {"status": "UP", "model_class": "vner", "model_version": self.model_version}

    def setup(self, payload: dict) -> dict:
        if isinstance(payload.get("hostname"), str):
            self.setup_hostname = payload["hostname"]
        if isinstance(payload.get("access_token"), str):
            self._setup_token = payload["access_token"]
        pid = project_id(payload.get("project"))
        if pid is not None:
            self._know_project(pid)
        return {"model_version": self.model_version}

    def predict(self, payload: dict) -> dict:
        from vner.annotation.push import prediction

        from .uncertainty import scored_docs

        tasks = payload.get("tasks")
        if not isinstance(tasks, list):
            raise BadRequest("`tasks` must be a list of Label Studio tasks")
        if len(tasks) > MAX_TASKS:
            raise BadRequest(f"{len(tasks)} tasks in one request; send at most {MAX_TASKS}", 413)
        texts = []
        for i, task in enumerate(tasks):
            data = task.get("data") if isinstance(task, dict) else None
            text = data.get("text") if isinstance(data, dict) else None
            if not isinstance(text, str):
                name = task.get("id", i) if isinstance(task, dict) else i
                raise BadRequest(f"task {name}: no text in data.text (the labeling config reads $text)")
            texts.append(text)
        pid = project_id(payload.get("project"))
        if pid is not None and self.project_id is None:
            self._know_project(pid)
        with self._predict_lock:
            nlp, version = self.nlp, self.model_version
            scored = scored_docs(nlp, texts)
        results = []
        for text, (doc, confidences, score) in zip(texts, scored):
            spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
            pred, _ = prediction(text, spans, version, self.labels)
            for item in pred["result"]:
                v = item["value"]
                conf = confidences.get((v["start"], v["end"], v["labels"][0]))
                if conf is not None:
                    item["score"] = conf
            if score is not None:
                pred["score"] = score
            results.append(pred)
        return {"results": results, "model_version": version}

    def webhook(self, payload: dict) -> dict:
        action = payload.get("action")
        if not isinstance(action, str):
            raise BadRequest("webhook payload has no `action`")
        pid = project_id(payload.get("project"))
        if action in ANNOTATION_ACTIONS:
            key = "annotations" if action in ("ANNOTATIONS_CREATED", "ANNOTATIONS_DELETED") else "annotation"
            if not isinstance(payload.get(key), (dict, list)):
                raise BadRequest(f"{action} webhook without `{key}`: turn on 'Send payload' for this webhook")
            if pid is None and isinstance(payload.get(key), dict):
                pid = project_id(payload[key].get("project"))
            if action in ("ANNOTATION_CREATED", "ANNOTATIONS_CREATED"):
                n = len(payload[key]) if isinstance(payload[key], list) else 1
                with self._state_lock:
                    self._created_events += n
            self.note_annotations(pid, 1)
            return {"status": "ok", "action": action, "pending": self.pending, "training": self.training is not None}
        if action in TRAINING_ACTIONS:
            if pid is None and self.project_id is None:
                raise BadRequest("START_TRAINING webhook without `project.id`")
            started = self.start_training(pid or self.project_id, reason=action)
            return {"status": "ok", "action": action, "started": started}
        return {"status": "ignored", "action": action}

    def train_request(self, payload: dict) -> dict:
        """The older protocol: Label Studio posts to /train every N annotations."""
        pid = project_id(payload.get("project"))
        if pid is None and self.project_id is None:
            raise BadRequest("/train without a project")
        started = self.start_training(pid or self.project_id, reason="train request")
        return {"status": "ok", "started": started, "job": None}

    def status(self) -> dict:
        return {
            "model_version": self.model_version,
            "project": self.project_id,
            "pending_annotations": self.pending,
            "retrain_every": self.retraining.every,
            "retrain_minutes": self.retraining.minutes,
            "training": self.training,
            "last_error": self.last_error,
            "annotations_counted": self.counted,
            **self.registry.to_dict(),
        }

    # --- retraining -----------------------------------------------------------

    def note_annotations(self, pid: int | None, n: int) -> None:
        with self._state_lock:
            if pid is not None:
                self._know_project(pid)
            self.pending += n
            if self.first_pending is None:
                self.first_pending = time.monotonic()
            due = self.pending >= self.retraining.every
        if due:
            self.start_training(self.project_id, reason=f"{self.pending} new annotation event(s)")

    def _know_project(self, pid: int) -> None:
        if pid != self.project_id:
            self.project_id = pid
            self._wake.set()

    def _tick(self) -> None:
        # The first count, as soon as the project is known, is the baseline:
        # taken at once, or annotations made before it would count as old.
        last_poll = None
        while not self._stop.is_set():
            woken = self._wake.wait(5.0)
            self._wake.clear()
            if self._stop.is_set():
                break
            poll = self.retraining.poll_seconds
            if poll and self.project_id is not None and (woken or last_poll is None or time.monotonic() - last_poll >= poll):
                last_poll = time.monotonic()
                try:
                    self.poll()
                except Exception as e:  # Label Studio unreachable: the webhooks still count
                    logger.info("Could not count the annotations of project %s: %s", self.project_id, e)
            with self._state_lock:
                due = self.first_pending is not None and time.monotonic() - self.first_pending >= self.retraining.minutes * 60
            if due:
                self.start_training(self.project_id, reason=f"{self.retraining.minutes:g} minutes since new annotations")

    def poll(self) -> int:
        """Count the project's annotations; those no webhook announced become pending.

        Label Studio sends each webhook once and drops it after
        WEBHOOK_TIMEOUT (1 s by default), e.g. while the backend is busy
        predicting; without this count, those annotations would never
        trigger a retraining. Returns how many were missed.
        """
        if not self.retraining.enabled or self.project_id is None:
            return 0
        pid = self.project_id
        with self.connection() as conn:
            total = conn.client.projects.get(id=pid).total_annotations_number or 0
        with self._state_lock:  # another project's count is no baseline
            same = self._counted is not None and self._counted[0] == pid
            missed = max(0, total - self._counted[1] - self._created_events) if same else 0
            self._counted, self._created_events = (pid, total), 0
        if missed:
            logger.warning("%d annotation(s) of project %s arrived without a webhook; counted them", missed, pid)
            self.note_annotations(pid, missed)
        return missed

    @property
    def counted(self) -> dict | None:
        """The last count of the project's annotations (the baseline of `poll`)."""
        c = self._counted
        return {"project": c[0], "annotations": c[1]} if c else None

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def start_training(self, pid: int | None, *, reason: str) -> bool:
        """Start a training in the background unless one runs; returns whether it started."""
        if not self.retraining.enabled or pid is None:
            return False
        if not self._train_lock.acquire(blocking=False):
            return False
        with self._state_lock:
            self.pending, self.first_pending = 0, None
            self.training = {"project": pid, "reason": reason, "started_at": now()}
        thread = threading.Thread(target=self._train, args=(pid,), daemon=True, name="vner-retrain")
        thread.start()
        return True

    def _train(self, pid: int) -> None:
        try:
            self.retrain(pid)
            self.last_error = None
        except Exception as e:  # a failed training must not stop the serving
            detail = f"{e.title}: {e.detail}" if isinstance(e, VnerError) else f"{type(e).__name__}: {e}"
            self.last_error = f"{now()} {detail}"
            logger.error("Retraining failed, still serving %s: %s", self.model_version, detail)
            logger.debug("%s", traceback.format_exc())
            self.registry.add({"name": None, "status": "failed", "error": detail, "trained_at": now(), "project": pid})
        finally:
            self.training = None
            self._train_lock.release()

    def connection(self):
        from vner.annotation.labeling import connect

        r = self.retraining
        # What the user configured beats what Label Studio sends at setup: its
        # `hostname` is http://localhost:8080 unless its HOST is set.
        url = r.url or os.environ.get("LABEL_STUDIO_URL") or self.setup_hostname
        key = r.api_key or os.environ.get("LABEL_STUDIO_API_KEY") or self._setup_token
        return connect(url, key)

    def retrain(self, pid: int) -> dict:
        """Export project `pid`, train, compare on held-out documents, maybe swap."""
        from vner.annotation.convert import convert_export
        from vner.annotation.pull import download, snapshot
        from vner.model.nlp import load_pipeline

        n = sum(1 for v in self.registry.versions if v.get("name")) or 1
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        work = self.output / f"r{n}-{stamp}"
        with self.connection() as conn:
            export_id = snapshot(conn, pid)
            raw, _ = download(conn, pid, export_id, work / "raw")
        report = convert_export(raw, work / "corpus", dev_fraction=self.retraining.dev_fraction, seed=0, dev_optional=True)
        train_docs, held_out = _read(work / "corpus" / "train.spacy"), _read(work / "corpus" / "dev.spacy")
        if not train_docs:
            raise VnerError("Nothing to train on", f"project {pid} has no annotated documents", "Annotate some tasks first.")
        if not held_out:
            raise VnerError("No held-out documents", f"project {pid}: only {len(train_docs)} annotated document(s)",
                            "Annotate at least two documents: one is held out to compare the models.")
        candidate = self._train_candidate(train_docs, work)
        new_nlp = load_pipeline(candidate)
        new_scores = _held_out_scores(new_nlp, held_out)
        old_scores = _held_out_scores(self.nlp, held_out)
        name = f"{model_version_of(self.nlp, self.model_path).split('+')[0]}+r{n}-{stamp}"
        take = new_scores["f"] >= old_scores["f"]
        entry = {
            "name": name, "path": str(candidate.resolve()), "base": self.base, "trained_at": now(), "project": pid,
            "train_docs": len(train_docs), "held_out_docs": len(held_out), "spans_dropped": report.dropped,
            "scores": new_scores, "serving_scores": {"model_version": self.model_version, **old_scores},
            "scored_on": "held-out annotated documents of the project (strict entity P/R/F1, seqeval)",
            "status": "serving" if take else "rejected",
        }
        if take:
            for v in self.registry.versions:
                if v.get("status") == "serving":
                    v["status"] = "replaced"
            with self._predict_lock:
                self.nlp, self.model_version, self.model_path = new_nlp, name, candidate
        self.registry.add(entry, activate=take)
        logger.info("Retrained %s: F1 %.3f vs %.3f of the serving model on %d held-out document(s): %s",
                    name, new_scores["f"], old_scores["f"], len(held_out), "now serving" if take else "kept the old one")
        return entry

    def _train_candidate(self, train_docs, work: Path) -> Path:
        from vner.training.train import train

        config = self.model_path / "config.cfg"
        # Model selection needs its own dev documents; with very few, the
        # training documents select (the held-out ones stay unseen either way).
        dev = None if len(train_docs) >= 5 else train_docs
        return train(train_docs, dev, work / "training", config=config, overrides=dict(self.retraining.overrides),
                     seed=0, quiet=True, dev_fraction=0.2)


def _read(path: Path) -> list:
    """The documents of a converted split: a .spacy file or a folder of shards."""
    from vner.model.nlp import make_nlp
    from vner.training.corpus import spacy_to_docs

    if not path.exists():
        return []
    return spacy_to_docs(path, make_nlp())


def _held_out_scores(nlp, docs) -> dict:
    """Micro P/R/F1 on held-out documents, scored as `vner evaluate` scores
    (strict seqeval on syllable tokens: the one score format)."""
    from vner.evaluation.evaluate import predict, score

    return score(predict(nlp, docs, progress=False))["scores"]["micro"]


def project_id(project) -> int | None:
    """Label Studio names a project as an id, {"id": ...} or "id.timestamp".

    >>> project_id({"id": 3}), project_id("7.1712345678"), project_id(None), project_id("x")
    (3, 7, None, None)
    """
    if isinstance(project, dict):
        project = project.get("id")
    if isinstance(project, bool):
        return None
    if isinstance(project, int):
        return project
    if isinstance(project, str):
        head = project.split(".", 1)[0]
        return int(head) if head.isdigit() else None
    return None
