import unicodedata

import pytest

from vner.core.documents import read_documents
from vner.core.errors import VnerError
from vner.core.text import normalize, split_header

SAMPLES = ["Công an tỉnh Nghệ An", "Tỉnh uỷ và Tỉnh ủy, ma tuý/ma túy", "Thượng tá Nguyễn Văn Hoà 🚔", ""]


@pytest.mark.parametrize("nfc", SAMPLES)
@pytest.mark.parametrize("form", ["NFD", "NFKD"])
def test_offsets_survive_normalisation(nfc, form):
    raw = unicodedata.normalize(form, nfc)
    text, m = normalize(raw)
    assert text == unicodedata.normalize("NFC", raw)
    # Every word boundary in the raw text maps onto the same word in NFC.
    i = 0
    for word in raw.split(" "):
        j = i + len(word)
        assert text[m.start(i):m.end(j)] == unicodedata.normalize("NFC", word)
        i = j + 1


def test_mixed_nfc_nfd_input():
    raw = "Nghệ An và " + unicodedata.normalize("NFD", "Hà Tĩnh") + " và Quảng Bình"
    text, m = normalize(raw)
    s = raw.index("Quảng")
    assert text[m.start(s):m.end(s + len("Quảng Bình"))] == "Quảng Bình"


def test_identity_for_nfc():
    text, m = normalize("Nghệ An")
    assert m.is_identity and m.start(3) == 3 and m.end(7) == 7


def test_header():
    assert split_header(" date 2022-06 Công an") == ({"date": "2022-06"}, "Công an")
    assert split_header("date 2022-06 x") == ({}, "date 2022-06 x")


def test_read_seeds_folder(tmp_path):
    from vner.core.resources import SEEDS

    docs = read_documents([SEEDS])
    assert [d.id for d in docs] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert docs[0].meta["date"] == "2023-07" and docs[0].text.startswith("(Baonghean.vn)")
    assert "date" not in docs[4].meta and docs[4].text.startswith("ừa qua")


def test_read_nfd_txt_and_jsonl(tmp_path):
    (tmp_path / "a.txt").write_text(unicodedata.normalize("NFD", "Công an tỉnh Nghệ An"), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        '{"id": "x1", "text": "' + unicodedata.normalize("NFD", "Hà Tĩnh") + '", "meta": {"date": "2022-06"}}\n\n{"text": "Lào"}\n',
        encoding="utf-8",
    )
    docs = read_documents([tmp_path])
    assert [(d.id, d.text) for d in docs] == [("a", "Công an tỉnh Nghệ An"), ("x1", "Hà Tĩnh"), ("b-3", "Lào")]
    assert docs[1].meta == {"date": "2022-06", "source": "b.jsonl"}


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("empty.txt", b"", "Empty document"),
        ("blank.txt", b"  \n", "Empty document"),
        ("bin.txt", b"\x89PNG\x00\x00", "NUL bytes"),
        ("latin1.txt", "Hà Tĩnh".encode("cp1258", errors="replace") + b"\xff", "Invalid UTF-8"),
        ("bad.jsonl", b'{"id": 1, "text": "a"}\n{oops}\n', "bad.jsonl:2"),
        ("notext.jsonl", b'{"id": 1}\n', "no string field 'text'"),
    ],
)
def test_bad_input_names_the_file(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(VnerError) as e:
        read_documents([tmp_path / name])
    assert message in str(e.value) and name in str(e.value)


def test_duplicate_ids_and_missing_paths(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.jsonl").write_text('{"id": "a", "text": "y"}\n')
    with pytest.raises(VnerError, match="Duplicate document id"):
        read_documents([tmp_path])
    with pytest.raises(VnerError, match="Input not found"):
        read_documents([tmp_path / "nope"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(VnerError, match="No documents"):
        read_documents([tmp_path / "empty"])
