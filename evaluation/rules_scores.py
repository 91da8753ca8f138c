"""How well the rules alone do against gold: what an annotator is spared.

The rules pipeline is scored exactly like a model (`vner evaluate`'s
`predict` and `score`: strict seqeval on the syllable tokens), so its
numbers come in the one score format of `vner.evaluation.metrics`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .evaluate import predict, score


def rules_scores(docs_gold: list[Doc], nlp: Language | None = None) -> dict:
    """``entity_scores`` of the rules against gold Docs, with the rules version.

    ``counts[label]["tp"]`` is the number of gold spans the annotator gets
    for free, ``fp`` the suggestions they must delete.

    >>> from vner.model.nlp import make_nlp
    >>> gold = make_nlp()("Đại tá Lê Văn Thái đến tỉnh Hà Tĩnh")
    >>> gold.ents = [gold.char_span(0, 6, "RANK"), gold.char_span(28, 35, "PROVINCE")]
    >>> scores = rules_scores([gold])
    >>> scores["counts"]["RANK"]["tp"], scores["counts"]["micro"]["fp"], scores["micro"]["r"]
    (1, 1, 1.0)
    """
    if nlp is None:
        from vner.annotation.rules import rules_pipeline

        nlp = rules_pipeline()
    result = score(predict(nlp, docs_gold, progress=False))
    return {"version": nlp.meta.get("version"), **result["scores"]}


def scores_table(scores: dict) -> str:
    """``rules_scores`` as a Markdown table: per label, how much the annotator is spared."""
    rows = [
        "| label | gold spans | suggested right | wrong suggestions | precision | recall (share spared) | F1 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, s in [*scores["per_entity"].items(), ("all", scores["micro"])]:
        c = scores["counts"]["micro" if label == "all" else label]
        rows.append(f"| {label} | {c['tp'] + c['fn']} | {c['tp']} | {c['fp']} | {s['p']:.1%} | {s['r']:.1%} | {s['f']:.1%} |")
    return "\n".join(rows)
