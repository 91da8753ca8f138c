"""vner/model/gazetteers.py and the shipped lists of configs/gazetteers/.

The lists are data that rules and the augmenter take literally, so the checks
are on the data itself: it loads, is NFC, has no repeated spelling, covers
every unit it claims to, and keeps countries out of the province lists.
"""

import re
import unicodedata

import pytest

from vner.core.errors import VnerError
from vner.model.gazetteers import gazetteer_dir, gazetteer_names, gazetteer_words, load_gazetteer

NAMES = gazetteer_names()
NOT_PLACES = ("province-ambiguous", "province-cue")
PROVINCE_FILES = [n for n in NAMES if n.startswith("province-") and n not in NOT_PLACES]
LISTS = [
    "byline-cue", "capital", "country", "multiplier", "province-ambiguous", "province-cn",
    "province-cue", "province-kh", "province-la", "province-mm", "province-th", "province-vn",
    "rank", "time-word", "title", "unit",
]


def test_the_promised_lists_are_shipped():
    assert set(LISTS) <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_list_loads_clean(name):
    text = (gazetteer_dir() / f"{name}.txt").read_text(encoding="utf-8")
    assert text.startswith("#"), "a header comment says what the list is and where it comes from"
    assert unicodedata.is_normalized("NFC", text)
    entries = load_gazetteer(name)
    assert entries and all(entry for entry in entries)
    words = gazetteer_words(name)
    assert len(words) == len(set(words)) == sum(map(len, entries))
    for word in words:
        assert word == word.strip() and "  " not in word and "|" not in word


@pytest.mark.parametrize(
    "name, units",
    [("province-vn", 63), ("province-la", 17), ("province-kh", 25), ("province-cn", 33),
     ("province-th", 77), ("province-mm", 15)],
)
def test_province_lists_have_one_line_per_unit(name, units):
    # Laos: 17 provinces and Vientiane Capital share the line "Viêng Chăn".
    assert len(load_gazetteer(name)) == units


def test_vietnam_lists_the_34_units_of_2025_before_the_merged_ones():
    text = (gazetteer_dir() / "province-vn.txt").read_text(encoding="utf-8")
    since_2025, merged = text.split("# === Provinces merged")
    count = sum(1 for line in since_2025.splitlines() if line.strip() and not line.startswith("#"))
    assert count == 34
    # every merged province names the unit it joined, and that unit is in the first part
    kept = {e[0] for e in load_gazetteer("province-vn")[:34]}
    joined = re.findall(r"^# -> (.+)$", merged, flags=re.M)
    assert len(joined) == 63 - 34 and set(joined) <= kept


def test_both_tone_placements_are_listed():
    words = set(gazetteer_words("province-vn"))
    assert {"Thanh Hóa", "Thanh Hoá", "Khánh Hòa", "Khánh Hoà", "Hòa Bình", "Hoà Bình"} <= words
    ranks = set(gazetteer_words("rank"))
    for rank in ("Đại", "Thượng", "Trung", "Thiếu", "Chuẩn"):
        assert {f"{rank} úy", f"{rank} uý"} <= ranks


def test_every_lao_province_has_spaced_hyphenated_and_joined_forms():
    for entry in load_gazetteer("province-la"):
        spaced = [v for v in entry if " " in v and "-" not in v]
        hyphenated = [v for v in entry if re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)+", v)]
        joined = [v for v in entry if " " not in v and "-" not in v]
        assert spaced and hyphenated and joined, entry[0]
        # the hyphenated form is the spaced one with hyphens, lower case after the first syllable
        assert any(h.split("-")[1:] == [s.lower() for s in v.split()[1:]] for h in hyphenated for v in spaced), entry[0]


def test_no_country_or_region_in_a_province_list():
    countries = set(gazetteer_words("country"))
    for name in PROVINCE_FILES + ["capital"]:
        assert not countries & set(gazetteer_words(name)), name


def test_ambiguous_names_are_province_spellings():
    provinces = {w for name in PROVINCE_FILES for w in gazetteer_words(name)}
    ambiguous = set(gazetteer_words("province-ambiguous"))
    assert ambiguous <= provinces
    assert {"Hồ Chí Minh", "Hà Nam"} <= ambiguous
    # the city forms of Hồ Chí Minh City are not ambiguous
    assert "TP.HCM" in provinces and "TP.HCM" not in ambiguous


def test_capitals_of_the_neighbours_repeat_their_province_lines():
    by_canonical = {e[0]: e for name in PROVINCE_FILES for e in load_gazetteer(name)}
    capitals = {e[0]: e for e in load_gazetteer("capital")}
    for capital in ("Hà Nội", "Viêng Chăn", "Phnôm Pênh", "Bắc Kinh", "Băng Cốc", "Naypyidaw"):
        assert capitals[capital] == by_canonical[capital]


def test_ranks_titles_and_quantity_words_do_not_overlap():
    ranks, titles = set(gazetteer_words("rank")), set(gazetteer_words("title"))
    units, multipliers = set(gazetteer_words("unit")), set(gazetteer_words("multiplier"))
    times = set(gazetteer_words("time-word"))
    assert not ranks & titles
    assert not units & times and not units & multipliers and not multipliers & times
    assert {"kg", "vụ", "đối tượng", "trụ sở", "lượt", "bánh"} <= units
    assert {"năm", "tháng", "lần thứ"} <= times
    assert {"nghìn", "triệu", "tỷ"} <= multipliers
    # a unit is one word: one syllable, or two ("đối tượng"); currencies named in three syllables or with their
    # country (session 14: "đô la Hồng Kông", "đồng Việt Nam") and one counted noun of three syllables ("84 nghiên
    # cứu sinh", session 9b; "3 hạ sĩ quan", session 15; "1.300 lưu học sinh", session 27; "72 giám định viên", "14 kỹ
    # thuật viên", session 28) are the exceptions
    assert sorted(u for u in units if len(u.split()) > 2) == [
        "giám định viên", "hạ sĩ quan", "hạ sỹ quan", "kỹ thuật viên", "lưu học sinh", "nghiên cứu sinh", "nhân dân tệ", "đô la Hong Kong", "đô la Hồng Kông", "đô la Mỹ", "đô la Singapore",
        "đô la Úc", "đô la Đài Loan", "đồng Việt Nam"]


@pytest.mark.parametrize(
    "line, problem",
    [
        ("Nghệ An | Nghe An \n", "surrounding spaces"),
        (" Nghệ An\n", "surrounding spaces"),
        ("Nghệ An |  Nghe An\n", "surrounding spaces"),
        ("Nghệ An | | Nghe An\n", "Empty variant"),
        ("Nghệ An |\n", "Empty variant"),
        ("Nghệ An|Nghe An\n", "surrounding spaces"),
        ("Nghệ An | Nghe An | Nghệ An\n", "Duplicate"),
        ("Nghệ An\n# comment\nNghe An | Nghệ An\n", "bad.txt:5: 'Nghệ An' is already on line 3"),
        ("Nghe\u0323\u0302 An\n", "NFC"),
    ],
)
def test_a_malformed_line_names_file_and_line(tmp_path, line, problem):
    path = tmp_path / "bad.txt"
    path.write_text("# header\n\n" + line, encoding="utf-8")
    with pytest.raises(VnerError) as caught:
        load_gazetteer("bad", path)
    message = f"{caught.value.title}: {caught.value.detail}"
    assert problem in message
    assert f"{path}:" in caught.value.detail and caught.value.fix


def test_a_good_file_gives_variants_per_entry(tmp_path):
    path = tmp_path / "mini.txt"
    path.write_text("\ufeff# header\n\nXay Nha Bu Ly | Xay-nha-bu-ly\r\n  \nSê Kông\n", encoding="utf-8")
    assert load_gazetteer("mini", path) == [["Xay Nha Bu Ly", "Xay-nha-bu-ly"], ["Sê Kông"]]
    assert gazetteer_words("mini", path) == ["Xay Nha Bu Ly", "Xay-nha-bu-ly", "Sê Kông"]


def test_an_unknown_gazetteer_lists_the_known_ones():
    with pytest.raises(VnerError) as caught:
        load_gazetteer("provinces-of-mars")
    assert "provinces-of-mars" in caught.value.detail and "province-vn" in caught.value.fix


@pytest.mark.parametrize(
    "name, at_least",
    [("person-vi-surname", 100), ("person-vi-middle", 60), ("person-vi-given", 400), ("person-lo", 150),
     ("person-lo-syllable", 100), ("person-km", 80), ("person-zh", 80), ("person-latin", 60)],
)
def test_person_lists_are_broad(name, at_least):
    assert len(load_gazetteer(name)) >= at_least


def test_lao_names_come_hyphenated_spaced_and_in_latin_script():
    syllables = {s.lower() for s in gazetteer_words("person-lo-syllable")}
    for entry in load_gazetteer("person-lo"):
        hyphenated, spaced, latin = entry[0], entry[1], entry[-1]
        assert "-" in hyphenated and "-" not in spaced, entry
        assert spaced.split() == [s.capitalize() for s in re.split(r"[- ]", hyphenated)]
        assert latin.isascii() and len(latin.split()) == len(hyphenated.split()), entry
        assert {s.lower() for s in spaced.split()} <= syllables, entry


def test_vietnamese_name_parts_keep_both_spellings_on_one_line():
    given = load_gazetteer("person-vi-given")
    assert ["Hòa", "Hoà"] in given and ["Thủy", "Thuỷ"] in given and ["Sỹ", "Sĩ"] in given
    assert all(len(v.split()) == 1 for v in gazetteer_words("person-vi-given") + gazetteer_words("person-vi-middle"))
    assert {"Nguyễn", "Trần", "Lê", "Tôn Nữ"} <= set(gazetteer_words("person-vi-surname"))


def test_callers_get_their_own_lists():
    # parsing is cached per content: a caller that edits its copy must not change the next one
    first = load_gazetteer("rank")
    first[0].append("Nguyên soái")
    first.clear()
    assert "Nguyên soái" not in gazetteer_words("rank") and load_gazetteer("rank")
