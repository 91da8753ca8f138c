"""Span pairing: every gold and predicted span ends in exactly one outcome."""

import pytest

from vner.evaluation.error_analysis import MISSED_COLUMN, SPURIOUS_ROW, Ent, confusion_matrix, count_outcomes, match_entities

ORG = Ent(0, 20, "ORG")


@pytest.mark.parametrize(
    "pred,expected",
    [
        ([Ent(0, 20, "ORG")], ["correct"]),
        ([Ent(0, 20, "PROVINCE")], ["wrong_type"]),
        ([Ent(13, 20, "ORG")], ["wrong_boundary"]),
        ([Ent(0, 25, "ORG")], ["wrong_boundary"]),
        ([Ent(13, 20, "PROVINCE")], ["wrong_type_boundary"]),
        ([], ["missed"]),
        ([Ent(30, 35, "ORG")], ["missed", "spurious"]),
        ([Ent(20, 25, "ORG")], ["missed", "spurious"]),  # touching is not overlapping
        # Two predictions inside one gold span: the larger overlap pairs, the other is spurious.
        ([Ent(0, 7, "ORG"), Ent(8, 20, "ORG")], ["spurious", "wrong_boundary"]),
        # An exact match wins over an earlier overlapping one.
        ([Ent(0, 12, "ORG"), Ent(0, 20, "ORG")], ["correct", "spurious"]),
    ],
)
def test_outcome_of_one_gold_span(pred, expected):
    outcomes = match_entities([ORG], pred)
    assert sorted(o.category for o in outcomes) == sorted(expected)
    assert sum(o.gold is not None for o in outcomes) == 1
    assert sum(o.pred is not None for o in outcomes) == len(pred)


def test_one_prediction_over_two_gold_spans_pairs_once():
    gold = [Ent(0, 6, "RANK"), Ent(7, 18, "PERSON")]
    outcomes = match_entities(gold, [Ent(0, 18, "PERSON")])
    assert sorted(o.category for o in outcomes) == ["missed", "wrong_boundary"]
    (paired,) = [o for o in outcomes if o.pred]
    assert paired.gold == Ent(7, 18, "PERSON")


def test_counts_and_confusion_add_up():
    gold = [Ent(0, 20, "ORG"), Ent(21, 28, "PERSON"), Ent(30, 34, "RANK"), Ent(40, 45, "QUANTITY")]
    pred = [Ent(13, 20, "PROVINCE"), Ent(21, 28, "PERSON"), Ent(30, 34, "ORG"), Ent(50, 52, "PERSON")]
    outcomes = match_entities(gold, pred)
    counts = count_outcomes(outcomes)
    assert counts == {"correct": 1, "wrong_type": 1, "wrong_boundary": 0, "wrong_type_boundary": 1, "missed": 1, "spurious": 1}
    m = confusion_matrix(outcomes)
    cell = lambda r, c: m["matrix"][m["rows"].index(r)][m["columns"].index(c)]  # noqa: E731
    assert cell("ORG", "PROVINCE") == 1 and cell("RANK", "ORG") == 1 and cell("PERSON", "PERSON") == 1
    assert cell("QUANTITY", MISSED_COLUMN) == 1 and cell(SPURIOUS_ROW, "PERSON") == 1
    for label in {e.label for e in gold}:
        assert sum(m["matrix"][m["rows"].index(label)]) == sum(e.label == label for e in gold)
    for label in {e.label for e in pred}:
        assert sum(row[m["columns"].index(label)] for row in m["matrix"]) == sum(e.label == label for e in pred)
    assert sum(map(sum, m["matrix"])) == len(outcomes)


def test_confusion_lists_requested_labels_even_without_spans():
    m = confusion_matrix([], labels=["QUANTITY", "XYZ"])
    assert m["rows"] == ["QUANTITY", "XYZ", SPURIOUS_ROW] and m["columns"] == ["QUANTITY", "XYZ", MISSED_COLUMN]
    assert not any(map(any, m["matrix"]))
