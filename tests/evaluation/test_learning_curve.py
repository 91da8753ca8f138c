"""Learning curve: nested document subsets, and a tiny real run."""

import json

import pytest
from typer.testing import CliRunner

from vner.cli import app
from vner.core.errors import VnerError
from vner.evaluation.curve import learning_curve, nested_subsets

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("groups", [list("abcde"), ["a", "a", "b", "c", "c", "c", "d", "e", "f", "g", "h"]])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_subsets_are_nested_whole_documents(groups, seed):
    subsets = nested_subsets(groups, (0.25, 0.5, 0.75, 1.0), seed=seed)
    n = len(set(groups))
    previous: set[int] = set()
    for fraction, idx in subsets:
        chosen = {groups[i] for i in idx}
        assert set(idx) == {i for i, g in enumerate(groups) if g in chosen}  # whole documents
        assert len(chosen) >= fraction * n and len(chosen) < fraction * n + 1
        assert previous <= set(idx)
        previous = set(idx)
    assert subsets[-1][1] == list(range(len(groups)))
    assert nested_subsets(groups, seed=seed) == subsets  # the seed fixes the choice


def test_seed_changes_the_choice():
    groups = [f"d{i}" for i in range(20)]
    assert len({tuple(nested_subsets(groups, (0.25,), seed=s)[0][1]) for s in range(5)}) > 1


@pytest.mark.parametrize("fractions", [(), (0.0, 1.0), (0.5, 1.5), (1.0, 0.5), (0.5, 0.5)])
def test_invalid_fractions(fractions):
    with pytest.raises(VnerError, match="Invalid fractions"):
        nested_subsets(list("abc"), fractions)


def test_overlapping_dev_is_refused(seed_docs, tmp_path):
    with pytest.raises(VnerError, match="also training documents") as e:
        learning_curve(seed_docs, seed_docs[:1], output=tmp_path)
    assert seed_docs[0].user_data["id"] in e.value.detail
    with pytest.raises(VnerError, match="Empty dev data"):
        learning_curve(seed_docs, [], output=tmp_path)


@pytest.mark.slow
def test_tiny_curve_writes_png_and_table(seed_docs, tinier, tmp_path):
    out = tmp_path / "curve"
    report = learning_curve(seed_docs[:4], seed_docs[4:], (0.5, 1.0), output=out, overrides=tinier, seed=0, progress=False)
    assert (out / "curve.png").read_bytes().startswith(PNG)
    saved = json.loads((out / "curve.json").read_text(encoding="utf-8"))
    assert saved["points"] == report["points"]
    assert [p["documents"] for p in report["points"]] == [2, 4]
    assert set(report["points"][0]["train"]) < set(report["points"][1]["train"])
    dev_support = sum(len(d.ents) for d in seed_docs[4:])
    for point in report["points"]:
        assert point["scores"]["micro"]["support"] == dev_support
    table = (out / "curve.md").read_text(encoding="utf-8")
    assert "micro F1" in table and "| 2 | 50% |" in table and "| 4 | 100% |" in table
    assert "(curve.png)" in table


@pytest.mark.slow
def test_curve_cli_splits_off_a_dev_set(gold_spacy, seed_docs, tinier, tmp_path):
    out = tmp_path / "c"
    args = ["curve", str(gold_spacy), "-o", str(out), "--fractions", "0.5,1", "--dev-fraction", "0.2", "--no-written"]
    for key, value in tinier.items():
        args += [f"--{key}", str(value).lower() if isinstance(value, bool) else str(value)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    report = json.loads((out / "curve.json").read_text(encoding="utf-8"))
    assert report["dev_documents"] == 1 and report["training_documents"] == len(seed_docs) - 1
    assert report["overrides"]["training.max_steps"] == tinier["training.max_steps"]
    assert "micro F1" in result.output and str(out / "curve.png") in result.output


def test_curve_cli_bad_fractions_is_a_message(gold_spacy, tmp_path):
    result = CliRunner().invoke(app, ["curve", str(gold_spacy), "-o", str(tmp_path), "--fractions", "half,1"])
    assert result.exit_code == 1 and "Invalid --fractions" in result.output


def test_curve_data_uses_the_datas_own_split_or_makes_one(seed_docs, gold_spacy, tmp_path):
    from spacy.tokens import DocBin

    from vner.evaluation.curve import curve_data

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    DocBin(docs=seed_docs[:3], store_user_data=True).to_disk(corpus / "train.spacy")
    DocBin(docs=seed_docs[3:], store_user_data=True).to_disk(corpus / "dev.spacy")
    ids = lambda docs: [d.user_data["id"] for d in docs]  # noqa: E731
    train_docs, dev_docs, source = curve_data(corpus)
    assert (ids(train_docs), ids(dev_docs)) == (ids(seed_docs[:3]), ids(seed_docs[3:]))
    assert "dev split" in source
    train_docs, dev_docs, _ = curve_data(gold_spacy, dev_fraction=0.4, seed=3)
    assert len(dev_docs) == 2 and sorted(ids(train_docs) + ids(dev_docs)) == sorted(ids(seed_docs))
    assert not set(ids(train_docs)) & set(ids(dev_docs))
    train_docs, dev_docs, _ = curve_data(gold_spacy, corpus)  # --dev: a corpus folder's dev split
    assert ids(dev_docs) == ids(seed_docs[3:]) and len(train_docs) == len(seed_docs)
