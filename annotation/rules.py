"""Rule-based pre-annotator: suggestions an annotator only has to check.

The rules are data: spaCy match patterns in ``configs/patterns/*.jsonl``
(loaded by ``vner.model.patterns``). The pre-annotator is a blank syllable
pipeline plus the rules stage, the same stage a trained model runs first:

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
   inside them except organisations ("Công an Hà Tĩnh và Bôlykhămxay" → two
   PROVINCE, not an ORG); ``_PART_*`` are pieces of ORG shapes ("Phòng",
   "Công an"); others are cues ("_CUE" = "Ảnh:"). Last, a capitalised
   abbreviation in brackets right after an ORG is an ORG of its own ("(BLO)",
   rule 3), a full name found once is a PERSON wherever it recurs, and a
   paragraph that is only a name is a byline PERSON (rule 6).

The pipeline's ``meta["version"]`` is ``rules-<8 hex>``, a hash of the
pattern files (and of this module), so Label Studio shows a new
``model_version`` whenever the rules change. Pattern format and conventions:
``configs/patterns/README.md``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from spacy.language import Language

from vner.model.nlp import make_nlp
from vner.model.patterns import PATTERNS_DIR, add_rules_stage, rules_version

logger = logging.getLogger(__name__)

NAME = "vner_rules"


def __getattr__(name: str):
    # RULES_MODEL_VERSION (alias RULES_VERSION) is computed on use, not at import.
    if name in ("RULES_MODEL_VERSION", "RULES_VERSION"):
        return rules_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def rules_pipeline(patterns_dir: Path = PATTERNS_DIR) -> Language:
    """The rule-based pre-annotator: ``make_nlp("syllable")`` plus the rules stage.

    Give it stored (NFC) text, as ``vner.core.text.normalize`` produces: the
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

