"""How well the rules alone do against gold: what an annotator is spared."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from vner.core.scheme import labels as scheme_labels


def rules_scores(docs_gold: list[Doc], nlp: Language | None = None) -> dict:
    """Precision, recall and F1 of the rules against gold Docs, exact span match.

    Spans are compared by character offsets and label. ``tp`` per label is the
    number of gold spans the annotator gets for free; ``fp`` the suggestions
    they must delete. The dict mirrors spaCy's scorer (``ents_p``, ``ents_r``,
    ``ents_f``, ``ents_per_type``) plus counts and the rules version.

    >>> from vner.model.nlp import make_nlp
    >>> gold = make_nlp()("Đại tá Lê Văn Thái đến tỉnh Hà Tĩnh")
    >>> gold.ents = [gold.char_span(0, 6, "RANK"), gold.char_span(28, 35, "PROVINCE")]
    >>> scores = rules_scores([gold])
    >>> scores["ents_per_type"]["RANK"]["tp"], scores["fp"], scores["ents_r"]
    (1, 1, 1.0)
    """
    if nlp is None:
        from vner.annotation.rules import rules_pipeline

        nlp = rules_pipeline()
    labels = list(dict.fromkeys([*scheme_labels(), *(e.label_ for d in docs_gold for e in d.ents)]))
    counts = {label: {"tp": 0, "fp": 0, "fn": 0} for label in labels}
    for gold, pred in zip(docs_gold, nlp.pipe(d.text for d in docs_gold)):
        g = {(e.start_char, e.end_char, e.label_) for e in gold.ents}
        p = {(e.start_char, e.end_char, e.label_) for e in pred.ents}
        for _, _, label in g & p:
            counts[label]["tp"] += 1
        for _, _, label in p - g:
            counts.setdefault(label, {"tp": 0, "fp": 0, "fn": 0})["fp"] += 1
        for _, _, label in g - p:
            counts[label]["fn"] += 1
    per_type = {label: {**c, **_prf(c)} for label, c in counts.items()}
    total = {k: sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn")}
    micro = _prf(total)
    return {
        "version": nlp.meta.get("version"),
        "ents_p": micro["p"], "ents_r": micro["r"], "ents_f": micro["f"],
        **total,
        "ents_per_type": per_type,
    }


def _prf(c: dict) -> dict:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f}


def scores_table(scores: dict) -> str:
    """``rules_scores`` as a Markdown table: per label, how much the annotator is spared."""
    rows = [
        "| label | gold spans | suggested right | wrong suggestions | precision | recall (share spared) | F1 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    items = list(scores["ents_per_type"].items()) + [("all", {**scores, "p": scores["ents_p"], "r": scores["ents_r"], "f": scores["ents_f"]})]
    for label, s in items:
        rows.append(
            f"| {label} | {s['tp'] + s['fn']} | {s['tp']} | {s['fp']} | {s['p']:.1%} | {s['r']:.1%} | {s['f']:.1%} |"
        )
    return "\n".join(rows)

