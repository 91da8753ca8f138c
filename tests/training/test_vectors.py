"""scripts/train_vectors.py and configs/ner-vectors.cfg: real floret vectors on the seed text, a real short training with them."""

import importlib.util
import json
from pathlib import Path

import numpy
import pytest
import spacy
from typer.testing import CliRunner

from vner.cli import app

ROOT = Path(__file__).resolve().parents[2]
SEED_TEXTS = sorted((ROOT / "seeds").glob("*.txt"))
CONFIG = ROOT / "configs" / "ner-vectors.cfg"
# Small and quick: the point is the plumbing, not the quality of the vectors.
SMALL = {"dim": 16, "bucket": 2000, "epoch": 3}

spec = importlib.util.spec_from_file_location("train_vectors", ROOT / "scripts" / "train_vectors.py")
train_vectors = importlib.util.module_from_spec(spec)
spec.loader.exec_module(train_vectors)


@pytest.fixture(scope="module")
def seed_vectors(tmp_path_factory):
    out = tmp_path_factory.mktemp("vectors") / "seeds"
    facts = train_vectors.train_vectors(SEED_TEXTS, out, **SMALL)
    return out, facts


def test_vectors_from_the_seed_text_load_as_a_floret_table(seed_vectors):
    out, facts = seed_vectors
    assert facts["sentences"] > 20 and facts["tokens"] > 3000
    assert facts["shape"] == [2000, 16]
    assert json.loads((out / "vectors-training.json").read_text(encoding="utf-8"))["tokens"] == facts["tokens"]
    nlp = spacy.load(out)
    assert nlp.vocab.vectors.mode == "floret" and nlp.vocab.vectors.shape == (2000, 16)
    # Keyed by the syllable tokenizer's tokens: "tỉnh." is split, so "tỉnh" has a vector; a string never seen gets one from its n-grams.
    assert [t.text for t in nlp("Công an tỉnh.")] == ["Công", "an", "tỉnh", "."]
    for word in ["tỉnh", "Xyzqwvk"]:
        assert numpy.abs(nlp.vocab[word].vector).sum() > 0


def test_plain_text_is_split_into_syllables_and_json_lines_keep_their_words(tmp_path):
    text = tmp_path / "text.txt"
    text.write_text("Thượng tá Lê Văn An (Công an huyện).\n\n  \nHai vụ, 3,5 kg.\n", encoding="utf-8")
    assert train_vectors.read_sentences(text) == [
        ["Thượng", "tá", "Lê", "Văn", "An", "(", "Công", "an", "huyện", ")", "."], ["Hai", "vụ", ",", "3,5", "kg", "."]]
    lines = tmp_path / "train.json"
    lines.write_text('{"words": ["Bộ", "Y", "tế"], "tags": ["B-ORG", "I-ORG", "I-ORG"]}\n\n{"words": ["a.b", " "]}\n', encoding="utf-8")
    assert train_vectors.read_sentences(lines) == [["Bộ", "Y", "tế"], ["a.b"]]


@pytest.mark.parametrize("name, content, message", [
    ("missing.json", None, "Text file not found"),
    ("bad.json", '{"words": ["a"]}\n{"words": [\n', "line 2: not valid JSON"),
    ("nowords.jsonl", '{"tokens": ["a"]}\n', 'line 1: no "words" list'),
    ("numbers.json", '{"words": ["a", 3]}\n', 'line 1: no "words" list'),
    ("empty.txt", "\n  \n", "No words in"),
])
def test_bad_input_names_the_file_and_the_fix(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert train_vectors.main([str(path), "-o", str(tmp_path / "out"), "--dim", "8", "--bucket", "100", "--epoch", "1"]) == 1
    err = capsys.readouterr().err
    assert message in err and str(path) in err and "Traceback" not in err
    assert not (tmp_path / "out" / "vectors-training.json").exists()


def test_non_utf8_text_is_refused(tmp_path, capsys):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Công an tỉnh".encode("cp1258", errors="replace") + b"\xff\xfe")
    assert train_vectors.main([str(path), "-o", str(tmp_path / "out")]) == 1
    assert "not UTF-8" in capsys.readouterr().err


def test_bad_ngram_range_is_refused(tmp_path, capsys):
    assert train_vectors.main([str(SEED_TEXTS[0]), "-o", str(tmp_path / "out"), "--minn", "5", "--maxn", "3"]) == 1
    assert "need 1 <= minn <= maxn" in capsys.readouterr().err


def test_config_differs_from_the_default_by_the_static_vectors_only():
    default = spacy.util.load_config(ROOT / "configs" / "ner.cfg")
    vectors = spacy.util.load_config(CONFIG)
    assert vectors["components"]["tok2vec"]["model"]["embed"]["include_static_vectors"] is True
    vectors["components"]["tok2vec"]["model"]["embed"]["include_static_vectors"] = False
    assert vectors == default


@pytest.mark.slow
def test_a_pipeline_trained_with_the_vectors_has_them_and_uses_them(seed_vectors, tmp_path):
    out, _ = seed_vectors
    model = tmp_path / "model"
    result = CliRunner().invoke(app, ["train", "-o", str(model), "-c", str(CONFIG), "--paths.vectors", str(out),
                                      "--training.max_steps", "12", "--training.eval_frequency", "6", "--no-written"],
                                 catch_exceptions=False)
    assert result.exit_code == 0, result.output
    info = json.loads((model / "training.json").read_text(encoding="utf-8"))
    assert info["step"] == 12
    nlp = spacy.load(model / "model-best")
    assert nlp.vocab.vectors.mode == "floret" and nlp.vocab.vectors.shape == (2000, 16)
    numpy.testing.assert_allclose(nlp.vocab["tỉnh"].vector, spacy.load(out).vocab["tỉnh"].vector)
    # The tok2vec holds a static-vectors layer fed by that table.
    assert any(node.name == "static_vectors" for node in nlp.get_pipe("tok2vec").model.walk())
    # ... and its output depends on them: blank the table and the token vectors change.
    tok2vec = nlp.get_pipe("tok2vec")
    doc = nlp.make_doc("Thượng tá Lê Văn An làm việc với Công an tỉnh Nghệ An.")
    before = tok2vec.predict([doc])[0].copy()
    nlp.vocab.vectors.data[:] = 0
    after = tok2vec.predict([doc])[0]
    assert before.shape == (len(doc), 96)
    assert not numpy.allclose(before, after)


def test_the_vectors_config_without_vectors_is_refused(tmp_path):
    result = CliRunner().invoke(app, ["train", "-o", str(tmp_path / "model"), "-c", str(CONFIG), "--training.max_steps", "2"])
    assert result.exit_code == 1
    assert "No vectors for a config that uses them" in result.output and "--paths.vectors" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "model" / "model-best").exists()
