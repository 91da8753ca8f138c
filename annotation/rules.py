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
2. ``vner_rules_names`` (a ``span_ruler``) runs every pattern that does not
   look at other entities: ranks, province names, quantities, named bodies,
   and helper cues. Overlaps go to the longest match; the result is
   ``doc.ents``.
3. ``vner_rules_shapes`` (a second ``span_ruler``) runs the patterns whose
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

import hashlib
import json
import logging
import re
import unicodedata
from pathlib import Path
from typing import Iterable

from spacy.language import Language
from spacy.schemas import validate_token_pattern
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from vner.errors import VnerError
from vner.nlp import make_nlp
from vner.scheme import CONFIGS, LABELS

logger = logging.getLogger(__name__)

PATTERNS_DIR = CONFIGS / "patterns"
NAME = "vner_rules"
# Labels starting with "_" are helpers and never reach the output (module docstring).
HELPER_PREFIX = "_"
NONE_LABEL = "_NONE"
UNWRAP_LABEL = "_UNWRAP"


def is_helper(label: str) -> bool:
    return label.startswith(HELPER_PREFIX)


# Token attributes that make a pattern a second-pass pattern.
ENTITY_ATTRS = {"ENT_TYPE", "ENT_ID", "ENT_IOB", "ENT_KB_ID"}
SECOND_PASS_KEY = "vner_rules_second_pass"

# ---------------------------------------------------------------- tone marks

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
# In NFD: "oa", "oe" or "uy" closing a syllable, with the tone mark on the second vowel
# ("hoà", "khoẻ", "uỷ"); not after "q", where "u" is part of the consonant ("quý").
_SECOND_VOWEL_TONE = re.compile(rf"(?<![qQ])([oO][aAeE]|[uU][yY])([{_TONE_MARKS}])(?!\w)")


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


@Language.component("vner_tone_norm")
def tone_norm_component(doc: Doc) -> Doc:
    """Set ``token.norm_`` to ``tone_norm(token.text)``; the text is untouched."""
    for token in doc:
        token.norm_ = tone_norm(token.text)
    return doc


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
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in pattern_files(patterns_dir):
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


def load_patterns(patterns_dir: Path = PATTERNS_DIR, labels: Iterable[str] = LABELS) -> list[dict]:
    """Every pattern of ``patterns_dir/*.jsonl``, validated, ``NORM`` values tone-normalised.

    A bad line is reported as ``file:line`` with what is wrong.
    """
    allowed = set(labels)
    patterns = []
    for path in pattern_files(patterns_dir):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError as e:
            raise VnerError("Pattern file is not UTF-8", f"{path}: {e}", "Save it as UTF-8.") from None
        for lineno, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as e:
                raise VnerError("Invalid pattern line", f"{where}: {e.msg}", "Each line must be one JSON object.") from None
            if not isinstance(entry, dict) or "label" not in entry or "pattern" not in entry:
                raise VnerError(
                    "Invalid pattern line", f"{where}: {line[:80]}",
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
                entry = {**entry, "pattern": _normalise_norm_values(pattern)}
            else:
                raise VnerError(
                    "Invalid pattern", f"{where}: {pattern!r}",
                    "A pattern is a phrase (string) or a non-empty list of token patterns.",
                )
            patterns.append(entry)
    return patterns


# ---------------------------------------------------------------- pipeline


def rules_pipeline(patterns_dir: Path = PATTERNS_DIR) -> Language:
    """The rule-based pre-annotator: ``make_nlp("syllable")`` plus the pattern rulers.

    Give it stored (NFC) text, as ``vner.text.normalize`` produces: the
    syllable tokenizer splits NFD combining marks off their letters.

    >>> nlp = rules_pipeline()
    >>> [(e.text, e.label_) for e in nlp("Đại tá Lê Văn Thái - Công an tỉnh Nghệ An thu 417,9 kg ma tuý").ents]
    [('Đại tá', 'RANK'), ('Lê Văn Thái', 'PERSON'), ('Công an tỉnh Nghệ An', 'ORG'), ('417,9 kg', 'QUANTITY')]
    """
    patterns = load_patterns(patterns_dir)
    version = rules_version(patterns_dir)
    nlp = make_nlp("syllable")
    nlp.add_pipe("vner_tone_norm")
    longest = {"@misc": "spacy.first_longest_spans_filter.v1"}
    first_pass = [p for p in patterns if not is_second_pass(p)]
    second_pass = [p for p in patterns if is_second_pass(p)]
    if first_pass:
        nlp.add_pipe("span_ruler", name="vner_rules_names", config={
            "spans_key": None, "annotate_ents": True, "ents_filter": longest,
            "phrase_matcher_attr": "NORM", "overwrite": True,
        }).add_patterns(first_pass)
    if second_pass:
        nlp.add_pipe("span_ruler", name="vner_rules_shapes", config={
            "spans_key": SECOND_PASS_KEY, "annotate_ents": False,
        }).add_patterns(second_pass)
    nlp.add_pipe("vner_rules_resolve")
    nlp.meta["name"] = NAME
    nlp.meta["version"] = version
    nlp.meta["description"] = f"Rule-based Vietnamese NER pre-annotator ({len(patterns)} patterns)"
    logger.info("Loaded %d rule patterns from %s (%s)", len(patterns), patterns_dir, version)
    return nlp


@Language.component("vner_rules_resolve")
def resolve_component(doc: Doc) -> Doc:
    """Merge the second-pass matches into the first-pass entities (see the module docstring)."""
    first = list(doc.ents)
    second = list(doc.spans[SECOND_PASS_KEY]) if SECOND_PASS_KEY in doc.spans else []
    # A match that starts with a first-pass entity of another label (a rank, a cue)
    # only claims the rest: matches compete on their own extent, not their context.
    # Helper matches (exclusions) claim all they cover.
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
    doc.ents = sorted(ents)
    if SECOND_PASS_KEY in doc.spans:
        del doc.spans[SECOND_PASS_KEY]
    return doc


_ABBREVIATION = re.compile(r"[A-ZĐ][A-ZĐ0-9]{1,9}")


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
