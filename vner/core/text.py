"""Vietnamese text layer: NFC normalisation that keeps offsets meaningful.

Vietnamese input often arrives in NFD (a base letter followed by combining
tone and vowel marks). Everything is stored in NFC; anything that carries
character offsets into the original text is remapped with `OffsetMap` so a
span still covers the same characters.
"""

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

HEADER_RE = re.compile(r"^ date (\d{4}-\d{2}) ")


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in an original string to offsets in its NFC form.

    Empty tuples mean the text was already NFC. Otherwise `old[i]`/`new[i]`
    are the starts of matching normalisation segments (a
    starter and the combining marks after it), plus one final entry for the
    end of the text. An offset that falls inside a segment (between a letter
    and its combining mark) is moved to the segment's start or end.
    """

    old: tuple[int, ...]
    new: tuple[int, ...]

    @property
    def is_identity(self) -> bool:
        return not self.old

    def start(self, i: int) -> int:
        """Map a span start (rounded down to a segment boundary)."""
        if self.is_identity:
            return i
        return self.new[bisect_right(self.old, i) - 1]

    def end(self, i: int) -> int:
        """Map a span end (rounded up to a segment boundary)."""
        if self.is_identity:
            return i
        k = bisect_right(self.old, i) - 1
        return self.new[k] if self.old[k] == i else self.new[k + 1]


def _segments(text: str) -> list[int]:
    """Start offsets of normalisation segments: each starts at a starter."""
    starts = [0] if text else []
    for i in range(1, len(text)):
        if unicodedata.combining(text[i]) == 0:
            starts.append(i)
    return starts


def normalize(text: str) -> tuple[str, OffsetMap]:
    """Return the NFC form of `text` and the map from old to new offsets.

    >>> nfc, m = normalize("Nghe\u0323\u0302 An")
    >>> nfc, m.end(6), m.start(7), m.end(9)
    ('Nghệ An', 4, 5, 7)
    >>> m.start(4), m.end(4)  # between "e" and its marks
    (3, 4)
    """
    if unicodedata.is_normalized("NFC", text):
        return text, OffsetMap((), ())
    starts = _segments(text) + [len(text)]
    pieces = [unicodedata.normalize("NFC", text[a:b]) for a, b in zip(starts, starts[1:])]
    nfc = "".join(pieces)
    if nfc != unicodedata.normalize("NFC", text):
        # Composition across starters (Hangul jamo and a few scripts); not
        # Vietnamese. Fall back to one segment so no offset is mis-mapped.
        nfc = unicodedata.normalize("NFC", text)
        return nfc, OffsetMap((0, len(text)), (0, len(nfc)))
    new = [0]
    for piece in pieces:
        new.append(new[-1] + len(piece))
    return nfc, OffsetMap(tuple(starts), tuple(new))


def split_header(text: str) -> tuple[dict, str]:
    """Split a seed's " date YYYY-MM " metadata header from its body.

    >>> split_header(" date 2023-07 (Baonghean.vn) - Từ")
    ({'date': '2023-07'}, '(Baonghean.vn) - Từ')
    >>> split_header("ừa qua, đoàn")
    ({}, 'ừa qua, đoàn')
    """
    m = HEADER_RE.match(text)
    if not m:
        return {}, text
    return {"date": m.group(1)}, text[m.end():]
