"""Label Studio commands: annotate (local server), push, pull, agreement."""

import json
import logging
import signal
import time
from pathlib import Path
from typing import List, Optional

import typer
from wasabi import msg

from ..annotation.convert import N_DOCS
from ..core.errors import VnerError
from ..core.resources import SEEDS
from ._app import command, setup_logging
from .convert import N_DOCS_HELP, written

URL_HELP = "Label Studio URL (default: env LABEL_STUDIO_URL, else http://localhost:8080)"
KEY_HELP = "API key; prefer env LABEL_STUDIO_API_KEY or --api-key-file (argv is visible to other users)"
KEY_FILE_HELP = "File (mode 0600) holding the API key"
PRE_HELP = "Pre-annotations: rules, a trained pipeline's path, or none"


def _connect(url, api_key, api_key_file):
    from ..annotation.labeling import connect, read_api_key

    if api_key:
        msg.warn("--api-key puts the key in your shell history and the process list; prefer LABEL_STUDIO_API_KEY or --api-key-file")
    return connect(url, read_api_key(api_key, api_key_file))


def _print_push(report) -> None:
    msg.divider(f"Project {report.project!r} (id {report.project_id})")
    if report.project_created:
        msg.good("Created the project with the repository's labeling config and guideline")
    if report.config_updated:
        msg.good("Updated the project's labeling config from configs/labels.json")
    rows = [
        ("documents given", report.documents),
        ("tasks created", report.tasks_created),
        ("already in the project", report.tasks_existing),
        ("tasks in the project", report.tasks_total),
    ]
    if report.duplicate_texts:
        rows.append(("skipped: same text as another document", report.duplicate_texts))
    if report.duplicates_removed:
        rows.append(("removed: created twice by a push running at the same time", report.duplicates_removed))
    if report.model_version:
        rows += [
            (f"predictions added ({report.model_version})", report.predictions_added),
            ("predictions already there", report.predictions_existing),
            ("predicted spans", report.prediction_spans),
        ]
        if report.prediction_spans_dropped:
            rows.append(("predicted spans with a label outside the scheme (not pushed)", report.prediction_spans_dropped))
    if report.annotations_added or report.annotations_existing or report.annotations_unmatched or report.annotations_cancelled:
        rows += [
            ("annotations added", report.annotations_added),
            ("annotations already there", report.annotations_existing),
            ("cancelled annotations in the export (not pushed)", report.annotations_cancelled),
        ]
    msg.table(rows, aligns=("l", "r"), max_col=80)
    if report.annotations_unmatched:
        msg.warn(
            f"{report.annotations_unmatched} annotation(s) match no document of this push or task of the project (not pushed)",
            "\n".join(json.dumps(e, ensure_ascii=False) for e in report.unmatched_examples),
        )


def _print_access(conn, credentials, data_dir: Path, *, show: bool, add_users: list, first: bool = False) -> None:
    """Who logs in how: the admin, the invitation link, accounts added now."""
    from ..annotation.labeling import add_user, invite_link
    from ..annotation.server import CREDENTIALS_FILE

    msg.text(f"Admin login: {credentials.username}")
    if show:
        msg.text(f"Password: {credentials.password}")
        msg.text(f"API key:  {credentials.api_key}  (for `vner push/pull`: export LABEL_STUDIO_API_KEY=...)")
        if first:
            msg.text(f"Shown once; kept in {Path(data_dir) / CREDENTIALS_FILE} (run with --show-credentials to see them again)")
    else:
        msg.text("Password and API key: run `vner annotate --show-credentials` (works while the server runs)")
    msg.text(f"Invite annotators (sign-up works only through this link): {invite_link(conn)}")
    for email in add_users:
        password = add_user(conn, email)
        msg.good(f"Added {email} with password {password}", "Shown once, not stored: hand it over; they change it under Account & Settings.")


def _interrupt(signum, frame):
    raise KeyboardInterrupt


@command("annotate")
def annotate_cli(
    sources: Optional[List[Path]] = typer.Argument(None, help="Documents: .txt, .jsonl or folders (default: the repository's seeds/)"),
    data_dir: Path = typer.Option(Path(".vner/label-studio"), "--data-dir", help="Label Studio's database and files"),
    port: Optional[int] = typer.Option(None, "--port", help="Port on 127.0.0.1 (default: first free from 8080)"),
    project: str = typer.Option("vner", "--project", help="Project title"),
    pre_annotate: str = typer.Option("rules", "--pre-annotate", help=PRE_HELP),
    annotations: Optional[Path] = typer.Option(None, "--annotations", help="Label Studio export whose annotations to add for review (e.g. seeds/annotations.json)", exists=True, dir_okay=False),
    model: Optional[Path] = typer.Option(None, "--model", help="Serve this trained pipeline next to Label Studio (vner serve) and connect it: suggestions on opened tasks, retraining from new annotations"),
    show_credentials: bool = typer.Option(False, "--show-credentials", help="Print the login and API key again (also while the server runs)"),
    add_users: Optional[List[str]] = typer.Option(None, "--add-user", help="Create an annotator account and print its one-time password (repeatable; also while the server runs)"),
    database: Optional[str] = typer.Option(None, "--database", help="postgresql://USER@HOST:PORT/NAME (default: SQLite in --data-dir); password from env VNER_DATABASE_PASSWORD or --database-password-file"),
    database_password_file: Optional[Path] = typer.Option(None, "--database-password-file", help="File (mode 0600) holding the database password"),
    verbose: bool = typer.Option(False, "--verbose", "-V", help="Log what happens"),
):
    """Start a local Label Studio with the project ready to annotate; Ctrl-C stops it."""
    from ..annotation.labeling import connect
    from ..annotation.push import push
    from ..annotation.server import load_credentials, running_server, start_server

    setup_logging(verbose, logging.WARNING)
    running = running_server(data_dir)
    if running and (show_credentials or add_users):
        # The server of this data dir already runs: answer from it, leave it running.
        credentials, _ = load_credentials(data_dir)
        msg.good(f"Label Studio is running at {running} (data: {data_dir})")
        with connect(running, credentials.api_key) as conn:
            _print_access(conn, credentials, data_dir, show=show_credentials, add_users=add_users or [])
        return
    sources = sources or [SEEDS]
    backend = None
    if model is not None:
        from .serve import before_annotate_with_model

        pre_annotate = before_annotate_with_model(model, pre_annotate)
    from ..annotation.database import database_env

    settings = database_env(database, database_password_file) if database else None
    with msg.loading("Starting Label Studio (the first start takes a minute or two)..."):
        server = start_server(data_dir, port, database=settings)
    # Ctrl-C (or a SIGTERM) ends the wait below; the server is stopped in `finally`.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        msg.good(f"Label Studio is running at {server.url} (data: {server.data_dir})")
        with connect(server.url, server.api_key) as conn:
            report = push(conn, project, sources, pre_annotate=pre_annotate, annotations=annotations, update_config=True, progress=True)
        _print_push(report)
        if model is not None:
            from .serve import annotate_with_model

            backend = annotate_with_model(server, report.project_id, model, data_dir)
        msg.divider("Log in")
        msg.text(f"Open {server.url}/projects/{report.project_id}")
        with connect(server.url, server.api_key) as conn:
            _print_access(conn, load_credentials(server.data_dir)[0], server.data_dir,
                          show=server.credentials_created or show_credentials, add_users=add_users or [],
                          first=server.credentials_created)
        msg.info("Press Ctrl-C to stop the server")
        while server.running:
            time.sleep(1)
        raise VnerError("Label Studio stopped unexpectedly", f"exit code {server.process.returncode}", f"See {server.log_path}.")
    except KeyboardInterrupt:
        msg.text("Stopping Label Studio...")
    finally:
        if backend is not None:
            backend.stop()
        server.stop()
    msg.good("Stopped")


@command("push")
def push_cli(
    sources: List[Path] = typer.Argument(..., help="Documents: .txt, .jsonl or folders", exists=True),
    project: str = typer.Option(..., "--project", help="Project title (created if no project has it)"),
    url: Optional[str] = typer.Option(None, "--url", help=URL_HELP),
    api_key: Optional[str] = typer.Option(None, "--api-key", help=KEY_HELP),
    api_key_file: Optional[Path] = typer.Option(None, "--api-key-file", help=KEY_FILE_HELP, exists=True, dir_okay=False),
    pre_annotate: str = typer.Option("rules", "--pre-annotate", help=PRE_HELP),
    annotations: Optional[Path] = typer.Option(None, "--annotations", help="Label Studio export whose annotations to add (matched by data.id or text)", exists=True, dir_okay=False),
    update_config: bool = typer.Option(False, "--update-config", help="Apply the repository's labeling config to an existing project"),
    batch_size: int = typer.Option(500, "--batch-size", help="Tasks per import request", min=1),
    model_backend: Optional[str] = typer.Option(None, "--model-backend", help="URL of a running `vner serve` to connect to the project (its predictions, with scores, on every task)"),
    order: str = typer.Option("file", "--order", help="Order of new tasks: file, or uncertainty (least certain first; needs --model-backend or --pre-annotate MODEL)"),
):
    """Import documents (with pre-annotations) into a Label Studio project, idempotently."""
    from ..annotation.push import push

    with _connect(url, api_key, api_key_file) as conn:
        if order != "file":
            from .serve import sources_in_order

            sources = sources_in_order(sources, order, model_backend=model_backend, pre_annotate=pre_annotate)
        report = push(conn, project, sources, pre_annotate=pre_annotate, annotations=annotations,
                      update_config=update_config, batch_size=batch_size, progress=True)
        if model_backend:
            from .serve import connect_model_backend

            connect_model_backend(conn, report.project_id, model_backend)
    _print_push(report)


@command("pull")
def pull_cli(
    project: str = typer.Option(..., "--project", help="Project title"),
    output: Path = typer.Option(..., "--output", "-o", help="Folder for raw/ exports and corpus/"),
    url: Optional[str] = typer.Option(None, "--url", help=URL_HELP),
    api_key: Optional[str] = typer.Option(None, "--api-key", help=KEY_HELP),
    api_key_file: Optional[Path] = typer.Option(None, "--api-key-file", help=KEY_FILE_HELP, exists=True, dir_okay=False),
    dev_fraction: float = typer.Option(0.2, "--dev-fraction", help="Share of documents for dev"),
    seed: int = typer.Option(0, "--seed", help="Seed of the document split"),
    annotations: str = typer.Option("latest", "--annotations", help="latest: newest annotation per task; all: each its own document"),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero if any span would be dropped"),
    timeout: float = typer.Option(3600.0, "--timeout", help="Seconds to wait for the export snapshot"),
    n_docs: int = typer.Option(N_DOCS, "--n-docs", "-n", min=1, help=N_DOCS_HELP),
):
    """Export a project through a snapshot, keep the raw file, convert it to a corpus."""
    from ..annotation.pull import pull
    from ..annotation.convert import StrictRefusal
    from .convert import print_report

    last = [0.0]

    def on_status(status, elapsed):
        if elapsed - last[0] >= 10:
            last[0] = elapsed
            msg.text(f"Export snapshot {status} ({elapsed:.0f} s)")

    try:
        with _connect(url, api_key, api_key_file) as conn:
            msg.text(f"Requesting an export snapshot of {project!r} from {conn.url}...")
            report = pull(conn, project, output, dev_fraction=dev_fraction, seed=seed, annotations=annotations,
                          strict=strict, timeout=timeout, progress=True, on_status=on_status, n_docs=n_docs)
    except StrictRefusal as e:
        print_report(e.report)
        raise
    s = report.summary
    msg.good(f"Saved the raw export: {report.raw_path} ({report.bytes:,} bytes)")
    msg.table(
        [("tasks", s.tasks), ("annotated", s.annotated), ("not annotated", s.unannotated),
         ("only skipped/cancelled", s.cancelled_only), ("annotations", s.annotations), ("skipped/cancelled annotations", s.cancelled)],
        aligns=("l", "r"),
    )
    if s.per_annotator:
        msg.table([(who, c["annotations"], c["cancelled"]) for who, c in s.per_annotator.items()],
                  header=("annotator", "annotations", "skipped"), aligns=("l", "r", "r"), max_col=60)
    if report.convert is None:
        msg.warn("No task is annotated yet: nothing to convert")
        return
    print_report(report.convert)
    if report.convert.counts["dev_split_skipped"]:
        msg.warn("Only one annotated document: it is all in train, there is no dev set",
                 "Annotate more documents, or pass --dev to `vner train` later.")
    msg.good(f"Wrote the corpus to {report.corpus_dir} (train: {written(report.convert, 'train')}, dev: {written(report.convert, 'dev')})")


def _fmt(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


@command("agreement")
def agreement_cli(
    export: Path = typer.Argument(..., help="Label Studio JSON export", exists=True, dir_okay=False),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the full report (with every disagreement) as JSON"),
    show: int = typer.Option(20, "--show", help="Disagreements to print"),
):
    """Inter-annotator agreement: pairwise span F1, token kappa, disagreements."""
    from ..evaluation.agreement import agreement_from_export
    from ..core.files import write_json_atomic

    report = agreement_from_export(export)
    msg.table(
        [("tasks", report.tasks), ("compared (2+ annotators)", report.tasks_compared),
         ("one annotator (skipped)", report.tasks_single), ("not annotated", report.tasks_unannotated)],
        aligns=("l", "r"),
    )
    if report.annotations_superseded:
        msg.info(f"{report.annotations_superseded} older annotation(s) by the same person on a task not used (latest wins)")
    if report.spans_misaligned:
        msg.warn(f"{report.spans_misaligned} span(s) off token boundaries (widened to tokens for kappa)")
    if not report.pairs:
        msg.warn("No task has two annotators: nothing to compare")
    else:
        msg.divider("Pairs")
        msg.table(
            [(p.a, p.b, p.tasks, _fmt(p.overall["p"]), _fmt(p.overall["r"]), _fmt(p.overall["f"]), _fmt(p.kappa)) for p in report.pairs],
            header=("a", "b", "tasks", "P", "R", "F1", "kappa"), aligns=("l", "l", "r", "r", "r", "r", "r"),
        )
        msg.divider("Per label (all pairs)")
        rows = [(label, s["tp"], s["fp"], s["fn"], _fmt(s["p"]), _fmt(s["r"]), _fmt(s["f"])) for label, s in report.per_label.items()]
        o = report.overall
        rows.append(("overall", o["tp"], o["fp"], o["fn"], _fmt(o["p"]), _fmt(o["r"]), _fmt(o["f"])))
        msg.table(rows, header=("label", "both", "only b", "only a", "P", "R", "F1"), aligns=("l", "r", "r", "r", "r", "r", "r"))
        msg.text(f"Token-level Cohen's kappa (all pairs): {_fmt(report.kappa)}")
        if report.disagreements:
            msg.divider(f"Disagreements ({len(report.disagreements)})")
            span = lambda s: "—" if s is None else f"{s['label']} {s['text']!r} [{s['start']}:{s['end']}]"  # noqa: E731
            msg.table(
                [(d["doc"] or d["task"], " vs ".join(d["annotators"]), span(d["a"]), span(d["b"])) for d in report.disagreements[:show]],
                header=("document", "annotators", "a", "b"), aligns=("l", "l", "l", "l"), max_col=60,
            )
    if output:
        write_json_atomic(output, report.to_dict())
        msg.good(f"Wrote {output}")
