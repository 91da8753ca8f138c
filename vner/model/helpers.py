"""Token and span helpers shared by the rules stage's modules (tone norm, glued words, helper labels).

A small function or constant that two of ruler, resolver, persons and orgs need goes here; no rule does.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import unicodedata
import weakref
from pathlib import Path

import numpy
from spacy.attrs import IDX, LOWER, NORM, ORTH, SPACY
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import ensure_path


# Labels starting with "_" are helpers and never reach the output.
HELPER_PREFIX = "_"
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


def _taken(spans) -> set[int]:
    """The token positions inside ``spans``."""
    return {i for span in spans for i in range(span.start, span.end)}


def _replaced_by(ents: list, found: list) -> list:
    """``ents`` without the entities that overlap ``found``, then ``found``: the outermost new spans win (``ents``
    itself when nothing was found)."""
    if not found:
        return ents
    covered = _taken(found)
    return [e for e in ents if not covered.intersection(range(e.start, e.end))] + found


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


# Shape flags every pipeline has, computed, not listed: ``vner_glued`` marks the
# hyphens and syllables after the first of a word glued by hyphens ("Xổm-phăn",
# "Lạ-khăm-phông"), so that one name pattern takes any number of them.
GLUED = "glued"
# The hyphen and the en dash as a text writes them between two names ("Mộc Bài - Bavet", "Tà Lùng – Cao Bằng")
DASHES = frozenset(("-", "–"))
_GLUE = ("-", "–", "'", "’")  # what glues syllables into one word (glued_flags)
_GLUE_HASHES = frozenset(get_string_id(mark) for mark in _GLUE)


def glued_flags(doc: Doc) -> list[bool]:
    """True for the "-" and the later syllables of a hyphen-glued word (and the "'" and the rest of "H'Linh").

    >>> import spacy
    >>> from vner.model.tokenizer import syllable_tokenizer
    >>> nlp = spacy.blank("vi"); nlp.tokenizer = syllable_tokenizer(nlp.vocab)
    >>> glued_flags(nlp("Xổm-phăn Phẹng-khăm-mi - Covid-19"))
    [False, True, True, False, True, True, True, True, False, False, False, False]
    """
    return list(per_doc(doc, glued_flags, _glued_flags))


def glued_positions(doc: Doc) -> list[int]:
    """The positions ``glued_flags`` marks, computed once per Doc (``per_doc``)."""
    return list(per_doc(doc, glued_positions, lambda doc: tuple(i for i, glued in enumerate(glued_flags(doc)) if glued)))


def _glued_flags(doc: Doc) -> tuple[bool, ...]:
    flags = [False] * len(doc)
    marks = _GLUE_HASHES
    for i, h in enumerate(row(doc, ORTH)):  # hashes: no Token object for most tokens
        if h not in marks or not 0 < i < len(doc) - 1:
            continue
        prev, t, nxt = doc[i - 1], doc[i], doc[i + 1]
        if t.text in ("-", "–") and not prev.whitespace_ and not t.whitespace_ and prev.is_alpha and nxt.is_alpha:
            flags[i] = flags[i + 1] = True
        elif t.text in ("'", "’") and not prev.whitespace_ and not t.whitespace_ and prev.is_alpha and (
                nxt.is_title or (prev.is_title and len(prev) <= 2 and nxt.is_lower and nxt.is_alpha)):
            flags[i] = flags[i + 1] = True  # an apostrophe inside a name: "H'Linh", "O'Brien", "Bh'riu"
    return tuple(flags)


class _PerThread(threading.local):
    """The caches below, one set per thread: a pipeline may tag in several threads (a served model, a Dask worker)."""

    def __init__(self):
        # a weak reference to the last Doc, its words (ORTH and SPACY values, as bytes) and what ``per_doc`` computed
        self.last_doc: list = []
        # the Docs being read whose words were checked on entry (``reading``)
        self.reading: list = []


_STATE = _PerThread()


def per_doc(doc: Doc, key, compute):
    """``compute(doc)`` for a function of the Doc's words alone, computed once per Doc: the rules' components and
    steps ask for the same Doc's glued words, line breaks, family names or word arrays many times in a row. The answer
    is shared: return it as a tuple or a read-only array (or copy it)."""
    last = _STATE.last_doc[0] if _STATE.last_doc else None
    if not (_STATE.reading and _STATE.reading[-1] is doc and last is not None and last[0]() is doc):
        last = _memo_of(doc)
    memo = last[2]
    if key not in memo:
        memo[key] = compute(doc)
    return memo[key]


def _memo_of(doc: Doc) -> tuple:
    words = doc.to_array([ORTH, SPACY]).tobytes()
    last = _STATE.last_doc[0] if _STATE.last_doc else None
    if last is None or last[0]() is not doc or last[1] != words:
        last = (weakref.ref(doc), words, {})
        _STATE.last_doc[:] = [last]
    return last


@contextlib.contextmanager
def reading(doc: Doc):
    """Within, ``per_doc`` takes ``doc``'s words as they were on entry without checking them again (a check costs as
    much as reading an array): a component of the rules stage, which changes no word, reads its Doc inside."""
    _memo_of(doc)
    _STATE.reading.append(doc)
    try:
        yield doc
    finally:
        _STATE.reading.pop()


# The attributes ``column`` and ``row`` keep per Doc: the words' own (not ENT_TYPE, which the rules change)
_WORD_COLUMNS = frozenset({ORTH, LOWER, NORM, IDX, SPACY})


def column(doc: Doc, attr: int) -> numpy.ndarray:
    """``doc.to_array(attr)`` (read-only) for a word attribute (ORTH, LOWER, NORM), made once per Doc (``per_doc``):
    the resolver's steps read the same arrays."""
    if attr not in _WORD_COLUMNS:
        raise ValueError(f"Not a word attribute: {attr}")
    return per_doc(doc, ("column", attr), _read_only(attr))


def row(doc: Doc, attr: int) -> list[int]:
    """``doc.to_array(attr).tolist()`` for a word attribute, a copy of the one made per Doc (``column``)."""
    return list(per_doc(doc, ("row", attr), lambda doc: tuple(column(doc, attr).tolist())))


def cues_at(doc: Doc, attr: int, hashes: set[int] | frozenset[int]) -> list[int]:
    """Where a word whose ``attr`` value is one of ``hashes`` (a set) stands in ``doc``, in order: a step looks at
    its cue words only, through an index of the Doc's words made once (``per_doc``)."""
    index = per_doc(doc, ("index", attr), _index(attr))
    if len(hashes) < len(index):
        found = [index[h] for h in hashes if h in index]
    else:
        found = [at for h, at in index.items() if h in hashes]
    if len(found) == 1:
        return list(found[0])
    return sorted(i for at in found for i in at)


def _index(attr: int):
    def index(doc: Doc) -> dict[int, tuple[int, ...]]:
        where: dict[int, list[int]] = {}
        for i, h in enumerate(column(doc, attr).tolist()):
            where.setdefault(h, []).append(i)
        return {h: tuple(at) for h, at in where.items()}
    return index


def _read_only(attr: int):
    def read(doc: Doc) -> numpy.ndarray:
        array = doc.to_array(attr)
        array.flags.writeable = False
        return array
    return read


class _SavedAsJson:
    """spaCy serialisation of a component whose state is one JSON value, saved
    with the pipeline as `FILE` (so a packaged model needs no vner files)."""

    FILE = ""

    def state(self):
        raise NotImplementedError

    def set_state(self, value) -> None:
        raise NotImplementedError

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return json.dumps(self.state(), ensure_ascii=False, sort_keys=True).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=tuple()):
        self.set_state(json.loads(data.decode("utf-8")))
        return self

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / self.FILE).write_bytes(self.to_bytes())

    def from_disk(self, path, *, exclude=tuple()):
        file = Path(ensure_path(path)) / self.FILE
        return self.from_bytes(file.read_bytes()) if file.is_file() else self


# test -> {a word's hash: the test's result on the word} (see ``per_word``)
_PER_WORD: dict = {}
_PER_WORD_MAX = 500_000  # words remembered per test; then the test starts afresh


def per_word(strings, hashes, test) -> dict:
    """``{h: test(strings[h]) for h in hashes}``, each word's result computed once per process.

    Documents repeat most of their words, and making each word's string
    (``strings[h]``) and testing it took more time than the rules' use of
    the answers. A hash names the same string in every vocabulary, so the
    results hold for any pipeline. ``test`` is a function of the text alone.
    """
    seen = _PER_WORD.setdefault(test, {})
    out = {}
    for h in hashes:
        if h not in seen:
            if len(seen) >= _PER_WORD_MAX:
                seen.clear()
            seen[h] = test(strings[h])
        out[h] = seen[h]
    return out


def has_newline(text: str) -> bool:
    return "\n" in text


def newline_positions(doc: Doc) -> list[int]:
    """Positions of the tokens holding a line break (read from the ORTH array: no Token object per token)."""
    return list(per_doc(doc, newline_positions, _newline_positions))


def _newline_positions(doc: Doc) -> tuple[int, ...]:
    orth = row(doc, ORTH)
    breaks = {h for h, found in per_word(doc.vocab.strings, set(orth), has_newline).items() if found}
    return tuple(i for i, h in enumerate(orth) if h in breaks) if breaks else ()


def _paragraphs(doc: Doc):
    start = 0
    for i in newline_positions(doc):
        if i > start:
            yield doc[start:i]
        start = i + 1
    if start < len(doc):
        yield doc[start:]


def _is_capitalised(token: Token) -> bool:
    return token.is_alpha and (token.is_title or token.is_upper)


def _class(token: Token, name: str) -> bool:
    """Whether ``token`` is in the word class ``name`` (False where the pipeline has no such class)."""
    return Token.has_extension(f"vner_{name}") and token._.get(f"vner_{name}")


def _class_positions(doc: Doc, name: str) -> set[int]:
    """The positions of the tokens in the word class ``name``: ``_class`` of every token, read at once from where
    ``vner_token_classes`` wrote it (``doc.user_data``, by character offset) without a Token object each."""
    ext, value = f"vner_{name}", doc.user_data.get
    return {i for i, offset in enumerate(row(doc, IDX)) if value(("._.", ext, offset, None))}


# The first-pass helper over a province name that is also something else ("Trang", "Hòa Bình"; province-ambiguous.txt)
AMBIGUOUS_PROVINCE = "_PROV_AMBIG"


# Where the Doc the rules read keeps the Doc it was made from (see ``rules_view``).
VIEW_OF = "vner_rules_view_of"


def _invisible(text: str) -> bool:
    """Whitespace within a line (a no-break space, a second space, a tab; not a line break), or only
    invisible format characters (a zero-width space, a soft hyphen, a byte-order mark)."""
    return "\n" not in text and all(c.isspace() or unicodedata.category(c) == "Cf" for c in text)


def _inline_spaces(doc: Doc) -> list[int]:
    """Positions of the tokens ``_invisible`` holds for (each distinct word tested once)."""
    orth = doc.to_array(ORTH).tolist()
    invisible = {h for h, found in per_word(doc.vocab.strings, set(orth), _invisible).items() if found}
    return [i for i, h in enumerate(orth) if h in invisible] if invisible else []


def rules_view(doc: Doc) -> Doc:
    """``doc`` as the rules read it: in NFC, whitespace tokens inside a line left out.

    Every pattern and resolver step reads neighbouring words written in NFC
    (composed accents). A no-break space ("12\\u00a0bánh"), a doubled space or
    a zero-width space, which spaCy keeps as a token of its own, would hide a
    name or an amount, and text in NFD (an accent as a character of its own)
    would match no word at all. The rules run on this copy (words in NFC,
    norms, entities and span groups copied) and ``restore_view`` puts their
    results back on the Doc as given: its text never changes. A Doc in NFC
    without such tokens is returned as it is, at the cost of one array lookup.

    >>> import spacy, unicodedata
    >>> from vner.model.tokenizer import syllable_tokenizer
    >>> nlp = spacy.blank("vi"); nlp.tokenizer = syllable_tokenizer(nlp.vocab)
    >>> doc = nlp("Thu giữ 12\\u00a0bánh  heroin.")
    >>> [t.text for t in rules_view(doc)]
    ['Thu', 'giữ', '12', 'bánh', 'heroin', '.']
    >>> rules_view(nlp(unicodedata.normalize("NFD", "Nghệ An"))).text == "Nghệ An"
    True
    >>> rules_view(nlp("Hai đoạn.\\n\\nKhông đổi.")).text
    'Hai đoạn.\\n\\nKhông đổi.'
    """
    if VIEW_OF in doc.user_data:
        return doc
    spaces = set(_inline_spaces(doc))
    nfc = unicodedata.is_normalized("NFC", _text(doc))
    if not spaces and nfc:
        return doc
    keep = [i for i in range(len(doc)) if i not in spaces]
    words = [doc[i].text if nfc else unicodedata.normalize("NFC", doc[i].text) for i in keep]
    view = Doc(doc.vocab, words=words, spaces=[bool(doc[i].whitespace_) or i + 1 in spaces for i in keep])
    position = {i: k for k, i in enumerate(keep)}
    for k, i in enumerate(keep):
        view[k].norm_ = doc[i].norm_

    def moved(span):
        inner = [position[i] for i in range(span.start, span.end) if i in position]
        return Span(view, inner[0], inner[-1] + 1, label=span.label, kb_id=span.kb_id, span_id=span.id) if inner else None

    view.ents = [s for s in map(moved, doc.ents) if s is not None]
    for key, group in doc.spans.items():
        view.spans[key] = [s for s in map(moved, group) if s is not None]
    _copy_extensions(doc, view, {doc[i].idx: view[k].idx for k, i in enumerate(keep)})
    view.user_data[VIEW_OF] = (doc, keep)
    return view


def _text(doc: Doc) -> str:
    """``doc.text``, built from the ORTH and SPACY arrays (``doc.text`` makes a Token object per token)."""
    strings = doc.vocab.strings
    return "".join(strings[h] + " " if space else strings[h] for h, space in doc.to_array([ORTH, SPACY]).tolist())


def restore_view(doc: Doc) -> Doc:
    """The Doc ``rules_view`` was given, with the rules' entities, span groups,
    norms and token extensions of ``doc`` put back on it."""
    if VIEW_OF not in doc.user_data:
        return doc
    original, keep = doc.user_data.pop(VIEW_OF)

    def moved(span):
        return Span(original, keep[span.start], keep[span.end - 1] + 1, label=span.label, kb_id=span.kb_id, span_id=span.id)

    original.ents = [moved(e) for e in doc.ents]
    for key in list(original.spans):
        if key not in doc.spans:
            del original.spans[key]
    for key, group in doc.spans.items():
        original.spans[key] = [moved(s) for s in group]
    for k, i in enumerate(keep):
        original[i].norm_ = doc[k].norm_
    _copy_extensions(doc, original, {doc[k].idx: original[i].idx for k, i in enumerate(keep)})
    return original


def _copy_extensions(source: Doc, target: Doc, char_of: dict[int, int]) -> None:
    """Token and Doc extension values (``token._.x`` is stored in ``doc.user_data`` by character offset)."""
    for key, value in list(source.user_data.items()):
        if isinstance(key, tuple) and len(key) == 4 and key[0] == "._.":
            _, name, start, end = key
            if start is None:
                target.user_data[key] = value
            elif end is None and start in char_of:
                target.user_data[("._.", name, char_of[start], None)] = value
