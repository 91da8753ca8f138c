"""Label Studio on PostgreSQL: `vner annotate --database postgresql://USER@HOST:PORT/NAME`.

SQLite (a file in the data dir) stays the default. The password never goes
on the command line or into the URL: it comes from the environment
(`VNER_DATABASE_PASSWORD`, else libpq's `PGPASSWORD`) or from a file only
its owner can read.
"""

import os
import stat
from pathlib import Path
from urllib.parse import unquote, urlsplit

from vner.core.errors import VnerError

PASSWORD_ENVS = ("VNER_DATABASE_PASSWORD", "PGPASSWORD")
FORM = "postgresql://USER@HOST:PORT/NAME"


def database_env(url: str, password_file: Path | None = None, environ: dict | None = None) -> dict[str, str]:
    """Label Studio's settings for the PostgreSQL database at `url`.

    >>> env = database_env("postgresql://ls@127.0.0.1:5433/labels", environ={"PGPASSWORD": "s3cret"})
    >>> {k: v for k, v in env.items() if k != "POSTGRE_PASSWORD"}
    {'DJANGO_DB': 'default', 'POSTGRE_USER': 'ls', 'POSTGRE_HOST': '127.0.0.1', 'POSTGRE_PORT': '5433', 'POSTGRE_NAME': 'labels'}
    """
    environ = os.environ if environ is None else environ
    try:
        parts = urlsplit(url)
        port = parts.port or 5432
    except ValueError as e:
        raise VnerError("Invalid --database URL", f"{url!r}: {e}", f"Write it as {FORM}.") from None
    if parts.scheme not in ("postgresql", "postgres"):
        raise VnerError("Unsupported database", f"{parts.scheme or url!r}", f"Only PostgreSQL: {FORM} (leave --database out for SQLite).")
    if parts.password is not None:
        raise VnerError("Password in the --database URL", "the command line is visible to other users and kept in shell history",
                        f"Remove it from the URL; set {PASSWORD_ENVS[0]} or pass --database-password-file (mode 0600).")
    name = unquote(parts.path.lstrip("/"))
    if not parts.username or not parts.hostname or not name:
        raise VnerError("Incomplete --database URL", url, f"Write it as {FORM}.")
    return {
        "DJANGO_DB": "default",
        "POSTGRE_USER": unquote(parts.username),
        "POSTGRE_PASSWORD": _password(password_file, environ),
        "POSTGRE_HOST": parts.hostname,
        "POSTGRE_PORT": str(port),
        "POSTGRE_NAME": name,
    }


def _password(path: Path | None, environ) -> str:
    if path is None:
        for name in PASSWORD_ENVS:
            if environ.get(name):
                return environ[name]
        raise VnerError("No database password", f"neither {' nor '.join(PASSWORD_ENVS)} is set and no --database-password-file",
                        f"export {PASSWORD_ENVS[0]}=... or put it in a file with mode 0600 and pass --database-password-file.")
    path = Path(path)
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="utf-8").strip()
    except OSError as e:
        raise VnerError("Cannot read the database password file", f"{path}: {e.strerror}", "Check the path.") from None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise VnerError("Database password file readable by others", f"{path} has mode {stat.S_IMODE(mode):o}", f"chmod 600 {path}")
    if not text:
        raise VnerError("Empty database password file", str(path), "Put the password in it.")
    return text
