"""Readers and writers of training data: every format, every tag scheme, and
a clear error (file:line) for input that fits none."""

import json

import pytest
from spacy.tokens import DocBin

from vner.annotation.convert import convert_export, gold_docs
from vner.core.errors import VnerError
from vner.model.nlp import make_nlp
from vner.core.resources import SEED_GOLD
from vner.training.corpus import (
    conll_to_docs,
    detect_scheme,
    docs_to_conll,
    docs_to_jsonl,
    jsonl_to_docs,
    load_corpus,
    load_training_data,
)


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


@pytest.fixture(scope="module")
def seeds():
    return gold_docs()


def ents(doc):
    """Entities as (label, token texts): comparable across tokenizations of the same words."""
    return [(e.label_, [t.text for t in e if not t.is_space]) for e in doc.ents]


def words(doc):
    return [t.text for t in doc if not t.is_space]


EXPECTED = [("RANK", ["Đại", "tá"]), ("PERSON", ["Lê", "Văn", "Thái"]), ("QUANTITY", ["3", "tỉnh"]), ("PROVINCE", ["Nghệ", "An"])]
WORDS = ["Đại", "tá", "Lê", "Văn", "Thái", "thăm", "3", "tỉnh", ",", "Nghệ", "An"]

SCHEMES = {
    "iob2": ["B-RANK", "I-RANK", "B-PERSON", "I-PERSON", "I-PERSON", "O", "B-QUANTITY", "I-QUANTITY", "O", "B-PROVINCE", "I-PROVINCE"],
    "iob1": ["I-RANK", "I-RANK", "I-PERSON", "I-PERSON", "I-PERSON", "O", "I-QUANTITY", "I-QUANTITY", "O", "I-PROVINCE", "I-PROVINCE"],
    "bioes": ["B-RANK", "E-RANK", "B-PERSON", "I-PERSON", "E-PERSON", "O", "B-QUANTITY", "E-QUANTITY", "O", "B-PROVINCE", "E-PROVINCE"],
    "bilou": ["B-RANK", "L-RANK", "B-PERSON", "I-PERSON", "L-PERSON", "O", "B-QUANTITY", "L-QUANTITY", "O", "B-PROVINCE", "L-PROVINCE"],
}


def conll(words, tags, columns=2):
    middle = " NN B-NP" if columns == 4 else ""
    return "".join(f"{w}{middle} {t}\n" for w, t in zip(words, tags))


@pytest.mark.parametrize("scheme", SCHEMES)
def test_conll_every_scheme_gives_the_same_entities(tmp_path, nlp, scheme):
    path = tmp_path / f"data.{'iob' if scheme.startswith('iob') else 'conll'}"
    path.write_text(conll(WORDS, SCHEMES[scheme]), encoding="utf-8")
    (doc,) = load_training_data(path, nlp)
    assert words(doc) == WORDS
    assert ents(doc) == EXPECTED
    assert doc.user_data["id"] == "data-0"


def test_iob1_b_separates_adjacent_entities(nlp):
    text = conll(["Nghệ", "An", "Hà", "Tĩnh", "họp"], ["I-PROVINCE", "I-PROVINCE", "B-PROVINCE", "I-PROVINCE", "O"])
    (doc,) = conll_to_docs(text, nlp)
    assert ents(doc) == [("PROVINCE", ["Nghệ", "An"]), ("PROVINCE", ["Hà", "Tĩnh"])]


def test_conll_extra_columns_and_tsv(tmp_path, nlp):
    path = tmp_path / "conll2003.txt"
    path.write_text(conll(WORDS, SCHEMES["iob2"], columns=4), encoding="utf-8")
    assert ents(load_training_data(path, nlp)[0]) == EXPECTED
    tsv = tmp_path / "data.tsv"
    tsv.write_text("".join(f"{w}\t{t}\n" for w, t in zip(WORDS, SCHEMES["iob2"])), encoding="utf-8")
    assert ents(load_training_data(tsv, nlp)[0]) == EXPECTED


def test_conll_sentences_without_docstart_are_documents(nlp):
    text = conll(WORDS[:5], SCHEMES["iob2"][:5]) + "\n\n" + conll(WORDS[6:8], SCHEMES["iob2"][6:8])
    docs = list(conll_to_docs(text, nlp, source="x.conll"))
    assert [words(d) for d in docs] == [WORDS[:5], WORDS[6:8]]
    assert [d.user_data["id"] for d in docs] == ["x-0", "x-1"]
    assert [ents(d) for d in docs] == [EXPECTED[:2], EXPECTED[2:3]]


def test_conll_docstart_groups_sentences_into_documents(nlp):
    text = (
        "-DOCSTART- -X- -X- O\n\n"
        + conll(WORDS[:5], SCHEMES["iob2"][:5])
        + "\n"
        + conll(WORDS[5:], SCHEMES["iob2"][5:])
        + "\n-DOCSTART- -X- -X- O\n\n"
        + conll(["Bộ", "Công", "an"], ["B-ORG", "I-ORG", "I-ORG"])
    )
    docs = list(conll_to_docs(text, nlp, source="two.conll"))
    assert len(docs) == 2
    assert words(docs[0]) == WORDS and ents(docs[0]) == EXPECTED
    assert [s.text.split() for s in docs[0].sents] == [WORDS[:5], WORDS[5:]]
    assert ents(docs[1]) == [("ORG", ["Bộ", "Công", "an"])]


def test_jsonl_reader(tmp_path, nlp):
    lines = [
        {"id": "a", "words": WORDS, "tags": SCHEMES["iob2"]},
        {"words": ["Bộ", "Công", "an", "."], "tags": ["B-ORG", "I-ORG", "I-ORG", "O"], "spaces": [True, True, False, False]},
    ]
    path = tmp_path / "data.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n", encoding="utf-8")
    docs = load_training_data(path, nlp)
    assert [d.user_data["id"] for d in docs] == ["a", "data-2"]
    assert ents(docs[0]) == EXPECTED
    assert docs[1].text == "Bộ Công an."
    assert [(e.text, e.label_) for e in docs[1].ents] == [("Bộ Công an", "ORG")]


def test_jsonl_bioes(nlp):
    line = json.dumps({"words": WORDS, "tags": SCHEMES["bioes"]})
    assert ents(next(jsonl_to_docs(line, nlp))) == EXPECTED


BAD_CONLL = [
    # (lines, line of the error, words the message must contain)
    (["Bộ B-ORG", "Công I-PERSON", "an O", "", "Nghệ B-PROVINCE", "An I-PROVINCE"], 2, ["I-PERSON", "'B-ORG'", "line 1"]),
    (["Nghệ I-PROVINCE", "An I-PROVINCE", "", "Bộ B-ORG", "Công I-ORG"], 1, ["I-PROVINCE", "start of a sentence", "line 4"]),
    (["Nghệ O", "An X-PROVINCE"], 2, ["X-PROVINCE"]),
    (["Nghệ O", "An PROVINCE"], 2, ["'PROVINCE'"]),
    (["Nghệ B-PROVINCE", "An O", "", "Bộ S-ORG"], 2, ["'O'", "B-PROVINCE"]),
    (["Nghệ S-PROVINCE", "An E-PROVINCE"], 2, ["E-PROVINCE"]),
    (["Nghệ B-PROVINCE", "An I-PROVINCE", "", "Bộ S-ORG"], 2, ["not closed"]),
    (["Nghệ B-PROVINCE", "An L-ORG", "", "Bộ U-ORG"], 2, ["L-ORG", "I-PROVINCE"]),
    (["Nghệ", "An O"], 1, ["no tag column"]),
]


@pytest.mark.parametrize("lines, lineno, expected", BAD_CONLL)
def test_conll_errors_name_file_and_line(tmp_path, nlp, lines, lineno, expected):
    path = tmp_path / "bad.conll"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(VnerError) as e:
        load_training_data(path, nlp)
    assert f"{path}:{lineno}:" in e.value.detail
    for text in expected:
        assert text in e.value.detail
    assert e.value.fix


@pytest.mark.parametrize(
    "line, title",
    [
        ('{"words": ["a"], "tags": ["O"]', "Invalid JSON line"),
        ('{"tokens": ["a"], "ner_tags": ["O"]}', "Invalid JSON line"),
        ('{"words": ["a", "b"], "tags": ["O"]}', "Words and tags differ in length"),
        ('{"words": ["a", "b"], "tags": ["O", "B-X"], "spaces": [true]}', "Invalid JSON line"),
        ('{"words": ["a", "b"], "tags": ["B-ORG", "I-PER"]}', "Invalid tag sequence"),
    ],
)
def test_jsonl_errors_name_file_and_line(tmp_path, nlp, line, title):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"words": ["x"], "tags": ["O"]}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(VnerError) as e:
        load_training_data(path, nlp)
    assert e.value.title == title
    assert f"{path}:2" in e.value.detail


def test_detect_scheme_is_per_file_not_per_sentence():
    # IOB2 sentence + IOB1 sentence in one file: mixed, refused.
    with pytest.raises(VnerError, match="line 1"):
        detect_scheme([["B-ORG", "I-ORG"], ["I-PER", "O"]], lines=[[1, 2], [4, 5]], source="f")
    assert detect_scheme([["O", "O"]], lines=[[1, 2]], source="f") == "iob2"


def test_conll_round_trip_of_the_seeds(tmp_path, nlp, seeds):
    path = tmp_path / "seeds.conll"
    path.write_text(docs_to_conll(seeds), encoding="utf-8")
    back = load_training_data(path, nlp)
    assert len(back) == len(seeds)
    assert sum(len(d.ents) for d in back) == sum(len(d.ents) for d in seeds) == 215
    for before, after in zip(seeds, back):
        assert words(after) == words(before)
        assert ents(after) == ents(before)
        # one sentence per paragraph
        assert len(list(after.sents)) == 1 + sum(1 for t in before if t.is_space and "\n" in t.text)
    assert docs_to_conll(back) == docs_to_conll(seeds)


def test_jsonl_round_trip_of_the_seeds(tmp_path, nlp, seeds):
    path = tmp_path / "seeds.jsonl"
    path.write_text(docs_to_jsonl(seeds), encoding="utf-8")
    back = load_training_data(path, nlp)
    assert [d.user_data["id"] for d in back] == [d.user_data["id"] for d in seeds]
    for before, after in zip(seeds, back):
        assert words(after) == words(before)
        assert ents(after) == ents(before)


def test_writers_skip_whitespace_tokens_without_breaking_entities(nlp):
    doc = nlp("Nghệ  An họp")  # double space: a whitespace token inside the entity
    doc.ents = [doc.char_span(0, 8, "PROVINCE")]
    record = json.loads(docs_to_jsonl([doc]))
    assert record["words"] == ["Nghệ", "An", "họp"]
    assert record["tags"] == ["B-PROVINCE", "I-PROVINCE", "O"]
    assert "Nghệ B-PROVINCE\nAn I-PROVINCE\nhọp O\n" in docs_to_conll([doc])


def test_label_studio_export(nlp, seeds):
    docs = load_training_data(SEED_GOLD, nlp)
    assert [d.user_data["id"] for d in docs] == [d.user_data["id"] for d in seeds]
    assert [ents(d) for d in docs] == [ents(d) for d in seeds]


def test_corpus_folder_keeps_its_split(tmp_path, nlp):
    report = convert_export(SEED_GOLD, tmp_path / "corpus", dev_fraction=0.2)
    corpus = load_corpus(tmp_path / "corpus", nlp)
    assert [d.user_data["id"] for d in corpus.train] == report.train
    assert [d.user_data["id"] for d in corpus.dev] == report.dev and corpus.dev
    assert len(load_training_data(tmp_path / "corpus", nlp)) == 5
    # a single .spacy file is read whole, ids kept
    assert [d.user_data["id"] for d in load_training_data(tmp_path / "corpus" / "dev.spacy", nlp)] == report.dev


def test_spacy_file_without_ids_gets_ids(tmp_path, nlp):
    doc = nlp("Bộ Công an")
    doc.ents = [doc.char_span(0, 10, "ORG")]
    DocBin(docs=[doc, doc]).to_disk(tmp_path / "plain.spacy")
    assert [d.user_data["id"] for d in load_training_data(tmp_path / "plain.spacy", nlp)] == ["plain-0", "plain-1"]


def test_folder_of_files(tmp_path, nlp):
    (tmp_path / "a.conll").write_text(conll(WORDS, SCHEMES["iob2"]), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text(json.dumps({"id": "b", "words": WORDS, "tags": SCHEMES["bilou"]}) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    docs = load_training_data(tmp_path, nlp)
    assert [d.user_data["id"] for d in docs] == ["a-0", "b"]
    assert all(ents(d) == EXPECTED for d in docs)


@pytest.mark.parametrize(
    "name, content, title",
    [
        ("missing.conll", None, "Training data not found"),
        ("data.xlsx", "x", "Unknown training data format"),
        ("empty-dir", "", "No training data in folder"),
        ("broken.spacy", "not a docbin", "Not a spaCy DocBin"),
        ("latin1.conll", b"Ngh\xe9 O\n", "Invalid UTF-8"),
        ("not-an-export.json", '{"a": 1}', "Unknown training data format"),
        ("not-tasks.json", '[1, 2]', "Not a Label Studio export"),
        ("pretty.json", '{\n  "words": ["a"]\n}', "Unknown training data format"),
        ("empty.json", "\n\n", "Unknown training data format"),
    ],
)
def test_input_errors(tmp_path, nlp, name, content, title):
    path = tmp_path / name
    if name == "empty-dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(VnerError) as e:
        load_training_data(path, nlp)
    assert e.value.title == title
    assert str(path) in e.value.detail


def test_jsonl_in_a_json_file_is_read_as_jsonl(tmp_path, nlp):
    """Public corpora ship JSON lines named .json: the content decides, not the suffix."""
    lines = [json.dumps({"words": WORDS, "tags": SCHEMES["iob2"]}, ensure_ascii=False)] * 2
    path = tmp_path / "train_syllable.json"
    path.write_text("\n" + "\n".join(lines) + "\n", encoding="utf-8")
    docs = load_training_data(path, nlp)
    assert [d.user_data["id"] for d in docs] == ["train_syllable-2", "train_syllable-3"]
    assert all(ents(d) == EXPECTED for d in docs)
    # in a folder too, next to a Label Studio export
    (tmp_path / "export.json").write_bytes(SEED_GOLD.read_bytes())
    docs = load_training_data(tmp_path, nlp)
    assert len(docs) == 2 + len(json.loads(SEED_GOLD.read_text(encoding="utf-8")))


def test_unknown_format_error_lists_every_format(tmp_path, nlp):
    path = tmp_path / "data.json"
    path.write_text('{"tokens": ["a"], "ner_tags": [0]}\n', encoding="utf-8")
    with pytest.raises(VnerError) as e:
        load_training_data(path, nlp)
    assert e.value.title == "Unknown training data format"
    assert str(path) in e.value.detail and "ner_tags, tokens" in e.value.detail
    for fmt in ("Label Studio export", "JSON lines", ".jsonl or .json", ".spacy", "CoNLL/IOB", ".conll", "datasets", ".parquet"):
        assert fmt in e.value.fix


# --- A corpus written in shards ----------------------------------------------


@pytest.fixture(scope="module")
def sharded(tmp_path_factory):
    """The seeds converted twice with the same seed: whole, and one document per shard."""
    root = tmp_path_factory.mktemp("sharded")
    convert_export(SEED_GOLD, root / "whole", dev_fraction=0.4, seed=3)
    report = convert_export(SEED_GOLD, root / "corpus", dev_fraction=0.4, seed=3, n_docs=1)
    assert report.shards == {"train": 3, "dev": 2}
    return root


def summary(docs):
    return [(d.user_data["id"], d.text, ents(d)) for d in docs]


def test_read_corpus_takes_shard_folders_as_the_files(sharded, nlp):
    from vner.training.corpus import read_corpus

    whole, corpus = read_corpus(sharded / "whole", nlp), read_corpus(sharded / "corpus", nlp)
    assert corpus.own_split and summary(corpus.train) == summary(whole.train) and summary(corpus.dev) == summary(whole.dev)
    assert len(corpus.train) == 3 and (sharded / "corpus" / "train.spacy").is_dir() and (sharded / "corpus" / "dev.spacy").is_dir()
    # the shard folder alone, as a path of its own (DATA or --dev)
    assert summary(load_training_data(sharded / "corpus" / "train.spacy", nlp)) == summary(whole.train)


def test_an_empty_shard_folder_is_an_error(tmp_path, nlp):
    (tmp_path / "train.spacy").mkdir()
    (tmp_path / "train.spacy" / ".00000.spacy.tmp").write_bytes(b"")
    with pytest.raises(VnerError, match="No .spacy files in folder"):
        load_corpus(tmp_path, nlp)


def test_train_and_evaluate_read_a_sharded_corpus(sharded, tmp_path, tiny_overrides):
    from typer.testing import CliRunner

    from vner.cli import app

    runner = CliRunner()
    overrides = [arg for key, value in tiny_overrides.items() for arg in (f"--{key}", json.dumps(value))]
    result = runner.invoke(app, ["train", str(sharded / "corpus"), "-o", str(tmp_path / "model"), "--no-written", *overrides])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "Read " + str(sharded / "corpus") + ": 5 documents (2 dev)" in out
    assert "Training on 3 documents, selecting on 2" in out
    result = runner.invoke(app, ["evaluate", str(tmp_path / "model" / "model-best"), str(sharded / "corpus"), "-o", str(tmp_path / "eval")])
    assert result.exit_code == 0, result.output
    metrics = json.loads((tmp_path / "eval" / "metrics.json").read_text(encoding="utf-8"))
    whole_dev = load_training_data(sharded / "whole" / "dev.spacy", make_nlp())
    assert metrics["part"] == "dev split"
    assert sum(metrics["counts"]["gold"].values()) == sum(len(d.ents) for d in whole_dev) > 0


def test_export_dataset_reads_a_sharded_corpus(sharded, tmp_path):
    from typer.testing import CliRunner

    from vner.cli import app

    runner = CliRunner()
    for name in ("corpus", "whole"):
        result = runner.invoke(app, ["export-dataset", str(sharded / name), "-o", str(tmp_path / name), "--format", "jsonl"])
        assert result.exit_code == 0, result.output
        assert "train 3 docs, dev 2 docs" in " ".join(result.output.split())
    files = sorted(p.relative_to(tmp_path / "whole") for p in (tmp_path / "whole").rglob("*") if p.is_file())
    assert files and files == sorted(p.relative_to(tmp_path / "corpus") for p in (tmp_path / "corpus").rglob("*") if p.is_file())
    for f in files:
        assert (tmp_path / "corpus" / f).read_bytes() == (tmp_path / "whole" / f).read_bytes()
