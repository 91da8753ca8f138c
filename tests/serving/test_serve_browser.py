"""The annotator's view: a task opened in Chromium shows the backend's suggestion.

Label Studio (the session fixture) with `vner serve` connected; the task has
no prediction until it is opened, so what the screen shows comes from the
backend. Uses the browser helpers of tests/annotation/test_browser.py.
"""

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "annotation"))

from browser_helpers import Annotator, Region, launch  # noqa: E402
from vner.annotation.labeling import connect  # noqa: E402
from vner.annotation.push import push  # noqa: E402
from vner.core.documents import Document  # noqa: E402
from vner.serving.connect import connect_backend  # noqa: E402

pytestmark = pytest.mark.slow

TEXT = "Đại tá Trần Văn Hải, Giám đốc Công an tỉnh Nghệ An, gặp 12 chiến sĩ."


def test_opened_task_shows_the_backends_suggestion(label_studio, ls_client, backend, tmp_path):
    from playwright.sync_api import sync_playwright

    with connect(label_studio.url, label_studio.api_key) as conn:
        report = push(conn, f"serve browser {time.monotonic_ns()}", [Document("hai", TEXT)], pre_annotate="none")
        connect_backend(conn, report.project_id, backend.url)
    [task] = list(ls_client.tasks.list(project=report.project_id, page_size=10))
    with sync_playwright() as playwright:
        context = launch(playwright, tmp_path / "profile")
        try:
            annotator = Annotator(context.new_page(), label_studio.url, tmp_path)
            annotator.login(label_studio.username, label_studio.password)
            annotator.open_task(report.project_id, task.id)
            shown = annotator.regions()
        finally:
            context.close()
    # What the backend predicted for the task, as Label Studio stored it.
    stored = ls_client.tasks.get(id=task.id)
    [prediction] = [p if isinstance(p, dict) else p.dict() for p in stored.predictions]
    expected = [Region(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0], r["value"]["text"])
                for r in sorted(prediction["result"], key=lambda r: r["value"]["start"])]
    assert expected, "the backend suggested nothing"
    assert sorted(shown, key=lambda r: r.start) == expected
