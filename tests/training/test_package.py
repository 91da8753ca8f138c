"""`vner package`: a tiny model trained here becomes a wheel that installs in
a fresh virtual environment without vner and finds entities there.

The model is trained for real (spaCy `nlp.update`, a few seconds on a few
paragraphs of the seed gold), packaged with spaCy's packager and installed
with uv; its requirements (spaCy) come from the package index.
"""

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from packaging.requirements import Requirement
from seqeval.metrics import classification_report
from seqeval.scheme import IOB2
from spacy.training import Example
from typer.testing import CliRunner

from vner.annotation.convert import convert_export, gold_docs
from vner.model.patterns import add_rules_stage
from vner.cli import app
from vner.core.errors import VnerError
from vner.model.nlp import make_nlp
from vner.core.scheme import labels as scheme_labels
from vner.core.resources import SEED_GOLD
from vner.model import tokenizer as vner_tokenizer
from vner.training import package as pkg
from vner.training.package import (
    DEFAULT_NAME,
    check_evaluation,
    check_version,
    package_model,
    package_name,
    read_metrics,
)
from vner.training.requirements import custom_code

UV = Path(sys.executable).with_name("uv")
SMALL_NER = {
    "model": {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": 32,
        "maxout_pieces": 2,
        "use_upper": True,
        "nO": None,
        "tok2vec": {
            "@architectures": "spacy.HashEmbedCNN.v2",
            "pretrained_vectors": None,
            "width": 48,
            "depth": 2,
            "embed_size": 1000,
            "window_size": 1,
            "maxout_pieces": 2,
            "subword_features": True,
        },
    }
}


def paragraphs(n=6):
    """The first `n` paragraphs of the seed gold that contain entities."""
    out = []
    for doc in gold_docs():
        start = 0
        for token in doc:
            if "\n" in token.text or token.i == len(doc) - 1:
                span = doc[start:token.i]
                if span.ents:
                    out.append(span.as_doc())
                start = token.i + 1
    return out[:n]


def train_tiny(path: Path, docs, *, tokenizer="syllable", iterations=30, rules=False) -> Path:
    """Train a small NER on `docs` (no spaCy config file needed) and save it.

    With `rules`, the saved pipeline has the rules stage of configs/ner.cfg
    before the NER, as `vner train` builds it.
    """
    nlp = make_nlp(tokenizer)
    nlp.add_pipe("ner", config=SMALL_NER)
    examples = [Example(nlp.make_doc(d.text), d) for d in docs]
    nlp.initialize(lambda: examples)
    rng = random.Random(0)
    for _ in range(iterations):
        rng.shuffle(examples)
        for ex in examples:
            nlp.update([ex], drop=0.0)
    if rules:
        trained, nlp = nlp, add_rules_stage(make_nlp(tokenizer))
        nlp.add_pipe("ner", source=trained)
    nlp.to_disk(path)
    return path


def predictions(model_path: Path, texts):
    nlp = spacy.load(model_path)
    return [[(e.start_char, e.end_char, e.label_) for e in nlp(t).ents] for t in texts]


def seqeval_metrics(model_path: Path, docs, path: Path) -> dict:
    """A metrics.json as `vner evaluate` writes it (scores in vner's one format),
    checked against seqeval's own `classification_report`."""
    from vner.evaluation.metrics import entity_scores

    nlp = spacy.load(model_path)
    iob = lambda d: [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in d]  # noqa: E731
    y_true = [iob(d) for d in docs]
    y_pred = [iob(nlp(d.text)) for d in docs]
    scores = entity_scores(y_true, y_pred)
    report = classification_report(y_true, y_pred, output_dict=True, mode="strict", scheme=IOB2, zero_division=0)
    assert scores["micro"]["f"] == pytest.approx(report["micro avg"]["f1-score"])
    metrics = {"model": str(model_path), "data": "train docs", "part": "all documents", "documents": len(docs), "scores": scores}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(metrics), encoding="utf-8")
    return scores


@pytest.fixture(scope="module")
def train_docs():
    return paragraphs()


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory, train_docs):
    return train_tiny(tmp_path_factory.mktemp("training") / "model-best", train_docs, rules=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory, tiny_model, train_docs):
    """The tiny model packaged once, with seqeval metrics next to it."""
    metrics = seqeval_metrics(tiny_model, train_docs, tiny_model.parent / "reports" / "metrics.json")
    out = tmp_path_factory.mktemp("packages")
    result = package_model(tiny_model, out, metrics=tiny_model.parent / "reports" / "metrics.json", author="vner tests", license="CC-BY-4.0")
    return result, metrics


@pytest.fixture(scope="session")
def fresh_venv(tmp_path_factory):
    """A virtual environment without vner (spaCy comes from the index with the wheel)."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([str(UV), "venv", "-q", "--python", sys.executable, str(venv)], check=True)
    return venv


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


# --------------------------------------------------------------------------
# The wheel


@pytest.mark.slow
def test_wheel_installs_and_loads_without_vner(built, fresh_venv, train_docs, tiny_model):
    result, _ = built
    assert result.wheel.name == f"{DEFAULT_NAME}-0.1.0-py3-none-any.whl"
    assert result.sdist.name == f"{DEFAULT_NAME}-0.1.0.tar.gz"
    assert result.wheel.is_file() and result.sdist.is_file()
    python = venv_python(fresh_venv)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    subprocess.run([str(UV), "pip", "install", "-q", "--python", str(python), str(result.wheel)], check=True, env=env)
    rules_text = "Thiếu tướng Phạm Văn Hùng thu 27 vụ ở Xiêng Khoảng"
    texts = [d.text for d in train_docs[:3]] + [rules_text]
    script = (
        "import importlib.util, json, sys, spacy\n"
        "nlp = spacy.load('vi_ner_security')\n"
        "texts = json.loads(sys.stdin.read())\n"
        "print(json.dumps({\n"
        "  'vner': importlib.util.find_spec('vner') is not None,\n"
        "  'pipe_names': nlp.pipe_names,\n"
        "  'labels': list(nlp.get_pipe('ner').labels),\n"
        "  'tokens': [t.text for t in nlp.make_doc('thu 417,9 kg ma túy. 1 vụ/1 đối tượng')],\n"
        "  'ents': [[[e.start_char, e.end_char, e.label_] for e in nlp(t).ents] for t in texts],\n"
        "}))\n"
    )
    proc = subprocess.run(
        [str(python), "-c", script], input=json.dumps(texts), capture_output=True, text=True, env=env, cwd=fresh_venv.parent
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["vner"] is False
    assert out["pipe_names"] == ["vner_tone_norm", "vner_token_classes", "vner_rules_names", "vner_rules_shapes", "vner_rules_resolve", "ner"]
    assert sorted(out["labels"]) == sorted(scheme_labels())
    assert out["tokens"] == [t.text for t in make_nlp().make_doc("thu 417,9 kg ma túy. 1 vụ/1 đối tượng")]
    found = [[tuple(e) for e in doc_ents] for doc_ents in out["ents"]]
    # The installed model predicts exactly what the trained one predicts ...
    assert found == predictions(tiny_model, texts)
    # ... and finds entities of the sentences it was trained on.
    gold = [{(e.start_char, e.end_char, e.label_) for e in d.ents} for d in train_docs[:3]]
    assert sum(len(set(f) & g) for f, g in zip(found, gold)) > 0
    # The rules stage runs there too (vner/model/ruler.py and its siblings are shipped as code).
    assert {(rules_text[s:e], label) for s, e, label in found[-1]} >= {
        ("Thiếu tướng", "RANK"), ("Phạm Văn Hùng", "PERSON"), ("27 vụ", "QUANTITY"), ("Xiêng Khoảng", "PROVINCE")}


@pytest.mark.slow
def test_package_contents(built, tiny_model):
    result, metrics = built
    meta = result.meta
    assert result.path.name == f"{DEFAULT_NAME}-0.1.0"
    assert (meta["lang"], meta["name"], meta["version"]) == ("vi", "ner_security", "0.1.0")
    assert meta["labels"]["ner"] == sorted(scheme_labels())
    assert meta["license"] == "CC-BY-4.0" and meta["author"] == "vner tests"
    assert meta["description"]
    assert meta["spacy_version"].startswith(">=3.8")
    # spaCy itself from the index; never vner, whose tokenizer ships as code.
    assert [Requirement(r).name for r in meta["requirements"]] == ["spacy"]
    shipped_code = ["helpers.py", "orgs.py", "persons.py", "resolver.py", "ruler.py", "tokenizer.py"]
    assert sorted(meta["vner"]["code"]) == shipped_code
    for name in shipped_code:
        shipped = result.path / DEFAULT_NAME / name
        assert shipped.read_text(encoding="utf-8") == Path(vner_tokenizer.__file__).with_name(name).read_text(encoding="utf-8")
    assert not (result.path / "build").exists() and not list(result.path.glob("*.egg-info"))
    # Scores: the metrics.json given with metrics=.
    assert Path(result.metrics_source).resolve() == (tiny_model.parent / "reports" / "metrics.json").resolve()
    perf = meta["performance"]
    for label, row in metrics["per_entity"].items():
        assert perf["seqeval"]["per_entity"][label]["f"] == pytest.approx(row["f"])
        assert perf["ents_per_type"][label]["f"] == pytest.approx(row["f"])
    assert perf["ents_f"] == pytest.approx(metrics["micro"]["f"])
    assert perf["ents_p"] == pytest.approx(metrics["micro"]["p"])
    # The same meta is inside the wheel.
    import zipfile

    with zipfile.ZipFile(result.wheel) as wheel:
        inner = json.loads(wheel.read(f"{DEFAULT_NAME}/meta.json"))
        names = wheel.namelist()
        card = wheel.read(f"{DEFAULT_NAME}/{DEFAULT_NAME}-0.1.0/README.md").decode("utf-8")
        wheel_meta = wheel.read(f"{DEFAULT_NAME}-0.1.0.dist-info/METADATA").decode("utf-8")
    assert inner["requirements"] == meta["requirements"]
    assert inner["performance"]["ents_f"] == perf["ents_f"]
    assert {f"{DEFAULT_NAME}/{name}" for name in shipped_code} <= set(names)
    requires = [line.split(":", 1)[1].strip() for line in wheel_meta.splitlines() if line.startswith("Requires-Dist:")]
    assert [Requirement(r).name for r in requires] == ["spacy"]
    assert "## What it recognises" in card


@pytest.mark.slow
def test_model_card(built):
    result, metrics = built
    card = (result.path / "README.md").read_text(encoding="utf-8")
    for heading in ("What it recognises", "Training data", "Evaluation", "Annotation scheme", "Limitations", "Licence"):
        assert f"## {heading}" in card
    for label in scheme_labels():
        assert f"| `{label}` |" in card
    for label, row in metrics["per_entity"].items():
        line = next(line for line in card.splitlines() if line.startswith(f"| `{label}` | {100 * row['p']:.1f}"))
        assert f"| {100 * row['f']:.1f} | {int(row['support'])} |" in line
    assert "*micro avg*" in card
    assert f'spacy.load("{DEFAULT_NAME}")' in card and result.wheel.name in card
    assert "CC-BY-4.0" in card


# --------------------------------------------------------------------------
# Refusals


def test_refuses_a_model_without_ner(tmp_path):
    make_nlp().to_disk(tmp_path / "blank")
    with pytest.raises(VnerError, match="no entity recognizer") as e:
        package_model(tmp_path / "blank", tmp_path / "out")
    assert str(tmp_path / "blank") in e.value.detail
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("tokenizer", ["syllable", "pyvi"])
def test_refuses_ner_without_labels(tmp_path, tokenizer):
    with pytest.raises(VnerError, match="no labels"):
        package_model(untrained(tmp_path / "unlabelled", tokenizer), tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("version", ["latest", "1.0.0.0-beta.x", "", "v1 .0"])
def test_refuses_invalid_versions(tiny_model, tmp_path, version):
    with pytest.raises(VnerError, match="Invalid package version") as e:
        package_model(tiny_model, tmp_path, version=version)
    assert repr(version) in e.value.detail and "PEP 440" in e.value.fix
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("version, canonical", [("1.0.0-rc1", "1.0.0rc1"), ("2.1", "2.1"), ("0.1.0.post1", "0.1.0.post1")])
def test_versions_are_made_canonical(version, canonical):
    assert check_version(version) == canonical


@pytest.mark.parametrize("name", ["Vi_Ner", "ner-security", "ner__security", "1ner", "vi_", "ner security", "nér"])
def test_refuses_invalid_names(name):
    with pytest.raises(VnerError, match="Invalid package name"):
        package_name(name, "vi")


def test_training_output_folder_points_to_model_best(tmp_path, tiny_model):
    shutil.copytree(tiny_model, tmp_path / "training-output" / "model-best")
    with pytest.raises(VnerError, match="Not a spaCy pipeline") as e:
        package_model(tmp_path / "training-output", tmp_path / "out")
    assert "model-best" in e.value.fix


def test_output_that_is_a_file_is_refused(tmp_path, tiny_model):
    (tmp_path / "out").write_text("a file")
    with pytest.raises(VnerError, match="Output is not a folder"):
        package_model(tiny_model, tmp_path / "out")


@pytest.mark.parametrize("make", ["missing", "file", "empty_dir", "broken_config"])
def test_refuses_paths_that_are_not_pipelines(tmp_path, tiny_model, make):
    path = tmp_path / "model"
    if make == "file":
        path.write_text("not a model")
    elif make == "empty_dir":
        path.mkdir()
    elif make == "broken_config":
        shutil.copytree(tiny_model, path)
        (path / "config.cfg").write_text("[nlp]\nlang = \"vi\"\npipeline = [\"ner\"]\n[components]\n")
    with pytest.raises(VnerError) as e:
        package_model(path, tmp_path / "out")
    assert e.value.title in ("Model not found", "Not a spaCy pipeline", "Could not load the model")
    assert str(path) in e.value.detail and e.value.fix
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_refuses_existing_package_unless_forced(tiny_model, tmp_path):
    first = package_model(tiny_model, tmp_path, version="0.2.0")
    marker = first.path / "marker.txt"
    marker.write_text("old build")
    with pytest.raises(VnerError, match="already exists") as e:
        package_model(tiny_model, tmp_path, version="0.2.0")
    assert str(first.path) in e.value.detail and "--force" in e.value.fix
    assert marker.is_file()
    second = package_model(tiny_model, tmp_path, version="0.2.0", force=True)
    assert second.path == first.path and second.wheel.is_file()
    assert not marker.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{DEFAULT_NAME}-0.2.0"]


def test_failed_build_leaves_nothing(tiny_model, tmp_path, monkeypatch):
    def broken_build(package_dir):
        assert (package_dir / "setup.py").is_file()  # got as far as the build
        raise VnerError("Building the package failed", str(package_dir), "")

    monkeypatch.setattr(pkg, "_build", broken_build)
    with pytest.raises(VnerError, match="Building the package failed"):
        package_model(tiny_model, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


# --------------------------------------------------------------------------
# Requirements, code and metrics


def test_custom_code_of_the_syllable_tokenizer():
    code, requirements = custom_code(make_nlp("syllable").config)
    assert [p.resolve() for p in code] == [Path(vner_tokenizer.__file__).resolve()]
    assert requirements == []


def untrained(path: Path, tokenizer: str, labels=()) -> Path:
    """A pipeline with an initialised (untrained) `ner` knowing `labels`."""
    nlp = make_nlp(tokenizer)
    ner = nlp.add_pipe("ner", config=SMALL_NER)
    for label in labels:
        ner.add_label(label)
    nlp.initialize()
    nlp.to_disk(path)
    return path


@pytest.mark.slow
def test_pyvi_model_requires_pyvi(tmp_path):
    model = untrained(tmp_path / "pyvi-model", "pyvi", scheme_labels())
    result = package_model(model, tmp_path / "out", name="ner_pyvi")
    assert result.name == "vi_ner_pyvi"
    assert result.wheel.name == "vi_ner_pyvi-0.1.0-py3-none-any.whl"
    assert sorted(Requirement(r).name for r in result.meta["requirements"]) == ["pyvi", "spacy"]
    assert result.meta["vner"]["code"] == []  # spaCy's own Vietnamese tokenizer: no code to ship


def test_read_metrics_of_vner_evaluate(tmp_path):
    raw = {
        "model": "training-output/model-best",
        "data": "corpus/dev.spacy",
        "documents": 2,
        "scores": {
            "per_entity": {"ORG": {"p": 0.5, "r": 1.0, "f": 2 / 3, "support": 1}, "RANK": {"p": 1.0, "r": 0.5, "f": 2 / 3, "support": 2}},
            "micro": {"p": 0.75, "r": 0.75, "f": 0.75, "support": 3},
            "macro": {"p": 0.75, "r": 0.75, "f": 2 / 3, "support": 3},
        },
    }
    path = tmp_path / "metrics.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert read_metrics(path) == raw


# The one score format only: seqeval's raw report or spaCy's keys are refused
# (they used to be guessed at; `vner evaluate` writes the one format).
@pytest.mark.parametrize("raw", [{}, {"scores": {}}, {"accuracy": 0.9}, [1, 2],
                                 {"PERSON": {"precision": 1.0, "recall": 0.5, "f1-score": 0.667, "support": 2}}])
def test_unrecognised_metrics_are_refused(raw):
    with pytest.raises(VnerError, match="Unrecognised metrics"):
        check_evaluation(raw, "m.json")


def test_without_an_evaluation_the_card_says_where_its_scores_come_from(tiny_model, tmp_path):
    result = package_model(tiny_model, tmp_path)
    card = (result.path / "README.md").read_text(encoding="utf-8")
    # Trained by hand: no dev scores in its meta either.
    assert result.metrics_source is None and "packaged without `--eval` or `--metrics`" in card


# --------------------------------------------------------------------------
# Command line


def test_cli_refusal_is_a_message_not_a_traceback(tiny_model, tmp_path):
    result = CliRunner().invoke(app, ["package", str(tiny_model), "-o", str(tmp_path), "--version", "next"])
    assert result.exit_code == 1
    assert "Invalid package version" in result.output and "PEP 440" in result.output
    assert "Traceback" not in result.output


def test_cli_refuses_both_eval_and_metrics(tiny_model, tmp_path):
    metrics = tmp_path / "metrics.json"
    metrics.write_text("{}")
    result = CliRunner().invoke(app, ["package", str(tiny_model), "-o", str(tmp_path), "--eval", str(SEED_GOLD), "--metrics", str(metrics)])
    assert result.exit_code == 1 and "Both --eval and --metrics" in result.output


@pytest.mark.slow
def test_cli_package_with_eval(tiny_model, tmp_path):
    corpus = tmp_path / "corpus"
    convert_export(SEED_GOLD, corpus, dev_fraction=0.2, seed=0)
    result = CliRunner().invoke(app, ["package", str(tiny_model), "-o", str(tmp_path / "out"), "--eval", str(corpus), "-n", "ner_cli", "-v", "1.0.0"])
    assert result.exit_code == 0, result.output
    target = tmp_path / "out" / "vi_ner_cli-1.0.0"
    meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
    assert (target / "dist" / "vi_ner_cli-1.0.0-py3-none-any.whl").is_file()
    from vner.evaluation.evaluate import evaluate

    expected = evaluate(tiny_model, corpus, tmp_path / "reports", progress=False)["scores"]
    assert meta["performance"]["ents_f"] == pytest.approx(expected["micro"]["f"])
    assert set(meta["performance"]["seqeval"]["per_entity"]) == set(expected["per_entity"])
    assert "vi_ner_cli-1.0.0-py3-none-any.whl" in result.output
    card = (target / "README.md").read_text(encoding="utf-8")
    assert str(corpus) in card


def test_ruler_ships_every_sibling_it_imports():
    # A packaged model has no vner: every module ruler.py imports relatively,
    # and what those import in turn, must be in its SHIPS_WITH.
    import ast

    from vner.model import ruler

    def relative_imports(path: Path) -> set[str]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        return {f"{n.module}.py" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 1}

    here = Path(ruler.__file__).parent
    needed, todo = set(), ["ruler.py"]
    while todo:
        for name in relative_imports(here / todo.pop()) - needed:
            needed.add(name)
            todo.append(name)
    assert needed == set(ruler.SHIPS_WITH)
    assert [p.name for p in custom_code(add_rules_stage(make_nlp()).config)[0]] == ["tokenizer.py", "ruler.py", *ruler.SHIPS_WITH]


def test_the_model_card_counts_the_written_articles_among_its_documents(tmp_path):
    from spacy.tokens import DocBin

    from vner.annotation.markup import written_corpus
    from vner.annotation.convert import gold_docs
    from vner.training.model_card import training_data

    DocBin(docs=gold_docs()[:2] + written_corpus().train[:3], store_user_data=True).to_disk(tmp_path / "train.spacy")
    text = training_data({"paths": {"train": str(tmp_path / "train.spacy")}})
    assert "training: 5 documents" in text and "; 3 of the documents are the team's written articles" in text
