"""The Label Studio side of the scheme: labeling config, guideline, project.

Everything an annotator sees is generated from the repository
(`configs/labels.json`, `docs/guidelines.md`), so the project in Label Studio
cannot drift from the scheme the model is trained on. Connecting, finding a
project by title and turning API failures into `VnerError`s live here too,
shared by `push`, `pull` and `vner annotate`.
"""

import contextlib
import logging
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence
from xml.sax.saxutils import quoteattr

from vner.core.errors import VnerError
from vner.core.scheme import Label, load_scheme
from vner.core.resources import GUIDELINES_PATH

logger = logging.getLogger(__name__)

# Names the config, the results and the converter agree on.
FROM_NAME = "label"
TO_NAME = "text"
# Annotators select whole words: a click-and-drag snaps to word boundaries
# (browser word breaking keeps "Baonghean.vn" and "417,9" whole and leaves
# brackets and commas out), so spans do not start or end inside a syllable.
GRANULARITY = "word"
DEFAULT_URL = "http://localhost:8080"
KEY_HELP = (
    "Copy your token from Label Studio (Account & Settings → Legacy Token) and put it in "
    "LABEL_STUDIO_API_KEY or a 0600 file passed with --api-key-file; for the local server "
    "of `vner annotate`, run `vner annotate --show-credentials`."
)


def label_config(labels: Sequence[Label] | None = None) -> str:
    """The labeling config for the scheme: one `Labels` control over the text.

    >>> print(label_config([Label("PER", "1", "#ff0000", "A person")]))
    <View>
      <Style>.htx-text { white-space: pre-wrap; }</Style>
      <Labels name="label" toName="text">
        <Label value="PER" background="#ff0000" hotkey="1" hint="A person"/>
      </Labels>
      <Text name="text" value="$text" granularity="word"/>
    </View>
    """
    labels = load_scheme() if labels is None else labels
    lines = ["<View>", "  <Style>.htx-text { white-space: pre-wrap; }</Style>"]
    lines.append(f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">')
    for label in labels:
        lines.append(
            f"    <Label value={quoteattr(label.name)} background={quoteattr(label.color)} "
            f"hotkey={quoteattr(label.hotkey)} hint={quoteattr(label.description)}/>"
        )
    lines.append("  </Labels>")
    lines.append(f'  <Text name="{TO_NAME}" value="${TO_NAME}" granularity="{GRANULARITY}"/>')
    lines.append("</View>")
    return "\n".join(lines)


def config_labels(config: str) -> list[str]:
    """Label names of a labeling config, in order.

    >>> config_labels(label_config())
    ['PERSON', 'RANK', 'ORG', 'PROVINCE', 'QUANTITY']
    """
    try:
        root = ET.fromstring(config)
    except ET.ParseError:
        return []
    return [el.get("value", "") for el in root.iter("Label")]


def same_config(a: str, b: str) -> bool:
    """Whether two labeling configs are the same XML (whitespace aside).

    >>> same_config(label_config(), label_config().replace("\\n", ""))
    True
    """
    try:
        return _canonical(a) == _canonical(b)
    except ET.ParseError:
        return a.strip() == b.strip()


def _canonical(config: str) -> str:
    return ET.canonicalize(config, strip_text=True)


def guideline_html(path: Path = GUIDELINES_PATH) -> str:
    """The annotation guideline as HTML for the project's instructions.

    >>> guideline_html().startswith("<h1>Annotation guidelines")
    True
    """
    from markdown_it import MarkdownIt  # ships with rich, which typer needs

    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise VnerError("Guideline not found", str(path), "Run vner from its repository.") from None
    return MarkdownIt("commonmark", {"html": False}).enable("table").render(text)


# --- connecting --------------------------------------------------------------


@dataclass
class Connection:
    """A checked SDK client and the URL it talks to (for error messages).

    Closing it (or leaving its `with` block) closes its HTTP connections.
    """

    client: object
    url: str
    http: object = None  # the httpx.Client the SDK client uses

    def close(self) -> None:
        if self.http is not None:
            self.http.close()

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def read_api_key(api_key: str | None = None, api_key_file: Path | None = None) -> str | None:
    """The API key from a 0600 file, the argument, or LABEL_STUDIO_API_KEY."""
    if api_key_file is not None:
        path = Path(api_key_file)
        if not path.is_file():
            raise VnerError("API key file not found", str(path), "Pass a file that holds only the token.")
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            raise VnerError(
                "API key file readable by others",
                f"{path} has mode {mode:04o}",
                f"Restrict it: chmod 600 {path}",
            )
        key = path.read_text(encoding="utf-8").strip()
        if not key:
            raise VnerError("Empty API key file", str(path), KEY_HELP)
        return key
    return api_key or os.environ.get("LABEL_STUDIO_API_KEY") or None


def connect(url: str | None = None, api_key: str | None = None, *, timeout: float = 120.0) -> Connection:
    """An SDK client for `url` whose key has been checked against the server."""
    from label_studio_sdk import LabelStudio

    url = (url or os.environ.get("LABEL_STUDIO_URL") or DEFAULT_URL).rstrip("/")
    api_key = api_key or os.environ.get("LABEL_STUDIO_API_KEY")
    if not api_key:
        raise VnerError("No Label Studio API key", f"for {url}", KEY_HELP)
    import httpx

    http = httpx.Client(timeout=timeout, follow_redirects=True)
    conn = Connection(LabelStudio(base_url=url, api_key=api_key, httpx_client=http, timeout=timeout), url, http)
    try:
        with api_errors(conn):
            conn.client.users.whoami()
    except BaseException:
        conn.close()
        raise
    return conn


@contextlib.contextmanager
def api_errors(conn: Connection, what: str = "") -> Iterator[None]:
    """Turn SDK and network failures into `VnerError`s that name the server."""
    import httpx
    from label_studio_sdk.core.api_error import ApiError

    try:
        yield
    except httpx.TimeoutException:
        raise VnerError(
            "Label Studio did not answer in time",
            f"{conn.url}{' (' + what + ')' if what else ''}",
            "The server may be overloaded; retry (pushing and pulling are safe to repeat), or pass a longer --timeout where offered.",
        ) from None
    except httpx.TransportError as e:
        raise VnerError(
            "Label Studio not reachable",
            f"{conn.url} ({type(e).__name__}: {e})",
            "Start it with `vner annotate`, or check --url / LABEL_STUDIO_URL.",
        ) from None
    except ApiError as e:
        if e.status_code == 401:
            raise VnerError("Label Studio rejected the API key", conn.url, KEY_HELP) from None
        if e.status_code == 403:
            raise VnerError("Not allowed by Label Studio", f"{conn.url}: {_body_detail(e.body)}", "Use the token of a user who administers the project.") from None
        raise VnerError(
            f"Label Studio refused the request{' to ' + what if what else ''}",
            f"{conn.url}: HTTP {e.status_code}: {_body_detail(e.body)}",
            "See the server's log for details.",
        ) from None


def _body_detail(body) -> str:
    if isinstance(body, dict):
        detail = body.get("validation_errors") or body.get("detail") or body
        return str(detail)[:500]
    return str(body)[:500]


# --- projects ----------------------------------------------------------------


def find_project(conn: Connection, title: str):
    """The one project titled `title`, or None; several is an error."""
    with api_errors(conn, "list projects"):
        projects = [p for p in conn.client.projects.list(page_size=100) if p.title == title]
    if len(projects) > 1:
        raise VnerError(
            "Ambiguous project title",
            f"{len(projects)} projects are titled {title!r} on {conn.url} (ids {', '.join(str(p.id) for p in projects)})",
            "Rename all but one in Label Studio (Settings → General), or pick another --project.",
        )
    return projects[0] if projects else None


def get_project(conn: Connection, title: str):
    """The project titled `title`; not finding it is an error."""
    project = find_project(conn, title)
    if project is None:
        with api_errors(conn, "list projects"):
            titles = sorted(p.title for p in conn.client.projects.list(page_size=100))
        raise VnerError(
            "Project not found",
            f"{title!r} on {conn.url}" + (f" (projects: {', '.join(map(repr, titles))})" if titles else " (no projects)"),
            "Check --project, or create it with `vner push SOURCES --project TITLE`.",
        )
    return project


def get_field(obj, name):
    """A field of an SDK object, or of the plain dict some SDK calls return."""
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def labels_in_use(conn: Connection, project_id: int) -> dict[str, int]:
    """How many spans of annotations and drafts use each label.

    Counted from the tasks themselves, not from the project summary: Label
    Studio updates the summary read-modify-write, and a CI run saw it miss a
    fresh annotation, which would have let a config update orphan its spans.
    """
    counts: dict[str, int] = {}
    with api_errors(conn, "read the project's annotations"):
        for task in conn.client.tasks.list(project=project_id, fields="all", page_size=100):
            for item in [*(task.annotations or []), *(get_field(task, "drafts") or [])]:
                result = get_field(item, "result")
                for region in result if isinstance(result, list) else []:
                    value = region.get("value") if isinstance(region, dict) else None
                    for label in (value or {}).get("labels") or []:
                        counts[label] = counts.get(label, 0) + 1
    return counts


def raw_get(conn: Connection, path: str, what: str, **params):
    """GET an endpoint the SDK has no method for, with the SDK's auth."""
    from label_studio_sdk.core.api_error import ApiError

    with api_errors(conn, what):
        response = conn.client._client_wrapper.httpx_client.request(path, method="GET", params=params or None)
        if response.status_code >= 400:
            try:
                body = response.json()
            except ValueError:
                body = response.text
            raise ApiError(status_code=response.status_code, headers=dict(response.headers), body=body)
    return response.json()


def _create_project(conn: Connection, title: str, config: str) -> "ProjectState":
    """Create the project, then settle a race with another push creating it too.

    Two pushes that both found no project both create one. Each then re-reads
    the projects with that title and keeps the oldest; a newer one without
    tasks is deleted (its creator switches to the oldest before importing).
    A failed create (SQLite "database is locked" inside Label Studio after the
    row was written) is not retried blindly: the re-read finds the row.
    """
    created, failure = None, None
    try:
        with api_errors(conn, "create the project"):
            created = conn.client.projects.create(
                title=title,
                label_config=config,
                expert_instruction=guideline_html(),
                show_instruction=True,
                request_options={"max_retries": 0},
            )
    except VnerError as e:
        failure = e
    with api_errors(conn, "list projects"):
        same = sorted((p for p in conn.client.projects.list(page_size=100) if p.title == title), key=lambda p: p.id)
    if not same:
        raise failure or VnerError("Project vanished", f"{title!r} on {conn.url}", "Push again.")
    keep = same[0]
    for other in same[1:]:
        if (created is not None and other.id == created.id) or not (other.task_number or 0):
            delete_quietly(conn, "projects", other.id)
            logger.info("Removed project %s: %r already existed as project %s", other.id, title, keep.id)
    ours = created is not None and keep.id == created.id
    if ours:
        logger.info("Created project %r (id %s)", title, keep.id)
    return ProjectState(keep.id, title, created=ours)


def delete_quietly(conn: Connection, resource: str, item_id: int) -> bool:
    """Delete a project, task, prediction or annotation; one already gone
    (another push removed it first) is not an error. Returns whether it was there."""
    from label_studio_sdk.core.api_error import ApiError

    with api_errors(conn, f"delete {resource} {item_id}"):
        try:
            getattr(conn.client, resource).delete(id=item_id if resource != "tasks" else str(item_id))
        except ApiError as e:
            if e.status_code == 404:
                return False
            raise
    return True


@dataclass
class ProjectState:
    id: int
    title: str
    created: bool = False
    config_updated: bool = False


def ensure_project(conn: Connection, title: str, *, update_config: bool = False, labels: Sequence[Label] | None = None) -> ProjectState:
    """Create the project with the repo's config, or check (and update) its config.

    A changed scheme is applied only with `update_config`, and never when it
    would remove a label that annotations use.
    """
    if len(title) < 3:
        raise VnerError("Project title too short", repr(title), "Label Studio needs at least 3 characters.")
    config = label_config(labels)
    project = find_project(conn, title)
    if project is None:
        return _create_project(conn, title, config)
    state = ProjectState(project.id, title)
    with api_errors(conn, "read the project"):
        current = conn.client.projects.get(id=project.id)
    if same_config(current.label_config or "", config):
        if update_config and (current.expert_instruction or "") != guideline_html():
            with api_errors(conn, "update the instructions"):
                conn.client.projects.update(id=project.id, expert_instruction=guideline_html(), show_instruction=True)
        return state
    old, new = config_labels(current.label_config or ""), config_labels(config)
    removed = [name for name in old if name not in new]
    added = [name for name in new if name not in old]
    change = ", ".join(
        part for part in (
            f"removes {', '.join(removed)}" if removed else "",
            f"adds {', '.join(added)}" if added else "",
        ) if part
    ) or "changes colours, hotkeys, hints or layout"
    if not update_config:
        raise VnerError(
            "Labeling config differs from the repository's",
            f"project {title!r} (id {project.id}) on {conn.url}: the repository's scheme {change}",
            "Re-run with --update-config to apply configs/labels.json to the project.",
        )
    in_use = {name: n for name, n in labels_in_use(conn, project.id).items() if name in removed}
    if in_use:
        raise VnerError(
            "Scheme change would remove labels in use",
            f"project {title!r} (id {project.id}): "
            + ", ".join(f"{name} ({n} annotated span{'s' if n != 1 else ''})" for name, n in sorted(in_use.items())),
            "Relabel or delete those spans in Label Studio first, or keep the labels in configs/labels.json.",
        )
    with api_errors(conn, "update the labeling config"):
        conn.client.projects.update(
            id=project.id, label_config=config, expert_instruction=guideline_html(), show_instruction=True
        )
    logger.info("Updated the labeling config of %r (%s)", title, change)
    state.config_updated = True
    return state


# --- annotators ----------------------------------------------------------------


def invite_link(conn: Connection) -> str:
    """The organisation's invitation link: the only way to sign up on a
    server started by `vner annotate` (DISABLE_SIGNUP_WITHOUT_LINK)."""
    invite = raw_get(conn, "api/invite", "read the invitation link")
    return f"{conn.url}{invite['invite_url']}"


def add_user(conn: Connection, email: str) -> str:
    """Sign `email` up through the invitation link; return its new password.

    The password is random and returned once (never stored): the annotation
    lead hands it over and the annotator changes it under Account & Settings.
    Label Studio's user API cannot set a password, its sign-up form can.
    """
    import re
    import secrets

    import httpx

    link = invite_link(conn)
    password = secrets.token_urlsafe(12)
    try:
        with httpx.Client(timeout=60, follow_redirects=False) as web:
            web.get(link).raise_for_status()
            response = web.post(
                link,
                data={"email": email, "password": password, "csrfmiddlewaretoken": web.cookies.get("csrftoken", "")},
                headers={"Referer": link},
            )
    except httpx.HTTPError as e:
        raise VnerError("Could not add the user", f"{email} on {conn.url}: {e}", "Check that the server runs, then try again.") from None
    if response.status_code in (302, 303):
        logger.info("Added user %s", email)
        return password
    errors = re.findall(r'class="[^"]*(?:error|field_errors)[^"]*"[^>]*>\s*([^<]{3,200})<', response.text)
    known = next((m for m in ("already exists", "Invalid email", "too long") if m in response.text), None)
    raise VnerError(
        "Could not add the user",
        f"{email} on {conn.url}: HTTP {response.status_code}" + (f": {known}" if known else f": {'; '.join(e.strip() for e in errors)[:300]}" if errors else ""),
        "Use another email (each account needs its own), or send the invitation link from `vner annotate` instead.",
    )
