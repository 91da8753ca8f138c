"""Mention substitution: training examples whose entities are swapped for others of the same label.

Five seed articles name a handful of people, provinces and units; a model
trained on them learns those names, not what a name looks like where it
stands. ``vner.mention_swap.v1`` is a spaCy augmenter (``[corpora.train.augmenter]``)
that yields each training example and, with probability ``level``, a copy in
which each mention, with probability ``swap``, is replaced by another of its
label from the gazetteers (``configs/gazetteers/``):

- PERSON: Vietnamese names composed from family, middle and given syllables;
  Lao names in all their spellings (hyphenated "Xỏn-xay Xi-phăn-đon",
  spaced, joined), Khmer and Chinese names;
- PROVINCE: every spelling of the provinces of Vietnam, Laos, Cambodia,
  China, Thailand and Myanmar;
- RANK: the ranks;
- ORG: an organisation ending in a province name ("Công an tỉnh Nghệ An")
  keeps its shape and gets another province;
- QUANTITY: another number, same unit ("27 vụ" → "316 vụ", "417,9 kg" → "12,5 kg").

The copy is rebuilt with spaCy (``Doc(vocab, words, spaces, ents=...)``), so
the gold stays aligned with the new text. Training-time code only: a
packaged model never needs it.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache, partial
from pathlib import Path
from typing import Callable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

from vner.model.gazetteers import gazetteer_dir, load_gazetteer

PERSON_LISTS = ("person-lo", "person-km", "person-zh")
PROVINCE_LISTS = ("province-vn", "province-la", "province-kh", "province-cn", "province-th", "province-mm")
# Share of swapped PERSON mentions that get a composed Vietnamese name.
VIETNAMESE_SHARE = 0.5
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


class Gazetteers:
    """The swap candidates of each label, read from a gazetteer folder."""

    def __init__(self, folder: Path | None = None):
        folder = Path(folder) if folder is not None else gazetteer_dir()

        def entries(*names: str) -> list[list[str]]:
            return [entry for name in names for entry in load_gazetteer(name, folder / f"{name}.txt")]

        # Entries, each a list of spellings: an entry is drawn first, then one
        # of its spellings, so a province with ten spellings is not ten times as likely.
        self.persons = entries(*PERSON_LISTS)
        self.provinces = entries(*PROVINCE_LISTS)
        self.ranks = entries("rank")
        self.surnames = entries("person-vi-surname")
        self.middles = entries("person-vi-middle")
        self.given = entries("person-vi-given")
        # longest first, so "Thừa Thiên Huế" is found before "Huế" at the end of an ORG
        self.province_endings = sorted({v for entry in self.provinces for v in entry}, key=len, reverse=True)

    def vietnamese_name(self, rng: random.Random) -> str:
        parts = [pick(self.surnames, rng)]
        if rng.random() < 0.8:
            parts.append(pick(self.middles, rng))
        parts += [pick(self.given, rng) for _ in range(1 if rng.random() < 0.7 else 2)]
        return " ".join(parts)

    def replacement(self, label: str, text: str, rng: random.Random) -> str | None:
        """Another mention of ``label`` for ``text``; None when it is kept as it is."""
        if label == "PERSON":
            return self.vietnamese_name(rng) if rng.random() < VIETNAMESE_SHARE else pick(self.persons, rng)
        if label == "PROVINCE":
            return pick(self.provinces, rng)
        if label == "RANK":
            return pick(self.ranks, rng)
        if label == "ORG":
            for ending in self.province_endings:
                if text.endswith(" " + ending):
                    return text[: -len(ending)] + pick(self.provinces, rng)
            return None
        if label == "QUANTITY":
            match = _NUMBER.match(text)
            return text.replace(match.group(), random_number(match.group(), rng), 1) if match else None
        return None


def pick(entries: list[list[str]], rng: random.Random) -> str:
    """One spelling of one entry, both drawn uniformly."""
    return rng.choice(rng.choice(entries))


@lru_cache(maxsize=4)
def _gazetteers(folder: str | None) -> Gazetteers:
    return Gazetteers(Path(folder) if folder else None)


def random_number(number: str, rng: random.Random) -> str:
    """A number written like ``number``: same decimal comma, thousands dots when large.

    >>> rng = random.Random(1)
    >>> [random_number(n, rng) for n in ("27", "417,9", "695.858")]
    ['10', '5,2', '7.365']
    """
    value = rng.randint(1, 10 ** rng.randint(1, 3 if "." not in number else 7))
    whole = f"{value:,}".replace(",", ".")
    if "," in number:
        whole += "," + str(rng.randint(1, 9))
    return whole


@spacy.registry.augmenters("vner.mention_swap.v1")
def create_mention_swap(level: float = 0.5, swap: float = 0.5, gazetteers: str | None = None) -> Callable[[Language, Example], Iterator[Example]]:
    """An augmenter that yields each example and, with probability ``level``, a swapped copy.

    ``swap``: the probability for each mention of the copy to be replaced.
    ``gazetteers``: a folder of gazetteers (None: ``configs/gazetteers/``).
    """
    for name, value in (("level", level), ("swap", swap)):
        if not 0 <= value <= 1:
            raise ValueError(f"vner.mention_swap.v1: {name} must be between 0 and 1, not {value}")
    return partial(mention_swap_augmenter, level=level, swap=swap, gazetteers=gazetteers)


def mention_swap_augmenter(nlp: Language, example: Example, *, level: float, swap: float, gazetteers: str | None = None) -> Iterator[Example]:
    yield example
    if level and random.random() < level:
        yield swap_mentions(nlp, example, _gazetteers(str(gazetteers) if gazetteers else None), swap, random)


def swap_mentions(nlp: Language, example: Example, gazetteers: Gazetteers, swap: float, rng) -> Example:
    """A copy of ``example`` with mentions replaced; the gold follows the new tokens.

    Tokens outside the swapped mentions keep their text, spacing, entity tags
    and sentence starts; a replacement is tokenized with ``nlp.make_doc`` and
    keeps the whitespace after the mention it replaces.
    """
    ref = example.reference
    swaps = {}
    for ent in ref.ents:
        if rng.random() < swap:
            new = gazetteers.replacement(ent.label_, ent.text, rng)
            if new and new != ent.text:
                swaps[ent.start] = (ent, new)
    if not swaps:
        return example
    words, spaces, tags, starts = [], [], [], []
    has_sents = ref.has_annotation("SENT_START")
    i = 0
    while i < len(ref):
        if i in swaps:
            ent, new = swaps[i]
            tokens = nlp.make_doc(new)
            for j, token in enumerate(tokens):
                words.append(token.text)
                spaces.append(bool(token.whitespace_) if j < len(tokens) - 1 else bool(ref[ent.end - 1].whitespace_))
                tags.append(("B-" if j == 0 else "I-") + ent.label_)
                starts.append(ref[ent.start].is_sent_start if j == 0 else False)
            i = ent.end
            continue
        token = ref[i]
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
        tags.append(f"{token.ent_iob_}-{token.ent_type_}" if token.ent_type_ else ("O" if token.ent_iob_ == "O" else None))
        starts.append(token.is_sent_start)
        i += 1
    doc = Doc(nlp.vocab, words=words, spaces=spaces, ents=tags, sent_starts=starts if has_sents else None)
    doc.user_data.update(ref.user_data)
    return Example(nlp.make_doc(doc.text), doc)
