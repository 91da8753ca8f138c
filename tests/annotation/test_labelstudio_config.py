"""Labeling config, guideline, credentials, ports and the data-dir lock (no server)."""

import json
import os
import socket
import stat

import pytest

from vner.annotation import labeling, server
from vner.core.errors import VnerError
from vner.core.scheme import Label, load_scheme


def test_config_follows_the_scheme():
    from label_studio_sdk.label_interface import LabelInterface

    config = labeling.label_config()
    interface = LabelInterface(config)
    control = interface.get_control(labeling.FROM_NAME)
    assert control.to_name == [labeling.TO_NAME]
    scheme = load_scheme()
    assert control.labels == [label.name for label in scheme]
    import xml.etree.ElementTree as ET

    root = ET.fromstring(config)
    attrs = {el.get("value"): el.attrib for el in root.iter("Label")}
    for label in scheme:
        assert attrs[label.name]["background"] == label.color
        assert attrs[label.name]["hotkey"] == label.hotkey
    assert sorted(a["hotkey"] for a in attrs.values()) == ["1", "2", "3", "4", "5"]
    (text,) = root.iter("Text")
    assert text.get("value") == "$text" and text.get("granularity") == labeling.GRANULARITY


def test_config_escapes_attribute_values():
    config = labeling.label_config([Label('A "quoted" <label>', "1", "#000000", "x & y")])
    assert labeling.config_labels(config) == ['A "quoted" <label>']


@pytest.mark.parametrize(
    "a, b, same",
    [
        (labeling.label_config(), labeling.label_config(), True),
        (labeling.label_config(), "\n\n" + labeling.label_config().replace("  ", ""), True),
        (labeling.label_config(), labeling.label_config(load_scheme()[:4]), False),
        (labeling.label_config(), labeling.label_config().replace("#e6194b", "#000000"), False),
    ],
)
def test_same_config(a, b, same):
    assert labeling.same_config(a, b) is same


def test_guideline_is_html_with_tables_and_no_raw_html(tmp_path):
    html = labeling.guideline_html()
    assert html.startswith("<h1>")
    assert "<table>" in html and "<th>Label</th>" in html
    assert "<h2>PERSON</h2>" in html and "<li>" in html
    md = tmp_path / "g.md"
    md.write_text("# T\n\n*em* and <script>alert(1)</script>\n", encoding="utf-8")
    out = labeling.guideline_html(md)
    assert "<em>em</em>" in out and "<script>" not in out
    with pytest.raises(VnerError, match="Guideline not found"):
        labeling.guideline_html(tmp_path / "missing.md")


def test_api_key_file_must_be_private(tmp_path, monkeypatch):
    key = tmp_path / "key"
    key.write_text("abc123\n", encoding="utf-8")
    key.chmod(0o644)
    with pytest.raises(VnerError, match="readable by others") as e:
        labeling.read_api_key(api_key_file=key)
    assert "chmod 600" in e.value.fix
    key.chmod(0o600)
    assert labeling.read_api_key(api_key_file=key) == "abc123"
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", "from-env")
    assert labeling.read_api_key() == "from-env"
    assert labeling.read_api_key("given") == "given"


def test_missing_api_key_says_how_to_get_one(monkeypatch):
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)
    with pytest.raises(VnerError, match="No Label Studio API key") as e:
        labeling.connect("http://127.0.0.1:9")
    assert "Legacy Token" in e.value.fix and "--show-credentials" in e.value.fix


def test_credentials_are_created_once_and_private(tmp_path):
    first, created = server.load_credentials(tmp_path)
    again, created_again = server.load_credentials(tmp_path)
    assert created and not created_again
    assert first == again
    assert len(first.api_key) == 40 and int(first.api_key, 16) >= 0
    mode = stat.S_IMODE(os.stat(tmp_path / server.CREDENTIALS_FILE).st_mode)
    assert mode == 0o600
    other, _ = server.load_credentials(tmp_path / "other")
    assert other.password != first.password and other.api_key != first.api_key


def test_port_checks():
    with socket.socket() as s:
        s.bind((server.HOST, 0))
        s.listen()
        port = s.getsockname()[1]
        assert not server.port_is_free(port)
        assert server.free_port(port) != port
    assert server.port_is_free(port)


def test_pid_file_of_a_live_process_refuses_the_data_dir(tmp_path):
    (tmp_path / server.PID_FILE).write_text(json.dumps({"pid": os.getpid(), "url": "http://127.0.0.1:1"}), encoding="utf-8")
    with pytest.raises(VnerError, match="Data dir already in use") as e:
        server._claim(tmp_path, "http://127.0.0.1:2")
    assert "http://127.0.0.1:1" in e.value.detail and str(os.getpid()) in e.value.detail


def test_stale_pid_file_is_replaced(tmp_path):
    import subprocess
    import sys

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / server.PID_FILE).write_text(json.dumps({"pid": dead.pid, "owner": dead.pid}), encoding="utf-8")
    path = server._claim(tmp_path, "http://127.0.0.1:3")
    assert json.loads(path.read_text(encoding="utf-8"))["owner"] == os.getpid()
