"""The one place that calls seqeval: strict, IOB2, entity level.

seqeval's default ("conlleval") mode is lenient: it turns a stray `I-PER`
into an entity and counts `B-PER I-ORG` as a partial PER. Strict mode is only
on when a scheme is passed as well, so every score in vner goes through
`entity_scores`, which always passes both.
"""

from typing import Sequence

from seqeval.metrics import classification_report
from seqeval.scheme import IOB2, Entities
from spacy.tokens import Doc

from .error_analysis import label_order

AVERAGES = {"micro avg": "micro", "macro avg": "macro", "weighted avg": "weighted"}


def doc_to_iob(doc: Doc) -> list[str]:
    """IOB2 tags of `doc.ents`, one per token (`O` outside entities).

    >>> from vner.model.nlp import make_nlp
    >>> doc = make_nlp()("Đại tá Lê Văn Thái")
    >>> doc.ents = [doc.char_span(0, 6, "RANK"), doc.char_span(7, 18, "PERSON")]
    >>> doc_to_iob(doc)
    ['B-RANK', 'I-RANK', 'B-PERSON', 'I-PERSON', 'I-PERSON']
    """
    return [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc]


def entity_scores(y_true: Sequence[Sequence[str]], y_pred: Sequence[Sequence[str]]) -> dict:
    """Strict entity-level precision, recall and F1 per label and averaged.

    Returns `{"per_entity": {label: scores}, "micro": scores, "macro": scores,
    "weighted": scores, "counts": {label or "micro": {"tp", "fp", "fn"}}}`
    where scores are `{"p", "r", "f", "support"}` (support = number of gold
    entities). A label only predicted has support 0 and scores 0; with no
    entities anywhere every average is 0. This is the one score format of
    vner: evaluation, cross-validation, curves, the rules' scores,
    inter-annotator agreement and the model card all use it.

    >>> s = entity_scores([["B-PER", "I-PER", "O", "B-ORG"]], [["B-PER", "I-PER", "O", "O"]])
    >>> s["per_entity"]["PER"], s["micro"]["f"]
    ({'p': 1.0, 'r': 1.0, 'f': 1.0, 'support': 1}, 0.6666666666666666)
    >>> s["counts"]["ORG"], s["counts"]["micro"]
    ({'tp': 0, 'fp': 0, 'fn': 1}, {'tp': 1, 'fp': 0, 'fn': 1})
    >>> entity_scores([["I-PER", "I-PER"]], [["I-PER", "I-PER"]])["micro"]  # not an IOB2 entity
    {'p': 0.0, 'r': 0.0, 'f': 0.0, 'support': 0}
    """
    y_true = [list(seq) for seq in y_true]
    y_pred = [list(seq) for seq in y_pred]
    if len(y_true) != len(y_pred) or any(len(a) != len(b) for a, b in zip(y_true, y_pred)):
        raise ValueError("y_true and y_pred must have the same number of sequences and tags")
    zero = {"p": 0.0, "r": 0.0, "f": 0.0, "support": 0}
    labels = _labels(y_true) | _labels(y_pred)
    if not labels:
        # seqeval averages over an empty label set (NaN plus a RuntimeWarning).
        return {"per_entity": {}, **{name: dict(zero) for name in AVERAGES.values()}, "counts": {"micro": {"tp": 0, "fp": 0, "fn": 0}}}
    true, pred = Entities(y_true, IOB2), Entities(y_pred, IOB2)
    report = classification_report(y_true, y_pred, output_dict=True, mode="strict", scheme=IOB2, zero_division=0)
    result = {"per_entity": {}}
    for key, row in report.items():
        scores = {"p": float(row["precision"]), "r": float(row["recall"]), "f": float(row["f1-score"]), "support": int(row["support"])}
        if key in AVERAGES:
            result[AVERAGES[key]] = scores
        else:
            result["per_entity"][key] = scores
    result["per_entity"] = {label: result["per_entity"][label] for label in label_order(result["per_entity"])}
    result["counts"] = counts = {}
    for label in result["per_entity"]:
        t, p = set(true.filter(label)), set(pred.filter(label))
        counts[label] = {"tp": len(t & p), "fp": len(p - t), "fn": len(t - p)}
    counts["micro"] = {key: sum(c[key] for c in counts.values()) for key in ("tp", "fp", "fn")}
    return result


def _labels(sequences: list[list[str]]) -> set[str]:
    return set(Entities(sequences, IOB2).unique_tags)
