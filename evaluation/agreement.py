"""Inter-annotator agreement on a Label Studio export.

For every task that two or more people annotated (non-cancelled, distinct
`completed_by`), each pair of annotators is compared two ways: entity
scores of the second against the first (`entity_scores`, strict seqeval on
the syllable tokens, the score format of every vner evaluation) and Cohen's
kappa over the same tokens, each token labelled from the spans through
spaCy's own alignment (`doc.char_span`). Where the two differ is listed span
by span.
"""

import itertools
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from spacy.language import Language

from vner.annotation.pull import annotator_name
from vner.core.text import normalize
from vner.model.nlp import make_nlp

from .metrics import entity_scores

logger = logging.getLogger(__name__)

OUTSIDE = "O"


@dataclass
class PairAgreement:
    """Annotator `b` scored against annotator `a` on the tasks both did."""

    a: str
    b: str
    tasks: int = 0
    tokens: int = 0
    overall: dict = field(default_factory=dict)
    per_label: dict = field(default_factory=dict)
    kappa: float | None = None


@dataclass
class AgreementReport:
    tasks: int = 0
    tasks_compared: int = 0  # two or more annotators
    tasks_single: int = 0  # one annotator: counted and skipped
    tasks_unannotated: int = 0
    annotations_superseded: int = 0  # older annotations by the same person on a task
    spans_misaligned: int = 0  # spans not on token boundaries (expanded to tokens for kappa)
    overall: dict = field(default_factory=dict)
    per_label: dict = field(default_factory=dict)
    kappa: float | None = None
    pairs: list[PairAgreement] = field(default_factory=list)
    disagreements: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        out = dict(self.__dict__)
        out["pairs"] = [dict(p.__dict__) for p in self.pairs]
        return out


def _spans(annotation: dict, raw_text: str) -> set[tuple[int, int, str]]:
    """(start, end, label) in NFC offsets; a span with several labels counts once per label."""
    _, offsets = normalize(raw_text)
    spans = set()
    for r in annotation.get("result") or []:
        v = r.get("value") or {}
        if "start" not in v or "end" not in v:
            continue
        start, end = offsets.start(v["start"]), offsets.end(v["end"])
        for label in v.get("labels") or []:
            spans.add((start, end, label))
    return spans


def _token_labels(doc, spans: set[tuple[int, int, str]], report: AgreementReport) -> tuple[list[str], list[str]]:
    """One label per token (for kappa) and IOB2 tags (for entity scores), from
    spaCy's alignment of the spans (`doc.char_span`).

    A span off token boundaries is counted; kappa sees it widened to the
    tokens it touches, the entity scores do not see it (it matches nothing).
    """
    labels, tags = [OUTSIDE] * len(doc), [OUTSIDE] * len(doc)
    for start, end, label in sorted(spans):
        span = doc.char_span(start, end, label=label)
        if span is None:
            report.spans_misaligned += 1
            for token in doc.char_span(start, end, label=label, alignment_mode="expand") or []:
                labels[token.i] = label
            continue
        for token in span:
            labels[token.i] = label
            tags[token.i] = ("B-" if token.i == span.start else "I-") + label
    return labels, tags


def _scores(tags_a: list[list[str]], tags_b: list[list[str]]) -> tuple[dict, dict]:
    """Overall and per-label scores of b against a, with their tp/fp/fn counts."""
    s = entity_scores(tags_a, tags_b)
    overall = {**s["micro"], **s["counts"]["micro"]}
    return overall, {label: {**row, **s["counts"][label]} for label, row in sorted(s["per_entity"].items())}


def _kappa(y1: list[str], y2: list[str]) -> float | None:
    """Cohen's kappa; None where it is undefined (a single class throughout)."""
    from sklearn.metrics import cohen_kappa_score

    if not y1 or len(set(y1) | set(y2)) < 2:
        return None
    return float(cohen_kappa_score(y1, y2))


def _describe(span, text: str) -> dict | None:
    if span is None:
        return None
    start, end, label = span
    return {"start": start, "end": end, "label": label, "text": text[start:end]}


def _disagreements(only_a: set, only_b: set) -> list[tuple]:
    """Pair up overlapping differences (label or boundary); the rest are missing."""
    pairs, used_b = [], set()
    for sa in sorted(only_a):
        match = next((sb for sb in sorted(only_b) if sb not in used_b and sb[0] < sa[1] and sa[0] < sb[1]), None)
        if match is not None:
            used_b.add(match)
        pairs.append((sa, match))
    pairs.extend((None, sb) for sb in sorted(only_b - used_b))
    return sorted(pairs, key=lambda p: (p[0] or p[1])[:2])


def agreement(tasks: Sequence[dict], *, nlp: Language | None = None, users: dict | None = None) -> AgreementReport:
    """Pairwise span F1, token kappa and disagreements of a Label Studio export.

    >>> text = "Ông Lê Văn A ở Nghệ An"
    >>> def ann(who, *spans):
    ...     return {"completed_by": who, "result": [
    ...         {"type": "labels", "value": {"start": s, "end": e, "labels": [l]}} for s, e, l in spans]}
    >>> task = {"id": 1, "data": {"id": "d1", "text": text}, "annotations": [
    ...     ann(1, (4, 12, "PERSON"), (15, 22, "PROVINCE")), ann(2, (4, 12, "PERSON"))]}
    >>> r = agreement([task])
    >>> r.overall["p"], r.overall["r"], round(r.overall["f"], 3)
    (1.0, 0.5, 0.667)
    >>> [(d["a"]["text"], d["b"]) for d in r.disagreements]
    [('Nghệ An', None)]
    """
    nlp = nlp or make_nlp()
    report = AgreementReport()
    pairs: dict[tuple[str, str], PairAgreement] = {}
    pair_tokens: dict[tuple[str, str], tuple[list, list]] = {}
    pair_tags: dict[tuple[str, str], tuple[list, list]] = {}
    all_y1, all_y2, all_t1, all_t2 = [], [], [], []
    for task in tasks:
        report.tasks += 1
        raw_text = task["data"]["text"]
        text, _ = normalize(raw_text)
        done = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
        if not done:
            report.tasks_unannotated += 1
            continue
        latest: dict[str, dict] = {}
        for a in sorted(done, key=lambda a: (a.get("updated_at") or a.get("created_at") or "", a.get("id") or 0)):
            who = annotator_name(a.get("completed_by"), users)
            if who in latest:
                report.annotations_superseded += 1
            latest[who] = a
        if len(latest) < 2:
            report.tasks_single += 1
            continue
        report.tasks_compared += 1
        doc = nlp.make_doc(text)
        spans = {who: _spans(a, raw_text) for who, a in latest.items()}
        aligned = {who: _token_labels(doc, s, report) for who, s in spans.items()}
        tokens = {who: labels for who, (labels, _) in aligned.items()}
        for a, b in itertools.combinations(sorted(latest), 2):
            pair = pairs.setdefault((a, b), PairAgreement(a, b))
            pair.tasks += 1
            pair.tokens += len(doc)
            t1, t2 = pair_tags.setdefault((a, b), ([], []))
            t1.append(aligned[a][1])
            t2.append(aligned[b][1])
            all_t1.append(aligned[a][1])
            all_t2.append(aligned[b][1])
            y1, y2 = pair_tokens.setdefault((a, b), ([], []))
            y1.extend(tokens[a])
            y2.extend(tokens[b])
            all_y1.extend(tokens[a])
            all_y2.extend(tokens[b])
            for sa, sb in _disagreements(spans[a] - spans[b], spans[b] - spans[a]):
                report.disagreements.append({
                    "task": task.get("id"),
                    "doc": task["data"].get("id"),
                    "annotators": [a, b],
                    "a": _describe(sa, text),
                    "b": _describe(sb, text),
                })
    for key, pair in sorted(pairs.items()):
        pair.overall, pair.per_label = _scores(*pair_tags[key])
        pair.kappa = _kappa(*pair_tokens[key])
        report.pairs.append(pair)
    report.overall, report.per_label = _scores(all_t1, all_t2)
    report.kappa = _kappa(all_y1, all_y2)
    return report


def agreement_from_export(path: Path, *, nlp: Language | None = None, users: dict | None = None) -> AgreementReport:
    """`agreement` on an export file (checked by `load_export`)."""
    from vner.annotation.convert import load_export

    return agreement(load_export(path), nlp=nlp, users=users)
