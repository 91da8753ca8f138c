"""The rule-based pre-annotator (vner.annotation.rules) and its patterns (configs/patterns/).

Required coverage (every rank, province and spelling) is listed here, not read
from the pattern files, so that deleting a pattern line fails a test.
"""

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from vner.annotation import rules
from vner.annotation.convert import gold_docs
from vner.annotation.rules import rules_pipeline
from vner.evaluation.rules_scores import rules_scores, scores_table
from vner.model import patterns as pattern_loading
from vner.model.patterns import PATTERNS_DIR, load_patterns, rules_version
from vner.model.ruler import tone_norm
from vner.core.errors import VnerError
from vner.core.scheme import labels as scheme_labels

OFFICER_RANKS = [
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng",
    "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
    "Đại úy", "Đại uý", "Thượng úy", "Thượng uý", "Trung úy", "Trung uý", "Thiếu úy", "Thiếu uý",
]
VN_CITIES = ["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"]
VN_PROVINCES = [
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre",
    "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk",
    "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh",
    "Hải Dương", "Hậu Giang", "Hòa Bình", "Hoà Bình", "Hưng Yên", "Khánh Hòa", "Khánh Hoà",
    "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định",
    "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam",
    "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình",
    "Thái Nguyên", "Thanh Hóa", "Thanh Hoá", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
]
LAO_PROVINCES = [
    "Bô Ly Khăm Xay", "Bôlykhămxay", "Bolikhamxay", "Bolikhamsai", "Xiêng Khoảng", "Xiengkhuang",
    "Hủa Phăn", "Houaphanh", "Sê Kông", "Sekong", "Khăm Muộn", "Khammouane", "Chăm Pa Sắc",
    "Champasak", "Sa La Van", "Salavan", "Át Tạ Pư", "Attapeu", "Phong Sa Lỳ", "Phongsaly",
    "U Đôm Xay", "Oudomxay", "Luông Pha Bang", "Luang Prabang", "Luông Nậm Thà", "Luang Namtha",
    "Bò Kẹo", "Bò Kẹ", "Bokeo", "Xay Nha Bu Ly", "Sayaboury", "Viêng Chăn", "Vientiane",
    "Xay Xổm Bun", "Sa Vẳn Na Khệt", "Savannakhet",
]


@pytest.fixture(scope="module")
def nlp():
    return rules_pipeline()


def ents(nlp, text, label=None):
    doc = nlp(text)
    assert doc.text == text
    return [(e.text, e.label_) for e in doc.ents if label is None or e.label_ == label]


# ---------------------------------------------------------------- tone marks


@pytest.mark.parametrize("text, expected", [
    ("Tỉnh uỷ", "Tỉnh ủy"), ("ma tuý", "ma túy"), ("hoà", "hòa"), ("khoẻ", "khỏe"),
    ("thuỷ", "thủy"), ("Thanh Hoá", "Thanh Hóa"), ("Đại uý", "Đại úy"), ("UỶ BAN", "ỦY BAN"),
    ("Tỉnh ủy", "Tỉnh ủy"), ("quý", "quý"), ("hoàng", "hoàng"), ("thuyết", "thuyết"), ("khoá.", "khóa."),
    ("tuy\u0301", "túy"),  # NFD input
])
def test_tone_norm(text, expected):
    assert tone_norm(text) == expected
    assert len(tone_norm(text)) == len(expected)


@pytest.mark.parametrize("old, new, label, span", [
    ("Tỉnh uỷ Nghệ An họp.", "Tỉnh ủy Nghệ An họp.", "ORG", "Tỉnh ủy Nghệ An"),
    ("Phòng Cảnh sát điều tra tội phạm về ma tuý Công an tỉnh Thanh Hoá họp.",
     "Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Thanh Hóa họp.",
     "ORG", "Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Thanh Hóa"),
    ("Cục Cảnh sát điều tra tội phạm về ma tuý họp.", "Cục Cảnh sát điều tra tội phạm về ma túy họp.",
     "ORG", "Cục Cảnh sát điều tra tội phạm về ma túy"),
    ("Đại uý Lê Văn An", "Đại úy Lê Văn An", "RANK", "Đại úy"),
    ("tỉnh Khánh Hoà", "tỉnh Khánh Hòa", "PROVINCE", "Khánh Hòa"),
    ("Uỷ ban nhân dân tỉnh Khánh Hoà", "Ủy ban nhân dân tỉnh Khánh Hòa", "ORG", "Ủy ban nhân dân tỉnh Khánh Hòa"),
])
def test_both_tone_conventions_match_and_text_is_kept(nlp, old, new, label, span):
    for text in (old, new):
        doc = nlp(text)
        assert doc.text == text
        found = [e for e in doc.ents if e.label_ == label]
        assert len(found) == 1, [(e.text, e.label_) for e in doc.ents]
        (ent,) = found
        # the span is the text as written, not the normalised form
        assert ent.text == text[ent.start_char:ent.end_char]
        assert tone_norm(ent.text) == tone_norm(span)
        if text == old and old != new:
            assert ent.text != span


# ---------------------------------------------------------------- ranks and provinces


@pytest.mark.parametrize("rank", OFFICER_RANKS + [r.lower() for r in OFFICER_RANKS])
def test_every_rank_is_recognised(nlp, rank):
    text = f"Hôm qua, {rank} Nguyễn Văn An phát biểu."
    assert ents(nlp, text) == [(rank, "RANK"), ("Nguyễn Văn An", "PERSON")]


@pytest.mark.parametrize("name", VN_CITIES + VN_PROVINCES + LAO_PROVINCES)
def test_every_province_is_recognised(nlp, name):
    heads = ["TP", "thành phố"] if name in VN_CITIES else ["tỉnh"]
    for head in heads:
        assert ents(nlp, f"Đoàn công tác đến {head} {name} hôm qua.") == [(name, "PROVINCE")]
        # inside a police name the whole is one ORG (rule 2)
        assert ents(nlp, f"Lãnh đạo Công an {head} {name} phát biểu.") == [(f"Công an {head} {name}", "ORG")]
    if name != "Hồ Chí Minh":  # only after "TP"/"thành phố"
        assert ents(nlp, f"Hợp tác giữa {name} và các địa phương bạn.") == [(name, "PROVINCE")]


# (session 15) a province of Laos, Cambodia or Thailand written hyphenated is also written with its syllables spaced
# and capitalised: the generator derives that spelling from each hyphenated one
@pytest.mark.parametrize("name", ["Kra Chê", "Pô Thi Xát", "Ốt Đô Miên Chây", "Tbông Khmum", "Mông Đun Kiri", "Prê Vi Hia",
                                  "Rát Ta Na Ki Ri", "Mục Đa Hản"])
def test_spaced_spellings_of_hyphenated_provinces(nlp, name):
    assert ents(nlp, f"Đoàn công tác đến tỉnh {name} làm việc.") == [(name, "PROVINCE")]
    assert ents(nlp, f"Công an tỉnh {name} bàn giao 2 đối tượng.") == [(f"Công an tỉnh {name}", "ORG"),
                                                                       ("2 đối tượng", "QUANTITY")]


def test_every_phrase_pattern_in_the_files_is_recognised(nlp):
    missed = []
    for p in load_patterns():
        if isinstance(p["pattern"], str) and not p["label"].startswith("_"):
            text = f"Theo tin từ {p['pattern']}, hôm nay."
            if (p["pattern"], p["label"]) not in ents(nlp, text):
                missed.append((p["pattern"], p["label"], ents(nlp, text)))
    assert not missed


# ---------------------------------------------------------------- quantities


@pytest.mark.parametrize("text, expected", [
    ("thu giữ 417,9 kg viên ma túy tổng hợp", ["417,9 kg"]),
    ("thu 695.858 viên hồng phiến", ["695.858 viên"]),
    ("bắt giữ 27 vụ, 43 đối tượng mua bán", ["27 vụ", "43 đối tượng"]),
    ("bắt giữ 1 vụ/1 đối tượng công dân Lào", ["1 vụ", "1 đối tượng"]),
    ("kiểm soát 737.884 lượt người xuất nhập cảnh", ["737.884 lượt"]),
    ("bàn giao 21 trụ sở công an bản và 16 nhà làm việc", ["21 trụ sở", "16 nhà"]),
    ("thu 44 bánh heroin, 10 kg ma túy đá", ["44 bánh", "10 kg"]),
    ("Công an 3 tỉnh Bắc Lào", ["3 tỉnh"]),
    ("tiếp nhận 4 trường hợp và 1 trường", ["4 trường hợp", "1 trường"]),
    ("hội nghị năm 2023", []),
    ("ký biên bản lần thứ 29 tại Đồng Hới", []),
    ("6 tháng đầu năm 2022, Hà Tĩnh đón 3 đoàn", ["3 đoàn"]),
    ("Từ ngày 3-5/7, tại tỉnh", []),
    ("Sáng ngày 24/6 người dân", []),
    ("trong năm 2022 người dân đã báo tin", []),
    ("dịch Covid-19 người dân lo lắng", []),
    ("Công an hai tỉnh và ba nước", []),
    ("theo Điều 5 nội dung quy định", []),
])
def test_quantities(nlp, text, expected):
    assert [t for t, _ in ents(nlp, text, "QUANTITY")] == expected


# ---------------------------------------------------------------- organisations


@pytest.mark.parametrize("text, expected", [
    ("Công an tỉnh Nghệ An tổ chức hội nghị.", [("Công an tỉnh Nghệ An", "ORG")]),
    ("giữa Công an tỉnh Nghệ An với Công an các tỉnh Bô Ly Khăm Xay, Xiêng Khoảng và Hủa Phăn (Lào).",
     [("Công an tỉnh Nghệ An", "ORG"), ("Bô Ly Khăm Xay", "PROVINCE"), ("Xiêng Khoảng", "PROVINCE"),
      ("Hủa Phăn", "PROVINCE")]),
    ("Công an các tỉnh Bô Ly Khăm Xay, Xiêng Khoảng và Hủa Phăn",
     [("Bô Ly Khăm Xay", "PROVINCE"), ("Xiêng Khoảng", "PROVINCE"), ("Hủa Phăn", "PROVINCE")]),
    ("lãnh đạo Công an Hà Tĩnh và Bôlykhămxay thống nhất", [("Hà Tĩnh", "PROVINCE"), ("Bôlykhămxay", "PROVINCE")]),
    ("Đoàn đại biểu Công an tỉnh Lai Châu tham dự.", [("Công an tỉnh Lai Châu", "ORG")]),
    ("Ảnh: Công an Quảng Bình", [("Công an Quảng Bình", "ORG")]),
    ("chỉ đạo của hai Bộ (Bộ Công an Việt Nam - Bộ Công an Lào)",
     [("Bộ Công an Việt Nam", "ORG"), ("Bộ Công an Lào", "ORG")]),
    ("chỉ đạo của Bộ Công an hai nước Việt Nam và Lào", []),
    ("hiệp định giữa Chính phủ Việt Nam - Lào.", []),
    ("Bộ Quốc phòng và Bộ Công an phối hợp.", [("Bộ Quốc phòng", "ORG"), ("Bộ Công an", "ORG")]),
    ("tại Trại giam Đồng Sơn (Cục C10, Bộ Công an).",
     [("Trại giam Đồng Sơn", "ORG"), ("Cục C10", "ORG"), ("Bộ Công an", "ORG")]),
    ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh Nghệ An và Đồn Biên phòng Nậm Cắn",
     [("Bộ Chỉ huy Bộ đội Biên phòng tỉnh Nghệ An", "ORG"), ("Đồn Biên phòng Nậm Cắn", "ORG")]),
    ("Phòng PC04 Công an tỉnh Hà Tĩnh thu giữ", [("Phòng PC04 Công an tỉnh Hà Tĩnh", "ORG")]),
    ("(Baonghean.vn) - Từ ngày 3-5/7", [("Baonghean.vn", "ORG")]),
    ("Ảnh: Báo Công an nhân dân", [("Báo Công an nhân dân", "ORG")]),
    ("tham mưu Thường trực Tỉnh ủy Quảng Bình", [("Thường trực Tỉnh ủy Quảng Bình", "ORG")]),
    ("phối hợp với Cục Cảnh sát điều tra tội phạm về ma túy (C04), tổ chức",
     [("Cục Cảnh sát điều tra tội phạm về ma túy", "ORG"), ("C04", "ORG")]),
    ("nhà làm việc Công an huyện Đắc Chưng", [("Công an huyện Đắc Chưng", "ORG")]),
    # generic bodies carry no name (rule 3)
    ("Uỷ viên Ban Thường vụ Tỉnh uỷ, Giám đốc Công an tỉnh, Trưởng đoàn", []),
    ("bám sát chủ trương của Tỉnh ủy, UBND tỉnh và công an tỉnh bạn", []),
])
def test_organisations(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("tại tỉnh Bô Ly Khăm Xay (Lào)", [("Bô Ly Khăm Xay", "PROVINCE")]),
    ("Sáng ngày 24/6, tại TP Hà Tĩnh, hội nghị", []),
    ("tại thành phố Đồng Hới và thị xã Quảng Trị, huyện Quảng Ninh", []),
    ("đến TP Hồ Chí Minh và TP. Hồ Chí Minh", [("Hồ Chí Minh", "PROVINCE"), ("Hồ Chí Minh", "PROVINCE")]),
    ("học tập tư tưởng Hồ Chí Minh", [("Hồ Chí Minh", "PERSON")]),
    ("biên giới Việt - Lào, CHDCND Lào, Bắc Lào", []),
    ("đường biên giới hòa bình, ổn định", []),
    ("thượng nguồn sông Sê Kông", []),
    ("ông Nguyễn Thái Bình phát biểu", [("Nguyễn Thái Bình", "PERSON")]),
    ("kỷ niệm Chiến thắng Điện Biên Phủ", []),
])
def test_province_context(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Thiếu tướng Phạm Thế Tùng - Uỷ viên Ban Thường vụ Tỉnh uỷ",
     [("Thiếu tướng", "RANK"), ("Phạm Thế Tùng", "PERSON")]),
    ("do Thiếu tướng Thíp Phạ Chăn Phô Xay, Giám đốc", [("Thiếu tướng", "RANK"), ("Thíp Phạ Chăn Phô Xay", "PERSON")]),
    ("Đại tá Phó Giám đốc", [("Đại tá", "RANK")]),
    ("Toàn cảnh hội nghị. Ảnh: Minh Khôi\n\nTrong thời gian qua", [("Minh Khôi", "PERSON")]),
    ("Ảnh: Toàn cảnh hội nghị", []),
])
def test_persons(nlp, text, expected):
    assert ents(nlp, text) == expected


# ---------------------------------------------------------------- the seed gold


@pytest.fixture(scope="module")
def seed_gold():
    return gold_docs()


@pytest.fixture(scope="module")
def seed_scores(nlp, seed_gold):
    return rules_scores(seed_gold, nlp)


def test_output_is_clean_on_the_seeds(nlp, seed_gold):
    for gold in seed_gold:
        doc = nlp(gold.text)
        assert doc.text == gold.text
        assert [t.text for t in doc] == [t.text for t in gold]
        assert {e.label_ for e in doc.ents} <= set(scheme_labels())
        assert not doc.spans, "helper span groups must not leak"
        for ent in doc.ents:
            assert ent.text == ent.text.strip() and ent.text[0].isalnum() and ent.text[-1].isalnum()


# Measured on the five seeds (215 gold spans) with the shipped patterns, which were written
# without reading the seeds (scripts/build_patterns.py): precision PERSON 0.95, PROVINCE 0.89,
# every other label 1.00; recall PERSON 0.83, ORG 0.92, every other label 1.00. The floors
# are the measurement minus a margin of 0.05: a guard against regressions, not a target.
PRECISION_FLOOR = {"PERSON": 0.90, "RANK": 0.95, "ORG": 0.95, "PROVINCE": 0.83, "QUANTITY": 0.95}
RECALL_FLOOR = {"PERSON": 0.78, "RANK": 0.95, "ORG": 0.87, "PROVINCE": 0.95, "QUANTITY": 0.95}


@pytest.mark.parametrize("label", scheme_labels())
def test_seed_precision_and_recall_floor(seed_scores, label):
    s, c = seed_scores["per_entity"][label], seed_scores["counts"][label]
    assert c["tp"] + c["fp"] > 0, f"no {label} suggestion at all"
    assert s["p"] >= PRECISION_FLOOR[label], s
    assert s["r"] >= RECALL_FLOOR[label], s


# The rules as committed at 693c17b (before the composable rewrite), their output on the five
# seeds frozen as character offsets (no text): tests/annotation/rules_693c17b_seeds.json.
OLD_OUTPUTS = Path(__file__).with_name("rules_693c17b_seeds.json")


def test_new_rules_keep_every_correct_span_of_the_old_rules(nlp, seed_gold):
    """Regression check on the seeds: what the old rules got right, the new rules still find."""
    old = json.loads(OLD_OUTPUTS.read_text(encoding="utf-8"))["docs"]
    assert len(old) == len(seed_gold)
    lost, kept = [], 0
    for frozen, gold in zip(old, seed_gold):
        assert frozen["text_sha1"] == hashlib.sha1(gold.text.encode()).hexdigest()[:12], "the seeds changed"
        gold_spans = {(e.start_char, e.end_char, e.label_) for e in gold.ents}
        new_spans = {(e.start_char, e.end_char, e.label_) for e in nlp(gold.text).ents}
        for span in map(tuple, frozen["spans"]):
            if span in gold_spans:
                kept += span in new_spans
                if span not in new_spans:  # the lost span, and what the new rules found over it instead
                    instead = [(gold.text[s:e], label) for s, e, label in new_spans if s < span[1] and span[0] < e]
                    lost.append((gold.text[span[0]:span[1]], span[2], instead))
    assert not lost
    assert kept > 150


def test_seed_scores_add_up(seed_scores, seed_gold):
    counts = seed_scores["counts"]
    for label in scheme_labels():
        gold = sum(1 for d in seed_gold for e in d.ents if e.label_ == label)
        assert counts[label]["tp"] + counts[label]["fn"] == gold == seed_scores["per_entity"][label]["support"]
    assert counts["micro"]["tp"] + counts["micro"]["fn"] == sum(len(d.ents) for d in seed_gold)
    assert seed_scores["version"] == rules_version()
    table = scores_table(seed_scores)
    assert all(f"| {label} |" in table for label in scheme_labels())


# ---------------------------------------------------------------- version and files


def test_pipeline_meta(nlp):
    assert nlp.meta["name"] == "vner_rules"
    assert nlp.meta["version"] == rules_version() == rules.RULES_MODEL_VERSION
    assert nlp.meta["version"].startswith("rules-") and len(nlp.meta["version"]) == len("rules-") + 8
    assert {p["label"] for p in load_patterns() if not p["label"].startswith("_")} == set(scheme_labels())


def test_version_changes_with_the_patterns(tmp_path):
    patterns = tmp_path / "patterns"
    shutil.copytree(PATTERNS_DIR, patterns)
    before = rules_version(patterns)
    assert before == rules_version()
    with open(patterns / "provinces-laos.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps({"label": "PROVINCE", "pattern": "Pha Lạt Khăm", "id": "LA:test"}, ensure_ascii=False) + "\n")
    after = rules_version(patterns)
    assert after != before
    nlp = rules_pipeline(patterns)
    assert nlp.meta["version"] == after
    assert ents(nlp, "tại Pha Lạt Khăm hôm qua") == [("Pha Lạt Khăm", "PROVINCE")]
    (patterns / "extra.jsonl").write_text('{"label": "ORG", "pattern": "Hội Chữ thập đỏ"}\n', encoding="utf-8")
    assert rules_version(patterns) not in (before, after)


@pytest.mark.parametrize("content, message", [
    ('{"label": "ORG", "pattern": "Bộ Y tế"}\nnot json\n', "bad.jsonl:2"),
    ('{"label": "TEAM", "pattern": "Bộ Y tế"}\n', "'TEAM'"),
    ('{"label": "ORG", "pattern": [{"LOWERCASE": "bộ"}]}\n', "bad.jsonl:1"),
    ('{"label": "ORG", "pattern": ""}\n', "bad.jsonl:1"),
    ('{"label": "ORG"}\n', "bad.jsonl:1"),
    ('["ORG", "Bộ Y tế"]\n', "bad.jsonl:1"),
    ('{"label": "ORG", "pattern": "Bộ Y tế", "id": 3}\n', "bad.jsonl:1"),
])
def test_bad_pattern_files_are_reported(tmp_path, content, message):
    (tmp_path / "bad.jsonl").write_text(content, encoding="utf-8")
    with pytest.raises(VnerError) as e:
        rules_pipeline(tmp_path)
    assert message in e.value.detail
    assert e.value.fix


def test_missing_or_empty_pattern_folder(tmp_path):
    with pytest.raises(VnerError, match="not found"):
        rules_pipeline(tmp_path / "nope")
    with pytest.raises(VnerError, match="No pattern files"):
        rules_version(tmp_path)


def test_first_pass_only_patterns(tmp_path):
    (tmp_path / "one.jsonl").write_text('{"label": "ORG", "pattern": "Bộ Y tế"}\n', encoding="utf-8")
    nlp = rules_pipeline(tmp_path)
    assert "vner_rules_shapes" not in nlp.pipe_names
    assert ents(nlp, "Bộ Y tế họp") == [("Bộ Y tế", "ORG")]


def test_training_config_runs_the_same_rules_stage():
    """configs/ner.cfg holds the pre-annotator's rules stage, before the NER (and its scheme constraints after it)."""
    from spacy.util import load_config

    from vner.model.patterns import FIRST_PASS, RULES_PATTERNS, SECOND_PASS
    from vner.training.train import DEFAULT_CONFIG

    cfg = load_config(DEFAULT_CONFIG)
    assert cfg["nlp"]["pipeline"][-2:] == ["ner", "vner_scheme_constraints"]
    assert cfg["nlp"]["pipeline"].index("vner_rules_resolve") < cfg["nlp"]["pipeline"].index("ner")
    comps = cfg["components"]
    for name, expected in [("vner_rules_names", FIRST_PASS), ("vner_rules_shapes", SECOND_PASS)]:
        assert comps[name]["factory"] == "vner_span_ruler"
        assert {k: comps[name][k] for k in expected} == expected
        init = cfg["initialize"]["components"][name]["patterns"]
        assert init["@misc"] == RULES_PATTERNS and init["second_pass"] == (name == "vner_rules_shapes")
    order = cfg["nlp"]["pipeline"]
    assert order.index("tok2vec") < order.index("vner_tone_norm") < order.index("vner_rules_names") \
        < order.index("vner_rules_shapes") < order.index("vner_rules_resolve") < order.index("ner")



@pytest.mark.parametrize("classes, problem", [
    ('{"Bad": {"attr": "NORM", "values": ["x"]}}', "'Bad'"),
    ('{"w": {"attr": "POS", "values": ["x"]}}', "'w'"),
    ('{"w": {"attr": "NORM", "values": [" x"]}}', "'w'"),
    ('[1]', "classes.json"),
])
def test_invalid_word_classes_are_named(tmp_path, classes, problem):
    patterns = tmp_path / "patterns"
    shutil.copytree(PATTERNS_DIR, patterns)
    (patterns / "classes.json").write_text(classes, encoding="utf-8")
    with pytest.raises(VnerError, match="Invalid word class") as e:
        pattern_loading.load_classes(patterns)
    assert problem in str(e.value)


def test_a_pattern_naming_an_undefined_class_is_refused(tmp_path):
    patterns = tmp_path / "patterns"
    shutil.copytree(PATTERNS_DIR, patterns)
    with open(patterns / "ranks.jsonl", "a", encoding="utf-8") as f:
        f.write('{"label": "ORG", "pattern": [{"_": {"vner_nothing": true}}]}\n')
    with pytest.raises(VnerError, match="Unknown word class") as e:
        load_patterns(patterns)
    assert "ranks.jsonl:" in str(e.value) and "vner_nothing" in str(e.value)


def test_generated_pattern_files_are_up_to_date():
    """The committed generated files are what scripts/build_patterns.py writes from words/*.txt today."""
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "scripts" / "build_patterns.py"
    spec = importlib.util.spec_from_file_location("build_patterns", script)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    stale = [name for name, text in build.rendered().items() if (PATTERNS_DIR / name).read_text(encoding="utf-8") != text]
    assert not stale, f"run: .venv/bin/python scripts/build_patterns.py (stale: {stale})"


def _build_module():
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "scripts" / "build_patterns.py"
    spec = importlib.util.spec_from_file_location("build_patterns", script)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return build


def test_token_patterns_that_differ_in_one_word_test_are_one_pattern():
    """Session 10a: the generator merges token patterns of one label that differ only in one token's words ("huyện" and
    "Huyện" before a province), so the same matches cost one pattern; none of the committed files is left unmerged."""
    build = _build_module()
    lower = {"label": "_NONE", "pattern": [{"NORM": "huyện"}, {"ENT_TYPE": "PROVINCE", "OP": "+"}]}
    title = {"label": "_NONE", "pattern": [{"NORM": {"IN": ["Huyện", "Quận"]}}, {"ENT_TYPE": "PROVINCE", "OP": "+"}]}
    other_op = {"label": "_NONE", "pattern": [{"NORM": "xã", "OP": "?"}, {"ENT_TYPE": "PROVINCE", "OP": "+"}]}
    other_label = {"label": "ORG", "pattern": [{"NORM": "xã"}, {"ENT_TYPE": "PROVINCE", "OP": "+"}]}
    merged = build.merge_token_patterns([lower, title, other_op, other_label])
    assert merged[0]["pattern"][0] == {"NORM": {"IN": ["huyện", "Huyện", "Quận"]}} and merged[1:] == [other_op, other_label]
    # two tokens differing at once are no union of two patterns: left as they are
    a = {"label": "X", "pattern": [{"LOWER": "a"}, {"LOWER": "b"}]}
    b = {"label": "X", "pattern": [{"LOWER": "c"}, {"LOWER": "d"}]}
    assert build.merge_token_patterns([a, b]) == [a, b]
    for path in sorted(PATTERNS_DIR.glob("*.jsonl")):
        entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert len(build.merge_token_patterns(entries)) == len(entries), path.name


def test_the_rules_are_hundreds_of_patterns_not_thousands():
    """Word lists are phrase patterns (one hash lookup a token); shapes are a few hundred token patterns.

    (Phrase patterns cost at load, not per token: the provinces and bodies in
    capitals and more spellings took them from about 2,300 to 2,850 in session
    6, and the pipeline's build from about 0.3 to 0.45 CPU-s. Session 7 took
    the token patterns from 498 to about 535 and all from about 2,950 to
    3,000, the shapes and words of sets C and D of the articles dev sets.
    Session 8 took the token patterns to about 565: companies, units of
    headlines in title case, addresses that are no ORG; and all to about
    3,200: bodies in title-case headlines, the high courts by their seat;
    bench_rules stayed at a rules/NER ratio of about 0.3, the rules stage
    adding about 0.35 s to a model's load. Session 13 made the stage faster
    (bench/findings.md 6 and 7: load overhead 1.05-1.23 -> 0.63-0.83 s) and
    its two rule writers took the patterns to 3,307 and the token patterns
    to 578: the cap on all patterns went from 3,300 to 3,400. Session 14's
    three rule writers took them to 3,380 and 602, the token cap went to 620;
    the same session's speed work kept rules/NER under the target, bench
    figures in bench/findings.md 8. Session 15 derived the spaced spelling
    of every hyphenated province of Laos, Cambodia and Thailand ("Kra-chê":
    "Kra Chê"), 60 phrase patterns: the cap on all went to 3,500. Session 16
    left 3,486 and 616; session 17 gave its three rule writers 15 phrase and 3
    token patterns each: the caps went to 3,550 and 630. Session 18's six
    rule writers, mostly resolver code, took them to 3,523 and 624. Session 21
    added 199 phrase patterns, the titles in the other cases of their words
    ("Tổng Cục trưởng", "Phó Giám Đốc", "đội trưởng"), and 5 token patterns,
    the hyphenated provinces in capitals, the procuracy named by no place and
    a family name that is a common word after a cue: 3,735 and 630; the caps
    went to 3,750 and 640. Session 22 added outlets, channels and training
    centres as phrases and 8 token patterns for rare family names, papers and
    numbered units, the bodies of China's border towns, "CA" + a place and a
    national association's provincial branch, a post at a port's gate, a
    country of one syllable after a ministry: 3,892 and 651; the caps went
    to 3,900 and 660. Session 23 added national and international bodies,
    titles, credits, cues and spellings as phrases, and token patterns for
    military courts, embassies and offices of one-syllable countries,
    China's border bodies after a national department or with their level,
    numbered task forces and detention houses, merged provincial media,
    provincial centres, funds and associations, the associations of
    Vietnamese abroad, navies' regions: 4,107 and 699; the caps went to
    4,150 and 720. Session 24 added China's police ranks (13 ranks in their
    cases), units, national bodies and posts as phrases, and token patterns
    for border liaison offices named by two places, a province's police in a
    credit, a Cambodian "Tổng Ty": 4,173 and 706; then, from five more
    sets, ASEAN partners' bodies, China's ranks with their grade after them,
    counters as phrases and token patterns for a military region's bodies,
    military hospitals, the K teams, numbered battalions, royal police
    forces: 4,311 and 725; the caps went to 4,350 and 740. Session 25 added
    counters, spellings and national bodies as phrases and token patterns
    for attachés' sections, a Cambodian town's police and a neighbour
    province's police academy: 4,340 and 735, under the same caps. Session 27
    added units, credits, spellings, bodies as phrases and token patterns for
    speeds and doses glued to their number ("50km/h"), an abbreviation before
    a dash in a unit's name, companies named by two trades, a province's
    traffic police by "CSGT", the area a unit covers, "điều" as an article
    of a law, the counters of three tokens ("600 ki-ốt"): 4,383 and 755; its
    second round national bodies, papers, units, place bodies as phrases and
    token patterns for the police at an airport's gate, a consulate general
    in lower case, the counters of three syllables ("1.300 lưu học sinh"):
    4,426 and 765; the caps went to 4,450 and 770. Session 28 added units, Lao syllables, bodies, a column's names
    and outlets' cues as phrases and token patterns for a neighbour's border police post by its number, its commune
    or district, or in title case, a height ("1m63"), and a city that names its province after "thành phố", then
    an embassy at where it is and customs or border police at a gate: 4,465 and 781; the caps went to 4,500 and 790:
    bench/findings.md 20. Session 29 added outlets, national and place bodies, titles, spellings and units as phrases
    and token patterns for a border liaison office by a gate pair and the coordination of a province whose name is
    also something else: 4,533 and 789; the phrase cap went to 4,600: bench/findings.md 21. Session 30 added bodies,
    outlets, countries, spellings and counters as phrases and token patterns for a national body before a Chinese
    city that is also a name and a word after "đàn ông": 4,617 and 793; the caps went to 4,700 and 810:
    bench/findings.md 22. Session 31 added bodies, outlets, papers, units, spellings and titles as phrases and token
    patterns for a school's branch, a park's board, a sum after "mỗi" + an address word, a Cambodian naval post and a
    provincial road's number, and a helper for a national road's name: 4,749 and 805; the phrase cap went to 4,800:
    bench/findings.md 23. Session 32 added units, bodies, papers and a reader's cue as phrases and a token pattern
    for the police of a ward named as its province: 4,764 and 808, under the same caps.)
    """
    patterns = load_patterns()
    token_patterns = [p for p in patterns if isinstance(p["pattern"], list)]
    assert len(token_patterns) < 810 and len(patterns) < 4800


# ---------------------------------------------------------------- coverage of the scheme (issue #15)
# Sentences written for these tests; each row names the error kind it covers.


@pytest.mark.parametrize("text, expected", [
    # Lao names and provinces with hyphens between syllables
    ("Đoàn do Thiếu tướng Vi-lay Lạ-khăm-phông, Bộ trưởng Bộ An ninh Lào dẫn đầu.",
     [("Thiếu tướng", "RANK"), ("Vi-lay Lạ-khăm-phông", "PERSON"), ("Bộ An ninh Lào", "ORG")]),
    ("Lãnh đạo tỉnh Xay-nha-bu-ly và tỉnh Bô-ly-khăm-xay đã tới thăm.",
     [("Xay-nha-bu-ly", "PROVINCE"), ("Bô-ly-khăm-xay", "PROVINCE")]),
    ("Đồng chí Xổm-phăn Phẹng-khăm-mi phát biểu.", [("Xổm-phăn Phẹng-khăm-mi", "PERSON")]),
    # names in Latin script
    ("Ông John Smith, đại diện UNODC, cho biết.", [("John Smith", "PERSON"), ("UNODC", "ORG")]),
    # a given name alone after the full name; the full name again without a cue
    ("Thượng tá Khăm-phăn Phôm-ma-thắt phát biểu. Sau đó, ông Phăn cho biết sẽ phối hợp.",
     [("Thượng tá", "RANK"), ("Khăm-phăn Phôm-ma-thắt", "PERSON"), ("Phăn", "PERSON")]),
    ("Đại tá Lò Văn Thắng dự họp. Theo Lò Văn Thắng, kết quả rất tốt.",
     [("Đại tá", "RANK"), ("Lò Văn Thắng", "PERSON"), ("Lò Văn Thắng", "PERSON")]),
    # bylines and photo credits with initials
    ("Toàn cảnh buổi làm việc. Ảnh: N.V.Hùng", [("N.V.Hùng", "PERSON")]),
    ("Lực lượng chức năng kiểm tra. Tin, ảnh: T.Hương", [("T.Hương", "PERSON")]),
    ("Hai bên trao đổi kinh nghiệm.\n\nHoàng Minh Tú", [("Hoàng Minh Tú", "PERSON")]),
    # names of three or four syllables
    ("Đại tá Nguyễn Thị Minh Khai phát biểu.", [("Đại tá", "RANK"), ("Nguyễn Thị Minh Khai", "PERSON")]),
    ("Trung tá Kông Chăn Xay Păn Nha cho biết.", [("Trung tá", "RANK"), ("Kông Chăn Xay Păn Nha", "PERSON")]),
    ("Thượng úy Lê Anh và ông Trần Văn Em dự họp.",
     [("Thượng úy", "RANK"), ("Lê Anh", "PERSON"), ("Trần Văn Em", "PERSON")]),
    # a name after a title and an organisation, without a rank; the body inside a title
    ("Phó Chủ tịch UBND tỉnh Hà Tĩnh Bùi Đình Long tiếp đoàn.",
     [("UBND tỉnh Hà Tĩnh", "ORG"), ("Bùi Đình Long", "PERSON")]),
    ("Giám đốc Công an tỉnh Hà Tĩnh Nguyễn Hồng Phong phát biểu.",
     [("Công an tỉnh Hà Tĩnh", "ORG"), ("Nguyễn Hồng Phong", "PERSON")]),
    ("Phó Giám đốc Công an tỉnh Quảng Trị tiếp đoàn.", [("Công an tỉnh Quảng Trị", "ORG")]),
])
def test_coverage_persons(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a multiplier word belongs to the number
    ("thu giữ 15 nghìn viên ma túy", ["15 nghìn viên"]),
    ("số tiền 2,5 triệu đồng", ["2,5 triệu đồng"]),
    # units glued to the digits, and "%"
    ("thu giữ 25kg ma túy đá trên tuyến đường dài 200km", ["25kg", "200km"]),
    ("giảm 25% so với cùng kỳ", ["25%"]),
    ("giảm 12,5 % số vụ", ["12,5 %"]),
    # counts of bodies: the QUANTITY only (rule 3)
    ("Bộ Công an 2 nước ký biên bản", ["2 nước"]),
])
def test_coverage_quantities(nlp, text, expected):
    assert ents(nlp, text) == [(q, "QUANTITY") for q in expected]


@pytest.mark.parametrize("text, expected", [
    # sub-units: the outermost span wins
    ("Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Nghệ An bắt giữ đối tượng.",
     [("Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Nghệ An", "ORG")]),
    ("Đội Cảnh sát giao thông Công an huyện Hương Sơn kiểm tra.",
     [("Đội Cảnh sát giao thông Công an huyện Hương Sơn", "ORG")]),
    ("Cục Cảnh sát hình sự Bộ Công an phối hợp.", [("Cục Cảnh sát hình sự Bộ Công an", "ORG")]),
    ("Phòng PA09 Công an tỉnh Lào Cai tham mưu.", [("Phòng PA09 Công an tỉnh Lào Cai", "ORG")]),
    # a hyphenated province inside a police name
    ("Công an tỉnh Bà Rịa - Vũng Tàu bắt giữ.", [("Công an tỉnh Bà Rịa - Vũng Tàu", "ORG")]),
    # provinces of Cambodia and China, capitals
    ("Công an tỉnh Xiêm Riệp và Công an tỉnh Vân Nam cùng dự.",
     [("Công an tỉnh Xiêm Riệp", "ORG"), ("Công an tỉnh Vân Nam", "ORG")]),
    ("Đoàn đến tỉnh Svay Riêng, tỉnh Quảng Tây và thủ đô Phnôm Pênh.",
     [("Svay Riêng", "PROVINCE"), ("Quảng Tây", "PROVINCE"), ("Phnôm Pênh", "PROVINCE")]),
    ("Tại thủ đô Viêng Chăn và Bắc Kinh.", [("Viêng Chăn", "PROVINCE"), ("Bắc Kinh", "PROVINCE")]),
    # a centrally governed city after "thành phố"
    ("Đoàn đến thành phố Hà Nội hôm qua.", [("Hà Nội", "PROVINCE")]),
    ("Hội nghị tổ chức tại thành phố Đà Nẵng.", [("Đà Nẵng", "PROVINCE")]),
])
def test_coverage_organisations_and_provinces(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Ngày 5/3/2024, hai bên ký biên bản lần thứ 29.",  # dates, ordinals
    "Trong 6 tháng đầu năm 2023, tình hình ổn định.",  # durations, years
    "Đoàn công tác làm việc tại huyện Kỳ Sơn và huyện Quế Phong.",  # districts
    "Quan hệ giữa Việt Nam, Lào và Campuchia ngày càng bền chặt.",  # countries
    "Hội nghị diễn ra tại TP Hà Tĩnh.",  # a city that is not province level
    "Giám đốc phát biểu. Phó Giám đốc cũng phát biểu.",  # titles without names
    "Công an hai tỉnh và ba nước cùng tham gia.",  # spelled-out numbers
    "Tăng cường phối hợp giữa hai bên. Cảnh giác trước thủ đoạn mới.",  # capitalised words at sentence start
    "Chuyên đề Phòng chống ma túy được triển khai.",
    "Tổng kết công tác năm 2022 người dân đều phấn khởi.",
    "Bảo vệ an ninh trật tự khu vực biên giới.",
])
def test_coverage_negatives(nlp, text):
    assert ents(nlp, text) == []


# ---------------------------------------------------------------- organisations: scheme rules 3 and 4 (issue #15)
# Sentences and names written for these tests (no article text); one table per error kind.


@pytest.mark.parametrize("text, expected", [
    # a sub-unit or department and its named parent are one ORG (rule 2: outermost span)
    ("Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Sơn La bắt giữ 2 đối tượng.",
     [("Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Sơn La", "ORG"), ("2 đối tượng", "QUANTITY")]),
    ("Đội Cảnh sát điều tra tội phạm về ma túy Công an huyện Mường Lát phát hiện vụ việc.",
     [("Đội Cảnh sát điều tra tội phạm về ma túy Công an huyện Mường Lát", "ORG")]),
    ("Cục Cảnh sát quản lý hành chính về trật tự xã hội Bộ Công an hướng dẫn.",
     [("Cục Cảnh sát quản lý hành chính về trật tự xã hội Bộ Công an", "ORG")]),
    ("Văn phòng Cơ quan Cảnh sát điều tra Bộ Công an thông báo.",
     [("Văn phòng Cơ quan Cảnh sát điều tra Bộ Công an", "ORG")]),
    ("Văn phòng Cơ quan Cảnh sát điều tra Công an tỉnh Gia Lai thông báo.",
     [("Văn phòng Cơ quan Cảnh sát điều tra Công an tỉnh Gia Lai", "ORG")]),
    ("Cơ quan Cảnh sát điều tra Công an huyện Tương Dương khởi tố vụ án.",
     [("Cơ quan Cảnh sát điều tra Công an huyện Tương Dương", "ORG")]),
    ("Phòng Cảnh sát hình sự Công an thành phố Hải Phòng điều tra.",
     [("Phòng Cảnh sát hình sự Công an thành phố Hải Phòng", "ORG")]),
    ("Đội Cảnh sát giao thông - trật tự Công an quận Hoàn Kiếm xử lý.",
     [("Đội Cảnh sát giao thông - trật tự Công an quận Hoàn Kiếm", "ORG")]),
    ("Phòng Tham mưu Công an tỉnh Cao Bằng tổng hợp.", [("Phòng Tham mưu Công an tỉnh Cao Bằng", "ORG")]),
    ("Phòng Tổ chức cán bộ Công an tỉnh Bắc Kạn tổng hợp.", [("Phòng Tổ chức cán bộ Công an tỉnh Bắc Kạn", "ORG")]),
    ("Phòng An ninh đối ngoại Công an tỉnh Lào Cai nắm tình hình.",
     [("Phòng An ninh đối ngoại Công an tỉnh Lào Cai", "ORG")]),
    ("Trại tạm giam Công an tỉnh Lạng Sơn tiếp nhận.", [("Trại tạm giam Công an tỉnh Lạng Sơn", "ORG")]),
    ("Phòng Hồ sơ nghiệp vụ Công an tỉnh Long An lưu trữ.", [("Phòng Hồ sơ nghiệp vụ Công an tỉnh Long An", "ORG")]),
    # a descriptive name never starts on the last syllable of a province ("An" of "Long An")
    ("Công an tỉnh Long An phòng chống tội phạm, Công an tỉnh Quảng Trị điều tra vụ án.",
     [("Công an tỉnh Long An", "ORG"), ("Công an tỉnh Quảng Trị", "ORG")]),
    ("Công an xã Tam Hợp và Công an phường Bến Thủy tham gia.",
     [("Công an xã Tam Hợp", "ORG"), ("Công an phường Bến Thủy", "ORG")]),
    # abbreviations and unit words inside the descriptive name
    ("Phòng CSĐT tội phạm về ma túy Công an tỉnh Sơn La và Đội CSGT Công an huyện Mộc Châu phối hợp.",
     [("Phòng CSĐT tội phạm về ma túy Công an tỉnh Sơn La", "ORG"), ("Đội CSGT Công an huyện Mộc Châu", "ORG")]),
    ("Phòng Phòng chống ma túy và tội phạm Bộ Chỉ huy Bộ đội Biên phòng tỉnh Điện Biên bắt giữ.",
     [("Phòng Phòng chống ma túy và tội phạm Bộ Chỉ huy Bộ đội Biên phòng tỉnh Điện Biên", "ORG")]),
    ("Phòng Tổng hợp Công an tỉnh Hà Giang tổ chức.", [("Phòng Tổng hợp Công an tỉnh Hà Giang", "ORG")]),
    ("Trung tâm Chỉ huy Công an tỉnh Sơn La tiếp nhận tin báo.", [("Trung tâm Chỉ huy Công an tỉnh Sơn La", "ORG")]),
    ("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Sơn La phát biểu.", [("Bộ Chỉ huy Quân sự tỉnh Sơn La", "ORG")]),
    # codes, with their parent or in brackets after the body (their own ORG)
    ("Phòng PC04 Công an tỉnh Điện Biên chủ trì.", [("Phòng PC04 Công an tỉnh Điện Biên", "ORG")]),
    ("Cục C04 Bộ Công an chỉ đạo.", [("Cục C04 Bộ Công an", "ORG")]),
    ("Công an tỉnh Điện Biên (PC04) chủ trì.", [("Công an tỉnh Điện Biên", "ORG"), ("PC04", "ORG")]),
    ("Cục Cảnh sát hình sự (C02), Bộ Công an phối hợp.",
     [("Cục Cảnh sát hình sự", "ORG"), ("C02", "ORG"), ("Bộ Công an", "ORG")]),
    # a code in brackets inside the name: rule 3 makes the bracketed abbreviation its own span, so the name is cut
    # there (flat spans); the unit, named by its code and parent, is an ORG, so is the parent (rule 2 cannot join
    # them across the brackets): as "Cục Cảnh sát hình sự (C02), Bộ Công an" above
    ("Phòng Cảnh sát hình sự (PC02) Công an tỉnh Sơn La điều tra.",
     [("Phòng Cảnh sát hình sự", "ORG"), ("PC02", "ORG"), ("Công an tỉnh Sơn La", "ORG")]),
    ("Đội Cảnh sát giao thông (CSGT) Công an huyện Mộc Châu kiểm tra.",
     [("Đội Cảnh sát giao thông", "ORG"), ("CSGT", "ORG"), ("Công an huyện Mộc Châu", "ORG")]),
    ("Cục Cảnh sát hình sự (C02) Bộ Công an phối hợp.",
     [("Cục Cảnh sát hình sự", "ORG"), ("C02", "ORG"), ("Bộ Công an", "ORG")]),
    ("Phòng Cảnh sát hình sự (ảnh) Công an tỉnh Sơn La điều tra.", [("Công an tỉnh Sơn La", "ORG")]),  # no code
    # two named units sharing one parent: flat spans keep the parent in the second (maximal) span; the first is a
    # named unit of that named body, an ORG of its own
    ("Phòng Tham mưu và Phòng Cảnh sát hình sự Công an tỉnh Sơn La phối hợp.",
     [("Phòng Tham mưu", "ORG"), ("Phòng Cảnh sát hình sự Công an tỉnh Sơn La", "ORG")]),
    ("Đội Cảnh sát giao thông, Đội Cảnh sát hình sự Công an huyện Mộc Châu phối hợp.",
     [("Đội Cảnh sát giao thông", "ORG"), ("Đội Cảnh sát hình sự Công an huyện Mộc Châu", "ORG")]),
    ("Phòng PC04 và Phòng PC02 Công an tỉnh Điện Biên chủ trì.",
     [("Phòng PC04", "ORG"), ("Phòng PC02 Công an tỉnh Điện Biên", "ORG")]),
    # no name of its own, or no named parent: nothing more
    ("Phòng và Đội Cảnh sát hình sự Công an tỉnh Sơn La phối hợp.",
     [("Đội Cảnh sát hình sự Công an tỉnh Sơn La", "ORG")]),
    ("Phòng Cảnh sát hình sự và Phòng Cảnh sát giao thông đã phối hợp.", []),
    ("Đội Trinh sát đặc nhiệm Phòng PC04 Công an tỉnh Sơn La chủ trì.",
     [("Đội Trinh sát đặc nhiệm Phòng PC04 Công an tỉnh Sơn La", "ORG")]),
    # an office, inspectorate or hospital named by its ministry or body directly
    ("Văn phòng Bộ Công an và Thanh tra Bộ Công an phối hợp.",
     [("Văn phòng Bộ Công an", "ORG"), ("Thanh tra Bộ Công an", "ORG")]),
    ("Chánh Thanh tra Bộ Công an phát biểu.", [("Bộ Công an", "ORG")]),
    # departments of a neighbour's ministry or provincial police
    ("Cục Phòng chống ma túy Bộ Công an Trung Quốc cử đại diện.",
     [("Cục Phòng chống ma túy Bộ Công an Trung Quốc", "ORG")]),
    ("Cục Cảnh sát phòng chống ma túy Bộ An ninh Lào trao tặng.",
     [("Cục Cảnh sát phòng chống ma túy Bộ An ninh Lào", "ORG")]),
    ("Phòng Cảnh sát phòng chống ma túy Công an tỉnh Chăm-pa-sắc phối hợp.",
     [("Phòng Cảnh sát phòng chống ma túy Công an tỉnh Chăm-pa-sắc", "ORG")]),
    # unnamed: a unit of an unnamed body, a department without its parent
    ("Đội Cảnh sát hình sự Công an huyện đã vào cuộc.", []),
    ("Công an huyện phối hợp với Công an xã và Công an phường.", []),
    ("Phòng Cảnh sát hình sự đã phối hợp với các đơn vị.", []),
])
def test_orgs_sub_units_are_one_org_with_the_parent(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a title, the body (ORG), then the name
    ("Giám đốc Công an tỉnh Sơn La, Đại tá Vũ Đức Thịnh phát biểu.",
     [("Công an tỉnh Sơn La", "ORG"), ("Đại tá", "RANK"), ("Vũ Đức Thịnh", "PERSON")]),
    ("Bộ trưởng Bộ Công an Trần Quốc Hưng tiếp đoàn.", [("Bộ Công an", "ORG"), ("Trần Quốc Hưng", "PERSON")]),
    ("Chủ tịch UBND tỉnh Lạng Sơn Hoàng Văn Dũng chủ trì.",
     [("UBND tỉnh Lạng Sơn", "ORG"), ("Hoàng Văn Dũng", "PERSON")]),
    ("Bí thư Tỉnh ủy Cao Bằng Lê Thị Hạnh phát biểu.", [("Tỉnh ủy Cao Bằng", "ORG"), ("Lê Thị Hạnh", "PERSON")]),
    ("Phó Bí thư Tỉnh uỷ Hà Giang Đinh Công Tráng dự họp.",
     [("Tỉnh uỷ Hà Giang", "ORG"), ("Đinh Công Tráng", "PERSON")]),
    ("Trưởng Công an huyện Mường Tè Phan Minh Trí cho biết.",
     [("Công an huyện Mường Tè", "ORG"), ("Phan Minh Trí", "PERSON")]),
    ("Thứ trưởng Bộ An ninh Lào, Trung tướng Khăm-phuy Xi-xu-vông dẫn đầu.",
     [("Bộ An ninh Lào", "ORG"), ("Trung tướng", "RANK"), ("Khăm-phuy Xi-xu-vông", "PERSON")]),
    ("Giám đốc Sở Cảnh sát tỉnh Svay Riêng tiếp đoàn.", [("Sở Cảnh sát tỉnh Svay Riêng", "ORG")]),
    ("Bí thư Đảng ủy Công an tỉnh Nghệ An chủ trì.", [("Đảng ủy Công an tỉnh Nghệ An", "ORG")]),
    ("Thủ trưởng Cơ quan Cảnh sát điều tra Công an tỉnh Hòa Bình ký quyết định.",
     [("Cơ quan Cảnh sát điều tra Công an tỉnh Hòa Bình", "ORG")]),
    ("Ủy viên Ban Thường vụ Tỉnh ủy Quảng Bình, Giám đốc Công an tỉnh phát biểu.",
     [("Ban Thường vụ Tỉnh ủy Quảng Bình", "ORG")]),
    ("Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an dự hội nghị.", [("Bộ Chính trị", "ORG"), ("Bộ Công an", "ORG")]),
    ("Đội trưởng Đội Cảnh sát hình sự Công an huyện Quế Phong Lê Văn Sáu cho biết.",
     [("Đội Cảnh sát hình sự Công an huyện Quế Phong", "ORG"), ("Lê Văn Sáu", "PERSON")]),
    ("Giám đốc Công an tỉnh Nan, Đại tá Somchai Phanit cho biết.",
     [("Công an tỉnh Nan", "ORG"), ("Đại tá", "RANK"), ("Somchai Phanit", "PERSON")]),
    ("Chủ tịch Quốc hội Trần Thanh Sơn phát biểu.", [("Quốc hội", "ORG"), ("Trần Thanh Sơn", "PERSON")]),
    ("Phó Chủ tịch Thường trực UBND tỉnh Quảng Trị Hà Sỹ Đồng phát biểu.",
     [("UBND tỉnh Quảng Trị", "ORG"), ("Hà Sỹ Đồng", "PERSON")]),
    ("Phó Bí thư Thường trực Tỉnh ủy Quảng Bình phát biểu.", [("Tỉnh ủy Quảng Bình", "ORG")]),
    ("Ông Lê Văn Hải, Chủ tịch UBND huyện Kỳ Sơn cho biết.", [("Lê Văn Hải", "PERSON"), ("UBND huyện Kỳ Sơn", "ORG")]),
    ("Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy Sơn La phát biểu.",
     [("Ban Chấp hành Trung ương Đảng", "ORG"), ("Tỉnh ủy Sơn La", "ORG")]),
    # a title with an unnamed body: the name only
    ("Bí thư Đảng ủy Nguyễn Văn Hải phát biểu.", [("Nguyễn Văn Hải", "PERSON")]),
    ("Chánh Văn phòng Nguyễn Văn Hải phát biểu.", [("Nguyễn Văn Hải", "PERSON")]),
    ("Phó Thủ tướng Thường trực Trần Văn Lâm phát biểu.", [("Trần Văn Lâm", "PERSON")]),
    ("Bí thư Tỉnh ủy Lê Thị Hạnh phát biểu.", [("Lê Thị Hạnh", "PERSON")]),
    ("Giám đốc Công an tỉnh và Bí thư Tỉnh ủy dự họp.", []),
])
def test_orgs_bodies_inside_titles(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # named or not (rule 3)
    ("Tỉnh ủy, HĐND, UBND tỉnh và Ban Thường vụ Tỉnh ủy đã chỉ đạo.", []),
    ("Công an tỉnh đã phối hợp với Bộ đội Biên phòng tỉnh.", []),
    ("UBND tỉnh Quảng Bình ban hành kế hoạch.", [("UBND tỉnh Quảng Bình", "ORG")]),
    ("Ban Thường vụ Tỉnh ủy Hà Giang họp.", [("Ban Thường vụ Tỉnh ủy Hà Giang", "ORG")]),
    ("Ủy ban nhân dân thành phố Cần Thơ ban hành kế hoạch.", [("Ủy ban nhân dân thành phố Cần Thơ", "ORG")]),
    # a country right after the body belongs to it
    ("Bộ Công an Lào, Bộ Nội vụ Campuchia và Bộ Công an Trung Quốc cùng ký.",
     [("Bộ Công an Lào", "ORG"), ("Bộ Nội vụ Campuchia", "ORG"), ("Bộ Công an Trung Quốc", "ORG")]),
    ("Bộ Quốc phòng Thái Lan cử đại diện.", [("Bộ Quốc phòng Thái Lan", "ORG")]),
    ("Bộ An ninh nước Cộng hòa Dân chủ Nhân dân Lào gửi thư.",
     [("Bộ An ninh nước Cộng hòa Dân chủ Nhân dân Lào", "ORG")]),
    ("Bộ Nội vụ Vương quốc Campuchia gửi thư.", [("Bộ Nội vụ Vương quốc Campuchia", "ORG")]),
    # a delegation is not an organisation
    ("Đoàn đại biểu Công an tỉnh Xiêng Khoảng sang thăm.", [("Công an tỉnh Xiêng Khoảng", "ORG")]),
    ("Đoàn công tác Bộ Công an Lào đến thăm.", [("Bộ Công an Lào", "ORG")]),
    ("Đoàn công tác của Cục Cảnh sát hình sự Bộ Công an làm việc.", [("Cục Cảnh sát hình sự Bộ Công an", "ORG")]),
    # generic and coordinated mentions: the provinces and digit quantities only
    ("Công an hai tỉnh đã ký kết biên bản.", []),
    ("Công an các tỉnh Lai Châu, Điện Biên và Sơn La tham dự.",
     [("Lai Châu", "PROVINCE"), ("Điện Biên", "PROVINCE"), ("Sơn La", "PROVINCE")]),
    ("Lãnh đạo Công an các tỉnh biên giới và Công an các địa phương dự họp.", []),
    ("Công an 4 tỉnh Tây Bắc ký quy chế.", [("4 tỉnh", "QUANTITY")]),
    # a number in a body's name: no QUANTITY; the steering committee with its number and province is one ORG (the
    # lead's gold of session 18b; it was PROVINCE only)
    ("Ban Chỉ đạo 138 tỉnh Nghệ An họp.", [("Ban Chỉ đạo 138 tỉnh Nghệ An", "ORG")]),
    ("UBND các tỉnh Quảng Trị và Quảng Bình thống nhất.", [("Quảng Trị", "PROVINCE"), ("Quảng Bình", "PROVINCE")]),
    ("Bộ đội Biên phòng hai nước tuần tra song phương.", []),
    ("Công an tỉnh Hà Tĩnh và Công an tỉnh Khăm Muộn ký kết.",
     [("Công an tỉnh Hà Tĩnh", "ORG"), ("Công an tỉnh Khăm Muộn", "ORG")]),
    # an abbreviation in brackets is its own ORG
    ("Văn phòng Liên hợp quốc về Ma túy và Tội phạm (UNODC) tài trợ.",
     [("Văn phòng Liên hợp quốc về Ma túy và Tội phạm", "ORG"), ("UNODC", "ORG")]),
    ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kon Tum (BĐBP) chủ trì.",
     [("Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kon Tum", "ORG"), ("BĐBP", "ORG")]),
    # bodies of the neighbours
    ("Công an tỉnh Chăm-pa-sắc tiếp đoàn.", [("Công an tỉnh Chăm-pa-sắc", "ORG")]),
    ("Công an tỉnh Luông Nậm Thà (Lào) tiếp đoàn.", [("Công an tỉnh Luông Nậm Thà", "ORG")]),
    ("Sở Cảnh sát tỉnh Svay Riêng và Sở Công an tỉnh Vân Nam cùng dự.",
     [("Sở Cảnh sát tỉnh Svay Riêng", "ORG"), ("Sở Công an tỉnh Vân Nam", "ORG")]),
    ("Sở Công an Khu tự trị dân tộc Choang Quảng Tây cử đại diện.",
     [("Sở Công an Khu tự trị dân tộc Choang Quảng Tây", "ORG")]),
    ("Cảnh sát tỉnh Nakhon Phanom (Thái Lan) bắt giữ.", [("Cảnh sát tỉnh Nakhon Phanom", "ORG")]),
    ("Chính phủ Nhân dân tỉnh Vân Nam và Sở Cảnh sát thủ đô Phnôm Pênh cử đại diện.",
     [("Chính phủ Nhân dân tỉnh Vân Nam", "ORG"), ("Sở Cảnh sát thủ đô Phnôm Pênh", "ORG")]),
    ("Ủy ban Quốc gia Phòng chống và Kiểm soát ma túy Lào cử đại diện.",
     [("Ủy ban Quốc gia Phòng chống và Kiểm soát ma túy Lào", "ORG")]),
    ("Tổng cục Cảnh sát quốc gia Campuchia cử đại diện.", [("Tổng cục Cảnh sát quốc gia Campuchia", "ORG")]),
    # newspapers and sites as sources
    ("Hai bên ký biên bản ghi nhớ. (Báo Quảng Ninh)", [("Báo Quảng Ninh", "ORG")]),
    ("Theo TTXVN, hội nghị diễn ra sáng nay.", [("TTXVN", "ORG")]),
    ("Theo Tân Hoa xã và Thông tấn xã Campuchia, hai bên đã thống nhất.",
     [("Tân Hoa xã", "ORG"), ("Thông tấn xã Campuchia", "ORG")]),
    ("Theo Báo Công an nhân dân, vụ việc đang được điều tra.", [("Báo Công an nhân dân", "ORG")]),
    ("Ảnh: Báo Biên phòng", [("Báo Biên phòng", "ORG")]),
    ("Theo Báo điện tử Dân trí, lực lượng chức năng đã vào cuộc.", [("Báo điện tử Dân trí", "ORG")]),
    ("Nguồn: Cổng Thông tin điện tử Bộ Công an", [("Cổng Thông tin điện tử Bộ Công an", "ORG")]),
    ("(Theo Vientiane Times)", [("Vientiane Times", "ORG")]),
    # prisons, schools
    ("Phạm nhân được đưa về Trại giam Nam Hà thuộc Cục C10.", [("Trại giam Nam Hà", "ORG"), ("Cục C10", "ORG")]),
    ("Trại giam số 5 (Bộ Công an) tổ chức đặc xá.", [("Trại giam số 5", "ORG"), ("Bộ Công an", "ORG")]),
    ("Trại tạm giam B14 tiếp nhận bị can.", [("Trại tạm giam B14", "ORG")]),
    ("Trường Cao đẳng Cảnh sát nhân dân I và Trường Trung cấp Cảnh sát nhân dân III đào tạo.",
     [("Trường Cao đẳng Cảnh sát nhân dân I", "ORG"), ("Trường Trung cấp Cảnh sát nhân dân III", "ORG")]),
    ("Học viện Cảnh sát nhân dân và Trường Đại học Luật Hà Nội ký kết.",
     [("Học viện Cảnh sát nhân dân", "ORG"), ("Trường Đại học Luật Hà Nội", "ORG")]),
    # border posts and the border guard of a province
    ("Đồn Biên phòng Tà Lùng (Bộ đội Biên phòng tỉnh Cao Bằng) tuần tra.",
     [("Đồn Biên phòng Tà Lùng", "ORG"), ("Bộ đội Biên phòng tỉnh Cao Bằng", "ORG")]),
    ("Đồn Biên phòng Cửa khẩu Quốc tế Lao Bảo phối hợp với Trạm Kiểm soát Biên phòng Cửa khẩu Cầu Treo.",
     [("Đồn Biên phòng Cửa khẩu Quốc tế Lao Bảo", "ORG"), ("Trạm Kiểm soát Biên phòng Cửa khẩu Cầu Treo", "ORG")]),
    ("Bộ đội Biên phòng tỉnh Quảng Trị đã bàn giao.", [("Bộ đội Biên phòng tỉnh Quảng Trị", "ORG")]),
])
def test_orgs_rule_3_named_bodies(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a province name that is also something else, inside a police name
    ("Công an tỉnh Nan (Thái Lan) phối hợp.", [("Công an tỉnh Nan", "ORG")]),
    ("Đoàn đến tỉnh Nan của Thái Lan.", [("Nan", "PROVINCE")]),
    ("Công an thành phố Huế tham gia.", [("Công an thành phố Huế", "ORG")]),
    # centrally governed cities are provinces; other cities are not (rule 4)
    ("Hội nghị tổ chức tại thành phố Hà Nội.", [("Hà Nội", "PROVINCE")]),
    ("Hội nghị tổ chức tại TP Hà Tĩnh và thành phố Vinh.", []),
    ("Công an thành phố Hà Nội và Công an TP Hà Tĩnh phối hợp.",
     [("Công an thành phố Hà Nội", "ORG"), ("Công an TP Hà Tĩnh", "ORG")]),
    ("Đoàn thăm quận Ba Đình, thành phố Hà Nội.", [("Hà Nội", "PROVINCE")]),
    ("Đoàn đến TP Luông Pha Bang và thành phố Pắc-xế.", []),
    ("Đoàn đến tỉnh Luông Pha Bang, thủ đô Viêng Chăn và thủ đô Băng Cốc.",
     [("Luông Pha Bang", "PROVINCE"), ("Viêng Chăn", "PROVINCE"), ("Băng Cốc", "PROVINCE")]),
    # districts named like a province, regions, countries
    ("Đồn đóng tại huyện Quảng Ninh, tỉnh Quảng Bình.", [("Quảng Bình", "PROVINCE")]),
    ("Đồn đóng tại huyện Nam Đàn, tỉnh Nghệ An.", [("Nghệ An", "PROVINCE")]),
    ("Ma túy từ Bắc Lào, vùng Tây Bắc và khu vực Đông Nam Á.", []),
    ("Tình hình Tây Nguyên và Nam Lào ổn định.", []),
    ("Hợp tác với nước bạn Lào và Vương quốc Campuchia.", []),
    ("Đoàn đến thị xã Sơn Tây hôm qua.", []),
])
def test_orgs_rule_4_provinces_and_places(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 13b: a currency's name is the unit in any case (rule 5); a name word ("Đồng", "Yên") only after a
    # multiplier, so an address keeps nothing
    ("Thu giữ 300 triệu Riel và 20 triệu Kíp.", [("300 triệu Riel", "QUANTITY"), ("20 triệu Kíp", "QUANTITY")]),
    ("Số tiền gồm 50 nghìn Nhân dân tệ, 4 triệu Yên và 2.000 EURO.",
     [("50 nghìn Nhân dân tệ", "QUANTITY"), ("4 triệu Yên", "QUANTITY"), ("2.000 EURO", "QUANTITY")]),
    ("Đối tượng khai nhận đã chi 46 triệu Đồng và 3.000 Won.", [("46 triệu Đồng", "QUANTITY"), ("3.000 Won", "QUANTITY")]),
    ("Cửa hàng ở số 5 Đồng Khởi và số 12 Yên Phụ.", []),
    ("THU GIỮ 25 KG MA TÚY, BẮT 3 ĐỐI TƯỢNG", [("25 KG", "QUANTITY"), ("3 ĐỐI TƯỢNG", "QUANTITY")]),
    ("Công An 3 Tỉnh Phối Hợp Phá Án", [("3 Tỉnh", "QUANTITY")]),
    # a number with a unit of length after "đường" is a distance; a road's number is none
    ("Xe chạy trên quãng đường 15 km thì bị chặn lại.", [("15 km", "QUANTITY")]),
    ("Đối tượng đi quãng đường 200km.", [("200km", "QUANTITY")]),
    ("Xe chạy trên đường 200km.", [("200km", "QUANTITY")]),
    ("Tổ công tác truy đuổi trên quãng đường 10-12 km.", [("10-12 km", "QUANTITY")]),
    ("Vụ việc xảy ra trên đường 279 và Quốc lộ 6.", []),
    ("Chốt chặn đặt trên đường 9, Đường 13 vẫn thông.", []),
    ("Phá 17 đường dây, chặn đường 9 tỉnh Nghệ An.", [("17 đường dây", "QUANTITY"), ("Nghệ An", "PROVINCE")]),
    # a role word that is no title, a named body, then a full name: ORG + PERSON
    ("Phóng viên Báo Nhân Dân Nguyễn Thu Trang ghi nhận.", [("Báo Nhân Dân", "ORG"), ("Nguyễn Thu Trang", "PERSON")]),
    ("PV Báo Nhân Dân Trần Thu Hà có mặt.", [("Báo Nhân Dân", "ORG"), ("Trần Thu Hà", "PERSON")]),
    ("Cán bộ Công an tỉnh Nghệ An Lê Văn Hòa cho biết.", [("Công an tỉnh Nghệ An", "ORG"), ("Lê Văn Hòa", "PERSON")]),
    ("Điều tra viên Công an tỉnh Nghệ An Lê Văn Hòa cho biết.",
     [("Công an tỉnh Nghệ An", "ORG"), ("Lê Văn Hòa", "PERSON")]),
    ("Theo điều tra viên Công an tỉnh Hà Tĩnh Phan Văn Bình, vụ án đã rõ.",
     [("Công an tỉnh Hà Tĩnh", "ORG"), ("Phan Văn Bình", "PERSON")]),
    ("Luật sư Đoàn Luật sư TP Hà Nội Trần Minh Tuấn cho biết.",
     [("Đoàn Luật sư TP Hà Nội", "ORG"), ("Trần Minh Tuấn", "PERSON")]),
    ("Bào chữa có luật sư Đỗ Thị Lan và thẩm phán Vũ Văn Nam chủ tọa.",
     [("Đỗ Thị Lan", "PERSON"), ("Vũ Văn Nam", "PERSON")]),
    ("Phóng viên Báo Nhân Dân có mặt tại hiện trường.", [("Báo Nhân Dân", "ORG")]),
    ("Chiến sĩ Công an tỉnh Nghệ An Tham gia diễn tập.", [("Công an tỉnh Nghệ An", "ORG")]),
    ("Cán bộ Công an tỉnh Sơn La Tết này trực chiến.", [("Công an tỉnh Sơn La", "ORG")]),
    ("Học viên Học viện Cảnh sát nhân dân tham gia.", [("Học viện Cảnh sát nhân dân", "ORG")]),
    # a name (a glued word or two words and more) before a comma and a title is a PERSON; a place, a body, a date
    # or a lone word is none
    ("Xay-nhạ-lổm, Trưởng phòng Cảnh sát hình sự Công an tỉnh Hủa Phăn, cho biết.",
     [("Xay-nhạ-lổm", "PERSON"), ("Công an tỉnh Hủa Phăn", "ORG")]),
    # (the office inside the title "Phó Chánh Văn phòng" belongs to the ORG: session 17a, the lead's gold, rule 2)
    ("Bun-xổm, Phó Chánh Văn phòng Bộ Công an Lào, cho biết.",
     [("Bun-xổm", "PERSON"), ("Văn phòng Bộ Công an Lào", "ORG")]),
    ("Nguyễn Văn Hòa, Phó Giám đốc Công an tỉnh Nghệ An, cho biết.",
     [("Nguyễn Văn Hòa", "PERSON"), ("Công an tỉnh Nghệ An", "ORG")]),
    ("Tham dự có Khăm-phăn, Trưởng đoàn công tác tỉnh Hủa Phăn.", [("Khăm-phăn", "PERSON"), ("Hủa Phăn", "PROVINCE")]),
    ("Hà Nội, Giám đốc Công an tỉnh cho biết.", [("Hà Nội", "PROVINCE")]),
    ("Ngày 5/3, Giám đốc Công an tỉnh Nghệ An cho biết.", [("Công an tỉnh Nghệ An", "ORG")]),
    ("Tại Pắc-xế, Trưởng phòng Cảnh sát hình sự Công an tỉnh Chăm-pa-xắc cho biết.",
     [("Công an tỉnh Chăm-pa-xắc", "ORG")]),
    ("Việt Nam, Bộ trưởng Bộ Công an cho biết.", [("Bộ Công an", "ORG")]),
    ("Tây Nguyên, Giám đốc Công an tỉnh Gia Lai cho biết.", [("Công an tỉnh Gia Lai", "ORG")]),
    ("Bộ Công an, Giám đốc Công an tỉnh Nghệ An cùng dự.", [("Bộ Công an", "ORG"), ("Công an tỉnh Nghệ An", "ORG")]),
])
def test_capitalised_currencies_distances_roles_before_bodies_and_names_before_titles(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 12: a Lao provincial or capital administration ("Ủy ban Chính quyền"), in either tone placement and case,
    # is a body named by its province (rule 3); "Chính quyền tỉnh X" alone, the authorities, names none
    ("Lãnh đạo Ủy ban Chính quyền tỉnh Luông Nặm Thà tiếp đoàn công tác của tỉnh Điện Biên.",
     [("Ủy ban Chính quyền tỉnh Luông Nặm Thà", "ORG"), ("Điện Biên", "PROVINCE")]),
    ("Đoàn đã chào xã giao Uỷ ban chính quyền tỉnh Xay-nha-bu-ly.",
     [("Uỷ ban chính quyền tỉnh Xay-nha-bu-ly", "ORG")]),
    ("Bà Vông Phết là Phó Chủ tịch Ủy ban Chính quyền thủ đô Viêng Chăn.",
     [("Vông Phết", "PERSON"), ("Ủy ban Chính quyền thủ đô Viêng Chăn", "ORG")]),
    ("UỶ BAN CHÍNH QUYỀN TỈNH SÊ KÔNG TIẾP ĐOÀN", [("UỶ BAN CHÍNH QUYỀN TỈNH SÊ KÔNG", "ORG")]),
    ("Chính quyền tỉnh Khăm Muộn đã cấp đất xây trường.", [("Khăm Muộn", "PROVINCE")]),
    ("Ủy ban Chính quyền và nhân dân hai nước đã ủng hộ.", []),
    # a border liaison office (BLO) in lower case, its fields with or without the comma, named by its province, border
    # gate or town; its abbreviation in brackets; without a name after it, nothing
    ("Văn phòng liên lạc phòng, chống ma túy qua biên giới tỉnh Lạng Sơn (BLO) vừa trao đổi thông tin.",
     [("Văn phòng liên lạc phòng, chống ma túy qua biên giới tỉnh Lạng Sơn", "ORG"), ("BLO", "ORG")]),
    ("Cán bộ Văn phòng liên lạc phòng chống ma tuý và tội phạm qua biên giới tỉnh Kon Tum đã có mặt.",
     [("Văn phòng liên lạc phòng chống ma tuý và tội phạm qua biên giới tỉnh Kon Tum", "ORG")]),
    ("Hai bên làm việc tại Văn phòng liên lạc qua biên giới Tây Trang.",
     [("Văn phòng liên lạc qua biên giới Tây Trang", "ORG")]),
    ("Văn phòng liên lạc qua biên giới cửa khẩu Nậm Cắn nhận tin báo.",
     [("Văn phòng liên lạc qua biên giới cửa khẩu Nậm Cắn", "ORG")]),
    ("Hai nước sẽ mở thêm văn phòng liên lạc của hai bên tại biên giới.", []),
    ("Văn phòng liên lạc của Công an tỉnh Sơn La đã hoạt động.", [("Công an tỉnh Sơn La", "ORG")]),
    ("Đại diện Phòng Cảnh sát hình sự Công an tỉnh Bắc Giang (PC02) tham dự.",
     [("Phòng Cảnh sát hình sự Công an tỉnh Bắc Giang", "ORG"), ("PC02", "ORG")]),
    # newspapers named "An ninh" + place in credits and after a source cue (rule 6); security of a place is none
    ("Hai đơn vị ký biên bản ghi nhớ. (Ảnh: An ninh Hải Phòng)", [("An ninh Hải Phòng", "ORG")]),
    ("Nguồn: An Ninh Thủ Đô", [("An Ninh Thủ Đô", "ORG")]),
    ("Theo báo An ninh Nghệ An, hai đối tượng đã bị bắt.", [("An ninh Nghệ An", "ORG")]),
    ("Các lực lượng bảo đảm an ninh Thủ đô trong dịp lễ.", []),
    ("An ninh Sơn La được giữ vững trong năm qua.", [("Sơn La", "PROVINCE")]),
    ("Tình hình an ninh Lạng Sơn ổn định, theo báo cáo của Công an tỉnh.", [("Lạng Sơn", "PROVINCE")]),
    # bylines of two names or more where one starts with the given name "Anh" (elsewhere the pronoun cue)
    ("Minh Châu – Anh Tuấn", [("Minh Châu", "PERSON"), ("Anh Tuấn", "PERSON")]),
    ("Anh Quân - Thu Hà (Báo Lào Cai)", [("Anh Quân", "PERSON"), ("Thu Hà", "PERSON"), ("Báo Lào Cai", "ORG")]),
    ("Lan Anh, Anh Khoa", [("Lan Anh", "PERSON"), ("Anh Khoa", "PERSON")]),
    ("Anh Tuấn cho biết sẽ tiếp tục theo dõi vụ việc.", [("Tuấn", "PERSON")]),
    ("Gặp anh Hùng ở chợ, chúng tôi hỏi chuyện.", [("Hùng", "PERSON")]),
    # China's Ministry of Public Security, with or without its country; the neighbours' ministries as before
    ("Bộ An ninh Công cộng Trung Quốc và Bộ Công an Việt Nam ký kết bản ghi nhớ.",
     [("Bộ An ninh Công cộng Trung Quốc", "ORG"), ("Bộ Công an Việt Nam", "ORG")]),
    ("Đại diện Bộ Công an Trung Quốc trao tặng quà.", [("Bộ Công an Trung Quốc", "ORG")]),
    ("Cục Điều tra hình sự Bộ An ninh Công cộng Trung Quốc phối hợp điều tra.",
     [("Cục Điều tra hình sự Bộ An ninh Công cộng Trung Quốc", "ORG")]),
    ("Bộ An ninh Công cộng cử đoàn sang làm việc.", [("Bộ An ninh Công cộng", "ORG")]),
    ("Đoàn Bộ Nội vụ Campuchia thăm Tổng cục Cảnh sát Quốc gia Campuchia.",
     [("Bộ Nội vụ Campuchia", "ORG"), ("Tổng cục Cảnh sát Quốc gia Campuchia", "ORG")]),
])
def test_lao_administrations_liaison_offices_papers_and_bylines(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a capitalised honorific after a place's first word is part of the place (a gate, a post, a commune); lower case
    # after a comma, or before a person's name, it is the person's cue
    ("Chi cục Hải quan cửa khẩu Dinh Bà phát hiện hàng lậu.", [("Chi cục Hải quan cửa khẩu Dinh Bà", "ORG")]),
    ("Đồn Biên phòng cửa khẩu quốc tế Dinh Bà tiếp nhận 2 công dân.",
     [("Đồn Biên phòng cửa khẩu quốc tế Dinh Bà", "ORG"), ("2 công dân", "QUANTITY")]),
    ("Đồn Biên phòng Suối Ông Chú tổ chức tuần tra.", [("Đồn Biên phòng Suối Ông Chú", "ORG")]),
    ("Công an xã Bến Bà Hưng kiểm tra.", [("Công an xã Bến Bà Hưng", "ORG")]),
    ("Đồn Biên phòng Mộc Bài, bà Nguyễn Thị Hoa cho biết sự việc.",
     [("Đồn Biên phòng Mộc Bài", "ORG"), ("Nguyễn Thị Hoa", "PERSON")]),
    ("Đồn Biên phòng cửa khẩu Dinh Bà, ông Trần Văn Nam cho biết.",
     [("Đồn Biên phòng cửa khẩu Dinh Bà", "ORG"), ("Trần Văn Nam", "PERSON")]),
    ("Công an huyện Mường Tè Ông Lò Văn Pọm cho biết.", [("Công an huyện Mường Tè", "ORG"), ("Lò Văn Pọm", "PERSON")]),
    ("Công an xã Phú Hòa Anh dũng chiến đấu.", [("Công an xã Phú Hòa", "ORG")]),
    ("Đoàn leo núi Ông Voi, ghe chở hàng trên kênh Bà Bèo và rạch Ông Chưởng.", []),
    ("Công an xã Bà Tường và Đồn Biên phòng Ông Cụ phối hợp.",
     [("Công an xã Bà Tường", "ORG"), ("Đồn Biên phòng Ông Cụ", "ORG")]),
    ("Trưởng Công an xã Bà Nguyễn Thị Hoa cho biết.", [("Nguyễn Thị Hoa", "PERSON")]),
    ("Giám đốc Công an tỉnh Nghệ An Ông Nguyễn Văn A phát biểu.",
     [("Công an tỉnh Nghệ An", "ORG"), ("Nguyễn Văn A", "PERSON")]),
    ("Người dân xã Bà Tường được hỗ trợ, ông Lò Văn Pọm cho biết.", [("Lò Văn Pọm", "PERSON")]),
    ("Công an tỉnh Bà Rịa - Vũng Tàu bắt 3 đối tượng.",
     [("Công an tỉnh Bà Rịa - Vũng Tàu", "ORG"), ("3 đối tượng", "QUANTITY")]),
    ("Đoàn công tác đến Bà Rịa-Vũng Tàu làm việc.", [("Bà Rịa-Vũng Tàu", "PROVINCE")]),
    ("Cán bộ tỉnh Bà Rịa Vũng Tàu tham dự.", [("Bà Rịa Vũng Tàu", "PROVINCE")]),
    ("Ngày 3/5, tại núi Bà Đen, Công an tỉnh Tây Ninh kiểm tra 4 khu nhà trọ.",
     [("Công an tỉnh Tây Ninh", "ORG"), ("4 khu", "QUANTITY")]),
    # counter words of one or two syllables (rule 5): the number and its unit, not the noun's modifier; time words,
    # ordinals and addresses stay out
    ("Lực lượng chức năng triệt phá 3 công ty lừa đảo.", [("3 công ty", "QUANTITY")]),
    ("Chương trình đào tạo gồm 3 học phần bắt buộc.", [("3 học phần", "QUANTITY")]),
    ("Đoàn kiểm tra 4 khu tổ hợp và 5 nhà nghỉ.", [("4 khu", "QUANTITY"), ("5 nhà nghỉ", "QUANTITY")]),
    ("Cơ quan điều tra lập 4 biên bản, thu giữ 2 băng đạn.", [("4 biên bản", "QUANTITY"), ("2 băng đạn", "QUANTITY")]),
    ("Huy động 200 lực lượng tham gia, 2 băng nhóm bị triệt phá.",
     [("200 lực lượng", "QUANTITY"), ("2 băng nhóm", "QUANTITY")]),
    ("Tòa xét xử 3 phiên, 3 cháu nhỏ được giải cứu.", [("3 phiên", "QUANTITY"), ("3 cháu", "QUANTITY")]),
    ("Ngày 12/3, lực lượng kiểm tra 12 quán karaoke và 7 cơ sở kinh doanh.",
     [("12 quán", "QUANTITY"), ("7 cơ sở", "QUANTITY")]),
    ("Đơn vị tổ chức 3 hội nghị và 2 hội thảo với 30 giảng viên.",
     [("3 hội nghị", "QUANTITY"), ("2 hội thảo", "QUANTITY"), ("30 giảng viên", "QUANTITY")]),
    ("Bắt giữ 12 nghi can, 4 tù nhân vượt ngục; thu 3 khẩu súng.",
     [("12 nghi can", "QUANTITY"), ("4 tù nhân", "QUANTITY"), ("3 khẩu", "QUANTITY")]),
    ("Năm 2024, 63 tỉnh, thành phố ký kết; 5 thành phố lớn tham gia.",
     [("63 tỉnh", "QUANTITY"), ("5 thành phố", "QUANTITY")]),
    ("Sau 14 tiếng truy bắt, 10 ngày sau đối tượng ra đầu thú.", []),
    ("Trụ sở đặt tại 12 Bến Vân Đồn; chi nhánh ở 25 Quán Thánh.", []),
    ("BẮT 5 ĐỐI TƯỢNG, TRIỆT PHÁ 2 BĂNG NHÓM", [("5 ĐỐI TƯỢNG", "QUANTITY"), ("2 BĂNG NHÓM", "QUANTITY")]),
    ("Trong 6 tháng đầu năm, Hội nghị lần thứ 3 diễn ra tại số 5 phố Huế.", []),
    # initials as a person's name after a pronoun, an honorific, a suspect's or a victim's cue, or before a year of
    # birth; not the abbreviation "C.A" (công an), nor initials after no cue
    ("Chị N.T.H (SN 1999) trình báo bị lừa.", [("N.T.H", "PERSON")]),
    ("Anh L.V.T cho biết đã chuyển tiền.", [("L.V.T", "PERSON")]),
    ("Cháu N.V.A được đưa về gia đình.", [("N.V.A", "PERSON")]),
    ("Đối tượng T.Q.H bị bắt giữ, bị can L.V.S bị khởi tố.", [("T.Q.H", "PERSON"), ("L.V.S", "PERSON")]),
    ("Nạn nhân H.T.L đã tử vong.", [("H.T.L", "PERSON")]),
    ("Theo lời khai của bị hại, N.T.H (SN 1999, trú tỉnh Nghệ An) bị lừa 200 triệu đồng.",
     [("N.T.H", "PERSON"), ("Nghệ An", "PROVINCE"), ("200 triệu đồng", "QUANTITY")]),
    ("Lực lượng C.A xã phối hợp, cán bộ C.A huyện có mặt.", []),
    ("Lực lượng C.A, trú quân tại bản.", []),
    ("Lực lượng C.A xã phối hợp với BĐBP và PC04.", [("BĐBP", "ORG")]),
    # a name before its nationality; not a body, a ship or a country
    ("Số ma túy do Chan Rithy, quốc tịch Campuchia, cất giấu.", [("Chan Rithy", "PERSON")]),
    ("Bắt đối tượng Li Wei (quốc tịch Trung Quốc) tại cửa khẩu.", [("Li Wei", "PERSON")]),
    ("Xổm Phết, quốc tịch Lào, khai nhận hành vi.", [("Xổm Phết", "PERSON")]),
    ("Trực tiếp vận chuyển là Bua Khăm, người Lào, trú tại bản Na Mèo.", [("Bua Khăm", "PERSON")]),
    ("Bắt giữ Xổm Phết và Bua Khăm, cùng quốc tịch Lào, khi vận chuyển hàng.",
     [("Xổm Phết", "PERSON"), ("Bua Khăm", "PERSON")]),
    ("Đối tượng Li Wei, có quốc tịch Trung Quốc, bị bắt.", [("Li Wei", "PERSON")]),
    ("Hai đối tượng, cùng quốc tịch Lào, bị bắt.", []),
    ("Công ty Hoàng Long, quốc tịch Việt Nam, bị xử phạt.", [("Công ty Hoàng Long", "ORG")]),
    ("Chiếc tàu Hải Long, quốc tịch Campuchia, bị giữ.", []),
    ("Lực lượng chức năng Trung Quốc, quốc tịch các đối tượng chưa rõ.", []),
    ("Tại Hủa Phăn, quốc tịch của đối tượng được xác minh.", [("Hủa Phăn", "PROVINCE")]),
    ("Nhiều người Lào sang học tập, 3 người Lào được khen thưởng.", [("3 người", "QUANTITY")]),
    # Khmer family names before a given name in Latin script; pinyin names as before; brands and Vietnamese words are
    # none ("ma túy", "Sun Group", "Kim Long")
    ("Đối tượng khai đã giao hàng cho Chan Rithy tại biên giới.", [("Chan Rithy", "PERSON")]),
    ("Bắt giữ Sok Dara cùng tang vật.", [("Sok Dara", "PERSON")]),
    ("Nhóm gồm Meas Sovann và Pich Sopheap vận chuyển hàng.", [("Meas Sovann", "PERSON"), ("Pich Sopheap", "PERSON")]),
    ("Cảnh sát bắt Wang Lei và Zhang Wei tại khách sạn.", [("Wang Lei", "PERSON"), ("Zhang Wei", "PERSON")]),
    ("Ma túy được cất giấu trong xe.", []),
    ("Dự án của Sun Group được phê duyệt.", []),
    ("Sun Group công bố kết quả.", []),
    ("Du khách đến Kim Long tham quan.", []),
    ("Dự án Sun Life Plaza khởi công.", []),
    ("Khách hàng mua Sim Viettel tại cửa hàng.", []),
    ("Đối tượng khai được Lim Sokha thuê vận chuyển.", [("Lim Sokha", "PERSON")]),
    ("Tội phạm từ Svay Rieng xâm nhập.", [("Svay Rieng", "PROVINCE")]),
])
def test_place_honorifics_counters_initials_nationalities_and_khmer_names(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (1) a capitalised place word + "Ông"/"Bà" + a capitalised word is a place inside a body's name, even where the
    # word may start no place ("Bộ", "Lãnh"); after a comma, lower-case "ông" stays the person's cue
    ("Trạm Kiểm soát biên phòng Cầu Ông Bộ tiếp nhận 3 công dân.",
     [("Trạm Kiểm soát biên phòng Cầu Ông Bộ", "ORG"), ("3 công dân", "QUANTITY")]),
    ("Đồn Biên phòng Cầu Ông Lãnh phối hợp tuần tra.", [("Đồn Biên phòng Cầu Ông Lãnh", "ORG")]),
    ("Đồn Biên phòng Cửa Ông Lân bắt 2 đối tượng.", [("Đồn Biên phòng Cửa Ông Lân", "ORG"), ("2 đối tượng", "QUANTITY")]),
    ("Đồn Biên phòng Mộc Bài, ông Nguyễn Văn A cho biết.",
     [("Đồn Biên phòng Mộc Bài", "ORG"), ("Nguyễn Văn A", "PERSON")]),
    ("Đồn Biên phòng Hữu Nghị, Ông Nguyễn Văn Hải cho biết.",
     [("Đồn Biên phòng Hữu Nghị", "ORG"), ("Nguyễn Văn Hải", "PERSON")]),
    ("Đoàn leo núi Bà Đen, ghe chở hàng trên kênh Bà Bèo.", []),
    # (2) a department's head in title case ("Tổng Cục", "Bộ Tư Lệnh"); "Ban Chỉ Đạo" + its number is no quantity
    ("Lãnh đạo Tổng Cục Cảnh sát dự hội nghị.", [("Tổng Cục Cảnh sát", "ORG")]),
    ("Đại diện Tổng Cục Hậu cần - Kỹ thuật phát biểu.", [("Tổng Cục Hậu cần - Kỹ thuật", "ORG")]),
    ("Lãnh đạo Bộ Tư Lệnh Bộ đội Biên phòng dự hội nghị.", [("Bộ Tư Lệnh Bộ đội Biên phòng", "ORG")]),
    ("Lãnh đạo Tổng cục Cảnh sát dự hội nghị.", [("Tổng cục Cảnh sát", "ORG")]),
    ("Công An tỉnh Nghệ An bắt 5 đối tượng.", [("Công An tỉnh Nghệ An", "ORG"), ("5 đối tượng", "QUANTITY")]),
    ("Ban Chỉ Đạo 138 tỉnh Nghệ An họp.", [("Ban Chỉ Đạo 138 tỉnh Nghệ An", "ORG")]),  # (one ORG since session 18b)
    ("Phòng Cảnh Sát hình sự Công an tỉnh Nghệ An vào cuộc.", [("Phòng Cảnh Sát hình sự Công an tỉnh Nghệ An", "ORG")]),
    ("Cục Cảnh Sát hình sự Bộ Công an chỉ đạo.", [("Cục Cảnh Sát hình sự Bộ Công an", "ORG")]),
    ("Cảnh Sát giao thông Hà Nội xử phạt 30 trường hợp.", [("Hà Nội", "PROVINCE"), ("30 trường hợp", "QUANTITY")]),
    # (3) a year (19xx/20xx, four digits) after a word of time or a preposition, or after a year and a dash, is no
    # QUANTITY (rule 5); without such a word, or with a separator, the number keeps its unit
    ("Mục tiêu đến 2025 khu vực biên giới không còn điểm nóng ma túy.", []),
    ("Từ 2020 đến 2024 lực lượng chức năng bắt 120 đối tượng.", [("120 đối tượng", "QUANTITY")]),
    ("Giai đoạn 2020 - 2024 lực lượng chức năng bắt 120 đối tượng.", [("120 đối tượng", "QUANTITY")]),
    ("Sau 2022 lực lượng biên phòng triệt phá 15 đường dây.", [("15 đường dây", "QUANTITY")]),
    ("Lực lượng chức năng thu giữ 2025 viên ma túy.", [("2025 viên", "QUANTITY")]),
    ("Lực lượng chức năng thu giữ 1500 viên ma túy.", [("1500 viên", "QUANTITY")]),
    ("Số ma túy tăng từ 1.500 viên lên 2.000 viên.", [("1.500 viên", "QUANTITY"), ("2.000 viên", "QUANTITY")]),
    # (4) "T.L", "TL" in a credit is "tư liệu" (an archive photo): no person; a news agency is an ORG (rule 3, 6);
    # real initials stay a PERSON
    ("Ảnh: T.L", []),
    ("Lực lượng chức năng kiểm tra hiện trường. Ảnh: T.L.", []),
    ("Ảnh: TL", []),
    ("Ảnh: TTXVN", [("TTXVN", "ORG")]),
    ("Nguồn: Internet", []),
    ("Ảnh minh họa", []),
    ("Ảnh: N.H", [("N.H", "PERSON")]),
    ("Ảnh: T.H.", [("T.H.", "PERSON")]),
    # (5) a Lao name of four or five words before ", " + a title is one PERSON, not its last two words
    ("Khăm Phăn Phôm Ma Thắt, Thứ trưởng Bộ An ninh Lào, phát biểu.",
     [("Khăm Phăn Phôm Ma Thắt", "PERSON"), ("Bộ An ninh Lào", "ORG")]),
    ("Tại buổi làm việc, Khăm Phăn Phôm Ma Thắt, Thứ trưởng Bộ An ninh Lào, phát biểu.",
     [("Khăm Phăn Phôm Ma Thắt", "PERSON"), ("Bộ An ninh Lào", "ORG")]),
    ("Thiếu tướng Khăm Phăn Phôm Ma Thắt phát biểu.", [("Thiếu tướng", "RANK"), ("Khăm Phăn Phôm Ma Thắt", "PERSON")]),
    ("Xổm Phít Văn Na Xỉ, Phó Giám đốc Công an tỉnh Hủa Phăn, cho biết.",
     [("Xổm Phít Văn Na Xỉ", "PERSON"), ("Công an tỉnh Hủa Phăn", "ORG")]),
    ("Anh Nguyễn Văn An, Trưởng Công an xã, cho biết.", [("Nguyễn Văn An", "PERSON")]),
    ("Bắt Nguyễn Văn An, Giám đốc một công ty.", [("Nguyễn Văn An", "PERSON")]),
    ("Theo Nguyễn Văn An, Phó Giám đốc Công an tỉnh, vụ việc nghiêm trọng.", [("Nguyễn Văn An", "PERSON")]),
    # (6) one word in Latin script of two syllables or more before ", " + a title is a PERSON; not a place, a
    # country, a body, a sentence opener or a Vietnamese word
    ("Vilay, Phó Cục trưởng Cục Cảnh sát Lào, cho biết.", [("Vilay", "PERSON"), ("Cục Cảnh sát Lào", "ORG")]),
    ("Thongsavanh, Trưởng đoàn công tác, phát biểu.", [("Thongsavanh", "PERSON")]),
    ("Tại hội nghị, Vilay, Phó Cục trưởng Cục Cảnh sát Lào, cho biết.",
     [("Vilay", "PERSON"), ("Cục Cảnh sát Lào", "ORG")]),
    ("Hà Nội, Giám đốc Công an tỉnh cho biết.", [("Hà Nội", "PROVINCE")]),
    ("Sáng nay, Giám đốc Công an tỉnh cho biết.", []),
    ("Tuy nhiên, Trưởng phòng Cảnh sát cho biết.", []),
    ("Vientiane, Trưởng đoàn công tác phát biểu.", [("Vientiane", "PROVINCE")]),
    ("Thailand, Phó Giám đốc Cảnh sát cho biết.", []),
    ("Facebook, Giám đốc công ty cho biết.", []),
    ("Vinh, Giám đốc Công an tỉnh cho biết.", []),
    ("Đoàn công tác đến Pakse, Trưởng đoàn phát biểu.", []),
    # (7) a currency named with its country, in any case, is the unit; the place names the currency (no PROVINCE)
    ("Đối tượng khai đã nhận 5.000 Đô la Mỹ tiền công.", [("5.000 Đô la Mỹ", "QUANTITY")]),
    ("Đối tượng khai đã nhận 20.000 đô la Mỹ tiền công.", [("20.000 đô la Mỹ", "QUANTITY")]),
    ("Đối tượng nhận 3.000 Đô la Hồng Kông.", [("3.000 Đô la Hồng Kông", "QUANTITY")]),
    ("Đối tượng nhận 3.000 đô la Singapore.", [("3.000 đô la Singapore", "QUANTITY")]),
    ("Đối tượng nhận 3 triệu Đồng Việt Nam.", [("3 triệu Đồng Việt Nam", "QUANTITY")]),
    ("Đoàn đến Hồng Kông làm việc, thu 3.000 Đô la.", [("Hồng Kông", "PROVINCE"), ("3.000 Đô la", "QUANTITY")]),
    ("Nhà số 5 Đồng Khởi bị khám xét.", []),
])
def test_place_honorifics_title_case_heads_years_archive_credits_lao_and_latin_names_and_currencies(nlp, text,
                                                                                                       expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (1) Khmer family names ("Sim", "Chheng", "Hor", "Ieng", "Ung" ...) before a Latin given name of two syllables or
    # more; the networks a SIM card is sold under are no given name; Vietnamese words after "là" are no name
    ("Học viên Campuchia có kết quả cao nhất là Sim Sokha, đến từ tỉnh Ta Keo.",
     [("Sim Sokha", "PERSON"), ("Ta Keo", "PROVINCE")]),
    ("Bắt giữ Hor Sothea và Chheng Vannak tại cửa khẩu.", [("Hor Sothea", "PERSON"), ("Chheng Vannak", "PERSON")]),
    ("Đối tượng khai được Ieng Sovann thuê chở hàng.", [("Ieng Sovann", "PERSON")]),
    ("Khách hàng mua Sim Viettel tại cửa hàng.", []),
    ("Đối tượng dùng Sim Metfone và Sim Mobifone để liên lạc.", []),
    ("Kết quả cao nhất là Sim điện thoại của đối tượng.", []),
    ("Anh Sim Bora cho biết đã giao 2 ba lô cho đối tượng.", [("Sim Bora", "PERSON"), ("2 ba lô", "QUANTITY")]),
    ("Đối tượng dùng 4 tài khoản Zalo và 2 Sim Viettel.", [("4 tài khoản", "QUANTITY"), ("2 Sim", "QUANTITY")]),
    ("Nguyên nhân là Hang động quá sâu.", []),
    # (2) a Chinese provincial public security department, "Sảnh" or "Sở" + "Công an" + province or autonomous region;
    # the title "Phó Sảnh trưởng" is no entity
    ("Ông Vương Tiểu Đông, Phó Sảnh trưởng Sảnh Công an tỉnh Vân Nam, cảm ơn phía Việt Nam.",
     [("Vương Tiểu Đông", "PERSON"), ("Sảnh Công an tỉnh Vân Nam", "ORG")]),
    ("Đoàn công tác của Sảnh Công an Khu tự trị dân tộc Choang Quảng Tây sang thăm.",
     [("Sảnh Công an Khu tự trị dân tộc Choang Quảng Tây", "ORG")]),
    ("Phó Sảnh trưởng Sảnh Công an tỉnh Vân Nam Lý Minh Hoa phát biểu.",
     [("Sảnh Công an tỉnh Vân Nam", "ORG"), ("Lý Minh Hoa", "PERSON")]),
    ("Đại diện Sở Công an tỉnh Quảng Tây tham dự.", [("Sở Công an tỉnh Quảng Tây", "ORG")]),
    ("Phó Sảnh trưởng cảm ơn sự phối hợp của các sảnh công an.", []),
    ("Sảnh Tư pháp tỉnh Vân Nam và Sở Tư pháp tỉnh Lào Cai ký kết.",
     [("Sảnh Tư pháp tỉnh Vân Nam", "ORG"), ("Sở Tư pháp tỉnh Lào Cai", "ORG")]),
    ("Đại diện Sảnh An ninh Quốc gia Khu tự trị dân tộc Choang Quảng Tây tham dự.",
     [("Sảnh An ninh Quốc gia Khu tự trị dân tộc Choang Quảng Tây", "ORG")]),
    ("Các sảnh, sở của tỉnh Vân Nam tham gia.", [("Vân Nam", "PROVINCE")]),
    # (3) containers and packs as counters (rule 5: one word of one or two syllables); the bag's material stays out
    ("Đối tượng cất giấu ma túy trong 2 vali và 3 ba lô.", [("2 vali", "QUANTITY"), ("3 ba lô", "QUANTITY")]),
    ("Lực lượng chức năng thu 12 vali, 3 balo, 20 khay và 4 VALI.",
     [("12 vali", "QUANTITY"), ("3 balo", "QUANTITY"), ("20 khay", "QUANTITY"), ("4 VALI", "QUANTITY")]),
    ("Thu giữ 5 xấp tiền, 2 túi xách, 4 tệp tin và 2 túi nilon.",
     [("5 xấp", "QUANTITY"), ("2 túi xách", "QUANTITY"), ("4 tệp tin", "QUANTITY"), ("2 túi", "QUANTITY")]),
    ("Kiểm tra 3 va li, 6 lon sơn và 2 bó củi.", [("3 va li", "QUANTITY"), ("6 lon", "QUANTITY"), ("2 bó", "QUANTITY")]),
    ("Đối tượng mang theo vali và ba lô lớn.", []),
    ("Đối tượng giấu 2 bánh heroin trong 1 túi xách và 1 va-li.",
     [("2 bánh", "QUANTITY"), ("1 túi xách", "QUANTITY"), ("1 va-li", "QUANTITY")]),
    # (4, own probes) drivers and their mates counted (rule 5: a word of two syllables)
    ("Cơ quan chức năng bắt 3 lái xe, 2 phụ xe.", [("3 lái xe", "QUANTITY"), ("2 phụ xe", "QUANTITY")]),
    ("Đối tượng Lưu Kiến Quân khai nhận đã thuê 3 lái xe.", [("Lưu Kiến Quân", "PERSON"), ("3 lái xe", "QUANTITY")]),
    ("Nhóm lái xe và phụ xe được hỗ trợ.", []),
    # (5, own probes) a pinyin name of a one-syllable family name and a given name of two syllables or more after any
    # lower-case word, as Khmer names; not a ship's or a place's name whose second word has one syllable
    ("Tại tỉnh Quảng Đông, cảnh sát bắt Chen Guoliang.", [("Quảng Đông", "PROVINCE"), ("Chen Guoliang", "PERSON")]),
    ("Cơ quan điều tra khởi tố Zhang Weiming về tội vận chuyển ma túy.", [("Zhang Weiming", "PERSON")]),
    ("Tàu Wan Hai cập cảng Hải Phòng.", []),
    ("Đoàn đến Hong Kong làm việc.", [("Hong Kong", "PROVINCE")]),
    ("Đối tượng lập trang Fan Page để bán hàng.", []),
    ("Khách nghỉ tại khách sạn Pan Pacific Hà Nội.", [("Hà Nội", "PROVINCE")]),
    # (6, own probes) one Latin-script word of two syllables or more after a suspect's or defendant's cue is a name;
    # not a platform, a brand or a country
    ("Đối tượng Chanthavong khai được thuê 2 triệu kíp.", [("Chanthavong", "PERSON"), ("2 triệu kíp", "QUANTITY")]),
    ("Bị can Chanthavong (SN 1990) bị khởi tố.", [("Chanthavong", "PERSON")]),
    ("Đối tượng Facebook bị khóa, nhóm đối tượng Viettel giả mạo.", []),
    ("Đối tượng Thailand bị nêu tên.", []),
])
def test_khmer_names_chinese_public_security_departments_containers_and_own_probes(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 14b) a capitalised hyphen-glued word after "tỉnh" is a province of Laos or Cambodia in any spelling
    # (rule 4), alone or with the body before it; a district's word ("huyện", "bản") or a road ("tỉnh lộ") is none
    ("Trung tá Keo Vanna, Phó Giám đốc Cảnh sát tỉnh Rát-ta-na-ki-ri, phát biểu.",
     [("Trung tá", "RANK"), ("Keo Vanna", "PERSON"), ("Cảnh sát tỉnh Rát-ta-na-ki-ri", "ORG")]),
    ("Đoàn đại biểu tỉnh Rát-ta-na-ki-ri thăm tỉnh Gia Lai.",
     [("Rát-ta-na-ki-ri", "PROVINCE"), ("Gia Lai", "PROVINCE")]),
    ("Đoàn công tác tỉnh Mun-đôn-ki-ri sang thăm.", [("Mun-đôn-ki-ri", "PROVINCE")]),
    ("Sở Cảnh sát tỉnh Pô-thi-xắt tiếp nhận 3 đối tượng.",
     [("Sở Cảnh sát tỉnh Pô-thi-xắt", "ORG"), ("3 đối tượng", "QUANTITY")]),
    ("Phòng Cảnh sát hình sự Công an tỉnh Xê-xa-mạy đã bàn giao đối tượng.",
     [("Phòng Cảnh sát hình sự Công an tỉnh Xê-xa-mạy", "ORG")]),
    ("Tỉnh Xê-xa-mạy giáp tỉnh Quảng Trị.", [("Xê-xa-mạy", "PROVINCE"), ("Quảng Trị", "PROVINCE")]),
    ("Cảnh sát Ta-kèo và Cảnh sát Bát-tam-băng phối hợp.",
     [("Cảnh sát Ta-kèo", "ORG"), ("Cảnh sát Bát-tam-băng", "ORG")]),
    ("Xe chạy trên tỉnh lộ 8 qua tỉnh Quảng Nam.", [("Quảng Nam", "PROVINCE")]),
    ("Lực lượng chức năng huyện Xê-pôn bắt giữ 2 đối tượng.", [("2 đối tượng", "QUANTITY")]),
    ("Cán bộ bản Na-khăm thuộc huyện Xê-pôn tham dự.", []),
    ("Công an huyện Mường-xén bắt giữ đối tượng.", [("Công an huyện Mường-xén", "ORG")]),
    # a customs team named by its description and a bare province, as "Cục Hải quan An Giang"; the description alone
    # names no body
    ("Đội Kiểm soát Hải quan An Giang phối hợp kiểm tra 3 kho hàng.",
     [("Đội Kiểm soát Hải quan An Giang", "ORG"), ("3 kho", "QUANTITY")]),
    ("Đội Kiểm soát Hải quan tỉnh Quảng Trị phát hiện vụ việc.", [("Đội Kiểm soát Hải quan tỉnh Quảng Trị", "ORG")]),
    ("Đội Kiểm soát phòng, chống ma túy Hải quan Lạng Sơn bắt giữ đối tượng.",
     [("Đội Kiểm soát phòng, chống ma túy Hải quan Lạng Sơn", "ORG")]),
    ("Chi cục Hải quan Lạng Sơn và Cục Hải quan An Giang phát hiện vụ việc.",
     [("Chi cục Hải quan Lạng Sơn", "ORG"), ("Cục Hải quan An Giang", "ORG")]),
    ("Bộ đội Biên phòng Quảng Trị phối hợp với Công an Nghệ An.",
     [("Bộ đội Biên phòng Quảng Trị", "ORG"), ("Công an Nghệ An", "ORG")]),
    ("Hải quan Quảng Ninh và Kho bạc Nhà nước Lào Cai ký kết.",
     [("Hải quan Quảng Ninh", "ORG"), ("Kho bạc Nhà nước Lào Cai", "ORG")]),
    ("Công tác kiểm soát hải quan An Giang được tăng cường.", [("An Giang", "PROVINCE")]),
    ("Cục Hải quan Lạng Sơn và Chi cục Kiểm lâm Nghệ An phối hợp.",
     [("Cục Hải quan Lạng Sơn", "ORG"), ("Chi cục Kiểm lâm Nghệ An", "ORG")]),
    ("Chi cục Quản lý thị trường Lạng Sơn và Chi cục Thuế huyện Nam Đàn phối hợp.",
     [("Chi cục Quản lý thị trường Lạng Sơn", "ORG"), ("Chi cục Thuế huyện Nam Đàn", "ORG")]),
    ("Lực lượng chi cục kiểm lâm đã có mặt.", []),
    # brand names after "hiệu", "nhãn", "loại", "mẫu", "dòng" and the list after them are no persons
    ("Lực lượng thu giữ 20 thùng thuốc lá nhãn hiệu Hero, Jet và Craven.", [("20 thùng", "QUANTITY")]),
    ("Đối tượng Lò Văn Hùng khai mua thuốc lá hiệu Jet.", [("Lò Văn Hùng", "PERSON")]),
    ("Thu giữ 5 bao thuốc lá hiệu Jet, Công an tỉnh An Giang cho biết.",
     [("5 bao", "QUANTITY"), ("Công an tỉnh An Giang", "ORG")]),
    ("Kiểm tra 30 bao thuốc lá loại Esse, Hero và Jet.", [("30 bao", "QUANTITY")]),
    ("Lềnh và Dính bỏ trốn.", [("Lềnh", "PERSON"), ("Dính", "PERSON")]),
    # a border liaison office named by its gate without "qua", with its two countries and its gate; "BLO" alone is an
    # ORG, counted or generic it is none
    ("Văn phòng liên lạc biên giới Cầu Treo (BLO) đã trao đổi thông tin. Sau đó BLO xác minh nhân thân.",
     [("Văn phòng liên lạc biên giới Cầu Treo", "ORG"), ("BLO", "ORG"), ("BLO", "ORG")]),
    ("Văn phòng Liên lạc biên giới Lao Bảo tiếp nhận đối tượng.", [("Văn phòng Liên lạc biên giới Lao Bảo", "ORG")]),
    ("Văn phòng liên lạc biên giới Việt Nam - Lào tại Cầu Treo tổ chức họp.",
     [("Văn phòng liên lạc biên giới Việt Nam - Lào tại Cầu Treo", "ORG")]),
    ("BLO đã trao đổi 12 nguồn tin.", [("BLO", "ORG"), ("12 nguồn tin", "QUANTITY")]),
    ("Các BLO hai bên thường xuyên trao đổi. Hiện có 3 BLO hoạt động hiệu quả.", []),
    ("BLO Cầu Treo và BLO Nậm Cắn đã gặp nhau.", [("BLO Cầu Treo", "ORG"), ("BLO Nậm Cắn", "ORG")]),
    ("Văn phòng liên lạc qua biên giới cửa khẩu Cầu Treo họp.",
     [("Văn phòng liên lạc qua biên giới cửa khẩu Cầu Treo", "ORG")]),
    ("Hai bên thống nhất duy trì văn phòng liên lạc của hai nước.", []),
    # counters of programmes, plans and reforms (rule 5: one word); time words stay out
    ("Chương trình gồm 2 chuyên ngành và 3 yếu tố bảo an.",
     [("2 chuyên ngành", "QUANTITY"), ("3 yếu tố", "QUANTITY")]),
    ("Tỉnh đề ra 5 nhiệm vụ, 4 giải pháp, 3 kế hoạch và 5 mô hình trong 6 lĩnh vực.",
     [("5 nhiệm vụ", "QUANTITY"), ("4 giải pháp", "QUANTITY"), ("3 kế hoạch", "QUANTITY"), ("5 mô hình", "QUANTITY"),
      ("6 lĩnh vực", "QUANTITY")]),
    ("Đạt 10 tiêu chí, 2 phương án, 2 chương trình, 2 đề án, 20 học bổng.",
     [("10 tiêu chí", "QUANTITY"), ("2 phương án", "QUANTITY"), ("2 chương trình", "QUANTITY"),
      ("2 đề án", "QUANTITY"), ("20 học bổng", "QUANTITY")]),
    ("Trao 2 giải hình ảnh đẹp.", [("2 giải", "QUANTITY")]),
    ("Trong 6 tháng đầu năm, năm 2025 kế hoạch được giao.", []),
])
def test_glued_neighbour_provinces_customs_teams_brands_liaison_offices_and_plan_counters(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 15b) a source's abbreviation in brackets opening a lead before its dash is an ORG (rule 6, as
    # "(Baonghean.vn)"); a byline's role is none
    ("(BP) - Chiều 3/8, Đồn Biên phòng Nậm Cắn tổ chức tuần tra song phương.",
     [("BP", "ORG"), ("Đồn Biên phòng Nậm Cắn", "ORG")]),
    ("(VOV) - Ngày 2/4, Công an tỉnh Nghệ An tổ chức hội nghị.", [("VOV", "ORG"), ("Công an tỉnh Nghệ An", "ORG")]),
    ("(PV) - Ngày 2/4, Công an tỉnh Nghệ An tổ chức hội nghị.", [("Công an tỉnh Nghệ An", "ORG")]),
    ("(CTV) - Ngày 2/4, Công an tỉnh Nghệ An tổ chức hội nghị.", [("Công an tỉnh Nghệ An", "ORG")]),
    # a foreign body named by what it does, then its country (rule 3: the country names it); coordinated none
    ("Ủy ban Trung ương kiểm soát ma túy Myanmar cử đoàn sang dự.",
     [("Ủy ban Trung ương kiểm soát ma túy Myanmar", "ORG")]),
    ("Ủy ban Quốc gia phòng chống ma túy Lào (LCDC) cử đoàn sang dự.",
     [("Ủy ban Quốc gia phòng chống ma túy Lào", "ORG"), ("LCDC", "ORG")]),
    ("Ủy ban Trung ương kiểm soát ma túy Myanmar và Lào họp.", []),
    # a police or border post named by its gate (rule 3: it holds a place's name), of Vietnam or a neighbour
    ("Đại diện Đồn Cảnh sát cửa khẩu Prây Vo và Đồn Công an cửa khẩu quốc tế Cầu Treo đã ký biên bản.",
     [("Đồn Cảnh sát cửa khẩu Prây Vo", "ORG"), ("Đồn Công an cửa khẩu quốc tế Cầu Treo", "ORG")]),
    ("Đồn Cảnh sát cửa khẩu quốc tế Cầu Treo tuần tra.", [("Đồn Cảnh sát cửa khẩu quốc tế Cầu Treo", "ORG")]),
    ("Đồn Cảnh sát Prây Vo tiếp nhận đối tượng.", [("Đồn Cảnh sát Prây Vo", "ORG")]),
    # gold by the mace (rule 5: number and unit); "chỉ" after a number is "only" unless "vàng" follows
    ("Lực lượng chức năng thu giữ 14 chỉ vàng và 2 lượng bạc.", [("14 chỉ", "QUANTITY"), ("2 lượng", "QUANTITY")]),
    ("Lớp học có 5 chỉ tiêu, khóa 5 chỉ có 20 học viên.", [("5 chỉ tiêu", "QUANTITY"), ("20 học viên", "QUANTITY")]),
    ("Nhẫn 2 chỉ được bán. Đối tượng mua 3,5 chỉ vàng.", [("3,5 chỉ", "QUANTITY")]),
    # a dateline in capitals at the start of a later line (round-ups of briefs), as at the document's start
    ("Tin vắn trong tuần.\nHÀ GIANG – Đồn Biên phòng Lũng Cú bắt 2 đối tượng.",
     [("HÀ GIANG", "PROVINCE"), ("Đồn Biên phòng Lũng Cú", "ORG"), ("2 đối tượng", "QUANTITY")]),
    ("Tin vắn trong tuần.\nKIÊN GIANG – Đồn Biên phòng Lũng Cú bắt 2 đối tượng.",
     [("KIÊN GIANG", "PROVINCE"), ("Đồn Biên phòng Lũng Cú", "ORG"), ("2 đối tượng", "QUANTITY")]),
    ("Tin vắn trong tuần.\nHÀ TĨNH – Đồn Biên phòng Lũng Cú bắt 2 đối tượng.",
     [("HÀ TĨNH", "PROVINCE"), ("Đồn Biên phòng Lũng Cú", "ORG"), ("2 đối tượng", "QUANTITY")]),
    ("Tin vắn.\nHÀ GIANG – MỘT CÂU CHUYỆN", []),
    # a faculty of an academy after its dean's title is no person (rule 3: it names no body by itself)
    ("Tham dự có Đại tá, PGS.TS Nguyễn Văn Hòa, Trưởng Khoa Quốc tế, Học viện An ninh nhân dân.",
     [("Đại tá", "RANK"), ("Nguyễn Văn Hòa", "PERSON"), ("Học viện An ninh nhân dân", "ORG")]),
    ("Thượng tá Lê Hùng, Phó Trưởng Khoa Luật hình sự, phát biểu.", [("Thượng tá", "RANK"), ("Lê Hùng", "PERSON")]),
    ("Đại úy Nguyễn Đăng Khoa phát biểu.", [("Đại úy", "RANK"), ("Nguyễn Đăng Khoa", "PERSON")]),
    ("Trưởng Khoa Nguyễn Văn An phát biểu.", [("Nguyễn Văn An", "PERSON")]),
    # Lao names of spaced syllables listed after a colon, their country in brackets after the list; places none
    ("Bộ trưởng trao Bằng khen cho các đồng chí: Xổm Xạ Ạt Phôm Vi Hản, Bun Thăn Xay Nha Vông (Lào); Chan Dara, "
     "Meas Sophal (Campuchia).",
     [("Xổm Xạ Ạt Phôm Vi Hản", "PERSON"), ("Bun Thăn Xay Nha Vông", "PERSON"), ("Chan Dara", "PERSON"),
      ("Meas Sophal", "PERSON")]),
    ("Được khen thưởng gồm: Khăm Lạ Xi Xổm Phon, Phết Xa Vẳn Thong Đi (Lào).",
     [("Khăm Lạ Xi Xổm Phon", "PERSON"), ("Phết Xa Vẳn Thong Đi", "PERSON")]),
    ("Danh sách: Na Xay, Phôn Xay (Lào).", []),
    ("Các tỉnh: Sê Kông, Át Tạ Pư (Lào) tham dự.", [("Sê Kông", "PROVINCE"), ("Át Tạ Pư", "PROVINCE")]),
    # a full Sino-Vietnamese name before a verb said of persons ("hưởng lợi")
    ("Trong đường dây này, riêng Lý Kiến Hoa hưởng lợi hơn 3 tỷ đồng.",
     [("Lý Kiến Hoa", "PERSON"), ("3 tỷ đồng", "QUANTITY")]),
    ("Người dân Bình Dương hưởng lợi.", [("Bình Dương", "PROVINCE")]),
    # a later short form of a name given in full: after an adverb opening the sentence, governed before a sum
    ("Đối tượng Lâm Thị Thu Hằng (còn gọi là Hằng Béo) cầm đầu đường dây. Hiện Hằng đã bỏ trốn.",
     [("Lâm Thị Thu Hằng", "PERSON"), ("Hằng Béo", "PERSON"), ("Hằng", "PERSON")]),
    ("Đối tượng Trương Quốc Bình cầm đầu. Các đối tượng khai đã nhận của Bình 12 nghìn nhân dân tệ.",
     [("Trương Quốc Bình", "PERSON"), ("Bình", "PERSON"), ("12 nghìn nhân dân tệ", "QUANTITY")]),
    ("Đối tượng Nguyễn Văn Hiện cầm đầu. Hiện nay vụ án đang điều tra.", [("Nguyễn Văn Hiện", "PERSON")]),
    ("Đối tượng Trương Quốc Bình cầm đầu. Tiền của Bình Dương 12 tỷ đồng.",
     [("Trương Quốc Bình", "PERSON"), ("Bình Dương", "PROVINCE"), ("12 tỷ đồng", "QUANTITY")]),
    # initials alone on the last line are the byline (rule 6); "Ảnh: T.L" (tư liệu, an archive photo) stays none
    ("Đoàn chụp ảnh lưu niệm. Ảnh: Minh Hà\nT.L", [("Minh Hà", "PERSON"), ("T.L", "PERSON")]),
    ("Ảnh: T.L", []),
    ("Ảnh: T.L\nĐoàn công tác tại cửa khẩu.", []),
    ("Đoàn công tác tại cửa khẩu.\nH.A", [("H.A", "PERSON")]),
])
def test_lead_sources_foreign_committees_gate_posts_gold_datelines_faculties_lao_lists_and_short_forms(nlp, text,
                                                                                                      expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 15a) title-case headlines: a unit or department with its description in title case is one ORG with
    # its parent, as in lower case (rule 2, outermost); a border post in title case; an officer's rank in title case
    # is a RANK, and the name after it ends on its given name before the headline's verb; a headline naming no body
    # is nothing
    ("Trao Tặng Bằng Khen Cho Phòng Cảnh Sát Kinh Tế Công An Tỉnh Quảng Trị",
     [("Phòng Cảnh Sát Kinh Tế Công An Tỉnh Quảng Trị", "ORG")]),
    ("Đồn Biên Phòng Cửa Khẩu Quốc Tế Lao Bảo tổ chức tuần tra song phương.",
     [("Đồn Biên Phòng Cửa Khẩu Quốc Tế Lao Bảo", "ORG")]),
    ("Phòng Cảnh Sát Hình Sự Công An Tỉnh Sơn La đã vào cuộc xác minh.",
     [("Phòng Cảnh Sát Hình Sự Công An Tỉnh Sơn La", "ORG")]),
    ("Cục Cảnh Sát Hình Sự Bộ Công An", [("Cục Cảnh Sát Hình Sự Bộ Công An", "ORG")]),
    ("Cục Cảnh Sát Điều Tra Tội Phạm Về Ma Túy Bộ Công An",
     [("Cục Cảnh Sát Điều Tra Tội Phạm Về Ma Túy Bộ Công An", "ORG")]),
    ("Đội Cảnh Sát Giao Thông Trật Tự Công An Huyện Kỳ Sơn",
     [("Đội Cảnh Sát Giao Thông Trật Tự Công An Huyện Kỳ Sơn", "ORG")]),
    ("Phòng An Ninh Kinh Tế Công An Tỉnh Nghệ An Phối Hợp Bắt Giữ", [("Phòng An Ninh Kinh Tế Công An Tỉnh Nghệ An", "ORG")]),
    ("Bộ Chỉ Huy Bộ Đội Biên Phòng Tỉnh Quảng Trị Tổ Chức Hội Nghị",
     [("Bộ Chỉ Huy Bộ Đội Biên Phòng Tỉnh Quảng Trị", "ORG")]),
    ("Phòng Tham Mưu Bộ Chỉ Huy Bộ Đội Biên Phòng Tỉnh Quảng Trị",
     [("Phòng Tham Mưu Bộ Chỉ Huy Bộ Đội Biên Phòng Tỉnh Quảng Trị", "ORG")]),
    ("Đội Trinh Sát Đồn Biên Phòng Na Mèo", [("Đội Trinh Sát Đồn Biên Phòng Na Mèo", "ORG")]),
    ("Đồn Biên Phòng Na Mèo bắt 2 đối tượng.", [("Đồn Biên Phòng Na Mèo", "ORG"), ("2 đối tượng", "QUANTITY")]),
    ("Thiếu Tướng Nguyễn Văn Hải Thăm Công An Tỉnh Hà Giang",
     [("Thiếu Tướng", "RANK"), ("Nguyễn Văn Hải", "PERSON"), ("Công An Tỉnh Hà Giang", "ORG")]),
    ("Đại Tá Lê Văn Minh Nhận Nhiệm Vụ Mới", [("Đại Tá", "RANK"), ("Lê Văn Minh", "PERSON")]),
    ("Bà Nguyễn Thị Minh Khai", [("Nguyễn Thị Minh Khai", "PERSON")]),
    ("Tăng Cường Phối Hợp Phòng Chống Ma Túy Qua Biên Giới", []),
    ("Tặng Bằng Khen Cho Phòng Cảnh Sát Hình Sự", []),
    # ("Phòng Chống Ma Túy" is the field, as "Phòng chống ma túy Công an tỉnh X" in lower case)
    ("Phòng Chống Ma Túy Công An Tỉnh Nghệ An Triệt Phá Đường Dây", [("Công An Tỉnh Nghệ An", "ORG")]),
    ("Phòng chống ma túy Công an tỉnh Nghệ An triệt phá đường dây.", [("Công an tỉnh Nghệ An", "ORG")]),
    # a title, a body with its place, then a name with no comma: ORG + PERSON (rule 1: the title is not annotated);
    # "BLO tỉnh X" is a body named by its province (rule 3); without a name nothing more
    ("Trưởng BLO Hà Tĩnh Nguyễn Đức Lâm cho biết hai bên đã trao đổi 12 nguồn tin.",
     [("BLO Hà Tĩnh", "ORG"), ("Nguyễn Đức Lâm", "PERSON"), ("12 nguồn tin", "QUANTITY")]),
    ("Theo Trưởng BLO tỉnh Gia Lai Rơ Châm Hiêng, đơn vị đã tiếp nhận 8 nguồn tin.",
     [("BLO tỉnh Gia Lai", "ORG"), ("Rơ Châm Hiêng", "PERSON"), ("8 nguồn tin", "QUANTITY")]),
    ("Phó trưởng BLO Cầu Treo Phan Văn Hòa phát biểu.", [("BLO Cầu Treo", "ORG"), ("Phan Văn Hòa", "PERSON")]),
    ("Phó trưởng Công an huyện Mường Tè Phan Minh Trí cho biết.",
     [("Công an huyện Mường Tè", "ORG"), ("Phan Minh Trí", "PERSON")]),
    ("Giám đốc Công an tỉnh Lai Châu Nguyễn Văn An phát biểu.",
     [("Công an tỉnh Lai Châu", "ORG"), ("Nguyễn Văn An", "PERSON")]),
    ("Chỉ huy trưởng Đồn Biên phòng Na Mèo Lê Văn Bình cho biết.",
     [("Đồn Biên phòng Na Mèo", "ORG"), ("Lê Văn Bình", "PERSON")]),
    ("Trưởng BLO Hà Tĩnh cho biết hai bên đã trao đổi.", [("BLO Hà Tĩnh", "ORG")]),
    ("Đại diện BLO tỉnh Gia Lai cho biết.", [("BLO tỉnh Gia Lai", "ORG")]),
    ("Các BLO tỉnh Gia Lai đã họp.", [("Gia Lai", "PROVINCE")]),
    # a Lao name of two hyphen-glued words after "Chủ tịch tỉnh", "Bí thư tỉnh" is a PERSON ("tỉnh" is part of the
    # title); a known province spelling, one glued word alone, or a third glued word keep the PROVINCE (rule 4)
    ("Làm việc với đoàn có Phó Chủ tịch tỉnh Xổm-phăn Phôm-ma-chăn và lãnh đạo các sở.",
     [("Xổm-phăn Phôm-ma-chăn", "PERSON")]),
    ("Phó Chủ tịch tỉnh Khăm-phoong Xay-nha-vông cảm ơn sự giúp đỡ của Việt Nam.",
     [("Khăm-phoong Xay-nha-vông", "PERSON")]),
    ("Bí thư tỉnh Khăm-phoong Xay-nha-vông phát biểu.", [("Khăm-phoong Xay-nha-vông", "PERSON")]),
    ("Phó Tỉnh trưởng tỉnh Xay-nha-bu-ly Bun-mi Phăn-thạ-vông chủ trì buổi tiếp.",
     [("Xay-nha-bu-ly", "PROVINCE"), ("Bun-mi Phăn-thạ-vông", "PERSON")]),
    ("Phó Chủ tịch tỉnh Xê-xa-mạy Bun-mi Phăn-thạ-vông phát biểu.",
     [("Xê-xa-mạy", "PROVINCE"), ("Bun-mi Phăn-thạ-vông", "PERSON")]),
    ("Chủ tịch tỉnh Xê-xa-mạy cho biết.", [("Xê-xa-mạy", "PROVINCE")]),
    ("Đoàn công tác tỉnh Mun-đôn-ki-ri sang thăm.", [("Mun-đôn-ki-ri", "PROVINCE")]),
    ("Tiếp đoàn có ông Xổm-phăn Phôm-ma-chăn, Phó Chủ tịch tỉnh Xay-nha-bu-ly, cùng các sở ngành.",
     [("Xổm-phăn Phôm-ma-chăn", "PERSON"), ("Xay-nha-bu-ly", "PROVINCE")]),
    # a prison with its number or place and its ministry right after it is one ORG (rule 2, outermost, as "Tổng cục
    # Cảnh sát Bộ Công an Lào"); in brackets the ministry is its own span
    ("Cán bộ Trại giam số 5 Bộ Công an đã tham gia buổi tuyên truyền.", [("Trại giam số 5 Bộ Công an", "ORG")]),
    ("Trại giam số 6 Bộ Công an tổ chức tuyên truyền pháp luật cho 120 phạm nhân.",
     [("Trại giam số 6 Bộ Công an", "ORG"), ("120 phạm nhân", "QUANTITY")]),
    ("Phạm nhân đang chấp hành án tại Trại giam số 3 (Bộ Công an) đã được đặc xá.",
     [("Trại giam số 3", "ORG"), ("Bộ Công an", "ORG")]),
    ("Trại giam Thanh Xuân Bộ Công an tổ chức hội nghị.", [("Trại giam Thanh Xuân Bộ Công an", "ORG")]),
    ("Trại tạm giam Công an tỉnh Nghệ An tổ chức hội nghị.", [("Trại tạm giam Công an tỉnh Nghệ An", "ORG")]),
    # a full name from a Khmer family name of the Mekong delta (Thạch, Danh) after a verb of arrest or trial, its
    # middle word in no list; "Thạch Hà", "Thạch Bàn" after a place word are places
    ("Tổ công tác đã bắt giữ Thạch Sô Phia khi hắn đang vận chuyển 3 bánh heroin.",
     [("Thạch Sô Phia", "PERSON"), ("3 bánh", "QUANTITY")]),
    ("Bắt quả tang Thạch Sô Phát cùng tang vật.", [("Thạch Sô Phát", "PERSON")]),
    ("Tổ công tác đã bắt Danh Sa Rinh cùng tang vật.", [("Danh Sa Rinh", "PERSON")]),
    ("Cơ quan điều tra đã triệu tập Thạch Thị Sa Rươl và Danh Út để làm rõ.",
     [("Thạch Thị Sa Rươl", "PERSON"), ("Danh Út", "PERSON")]),
    ("Công an huyện Thạch Hà bắt 2 đối tượng.", [("Công an huyện Thạch Hà", "ORG"), ("2 đối tượng", "QUANTITY")]),
    ("Công an phường Thạch Bàn bắt 2 đối tượng.", [("Công an phường Thạch Bàn", "ORG"), ("2 đối tượng", "QUANTITY")]),
    ("Người dân xã Thạch Bàn đã giao nộp.", []),
    # a suspect's or defendant's nickname after the lower-case cue is a PERSON, listed or not; a body, a country, a
    # province or a title-case headline is none
    ("Đối tượng Tèo khai nhận đã mua ma túy của một người đàn ông ở Lào.", [("Tèo", "PERSON")]),
    ("Đối tượng Hùng khai nhận đã mua ma túy của một người đàn ông ở Lào.", [("Hùng", "PERSON")]),
    ("Bị can Tý khai nhận hành vi.", [("Tý", "PERSON")]),
    ("Cơ quan điều tra triệu tập đối tượng Hai Lúa để làm rõ.", [("Hai Lúa", "PERSON")]),
    ("Đối tượng Công an tỉnh Nghệ An triệu tập đã đến.", [("Công an tỉnh Nghệ An", "ORG")]),
    ("Bắt Đối Tượng Vận Chuyển Ma Túy Qua Biên Giới", []),
    ("Lực lượng chức năng bắt đối tượng Lào cùng tang vật.", []),
    ("Các đối tượng Nghệ An và Hà Tĩnh đã bị bắt.", [("Nghệ An", "PROVINCE"), ("Hà Tĩnh", "PROVINCE")]),
    ("Đối tượng Facebook bị khóa, nhóm đối tượng Viettel giả mạo.", []),
])
def test_title_case_units_liaison_chiefs_lao_chairmen_prisons_khmer_names_and_nicknames(nlp, text, expected):
    assert ents(nlp, text) == expected


# ---------------------------------------------------------------- session 15c
@pytest.mark.parametrize("text, expected", [
    # the items of a list after "các huyện", "các xã", "các bản", "các thị xã" are districts, communes, villages (rule 4):
    # no PROVINCE though a district shares a province's name, no PERSON though it looks like a name
    ("Tuần tra trên địa bàn các huyện Nậm Pồ, Mường Chà và Điện Biên, phát hiện 2 đối tượng.",
     [("2 đối tượng", "QUANTITY")]),
    ("Dự hội nghị có đại diện Công an các huyện Xốp Bâu, Khăm, Viêng Thòng của tỉnh Hủa Phăn.",
     [("Hủa Phăn", "PROVINCE")]),
    ("Hài cốt liệt sĩ được tìm thấy tại các huyện Xa Mạy, Ta Ôi, Ka Lừm của tỉnh Sa La Van.",
     [("Sa La Van", "PROVINCE")]),
    ("Lãnh đạo các xã Mường Nhé, Chung Chải và thị trấn Mường Chà dự họp.", []),
    ("Ba bản Huổi Lả, Nậm Kè, Pa Tần của xã Mường Toong được hỗ trợ.", []),
    ("Đoàn công tác đến các thị xã Mường Lay, Sa Pa và TP Điện Biên Phủ.", []),
    ("Các huyện Tuần Giáo và Điện Biên Đông của tỉnh Điện Biên có đường biên giới.", [("Điện Biên", "PROVINCE")]),
    # ... a person named in the document keeps the name, the district named like the person stays nothing
    ("Thiếu tướng Khăm Phăn Phôm Ma Thắt, Giám đốc Công an tỉnh Hủa Phăn, phát biểu. Dự hội nghị có Công an các "
     "huyện Xốp Bâu, Khăm, Mọc Mày của tỉnh Hủa Phăn. Ông Khăm cảm ơn.",
     [("Thiếu tướng", "RANK"), ("Khăm Phăn Phôm Ma Thắt", "PERSON"), ("Công an tỉnh Hủa Phăn", "ORG"),
      ("Hủa Phăn", "PROVINCE"), ("Khăm", "PERSON")]),
    # ... must stay: coordinated provinces (rule 3), a person after the list, a body after it
    ("Công an các tỉnh Điện Biên, Sơn La và Lai Châu dự họp.",
     [("Điện Biên", "PROVINCE"), ("Sơn La", "PROVINCE"), ("Lai Châu", "PROVINCE")]),
    ("Tuần tra các huyện Mường Chà, Nậm Pồ; Thượng tá Lò Văn Minh phát biểu.",
     [("Thượng tá", "RANK"), ("Lò Văn Minh", "PERSON")]),
    ("Công an các huyện Mường Chà, Nậm Pồ và Công an tỉnh Lai Châu phối hợp.", [("Công an tỉnh Lai Châu", "ORG")]),
    ("Công an các huyện, thị xã của tỉnh Điện Biên đã tham dự.", [("Điện Biên", "PROVINCE")]),
    # an ethnic group after "người", "dân tộc", "đồng bào" is no person (gazetteers/ethnic-group.txt)
    ("Đối tượng Hồ Thị Lan (người Vân Kiều, SN 1995) bị bắt.", [("Hồ Thị Lan", "PERSON")]),
    ("Y Blin Niê là người Ê Đê, còn Rơ Mah Hlang là người Gia Rai.",
     [("Y Blin Niê", "PERSON"), ("Rơ Mah Hlang", "PERSON")]),
    ("Đồng bào các dân tộc Mông, Dao, Khơ Mú và Thái sinh sống tại đây.", []),
    ("Bắt giữ Lò Văn Thành (dân tộc Thái, SN 1988) và Hờ A Dình (dân tộc Mông, SN 1992).",
     [("Lò Văn Thành", "PERSON"), ("Hờ A Dình", "PERSON")]),
    ("Anh Vừ A Dình là người H'Mông, sinh năm 1990.", [("Vừ A Dình", "PERSON")]),
    ("Người dân tộc thiểu số Ê-đê ở Đắk Lắk.", [("Đắk Lắk", "PROVINCE")]),
    # ... the person of the same name keeps it; a province after "người" stays a province
    ("Bà Hoa là người Hoa, còn ông Nguyễn Văn Thái là người Tày.",
     [("Hoa", "PERSON"), ("Nguyễn Văn Thái", "PERSON")]),
    ("Bà Nguyễn Thị Hoa là người Thái Bình.", [("Nguyễn Thị Hoa", "PERSON"), ("Thái Bình", "PROVINCE")]),
    # an alias in brackets after a name, opened by "tức", "còn gọi là", "biệt danh", is its own PERSON, one syllable too
    ("Cầm đầu là Lê Văn Tâm (tức Tý, SN 1990, trú tại Cần Thơ).",
     [("Lê Văn Tâm", "PERSON"), ("Tý", "PERSON"), ("Cần Thơ", "PROVINCE")]),
    ("Bắt giữ Xổm-phon Phăn-thạ-vông (còn gọi là Phon, 45 tuổi, trú tại huyện Xốp Bâu).",
     [("Xổm-phon Phăn-thạ-vông", "PERSON"), ("Phon", "PERSON")]),
    ("Đối tượng Lê Văn Tâm (biệt danh Tý, 35 tuổi) bị bắt.", [("Lê Văn Tâm", "PERSON"), ("Tý", "PERSON")]),
    ("Cầm đầu là Trần Văn Hùng (tức Hùng Sẹo, SN 1985).", [("Trần Văn Hùng", "PERSON"), ("Hùng Sẹo", "PERSON")]),
    # ... a year of the zodiac, a body or a post in the bracket is none
    ("Sinh năm Tý, Lê Văn Tâm đã bỏ trốn.", [("Lê Văn Tâm", "PERSON")]),
    ("Đối tượng Lê Văn Tâm (SN năm Tý) bị bắt.", [("Lê Văn Tâm", "PERSON")]),
    ("Ông Lò Văn Pọm (tức là Trưởng bản) phát biểu.", [("Lò Văn Pọm", "PERSON")]),
    # a country's armed forces named with it are an ORG (rule 3, as "Cảnh sát Hoàng gia Thái Lan")
    ("Tham dự có đại diện Hải quân Hoàng gia Campuchia và Quân đội Hoàng gia Campuchia.",
     [("Hải quân Hoàng gia Campuchia", "ORG"), ("Quân đội Hoàng gia Campuchia", "ORG")]),
    ("Đại diện Quân đội nhân dân Lào và Hải quân nhân dân Việt Nam cùng tham dự.",
     [("Quân đội nhân dân Lào", "ORG"), ("Hải quân nhân dân Việt Nam", "ORG")]),
    ("Không quân Hoàng gia Thái Lan và Lục quân Hoàng gia Campuchia.",
     [("Không quân Hoàng gia Thái Lan", "ORG"), ("Lục quân Hoàng gia Campuchia", "ORG")]),
    ("Bộ Tư lệnh Hải quân Campuchia tham dự.", [("Bộ Tư lệnh Hải quân Campuchia", "ORG")]),
    ("Trung tá Lò Văn Hải dự họp. Tham dự có đại diện Hải quân Hoàng gia Campuchia. Hải cho biết thêm.",
     [("Trung tá", "RANK"), ("Lò Văn Hải", "PERSON"), ("Hải quân Hoàng gia Campuchia", "ORG"), ("Hải", "PERSON")]),
    # ... not in lower case, not coordinated countries (generic)
    ("Lực lượng hải quân hai nước tuần tra chung.", []),
    ("Tàu hải quân Campuchia cập cảng.", []),
    ("Hải quân Việt Nam và Campuchia tuần tra chung.", []),
    # a team of a border post named by its task, with the post, is one ORG (rule 2, outermost)
    ("Thiếu tá Y Khoa, Đội trưởng Đội vận động quần chúng Đồn Biên phòng Ia Lốp, phát biểu.",
     [("Thiếu tá", "RANK"), ("Y Khoa", "PERSON"), ("Đội vận động quần chúng Đồn Biên phòng Ia Lốp", "ORG")]),
    ("Đội trinh sát Đồn Biên phòng Na Mèo bắt 2 đối tượng.",
     [("Đội trinh sát Đồn Biên phòng Na Mèo", "ORG"), ("2 đối tượng", "QUANTITY")]),
    ("Đội tuần tra kiểm soát Đồn Biên phòng Na Mèo và Đội vũ trang Đồn Biên phòng Ia Lốp phối hợp.",
     [("Đội tuần tra kiểm soát Đồn Biên phòng Na Mèo", "ORG"), ("Đội vũ trang Đồn Biên phòng Ia Lốp", "ORG")]),
    ("Đội phòng, chống ma túy và tội phạm Đồn Biên phòng cửa khẩu Na Mèo bắt 2 đối tượng.",
     [("Đội phòng, chống ma túy và tội phạm Đồn Biên phòng cửa khẩu Na Mèo", "ORG"), ("2 đối tượng", "QUANTITY")]),
    ("Đội kiểm soát cửa khẩu Đồn Biên phòng cửa khẩu quốc tế Lao Bảo bắt 2 đối tượng.",
     [("Đội kiểm soát cửa khẩu Đồn Biên phòng cửa khẩu quốc tế Lao Bảo", "ORG"), ("2 đối tượng", "QUANTITY")]),
    # ... not a team in lower case or a force, nor words that are no task
    ("Các đội trinh sát Đồn Biên phòng Na Mèo đã vào cuộc.", [("Đồn Biên phòng Na Mèo", "ORG")]),
    ("Lực lượng trinh sát Đồn Biên phòng Na Mèo bắt 2 đối tượng.",
     [("Đồn Biên phòng Na Mèo", "ORG"), ("2 đối tượng", "QUANTITY")]),
    ("Đội đã phối hợp vận động quần chúng Đồn Biên phòng Ia Lốp.", [("Đồn Biên phòng Ia Lốp", "ORG")]),
    # a short form of a nickname given earlier, after "cho" and before an amount
    ("Đối tượng Thào A Sình (tức Sình Lùn) là người cầm đầu. Y khai đã chuyển cho Sình 50 nghìn nhân dân tệ.",
     [("Thào A Sình", "PERSON"), ("Sình Lùn", "PERSON"), ("Sình", "PERSON"), ("50 nghìn nhân dân tệ", "QUANTITY")]),
    ("Anh Lò Văn Hải cho biết, tỉnh đã cấp cho Hải 20 con bò.",
     [("Lò Văn Hải", "PERSON"), ("Hải", "PERSON"), ("20 con", "QUANTITY")]),
    ("Hỗ trợ cho Lai Châu 50 tỷ đồng.", [("Lai Châu", "PROVINCE"), ("50 tỷ đồng", "QUANTITY")]),
])
def test_district_lists_ethnic_groups_aliases_armed_forces_teams_of_posts_and_nicknames(nlp, text, expected):
    assert ents(nlp, text) == expected


# ---------------------------------------------------------------- session 16b
@pytest.mark.parametrize("text, expected", [
    # a village's name after "bản", "Trưởng bản", "cặp bản kết nghĩa", "lối mở" is no person (rules 1 and 4), nor
    # where it recurs in the document; the persons after it and "ông Khăm" (a person's cue) stay
    ("Cặp bản kết nghĩa Na Hiêng – Huổi Khăm vun đắp tình hữu nghị\nNgày 3/4, tại nhà văn hóa bản Na Hiêng, xã Pù "
     "Nhi, huyện Mường Lát, Đồn Biên phòng Pù Nhi tổ chức giao lưu cặp bản kết nghĩa Na Hiêng (Việt Nam) – Huổi Khăm "
     "(Lào).\nTrưởng bản Huổi Khăm, ông Thoong Khăm, và Trưởng bản Na Hiêng, ông Lò Văn Phanh, đã ký bản ghi nhớ.\n"
     "Đồn tặng bản Huổi Khăm 50 phần quà; phía bạn tặng bản Na Hiêng 3 con trâu. Bà con bản Na Hiêng phấn khởi.",
     [("Đồn Biên phòng Pù Nhi", "ORG"), ("Thoong Khăm", "PERSON"), ("Lò Văn Phanh", "PERSON"), ("50 phần", "QUANTITY"),
      ("3 con", "QUANTITY")]),
    ("Ông Giàng A Páo, Trưởng bản Nậm Lịch cho biết, bản có 64 hộ.", [("Giàng A Páo", "PERSON"), ("64 hộ", "QUANTITY")]),
    ("Trao quà cho 20 hộ nghèo của bản Nậm Lịch 2 và bản Pa Cheo.", [("20 hộ", "QUANTITY")]),
    ("Bản Huổi Lả có 64 hộ. Trưởng bản Huổi Lả đã báo cáo.", [("64 hộ", "QUANTITY")]),
    ("Bộ đội tuần tra qua lối mở Pa Tần. Lối mở Pa Tần nằm trên tuyến biên giới.", []),
    ("Đồn ký kết nghĩa với bản Phiêng Pằn.\nTrưởng bản Phiêng Pằn, ông Lò Văn Thoong, cho biết. Phiêng Pằn có 50 hộ.",
     [("Lò Văn Thoong", "PERSON"), ("50 hộ", "QUANTITY")]),
    ("Thiếu tá Lò Văn Khăm đến bản Huổi Khăm. Ông Khăm cho biết bản có 30 hộ.",
     [("Thiếu tá", "RANK"), ("Lò Văn Khăm", "PERSON"), ("Khăm", "PERSON"), ("30 hộ", "QUANTITY")]),
    # ... must stay: a full name with a middle name after the cue is a person; "bản" of a document or of "Nhật Bản"
    ("Trưởng bản Lò Văn Pọm cho biết, bản có 40 hộ.", [("Lò Văn Pọm", "PERSON"), ("40 hộ", "QUANTITY")]),
    ("Ông Vi Văn Nam là Trưởng bản Co Phen.\nNam cho biết.", [("Vi Văn Nam", "PERSON"), ("Nam", "PERSON")]),
    ("Hai bên đã ký bản ghi nhớ hợp tác.", []),
    ("Đại sứ Nhật Bản Takio Yamada phát biểu.", [("Takio Yamada", "PERSON")]),
    # a Lao name in spaced syllables runs on over the Lao syllables after five words, up to eight (rule 1, maximal)
    ("Thay mặt phía bạn, ông Khăm Xay Vắt Xi Xu Vông, Phó Tỉnh trưởng tỉnh Bò Kẹo, cảm ơn Việt Nam.",
     [("Khăm Xay Vắt Xi Xu Vông", "PERSON"), ("Bò Kẹo", "PROVINCE")]),
    ("Thủ khoa là học viên Bun Xu Li Phon Ma Vông (Bounsouly Phommavong) đến từ tỉnh Xê Kông.",
     [("Bun Xu Li Phon Ma Vông", "PERSON"), ("Bounsouly Phommavong", "PERSON"), ("Xê Kông", "PROVINCE")]),
    ("Đại tá Xổm Xay Phôm Ma Chăn Vông Xay phát biểu.", [("Đại tá", "RANK"), ("Xổm Xay Phôm Ma Chăn Vông Xay", "PERSON")]),
    # ... not a Vietnamese name, not over a country
    ("Ông Nguyễn Văn Thị Minh Hùng Vông cho biết.", [("Nguyễn Văn Thị Minh Hùng", "PERSON")]),
    ("Học viên Bun Xu Li Phon Ma Vông Lào tham dự.", [("Bun Xu Li Phon Ma Vông", "PERSON")]),
    # Cambodia's provincial police "Ty Công an tỉnh X" is one ORG with "Ty" (rule 2, outermost)
    ("Đơn vị đã trao đổi 40 tin với Ty Công an tỉnh Môn Đun Ki Ri và Ty Công an tỉnh Kra Chê.",
     [("40 tin", "QUANTITY"), ("Ty Công an tỉnh Môn Đun Ki Ri", "ORG"), ("Ty Công an tỉnh Kra Chê", "ORG")]),
    ("Ty Cảnh sát tỉnh Svay Rieng và Ty Công an tỉnh Tbong Khmum.",
     [("Ty Cảnh sát tỉnh Svay Rieng", "ORG"), ("Ty Công an tỉnh Tbong Khmum", "ORG")]),
    # ... not a given name "Ty" before a body
    ("Ông Nguyễn Văn Ty Công an tỉnh Nghệ An phát biểu.", [("Nguyễn Văn Ty", "PERSON"), ("Công an tỉnh Nghệ An", "ORG")]),
    # the parliament is a unique national body (rule 3), also before a verb and inside "đại biểu Quốc hội"
    ("Luật Phòng, chống ma túy năm 2021 do Quốc hội thông qua.", [("Quốc hội", "ORG")]),
    ("Quốc hội thông qua luật.", [("Quốc hội", "ORG")]),
    ("Đoàn đại biểu Quốc hội Lào thăm Việt Nam.", [("Quốc hội Lào", "ORG")]),
    ("Ông là đại biểu Quốc hội khóa XV.", [("Quốc hội", "ORG")]),
    # ... not in lower case
    ("Các nghị sĩ quốc hội đã bỏ phiếu.", []),
    # the armed police of 1959-1979 holds a place's name (rule 3): a post, a numbered company of it, its province
    ("Lễ kỷ niệm có đại diện Đồn Công an vũ trang Cửa Việt và Đại đội 5 Công an vũ trang Vĩnh Linh.",
     [("Đồn Công an vũ trang Cửa Việt", "ORG"), ("Đại đội 5 Công an vũ trang Vĩnh Linh", "ORG")]),
    ("Ra đời năm 1959 với tên gọi Công an nhân dân vũ trang tỉnh Quảng Bình, lực lượng đã lập nhiều chiến công.",
     [("Công an nhân dân vũ trang tỉnh Quảng Bình", "ORG")]),
    # ... a numbered unit with a named parent is one ORG (rule 2, outermost)
    ("Hải đội 2 Bộ đội Biên phòng tỉnh Quảng Ninh tuần tra.", [("Hải đội 2 Bộ đội Biên phòng tỉnh Quảng Ninh", "ORG")]),
    ("Công an vũ trang tỉnh Quảng Bình và Công an nhân dân vũ trang Hà Tĩnh.",
     [("Công an vũ trang tỉnh Quảng Bình", "ORG"), ("Công an nhân dân vũ trang Hà Tĩnh", "ORG")]),
    # ... not the force with no place, nor a month before a body
    ("Lực lượng Công an vũ trang đã chiến đấu.", []),
    ("Tháng 3 Công an tỉnh Nghệ An tổ chức.", [("Công an tỉnh Nghệ An", "ORG")]),
    # customs named by its gate (rule 3) after a gate's name ending on "Khẩu": no description starts on "Khẩu"
    ("Hai bên có đại diện Trạm Kiểm tra biên phòng cửa khẩu Thủy Khẩu và Hải quan Thủy Khẩu.",
     [("Trạm Kiểm tra biên phòng cửa khẩu Thủy Khẩu", "ORG"), ("Hải quan Thủy Khẩu", "ORG")]),
    ("Đại diện Hải quan cửa khẩu Lào Cai phát biểu.", [("Hải quan cửa khẩu Lào Cai", "ORG")]),
    # ... not "hải quan" in lower case
    ("Lực lượng hải quan đã kiểm tra.", []),
    # a general school or an association named by its province or district is one ORG (rule 3: a place's name)
    ("Học bổng được trao tại Trường Phổ thông Dân tộc nội trú tỉnh Sóc Trăng, mỗi suất 2 triệu đồng.",
     [("Trường Phổ thông Dân tộc nội trú tỉnh Sóc Trăng", "ORG"), ("2 triệu đồng", "QUANTITY")]),
    ("Trường PTDTNT huyện Mường Tè và Trường THPT thị xã Mường Lay nhận quà.",
     [("Trường PTDTNT huyện Mường Tè", "ORG"), ("Trường THPT thị xã Mường Lay", "ORG")]),
    ("Đồn phối hợp với UBND xã Mù Cả và Hội Doanh nhân trẻ huyện Mường Tè tổ chức chương trình.",
     [("UBND xã Mù Cả", "ORG"), ("Hội Doanh nhân trẻ huyện Mường Tè", "ORG")]),
    ("Hội Liên hiệp Phụ nữ xã Ia Dom trao 30 suất quà.", [("Hội Liên hiệp Phụ nữ xã Ia Dom", "ORG"), ("30 suất", "QUANTITY")]),
    # ... no place, no ORG (rule 3)
    ("Hội Doanh nhân trẻ đã trao quà.", []),
    # counters (rule 5): one digit after "Ban Chỉ đạo" counts what it leads; "hải đội" is a unit
    ("Dự có lãnh đạo Ban Chỉ đạo 6 huyện, thành phố và 13 đồn, 1 hải đội.",
     [("6 huyện", "QUANTITY"), ("13 đồn", "QUANTITY"), ("1 hải đội", "QUANTITY")]),
    ("Hải đội 2 tuần tra cùng 3 hải đội khác.", [("3 hải đội", "QUANTITY")]),
    # ... a steering committee named by its decision's number (two digits or more) is no count
    ("Ban Chỉ đạo 389 tỉnh Nghệ An họp.", [("Ban Chỉ đạo 389 tỉnh Nghệ An", "ORG")]),  # (one ORG since session 18b)
    ("Ban Chỉ đạo 138 huyện đã triển khai.", []),
    # Khmer names (rule 1): the prefix "Néang" (a woman's) or "Chau" (a man's) opens a name, inside the span; a Khmer
    # family name in Vietnamese script ("Sóc", Sok) before given names in Latin script; "Kam Pốt" is Kampot
    ("Em Néang Sa Rươn, học sinh lớp 9, cảm ơn các chú bộ đội.", [("Néang Sa Rươn", "PERSON")]),
    ("Học viên Campuchia có kết quả cao nhất là Sóc Vanna Rith, quê ở Kam Pốt.",
     [("Sóc Vanna Rith", "PERSON"), ("Kam Pốt", "PROVINCE")]),
    ("Anh Chau Sóc Kha cho biết.", [("Chau Sóc Kha", "PERSON")]),
    ("Học viên Néang Sa Rươn và Chau Ra Tha nhận giấy khen.", [("Néang Sa Rươn", "PERSON"), ("Chau Ra Tha", "PERSON")]),
    # ... not an unaccented place of one word after "Chau"
    ("Đoàn đến Chau Doc.", []),
])
def test_villages_lao_names_neighbour_police_historic_units_customs_parliament_schools_counters_and_khmer_names(
        nlp, text, expected):
    assert ents(nlp, text) == expected


# ---------------------------------------------------------------- session 16a
@pytest.mark.parametrize("text, expected", [
    # a full name before ", tức <alias>," is a PERSON as well as the alias (rule 1); after "tức" the capitalised words up
    # to the comma are the alias, a country's name among them
    ("Tòa tuyên giảm án cho Trần Minh Đức, tức Đức Béo, xuống 12 năm tù.",
     [("Trần Minh Đức", "PERSON"), ("Đức Béo", "PERSON")]),
    ("Tòa giảm cho Lê Quang Vinh, tức Vinh Mập, từ 18 năm xuống 16 năm tù.",
     [("Lê Quang Vinh", "PERSON"), ("Vinh Mập", "PERSON")]),
    ("Đối tượng Lò Văn Pọm, tức Pọm Lào, đã nhiều năm sống ở Lào.", [("Lò Văn Pọm", "PERSON"), ("Pọm Lào", "PERSON")]),
    ("Bắt giữ Xổm-phết Vông-xay, tức Phết Lào, tại bản Na Khăm.",
     [("Xổm-phết Vông-xay", "PERSON"), ("Phết Lào", "PERSON")]),
    ("Thiếu tướng Nguyễn Văn Long, tức Long Hải, phát biểu.",
     [("Thiếu tướng", "RANK"), ("Nguyễn Văn Long", "PERSON"), ("Long Hải", "PERSON")]),
    # ... and the alias's short form recurs as the person
    ("Bắt giữ Nguyễn Văn Hùng, tức Hùng Sẹo, SN 1985.\nHùng khai nhận đã mua ma túy.",
     [("Nguyễn Văn Hùng", "PERSON"), ("Hùng Sẹo", "PERSON"), ("Hùng", "PERSON")]),
    # ... not a date, a holiday, a body or a place's other name
    ("Ngày 30/4, tức ngày giải phóng miền Nam, nhân dân cả nước vui mừng.", []),
    ("Ngày 5/6, tức Chủ nhật, lực lượng chức năng kiểm tra.", []),
    ("Sáng 2/9, tức Quốc khánh, Công an tỉnh Nghệ An ra quân.", [("Công an tỉnh Nghệ An", "ORG")]),
    ("Bắt giữ Nguyễn Văn Hùng, tức Bộ Công an, hôm qua.", [("Nguyễn Văn Hùng", "PERSON"), ("Bộ Công an", "ORG")]),
    ("Hà Nội, tức Thăng Long xưa, là thủ đô.", [("Hà Nội", "PROVINCE")]),
    # a branch of a named body in a province, city or district is one ORG (rule 2, outermost; rule 3, it holds a place)
    ("Đoàn công tác làm việc với Ngân hàng Nhà nước chi nhánh tỉnh Lạng Sơn về dòng tiền bất thường.",
     [("Ngân hàng Nhà nước chi nhánh tỉnh Lạng Sơn", "ORG")]),
    ("Đại diện Ngân hàng Nhà nước Việt Nam phát biểu.", [("Ngân hàng Nhà nước Việt Nam", "ORG")]),
    ("Đại diện Ngân hàng Nhà nước cho biết.", [("Ngân hàng Nhà nước", "ORG")]),
    ("Đoàn làm việc với Ngân hàng Agribank chi nhánh huyện Văn Bàn về khoản vay.",
     [("Ngân hàng Agribank chi nhánh huyện Văn Bàn", "ORG")]),
    ("Ngân hàng Nhà nước chi nhánh TP Hồ Chí Minh phối hợp.", [("Ngân hàng Nhà nước chi nhánh TP Hồ Chí Minh", "ORG")]),
    ("Ngân hàng Vietcombank chi nhánh Nghệ An phối hợp.", [("Ngân hàng Vietcombank chi nhánh Nghệ An", "ORG")]),
    ("Đoàn làm việc với Công ty TNHH Hải Long chi nhánh Hà Nội.", [("Công ty TNHH Hải Long chi nhánh Hà Nội", "ORG")]),
    ("Đoàn làm việc với Ngân hàng Agribank về khoản vay.", [("Ngân hàng Agribank", "ORG")]),
    # ... "ngân hàng" in lower case names nothing, nor a branch of no named body
    ("Người dân gửi tiền vào ngân hàng ở tỉnh Lạng Sơn.", [("Lạng Sơn", "PROVINCE")]),
    ("Đối tượng rút tiền tại ngân hàng chi nhánh tỉnh Lạng Sơn.", [("Lạng Sơn", "PROVINCE")]),
    # the official names of departments whose description lists fields between commas are one ORG (rule 2); a code in
    # brackets is its own span and the parent after it too (rule 3)
    ("Chuyên án có sự phối hợp của Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu (C03) Bộ Công an.",
     [("Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu", "ORG"), ("C03", "ORG"), ("Bộ Công an", "ORG")]),
    ("Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu đã vào cuộc.",
     [("Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu", "ORG")]),
    ("Phòng Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu Công an tỉnh Bắc Giang đã khởi tố vụ án.",
     [("Phòng Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu Công an tỉnh Bắc Giang", "ORG")]),
    ("Phòng Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu (PC03) Công an tỉnh Bắc Giang đã khởi tố.",
     [("Phòng Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu", "ORG"), ("PC03", "ORG"),
      ("Công an tỉnh Bắc Giang", "ORG")]),
    ("Phòng Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu, môi trường (PC03) Công an tỉnh Bắc Giang "
     "đã khởi tố.",
     [("Phòng Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu, môi trường", "ORG"), ("PC03", "ORG"),
      ("Công an tỉnh Bắc Giang", "ORG")]),
    ("Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao phối hợp xác minh.",
     [("Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", "ORG")]),
    ("Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05) Bộ Công an phối hợp xác minh.",
     [("Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", "ORG"), ("A05", "ORG"), ("Bộ Công an", "ORG")]),
    # ... a list of fields after a department with its own name stays outside it; the force in lower case names nothing
    ("Cục Cảnh sát hình sự, lực lượng chức năng đã vào cuộc.", [("Cục Cảnh sát hình sự", "ORG")]),
    ("Lực lượng cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu đã vào cuộc.", []),
    # Lao names in spaced syllables listed after "người Lào là", "công dân Lào là|gồm" are PERSON (rule 1)
    ("Tổ công tác bắt giữ Lò Văn Pọm và hai người Lào là Khăm Mun Xi Xu Vắn, Bua Khăm Xay Nha Vông.",
     [("Lò Văn Pọm", "PERSON"), ("Khăm Mun Xi Xu Vắn", "PERSON"), ("Bua Khăm Xay Nha Vông", "PERSON")]),
    ("Bắt giữ 2 công dân Lào gồm Xổm Phon Vi Lay Vông và Thong Chăn Phôm Ma Chăn.",
     [("2 công dân", "QUANTITY"), ("Xổm Phon Vi Lay Vông", "PERSON"), ("Thong Chăn Phôm Ma Chăn", "PERSON")]),
    ("Bắt giữ hai công dân Lào là Xổm Phon Vi Lay Vông và Thong Chăn Phôm Ma Chăn.",
     [("Xổm Phon Vi Lay Vông", "PERSON"), ("Thong Chăn Phôm Ma Chăn", "PERSON")]),
    ("Hai người Lào là Khăm Mun Xi Xu Vắn và Bua Khăm Xay Nha Vông đã khai nhận.",
     [("Khăm Mun Xi Xu Vắn", "PERSON"), ("Bua Khăm Xay Nha Vông", "PERSON")]),
    ("Bắt giữ một người Lào là Khăm Mun Xi Xu Vắn cùng tang vật.", [("Khăm Mun Xi Xu Vắn", "PERSON")]),
    # ... not what they do, nor the bodies they serve
    ("Tổ công tác phát hiện hai người Lào là lao động tự do.", []),
    ("Đoàn có hai người Lào là cán bộ Công an tỉnh Hủa Phăn.", [("Công an tỉnh Hủa Phăn", "ORG")]),
    # a given name that is also a common word ("Nam") recurring after its full name is the person after "đối với" at a
    # sentence's end, after "của" before "là", after "tài sản" before a verb (rule 1, a short form of a named person)
    ("Cơ quan điều tra đã khởi tố bị can Hoàng Văn Nam (SN 1980).\nNgày 5/6, Nam bị bắt tại Lạng Sơn. Công an đã phát "
     "lệnh truy nã đối với Nam. Đồng phạm của Nam là Lý Thị Hoa. Số tài sản Nam tẩu tán sang Thái Lan ước khoảng 2 "
     "triệu USD.",
     [("Hoàng Văn Nam", "PERSON"), ("Nam", "PERSON"), ("Lạng Sơn", "PROVINCE"), ("Nam", "PERSON"), ("Nam", "PERSON"),
      ("Lý Thị Hoa", "PERSON"), ("Nam", "PERSON"), ("2 triệu USD", "QUANTITY")]),
    ("Cơ quan điều tra đã khởi tố bị can Hoàng Văn Hùng (SN 1980).\nSố tài sản Hùng chiếm đoạt đã bị thu hồi.",
     [("Hoàng Văn Hùng", "PERSON"), ("Hùng", "PERSON")]),
    # ... "miền Nam", "Việt Nam", "phía Nam", "Nam Định", "Hà Nam" stay what they are; words after "tài sản" that are
    # no verb make another word ("Trung ương", "Quân đội"); without a full name "đối với Nam." stays nothing
    ("Cơ quan điều tra đã khởi tố bị can Hoàng Văn Nam (SN 1980).\nChính sách đối với miền Nam. Tài sản Việt Nam có "
     "nhiều. Y trốn về phía Nam, rồi về Nam Định, Hà Nam. Kinh tế của Nam Định là nông nghiệp.",
     [("Hoàng Văn Nam", "PERSON"), ("Nam Định", "PROVINCE"), ("Hà Nam", "PROVINCE"), ("Nam Định", "PROVINCE")]),
    ("Cơ quan điều tra đã khởi tố bị can Hoàng Văn Trung (SN 1980).\nTài sản Trung ương quản lý không bị ảnh hưởng.",
     [("Hoàng Văn Trung", "PERSON")]),
    ("Cơ quan điều tra đã khởi tố bị can Nguyễn Văn Quân (SN 1980).\nSố tài sản Quân đội quản lý không bị ảnh hưởng.",
     [("Nguyễn Văn Quân", "PERSON")]),
    ("Công an đã phát lệnh truy nã đối với Nam.", []),
    # must stay: a one-word short form after "bắt giữ" and after "còn" when the full name is in the document
    ("Nguyễn Thị Mai (SN 1990) bị bắt.\nSở Công an tỉnh Vân Nam đã bắt giữ Mai cùng 3 đối tượng môi giới.",
     [("Nguyễn Thị Mai", "PERSON"), ("Sở Công an tỉnh Vân Nam", "ORG"), ("Mai", "PERSON"), ("3 đối tượng", "QUANTITY")]),
    ("Lý Văn Khải (SN 1985) cầm đầu.\nCác đối tượng được trả công, còn Khải được trả 35 nghìn nhân dân tệ.",
     [("Lý Văn Khải", "PERSON"), ("Khải", "PERSON"), ("35 nghìn nhân dân tệ", "QUANTITY")]),
])
def test_aliases_after_tuc_bank_branches_listed_descriptions_lao_lists_and_short_forms_of_common_words(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a byline after the last sentence of a brief's paragraph, in title case or initials glued to a name, bracketed or
    # not, counts (rule 6); a district's name after "huyện" is no person
    ("Các đối tượng đã bị chuyển về Việt Nam để xử lý theo quy định. (Q.Vinh)", [("Q.Vinh", "PERSON")]),
    ("Các đối tượng đã bị chuyển về Việt Nam để xử lý theo quy định. (Hoàng Lâm)", [("Hoàng Lâm", "PERSON")]),
    ("Đối tượng làm thuê tại một đồn điền cao su ở huyện Keo Seima. N.Tâm", [("N.Tâm", "PERSON")]),
    ("Lực lượng chức năng thu giữ 22 máy tính, 3 điện thoại. Minh Châu - Hải Đăng",
     [("22 máy tính", "QUANTITY"), ("3 điện thoại", "QUANTITY"), ("Minh Châu", "PERSON"), ("Hải Đăng", "PERSON")]),
    ("Tổ công tác đã bàn giao đối tượng.\nĐoàn công tác làm việc tại huyện Keo Seima.", []),
    # ... a place or a body ending the paragraph stays what it is; a headline in title case, countries are no byline
    ("Vụ việc xảy ra tại Hà Tĩnh. (TTXVN)", [("Hà Tĩnh", "PROVINCE"), ("TTXVN", "ORG")]),
    ("Lực lượng chức năng thu giữ 22 máy tính. Hà Nội", [("22 máy tính", "QUANTITY"), ("Hà Nội", "PROVINCE")]),
    ("Công an đã bắt giữ 2 đối tượng. Bộ Công an", [("2 đối tượng", "QUANTITY"), ("Bộ Công an", "ORG")]),
    ("Hai bên ký kết biên bản. Tăng Cường Hợp Tác", []),
    ("Hai bên ký kết biên bản hợp tác. Việt Nam - Lào", []),
    # a transliteration after "phiên âm là" in the bracket after a name is the same person, its own PERSON (rule 1)
    ("Tướng Ouk Sophal (báo chí Việt Nam phiên âm là Úc Xô Phan) cho biết hai bên sẽ tăng cường tuần tra.",
     [("Ouk Sophal", "PERSON"), ("Úc Xô Phan", "PERSON")]),
    ("Ông Khamla Souvanna (còn được phiên âm là Khăm La Xu Văn Na) đánh giá cao sự hỗ trợ của Việt Nam.",
     [("Khamla Souvanna", "PERSON"), ("Khăm La Xu Văn Na", "PERSON")]),
    ("Ông Sok Dara (phiên âm là Xốc Đa Ra) phát biểu.", [("Sok Dara", "PERSON"), ("Xốc Đa Ra", "PERSON")]),
    # aliases after "còn gọi là", ending with a country or in quotes (rule 1; quotes outside the span); a family name
    # cut off by a one-word cue joins the rest of the name
    ("Tổ công tác bắt giữ Vàng A Pó (còn gọi là Pó Lào) khi đang vận chuyển 12 bánh heroin.",
     [("Vàng A Pó", "PERSON"), ("Pó Lào", "PERSON"), ("12 bánh", "QUANTITY")]),
    ('Y khai được một người Trung Quốc tên là Hoàng Chí Cường (Huang Zhiqiang, còn gọi là "A Cường") thuê chở hàng.',
     [("Hoàng Chí Cường", "PERSON"), ("Huang Zhiqiang", "PERSON"), ("A Cường", "PERSON")]),
    ("Y khai được một người tên là Hùng thuê chở hàng.", [("Hùng", "PERSON")]),
    ("Bắt giữ Lò Văn Pọm (còn gọi là Pọm, 45 tuổi) tại Sơn La.",
     [("Lò Văn Pọm", "PERSON"), ("Pọm", "PERSON"), ("Sơn La", "PROVINCE")]),
    # family names of the Cơ Tu, Tà Ôi, Gia Rai ... start a full name (rule 1)
    ("Truy nã Briu Thị Lan (tức Lan, 41 tuổi, trú xã Ga Ri, huyện Tây Giang) về tội lừa đảo.",
     [("Briu Thị Lan", "PERSON"), ("Lan", "PERSON")]),
    ("Truy nã Hồ Thị Lan (tức Lan, 41 tuổi, trú xã Ga Ri, huyện Tây Giang) về tội lừa đảo.",
     [("Hồ Thị Lan", "PERSON"), ("Lan", "PERSON")]),
    ("Bắt giữ Alăng Văn Hùng cùng tang vật.", [("Alăng Văn Hùng", "PERSON")]),
    # ... and so does any capitalised word before "Thị" or "Văn" and a given name of the lists; not a body's word
    ("Truy nã Blơ Thị Lan về tội lừa đảo.", [("Blơ Thị Lan", "PERSON")]),
    ("Bắt giữ Hôih Văn Tấn, 35 tuổi, cùng tang vật.", [("Hôih Văn Tấn", "PERSON")]),
    ("Đoàn thăm Nhà Văn Hóa bản Na Hiêng.", []),
    ("Tỉnh Quảng Nam có Ban Văn Hóa xã hội.", [("Quảng Nam", "PROVINCE")]),
    # a Chinese prefecture's police holds the place's name (rule 3)
    ("Tham dự có ông Vương Kiến Hoa, Cục trưởng Cục Công an châu tự trị Văn Sơn (Vân Nam).",
     [("Vương Kiến Hoa", "PERSON"), ("Cục Công an châu tự trị Văn Sơn", "ORG"), ("Vân Nam", "PROVINCE")]),
    ("Đại diện Cục Công an châu Hồng Hà phát biểu.", [("Cục Công an châu Hồng Hà", "ORG")]),
    ("Đại diện Cục Công an thành phố Phòng Thành Cảng phát biểu.", [("Cục Công an thành phố Phòng Thành Cảng", "ORG")]),
    ("Đoàn đến thăm châu tự trị Văn Sơn của tỉnh Vân Nam.", [("Vân Nam", "PROVINCE")]),
    # Cambodian provinces in their Vietnamese spellings (rule 4)
    ("Công an tỉnh Bình Phước cùng Cảnh sát tỉnh Kăn Đan (Campuchia) phá chuyên án ma túy.",
     [("Công an tỉnh Bình Phước", "ORG"), ("Cảnh sát tỉnh Kăn Đan", "ORG")]),
    ("Đoàn đến tỉnh Kăn-đan và tỉnh Ô Đa Miên Chây, tỉnh Ô-đa Miên-chây.",
     [("Kăn-đan", "PROVINCE"), ("Ô Đa Miên Chây", "PROVINCE"), ("Ô-đa Miên-chây", "PROVINCE")]),
    # counter words (rule 5): the number and one word ("cọc dấu", a border's secondary marker, is one word of two
    # syllables since session 23, as "cột mốc")
    ("Kế hoạch gồm 5 nhóm nội dung và 42 hoạt động cụ thể; lực lượng hai bên sơn lại 6 cọc dấu, thu giữ 1 sổ ghi chép.",
     [("5 nhóm", "QUANTITY"), ("42 hoạt động", "QUANTITY"), ("6 cọc dấu", "QUANTITY"), ("1 sổ", "QUANTITY")]),
    ("Năm 2020 hoạt động của nhóm giảm.", []),
    # a university's member school and its regional university are one ORG (rule 2, outermost); not a school named
    # by its own place, nor another kind of body after the comma
    ("Lãnh đạo Công an tỉnh Thừa Thiên Huế làm việc với Trường Đại học Luật, Đại học Huế về đào tạo.",
     [("Công an tỉnh Thừa Thiên Huế", "ORG"), ("Trường Đại học Luật, Đại học Huế", "ORG")]),
    ("Đoàn thăm Trường Đại học Kinh tế, Đại học Quốc gia Hà Nội.",
     [("Trường Đại học Kinh tế, Đại học Quốc gia Hà Nội", "ORG")]),
    ("Đoàn thăm Trường Đại học Luật Hà Nội, Đại học Huế và Học viện Cảnh sát nhân dân.",
     [("Trường Đại học Luật Hà Nội", "ORG"), ("Đại học Huế", "ORG"), ("Học viện Cảnh sát nhân dân", "ORG")]),
    ("Đoàn thăm Trường Đại học Luật, Học viện An ninh nhân dân.",
     [("Trường Đại học Luật", "ORG"), ("Học viện An ninh nhân dân", "ORG")]),
])
def test_bylines_transliterations_aliases_highland_names_prefectures_cambodia_counters_and_member_schools(
        nlp, text, expected):
    assert ents(nlp, text) == expected


# Session 17a: organisations (the lead's brief; sentences written for this table, invented names)
@pytest.mark.parametrize("text, expected", [
    # an office of a named body is one ORG with it (rule 2: a sub-unit and its named parent); the title "Chánh" is
    # not annotated (rule 1); an attachés' office is named like an embassy, "tại <country>" included
    ("Đại tá Lê Văn Hải, Chánh Văn phòng Bộ Công an, phát biểu.",
     [("Đại tá", "RANK"), ("Lê Văn Hải", "PERSON"), ("Văn phòng Bộ Công an", "ORG")]),
    ("Ông Phon Xay, Chánh Văn phòng Bộ An ninh Lào, đọc báo cáo.",
     [("Phon Xay", "PERSON"), ("Văn phòng Bộ An ninh Lào", "ORG")]),
    ("Phó Chánh Văn phòng UBND tỉnh Lạng Sơn dự họp.", [("Văn phòng UBND tỉnh Lạng Sơn", "ORG")]),
    ("Đoàn thăm Văn phòng Tùy viên Công an Việt Nam tại Lào và Đại sứ quán Việt Nam tại Lào.",
     [("Văn phòng Tùy viên Công an Việt Nam tại Lào", "ORG"), ("Đại sứ quán Việt Nam tại Lào", "ORG")]),
    ("Văn phòng UBND tỉnh Lạng Sơn tổ chức họp.", [("Văn phòng UBND tỉnh Lạng Sơn", "ORG")]),
    ("Chánh Văn phòng cho biết việc này.", []),
    ("Ông đến văn phòng công chứng ký hợp đồng.", []),
    # "Hoàng gia" is part of a body's name with its country; a school's field in two syllables and the place after
    # it belong to the school (rules 2, 3, outermost span)
    ("Ông Sok Dara, Bộ trưởng Cao cấp, đại diện Chính phủ Hoàng gia Campuchia.",
     [("Sok Dara", "PERSON"), ("Chính phủ Hoàng gia Campuchia", "ORG")]),
    ("Chị theo học tại Trường Đại học Hoàng gia Phnôm Pênh từ năm 2015.",
     [("Trường Đại học Hoàng gia Phnôm Pênh", "ORG")]),
    ("Hiệu trưởng Trường Đại học Sư phạm Hà Nội phát biểu.", [("Trường Đại học Sư phạm Hà Nội", "ORG")]),
    ("Sinh viên Trường Đại học Kỹ thuật Lê Quý Đôn tham gia.", [("Trường Đại học Kỹ thuật Lê Quý Đôn", "ORG")]),
    ("Sinh viên Trường Đại học Vinh học tập tại Nghệ An.", [("Trường Đại học Vinh", "ORG"), ("Nghệ An", "PROVINCE")]),
    ("Cảnh sát Hoàng gia Thái Lan và Quân đội Hoàng gia Campuchia phối hợp.",
     [("Cảnh sát Hoàng gia Thái Lan", "ORG"), ("Quân đội Hoàng gia Campuchia", "ORG")]),
    # an association or union of a named body is one ORG with it (rule 2, outermost); without a name, nothing
    ("Hội Phụ nữ Công an tỉnh Nghệ An trao 50 suất quà.",
     [("Hội Phụ nữ Công an tỉnh Nghệ An", "ORG"), ("50 suất", "QUANTITY")]),
    ("Công đoàn Công an tỉnh Sơn La tổ chức hội thao.", [("Công đoàn Công an tỉnh Sơn La", "ORG")]),
    ("Hội Phụ nữ Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kon Tum tặng quà.",
     [("Hội Phụ nữ Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kon Tum", "ORG")]),
    ("Đoàn Thanh niên Công an tỉnh Quảng Bình tổ chức hội thao.", [("Đoàn Thanh niên Công an tỉnh Quảng Bình", "ORG")]),
    ("Hội Phụ nữ Bộ Chỉ huy Bộ đội Biên phòng tỉnh tặng quà.", []),
    ("Đại diện hội phụ nữ các xã tham dự.", []),
    ("Hội Phụ nữ xã tặng quà.", []),
    # Cambodia's provincial administration and the neighbours' provincial departments hold the province (rules 2,
    # 3); a title before them is not annotated
    ("Đoàn làm việc với Ủy ban hành chính tỉnh Takeo và Ty Ngoại giao tỉnh Kampot.",
     [("Ủy ban hành chính tỉnh Takeo", "ORG"), ("Ty Ngoại giao tỉnh Kampot", "ORG")]),
    ("Ông Chea Sophal, Trưởng Ty Ngoại giao tỉnh Prey Veng, dự họp.",
     [("Chea Sophal", "PERSON"), ("Ty Ngoại giao tỉnh Prey Veng", "ORG")]),
    ("Ông Keo Sam, Phó Ty Giáo dục tỉnh Kratie, cho biết.", [("Keo Sam", "PERSON"), ("Ty Giáo dục tỉnh Kratie", "ORG")]),
    ("Đoàn làm việc với Ty Ngoại vụ tỉnh Savannakhet.", [("Ty Ngoại vụ tỉnh Savannakhet", "ORG")]),
    ("Ủy ban hành chính tỉnh đã đồng ý.", []),
    ("Trưởng Ty cho biết sẽ hỗ trợ.", []),
    # a district's name is not cut on a word that is a cue elsewhere ("Thầy"; rule 3); a person after it stays one
    ("Công an huyện Sa Thầy và Công an huyện Đăk Glei phối hợp.",
     [("Công an huyện Sa Thầy", "ORG"), ("Công an huyện Đăk Glei", "ORG")]),
    ("Ban Chỉ huy Quân sự huyện Sa Thầy và Đồn Biên phòng Sa Thầy tham gia.",
     [("Ban Chỉ huy Quân sự huyện Sa Thầy", "ORG"), ("Đồn Biên phòng Sa Thầy", "ORG")]),
    ("Công an huyện Ia Grai và Công an huyện Mường Tè phối hợp.",
     [("Công an huyện Ia Grai", "ORG"), ("Công an huyện Mường Tè", "ORG")]),
    # (a cue word between a place and a name, "Sa Thầy Nguyễn Văn An", is no shape of the news: the lead's brief of
    # session 18b; the name after a comma)
    ("Trưởng Công an huyện Sa Thầy, ông Nguyễn Văn An cho biết.",
     [("Công an huyện Sa Thầy", "ORG"), ("Nguyễn Văn An", "PERSON")]),
    ("Thầy Nguyễn Văn An dạy học ở huyện Sa Thầy.", [("Nguyễn Văn An", "PERSON")]),
    # a Chinese prefecture after a body belongs to it (rule 2, as "Cục Công an châu Hồng Hà"); alone it is nothing
    ("Đối tượng bị bàn giao cho Cục Quản lý xuất nhập cảnh châu Văn Sơn.",
     [("Cục Quản lý xuất nhập cảnh châu Văn Sơn", "ORG")]),
    ("Chi đội Kiểm tra biên phòng châu Hồng Hà tiếp nhận.", [("Chi đội Kiểm tra biên phòng châu Hồng Hà", "ORG")]),
    ("Đối tượng đến châu Văn Sơn làm thuê.", []),
    # international and regional bodies; an abbreviation with a hyphen in brackets right after an ORG is its own
    # ORG (rules 2, 3)
    ("Trung tâm Hợp tác thực thi pháp luật Lan Thương - Mê Công (LM-LECC) tổ chức tập huấn.",
     [("Trung tâm Hợp tác thực thi pháp luật Lan Thương - Mê Công", "ORG"), ("LM-LECC", "ORG")]),
    ("PGS.TS Lê Hữu Phước (Viện Nghiên cứu Đông Nam Á) nhận định.",
     [("Lê Hữu Phước", "PERSON"), ("Viện Nghiên cứu Đông Nam Á", "ORG")]),
    # the outlet's full name (rule 6)
    ("Theo Báo Công an nhân dân điện tử, vụ việc đang được điều tra.", [("Báo Công an nhân dân điện tử", "ORG")]),
    ("Cổng Thông tin điện tử Công an tỉnh Hà Giang đưa tin.", [("Cổng Thông tin điện tử Công an tỉnh Hà Giang", "ORG")]),
    # local public bodies named by their commune or by a number (rules 2, 3); "Trường Hữu nghị" alone, which many
    # schools are called, stays nothing
    ("Trạm Y tế xã Mường Lống và Trường Phổ thông dân tộc bán trú THCS Na Ngoi nhận quà.",
     [("Trạm Y tế xã Mường Lống", "ORG"), ("Trường Phổ thông dân tộc bán trú THCS Na Ngoi", "ORG")]),
    ("Trung tâm Y tế huyện Kỳ Sơn tiếp nhận bệnh nhân.", [("Trung tâm Y tế huyện Kỳ Sơn", "ORG")]),
    ("Trường Hữu nghị 80 và Trường Hữu nghị T78 đón học sinh Lào.",
     [("Trường Hữu nghị 80", "ORG"), ("Trường Hữu nghị T78", "ORG")]),
    ("Bệnh nhân được đưa đến trạm y tế xã cấp cứu.", []),
    ("Trường Hữu nghị đón học sinh Lào.", []),
    # a bank by its brand is its own name, and its branch is one ORG with it (rules 2, 3)
    ("Đối tượng mở tài khoản tại Agribank chi nhánh huyện Văn Bàn.", [("Agribank chi nhánh huyện Văn Bàn", "ORG")]),
    ("Ông gửi tiền vào Vietcombank chi nhánh tỉnh Lào Cai.", [("Vietcombank chi nhánh tỉnh Lào Cai", "ORG")]),
    ("Chuyển tiền vào tài khoản Agribank của đối tượng.", [("Agribank", "ORG")]),
    ("Đối tượng dùng Internet Banking để chuyển tiền.", []),
])
def test_offices_royal_bodies_schools_unions_provincial_departments_prefectures_centres_outlets_and_banks(
        nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # after a family name and "Văn"/"Thị" (or a H'Mông clan name and "A", "Mí", "Seo") the next capitalised word is the
    # given name, even a unit's or a function word (rule 1); a unit alone, "Văn phòng", a street stay what they are
    ("Tổ công tác bắt giữ Hà Văn Tuấn và Vi Văn Phòng (SN 1992, trú tại xã Mường Típ).",
     [("Hà Văn Tuấn", "PERSON"), ("Vi Văn Phòng", "PERSON")]),
    ("Đối tượng Lương Văn Đoàn (SN 1990) và Lò Văn Hội (SN 1988) bị bắt.",
     [("Lương Văn Đoàn", "PERSON"), ("Lò Văn Hội", "PERSON")]),
    ("Cơ quan công an tiếp nhận anh Giàng A Của (SN 1996, trú tại xã Lũng Cú).", [("Giàng A Của", "PERSON")]),
    ("Bắt giữ Lò Văn Công (SN 1990) tại bản.", [("Lò Văn Công", "PERSON")]),
    ("Phòng Cảnh sát hình sự phối hợp.", []),
    ("Văn phòng đã nhận đơn.", []),
    ("Đường Lê Văn Phòng rất đẹp.", []),
    # a given name alone after the full name in the same document, after a kin or honorific word or opening a clause
    # before a verb of speech, flight or "bị" (rule 1); a duration is no QUANTITY (rule 5)
    ("Cơ quan công an tiếp nhận anh Giàng A Của (SN 1996, trú tại xã Lũng Cú).\nAnh Của bị lừa bán sang Trung Quốc "
     "năm 2012. Năm 2013, Của bỏ trốn nhưng bị bắt lại.\nBố Giàng Mí Chớ và mẹ Sùng Thị Dở đã chờ con suốt 12 năm.",
     [("Giàng A Của", "PERSON"), ("Của", "PERSON"), ("Của", "PERSON"), ("Giàng Mí Chớ", "PERSON"),
      ("Sùng Thị Dở", "PERSON")]),
    ("Thượng tá, ThS. Trần Thu Hương, giảng viên Khoa Ngoại ngữ.\nCô Hương cho biết học viên học rất nhanh.",
     [("Thượng tá", "RANK"), ("Trần Thu Hương", "PERSON"), ("Hương", "PERSON")]),
    ("Đại úy Lê Quốc Khánh trực tại chốt.\nKhánh bảo, điều khó nhất là thời tiết.",
     [("Đại úy", "RANK"), ("Lê Quốc Khánh", "PERSON"), ("Khánh", "PERSON")]),
    ("Thào A Của bị bắt.\nCủa khai nhận hành vi.", [("Thào A Của", "PERSON"), ("Của", "PERSON")]),
    ("Chị Sùng Thị Dở (SN 1980) trú tại xã Lũng Cú.\nChị Dở cho biết.", [("Sùng Thị Dở", "PERSON"), ("Dở", "PERSON")]),
    # ... without the full name in the document nothing; a faculty is no person and, alone, no ORG (rule 3)
    ("Năm 2013, Của bỏ trốn nhưng bị bắt lại.", []),
    ("Khánh bảo, điều khó nhất là thời tiết.", []),
    ("Mẹ Của đã chờ.", []),
    ("Sinh viên Khoa Luật tham gia.", []),
    # three Sino-Vietnamese name words of the lists named as the one who did it (rule 1); not the city
    ("Cơ quan điều tra xác định Mã Chí Hùng là người cầm đầu đường dây.", [("Mã Chí Hùng", "PERSON")]),
    ("Cơ quan điều tra xác định Mã Chí Hùng là người cầm đầu.\nHùng bị bắt sau đó.",
     [("Mã Chí Hùng", "PERSON"), ("Hùng", "PERSON")]),
    ("Theo thông tin từ phía bạn, Trần Vĩ Kiệt bị truy nã từ năm 2019.", [("Trần Vĩ Kiệt", "PERSON")]),
    ("Hồ Chí Minh là người sáng lập.", []),
    ("Cơ quan chức năng xác định Hà Nội là trọng điểm.", [("Hà Nội", "PROVINCE")]),
    # a Lao name before a bracket that opens with an alias, and the alias (rule 1)
    ("Lực lượng chức năng bắt giữ Xổm Phết Xay Nha Vông (còn gọi là Phết, 45 tuổi, trú tại bản Na Pê).",
     [("Xổm Phết Xay Nha Vông", "PERSON"), ("Phết", "PERSON")]),
    ("Bắt giữ Xổm Phết Xay Nha Vông (tức Phết Lào, SN 1980).",
     [("Xổm Phết Xay Nha Vông", "PERSON"), ("Phết Lào", "PERSON")]),
    ("Lực lượng chức năng bắt giữ Khăm Xay Vông Phết (45 tuổi).", [("Khăm Xay Vông Phết", "PERSON")]),
    ("Hai đối tượng là Lầu A Chư (SN 1987) và Thào A Sử, còn gọi là Sử Lùn, bị bắt quả tang.",
     [("Lầu A Chư", "PERSON"), ("Thào A Sử", "PERSON"), ("Sử Lùn", "PERSON")]),
    # bylines of bare initials on the last line (rule 6); not a city
    ("Lực lượng chức năng đã bàn giao đối tượng.\nT.L", [("T.L", "PERSON")]),
    ("Lực lượng chức năng đã bàn giao đối tượng.\nN.H", [("N.H", "PERSON")]),
    ("Lực lượng chức năng đã bàn giao đối tượng.\nT.L - H.A", [("T.L", "PERSON"), ("H.A", "PERSON")]),
    ("Lực lượng chức năng đã bàn giao đối tượng.\nH.V (tổng hợp)", [("H.V", "PERSON")]),
    ("Lực lượng chức năng đã bàn giao đối tượng.\nTP.HCM", [("TP.HCM", "PROVINCE")]),
    # a Lao name in Latin script beside its Vietnamese spelling; the speaker after a quote (rule 1); not a title
    ("Nhiều học viên viết tên mình hai cách: Bounmy Sisavath bên cạnh Bun Mi Xi Xa Vắt.",
     [("Bounmy Sisavath", "PERSON"), ("Bun Mi Xi Xa Vắt", "PERSON")]),
    ("“Tôi học tiếng Việt đã hai năm”, Khăm Phon Vi Lay cười.", [("Khăm Phon Vi Lay", "PERSON")]),
    ("“Chúng tôi sẽ tiếp tục hợp tác”, Bộ trưởng nói.", []),
    ("Ứng dụng Facebook Messenger bên cạnh Zalo rất phổ biến.", []),
    # a country or a region before or inside an alias bracket is no person (rules 1 and 4)
    ("Ma túy được đưa từ Lào và Thái Lan (tức Tam Giác Vàng) vào Việt Nam.", []),
    ("Đối tượng sang Myanmar (còn gọi là Miến Điện) làm thuê.", []),
    ("Ma túy từ Tam giác vàng đổ về.", []),
    ("Tổ công tác bắt giữ Vàng A Pó (còn gọi là Pó Lào) khi đang vận chuyển.",
     [("Vàng A Pó", "PERSON"), ("Pó Lào", "PERSON")]),
    ("Bà Nguyễn Thị Đức phát biểu. Bà Đức cho biết.", [("Nguyễn Thị Đức", "PERSON"), ("Đức", "PERSON")]),
    # "già bản" capitalised is a cue like "già làng" (rule 1)
    ("Già bản Giàng A Sình cho biết bản đã không còn người nghiện.", [("Giàng A Sình", "PERSON")]),
    ("Già bản Lò Văn Pọm cho biết.", [("Lò Văn Pọm", "PERSON")]),
])
def test_given_names_that_are_words_short_forms_in_the_story_aliases_before_an_age_latin_pairs_and_countries(
        nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # counter words of one word, two syllables (rule 5: the number and its one unit or counter word)
    ("Đoàn trao tặng 20 bộ đàm, 15 máy tính và 3 xe khách.",
     [("20 bộ đàm", "QUANTITY"), ("15 máy tính", "QUANTITY"), ("3 xe khách", "QUANTITY")]),
    ("Hội nghị kết nối tới 15 điểm cầu trong cả nước.", [("15 điểm cầu", "QUANTITY")]),
    ("Lớp học có 30 học viên và 6 thạc sĩ.", [("30 học viên", "QUANTITY"), ("6 thạc sĩ", "QUANTITY")]),
    ("Đoàn có 3 tiến sĩ, 5 cử nhân, 4 kỹ sư và 2 bác sĩ.",
     [("3 tiến sĩ", "QUANTITY"), ("5 cử nhân", "QUANTITY"), ("4 kỹ sư", "QUANTITY"), ("2 bác sĩ", "QUANTITY")]),
    ("Đường dây thuê 3 tòa nhà và 12 căn hộ.", [("3 tòa nhà", "QUANTITY"), ("12 căn hộ", "QUANTITY")]),
    ("Dự án có 2 toà chung cư.", [("2 toà", "QUANTITY")]),
    ("Tổ công tác dừng 2 xe khách loại 45 chỗ và thu giữ 12 đoạn ngà voi.",
     [("2 xe khách", "QUANTITY"), ("45 chỗ", "QUANTITY"), ("12 đoạn", "QUANTITY")]),
    ("Đối tượng chuyển 320 giao dịch trị giá 15 tỷ đồng.", [("320 giao dịch", "QUANTITY"), ("15 tỷ đồng", "QUANTITY")]),
    # ... a leader's role after the count is no cue of a name there: the count stays (the role helper holds its comma
    # or bracket), and after a name's comma or bracket it still is one
    ("Ban chuyên án xác định còn ít nhất 2 đối tượng cầm đầu đang lẩn trốn.", [("2 đối tượng", "QUANTITY")]),
    ("Bắt 3 người cầm đầu đường dây.", [("3 người", "QUANTITY")]),
    ("Bắt Vàng Chá Lia, đối tượng cầm đầu đường dây.", [("Vàng Chá Lia", "PERSON")]),
    ("Bắt Vàng Chá Lia (đối tượng cầm đầu) cùng 3 đồng phạm.",
     [("Vàng Chá Lia", "PERSON"), ("3 đồng phạm", "QUANTITY")]),
    # ... and numbered roads, ages, sentences, classes, border markers, hours, decrees, articles are none
    ("Quốc lộ 12 đoạn qua xã Na Ngoi bị sạt lở.", []),
    ("Tuyến đường 20 đoạn qua bản bị hư hỏng.", []),
    ("Tỉnh lộ 8 đoạn qua huyện Kỳ Sơn.", []),
    ("Đối tượng 38 tuổi, bị phạt 20 năm tù; lớp 8 trường làng, cột mốc 102 thuộc xã Na Ngoi, lúc 10 giờ.", []),
    ("Theo Nghị định 144/2021/NĐ-CP, khoản 1 Điều 3.", []),
    # a bare year after a festival, a season or a lunar year's name is a time (rule 5)
    ("Lãnh đạo thăm, chúc Tết Nguyên đán Ất Tỵ 2025 cán bộ, chiến sĩ Công an tỉnh.", []),
    ("Nhân dịp Xuân Bính Ngọ 2026 đơn vị tặng quà.", []),
    ("Chúc Tết 2025 cán bộ chiến sĩ.", []),
    ("Đón Xuân 2026 đơn vị tặng quà.", []),
    ("Trong mùa khô 2025 lực lượng kiểm lâm tuần tra.", []),
    ("Dịp Tết Dương lịch 2025 lực lượng tăng cường tuần tra.", []),
    ("Tết Giáp Thìn 2024 cán bộ đến thăm.", []),
    # ... a count with a thousands dot is none of those, nor a year after a verb
    ("Đơn vị có 2.025 cán bộ.", [("2.025 cán bộ", "QUANTITY")]),
    ("Dịp Tết, đơn vị thăm 2.025 hộ dân và tặng 300 suất quà.", [("2.025 hộ", "QUANTITY"), ("300 suất", "QUANTITY")]),
    ("Trước Tết đơn vị thu 2025 viên ma túy.", [("2025 viên", "QUANTITY")]),
    # a neighbour's province with another tone on a syllable, where a province is expected (rule 4): after "tỉnh",
    # in a body named by it (one ORG, rule 2), in a list of provinces
    ("Công an tỉnh Sa Vằn Na Khệt và Công an tỉnh Xa Vẳn Na Khệt.",
     [("Công an tỉnh Sa Vằn Na Khệt", "ORG"), ("Công an tỉnh Xa Vẳn Na Khệt", "ORG")]),
    ("Tỉnh Hủa Phằn giáp tỉnh Thanh Hóa.", [("Hủa Phằn", "PROVINCE"), ("Thanh Hóa", "PROVINCE")]),
    ("Sở Công an tỉnh Sa Vằn Na Khệt và Cảnh sát tỉnh Xa Vằn Na Khệt họp.",
     [("Sở Công an tỉnh Sa Vằn Na Khệt", "ORG"), ("Cảnh sát tỉnh Xa Vằn Na Khệt", "ORG")]),
    ("Phòng Cảnh sát hình sự Công an tỉnh Sa Vằn Na Khệt phối hợp.",
     [("Phòng Cảnh sát hình sự Công an tỉnh Sa Vằn Na Khệt", "ORG")]),
    ("Giám đốc Công an tỉnh Sa Vằn Na Khệt Khăm Phăn phát biểu.",
     [("Công an tỉnh Sa Vằn Na Khệt", "ORG"), ("Khăm Phăn", "PERSON")]),
    ("Đoàn thăm các tỉnh Luông Pha Bang, Hủa Phằn và Sa Vằn Na Khệt.",
     [("Luông Pha Bang", "PROVINCE"), ("Hủa Phằn", "PROVINCE"), ("Sa Vằn Na Khệt", "PROVINCE")]),
    ("Đoàn đến tỉnh Xa-vằn-na-khệt của Lào.", [("Xa-vằn-na-khệt", "PROVINCE")]),
    # ... never one word, a road, a Vietnamese name in another tone, nor where no province is expected
    ("Ông Phăn là người tỉnh Hủa Phăn.", [("Phăn", "PERSON"), ("Hủa Phăn", "PROVINCE")]),
    ("Xe đi trên tỉnh lộ 8 qua tỉnh Hà Năm.", []),
    ("Đoàn đến Sa Vằn Na Khệt.", []),
    # a border post's name ending on a word that opens common phrases ("Chỉ") is whole (rule 3); a byline with the
    # post in brackets (rule 6)
    ("Đồn Biên phòng Phước Chỉ, Đồn Biên phòng Thầu Giáo, Đồn Biên phòng Mỹ Quý Tây phối hợp.",
     [("Đồn Biên phòng Phước Chỉ", "ORG"), ("Đồn Biên phòng Thầu Giáo", "ORG"), ("Đồn Biên phòng Mỹ Quý Tây", "ORG")]),
    ("Lực lượng tuần tra biên giới.\nNgọc Sơn (Đồn Biên phòng Phước Chỉ)",
     [("Ngọc Sơn", "PERSON"), ("Đồn Biên phòng Phước Chỉ", "ORG")]),
    ("Đội trinh sát Đồn Biên phòng Phước Chỉ bắt 2 đối tượng.",
     [("Đội trinh sát Đồn Biên phòng Phước Chỉ", "ORG"), ("2 đối tượng", "QUANTITY")]),
    ("Đồn Biên phòng Phước Chỉ phối hợp với Công an xã.", [("Đồn Biên phòng Phước Chỉ", "ORG")]),
    # ... not a title, a compound, a date or a country after the post's name
    ("Đồn Biên phòng Nậm Cắn Chỉ huy trưởng đến thăm.", [("Đồn Biên phòng Nậm Cắn", "ORG")]),
    ("Đồn Biên phòng Nậm Cắn Chỉ đạo các tổ tuần tra.", [("Đồn Biên phòng Nậm Cắn", "ORG")]),
    ("Đồn Biên phòng Nậm Cắn Ngày 5/3 tổ chức lễ.", [("Đồn Biên phòng Nậm Cắn", "ORG")]),
    ("Đồn Biên phòng Nậm Cắn Lào phối hợp.", [("Đồn Biên phòng Nậm Cắn", "ORG")]),
    # forest protection bodies (rule 3): the national department, a district's unit with its place; the force alone
    # names nothing
    ("Theo định giá của Cục Kiểm lâm, lô hàng trị giá khoảng 2 triệu USD.",
     [("Cục Kiểm lâm", "ORG"), ("2 triệu USD", "QUANTITY")]),
    ("Chi cục Kiểm lâm tỉnh Nghệ An và Hạt Kiểm lâm huyện Kỳ Sơn phối hợp.",
     [("Chi cục Kiểm lâm tỉnh Nghệ An", "ORG"), ("Hạt Kiểm lâm huyện Kỳ Sơn", "ORG")]),
    ("Kiểm lâm thu giữ 2 cá thể gấu.", [("2 cá thể", "QUANTITY")]),
    ("Hạt Kiểm lâm đã lập biên bản.", []),
])
def test_counters_festival_years_provinces_in_another_tone_posts_on_a_common_word_and_forest_bodies(nlp, text, expected):
    assert ents(nlp, text) == expected


def test_no_neighbours_province_is_a_vietnamese_one_without_its_tones():
    """The toneless keys of the neighbours' provinces (session 17c) never meet a Vietnamese province's: Vietnamese
    tones are meaningful ("Hà Nam" is no "Hà Năm")."""
    from vner.core.resources import CONFIGS
    from vner.model.gazetteers import gazetteer_words
    from vner.model.orgs import toneless_provinces
    from vner.model.resolver import _TONELESS_PROVINCES, WORD_LISTS

    neighbours = toneless_provinces([w for name in _TONELESS_PROVINCES
                                     for w in gazetteer_words(name, CONFIGS / WORD_LISTS[name])])
    vietnam = toneless_provinces(gazetteer_words("vn", CONFIGS / "gazetteers/province-vn.txt"))
    assert neighbours and not neighbours & vietnam


# ---------------------------------------------------------------- session 18c: foreign bodies, numbered units, counters,
# bylines (the lead's brief and own variants; no seed, challenge, written or evaluation text read)
@pytest.mark.parametrize("text, expected", [
    # China's national bodies and a ministry's department (rules 2, 3): a department of a named ministry is one ORG
    # with it; the State Council alone is a unique national body; a central organ and its party are one ORG
    ("Phó Cục trưởng Cục Phòng chống ma túy Bộ Công an Trung Quốc dự họp.",
     [("Cục Phòng chống ma túy Bộ Công an Trung Quốc", "ORG")]),
    ("Đại diện Cục Cấm ma túy Bộ Công an Trung Quốc dự họp.", [("Cục Cấm ma túy Bộ Công an Trung Quốc", "ORG")]),
    ("Ông gặp Phó Thủ tướng Quốc vụ viện Trung Quốc.", [("Quốc vụ viện Trung Quốc", "ORG")]),
    ("Theo thông báo của Quốc vụ viện, hai bên hợp tác.", [("Quốc vụ viện", "ORG")]),
    ("Đoàn làm việc với Ủy ban Chính pháp Trung ương Đảng Cộng sản Trung Quốc.",
     [("Ủy ban Chính pháp Trung ương Đảng Cộng sản Trung Quốc", "ORG")]),
    ("Hội nghị Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam lần thứ 10.",
     [("Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam", "ORG")]),
    ("Ban Chấp hành Trung ương Đảng họp.", [("Ban Chấp hành Trung ương Đảng", "ORG")]),
    # ... Laos's ruling party with "cách mạng" in lower case, alone and after a central organ
    ("Đoàn gặp lãnh đạo Đảng Nhân dân cách mạng Lào.", [("Đảng Nhân dân cách mạng Lào", "ORG")]),
    ("Đoàn thăm Ban Đối ngoại Trung ương Đảng Nhân dân cách mạng Lào.",
     [("Ban Đối ngoại Trung ương Đảng Nhân dân cách mạng Lào", "ORG")]),
    ("Ủy viên Bộ Chính trị Đảng Nhân dân cách mạng Lào phát biểu.",
     [("Bộ Chính trị Đảng Nhân dân cách mạng Lào", "ORG")]),
    # ... no body: "cấm ma túy" as a verb phrase
    ("Cấm ma túy là nhiệm vụ chung.", []),
    # Vietnam's national departments named by a field (rule 3); "chính sách" in lower case is policy
    ("Đại diện Cục Chính sách, Tổng cục Chính trị Quân đội nhân dân Việt Nam dự.",
     [("Cục Chính sách", "ORG"), ("Tổng cục Chính trị Quân đội nhân dân Việt Nam", "ORG")]),
    ("Nhà nước có chính sách hỗ trợ đồng bào.", []),
    # the neighbours' numbered units (rule 3: the number names the unit), a parent force with its district in it
    ("Đồn Biên phòng Pa Thơm phối hợp với Đại đội 412 Bộ đội biên phòng huyện Mường May, tỉnh Phông Xa Lỳ (Lào).",
     [("Đồn Biên phòng Pa Thơm", "ORG"), ("Đại đội 412 Bộ đội biên phòng huyện Mường May", "ORG"),
      ("Phông Xa Lỳ", "PROVINCE")]),
    ("Đại đội 412 Bộ đội biên phòng tỉnh Phông Xa Lỳ phối hợp.",
     [("Đại đội 412 Bộ đội biên phòng tỉnh Phông Xa Lỳ", "ORG")]),
    ("Lực lượng phối hợp với Tiểu đoàn Cảnh sát biên phòng 703 thuộc Ty Cảnh sát tỉnh Takeo (Campuchia).",
     [("Tiểu đoàn Cảnh sát biên phòng 703", "ORG"), ("Ty Cảnh sát tỉnh Takeo", "ORG")]),
    ("Tiểu đoàn Cảnh sát biên giới 821 tỉnh Svay Rieng phối hợp.",
     [("Tiểu đoàn Cảnh sát biên giới 821 tỉnh Svay Rieng", "ORG")]),
    ("Đại đội 5 Công an vũ trang Vĩnh Linh được thành lập.", [("Đại đội 5 Công an vũ trang Vĩnh Linh", "ORG")]),
    # ... not a title, a counted unit, nor a unit word with no number
    ("Đại đội trưởng phát biểu.", []),
    ("Đơn vị có 3 tiểu đoàn tham gia.", [("3 tiểu đoàn", "QUANTITY")]),
    ("Đại đội Bộ đội biên phòng huyện Mường May phối hợp.", []),
    # a border-gate economic zone is named by its gate, a dash and its province (rule 3, the whole name)
    ("Ban Quản lý Khu kinh tế cửa khẩu Tà Lùng – Cao Bằng họp.",
     [("Ban Quản lý Khu kinh tế cửa khẩu Tà Lùng – Cao Bằng", "ORG")]),
    ("Ban Quản lý Khu kinh tế cửa khẩu Tà Lùng - Cao Bằng họp.",
     [("Ban Quản lý Khu kinh tế cửa khẩu Tà Lùng - Cao Bằng", "ORG")]),
    # ... not a border line between two countries, nor a body and a province after a dash
    ("Lực lượng tuần tra tuyến biên giới Việt Nam – Lào.", []),
    ("Công an huyện Kỳ Sơn - Nghệ An phối hợp.", [("Công an huyện Kỳ Sơn", "ORG"), ("Nghệ An", "PROVINCE")]),
    # a general school's level inside its name (rule 3)
    ("Trường Phổ thông dân tộc bán trú Tiểu học Nậm Pồ tặng quà.",
     [("Trường Phổ thông dân tộc bán trú Tiểu học Nậm Pồ", "ORG")]),
    ("Trường Phổ thông dân tộc bán trú Trung học cơ sở Nậm Pồ tặng quà.",
     [("Trường Phổ thông dân tộc bán trú Trung học cơ sở Nậm Pồ", "ORG")]),
    ("Trường Phổ thông dân tộc bán trú Tiểu học và THCS Nậm Pồ tặng quà.",
     [("Trường Phổ thông dân tộc bán trú Tiểu học và THCS Nậm Pồ", "ORG")]),
    ("Trường PTDTBT Tiểu học Nậm Pồ tặng quà.", [("Trường PTDTBT Tiểu học Nậm Pồ", "ORG")]),
    ("Trường Tiểu học Sen Hồ tặng quà.", [("Trường Tiểu học Sen Hồ", "ORG")]),
    ("Trường Tiểu học và THCS Sen Hồ tặng quà.", [("Trường Tiểu học và THCS Sen Hồ", "ORG")]),
    # counters of two syllables (rule 5: the number and its one counter word); "suất" counts, "quà" is the noun
    ("Đoàn trao tặng 20 máy in, 8 tiết mục văn nghệ và 50 suất quà.",
     [("20 máy in", "QUANTITY"), ("8 tiết mục", "QUANTITY"), ("50 suất", "QUANTITY")]),
    ("Đoàn trao 5 máy chiếu, 3 máy ảnh và 2 máy quay.",
     [("5 máy chiếu", "QUANTITY"), ("3 máy ảnh", "QUANTITY"), ("2 máy quay", "QUANTITY")]),
    ("Khóa học có 480 tiết lý thuyết.", [("480 tiết", "QUANTITY")]),
    # bylines on the last line (rule 6): names joined by a dash and the source after a comma; initials alone
    ("Lực lượng chức năng đã trao trả đối tượng.\nHồng Nhung - Văn Toàn, Đài Phát thanh và Truyền hình Sơn La",
     [("Hồng Nhung", "PERSON"), ("Văn Toàn", "PERSON"), ("Đài Phát thanh và Truyền hình Sơn La", "ORG")]),
    ("Lực lượng đã trao trả đối tượng.\nLê Hà – Minh Khôi, Báo Công an nhân dân",
     [("Lê Hà", "PERSON"), ("Minh Khôi", "PERSON"), ("Báo Công an nhân dân", "ORG")]),
    ("Ảnh: Minh Khôi\nT.L", [("Minh Khôi", "PERSON"), ("T.L", "PERSON")]),
    ("Hai bên trao đổi kinh nghiệm.\nH.A", [("H.A", "PERSON")]),
    ("Hai bên trao đổi kinh nghiệm.\nN.H", [("N.H", "PERSON")]),
    # ... not a place and a body after a comma, a city's abbreviation or a district alone on the last line
    ("Lực lượng đã trao trả đối tượng.\nHà Nội, Bộ Công an", [("Hà Nội", "PROVINCE"), ("Bộ Công an", "ORG")]),
    ("Hai bên trao đổi kinh nghiệm.\nTP.HCM", [("TP.HCM", "PROVINCE")]),
    ("Hai bên trao đổi kinh nghiệm.\nQ.1", []),
    # a speaker opening a line of an interview before a colon (rule 1): a given name used earlier, a full name
    ("Đại tá Khăm Phăn Vông Xay trả lời phỏng vấn.\nPV: Xin ông cho biết kết quả hợp tác?\nKhăm Phăn: Rất tốt. Hai "
     "bên đã trao đổi nhiều thông tin.\nPV: Thời gian tới thì sao?\nKhăm Phăn: Hai bên sẽ tiếp tục.",
     [("Đại tá", "RANK"), ("Khăm Phăn Vông Xay", "PERSON"), ("Khăm Phăn", "PERSON"), ("Khăm Phăn", "PERSON")]),
    ("Thượng tá Nguyễn Thu Hà trả lời phỏng vấn.\nPV: Xin bà cho biết kết quả?\nThu Hà: Rất tốt.",
     [("Thượng tá", "RANK"), ("Nguyễn Thu Hà", "PERSON"), ("Thu Hà", "PERSON")]),
    ("PV: Xin ông cho biết kết quả?\nNguyễn Văn Hùng: Rất tốt.", [("Nguyễn Văn Hùng", "PERSON")]),
    # ... not the cues and headings before a colon
    ("PV: Xin ông cho biết?\nKết quả: tốt.\nNguồn: Bộ Công an", [("Bộ Công an", "ORG")]),
])
def test_foreign_bodies_numbered_units_school_levels_gate_zones_counters_bylines_and_speakers(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # given names alone in a list after a verb, each person named in full in the document (rule 1), also a word that
    # starts common phrases ("Lực" of "lực lượng")
    ("Cơ quan điều tra đã bắt Nguyễn Văn Lực (SN 1985) và Trần Đình Phước (SN 1990).\n"
     "Hiện cơ quan công an đã tạm giam Lực, Phước để điều tra.",
     [("Nguyễn Văn Lực", "PERSON"), ("Trần Đình Phước", "PERSON"), ("Lực", "PERSON"), ("Phước", "PERSON")]),
    ("Cơ quan điều tra đã bắt Nguyễn Văn Lực (SN 1985) và Trần Đình Phước (SN 1990).\n"
     "Cơ quan điều tra đã khởi tố Lực và Phước về tội trộm cắp tài sản.",
     [("Nguyễn Văn Lực", "PERSON"), ("Trần Đình Phước", "PERSON"), ("Lực", "PERSON"), ("Phước", "PERSON")]),
    ("Cơ quan điều tra đã bắt Nguyễn Văn Lực (SN 1985), Trần Đình Phước (SN 1990) và Lê Minh Tâm (SN 1992).\n"
     "Tại cơ quan điều tra, Lực, Phước và Tâm khai nhận hành vi phạm tội.",
     [("Nguyễn Văn Lực", "PERSON"), ("Trần Đình Phước", "PERSON"), ("Lê Minh Tâm", "PERSON"), ("Lực", "PERSON"),
      ("Phước", "PERSON"), ("Tâm", "PERSON")]),
    ("Cơ quan điều tra đã bắt Nguyễn Văn Lực và Trần Đình Phước.\nTại cơ quan điều tra, Phước, Lực khai nhận hành vi.",
     [("Nguyễn Văn Lực", "PERSON"), ("Trần Đình Phước", "PERSON"), ("Phước", "PERSON"), ("Lực", "PERSON")]),
    ("Cơ quan điều tra đã bắt Nguyễn Văn Lực, Trần Đình Phước, Lê Minh Tâm và Phạm Văn Hùng.\n"
     "Công an đã khởi tố Lực, Phước, Tâm và Hùng.",
     [("Nguyễn Văn Lực", "PERSON"), ("Trần Đình Phước", "PERSON"), ("Lê Minh Tâm", "PERSON"),
      ("Phạm Văn Hùng", "PERSON"), ("Lực", "PERSON"), ("Phước", "PERSON"), ("Tâm", "PERSON"), ("Hùng", "PERSON")]),
    # ... without the full names nothing; "lực lượng" is never a person, in a list or not
    ("Hiện cơ quan công an đã tạm giam Lực, Phước để điều tra.", []),
    ("Lực lượng công an đã bắt Nguyễn Văn Lực.\nlực lượng chức năng đã tạm giam Lực.", [("Nguyễn Văn Lực", "PERSON")]),
    ("Cơ quan điều tra đã bắt Nguyễn Văn Lực và Trần Đình Phước.\n"
     "Sau khi bắt Phước và Lực lượng chức năng tiếp tục truy bắt đồng bọn.",
     [("Nguyễn Văn Lực", "PERSON"), ("Trần Đình Phước", "PERSON"), ("Phước", "PERSON")]),
    ("Cơ quan điều tra đã bắt Nguyễn Văn Lực và Trần Đình Phước.\nLực lượng công an tạm giam Phước.",
     [("Nguyễn Văn Lực", "PERSON"), ("Trần Đình Phước", "PERSON"), ("Phước", "PERSON")]),
    # a full name opening a clause after ";" or "còn" before what is done to a person accused, adverbs of time
    # between (rule 1); Sino-Vietnamese, Vietnamese and Khmer names (family names Danh, Thạch, Sơn, Kim, Lâm)
    ("Đối tượng Lý Minh Tường đã bị bắt; Hoàng Gia Bảo đang bị truy nã.",
     [("Lý Minh Tường", "PERSON"), ("Hoàng Gia Bảo", "PERSON")]),
    ("Danh Sa Rây bị tạm giữ, còn Thạch Sa Ly đang bị truy nã.",
     [("Danh Sa Rây", "PERSON"), ("Thạch Sa Ly", "PERSON")]),
    ("Danh Sa Rây bị tạm giữ, còn Thạch Sa Ly đang bị truy nã.\nDanh Sa Rây khai nhận đã bán ma túy cho Thạch Sa Ly.",
     [("Danh Sa Rây", "PERSON"), ("Thạch Sa Ly", "PERSON"), ("Danh Sa Rây", "PERSON"), ("Thạch Sa Ly", "PERSON")]),
    ("Đối tượng Lý Minh Tường bị bắt; Lê Văn Tâm đang bị truy nã.",
     [("Lý Minh Tường", "PERSON"), ("Lê Văn Tâm", "PERSON")]),
    ("Lò Văn Pọm bị bắt; Trần Minh Khôi vẫn đang lẩn trốn.", [("Lò Văn Pọm", "PERSON"), ("Trần Minh Khôi", "PERSON")]),
    ("Trần Minh Khôi đã bị bắt.", [("Trần Minh Khôi", "PERSON")]),
    ("Danh Sa Rây đã bị bắt.", [("Danh Sa Rây", "PERSON")]),
    ("Kim Sóc Đa vẫn đang bị truy nã.", [("Kim Sóc Đa", "PERSON")]),
    ("Sơn Thị Mỹ bị bắt; Lâm Sô Phia đang bị truy nã.", [("Sơn Thị Mỹ", "PERSON"), ("Lâm Sô Phia", "PERSON")]),
    ("Đường dây do Thạch Sa Ly cầm đầu đã bị triệt phá, còn Chau Sóc Khánh đang bị truy nã.",
     [("Thạch Sa Ly", "PERSON"), ("Chau Sóc Khánh", "PERSON")]),
    # ... a body, a province, a region, a district or a boat there stays what it is (rules 3, 4)
    ("Đối tượng Lý Minh Tường đã bị bắt; Công an tỉnh đang truy bắt đồng bọn.", [("Lý Minh Tường", "PERSON")]),
    ("Đối tượng Lý Minh Tường đã bị bắt, còn Hà Nội đang siết chặt kiểm tra.",
     [("Lý Minh Tường", "PERSON"), ("Hà Nội", "PROVINCE")]),
    ("Mưa lớn kéo dài; Hà Nội đang bị ngập ở nhiều tuyến phố.", [("Hà Nội", "PROVINCE")]),
    ("Mưa lớn kéo dài; Thừa Thiên Huế đang bị chia cắt.", [("Thừa Thiên Huế", "PROVINCE")]),
    ("Các tỉnh miền Trung bị ảnh hưởng; Quảng Bình đang bị ngập.", [("Quảng Bình", "PROVINCE")]),
    ("Bão số 3 đã đi qua, còn Đông Nam Á đang bị ảnh hưởng.", []),
    ("Huyện Kim Sơn bị ngập, còn Kim Sơn đang bị chia cắt.", []),
    ("Tàu cá bị bắt; Tàu Hải Long đang bị tạm giữ.", []),
    ("Đối tượng Thạch Sô Phên đã bị bắt; Sơn La đang bị mưa lớn.",
     [("Thạch Sô Phên", "PERSON"), ("Sơn La", "PROVINCE")]),
    # Khmer names of the Mekong delta after suspect cues and in lists (rule 1); "Kim Sơn" (a district), "Sơn La"
    # (a province) stay what they are
    ("Bắt giữ Thạch Sô Phên, Danh Hoàng Vũ và Chau Sóc Khánh về hành vi mua bán ma túy.",
     [("Thạch Sô Phên", "PERSON"), ("Danh Hoàng Vũ", "PERSON"), ("Chau Sóc Khánh", "PERSON")]),
    ("Bắt giữ Sơn Văn Minh, Kim Sóc Đa và Néang Sa Rươn về hành vi mua bán ma túy.",
     [("Sơn Văn Minh", "PERSON"), ("Kim Sóc Đa", "PERSON"), ("Néang Sa Rươn", "PERSON")]),
    ("Lực lượng chức năng đã bắt Danh Sa Rây.", [("Danh Sa Rây", "PERSON")]),
    ("Ông Nguyễn Văn An quê ở huyện Kim Sơn, tỉnh Ninh Bình.", [("Nguyễn Văn An", "PERSON"), ("Ninh Bình", "PROVINCE")]),
    ("Đoàn công tác đến tỉnh Sơn La làm việc.", [("Sơn La", "PROVINCE")]),
    # Chinese citizens' names in pinyin, two or three syllables, after suspect cues and in lists with Vietnamese
    # names (rule 1); apps and brands are no persons; a news agency named in Latin script is an ORG (rule 3)
    ("Bắt giữ Zhang Wei (SN 1980, quốc tịch Trung Quốc).", [("Zhang Wei", "PERSON")]),
    ("Tổ công tác kiểm tra xe do Liu Jianguo và Nguyễn Văn Tâm điều khiển.",
     [("Liu Jianguo", "PERSON"), ("Nguyễn Văn Tâm", "PERSON")]),
    ("Đối tượng Chen Xiaoming, Wang Li và Lê Thị Hoa bị khởi tố.",
     [("Chen Xiaoming", "PERSON"), ("Wang Li", "PERSON"), ("Lê Thị Hoa", "PERSON")]),
    ("Bắt giữ Wang Li, Chen Xiaoming và Nguyễn Văn Tâm về hành vi vận chuyển ma túy.",
     [("Wang Li", "PERSON"), ("Chen Xiaoming", "PERSON"), ("Nguyễn Văn Tâm", "PERSON")]),
    ("Bắt giữ Zhang Wei và Nguyễn Văn Tâm (quốc tịch Trung Quốc).", [("Zhang Wei", "PERSON"), ("Nguyễn Văn Tâm", "PERSON")]),
    ("Đối tượng Huang Zhi Qiang, Lý Văn Hùng bị bắt.", [("Huang Zhi Qiang", "PERSON"), ("Lý Văn Hùng", "PERSON")]),
    ("Đối tượng Chen Xiaoming khai nhận đã mua ma túy của Liu Jianguo.",
     [("Chen Xiaoming", "PERSON"), ("Liu Jianguo", "PERSON")]),
    ("Các đối tượng liên lạc qua ứng dụng Zalo, Facebook, WeChat để giao dịch.", []),
    ("Hợp tác với công ty Xinhua của Trung Quốc.", [("Xinhua", "ORG")]),
    # a given name after a rank in lower case or after "đồng chí" on second mention (rule 1: the rank is a RANK, the
    # name without it a PERSON)
    ("Thiếu tá Vàng A Dũng chỉ huy tổ công tác.\nTheo thiếu tá Dũng, đường dây rất tinh vi.",
     [("Thiếu tá", "RANK"), ("Vàng A Dũng", "PERSON"), ("thiếu tá", "RANK"), ("Dũng", "PERSON")]),
    ("Đại tá Lê Đăng Khoa chủ trì cuộc họp.\nĐồng chí Khoa cho biết lực lượng đã triệt phá 5 đường dây.",
     [("Đại tá", "RANK"), ("Lê Đăng Khoa", "PERSON"), ("Khoa", "PERSON"), ("5 đường dây", "QUANTITY")]),
    ("Đại tá Lê Đăng Khoa chủ trì.\nTheo đại tá Khoa, đây là chuyên án lớn.",
     [("Đại tá", "RANK"), ("Lê Đăng Khoa", "PERSON"), ("đại tá", "RANK"), ("Khoa", "PERSON")]),
    ("Thiếu tá Vàng A Dũng chỉ huy tổ công tác.\nĐồng chí Dũng cho biết đường dây rất tinh vi.",
     [("Thiếu tá", "RANK"), ("Vàng A Dũng", "PERSON"), ("Dũng", "PERSON")]),
])
def test_listed_short_forms_accused_opening_a_clause_khmer_and_pinyin_lists_and_ranks_on_second_mention(
        nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a body's name with "phòng, chống" inside is whole (rule 3): a national department by its field; a steering
    # committee by its task and province (rules 2, 3); the activity in lower case names nothing
    ("Cục Phòng, chống rửa tiền thuộc Ngân hàng Nhà nước đã chuyển thông tin cho cơ quan công an.",
     [("Cục Phòng, chống rửa tiền", "ORG"), ("Ngân hàng Nhà nước", "ORG")]),
    ("Cục Phòng chống rửa tiền họp.", [("Cục Phòng chống rửa tiền", "ORG")]),
    ("Ban Chỉ đạo phòng, chống tội phạm tỉnh Lai Châu họp.", [("Ban Chỉ đạo phòng, chống tội phạm tỉnh Lai Châu", "ORG")]),
    ("Ban Chỉ đạo phòng, chống tội phạm và ma túy tỉnh Lai Châu họp.",
     [("Ban Chỉ đạo phòng, chống tội phạm và ma túy tỉnh Lai Châu", "ORG")]),
    ("Công tác phòng, chống ma túy được đẩy mạnh.", []),
    ("Công tác phòng, chống rửa tiền được đẩy mạnh.", []),
    ("Ban Chỉ đạo phòng, chống tội phạm của tỉnh họp.", []),
    # a steering committee by its decision's number, then its province, district, the nation or a named body (rule
    # 3); without a name nothing; one digit counts what it leads (rule 5)
    ("Ban Chỉ đạo 138 tỉnh Gia Lai tổng kết công tác năm.", [("Ban Chỉ đạo 138 tỉnh Gia Lai", "ORG")]),
    ("Ban Chỉ đạo 389 tỉnh Quảng Trị họp.", [("Ban Chỉ đạo 389 tỉnh Quảng Trị", "ORG")]),
    ("Ban Chỉ đạo 389 quốc gia chỉ đạo các địa phương.", [("Ban Chỉ đạo 389 quốc gia", "ORG")]),
    ("Ban Chỉ đạo 138 huyện Kỳ Sơn họp.", [("Ban Chỉ đạo 138 huyện Kỳ Sơn", "ORG")]),
    ("Ban Chỉ đạo 389 thành phố Hà Nội kiểm tra.", [("Ban Chỉ đạo 389 thành phố Hà Nội", "ORG")]),
    ("Ban Chỉ đạo 138 Công an tỉnh Nghệ An họp.", [("Ban Chỉ đạo 138 Công an tỉnh Nghệ An", "ORG")]),
    ("Ông Nguyễn Văn An, Phó Trưởng Ban Chỉ đạo 389 tỉnh Quảng Trị, phát biểu.",
     [("Nguyễn Văn An", "PERSON"), ("Ban Chỉ đạo 389 tỉnh Quảng Trị", "ORG")]),
    ("Ban Chỉ đạo 138 Công an tỉnh họp.", []),
    ("Ban Chỉ đạo 389 họp.", []),
    ("Ban Chỉ đạo 6 huyện, thành phố họp.", [("6 huyện", "QUANTITY")]),
    ("Lãnh đạo tỉnh chỉ đạo 138 tỉnh thành.", [("138 tỉnh", "QUANTITY")]),
    # a bank by its brand in capitals after "ngân hàng", "tài khoản" or before "chi nhánh", its branch with it (rules
    # 2, 3); other capitals after "tài khoản", "mã" name no bank
    ("Đối tượng chuyển tiền vào tài khoản BIDV chi nhánh tỉnh Lạng Sơn.", [("BIDV chi nhánh tỉnh Lạng Sơn", "ORG")]),
    ("Ông mở tài khoản tại ngân hàng ACB.", [("ACB", "ORG")]),
    ("Đối tượng mở tài khoản MB và tài khoản Techcombank.", [("MB", "ORG"), ("Techcombank", "ORG")]),
    ("Đối tượng rút tiền tại SHB chi nhánh huyện Văn Bàn.", [("SHB chi nhánh huyện Văn Bàn", "ORG")]),
    ("Ngân hàng ACB chi nhánh Hà Nội phối hợp.", [("Ngân hàng ACB chi nhánh Hà Nội", "ORG")]),
    ("Tài khoản VIB của đối tượng bị phong tỏa.", [("VIB", "ORG")]),
    ("Nhập mã OTP để xác nhận.", []),
    ("Khách hàng có tài khoản VIP.", []),
    ("Tệp dung lượng 500 MB.", [("500 MB", "QUANTITY")]),  # (a size, no bank; a QUANTITY since session 27)
    # a district's or a post's place ending on a word that is a person's cue elsewhere, before a lower-case word or
    # punctuation, is whole (rule 3); a person after a comma stays one; a common word opened by the cue stays out
    ("Công an huyện Sa Thầy phối hợp.", [("Công an huyện Sa Thầy", "ORG")]),
    ("Đồn Biên phòng Ba Chị tuần tra.", [("Đồn Biên phòng Ba Chị", "ORG")]),
    ("Lực lượng đến Đồn Biên phòng Ba Chị.", [("Đồn Biên phòng Ba Chị", "ORG")]),
    ("Công an thị xã Ba Chị phối hợp.", [("Công an thị xã Ba Chị", "ORG")]),
    ("Công an xã Ông Ích Khiêm tiếp nhận.", [("Công an xã Ông Ích Khiêm", "ORG")]),
    ("Công an xã Nậm Lò phối hợp.", [("Công an xã Nậm Lò", "ORG")]),
    ("Công an huyện Sa Thầy, ông Nguyễn Văn An cho biết.",
     [("Công an huyện Sa Thầy", "ORG"), ("Nguyễn Văn An", "PERSON")]),
    ("Công an huyện Nam Đàn Anh Nguyễn Văn Hùng cho biết.",
     [("Công an huyện Nam Đàn", "ORG"), ("Nguyễn Văn Hùng", "PERSON")]),
    ("Công an xã Mường Lống Anh hùng lực lượng vũ trang.", [("Công an xã Mường Lống", "ORG")]),
    ("Công an tỉnh Nghệ An Anh cho biết.", [("Công an tỉnh Nghệ An", "ORG")]),
    ("Đồn Biên phòng Nậm Cắn Chỉ đạo các tổ tuần tra.", [("Đồn Biên phòng Nậm Cắn", "ORG")]),
    # a school's name runs over its fields to its last capitalised word (rule 3, the whole name); a lower-case word
    # that is no field ends it
    ("Trường Đại học Kinh tế Quốc dân ký kết với Trường Đại học Luật Hà Nội.",
     [("Trường Đại học Kinh tế Quốc dân", "ORG"), ("Trường Đại học Luật Hà Nội", "ORG")]),
    ("Trường Cao đẳng Cảnh sát nhân dân II tổ chức lễ.", [("Trường Cao đẳng Cảnh sát nhân dân II", "ORG")]),
    ("Học viện Chính trị Công an nhân dân tổ chức lễ.", [("Học viện Chính trị Công an nhân dân", "ORG")]),
    ("Trường Đại học Sư phạm Kỹ thuật Hưng Yên tuyển sinh.", [("Trường Đại học Sư phạm Kỹ thuật Hưng Yên", "ORG")]),
    ("Trường Đại học Y dược Cần Thơ tuyển sinh.", [("Trường Đại học Y dược Cần Thơ", "ORG")]),
    ("Trường Đại học Giao thông vận tải tuyển sinh.", [("Trường Đại học Giao thông vận tải", "ORG")]),
    ("Trường Đại học Kỹ thuật Hậu cần Công an nhân dân tuyển sinh.",
     [("Trường Đại học Kỹ thuật Hậu cần Công an nhân dân", "ORG")]),
    ("Trường Đại học Sư phạm tổ chức lễ.", [("Trường Đại học Sư phạm", "ORG")]),
    ("Sinh viên Trường Đại học Vinh học tập tại Nghệ An.", [("Trường Đại học Vinh", "ORG"), ("Nghệ An", "PROVINCE")]),
    ("Trường Đại học Vinh thăm Lào.", [("Trường Đại học Vinh", "ORG")]),
    ("Trường Đại học Vinh qua Lào.", [("Trường Đại học Vinh", "ORG")]),
    ("Hiệu trưởng Trường Đại học Vinh Nguyễn Văn An phát biểu.",
     [("Trường Đại học Vinh", "ORG"), ("Nguyễn Văn An", "PERSON")]),
    # forest protection units and district bodies named by the district alone (rule 3)
    ("Hạt Kiểm lâm Mường Lát phối hợp với Đồn Biên phòng Tam Chung tuần tra.",
     [("Hạt Kiểm lâm Mường Lát", "ORG"), ("Đồn Biên phòng Tam Chung", "ORG")]),
    ("Công an Xa Vẳn Na Khệt trao trả đối tượng.", [("Công an Xa Vẳn Na Khệt", "ORG")]),
    ("Hạt Kiểm lâm Quế Phong, Hạt Kiểm lâm Tương Dương cùng tham gia.",
     [("Hạt Kiểm lâm Quế Phong", "ORG"), ("Hạt Kiểm lâm Tương Dương", "ORG")]),
    ("Hạt Kiểm lâm Kỳ Sơn và Công an tỉnh Nghệ An phối hợp.",
     [("Hạt Kiểm lâm Kỳ Sơn", "ORG"), ("Công an tỉnh Nghệ An", "ORG")]),
    ("Hạt Kiểm lâm huyện Kỳ Sơn phối hợp.", [("Hạt Kiểm lâm huyện Kỳ Sơn", "ORG")]),
    ("Hạt Kiểm lâm đã lập biên bản.", []),
    ("Hạt Kiểm lâm Vườn quốc gia Pù Mát tuần tra.", []),
])
def test_anti_crime_bodies_steering_committees_banks_places_on_a_cue_schools_and_forest_units(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a capitalised "Anh" right after a family name of the lists and zero to two middle or given names of the lists
    # is the last syllable of that name (rule 1: "Anh" is one of the commonest given names), not the pronoun cue
    # "anh" for the words after it (session 18e)
    ("Lê Tuấn Anh đang bị truy nã.", [("Lê Tuấn Anh", "PERSON")]),
    ("Cơ quan điều tra bắt Phạm Đức Anh.", [("Phạm Đức Anh", "PERSON")]),
    ("Phạm Đức Anh bị bắt.", [("Phạm Đức Anh", "PERSON")]),
    ("Phạm Đức Anh, Lê Quỳnh Anh bị khởi tố.", [("Phạm Đức Anh", "PERSON"), ("Lê Quỳnh Anh", "PERSON")]),
    ("Bắt giữ Phạm Đức Anh, Lê Quỳnh Anh và Hoàng Minh Tú.",
     [("Phạm Đức Anh", "PERSON"), ("Lê Quỳnh Anh", "PERSON"), ("Hoàng Minh Tú", "PERSON")]),
    ("Cơ quan điều tra đã bắt Trần Thế Anh, Nguyễn Vân Anh và Lê Mai Anh.",
     [("Trần Thế Anh", "PERSON"), ("Nguyễn Vân Anh", "PERSON"), ("Lê Mai Anh", "PERSON")]),
    ("Phạm Ngọc Anh khai nhận đã mua 3 gói ma túy.", [("Phạm Ngọc Anh", "PERSON"), ("3 gói", "QUANTITY")]),
    # ... of four words, and "Anh" inside a name: the cue's shape took only the words after it ("Tuấn")
    ("Nguyễn Thị Lan Anh (SN 1995) bị bắt.", [("Nguyễn Thị Lan Anh", "PERSON")]),
    ("Nguyễn Anh Tuấn bị bắt.", [("Nguyễn Anh Tuấn", "PERSON")]),
    ("Cơ quan điều tra bắt Nguyễn Anh Tuấn.", [("Nguyễn Anh Tuấn", "PERSON")]),
    ("Nguyễn Hoàng Anh Tuấn bị bắt.", [("Nguyễn Hoàng Anh Tuấn", "PERSON")]),
    ("Hôm qua, Đoàn Anh Tú bị bắt.", [("Đoàn Anh Tú", "PERSON")]),
    # ... a family name and "Anh" alone is a name (rule 1) where a cue or a list says so, or before a verb said of
    # persons only, as "Đỗ Hùng bị bắt" (session 22; two words with no cue named no one before)
    ("Đỗ Anh bị bắt.", [("Đỗ Anh", "PERSON")]),
    ("Đối tượng Đỗ Anh bị bắt.", [("Đỗ Anh", "PERSON")]),
    ("Ông Đỗ Anh cho biết.", [("Đỗ Anh", "PERSON")]),
    ("Bắt giữ Lê Văn Nam, Đỗ Anh.", [("Lê Văn Nam", "PERSON"), ("Đỗ Anh", "PERSON")]),
    # ... what worked with a cue still does (a rank, a suspect's cue, a credit, a byline)
    ("Đối tượng Trần Việt Anh (SN 1990) bị bắt.", [("Trần Việt Anh", "PERSON")]),
    ("Đại úy Nguyễn Tuấn Anh cho biết.", [("Đại úy", "RANK"), ("Nguyễn Tuấn Anh", "PERSON")]),
    ("Đại tá Nguyễn Anh Tuấn cho biết.", [("Đại tá", "RANK"), ("Nguyễn Anh Tuấn", "PERSON")]),
    ("Bà Nguyễn Thị Quế Anh phát biểu.", [("Nguyễn Thị Quế Anh", "PERSON")]),
    ("Ảnh: Tuấn Anh", [("Tuấn Anh", "PERSON")]),
    ("Lê Văn Nam bị bắt.\nTuấn Anh - Minh Khôi",
     [("Lê Văn Nam", "PERSON"), ("Tuấn Anh", "PERSON"), ("Minh Khôi", "PERSON")]),
    ("Hồng Nhung – Anh Cường", [("Hồng Nhung", "PERSON"), ("Anh Cường", "PERSON")]),
    # the pronoun stays a cue where no family name comes right before it: at a clause's start, after a place or a
    # body, in lower case (rule 1: the name without "anh")
    ("Anh Tú cho biết.", [("Tú", "PERSON")]),
    ("Anh Nguyễn Văn Tú cho biết.", [("Nguyễn Văn Tú", "PERSON")]),
    ("Theo anh Nguyễn Văn Tú, vụ việc xảy ra lúc 9 giờ.", [("Nguyễn Văn Tú", "PERSON")]),
    ("Nguyễn Văn Tú và anh Lê Văn Nam bị bắt.", [("Nguyễn Văn Tú", "PERSON"), ("Lê Văn Nam", "PERSON")]),
    ("Nguyễn Văn Tú anh trai của Lê Văn Nam bị bắt.", [("Nguyễn Văn Tú", "PERSON"), ("Lê Văn Nam", "PERSON")]),
    ("Lê Tuấn Anh bị bắt. Anh Tú cho biết.", [("Lê Tuấn Anh", "PERSON"), ("Tú", "PERSON")]),
    ("Tại tỉnh Hà Giang Anh Tú cho biết.", [("Hà Giang", "PROVINCE"), ("Tú", "PERSON")]),
    ("Công an huyện Lục Nam Anh Tú cho biết.", [("Công an huyện Lục Nam", "ORG"), ("Tú", "PERSON")]),
    # ... and after a full name when the name it would make is longer than four words: "Lê Văn Tú" + "anh" + name
    ("Lê Văn Tú Anh Nguyễn Văn Nam cho biết.", [("Lê Văn Tú", "PERSON"), ("Nguyễn Văn Nam", "PERSON")]),
    # "Anh em" (brothers) before a list is no name: the listed names only
    ("Anh em Lê Văn Nam, Lê Văn Bắc bị bắt.", [("Lê Văn Nam", "PERSON"), ("Lê Văn Bắc", "PERSON")]),
    # "Anh" the country and "Anh hùng" stay out of names (rules 1, 4)
    ("Cảnh sát Anh phối hợp với Interpol.", [("Interpol", "ORG")]),
    ("Đại sứ Anh tại Việt Nam thăm Bộ Công an.", [("Bộ Công an", "ORG")]),
    ("Bà mẹ Việt Nam Anh hùng Nguyễn Thị Hoa.", [("Nguyễn Thị Hoa", "PERSON")]),
    # the two-word short form ending on "Anh" of a person named in full is that person where it recurs (rule 1);
    # "Anh" alone opening a clause stays the pronoun, and a short form of no person named is nothing
    ("Lê Tuấn Anh (SN 1988) bị bắt.\nTuấn Anh khai nhận đã mua ma túy.",
     [("Lê Tuấn Anh", "PERSON"), ("Tuấn Anh", "PERSON")]),
    ("Lê Tuấn Anh bị bắt.\nTuấn Anh khai nhận đã mua ma túy.", [("Lê Tuấn Anh", "PERSON"), ("Tuấn Anh", "PERSON")]),
    ("Lê Tuấn Anh (SN 1988) bị bắt.\nAnh khai nhận đã mua ma túy.", [("Lê Tuấn Anh", "PERSON")]),
    ("Lê Tuấn Anh bị bắt. Việt Anh bỏ trốn.", [("Lê Tuấn Anh", "PERSON")]),
    ("Tuấn Anh khai nhận đã mua ma túy.", []),
])
def test_full_names_ending_on_anh_and_the_pronoun_cue(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # Lao names of four to seven spaced syllables before a year of birth or in a list are whole (rule 1): a
    # Vietnamese family name inside ("Ma") starts no name there; a province that opens such a name before "(SN" is the
    # person's name; "tỉnh Xay Xổm Bun" stays the province
    ("Bắt giữ Xổm Xạ Vắt Phôm Ma Lay (SN 1987) tại bản.", [("Xổm Xạ Vắt Phôm Ma Lay", "PERSON")]),
    ("Cơ quan điều tra xác định Xay Xổm Phết Đuông Ma Ni (SN 1984) tham gia đường dây.",
     [("Xay Xổm Phết Đuông Ma Ni", "PERSON")]),
    ("Bắt giữ Xay Phon Khăm Ma Ni (SN 1987) tại bản.", [("Xay Phon Khăm Ma Ni", "PERSON")]),
    ("Tòa tuyên phạt tử hình Hồ Văn Lâm, Xay Phon Khăm Ma Ni, Lê Văn Tư về tội mua bán trái phép chất ma túy.",
     [("Hồ Văn Lâm", "PERSON"), ("Xay Phon Khăm Ma Ni", "PERSON"), ("Lê Văn Tư", "PERSON")]),
    ("Bắt giữ Xay Xổm Bun Phết Ma Ni (SN 1984) tại bản.", [("Xay Xổm Bun Phết Ma Ni", "PERSON")]),
    ("Đoàn công tác đến tỉnh Xay Xổm Bun làm việc.", [("Xay Xổm Bun", "PROVINCE")]),
    ("Đoàn đến tỉnh Xay Xổm Bun (Lào) làm việc.", [("Xay Xổm Bun", "PROVINCE")]),
    ("Bắt Nguyễn Văn A (SN 1980) tại nhà.", [("Nguyễn Văn A", "PERSON")]),
    # a neighbour's province in another spelling where a province is expected (rule 4): initial "s"/"x" and "e"/"ê"
    # are one in the toneless key; without a province word nothing
    ("Công an tỉnh Sa Văn Na Khét (Lào) phối hợp bắt giữ đối tượng trú tại tỉnh Sa Văn Na Khét.",
     [("Công an tỉnh Sa Văn Na Khét", "ORG"), ("Sa Văn Na Khét", "PROVINCE")]),
    ("Đối tượng trú tại tỉnh Xa Văn Na Khét.", [("Xa Văn Na Khét", "PROVINCE")]),
    ("Đối tượng trú tại tỉnh Sả Vẳn Nạ Khệt.", [("Sả Vẳn Nạ Khệt", "PROVINCE")]),
    ("Đoàn đến Sa Văn Na Khét.", []),
    # units and counters (rule 5): a crypto currency's code, horsepower, chapters and articles, banks, a leaflet;
    # "Điều 15", "khoản 2 Điều 7" are references
    ("Nhóm còn nhận 2,5 triệu USDT qua ví điện tử.", [("2,5 triệu USDT", "QUANTITY")]),
    ("Tàu lắp máy công suất máy 650 CV.", [("650 CV", "QUANTITY")]),
    ("Nghị định gồm 6 chương, 42 điều.", [("6 chương", "QUANTITY"), ("42 điều", "QUANTITY")]),
    ("Theo Điều 15 và khoản 2 Điều 7 của Luật.", []),
    ("Theo khoản 2 điều 7 Luật, quy định tại điều 5.", []),
    ("Nhóm dùng 120 tài khoản mở tại 12 ngân hàng.", [("120 tài khoản", "QUANTITY"), ("12 ngân hàng", "QUANTITY")]),
    ("Đơn vị lắp 8 cột mốc phụ.", [("8 cột mốc", "QUANTITY")]),
    # ("tờ khai", a declaration form, is a unit word of its own since session 32, as "tờ rơi")
    ("Nhóm in 3.000 tờ rơi và 200 tờ khai.", [("3.000 tờ rơi", "QUANTITY"), ("200 tờ khai", "QUANTITY")]),
    ("Đơn vị triển khai 3 chương trình.", [("3 chương trình", "QUANTITY")]),
    # banks by their legal name (rule 3); an abbreviation in brackets after it is its own ORG; generic banks nothing
    ("Nhóm mở tài khoản tại Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank).",
     [("Ngân hàng TMCP Ngoại thương Việt Nam", "ORG"), ("Vietcombank", "ORG")]),
    ("Nhóm mở tài khoản tại Ngân hàng TMCP Quân đội (MB).", [("Ngân hàng TMCP Quân đội", "ORG"), ("MB", "ORG")]),
    ("Nhóm vay vốn của Ngân hàng Nông nghiệp và Phát triển nông thôn Việt Nam.",
     [("Ngân hàng Nông nghiệp và Phát triển nông thôn Việt Nam", "ORG")]),
    ("Ngân hàng Đầu tư và Phát triển Việt Nam (BIDV) phối hợp.",
     [("Ngân hàng Đầu tư và Phát triển Việt Nam", "ORG"), ("BIDV", "ORG")]),
    ("Ngân hàng TMCP Á Châu cho vay.", [("Ngân hàng TMCP Á Châu", "ORG")]),
    ("Nhóm mở tài khoản tại các ngân hàng thương mại.", []),
    ("Ngân hàng cho biết đã phong tỏa tài khoản.", []),
    # coast guard, fisheries and Cambodia's gendarmerie and provincial administration (rule 3)
    ("Ảnh: BTL Vùng CSB 3", [("BTL Vùng CSB 3", "ORG")]),
    ("Ảnh: Bộ Tư lệnh Vùng Cảnh sát biển 3", [("Bộ Tư lệnh Vùng Cảnh sát biển 3", "ORG")]),
    ("Vụ việc đang được Cục Kiểm ngư xử lý.", [("Cục Kiểm ngư", "ORG")]),
    ("Chi cục Kiểm ngư vùng V phối hợp tuần tra.", [("Chi cục Kiểm ngư vùng V", "ORG")]),
    ("Lực lượng Hiến binh tỉnh Takeo tham gia tuần tra.", [("Lực lượng Hiến binh tỉnh Takeo", "ORG")]),
    ("Hiến binh Hoàng gia Campuchia bắt giữ đối tượng.", [("Hiến binh Hoàng gia Campuchia", "ORG")]),
    ("Ủy ban tỉnh Tbong Khmum cam kết phối hợp.", [("Ủy ban tỉnh Tbong Khmum", "ORG")]),
    ("Ủy ban tỉnh cam kết phối hợp.", []),
    # national papers named without "Báo" after "báo", "các báo", "phóng viên" and in the list after it (rule 3);
    # "thanh niên", "nhân dân" elsewhere and "Đoàn Thanh niên" are what they were
    ("Phóng viên các báo Thanh Niên, VnExpress và Nhân Dân đặt câu hỏi.",
     [("Thanh Niên", "ORG"), ("VnExpress", "ORG"), ("Nhân Dân", "ORG")]),
    ("Các báo Tuổi Trẻ và Lao Động đưa tin.", [("Tuổi Trẻ", "ORG"), ("Lao Động", "ORG")]),
    ("Trả lời phóng viên Tiền Phong, ông cho biết.", [("Tiền Phong", "ORG")]),
    ("Thanh niên và nhân dân tham gia tuần tra.", []),
    ("Đoàn Thanh niên Công an tỉnh Nghệ An tổ chức.", [("Đoàn Thanh niên Công an tỉnh Nghệ An", "ORG")]),
    # aliases (rule 1): a record's "tên gọi khác:", "tên giả là", a name in quotes after a person and "tên"
    ("Họ và tên: Giàng A Pháo; tên gọi khác: Giàng Pháo Lùn; giới tính: nam.",
     [("Giàng A Pháo", "PERSON"), ("Giàng Pháo Lùn", "PERSON")]),
    ("Y dùng tên giả là Chan Dara để trốn tránh.", [("Chan Dara", "PERSON")]),
    ("Qua mạng, một người tên \"Long Ca\" hứa hẹn việc nhẹ lương cao.", [("Long Ca", "PERSON")]),
    ("Qua mạng, một người tên “Long Ca” hứa hẹn việc nhẹ lương cao.", [("Long Ca", "PERSON")]),
    ("Công ty có tên \"Hải Long\" bị xử phạt.", []),
    ("Sản phẩm có tên gọi khác: Thuốc Lắc, được bán.", []),
    # names of the Central Highlands and the south-east (rule 1): "Điểu" a family name, "Thị" opening a woman's name
    # in a list of persons; "Già" (an elder) is a cue, outside the name
    ("Cùng bị bắt còn có Điểu Khanh và Thị Mai.", [("Điểu Khanh", "PERSON"), ("Thị Mai", "PERSON")]),
    ("Nhóm gồm Điểu Khanh, Thị Mai và Điểu Lành.",
     [("Điểu Khanh", "PERSON"), ("Thị Mai", "PERSON"), ("Điểu Lành", "PERSON")]),
    ("Già Blong kể lại chuyện cũ.", [("Blong", "PERSON")]),
    # a given name alone after "từ", "với" or a given name and "và", its full name in the document (rule 1); not a
    # country after "từ", nor without the full name
    ("Lò Văn Sinh (SN 1990) và Lò Văn Thành (SN 1985) bị bắt.\nSinh khai nhận hàng từ Thành ở biên giới.",
     [("Lò Văn Sinh", "PERSON"), ("Lò Văn Thành", "PERSON"), ("Sinh", "PERSON"), ("Thành", "PERSON")]),
    ("Lò Văn Hùng (SN 1980) và Lò Thị Nga (SN 1982) buôn ma túy.\nNgày 2/3, Hùng và Nga bị bắt.",
     [("Lò Văn Hùng", "PERSON"), ("Lò Thị Nga", "PERSON"), ("Hùng", "PERSON"), ("Nga", "PERSON")]),
    ("Lò Văn Hùng (SN 1980) và Lò Thị Nga (SN 1982) buôn ma túy.\nHàng được đưa từ Nga về.",
     [("Lò Văn Hùng", "PERSON"), ("Lò Thị Nga", "PERSON")]),
    ("Lò Văn Sinh (SN 1990) bị bắt.\nSinh khai nhận hàng từ Thành ở biên giới.",
     [("Lò Văn Sinh", "PERSON"), ("Sinh", "PERSON")]),
])
def test_lao_names_provinces_in_other_spellings_units_banks_coast_guard_papers_aliases_highland_names_and_short_forms(
        nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a family name of the lists, one or two middle names of the lists, then a given name that is also a common word,
    # in running text and without a cue, is a PERSON (rule 1; session 18f)
    ("Nguyễn Minh Tài bị khởi tố.", [("Nguyễn Minh Tài", "PERSON")]),
    ("Bùi Quang Toàn bị khởi tố.", [("Bùi Quang Toàn", "PERSON")]),
    ("Lê Minh Chiến cho biết.", [("Lê Minh Chiến", "PERSON")]),
    ("Hôm qua, Lê Minh Chiến bị khởi tố.", [("Lê Minh Chiến", "PERSON")]),
    ("Lê Minh Bảo bị khởi tố.", [("Lê Minh Bảo", "PERSON")]),
    ("Lê Minh Hậu bị khởi tố.", [("Lê Minh Hậu", "PERSON")]),
    ("Lê Minh Khoa bị khởi tố.", [("Lê Minh Khoa", "PERSON")]),
    ("Lê Minh Liên bị khởi tố.", [("Lê Minh Liên", "PERSON")]),
    ("Lê Minh Thủy bị khởi tố.", [("Lê Minh Thủy", "PERSON")]),
    ("Lê Minh Thuỷ bị khởi tố.", [("Lê Minh Thuỷ", "PERSON")]),
    ("Lê Minh Vũ bị khởi tố.", [("Lê Minh Vũ", "PERSON")]),
    ("Lê Minh Hợp bị khởi tố.", [("Lê Minh Hợp", "PERSON")]),
    ("Lê Minh Tư bị khởi tố.", [("Lê Minh Tư", "PERSON")]),
    ("Lê Minh Hùng cho biết.", [("Lê Minh Hùng", "PERSON")]),
    ("Theo Lê Minh Chiến, đường dây hoạt động từ năm 2020.", [("Lê Minh Chiến", "PERSON")]),
    ("Trần Quang Tài, Bùi Quang Toàn và Lê Minh Chiến bị bắt.",
     [("Trần Quang Tài", "PERSON"), ("Bùi Quang Toàn", "PERSON"), ("Lê Minh Chiến", "PERSON")]),
    # ... worked before, kept
    ("Lê Văn Chiến bị khởi tố.", [("Lê Văn Chiến", "PERSON")]),
    ("Lê Minh Chiến (SN 1990) bị khởi tố.", [("Lê Minh Chiến", "PERSON")]),
    ("Lê Minh Chiến đã bị bắt.", [("Lê Minh Chiến", "PERSON")]),
    ("Cơ quan CSĐT khởi tố Lê Minh Chiến.", [("Lê Minh Chiến", "PERSON")]),
    ("Lê Minh Hùng bị khởi tố.", [("Lê Minh Hùng", "PERSON")]),
    # ... not after a place, body, prize or boat word, nor in a list of streets, nor an address, nor the city, nor
    # the Pacific, nor a body named by common words, nor a headline in title case
    ("Đoàn xe đi qua đường Trần Hưng Đạo.", []),
    ("Trường THPT Lê Quý Đôn khai giảng năm học mới.", [("Trường THPT Lê Quý Đôn", "ORG")]),
    ("Chợ phường Lê Lợi bị cháy.", []),
    ("Tàu Hải Long bị bắt giữ.", []),
    ("Đoàn công tác đi qua cầu Trần Thị Lý.", []),
    ("Giải Trần Minh Chiến được tổ chức lần thứ 3.", []),
    ("Quỹ Lê Minh Tài trao học bổng.", []),
    ("Các tuyến phố Lê Lợi, Trần Hưng Đạo và Trần Quốc Toản bị ngập.", []),
    ("Cửa hàng tại số 12 Nguyễn Thị Minh Khai, quận 1 bị khám xét.", []),
    ("Thành phố Hồ Chí Minh có nhiều dự án.", [("Hồ Chí Minh", "PROVINCE")]),
    ("Khu vực châu Á - Thái Bình Dương đang phát triển.", []),
    ("Đoàn Thanh Niên tỉnh tổ chức hội thi.", []),
    ("Bắt Giữ Lê Minh Chiến Tại Cửa Khẩu\nLực lượng chức năng làm nhiệm vụ.", []),
    # a province's name as the given name after a family name and a middle name of the lists (rule 1; rule 4: the
    # province stands on its own elsewhere): one syllable ("Huế"), or two name words of the lists
    ("Nguyễn Thị Huế, Phó Chủ tịch UBND tỉnh, phát biểu.", [("Nguyễn Thị Huế", "PERSON")]),
    ("Trần Thị Huế (SN 1990) bị bắt.", [("Trần Thị Huế", "PERSON")]),
    ("Cơ quan điều tra bắt Trần Đức Huế.", [("Trần Đức Huế", "PERSON")]),
    ("Bắt giữ Nguyễn Văn Huế và Lê Thị Hòa Bình.", [("Nguyễn Văn Huế", "PERSON"), ("Lê Thị Hòa Bình", "PERSON")]),
    ("Nguyễn Thị Hà Giang, Phó Chủ tịch UBND tỉnh, phát biểu.", [("Nguyễn Thị Hà Giang", "PERSON")]),
    ("Lê Văn Thái Bình bị bắt.", [("Lê Văn Thái Bình", "PERSON")]),
    ("Nguyễn Thái Bình cho biết.", [("Nguyễn Thái Bình", "PERSON")]),
    # ... worked before, kept; the province stays where it stands on its own, and the citadel is no person
    ("Bà Nguyễn Thị Huế phát biểu.", [("Nguyễn Thị Huế", "PERSON")]),
    ("Đoàn công tác đến tỉnh Thừa Thiên Huế.", [("Thừa Thiên Huế", "PROVINCE")]),
    ("Đoàn công tác đến thành phố Huế.", [("Huế", "PROVINCE")]),
    ("Đoàn công tác đến TP Huế.", [("Huế", "PROVINCE")]),
    ("Đoàn công tác trở về Huế.", [("Huế", "PROVINCE")]),
    ("Huế là thành phố trực thuộc Trung ương.", [("Huế", "PROVINCE")]),
    ("Đoàn đến thăm Hoàng Thành Huế.", [("Huế", "PROVINCE")]),
    ("Đoàn công tác đến tỉnh Thái Bình.", [("Thái Bình", "PROVINCE")]),
])
def test_full_names_whose_given_name_is_a_common_word_or_a_province(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an agency named by what it does and where it is: "Chi cục", "Trạm", "Trung tâm", its description, perhaps
    # "vùng"/"tỉnh", then a border gate, a region, a park or an airport (rule 3: a body whose name holds a place; rule 2:
    # no PROVINCE inside) (session 19c)
    ("Chi cục Hải quan Tà Lùng đã bắt giữ lô hàng.", [("Chi cục Hải quan Tà Lùng", "ORG")]),
    ("Theo Chi cục Kiểm dịch động vật vùng Lạng Sơn, dịch bệnh đã được kiểm soát.",
     [("Chi cục Kiểm dịch động vật vùng Lạng Sơn", "ORG")]),
    ("Trạm Kiểm dịch thực vật Cầu Treo phát hiện lô hàng.", [("Trạm Kiểm dịch thực vật Cầu Treo", "ORG")]),
    ("Lực lượng chức năng đã bàn giao cho Trung tâm Cứu hộ động vật hoang dã Sóc Sơn chăm sóc.",
     [("Trung tâm Cứu hộ động vật hoang dã Sóc Sơn", "ORG")]),
    ("Đoàn đến thăm Trung tâm chỉ huy xuất nhập cảnh sân bay quốc tế Nội Bài.",
     [("Trung tâm chỉ huy xuất nhập cảnh sân bay quốc tế Nội Bài", "ORG")]),
    ("Chi cục Kiểm lâm tỉnh Nghệ An kiểm tra.", [("Chi cục Kiểm lâm tỉnh Nghệ An", "ORG")]),
    ("Giám đốc Trung tâm Cứu hộ động vật hoang dã Sóc Sơn Nguyễn Văn An cho biết.",
     [("Trung tâm Cứu hộ động vật hoang dã Sóc Sơn", "ORG"), ("Nguyễn Văn An", "PERSON")]),
    # ... without what it does, without a place, or in lower case nothing; the bodies the patterns read keep their
    # span
    ("Trung tâm chỉ huy đã điều động lực lượng.", []),
    ("Sáng nay, Trung tâm Hà Nội đông người.", [("Hà Nội", "PROVINCE")]),
    ("Trạm Kiểm dịch đã phát hiện lô hàng.", []),
    ("Trung tâm thành phố Vinh đông vui.", []),
    ("Lô hàng được đưa về trung tâm thương mại Vincom.", []),
    ("Hai bên quan tâm Hà Tĩnh.", [("Hà Tĩnh", "PROVINCE")]),
    ("Trung tâm Y tế huyện Kỳ Sơn tiếp nhận bệnh nhân.", [("Trung tâm Y tế huyện Kỳ Sơn", "ORG")]),
    ("Chi cục Hải quan cửa khẩu Lao Bảo thu thuế.", [("Chi cục Hải quan cửa khẩu Lao Bảo", "ORG")]),
    ("Chi cục Hải quan khu vực VI thu thuế.", [("Chi cục Hải quan khu vực VI", "ORG")]),
    ("Trung tâm Huấn luyện Bộ Công an tổ chức lễ.", [("Trung tâm Huấn luyện Bộ Công an", "ORG")]),
    # a consulate with its country at a city named with "Thành phố" (the city word of two words), and named by the
    # city it serves alone, in full or as "TLSQ" (Tổng Lãnh sự quán); "TLSQ" defined in brackets recurs as an ORG
    ("Tổng Lãnh sự quán Lào tại Thành phố Hồ Chí Minh tổ chức lễ kỷ niệm.",
     [("Tổng Lãnh sự quán Lào tại Thành phố Hồ Chí Minh", "ORG")]),
    ("Tổng Lãnh sự quán Lào tại thành phố Hồ Chí Minh tổ chức lễ kỷ niệm.",
     [("Tổng Lãnh sự quán Lào tại thành phố Hồ Chí Minh", "ORG")]),
    ("Tổng Lãnh sự quán Campuchia tại TP Hồ Chí Minh tổ chức lễ kỷ niệm.",
     [("Tổng Lãnh sự quán Campuchia tại TP Hồ Chí Minh", "ORG")]),
    ("(Ảnh: TLSQ Luông Pha Bang)", [("TLSQ Luông Pha Bang", "ORG")]),
    ("Lãnh sự quán Xa Vẳn Na Khệt tặng quà.", [("Lãnh sự quán Xa Vẳn Na Khệt", "ORG")]),
    ("TLSQ Việt Nam tại Luông Pha Bang trao quà.", [("TLSQ Việt Nam tại Luông Pha Bang", "ORG")]),
    ("Tổng Lãnh sự quán Việt Nam tại Luông Pha Bang (TLSQ) tổ chức lễ. TLSQ cũng trao quà.",
     [("Tổng Lãnh sự quán Việt Nam tại Luông Pha Bang", "ORG"), ("TLSQ", "ORG"), ("TLSQ", "ORG")]),
    # an association of a people abroad, named by where it lives (province or country); alone or of no people nothing
    ("Hội người Việt Nam tại tỉnh Chăm-pa-xắc đã hỗ trợ bà con.",
     [("Hội người Việt Nam tại tỉnh Chăm-pa-xắc", "ORG")]),
    ("Hội người Việt Nam tại Lào tổ chức Tết.", [("Hội người Việt Nam tại Lào", "ORG")]),
    ("Hội người Việt Nam đã quyên góp.", []),
    ("Hội người cao tuổi xã tổ chức.", []),
    # a friendship school named by two provinces or countries joined by a dash or a hyphen is one ORG with both
    ("Đoàn đã bàn giao Trường Trung học cơ sở Hữu nghị Nghệ An – Xiêng Khoảng cho tỉnh bạn.",
     [("Trường Trung học cơ sở Hữu nghị Nghệ An – Xiêng Khoảng", "ORG")]),
    ("Đoàn đã bàn giao Trường Trung học cơ sở Hữu nghị Nghệ An - Xiêng Khoảng cho tỉnh bạn.",
     [("Trường Trung học cơ sở Hữu nghị Nghệ An - Xiêng Khoảng", "ORG")]),
    ("Đoàn đã bàn giao Trường Trung học cơ sở Hữu nghị Hà Tĩnh – Bôlykhămxay cho tỉnh bạn.",
     [("Trường Trung học cơ sở Hữu nghị Hà Tĩnh – Bôlykhămxay", "ORG")]),
    ("Đoàn thăm Trường Tiểu học Hữu nghị Việt – Lào tại tỉnh Hủa Phăn.",
     [("Trường Tiểu học Hữu nghị Việt – Lào", "ORG"), ("Hủa Phăn", "PROVINCE")]),
    ("Trường Hữu nghị Việt Nam – Lào khai giảng.", [("Trường Hữu nghị Việt Nam – Lào", "ORG")]),
    ("Trường Phổ thông Dân tộc nội trú Hữu nghị Nghệ An – Xiêng Khoảng khai giảng.",
     [("Trường Phổ thông Dân tộc nội trú Hữu nghị Nghệ An – Xiêng Khoảng", "ORG")]),
    ("Trường Hữu nghị 80 khai giảng.", [("Trường Hữu nghị 80", "ORG")]),
    ("Tình hữu nghị Việt – Lào đời đời bền vững.", []),
    # a dateline in capitals before its source in brackets and a dash: the province, also one whose name is something
    # else ("HÀ GIANG", "XÊ KÔNG"; rule 4, a province named alone), and the source (rule 6); "HỒ CHÍ MINH" in capitals
    # after a city word; a headline in capitals after the source, or no dateline, has no province
    ("HÀ GIANG (Báo Biên phòng) - Sáng 22/5, tại cửa khẩu, hai bên hội đàm.",
     [("HÀ GIANG", "PROVINCE"), ("Báo Biên phòng", "ORG")]),
    ("XÊ KÔNG (Báo Quảng Nam) – Từ ngày 14 đến 18/10, đoàn công tác làm việc tại tỉnh.",
     [("XÊ KÔNG", "PROVINCE"), ("Báo Quảng Nam", "ORG")]),
    ("Tin vắn.\nKIÊN GIANG (TTXVN) – Từ ngày 14 đến 18/10, đoàn công tác làm việc.",
     [("KIÊN GIANG", "PROVINCE"), ("TTXVN", "ORG")]),
    ("HÀ NỘI (Báo Biên phòng) - Sáng 22/5, hai bên hội đàm.", [("HÀ NỘI", "PROVINCE"), ("Báo Biên phòng", "ORG")]),
    ("TP HỒ CHÍ MINH - Sáng 22/5, hai bên hội đàm.", [("HỒ CHÍ MINH", "PROVINCE")]),
    ("THÀNH PHỐ HỒ CHÍ MINH (TTXVN) - Sáng 22/5, hai bên hội đàm.", [("HỒ CHÍ MINH", "PROVINCE"), ("TTXVN", "ORG")]),
    ("HÀ GIANG (TTXVN) - BẮT GIỮ 3 ĐỐI TƯỢNG", [("TTXVN", "ORG"), ("3 ĐỐI TƯỢNG", "QUANTITY")]),
    ("BẮT GIỮ 3 ĐỐI TƯỢNG", [("3 ĐỐI TƯỢNG", "QUANTITY")]),
    ("HỌC TẬP TƯ TƯỞNG HỒ CHÍ MINH", []),
    ("NAN - THÀNH PHỐ CỔ", []),
])
def test_agencies_by_a_place_consulates_associations_friendship_schools_and_datelines_before_a_source(
        nlp, text, expected):
    assert ents(nlp, text) == expected


_DATELINE_SOURCES = ["{} (Báo Biên phòng) - Sáng 22/5, hai bên hội đàm.", "{} - Sáng 22/5, hai bên hội đàm.",
                     "Tin vắn.\n{} (TTXVN) – Từ ngày 14, đoàn làm việc."]


@pytest.mark.parametrize("province", VN_PROVINCES + [c for c in VN_CITIES if c != "Hồ Chí Minh"] + [
    "Xiêng Khoảng", "Hủa Phăn", "Sê Kông", "Xê Kông", "Khăm Muộn", "Chăm Pa Sắc", "Sa La Van", "Át Tạ Pư",
    "Luông Pha Bang", "Bô Ly Khăm Xay", "Viêng Chăn", "Xay Nha Bu Ly"])
def test_every_province_in_capitals_is_a_dateline_with_or_without_its_source(nlp, province):
    # a dateline in capitals names its province alone (rule 4), whether or not a source in brackets follows (19c)
    caps = province.upper()
    for template in _DATELINE_SOURCES:
        assert (caps, "PROVINCE") in ents(nlp, template.format(caps)), template.format(caps)


@pytest.mark.parametrize("text,expected", [
    # digits and a counter word of two syllables: the QUANTITY is the number and that one word (rule 5: "a word may
    # have two syllables"; session 19d): goods seized ("86 đồng" alone is money), establishments, sport, agreements,
    # engines
    ("Lực lượng chức năng thu giữ 350 điện thoại, 1.260 tai nghe không dây, 86 đồng hồ thông minh.",
     [("350 điện thoại", "QUANTITY"), ("1.260 tai nghe", "QUANTITY"), ("86 đồng hồ", "QUANTITY")]),
    ("Toàn tỉnh có 1 bệnh viện tuyến tỉnh và 4 bệnh viện huyện.",
     [("1 bệnh viện", "QUANTITY"), ("4 bệnh viện", "QUANTITY")]),
    ("Giải có 8 đội bóng, 126 cầu thủ tham gia.", [("8 đội bóng", "QUANTITY"), ("126 cầu thủ", "QUANTITY")]),
    ("Giải đấu diễn ra với 24 trận đấu.", [("24 trận đấu", "QUANTITY")]),
    ("Hai bên ký kết 3 thỏa thuận hợp tác.", [("3 thỏa thuận", "QUANTITY")]),
    ("Hai bên ký kết 3 thoả thuận hợp tác.", [("3 thoả thuận", "QUANTITY")]),
    ("Tổ công tác thu giữ 2 máy nổ, 1 máy bơm.", [("2 máy nổ", "QUANTITY"), ("1 máy bơm", "QUANTITY")]),
    ("Đơn vị đã xây dựng 1 thư viện cho học sinh.", [("1 thư viện", "QUANTITY")]),
    ("Trọng tài rút thẻ vàng với 5 cầu thủ.", [("5 cầu thủ", "QUANTITY")]),
    ("Công an huyện tiếp nhận 20 tai nghe, 12 đồng hồ và 3 máy bơm.",
     [("20 tai nghe", "QUANTITY"), ("12 đồng hồ", "QUANTITY"), ("3 máy bơm", "QUANTITY")]),
    ("Hai tỉnh có 12 bệnh viện, 2 thư viện và 40 đội bóng.",
     [("12 bệnh viện", "QUANTITY"), ("2 thư viện", "QUANTITY"), ("40 đội bóng", "QUANTITY")]),
    # ... in capitals and in title case, as headlines print them
    ("TẶNG 2 BỆNH VIỆN 500 ĐỒNG HỒ", [("2 BỆNH VIỆN", "QUANTITY"), ("500 ĐỒNG HỒ", "QUANTITY")]),
    ("Ký Kết 3 Thỏa Thuận Hợp Tác", [("3 Thỏa Thuận", "QUANTITY")]),
    # ... worked before, kept
    ("Thu giữ 15 kíp nổ, 3 xe máy, 2 xe tải.", [("15 kíp nổ", "QUANTITY"), ("3 xe máy", "QUANTITY"),
                                               ("2 xe tải", "QUANTITY")]),
    ("Đơn vị tặng 20 máy tính, 5 máy in.", [("20 máy tính", "QUANTITY"), ("5 máy in", "QUANTITY")]),
    ("Bắt 11 đồng phạm; hội nghị có 86 đồng chí dự.", [("11 đồng phạm", "QUANTITY"), ("86 đồng chí", "QUANTITY")]),
    # ... the one-syllable counter alone, where no two-syllable word follows it: "trận", "đội", "máy"
    ("Đội đã thi đấu 3 trận bóng đá.", [("3 trận", "QUANTITY")]),
    ("Công an huyện thành lập 3 đội công tác.", [("3 đội", "QUANTITY")]),
    ("Thu giữ 2 máy xúc.", [("2 máy", "QUANTITY")]),
    # one-syllable counters of buildings and lanes: the counter, not the noun after it (rule 5: "16 nhà làm việc" ->
    # "16 nhà")
    ("Trường gồm 2 dãy nhà học.", [("2 dãy", "QUANTITY")]),
    ("Cửa khẩu có 4 làn kiểm tra.", [("4 làn", "QUANTITY")]),
    ("Ngôi nhà có 3 gian, 6 phòng, 2 tầng.", [("3 gian", "QUANTITY"), ("6 phòng", "QUANTITY"), ("2 tầng", "QUANTITY")]),
    ("Xây mới 3 gian nhà, 2 dãy phòng học.", [("3 gian", "QUANTITY"), ("2 dãy", "QUANTITY")]),
    ("Tuyến đường được mở rộng thành 6 làn xe.", [("6 làn", "QUANTITY")]),
    # a two-syllable counter before a comma and another noun: the first noun is the counter ("45 cán bộ, chiến sĩ";
    # worked before, kept)
    ("Có 45 cán bộ, chiến sĩ tham gia.", [("45 cán bộ", "QUANTITY")]),
    ("45 cán bộ, chiến sĩ tham gia tuần tra.", [("45 cán bộ", "QUANTITY")]),
    ("Tin, ảnh\n45 cán bộ, chiến sĩ tham gia tuần tra.", [("45 cán bộ", "QUANTITY")]),
    ("Đồn Biên phòng Nà Ngoé huy động 45 cán bộ, chiến sĩ tham gia.",
     [("Đồn Biên phòng Nà Ngoé", "ORG"), ("45 cán bộ", "QUANTITY")]),
    ("Ngày 20/7, 45 cán bộ, chiến sĩ Công an huyện đã tham gia.", [("45 cán bộ", "QUANTITY")]),
    ("Huy động 45 CÁN BỘ, CHIẾN SĨ tham gia.", [("45 CÁN BỘ", "QUANTITY")]),
    ("Huy động 1.245 cán bộ, chiến sỹ và 20 dân quân.", [("1.245 cán bộ", "QUANTITY"), ("20 dân quân", "QUANTITY")]),
    # a case named by its haul: after "chuyên án" a number with a measure, a currency, a counter of drugs and goods
    # or a multiplier is that amount (rule 5); a case's number or code alone stays nothing
    ("Tang vật trong chuyên án 186 bánh heroin tại Mộc Châu.", [("186 bánh", "QUANTITY")]),
    ("Chuyên án 2 tấn ma túy đá được phá thành công.", [("2 tấn", "QUANTITY")]),
    ("Chuyên án 3 triệu viên ma túy tổng hợp.", [("3 triệu viên", "QUANTITY")]),
    ("CHUYÊN ÁN 186 BÁNH HEROIN", [("186 BÁNH", "QUANTITY")]),
    ("Xác lập chuyên án 915S và chuyên án 923L để đấu tranh.", []),
    ("Chuyên án 279 được xác lập từ tháng 3.", []),
    ("Ban chuyên án 279 đối tượng ...", []),
    # negatives: a counter with no number before it, money, time and references are no QUANTITY
    ("Đối tượng mua chiếc đồng hồ.", []),
    ("Đồng hồ chỉ 8 giờ sáng.", []),
    ("Mỗi gói có giá 86 đồng.", [("86 đồng", "QUANTITY")]),
    ("Bị cáo bị phạt 2 năm tù.", []),
    ("Trong 3 ngày, lực lượng chức năng tuần tra.", []),
    ("Hành vi vi phạm Điều 251 Bộ luật Hình sự.", []),
    ("Bệnh viện tỉnh tiếp nhận bệnh nhân.", []),
    ("Cầu thủ đội bóng tham gia thỏa thuận.", []),
])
def test_counters_of_two_syllables_buildings_lanes_and_cases_named_by_their_haul(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # unique national bodies named without a place (rule 3; session 19b): the national border committee, the labour
    # ministry with a hyphen or an en dash; its provincial department with its province is one ORG (rule 2)
    ("đại diện Ủy ban Biên giới quốc gia (Bộ Ngoại giao)",
     [("Ủy ban Biên giới quốc gia", "ORG"), ("Bộ Ngoại giao", "ORG")]),
    ("Ủy ban Biên giới quốc gia làm việc với tỉnh.", [("Ủy ban Biên giới quốc gia", "ORG")]),
    ("Đại diện Bộ Lao động – Thương binh và Xã hội phát biểu.", [("Bộ Lao động – Thương binh và Xã hội", "ORG")]),
    ("Đại diện Bộ Lao động - Thương binh và Xã hội phát biểu.", [("Bộ Lao động - Thương binh và Xã hội", "ORG")]),
    ("Đại diện Sở Lao động - Thương binh và Xã hội tỉnh Hà Giang phát biểu.",
     [("Sở Lao động - Thương binh và Xã hội tỉnh Hà Giang", "ORG")]),
    ("Đại diện Sở Lao động – Thương binh và Xã hội tỉnh Hà Giang phát biểu.",
     [("Sở Lao động – Thương binh và Xã hội tỉnh Hà Giang", "ORG")]),
    ("Đại diện Tổng cục Hậu cần – Kỹ thuật phát biểu.", [("Tổng cục Hậu cần – Kỹ thuật", "ORG")]),
    # ... a department named by its place, without the place, names nothing (rule 3), with either dash; "biên giới
    # quốc gia" in lower case is no body
    ("Đại diện Sở Lao động – Thương binh và Xã hội phát biểu.", []),
    ("Bảo vệ biên giới quốc gia là nhiệm vụ chung.", []),
    ("Đoàn công tác tỉnh Điện Biên giới thiệu về biên giới quốc gia.", [("Điện Biên", "PROVINCE")]),
    # international bodies written in Vietnamese, then their abbreviation in brackets (rule 3: the long name and the
    # abbreviation, each its own ORG; the UN inside a name is no span of its own: outermost wins)
    ("Văn phòng Liên hợp quốc về Ma túy và Tội phạm (UNODC) và Tổ chức Di cư quốc tế (IOM)",
     [("Văn phòng Liên hợp quốc về Ma túy và Tội phạm", "ORG"), ("UNODC", "ORG"), ("Tổ chức Di cư quốc tế", "ORG"),
      ("IOM", "ORG")]),
    ("Đại diện Tổ chức Lao động quốc tế (ILO) phát biểu.", [("Tổ chức Lao động quốc tế", "ORG"), ("ILO", "ORG")]),
    ("Đại diện Cơ quan Hợp tác Quốc tế Nhật Bản (JICA) phát biểu.",
     [("Cơ quan Hợp tác Quốc tế Nhật Bản", "ORG"), ("JICA", "ORG")]),
    ("Đại diện Quỹ Nhi đồng Liên hợp quốc (UNICEF) phát biểu.",
     [("Quỹ Nhi đồng Liên hợp quốc", "ORG"), ("UNICEF", "ORG")]),
    ("Đại diện Tổ chức Y tế Thế giới (WHO) phát biểu.", [("Tổ chức Y tế Thế giới", "ORG"), ("WHO", "ORG")]),
    ("Đại diện Chương trình Phát triển Liên hợp quốc (UNDP) phát biểu.",
     [("Chương trình Phát triển Liên hợp quốc", "ORG"), ("UNDP", "ORG")]),
    # ... not "tổ chức quốc tế" in lower case, nor the verb "Tổ chức" before an event, with or without brackets
    ("Nhiều tổ chức quốc tế tham dự.", []),
    ("Tổ chức Hội thảo quốc tế về phòng chống ma túy.", []),
    ("Tổ chức Hội thảo quốc tế (HTQT) về phòng chống ma túy.", []),
    # Interpol's and ASEANAPOL's offices in Vietnam and Interpol's secretariat, whole (rule 2, outermost; rule 3)
    ("Công an tỉnh phối hợp với Văn phòng Trung ương Interpol Việt Nam và Văn phòng ASEANAPOL Việt Nam.",
     [("Văn phòng Trung ương Interpol Việt Nam", "ORG"), ("Văn phòng ASEANAPOL Việt Nam", "ORG")]),
    ("Đại diện Tổng Ban thư ký Interpol phát biểu.", [("Tổng Ban thư ký Interpol", "ORG")]),
    ("Đại diện Ban Tổng thư ký Interpol phát biểu.", [("Ban Tổng thư ký Interpol", "ORG")]),
    ("Interpol phát lệnh truy nã.", [("Interpol", "ORG")]),
    # ... the unit words alone name nothing
    ("Đại diện Tổng Ban thư ký phát biểu.", []),
    ("Đại diện Văn phòng Trung ương phát biểu.", []),
    # a neighbour's department whose name holds "phòng, chống", with its ministry and country: one ORG (rule 2)
    ("Thượng tá Bun-mi Xay-nha-vông, Phó Cục trưởng Cục Cảnh sát phòng, chống mua bán người Bộ Công an Lào phát biểu.",
     [("Thượng tá", "RANK"), ("Bun-mi Xay-nha-vông", "PERSON"),
      ("Cục Cảnh sát phòng, chống mua bán người Bộ Công an Lào", "ORG")]),
    ("Đại diện Cục Phòng, chống ma túy Bộ Công an Trung Quốc phát biểu.",
     [("Cục Phòng, chống ma túy Bộ Công an Trung Quốc", "ORG")]),
    ("Đại diện Cục Cảnh sát phòng, chống ma túy Bộ Công an Lào phát biểu.",
     [("Cục Cảnh sát phòng, chống ma túy Bộ Công an Lào", "ORG")]),
    # ... "mua bán người" and "người" start no description
    ("Mua bán người là tội ác nghiêm trọng.", []),
    ("Người dân phối hợp với Công an tỉnh Hà Giang.", [("Công an tỉnh Hà Giang", "ORG")]),
    # party bodies of the police: the standing committee of the police's central party committee is one ORG inside a
    # title (rule 1: the title is not annotated; rule 3: a unique national body)
    ("Đồng chí là Ủy viên Ban Thường vụ Đảng ủy Công an Trung ương.",
     [("Ban Thường vụ Đảng ủy Công an Trung ương", "ORG")]),
    ("Đảng ủy Công an Trung ương ban hành nghị quyết.", [("Đảng ủy Công an Trung ương", "ORG")]),
    # ... and, as before, a provincial committee without its province names nothing, with it is one ORG
    ("Ủy viên Ban Thường vụ Tỉnh ủy dự họp.", []),
    ("Ban Thường vụ Tỉnh ủy Hà Giang họp.", [("Ban Thường vụ Tỉnh ủy Hà Giang", "ORG")]),
    # an ORG ends before a verb after the body's name (maximal span, but only the name: rule 3); "Tý" is a person's
    # name (rule 1)
    ("Tý bị Cục Cảnh sát điều tra tội phạm về ma túy truy nã đặc biệt.",
     [("Tý", "PERSON"), ("Cục Cảnh sát điều tra tội phạm về ma túy", "ORG")]),
    ("Cục Cảnh sát điều tra tội phạm về ma túy bắt giữ 5 đối tượng.",
     [("Cục Cảnh sát điều tra tội phạm về ma túy", "ORG"), ("5 đối tượng", "QUANTITY")]),
    ("Cục Cảnh sát điều tra tội phạm về ma túy khởi tố vụ án.", [("Cục Cảnh sát điều tra tội phạm về ma túy", "ORG")]),
    ("Cục Cảnh sát hình sự điều tra làm rõ vụ án.", [("Cục Cảnh sát hình sự", "ORG")]),
    # ... a verb's word inside a national name stays, and a parent body after the verb's place keeps the ORG whole
    ("Cục Cảnh sát truy nã tội phạm phối hợp bắt giữ.", [("Cục Cảnh sát truy nã tội phạm", "ORG")]),
    ("Cục Cảnh sát điều tra tội phạm về ma túy Bộ Công an truy nã đối tượng.",
     [("Cục Cảnh sát điều tra tội phạm về ma túy Bộ Công an", "ORG")]),
    # a body's name ends before an amount (rule 5: the number and its unit are the QUANTITY)
    ("Phía bạn tặng Trường Tiểu học Nậm Pồ 30 bộ bàn ghế.",
     [("Trường Tiểu học Nậm Pồ", "ORG"), ("30 bộ", "QUANTITY")]),
    ("Phía bạn tặng Trường THCS Sen Hồ 20 suất quà.", [("Trường THCS Sen Hồ", "ORG"), ("20 suất", "QUANTITY")]),
    # ... a unit named by its number, a commune numbered since 2025 keep the number
    ("Đại đội 412 Bộ đội biên phòng huyện Mường May tham gia.",
     [("Đại đội 412 Bộ đội biên phòng huyện Mường May", "ORG")]),
    ("Công an xã A Lưới 3 bắt giữ 2 đối tượng.", [("Công an xã A Lưới 3", "ORG"), ("2 đối tượng", "QUANTITY")]),
    # (whether "Lực lượng" belongs to the ORG of "Lực lượng Cảnh sát Myanmar" is undecided: left as it is)
])
def test_national_and_international_bodies_and_where_an_org_stops(nlp, text, expected):
    assert ents(nlp, text) == expected


# Session 19a (the lead's brief, own sentences only): persons by shapes and cues (rule 1; no names are listed)
_TOI = "Trinh sát xác định Hoàng Văn Tới (SN 1992) đang lẩn trốn ở Hà Nội.\n"
_TOI_ENTS = [("Hoàng Văn Tới", "PERSON"), ("Hà Nội", "PROVINCE")]


@pytest.mark.parametrize("text, expected", [
    # a given name alone after a verb of finding, arresting or saying, once the full name is in the document (rule 1;
    # worked before, kept)
    (_TOI + "Ngày 3/5, tổ công tác bắt giữ Tới khi đối tượng vừa ra khỏi nhà.", _TOI_ENTS + [("Tới", "PERSON")]),
    (_TOI + "Lực lượng chức năng phát hiện Tới đang thuê phòng trọ.", _TOI_ENTS + [("Tới", "PERSON")]),
    (_TOI + "Cơ quan điều tra xác định Tới cùng 3 người khác đã vượt biên.",
     _TOI_ENTS + [("Tới", "PERSON"), ("3 người", "QUANTITY")]),
    (_TOI + "Thượng tá Lê Văn Hòa cho biết Tới bị truy nã về tội mua bán người.",
     _TOI_ENTS + [("Thượng tá", "RANK"), ("Lê Văn Hòa", "PERSON"), ("Tới", "PERSON")]),
    (_TOI + "Người đưa tiền là Đỗ Thị Lan, vợ của Tới.", _TOI_ENTS + [("Đỗ Thị Lan", "PERSON"), ("Tới", "PERSON")]),
    # ... without the full name, "Tới" (also a verb, "to arrive") is nobody; a body or a country after the verb is no
    # person
    ("Ngày 3/5, tổ công tác bắt giữ Tới khi đối tượng vừa ra khỏi nhà.", []),
    ("Lực lượng chức năng phát hiện Tới đang thuê phòng trọ.", []),
    ("Cơ quan điều tra xác định Tới cùng 3 người khác đã vượt biên.", [("3 người", "QUANTITY")]),
    ("Thượng tá Lê Văn Hòa cho biết Tới bị truy nã về tội mua bán người.",
     [("Thượng tá", "RANK"), ("Lê Văn Hòa", "PERSON")]),
    (_TOI + "Tổ công tác bắt giữ Công an xã cùng đối tượng.", _TOI_ENTS),
    (_TOI + "Lực lượng chức năng phát hiện Lào đang là điểm trung chuyển.", _TOI_ENTS),
    # a rank, then a given name that is also a common or a unit's word, then a verb (rule 1, rank + name)
    ("Phát biểu khai mạc, Đại tá Quân nhấn mạnh ý nghĩa của giải đấu.", [("Đại tá", "RANK"), ("Quân", "PERSON")]),
    ("Thượng tá Hải cho biết đơn vị đã sẵn sàng.", [("Thượng tá", "RANK"), ("Hải", "PERSON")]),
    ("Trung tá Bình khẳng định lực lượng đã làm chủ tình hình.", [("Trung tá", "RANK"), ("Bình", "PERSON")]),
    ("Thiếu tá Phòng đề nghị các đơn vị phối hợp.", [("Thiếu tá", "RANK"), ("Phòng", "PERSON")]),
    ("Đại tá Trường cho biết đơn vị đã sẵn sàng.", [("Đại tá", "RANK"), ("Trường", "PERSON")]),
    # ... not a body after the rank, nor a word that goes on into a unit, a title or a code
    ("Đại tá Quân đội nhân dân Lào Khăm Phon tham dự.", [("Đại tá", "RANK"), ("Quân đội nhân dân Lào", "ORG")]),
    ("Đại tá Công an tỉnh Sơn La tham dự buổi lễ.", [("Đại tá", "RANK"), ("Công an tỉnh Sơn La", "ORG")]),
    ("Đại tá Phòng PC04 cho biết đơn vị đã sẵn sàng.", [("Đại tá", "RANK")]),
    ("Trung tá Trung đoàn trưởng cho biết.", [("Trung tá", "RANK")]),
    ("Các Thiếu tá Quân đội đã tham dự.", [("Thiếu tá", "RANK")]),
    # a name after "tên là" / "tên", with its Latin spelling in brackets: two names of the person (rule 1)
    ("Y khai nhận được một người đàn ông Trung Quốc tên là Vương (Wang) thuê chở hàng qua sông.",
     [("Vương", "PERSON"), ("Wang", "PERSON")]),
    ("Y khai nhận một phụ nữ tên Lý Mai (Li Mei) đặt hàng qua mạng.", [("Lý Mai", "PERSON"), ("Li Mei", "PERSON")]),
    ("Đối tượng khai nhận một người tên là Trương (Zhang Wei) đã thuê y.",
     [("Trương", "PERSON"), ("Zhang Wei", "PERSON")]),
    ("Một người đàn ông tên là Thành Đạt đã đặt hàng.", [("Thành Đạt", "PERSON")]),
    ("Y gặp một người tên Khánh ở chợ.", [("Khánh", "PERSON")]),
    # ... after a noun of a thing or a body, a bare brand: nothing (rule 3; "Thành" was a PERSON)
    ("Hàng được giao cho một công ty tên là Thành Đạt ở Lạng Sơn.", [("Lạng Sơn", "PROVINCE")]),
    ("Một công ty Trung Quốc tên Hải Long đã đặt hàng.", []),
    ("Trên tàu tên là Hải Âu (Seagull) có 5 người.", [("5 người", "QUANTITY")]),
    # a village head's title, the village's name (not annotated), then the person (rule 1)
    ("Tại buổi lễ, trưởng bản Huổi Lếch Vàng A Dế và trưởng thôn Nà Pồ Hoàng Văn Thịnh đã ký giao ước.",
     [("Vàng A Dế", "PERSON"), ("Hoàng Văn Thịnh", "PERSON")]),
    ("Trưởng bản Huổi Lếch Vàng A Dế cho biết bà con đã ký cam kết.", [("Vàng A Dế", "PERSON")]),
    ("Trưởng bản Huổi Lếch Pờ Gò Xá cho biết bà con đã ký cam kết.", [("Pờ Gò Xá", "PERSON")]),
    ("Già làng Lò Văn Pọm và trưởng bản Pa Vệ Sủ Giàng A Páo đã ký giao ước.",
     [("Lò Văn Pọm", "PERSON"), ("Giàng A Páo", "PERSON")]),
    ("Tại buổi lễ, trưởng ấp Tân Hòa Nguyễn Văn Tư cho biết bà con đã ký cam kết.", [("Nguyễn Văn Tư", "PERSON")]),
    # ... the head named right after the title keeps the whole name
    ("Trưởng bản Lò Văn Pọm cho biết bà con đã ký cam kết.", [("Lò Văn Pọm", "PERSON")]),
    ("Trưởng thôn Hoàng Văn Thịnh cho biết bà con đã ký cam kết.", [("Hoàng Văn Thịnh", "PERSON")]),
    # ... the village alone names no one
    ("Trưởng bản Huổi Lếch cho biết bà con đã ký cam kết.", []),
    ("Tại buổi lễ, trưởng bản Huổi Lếch cho biết bà con đã ký cam kết.", []),
    ("Trưởng thôn Nà Pồ cho biết bà con đã ký cam kết.", []),
    # Hà Nhì names with a leading "Pờ" or "Lò" (a family name; a place stops before it)
    ("Nhóm này do Pờ Gò Xá (38 tuổi) cầm đầu.", [("Pờ Gò Xá", "PERSON")]),
    ("Nhóm này do Lò Gò Xá (38 tuổi) cầm đầu.", [("Lò Gò Xá", "PERSON")]),
    ("Trưởng Công an xã Thu Lũm Pờ Gò Xá cho biết bà con đã ký cam kết.",
     [("Công an xã Thu Lũm", "ORG"), ("Pờ Gò Xá", "PERSON")]),
    ("Pờ Gò Xá và Lò Gò Pa khai nhận đã mua ma túy.", [("Pờ Gò Xá", "PERSON"), ("Lò Gò Pa", "PERSON")]),
    # a name after a noun of an occupation (rule 1)
    ("Đoàn làm việc cùng chuyên gia Hiroshi Sato của Nhật Bản.", [("Hiroshi Sato", "PERSON")]),
    ("Đây là đội do huấn luyện viên Vương Đại Minh dẫn dắt.", [("Vương Đại Minh", "PERSON")]),
    ("Trong trận đấu, tiền đạo Lý Cường ghi 2 bàn.", [("Lý Cường", "PERSON"), ("2 bàn", "QUANTITY")]),  # (goals: session 27)
    ("Đội khách có thủ môn Nguyễn Văn Sáng xuất sắc.", [("Nguyễn Văn Sáng", "PERSON")]),
    ("Công trình do kỹ sư Trần Minh Đạt thiết kế.", [("Trần Minh Đạt", "PERSON")]),
    ("Chuyên gia Anna Keller cho biết tình hình phức tạp.", [("Anna Keller", "PERSON")]),
    # ... not a body, a country or a rank of the job after it
    ("Hội thảo có sự tham gia của chuyên gia Liên hợp quốc.", [("Liên hợp quốc", "ORG")]),
    ("Ông được bổ nhiệm làm huấn luyện viên trưởng của đội.", []),
    ("Hội thảo có sự tham gia của các chuyên gia Bộ Công an.", [("Bộ Công an", "ORG")]),
    ("Chuyên gia Trung Quốc đã tới làm việc.", []),
    ("Các kỹ sư Nhật Bản tham gia dự án.", []),
    ("Cầu thủ Công an Hà Nội đã thắng.", [("Công an Hà Nội", "ORG")]),
    # aliases that hold a country's or a people's word, and aliases after "thường gọi là", "còn gọi là" (rule 1)
    ("Bắt giữ Lê Thị Hoa, tức Hoa Campuchia (SN 1989) tại nhà.",
     [("Lê Thị Hoa", "PERSON"), ("Hoa Campuchia", "PERSON")]),
    ("Y khai nhận một phụ nữ tên Néang Sa Ry, thường gọi là Út Ry, thuê chở hàng qua biên giới.",
     [("Néang Sa Ry", "PERSON"), ("Út Ry", "PERSON")]),
    ("Bắt giữ Trần Văn Tâm (tức Tâm Lào) khi đang giao hàng.", [("Trần Văn Tâm", "PERSON"), ("Tâm Lào", "PERSON")]),
    ("Đối tượng Nguyễn Văn Hùng, còn gọi là Hùng Béo, đã bỏ trốn.",
     [("Nguyễn Văn Hùng", "PERSON"), ("Hùng Béo", "PERSON")]),
    # ... a place's other name is none
    ("Hàng được đưa về Hà Nội, tức Thăng Long xưa.", [("Hà Nội", "PROVINCE")]),
    ("Lực lượng đã tới Sơn La, còn gọi là vùng Tây Bắc, để làm việc.", [("Sơn La", "PROVINCE")]),
    # a byline of initials alone on the article's last line (names are PERSON; worked before, kept)
    ("Lực lượng đã bàn giao đối tượng cho phía bạn.\nT.L", [("T.L", "PERSON")]),
    ("Lực lượng đã bàn giao đối tượng cho phía bạn.\nK.H", [("K.H", "PERSON")]),
    ("Lực lượng đã bàn giao đối tượng cho phía bạn.\nV.T", [("V.T", "PERSON")]),
    ("Lực lượng đã bàn giao đối tượng cho phía bạn.\nNg.Hà", [("Ng.Hà", "PERSON")]),
    # ... a code in running text is none, and the city is a PROVINCE
    ("Lô hàng mang mã T.L được thu giữ.", []),
    ("Lực lượng đã bàn giao đối tượng cho phía bạn.\nTP.HCM", [("TP.HCM", "PROVINCE")]),
])
def test_given_names_after_ranks_names_after_ten_village_heads_occupations_aliases_and_bylines(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a title as news also writes it, its later words capitalised ("Tổng Cục trưởng", "Phó Giám Đốc", "Cục Trưởng")
    # or in lower case, before a body and a name that no list holds (rule 1; session 21)
    ("Tổng Cục trưởng Tổng cục Cảnh sát quốc gia Campuchia Neth Savoeun phát biểu.",
     [("Tổng cục Cảnh sát quốc gia Campuchia", "ORG"), ("Neth Savoeun", "PERSON")]),
    ("Phó Tổng Cục trưởng Tổng cục Cảnh sát quốc gia Campuchia Neth Savoeun phát biểu.",
     [("Tổng cục Cảnh sát quốc gia Campuchia", "ORG"), ("Neth Savoeun", "PERSON")]),
    ("Phó Giám Đốc Công an tỉnh Luông Nậm Thà Xổm-xạ-ni Ma-ni-vông cho biết.",
     [("Công an tỉnh Luông Nậm Thà", "ORG"), ("Xổm-xạ-ni Ma-ni-vông", "PERSON")]),
    ("Cục Trưởng Cục Cảnh sát hình sự Bộ Công an Lào Khăm-phăn Vông-xay cho biết.",
     [("Cục Cảnh sát hình sự Bộ Công an Lào", "ORG"), ("Khăm-phăn Vông-xay", "PERSON")]),
    ("Phó giám đốc Công an tỉnh Hủa Phăn Bun-mi Xay-ya-vông cho biết.",
     [("Công an tỉnh Hủa Phăn", "ORG"), ("Bun-mi Xay-ya-vông", "PERSON")]),
    # ... while a capitalised unit word after "Trưởng" still starts the body inside the title
    ("Trưởng Phòng Cảnh sát hình sự Công an tỉnh Attapeu Bun-mi Xay-ya-vông cho biết.",
     [("Phòng Cảnh sát hình sự Công an tỉnh Attapeu", "ORG"), ("Bun-mi Xay-ya-vông", "PERSON")]),
    ("Phó Trưởng Phòng PC04 Công an tỉnh Sê Kông Khăm-phăn Vông-xay cho biết.",
     [("Phòng PC04 Công an tỉnh Sê Kông", "ORG"), ("Khăm-phăn Vông-xay", "PERSON")]),
    # one hyphen-glued word after a titled body is a transcribed name too
    ("Cục trưởng Cục Cảnh sát hình sự Bộ Công an Lào Phết-xa-mỏn cho biết.",
     [("Cục Cảnh sát hình sự Bộ Công an Lào", "ORG"), ("Phết-xa-mỏn", "PERSON")]),
    # a name of ten tokens before a verb of speech is read whole, never from inside a hyphen-glued word
    ("Cục trưởng Cục Cảnh sát hình sự Bộ Công an Lào Phết-xa-mỏn Vông-phạ-chăn cho biết.",
     [("Cục Cảnh sát hình sự Bộ Công an Lào", "ORG"), ("Phết-xa-mỏn Vông-phạ-chăn", "PERSON")]),
    ("Kẹo-ma-ni Bun-nha-vông, thứ trưởng Bộ Nội vụ Campuchia, cho biết hai bên sẽ ký kết.",
     [("Kẹo-ma-ni Bun-nha-vông", "PERSON"), ("Bộ Nội vụ Campuchia", "ORG")]),
    # a Lao name of six spaced syllables before ", " and a title
    ("Hội nghị diễn ra sáng nay. Kẹo Ma Ni Bun Nha Vông, Phó Giám đốc Công an tỉnh Hủa Phăn, phát biểu.",
     [("Kẹo Ma Ni Bun Nha Vông", "PERSON"), ("Công an tỉnh Hủa Phăn", "ORG")]),
    # a whole title in lower case after a name and a comma, or before a body and a name
    ("Tô Tú, đội trưởng Đội Cảnh sát điều tra tội phạm về ma túy Công an huyện Hướng Hóa, cho biết hai bên sẽ ký kết.",
     [("Tô Tú", "PERSON"), ("Đội Cảnh sát điều tra tội phạm về ma túy Công an huyện Hướng Hóa", "ORG")]),
    ("Viêng Xay Chăn Tha La, trưởng phòng Phòng Cảnh sát hình sự Công an tỉnh Nghệ An, phát biểu.",
     [("Viêng Xay Chăn Tha La", "PERSON"), ("Phòng Cảnh sát hình sự Công an tỉnh Nghệ An", "ORG")]),
    ("Tiếp đoàn có cục trưởng Cục Cảnh sát phòng chống ma túy Bộ An ninh Lào Lò Văn Pọm.",
     [("Cục Cảnh sát phòng chống ma túy Bộ An ninh Lào", "ORG"), ("Lò Văn Pọm", "PERSON")]),
    # a titled body whose place or description ran on into the name gives it back (a family name of any list, after
    # a place of two words or a description; a hyphen-glued word before the rest of the name; the first word of a
    # name the body ended inside)
    ("Đội trưởng Đội Cảnh sát điều tra tội phạm về ma túy Công an huyện Hướng Hóa Tạ Gấm cho biết.",
     [("Đội Cảnh sát điều tra tội phạm về ma túy Công an huyện Hướng Hóa", "ORG"), ("Tạ Gấm", "PERSON")]),
    ("Phó Đội trưởng Đội Cảnh sát điều tra tội phạm về ma túy Công an huyện Mường Khương Triệu Cẩm Hạnh khẳng định.",
     [("Đội Cảnh sát điều tra tội phạm về ma túy Công an huyện Mường Khương", "ORG"), ("Triệu Cẩm Hạnh", "PERSON")]),
    ("Đồn trưởng Đồn Biên phòng Na Mèo Sok Vanna phát biểu.",
     [("Đồn Biên phòng Na Mèo", "ORG"), ("Sok Vanna", "PERSON")]),
    ("Cục trưởng Cục Quản lý xuất nhập cảnh Chen Haoran cho biết.",
     [("Cục Quản lý xuất nhập cảnh", "ORG"), ("Chen Haoran", "PERSON")]),
    ("Trưởng Công an huyện Xăm Tạy Khăm-phăn Vông-xay cho biết.",
     [("Công an huyện Xăm Tạy", "ORG"), ("Khăm-phăn Vông-xay", "PERSON")]),
    ("Phó Giám đốc Công an thành phố Đà Nẵng Bun-thoong Keo-ma-ni cho biết.",
     [("Công an thành phố Đà Nẵng", "ORG"), ("Bun-thoong Keo-ma-ni", "PERSON")]),
    # ... and a Lao name of five syllables after a titled body
    ("Cục trưởng Cục Phòng chống ma túy Bộ Công an Lào Xổm Mạt Phôn Xê Na khẳng định.",
     [("Cục Phòng chống ma túy Bộ Công an Lào", "ORG"), ("Xổm Mạt Phôn Xê Na", "PERSON")]),
    # ... but a place of one word before a family name, or a place after a place's noun, stays the body's
    ("Trưởng Công an huyện Sìn Hồ Lò Văn Pọm cho biết.", [("Công an huyện Sìn Hồ", "ORG"), ("Lò Văn Pọm", "PERSON")]),
    ("Chủ tịch Ủy ban Chính quyền huyện Bua La Pha cho biết.", [("Ủy ban Chính quyền huyện Bua La Pha", "ORG")]),
    ("Đồn trưởng Đồn Biên phòng Đàm Thủy cho biết.", [("Đồn Biên phòng Đàm Thủy", "ORG")]),
    ("Hiệu trưởng Trường THPT Lê Lợi cho biết.", [("Trường THPT Lê Lợi", "ORG")]),
    # a family name that is also a common word, right after a rank or "ông"
    ("Đại tá Đường Quốc Lương, Thứ trưởng Bộ Công an Trung Quốc phát biểu.",
     [("Đại tá", "RANK"), ("Đường Quốc Lương", "PERSON"), ("Bộ Công an Trung Quốc", "ORG")]),
    ("Tiếp đoàn có ông Từ Tuấn.", [("Từ Tuấn", "PERSON")]),
    ("Trung tá Ninh Hải cho biết.", [("Trung tá", "RANK"), ("Ninh Hải", "PERSON")]),
    ("Từ Hà Nội, đoàn đi Lào.", [("Hà Nội", "PROVINCE")]),
    # the People's Republic of China named in full after a national body belongs to it (rule 3)
    ("Bộ Công an Việt Nam và Bộ Công an nước CHND Trung Hoa đã ký biên bản.",
     [("Bộ Công an Việt Nam", "ORG"), ("Bộ Công an nước CHND Trung Hoa", "ORG")]),
    # the procuracy named by no place or level is no ORG (rule 3), named it is
    ("Đại diện Viện Kiểm sát và Tòa án hai cấp cũng tham dự.", []),
    ("Viện Kiểm sát nhân dân tỉnh Sơn La thực hành quyền công tố.", [("Viện Kiểm sát nhân dân tỉnh Sơn La", "ORG")]),
    # the hyphenated spellings of the neighbours' provinces in a headline in capitals
    ("CÔNG AN TỈNH CHĂM-PA-SẮC TRAO TRẢ ĐỐI TƯỢNG", [("CÔNG AN TỈNH CHĂM-PA-SẮC", "ORG")]),
    ("LÃNH ĐẠO HAI TỈNH HỦA PHĂN VÀ PÔ-XÁT ĐÃ HỘI ĐÀM", [("HỦA PHĂN", "PROVINCE"), ("PÔ-XÁT", "PROVINCE")]),
])
def test_titles_in_any_case_before_a_body_and_a_transcribed_name(nlp, text, expected):
    assert ents(nlp, text) == expected


def test_no_entity_starts_or_ends_inside_a_hyphen_glued_word(nlp):
    """``resolver._whole_words``: a span a step cut inside a glued word is widened to the word."""
    from vner.model.helpers import glued_flags
    from vner.model.resolver import _whole_words
    from spacy.tokens import Span

    doc = nlp.make_doc("Ông Phết-xa-mỏn Vông-phạ-chăn cho biết.")
    glued = glued_flags(doc)
    cut = Span(doc, 3, 9, label="PERSON")  # cut inside both words
    assert cut.text == "xa-mỏn Vông-phạ"
    assert [e.text for e in _whole_words(doc, [cut], glued)] == ["Phết-xa-mỏn Vông-phạ-chăn"]
    # ... unless another entity holds the rest of the word
    other = Span(doc, 1, 2, label="ORG")
    assert [e.text for e in _whole_words(doc, [other, cut], glued)] == ["Phết", "xa-mỏn Vông-phạ"]


@pytest.mark.parametrize("text,expected", [
    # rare family names right after a rank: "Lãnh" (which starts "Lãnh đạo" elsewhere), the compound "Tư Mã", the
    # Khmer "Em" (also before the dash of a title)
    ("Đại tá Lãnh Mạnh Khánh - Giám đốc Công an tỉnh Nội Mông.",
     [("Đại tá", "RANK"), ("Lãnh Mạnh Khánh", "PERSON"), ("Công an tỉnh Nội Mông", "ORG")]),
    ("Lãnh đạo Công an tỉnh phát biểu.", []),
    ("Đại tá Tư Mã Đình Hiền phát biểu.", [("Đại tá", "RANK"), ("Tư Mã Đình Hiền", "PERSON")]),
    ("Thiếu tướng Tư lệnh Bộ đội Biên phòng tỉnh dự.", [("Thiếu tướng", "RANK")]),
    ("Thượng tá Em Sopheap – Giám đốc Công an tỉnh Takeo phát biểu.",
     [("Thượng tá", "RANK"), ("Em Sopheap", "PERSON"), ("Công an tỉnh Takeo", "ORG")]),
    # a Lao name of five to seven spaced words in a credit or a byline
    ("Toàn cảnh hội nghị. Ảnh: Khăm Phăn Phôm Ma Thắt", [("Khăm Phăn Phôm Ma Thắt", "PERSON")]),
    ("Toàn cảnh. Ảnh: Khăm Phăn Phôm Ma Thắt - Nguyễn Văn Nam",
     [("Khăm Phăn Phôm Ma Thắt", "PERSON"), ("Nguyễn Văn Nam", "PERSON")]),
    ("Hai bên ký biên bản.\n\nVẳn Xay Thoong Xạ Vạt – Tiết Khánh",
     [("Vẳn Xay Thoong Xạ Vạt", "PERSON"), ("Tiết Khánh", "PERSON")]),
    # the police paper of a province whose name starts with "Bình", in a credit ("Ninh Bình" is read first)
    ("Toàn cảnh hội đàm. (Ảnh: An Ninh Bình Phước)", [("An Ninh Bình Phước", "ORG")]),
    ("Tình hình an ninh Bình Định ổn định.", [("Bình Định", "PROVINCE")]),
    # outlets by the mark that opens an article (rule 6), a domain in capitals too; "CAO" in a headline is a word
    ("VOV.VN - Công an tỉnh bắt 3 đối tượng.", [("VOV.VN", "ORG"), ("3 đối tượng", "QUANTITY")]),
    ("TPO - Đồn Biên phòng Mường Típ bắt 1 đối tượng.",
     [("TPO", "ORG"), ("Đồn Biên phòng Mường Típ", "ORG"), ("1 đối tượng", "QUANTITY")]),
    ("(VTC News) - Hội nghị diễn ra.", [("VTC News", "ORG")]),
    ("NÂNG CAO HIỆU QUẢ PHỐI HỢP", []),
    # bylines with a regional office, a channel, VNA's papers, "compiled" abbreviated, the source after a dash
    ("Hai bên ký kết.\n\nThu Hà/VOV-Tây Bắc", [("Thu Hà", "PERSON"), ("VOV-Tây Bắc", "ORG")]),
    ("Hai bên ký kết.\n\nLan Anh - Mạnh Hùng/VOV1", [("Lan Anh", "PERSON"), ("Mạnh Hùng", "PERSON"), ("VOV1", "ORG")]),
    ("Hai bên ký kết.\n\nTheo Báo Tin tức/TTXVN", [("Báo Tin tức", "ORG"), ("TTXVN", "ORG")]),
    ("Hai bên ký kết.\n\nTheo Vietnam+", [("Vietnam+", "ORG")]),
    ("Hai bên ký kết.\n\nMinh Đức (t/h)", [("Minh Đức", "PERSON")]),
    ("Hai bên ký kết.\n\nMinh Đức (TH)", [("Minh Đức", "PERSON")]),
    ("Hai bên ký kết.\n\nThanh Tùng - Đài PT-TH Điện Biên", [("Thanh Tùng", "PERSON"), ("Đài PT-TH Điện Biên", "ORG")]),
    # units: a training centre by its full name, a detention house, numbered border units (not a province's flotilla)
    ("Trung tâm Huấn luyện và Bồi dưỡng nghiệp vụ Công an tỉnh Nghệ An khai giảng.",
     [("Trung tâm Huấn luyện và Bồi dưỡng nghiệp vụ Công an tỉnh Nghệ An", "ORG")]),
    ("Trung tâm Đào tạo nghiệp vụ Công an tỉnh Nghệ An khai giảng.", [("Trung tâm Đào tạo nghiệp vụ Công an tỉnh Nghệ An", "ORG")]),
    ("Nhà tạm giữ Công an huyện Mường Tè có 12 phòng giam.",
     [("Nhà tạm giữ Công an huyện Mường Tè", "ORG"), ("12 phòng", "QUANTITY")]),
    ("Lữ đoàn Biên phòng 701 tham gia.", [("Lữ đoàn Biên phòng 701", "ORG")]),
    ("Tiểu đoàn Cảnh sát cơ động số 2 được điều động.", [("Tiểu đoàn Cảnh sát cơ động số 2", "ORG")]),
    ("Tiểu đoàn bảo vệ biên giới 969 tỉnh Sa-la-vẳn phối hợp.", [("Tiểu đoàn bảo vệ biên giới 969 tỉnh Sa-la-vẳn", "ORG")]),
    ("Hải đội Biên phòng 2 tuần tra trên biển.", []),
    # a hyphen-glued province no list spells, between two provinces of a list (not a name after a province)
    ("Công an các tỉnh Sa-la-vẳn, Xê-koong và Át-ta-pư tham dự.",
     [("Sa-la-vẳn", "PROVINCE"), ("Xê-koong", "PROVINCE"), ("Át-ta-pư", "PROVINCE")]),
    ("Tại tỉnh Chăm-pa-xắc, Bun-thoong cho biết.", [("Chăm-pa-xắc", "PROVINCE"), ("Bun-thoong", "PERSON")]),
])
def test_rare_family_names_bylines_and_outlet_marks(nlp, text, expected):
    """Gaps found in session 22 by ``scripts/grid/seeds.py`` (the seeds with their mentions swapped) and by the lead's
    own sentences in the shapes outlets sign and credit articles."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # Cambodia: a title and its province before a name; "Ty Cảnh sát" counted is no body; the gendarmerie by its
    # full name and province; the police of a city that is no province; the Senate
    ("Cảnh sát trưởng tỉnh Kampot Mao Chanthan tiếp đoàn.", [("Kampot", "PROVINCE"), ("Mao Chanthan", "PERSON")]),
    ("Phó Chủ tịch tỉnh An Giang Nguyễn Thanh Bình dự lễ.", [("An Giang", "PROVINCE"), ("Nguyễn Thanh Bình", "PERSON")]),
    ("Phó Chủ tịch tỉnh Sê Kông cho biết.", [("Sê Kông", "PROVINCE")]),
    ("Ty Cảnh sát hai tỉnh Svay Rieng và Prey Veng cam kết phối hợp.", [("Svay Rieng", "PROVINCE"), ("Prey Veng", "PROVINCE")]),
    ("Ty Ngoại giao tỉnh Prey Veng tiếp đoàn.", [("Ty Ngoại giao tỉnh Prey Veng", "ORG")]),
    ("Hiến binh Hoàng gia Khmer tỉnh Svay Rieng đã phối hợp.", [("Hiến binh Hoàng gia Khmer tỉnh Svay Rieng", "ORG")]),
    ("Ty Cảnh sát thành phố Bavet đã bàn giao 3 đối tượng.",
     [("Ty Cảnh sát thành phố Bavet", "ORG"), ("3 đối tượng", "QUANTITY")]),
    ("Ông Hun Sen, Chủ tịch Thượng viện Campuchia, phát biểu.", [("Hun Sen", "PERSON"), ("Thượng viện Campuchia", "ORG")]),
    # the accused of a prosecution, of any origin, and a family and a given name alone where only a person can be
    ("Khởi tố bị can đối với Lầu Bá Tu, Khamphanh Vongxay và Danh Kiệt về tội mua bán.",
     [("Lầu Bá Tu", "PERSON"), ("Khamphanh Vongxay", "PERSON"), ("Danh Kiệt", "PERSON")]),
    ("Khởi tố bị can đối với Công ty TNHH Hoàng Long về tội trốn thuế.", [("Công ty TNHH Hoàng Long", "ORG")]),
    ("Tại cơ quan công an, Lê Hùng khai nhận toàn bộ hành vi.", [("Lê Hùng", "PERSON")]),
    ("Lâm Tài, ngụ xã Vĩnh Gia, là người thuê ghe.", [("Lâm Tài", "PERSON")]),
    ("Hồ Tây bị ô nhiễm.", []),
    # China: bodies of the border towns, the people's governments, "CA", pinyin after "bắt giữ", a name after a
    # city's bureau in full
    ("Hai bên bàn giao hồ sơ cho Phân cục Công an Hà Khẩu.", [("Phân cục Công an Hà Khẩu", "ORG")]),
    ("Tổ tuần tra của Đồn Kiểm tra biên phòng Đông Hưng tuần tra.", [("Đồn Kiểm tra biên phòng Đông Hưng", "ORG")]),
    ("Công an Lạng Sơn và Công an Hồng Hà duy trì giao ban.", [("Công an Lạng Sơn", "ORG"), ("Công an Hồng Hà", "ORG")]),
    ("Vì Văn Nhất 20 năm tù, Quàng Hồng Hà 15 năm tù.", [("Vì Văn Nhất", "PERSON"), ("Quàng Hồng Hà", "PERSON")]),
    ("Bắt giữ 38kg ma túy tại Cửa khẩu Quốc tế Kim Thành", [("38kg", "QUANTITY")]),
    ("Đoàn đã làm việc với Chính quyền Nhân dân thành phố Sùng Tả.", [("Chính quyền Nhân dân thành phố Sùng Tả", "ORG")]),
    ("CA tỉnh Lào Cai phối hợp bàn giao 4 đối tượng.", [("CA tỉnh Lào Cai", "ORG"), ("4 đối tượng", "QUANTITY")]),
    ("Tổ công tác đã bắt giữ Chen Ming khi đối tượng đang lẩn trốn.", [("Chen Ming", "PERSON")]),
    ("Cục trưởng Cục Công an thành phố Bằng Tường Hoàng Đức Phát cảm ơn.",
     [("Cục Công an thành phố Bằng Tường", "ORG"), ("Hoàng Đức Phát", "PERSON")]),
    # a reporter named like a province, in a credit or a byline (not a line of provinces only)
    ("Quang cảnh. Ảnh: Thái Bình/TTXVN", [("Thái Bình", "PERSON"), ("TTXVN", "ORG")]),
    ("Vụ việc đang được điều tra.\n\nThái Bình - Ngọc Lan", [("Thái Bình", "PERSON"), ("Ngọc Lan", "PERSON")]),
    ("Hai bên hợp tác.\n\nHà Tĩnh - Quảng Bình", [("Hà Tĩnh", "PROVINCE"), ("Quảng Bình", "PROVINCE")]),
    # Laos: spellings, H'Mông and Thái family names, the army's security department
    ("Công an Khăm-muôn và Công an Bô-li-khăm-xây cử đại diện.",
     [("Công an Khăm-muôn", "ORG"), ("Công an Bô-li-khăm-xây", "ORG")]),
    ("Tổ công tác bắt quả tang Mè Văn Pọm khi đang vận chuyển ma túy.", [("Mè Văn Pọm", "PERSON")]),
    ("Theo Viện Kiểm sát nhân dân tỉnh Sơn La, Sồng A Lử đã vận chuyển heroin.",
     [("Viện Kiểm sát nhân dân tỉnh Sơn La", "ORG"), ("Sồng A Lử", "PERSON")]),
    ("Đại diện Cục Bảo vệ an ninh Quân đội và Tổng cục Tình báo Lào dự.",
     [("Cục Bảo vệ an ninh Quân đội", "ORG"), ("Tổng cục Tình báo Lào", "ORG")]),
    ("Cơ quan điều tra đã khởi tố đối với Khamphanh Vongxay về tội vận chuyển.", [("Khamphanh Vongxay", "PERSON")]),
    ("Tổ công tác bắt quả tang Khăm Phăn Vông Xay khi đang vận chuyển ma túy.", [("Khăm Phăn Vông Xay", "PERSON")]),
    ("Ban chuyên án phối hợp với Cơ quan Cảnh sát điều tra Bộ An ninh Lào.",
     [("Cơ quan Cảnh sát điều tra Bộ An ninh Lào", "ORG")]),
    ("Hội hữu nghị Việt Nam - Lào tỉnh Nghệ An tổ chức gặp mặt.", [("Hội hữu nghị Việt Nam - Lào tỉnh Nghệ An", "ORG")]),
    # border-guard news: a post at a port's gate, what rescues and campaigns count
    ("Đồn Biên phòng Cửa khẩu cảng Vũng Áng đã kiểm tra 45 tàu.",
     [("Đồn Biên phòng Cửa khẩu cảng Vũng Áng", "ORG"), ("45 tàu", "QUANTITY")]),
    ("Lực lượng cứu hộ đã tìm thấy 3 thi thể trên diện rộng 50 km2.", [("3 thi thể", "QUANTITY"), ("50 km2", "QUANTITY")]),
    ("Tổ tuần tra cắm 20 biển cảnh báo, trao 20 lá cờ cho 150 tân binh.",
     [("20 biển", "QUANTITY"), ("20 lá", "QUANTITY"), ("150 tân binh", "QUANTITY")]),
    # court news: what a seizure of assets counts, Lao spellings without "tỉnh"
    ("Kê biên 3 thửa đất, 2 mảnh đất và 16 website.", [("3 thửa", "QUANTITY"), ("2 mảnh", "QUANTITY"), ("16 website", "QUANTITY")]),
    ("Ma túy từ Luông Nậm Tha và Sa-van-na-khệt được đưa về.", [("Luông Nậm Tha", "PROVINCE"), ("Sa-van-na-khệt", "PROVINCE")]),
    # ministries: a country of one syllable after a ministry's name (not after a department's first word), counters
    ("Bộ Tư pháp Mỹ và Bộ Nội vụ Cuba đã ký 28 hiệp định.",
     [("Bộ Tư pháp Mỹ", "ORG"), ("Bộ Nội vụ Cuba", "ORG"), ("28 hiệp định", "QUANTITY")]),
    ("Cục Pháp chế và cải cách hành chính, tư pháp dự.", [("Cục Pháp chế và cải cách hành chính, tư pháp", "ORG")]),
    ("Tiếp Đoàn, Tổng Cục trưởng Cơ quan Cảnh sát quốc gia Hàn Quốc Cho Ji-ho bày tỏ vui mừng.",
     [("Cơ quan Cảnh sát quốc gia Hàn Quốc", "ORG"), ("Cho Ji-ho", "PERSON")]),
    # court news: the given name alone after the full name, before a verb of the suspect's acts or of a sentence
    ("Công an bắt giữ Lường Văn Lực (SN 1991). Khi bị phát hiện, Lực vứt lại gói hàng.",
     [("Lường Văn Lực", "PERSON"), ("Lực", "PERSON")]),
    ("Bị cáo Khổng Minh Đạt bị tuyên 20 năm tù. Tổng hợp hình phạt, Đạt phải chấp hành 30 năm tù.",
     [("Khổng Minh Đạt", "PERSON"), ("Đạt", "PERSON")]),
])
def test_the_neighbours_news_as_three_probe_writers_wrote_it(nlp, text, expected):
    """Gaps three helpers of session 22 found in sentences they wrote in the forms of news about China, Cambodia and
    Laos."""
    assert ents(nlp, text) == expected



@pytest.mark.parametrize("text, expected", [
    # bodies: a military region's court and procuracy, a department with a one-syllable country, a numbered detention
    # house of a city's police, the BLO of a province that opens with a country's name, the school of a royal police
    ("Tòa án quân sự Quân khu 2 mở phiên tòa xét xử bị cáo.", [("Tòa án quân sự Quân khu 2", "ORG")]),
    ("Toà án Quân sự khu vực 1 Quân khu 4 và Viện kiểm sát quân sự Trung ương",
     [("Toà án Quân sự khu vực 1 Quân khu 4", "ORG"), ("Viện kiểm sát quân sự Trung ương", "ORG")]),
    ("Đại diện Cục Phòng chống ma túy Mỹ (DEA) dự hội thảo.", [("Cục Phòng chống ma túy Mỹ", "ORG"), ("DEA", "ORG")]),
    ("Phó Cục trưởng Cục Cảnh sát hình sự Đức Anh cho biết", [("Cục Cảnh sát hình sự", "ORG"), ("Đức Anh", "PERSON")]),
    ("Bị can bị tạm giam tại Trại tạm giam số 1 Công an TP Hà Nội.", [("Trại tạm giam số 1 Công an TP Hà Nội", "ORG")]),
    ("Văn phòng liên lạc biên giới (BLO Lào Cai) trao đổi thông tin.", [("BLO Lào Cai", "ORG")]),
    ("Đoàn cán bộ Học viện Cảnh sát Hoàng gia Campuchia sang thăm.", [("Học viện Cảnh sát Hoàng gia Campuchia", "ORG")]),
    ("Phối hợp với Đoàn Đặc nhiệm phòng, chống ma túy và tội phạm số 1 thuộc Cục.",
     [("Đoàn Đặc nhiệm phòng, chống ma túy và tội phạm số 1", "ORG")]),
    ("Chỉ huy trưởng Đồn Cảnh sát xuất nhập cảnh Cửa khẩu quốc tế Bavet phát biểu.",
     [("Đồn Cảnh sát xuất nhập cảnh Cửa khẩu quốc tế Bavet", "ORG")]),
    ("Phó Cục trưởng Cục Quản lý xuất nhập cảnh Sùng Tả; ông Lương Hải Đào",
     [("Cục Quản lý xuất nhập cảnh Sùng Tả", "ORG"), ("Lương Hải Đào", "PERSON")]),
    ("Cục trưởng Cục Công an huyện tự trị dân tộc Dao Hà Khẩu dự.", [("Cục Công an huyện tự trị dân tộc Dao Hà Khẩu", "ORG")]),
    ("(Báo và Phát thanh, Truyền hình Tuyên Quang) - Ngày 12/9", [("Báo và Phát thanh, Truyền hình Tuyên Quang", "ORG")]),
    ("Đại diện Đại sứ quán Mỹ tại Việt Nam, Đại sứ quán Vương quốc Anh và Văn phòng UNODC tại Việt Nam.",
     [("Đại sứ quán Mỹ tại Việt Nam", "ORG"), ("Đại sứ quán Vương quốc Anh", "ORG"), ("Văn phòng UNODC tại Việt Nam", "ORG")]),
    ("Bí thư Ủy ban Chính trị - Pháp luật Trung ương, Ủy viên Bộ Chính trị Trung ương Đảng Cộng sản Trung Quốc",
     [("Ủy ban Chính trị - Pháp luật Trung ương", "ORG"), ("Bộ Chính trị Trung ương Đảng Cộng sản Trung Quốc", "ORG")]),
    ("Phó Tư lệnh Lực lượng Cảnh sát Myanmar dự. Lực lượng Cảnh sát Campuchia phong tỏa khu nhà.",
     [("Lực lượng Cảnh sát Myanmar", "ORG"), ("Cảnh sát Campuchia", "ORG")]),
    # provinces: a video link's end is no bridge; Luang Prabang spelt with "Pra"
    ("Chủ trì tại điểm cầu Huế có Đại tá Tôn Thất Minh Quân.",
     [("Huế", "PROVINCE"), ("Đại tá", "RANK"), ("Tôn Thất Minh Quân", "PERSON")]),
    ("Đoàn đi qua cầu Hà Nội rồi đến Luổng Pra Băng.", [("Luổng Pra Băng", "PROVINCE")]),
    # persons: a nickname after "thường gọi là" in the person's bracket, a long Lao name after "ông", a given name alone
    ("Bắt giữ Phan Văn Lực (SN 1980, thường gọi là “Lực Bún”, trú tại Kỳ Anh).",
     [("Phan Văn Lực", "PERSON"), ("Lực Bún", "PERSON")]),
    ("Về phía Lào có ông Lẻ Xay Phon Xay Nha Vông - Phó Chủ tịch.", [("Lẻ Xay Phon Xay Nha Vông", "PERSON")]),
    ("Cầm đầu là Nguyễn Văn Tài (46 tuổi). Từ giữa năm 2024, Tài móc nối với Sok Piseth.",
     [("Nguyễn Văn Tài", "PERSON"), ("Tài", "PERSON"), ("Sok Piseth", "PERSON")]),
    # quantities: power, phases, partners, resolutions
    ("Hệ thống công suất 3 kW; qua 3 giai đoạn; 14 đối tác và 27 nghị quyết.",
     [("3 kW", "QUANTITY"), ("3 giai đoạn", "QUANTITY"), ("14 đối tác", "QUANTITY"), ("27 nghị quyết", "QUANTITY")]),
    # (sets ZX-ZZA) a country after "Quốc về", provincial centres and funds, a Cambodian post by its place, a village
    # head of a H'Mông clan, a medal after a name, what people call someone, floors and prices after "khu nhà"
    ("Theo đề nghị của Bộ Công an Trung Quốc về tội tổ chức đánh bạc.", [("Bộ Công an Trung Quốc", "ORG")]),
    ("Đại diện Trung tâm Công tác xã hội tỉnh Tây Ninh và Quỹ Bảo trợ trẻ em tỉnh An Giang dự.",
     [("Trung tâm Công tác xã hội tỉnh Tây Ninh", "ORG"), ("Quỹ Bảo trợ trẻ em tỉnh An Giang", "ORG")]),
    ("Đồn Biên phòng Tịnh Biên và Đồn Cảnh sát biên giới Phnôm Đênh tuần tra.",
     [("Đồn Biên phòng Tịnh Biên", "ORG"), ("Đồn Cảnh sát biên giới Phnôm Đênh", "ORG")]),
    ("Trưởng bản Xồng Bá Dình cho biết.", [("Xồng Bá Dình", "PERSON")]),
    ("Bộ An ninh Lào đã tặng Trung tá A Sang Huân chương Chiến công hạng Ba.",
     [("Bộ An ninh Lào", "ORG"), ("Trung tá", "RANK"), ("A Sang", "PERSON")]),
    ("Anh em trong đồn gọi anh là “Vinh râu”, khu vực được gọi là “Rốn lũ”.", [("Vinh râu", "PERSON")]),
    ("Giải cứu 3 sản phụ trong khu nhà 7 tầng, trả 500 USD; số nhà 12 đường Lê Lợi.",
     [("3 sản phụ", "QUANTITY"), ("7 tầng", "QUANTITY"), ("500 USD", "QUANTITY")]),
    # (sets ZZB-ZZF) party-affairs departments, infirmaries, communes named "Trung ...", an interpreter, a Cambodian
    # commissioner's title, a national body before its staff, Vietnamese associations abroad
    ("Trưởng Phòng Công tác đảng và công tác chính trị Công an tỉnh Nghệ An; bác sĩ Bệnh xá Công an tỉnh Quảng Bình.",
     [("Phòng Công tác đảng và công tác chính trị Công an tỉnh Nghệ An", "ORG"), ("Bệnh xá Công an tỉnh Quảng Bình", "ORG")]),
    ("Công an xã Trung Lý và Huyện đoàn Kỳ Sơn tặng quà; chăm sóc 2.500 ngôi mộ.",
     [("Công an xã Trung Lý", "ORG"), ("Huyện đoàn Kỳ Sơn", "ORG"), ("2.500 ngôi", "QUANTITY")]),
    ("Thông qua phiên dịch viên tiếng Trung Phan Thị Lệ Quyên, bị cáo khai.", [("Phan Thị Lệ Quyên", "PERSON")]),
    ("Thiếu tướng Mao Xô-khom, Phó Tổng Thanh tra Cảnh sát tỉnh Preah Sihanouk, cho biết.",
     [("Thiếu tướng", "RANK"), ("Mao Xô-khom", "PERSON"), ("Cảnh sát tỉnh Preah Sihanouk", "ORG")]),
    ("Do giảng viên Học viện Cảnh sát nhân dân và cán bộ nhiều kinh nghiệm giảng dạy.",
     [("Học viện Cảnh sát nhân dân", "ORG")]),
    ("Đại diện Hội người Việt Nam tỉnh Chăm-pa-xắc và Tiểu khu Quân sự tỉnh Mondulkiri dự.",
     [("Hội người Việt Nam tỉnh Chăm-pa-xắc", "ORG"), ("Tiểu khu Quân sự tỉnh Mondulkiri", "ORG")]),
    # (sets ZZG-ZZK) a unit of the interior's security, hostages, a commune named "... Chỉ", permits, Myanmar's
    # honorifics, a country's customs, Thailand's police regions, Salavan spelt "Sả Lăm Vạn"
    ("Tổ trinh sát của Phòng An ninh đối nội Công an tỉnh Kon Tum thả 6 con tin.",
     [("Phòng An ninh đối nội Công an tỉnh Kon Tum", "ORG"), ("6 con tin", "QUANTITY")]),
    ("Công an xã Phước Chỉ đã cấp 21.000 giấy thông hành; Ban Chỉ đạo họp.",
     [("Công an xã Phước Chỉ", "ORG"), ("21.000 giấy", "QUANTITY")]),
    ("Ông U Thein Zaw Oo cho biết, Cục Hải quan Thái Lan và Bộ Tư lệnh Cảnh sát Vùng 4 phối hợp.",
     [("Thein Zaw Oo", "PERSON"), ("Cục Hải quan Thái Lan", "ORG"), ("Bộ Tư lệnh Cảnh sát Vùng 4", "ORG")]),
    ("Giám đốc Công an tỉnh Sả Lăm Vạn phát biểu.", [("Công an tỉnh Sả Lăm Vạn", "ORG")]),
    # fishing boats are counted by "tàu" (rule 5: "44 bánh heroin" → "44 bánh"), as 27 of 28 writers' spans cut them
    ("Lực lượng hai bên kiểm tra 41 tàu cá và 2 xe máy.", [("41 tàu", "QUANTITY"), ("2 xe máy", "QUANTITY")]),
])
def test_what_nineteen_writers_who_saw_no_rules_found(nlp, text, expected):
    """Gaps found in session 23: the last session's leftovers and the new dev sets ZS-ZZK written by helpers who saw
    no rules."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (set ZZL) a given name that opens "lực lượng" standing alone at a sentence's end or before a verb, a name whose
    # last word opened a description ("Chống cao"), a border liaison office named by the places on both sides
    ("Đối tượng Trần Văn Lực (SN 1986) bỏ trốn. Công an ra quyết định truy nã đối với Lực. Khi bị phục kích, Lực bỏ "
     "lại tang vật.", [("Trần Văn Lực", "PERSON"), ("Lực", "PERSON"), ("Lực", "PERSON")]),
    ("Các đối tượng gồm: Vừ Bá Chống (SN 1988).\nĐặc điểm nhận dạng: Vừ Bá Chống cao khoảng 1,65 m.",
     [("Vừ Bá Chống", "PERSON"), ("Vừ Bá Chống", "PERSON"), ("1,65 m", "QUANTITY")]),
    ("Qua Văn phòng liên lạc phòng, chống tội phạm ma túy qua biên giới Lào Cai - Hà Khẩu, hai bên trao đổi.",
     [("Văn phòng liên lạc phòng, chống tội phạm ma túy qua biên giới Lào Cai - Hà Khẩu", "ORG")]),
    # (set ZZN) a national department before a verb its description ran into, an airport's border post, China's
    # police ranks, what someone calls himself, a network's agents, victims counted
    ("Ngày 16/5, Cục Cảnh sát hình sự huy động hơn 400 cán bộ; Đồn Biên phòng cửa khẩu Cảng hàng không quốc tế Nội "
     "Bài tiếp nhận 64 công dân.", [("Cục Cảnh sát hình sự", "ORG"), ("400 cán bộ", "QUANTITY"),
                                   ("Đồn Biên phòng cửa khẩu Cảng hàng không quốc tế Nội Bài", "ORG"),
                                   ("64 công dân", "QUANTITY")]),
    ("Phía Trung Quốc có Nhất cấp cảnh giám Mông Kiến Hoa.", [("Nhất cấp cảnh giám", "RANK"), ("Mông Kiến Hoa", "PERSON")]),
    ("Anh quen một người tự xưng là “Tuấn”, cầm đầu 140 đại lý, lừa 147 người bị hại.",
     [("Tuấn", "PERSON"), ("140 đại lý", "QUANTITY"), ("147 người", "QUANTITY")]),
    # (sets ZZO, ZZQ) a Chinese city's party committee, Cambodia's provincial hall and gendarmerie sub-region, an
    # investigation agency without "Cảnh sát", the police of a province in a credit
    ("Bí thư Thị ủy Phòng Thành Cảng đến Tòa thị chính tỉnh Svay Rieng và Tiểu khu Hiến binh tỉnh Svây Riêng.",
     [("Thị ủy Phòng Thành Cảng", "ORG"), ("Tòa thị chính tỉnh Svay Rieng", "ORG"),
      ("Tiểu khu Hiến binh tỉnh Svây Riêng", "ORG")]),
    ("Bàn giao cho Cơ quan điều tra Công an tỉnh Phông Sa Lỳ. Ảnh: CA Bình Dương",
     [("Cơ quan điều tra Công an tỉnh Phông Sa Lỳ", "ORG"), ("CA Bình Dương", "ORG")]),
    # (set ZZP) schools, troupes and federations; artists and choreographers; medals, cups, marksmen; "Chuẩn bị"
    ("Học tại Trường Văn hóa 1; Đoàn Nghệ thuật Bộ An ninh Lào, Liên đoàn Bóng đá Việt Nam và Tổng Ty Cảnh sát tỉnh "
     "Tbong Khmum.", [("Trường Văn hóa 1", "ORG"), ("Đoàn Nghệ thuật Bộ An ninh Lào", "ORG"),
                      ("Liên đoàn Bóng đá Việt Nam", "ORG"), ("Tổng Ty Cảnh sát tỉnh Tbong Khmum", "ORG")]),
    ("Hội đồng do Đại tá, NSƯT Đoàn Thị Hải Yến làm Chủ tịch; biên đạo múa Ka Ly Vông Xay đến từ Lào.",
     [("Đại tá", "RANK"), ("Đoàn Thị Hải Yến", "PERSON"), ("Ka Ly Vông Xay", "PERSON")]),
    ("Chuẩn bị 30 mâm cơm; 54 xạ thủ, 300 diễn viên; 6 HCV, 3 HCB, 2 HCĐ và 3 cúp.",
     [("30 mâm", "QUANTITY"), ("54 xạ thủ", "QUANTITY"), ("300 diễn viên", "QUANTITY"), ("6 HCV", "QUANTITY"),
      ("3 HCB", "QUANTITY"), ("2 HCĐ", "QUANTITY"), ("3 cúp", "QUANTITY")]),
    ("Đại úy Sỉ Xổm Phon Khun Xạ giành giải.\nXạ thủ Sở Văn hóa và Du lịch Quảng Tây thi đấu.",
     [("Đại úy", "RANK"), ("Sỉ Xổm Phon Khun Xạ", "PERSON"), ("Sở Văn hóa và Du lịch Quảng Tây", "ORG")]),
])
def test_what_five_writers_of_session_24_found(nlp, text, expected):
    """Gaps found in session 24 on the dev sets ZZL-ZZQ, written by helpers who saw no rules."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (set ZZV, the army paper) a military region's bodies, military hospitals, the K teams with or without their
    # parent, a neighbour's border-protection battalion, a Cambodian military sub-region in lower case
    ("Trường Quân sự Quân khu 1, Đảng ủy Quân khu 7 và Bệnh viện Quân y 7A phối hợp với Tiểu khu quân sự tỉnh Kratie.",
     [("Trường Quân sự Quân khu 1", "ORG"), ("Đảng ủy Quân khu 7", "ORG"), ("Bệnh viện Quân y 7A", "ORG"),
      ("Tiểu khu quân sự tỉnh Kratie", "ORG")]),
    ("Đội K92 Bộ Chỉ huy Quân sự tỉnh Quảng Trị và Đội K52 bàn giao cho Tiểu đoàn bảo vệ biên giới 405 và Tiểu đoàn 31.",
     [("Đội K92 Bộ Chỉ huy Quân sự tỉnh Quảng Trị", "ORG"), ("Đội K52", "ORG"),
      ("Tiểu đoàn bảo vệ biên giới 405", "ORG"), ("Tiểu đoàn 31", "ORG")]),
    # (set ZZT, ASEAN meetings) Malay names across "bin"/"binti" without their honorifics, a royal police force's own
    # name, a unit before a national police, China's ranks with their grade after them, a national police's team
    ("Tan Sri Mohd Rizal bin Hashim, Phó Tư lệnh Lực lượng Cảnh sát Hoàng gia Brunei; bà Nur Aisyah binti Kamarudin.",
     [("Mohd Rizal bin Hashim", "PERSON"), ("Lực lượng Cảnh sát Hoàng gia Brunei", "ORG"),
      ("Nur Aisyah binti Kamarudin", "PERSON")]),
    ("Trưởng Ban Quan hệ quốc tế Cảnh sát Quốc gia Indonesia; Cảnh giám cấp 1 Hoàng Kiến Hoa; Giám đốc Nhóm Chống tội "
     "phạm mạng.", [("Ban Quan hệ quốc tế Cảnh sát Quốc gia Indonesia", "ORG"), ("Cảnh giám cấp 1", "RANK"),
                    ("Hoàng Kiến Hoa", "PERSON"), ("Nhóm Chống tội phạm mạng", "ORG")]),
    # (sets ZZT-ZZX) counters; a clan after "họ" is no person; "phòng học" is counted by "phòng", as every writer cut it
    ("Có 23 dòng họ, 10 loại tội phạm, 41 quốc tịch, 64 tiệm, 214 món, 12 ca, 2 giếng và 2 biển báo; xây 3 phòng học.",
     [("23 dòng họ", "QUANTITY"), ("10 loại", "QUANTITY"), ("41 quốc tịch", "QUANTITY"), ("64 tiệm", "QUANTITY"),
      ("214 món", "QUANTITY"), ("12 ca", "QUANTITY"), ("2 giếng", "QUANTITY"), ("2 biển báo", "QUANTITY"),
      ("3 phòng", "QUANTITY")]),
    ("Vàng Mí Sính bị bắt.\nTrưởng các dòng họ Vàng, họ Thào ký cam kết.", [("Vàng Mí Sính", "PERSON")]),
    # a given name after "bởi" or "tin"; Lao and Khmer spellings run together
    ("Nguyễn Văn Tài cầm đầu, bởi Tài thường cho đàn em chạy xe; nhận được tin Tài chuẩn bị về, tỉnh Phôngsaly và tỉnh "
     "Mônđônkiri phối hợp.", [("Nguyễn Văn Tài", "PERSON"), ("Tài", "PERSON"), ("Tài", "PERSON"),
                               ("Phôngsaly", "PROVINCE"), ("Mônđônkiri", "PROVINCE")]),
])
def test_what_five_more_writers_of_session_24_found(nlp, text, expected):
    """Gaps found in session 24 on the dev sets ZZT-ZZX (the army paper, ASEAN meetings, economic crime, highland
    papers, drug cases told step by step), written by helpers who saw no rules."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (set ZZY) the Lao party's central committee with its whole name; the attachés' section of an embassy; a
    # Cambodian department; a movement abroad; the pairs of gates, whose neighbour's side reads as a name
    ("Ông Bun Lọi, Ủy viên Trung ương Đảng Nhân dân Cách mạng Lào, thăm Ban Tùy viên Công an Việt Nam tại Lào.",
     [("Bun Lọi", "PERSON"), ("Trung ương Đảng Nhân dân Cách mạng Lào", "ORG"),
      ("Ban Tùy viên Công an Việt Nam tại Lào", "ORG")]),
    ("Lãnh đạo Tổng cục Nhân sự và Đào tạo gặp đại diện FULRO; xe qua cặp cửa khẩu Mộc Bài - Bavet và Tịnh Biên - "
     "Phnôm Đơn, cửa khẩu Thanh Thủy - Thiên Bảo.",
     [("Tổng cục Nhân sự và Đào tạo", "ORG"), ("FULRO", "ORG")]),
    # (set ZZZA) a Cambodian town's police, a Chinese province's police academy, the fire police without the comma
    # of its full name, counters of schools and aid, a Lao province in two more spellings
    ("Ty Cảnh sát thị xã Bavet, Học viện Cảnh sát Vân Nam và Cục Cảnh sát phòng cháy chữa cháy và cứu nạn, cứu hộ "
     "nhận 14 khóa luận, 6 ống nhòm, 1 hội trường, 24 giường và 4 kỹ năng.",
     [("Ty Cảnh sát thị xã Bavet", "ORG"), ("Học viện Cảnh sát Vân Nam", "ORG"),
      ("Cục Cảnh sát phòng cháy chữa cháy và cứu nạn, cứu hộ", "ORG"), ("14 khóa luận", "QUANTITY"),
      ("6 ống nhòm", "QUANTITY"), ("1 hội trường", "QUANTITY"), ("24 giường", "QUANTITY"), ("4 kỹ năng", "QUANTITY")]),
    ("Đoàn tỉnh Hủa Phanh và tỉnh Sạ-vẳn-nạ-khệt dự.", [("Hủa Phanh", "PROVINCE"), ("Sạ-vẳn-nạ-khệt", "PROVINCE")]),
    # (set ZZZB) China's autonomous prefectures and counties named by their peoples; with no body before them they
    # name nothing, no person either; an online paper; gambling dens
    ("Cục Công an Châu tự trị dân tộc Hà Nhì, dân tộc Di Hồng Hà và Cục Công an huyện tự trị dân tộc Miêu, Dao, Thái "
     "Kim Bình họp tại châu tự trị dân tộc Choang, dân tộc Miêu Văn Sơn.",
     [("Cục Công an Châu tự trị dân tộc Hà Nhì, dân tộc Di Hồng Hà", "ORG"),
      ("Cục Công an huyện tự trị dân tộc Miêu, Dao, Thái Kim Bình", "ORG")]),
    ("Tuổi Trẻ Online - Hai bên triệt phá 12 sòng bạc.", [("Tuổi Trẻ Online", "ORG"), ("12 sòng bạc", "QUANTITY")]),
    # (set ZZZ) a given name that opens common words ("Chiến sĩ", "Tư lệnh") where only the person stands: after a
    # word that governs a person, before a sentence's end or a subject's verb; "chở" governs a person; not "Quân đội"
    ("Bắt Hà Văn Tư (SN 1983) và Lò Thị Xuân. Tổ công tác phát hiện Tư đi xe máy chở Xuân về; ma túy của Tư.",
     [("Hà Văn Tư", "PERSON"), ("Lò Thị Xuân", "PERSON"), ("Tư", "PERSON"), ("Xuân", "PERSON"), ("Tư", "PERSON")]),
    ("Thiếu tá Lê Văn Quân dự. Đây là công sức của Quân đội nhân dân.",
     [("Thiếu tá", "RANK"), ("Lê Văn Quân", "PERSON"), ("Quân đội nhân dân", "ORG")]),
])
def test_what_four_writers_of_session_25_found(nlp, text, expected):
    """Gaps found in session 25 on the dev sets ZZY-ZZZB (the Ministry's guests, north-central drug seizures, training
    and aid, cooperation with Guangxi and Yunnan), written by helpers who saw no rules."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a backpack's load is counted ("ba lô", where "lô" is no plot of land); a plot keeps its number out
    ("Tổ công tác phát hiện trong ba lô 6 bánh heroin và 2 kg ma túy đá.", [("6 bánh", "QUANTITY"), ("2 kg", "QUANTITY")]),
    ("Nhà ông ở lô 12 khu dân cư mới.", []),
])
def test_what_session_26_mended(nlp, text, expected):
    """Gaps left by session 25 (its closing note)."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (set ZZZC) fire police: dispatching ("điều", a verb, not an article of a law after a preposition), nozzles,
    # kiosks, the area a unit covers, a Lao district's fire brigade
    ("Đội Cảnh sát PCCC và CNCH khu vực Cầu Treo đã điều 3 xe, 12 chiến sĩ và 2 lăng phun sang chợ có 400 ki-ốt.",
     [("Đội Cảnh sát PCCC và CNCH khu vực Cầu Treo", "ORG"), ("3 xe", "QUANTITY"), ("12 chiến sĩ", "QUANTITY"),
      ("2 lăng", "QUANTITY"), ("400 ki-ốt", "QUANTITY")]),
    ("Hành vi bị xử lý theo điều 5 của quy chế.", []),
    ("Đội Cứu hỏa huyện Pạc Xăn đến hỗ trợ.", [("Đội Cứu hỏa huyện Pạc Xăn", "ORG")]),
    # (set ZZZD) speeds and engines glued to their number; a unit's name with an abbreviation before a dash; a Lao
    # department of public works; a province's traffic police and traffic safety committee; a Savannakhet spelling
    ("Xe 150cc chạy 95km/h, nơi giới hạn 60 km/h.",
     [("150cc", "QUANTITY"), ("95km/h", "QUANTITY"), ("60 km/h", "QUANTITY")]),
    ("Đội CSGT - Trật tự Công an huyện Kỳ Anh và Sở Công chính - Vận tải tỉnh Khăm Muộn họp.",
     [("Đội CSGT - Trật tự Công an huyện Kỳ Anh", "ORG"), ("Sở Công chính - Vận tải tỉnh Khăm Muộn", "ORG")]),
    ("CSGT Quảng Trị và Ban An toàn giao thông tỉnh Quảng Trị kiểm tra tuyến Xa-va-na-khẹt - Đông Hà.",
     [("CSGT Quảng Trị", "ORG"), ("Ban An toàn giao thông tỉnh Quảng Trị", "ORG"), ("Xa-va-na-khẹt", "PROVINCE")]),
    ("Trưởng Phòng CSGT Công an tỉnh Gia Lai phát biểu.", [("Phòng CSGT Công an tỉnh Gia Lai", "ORG")]),
    # (set ZZZE) a Lao name of one hyphen-glued word recurs; beads; a customs team named by its gate; a national
    # institute
    ("Một người tên Phon-xa-vắt thuê xe. Sau đó Phon-xa-vắt bỏ trốn cùng 120 hạt vòng.",
     [("Phon-xa-vắt", "PERSON"), ("Phon-xa-vắt", "PERSON"), ("120 hạt", "QUANTITY")]),
    ("Đội Hải quan cửa khẩu Na Phàu gửi mẫu tới Viện Sinh thái và Tài nguyên sinh vật.",
     [("Đội Hải quan cửa khẩu Na Phàu", "ORG"), ("Viện Sinh thái và Tài nguyên sinh vật", "ORG")]),
    # (set ZZZF) a Chinese name in characters after its reading; e-magazine and video credits; a Lao name of five
    # words after a cue where a shape stopped at four
    ("Ông Lưu Kiến Quân (刘建军) tiếp đoàn. Nội dung: Hà Phương | Ảnh, video: Trọng Nghĩa",
     [("Lưu Kiến Quân", "PERSON"), ("刘建军", "PERSON"), ("Hà Phương", "PERSON"), ("Trọng Nghĩa", "PERSON")]),
    ("Lái xe là anh Xổm Phết Xay Nha Vông (SN 1988).", [("Xổm Phết Xay Nha Vông", "PERSON")]),
    # (set ZZZG) servers and data sizes; companies named by two trades; a reading in brackets opening on "Từ"
    ("Lực lượng chức năng thu 12 máy chủ, ổ cứng 20TB tại Công ty TNHH Thương mại và Dịch vụ Hòa Phong.",
     [("12 máy chủ", "QUANTITY"), ("20TB", "QUANTITY"), ("Công ty TNHH Thương mại và Dịch vụ Hòa Phong", "ORG")]),
    ("Cầm đầu là Xu Weiming (Từ Vĩ Minh, SN 1980).", [("Xu Weiming", "PERSON"), ("Từ Vĩ Minh", "PERSON")]),
    # (the session's start) forces joined before one place name are no single body: the province only; a season
    # counts time, no QUANTITY
    ("Lực lượng Công an, Bộ đội Biên phòng tỉnh Lai Châu phối hợp suốt 2 mùa khô.", [("Lai Châu", "PROVINCE")]),
])
def test_what_session_27_mended(nlp, text, expected):
    """Gaps found in session 27 on the dev sets ZZZC-ZZZG (fire police, traffic police, wildlife and contraband, photo
    reports, high-tech crime), written by helpers who saw no rules, and two of the previous closing note."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (set ZZZH) an outlet in capitals or a national paper opening a lead without brackets; a byline whose outlet has
    # its region after a dash
    ("HTO - Sáng 3/4, tại Cửa khẩu quốc tế Cầu Treo, lực lượng chức năng thu 12 khẩu súng.\nMinh Châu/VOV-TN",
     [("HTO", "ORG"), ("12 khẩu", "QUANTITY"), ("Minh Châu", "PERSON"), ("VOV-TN", "ORG")]),
    ("Tuổi Trẻ - Chiều 5/6, đoàn công tác tới Lào.", [("Tuổi Trẻ", "ORG")]),
    ("PV - Sáng nay đoàn tới.", []),
    # (set ZZZI) a national institute's branch; a paper whose name opens on a word no name starts with
    ("Phân viện Khoa học hình sự tại Đà Nẵng và phóng viên Báo Người Lao Động có mặt.",
     [("Phân viện Khoa học hình sự tại Đà Nẵng", "ORG"), ("Báo Người Lao Động", "ORG")]),
    # (set ZZZJ) a body's youth union; a Lao department of education and sports; the Lao Women's Union of a province;
    # a pupil after "Em" opening a sentence (not "Em" ending a name); a policewoman's name; goals and sets
    ("Đoàn Thanh niên Cộng sản Cục Công an thành phố Bằng Tường và Sở Giáo dục và Thể thao tỉnh Xiêng Khoảng dự.",
     [("Đoàn Thanh niên Cộng sản Cục Công an thành phố Bằng Tường", "ORG"),
      ("Sở Giáo dục và Thể thao tỉnh Xiêng Khoảng", "ORG")]),
    ("Hội Liên hiệp Phụ nữ Lào tỉnh Sê Kông tặng quà. Em Bua Khăm Xay Nha, học sinh lớp 7, cảm ơn.",
     [("Hội Liên hiệp Phụ nữ Lào tỉnh Sê Kông", "ORG"), ("Bua Khăm Xay Nha", "PERSON")]),
    ("Công an bắt Trần Văn Em và nữ cảnh sát Hoàng Thu Trang ghi 2 bàn trong 3 hiệp.",
     [("Trần Văn Em", "PERSON"), ("Hoàng Thu Trang", "PERSON"), ("2 bàn", "QUANTITY"), ("3 hiệp", "QUANTITY")]),
    # (set ZZZK) the police at an airport's gate; a province in an airport's name is none; gates, lanes, seals,
    # foreign students, visas; a Chinese name in characters after "tên tiếng Trung"
    ("Công an cửa khẩu Cảng hàng không quốc tế Cam Ranh mở 6 cổng, 2 luồng tại sân bay quốc tế Đà Nẵng.",
     [("Công an cửa khẩu Cảng hàng không quốc tế Cam Ranh", "ORG"), ("6 cổng", "QUANTITY"), ("2 luồng", "QUANTITY")]),
    ("Thu 3 con dấu; cấp 1,2 triệu thị thực; gặp 200 lưu học sinh.",
     [("3 con dấu", "QUANTITY"), ("1,2 triệu thị thực", "QUANTITY"), ("200 lưu học sinh", "QUANTITY")]),
    ("Ông Lâm Gia Hào (tên tiếng Trung: 林家豪) bị trục xuất.", [("Lâm Gia Hào", "PERSON"), ("林家豪", "PERSON")]),
    # (set ZZZL) a consulate general in lower case; a Chinese city's intermediate court; a region's prisons bureau;
    # the amnesty council; Cambodia's prisons department; sub-camps and fish cages
    ("Tổng lãnh sự quán Lào tại TP Hồ Chí Minh, Tòa án nhân dân trung cấp thành phố Nam Ninh và Cục Quản lý nhà tù "
     "Vân Nam dự.", [("Tổng lãnh sự quán Lào tại TP Hồ Chí Minh", "ORG"),
                     ("Tòa án nhân dân trung cấp thành phố Nam Ninh", "ORG"), ("Cục Quản lý nhà tù Vân Nam", "ORG")]),
    ("Hội đồng Tư vấn đặc xá và Tổng cục Nhà tù Campuchia thăm 3 phân trại, 20 lồng cá.",
     [("Hội đồng Tư vấn đặc xá", "ORG"), ("Tổng cục Nhà tù Campuchia", "ORG"), ("3 phân trại", "QUANTITY"),
      ("20 lồng", "QUANTITY")]),
])
def test_what_the_second_round_of_session_27_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZH-ZZZL (weapons, press briefings, exchanges, exit-entry, prisons), written by
    helpers who saw no rules, after the first round's rules."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 28, dev sets ZZZA-ZZZL before any new set) Lao names whose syllables the list lacked: -thanh, -pha-,
    # -lang-, -sy, -si, -lath, -chak, -pheng
    ("Ông Vông Phạ Chăn Thạ Lăng Xỷ - Trưởng Hải quan tỉnh - cùng anh Bua Phăn Xỉ Xu Lắt dự.",
     [("Vông Phạ Chăn Thạ Lăng Xỷ", "PERSON"), ("Bua Phăn Xỉ Xu Lắt", "PERSON")]),
    ("Nguồn hàng do Bun Thăn Phôm Ma Chắc (SN 1977) cung cấp cho Khăm Phết Sỉ Phan Đon (SN 1996).",
     [("Bun Thăn Phôm Ma Chắc", "PERSON"), ("Khăm Phết Sỉ Phan Đon", "PERSON")]),
    # (set ZZZM) a Cambodian border police post by its number
    ("Trung tá Sok Dara, Đồn trưởng Đồn Cảnh sát biên giới 825, và Đồn Cảnh sát biên phòng 925 dự.",
     [("Trung tá", "RANK"), ("Sok Dara", "PERSON"), ("Đồn Cảnh sát biên giới 825", "ORG"),
      ("Đồn Cảnh sát biên phòng 925", "ORG")]),
    # (set ZZZN) a commune's police post across the border; a Chinese border police station; a commune whose name
    # ends on a family name before a line break
    ("Đồn Cảnh sát xã Prasat, Đồn Cảnh sát hành chính xã Bu Sra và Đồn Công an biên phòng Kiều Đầu phối hợp.",
     [("Đồn Cảnh sát xã Prasat", "ORG"), ("Đồn Cảnh sát hành chính xã Bu Sra", "ORG"),
      ("Đồn Công an biên phòng Kiều Đầu", "ORG")]),
    ("Thu 4 thùng pháo. Ảnh: Công an xã Bản Lầu\nNgày 5/3, đoàn tới.",
     [("4 thùng", "QUANTITY"), ("Công an xã Bản Lầu", "ORG")]),
    # (set ZZZO) a column's name in brackets opens no source; a law firm; the judges' council of a court; a code's
    # article number before "Bộ luật" counts nothing
    ("Tiêu đề\n(Bình luận) - Theo Nghị quyết của Hội đồng Thẩm phán Tòa án nhân dân tối cao và các điều từ 247 đến 259 "
     "Bộ luật Hình sự, Công ty Luật TNHH Đông Bắc cho biết.",
     [("Hội đồng Thẩm phán Tòa án nhân dân tối cao", "ORG"), ("Công ty Luật TNHH Đông Bắc", "ORG")]),
    # (set ZZZP) an association of a people of another origin; bodies named by a pair of countries, with their
    # province; a border police post in title case; remains and colleagues
    ("Hội người Lào gốc Việt tỉnh Chăm Pa Sắc và Hội Hữu nghị Việt Nam - Campuchia TP Cần Thơ đưa 2 thi hài về.",
     [("Hội người Lào gốc Việt tỉnh Chăm Pa Sắc", "ORG"), ("Hội Hữu nghị Việt Nam - Campuchia TP Cần Thơ", "ORG"),
      ("2 thi hài", "QUANTITY")]),
    ("Trường Cao đẳng Kỹ thuật Việt - Đức Nghệ An và Đồn Cảnh sát Biên phòng Cửa khẩu Koh Roka cử 3 đồng nghiệp.",
     [("Trường Cao đẳng Kỹ thuật Việt - Đức Nghệ An", "ORG"), ("Đồn Cảnh sát Biên phòng Cửa khẩu Koh Roka", "ORG"),
      ("3 đồng nghiệp", "QUANTITY")]),
    # (set ZZZQ) a broadcast's byline: the camera operator after "KTV", an outlet's abbreviation no list holds after
    # the slash; a station's name with a dash
    ("Vụ việc đang được điều tra.\nPV Lò Thị Hương - KTV Quàng Văn Duy/VOV Tây Bắc",
     [("Lò Thị Hương", "PERSON"), ("Quàng Văn Duy", "PERSON"), ("VOV Tây Bắc", "ORG")]),
    ("Vụ việc đang được điều tra.\nKim Ngân - Hữu Lộc/ATV",
     [("Kim Ngân", "PERSON"), ("Hữu Lộc", "PERSON"), ("ATV", "ORG")]),
    ("Theo Đài Phát thanh - Truyền hình Quảng Trị, vụ việc xảy ra hôm qua.",
     [("Đài Phát thanh - Truyền hình Quảng Trị", "ORG")]),
])
def test_what_the_first_round_of_session_28_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZM-ZZZQ (guest lists, commune police after the 2025 reorganisation, commentary,
    citizens abroad, broadcast scripts), written by helpers who saw no rules."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (set ZZZS) counted experts, doctors, reports, crime scenes, cabinets, doses, loci
    ("Viện đào tạo 72 giám định viên, 14 kỹ thuật viên và 45 thầy thuốc, nhận 26 báo cáo, khám 57 hiện trường, tặng "
     "2 tủ thuốc, 200 cơ số thuốc và phân tích 24 locus.",
     [("72 giám định viên", "QUANTITY"), ("14 kỹ thuật viên", "QUANTITY"), ("45 thầy thuốc", "QUANTITY"),
      ("26 báo cáo", "QUANTITY"), ("57 hiện trường", "QUANTITY"), ("2 tủ", "QUANTITY"), ("200 cơ số", "QUANTITY"),
      ("24 locus", "QUANTITY")]),
    # (set ZZZR) a Lao province's military command in lower case; the Lao border police department
    ("Đồn ký quy chế với Bộ Chỉ huy quân sự tỉnh Phông Sa Lỳ và Cục Cảnh sát biên phòng Lào.",
     [("Bộ Chỉ huy quân sự tỉnh Phông Sa Lỳ", "ORG"), ("Cục Cảnh sát biên phòng Lào", "ORG")]),
    # (set ZZZT) a party cell, a youth-union branch and a standing committee of a named body are one ORG with it
    ("Ban Thường vụ Tỉnh đoàn Lào Cai khen Chi đoàn Công an thành phố Lào Cai và 14 chi bộ.",
     [("Ban Thường vụ Tỉnh đoàn Lào Cai", "ORG"), ("Chi đoàn Công an thành phố Lào Cai", "ORG"),
      ("14 chi bộ", "QUANTITY")]),
    # (set ZZZU) scenarios and rings of protection
    ("Cuộc diễn tập gồm 9 tình huống; lực lượng bố trí 2 vòng bảo vệ.",
     [("9 tình huống", "QUANTITY"), ("2 vòng", "QUANTITY")]),
    # (set ZZZV) a height; tricks; Sihanoukville alone is the city, after "tỉnh" the province
    ("Đối tượng cao khoảng 1m63, dùng 5 thủ đoạn, đưa người sang Bavet, Sihanoukville; Cảnh sát tỉnh Sihanoukville "
     "phối hợp tại tỉnh Sihanoukville.",
     [("1m63", "QUANTITY"), ("5 thủ đoạn", "QUANTITY"), ("Cảnh sát tỉnh Sihanoukville", "ORG"),
      ("Sihanoukville", "PROVINCE")]),
    ("Họ sống ở thành phố Sihanoukville, tỉnh Preah Sihanouk.", [("Preah Sihanouk", "PROVINCE")]),
    # (set ZZZO) a code's article number before "Bộ luật" counts nothing
    ("Các điều từ 247 đến 259 Bộ luật Hình sự đã đủ nghiêm khắc.", []),
    # (set ZZZZ) a family name right before a province is a person's name; "Từ" before a place is the preposition
    ("Tổ công tác bắt Mã Vĩnh Phúc (Ma Yongfu, SN 1981). Từ Hà Nội, đoàn đi Lào Cai.",
     [("Mã Vĩnh Phúc", "PERSON"), ("Ma Yongfu", "PERSON"), ("Hà Nội", "PROVINCE"), ("Lào Cai", "PROVINCE")]),
    # (set ZZZZA) a Cambodian district's police post; a Cambodian province's border police command; a friendship
    # school named by its place
    ("Công an xã phối hợp với Đồn Cảnh sát huyện Ô Da Dao, Bộ Chỉ huy Cảnh sát biên giới tỉnh Mondulkiri và Trường "
     "Tiểu học Hữu nghị Lơm Phát.",
     [("Đồn Cảnh sát huyện Ô Da Dao", "ORG"), ("Bộ Chỉ huy Cảnh sát biên giới tỉnh Mondulkiri", "ORG"),
      ("Trường Tiểu học Hữu nghị Lơm Phát", "ORG")]),
])
def test_what_the_later_rounds_of_session_28_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZR-ZZZV (interviews, forensic science, awards, live blogs, notices) and ZZZW-ZZZZA
    (talks with Lao provinces, ministry meetings, drugs on the Cambodian and Chinese borders, a highland portal)."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 28, fourth round: dev sets ZZZZB-ZZZZF) a Thai place's name ending on a word kept out of places after
    # "Mường"; a force's party committee; diplomatic notes
    ("Đồn Biên phòng Mường Nhà cảm ơn Đảng ủy Bộ đội Biên phòng; hai bên trao đổi 120 công hàm.",
     [("Đồn Biên phòng Mường Nhà", "ORG"), ("Đảng ủy Bộ đội Biên phòng", "ORG"), ("120 công hàm", "QUANTITY")]),
    # a credit in capitals; a byline with two sources joined by a slash; a H'Mông family name that is a word
    ("Đoàn thăm Cục Cảnh sát hình sự. ẢNH: LÊ LÂM\nVà A Dính bị bắt.\nĐỗ Bá Thành (TTXVN/VietnamPlus)",
     [("Cục Cảnh sát hình sự", "ORG"), ("LÊ LÂM", "PERSON"), ("Và A Dính", "PERSON"), ("Đỗ Bá Thành", "PERSON"),
      ("TTXVN", "ORG"), ("VietnamPlus", "ORG")]),
])
def test_what_the_fourth_round_of_session_28_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZZB-ZZZZF (drugs from Laos, Cambodian and Chinese talks, national news, border
    guards), in the genres the held-out news is said to have."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 28, fifth round: dev sets ZZZZG-ZZZZK) Chinese nationals hiding in a province name no centre; an embassy
    # or consulate without its country; customs and border police at a gate; a byline's reporter post abroad
    ("Có 19 đối tượng người Trung Quốc lẩn trốn tại tỉnh Quảng Ninh. Ảnh: TLSQ tại Sihanoukville",
     [("19 đối tượng", "QUANTITY"), ("Quảng Ninh", "PROVINCE"), ("TLSQ tại Sihanoukville", "ORG")]),
    ("Hải quan cửa khẩu quốc tế Móng Cái và Cảnh sát biên giới cửa khẩu Prek Chak thu 15.000 yuan, khóa 20 lối mòn.",
     [("Hải quan cửa khẩu quốc tế Móng Cái", "ORG"), ("Cảnh sát biên giới cửa khẩu Prek Chak", "ORG"),
      ("15.000 yuan", "QUANTITY"), ("20 lối", "QUANTITY")]),
    ("Đoàn hỗ trợ Xa-va-na-khét và Át Tạp Pư.\nMinh Thư (TTXVN tại Bắc Kinh)",
     [("Xa-va-na-khét", "PROVINCE"), ("Át Tạp Pư", "PROVINCE"), ("Minh Thư", "PERSON"), ("TTXVN", "ORG"),
      ("Bắc Kinh", "PROVINCE")]),
    # (... not the landscape of a gate)
    ("Cảnh quan cửa khẩu Lao Bảo đã đổi mới.", []),
    # (the province's centres, funds and associations keep their shape)
    ("Trung tâm Công tác xã hội tỉnh Tây Ninh và Quỹ Bảo trợ trẻ em tỉnh An Giang dự.",
     [("Trung tâm Công tác xã hội tỉnh Tây Ninh", "ORG"), ("Quỹ Bảo trợ trẻ em tỉnh An Giang", "ORG")]),
])
def test_what_the_fifth_round_of_session_28_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZZG-ZZZZK (southern Laos, the police paper, Cambodia, Guangxi, mixed outlets)."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 29, first round: dev sets ZZZZL-ZZZZP) Lao names before a birth year: five syllables ending on "Văn",
    # three syllables holding a Vietnamese family name ("Xa"), and the syllables "Vắt", "Xing"
    ("Công an tỉnh Hủa Phăn bắt giữ Xổm Phon Vi Lay Văn (SN 1979) và Phết Xa Vắt (SN 1993, quốc tịch Lào).",
     [("Công an tỉnh Hủa Phăn", "ORG"), ("Xổm Phon Vi Lay Văn", "PERSON"), ("Phết Xa Vắt", "PERSON")]),
    ("Lực lượng bắt quả tang Phon Xa Vắt Khăm Xing (SN 1990, trú tỉnh Khăm Muộn).",
     [("Phon Xa Vắt Khăm Xing", "PERSON"), ("Khăm Muộn", "PROVINCE")]),
    # (a Vietnamese name before a birth year keeps its family name's start)
    ("Bắt Lường Văn Minh (SN 1990) và Lò Thị Xa (SN 1992).", [("Lường Văn Minh", "PERSON"), ("Lò Thị Xa", "PERSON")]),
    # a body coordinated with a force in general; a school with no name; aircraft and degrees counted
    ("Bộ đã chỉ đạo Tổng cục Cảnh sát quốc gia và cảnh sát các tỉnh giáp biên.", [("Tổng cục Cảnh sát quốc gia", "ORG")]),
    ("Đoàn thăm Trường Phổ thông dân tộc nội trú tỉnh và Trường Phổ thông dân tộc nội trú tỉnh Nghệ An.",
     [("Trường Phổ thông dân tộc nội trú tỉnh Nghệ An", "ORG")]),
    ("Phía bạn sang bằng 2 chuyên cơ; đêm đó trời dưới 5 độ.", [("2 chuyên cơ", "QUANTITY"), ("5 độ", "QUANTITY")]),
    # (not a count of shots: "2 phát hiện" after a count is more common)
    ("Lúc 22 giờ 30 phát hiện 2 đối tượng.", [("2 đối tượng", "QUANTITY")]),
    # a given name seen in full, hiding
    ("Hai đối tượng gồm Đặng Văn Khiêm (SN 1979). Công an tỉnh Bôlykhămxay xác định Khiêm lẩn trốn tại một công trường.",
     [("Đặng Văn Khiêm", "PERSON"), ("Công an tỉnh Bôlykhămxay", "ORG"), ("Khiêm", "PERSON")]),
])
def test_what_the_first_round_of_session_29_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZZL-ZZZZP (Nghệ An and Hà Tĩnh with Laos, online papers with their page furniture,
    China, Cambodia, the north-west's drug cases)."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 29, second round: dev sets ZZZZQ-ZZZZU) a Chinese province's coast guard, a fisheries sub-department,
    # the European Commission and its abbreviation; coordinated provinces name no one sub-department
    ("Cục Hải cảnh Quảng Tây và Chi cục Thủy sản tỉnh Quảng Ninh chuẩn bị cho Ủy ban châu Âu (EC).",
     [("Cục Hải cảnh Quảng Tây", "ORG"), ("Chi cục Thủy sản tỉnh Quảng Ninh", "ORG"), ("Ủy ban châu Âu", "ORG"),
      ("EC", "ORG")]),
    ("Đoàn làm việc với các Chi cục Thủy sản tỉnh Kampot, Kép; tỉnh Kandal (Kiến Đan) cử người.",
     [("Kampot", "PROVINCE"), ("Kép", "PROVINCE"), ("Kandal", "PROVINCE"), ("Kiến Đan", "PROVINCE")]),
    # special zones listed with their province in brackets are places, not persons
    ("Ngư dân các đặc khu Cô Tô, Vân Đồn (Quảng Ninh) và Bạch Long Vĩ, Cát Hải (Hải Phòng) nhận quà.",
     [("Quảng Ninh", "PROVINCE"), ("Hải Phòng", "PROVINCE")]),
    # high courts with "Cấp cao" capitalised; an alias after "tên gọi khác:"; the sex before the birth year
    ("TAND Cấp cao tại Hà Nội xử Xổm Phon Xay Nha Vông (tên gọi khác: Phon, SN 1986) và Bua Phăn Keo Mạ Ni (nữ, SN 1993).",
     [("TAND Cấp cao tại Hà Nội", "ORG"), ("Xổm Phon Xay Nha Vông", "PERSON"), ("Phon", "PERSON"),
      ("Bua Phăn Keo Mạ Ni", "PERSON")]),
    ("Ún Khăm (SN 1980) cầm đầu; Nang Phon Xa Vẳn (24 tuổi) đi cùng.", [("Ún Khăm", "PERSON"), ("Nang Phon Xa Vẳn", "PERSON")]),
    # Lao and Cambodian outlets, the association of Cambodians of Vietnamese origin and its branches, Khmer honorifics
    ("(Viêng Chăn Mày) - Báo Công an nhân dân Lào dẫn tin của Fresh News và RNK.",
     [("Viêng Chăn Mày", "ORG"), ("Báo Công an nhân dân Lào", "ORG"), ("Fresh News", "ORG"), ("RNK", "ORG")]),
    ("Samdech Kralahom Sar Sokha, Lok Chumteav Sim Ratana và Chi hội Khmer - Việt Nam tỉnh Kandal dự.",
     [("Sar Sokha", "PERSON"), ("Sim Ratana", "PERSON"), ("Chi hội Khmer - Việt Nam tỉnh Kandal", "ORG")]),
])
def test_what_the_second_round_of_session_29_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZZQ-ZZZZU (the Lao press, the Cambodian press, court reporting, the Central
    Highlands' border, the sea and the Mekong)."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 29, third round: dev sets ZZZZV-ZZZZZ) a border liaison office named by a gate pair whose first word
    # opens a byline elsewhere ("Bài -"); Cambodia's drug authority and its abbreviation
    ("Hai bên trao đổi qua Văn phòng liên lạc phòng, chống ma túy qua biên giới Mộc Bài - Bavet và Ủy ban quốc gia "
     "phòng, chống ma túy Campuchia (NACD).",
     [("Văn phòng liên lạc phòng, chống ma túy qua biên giới Mộc Bài - Bavet", "ORG"),
      ("Ủy ban quốc gia phòng, chống ma túy Campuchia", "ORG"), ("NACD", "ORG")]),
    # a spelling of Attapeu; "Phía" opens no name
    ("Công an tỉnh A Tạp Pư họp. Phía Văn Sơn đề nghị tăng cường.", [("Công an tỉnh A Tạp Pư", "ORG")]),
    # a Lao name after "Nang" may hold "Văn"; a province opening a Lao name after a rank
    ("Nang Vi Lay Văn Na (27 tuổi) bị bắt. Đại úy Xay Xổm Bun Mi, Đại đội trưởng, cho biết.",
     [("Nang Vi Lay Văn Na", "PERSON"), ("Đại úy", "RANK"), ("Xay Xổm Bun Mi", "PERSON")]),
    # counters: a bear's paws, cars, the focuses and highlights of a plan (not "xe hàng")
    ("Thu 3 bàn chân gấu, 2 xe con; 1.500 xe hàng qua cửa khẩu; 5 trọng tâm và 7 dấu ấn.",
     [("3 bàn chân", "QUANTITY"), ("2 xe con", "QUANTITY"), ("1.500 xe", "QUANTITY"), ("5 trọng tâm", "QUANTITY"),
      ("7 dấu ấn", "QUANTITY")]),
])
def test_what_the_third_round_of_session_29_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZZV-ZZZZZ (central Laos, ministry and trilateral meetings, the Chinese border, the
    Cambodian border, photo news and briefs)."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 29, fourth round: dev sets ZZZZZA-ZZZZZE) a Lao name holding a province after one or two Lao syllables,
    # before its birth year
    ("Kiểm tra xe do Phon Xay Xổm Bun Ma (SN 1987, trú huyện Pẹc, tỉnh Xiêng Khoảng) điều khiển.",
     [("Phon Xay Xổm Bun Ma", "PERSON"), ("Xiêng Khoảng", "PROVINCE")]),
    # counters: safes, platforms, halls, back baskets, torches
    ("Thu 3 két sắt, 3 nền tảng, 2 sảnh, 3 gùi mây và 12 đèn pin.",
     [("3 két sắt", "QUANTITY"), ("3 nền tảng", "QUANTITY"), ("2 sảnh", "QUANTITY"), ("3 gùi", "QUANTITY"),
      ("12 đèn pin", "QUANTITY")]),
    # (a provincial sub-unit named only by what it does is no ORG, even with its code in brackets: rule 3)
    ("Phòng Cảnh sát điều tra tội phạm về ma túy (PC04) vừa phối hợp bắt giữ.", []),
])
def test_what_the_fourth_round_of_session_29_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZZZA-ZZZZZE (northern Laos, drugs at Cầu Treo and Nậm Cắn, the drug police's
    transnational rings, provinces receiving their neighbours, fraud and gambling rings)."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 29, fifth round: dev sets ZZZZZF-ZZZZZJ) a special zone's police, ending on "Đồn"; provincial
    # television by its abbreviation; a broadcast's reporters after "Phóng viên:"; kinds of course counted
    ("Phòng phối hợp Công an đặc khu Vân Đồn xác minh; phóng viên NTV và QTTV đưa tin.",
     [("Công an đặc khu Vân Đồn", "ORG"), ("NTV", "ORG"), ("QTTV", "ORG")]),
    ("Học viên thuộc 5 hệ đào tạo; trường lắp 2 hệ thống camera.\nPhóng viên: Hải Yến - Quang Huy",
     [("5 hệ", "QUANTITY"), ("2 hệ thống", "QUANTITY"), ("Hải Yến", "PERSON"), ("Quang Huy", "PERSON")]),
])
def test_what_the_fifth_round_of_session_29_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZZZF-ZZZZZJ (Thanh Hóa and Nghệ An with Laos, the ministry's talks, provincial
    television, Quảng Ninh and Lạng Sơn with Guangxi, the Mekong provinces with Cambodia)."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 30, first round: dev sets ZZZZZK-ZZZZZO, the years before 2025) a pandemic steering committee by its
    # district; a sum after "dẫn đường" is no road's number; a commune's Cambodian police; new counters
    ("Nhóm trả người dẫn đường 3,5 triệu đồng rồi được giao cho Ban Chỉ đạo phòng, chống dịch Covid-19 huyện Mèo Vạc.",
     [("3,5 triệu đồng", "QUANTITY"), ("Ban Chỉ đạo phòng, chống dịch Covid-19 huyện Mèo Vạc", "ORG")]),
    ("Cảnh sát xã Kôm Pông Rô và 6 trinh sát thu 12 miếng vàng, 5.000 khẩu trang sau 3 kỳ giao ban.",
     [("Cảnh sát xã Kôm Pông Rô", "ORG"), ("6 trinh sát", "QUANTITY"), ("12 miếng", "QUANTITY"),
      ("5.000 khẩu trang", "QUANTITY"), ("3 kỳ", "QUANTITY")]),
    # China's border immigration bodies by their city, "Động Trung"; a Cambodian province's gendarmerie command;
    # listed border posts are no persons
    ("Đoàn Cục Quản lý xuất nhập cảnh biên phòng Văn Sơn và Trạm Kiểm tra biên phòng Động Trung sang thăm.",
     [("Cục Quản lý xuất nhập cảnh biên phòng Văn Sơn", "ORG"), ("Trạm Kiểm tra biên phòng Động Trung", "ORG")]),
    ("Bộ Chỉ huy Hiến binh tỉnh Prây Veng mời chỉ huy các đồn biên phòng Ka Long, Hải Sơn dự.",
     [("Bộ Chỉ huy Hiến binh tỉnh Prây Veng", "ORG")]),
    # a person named after a nationality and "tên"; a district's police as a photo's source; a pronoun-cued byline
    # before its source in brackets
    ("Hắn nhận hàng của một phụ nữ Trung Quốc tên là A Lệ (chưa rõ lai lịch). Ảnh: Công an Mường Lát\nTùng Lâm",
     [("A Lệ", "PERSON"), ("Công an Mường Lát", "ORG"), ("Tùng Lâm", "PERSON")]),
    ("Hai bên trao quà.\nAnh Thư (TTXVN)", [("Anh Thư", "PERSON"), ("TTXVN", "ORG")]),
])
def test_what_the_first_round_of_session_30_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZZZK-ZZZZZO (the pandemic's closed borders, twinned provinces' talks with Laos,
    drug cases as district police reported them, the southern border with Cambodia, the northern border with
    China, all before the 2025 reorganisation)."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 30, second round: dev sets ZZZZZP-ZZZZZT) two national departments
    ("Cục Quản lý xây dựng và doanh trại cùng Tổng vụ Phòng, chống ma túy của Campuchia ký biên bản.",
     [("Cục Quản lý xây dựng và doanh trại", "ORG"), ("Tổng vụ Phòng, chống ma túy", "ORG")]),
    # a district's culture centre; a Cambodian province's military command and the Royal Gendarmerie's; Salavan in
    # another spelling
    ("Phiên dịch là cán bộ Trung tâm Văn hóa - Thể thao huyện Quế Phong; Bộ Tư lệnh Quân sự tỉnh Kratie cử đại diện.",
     [("Trung tâm Văn hóa - Thể thao huyện Quế Phong", "ORG"), ("Bộ Tư lệnh Quân sự tỉnh Kratie", "ORG")]),
    ("Bộ Chỉ huy Hiến binh Hoàng gia Khmer gửi thư cho tỉnh Xa La Vẳn.",
     [("Bộ Chỉ huy Hiến binh Hoàng gia Khmer", "ORG"), ("Xa La Vẳn", "PROVINCE")]),
    # an ethnic group after "người đàn ông" is no person; "Lời khai" opens no name
    ("Người đàn ông Mông khai như vậy. Lời khai này bị bác.", []),
])
def test_what_the_second_round_of_session_30_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZZZP-ZZZZZT (the central border with Laos, courts and procuracies, the ministry's
    cooperation and academies, the Central Highlands and Bình Phước, photo news and briefs, before 2025)."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 30, third round: dev sets ZZZZZU-ZZZZZY) a body's name never goes on over "và" + a generic body in
    # lower case; a centre named only by what it does holds no place after "và"; accomplices and pregnant women
    # counted
    ("Tổng cục An ninh và cơ quan an ninh Campuchia trao đổi tin; Giám đốc Trung tâm Huấn luyện và Bồi dưỡng nghiệp "
     "vụ dự.", [("Tổng cục An ninh", "ORG")]),
    ("Hắn cùng 2 đồng bọn đưa 4 thai phụ qua sông, mỗi người trả 2 triệu đồng.",
     [("2 đồng bọn", "QUANTITY"), ("4 thai phụ", "QUANTITY"), ("2 triệu đồng", "QUANTITY")]),
    # the border districts listed are no provinces; the radio's regional office in a byline
    ("Tuần tra tại các huyện biên giới Mường Chà, Điện Biên và Nậm Pồ.\nMinh Thu/VOV-Tây Bắc",
     [("Minh Thu", "PERSON"), ("VOV-Tây Bắc", "ORG")]),
])
def test_what_the_third_round_of_session_30_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZZZU-ZZZZZY (before the 2018 restructuring, the north-west with northern Laos,
    the central highlands with southern Laos, national online papers, Nghệ An, Hà Tĩnh and Thanh Hóa with Laos)."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 30, fourth round: dev sets ZZZZZZ-ZZZZZZD) a district's media centre in a byline; the gendarmerie by
    # its capital; the police attaché's office; babies and stabs counted
    ("Hai bên trao quà.\nMinh Châu (Trung tâm Truyền thông và Văn hóa huyện Bình Liêu)",
     [("Minh Châu", "PERSON"), ("Trung tâm Truyền thông và Văn hóa huyện Bình Liêu", "ORG")]),
    ("Hiến binh thủ đô Phnom Penh nhận tin từ Cơ quan Tùy viên Công an Việt Nam tại Campuchia, giải cứu 3 cháu bé.",
     [("Hiến binh thủ đô Phnom Penh", "ORG"), ("Cơ quan Tùy viên Công an Việt Nam tại Campuchia", "ORG"),
      ("3 cháu bé", "QUANTITY")]),
    # a Cambodian province's special task committee; Preah Sihanouk in another spelling
    ("Ban Công tác đặc biệt tỉnh Kratie làm việc tại tỉnh Prây-a Xi-ha-núc.",
     [("Ban Công tác đặc biệt tỉnh Kratie", "ORG"), ("Prây-a Xi-ha-núc", "PROVINCE")]),
])
def test_what_the_fourth_round_of_session_30_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZZZZ-ZZZZZZD (Quảng Ninh, Lạng Sơn and Cao Bằng with Guangxi, awards,
    trafficking, the Cambodian side, Hà Giang, Lào Cai and Lai Châu with Yunnan)."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 31, first round: dev sets ZZZZZZE-ZZZZZZI) a school's branch in another province is one ORG with it;
    # a national paper after a capitalised "Báo" that the patterns cut short; an interview's interpreter in the credits
    ("Sinh viên Phân hiệu Đại học Huế tại Quảng Trị gặp phóng viên Báo Bảo vệ pháp luật.",
     [("Phân hiệu Đại học Huế tại Quảng Trị", "ORG"), ("Báo Bảo vệ pháp luật", "ORG")]),
    ("Cảm ơn đồng chí!\nHồng Nhung (thực hiện) - Phiên dịch: Bun Mi",
     [("Hồng Nhung", "PERSON"), ("Bun Mi", "PERSON")]),
    # an outlet's code before a lead that opens on "Nhân"; Cambodia's prosecution at a court; a year before a number
    # does not take the quantity after it; a noun "bị cáo" after a numeral is no name
    ("QTO - Nhân dịp Tết, Viện Công tố bên cạnh Tòa sơ thẩm tỉnh Kampot thăm đơn vị.",
     [("QTO", "ORG"), ("Viện Công tố bên cạnh Tòa sơ thẩm tỉnh Kampot", "ORG")]),
    ("Trong năm 2023 tổ chức 48 buổi tuyên truyền. Bốn bị cáo nhận án.", [("48 buổi", "QUANTITY")]),
    # a number that ends a name before the verb "tổ chức" is no count of organisations
    ("Hằng năm, Đoàn 871 tổ chức khám bệnh; năm nay 12 tổ chức tham gia.", [("12 tổ chức", "QUANTITY")]),
])
def test_what_the_first_round_of_session_31_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZZZZE-ZZZZZZI (news copied with its page furniture, reportage, interviews, police
    education with Laos and Cambodia, the Golden Triangle's multilateral bodies)."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 31, second round: dev sets ZZZZZZJ-ZZZZZZN) conservation bodies and their abbreviations; a park's
    # management board by the park's name; a reporter's paper after "PV"
    ("Đại diện Quỹ Quốc tế Bảo vệ Thiên nhiên (WWF) và Ban Quản lý Vườn quốc gia Chư Yang Sin trả lời PV Dân trí.",
     [("Quỹ Quốc tế Bảo vệ Thiên nhiên", "ORG"), ("WWF", "ORG"), ("Ban Quản lý Vườn quốc gia Chư Yang Sin", "ORG"),
      ("Dân trí", "ORG")]),
    # a given name of a person named in full, after a two-word verb that governs a person
    ("Lò Văn Khiêm bị truy nã. Tháng 3, công an bạn phát hiện Khiêm cư trú tại bản Huổi Lú.",
     [("Lò Văn Khiêm", "PERSON"), ("Khiêm", "PERSON")]),
    # "Sinh ngày" in a wanted notice opens no name; "Lúc" opens no clause as a name
    ("Vợ là Hờ Thị Sinh.\nSinh ngày 2/3/1990 tại bản Pa Cheo. Lúc bị bắt, y khai tên khác.",
     [("Hờ Thị Sinh", "PERSON")]),
    # two-syllable units of the sea and of trade; a Cambodian naval post; the coastal districts listed
    ("Đồn Hải quân tỉnh Kep bắt 2 thuyền trưởng, 1 xe bồn và 300 đơn hàng tại các huyện ven biển Phú Tân, Năm Căn.",
     [("Đồn Hải quân tỉnh Kep", "ORG"), ("2 thuyền trưởng", "QUANTITY"), ("1 xe bồn", "QUANTITY"),
      ("300 đơn hàng", "QUANTITY")]),
])
def test_what_the_second_round_of_session_31_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZZZZJ-ZZZZZZN (press conferences, maritime security, wildlife and timber crime,
    fugitives and hand-overs, smuggling and customs)."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 31, third round: dev sets ZZZZZZO-ZZZZZZS) Laos's people's courts in title case; the Vientiane daily
    # and Laos's television; a translator's byline; a Lao name glued by hyphens on the text's last line
    ("Tòa án Nhân dân tỉnh Bò Kẹo xử vụ án; báo Viêng Chăn Mới và Đài Truyền hình Quốc gia Lào (LNTV) đưa tin.",
     [("Tòa án Nhân dân tỉnh Bò Kẹo", "ORG"), ("Viêng Chăn Mới", "ORG"), ("Đài Truyền hình Quốc gia Lào", "ORG"),
      ("LNTV", "ORG")]),
    ("Phiên tòa kết thúc.\nKhăm-phon – Thu Hà (biên dịch)", [("Khăm-phon", "PERSON"), ("Thu Hà", "PERSON")]),
    # a people's language and elder are no names; a monk's title before a name; a sum each house got
    ("Già làng Ba Na dịch sang tiếng Gia Rai; Đại đức Thạch Sa Rinh tặng mỗi căn 30 triệu đồng.",
     [("Thạch Sa Rinh", "PERSON"), ("30 triệu đồng", "QUANTITY")]),
    # a provincial road's number is no count
    ("Trên đường tỉnh 217 đoạn qua xã Mường Lói, tổ công tác bắt 2 đối tượng.", [("2 đối tượng", "QUANTITY")]),
])
def test_what_the_third_round_of_session_31_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZZZZO-ZZZZZZS (Lao outlets, the Chinese side, communes after July 2025, scam
    compounds, provincial TV briefs)."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # (session 31, fourth round: dev sets ZZZZZZU-ZZZZZZY) "công bố" is no kin word before a name; a place may go on
    # over "Quốc" ("Phú Quốc"), not over "Trung"; a region named after a province is none
    ("Bộ An ninh Lào công bố Quyết định bổ nhiệm Trưởng Công an TP Phú Quốc tại vùng Đồng Tháp Mười.",
     [("Bộ An ninh Lào", "ORG"), ("Công an TP Phú Quốc", "ORG")]),
    # the bodies against money laundering and a neighbour's central bank; offences and conventions counted
    ("Theo Lực lượng đặc nhiệm tài chính (FATF) và Ngân hàng Trung ương Lào, luật mới bỏ tử hình ở 8 tội danh.",
     [("Lực lượng đặc nhiệm tài chính", "ORG"), ("FATF", "ORG"), ("Ngân hàng Trung ương Lào", "ORG"),
      ("8 tội danh", "QUANTITY")]),
    # a province's tourism association; the strategy institute; rolls of cake counted; a border command's abbreviation
    ("Hiệp hội Du lịch Kiên Giang, Viện Chiến lược và Khoa học Công an và BTL BĐBP gói 60 đòn bánh tét.",
     [("Hiệp hội Du lịch Kiên Giang", "ORG"), ("Viện Chiến lược và Khoa học Công an", "ORG"), ("BTL BĐBP", "ORG"),
      ("60 đòn", "QUANTITY")]),
])
def test_what_the_fourth_round_of_session_31_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZZZZU-ZZZZZZY (appointments and promotions, agreements and decrees, immigration,
    friendship and sport, analysis series)."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name a late step found takes its initial's dot, as the ones found early do
    ("Công an huyện Yên Châu bắt giữ Lò Văn P., trú bản Lả.",
     [("Công an huyện Yên Châu", "ORG"), ("Lò Văn P.", "PERSON")]),
    # a digraph is an initial too
    ("Hai đối tượng là Lê Văn Đ. (SN 1992) và Trần Thị Kim Ng. (SN 1995) cùng ngụ xã Tân Hòa.",
     [("Lê Văn Đ.", "PERSON"), ("Trần Thị Kim Ng.", "PERSON")]),
    # initials standing alone are a person; not a role or a body in initials
    ("Lụa rủ 2 thiếu nữ cùng xã là H.T.V. (SN 2005) và L.T.T. sang Trung Quốc.",
     [("Lụa", "PERSON"), ("2 thiếu nữ", "QUANTITY"), ("H.T.V.", "PERSON"), ("L.T.T.", "PERSON")]),
    ("Lực lượng C.A. xã và P.V báo Nhân Dân có mặt.", [("Nhân Dân", "ORG")]),
])
def test_an_initials_dot_is_part_of_the_name(nlp, text, expected):
    """Guidelines, decided case 12 (session 32): the gold of the written sets had the dot outside (57 spans), the
    rules inside but for the names later steps found."""
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("byline, expected", [
    ("Thanh Hải - PV", [("Thanh Hải", "PERSON")]),
    ("Thanh Hải – P.V", [("Thanh Hải", "PERSON")]),
    ("Thanh Hải/CTV", [("Thanh Hải", "PERSON")]),
    ("Theo Thanh Hải/VOV", [("Thanh Hải", "PERSON"), ("VOV", "ORG")]),
    ("Theo Thanh Hải - Báo Lào Cai", [("Thanh Hải", "PERSON"), ("Báo Lào Cai", "ORG")]),
    ("Kim Ngân - Hữu Lộc/ATV", [("Kim Ngân", "PERSON"), ("Hữu Lộc", "PERSON"), ("ATV", "ORG")]),
])
def test_a_byline_with_the_writers_role_or_after_theo(nlp, byline, expected):
    """Session 32: a role in initials after a dash or a slash ended no byline ("PV" after a slash was an outlet), and
    "Theo" headed one only before a source in brackets."""
    assert ents(nlp, "Công an tỉnh Sơn La bắt 2 đối tượng.\n" + byline)[2:] == expected


@pytest.mark.parametrize("text, expected", [
    # the police of a ward named as its province since 2025 ("Lào" starts no place)
    ("Chiều 27/8, Công an phường Lào Cai cho biết đã bắt 2 đối tượng.",
     [("Công an phường Lào Cai", "ORG"), ("2 đối tượng", "QUANTITY")]),
    # a name ending on an initial before its year or age; initials ending on a digraph
    ("Hai xuồng do Lê Văn Tr. (SN 1984) và Nguyễn Hoàng Ph. (SN 1998) điều khiển; em N.V.Kh. (14 tuổi) đi cùng.",
     [("Lê Văn Tr.", "PERSON"), ("Nguyễn Hoàng Ph.", "PERSON"), ("N.V.Kh.", "PERSON")]),
    # a reader of a legal column; any capitalised word after "người quen tên"
    ("Bạn đọc Đỗ Minh Kh. (Hà Nội) hỏi: một người quen tên Kẹo nhờ tôi mang hàng.",
     [("Đỗ Minh Kh.", "PERSON"), ("Hà Nội", "PROVINCE"), ("Kẹo", "PERSON")]),
    # a given name that opens clauses as a word, after a comma; after "bắt quả tang"
    ("Bị cáo Lý Thị Hạnh (SN 1990) khai, từ tháng 5/2023, Hạnh lên mạng làm quen; Đồn bắt quả tang Hạnh khi vừa cập "
     "xuồng.", [("Lý Thị Hạnh", "PERSON"), ("Hạnh", "PERSON"), ("Hạnh", "PERSON")]),
    ("Hồ sơ gồm 01 tờ khai, 02 ảnh; nhóm có 10 nam giới lên 2 xuồng hơi.",
     [("01 tờ khai", "QUANTITY"), ("02 ảnh", "QUANTITY"), ("10 nam giới", "QUANTITY"), ("2 xuồng hơi", "QUANTITY")]),
    ("Theo báo Global New Light of Myanmar và giấy phép của Bộ Lao động và Phúc lợi xã hội Lào. Ảnh: Matichon",
     [("Global New Light of Myanmar", "ORG"), ("Bộ Lao động và Phúc lợi xã hội Lào", "ORG"), ("Matichon", "ORG")]),
])
def test_what_the_round_of_session_32_mended(nlp, text, expected):
    """Gaps found on the dev sets ZZZZZZZ-ZZZZZZZD (court reports, victims of trafficking handed back, commune and
    ward police briefs, wire reports from abroad, legal Q&A columns)."""
    assert ents(nlp, text) == expected
