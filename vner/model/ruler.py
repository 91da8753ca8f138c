"""The pipeline components of the rules stage, registered with spaCy.

This module and its siblings (``SHIPS_WITH``) are copied into packaged
models (`spacy package --code`), so they import nothing but spaCy, numpy
(spaCy's own dependency) and the standard library. The rules themselves
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
- ``vner_span_ruler`` is spaCy's ``span_ruler`` for thousands of token
  patterns: spaCy's Matcher tries every pattern at every token, so a
  pattern whose first token is a fixed word only runs in the paragraphs
  where that word occurs. Same matches, many times faster.
- ``vner_rules_resolve`` merges the second-pass matches (shapes built on
  first-pass entities: "Công an tỉnh" + PROVINCE → ORG) into ``doc.ents``
  and drops the helper labels ("_NONE", "_UNWRAP", "_CUE"); then adds what
  only the whole document tells (a name's later short forms, an
  abbreviation's recurrences, every name of a credit line). Its word
  lists (``configs/gazetteers/``) are read beside it when vner is
  installed and saved with the pipeline, so a packaged model needs neither.

Where the code lives: this module holds the registered factories and the
components above; ``resolver.py`` the ``RulesResolver`` and the order of
its document-level steps; ``persons.py`` the steps for PERSON; ``orgs.py``
those for ORG, PROVINCE and QUANTITY; ``helpers.py`` what they share.

Patterns and resolver read neighbouring words in NFC, so the stage reads a
copy of the Doc in NFC without whitespace tokens inside a line (a no-break
space, a doubled space, a zero-width space: ``helpers.rules_view``, entered
by ``vner_token_classes``, the stage's first word-reading step) and the
resolver puts its entities back on the Doc as given; the text never changes.

The resolver runs before the statistical ``ner`` in a trained pipeline:
spaCy's NER keeps entities already set and only fills the gaps.
"""

from __future__ import annotations

import bisect
import contextlib
import re
import unicodedata

import numpy
from spacy.attrs import ENT_ID, ENT_TYPE, IDX, LOWER, NORM, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import TrainablePipe
from spacy.pipeline.span_ruler import SpanRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

# The sibling modules this one imports, shipped beside it in a model package
# (training/requirements.py). Names other code reads as ruler's (is_helper,
# SECOND_PASS_KEY, WORD_LISTS, ...) are imported here from them.
SHIPS_WITH = ("helpers.py", "orgs.py", "persons.py", "resolver.py")

if __package__:  # vner.model, or the package of a packaged model
    from .helpers import (GLUED, HELPER_PREFIX, SECOND_PASS_KEY, UNWRAP_LABEL, _SavedAsJson, glued_positions, is_helper, tone_norm,
                          newline_positions, per_word, reading, rules_view)
    from .resolver import WORD_LISTS, RulesResolver, shipped_words
else:  # `spacy package` imports each code file alone (to register it), where vner is installed
    from vner.model.helpers import (GLUED, HELPER_PREFIX, SECOND_PASS_KEY, UNWRAP_LABEL, _SavedAsJson, glued_positions, is_helper, tone_norm,
                                    newline_positions, per_word, reading, rules_view)
    from vner.model.resolver import WORD_LISTS, RulesResolver, shipped_words


# Distributions this module needs besides spaCy (declared in model packages that ship it).
REQUIRES: tuple[str, ...] = ()
NONE_LABEL = "_NONE"


def set_tone_norm(doc: Doc) -> Doc:
    """Every token's NORM is ``tone_norm`` of its text, computed once per word (``per_word``) and
    written as one array (a Python loop over tokens made a Token object for each)."""
    if not len(doc):
        return doc
    orth, strings = doc.to_array(ORTH).tolist(), doc.vocab.strings
    norms = {h: h if norm is None else strings.add(norm) for h, norm in per_word(strings, set(orth), _moved_tone).items()}
    doc.from_array([NORM], numpy.array([norms[h] for h in orth], dtype="uint64").reshape(-1, 1))
    return doc


def _moved_tone(text: str) -> str | None:
    """``tone_norm(text)``, or None where it is the text itself (most words: their NORM is their ORTH)."""
    norm = tone_norm(text)
    return None if norm == text else norm


@Language.factory("vner_tone_norm")
def make_tone_norm(nlp: Language, name: str):
    return set_tone_norm


# Token attributes a word class may test, as the Matcher reads them.
_CLASS_ATTRS = {"NORM": NORM, "LOWER": LOWER, "ORTH": ORTH}
BUILTIN_CLASSES = (GLUED,)


class TokenClasses(_SavedAsJson):
    """Set ``token._.vner_<name>`` to whether the token's attribute is in the class's list.

    ``classes``: ``{name: {"attr": "NORM" | "LOWER" | "ORTH", "values": [...]}}``.
    Runs after ``vner_tone_norm`` so that NORM classes see tone-normalised text.
    """

    FILE = "classes.json"

    def __init__(self, classes: dict | None = None):
        self.set_classes(classes or {})

    def state(self) -> dict:
        return self.classes

    def set_classes(self, classes: dict) -> None:
        for name, spec in classes.items():
            if spec.get("attr") not in _CLASS_ATTRS or not isinstance(spec.get("values"), list):
                raise ValueError(f"Word class {name!r}: expected {{'attr': NORM|LOWER|ORTH, 'values': [...]}}")
        self.classes = {name: {"attr": spec["attr"], "values": sorted(set(spec["values"]))} for name, spec in classes.items()}
        # attribute id -> {a word's hash: the extensions of the classes holding it}: the classes are
        # tested on the Doc's attribute arrays, one lookup per token and attribute
        self._members: dict[int, dict[int, list[str]]] = {}
        for name, spec in self.classes.items():
            members = self._members.setdefault(_CLASS_ATTRS[spec["attr"]], {})
            for word in spec["values"]:
                members.setdefault(get_string_id(word), []).append(f"vner_{name}")
        for ext in [f"vner_{name}" for name in [*self.classes, *BUILTIN_CLASSES]]:
            Token.set_extension(ext, default=False, force=True)

    set_state = set_classes

    def initialize(self, get_examples=None, *, nlp=None, classes: dict | None = None) -> None:
        self.set_classes(classes or {})

    def __call__(self, doc: Doc) -> Doc:
        doc = rules_view(doc)  # words side by side, in NFC (helpers.rules_view); the resolver restores the Doc
        if not len(doc):
            return doc
        # The extensions default to False: only members are written (most tokens are in no list).
        # Words are compared as hashes over the attribute arrays, and a value is written where
        # ``token._.set`` writes it (``doc.user_data``, keyed by the token's character offset,
        # as ``helpers._copy_extensions`` reads it): no Token object or string per token.
        offsets = doc.to_array(IDX).tolist()
        user_data = doc.user_data
        for attr, members in self._members.items():
            words = doc.to_array(attr).tolist()
            for i in _members_at(words, members):
                for ext in members[words[i]]:
                    user_data[("._.", ext, offsets[i], None)] = True
        for i in glued_positions(doc):
            user_data[("._.", f"vner_{GLUED}", offsets[i], None)] = True
        return doc


def _members_at(words: list[int], members: dict) -> list[int]:
    """The positions of the words (hashes) that ``members`` holds."""
    return [i for i, h in enumerate(words) if h in members]


@Language.factory("vner_token_classes")
def make_token_classes(nlp: Language, name: str):
    return TokenClasses()


# Token attributes a gate may test: a pattern's first token compares one of
# them with fixed words (or entity labels).
_GATE_ATTRS = {"NORM": NORM, "LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH, "ENT_TYPE": ENT_TYPE, "ENT_ID": ENT_ID}


def gate_words(pattern: list[dict]) -> list[tuple[str, str]] | None:
    """The (attribute, word) pairs one of which the first token must have, or None.

    >>> gate_words([{"NORM": {"IN": ["Cục", "Sở"]}, "ENT_TYPE": ""}, {"IS_TITLE": True}])
    [('NORM', 'Cục'), ('NORM', 'Sở')]
    >>> gate_words([{"NORM": "Cục", "OP": "?"}]) is None  # may be skipped
    True
    """
    first = pattern[0]
    op = str(first.get("OP", "1"))
    if not (op in ("1", "+") or op.startswith("{1")):  # the first token may be absent or negated
        return None
    for attr in _GATE_ATTRS:
        value = first.get(attr)
        if isinstance(value, str):
            return [(attr, value)]
        if isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
            return [(attr, v) for v in value["IN"]]
    return None


def optional_first_variants(pattern: list[dict]) -> list[list[dict]]:
    """The pattern as patterns that together match what it matches, none starting with a token that may be
    absent: ``[A*, B]`` is ``[B]`` and ``[A+, B]``, so that each can be gated on its first word.

    >>> optional_first_variants([{"LOWER": "theo", "OP": "?"}, {"ORTH": "báo"}])
    [[{'ORTH': 'báo'}], [{'LOWER': 'theo'}, {'ORTH': 'báo'}]]
    >>> optional_first_variants([{"ORTH": "báo", "OP": "*"}])
    [[{'ORTH': 'báo', 'OP': '*'}]]
    """
    op = str(pattern[0].get("OP", "1"))
    if op not in ("?", "*") or len(pattern) < 2:
        return [pattern]
    required = {key: value for key, value in pattern[0].items() if key != "OP"}
    return [*optional_first_variants(pattern[1:]), [{**required, "OP": "+"} if op == "*" else required, *pattern[1:]]]


def regex_gate(pattern: list[dict]) -> tuple[str, str] | None:
    """The (attribute, regular expression) the first token must match, or None.

    >>> regex_gate([{"TEXT": {"REGEX": "^\\\\d+$"}}, {"LOWER": "kg"}])
    ('TEXT', '^\\\\d+$')
    """
    first = pattern[0]
    op = str(first.get("OP", "1"))
    if not (op in ("1", "+") or op.startswith("{1")):
        return None
    for attr in _GATE_ATTRS:
        value = first.get(attr)
        if isinstance(value, dict) and set(value) == {"REGEX"} and isinstance(value["REGEX"], str):
            return attr, value["REGEX"]
    return None


def classes_as_sets(pattern: list[dict], classes: dict) -> list[dict]:
    """The pattern with its word-class tests as the Matcher's own set tests.

    ``{"_": {"vner_org_word": True}}`` becomes ``{"NORM": {"IN": [...]}}``
    (``False``: ``NOT_IN``): spaCy's Matcher reads every extension attribute
    a pattern names for every token it scans, in Python, but tests a set
    lazily. Same matches. Classes computed from the context (``vner_glued``)
    stay extensions.

    >>> classes_as_sets([{"_": {"vner_rank": True, "vner_glued": True}, "OP": "+"}],
    ...                 {"rank": {"attr": "NORM", "values": ["tá"]}})
    [{'OP': '+', 'NORM': {'IN': ['tá']}, '_': {'vner_glued': True}}]
    >>> classes_as_sets([{"NORM": {"IN": ["a", "b"]}, "_": {"vner_x": False}}], {"x": {"attr": "NORM", "values": ["a"]}})
    [{'NORM': {'IN': ['b']}}]
    """
    out = []
    for spec in pattern:
        tests = spec.get("_")
        if not isinstance(tests, dict) or not any(k.startswith("vner_") for k in tests):
            out.append(spec)
            continue
        spec = {k: v for k, v in spec.items() if k != "_"}
        kept = {}
        for key, wanted in tests.items():
            word_class = classes.get(key[len("vner_"):]) if key.startswith("vner_") else None
            current = spec.get(word_class["attr"]) if word_class else None
            if word_class is None or not isinstance(wanted, bool):
                kept[key] = wanted
            elif current is None:
                spec[word_class["attr"]] = {"IN" if wanted else "NOT_IN": list(word_class["values"])}
            elif isinstance(current, dict) and set(current) == {"IN"}:
                members = set(word_class["values"])
                spec[word_class["attr"]] = {"IN": [w for w in current["IN"] if (w in members) == wanted]}
            elif isinstance(current, dict) and set(current) == {"NOT_IN"} and not wanted:
                spec[word_class["attr"]] = {"NOT_IN": sorted({*current["NOT_IN"], *word_class["values"]})}
            elif isinstance(current, dict) and set(current) == {"NOT_IN"}:
                spec[word_class["attr"]] = {"IN": [w for w in word_class["values"] if w not in set(current["NOT_IN"])]}
            else:
                kept[key] = wanted
        if kept:
            spec["_"] = kept
        out.append(spec)
    return out


def without_glued(pattern: list[dict]) -> list[dict] | None:
    """The pattern as it matches where no token is glued, or None if it cannot match there.

    A glued syllable needs a hyphen or an apostrophe inside a word; where none
    occurs, ``{"_": {"vner_glued": True}, "OP": "*"}`` matches nothing and is
    dropped, so the Matcher reads no extension attribute at every token.

    >>> without_glued([{"IS_TITLE": True}, {"_": {"vner_glued": True}, "OP": "*"}])
    [{'IS_TITLE': True}]
    >>> without_glued([{"IS_TITLE": True}, {"_": {"vner_glued": True}, "OP": "+"}]) is None
    True
    """
    out = []
    for spec in pattern:
        tests = spec.get("_", {})
        if f"vner_{GLUED}" not in tests:
            out.append(spec)
            continue
        wanted, op = tests[f"vner_{GLUED}"], str(spec.get("OP", "1"))
        rest = {k: v for k, v in tests.items() if k != f"vner_{GLUED}"}
        if wanted is False and op in ("1", "+", "*", "?"):  # true of every token there
            spec = {k: v for k, v in spec.items() if k != "_"} | ({"_": rest} if rest else {})
            out.append(spec)
        elif wanted is True and op in ("*", "?"):  # matches no token there
            continue
        elif wanted is True and op in ("1", "+"):
            return None
        else:  # another operator: the pattern as it is (still right, just not faster)
            return pattern
    return out or None


_NO_CLASSES: dict = {}
_WHOLE = -2  # GatedSpanRuler.match: a run on the whole document, not one paragraph


class GatedSpanRuler(SpanRuler):
    """spaCy's SpanRuler; token patterns whose first token is a fixed word
    (or a regular expression) run only where such a token occurs.

    The matches are exactly SpanRuler's. A gated pattern that cannot match a
    whitespace token (every token tests a word, a shape flag such as
    IS_TITLE, or a word class) cannot cross a newline, so it runs only in
    the paragraphs where its first token occurs; other gated patterns run on
    the whole document if it occurs anywhere. Words are read from the
    document's attribute arrays (hashes), and an expression is tested once
    per distinct word, not at every token. A Matcher starts at the first
    gate word of its paragraph, tests word classes as sets
    (``classes_as_sets``) and, where no word is glued, runs without the
    glued-syllable tests (``without_glued``): spaCy's Matcher reads every
    extension attribute a pattern names at every token it scans. A pattern
    whose first token may be absent is gated as two (``optional_first_variants``);
    a large Matcher of bounded patterns runs, at each gate word, only the
    patterns whose anchor word is there (``_AnchoredPatterns``).
    """

    def clear(self) -> None:
        super().clear()
        # The gated patterns live here, beside spaCy's own (no private SpanRuler attribute is written).
        # Key: (attribute id, word hash or ("REGEX", expression)) -> {in_paragraph: Matcher}.
        # Words with the same patterns share one Matcher, so a paragraph holding
        # several of them ("Cục", "Sở") is scanned once for those patterns.
        self._gated: dict[tuple, dict[bool, Matcher]] = {}
        self._gated_specs: dict[tuple, dict[bool, list[int]]] = {}  # the same, as indices of _gated_patterns
        self._regex_gates: dict[int, list[tuple[tuple, re.Pattern]]] = {}
        self._gated_entries: list[dict] = []
        self._gated_patterns: list[tuple[dict, list[dict]]] = []  # (entry, its pattern or a variant of it)
        self._gated_labels: dict[int, dict[str, str]] = {}
        self._classes: dict = _NO_CLASSES  # the word classes the gated Matchers were built with

    def add_patterns(self, patterns) -> None:
        classes = self._word_classes()
        if classes is not self._classes and len(self):  # gates and Matchers follow the word classes
            patterns = [*self.patterns, *patterns]
            self.clear()
        self._classes = classes
        plain = []
        for entry in patterns:
            if not isinstance(entry["pattern"], list):
                plain.append(entry)
                continue
            # (a pattern whose first token may be absent is gated as two: without it, and with it required)
            variants = optional_first_variants(entry["pattern"])
            gated = []
            for variant in variants:
                pattern = classes_as_sets(variant, classes)  # a word class may gate: "_PART_DESC"
                if (words := gate_words(pattern)) is not None:
                    gated.append((variant, [(_GATE_ATTRS[attr], word) for attr, word in words]))
                elif (regex := regex_gate(pattern)) is not None:
                    gated.append((variant, [(_GATE_ATTRS[regex[0]], ("REGEX", regex[1]))]))
                else:
                    break
            if len(gated) < len(variants):
                plain.append(entry)
                continue
            label = repr((entry["label"], entry.get("id", "")))
            self._gated_labels[self.nlp.vocab.strings.add(label)] = {"label": entry["label"], "id": entry.get("id", "")}
            for variant, keys in gated:
                in_paragraph = all(_never_space(spec) for spec in variant)
                for attr, word in keys:
                    if isinstance(word, tuple):  # ("REGEX", expression)
                        key = (attr, word)
                        gates = self._regex_gates.setdefault(attr, [])
                        if key not in [known for known, _ in gates]:
                            gates.append((key, re.compile(word[1])))
                    else:
                        key = (attr, self.nlp.vocab.strings.add(word))
                    self._gated_specs.setdefault(key, {}).setdefault(in_paragraph, []).append(len(self._gated_patterns))
                self._gated_patterns.append((entry, variant))
            self._gated_entries.append(entry)
        self._build_gated()
        if plain:
            # spaCy parses phrase patterns with every component before this one;
            # a trainable one (tok2vec) sets nothing a phrase pattern compares
            # and cost over a second of each load, so it is left out. So is
            # vner_token_classes where every phrase is already as the rules read
            # text (``_read_as_is``): it sets only extensions, which a phrase
            # never compares, and its ``rules_view`` would return the Doc as it
            # is (0.6 s of each load).
            names = [name for name, _ in self.nlp.pipeline]
            before = names[: names.index(self.name)] if self.name in names else []
            as_is = all(_read_as_is(entry["pattern"]) for entry in plain if isinstance(entry["pattern"], str))
            skip = [name for name in before if isinstance(self.nlp.get_pipe(name), TrainablePipe)
                    or (as_is and isinstance(self.nlp.get_pipe(name), TokenClasses))]
            with self.nlp.select_pipes(disable=skip):
                super().add_patterns(plain)

    def from_disk(self, path, *, exclude=tuple()):
        with self._restoring():
            return super().from_disk(path, exclude=exclude)

    def from_bytes(self, bytes_data, *, exclude=tuple()):
        with self._restoring():
            return super().from_bytes(bytes_data, exclude=exclude)

    @contextlib.contextmanager
    def _restoring(self):
        """Patterns read back from a saved pipeline are not validated again: they
        were when first added (``validate`` checks every token pattern's schema
        with pydantic, 0.2 s of each load). Patterns added later are."""
        validate, self.validate = self.validate, False
        try:
            yield
        finally:
            self.validate = self.matcher.validate = validate

    def _word_classes(self) -> dict:
        """The word classes the pipeline's ``vner_token_classes`` marks (none if it has none)."""
        return next((proc.classes for _, proc in self.nlp.pipeline if isinstance(proc, TokenClasses)), _NO_CLASSES)

    def _matcher(self) -> Matcher:
        return Matcher(self.nlp.vocab, validate=self.validate, fuzzy_compare=self.matcher_fuzzy_compare)

    def _build_gated(self) -> None:
        classes = self._classes
        shared: dict[tuple, Matcher] = {}
        self._unglued = {}  # id(matcher) -> the same patterns for text without glued words (without_glued)
        self._longest: dict[int, int | None] = {}  # id(matcher) -> the most tokens a match of it spans (None: no bound)
        # id(matcher) -> where no bound: the most tokens its bounded tokens take and, by attribute, the words its
        # tokens under "+" or "*" may have (``_runs``; None: some such token may be any word)
        self._runs: dict[int, tuple[int, tuple[tuple[int | str, frozenset[int]], ...]] | None] = {}
        self._sorted: dict[frozenset[int], numpy.ndarray] = {}  # the words of a run, as a sorted array (``_isin``)
        self._split: dict[int, _AnchoredPatterns] = {}  # id(matcher) -> its patterns by their anchor words
        # id(matcher) -> for each pattern, the words its later tokens must have (``_required``; None: a pattern has none)
        self._required: dict[int, list[tuple[tuple[int, frozenset[int]], ...]] | None] = {}
        self._gated = {}
        for key, per in self._gated_specs.items():
            for in_paragraph, indices in per.items():
                signature = (in_paragraph, tuple(indices))
                if signature not in shared:
                    matcher = shared[signature] = self._matcher()
                    lengths = [_longest(self._gated_patterns[i][1]) for i in indices]
                    self._longest[id(matcher)] = None if None in lengths else max(lengths)
                    named = [(repr((entry["label"], entry.get("id", ""))), classes_as_sets(variant, classes))
                             for entry, variant in (self._gated_patterns[i] for i in indices)]
                    for name, pattern in named:
                        matcher.add(name, [pattern])
                    runs = [_runs(pattern) for _, pattern in named]
                    self._runs[id(matcher)] = None if None in runs else (
                        max(bounded for bounded, _ in runs),
                        tuple(sorted(((attr if attr == GLUED_RUN else _GATE_ATTRS[attr],
                                       frozenset(get_string_id(w) for _, words in runs for w in words.get(attr, ())))
                                      for attr in {a for _, words in runs for a in words}), key=lambda item: str(item[0]))))
                    for _, hashes in (self._runs[id(matcher)] or (0, ()))[1]:
                        self._sorted.setdefault(hashes, _sorted_hashes(hashes))
                    required = [_required(pattern) for _, pattern in named]
                    self._required[id(matcher)] = None if not all(required) else required
                    for _, hashes in (word for needs in required for word in needs):
                        self._sorted.setdefault(hashes, _sorted_hashes(hashes))
                    unglued = [(name, without_glued(pattern)) for name, pattern in named]
                    anchored = [_anchor(pattern) is not None for _, pattern in named]
                    if all(anchored) or (len(named) >= _SPLIT_AT and any(anchored)):
                        self._split[id(matcher)] = _AnchoredPatterns(named, [plain for _, plain in unglued], self._matcher)
                    if all(plain == pattern for (_, plain), (_, pattern) in zip(unglued, named)):
                        self._unglued[id(matcher)] = matcher  # no glued test: the same Matcher (built once)
                    else:
                        plain_matcher = self._unglued[id(matcher)] = self._matcher()
                        plain_matcher.validate = False  # its patterns are the matcher's, less some tokens
                        for name, plain in unglued:
                            if plain is not None:
                                plain_matcher.add(name, [plain])
                self._gated.setdefault(key, {})[in_paragraph] = shared[signature]
        # attribute id -> {a word's hash: the gate keys it opens}: the gate words, and the words an expression
        # gate has been tested on (each word tested once; then a dict lookup per token and attribute)
        self._gate_keys: dict[int, dict[int, tuple]] = {}
        self._gate_attrs = sorted({attr for attr, _ in self._gated})
        for attr, word in self._gated:
            if not isinstance(word, tuple):  # ("REGEX", expression): tested on the Doc's words as they come
                self._gate_keys.setdefault(attr, {})[word] = ((attr, word),)
        self._regex_tested: dict[int, set[int]] = {}  # attribute id -> the word hashes the expressions were tested on
        self._gate_arrays: dict[int, numpy.ndarray] = {}  # attribute id -> the hashes of _gate_keys, sorted (``_isin``)

    @property
    def patterns(self) -> list[dict]:
        return list(super().patterns) + self._gated_entries

    def __len__(self) -> int:
        return super().__len__() + len(self._gated_entries)

    def __contains__(self, label: str) -> bool:
        return any(p["label"] == label for p in self.patterns)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted({p["label"] for p in self.patterns}))

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(sorted({p["id"] for p in self.patterns if p.get("id") is not None}))

    def remove(self, label: str) -> None:
        self._rebuild([p for p in self.patterns if p["label"] != label], label in self)

    def remove_by_id(self, pattern_id: str) -> None:
        self._rebuild([p for p in self.patterns if p.get("id") != pattern_id], pattern_id in self.ids)

    def _rebuild(self, kept, found: bool) -> None:
        if not found:
            raise ValueError(f"No pattern to remove in {self.name}")
        self.clear()
        self.add_patterns(kept)

    def match(self, doc: Doc):
        with reading(doc):  # (line breaks and glued words read once per Doc: helpers.per_doc)
            return self._match(doc)

    def _match(self, doc: Doc):
        if self._word_classes() is not self._classes:  # the classes were set after the patterns
            self.add_patterns([])
        spans = set(super().match(doc))
        if not self._gated or not len(doc):
            return sorted(spans)
        attr_ids = self._gate_attrs
        columns = doc.to_array(attr_ids).reshape(len(doc), len(attr_ids)).T
        breaks = newline_positions(doc)  # newline tokens: in no paragraph
        # gate word -> its positions (hashes compared over the arrays; an expression tested once per distinct word)
        where: dict[tuple, list[int]] = {}
        for attr, column in zip(attr_ids, columns):
            values = column.tolist()
            keys = self._gate_keys.setdefault(attr, {})
            if attr in self._regex_gates:
                tested = self._regex_tested.setdefault(attr, set())
                if len(tested) > _REGEX_TESTED_MAX:  # (a long-running process: start afresh)
                    self._regex_tested.clear()
                    self._build_gated()
                    return self._match(doc)
                for h in set(values) - tested:
                    text = doc.vocab.strings[h]
                    hits = tuple(key for key, regex in self._regex_gates[attr] if regex.search(text))
                    if hits:
                        keys[h] = keys.get(h, ()) + hits
                    tested.add(h)
            known = self._gate_arrays.get(attr)
            if known is None or len(known) != len(keys):  # (the gate words as an array, remade as expressions add some)
                known = self._gate_arrays[attr] = _sorted_hashes(keys)
            for i in numpy.flatnonzero(_isin(column, known)).tolist():
                for key in keys[values[i]]:
                    where.setdefault(key, []).append(i)
        # Each Matcher runs once per paragraph (or on the rest of the document) from the first
        # position of one of its gate words: a gated match starts at one. A Matcher whose
        # matches span at most L tokens runs only on the L tokens from each such position
        # (windows that overlap are joined): the Matcher reads every token it is given.
        starts: dict[int, tuple[Matcher, dict[int, set[int]]]] = {}
        for key, found in where.items():
            for in_paragraph, matcher in self._gated[key].items():
                per = starts.setdefault(id(matcher), (matcher, {}))[1]
                for i in found:
                    k = bisect.bisect_left(breaks, i)  # the paragraph of position i
                    if not in_paragraph:
                        per.setdefault(_WHOLE, set()).add(i)
                    elif k == len(breaks) or breaks[k] != i:  # not a newline token: no paragraph pattern starts there
                        per.setdefault(k, set()).add(i)
        # A Matcher whose matches are unbounded but whose tokens under "+" or "*" must have some
        # words (an entity label: {"ENT_TYPE": "PROVINCE", "OP": "+"}) runs from each such position up
        # to the first word past the most its other tokens take (``_runs``), not to the paragraph's end.
        glue_at = glued_positions(doc)
        arrays: dict[int, numpy.ndarray] = {}
        rows: dict[int, list[int]] = {}  # (the same as lists, for _AnchoredPatterns)
        outside: dict[tuple, list[int]] = {}  # the words of a Matcher's runs -> the positions none of them takes
        where_words = _WhereWords(doc, arrays, self._sorted)  # (attribute, words) -> where they are (runs, ``_required``)
        for matcher, per in starts.values():
            longest, runs, others = self._longest[id(matcher)], self._runs.get(id(matcher)), None
            if longest is None and runs is not None:
                others = outside.get(runs[1])  # (Matchers share their runs' words: computed once a Doc)
                if others is None:
                    inside = numpy.zeros(len(doc), dtype=bool)
                    for attr, hashes in runs[1]:
                        if attr == GLUED_RUN:
                            inside[glue_at] = True
                            continue
                        inside[where_words[(attr, hashes)]] = True
                    others = outside[runs[1]] = numpy.flatnonzero(~inside).tolist()  # the positions no "+" or "*" token can take
            split = self._split.get(id(matcher))
            for k, found in per.items():
                end = len(doc) if k == _WHOLE or k == len(breaks) else breaks[k]
                found = sorted(found)
                if longest is not None:
                    stops = [None] * len(found) if split is not None else [min(i + longest, end) for i in found]
                else:
                    stops = _stops(found, end, runs[0] if others is not None else 0, others)
                if split is not None:  # (stop None: the longest of the patterns run)
                    for i, stop in zip(found, stops):
                        spans.update(split.spans(doc, i, end, rows, glue_at, self._gated_labels, stop))
                    continue
                windows = []
                for i, stop in zip(found, stops):
                    if windows and i <= windows[-1][1]:
                        windows[-1][1] = max(windows[-1][1], stop)
                    else:
                        windows.append([i, stop])
                required = self._required.get(id(matcher))
                for start, stop in windows:
                    if required is not None and not any(all(_occurs(word, start, stop, where_words) for word in needs)
                                                        for needs in required):
                        continue  # (no pattern's later words are there: the Matcher would find nothing)
                    at = bisect.bisect_left(glue_at, start)
                    glued_here = at < len(glue_at) and glue_at[at] < stop
                    run = matcher if glued_here else self._unglued[id(matcher)]
                    for m_id, m_start, m_end in run(doc[start:stop]) if len(run) else ():
                        if m_start != m_end:
                            labels = self._gated_labels[m_id]
                            spans.add(Span(doc, start + m_start, start + m_end, label=labels["label"], span_id=labels["id"]))
        return sorted(spans)


_REQUIRED_MOST = 64  # (``_required``) the most values of a token's test read as words a window must hold


def _required(pattern: list[dict]) -> tuple[tuple[int, frozenset[int]], ...]:
    """The (attribute, words) one of which a token after the first must have in every match of ``pattern``: its
    tokens that occur at least once ("1", "+") and test a word or an entity label against a few fixed values (up to
    ``_REQUIRED_MOST``: a long list is in most windows, and hashing it costs load time). A gated Matcher is not run
    on a window holding none of them for each of its patterns (``GatedSpanRuler.match``).

    >>> needs = _required([{"ENT_TYPE": "RANK", "OP": "+"}, {"LOWER": "cảnh", "IS_LOWER": True}, {"IS_TITLE": True, "OP": "+"}])
    >>> needs == ((LOWER, frozenset({get_string_id("cảnh")})),)
    True
    >>> _required([{"LOWER": "ông"}, {"LOWER": "bà", "OP": "?"}, {"IS_TITLE": True}])
    ()
    """
    needs = []
    for spec in pattern[1:]:
        if str(spec.get("OP", "1")) not in ("1", "+"):
            continue
        for attr, attr_id in _GATE_ATTRS.items():
            value = spec.get(attr)
            values = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) and set(value) == {"IN"} else None
            if isinstance(values, list) and len(values) <= _REQUIRED_MOST and all(isinstance(v, str) for v in values):
                needs.append((attr_id, frozenset(get_string_id(v) for v in values)))
    return tuple(dict.fromkeys(needs))


class _WhereWords(dict):
    """(attribute id, words) -> the sorted positions of a Doc's tokens that have one of them, found as asked."""

    def __init__(self, doc: Doc, arrays: dict, sorted_words: dict):
        super().__init__()
        self.doc, self.arrays, self.sorted_words = doc, arrays, sorted_words

    def __missing__(self, key: tuple[int, frozenset[int]]) -> list[int]:
        attr, words = key
        if attr not in self.arrays:
            self.arrays[attr] = self.doc.to_array(attr)
        found = self[key] = numpy.flatnonzero(_isin(self.arrays[attr], self.sorted_words[words])).tolist()
        return found


def _occurs(word: tuple[int, frozenset[int]], start: int, stop: int, where: _WhereWords) -> bool:
    """Whether a token of ``doc[start:stop]`` has one of the words (``_WhereWords``)."""
    at = where[word]
    k = bisect.bisect_left(at, start)
    return k < len(at) and at[k] < stop


def _stops(starts: list[int], end: int, bounded: int, others: list[int] | None) -> list[int]:
    """Where a match from each of ``starts`` ends at the latest, before ``end``: at the position past the ``bounded``
    first of ``others`` (the sorted positions no unbounded token can take) from it, since a match holds at most that
    many of them (``_runs``); ``end`` where ``others`` is None. (A bisection per start: numpy's per-call cost is more
    than that for the few starts of a paragraph.)"""
    if others is None:
        return [end] * len(starts)
    stops = []
    for i in starts:
        past = bisect.bisect_left(others, i) + bounded
        stops.append(min(others[past], end) if past < len(others) else end)
    return stops


def _sorted_hashes(hashes) -> numpy.ndarray:
    return numpy.array(sorted(hashes), dtype="uint64")


def _isin(column: numpy.ndarray, sorted_hashes: numpy.ndarray) -> numpy.ndarray:
    """``numpy.isin(column, sorted_hashes)`` for hashes sorted once (``_sorted_hashes``), not at every call."""
    if not len(sorted_hashes):
        return numpy.zeros(len(column), dtype=bool)
    at = numpy.minimum(numpy.searchsorted(sorted_hashes, column), len(sorted_hashes) - 1)
    return sorted_hashes[at] == column


_REGEX_TESTED_MAX = 500_000  # words whose expression-gate results a ruler keeps
_SPLIT_AT = 8  # a gated Matcher of this many patterns or more is split by its anchor words (or one whose every pattern has one)
_ANCHOR_ATTRS = {"NORM": NORM, "LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH, "ENT_TYPE": ENT_TYPE, "ENT_ID": ENT_ID}


def _anchor(pattern: list[dict]) -> tuple[str, int, int, list[str]] | None:
    """The first required token after the first whose word is one of fixed words, and how
    far from a match's start it is: (attribute, nearest, farthest, words), or None.

    >>> _anchor([{"TEXT": {"REGEX": "^\\d+$"}}, {"NORM": {"IN": ["nghìn", "triệu"]}, "OP": "{0,2}"},
    ...          {"NORM": {"IN": ["đối", "Đối"]}}, {"NORM": "tượng"}])
    ('NORM', 1, 3, ['đối', 'Đối'])
    >>> _anchor([{"LOWER": "ông"}, {"IS_TITLE": True, "OP": "+"}, {"LOWER": "nói"}]) is None
    True
    """
    nearest = farthest = 0
    for k, spec in enumerate(pattern):
        op = str(spec.get("OP", "1"))
        if k and op == "1":
            for attr in _ANCHOR_ATTRS:
                value = spec.get(attr)
                words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) and set(value) == {"IN"} else None
                if isinstance(words, list) and words and all(isinstance(w, str) for w in words):
                    return attr, nearest, farthest, words
        if op == "1":
            nearest, farthest = nearest + 1, farthest + 1
        elif op in ("?", "!"):
            farthest += 1
        elif (bound := re.fullmatch(r"\{(\d*)(,?)(\d*)\}", op)) and (bound[3] or (bound[1] and not bound[2])):
            nearest, farthest = nearest + int(bound[1] or 0), farthest + int(bound[3] or bound[1])
        else:  # "+", "*", "{n,}": no bound on where a later token is
            return None
    return None


class _AnchoredPatterns:
    """The patterns of one gated Matcher, by the words of their anchor (``_anchor``).

    At a gate position only the patterns whose anchor word is where it can be
    run ("15 nghìn viên": the patterns of "viên", not the other units), in a
    Matcher built for that set once and kept; patterns with no anchor always
    run. spaCy's Matcher starts every pattern at every token it is given:
    one Matcher of 160 quantity patterns costs that much per token. Same
    matches as the whole Matcher: a match of a pattern holds its anchor
    word at one of the positions looked at.
    """

    def __init__(self, named: list[tuple[str, list]], plain: list[list | None], make_matcher):
        self.named, self.plain, self.make_matcher = named, plain, make_matcher
        self.lengths = [_longest(pattern) for _, pattern in named]
        self.always: list[int] = []
        self.tables: dict[tuple[int, int, int], dict[int, list[int]]] = {}
        for index, (_, pattern) in enumerate(named):
            anchor = _anchor(pattern)
            if anchor is None:
                self.always.append(index)
                continue
            attr, nearest, farthest, words = anchor
            table = self.tables.setdefault((_ANCHOR_ATTRS[attr], nearest, farthest), {})
            for word in words:
                table.setdefault(get_string_id(word), []).append(index)
        self.matchers: dict[tuple[tuple[int, ...], bool], Matcher] = {}

    def spans(self, doc: Doc, i: int, end: int, rows: dict, glue_at: list[int], labels: dict,
              stop: int | None = None) -> list[Span]:
        """The matches of the patterns that can match from ``i`` (``rows``: the Doc's attribute values as lists, by
        attribute, filled as needed)."""
        chosen = set(self.always)
        for (attr, nearest, farthest), table in self.tables.items():
            column = rows.get(attr)
            if column is None:
                column = rows[attr] = doc.to_array(attr).tolist()
            for j in range(i + nearest, min(i + farthest, end - 1) + 1):
                if column[j] in table:
                    chosen.update(table[column[j]])
        if not chosen:
            return []
        key = tuple(sorted(chosen))
        if stop is None:  # (bounded patterns: no further than the longest of those run)
            stop = min(i + max(self.lengths[k] for k in key), end)
        at = bisect.bisect_left(glue_at, i)
        glued = at < len(glue_at) and glue_at[at] < stop
        matcher = self.matchers.get((key, glued))
        if matcher is None:
            matcher = self.matchers[(key, glued)] = self.make_matcher()
            matcher.validate = False  # (validated in the whole Matcher)
            for k in key:
                pattern = self.named[k][1] if glued else self.plain[k]
                if pattern is not None:
                    matcher.add(self.named[k][0], [pattern])
        found = []
        for m_id, m_start, m_end in matcher(doc[i:stop]) if len(matcher) else ():
            if m_start != m_end:
                label = labels[m_id]
                found.append(Span(doc, i + m_start, i + m_end, label=label["label"], span_id=label["id"]))
        return found


_RUN_ATTRS = ("ENT_TYPE", "ENT_ID", "NORM", "LOWER", "ORTH", "TEXT")
GLUED_RUN = "GLUED"  # (``_runs``) a token under "+" or "*" that only a glued syllable passes


def _runs(pattern: list[dict]) -> tuple[int, dict[str, set[str]]] | None:
    """The most tokens the pattern's bounded tokens take, and by attribute the words its tokens
    under "+", "*" or "{n,}" may have; None if one of those may be any word.

    A match then holds at most that many tokens whose word is none of those, which bounds
    where a match from a position can end (``GatedSpanRuler.match``).

    >>> _runs([{"LOWER": "quốc"}, {"LOWER": "lộ", "OP": "?"}, {"ENT_TYPE": {"IN": ["QUANTITY"]}, "OP": "+"}])
    (2, {'ENT_TYPE': {'QUANTITY'}})
    >>> _runs([{"LOWER": "ông"}, {"IS_TITLE": True, "OP": "+"}]) is None
    True
    >>> _runs([{"IS_TITLE": True}, {"_": {"vner_glued": True}, "OP": "*"}, {"IS_TITLE": True, "OP": "{0,3}"}])
    (4, {'GLUED': set()})
    """
    bounded, words = 0, {}
    for spec in pattern:
        op = str(spec.get("OP", "1"))
        if op in ("1", "?", "!"):
            bounded += 1
            continue
        if (bound := re.fullmatch(r"\{(\d*)(,?)(\d*)\}", op)) and (bound[3] or (bound[1] and not bound[2])):
            bounded += int(bound[3] or bound[1])
            continue
        for attr in _RUN_ATTRS:  # "+", "*", "{n,}": a test of the word that every token taken passes
            value = spec.get(attr)
            values = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) and set(value) == {"IN"} else None
            if isinstance(values, list) and all(isinstance(v, str) for v in values):
                words.setdefault(attr, set()).update(values)
                break
        else:
            if spec.get("_", {}).get(f"vner_{GLUED}") is not True:
                return None
            words.setdefault(GLUED_RUN, set())  # only glued syllables: their positions are known per Doc
    return bounded, words


def _longest(pattern: list[dict]) -> int | None:
    """The most tokens a match of ``pattern`` spans, or None if a quantifier has no bound.

    >>> _longest([{"LOWER": "ông"}, {"IS_TITLE": True, "OP": "{1,3}"}, {"ORTH": ".", "OP": "?"}, {"ORTH": "-", "OP": "!"}])
    6
    >>> _longest([{"LOWER": "ông"}, {"IS_TITLE": True, "OP": "+"}]) is None
    True
    """
    total = 0
    for spec in pattern:
        op = str(spec.get("OP", "1"))
        if op in ("1", "?", "!"):  # a negated token is a token that does not match: one
            total += 1
        elif (bound := re.fullmatch(r"\{(\d*)(,?)(\d*)\}", op)) and (bound[3] or (bound[1] and not bound[2])):
            total += int(bound[3] or bound[1])
        else:  # "+", "*", "{n,}"
            return None
    return total


def _read_as_is(phrase: str) -> bool:
    """True if ``helpers.rules_view`` leaves every Doc of ``phrase`` as it is: the
    text is in NFC and holds no whitespace token inside a line (no whitespace but
    single spaces between words, no invisible format character).

    >>> [_read_as_is(p) for p in ("Bộ Công an", "Bộ  Công an", "Bộ\\u00a0Công an", " Bộ", "Bo\\u0323")]
    [True, False, False, False, False]
    """
    # (str.isprintable: no whitespace but " ", no format character, nor any other invisible one)
    return unicodedata.is_normalized("NFC", phrase) and phrase.isprintable() and phrase == phrase.strip(" ") \
        and "  " not in phrase


_WORD_ATTRS = ("NORM", "LOWER", "ORTH", "TEXT")
_SPACES = ("\n", "\n\n", " ", "  ", "\t", "\n ", " \n", "\r\n", "\u00a0")
_NOT_SPACE_FLAGS = ("IS_TITLE", "IS_ALPHA", "IS_DIGIT", "IS_UPPER", "IS_LOWER", "IS_PUNCT", "LIKE_NUM")


def _never_space(spec: dict) -> bool:
    """True if a token spec cannot match a whitespace token ("\n\n")."""
    for attr in _WORD_ATTRS:
        value = spec.get(attr)
        words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
        if isinstance(words, list) and all(isinstance(w, str) and w.strip() for w in words):
            return True
        regex = value.get("REGEX") if isinstance(value, dict) else None
        if isinstance(regex, str) and regex.startswith("^") and not any(re.search(regex, w) for w in _SPACES):
            return True
    if any(spec.get(flag) is True for flag in _NOT_SPACE_FLAGS) or spec.get("IS_SPACE") is False:
        return True
    # an entity token: the rules' entities are matched words, and spaCy's NER
    # never starts or ends an entity on whitespace
    for attr in ("ENT_TYPE", "ENT_ID"):
        value = spec.get(attr)
        if (isinstance(value, str) and value) or (isinstance(value, dict) and set(value) == {"IN"} and all(value["IN"])):
            return True
    # vner word classes hold words, never whitespace (vner.model.patterns.load_classes)
    return any(v is True for k, v in spec.get("_", {}).items() if k.startswith("vner_"))


@Language.factory(
    "vner_span_ruler",
    default_config={
        "spans_key": "ruler", "spans_filter": None, "annotate_ents": False, "ents_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
        "phrase_matcher_attr": None, "matcher_fuzzy_compare": {"@misc": "spacy.levenshtein_compare.v1"},
        "validate": False, "overwrite": True, "scorer": {"@scorers": "spacy.overlapping_labeled_spans_scorer.v1", "spans_key": "ruler"},
    },
)
def make_gated_span_ruler(nlp, name, spans_key, spans_filter, annotate_ents, ents_filter, phrase_matcher_attr,
                          matcher_fuzzy_compare, validate, overwrite, scorer):
    return GatedSpanRuler(
        nlp, name, spans_key=spans_key, spans_filter=spans_filter, annotate_ents=annotate_ents, ents_filter=ents_filter,
        phrase_matcher_attr=phrase_matcher_attr, matcher_fuzzy_compare=matcher_fuzzy_compare, validate=validate,
        overwrite=overwrite, scorer=scorer,
    )


@Language.factory("vner_rules_resolve", default_config={"labels": None})
def make_rules_resolver(nlp: Language, name: str, labels: list[str] | None):
    return RulesResolver(labels, shipped_words())
