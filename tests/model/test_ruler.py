"""vner/model/ruler.py: the rules-stage components shipped inside models.

The gated span ruler must give exactly the matches of spaCy's span_ruler;
it is compared with it on hand-made patterns (including the cases the gate
must not skip) and on the shipped patterns over the seed documents.
"""

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
    # optional first token: cannot be gated
    {"label": "QUANTITY", "pattern": [{"LOWER": "khoảng", "OP": "?"}, {"LIKE_NUM": True}, {"LOWER": "vụ"}]},
    # a wildcard may match a newline: gated on the whole document, never per paragraph
    {"label": "_SPLIT", "pattern": [{"LOWER": "kết"}, {}, {"LOWER": "luận"}]},
    {"label": "ORG", "pattern": "Bộ Công an"},
]
TEXTS = [
    "Đại tá Lê Văn Thái, Công an tỉnh Nghệ An và Cục C10, Sở X5 bắt 27 vụ, khoảng 30 vụ.",
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
