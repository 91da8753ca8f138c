"""Trained pipeline → pip-installable model package (wheel and sdist).

spaCy's `spacy package` does most of the work but needs help to give a
package that installs and loads on a machine without vner:

- the syllable tokenizer module is shipped inside the package (`--code`),
  and every package its code imports is declared in `meta["requirements"]`;
  spaCy would instead declare `vner` itself (found through vner's entry
  point), which is not on PyPI, and it never adds `pyvi` for
  `spacy.vi.VietnameseTokenizer`;
- `meta.json` gets the latest seqeval scores of the model (from
  `vner evaluate`'s `metrics.json`) next to spaCy's own `ents_*` keys;
- the package README is a model card, not spaCy's generic table.

The package is assembled and built in a temporary folder inside the output
folder and moved into place only when both archives exist, so a failed build
leaves nothing half-written behind. What to ship and declare is
`requirements.py`; the README is `model_card.py` (template `model_card.md`).
"""

import importlib.util
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import srsly
from packaging.version import InvalidVersion, Version

from vner.core.errors import VnerError
from vner.core.files import replace_dir, write_json_atomic, write_text_atomic

from .model_card import metrics_note, model_card
from .requirements import custom_code, final_requirements, shipped_beside

logger = logging.getLogger(__name__)

DEFAULT_NAME = "vi_ner_security"
DEFAULT_VERSION = "0.1.0"
DEFAULT_LICENSE = "MIT"
DEFAULT_DESCRIPTION = (
    "Vietnamese named-entity recognition for security-cooperation news: "
    "PERSON, RANK, ORG, PROVINCE, QUANTITY."
)
_NAME_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


@dataclass
class PackageResult:
    """What `package_model` built: `pip install wheel`, `spacy.load(name)`."""

    name: str
    version: str
    path: Path
    wheel: Path
    sdist: Path
    meta: dict
    metrics_source: str | None = None
    code: list[Path] = field(default_factory=list)


# --------------------------------------------------------------------------
# Checks


def check_version(version: str) -> str:
    """Return the canonical PEP 440 form of `version` (what the wheel uses).

    >>> check_version("1.0.0-rc1")
    '1.0.0rc1'
    >>> check_version("latest")
    Traceback (most recent call last):
    ...
    vner.core.errors.VnerError: Invalid package version: 'latest'
    """
    try:
        return str(Version(version))
    except InvalidVersion:
        raise VnerError(
            "Invalid package version", repr(version), "Use a PEP 440 version such as 0.1.0, 1.2.0rc1 or 2.0.0.post1."
        ) from None


def package_name(name: str, lang: str) -> tuple[str, str]:
    """Split a package name into spaCy's meta name and the final name.

    spaCy names packages `<lang>_<meta name>`, so "vi_ner_security" and
    "ner_security" both give the package `vi_ner_security`.

    >>> package_name("vi_ner_security", "vi")
    ('ner_security', 'vi_ner_security')
    >>> package_name("ner_security", "vi")
    ('ner_security', 'vi_ner_security')
    """
    if not _NAME_RE.match(name):
        raise VnerError(
            "Invalid package name",
            repr(name),
            "Use lowercase ASCII letters, digits and single underscores, starting with a letter "
            f"(e.g. {DEFAULT_NAME}): it is the name of the Python module `spacy.load` imports.",
        )
    short = name[len(lang) + 1:] if name.startswith(f"{lang}_") else name
    if not short:
        raise VnerError("Invalid package name", repr(name), f"Add a name after the language prefix, e.g. {DEFAULT_NAME}.")
    return short, f"{lang}_{short}"


def entity_labels(nlp, model: Path) -> list[str]:
    """The labels of the pipeline's entity recognizer; refuse a model without one."""
    from spacy.pipeline import EntityRecognizer

    ners = [pipe for _, pipe in nlp.components if isinstance(pipe, EntityRecognizer)]  # also one the dev gate switched off
    if not ners:
        raise VnerError(
            "Model has no entity recognizer",
            f"{model}: pipeline is [{', '.join(nlp.pipe_names)}]",
            "Package a model trained with `vner train` (its pipeline has `ner`).",
        )
    labels = sorted({label for pipe in ners for label in pipe.labels})
    if not labels:
        raise VnerError(
            "Entity recognizer has no labels", str(model), "Train it on annotated data first (`vner train`)."
        )
    return labels


# --------------------------------------------------------------------------
# Metrics: vner's one score format (vner.evaluation.metrics.entity_scores)


def read_metrics(path: Path) -> dict:
    """The metrics.json that `vner evaluate` wrote (scores in the one format)."""
    path = Path(path)
    if not path.is_file():
        raise VnerError("Metrics not found", str(path), "Run `vner evaluate MODEL DATA` first, or pass --eval DATA.")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise VnerError("Invalid metrics file", f"{path}: {e}", "Pass the metrics.json that `vner evaluate` wrote.") from None
    check_evaluation(raw, str(path))
    return raw


def check_evaluation(evaluation, source: str) -> None:
    """Refuse anything but a `vner evaluate` result (``{"scores": {"per_entity": ..., "micro": ...}}``)."""
    scores = evaluation.get("scores") if isinstance(evaluation, dict) else None
    rows = [*scores.get("per_entity", {}).values(), scores.get("micro")] if isinstance(scores, dict) and isinstance(scores.get("per_entity"), dict) else []
    if not rows or not all(isinstance(row, dict) and all(isinstance(row.get(k), (int, float)) for k in "prf") for row in rows):
        raise VnerError(
            "Unrecognised metrics file", f"{source}: no per-entity p/r/f scores of `vner evaluate`",
            "Pass the metrics.json that `vner evaluate` wrote, or use --eval DATA to evaluate now.",
        )


def training_scores(perf: dict) -> dict | None:
    """spaCy's dev scores at the end of training (meta["performance"]) in the one score format.

    >>> training_scores({"ents_p": 0.5, "ents_r": 0.25, "ents_f": 0.333, "ents_per_type": {"ORG": {"p": 0.5, "r": 0.25, "f": 0.333}}})
    {'per_entity': {'ORG': {'p': 0.5, 'r': 0.25, 'f': 0.333}}, 'micro': {'p': 0.5, 'r': 0.25, 'f': 0.333}}
    >>> training_scores({}) is None
    True
    """
    per_type = (perf or {}).get("ents_per_type")
    if not isinstance(per_type, dict) or not per_type:
        return None
    scores = {"per_entity": {label: {k: float(row[k]) for k in "prf"} for label, row in sorted(per_type.items())}}
    if all(isinstance(perf.get(f"ents_{k}"), (int, float)) for k in "prf"):
        scores["micro"] = {k: float(perf[f"ents_{k}"]) for k in "prf"}
    return scores


def performance(meta_performance: dict, scores: dict | None) -> dict:
    """meta["performance"]: spaCy's keys (from the evaluation when there is
    one, so spaCy's tooling shows the same numbers) plus the seqeval scores.

    >>> s = {"per_entity": {"ORG": {"p": 0.5, "r": 1.0, "f": 0.667, "support": 1}}, "micro": {"p": 0.5, "r": 1.0, "f": 0.667, "support": 1}}
    >>> p = performance({"ents_f": 0.1, "speed": 100.0}, s)
    >>> p["ents_f"], p["ents_per_type"], p["speed"]
    (0.667, {'ORG': {'p': 0.5, 'r': 1.0, 'f': 0.667}}, 100.0)
    """
    perf = dict(meta_performance or {})
    if not scores:
        return perf
    perf.update(ents_p=scores["micro"]["p"], ents_r=scores["micro"]["r"], ents_f=scores["micro"]["f"])
    perf["ents_per_type"] = {label: {k: row[k] for k in "prf"} for label, row in scores["per_entity"].items()}
    perf["seqeval"] = scores
    return perf


def _shown(path: Path) -> str:
    """A path as written into the package: relative to the working
    directory when it is below it, so no local home folders are published."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


# --------------------------------------------------------------------------
# Building


def _build(package_dir: Path) -> None:
    """Build sdist and wheel as `spacy package` does (python -m build).

    Without build isolation when setuptools is installed: the build then
    needs no network and takes seconds, not a fresh venv per archive.
    """
    cmd = [sys.executable, "-m", "build", ".", "--sdist", "--wheel"]
    if importlib.util.find_spec("setuptools") is not None:
        cmd.append("--no-isolation")
    proc = subprocess.run(cmd, cwd=package_dir, capture_output=True, text=True, env=os.environ.copy())
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise VnerError("Building the package failed", f"{package_dir}\n{tail}", "Check that `build` and `setuptools` are installed.")


@contextmanager
def _vner_registrations_kept():
    """spaCy imports each code file anew, and its decorators re-register vner's functions under a module that is
    no longer vner's: put vner's back, or the next package made in this process would ship no code."""
    from spacy import util

    kept = {}
    for name in util.registry.get_registry_names():
        kept[name] = {key: func for key, func in getattr(util.registry, name).get_all().items()
                      if (getattr(func, "__module__", None) or "").split(".")[0] == "vner"}
    try:
        yield
    finally:
        for name, funcs in kept.items():
            for key, func in funcs.items():
                getattr(util.registry, name).register(key, func=func)


def package_model(
    model: Path,
    output: Path,
    *,
    name: str = DEFAULT_NAME,
    version: str = DEFAULT_VERSION,
    metrics: Path | dict | None = None,
    metrics_source: str | None = None,
    force: bool = False,
    description: str | None = None,
    author: str = "",
    email: str = "",
    url: str = "",
    license: str = DEFAULT_LICENSE,
    progress: bool = False,
) -> PackageResult:
    """Build `<output>/<name>-<version>/dist/` with a wheel and an sdist.

    `metrics` is the metrics.json of `vner evaluate` or the dict `evaluate`
    returned; without it the model card shows spaCy's dev scores from
    training and says so.
    """
    from spacy.cli.package import package as spacy_package
    from tqdm import tqdm

    model, output = Path(model), Path(output)
    version = check_version(version)
    from vner.model.nlp import load_pipeline

    nlp = load_pipeline(model)
    labels = entity_labels(nlp, model)
    meta_name, final = package_name(name, nlp.lang)
    target = output / f"{final}-{version}"
    if output.exists() and not output.is_dir():
        raise VnerError("Output is not a folder", str(output), "Pass a folder for --output.")
    if target.exists() and not force:
        raise VnerError("Package already exists", str(target), "Pass a new --version, or --force to replace it.")

    if isinstance(metrics, (str, Path)):
        metrics_source = metrics_source or _shown(Path(metrics))
        metrics = read_metrics(Path(metrics))
    elif metrics is not None:
        check_evaluation(metrics, metrics_source or "metrics")
    else:
        logger.warning("No evaluation given for %s: the model card shows spaCy's dev scores from training (pass --eval DATA)", model)
    scores = metrics["scores"] if metrics else None

    code, requirements = custom_code(nlp.config)
    meta = srsly.read_json(model / "meta.json")
    meta.update(
        name=meta_name,
        version=version,
        description=description or DEFAULT_DESCRIPTION,
        author=author,
        email=email,
        url=url,
        license=license,
        requirements=requirements,
        performance=performance(meta.get("performance") or {}, scores),
    )
    meta.setdefault("labels", {})["ner"] = labels
    meta["vner"] = {"evaluation": metrics_source, "code": [p.name for p in code]}
    wheel_name = f"{final}-{version}-py3-none-any.whl"
    sdist_name = f"{final}-{version}.tar.gz"
    card_scores = scores or training_scores(meta["performance"])
    note = metrics_note(metrics, metrics_source)

    output.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{final}-{version}.", dir=output))
    steps = tqdm(total=4, desc="Packaging", unit="step", disable=not progress, leave=False)
    try:
        staged = tmp / "model"
        shutil.copytree(model, staged)
        steps.update()
        # spaCy adds what the config references (minus vner: shipped as code)
        # to meta["requirements"]; put the final list back before building.
        write_json_atomic(staged / "meta.json", meta)
        build_root = tmp / "build"
        build_root.mkdir()
        try:
            with warnings.catch_warnings():
                # spaCy 3.8's create_file leaves its files to the garbage
                # collector to close (they are complete when it does).
                warnings.simplefilter("ignore", ResourceWarning)
                # spaCy imports each code file alone: the siblings imported relatively are copied after it
                beside = shipped_beside(code)
                with _vner_registrations_kept():
                    spacy_package(
                        staged, build_root, code_paths=[p for p in code if p not in beside], create_sdist=False,
                        create_wheel=False, require_parent=True, silent=True,
                    )
        except SystemExit:
            raise VnerError("spaCy could not package the model", str(model), "Run `spacy package` on it to see why.") from None
        package_dir = build_root / f"{final}-{version}"
        for path in beside:
            shutil.copy(path, package_dir / final / path.name)
        built_meta = srsly.read_json(package_dir / "meta.json")
        built_meta["requirements"] = final_requirements(built_meta.get("requirements", []), requirements)
        write_json_atomic(package_dir / "meta.json", built_meta)
        built_meta.setdefault("description", description or DEFAULT_DESCRIPTION)
        card = model_card(built_meta, nlp.config, package=final, wheel=wheel_name, scores=card_scores, note=note, model=model)
        write_text_atomic(package_dir / "README.md", card)
        write_text_atomic(package_dir / final / f"{final}-{version}" / "README.md", card)
        steps.update()
        _build(package_dir)
        steps.update()
        wheel, sdist = package_dir / "dist" / wheel_name, package_dir / "dist" / sdist_name
        missing = [p.name for p in (wheel, sdist) if not p.is_file()]
        if missing:
            raise VnerError("Building the package failed", f"not built: {', '.join(missing)}", "Check the versions of `build` and `setuptools`.")
        for clutter in [package_dir / "build", *package_dir.glob("*.egg-info")]:
            shutil.rmtree(clutter, ignore_errors=True)
        replace_dir(package_dir, target, tmp)
        steps.update()
    finally:
        steps.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return PackageResult(
        name=final,
        version=version,
        path=target,
        wheel=target / "dist" / wheel_name,
        sdist=target / "dist" / sdist_name,
        meta=built_meta,
        metrics_source=metrics_source if metrics else None,
        code=code,
    )
