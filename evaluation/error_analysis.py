"""Entity-level error analysis: what kind of mistake each wrong span is.

Strict F1 says how often the model is right; this says how it is wrong.
Gold and predicted spans of a document are paired one to one, closest
match first, and every span ends in exactly one outcome, so the counts add
up: correct + wrong type + wrong boundary + wrong type and boundary +
missed = gold entities, and the same with spurious = predicted entities.
"""

from collections import Counter
from typing import Iterable, NamedTuple, Sequence

from vner.core.scheme import labels as scheme_labels

CATEGORIES = {
    "correct": "same span, same label",
    "wrong_type": "same span, other label",
    "wrong_boundary": "overlapping span, same label",
    "wrong_type_boundary": "overlapping span, other label",
    "missed": "gold entity with no overlapping prediction",
    "spurious": "prediction with no overlapping gold entity",
}
ERRORS = [c for c in CATEGORIES if c != "correct"]
SPURIOUS_ROW = "(spurious)"
MISSED_COLUMN = "(missed)"


class Ent(NamedTuple):
    start: int  # character offsets into the document text
    end: int
    label: str


class Outcome(NamedTuple):
    category: str
    gold: Ent | None
    pred: Ent | None


def _overlap(a: Ent, b: Ent) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


# Pairing stages, strictest first: a span is paired at the first stage where
# it has a partner still free.
_STAGES = [
    ("correct", lambda g, p: (g.start, g.end) == (p.start, p.end) and g.label == p.label),
    ("wrong_type", lambda g, p: (g.start, g.end) == (p.start, p.end)),
    ("wrong_boundary", lambda g, p: g.label == p.label and _overlap(g, p) > 0),
    ("wrong_type_boundary", lambda g, p: _overlap(g, p) > 0),
]


def match_entities(gold: Iterable[Ent], pred: Iterable[Ent]) -> list[Outcome]:
    """Pair gold and predicted spans of one document and name each outcome.

    >>> gold = [Ent(0, 20, "ORG"), Ent(25, 32, "PERSON"), Ent(40, 44, "RANK")]
    >>> pred = [Ent(13, 20, "PROVINCE"), Ent(25, 32, "PERSON"), Ent(50, 55, "ORG")]
    >>> [o.category for o in match_entities(gold, pred)]
    ['wrong_type_boundary', 'correct', 'missed', 'spurious']
    """
    gold, pred = sorted(set(gold)), sorted(set(pred))
    free_gold, free_pred = set(range(len(gold))), set(range(len(pred)))
    pairs: list[tuple[int, int, str]] = []
    for category, fits in _STAGES:
        for gi in sorted(free_gold):
            candidates = [pi for pi in sorted(free_pred) if fits(gold[gi], pred[pi])]
            if candidates:
                pi = max(candidates, key=lambda i: _overlap(gold[gi], pred[i]))
                pairs.append((gi, pi, category))
                free_gold.discard(gi)
                free_pred.discard(pi)
    outcomes = [Outcome(category, gold[gi], pred[pi]) for gi, pi, category in pairs]
    outcomes += [Outcome("missed", gold[gi], None) for gi in free_gold]
    outcomes += [Outcome("spurious", None, pred[pi]) for pi in free_pred]
    return sorted(outcomes, key=lambda o: ((o.gold or o.pred).start, (o.gold or o.pred).end))


def label_order(labels: Iterable[str]) -> list[str]:
    """Scheme labels first, in scheme order, then any others alphabetically."""
    labels = set(labels)
    return [label for label in scheme_labels() if label in labels] + sorted(labels - set(scheme_labels()))


def confusion_matrix(outcomes: Iterable[Outcome], labels: Sequence[str] = ()) -> dict:
    """Entity-level confusion: rows gold label or "(spurious)", columns
    predicted label or "(missed)".

    Paired spans (exact or overlapping) count under their two labels, so the
    diagonal holds correct spans and boundary errors; row sums are gold
    counts per label and column sums predicted counts.

    >>> out = match_entities([Ent(0, 5, "ORG"), Ent(9, 12, "RANK")], [Ent(0, 5, "PROVINCE")])
    >>> m = confusion_matrix(out)
    >>> m["rows"], m["columns"], m["matrix"]
    (['RANK', 'ORG', 'PROVINCE', '(spurious)'], ['RANK', 'ORG', 'PROVINCE', '(missed)'], [[0, 0, 0, 1], [0, 0, 1, 0], [0, 0, 0, 0], [0, 0, 0, 0]])
    """
    outcomes = list(outcomes)
    seen = {e.label for o in outcomes for e in (o.gold, o.pred) if e is not None}
    names = label_order(set(labels) | seen)
    rows, columns = names + [SPURIOUS_ROW], names + [MISSED_COLUMN]
    cells: Counter = Counter()
    for o in outcomes:
        cells[(o.gold.label if o.gold else SPURIOUS_ROW, o.pred.label if o.pred else MISSED_COLUMN)] += 1
    return {"rows": rows, "columns": columns, "matrix": [[cells[(r, c)] for c in columns] for r in rows]}


def count_outcomes(outcomes: Iterable[Outcome]) -> dict[str, int]:
    counts = Counter(o.category for o in outcomes)
    return {category: counts[category] for category in CATEGORIES}
