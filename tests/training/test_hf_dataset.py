"""`vner export-dataset` and `dataset_to_docs`: the corpus as a 🤗 dataset.

Round trips: seeds → corpus → dataset → `load_from_disk` / `dataset_to_docs`
give the same documents (ids, words, text) and the same entities, in every
format, including documents with newlines, runs of spaces, emoji and
entities that contain a whitespace token.
"""

import json
from pathlib import Path

import datasets
import pyarrow.parquet as pq
import pytest
from spacy.tokens import DocBin
from typer.testing import CliRunner

from vner.annotation.convert import convert_export, gold_docs
from vner.cli import app
from vner.core.errors import VnerError
from vner.model.nlp import make_nlp
from vner.core.scheme import labels as scheme_labels
from vner.core.resources import SEED_GOLD
from vner.training import hf_dataset as hf
from vner.training.corpus import docs_to_conll, docs_to_jsonl, load_training_data
from vner.training.corpus import read_corpus
from vner.training.hf_dataset import (
    corpus_labels,
    dataset_to_docs,
    docs_to_dataset,
    export_dataset,
    features,
    tag_names,
)

EXPECTED_TAGS = ["O"] + [f"{p}-{label}" for label in ["PERSON", "RANK", "ORG", "PROVINCE", "QUANTITY"] for p in "BI"]


def ents(doc):
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def words(doc):
    return [t.text for t in doc if not t.is_space]


def assert_same_docs(before, after):
    assert [d.user_data["id"] for d in after] == [d.user_data["id"] for d in before]
    for a, b in zip(before, after):
        assert b.text == a.text
        assert words(b) == words(a)
        assert ents(b) == ents(a)
        assert b.user_data.get("meta", {}) == (a.user_data.get("meta") or {})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    report = convert_export(SEED_GOLD, out, dev_fraction=0.2, seed=0)
    assert report.train and report.dev
    return out


@pytest.fixture(scope="module")
def corpus_docs(corpus):
    return read_corpus(corpus).splits()


@pytest.fixture(scope="module")
def arrow(tmp_path_factory, corpus):
    out = tmp_path_factory.mktemp("export") / "arrow"
    return export_dataset(corpus, out, format="arrow")


# --------------------------------------------------------------------------
# arrow (save_to_disk)


def test_features_are_as_specified(arrow):
    ds = datasets.load_from_disk(str(arrow.output))
    assert isinstance(ds, datasets.DatasetDict)
    assert list(ds) == ["train", "dev"]
    for split in ds.values():
        f = split.features
        assert f["id"] == datasets.Value("string")
        assert f["tokens"] == datasets.Sequence(datasets.Value("string"))
        assert f["spaces"] == datasets.Sequence(datasets.Value("bool"))
        assert isinstance(f["ner_tags"].feature, datasets.ClassLabel)
        assert f["ner_tags"].feature.names == EXPECTED_TAGS
        assert f["text"] == datasets.Value("string")
    assert arrow.labels == list(scheme_labels())


def test_load_from_disk_has_the_corpus(arrow, corpus_docs):
    ds = datasets.load_from_disk(str(arrow.output))
    names = ds["train"].features["ner_tags"].feature.names
    for split in ("train", "dev"):
        docs = corpus_docs[split]
        assert ds[split]["id"] == [d.user_data["id"] for d in docs]
        for row, doc in zip(ds[split], docs):
            kept = [t for t in doc if not t.is_space]
            assert row["tokens"] == [t.text for t in kept]
            assert row["spaces"] == [bool(t.whitespace_) for t in kept]
            assert row["text"] == doc.text
            assert json.loads(row["meta"]) == doc.user_data["meta"]
            tags = [names[i] for i in row["ner_tags"]]
            assert tags == [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in kept]
            assert sum(tag.startswith("B-") for tag in tags) == len(doc.ents)
    assert arrow.documents == {"train": len(corpus_docs["train"]), "dev": len(corpus_docs["dev"])}
    gold = gold_docs()
    assert arrow.entities == dict(sorted(_count(gold).items()))


def _count(docs):
    counts = {}
    for doc in docs:
        for e in doc.ents:
            counts[e.label_] = counts.get(e.label_, 0) + 1
    return counts


@pytest.mark.parametrize("split", ["train", "dev"])
def test_dataset_to_docs_round_trip(arrow, corpus_docs, split):
    back = dataset_to_docs(arrow.output, split=split)
    assert_same_docs(corpus_docs[split], back)
    # The split's own folder is a dataset too.
    assert_same_docs(corpus_docs[split], dataset_to_docs(arrow.output / split))
    # Same tokens, whitespace tokens included: the Docs are the converter's.
    for a, b in zip(corpus_docs[split], back):
        assert [t.text for t in b] == [t.text for t in a]


def test_dataset_to_docs_reads_every_split_in_order(arrow, corpus_docs):
    back = dataset_to_docs(arrow.output)
    assert_same_docs(corpus_docs["train"] + corpus_docs["dev"], back)
    assert [d.user_data["split"] for d in back] == ["train"] * len(corpus_docs["train"]) + ["dev"] * len(corpus_docs["dev"])


def test_training_reader_reads_the_export(arrow, corpus_docs):
    back = load_training_data(arrow.output, make_nlp())
    assert_same_docs(corpus_docs["train"] + corpus_docs["dev"], back)


def test_export_from_a_label_studio_export_splits_like_convert(tmp_path, corpus):
    result = export_dataset(SEED_GOLD, tmp_path / "ds")
    report = json.loads((corpus / "report.json").read_text(encoding="utf-8"))
    ds = datasets.load_from_disk(str(tmp_path / "ds"))
    assert ds["train"]["id"] == report["splits"]["train"]
    assert ds["dev"]["id"] == report["splits"]["dev"]
    assert result.spans_dropped == report["spans_dropped"]


def test_export_of_an_exported_dataset_is_the_same(tmp_path, arrow, corpus_docs):
    export_dataset(arrow.output, tmp_path / "again", format="parquet")
    for split in ("train", "dev"):
        assert_same_docs(corpus_docs[split], dataset_to_docs(tmp_path / "again" / f"{split}.parquet"))


def test_no_dev_split_when_dev_is_empty(tmp_path):
    convert_export(SEED_GOLD, tmp_path / "corpus", dev_fraction=0)
    result = export_dataset(tmp_path / "corpus", tmp_path / "ds")
    assert list(datasets.load_from_disk(str(tmp_path / "ds"))) == ["train"]
    assert result.documents == {"train": 5}


# --------------------------------------------------------------------------
# parquet, jsonl, conll


def test_parquet_one_file_per_split(tmp_path, corpus, corpus_docs):
    result = export_dataset(corpus, tmp_path / "pq", format="parquet")
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == ["dev.parquet", "train.parquet"]
    assert sorted(result.files) == sorted((tmp_path / "pq").iterdir())
    for split in ("train", "dev"):
        table = pq.read_table(tmp_path / "pq" / f"{split}.parquet")
        ds = datasets.Dataset(table)
        assert ds.features == features(list(scheme_labels()))
        assert ds["id"] == [d.user_data["id"] for d in corpus_docs[split]]
    assert_same_docs(corpus_docs["train"] + corpus_docs["dev"], dataset_to_docs(tmp_path / "pq"))


@pytest.mark.parametrize("fmt, writer", [("conll", docs_to_conll), ("jsonl", docs_to_jsonl)])
def test_text_formats_use_the_corpus_writers(tmp_path, corpus, corpus_docs, fmt, writer):
    result = export_dataset(corpus, tmp_path / fmt, format=fmt)
    assert sorted(p.name for p in result.files) == [f"dev.{fmt}", f"train.{fmt}"]
    for split in ("train", "dev"):
        path = tmp_path / fmt / f"{split}.{fmt}"
        assert path.read_text(encoding="utf-8") == writer(corpus_docs[split])
        back = load_training_data(path, make_nlp())
        # The text formats keep tokens, not the text: compare entities by
        # tokens. CoNLL has no place for document ids; JSONL keeps them.
        assert len(back) == len(corpus_docs[split])
        if fmt == "jsonl":
            assert [d.user_data["id"] for d in back] == [d.user_data["id"] for d in corpus_docs[split]]
        assert [[(words(e), e.label_) for e in d.ents] for d in back] == [
            [(words(e), e.label_) for e in d.ents] for d in corpus_docs[split]
        ]


# --------------------------------------------------------------------------
# Edge cases


def make_doc(text, spans, doc_id="d", meta=None):
    doc = make_nlp()(text)
    ents = []
    for sub, label, *nth in spans:
        start = -1
        for _ in range((nth[0] if nth else 0) + 1):
            start = text.index(sub, start + 1)
        span = doc.char_span(start, start + len(sub), label)
        assert span is not None, sub
        ents.append(span)
    doc.ents = ents
    doc.user_data["id"] = doc_id
    doc.user_data["meta"] = meta if meta is not None else {"date": "2023-07"}
    return doc


EDGE_CASES = {
    "newlines": ("Công an tỉnh Nghệ An.\n\nThiếu tướng Phạm Thế Tùng\r\nphát biểu", [("Công an tỉnh Nghệ An", "ORG"), ("Thiếu tướng", "RANK"), ("Phạm Thế Tùng", "PERSON")]),
    "runs_of_spaces": ("  Nghệ An  có   3 tỉnh \t", [("Nghệ An", "PROVINCE"), ("3 tỉnh", "QUANTITY")]),
    "space_inside_entity": ("tỉnh Nghệ  An họp", [("Nghệ  An", "PROVINCE")]),
    "emoji": ("🚓 Công an Quảng Bình 🇻🇳 thu 44 bánh", [("Công an Quảng Bình", "ORG"), ("44 bánh", "QUANTITY")]),
    "adjacent_same_label": ("Nghệ An Hà Tĩnh", [("Nghệ An", "PROVINCE"), ("Hà Tĩnh", "PROVINCE")]),
    "nfd_text": ("Nghe\u0323\u0302 An", [("Nghe\u0323\u0302 An", "PROVINCE")]),
    "no_entities": ("không có thực thể", []),
    "empty": ("", []),
    "numbers_and_names": ("thu 417,9 kg của Baonghean.vn", [("417,9 kg", "QUANTITY"), ("Baonghean.vn", "ORG")]),
}


@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_round_trip_edge_cases(case):
    text, spans = EDGE_CASES[case]
    doc = make_doc(text, spans, doc_id=case, meta={"case": case, "n": 1})
    ds = docs_to_dataset([doc])
    assert ds[0]["text"] == text
    assert all(tok.strip() for tok in ds[0]["tokens"])
    (back,) = dataset_to_docs(ds)
    assert_same_docs([doc], [back])
    assert [t.text for t in back] == [t.text for t in doc]


def test_extra_labels_follow_the_scheme():
    docs = [make_doc("Công an Quảng Bình (BLO) và Zeta", [("BLO", "ABBR"), ("Zeta", "ALIAS"), ("Công an Quảng Bình", "ORG")])]
    labels = corpus_labels(docs)
    assert labels == list(scheme_labels()) + ["ABBR", "ALIAS"]
    ds = docs_to_dataset(docs)
    assert ds.features["ner_tags"].feature.names == tag_names(labels)
    assert ds.features["ner_tags"].feature.names[:len(EXPECTED_TAGS)] == EXPECTED_TAGS
    assert_same_docs(docs, dataset_to_docs(ds))


@pytest.mark.parametrize("with_spaces", [True, False])
def test_datasets_from_elsewhere(with_spaces):
    """A dataset with only `tokens` and string tags (IOB1 tolerated), as on the Hub."""
    columns = {
        "tokens": [["Thiếu", "tướng", "Phạm", "Thế", "Tùng", "."], ["Nghệ", "An"]],
        "ner_tags": [["B-RANK", "I-RANK", "B-PERSON", "I-PERSON", "I-PERSON", "O"], ["I-PROVINCE", "I-PROVINCE"]],
    }
    if with_spaces:
        columns["spaces"] = [[True, True, True, True, False, False], [True, False]]
    docs = dataset_to_docs(datasets.Dataset.from_dict(columns))
    assert [(e.text, e.label_) for e in docs[0].ents] == [("Thiếu tướng", "RANK"), ("Phạm Thế Tùng", "PERSON")]
    assert [(e.text, e.label_) for e in docs[1].ents] == [("Nghệ An", "PROVINCE")]
    assert docs[0].text == ("Thiếu tướng Phạm Thế Tùng." if with_spaces else "Thiếu tướng Phạm Thế Tùng .")
    assert [d.user_data["id"] for d in docs] == ["dataset#0", "dataset#1"]


# --------------------------------------------------------------------------
# Bad input


def _dataset(**columns):
    base = {"id": ["x"], "tokens": [["Nghệ", "An"]], "ner_tags": [["B-PROVINCE", "I-PROVINCE"]], "text": ["Nghệ An"]}
    base.update(columns)
    return datasets.Dataset.from_dict({k: v for k, v in base.items() if v is not None})


@pytest.mark.parametrize(
    "data, title",
    [
        (_dataset(ner_tags=None), "Not a token-classification dataset"),
        (_dataset(ner_tags=[["B-PROVINCE"]]), "Tokens and tags differ in length"),
        (_dataset(text=["Nghệ Tĩnh"]), "Tokens do not match the text"),
        (_dataset(text=["Nghệ An thêm"]), "Tokens do not match the text"),
        (_dataset(text=None, spaces=[[True]]), "Tokens and spaces differ in length"),
        (_dataset(ner_tags=[["X-PROVINCE", "O"]]), "Invalid IOB tags"),
        (_dataset(ner_tags=[["B-", "O"]]), "Invalid IOB tags"),
        (_dataset(ner_tags=[["U-PROVINCE", "O"]]), "Invalid IOB tags"),
        (datasets.DatasetDict({"train": _dataset()}), "Split not in dataset"),
    ],
)
def test_bad_datasets_are_refused(data, title):
    with pytest.raises(VnerError) as e:
        dataset_to_docs(data, split="dev" if isinstance(data, datasets.DatasetDict) else None)
    assert e.value.title == title
    assert e.value.detail and e.value.fix is not None


def test_whitespace_only_entity_is_refused():
    doc = make_nlp()("Nghệ  An")
    doc.ents = [doc.char_span(5, 6, "PROVINCE")]  # the extra space token
    doc.user_data["id"] = "ws"
    with pytest.raises(VnerError, match="whitespace only") as e:
        docs_to_dataset([doc])
    assert "'ws'" in e.value.detail


@pytest.mark.parametrize("make", ["missing", "folder_without_data", "text_file"])
def test_inputs_that_are_not_corpora(tmp_path, make):
    path = tmp_path / "input"
    if make == "folder_without_data":
        path.mkdir()
        (path / "notes.md").write_text("hello")
    elif make == "text_file":
        path = tmp_path / "input.md"
        path.write_text("hello")
    with pytest.raises(VnerError) as e:
        export_dataset(path, tmp_path / "out")
    assert e.value.detail and e.value.fix
    assert not (tmp_path / "out").exists()


def test_empty_corpus_is_refused(tmp_path):
    (tmp_path / "corpus").mkdir()
    for split in ("train", "dev"):
        DocBin(docs=[], store_user_data=True).to_disk(tmp_path / "corpus" / f"{split}.spacy")
    with pytest.raises(VnerError, match="No documents"):
        export_dataset(tmp_path / "corpus", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_unknown_format_is_refused(tmp_path, corpus):
    with pytest.raises(VnerError, match="Unknown dataset format") as e:
        export_dataset(corpus, tmp_path / "out", format="csv")
    assert "arrow" in e.value.fix


def test_existing_output_needs_force(tmp_path, corpus, corpus_docs):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(VnerError, match="already exists"):
        export_dataset(corpus, out)
    assert (out / "keep.txt").read_text() == "mine"
    export_dataset(corpus, out, format="parquet", force=True)
    assert sorted(p.name for p in out.iterdir()) == ["dev.parquet", "train.parquet"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no temporary folders left


def test_failed_export_leaves_nothing(tmp_path, corpus, monkeypatch):
    def broken(splits, labels, out, format, progress):
        out.mkdir(parents=True)
        (out / "train.parquet").write_text("half")
        raise OSError("disk full")

    monkeypatch.setattr(hf, "_write_files", broken)
    with pytest.raises(OSError, match="disk full"):
        export_dataset(corpus, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------
# Command line


def test_cli_export_dataset(tmp_path, corpus, corpus_docs):
    out = tmp_path / "ds"
    result = CliRunner().invoke(app, ["export-dataset", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "load_from_disk" in result.output
    assert_same_docs(corpus_docs["dev"], dataset_to_docs(out, split="dev"))
    again = CliRunner().invoke(app, ["export-dataset", str(corpus), "-o", str(out), "--format", "jsonl"])
    assert again.exit_code == 1
    assert "Output already exists" in again.output and "--force" in again.output
    assert "Traceback" not in again.output
    forced = CliRunner().invoke(app, ["export-dataset", str(corpus), "-o", str(out), "--format", "jsonl", "-f"])
    assert forced.exit_code == 0, forced.output
    assert sorted(p.name for p in out.iterdir()) == ["dev.jsonl", "train.jsonl"]
