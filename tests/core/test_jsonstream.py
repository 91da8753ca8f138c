"""The one streaming reader of JSON lists (exports, `vner tag` outputs)."""

import json

import pytest

from vner.core import jsonstream
from vner.core.errors import VnerError
from vner.core.jsonstream import json_list_items


def test_items_are_what_json_loads_reads_even_where_ijson_differs(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonstream, "READ_SIZE", 3)
    text = '[{"t": "\\ud83d\\ude00 \\ud800 Nghệ An", "n": 123456789012345678901234567890}, [], 1.5]'
    path = tmp_path / "list.json"
    path.write_text(text, encoding="utf-8")
    assert list(json_list_items(path)) == json.loads(text)


def test_errors_carry_the_callers_title_and_fix(tmp_path):
    path = tmp_path / "out.json"
    path.write_text('[{"a": 1},\n {"a": 2', encoding="utf-8")
    with pytest.raises(VnerError, match="line 2") as e:
        list(json_list_items(path, "Not a `vner tag` Label Studio output", "the output of vner tag"))
    assert "vner tag" in str(e.value) and str(path) in str(e.value)
