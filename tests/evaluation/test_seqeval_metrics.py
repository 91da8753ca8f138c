"""The seqeval wrapper is strict (IOB2) and agrees with spaCy's scorer."""

import pytest
from seqeval.metrics import classification_report, f1_score
from spacy.scorer import Scorer
from spacy.training import Example, biluo_tags_to_spans, iob_to_biluo

from vner.evaluation.metrics import doc_to_iob, entity_scores
from vner.model.nlp import make_nlp


@pytest.mark.parametrize(
    "gold,pred,label",
    [
        # A sequence starting with I- is not an entity in IOB2; lenient
        # seqeval reads it as PER and calls the prediction perfect.
        (["B-PER", "I-PER", "O"], ["I-PER", "I-PER", "O"], "PER"),
        # An I-ORG right after B-PER starts nothing in IOB2; lenient seqeval
        # makes it a one-token ORG that matches the gold one.
        (["B-PER", "B-ORG"], ["B-PER", "I-ORG"], "ORG"),
    ],
)
def test_wrapper_is_strict_where_seqeval_default_is_lenient(gold, pred, label):
    lenient = classification_report([gold], [pred], output_dict=True, zero_division=0)
    strict = entity_scores([gold], [pred])
    assert lenient[label]["recall"] == 1.0  # the default mode counts it...
    assert strict["per_entity"][label]["r"] == 0.0  # ...the wrapper does not
    assert strict["micro"]["f"] < f1_score([gold], [pred])


@pytest.mark.parametrize(
    "gold,pred,p,r",
    [
        (["B-ORG", "I-ORG", "O", "B-PER"], ["B-ORG", "I-ORG", "O", "B-PER"], 1.0, 1.0),
        (["B-ORG", "I-ORG", "I-ORG"], ["B-ORG", "I-ORG", "O"], 0.0, 0.0),  # boundary
        (["B-ORG", "I-ORG"], ["B-PER", "I-PER"], 0.0, 0.0),  # type
        (["B-ORG", "B-ORG"], ["B-ORG", "I-ORG"], 0.0, 0.0),  # two adjacent vs one
        (["B-ORG", "B-ORG"], ["B-ORG", "B-ORG"], 1.0, 1.0),
        (["B-ORG", "O", "B-RANK"], ["B-ORG", "O", "O"], 1.0, 0.5),
        (["O", "O"], ["B-PER", "O"], 0.0, 0.0),  # only spurious
    ],
)
def test_micro_scores_on_hand_built_sequences(gold, pred, p, r):
    micro = entity_scores([gold], [pred])["micro"]
    assert (micro["p"], micro["r"]) == (p, r)
    assert micro["f"] == (0.0 if p + r == 0 else 2 * p * r / (p + r))


def test_scores_have_per_entity_rows_averages_and_plain_types():
    s = entity_scores([["B-ORG", "I-ORG", "O", "B-RANK"], ["B-PERSON"]], [["B-ORG", "I-ORG", "O", "O"], ["B-RANK"]])
    assert list(s["per_entity"]) == ["PERSON", "RANK", "ORG"]  # scheme order
    assert s["per_entity"]["RANK"] == {"p": 0.0, "r": 0.0, "f": 0.0, "support": 1}
    assert s["micro"]["support"] == 3 and s["macro"]["support"] == 3
    assert s["macro"]["f"] == pytest.approx((0 + 0 + 1) / 3)
    for scores in [*s["per_entity"].values(), s["micro"], s["macro"], s["weighted"]]:
        assert {type(scores[k]) for k in ("p", "r", "f")} == {float} and type(scores["support"]) is int


def test_no_entities_anywhere_scores_zero_without_warnings():
    assert entity_scores([["O", "I-PER"]], [["O", "O"]])["micro"] == {"p": 0.0, "r": 0.0, "f": 0.0, "support": 0}


def test_mismatched_sequences_are_refused():
    with pytest.raises(ValueError):
        entity_scores([["O", "O"]], [["O"]])


def test_doc_to_iob_round_trips_through_spacy_iob():
    nlp = make_nlp()
    doc = nlp("Thiếu tướng Phạm Thế Tùng, Công an tỉnh Nghệ An")
    doc.ents = [doc.char_span(0, 11, "RANK"), doc.char_span(12, 25, "PERSON"), doc.char_span(27, 47, "ORG")]
    tags = doc_to_iob(doc)
    assert len(tags) == len(doc)
    assert tags[:5] == ["B-RANK", "I-RANK", "B-PERSON", "I-PERSON", "I-PERSON"]
    assert tags[5] == "O" and tags[6] == "B-ORG" and tags[-1] == "I-ORG"
    again = nlp.make_doc(doc.text)
    again.ents = biluo_tags_to_spans(again, iob_to_biluo(tags))
    assert [(e.start_char, e.end_char, e.label_) for e in again.ents] == [(e.start_char, e.end_char, e.label_) for e in doc.ents]


@pytest.mark.slow
@pytest.mark.parametrize("model", ["tiny_model", "ruler_model"])
def test_micro_f1_equals_spacy_ents_f(model, request, seed_docs):
    """Same documents, same (syllable) tokens: our strict micro-F1 is spaCy's ents_f."""
    import spacy

    nlp = spacy.load(request.getfixturevalue(model))
    examples = [Example(nlp(gold.text), gold) for gold in seed_docs]
    spacy_f = Scorer.score_spans(examples, "ents")["ents_f"]
    ours = entity_scores([doc_to_iob(e.reference) for e in examples], [doc_to_iob(e.predicted) for e in examples])
    assert spacy_f > 0, "the model finds no entity: the comparison would be vacuous"
    assert abs(ours["micro"]["f"] - spacy_f) < 1e-9
    assert abs(ours["micro"]["p"] - Scorer.score_spans(examples, "ents")["ents_p"]) < 1e-9
