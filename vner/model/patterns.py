"""Loading the rule patterns (``configs/patterns/``) into the rules stage.

The rules are data: spaCy match patterns in ``configs/patterns/*.jsonl``, one
JSON object a line, in the format of spaCy's ``span_ruler``
(``{"label": ..., "pattern": ..., "id": ...}``), plus word classes
(``classes.json``). This module validates them, splits them into the two
passes, and registers the loaders that ``configs/ner.cfg`` names in its
``[initialize]`` block. The patterns are read when a pipeline is initialised
and saved inside it: a packaged model needs neither this module nor the files.
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

from ..core.errors import VnerError
from ..core.files import jsonl_records
from ..core.resources import CONFIGS
from ..core.scheme import labels as scheme_labels
from . import ruler
from .ruler import SECOND_PASS_KEY, is_helper, tone_norm

logger = logging.getLogger(__name__)

PATTERNS_DIR = CONFIGS / "patterns"
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
    """``rules-<8 hex>``: a hash of the pattern files, the resolver's word lists and the rules' code.

    Any change in what the rules can output gives a new version, which Label
    Studio shows as a new ``model_version`` of the predictions.
    """
    code = [Path(__file__), Path(ruler.__file__)] + [Path(ruler.__file__).with_name(name) for name in ruler.SHIPS_WITH]
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in code))
    classes = Path(patterns_dir) / CLASSES_FILE
    for path in pattern_files(patterns_dir) + ([classes] if classes.is_file() else []):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for name, words in sorted(ruler.shipped_words().items()):  # the resolver's word lists
        digest.update(name.encode() + b"\0" + "\n".join(words).encode() + b"\0")
    return f"rules-{digest.hexdigest()[:8]}"



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


def load_patterns(patterns_dir: Path = PATTERNS_DIR, labels: Iterable[str] | None = None) -> list[dict]:
    """Every pattern of ``patterns_dir/*.jsonl``, validated, ``NORM`` values tone-normalised.

    A bad line is reported as ``file:line`` with what is wrong. Parsed once
    per content of the folder (a training reads it for both passes and for
    its label check; about a second for the shipped 9,800 patterns).
    """
    files = pattern_files(patterns_dir)
    classes = Path(patterns_dir) / CLASSES_FILE
    stamp = tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in [*files, classes] if f.is_file())
    return list(_load_patterns(Path(patterns_dir), tuple(scheme_labels() if labels is None else labels), stamp))


@functools.lru_cache(maxsize=4)
def _load_patterns(patterns_dir: Path, labels: tuple[str, ...], stamp: tuple) -> tuple[dict, ...]:
    allowed = set(labels)
    known = {f"vner_{name}" for name in [*load_classes(patterns_dir), *ruler.BUILTIN_CLASSES]}
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
                        f'Define it in {patterns_dir / CLASSES_FILE} (a "vner_<name>" test needs the class "<name>"; '
                        f'built in: {", ".join(ruler.BUILTIN_CLASSES)}).',
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
