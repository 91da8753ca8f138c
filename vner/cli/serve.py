"""`vner serve` (the Label Studio ML backend) and `vner review`."""

import json
from pathlib import Path
from typing import List, Optional

import typer
from wasabi import msg

from ..core.errors import VnerError
from ._app import command, config_overrides, setup_logging

DEFAULT_PORT = 9090


@command("serve", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def serve_cli(
    ctx: typer.Context,
    model: Optional[Path] = typer.Argument(None, help="Trained pipeline to serve (e.g. training/model-best)"),
    port: int = typer.Option(DEFAULT_PORT, "--port", help="Port to listen on"),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (keep 127.0.0.1 unless Label Studio runs elsewhere)"),
    output: Path = typer.Option(Path(".vner/serve"), "--output", "-o", help="Folder for retrained versions and registry.json"),
    url: Optional[str] = typer.Option(None, "--url", help="Label Studio to export annotations from (default: env LABEL_STUDIO_URL, else what Label Studio tells the backend)"),
    api_key_file: Optional[Path] = typer.Option(None, "--api-key-file", help="File (mode 0600) holding the API key (default: env LABEL_STUDIO_API_KEY, else the token Label Studio sends at setup)", exists=True, dir_okay=False),
    retrain_every: int = typer.Option(10, "--retrain-every", help="Retrain after this many new annotations", min=1),
    retrain_minutes: float = typer.Option(10.0, "--retrain-minutes", help="...or this many minutes after the first new one", min=0.0),
    no_retrain: bool = typer.Option(False, "--no-retrain", help="Only predict"),
    poll_seconds: float = typer.Option(30.0, "--poll-seconds", help="Count the project's annotations this often, for webhooks Label Studio dropped (0: never)", min=0.0),
    status: bool = typer.Option(False, "--status", help="Print the versions of the backend running on --port (or the registry in --output) and exit"),
    verbose: bool = typer.Option(False, "--verbose", "-V", help="Log what happens"),
):
    """Serve a trained pipeline to Label Studio (ML backend); retrain it from new annotations.

    Extra --section.key value options are passed to the retraining's config.
    """
    setup_logging(verbose)
    if status:
        print_status(fetch_status(host, port, output))
        return
    if model is None:
        raise VnerError("No model given", "vner serve MODEL", "Pass a trained pipeline, e.g. vner serve training/model-best.")
    from ..annotation.labeling import read_api_key
    from ..serving.app import serve
    from ..serving.backend import Backend, Retraining

    retraining = Retraining(
        every=retrain_every, minutes=retrain_minutes, url=url, api_key=read_api_key(None, api_key_file),
        overrides=config_overrides(ctx.args), enabled=not no_retrain, poll_seconds=poll_seconds,
    )
    backend = Backend(model, output, retraining)
    msg.good(f"Serving {backend.model_version} at http://{host}:{port} (versions in {output})")
    msg.text("Connect it with `vner push --model-backend URL` or in the project's Settings → Model; Ctrl-C stops it.")
    serve(backend, host=host, port=port)


def fetch_status(host: str, port: int, output: Path) -> dict:
    """The running backend's /status, else the registry on disk."""
    import httpx

    try:
        return httpx.get(f"http://{host}:{port}/status", timeout=10).json()
    except (httpx.HTTPError, ValueError):
        from ..serving.registry import Registry

        registry = Registry.open(output)
        if not registry.versions:
            raise VnerError("No backend found", f"nothing answers on {host}:{port} and {output} holds no registry",
                            "Start one with `vner serve MODEL`, or pass its --port / --output.") from None
        return {"model_version": registry.active, "training": None, **registry.to_dict()}


def print_status(status: dict) -> None:
    msg.good(f"Serving {status.get('model_version')}")
    rows = []
    for v in status.get("versions") or []:
        s = v.get("scores") or {}
        old = v.get("serving_scores") or {}
        rows.append((v.get("name") or "—", v.get("status"), v.get("trained_at") or "(given)",
                     v.get("train_docs", ""), v.get("held_out_docs", ""),
                     f"{s['f']:.3f}" if "f" in s else "", f"{old['f']:.3f}" if "f" in old else "", v.get("error", "")[:60]))
    msg.table(rows, header=("version", "status", "trained (UTC)", "train docs", "held out", "F1", "F1 before", "error"),
              aligns=("l", "l", "l", "r", "r", "r", "r", "l"), max_col=60)
    if status.get("training"):
        msg.info(f"Training now: {json.dumps(status['training'])}")
    if status.get("pending_annotations") is not None:
        msg.text(f"New annotations not yet trained on: {status['pending_annotations']}")
    if status.get("annotations_counted"):
        c = status["annotations_counted"]
        msg.text(f"Annotations of project {c['project']} at the last count: {c['annotations']}")


@command("review")
def review_cli(
    project: str = typer.Option(..., "--project", help="Project whose disagreements to review"),
    output_project: Optional[str] = typer.Option(None, "--output-project", help="Review project (default: PROJECT-review)"),
    url: Optional[str] = typer.Option(None, "--url", help="Label Studio URL (default: env LABEL_STUDIO_URL, else http://localhost:8080)"),
    api_key_file: Optional[Path] = typer.Option(None, "--api-key-file", help="File (mode 0600) holding the API key (default: env LABEL_STUDIO_API_KEY)", exists=True, dir_okay=False),
):
    """Put every task annotators disagree on into a review project, each version as a prediction."""
    from ..annotation.labeling import connect, read_api_key
    from ..evaluation.review import ADJUDICATED, review

    with connect(url, read_api_key(None, api_key_file)) as conn:
        report = review(conn, project, output_project)
    msg.table([("tasks", report.tasks), ("annotated by 2+ people", report.tasks_compared),
               ("with disagreements", report.tasks_disagreeing), ("review tasks created", report.tasks_created),
               ("already in the review project", report.tasks_existing)], aligns=("l", "r"))
    b = report.before
    if b and b.pairs:
        msg.text(f"Agreement before review (all pairs, {b.tasks_compared} tasks): span F1 {_fmt(b.overall.get('f'))}, token kappa {_fmt(b.kappa)}")
    if not report.tasks_disagreeing:
        msg.good("No disagreements: nothing to review")
        return
    msg.good(f"Review project {report.review_project!r} (id {report.review_project_id}): each annotator's version is a prediction named after them;"
             " accept one, correct it, submit. `vner pull --project` of it gives the adjudicated gold.")
    a = report.after
    if a and a.pairs:
        rows = [(p.a if p.b == ADJUDICATED else p.b, p.tasks, _fmt(p.overall.get("f")), _fmt(p.kappa))
                for p in a.pairs if ADJUDICATED in (p.a, p.b)]
        msg.divider("After review: each annotator against the adjudicated gold")
        msg.table(rows, header=("annotator", "tasks", "span F1", "kappa"), aligns=("l", "r", "r", "r"))
    else:
        msg.text("After review: nothing adjudicated yet (run `vner review` again once the review tasks are done)")


def _fmt(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


# --- used by `vner annotate --model` and `vner push --model-backend/--order` ---

ORDERS = ("file", "uncertainty")


def before_annotate_with_model(model: Path, pre_annotate: str) -> str:
    """Check the model before Label Studio starts, let that Label Studio call a
    backend on 127.0.0.1, and leave the pre-annotations to the backend."""
    import os

    from ..model.nlp import check_pipeline_dir
    from ..serving.connect import backend_env

    check_pipeline_dir(model)
    os.environ.update(backend_env())
    if pre_annotate != "rules":
        msg.warn(f"--pre-annotate {pre_annotate} ignored: with --model the backend pre-annotates")
    return "none"  # tasks without predictions: Label Studio asks the backend when one opens


def annotate_with_model(server, project_id: int, model: Path, data_dir: Path):
    """Start `vner serve MODEL` next to the local Label Studio and connect it."""
    from ..annotation.labeling import connect
    from ..serving.connect import connect_backend, start_backend

    with msg.loading(f"Starting the model backend for {model}..."):
        backend = start_backend(model, Path(data_dir) / "model-backend",
                                env={"LABEL_STUDIO_URL": server.url, "LABEL_STUDIO_API_KEY": server.api_key})
    try:
        with connect(server.url, server.api_key) as conn:
            info = connect_backend(conn, project_id, backend.url)
    except BaseException:
        backend.stop()
        raise
    msg.good(f"Model backend {info['model_version']} at {backend.url}, connected: tasks show its suggestions when opened;"
             f" it retrains every 10 annotations (log: {backend.log_path})")
    return backend


def sources_in_order(sources, order: str, *, model_backend: Optional[str], pre_annotate: str):
    """The documents in the order asked for (`uncertainty`: least sure first)."""
    from ..core.documents import read_documents
    from ..serving.ordering import backend_scores, by_uncertainty, model_scores

    if order not in ORDERS:
        raise VnerError("Unknown --order", repr(order), f"Use one of: {', '.join(ORDERS)}.")
    if order == "file":
        return sources
    docs = read_documents([Path(s) for s in sources])
    texts = [d.text for d in docs]
    if model_backend:
        scores = backend_scores(model_backend, texts)
    elif pre_annotate not in ("rules", "none") and Path(pre_annotate).exists():
        scores = model_scores(Path(pre_annotate), texts)
    else:
        raise VnerError("--order uncertainty needs a model", f"--pre-annotate {pre_annotate}",
                        "Pass --model-backend URL (a running `vner serve`) or --pre-annotate MODEL_PATH.")
    msg.info(f"Pushing {len(docs)} documents least certain first (task scores {min(scores, default=0):.3f}–{max(scores, default=0):.3f})")
    return by_uncertainty(docs, scores)


def connect_model_backend(conn, project_id: int, url: str) -> None:
    """Connect a running backend to the project and have it predict every task."""
    from ..serving.connect import connect_backend, retrieve_predictions

    info = connect_backend(conn, project_id, url)
    retrieve_predictions(conn, project_id)
    msg.good(f"Connected the model backend {url} ({info['model_version']}) and retrieved its predictions;"
             " sort the Data Manager by 'Prediction score' (ascending) for the least certain tasks first")
