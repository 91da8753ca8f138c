"""Put the backend next to a Label Studio project.

`start_backend` runs `vner serve` as a child process on a free loopback port
and waits for /health; `connect_backend` registers it with a project through
Label Studio's API: interactive pre-annotation on, predictions fetched when
a task without any is opened. Label Studio then sends every event of the project (annotation
created, updated, deleted...) to the backend's /webhook, which retrains
every so many annotations (`vner serve --retrain-every`).

Label Studio 1.23 refuses to call local addresses: an ML backend unless
started with ML_BLOCK_LOCAL_IP=false, and the webhook it creates with the
backend unless SSRF_PROTECTION_ENABLED=false (`backend_env`). The second
also lets the server's users make it fetch local URLs (webhooks, imports
from a URL): `vner annotate` sets them only with --model, for a server that
listens on 127.0.0.1 and signs up people only through its invitation link.
"""

import logging
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from vner.annotation.labeling import Connection, api_errors
from vner.core.errors import VnerError

logger = logging.getLogger(__name__)

BACKEND_TITLE = "vner"
BOOT_TIMEOUT = 120.0


def backend_env() -> dict[str, str]:
    """What a local Label Studio needs to call a backend on 127.0.0.1."""
    return {"ML_BLOCK_LOCAL_IP": "false", "SSRF_PROTECTION_ENABLED": "false"}


@dataclass
class BackendProcess:
    url: str
    process: subprocess.Popen
    log_path: Path

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self, timeout: float = 15.0) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_backend(model: Path, output: Path, *, port: int | None = None, host: str = "127.0.0.1",
                  extra_args: list[str] = (), env: dict | None = None, timeout: float = BOOT_TIMEOUT) -> BackendProcess:
    """`vner serve MODEL` in a child process, answering /health. `env` is
    added to its environment (secrets go there, never into argv)."""
    import httpx

    from vner.annotation.server import free_port

    port = port or free_port(9090)
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    log_path = output / "serve.log"
    cmd = [sys.executable, "-c", "from vner.cli import app; app()", "serve", str(model),
           "--port", str(port), "--host", host, "--output", str(output), *extra_args]
    with open(log_path, "ab") as log:
        process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True, env={**os.environ, **(env or {})})
    backend = BackendProcess(f"http://{host}:{port}", process, log_path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not backend.running:
            raise VnerError("The model backend did not start", f"`vner serve {model}` exited with code {process.returncode}",
                            f"See {log_path}.")
        try:
            if httpx.get(f"{backend.url}/health", timeout=2).status_code == 200:
                return backend
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    backend.stop()
    raise VnerError("The model backend did not start in time", f"{backend.url} after {timeout:.0f} s", f"See {log_path}.")


def connect_backend(conn: Connection, project_id: int, url: str, *, retrain_every: int | None = None) -> dict:
    """Register the backend at `url` with the project (once) and set the
    project up for it. With `retrain_every`, Label Studio also asks the backend to
    train every so many annotations (its own trigger; the backend's webhook
    counting does the same). Returns {"ml_backend": id, "model_version": ..., "created": bool}."""
    import httpx

    url = url.rstrip("/")
    try:
        health = httpx.get(f"{url}/health", timeout=10).json()
    except (httpx.HTTPError, ValueError) as e:
        raise VnerError("Model backend not reachable", f"{url}: {e}", "Start it with `vner serve MODEL --port P` and pass its URL.") from None
    with api_errors(conn, "list the project's ML backends"):
        existing = [b for b in conn.client.ml.list(project=project_id) if (b.url or "").rstrip("/") == url]
    created = not existing
    try:
        with api_errors(conn, "connect the ML backend"):
            if existing:
                backend = existing[0]
                conn.client.ml.update(id=backend.id, url=url, is_interactive=True, auto_update=True, title=BACKEND_TITLE)
            else:
                backend = conn.client.ml.create(project=project_id, url=url, is_interactive=True, auto_update=True, title=BACKEND_TITLE)
    except VnerError as e:
        if "local" in (e.detail or "").lower() or "ssrf" in (e.detail or "").lower() or "block" in (e.detail or "").lower():
            raise VnerError("Label Studio refuses a backend on a local address", f"backend {url}; {e.detail}",
                            "Start Label Studio with ML_BLOCK_LOCAL_IP=false and SSRF_PROTECTION_ENABLED=false (`vner annotate --model` does), or serve the model on an address Label Studio may call.") from None
        raise
    # The project's model_version is left alone: Label Studio takes the live
    # model's version from /setup (auto_update) and refuses names it has not seen.
    settings = {"show_collab_predictions": True, "evaluate_predictions_automatically": True}
    if retrain_every:
        settings["min_annotations_to_start_training"] = retrain_every
    with api_errors(conn, "set the project up for the backend"):
        conn.client.projects.update(id=project_id, **settings)
    logger.info("Connected ML backend %s (%s) to project %s", backend.id, url, project_id)
    return {"ml_backend": backend.id, "model_version": health.get("model_version"), "created": created}


def retrieve_predictions(conn: Connection, project_id: int) -> None:
    """Ask Label Studio to fetch the backend's predictions for every task (the
    Data Manager's 'Retrieve Predictions'), so the prediction score can sort them."""
    with api_errors(conn, "retrieve predictions from the backend"):
        conn.client.actions.create(id="retrieve_tasks_predictions", project=project_id,
                                   selected_items={"all": True, "excluded": []}, request_options={"timeout": 600})
