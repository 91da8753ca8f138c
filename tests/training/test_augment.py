"""Mention substitution (vner.mention_swap.v1): swapped copies keep the gold aligned."""

import random

import pytest
import spacy
from spacy.tokens import Span
from spacy.training import Example

from vner.core.errors import VnerError
from vner.model.nlp import make_nlp
from vner.training.augment import Gazetteers, create_mention_swap, swap_mentions
from vner.training.train import with_paragraphs

# A gazetteer folder of our own, so the test does not depend on the shipped lists' contents.
LISTS = {
    "person-lo": "# Lao names\nXỏn-xay Xi-phăn-đon | Xỏn Xay Xi Phăn Đon | Xỏnxay Xiphănđon\n",
    "person-km": "Xo Kheng | So Kheng\n",
    "person-zh": "Lý Minh Hạo\n",
    "province-vn": "Quảng Trị\nThừa Thiên Huế | TT-Huế\nNghệ An\n",
    "province-la": "Xê Kông | Sê-kông | Sekong\n",
    "province-kh": "Ta Keo | Ta-keo\n",
    "province-cn": "Vân Nam\n",
    "province-th": "Nong Khai\n",
    "province-mm": "Bago\n",
    "rank": "Thượng tá\nThiếu úy | Thiếu uý\n",
    "person-vi-surname": "Đỗ\n",
    "person-vi-middle": "Thị\n",
    "person-vi-given": "Hạnh\n",
}
TEXT = "Đại tá Lê Văn Thái dẫn đầu đoàn Công an tỉnh Nghệ An sang tỉnh Hủa Phăn, thu 27 vụ và 417,9 kg.\n\nẢnh: Minh Khôi"
SPANS = [("Đại tá", "RANK"), ("Lê Văn Thái", "PERSON"), ("Công an tỉnh Nghệ An", "ORG"), ("Hủa Phăn", "PROVINCE"),
         ("27 vụ", "QUANTITY"), ("417,9 kg", "QUANTITY"), ("Minh Khôi", "PERSON")]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("gazetteers")
    for name, text in LISTS.items():
        (path / f"{name}.txt").write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


@pytest.fixture
def example(nlp):
    doc = nlp.make_doc(TEXT)
    doc.ents = [doc.char_span(TEXT.index(t), TEXT.index(t) + len(t), label) for t, label in SPANS]
    doc = with_paragraphs(doc)
    return Example(nlp.make_doc(TEXT), doc)


ALL_SPELLINGS = {
    "PERSON": {"Xỏn-xay Xi-phăn-đon", "Xỏn Xay Xi Phăn Đon", "Xỏnxay Xiphănđon", "Xo Kheng", "So Kheng", "Lý Minh Hạo"},
    "PROVINCE": {"Quảng Trị", "Nghệ An", "Thừa Thiên Huế", "TT-Huế", "Xê Kông", "Sê-kông", "Sekong", "Ta Keo", "Ta-keo", "Vân Nam", "Nong Khai", "Bago"},
    "RANK": {"Thượng tá", "Thiếu úy", "Thiếu uý"},
}
VIETNAMESE = {"Đỗ Hạnh", "Đỗ Thị Hạnh", "Đỗ Hạnh Hạnh", "Đỗ Thị Hạnh Hạnh"}


@pytest.mark.parametrize("seed", range(8))
def test_every_mention_swapped_and_the_gold_follows(nlp, example, folder, seed):
    out = swap_mentions(nlp, example, Gazetteers(folder), 1.0, random.Random(seed))
    ref = out.reference
    assert out.predicted.text == ref.text != example.reference.text
    ents = [(e.text, e.label_) for e in ref.ents]
    assert [label for _, label in ents] == [label for _, label in SPANS]
    for (new, label), (old, _) in zip(ents, SPANS):
        if label in ("PERSON",):
            assert new in ALL_SPELLINGS["PERSON"] | VIETNAMESE
        elif label in ALL_SPELLINGS:
            assert new in ALL_SPELLINGS[label]
        elif label == "ORG":
            assert new.startswith("Công an tỉnh ") and new[len("Công an tỉnh "):] in ALL_SPELLINGS["PROVINCE"]
        else:  # QUANTITY: another number, same unit and number format
            number, unit = new.rsplit(" ", 1)
            assert unit == old.rsplit(" ", 1)[1] and ("," in number) == ("," in old)
    # the text between the mentions is untouched, spaces included
    outside = lambda doc: [t.text_with_ws for t in doc if not t.ent_type_]  # noqa: E731
    assert outside(ref) == outside(example.reference)
    # the paragraph sentences survive; the gold is consistent with a spaCy round trip
    assert [s.text.startswith("Ảnh") for s in ref.sents] == [False, True]
    assert [(e.start_char, e.end_char, e.label_) for e in out.reference.ents] == [
        (e.start_char, e.end_char, e.label_) for e in Example(nlp.make_doc(ref.text), ref).reference.ents]


def test_no_swap_keeps_the_example(nlp, example, folder):
    assert swap_mentions(nlp, example, Gazetteers(folder), 0.0, random.Random(0)) is example


def test_unknown_org_shapes_and_labels_are_kept(nlp, folder):
    text = "Bộ Công an và Cục C10 gặp PER Bob"
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, 0, 3, "ORG"), Span(doc, 4, 6, "ORG"), Span(doc, 7, 8, "PER")]
    ex = Example(nlp.make_doc(text), doc)
    assert swap_mentions(nlp, ex, Gazetteers(folder), 1.0, random.Random(0)) is ex


def test_registered_augmenter_yields_the_original_and_sometimes_a_copy(nlp, example, folder):
    augment = spacy.registry.augmenters.get("vner.mention_swap.v1")(level=1.0, swap=1.0, gazetteers=str(folder))
    random.seed(0)
    out = list(augment(nlp, example))
    assert out[0] is example and len(out) == 2 and out[1].reference.text != TEXT
    never = create_mention_swap(level=0.0, swap=1.0, gazetteers=str(folder))
    assert list(never(nlp, example)) == [example]
    with pytest.raises(ValueError, match="level"):
        create_mention_swap(level=1.5)


def test_shipped_gazetteers_cover_every_swapped_label():
    g = Gazetteers()
    assert any("-" in v for entry in g.persons for v in entry)  # hyphenated Lao forms
    assert {"Nghệ An", "Xiêng Khoảng"} <= {v for entry in g.provinces for v in entry}
    assert "Thiếu tướng" in {v for entry in g.ranks for v in entry}


def test_a_missing_gazetteer_folder_is_a_clear_error(tmp_path):
    with pytest.raises(VnerError, match="Gazetteer not found"):
        Gazetteers(tmp_path)


@pytest.mark.parametrize("level,copies", [(None, 1), (1.0, 2)])
def test_the_default_config_names_the_augmenter(nlp, example, level, copies):
    """configs/ner.cfg wires the augmenter in, off by default; one override turns it on."""
    from spacy.util import load_config, registry

    from vner.training.train import DEFAULT_CONFIG

    overrides = {} if level is None else {"corpora.train.augmenter.level": level}
    block = load_config(DEFAULT_CONFIG, overrides=overrides, interpolate=True)["corpora"]["train"]["augmenter"]
    assert block["@augmenters"] == "vner.mention_swap.v1"
    augment = registry.resolve({"a": block})["a"]
    random.seed(0)
    assert len(list(augment(nlp, example))) == copies


def test_the_seed_swap_probe_scores_the_rules_on_swapped_seeds(tmp_path, capsys):
    """``scripts/grid/seeds.py``: the seeds with every mention swapped, the rules scored in vner's format, every
    error written with its context. The rules keep most of their seed score on other names (0.994 in session 22)."""
    import json
    import runpy
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "grid" / "seeds.py"
    argv = sys.argv
    sys.argv = [str(script), str(tmp_path / "out"), "--copies", "2", "--seed", "3"]
    try:
        runpy.run_path(str(script), run_name="__main__")
    finally:
        sys.argv = argv
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("10 documents")
    f = float(first.rsplit("F ", 1)[1])
    assert 0.95 < f <= 1.0
    errors = [json.loads(line) for line in (tmp_path / "out" / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(e["category"] != "correct" and "[" in e["context"] for e in errors)
    # a file where the folder should be is a usage error, not a traceback
    (tmp_path / "file").write_text("x")
    for args, message in (([str(tmp_path / "file")], "is a file"),
                          ([str(tmp_path / "out2"), "--gazetteers", str(tmp_path / "none")], "no such folder")):
        sys.argv = [str(script), *args]
        try:
            with pytest.raises(SystemExit, match=message):
                runpy.run_path(str(script), run_name="__main__")
        finally:
            sys.argv = argv
