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

import math
from typing import List, Union

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
# Scheme rule 5: a number followed by one of these is a time expression (a date, a
# duration, an age), not a QUANTITY; the first syllables of the "after the number"
# entries of configs/gazetteers/time-word.txt, and "lần", "buổi", "kỳ", "khóa"
# (tests/model/test_constraints.py keeps them in step with the gazetteer).
TIME_WORDS = ("năm", "tháng", "ngày", "giờ", "phút", "giây", "tuần", "quý", "lần", "đêm", "buổi", "kỳ", "kì", "khóa", "khoá",
              "thế", "thập", "tiếng", "tuổi", "mùa", "hôm")
# A number right after one of these is an ordinal or a date ("lần thứ 29", "ngày
# 15", "năm 2024"): the ordinal entries of the same gazetteer, and the time words
# that come before a number in dates. Not "số": "tổng số 15 đối tượng" is a QUANTITY.
BEFORE_NUMBER = ("thứ", "năm", "tháng", "ngày", "quý", "tuần", "khóa", "khoá", "kỳ", "kì",
                 # (identifiers, session 27: "lớp 8", "mốc 518", "Quốc lộ 9", "hiệp 1", "phút 17")
                 "lớp", "mốc", "lộ", "hiệp", "phút")


class RememberRules:
    """Keep the rules' entities in ``doc.spans["vner_rules"]`` before the NER runs."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[RULES_KEY] = list(doc.ents)
        return doc


@Language.factory("vner_remember_rules", assigns=["doc.spans"])
def make_remember_rules(nlp: Language, name: str):
    return RememberRules()


# Number words between the digits and the unit ("15 nghìn viên", "1,2 triệu đồng").
MULTIPLIERS = ("nghìn", "ngàn", "triệu", "tỷ", "tỉ", "trăm", "vạn", "chục")
# Words that follow a number but are no unit: an NER span ending on one ran past the amount ("1 ở", "3 và").
NOT_UNITS = ("ở", "và", "của", "tại", "trong", "với", "cho", "là", "có", "được", "bị", "đã", "đang", "sẽ", "từ",
             "đến", "tới", "trên", "dưới", "theo", "về", "thì", "mà", "hoặc", "hay", "so",
             # (session 27: an approximation after a marker's number, "mốc 518 chừng 1,5 km"; "3 luồng riêng")
             "chừng", "khoảng", "gần", "hơn", "riêng")
# Glued units of one letter ("5m", "20g", "2l"); longer glued tails are taken as units ("25kg", "200km", "30%").
ONE_LETTER_UNITS = ("m", "g", "l", "t")


def _quantity_shape(span) -> bool:
    """Digits, then a unit (scheme rule 5: one word, one or two syllables, perhaps after number words): "27 vụ",
    "15 nghìn viên", "43 đối tượng", "25kg", "30%"; not "2022", "6 tháng", "lần thứ 29 có", nor what runs past the
    unit or stops before one ("1.260 số điện thoại", "64,", "3-1", "1b", "1 ở": the NER's wrong additions on
    unseen articles, session 24)."""
    first = span[0].text
    if not any(c.isdigit() for c in first):
        return False
    if span.start > 0 and span.doc[span.start - 1].lower_ in BEFORE_NUMBER:
        return False
    if len(span) == 1:  # glued unit: digits then a unit
        tail = first.lstrip("0123456789.,")
        return tail == "%" or (tail.isalpha() and (len(tail) >= 2 or tail.lower() in ONE_LETTER_UNITS))
    words = list(span[1:])
    while len(words) > 1 and words[0].lower_ in MULTIPLIERS:
        words = words[1:]
    return (1 <= len(words) <= 2 and all(t.is_alpha for t in words) and words[0].lower_ not in TIME_WORDS
            and words[-1].lower_ not in NOT_UNITS and words[0].lower_ not in NOT_UNITS)


CANDIDATES_KEY = "vner_ner_candidates"
# What may open a sentence before a capitalised word (the capital then says nothing of a name).
_SENTENCE_OPENERS = frozenset((".", "!", "?", ":", ";", '"', "“", "(", "-", "–", "…"))


def _opens_a_sentence_alone(span) -> bool:
    """One word at a sentence's or a line's start, then a lower-case word: "Chiếc xe", "Trận mở màn", "Cuộc hội đàm"
    (the NER's wrong PERSON additions on the dev sets ZZZH-ZZZL, session 27). A given name there ("Hào cho biết")
    is the rules' to find, from the full name the text gave before."""
    doc = span.doc
    if len(span) != 1 or span.end >= len(doc) or not doc[span.end].is_lower:
        return False
    return span.start == 0 or doc[span.start - 1].is_space or doc[span.start - 1].text in _SENTENCE_OPENERS


# Words after which a capitalised name is a place's, named after a person or not ("đường Lê Duẩn", "phố Hàng Bạc",
# "huyện Keo Seima", "38 độ C"): rule 4, a place is no PERSON.
_PLACE_WORDS = frozenset(("đường", "phố", "ngõ", "ngách", "hẻm", "kiệt", "quận", "huyện", "xã", "phường", "thôn", "bản",
                          "ấp", "làng", "buôn", "tỉnh", "sông", "suối", "núi", "đèo", "độ"))


# Prepositions and verbs after which a name is a place's: "từ Đức", "sang Đức làm việc", "tại Maroc"
_BEFORE_A_PLACE = frozenset(("từ", "tại", "ở", "sang", "đến", "tới", "về", "qua", "nước", "quốc", "trú"))


def _in_class(token, name: str) -> bool:
    """Whether the rules stage put ``token`` in its word class ``name`` (False without the rules stage)."""
    return token.has_extension(f"vner_{name}") and bool(token._.get(f"vner_{name}"))


def _a_place_or_country(span) -> bool:
    """A PERSON the NER would add that is a country's name alone ("từ Đức", "(Maroc)": the token class
    ``country_word`` the rules stage set) or a place's (rule 4): after a place word of ``_PLACE_WORDS`` or a house
    number ("số 7 Nguyễn Văn Linh"), or before its province ("Đống Đa, Hà Nội"). Session 30: the NER's PERSON
    additions on the selection sets were 41 right and 25 wrong, ten of the wrong countries ("Đức", "Maroc") and
    three places before their province; these tests leave 41 and 13. On real news of another domain (PhoNER_COVID19,
    bench/phoner_persons.py) the NER added countries, foreign cities and streets."""
    doc = span.doc
    words = [t for t in span if t.is_alpha]
    before = doc[span.start - 1] if span.start else None
    if words and all(_in_class(t, "country_word") for t in words):
        # (a country that is also a given name, "Đức", "Nga", only where a place is expected: "từ Đức", "(Đức)";
        # "; Nga 20 tuổi" is a person)
        return not all(_in_class(t, "given") for t in words) or (before is not None and (
            before.lower_ in _BEFORE_A_PLACE or before.text == "("))
    if before is not None and (before.lower_ in _PLACE_WORDS or (before.text[:1].isdigit() and not before.is_punct)):
        return True
    # (... or a place's before its province, as addresses list them: "Đống Đa, Hà Nội", "Keo Seima (Mondulkiri)")
    after = doc[span.end:span.end + 3]
    return len(after) >= 2 and after[0].text in (",", "(") and (
        after[1].ent_type_ == "PROVINCE" or (after[1].lower_ == "tỉnh" and len(after) == 3 and after[2].ent_type_ == "PROVINCE"))


def _entity_set(spans) -> set[tuple[int, int, str]]:
    return {(s.start_char, s.end_char, s.label_) for s in spans}


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0


# A label's additions must be right more often than wrong beyond chance: one-sided sign test at this level.
ADDITIONS_ALPHA = 0.05


def beyond_chance(right: int, wrong: int, alpha: float = ADDITIONS_ALPHA) -> bool:
    """Whether ``right`` correct additions against ``wrong`` ones are more than a coin would give.

    Below F1 = 1 any label whose additions are right as often as wrong
    raises micro-F1 (4 right and 4 wrong PERSON additions did, session 14),
    and a handful of dev spans decides either way.

    >>> beyond_chance(5, 0), beyond_chance(6, 1), beyond_chance(10, 2), beyond_chance(4, 4)
    (True, False, True, False)
    """
    n = right + wrong
    return n > 0 and sum(math.comb(n, k) for k in range(right, n + 1)) / 2**n < alpha


def best_additions(examples, alpha: float | None = ADDITIONS_ALPHA) -> tuple[list[str], dict[str, float]]:
    """The labels whose NER additions raise the micro-F1 of ``examples``, and the scores then.

    ``examples`` were predicted with every addition the scheme allows
    (``doc.spans["vner_ner_candidates"]``). An addition of label L only adds
    spans of L, so labels are taken greedily, the one that raises micro-F1
    most first, while one does; a tie keeps the rules' entities. On text the
    rules were written for, the NER may add names the lists lack and still
    add organisations wrongly: each label is judged on its own, and only a
    label whose additions are right more often than wrong beyond chance
    (`beyond_chance` at ``alpha``; None: every label) is tried at all.
    """
    gold, base, candidates = set(), set(), {}
    for n, eg in enumerate(examples):
        pred = eg.predicted
        cands = {(n, *key) for key in _entity_set(pred.spans.get(CANDIDATES_KEY, []))}
        gold |= {(n, *key) for key in _entity_set(eg.reference.ents)}
        base |= {(n, *key) for key in _entity_set(pred.ents)} - cands
        for key in cands:
            candidates.setdefault(key[3], set()).add(key)
    if alpha is not None:
        candidates = {label: c for label, c in candidates.items() if beyond_chance(len(c & gold), len(c - gold), alpha)}
    chosen: list[str] = []
    kept = set(base)
    best = _f1(len(kept & gold), len(kept), len(gold))
    rules_only = best
    while True:
        trials = {label: _f1(len((kept | c) & gold), len(kept | c), len(gold))
                  for label, c in candidates.items() if label not in chosen}
        label = max(sorted(trials), key=trials.get, default=None)
        if label is None or trials[label] <= best:
            break
        chosen.append(label)
        kept |= candidates[label]
        best = trials[label]
    tp = len(kept & gold)
    scores = {"ents_p": tp / len(kept) if kept else 0.0, "ents_r": tp / len(gold) if gold else 0.0,
              "ents_f": best, "ents_rules_f": rules_only}
    return sorted(chosen), scores


class SchemeConstraints:
    """Drop the statistical NER's additions that the scheme rules out.

    The rules' entities (remembered by ``vner_remember_rules``) always stay.
    What the NER adds must be an open-class entity: ``closed_labels`` (ranks,
    provinces: finite lists the rules hold in every spelling) come from the
    rules only; a QUANTITY needs digits and a unit that is no time word
    (scheme rule 5); a PERSON or ORG starts with a capital letter, as names do,
    and a PERSON is no country or place (`_a_place_or_country`, rule 4).
    ``ner_adds`` says which labels the NER may add: True all, False none, or
    a list; `vner train` sets it to the labels whose additions raise the dev
    score (`best_additions`). Every addition the scheme allows is kept in
    ``doc.spans["vner_ner_candidates"]``, added or not.
    """

    def __init__(self, closed_labels: list[str], ner_adds: bool | list[str] = True):
        self.closed_labels = set(closed_labels)
        self.ner_adds = ner_adds

    def allowed(self, span) -> bool:
        """Whether the scheme allows the NER to add ``span`` (whatever ``ner_adds`` says)."""
        if span.label_ in self.closed_labels:
            return False
        if span.label_ == "QUANTITY":
            return _quantity_shape(span)
        if span.label_ in ("PERSON", "ORG"):
            return span[0].text[:1].isupper() and not (span.label_ == "PERSON" and (
                _opens_a_sentence_alone(span) or _a_place_or_country(span)))
        return True

    def adds(self, label: str) -> bool:
        if isinstance(self.ner_adds, bool):
            return self.ner_adds
        return label in self.ner_adds

    def score(self, examples, **kwargs) -> dict:
        """spaCy's entity scores of the final entities, so that ``nlp.evaluate``
        reports them also when the dev gate switched the NER off. While
        ``ner_adds`` is True (training), and the rules found entities for the
        NER to add to, ents_p/r/f are those of the labels `best_additions`
        would keep, judged on micro-F1 alone (no sign test: model-best is
        the step whose NER adds most, not the first step, where it adds
        nothing; the gate after training tests the additions). Without rules' entities (a corpus
        in another scheme, rules stage off) no gate follows: the scores are
        those of the entities as predicted."""
        from spacy.scorer import get_ner_prf

        examples = list(examples)
        scores = get_ner_prf(examples, **kwargs)
        if self.ner_adds is True and any(len(eg.predicted.ents) > len(eg.predicted.spans.get(CANDIDATES_KEY, [])) for eg in examples):
            scores.update(best_additions(examples, alpha=None)[1])
        return scores

    def __call__(self, doc: Doc) -> Doc:
        rules = {(s.start, s.end, s.label) for s in doc.spans.get(RULES_KEY, [])}
        candidates = [e for e in doc.ents if (e.start, e.end, e.label) not in rules and self.allowed(e)]
        added = {(e.start, e.end, e.label) for e in candidates if self.adds(e.label_)}
        kept = [e for e in doc.ents if (e.start, e.end, e.label) in rules or (e.start, e.end, e.label) in added]
        if len(kept) != len(doc.ents):
            doc.ents = kept
        if RULES_KEY in doc.spans:
            doc.spans[CANDIDATES_KEY] = candidates
            del doc.spans[RULES_KEY]
        return doc


@Language.factory(
    "vner_scheme_constraints", default_config={"closed_labels": ["RANK", "PROVINCE"], "ner_adds": True}, assigns=["doc.ents", "doc.spans"]
)
def make_scheme_constraints(nlp: Language, name: str, closed_labels: list[str], ner_adds: Union[bool, List[str]]):
    return SchemeConstraints(closed_labels, ner_adds)
