"""Rule-based pre-annotator: suggestions an annotator only has to check.

The rules are data: spaCy match patterns in ``configs/patterns/*.jsonl``, one
JSON object a line, in the format of spaCy's ``span_ruler``/``entity_ruler``
(``{"label": ..., "pattern": ..., "id": ...}``). This module turns them into a
pipeline in four steps:

1. ``vner_tone_norm`` sets every token's ``NORM`` to its text with the tone
   mark on one fixed vowel (``tone_norm``: "uỷ" → "ủy", "hoà" → "hòa"), case
   kept. The text itself is never touched, so offsets stay those of the
   stored document. Phrase patterns and ``NORM`` token patterns therefore
   match both tone-placement conventions, and stay case-sensitive (which
   province names need: "Hòa Bình" is a province, "hòa bình" is peace).
2. ``vner_rules_names`` (a ``vner_span_ruler``: spaCy's ``span_ruler``
   running each pattern only where its first word occurs) runs every pattern that does not
   look at other entities: ranks, province names, quantities, named bodies,
   and helper cues. Overlaps go to the longest match; the result is
   ``doc.ents``.
3. ``vner_rules_shapes`` (a second ``vner_span_ruler``) runs the patterns whose
   tokens test ``ENT_TYPE``/``ENT_ID``: shapes built on a first-pass entity
   ("Công an tỉnh" + PROVINCE → ORG; RANK + capitalised words → PERSON;
   "năm" + QUANTITY → exclusion). Its matches go to a span group.
4. ``vner_rules_resolve`` merges them. A second-pass match that starts with
   a first-pass entity of another label claims only the rest ("Đại tá" +
   name → RANK + PERSON, rule 1; "Ảnh:" cue + name → PERSON, rule 6). The
   matches, longest first, replace the first-pass entities they overlap.
   Labels starting with "_" are helpers and never reach the output:
   ``_NONE`` matches are exclusions that drop what they cover ("TP Hà Tĩnh",
   "năm 2022 người"); ``_UNWRAP`` matches give back the first-pass entities
   inside them ("Công an Hà Tĩnh và Bôlykhămxay" → two PROVINCE, not an
   ORG); others are cues ("_CUE" = "Ảnh:"). Last, a capitalised
   abbreviation in brackets right after an ORG is an ORG of its own ("(BLO)",
   rule 3).

The pipeline's ``meta["version"]`` is ``rules-<8 hex>``, a hash of the
pattern files (and of this module), so Label Studio shows a new
``model_version`` whenever the rules change. Pattern format and conventions:
``configs/patterns/README.md``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import re
from pathlib import Path
from typing import Iterable

import spacy
from spacy.language import Language
from spacy.schemas import validate_token_pattern
from spacy.tokens import Doc

from vner import ruler
from vner.errors import VnerError
from vner.files import jsonl_records
from vner.nlp import make_nlp
from vner.ruler import NONE_LABEL, SECOND_PASS_KEY, UNWRAP_LABEL, is_helper, tone_norm  # noqa: F401
from vner.scheme import CONFIGS, LABELS

logger = logging.getLogger(__name__)

PATTERNS_DIR = CONFIGS / "patterns"
NAME = "vner_rules"
# Token attributes that make a pattern a second-pass pattern.
ENTITY_ATTRS = {"ENT_TYPE", "ENT_ID", "ENT_IOB", "ENT_KB_ID"}


# ---------------------------------------------------------------- patterns


def pattern_files(patterns_dir: Path = PATTERNS_DIR) -> list[Path]:
    patterns_dir = Path(patterns_dir)
    if not patterns_dir.is_dir():
        raise VnerError(
            "Pattern folder not found", str(patterns_dir),
            "Pass the folder holding the rule patterns (*.jsonl), e.g. configs/patterns.",
        )
    files = sorted(patterns_dir.glob("*.jsonl"))
    if not files:
        raise VnerError(
            "No pattern files", f"{patterns_dir} has no *.jsonl file",
            'Add JSONL files with one {"label": ..., "pattern": ...} object a line.',
        )
    return files


def rules_version(patterns_dir: Path = PATTERNS_DIR) -> str:
    """``rules-<8 hex>``: a hash of the pattern files and of this module's code.

    Any change in what the rules can output gives a new version, which Label
    Studio shows as a new ``model_version`` of the predictions.
    """
    digest = hashlib.sha256(Path(__file__).read_bytes() + Path(ruler.__file__).read_bytes())
    classes = Path(patterns_dir) / CLASSES_FILE
    for path in pattern_files(patterns_dir) + ([classes] if classes.is_file() else []):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"rules-{digest.hexdigest()[:8]}"


def __getattr__(name: str):
    # RULES_MODEL_VERSION (alias RULES_VERSION) is computed on use, not at import.
    if name in ("RULES_MODEL_VERSION", "RULES_VERSION"):
        return rules_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _normalise_norm_values(token_pattern: list[dict]) -> list[dict]:
    """Apply ``tone_norm`` to the strings a token pattern compares with ``NORM``."""

    def norm(value):
        if isinstance(value, str):
            return tone_norm(value)
        if isinstance(value, list):
            return [norm(v) for v in value]
        if isinstance(value, dict):  # {"IN": [...]}, {"NOT_IN": [...]}, {"REGEX": ...}
            return {op: arg if op.upper() == "REGEX" else norm(arg) for op, arg in value.items()}
        return value

    return [{key: norm(value) if key.upper() == "NORM" else value for key, value in spec.items()} for spec in token_pattern]


def is_second_pass(pattern: dict) -> bool:
    """True for a token pattern that tests another entity (``ENT_TYPE``, ``ENT_ID``)."""
    tokens = pattern["pattern"]
    return isinstance(tokens, list) and any(key.upper() in ENTITY_ATTRS for spec in tokens for key in spec)


CLASSES_FILE = "classes.json"
CLASSES = "vner.rules_classes.v1"


@spacy.registry.misc(CLASSES)
def load_classes(path: str | Path | None = None) -> dict:
    """The word classes of ``classes.json`` in the pattern folder (none if absent), NORM values tone-normalised.

    ``{"org_word": {"attr": "NORM", "values": ["Cảnh", "sát", ...]}}`` lets a
    pattern test ``{"_": {"vner_org_word": true}}``.

    >>> sorted(load_classes())[:1] != []
    True
    """
    file = Path(path or PATTERNS_DIR) / CLASSES_FILE
    if not file.is_file():
        return {}
    try:
        classes = json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise VnerError("Invalid word classes", f"{file}: {e}", "Write one JSON object: {name: {attr, values}}.") from None
    if not isinstance(classes, dict):
        raise VnerError("Invalid word classes", str(file), "Write one JSON object: {name: {attr, values}}.")
    out = {}
    for name, spec in classes.items():
        if not (isinstance(spec, dict) and spec.get("attr") in ("NORM", "LOWER", "ORTH") and isinstance(spec.get("values"), list)
                and all(isinstance(v, str) and v.strip() == v != "" for v in spec["values"])
                and re.fullmatch(r"[a-z][a-z0-9_]*", name)):
            raise VnerError(
                "Invalid word class", f"{file}: {name!r}",
                'Use a lowercase name and {"attr": "NORM" | "LOWER" | "ORTH", "values": ["word", ...]} '
                "(words without surrounding spaces: vner_span_ruler relies on it).",
            )
        values = [tone_norm(v) for v in spec["values"]] if spec["attr"] == "NORM" else spec["values"]
        out[name] = {"attr": spec["attr"], "values": values}
    return out


def load_patterns(patterns_dir: Path = PATTERNS_DIR, labels: Iterable[str] = LABELS) -> list[dict]:
    """Every pattern of ``patterns_dir/*.jsonl``, validated, ``NORM`` values tone-normalised.

    A bad line is reported as ``file:line`` with what is wrong. Parsed once
    per content of the folder (a training reads it for both passes and for
    its label check; about a second for the shipped 9,800 patterns).
    """
    files = pattern_files(patterns_dir)
    classes = Path(patterns_dir) / CLASSES_FILE
    stamp = tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in [*files, classes] if f.is_file())
    return list(_load_patterns(Path(patterns_dir), tuple(labels), stamp))


@functools.lru_cache(maxsize=4)
def _load_patterns(patterns_dir: Path, labels: tuple[str, ...], stamp: tuple) -> tuple[dict, ...]:
    allowed = set(labels)
    known = {f"vner_{name}" for name in load_classes(patterns_dir)}
    patterns = []
    for path in pattern_files(patterns_dir):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as e:
            raise VnerError("Pattern file is not UTF-8", f"{path}: {e}", "Save it as UTF-8.") from None
        expected = 'Each line must be one {"label": ..., "pattern": ...} object.'
        for lineno, where, entry in jsonl_records(text, str(path), expected):
            if not isinstance(entry, dict) or "label" not in entry or "pattern" not in entry:
                raise VnerError(
                    "Invalid pattern line", f"{where}: {json.dumps(entry, ensure_ascii=False)[:80]}",
                    'Expected {"label": ..., "pattern": "phrase" or [token patterns], "id": optional}.',
                )
            if not isinstance(entry["label"], str) or not (entry["label"] in allowed or is_helper(entry["label"])):
                raise VnerError(
                    "Unknown label in pattern", f"{where}: {entry['label']!r}",
                    f"Use one of: {', '.join(sorted(allowed))}, or a helper label starting with '_'.",
                )
            if "id" in entry and not isinstance(entry["id"], str):
                raise VnerError("Invalid pattern id", f"{where}: {entry['id']!r}", "An id must be a string.")
            pattern = entry["pattern"]
            if isinstance(pattern, str):
                if not pattern.strip():
                    raise VnerError("Empty phrase pattern", where, "Remove the line or give the phrase.")
            elif isinstance(pattern, list) and pattern:
                errors = validate_token_pattern(pattern)
                if errors:
                    raise VnerError(
                        "Invalid token pattern", f"{where}: {'; '.join(map(str, errors))}",
                        "See https://spacy.io/usage/rule-based-matching#adding-patterns-attributes.",
                    )
                unknown = {ext for spec in pattern for ext in spec.get("_", {})} - known
                if unknown:
                    raise VnerError(
                        "Unknown word class in pattern", f"{where}: {', '.join(sorted(unknown))}",
                        f'Define it in {patterns_dir / CLASSES_FILE} (a "vner_<name>" test needs the class "<name>").',
                    )
                entry = {**entry, "pattern": _normalise_norm_values(pattern)}
            else:
                raise VnerError(
                    "Invalid pattern", f"{where}: {pattern!r}",
                    "A pattern is a phrase (string) or a non-empty list of token patterns.",
                )
            patterns.append(entry)
    return tuple(patterns)


# ---------------------------------------------------------------- pipeline


# The two span rulers (vner_span_ruler: spaCy's span_ruler gated by first word) of the rules stage, here and in configs/ner.cfg
# (tests/annotation/test_rules.py checks that they agree).
FIRST_PASS = {
    "spans_key": None, "annotate_ents": True, "ents_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
    "phrase_matcher_attr": "NORM", "overwrite": True,
}
SECOND_PASS = {"spans_key": SECOND_PASS_KEY, "annotate_ents": False}
RULES_PATTERNS = "vner.rules_patterns.v1"


@spacy.registry.misc(RULES_PATTERNS)
def rules_patterns(path: str | None = None, second_pass: bool = False) -> list[dict]:
    """The patterns of one pass, for a span_ruler's ``[initialize]`` block.

    Read once when a pipeline is initialised; the span_ruler then saves them
    inside the trained model, which needs no pattern files to load.

    >>> {p["label"] for p in rules_patterns(second_pass=True)} >= {"ORG", "PERSON", "_NONE"}
    True
    """
    return [p for p in load_patterns(Path(path) if path else PATTERNS_DIR) if is_second_pass(p) == second_pass]


def rules_pipeline(patterns_dir: Path = PATTERNS_DIR) -> Language:
    """The rule-based pre-annotator: ``make_nlp("syllable")`` plus the rules stage.

    Give it stored (NFC) text, as ``vner.text.normalize`` produces: the
    syllable tokenizer splits NFD combining marks off their letters.

    >>> nlp = rules_pipeline()
    >>> [(e.text, e.label_) for e in nlp("Đại tá Lê Văn Thái - Công an tỉnh Nghệ An thu 417,9 kg ma tuý").ents]
    [('Đại tá', 'RANK'), ('Lê Văn Thái', 'PERSON'), ('Công an tỉnh Nghệ An', 'ORG'), ('417,9 kg', 'QUANTITY')]
    """
    nlp = add_rules_stage(make_nlp("syllable"), patterns_dir)
    nlp.meta["name"] = NAME
    nlp.meta["description"] = "Rule-based Vietnamese NER pre-annotator"
    nlp.meta["version"] = rules_version(patterns_dir)
    return nlp


def add_rules_stage(nlp: Language, patterns_dir: Path = PATTERNS_DIR, span_ruler: str = "vner_span_ruler") -> Language:
    """Append the rules stage (as in configs/ner.cfg) to ``nlp``; a NER added after it fills the gaps.

    ``span_ruler="span_ruler"`` builds it with spaCy's own span ruler (same
    matches, slower: the peer in tests and benchmarks).
    """
    patterns = load_patterns(patterns_dir)
    nlp.add_pipe("vner_tone_norm")
    nlp.add_pipe("vner_token_classes").set_classes(load_classes(patterns_dir))
    first_pass = [p for p in patterns if not is_second_pass(p)]
    second_pass = [p for p in patterns if is_second_pass(p)]
    if first_pass:
        nlp.add_pipe(span_ruler, name="vner_rules_names", config=FIRST_PASS).add_patterns(first_pass)
    if second_pass:
        nlp.add_pipe(span_ruler, name="vner_rules_shapes", config=SECOND_PASS).add_patterns(second_pass)
    nlp.add_pipe("vner_rules_resolve")
    logger.info("Loaded %d rule patterns from %s", len(patterns), patterns_dir)
    return nlp


# ---------------------------------------------------------------- scores


def rules_scores(docs_gold: list[Doc], nlp: Language | None = None) -> dict:
    """Precision, recall and F1 of the rules against gold Docs, exact span match.

    Spans are compared by character offsets and label. ``tp`` per label is the
    number of gold spans the annotator gets for free; ``fp`` the suggestions
    they must delete. The dict mirrors spaCy's scorer (``ents_p``, ``ents_r``,
    ``ents_f``, ``ents_per_type``) plus counts and the rules version.

    >>> from vner.nlp import make_nlp
    >>> gold = make_nlp()("Đại tá Lê Văn Thái đến tỉnh Hà Tĩnh")
    >>> gold.ents = [gold.char_span(0, 6, "RANK"), gold.char_span(28, 35, "PROVINCE")]
    >>> scores = rules_scores([gold])
    >>> scores["ents_per_type"]["RANK"]["tp"], scores["fp"], scores["ents_r"]
    (1, 1, 1.0)
    """
    nlp = nlp or rules_pipeline()
    labels = list(dict.fromkeys([*LABELS, *(e.label_ for d in docs_gold for e in d.ents)]))
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
