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
leaves nothing half-written behind.
"""

import ast
import importlib
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import srsly
from packaging.version import InvalidVersion, Version

from vner.core.errors import VnerError
from vner.core.files import replace_dir, write_json_atomic, write_text_atomic
from vner.core.scheme import load_scheme
from vner.core.resources import GUIDELINES_PATH

logger = logging.getLogger(__name__)

DEFAULT_NAME = "vi_ner_security"
DEFAULT_VERSION = "0.1.0"
DEFAULT_LICENSE = "MIT"
DEFAULT_DESCRIPTION = (
    "Vietnamese named-entity recognition for security-cooperation news: "
    "PERSON, RANK, ORG, PROVINCE, QUANTITY."
)
METRICS_FILE = "metrics.json"
# Averages as seqeval names them; metrics files may use the short forms.
AVERAGES = ("micro avg", "macro avg", "weighted avg")
# Packages a model always has through spaCy: never declared separately.
_SPACY_STACK = {"spacy", "thinc", "srsly", "catalogue", "confection", "cymem", "preshed", "murmurhash", "wasabi", "numpy"}
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

    ners = [pipe for _, pipe in nlp.pipeline if isinstance(pipe, EntityRecognizer)]
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
# Custom code and requirements


def _config_functions(config) -> Iterator[tuple[str, str]]:
    """(registry, name) of every registered function the pipeline needs at load time."""
    from spacy import util

    for section in ("nlp", "components"):
        for path, value in util.walk_dict(config.get(section, {})):
            if path[-1].startswith("@"):
                yield path[-1][1:], value
    for component in config.get("components", {}).values():
        if "factory" in component:
            yield "factories", component["factory"]


def _module_of(registry_name: str, func_name: str, lang: str) -> str:
    from catalogue import RegistryError
    from spacy import util

    for candidate in (f"{lang}.{func_name}", func_name):
        try:
            return util.registry.find(registry_name, candidate).get("module") or ""
        except RegistryError:
            continue
    raise VnerError(
        "Pipeline needs an unknown function",
        f"@{registry_name} = {func_name!r} is not registered",
        "Install or import the package that registers it before packaging.",
    )


def _version_range(dist: str) -> str:
    from spacy import util

    version = util.get_package_version(dist)
    return f"{dist}{util.get_minor_version_range(version)}" if version else dist


def _distribution(module_top: str) -> str | None:
    from spacy import util

    dists = util.packages_distributions().get(module_top)
    return dists[0] if dists else None


def _imports(path: Path) -> tuple[set[str], bool]:
    """Top-level modules a code file imports, and whether it imports relatively."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    tops, relative = set(), False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            tops.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                relative = True
            elif node.module:
                tops.add(node.module.split(".")[0])
    return tops, relative


def custom_code(config) -> tuple[list[Path], list[str]]:
    """Code files to ship with the package, and the requirements they add.

    A function the config references that lives in vner (the syllable
    tokenizer) is shipped as a file; the package must not depend on vner.
    Each shipped file must be self-contained: it may import the standard
    library, spaCy and installed third-party packages (declared as
    requirements), never vner or a relative module.

    >>> from vner.model.nlp import make_nlp
    >>> code, reqs = custom_code(make_nlp("syllable").config)
    >>> [p.name for p in code], reqs
    (['tokenizer.py'], [])
    >>> custom_code(make_nlp("pyvi").config)[1]
    ['pyvi>=0.1.1,<0.2.0']
    """
    lang = config["nlp"]["lang"]
    code: dict[str, Path] = {}
    requirements: dict[str, str] = {}
    for registry_name, func_name in _config_functions(config):
        module = _module_of(registry_name, func_name, lang)
        if module.split(".")[0] != "vner":
            continue
        path = Path(importlib.import_module(module).__file__)
        if path.stem in code and code[path.stem] != path:
            raise VnerError(
                "Custom code files share a name",
                f"{code[path.stem]} and {path}",
                "Rename one: code files are copied side by side into the package.",
            )
        code[path.stem] = path
    for path in code.values():
        tops, relative = _imports(path)
        if relative or "vner" in tops:
            raise VnerError(
                "Custom code is not self-contained",
                f"{path} imports vner or a relative module",
                "Move the registered function into a module that imports only spaCy, "
                "the standard library and third-party packages.",
            )
        for top in sorted(tops - set(sys.stdlib_module_names) - _SPACY_STACK):
            dist = _distribution(top)
            if dist is None:
                raise VnerError(
                    "Custom code imports an unknown module", f"{path} imports {top!r}", "Install it or remove the import."
                )
            if dist not in _SPACY_STACK:
                requirements[dist] = _version_range(dist)
    tokenizer = config["nlp"].get("tokenizer", {})
    if tokenizer.get("@tokenizers") == "spacy.vi.VietnameseTokenizer" and tokenizer.get("use_pyvi", True):
        requirements["pyvi"] = _version_range("pyvi")
    return list(code.values()), sorted(requirements.values())


# --------------------------------------------------------------------------
# Metrics


def _scores(entry: Any) -> dict | None:
    """Normalise one row of a seqeval report to precision/recall/f1/support."""
    if not isinstance(entry, dict):
        return None
    keys = {k.lower().replace("-", "_").replace(" ", "_"): v for k, v in entry.items()}
    p = keys.get("precision", keys.get("p"))
    r = keys.get("recall", keys.get("r"))
    f = keys.get("f1", keys.get("f1_score", keys.get("f")))
    if not all(isinstance(x, (int, float)) for x in (p, r, f)):
        return None
    row = {"precision": float(p), "recall": float(r), "f1": float(f)}
    support = keys.get("support", keys.get("n"))
    if isinstance(support, (int, float)):
        row["support"] = int(support)
    return row


def _average_name(key: str) -> str | None:
    k = key.lower().replace("-", " ").replace("_", " ").strip()
    for avg in AVERAGES:
        if k in (avg, avg.split()[0]):
            return avg
    return None


def normalize_metrics(raw: dict, source: str = "metrics") -> dict:
    """Per-entity and average seqeval scores from an evaluation report.

    Accepts `vner evaluate`'s metrics.json (`{"scores": {"per_entity":
    {label: {"p", "r", "f", "support"}}, "micro": ..., ...}, "data": ...}`),
    seqeval's `classification_report(..., output_dict=True)` (labels and
    "micro avg" at the top level) and the same rows nested under one key.

    >>> normalize_metrics({"PERSON": {"precision": 1.0, "recall": 0.5, "f1-score": 0.667, "support": 2},
    ...                    "micro avg": {"precision": 1.0, "recall": 0.5, "f1-score": 0.667, "support": 2}})
    {'per_entity': {'PERSON': {'precision': 1.0, 'recall': 0.5, 'f1': 0.667, 'support': 2}}, 'micro avg': {'precision': 1.0, 'recall': 0.5, 'f1': 0.667, 'support': 2}}
    """
    per_entity: dict[str, dict] = {}
    averages: dict[str, dict] = {}

    def collect(mapping: dict, depth: int) -> None:
        for key, value in mapping.items():
            avg = _average_name(str(key))
            row = _scores(value)
            if avg and row:
                averages.setdefault(avg, row)
            elif row:
                per_entity.setdefault(str(key), row)
            elif isinstance(value, dict) and depth < 2 and key not in ("data", "model", "config"):
                collect(value, depth + 1)

    if isinstance(raw, dict):
        scores = raw.get("scores")
        if isinstance(scores, dict) and isinstance(scores.get("per_entity"), dict):
            collect(scores, 0)  # vner evaluate: nothing else in the file is a score
        else:
            collect(raw, 0)
    if not per_entity:
        raise VnerError(
            "Unrecognised metrics file",
            f"{source}: no per-entity precision/recall/f1 found",
            "Pass the metrics.json that `vner evaluate` wrote, or use --eval DATA to evaluate now.",
        )
    result = {"per_entity": per_entity, **{k: averages[k] for k in AVERAGES if k in averages}}
    if isinstance(raw, dict):
        for key in ("data", "part", "documents"):
            if isinstance(raw.get(key), (str, int)) and not isinstance(raw.get(key), bool):
                result[key] = raw[key]
    return result


def read_metrics(path: Path) -> dict:
    path = Path(path)
    if not path.is_file():
        raise VnerError("Metrics not found", str(path), "Run `vner evaluate MODEL DATA` first, or pass --eval DATA.")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise VnerError("Invalid metrics file", f"{path}: {e}", "Pass the metrics.json that `vner evaluate` wrote.") from None
    return normalize_metrics(raw, str(path))


def _metrics_model(path: Path) -> Path | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    model = raw.get("model") if isinstance(raw, dict) else None
    if isinstance(model, dict):
        model = model.get("path")
    return Path(model) if isinstance(model, str) else None


def _shown(path: Path) -> str:
    """A path as written into the package: relative to the working
    directory when it is below it, so no local home folders are published."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _same_model(named: Path, model: Path) -> bool:
    """Whether a metrics file's `model` (as given to `vner evaluate`, maybe
    relative to another working directory) is `model`."""
    if named.resolve() == model:
        return True
    parts = [p for p in named.parts if p not in (".", "")]
    return not named.is_absolute() and ".." not in parts and list(model.parts[-len(parts):]) == parts


def find_metrics(model: Path) -> Path | None:
    """The latest metrics.json of `model`: in it, next to it, or in reports/.

    A metrics file that names a different model is skipped.
    """
    model = Path(model).resolve()
    candidates = [
        model / METRICS_FILE,
        model / "reports" / METRICS_FILE,
        model.parent / METRICS_FILE,
        model.parent / "reports" / METRICS_FILE,
    ]
    found = []
    for path in candidates:
        if not path.is_file():
            continue
        named = _metrics_model(path)
        if named is not None and not _same_model(named, model):
            logger.info("Skipping %s: it evaluates %s, not %s", path, named, model)
            continue
        found.append(path)
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


def performance(meta_performance: dict, metrics: dict | None) -> dict:
    """meta["performance"]: spaCy's keys (from the evaluation when there is
    one, so spaCy's tooling shows the same numbers) plus the seqeval report.

    >>> m = {"per_entity": {"ORG": {"precision": 0.5, "recall": 1.0, "f1": 0.667, "support": 1}},
    ...      "micro avg": {"precision": 0.5, "recall": 1.0, "f1": 0.667, "support": 1}}
    >>> p = performance({"ents_f": 0.1, "speed": 100.0}, m)
    >>> p["ents_f"], p["ents_per_type"], p["speed"]
    (0.667, {'ORG': {'p': 0.5, 'r': 1.0, 'f': 0.667}}, 100.0)
    """
    perf = dict(meta_performance or {})
    if not metrics:
        return perf
    micro = metrics.get("micro avg")
    if micro:
        perf.update(ents_p=micro["precision"], ents_r=micro["recall"], ents_f=micro["f1"])
    perf["ents_per_type"] = {
        label: {"p": row["precision"], "r": row["recall"], "f": row["f1"]} for label, row in metrics["per_entity"].items()
    }
    perf["seqeval"] = metrics
    return perf


def training_scores(perf: dict) -> dict | None:
    """spaCy's dev scores from training (meta["performance"]) in the shape
    of `normalize_metrics`, for a model that was never evaluated.

    >>> training_scores({"ents_p": 0.5, "ents_r": 0.25, "ents_f": 0.333, "ents_per_type": {"ORG": {"p": 0.5, "r": 0.25, "f": 0.333}}})
    {'per_entity': {'ORG': {'precision': 0.5, 'recall': 0.25, 'f1': 0.333}}, 'micro avg': {'precision': 0.5, 'recall': 0.25, 'f1': 0.333}}
    >>> training_scores({}) is None
    True
    """
    per_type = (perf or {}).get("ents_per_type")
    rows = {label: _scores(row) for label, row in per_type.items()} if isinstance(per_type, dict) else {}
    rows = {label: row for label, row in rows.items() if row}
    if not rows:
        return None
    scores = {"per_entity": dict(sorted(rows.items()))}
    micro = _scores({"p": perf.get("ents_p"), "r": perf.get("ents_r"), "f": perf.get("ents_f")})
    if micro:
        scores["micro avg"] = micro
    return scores


# --------------------------------------------------------------------------
# Model card

MODEL_CARD = """\
# {{ package }} {{ version }}

{{ description }}

A spaCy {{ spacy_version }} pipeline ({{ pipeline }}) that finds named
entities in Vietnamese text. Trained and packaged with vner on news about
police and security cooperation, annotated in Label Studio.

```bash
pip install {{ wheel }}
```

```python
import unicodedata
import spacy

nlp = spacy.load("{{ package }}")
doc = nlp(unicodedata.normalize("NFC", "Thiếu tướng Phạm Thế Tùng, Giám đốc Công an tỉnh Nghệ An"))
print([(ent.text, ent.label_) for ent in doc.ents])
```

## What it recognises

| Label | What |
| --- | --- |
{% for label, what in labels -%}
| `{{ label }}` | {{ what }} |
{% endfor %}
## Training data

{{ training_data }}

## Evaluation

{% if metrics -%}
{{ metrics_note }}

| Label | Precision | Recall | F1 | Support |
| --- | ---: | ---: | ---: | ---: |
{% for label, row in metrics.per_entity.items() -%}
| `{{ label }}` | {{ pct(row.precision) }} | {{ pct(row.recall) }} | {{ pct(row.f1) }} | {{ row.support if row.support is defined else "" }} |
{% endfor -%}
{% for avg in averages -%}
| *{{ avg }}* | {{ pct(metrics[avg].precision) }} | {{ pct(metrics[avg].recall) }} | {{ pct(metrics[avg].f1) }} | {{ metrics[avg].support if metrics[avg].support is defined else "" }} |
{% endfor %}
{%- else -%}
No evaluation of this model was found when it was packaged. Run
`vner evaluate MODEL DATA` and package again (or `vner package --eval DATA`).
{% endif %}
## Annotation scheme in short

- Five labels, flat: spans never nest or overlap, and the outermost span wins
  ("Công an tỉnh Nghệ An" is one ORG; "tỉnh Nghệ An" alone is PROVINCE "Nghệ An").
- RANK is only a rank (Thiếu tướng, Đại tá); positions and titles (Giám đốc,
  Trưởng đoàn) are not annotated; PERSON excludes rank, title and "đồng chí".
- ORG needs a proper name or a unique national body (Bộ Công an, Cục C10);
  generic or coordinated mentions ("Công an hai tỉnh") are not ORG.
- PROVINCE excludes countries, regions, districts and cities that are not
  province-level.
- QUANTITY is digits plus one unit or counter word ("417,9 kg", "43 đối tượng");
  dates, years, ordinals and spelled-out numbers are not.
- Spans never include surrounding spaces or punctuation.

The full guidelines are `{{ guidelines }}` in the vner repository.

## Pipeline

| | |
| --- | --- |
| Package | `{{ package }}` {{ version }} |
| spaCy | `{{ spacy_version }}` |
| Components | {{ pipeline }} |
| Tokenizer | {{ tokenizer }} |
| Requirements | {{ requirements }} |
| Licence | {{ license }} |
{% if author %}| Author | {{ author }} |
{% endif %}
## Limitations

- Domain: Vietnamese news about police and security cooperation. Expect much
  lower accuracy on other domains, on social-media text and on text without
  diacritics.
- The training corpus is small; scores on a few documents vary a lot between
  runs and data splits, so read the table above as a rough guide.
- Input must be Unicode NFC (normalise as in the example): NFD text gives
  different tokens and misses entities.
- Entities are flat and syllable-based: a nested entity (a province inside an
  organisation name) is never predicted separately.

## Licence

The model is released under {{ license }}. The news texts it was trained on
belong to their publishers; the model contains no copy of them beyond
statistical weights and a vocabulary of strings.
"""


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _training_data(config, model: Path | None = None) -> str:
    """Describe the training corpus named in the config: the documents and
    entities of its train/dev DocBins when they are still there."""
    from spacy.tokens import DocBin

    from vner.model.nlp import make_nlp

    paths = config.get("paths", {})
    train = paths.get("train")
    if not isinstance(train, str) or not train:
        return "Not recorded in the pipeline's config."
    text = f"Trained on `{train}`"
    bases = [Path.cwd()] + ([Path(model).resolve().parents[1]] if model is not None else [])
    counts = []
    for name, value in (("training", train), ("development", paths.get("dev"))):
        if not isinstance(value, str) or Path(value).suffix != ".spacy":
            continue
        found = next((base / value for base in bases if (base / value).is_file()), None)
        if found is None:
            return text + "."
        try:
            docs = list(DocBin().from_disk(found).get_docs(make_nlp().vocab))
        except Exception:  # not a DocBin (any more): describe by name only
            return text + "."
        entities: dict[str, int] = {}
        for doc in docs:
            for ent in doc.ents:
                entities[ent.label_] = entities.get(ent.label_, 0) + 1
        listing = ", ".join(f"{k} {v}" for k, v in sorted(entities.items()))
        total = _plural(sum(entities.values()), "entity", "entities")
        counts.append(f"{name}: {_plural(len(docs), 'document')}, {total}" + (f" ({listing})" if listing else ""))
    return text + (":\n\n" + "\n".join(f"- {c}" for c in counts) if counts else ".")


def model_card(
    meta: dict, config, *, package: str, wheel: str, metrics: dict | None, metrics_note: str, model: Path | None = None
) -> str:
    """The package README: what the model recognises, its data, scores, limits."""
    import jinja2

    scheme = {label.name: label.description for label in load_scheme()}
    labels = [(label, scheme.get(label, "(not in the vner scheme)")) for label in meta.get("labels", {}).get("ner", [])]
    tokenizer = config["nlp"].get("tokenizer", {}).get("@tokenizers", "spaCy default")
    env = jinja2.Environment(autoescape=False, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    return env.from_string(MODEL_CARD).render(
        package=package,
        version=meta["version"],
        description=meta.get("description") or DEFAULT_DESCRIPTION,
        spacy_version=meta.get("spacy_version", ""),
        pipeline=", ".join(f"`{p}`" for p in meta.get("pipeline", [])),
        wheel=wheel,
        labels=labels,
        training_data=_training_data(config, model),
        metrics=metrics,
        metrics_note=metrics_note,
        averages=[a for a in AVERAGES if metrics and a in metrics],
        pct=_pct,
        guidelines=GUIDELINES_PATH.relative_to(GUIDELINES_PATH.parents[1]).as_posix(),
        tokenizer=f"`{tokenizer}`",
        requirements=", ".join(f"`{r}`" for r in meta.get("requirements", [])) or "none",
        license=meta.get("license") or "not stated",
        author=meta.get("author") or "",
    )


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

    `metrics` is a metrics.json path or an already normalised report
    (`normalize_metrics`); when None, the latest metrics.json found next to
    the model is used (`find_metrics`).
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
        metrics_source = metrics_source or str(metrics)
        metrics = read_metrics(Path(metrics))
    elif metrics is None:
        found = find_metrics(model)
        if found is not None:
            metrics, metrics_source = read_metrics(found), _shown(found)
            logger.info("Using evaluation %s", found)
        else:
            logger.warning("No metrics.json found for %s; the model card has no scores", model)
    elif not isinstance(metrics, dict) or "per_entity" not in metrics:
        metrics = normalize_metrics(metrics, metrics_source or "metrics")

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
        performance=performance(meta.get("performance") or {}, metrics),
    )
    meta.setdefault("labels", {})["ner"] = labels
    meta["vner"] = {"evaluation": metrics_source, "code": [p.name for p in code]}
    wheel_name = f"{final}-{version}-py3-none-any.whl"
    sdist_name = f"{final}-{version}.tar.gz"
    card_metrics = metrics or training_scores(meta["performance"])
    if metrics:
        on = f" on `{metrics['data']}`" if metrics.get("data") else ""
        detail = [str(metrics["part"])] if metrics.get("part") else []
        if metrics.get("documents"):
            detail.append(_plural(metrics["documents"], "document"))
        on += f" ({', '.join(detail)})" if detail else ""
        note = f"Strict entity-level seqeval scores (IOB2){on}, in %" + (f"; from `{metrics_source}`." if metrics_source else ".")
    else:
        note = (
            "spaCy's entity scores on the development set at the end of training, in % "
            "(no `vner evaluate` report was found)."
        )

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
                spacy_package(
                    staged, build_root, code_paths=code, create_sdist=False, create_wheel=False, require_parent=True, silent=True
                )
        except SystemExit:
            raise VnerError("spaCy could not package the model", str(model), "Run `spacy package` on it to see why.") from None
        package_dir = build_root / f"{final}-{version}"
        built_meta = srsly.read_json(package_dir / "meta.json")
        built_meta["requirements"] = _final_requirements(built_meta.get("requirements", []), requirements)
        write_json_atomic(package_dir / "meta.json", built_meta)
        card = model_card(
            built_meta, nlp.config, package=final, wheel=wheel_name, metrics=card_metrics, metrics_note=note, model=model
        )
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


def _final_requirements(from_spacy: list[str], ours: list[str]) -> list[str]:
    """spaCy's requirements without vner (its code is shipped), plus ours.

    >>> _final_requirements(["vner>=0.1.0,<0.2.0", "spacy>=3.8.18,<3.9.0"], ["pyvi>=0.1.1,<0.2.0"])
    ['spacy>=3.8.18,<3.9.0', 'pyvi>=0.1.1,<0.2.0']
    """
    from spacy.util import split_requirement

    names = {split_requirement(r)[0] for r in ours}
    kept = [r for r in from_spacy if split_requirement(r)[0] not in names | {"vner"}]
    return kept + list(ours)
