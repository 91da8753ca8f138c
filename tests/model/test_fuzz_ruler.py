"""The rules stage on generated text: never an exception, only scheme labels.

The resolver reads whole documents (credits, bylines, lists, brackets,
names in capitals, glued syllables), so it indexes neighbours of tokens at
every turn. Hypothesis strings together the words and marks those steps look
for, in any order, at paragraph edges and document ends.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vner.annotation.rules import rules_pipeline

SCHEME = {"PERSON", "RANK", "ORG", "PROVINCE", "QUANTITY"}
WORDS = st.sampled_from([
    "Ảnh:", "Ảnh", ":", "(", ")", "SN", "1990", "sinh", "năm", "Nguyễn", "Văn", "An", "và", ",", ";", "-", "–", "'",
    "H'Linh", "Xổm-phăn", "ĐẠI", "TÁ", "NGUYỄN", "VĂN", "Đại", "tá", "Công", "an", "tỉnh", "Nghệ", "Theo", "Trung",
    "cho", "biết", "các", "đồng", "chí", "Phó", "Giám", "đốc", "\n", "\n\n", "TP.HCM", "10tấn", "1", "tỷ", "200",
    "triệu", "đồng", "/", "Báo", "Thành", "ủy", "Vinh", "Lò", "Pọm", "Ng.Hùng", "P.V", "Hùng", "ký", ".", "Vụ",
    "Hợp", "tác", "Bộ", "Quốc", "Nam", "Đồn", "Biên", "phòng", "cửa", "khẩu", "(BLO)", "BLO", "T.H.", "%", "25%",
    "\u00a0", "\t", "\u200b", "  ", "Nghe\u0323\u0302", "Vie\u0323\u0302t", "\u0301",
])
TEXTS = st.lists(st.tuples(WORDS, st.sampled_from([" ", " ", ""])), max_size=30).map(
    lambda pieces: "".join(word + space for word, space in pieces))

_NLP = []


def rules():
    if not _NLP:
        _NLP.append(rules_pipeline())
    return _NLP[0]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_rules_never_fail_and_give_scheme_entities(text):
    doc = rules()(text)
    assert doc.text == text  # read without its inline whitespace (no-break, doubled, zero-width), never changed
    for ent in doc.ents:
        assert ent.label_ in SCHEME, (text, ent.text, ent.label_)
        assert ent.text.strip() == ent.text and ent.text, (text, ent.text)


# The gated ruler against spaCy's span_ruler on generated text: same matches for patterns of every kind the
# gate handles (a first word, an expression, an optional first token, an anchor word after a number, runs of
# entities, glued syllables).
_GATED_WORDS = st.sampled_from(["1", "27", "3,5", "nghìn", "tỷ", "đồng", "vụ", "đối", "tượng", "Đại", "tá", "ông",
                                "Lê", "Văn", "trong", "năm", "Xổm-phăn", "-", ",", "\n", "\n\n", "kg", "Sở", "Tư"])
_GATED_TEXTS = st.lists(st.tuples(_GATED_WORDS, st.sampled_from([" ", ""])), max_size=25).map(
    lambda pieces: "".join(word + space for word, space in pieces))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_GATED_TEXTS)
def test_gated_ruler_equals_span_ruler_on_generated_text(text):
    from spacy.lang.vi import Vietnamese  # noqa: F401  (make_nlp's language)
    from tests.model.test_ruler import ANCHORED_PATTERNS, PATTERNS, RUN_PATTERNS, found, make_nlp, with_ranks

    if not _GATED:
        pair = []
        for factory in ("span_ruler", "vner_span_ruler"):
            nlp = with_ranks(make_nlp())
            nlp.add_pipe("vner_token_classes")
            nlp.add_pipe(factory, name="span_ruler", config={"spans_key": "found"}).add_patterns(
                PATTERNS + RUN_PATTERNS + ANCHORED_PATTERNS)
            pair.append(nlp)
        _GATED.append(pair)
    plain, gated = _GATED[0]
    assert found(gated(text)) == found(plain(text))


_GATED = []
