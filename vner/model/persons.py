"""Document-level steps for PERSON: bylines, credits, lists, given names, transcriptions, recurring names.

A new step that finds, splits or drops person names goes here (then called in resolver.py).
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .helpers import AMBIGUOUS_PROVINCE, DASHES, _class, _class_positions, _is_capitalised, _paragraphs, _replaced_by, _taken, column, cues_at, glued_flags, per_doc, row, tone_norm


# First-pass labels after which a capitalised word is a name: a rank, "ông"/"bà", "anh"/"chị",
# "đồng chí", a title, "đối tượng", a credit cue ("Ảnh:").
NAME_CUES = ("RANK", "_HON", "_HON2", "_DC", "_POS", "_SUSP", "_CUE")
# Between the names of one credit line or byline: "Ảnh: A - B", "Bài và ảnh: A, B", "Ảnh: A/B", "Ảnh: A/TTXVN".
_CREDIT_SEPARATORS = {"-", "–", ",", ";", "&", "/", "và"}
# An initial ("T", "N.V") or initials glued to a name ("N.V.Hùng").
# (Vietnamese initials may be a digraph: "Ng.Hùng", "Th.Hằng", "Tr. Minh")
INITIAL_LETTER = r"(?:[A-ZĐ]|Ng|Nh|Th|Tr|Ph|Kh|Gi|Ch|Qu)"
_INITIAL = re.compile(rf"{INITIAL_LETTER}(?:\.[A-ZĐ])*")
# A text ending on an initial and its dot, which belongs to the name (guidelines, decided case 12): "Lò Văn T.",
# "T.H.", "chị H." → "H.", "Trần Thị Kim Ng.", also where the dot ends the sentence (PhoNER_COVID19's annotators do so)
INITIAL_DOT = re.compile(rf"(?:^|[\s.]){INITIAL_LETTER}\.$")
_INITIALS = re.compile(rf"(?:{INITIAL_LETTER}\.)+[A-ZĐ][^\W\d_]*")
# Initials alone of two letters or more ("N.T.H"), and those that abbreviate no person ("C.A" công an, "T.W" trung ương)
_INITIALS_ONLY = re.compile(rf"(?:[A-ZĐ]\.){{1,3}}{INITIAL_LETTER}\.?")  # ("N.V.Kh", session 32)
_NOT_INITIALS = {"C.A", "C.A.", "T.W", "T.W."}
# A byline's role in initials, no name: phóng viên, cộng tác viên ("P.V", "PV", "C.T.V"); "T.L", "TL" in a credit is
# "tư liệu", an archive photo (session 14: "Ảnh: T.L").
_ROLE_INITIALS = {"PV", "CTV", "BTV", "PV-CTV", "TL"}


def _complete_initials(doc: Doc, ents: list[Span], glued: list[bool]) -> list[Span]:
    """A PERSON never ends on an initial: it takes the initial's dot, and after a single letter the name it abbreviates.

    "Ảnh: T.H." → "T.H."; "Nguyễn T. Hà" → the whole name, not "Nguyễn T".
    Initials and their dot, then one capitalised word and a lower-case one,
    are a credit before the next sentence: "Ảnh: T.H. Hai bên trao đổi" →
    "T.H." ("Ảnh: N.V. Hùng" at the end of its line keeps the name).
    """
    taken = _taken(ents)
    out = []
    for ent in ents:
        if ent.label_ == "PERSON" and _initials_then_sentence(doc, ent, glued):
            ent = Span(doc, ent.start, ent.start + 2, label="PERSON")
        end = ent.end
        if ent.label_ == "PERSON" and _an_initials_dot(doc, end):
            end += 1
            if len(doc[end - 2]) == 1 and end < len(doc) and end not in taken and _is_capitalised(doc[end]) \
                    and not _class(doc[end], "not_name"):
                end += 1
                while end < len(doc) and glued[end]:
                    end += 1
        out.append(ent if end == ent.end else Span(doc, ent.start, end, label="PERSON"))
    return out


def _an_initials_dot(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is the dot of the initial right before it: "T" + "." of "Lò Văn T.", "N.V.Kh" + "."."""
    return 0 < i < len(doc) and doc[i].text == "." and not doc[i - 1].whitespace_ and (
        _INITIAL.fullmatch(doc[i - 1].text) is not None or _INITIALS_ONLY.fullmatch(doc[i - 1].text) is not None)


def _initials_alone(doc: Doc, ents: list[Span]) -> list[Span]:
    """PERSON for initials of two to four letters standing alone, wherever no entity has them: "là N.S.T. (SN 2008)",
    "Em L.T.N. (SN 2009)", "G.T.P., 15 tuổi". News names victims, minors and suspects so; every such mention of
    the written articles is a gold PERSON (110 of 110 in session 32; the other steps had missed 5). Not a role
    ("P.V", "C.T.V", "T.L") or a body ("C.A", "T.W")."""
    taken = _taken(ents)
    # (the second character is a dot in every such token: a cheap test before the pattern, on every token of a text)
    return [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc if t.text[1:2] == "." and t.i not in taken
            and _INITIALS_ONLY.fullmatch(t.text) and t.text not in _NOT_INITIALS
            and not _a_role(t.text)]


def _initials_take_their_dot(doc: Doc, ents: list[Span]) -> list[Span]:
    """A PERSON that a later step found ending on an initial takes the initial's dot too (guidelines, decided case
    12): "bắt giữ Lò Văn T." → "Lò Văn T.", as `_complete_initials` gives the names found before it."""
    return [Span(doc, e.start, e.end + 1, label="PERSON") if e.label_ == "PERSON" and _an_initials_dot(doc, e.end)
            else e for e in ents]


def _initials_then_sentence(doc: Doc, ent: Span, glued: list[bool]) -> bool:
    """Whether ``ent`` is initials, their dot and one word that starts a sentence: "T.H. Hai" + "bên"."""
    start, end = ent.start, ent.end
    return end - start >= 3 and _INITIAL.fullmatch(doc[start].text) is not None and doc[start + 1].text == "." \
        and not doc[start].whitespace_ and all(glued[i] for i in range(start + 3, end)) \
        and end < len(doc) and doc[end].is_alpha and doc[end].is_lower


# A given name and the next word that start a body's name, never a person's ("Công An" in title case, "Trường Đại
# học", "Trường THPT")
_BODY_STARTS = {("Công", "an")} | {("Trường", w) for w in ("đại", "thpt", "thcs", "tiểu", "mầm", "cao", "trung",
                                                             "chính", "sĩ", "quân", "cảnh", "an", "biên")}


def _name_pieces(doc: Doc, start: int, end: int, glued: list[bool], names: set[str] = frozenset(),
                 countries: set[str] = frozenset()) -> list[tuple[int, int, int]]:
    """Split ``doc[start:end]`` at credit separators; each piece as (start, end, words), or [] at the first piece that is no name.

    A name is capitalised words (a hyphen-glued word is one: "Khăm-phăn"; the
    first not one that starts no name, unless it is a given or middle name of
    ``names``: "Trung Kiên", "An Khang") and initials with their dots
    ("N.V.Hùng", "T.H.", "Nguyễn T. Hà"); not a country ("Trung Quốc").
    """
    pieces, piece, words = [], start, 0
    for i in range(start, end + 1):
        token = doc[i] if i < end else None
        if token is None or (token.text in _CREDIT_SEPARATORS and not glued[i]):
            if words == 0 or doc[piece:i].text in countries:
                return []
            pieces.append((piece, i, words))
            piece, words = i + 1, 0
        elif glued[i]:
            continue
        elif token.text == "." and i > piece and _INITIAL.fullmatch(doc[i - 1].text):
            continue
        elif _INITIAL.fullmatch(token.text) or _INITIALS.fullmatch(token.text) \
                or (token.is_alpha and token.is_title and not _class(token, "not_name_first" if words == 0 else "not_name")) \
                or (words == 0 and _class(token, "given_not_first") and tone_norm(token.text) in names
                    and (token.text, doc[i + 1].lower_ if i + 1 < end else "") not in _BODY_STARTS) \
                or (token.is_alpha and token.is_upper and len(token) > 1):
            words += 1
        else:
            return []
    return pieces


def _a_role(text: str, roles: set[str] = _ROLE_INITIALS) -> bool:
    """Whether ``text`` is a role in initials, dots and spaces aside: "P.V", "PV", "C.T.V"."""
    return text.replace(".", "").replace(" ", "") in roles


def _initials_in(doc: Doc, start: int, end: int, roles: set[str] = _ROLE_INITIALS) -> bool:
    """Whether a piece holds initials of two letters or more ("T.H", "N.V.Hùng"): one letter ("A.") may head a list.

    A role in initials is no name: "P.V" (phóng viên), "C.T.V".
    """
    if _a_role(doc[start:end].text, roles):
        return False
    return any(_INITIALS.fullmatch(t.text) or (_INITIAL.fullmatch(t.text) and "." in t.text) for t in doc[start:end])


class UpperNames:
    """Whether words in capitals are a Vietnamese name: "NGUYỄN VĂN HÒA" (a credit or a byline in capitals).

    Capitals hide what marks a name (a capital, then lower case), and a
    headline in capitals is as common, so a piece in capitals is a name only
    when it has three or four words, the first a family name of
    ``surname`` and the others middle or given names of ``middle`` and
    ``given`` ("HOÀNG MINH TÚ"; not "TĂNG CƯỜNG HỢP TÁC", "VŨ KHÍ TỰ CHẾ").
    Two words ("LÊ HÀ") only where the caller says so: after a credit cue,
    or a byline paragraph that is no province ("HÀ NAM", "CAO BẰNG": the
    provinces are matched in capitals too). The name of the city "HỒ CHÍ
    MINH" is left out.
    """

    NOT_NAMES = {("Hồ", "Chí", "Minh")}

    def __init__(self, words: dict[str, list[str]]):
        self.surnames = {tuple(tone_norm(w).split()) for w in words.get("surname", [])}
        self.rest = {tone_norm(w) for name in ("middle", "given") for w in words.get(name, [])}
        self.given = {tone_norm(w) for w in words.get("given", [])}
        self.middle = {tone_norm(w) for w in words.get("middle", [])}  # (session 18f)
        # two given names that are together a common word ("Thành Công": "THÀNH CÔNG" is a heading, no byline)
        self.common_pairs = {tone_norm(w) for w in words.get("common-pairs", [])}
        self._seen_hashes: set[int] = set()  # ORTH values looked up, and those that are family names
        self._surname_hashes: set[int] = set()
        self._seen_given: set[int] = set()
        self._given_hashes: set[int] = set()

    def surname_hashes(self, hashes: set[int], strings) -> set[int]:
        """Those of ``hashes`` (ORTH values) that are a family name of the lists, remembered across documents."""
        new = hashes - self._seen_hashes
        if new:
            self._surname_hashes.update(h for h in new if (tone_norm(strings[h]),) in self.surnames)
            self._seen_hashes |= new
        return hashes & self._surname_hashes

    def surname_positions(self, doc: Doc) -> list[int]:
        """Where a family name of the lists stands in ``doc`` (one set intersection for most documents; computed
        once per Doc, since several steps ask for it in a row: session 18f)."""
        return list(per_doc(doc, self.surname_positions, self._surname_positions))

    def _surname_positions(self, doc: Doc) -> tuple[int, ...]:
        orth = column(doc, ORTH)
        starts = self.surname_hashes(set(orth.tolist()), doc.vocab.strings)
        return tuple(np.isin(orth, list(starts)).nonzero()[0].tolist()) if starts else ()

    def given_hashes(self, hashes: set[int], strings) -> set[int]:
        """Those of ``hashes`` (ORTH values) that are a given name of the lists in title case ("Hùng"), remembered."""
        new = hashes - self._seen_given
        if new:
            self._given_hashes.update(h for h in new if strings[h].istitle() and tone_norm(strings[h]) in self.given)
            self._seen_given |= new
        return hashes & self._given_hashes

    def is_given(self, token: Token) -> bool:
        """Whether ``token`` is a given name of the lists ("Hùng", "HÙNG"; not "Internet")."""
        return token.is_alpha and tone_norm(token.text.title()) in self.given

    def given_pair(self, doc: Doc, start: int, end: int) -> bool:
        """Whether ``doc[start:end]`` is two given or middle names, a name without its family name ("THANH TÙNG")."""
        return end - start == 2 and all(tone_norm(t.text.title()) in self.rest for t in doc[start:end]) \
            and tone_norm(doc[end - 1].text.title()) in self.given

    def is_name_word(self, token: Token) -> bool:
        """Whether ``token`` is a family, middle or given name of the lists ("Thu", "Nguyễn"), in any case."""
        text = tone_norm(token.text.title())
        return (text,) in self.surnames or text in self.rest

    def opens_a_name(self, token: Token) -> bool:
        """Whether ``token`` is a name word of the lists that may start a name ("Thu" of "Thu Trang", "Thái" of "Thái
        Bình"; not "Nam", which also opens a region)."""
        return self.is_name_word(token) and not _class(token, "given_not_first")

    def __call__(self, doc: Doc, start: int, end: int, fewest: int = 3) -> bool:
        """Whether ``doc[start:end]`` is such a name; ``fewest`` words (two after a credit cue: "Ảnh: HOÀNG MINH")."""
        parts = tuple(tone_norm(t.text.title()) for t in doc[start:end])
        if not fewest <= len(parts) <= 4 or parts in self.NOT_NAMES:
            return False
        return any(parts[:n] in self.surnames and all(w in self.rest for w in parts[n:]) for n in (1, 2))


def _in_capitals(doc: Doc, start: int, end: int) -> bool:
    """Whether a piece holds a word in capitals of two letters or more ("HÒA"; not an initial "T")."""
    return any(t.is_alpha and t.is_upper and len(t) > 1 for t in doc[start:end])


def _credits(doc: Doc, first: list[Span], ents: list[Span], glued: list[bool],
             upper: UpperNames, countries: set[str] = frozenset()) -> tuple[list[Span], list[Span]]:
    """Every name of a credit line: "Ảnh: A - B", "Bài và ảnh: A, B và C" (scheme rule 6).

    The patterns tag the name right after the cue; the line goes on to the
    end of its paragraph, a bracket ("Ảnh: A, B (TTXVN)": the source) or a
    full stop (not the dot of an initial), and every piece between
    separators that is a name of two to five words, or initials, is a
    PERSON. A piece that is already an entity ("Ảnh: Công an Quảng Bình -
    A", "Ảnh: A/TTXVN") is kept as it is; a PROVINCE that only ends a piece
    is a given name ("Ảnh: Thu Trang", not the Thai province Trang).
    Returns the names found and the entities they replace.
    """
    taken = _taken(ents)
    found, replaced = [], []
    for cue in (e for e in first if e.label_ == "_CUE"):
        end = cue.end
        while end < len(doc) and "\n" not in doc[end].text and doc[end].text not in ("(", ")", "!", "?") \
                and not (doc[end].text == "." and not _INITIAL.fullmatch(doc[end - 1].text)):
            end += 1
        start = cue.end
        while start < end:
            entity = next((e for e in ents if e.start == start), None)
            after = next((e for e in ents if e.start == start + 1 and e.label_ == "PERSON"), None)
            if entity is None and after is not None and doc[start].text == "Anh" and start + 1 < end:
                # "Ảnh: Anh Tuấn": the given name "Anh", not the pronoun cue before "Tuấn"
                replaced.append(after)
                found.append(Span(doc, start, after.end, label="PERSON"))
                start = after.end
            elif entity is not None:
                # (a Lao name of five to seven spaced words goes on after the four the cue's pattern took: "Ảnh: Khăm
                # Phăn Phôm Ma Thắt"; session 22)
                stop = next((i for i in range(entity.end, end) if doc[i].text in _CREDIT_SEPARATORS and not glued[i]), end)
                # (... and a province's whole name alone in a piece is a photographer's, when its first word starts
                # names: "Ảnh: Hà Giang", "Ảnh: Thái Bình/TTXVN"; session 22)
                whole_name = entity.start == start and (
                    (entity.label_ == "PROVINCE" and entity.end == stop and upper.opens_a_name(doc[start]))
                    or (entity.label_ == "PERSON" and entity.end < stop
                        and not any(i in taken for i in range(entity.end, stop)) and _lao_run(doc, start, stop, glued)
                        and _name_pieces(doc, start, stop, glued, upper.rest, countries)))
                if whole_name:
                    replaced.append(entity)
                    found.append(Span(doc, start, stop, label="PERSON"))
                start = stop if whole_name else entity.end
            elif (police := _police_by_its_place(doc, start, end, taken, glued)) is not None:
                found.append(Span(doc, start, police, label="ORG"))
                start = police
            else:
                stop = next((i for i in range(start, end) if doc[i].text in _CREDIT_SEPARATORS and not glued[i]), end)
                pieces = _name_pieces(doc, start, stop, glued, upper.rest, countries)
                inner = [e for e in ents if e.label_ == "PROVINCE" and start < e.start and e.end <= stop]
                inner_tokens = {i for e in inner for i in range(e.start, e.end)}
                if not pieces or any(i in taken and i not in inner_tokens for i in range(start, stop)):
                    break
                (_, _, words), = pieces
                name = None
                if words == 1 and stop - start == 1 and upper.is_given(doc[start]):
                    name = Span(doc, start, stop, label="PERSON")  # "Ảnh: Hùng" (not "Ảnh: Internet", "Ảnh: CTV")
                elif _in_capitals(doc, start, stop):
                    # after a cue two words are a name: "Ảnh: HOÀNG MINH", "Ảnh: THANH TÙNG"
                    if upper(doc, start, stop, fewest=2) or upper.given_pair(doc, start, stop):
                        name = Span(doc, start, stop, label="PERSON")
                elif 2 <= words <= 5 or _initials_in(doc, start, stop) or _lao_run(doc, start, stop, glued):
                    name = Span(doc, start, stop, label="PERSON")
                if name is not None and inner and _class(doc[start], "given_not_first"):
                    name = None  # "Nam" + a province is a region or a place, no name ("Ảnh: Thu Trang" is)
                if name is not None:
                    found.append(name)
                    replaced += inner
                elif inner:
                    break
                start = stop
            if start < end and doc[start].text in _CREDIT_SEPARATORS:
                start += 1
            elif start < end:
                break
    return found, replaced


def _police_by_its_place(doc: Doc, start: int, end: int, taken: set[int], glued: list[bool]) -> int | None:
    """The end of a credit's piece at ``start`` that is a police force by its district's name alone, "Ảnh: Công an
    Tương Dương" (the source, as "Ảnh: Công an Quảng Bình"; session 30), or None."""
    stop = next((i for i in range(start, end) if doc[i].text in _CREDIT_SEPARATORS and not glued[i]), end)
    if stop - start >= 3 and tuple(t.text for t in doc[start:start + 2]) == ("Công", "an") \
            and not any(i in taken for i in range(start, stop)) \
            and all((doc[i].is_alpha and doc[i].is_title) or glued[i] for i in range(start + 2, stop)):
        return stop
    return None


def _bylines(doc: Doc, ents: list[Span], glued: list[bool], upper: UpperNames,
             first: list[Span] = (), countries: set[str] = frozenset()) -> tuple[list[Span], list[Span]]:
    """PERSON for each name of a paragraph that is nothing but names: "Hoàng Minh Tú", "T.H.", "A - B".

    A name here is two to four capitalised words, or initials; the paragraph
    holds nothing else but, at its end, the source in brackets when it is an
    ORG ("Minh Khôi (TTXVN)"), and then it may begin with "Theo" ("Theo
    Minh Khôi (TTXVN)"). A title-case headline of up to four words
    looks the same ("Tăng Cường Hợp Tác", see the README). A PROVINCE
    that only ends a name is a given name ("Đức Anh - Thu Trang", not the
    Thai province Trang). Returns the names found and the entities they
    replace.
    """
    taken = _taken(ents)
    # a PERSON a pronoun cue gave ("Anh" + "Cường"): in a byline of two names or more the cue is the given name's
    # first word ("Hồng Nhung – Anh Cường"; session 12), so the whole piece replaces it
    after_pronoun = {e.start: e for e in ents if e.label_ == "PERSON" and e.start > 0
                     and doc[e.start - 1].text in _PRONOUN_GIVEN_NAMES}
    ambiguous = {(e.start, e.end) for e in first if e.label_ == AMBIGUOUS_PROVINCE}  # "HÀ NAM": no byline
    orgs = {(e.start, e.end) for e in ents if e.label_ == "ORG"}
    org_ends = dict(orgs)
    provinces = {e.start: e for e in ents if e.label_ == "PROVINCE"}
    in_provinces = {i for e in provinces.values() for i in range(e.start, e.end)}
    found, replaced = [], []
    paragraphs = list(_paragraphs(doc))
    orth = row(doc, ORTH)
    for para in paragraphs:
        last_line = len(paragraphs) > 1 and para is paragraphs[-1]
        if not _may_end_a_byline(doc, para.start, para.end, orth, glued, last_line):
            continue
        words = [t for t in para if not t.is_space]
        # (initials alone on the last line of a text are its byline, "T.L" too: "tư liệu" only after a credit cue,
        # "Ảnh: T.L"; session 15b)
        roles = _ROLE_INITIALS - {"TL"} if len(paragraphs) > 1 and para is paragraphs[-1] else _ROLE_INITIALS
        # "Quang Minh/Báo Công an nhân dân": the source after a slash
        # (... and after a comma on the last line of a text: "Hồng Nhung - Văn Toàn, Đài Phát thanh và Truyền hình
        # Sơn La"; session 18c)
        # (... or a dash: "Thanh Tùng - Đài PT-TH Điện Biên"; session 22)
        cut = ("/", ",", "-", "–") if last_line else ("/",)
        source = next((e for e in ents if e.label_ == "ORG" and words and e.end == words[-1].i + 1
                       and e.start > words[0].i and doc[e.start - 1].text in cut), None)
        # (... an outlet after the slash with its region after a dash: "Thanh Nhã/VOV-ĐBSCL"; session 27)
        if source is None and words and words[-1].is_upper and words[-1].is_alpha:
            source = next((e for e in ents if e.label_ == "ORG" and e.start > words[0].i and doc[e.start - 1].text == "/"
                           and e.end + 2 == words[-1].i + 1 and doc[e.end].text in ("-", "–")), None)
            if source is not None:
                source = Span(doc, source.start, words[-1].i + 1, label="ORG")
        # (... or an outlet's abbreviation no list holds, after the slash that ends the paragraph: "Kim Ngân - Hữu
        # Lộc/ATV"; session 28)
        unlisted = None
        role_after = len(words) > 2 and words[-2].text in ("/", "-", "–") and _a_role(words[-1].text, roles)
        if source is None and len(words) > 2 and words[-2].text == "/" and words[-1].i not in taken \
                and _AN_ABBREVIATION.match(words[-1].text) and not role_after:
            source = unlisted = Span(doc, words[-1].i, words[-1].i + 1, label="ORG")
        if source is not None:
            words = [t for t in words if t.i < source.start - 1]
            # (... after "Theo", as before a source in brackets: "Theo Thanh Hải/VOV"; session 32)
            if len(words) > 1 and words[0].text == "Theo":
                words = words[1:]
        # (... or the writer's role after a dash or a slash: "Thanh Hải - PV", "Thanh Hải/CTV"; session 32)
        elif role_after and words[-1].i not in taken:
            words = words[:-2]
        sourced = False  # (the paragraph ends on its source in brackets: "Anh Tuấn (TTXVN)")
        if words and words[-1].text == ")":
            opening = next((t for t in reversed(words) if t.text == "("), None)
            # (or its role: "PHƯƠNG THẢO (thực hiện)")
            # (or a reporter's post or where the report comes from, of any length: "(phóng viên VOV tại Lào)", "(từ
            # Pắc-xế)"; session 9a)
            role = opening is not None and words[-1].i - opening.i >= 2 and (
                (words[-1].i - opening.i in (2, 3, 4)
                 and (doc[opening.i + 1].lower_, doc[opening.i + 2].lower_) in _BYLINE_MARKS)
                or (doc[opening.i + 1].lower_, doc[opening.i + 2].lower_) == ("phóng", "viên")
                or (doc[opening.i + 1].lower_ == "từ" and doc[opening.i + 2].is_title)
                or tuple(t.lower_ for t in doc[opening.i + 1:words[-1].i + 1]) == _COMPILED
                # (a reporter's post abbreviated, or the outlet that compiled it: "(P/v TTXVN tại Bangkok)", "(PV Báo X
                # tại Y)", "(TTXVN tổng hợp)"; session 10a)
                or _a_reporters_post(doc, opening.i + 1, words[-1].i, orgs))
            # (or the paper it was taken from: "Hồ Nam - Việt Hà (Theo Báo Biên phòng)"; session 23)
            taken_from = opening is not None and words[-1].i - opening.i >= 3 \
                and doc[opening.i + 1].lower_ == "theo" and (opening.i + 2, words[-1].i) in orgs
            # (or two sources with a slash: "Đỗ Bá Thành (TTXVN/VietnamPlus)"; session 28)
            if opening is not None and ((opening.i + 1, words[-1].i) in orgs or role or taken_from
                                        or _sources_with_slashes(doc, opening.i + 1, words[-1].i, org_ends)):
                sourced = (opening.i + 1, words[-1].i) in orgs
                words = words[:words.index(opening)]
                # "Theo Nguyễn Văn A (Báo X)": "Theo" heads a byline that names its source
                if len(words) > 1 and words[0].text == "Theo":
                    words = words[1:]
        # (a role after the names with no bracket: "Thu Hằng tổng hợp"; where the report comes from, opening the
        # paragraph: "Từ Viêng Chăn, A - B", the province staying a PROVINCE; session 9b)
        if len(words) > 2 and (words[-2].text, words[-1].text) in _BYLINE_TAILS:
            words = words[:-2]
        if len(words) > 3 and words[0].text == "Từ" and words[1].i in provinces \
                and provinces[words[1].i].end < len(doc) and doc[provinces[words[1].i].end].text == ",":
            words = [t for t in words if t.i > provinces[words[1].i].end]
        # (a byline in capitals after the last sentence of a paragraph: "... trong tháng 1. LÊ HẠNH"; session 9c)
        stop = next((k for k in range(len(words) - 2, 0, -1) if words[k].text in (".", "!", "?", "”", '"')), None)
        if stop is not None and len(words) - stop - 1 <= 8 and words[stop - 1].text not in _BYLINE_CAPITAL_OPENERS \
                and all(t.is_upper or not t.is_alpha for t in words[stop + 1:]) \
                and all(t.is_alpha for t in words[stop + 1:stop + 3]):
            words = words[stop + 1:]
        # (... and in title case, each piece a name of the lists or initials glued to a name, in a brief's paragraph:
        # "... thu giữ 3 điện thoại. Minh Châu - Hải Đăng", "... huyện Keo Seima. N.Tâm"; session 16c)
        elif stop is not None and len(words) - stop - 1 <= 7 and words[stop].text in (".", "!", "?") \
                and words[stop - 1].text not in _BYLINE_CAPITAL_OPENERS \
                and _title_case_byline(doc, words[stop + 1].i, words[-1].i + 1, glued, upper, countries):
            words = words[stop + 1:]
        cued = [after_pronoun[t.i] for t in words[1:] if t.i in after_pronoun and after_pronoun[t.i].end <= words[-1].i + 1]
        cued_tokens = {i for e in cued for i in range(e.start, e.end)}
        if not words or any(t.i in taken and t.i not in in_provinces and t.i not in cued_tokens for t in words):
            continue
        # a province right after a capitalised word of the paragraph: perhaps the end of a name
        inner = [provinces[t.i] for t in words[1:] if t.i in provinces and provinces[t.i].end <= words[-1].i + 1
                 and _is_capitalised(doc[t.i - 1])]
        inner_tokens = {i for e in inner for i in range(e.start, e.end)} | cued_tokens
        # (... or a province that is a whole piece, perhaps a reporter's name: decided below)
        inner_tokens |= {i for t in words if t.i in provinces and (t.i == words[0].i or doc[t.i - 1].text in _CREDIT_SEPARATORS)
                         for i in range(provinces[t.i].start, provinces[t.i].end)}
        if any(t.i in taken and t.i not in inner_tokens for t in words):
            continue
        pieces = _name_pieces(doc, words[0].i, words[-1].i + 1, glued, upper.rest, countries)
        # (two given names in capitals make a byline with another piece, or alone when the first starts no common
        # phrase: "QUANG VINH"; not "AN NINH")
        names = all((upper(doc, s, e, fewest=2 if (s, e) not in ambiguous else 3)
                     or ((len(pieces) > 1 or (not _class(doc[s], "given_not_first")
                                              and not _class(doc[s], "given_not_first_caps")
                                              and tone_norm(doc[s:e].text.title()) not in upper.common_pairs))
                         and (s, e) not in ambiguous and upper.given_pair(doc, s, e))) if _in_capitals(doc, s, e)
                    else 2 <= n <= 4 or _initials_in(doc, s, e, roles) or _lao_run(doc, s, e, glued)
                    # (a Lao name glued by hyphens, alone or with another, on the text's last line: "Bun-thăn – KPL",
                    # "Khăm-ly – Ngọc Lan (biên dịch)"; session 31)
                    or (last_line and n == 1 and e - s > 1 and _class(doc[s], "lao_syllable"))
                    for s, e, n in pieces)
        # a province ends a name only after a name word that starts nothing else ("Thu Trang"; not "Nam" + province)
        given = all(any(s < p.start and p.end <= e and upper.opens_a_name(doc[s]) for s, e, _ in pieces) for p in inner)
        # (a piece that is a province's whole name is a reporter's name in a byline of two names or on the text's
        # last line, when its first word starts names: "Thái Bình - Ngọc Lan", "Hà Giang"; session 22)
        whole = [provinces[s] for s, e, _ in pieces if s in provinces and provinces[s].end == e]
        if whole:
            alone = len(pieces) == 1
            if (alone and not (last_line and source is None)) or (not alone and len(whole) == len(pieces)) \
                    or not all(upper.opens_a_name(doc[p.start]) for p in whole):
                continue
        # (a pronoun-cued name is a byline's only with another name or before its source in brackets: "Anh Cường"
        # alone keeps its reading, "Anh Tuấn (TTXVN)" is a reporter; session 30)
        if pieces and names and given and (not cued or len(pieces) > 1 or sourced):
            found.extend(Span(doc, s, e, label="PERSON") for s, e, _ in pieces)
            found += [unlisted] if unlisted is not None else []
            replaced += inner + cued + whole
    return found, replaced


def _sources_with_slashes(doc: Doc, start: int, end: int, org_ends: dict[int, int]) -> bool:
    """Whether ``doc[start:end]`` is ORG spans joined by slashes: "TTXVN/VietnamPlus"."""
    k, joined = start, 0
    while k in org_ends:
        k, joined = org_ends[k], joined + 1
        if k == end:
            return joined > 1
        if doc[k].text != "/":
            return False
        k += 1
    return False


# An outlet's abbreviation: capitals and perhaps digits ("ATV", "HTTV", "VTV9")
_AN_ABBREVIATION = re.compile(r"^[A-ZĐ][A-ZĐ0-9]{1,6}$")


def _title_case_byline(doc: Doc, start: int, end: int, glued: list[bool], upper: UpperNames,
                       countries: set[str]) -> bool:
    """Whether ``doc[start:end]`` is one to three names in title case, each two to four words from a family, middle or
    given name of the lists, every word ("Minh Châu", "Hải Đăng"; not "Tăng Cường Hợp Tác"), or initials glued to a name ("N.Tâm", "Q.Vinh")."""
    if any(doc[i].is_upper and doc[i].is_alpha and len(doc[i]) > 1 for i in range(start, end)):
        return False  # (capitals: the branch before)
    pieces = _name_pieces(doc, start, end, glued, upper.rest, countries)
    return 0 < len(pieces) <= 3 and all(
        (2 <= n <= 4 and e - s == n and all(upper.is_name_word(t) for t in doc[s:e]) and doc[s:e].text not in countries)
        or (n == 1 and e - s == 1 and _INITIALS.fullmatch(doc[s].text) and _initials_in(doc, s, e)) for s, e, n in pieces)


def _credits_in_brackets_at_the_end(doc: Doc, ents: list[Span], glued: list[bool], upper: UpperNames,
                                    countries: set[str] = frozenset()) -> list[Span]:
    """PERSON for a credit in brackets closing a paragraph after its last sentence: "... mỗi người. (Minh Hải)".

    Briefs end with their writer's name in brackets (scheme rule 6). Each
    piece ("(A - B)") is two to four capitalised words, the first a family,
    middle or given name of the lists ("Thu Trang", "Ksor Hiền", "Ly Mý"),
    in no entity and no country ("(Thái Lan)", "(Nghệ An)", "(Bộ Công an)"
    are what rules read); the bracket follows a full stop, "!" or "?" and
    ends the paragraph. Runs at the ")" tokens only.
    """
    closer = doc.vocab.strings[")"] if ")" in doc.vocab.strings else None
    if closer is None:
        return []
    taken, n, found = None, len(doc), []
    for end in cues_at(doc, ORTH, {closer}):
        if end + 1 < n and not (doc[end + 1].is_space and "\n" in doc[end + 1].text):
            continue
        opener = end - 1
        while opener > 0 and end - opener <= 10 and doc[opener].text not in "()":
            opener -= 1
        if opener < 1 or doc[opener].text != "(" or end - opener < 2 or doc[opener - 1].text not in (".", "!", "?"):
            continue
        taken = _taken(ents) if taken is None else taken
        if any(i in taken for i in range(opener + 1, end)):
            continue
        pieces = _name_pieces(doc, opener + 1, end, glued, upper.rest, countries)
        # (or initials glued to a name: "(Q.Vinh)"; session 16c)
        if pieces and all((2 <= words <= 4 and upper.is_name_word(doc[s]) and doc[s:e].text not in countries)
                          or (words == 1 and e - s == 1 and _INITIALS.fullmatch(doc[s].text) and _initials_in(doc, s, e))
                          for s, e, words in pieces):
            found.extend(Span(doc, s, e, label="PERSON") for s, e, _ in pieces)
    return found


# The first-pass helper over a year of birth: "SN 1980", "sinh năm 1991".
BORN_LABEL = "_BORN"


# Words between a name's comma and its nationality: "A và B, cùng quốc tịch Lào", "A, có quốc tịch Campuchia"
_NATIONALITY_LEADS = {"cùng", "đều", "có", "mang"}


def _before_a_birth_year(doc: Doc, born: Span) -> tuple[int, bool]:
    """Where the bracket or comma after the name before a ``_BORN`` helper is, and whether names coordinated before
    it count ("A và B, cùng trú ..."). A nationality's helper may hold its comma (", người Lào") or follow "cùng",
    "có" ("A và B, cùng quốc tịch Lào"; session 13)."""
    if born[0].text in (",", "("):  # (", người Lào", "(đối tượng cầm đầu": the helper holds its comma or bracket)
        return born.start, False
    end, together = born.start - 1, born[0].lower_ in ("cùng", "đều")
    if born[0].lower_ == "quốc":
        while end > 0 and doc[end].lower_ in _NATIONALITY_LEADS:
            together, end = together or doc[end].lower_ in ("cùng", "đều"), end - 1
    # (a bracket that gives the sex first: "Bua Phăn Keo Mạ Ni (nữ, SN 1993)"; session 29)
    if end >= 2 and doc[end].text == "," and doc[end - 1].lower_ in ("nữ", "nam") and doc[end - 2].text == "(":
        end -= 2
    return end, together


def _alias_opening_a_bracket(doc: Doc, comma: int, glued: list[bool]) -> tuple[int, int, int] | None:
    """(the bracket, the alias's start, its end) when the words before ``comma`` are "(" + an alias lead of
    ``_ALIAS_LEADS`` ("còn gọi là", "tức") + one to four capitalised words, the first no word that is never in a name:
    "(còn gọi là Phết, 45 tuổi"; else None."""
    start = comma
    while start > 0 and (comma - start < 6 or glued[start]) and (glued[start - 1] or (doc[start - 1].is_alpha and doc[start - 1].is_title)):
        start -= 1
    words = sum(1 for j in range(start, comma) if not glued[j])
    if not 1 <= words <= 4 or _class(doc[start], "not_name") or _class(doc[start], "not_name_first"):
        return None
    for lead in _ALIAS_LEADS:
        opener = start - len(lead) - 1
        if opener >= 1 and doc[opener].text == "(" and tuple(t.lower_ for t in doc[opener + 1:start]) == lead:
            return opener, start, comma
    return None


# Lao words that open a name and never a Vietnamese one, so a Vietnamese middle name after them is Lao ("Nang" for a
# woman: "Nang Vi Lay Văn Na"; session 29)
_LAO_ONLY_OPENERS = {"Nang"}


def _lao_run(doc: Doc, start: int, end: int, glued: list[bool], shortest: int = 4) -> bool:
    """Whether the capitalised words ``start:end`` read as one Lao name: `shortest` to seven spaced words, the first
    and all but one of class ``lao_syllable``, and no Vietnamese middle name of ``_STRONG_MIDDLE`` among them but the
    last ("Ma Văn Lay" is Vietnamese; "Xổm Phon Vi Lay Văn" ends on one, as no Vietnamese name does; session 29)."""
    words = [j for j in range(start, end) if not glued[j]]
    if not shortest <= len(words) <= 7 or not _class(doc[start], "lao_syllable"):
        return False
    if doc[start].text not in _LAO_ONLY_OPENERS and any(doc[j].text in _STRONG_MIDDLE for j in words[:-1]):
        return False
    return sum(1 for j in words if _class(doc[j], "lao_syllable")) >= len(words) - 1


_PROVINCE_WORDS = {"tỉnh", "thủ", "đô", "tp", "phố", "tại", "ở", "từ", "đến", "về", "sang", "qua", "trú", "quê"}
_NAME_BRACKET_LEADS = {"sn", "tức", "sinh"}


def _provinces_opening_a_lao_name(doc: Doc, ents: list[Span], glued: list[bool]) -> list[Span]:
    """A PROVINCE that opens a Lao name is that person's name: "Xay Xổm Bun Phết Ma Ni (SN 1984)" → PERSON whole
    (rule 1, session 18d). The PROVINCE (no province word or place preposition before it) must be followed by one to
    four capitalised words up to "(SN", "(tức", "(sinh", or follow a rank, and the whole read as one Lao name
    (``_lao_run``); "tỉnh Xay Xổm Bun (Lào)" stays a PROVINCE. Runs over the PROVINCE spans only."""
    n, out, changed = len(doc), [], False
    rank_ends = {o.end for o in ents if o.label_ == "RANK"}
    taken = _taken(ents)
    for e in ents:
        if e.label_ == "PROVINCE" and e.start and doc[e.start - 1].lower_ not in _PROVINCE_WORDS:
            k = e.end
            while k < n and (k - e.end < 5 or glued[k]) and (glued[k] or (doc[k].is_alpha and doc[k].is_title)):
                k += 1
            # (... or after one or two Lao syllables of the name, before "(SN": "Phon Xay Xổm Bun Ma (SN 1987";
            # session 29)
            b = e.start
            while b - 1 > 0 and e.start - b < 2 and b - 1 not in taken and doc[b - 1].is_title \
                    and _class(doc[b - 1], "lao_syllable") and doc[b - 2].lower_ not in _PROVINCE_WORDS:
                b -= 1
            # (... or right after a rank, whatever follows: "Đại úy Xay Xổm Bun Mi, Đại đội trưởng"; session 29)
            bracket = k + 1 < n and doc[k].text == "(" and doc[k + 1].lower_ in _NAME_BRACKET_LEADS
            named = bracket or (b == e.start and e.start in rank_ends)
            if (k > e.end or b < e.start) and named \
                    and _lao_run(doc, b, k, glued) and not any(o.start < k and e.end < o.end for o in ents):
                out.append(Span(doc, b, k, label="PERSON"))
                changed = True
                continue
        out.append(e)
    if not changed:
        return ents
    persons = [e for e in out if e.label_ == "PERSON" and e not in ents]
    return [e for e in out if e in persons or not any(p.start <= e.start < p.end or e.start <= p.start < e.end
                                                     for p in persons)]


def _names_before_a_birth_year(doc: Doc, first: list[Span], ents: list[Span], glued: list[bool],
                               surnames: set[tuple[str, ...]],
                               locals_: set[tuple[str, ...]] = frozenset()) -> list[Span]:
    """PERSON for the name right before "(SN 1980" or ", sinh năm 1991": "bắt quả tang Xổm Phon Thạ Vông (SN 1991, ...)".

    News gives a suspect's year of birth in brackets or between commas right
    after the name, often with no cue before it. The name is the run of one
    to five capitalised words (a hyphen-glued word is one) before the bracket
    or comma, in no entity and none a word that is never in a name; where it
    holds a Vietnamese family name of the lists after its first word, it
    starts there ("Bắt Nguyễn Văn A (SN ...)" → "Nguyễn Văn A"). One word
    counts only when glued ("Xổm-phăn"). Only runs where a "_BORN" helper
    was matched; the helper also marks where a person lives or what a person
    did ("Bua Khăm, cùng trú tỉnh X", "Vàng Chá Lia, người cầm đầu"). A run
    after a word of places ("huyện", "bản") is a place. Before "cùng trú",
    "đều trú" the names coordinated by "," and "và" count too.
    """
    taken = _taken(ents)
    found = []
    helpers = [born for born in first if born.label_ == BORN_LABEL]
    todo = [_before_a_birth_year(doc, born) for born in helpers]
    # (a bracket that opens with an alias before the age: "Xổm Phết Xay Nha Vông (còn gọi là Phết, 45 tuổi, ...)":
    # the name before the bracket and the alias are both the person; session 17b)
    aliases = {}
    for k, (end, together) in enumerate(todo):
        alias = _alias_opening_a_bracket(doc, end, glued) if end > 0 and doc[end].text == "," else None
        if alias is not None:
            todo[k] = (alias[0], together)
            aliases[alias[0]] = alias[1:]
    nationality = {end for born, (end, _) in zip(helpers, todo) if born[0].text == "," or born[0].lower_ == "quốc"}
    countries = {(e.start, e.end) for e in first if e.label_ == "_COUNTRY"}
    while todo:
        end, together = todo.pop()
        if end < 1 or doc[end].text not in (("(", ",", "và") if together else ("(", ",")):
            continue
        # initials of two letters or more, a person's name cut short (session 13): "bị hại, N.T.H (SN 1999, trú ...)"
        if end - 1 not in taken and _INITIALS_ONLY.fullmatch(doc[end - 1].text) and doc[end - 1].text not in _NOT_INITIALS:
            found.append(Span(doc, end - 1, end, label="PERSON"))
            taken.add(end - 1)
            continue
        # (a name ending on an initial ends before its dot, which it takes at the end of the resolver: "Nguyễn Hoàng
        # Ph. (SN 1998", "Chau S. (15 tuổi"; session 32)
        stop = end - 1 if _an_initials_dot(doc, end - 1) else end
        start, words, i = stop, 0, stop - 1
        while i >= 0 and words < 7 and i not in taken:
            token = doc[i]
            if glued[i]:
                i -= 1
                continue
            if not (token.is_alpha and token.is_title) or _class(token, "not_name"):
                break
            start, words, i = i, words + 1, i - 1
        while start < stop and _class(doc[start], "not_name_first"):
            start += 1
            while start < stop and glued[start]:
                start += 1
        if start >= stop or any(tuple(t.lower_ for t in doc[max(0, start - k):start]) in locals_ for k in (1, 2)):
            continue  # a place: "tại huyện Kỳ Sơn, trú ...", "bản Huồi Xái (trú ...)"
        # a Lao name of four to seven spaced syllables, all but one of class lao_syllable, is one name whatever
        # Vietnamese family name ("Ma") it holds: "Xổm Xạ Vắt Phôm Ma Lay (SN 1987)" (session 18d); other runs keep
        # at most five words
        # (three words before a birth year too, session 29: "Phết Xa Vắt (SN 1993" is no "Xa Vắt" after a word "Phết")
        lao = _lao_run(doc, start, stop, glued, shortest=3)
        if not lao:
            while sum(1 for j in range(start, stop) if not glued[j]) > 5:
                start += 1
                while start < stop and glued[start]:
                    start += 1
        family = next((j for j in range(start + 1, stop) if (tone_norm(doc[j].text),) in surnames and not glued[j]
                       and not _class(doc[j], "middle_name")), None)
        if family is not None and stop - family >= 2 and (tone_norm(doc[start].text),) not in surnames and not lao:
            start = family
        if end in nationality and ((start, end) in countries or doc[start - 1].lower_ in _NOT_PERSONS_BEFORE):
            continue  # a country, a ship, a company of a nationality: "tàu Hải Long, quốc tịch Campuchia"
        if stop - start >= 2:  # two words, or one glued word ("Khăm-phăn"): a lone syllable may be anything
            found.append(Span(doc, start, stop, label="PERSON"))
            taken.update(range(start, end))
            if end in aliases and not any(j in taken for j in range(*aliases[end])):
                found.append(Span(doc, *aliases[end], label="PERSON"))
                taken.update(range(*aliases[end]))
            if together:  # "A và B, cùng trú ...": the names before, coordinated
                todo.append((start - 1, True))
    return found


# Words before a name that is no person's though a nationality follows: a ship, a boat, an aircraft, a company
_NOT_PERSONS_BEFORE = {"tàu", "thuyền", "ghe", "cá", "hàng", "xuồng", "lan", "bay", "ty", "hãng", "thương", "hiệu"}


# Lower-case words that open a bracket giving another name of the person before it: "(tên Hán Việt là ...)", "(tức ...)"
_ALIAS_OPENERS = {"tên", "tức", "còn", "hay", "bí", "biệt"}
# "đường dây do Vàng A Sử cầm đầu": the name between "do" and a verb of leading
_LED_BY = (("cầm", "đầu"), ("đứng", "đầu"))


def _title_run(doc: Doc, start: int, end: int, taken: set[int], glued: list[bool]) -> bool:
    """Whether doc[start:end] is two to five capitalised words (a hyphen-glued word is one), in no span, none a word
    that is never in a name."""
    words = sum(1 for i in range(start, end) if not glued[i])
    return 2 <= words <= 5 and all(
        i not in taken and doc[i].is_alpha and doc[i].is_title and not _class(doc[i], "not_name")
        for i in range(start, end) if not glued[i])


# Words that open a bracket after a name in a caption (where the person stands) or a byline (the role)
_CAPTION_MARKS = {("đứng", "giữa"), ("ngồi", "giữa"), ("bên", "trái"), ("bên", "phải"), ("bìa", "trái"),
                  ("bìa", "phải"), ("thứ", "hai"), ("thứ", "ba"), ("thứ", "2"), ("thứ", "3"), ("giữa", ")"),
                  ("trái", ")"), ("phải", ")"), ("đứng", "đầu"), ("hàng", "đầu")}
# (a byline: the name opens the paragraph; "(từ <Place>)" also counts)
_BYLINE_MARKS = {("thực", "hiện"), ("tổng", "hợp"), ("ghi", ")"), ("lược", "dịch"), ("phóng", "viên"), ("dịch", ")"),
                 ("ctv", ")"), ("pv", ")"), ("th", ")"),  # ("MINH KHA (CTV)": a contributor, session 9b)
                 ("cộng", "tác"),  # ("Xuân Hòa (Cộng tác viên)"; session 23)
                 ("biên", "dịch"), ("phiên", "dịch")}  # ("Ngọc Lan (biên dịch)", a translator; session 31)
# ... and "compiled" abbreviated with a slash: "Minh Đức (t/h)" (session 22; "(TH)" above)
_COMPILED = ("t", "/", "h", ")")


def _a_reporters_post(doc: Doc, start: int, end: int, orgs: set[tuple[int, int]]) -> bool:
    """Whether doc[start:end], inside a byline's brackets, is a reporter's post ("P/v TTXVN tại Bangkok", "PV Báo X")
    or the outlet that compiled the report ("TTXVN tổng hợp"), or the outlet and where its reporter is ("TTXVN tại Bắc
    Kinh"; session 28)."""
    texts = [t.text for t in doc[start:end]]
    if texts[:3] in (["P", "/", "v"], ["P", "/", "V"]) or texts[:1] in (["PV"], ["Pv"], ["PTV"]):
        return len(texts) > 1 and any((start + k, e) in orgs for k in range(1, 4) for e in range(start + k + 1, end + 1))
    return any((start, e) in orgs and (tuple(t.lower_ for t in doc[e:end]) in _BYLINE_TAILS
                                       or (doc[e].lower_ == "tại" and 1 <= end - e - 1 <= 3
                                           and all(t.is_title and t.is_alpha for t in doc[e + 1:end])))
               for e in range(start + 1, end))


_BYLINE_CAPITAL_OPENERS = {":"}  # (not after a colon: "Ảnh: X." is a credit's business)
# Pronoun cues that are also the first word of given names ("Anh Cường", "Anh Thư"): see ``_bylines``
_PRONOUN_GIVEN_NAMES = {"Anh"}
_BYLINE_TAILS = {("tổng", "hợp"), ("thực", "hiện"), ("lược", "dịch"), ("biên", "dịch")}


_SLASH, _OPENING, _COMMA = get_string_id("/"), get_string_id("("), get_string_id(",")


def _may_end_a_byline(doc: Doc, start: int, end: int, orth: list[int], glued: list[bool],
                      last_line: bool = False) -> bool:
    """False when no byline of ``_bylines`` can be read in ``doc[start:end]``: the last word of its names would be
    one of a few tokens (the paragraph's last; before a bracket or a "/" closing it; before a two-word tail such as
    "tổng hợp") and none of them can end a name. Most paragraphs are sentences ending on "." after a lower-case
    word: they are passed over without a Token object per word."""
    def before(p: int, k: int) -> int | None:  # the k-th token before position p that is not a space
        while p > start:
            p -= 1
            if not doc[p].is_space:
                k -= 1
                if not k:
                    return p
        return None

    last = before(end, 1)
    if last is None:
        return False
    ends = {end}  # (the last "(" when a bracket closes the paragraph, the last "/": a source after it)
    # (and on the last line of a text the last ",": its source after it, "A - B, Đài ..."; session 18c)
    for mark in ((_SLASH, _OPENING) if doc[last].text == ")" else (_SLASH,)) + ((_COMMA,) if last_line else ()):
        ends |= {next((i for i in range(last, start - 1, -1) if orth[i] == mark), end)}
    for p in ends:
        for k in (1, 3):
            i = before(p, k)
            if i is None:
                continue
            if k == 3 and tuple(t.lower_ for t in doc[i + 1:p] if not t.is_space) not in _BYLINE_TAILS:
                continue  # (the names end three words back only before "tổng hợp" and the like)
            t = doc[i]
            if glued[i] or (t.is_alpha and (t.is_title or t.is_upper)) or _INITIAL.fullmatch(t.text) \
                    or _INITIALS.fullmatch(t.text) or _class(t, "given_not_first") \
                    or (t.text == "." and i > start and _INITIAL.fullmatch(doc[i - 1].text)):
                return True
    return False

_HONORIFIC_WORDS = {"ông", "bà", "ngài"}


def _opens_a_paragraph(doc: Doc, i: int | None) -> bool:
    """Whether token ``i`` (None: no token) starts the text or a line."""
    return i == 0 or (i is not None and "\n" in doc[i - 1].text)


def _name_before(doc: Doc, opener: int, taken: set[int], glued: list[bool], found: list[Span] | None) -> int | None:
    """The name of two to five capitalised words right before the bracket at ``opener``, appended to ``found``
    (when given); returns where it starts, or None."""
    start = opener
    while start > 0 and (opener - start < 6 or glued[start]) and start - 1 not in taken and (
            glued[start - 1] or (doc[start - 1].is_alpha and doc[start - 1].is_title
                                 and not _class(doc[start - 1], "not_name"))):
        start -= 1
    run = start
    while start < opener and _class(doc[start], "not_name_first"):
        start += 1
    # (after an honorific the first word is the family name, whatever else it starts: "ông Hạ Kiến Vinh (He
    # Jianrong)"; session 9a)
    if start > run and run > 0 and doc[run - 1].lower_ in _HONORIFIC_WORDS:
        start = run
    if start < opener and _title_run(doc, start, opener, taken, glued):
        if found is not None:
            found.append(Span(doc, start, opener, label="PERSON"))
            taken.update(range(start, opener))
        return start
    return None


# Words between a name's bracket and a nickname's quote: "(tức “...”)", "(biệt danh “...”)", "(còn gọi là “...”)"
_NICKNAME_OPENERS = {"tức", "biệt", "danh", "hiệu", "còn", "thường", "hay", "gọi", "là", "tên"}
_OPENING_QUOTES = {"“", '"', "‘", "«"}


_CALLED = {("còn", "gọi", "là"), ("thường", "gọi", "là"), ("hay", "gọi", "là")}


def _in_a_persons_bracket(doc: Doc, i: int, person_ends: set[int]) -> bool:
    """Whether token ``i`` is in a bracket opened right after a PERSON, a few tokens back: "Phan Văn Lực (SN 1980,
    thường gọi là “Lực Bún”" (session 23; a short nickname's bracket holds a birth year or an age at most)."""
    for j in range(i, max(0, i - 8), -1):
        if doc[j].text == ")":
            return False
        if doc[j].text == "(":
            return j - 1 in person_ends
    return False


def _closing_quote(doc: Doc, first: int, most: int, ok) -> int | None:
    """Where the quote that opened before ``first`` closes, within ``most`` tokens, when every word inside passes
    ``ok`` (a token index → bool); None when it does not close there or holds nothing."""
    close = next((j for j in range(first, min(len(doc), first + most)) if doc[j].text in _CLOSING_QUOTES), None)
    return close if close is not None and close > first and all(ok(j) for j in range(first, close)) else None


def _nicknames(doc: Doc, ents: list[Span], glued: list[bool]) -> list[Span]:
    """PERSON for a nickname in quotes in the bracket right after a PERSON: "Lưu Gia Bảo (tức “Bảo Tây”)", "(biệt
    danh “Chính Lào”, 41 tuổi)". The quotes bound it, so any capitalised word counts, a country's too. Runs at the
    PERSON spans only."""
    taken = _taken(ents)
    found = []
    n = len(doc)

    def take(first: int, close: int) -> None:
        found.append(Span(doc, first, close, label="PERSON"))
        taken.update(range(first, close))

    def capitalised(j: int) -> bool:
        return j not in taken and (glued[j] or (doc[j].is_alpha and doc[j].is_title))

    quotes = {doc.vocab.strings[q] for q in _OPENING_QUOTES if q in doc.vocab.strings}
    person_ends = {e.end - 1 for e in ents if e.label_ == "PERSON"}
    for q in cues_at(doc, ORTH, quotes):
        # after "tức" or "biệt danh" anywhere: "Phó Đức Hiệp (SN 1987, tức “Hiệp Đen”)", "A, có biệt danh “Ba Gù”,"
        # (", còn gọi là “A Cường”" in a bracket after a person's name; session 16c)
        if q >= 1 and (doc[q - 1].lower_ == "tức" or (q > 1 and doc[q - 2].lower_ == "biệt"
                                                       and doc[q - 1].lower_ in ("danh", "hiệu"))
                       or (q > 4 and tuple(t.lower_ for t in doc[q - 3:q]) in _CALLED
                           and doc[q - 4].text in (",", "(") and _in_a_persons_bracket(doc, q - 4, person_ends))):
            close = _closing_quote(doc, q + 1, 5, capitalised)
            if close is not None:
                take(q + 1, close)
                continue
        # what people call someone, its first word a given name, the rest perhaps not: "gọi anh là “Vinh râu”", "được
        # cả chợ gọi là “Vân Lào”", "gọi vui là “Sơn Khmer”" (session 23)
        # (... or what someone calls himself: "tự xưng là “Tuấn”", session 24)
        verb = next((doc[j].lower_ for j in range(max(0, q - 4), q - 1) if doc[j].lower_ in ("gọi", "xưng")), None) \
            if q >= 3 and doc[q - 1].lower_ == "là" else None
        if verb:
            close = _closing_quote(doc, q + 1, 4, lambda j: doc[j].is_alpha and j not in taken)
            if close is not None and (1 if verb == "xưng" else 2) <= close - q - 1 <= 3 and doc[q + 1].is_title \
                    and _class(doc[q + 1], "given"):
                take(q + 1, close)
    for person in [e for e in ents if e.label_ == "PERSON"]:
        # a nickname in quotes: "( tức “ Bảo Tây ” )", "(tức “Chính Lào”, 41 tuổi)" (the quotes bound it, so any
        # capitalised word, a country's too)
        quote = next((j for j in range(person.end + 2, min(n, person.end + 6)) if doc[j].text in _OPENING_QUOTES), None) \
            if person.end + 3 < n and doc[person.end].text == "(" else None
        if quote is not None and all(doc[j].lower_ in _NICKNAME_OPENERS for j in range(person.end + 1, quote)):
            close = _closing_quote(doc, quote + 1, 5, capitalised)
            if close is not None:
                take(quote + 1, close)
    return found


def _other_names_and_leaders(doc: Doc, ents: list[Span], glued: list[bool]) -> list[Span]:
    """PERSON for a person's other name in brackets and for the name in "do <name> cầm đầu".

    "Trương Vĩ Cường (Zhang Weiqiang)": two to five capitalised words alone in
    the brackets right after a PERSON are another name of the person (in
    pinyin, Latin script, Hán-Việt). "Wang Jianhua (tên Hán Việt là Vương
    Kiến Hoa)": the capitalised words right before the bracket are a name
    when the bracket gives a PERSON, alone or after a lower-case alias opener
    ("tên ... là", "tức", "còn gọi là"). "Đường dây do Vàng A Sử cầm đầu":
    two to five capitalised words between "do" and "cầm đầu" / "đứng đầu".
    Runs over the document's PERSON spans and its "do" tokens only.
    """
    taken = _taken(ents)
    found = []
    n = len(doc)
    for person in [e for e in ents if e.label_ == "PERSON"]:
        # after the name: "( Zhang Weiqiang )"
        if person.end < n and doc[person.end].text == "(":
            close = next((j for j in range(person.end + 1, min(n, person.end + 8)) if doc[j].text == ")"), None)
            if close is not None and _title_run(doc, person.end + 1, close, taken, glued):
                found.append(Span(doc, person.end + 1, close, label="PERSON"))
                taken.update(range(person.end + 1, close))
        # before the bracket that holds the name: "Wang Jianhua (tên Hán Việt là Vương Kiến Hoa)"
        # (the bracket may go on after the name: "Trịnh Hạo Nhiên (Zheng Haoran, sinh năm 1988)"; the alias opener may
        # be long: "(tên tiếng Trung viết theo phiên âm là Wan Jiahao)"; session 9a)
        opener = person.start - 1
        while opener > 0 and doc[opener].text not in "()" and person.start - opener <= 10:
            opener -= 1
        if opener < 2 or doc[opener].text != "(" or person.end >= n or doc[person.end].text not in (")", ","):
            continue
        if opener + 1 < person.start and doc[opener + 1].lower_ not in _ALIAS_OPENERS:
            continue
        _name_before(doc, opener, taken, glued, found)
    # a caption's position or a byline's role in brackets: "Xay Da Vông Phết (đứng giữa)", "Bích Ngọc (thực hiện)"
    bracket = doc.vocab.strings["("] if "(" in doc.vocab.strings else None
    org_starts = {e.start for e in ents if e.label_ == "ORG"}
    for opener in cues_at(doc, ORTH, {bracket}) if bracket is not None else []:
        if 2 <= opener < n - 2 and opener - 1 not in taken:
            marker = (doc[opener + 1].lower_, doc[opener + 2].lower_)
            # (also "(theo Vnexpress)", "(t/h)", and the source with another after a slash: "(TTXVN/Vietnam+)")
            byline = marker in _BYLINE_MARKS or (marker[0] in ("từ", "theo") and doc[opener + 2].is_title) \
                or (marker[1] == "/" and (marker[0] == "t" or opener + 1 in org_starts))
            # (a byline opens the text or a paragraph, session 31: "Xin cảm ơn!\nThanh Trúc (thực hiện) - Phiên dịch:")
            if marker in _CAPTION_MARKS or (byline and _opens_a_paragraph(doc, _name_before(doc, opener, taken, glued,
                                                                                         None))):
                _name_before(doc, opener, taken, glued, found)
    dau = doc.vocab.strings["đầu"] if "đầu" in doc.vocab.strings else None
    heads = cues_at(doc, ORTH, {dau}) if dau is not None else []
    for head in heads:  # "đầu" of "cầm đầu", "đứng đầu"; the name runs back to "do"
        end = head - 1
        if end < 3 or (doc[end].lower_, doc[head].lower_) not in _LED_BY:
            continue
        i = end - 1
        while i > 0 and end - i <= 6 and (glued[i] or (doc[i].is_alpha and doc[i].is_title)):
            i -= 1
        if doc[i].lower_ == "do" and _title_run(doc, i + 1, end, taken, glued):
            found.append(Span(doc, i + 1, end, label="PERSON"))
            taken.update(range(i + 1, end))
    return found


# First-pass cues that may open a list of names after a colon: "các đồng chí: A, ...; B, ...", "các ông: A; B".
_LIST_CUES = ("_DC", "_HON", "_HON2", "_SUSP")


def _listed_names(doc: Doc, first: list[Span], ents: list[Span], glued: list[bool],
                  surnames: set[tuple[str, ...]]) -> list[Span]:
    """PERSON for names coordinated with a person's name, listed after a cue and a colon, or before their title.

    "Các bị cáo Hoàng Văn Nam, Nguyễn Thị Thu và Đinh Văn Lợi": the cue
    reaches the first name only; a name right after a PERSON and ",", "và"
    or ";" is one too. "Tham dự có các đồng chí: Nguyễn Văn An, Phó Giám
    đốc ...; Trần Văn Bình, ...": after a cue and a colon, the first name
    and the first name of every item after ";" in that sentence. A name
    here is two to four capitalised words from a family name of the lists
    ("Nguyễn Thị Thu"), or words of which the first is glued ("Bun-thạ-vi
    Phôm-ma-chăn"), or words in Latin script ("Vongsavanh Keomany"), in no
    entity or rule's span, and not followed by another capitalised word. A
    name in apposition with its title is one too: "Nguyễn Văn An, Phó Giám
    đốc Công an tỉnh, cho biết" (a name, a comma, a title of the lists).
    """
    taken = _taken(ents)
    taken |= {i for e in first if e.label_ != AMBIGUOUS_PROVINCE for i in range(e.start, e.end)}
    province_starts = {e.start for e in ents if e.label_ == "PROVINCE"}
    # ("Anh", "Em", "Bác" after the first word are given names, not the pronouns: "Nguyễn Thị Quế Anh", "Diêu Văn
    # Bác"; session 9a)
    pronouns = {e.start for e in first if e.label_ in ("_HON", "_HON2", "_HCMCUE") and len(e) == 1} - _taken(ents)

    def name_end(i: int) -> int | None:
        if i >= len(doc) or i in taken or not doc[i].is_title:
            return None
        words, j, glued_first = 0, i, False
        while j < len(doc) and (j not in taken or (words and j in pronouns)):
            if glued[j]:
                glued_first |= words == 1
                j += 1
                continue
            if not (doc[j].is_alpha and doc[j].is_title) or _class(doc[j], "not_name") or words == 4:
                break
            words, j = words + 1, j + 1
        if j < len(doc) and ((j in taken and j not in pronouns) or _is_capitalised(doc[j])) or words < 2:
            return None
        if j + 1 < len(doc) and doc[j].text == "," and j + 1 in province_starts:
            return None  # a district, then its province: "bà A, Hoàng Mai, Hà Nội"
        latin = all(t.is_ascii and len(t) > 2 for t in doc[i:j])  # "Vongsavanh Keomany", "Sok Vuthy"
        return j if glued_first or latin or (tone_norm(doc[i].text),) in surnames else None

    found = []

    def coordinated(end: int, listed: bool) -> None:
        while end < len(doc):
            if doc[end].text == "(":  # "A (SN 1980) và B": past the brackets after a name
                close = next((k for k in range(end + 1, min(end + 16, len(doc))) if doc[k].text == ")"), None)
                if close is None or close + 1 >= len(doc):
                    return
                end = close + 1
            q = end + 1 if doc[end].text in (",", "và", ";") else None
            if q is not None and q < len(doc) and doc[end].text == "," and doc[q].text == "và":
                q += 1
            stop = name_end(q) if q is not None else None
            if stop is None and listed:  # the next item of the list: after the next ";" of the sentence
                k = next((k for k in range(end, len(doc)) if doc[k].text in (";", ".", "!", "?") or "\n" in doc[k].text),
                         None)
                if k is not None and doc[k].text == ";":
                    q = k + 1
                    stop = name_end(q)
            if stop is None:
                return
            found.append(Span(doc, q, stop, label="PERSON"))
            taken.update(range(q, stop))
            end = stop

    for e in sorted(ents, key=lambda e: e.start):
        if e.label_ == "PERSON":
            coordinated(e.end, False)
    for cue in (e for e in first if e.label_ in _LIST_CUES):
        if cue.end + 1 < len(doc) and doc[cue.end].text == ":":
            stop = name_end(cue.end + 1)
            if stop is not None:
                found.append(Span(doc, cue.end + 1, stop, label="PERSON"))
                taken.update(range(cue.end + 1, stop))
                coordinated(stop, True)
    # a name in apposition with its title: "Nguyễn Văn An, Phó Giám đốc Công an tỉnh, cho biết"
    first_taken = None
    for pos in (e for e in first if e.label_ == "_POS" and e.start >= 2 and doc[e.start - 1].text == ","):
        comma = pos.start - 1
        start = comma
        while start > 0 and (comma - start < 8 or glued[start]) and (glued[start - 1] or _is_capitalised(doc[start - 1])) \
                and start - 1 not in taken:
            start -= 1
        for s_ in range(start, comma - 1):
            if name_end(s_) == comma:
                # (a Lao name of four or five words read from its last two or three, "Ma Thắt" a family and a given name:
                # the whole run when it starts with a syllable of Lao names (class lao_syllable) and no first-pass
                # span covers its first words, "Khăm Phăn Phôm Ma Thắt, Thứ trưởng ..."; not "Bắt Nguyễn Văn An,
                # Giám đốc ..."; session 14)
                if s_ > start and comma - s_ <= 3 and (r := _appositive_run(doc, start, comma, glued)) is not None \
                        and r < s_ and comma - r >= 4 and _class(doc[r], "lao_syllable"):
                    if first_taken is None:
                        first_taken = _taken(first)
                    if not first_taken.intersection(range(r, s_)):
                        s_ = r
                found.append(Span(doc, s_, comma, label="PERSON"))
                taken.update(range(s_, comma))
                break
        else:  # (session 13b) any name: one glued word or two to five words ("Xay-nhạ-lổm, Trưởng phòng ...")
            s_ = _appositive_run(doc, start, comma, glued)
            if s_ is None and _lone_latin_name(doc, comma - 1, glued):
                if first_taken is None:
                    first_taken = _taken(first)
                if comma - 1 not in first_taken and comma - 1 not in taken:
                    s_ = comma - 1
            if s_ is not None:
                found.append(Span(doc, s_, comma, label="PERSON"))
                taken.update(range(s_, comma))
    return found


def _lone_latin_name(doc: Doc, k: int, glued: list[bool]) -> bool:
    """Whether the word at ``k``, alone before ", " + a title, is a name in Latin script (session 14): "Vilay, Phó Cục
    trưởng ...", "Thongsavanh, Trưởng đoàn ..."; two syllables or more of ``_LATIN_WORD`` (no Vietnamese syllable
    written without its marks: "Thanh", "Nguyen"), after no capitalised word, glue or word of places, no source or
    brand of the class ``cited_not_person`` ("Interpol"), no country (class country_word: "Thailand"); the caller checks that no first-pass span (a place, a country, a
    body) covers it."""
    if k < 0 or glued[k] or not _LATIN_WORD.fullmatch(doc[k].text) or _class(doc[k], "cited_not_person") \
            or _class(doc[k], "not_name_first") or _class(doc[k], "country_word"):
        return False
    if k == 0:
        return True
    before = doc[k - 1]
    return not (glued[k - 1] or _is_capitalised(before) or before.lower_ in _PLACE_PREPOSITIONS or before.like_num)


# Words before a place ("tại Pắc-xế, Trưởng phòng ..." names no person, session 13b): `_PLACE_PREPOSITIONS`, defined
# once further down (a second definition there had always shadowed the one that stood here)


def _appositive_run(doc: Doc, start: int, comma: int, glued: list[bool]) -> int | None:
    """Where a name of one glued word or two to five title-case words before ``comma`` starts (the run of capitalised
    words from ``start``, which no first-pass span covers: no body, place, country or title), or None: "Xay-nhạ-lổm,
    Trưởng phòng ...", "Xổm Phít Văn Na Xỉ, Phó Giám đốc ..." (session 13b). Not after a word of places ("tại
    Pắc-xế, Trưởng ..."); a lone word that is not glued may be anything ("Vinh, Giám đốc ...")."""
    while start < comma and (glued[start] or _class(doc[start], "not_name_first")):
        start += 1
    words = [j for j in range(start, comma) if not glued[j]]
    # (or a Lao name of six or seven spaced syllables: "Kẹo Ma Ni Bun Nha Vông, Phó Giám đốc ..."; session 21)
    if not (2 <= len(words) <= 5 or (len(words) == 1 and any(glued[start:comma]))
            or (len(words) <= 7 and _lao_run(doc, start, comma, glued))):
        return None
    if any(not doc[j].is_title or _class(doc[j], "not_name") for j in words):
        return None
    if start > 0 and doc[start - 1].lower_ in _PLACE_PREPOSITIONS:
        return None
    return start


# Verbs of headlines that are also name syllables: a name in capitals of two words or more ends before them
# ("THIẾU TƯỚNG TRẦN HẢI TIẾP ĐOÀN").
_HEADLINE_VERBS = {"tiếp", "dự", "trao", "tặng", "chúc", "đón", "gặp", "thăm", "nhận", "làm", "chủ", "chỉ", "kiểm",
                   "khảo", "dẫn", "ký", "đề", "hội", "bàn", "họp", "thắp", "viếng"}


def _names_in_capitals_after_a_cue(doc: Doc, first: list[Span], ents: list[Span], upper: UpperNames,
                                   followers: set[tuple[str, ...]]) -> list[Span]:
    """PERSON for a name in capitals after a rank or title in capitals: "ĐẠI TÁ NGUYỄN VĂN AN PHÁT BIỂU".

    A headline in capitals hides what marks a name; after a cue in capitals
    (a RANK, "ÔNG", "ĐỒNG CHÍ", a title) two to four words that read as a
    family name and middle or given names of the lists are the name; it ends
    before a verb of ``name-follower`` ("PHÁT BIỂU", "CHO BIẾT") or the first
    word that is no name word.
    """
    taken = _taken(ents)
    found = []
    for cue in (e for e in first if e.label_ in ("RANK", "_HON", "_DC", "_POS") and e.text.isupper()):
        end = cue.end
        while end < len(doc) and end - cue.end < 4 and end not in taken and doc[end].is_alpha \
                and doc[end].is_upper and upper.is_name_word(doc[end]) \
                and not (end - cue.end >= 2 and doc[end].lower_ in _HEADLINE_VERBS) \
                and not any(tuple(t.lower_ for t in doc[end:end + len(f)]) == f for f in followers):
            end += 1
        if end - cue.end >= 2 and upper(doc, cue.end, end, fewest=2):
            found.append(Span(doc, cue.end, end, label="PERSON"))
            taken.update(range(cue.end, end))
    return found


# Verbs said of a person only: before them three name words need no middle name ("Vương Kiến Hoa bị cáo buộc",
# "Trương Vĩ Cường khai nhận"; a city or a hero's name is not arrested nor questioned)
_PERSON_VERBS = (("bị", "bắt"), ("bị", "cáo"), ("bị", "truy"), ("bị", "khởi"), ("bị", "tạm"), ("khai", "nhận"),
                 ("thừa", "nhận"), ("bị", "dẫn"), ("hưởng", "lợi"))  # ("Lý Kiến Hoa hưởng lợi"; session 15b)
# ... and one-word verbs said of persons only, before a given name alone ("Khải trốn sang Lào", "Tủa khai đã vận
# chuyển"), except where the verb starts a word said of things ("khai mạc", "khai thác")
_PERSON_VERBS_ONE = {"trốn": (), "khai": ("mạc", "trương", "giảng", "thác", "thông", "hoang", "phá", "triển", "hỏa",
                                          "quật", "sinh", "thị"), "nói": ("chung", "riêng", "về")}
def _a_verb_of_persons_only(after: tuple[str, ...]) -> bool:
    """Whether the lower-case words ``after`` a name start with a one-word verb said of persons only ("khai được",
    "trốn sang"; not "khai mạc"; session 9c)."""
    return bool(after) and after[0] in _PERSON_VERBS_ONE and after[1:2] != () and \
        after[1] not in _PERSON_VERBS_ONE[after[0]]


# Capitalised words that open a clause before such a verb and are no name: pronouns, adverbs, kin words
_NOT_A_SUBJECT_NAME = {"Chúng", "Hắn", "Y", "Họ", "Bọn", "Nhóm", "Tên", "Người", "Cả", "Tất", "Số", "Bị", "Nó", "Mình",
                       "Ai", "Vợ", "Chồng", "Con", "Cha", "Bố", "Lại", "Rồi", "Liền", "Bèn", "Vẫn", "Cũng", "Đều",
                       "Mới", "Tiếp", "Vội", "Định", "Muốn", "Không", "Chưa", "Đang", "Ngay", "Chỉ", "Thì", "Nên",
                       "Vì", "Do", "Nếu", "Dù", "Còn", "Đến", "Khai", "Trốn", "Đối", "Bị", "Nghi", "Kẻ", "Gã", "Ả",
                       "Mỗi", "Các", "Những", "Hai", "Ba", "Tàu", "Xe", "Thuyền",
                       # (verbs of knowing and fearing, conjunctions of time, session 23: "Biết bị truy tìm, Lực bỏ
                       # trốn")
                       "Biết", "Thấy", "Sợ", "Nghe", "Khi", "Lúc", "Sau", "Trước",
                       # (a statement, session 30: "Lời khai này bị bác")
                       "Lời"}
# ... and two-word verbs of fleeing, surrendering, confessing and speaking, after a given name alone only (not after
# three name words without a middle name: "Hồ Chí Minh" is no suspect)
_SPEAKING = {("cho", "biết"), ("chia", "sẻ"), ("phát", "biểu"), ("nhấn", "mạnh"), ("khẳng", "định"), ("kể", "lại"),
             ("tâm", "sự"), ("cho", "hay")}
# Given names of the lists that are also bodies opening a clause: "Hội nhận tiền ủng hộ", "Tổ khai nhận"
_BODIES_NOT_NAMES = {"Hội", "Quỹ", "Tổ", "Đoàn", "Ban", "Đội", "Sở", "Viện"}
# (verbs said of persons and of funds or bodies too: "Quỹ nhận tiền"; after a given name of the lists only)
_LISTED_ONLY = {("nhận", "tiền"), ("cầm", "tiền"), ("chuyển", "tiền")}
_GIVEN_NAME_VERBS = {("bỏ", "trốn"), ("đầu", "thú"), ("ra", "đầu"), ("nhận", "tội"), ("thú", "nhận"), ("sa", "lưới"),
                     ("bị", "xử"), ("bị", "kết"), ("bị", "tuyên")} | _SPEAKING | _LISTED_ONLY


# the first words of those verbs, as ORTH values (lower case: a verb inside a sentence)
_VERB_FIRSTS = frozenset(get_string_id(v[0]) for v in set(_PERSON_VERBS) | _GIVEN_NAME_VERBS) \
    | frozenset(get_string_id(v) for v in _PERSON_VERBS_ONE) | {get_string_id("là")}


def _given_names_before_a_verb_of_persons(doc: Doc, ents: list[Span], claimed: set[int], upper: UpperNames,
                                          titles: set[int] = frozenset()) -> list[Span]:
    """PERSON for a given name alone opening a clause before a verb said of persons only: "Khải bị truy nã",
    "Tại cơ quan công an, Quân khai nhận" (the full name may be in another paragraph). The given name is one
    capitalised word of the lists, at the start or after punctuation, in no span. Runs at the verbs' first words."""
    positions = cues_at(doc, ORTH, _VERB_FIRSTS)
    if not positions:
        return []
    taken = _taken(ents) | claimed
    found = []
    for at in positions:
        name = at - 1
        if name < 0 or name in taken or at + 1 >= len(doc):
            continue
        verb = doc[at].lower_
        if verb == "là":  # "Thoa là Giám đốc một công ty": the copula before a title (a first-pass _POS)
            if at + 1 not in titles:
                continue
        elif (verb, doc[at + 1].lower_) not in set(_PERSON_VERBS) | _GIVEN_NAME_VERBS \
                and (verb not in _PERSON_VERBS_ONE or doc[at + 1].lower_ in _PERSON_VERBS_ONE[verb]):
            continue
        elif (verb, doc[at + 1].lower_) == ("bị", "cáo") and doc[at + 2:at + 3].text != "buộc":
            continue  # the noun, not "bị cáo buộc": "Bốn bị cáo bị tuyên phạt" (session 31)
        token = doc[name]
        # a given name of the lists; or, before a verb of arrest, confession or flight (not speech: bodies speak too),
        # any short capitalised word that is no pronoun or adverb ("Khút khai nhận": the minorities' names are not all
        # listed)
        listed = tone_norm(token.text) in upper.rest
        speaking = verb in ("nói", "là") or (verb, doc[at + 1].lower_) in _SPEAKING | _LISTED_ONLY
        if not (token.is_alpha and token.is_title and (listed or (not speaking and len(token) <= 6
                                                                  and token.text not in _NOT_A_SUBJECT_NAME))) \
                or _class(token, "not_name") or token.text in _BODIES_NOT_NAMES \
                or (name and doc[name - 1].text not in _CLAUSE_OPENERS
                    and (name < 2 or ((doc[name - 2].lower_, doc[name - 1].lower_) not in _ADVERBIALS
                                      and not _a_date(doc, name)))):
            continue
        found.append(Span(doc, name, at, label="PERSON"))
        taken.add(name)
    return found


_DATE_WORDS = {"năm", "ngày", "tháng", "đêm", "sáng", "chiều", "tối", "trưa"}


def _a_date(doc: Doc, i: int) -> bool:
    """Whether a date in digits after its word ends right before token `i`: "năm 2024 Toản bỏ trốn", "ngày 3/4 Hùng
    khai nhận" (a clause opens after it)."""
    j = i - 1
    while j > 0 and i - j <= 5 and doc[j].text and all(c.isdigit() or c in "/-." for c in doc[j].text):
        j -= 1
    return j < i - 1 and doc[i - 1].text[-1:].isdigit() and doc[j].lower_ in _DATE_WORDS


# Two-word adverbials that open a clause without a comma: "Bước đầu Nhung khai ...", "Sau đó Khút bỏ trốn"
_ADVERBIALS = {("bước", "đầu"), ("ban", "đầu"), ("lúc", "đầu"), ("sau", "đó"), ("trước", "đó"), ("tiếp", "đó")}
# Nouns of what a person owns or is, before "của" and a given name alone: "nơi ở của Khải,", "lời khai của Tú."
_OWNED_BY_A_PERSON = {"ở", "nhà", "khai", "thoại", "khoản", "vợ", "chồng", "con", "bố", "mẹ", "xe", "náu", "trú"}
# (not "nhà", "con", "xe": "nhà của Nhà nước", "con của Hổ"; "nơi ẩn náu", "nơi cư trú": session 9b)
_ONLY_A_PERSONS = {"ở", "khai", "vợ", "chồng", "náu", "trú"}


def _given_names_after_cua(doc: Doc, ents: list[Span], claimed: set[int], upper: UpperNames,
                           countries: set[str]) -> list[Span]:
    """PERSON for one given name of the lists, alone after a noun of what a person owns or is
    (`_OWNED_BY_A_PERSON`) and "của", before punctuation: "Khám xét nơi ở của Khải, ...", "theo lời khai của
    Tú." (the full name may be in another paragraph); or after a verb whose object is a person (`_MEETS`: "gặp",
    "thuê", "cho" ...) before a preposition of place, price or purpose ("gặp Tuấn tại quán", "bán cho Hùng với
    giá"). Not a country ("nhà của Lào"), a word that starts common phrases or is never in a name. Runs at the
    "của" and those verbs' tokens."""
    ids = [doc.vocab.strings[w] for w in ("của",) + tuple(_MEETS) if w in doc.vocab.strings]
    if not ids:
        return []
    n = len(doc)
    taken = None
    found = []
    orth = column(doc, ORTH)
    for at in sorted(i for h in ids for i in (orth == h).nonzero()[0].tolist()):
        name = at + 1
        if at < 1 or name + 1 >= n:
            continue
        if doc[at].text == "của":
            # (or before "và": "nơi ẩn náu của Quyết và Lâm", "... của Quyết và bắt giữ"; session 9b)
            if doc[at - 1].lower_ not in _OWNED_BY_A_PERSON or not (doc[name + 1].is_punct or doc[name + 1].text == "và"):
                continue
        elif doc[name + 1].lower_ not in _MEETS[doc[at].text]:
            continue
        token = doc[name]
        # (after such a verb, a word in no list too, not a brand or an agency: "bán cho Sài với giá", "gặp Xổm tại
        # chợ"; session 9a)
        # (after "của" too when the noun before it is only said of a person: "nơi ở của Hịa,", "lời khai của Pó.",
        # "vợ của Sềnh,"; session 9b)
        unlisted = (doc[at].text != "của" or doc[at - 1].lower_ in _ONLY_A_PERSONS) \
            and not _class(token, "cited_not_person") and not token.is_upper
        if not (token.is_alpha and token.is_title) or (tone_norm(token.text) not in upper.rest and not unlisted) \
                or token.text in countries or _class(token, "not_name") or _class(token, "not_name_first") \
                or _class(token, "given_not_alone") or token.text in _BODIES_NOT_NAMES \
                or doc[name + 1].text in ("-", "–", "/", "("):
            continue
        taken = (_taken(ents) | claimed) if taken is None else taken
        if name in taken:
            continue
        found.append(Span(doc, name, name + 1, label="PERSON"))
        taken.add(name)
    return found


# Verbs whose object is a person, and the words that may follow a given name alone after them
_AFTER_A_MET_PERSON = ("tại", "ở", "với", "để")
_MEETS = {"gặp": _AFTER_A_MET_PERSON, "thuê": _AFTER_A_MET_PERSON + ("vận", "chở", "mang"),
          "nhờ": _AFTER_A_MET_PERSON + ("vận", "chở", "mang"), "rủ": _AFTER_A_MET_PERSON + ("đi", "cùng", "và"),
          "cho": _AFTER_A_MET_PERSON,
          # the agent of a passive: "người được Sứ giao tìm mối", "được Pó thuê chở hàng" (session 9b)
          "được": ("giao", "thuê", "nhờ", "rủ", "đưa", "trả"),
          # a person let do something: "rồi để Dênh đem đi bán" (session 9b)
          "để": ("đem", "mang", "cất", "giữ", "chở", "bán", "cầm")}


_CLAUSE_OPENERS = {",", ".", ":", ";", '"', "“", "-", "–", "còn"}  # ("còn": ", còn Dính ra đầu thú")

# Words after which a given name of the lists alone is the person acted on: "giao cho", "với", "bắt được".
_GIVEN_OBJECT_AFTER = {"cho", "với", "được", "phạt"}


def _given_names_opening_a_clause(doc: Doc, ents: list[Span], claimed: set[int], upper: UpperNames,
                                  followers: set[tuple[str, ...]], countries: set[str]) -> list[Span]:
    """PERSON for a given name of the lists alone that opens a clause before a verb or adverb of ``name-follower``:
    "Hưng đã thuê văn phòng", "; Phước đang lo giấy tờ", "Oanh bị tuyên phạt" (the full name is often in another
    paragraph). Not a given name that also opens clauses as a common word (the class ``given_not_alone``: "Đoàn đã đến",
    "Nghĩa là"), nor a word that starts common phrases ("Nam", "Trung": before a verb of speech only), a country,
    a compound with the verb ("Thư ký"), or one before another capitalised word. Runs at the given names only."""
    orth = row(doc, ORTH)
    names = upper.given_hashes(set(orth), doc.vocab.strings)
    if not names:
        return []
    taken = _taken(ents) | claimed
    found = []
    for i in cues_at(doc, ORTH, names):
        token = doc[i]
        if i in taken or i + 1 >= len(doc) or _class(token, "given_not_alone") or token.text in countries \
                or (token.text, doc[i + 1].lower_) in _COMPOUNDS or _class(token, "not_name"):
            continue
        if i and doc[i - 1].text not in _CLAUSE_OPENERS:
            # the object of a verb or a preposition that governs a person ("giao cho Chu chở", "làm việc với Vanna.",
            # "bắt được Kiệt khi"), ending there
            nxt = doc[i + 1]
            if doc[i - 1].lower_ in _GIVEN_OBJECT_AFTER and doc[i - 1].is_lower and not _class(token, "not_name_first") \
                    and (nxt.is_punct or (nxt.is_alpha and nxt.is_lower)):
                found.append(Span(doc, i, i + 1, label="PERSON"))
                taken.add(i)
            continue
        after = tuple(t.lower_ for t in doc[i + 1:i + 4])
        # (not "được": after a given name that is also a verb it makes a verb, "Đạt được", "Thu được")
        verbs = _SPEECH if _class(token, "not_name_first") else followers
        if after[:1] != ("được",) and any(after[:len(v)] == v for v in verbs):
            found.append(Span(doc, i, i + 1, label="PERSON"))
            taken.add(i)
    return found

# Middle names that make a person of a family name and the capitalised words after it, whatever the verb: "Văn",
# "Thị" (Kinh, Tày, Thái, Dao names) and "A", "Seo", "Mí" (Hmong names: "Giàng A Páo", "Giàng Seo Phử").
_STRONG_MIDDLE = {"Văn", "Thị", "A", "Seo", "Mí"}
_STRONG_VN_MIDDLE_HASHES = (get_string_id("Thị"), get_string_id("Văn"))
# Lower-case words after which a full name names a place, a school, a prize ("đường Lê Văn Lương", "trường Nguyễn Văn
# Trỗi"), besides the place words of ``locals``
_NAMED_AFTER = {("trường",), ("quỹ",), ("tàu",), ("hẻm",), ("ngõ",), ("kiệt",), ("tuyến",), ("lộ",), ("bến",),
                ("công", "viên"), ("giải", "thưởng"), ("bến", "xe")}


def _after_a_place_word(doc: Doc, i: int, local: set[tuple[str, ...]]) -> bool:
    """Whether ``doc[i]`` follows a place word of ``locals`` or ``_NAMED_AFTER`` ("đường", "đại lộ", "trường"): a name
    there names the place ("đường Lê Văn Lương")."""
    words = local | _NAMED_AFTER
    return any(tuple(t.lower_ for t in doc[i - n:i]) in words for n in range(1, min(i, max(map(len, words))) + 1))


# Lower-case words of arrest, charge and trial after which three name words of the lists are a person whatever their
# middle name ("bắt Triệu Tài Vần", "khởi tố Vương Kiến Hoa", "tuyên phạt Hoàng Minh Tú"): only persons are arrested,
# charged or tried; the same words before a street or a hero's name do not occur
_ACTS_ON_PERSONS = {tuple(w.split()) for w in (
    "bắt", "bắt giữ", "bắt khẩn cấp", "quả tang", "khởi tố", "truy nã", "tạm giữ", "tạm giam", "xét xử", "tuyên phạt",
    "xử phạt", "tử hình", "triệu tập", "di lý", "áp giải", "dẫn giải", "truy tố", "kết án", "bị can", "bị cáo",
    "nghi phạm", "đối tượng", "dẫn độ", "trục xuất", "giải cứu", "nơi ở của", "khám xét", "lệnh bắt",
    "truy nã đặc biệt", "truy nã toàn quốc")}
# handing over and receiving a person (session 9a): "tiếp nhận Thạch Sô Phết," (the middle word may be in no list)
_HANDED_OVER = {tuple(w.split()) for w in ("tiếp nhận", "bàn giao", "trao trả", "nhận bàn giao")}
_ACTS_ON_PERSONS |= _HANDED_OVER


# After "<name> là": the one who did it ("là người cầm đầu", "là kẻ chủ mưu", "là đối tượng ...", "là chủ ...")
_NAMED_AS = {"người", "kẻ", "đối", "chủ", "tên", "bị"}


# What may follow a name of the lists found without a cue or a middle name: the end of a list item
_LIST_ENDS = {",", ";", "(", ".", ":", ")", "và"}
# ... and what may come before it: a clause's start, a list's cue or the item before
_LIST_OPENERS = _CLAUSE_OPENERS | {"(", "và", "gồm", "là", "có", "cùng"}


def _opens_a_list_of_persons(doc: Doc, i: int, local: set[tuple[str, ...]]) -> bool:
    """Whether a name at ``doc[i]`` opens a clause or an item of a list that no place word leads: "gồm A, B và C",
    not "các tuyến phố A, B và C" (streets named after heroes)."""
    if doc[i - 1].text not in _LIST_OPENERS:
        return False
    j = i - 1
    while j > 0 and (doc[j].text in (",", "và") or _is_capitalised(doc[j])):
        j -= 1
    return not (doc[j].is_lower and _after_a_place_word(doc, j + 1, local))


def _full_names_with_a_middle_name(doc: Doc, ents: list[Span], claimed: set[int], upper: UpperNames,
                                   local: set[tuple[str, ...]]) -> list[Span]:
    """PERSON for a full name with no cue anywhere in the text: a family name of the lists, a middle name of
    ``_STRONG_MIDDLE``, then one or two capitalised words ("khám xét nơi ở của Lò Văn Khút,", "tuyên phạt Lầu A
    Dình", "áp giải Đặng Thị Kim Thoa qua cửa khẩu").

    The given name need not be in the lists (names of the minorities are many); the middle name says it is a
    person. Not after a capitalised word ("Trường THPT Nguyễn Văn Trỗi") or a place word ("đường Lê Văn Lương": a
    street named after someone), not before another capitalised word that no rule read, in no span.
    """
    starts = upper.surname_positions(doc)
    # (any capitalised word before "Thị" or "Văn" and a given name of the lists: a family name the lists lack, "Briu
    # Thị Lan", "Pơloong Văn Tấn"; session 16c)
    orth = column(doc, ORTH)
    middles = [int(i) - 1 for h in _STRONG_VN_MIDDLE_HASHES for i in (orth == h).nonzero()[0]]
    starts = sorted(set(starts) | {i for i in middles if i >= 0 and i + 2 < len(doc) and doc[i].is_alpha
                                    and doc[i].is_title and len(doc[i]) > 1 and not _class(doc[i], "not_name")
                                    and not _class(doc[i], "not_name_first") and not _class(doc[i], "org_word")
                                    and doc[i + 2].is_title and tone_norm(doc[i + 2].text) in upper.given}) \
        if middles else starts
    if not starts:
        return []
    taken = _taken(ents) | claimed
    glued = None
    found = []
    for i in starts:
        if i + 2 >= len(doc) or any(j in taken for j in (i, i + 1, i + 2)):
            continue
        # a middle name of the lists that is no strong one ("Tài", "Kiến"): right after a verb of arrest or trial,
        # three words only ("bắt Triệu Tài Vần và vợ")
        # or three or four words all of the lists, the last a given name ("gồm Trần Bảo Ngọc, Võ Thành Đạt và ...";
        # not "Hồ Chí Minh", the city)
        acted_on = doc[i + 1].text not in _STRONG_MIDDLE
        listed = 0
        if acted_on:
            by_verb = i and doc[i - 1].is_lower and any(
                tuple(t.lower_ for t in doc[max(0, i - n):i]) in _ACTS_ON_PERSONS for n in (1, 2, 3, 4))
            # (three words of the lists, the last a given name, named as the one who did it: "xác định Mã Chí Hùng là
            # người cầm đầu", "Mã Chí Hùng là kẻ chủ mưu"; not the city "Hồ Chí Minh"; session 17b)
            if not by_verb and i + 4 < len(doc) and doc[i + 3].lower_ == "là" and (
                    doc[i + 4].lower_ in _NAMED_AS or (i > 1 and (doc[i - 2].lower_, doc[i - 1].lower_) == ("xác", "định"))) \
                    and all(doc[j].is_title and tone_norm(doc[j].text) in upper.rest for j in (i + 1, i + 2)) \
                    and tone_norm(doc[i + 2].text) in upper.given \
                    and tuple(t.text for t in doc[i:i + 3]) not in UpperNames.NOT_NAMES:
                by_verb = True
            # (a middle word in no list, a Khmer or a minority name, right after such a verb and before the end of a
            # list item or a lower-case word: "tiếp nhận Thạch Sô Phết, 35 tuổi"; session 9a)
            # (... and after any verb of arrest or trial when the family name is one that only the Khmer of the
            # Mekong delta bear, the class ``khmer_vi_surname``: "bắt giữ Thạch Sô Phia khi ..."; session 15a)
            unlisted = i + 3 < len(doc) and (doc[i + 3].text in _LIST_ENDS or doc[i + 3].is_lower) and doc[i - 1].is_lower \
                and (any(tuple(t.lower_ for t in doc[max(0, i - n):i]) in _HANDED_OVER for n in (2, 3))
                     or (by_verb and _class(doc[i], "khmer_vi_surname")))
            if tone_norm(doc[i + 1].text) not in upper.rest and not unlisted:
                continue
            rest = [j for j in range(i + 1, min(i + 4, len(doc)))]
            for j in rest:
                if not (doc[j].is_alpha and doc[j].is_title and tone_norm(doc[j].text) in upper.rest):
                    break
                listed = j + 1
            while listed > i + 2 and tone_norm(doc[listed - 1].text) not in upper.given:
                listed -= 1
            # (in a list or before an age in brackets: a hero's name that a street bears comes before a verb,
            # "Trần Quốc Toản đã ...")
            if listed < i + 3 or tuple(t.text for t in doc[i:listed]) in UpperNames.NOT_NAMES \
                    or (listed < len(doc) and doc[listed].text not in _LIST_ENDS) \
                    or (i and not _opens_a_list_of_persons(doc, i, local)):
                listed = 0
            if not (by_verb or listed):
                continue
        # (nor after a house number: "số 47 Phạm Văn Đồng", "tại 12 Nguyễn Thị Minh Khai" is an address)
        if i and (_is_capitalised(doc[i - 1]) or _after_a_place_word(doc, i, local) or doc[i - 1].like_num
                  or doc[i - 1].lower_ == "số"):
            continue

        def name_word(j: int) -> bool:
            return j < len(doc) and j not in taken and doc[j].is_alpha and doc[j].is_title \
                and not _class(doc[j], "not_name")

        if not name_word(i + 2):
            continue
        end = listed or (i + 4 if name_word(i + 3) and not acted_on else i + 3)
        if glued is None:
            glued = glued_flags(doc)
        if end < len(doc) and (glued[end] or (_is_capitalised(doc[end]) and end not in taken)):
            continue
        found.append(Span(doc, i, end, label="PERSON"))
        taken.update(range(i, end))
    return found


# A word in Latin script of two syllables or more, no Vietnamese letter: "Bounkham", "Siriporn" (a Vietnamese
# syllable has one group of vowels)
_LATIN_WORD = re.compile(r"[A-Z][a-z]*[aeiouy]+[a-z]*?[b-df-hj-np-tv-xz]+[aeiouy]+[a-z]*")
_LATIN_NAME_OPENERS = _CLAUSE_OPENERS | {"(", "là", "gồm", "và", "có", "do", "cho", "với", "của", "cùng",
                                         "âm",  # ("(tên phiên âm Ai Mingzhe)": session 9c)
                                         "giữ", "bắt"}  # ("bắt giữ Chen Ming khi ...": session 22)
# ... and the verbs said of a person that may follow them (not "bị", "được": "Facebook Messenger bị lợi dụng")
_LATIN_NAME_VERBS = {tuple(w.split()) for w in ("cho biết", "cho hay", "nói", "kể", "chia sẻ", "trả lời", "khai",
                                                 "thừa nhận", "cảm ơn", "đề nghị", "trình bày", "nhấn mạnh",
                                                 "khẳng định", "bày tỏ", "phát biểu", "chúc mừng", "hoan nghênh")}


_PINYIN_GIVEN = re.compile(r"[A-Z][a-z]{2,}")  # "Jianguo", "Haoyu", "Lei"


# Words between a name in Latin script and its Vietnamese spelling: "Bounmy Sisavath bên cạnh Bun Mi Xi Xa Vắt"
_BESIDE = sorted((tuple(w.split()) for w in ("bên cạnh", "cạnh", "hay", "hoặc", "tức", "tức là", "viết là",
                                             "phiên âm là")), key=len, reverse=True)


def _vietnamese_spelling_beside(doc: Doc, end: int, taken: set[int]) -> tuple[int, int] | None:
    """(start, end) of the same name spelt in Vietnamese syllables after a name in Latin script that ends at
    ``end`` and a word of ``_BESIDE``: two to eight capitalised words of the class ``lao_syllable`` (one may be in no list), in no span,
    ending a clause or a list item ("Bounmy Sisavath bên cạnh Bun Mi Xi Xa Vắt."); else None (session 17b)."""
    n = len(doc)
    lead = next((w for w in _BESIDE if tuple(t.lower_ for t in doc[end:end + len(w)]) == w), None)
    if lead is None:
        return None
    start = stop = end + len(lead)
    while stop < n and stop - start < 8 and stop not in taken and doc[stop].is_title and doc[stop].is_alpha \
            and not _class(doc[stop], "not_name"):
        stop += 1
    lao = sum(1 for j in range(start, stop) if _class(doc[j], "lao_syllable"))
    if stop - start < 2 or not _class(doc[start], "lao_syllable") or lao < stop - start - 1 or (stop < n and doc[stop].text not in _LIST_ENDS and doc[stop].text not in _SENTENCE_ENDS
                            and not doc[stop].is_space):
        return None
    return start, stop


def _names_in_latin_script(doc: Doc, ents: list[Span], claimed: set[int], countries: set[str],
                           seen: dict[int, bool], local: set[tuple[str, ...]] = frozenset()) -> list[Span]:
    """PERSON for two words in Latin script of two syllables or more each, opening a clause or a list item and
    ending it or before a verb of speech (``_LATIN_NAME_VERBS``): "gồm Nattapong Srisuk và ...", "Bounkham
    Phimmavong cảm ơn"
    (Lao, Thai, Khmer names as their countries romanise them); so is a Chinese name in pinyin, a one-syllable family
    name of the class ``pinyin_surname`` first ("là Li Jianguo,"). Not one word alone ("Interpol cho biết"), nor after
    a lower-case word other than "là", "gồm", "và", "có" ("qua Western Union"), nor in a span."""
    orth = row(doc, ORTH)
    strings = doc.vocab.strings
    for h in set(orth) - seen.keys():  # (``seen``: ORTH values looked at, across documents)
        seen[h] = bool(_LATIN_WORD.fullmatch(strings[h]))
    latin = {i for i, h in enumerate(orth) if seen[h]}
    # (a Chinese name in pinyin starts with a one-syllable family name: "Li Jianguo", "Zhang Weiming")
    surnames = _class_positions(doc, "pinyin_surname")  # (configs/gazetteers/person-zh-surname.txt)
    pinyin = {i for i in surnames if i + 1 < len(orth) and _PINYIN_GIVEN.fullmatch(doc[i + 1].text)
              and not _class(doc[i + 1], "latin_not_given")}
    # (and a Cambodian name, a Khmer family name first, read alike, also after any lower-case word or at a clause's
    # start: "cho Chan Rithy tại", "bắt giữ Sok Dara cùng"; not after a capitalised word: "Hong Kong Airlines"; session 13)
    # (the word lists: the classes khmer_surname, configs/gazetteers/person-km-surname.txt, and latin_not_given,
    # configs/patterns/words/latin-not-given.txt: "Sun Group" has no given name)
    # (so is a pinyin family name before a given name of two syllables or more: "bắt Chen Guoliang."; not "Wan Hai",
    # "Hong Kong", whose second word has one syllable; session 14c)
    family_first = {i for i in (j - 1 for j in latin) if i >= 0 and (_class(doc[i], "khmer_surname") or i in surnames)
             and not _class(doc[i + 1], "latin_not_given") and not (i and doc[i - 1].is_title)}
    pinyin |= family_first
    if not latin and not pinyin:
        return []
    found = []
    taken = _taken(ents) | claimed
    # (a district's or a town's name after "huyện", "xã", "thị trấn" ... is no person's: "ở huyện Keo Seima."; session 16c)
    taken |= {i for i in latin | pinyin if i and doc[i - 1].is_lower and _after_a_place_word(doc, i, local)}
    # one word alone opening a clause before a verb of speech: "; Prasert đề nghị", "Siriporn trình bày" (not a source
    # or a brand, the class ``cited_not_person``: "Interpol cho biết")
    for i in sorted(latin):
        # (the clause may open on a conjunction, capitalised too: "Còn Sreyneang kể", "khi Prasert nói"; session 9a)
        if i in taken or i + 1 >= len(doc) or (i + 1 in latin) or (i and ((doc[i - 1].lower_ not in _CLAUSE_OPENERS
                                                                        and doc[i - 1].lower_ not in _CLAUSE_CONJUNCTIONS)
                                                                       or i - 1 in latin)) \
                or _class(doc[i], "cited_not_person") or doc[i].text in countries:
            continue
        after = tuple(t.lower_ for t in doc[i + 1:i + 4])
        if any(after[:len(v)] == v for v in _LATIN_NAME_VERBS):
            found.append(Span(doc, i, i + 1, label="PERSON"))
            taken.add(i)
    for i in sorted(latin | pinyin):
        end = i + 2
        if (end - 1 not in latin and i not in pinyin) or i in taken or end - 1 in taken or doc[i:end].text in countries \
                or (i and doc[i - 1].text not in _LATIN_NAME_OPENERS and i not in family_first):
            continue
        # (a Khmer name may have a third word in Latin script: "Sóc Vanna Rith,"; session 16b)
        if i in family_first and end < len(doc) and end not in taken and doc[end].is_title and doc[end].is_ascii \
                and doc[end].is_alpha and end + 1 < len(doc) and doc[end + 1].text in _LIST_ENDS:
            end += 1
        after = tuple(t.lower_ for t in doc[end:end + 3])
        # (a name in pinyin, family name first, before any verb: "Chen Hao thuê 2 căn hộ")
        beside = _vietnamese_spelling_beside(doc, end, taken) if i not in pinyin else None
        # (a Khmer name, family name first, before the dash of a title too: "Đại tá Em Sopheap - Giám đốc"; session 22)
        if end == len(doc) or doc[end].text in _LIST_ENDS or any(after[:len(v)] == v for v in _LATIN_NAME_VERBS) \
                or (i in pinyin and doc[end].is_alpha and doc[end].is_lower) or beside is not None \
                or (i in family_first and doc[end].text in ("-", "–") and end + 1 < len(doc) and doc[end + 1].is_title):
            found.append(Span(doc, i, end, label="PERSON"))
            taken.update((i, end - 1))
        if beside is not None:
            found.append(Span(doc, *beside, label="PERSON"))
            taken.update(range(*beside))
    return found


_CLOSING_QUOTES = {"”", '"', "’", "»"}


_GIVEN_PRONOUNS = {"Anh", "Em"}  # pronoun cues capitalised that end many given names ("Tuấn Anh", "Quế Anh")


# Verbs that tell how a quote was said, after the speaker's name (session 17b): '“...”, Khăm Phon Vi Lay cười.'
_AFTER_A_QUOTE = {tuple(w.split()) for w in ("cười", "tâm sự", "khẳng định", "kể", "nói", "chia sẻ", "cho biết",
                                             "bộc bạch", "trầm ngâm", "nhớ lại", "hồ hởi", "tươi cười")}


def _speakers_after_a_quote(doc: Doc, ents: list[Span], claimed: set[int], glued: list[bool],
                            followers: set[tuple[str, ...]], countries: set[str]) -> list[Span]:
    """PERSON for the speaker named right after a quote: '“...”, Chanthy nói.', '“...”, Sổm Sạ Nợ chia sẻ.' (the
    full name may be in another paragraph): one to four capitalised words (a hyphen-glued word is one) after a
    closing quote and a comma, then a verb of speech (``_SPEECH``) or of ``name-follower``; in no span, no country,
    no word that is never in a name. Runs at the closing quotes only."""
    quotes = {doc.vocab.strings[q] for q in _CLOSING_QUOTES if q in doc.vocab.strings}
    if not quotes:
        return []
    orth = column(doc, ORTH)
    found = []
    taken = _taken(ents) | claimed
    verbs = _SPEECH | followers | _AFTER_A_QUOTE
    in_ents = _taken(ents)
    for q in sorted(i for h in quotes for i in (orth == h).nonzero()[0].tolist()):
        start = q + 2
        if start >= len(doc) or doc[q + 1].text != ",":
            continue
        end, words = start, 0
        while end < len(doc) and words <= 4:
            if glued[end]:
                end += 1
            # ("Anh", "Em" after the first word: a given name, not the pronoun cue: "Quế Anh nói"; session 9a)
            elif doc[end].is_alpha and doc[end].is_title and (end not in taken or (
                    words and doc[end].text in _GIVEN_PRONOUNS and end not in in_ents)) \
                    and not _class(doc[end], "not_name_first" if end == start else "not_name"):
                end, words = end + 1, words + 1
            else:
                break
        if not 1 <= words <= 4 or doc[start:end].text in countries:
            continue
        after = tuple(t.lower_ for t in doc[end:end + 3])
        if any(after[:len(v)] == v for v in verbs):
            found.append(Span(doc, start, end, label="PERSON"))
            taken.update(range(start, end))
    return found


_ANH = get_string_id("Anh")


def _anh_ending_names(doc: Doc, over_first: dict[int, list[tuple[int, int, str]]], upper: UpperNames,
                      local: set[tuple[str, ...]]) -> dict[int, int]:
    """Where a capitalised "Anh" is the last syllable of a full name, not the pronoun cue "anh" (rule 1; session 18e):
    "Lê Tuấn Anh", "Phạm Đức Anh", "Nguyễn Thị Lan Anh", "Đỗ Anh" ("Anh" is one of the most common given names).

    ``{"Anh"'s position: where its name starts}`` for each "Anh" that the first pass read as a cue only, right after
    a family name of the lists and zero to two middle or given names of the lists, all capitalised, spaced, in no
    first-pass span (no place, unit, rank or cue: "tỉnh Hà Giang Anh Tú" keeps the cue), the family name after no
    place word ("huyện Nam Đàn Anh ..."). The longest such name counts ("Nguyễn Văn Tuấn Anh"). "Anh Tú cho biết",
    "anh Nguyễn Văn Tú" and "Nguyễn Văn Tú anh trai" keep the pronoun. Runs at the tokens "Anh" only (ORTH hashes).
    Also gives the other such "Anh" right after a capitalised word in no first-pass span ("Tuấn Anh"): perhaps a short
    form (``_anh_of_short_forms``).
    """
    orth = column(doc, ORTH)
    found, after_a_word = {}, []
    for k in np.flatnonzero(orth == _ANH).tolist():
        spans = over_first.get(k, ())
        if not k or not spans or any(end - start != 1 or label not in ("_HON2", "_COUNTRY") for start, end, label in spans):
            continue
        if k - 1 not in over_first and doc[k - 1].is_alpha and doc[k - 1].is_title and doc[k - 1].whitespace_ == " ":
            after_a_word.append(k)
        for n in (2, 1, 0):
            f = k - 1 - n
            if f < 0:
                continue
            words = doc[f:k]
            if any(j in over_first for j in range(f, k)) \
                    or not all(t.is_alpha and t.is_title and t.whitespace_ == " " for t in words) \
                    or (tone_norm(words[0].text),) not in upper.surnames \
                    or not all(tone_norm(t.text) in upper.rest for t in words[1:]) \
                    or _after_a_place_word(doc, f, local):
                continue
            found[k] = f
            break
    return found, [k for k in after_a_word if k not in found]


def _anh_of_short_forms(doc: Doc, ents: list[Span], after_a_word: list[int]) -> set[int]:
    """Those "Anh" of ``after_a_word`` that end the two-word short form of a PERSON named in full ("Lê Tuấn Anh ...
    Tuấn Anh khai nhận"; rule 1, session 18e): no pronoun cue there, so the step of recurring names may read them."""
    pairs = {e[-2].text for e in ents if e.label_ == "PERSON" and len(e) >= 3 and e[-1].orth == _ANH}
    return {k for k in after_a_word if doc[k - 1].text in pairs}


def _full_names_before_a_verb(doc: Doc, first: list[Span], ents: list[Span], claimed: set[int], upper: UpperNames,
                              followers: set[tuple[str, ...]], local: set[tuple[str, ...]] = frozenset()) -> list[Span]:
    """PERSON for a Vietnamese full name with no cue before a verb of ``name-follower``: "Nguyễn Văn An cho biết".

    Three or four capitalised words, a family name of the lists, then middle
    and given names of the lists (the second a middle name such as "Văn",
    "Thị" when there are only three: "Hồ Chí Minh" is no such name, unless a
    verb said of persons only follows: "bị bắt", "khai nhận"), in no
    entity or rule's span, not after a capitalised word, and right before a
    verb of the list; two words only before a verb said of persons only or
    ", ngụ"/", trú" ("Lê Hùng khai nhận"; session 22). The family names are
    looked up among the document's distinct words, so most documents cost one
    set intersection.
    """
    starts = upper.surname_positions(doc)
    if not starts:
        return []
    taken = _taken(ents) | claimed
    found = []
    for i in starts:
        if i in taken or (i and _is_capitalised(doc[i - 1])) or _after_a_place_word(doc, i, local):
            continue
        for n in (4, 3, 2):
            end = i + n
            if end >= len(doc) or any(j in taken for j in range(i, end)):
                continue
            words = doc[i:end]
            if not all(t.is_alpha and t.is_title for t in words) \
                    or not all(tone_norm(t.text) in upper.rest for t in words[1:]):
                continue
            after = tuple(t.lower_ for t in doc[end:end + 5])
            if n == 2:
                # (a family and a given name alone, only where a person must be: before a verb said of persons
                # only, "Danh Tùng khai nhận", or before ", ngụ"/", trú"; session 22)
                if not _is_capitalised(doc[end]) and (
                        any(after[:len(f)] == f for f in _PERSON_VERBS) or _a_verb_of_persons_only(after)
                        or (after[:1] == (",",) and after[1:2] in (("ngụ",), ("trú",)))):
                    found.append(Span(doc, i, end, label="PERSON"))
                    taken.update(range(i, end))
                break
            if (n == 3 and not _class(words[1], "middle_name")
                    and not any(after[:len(f)] == f for f in _PERSON_VERBS)
                    and not _a_verb_of_persons_only(after)
                    and not _accused_opening_a_clause(doc, i, after)) or _is_capitalised(doc[end]):
                continue
            if any(after[:len(f)] == f for f in followers):
                found.append(Span(doc, i, end, label="PERSON"))
                taken.update(range(i, end))
                break
    return found


# What comes right before the accused or the one caught (session 22): "khởi tố bị can đối với X", "khởi tố đối với X",
# "bắt quả tang X khi ..."
_ACCUSED_CUES = {("bị", "can", "đối", "với"), ("khởi", "tố", "đối", "với"), ("bắt", "quả", "tang")}
_ACCUSED_CUE_ENDS = frozenset(get_string_id(c[-1]) for c in _ACCUSED_CUES)


def _the_accused(doc: Doc, ents: list[Span], claimed: set[int], glued: list[bool]) -> list[Span]:
    """PERSON for each name after "bị can đối với", "khởi tố đối với" or "bắt quả tang", the accused or the one caught,
    whatever the name's origin: two to seven capitalised words (a hyphen-glued word is one), up to a lower-case word or
    a bracket; names listed with "," or "và" too: "khởi tố bị can đối với Lầu Bá Tu, Khamphanh Vongxay và Danh Kiệt về
    tội ..." (session 22)."""
    hits = cues_at(doc, LOWER, _ACCUSED_CUE_ENDS)
    if not hits:
        return []
    n = len(doc)
    taken = _taken(ents) | claimed
    found = []
    for h in hits:
        i = h + 1
        if i >= n or not any(tuple(t.lower_ for t in doc[max(0, i - len(c)):i]) == c for c in _ACCUSED_CUES):
            continue
        while i < n:
            end, words = i, 0
            while end < n and end not in taken and (glued[end] or (doc[end].is_alpha and doc[end].is_title)):
                words += not glued[end]
                end += 1
            if not 2 <= words <= 7 or (end < n and doc[end].text not in (",", "(", ".", ";") and not doc[end].is_lower):
                break
            found.append(Span(doc, i, end, label="PERSON"))
            taken.update(range(i, end))
            if end + 1 < n and doc[end].text in (",", "và") and doc[end + 1].is_title:
                i = end + 1
            elif end + 2 < n and doc[end].text == "," and doc[end + 1].lower_ == "và" and doc[end + 2].is_title:
                i = end + 2
            else:
                break
    return found


# Adverbs of time between a subject and its verb: "Hoàng Gia Bảo đang bị truy nã", "... đã bị bắt" (session 18a)
_ADVERBS_BEFORE_A_VERB = {"đã", "đang", "vẫn", "cũng", "đều", "từng", "lại", "sẽ", "vừa", "mới"}


def _without_adverbs(after: tuple[str, ...], most: int = 2) -> tuple[str, ...]:
    """The lower-case words ``after`` a name without the adverbs of time that open them ("đang bị" → "bị")."""
    k = 0
    while k < most and k < len(after) and after[k] in _ADVERBS_BEFORE_A_VERB:
        k += 1
    return after[k:]


def _accused_opening_a_clause(doc: Doc, i: int, after: tuple[str, ...]) -> bool:
    """Whether three name words from token ``i`` open a clause after ";" or "còn" (", còn"), before what is done to
    a person accused (rule 1; session 18a): "...; Hoàng Gia Bảo đang bị truy nã", ", còn Thạch Sa Ly đã bị bắt",
    "; Lý Văn A vẫn đang lẩn trốn". "bị" and a verb of ``_PERSON_VERBS`` after adverbs of time ("đã bị bắt") count
    anywhere; "bị" before any word, and "vẫn đang", only at such a clause's start."""
    rest = _without_adverbs(after)
    if len(rest) < len(after) and any(rest[:len(f)] == f for f in _PERSON_VERBS):
        return True
    if not i or doc[i - 1].text not in (";", "còn"):
        return False
    return (rest[:1] == ("bị",) and len(rest) > 1 and rest[1].isalpha()) or after[:2] == ("vẫn", "đang")


# What the agent after "do" does to a ring or a band (session 10a): "đường dây do Điểu Sơn cầm đầu"
_LEADS = {tuple(w.split()) for w in ("cầm đầu", "quản lý", "điều hành", "chỉ đạo", "tổ chức", "đứng đầu", "làm chủ",
                                     "chủ mưu", "thuê", "cầm lái")}


def _agents_after_do(doc: Doc, ents: list[Span], claimed: set[int], upper: UpperNames,
                     glued: list[bool]) -> list[Span]:
    """PERSON for two or three capitalised words from a family name of the lists after the agent "do", before a verb
    of leading a ring (``_LEADS``): "đường dây do Điểu Sơn quản lý", "nhóm do Thạch Sà Rết cầm đầu" (the other words
    in no list). Not a word some rule read (a province, a body), nor a glued word."""
    starts = [i for i in upper.surname_positions(doc) if i and doc[i - 1].lower_ == "do"]
    if not starts:
        return []
    taken = _taken(ents) | claimed
    n, found = len(doc), []
    for i in starts:
        if i in taken:
            continue
        for m in (2, 3):
            end = i + m
            if end >= n or any(j in taken or glued[j] or not (doc[j].is_title and doc[j].is_alpha) for j in range(i, end)):
                break
            after = tuple(t.lower_ for t in doc[end:end + 2])
            if any(after[:len(v)] == v for v in _LEADS):
                found.append(Span(doc, i, end, label="PERSON"))
                taken.update(range(i, end))
                break
    return found


def _name_words(person: Span, glued: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of each word of a name; a hyphen-glued word ("Khăm-phăn") is one."""
    words = []
    for t in person:
        if glued[t.i] and words:
            words[-1] = (words[-1][0], t.i + 1)
        else:
            words.append((t.i, t.i + 1))
    return words


def _name_forms(doc: Doc, ents: list[Span], glued: list[bool]) -> dict[tuple[str, ...], bool]:
    """The full names of the document's persons (True) and the short forms they go by (False).

    Vietnamese and Chinese names are surname first: later "ông Hùng", "bà
    Thu Hà" (the last one or two words); Lao, Thai and Cambodian ones given
    name first: "ông Khăm-phăn" (the first one or two words), and Chinese
    officials are also called by the surname ("ông Vương").
    """
    forms = {}
    for person in (e for e in ents if e.label_ == "PERSON"):
        words = _name_words(person, glued)
        if len(words) < 2:
            # (one word of hyphen-glued syllables, a Lao name as Vietnamese transcribes it, names one person: "tên
            # Xổm-xạ-vẳn ... cho biết Xổm-xạ-vẳn"; session 27)
            if len(person) >= 3 and any(t.text in DASHES for t in person):
                forms[tuple(t.text for t in person)] = True
            continue
        forms[tuple(t.text for t in person)] = True
        for part in (words[-1:], words[-2:], words[:1], words[:2]):
            if len(part) < len(words):
                forms.setdefault(tuple(t.text for t in doc[part[0][0]:part[-1][1]]), False)
    return forms


# Cues after which a person's short form is that person even where it spells a province: "bà Hà Giang", "Đại tá
# Thái Bình" (not a title: "Chủ tịch" + a province may be the chairman of that province).
_PERSON_CUES = ("RANK", "_HON", "_HON2", "_DC")


# What only a person does, never a province standing for its government ("Nghệ An đề nghị", "Hòa Bình là"):
# speaking, telling, confessing.
_SPEECH = {tuple(w.split()) for w in ("cho biết", "cho hay", "nói", "kể", "kể lại", "chia sẻ", "tâm sự", "phát biểu",
                                      "trả lời", "hỏi", "khai", "khai nhận", "thừa nhận", "thú nhận")}


_SPEECH_FIRSTS = frozenset(get_string_id(w[0]) for w in _SPEECH)
# What is done to a person accused: before it, names in transcription opening a clause ("Thạch Sô Phết bị truy nã")
_ACCUSED = {tuple(w.split()) for w in ("bị truy nã", "bị bắt", "bị khởi tố", "bị tạm giam", "bị kết án", "bị tuyên",
                                       "bị cáo buộc", "bị phạt", "bị xử", "được hưởng án treo", "ra đầu thú",
                                       "bỏ trốn", "bị tạm giữ")}
_ACCUSED_FIRSTS = frozenset(get_string_id(w[0]) for w in _ACCUSED)


def _names_read_as_provinces(doc: Doc, first: list[Span], ents: list[Span], glued: list[bool]) -> list[Span]:
    """A PROVINCE that is the short form of a person named in the document, right after "ông", "bà", a rank, is a PERSON.

    "Bà Nguyễn Thị Hà Giang phát biểu. Theo bà Hà Giang, ..." → PERSON
    "Hà Giang" (scheme: a person's name is a PERSON; "tỉnh Hà Giang" keeps
    its PROVINCE, and so does "bà Hà Giang" where no such person is named).
    So is one that opens a clause (after punctuation or at the start) before
    a verb of speech (``_SPEECH``): "Nguyễn Thái Bình ... Thái Bình cho
    biết"; not "Hòa Bình là tỉnh miền núi".
    """
    cue_ends = {e.end for e in first if e.label_ in _PERSON_CUES}

    def opens_a_clause_before_speech(e: Span) -> bool:
        before = doc[e.start - 1] if e.start else None
        if before is not None and not (before.is_punct or before.is_space):
            return False
        after = [t.lower_ for t in doc[e.end:e.end + 3]]
        return any(tuple(after[:len(words)]) == words for words in _SPEECH)

    candidates = [e for e in ents if e.label_ == "PROVINCE"
                  and (e.start in cue_ends or opens_a_clause_before_speech(e))]
    if not candidates:
        return ents
    forms = _name_forms(doc, ents, glued)
    return [Span(doc, e.start, e.end, label="PERSON") if e in candidates and tuple(t.text for t in e) in forms else e
            for e in ents]


# Numerals that are also given names ("Bé Hai", "Lò Văn Ba"), and the first words of nouns counted after them
_NUMERAL_WORDS = frozenset("Một Hai Ba Bốn Năm Sáu Bảy Tám Chín Mười".split())
_COUNTED_AFTER_A_NUMERAL = frozenset(
    "bị đối người tên đứa cán chiến công nước bên tỉnh lực vụ chiếc con nghi học sĩ lần đơn tổ nhóm đường xe tàu "
    "thuyền phụ thanh nạn trẻ cháu em anh chị ông bà cô gia hộ thôn bản xã huyện".split())


def _recurring_names(doc: Doc, first: list[Span], ents: list[Span], claimed: set[int], glued: list[bool],
                     followers: set[tuple[str, ...]], countries: set[str], local: set[tuple[str, ...]],
                     unit_names: set[int] = frozenset(), surnames: set[tuple[str, ...]] = frozenset(),
                     descriptions: set[int] = frozenset()) -> list[Span]:
    """PERSON where the full name or a short form of a person named in the document recurs.

    The recurrence is capitalised, in no entity, and is not the start of a
    longer proper noun ("Hùng Vương"). A full name is a PERSON anywhere. A
    short form is one after a cue ("ông Nam", "Đại tá Hùng", "đồng chí
    Phăn"), or without a cue where capitals can only mean a proper noun and
    nothing suggests another reading (``_stands_alone``). A full name may
    recur over a descriptive name no ORG took (``descriptions``: "Vừ Bá
    Chống cao khoảng 1,65 m", "Chống cao"; session 24); a short form may not
    ("Vận động viên").
    """
    forms = _name_forms(doc, ents, glued)
    if not forms:
        return []
    # the one-word given names: the last word after a family name of the lists ("Hùng" of "Lương Văn Hùng", not "Lô"
    # of "Lô Văn Tình": "Lô hàng"), else the first or the last ("Khăm-phăn Vông-xay", "Sok Vanna")
    given = set()
    for person in (e for e in ents if e.label_ == "PERSON"):
        words = _name_words(person, glued)
        if len(words) >= 2:
            ends = (words[-1],) if (tone_norm(person[0].text),) in surnames else (words[0], words[-1])
            given.update(tuple(t.text for t in doc[a:b]) for a, b in ends)
    taken = _taken(ents)
    # (after a credit cue a name ends its piece: "Ảnh: Minh họa" is an illustration, not the person "Minh")
    cue_ends = {e.end for e in first if e.label_ in NAME_CUES}
    credit_ends = {e.end for e in first if e.label_ == "_CUE"}
    orth = row(doc, ORTH)  # (words compared as hashes: no Token object per token)
    where = {}  # the first word of a form -> where it is
    for i in cues_at(doc, ORTH, {get_string_id(form[0]) for form in forms}):
        where.setdefault(orth[i], []).append(i)
    found = []
    pending = []  # (one-word given names no test here took: perhaps listed with a person)
    for form, full in sorted(forms.items(), key=lambda f: -len(f[0])):
        hashes = tuple(get_string_id(w) for w in form)
        for i in where.get(hashes[0], []):
            end = i + len(form)
            if tuple(orth[i:end]) != hashes or not doc[i].is_title or any(
                    j in taken or (j in claimed and not (full and j in descriptions)) for j in range(i, end)):
                continue
            if end < len(doc) and (glued[end] or _is_capitalised(doc[end])):
                continue
            if i in credit_ends and end < len(doc) and doc[end].is_alpha and doc[end].is_lower:
                continue
            # (one word after "họ" names a clan, not the person: "trưởng các dòng họ Vàng, họ Thào"; session 24)
            if len(form) == 1 and i and doc[i - 1].text == "họ":
                continue
            # (a given name that is a numeral, before a counted noun and after no cue, counts: "Hai bị cáo còn lại",
            # "Ba đối tượng" beside "Lâm Bé Hai", "Lò Văn Ba"; "ông Hai" stays a name; session 10b)
            if (len(form) == 1 and i not in cue_ends and form[0] in _NUMERAL_WORDS and end < len(doc)
                    and doc[end].text in _COUNTED_AFTER_A_NUMERAL):
                continue
            if full or i in cue_ends or _stands_alone(doc, i, end, claimed, followers, countries, local, unit_names,
                                                      form in given):
                found.append(Span(doc, i, end, label="PERSON"))
                taken.update(range(i, end))
            elif len(form) == 1 and form in given:
                pending.append(i)
    if pending:
        found += _short_forms_in_a_list(doc, pending, ents + found, followers, countries)
    return found


def _short_forms_in_a_list(doc: Doc, pending: list[int], ents: list[Span], followers: set[tuple[str, ...]],
                           countries: set[str]) -> list[Span]:
    """A one-word given name of a person named in full is that person where it is listed with a PERSON (rule 1),
    whatever it spells elsewhere: "tạm giam Lực, Phước để điều tra", "khởi tố Lực và Phước", "Lực, Phước và Tâm khai
    nhận" once "Nguyễn Văn Lực" is named ("Lực" starts "lực lượng", so the steps before leave it alone). The word
    comes right before "," or "và" and a PERSON, or after "và" and a PERSON, or after "," and a PERSON of one word
    (a list of short forms; not "ông Trần Văn An, Đoàn đã đến": an apposition), and then before punctuation or a
    verb of ``name-follower`` ("Phước và Lực lượng ..." stays nothing); never a word that is never in a name or a
    country. Runs at the short forms the step of recurring names left (``pending``), so costs nothing elsewhere;
    repeated while the list grows ("Lực, Phước, Tâm và Nguyễn Văn Hùng")."""
    persons = [e for e in ents if e.label_ == "PERSON"]
    starts = {e.start for e in persons}
    ends = {e.end: e for e in persons}
    pending = [i for i in pending if not _class(doc[i], "not_name") and doc[i].text not in countries]
    found = []
    grew = True
    while grew and pending:
        grew = False
        for i in list(pending):
            sep_after = doc[i + 1].text if i + 1 < len(doc) else ""
            sep_before = doc[i - 1].text if i else ""
            linked = sep_after in (",", "và") and i + 2 in starts
            if not linked and i >= 2 and i - 1 in ends and (sep_before == "và" or (
                    sep_before == "," and len(ends[i - 1]) == 1)):
                after = tuple(t.lower_ for t in doc[i + 1:i + 4])
                linked = i + 1 == len(doc) or doc[i + 1].is_punct or doc[i + 1].is_space \
                    or any(after[:len(w)] == w for w in followers)
            if linked:
                span = Span(doc, i, i + 1, label="PERSON")
                found.append(span)
                starts.add(i)
                ends[i + 1] = span
                pending.remove(i)
                grew = True
    return found


def _ends_a_name(doc: Doc, i: int) -> bool:
    """True when a name may end before token `i`: the end of the document, punctuation or a
    lowercase word follows (a digit, a capitalised or mixed word there would continue it)."""
    return i >= len(doc) or doc[i].is_punct or (doc[i].is_alpha and doc[i].is_lower)


_COORDINATORS = {"và", "cùng", "với"}
# Kin and partners: the capitalised words right after them (perhaps after "của") are a person ("vợ của Tởn", "người
# yêu của Thuần", "em họ là Chá Thị Mỉ"; not "con" alone, the classifier of animals: "con Hổ")
_KIN = {tuple(w.split()) for w in (
    "vợ", "chồng", "mẹ", "bố", "cha", "con đẻ", "con ruột", "con trai", "con gái", "người yêu", "bạn gái",
    "bạn trai", "em trai",
    "em gái", "anh trai", "chị gái", "em họ", "anh họ", "chị họ", "em ruột", "anh ruột", "chị ruột", "cháu",
    "cháu ruột", "mẹ đẻ", "bố đẻ", "vợ cũ", "chồng cũ", "người tình")}
_KIN_HASHES = frozenset(get_string_id(w[0]) for w in _KIN)
_KIN_AS_A_SYLLABLE = {("công", "bố"), ("tuyên", "bố"), ("phân", "bố"), ("truy", "bố")}


def _kin_of_persons(doc: Doc, ents: list[Span], claimed: set[int], glued: list[bool], countries: set[str]) -> list[Span]:
    """PERSON for one to four capitalised words right after a kin word, perhaps after "của" or "là": "vợ của Tởn,",
    "người yêu của Thuần", "em họ là Chá Thị Mỉ" (not a word a rule read, a country, a word never in a name; ending
    before a lower-case word or punctuation); and the name in apposition before ", vợ của ..." when it opens a
    clause ("Pưn, vợ của Tởn, giữ tiền"). Runs at the kin words only."""
    taken = _taken(ents) | claimed
    n = len(doc)
    found = []
    for i in cues_at(doc, LOWER, _KIN_HASHES):
        two = tuple(t.lower_ for t in doc[i:i + 2])  # (a kin word of two words first: "con trai", not "con")
        kin = two if len(two) == 2 and two in _KIN else two[:1] if two[:1] in _KIN else None
        # (nor the second syllable of a verb, session 31: "công bố Quyết định", "tuyên bố", "phân bố")
        if kin is None or (i and (doc[i - 1].lower_, two[0]) in _KIN_AS_A_SYLLABLE):
            continue
        start = i + len(kin)
        if i >= 2 and doc[i - 1].text == "," and start < n and doc[start].lower_ == "của" and doc[i].is_lower:
            # the person in apposition before it, opening a clause: "Pưn, vợ của Tởn, giữ tiền"
            first = i - 1
            while first > 0 and (i - 1 - first < 6 or glued[first]) and first - 1 not in taken and (
                    glued[first - 1] or (doc[first - 1].is_alpha and doc[first - 1].is_title
                                         and not _class(doc[first - 1], "not_name"))):
                first -= 1
            words = sum(1 for j in range(first, i - 1) if not glued[j])
            if 1 <= words <= 4 and (first == 0 or doc[first - 1].text in _CLAUSE_OPENERS) \
                    and doc[first:i - 1].text not in countries and not _class(doc[first], "not_name_first") \
                    and doc[first].text not in _NOT_A_SUBJECT_NAME:
                found.append(Span(doc, first, i - 1, label="PERSON"))
                taken.update(range(first, i - 1))
        if start < n and doc[start].lower_ in ("của", "là"):
            start += 1
        elif not doc[i].is_lower:
            continue  # a capitalised kin word only before "của", "là" ("Mẹ của Mai"; not a headline, "Con Đường Mới")
        end = start
        while end < n and end not in taken and (end - start < 6 or glued[end]) and (
                glued[end] or (doc[end].is_alpha and doc[end].is_title and not _class(doc[end], "not_name"))):
            end += 1
        words = sum(1 for j in range(start, end) if not glued[j])
        if not 1 <= words <= 4 or doc[start:end].text in countries or _class(doc[start], "not_name_first"):
            continue
        if not _ends_a_name(doc, end):
            continue
        found.append(Span(doc, start, end, label="PERSON"))
        taken.update(range(start, end))
    return found


def _speakers_opening_a_clause(doc: Doc, ents: list[Span], claimed: set[int], glued: list[bool],
                               countries: set[str], upper: UpperNames) -> list[Span]:
    """PERSON for two to five capitalised words, one at least in no Vietnamese name list (or one glued word), that
    open a clause right before a verb of speech (``_SPEECH``): "Khăm Sỉ cho biết", "Chau Ry Na kể, ..."; or, from a
    family name of the lists, before what is done to a person accused (``_ACCUSED``: "Thạch Sô Phết bị truy nã",
    "Danh Sà Rinh và Sa Rươne bị truy nã"; not "Tàu Hải Long bị bắt") (names in
    transcription; Vietnamese full names have their own step, and a place of name syllables, "Tân Sơn Nhất cho
    biết", is left alone; a body, a place or a title a rule read is no such run, nor one that starts with a word that
    starts common phrases). Runs at the verbs' first words only."""
    firsts = _SPEECH_FIRSTS | _ACCUSED_FIRSTS
    taken = _taken(ents) | claimed

    def run_before(end: int, surname: bool = False) -> int | None:
        """Where a name of two to five capitalised words (or one glued word) ending at ``end`` starts, or None
        (``surname``: its first word a family name of the lists, or glued)."""
        start = end
        while start > 0 and (end - start < 8 or glued[start]) and start - 1 not in taken and (
                glued[start - 1] or (doc[start - 1].is_alpha and doc[start - 1].is_title
                                     and not _class(doc[start - 1], "not_name"))):
            start -= 1
        words = sum(1 for j in range(start, end) if not glued[j])
        if not (2 <= words <= 5 or (words == 1 and any(glued[start:end]))):
            return None
        if doc[start:end].text in countries or _class(doc[start], "not_name_first") \
                or _class(doc[start], "given_not_alone") or doc[start].text in _TITLE_FIRSTS \
                or doc[start].text in _NOT_A_SUBJECT_NAME:
            return None
        if not any(glued[start:end]) and all(upper.is_name_word(doc[j]) for j in range(start, end)):
            return None
        if surname and not (glued[start + 1] if start + 1 < end else False) \
                and (tone_norm(doc[start].text),) not in upper.surnames:
            return None  # "Tàu Hải Long bị bắt", "Xe Toyota Camry bị bắt giữ" name things
        return start

    found = []
    for v in cues_at(doc, LOWER, firsts):
        after = tuple(t.lower_ for t in doc[v:v + 3])
        if v < 1 or not any(after[:len(w)] == w for w in _SPEECH | _ACCUSED):
            continue
        accused = not any(after[:len(w)] == w for w in _SPEECH)
        end = v
        while accused and end > max(v - 2, 0) and doc[end - 1].lower_ in _ADVERBS_BEFORE_A_VERB and doc[end - 1].is_lower:
            end -= 1  # (adverbs of time before what is done to the accused: "Thạch Sa Ly đang bị truy nã"; session 18a)
        start = run_before(end)
        if start is None:
            continue
        names = [(start, end)]
        if start > 1 and doc[start - 1].lower_ == "và":  # "Danh Sà Rinh và Sa Rươne bị truy nã": the first item
            other = run_before(start - 1, surname=accused)
            if other is None:
                continue
            names.append((other, start - 1))
        elif accused and run_before(end, surname=True) is None:
            continue
        first = min(a for a, _ in names)
        # (a paragraph's start opens a clause too: "...\nDanh Sa Rây khai nhận"; session 18a)
        if first and doc[first - 1].text not in _CLAUSE_OPENERS and not doc[first - 1].is_space:
            continue
        for a, b in names:
            found.append(Span(doc, a, b, label="PERSON"))
            taken.update(range(a, b))
    return found


# Peoples whose names are written with an apostrophe, never a person: "dân tộc K'Ho", "người H'Mông"
_PEOPLES = {"K'Ho", "K’Ho", "H'Mông", "H’Mông", "H'Mong", "H’Mong", "K'ho", "H'mông"}
# The words a Central Highlands name opens with by its grammar, not a list: "Y" (a man's), "Ka" (a K'Ho woman's), the
# apostrophe gluing a short syllable to the name ("H'Dim"); the family names are data (person-highland-surname.txt)
_HIGHLAND_SHAPE_STARTS = ("Y", "Ka", "'", "’")


def highland_families(names: list[str]) -> tuple[tuple[tuple[str, ...], ...], frozenset[int]]:
    """The family names of ``names`` (``person-highland-surname.txt``) as word tuples, longest first (so "Rơ Mah" is
    tried before a one-word name it starts), and the ORTH hashes `_highland_names` runs at: their first words and
    `_HIGHLAND_SHAPE_STARTS`."""
    families = tuple(sorted({tuple(w.split()) for w in names}, key=len, reverse=True))
    return families, frozenset(get_string_id(w) for w in _HIGHLAND_SHAPE_STARTS + tuple(f[0] for f in families))


def _highland_names(doc: Doc, ents: list[Span], claimed: set[int], glued: list[bool],
                    local: set[tuple[str, ...]], highland: tuple[tuple[tuple[str, ...], ...], frozenset[int]]
                    ) -> list[Span]:
    """PERSON for the names of the Central Highlands by their shape: an Ê Đê, Gia Rai or M'Nông man's name, "Y" and
    one to three capitalised words ("Y Sal Hđơk", "Y Nuôl"); a K'Ho woman's name, "Ka" and one word ("Ka Nhoa"); a
    woman's or a K'Ho name, a short syllable glued by an apostrophe, then up to two capitalised words ("H'Dim Ayŭn",
    "K'Điệp", "K'Brơi"); a family name of ``highland`` (`highland_families`) and one or two capitalised words ("Siu
    Bleo", "Ksor H'Ni"). Not a people ("dân tộc K'Ho",
    "H'Mông"), not after a capitalised word or a place word ("xã Y Tý"), not "Y" before a lower-case word (the
    pronoun: "Y khai nhận"). Runs at the "Y", family-name and apostrophe tokens only."""
    families, starts = highland
    taken = _taken(ents) | claimed
    n = len(doc)
    found = []
    for i in [i for i, h in enumerate(doc.to_array(ORTH).tolist()) if h in starts]:
        family = next((f for f in families if tuple(t.text for t in doc[i:i + len(f)]) == f), None)
        if family is not None:
            start, j = i, i + len(family)
        elif doc[i].text in ("Y", "Ka"):
            start, j = i, i + 1
        elif glued[i] and i and len(doc[i - 1]) <= 2 and doc[i - 1].is_title and i + 1 < n and doc[i + 1].is_title:
            start, j = i - 1, i + 2
        else:
            continue
        words = 0
        while j < n and j not in taken and words < 3 and (glued[j] or (doc[j].is_alpha and doc[j].is_title
                                                                        and not _class(doc[j], "not_name"))):
            words += not glued[j]
            j += 1
        if any(k in taken for k in range(start, j)) or (doc[start].text in ("Y", "Ka") and words == 0) \
                or (doc[start].text == "Ka" and words > 1) or (family is not None and not 1 <= words <= 2):
            continue
        if doc[start:start + 3].text.replace(" ", "") in _PEOPLES or doc[start:j].text in _PEOPLES:
            continue
        before = doc[start - 1] if start else None
        if before is not None and (_is_capitalised(before) or _after_a_place_word(doc, start, local)
                                   or before.lower_ in ("tộc", "người", "tiếng")):
            continue
        if not _ends_a_name(doc, j):
            continue
        found.append(Span(doc, start, j, label="PERSON"))
        taken.update(range(start, j))
    return found


_SENTENCE_HASHES = frozenset(get_string_id(w) for w in ("tù", "hình"))
_SENTENCED_AFTER = {"phạt", ",", "và", ";", "cáo", "xử"}


def _sentenced_names(doc: Doc, ents: list[Span], claimed: set[int], glued: list[bool],
                     countries: set[str]) -> list[Span]:
    """PERSON for one to four capitalised words right before their sentence, after "phạt", a comma, "và" or ";":
    "tuyên phạt Tởn 7 năm tù, Nọi 5 năm tù", "phạt Hùng tử hình, Oanh tù chung thân" (only a person is sentenced).
    Runs at the words "tù" and "hình" only."""
    taken = _taken(ents) | claimed
    n = len(doc)
    found = []
    for t in cues_at(doc, LOWER, _SENTENCE_HASHES):
        if doc[t].lower_ == "hình":
            end = t - 1 if t > 1 and doc[t - 1].lower_ == "tử" else None
        elif t + 2 < n and doc[t + 1].lower_ == "chung" and doc[t + 2].lower_ == "thân":
            end = t
        elif t > 3 and doc[t - 1].lower_ in ("năm", "tháng") and doc[t - 2].like_num:
            end = t - 2
        else:
            end = None
        if end is None:
            continue
        start = end
        while start > 0 and (end - start < 6 or glued[start]) and start - 1 not in taken and (
                glued[start - 1] or (doc[start - 1].is_alpha and doc[start - 1].is_title
                                     and not _class(doc[start - 1], "not_name"))):
            start -= 1
        words = sum(1 for j in range(start, end) if not glued[j])
        if not 1 <= words <= 4 or not start or doc[start - 1].lower_ not in _SENTENCED_AFTER:
            continue
        if doc[start:end].text in countries or _class(doc[start], "not_name_first") \
                or doc[start].text in _NOT_A_SUBJECT_NAME:
            continue
        found.append(Span(doc, start, end, label="PERSON"))
        taken.update(range(start, end))
    return found


_PLACE_NOUNS = {"tuyến", "đường", "phố", "khu", "bàn", "xã", "huyện", "tỉnh", "quận", "phường", "bản", "thôn", "ấp",
                "vùng", "nước", "quốc", "tổ"}
_LIST_OPENER_HASHES = frozenset(get_string_id(w) for w in ("gồm", "cho", "là"))


def _after_a_nationality(doc: Doc, o: int, countries: set[str]) -> bool:
    """Whether ``doc[o]`` follows a nationality: "người Lào", "công dân Thái Lan", "quốc tịch Trung Quốc"."""
    for k in (1, 2):
        c = o - k
        if c >= 1 and doc[c:o].text in countries and (
                doc[c - 1].lower_ == "người" or (c >= 2 and (doc[c - 2].lower_, doc[c - 1].lower_) in (
                    ("công", "dân"), ("quốc", "tịch")))):
            return True
    return False


def _lists_of_names(doc: Doc, ents: list[Span], claimed: set[int], glued: list[bool], upper: UpperNames,
                    countries: set[str]) -> list[Span]:
    """PERSON for every item of a list of names: after "gồm" two or more items of two to six capitalised words (or
    one glued word) joined by "," and "và" ("Đoàn gồm Xổm Phết Kẹo Sỉ Phăn, Khăm Lạ Vông Sả, ... cùng 4 cán bộ");
    after "cho" or "là" the same when every item starts with a family name of the lists or holds a glued word
    ("tặng giấy khen cho Lý Láo Lở, Đặng Tòn Phin và Triệu Mùi Nải,"). No item a word a rule read, a country, a word
    that starts common phrases; the list ends before punctuation, a lower-case word or the end. Also a Korean name,
    a family name and a hyphen-glued given name ("là Kim Min-jun"). Runs at "gồm", "cho", "là" only."""
    taken = _taken(ents) | claimed
    n = len(doc)
    found = []

    def item_end(i: int) -> int | None:
        j = i
        while j < n and j not in taken and j - i < 10 and (
                glued[j] or (doc[j].is_alpha and doc[j].is_title and not _class(doc[j], "not_name"))):
            j += 1
        words = sum(1 for k in range(i, j) if not glued[k])
        if not (2 <= words <= 6 or (words == 1 and any(glued[i:j]))):
            return None
        if doc[i:j].text in countries or _class(doc[i], "not_name_first") or doc[i].text in _TITLE_FIRSTS:
            return None
        return j

    for o in cues_at(doc, LOWER, _LIST_OPENER_HASHES):
        if not doc[o].is_lower:
            continue
        items, i = [], o + 1
        while i < n:
            j = item_end(i)
            if j is None:
                break
            items.append((i, j))
            if j + 1 < n and doc[j].text == "," and doc[j + 1].lower_ == "và":
                i = j + 2
            elif j < n and doc[j].lower_ in (",", "và"):
                i = j + 1
            else:
                break
        # (after a nationality, "người Lào là", "công dân Lào gồm", names in spaced syllables of three words or more,
        # one name too: "hai người Lào là Khăm Mun Xi Xu Vắn, Bua Khăm Xay Nha Vông"; session 16a)
        national = bool(items) and doc[o].lower_ != "cho" and _after_a_nationality(doc, o, countries) \
            and all(any(glued[a:b]) or b - a >= 3 for a, b in items) and _ends_a_name(doc, items[-1][1])
        if items and not national and doc[o].lower_ != "gồm":  # "là Kim Min-jun": a Korean name
            a, b = items[0]
            if len(items) == 1 and b - a >= 3 and _class(doc[a], "korean_surname") and glued[a + 2]:
                items = items[:1] if b - a == 4 else []
            elif len(items) == 1:
                items = []
        if len(items) >= 2 and not national:
            last = items[-1][1]
            if not _ends_a_name(doc, last):
                continue
            strong = [any(glued[a:b]) or (tone_norm(doc[a].text),) in upper.surnames for a, b in items]
            if doc[o].lower_ != "gồm" and not (any(strong) and all(
                    st or b - a - sum(glued[a:b]) >= 3 for st, (a, b) in zip(strong, items))):
                continue  # (every item from a family name, glued, or of three words: "là A-nu-chả Bun-mi và Xôm Pong ...")
            # (after "gồm", names of the lists only may be streets or places: "Tuyến gồm Trần Phú, Lê Lợi và ...";
            # such lists of persons have their own step, which knows the place words)
            if doc[o].lower_ == "gồm" and (all(upper.is_name_word(doc[k]) for a, b in items for k in range(a, b))
                                           or any(t.lower_ in _PLACE_NOUNS for t in doc[max(0, o - 3):o])
                                           or not any(any(glued[a:b]) or b - a >= 3 for a, b in items)):
                continue  # (nor pairs of title-case words only: "gồm Hát Văn, Múa Rối và Ca Trù")
        elif not items:
            continue
        for a, b in items:
            found.append(Span(doc, a, b, label="PERSON"))
            taken.update(range(a, b))
    return found


_PLACE_PREPOSITIONS = {"tại", "ở", "đến", "tới", "về", "từ", "qua", "sang", "phố", "thị", "trấn", "cảng", "khu"}


# verbs said of persons only, after one glued word opening a clause ("; Xổm-phết cùng em họ", "Bun-mi bỏ trốn"; not "là",
# "đã", "có", which follow places too: "Pắc-xế là thành phố")
_GLUED_ALONE_VERBS = set(_PERSON_VERBS) | _GIVEN_NAME_VERBS | _ACCUSED | {("cùng",), ("thuê",), ("trốn",), ("nhận",)}
# ... or right after a verb of arrest, before "cùng", "và" or punctuation (session 9a): "bắt quả tang Xay-xổm-phon cùng
# 2 đồng phạm" (a place there follows "tại")
_ARRESTED_AFTER = {("quả", "tang"), ("bắt",), ("bắt", "giữ"), ("bắt", "được"), ("khởi", "tố"), ("truy", "nã"),
                   ("dẫn", "độ"), ("trao", "trả"), ("bàn", "giao")}
_AFTER_AN_ARRESTED = {"cùng", "và", ",", ";", ".", "("}


def _glued_transcriptions(doc: Doc, ents: list[Span], claimed: set[int], glued: list[bool],
                          local: set[tuple[str, ...]], followers: set[tuple[str, ...]] = frozenset()) -> list[Span]:
    """PERSON for a Lao or Thai name in hyphenated transcription: two to four capitalised words, one at least glued
    by hyphens ("cảm ơn Chum Vi-xết và", "có Pra-xớt Kít-ti-vông cùng", "là A-nu-chả Bun-mi"), in no span, not after
    a capitalised word, a place word or a preposition of place ("tại Luông Pra-băng", "huyện Mường-xén": places),
    ending before punctuation or a lower-case word; one glued word alone when it opens a clause before a verb said
    of persons (`_GLUED_ALONE_VERBS`: "; Xổm-phết cùng em họ", "khi Bun-mi bỏ trốn"). Runs at the hyphens only."""
    taken = _taken(ents) | claimed
    n = len(doc)
    found = []
    hyphen = get_string_id("-")
    for h in [i for i in cues_at(doc, ORTH, {hyphen}) if glued[i]]:
        if h in taken:
            continue
        start = h - 1
        while start > 0 and glued[start]:
            start -= 1
        # one more word before it, or after it
        words_before = 1 if start > 0 and start - 1 not in taken and doc[start - 1].is_title and doc[start - 1].is_alpha \
            and not _class(doc[start - 1], "not_name") and not glued[start - 1] else 0
        start -= words_before
        end = h + 1
        while end < n and glued[end]:
            end += 1
        if end < n and end not in taken and doc[end].is_title and doc[end].is_alpha and not words_before:
            end += 1
            while end < n and glued[end]:
                end += 1
        if end - start < 3 or any(k in taken for k in range(start, end)) or not doc[start].is_title:
            continue
        words = sum(1 for k in range(start, end) if not glued[k])
        before = doc[start - 1] if start else None
        if words < 2:  # one glued word opening a clause before a verb said of persons
            after = tuple(t.lower_ for t in doc[end:end + 3])
            arrested = end < n and doc[end].text in _AFTER_AN_ARRESTED and any(
                tuple(t.lower_ for t in doc[max(0, start - len(v)):start]) == v for v in _ARRESTED_AFTER)
            if not arrested and not ((before is None or before.text in _CLAUSE_OPENERS
                                      or before.lower_ in _CLAUSE_CONJUNCTIONS)
                                     and any(after[:len(f)] == f for f in _GLUED_ALONE_VERBS)):
                continue
        if before is not None and (_is_capitalised(before) or before.lower_ in _PLACE_PREPOSITIONS
                                   or _after_a_place_word(doc, start, local)):
            continue
        if not _ends_a_name(doc, end):
            continue
        found.append(Span(doc, start, end, label="PERSON"))
        taken.update(range(start, end))
    return found


# Titles that hold the province word ("Chủ tịch tỉnh": the chairman of a province; session 15a): the two words
# before "tỉnh", lower case
_PROVINCIAL_TITLES = {("chủ", "tịch"), ("bí", "thư")}


def _lao_leaders_after_a_provincial_title(doc: Doc, ents: list[Span], glued: list[bool]) -> list[Span]:
    """PERSON for a Lao name of two hyphen-glued capitalised words (family name + given name) after "Chủ tịch tỉnh",
    "Bí thư tỉnh", which the first pass read as a province in a spelling no list holds (the id GLUED_PROVINCE):
    "Phó Chủ tịch tỉnh Xổm-phăn Phôm-ma-chăn và ..." (rule 1: "tỉnh" is part of the title, no PROVINCE). A known
    spelling stays the province ("Phó Tỉnh trưởng tỉnh Xay-nha-bu-ly Bun-mi ..."), and so does one glued word alone
    ("Chủ tịch tỉnh Xê-xa-mạy cho biết")."""
    taken = _taken(ents)
    n = len(doc)
    out = []
    for e in ents:
        if e.label_ != "PROVINCE" or "GLUED_PROVINCE" not in (e.id_, e.ent_id_) or e.start < 3 or doc[e.start - 1].lower_ != "tỉnh" \
                or (doc[e.start - 3].lower_, doc[e.start - 2].lower_) not in _PROVINCIAL_TITLES:
            out.append(e)
            continue
        end = e.end
        # the given name: one capitalised word after it, glued or not, in no span
        if not (end < n and end not in taken and doc[end].is_title and doc[end].is_alpha and not glued[end]
                and not _class(doc[end], "not_name")):
            out.append(e)
            continue
        end += 1
        while end < n and glued[end]:
            end += 1
        # (the given name glued too: "Phôm-ma-chăn"; a third capitalised word after it makes the first the province
        # and the others the name: "Chủ tịch tỉnh Xê-xa-mạy Bun-mi Phăn-thạ-vông")
        if end - e.end < 3 or (end < n and doc[end].is_title and doc[end].is_alpha):
            out.append(e)
            continue
        out.append(Span(doc, e.start, end, label="PERSON"))
        taken.update(range(e.start, end))
    return out


def _line_in_title_case(doc: Doc, i: int) -> bool:
    """Whether the line of ``doc[i]`` holds no lower-case word (a headline in title case)."""
    def breaks(k: int) -> bool:
        return "\n" in doc[k].text or "\n" in doc[k].whitespace_
    a = i
    while a > 0 and not breaks(a - 1):
        a -= 1
    b = i
    while b < len(doc) - 1 and not breaks(b):
        b += 1
    return not any(t.is_lower and t.is_alpha for t in doc[a:b + 1])


def _names_in_title_case_headlines(doc: Doc, ents: list[Span], upper: UpperNames) -> list[Span]:
    """A Vietnamese name of four words or more in a title-case headline (a line with no lower-case word) ends on its
    last given name of the lists, when the words after it are no given or middle names: "Thiếu Tướng Nguyễn Văn Hải
    Thăm Công An Tỉnh Hà Giang" -> PERSON "Nguyễn Văn Hải" (the headline's verb follows the name in title case;
    session 15a). Only a name from a family name of the lists, before another capitalised word, so that a name at
    a headline's end keeps its words ("Bà Nguyễn Thị Minh Khai")."""
    out = []
    n = len(doc)
    for e in ents:
        if e.label_ == "PERSON" and len(e) >= 4 and e.end < n and doc[e.end].is_title and doc[e.end].is_alpha \
                and all(t.is_title and t.is_alpha for t in e) and (tone_norm(e[0].text),) in upper.surnames:
            end = e.end
            while end - e.start > 2 and tone_norm(doc[end - 1].text) not in upper.rest:
                end -= 1
            if end < e.end and end - e.start >= 2 and tone_norm(doc[end - 1].text) in upper.given \
                    and _line_in_title_case(doc, e.start):
                e = Span(doc, e.start, end, label="PERSON")
        out.append(e)
    return out


def _names_after_a_titled_body(doc: Doc, first: list[Span], ents: list[Span], claimed: set[int],
                               glued: list[bool]) -> list[Span]:
    """PERSON for two to four capitalised words (or one hyphen-glued word) right after an ORG that follows a title
    (perhaps with the word of its force, "Công an"), ending before punctuation or a lower-case word: "Tùy viên Công an Đại sứ quán Campuchia
    tại Việt Nam Hun Sethy và ..." (the shapes of a title, a body and a name know the bodies named by their place,
    not an embassy at a place; session 9b), "Trưởng BLO tỉnh Gia Lai Rơ Châm Hiêng," (a local body, session 15a).
    Not in a title-case headline (the ORG holds a lower-case word, or a lower-case word follows the name: "Trưởng BLO
    Hà Tĩnh Nguyễn Đức Lâm cho biết"; session 15a), not a word never in a name. Runs over the ORG spans only."""
    titles = {e.end for e in first if e.label_ == "_POS"}
    forces = {e.end: e.start for e in first if e.label_ == "_PART_BODY"}
    taken = _taken(ents) | claimed
    n = len(doc)
    found = []
    for e in [e for e in ents if e.label_ == "ORG"]:
        k = forces.get(e.start, e.start)
        if k not in titles:
            continue
        end = e.end
        while end < n and end not in taken and (end - e.end < 8 or glued[end]) and (
                glued[end] or (doc[end].is_alpha and doc[end].is_title and not _class(doc[end], "not_name"))):
            end += 1
        if not (any(t.is_lower for t in e) or (end < n and doc[end].is_lower and doc[end].is_alpha)):
            continue
        words = sum(1 for j in range(e.end, end) if not glued[j])
        # (or one hyphen-glued word, a transcribed name: "Cục trưởng Cục Cảnh sát hình sự Bộ Công an Lào Phết-xa-mỏn
        # cho biết"; or a Lao name of five or six syllables: "... Bộ Công an Lào Xổm Mạt Phôn Xê Na"; session 21)
        lao = words <= 6 and all(_class(doc[j], "lao_syllable") for j in range(e.end, end) if not glued[j])
        if (2 <= words <= 4 or (words == 1 and any(glued[e.end:end])) or (words > 4 and lao)) and _ends_a_name(doc, end) \
                and not _class(doc[e.end], "not_name_first"):
            found.append(Span(doc, e.end, end, label="PERSON"))
            taken.update(range(e.end, end))
    return found


# Verbs of arrest that a list of the persons arrested follows (session 9b)
_ARREST_VERBS = {("bắt", "giữ"), ("bắt", "thêm"), ("quả", "tang"), ("bắt", "được"), ("khởi", "tố"), ("tạm", "giữ")}
_AFTER_AN_ITEM = {",", "và", "(", ".", ";"}


def _arrested_lists(doc: Doc, ents: list[Span], claimed: set[int], glued: list[bool],
                    countries: set[str], surnames: set[tuple[str, ...]] = frozenset()) -> list[Span]:
    """PERSON for each one-word item of a list right after a verb of arrest when another item is a name found
    already: "bắt giữ Sứ, Vi Thị Lan (SN 1989) và ...", "bắt thêm Chơ, Dũng, Tẩn Láo San (SN 1984)". An item of one
    word is capitalised, in no span, not glued, not a country, a word never in a name or one that opens clauses as
    a common word, and is followed by ",", "và", a bracket or the end of the clause. So is an item of two or three
    such words from a family name of the lists (``surnames``), whose other words may be in no list (the last, after
    "và", may end before a verb): "bắt Thạch Sà Phol, Lý Hoàng Em và Kim Sóc Ranh trộm" (Khmer names; session 10a),
    also when two such items make the list alone; and one of two or three words in Latin script from a family name
    in pinyin (class ``pinyin_surname``): "Bắt giữ Wang Li, Chen Xiaoming và ..." (session 18a). Runs at the verbs'
    last words, and at "bắt" alone before a capitalised word."""
    ids = {doc.vocab.strings[w] for _, w in _ARREST_VERBS if w in doc.vocab.strings}
    if "bắt" in doc.vocab.strings:  # ("bắt" alone before a capitalised word: "Công an phường X bắt Thạch Sà Phol, ...")
        ids.add(doc.vocab.strings["bắt"])
    if not ids:
        return []
    n = len(doc)
    persons = {e.start: e for e in ents if e.label_ == "PERSON"}
    taken = _taken(ents) | claimed
    found = []

    def after_bracket(k: int) -> int | None:
        if k < n and doc[k].text == "(":
            return next((j + 1 for j in range(k, min(n, k + 30)) if doc[j].text == ")"), None)
        return k

    for at in cues_at(doc, ORTH, ids):
        alone = doc[at].lower_ == "bắt" and at + 1 < n and doc[at + 1].is_title
        if not alone and (at < 1 or (doc[at - 1].lower_, doc[at].lower_) not in _ARREST_VERBS):
            continue
        k, singles, named = at + 1, [], False
        while k is not None and k < n:
            pinyin = False  # (a family name in pinyin: its other words in Latin script, "Wang Li"; session 18a)
            if k in persons:
                named, k = True, after_bracket(persons[k].end)
            elif ((tone_norm(doc[k].text),) in surnames or (pinyin := _class(doc[k], "pinyin_surname"))) \
                    and k not in taken and not glued[k] and (
                    m := next((m for m in (3, 2) if k + m < n and (doc[k + m].text in _AFTER_AN_ITEM or (
                               doc[k - 1].text == "và" and doc[k + m].is_lower and doc[k + m].is_alpha))
                               and all(doc[j].is_title and doc[j].is_alpha and j not in taken and not glued[j]
                                       and not _class(doc[j], "not_name") and doc[j].text not in countries
                                       and (not pinyin or (doc[j].is_ascii and not _class(doc[j], "latin_not_given")))
                                       for j in range(k + 1, k + m))), None)):
                singles.append((k, k + m))
                k = after_bracket(k + m)
            elif doc[k].is_title and doc[k].is_alpha and k not in taken and not glued[k] \
                    and doc[k].text not in countries and not _class(doc[k], "not_name") \
                    and not _class(doc[k], "not_name_first") and not _class(doc[k], "given_not_alone") \
                    and doc[k].text not in _BODIES_NOT_NAMES and doc[k].text not in _NOT_A_SUBJECT_NAME \
                    and k + 1 < n and doc[k + 1].text in _AFTER_AN_ITEM:
                singles.append((k, k + 1))
                k = after_bracket(k + 1)
            else:
                break
            if k is not None and k < n and doc[k].text in (",", "và"):
                k += 1
                continue
            break
        # (two items of several words from a family name are a list of names of their own)
        if named or sum(b - a > 1 for a, b in singles) >= 2:
            found.extend(Span(doc, a, b, label="PERSON") for a, b in singles if a not in taken)
            taken.update(i for a, b in singles for i in range(a, b))
    return found


# Compound family names whose first word never starts a name alone ("Tư" of "Tư lệnh"; session 9a)
_COMPOUND_FAMILY = {"Tư": {"Mã", "Đồ", "Không"}}


def _compound_family_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """A PERSON of two or three words right after the first word of a compound family name, itself in no entity,
    starts there: "ông Tư Mã Kiến Phong" (the name shapes stop at "Tư", which starts no name alone). Runs over the
    PERSON spans only."""
    taken = _taken(ents)
    out = []
    for e in ents:
        k = e.start - 1
        if e.label_ == "PERSON" and 2 <= len(e) <= 3 and k >= 0 and k not in taken \
                and doc[e.start].text in _COMPOUND_FAMILY.get(doc[k].text, ()):
            e = Span(doc, k, e.end, label="PERSON")
        out.append(e)
    return out


def _family_name_ong(doc: Doc, ents: list[Span]) -> list[Span]:
    """A PERSON that starts on "Thị" right after a capitalised "Ông" that follows a word (not opening the text) starts
    on "Ông", the family name: "bà Ông Thị Kim Sa" (session 10a; "Ông" as "Mr." is never followed by "Thị", the
    middle name of women). A PERSON of one or two words right after a capitalised "Bà", "Ông" that follows a
    lower-case head of places is none, the place's name goes on (session 13): "leo núi Ông Voi", "kênh Bà Bèo",
    "xã Bà Tường" (a full name is a person's: "Trưởng Công an xã Bà Nguyễn Thị Hoa"). An ORG that ends on a
    capitalised head of places and "Ông", "Bà" goes on with the capitalised word after them, in no entity, that its
    place patterns stop at ("Bộ", "Lãnh" may start no place): "Trạm Kiểm soát biên phòng Cầu Ông Bộ", "Đồn Biên
    phòng Cầu Ông Lãnh" (session 14)."""
    out = []
    taken = None
    for e in ents:
        if e.label_ == "ORG" and len(e) >= 3 and e[-1].text in ("Bà", "Ông") and e.end < len(doc) \
                and e[-2].is_title and _class(e[-2], "place_head") and doc[e.end].is_alpha and doc[e.end].is_title:
            if taken is None:
                taken = _taken(ents)
            if e.end not in taken:
                e = Span(doc, e.start, e.end + 1, label="ORG", span_id=e.id_)
        if e.label_ == "PERSON" and e.start >= 2 and doc[e.start - 1].text in ("Bà", "Ông") \
                and doc[e.start - 2].is_lower and _class(doc[e.start - 2], "place_head") and len(e) < 3:
            continue
        if e.label_ == "PERSON" and e.start >= 2 and e[0].text == "Thị" and doc[e.start - 1].text == "Ông" \
                and not (doc[e.start - 2].is_punct or doc[e.start - 2].is_space):
            e = Span(doc, e.start - 1, e.end, label="PERSON")
        out.append(e)
    return out


def _family_name_pho(doc: Doc, ents: list[Span], upper: UpperNames) -> list[Span]:
    """A PERSON of two or three words that starts with a middle name of the lists right after "Phó", itself in no
    entity and after no capitalised word, starts at "Phó": the family name, not the title ("bắt Phó Đức Hiệp (SN
    ...)", "ông Phó Văn Hải"; a title is "Phó" + a position: "Phó Giám đốc Lê Văn A" keeps its PERSON); after a rank,
    "Phó" + a middle and a given name of the lists is a PERSON ("Đại tá Phó Đức Minh phát biểu")."""
    taken = None
    out = []
    for e in ents:
        s = e.start
        if e.label_ == "PERSON" and s >= 1 and doc[s - 1].text == "Phó" and 2 <= len(e) <= 3 \
                and tone_norm(doc[s].text) in upper.rest:
            taken = _taken(ents) if taken is None else taken
            before = doc[s - 2] if s >= 2 else None
            if s - 1 not in taken and (before is None or not _is_capitalised(before) or before.i in taken
                                       or before.lower_ in _HONORIFICS_BEFORE_PHO):
                e = Span(doc, s - 1, e.end, label="PERSON")
        out.append(e)
    # a rank or "ông", then "Phó" and a middle and a given name, then no capitalised word: "Đại tá Phó Đức Minh nói"
    n = len(doc)
    pho = doc.vocab.strings["Phó"] if "Phó" in doc.vocab.strings else None
    rank_ends = {e.end for e in ents if e.label_ == "RANK"}
    for s in cues_at(doc, ORTH, {pho}) if pho is not None else []:
        if s and (s in rank_ends or doc[s - 1].lower_ in _HONORIFICS_BEFORE_PHO) and s + 3 <= n \
                and tone_norm(doc[s + 1].text) in upper.rest \
                and upper.is_given(doc[s + 2]) and doc[s + 1].is_title and doc[s + 2].is_title \
                and (s + 3 == n or not _is_capitalised(doc[s + 3])):
            taken = _taken(out) if taken is None else taken
            if not any(i in taken for i in range(s, s + 3)):
                out.append(Span(doc, s, s + 3, label="PERSON"))
                taken.update(range(s, s + 3))
    return out


_HONORIFICS_BEFORE_PHO = {"ông", "bà", "anh", "chị", "cụ"}


# verbs whose subject and object are both persons ("Thiệp thuê Hà Văn Lợi", "Pấu rủ Lò Văn A")
_PERSON_ON_PERSON = {"thuê", "nhờ", "rủ", "sai", "gặp", "gọi", "đánh", "đâm", "chém", "lừa", "dụ", "thuyết"}


def _subjects_acting_on_a_person(doc: Doc, ents: list[Span], claimed: set[int], glued: list[bool],
                                 countries: set[str]) -> list[Span]:
    """One capitalised word (or one glued word) in no list and no span, opening a clause right before a verb whose
    subject and object are persons (`_PERSON_ON_PERSON`) and a PERSON, is a PERSON: "Thiệp thuê Hà Văn Lợi, ...";
    not a pronoun, a word of `not_name_first`, a given name that opens clauses as a common word, a country."""
    taken = None
    found = []
    for e in ents:
        if e.label_ != "PERSON" or e.start < 2 or doc[e.start - 1].lower_ not in _PERSON_ON_PERSON:
            continue
        end = e.start - 1
        start = end - 1
        while start > 0 and glued[start]:
            start -= 1
        word = doc[start:end]
        before = doc[start - 1] if start else None
        if not (doc[start].is_title and doc[start].is_alpha) or _class(doc[start], "not_name") \
                or _class(doc[start], "not_name_first") or doc[start].text in _NOT_A_SUBJECT_NAME \
                or _class(doc[start], "given_not_alone") or _class(doc[start], "open_as_a_word") \
                or word.text in countries or (len(word) == 1 and _class(word[0], "cited_not_person")):
            continue
        if before is not None and before.text not in _CLAUSE_OPENERS and before.lower_ not in _CLAUSE_CONJUNCTIONS:
            continue
        taken = (_taken(ents) | claimed) if taken is None else taken
        if any(i in taken for i in range(start, end)):
            continue
        found.append(Span(doc, start, end, label="PERSON"))
        taken.update(range(start, end))
    return found


def _names_of_things(doc: Doc, ents: list[Span]) -> list[Span]:
    """No PERSON right before a number that ends a name ("chuyên án mang tên Lê Lợi 25,", "tàu Hoàng Phúc 68"): a
    plan, a ship or a school named after a person; a person's age has its word ("Nguyễn Văn A 45 tuổi"). Nor a
    medal's first syllable at a name's end: "tặng Trung tá A Sang Huân chương Chiến công" → "A Sang" (session 23)."""
    n = len(doc)

    def numbered(e: Span) -> bool:
        if e.label_ != "PERSON" or e.end >= n or not doc[e.end].is_digit:
            return False
        return e.end + 1 >= n or not (doc[e.end + 1].is_alpha and doc[e.end + 1].is_lower)

    def without_a_medal(e: Span) -> Span:
        if e.label_ == "PERSON" and e.end + 1 < n and e.end - e.start > 1 and doc[e.end - 1].text in ("Huân", "Huy") \
                and doc[e.end].lower_ == "chương" and doc[e.end + 1].is_title:
            return Span(doc, e.start, e.end - 1, label="PERSON")
        return e

    return [without_a_medal(e) for e in ents if not numbered(e)]


def _names_after_theo(doc: Doc, ents: list[Span], claimed: set[int], upper: UpperNames, glued: list[bool],
                      countries: set[str]) -> list[Span]:
    """PERSON for the one whose words are reported: "Theo lời Nhạn, ...", "làm theo lời Tởn;" (one to five
    capitalised words after "theo lời", ending there), and "Theo Khiết, ...", "Theo Kittisak, ...", "Theo Xiêng
    Bun-thươn, ..." (one or two words of the name lists, in Latin script or hyphen-glued, opening a sentence and
    closed by a comma; not a source in Latin script such as "Reuters", a country or a body a rule read). Runs at
    the "theo" tokens only."""
    theo = doc.vocab.strings["theo"] if "theo" in doc.vocab.strings else None
    if theo is None:
        return []
    taken = _taken(ents) | claimed
    found = []
    n = len(doc)
    for i in cues_at(doc, LOWER, {theo}):
        words_of = doc[i + 1].lower_ == "lời" if i + 1 < n else False
        start = i + 2 if words_of else i + 1
        end = start
        while end < n and (end - start < 8 or glued[end]) and end not in taken and (
                glued[end] or (doc[end].is_alpha and doc[end].is_title and not _class(doc[end], "not_name"))):
            end += 1
        words = sum(1 for j in range(start, end) if not glued[j])
        if not words or end >= n or doc[start:end].text in countries or _class(doc[start], "cited_not_person"):
            continue
        if words_of:
            ok = words <= 5 and (doc[end].is_punct or (doc[end].is_alpha and doc[end].is_lower))
        else:
            ok = (i == 0 or doc[i - 1].text in _CLAUSE_OPENERS) and doc[i].text == "Theo" and words <= 2 \
                and doc[end].text == "," and not _class(doc[start], "not_name_first") and (
                    any(glued[start:end]) or all(upper.is_name_word(doc[j])
                    or _LATIN_WORD.fullmatch(doc[j].text) or _PINYIN_GIVEN.fullmatch(doc[j].text)
                    for j in range(start, end)))
        if ok:
            found.append(Span(doc, start, end, label="PERSON"))
            taken.update(range(start, end))
    return found


_LIST_SEPARATORS = {",", "và", ";"}
# First words of titles that the title lists may miss after a name ("Chánh Ty", "Phó Ty", "Trưởng Ty")
_TITLE_FIRSTS = {"Chánh", "Phó", "Trưởng", "Giám", "Chủ", "Bí", "Tổng", "Thứ", "Thủ", "Ủy", "Uỷ", "Tham", "Cố",
                 "Hiệu", "Chỉ", "Đội", "Tiểu", "Trung", "Đại", "Thượng", "Thiếu", "Cục", "Vụ", "Ban", "Sở", "Ty"}


def _more_listed_names(doc: Doc, ents: list[Span], claimed: set[int], glued: list[bool]) -> list[Span]:
    """The other items of a list of persons once one is known: "xét xử A, Xa Văn Nọi, B và Chảo Láo Sài", "gồm
    Đoàn Khắc Duẫn, A, ... và Tôn Thất Bảo Duy" (whatever the family name, up to six words: "Công Tằng Tôn Nữ Thu
    Sương"). An item is two to six capitalised words, or one hyphen- or apostrophe-glued word ("K'Điệp"), that no
    rule read, none a word that is never in a name, between a PERSON and ",", "và", ";" (either side; after the
    person also "cùng", "với", "cùng với"; before the person, after ",", "và", ":", "gồm", "là", "có" or "cùng"), ending before such a separator, punctuation or a
    lower-case word; not a district before its province ("bà A, Hoàng Mai, Hà Nội"). Runs at the PERSON spans."""
    persons = sorted((e for e in ents if e.label_ == "PERSON"), key=lambda e: e.start)
    if not persons:
        return []
    taken = _taken(ents) | claimed
    provinces = {e.start for e in ents if e.label_ == "PROVINCE"}
    n = len(doc)

    def capital(j: int) -> bool:
        return 0 <= j < n and j not in taken and (glued[j] or (doc[j].is_alpha and doc[j].is_title
                                                              and not _class(doc[j], "not_name")))

    def item(start: int, end: int) -> bool:
        if doc[start].text in _TITLE_FIRSTS:
            return False  # a title in apposition: "Chea Dara, Chánh Ty"
        words = sum(1 for j in range(start, end) if not glued[j])
        if not (2 <= words <= 6 or (words == 1 and any(glued[start:end]))):
            return False
        after = doc[end] if end < n else None
        if after is not None and not (after.is_punct or after.is_space or after.lower_ in _LIST_SEPARATORS
                                      or (after.is_alpha and after.is_lower)):
            return False
        return not (after is not None and after.text == "," and end + 1 in provinces)

    found = []
    queue = list(persons)
    while queue:
        person = queue.pop()
        # after: PERSON , ITEM
        q = person.end
        if q + 1 < n and doc[q].lower_ == "cùng" and doc[q + 1].lower_ == "với":  # "Già làng A cùng với Chu Chà Mé"
            q += 1
        if q < n and (doc[q].lower_ in _LIST_SEPARATORS or doc[q].lower_ in ("cùng", "với")):
            q += 1 + (q + 1 < n and doc[q].text == "," and doc[q + 1].lower_ == "và")
            end = q
            while capital(end) and end - q < 10:
                end += 1
            if end > q and item(q, end):
                span = Span(doc, q, end, label="PERSON")
                found.append(span)
                queue.append(span)
                taken.update(range(q, end))
        # before: ITEM , PERSON
        end = person.start - 1
        if end > 0 and doc[end].lower_ in _LIST_SEPARATORS:
            start = end
            while capital(start - 1) and end - start < 10:
                start -= 1
            opener = doc[start - 1] if start else None
            if start < end and opener is not None and (opener.lower_ in _LIST_SEPARATORS or opener.lower_ in
                                                       (":", "gồm", "là", "có", "cùng")) and item(start, end):
                span = Span(doc, start, end, label="PERSON")
                found.append(span)
                queue.append(span)
                taken.update(range(start, end))
    return found


# nouns of persons that "X và Y là hai ..." names ("Yên Ba và Thu Sương là hai nữ trinh sát"; not "là hai huyện")
_PERSON_NOUNS = {tuple(w.split()) for w in ("trinh sát", "cán bộ", "chiến sĩ", "đối tượng", "bị cáo", "bị can",
                                             "người", "cô gái", "chàng trai", "anh em", "chị em", "vợ chồng",
                                             "học sinh", "sinh viên", "nữ", "thành viên", "đồng đội", "phạm nhân",
                                             "nạn nhân", "cảnh sát", "sĩ quan", "đồng chí", "con", "cháu")}
_COUNTING = {"hai", "ba", "bốn", "năm", "những", "các", "2", "3", "4", "5"}


def _persons_named_after(doc: Doc, i: int) -> bool:
    """Whether ``doc[i:]`` starts with "là" or "đều là", a count perhaps, and a noun of persons ("là hai nữ ...")."""
    ws = [t.lower_ for t in doc[i:i + 6]]
    if ws[:1] == ["đều"]:
        ws = ws[1:]
    if ws[:1] != ["là"]:
        return False
    k = 1
    while k < len(ws) and ws[k] in _COUNTING:
        k += 1
    return any(tuple(ws[k:k + len(n)]) == n for n in _PERSON_NOUNS)


def _coordinated_pairs(doc: Doc, taken: set[int], countries: set[str], persons: list[Span]) -> list[Span]:
    """Two short names joined by "và" that open a clause, or follow a word that governs a person, before a
    lower-case word or punctuation are two PERSON: "Lềnh và Dính bỏ trốn", "cùng với Phiến và Bua, chị ...". Each
    side is one capitalised word (a glued word is one; two words beside a PERSON: "Hùng và Thu Sương là") that no
    rule read, never in a name, no word that starts common phrases ("Nam và Bắc") or opens clauses as a common word
    ("Đoàn"), no country, no brand or source ("Facebook và Zalo"). Places of two words ("Mộc Châu và Mai Sơn") are
    left alone. A clause may also open after a conjunction or a time word ("khi", "đêm": "đêm Lừ và San phục
    kích"); one word before "cùng" and a known PERSON is one too ("khi Khọt cùng Lường Văn Sửu đang ..."); two
    words each before "là" and a noun of persons ("Yên Ba và Thu Sương là hai nữ trinh sát": `_PERSON_NOUNS`).
    Runs at the "và" and "cùng" tokens only; adds to ``taken``."""
    person_at = {e.start: e for e in persons} | {e.end - 1: e for e in persons}
    va = doc.vocab.strings["và"] if "và" in doc.vocab.strings else None
    if va is None:
        return []
    glued = glued_flags(doc)
    n = len(doc)

    def side(start: int, step: int) -> int | None:
        """The far end of a name of one or two words from ``start`` going ``step`` (-1 left, 1 right)."""
        if start in person_at:
            person = person_at[start]
            return person.start if step < 0 else person.end - 1
        j, words = start, 0
        while 0 <= j < n and j not in taken and (glued[j] or (doc[j].is_alpha and doc[j].is_title
                                                               and not doc[j].is_upper or len(doc[j]) == 1 and doc[j].is_title)):
            if _class(doc[j], "not_name"):
                return None
            words += not glued[j]
            if words > 2:
                return None
            j += step
        return j - step if words else None

    found = []
    cung = doc.vocab.strings["cùng"] if "cùng" in doc.vocab.strings else None
    orth = column(doc, ORTH)
    for i in sorted((orth == va).nonzero()[0].tolist() + ((orth == cung).nonzero()[0].tolist() if cung else [])):
        left, right = side(i - 1, -1), side(i + 1, 1)
        if left is None or right is None:
            continue
        if doc[i].text == "cùng" and (i + 1 not in person_at or left in person_at or i - left > 1 or not left
                                     or (doc[left - 1].lower_ not in _CLAUSE_CONJUNCTIONS | _GOVERNS_A_PERSON
                                         and doc[left - 1].text not in _CLAUSE_OPENERS)):
            continue  # (with "cùng": one word opening a clause, the person after known: "khi Khọt cùng Lường Văn Sửu")
        first, last = doc[left:i], doc[i + 1:right + 1]
        known = [x for x in (first, last) if x.start in person_at]
        words = [sum(1 for j in range(x.start, x.end) if not glued[j]) for x in (first, last)]
        if not known and max(words) > 1 and not (doc[i].text == "và" and _persons_named_after(doc, right + 1)):
            continue
        before = doc[left - 1] if left else None
        after = doc[right + 1] if right + 1 < n else None
        if before is not None and before.text not in _CLAUSE_OPENERS and before.lower_ not in _GOVERNS_A_PERSON \
                and before.lower_ not in _CLAUSE_CONJUNCTIONS:
            continue
        if before is not None and before.text == "," and left >= 2 and left - 2 in taken and left - 2 not in person_at:
            continue  # the end of a list of places or bodies: "các tỉnh Khăm Muộn, X và Y"
        if after is not None and not (after.is_punct or (after.is_alpha and after.is_lower)):
            continue
        if any(x.text in countries or _class(x[0], "given_not_alone") or _class(x[0], "not_name_first")
               or _class(x[0], "cited_not_person") for x in (first, last) if x.start not in person_at):
            continue
        for x in (first, last):
            if x.start in person_at:
                continue
            found.append(Span(doc, x.start, x.end, label="PERSON"))
            taken.update(range(x.start, x.end))
    return found


def _coordinated_given_names(doc: Doc, ents: list[Span], claimed: set[int], upper: UpperNames,
                             countries: set[str]) -> list[Span]:
    """A given name of the lists alone coordinated with a PERSON is one too: "giao cho Chu và Lầu chở về" once
    "Chu" is a person, "Phử và Hạnh bị phạt" once "Hạnh" is. The other word is capitalised, in no entity and read by
    no rule, no country, no word that opens clauses or starts common phrases ("Nam", "Đoàn"), and ends there (a
    lower-case word or punctuation next, not a compound: "Thư ký"). Runs at the PERSON spans only."""
    taken = _taken(ents) | claimed
    persons = [e for e in ents if e.label_ == "PERSON"]
    found = _coordinated_pairs(doc, taken, countries, persons)
    persons += found

    def given_alone(i: int) -> bool:
        if not 0 <= i < len(doc) or i in taken:
            return False
        token = doc[i]
        if not (token.is_title and upper.is_given(token)) or _class(token, "given_not_alone") \
                or token.text in countries or _class(token, "not_name") or _class(token, "not_name_first"):
            return False
        after = doc[i + 1] if i + 1 < len(doc) else None
        return after is None or after.is_punct or after.is_space \
            or (after.is_alpha and after.is_lower and (token.text, after.lower_) not in _COMPOUNDS)

    for person in persons:
        # after: PERSON và X
        if person.end + 1 < len(doc) and doc[person.end].lower_ in _COORDINATORS and given_alone(person.end + 1):
            found.append(Span(doc, person.end + 1, person.end + 2, label="PERSON"))
            taken.add(person.end + 1)
        # before: X và PERSON, X opening a clause or after a word that governs a person
        i = person.start - 2
        if i >= 0 and doc[i + 1].lower_ == "và" and given_alone(i) \
                and (i == 0 or doc[i - 1].text in _CLAUSE_OPENERS or doc[i - 1].lower_ in _GOVERNS_A_PERSON):
            found.append(Span(doc, i, i + 1, label="PERSON"))
            taken.add(i)
    return found


# A given name and a verb of name-follower.txt that together are a common word or phrase ("Thư ký", "Đăng ký",
# "Như nêu trên").
_COMPOUNDS = {("Sinh", "ngày"), ("Sinh", "năm"),  # (a wanted notice's "Sinh ngày 18/7/1991", session 31)
              ("Thư", "ký"), ("Đăng", "ký"), ("Thư", "kí"), ("Đăng", "kí"), ("Như", "nêu"), ("Đạt", "được"),
              ("Thu", "được"), ("Thu", "giữ"), ("Thu", "hồi"), ("Tiến", "hành"), ("Phát", "hiện"), ("Hải", "quan"),
              ("Quang", "cảnh"), ("Tấn", "công"), ("Vũ", "khí"), ("Danh", "sách"), ("Tài", "xế"), ("Tài", "sản"),
              ("Bảo", "vệ"), ("Thành", "lập"), ("Hoàn", "thành"), ("Quyết", "định"), ("Lợi", "dụng"),
              ("Tuyên", "án"), ("Tuyên", "truyền"), ("Chuyên", "án"), ("Hợp", "tác"), ("Kiên", "quyết"),
              ("Trường", "hợp"), ("Hải", "đội"), ("Hải", "đoàn"), ("Hải", "cảng"), ("Long", "trọng"), ("Thu", "nhận"), ("Khai", "mở"), ("Tiếp", "nhận"), ("Công", "nhận"), ("Cho", "thuê"),
              ("Lưu", "giữ"), ("Canh", "giữ"), ("Gìn", "giữ"), ("Giam", "giữ"), ("Tạm", "giữ"), ("Bắt", "giữ"),
              ("Thu", "đóng"), ("Ban", "đóng"), ("Vận", "chuyển"), ("Sử", "dụng"), ("Chuẩn", "bị"), ("Xạ", "thủ"),
              ("Trị", "giá"), ("Bảo", "quản"),  # (session 27: "Trị giá lô hàng", "tài khoản do Bảo quản lý" is no "Bảo")
              ("Lời", "khai"),  # (session 30: "Lời khai này bị bác", a statement)
              ("Tiến", "sĩ"), ("Chiến", "sĩ"), ("Hạnh", "phúc")}  # (titles and words after a comma; session 32)
# Words before a person as the object of a verb or a preposition, or the second of two coordinated persons:
# "bắt được Kiệt khi", "giao cho Chu", "làm việc với Minh", "mẹ của Mai", "phạt Hùng tử hình", "Tư cùng Kiệt".
# words after which a clause starts, its subject next: "khi Khọt cùng Lường Văn Sửu đang ...", "đêm Lừ và San phục kích"
_CLAUSE_CONJUNCTIONS = {"khi", "lúc", "đêm", "hôm", "rồi", "nhưng", "thì", "nên", "vì", "nếu", "mà", "riêng"}
_GOVERNS_A_PERSON = {"cho", "với", "của", "được", "bắt", "giữ", "phạt", "xử", "tố", "nã", "giải", "thuê", "nhờ",
                     "giúp", "gặp", "gọi", "hỏi", "mời", "đưa", "khiến", "để", "và", "cùng", "lẫn", "hoặc", "hay",
                     # (session 24: "bởi Tài thường cho đàn em ...", "nhận được tin Dở chuẩn bị ...")
                     "bởi", "tin",
                     # (session 25: "xe máy chở Đưng từ hướng biên giới về")
                     "chở"}
# ... and two-word verbs that do (session 31: "phát hiện Tuấn cư trú", "bàn giao Choi cho", "liên quan đến Piềng")
_GOVERN_A_PERSON_TWO = {("phát", "hiện"), ("xác", "định"), ("bàn", "giao"), ("quan", "đến"), ("truy", "bắt"),
                        ("quả", "tang")}  # (session 32: "bắt quả tang Út khi")
# ... and before an amount that follows the name, those after which the person is paid or lent it: "nhận của Bình 12
# nghìn", "chuyển cho Sình 50 nghìn", "trả Tâm 5 triệu" (sessions 15b, 15c)
_GIVEN_AN_AMOUNT = _GOVERNS_A_PERSON | {"trả", "nợ", "vay"}


# Adverbs that open a sentence before its subject: "Hiện Hằng đã bỏ trốn", "Riêng Bình khai nhận" (session 15b)
_OPENING_ADVERBS = {"Hiện", "Riêng", "Sau", "Nay", "Rồi", "Nhưng", "Tuy", "Song", "Còn", "Lúc", "Khi", "Đến"}
_YEAR = re.compile(r"(?:19|20)\d\d")


_SENTENCE_ENDS = {".", ";", "!", "?", "…"}
# Verbs right after a subject, that no common word of a name's first syllable forms a compound with (session 25)
_SUBJECT_VERBS = {"đi", "có", "đã", "đang", "sẽ", "bị", "là", "mang", "cất", "giấu", "nhận", "bán", "mua", "khai"}
# What is done with assets after their owner's name: "tài sản Nam tẩu tán", "tài sản Hùng chiếm đoạt" (session 16a)
_ASSET_VERBS = {tuple(w.split()) for w in (
    "tẩu tán", "chiếm đoạt", "chiếm", "chuyển", "cất giấu", "giấu", "mua", "bán", "có", "sở hữu", "đứng tên", "thu lợi",
    "gửi", "nhận", "cầm", "đem", "để lại", "tích lũy", "tích luỹ", "tham ô", "trộm", "cướp", "lừa", "rửa", "nhờ")}


def _stands_alone(doc: Doc, start: int, end: int, claimed: set[int], followers: set[tuple[str, ...]],
                  countries: set[str], local: set[tuple[str, ...]], unit_names: set[int] = frozenset(),
                  given: bool = False) -> bool:
    """Whether a short form without a cue is that person, not a word that only looks like the name.

    It must not follow a capitalised word ("Hạ Long"; a function word that is
    never in a name, as "Theo", is no such word), a word a rule read (a body,
    "thành phố") or a place word of ``locals`` ("sông Hồng", "xã Vinh"), nor
    be a word that starts no name ("Nam" of "miền Nam") or a country ("Đức",
    "Nga"). A glued or two-word form ("Khăm-phăn", "Thu Hà") is then the
    person. A single syllable may begin a common word, capitalised at the
    start of a sentence or as the name of a service ("Thắng lợi", "lực
    lượng Hải quan"): it counts only before punctuation or a word of
    ``name-follower`` ("Hùng cho biết", ", Tèo khai nhận"); a given name
    (``given``; not the family name "Lô" of "Lô Văn Tình": "Lô hàng") also after a word that
    governs a person (``_GOVERNS_A_PERSON``: "bắt được Kiệt khi", "giao cho
    Chu chở", "Thành và Vanna ký"), or opening a clause before any lower-case
    word unless it opens clauses as a common word (the class ``open_as_a_word``: "Xuân
    đến", "Thắng lợi"; "Hưng thuê văn phòng"): that the document named the
    person in full is the strongest cue there is. Never as a compound with
    the next word (``_COMPOUNDS``: "Thư ký", "Thu giữ"). A unit word that
    names nothing (``unit_names``: "Trường cho biết") may start the name.
    """
    if any(_class(t, "not_name") for t in doc[start:end]) or doc[start:end].text in countries:
        return False
    before = doc[start - 1] if start else None
    after = [t.lower_ for t in doc[end:end + 3]]
    # (a given name in three places only a person stands, whatever it spells elsewhere ("Nam" of "miền Nam"): "truy nã
    # đối với Nam." at a sentence's end, "Đồng phạm của Nam là ...", "tài sản Nam tẩu tán" before a verb; session 16a)
    if given and end - start == 1 and start >= 2 and before.i not in claimed:
        cue = (doc[start - 2].lower_, before.lower_)
        # (not a word that names a body alone, "Đoàn", "Hội", "Ban": "Trưởng đoàn của Đoàn là ...")
        word = not _class(doc[start], "given_not_alone")
        # (... at a sentence's end also a word that starts common compounds only, "Lực" of "lực lượng": the compound
        # would need a word after it; session 24)
        if ((word or _class(doc[start], "not_name_first")) and cue == ("đối", "với")
                and (end == len(doc) or doc[end].text in _SENTENCE_ENDS)) \
                or (word and before.lower_ == "của" and after[:1] == ["là"]) \
                or (cue == ("tài", "sản") and any(tuple(after[:len(w)]) == w for w in followers | _ASSET_VERBS)):
            return True
    if _class(doc[start], "not_name_first") and start not in unit_names:
        # a word that starts common phrases ("Nam" of "phía Nam", "Quân đội", "Trung Quốc") is the person only where
        # it opens a clause before a verb of the list ("Trung cho biết", ", Nam khẳng định") or after "Theo"
        # ("Theo Trung, ...")
        opens = before is None or before.is_punct or before.is_space
        # (... or, a given name of a person named in full, after a word that governs a person and before the end of
        # a sentence or a verb a subject takes: "đường dây của Chiến.", "phát hiện Tư đi xe máy", "cốp xe của Tư có 3
        # bánh heroin"; not "của Quân đội"; session 25)
        if given and end - start == 1 and before is not None and before.is_lower and before.i not in claimed and (
                before.lower_ in _GOVERNS_A_PERSON or (before.lower_ == "hiện" and before.i and doc[before.i - 1].lower_ == "phát")) \
                and (end == len(doc) or doc[end].text in _SENTENCE_ENDS or after[:1] and after[0] in _SUBJECT_VERBS):
            return True
        return end - start == 1 and ((opens and any(tuple(after[:len(words)]) == words for words in followers))
                                     or (before is not None and before.text == "Theo" and end < len(doc)
                                         and doc[end].text == ","))
    # (an adverb opening a sentence is no part of a name: "Hiện Hằng đã bỏ trốn"; session 15b)
    if before is not None and before.text in _OPENING_ADVERBS and start + 1 < len(doc) and end - start == 1 \
            and (before.i == 0 or doc[before.i - 1].is_punct or doc[before.i - 1].is_space) and before.i not in claimed \
            and any(tuple(after[:len(words)]) == words for words in followers):
        return True
    if before is not None and (before.i in claimed or (_is_capitalised(before) and not _class(before, "not_name"))):
        return False
    if any(tuple(t.lower_ for t in doc[start - n:start]) in local for n in range(1, min(start, max(map(len, local), default=0)) + 1)):
        return False
    if end - start > 1 or end == len(doc) or doc[end].is_punct or doc[end].is_space:
        return True
    if (doc[start].text, doc[end].lower_) in _COMPOUNDS:
        return False
    if any(tuple(after[:len(words)]) == words for words in followers):
        return True
    # (a given name governed by a verb or "của", or paid or lent something, before a sum or a count: "nhận của Bình
    # 12 nghìn nhân dân tệ", "chuyển cho Sình 50 nghìn"; not a year, "cho Xuân 2024"; sessions 15b, 15c)
    if given and before is not None and before.lower_ in _GIVEN_AN_AMOUNT and not _class(doc[start], "given_not_alone") \
            and start not in unit_names and doc[end].like_num and any(c.isdigit() for c in doc[end].text) \
            and not _YEAR.fullmatch(doc[end].text) and end + 1 < len(doc) and doc[end + 1].is_alpha:
        return True
    # (not a unit word, "Trường hợp", "Ban hành": a word that names nothing may still start a common one)
    if not given or not (doc[end].is_alpha and doc[end].is_lower) or _class(doc[start], "given_not_alone") \
            or start in unit_names:
        return False
    if before is None or before.text in _CLAUSE_OPENERS or before.is_space:  # (a paragraph's start: session 10a)
        # (... one that opens clauses as a common word too, but after a comma or a semicolon, where only a name is
        # capitalised: "Từ tháng 5/2023, Hạnh lên mạng", "tháng 12/2021, Tiến sang Lào"; session 32)
        return not _class(doc[start], "open_as_a_word") or (
            before is not None and before.text in (",", ";") and (doc[start].text, doc[end].lower_) not in _COMPOUNDS)
    return before.lower_ in _GOVERNS_A_PERSON \
        or (before.i > 0 and (doc[before.i - 1].lower_, before.lower_) in _GOVERN_A_PERSON_TWO)


_FACULTY_LEADS = {"viên", "của", "tại", "thuộc"}  # ("giảng viên", "sinh viên", "học viên", "nghiên cứu viên")


def _faculties_read_as_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """A faculty of an academy or a school after its dean's title is no person: "Trưởng Khoa Quốc tế", "Phó Trưởng
    Khoa Luật hình sự" (a title cue took "Khoa Quốc", "Khoa Luật"; the faculty names no body by itself, rule 3). A
    PERSON that starts with "Khoa" right after "Trưởng" or "Chủ nhiệm" is dropped, or gives the name after it
    ("Trưởng Khoa Nguyễn Văn An" → "Nguyễn Văn An"); "Đại úy Nguyễn Đăng Khoa" keeps its given name (session 15b)."""
    out = []
    for e in ents:
        if e.label_ == "PERSON" and doc[e.start].text == "Khoa" and e.start \
                and (doc[e.start - 1].lower_ == "trưởng"
                     or (e.start > 1 and (doc[e.start - 2].lower_, doc[e.start - 1].lower_) == ("chủ", "nhiệm"))):
            if len(e) >= 3:
                out.append(Span(doc, e.start + 1, e.end, label="PERSON"))
            continue
        # (... nor after the role of one who teaches or studies there, or "của", "tại", "thuộc": "giảng viên Khoa
        # Ngoại ngữ", "sinh viên Khoa Luật"; session 17b)
        if e.label_ == "PERSON" and doc[e.start].text == "Khoa" and e.start and len(e) >= 2 \
                and doc[e.start - 1].lower_ in _FACULTY_LEADS:
            continue
        out.append(e)
    return out


def _names_listed_before_their_country(doc: Doc, ents: list[Span], claimed: set[int], glued: list[bool],
                                       countries: set[str]) -> list[Span]:
    """PERSON for each Lao name of a list after a colon (or ";") closed by its country in brackets: "cho các đồng
    chí: Xổm Xạ Ạt Phôm Vi Hản, Bun Thăn Xay Nha Vông (Lào); Chan Dara, ... (Campuchia)", "gồm: Khăm Lạ Xi Xổm
    Phon, Phết Xa Vẳn Thong Đi (Lào)" (rule 1: the names of persons honoured or named by their country). Each item
    is three to seven capitalised words that no rule read, none a word that is never in a name, the first a syllable
    of Lao names (class `lao_syllable`), joined by "," or "và"; villages and places have fewer words or a rule's
    reading. Runs at the "(" tokens before a country (session 15b)."""
    n = len(doc)
    taken = _taken(ents) | claimed
    found = []
    for o in (column(doc, ORTH) == get_string_id("(")).nonzero()[0].tolist():
        if o == 0:
            continue
        close = next((j for j in range(o + 2, min(n, o + 5)) if doc[j].text == ")"), None)
        if close is None or doc[o + 1:close].text not in countries:
            continue
        items, end = [], o
        while True:
            start = end
            while start > 0 and start - 1 not in taken and doc[start - 1].is_alpha and doc[start - 1].is_title \
                    and not glued[start - 1] and not _class(doc[start - 1], "not_name") and end - start < 8:
                start -= 1
            if not 3 <= end - start <= 7 or not _class(doc[start], "lao_syllable"):
                items = []
                break
            items.append((start, end))
            sep = doc[start - 1].text if start else ""
            if sep in (",", "và"):
                end = start - 1
            elif sep in (":", ";"):
                break
            else:
                items = []
                break
        for a, b in items:
            found.append(Span(doc, a, b, label="PERSON"))
            taken.update(range(a, b))
    return found


# Words right before an ethnic group's name: "người Vân Kiều", "dân tộc Mông", "đồng bào Ê Đê", "thiểu số Khơ Mú"
# (and a people's language or elder, session 31: "dịch sang tiếng Gia Rai", "già làng Gia Rai")
_PEOPLE_CUES = {"người": None, "tộc": "dân", "bào": "đồng", "số": "thiểu", "tiếng": None, "làng": "già"}
_PEOPLE_LIST = {",", "và", "-", "–"}


def ethnic_group_pattern(groups: list[str]) -> re.Pattern | None:
    """One regular expression over the names of ``groups`` (gazetteers/ethnic-group.txt), longest first, any letter
    case, spaces, hyphens or nothing between syllables ("Ê Đê", "Ê-đê"), either apostrophe ("H'Mông", "H’Mông")."""
    if not groups:
        return None
    alternatives = []
    for group in sorted(set(groups), key=len, reverse=True):
        syllables = [re.escape(s).replace("'", "['’]") for s in re.split(r"\s*-\s*|\s+", group) if s]
        alternatives.append(r"(?:\s*-\s*|\s+)".join(syllables))
    return re.compile(rf"(?:{'|'.join(alternatives)})(?![\w'’-])", re.IGNORECASE)


def _ethnic_groups(doc: Doc, groups: re.Pattern | None) -> set[int]:
    """The tokens of ethnic groups' names after "người", "dân tộc", "đồng bào", "thiểu số": no person's name.

    "Hồ Thị Lan (người Vân Kiều, SN 1995)", "Y Blin Niê là người Ê Đê", "đồng bào các dân tộc Mông, Dao và Khơ Mú"
    (the list after the first). A group's name is capitalised; one before another capitalised word names something
    else ("người Thái Bình", "người Hoa Kỳ"). Runs at the cue words only.
    """
    found: set[int] = set()
    if groups is None:
        return found
    cues = {get_string_id(w): before for w, before in _PEOPLE_CUES.items()}
    lowers = column(doc, LOWER)
    text, n = None, len(doc)
    for i in cues_at(doc, LOWER, cues.keys()):
        before = cues[int(lowers[i])]
        if i + 1 >= n or (before is not None and (i == 0 or doc[i - 1].lower_ != before)) \
                or not doc[i + 1].text[:1].isupper():
            continue
        k = i + 1
        while k < n and doc[k].text[:1].isupper():
            text = doc.text if text is None else text  # (built once, and only where a cue is followed by a capital)
            match = groups.match(text, doc[k].idx)
            span = doc.char_span(doc[k].idx, match.end()) if match else None
            if span is None or (span.end < n and _is_capitalised(doc[span.end])):
                break
            found.update(range(span.start, span.end))
            # the next group of a list: "Mông, Dao và Khơ Mú"
            k = span.end + 1 if span.end < n and doc[span.end].text in _PEOPLE_LIST else n
    return found


# Words that open another name of the person in the bracket after the name: "(tức Tý, SN 1990)", "(còn gọi là Phon,
# 45 tuổi)", "(biệt danh Sình, ...)"
_ALIAS_LEADS = sorted((tuple(w.split()) for w in (
    "tức", "tức là", "còn gọi là", "còn gọi", "còn có tên là", "còn có tên", "còn tên là", "biệt danh", "biệt danh là",
    "bí danh", "bí danh là", "tên gọi khác là", "thường gọi là", "hay gọi là",
    # (session 29: with a colon, "(tên gọi khác: Phon, SN 1986)")
    "tên gọi khác :", "tên khác :", "tên khác là", "bí danh :", "biệt danh :")), key=len, reverse=True)


def _aliases_in_brackets(doc: Doc, ents: list[Span], glued: list[bool],
                         countries: set[str] = frozenset()) -> list[Span]:
    """PERSON for another name of a person in the bracket right after the name, after "tức", "còn gọi là", "biệt
    danh": one to four capitalised words up to a comma, a semicolon or the closing bracket, a single short syllable
    too ("Lê Văn Tâm (tức Tý, SN 1990)", "Xổm-phon Phăn-thạ-vông (còn gọi là Phon, 45 tuổi)"), a country's name ending
    it ("Vàng A Pó (còn gọi là Pó Lào)"). A transliteration after "phiên âm là", the words before it in lower case or
    a country's, is another such name, of up to six words ("Ouk Sophal (báo chí Việt Nam phiên âm là Úc Xô Phan)",
    "(còn được phiên âm là Khăm La Xu Văn Na)"; session 16c). "năm Tý" is no such place. Runs at the PERSON spans
    only."""
    taken = _taken(ents)
    found = []
    n = len(doc)
    for person in [e for e in ents if e.label_ == "PERSON"]:
        if person.end + 2 >= n or doc[person.end].text != "(":
            continue
        after = tuple(t.lower_ for t in doc[person.end + 1:person.end + 5])
        lead = next((w for w in _ALIAS_LEADS if after[:len(w)] == w), None)
        most = 4
        if lead is None:
            # "(báo chí Việt Nam phiên âm là X)": lower-case words and a country's name before "phiên âm là"
            k = person.end + 1
            while k < min(n - 3, person.end + 9) and doc[k].lower_ != "phiên" and (
                    doc[k].is_lower or doc[k].text in ("Việt", "Nam")):
                k += 1
            if k + 3 >= n or (doc[k].lower_, doc[k + 1].lower_, doc[k + 2].lower_) != ("phiên", "âm", "là"):
                continue
            lead, most = (None,) * (k + 3 - person.end - 1), 6
        start = end = person.end + 1 + len(lead)
        while end < n and (end - start < 8 or glued[end]) and end not in taken and (
                glued[end] or (doc[end].is_alpha and doc[end].is_title and not _class(doc[end], "not_name"))):
            end += 1
        # (a country's name may end it: "Pó Lào")
        if end > start and end < n and doc[end].text not in (",", ";", ")"):
            country = next((k for k in (1, 2) if end + k < n and doc[end:end + k].text in countries
                            and doc[end + k].text in (",", ";", ")")), None)
            end += country or 0
        words = sum(1 for i in range(start, end) if not glued[i])
        if 1 <= words <= most and end < n and doc[end].text in (",", ";", ")"):
            found.append(Span(doc, start, end, label="PERSON"))
            taken.update(range(start, end))
    return found


# Myanmar's honorifics before a name, as "ông", "bà" (rule 1: no title in a PERSON): "Ông U Thein Zaw Oo", "Bà Daw Khin
# Mya Thet" (session 23)
_MYANMAR_HONORIFICS = {"U", "Daw"}


def _myanmar_honorifics(doc: Doc, ents: list[Span]) -> list[Span]:
    """A PERSON that opens on "U" or "Daw" before two capitalised words or more starts after it."""
    return [Span(doc, e.start + 1, e.end, label="PERSON")
            if e.label_ == "PERSON" and e.end - e.start >= 3 and doc[e.start].text in _MYANMAR_HONORIFICS else e
            for e in ents]


_PATRONYMIC_LINKS = {"bin", "binti", "bt", "bte"}
_PATRONYMIC_HASHES = frozenset(get_string_id(w) for w in _PATRONYMIC_LINKS)
# Malay honorifics before a name, no part of it: "Tan Sri", "Datuk", "Dato'", "Tun", "Puan", "Encik"
_MALAY_HONORIFICS = {"Tan", "Sri", "Datuk", "Dato", "Datin", "Tun", "Toh", "Puan", "Encik", "Seri"}


def _malay_patronymics(doc: Doc, ents: list[Span]) -> list[Span]:
    """A Malay name is one PERSON across "bin"/"binti" and the father's name after it (rule 1, the whole name):
    "Mohd Rizal bin Hashim", "Nur Aisyah binti Kamarudin", "Mohd Faizal bin Haji Ismail" (the rules found the part
    before or after the link, or both apart; session 24). The father's name is one to four capitalised words; a
    PERSON or capitalised words right before the link start it, an honorific no part of it ("Tan Sri", "Datuk").
    Runs at the link words only."""
    links = [i for i in cues_at(doc, ORTH, _PATRONYMIC_HASHES) if 0 < i < len(doc) - 1]
    if not links:
        return ents
    persons = {e.end: e for e in ents if e.label_ == "PERSON"}
    other = {i for e in ents if e.label_ != "PERSON" for i in range(e.start, e.end)}
    found = []
    for i in links:
        start = persons[i].start if i in persons else None
        if start is None:
            j = i
            while j > 0 and j - 1 not in other and doc[j - 1].is_title and doc[j - 1].is_alpha and i - j < 4:
                j -= 1
            while j < i - 1 and doc[j].text in _MALAY_HONORIFICS:
                j += 1
            start = j if j < i else None
        end = i + 1
        while end < len(doc) and end not in other and doc[end].is_title and doc[end].is_alpha and end - i <= 4:
            end += 1
        if start is not None and end > i + 1:
            found.append(Span(doc, start, end, label="PERSON"))
    return _replaced_by(ents, found)


def _family_names_cut_off(doc: Doc, ents: list[Span], surnames: set[tuple[str, ...]]) -> list[Span]:
    """A PERSON of one word, a family name of the lists, right before another PERSON is one name with it: "tên là
    Hoàng" + "Chí Cường (Huang Zhiqiang)" → "Hoàng Chí Cường" (two persons are never written with nothing between
    them). Runs over the PERSON spans only; session 16c."""
    persons = {e.start: e for e in ents if e.label_ == "PERSON"}
    joined = {}
    for e in persons.values():
        nxt = persons.get(e.end)
        if e.end - e.start == 1 and nxt is not None and nxt.end - e.start <= 4 \
                and (tone_norm(doc[e.start].text),) in surnames and doc[e.start].whitespace_:
            joined[e.start] = nxt
    if not joined:
        return ents
    dropped = {id(n) for n in joined.values()}
    return [Span(doc, e.start, joined[e.start].end, label="PERSON") if e.label_ == "PERSON" and e.start in joined
            else e for e in ents if id(e) not in dropped]


_PREPOSITION_SURNAMES = {"Từ"}  # "Từ Viêng Chăn, ..." is where a report comes from


def _surnames_before_a_province(doc: Doc, ents: list[Span], surnames: set[tuple[str, ...]]) -> list[Span]:
    """A PROVINCE right after a family name of the lists, in no entity, is a person's given name with it: "bắt Mã
    Vĩnh Phúc (Ma Yongfu)", "Lý Hà Giang khai" (a person named after a province; session 28). The family name follows
    no capitalised word (so a title-case headline's "Công An Hà Giang" stays), and no capitalised word follows the
    province; "Từ" is the preposition ("Từ Bangkok, anh ..."). Runs over the PROVINCE spans only."""
    n = len(doc)
    found = []
    taken = None
    for e in ents:
        if e.label_ != "PROVINCE" or e.start < 1 or (e.end < n and doc[e.end].is_title and doc[e.end].is_alpha):
            continue
        s = e.start - 1
        if not (doc[s].is_title and doc[s].is_alpha and doc[s].whitespace_) \
                or (tone_norm(doc[s].text),) not in surnames or doc[s].text in _PREPOSITION_SURNAMES:
            continue
        if s and ((doc[s - 1].is_alpha and not doc[s - 1].is_lower) or doc[s - 1].text in ("-", "–")):
            continue
        taken = _taken(ents) if taken is None else taken
        if s not in taken:
            found.append(Span(doc, s, e.end, label="PERSON"))
    return _replaced_by(ents, found)


# The most words of a Lao name written in spaced syllables ("Bun Xu Li Phon Ma Vông"); the name shapes take five
_LAO_NAME_MOST = 8


def _long_lao_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """A PERSON of five spaced words or more, syllables of Lao names (class ``lao_syllable``) but one, runs on
    over the capitalised Lao syllables right after it, up to eight words: "ông Khăm Xay Vắt Xi Xu Vông, Phó Tỉnh
    trưởng" (the shapes stop at five words). Vietnamese names have fewer words. Runs at the PERSON spans only."""
    # (all its words but one of the class will do, the first too: "ông Lẻ Xay Phon Xay Nha Vông", session 23)
    # (... and one of three or four words, all of the class: "anh Khăm Phăn Xay Nha Vông (SN 1984)", where a shape
    # stopped at four; session 27)
    longs = [e for e in ents if e.label_ == "PERSON" and e.end - e.start >= 3
             and sum(1 for t in e if _class(t, "lao_syllable")) >= len(e) - (e.end - e.start >= 5)]
    if not longs:
        return ents
    taken = _taken(ents)
    n = len(doc)
    out = []
    for e in ents:
        if e in longs:
            end = e.end
            while (end < n and end - e.start < _LAO_NAME_MOST and end not in taken and doc[end].is_title
                   and doc[end].is_alpha and _class(doc[end], "lao_syllable")):
                end += 1
            if end > e.end:
                e = Span(doc, e.start, end, label="PERSON")
        out.append(e)
    return out


# Khmer prefixes before a given name: "Néang" (women), "Chau" (men); no Vietnamese word is written so
_KHMER_PREFIXES = {get_string_id(w): most for w, most in (("Néang", 3), ("Neang", 3), ("Chau", 3))}


def _khmer_prefixed_names(doc: Doc, ents: list[Span], claimed: set[int], glued: list[bool]) -> list[Span]:
    """PERSON for a Khmer name opened by its prefix, "Néang" (a woman's) or "Chau" (a man's), and one to three
    capitalised words, the prefix inside the span (rule 1): "Em Néang Sa Rươn, học sinh lớp 9", "anh Chau Sóc Kha".
    "Chau" takes two words at least (a place unaccented, "Chau Doc", has one). Not over an entity or a span a rule
    read. Runs at the prefixes only."""
    orth = column(doc, ORTH)
    hits = cues_at(doc, ORTH, _KHMER_PREFIXES.keys())
    if not hits:
        return []
    taken = _taken(ents) | claimed
    n = len(doc)
    found = []
    for i in hits:
        if i in taken:
            continue
        end = i + 1
        while end < n and end - i <= _KHMER_PREFIXES[int(orth[i])] and end not in taken and (
                (doc[end].is_alpha and doc[end].is_title) or glued[end]):
            end += 1
        least = 3 if doc[i].text == "Chau" else 2
        if end - i >= least and not (end < n and _is_capitalised(doc[end])):
            found.append(Span(doc, i, end, label="PERSON"))
            taken.update(range(i, end))
    return found


_TUC = get_string_id("tức")
# (session 19a: an alias also after ", thường gọi là", ", còn gọi là", ", biệt danh" ..., the leads of
# ``_ALIAS_LEADS``; and before a bracket: ", tức Hoa Campuchia (SN 1989)")
_ALIAS_FIRSTS = frozenset(get_string_id(lead[0]) for lead in _ALIAS_LEADS)
_COMMA = get_string_id(",")
_ALIAS_LEAD_HASHES = [(lead, tuple(get_string_id(w) for w in lead)) for lead in _ALIAS_LEADS]  # (longest first)
_ALIAS_ENDS = {",", ";", ")", ".", ":", "("}


def _names_around_an_alias(doc: Doc, ents: list[Span], glued: list[bool], upper: UpperNames,
                           countries: set[str]) -> list[Span]:
    """A full name before ", tức" and the alias after it, up to the next comma, are both the person (rule 1): "giảm án
    cho Trần Minh Đức, tức Đức Béo, xuống 12 năm tù", "Lò Văn Pọm, tức Pọm Lào, đã ..." (session 16a).

    The name is a PERSON already or two to five capitalised words from a family name of the lists (or a syllable of
    Lao names, or hyphen-glued) that no other entity covers; the alias is one to four capitalised words closed by
    ",", ";", ")", "." or ":", its first no word that is never in a name, the later ones any capitalised word, a
    country's name too ("Pọm Lào"). "Ngày 30/4, tức ngày giải phóng" names no one; after a province the words are
    its other name, no person ("Hà Nội, tức Thăng Long xưa", which the cue "tức" of the patterns read as a name).
    The other leads of ``_ALIAS_LEADS`` after a comma open an alias too (session 19a): "Néang Sa Ry, thường gọi là Út
    Ry, thuê ...", "Lê Văn Tú, còn gọi là Tú Lào,"; an alias may end before a bracket ("Lê Thị Hoa, tức Hoa
    Campuchia (SN 1989)"). Runs at the first words of the leads only."""
    lowers = column(doc, LOWER)
    hits = np.array(cues_at(doc, LOWER, _ALIAS_FIRSTS), dtype=int)
    hits = hits[hits >= 3]
    hits = hits[column(doc, ORTH)[hits - 1] == _COMMA].tolist()  # (after a comma only)
    if not hits:
        return ents
    lowers = lowers.tolist()
    n = len(doc)
    others = {i for e in ents if e.label_ != "PERSON" for i in range(e.start, e.end)}
    province_ends = {e.end for e in ents if e.label_ == "PROVINCE"}
    found, places = [], set()
    for i in hits:
        if i < 3 or i + 2 >= n or doc[i - 1].text != ",":
            continue
        lead = next((w for w, h in _ALIAS_LEAD_HASHES if tuple(lowers[i:i + len(h)]) == h), None)
        if lead is None or i + len(lead) + 1 >= n:
            continue
        if i - 1 in province_ends:  # a place's other name: "Hà Nội, tức Thăng Long xưa"
            places.add(i + len(lead))
            continue
        # the alias: "Đức Béo", "Pọm Lào"
        start = end = i + len(lead)
        while end < n and (end - start < 8 or glued[end]) and end not in others and (
                glued[end] or (doc[end].is_alpha and doc[end].is_title)):
            end += 1
        words = sum(1 for j in range(start, end) if not glued[j])
        if not 1 <= words <= 4 or end >= n or doc[end].text not in _ALIAS_ENDS or doc[start:end].text in countries \
                or _class(doc[start], "not_name") or _class(doc[start], "not_name_first"):
            continue
        # the name before the comma: "Trần Minh Đức"
        last = i - 1
        first = last
        while first > 0 and (last - first < 7 or glued[first]) and first - 1 not in others and (
                glued[first - 1] or (doc[first - 1].is_alpha and doc[first - 1].is_title)):
            first -= 1
        name_words = sum(1 for j in range(first, last) if not glued[j])
        known = any(e.label_ == "PERSON" and e.start == first and e.end == last for e in ents)
        if not known and not (2 <= name_words <= 5 and (
                (tone_norm(doc[first].text),) in upper.surnames or _class(doc[first], "lao_syllable")
                or any(glued[first:last]))):
            continue
        if any(_class(t, "not_name") for t in doc[first:last]):
            continue
        found.append((first, last))
        found.append((start, end))
    if places:
        ents = [e for e in ents if not (e.label_ == "PERSON" and e.start in places)]
    if not found:
        return ents
    spans = [Span(doc, a, b, label="PERSON") for a, b in found]
    covered = {j for a, b in found for j in range(a, b)}
    kept = [e for e in ents if not (e.label_ == "PERSON" and any(j in covered for j in range(e.start, e.end)))]
    return kept + spans


# The middle names of the H'Mông, read as such only after a clan name of gazetteers/person-hmong-surname.txt ("Giàng A
# Của", "Vàng Seo Phử", "Sùng Mí Chớ"; session 17b): three words of the naming grammar, kept here with the step
_HMONG_MIDDLES = frozenset(get_string_id(w) for w in ("A", "Mí", "Seo"))
_ANY_STRONG_MIDDLES = _HMONG_MIDDLES | frozenset(_STRONG_VN_MIDDLE_HASHES)


def _given_names_that_are_words(doc: Doc, first: list[Span], ents: list[Span], upper: UpperNames,
                                local: set[tuple[str, ...]], clans: frozenset[int]) -> list[Span]:
    """A family name of the lists, a middle name "Văn" or "Thị" (or, after a H'Mông clan name, "A", "Mí", "Seo"),
    then one capitalised word that ends the name is a person whatever that word is otherwise (rule 1): a unit's word
    or a function word capitalised as a given name ("Vi Văn Phòng (SN 1992)", "anh Giàng A Của", "Bố Giàng Mí Chớ").
    The steps before it take only given names that are no common word; this one reads such a word as the given
    name only in that place: after the middle name, before no capitalised, glued or bracketed-code word, not after a
    capitalised word, a number or a place word ("đường Lê Văn Phòng"), in no entity but a PERSON that stops before it
    ("Giàng A" + "Của": the cue shape stopped at the function word). Runs at the middle names only (session 17b).
    ``clans``: the ORTH hashes of the H'Mông clan names (``person-hmong-surname.txt``)."""
    orth = doc.to_array(ORTH)
    mids = np.isin(orth, list(_ANY_STRONG_MIDDLES)).nonzero()[0].tolist()
    if not mids:
        return ents
    n = len(doc)
    glued = over = long_first = None
    found, dropped = [], []
    for m in mids:
        i, g = m - 1, m + 1
        if i < 0 or g >= n or not (doc[g].is_alpha and doc[g].is_title and len(doc[g]) > 1):
            continue
        fam = doc[i]
        if not (fam.is_alpha and fam.is_title):
            continue
        if int(orth[m]) in _HMONG_MIDDLES:
            if int(orth[i]) not in clans:
                continue
        elif (tone_norm(fam.text),) not in upper.surnames:
            continue
        if g + 1 < n and (_is_capitalised(doc[g + 1]) or doc[g + 1].like_num):
            continue
        if glued is None:
            glued = glued_flags(doc)
            over = {j: e for e in ents for j in range(e.start, e.end)}
            # first-pass spans longer than the given name: the word starts a body's name ("Văn Phòng Chính phủ")
            long_first = {j for e in first if e.end - e.start > 1 for j in range(e.start, e.end)}
        if g in long_first:
            continue
        if g + 1 < n and glued[g + 1]:
            continue
        if i and ((_is_capitalised(doc[i - 1]) and not _a_kin_word_opening(doc, i - 1)) or doc[i - 1].like_num
                  or doc[i - 1].lower_ == "số" or _after_a_place_word(doc, i, local)):
            continue
        here = {id(over[j]): over[j] for j in (i, m, g) if j in over}
        if any(e.label_ != "PERSON" or e.start != i for e in here.values()):
            continue
        if any(e.end > g for e in here.values()):
            continue  # the name is read already
        dropped.extend(here.values())
        found.append(Span(doc, i, g + 1, label="PERSON"))
    if not found:
        return ents
    gone = {id(e) for e in dropped}
    return [e for e in ents if id(e) not in gone] + found


# Kin and honorific words before a person's name or given name, in any case: "Bố Giàng Mí Chớ", "Cô Hương", "anh Của"
_KIN_CUES = frozenset(("anh", "chị", "cô", "bố", "mẹ", "cha", "em", "chú", "bác", "ông", "bà", "cháu", "cụ", "già",
                       "thím", "dì", "cậu", "mợ", "vợ", "chồng"))
_KIN_CUE_HASHES = frozenset(get_string_id(w) for w in _KIN_CUES)


def _a_kin_word_opening(doc: Doc, k: int) -> bool:
    """Whether ``doc[k]`` is a kin or honorific word capitalised at a sentence's or a clause's start ("Bố", "Cô")."""
    return doc[k].lower_ in _KIN_CUES and (k == 0 or doc[k - 1].text in _CLAUSE_OPENERS or doc[k - 1].is_space)


# What a person does or has done to them, right after the given name opening a clause: speech and flight, "bị"
_TOLD = {tuple(w.split()) for w in ("bảo", "kể", "kể lại", "nói", "cho biết", "cho hay", "chia sẻ", "tâm sự", "cười",
                                    "bỏ trốn", "trốn", "bị", "khai", "thừa nhận", "nhớ lại", "khẳng định")}


def _given_names_in_the_story(doc: Doc, ents: list[Span], claimed: set[int], glued: list[bool],
                              surnames: set[tuple[str, ...]]) -> list[Span]:
    """The one-word given name of a person named in full in the document (a family name of the lists first: "Giàng
    A Của", "Lê Quốc Khánh") is that person where it stands alone after a kin or honorific word, in any case ("Anh
    Của", "Cô Hương", "mẹ Dở"), or opens a clause before a verb of speech, flight or "bị" (``_TOLD``: "Năm 2013, Của
    bỏ trốn", "Khánh bảo, ...") (rule 1). Whatever else the word spells ("Của"), the document named the person
    first; without the full name the word stays as it is. Not where another capitalised or glued word follows, nor
    inside an entity or a span a rule read. Runs at the given names' positions only (session 17b)."""
    given = set()
    for e in ents:
        if e.label_ == "PERSON" and len(e) >= 3 and (tone_norm(e[0].text),) in surnames and not glued[e.end - 1]:
            given.add(e[-1].orth)
    if not given:
        return []
    hits = cues_at(doc, ORTH, given)
    if not hits:
        return []
    taken = _taken(ents) | claimed
    n = len(doc)
    found = []
    for i in hits:
        if i in taken or not doc[i].is_title or (i + 1 < n and (glued[i + 1] or _is_capitalised(doc[i + 1]))):
            continue
        before = doc[i - 1] if i else None
        if before is not None and before.lower_ in _KIN_CUES and (before.is_lower or _a_kin_word_opening(doc, i - 1)):
            found.append(Span(doc, i, i + 1, label="PERSON"))
            continue
        if before is not None and not (before.text in _CLAUSE_OPENERS or before.is_space):
            continue
        after = tuple(t.lower_ for t in doc[i + 1:i + 3])
        # (a word that names a body alone, "Đoàn", "Hội", is the person only before speech: "Đoàn bị ..." is no one)
        if any(after[:len(w)] == w for w in _TOLD) and not (
                _class(doc[i], "given_not_alone") and after[:1] in (("bị",), ("trốn",), ("bỏ",))):
            found.append(Span(doc, i, i + 1, label="PERSON"))
    return found


_PERSON_CUE_LABELS = ("RANK", "_HON", "_HON2", "_DC")


def _countries_read_as_names(doc: Doc, first: list[Span], ents: list[Span], countries: set[str]) -> list[Span]:
    """A country's or a region's name is never a PERSON (rules 1 and 4): "Thái Lan (tức Tam Giác Vàng)", "Myanmar (còn
    gọi là Miến Điện)", where the alias cues read the other name as a person's and the name before the bracket as
    the same person. Dropped: a PERSON spelt as a country of ``countries`` ("Tam Giác Vàng", "Miến Điện") of two
    words or more, unless a person's cue is right before it ("bà Thái Lan"); and any PERSON in a bracket right after
    a country ("Lào (tức ...)"), one word too. "Pó Lào" (a nickname that ends with a country) and "ông Đức" stay.
    Runs over the PERSON spans only (session 17b)."""
    persons = [e for e in ents if e.label_ == "PERSON"]
    if not persons:
        return ents
    spelt = [e for e in persons if len(e) >= 2 and e.text in countries]
    n = len(doc)
    # the brackets opened right after a country: "Thái Lan (", "Myanmar ("
    country_ends = {e.end for e in first if e.label_ == "_COUNTRY" and e.end < n and doc[e.end].text == "("}
    if not spelt and not country_ends:
        return ents
    cued = {e.end for e in first if e.label_ in _PERSON_CUE_LABELS}
    country_ends |= {e.end for e in spelt}
    drop = set()
    for e in persons:
        if e.text in countries and len(e) >= 2 and e.start not in cued:
            drop.add(id(e))
            continue
        # in a bracket opened right after a country: "Thái Lan (tức Tam Giác Vàng)", "Lào (còn gọi là ...)"
        opener = e.start - 1
        while opener > 0 and e.start - opener <= 6 and doc[opener].is_lower:
            opener -= 1
        if opener > 0 and doc[opener].text == "(" and opener in country_ends:
            drop.add(id(e))
    if not drop:
        return ents
    return [e for e in ents if id(e) not in drop]


# A person's other name after "tên gọi khác:" (a record's field), and a name in quotes after "tên" and a noun of a
# person (rule 1, session 18d)
_TEN = get_string_id("tên")
_OTHER_NAME_FIELD = ("gọi", "khác")
_NAMED_PERSON_NOUNS = {"người", "ông", "bà", "nữ", "niên", "gái", "trai", "tượng", "can", "cáo", "phạm", "khách",
                       "anh", "chị", "xưng", "quen", "bạn"}  # ("người quen tên", "bạn tên": session 32)
_FIELD_ENDS = {";", ",", ".", ")", "(", "\n"}


def _names_after_ten(doc: Doc, ents: list[Span], claimed: set[int], glued: list[bool]) -> list[Span]:
    """PERSON for the capitalised words (one to five, in no entity, the first no word of ``not_name``) after a
    record's field "tên gọi khác:" or "tên gọi khác là" (opening the text, a line or a piece after ";", ",") up to ";", ",", "." or a bracket ("Họ và tên: Giàng A Pháo; tên gọi khác:
    Giàng Pháo Lùn; giới tính: nam"), and for one to four capitalised words after a noun of a person and "tên", in
    quotes ("một người tên "Long Ca" hứa hẹn": the quotes stay outside) or up to a lower-case word or punctuation
    ("một người quen tên Kẹo nhờ"). Runs at the word "tên" only."""
    hits = cues_at(doc, LOWER, {_TEN})
    if not hits:
        return []
    n, taken, found = len(doc), _taken(ents), []
    for i in hits:
        k = i + 1
        field = i == 0 or doc[i - 1].text in _FIELD_ENDS or doc[i - 1].is_space  # (a record's field: "; tên gọi khác:")
        if field and k + 2 < n and (doc[k].lower_, doc[k + 1].lower_) == _OTHER_NAME_FIELD \
                and doc[k + 2].text in (":", "là"):
            start = k = k + 3
            while k < n and (k - start < 8 or glued[k]) and k not in taken and (glued[k] or (doc[k].is_alpha and doc[k].is_title)):
                k += 1
            words = sum(1 for j in range(start, k) if not glued[j])
            if 1 <= words <= 5 and (k == n or doc[k].text in _FIELD_ENDS or doc[k].is_space) \
                    and not _class(doc[start], "not_name") and (words > 1 or glued[k - 1] or k - start > 1):
                found.append(Span(doc, start, k, label="PERSON"))
                taken.update(range(start, k))
        elif i and doc[i - 1].lower_ in _NAMED_PERSON_NOUNS and k < n and doc[k].text in _OPENING_QUOTES:
            start = k = k + 1
            while k < n and k - start < 4 and k not in taken and doc[k].is_alpha and doc[k].is_title:
                k += 1
            if k > start and k < n and doc[k].text in _CLOSING_QUOTES and not _class(doc[start], "not_name"):
                found.append(Span(doc, start, k, label="PERSON"))
                taken.update(range(start, k))
        # (... and without quotes, up to a lower-case word or punctuation, whatever list the name is in or not: "một
        # người quen tên Kẹo nhờ", "người tên Xổm-phăn"; session 32)
        elif i and doc[i - 1].lower_ in _NAMED_PERSON_NOUNS and k < n and k not in taken and doc[k].is_alpha \
                and doc[k].is_title and not _class(doc[k], "not_name"):
            start = k
            while k < n and (k - start < 4 or glued[k]) and k not in taken and (glued[k] or (doc[k].is_alpha and doc[k].is_title)):
                k += 1
            if k == n or doc[k].is_punct or doc[k].is_space or doc[k].is_lower:
                found.append(Span(doc, start, k, label="PERSON"))
                taken.update(range(start, k))
    return found


# "Thị" opening a woman's name of two syllables in a list of persons (rule 1, session 18d): "còn có Điểu Khanh và
# Thị Mai"
_THI = get_string_id("Thị")
_THI_OPENERS = {"có", "gồm", "là", "và", ",", ":", "cùng"}


def _women_named_thi(doc: Doc, ents: list[Span], claimed: set[int], upper: UpperNames) -> list[Span]:
    """PERSON for "Thị" and a given name of the lists after "có", "gồm", "là", "và", "," or ":" and before
    punctuation, "và" or a lower-case word ("Cùng bị bắt còn có Điểu Khanh và Thị Mai": many women of the south and
    the highlands are named so; the other items of the list follow by ``_more_listed_names``). Not inside an entity
    or a span a rule read, not before another capitalised word. Runs at the "Thị" tokens only."""
    hits = cues_at(doc, ORTH, {_THI})
    if not hits:
        return []
    n, taken, found = len(doc), _taken(ents) | claimed, []
    for i in hits:
        if not 0 < i < n - 1 or i in taken or i + 1 in taken or doc[i - 1].lower_ not in _THI_OPENERS:
            continue
        given = doc[i + 1]
        if not (given.is_alpha and given.is_title and upper.is_given(given)):
            continue
        after = doc[i + 2] if i + 2 < n else None
        if after is None or after.is_punct or after.is_space or (after.is_alpha and after.is_lower):
            found.append(Span(doc, i, i + 2, label="PERSON"))
    return found


_GIA = get_string_id("Già")


def _elders_named(doc: Doc, ents: list[Span]) -> list[Span]:
    """A PERSON that starts with "Già" (an elder, as "già làng": a cue) and goes on is the name after it (rule 1,
    session 18d): "Già Blong kể lại" → "Blong". Runs over the PERSON spans only."""
    return [Span(doc, e.start + 1, e.end, label="PERSON")
            if e.label_ == "PERSON" and e.end - e.start >= 2 and doc[e.start].orth == _GIA and doc[e.start + 1].is_title
            else e for e in ents]


# A given name alone after "từ", "với", or after another given name and "và", once the full name is in the document
# (rule 1, session 18d): "Sinh khai nhận hàng từ Thành", "Hùng và Nga bị bắt"
_SHORT_FORM_LEADS = frozenset(get_string_id(w) for w in ("từ", "với", "và"))


def _given_names_after_tu_voi(doc: Doc, ents: list[Span], claimed: set[int], countries: set[str],
                              followers: set[tuple[str, ...]]) -> list[Span]:
    """PERSON for the last word of a PERSON of two words or more named in the document ("Lò Văn Thành"), alone
    (no capitalised word after it) right after "từ" or "với" ("nhận hàng từ Thành ở biên giới"; not a country there:
    "từ Nga" is from Russia, nor a word that starts common phrases or opens clauses as a common word, "từ Nam ra
    Bắc"), or after a one-word PERSON and "và" ("Hùng và Nga bị bắt", whatever else "Nga" names: the pair is of
    persons), then before punctuation or a verb of ``name-follower``, as in a list of short forms ("Phước và Lực
    lượng chức năng ..." stays nothing). Not inside an entity or a span a rule read. Runs at the words "từ", "với",
    "và" only."""
    forms = {e[-1].orth for e in ents if e.label_ == "PERSON" and e.end - e.start >= 2 and e[-1].is_title}
    if not forms:
        return []
    # (the positions of the given names first, few, then the word before each)
    hits = [j - 1 for j in cues_at(doc, ORTH, forms) if j and doc[j - 1].lower in _SHORT_FORM_LEADS]
    if not hits:
        return []
    n, taken, found = len(doc), _taken(ents) | claimed, []
    alone = {e.start for e in ents if e.label_ == "PERSON" and e.end - e.start == 1}
    for i in hits:
        j = i + 1
        token = doc[j]
        if j in taken or token.orth not in forms or (j + 1 < n and doc[j + 1].is_title and doc[j + 1].is_alpha):
            continue
        if doc[i].lower_ == "và":
            after = tuple(t.lower_ for t in doc[j + 1:j + 4])
            if i - 1 not in alone or not (j + 1 == n or doc[j + 1].is_punct or doc[j + 1].is_space
                                          or any(after[:len(w)] == w for w in followers)):
                continue
        elif token.text in countries or _class(token, "given_not_first") or _class(token, "given_not_alone"):
            continue
        found.append(Span(doc, j, j + 1, label="PERSON"))
        taken.add(j)
        alone.add(j)
    return found


# Words before a full name that make it the name of a place, a prize, a boat or a monument (session 18f), besides the
# place words of ``locals`` and ``_NAMED_AFTER``: "giải Lê Minh Chiến", "đại lộ Nguyễn Văn Linh", "tượng đài ..."
_NAMED_AFTER_TOO = {("giải",), ("cúp",), ("đại", "lộ"), ("quảng", "trường"), ("lăng",), ("tượng", "đài"), ("thuyền",),
                    ("khu", "phố"), ("ghe",), ("xuồng",)}


# Capitalised words that open a clause before a speaker's or an accused's name: "Theo Lê Minh Chiến, ..."
_CLAUSE_OPENERS_BEFORE_A_NAME = {"Theo", "Riêng", "Còn"}
# Two capitalised words before a province that name a place of it, no person: "Hoàng Thành Huế" (the citadel)
_PLACES_BEFORE_A_PROVINCE = {("Hoàng", "Thành")}


def _opens_a_clause_capitalised(doc: Doc, k: int) -> bool:
    """Whether ``doc[k]`` is a word of ``_CLAUSE_OPENERS_BEFORE_A_NAME`` opening a sentence or a line."""
    return doc[k].text in _CLAUSE_OPENERS_BEFORE_A_NAME and (
        k == 0 or doc[k - 1].is_punct or doc[k - 1].is_space or "\n" in doc[k - 1].text)


def _full_names_in_running_text(doc: Doc, first: list[Span], ents: list[Span], claimed: set[int], upper: UpperNames,
                                local: set[tuple[str, ...]]) -> list[Span]:
    """A family name of the lists, one or two middle names of the lists (``person-vi-middle.txt``), then one
    capitalised word, in running text, is a PERSON whatever that last word is otherwise (rule 1; session 18f): "Nguyễn
    Minh Tài bị khởi tố", "Lê Minh Chiến cho biết", "Bùi Quang Toàn, ...". The steps before it want a cue, "Văn" or
    "Thị", a year of birth or a verb said of persons only, because the given name ("Chiến", "Tài", "Toàn", "Hợp",
    "Thủy", "Tư") is also a common word; here the family name and the middle names of the lists say it is a name.

    The given name may be a province's name read by the first pass (rule 1, a person's name; rule 4, "Huế" alone is
    a province only where it stands on its own): one syllable ("Nguyễn Thị Huế, Phó Chủ tịch ...", "bắt Trần Đức
    Huế"), or two whose words are all names of the lists, the last a given name ("Nguyễn Thị Hà Giang", "Lê Văn Thái
    Bình", and right after the family name when the first is a middle name: "Nguyễn Thái Bình cho biết").

    Running text only: the word after the name is in lower case or punctuation (no glued syllable), the line is no
    headline in title case, the name is not after a capitalised word ("Trường THPT Lê Quý Đôn", "Ông"), a number or
    "số" (an address) or a place, body, prize or boat word ("đường Trần Hưng Đạo", "phường Lê Lợi", "cầu", "tàu",
    "giải", "quỹ"), and no word of it is in an entity or read by another rule (the first pass's provinces at the given
    name's place apart; "Thái Bình Dương" and "Hồ Chí Minh" are no names). Runs at the family names of the lists.
    """
    starts = upper.surname_positions(doc)
    if not starts:
        return ents
    n = len(doc)
    taken = _taken(ents)
    provinces = {e.start: e for e in ents if e.label_ == "PROVINCE"}
    first_provinces = {e.start: e.end for e in first if e.label_ in ("PROVINCE", AMBIGUOUS_PROVINCE)}
    place_words = glued = None
    found, dropped = [], []

    def free(j: int) -> bool:
        return j < n and j not in taken and j not in claimed

    def name_word(j: int) -> bool:
        t = doc[j]
        return t.is_alpha and t.is_title and len(t) > 1 and not _class(t, "not_name")

    def given_province(g: int) -> Span | None:
        """The PROVINCE at ``g`` that may be a given name: one syllable, or name words of the lists."""
        p = provinces.get(g)
        if p is None or first_provinces.get(g) != p.end or not all(name_word(j) for j in range(p.start, p.end)):
            return None
        words = [tone_norm(t.text) for t in p]
        if len(words) == 1 or (len(words) == 2 and all(w in upper.rest for w in words) and words[1] in upper.given):
            return p
        return None

    for i in starts:
        if i + 2 >= n or not free(i) or not name_word(i):
            continue
        if i and ((_is_capitalised(doc[i - 1]) and not _opens_a_clause_capitalised(doc, i - 1))
                  or doc[i - 1].like_num or doc[i - 1].lower_ == "số"):
            continue
        end = province = None
        for k in (2, 1, 0):
            if not all(free(j) and name_word(j) and tone_norm(doc[j].text) in upper.middle for j in range(i + 1, i + 1 + k)):
                continue
            g = i + 1 + k
            if g >= n:
                continue
            p = given_province(g)
            # (a province of two words ends a name of four only after "Văn" or "Thị": "Nguyễn Thị Hà Giang", not
            # "Trần Quốc Hưng Yên"; right after the family name its first word is a middle name: "Nguyễn Thái Bình")
            if p is not None and (len(p) == 1 and k or len(p) == 2 and (
                    (k == 1 and doc[i + 1].text in ("Văn", "Thị")) or (not k and tone_norm(p[0].text) in upper.middle))):
                end, province = p.end, p
            elif k and free(g) and name_word(g) and tone_norm(doc[g].text) in upper.given:
                end = g + 1
            else:
                continue
            if end < n and (doc[end].is_lower or (doc[end].is_punct and not _is_capitalised(doc[end]))):
                break
            end = province = None
        if end is None or tuple(t.text for t in doc[i:end]) in UpperNames.NOT_NAMES \
                or (province is not None and (doc[i].text, doc[i + 1].text) in _PLACES_BEFORE_A_PROVINCE):
            continue
        if glued is None:
            glued = glued_flags(doc)
            place_words = local | _NAMED_AFTER | _NAMED_AFTER_TOO
        if glued[end] or _line_in_title_case(doc, i):
            continue
        # (the place word may lead a list: "các tuyến phố Lê Lợi, Trần Hưng Đạo và Trần Quốc Toản")
        j, most = i - 1, max(0, i - 40)
        while j > most and (doc[j].text in (",", "và") or _is_capitalised(doc[j])):
            j -= 1
        if j >= 0 and doc[j].is_lower and _after_a_place_word_of(doc, j + 1, place_words):
            continue
        found.append(Span(doc, i, end, label="PERSON"))
        taken.update(range(i, end))
        if province is not None:
            dropped.append(province)
    if not found:
        return ents
    gone = {id(e) for e in dropped}
    return [e for e in ents if id(e) not in gone] + found


def _after_a_place_word_of(doc: Doc, i: int, words: set[tuple[str, ...]]) -> bool:
    """Whether ``doc[i]`` follows one of ``words`` (lower case, one to three words): "đường", "đại lộ", "giải"."""
    return any(tuple(t.lower_ for t in doc[i - k:i]) in words for k in (1, 2, 3) if k <= i)


# Unit words that are also given names, in no list of given names (so the steps of the lists leave them): "Thiếu tá
# Phòng đề nghị" (session 19a)
_GIVEN_UNIT_WORDS = frozenset({"Phòng"})


def _given_names_after_a_rank(doc: Doc, first: list[Span], ents: list[Span], upper: UpperNames,
                              followers: set[tuple[str, ...]]) -> list[Span]:
    """PERSON for a given name of the lists (or of ``_GIVEN_UNIT_WORDS``) alone right after a rank and before a verb of ``name-follower`` (rule 1,
    rank + name; session 19a), whatever else the word is: "Đại tá Quân nhấn mạnh", "Thiếu tá Phòng đề nghị" ("Quân"
    starts "Quân đội", "Phòng" is a unit word, so the cue's shape takes neither). Not inside an entity ("Đại tá Quân
    đội nhân dân Lào", "Đại tá Công an tỉnh X" keep their ORG), not before "và". Runs over the first pass's RANK spans
    only."""
    ranks = [e.end for e in first if e.label_ == "RANK" and e.end < len(doc) - 1 and not doc[e.start].is_upper]
    if not ranks:
        return []
    taken, found = _taken(ents), []
    for j in ranks:
        token = doc[j]
        if j in taken or not (token.is_alpha and token.is_title
                               and (upper.is_given(token) or token.text in _GIVEN_UNIT_WORDS)):
            continue
        after = tuple(t.lower_ for t in doc[j + 1:j + 4])
        if not after or after[0] == "và" or not doc[j + 1].is_lower \
                or not any(after[:len(w)] == w for w in followers):
            continue
        found.append(Span(doc, j, j + 1, label="PERSON"))
        taken.add(j)
    return found


# Nouns of an occupation before a person's name (rule 1; session 19a): "chuyên gia Hiroshi Sato", "huấn luyện viên
# Vương Đại Minh", "tiền đạo Lý Cường" (the titles and the `_SUSP` roles of the patterns are cues already)
_OCCUPATIONS = {tuple(w.split()) for w in (
    "chuyên gia", "huấn luyện viên", "hlv", "tiền đạo", "tiền vệ", "hậu vệ", "trung vệ", "thủ môn", "cầu thủ",
    "vận động viên", "vđv", "trọng tài", "kỹ sư", "kĩ sư", "kiến trúc sư", "nghệ sĩ", "nghệ nhân", "ca sĩ", "nhạc sĩ",
    "họa sĩ", "hoạ sĩ", "diễn viên", "doanh nhân", "võ sĩ", "kỳ thủ", "xạ thủ", "phiên dịch viên", "tình nguyện viên",
    # (session 24: "biên đạo múa Ka Ly Vông Xay", "Đại tá, NSƯT Đoàn Thị Hải Yến", "vận động viên", "cặp Vương Kiện")
    "biên đạo", "biên đạo múa", "nsưt", "nsnd", "nghệ sĩ ưu tú", "nghệ sĩ nhân dân", "cặp", "tay vợt",
    # (session 27: "nữ cảnh sát Lý Tiểu Mai của đoàn bạn")
    "nữ cảnh sát", "nữ chiến sĩ", "nữ công an")}
# (by the hash of the last word, the hashes of each occupation's words: compared on the LOWER array, no Token made)
_OCCUPATION_HASHES: dict[int, list[tuple[int, ...]]] = {}
for _w in _OCCUPATIONS:
    _OCCUPATION_HASHES.setdefault(get_string_id(_w[-1]), []).append(tuple(get_string_id(x) for x in _w))


def _names_after_an_occupation(doc: Doc, ents: list[Span], claimed: set[int], glued: list[bool],
                               upper: UpperNames, countries: set[str]) -> list[Span]:
    """PERSON for a name right after a noun of an occupation of ``_OCCUPATIONS`` (rule 1): two to four capitalised
    words ("cùng chuyên gia Hiroshi Sato của Nhật Bản", "huấn luyện viên Vương Đại Minh dẫn dắt", "tiền đạo Lý Cường
    ghi 2 bàn"), or one given name of the lists ("thủ môn Sáng"), in no entity and no span a rule read, the first no
    word that never starts a name, ending before punctuation or a lower-case word. "chuyên gia Liên hợp quốc" (an
    ORG) and "huấn luyện viên trưởng" give nothing. Runs at the occupations' last words only."""
    hits = cues_at(doc, LOWER, _OCCUPATION_HASHES.keys())
    if not hits:
        return []
    lowers = row(doc, LOWER)
    n, taken, found = len(doc), None, []
    for i in hits:
        if i + 1 >= n or not any(len(w) <= i + 1 and tuple(lowers[i + 1 - len(w):i + 1]) == w
                                 for w in _OCCUPATION_HASHES[lowers[i]]):
            continue
        if not doc[i + 1].is_title:
            continue
        if taken is None:
            taken = _taken(ents) | claimed
        start = end = i + 1
        while end < n and (end - start < 8 or glued[end]) and end not in taken and (
                (end > start and glued[end]) or (doc[end].is_alpha and doc[end].is_title
                                                 and (end == start or not _class(doc[end], "not_name")))):
            end += 1
        words = sum(1 for j in range(start, end) if not glued[j])
        if not words or words > 4 or not _ends_a_name(doc, end) or _class(doc[start], "not_name_first") \
                or doc[start:end].text in countries:
            continue
        if words == 1 and not (upper.is_given(doc[start]) and not _class(doc[start], "given_not_alone")):
            continue
        found.append(Span(doc, start, end, label="PERSON"))
        taken.update(range(start, end))
    return found


# Nouns of things and bodies before "tên (là)": the name after them is a brand or a thing's, no person's ("một công ty
# tên là Thành Đạt": a bare brand is nothing, rule 3; session 19a)
_THINGS_NAMED = {tuple(w.split()) for w in (
    "công ty", "doanh nghiệp", "cửa hàng", "quán", "nhà hàng", "khách sạn", "tàu", "thuyền", "hãng", "tập đoàn",
    "cơ sở", "xưởng", "trang", "trang web", "tài khoản", "ứng dụng", "phần mềm", "nhóm", "hội", "tổ chức",
    "thương hiệu", "sản phẩm", "nhãn hiệu", "đường dây", "làng", "bản", "xã", "thôn", "con")}
# A name in Latin script in brackets: "(Wang)", "(Li Mei)"
_LATIN_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)?")


def _after_a_persons_nationality(doc: Doc, i: int) -> bool:
    """Whether "tên" at ``i`` follows a noun of a person and one to three capitalised words of a nationality: "người
    Lào tên", "phụ nữ Trung Quốc tên"."""
    j = i - 1
    while j > 0 and i - j <= 3 and doc[j].is_alpha and doc[j].is_title:
        j -= 1
    return j < i - 1 and doc[j].lower_ in _NAMED_PERSON_NOUNS and doc[j].is_lower


def _names_called_ten(doc: Doc, ents: list[Span], glued: list[bool]) -> list[Span]:
    """After "tên" or "tên là" (rule 1; session 19a): one to three capitalised words, then their Latin spelling in
    brackets, are two names of a person ("một người đàn ông Trung Quốc tên là Vương (Wang) thuê chở hàng" → PERSON
    "Vương", PERSON "Wang": the noun of the person may stand words before "tên"); after a noun of a thing or a body of
    ``_THINGS_NAMED`` ("một công ty tên là Thành Đạt") the name is no person's: a PERSON there is dropped. Runs at
    the word "tên" only."""
    hits = cues_at(doc, LOWER, {_TEN})
    if not hits:
        return ents
    n = len(doc)
    drop, found = set(), []
    others = {i for e in ents if e.label_ != "PERSON" for i in range(e.start, e.end)}
    for i in hits:
        k = i + 1 + (i + 1 < n and doc[i + 1].lower_ == "là")
        if k >= n or not doc[k].is_title:
            continue
        # a thing's name: a noun of ``_THINGS_NAMED`` before "tên", perhaps with its country or words between
        j, thing = i - 1, False
        while j >= 0 and i - j <= 4 and not doc[j].is_punct and not doc[j].is_space:
            if (doc[j].lower_,) in _THINGS_NAMED or (j and (doc[j - 1].lower_, doc[j].lower_) in _THINGS_NAMED):
                thing = True
                break
            j -= 1
        if thing:
            drop.add(k)
            continue
        end = k
        while end < n and (end - k < 6 or glued[end]) and end not in others and (
                glued[end] or (doc[end].is_alpha and doc[end].is_title and not _class(doc[end], "not_name"))):
            end += 1
        words = sum(1 for m in range(k, end) if not glued[m])
        if not 1 <= words <= 3:
            continue
        close = end + 1
        while close < n and close - end <= 3 and _LATIN_NAME_WORD.fullmatch(doc[close].text):
            close += 1
        if end + 2 < n and doc[end].text == "(" and close > end + 1 and close < n and doc[close].text == ")":
            found += [Span(doc, k, end, label="PERSON"), Span(doc, end + 1, close, label="PERSON")]
        # (... and without a Latin spelling after a noun of a person and a nationality, before punctuation or a
        # lower-case word: "một đối tượng người Lào tên Phết với giá", "một phụ nữ Trung Quốc tên là A Phương (chưa rõ
        # lai lịch)"; session 30)
        elif _after_a_persons_nationality(doc, i) and (end == n or doc[end].is_punct or doc[end].is_lower):
            found.append(Span(doc, k, end, label="PERSON"))
    if not drop and not found:
        return ents
    covered = {m for f in found for m in range(f.start, f.end)}
    return [e for e in ents if not (e.label_ == "PERSON" and (e.start in drop or any(
        m in covered for m in range(e.start, e.end))))] + found


# ------------------------------------------------------------------ session 25
def _cues_ending_a_place(doc: Doc, first: list[Span]) -> list[Span]:
    """``first`` without the credit cues that end a place's name before a dash: "cửa khẩu Mộc Bài - Bavet" names a
    pair of gates, no byline "Bài - ..." (a byline's cue opens its line or follows punctuation, never a capitalised
    word of the same line)."""
    return [e for e in first if not (e.label_ == "_CUE" and e.start and doc[e.end - 1].text in DASHES
                                     and doc[e.start - 1].is_alpha and doc[e.start - 1].is_title)]


def _in_a_gate_name(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` is inside the name of a border gate or a pair of them: after "cửa khẩu" (perhaps "quốc tế")
    and capitalised words, dashes and "và" only: "cửa khẩu Ma Lù Thàng - Kim Thủy Hà", "cặp cửa khẩu Mộc Bài - Ba
    Vét" (a gate may read as a name; session 25)."""
    k = i - 1
    while k > 1 and i - k <= 12 and (doc[k].text in DASHES or doc[k].lower_ == "và"
                                      or (doc[k].is_alpha and doc[k].is_title)):
        k -= 1
    while k > 1 and doc[k].lower_ in ("quốc", "tế", "chính", "phụ"):
        k -= 1
    return k > 0 and doc[k].lower_ == "khẩu" and doc[k - 1].lower_ == "cửa"


_KHAU = frozenset((get_string_id("khẩu"),))


def _names_of_gates(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` without a PERSON inside a border gate's name (``_in_a_gate_name``; session 25)."""
    if not cues_at(doc, LOWER, _KHAU):  # (no gate in the text: nothing to look back for)
        return ents
    return [e for e in ents if not (e.label_ == "PERSON" and _in_a_gate_name(doc, e.start))]


# ------------------------------------------------------------------ session 27
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,4}")


def _names_in_han_script(doc: Doc, ents: list[Span], surnames: set[tuple[str, ...]]) -> list[Span]:
    """A Chinese person's name in characters, in brackets after the Vietnamese reading, is a PERSON, and so is the
    reading (rule 1: a name in any script): "Trương Vĩ (张伟, SN 1979)", "ông Triệu Quốc Cường (赵国强)". Two to four
    characters (a body's name in characters is longer: "云南省公安厅"); the reading is the PERSON before the bracket,
    or two to four capitalised syllables there from a family name of the lists; nothing after an ORG."""
    if not _HAN.search(doc.text):  # (most texts hold no Chinese character)
        return ents
    taken = _taken(ents)
    found = []
    for i in range(2, len(doc)):
        if not _HAN.fullmatch(doc[i].text) or i in taken:
            continue
        if i + 1 < len(doc) and doc[i + 1].text not in (")", ",", ";"):
            continue
        # (the bracket opens right before it, or a few words before: "(tên tiếng Trung: 王建华)"; session 27)
        opening = next((j for j in range(i - 1, max(0, i - 7), -1) if doc[j].text in ("(", ")")), None)
        if opening is None or doc[opening].text != "(" or opening < 2:
            continue
        if opening < i - 1 and not any(t.lower_ == "tên" for t in doc[opening + 1:i]):
            continue
        end = opening
        before = next((e for e in ents if e.end == end), None)
        if before is not None and before.label_ != "PERSON":
            continue
        if before is None:
            start = end
            while start > 0 and end - start < 4 and doc[start - 1].is_alpha and doc[start - 1].is_title \
                    and start - 1 not in taken:
                start -= 1
            while start < end - 1 and (tone_norm(doc[start].text),) not in surnames:
                start += 1
            if end - start < 2 or (tone_norm(doc[start].text),) not in surnames:
                continue
            found.append(Span(doc, start, end, label="PERSON"))
            taken.update(range(start, end))
        found.append(Span(doc, i, i + 1, label="PERSON"))
        taken.add(i)
    return ents + found if found else ents


def _readings_opening_with_a_word(doc: Doc, ents: list[Span], surnames: set[tuple[str, ...]]) -> list[Span]:
    """A PERSON right after "(" and a family name that is also a common word ("Từ", "from"), in brackets after another
    PERSON, starts on that family name: the bracket gives the same person's other spelling (rule 1): "Xu Zhenbang
    (Từ Chấn Bang, SN 1977)" → PERSON "Từ Chấn Bang", not "Chấn Bang"."""
    ends = {e.end for e in ents if e.label_ == "PERSON"}
    taken = _taken(ents)
    out = []
    for e in ents:
        k = e.start - 1
        if (e.label_ == "PERSON" and k >= 2 and doc[k].is_title and k not in taken and doc[k - 1].text == "("
                and k - 1 in ends and (tone_norm(doc[k].text),) in surnames):
            e = Span(doc, k, e.end, label="PERSON")
        out.append(e)
    return out


_EM = frozenset((get_string_id("Em"),))


def _names_after_em(doc: Doc, ents: list[Span], claimed: set[int], glued: list[bool]) -> list[Span]:
    """PERSON for two to five capitalised words after "Em" opening a clause, up to punctuation or a lower-case word
    (rule 1; a pupil or a young person, as "em" in running text): "Em Xay Dạ Phon, học sinh lớp 8", "Em Lò Thị Mai
    cho biết". Not "Em" inside a name ("Phạm Hoàng Em"): only after the start, a newline or punctuation; session 27."""
    n = len(doc)
    taken = None
    found = []
    for i in cues_at(doc, ORTH, _EM):
        if i + 2 >= n or (i and not (doc[i - 1].is_punct or doc[i - 1].is_space)):
            continue
        taken = (_taken(ents) | claimed) if taken is None else taken
        end = i + 1
        while end < n and end - i <= 5 and end not in taken and (
                glued[end] or (doc[end].is_alpha and doc[end].is_title and not _class(doc[end], "not_name"))):
            end += 1
        words = sum(1 for j in range(i + 1, end) if not glued[j])
        if 2 <= words <= 5 and (end == n or doc[end].is_punct or doc[end].is_space or doc[end].is_lower):
            found.append(Span(doc, i + 1, end, label="PERSON"))
            taken.update(range(i + 1, end))
    return found
