"""vner itself installs from a wheel (not editable) and works from any folder.

The wheel is built from this checkout, installed with the locked
dependencies into a fresh virtual environment, and `vner demo` (convert →
train → evaluate on the seed gold that ships inside the wheel) runs from an
empty temporary folder.
"""

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UV = Path(sys.executable).with_name("uv")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # Built from a copy: setuptools writes build/ and *.egg-info into the source tree.
    source = tmp_path_factory.mktemp("source") / "vner"
    ignore = shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__", ".pytest_cache", "demo", "bench")
    shutil.copytree(ROOT, source, symlinks=True, ignore=ignore)
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(source)],
        check=True, capture_output=True, cwd=source,
    )
    (path,) = out.glob("vner-*.whl")
    return path


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([str(UV), "venv", "-q", "--python", sys.executable, str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(UV), "pip", "install", "-q", "--python", str(python), "-r", str(ROOT / "requirements.lock")], check=True)
    subprocess.run([str(UV), "pip", "install", "-q", "--python", str(python), "--no-deps", str(wheel)], check=True)
    return venv


def test_wheel_holds_the_code_and_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "vner/cli/__init__.py", "vner/core/resources.py", "vner/model/tokenizer.py",
        "vner/annotation/convert.py", "vner/training/train.py", "vner/evaluation/evaluate.py",
        "vner/configs/ner.cfg", "vner/configs/labels.json", "vner/docs/guidelines.md",
        "vner/seeds/annotations.json",
    ):
        assert required in names, required
    assert len([n for n in names if n.startswith("vner/seeds/") and n.endswith(".txt") and n.count("/") == 2]) == 5
    # every written article file of the checkout is in the wheel (dev sets, selection sets)
    written = {n.removeprefix("vner/") for n in names if n.startswith("vner/training/written/") and n.endswith(".txt")}
    assert written == {str(p.relative_to(ROOT)) for p in (ROOT / "training" / "written").glob("*.txt")}
    assert len([n for n in written if "articles_dev" in n]) >= 20 and len([n for n in written if "articles_select_" in n]) >= 9
    assert not any(n.endswith(".png") for n in names)  # the README's screenshot stays out
    # every word list of the rules' resolver (a list left out would be read as empty, silently)
    from vner.model.resolver import WORD_LISTS

    assert {f"vner/configs/{file}" for file in WORD_LISTS.values()} <= names


def test_demo_runs_from_any_folder_without_the_checkout(installed, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(
        [str(installed / "bin" / "vner"), "demo", "--output", "out", "--training.max_steps", "20"],
        cwd=tmp_path, capture_output=True, text=True, env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    metrics = json.loads((tmp_path / "out" / "reports" / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["counts"]["gold_total"] > 0
    assert (tmp_path / "out" / "training" / "model-best" / "meta.json").is_file()
    info = json.loads((tmp_path / "out" / "training" / "training.json").read_text(encoding="utf-8"))
    assert info["written"]["train_docs"] > 200 and info["written"]["dev_docs"] >= 40  # the shipped written articles
    # The code that ran is the installed copy, not this checkout.
    where = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import vner.core.resources as r; print(r.CONFIGS)"],
        cwd=tmp_path, capture_output=True, text=True, env=env, check=True,
    ).stdout.strip()
    assert str(installed) in where and str(ROOT) not in where
