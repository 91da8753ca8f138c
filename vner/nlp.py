"""Blank Vietnamese pipelines with the project's tokenizers."""

import spacy
from spacy.language import Language

from . import tokenizer as _tokenizer  # noqa: F401  (registers vner.SyllableTokenizer.v1)

TOKENIZERS = {
    # Syllables, punctuation split off: every gold span aligns.
    "syllable": {"@tokenizers": "vner.SyllableTokenizer.v1"},
    # pyvi word segmentation (spaCy's own Vietnamese tokenizer).
    "pyvi": {"@tokenizers": "spacy.vi.VietnameseTokenizer", "use_pyvi": True},
}


def make_nlp(tokenizer: str = "syllable") -> Language:
    """A blank `vi` pipeline with the named tokenizer ("syllable" or "pyvi")."""
    if tokenizer not in TOKENIZERS:
        from .errors import VnerError

        raise VnerError("Unknown tokenizer", repr(tokenizer), f"Use one of: {', '.join(TOKENIZERS)}.")
    return spacy.blank("vi", config={"nlp": {"tokenizer": TOKENIZERS[tokenizer]}})
