"""vner/model/ruler.py: the rules-stage components shipped inside models.

The gated span ruler must give exactly the matches of spaCy's span_ruler;
it is compared with it on hand-made patterns (including the cases the gate
must not skip) and on the shipped patterns over the seed documents.
"""

import json
import unicodedata
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span

from vner.model import ruler
from vner.annotation.convert import gold_docs
from vner.model.patterns import add_rules_stage
from vner.model.nlp import make_nlp

PATTERNS = [
    {"label": "ORG", "pattern": [{"LOWER": "công"}, {"LOWER": "an"}, {"LOWER": "tỉnh"}, {"IS_TITLE": True, "OP": "+"}]},
    {"label": "ORG", "pattern": [{"ORTH": {"IN": ["Cục", "Sở"]}}, {"TEXT": {"REGEX": "^[A-Z]\\d+$"}}], "id": "code"},
    {"label": "PERSON", "pattern": [{"ENT_TYPE": "RANK", "OP": "+"}, {"IS_TITLE": True, "OP": "{2,4}"}]},
    # optional first token, then a token no gate can read: not gated, run by spaCy's own Matcher
    {"label": "QUANTITY", "pattern": [{"LOWER": "khoảng", "OP": "?"}, {"LIKE_NUM": True}, {"LOWER": "vụ"}]},
    # optional first token, then a word: gated as two patterns ("năm 2020", "trong năm 2020")
    {"label": "_TIME", "pattern": [{"LOWER": "trong", "OP": "*"}, {"LOWER": "năm"}, {"LIKE_NUM": True}]},
    # a wildcard may match a newline: gated on the whole document, never per paragraph
    {"label": "_SPLIT", "pattern": [{"LOWER": "kết"}, {}, {"LOWER": "luận"}]},
    {"label": "ORG", "pattern": "Bộ Công an"},
]
TEXTS = [
    "Đại tá Lê Văn Thái, Công an tỉnh Nghệ An và Cục C10, Sở X5 bắt 27 vụ, khoảng 30 vụ trong trong năm 2020, năm 2021.",
    "Thiếu tướng Phạm Thế Tùng\n\nCông an tỉnh Hà Tĩnh kết\n\nluận. Bộ Công an",
    "không có gì",
    "",
]


def with_ranks(nlp):
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "RANK", "pattern": r} for r in ("Đại tá", "Thiếu tướng")])
    return nlp


def pipelines(patterns, config=None):
    config = config or {"spans_key": "found"}
    plain, gated = with_ranks(make_nlp()), with_ranks(make_nlp())
    plain.add_pipe("span_ruler", config=config).add_patterns(patterns)
    gated.add_pipe("vner_span_ruler", name="span_ruler", config=config).add_patterns(patterns)
    return plain, gated


def found(doc, key="found"):
    return sorted((s.start, s.end, s.label_, s.id_) for s in doc.spans[key])


@pytest.mark.parametrize("text", TEXTS)
def test_gated_ruler_finds_what_span_ruler_finds(text):
    plain, gated = pipelines(PATTERNS)
    assert found(gated(text)) == found(plain(text))


def test_a_pattern_whose_first_token_may_be_absent_is_gated_as_two():
    _, gated = pipelines(PATTERNS)
    ruler_ = gated.get_pipe("span_ruler")
    plain = [p["label"] for p in super(ruler.GatedSpanRuler, ruler_).patterns]
    assert "_TIME" not in plain and "QUANTITY" in plain  # gated / left to spaCy's Matcher
    assert len(ruler_) == len(PATTERNS) and [p["label"] for p in ruler_.patterns].count("_TIME") == 1  # one entry, as added
    doc = gated(TEXTS[0])
    assert {(s.text, s.label_) for s in doc.spans["found"]} >= {
        ("trong trong năm 2020", "_TIME"), ("trong năm 2020", "_TIME"), ("năm 2020", "_TIME"), ("năm 2021", "_TIME")}


def test_gated_ruler_matches_across_a_newline_when_a_pattern_can():
    _, gated = pipelines(PATTERNS)
    doc = gated(TEXTS[1])
    assert ("kết\n\nluận", "_SPLIT") in {(s.text, s.label_) for s in doc.spans["found"]}
    assert ("Phạm Thế Tùng", "PERSON") not in {(s.text, s.label_) for s in doc.spans["found"]}  # starts with the rank
    assert {("Công an tỉnh Hà Tĩnh", "ORG"), ("Bộ Công an", "ORG")} <= {(s.text, s.label_) for s in doc.spans["found"]}


def test_gated_ruler_remove_and_serialise(tmp_path):
    plain, gated = pipelines(PATTERNS)
    gated.get_pipe("span_ruler").remove("PERSON")
    plain.get_pipe("span_ruler").remove("PERSON")
    gated.get_pipe("span_ruler").remove_by_id("code")
    plain.get_pipe("span_ruler").remove_by_id("code")
    assert found(gated(TEXTS[0])) == found(plain(TEXTS[0]))
    assert "ORG" in {label for _, _, label, _ in found(gated(TEXTS[0]))}
    with pytest.raises(ValueError):
        gated.get_pipe("span_ruler").remove("NOPE")
    gated.to_disk(tmp_path / "m")
    again = spacy.load(tmp_path / "m")
    assert len(again.get_pipe("span_ruler")) == len(gated.get_pipe("span_ruler"))
    assert found(again(TEXTS[0])) == found(gated(TEXTS[0]))


# Matchers whose matches span a bounded number of tokens run on windows from each gate word.
BOUNDED_PATTERNS = [
    {"label": "ORG", "pattern": [{"LOWER": "sở"}, {"IS_TITLE": True, "OP": "{1,2}"}]},
    {"label": "ORG", "pattern": [{"LOWER": "sở"}, {"LOWER": "tư"}, {"LOWER": "pháp"}, {"ORTH": ",", "OP": "!"}]},
    {"label": "QUANTITY", "pattern": [{"LOWER": "vụ"}, {"LIKE_NUM": True, "OP": "{2}"}]},
    {"label": "_WIDE", "pattern": [{"LOWER": "vụ"}, {}, {"OP": "?"}, {"LOWER": "vụ"}]},  # may cross a newline
]
BOUNDED_TEXTS = [
    "Sở Tư pháp, sở Tư Pháp Hà Nam, vụ 1 2 vụ vụ 3 4 sở Công Thương và sở Y tế sở\n\nvụ 5 6 Sở Tư pháp sở",
    "vụ\nvụ vụ 7 8 vụ\n\n\nsở Nội Vụ vụ 9",
]


@pytest.mark.parametrize("text", BOUNDED_TEXTS)
def test_gated_ruler_on_windows_finds_what_span_ruler_finds(text):
    plain, gated = pipelines(BOUNDED_PATTERNS)
    assert found(gated(text)) == found(plain(text))
    assert ruler._longest(BOUNDED_PATTERNS[1]["pattern"]) == 4 and ruler._longest(BOUNDED_PATTERNS[3]["pattern"]) == 4


# Matchers with "+" or "*" on tokens that must have some words (an entity label) run from each gate word
# up to the first word past the most tokens their other tokens take (ruler._runs), not to the paragraph's end.
RUN_PATTERNS = [
    {"label": "PERSON", "pattern": [{"LOWER": "ông"}, {"ENT_TYPE": "RANK", "OP": "+"}, {"IS_TITLE": True, "OP": "{1,2}"}]},
    {"label": "_X", "pattern": [{"ENT_TYPE": "RANK", "OP": "+"}, {"LOWER": {"IN": ["và", ","]}}, {"ENT_TYPE": "RANK", "OP": "*"},
                                {"LOWER": "vụ", "OP": "+"}]},
    {"label": "_Y", "pattern": [{"LOWER": "vụ"}, {"ORTH": ",", "OP": "?"}, {"ENT_TYPE": {"IN": ["RANK"]}, "OP": "{1,}"}]},
]
RUN_TEXTS = [
    "ông Đại tá Thiếu tướng Đại tá Lê Văn, Đại tá và Thiếu tướng vụ vụ vụ, Đại tá , vụ vụ , Thiếu tướng Đại tá ông Đại tá",
    "vụ Đại tá Đại tá Thiếu tướng\n\nvụ , Thiếu tướng ông Thiếu tướng Đại tá Hà Nam Ninh và vụ vụ",
]


@pytest.mark.parametrize("text", RUN_TEXTS)
def test_gated_ruler_on_runs_of_entities_finds_what_span_ruler_finds(text):
    plain, gated = pipelines(RUN_PATTERNS)
    assert found(gated(text)) == found(plain(text))
    assert {"_Y", "PERSON"} | ({"_X"} if text == RUN_TEXTS[0] else set()) <= {label for _, _, label, _ in found(gated(text))}
    assert ruler._runs(RUN_PATTERNS[1]["pattern"]) == (1, {"ENT_TYPE": {"RANK"}, "LOWER": {"vụ"}})
    assert ruler._runs(PATTERNS[0]["pattern"]) is None  # a "+" that takes any capitalised word: no bound


def test_words_read_from_the_arrays_are_what_tokens_say():
    from vner.model import helpers
    nlp = make_nlp()
    for text in TEXTS + BOUNDED_TEXTS + ["A\u00a0b  c\n", " x\t\ny "]:
        doc = nlp(text)
        assert helpers._text(doc) == doc.text
        assert helpers.newline_positions(doc) == [t.i for t in doc if "\n" in t.text]
        assert helpers.per_word(doc.vocab.strings, [t.orth for t in doc], len) == {t.orth: len(t.text) for t in doc}


def test_patterns_read_back_are_not_validated_again_but_new_ones_are(tmp_path):
    _, gated = pipelines(PATTERNS, {"spans_key": "found", "validate": True})
    gated.to_disk(tmp_path / "m")
    again = spacy.load(tmp_path / "m")
    assert again.get_pipe("span_ruler").validate and found(again(TEXTS[0])) == found(gated(TEXTS[0]))
    with pytest.raises(ValueError):
        again.get_pipe("span_ruler").add_patterns([{"label": "X", "pattern": [{"LOWER": "a", "OP": "bad"}]}])
    with pytest.raises(ValueError):
        again.get_pipe("span_ruler").add_patterns([{"label": "X", "pattern": [{"LOWERR": "a"}, {"ORTH": "b"}]}])


def test_the_shipped_phrases_are_read_as_the_rules_read_text():
    """A pipeline parses its phrase patterns without vner_token_classes when every phrase is
    already as ``rules_view`` would make it: true of every shipped phrase (their Docs are
    left as they are), so loading a model skips it."""
    nlp = add_rules_stage(make_nlp())
    phrases = [p["pattern"] for name in ("vner_rules_names", "vner_rules_shapes")
               for p in nlp.get_pipe(name).patterns if isinstance(p["pattern"], str)]
    assert len(phrases) > 1000 and all(ruler._read_as_is(p) for p in phrases)
    norm = nlp.get_pipe("vner_tone_norm")
    for doc in map(norm, nlp.tokenizer.pipe(phrases)):
        assert ruler.rules_view(doc) is doc


# Word classes and glued syllables: the gated ruler turns class tests into
# the Matcher's set tests and drops glued tests where no word is glued.
CLASS_PATTERNS = [
    {"label": "PERSON", "pattern": [{"LOWER": "ông"}, {"IS_TITLE": True}, {"_": {"vner_glued": True}, "OP": "*"},
                                    {"IS_TITLE": True, "_": {"vner_glued": False}, "OP": "?"}]},
    {"label": "ORG", "pattern": [{"LOWER": "phòng"}, {"_": {"vner_body": True}, "OP": "+"}, {"IS_TITLE": True, "_": {"vner_body": False}}]},
    {"label": "PROVINCE", "pattern": [{"LOWER": "tỉnh"}, {"IS_TITLE": True}, {"_": {"vner_glued": True}, "OP": "+"}]},
    {"label": "ORG", "pattern": [{"LOWER": {"IN": ["sở", "cục"]}, "_": {"vner_body": True}}, {"IS_TITLE": True}]},
    # a word class first: gated by the class's words
    {"label": "_DESC", "pattern": [{"_": {"vner_body": True}}, {"_": {"vner_body": True}, "OP": "+"}]},
]
CLASS_TEXTS = [
    "Ông Xổm-phăn Phẹng-khăm-mi gặp ông Bun Mi ở tỉnh Xay-nha-bu-ly.",
    "Phòng an ninh Cảnh sát và tỉnh Hà Nam; sở Tư pháp, cục Thuế",
    "ông H'Linh Niê\n\ntỉnh A-tô-pư, Phòng an ninh Lào",
]
CLASSES = {"body": {"attr": "LOWER", "values": ["an", "ninh", "cảnh", "sát", "sở"]}}


def class_pipelines(patterns, classes_first=True):
    plain, gated = make_nlp(), make_nlp()
    for nlp, factory in ((plain, "span_ruler"), (gated, "vner_span_ruler")):
        classes = nlp.add_pipe("vner_token_classes")
        classes.set_classes(CLASSES if classes_first else {"body": {"attr": "LOWER", "values": ["phòng", "tỉnh"]}})
        nlp.add_pipe(factory, name="span_ruler", config={"spans_key": "found"}).add_patterns(patterns)
        if not classes_first:  # changed after the patterns were added
            classes.set_classes(CLASSES)
    return plain, gated


@pytest.mark.parametrize("classes_first", [True, False])
@pytest.mark.parametrize("text", CLASS_TEXTS)
def test_gated_ruler_reads_word_classes_and_glued_words_as_span_ruler_does(text, classes_first):
    plain, gated = class_pipelines(CLASS_PATTERNS, classes_first)
    assert found(gated(text)) == found(plain(text))


def test_word_class_and_glued_patterns_find_something():
    _, gated = class_pipelines(CLASS_PATTERNS)
    docs = [gated(text) for text in CLASS_TEXTS]
    spans = {(s.text, s.label_) for doc in docs for s in doc.spans["found"]}
    assert {("Ông Xổm-phăn Phẹng", "PERSON"), ("tỉnh Xay-nha-bu-ly", "PROVINCE"), ("Phòng an ninh Lào", "ORG"),
            ("ông Bun Mi", "PERSON"), ("ông H'Linh", "PERSON"), ("sở Tư", "ORG")} <= spans
    assert ("cục Thuế", "ORG") not in spans  # "cục" is no member of the class
    assert ("an ninh", "_DESC") in spans


def test_word_classes_become_set_tests():
    pattern = [{"_": {"vner_body": True, "vner_glued": True}, "OP": "+"}, {"LOWER": {"IN": ["an", "x"]}, "_": {"vner_body": False}}]
    assert ruler.classes_as_sets(pattern, CLASSES) == [
        {"OP": "+", "LOWER": {"IN": CLASSES["body"]["values"]}, "_": {"vner_glued": True}}, {"LOWER": {"IN": ["x"]}}]
    assert ruler.without_glued(ruler.classes_as_sets(pattern, CLASSES)) is None
    assert ruler.without_glued([{"IS_TITLE": True}, {"_": {"vner_glued": True}, "OP": "*"}]) == [{"IS_TITLE": True}]
    negated = [{"IS_TITLE": True}, {"_": {"vner_glued": True}, "OP": "!"}]
    assert ruler.without_glued(negated) == negated  # not simplified: still right


@pytest.mark.slow
def test_gated_ruler_equals_span_ruler_on_the_shipped_patterns_and_the_seeds():
    texts = [d.text for d in gold_docs()]
    plain, gated = add_rules_stage(make_nlp(), span_ruler="span_ruler"), add_rules_stage(make_nlp())
    assert gated.get_pipe("vner_rules_shapes").__class__ is ruler.GatedSpanRuler
    for a, b in zip(plain.pipe(texts), gated.pipe(texts)):
        assert [(e.start, e.end, e.label_) for e in a.ents] == [(e.start, e.end, e.label_) for e in b.ents]
    # the raw matches of both passes, before the resolver merges them
    with plain.select_pipes(disable=["vner_rules_resolve"]), gated.select_pipes(disable=["vner_rules_resolve"]):
        for a, b in zip(plain.pipe(texts), gated.pipe(texts)):
            assert found(a, ruler.SECOND_PASS_KEY) == found(b, ruler.SECOND_PASS_KEY)
            assert len(b.spans[ruler.SECOND_PASS_KEY]) > 10


def test_token_classes_mark_members_and_survive_serialisation(tmp_path):
    nlp = make_nlp()
    nlp.add_pipe("vner_tone_norm")
    nlp.add_pipe("vner_token_classes").set_classes({"body": {"attr": "NORM", "values": ["Cục", "ủy"]},
                                                    "digits": {"attr": "LOWER", "values": ["c10"]}})
    doc = nlp("Cục C10 Tỉnh uỷ")
    assert [t._.vner_body for t in doc] == [True, False, False, True]  # "uỷ" is tone-normalised to "ủy"
    assert [t._.vner_digits for t in doc] == [False, True, False, False]
    nlp.to_disk(tmp_path / "m")
    again = spacy.load(tmp_path / "m")
    assert [t._.vner_body for t in again("Cục C10 Tỉnh uỷ")] == [True, False, False, True]
    with pytest.raises(ValueError, match="Word class 'bad'"):
        again.get_pipe("vner_token_classes").set_classes({"bad": {"attr": "POS", "values": []}})


def test_resolver_keeps_only_wanted_labels():
    nlp = make_nlp()
    doc = nlp("Đại tá Lê Văn Thái")
    doc.ents = [Span(doc, 0, 2, "RANK"), Span(doc, 2, 5, "PERSON")]
    assert [e.label_ for e in ruler.RulesResolver(["PERSON"])(doc).ents] == ["PERSON"]


# ---------------------------------------------------------------- what only the whole document tells
# Sentences written for these tests; the names are invented.


@pytest.fixture(scope="module")
def rules():
    return add_rules_stage(make_nlp())


def labelled(nlp, text, label):
    doc = nlp(text)
    assert doc.text == text
    return [e.text for e in doc.ents if e.label_ == label]


@pytest.mark.parametrize("text, expected", [
    # after a cue, a given name the patterns alone refuse (it also starts common words)
    ("Ông Đặng Quốc Nam dự họp. Ông Nam cho biết hai bên đã thống nhất.", ["Đặng Quốc Nam", "Nam"]),
    ("Đại tá Trần Minh Quân chủ trì. Đồng chí Quân nhấn mạnh yêu cầu.", ["Trần Minh Quân", "Quân"]),
    # without a cue: inside a sentence, at its start before a verb, before punctuation
    ("Đối tượng Nguyễn Văn Tèo bị bắt giữ. Tại cơ quan điều tra, Tèo khai nhận đã mua ma túy.",
     ["Nguyễn Văn Tèo", "Tèo"]),
    ("Thiếu tướng Lương Văn Hùng phát biểu. Hùng cho biết sẽ phối hợp chặt chẽ.", ["Lương Văn Hùng", "Hùng"]),
    ("Đối tượng Phí Văn Tũn bị bắt. Công an đã bàn giao Tũn.", ["Phí Văn Tũn", "Tũn"]),
    # at the start of a sentence before a reporting or action verb of news
    ("Đại tá Trần Văn Khải phát biểu. Khải chủ trì buổi làm việc.", ["Trần Văn Khải", "Khải"]),
    ("Ông Lê Minh Tuấn dự họp. Tuấn đến dự lễ ký kết. Tuấn đề xuất tăng cường tuần tra.",
     ["Lê Minh Tuấn", "Tuấn", "Tuấn"]),
    # a two-word given name; then the last syllable after a cue
    ("Bà Nguyễn Thị Thu Hà phát biểu. Thu Hà cho biết. Theo bà Hà, hai bên đồng ý.",
     ["Nguyễn Thị Thu Hà", "Thu Hà", "Hà"]),
    # Lao names are given name first
    ("Thượng tá Khăm-phăn Phôm-ma-thắt dự họp. Khăm-phăn cho biết Lào sẽ phối hợp.",
     ["Khăm-phăn Phôm-ma-thắt", "Khăm-phăn"]),
    # after a capitalised function word that starts no name
    ("Đại tá Xổm-phăn Vông-xay dự họp. Theo Xổm-phăn, tình hình ổn định.", ["Xổm-phăn Vông-xay", "Xổm-phăn"]),
    # the full name again, without a cue
    ("Đại tá Lò Văn Thắng dự họp. Theo Lò Văn Thắng, kết quả rất tốt.", ["Lò Văn Thắng", "Lò Văn Thắng"]),
    # the given name of a person named in full: after a verb or a preposition, coordinated, before any verb (session 8)
    ("Công an đã bắt Phùng Văn Kiệt. Trong đêm, trinh sát bắt được Kiệt khi hắn trốn trong nhà trọ.",
     ["Phùng Văn Kiệt", "Kiệt"]),
    ("Đối tượng Lò Văn Hưng và Cầm Văn Phước bị bắt. Hưng thuê văn phòng; Phước lo mua tài khoản.",
     ["Lò Văn Hưng", "Cầm Văn Phước", "Hưng", "Phước"]),
    ("Chị Lê Thị Mai mất tích. Mẹ của Mai đi bộ xuống xã. Hắn giao hàng cho Mai chở đi.",
     ["Lê Thị Mai", "Mai", "Mai"]),
    ("Tòa xử Đinh Văn Hùng và Vi Thị Oanh. Tòa phạt Hùng tử hình, Oanh tù chung thân.",
     ["Đinh Văn Hùng", "Vi Thị Oanh", "Hùng", "Oanh"]),
])
def test_a_name_recurs_as_a_given_name(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    ("Ông Nam cho biết hai bên đã thống nhất.", []),  # no full name in the document
    ("Ông Trần Văn Long dự họp. Đoàn tham quan vịnh Hạ Long. Hạ Long là thành phố biển.",
     ["Trần Văn Long"]),  # after a capitalised word
    ("Ông Nguyễn Văn Vinh dự họp tại thành phố Vinh.", ["Nguyễn Văn Vinh"]),  # after a place word
    ("Bà Nguyễn Thị Hồng dự họp. Đoàn đi dọc sông Hồng. Đoàn đến xã Hồng.", ["Nguyễn Thị Hồng"]),  # place words
    ("Ông Lê Thắng dự họp. Thắng lợi của hội nghị là rất lớn.", ["Lê Thắng"]),  # a common word
    ("Bà Nguyễn Thị Xuân dự họp. Xuân đến, bản làng vui.", ["Nguyễn Thị Xuân"]),  # "đến" only as "đến dự"
    ("Ông Trần Văn Quân dự họp. Quân dự bị được huấn luyện.", ["Trần Văn Quân"]),  # "dự" only with its object
    ("Ông Phạm Văn Bình dự họp. Bình thường, hai bên họp mỗi năm.", ["Phạm Văn Bình"]),
    # a given name that opens clauses as a common word, a compound, a family name ("Lô hàng")
    ("Ông Lê Văn Thu dự họp. Thu giữ 5 kg ma túy. Tổ công tác đã thu hồi.", ["Lê Văn Thu"]),
    ("Ông Trần Văn Tiến dự họp. Tiến hành khám xét, tổ công tác thu giữ tang vật.", ["Trần Văn Tiến"]),
    ("Đối tượng Lô Văn Tình bị bắt. Lô hàng bị thu giữ.", ["Lô Văn Tình"]),
    ("Ông Lê Văn Hải dự. Cảnh sát biển và Hải đội 2 tuần tra. Thiếu tá Hoàng Văn Long dự. Long trọng tổ chức lễ.",
     ["Lê Văn Hải", "Hoàng Văn Long"]),
    ("Ông Trần Văn Hải dự họp. Công an phối hợp với lực lượng Hải quan cửa khẩu.", ["Trần Văn Hải"]),
    ("Ông Đặng Quốc Nam dự họp. Đoàn đi miền Nam. Phía Nam giáp biển.", ["Đặng Quốc Nam"]),  # starts no name
    ("Ông Lê Văn Đức dự họp. Việt Nam hợp tác với Đức và Nga.", ["Lê Văn Đức"]),  # a country
    # longer names: not the short form (the other full name, with its middle name "Văn", is a person of its own)
    ("Ông Nguyễn Văn Hùng phát biểu. Hùng Vương là vua. Trần Văn Hùng đến sau.", ["Nguyễn Văn Hùng", "Trần Văn Hùng"]),
    # (... and so is a full name of the lists in running text: session 18f)
    ("Ông Nguyễn Văn Hùng phát biểu. Hùng Vương là vua. Trần Quốc Hùng đến sau.", ["Nguyễn Văn Hùng", "Trần Quốc Hùng"]),
])
def test_a_given_name_that_is_something_else_stays_what_it_is(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # a short form the patterns read as a province, right after "bà", "ông" or a rank: the person named before
    ("Bà Nguyễn Thị Hà Giang phát biểu. Theo bà Hà Giang, hai bên đồng ý.",
     [("Nguyễn Thị Hà Giang", "PERSON"), ("Hà Giang", "PERSON")]),
    ("Đại tá Lò Văn Sơn La dự. Đại tá Sơn La phát biểu. Đoàn đến tỉnh Sơn La.",
     [("Đại tá", "RANK"), ("Lò Văn Sơn La", "PERSON"), ("Đại tá", "RANK"), ("Sơn La", "PERSON"),
      ("Sơn La", "PROVINCE")]),
    # no such person in the document, or no cue: the province
    ("Bà Hà Giang phát biểu. Ông Lê Văn Nam đến Hà Giang.",
     [("Hà Giang", "PROVINCE"), ("Lê Văn Nam", "PERSON"), ("Hà Giang", "PROVINCE")]),
    ("Bà Nguyễn Thị Hà Giang phát biểu. Đoàn đến Hà Giang.", [("Nguyễn Thị Hà Giang", "PERSON"), ("Hà Giang", "PROVINCE")]),
    # "ký" only with its object ("Thư ký" is a secretary)
    ("Đại tá Lê Văn Hùng dự họp. Hùng ký kết biên bản.", [("Đại tá", "RANK"), ("Lê Văn Hùng", "PERSON"), ("Hùng", "PERSON")]),
    ("Bà Trần Thị Thư dự họp. Thư ký hội nghị đọc báo cáo.", [("Trần Thị Thư", "PERSON")]),
])
def test_a_short_form_after_a_person_cue(rules, text, expected):
    assert [(e.text, e.label_) for e in rules(text).ents] == expected


def test_a_given_name_that_is_a_province_syllable_stays_in_the_province(rules):
    doc = rules("Ông Hoàng Văn Sơn dự họp. Tỉnh Sơn La cử đoàn. Sơn cũng dự.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Hoàng Văn Sơn", "PERSON"), ("Sơn La", "PROVINCE"), ("Sơn", "PERSON")]


@pytest.mark.parametrize("text, expected", [
    ("Công an tỉnh Nghệ An (CANA) chủ trì. Đại diện CANA phát biểu.", ["Công an tỉnh Nghệ An", "CANA", "CANA"]),
    ("Bộ Công an (BCA) ký kết. Sau đó BCA và đối tác họp báo.", ["Bộ Công an", "BCA", "BCA"]),
    # generic or counted: not the organisation (scheme rule 3)
    ("Công an tỉnh Nghệ An (CANA) chủ trì. Hai CANA khác, các CANA bạn và 3 CANA cùng dự.",
     ["Công an tỉnh Nghệ An", "CANA"]),
    # never defined after an organisation
    ("Đại diện CANA phát biểu. Ông bà (CANA) dự.", []),
])
def test_an_abbreviation_defined_in_brackets_recurs_as_org(rules, text, expected):
    assert labelled(rules, text, "ORG") == expected


@pytest.mark.parametrize("text, expected", [
    ("Toàn cảnh buổi làm việc. Ảnh: Nguyễn Hùng - Lê Minh", ["Nguyễn Hùng", "Lê Minh"]),
    ("Toàn cảnh. Bài và ảnh: Trần Văn Minh, Lê Hoàng Nam", ["Trần Văn Minh", "Lê Hoàng Nam"]),
    ("Lực lượng kiểm tra.\n\nTin, ảnh: Nguyễn Văn An – Lê Hoa", ["Nguyễn Văn An", "Lê Hoa"]),
    # four syllables, never cut after two; the credit ends at the full stop
    ("Ảnh: Nguyễn Văn An và Phạm Thị Bích Ngọc. Sau đó Hai Bên ký kết.", ["Nguyễn Văn An", "Phạm Thị Bích Ngọc"]),
    ("Hai bên trao đổi (Ảnh: Đinh Thị Ngọc Lan, Vũ Hoàng Anh).", ["Đinh Thị Ngọc Lan", "Vũ Hoàng Anh"]),
    # initials keep their dots; a single letter keeps the name it abbreviates
    ("Toàn cảnh. Ảnh: T.H.", ["T.H."]),
    ("Toàn cảnh. Ảnh: Nguyễn T. Hà", ["Nguyễn T. Hà"]),
    ("Toàn cảnh. Ảnh: N.V. Hùng - T.Lan", ["N.V. Hùng", "T.Lan"]),
    # initials, then the next sentence with no full stop between: a capitalised word, then a lower-case one
    ("Toàn cảnh. Ảnh: T.H. Hai bên trao đổi kinh nghiệm.", ["T.H."]),
    ("Toàn cảnh. Ảnh: Q.M. Lực lượng chức năng kiểm tra.", ["Q.M."]),
    ("Toàn cảnh. Ảnh: N.V. Hùng\n\nHai bên trao đổi.", ["N.V. Hùng"]),  # the name ends its line
    ("Toàn cảnh. Ảnh: N.V. Hùng. Hai bên trao đổi.", ["N.V. Hùng"]),
    ("Toàn cảnh. Ảnh: T.H. Minh Châu cho biết", ["T.H. Minh Châu"]),  # two capitalised words: the name
    # bylines: a paragraph of names only
    ("Hai bên trao đổi.\n\nT.H.", ["T.H."]),
    ("Hai bên trao đổi.\n\nNguyễn Thị Thu Hà - Lê Văn Tám", ["Nguyễn Thị Thu Hà", "Lê Văn Tám"]),
    ("Hai bên trao đổi.\n\nHoàng Minh Tú, Thu Hà", ["Hoàng Minh Tú", "Thu Hà"]),
    ("Hai bên trao đổi.\n\nĐoàn Minh Khôi (Báo Nghệ An)", ["Đoàn Minh Khôi"]),  # the source in brackets
    # "Theo" + names + the source in brackets, a paragraph of its own
    ("Hai bên trao đổi.\n\nTheo Nguyễn Văn Hùng (Báo Sơn La)", ["Nguyễn Văn Hùng"]),
    ("Theo Lê Thu Hằng - Đỗ Minh (TTXVN)\n\nHai bên trao đổi.", ["Lê Thu Hằng", "Đỗ Minh"]),
])
def test_every_name_of_a_credit_or_byline(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    ("Toàn cảnh. Ảnh: Toàn cảnh hội nghị", []),
    ("Toàn cảnh. Ảnh: CTV", []),
    ("Toàn cảnh. Ảnh: Nguyễn Hùng - TTXVN", ["Nguyễn Hùng"]),  # an agency, not a person
    ("Toàn cảnh. Ảnh: Công an Quảng Bình - Nguyễn Hùng", ["Nguyễn Hùng"]),  # the ORG stays
    # not a paragraph of names only ("Nguyễn Thị Thu Hà", with its middle name "Thị", is a person wherever it stands)
    ("Hai bên trao đổi.\n\nNguyễn Thị Thu Hà - phóng viên", ["Nguyễn Thị Thu Hà"]),
    # (... and so is a full name of the lists before punctuation: session 18f; no credit is read)
    ("Hai bên trao đổi.\n\nNguyễn Minh Hà - phóng viên", ["Nguyễn Minh Hà"]),
    ("Hai bên trao đổi.\n\nThu Hà - Hoàng", []),  # one word without initials
    ("Hai bên trao đổi.\n\nA.\n\nTình hình chung", []),  # one letter heads a list
    ("Hai bên trao đổi.\n\nĐoàn Minh Xyz (ảnh tư liệu)", []),  # brackets that are no source
    ("Hai bên trao đổi.\n\nTheo Đoàn Minh Khôi", []),  # "Theo" without a source
    # a sentence: no credit, the full name in it is a person (session 18f)
    ("Hai bên trao đổi.\n\nTheo Đoàn Minh Khôi, hai bên đã thống nhất (Báo Sơn La)", ["Đoàn Minh Khôi"]),
])
def test_what_is_no_credit_name(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


def test_the_word_lists_decide(rules):
    # ("Thành" opens clauses as a common word: alone, only before a verb of name-follower)
    text = "Thiếu tướng Lương Văn Thành phát biểu. Thành cho biết sẽ phối hợp. Hai CANA bạn."
    bare = add_rules_stage(make_nlp())
    bare.get_pipe("vner_rules_resolve").set_words({})
    assert labelled(bare, text, "PERSON") == ["Lương Văn Thành"]
    assert labelled(rules, text, "PERSON") == ["Lương Văn Thành", "Thành"]
    assert labelled(bare, "Công an tỉnh Nghệ An (CANA) họp. Hai CANA bạn.", "ORG")[-1] == "CANA"
    assert labelled(rules, "Công an tỉnh Nghệ An (CANA) họp. Hai CANA bạn.", "ORG")[-1] == "CANA"  # the bracketed one


def test_a_name_in_capitals_needs_the_name_lists(rules):
    """A byline in capitals is a name only by the family, middle and given names the resolver's lists hold."""
    text = "Hai bên trao đổi.\n\nNGUYỄN VĂN HÒA"
    bare = add_rules_stage(make_nlp())
    bare.get_pipe("vner_rules_resolve").set_words({})
    assert labelled(bare, text, "PERSON") == []
    assert labelled(rules, text, "PERSON") == ["NGUYỄN VĂN HÒA"]
    assert labelled(rules, "Hai bên trao đổi.\n\nNGUYỄN VĂN KHÍ CHẾ", "PERSON") == []  # "Khí", "Chế": no names listed


def test_the_word_lists_are_saved_with_the_pipeline(rules, tmp_path):
    shipped = rules.get_pipe("vner_rules_resolve").words
    assert all(shipped[name] for name in ruler.WORD_LISTS)
    rules.to_disk(tmp_path / "m")
    # a packaged model where vner is not installed builds the resolver without lists, then reads its own copy
    bare = ruler.RulesResolver()
    assert not any(bare.words.values())
    assert bare.from_disk(tmp_path / "m" / "vner_rules_resolve").words == shipped
    assert ruler.RulesResolver().from_bytes(rules.get_pipe("vner_rules_resolve").to_bytes()).words == shipped
    again = spacy.load(tmp_path / "m")
    text = "Đối tượng Nguyễn Văn Tèo bị bắt. Tèo khai nhận. Công an tỉnh Nghệ An (CANA) họp. CANA kết luận."
    assert [(e.text, e.label_) for e in again(text).ents] == [(e.text, e.label_) for e in rules(text).ents]


# One name added to each list that was a Python literal of its step until session 20: a Gia Rai family name, a
# H'Mông clan, a paper. Without them "Nay Blum" is no one, "Khang A" stops before the word "Của", "Sài Gòn Tiếp Thị"
# reads as a name.
ADDED = {"highland-surname": "Nay", "hmong-surname": "Khang", "national-paper": "Sài Gòn Tiếp Thị"}
ADDED_TEXT = ("Thuốc nổ do Nay Blum cất giấu. Cơ quan công an tiếp nhận anh Khang A Của (SN 1996). "
              "Trả lời phóng viên Sài Gòn Tiếp Thị, ông cho biết.")
WITHOUT_ADDED = [("Khang A", "PERSON"), ("Sài Gòn Tiếp Thị", "PERSON")]
WITH_ADDED = [("Nay Blum", "PERSON"), ("Khang A Của", "PERSON"), ("Sài Gòn Tiếp Thị", "ORG")]


def ents_of(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


def test_a_name_added_to_a_list_file_is_read_by_its_step(tmp_path):
    """Highland family names, H'Mông clans and national papers are data files that the resolver reads (issue #11)."""
    from vner.core.resources import CONFIGS

    for name, file in ruler.WORD_LISTS.items():
        (tmp_path / file).parent.mkdir(parents=True, exist_ok=True)
        text = (CONFIGS / file).read_text(encoding="utf-8")
        (tmp_path / file).write_text(text + (ADDED[name] + "\n" if name in ADDED else ""), encoding="utf-8")
    nlp = add_rules_stage(make_nlp())
    assert ents_of(nlp, ADDED_TEXT) == WITHOUT_ADDED
    nlp.get_pipe("vner_rules_resolve").set_words(ruler.shipped_words(tmp_path))
    assert ents_of(nlp, ADDED_TEXT) == WITH_ADDED


def test_the_name_lists_are_saved_with_the_pipeline_and_an_older_model_loads(rules, tmp_path):
    nlp = add_rules_stage(make_nlp())
    words = {name: ws + [ADDED[name]] if name in ADDED else ws for name, ws in ruler.shipped_words().items()}
    nlp.get_pipe("vner_rules_resolve").set_words(words)
    nlp.to_disk(tmp_path / "m")
    again = spacy.load(tmp_path / "m")
    assert all(ADDED[name] in again.get_pipe("vner_rules_resolve").words[name] for name in ADDED)
    assert ents_of(again, ADDED_TEXT) == WITH_ADDED
    # a model saved before the lists were data has no such keys in its words.json: where vner is installed, the
    # resolver keeps what it was made with, vner's shipped files (a packaged model carries its own, older, code)
    saved = tmp_path / "m" / "vner_rules_resolve" / ruler.RulesResolver.FILE
    older = {name: ws for name, ws in json.loads(saved.read_text(encoding="utf-8")).items() if name not in ADDED}
    saved.write_text(json.dumps(older, ensure_ascii=False), encoding="utf-8")
    old = spacy.load(tmp_path / "m")
    assert old.get_pipe("vner_rules_resolve").words == rules.get_pipe("vner_rules_resolve").words
    assert ents_of(old, ADDED_TEXT) == ents_of(rules, ADDED_TEXT) == WITHOUT_ADDED


def test_the_resolver_reads_the_gazetteer_format_as_vner_does():
    from vner.core.resources import CONFIGS
    from vner.model.gazetteers import gazetteer_words

    assert ruler.shipped_words() == {name: gazetteer_words(name, CONFIGS / file) for name, file in ruler.WORD_LISTS.items()}


def test_rules_version_follows_the_resolvers_word_lists(tmp_path, monkeypatch):
    """Label Studio's model_version must change when a resolver word list does."""
    from vner.model import ruler
    from vner.model.patterns import rules_version

    extra = tmp_path / "extra.txt"
    extra.write_text("# a list\ncho biết\n", encoding="utf-8")
    monkeypatch.setitem(ruler.WORD_LISTS, "extra", str(extra))
    before = rules_version()
    assert rules_version() == before
    extra.write_text("# a list\ncho biết\nkhai nhận\n", encoding="utf-8")
    assert rules_version() != before


def test_rules_version_follows_every_module_of_the_rules(tmp_path, monkeypatch):
    """A step moved to or edited in persons.py, orgs.py, ... is a new model_version too."""
    from vner.model import patterns, ruler

    here = Path(ruler.__file__).parent
    for name in ("ruler.py", *ruler.SHIPS_WITH):
        (tmp_path / name).write_bytes((here / name).read_bytes())
    monkeypatch.setattr(ruler, "__file__", str(tmp_path / "ruler.py"))
    for name in ruler.SHIPS_WITH:
        before = patterns.rules_version()
        with (tmp_path / name).open("ab") as f:
            f.write(b"\n# edited\n")
        assert patterns.rules_version() != before, name


@pytest.mark.parametrize("text, expected", [
    # a family name, "Văn", "Thị" or "A", then one or two capitalised words: a person anywhere (session 7)
    ("Lực lượng khám xét nơi ở của Lò Văn Pửng, người dân tộc Thái.", ["Lò Văn Pửng"]),
    ("Tòa tuyên phạt tử hình Lầu A Chớ và tù chung thân Cầm Văn Nọi.", ["Lầu A Chớ", "Cầm Văn Nọi"]),
    ("Cán bộ áp giải Hà Thị Kim Oanh qua cửa khẩu.", ["Hà Thị Kim Oanh"]),
    ("Công an đã bắt Giàng Seo Lử và Vàng Mí Dế.", ["Giàng Seo Lử", "Vàng Mí Dế"]),
    # Dao and Thái family names (session 7b); "Lô hàng" is a batch
    ("Lô hàng bị giữ; cán bộ áp giải Phàn Thị Mẩy và Lô Văn Tình.", ["Phàn Thị Mẩy", "Lô Văn Tình"]),
    # not a street, a school or a park named after someone, nor after a capitalised word
    ("Trụ sở ở đường Lê Văn Lương, gần công viên Nguyễn Văn Cừ và trường Lê Văn Tám.", []),
    ("Học sinh Trường THPT Nguyễn Văn Trỗi dự lễ.", []),
    ("Trụ sở mới ở số 47 Phạm Văn Đồng, cạnh 12 Nguyễn Thị Minh Khai.", []),
    # ... before a verb of the list too ("và" follows a person's name as well as a street's)
    ("Đại lộ Võ Văn Kiệt và phố Trần Văn Lai đông người qua lại.", []),
    ("Chợ Trần Văn Chuông và bến xe Nguyễn Văn Linh đông đúc.", []),
    # not before another capitalised word that no rule read: where the name ends is unknown
    ("Họ gặp Lò Văn Pửng Xay Khăm ở bản.", []),
    # any middle name of the lists right after a verb of arrest, charge or trial (session 7b): three words
    ("Công an đã bắt Triệu Tài Vần và vợ.", ["Triệu Tài Vần"]),
    ("Cơ quan điều tra khởi tố Vương Kiến Hoa về tội mua bán người.", ["Vương Kiến Hoa"]),
    ("Cơ quan điều tra truy nã đặc biệt Lê Quang Dũng về tội giết người.", ["Lê Quang Dũng"]),
    ("Tòa tuyên phạt Hoàng Minh Tú 12 năm tù; lực lượng bắt quả tang Đỗ Quốc Bảo.", ["Hoàng Minh Tú", "Đỗ Quốc Bảo"]),
    # not without such a verb (the given name "Xay" is in no list), nor before a fourth capitalised word in no
    # list, nor with a middle name in no list
    ("Xe dừng ở Hồ Chí Minh, gần Nguyễn Quốc Xay.", []),
    ("Công an bắt Nguyễn Quốc Bảo Xyz ở bản.", []),
    ("Công an bắt Trần Xyz Bảo ở bản.", []),
])
def test_a_full_name_with_a_middle_name_needs_no_cue(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # the speaker right after a quote and a comma, before a verb of speech (the full name may be in another paragraph)
    ("“Chúng tôi cần thêm camera”, Sokhom nói.", ["Sokhom"]),
    ("“Lừa đảo qua mạng tăng nhanh”, Xổm Phết Xay chia sẻ.", ["Xổm Phết Xay"]),
    ("\"Hai bên cần phối hợp\", Khăm-phăn nhấn mạnh.", ["Khăm-phăn"]),
    # not without the verb of speech, nor a country, nor a title that a rule read
    ("“Chúng tôi cần thêm camera”, Sokhom trên trang cá nhân.", []),
    ("“Hợp tác là ưu tiên”, Trung Quốc cho biết.", []),
    ("“Hợp tác là ưu tiên”, Bộ trưởng nói.", []),
])
def test_the_speaker_after_a_quote(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # a given name of the lists opening a clause before "trốn" or "khai" (verbs said of persons only)
    ("Khải trốn sang Lào từ năm 2020.", ["Khải"]),
    ("Tại cơ quan điều tra, Páo khai đã vận chuyển 3 chuyến.", ["Páo"]),
    # "khai mạc", "khai thác" are said of things
    ("Hôm qua, Pửng khai mạc hội nghị; Pửng khai thác gỗ.", []),
    # fleeing, surrendering and speaking: verbs of a person too
    ("Sau 3 năm lẩn trốn, Tài ra đầu thú; Phong nói rằng đã bàn giao. Hùng cho biết như vậy.", ["Tài", "Phong", "Hùng"]),
    # not a common word whose first syllable is a given name, nor "Nói chung"
    ("Thanh tra cho biết đã phát hiện sai phạm. Nói chung, hai bên đồng ý.", []),
    # before a verb of arrest, confession or flight a short capitalised word in no list is a name too
    ("Pửng khai nhận toàn bộ hành vi. Phát hiện bị lộ, Xay bỏ trốn.", ["Pửng", "Xay"]),
    # not a pronoun or an adverb, nor before a verb of speech (bodies speak too)
    ("Chúng khai nhận đã nhận tiền. Sau đó, Lại trốn sang Lào. Sở cho biết đã xử lý.", []),
    # a given name of the lists before "là" and a title
    ("Thoa là Giám đốc một công ty ở Hà Nội.", ["Thoa"]),
    # not before "là" without a title, nor a word in no list (a given name of the lists opening a clause before
    # a verb of name-follower is a person since session 7b: "Thoa là người nhà")
    ("Đây là Giám đốc mới. Pửng là người nhà.", []),
])
def test_a_given_name_before_tron_and_khai(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # a province whose name is also something else: a dateline in capitals, another name in brackets, a list item
    ("HUẾ - Sáng 3/5, đoàn công tác đến thăm.", ["HUẾ"]),
    ("NAN - Sáng 3/5, đoàn công tác đến thăm.", ["NAN"]),
    ("Đoàn đi qua bang Karen (Kayin) của Myanmar.", ["Karen", "Kayin"]),
    ("Đại diện các tỉnh Tà Keo (Takeo), Kep dự.", ["Tà Keo", "Takeo", "Kep"]),
    # not a given name in running text, nor in capitals inside a headline
    ("Anh Nan - cán bộ xã - cho biết.", []),
    ("CHỊ NAN - NGƯỜI GIỮ RỪNG", []),
    ("NAN - THÀNH PHỐ CỔ", []),
])
def test_an_ambiguous_province_read_from_its_context(rules, text, expected):
    assert labelled(rules, text, "PROVINCE") == expected


@pytest.mark.parametrize("text, expected", [
    # a byline paragraph of two given names in capitals, alone (session 7)
    ("Hai bên trao đổi.\n\nQUANG VINH", ["QUANG VINH"]),
    # not a pair that starts common phrases, nor one that is a common word
    ("Hai bên trao đổi.\n\nAN NINH", []),
    ("Hai bên trao đổi.\n\nTHÀNH CÔNG", []),
])
def test_two_given_names_in_capitals_as_a_byline(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # a byline's role or source in brackets: "(t/h)" (tổng hợp), "(theo <source>)", "(<agency>/<agency>)"
    ("Thu Hằng (t/h)", ["Thu Hằng"]),
    ("Phương Linh (theo Vnexpress)", ["Phương Linh"]),
    ("Lan Anh (TTXVN/Vietnam+)", ["Lan Anh"]),
    # not a sentence with brackets, nor a caption that names no one
    ("Hai bên ký kết (theo Hiệp định năm 2020).", []),
    ("Quang cảnh lễ ký (TTXVN/Vietnam+)", []),
])
def test_a_byline_before_its_role_or_source_in_brackets(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # a given name of the lists alone opening a clause before a verb or adverb of name-follower (session 7b)
    ("Từ tháng 5, Hưng đã thuê một căn hộ; Phước đang lo giấy tờ.", ["Hưng", "Phước"]),
    ("Oanh bị bắt khi đang nhận hàng.", ["Oanh"]),
    # not a given name that also opens clauses as a common word, a pronoun, a time word, nor inside a sentence
    ("Đoàn đã đến thăm trạm. Nghĩa là hai bên đồng ý. Anh cho biết thêm. Sáng cùng ngày, tổ công tác về.", []),
    ("Như đã nêu, lực lượng chức năng đã vào cuộc. Lễ ký kết diễn ra. Cán bộ Hùng đã đến.", []),
    ("Đạt được kết quả này, tổ công tác đã nỗ lực. Thu được nhiều tang vật.", []),
    # not a word that starts common phrases, except before a verb of speech
    ("Nam đã ký. Trung cho biết thêm.", ["Trung"]),
    # the object of "cho", "với", "được" ("bắt được"), and given names coordinated with a person (session 8)
    ("Từ tháng 3, Páo nhiều lần mua hàng rồi giao cho Chu và Lầu chở về bán.", ["Páo", "Chu", "Lầu"]),
    ("Trinh sát bắt được Kiệt khi hắn đang trốn. Tổ công tác làm việc với Hạnh.", ["Kiệt", "Hạnh"]),
    ("Đối tượng Vàng Seo Phử bị bắt. Phử và Hạnh sau đó bị tuyên phạt.", ["Vàng Seo Phử", "Phử", "Hạnh"]),
    # not a body, a country, a word that starts common phrases, a longer proper noun, nor a word no list holds
    ("Hắn giao cho Hải quan cửa khẩu. Hắn giao cho Hùng Vương. Hai bên hợp tác với Trung Quốc và với Nam.", []),
    ("Ông Nguyễn Văn Hùng và Nam Định hợp tác. Hùng và Đoàn công tác đến. Đoàn làm việc với Xyz.",
     ["Nguyễn Văn Hùng", "Hùng"]),
])
def test_a_given_name_opening_a_clause(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # three or four words of the lists, the last a given name: a person without a cue (session 7b)
    ("Nhóm gồm Đỗ Quang Huy, Lê Minh Thảo Vy và Ngô Bảo Long.", ["Đỗ Quang Huy", "Lê Minh Thảo Vy", "Ngô Bảo Long"]),
    ("Chưa đầy 2 giờ sau, Phan Quốc Toàn (20 tuổi) bị bắt.", ["Phan Quốc Toàn"]),
    # not the city, not a street or a school, not two words, not a word in no list
    ("Đoàn về Hồ Chí Minh, qua đường Trần Quốc Toản và Trường THCS Lê Quý Đôn.", []),
    ("Trụ sở ở Lạng Sơn, gần Lê Minh.", []),
    ("Cán bộ gặp Lê Xyz Minh.", []),
    # not streets in a list led by a place word; "cùng" opens a list of persons
    ("Các tuyến phố Trần Hưng Đạo, Lý Thường Kiệt và Phan Chu Trinh bị cấm xe.", []),
    ("Tối qua, Hùng cùng Lâm Tuấn Kiệt và Đỗ Quang Huy, rồi bỏ trốn.", ["Hùng", "Lâm Tuấn Kiệt", "Đỗ Quang Huy"]),
    # a descriptive department name no ORG took does not hide the name ("Sử tử")
    ("Tòa tuyên phạt Giàng A Sử tử hình.", ["Giàng A Sử"]),
])
def test_a_full_name_of_the_lists_needs_no_cue(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # two words in Latin script of two syllables each, in a list or before a verb of speech (session 7b)
    ("Đoàn có hai trợ lý là Kittipong Sawanee và Wanida Bunnak.", ["Kittipong Sawanee", "Wanida Bunnak"]),
    ("Somphone Keosavanh cảm ơn Công an tỉnh.", ["Somphone Keosavanh"]),
    # not a brand before other verbs, not after a lower-case word, not one word alone
    ("Facebook Messenger bị lợi dụng để lừa đảo. Tiền chuyển qua Western Union, rồi rút ra.", []),
    ("Interpol cho biết đã phát lệnh truy nã.", []),
    # a Chinese name in pinyin: a one-syllable family name first (session 8); not a Vietnamese place without marks
    ("Theo hộ chiếu, Khải có tên là Wang Zhiqiang, quê ở Vân Nam.", ["Wang Zhiqiang"]),
    ("Đoàn có Chen Haoyu và Liu Meiling.", ["Chen Haoyu", "Liu Meiling"]),
    ("Xe chạy qua Tan Binh, Hong Kong rồi Ha Noi.", []),
    # one word in Latin script opening a clause before a verb of speech (session 8); not a brand or a loanword
    ("Hai bên thống nhất; Wanchai đề nghị lập đường dây nóng. Pornpan trình bày kế hoạch.", ["Wanchai", "Pornpan"]),
    ("Microsoft cho biết. Theo đó, Telegram cho biết. Internet cho biết. Camera ghi lại cảnh hắn.", []),
])
def test_a_name_in_latin_script(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # a nickname in quotes in the bracket after a person (session 8)
    ("Công an truy bắt Đàm Gia Huy (tức “Huy Lùn”), người cầm đầu.", ["Đàm Gia Huy", "Huy Lùn"]),
    ('Kẻ cầm đầu là Giàng A Dơ (biệt danh "Dơ Lào", 41 tuổi).', ["Giàng A Dơ", "Dơ Lào"]),
    # not words in quotes after other words, nor a nickname with lower-case words (the short form after "bác" is)
    ("Ông Đàm Gia Huy (theo “Báo Mới”) phát biểu. Ông Trần Văn Lộc (tức “bác Lộc”) dự.",
     ["Đàm Gia Huy", "Trần Văn Lộc", "Lộc"]),
])
def test_a_nickname_in_quotes(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # a credit or byline name may start with "Công" (session 8); "Công an" stays a body
    ("Hai bên trao quà. Ảnh: Công Thành", ["Công Thành"]),
    ("Hai bên trao quà.\n\nCông Hiếu - Minh Anh", ["Công Hiếu", "Minh Anh"]),
    ("Hai bên trao quà. Ảnh: Công an tỉnh", []),
])
def test_a_credit_name_starting_with_cong(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # the one whose words are reported (session 8)
    ("Theo lời Sềnh, số hàng được giao tại bản.", ["Sềnh"]),
    ("Tại tòa, bị cáo khai chỉ làm theo lời Pấu; bị hại đề nghị bồi thường.", ["Pấu"]),
    ("Theo Wanchai, đường dây đã lừa hơn 200 người. Theo Khiết, hàng được mua trên biển.", ["Wanchai", "Khiết"]),
    ("Theo Xiêng Bun-thươn, phía bạn đang điều tra.", ["Xiêng Bun-thươn"]),
    # not a source, a body, a country, a law, a province, words in no list
    ("Theo Reuters, hai bên đã ký. Theo Bộ Công an, số vụ giảm. Theo Luật Phòng, chống ma túy, hành vi bị cấm.", []),
    ("Theo Hà Nội, số vụ giảm. Theo Interpol, số vụ tăng. Theo Trung Quốc, hai bên đã ký. Theo Ban Chỉ đạo, ...", []),
    ("Theo lời kể của người dân, hắn bỏ trốn. Theo Kế hoạch, tổ công tác lên đường.", []),
])
def test_a_name_after_theo(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # two short names joined by "và", opening a clause or after a word that governs a person (session 8)
    ("Khi thấy tổ công tác, Sềnh và Dính bỏ trốn vào rừng.", ["Sềnh", "Dính"]),
    ("Tởn và Nọi đêm đêm dắt trâu qua suối. Sau đó, cùng với Phiến và Bua, chị bị giữ hộ chiếu.",
     ["Tởn", "Nọi", "Phiến", "Bua"]),
    # not countries, words that start common phrases, bodies, provinces, brands, places of two words, a list of places
    ("Lào và Campuchia đã ký. Nam và Bắc hợp tác. Công an và Quân đội phối hợp. Hà Nội và Hải Phòng họp.", []),
    ("Facebook và Zalo là hai mạng xã hội. Đoàn và Hội đã họp. Mộc Châu và Mai Sơn có mưa.", []),
    ("Giáp các tỉnh Khăm Muộn, Xa-va-na-khệt và Xả-la-văn của Lào.", []),
])
def test_two_short_names_coordinated(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # the other items of a list of persons once one is known, whatever the family name (session 8)
    ("Tòa xét xử Hà Văn Tởn, Xa Văn Nọi, Lò Thị Pưn và Chảo Láo Sài về tội trộm cắp.",
     ["Hà Văn Tởn", "Xa Văn Nọi", "Lò Thị Pưn", "Chảo Láo Sài"]),
    ("Khen thưởng gồm Mạc Đăng Khoa, Lò Văn Thắm và Tôn Nữ Thu Sương.",
     ["Mạc Đăng Khoa", "Lò Văn Thắm", "Tôn Nữ Thu Sương"]),
    # not a district before its province, not a body or title, not a place after "tại"
    ("Bà Lò Thị Pưn, Hoàng Mai, Hà Nội dự họp.", ["Lò Thị Pưn"]),
    ("Ông Lò Văn Thắm, Giám đốc Công an tỉnh, và Bộ Công an dự họp.", ["Lò Văn Thắm"]),
])
def test_the_other_items_of_a_list_of_persons(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # Chinese names in pinyin with short given names, in a list and before any verb (session 8)
    ("Ba người quốc tịch Trung Quốc là Wang Bo, Liu Lei và Sun Min.", ["Wang Bo", "Liu Lei", "Sun Min"]),
    ("Từ tháng 5, Wang Lei thuê nhà; Liu Min lo phần mềm, còn Sun Hao quản lý tài khoản.",
     ["Wang Lei", "Liu Min", "Sun Hao"]),
    # a nickname after "tức" or "biệt danh" anywhere
    ('Công an bắt Hà Văn Cường (SN 1987, tức "Cường Đen"); Lò Văn Pấu, có biệt danh "Ba Sẹo", bỏ trốn.',
     ["Hà Văn Cường", "Cường Đen", "Lò Văn Pấu", "Ba Sẹo"]),
    # a given name of the lists after "phạt" or before a suspect's verb ("nhận", "thuê", "lo", "mang", "mở")
    ("Tháng 4, Mơ nhận chở thuê số hàng. Tòa tuyên phạt Mơ tù chung thân. Thu nhận hồ sơ. Khai mở hội nghị.",
     ["Mơ", "Mơ"]),
    ("Ngoan giữ tiền cho cả nhóm; còn Hiền đóng vai chuyên gia. Lưu giữ hồ sơ. Bắt giữ 5 đối tượng.",
     ["Ngoan", "Hiền"]),
    # kin: the words after them are a person
    ("Pưn, vợ của Sềnh, giữ tiền. Bà Lò Thị Lý, người yêu của Thuần, bị bắt. Hắn đi cùng em họ là Chá Thị Mỉ.",
     ["Pưn", "Sềnh", "Lò Thị Lý", "Thuần", "Chá Thị Mỉ"]),
    ("Con của Việt Nam anh hùng. Vợ ông là người Lào. Con Đường Mới là phim. Họ bẫy con Hổ.", []),
    ("Shopee và Lazada là hai sàn lớn; tiền chuyển qua Momo và Vietcombank.", []),
    # names in transcription opening a clause before a verb of speech; not a place of name syllables
    ("Khăm Sỉ cho biết hai bên đã bàn giao. Chau Ry Na kể, anh đã trốn.", ["Khăm Sỉ", "Chau Ry Na"]),
    ("Tân Sơn Nhất cho biết. Ban Quản lý cho biết. Phía Lào cho biết. Trung Quốc cho biết.", []),
    # no person right before a number that ends a name: a plan or a ship named after a person
    ("Chuyên án mang tên Lê Lợi 25, tàu Hoàng Phúc 68 bị bắt. Ông Lò Văn Pấu 45 tuổi.", ["Lò Văn Pấu"]),
])
def test_more_names_without_a_cue(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # names of the Central Highlands by their shape, and the list they open (session 8)
    ("Công an huyện khởi tố 4 bị can, gồm K'Lăng, Liêng Jrang Ha Phu, Rơ Ô Ha Sen và Cil Múp.",
     ["K'Lăng", "Liêng Jrang Ha Phu", "Rơ Ô Ha Sen", "Cil Múp"]),
    ("Trinh sát bắt được Y Bhăm Niê và H'Loan Êban khi hai người đang chở gỗ. Y khai nhận hành vi.",
     ["Y Bhăm Niê", "H'Loan Êban"]),
    # not a people, a commune, health care ("Y tế"), the pronoun "Y"
    ("Người dân tộc K'Ho ở xã Y Tý đón Tết. Đồng bào H'Mông đón Tết. Y tế xã đã đến. Y khai nhận.", []),
    # a victim as a cue, a rarer family name, a person with another after "cùng với"
    ("Bị hại Phùng Mùi Chiêu đề nghị bồi thường. Hàng được bán cho Cổ Văn Sính, chủ đại lý.",
     ["Phùng Mùi Chiêu", "Cổ Văn Sính"]),
    ("Già làng Lỳ Gò Xá cùng với Chu Chà Mé tiễn các chiến sĩ.", ["Lỳ Gò Xá", "Chu Chà Mé"]),
])
def test_highland_names_victims_and_companions(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # a sum of money whose currency is understood, after a word of price or money and before punctuation (session 8)
    ("Hắn nhận chở hàng với tiền công 150 triệu; sau đó bán với giá 2 tỷ.", ["150 triệu", "2 tỷ"]),
    # not a bare number, not with its currency (that is one span), not before a slash or another word
    ("Dân số 3 triệu. Giá 150 triệu đồng. Hắn bị phạt 20 triệu/lần. Tiền công 5 triệu mỗi chuyến.", ["150 triệu đồng"]),
])
def test_a_sum_without_its_currency(rules, text, expected):
    assert labelled(rules, text, "QUANTITY") == expected


@pytest.mark.parametrize("text, expected", [
    # names in transcription from a family name, before what is done to a person accused (session 8)
    ("Thạch Sô Phết bị truy nã về tội giết người; Danh Sà Rinh và Sa Rươne bị truy nã về tội mua bán người.",
     ["Thạch Sô Phết", "Danh Sà Rinh", "Sa Rươne"]),
    ("Tàu Hải Long bị bắt. Nhóm Hoa Sen bị bắt. Xe Toyota Camry bị bắt giữ. Giám đốc Sở bị khởi tố.", []),
    # a name right before its sentence
    ("Tòa tuyên phạt Pấu 7 năm tù, Nọi 5 năm tù; phạt Hùng tử hình, Oanh tù chung thân.",
     ["Pấu", "Nọi", "Hùng", "Oanh"]),
    ("Tòa tuyên phạt 3 bị cáo 20 năm tù. Mỗi bị cáo 5 năm tù. Hình phạt 7 năm tù. Điều 251, 20 năm tù.", []),
])
def test_names_of_the_accused_and_sentenced(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # every item of a list of names after "gồm", or after "cho"/"là" from family names of the lists (session 8)
    ("Đoàn gồm Xổm Phết Kẹo Sỉ Phăn, Khăm Lạ Vông Sả, Thoong Văn Keo Ma Ni cùng 4 cán bộ.",
     ["Xổm Phết Kẹo Sỉ Phăn", "Khăm Lạ Vông Sả", "Thoong Văn Keo Ma Ni"]),
    ("Tỉnh tặng giấy khen cho Lý Láo Pấu, Đặng Tòn Sen và Triệu Mùi Lai, ba người dân.",
     ["Lý Láo Pấu", "Đặng Tòn Sen", "Triệu Mùi Lai"]),
    ("Trong nhóm có một người Hàn Quốc là Park Ji-hoon.", ["Park Ji-hoon"]),
    # not bodies, provinces, countries, districts, streets
    ("Đoàn gồm Bộ Công an, Quân đội và Biên phòng. Gồm Lào và Campuchia. Tiết mục gồm Hát Văn, Múa Rối và Ca Trù.",
     []),
    ("Đoàn tặng quà cho Trường Sa, Hoàng Sa và Côn Đảo. Hai huyện đảo là Lý Sơn và Phú Quý.", []),
    ("Hàng được giao cho Mường Lát, Quan Sơn và Bá Thước. Tuyến gồm Trần Phú, Lê Lợi và Nguyễn Huệ.", []),
])
def test_every_item_of_a_list_of_names(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # Lao and Thai names in hyphenated transcription, Latin names after a preposition, "Ka" K'Ho names (session 8)
    ("Đoàn cảm ơn Bun Xay-nha và cán bộ. Tham gia có Pra-xớt Kít-ti-vông cùng trợ lý.",
     ["Bun Xay-nha", "Pra-xớt Kít-ti-vông"]),
    ("Đường dây do Wanida Bunnak, một phụ nữ, cầm đầu; giúp sức là Xôm-phăn Keo và Xôm Pong Kẹo Mạ Ni, người Lào.",
     ["Wanida Bunnak", "Xôm-phăn Keo", "Xôm Pong Kẹo Mạ Ni"]),
    ("K'Lăng thuê Ka Nhen nấu ăn.", ["K'Lăng", "Ka Nhen"]),
    # not a place after a preposition of place or a place word, not a date-like or a road between places
    ("Đoàn đến Luông Pra-băng. Tại huyện Mường-xén có mưa. Hội nghị Covid-19 diễn ra. Đường Hồ Chí Minh-Nam Định.", []),
])
def test_transcribed_names(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # a credit in brackets closing a brief after its last sentence (session 8b, scheme rule 6)
    ("Trạm bắt 3 đối tượng vận chuyển gỗ. (Lù Mỷ)", ["Lù Mỷ"]),
    ("Hai bên trao đổi tài liệu. (Quang Hưng - Ksor Nhi)\nĐoạn sau viết tiếp.", ["Quang Hưng", "Ksor Nhi"]),
    # not a country, a province, a body, a bracket inside a sentence or not ending the paragraph
    ("Hai bên ký biên bản. (Thái Lan)", []),
    ("Đoàn đã đến. (Hà Tĩnh)", []),
    ("Vụ án đã khởi tố (Minh Hải) và đang điều tra.", []),
    ("Vụ án đã khởi tố. (Tin Tức)", []),
])
def test_credits_in_brackets_closing_a_brief(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 8b: a clause opens after a conjunction or a time word ("khi", "đêm"); one word before "cùng" and a known
    # person is a person too
    ("Bị cáo kể lại đêm Pấu và Dình vượt suối.", ["Pấu", "Dình"]),
    ("Sáng 3/4, khi Chư cùng Vàng Văn Lử đang bốc hàng thì bị bắt.", ["Chư", "Vàng Văn Lử"]),
    ("Tối 2/5, tại quán nhậu, Pấu cùng Lâm Văn Tỏ dùng dao tấn công.", ["Pấu", "Lâm Văn Tỏ"]),
    # not countries, brands, a province, a time word at the start, two words before "cùng"
    ("Khi Mỹ và Nhật ký kết, lúc Facebook và Zalo bị chặn, rồi Hà Nội cùng Nguyễn Văn An đến.", ["Nguyễn Văn An"]),
    ("Hôm Rằm cùng Lò Văn Sáng về bản; khi Mường Tè cùng Lò Văn Sáng đón khách.", ["Lò Văn Sáng", "Lò Văn Sáng"]),
    ("Sáng nay, Đoàn cùng Lò Văn Sáng đến; chiều qua, Bộ cùng Lò Văn Sáng họp.", ["Lò Văn Sáng", "Lò Văn Sáng"]),
])
def test_names_opening_a_clause_after_a_conjunction(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 8b: one glued word opening a clause before a verb said of persons only
    ("Hắn nhận tiền; Khăm-lạ cùng bạn gái chở hàng đi.", ["Khăm-lạ"]),
    ("Ngày 3/5, Xay-nha khai nhận đã vận chuyển.", ["Xay-nha"]),
    # not before "là", "đã", "có" (places open clauses there), not a disease's name
    ("Tại đây, Pắc-xế là thành phố lớn. Sáng nay, Xa-van đã đón đoàn. Covid-19 bị đẩy lùi.", []),
])
def test_one_glued_word_opening_a_clause(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 8b: "Phó" is the family name before a middle and a given name, not the title
    ("Công an đã bắt Phó Đức Lâm (SN 1990) về tội cưỡng đoạt.", ["Phó Đức Lâm"]),
    ("Ông Phó Văn Hải dự. Đại tá Phó Đức Minh phát biểu.", ["Phó Văn Hải", "Phó Đức Minh"]),
    # the title: "Phó" before a position
    ("Phó Giám đốc Lê Văn Tám cho biết. Đại tá, Phó Giám đốc Công an tỉnh Nghệ An dự.", ["Lê Văn Tám"]),
])
def test_the_family_name_pho(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 8b: one word in no list opening a clause before a verb whose object is a person named right after it
    ("Khút thuê Lò Văn Pọm, Quàng Thị Én chở hàng.", ["Khút", "Lò Văn Pọm", "Quàng Thị Én"]),
    ("Ngày 3/4, Pấu rủ Lò Văn Sáng đi trộm.", ["Pấu", "Lò Văn Sáng"]),
    # not a pronoun, a body's word, a country, a brand, not inside a sentence
    ("Hắn thuê Hà Văn Lợi. Sở gặp Lê Văn Tám. Mỹ gặp Vũ Văn Khoa. Facebook gọi Lò Văn Tư. Bộ Tư pháp thuê Lò Văn Tư.",
     ["Hà Văn Lợi", "Lê Văn Tám", "Vũ Văn Khoa", "Lò Văn Tư", "Lò Văn Tư"]),
])
def test_a_subject_acting_on_a_person(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 8b: two names of two words coordinated before "là" and a noun of persons
    ("Ngọc Bích và Hồng Nhung là hai nữ cán bộ trẻ nhất đơn vị.", ["Ngọc Bích", "Hồng Nhung"]),
    ("Thu Hằng và Bích Ngọc đều là trinh sát của đội.", ["Thu Hằng", "Bích Ngọc"]),
    # places and what is no person
    ("Mai Sơn và Yên Châu là hai huyện biên giới. Trường Sa và Hoàng Sa là của Việt Nam.", []),
])
def test_two_word_names_coordinated_before_a_noun_of_persons(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 8b: the name in apposition before ", vợ của ..." opening a clause
    ("Dợ, vợ của Páo, giữ tiền; Mỷ, con gái của Páo, canh đường.", ["Dợ", "Páo", "Mỷ", "Páo"]),
    # not a province, a country, a pronoun, nor inside a clause
    ("Hà Nội, mẹ của mọi miền. Lào, con của ai. Hắn, vợ của Páo, trốn. Ông nói Dợ, vợ của Páo.", ["Páo", "Páo"]),
])
def test_a_name_in_apposition_before_a_kin_word(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 8c: a byline in capitals with its role in brackets; a Tày family name
    ("THU HÀ (thực hiện)", ["THU HÀ"]),
    ("LÃNH TÚ - NÔNG HẰNG", ["LÃNH TÚ", "NÔNG HẰNG"]),
    ("Lãnh Văn Tú và Nông Thị Hằng bị bắt.", ["Lãnh Văn Tú", "Nông Thị Hằng"]),
    # no name: a common pair, a heading in title case with "Lãnh đạo"
    ("AN NINH (thực hiện)", []),
    ("Lãnh Đạo Công An Tỉnh Nghệ An Thăm Đồn Biên Phòng", []),
])
def test_bylines_in_capitals_with_a_role(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 8c: a given name of the lists alone after what a person owns and "của"; after an adverbial opener
    ("Khám xét nơi ở của Hùng, công an thu 2 khẩu súng.", ["Hùng"]),
    ("Theo lời khai của Lan. Bước đầu Huệ khai mua hàng. Sau đó Khút bỏ trốn.", ["Lan", "Huệ", "Khút"]),
    # not a country, a place, a body; nor after an adverbial when no verb of persons follows
    ("Đây là nhà của Lào, xe của Hải quan. Khám xét nhà của Thanh Hóa, công an thu. Sau đó Công an khai nhận.", []),
    ("Bước đầu Hùng và đồng đội đến nơi.", []),
])
def test_given_names_after_cua_and_adverbials(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, label, expected", [
    # session 8c: an ambiguous province as a headline's dateline in capitals before a colon
    ("KIÊN GIANG: BẮT GIỮ XUỒNG CHỞ THUỐC LÁ", "PROVINCE", ["KIÊN GIANG"]),
    ("Bà LÊ HÀ GIANG: người mẹ", "PROVINCE", []),
    # a district ending on "Đồn" inside a body's name; not before "Đồn Biên phòng", "Đồn trưởng"
    ("Công an huyện Chợ Đồn xử lý 4 trường hợp.", "ORG", ["Công an huyện Chợ Đồn"]),
    ("Công an xã Tả Van Đồn Biên phòng Bản Vược phối hợp.", "ORG", ["Công an xã Tả Van", "Đồn Biên phòng Bản Vược"]),
    ("Công an xã Na Đồn trưởng cho biết.", "ORG", ["Công an xã Na"]),
    # drug rehabilitation centres named by their province
    ("Đưa 7 người vào Cơ sở cai nghiện ma túy tỉnh Bắc Kạn.", "ORG", ["Cơ sở cai nghiện ma túy tỉnh Bắc Kạn"]),
    ("Đưa đi Trung tâm cai nghiện ma tuý tỉnh Lạng Sơn.", "ORG", ["Trung tâm cai nghiện ma tuý tỉnh Lạng Sơn"]),
])
def test_datelines_districts_on_don_and_rehabilitation_centres(rules, text, label, expected):
    assert labelled(rules, text, label) == expected


@pytest.mark.parametrize("text, label, expected", [
    # session 8c: units "hải lý", "đô" (colloquial dollar); "2 ca nô" keeps its two-syllable unit ("ca" alone, a
    # shift, is no unit: "2 CA khác" is an abbreviation)
    ("Tàu chìm cách bờ 32 hải lý, lương 1.000 đô, thu 2 ca nô.", "QUANTITY", ["32 hải lý", "1.000 đô", "2 ca nô"]),
    # a Lao province spelt with a tone mark and hyphens
    ("Lao động tại các tỉnh U-đôm-xay và Xay-nhạ-bu-ly.", "PROVINCE", ["U-đôm-xay", "Xay-nhạ-bu-ly"]),
    # a ship's master is a title before a name; "Nhựt", "Huynh" are given names
    ("Thuyền trưởng Lý Hoàng Nhựt cảm ơn các chiến sĩ.", "PERSON", ["Lý Hoàng Nhựt"]),
    ("HỮU HUYNH", "PERSON", ["HỮU HUYNH"]),
    # a credit may start with "Trường" ("Trường Giang"); "Trường Đại học ...", "Trường THPT ..." stay schools
    ("Cán bộ lấy lời khai. Ảnh: Trường Giang", "PERSON", ["Trường Giang"]),
    ("Ảnh: Trường Đại học Cảnh sát. Ảnh: Trường THPT Nguyễn Du", "PERSON", []),
    # Central Highlands family names with one or two words after them
    ("Thuốc nổ do Rơ Chăm Ngăn, Siu Bleo và Ksor H'Ni cất giấu.", "PERSON", ["Rơ Chăm Ngăn", "Siu Bleo", "Ksor H'Ni"]),
    ("Làng Siu ở xã Ia Dom. Rơ Chăm là họ lớn.", "PERSON", []),
])
def test_units_lao_spellings_titles_credits_and_highland_families(rules, text, label, expected):
    assert labelled(rules, text, label) == expected


@pytest.mark.parametrize("text, expected", [
    # session 8c: the outlet in brackets opening a lead before a dash; a province and "Online" is the outlet
    ("(Biên phòng) - Hà Giang: Ngày 22/11, đồn bắt 2 người.", ["Biên phòng"]),
    ("(Lạng Sơn Online) - Tối 29/11, tại trụ sở họp.", ["Lạng Sơn Online"]),
    # not a caption or a part, not inside a paragraph; a province alone stays a PROVINCE
    ("(Ảnh minh họa) - Sáng nay. Ông nói (Hùng) - rồi đi.", []),
    ("(Hà Nội) - Sáng nay, đồn bắt.", []),
    # "Phòng, chống" with its comma inside a unit's name
    ("Tặng Bằng khen cho Đội Phòng, chống ma túy và tội phạm Đồn Biên phòng Na Ư và 3 cá nhân.",
     ["Đội Phòng, chống ma túy và tội phạm Đồn Biên phòng Na Ư"]),
    ("Công tác Phòng, chống ma túy được đẩy mạnh ở tỉnh Lai Châu.", []),
])
def test_outlets_opening_a_lead_and_units_with_phong_chong(rules, text, expected):
    assert labelled(rules, text, "ORG") == expected


@pytest.mark.parametrize("text, expected", [
    # session 8c: a given name opening a clause right after a date in digits, before a verb said of persons
    ("Năm 2024 Toản bỏ trốn sang Lào. Ngày 3/4 Hùng khai nhận đã bán hàng.", ["Toản", "Hùng"]),
    ("Ngày 3/4/2025 Lan ra đầu thú.", ["Lan"]),
    # "nhận tiền", "chuyển tiền" after a given name of the lists only
    ("Năm 2024 Toản nhận tiền góp vốn rồi bỏ trốn. Tại đây, Lan chuyển tiền cho đối tượng.", ["Toản", "Lan"]),
    # not a country or a body
    ("Năm 2024 Việt Nam khai nhận. Ngày 3/4 Công an khai nhận.", []),
    ("Quỹ nhận tiền ủng hộ. Sau đó Hội nhận tiền. Khút nhận tiền.", []),
])
def test_given_names_after_a_date(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 8c: a given name of the lists alone after a verb whose object is a person, before a preposition
    ("Đối tượng đã gặp Tuấn tại quán cà phê. Hắn bán ma túy cho Hùng với giá 5 triệu đồng.", ["Tuấn", "Hùng"]),
    # not a body, a province, a country, a word that starts common phrases
    ("Hỗ trợ cho Hải quan tại cửa khẩu. Trao cho Đoàn tại hội trường. Cấp cho Nam tại đây. Hỗ trợ cho Mỹ với 2 tàu.",
     []),
])
def test_given_names_after_a_verb_of_meeting(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 8c: a border post named by a commune ending on "Quốc"
    ("Chính trị viên Đồn Biên phòng Lý Quốc, trao 12 con bò.", ["Đồn Biên phòng Lý Quốc"]),
    # not a country, not "Quốc lộ"
    ("Đồn Biên phòng Pò Hèn phối hợp với Trung Quốc. Đồn Biên phòng Na Quốc lộ 4.",
     ["Đồn Biên phòng Pò Hèn", "Đồn Biên phòng Na"]),
])
def test_a_post_named_by_a_commune_ending_on_quoc(rules, text, expected):
    assert labelled(rules, text, "ORG") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9a: a byline in capitals of two words with a reporter's post or where it comes from in brackets
    ("LÊ HOÀNG (phóng viên TTXVN tại Campuchia)", ["LÊ HOÀNG"]),
    ("ĐINH TÂM (từ Viêng Chăn)", ["ĐINH TÂM"]),
    ("HÀ NAM (từ Viêng Chăn)", []),
    # the name before a bracket whose name goes on after a comma, or after a long alias opener
    ("Tòa phạt bị cáo cầm đầu Trịnh Văn Hạo (Zheng Wenhao, sinh năm 1985) 18 năm tù.", ["Trịnh Văn Hạo", "Zheng Wenhao"]),
    ("Đối tượng thứ hai, Vạn Minh Kiệt (tên tiếng Trung viết theo phiên âm là Wan Mingjie), đã bỏ trốn.",
     ["Vạn Minh Kiệt", "Wan Mingjie"]),
    # one glued word right after a verb of arrest, before "cùng", "và" or punctuation; not after "tại"
    ("Tổ công tác bắt quả tang Bun-thăm cùng 2 đồng phạm.", ["Bun-thăm"]),
    ("Tổ công tác bắt giữ tại Pắc-xế, cùng 2 đồng phạm.", []),
    # "riêng" opens a clause; a Latin name after a capitalised conjunction before a verb of speech
    ("Mỗi người được trả 100 USD; riêng Khăm-pheng nhận 5 triệu kíp.", ["Khăm-pheng"]),
    ("Sokha nói vậy. Còn Sreymom kể cô học tiếng Việt qua bài hát.", ["Sokha", "Sreymom"]),
])
def test_session_9a_bylines_brackets_arrests_and_clauses(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9a: "Anh" (a pronoun cue capitalised) after the first word of a coordinated name is its given name
    ("Các em Lê Văn Tâm, Phạm Gia Huy và Nguyễn Thị Lan Anh, sau 5 tháng, đã về.",
     ["Lê Văn Tâm", "Phạm Gia Huy", "Nguyễn Thị Lan Anh"]),
    ("Ông Phạm Gia Huy và anh Nguyễn Tuấn về nhà.", ["Phạm Gia Huy", "Nguyễn Tuấn"]),
])
def test_session_9a_anh_ends_a_coordinated_name(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9a: three words from a family name of the lists right after a verb of handing over or receiving a
    # person, the middle word in no list, before the end of a list item or a lower-case word
    ("Đồn Biên phòng tiếp nhận Thạch Sô Phên, 35 tuổi, trú tỉnh Kandal.", ["Thạch Sô Phên"]),
    ("Lực lượng chức năng bàn giao Sơn Sà Rưng cho phía bạn.", ["Sơn Sà Rưng"]),
    # not a province, a body or a name followed by another capitalised word
    ("Đoàn tiếp nhận Sơn La Bắc Kạn. Đơn vị bàn giao Công an tỉnh Sơn La cho bạn.", []),
])
def test_session_9a_names_after_handing_over(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9a: a compound family name whose first word starts no name alone ("Tư" of "Tư lệnh")
    ("Đón đoàn có ông Tư Mã Kiến Hùng (Sima Jianxiong), Cục trưởng.", ["Tư Mã Kiến Hùng", "Sima Jianxiong"]),
    ("Tư lệnh Lê Văn An dự.", ["Lê Văn An"]),
    # a name after "xưng tên", "tự xưng là"; not a body
    ("Một người phụ nữ xưng tên Lin hứa trả 1.500 USD mỗi tháng.", ["Lin"]),
    ("Kẻ gian tự xưng là Công an phường gọi điện.", []),
])
def test_session_9a_compound_family_names_and_names_given_by_oneself(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9a: after an honorific, the first word of a name before its pinyin in brackets is its family name,
    # also when it starts common words ("Hạ" of "Hạ Long")
    ("Đoàn do ông Hạ Kiến Minh (He Jianming), Phó Hiệu trưởng, dẫn đầu.", ["Hạ Kiến Minh", "He Jianming"]),
])
def test_session_9a_family_name_after_an_honorific_before_brackets(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9a: a speaker after a quote whose given name ends on "Anh"; "Anh" alone there is the pronoun
    ('"Cháu chỉ mong được về nhà", Lan Anh nói trong nước mắt.', ["Lan Anh"]),
    ('"Cháu chỉ mong được về nhà", Anh nói.', []),
])
def test_session_9a_speakers_whose_name_ends_on_anh(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9a: "Bác" (a word of the Hồ Chí Minh context) after the first word of a name is its given name
    ("Bị cáo Diêu Văn Bác nhận 7 năm tù.", ["Diêu Văn Bác"]),
    ("Các bị cáo Tôn Lệ Hoa (nữ, quê Hồ Bắc), Diêu Văn Bác và Lu Zhiming nhận án.",
     ["Tôn Lệ Hoa", "Diêu Văn Bác", "Lu Zhiming"]),
    ("Các đồng phạm gồm Hồ Kiến Minh (Hu Jianming), Tôn Lệ Hoa (nữ, quê Hà Nam), Diêu Văn Bác, Chen Yu và Lu Zhiming.",
     ["Hồ Kiến Minh", "Hu Jianming", "Tôn Lệ Hoa", "Diêu Văn Bác", "Chen Yu", "Lu Zhiming"]),
    ("Ông Lê Văn An học tập tấm gương đạo đức của Bác.", ["Lê Văn An"]),
])
def test_session_9a_bac_as_a_given_name(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9a: a given name in no list after a verb whose object is a person, before a preposition of place,
    # price or purpose
    ("Hắn mang hàng bán cho Sùi với giá 200 triệu đồng.", ["Sùi"]),
    ("Y hẹn gặp Xổm tại chợ biên giới; Páo thuê Pấu vận chuyển hàng.", ["Xổm", "Páo", "Pấu"]),
    # not a country, a brand or an abbreviation
    ("Công ty bán cho Lào với giá thấp. Hàng bán cho Viettel với giá rẻ. Ông gặp UBND tại trụ sở.", []),
])
def test_session_9a_given_names_in_no_list_after_a_verb_of_persons(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9b: a given name in no list after "của" when the noun before it is only said of a person
    ("Khám xét nơi ở của Hịa, công an thu 20 viên. Theo lời khai của Pó. Chị là vợ của Sềnh, sống ở bản.",
     ["Hịa", "Pó", "Sềnh"]),
    # not after a noun said of things too, nor a country or a body
    ("Khám xét nơi ở của Nhà nước, theo lời khai của Lào. Con của Hổ, nhà của Dân.", []),
    # a contributor's byline in capitals
    ("Đồn Biên phòng bắt 2 đối tượng.\nMINH KHA (CTV)", ["MINH KHA"]),
])
def test_session_9b_given_names_after_cua_and_contributors(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9b: a byline with its role after the names and no bracket; a byline opened by where it comes from
    ("T.Hằng tổng hợp", ["T.Hằng"]),
    ("Thu Hằng tổng hợp", ["Thu Hằng"]),
    ("Từ Viêng Chăn, Hồ Lê Na - Ngô Phúc Hưng", ["Hồ Lê Na", "Ngô Phúc Hưng"]),
    # not a title-case headline, nor a place and a body
    ("Số Liệu Tổng Hợp", []),
    ("Từ Hà Nội, Đoàn Công tác", []),
    # a Chinese provincial department head as a title
    ("Sảnh trưởng Sở Công an tỉnh Vân Nam Lư Quốc Minh phát biểu; Phó Sảnh trưởng Trương Kiến Quốc dự.",
     ["Lư Quốc Minh", "Trương Kiến Quốc"]),
])
def test_session_9b_bylines_without_brackets_and_chinese_titles(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9b: one-word items of a list of the arrested when another item is a name
    ("Các mũi công tác bắt giữ Sứ, Vi Thị Lan (SN 1989) và Nguyễn Bá Khang (SN 1985).",
     ["Sứ", "Vi Thị Lan", "Nguyễn Bá Khang"]),
    ("Tổ công tác bắt thêm Chơ, Dũng, Tẩn Láo San (SN 1984) và Lý A Sử.", ["Chơ", "Dũng", "Tẩn Láo San", "Lý A Sử"]),
    # not a country, a vehicle or a pronoun; not without a name in the list
    ("Lực lượng bắt quả tang Lào, Nguyễn Văn Nam. Bắt giữ Tàu, Nguyễn Văn An. Bắt giữ Xe, Lò Văn Pọm.",
     ["Nguyễn Văn Nam", "Nguyễn Văn An", "Lò Văn Pọm"]),
    ("Công an bắt giữ Sáu, Tám tại chỗ.", []),
])
def test_session_9b_one_word_items_of_a_list_of_the_arrested(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9b: a name right after a body that follows a title, also an embassy at a place
    ("Dự lễ có Tùy viên Công an Đại sứ quán Campuchia tại Việt Nam Hun Sethy và nhiều khách mời.", ["Hun Sethy"]),
    ("Phó Giám đốc Sở Cảnh sát tỉnh Kandal Sok Dara cho biết.", ["Sok Dara"]),
    # not in a title-case headline, not without a title
    ("Giám Đốc Công An Tỉnh Nghệ An Thăm Đồn Biên Phòng", []),
    ("Đại diện Đại sứ quán Lào tại Việt Nam Hội Nghị.", []),
])
def test_session_9b_a_name_after_a_titled_body(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9b: a given name after "nơi ẩn náu của", "nơi cư trú của", also before "và"
    ("Công an xác định được nơi ẩn náu của Quyết và bắt giữ đối tượng. Tìm ra nơi cư trú của Hùng và Lâm.",
     ["Quyết", "Hùng", "Lâm"]),
    # not after a noun said of things too, nor a body
    ("Nhà của Dân và xe của Công an đều ở đây.", []),
])
def test_session_9b_a_given_name_after_a_hideout(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9b: the agent of a passive, a given name in no list too
    ("Khang là người được Sứ giao tìm mối tiêu thụ; Lò Văn Pọm được Pó thuê chở hàng.", ["Khang", "Sứ", "Lò Văn Pọm", "Pó"]),
    # not a body, an abbreviation or a country
    ("Nhiệm vụ được Bộ giao, hàng được UBND giao, đề tài được Sở giao và được Lào trả tiền.", []),
])
def test_session_9b_the_agent_of_a_passive(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9b: a person let do something after "để"; a person invited before "và"
    ("Y cất hàng trong chum gạo rồi để Dênh đem đi bán.", ["Dênh"]),
    ("Hắn rủ Chư và một người nữa gùi hàng.", ["Chư"]),
    # not a body, a province or a country
    ("Cơ quan chức năng để Công an xử lý; hàng để Hà Nội bán; để Lào giữ.", []),
])
def test_session_9b_a_person_let_or_invited(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9c: a Chinese county's public security sub-bureau ("Phân cục") and a procuracy abbreviated "Viện KSND"
    ("Đại diện Phân cục Công an huyện Tĩnh Tây và Viện KSND tỉnh Cao Bằng dự họp.",
     ["Phân cục Công an huyện Tĩnh Tây", "Viện KSND tỉnh Cao Bằng"]),
    # alone, with no place, they name nothing
    ("Phân cục và Viện KSND đã nhận hồ sơ.", []),
])
def test_session_9c_sub_bureaus_and_procuracies(rules, text, expected):
    assert labelled(rules, text, "ORG") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9c: "Học" is a middle name ("Trâu Học Lâm"), though it starts no name and "Học viện" stays a body
    ("Tiếp đoàn có ông Trâu Học Lâm (Zou Xuelin), Phó Thị trưởng.", ["Trâu Học Lâm", "Zou Xuelin"]),
    ("Ông Lê Học Nghĩa, Phó Giám đốc Học viện Cảnh sát nhân dân, dự lễ.", ["Lê Học Nghĩa"]),
    # pinyin family names "Ai", "Mo"; a name in pinyin after "phiên âm"
    ("Bắt đối tượng Ngải Minh Triết (tên phiên âm Ai Mingzhe), kẻ nhận người; Mạc Văn Hào (tên phiên âm Mo Wenhao) khai.",
     ["Ngải Minh Triết", "Ai Mingzhe", "Mạc Văn Hào", "Mo Wenhao"]),
    # "Ai Lao" (a pass) after a place word is no name
    ("Xe chạy qua đèo Ai Lao lúc rạng sáng.", []),
])
def test_session_9c_chinese_names(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9c: an autonomous region's party committee, the people's governments of China, a foreign affairs office,
    # the standing board of a Fatherland Front committee
    ("Bí thư Tỉnh ủy tiếp đoàn Khu ủy Khu tự trị dân tộc Choang Quảng Tây và Chính quyền nhân dân châu Hồng Hà.",
     ["Khu ủy Khu tự trị dân tộc Choang Quảng Tây", "Chính quyền nhân dân châu Hồng Hà"]),
    ("Văn phòng Ngoại vụ thành phố Bằng Tường và Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Lai Châu ký biên bản.",
     ["Văn phòng Ngoại vụ thành phố Bằng Tường", "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Lai Châu"]),
    # the courts and procuracies of a province's numbered regions, with the province after a dash
    ("Tòa án nhân dân khu vực 2 - Hà Giang xử vụ án do Viện Kiểm sát nhân dân khu vực 2 - Hà Giang truy tố.",
     ["Tòa án nhân dân khu vực 2 - Hà Giang", "Viện Kiểm sát nhân dân khu vực 2 - Hà Giang"]),
    ("Chi cục Hải quan khu vực VI phối hợp với TAND khu vực 3.", ["Chi cục Hải quan khu vực VI", "TAND khu vực 3"]),
    # alone, with no place, these bodies name nothing
    ("Chính quyền nhân dân và Văn phòng Ngoại vụ đã trả lời; Khu ủy họp.", []),
])
def test_session_9c_chinese_and_provincial_civil_bodies(rules, text, expected):
    assert labelled(rules, text, "ORG") == expected


def test_session_9c_counters_and_phrases_that_differ_only_in_tone_placement(rules):
    assert labelled(rules, "Khóa học có 480 tiết; xe chở 38.600 sản phẩm.", "QUANTITY") == ["480 tiết", "38.600 sản phẩm"]
    # the rank spelled either way is found, though the generator keeps one pattern of the two spellings
    assert labelled(rules, "Đại uý Lò Văn Hùng và Đại úy Lê Văn Nam.", "RANK") == ["Đại uý", "Đại úy"]


@pytest.mark.parametrize("text, expected", [
    # session 9c: family names "Mông" (Tày), "Hoắc" (Chinese); a full name whose middle word is no usual middle name
    # before a one-word verb said of persons only
    ("Công an huyện bắt Mông Văn Cẩn khi đang vận chuyển hàng. Tại tòa, Hứa Quang Diệu khai được người khác thuê.",
     ["Mông Văn Cẩn", "Hứa Quang Diệu"]),
    # not a people's name, nor before a verb said of things ("khai mạc")
    ("Đồng bào Mông đón Tết. Tại hội trường, Hồ Chí Minh khai mạc triển lãm ảnh.", []),
])
def test_session_9c_family_names_and_full_names_before_khai(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 9c: a byline in capitals after the last sentence of a paragraph
    ("Vụ án dự kiến được đưa ra xét xử trong tháng 1/2027. LÊ HẠNH", ["LÊ HẠNH"]),
    ("Công an tỉnh đã bàn giao đối tượng cho phía bạn. NGUYỄN VĂN HÒA - THU HÀ", ["NGUYỄN VĂN HÒA", "THU HÀ"]),
    # not a province, a headline or a credit after a colon
    ("Hai bên thống nhất tăng cường phối hợp. HÀ NAM", []),
    ("Đoàn đã đến thăm. VŨ KHÍ TỰ CHẾ", []),
])
def test_session_9c_a_byline_in_capitals_after_the_last_sentence(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


def test_session_9c_a_lao_province_spelled_with_a_falling_tone(rules):
    text = "Các cặp tỉnh kết nghĩa Bến Tre - Bò Li Khăm Xay và Hà Tĩnh - Bô Ly Khăm Xay."
    assert labelled(rules, text, "PROVINCE") == ["Bến Tre", "Bò Li Khăm Xay", "Hà Tĩnh", "Bô Ly Khăm Xay"]


@pytest.mark.parametrize("text, expected", [
    # session 10a: a given name opening a paragraph after the full name earlier in the document (an article is one
    # document, its paragraphs joined by newlines)
    ("Tổ công tác bắt Đinh Quốc Triều (29 tuổi) tại bờ suối.\nTriều có nhiệm vụ chạy xe cảnh giới.", ["Đinh Quốc Triều", "Triều"]),
    # ... not a given name that opens clauses as a common word ("Thắng lợi")
    ("Đại tá Lê Văn Thắng phát biểu.\nThắng lợi của chuyên án là nhờ dân.", ["Lê Văn Thắng"]),
    # a list of names of several words from a family name after a verb of arrest ("bắt" alone too), the last one
    # before a verb; two such items make a list of names of their own
    ("Công an phường Vĩnh Châu bắt Thạch Sà Phol, Lý Hoàng Em và Kim Sóc Ranh trộm cáp điện.",
     ["Thạch Sà Phol", "Lý Hoàng Em", "Kim Sóc Ranh"]),
    ("Tổ tuần tra bắt giữ Danh Sà Rết và Sơn Ma Ly khi đang vận chuyển hàng.", ["Danh Sà Rết", "Sơn Ma Ly"]),
    # ... not places after the verb (but a family name right before a province makes a name with it, session 28:
    # persons._surnames_before_a_province)
    ("Công an bắt Lê Hải Phòng và Trần Quốc Hưng Yên.", ["Lê Hải Phòng"]),
    # "cậu" is a cue like "anh"; a village elder ("già bản") like "già làng"
    ("Như đồng chí Thắng hay cậu Tài mới về đơn vị.", ["Thắng", "Tài"]),
    ("Dự có già bản Vì Văn Lả và Lầu Thị Dua.", ["Vì Văn Lả", "Lầu Thị Dua"]),
])
def test_session_10a_given_names_in_paragraphs_lists_after_arrest_and_cues(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


def test_session_10a_counters_of_camps(rules):
    assert labelled(rules, "Lực lượng tháo dỡ 2 lán trại và 3 lán.", "QUANTITY") == ["2 lán trại", "3 lán"]


@pytest.mark.parametrize("text, expected", [
    # session 10a: a byline with a reporter's post abbreviated, or the outlet that compiled it, in brackets
    ("Bảo Ngọc (P/v TTXVN tại Bangkok)", ["Bảo Ngọc"]),
    ("Hữu Nghị (PV Báo Nhân Dân tại Viêng Chăn)", ["Hữu Nghị"]),
    ("Minh Thư (TTXVN tổng hợp)", ["Minh Thư"]),
    # a driver is a person's noun before a name, as "đối tượng"
    ("Tài xế Khamsing Vongphachanh bị bắt tại chỗ.", ["Khamsing Vongphachanh"]),
    # a family name, then "Trường" and a given name: the name runs through the unit word
    ("Thông tin được chuyển qua Đại tá Võ Trường Sơn, tùy viên công an.", ["Võ Trường Sơn"]),
    ("Ông Võ nhập học Trường Đại học An ninh nhân dân.", ["Võ"]),
])
def test_session_10a_bylines_with_a_post_drivers_and_names_through_truong(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 10a: a foreigner named by a noun of persons and the country (the country is not annotated)
    ("Công an phường trao trả ví cho du khách Hàn Quốc Park Ji-hoon đánh rơi.", ["Park Ji-hoon"]),
    ("Đồn đã bàn giao công dân Trung Quốc Vương Lợi Minh cho phía bạn.", ["Vương Lợi Minh"]),
    # ... not a province after the country's first word
    ("Nhiều người Lào Cai cho biết giá hàng tăng.", []),
])
def test_session_10a_foreigners_named_with_their_country(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 10a: the agent after "do" before a verb of leading a ring: two or three words from a family name
    ("Đường dây do Điểu Lâm quản lý có 20 tài khoản.", ["Điểu Lâm"]),
    ("Nhóm do Thạch Sà Rết cầm đầu đã bị triệt phá.", ["Thạch Sà Rết"]),
    # ... not a province
    ("Tuyến đường do Hà Nội quản lý.", []),
])
def test_session_10a_agents_after_do(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


def test_session_10a_the_family_name_ong(rules):
    # "Ông" before "Thị" inside a sentence is a family name ("Ông" as "Mr." never precedes a woman's middle name)
    assert labelled(rules, "Huân chương được trao cho bà Ông Thị Kim Sa, cán bộ xã.", "PERSON") == ["Ông Thị Kim Sa"]
    assert labelled(rules, "Ông Trần Văn Lâm cho biết.", "PERSON") == ["Trần Văn Lâm"]


@pytest.mark.parametrize("text, label, expected", [
    # session 10b: a neighbour's police capitalised with its province alone, as "Công an Gia Lai"
    ("Cảnh sát Kandal trao trả hai công dân tại cửa khẩu.", "ORG", ["Cảnh sát Kandal"]),
    ("Cảnh sát Xiêng Khoảng phối hợp bắt giữ đối tượng.", "ORG", ["Cảnh sát Xiêng Khoảng"]),
    # ... not a Vietnamese province (its police is "Công an"), not the force in lower case
    ("Cảnh sát Hà Tĩnh hôm nay.", "ORG", []),
    ("lực lượng cảnh sát Kandal đã có mặt.", "ORG", []),
    # courts of appeal and of first instance named by their city
    ("Hồ sơ đã chuyển sang Tòa phúc thẩm Phnôm Pênh.", "ORG", ["Tòa phúc thẩm Phnôm Pênh"]),
    ("Tòa sơ thẩm Viêng Chăn xét xử vụ án.", "ORG", ["Tòa sơ thẩm Viêng Chăn"]),
    # a Khmer province transcribed with hyphens and an open first vowel
    ("Tiểu đoàn bảo vệ biên giới 705 tỉnh Mon-đun-ki-ri tuần tra.", "ORG",
     ["Tiểu đoàn bảo vệ biên giới 705 tỉnh Mon-đun-ki-ri"]),
    # "Thành phố" stays outside the city's name, as "TP" and "tỉnh" (scheme rule 2)
    ("Đoàn đến Thành phố Hồ Chí Minh và thành phố Hồ Chí Minh.", "PROVINCE", ["Hồ Chí Minh", "Hồ Chí Minh"]),
    # places counted in a campaign's round-up
    ("Lực lượng chức năng kiểm tra 1.250 địa điểm.", "QUANTITY", ["1.250 địa điểm"]),
])
def test_session_10b_neighbours_police_courts_and_city_names(rules, text, label, expected):
    assert labelled(rules, text, label) == expected


@pytest.mark.parametrize("text, expected", [
    # session 10b: a ministry before a verb that a department's description could run on into
    ("Ông cho biết Bộ Quốc phòng hỗ trợ nước bạn đào tạo cán bộ.", ["Bộ Quốc phòng"]),
    ("Bộ Y tế bảo vệ sức khỏe người dân vùng biên.", ["Bộ Y tế"]),
    ("Năm nay Bộ Tư pháp bồi dưỡng 30 cán bộ.", ["Bộ Tư pháp"]),
    # ... a department inside its ministry stays one ORG
    ("Cục Y tế Bộ Công an hỗ trợ đơn vị.", ["Cục Y tế Bộ Công an"]),
])
def test_session_10b_ministries_before_a_verb(rules, text, expected):
    assert labelled(rules, text, "ORG") == expected


@pytest.mark.parametrize("text, expected", [
    # session 10b: "Thường" (a given name) may end a name; it still starts no name ("Thường trực Tỉnh ủy")
    ("Huân chương được trao cho Đại tá Trần Văn Thường, Phó Giám đốc.", ["Trần Văn Thường"]),
    ("Thường trực Tỉnh ủy Quảng Bình tiếp đoàn.", []),
    # a numeral that is also a given name, before a counted noun and after no cue, counts
    ("Lò Văn Ba bị bắt. Ba đối tượng còn lại bỏ trốn.", ["Lò Văn Ba"]),
    ("Hai bị cáo còn lại là Lâm Văn Tú và Kim Bé Hai.", ["Lâm Văn Tú", "Kim Bé Hai"]),
    # ... a given name alone before a verb, or after a cue, stays a name
    ("Lò Văn Ba bị bắt. Ba khai nhận hành vi.", ["Lò Văn Ba", "Ba"]),
    ("Kim Bé Hai bị bắt. Ông Hai cho biết.", ["Kim Bé Hai", "Hai"]),
])
def test_session_10b_given_names_thuong_and_numerals(rules, text, expected):
    assert labelled(rules, text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    # session 10b: a portal named by its national body, in any form of the portal's words
    ("Theo Cổng TTĐT Bộ Công an", ["Cổng TTĐT Bộ Công an"]),
    ("Theo Cổng thông tin điện tử Bộ Ngoại giao, đoàn đã về nước.", ["Cổng thông tin điện tử Bộ Ngoại giao"]),
    # ... not the portal's words alone
    ("Thông tin được đăng trên cổng TTĐT của đơn vị.", []),
])
def test_session_10b_portals_of_national_bodies(rules, text, expected):
    assert labelled(rules, text, "ORG") == expected


@pytest.mark.parametrize("text, expected", [
    # session 10b: a provincial political school named after a person is one ORG (the person inside is no PERSON)
    ("Lớp học mở tại Trường Chính trị Lê Hồng Phong, Công an tỉnh X phối hợp.", ["Trường Chính trị Lê Hồng Phong"]),
    ("Đoàn thăm Trường Chính trị Hoàng Văn Thụ.", ["Trường Chính trị Hoàng Văn Thụ"]),
    # ... not the school's words alone
    ("Cán bộ được cử đi học ở Trường Chính trị.", []),
])
def test_session_10b_political_schools_named_after_a_person(rules, text, expected):
    assert labelled(rules, text, "ORG") == expected


# Whitespace that spaCy keeps as a token of its own, and text in NFD (vner.model.helpers.rules_view): the rules
# read through them as through clean text, and the Doc keeps the text as given.
def spans(doc):
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def squeezed(doc):
    return [(unicodedata.normalize("NFC", " ".join(e.text.replace("\u200b", " ").split())), e.label_) for e in doc.ents]


@pytest.mark.parametrize("space", ["\u00a0", "\t", "\u202f"])
def test_the_rules_read_through_a_no_break_space_or_a_tab(rules, space):
    for doc in gold_docs():
        text = doc.text.replace(" ", space)  # one character for one: the same offsets
        got = rules(text)
        assert got.text == text
        assert spans(got) == spans(rules(doc.text)) and len(got.ents) > 20, doc.user_data["id"]


@pytest.mark.parametrize("extra", ["  ", " \u200b", "\u00a0 "])
def test_the_rules_read_through_doubled_and_invisible_spaces(rules, extra):
    for doc in gold_docs():
        text = doc.text.replace(" ", extra)
        got = rules(text)
        assert got.text == text
        assert squeezed(got) == squeezed(rules(doc.text)), doc.user_data["id"]
        assert all(e.text == e.text.strip() for e in got.ents)


def test_the_rules_read_text_in_nfd(rules):
    for doc in gold_docs():
        text = unicodedata.normalize("NFD", doc.text.replace(" ", "\u00a0", 40))
        got = rules(text)
        assert got.text == text and text != doc.text
        assert squeezed(got) == squeezed(rules(doc.text)) and len(got.ents) > 20, doc.user_data["id"]


def test_a_trained_pipeline_reads_through_no_break_spaces_and_nfd_and_keeps_the_text(tiny_model):
    from vner.evaluation.crossval import variant_pipes
    from vner.model.nlp import load_pipeline

    nlp = load_pipeline(tiny_model)
    for doc in gold_docs():
        text = doc.text.replace(" ", "\u00a0")
        got = nlp(text)
        assert got.text == text and got[0].idx == 0
        assert spans(got) == spans(nlp(doc.text)), doc.user_data["id"]
        nfd = unicodedata.normalize("NFD", doc.text)
        got = nlp(nfd)
        assert got.text == nfd
        with nlp.select_pipes(enable=variant_pipes(nlp)["rules"]):
            assert squeezed(nlp(nfd)) == squeezed(nlp(doc.text)), doc.user_data["id"]


# A large Matcher of bounded patterns (the quantities: a number, a multiplier or two, a unit of one to three
# words) is split by its anchor, the first later word it requires: at each number only the patterns of the unit
# words found one to three tokens on run (ruler._AnchoredPatterns). The matches must stay spaCy's.
UNITS = ["vụ", "đối tượng", "bánh", "viên", "kg", "tỷ đồng", "nhân dân tệ", "kíp nổ", "tấn", "người", "lượt"]
NUMBER = {"TEXT": {"REGEX": "^\\d+(?:[.,]\\d+)*$"}}
ANCHORED_PATTERNS = [
    {"label": "QUANTITY", "pattern": [NUMBER, {"LOWER": {"IN": ["nghìn", "triệu", "tỷ"]}, "OP": "{0,2}"},
                                      *({"LOWER": w} for w in unit.split())]} for unit in UNITS
] + [
    # no anchor: always run
    {"label": "_BARE", "pattern": [NUMBER, {"IS_PUNCT": True, "OP": "?"}]},
    {"label": "_GLUED", "pattern": [NUMBER, {"LOWER": "kg"}, {"IS_TITLE": True, "OP": "?"}, {"_": {"vner_glued": True}, "OP": "{0,2}"}]},
]
ANCHORED_TEXTS = [
    "Bắt 15 đối tượng, thu 2 bánh, 15 nghìn viên, 3,5 tỷ đồng và 50 nghìn nhân dân tệ; 12 kg; 4 5 vụ 6 triệu tỷ người.",
    "27 vụ\n\n1 2 3 kíp nổ 7 kg Xổm-phăn 8 tấn 9 lượt 10 nghìn nghìn nghìn viên 11",
    "1.200 1 tỷ 2 triệu 3",
]


def anchored_pipelines():
    """``pipelines`` with vner_token_classes first: it marks the glued syllables ("Xổm-phăn") the patterns test."""
    plain, gated = make_nlp(), make_nlp()
    for nlp, factory in ((plain, "span_ruler"), (gated, "vner_span_ruler")):
        nlp.add_pipe("vner_token_classes")
        nlp.add_pipe(factory, name="span_ruler", config={"spans_key": "found"}).add_patterns(ANCHORED_PATTERNS)
    return plain, gated


@pytest.mark.parametrize("text", ANCHORED_TEXTS)
def test_a_large_matcher_split_by_anchor_words_finds_what_span_ruler_finds(text):
    plain, gated = anchored_pipelines()
    assert found(gated(text)) == found(plain(text))
    assert any(isinstance(split, ruler._AnchoredPatterns) for split in gated.get_pipe("span_ruler")._split.values())
    assert ruler._anchor(ANCHORED_PATTERNS[1]["pattern"])[1:3] == (1, 3)
    assert ruler._anchor(ANCHORED_PATTERNS[-2]["pattern"]) is None


def test_anchored_quantities_are_found():
    _, gated = anchored_pipelines()
    doc = gated(ANCHORED_TEXTS[0])
    spans = {s.text for s in doc.spans["found"] if s.label_ == "QUANTITY"}
    assert {"15 đối tượng", "15 nghìn viên", "3,5 tỷ đồng", "50 nghìn nhân dân tệ", "12 kg", "6 triệu tỷ người"} <= spans
    doc = gated(ANCHORED_TEXTS[1])
    assert "7 kg Xổm-phăn" in {s.text for s in doc.spans["found"] if s.label_ == "_GLUED"}


def test_paragraphs_passed_over_by_the_bylines_step_hold_no_byline(rules, monkeypatch):
    """persons._may_end_a_byline skips a paragraph without reading its words when no token that could end a
    byline's names ends it: the output is the same as reading every paragraph, and most paragraphs are skipped."""
    from vner.model import persons

    texts = [d.text for d in gold_docs()] + [
        "Tin tức hôm nay.\nHoàng Minh Tú", "Ảnh: Minh Khôi\nT.L", "Bài viết.\nQuang Minh/Báo Công an nhân dân",
        "Nội dung.\nThu Hằng tổng hợp", "Nội dung.\nMinh Khôi (TTXVN)", "Họp bàn trong tháng 1. LÊ HẠNH",
        "Nội dung.\nHồng Nhung – Anh Cường", "Nội dung.\nN.V.Hùng.", "Nội dung.\nXổm-phăn Phẹng-khăm-mi",
    ]
    seen = []
    real = persons._may_end_a_byline

    def counted(*args):
        seen.append(real(*args))
        return seen[-1]

    monkeypatch.setattr(persons, "_may_end_a_byline", counted)
    filtered = [[(e.start, e.end, e.label_) for e in doc.ents] for doc in rules.pipe(texts)]
    monkeypatch.setattr(persons, "_may_end_a_byline", lambda *args: True)
    every = [[(e.start, e.end, e.label_) for e in doc.ents] for doc in rules.pipe(texts)]
    assert filtered == every
    assert seen.count(False) > len(seen) / 3
    assert ("Hoàng Minh Tú", "PERSON") in {(e.text, e.label_) for e in rules(texts[-9]).ents}


def test_expression_gates_start_afresh_past_their_limit(monkeypatch):
    """The words an expression gate was tested on are kept per ruler up to a limit; past it the ruler starts
    afresh and still finds what spaCy's span_ruler finds."""
    monkeypatch.setattr(ruler, "_REGEX_TESTED_MAX", 5)
    plain, gated = anchored_pipelines()
    for text in ANCHORED_TEXTS * 2:
        assert found(gated(text)) == found(plain(text))
    assert all(len(tested) <= 5 + 40 for tested in gated.get_pipe("span_ruler")._regex_tested.values())
