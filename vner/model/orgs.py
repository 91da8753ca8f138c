"""Document-level steps for ORG, PROVINCE and QUANTITY: abbreviations, unit words, split bodies, outlets, sums.

A new step about an organisation, a province or a quantity goes here (then called in resolver.py).
"""

from __future__ import annotations

import functools
import re
import unicodedata

import numpy as np
from spacy.attrs import LOWER, NORM, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from .helpers import AMBIGUOUS_PROVINCE, DASHES, _class, _is_capitalised, _replaced_by, _taken, column, cues_at, newline_positions, row, tone_norm


_ABBREVIATION = re.compile(r"[A-ZĐ][A-ZĐ0-9]{1,9}")
# An abbreviation written with "&" or "-" inside ("CA-HT", "A&B"), tokenised as several tokens with no space between.
_GLUED_ABBREVIATION = re.compile(r"[A-ZĐ][A-ZĐ0-9]*(?:[&-][A-ZĐ0-9]+)*")
_ROMAN = re.compile(r"[IVXLCDM]+")  # "(II)" numbers a school or a conference, it abbreviates nothing
# A byline's role in brackets after its source, not an organisation: cộng tác viên, phóng viên, tổng hợp, biên tập
# viên, tác giả ("Theo Báo Nghệ An (CTV)").
_BYLINE_ROLES = {"CTV", "PV", "TH", "BTV", "TG"}
# Words that may open the brackets before the abbreviation: "(viết tắt là A05)", "(gọi tắt: BLO)".
_DEFINING = sorted((tuple(w.split()) for w in ("viết tắt là", "gọi tắt là", "viết tắt", "gọi tắt", "tên viết tắt",
                                                "tên viết tắt là", "sau đây viết tắt là", "sau đây gọi tắt là",
                                                "sau đây gọi là")), key=len, reverse=True)


def _abbreviation_in_brackets(doc: Doc, i: int) -> tuple[int, int] | None:
    """(start, end) of the abbreviation in the brackets that open at ``doc[i]``, or None.

    "(BLO)", "(PC04)", "(ASEANAPOL)", "(CA-HT)": two to ten capitals and
    digits, starting with a capital, maybe glued by "&" or "-"; after
    defining words only the abbreviation: "(viết tắt là A05)" → "A05". Not a
    year, a number, a Roman numeral or words ("(2023)", "(II)", "(ảnh)",
    "(Nghệ An)").
    """
    if i >= len(doc) or doc[i].text != "(":
        return None
    start = i + 1
    words = next((w for w in _DEFINING if tuple(t.lower_ for t in doc[start:start + len(w)]) == w), ())
    start += len(words)
    if words and start < len(doc) and doc[start].text == ":":
        start += 1
    end = next((j for j in range(start, min(start + 6, len(doc))) if doc[j].text == ")"), None)
    if end is None or end == start or any(t.whitespace_ for t in doc[start:end - 1]):
        return None
    text = doc[start:end].text.strip()
    if _GLUED_ABBREVIATION.fullmatch(text) and 2 <= sum(c.isalnum() for c in text) <= 10 and not _ROMAN.fullmatch(text):
        return start, end
    return None


def _bracketed_abbreviations(doc: Doc, first: list[Span], ents: list[Span], claimed: set[int],
                             plural: set[str], countries: set[str] = frozenset()) -> list[Span]:
    """ORG "BLO" in "... tỉnh Quảng Bình (BLO)", and wherever "BLO" recurs in the document.

    The brackets right after an ORG define the abbreviation as that
    organisation's name ("(BLO)", "(viết tắt là BLO)"; not after a PERSON,
    a PROVINCE or a QUANTITY; not a country, "Bộ Công an (VN)", nor a
    byline's role, "Báo Nghệ An (CTV)"). A recurrence is an ORG unless a rule read it
    as something else (a code is no such reading: "PC04" is a unit's code
    whatever it stands for) or it is counted ("các BLO", "2 BLO": generic,
    scheme rule 3); a unit word right before it belongs to it ("Phòng
    PC04").
    """
    taken = _taken(ents)
    defined = set()
    found = []
    for ent in ents:
        where = _abbreviation_in_brackets(doc, ent.end) if ent.label_ == "ORG" else None
        if where is not None and doc[where[0]:where[1]].text not in countries | _BYLINE_ROLES:
            start, end = where
            defined.add(tuple(t.text for t in doc[start:end]))
            if not any(i in taken for i in range(start, end)):
                found.append(Span(doc, start, end, label="ORG"))
                taken.update(range(start, end))
    if not defined:
        return found
    unit_ends = {e.end: e.start for e in first if e.label_ in _UNIT_HEADS}
    texts = [t.text for t in doc]
    for form in defined:
        for i in (t.i for t in doc if t.text == form[0]):
            end = i + len(form)
            if tuple(texts[i:end]) != form or any(j in taken or j in claimed for j in range(i, end)):
                continue
            if (end < len(doc) and not doc[end - 1].whitespace_ and (doc[end].is_alpha or doc[end].text in "-&")) \
                    or (i and not doc[i - 1].whitespace_ and (doc[i - 1].is_alpha or doc[i - 1].text in "-&")):
                continue  # part of a longer word: "CA" of "CA-HT"
            start = unit_ends.get(i, i)
            if start < i and any(j in taken for j in range(start, i)):
                start = i
            before = doc[start - 1] if start else None
            if before is None or not (before.lower_ in plural or before.like_num):
                found.append(Span(doc, start, end, label="ORG"))
                taken.update(range(start, end))
    return found


# First-pass helpers over the word that opens the name of a unit or a department ("Trường", "Phòng", "Viện").
_UNIT_WORD_LABELS = ("_PART_UNIT", "_PART_DEPT")
_UNIT_CODE = re.compile(r"[A-ZĐ]{1,3}\d{1,3}[A-Z]?")  # "PC04", "C10"


def _unit_words_naming_nothing(doc: Doc, first: list[Span], ents: list[Span], names: set[str]) -> set[int]:
    """Unit words that open no name and are given names: "Trường" in "Đại tá Nguyễn Văn Trường phát biểu".

    A unit or department is named by capitalised words or a code right after
    its word ("Trường Đại học ...", "Phòng PC04"); a unit word before a
    lower-case word, punctuation or the end, outside every entity, that is
    also a given or middle name of the resolver's lists, names no unit.
    """
    inside = _taken(ents)
    found = set()
    for span in first:
        if span.label_ in _UNIT_WORD_LABELS and len(span) == 1 and span.start not in inside \
                and tone_norm(span.text) in names:
            after = doc[span.end] if span.end < len(doc) else None
            opens_a_name = after is not None and ((after.is_alpha and (after.is_title or after.is_upper))
                                                  or _UNIT_CODE.fullmatch(after.text) is not None)
            if not opens_a_name:
                found.add(span.start)
    return found


def _names_ending_on_a_unit_word(ents: list[Span], orphans: set[int]) -> list[Span]:
    """A PERSON right before a unit word that names nothing takes it: "Nguyễn Văn" + "Trường" (see above)."""
    if not orphans:
        return ents
    return [Span(e.doc, e.start, e.end + 1, label=e.label_) if e.label_ == "PERSON" and e.end in orphans else e
            for e in ents]


def _names_running_through_a_unit_word(doc: Doc, first: list[Span], ents: list[Span], names: set[str]) -> list[Span]:
    """A PERSON of one word right before a unit word and one more capitalised word, both given or middle names of the
    lists, in no entity, and the name ending there, takes them: "Đại tá Võ" + "Trường Sơn," (session 10a; "Trường
    Sơn" is no school: a school is named by more, "Trường Đại học ...", and the PERSON holds the family name)."""
    units = {e.start for e in first if e.label_ in _UNIT_WORD_LABELS and len(e) == 1}
    taken = _taken(ents)
    out = []
    for e in ents:
        end = e.end
        if e.label_ == "PERSON" and len(e) == 1 and end in units and end + 2 <= len(doc) \
                and end + 1 not in taken and doc[end + 1].is_title and doc[end + 1].is_alpha \
                and all(tone_norm(doc[j].text) in names for j in (end, end + 1)) \
                and (end + 2 == len(doc) or not (doc[end + 2].is_title or doc[end + 2].like_num)):
            e = Span(doc, e.start, end + 2, label="PERSON")
        out.append(e)
    return out


# Level words after which a body's place is named ("Công an xã X").
_LEVEL_WORDS = {"xã", "phường", "huyện", "quận", "trấn", "bản", "tỉnh"}


def _split_trailing_name(doc: Doc, first: list[Span], ents: list[Span], surnames: set[tuple[str, ...]],
                         glued: list[bool]) -> list[Span]:
    """An ORG whose place ran on into a person's name gives it back: "Trưởng Công an thành phố Vinh Hồ Văn Tấn".

    A place after "thành phố", "huyện", "xã" stops before the most frequent
    family names (``words/not-place.txt``), but not before those that also
    end places ("Hồ" of "Tây Hồ", "Hà", "Hoàng"). Here an ORG that ends on a
    capitalised place word, then three or four capitalised words read as a
    family name, a middle name of the class ``middle_name`` and a given name, is
    that ORG and a PERSON. A name right after the level word ("xã Lò Văn
    Pọm") may be the place itself (a commune named after a person) and
    stays, unless a title comes right before the body: "Trưởng Công an xã
    Lò Văn Pọm" is the commune's police chief, a PERSON (the body names no
    place, rule 3).
    """
    in_first = {i for e in first for i in range(e.start, e.end)}
    titled = {e.end for e in first if e.label_ == "_POS"}
    persons = {e.start: e for e in ents if e.label_ == "PERSON"}
    honorifics = {e.start for e in first if e.label_ == "_HON" and e.end == e.start + 1}
    out, dropped = [], set()
    for e in ents:
        cut, unnamed = None, False
        # a capitalised honorific a place took as its last word ("cửa khẩu Dinh Bà", session 13) is the cue of the
        # PERSON right after it: "Công an huyện Mường Tè Ông Lò Văn Pọm" -> ORG + "Ông" + PERSON
        if e.label_ == "ORG" and e.end - 1 in honorifics and e.end in persons and e.end - 1 > e.start:
            # (and a body whose place the honorific had opened names none: "Trưởng Công an xã Bà Nguyễn Thị Hoa")
            if doc[e.end - 2].lower_ not in _LEVEL_WORDS | {"phố"}:
                out.append(Span(doc, e.start, e.end - 1, label="ORG", span_id=e.id_))
            continue
        # the patterns may have left the given name outside: ORG "... Văn Bàn Hồ Văn" + PERSON "Tú"
        after = persons.get(e.end) if e.label_ == "ORG" else None
        end = after.end if after is not None else e.end
        if e.label_ == "ORG":
            for k in (4, 3):
                start = end - k
                if not e.start + 1 < start < e.end:
                    continue
                name = doc[start:end]
                if (tone_norm(name[0].text),) in surnames and _class(name[1], "middle_name") \
                        and all(t.is_alpha and t.is_title for t in name) and start not in in_first:
                    if doc[start - 1].is_alpha and doc[start - 1].is_title:
                        cut = start
                    elif e.start in titled and doc[start - 1].lower_ in _LEVEL_WORDS:
                        # a title, a body with no place, a name: "Trưởng Công an xã Lò Văn Pọm" (rule 3)
                        cut, unnamed = start, True
                    if cut is not None:
                        break
        if cut is None and e.label_ == "ORG" and e.start in titled:
            cut = _name_ending_a_titled_body(doc, e, after, in_first, surnames, glued)
        if cut is None:
            out.append(e)
        else:
            # (the name goes on after the body's last word when no rule read the words there: "Cục Công an thành phố
            # Bằng Tường Hoàng Văn" + "Phát"; up to four words; session 22)
            if after is None:
                taken = _taken(ents)
                while end < len(doc) and end not in taken and end not in in_first and doc[end].is_alpha \
                        and doc[end].is_title and sum(1 for i in range(cut, end + 1) if not glued[i]) <= 4:
                    end += 1
            out += ([] if unnamed else [Span(doc, e.start, cut, label="ORG", span_id=e.id_)]) \
                + [Span(doc, cut, end, label="PERSON")]
            if after is not None:
                dropped.add(after.start)
    return [e for e in out if not (e.label_ == "PERSON" and e.start in dropped)]


# Words a place's name follows inside a body's name: no name of a person after them ("Đồn Biên phòng Đàm Thủy", "Cục
# Công an thành phố Sùng Tả", "Đồn Biên phòng cửa khẩu Hoàng Diệu")
_PLACE_NOUNS = _LEVEL_WORDS | {"phố", "thị", "khẩu", "phòng", "cảng", "thôn", "làng", "ấp", "bản", "khu", "vực", "ủy", "uỷ"}
# Family names of the other lists a name after a titled body may start with (the Vietnamese ones are ``surnames``)
_FAMILY_CLASSES = ("pinyin_surname", "khmer_surname", "khmer_vi_surname", "korean_surname")


def _name_ending_a_titled_body(doc: Doc, e: Span, after: Span | None, in_first: set[int],
                               surnames: set[tuple[str, ...]], glued: list[bool]) -> int | None:
    """Where the name starts that the place or description of a titled body ``e`` ran on into, or None (session 21).

    A title says a name follows the body, so the body's last words may be the name: two to four capitalised words
    from a family name of any list, after a capitalised word of the place ("Đội trưởng Đội ... Công an huyện Hướng
    Hóa Tạ Gấm", "Đồn trưởng Đồn Biên phòng Na Mèo Sok Vanna": a place of two capitalised words at least before it,
    not "Công an xã Ma Ly Pho"), or from a foreign family name after two lower-case words of the description, the
    last no place's noun ("Cục trưởng Cục Quản lý xuất nhập cảnh Chen Haoran"; not "Đồn Biên phòng Đàm Thủy",
    "Huyện ủy Long Châu"), the shortest first ("Công an huyện Lâm Hà Hồ Nam" keeps "Lâm Hà"); or, before the rest of
    a name found right after the body (``after``), a hyphen-glued word that follows a place of two words ("Trưởng
    Công an huyện Xăm Tạy Khăm-phăn" + "Vông-xay"). The place keeps a word of its own, and a word a rule read (a
    province, a body) is never the name's.
    """
    starts = [i for i in range(e.start + 2, e.end) if not glued[i]]  # where a word starts
    end = e.end
    if after is not None:
        start = starts[-1] if starts else None
        if start is not None and any(t.text in ("-", "–") for t in doc[start:e.end]) and start not in in_first \
                and _is_place_word(doc[start - 1]) and _is_place_word(doc[start - 2]) and doc[start].is_title:
            return start  # (a hyphen: "Cư M'gar" + "Y Bhim Niê" keeps the commune's name)
        end = after.end  # (the rest of a name found after the body: "... Mường Khương Triệu Cẩm" + "Hạnh")
    for start in reversed(starts[-4:]):
        words = sum(1 for i in starts if i >= start) + sum(1 for i in range(e.end, end) if not glued[i])
        if not 2 <= words <= 4:
            continue
        head, before = doc[start], doc[start - 1]
        foreign = any(_class(head, c) for c in _FAMILY_CLASSES)
        if not any(i in in_first for i in range(start, e.end)) \
                and all(t.is_alpha and t.is_title or glued[t.i] for t in doc[start:e.end]) \
                and (((tone_norm(head.text),) in surnames or foreign) and _is_place_word(before)
                     and _is_place_word(doc[start - 2]) and not glued[start - 1]
                     or foreign and before.lower_ not in _PLACE_NOUNS and all(
                         t.is_lower and t.is_alpha for t in doc[start - 2:start])):
            return start
    return None


def _is_place_word(token) -> bool:
    """A capitalised word a place name may end on (no level word, "Huyện" opening a headline's place)."""
    return token.is_alpha and token.is_title and token.lower_ not in _LEVEL_WORDS


def _split_at_brackets(doc: Doc, ents: list[Span]) -> list[Span]:
    """An ORG with an abbreviation in brackets inside is two ORG around it (rule 3: the abbreviation is its own span).

    "Phòng Cảnh sát hình sự (PC02) Công an tỉnh X" → "Phòng Cảnh sát hình
    sự" and "Công an tỉnh X"; ``_bracketed_abbreviations`` then adds "PC02".
    """
    out = []
    for ent in ents:
        cut = next((i for i in range(ent.start + 1, ent.end - 3) if doc[i].text == "(" and doc[i + 2].text == ")"
                    and _ABBREVIATION.fullmatch(doc[i + 1].text)), None) if ent.label_ == "ORG" else None
        if cut is None:
            out.append(ent)
        else:
            out += [Span(doc, ent.start, cut, label="ORG"), Span(doc, cut + 3, ent.end, label="ORG")]
    return out


_UNIT_HEADS = ("_PART_UNIT", "_PART_DEPT", "_PART_SCHOOL")


def _split_shared_parent(doc: Doc, first: list[Span], ents: list[Span]) -> list[Span]:
    """Two named units of one parent are two ORG: "Phòng A và Phòng B Công an tỉnh X" → "Phòng A", "Phòng B Công an tỉnh X".

    The cut is a "và" or "," right before a unit word ("Phòng", "Đội", "Cục"),
    never one inside a descriptive name ("Phòng chống ma túy và tội phạm").
    """
    unit_starts = {e.start for e in first if e.label_ in _UNIT_HEADS}
    out = []
    for ent in ents:
        cut = next((i for i in range(ent.start + 2, ent.end - 2) if doc[i].text in ("và", ",")
                    and i + 1 in unit_starts), None) if ent.label_ == "ORG" else None
        if cut is None:
            out.append(ent)
        else:
            out += [Span(doc, ent.start, cut, label="ORG"), Span(doc, cut + 1, ent.end, label="ORG")]
    return out


# lower-case forces a body's name never ends on after "và" (session 29: "Tổng cục Cảnh sát quốc gia và cảnh sát các
# tỉnh" had been one ORG, "và cảnh sát" read as words of a descriptive name like "... và phòng, chống ...")
# (... nor goes on over one: "Tổng cục An ninh và cơ quan an ninh Campuchia"; session 30)
_FORCES_AFTER_VA = {("cảnh", "sát"), ("công", "an"), ("bộ", "đội"), ("biên", "phòng"), ("hải", "quan"), ("cơ", "quan"),
                    ("lực", "lượng")}


def _trailing_forces(doc: Doc, ents: list[Span]) -> list[Span]:
    """An ORG ends before "và" + a force in lower case, the force in general: "Tổng cục Cảnh sát quốc gia và cảnh sát
    các tỉnh" → "Tổng cục Cảnh sát quốc gia", "Tổng cục An ninh và cơ quan an ninh Campuchia" → "Tổng cục An ninh"."""
    out = []
    for ent in ents:
        if ent.label_ == "ORG" and len(ent) >= 5:
            cut = next((k for k in range(ent.start + 2, ent.end - 2) if doc[k].lower_ == "và"
                        and (doc[k + 1].text, doc[k + 2].text) in _FORCES_AFTER_VA), None)
            if cut is not None:
                ent = Span(doc, ent.start, cut, label="ORG")
        out.append(ent)
    return out


def _ambiguous_provinces_in_context(doc: Doc, first: list[Span], ents: list[Span]) -> list[Span]:
    """PROVINCE for a province whose name is also something else ("Huế", "Kep", "Kayin": ``province-ambiguous.txt``,
    a province only after a province word) where the context says it is one: a dateline, the name in capitals
    opening the document or a line before a dash ("HUẾ - Từ ngày ...") or a colon ("KIÊN GIANG: BẮT GIỮ ..."), also with
    its source in brackets before the dash ("HÀ GIANG (Báo Biên phòng) - Sáng 22/5, ..."; session 19c); another name
    in brackets right after a PROVINCE ("bang Karen (Kayin)"); the next item of a list of provinces ("các tỉnh Tà Keo (Takeo), Kep")."""
    candidates = [e for e in first if e.label_ == AMBIGUOUS_PROVINCE]
    if not candidates:
        return []
    taken = _taken(ents)
    province_ends = {e.end for e in ents if e.label_ == "PROVINCE"}
    # a bracket closed right after a PROVINCE and its other name: "Tà Keo (Takeo)" ends a province too
    province_ends |= {end + 3 for end in province_ends
                      if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")"}
    found = []
    for e in candidates:
        if any(i in taken for i in range(e.start, e.end)):
            continue
        after = doc[e.end].text if e.end < len(doc) else ""
        before = doc[e.start - 1].text if e.start else ""
        # (the sentence after a dateline is not in capitals: "HUẾ - Từ ngày ...", not the headline "NAN - THÀNH PHỐ CỔ")
        # (also at the start of a later line: a round-up of briefs, "Tin vắn.\nHÀ GIANG – ..."; session 15b)
        opens = e.start == 0 or "\n" in doc[e.start - 1].text
        dash = e.end
        if after == "(" and opens:  # (the source in brackets before the dash: "HÀ GIANG (Báo Biên phòng) - ..."; 19c)
            dash = next((j + 1 for j in range(e.end + 1, min(len(doc), e.end + 10))
                         if doc[j].text == ")" or "\n" in doc[j].text), e.end)
            dash = dash if dash > e.end and doc[dash - 1].text == ")" else e.end
        after = doc[dash].text if dash < len(doc) else ""
        dateline = opens and after in ("-", "–") and all(t.is_upper for t in e if t.is_alpha) \
            and dash + 1 < len(doc) and not doc[dash + 1].is_upper
        # (a headline's dateline in capitals before a colon: "KIÊN GIANG: BẮT GIỮ ...")
        dateline |= opens and after == ":" and all(t.is_upper for t in e if t.is_alpha)
        bracketed = before == "(" and after == ")" and e.start - 1 in province_ends
        listed = before in (",", "và") and e.start - 1 in province_ends
        if dateline or bracketed or listed:
            found.append(Span(doc, e.start, e.end, label="PROVINCE"))
            province_ends.add(e.end)
    return found


_MULTIPLIER_HASHES = frozenset(get_string_id(w) for w in ("nghìn", "ngàn", "triệu", "tỷ", "tỉ"))
# Words of a price or a sum of money within three words before the number: "với tiền công 150 triệu;", "giá 2 tỷ."
_MONEY_WORDS = {"giá", "tiền", "công", "lợi", "đoạt", "lãi", "nợ", "thường", "phạt", "chuộc", "thưởng"}


def _sums_without_their_currency(doc: Doc, ents: list[Span]) -> list[Span]:
    """QUANTITY for a sum of money whose currency is understood: a number in digits and a multiplier, after a word of
    price or money and before punctuation ("với tiền công 150 triệu;", "bán với giá 2 tỷ."; the multiplier is the
    counter, scheme rule 5). Not a count of people or a bare number ("dân số 3 triệu."). Runs at the multipliers."""
    taken = _taken(ents)
    n = len(doc)
    found = []
    for m in cues_at(doc, LOWER, _MULTIPLIER_HASHES):
        start = m - 1
        if start < 1 or not doc[start].like_num or not any(c.isdigit() for c in doc[start].text) \
                or start in taken or m in taken:
            continue
        if m + 1 < n and not (doc[m + 1].is_punct and doc[m + 1].text not in ("-", "–", "/")):
            continue
        if not any(t.lower_ in _MONEY_WORDS for t in doc[max(0, start - 3):start]):
            continue
        found.append(Span(doc, start, m + 1, label="QUANTITY"))
    return found


_CHI = get_string_id("chỉ")
_VANG = get_string_id("vàng")


def _gold_by_the_mace(doc: Doc, ents: list[Span]) -> list[Span]:
    """QUANTITY for gold counted by the mace ("chỉ", a tenth of a tael): "thu giữ 14 chỉ vàng" → "14 chỉ" (scheme rule
    5: the number and its unit). "chỉ" after a number is mostly "only" ("khóa 5 chỉ có 20 học viên"), so it counts
    only right before "vàng" (session 15b). Runs at the "chỉ" tokens."""
    lowers = row(doc, LOWER)
    found = []
    taken = None
    for k in cues_at(doc, LOWER, {_CHI}):
        if k < 1 or k + 1 >= len(doc) or lowers[k + 1] != _VANG or not doc[k - 1].like_num \
                or not any(c.isdigit() for c in doc[k - 1].text):
            continue
        taken = _taken(ents) if taken is None else taken
        if k - 1 not in taken and k not in taken:
            found.append(Span(doc, k - 1, k + 1, label="QUANTITY"))
    return found


_OUTLET_TAILS = {"Online", "online", "TV", "Plus", "Điện", "điện", "PLO"}  # "Ninh Bình Online", "X Điện tử"
_NOT_OUTLETS = {"Ảnh", "Tin", "Bài", "Video", "Clip", "Theo", "Nguồn", "Xem", "Tiếp", "Kỳ", "Phần"}  # "(Ảnh minh họa)"
# ... nor a column's or a genre's name ("(Bình luận) - Gần nửa thế kỷ ..."; session 28)
_COLUMNS = {"Bình luận", "Góc nhìn", "Phóng sự", "Ghi chép", "Hỏi đáp", "Xã luận", "Tường thuật", "Tin ảnh",
            "Chuyên đề", "Thời sự", "Trực tiếp", "Điểm tin", "Tin vắn", "Tin nhanh", "Phỏng vấn", "Chính luận"}


def _sources_opening_a_lead(doc: Doc, ents: list[Span]) -> list[Span]:
    """ORG for the outlet in brackets that opens a paragraph before a dash: "(Biên phòng) - Hà Giang: ...", "(Ninh
    Bình Online) - Tối 29/11, ..." (scheme rule 6: the source). One to four words, the first capitalised, or one
    abbreviation in capitals that is no byline's role ("(BP) -"; not "(PV) -", "(CTV) -"; session 15b), in no
    entity (the outlet's own name), or a PROVINCE and a word of `_OUTLET_TAILS` ("Online", "TV", "Điện tử"); not a
    province or a person alone, nor a word of `not_name_first` alone, nor a caption or a part ("(Ảnh minh họa)",
    "(Kỳ 2)"). Runs at the "(" tokens."""
    bracket = doc.vocab.strings["("] if "(" in doc.vocab.strings else None
    if bracket is None:
        return ents
    n = len(doc)
    starts = {e.start: e for e in ents}
    taken = None
    out = list(ents)
    for i in cues_at(doc, ORTH, {bracket}):
        if i and "\n" not in doc[i - 1].text:
            continue
        close = next((j for j in range(i + 2, min(n, i + 7)) if doc[j].text == ")"), None)
        if close is None or close + 1 >= n or doc[close + 1].text not in ("-", "–"):
            continue
        # (an outlet's abbreviation in capitals, "(BP) -" Biên phòng, as "(VOV) -"; not a byline's role, "(PV) -")
        if not (doc[i + 1].is_title or (close == i + 2 and doc[i + 1].is_upper and doc[i + 1].is_alpha
                                        and len(doc[i + 1]) >= 2 and doc[i + 1].text not in _BYLINE_ROLES)):
            continue
        inner = doc[i + 1:close]
        if not all(t.is_alpha for t in inner):
            continue
        taken = _taken(ents) if taken is None else taken
        first = starts.get(i + 1)
        if first is not None and first.label_ == "PROVINCE" and first.end < close \
                and doc[first.end].text in _OUTLET_TAILS:
            out = [e for e in out if e is not first] + [Span(doc, i + 1, close, label="ORG")]
        elif not any(j in taken for j in range(i + 1, close)) and inner[0].text not in _NOT_OUTLETS \
                and inner.text not in _COLUMNS and not (len(inner) == 1 and _class(inner[0], "not_name_first")):
            out.append(Span(doc, i + 1, close, label="ORG"))
    return out


_DISTRICT_WORDS = {"huyện", "xã", "thị", "quận", "phường", "thành", "khu"}  # ("thị trấn", "thị xã", "thành phố", "đặc khu")


def _districts_ending_on_don(doc: Doc, ents: list[Span]) -> list[Span]:
    """An ORG that names a district or commune ending on "Đồn" keeps it: "Công an huyện Chợ Đồn xử lý ..." ("Đồn"
    is never in a person's name and so stops place names before "Đồn Biên phòng X"). Only where "Đồn" is followed by
    no capitalised word, digit, "trưởng" or "biên", and the ORG's last two words are a place word and one
    capitalised word. So does a border post named by a commune ending on "Quốc" ("Đồn Biên phòng Lý Quốc"; "Quốc"
    stops place names for "Trung Quốc"): one word before it, not a country's first word (`_COUNTRY_FIRSTS`)."""
    n = len(doc)
    out = []
    for e in ents:
        if e.label_ == "ORG" and e.end + 1 <= n and e.end - e.start >= 3 and doc[e.end].text == "Đồn" \
                and doc[e.end - 2].lower_ in _DISTRICT_WORDS and doc[e.end - 1].is_title \
                and (e.end + 1 == n or not (_is_capitalised(doc[e.end + 1]) or doc[e.end + 1].is_digit
                                            or doc[e.end + 1].lower_ in ("trưởng", "biên"))):
            e = Span(doc, e.start, e.end + 1, label="ORG")
        elif e.label_ == "ORG" and e.end + 1 <= n and e.end - e.start >= 4 and doc[e.end].text == "Quốc" \
                and (doc[e.start].text, doc[e.start + 1].text, doc[e.start + 2].lower_) == ("Đồn", "Biên", "phòng") \
                and e.end - e.start == 4 and doc[e.end - 1].is_title and doc[e.end - 1].text not in _COUNTRY_FIRSTS \
                and (e.end + 1 == n or not (_is_capitalised(doc[e.end + 1]) or doc[e.end + 1].is_digit
                                            or doc[e.end + 1].lower_ in _QUOC_WORDS)):
            e = Span(doc, e.start, e.end + 1, label="ORG")  # a post named by a commune ending on "Quốc": "Lý Quốc"
        out.append(e)
    return out


# Words after "Quốc" in common compounds ("Quốc lộ", "Quốc tế", "Quốc gia")
_QUOC_WORDS = {"lộ", "tế", "gia", "phòng", "hội", "khánh", "tịch", "ca", "kỳ", "dân", "huy", "hiệu", "doanh", "lập"}
# First words of countries ending on "Quốc" ("Trung Quốc", "Hàn Quốc", "Vương quốc"), and other words before it
_COUNTRY_FIRSTS = {"Trung", "Hàn", "Vương", "Mỹ", "Anh", "Pháp", "Đức", "Liên", "Tổ", "Ái", "Hợp", "Đế", "Cường",
                   "Toàn", "Quân", "Ngoại", "Trị", "Yêu", "Cứu", "Kiến", "Hưng", "Cử", "Vệ"}


# The second halves of ministries' names (two syllables), as "Bộ" + half is a unique national body (scheme rule 3)
_MINISTRY_HALVES = frozenset(("Quốc phòng", "Ngoại giao", "Tư pháp", "Y tế", "Tài chính", "Nội vụ", "Xây dựng",
                              "Công Thương", "Công an", "An ninh"))


def _ministries_before_a_verb(doc: Doc, first: list[Span], ents: list[Span]) -> list[Span]:
    """A ministry whose name a department's description ran on from, into the verb after it ("Bộ Quốc phòng hỗ trợ",
    "Bộ Y tế bảo vệ": the description "Quốc phòng hỗ trợ" is longer than the ministry and took its place); so the
    parliament ("Quốc hội thông qua": "Quốc hội thông" read as a description; session 16b).
    (Tests: tests/model/test_ruler.py, test_session_10b_ministries_before_a_verb.)
    """
    taken = _taken(ents)
    found = []
    for e in first:
        start = e.start
        if (e.label_ == "_PART_DESC" and start > 0 and e.end - start > 2 and doc[start - 1].text == "Bộ"
                and f"{doc[start].text} {doc[start + 1].text}" in _MINISTRY_HALVES
                and not taken.intersection(range(start - 1, e.end))):
            found.append(Span(doc, start - 1, start + 2, label="ORG", span_id="NAT"))
        # the parliament, a unique national body (rule 3), read into a description: "do Quốc hội thông qua"
        elif (e.label_ == "_PART_DESC" and e.end - start > 2 and doc[start].text == "Quốc" and doc[start + 1].text == "hội"
              and not taken.intersection(range(start, e.end))):
            found.append(Span(doc, start, start + 2, label="ORG", span_id="NAT"))
    return ents + found if found else ents


# Place words whose plural opens a list of districts, communes or villages: "các huyện A, B và C", "các thị xã ..."
_LISTED_PLACES = {("huyện",), ("xã",), ("bản",), ("thị", "xã"), ("thị", "trấn"), ("phường",), ("quận",), ("thôn",),
                  ("làng",), ("buôn",), ("ấp",), ("đặc", "khu"),
                  # (border posts and rivers named by their places: "các đồn biên phòng Móng Cái, Ka Long, Hải Sơn",
                  # "các sông Bắc Luân, Ka Long"; session 30)
                  ("đồn",), ("đồn", "biên", "phòng"), ("sông",)}
_LISTED_PLACES_LONGEST_FIRST = sorted(_LISTED_PLACES, key=len, reverse=True)
_LISTED_PLACE_HEADS = frozenset(get_string_id(w[0]) for w in _LISTED_PLACES)
_PLACES_COUNTED = {"các", "những", "hai", "ba", "bốn", "năm", "sáu", "bảy"}
_NO_PLACE_LABELS = ("PROVINCE", AMBIGUOUS_PROVINCE)


def _listed_places(doc: Doc, first: list[Span], glued: list[bool]) -> set[int]:
    """The tokens of the items of a list of districts, communes, villages, special zones, border posts or rivers: "các
    huyện Nậm Pồ, Mường Chà và Điện Biên", "Công an các huyện Xốp Bâu, Khăm, Viêng Thòng của tỉnh Hủa Phăn", "3 xã A,
    B, C" (rule 4: no PROVINCE, and no PERSON, though a district shares a province's name or looks like a name).

    After "các", "những", a number word or digits and a place word of ``_LISTED_PLACES``, each item is a run of
    capitalised (or hyphen-glued) words, the items split by "," or "và"; the list ends at anything else (a lower-case
    word: "của tỉnh X"; ";", "."), and at a word a first-pass rule read as something other than a province (a rank: "các
    huyện A, B; Thượng tá ..."). Runs at the counting words only.
    """
    found: set[int] = set()
    n = len(doc)
    heads = cues_at(doc, LOWER, _LISTED_PLACE_HEADS)
    read = None
    for i in (h - 1 for h in heads if h > 0):
        if not (doc[i].lower_ in _PLACES_COUNTED or doc[i].is_digit) or i + 2 >= n:
            continue
        if read is None:
            read = {j for e in first if e.label_ not in _NO_PLACE_LABELS for j in range(e.start, e.end)}
        k = next((i + 1 + len(w) for w in _LISTED_PLACES_LONGEST_FIRST
                  if tuple(t.lower_ for t in doc[i + 1:i + 1 + len(w)]) == w), None)
        if k is None:
            continue
        # (... the border ones too: "các huyện biên giới Mường Nhé, Nậm Pồ, Điện Biên"; session 30)
        # (... and the coastal ones, session 31: "các huyện ven biển Trần Văn Thời, U Minh, Ngọc Hiển")
        if k + 1 < n and (doc[k].lower_, doc[k + 1].lower_) in (("biên", "giới"), ("ven", "biển")):
            k += 2
        if k < n and doc[k].text == ":":
            k += 1
        while k < n:
            end = k
            while end < n and end not in read and (_is_capitalised(doc[end]) or (end > k and glued[end])):
                end += 1
            if end == k:
                break
            found.update(range(k, end))
            # (an item's province in brackets does not end the list: "các đặc khu Cô Tô, Vân Đồn (Quảng Ninh) và Bạch
            # Long Vĩ, Cát Hải (Hải Phòng)"; session 29)
            if end < n and doc[end].text == "(":
                close = next((j for j in range(end + 1, min(n, end + 6)) if doc[j].text == ")"), None)
                if close is not None and close > end + 1 and all(_is_capitalised(doc[j]) for j in range(end + 1, close)):
                    end = close + 1
            if end + 1 < n and doc[end].text in (",", "và") and _is_capitalised(doc[end + 1]):
                k = end + 1
            else:
                break
    return found


# Commas inside a task's name: "phòng, chống", "tuần tra, kiểm soát"
_COMMA_IN_A_TASK = {("phòng", "chống"), ("tra", "kiểm")}


def _teams_of_a_post(doc: Doc, first: list[Span], ents: list[Span]) -> list[Span]:
    """A team of a border post named by its task in lower case, with the post, is one ORG (rule 2, outermost span;
    as "Đội Cảnh sát điều tra tội phạm về ma túy Công an huyện X"): "Đội vận động quần chúng Đồn Biên phòng Ia Lốp",
    "Đội trinh sát Đồn Biên phòng Na Mèo", "Đội tuần tra kiểm soát ...", "Đội phòng, chống ma túy và tội phạm ...".

    The ORG of the post (starting with a first-pass ``_PART_POST``) takes "Đội" and the words before it, all
    lower-case words of descriptive names (class ``org_word``, and "tuần" of "tuần tra"), a comma only inside "phòng,
    chống" and "tuần tra, kiểm soát". Runs at the border posts' ORG spans only.
    """
    posts = {e.start for e in first if e.label_ == "_PART_POST"}
    if not posts:
        return ents
    taken = _taken(ents)
    out = []
    for e in ents:
        if e.label_ == "ORG" and e.start in posts:
            k = e.start
            while k > 0 and e.start - k < 10 and k - 1 not in taken and (
                    (doc[k - 1].is_lower and (_class(doc[k - 1], "org_word") or doc[k - 1].lower_ == "tuần"))
                    or (doc[k - 1].text == "," and k > 1 and (doc[k - 2].lower_, doc[k].lower_) in _COMMA_IN_A_TASK)):
                k -= 1
            if k < e.start and k > 0 and doc[k - 1].text == "Đội" and k - 1 not in taken and doc[k].text != ",":
                e = Span(doc, k - 1, e.end, label="ORG")
        out.append(e)
    return out


# Words of class ``not_place`` that end a post's name before a lower-case word too ("Đồn Biên phòng Phước Chỉ phối
# hợp"), but not before the second syllables of their compounds ("Chỉ huy", "Chỉ đạo"; "Quốc lộ": "Đồn Biên phòng Na
# Quốc lộ 4"); the other words of the class end it only before punctuation or a line's end
_ENDS_BEFORE_A_VERB = {"Chỉ": {"huy", "đạo", "thị", "tiêu", "định", "dẫn", "số"}, "Quốc": _QUOC_WORDS}


def _posts_ending_on_a_common_word(doc: Doc, first: list[Span], ents: list[Span]) -> list[Span]:
    """A border post's name may end on a capitalised word that opens common phrases (class ``not_place``: "Chỉ" of
    "Chỉ huy", "Chỉ đạo"), which the place shapes stop before (rule 3, the whole name of the post): "Đồn Biên phòng
    Phước Chỉ, Đồn Biên phòng Thầu Giáo ..." had "Đồn Biên phòng Phước"; "Ngọc Sơn (Đồn Biên phòng Phước Chỉ)".

    The ORG of the post (starting with a first-pass ``_PART_POST``, with a place word after it) takes the word right
    after it when the word is in no first-pass span (a title "Chỉ huy trưởng", a country, a body word are) and ends the
    phrase: punctuation or a line's or the text's end follow it, never a capitalised word or a number ("... Phước Chỉ
    Ngày 5/3", "... Nậm Cắn Trung tá ..."); a lower-case word only after the words of ``_ENDS_BEFORE_A_VERB`` and
    not the second syllable of their compounds ("... Phước Chỉ phối hợp", not "... Na Quốc lộ 4"). Runs at the
    border posts' ORG spans only.
    """
    posts = {e.start: e.end for e in first if e.label_ == "_PART_POST"}
    if not posts:
        return ents
    taken, out = None, []
    for e in ents:
        k = e.end
        if e.label_ == "ORG" and e.start in posts and posts[e.start] < k < len(doc) \
                and doc[k].is_title and doc[k].is_alpha and _class(doc[k], "not_place") \
                and (k + 1 == len(doc) or doc[k + 1].is_punct or doc[k + 1].is_space
                     or (doc[k + 1].is_alpha and doc[k + 1].is_lower and doc[k].text in _ENDS_BEFORE_A_VERB
                         and doc[k + 1].lower_ not in _ENDS_BEFORE_A_VERB[doc[k].text])):
            taken = _taken(ents) | _taken(first) if taken is None else taken
            if k not in taken:
                e = Span(doc, e.start, k + 1, label="ORG")
        out.append(e)
    return out


# Tone marks (grave, acute, tilde, hook, dot below); the vowel marks of "ă", "â", "ê", "ô", "ơ", "ư" stay
_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))


def toneless_key(text: str) -> str:
    """``text`` lower-case, without tone marks, hyphens read as spaces, "ê" read as "e" and a syllable's initial "s"
    as "x": the key that spellings of a transliterated name differing in one syllable's tone, in "Khét"/"Khệt" or in
    "Sa"/"Xa" share (the neighbours' names have no Vietnamese s/x or e/ê distinction to keep; session 18d).

    >>> toneless_key("Sa Vằn Na Khệt") == toneless_key("Xa-vẳn-na-khét") == "xa văn na khet"
    True
    """
    text = unicodedata.normalize("NFD", text).translate(_TONE_MARKS)
    words = unicodedata.normalize("NFC", text).lower().replace("-", " ").replace("ê", "e").split()
    return " ".join("x" + w[1:] if w[0] == "s" else w for w in words)


def toneless_provinces(names: list[str]) -> frozenset[str]:
    """The toneless keys (``toneless_key``) of the names of two words or more among ``names``."""
    return frozenset(k for k in map(toneless_key, names) if " " in k)


@functools.lru_cache(maxsize=8)
def _first_syllables(keys: frozenset[str]) -> tuple[frozenset[str], dict[int, bool]]:
    """The first syllables of ``keys``, and a cache: whether a word (by its LOWER hash) is one without its tone."""
    return frozenset(k.split(" ", 1)[0] for k in keys), {}


_TINH = get_string_id("tỉnh")
_LISTING = {",", "và"}
# First-pass helpers that make the chain of a body named by its province: "Công an", "Sở Công an", "Phòng PC04 Công an"
_BODY_ENDS = ("_PART_BODY", "_PART_LBODY")
_CHAIN = ("_PART_BODY", "_PART_LBODY", "_PART_UNIT", "_PART_DEPT", "_PART_SCHOOL", "_PART_DESC", "_PART_CODE")


def _provinces_in_another_tone(doc: Doc, first: list[Span], ents: list[Span], glued: list[bool],
                               keys: frozenset[str]) -> tuple[list[Span], set[int]]:
    """A neighbour's province written with another tone on a syllable is that province (rule 4, a province in every
    spelling): "tỉnh Hủa Phằn" ("Hủa Phăn"), "Công an tỉnh Sa Vằn Na Khệt" ("Sa Vẳn Na Khệt") → ORG.

    Vietnamese papers transliterate Lao, Cambodian, Thai and Burmese names with varying tones. Two to six
    capitalised words (or a hyphen-glued word of two syllables or more) in no entity, whose toneless key
    (``toneless_key``) is a name of two words or more of those lists (``keys``), only where a province is expected:
    right after "tỉnh" or after a PROVINCE and "," or "và" (a list). After "tỉnh" and a body's chain of first-pass
    helpers ("Công an", "Sở Công an", "Cảnh sát", "Phòng PC04 Công an") the body and the province are one ORG (rule 2).
    Never one word ("ông Phăn"), never a Vietnamese name (its tones are meaningful: "Hà Nam" is no "Hà Năm"; the
    keys hold none, a test checks). Runs at the "tỉnh" tokens and after the PROVINCE spans only. Returns the entities
    and the positions read.
    """
    if not keys:
        return ents, set()
    lower = column(doc, LOWER)
    starts = {i + 1 for i in np.flatnonzero(lower[:-1] == _TINH).tolist()}
    starts |= {e.end + 1 for e in ents if e.label_ == "PROVINCE" and e.end + 1 < len(doc) and doc[e.end].text in _LISTING}
    # (a name's first syllable without its tone first: most words after "tỉnh" are Vietnamese provinces)
    firsts, known = _first_syllables(keys)
    for word in {int(lower[j]) for j in starts} - known.keys():
        known[word] = toneless_key(doc.vocab.strings[word]) in firsts
    starts = {j for j in starts if known[int(lower[j])]}
    if not starts:
        return ents, set()
    taken, found, read = _taken(ents), [], set()
    ends = {e.end: e for e in first if e.label_ in _CHAIN}
    todo = sorted(starts)
    while todo:
        j = todo.pop(0)
        k, words = j, 0
        while k < len(doc) and k not in taken and words < 6 and (glued[k] or (doc[k].is_alpha and doc[k].is_title)):
            words += not glued[k]
            k += 1
        for end in range(k, j + 1, -1):
            if (end < len(doc) and glued[end]) or toneless_key(doc[j:end].text) not in keys:
                continue
            start, label = j, "PROVINCE"
            if doc[j - 1].lower_ == "tỉnh" and j - 1 in ends and (ends[j - 1].label_ in _BODY_ENDS or doc[ends[
                    j - 1].start].text in ("Cảnh", "An")):
                start, label = ends[j - 1].start, "ORG"
                while start in ends and ends[start].start < start:
                    start = ends[start].start
                if any(i in taken for i in range(start, j)):
                    start, label = j, "PROVINCE"
            found.append(Span(doc, start, end, label=label))
            taken.update(range(start, end))
            read.update(range(start, end))
            if end + 1 < len(doc) and doc[end].text in _LISTING:
                todo.append(end + 1)
            break
    return ents + found, read


# Villages (rule 4; rule 1: no person either): "bản Na Hiêng", "Trưởng bản Huổi Khăm", "cặp bản kết nghĩa A – B",
# "lối mở Huổi Khăm". Words between the cue and the name: "bản kết nghĩa Na Hiêng".
# The other words of a village count after its head's title only (session 19a): "trưởng thôn Nà Pồ", "trưởng ấp Tân Hòa"
_VILLAGE_CUES = {get_string_id("bản"): None, get_string_id("mở"): "lối",
                 **{get_string_id(w): "trưởng" for w in ("thôn", "ấp", "buôn", "làng", "xóm", "bon", "sóc", "phum")}}
_VILLAGE_BETWEEN = ("kết", "nghĩa")
# What joins the two villages of a pair: "Na Hiêng – Huổi Khăm", "Na Hiêng (Việt Nam) – Huổi Khăm (Lào)"
_VILLAGE_PAIR = {"–", "-", "—", "với"}
# Words that "bản" ends ("văn bản", "kịch bản", "Nhật Bản"): no village after them
_BAN_COMPOUNDS = {"văn", "cơ", "phiên", "biên", "căn", "nguyên", "kịch", "tái", "xuất", "tư", "ấn", "nhật", "mẫu",
                  "dị", "bổn", "hồ", "điển", "chính", "cổ"}


def _villages(doc: Doc, glued: list[bool], surnames: set[tuple[str, ...]]
              ) -> tuple[set[int], set[str], list[tuple[int, int]]]:
    """The tokens of villages' names after "bản" ("Trưởng bản", "cặp bản kết nghĩa") and "lối mở", and the names;
    and the names of the villages' heads that follow them.

    A village's name is one to four capitalised (or hyphen-glued) words right after the cue; the second village of a
    pair after "–" or "với" (an optional bracket between: "Na Hiêng (Việt Nam) – Huổi Khăm (Lào)") is one too. A full
    Vietnamese name (a family name of the lists, then a middle name: "già bản Lò Văn Pọm") is a person, no village.
    "bản" in lower case before a lower-case word ("ký bản ghi nhớ") names nothing. After a head's title ("trưởng bản",
    "trưởng thôn", "trưởng ấp" ...; session 19a) the village's name stops where a name of two to four words from a
    family name of the lists ends the run: that is the head (rule 1; the village is not annotated): "trưởng bản Huổi
    Lếch Vàng A Dế" → (start, end) of "Vàng A Dế". Runs at the cue words only.
    """
    found: set[int] = set()
    names: set[str] = set()
    heads: list[tuple[int, int]] = []
    lowers = column(doc, LOWER)
    n = len(doc)
    for i in cues_at(doc, LOWER, _VILLAGE_CUES.keys()):
        before = _VILLAGE_CUES[int(lowers[i])]
        if before is not None and (i == 0 or doc[i - 1].lower_ != before):
            continue
        if before is None and i > 0 and (doc[i - 1].lower_ in _BAN_COMPOUNDS or (doc[i].text == "Bản" and doc[i - 1].is_alpha)):
            continue
        k = i + 1
        if tuple(t.lower_ for t in doc[k:k + 2]) == _VILLAGE_BETWEEN:
            k += 2
        for _pair in range(2):
            end = k
            while end < n and (end - k < 8 or glued[end]) and (_is_capitalised(doc[end]) or (end > k and glued[end])):
                end += 1
            head = _village_head(doc, k, end, glued, surnames) if i and doc[i - 1].lower_ == "trưởng" else None
            if head is not None:
                heads.append((head, end))
                end = head
            words = [doc[j].text for j in range(k, end) if not glued[j]]
            if not 1 <= len(words) <= 4 or (len(words) >= 3 and (tone_norm(words[0]),) in surnames
                                            and (_class(doc[k + 1], "middle_name") or words[1] == "A")):
                break
            found.update(range(k, end))
            names.add(doc[k:end].text)
            if end < n and doc[end].text == "(":  # "(Việt Nam)"
                close = next((j for j in range(end + 1, min(end + 6, n)) if doc[j].text == ")"), None)
                end = close + 1 if close is not None else end
            if end + 1 < n and doc[end].text in _VILLAGE_PAIR and head is None:
                k = end + 1
            else:
                break
    return found, names, heads


def _village_head(doc: Doc, k: int, end: int, glued: list[bool], surnames: set[tuple[str, ...]]) -> int | None:
    """Where the name of a village's head starts inside the capitalised run ``doc[k:end]`` after "trưởng bản": the first
    word after the village's first that is a family name of the lists and leaves two to four words to the run's end
    (a middle name of class ``middle_name`` or "A" after it preferred: "Nà Pồ Hoàng Văn Thịnh"); ``k`` when the run
    is such a name alone, from a family name and a middle name ("trưởng thôn Hoàng Văn Thịnh"); None when there is
    none ("trưởng bản Huổi Lếch cho biết")."""
    if (tone_norm(doc[k].text),) in surnames and k + 1 < end and (_class(doc[k + 1], "middle_name")
                                                                  or doc[k + 1].text == "A"):
        return k if 2 <= sum(1 for m in range(k, end) if not glued[m]) <= 4 else None  # the head's name alone: "Trưởng
        # thôn Hoàng Văn Thịnh cho biết", "Trưởng bản Lò Văn Pọm"
    starts = [j for j in range(k + 1, end) if not glued[j]]
    best = None
    for j in starts:
        if (tone_norm(doc[j].text),) not in surnames or _class(doc[j], "middle_name") \
                or not 2 <= sum(1 for m in range(j, end) if not glued[m]) <= 4:
            continue
        if j + 1 < end and (_class(doc[j + 1], "middle_name") or doc[j + 1].text == "A"):
            return j
        best = j if best is None else best
    return best


def _village_heads(doc: Doc, ents: list[Span], heads: list[tuple[int, int]]) -> list[Span]:
    """``ents`` with a PERSON over each village head's name of ``_villages`` (rule 1), in place of what overlapped it
    ("Huổi Lếch Vàng A Dế" read by the cue's shape)."""
    return _replaced_by(ents, [Span(doc, start, end, label="PERSON") for start, end in heads])


# Heads before a neighbour's provincial body that are part of its name: Cambodia's provincial departments, "Ty Công an
# tỉnh Kra Chê", "Ty Cảnh sát tỉnh Svay Rieng"
_PROVINCIAL_HEADS = {"Ty"}
_HEADED_BODIES = {"Công", "Cảnh"}


def _provincial_heads(doc: Doc, ents: list[Span]) -> list[Span]:
    """An ORG of a body named by its province ("Công an tỉnh Môn Đun Ki Ri") right after "Ty" takes it (rule 2,
    outermost span): "Ty Công an tỉnh Môn Đun Ki Ri". Runs at the ORG spans only."""
    heads = [e for e in ents if e.label_ == "ORG" and e.start > 0 and doc[e.start - 1].text in _PROVINCIAL_HEADS
             and doc[e.start].text in _HEADED_BODIES]
    if not heads:
        return ents
    taken = _taken(ents)
    out = []
    for e in ents:
        if e in heads and e.start - 1 not in taken:
            e = Span(doc, e.start - 1, e.end, label="ORG", span_id=e.id_)
        out.append(e)
    return out


# The regional and national universities whose member schools are named "Trường Đại học X, Đại học Huế"
_UNIVERSITIES_OF_SCHOOLS = {tuple(w.split()) for w in (
    "Đại học Huế", "Đại học Đà Nẵng", "Đại học Thái Nguyên", "Đại học Quốc gia Hà Nội", "Đại học Quốc gia TP Hồ Chí Minh",
    "Đại học Quốc gia TP. Hồ Chí Minh", "Đại học Quốc gia Thành phố Hồ Chí Minh", "Đại học Quốc gia thành phố Hồ Chí Minh",
    "ĐHQG Hà Nội", "ĐHQG TP Hồ Chí Minh", "Đại học Quốc gia TPHCM", "Đại học Quốc gia TP HCM")}


def _member_schools(doc: Doc, first: list[Span], ents: list[Span]) -> list[Span]:
    """The ORG of a university's member school ("Trường Đại học Luật") and, after its comma, the ORG of its regional
    or national university ("Đại học Huế") are one ORG (rule 2, outermost span): "Trường Đại học Luật, Đại học Huế".
    Only the universities of ``_UNIVERSITIES_OF_SCHOOLS``, and not after a school named by its own place ("Trường Đại
    học Luật Hà Nội, Đại học Huế" are two). Runs at the ORG spans only; session 16c."""
    orgs = {e.start: e for e in ents if e.label_ == "ORG"}
    if not orgs:
        return ents
    placed = {p.end for p in first if p.label_ == "PROVINCE"}
    joined = {}
    for e in orgs.values():
        nxt = orgs.get(e.end + 1)
        if nxt is not None and doc[e.end].text == "," and doc[e.start].text == "Trường" and e.end - e.start > 3 \
                and doc[e.start + 1].text == "Đại" and doc[e.start + 2].lower_ == "học" \
                and e.end not in placed and tuple(t.text for t in nxt) in _UNIVERSITIES_OF_SCHOOLS:
            joined[e.start] = nxt
    if not joined:
        return ents
    dropped = {id(n) for n in joined.values()}
    return [Span(doc, e.start, joined[e.start].end, label="ORG", span_id=e.id_) if e.label_ == "ORG"
            and e.start in joined else e for e in ents if id(e) not in dropped]


# Military units numbered inside their parent: "Đại đội 5 Công an vũ trang Vĩnh Linh", "Tiểu đoàn 3 ..."
_NUMBERED_UNITS = {("Đại", "đội"), ("Tiểu", "đoàn"), ("Trung", "đoàn"), ("Sư", "đoàn"), ("Lữ", "đoàn"), ("Hải", "đội"),
                   ("Trung", "đội"), ("Tiểu", "đội")}
_UNIT_NUMBER = re.compile(r"\d{1,3}")


_SENTENCE_OPENS = {".", "!", "?", ":", ";", "“", '"', "(", "-", "–"}


def _names_numbered_before_the_verb_to_hold(doc: Doc, ents: list[Span]) -> list[Span]:
    """No QUANTITY "N tổ chức" where the number ends a name and "tổ chức" is the verb: "Đoàn 871 tổ chức khám bệnh",
    "lần thứ 5 Bệnh viện 199 tổ chức" (session 31). The name is a capitalised word after a word (not a sentence's
    first: "Có 15 tổ chức tham gia"), or a body's two words."""
    def named(i: int) -> bool:
        if i < 2 or not doc[i - 1].is_alpha:
            return False
        if doc[i - 1].is_title:
            return doc[i - 2].text not in _SENTENCE_OPENS and not doc[i - 2].is_space
        return doc[i - 1].lower_ in ("viện", "đoàn", "đội", "cục", "tâm") and doc[i - 2].is_title
    return [e for e in ents if not (e.label_ == "QUANTITY" and len(e) == 3 and doc[e.start + 1].lower_ == "tổ"
                                    and doc[e.start + 2].lower_ == "chức" and named(e.start))]


def _numbered_units_of_a_body(doc: Doc, ents: list[Span]) -> list[Span]:
    """A military unit and its number right before the ORG of a named body is one ORG with it (rule 2, outermost, as
    "Đội ... Công an tỉnh X"): "Đại đội 5 Công an vũ trang Vĩnh Linh". Runs at the ORG spans only."""
    heads = [e for e in ents if e.label_ == "ORG" and e.start > 2 and _UNIT_NUMBER.fullmatch(doc[e.start - 1].text)
             and (doc[e.start - 3].text, doc[e.start - 2].text) in _NUMBERED_UNITS]
    if not heads:
        return ents
    taken = _taken(ents)
    return [Span(doc, e.start - 3, e.end, label="ORG", span_id=e.id_)
            if e in heads and not taken.intersection(range(e.start - 3, e.start)) else e for e in ents]


# The armed police of 1959-1979 ("Công an nhân dân vũ trang"), a force of the provinces named by its place
_ARMED = get_string_id("vũ")
_ARMED_LEVELS = {("tỉnh",), ("huyện",), ("thành", "phố"), ("thị", "xã"), ("khu", "vực")}


def _armed_police_by_place(doc: Doc, ents: list[Span]) -> list[Span]:
    """ORG for the armed police of 1959-1979 named by its place (rule 3), with its post ("Đồn") before it (rule 2,
    outermost): "Công an nhân dân vũ trang tỉnh Quảng Bình", "Công an vũ trang Vĩnh Linh", "Đồn Công an vũ trang Cửa
    Việt". "Công an (nhân dân) vũ trang", then perhaps a level word, then capitalised words; the entities over them
    (the national "Công an nhân dân", the PROVINCE) give way. Runs at the word "vũ" only."""
    lowers = column(doc, LOWER)
    hits = (lowers == _ARMED).nonzero()[0].tolist()
    if not hits:
        return ents
    n = len(doc)
    found = []
    for i in hits:
        if i + 2 >= n or doc[i + 1].lower_ != "trang" or i < 2:
            continue
        start = i - 2 if doc[i - 2].text == "Công" and doc[i - 1].text == "an" else \
            i - 4 if i >= 4 and doc[i - 4].text == "Công" and doc[i - 3].text == "an" and doc[i - 2].lower_ == "nhân" \
            and doc[i - 1].lower_ == "dân" else None
        if start is None:
            continue
        if start > 0 and doc[start - 1].text == "Đồn":
            start -= 1
        k = i + 2
        level = next((w for w in _ARMED_LEVELS if tuple(t.text for t in doc[k:k + len(w)]) == w), ())
        k += len(level)
        end = k
        while end < n and end - k < 4 and doc[end].is_alpha and doc[end].is_title:
            end += 1
        if end > k:
            found.append(Span(doc, start, end, label="ORG"))
    return _replaced_by(ents, found)


_NHANH = get_string_id("nhánh")
# Words of a district, commune or city before its name, after "chi nhánh": "chi nhánh huyện Văn Bàn", "chi nhánh thị
# xã Sa Pa", "chi nhánh TP Vinh"
_LOCAL_WORDS = {("huyện",), ("quận",), ("xã",), ("phường",), ("thị", "xã"), ("thị", "trấn"), ("thành", "phố"), ("tp",),
                ("tp.",)}


def _branches_of_a_body(doc: Doc, ents: list[Span], glued: list[bool]) -> list[Span]:
    """A named body's branch in a province, city or district is one ORG with it (rule 2, outermost; rule 3, it holds a
    place's name): "Ngân hàng Nhà nước chi nhánh tỉnh Lạng Sơn", "Ngân hàng Agribank chi nhánh huyện Văn Bàn",
    "Công ty TNHH Hải Long chi nhánh Hà Nội" (session 16a).

    "chi nhánh" right after an ORG, then a PROVINCE (perhaps after "tỉnh", "thành phố", "TP"), or a district's,
    commune's or city's word and its name of one to four capitalised words, hyphen-glued ones too ("quận 3" too). "ngân hàng chi nhánh
    tỉnh X" names no body (the PROVINCE stays). Runs at the "nhánh" tokens only."""
    hits = cues_at(doc, LOWER, {_NHANH})
    if not hits:
        return ents
    n = len(doc)
    org_ends = {e.end: e for e in ents if e.label_ == "ORG"}
    provinces = {e.start: e.end for e in ents if e.label_ == "PROVINCE"}
    others = {i for e in ents if e.label_ != "PROVINCE" for i in range(e.start, e.end)}
    branches = []
    for i in hits:
        org = org_ends.get(i - 1)
        if org is None or doc[i - 1].lower_ != "chi" or i + 1 >= n:
            continue
        j, end = i + 1, None
        if doc[j].lower_ in ("tỉnh", "tp", "tp.") and j + 1 in provinces:
            end = provinces[j + 1]
        elif j in provinces:
            end = provinces[j]
        else:
            local = next((w for w in sorted(_LOCAL_WORDS, key=len, reverse=True)
                          if tuple(t.lower_ for t in doc[j:j + len(w)]) == w), None)
            if local is None:
                continue
            k = j + len(local)
            if k in provinces:  # "thành phố Hà Nội"; "huyện Điện Biên"
                end = provinces[k]
            elif k < n and doc[k].is_digit and local in (("quận",), ("phường",)):  # "quận 3"
                end = k + 1
            else:
                end = k
                while end < n and (end - k < 8 or glued[end]) and end not in others and (
                        glued[end] or (doc[end].is_alpha and doc[end].is_title)):
                    end += 1
                if not 1 <= sum(1 for m in range(k, end) if not glued[m]) <= 4:
                    continue
        branches.append(Span(doc, org.start, end, label="ORG"))
    return _replaced_by(ents, branches)


# ------------------------------------------------------------------ session 17a
# The body of a named body, before its ORG (rule 2, outermost span): its office, its women's union, its trade union
# ("Văn phòng Bộ Công an" inside the title "Chánh Văn phòng", which the patterns keep whole as a title), as NORM hashes
_BODIES_OF_A_BODY = sorted({tuple(get_string_id(word) for word in tone_norm(w).split()) for w in (
    "Văn phòng", "Hội Phụ nữ", "Hội phụ nữ", "Công đoàn", "Hội Cựu chiến binh", "Hội Liên hiệp Phụ nữ",
    # (session 27: "Đoàn Thanh niên Cộng sản Cục Công an thành phố Sùng Tả")
    "Đoàn Thanh niên Cộng sản", "Đoàn Thanh niên",
    # (session 28: "Hội đồng Thẩm phán Tòa án nhân dân tối cao", "Ban Thường vụ Tỉnh đoàn Lào Cai", "Chi đoàn Công an
    # thành phố Lào Cai", "Chi bộ Phòng An ninh đối ngoại Công an tỉnh X", as "Đảng ủy Công an tỉnh X")
    "Hội đồng Thẩm phán", "Ban Thường vụ", "Chi đoàn", "Chi bộ",
    # (a neighbour's command over its force: "Bộ Chỉ huy Cảnh sát biên giới tỉnh Mondulkiri"; a force's party
    # committee: "Đảng ủy Bộ đội Biên phòng")
    "Bộ Chỉ huy", "Đảng ủy", "Đảng bộ")},
    key=len, reverse=True)


def _bodies_of_a_body(doc: Doc, ents: list[Span]) -> list[Span]:
    """An office, association or union right before the ORG of a named body is one ORG with it (rule 2, outermost):
    "Chánh Văn phòng Bộ Công an" → ORG "Văn phòng Bộ Công an", "Hội Phụ nữ Công an tỉnh Nghệ An", "Công đoàn Công an
    tỉnh Sơn La" (the title before it stays out, rule 1). Without a named body after it nothing ("Chánh Văn phòng cho
    biết", "Hội Phụ nữ Bộ Chỉ huy Bộ đội Biên phòng tỉnh"). Runs at the ORG spans only; session 17a."""
    orgs = [e for e in ents if e.label_ == "ORG" and e.start >= 2]
    if not orgs:
        return ents
    taken = _taken(ents)
    norms = row(doc, NORM)
    grown = {}
    for e in orgs:
        for head in _BODIES_OF_A_BODY:
            s = e.start - len(head)
            if s >= 0 and tuple(norms[s:e.start]) == head and not taken.intersection(range(s, e.start)):
                grown[id(e)] = Span(doc, s, e.end, label="ORG", span_id=e.id_)
                break
    if not grown:
        return ents
    return [grown.get(id(e), e) for e in ents]


# The field of a school's name, a capitalised syllable and lower-case ones ("Trường Đại học Sư phạm Hà Nội", "Trường
# Đại học Hoàng gia Phnôm Pênh"): the patterns end a school's name before a lower-case word. A field before more of
# the name needs no list (a word of class ``org_word``: "Trường Đại học Công nghệ Thông tin"); these may also end it
# ("Trường Đại học Sư phạm tổ chức"), and so may the fixed compounds of names ("Kinh tế Quốc dân"; session 18b)
_SCHOOL_FIELDS = sorted({tuple(tone_norm(w).split()) for w in (
    "Sư phạm", "Hoàng gia", "Kỹ thuật", "Kinh tế", "Y tế", "Khoa học", "Nông nghiệp", "Công nghiệp", "Lâm nghiệp",
    "Ngoại thương", "Bách khoa", "Mỹ thuật", "Kiến trúc", "Ngoại ngữ", "Văn hóa", "Thương mại", "Tài chính",
    "Giao thông", "Xây dựng", "Thủy lợi", "Nội vụ", "Công đoàn", "Nghệ thuật", "Thể dục", "Quốc gia", "Công nghệ",
    "Điện lực", "Hàng hải",
    # (session 18b)
    "Quốc dân", "Y dược", "Nông lâm", "Thủy sản", "Kinh doanh", "Giao thông vận tải", "Thể dục thể thao",
    "Lao động", "Ngân hàng", "Tư pháp", "Chính trị", "Hành chính", "Dân tộc", "Sân khấu", "Điện ảnh", "Du lịch",
    "Quân sự", "Biên phòng", "Phòng cháy chữa cháy")}, key=len, reverse=True)
_SCHOOL_FIELD_STARTS = {f[0] for f in _SCHOOL_FIELDS}
_NOT_IN_A_FIELD = {"và", "về", "của", "với", "qua", "bị", "cho", "tại", "ở"}
# A body's name that the patterns end before "Hoàng gia" + its country ("Chính phủ Hoàng gia Campuchia") or before
# "điện tử" (an outlet's full name: "Báo Công an nhân dân điện tử")
_OUTLET_HEADS = {"Báo", "Tạp"}
# A district's or a post's place that ends on a word the place shapes stop at, a person's cue elsewhere ("Công an
# huyện Sa Thầy", "Đồn Biên phòng Ba Chị") or a family name ("... Nậm Lò"), before a lower-case word or punctuation
# (session 18b; it was "Thầy" only): the words before the place, and the one-word cues that may end it
_DISTRICT_LEVELS = {"huyện", "xã", "quận", "phường", "trấn", "tp", "tp.", "phố", "bản"}
_CUE_ENDS = {"_HON", "_HON2"}
# ... but not a cue that opens a common word with the lower-case word after it ("Công an xã Phú Hòa Anh dũng chiến
# đấu", "Anh hùng", "Chị em", "Bà con", "Thầy giáo")
_CUE_COMPOUNDS = {"dũng", "hùng", "em", "con", "giáo", "cô", "trai", "gái", "minh", "linh", "tài", "cả", "ấy", "họ"}


def _tails_of_bodies(doc: Doc, first: list[Span], ents: list[Span]) -> list[Span]:
    """The words the patterns leave after a body's ORG that belong to its name (rules 2, 3, 6; outermost span):
    "Chính phủ" + "Hoàng gia Campuchia" (as "Quân đội Hoàng gia Campuchia"); a school's field in two syllables and
    the place after it ("Trường Đại học Sư" + "phạm Hà Nội", "Trường Đại học Hoàng" + "gia Phnôm Pênh", "Trường Đại
    học Kỹ thuật" + "Lê Quý Đôn"); an outlet's "điện tử" ("Báo Công an nhân dân điện tử"); a district's or a post's
    last word that is a person's cue elsewhere ("Công an huyện Sa Thầy", "Đồn Biên phòng Ba Chị"; ``_place_ends_on``).
    Runs at the ORG spans only; session 17a."""
    orgs = [e for e in ents if e.label_ == "ORG" and e.end < len(doc)]
    if not orgs:
        return ents
    n = len(doc)
    countries = {e.start: e.end for e in first if e.label_ == "_COUNTRY"}
    schools = {e.start for e in first if e.label_ == "_PART_SCHOOL"}
    cache = {}  # (the first-pass spans that _place_ends_on reads, made once, where an ORG may end on a cue word)
    provinces = {i for e in ents if e.label_ == "PROVINCE" for i in range(e.start, e.end)}
    taken = _taken(ents)
    grown = {}
    for e in orgs:
        k = e.end
        end = None
        if doc[k].text == "Hoàng" and k + 1 < n and doc[k + 1].lower_ == "gia" and k + 2 in countries:
            end = countries[k + 2]
        elif doc[e.start].text in _OUTLET_HEADS and doc[k].lower_ == "điện" and k + 1 < n and doc[k + 1].lower_ == "tử":
            end = k + 2
        elif _place_ends_on(doc, first, e, k, taken, cache):
            end = k + 1
        elif e.start in schools:
            end = _school_name_ends(doc, e, taken, provinces)
        if end is not None:
            grown[id(e)] = Span(doc, e.start, end, label="ORG", span_id=e.id_)
    if not grown:
        return ents
    covered = {i for g in grown.values() for i in range(g.start, g.end)}
    return [grown[id(e)] if id(e) in grown else e for e in ents
            if id(e) in grown or not covered.intersection(range(e.start, e.end))]


def _school_field_ends(doc: Doc, m: int, taken: set[int], provinces: set[int]) -> int | None:
    """Where the school's field that goes on at the lower-case word ``m`` ends, ``None`` if ``m`` starts none: a field
    of ``_SCHOOL_FIELDS`` that starts at the capitalised word before it ("Sư" + "phạm", "Quốc" + "dân", "Giao" +
    "thông vận tải"), or one lower-case word of class ``org_word`` right before another capitalised word of the name
    ("Công" + "nghệ" + "Thông tin")."""
    n = len(doc)
    if not (doc[m].is_alpha and doc[m].is_lower and doc[m - 1].is_alpha and doc[m - 1].is_title):
        return None
    if doc[m - 1].norm_ in _SCHOOL_FIELD_STARTS:
        for field in _SCHOOL_FIELDS:
            if tuple(t.norm_ for t in doc[m - 1:m - 1 + len(field)]) == field:
                return m - 1 + len(field)
    if _class(doc[m], "org_word") and doc[m].lower_ not in _NOT_IN_A_FIELD and m + 1 < n and doc[m + 1].is_alpha \
            and doc[m + 1].is_title and (m + 1 not in taken or m + 1 in provinces):
        return m + 1
    return None


def _school_name_ends(doc: Doc, e: Span, taken: set[int], provinces: set[int]) -> int | None:
    """Where the name of the school ``e`` (an ORG from a ``_PART_SCHOOL``) ends, ``None`` where the patterns had it
    whole: its field's lower-case words (``_school_field_ends``), then the capitalised words after a field (a PROVINCE
    among them gives way), again, to the last capitalised word or field before a lower-case word: "Trường Đại học
    Kinh tế Quốc dân", "Trường Đại học Sư phạm Kỹ thuật Hưng Yên", "Trường Đại học Kỹ thuật Lê Quý Đôn"; "Trường Đại
    học Vinh học tập" keeps "Trường Đại học Vinh" (no field there). Session 17a, widened in session 18b."""
    n = len(doc)
    m = e.end
    after_a_field = any(tuple(t.norm_ for t in doc[m - len(f):m]) == f for f in _SCHOOL_FIELDS if m - len(f) > e.start)
    while m < n and m - e.end < 12:
        if after_a_field and doc[m].is_alpha and doc[m].is_title and (m not in taken or m in provinces):
            m += 1
            continue
        field_end = _school_field_ends(doc, m, taken, provinces)
        if field_end is None:
            break
        m, after_a_field = field_end, True
    return m if m > e.end else None


def _place_ends_on(doc: Doc, first: list[Span], e: Span, k: int, taken: set[int], cache: dict) -> bool:
    """Whether the capitalised word ``k`` right after the ORG ``e`` ends its place's name (rule 3, the whole name):
    ``e`` ends on a place of capitalised words after a district's word ("huyện", "xã", "thị xã", "quận", "TP" ...)
    or after a border post's words; ``k`` is in no entity, and is a one-word cue of persons ("Thầy", "Chị", "Anh",
    "Bà") or a word of no first-pass span that no class keeps out of places but the family names ("Lò"); a
    lower-case word (not one that makes a common word with the cue: "Anh dũng"), punctuation, a line break (session
    28: "Ảnh: Công an xã Bản Lầu") or the end comes after it. So "Công an huyện Sa Thầy phối hợp", "Đồn Biên phòng Ba
    Chị," but "Công an huyện Nam Đàn Anh Nguyễn Văn Hùng" (a name after it: the cue) and "... Ảnh:" (a credit's cue)
    keep their readings."""
    n = len(doc)
    if k in taken or not (doc[k].is_alpha and doc[k].is_title) or not doc[k - 1].is_title:
        return False
    if not (k + 1 == n or doc[k + 1].is_punct or doc[k + 1].is_space or (doc[k + 1].is_alpha and doc[k + 1].is_lower)):
        return False
    if not cache:
        # the one-word cues that may end a place; the tokens of every other first-pass span; the posts' helpers
        cache["cues"] = {f.start for f in first if f.label_ in _CUE_ENDS and f.end == f.start + 1}
        cache["covered"] = {i for f in first if not (f.label_ in _CUE_ENDS and f.end == f.start + 1)
                            for i in range(f.start, f.end)}
        cache["posts"] = {f.start: f.end for f in first if f.label_ == "_PART_POST"}
    cue_ends, covered, posts = cache["cues"], cache["covered"], cache["posts"]
    # (a word kept out of places ends one after "Mường", the Thai places' first word: "Đồn Biên phòng Mường Nhà";
    # session 28)
    if k not in cue_ends and (k in covered or (_class(doc[k], "not_place") and doc[k - 1].text != "Mường")):
        return False
    if k in cue_ends and k + 1 < n and doc[k + 1].lower_ in _CUE_COMPOUNDS:
        return False
    p = k - 1
    while p > e.start and doc[p - 1].is_alpha and doc[p - 1].is_title:
        p -= 1
    return p > e.start and (doc[p - 1].lower_ in _DISTRICT_LEVELS or posts.get(e.start) == p)


# Cambodia's and Laos's provincial administration and departments, named by their province after "tỉnh": "Ủy ban
# hành chính tỉnh Takeo", "Ty Ngoại giao tỉnh Kampot", "Ty Giáo dục tỉnh Kratie" (the patterns read the province only,
# and "Trưởng Ty Ngoại" as a title and a name)
_ADMINISTRATION = tuple(tone_norm(w) for w in ("Ủy", "ban", "hành", "chính"))
# ... its short form, "Ủy ban tỉnh Tbong Khmum", and Cambodia's gendarmerie by its province, "Lực lượng Hiến binh tỉnh
# Takeo", "Hiến binh tỉnh Kandal" (session 18d); capitalised, longest first
# (and with its full name, "Hiến binh Hoàng gia Khmer tỉnh Svay Rieng", "Hiến binh Hoàng gia tỉnh Takeo"; session 22)
_PROVINCIAL_COMMITTEES = (_ADMINISTRATION, ("Lực", "lượng", "Hiến", "binh"), ("Hiến", "binh", "Hoàng", "gia", "Khmer"),
                          ("Hiến", "binh", "Hoàng", "gia"), tuple(tone_norm(w) for w in ("Ủy", "ban")), ("Hiến", "binh"))
# The words that count provinces: "Ty Cảnh sát hai tỉnh X và Y" names no body (rule 3; session 22)
_COUNTING = {"các", "hai", "ba", "bốn", "năm", "những", "cả"}


def _provincial_departments(doc: Doc, ents: list[Span]) -> list[Span]:
    """ORG for a neighbour's provincial committee or department with its province (rules 2, 3): "Ủy ban hành chính
    tỉnh Takeo", "Ủy ban tỉnh Tbong Khmum", "Lực lượng Hiến binh tỉnh Takeo" (session 18d); "Ty" + a field (a capitalised word and one to three lower-case ones) + "tỉnh" + PROVINCE, "Ty Ngoại
    giao tỉnh Prey Veng" (a title before it stays out: "Trưởng Ty ..."; the entities over it give way). "Ủy ban hành
    chính tỉnh" and "Trưởng Ty" without a province give nothing. Runs at the PROVINCE spans only; session 17a."""
    provinces = [e for e in ents if e.label_ == "PROVINCE" and e.start >= 3 and doc[e.start - 1].lower_ == "tỉnh"]
    if not provinces:
        return ents
    found = []
    for p in provinces:
        s = p.start - 1
        start = None
        last = doc[s - 1].norm_ if s else ""  # (the heads' last words first: most provinces after "tỉnh" have none)
        head = next((h for h in _PROVINCIAL_COMMITTEES if last == h[-1] and s >= len(h)
                     and tuple(t.norm_ for t in doc[s - len(h):s]) == h), None)
        if head is not None:
            start = s - len(head)
        else:
            for j in range(s - 2, max(s - 5, -1), -1):
                if doc[j].text == "Ty" and doc[j + 1].is_title and doc[j + 1].is_alpha \
                        and all(t.is_lower and t.is_alpha and t.lower_ not in _COUNTING for t in doc[j + 2:s]):
                    start = j
                    break
        if start is not None:
            found.append(Span(doc, start, p.end, label="ORG"))
    return _replaced_by(ents, found)


# A Chinese prefecture after a body's name belongs to it, as "Cục Công an châu Hồng Hà": "Cục Quản lý xuất nhập cảnh
# châu Văn Sơn", "Chi đội Kiểm tra biên phòng châu Hồng Hà"
_CHAU = get_string_id("châu")
_BORDER_ENDS = {"giới", "cảnh", "khẩu", "phòng"}  # "biên giới", "xuất nhập cảnh", "cửa khẩu", "biên phòng"
_UNIT_HELPERS = ("_PART_UNIT", "_PART_DEPT")


def _bodies_of_a_prefecture(doc: Doc, first: list[Span], ents: list[Span]) -> list[Span]:
    """A unit or department named by what it does, then "châu" (perhaps "châu tự trị") and one to three capitalised
    words, is one ORG (rules 2, 3): "Cục Quản lý xuất nhập cảnh châu Văn Sơn" (the ORG of the department takes the
    prefecture), "Chi đội Kiểm tra biên phòng châu Hồng Hà" (a unit, its description and a border word before "châu").
    "đến châu Văn Sơn" gives nothing (a prefecture is no PROVINCE). Runs at the word "châu" only."""
    hits = cues_at(doc, LOWER, {_CHAU})
    if not hits:
        return ents
    n = len(doc)
    org_ends = {e.end: e for e in ents if e.label_ == "ORG"}
    units = {e.start for e in first if e.label_ in _UNIT_HELPERS}
    unit_ends = {e.end: e.start for e in first if e.label_ in _UNIT_HELPERS}
    desc_ends = {e.end: e.start for e in first if e.label_ == "_PART_DESC"}
    taken = _taken(ents)
    found = []
    for i in hits:
        if i == 0 or i + 1 >= n:
            continue
        start = None
        org = org_ends.get(i)
        if org is not None and (org.start in units or org.id_ == "NATDEPT"):  # ("Cục Quản lý xuất nhập cảnh", national)
            start = org.start
        elif doc[i - 1].lower_ in _BORDER_ENDS:
            k = i
            while k > 0 and k not in desc_ends and i - k < 4 and doc[k - 1].is_lower and doc[k - 1].is_alpha:
                k -= 1
            if k in desc_ends and desc_ends[k] in unit_ends:
                start = unit_ends[desc_ends[k]]
        if start is None:
            continue
        k = i + 1
        if k + 1 < n and doc[k].lower_ == "tự" and doc[k + 1].lower_ == "trị":
            k += 2
        end = k
        while end < n and end - k < 3 and end not in taken and doc[end].is_alpha and doc[end].is_title:
            end += 1
        if end > k:
            found.append(Span(doc, start, end, label="ORG"))
    return _replaced_by(ents, found)


# ------------------------------------------------------------------ session 18c
# The ruling parties after "Trung ương Đảng", which the national body "Ban Chấp hành Trung ương Đảng" took the word
# "Đảng" of: "Cộng sản", "Nhân dân Cách mạng", "Nhân dân", then the party's country
_PARTY_TAILS = (("cộng", "sản"), ("nhân", "dân", "cách", "mạng"), ("nhân", "dân"))
_TRUNG, _UONG, _DANG = (get_string_id(w) for w in ("Trung", "ương", "Đảng"))


def _central_organs_of_a_party(doc: Doc, first: list[Span], ents: list[Span]) -> list[Span]:
    """A central organ, an ORG ending on "Trung ương", right before the ORG of a party ("Đảng ...") is one ORG with it
    (rule 2, outermost; as "Bộ Chính trị Đảng Nhân dân Cách mạng Lào"): "Ủy ban Chính pháp Trung ương Đảng Cộng sản
    Trung Quốc", "Ban Đối ngoại Trung ương Đảng Nhân dân cách mạng Lào"; an ORG ending on "Trung ương Đảng" takes the
    rest of the party's name and its country ("Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"). Runs at the ORG
    spans only; session 18c."""
    n = len(doc)
    orth = row(doc, ORTH)  # (hashes: no Token object for each ORG)
    orgs = [e for e in ents if e.label_ == "ORG" and e.end - e.start >= 3 and e.end < n
            and (orth[e.end - 1] in (_UONG, _DANG) or orth[e.end] == _DANG)]
    parties = {e.start: e.end for e in ents if e.label_ == "ORG" and orth[e.start] == _DANG}
    # (session 25) the party's whole name after a bare "Trung ương", of no ORG: "Ủy viên Trung ương Đảng Nhân dân
    # Cách mạng Lào" is one ORG, as "Trung ương Đảng" is
    after = [(s, e) for s, e in parties.items() if s >= 2 and orth[s - 2] == _TRUNG and orth[s - 1] == _UONG]
    covered = _taken(ents) if after else set()
    found = [Span(doc, s - 2, e, label="ORG") for s, e in after if not covered & {s - 2, s - 1}]
    if not orgs:
        return _replaced_by(ents, found)
    countries = {e.start: e.end for e in first if e.label_ == "_COUNTRY"}
    for e in orgs:
        if e.end in parties and orth[e.end - 2] == _TRUNG and orth[e.end - 1] == _UONG:
            found.append(Span(doc, e.start, parties[e.end], label="ORG", span_id=e.id_))
        elif orth[e.end - 3] == _TRUNG and orth[e.end - 2] == _UONG and orth[e.end - 1] == _DANG and doc[e.end].is_title:
            for tail in _PARTY_TAILS:
                k = e.end + len(tail)
                if k < n and k in countries and tuple(t.lower_ for t in doc[e.end:k]) == tail:
                    found.append(Span(doc, e.start, countries[k], label="ORG", span_id=e.id_))
                    break
    return _replaced_by(ents, found)


def _gate_zones_with_their_province(doc: Doc, ents: list[Span]) -> list[Span]:
    """A border-gate economic zone is named by its gate, a dash and its province: "Ban Quản lý Khu kinh tế cửa khẩu
    Tà Lùng – Cao Bằng" is one ORG, no PROVINCE inside (rules 2, 3: the whole name). Only an ORG holding "Khu kinh tế"
    and ending on "cửa khẩu (quốc tế)" + the gate's capitalised name; "tuyến biên giới Việt Nam – Lào" names nothing.
    Runs at the ORG spans only; session 18c."""
    n = len(doc)
    provinces = {e.start: e for e in ents if e.label_ == "PROVINCE"}
    if not provinces:
        return ents
    found = []
    for e in ents:
        if e.label_ != "ORG" or e.end + 1 >= n or doc[e.end].text not in DASHES or e.end + 1 not in provinces:
            continue
        k = e.end - 1
        while k > e.start and doc[k].is_title and doc[k].is_alpha:
            k -= 1
        gate = doc[k].lower_ == "khẩu" or (doc[k].lower_ == "tế" and k - 2 >= e.start and doc[k - 2].lower_ == "khẩu")
        zone = any(doc[i].text == "Khu" and doc[i + 1].lower_ == "kinh" and doc[i + 2].lower_ == "tế"
                   for i in range(e.start, k - 2))
        if gate and zone and k < e.end - 1:
            found.append(Span(doc, e.start, provinces[e.end + 1].end, label="ORG", span_id=e.id_))
    return _replaced_by(ents, found)


# A general school's level inside its name, after the boarding school's words ("Trường Phổ thông dân tộc bán trú Tiểu
# học Nậm Pồ"): the patterns stop at the lower-case "học"
_LEVEL_TAILS = {("cơ", "sở"), ("phổ", "thông")}
_LEVEL_ABBREVIATIONS = {"TH", "THCS", "THPT"}


def _school_levels(doc: Doc, first: list[Span], ents: list[Span]) -> list[Span]:
    """A general school's level inside its name is part of it (rule 3): "Trường Phổ thông dân tộc bán trú Tiểu học
    Nậm Pồ", "... Trung học cơ sở Nậm Pồ", "... Tiểu học và THCS Nậm Pồ" (the patterns cut after "Tiểu"): an ORG of a
    school helper ending on "Tiểu"/"Trung" before "học" takes the level's words, "và" and a second level, and the one to
    four capitalised words of its place after them (a PROVINCE among them gives way). Runs at the ORG spans only;
    session 18c. A school's ORG that ends on the level's "Phổ" before "thông" names no school and goes (rule 3:
    "thăm Trường Phổ thông dân tộc nội trú tỉnh" had "Trường Phổ"; session 29)."""
    n = len(doc)
    schools = {e.start for e in first if e.label_ == "_PART_SCHOOL_K12"}
    ents = [e for e in ents if not (e.label_ == "ORG" and e.start in schools and e.end < n
                                    and doc[e.end - 1].text == "Phổ" and doc[e.end].lower_ == "thông")]
    cut = [e for e in ents if e.label_ == "ORG" and e.start in schools and e.end + 1 < n
           and doc[e.end - 1].text in ("Tiểu", "Trung") and doc[e.end].lower_ == "học"]
    if not cut:
        return ents
    provinces = {i for e in ents if e.label_ == "PROVINCE" for i in range(e.start, e.end)}
    taken = _taken(ents)

    def level(k: int) -> int:
        """The end of a level's words that start at ``k`` (after "Tiểu"/"Trung" + "học", or an abbreviation)."""
        if k < n and doc[k].text in _LEVEL_ABBREVIATIONS:
            return k + 1
        if k + 1 < n and doc[k].text in ("Tiểu", "Trung") and doc[k + 1].lower_ == "học":
            k += 2
            if k + 1 < n and (doc[k].lower_, doc[k + 1].lower_) in _LEVEL_TAILS:
                k += 2
        return k

    found = []
    for e in cut:
        end = level(e.end - 1)
        if end + 1 < n and doc[end].lower_ == "và" and level(end + 1) > end + 1:
            end = level(end + 1)
        m = end
        while m < n and m - end < 4 and doc[m].is_alpha and doc[m].is_title and (m not in taken or m in provinces):
            m += 1
        if m > end:
            found.append(Span(doc, e.start, m, label="ORG", span_id=e.id_))
    return _replaced_by(ents, found)


# The neighbours' numbered units: by what they do, then their number ("Tiểu đoàn Cảnh sát biên phòng 703"), or by their
# number, then their parent force and its district or province ("Đại đội 412 Bộ đội biên phòng huyện Mường May")
_PARENT_FORCES = {("Bộ", "đội"), ("Công", "an"), ("Cảnh", "sát"), ("An", "ninh")}
_UNIT_LEVELS = {"huyện", "tỉnh", "mường", "xã", "bản", "quận"}


def _numbered_units_of_the_neighbours(doc: Doc, first: list[Span], ents: list[Span]) -> list[Span]:
    """A numbered military unit is named by its number (rule 3): "Tiểu đoàn Cảnh sát biên phòng 703" (a capitalised
    description, lower-case words of descriptive names, then the number), "Đại đội 412 Bộ đội biên phòng huyện Mường
    May" (the number, a parent force, its lower-case description, then its district or province). Not "Đại đội
    trưởng", "3 tiểu đoàn" (no unit word in capitals, no number), nor a number that counts ("... 2 đối tượng": a
    QUANTITY). Runs at the unit helpers "Đại đội", "Tiểu đoàn" ... only; session 18c."""
    heads = [u for u in first if u.label_ == "_PART_UNIT" and u.end - u.start == 2
             and (doc[u.start].text, doc[u.start + 1].text) in _NUMBERED_UNITS]
    if not heads:
        return ents
    n = len(doc)
    taken = _taken(ents)
    counted = {i for e in ents if e.label_ == "QUANTITY" for i in range(e.start, e.end)}
    read = _taken(first)  # (a number some first-pass span holds: "2 năm", a time)
    org_starts = {e.start for e in ents if e.label_ == "ORG"}
    provinces = {e.start: e.end for e in ents if e.label_ == "PROVINCE"}
    found = []
    for u in heads:
        s, k = u.start, u.end
        if s in taken or k >= n:
            continue
        if doc[k].is_title and doc[k].is_alpha and k + 1 < n and doc[k + 1].is_lower:
            # a description: a capitalised word, then lower-case words of descriptive names, then the number
            m = k + 1
            while m < n and m - k < 6 and doc[m].is_lower and _class(doc[m], "org_word"):
                m += 1
            if m < n and m > k + 1 and _UNIT_NUMBER.fullmatch(doc[m].text) and m not in counted and m not in read:
                end = m + 1
                if end + 1 < n and doc[end].lower_ == "tỉnh" and end + 1 in provinces:
                    end = provinces[end + 1]
                found.append(Span(doc, s, end, label="ORG"))
        elif _UNIT_NUMBER.fullmatch(doc[k].text) and k + 3 < n and (doc[k + 1].text, doc[k + 2].text) in _PARENT_FORCES \
                and k + 1 not in org_starts:
            # the number, a parent force and its description, then its district or province
            m = k + 3
            while m < n and m - k < 8 and doc[m].is_lower and _class(doc[m], "org_word"):
                m += 1
            if m + 1 >= n or doc[m].lower_ not in _UNIT_LEVELS:
                continue
            if doc[m].lower_ == "tỉnh" and m + 1 in provinces:
                end = provinces[m + 1]
            else:
                end = m + 1
                while end < n and end - m <= 4 and doc[end].is_alpha and doc[end].is_title and end not in taken:
                    end += 1
            if end > m + 1:
                found.append(Span(doc, s, end, label="ORG"))
    return _replaced_by(ents, found)


# ------------------------------------------------------------------ session 18b
# A steering committee, "Ban Chỉ đạo", is named by its decision's number or by what it leads, and then by its place,
# the nation or the named body it belongs to (rule 3): "Ban Chỉ đạo 138 tỉnh Gia Lai", "Ban Chỉ đạo 389 quốc gia",
# "Ban Chỉ đạo phòng, chống tội phạm tỉnh Lai Châu"; the patterns read the province only ("138 tỉnh" is no QUANTITY)
_DAO = get_string_id("đạo")
_DECISION_NUMBER = re.compile(r"\d{2,4}")  # ("Ban Chỉ đạo 6 huyện" counts what it leads: QUANTITY "6 huyện")
_IN_A_TASK = {",", "và"}
# ... and an epidemic's name inside the task, "dịch Covid-19" (session 30): "Ban Chỉ đạo phòng, chống dịch Covid-19
# huyện Mèo Vạc"; "bệnh" after "dịch": "phòng, chống dịch bệnh"
_EPIDEMICS = {"covid", "ncov", "bệnh"}
# Province words between a body and its province: "Ban Chỉ đạo 138 tỉnh X", "Sở ... tỉnh Hà Giang", "... thành phố Hà
# Nội" (one list: session 19b's steps had defined a second one of the same name, without "tp.", which replaced this one
# at import)
_PROVINCE_WORDS = {("tỉnh",), ("thành", "phố"), ("tp",), ("tp.",), ("thủ", "đô")}


def _past_a_province_word(doc: Doc, k: int) -> int:
    """Where the words after a province word at ``k`` start ("tỉnh", "thành phố", ...), or ``k`` without one (no word
    of ``_PROVINCE_WORDS`` is the start of another)."""
    for words in _PROVINCE_WORDS:
        if tuple(t.lower_ for t in doc[k:k + len(words)]) == words:
            return k + len(words)
    return k


def _steering_committees(doc: Doc, ents: list[Span], glued: list[bool]) -> list[Span]:
    """"Ban Chỉ đạo", then its decision's number (two digits or more) or its task in lower case (words of class
    ``org_word``, commas and "và" inside: "phòng, chống tội phạm và ma túy"), then "quốc gia" (after a number), a
    province after its province word, a district's, commune's or city's word and its name, or the ORG of a named body
    is one ORG (rules 2, 3): "Ban Chỉ đạo 138 tỉnh Gia Lai", "Ban Chỉ đạo 389 quốc gia", "Ban Chỉ đạo 138 huyện Kỳ
    Sơn", "Ban Chỉ đạo phòng, chống tội phạm tỉnh Lai Châu", "Ban Chỉ đạo 138 Công an tỉnh Nghệ An". Without a name
    nothing ("Ban Chỉ đạo 138 Công an tỉnh", "Ban Chỉ đạo 389 họp"). Runs at the word "đạo" only."""
    hits = cues_at(doc, LOWER, {_DAO})
    if not hits:
        return ents
    n = len(doc)
    provinces = {e.start: e.end for e in ents if e.label_ == "PROVINCE"}
    orgs = {e.start: e.end for e in ents if e.label_ == "ORG"}
    others = {i for e in ents if e.label_ != "PROVINCE" for i in range(e.start, e.end)}
    found = []
    for i in hits:
        if i < 2 or i + 2 >= n or doc[i - 2].text != "Ban" or doc[i - 1].text != "Chỉ":
            continue
        j = i + 1
        numbered = bool(_DECISION_NUMBER.fullmatch(doc[j].text))
        if numbered:
            j += 1
        else:
            while j < n and j - i <= 12:
                if (doc[j].is_lower and _class(doc[j], "org_word")) or doc[j].text in _IN_A_TASK:
                    j += 1
                elif doc[j].lower_ in _EPIDEMICS and doc[j - 1].lower_ == "dịch":
                    j += 3 if j + 2 < n and doc[j + 1].text == "-" and doc[j + 2].text == "19" else 1
                else:
                    break
            while j > i + 1 and doc[j - 1].text in _IN_A_TASK:
                j -= 1
            if j == i + 1:
                continue
        if j >= n:
            continue
        end = None
        past = _past_a_province_word(doc, j)
        local = next((w for w in sorted(_LOCAL_WORDS, key=len, reverse=True)
                      if tuple(t.lower_ for t in doc[j:j + len(w)]) == w), None)
        if numbered and j + 1 < n and doc[j].lower_ == "quốc" and doc[j + 1].lower_ == "gia":
            end = j + 2
        elif past != j and past in provinces:
            end = provinces[past]
        elif j in orgs:
            end = orgs[j]
        elif local is not None:
            k = j + len(local)
            end = k
            while end < n and (end - k < 8 or glued[end]) and end not in others and (
                    glued[end] or (doc[end].is_alpha and doc[end].is_title)):
                end += 1
            if not 1 <= sum(1 for m in range(k, end) if not glued[m]) <= 4:
                end = None
        if end is not None:
            found.append(Span(doc, i - 2, end, label="ORG"))
    return _replaced_by(ents, found)


# Banks by their legal name (rule 3, session 18d): "Ngân hàng TMCP Ngoại thương Việt Nam", "Ngân hàng TMCP Quân đội
# (MB)", "Ngân hàng Nông nghiệp và Phát triển nông thôn Việt Nam"
_NGAN = get_string_id("ngân")
_LEGAL_FORMS = (("TMCP",), ("TNHH",), ("thương", "mại", "cổ", "phần"), ("Thương", "mại", "Cổ", "phần"),
                ("Thương", "mại", "cổ", "phần"))
_BANK_ABBREVIATION = re.compile(r"[A-Z][A-Za-z0-9&-]{1,14}")


def _banks_by_their_legal_name(doc: Doc, ents: list[Span]) -> list[Span]:
    """ORG for a bank named by its legal name (rule 3): "Ngân hàng" capitalised, perhaps its legal form ("TMCP",
    "TNHH", "Thương mại cổ phần"), then a capitalised word, and the name runs on (words only, up to ten) to "Việt Nam"
    ("Ngân hàng TMCP Ngoại thương Việt Nam", "Ngân hàng Nông nghiệp và Phát triển nông thôn Việt Nam"), or up to an
    abbreviation in brackets ("Ngân hàng TMCP Quân đội (MB)": the abbreviation is its own ORG by the step of
    abbreviations), or, after a legal form, over its capitalised words and the lower-case syllable after each ("Ngân
    hàng TMCP Á Châu"). "các ngân hàng thương mại", "Ngân hàng cho biết" give nothing; an ORG over the bank gives way
    to the longer name. Runs at the word "ngân" only."""
    lower = column(doc, LOWER)
    hits = (lower == _NGAN).nonzero()[0].tolist()
    if not hits:
        return ents
    n, found = len(doc), []
    for i in hits:
        if doc[i].text != "Ngân" or i + 2 >= n or doc[i + 1].lower_ != "hàng":
            continue
        j, legal = i + 2, False
        for form in _LEGAL_FORMS:
            if tuple(t.text for t in doc[j:j + len(form)]) == form:
                j, legal = j + len(form), True
                break
        if j >= n or not (doc[j].is_alpha and doc[j].is_title):
            continue
        end, k = None, j
        while k < n and k - j < 10 and doc[k].is_alpha:
            if doc[k].text == "Việt" and k + 1 < n and doc[k + 1].text == "Nam":
                end = k + 2
                break
            k += 1
        if end is None and k < n and k - j <= 6 and doc[k].text == "(" and k + 2 < n and doc[k + 2].text == ")" \
                and _BANK_ABBREVIATION.fullmatch(doc[k + 1].text) \
                and (any(c.isupper() for c in doc[k + 1].text[1:]) or doc[k + 1].text.lower().endswith("bank")):
            end = k
        if end is None and legal:
            k, words = j, 0
            while k < n and words < 5 and doc[k].is_alpha and doc[k].is_title:
                k, words = k + 1, words + 1
                if k < n and doc[k].is_alpha and doc[k].is_lower and doc[k].lower_ not in _BANK_RUN_STOPS:
                    k += 1
            end = k
        if end is not None and end > j:
            found.append(Span(doc, i, end, label="ORG"))
    return _replaced_by(ents, found)


# Where a brand in capitals names a bank: after "ngân hàng", "tài khoản" (any case), before "chi nhánh"
_HANG, _KHOAN = get_string_id("hàng"), get_string_id("khoản")
_BANK_BEFORE = {("ngân", "hàng"), ("tài", "khoản")}


def _banks_by_their_brand(doc: Doc, ents: list[Span], brands: frozenset[str]) -> list[Span]:
    """A bank's brand of ``words/banks.txt`` (``brands``) in no entity is an ORG after "ngân hàng", "tài khoản" (any
    case) or before "chi nhánh" (rule 3, its own name): "mở tài khoản tại ngân hàng ACB", "tài khoản BIDV chi nhánh
    tỉnh Lạng Sơn" (the branch is joined by ``_branches_of_a_body``, after this step). "mã OTP", "tài khoản VIP"
    name no bank. Runs at the words "hàng", "khoản", "nhánh" only; session 18b."""
    if not brands:
        return ents
    lowers = column(doc, LOWER)
    hits = np.flatnonzero((lowers == _HANG) | (lowers == _KHOAN) | (lowers == _NHANH)).tolist()
    if not hits:
        return ents
    n = len(doc)
    taken = _taken(ents)
    found = []
    for h in hits:
        if doc[h].lower_ == "nhánh":
            i = h - 2
            ok = i >= 0 and doc[h - 1].lower_ == "chi"
        else:
            i = h + 1
            ok = i < n and (doc[h - 1].lower_, doc[h].lower_) in _BANK_BEFORE if h else False
        if ok and i not in taken and doc[i].text in brands and all(f.start != i for f in found):
            found.append(Span(doc, i, i + 1, label="ORG"))
    return ents + found if found else ents


# Words after a bank's name that end it: "Ngân hàng TMCP Á Châu cho vay", "... chi nhánh"
_BANK_RUN_STOPS = {"cho", "chi", "tại", "và", "của", "đã", "là", "có", "được", "bị"}


def national_papers(names: list[str]) -> tuple[tuple[str, ...], ...]:
    """The papers of ``names`` (``words/national-papers.txt``) as tuples of tone-normalised lower-case words, longest
    first: matched case-insensitively by `_papers_without_bao`."""
    return tuple(sorted({tuple(tone_norm(w).lower() for w in p.split()) for p in names}, key=len, reverse=True))


_BAO = get_string_id("báo")
_VIEN = get_string_id("viên")
_PV = get_string_id("pv")


def _paper_at(doc: Doc, k: int, papers: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """The longest paper of ``papers`` whose words start at token ``k``, in any case and tone placement."""
    return next((p for p in papers if k + len(p) <= len(doc)
                 and tuple(tone_norm(t.text).lower() for t in doc[k:k + len(p)]) == p), None)


def _papers_without_bao(doc: Doc, ents: list[Span], papers: tuple[tuple[str, ...], ...]) -> list[Span]:
    """ORG for a national paper of ``papers`` named right after "báo" in lower case or "phóng viên" ("các
    báo Thanh Niên, VnExpress và Nhân Dân": each paper of the list joined by "," and "và"), capitalised, inside no ORG
    (a PERSON or PROVINCE read there gives way: "phóng viên Tiền Phong"). "thanh niên", "nhân dân" in running text and
    "Đoàn Thanh niên" are untouched; after "PV" too ("PV Dân trí"), and a capitalised "Báo" whose ORG the patterns
    cut short takes the whole paper ("Báo Bảo vệ pháp luật"). Runs at the words "báo", "viên" and "PV" only.
    ``papers``: `national_papers` of ``words/national-papers.txt``."""
    hits = cues_at(doc, LOWER, {_BAO, _VIEN, _PV})  # ("PV", the reporter: "Trao đổi với PV Dân trí"; session 31)
    if not hits:
        return ents
    n, found = len(doc), []
    # (a paper of the list after a capitalised "Báo" that the patterns cut short, session 31: "Báo Bảo vệ pháp luật"
    # had been "Báo Bảo", "Báo Pháp Luật TP.HCM" a paper and a PROVINCE)
    org_end = {e.start: e.end for e in ents if e.label_ == "ORG"}
    for i in hits:
        if doc[i].text in ("Báo", "BÁO") and i in org_end:
            paper = _paper_at(doc, i + 1, papers)
            if paper is not None and i + 1 + len(paper) > org_end[i]:
                found.append(Span(doc, i, i + 1 + len(paper), label="ORG"))
    hits = [i for i in hits
            if (doc[i].text in ("báo", "PV")) or (i and doc[i - 1].lower_ == "phóng" and doc[i].lower_ == "viên")]
    orgs = {i for e in ents if e.label_ == "ORG" for i in range(e.start, e.end)}
    org_at = {e.start: e.end for e in ents if e.label_ == "ORG"}
    for i in hits:
        k = i + 1
        if k < n and doc[k].lower_ == "các" and doc[i].lower_ == "viên" and k + 1 < n and doc[k + 1].lower_ == "báo":
            continue  # ("phóng viên các báo ...": read at "báo")
        while k < n:
            if k in org_at:  # (a paper the patterns know already, "VnExpress": the list goes on after it)
                end = org_at[k]
            elif not doc[k].text[:1].isupper() or k in orgs:
                break
            else:
                end = None
            paper = None if end is not None else _paper_at(doc, k, papers)
            if end is None:
                if paper is None or (k + len(paper) < n and doc[k + len(paper)].is_title and doc[k + len(paper)].is_alpha):
                    break
                found.append(Span(doc, k, k + len(paper), label="ORG"))
                end = k + len(paper)
            k = end
            if k + 1 < n and doc[k].text in (",", "và"):
                k += 1
            else:
                break
    return _replaced_by(ents, found)


# Session 19c: bodies named by a place (a border gate, a region, a park, an airport), consulates by their city,
# associations of a people abroad by where they live, friendship schools by two provinces or countries (rule 3: an
# ORG holds a proper name, its own or a place's; rule 2: the place inside it is no PROVINCE)

# The heads of agencies named by what they do and where they are, by the LOWER hash of their last word and the words
# before it, capitalised: "Chi cục", "Trạm", "Trung tâm"
_AGENCY_HEADS = {get_string_id("cục"): ("Chi",), get_string_id("trạm"): (), get_string_id("tâm"): ("Trung",)}
# words of what such an agency does that the org vocabulary (class ``org_word``) lacks: "Kiểm dịch động vật", "Kiểm
# dịch thực vật", "Cứu hộ động vật hoang dã"
_AGENCY_WORDS = {"vật", "thực", "hoang", "dã"}
# a region's word between what the agency does and its place: "Chi cục Kiểm dịch động vật vùng Lạng Sơn"
_AGENCY_REGIONS = {"vùng", "tỉnh"}


def _agencies_named_by_a_place(doc: Doc, first: list[Span], ents: list[Span], glued: list[bool]) -> list[Span]:
    """ORG for "Chi cục", "Trạm" or "Trung tâm", capitalised, then what it does (a description of the first pass,
    lower-case words of class ``org_word`` or of ``_AGENCY_WORDS``, the first word perhaps capitalised; or the rest of
    a body's name, "Chi cục Hải quan"), perhaps "vùng" or "tỉnh", then its place: a PROVINCE, or one to four
    capitalised words in no entity, the first no family name (class ``not_place``): "Chi cục Hải quan Tà Lùng",
    "Chi cục Kiểm dịch động vật vùng Lạng Sơn", "Trạm Kiểm dịch thực vật Cầu Treo", "Trung tâm Cứu hộ động vật hoang
    dã Sóc Sơn", "Trung tâm chỉ huy xuất nhập cảnh sân bay quốc tế Nội Bài" (rule 3: the body's name holds a place;
    rule 2: a province inside it is no PROVINCE). Without what it does or without a place nothing ("Trung tâm Hà
    Nội", "Trạm Kiểm dịch đã ...", "Trung tâm thành phố Vinh"). Runs at the heads' last words only."""
    lower = column(doc, LOWER)
    hits = cues_at(doc, LOWER, _AGENCY_HEADS.keys())
    if not hits:
        return ents
    n = len(doc)
    orgs = {i for e in ents if e.label_ == "ORG" for i in range(e.start, e.end)}
    provinces = {e.start: e.end for e in ents if e.label_ == "PROVINCE"}
    provinces.update({e.start: e.end for e in first if e.label_ == AMBIGUOUS_PROVINCE and e.start not in provinces})
    taken = _taken(ents)
    found = []
    for i in hits:
        before = _AGENCY_HEADS[int(lower[i])]
        h = i - len(before)
        if h < 0 or tuple(t.text for t in doc[h:i]) != before or not doc[i].text[:1].isupper() and not before:
            continue
        if any(k in orgs for k in range(h, i + 1)) or (before and not doc[i].is_lower):
            continue
        j = i + 1
        body = next((e.end for e in first if e.start == h and e.label_ == "_PART_BODY" and e.end > j), None)
        descs = {e.start: e.end for e in first if e.label_ == "_PART_DESC" and e.start >= j}
        k = body or j
        while k < n and k - j < 14:
            if k in descs:
                k = descs[k]
            elif doc[k].is_lower and (_class(doc[k], "org_word") or doc[k].text in _AGENCY_WORDS):
                k += 1
            elif k == j and doc[k].is_title and _class(doc[k], "org_word_first"):
                k += 1
            else:
                break
        if k == j or k >= n or any(m in orgs for m in range(j, k)):
            continue
        if doc[k].lower_ in _AGENCY_REGIONS and k + 1 < n:
            k += 1
        if k in provinces:
            end = provinces[k]
            # (coordinated provinces name no one agency, rule 3: "các Chi cục Thủy sản tỉnh Kampot, Kép"; session 29)
            if end + 1 < n and doc[end].text in (",", "và") and end + 1 in provinces:
                continue
        else:
            end = k
            while end < n and (end - k < 8 or glued[end]) and end not in taken and (glued[end] or (
                    doc[end].is_alpha and doc[end].is_title and not _class(doc[end], "not_place")
                    and not (end > k and _class(doc[end], "not_place_next")))):
                end += 1
            if not 1 <= sum(1 for m in range(k, end) if not glued[m]) <= 4:
                continue
            # (no place right after "và": "Trung tâm Huấn luyện và Bồi dưỡng nghiệp vụ" is named by what it does
            # only; session 30)
            if doc[k - 1].lower_ == "và":
                continue
        found.append(Span(doc, h, end, label="ORG"))
    return _replaced_by(ents, found)


# Consulates, named by the city they serve (an embassy by its country): "TLSQ Luông Pha Bang"
_CONSULATES = {("Tổng", "Lãnh", "sự", "quán"), ("Lãnh", "sự", "quán"), ("TLSQ",)}


def _consulates_by_their_city(doc: Doc, first: list[Span], ents: list[Span]) -> list[Span]:
    """ORG for a consulate right before the PROVINCE of the city it serves: "TLSQ Luông Pha Bang", "Tổng Lãnh sự quán
    Luông Pha Bang" (rule 3: a named body; rule 2: the province inside it is no PROVINCE); with its country the
    patterns read it ("Tổng Lãnh sự quán Việt Nam tại Luông Pha Bang"). Runs at the first pass's embassy helpers
    only."""
    heads = [e for e in first if e.label_ == "_PART_EMB" and tuple(t.text for t in e) in _CONSULATES]
    if not heads:
        return ents
    provinces = {e.start: e.end for e in ents if e.label_ == "PROVINCE"}
    orgs = {i for e in ents if e.label_ == "ORG" for i in range(e.start, e.end)}
    found = [Span(doc, e.start, provinces[e.end], label="ORG") for e in heads
             if e.end in provinces and not any(i in orgs for i in range(e.start, e.end))]
    return _replaced_by(ents, found)


_HOI = get_string_id("hội")
_NGUOI = get_string_id("người")
_WHERE_THEY_LIVE = {"tại", "ở"}


def _associations_abroad(doc: Doc, first: list[Span], ents: list[Span]) -> list[Span]:
    """ORG for "Hội người" + a country + "tại"/"ở" + perhaps a province word + a PROVINCE or a country: "Hội người
    Việt Nam tại tỉnh Chăm-pa-xắc", "Hội người Việt Nam tại Lào", "Hội Người Lào ở thủ đô Hà Nội" (an association of
    a people abroad, named by where it lives: rule 3; the province inside it is no PROVINCE, rule 2), also of its
    origin ("Hội người Lào gốc Việt tỉnh Chăm Pa Sắc"). Without where nothing ("Hội người Việt Nam" alone names no
    one association). Runs at "Hội" + "người" only."""
    lower = column(doc, LOWER)
    hits = ((lower[:-1] == _HOI) & (lower[1:] == _NGUOI)).nonzero()[0].tolist() if len(doc) > 1 else []
    hits = [i for i in hits if doc[i].text == "Hội"]
    if not hits:
        return ents
    n = len(doc)
    countries = {e.start: e.end for e in first if e.label_ == "_COUNTRY"}
    provinces = {e.start: e.end for e in ents if e.label_ == "PROVINCE"}
    orgs = {i for e in ents if e.label_ == "ORG" for i in range(e.start, e.end)}
    found = []
    for i in hits:
        k = countries.get(i + 2)
        if k is None or k + 1 >= n or i in orgs:
            continue
        # (a people of another origin, where it lives after it with or without "tại": "Hội người Lào gốc Việt tỉnh
        # Chăm Pa Sắc"; session 28)
        origin = doc[k].lower_ == "gốc" and doc[k + 1].text in _ORIGINS
        if origin:
            k += 3 if k + 2 < n and doc[k + 1].text == "Việt" and doc[k + 2].text == "Nam" else 2
        if k < n and doc[k].lower_ in _WHERE_THEY_LIVE:
            k += 1
        elif not origin:
            continue
        at = _past_a_province_word(doc, k)
        end = provinces.get(at) or (countries.get(k) if at == k else None)
        if end is not None:
            found.append(Span(doc, i, end, label="ORG"))
    return _replaced_by(ents, found)


_ORIGINS = {"Việt", "Hoa", "Lào", "Khmer"}
_NGHI = get_string_id("nghị")
# Short names of countries in a pair's name ("Hữu nghị Việt – Lào", "Việt - Đức"), besides the first pass's countries
_COUNTRY_SHORTS = {"Việt", "Lào", "Campuchia", "Đức", "Nhật", "Hàn", "Nga", "Pháp", "Mỹ", "Úc", "Xô", "Cuba", "Triều",
                   "Séc", "Hung", "Singapore", "Thái", "Trung"}
_FRIENDSHIP_DASHES = {"-", "–", "—"}


def _friendship_schools(doc: Doc, first: list[Span], ents: list[Span]) -> list[Span]:
    """A school named "Hữu nghị" + two provinces or countries joined by a dash is one ORG with both (rule 3, the
    whole name; rule 2, no PROVINCE inside): "Trường Trung học cơ sở Hữu nghị Nghệ An – Xiêng Khoảng", "... Hà Tĩnh -
    Bôlykhămxay", "Trường Tiểu học Hữu nghị Việt – Lào" (the patterns ended the school on "Hữu"); or + one to three
    capitalised words of a place in no other entity, before a lower-case word or punctuation ("Trường Tiểu học Hữu
    nghị Lơm Phát"; session 28). The school is an ORG over "Hữu" or right before it, or "Trường" alone; "Hữu nghị"
    with neither is left as it is. Runs at "Hữu" + "nghị" only."""
    hits = [i - 1 for i in cues_at(doc, LOWER, {_NGHI}) if i and doc[i - 1].text == "Hữu"]
    if not hits:
        return ents
    n = len(doc)
    places = {e.start: e.end for e in ents if e.label_ == "PROVINCE"}
    for e in first:
        if e.label_ == "_COUNTRY":
            places.setdefault(e.start, e.end)
    schools = {}
    for e in ents:
        if e.label_ == "ORG" and doc[e.start].text == "Trường" and e.end <= n:
            for hu in (e.end - 1, e.end):
                schools[hu] = e.start
    found = []
    others = {i for e in ents if e.label_ != "ORG" or doc[e.start].text != "Trường" for i in range(e.start, e.end)}
    for hu in hits:
        start = schools.get(hu, hu - 1 if hu and doc[hu - 1].text == "Trường" else None)
        k = hu + 2
        a = places.get(k, k + 1 if k < n and doc[k].text in _COUNTRY_SHORTS else None)
        if start is not None and a is None and k < n:
            a = k  # (no pair: perhaps a place's name, below)
        if start is None or a is None or (a > k and (a + 1 >= n or doc[a].text not in _FRIENDSHIP_DASHES)):
            continue
        if a == k:
            end = k
            while end < n and end - k < 3 and doc[end].is_title and doc[end].is_alpha and end not in others:
                end += 1
            if end > k and (end == n or not (doc[end].is_title and doc[end].is_alpha)):
                found.append(Span(doc, start, end, label="ORG"))
            continue
        b = places.get(a + 1, a + 2 if doc[a + 1].text in _COUNTRY_SHORTS else None)
        if b is not None:
            found.append(Span(doc, start, b, label="ORG"))
    return _replaced_by(ents, found)


_PROVINCE_OF_A_BODY = {"TP", "tỉnh", "Tỉnh"}  # the words before a body's province: "... TP Cần Thơ"
# The first words of bodies named by a pair of countries (schools, associations, hospitals, companies, centres)
_PAIR_BODIES = {"Trường", "Hội", "Công", "Bệnh", "Trung", "Viện", "Ngân", "Liên", "Học", "Phân"}


def _bodies_named_by_a_pair(doc: Doc, first: list[Span], ents: list[Span]) -> list[Span]:
    """A school, association, hospital or company whose ORG ends on a country and a dash + another country is one
    ORG with the second, and with the province after it ("TP" or "tỉnh" between): "Trường Cao đẳng Kỹ thuật Công
    nghiệp Việt Nam - Hàn Quốc", "Trường Cao đẳng Kỹ thuật Việt - Đức Nghệ An", "Hội Hữu nghị Việt Nam - Campuchia
    TP Cần Thơ" (rule 3, the whole name; rule 2, no PROVINCE inside; session 28). Runs at the ORG spans before a
    dash only."""
    n = len(doc)
    orgs = [e for e in ents if e.label_ == "ORG" and e.end + 1 < n and doc[e.start].text in _PAIR_BODIES
            and (doc[e.end].text in _FRIENDSHIP_DASHES
                 or (doc[e.end].text in _PROVINCE_OF_A_BODY and any(t.text in _FRIENDSHIP_DASHES for t in e)))]
    if not orgs:
        return ents
    countries = {e.start: e.end for e in first if e.label_ == "_COUNTRY"}
    country_ends = set(countries.values())
    provinces = {e.start: e.end for e in ents if e.label_ == "PROVINCE"}
    found = []
    for e in orgs:
        if not (e.end in country_ends or doc[e.end - 1].text in _COUNTRY_SHORTS):
            continue
        end = e.end
        if doc[end].text in _FRIENDSHIP_DASHES:  # (the pair's second country)
            k = end + 1
            end = countries.get(k, k + 1 if doc[k].text in _COUNTRY_SHORTS else None)
            if end is None:
                continue
        at = end + 1 if end + 1 < n and doc[end].text in _PROVINCE_OF_A_BODY else end
        end = provinces.get(at, end)
        if end > e.end:
            found.append(Span(doc, e.start, end, label="ORG"))
    return _replaced_by(ents, found)


# ---------------------------------------------------------------- session 19b: national and international bodies

_NAME_TOKENS = re.compile(r"\w+|[^\w\s]")
_EN_DASH = get_string_id("–")
_HYPHEN = "-"


def national_names(words: list[str]) -> frozenset[tuple[str, ...]]:
    """The names of ``words/national.txt`` as tuples of tone-normalised tokens, as the tokenizer splits them ("Cục
    Cảnh sát điều tra tội phạm về ma túy" → ("Cục", "Cảnh", ..., "túy"))."""
    return frozenset(tuple(_NAME_TOKENS.findall(tone_norm(w))) for w in words)


def dashed_names(national: list[str], place_bodies: list[str]) -> tuple:
    """The names of ``national`` and ``place_bodies`` (the word lists) written with a dash between spaced words
    ("Bộ Lao động - Thương binh và Xã hội"), as (NORM hashes with 0 at the dash, the dash's index, is a place body)."""
    out = []
    for names, place in ((national, False), (place_bodies, True)):
        for w in names:
            toks = _NAME_TOKENS.findall(tone_norm(w))
            if " - " in w and toks.count(_HYPHEN) == 1:
                k = toks.index(_HYPHEN)
                out.append((tuple(0 if j == k else get_string_id(t) for j, t in enumerate(toks)), k, place))
    return tuple(out)


def _names_with_an_en_dash(doc: Doc, ents: list[Span], dashed: tuple) -> list[Span]:
    """A national body or a body named by its place whose name holds a dash (``dashed``, from the word lists) written
    with an en dash, "–", as news prints it as often as "-" (rule 3; session 19b): "Bộ Lao động – Thương binh và Xã
    hội" → ORG; "Sở Lao động – Thương binh và Xã hội tỉnh Hà Giang" → one ORG with its province (a place body without
    its place is no ORG, as with "-"). Runs at the en dashes only."""
    if not dashed:
        return ents
    orth = column(doc, ORTH)
    hits = np.flatnonzero(orth == _EN_DASH).tolist()
    if not hits:
        return ents
    norms = row(doc, NORM)
    n, found = len(doc), []
    provinces = {e.start: e for e in ents if e.label_ == "PROVINCE"}
    for p in hits:
        for hashes, k, place in dashed:
            s, e = p - k, p - k + len(hashes)
            if s < 0 or e > n or any(h and norms[s + j] != h for j, h in enumerate(hashes)):
                continue
            if place:
                at = _past_a_province_word(doc, e)
                if at not in provinces:
                    break
                e = provinces[at].end
            if not any(x.label_ == "ORG" and x.start <= s and e <= x.end for x in ents):
                found.append(Span(doc, s, e, label="ORG"))
            break
    return _replaced_by(ents, found)


# Heads of international bodies written in Vietnamese (session 19b): "Tổ chức Di cư quốc tế (IOM)", "Quỹ Nhi đồng Liên
# hợp quốc (UNICEF)"
_INTERNATIONAL_HEADS = {tuple(tone_norm(w).split()) for w in (
    "Tổ chức", "Quỹ", "Cơ quan", "Văn phòng", "Chương trình", "Ủy ban", "Cao ủy", "Hội đồng", "Trung tâm", "Liên minh",
    "Hiệp hội")}
# ... not the verb "Tổ chức" before an event it organises: "Tổ chức Hội thảo quốc tế (...)"
_EVENTS = {tuple(tone_norm(w).split()) for w in (
    "Hội thảo", "Hội nghị", "Hội chợ", "Hội thi", "Lễ", "Giải", "Cuộc", "Tuần", "Ngày", "Khóa", "Lớp", "Đợt", "Diễn đàn",
    "Triển lãm", "Chiến dịch")}
# ... whose name ends on "quốc tế", "Liên hợp quốc", "thế giới" (any case) or a country
_INTERNATIONAL_ENDS = {("quốc", "tế"), ("hợp", "quốc"), ("hiệp", "quốc"), ("thế", "giới")}
_INTERNATIONAL_END_HASHES = {tuple(get_string_id(w) for w in e) for e in _INTERNATIONAL_ENDS}
_OPEN_BRACKET = get_string_id("(")


def _international_bodies(doc: Doc, ents: list[Span], countries: set[str]) -> list[Span]:
    """An international body written in Vietnamese, then its abbreviation in brackets (rule 3: a named organisation;
    the abbreviation is its own ORG by ``_bracketed_abbreviations``, after this step; session 19b): a capitalised head
    of ``_INTERNATIONAL_HEADS``, a capitalised word, then at most eight words (no punctuation) ending on "quốc tế",
    "Liên hợp quốc", "thế giới" or a country, right before "(ABBR)": "Tổ chức Di cư quốc tế (IOM)", "Tổ chức Lao động
    quốc tế (ILO)", "Quỹ Nhi đồng Liên hợp quốc (UNICEF)" (the UN inside is no span of its own: outermost wins). The
    nearest head wins. "tổ chức quốc tế" in lower case, or without the brackets, is nothing here ("Tổ chức Hội thảo
    quốc tế" opens a sentence with the verb), nor an event after the head ("Tổ chức Hội thảo quốc tế (...)"). Runs at the
    "(" tokens only."""
    hits = cues_at(doc, ORTH, {_OPEN_BRACKET})
    if not hits:
        return ents
    found, n = [], len(doc)
    lowers = row(doc, LOWER)
    for p in hits:
        if p < 3 or p + 2 >= n:
            continue
        if (lowers[p - 2], lowers[p - 1]) not in _INTERNATIONAL_END_HASHES \
                and not any(doc[p - k:p].text in countries for k in (1, 2, 3)):
            continue
        if _abbreviation_in_brackets(doc, p) is None:
            continue
        start = None
        for j in range(p - 2, max(p - 12, -1), -1):
            if not doc[j].is_alpha:
                break
            head = next((h for h in _INTERNATIONAL_HEADS if j + len(h) < p - 1
                         and tuple(t.norm_ for t in doc[j:j + len(h)]) == h), None)
            if head and _is_capitalised(doc[j + len(head)]) and not any(
                    tuple(t.norm_ for t in doc[j + len(head):j + len(head) + len(v)]) == v for v in _EVENTS):
                start = j
                break
        if start is None or any(x.label_ == "ORG" and x.start <= start and p <= x.end for x in ents):
            continue
        found.append(Span(doc, start, p, label="ORG"))
    return _replaced_by(ents, found)


# Verbs said of a body right after its name, which a department's description may run into ("truy nã" is a word of
# "Cục Cảnh sát truy nã tội phạm"): the ORG ends before them when its name up to there is a national body's
_VERBS_AFTER_A_BODY = {tuple(w.split()) for w in (
    "truy nã", "truy bắt", "truy tìm", "điều tra", "bắt", "bắt giữ", "bắt quả tang", "khởi tố", "phát hiện", "phối hợp",
    "thu giữ", "triệt phá", "phá", "xử lý", "tạm giữ", "kiểm tra", "xác minh", "tiếp nhận", "chủ trì", "tổ chức",
    "tiến hành", "đấu tranh", "làm việc", "ban hành", "chỉ đạo", "hướng dẫn", "trao", "tặng", "đề nghị", "quyết định",
    "giải cứu", "tiếp tục", "cho biết", "khám xét", "đã", "đang", "vừa", "sẽ",
    # (session 24: "Cục Cảnh sát hình sự huy động hơn 400 cán bộ", "huy" of "chỉ huy")
    "huy động", "triển khai", "phát động", "mở", "thành lập", "cử", "lập",
    # (people of the body after it, session 23: "giảng viên Học viện Cảnh sát nhân dân và cán bộ nhiều kinh nghiệm")
    "và cán bộ")}


# (the verbs by the hash of their first word, lower case: the step looks at an ORG's words by their hashes)
_VERBS_BY_FIRST: dict[int, list[tuple[int, ...]]] = {}
for _v in sorted(_VERBS_AFTER_A_BODY, key=len, reverse=True):
    _VERBS_BY_FIRST.setdefault(get_string_id(_v[0]), []).append(tuple(get_string_id(w) for w in _v))


def _national_names_before_a_verb(doc: Doc, ents: list[Span], national: frozenset) -> list[Span]:
    """An ORG that runs from a national body's full name (``words/national.txt``) on into lower-case words opening with
    a verb of ``_VERBS_AFTER_A_BODY`` ends before the verb (rule 3, maximal span but only the body's name; session
    19b): "Tý bị Cục Cảnh sát điều tra tội phạm về ma túy truy nã đặc biệt" → ORG "Cục Cảnh sát điều tra tội phạm về
    ma túy" (the description read on through "truy nã"). A capitalised word after the verb (a parent body) keeps the
    ORG whole. Reads the words of the ORG spans only, by their hashes."""
    long = [e for e in ents if e.label_ == "ORG" and e.end - e.start >= 4]
    if not national or not long:
        return ents
    lowers = row(doc, LOWER)
    cut = []
    for e in long:
        for p in range(e.start + 2, e.end):
            verbs = _VERBS_BY_FIRST.get(lowers[p])
            if verbs is None or not doc[p].is_lower:
                continue
            if any(p + len(v) <= e.end and tuple(lowers[p:p + len(v)]) == v for v in verbs) \
                    and all(t.is_lower or not t.is_alpha for t in doc[p:e.end]) \
                    and tuple(t.norm_ for t in doc[e.start:p]) in national:
                cut.append(Span(doc, e.start, p, label="ORG", span_id=e.id))
                break
    return _replaced_by(ents, cut)


def _bodies_before_an_amount(doc: Doc, first: list[Span], ents: list[Span]) -> list[Span]:
    """An ORG that ends on a number which opens a QUANTITY of the first pass running past it ends before the number,
    and the QUANTITY comes back (rule 5: the number and its unit are the amount; rule 3: the body's name ends on its
    place): "tặng Trường Tiểu học Nậm Pồ 30 bộ bàn ghế" → ORG "Trường Tiểu học Nậm Pồ", QUANTITY "30 bộ" (session 19b).
    Only after a capitalised word other than the ORG's first (a place): a unit named by its number keeps it. Reads the
    first-pass QUANTITY spans only."""
    amounts = {q.start: q for q in first if q.label_ == "QUANTITY"}
    if not amounts:
        return ents
    back = []
    for e in ents:
        q = amounts.get(e.end - 1)
        if e.label_ == "ORG" and q is not None and q.end > e.end and e.end - 2 > e.start \
                and _is_capitalised(doc[e.end - 2]):
            back += [Span(doc, e.start, e.end - 1, label="ORG", span_id=e.id), q]  # (they cover e: it goes)
    return _replaced_by(ents, back)


# ------------------------------------------------------------------ session 25
# China's peoples in the names of its autonomous areas, as Vietnamese writes them (world knowledge, no news text):
# "Châu tự trị dân tộc Cáp Nhì, dân tộc Di Hồng Hà", "huyện tự trị dân tộc Miêu, Dao, Thái Kim Bình"
_CN_PEOPLES = frozenset(tuple(w.lower().split()) for w in (
    "Choang", "Miêu", "Mèo", "Di", "Dao", "Thái", "Hồi", "Tạng", "Bạch", "Cáp Nhì", "Hà Nhì", "Lật Túc", "Nạp Tây",
    "Cảnh Pha", "Bố Y", "Động", "Thổ Gia", "Ngõa", "Lạp Hỗ", "Mông", "Mãn", "Triều Tiên", "Mông Cổ", "Duy Ngô Nhĩ",
    "Nùng", "Tày", "Lô Lô", "Thủy", "Mao Nam", "Ngật Lão", "Phổ Mễ", "Đức Ngang", "A Xương", "Bố Lãng", "Cơ Nặc"))
_AUTONOMY_LEVELS = {"huyện": True, "châu": True, "khu": False}  # (whether the area is below a province)
_TU = frozenset((get_string_id("tự"),))


def _autonomous_areas(doc: Doc, first: list[Span], ents: list[Span]) -> tuple[list[Span], set[int]]:
    """A body of one of China's autonomous areas named by its peoples and its place is one ORG (rules 2, 3): "Cục
    Công an Châu tự trị dân tộc Cáp Nhì, dân tộc Di Hồng Hà", "Cục Công an huyện tự trị dân tộc Miêu, Dao, Thái Kim
    Bình". The peoples are those of ``_CN_PEOPLES``, each perhaps after "dân tộc", joined by "," or "và"; the place is
    one to four capitalised words after them ("Tây Song Bản Nạp"). Without a body before it, a prefecture or a county names nothing: no
    PERSON in it ("châu tự trị dân tộc Choang, dân tộc Miêu Văn Sơn"; its tokens are returned, to be claimed). Runs
    at "tự trị" only; session 25."""
    n = len(doc)
    hits = [i for i in cues_at(doc, LOWER, _TU) if 0 < i < n - 3 and doc[i + 1].lower_ == "trị"
            and doc[i - 1].lower_ in _AUTONOMY_LEVELS]
    if not hits:
        return ents, set()
    heads = {e.end: e.start for e in first if e.label_ in ("_PART_BODY",) + _UNIT_HELPERS}
    heads.update({e.end: e.start for e in ents if e.label_ == "ORG"})
    found, nameless = [], []
    for i in hits:
        k, peoples = i + 2, 0
        while True:
            j = k
            if peoples:
                if j >= n or doc[j].lower_ not in (",", "và"):
                    break
                j += 1
            if j + 1 < n and doc[j].lower_ == "dân" and doc[j + 1].lower_ == "tộc":
                j += 2
            m = next((p for p in (3, 2, 1) if j + p <= n and all(t.is_title for t in doc[j:j + p])
                      and tuple(t.lower_ for t in doc[j:j + p]) in _CN_PEOPLES), 0)
            if not m:
                break
            k, peoples = j + m, peoples + 1
        end = k
        while end < n and end - k < 4 and doc[end].is_alpha and doc[end].is_title:
            end += 1
        if not peoples or end == k:
            continue
        start = heads.get(i - 1)
        if start is not None:
            found.append(Span(doc, start, end, label="ORG"))
        elif _AUTONOMY_LEVELS[doc[i - 1].lower_]:
            nameless.append((i - 1, end))
    claimed = {i for s, t in nameless for i in range(s, t)}
    ents = [e for e in ents if not (e.label_ == "PERSON" and claimed.intersection(range(e.start, e.end)))]
    return _replaced_by(ents, found), claimed


# ------------------------------------------------------------------ session 27
# Forces of a province named by their branch alone (world knowledge of how the provinces' forces are called), longest
# first
_FORCES = tuple(sorted((tuple(w.lower().split()) for w in (
    "Công an", "Biên phòng", "Bộ đội Biên phòng", "BĐBP", "Hải quan", "Kiểm lâm", "Quân sự", "Quân đội")),
    key=len, reverse=True))


def _force_before(doc: Doc, end: int, taken: set[int]) -> int | None:
    """The start of a capitalised force word ending at ``end`` in no entity, else None."""
    for words in _FORCES:
        start = end - len(words)
        if start >= 0 and _is_capitalised(doc[start]) and not taken.intersection(range(start, end)) \
                and tuple(t.lower_ for t in doc[start:end]) == words:
            return start
    return None


def _forces_sharing_a_place(doc: Doc, first: list[Span], ents: list[Span]) -> list[Span]:
    """Forces joined by "," or "và" before one place name no single body (rule 3: coordinated mentions are no ORG;
    rule 2: the province standing on its own is PROVINCE): "Công an, Biên phòng tỉnh Sơn La", "Công an và Bộ đội
    Biên phòng Điện Biên" → PROVINCE only, where the rules had taken the last force and the place for one ORG."""
    provinces = {(p.start, p.end) for p in first if p.label_ == "PROVINCE"}
    taken = _taken(ents)
    back = []
    for e in ents:
        if e.label_ != "ORG" or e.start < 3 or doc[e.start - 1].lower_ not in (",", "và"):
            continue
        lead = next((words for words in _FORCES if tuple(t.lower_ for t in doc[e.start:e.start + len(words)]) == words),
                    None)
        if lead is None or _force_before(doc, e.start - 1, taken) is None:
            continue
        k = e.start + len(lead)
        if k < e.end and doc[k].lower_ in ("tỉnh", "thành", "tp", "tp."):
            k += 2 if doc[k].lower_ == "thành" else 1
        if (k, e.end) in provinces:
            back.append(Span(doc, k, e.end, label="PROVINCE"))
    return _replaced_by(ents, back)  # (each province lies inside the ORG it replaces)


_LEAD_OPENERS = frozenset(("Ngày", "Sáng", "Trưa", "Chiều", "Tối", "Đêm", "Rạng", "Sau", "Từ", "Trong", "Vừa", "Hôm",
                           "Thời", "Qua", "Theo", "Những", "Nhiều", "Tại", "Với", "Chỉ", "Mới", "Năm", "Tháng", "Đầu",
                           "Cuối", "Trước", "Gần", "Hơn", "Ngay",
                           # (session 31: "QTO - Nhân chuyến thăm ...", "Vào dịp ...", "Nhằm ...", "Thực hiện ...")
                           "Nhân", "Vào", "Nhằm", "Thực", "Tiếp", "Trên", "Để", "Khoảng", "Lúc", "Hồi"))


def _sources_without_brackets(doc: Doc, ents: list[Span], papers: tuple[tuple[str, ...], ...]) -> list[Span]:
    """ORG for the outlet that opens a paragraph before a dash without brackets (scheme rule 6, as "(Baonghean.vn) -"):
    an abbreviation in capitals, "QTO - Ngày 16/8", "LCĐT - Ngày 18/10", or a national paper of ``papers``, "Dân trí -
    Chiều 2/10"; then a word that opens a lead (``_LEAD_OPENERS``: a time, "Sau", "Từ"). Not a byline's role ("PV"),
    nor a word an entity holds (a dateline's province, "TP.HCM - Sáng ..."); session 27."""
    n = len(doc)
    taken = None
    out = list(ents)
    for i in [0] + [j + 1 for j in newline_positions(doc)]:  # (a paragraph's first word)
        if i + 2 >= n:
            continue
        if doc[i].is_upper and doc[i].is_alpha and 2 <= len(doc[i]) <= 6 and doc[i].text not in _BYLINE_ROLES:
            k = i + 1
        else:
            paper = _paper_at(doc, i, papers) if doc[i].is_title else None
            k = i + len(paper) if paper else i
        if k == i or k + 1 >= n or doc[k].text not in ("-", "–") or doc[k + 1].text not in _LEAD_OPENERS:
            continue
        taken = _taken(ents) if taken is None else taken
        if not taken.intersection(range(i, k)):
            out.append(Span(doc, i, k, label="ORG"))
    return out
