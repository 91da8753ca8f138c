"""Build configs/patterns/{helpers,organisations,persons,exclusions}.jsonl and classes.json.

The rules are composed in two passes (vner.model.patterns):

1. first pass, mostly phrase patterns from word lists: provinces, ranks,
   national bodies (ORG), and helper spans that are pieces of entities
   (``_PART_BODY`` "Công an", ``_PART_UNIT`` "Phòng", ``_PART_DESC``
   "Cảnh sát điều tra tội phạm về ma túy", ``_COUNTRY``) or context for them
   (``_POS`` titles, ``_CUE`` "Ảnh:", ``_HON`` "ông");
2. second pass, a few shapes over those spans: ``_PART_BODY`` + "tỉnh" +
   PROVINCE → ORG; unit + name + parent body → ORG; cue + name → PERSON.

The word lists are data: ``configs/patterns/words/*.txt`` (one entry a line,
``#`` comments; see the README there). Edit a list or a shape here, then:
    .venv/bin/python scripts/build_patterns.py
tests/annotation/test_rules.py fails when the committed files differ from a
fresh run.

Written in a clean room: from the annotation scheme and general knowledge of
Vietnamese news writing only, by people who never read the seed documents.
The list files beside them (ranks, provinces, quantities) are edited by hand.
"""
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "configs" / "patterns"
WORDS = OUT / "words"
GAZETTEERS = OUT.parent / "gazetteers"
GENERATED = ("helpers.jsonl", "organisations.jsonl", "persons.jsonl", "exclusions.jsonl", "ranks.jsonl",
             "quantities.jsonl", "provinces-gazetteer.jsonl", "classes.json")


def words(name: str, marked: bool = False):
    """Entries of words/<name>.txt; with ``marked``, (entry, mark) pairs ("Chiến ^" → ("Chiến", "^"))."""
    out = []
    for line in (WORDS / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        entry, _, mark = line.partition(" ") if line.endswith((" ^", " <")) else (line, "", "")
        out.append((entry, mark) if marked else entry)
    return out


def gazetteer(name: str) -> list[list[str]]:
    """The entries of configs/gazetteers/<name>.txt, each a list of spellings (canonical first)."""
    from vner.model.gazetteers import load_gazetteer

    return load_gazetteer(name, GAZETTEERS / f"{name}.txt")


def tone_norm(text):
    from vner.model.ruler import tone_norm as norm

    return norm(text)


def _tokenizer():
    from vner.model.nlp import make_nlp

    return make_nlp("syllable").tokenizer


TOKENIZE = _tokenizer()


def toks(s):
    return [t.text for t in TOKENIZE(s)]


def ph(s, ci=False):
    """Token pattern for a phrase: NORM per syllable (case-sensitive unless ci)."""
    out = []
    for w in toks(s):
        if w in ("-", "–"):
            out.append({"ORTH": {"IN": ["-", "–"]}})
        elif not any(c.isalnum() for c in w):
            out.append({"ORTH": w})
        elif ci:
            out.append({"NORM": {"IN": sorted({w, w.lower(), w[0].upper() + w[1:]})}})
        else:
            out.append({"NORM": w})
    return out


def ent(label, op="+", **extra):
    return {"ENT_TYPE": label, "OP": op, **extra} if op else {"ENT_TYPE": label, **extra}


def ents(labels, op="+"):
    return {"ENT_TYPE": {"IN": list(labels)}, "OP": op}


lines = {}  # file -> list of dicts


def add(fname, label, pattern, id_=None):
    # (a token pattern never opens on an optional token or one that matches almost any token: spaCy's Matcher tries
    # it at every position, bench/findings.md 15)
    d = {"label": label, "pattern": pattern}
    if id_:
        d["id"] = id_
    lines.setdefault(fname, []).append(d)


F_HELP, F_ORG, F_PER, F_EXC = "helpers.jsonl", "organisations.jsonl", "persons.jsonl", "exclusions.jsonl"
F_RANK, F_QTY, F_PROV = "ranks.jsonl", "quantities.jsonl", "provinces-gazetteer.jsonl"

# --------------------------------------------------------------- word classes
ORG_VOCAB = [(w, m) for w, m in words("org-vocabulary.txt", marked=True) if " " not in w]
# Pairs "Phòng chống": a word that starts a unit ("Phòng") starts a descriptive name only before that word
VOCAB_PAIRS = {tuple(toks(tone_norm(w))) for w in words("org-vocabulary.txt") if " " in w}
CLASSES = {
    # words of descriptive department names; "_last" = may end one
    "org_word": sorted({w for w, _ in ORG_VOCAB}),
    "org_word_last": sorted({w for w, m in ORG_VOCAB if m != "<"}),
    # (not the words that start the name of a body or unit: "Công" of "Bộ Công an nhân dân"; nor "Khẩu", the second
    # syllable of "cửa khẩu", which ends a gate's name: "cửa khẩu Thủy Khẩu và Hải quan Thủy Khẩu"; session 16b)
    "org_word_first": sorted({w[0].upper() + w[1:] for w, _ in ORG_VOCAB if w != "về"} - set(
        "Trường Học Phòng Bộ Cục Đội Sở Trại Công Văn Ban Tổng Đồn Trung Hành Chính Nhân Quân Lực Cơ Khẩu"
        # (nor "Mua", "Bán", "Người": "Người dân", "Mua bán người là ..." open sentences, no department; session 19b)
        " Mua Bán Người".split())),
    # capitalised words never in a person's name (first: never starting one)
    "not_name_first": sorted({w for w, _ in words("not-name.txt", marked=True)}),
    "not_name": sorted({w for w, m in words("not-name.txt", marked=True) if m != "^"}),
}
# (a place may end on "Bài", "Giấy", which are in no person's name: "cửa khẩu quốc tế Mộc Bài", "quận Cầu Giấy")
CLASSES["not_place"] = sorted((set(CLASSES["not_name"]) | {"Công", "Đại", "Trung", "Quốc", "Cảnh"}) - {"Bài", "Giấy"})
# ... but a place after a district or commune word may start on "Thủ": "phường Thủ Dầu Một", "phường Thủ Đức" (session
# 10a; "Báo Thủ Đoạn" in a title-case headline stays no paper)
NOT_PLACE_START = sorted(set(CLASSES["not_place"]) - {"Thủ"})
CLASSES["not_place_later"] = sorted(set(CLASSES["not_place"]) - {"Quốc"})
CLASSES["org_word_any"] = sorted(set(CLASSES["org_word"]) | set(CLASSES["org_word_first"]))
CLASSES["not_place_next"] = sorted(words("not-place.txt"))
# given names (one word after "tên": "một người tên Khánh")
# heads of places whose names may hold a capitalised "Bà", "Ông" ("núi Bà Đen", "Đồn Biên phòng Cầu Ông Lãnh"): the
# last word of each line of locals.txt ("cửa khẩu" → "khẩu"; persons._family_name_ong; session 14)
# (and capitalised, inside a body's name: "Đồn Biên phòng Cầu Ông Lãnh")
CLASSES["place_head"] = sorted({tone_norm(f) for w in words("locals.txt") for f in (toks(w)[-1], toks(w)[-1].title())})
# Khmer family names (configs/gazetteers/person-km-surname.txt) and English words of brands that are no given name
# ("Sun Group"): persons._names_in_latin_script (session 14; were Python sets there)
CLASSES["khmer_surname"] = sorted({tone_norm(v) for e in gazetteer("person-km-surname") for v in e})
CLASSES["khmer_vi_surname"] = sorted({tone_norm(v) for e in gazetteer("person-km-vi-surname") for v in e})
CLASSES["latin_not_given"] = sorted(words("latin-not-given.txt"))
# The other word lists of the document-level steps (session 15; were Python sets in persons.py and helpers.py): family
# names in pinyin and Korean (configs/gazetteers/person-zh-surname.txt, person-ko-surname.txt), sources and brands that
# are no person, given names that start no name or stand not alone, middle names (words/*.txt, each header says how)
CLASSES["pinyin_surname"] = sorted({tone_norm(v) for e in gazetteer("person-zh-surname") for v in e})
CLASSES["korean_surname"] = sorted({tone_norm(v) for e in gazetteer("person-ko-surname") for v in e})
CLASSES["cited_not_person"] = sorted({tone_norm(w) for w in words("cited-not-persons.txt")})
CLASSES["given_not_first"] = sorted({tone_norm(w) for w in words("given-not-first.txt")})
# (in capitals: "AN NINH" is no byline)
CLASSES["given_not_first_caps"] = sorted({tone_norm(w.upper()) for w in words("given-not-first.txt")})
CLASSES["given_not_alone"] = sorted({tone_norm(w) for w in words("given-not-alone.txt")})
CLASSES["open_as_a_word"] = sorted({tone_norm(w) for w in words("open-as-a-word.txt")})
CLASSES["middle_name"] = sorted({tone_norm(w) for w in words("middle-names.txt")})
# syllables that start Lao names (configs/gazetteers/person-lo-syllable.txt): a run of four or five words before ", " +
# a title that starts with one is one name ("Khăm Phăn Phôm Ma Thắt, Thứ trưởng ..."; persons._listed_names; session 14)
CLASSES["lao_syllable"] = sorted({tone_norm(v) for e in gazetteer("person-lo-syllable") for v in e})
# countries of one word in any spelling (configs/gazetteers/country.txt: "Thailand", "Cambodia"): no lone name before a
# title (persons._lone_latin_name; session 14)
CLASSES["country_word"] = sorted({tone_norm(v) for e in gazetteer("country") for v in e if len(toks(v)) == 1})
CLASSES["given"] = sorted({tone_norm(v) for e in gazetteer("person-vi-given") for v in e} - set(CLASSES["not_name_first"]))  # family names: a place name stops before one
# A descriptive name must not start on the last syllable of a province ("Nghệ An tổ chức", "Quảng Trị điều tra"
# would lose the province): those syllables start one only with the word that follows them in a body's name in
# the word lists ("An ninh", "Nội vụ", "Biên phòng", "Hồ sơ").
PROVINCE_ENDS = {tone_norm(w) for f in sorted(GAZETTEERS.glob("province-*.txt")) if f.stem != "province-cue"
                 for e in gazetteer(f.stem) for v in e for w in toks(v)[1:]}
# (nor on the last syllable of a country: "Bộ Công an Trung Quốc truy nã" keeps the country in the ORG)
PROVINCE_ENDS |= {tone_norm(w) for c in words("countries.txt") for w in toks(c)[1:] if w[:1].isupper()}
NAMES_OF_BODIES = [toks(tone_norm(w)) for f in ("national.txt", "place-bodies.txt", "departments.txt", "units.txt")
                   for w in words(f)]
PAIRS = VOCAB_PAIRS | {(t[i], t[i + 1]) for t in NAMES_OF_BODIES for i in range(len(t) - 1)
                       if t[i] in PROVINCE_ENDS and t[i] in CLASSES["org_word_first"]
                       # (not "Quốc" + "về" of "Liên Hợp Quốc về Ma túy": "Bộ Công an Trung Quốc về tội ..." lost its
                       # country to a description "Quốc về tội tổ chức"; session 23)
                       and t[i + 1] in CLASSES["org_word"] and t[i + 1] != "về"}
CLASSES["org_word_first"] = sorted(set(CLASSES["org_word_first"]) - PROVINCE_ENDS)
# Descriptive names in headlines in capitals ("PHÒNG CẢNH SÁT HÌNH SỰ CÔNG AN TỈNH X"; session 9a): the same words in
# capitals, where no case tells where the name ends, so never a word that starts a body's or unit's name after the
# first ("CÔNG" of "CÔNG AN", "BỘ", "ĐỒN") nor a province's last syllable
BODY_FIRSTS = {t[0] for t in NAMES_OF_BODIES} | {toks(tone_norm(w))[0] for w in words("local-bodies.txt")}
CLASSES["org_word_caps_first"] = sorted({w.upper() for w in CLASSES["org_word_first"]})
CLASSES["org_word_caps"] = sorted({w.upper() for w, _ in ORG_VOCAB if w[:1].upper() + w[1:] not in BODY_FIRSTS
                                   and w.capitalize() not in PROVINCE_ENDS})
CLASSES["org_word_caps_last"] = sorted({w.upper() for w, m in ORG_VOCAB if m != "<"} & set(CLASSES["org_word_caps"]))
# ... and in title case (session 15a): "Phòng Cảnh Sát Kinh Tế Công An Tỉnh X", the same words capitalised, never a
# word that starts a body's or unit's name (a title-case unit helper below: after a unit word and a first word, so a
# province's last syllable may be one, "Kinh" of "Bắc Kinh" and of "Kinh Tế")
# (but the first words of bodies that never follow a unit as its parent may: "Giao Thông", "Kiểm Soát", "Bảo Vệ")
CLASSES["org_word_title"] = sorted({w[:1].upper() + w[1:] for w, _ in ORG_VOCAB} - (BODY_FIRSTS - {
    "An", "Biên", "Bảo", "Chính", "Cơ", "Kiểm", "Quốc", "Thông", "Truyền", "Tổ", "Liên"}))
# (the first word may be one that starts a descriptive name, "Cảnh" of "Cảnh Sát"; not "Chống": "Phòng Chống Ma Túy" is
# the field, as "Phòng chống ma túy Công an tỉnh X" in lower case)
CLASSES["org_word_title_first"] = sorted((set(CLASSES["org_word_first"]) | set(CLASSES["org_word_title"])) - {"Chống"})
CLASSES["org_word_title_last"] = sorted({w[:1].upper() + w[1:] for w, m in ORG_VOCAB if m != "<"}
                                        & set(CLASSES["org_word_title"]))


def cls(name, value=True, **extra):
    return {"_": {f"vner_{name}": value}, **extra}


# --------------------------------------------------------------- token shapes
DIGITS = {"TEXT": {"REGEX": r"^\d+(?:[.,]\d+)*$"}}
CODE = {"TEXT": {"REGEX": r"^[A-ZĐ]{1,3}\d{1,3}[A-Z]?$"}}  # C10, PC04, A02
SMALL_NUMBER = {"TEXT": {"REGEX": r"^(\d{1,3}|[IVX]{1,4})$"}}
PROV = ent("PROVINCE")
CITY = ent("_CITY")
HCM = ent("_HCM")
QTY = ent("QUANTITY")
COUNTRY = ent("_COUNTRY")
NAT = {"ENT_ID": {"IN": ["NAT", "NATDEPT"]}, "OP": "+"}
SEP = {"ORTH": {"IN": [",", "-", "–", "và"]}}
DASH = {"ORTH": {"IN": ["-", "–"]}}
NUOC = {"LOWER": "nước", "OP": "?"}
CAPITALISED = {"IS_TITLE": True, "IS_ALPHA": True}  # a word of letters with a capital first letter

# Labels a name token may not carry (context and pieces of other entities).
CUES = ["RANK", "_POS", "_CUE", "_DC", "_HON", "_HON2", "_SUSP", "_HCMCUE"]
NOT_IN_NAME = CUES + ["_CITY", "_HCM", "QUANTITY", "_COUNTRY", "ORG", "_PART_BODY", "_PART_LBODY", "_PART_UNIT",
                      "_PART_DEPT", "_PART_SCHOOL", "_PART_NEWS", "_PART_POST", "_PART_PRISON", "_PART_EMB"]


def name_first():
    return {**CAPITALISED, **cls("not_name_first", False),
            "ENT_TYPE": {"NOT_IN": NOT_IN_NAME + ["PROVINCE"]}}


# "Anh", "Em" after the first word are given names, not the pronoun cues "anh", "em"
# (nor "Bác" of the Hồ Chí Minh context, a given name there: "Diêu Văn Bác"; session 9a)
NOT_IN_NAME_NEXT = [label for label in NOT_IN_NAME if label not in ("_HON", "_HON2", "_HCMCUE")]


def name_next(op="?"):
    spec = {**CAPITALISED, **cls("not_name", False), "ENT_TYPE": {"NOT_IN": NOT_IN_NAME_NEXT}}
    return {**spec, "OP": op} if op else spec


GLUE = cls("glued", OP="*")


def names(lo, hi):
    """A person's name of lo..hi capitalised words; each word may be hyphen-glued ("Xổm-phăn")."""
    tail = []
    for _ in range(hi - 1):
        tail += [name_next(), GLUE]
    out = []
    if lo <= 1:
        out.append([name_first(), GLUE] + tail)
    else:
        # two words or more, or one word glued from two or more syllables
        out.append([name_first(), cls("glued", OP="+")] + tail)
        out.append([name_first(), GLUE, name_next(op=None), GLUE] + tail[2:])
    return out


def place_tok(op=None, first=True):
    """A capitalised word of a place name; after the first, no family name ("huyện Mường Tè" + "Phan Minh Trí")."""
    # (after the first word "Quốc" may go on a place, "TP Phú Quốc", "Cảnh sát Hàn Quốc"; "Trung" may not, so that
    # "tỉnh Vân Nam Trung Quốc" keeps its province alone; session 31)
    classes = {"vner_not_place": False} if first else {"vner_not_place_later": False, "vner_not_place_next": False}
    # (nor the national road's first word, a helper: "Đồn Biên phòng Na Quốc lộ 4" is "Đồn Biên phòng Na")
    # (never inside a border post's name: "Đồn Biên phòng Lào Cai" is no "Đồn" + place "Biên")
    # (a capitalised honorific, "Bà", "Ông", "Cụ", is part of the place, not a person's cue (session 13): "cửa khẩu
    # Dinh Bà", "Đồn Biên phòng Suối Ông Chú", "Công an xã Bà Tường"; lower case "bà" after a comma stays a cue:
    # "Đồn Biên phòng Mộc Bài, bà Nguyễn Thị Hoa"; "Anh", "Chị" stay cues ("... Nam Đàn Anh Nguyễn Văn Hùng"), and the
    # resolver gives a person back the honorific an ORG ended on: "Công an huyện X Ông Lò Văn Pọm", and drops a body
    # left with no place: "Trưởng Công an xã Bà Nguyễn Thị Hoa" gives the PERSON only)
    cues = [c for c in CUES if c != "_HON"]
    spec = {**CAPITALISED, "_": classes,
            "ENT_TYPE": {"NOT_IN": cues + ["QUANTITY", "ORG", "_PART_POST", "_ROAD"]}}
    return {**spec, "OP": op} if op else spec


# (a place of one word may be hyphen-glued: "huyện Mường-xén", "tại Pắc-xế"; glue after every word made the shapes
# that use it slower)
PLACE_NAME = [place_tok(), GLUE, place_tok(op="{0,3}", first=False)]

# --------------------------------------------------------------- first pass: helpers
# A national road, whose first word no place goes on over (`place_tok`; session 31)
add(F_HELP, "_ROAD", "Quốc lộ")
COUNTRIES = words("countries.txt")
for c in COUNTRIES:
    for form in dict.fromkeys([c, c.upper()]):  # also in headlines in capitals: "BỘ AN NINH LÀO"
        add(F_HELP, "_COUNTRY", form)
TITLE_CASE_BODIES = {"Công an", "Bộ đội Biên phòng", "Bộ Chỉ huy Bộ đội Biên phòng", "Sở An ninh", "Sở Công an",
                     "Tỉnh ủy", "Tỉnh uỷ", "Ủy ban nhân dân", "Tòa án nhân dân", "Viện Kiểm sát nhân dân",
                     "Cảnh sát", "Bộ Chỉ huy Quân sự", "Cục Hải quan", "Sở Cảnh sát"}
TITLE_CASE_HEADS = {"Tổng cục", "Bộ Tư lệnh"}
for label, file in [("_PART_BODY", "place-bodies.txt"), ("_PART_LBODY", "local-bodies.txt"),
                    ("_PART_UNIT", "units.txt"), ("_PART_DEPT", "departments.txt")]:
    for w in words(file):
        # ("công an" in lower case is the force, no named body: "cán bộ công an Vân Nam", "lực lượng công an tỉnh X" keep
        # the province only, as sets O, P and S read them; session 10a)
        add(F_HELP, "_FORCE" if w == "công an" else label, w)
        if label == "_PART_BODY" and w.upper() != w:  # headlines in capitals: "CÔNG AN TỈNH NGHỆ AN"
            add(F_HELP, label, w.upper())
        # ... and in title case, the bodies headlines name most: "Công An Tỉnh Quảng Trị", "Sở An Ninh Tỉnh X"
        title = " ".join(t[:1].upper() + t[1:] for t in w.split())
        if label == "_PART_BODY" and title != w and w in TITLE_CASE_BODIES:
            add(F_HELP, label, title)
        # (a department's head of two or three words in any case of its later syllables, as news prints it: "Tổng
        # Cục Cảnh sát", "Bộ Tư Lệnh Bộ đội Biên phòng"; session 14)
        if label == "_PART_DEPT" and title != w and w in TITLE_CASE_HEADS:
            add(F_HELP, label, title)
# ... and units and departments in capitals (session 9a): "PHÒNG CẢNH SÁT HÌNH SỰ CÔNG AN TỈNH X"; one token pattern
# per number of words, each word from its position's set (a phrase pattern each would pass the cap of patterns)
for label, file in [("_PART_UNIT", "units.txt"), ("_PART_DEPT", "departments.txt")]:
    by_length = {}
    for w in words(file):
        if w.upper() != w:
            by_length.setdefault(len(toks(w)), set()).add(tuple(toks(tone_norm(w.upper()))))
    for w in sorted(by_length.pop(1, ())):  # (one word: a phrase pattern; three and more: left out, see the README)
        add(F_HELP, label, w[0])
    forms = by_length.get(2, ())
    if forms:
        add(F_HELP, label, [{"NORM": {"IN": sorted({f[k] for f in forms})}} for k in range(2)])
HONORIFICS = ("ông", "Ông", "bà", "Bà", "ngài", "Ngài", "đồng chí", "Đồng chí", "ĐỒNG CHÍ", "đ/c", "Đ/c", "Đ/C")
# A title that ends where the name of a body starts is cut there, so that the body is found inside it
# ("Bí thư Tỉnh ủy" + "Cao Bằng" -> ORG "Tỉnh ủy Cao Bằng"; "Ủy viên Bộ Chính trị" -> ORG "Bộ Chính trị";
# "Trưởng Công an huyện X"): the part before is a title; the part after, if it is only the start of a body's
# name ("Ban Thường vụ", "Đảng ủy"), a title too. Not cut before a bare unit word ("Chánh Văn phòng") or
# "Thường trực" ("Phó Chủ tịch Thường trực" + ORG "UBND tỉnh X").
BODY_HEADS = [toks(tone_norm(w)) for f in ("place-bodies.txt", "local-bodies.txt", "national.txt") for w in words(f)]
UNIT_WORDS = {tuple(toks(tone_norm(w))) for f in ("units.txt", "departments.txt") for w in words(f)}
UNIT_WORDS.add(("Thường", "trực"))


def title_parts(title):
    """The title phrases to match for a title: itself, or its parts around the start of a body's name."""
    t = toks(tone_norm(title))
    for k in range(1, len(t)):
        rest = t[k:]
        if tuple(rest) not in UNIT_WORDS and any(h[:len(rest)] == rest or rest[:len(h)] == h for h in BODY_HEADS):
            return [" ".join(t[:k])] + ([] if rest in BODY_HEADS else [" ".join(rest)])
    return [title]


TITLES = list(dict.fromkeys(words("titles.txt") + [v for e in gazetteer("title") for v in e]))
for w in TITLES:
    if w not in HONORIFICS:
        for part in title_parts(w):
            add(F_HELP, "_POS", part)


# The capitalised later words of titles that are title words ("Phó Thủ tướng Thường trực", "Tổng Bí thư"); a title
# capitalised at a word that starts a body's name (BODY_FIRSTS: "Phòng", "Ban", "Cục") holds a body
TITLE_CAPITALS = {"Thường", "Bí", "Thủ", "Giám", "Chủ", "Thư", "Lãnh", "Chánh", "Văn", "Giáo", "Đặc", "Tổng"}


def case_variants(title):
    """``title`` as news also writes it: its later words all capitalised ("Phó Giám Đốc", "Cục Trưởng"), all in lower
    case ("Phó giám đốc"), the whole title in lower case ("đội trưởng", after a name and a comma: "Tô Tú, đội trưởng
    Đội ..."), or capitalised before a final "trưởng" ("Tổng Cục trưởng", "Phó Tổng Cục trưởng"). A word
    that starts a body's name is capitalised only before "trưởng" ("Tổng Cục trưởng" names no "Cục", but "Trưởng
    Phòng" is "Trưởng" + the ORG "Phòng ...")."""
    first, *rest = title.split()
    head = rest[-1].lower() == "trưởng"  # ("Phó Tổng cục trưởng": its words before "trưởng" name its head's body)
    if not all(w[:1].islower() or w in TITLE_CAPITALS or tone_norm(w) in BODY_FIRSTS for w in rest):
        return []  # (a name: "Samdech Techo")
    lower = [w.lower() for w in rest]
    variants = [[first.lower()] + lower]  # (in lower case no word starts a body's name: "trưởng phòng")
    if head or not any(tone_norm(w[:1].upper() + w[1:]) in BODY_FIRSTS for w in rest):
        variants.append([first] + lower)  # (not "Bí thư tỉnh ủy", "Chủ tịch quốc hội": the body's name stays)
    cap = [w[:1].upper() + w[1:] for w in rest]
    if first[:1].isupper() and (head or not any(tone_norm(w) in BODY_FIRSTS for w in cap)):
        variants.append([first] + cap)
        if head:
            variants.append([first] + cap[:-1] + ["trưởng"])
    out = []
    for first_, *words_ in variants:
        variant = " ".join([first_] + words_)
        if variant != title and variant not in out:
            out.append(variant)
    return out


# ... and the same titles in the other cases of their later words (session 21: "Tổng Cục trưởng Tổng cục Cảnh sát
# quốc gia Campuchia" + a Khmer name; "Phó Giám Đốc Công an tỉnh X" + a Lao name): every case, where it cuts no body
# out of the title; the titles of one word and those of persons' honour ("Tổng Bí thư") have no later word to vary
for w in TITLES:
    if w not in HONORIFICS and 1 < len(w.split()) <= 4 and all(c.isalpha() or c == " " for c in w):
        for variant in case_variants(w):
            add(F_HELP, "_POS", variant)
# ... and the titles of two words that headlines in capitals put before a name (session 9b): "THỨ TRƯỞNG LÊ VĂN
# THUẬN DỰ ...", "GIÁM ĐỐC", "ĐẠI SỨ", "CHỦ TỊCH", "BỘ TRƯỞNG", "CỤC TRƯỞNG" (one token pattern, each word from its
# position's set; no pair of them is anything else: not "TƯỚNG", which "ĐẠI TƯỚNG" the rank has)
add(F_HELP, "_POS", [{"ORTH": {"IN": ["THỨ", "BỘ", "GIÁM", "ĐẠI", "CHỦ", "CỤC"]}},
                     {"ORTH": {"IN": ["TRƯỞNG", "ĐỐC", "SỨ", "TỊCH"]}}])
# Codes of departments and units ("C04", "PC04", "B14"): the name of a unit ("Cục C04", "Phòng PC04"). A part of the
# ORG it names, so that a shape may start with it ("PC04 Công an tỉnh X").
add(F_HELP, "_PART_CODE", [CODE])
for w in ("Trường Đại học", "Đại học", "Trường Cao đẳng", "Trường Sĩ quan", "Trường Trung cấp"):
    add(F_HELP, "_PART_SCHOOL", w)
# General schools, by their level (session 7b): "Trường THPT", "Trường Tiểu học", also named after a person (below)
for w in ("Trường THPT", "Trường THCS", "Trường Tiểu học", "Trường Mầm non", "Trường Trung học phổ thông",
          "Trường Trung học cơ sở", "Trường Phổ thông", "Trường PTDTNT", "Trường PTDTBT", "Trường Phổ thông Dân tộc nội trú",
          "Trường Phổ thông Dân tộc bán trú", "Trường TH", "Trường MN", "Trường Phổ thông dân tộc nội trú",
          "Trường Phổ thông dân tộc bán trú"):
    add(F_HELP, "_PART_SCHOOL_K12", w)
for w in ("Công ty", "Công ty TNHH", "Công ty Cổ phần", "Công ty cổ phần", "Công ty CP", "Công ty TNHH MTV",
          "Công ty TNHH một thành viên", "Tổng công ty", "Tập đoàn", "Xí nghiệp", "Hợp tác xã", "Doanh nghiệp tư nhân",
          "DNTN", "Bệnh viện Hữu nghị",
          # a law firm (session 28): "Công ty Luật TNHH Đông Bắc", "Công ty Luật Hợp danh Minh Khuê"
          "Công ty Luật TNHH", "Công ty Luật hợp danh", "Công ty Luật Hợp danh", "Văn phòng Luật sư"):
    add(F_HELP, "_PART_COMPANY", w)
for w in ("Báo", "Tạp chí", "Tuần báo", "Nhật báo", "Báo điện tử", "Báo Điện tử", "Trang thông tin điện tử",
          "Đài Phát thanh", "Đài Truyền hình",
          # a station's name with a dash (session 28): "Đài Phát thanh - Truyền hình Quảng Trị"
          "Đài Phát thanh - Truyền hình", "Đài Phát thanh – Truyền hình", "Đài Phát thanh-Truyền hình"):
    add(F_HELP, "_PART_NEWS", w)
for w in ("Đồn Biên phòng", "đồn Biên phòng", "Đồn BP", "Đồn biên phòng", "Trạm Kiểm soát Biên phòng",
          "Trạm kiểm soát Biên phòng", "Trạm Kiểm soát biên phòng", "Ban Chỉ huy Biên phòng", "Đồn Công an", "Trạm Biên phòng",
          "Hải đội Biên phòng", "Đại đội Biên phòng", "Đồn Biên phòng tuyến", "Đồn Biên phòng cửa khẩu",
          "Đồn Biên phòng cửa khẩu quốc tế", "Đồn Biên phòng cửa khẩu quốc gia", "Đồn Biên phòng cửa khẩu cảng",
          # a neighbour's border police post, named by its gate (session 15b): "Đồn Cảnh sát cửa khẩu Prây Vo"
          "Đồn Cảnh sát", "Đồn Cảnh sát cửa khẩu", "Đồn Cảnh sát cửa khẩu quốc tế",
          # an airport's border post (session 24): "Đồn Biên phòng cửa khẩu Cảng hàng không quốc tế Nội Bài"
          "Đồn Biên phòng cửa khẩu cảng hàng không quốc tế", "Đồn Biên phòng cửa khẩu Cảng hàng không quốc tế",
          "Đồn Biên phòng cửa khẩu Cảng Hàng không Quốc tế",
          # a Cambodian immigration post at its gate (session 24): "Đồn Xuất nhập cảnh quốc tế Bavet"
          "Đồn Xuất nhập cảnh", "Đồn Xuất nhập cảnh quốc tế",
          # a Chinese border police station (session 28): "Đồn Công an biên phòng Kiều Đầu"
          "Đồn Công an biên phòng", "Đồn Công an Biên phòng",
          # a Cambodian naval post (session 31): "Đồn Hải quân Kep", "Đồn Hải quân tỉnh Kep"
          "Đồn Hải quân", "Đồn Hải quân tỉnh"):
    add(F_HELP, "_PART_POST", w)
# ... in title case (session 15a): "Đồn Biên Phòng Cửa Khẩu Quốc Tế Lao Bảo" (one token pattern; "Đồn Biên Phòng
# Cửa" + the place "Khẩu ..." is a shorter match, the longest wins)
add(F_HELP, "_PART_POST", [{"ORTH": "Đồn"}, {"ORTH": "Biên"}, {"ORTH": "Phòng"}, {"ORTH": "Cửa", "OP": "?"},
                           {"ORTH": "Khẩu", "OP": "?"}, {"ORTH": "Quốc", "OP": "?"}, {"ORTH": {"IN": ["Tế", "Gia"]}, "OP": "?"}])
for w in ("Trại giam", "Trại tạm giam", "Nhà tạm giữ"):
    add(F_HELP, "_PART_PRISON", w)
# (and the police and defence attachés' offices, session 17a: "Văn phòng Tùy viên Công an Việt Nam tại Lào", as an
# embassy with its country and where it is; "TLSQ", Tổng Lãnh sự quán, as "ĐSQ", session 19c: "TLSQ Luông Pha Bang")
for w in ("Đại sứ quán", "Tổng Lãnh sự quán", "Lãnh sự quán", "ĐSQ", "TLSQ", "Cơ quan đại diện", "Đại Sứ Quán",
          "Văn phòng Tùy viên Công an", "Văn phòng Tùy viên Quốc phòng",
          # (session 25: the attachés' section, "Ban Tùy viên Công an Việt Nam tại Lào")
          "Ban Tùy viên Công an", "Ban Tùy viên Quốc phòng",
          # (session 30: "Cơ quan Tùy viên Công an Việt Nam tại Campuchia")
          "Cơ quan Tùy viên Công an", "Cơ quan Tùy viên Quốc phòng",
          # (session 27: the consulate general in lower case after "Tổng", "Tổng lãnh sự quán Campuchia tại ...")
          "Tổng lãnh sự quán"):
    add(F_HELP, "_PART_EMB", w)
# Descriptive names of departments: a capitalised vocabulary word, then lower-case ones.
DESC_FIRST = cls("org_word_first")
PAIR_STARTS = [[{"NORM": a}, {"NORM": {"IN": sorted(b for a2, b in PAIRS if a2 == a)}}]
               for a in sorted({a for a, _ in PAIRS})]
DESC_WORD = lambda op=None: {**cls("org_word"), **({"OP": op} if op else {}), "IS_LOWER": True}  # noqa: E731
DESC_LAST = {**cls("org_word_last"), "IS_LOWER": True}
add(F_HELP, "_PART_DESC", [DESC_FIRST, DESC_WORD("*"), DESC_LAST])
# ... and "Cảnh Sát" with its second syllable capitalised, as news prints it: "Phòng Cảnh Sát hình sự Công an tỉnh X"
# (session 14; "Cảnh Sát" alone stays the body of TITLE_CASE_BODIES)
add(F_HELP, "_PART_DESC", [{"NORM": "Cảnh"}, {"NORM": "Sát"}, DESC_WORD("*"), DESC_LAST])
# ... and a unit or department named in title case, as headlines print it (session 15a): "Phòng Cảnh Sát Kinh Tế",
# "Cục Cảnh Sát Hình Sự", "Đội Cảnh Sát Giao Thông" is one unit helper with its description (a description in title
# case alone would read the words of any headline: "Phòng Chống Ma Túy Qua Biên Giới" names no unit), so that the unit
# shapes join it to its parent: "Phòng Cảnh Sát Kinh Tế Công An Tỉnh Quảng Trị" (a unit with no parent is nothing)
add(F_HELP, "_PART_UNIT", [{"ORTH": {"IN": ["Phòng", "Đội", "Cục"]}}, {**cls("org_word_title_first"), "IS_TITLE": True},
                           {**cls("org_word_title"), "OP": "*"}, cls("org_word_title_last")])
# ... in capitals, three words at least (so that "CẢNH SÁT" stays a body: "CẢNH SÁT TỈNH KANDAL"; session 9a)
add(F_HELP, "_PART_DESC", [{**cls("org_word_caps_first"), "IS_UPPER": True}, {**cls("org_word_caps"), "OP": "+"},
                           cls("org_word_caps_last")])
add(F_HELP, "_PART_DESC", [DESC_FIRST, DESC_WORD("*"), {"LOWER": "phòng"}, {"ORTH": ","}, {"LOWER": "chống"},
                           DESC_WORD("*"), DESC_LAST])
add(F_HELP, "_PART_DESC", [DESC_FIRST, DESC_WORD("*"), {"LOWER": "cháy"}, {"ORTH": ","}, {"LOWER": "chữa"},
                           {"LOWER": "cháy"}, DESC_WORD("*"), DESC_LAST])
add(F_HELP, "_PART_DESC", [DESC_FIRST, DESC_WORD("*"), {"LOWER": "cháy"}, {"ORTH": ",", "OP": "?"}, {"LOWER": "chữa"},
                           {"LOWER": "cháy"}, {"LOWER": "và"}, {"LOWER": "cứu"}, {"LOWER": "nạn"}, {"ORTH": ","},
                           {"LOWER": "cứu"}, {"LOWER": "hộ"}])  # "... phòng cháy, chữa cháy và cứu nạn, cứu hộ"
# "Tuần tra, kiểm soát" with its comma, perhaps with what it controls: "Đội Tuần tra, kiểm soát giao thông" (session 8)
TUAN_TRA = [{"NORM": "Tuần"}, {"LOWER": "tra"}, {"ORTH": ","}, {"LOWER": "kiểm"}, {"LOWER": "soát"}]
add(F_HELP, "_PART_DESC", TUAN_TRA)
add(F_HELP, "_PART_DESC", TUAN_TRA + [DESC_WORD("*"), DESC_LAST])
# "Phòng, chống" capitalised with its comma: "Đội Phòng, chống ma túy và tội phạm Đồn Biên phòng X" (session 8c)
add(F_HELP, "_PART_DESC", [{"NORM": "Phòng"}, {"ORTH": ","}, {"LOWER": "chống"}, DESC_WORD("*"), DESC_LAST])
# a capitalised word pair inside a description: "Kiểm soát Hải quan", "... bảo vệ an ninh Tổ quốc"
add(F_HELP, "_PART_DESC", [DESC_FIRST, DESC_WORD("*"), {"NORM": {"IN": ["Hải", "Tổ"]}}, {"NORM": {"IN": ["quan", "quốc"]}}])
# "Cảnh sát giao thông - Trật tự", "Cảnh sát giao thông - trật tự"
add(F_HELP, "_PART_DESC", [DESC_FIRST, DESC_WORD("*"), DESC_LAST, DASH, cls("org_word_any"), DESC_WORD("*"), DESC_LAST])
for start in PAIR_STARTS:  # "An ninh", "An ninh đối ngoại", "Hồ sơ nghiệp vụ"
    add(F_HELP, "_PART_DESC", start)
    add(F_HELP, "_PART_DESC", start + [DESC_WORD("*"), DESC_LAST])
    # ... and with "phòng, chống" inside (session 10a): "An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao"
    add(F_HELP, "_PART_DESC", start + [DESC_WORD("*"), {"LOWER": "phòng"}, {"ORTH": ","}, {"LOWER": "chống"},
                                       DESC_WORD("*"), DESC_LAST])
# ... and the official descriptions that list their fields between commas, whole (words/descriptions.txt; session 16a):
# "Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu (C03) Bộ Công an" (the shapes above stop at a comma)
for w in words("descriptions.txt"):
    add(F_HELP, "_PART_DESC", w)
# Abbreviations in descriptive names: "Đội CSGT", "Phòng CSĐT tội phạm về ma túy" (a word list, not a class: patterns
# whose first token is a fixed word run only where it occurs)
ABBR = {"NORM": {"IN": sorted(words("org-abbreviations.txt"))}}
add(F_HELP, "_PART_DESC", [ABBR])
add(F_HELP, "_PART_DESC", [ABBR, DESC_WORD("*"), DESC_LAST])
add(F_HELP, "_PART_DESC", [ABBR, {"LOWER": "và"}, ABBR])  # "Phòng Cảnh sát PCCC và CNCH Công an tỉnh X"
# ... and before a dash, as the words are: "Đội CSGT - Trật tự Công an huyện X" (session 27)
add(F_HELP, "_PART_DESC", [ABBR, DASH, cls("org_word_any"), DESC_WORD("*"), DESC_LAST])
# ... and the party-affairs departments' name, which opens on "Công" (no first word of a description: "Công an"):
# "Phòng Công tác đảng và công tác chính trị Công an tỉnh Nghệ An" (session 23)
for w in ("Công tác đảng và công tác chính trị", "Công tác Đảng và công tác chính trị", "Công tác đảng và công tác quần chúng",
          "Công tác Đảng và công tác quần chúng"):
    add(F_HELP, "_PART_DESC", w)
# Context for PERSON
for w in ("đồng chí", "Đồng chí", "ĐỒNG CHÍ", "đ/c", "Đ/c", "Đ/C"):
    add(F_HELP, "_DC", w)
# ("cụ", an old person, as "ông": "cõng cụ Chạn qua suối", "cụ Lò Văn Pọm"; session 8b, it was a suspect's cue)
for w in ("ông", "Ông", "bà", "Bà", "ngài", "Ngài", "cụ", "Cụ"):
    add(F_HELP, "_HON", w)
# ("cậu Tài": session 10a; "Cháu N.V.A" opening a sentence: session 13)
for w in ("anh", "chị", "Anh", "Chị", "cháu", "Cháu", "em", "cô", "thầy", "Thầy", "chú", "cậu"):
    add(F_HELP, "_HON2", w)
for w in ("đối tượng", "Đối tượng", "bị can", "Bị can", "bị cáo", "Bị cáo", "nghi phạm", "Nghi phạm", "phạm nhân",
          "Phạm nhân", "tên", "kẻ", "nạn nhân", "Nạn nhân", "liệt sĩ", "Liệt sĩ", "liệt sỹ", "Liệt sỹ", "anh hùng",
          "Anh hùng", "học viên", "Học viên", "trinh sát", "chiến sĩ", "Chiến sĩ", "cán bộ", "Cán bộ",
          "bà mẹ", "Mẹ", "mẹ", "già làng", "Già làng", "già bản", "Già bản", "tài xế", "Tài xế", "trưởng bản", "Trưởng bản", "phóng viên",
          "Phóng viên", "PV", "nhà báo", "Nhà báo", "tác giả", "bị hại", "Bị hại",
          # a camera operator in a broadcast's byline (session 28): "PV Minh Anh - KTV Hoàng Sơn"
          "KTV", "kỹ thuật viên", "Kỹ thuật viên",
          # another name of a person: "(tên Hán Việt là Vương Kiến Hoa)", "tên tiếng Việt", "tên thật là" (the
          # name of the reading, "Hán Việt", is none)
          "tên Hán Việt", "tên Hán Việt là", "tên Hán - Việt là", "tên tiếng Việt", "tên tiếng Việt là", "tên thật là",
          "tên gọi khác là", "còn gọi là", "tên khai sinh là", "tức",
          # teachers (session 9a): "giảng viên Kim Sô Phal"
          "giảng viên", "Giảng viên", "giáo viên", "Giáo viên",
          # students and a ring's leader (session 23): "Sinh viên Soukanya Phommachanh", "đối tượng cầm đầu Xẻng Thoong
          # Phôm Ma Vông" (the verb alone: "2 đối tượng cầm đầu" keeps its QUANTITY); a court's interpreter, perhaps
          # with the language: "phiên dịch viên tiếng Trung Phan Thị Lệ Quyên"
          "sinh viên", "Sinh viên", "lưu học sinh", "Lưu học sinh", "cầm đầu", "phiên dịch viên",
          # Buddhist monks' titles, before a Khmer or Vietnamese name (session 31): "Đại đức Danh Sóc Phi", "Hòa thượng
          # Thạch Sok Xane"
          "Đại đức", "đại đức", "Thượng tọa", "thượng tọa", "Hòa thượng", "hòa thượng", "Sư cả", "sư cả",
          # a reader who asks a paper's legal column (session 32): "Bạn đọc Đỗ Minh Kh. (Hà Nội) hỏi"
          "bạn đọc", "Bạn đọc", "độc giả", "Độc giả",
          *(f"phiên dịch viên tiếng {language}" for language in ("Trung", "Lào", "Khmer", "Anh"))):
    add(F_HELP, "_SUSP", w)
# ... and the roles of the judiciary and the press in lower case, whose capitalised forms are titles (`title.txt`;
# session 13b): "điều tra viên", "kiểm sát viên", "biên tập viên", "thẩm phán", "luật sư" (one pattern a length, each
# syllable from its position's set; no other word is made of them)
add(F_HELP, "_SUSP", [{"NORM": {"IN": ["điều", "kiểm", "biên", "Biên"]}}, {"NORM": {"IN": ["tra", "sát", "tập"]}},
                      {"NORM": "viên"}])
add(F_HELP, "_SUSP", [{"NORM": {"IN": ["thẩm", "luật"]}}, {"NORM": {"IN": ["phán", "sư"]}}])
for w in dict.fromkeys(words("credits.txt") + [v for e in gazetteer("byline-cue") for v in e]):
    add(F_HELP, "_CUE", ph(w) + [{"ORTH": {"IN": [":", "-", "–"]}}])
    add(F_HELP, "_CUE", [{"ORTH": "("}] + ph(w) + [{"ORTH": ":"}])
# A source named in running text (scheme rule 6; session 12): "Theo báo X", "Theo X", "báo X" (context for an outlet's
# name, below: "Theo báo An ninh Thủ đô"; credits after "Ảnh:", "Nguồn:" have their cue `_CUE`)
add(F_HELP, "_SRC", [{"LOWER": "theo", "OP": "?"}, {"ORTH": "báo"}])
add(F_HELP, "_SRC", [{"ORTH": "Theo"}])
# A year of birth after a name: "Hoàng Văn Sáu (SN 1980, trú ...)", ", sinh năm 1991," (the resolver reads the name)
add(F_HELP, "_BORN", [{"LOWER": "sn"}, {"ORTH": ":", "OP": "?"}, {"TEXT": {"REGEX": r"^(19|20)\d\d$"}}])
add(F_HELP, "_BORN", [{"LOWER": "sinh"}, {"LOWER": "năm"}, {"TEXT": {"REGEX": r"^(19|20)\d\d$"}}])
# ... and where a person lives or what a person did, after a comma or bracket: "Bua Khăm, cùng trú tỉnh X", "(trú
# tại ...)", "Vàng Chá Lia, người cầm đầu" (read like a year of birth)
for w in ("trú", "cùng trú", "đều trú"):
    add(F_HELP, "_BORN", w)
# ... the leader's role with the comma or bracket before it (session 17c): a helper over "đối tượng cầm đầu" alone was
# longer than the count before it and took it ("ít nhất 2 đối tượng cầm đầu" gave no "2 đối tượng")
for w in ("người cầm đầu", "kẻ cầm đầu", "đối tượng cầm đầu"):
    for before in (", ", "("):
        add(F_HELP, "_BORN", before + w)
# ... and a person's nationality (session 13): "Chan Rithy, quốc tịch Campuchia,", "Li Wei (quốc tịch Trung Quốc)",
# "Bua Khăm, người Lào," (the comma is in the helper: "3 người Lào" stays a QUANTITY)
add(F_HELP, "_BORN", "quốc tịch")
add(F_HELP, "_BORN", [{"ORTH": ","}, {"LOWER": "người"}, {"NORM": {"IN": sorted({toks(c)[0] for c in COUNTRIES})}}])
# ... and a person's age between commas or in brackets (session 9a): "do Sai Htun Aung, 46 tuổi, cầm đầu"
add(F_HELP, "_BORN", [{"TEXT": {"REGEX": r"^\d{1,2}$"}}, {"LOWER": "tuổi"}])
for w in ("tư tưởng", "Tư tưởng", "phong cách", "tấm gương", "Di chúc", "di chúc", "lời dạy", "Lời dạy", "Bác",
          "đạo đức", "Người"):
    add(F_HELP, "_HCMCUE", w)

# --------------------------------------------------------------- first pass: gazetteers
# Ranks (RANK), as written in running text, lower case and upper case (headlines)
for r in [v for e in gazetteer("rank") for v in e]:
    for form in dict.fromkeys([r, r.lower(), r.upper()]):
        add(F_RANK, "RANK", form)
add(F_RANK, "_NONE", [{"LOWER": "hạ"}, {"LOWER": "sĩ"}, {"LOWER": "quan"}])
# ... and the officers' ranks in title case, as headlines print them (session 15a): "Thiếu Tướng Nguyễn Văn Hải Thăm
# ..." (one token pattern: every pair of the two sets is a rank)
add(F_RANK, "RANK", [{"ORTH": {"IN": ["Đại", "Thượng", "Trung", "Thiếu"]}}, {"ORTH": {"IN": ["Tướng", "Tá", "Úy", "Uý"]}}])
# Quantities: a number in digits [+ multiplier] + one unit word (one or more syllables): "15 nghìn viên", "43 đối tượng"
# (also in capitals, as headlines write them: "BẮT 5 ĐỐI TƯỢNG, THU 1,2 TỶ ĐỒNG")
# ("2 nghìn tỷ đồng", "3 trăm nghìn đồng": up to two multipliers)
MULT = {"NORM": {"IN": list(dict.fromkeys(w for e in gazetteer("multiplier") for v in e for w in (v, v.upper())))},
        "OP": "{0,2}"}
UNITS = [v for e in gazetteer("unit") for v in e]
by_prefix = {}
for u in UNITS:
    t = toks(u)
    by_prefix.setdefault(tuple(t[:-1]), []).append(t[-1])


def both_cases(word):
    """A token spec matching the word as written and in capitals."""
    return {"NORM": word} if word == word.upper() else {"NORM": {"IN": [word, word.upper()]}}


# the first number of a range is no year ("giai đoạn 2021-2025 tỉnh X" is a period)
NOT_YEAR = {"TEXT": {"REGEX": r"^(?!(?:19|20)\d\d$)\d+(?:[.,]\d+)*$"}}
# a range: "20-25 kg", "3 - 5 đối tượng": the first number and its dash, then the quantity (second pass)
add(F_HELP, "_PART_RANGE", [NOT_YEAR, DASH])
# an amount in two parts: "1 tỷ 200 triệu đồng", "2 triệu 500 nghìn kíp"
NUMBER_MULT = [DIGITS, {"NORM": MULT["NORM"]}]
def _two_syllable_stars(pairs):
    """Cover the two-syllable units with as few patterns as can be: each pattern is one first syllable and the set
    of its last ones, or one last syllable and the set of its first ones ("bị can", "nghi can" share "can"), the
    biggest star first; every pattern matches exactly its own units (no first and last of two different units).
    >>> _two_syllable_stars({("bị", "can"), ("nghi", "can"), ("bị", "cáo")})
    [(('bị', 'nghi'), ('can',)), (('bị',), ('cáo',))]
    """
    pairs, stars = set(pairs), []
    while pairs:
        by_first, by_last = {}, {}
        for f, l in pairs:
            by_first.setdefault(f, set()).add((f, l))
            by_last.setdefault(l, set()).add((f, l))
        best = max(sorted(by_last.values(), key=sorted) + sorted(by_first.values(), key=sorted), key=len)
        stars.append((tuple(sorted({f for f, _ in best})), tuple(sorted({l for _, l in best}))))
        pairs -= best
    return stars


def _section(name, title):
    """The entries (lists of spellings) of the section "# === <title>" of configs/gazetteers/<name>.txt."""
    out, inside = [], False
    for line in (GAZETTEERS / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("# ==="):
            inside = line[5:].strip() == title
        elif inside and line and not line.startswith("#"):
            out.append([v.strip() for v in line.split("|")])
    return out


def _either_case(words, title=False):
    return {"NORM": {"IN": sorted({w for u in words for w in (u, u.upper()) + ((u[:1].upper() + u[1:],) if title else ())})}}


MULT_ANY_CASE = {**MULT, "NORM": {"IN": list(dict.fromkeys(MULT["NORM"]["IN"] + [w[:1].upper() + w[1:] for w in MULT["NORM"]["IN"]]))}}
# Two-syllable counters of plans and reforms (session 14b; `unit.txt`, section "Counters of plans and reforms"): one
# pattern over the set of their first syllables and the set of their last ones, whose cross pairs are no words ("3
# yếu tố", "5 nhiệm vụ", "3 kế hoạch", "5 mô hình"); taken out of the stars below, where each would cost a pattern
# ... and so, with a pattern of their own, the crossed counters of session 19d ("1 bệnh viện", "8 đội bóng", "126 cầu
# thủ", "3 thỏa thuận", "1.260 tai nghe": a star each would cost a token pattern each)
for title in ("Counters of plans and reforms (session 14b)", "Counters crossed (session 19d)"):
    PLAN_UNITS = [toks(v) for e in _section("unit", title) for v in e]
    for f, l in PLAN_UNITS:
        by_prefix[(f,)].remove(l)
        if not by_prefix[(f,)]:
            del by_prefix[(f,)]
    add(F_QTY, "QUANTITY", [DIGITS, MULT_ANY_CASE, _either_case({f for f, _ in PLAN_UNITS}, True),
                            _either_case({l for _, l in PLAN_UNITS}, True)])
for prefix, lasts in sorted(by_prefix.items()):
    if len(prefix) == 1 and prefix != ("đô",):
        continue  # two-syllable units: by stars below (session 9b: frees about 20 token patterns)
    unit = [both_cases(w) for w in prefix] + [_either_case(lasts)]
    add(F_QTY, "QUANTITY", [DIGITS, MULT] + unit)
    if prefix == () or prefix in {("đô",), ("nhân", "dân")}:
        add(F_QTY, "QUANTITY", NUMBER_MULT + [DIGITS, MULT] + unit)
for firsts, lasts in _two_syllable_stars((p[0], l) for p, ls in by_prefix.items() if len(p) == 1 and p != ("đô",)
                                         for l in ls):
    # (also in title case, session 10a: "26 Phòng Nghiệp Vụ" is "26 Phòng"; one pattern a length over the syllables by
    # position read "Phòng Nghiệp" as a unit)
    add(F_QTY, "QUANTITY", [DIGITS, MULT_ANY_CASE, _either_case(firsts, True), _either_case(lasts, True)])
# headlines in title case: "Chiếm Đoạt 46 Tỷ Đồng", "Giải Cứu 6 Phụ Nữ", "50.000 Lít" (a one-syllable unit that is
# also a name word, "Đồng", only after a multiplier: "số 5 Đồng Khởi" is an address)
NAME_WORDS = {v for g in ("person-vi-given", "person-vi-surname", "person-vi-middle") for e in gazetteer(g) for v in e}
MULT_TITLE = {"NORM": {"IN": sorted({w.title() for e in gazetteer("multiplier") for v in e for w in [v]
                                     if w.title() != w})}}
title_units = {}
# (not the counters that open the names of streets, quarters and villages, session 13: "12 Bến Vân Đồn", "25 Quán
# Thánh", "3 Khu phố" are addresses; in lower case they count: "4 khu nhà trọ", "12 quán karaoke")
# ("Bộ" opens a code's or a ministry's name, session 28: "các điều từ 247 đến 259 Bộ luật Hình sự")
TITLE_CASE_SKIP = {"Khu", "Quán", "Bến", "Cảng", "Xưởng", "Ấp", "Xóm", "Buôn", "Trẻ", "Cháu", "Băng", "Môn", "Bộ"}
for u in UNITS:
    t = [w.title() for w in toks(u)]
    if t != toks(u) and all(w.isalpha() for w in t) and not (len(t) == 1 and t[0] in TITLE_CASE_SKIP):
        title_units.setdefault((len(t) == 1 and t[0] in NAME_WORDS, len(t)), set()).add(tuple(t))
for (name_word, n), forms in sorted(title_units.items()):
    if n == 2:  # (two syllables: by the stars above, but "Đô La")
        forms = {f for f in forms if f[0] == "Đô"}
        if not forms:
            continue
    # (one pattern per length: each syllable from its position's set, "Phụ Nữ", "Công Dân")
    unit = [{"NORM": {"IN": sorted({f[k] for f in forms})}} for k in range(n)]
    add(F_QTY, "QUANTITY", [DIGITS, {**MULT_TITLE, "OP": "{1,2}" if name_word else "{0,2}"}] + unit)
# A currency's name is the unit whatever its case (session 13b): "300 triệu Riel", "20 triệu Kíp", "50 nghìn Nhân dân
# tệ", "2.000 EURO", "4 triệu Yên" (the entries of the section "=== Money" of unit.txt, matched on LOWER; one pattern
# per length, each syllable from its position's set). A currency that is also a name word or one letter ("Đồng",
# "Yên", "Đ") only after a multiplier, as in title case above ("số 5 Đồng Khởi" is an address); in lower case the
# unit patterns above take it alone ("500 yên"). Other units keep their cases (lower, capitals, all words in title
# case: "3 Tỉnh" of a title-case headline); a mixed "3 Đối tượng" is too rare to pay a pattern for.
CURRENCIES = [v for e in _section("unit", "Money") for v in e]
by_length = {}
for c in CURRENCIES:
    t = [w.lower() for w in toks(c)]
    alone = len(t) > 1 or not (c.title() in NAME_WORDS or len(c) == 1)
    by_length.setdefault((alone, len(t)), set()).add(tuple(t))
for (alone, n), forms in sorted(by_length.items()):
    unit = [{"LOWER": {"IN": sorted({f[k] for f in forms})}} for k in range(n)]
    add(F_QTY, "QUANTITY", [DIGITS, {**MULT_ANY_CASE, "OP": "{0,2}" if alone else "{1,2}"}] + unit)
# units glued to the number: "25kg", "200km", "25%"
GLUED_UNITS = sorted({u for u in UNITS if u.isascii() and u.isalpha() and len(u) <= 3}
                     | {"m2", "m3", "km2", "đ", "%", "tấn", "tạ", "lít", "gam"}, key=lambda u: (-len(u), u))
add(F_QTY, "QUANTITY", [{"TEXT": {"REGEX": r"^\d+(?:[.,]\d+)*(?:" + "|".join(GLUED_UNITS) + ")$"}}])
add(F_QTY, "QUANTITY", [DIGITS, {"ORTH": {"IN": ["%", "$"]}}])  # "25 %", "5.000$"
add(F_QTY, "QUANTITY", [{"TEXT": {"REGEX": r"^\d[mM]\d{1,2}$"}}])  # a height, "1m63" (session 28)
# ... and a unit with a slash glued to the number (session 27): "50km/h", "0,612mg/l" (the tokenizer splits at "/")
SLASHED = {}
for u in UNITS:
    if u.count("/") == 1 and u.split("/")[0].isascii():
        SLASHED.setdefault(u.split("/")[0], set()).add(u.split("/")[1])
for head, tails in sorted(SLASHED.items()):
    add(F_QTY, "QUANTITY", [{"TEXT": {"REGEX": r"^\d+(?:[.,]\d+)*" + re.escape(head) + "$"}}, {"ORTH": "/"},
                            {"LOWER": {"IN": sorted(tails)}}])
# Provinces of every country in every spelling; the names that are also something else
# (province-ambiguous.txt: "Hòa Bình", "Huế", "Nan") only after a province word ("tỉnh", "TP", "thủ đô").
# The hand-written provinces-*.jsonl files keep their lines; spellings they lack are added here.
HAND = set()
for f in sorted(OUT.glob("provinces-*.jsonl")):
    if f.name != F_PROV:
        HAND |= {json.loads(line)["pattern"] for line in f.read_text(encoding="utf-8").splitlines()
                 if line.strip() and isinstance(json.loads(line)["pattern"], str)}
HAND = {tone_norm(v) for v in HAND}
AMBIGUOUS = {tone_norm(v) for e in gazetteer("province-ambiguous") for v in e}
CUE_WORDS = {v.lower() for e in gazetteer("province-cue") for v in e}
ADDED = set()  # a spelling two lines share ("Hanoi": a province and a capital) is one pattern, of the first line
SPACED = set()  # spellings derived from a hyphenated one (no capitals variant: they would pass the cap of patterns)
for name, code in [("province-vn", "VN"), ("province-la", "LA"), ("province-kh", "KH"), ("province-cn", "CN"),
                   ("province-th", "TH"), ("province-mm", "MM"), ("capital", "CAP")]:
    for entry in gazetteer(name):
        if code in ("LA", "KH", "TH"):  # the neighbours' names also with hyphens between syllables: "Xay-nha-bu-ly"
            entry = list(dict.fromkeys(entry + [v.split(" ")[0] + "".join("-" + w.lower() for w in v.split(" ")[1:])
                                                for v in entry if " " in v and not v.isascii()]))
        if code in ("LA", "KH", "TH", "CAP"):  # ... and with spaces between syllables, each capitalised (session 15):
            # "Kra-chê" is also "Kra Chê", "Pô-thi-xát" "Pô Thi Xát"
            spaced = [" ".join(w[:1].upper() + w[1:] for w in v.replace("-", " ").split()) for v in entry if "-" in v]
            spaced = [v for v in spaced if tone_norm(v) not in {tone_norm(e) for e in entry}]
            SPACED |= {tone_norm(v) for v in spaced}
            entry = list(dict.fromkeys(entry + spaced))
        for v in entry:
            # "TP Hồ Chí Minh", "Thủ đô Viêng Chăn": the province word stays outside the span (rule 2)
            # ("TP.HCM", "TP.Hồ Chí Minh" are one token with their city word: the whole token is the span)
            # (a cue of two words too, session 10b: "Thành phố Hồ Chí Minh" gives "Hồ Chí Minh", as every set reads it)
            if tone_norm(v) in HAND or any(v.lower().startswith(c + " ") for c in CUE_WORDS) or (
                    v.lower().startswith("tp.") and toks(v)[0].lower() == "tp."):
                continue
            if tone_norm(v) not in ADDED:
                ADDED.add(tone_norm(v))
                add(F_PROV, "_PROV_AMBIG" if tone_norm(v) in AMBIGUOUS else "PROVINCE", v, f"{code}:{entry[0]}")
# Headlines in capitals: every spelling of a province in capitals ("ĐIỆN BIÊN - PHÔNG XA LỲ: ..."); a name that is
# also something else only after a province word, as above, and so are names that are common words in capitals
# ("HÒA BÌNH" peace, "BÌNH ĐỊNH", "HẢI DƯƠNG" ocean).
CAPS_AMBIGUOUS = AMBIGUOUS | {tone_norm(v) for v in ("Bình Định", "Hải Dương")}
SPELLINGS = {}  # spelling -> id, of the hand files and the gazetteers
for f in sorted(OUT.glob("provinces-*.jsonl")):
    if f.name != F_PROV:
        for line in f.read_text(encoding="utf-8").splitlines():
            d = json.loads(line) if line.strip() else {}
            if d.get("label") == "PROVINCE" and isinstance(d.get("pattern"), str):
                SPELLINGS.setdefault(d["pattern"], d.get("id"))
for d in lines[F_PROV]:
    if isinstance(d["pattern"], str):
        SPELLINGS.setdefault(d["pattern"], d.get("id"))
KNOWN = {tone_norm(v) for v in SPELLINGS}
for v, id_ in SPELLINGS.items():
    caps = v.upper()
    # (the Vietnamese spellings: headlines in capitals are written in Vietnamese; "SAVANNAKHET" is left out)
    if (v.isascii() or "-" in v or tone_norm(v) in SPACED) and (id_ or "").partition(":")[2] != v:  # (nor the hyphenated ones)
        continue
    if tone_norm(caps) not in KNOWN:
        KNOWN.add(tone_norm(caps))
        add(F_PROV, "_PROV_AMBIG" if tone_norm(v) in CAPS_AMBIGUOUS else "PROVINCE", caps, id_)
# ... and the neighbours' and capitals' spellings in Latin script, in capitals ("QUẢNG NGÃI - ATTAPEU", "NONG KHAI",
# "VÂN NAM - YUNNAN"; sessions 8b, 9a): one token pattern per number of words (one to three), each word from its position's class
# (words in Latin script of a spelling of that length; a phrase pattern each would pass the cap of patterns). Not the
# names that are also something else (province-ambiguous.txt: "TAK", "TRANG"), not the hyphenated ones.
LATIN_CAPS = {}
for name in ("province-la", "province-kh", "province-th", "province-cn", "province-mm", "capital"):
    for entry in gazetteer(name):
        for v in entry:
            caps = v.upper()
            if v.isascii() and "-" not in v and "." not in v and tone_norm(v) not in AMBIGUOUS and caps not in KNOWN:
                LATIN_CAPS.setdefault(len(caps.split()), set()).add(tuple(caps.split()))


def add_by_position(name, by_length, between=None):
    """One PROVINCE token pattern per number of words of the spellings ``by_length`` ({n: {(word, ...)}}), each
    word from its position's class ``{name}_{n}_{k}``, ``between`` (a token spec) between the words if given."""
    for n, spellings in sorted(by_length.items()):
        pattern = []
        for k in range(n):
            CLASSES[f"{name}_{n}_{k}"] = sorted({s[k] for s in spellings})
            pattern += ([between] if k and between else []) + [{"_": {f"vner_{name}_{n}_{k}": True}}]
        add(F_PROV, "PROVINCE", pattern, name.rpartition("province_")[2].upper())


# (four words: "PHRA NAKHON SI AYUTTHAYA", "XAY NHA BU LY", rare; over the cap of token patterns)
add_by_position("province_latin_caps", {n: s for n, s in LATIN_CAPS.items() if n <= 3})
# ... and the hyphenated spellings in capitals (session 21: "CÔNG AN TỈNH CHĂM-PA-SẮC TRAO TRẢ ..."): one token
# pattern per number of syllables (two to four), each syllable from its position's class, a hyphen between (a phrase
# pattern each would pass the cap of patterns)
HYPHEN_CAPS = {}
for v in SPELLINGS:
    parts = v.split("-")
    if " " not in v and 2 <= len(parts) <= 4 and all(parts) and v.upper() != v:
        HYPHEN_CAPS.setdefault(len(parts), set()).add(tuple(tone_norm(p.upper()) for p in parts))
add_by_position("province_hyphen_caps", HYPHEN_CAPS, between={"ORTH": "-"})
CITY_WORDS = ("tp", "tp.", "thành phố")  # _CITY in provinces-vietnam.jsonl
add(F_PROV, "_CITY", "THÀNH PHỐ")
PROVINCE_CUES = [v for e in gazetteer("province-cue") for v in e if v.lower() not in CITY_WORDS]
for w in dict.fromkeys(PROVINCE_CUES + [w.upper() for w in PROVINCE_CUES]):
    add(F_PROV, "_PCUE", w)
# (a city that names its province is the city after "thành phố": "thành phố Sihanoukville", session 28)
CITIES_NAMING_A_PROVINCE = ["Sihanoukville"]
add(F_PROV, "PROVINCE", [ent("_PCUE"), ent("_PROV_AMBIG")])
add(F_PROV, "PROVINCE", [ent("_CITY"), {**ent("_PROV_AMBIG"), "ORTH": {"NOT_IN": CITIES_NAMING_A_PROVINCE}}])

# --------------------------------------------------------------- first pass: national bodies
DEPT_PREFIXES = ("Cục", "Tổng cục", "Học viện", "Trường", "Cơ quan", "Văn phòng Cơ quan", "Viện", "Văn phòng Thường trực")
for n in words("national.txt"):
    # also in headlines in capitals ("BỘ CÔNG AN") and with "Nhân dân" capitalised ("Báo Công an Nhân dân")
    variants = [n.replace("nhân dân", "Nhân dân"), n.replace("nhân dân", "Nhân Dân")] if "nhân dân" in n else []
    # ... and with its head in title case ("Tổng Cục Cảnh sát", "Bộ Tư Lệnh Bộ đội Biên phòng"; session 14)
    variants += [n.replace(h, h.title(), 1) for h in TITLE_CASE_HEADS if n.startswith(h + " ")]
    for form in dict.fromkeys([n, n.upper()] + variants):
        add(F_ORG, "ORG", form, "NATDEPT" if n.startswith(DEPT_PREFIXES) else "NAT")

# ... and the ministries of three words in title-case headlines (session 9b): "Bộ Nội Vụ Campuchia", "Bộ Công An" (one
# token pattern, each word from its position's class; a country after it belongs to it, as above)
TITLE_MINISTRIES = {tuple(w.title() for w in toks(n)) for n in words("national.txt")
                    if n.startswith("Bộ ") and len(toks(n)) == 3 and n != n.title()}
for k in (1, 2):
    CLASSES[f"ministry_title_{k}"] = sorted({m[k] for m in TITLE_MINISTRIES})
add(F_ORG, "ORG", [{"ORTH": "Bộ"}] + [{"_": {f"vner_ministry_title_{k}": True}} for k in (1, 2)], "NAT")

# --------------------------------------------------------------- second pass: ORG shapes
BODY = ent("_PART_BODY")
# After a body or a province word, a province whose name is also something else counts ("Công an tỉnh Nan")
PROV_NAMED = ents(["PROVINCE", "_PROV_AMBIG"])
# Where a body is: one list, used by every body, unit, prison and title shape.
IN_PROVINCE = [{"LOWER": "tỉnh", "OP": "?"}, PROV_NAMED]  # "tỉnh X", "X"
IN_CAPITAL = [{"LOWER": "thủ"}, {"LOWER": "đô"}, PROV_NAMED]  # "thủ đô X"
IN_CITY = [CITY, PROV_NAMED]  # "TP X", "thành phố X"
# (a commune or ward numbered since 2025: "Công an xã A Lưới 3", "phường Hà Giang 1"; a highland name with an
# apostrophe in its last word: "xã Ea H'leo", "xã Cư M'gar"; session 10a)
# (not a count of time after the body: "Công an xã X 2 năm liền", "... 6 tháng đầu năm": a first-pass helper takes
# the digit, and a quantity takes it in "2 lần")
ONE_DIGIT = {"ORTH": {"IN": list("123456789")}}
add(F_HELP, "_TIME", [ONE_DIGIT, {"LOWER": {"IN": ["năm", "tháng", "tuần", "ngày", "đêm", "giờ", "tiếng", "phút", "quý"]}}])
# (and a cluster of Lao villages, "Công an cụm bản Na Phàu"; session 23; and a special zone, "Công an đặc khu Vân
# Đồn"; session 29)
IN_DISTRICT = [{"LOWER": {"IN": ["thị", "cụm", "đặc"]}, "OP": "?"},
               # (a level word is never inside a body's name: "Tiểu khu Quân sự tỉnh" holds "khu")
               {"LOWER": {"IN": ["huyện", "quận", "xã", "phường", "trấn", "bản", "mường", "châu", "khu"]},
                "ENT_TYPE": {"NOT_IN": ["_PART_BODY"]}},
               # (a Chinese autonomous prefecture, "châu tự trị Văn Sơn"; session 16c)
               {"LOWER": "tự", "OP": "?"}, {"LOWER": "trị", "OP": "?"},
               {**{k: v for k, v in place_tok().items() if k != "_"}, "NORM": {"NOT_IN": NOT_PLACE_START}}] + PLACE_NAME[1:] + [
    GLUE, {**ONE_DIGIT, "ENT_TYPE": "", "OP": "?"}]
PROVINCE_LEVELS = [IN_PROVINCE, IN_CAPITAL, IN_CITY, [CITY, HCM]]
LEVELS = PROVINCE_LEVELS + [
    [{"LOWER": "khu"}, {"LOWER": "tự"}, {"LOWER": "trị"}, {"LOWER": "dân", "OP": "?"}, {"LOWER": "tộc", "OP": "?"},
     {"IS_TITLE": True, "ENT_TYPE": "", "OP": "?"}, PROV],  # "Khu tự trị dân tộc Choang Quảng Tây"
    IN_DISTRICT,
    [CITY] + PLACE_NAME,  # "thành phố Vinh"
    # a city whose name starts with a unit word, which no unit takes after the city word: "thành phố Phòng Thành Cảng"
    [CITY, {"NORM": "Phòng"}, place_tok(first=False), place_tok(op="?", first=False)],
    [{"LOWER": {"IN": ["quận", "phường"]}}, {"TEXT": {"REGEX": r"^\d{1,2}$"}}],  # "quận 3"
]
# The police of a ward or commune named as its province since 2025, whose first word may start no place (a country,
# "Lào"): "Công an phường Lào Cai" (session 32; the province in it is no PROVINCE, rule 4)
add(F_ORG, "ORG", [{"ORTH": "Công", "ENT_TYPE": "_PART_BODY"}, {"LOWER": "an", "ENT_TYPE": "_PART_BODY"},
                   {"LOWER": {"IN": ["xã", "phường"]}}, PROV_NAMED])
for lv in LEVELS:
    add(F_ORG, "ORG", [BODY] + lv)
# (a commune whose name ends on "Chỉ", which ends no other place ("Ban Chỉ đạo"): "Công an xã Phước Chỉ", a border
# commune of Tây Ninh two writers of session 23 chose)
add(F_ORG, "ORG", [BODY, {"LOWER": {"IN": ["xã", "phường"]}}, place_tok(), {"ORTH": "Chỉ"}])
# (a commune or district whose name opens on "Trung", which starts no other place: "Công an xã Trung Lý", "Công an xã
# Trung Sơn"; not "Trung Quốc", "Trung ương", "Trung tâm"; session 23)
add(F_ORG, "ORG", [BODY, {"LOWER": {"IN": ["huyện", "xã", "phường", "trấn"]}}, {"ORTH": "Trung"},
                   {**place_tok(first=False), "NORM": {"NOT_IN": ["Quốc", "Ương", "Tâm", "Đoàn", "Đội", "Tướng", "Tá", "Úy", "Uý"]}}])
# a body named by its place that is also one national body alone: "Cục Hải quan" (the national customs since 2025;
# "Cục Hải quan tỉnh X", "Đội Kiểm soát Hải quan Cục Hải quan tỉnh X" are longer and win)
for w in ("Cục Hải quan",):
    add(F_ORG, "ORG", [{**t, "ENT_TYPE": "_PART_BODY"} for t in ph(w)])
    # (... and a country's customs, its country after it: "Cục Hải quan Thái Lan"; session 23)
    add(F_ORG, "ORG", [{**t, "ENT_TYPE": "_PART_BODY"} for t in ph(w)] + [NUOC, COUNTRY])
# a body at a border gate: "Chi cục Hải quan cửa khẩu Lao Bảo", "Chi cục Hải quan cửa khẩu quốc tế Cầu Treo"
# (and at an airport, session 27: "Công an cửa khẩu Cảng hàng không quốc tế Nội Bài", "... sân bay quốc tế Đà Nẵng")
for mid in (ph("cửa khẩu", ci=True), ph("cửa khẩu quốc tế", ci=True), ph("cửa khẩu sân bay quốc tế", ci=True),
            ph("cửa khẩu cảng hàng không quốc tế", ci=True)):
    add(F_ORG, "ORG", [BODY] + mid + PLACE_NAME)
    add(F_ORG, "ORG", [BODY] + mid + [PROV_NAMED])  # "Chi cục Hải quan cửa khẩu quốc tế Lào Cai"
add(F_ORG, "ORG", [ent("_PART_LBODY")] + PLACE_NAME)
# A district's forest protection unit by its district alone, without "huyện" (session 18b; rule 3, a place's name):
# "Hạt Kiểm lâm Quế Phong", "Hạt Kiểm lâm Tương Dương" (a unit of one district: the capitalised words after it are the
# district's; not a park's, "Hạt Kiểm lâm Vườn quốc gia ...", nor an area's; "Hạt Kiểm lâm huyện X" is a LEVELS shape)
add(F_ORG, "ORG", [{**t, "ENT_TYPE": "_PART_BODY"} for t in ph("Hạt Kiểm lâm")]
    + [{**place_tok(), "NORM": {"NOT_IN": ["Vườn", "Khu", "Rừng"]}}] + PLACE_NAME[1:])
# A friendship association of two countries (session 9b): "Hội hữu nghị Việt Nam - Campuchia" (its province after it,
# "... tỉnh Nghệ An", is not read yet: the PROVINCE stays)
add(F_ORG, "ORG", [{"ORTH": "Hội"}, {"LOWER": "hữu"}, {"LOWER": "nghị"}, COUNTRY, {"ORTH": {"IN": ["-", "–"]}}, COUNTRY])
# Customs named by its gate alone ("Hải quan Trà Lĩnh", session 9b; not inside "Cục Hải quan ...": the body starts
# there) and the customs branches of the numbered regions since 2025 ("Chi cục Hải quan khu vực VI", "... khu vực 6")
# (nor before a person's name: "cán bộ Hải quan Nguyễn Văn A")
add(F_ORG, "ORG", [{"ORTH": "Hải", "ENT_TYPE": "_PART_BODY", "ENT_IOB": "B"}, {"ORTH": "quan", "ENT_TYPE": "_PART_BODY"},
                   {**place_tok(), "_": {"vner_not_place": False, "vner_not_place_next": False}}] + PLACE_NAME[1:])
# ... and the courts and procuracies of the numbered regions of a province since 2025, with their province after a
# dash ("Tòa án nhân dân khu vực 1 - Lào Cai", "Viện Kiểm sát nhân dân khu vực 2 - X", "TAND khu vực 3"; session 9c)
REGION = [{"LOWER": "khu"}, {"LOWER": "vực"}, {"TEXT": {"REGEX": r"^(?:[IVX]{1,5}|\d{1,2})$"}}]
# (the procuracy's "Kiểm sát nhân dân khu vực" may be read as a description after the department word "Viện")
REGION_BODY = [{"NORM": {"IN": ["Chi", "Tòa", "TAND", "Viện", "VKSND"]}, "ENT_TYPE": {"IN": ["_PART_BODY", "_PART_DEPT"]}},
               {"ENT_TYPE": {"IN": ["_PART_BODY", "_PART_DESC"]}, "OP": "*"}]
add(F_ORG, "ORG", REGION_BODY + REGION)
add(F_ORG, "ORG", REGION_BODY + REGION + [DASH, PROV_NAMED])
# A city's party committee is named by the city alone, its level being in its name, as a district's "Huyện ủy X":
# "Thành ủy Vinh", "Ban Thường vụ Thành ủy Hạ Long" (rule 3: a place's name); "Thành ủy TP X" is a level above.
CITY_BODIES = [[{**t, "ENT_TYPE": "_PART_BODY"} for t in ph(w)] for w in ("Thành ủy", "Thường trực Thành ủy",
                                                                           "Ban Thường vụ Thành ủy")]
for body in CITY_BODIES:
    add(F_ORG, "ORG", body + PLACE_NAME)
# A portal named by its national body, in any form of the portal's words (session 10b): "Cổng TTĐT Bộ Công an",
# "Cổng thông tin điện tử Bộ Ngoại giao" (a source after "Theo", scheme rule 6)
add(F_ORG, "ORG", [{"NORM": "Cổng", "ENT_TYPE": "_PART_BODY"}, {"ENT_TYPE": "_PART_BODY", "OP": "+"}, NAT])
# A provincial political school named after a person (session 10b): "Trường Chính trị Trần Phú", "Trường Chính trị
# Nguyễn Văn Cừ" (two to four capitalised words: its own name, rule 3; the person inside it is no PERSON, rule 2)
add(F_ORG, "ORG", [{"NORM": "Trường", "ENT_TYPE": "_PART_BODY"}, {"NORM": "Chính", "ENT_TYPE": "_PART_BODY"},
                   {"NORM": "trị", "ENT_TYPE": "_PART_BODY"}, place_tok(), place_tok(op="{1,3}", first=False)])
# A neighbour's police named by its province: "Cảnh sát tỉnh Nakhon Phanom" (the province word is needed)
# (Cambodia's provincial police: "Ty Cảnh sát tỉnh Svay Rieng"; Laos's provincial security: "An ninh tỉnh Bô Ly Khăm Xay")
# (and by a city that is no province, session 22: "Ty Cảnh sát thành phố Bavet"; "thành phố Phnom Penh" too)
for lv in ([{"LOWER": "tỉnh"}, PROV_NAMED], IN_CAPITAL, [CITY] + PLACE_NAME,
           [{"LOWER": {"IN": ["huyện", "quận", "xã"]}}] + PLACE_NAME, [{"LOWER": "thị"}, {"LOWER": "xã"}] + PLACE_NAME):
    # (and by its district, session 9b: "Cảnh sát huyện Snuol"; a Vietnamese district has a "Công an huyện")
    # (and by its commune, session 30: "Cảnh sát xã Ca Om Xam Nô"; a Vietnamese commune has a "Công an xã")
    # (and by its town, session 25: "Ty Cảnh sát thị xã Bavet")
    add(F_ORG, "ORG", ph("Cảnh sát") + [DESC_WORD("*")] + lv)  # "Cảnh sát đường sông tỉnh Kandal"
    add(F_ORG, "ORG", ph("Ty Cảnh sát") + lv)
    add(F_ORG, "ORG", ph("Tổng Ty Cảnh sát") + lv)  # (session 24: "Tổng Ty Cảnh sát tỉnh Tbong Khmum")
    add(F_ORG, "ORG", [{"NORM": "An", "ENT_TYPE": {"NOT_IN": ["ORG"]}}, {"NORM": "ninh"}] + lv)
# Police and provincial newspapers named "An ninh" + their place, in a credit or after a source cue (scheme rule 6;
# session 12): "(Ảnh: An Ninh Thủ Đô)", "Nguồn: An ninh Lạng Sơn", "Theo báo An ninh Thủ đô" (the cue stays outside);
# in running text "an ninh Hà Tĩnh", "giữ vững an ninh Thủ đô" is security, no paper: PROVINCE only
add(F_ORG, "ORG", [ents(["_CUE", "_SRC"]), {"NORM": "An"}, {"LOWER": "ninh"}, PROV_NAMED])
add(F_ORG, "ORG", [ents(["_CUE", "_SRC"]), {"NORM": "An"}, {"LOWER": "ninh"}, {"LOWER": "thủ"}, {"LOWER": "đô"}])
# ... where "Ninh" and the province's "Bình" read as "Ninh Bình" first: "(Ảnh: An Ninh Bình Phước)" (session 22)
add(F_ORG, "ORG", [ents(["_CUE", "_SRC"]), {"NORM": "An"}, {"LOWER": "ninh"}, {"LOWER": "bình"},
                   {"LOWER": {"IN": sorted({v.split()[1].lower() for e in gazetteer("province-vn") for v in e
                                            if len(v.split()) == 2 and v.split()[0] == "Bình"})}}])
# ... and capitalised with its province alone, as "Công an Gia Lai" (session 10b): "Cảnh sát Ratanakiri bàn giao ..."
# (a neighbour's province only: Vietnam's provinces have a "Công an"; "cảnh sát" in lower case is the force)
add(F_ORG, "ORG", ph("Cảnh sát") + [{"ENT_TYPE": "PROVINCE", "ENT_ID": {"REGEX": "^(KH|LA|TH|CN|MM):"}, "OP": "+"}])
# ... and a neighbour province's police academy (session 25): "Học viện Cảnh sát Vân Nam"
add(F_ORG, "ORG", ph("Học viện Cảnh sát") + [{"ENT_TYPE": "PROVINCE", "ENT_ID": {"REGEX": "^(KH|LA|TH|CN|MM):"}, "OP": "+"}])
# ... also in a headline in capitals (session 8b): "BÀN GIAO ĐỐI TƯỢNG CHO CẢNH SÁT TỈNH KANDAL"
add(F_ORG, "ORG", [{"NORM": "CẢNH", "ENT_TYPE": {"NOT_IN": ["ORG"]}}, {"NORM": "SÁT"}, {"LOWER": "tỉnh"}, PROV_NAMED])

# Units and departments with a name or code, alone (departments) or inside a parent body; a unit of a unit
# ("Đội ... Phòng PC04 Công an tỉnh X") is one ORG with its parents (rule 2: outermost span):
# "Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh X", "Cục C10 Bộ Công an", "Học viện An ninh nhân dân Lào"
UNIT_LABELS = ["_PART_UNIT", "_PART_DEPT", "_PART_SCHOOL"]
UNIT = ents(UNIT_LABELS)
DEPT = ents(["_PART_DEPT", "_PART_SCHOOL"])
UNIT_CHAIN = [UNIT, ents(UNIT_LABELS + ["_PART_DESC", "_PART_CODE"])]  # unit + (name | code | unit)...
UNIT_NAMES = [[ent("_PART_DESC")], [CODE]]
PARENTS = [[BODY] + lv for lv in LEVELS] + [[NAT, NUOC, ent("_COUNTRY", "*")]]
# ... also when the description lists its fields between commas (session 10a): "Phòng Cảnh sát điều tra tội phạm về
# tham nhũng, kinh tế, buôn lậu Công an tỉnh X", "... trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng" (only with
# a parent body of a province or the nation: "Cục Cảnh sát hình sự, lực lượng chức năng" stays the department alone)
ORG_WORD_OR_COMMA = {"NORM": {"IN": sorted(set(CLASSES["org_word"]) | {","})}, "OP": "*"}
for parent in [[BODY] + lv for lv in PROVINCE_LEVELS] + [[NAT, NUOC, ent("_COUNTRY", "*")]]:
    add(F_ORG, "ORG", UNIT_CHAIN + [{"ORTH": ","}, ORG_WORD_OR_COMMA, DESC_LAST] + parent)
# a border post is a parent too: "Đội Trinh sát Đồn Biên phòng Nậm Cắn"
PARENTS += [[ent("_PART_POST")] + mid + PLACE_NAME for mid in ([], ph("cửa khẩu", ci=True))]
for parent in PARENTS:
    add(F_ORG, "ORG", UNIT_CHAIN + parent)
# ... and a province's traffic police by its abbreviation (session 27): "CSGT Tây Ninh" (in a unit's name the unit
# shapes above are longer: "Phòng CSGT Công an tỉnh Tây Ninh")
add(F_ORG, "ORG", [{"ORTH": "CSGT"}, {"LOWER": "tỉnh", "OP": "?"}, PROV_NAMED])
# ... and the area a unit covers, named (session 27): "Đội Cảnh sát PCCC và CNCH khu vực Lao Bảo"
add(F_ORG, "ORG", UNIT_CHAIN + [{"LOWER": "khu"}, {"LOWER": "vực"}] + PLACE_NAME)
    # ... also when the description lists its fields between commas (session 10a): "Phòng Cảnh sát điều tra tội phạm
    # về tham nhũng, kinh tế, buôn lậu Công an tỉnh X", "... trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng"
    # (only with its parent: "Cục Cảnh sát hình sự, lực lượng chức năng" stays the department alone)
# a national department of the border force (words/national.txt): "Cục Phòng chống ma túy và tội phạm Bộ đội Biên
# phòng", "Cục Cửa khẩu BĐBP" (not a unit: "Phòng Tham mưu Bộ đội Biên phòng tỉnh" is one of an unnamed body)
for w in ("Bộ đội Biên phòng", "BĐBP"):
    add(F_ORG, "ORG", [{"ENT_ID": "NATDEPT", "OP": "+"}] + [{**t, "ENT_TYPE": "_PART_BODY"} for t in ph(w)]
        + [NUOC, ent("_COUNTRY", "*")])
    # ... and one named by its department word and description (session 9b): "Cục Trinh sát Bộ đội Biên phòng"
    add(F_ORG, "ORG", [ent("_PART_DEPT", None), ent("_PART_DESC")] + [{**t, "ENT_TYPE": "_PART_BODY"} for t in ph(w)]
        + [NUOC, ent("_COUNTRY", "*")])
# A code in brackets inside the name: "Phòng Cảnh sát hình sự (PC02) Công an tỉnh X". Rule 3 makes the bracketed
# abbreviation its own span, so the resolver splits this match into three ORG: the unit ("Phòng Cảnh sát hình sự",
# named by its code and its parent), "PC02", and the parent body ("Công an tỉnh X").
BRACKETED_CODE = [{"ORTH": "("}, {"TEXT": {"REGEX": r"^[A-ZĐ][A-ZĐ0-9]{1,9}$"}}, {"ORTH": ")"}]
for parent in PARENTS:
    add(F_ORG, "ORG", [UNIT, ents(UNIT_LABELS + ["_PART_DESC", "_PART_CODE"], "*")] + BRACKETED_CODE + parent)
# Two named units sharing one parent: "Phòng Tham mưu và Phòng Cảnh sát hình sự Công an tỉnh X". Spans are flat, so
# the parent stays in the second; the first, a named unit of that named body, is an ORG of its own: the resolver
# splits this match where the second unit starts.
for parent in PARENTS:
    add(F_ORG, "ORG", [UNIT, ents(["_PART_DESC", "_PART_CODE"]), {"ORTH": {"IN": [",", "và"]}}] + UNIT_CHAIN + parent)
for nm in UNIT_NAMES:
    for tail in ([], [NUOC, COUNTRY], [HCM], [SMALL_NUMBER]):
        add(F_ORG, "ORG", [DEPT] + nm + tail)
# "Phòng PC04 Công an tỉnh X" is above; a bare code "PC04 Công an tỉnh X"
for lv in PROVINCE_LEVELS:
    add(F_ORG, "ORG", [{"ENT_TYPE": "_PART_CODE", "TEXT": {"REGEX": r"^P[A-Z]\d{2}$"}}, BODY] + lv)
# A national department by its code alone, "C04", "A05" (the departments of the Ministry of Public Security are coded
# A, C, H, K, V, X + 01-19): a unique national body, as "Cục C10" (rule 3); with its ministry, "C04 Bộ Công an", one ORG.
# Not a provincial code alone ("PC04": every province has one, so it names no one body without its parent; after a
# named ORG in brackets it is that body's abbreviation, see the resolver) nor "A80" (no department number).
NAT_CODE = {"ENT_TYPE": "_PART_CODE", "TEXT": {"REGEX": r"^[ACHKVX](?:0[1-9]|1\d)$"}}
add(F_ORG, "ORG", [NAT_CODE], "NATCODE")
add(F_ORG, "ORG", [NAT_CODE, NAT, NUOC, ent("_COUNTRY", "*")])
# A unit named by its description and its province, with no parent body: "Văn phòng Liên lạc phòng, chống ma túy qua
# biên giới tỉnh Quảng Bình" (rule 3: it holds a place's name). The province word is needed: after a description a
# bare province may start the next clause.
for lv in ([{"LOWER": "tỉnh"}, PROV_NAMED], IN_CAPITAL, IN_CITY, [CITY, HCM]):
    add(F_ORG, "ORG", [UNIT, ents(UNIT_LABELS + ["_PART_DESC", "_PART_CODE"], "*"), ent("_PART_DESC", None)] + lv)
# A border liaison office (BLO) written in lower case, with or without its fields ("phòng, chống ma túy và tội phạm",
# "phòng chống ma tuý"), named by its province or border gate after "qua biên giới" (session 12): "Văn phòng liên lạc
# phòng, chống ma túy qua biên giới tỉnh Hà Tĩnh", "Văn phòng liên lạc qua biên giới Cầu Treo"; without a name after it
# ("văn phòng liên lạc của hai bên") nothing
LIAISON = [{"NORM": "Văn"}, {"LOWER": "phòng"}, {"LOWER": "liên"}, {"LOWER": "lạc"},
           {"NORM": {"IN": sorted(set(CLASSES["org_word"]) | {",", "và"})}, "OP": "*"},
           {"LOWER": "qua", "OP": "?"}, {"LOWER": "biên"}, {"LOWER": "giới"}]  # ("qua" may be left out: session 14b)
# (the gate word is optional in one pattern, session 14b: it was a pattern of its own)
for lv in (IN_PROVINCE, IN_CAPITAL, [{**t, "OP": "?"} for t in ph("cửa khẩu", ci=True)] + PLACE_NAME):
    add(F_ORG, "ORG", LIAISON + lv)
# ... by the two places it links, one each side of the border (session 24): "Văn phòng liên lạc biên giới Móng Cái -
# Đông Hưng", "... qua biên giới Lào Cai - Hà Khẩu"
# (the first side's last word may open a byline elsewhere, "Bài -": "... qua biên giới Mộc Bài - Bavet"; session 29)
for side in (PLACE_NAME, [PROV_NAMED], [CAPITALISED, {**CAPITALISED, "OP": "{0,3}"}]):
    add(F_ORG, "ORG", LIAISON + side + [DASH] + PLACE_NAME)
# The state inspectorate of a province or district is a body named by its place, as "UBND tỉnh X": "Thanh tra tỉnh X",
# "Thanh tra huyện X" ("Thanh tra Bộ Công an", "Thanh tra Công an tỉnh X" are a unit and its parent, above). Capitalised
# only: "thanh tra" is also the verb.
for lv in LEVELS:
    add(F_ORG, "ORG", [{"NORM": "Thanh", "ENT_TYPE": "_PART_UNIT"}, {"NORM": "tra"}] + lv)
# Companies and works named by their own name, perhaps after what they trade (session 8): "Công ty TNHH Thương mại
# Phú Quý", "Công ty Cổ phần Thủy sản Hải Long", "Xí nghiệp Tàu thuyền Quang Trung", "Công ty TNHH ABC"; the trade
# is one to three lower-case words after its first capitalised one, none a function word ("Công ty X tại Hà Nội")
COMPANY = ent("_PART_COMPANY")
COMPANY_NAME = {**CAPITALISED, "ENT_TYPE": {"NOT_IN": CUES + ["QUANTITY", "ORG", "RANK"]}}
TRADE = {"IS_LOWER": True, "IS_ALPHA": True, "LOWER": {"NOT_IN": [
    "tại", "ở", "của", "và", "với", "cho", "đã", "bị", "là", "có", "được", "trên", "thuộc", "do", "từ", "về", "để",
    "đang", "sẽ", "vừa", "cũng", "không", "này", "đó", "khi", "rồi", "mà", "nhưng", "hay", "hoặc", "còn", "theo",
    "trong", "ngoài", "sau", "trước", "đến", "tới", "nhằm", "vì", "nên", "thì", "như", "các", "những", "một"]}}
add(F_ORG, "ORG", [COMPANY, {**COMPANY_NAME, "OP": "{1,5}"}])
add(F_ORG, "ORG", [COMPANY, COMPANY_NAME, {**TRADE, "OP": "{1,3}"}, {**COMPANY_NAME, "OP": "{1,4}"}])
# ... and two trades, perhaps joined by "và" (session 27): "Công ty TNHH Thương mại và Dịch vụ Kỳ Phong", "Công ty TNHH
# Công nghệ Thanh toán Sao Việt", "Công ty TNHH Giải pháp Công nghệ Khoa Phát" (each trade a capitalised word, then
# lower-case ones: the name's words end it)
add(F_ORG, "ORG", [COMPANY] + [COMPANY_NAME, {**TRADE, "OP": "{1,3}"}, {"LOWER": "và", "OP": "?"}] * 2
    + [{**COMPANY_NAME, "OP": "{1,4}"}])
add(F_ORG, "ORG", [COMPANY, {"IS_UPPER": True, "IS_ALPHA": True, "OP": "{1,3}", "ENT_TYPE": {"NOT_IN": ["ORG"]}}])
# A bank named by its brand in Latin script (session 16a): "Ngân hàng Agribank", "Ngân hàng BIDV" (rule 3: a proper
# name; "ngân hàng" in lower case, "Ngân hàng Nhà nước" of words/national.txt, and a bank's type, "TMCP", are no brand);
# its branch in a place is one ORG with it, by the resolver: "Ngân hàng Agribank chi nhánh huyện Văn Bàn"
add(F_ORG, "ORG", [{"NORM": "Ngân"}, {"LOWER": "hàng"}, {"TEXT": {"REGEX": r"^(?!TMCP$|TNHH$)[A-Z][A-Za-z]{1,15}$"}}])
# ... and a bank by its brand alone, one word ending on "bank" (session 17a; rule 3, its own name): "tài khoản
# Agribank", "Vietcombank chi nhánh tỉnh Lào Cai" (the branch by the resolver), "VietinBank", "Techcombank"
add(F_ORG, "ORG", [{"TEXT": {"REGEX": r"^[A-Z][A-Za-z]{1,14}[Bb]ank$"}}])
# The friendship schools, named by their number (session 17a; rule 3: the number is the school's name): "Trường Hữu
# nghị 80", "Trường Hữu nghị T78" ("Trường Hữu nghị" alone, without a number, stays nothing: many schools bear it)
add(F_ORG, "ORG", [{"ORTH": "Trường"}, {"ORTH": "Hữu"}, {"LOWER": "nghị"}, {"TEXT": {"REGEX": r"^T?\d{2,3}$"}}])
# Schools named by a place: "Trường Đại học Vinh", "Đại học Quốc gia Hà Nội"
SCHOOL = ent("_PART_SCHOOL")
add(F_ORG, "ORG", [SCHOOL] + PLACE_NAME)
# A national park's or a reserve's management board by the park's name, perhaps two names joined by a dash (session
# 31): "Ban Quản lý Vườn quốc gia Pù Mát", "Ban Quản lý Vườn quốc gia Lò Gò - Xa Mát" (the park alone is a place)
for board in ("Ban Quản lý Vườn quốc gia", "Ban Quản lý Khu bảo tồn thiên nhiên"):
    add(F_ORG, "ORG", ph(board, ci=True) + PLACE_NAME)
    add(F_ORG, "ORG", ph(board, ci=True) + PLACE_NAME + [DASH] + PLACE_NAME)
# ... and a branch of a school in another province, one ORG with its place (session 31; three dev spans had been the
# school and a PROVINCE): "Phân hiệu Đại học Huế tại Quảng Trị", "Phân hiệu Trường Đại học Nông Lâm TP Hồ Chí Minh tại
# Gia Lai"
add(F_ORG, "ORG", ph("Phân hiệu") + [SCHOOL, {"IS_ALPHA": True, "IS_LOWER": False, "OP": "{1,6}",
                                             "ENT_TYPE": {"NOT_IN": CUES + ["QUANTITY", "ORG"]}},
                                    {"LOWER": "tại"}, {"LOWER": "tỉnh", "OP": "?"}, {**CITY, "OP": "*"},
                                    PROV_NAMED])
# ... and by two fields joined by a dash and its province (session 23): "Trường Cao đẳng Kinh tế - Kỹ thuật Điện Biên"
add(F_ORG, "ORG", [SCHOOL, ent("_PART_DESC"), DASH, ent("_PART_DESC"), {"LOWER": "tỉnh", "OP": "?"}, PROV_NAMED])
# A general school named by a place or after a person, perhaps numbered: "Trường THPT Tương Dương 1", "Trường THCS
# Nguyễn Trãi", "Trường Tiểu học Kim Đồng" (one ORG, no PERSON inside: a name after a capitalised word is none)
# (and its level in capitals after a boarding school's words, session 17a: "Trường Phổ thông dân tộc bán trú THCS Na
# Ngoi"; one optional token in the pattern)
add(F_ORG, "ORG", [ent("_PART_SCHOOL_K12"), {"ORTH": {"IN": ["TH", "THCS", "THPT", "TH&THCS", "THCS&THPT"]}, "OP": "?"},
                   {**CAPITALISED, "OP": "{1,4}",
                                           "ENT_TYPE": {"NOT_IN": CUES + ["QUANTITY", "ORG"]}},
                   {**SMALL_NUMBER, "OP": "?"}])
# ... and by its province or district after the level word (session 16b): "Trường Phổ thông Dân tộc nội trú tỉnh Sóc
# Trăng", "Trường PTDTNT huyện Mường Tè" (rule 3: a place's name; one ORG, rule 2)
# (one pattern: a level word or two, then the place's words)
add(F_ORG, "ORG", [ent("_PART_SCHOOL_K12"), {"LOWER": {"IN": ["tỉnh", "huyện", "thị", "xã", "thành", "phố", "quận"]},
                                            "OP": "{1,2}"}, place_tok(), place_tok(op="{0,3}", first=False)])
add(F_ORG, "ORG", [SCHOOL, {"NORM": "Quốc", "OP": "?"}, {"NORM": "gia", "OP": "?"}, PROV])
add(F_ORG, "ORG", [SCHOOL, {"NORM": "Quốc"}, {"NORM": "gia"}, HCM])
# Schools named by a national force, numbered: "Trường Cao đẳng Cảnh sát nhân dân I"
add(F_ORG, "ORG", [DEPT, {"ENT_ID": "NAT", "OP": "+"}, {**SMALL_NUMBER, "OP": "?"}])
# A national body, then its country: "Bộ Công an Lào", "Bộ Quốc phòng nước Việt Nam"; a department, then its ministry
add(F_ORG, "ORG", [NAT, NUOC, COUNTRY])
# ... and a country of one syllable that is also a common word or a given name ("Mỹ", "Nga", "Pháp", "Đức",
# "Ý", "Úc": no helper, gazetteers/country.txt), right after a national body only: "Bộ Tư pháp Mỹ", "Bộ Nội vụ Nga"
# (session 22: they were cut to "Bộ Tư pháp"; not "Anh", the pronoun before a given name: "Bộ Công an Anh Tuấn")
# (a ministry's whole name before it, no department's first word: "Cục Pháp chế" is no "Cục" of France)
# (not a word of the national body's own name, session 23: "Ủy ban Chính trị - Pháp luật Trung ương")
ONE_SYLLABLE_COUNTRIES = ["Mỹ", "Nga", "Pháp", "Đức", "Ý", "Úc"]
ONE_SYLLABLE_COUNTRY = {"ORTH": {"IN": ONE_SYLLABLE_COUNTRIES}, "ENT_TYPE": {"NOT_IN": ["ORG"]}}
add(F_ORG, "ORG", [{"ENT_ID": "NAT"}, {"ENT_ID": "NAT", "OP": "+"}, ONE_SYLLABLE_COUNTRY])
add(F_ORG, "ORG", [NAT, {"LOWER": "quốc"}, {"LOWER": "gia"}, COUNTRY])  # "Tổng cục Cảnh sát Quốc gia Campuchia"
add(F_ORG, "ORG", [{"ENT_ID": "NATDEPT", "OP": "+"}, {"ENT_ID": "NAT", "OP": "+"}, NUOC, ent("_COUNTRY", "*")])
# A committee, office or unit with a descriptive name, then its country: a national body of that country (rule 3)
# ("Ủy ban Phòng chống ma túy Campuchia", "Văn phòng Kiểm soát ma túy Thái Lan", "Cục Phòng chống ma túy Lào")
QUOC_GIA = [{"LOWER": "quốc", "OP": "?"}, {"LOWER": "gia", "OP": "?"}]
add(F_ORG, "ORG", [{"NORM": "Ủy"}, {"LOWER": "ban"}, ent("_PART_DESC")] + QUOC_GIA + [NUOC, COUNTRY])
# ... also a central committee named by what it does in lower case, then its country (session 15b): "Ủy ban Trung
# ương kiểm soát ma túy Myanmar" (rule 3: the country names it); not coordinated countries
UB_TRUNG_UONG = [{"NORM": "Ủy"}, {"LOWER": "ban"}, {"NORM": "Trung"}, {"LOWER": "ương"}, DESC_WORD("*"), DESC_LAST]
add(F_ORG, "ORG", UB_TRUNG_UONG + [NUOC, COUNTRY])
add(F_EXC, "_NONE", UB_TRUNG_UONG + [NUOC, COUNTRY, SEP, COUNTRY])
# (national heads only: a department, "Văn phòng", "Cơ quan"; not "Phòng", "Đội" of a province)
NATIONAL_HEADS = [[ent("_PART_DEPT")],
                  [{"ENT_TYPE": "_PART_UNIT", "NORM": {"IN": ["Văn", "Cơ"]}}, {"ENT_TYPE": "_PART_UNIT"}]]
for head in NATIONAL_HEADS:
    add(F_ORG, "ORG", head + [ent("_PART_DESC")] + QUOC_GIA + [NUOC, COUNTRY])
    # ... and the countries of one syllable, as after a ministry above (session 23: "Cục Phòng chống ma túy Mỹ" was cut
    # before "Mỹ"); not before a capitalised word, where it starts a name ("... Cục Cảnh sát hình sự Đức Anh")
    add(F_ORG, "ORG", head + [ent("_PART_DESC")] + QUOC_GIA + [ONE_SYLLABLE_COUNTRY])
    add(F_EXC, "_NONE", head + [ent("_PART_DESC")] + QUOC_GIA + [ONE_SYLLABLE_COUNTRY, {"IS_TITLE": True}])
# ... but not coordinated: "Cục Phòng chống ma túy Lào và Việt Nam" (rule 3: generic)
for head in NATIONAL_HEADS + [[{"NORM": "Ủy"}, {"LOWER": "ban"}]]:
    add(F_EXC, "_NONE", head + [ent("_PART_DESC")] + QUOC_GIA + [NUOC, COUNTRY, SEP, COUNTRY])
# The secretariat of a named body: "Ban Thư ký ASEANAPOL", "Ban Thư ký ASEAN"
add(F_ORG, "ORG", ph("Ban Thư ký") + [{"ENT_ID": "NAT", "OP": "+"}])
# "Ban Tổng thư ký Interpol" (session 9a), also in the order "Tổng Ban thư ký Interpol" (session 19b: one pattern, either
# word first)
add(F_ORG, "ORG", [{"NORM": {"IN": ["Ban", "Tổng"]}}, {"NORM": {"IN": ["Tổng", "Ban"]}}] + ph("thư ký")
    + [{"ENT_ID": "NAT", "OP": "+"}])
# A national police force named by its country: "Công an Lào", "Công an Việt Nam" (capitalised: the force's name; the
# lead's gold audit, session 10a), not coordinated ("Công an Lào và Việt Nam"); "Lực lượng" stays outside "Cảnh sát
# Singapore" (below)
add(F_ORG, "ORG", [{"ORTH": "Công", "ENT_TYPE": "_PART_BODY", "ENT_IOB": "B"}, {"ORTH": "an", "ENT_TYPE": "_PART_BODY"},
                   COUNTRY])
add(F_EXC, "_NONE", [{"ORTH": "Công", "ENT_TYPE": "_PART_BODY", "ENT_IOB": "B"}, {"ORTH": "an", "ENT_TYPE": "_PART_BODY"},
                     COUNTRY, SEP, COUNTRY])
# (nor inside an envoy's title: "Tùy viên Công an Việt Nam tại Lào" + name)
add(F_EXC, "_NONE", [ent("_POS"), {"ORTH": "Công", "ENT_TYPE": "_PART_BODY", "ENT_IOB": "B"},
                     {"ORTH": "an", "ENT_TYPE": "_PART_BODY"}, COUNTRY])
# ... and a neighbour's national police named by its country, capitalised (lead's decision, session 9): "Cảnh sát
# Campuchia", "Cảnh sát Myanmar" ("cảnh sát Campuchia", its officers, stays nothing; not coordinated countries:
# "Cảnh sát Lào và Việt Nam", nor a unit's description: "Phòng Cảnh sát Lào")
add(F_ORG, "ORG", [{"ORTH": "Cảnh", "ENT_TYPE": "_PART_DESC"}, {"ORTH": "sát", "ENT_TYPE": "_PART_DESC"}, COUNTRY])
# ... with "Lực lượng" capitalised where that is the force's own name, Singapore's and Myanmar's "Police Force"
# (session 23: four writers of the dev sets wrote "Phó Tư lệnh Lực lượng Cảnh sát Myanmar" as one ORG; not
# "Lực lượng Cảnh sát Campuchia" opening a sentence, the force in general; lower-case "lực lượng" stays outside)
add(F_ORG, "ORG", [{"ORTH": "Lực"}, {"ORTH": "lượng"}, {"ORTH": "Cảnh", "ENT_TYPE": "_PART_DESC"},
                   {"ORTH": "sát", "ENT_TYPE": "_PART_DESC"},
                   {"ORTH": {"IN": ["Singapore", "Xin-ga-po", "Myanmar", "Mi-an-ma"]}, "ENT_TYPE": "_COUNTRY"}])
add(F_EXC, "_NONE", [{"ORTH": "Cảnh", "ENT_TYPE": "_PART_DESC"}, {"ORTH": "sát"}, COUNTRY, {"ORTH": {"IN": ["và", ",", "-", "–"]}},
                     COUNTRY])
add(F_EXC, "_NONE", [ents(["_PART_UNIT", "_PART_DEPT"]), {"ORTH": "Cảnh", "ENT_TYPE": "_PART_DESC"}, {"ORTH": "sát"}, COUNTRY])
# ... and its royal, national or federal police: "Cảnh sát Hoàng gia Campuchia", "Cảnh sát Quốc gia Indonesia"
# (and a department or school of it before it, session 23: "Học viện Cảnh sát Hoàng gia Campuchia" lost "Học viện")
# (and "Tổng" before it, Cambodia's General Commissariat as Vietnamese papers name it: "Tổng Cảnh sát Quốc gia
# Campuchia"; session 23)
# (three patterns, none opening on an optional token, which the matcher would try at every token)
# (and the royal police forces' own names with "Lực lượng", as Singapore's above, and a unit with its description
# before a national police, session 24: "Lực lượng Cảnh sát Hoàng gia Brunei", "Ban Quan hệ quốc tế Cảnh sát Quốc
# gia Indonesia")
for head in ([], [ents(["_PART_DEPT", "_PART_SCHOOL"])], [{"ORTH": "Tổng"}], [{"ORTH": "Lực"}, {"ORTH": "lượng"}],
             [ents(["_PART_UNIT"]), ent("_PART_DESC")]):
    add(F_ORG, "ORG", head + ph("Cảnh sát")
        + [{"LOWER": {"IN": ["hoàng", "quốc", "liên"]}}, {"LOWER": {"IN": ["gia", "bang"]}}, NUOC, COUNTRY])
# An international body's office in a country (session 23; as an embassy, rule 2): "Văn phòng UNODC tại Việt Nam"
add(F_ORG, "ORG", ph("Văn phòng") + [{"ENT_ID": "NAT", "OP": "+"}, {"LOWER": "tại"}, COUNTRY])
# A country's armed forces named with it, capitalised (rule 3, as "Cảnh sát Hoàng gia Thái Lan"; session 15c): "Hải quân
# Hoàng gia Campuchia", "Quân đội Hoàng gia Campuchia", "Hải quân nhân dân Việt Nam", "Không quân Thái Lan", with their
# command ("Bộ Tư lệnh Hải quân Campuchia"); not coordinated countries ("Hải quân Việt Nam và Campuchia"), nor "hải
# quân" in lower case ("Quân đội nhân dân" is a national body of words/national.txt, with its country above)
ARMED = [{"ENT_TYPE": "_PART_DEPT", "OP": "*"}, {"NORM": {"IN": ["Hải", "Lục", "Không", "Quân"]},
                                                 "ENT_TYPE": {"NOT_IN": ["ORG"]}},
         {"LOWER": {"IN": ["quân", "đội"]}}, {"LOWER": {"IN": ["hoàng", "nhân", "quốc"]}, "OP": "?"},
         {"LOWER": {"IN": ["gia", "dân"]}, "OP": "?"}, NUOC, COUNTRY]
add(F_ORG, "ORG", ARMED)
add(F_EXC, "_NONE", ARMED + [SEP, COUNTRY])
# "Quân khu 4", "Bộ Tư lệnh Vùng 2", "Lữ đoàn 52"
for h in ("Quân khu", "Bộ Tư lệnh Quân khu", "Bộ Tư lệnh Vùng", "Vùng Cảnh sát biển", "Bộ Tư lệnh Vùng Cảnh sát biển",
          "Bộ Tư lệnh Cảnh sát Vùng",  # (Thailand's provincial police regions, session 23)
          "Hải đoàn", "Lữ đoàn", "Sư đoàn", "Trung đoàn"):
    add(F_ORG, "ORG", [{**ph(h)[0], "ENT_TYPE": {"NOT_IN": ["ORG"]}}] + ph(h)[1:] + [SMALL_NUMBER])
# ... and a navy's numbered region, its command and its brigades (session 23): "Vùng 5 Hải quân", "Bộ Tư lệnh Vùng 5
# Hải quân", "Lữ đoàn 176 Vùng 5 Hải quân"; a named naval base, "Căn cứ Hải quân Ream"
for head in (ph("Vùng"), ph("Bộ Tư lệnh Vùng"),
             [{"NORM": {"IN": ["Lữ", "Hải"]}}, {"NORM": "đoàn"}, {"TEXT": {"REGEX": r"^\d{1,3}$"}}] + ph("Vùng")):
    add(F_ORG, "ORG", head + [SMALL_NUMBER] + ph("Hải quân"))
add(F_ORG, "ORG", ph("Căn cứ Hải quân") + PLACE_NAME)
# ... and a military court or procuracy of a military region, perhaps of one of its areas: "Tòa án quân sự Quân khu 2",
# "Viện Kiểm sát quân sự khu vực 1 Quân khu 4" (session 23: the rules gave "Quân khu 2" alone; rule 2, outermost)
add(F_ORG, "ORG", [{"NORM": {"IN": ["Tòa", "Viện"]}, "ENT_TYPE": {"NOT_IN": ["ORG"]}}, {"LOWER": {"IN": ["án", "kiểm"]}},
                   {"LOWER": "sát", "OP": "?"}, {"LOWER": "quân"}, {"LOWER": "sự"}, {"LOWER": "khu", "OP": "?"},
                   {"LOWER": "vực", "OP": "?"}, {**SMALL_NUMBER, "OP": "?"}] + ph("Quân khu") + [SMALL_NUMBER])
# ... and a military region's bodies, a unit of it named before it (session 24, the army paper's forms; rule 2,
# outermost): "Trường Quân sự Quân khu 1", "Phòng Đối ngoại Quân khu 1", "Đảng ủy Quân khu 7", "Thường vụ Đảng ủy
# Quân khu 4", "Bệnh viện Quân y 4 Quân khu 4"
MR_HEADS = [ph(h) for h in ("Trường Quân sự", "Đảng ủy", "Thường vụ Đảng ủy", "Ban Thường vụ Đảng ủy", "Bộ Chỉ huy",
                            "Cục Chính trị", "Cục Hậu cần", "Cục Kỹ thuật", "Bộ Tham mưu")]
MR_HEADS.append([{"NORM": {"IN": ["Phòng", "Ban"]}}, {"IS_TITLE": True}, {"IS_LOWER": True, "OP": "{0,3}"}])
for head in MR_HEADS:
    add(F_ORG, "ORG", head + ph("Quân khu") + [SMALL_NUMBER])
# Military hospitals by their number or code, perhaps with a neighbour's province (session 24): "Bệnh viện Quân y 4",
# "Bệnh viện Quân y 7A", "Bệnh viện Quân y 106 tỉnh Hủa Phăn", "Bệnh viện Quân y 175"; and the army's K teams that seek
# the remains of the fallen, each named by its own number ("Đội K52", "Đội K92": a name, not a team's rank in a list)
MIL_CODE = {"TEXT": {"REGEX": r"^\d{1,3}[A-Z]?$"}}
add(F_ORG, "ORG", ph("Bệnh viện Quân y") + [MIL_CODE])
add(F_ORG, "ORG", ph("Bệnh viện Quân y") + [MIL_CODE, {"LOWER": "tỉnh"}, PROV_NAMED])
# (second pass, so that a team with its parent stays one ORG: "Đội K92 Bộ Chỉ huy Quân sự tỉnh Quảng Trị")
add(F_ORG, "ORG", [{"ORTH": "Đội", "ENT_TYPE": {"NOT_IN": ["ORG"]}}, {"TEXT": {"REGEX": r"^K\d{2,3}$"}}])
# ... a neighbour's border-protection battalion by its number, perhaps with its province: "Tiểu đoàn bảo vệ biên giới
# 405", "... 101 tỉnh Ratanakiri"; an independent battalion by a number of two or three digits ("Tiểu đoàn 31"; "Tiểu
# đoàn 2" of a regiment, like a numbered company, names nothing alone)
# (second pass, as the shapes that give it its province: "... 969 tỉnh Sa-la-vẳn" stays one ORG)
BPB = [{**ph("Tiểu đoàn")[0], "ENT_TYPE": {"NOT_IN": ["ORG"]}}] + ph("Tiểu đoàn bảo vệ biên giới")[1:]
add(F_ORG, "ORG", BPB + [SMALL_NUMBER])
add(F_ORG, "ORG", BPB + [SMALL_NUMBER, {"LOWER": "tỉnh"}, PROV_NAMED])
add(F_ORG, "ORG", [{**ph("Tiểu đoàn")[0], "ENT_TYPE": {"NOT_IN": ["ORG"]}}, ph("Tiểu đoàn")[1], {"TEXT": {"REGEX": r"^\d{2,3}$"}}])
# A numbered region in the coast guard's abbreviations, "BTL Vùng CSB 3", "Vùng CSB 2" (session 18d; rule 3, the numbered
# region names it), and the fisheries surveillance's regional branches, "Chi cục Kiểm ngư vùng V" (I to VI)
add(F_ORG, "ORG", [{"ORTH": "BTL", "OP": "?"}, {"ORTH": "Vùng"}, {"ORTH": "CSB"}, SMALL_NUMBER])
add(F_ORG, "ORG", [{**ph("Chi cục")[0], "ENT_TYPE": {"NOT_IN": ["ORG"]}}] + ph("Chi cục Kiểm ngư")[1:]
    + [{"LOWER": "vùng"}, SMALL_NUMBER])
# A numbered region command of the national coast guard is one ORG, whole (session 10c: the national "Cảnh sát biển"
# of session 10a took the region's number and the province cue "Vùng" was cut off as a lead): "Vùng Cảnh sát biển 3",
# "Bộ Tư lệnh Vùng Cảnh sát biển 2", a flotilla or squadron of the region, "Hải đoàn 31 Vùng Cảnh sát biển 3"
add(F_HELP, "_PART_REGION", "Vùng Cảnh sát biển")
add(F_ORG, "ORG", [{"NORM": "Hải", "ENT_TYPE": {"NOT_IN": ["ORG"]}}, {"NORM": {"IN": ["đoàn", "đội"]}},
                   {"TEXT": {"REGEX": r"^\d{1,3}$"}}] + ph("Vùng Cảnh sát biển") + [SMALL_NUMBER])
# ... and a department of a coast guard with its country or province, no cut at the national body inside (rule 2):
# "Cục Cảnh sát biển Campuchia", "Chi cục Cảnh sát biển tỉnh X"
# "Ban Chỉ huy Cảnh sát biển tỉnh X" (whole with the session-start rules, where "Cảnh sát biển" was a description);
# a flotilla of the national body by its number, "Hải đoàn 11 Cảnh sát biển" (not "11 Cảnh sát", a count)
COAST_GUARD = ph("Cảnh sát biển")
HEAD = [ents(["_PART_DEPT", "_PART_UNIT", "_PART_SCHOOL"]), ent("_PART_DESC", "*")]
CHI_CUC = [{"NORM": "Chi"}, {"NORM": "cục"}]
for head in (HEAD, CHI_CUC):
    add(F_ORG, "ORG", head + COAST_GUARD + [NUOC, ent("_COUNTRY")])
    add(F_ORG, "ORG", head + COAST_GUARD + [{"LOWER": {"IN": ["tỉnh", "thành"]}, "OP": "?"}, {"LOWER": "phố", "OP": "?"},
                                            PROV_NAMED])
add(F_ORG, "ORG", [{"NORM": "Hải", "ENT_TYPE": {"NOT_IN": ["ORG"]}}, {"NORM": {"IN": ["đoàn", "đội"]}},
                   {"TEXT": {"REGEX": r"^\d{1,3}$"}}] + COAST_GUARD + [NUOC, ent("_COUNTRY", "*")])
# A numbered unit with what it does, and its province or country: "Tiểu đoàn bảo vệ biên giới 705 tỉnh Mondulkiri",
# "Lữ đoàn 52", "Bệnh viện 19-8" (a number names it: rule 3)
NUMBER = {"TEXT": {"REGEX": r"^\d{1,3}$"}}
# ("Tiểu đoàn", "Lữ đoàn", "Trung đoàn", "Sư đoàn", "Hải đoàn", "Đại đội", "Tiểu đội", "Trung đội")
MILITARY = [{"NORM": {"IN": ["Tiểu", "Lữ", "Trung", "Sư", "Hải", "Đại"]}, "ENT_TYPE": {"NOT_IN": ["ORG"]}},
            {"NORM": {"IN": ["đoàn", "đội"]}}]
for where in ([{"LOWER": "tỉnh"}, PROV_NAMED], [NUOC, COUNTRY], []):
    add(F_ORG, "ORG", MILITARY + [DESC_WORD("+"), NUMBER] + where)
    add(F_ORG, "ORG", MILITARY + [ent("_PART_DESC"), NUMBER] + where)  # "Tiểu đoàn Cảnh sát biên giới 821"
    if where:
        add(F_ORG, "ORG", MILITARY + [NUMBER] + where)
        add(F_ORG, "ORG", MILITARY + [NUMBER, DESC_WORD("+")] + where)  # "Đại đội 2 bảo vệ biên giới tỉnh Attapeu"
# ... a border guard unit by its number, "Lữ đoàn Biên phòng 701", "Đại đội Biên phòng 3 tỉnh Sê Kông" ("phòng" ends
# no description; not a province's flotilla, "Hải đội Biên phòng 2", which the dev sets' writers left out three
# times), and a unit numbered with "số", "Tiểu đoàn Cảnh sát cơ động số 2" (session 22)
BORDER_UNIT = [{**MILITARY[0], "NORM": {"IN": ["Tiểu", "Lữ", "Trung", "Sư", "Đại"]}}, MILITARY[1], {"NORM": "Biên"},
               {"LOWER": "phòng"}, NUMBER]
for where in ([{"LOWER": "tỉnh"}, PROV_NAMED], []):
    add(F_ORG, "ORG", BORDER_UNIT + where)
add(F_ORG, "ORG", MILITARY + [ent("_PART_DESC"), {"LOWER": "số"}, NUMBER])
# ... and the border guard's special task forces by number or region (session 23; rule 3, a number or region names
# them, as "Hải đoàn 31"): "Đoàn Đặc nhiệm phòng, chống ma túy và tội phạm số 1", "... miền Bắc" (the description takes
# "Đặc nhiệm" from the unit word of words/units.txt, so the unit is "Đoàn" and a description opening with it)
for tail in ([{"LOWER": "số"}, NUMBER], [NUMBER], [{"LOWER": "miền"}, {"NORM": {"IN": ["Bắc", "Trung", "Nam"]}}]):
    add(F_ORG, "ORG", [{"NORM": "Đoàn", "ENT_TYPE": {"NOT_IN": ["ORG"]}}, {"NORM": "Đặc", "ENT_TYPE": "_PART_DESC"},
                       ent("_PART_DESC")] + tail)
for tail in ([NUMBER], [NUMBER, {"ORTH": "-"}, NUMBER]):
    add(F_ORG, "ORG", [{"NORM": "Bệnh", "ENT_TYPE": "_PART_UNIT"}, {"NORM": "viện"}] + tail)
    # ... with the ministry it belongs to (session 9b): "Bệnh viện 19-8 Bộ Công an", "Bệnh viện 103 Bộ An ninh Lào"
    add(F_ORG, "ORG", [{"NORM": "Bệnh", "ENT_TYPE": "_PART_UNIT"}, {"NORM": "viện"}] + tail
        + [{"ORTH": "Bộ", "ENT_ID": "NAT"}, {"ENT_ID": "NAT", "OP": "+"}, NUOC, ent("_COUNTRY", "*")])
# A party's politburo is the party's organ: "Ủy viên Bộ Chính trị Đảng Nhân dân Cách mạng Lào" is one ORG (session 9b)
# (and with "Trung ương" before the party, session 23: "Bộ Chính trị Trung ương Đảng Cộng sản Trung Quốc")
add(F_ORG, "ORG", [{**t, "ENT_ID": "NAT"} for t in ph("Bộ Chính trị")] + [{"NORM": "Trung", "OP": "?"},
                                                                         {"LOWER": "ương", "OP": "?"},
                                                                         {"ORTH": "Đảng", "ENT_ID": "NAT"},
                                                                         {"ENT_ID": "NAT", "OP": "*"}, NUOC,
                                                                         ent("_COUNTRY", "*")])
# The force's schools in general are no body: "các học viện, trường Công an nhân dân (Việt Nam)" (session 9b)
add(F_EXC, "_NONE", [{"ORTH": "trường"}, {**ph("Công an nhân dân")[0], "ENT_ID": "NAT"}] + ph("Công an nhân dân")[1:]
    + [ent("_COUNTRY", "*")])
# Bodies at the border named by their place, which may be a town abroad with no province ("Trạm Quản lý biên giới Thạc
# Long", "Cục Quản lý xuất nhập cảnh Hà Khẩu"): a unit or department whose description ends on the border, then the
# place (not a family name of words/not-place.txt: "Đội Kiểm soát xuất nhập cảnh Nguyễn Văn A" is a title and a name)
BORDER_END = {"LOWER": {"IN": ["giới", "cảnh", "khẩu"]}}
BORDER_PLACE = [{**place_tok(), "_": {"vner_not_place": False, "vner_not_place_next": False}},
                place_tok(op="{0,2}", first=False)]
add(F_ORG, "ORG", [UNIT, ent("_PART_DESC", "*"), {**BORDER_END, "ENT_TYPE": "_PART_DESC"}] + BORDER_PLACE)
# ... at an international or national gate (session 9a): "Ban Quản lý cửa khẩu quốc tế Cầu Treo"
add(F_ORG, "ORG", [UNIT, ent("_PART_DESC", "*"), {"LOWER": "khẩu", "ENT_TYPE": "_PART_DESC"}, {"LOWER": "quốc"},
                   {"LOWER": {"IN": ["tế", "gia"]}}] + BORDER_PLACE)
add(F_ORG, "ORG", [UNIT, ent("_PART_DESC", "*"), {"LOWER": "biên"}, {"LOWER": "phòng"}]
    + BORDER_PLACE)  # "Trạm Kiểm tra biên phòng Hà Khẩu" ("phòng" ends no description)
# ... at a port, or at a city whose name starts with a unit word (session 8): "Trạm Kiểm tra biên phòng cảng Đông
# Hưng", "Tổng trạm Kiểm tra biên phòng Phòng Thành Cảng"
add(F_ORG, "ORG", [UNIT, ent("_PART_DESC", "*"), {"LOWER": "biên"}, {"LOWER": "phòng"}, {"LOWER": "cảng"}]
    + BORDER_PLACE)
add(F_ORG, "ORG", [UNIT, ent("_PART_DESC", "*"), {"LOWER": "biên"}, {"LOWER": "phòng"}, {"NORM": "Phòng"},
                   place_tok(first=False), place_tok(op="?", first=False)])
add(F_ORG, "ORG", [{"ENT_ID": "NATDEPT", "OP": "+"}, {**BORDER_END, "ENT_ID": "NATDEPT"}] + BORDER_PLACE)
# A unit or department of a region of Vietnam, named by its description (session 10a): "Trung đoàn Cảnh sát cơ động
# Tây Nam Bộ", "Cục An ninh Tây Nguyên"; a broadcaster's regional office: "VTV Cần Thơ", "VOV Tây Nguyên"
# ("Tây Bắc", "Tây Nguyên", "Tây Nam Bộ", "Đông Bắc", "Đông Nam Bộ", "Bắc Trung Bộ", "Nam Trung Bộ": two token patterns)
add(F_HELP, "_REGION", [{"NORM": {"IN": ["Tây", "Đông"]}}, {"NORM": {"IN": ["Bắc", "Nam", "Nguyên"]}},
                        {"NORM": "Bộ", "OP": "?"}])
add(F_HELP, "_REGION", [{"NORM": {"IN": ["Bắc", "Nam"]}}, {"NORM": "Trung"}, {"NORM": "Bộ"}])
add(F_ORG, "ORG", [UNIT, ents(UNIT_LABELS + ["_PART_DESC", "_PART_CODE"], "*"), ent("_PART_DESC"), ent("_REGION")])
# (... also after a hyphen, as VOV's bylines write it: "Thu Hà/VOV-Tây Bắc"; session 22)
add(F_ORG, "ORG", [{"ORTH": {"IN": ["VTV", "VOV"]}, "ENT_TYPE": "ORG"}, {"ORTH": {"IN": ["-", "–"]}, "OP": "?"},
                   ents(["PROVINCE", "_REGION"])])
# A body named in English (session 10a): "Ảnh: Royal Thai Police", "the Office of the Narcotics Control Board", "Drug
# Enforcement Administration": a first word that opens such names, Latin words, a head noun of bodies
EN_BODY_FIRST = ["Royal", "National", "Ministry", "Department", "Office", "Narcotics", "Drug", "Immigration", "Border",
                 "Central", "Metropolitan", "Provincial", "General", "Supreme", "People's", "Anti", "Criminal", "Federal",
                 "Thai", "Lao", "Cambodian", "Vietnam", "Vietnamese", "Myanmar", "Chinese", "Malaysian", "Indonesian",
                 "Philippine", "Singapore", "ASEAN", "United"]
EN_BODY_HEAD = ["Police", "Ministry", "Agency", "Office", "Bureau", "Department", "Command", "Force", "Forces", "Guard",
                "Commission", "Committee", "Council", "Court", "Administration", "Board", "Authority", "Service",
                "Division", "Army", "Navy", "Embassy", "Interpol", "Nations", "Security", "Customs"]
add(F_ORG, "ORG", [{"ORTH": {"IN": EN_BODY_FIRST}}, {"IS_ASCII": True, "IS_ALPHA": True, "OP": "{0,5}"},
                   {"ORTH": {"IN": EN_BODY_HEAD}}])
# A station named by its description and its place, no parent body (session 10a): "Trạm Cảnh sát giao thông Đông Hưng",
# "Trạm CSGT Phủ Lý", "Trạm Cảnh sát đường thủy Cần Thơ" (a station is where it stands; a team, "Đội", is no place's)
for place in (PLACE_NAME, [PROV_NAMED]):
    add(F_ORG, "ORG", [{"NORM": {"IN": ["Trạm", "Tổng"]}, "ENT_TYPE": "_PART_UNIT"}, {"LOWER": "trạm", "OP": "?"},
                       ent("_PART_DESC")] + place)
# Border posts: "Đồn Biên phòng Nậm Cắn", "Đồn Biên phòng Cửa khẩu Quốc tế Cầu Treo"
POST = ent("_PART_POST")
# (and at a port's gate, session 22: "Đồn Biên phòng Cửa khẩu cảng Vũng Áng")
for mid in ([], ph("cửa khẩu", ci=True), ph("cửa khẩu quốc tế", ci=True), ph("cửa khẩu quốc gia", ci=True),
            ph("CKQT"), ph("CK"), ph("cảng", ci=True), ph("cửa khẩu cảng", ci=True)):
    add(F_ORG, "ORG", [POST] + mid + PLACE_NAME)
    if mid:  # a gate named by its province: "Đồn Biên phòng cửa khẩu quốc tế Lào Cai"
        add(F_ORG, "ORG", [POST] + mid + [PROV_NAMED])
# ... and a neighbour's border police post with its description (session 23; the description takes "Cảnh sát" from
# the helper "Đồn Cảnh sát"): "Đồn Cảnh sát xuất nhập cảnh Cửa khẩu quốc tế Bavet", "Đồn Cảnh sát biên giới Phnôm Đênh"
# (and a commune's or a district's post, session 28: "Đồn Cảnh sát xã Prasat", "Đồn Cảnh sát hành chính xã Bu Sra",
# "Đồn Cảnh sát huyện Ô Da Dao")
DON_CANH_SAT = [{"NORM": "Đồn", "ENT_TYPE": {"NOT_IN": ["ORG"]}}, {"NORM": "Cảnh", "ENT_TYPE": "_PART_DESC"},
                {"ENT_TYPE": "_PART_DESC", "LOWER": {"NOT_IN": ["cửa"]}, "OP": "+"}]
for mid in ([], ph("cửa khẩu", ci=True), ph("cửa khẩu quốc tế", ci=True)):
    add(F_ORG, "ORG", DON_CANH_SAT + mid + PLACE_NAME)
# ("Đồn Cảnh sát" in any case, then "biên giới"/"biên phòng"; session 28)
DON_CS = [{"NORM": "Đồn", "ENT_TYPE": {"NOT_IN": ["ORG"]}}, {"LOWER": "cảnh"}, {"LOWER": "sát"}]
BORDER_WORDS = [{"LOWER": "biên"}, {"LOWER": {"IN": ["giới", "phòng"]}}]
add(F_ORG, "ORG", DON_CS + [{"LOWER": {"IN": ["hành", "chính"]}, "OP": "*"}, {"LOWER": {"IN": ["xã", "huyện"]}}]
    + PLACE_NAME)
# ... in title case before its gate (session 28): "Đồn Cảnh sát Biên phòng Cửa khẩu Koh Roka"
add(F_ORG, "ORG", DON_CS + BORDER_WORDS + [{"LOWER": w, "OP": "?"} for w in ("cửa", "khẩu", "quốc", "tế")] + PLACE_NAME)
# ... or by its number (session 28): "Đồn Cảnh sát biên giới 825", "Đồn Cảnh sát biên phòng 925"
add(F_ORG, "ORG", DON_CS + BORDER_WORDS + [{"TEXT": {"REGEX": r"^\d{1,4}$"}}])
# (a flotilla or company numbered in its province is no name: "Hải đội Biên phòng 2", "Đại đội Biên phòng 3" (rule 3,
# as "Hải đội 2"; the lead's gold audit, session 10a)
add(F_ORG, "ORG", [{"ENT_TYPE": "_PART_POST", "ENT_IOB": "B", "NORM": {"NOT_IN": ["Hải", "Đại"]}},
                   {"ENT_TYPE": "_PART_POST", "ENT_IOB": "I", "OP": "*"}, {"TEXT": {"REGEX": r"^\d{1,4}$"}}])
# a post's own name may start with a word no other place starts with or hold a family name as its second word (a
# commune's name: "Đồn Biên phòng Phó Bảng", "Đồn Biên phòng Thường Thới Hậu A", "Đồn Biên phòng Bản Lầu"); the two
# first words are capitalised and read as nothing else, the rest is a place ("... Bản Lầu Nguyễn Văn A" stops at "Nguyễn")
POST_WORD = {**CAPITALISED,
             "ENT_TYPE": {"NOT_IN": CUES + ["QUANTITY", "ORG", "_PART_POST", "_COUNTRY", "PROVINCE", "_PROV_AMBIG"]}}
add(F_ORG, "ORG", [POST, POST_WORD, {**POST_WORD, "_": {"vner_not_place": False}}, place_tok(op="{0,2}", first=False)])
# Prisons: "Trại giam Đồng Sơn", "Trại giam số 6", "Trại tạm giam Công an tỉnh X"
PRISON = ent("_PART_PRISON")
# ... with the ministry it belongs to right after it, one ORG (rule 2, outermost, as "Tổng cục Cảnh sát Bộ Công an
# Lào"; session 15a): "Trại giam số 5 Bộ Công an", "Trại giam Thanh Xuân Bộ Công an"; in brackets it stays its own
# span ("Trại giam số 3 (Bộ Công an)")
PRISON_MINISTRY = {"ENT_ID": "NAT", "OP": "*"}
add(F_ORG, "ORG", [PRISON] + PLACE_NAME + [PRISON_MINISTRY])
add(F_ORG, "ORG", [PRISON, {"LOWER": "số"}, {"TEXT": {"REGEX": r"^\d{1,3}$"}}, PRISON_MINISTRY])
add(F_ORG, "ORG", [PRISON, ent("_PART_CODE", None)])  # "Trại tạm giam B14"
for lv in PROVINCE_LEVELS:
    add(F_ORG, "ORG", [PRISON, ent("_PART_BODY", "?")] + lv)
    # ... numbered, of a province's police (session 23: two ORGs before): "Trại tạm giam số 1 Công an TP Hà Nội"
    add(F_ORG, "ORG", [PRISON, {"LOWER": "số"}, {"TEXT": {"REGEX": r"^\d{1,3}$"}}, ent("_PART_BODY")] + lv)
# A province's centre, fund or association named by what it does and its province (session 23; rule 3, a place's
# name): "Trung tâm Công tác xã hội tỉnh Tây Ninh", "Quỹ Bảo trợ trẻ em tỉnh An Giang", "Hội Nghề cá tỉnh Quảng Ngãi"
# ("Trung" only with "tâm", and no place preposition in the lower-case words, session 28: "người Trung Quốc lẩn trốn
# tại tỉnh Quảng Ninh" had been an ORG)
for head in ([{"ORTH": "Trung", "ENT_TYPE": {"NOT_IN": ["ORG"]}}, {"ORTH": "tâm"}],
             [{"ORTH": {"IN": ["Quỹ", "Hội"]}, "ENT_TYPE": {"NOT_IN": ["ORG"]}}]):
    add(F_ORG, "ORG", head + [CAPITALISED,
                              {"IS_LOWER": True, "LOWER": {"NOT_IN": ["tại", "ở", "từ", "về", "đến", "sang"]},
                               "OP": "{1,5}"}, {"LOWER": "tỉnh"}, PROV_NAMED])
# The associations of Vietnamese living in a neighbour's province (session 23; rule 3, a place's name): "Hội người Việt
# Nam tỉnh Chăm-pa-xắc", "Hội Khmer - Việt Nam tỉnh Battambang"
add(F_ORG, "ORG", [{"ORTH": "Hội"}, {"LOWER": {"IN": ["người", "khmer"]}}, {"ORTH": "-", "OP": "?"}, {"NORM": "Việt"},
                   {"NORM": "Nam", "OP": "?"}, {"LOWER": "tỉnh"}, PROV_NAMED])
# ... and Laos's front in a province, its national name then the province (session 23): "Mặt trận Lào xây dựng đất nước
# tỉnh Savannakhet"
add(F_ORG, "ORG", ph("Mặt trận Lào xây dựng đất nước", ci=True) + [{"LOWER": "tỉnh"}, PROV_NAMED])
# A province's paper merged with its radio and television in 2025 (session 23): "Báo và Phát thanh, Truyền hình Tuyên
# Quang" (rule 6, a source; one ORG with its province, rule 2)
add(F_ORG, "ORG", ph("Báo và Phát thanh", ci=True) + [{"ORTH": {"IN": [",", "-", "–"]}, "OP": "?"}]
    + ph("Truyền hình", ci=True) + [{"LOWER": "tỉnh", "OP": "?"}, PROV_NAMED])
# Newspapers, radio, TV: "Báo Công an nhân dân", "Báo Nghệ An", "Báo Tuổi Trẻ", "Báo Biên phòng"
NEWS = ent("_PART_NEWS")
NEWS_LOW = """nhân dân phòng đội an điện tử luật niên trẻ động phong sản giải phóng đời sống pháp tế ninh thủ đô mới
xã hội văn hóa thời sự quân đoàn kết nghệ thông tin chính phủ trí""".split()
NEWS_TITLE = lambda op: {**CAPITALISED, "OP": op, **cls("not_place", False)}  # noqa: E731
add(F_ORG, "ORG", [NEWS, place_tok(), NEWS_TITLE("{0,3}"), {"NORM": {"IN": NEWS_LOW}, "OP": "{0,2}"}])
add(F_ORG, "ORG", [NEWS, place_tok(), {"NORM": {"IN": NEWS_LOW}, "OP": "{1,2}"}, NEWS_TITLE("{0,2}")])
add(F_ORG, "ORG", [NEWS, place_tok(), {"NORM": {"IN": NEWS_LOW}, "OP": "{1,2}"}, {"NORM": "Thủ"}, {"NORM": "đô"}])
add(F_ORG, "ORG", [NEWS, {"ENT_ID": "NAT", "OP": "+"}])
add(F_ORG, "ORG", [NEWS, {"TEXT": {"REGEX": r"^[A-ZĐ]{2,6}$"}}])
add(F_ORG, "ORG", [NEWS, {"LOWER": "tỉnh", "OP": "?"}, PROV])
for lv in PROVINCE_LEVELS:  # a paper named by its body and place (session 9a): "Báo Công an TP.HCM", "Báo Công an Nghệ An"
    add(F_ORG, "ORG", [NEWS, BODY] + lv)
# Embassies: "Đại sứ quán Việt Nam tại Lào", "Tổng Lãnh sự quán Việt Nam tại Luông Pha Bang"
EMB = ent("_PART_EMB")
# (a country of one syllable too, session 23: "Đại sứ quán Mỹ tại Việt Nam", "Đại sứ quán Anh" were nothing; after an
# embassy "Anh" is the country, no pronoun)
for country in (COUNTRY, {"ORTH": {"IN": ONE_SYLLABLE_COUNTRIES + ["Anh"]}}):
    add(F_ORG, "ORG", [EMB, NUOC, country])
    # (at a city: "Tổng Lãnh sự quán Campuchia tại TP Hồ Chí Minh", "tại TP.HCM", session 9b; the city word of two
    # words too, session 19c: "Tổng Lãnh sự quán Lào tại Thành phố Hồ Chí Minh" had ended on "Thành")
    add(F_ORG, "ORG", [EMB, NUOC, country, {"LOWER": "tại"}, {"ENT_TYPE": "_CITY", "OP": "*"},
                       ents(["_COUNTRY", "PROVINCE", "_HCM"])])
    # (a place that is no country: "tại Việt Nam" + a name is the embassy and its envoy, session 9b)
    add(F_ORG, "ORG", [EMB, NUOC, country, {"LOWER": "tại"},
                       {**place_tok(), "ENT_TYPE": {"NOT_IN": CUES + ["QUANTITY", "ORG", "_PART_POST", "_COUNTRY"]}}]
        + PLACE_NAME[1:])
# ... an embassy or consulate without its country at where it is (session 28: "Ảnh: TLSQ tại Sihanoukville")
add(F_ORG, "ORG", [EMB, {"LOWER": "tại"}, {"ENT_TYPE": "_CITY", "OP": "*"},
                   ents(["_COUNTRY", "PROVINCE", "_PROV_AMBIG", "_HCM"])])
# Customs and border police at a gate (session 28): "Hải quan cửa khẩu quốc tế Móng Cái", "Cảnh sát biên giới cửa khẩu
# Prek Chak"
GATE = [{"LOWER": "cửa"}, {"LOWER": "khẩu"}, {"LOWER": "quốc", "OP": "?"}, {"LOWER": "tế", "OP": "?"}]
add(F_ORG, "ORG", [{"NORM": "Hải", "ENT_TYPE": {"NOT_IN": ["ORG"]}}, {"LOWER": "quan"}] + GATE + PLACE_NAME)
add(F_ORG, "ORG", [{"NORM": "Cảnh", "ENT_TYPE": {"NOT_IN": ["ORG"]}}, {"LOWER": "sát"},
                   {"LOWER": {"IN": ["biên", "xuất"]}, "OP": "?"}, {"LOWER": {"IN": ["giới", "phòng", "nhập"]}, "OP": "?"},
                   {"LOWER": "cảnh", "OP": "?"}] + GATE + PLACE_NAME)
# "Bộ đội Biên phòng", "BĐBP" (a national force) with its country; not inside a larger unnamed body
for w in ("Bộ đội Biên phòng", "BĐBP"):
    add(F_ORG, "ORG", [{**t, "ENT_TYPE": {"IN": ["_PART_BODY"]}} for t in ph(w)] + [NUOC, ent("_COUNTRY", "*")])
# Web addresses of news sites and agencies: Baonghean.vn, cand.com.vn
# (".VN" in capitals too, as outlets sign: "VOV.VN - ..."; session 22)
DOMAIN = {"TEXT": {"REGEX": r"^[A-Za-z][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)*\.(vn|VN|com|net|org|la|gov|info|tv|kh|th)$"}}
add(F_ORG, "ORG", [{**DOMAIN, "ENT_TYPE": {"NOT_IN": ["RANK"]}}])
# not a domain inside an e-mail address or a longer address ("bbt@cand.com.vn", "dichvucong-gov.info"), nor an
# address where something is posted or written to ("tại congan.x.gov.vn", "trang web x.com", "hộp thư x.vn")
# (second pass, as the ORG: the ENT_TYPE test puts it there)
SECOND_DOMAIN = {**DOMAIN, "ENT_TYPE": {"NOT_IN": ["RANK"]}}
add(F_EXC, "_NONE", [{"ORTH": {"IN": ["@", "-", "_"]}, "SPACY": False}, SECOND_DOMAIN])
add(F_EXC, "_NONE", [{"LOWER": {"IN": ["tại", "web", "website", "trang", "thư", "email", "e-mail", "mail", "chỉ"]}},
                     SECOND_DOMAIN])

# A Chinese border city, county or town after a body, unit or department (session 22; rule 3, a place names it; rule
# 4, no PROVINCE alone): "Công an Đông Hưng", "Phân cục Công an Hà Khẩu", "Chi đội Biên phòng Sùng Tả", "Đồn Kiểm tra
# biên phòng Đông Hưng", "Chi trạm Kiểm tra xuất nhập cảnh Bằng Tường" (words/places-cn-border.txt, a first-pass helper
# each; the run starts on a unit, department or body, not on a description: "Sử bị Trạm ..." is no ORG)
for place in words("places-cn-border.txt"):
    add(F_HELP, "_CNPLACE", place)
HEADS_OF_A_RUN = ["_PART_UNIT", "_PART_DEPT", "_PART_BODY", "_PART_LBODY"]  # (a party committee too, session 24: "Thị ủy Phòng Thành Cảng")
RUN_OF_PARTS = [{"ENT_TYPE": {"IN": HEADS_OF_A_RUN}}, {"ENT_TYPE": {"IN": HEADS_OF_A_RUN + ["_PART_DESC"]}, "OP": "*"},
                DESC_WORD("*")]
add(F_ORG, "ORG", RUN_OF_PARTS + [ent("_CNPLACE")])
# ... also after a national department, and with the place's level and its people before it (session 23): "Cục Quản lý
# xuất nhập cảnh Sùng Tả", "Chi đội Quản lý biên giới thành phố Phòng Thành Cảng", "Cục Công an huyện tự trị dân tộc
# Dao Hà Khẩu"
# (and the border force it is of, session 30: "Cục Quản lý xuất nhập cảnh biên phòng Hà Khẩu")
CN_LEVEL = [{"LOWER": {"IN": ["thành", "phố", "huyện", "châu", "thị", "xã", "trấn", "tự", "trị", "dân", "tộc", "biên",
                              "phòng"]}, "OP": "*"},
            {"ORTH": {"IN": ["Dao", "Choang", "Miêu", "Mèo", "Di", "Thái", "Nùng"]}, "OP": "?"}]
for head in (RUN_OF_PARTS, [NAT]):
    add(F_ORG, "ORG", head + CN_LEVEL + [ent("_CNPLACE")])
# ... and the two that are also a person's given names ("Quàng Hồng Hà", "Lê Văn Sơn": no helper over them), after a
# body only: "Công an Hồng Hà", "Cục Công an Văn Sơn"
for head in (RUN_OF_PARTS, [NAT]):  # (a national department too, session 30: "Cục Quản lý xuất nhập cảnh Văn Sơn")
    add(F_ORG, "ORG", head + CN_LEVEL + [{"ORTH": {"IN": ["Hồng", "Văn"]}}, {"ORTH": {"IN": ["Hà", "Sơn"]}}])

# --------------------------------------------------------------- coordination: not one ORG
# "Công an các tỉnh X, Y và Z", "Công an Hà Tĩnh và Bôlykhămxay" -> the provinces only (scheme rule 3)
LV = {"LOWER": {"IN": ["tỉnh", "thủ", "đô", "các", "hai", "ba", "bốn"]}, "OP": "*"}
# (Cambodia's provincial police with its "Ty" too: "Ty Cảnh sát hai tỉnh Svay Rieng và Prey Veng"; session 22)
TY = {"ORTH": "Ty", "OP": "?"}
# (a later province may be one whose name is also something else, "Kép": "các Chi cục Thủy sản tỉnh Kampot, Kép";
# session 29)
for n in (2, 3, 4):
    pat = [TY, BODY, LV, PROV]
    for _ in range(n - 1):
        pat += [SEP, LV, PROV_NAMED]
    if n == 2:
        # (the province word only before the second is no coordination: "Công an Gia Lai và tỉnh Ratanakiri" is the
        # body of one and the other province; session 10a)
        add(F_EXC, "_UNWRAP", [TY, BODY, {**LV, "OP": "+"}] + pat[3:])
        add(F_EXC, "_UNWRAP", [TY, BODY, PROV, SEP, PROV])
        continue
    add(F_EXC, "_UNWRAP", pat)
    if n > 2:
        add(F_EXC, "_UNWRAP", pat[:-3] + [{"ORTH": ","}, {"LOWER": "và"}, LV, PROV])
# "công an" in lower case is the force, no named body (session 10a; sets O, P, S): "cán bộ công an Vân Nam", "lực lượng
# công an tỉnh X" -> the province only; "công an xã X" -> nothing
# "Bộ Công an hai nước", "Chính phủ các nước" -> nothing; "Bộ Công an 2 nước" -> the QUANTITY only
# (not inside the name of a national body: "Hiệp hội Cảnh sát các nước Đông Nam Á")
GEN_COUNT = {"LOWER": {"IN": ["hai", "ba", "bốn", "các", "những", "cả"]}, "ENT_ID": {"NOT_IN": ["NAT", "NATDEPT"]}}
GEN_NOUN = {"LOWER": {"IN": ["nước", "bên", "quốc", "tỉnh", "ngành", "đơn", "địa"]}}
for body in ({"ENT_ID": "NAT", "OP": "+"}, BODY):
    add(F_EXC, "_NONE", [body, GEN_COUNT, GEN_NOUN])
    add(F_EXC, "_UNWRAP", [body, ent("QUANTITY", None),
                           {"ENT_TYPE": "QUANTITY", "LOWER": {"IN": ["nước", "bên", "tỉnh", "ngành", "quốc"]}}])
add(F_EXC, "_NONE", [{"ENT_ID": "NAT", "OP": "+"}, COUNTRY, SEP, COUNTRY])
# a national force inside the name of its holiday is no ORG: "Ngày truyền thống lực lượng Cảnh sát nhân dân",
# "Ngày truyền thống Bộ đội Biên phòng" (not "truyền thống của Công an tỉnh X": a body named)
HOLIDAY = [{"LOWER": "ngày"}, {"LOWER": "truyền"}, {"LOWER": "thống"}, {"LOWER": "lực", "OP": "?"},
           {"LOWER": "lượng", "OP": "?"}]
add(F_EXC, "_NONE", HOLIDAY + [{"ENT_ID": "NAT", "OP": "+"}])
# (a force named by no place, then punctuation: "Ngày truyền thống Bộ đội Biên phòng," but not "... Công an tỉnh X")
add(F_EXC, "_NONE", HOLIDAY + [ent("_PART_BODY"), {"IS_PUNCT": True}])
add(F_EXC, "_NONE", [{"ENT_ID": "NAT", "OP": "+"}, {"NORM": "Việt"}, DASH, COUNTRY])
# A national force inside a larger unnamed body: "Bộ Chỉ huy Bộ đội Biên phòng tỉnh" (rule 3)
for w in ("Bộ Chỉ huy Bộ đội Biên phòng", "Bộ Chỉ huy BĐBP", "Đảng ủy Bộ đội Biên phòng", "Đảng ủy BĐBP",
          "Bộ đội Biên phòng tỉnh", "BĐBP tỉnh", "Bộ đội Biên phòng huyện", "Bộ đội Biên phòng các", "BĐBP các",
          "Bộ đội Biên phòng hai", "BĐBP hai", "Bộ đội Biên phòng ba"):
    add(F_EXC, "_NONE", [{**ph(w)[0], "ENT_TYPE": {"IN": ["_PART_BODY"]}}] + ph(w)[1:])

# The procuracy named by no place or level: "Viện Kiểm sát và Tòa án hai cấp", "Viện Kiểm sát đã phê chuẩn" (rule 3: no
# proper name, and there are many; session 21); "Viện Kiểm sát nhân dân tỉnh X", "Viện Kiểm sát Quân sự ..." stay ORG
add(F_EXC, "_NONE", ph("Viện Kiểm sát") + [{"LOWER": {"NOT_IN": ["nhân", "quân"]}, "IS_TITLE": False}])

# --------------------------------------------------------------- PERSON
# cue + name (the cue stays outside: vner_rules_resolve cuts leading entities off a PERSON)
CUE_RANGES = {"RANK": (1, 6), "_DC": (1, 6), "_POS": (2, 6), "_HON": (1, 5), "_HON2": (1, 4), "_SUSP": (2, 5),
              "_CUE": (2, 4)}
for cue, (lo, hi) in CUE_RANGES.items():
    for nm in names(lo, hi):
        add(F_PER, "PERSON", [ent(cue)] + nm)
# ... and a name whose family name is also a common word that starts no name on its own ("Từ", "Ninh", "Đường", "Hạ":
# words/not-name.txt "^"), right after a rank, "đồng chí" or "ông"/"bà": "Đại tá Đường Quốc Lương", "ông Từ Tuấn"
# (session 21; a family name of person-vi-surname.txt or of the Sino-Vietnamese ones the list lacks)
# (and "Lãnh", which starts "Lãnh đạo" and so no name anywhere else: "Đại tá Lãnh Mạnh Khánh"; session 22)
_COMMON_FAMILIES = sorted({w for w, mark in words("not-name.txt", marked=True) if mark == "^"}
                          & ({v for e in gazetteer("person-vi-surname") for v in e} | {"Đường", "Hạ"}) | {"Lãnh"})
CUES_OF_A_FAMILY = ents(["RANK", "_DC", "_HON", "_HON2"])
add(F_PER, "PERSON", [CUES_OF_A_FAMILY, {"NORM": {"IN": _COMMON_FAMILIES}, "IS_TITLE": True},
                      name_next(op=None), GLUE, name_next(), GLUE, name_next(), GLUE])
# ... and a compound family name whose first word starts no name alone ("Tư Mã", "Tư Đồ", "Tư Không"): "Đại tá Tư Mã
# Cảnh" (session 22; persons._compound_family_names mends it where the shapes found the rest without a cue)
add(F_PER, "PERSON", [CUES_OF_A_FAMILY, {"ORTH": "Tư"}, {"ORTH": {"IN": ["Mã", "Đồ", "Không"]}},
                      name_next(op=None), GLUE, name_next(), GLUE])
# a rank of the police of Thailand or Cambodia, "Trung tướng cảnh sát Surasak Phromchai" (session 9a)
for nm in names(2, 4):
    add(F_PER, "PERSON", [ent("RANK"), {"LOWER": "cảnh", "IS_LOWER": True}, {"LOWER": "sát"}] + nm)
# a title, then the body: "Bộ trưởng Bộ Công an Lương Tam Quang", "Phó Chủ tịch UBND tỉnh X Bùi Đình Long",
# "Trưởng phòng Cảnh sát hình sự Công an tỉnh X Lê Văn A"
POS = ent("_POS")
# "Đội trưởng Đội Cảnh sát hình sự Công an huyện X Lê Văn A", "Bí thư Tỉnh ủy Lê Thị Hạnh" (no place)
BODY_WHERE = [[], IN_PROVINCE, IN_CITY, IN_DISTRICT]
TITLED_BODIES = [[NAT, ent("_COUNTRY", "*")]]
UNIT_PARTS = ents(UNIT_LABELS + ["_PART_DESC", "_PART_CODE"], "*")  # the sub-units before the body, if any
TITLED_BODIES += [[UNIT_PARTS, BODY] + where for where in BODY_WHERE]
TITLED_BODIES += [body + PLACE_NAME for body in CITY_BODIES]  # "Bí thư Thành ủy Vinh Nguyễn Văn A"
# ... and a province alone, the title's own (session 22): "Tỉnh trưởng tỉnh Takeo Vei Samnang", "Phó Chủ tịch tỉnh An
# Giang Nguyễn Thanh Bình", "Cảnh sát trưởng tỉnh Kampot Mao Chanthan"
TITLED_BODIES += [[{"LOWER": "tỉnh"}, PROV_NAMED]]
# ... and after a role word that is no title (session 13b; the `_SUSP` cues of persons: "Phóng viên Báo Nhân Dân
# Nguyễn Thu Trang", "PV", "cán bộ", "chiến sĩ", "học viên"; and the lower-case "điều tra viên", "luật sư", "thẩm
# phán", "biên tập viên" below): "Điều tra viên Công an tỉnh Nghệ An Lê Văn Hòa" -> ORG + PERSON
ROLE = ents(["_POS", "_SUSP"])
for body in TITLED_BODIES:
    for nm in names(2, 6):
        add(F_PER, "PERSON", [ROLE] + body + nm)
# a title and a body that names no place, then a name that starts with a family name: "Giám đốc Công an tỉnh Phạm
# Văn Tú" -> PERSON only (rule 3: "Công an tỉnh" is no ORG); a place would not start with a family name
# (words/not-place.txt), so "Giám đốc Công an tỉnh Sơn La" stays what the shapes above make of it
UNNAMED_LEVEL = {"LOWER": {"IN": ["tỉnh", "huyện", "xã", "phường", "quận"]}}
for nm in names(2, 4):  # a Vietnamese name: two to four words
    first = {**nm[0], "_": {**nm[0]["_"], "vner_not_place_next": True}}
    add(F_PER, "PERSON", [ROLE, UNIT_PARTS, BODY, UNNAMED_LEVEL, first] + nm[1:])
# a title, a border post named by its commune, then a name that starts with a family name (session 8b): "Chỉ huy
# trưởng Đồn Biên phòng Nậm Cắn Nguyễn Văn Tú" (the place stops at the family name)
for nm in names(2, 4):
    first = {**nm[0], "_": {**nm[0]["_"], "vner_not_place_next": True}}
    add(F_PER, "PERSON", [POS, UNIT_PARTS, ent("_PART_POST")] + PLACE_NAME + [first] + nm[1:])
# a title and a unit that names no parent, then a name that starts with a family name: "Đội trưởng Đội Kiểm soát xuất
# nhập cảnh Nguyễn Văn An" -> PERSON only (the unit alone names nothing, rule 3)
for nm in names(2, 4):
    first = {**nm[0], "_": {**nm[0]["_"], "vner_not_place_next": True}}
    add(F_PER, "PERSON", [POS, UNIT, ent("_PART_DESC"), first] + nm[1:])
# "Trinh sát" at the start of a sentence is a cue ("Trinh sát Nguyễn Văn An ..."), inside a unit a description
# ("Đội Trinh sát Đồn Biên phòng X"): a name after it starts with a family name
for nm in names(2, 4):
    first = {**nm[0], "_": {**nm[0]["_"], "vner_not_place_next": True}}
    add(F_PER, "PERSON", [{"NORM": "Trinh", "ENT_TYPE": "_PART_DESC"}, {"NORM": "sát", "ENT_TYPE": "_PART_DESC"}, first]
        + nm[1:])
# a foreigner named by a noun of persons and the country (session 10a): "du khách Hàn Quốc Kim Min-seo", "công dân
# Trung Quốc Vương Lợi Minh", "người Lào Xổm-phít Văn-na-xỉ" (two to four words; the country is not annotated)
for nm in names(2, 4):
    add(F_PER, "PERSON", [{"LOWER": {"IN": ["du", "công", "người", "quốc", "kiều"]}, "ENT_TYPE": {"NOT_IN": ["ORG"]}},
                          {"LOWER": {"IN": ["khách", "dân", "tịch", "bào"]}, "OP": "?"}, COUNTRY] + nm)
# an envoy, then the country and the place: "Đại sứ Việt Nam tại Lào Nguyễn Bá Hùng", "Tổng Lãnh sự Việt Nam tại Luông
# Pha Bang Trần Văn Nam", "Đại sứ Lào Khăm-phăn Phôm-ma-thắt" (countries are not annotated; the province stays PROVINCE)
# ("Tùy viên Công an Việt Nam tại Lào ...": the title is cut before "Công an", a body without a place)
for where in ([], [{"LOWER": "tại"}, ents(["_COUNTRY", "PROVINCE"])]):
    for nm in names(2, 6):
        add(F_PER, "PERSON", [POS, ent("_PART_BODY", "*"), NUOC, COUNTRY] + where + nm)
# ... at a city that is no province, written hyphen-glued, then a name from a family name: "Tổng Lãnh sự Việt Nam tại
# Pắc-xế Nguyễn Văn Hùng" (the glue tells where the city ends)
for nm in names(2, 4):
    first = {**nm[0], "_": {**nm[0]["_"], "vner_not_place_next": True}}
    add(F_PER, "PERSON", [POS, ent("_PART_BODY", "*"), NUOC, COUNTRY, {"LOWER": "tại"}, {"IS_TITLE": True},
                          cls("glued", OP="+"), first] + nm[1:])
# credits with initials: "Ảnh: T.Hương", "Tin, ảnh: N.V. Hùng"
# (not "T.L", "tư liệu", an archive photo: words/not-name.txt; session 14)
INITIALS = {"TEXT": {"REGEX": r"^(?:[A-ZĐ]\.)+[A-ZĐ][^\W\d_]*$"}, **cls("not_name_first", False)}
add(F_PER, "PERSON", [ent("_CUE"), INITIALS, name_next()])
add(F_PER, "PERSON", [ent("_CUE"), {"TEXT": {"REGEX": r"^[A-ZĐ](?:\.[A-ZĐ])*$"}}, {"ORTH": "."}, name_next(op=None),
                      name_next()])
# one given name of the lists after "tên" (the cue stays outside): "một người tên Khánh", "có tên là Hùng"
add(F_PER, "PERSON", [{"LOWER": "tên", "ENT_TYPE": "_SUSP"}, {"LOWER": "là", "OP": "?"},
                      {**cls("given"), "IS_TITLE": True, "ENT_TYPE": {"NOT_IN": NOT_IN_NAME + ["PROVINCE"]}}])
# ... and any name after "xưng tên", "xưng là", "tự xưng" (a person names herself; session 9a): "một người phụ nữ
# xưng tên Lin", "tự xưng là Tuấn"
for nm in names(1, 3):
    add(F_PER, "PERSON", [{"LOWER": "xưng"}, {"LOWER": {"IN": ["tên", "là"]}, "OP": "?"}, {"LOWER": "là", "OP": "?"}]
        + nm)
# ... and after a noun of a person and "tên" (session 9b): "gặp một người đàn ông tên Xổm", "một thanh niên tên là Pó"
for nm in names(1, 3):
    add(F_PER, "PERSON", [{"LOWER": {"IN": ["người", "ông", "nữ", "niên", "gái", "trai"]}}, {"LOWER": "tên"},
                          {"LOWER": "là", "OP": "?"}] + nm)
# ... and after a suspect's, a defendant's or an old person's cue (session 7b): "Đối tượng Hưng khai", "bị cáo Oanh",
# "cụ Chạn" (a longer name after the cue is a longer match and wins)
add(F_PER, "PERSON", [{"LOWER": "cụ", "ENT_TYPE": "_SUSP"},
                      {**cls("given"), "IS_TITLE": True, "ENT_TYPE": {"NOT_IN": NOT_IN_NAME + ["PROVINCE"]}}])
# ... a suspect's or defendant's nickname, a given name in no list ("Đối tượng Tèo khai nhận", "bị can Tý"; session
# 15a): any capitalised word that may open a name and is in no entity or piece of one ("đối tượng Công an ..." is a
# body, "đối tượng Lào" a country, "đối tượng Nghệ An" a province; nor a brand's or a country's word in Latin script:
# "đối tượng Facebook", "Thailand"); the cue is lower case after its first word, so a
# title-case headline ("Bắt Đối Tượng Vận Chuyển ...") is none
add(F_PER, "PERSON", [{"LOWER": {"IN": ["tượng", "can", "cáo", "phạm", "kẻ"]}, "IS_LOWER": True, "ENT_TYPE": "_SUSP"},
                      {**name_first(), "ENT_TYPE": {"NOT_IN": NOT_IN_NAME + ["PROVINCE", "_PROV_AMBIG"]},
                       "_": {"vner_not_name_first": False, "vner_latin_not_given": False, "vner_country_word": False}}])
# ... and one word in Latin script of two syllables or more (a Lao, Thai or Khmer name as its country romanises it,
# persons._LATIN_WORD; session 14c): "Đối tượng Chanthavong khai nhận", "bị can Somsak"; not a brand's word or a
# country ("Group", "Thailand")
add(F_PER, "PERSON", [{"LOWER": {"IN": ["tượng", "can", "cáo", "phạm", "kẻ"]}, "ENT_TYPE": "_SUSP"},
                      {"TEXT": {"REGEX": r"^[A-Z][a-z]*[aeiouy]+[a-z]*?[b-df-hj-np-tv-xz]+[aeiouy]+[a-z]*$"},
                       "ENT_TYPE": {"NOT_IN": NOT_IN_NAME + ["PROVINCE"]},
                       "_": {"vner_latin_not_given": False, "vner_country_word": False}}])
# initials alone after an honorific: "bà L.T.H (SN 1951)", "ông N.V.A."; and after a pronoun of persons or kin, or a
# suspect's or victim's cue (session 13): "Chị N.T.H (SN 1999)", "cháu N.V.A", "đối tượng T.Q.H", "bị can L.V.S",
# "nạn nhân H.T.L", "tài xế N.V.B" (not "C.A" (công an), "T.W" (trung ương): "cán bộ C.A xã" names no person)
add(F_PER, "PERSON", [{"ENT_TYPE": {"IN": ["_HON", "_HON2", "_SUSP"]}},
                      {"TEXT": {"REGEX": r"^(?!(?:C\.A|T\.W)\.?$)(?:[A-ZĐ]\.){1,3}[A-ZĐ]\.?$"}}])
# "Chủ tịch Hồ Chí Minh", "tư tưởng Hồ Chí Minh"
add(F_PER, "PERSON", [POS, HCM])
add(F_PER, "PERSON", [ent("_HCMCUE"), HCM])

# --------------------------------------------------------------- exclusions
CENTRAL = ["VN:Hà Nội", "VN:Hải Phòng", "VN:Đà Nẵng", "VN:Cần Thơ", "VN:Huế", "VN:Hồ Chí Minh", "LA:Viêng Chăn",
           "KH:Phnôm Pênh", "TH:Băng Cốc", "CN:Bắc Kinh", "CN:Thượng Hải", "CN:Thiên Tân", "CN:Trùng Khánh"]
# A city that shares a province's name is not the province: "TP Hà Tĩnh", "thành phố Thanh Hóa" (rule 4)
add(F_EXC, "_NONE", [CITY, {"ENT_TYPE": "PROVINCE", "ENT_ID": {"NOT_IN": CENTRAL}, "OP": "+"}])
# Districts, communes, rivers, border gates named like a province: "huyện Quảng Ninh", "sông Sê Kông"
for w in words("locals.txt"):
    p = ph(w)
    add(F_EXC, "_NONE", [{**p[0], "ENT_TYPE": {"NOT_IN": ["_CITY", "_PCUE", "PROVINCE"]}}] + p[1:] + [PROV])
# ... but "cầu" of a video link's end, "điểm cầu", is no bridge: "tại điểm cầu Huế" keeps its PROVINCE (session 23; the
# longer span unwraps the province inside it)
add(F_EXC, "_UNWRAP", [{"LOWER": "điểm"}, {"LOWER": "cầu"}, PROV])
for w in ("Thái Bình Dương", "Điện Biên Phủ", "Hà Nội mới", "Covid-19", "COVID-19", "Covid - 19", "SARS-CoV-2",
          "Châu Á - Thái Bình Dương", "Ấn Độ Dương - Thái Bình Dương"):
    add(F_EXC, "_NONE", w)
# A province's name that only starts a hyphen-glued word is none: "tỉnh Mon-đun-ki-ri" is no "Mon" (Myanmar)
add(F_EXC, "_NONE", [ents(["PROVINCE", "_PROV_AMBIG"]), {"_": {"vner_glued": True},
                                                            "ENT_TYPE": {"NOT_IN": ["PROVINCE", "_PROV_AMBIG"]}}])
# Places whose name starts with "Bà" or "Ông", which the honorific cue would take for a person ("Bà Rịa là ...")
for w in ("Bà Rịa", "Bà Đen", "Bà Nà", "Bà Điểm", "Bà Chiểu", "Bà Rá", "Bà Triệu", "Ông Đốc", "Hai Bà Trưng"):
    add(F_EXC, "_NONE", w)
# ... and a region named after a province, no province (session 31): "vùng Đồng Tháp Mười"
add(F_EXC, "_NONE", "Đồng Tháp Mười")
# (a range's first number and dash before the quantity: "ngày 12-3 tỉnh X" is a date)
RANGE = {"ENT_TYPE": "_PART_RANGE", "OP": "*"}
# The first words of what a seizure is counted in: measures, currencies, counters of drugs and goods, multipliers
# (session 19d: "chuyên án 186 bánh heroin" names a case by its haul)
HAUL = sorted({toks(v)[0].lower() for t in ("Weight, length, area, volume (symbols as written)", "Money",
                                            "Counter words for drugs, goods and evidence (one syllable)")
               for e in _section("unit", t) for v in e} | {v.lower() for e in gazetteer("multiplier") for v in e})
# Time expressions, ordinals, references, dates are not QUANTITY (rule 5); the one-word ones in one pattern
# (what follows is one QUANTITY, not the next one too: "năm 2017 tổ chức 214 buổi", where the year read as "2017 tổ
# chức", had lost "214 buổi"; session 31)
ONE_QTY = [{"ENT_TYPE": "QUANTITY", "ENT_IOB": "B"}, {"ENT_TYPE": "QUANTITY", "ENT_IOB": "I", "OP": "*"}]
TIME_WORDS = []
for w in ("năm", "Năm", "thứ", "Thứ", "Điều", "khoản", "Khoản", "Quốc lộ", "quốc lộ", "QL", "Tỉnh lộ",
          "tỉnh lộ", "đường tỉnh", "Đường tỉnh", "Km", "km", "Nghị định", "Thông tư", "Chỉ thị", "Quyết định",
          "Nghị quyết", "Kết luận",
          "Khóa", "Kế hoạch", "Chương trình", "Ban Chỉ đạo", "Ban Chỉ Đạo", "Chuyên án", "chuyên án", "mốc", "Mốc", "Cột mốc",
          "cột mốc", "Quân khu", "phường", "Phường", "Quận",
          "quận", "lúc", "Lúc", "ngày", "Ngày", "tháng", "Tháng", "đêm", "Đêm", "sáng", "trưa", "chiều", "tối", "Sáng",
          "Trưa", "Chiều", "Tối", "hôm", "Hôm", "lần", "Lần", "đợt", "Đợt", "giai đoạn", "Giai đoạn", "phiên", "Phiên",
          "vòng", "Vòng", "Tổ",
          "tổ", "Vùng", "Lữ đoàn", "Sư đoàn", "Trung đoàn", "Hải đoàn", "Đồn Biên phòng", "Phòng", "phòng"):
    p = [both_cases(t) for t in toks(w)]  # also in headlines in capitals: "NĂM 2024", "LẦN THỨ 5"
    # (a steering committee is named by the number of its decision, two digits or more: "Ban Chỉ đạo 389 tỉnh", "Ban
    # Chỉ đạo 138"; one digit counts what it leads: "Ban Chỉ đạo 6 huyện, thành phố"; session 16b)
    named = ([{"ENT_TYPE": "QUANTITY", "TEXT": {"REGEX": r"^\d{2,}"}}, {**QTY, "OP": "*"}] if w.startswith("Ban")
             else ONE_QTY)
    # (a case is named by a number, "chuyên án 279", or by the haul it seized, "chuyên án 186 bánh heroin": after it a
    # number with a measure, a currency, a counter of drugs and goods or a multiplier is that amount, a QUANTITY; the
    # number then its unit must both be there, so that "chuyên án 279" alone matches nothing; session 19d)
    if w.lower() == "chuyên án":
        named = [{"ENT_TYPE": "QUANTITY"}, {"ENT_TYPE": "QUANTITY", "LOWER": {"NOT_IN": HAUL}}, {**QTY, "OP": "*"}]
    if len(p) > 1:
        add(F_EXC, "_NONE", [{**p[0], "ENT_TYPE": {"NOT_IN": ["ORG"]}}] + p[1:] + [RANGE] + named)
    else:
        TIME_WORDS += [v for v in ([p[0]["NORM"]] if isinstance(p[0]["NORM"], str) else p[0]["NORM"]["IN"])
                       if v not in TIME_WORDS]
# (a word that ends a quantity is no time word: "bắt 2 lần 5 đối tượng")
add(F_EXC, "_NONE", [{"NORM": {"IN": TIME_WORDS}, "ENT_TYPE": {"NOT_IN": ["ORG", "QUANTITY"]}}, RANGE] + ONE_QTY)
# "điều" in lower case is an article of a law only after a preposition ("theo điều 2", "tại điều 155"); elsewhere it is
# the verb "dispatch", whose object counts: "đã điều 2 xe, 16 chiến sĩ" (session 27)
add(F_EXC, "_NONE", [{"LOWER": {"IN": ["theo", "tại", "của", "vào", "và", "với"]}},
                     {"ORTH": "điều", "ENT_TYPE": {"NOT_IN": ["ORG", "QUANTITY"]}}, RANGE, QTY])
NOT_QTY = {"ENT_TYPE": {"NOT_IN": ["ORG", "QUANTITY"]}}
# A year is no QUANTITY (rule 5): a number 19xx/20xx of four digits, no separator, after a preposition of time or a
# time word that takes a bare year ("đến 2025 khu vực biên giới", "Từ 2020 đến 2024 lực lượng") or after another
# year and a dash ("2020 - 2024 lực lượng"); "thu giữ 2025 viên" (no such word before) keeps its QUANTITY, and so does
# a number with a separator ("đến 2.000 viên"; session 14)
YEAR = {"TEXT": {"REGEX": r"^(19|20)\d\d$"}}
YEAR_OPENERS = ["đến", "tới", "từ", "trước", "sau", "đầu", "cuối", "giữa", "hết", "suốt", "đoạn"]
# ... and after a festival, a season or a lunar year's name, which a bare year dates (session 17c): "chúc Tết Nguyên
# đán Ất Tỵ 2025 cán bộ", "Xuân Bính Ngọ 2026 đơn vị", "Tết 2025", "Tết Dương lịch 2025", "mùa khô 2025", "mùa mưa lũ
# 2025" (the twelve earthly branches end a lunar year's name; not "thu", a verb before counts: "thu 2025 viên")
YEAR_OPENERS += ["tết", "xuân", "đán", "lịch", "khô", "mưa", "lũ", "hè", "tý", "sửu", "dần", "mão", "mẹo", "thìn",
                 "tỵ", "tị", "ngọ", "mùi", "thân", "dậu", "tuất", "hợi"]
add(F_EXC, "_NONE", [{"LOWER": {"IN": YEAR_OPENERS}, **NOT_QTY}, {**YEAR, "ENT_TYPE": "QUANTITY"}, {**QTY, "OP": "*"}])
add(F_EXC, "_NONE", [YEAR, DASH, {**YEAR, "ENT_TYPE": "QUANTITY"}, {**QTY, "OP": "*"}])
# Addresses and numbered places are no QUANTITY: "thôn 3 xã X", "tổ 5 phường Y", "đường 9 tỉnh Z", "Trạm 4 huyện"
ADDRESS = ["thôn", "xóm", "ấp", "bản", "khối", "ngõ", "ngách", "hẻm", "lô", "đội", "trạm", "tuyến", "khu",
           "kiệt", "làng", "buôn", "bon", "sóc", "căn", "tầng", "lầu", "dãy", "lớp"]  # "tầng 2", "lớp 12" (session 7)
# (the word is no part of a quantity itself: "phá 17 đường dây" keeps "17 đường dây")
add(F_EXC, "_NONE", [{"LOWER": {"IN": ADDRESS}, **NOT_QTY}, RANGE, QTY])
# ... and "đường 9 tỉnh X" (a road's number), but not a distance after "đường" (session 13b): "quãng đường 15 km",
# "đi quãng đường 200km", "chạy trên đường 200km" keep their QUANTITY (a number with a unit of length, spaced or glued,
# is no road's number; "trên đường 279", "Đường 13" have no unit and no QUANTITY). The quantity's last token is a word
# that is no unit of length (a glued "200km" holds digits, so it is never that last word).
LENGTHS = sorted({toks(v)[-1].lower() for e in gazetteer("unit") for v in e
                  if e[0] in ("km", "m", "cm", "mm", "hải lý", "dặm")})
# (nor a sum of money: "trả cho người dẫn đường 4,5 triệu đồng"; session 30)
MONEY_LAST = sorted({toks(v)[-1].lower() for v in CURRENCIES} | {v.lower() for e in gazetteer("multiplier") for v in e})
# ... and after "mỗi" + an address word, a sum is what each got, no house's number (session 31): "hỗ trợ mỗi căn 40
# triệu đồng" (the exclusion of "căn 40" is shorter and gives way)
add(F_EXC, "_UNWRAP", [{"LOWER": "mỗi"}, {"LOWER": {"IN": ADDRESS}, **NOT_QTY}, {"ENT_TYPE": "QUANTITY", "OP": "*"},
                       {"ENT_TYPE": "QUANTITY", "LOWER": {"IN": MONEY_LAST}}])
add(F_EXC, "_NONE", [{"LOWER": "đường", **NOT_QTY}, RANGE, {"ENT_TYPE": "QUANTITY", "OP": "*"},
                     {"ENT_TYPE": "QUANTITY", "LOWER": {"NOT_IN": LENGTHS + MONEY_LAST}, "TEXT": {"REGEX": r"^\D+$"}}])
# ("khu phố 3", "tiểu khu 2", "tổ dân phố 5", "số nhà 12"; not a building's floors or price: "khu nhà 7 tầng", "khu
# nhà 500 USD", session 23)
add(F_EXC, "_NONE", [{"LOWER": {"IN": ["khu", "tiểu", "tổ"]}, **NOT_QTY},
                     {"LOWER": {"IN": ["phố", "khu", "dân"]}, **NOT_QTY}, {"LOWER": "phố", "OP": "?"}, QTY])
add(F_EXC, "_NONE", [{"LOWER": "số", **NOT_QTY}, {"LOWER": "nhà", **NOT_QTY}, QTY])
# A word after "đàn ông" is no person the honorific "ông" names: "người đàn ông Mông đưa 2 thiếu nữ" (an ethnic group;
# session 30; "người đàn ông tên X" names one after "tên")
add(F_EXC, "_NONE", [{"LOWER": "đàn"}, {"LOWER": "ông", "ENT_TYPE": "_HON"}, {"IS_TITLE": True}])
# ("ca", cases or shifts, counts in lower case only: "2 CA khác" are two police forces, session 24)
add(F_EXC, "_NONE", [QTY, {"ORTH": "CA", "ENT_TYPE": "QUANTITY"}])
# ... but "mỗi năm 1 lần", "mỗi tháng 2 đợt": a count per period keeps its QUANTITY, and so does a count of reports
# ("lập biên bản 5.684 trường hợp": "bản" of "biên bản" is no village; session 23)
# (... and what is cared for: "chăm sóc 2.500 ngôi mộ", where "sóc" is no Khmer hamlet)
add(F_EXC, "_UNWRAP", [{"LOWER": {"IN": ["biên", "chăm"]}}, {"LOWER": {"IN": ["bản", "sóc"]}}, QTY])
# (... and what a backpack holds: "giấu trong ba lô 6 bánh heroin", where "lô" is no plot of land; session 26)
add(F_EXC, "_UNWRAP", [{"LOWER": "ba"}, {"LOWER": "lô"}, QTY])
add(F_EXC, "_UNWRAP", [{"LOWER": {"IN": ["mỗi", "hằng", "hàng"]}},
                       {"LOWER": {"IN": ["năm", "tháng", "tuần", "ngày", "quý", "lần", "đợt"]}},
                       QTY])
add(F_EXC, "_NONE", [{"LOWER": {"IN": ["quyết", "nghị", "thông", "công", "văn", "kế", "chỉ", "luật"]}},
                     {"LOWER": {"IN": ["định", "quyết", "tư", "văn", "bản", "hoạch", "thị", "lệnh"]}},
                     {"LOWER": "số"}, QTY])
# dates "ngày 12/3 tỉnh ..." and "12-3"
add(F_ORG, "QUANTITY", [{"ENT_TYPE": "_PART_RANGE", **NOT_YEAR}, {"ENT_TYPE": "_PART_RANGE", **DASH}, QTY])
# a period of years: "2021-2025 tỉnh X", "2021 - 2025 tỉnh X"
add(F_EXC, "_NONE", [{"TEXT": {"REGEX": r"^(19|20)\d\d$"}, "ENT_TYPE": {"NOT_IN": ["QUANTITY"]}}, DASH, QTY])
# (not a range that is one quantity: "20-25 kg"; "ngày 12-3 tỉnh X" stays a date by its time word)
add(F_EXC, "_NONE", [{"TEXT": {"REGEX": r"^\d{1,2}$"}, "ENT_TYPE": {"NOT_IN": ["_PART_RANGE"]}},
                     {"ORTH": {"IN": ["/", "-"]}}, QTY])
add(F_EXC, "_NONE", [{"TEXT": {"REGEX": r"^\d{1,4}$"}}, {"ORTH": {"IN": ["/", "-"]}},
                     {"TEXT": {"REGEX": r"^\d{1,4}$"}}, {"ORTH": {"IN": ["/", "-"]}}, QTY])


# --------------------------------------------------------------- session 14b
# A province of Laos or Cambodia in a spelling no list holds (rule 4): a capitalised hyphen-glued word after "tỉnh"
# (Vietnamese writes Lao and Khmer names with their syllables joined by "-": "tỉnh Rát-ta-na-ki-ri"; districts come
# after "huyện", "bản", "xã", never after "tỉnh"; a known spelling is a PROVINCE already), alone (the province word stays
# outside the span, as "tỉnh" + a name that is also something else, above) and with the body or unit before it:
# "Cảnh sát tỉnh Rát-ta-na-ki-ri", "Phòng PC04 Công an tỉnh X-y-z" (one pattern over any run of bodies, units,
# descriptions and codes; "Đoàn đại biểu tỉnh X-y" names no body: PROVINCE only)
GLUED_NAME = [{**CAPITALISED, "ENT_TYPE": ""}, cls("glued", OP="+")]
# (id GLUED_PROVINCE: after "Chủ tịch tỉnh" and before a second glued word the resolver reads a person's name,
# `persons._lao_leaders_after_a_provincial_title`; session 15a)
add(F_PROV, "PROVINCE", [{"LOWER": "tỉnh", "ENT_TYPE": "_PCUE"}] + GLUED_NAME, "GLUED_PROVINCE")
add(F_ORG, "ORG", [{"ENT_TYPE": {"IN": ["_PART_BODY", "_PART_UNIT", "_PART_DEPT", "_PART_DESC", "_PART_CODE"]},
                    "OP": "+"}, {"LOWER": "tỉnh"}] + GLUED_NAME)
# ... and a numbered unit's: "Tiểu đoàn bảo vệ biên giới 969 tỉnh Sa-la-vẳn", "Đại đội Biên phòng 3 tỉnh Xê-koong"
# (session 22; its number and "tỉnh" read as a QUANTITY first)
for unit in (MILITARY + [DESC_WORD("+"), NUMBER], MILITARY + [ent("_PART_DESC"), NUMBER], BORDER_UNIT):
    add(F_ORG, "ORG", unit + [{"LOWER": "tỉnh"}] + GLUED_NAME)
# A customs team or unit named by its description ending on "Hải quan" and a bare province, as "Cục Hải quan An
# Giang": "Đội Kiểm soát Hải quan An Giang" (the description "Kiểm soát Hải quan" takes the body's words, so the body
# shape "Hải quan X" cannot; the unit word is needed: "Kiểm soát Hải quan An Giang" alone stays the PROVINCE)
add(F_ORG, "ORG", [UNIT, ents(UNIT_LABELS + ["_PART_DESC", "_PART_CODE"], "*"),
                   {"ENT_TYPE": "_PART_DESC", "NORM": "Hải"}, {"ENT_TYPE": "_PART_DESC", "NORM": "quan"},
                   {"LOWER": "tỉnh", "OP": "?"}, PROV_NAMED])
# A border liaison office (BLO) of two countries at its gate (rule 3: it holds a place's name): "Văn phòng liên lạc
# biên giới Việt Nam - Lào tại Cầu Treo", "... tại cửa khẩu quốc tế Lao Bảo" (without a place after "tại" it names no
# one office: "Văn phòng liên lạc biên giới Việt Nam - Lào" gives nothing here)
add(F_ORG, "ORG", LIAISON + [COUNTRY, DASH, COUNTRY, {"LOWER": "tại"}, {"LOWER": "cửa", "OP": "?"},
                             {"LOWER": "khẩu", "OP": "?"}, {"LOWER": "quốc", "OP": "?"}, {"LOWER": "tế", "OP": "?"}]
    + PLACE_NAME)
# ... and its abbreviation, wherever it appears: "BLO" is an ORG (the office the article speaks of; the abbreviation
# step finds it after the long name too), with its gate after it ("BLO Cầu Treo": a local body's head of
# `words/local-bodies.txt`, which a first-pass helper covers); counted or generic ("các BLO", "3 BLO", "hai BLO") it
# names no one body
add(F_ORG, "ORG", [{"ORTH": "BLO", "ENT_TYPE": "_PART_LBODY"}])
# ... and with its province after the province word, as a body named by its province (session 15a): "Trưởng BLO tỉnh
# Gia Lai Rơ Châm Hiêng" -> ORG "BLO tỉnh Gia Lai" (a bare province was already its place: "BLO Hà Tĩnh", but not one
# that opens with a country's name: "BLO Lào Cai", session 23)
add(F_ORG, "ORG", [{"ORTH": "BLO", "ENT_TYPE": "_PART_LBODY"}, {"LOWER": "tỉnh", "OP": "?"}, PROV_NAMED])
add(F_EXC, "_NONE", [{"TEXT": {"REGEX": r"^(?:[Cc]ác|[Nn]hững|[Mm]ỗi|[Hh]ai|[Bb]a|[Bb]ốn|\d+)$"}}, {"ORTH": "BLO"}])
# A national association's branch in a province is one ORG with it (session 22; rule 2): "Hội Hữu nghị Việt Nam - Lào
# tỉnh Nghệ An"
add(F_ORG, "ORG", [{"ORTH": "Hội", "ENT_ID": "NAT"}, {"ENT_ID": "NAT", "OP": "+"}, {"LOWER": "tỉnh"}, PROV_NAMED])
# The police abbreviated "CA" before its level and place (session 22; rule 3): "CA tỉnh Lào Cai", "CA TP Móng Cái",
# "CA huyện Bát Xát" (one ORG, the province inside it no PROVINCE: rule 2)
for lv in ([{"LOWER": "tỉnh"}, PROV_NAMED], [CITY] + PLACE_NAME, [{"LOWER": {"IN": ["huyện", "xã", "phường", "quận"]}}]
           + PLACE_NAME):
    add(F_ORG, "ORG", [{"ORTH": "CA"}] + lv)
# ... and with its province alone in a credit, as "Ảnh: Công an Quảng Bình" (scheme rule 6; session 24): "Ảnh: CA Bình
# Dương" (the cue stays outside)
add(F_ORG, "ORG", [ents(["_CUE", "_SRC"]), {"ORTH": "CA"}, PROV_NAMED])
# Brand names are no persons: capitalised words in Latin script after "hiệu" ("nhãn hiệu", "thương hiệu"), "nhãn",
# "mẫu", "loại", "dòng" in lower case, and the list that follows them joined by "," "/" "và" "hoặc" are product names
# ("thuốc lá nhãn hiệu Hero, Jet và Craven", "xe mô tô hiệu Honda"): the tokens are claimed, so no rule that reads
# names from their context takes them ("Lò Văn Hùng khai mua thuốc lá hiệu Jet" keeps its PERSON; a unit's code after
# "phiên hiệu", "PC04", has no lower-case letter and is left alone)
BRAND = {"TEXT": {"REGEX": r"^[A-Z][a-z][A-Za-z0-9]*$"}}
BRAND_SEP = {"ORTH": {"IN": [",", "/", "và", "hoặc"]}, "OP": "?"}
add(F_EXC, "_NONE", [{"ORTH": {"IN": ["hiệu", "nhãn", "mẫu", "loại", "dòng"]}}, {**BRAND, "OP": "{1,3}"}]
    + [BRAND_SEP, {**BRAND, "OP": "{0,3}"}] * 3)

# --------------------------------------------------------------- write
WORD_ATTRS = ("NORM", "LOWER", "ORTH")


def _word_test(spec):
    """(attr, its words) when a token spec compares one word attribute with a word or a set, else None."""
    attrs = [a for a in WORD_ATTRS if a in spec]
    if len(attrs) != 1:
        return None
    value = spec[attrs[0]]
    if isinstance(value, str):
        return attrs[0], [value]
    if isinstance(value, dict) and list(value) == ["IN"]:
        return attrs[0], list(value["IN"])
    return None


def merge_token_patterns(entries):
    """Token patterns of one label and id that differ in one token's word test only are one pattern (session 10a).

    The merged token tests the union of the words, so the matches are exactly the union of theirs: "huyện" + a
    province and "Huyện" + a province are one exclusion; frees room under the cap of token patterns.
    >>> merge_token_patterns([{"label": "_NONE", "pattern": [{"NORM": "huyện"}, {"ENT_TYPE": "PROVINCE"}]},
    ...                       {"label": "_NONE", "pattern": [{"NORM": "xã"}, {"ENT_TYPE": "PROVINCE"}]}])
    [{'label': '_NONE', 'pattern': [{'NORM': {'IN': ['huyện', 'xã']}}, {'ENT_TYPE': 'PROVINCE'}]}]
    """
    out = list(entries)
    changed = True
    while changed:
        changed = False
        longest = max((len(d["pattern"]) for d in out if isinstance(d["pattern"], list)), default=0)
        for pos in range(longest):
            merged, keys = [], {}
            for d in out:
                p = d["pattern"]
                test = _word_test(p[pos]) if isinstance(p, list) and pos < len(p) else None
                if test is None:
                    merged.append(d)
                    continue
                attr, values = test
                rest = json.dumps([d["label"], d.get("id"), p[:pos], p[pos + 1:], attr,
                                   {k: v for k, v in p[pos].items() if k != attr}], ensure_ascii=False, sort_keys=True)
                if rest not in keys:
                    keys[rest] = len(merged)
                    merged.append(d)
                    continue
                first = merged[keys[rest]]
                _, before = _word_test(first["pattern"][pos])
                spec = {**first["pattern"][pos], attr: {"IN": list(dict.fromkeys(before + values))}}
                merged[keys[rest]] = {**first, "pattern": first["pattern"][:pos] + [spec] + first["pattern"][pos + 1:]}
                changed = True
            out = merged
    return out


def rendered():
    """The generated files: {file name: text}."""
    out = {}
    for fname in (F_HELP, F_ORG, F_PER, F_EXC, F_RANK, F_QTY, F_PROV):
        seen, kept = set(), []
        for d in lines[fname]:
            s = json.dumps(d, ensure_ascii=False)
            # (a phrase is matched on NORM, whose tone marks are normalised, and so is the phrase: "Đại uý" and
            # "Đại úy" are one pattern; session 9c)
            key = (d["label"], d.get("id"), tone_norm(d["pattern"])) if isinstance(d["pattern"], str) else s
            if key not in seen:
                seen.add(key)
                kept.append(d)
        out[fname] = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in merge_token_patterns(kept))
    out["classes.json"] = json.dumps({name: {"attr": "NORM", "values": values} for name, values in CLASSES.items()},
                                     ensure_ascii=False, indent=1) + "\n"
    return out


if __name__ == "__main__":
    for fname, text in rendered().items():
        (OUT / fname).write_text(text, encoding="utf-8")
        if fname.endswith(".jsonl"):
            print(fname, text.count("\n"), file=sys.stderr)
