"""`vner train` and `train()`: real (short) spaCy trainings on the seeds.

Trainings run a few dozen steps at most: enough to check what is written,
loaded and passed through, not model quality (bench/tuning/ measures that).
"""

import json
import re
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import DocBin
from typer.testing import CliRunner

from vner.annotation.convert import gold_docs
from vner.cli import app
from vner.core.errors import VnerError
from vner.model.nlp import make_nlp
from vner.core.scheme import labels as scheme_labels
from vner.training.corpus import docs_to_conll
from vner.training.train import DEFAULT_CONFIG, TRAINING_LOG, split_train_dev, train

runner = CliRunner()
SHORT = ["--training.max_steps", "30", "--training.eval_frequency", "10"]


@pytest.fixture(scope="module")
def seeds():
    return gold_docs()


@pytest.fixture(scope="module")
def small(seeds, tmp_path_factory):
    """Two seed documents to train on and one for dev, as .spacy files."""
    d = tmp_path_factory.mktemp("small")
    DocBin(docs=seeds[:2], store_user_data=True).to_disk(d / "train.spacy")
    DocBin(docs=seeds[3:4], store_user_data=True).to_disk(d / "dev.spacy")
    return d


def invoke(*args):
    return runner.invoke(app, ["train", *map(str, args)], catch_exceptions=False)


def logged_steps(output):
    """The step column (#) of the training table in training.log."""
    return [int(m.group(1)) for m in re.finditer(r"^\s*\d+\s+(\d+)\s+[\d.]+\s+[\d.]+", (output / TRAINING_LOG).read_text(), re.M)]


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    """`vner train` with no DATA: the shipped seed gold, default config."""
    out = tmp_path_factory.mktemp("seed-run") / "model"
    result = invoke("-o", out, *SHORT)
    return result, out


@pytest.mark.slow
def test_cli_trains_on_the_seed_gold_by_default(seed_run, seeds):
    result, out = seed_run
    assert result.exit_code == 0, result.output
    meta = json.loads((out / "model-best" / "meta.json").read_text())
    assert meta["lang"] == "vi"
    assert set(meta["labels"]["ner"]) == set(scheme_labels())
    assert "ents_f" in meta["performance"]
    assert (out / "model-last" / "meta.json").is_file()
    # the corpus written for spaCy: 4 documents train, 1 dev (20 %)
    nlp = make_nlp()
    train_ids = [d.user_data["id"] for d in DocBin().from_disk(out / "corpus" / "train.spacy").get_docs(nlp.vocab)]
    dev_ids = [d.user_data["id"] for d in DocBin().from_disk(out / "corpus" / "dev.spacy").get_docs(nlp.vocab)]
    assert len(train_ids) == 4 and len(dev_ids) == 1
    assert sorted(train_ids + dev_ids) == sorted(d.user_data["id"] for d in seeds)
    # progress: spaCy's table, on the terminal and in the log
    assert "ENTS_F" in result.output and "ENTS_F" in (out / TRAINING_LOG).read_text()
    steps = logged_steps(out)
    assert steps and max(steps) <= 30
    assert "model-best" in result.output


@pytest.mark.slow
def test_trained_pipeline_loads_with_the_syllable_tokenizer(seed_run):
    _, out = seed_run
    nlp = spacy.load(out / "model-best")
    assert nlp.lang == "vi"
    assert nlp.pipe_names[-1] == "ner" or "ner" in nlp.pipe_names
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "vner.SyllableTokenizer.v1"
    text = "Đại tá Lê Văn Thái thu 417,9 kg ma túy. 1 vụ/1 đối tượng"
    assert [t.text for t in nlp(text)] == [t.text for t in make_nlp()(text)]
    assert set(nlp.get_pipe("ner").labels) == set(scheme_labels())
    # the rule patterns are inside the pipeline: loading needs no pattern files
    # and none of vner but the rules-stage components (found by entry point)
    assert nlp.pipe_names == ["tok2vec", "vner_tone_norm", "vner_token_classes", "vner_rules_names", "vner_rules_shapes", "vner_rules_resolve", "ner"]
    code = (
        "import sys, spacy; nlp = spacy.load(sys.argv[1]); "
        "assert not {m for m in sys.modules if m.startswith('vner.') and m not in ('vner.model.ruler', 'vner.model.tokenizer')}, sys.modules; "
        "print([(e.text, e.label_) for e in nlp(sys.argv[2]).ents])"
    )
    text = "Thiếu tướng Phạm Văn Hùng, Giám đốc Công an tỉnh Hà Tĩnh, thu 27 vụ ở Xiêng Khoảng"
    ents = subprocess.run([sys.executable, "-c", code, str(out / "model-best"), text],
                          capture_output=True, text=True, check=True).stdout
    # even a 30-step model finds these: the rules come first, the model fills gaps
    for ent in [("Thiếu tướng", "RANK"), ("Phạm Văn Hùng", "PERSON"), ("Công an tỉnh Hà Tĩnh", "ORG"),
                ("27 vụ", "QUANTITY"), ("Xiêng Khoảng", "PROVINCE")]:
        assert repr(ent) in ents


@pytest.mark.slow
def test_overrides_pass_through_and_dev_is_used(small, tmp_path):
    out = tmp_path / "model"
    result = invoke(small / "train.spacy", "--dev", small / "dev.spacy", "-o", out,
                    "--training.max_steps", "5", "--training.eval_frequency=2", "--nlp.batch_size", "17")
    assert result.exit_code == 0, result.output
    saved = spacy.util.load_config(out / "model-last" / "config.cfg")
    assert saved["training"]["max_steps"] == 5
    assert saved["training"]["eval_frequency"] == 2
    assert saved["nlp"]["batch_size"] == 17
    steps = logged_steps(out)
    assert steps == [0, 2, 4]
    nlp = make_nlp()
    assert len(list(DocBin().from_disk(out / "corpus" / "train.spacy").get_docs(nlp.vocab))) == 2
    assert [d.user_data["id"] for d in DocBin().from_disk(out / "corpus" / "dev.spacy").get_docs(nlp.vocab)] == [
        d.user_data["id"] for d in DocBin().from_disk(small / "dev.spacy").get_docs(nlp.vocab)
    ]


@pytest.mark.slow
def test_same_seed_same_model(seeds, tmp_path):
    def run(name, seed):
        best = train(seeds[:2], seeds[2:3], tmp_path / name, overrides={"training.max_steps": 6, "training.eval_frequency": 3}, seed=seed, quiet=True)
        nlp = spacy.load(best.parent / "model-last")
        meta = json.loads((best / "meta.json").read_text())
        return nlp.get_pipe("ner").model.to_bytes(), nlp.get_pipe("tok2vec").model.to_bytes(), meta["performance"]

    first, again = run("a", 7), run("b", 7)
    assert first == again
    assert run("c", 8)[:2] != first[:2]


@pytest.mark.slow
def test_labels_come_from_the_data(seeds, tmp_path):
    """A CoNLL corpus with PER/LOC tags (not our scheme) trains as it is."""
    rename = {"PERSON": "PER", "PROVINCE": "LOC"}
    conll = docs_to_conll(seeds[:3])
    conll = re.sub(r"-(PERSON|PROVINCE)$", lambda m: "-" + rename[m.group(1)], conll, flags=re.M)
    conll = re.sub(r" [BI]-(RANK|ORG|QUANTITY)$", " O", conll, flags=re.M)
    (tmp_path / "data.conll").write_text(conll, encoding="utf-8")
    result = invoke(tmp_path / "data.conll", "-o", tmp_path / "model", "--training.max_steps", "4", "--training.eval_frequency", "2")
    assert result.exit_code == 0, result.output
    nlp = spacy.load(tmp_path / "model" / "model-best")
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC"}
    # our rules (PROVINCE, RANK, QUANTITY, ...) must not leak into their scheme
    assert {"vner_rules_names", "vner_rules_shapes", "vner_rules_resolve"} <= set(nlp.disabled)
    assert {e.label_ for e in nlp("Đại tá Lê Văn Thái thu 417,9 kg ở Xiêng Khoảng").ents} <= {"PER", "LOC"}


# ---------------------------------------------------------------------------
# Errors: a message naming the problem and the fix, non-zero exit, no traceback


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "make, title",
    [
        (lambda d: write(d / "empty.jsonl", ""), "Empty training data"),
        (lambda d: write(d / "plain.conll", "Bộ O\nCông O\nan O\n"), "No entities in training data"),
        (lambda d: d / "missing.json", "Training data not found"),
        (lambda d: write(d / "data.csv", "a,b"), "Unknown training data format"),
        (lambda d: write(d / "bad.iob", "Bộ B-ORG\nCông I-PER\n\nAn B-LOC\n"), "Invalid tag sequence"),
    ],
)
def test_data_errors(tmp_path, make, title):
    path = make(tmp_path)
    result = invoke(path, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert title in result.output
    assert str(path) in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out" / "model-best").exists()


BAD_CONFIGS = [
    ("garbage", "this is [not a config\n", "Invalid training config"),
    ("no-nlp", "[paths]\ntrain = null\n", "Invalid training config"),
    ("unknown-arch", None, "Invalid training config"),
    ("missing", None, "does not exist"),
]


@pytest.mark.parametrize("name, text, title", BAD_CONFIGS)
def test_config_errors(tmp_path, small, name, text, title):
    cfg = tmp_path / f"{name}.cfg"
    if text is not None:
        cfg.write_text(text, encoding="utf-8")
    elif name == "unknown-arch":
        cfg.write_text(DEFAULT_CONFIG.read_text().replace("spacy.MaxoutWindowEncoder.v2", "spacy.NoSuchEncoder.v9"), encoding="utf-8")
    result = invoke(small / "train.spacy", "-o", tmp_path / "out", "-c", cfg, "--training.max_steps", "2")
    assert result.exit_code != 0
    assert title in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out" / "model-best").exists()


@pytest.mark.parametrize(
    "args, title",
    [
        (["--training.no_such_setting", "3"], "Invalid training config"),
        (["--paths.train", "x.spacy"], "Override not allowed"),
        (["--unknown", "3"], "Unknown option"),
        (["-x"], "Unknown option"),
        (["--dev-fraction", "1.5"], "Invalid dev fraction"),
    ],
)
def test_option_errors(tmp_path, small, args, title):
    result = invoke(small / "train.spacy", "-o", tmp_path / "out", *args)
    assert result.exit_code == 1, result.output
    assert title in result.output
    assert "Traceback" not in result.output


def test_gpu_id_without_a_gpu(tmp_path, small):
    from thinc.util import gpu_is_available

    if gpu_is_available():  # a machine with a usable GPU trains instead
        pytest.skip("a GPU is available here")
    result = invoke(small / "train.spacy", "-o", tmp_path / "out", "--gpu-id", "0")
    assert result.exit_code == 1
    assert "GPU not available" in result.output and "--gpu-id -1" in result.output
    assert not (tmp_path / "out" / "corpus").exists()


def test_train_refuses_empty_corpora(seeds, tmp_path):
    with pytest.raises(VnerError, match="Empty training data"):
        train([], None, tmp_path)
    no_ents = make_nlp()("Bộ Công an")
    with pytest.raises(VnerError, match="No entities"):
        train([no_ents], None, tmp_path)
    # one document and no dev data: nothing to hold out
    with pytest.raises(VnerError, match="Cannot hold out a dev set"):
        train(seeds[:1], None, tmp_path)


@pytest.mark.slow
def test_rules_stage_keeps_only_the_labels_of_the_data(seeds, tmp_path):
    """Data sharing some labels with the rules keeps those; the rest is not output."""
    only = [d.copy() for d in seeds[:3]]
    for doc in only:
        doc.ents = [e for e in doc.ents if e.label_ in ("RANK", "QUANTITY")]
    best = train(only, None, tmp_path / "m", overrides={"training.max_steps": 2, "training.eval_frequency": 1}, quiet=True)
    nlp = spacy.load(best)
    assert nlp.config["components"]["vner_rules_resolve"]["labels"] == ["QUANTITY", "RANK"]
    assert {e.label_ for e in nlp("Thiếu tướng Phạm Văn Hùng thu 27 vụ ở Xiêng Khoảng").ents} <= {"RANK", "QUANTITY"}


def test_split_keeps_documents_together(seeds):
    nlp = make_nlp()
    parts = []
    for doc in seeds:
        for i, para in enumerate(doc.text.split("\n\n")):
            part = nlp(para)
            part.user_data["id"] = f"{doc.user_data['id']}#{i}"
            part.user_data["group"] = doc.user_data["id"]
            parts.append(part)
    for seed in range(5):
        fit, dev = split_train_dev(parts, dev_fraction=0.2, seed=seed)
        assert len(fit) + len(dev) == len(parts)
        fit_groups = {d.user_data["group"] for d in fit}
        dev_groups = {d.user_data["group"] for d in dev}
        assert len(dev_groups) == 1 and not fit_groups & dev_groups
    assert split_train_dev(parts, seed=1) == split_train_dev(parts, seed=1)
