"""The rules' entities as features of the statistical NER.

A pipeline component, registered with spaCy, that runs after the rules stage
(``vner_rules_resolve``) and before the ``tok2vec``: it writes each token's
rule label in BIO form into ``token.tag_`` ("B-ORG", "I-ORG", "O"), which
``MultiHashEmbed`` hashes like any other token attribute, then clears
``doc.ents``. The NER that follows sees what the rules found as one more
feature and makes the final decision: it can copy the rules, extend them or
overrule them, and it learns how far to trust them from the training data
(the rules stage is listed in ``[training] annotating_components``, so the
training docs get the same features). With ``doc.ents`` cleared the NER
never meets a preset entity that conflicts with the gold (spaCy's E024).

It also lower-cases ``token.norm_``: ``vner_tone_norm`` sets a case-kept,
tone-normalised NORM for the rule patterns, while the tok2vec wants the
lower-cased form it had before the rules moved in front of it (SHAPE,
PREFIX and SUFFIX carry the case).

This module is copied into packaged models (`spacy package --code`), so it
imports nothing but spaCy and the standard library.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# Distributions this module imports besides spaCy (training/requirements.py).
REQUIRES: tuple[str, ...] = ()
OUTSIDE = "O"


def rule_tags(doc: Doc) -> list[str]:
    """The BIO tag of each token from ``doc.ents``.

    >>> from spacy.tokens import Span
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words="Đại tá Lê Văn Thái".split())
    >>> doc.ents = [Span(doc, 0, 2, "RANK"), Span(doc, 2, 5, "PERSON")]
    >>> rule_tags(doc)
    ['B-RANK', 'I-RANK', 'B-PERSON', 'I-PERSON', 'I-PERSON']
    """
    tags = [OUTSIDE] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            tags[i] = ("B-" if i == ent.start else "I-") + ent.label_
    return tags


class RuleFeatures:
    """Turn the rules' entities into token features and leave the decision to the NER.

    ``keep_ents=True`` leaves ``doc.ents`` set (the NER then only fills the
    gaps the rules leave; not usable with the stage in
    ``annotating_components``, where a rule span against the gold stops
    training with E024).
    """

    def __init__(self, keep_ents: bool = False):
        self.keep_ents = keep_ents

    def __call__(self, doc: Doc) -> Doc:
        for token, tag in zip(doc, rule_tags(doc)):
            token.tag_ = tag
            token.norm_ = token.norm_.lower()
        if not self.keep_ents:
            doc.ents = []
        return doc


@Language.factory("vner_rule_features", default_config={"keep_ents": False}, assigns=["token.tag", "token.norm"])
def make_rule_features(nlp: Language, name: str, keep_ents: bool):
    return RuleFeatures(keep_ents)


# ---------------------------------------------------------------- the NER within the scheme

RULES_KEY = "vner_rules"
# Scheme rule 5: a number followed by one of these is a time expression, not a QUANTITY.
TIME_WORDS = ("năm", "tháng", "ngày", "giờ", "phút", "giây", "tuần", "quý", "lần", "đêm", "buổi", "kỳ", "khóa", "thế")


class RememberRules:
    """Keep the rules' entities in ``doc.spans["vner_rules"]`` before the NER runs."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[RULES_KEY] = list(doc.ents)
        return doc


@Language.factory("vner_remember_rules", assigns=["doc.spans"])
def make_remember_rules(nlp: Language, name: str):
    return RememberRules()


def _quantity_shape(span) -> bool:
    """Digits, then a unit: "27 vụ", "15 nghìn viên", "25kg", "30%"; not "2022", "6 tháng"."""
    first = span[0].text
    if not any(c.isdigit() for c in first):
        return False
    if len(span) == 1:  # glued unit: digits then something else
        return not first.replace(".", "").replace(",", "").isdigit()
    return span[1].lower_ not in TIME_WORDS


class SchemeConstraints:
    """Drop the statistical NER's additions that the scheme rules out.

    The rules' entities (remembered by ``vner_remember_rules``) always stay.
    What the NER adds must be an open-class entity: ``closed_labels`` (ranks,
    provinces: finite lists the rules hold in every spelling) come from the
    rules only; a QUANTITY needs digits and a unit that is no time word
    (scheme rule 5); a PERSON or ORG starts with a capital letter, as names do.
    ``ner_adds=False`` keeps the rules' entities only: `vner train` sets it
    when the NER's additions do not raise the dev score (too little data).
    """

    def __init__(self, closed_labels: list[str], ner_adds: bool = True):
        self.closed_labels = set(closed_labels)
        self.ner_adds = ner_adds

    def allowed(self, span) -> bool:
        if not self.ner_adds or span.label_ in self.closed_labels:
            return False
        if span.label_ == "QUANTITY":
            return _quantity_shape(span)
        if span.label_ in ("PERSON", "ORG"):
            return span[0].text[:1].isupper()
        return True

    def score(self, examples, **kwargs) -> dict:
        """spaCy's entity scores of the final entities, so that ``nlp.evaluate``
        reports them also when the dev gate switched the NER off."""
        from spacy.scorer import get_ner_prf

        return get_ner_prf(examples, **kwargs)

    def __call__(self, doc: Doc) -> Doc:
        rules = {(s.start, s.end, s.label) for s in doc.spans.get(RULES_KEY, [])}
        kept = [e for e in doc.ents if (e.start, e.end, e.label) in rules or self.allowed(e)]
        if len(kept) != len(doc.ents):
            doc.ents = kept
        if RULES_KEY in doc.spans:
            del doc.spans[RULES_KEY]
        return doc


@Language.factory(
    "vner_scheme_constraints", default_config={"closed_labels": ["RANK", "PROVINCE"], "ner_adds": True}, assigns=["doc.ents"]
)
def make_scheme_constraints(nlp: Language, name: str, closed_labels: list[str], ner_adds: bool):
    return SchemeConstraints(closed_labels, ner_adds)
