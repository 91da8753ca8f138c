"""Drive Label Studio's labeling screen in headless Chromium, as an annotator.

Debian's `chromium` is driven through Playwright's protocol client (never a
browser that Playwright downloads). The flags keep a sandboxed, offline
machine from hanging on network calls. Selectors are Label Studio 1.23's own:

- text: `.lsf-richtext__container` (the `Text` tag rendered inline),
- a region: `.htx-highlight` spans with `data-start`, `data-end` and
  `data-label="<index>:<label>"` (a region split by an overlapping one has
  several spans sharing the class `htx-highlight-<region id>`),
- labels: `.lsf-label` with `.lsf-label__text` and `.lsf-label__hotkey`,
  `.lsf-label_selected` for the active one,
- submit: `[data-testid=bottombar-submit-button]`.
"""

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from vner.annotation.labeling import FROM_NAME
from vner.core.files import write_bytes_atomic
REPO_ROOT = Path(__file__).resolve().parents[2]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
VIEWPORT = {"width": 1440, "height": 900}
# Generous: a first page load compiles megabytes of JavaScript on a busy 2-core machine.
TIMEOUT_MS = 180_000
TEXT = ".lsf-richtext__container"
REGION = f"{TEXT} .htx-highlight"
SELECTED_LABEL = ".lsf-labels .lsf-label_selected"
SUBMIT = "[data-testid=bottombar-submit-button]"
DOCS_SCREENSHOT = REPO_ROOT / "docs" / "annotate.png"


def chromium_path() -> str | None:
    """Debian's Chromium, or whatever `chromium` is on PATH."""
    return CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")


@dataclass(frozen=True)
class Region:
    """A region as the labeling screen shows it (offsets from its data attributes)."""

    start: int
    end: int
    label: str
    text: str


# The regions on screen, one per region id, in document order.
_REGIONS_JS = """(selector) => {
  const regions = new Map();
  for (const el of document.querySelectorAll(selector)) {
    const key = [...el.classList].find((c) => c.startsWith('htx-highlight-')) || el;
    const r = regions.get(key) || {start: null, end: null, label: null, text: ''};
    if (el.dataset.start !== undefined) r.start = Number(el.dataset.start);
    if (el.dataset.end !== undefined) r.end = Number(el.dataset.end);
    if (el.dataset.label) r.label = el.dataset.label.slice(el.dataset.label.indexOf(':') + 1);
    r.text += el.textContent;
    regions.set(key, r);
  }
  return [...regions.values()];
}"""

# Screen coordinates of the `nth` occurrence of `needle` in the displayed text
# (Label Studio leaves line breaks out of the DOM, so a needle must not span
# one). JavaScript strings count UTF-16 units; the DOM Range does the mapping.
_LOCATE_JS = """([selector, needle, nth]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let text = '';
  while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return null;
  }
  const locate = (pos, isEnd) => {
    for (let i = nodes.length - 1; i >= 0; i--) {
      const [node, start] = nodes[i];
      if (isEnd ? pos > start : pos >= start) return [node, pos - start];
    }
  };
  const [startNode, startOffset] = locate(at, false);
  const [endNode, endOffset] = locate(at + needle.length, true);
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  startNode.parentElement.scrollIntoView({block: 'center', behavior: 'instant'});
  const rects = [...range.getClientRects()].filter((r) => r.width > 0);
  const first = rects[0], last = rects[rects.length - 1];
  return {
    x1: first.left + 1, y1: first.top + first.height / 2,
    x2: last.right - 1, y2: last.top + last.height / 2,
    text: range.toString(),
  };
}"""


# True once the editor has finished loading the task and kept the same
# annotation selected for a second: the data manager first shows a
# provisional annotation and swaps in the task's own a moment later, which
# drops anything done to the first (hotkeys are unbound and bound again).
_SETTLED_JS = """() => {
  const H = window.Htx, D = window.DM;
  const a = H && H.annotationStore && H.annotationStore.selected;
  if (!a || H.isLoading || !D || D.loadingData) { window.__vnerSettled = null; return false; }
  const now = performance.now();
  if (!window.__vnerSettled || window.__vnerSettled.id !== a.id) { window.__vnerSettled = {id: a.id, since: now}; return false; }
  return now - window.__vnerSettled.since > 1000;
}"""

# The labels active in the editor's model (updated as the key is handled).
_ACTIVE_LABELS_JS = """(name) => {
  const a = window.Htx && window.Htx.annotationStore && window.Htx.annotationStore.selected;
  const control = a && a.names.get(name);
  return control ? control.selectedLabels.map((l) => l.value) : null;
}"""


class Annotator:
    """One logged-in browser page on a Label Studio server."""

    def __init__(self, page, base_url: str, debug_dir: Path):
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.debug_dir = Path(debug_dir)

    # --- navigation -----------------------------------------------------------

    def login(self, username: str, password: str) -> None:
        page = self.page
        page.goto(f"{self.base_url}/user/login/")
        page.fill("input[name=email]", username)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        try:
            # The app's own requests can keep the `load` event waiting; the URL is enough.
            page.wait_for_url(lambda url: "/user/login" not in url, wait_until="commit")
        except Exception:
            self.debug_screenshot("login-failed")
            raise AssertionError(f"Login as {username} failed: {page.inner_text('body')[:300]!r}") from None

    def open_task(self, project_id: int, task_id: int, *, regions: bool = True) -> None:
        """Open a task in the project's data manager and wait for its text (and regions)."""
        self.page.goto(f"{self.base_url}/projects/{project_id}/data?task={task_id}", wait_until="commit")
        self.wait_for(TEXT)
        self.page.wait_for_function(_SETTLED_JS, polling=100)
        if regions:
            self.wait_for(REGION)

    def wait_for(self, selector: str) -> None:
        try:
            self.page.wait_for_selector(selector)
        except Exception:
            shot = self.debug_screenshot("timeout")
            raise AssertionError(f"{selector!r} did not appear at {self.page.url}; screenshot: {shot}") from None

    # --- what the screen shows ------------------------------------------------

    def regions(self) -> list[Region]:
        return [Region(**r) for r in self.page.evaluate(_REGIONS_JS, REGION)]

    def labels(self) -> list[tuple[str, str]]:
        """(label, hotkey) of each label button."""
        return [
            tuple(pair)
            for pair in self.page.eval_on_selector_all(
                ".lsf-labels .lsf-label",
                "els => els.map((e) => [e.querySelector('.lsf-label__text').textContent,"
                " (e.querySelector('.lsf-label__hotkey') || {}).textContent || ''])",
            )
        ]

    def selected_labels(self) -> list[str]:
        return self.page.eval_on_selector_all(f"{SELECTED_LABEL} .lsf-label__text", "els => els.map((e) => e.textContent)")

    def displayed_text(self) -> str:
        return self.page.text_content(TEXT)

    # --- annotating -----------------------------------------------------------

    def label_span(self, needle: str, hotkey: str, label: str, nth: int = 0) -> None:
        """Press a label's hotkey, then drag the mouse over the text to label it.

        Label Studio drops the active label once the region is made (its
        default), so every span starts from no active label.
        """
        page = self.page
        page.wait_for_selector(SELECTED_LABEL, state="detached")
        # A key pressed while the editor rebinds its hotkeys is lost; the
        # model says at once whether it was handled, so pressing again is safe.
        for _ in range(3):
            page.keyboard.press(hotkey)
            if page.evaluate(_ACTIVE_LABELS_JS, FROM_NAME) == [label]:
                break
            page.wait_for_function(_SETTLED_JS, polling=100)
        else:
            shot = self.debug_screenshot("hotkey")
            raise AssertionError(f"hotkey {hotkey} did not select {label}; screenshot: {shot}")
        page.wait_for_function(
            "([selector, label]) => [...document.querySelectorAll(selector)].map((e) => e.textContent).join() === label",
            arg=[f"{SELECTED_LABEL} .lsf-label__text", label],
        )
        before = len(self.regions())
        box = page.evaluate(_LOCATE_JS, [TEXT, needle, nth])
        assert box is not None, f"{needle!r} (occurrence {nth}) is not on the screen"
        assert box["text"] == needle
        page.mouse.move(box["x1"], box["y1"])
        page.mouse.down()
        page.mouse.move((box["x1"] + box["x2"]) / 2, (box["y1"] + box["y2"]) / 2, steps=4)
        page.mouse.move(box["x2"], box["y2"], steps=4)
        page.mouse.up()
        page.wait_for_function(
            "([selector, n]) => new Set([...document.querySelectorAll(selector)].map("
            "(e) => [...e.classList].find((c) => c.startsWith('htx-highlight-')))).size > n",
            arg=[REGION, before],
        )
        page.wait_for_selector(SELECTED_LABEL, state="detached")

    def click_region(self, start: int, end: int) -> None:
        """Select a region by clicking it (with no label active, a click selects)."""
        self.page.wait_for_selector(SELECTED_LABEL, state="detached")
        self.page.click(f'{REGION}[data-start="{start}"][data-end="{end}"]')
        self.page.wait_for_selector(SELECTED_LABEL)

    def relabel_region(self, start: int, end: int, hotkey: str, label: str) -> None:
        """Correct a region's label: click it, press the right label's hotkey."""
        self.click_region(start, end)
        self.page.keyboard.press(hotkey)
        self.page.wait_for_selector(f'{REGION}[data-start="{start}"][data-end="{end}"][data-label$=":{label}"]')
        self.page.keyboard.press("Escape")
        self.page.wait_for_selector(SELECTED_LABEL, state="detached")

    def delete_region(self, start: int, end: int) -> None:
        """Reject a region: click it, press Backspace."""
        self.click_region(start, end)
        self.page.keyboard.press("Backspace")
        self.page.wait_for_selector(f'{REGION}[data-start="{start}"][data-end="{end}"]', state="detached")
        self.page.wait_for_selector(SELECTED_LABEL, state="detached")

    def submit(self) -> dict:
        """Submit the annotation; return what the server answered."""
        with self.page.expect_response(
            lambda r: r.request.method == "POST" and "/annotations" in r.url and "/api/tasks/" in r.url
        ) as response:
            self.page.click(SUBMIT)
        assert response.value.status == 201, f"submit answered HTTP {response.value.status}: {response.value.text()[:300]}"
        return response.value.json()

    # --- screenshots ----------------------------------------------------------

    def screenshot(self, path: Path) -> bytes:
        self.page.mouse.move(0, 0)  # no hover tooltip in the picture
        png = self.page.screenshot()
        write_bytes_atomic(Path(path), png)
        return png

    def debug_screenshot(self, name: str) -> Path | None:
        path = self.debug_dir / f"{name}.png"
        try:
            self.page.screenshot(path=str(path))
        except Exception:
            return None
        return path


def docs_screenshot_wanted() -> bool:
    """`VNER_SCREENSHOTS=docs` refreshes docs/annotate.png from the test run."""
    return os.environ.get("VNER_SCREENSHOTS", "").strip().lower() == "docs"


def launch(playwright, user_data_dir: Path | None = None):
    """A persistent context (a fresh user-data dir) of Debian's Chromium."""
    executable = chromium_path()
    if executable is None:
        raise AssertionError("Chromium not found: install Debian's `chromium` (make system-deps)")
    context = playwright.chromium.launch_persistent_context(
        str(user_data_dir or tempfile.mkdtemp(prefix="vner-chromium-")),
        executable_path=executable,
        args=CHROMIUM_FLAGS,
        headless=True,
        viewport=VIEWPORT,
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    return context
