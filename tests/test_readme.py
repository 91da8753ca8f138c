"""The README's commands exist with the flags it shows (a newcomer copies them)."""

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vner.cli import app
REPO_ROOT = Path(__file__).resolve().parents[1]

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```bash\n(.*?)```", README, re.S)
COMMANDS = [line.strip() for block in BLOCKS for line in block.replace("\\\n", " ").splitlines() if line.strip().startswith("vner ")]
# Typer prints help in a box; make it plain and wide so flags are not cut.
runner = CliRunner(env={"COLUMNS": "200", "TERM": "dumb", "NO_COLOR": "1"})


def test_readme_shows_commands():
    assert {c.split()[1] for c in COMMANDS} >= {"annotate", "push", "pull", "agreement", "convert", "train", "evaluate", "crossval", "curve", "package", "export-dataset"}


@pytest.mark.parametrize("line", COMMANDS)
def test_readme_flags_exist(line):
    name = line.split()[1]
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    # spaCy-style config overrides (--training.max_steps) pass through.
    flags = re.findall(r"(?<![\w-])(--[a-z][\w-]*)(?![\w.-])", line.split("#")[0])
    for flag in flags:
        assert flag in result.output, f"`{name}` has no {flag}"
