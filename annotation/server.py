"""A local Label Studio for annotators, started the same way by CLI and tests.

`start_server(data_dir)` runs `label-studio start` on 127.0.0.1 with its
SQLite database in `data_dir`, an admin user and a legacy API token that are
generated once and kept in a 0600 file there, and a pid file so a second
server cannot open the same database. Secrets go through the environment,
never the command line. Sign-up needs the invitation link, and only the
server's own host names are answered (no DNS rebinding from a web page).
"""

import errno
import json
import logging
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from vner.core.errors import VnerError
from vner.core.files import write_text_atomic

logger = logging.getLogger(__name__)

HOST = "127.0.0.1"
FIRST_PORT = 8080
CREDENTIALS_FILE = "vner-credentials.json"
PID_FILE = "vner-server.pid"
LOG_FILE = "label-studio.log"
BOOT_TIMEOUT = 600.0  # seconds; a first boot migrates the database (~1 min on 2 cores)


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str
    api_key: str


def load_credentials(data_dir: Path) -> tuple[Credentials, bool]:
    """The data dir's admin credentials, generated on first use.

    Returns the credentials and whether they were just created.
    """
    path = Path(data_dir) / CREDENTIALS_FILE
    if path.exists():
        try:
            return Credentials(**json.loads(path.read_text(encoding="utf-8"))), False
        except (ValueError, TypeError) as e:
            raise VnerError(
                "Unreadable credentials file",
                f"{path}: {e}",
                "Restore it from a backup; deleting it locks you out of the existing users.",
            ) from None
    creds = Credentials(
        username="admin@vner.local",
        password=secrets.token_urlsafe(16),
        api_key=secrets.token_hex(20),  # 40 hex characters, the legacy token format
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(asdict(creds), f)
    return creds, True


def port_is_free(port: int, host: str = HOST) -> bool:
    """Whether nothing listens on `port`. A port left in TIME_WAIT by a
    server that crashed a moment ago counts as free: the server reuses the
    address just as this check does."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def free_port(start: int = FIRST_PORT, host: str = HOST, tries: int = 100) -> int:
    """The first port from `start` nobody listens on.

    >>> 1024 <= free_port(18000) < 18100
    True
    """
    for port in range(start, start + tries):
        if port_is_free(port, host):
            return port
    raise VnerError("No free port", f"{host}:{start}-{start + tries - 1} are all in use", "Pass one with --port.")


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (exited, not yet reaped) no longer serves anything.
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def running_server(data_dir: Path) -> str | None:
    """The URL of the live server that uses `data_dir`, if any (its pid file)."""
    try:
        info = json.loads((Path(data_dir) / PID_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(info, dict) and info.get("pid") and _alive(info["pid"]):
        return info.get("url")
    return None


def _claim(data_dir: Path, url: str) -> Path:
    """Create the pid file, refusing a data dir a live server still uses."""
    path = data_dir / PID_FILE
    for _ in range(3):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            try:
                info = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                info = {}
            if _alive(info.get("pid")) or _alive(info.get("owner")):
                raise VnerError(
                    "Data dir already in use",
                    f"{data_dir} is served by Label Studio at {info.get('url', '?')} (pid {info.get('pid') or info.get('owner')})",
                    "Use that server (`vner annotate --show-credentials` or `--add-user EMAIL` work while it runs), "
                    "stop it (Ctrl-C in its terminal), or pass another --data-dir.",
                )
            logger.info("Removing stale pid file %s", path)
            path.unlink(missing_ok=True)
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"owner": os.getpid(), "pid": None, "url": url}, f)
        return path
    raise VnerError("Data dir already in use", str(data_dir), f"Remove {path} if no server is running.")


HOST_NAMES = (HOST, "localhost")


def access_env(port: int) -> dict[str, str]:
    """Who may use the server: no sign-up without the invitation link, and
    only requests addressed to this machine's own names (a web page that
    points another name at 127.0.0.1 gets HTTP 400, not the projects).

    >>> access_env(8080)["ALLOWED_HOSTS"]
    '127.0.0.1,localhost'
    """
    return {
        "DISABLE_SIGNUP_WITHOUT_LINK": "true",
        "ALLOWED_HOSTS": ",".join(HOST_NAMES),
        "CSRF_TRUSTED_ORIGINS": ",".join(f"http://{name}:{port}" for name in HOST_NAMES),
    }


def label_studio_executable() -> str:
    beside = Path(sys.executable).parent / "label-studio"
    found = str(beside) if beside.exists() else shutil.which("label-studio")
    if not found:
        raise VnerError(
            "Label Studio is not installed",
            "no `label-studio` next to this Python or on PATH",
            "Install the server extra: pip install 'vner[server]'",
        )
    return found


class Server:
    """A running local Label Studio; a context manager that stops it on exit."""

    def __init__(self, data_dir: Path, port: int, credentials: Credentials, created: bool, process: subprocess.Popen, pid_file: Path, log_path: Path):
        self.data_dir = data_dir
        self.port = port
        self.url = f"http://{HOST}:{port}"
        self.username = credentials.username
        self.password = credentials.password
        self.api_key = credentials.api_key
        self.credentials_created = created
        self.process = process
        self.pid_file = pid_file
        self.log_path = log_path

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self, timeout: float = 30.0) -> None:
        """Terminate the server's process group and wait for it."""
        if self.process.poll() is None:
            _signal_group(self.process, signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                logger.warning("Label Studio did not stop within %.0f s; killing it", timeout)
                _signal_group(self.process, signal.SIGKILL)
                self.process.wait()
        # Children that outlived the leader (none expected) go too.
        _signal_group(self.process, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)

    def __repr__(self) -> str:
        return f"Server(url={self.url!r}, data_dir={str(self.data_dir)!r}, running={self.running})"


def _signal_group(process: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(process.pid, sig)  # started with start_new_session: pgid == pid
    except (ProcessLookupError, PermissionError):
        pass


def start_server(data_dir: Path, port: int | None = None, *, timeout: float = BOOT_TIMEOUT, database: dict[str, str] | None = None) -> Server:
    """Start Label Studio on 127.0.0.1 for `data_dir` and wait until it answers.

    `port=None` takes the first free port from 8080; a given port must be free.
    `database`: Label Studio's PostgreSQL settings (`database.database_env`); default SQLite.
    """
    data_dir = Path(data_dir).resolve()
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    executable = label_studio_executable()
    if port is None:
        port = free_port()
    elif not port_is_free(port):
        raise VnerError("Port in use", f"{HOST}:{port}", "Pick another with --port, or leave it out to take the first free port from 8080.")
    credentials, created = load_credentials(data_dir)
    url = f"http://{HOST}:{port}"
    pid_file = _claim(data_dir, url)
    env = {
        **os.environ,
        "LABEL_STUDIO_BASE_DATA_DIR": str(data_dir),
        "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
        "LABEL_STUDIO_USERNAME": credentials.username,
        "LABEL_STUDIO_PASSWORD": credentials.password,
        "LABEL_STUDIO_USER_TOKEN": credentials.api_key,
        # Local, private: no update check, analytics or error reporting.
        "LATEST_VERSION_CHECK": "false",
        "COLLECT_ANALYTICS": "false",
        "SENTRY_DSN": "",
        "FRONTEND_SENTRY_DSN": "",
        **access_env(port),
        **(database or {}),
    }
    cmd = [
        executable, "start", "--no-browser",
        "--data-dir", str(data_dir),
        "--port", str(port),
        "--internal-host", HOST,
        "--host", url,
    ]
    log_path = data_dir / LOG_FILE
    try:
        with open(log_path, "ab") as log:
            process = subprocess.Popen(
                cmd, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True, cwd=data_dir,
            )
    except BaseException:
        pid_file.unlink(missing_ok=True)
        raise
    write_text_atomic(pid_file, json.dumps({"owner": os.getpid(), "pid": process.pid, "url": url}))
    server = Server(data_dir, port, credentials, created, process, pid_file, log_path)
    try:
        _wait_until_up(server, timeout)
    except BaseException:
        server.stop()
        raise
    logger.info("Label Studio is up at %s (data in %s)", url, data_dir)
    return server


def _wait_until_up(server: Server, timeout: float) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while True:
        if server.process.poll() is not None:
            raise VnerError(
                "Label Studio stopped while starting",
                f"exit code {server.process.returncode}; last lines of {server.log_path}:\n{_tail(server.log_path)}",
                "Fix the cause shown in the log and start again.",
            )
        try:
            if httpx.get(f"{server.url}/health", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise VnerError(
                "Label Studio did not start in time",
                f"{server.url} not up after {timeout:.0f} s; see {server.log_path}",
                "Check the log; on a slow machine the first start migrates the database for a minute or more.",
            )
        time.sleep(1.0)


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError as e:
        return f"(no log: {errno.errorcode.get(e.errno, e)})"
