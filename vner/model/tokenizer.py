"""Vietnamese syllable tokenizer, registered with spaCy.

This module is copied into packaged models (`spacy package --code`), so it
imports nothing but spaCy and the standard library.

Vietnamese writes one syllable per whitespace-separated chunk, so the
syllable is the natural token: every entity boundary falls between
syllables. spaCy's own `spacy.blank("vi")` either splits on whitespace only
(punctuation stays glued: "túy.") or merges syllables into pyvi words (an
entity that ends inside a word is lost). This tokenizer is spaCy's regular
rule-based `Tokenizer` with rules that split every punctuation mark off a
syllable but keep numbers ("417,9", "695.858") and dotted names
("Baonghean.vn") whole. It is pure spaCy, so its rules are saved with the
pipeline and the packaged model needs no vner code beyond this file.
"""

import re

import spacy
from spacy.tokenizer import Tokenizer

# Distributions this module needs besides spaCy (declared in model packages that ship it).
REQUIRES: tuple[str, ...] = ()

# A punctuation mark or symbol: anything that is neither a word character nor
# whitespace. Combining accents (text in NFD: "Nghe\u0323\u0302") belong to their
# syllable, as in NFC.
_PUNCT = r"[^\w\s\u0300-\u036f]"
# Split off any leading or trailing punctuation mark, one at a time.
PREFIX = rf"^{_PUNCT}"
SUFFIX = rf"{_PUNCT}$"
# Inside a chunk every punctuation mark is its own token, except a "." or ","
# between two digits (417,9 · 695.858) and a "." between two letters
# (Baonghean.vn).
_NUMBER_SEPARATOR = r"(?<=\d)[.,](?=\d)"
_DOTTED_NAME = r"(?<=[^\W\d_])\.(?=[^\W\d_])"
INFIX = rf"(?!{_NUMBER_SEPARATOR})(?!{_DOTTED_NAME}){_PUNCT}"


@spacy.registry.tokenizers("vner.SyllableTokenizer.v1")
def create_syllable_tokenizer():
    """Return a factory building the syllable tokenizer for an `nlp` object.

    Used from a config as `[nlp.tokenizer] @tokenizers =
    "vner.SyllableTokenizer.v1"`.
    """

    def make_tokenizer(nlp):
        return syllable_tokenizer(nlp.vocab)

    return make_tokenizer


def syllable_tokenizer(vocab) -> Tokenizer:
    """
    >>> import spacy
    >>> nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vner.SyllableTokenizer.v1"}}})
    >>> [t.text for t in nlp("thu 417,9 kg ma túy. 1 vụ/1 đối tượng")]
    ['thu', '417,9', 'kg', 'ma', 'túy', '.', '1', 'vụ', '/', '1', 'đối', 'tượng']
    """
    return Tokenizer(
        vocab,
        rules={},
        prefix_search=re.compile(PREFIX).search,
        suffix_search=re.compile(SUFFIX).search,
        infix_finditer=re.compile(INFIX).finditer,
    )
