"""vner_scheme_constraints: what the statistical NER may add to the rules' entities."""

import pytest

from vner.model.features import RULES_KEY, RememberRules, SchemeConstraints
from vner.model.nlp import make_nlp

TEXT = "Đại tá Lê Văn Thái đến Hà Tĩnh năm 2022 , thu 25kg và 27 vụ , 6 tháng , giám đốc Sở"


def ents(doc, *spans):
    out = []
    for surface, label in spans:
        start = doc.text.index(surface)
        out.append(doc.char_span(start, start + len(surface), label))
    return out


@pytest.fixture
def doc():
    doc = make_nlp()(TEXT)
    doc.ents = ents(doc, ("Đại tá", "RANK"), ("Hà Tĩnh", "PROVINCE"))  # the rules' entities
    return RememberRules()(doc)


@pytest.mark.parametrize("surface, label, kept", [
    ("Lê Văn Thái", "PERSON", True),
    ("25kg", "QUANTITY", True),       # glued unit
    ("27 vụ", "QUANTITY", True),
    ("2022", "QUANTITY", False),      # a bare number (a year) is no QUANTITY
    ("6 tháng", "QUANTITY", False),   # a duration is a time expression (scheme rule 5)
    ("thu", "QUANTITY", False),       # no digit at all
    ("năm", "PROVINCE", False),       # provinces come from the rules' lists only
    ("giám đốc", "ORG", False),       # a body's name starts with a capital
    ("Sở", "ORG", True),
])
def test_what_the_ner_may_add(doc, surface, label, kept):
    doc.ents = list(doc.ents) + ents(doc, (surface, label))  # the NER fills a gap
    out = SchemeConstraints(["RANK", "PROVINCE"])(doc)
    assert ((surface, label) in {(e.text, e.label_) for e in out.ents}) is kept
    assert {("Đại tá", "RANK"), ("Hà Tĩnh", "PROVINCE")} <= {(e.text, e.label_) for e in out.ents}  # rules stay
    assert RULES_KEY not in out.spans


def test_a_rule_entity_of_a_closed_label_stays(doc):
    out = SchemeConstraints(["RANK", "PROVINCE"])(doc)
    assert [(e.text, e.label_) for e in out.ents] == [("Đại tá", "RANK"), ("Hà Tĩnh", "PROVINCE")]


def test_the_components_save_and_load_with_a_pipeline(tmp_path):
    import spacy

    nlp = make_nlp()
    nlp.add_pipe("vner_remember_rules")
    nlp.add_pipe("vner_scheme_constraints", config={"closed_labels": ["RANK"]})
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert loaded.pipe_names == ["vner_remember_rules", "vner_scheme_constraints"]
    assert loaded.get_pipe("vner_scheme_constraints").closed_labels == {"RANK"}


def test_without_ner_additions_only_the_rules_entities_stay(doc):
    doc.ents = list(doc.ents) + ents(doc, ("Lê Văn Thái", "PERSON"))
    out = SchemeConstraints(["RANK", "PROVINCE"], ner_adds=False)(doc)
    assert [(e.text, e.label_) for e in out.ents] == [("Đại tá", "RANK"), ("Hà Tĩnh", "PROVINCE")]
