"""The pipeline components of the rules stage, registered with spaCy.

This module is copied into packaged models (`spacy package --code`), so it
imports nothing but spaCy and the standard library. The rules themselves
are data (`configs/patterns/`, loaded by `vner.annotation.rules`) held by two
spaCy `span_ruler`s; the components here only prepare and merge:

- ``vner_tone_norm`` sets every token's ``NORM`` to ``tone_norm(text)`` so
  that one pattern matches both tone-placement conventions ("uỷ"/"ủy").
  Only ``token.norm_`` changes: the text and the vocabulary are untouched.
- ``vner_token_classes`` marks tokens that belong to a named word list
  (``token._.vner_<class>``), so that a pattern says
  ``{"_": {"vner_org_word": true}}`` instead of repeating a long ``IN`` list
  in thousands of patterns. The lists are data (``classes.json`` beside the
  patterns), read at initialisation and saved with the pipeline.
- ``vner_rules_resolve`` merges the second-pass matches (shapes built on
  first-pass entities: "Công an tỉnh" + PROVINCE → ORG) into ``doc.ents``
  and drops the helper labels ("_NONE", "_UNWRAP", "_CUE").

The resolver runs before the statistical ``ner`` in a trained pipeline:
spaCy's NER keeps entities already set and only fills the gaps.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import ensure_path, filter_spans

# Labels starting with "_" are helpers and never reach the output.
HELPER_PREFIX = "_"
NONE_LABEL = "_NONE"
UNWRAP_LABEL = "_UNWRAP"
# Where the second-pass span_ruler leaves its matches for the resolver.
SECOND_PASS_KEY = "vner_rules_second_pass"

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
# In NFD: "oa", "oe" or "uy" closing a syllable, with the tone mark on the second vowel
# ("hoà", "khoẻ", "uỷ"); not after "q", where "u" is part of the consonant ("quý").
_SECOND_VOWEL_TONE = re.compile(rf"(?<![qQ])([oO][aAeE]|[uU][yY])([{_TONE_MARKS}])(?!\w)")
_ABBREVIATION = re.compile(r"[A-ZĐ][A-ZĐ0-9]{1,9}")


def is_helper(label: str) -> bool:
    return label.startswith(HELPER_PREFIX)


def tone_norm(text: str) -> str:
    """``text`` in NFC with the tone of open "oa", "oe", "uy" on the first vowel.

    Vietnamese writes "hoà"/"hòa", "uỷ"/"ủy", "tuý"/"túy", "khoẻ"/"khỏe" both
    ways; this maps both to one form so that rules match either.

    >>> tone_norm("Tỉnh uỷ Thanh Hoá, ma tuý, khoẻ, thuỷ")
    'Tỉnh ủy Thanh Hóa, ma túy, khỏe, thủy'
    >>> tone_norm("quý, hoàng, thuyết, Ủy ban")  # closed syllables and "qu" keep their form
    'quý, hoàng, thuyết, Ủy ban'
    """
    nfd = unicodedata.normalize("NFD", text)
    moved = _SECOND_VOWEL_TONE.sub(lambda m: m.group(1)[0] + m.group(2) + m.group(1)[1], nfd)
    return unicodedata.normalize("NFC", moved)


def set_tone_norm(doc: Doc) -> Doc:
    for token in doc:
        token.norm_ = tone_norm(token.text)
    return doc


@Language.factory("vner_tone_norm")
def make_tone_norm(nlp: Language, name: str):
    return set_tone_norm


# Token attributes a word class may test, as the Matcher reads them.
_CLASS_ATTRS = {"NORM": lambda t: t.norm_, "LOWER": lambda t: t.lower_, "ORTH": lambda t: t.text}


class TokenClasses:
    """Set ``token._.vner_<name>`` to whether the token's attribute is in the class's list.

    ``classes``: ``{name: {"attr": "NORM" | "LOWER" | "ORTH", "values": [...]}}``.
    Runs after ``vner_tone_norm`` so that NORM classes see tone-normalised text.
    """

    def __init__(self, classes: dict | None = None):
        self.set_classes(classes or {})

    def set_classes(self, classes: dict) -> None:
        for name, spec in classes.items():
            if spec.get("attr") not in _CLASS_ATTRS or not isinstance(spec.get("values"), list):
                raise ValueError(f"Word class {name!r}: expected {{'attr': NORM|LOWER|ORTH, 'values': [...]}}")
        self.classes = {name: {"attr": spec["attr"], "values": sorted(set(spec["values"]))} for name, spec in classes.items()}
        self._tests = [(f"vner_{name}", _CLASS_ATTRS[spec["attr"]], frozenset(spec["values"])) for name, spec in self.classes.items()]
        for ext, _, _ in self._tests:
            Token.set_extension(ext, default=False, force=True)

    def initialize(self, get_examples=None, *, nlp=None, classes: dict | None = None) -> None:
        self.set_classes(classes or {})

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            for ext, value, values in self._tests:
                token._.set(ext, value(token) in values)
        return doc

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return json.dumps(self.classes, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> "TokenClasses":
        self.set_classes(json.loads(data.decode("utf-8")))
        return self

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "classes.json").write_bytes(self.to_bytes())

    def from_disk(self, path, *, exclude=tuple()) -> "TokenClasses":
        file = Path(ensure_path(path)) / "classes.json"
        return self.from_bytes(file.read_bytes()) if file.is_file() else self


@Language.factory("vner_token_classes")
def make_token_classes(nlp: Language, name: str):
    return TokenClasses()


class RulesResolver:
    """Merge second-pass matches into the first-pass entities.

    A second-pass match that starts with a first-pass entity of another label
    (a rank, a cue) claims only the rest ("Đại tá" + name → RANK + PERSON).
    The matches, longest first, replace the first-pass entities they overlap.
    ``_NONE`` matches drop what they cover; ``_UNWRAP`` matches give back the
    first-pass entities inside them. Last, a capitalised abbreviation in
    brackets right after an ORG is an ORG of its own ("... (BLO)").
    ``labels``, if given, keeps only those labels (a model trained on data
    with other labels must not output ours).
    """

    def __init__(self, labels: list[str] | None = None):
        self.keep = set(labels) if labels is not None else None

    def __call__(self, doc: Doc) -> Doc:
        first = list(doc.ents)
        second = list(doc.spans[SECOND_PASS_KEY]) if SECOND_PASS_KEY in doc.spans else []
        cores = []
        for match in second:
            leads = [e for e in first if e.start <= match.start < e.end < match.end and e.label_ != match.label_]
            start = leads[0].end if leads and not is_helper(match.label_) else match.start
            cores.append(Span(doc, start, match.end, label=match.label_, span_id=match.id_))
        cores = filter_spans(cores)
        taken = {i for c in cores for i in range(c.start, c.end)}
        ents = [e for e in first if not any(i in taken for i in range(e.start, e.end))]
        for core in cores:
            if core.label_ == UNWRAP_LABEL:
                ents.extend(e for e in first if core.start <= e.start and e.end <= core.end)
            else:
                ents.append(core)
        ents = [e for e in ents if not is_helper(e.label_)]
        ents += _bracketed_abbreviations(doc, ents)
        if self.keep is not None:
            ents = [e for e in ents if e.label_ in self.keep]
        # The other tokens become "O"; spaCy's NER after this may still tag
        # them (only preset B/I tokens constrain it).
        doc.ents = sorted(ents)
        if SECOND_PASS_KEY in doc.spans:
            del doc.spans[SECOND_PASS_KEY]
        return doc


@Language.factory("vner_rules_resolve", default_config={"labels": None})
def make_rules_resolver(nlp: Language, name: str, labels: list[str] | None):
    return RulesResolver(labels)


def _bracketed_abbreviations(doc: Doc, ents: list[Span]) -> list[Span]:
    """ORG "BLO" in "... tỉnh Quảng Bình (BLO)": an abbreviation right after an ORG."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    found = []
    for ent in ents:
        i = ent.end
        if ent.label_ != "ORG" or i + 2 >= len(doc):
            continue
        if doc[i].text == "(" and doc[i + 2].text == ")" and _ABBREVIATION.fullmatch(doc[i + 1].text):
            if i + 1 not in taken:
                found.append(Span(doc, i + 1, i + 2, label="ORG"))
    return found
