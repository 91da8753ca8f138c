"""Grid probe of the vner rule pre-annotator (diagnosis only).

Sentences are built from frames (templates, own wording) crossed with slot
fillers; each frame returns a list of segments, either plain text (str) or
(text, label, kind) where label is an entity label or None (a non-entity
filler whose kind we track, e.g. a title).  Expected entities follow from
the segments, so offsets are known by construction.  Text-shape variants
transform the segments (never inside an entity except nbsp_in / caps).

Run:  .venv/bin/python scripts/grid/sentences.py OUT_DIR
"""
from __future__ import annotations

import collections
import json
import random
import sys
import time
from pathlib import Path

GAZ = Path(__file__).resolve().parents[2] / "vner" / "configs" / "gazetteers"
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "grid-out")
RNG = random.Random(21)


# ---------------------------------------------------------------- gazetteers
def gaz_lines(name):
    rows = []
    for line in (GAZ / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("|") if c.strip()])
    return rows


ALL_GAZ_TEXT = set()
for p in GAZ.glob("*.txt"):
    for row in gaz_lines(p.name):
        for c in row:
            ALL_GAZ_TEXT.add(c.lower())


def in_any_list(s):
    return s.lower() in ALL_GAZ_TEXT


def sample(rows, k):
    rows = list(rows)
    return RNG.sample(rows, min(k, len(rows)))


def is_ascii(s):
    return all(ord(c) < 128 for c in s)


# ---------------------------------------------------------------- fillers
# Each filler: dict(text, kind, given (optional, for persons))
def F(text, kind, **kw):
    d = dict(text=text, kind=kind)
    d.update(kw)
    return d


PERSONS = []  # list of fillers

# Vietnamese, built from the project's syllable lists
vi_sur = [r[0] for r in gaz_lines("person-vi-surname.txt")[:40]]
vi_mid = [r[0] for r in gaz_lines("person-vi-middle.txt")]
vi_giv = [r[0] for r in gaz_lines("person-vi-given.txt")]
for _ in range(6):
    g = RNG.choice(vi_giv)
    PERSONS.append(F(f"{RNG.choice(vi_sur)} {g}", "vi2_list", given=g))
    g = RNG.choice(vi_giv)
    PERSONS.append(F(f"{RNG.choice(vi_sur)} {RNG.choice(vi_mid)} {g}", "vi3_list", given=g))
    g = RNG.choice(vi_giv)
    PERSONS.append(F(f"{RNG.choice(vi_sur)} {RNG.choice(vi_mid)} {RNG.choice(vi_mid)} {g}",
                     "vi4_list", given=g))
# Vietnamese names invented with a given syllable that no list holds (checked below)
for t, g in [("Lục Văn Khuyến", "Khuyến"), ("Hà Thị Nhớ", "Nhớ"), ("Vi Văn Thắm", "Thắm"),
             ("Lò Văn Pọm", "Pọm"), ("Nông Đức Thuấn", "Thuấn"), ("Sầm Văn Chiêm", "Chiêm"),
             ("Đinh Công Trứ", "Trứ"), ("Mạc Thị Lừng", "Lừng")]:
    PERSONS.append(F(t, "vi_inv", given=g))
# H'Mông (clan from the list, given name invented)
for t, g in [("Giàng A Páo", "Páo"), ("Vàng Seo Lử", "Lử"), ("Sùng Mí Xếnh", "Xếnh"),
             ("Thào A Dếnh", "Dếnh"), ("Lầu Seo Phống", "Phống")]:
    PERSONS.append(F(t, "hmong_inv", given=g))

# Lao names from the list: 4 columns hyph | spaced | joined | latin
lo_rows = [r for r in gaz_lines("person-lo.txt") if len(r) >= 4]
for r in sample(lo_rows, 6):
    hy, sp, jo, la = r[0], r[1], r[2], r[3]
    ghy = hy.split(" ")[0]
    nsyl = ghy.count("-") + 1
    PERSONS.append(F(hy, "lo_list_hyph", given=ghy))
    PERSONS.append(F(sp, "lo_list_spaced", given=" ".join(sp.split(" ")[:nsyl])))
    PERSONS.append(F(jo, "lo_list_joined", given=jo.split(" ")[0]))
    PERSONS.append(F(la, "lo_list_latin", given=la.split(" ")[0]))
# Lao names invented (three styles)
LAO_INV = [
    ("Xổm Phết Phôm Ma Chăn", "Xổm-phết Phôm-ma-chăn", "Somphet Phommachanh", 2),
    ("Khăm Phây Xay Nha Vông", "Khăm-phây Xay-nha-vông", "Khamphay Saynhavong", 2),
    ("Bun Thoong Keo Ma Ni", "Bun-thoong Keo-ma-ni", "Bounthong Keomany", 2),
    ("Vông Xả Vẳn Phu Thon", "Vông-xả Vẳn-phu-thon", "Vongsa Vanphouthone", 2),
    ("Phết Xa Mày Xỉ Xổm Bắt", "Phết-xa-mày Xỉ-xổm-bắt", "Phetsamay Sisombath", 3),
    ("Lắt Ta Na Xổm Phon", "Lắt-ta-na Xổm-phon", "Lattana Somphone", 3),
]
for sp, hy, la, n in LAO_INV:
    PERSONS.append(F(sp, "lo_inv_spaced", given=" ".join(sp.split()[:n])))
    PERSONS.append(F(hy, "lo_inv_hyph", given=hy.split()[0]))
    PERSONS.append(F(la, "lo_inv_latin", given=la.split()[0]))
# Khmer
km_rows = gaz_lines("person-km.txt")
for r in sample(km_rows[15:], 5):
    PERSONS.append(F(r[0], "km_list", given=r[0].split()[-1]))
for t in ["Sok Vanna", "Chea Sophal", "Prum Sokhom", "Mao Rithy", "Keo Piseth", "Ouk Bunthoeun"]:
    PERSONS.append(F(t, "km_inv", given=t.split()[-1]))
# Chinese
zh_rows = gaz_lines("person-zh.txt")
for r in sample(zh_rows[20:], 5):
    PERSONS.append(F(r[0], "zh_list_sv", given=r[0].split()[-1]))
for r in sample([r for r in zh_rows if len(r) > 1 and is_ascii(r[-1])], 4):
    PERSONS.append(F(r[-1], "zh_list_pinyin", given=r[-1].split()[0]))
for t in ["Li Jianguo", "Zhang Weidong", "Chen Haoran", "Liu Zhiqiang", "Huang Guoping"]:
    PERSONS.append(F(t, "zh_inv_pinyin", given=t.split()[0]))
for t in ["Lý Kiến Quốc", "Trương Vĩ Đông", "Trần Hạo Nhiên", "Lưu Chí Cường", "Hoàng Quốc Bình"]:
    PERSONS.append(F(t, "zh_inv_sv", given=t.split()[-1]))
# Latin script (other nationalities)
lat_rows = gaz_lines("person-latin.txt")
for r in sample(lat_rows[15:], 5):
    PERSONS.append(F(r[0], "latin_list", given=r[0].split()[-1]))
for t in ["Martin Keller", "Anan Phromphan", "Daniel Hoffmann", "Ahmad Rusli", "Somsak Kaewmanee"]:
    PERSONS.append(F(t, "latin_inv", given=t.split()[-1]))

INVENTED_IN_LIST = [p["text"] for p in PERSONS if "_inv" in p["kind"] and in_any_list(p["text"])]

PERSON_KINDS = sorted({p["kind"] for p in PERSONS})
PERS_BY_KIND = collections.defaultdict(list)
for p in PERSONS:
    PERS_BY_KIND[p["kind"]].append(p)

# Ranks
RANKS = [r[0] for r in gaz_lines("rank.txt")]
POLICE_RANKS = [r for r in RANKS if r not in ("Đô đốc", "Phó Đô đốc", "Chuẩn Đô đốc", "Binh nhất", "Binh nhì")]

# Provinces by kind
AMBIG = {c for r in gaz_lines("province-ambiguous.txt") for c in r}


def _shape_la(v):
    if "-" in v:
        return "hyph"
    if is_ascii(v):
        return "latin"
    if " " not in v:
        return "glued"
    return "spaced"


PROV = collections.defaultdict(list)
for r in gaz_lines("province-vn.txt"):
    if "Hồ Chí Minh" in r[0]:
        continue
    PROV["vn_amb" if r[0] in AMBIG else "vn"].append(r[0])
for r in gaz_lines("province-la.txt"):
    seen = set()
    for v in r:
        s = _shape_la(v)
        if s not in seen:
            seen.add(s)
            PROV["la_" + s + ("_amb" if v in AMBIG else "")].append(v)
for r in gaz_lines("province-kh.txt"):
    lat = [v for v in r if is_ascii(v) and "-" not in v]
    vi = [v for v in r if not is_ascii(v) and "-" not in v]
    hy = [v for v in r if "-" in v]
    if lat:
        PROV["kh_latin" + ("_amb" if lat[0] in AMBIG else "")].append(lat[0])
    if vi:
        PROV["kh_vi"].append(vi[0])
    if hy:
        PROV["kh_hyph"].append(hy[0])
for r in gaz_lines("province-cn.txt"):
    PROV["cn_sv" + ("_amb" if r[0] in AMBIG else "")].append(r[0])
    if len(r) > 1 and is_ascii(r[1]):
        PROV["cn_pinyin"].append(r[1])
for r in gaz_lines("province-th.txt"):
    PROV["th_latin" + ("_amb" if r[0] in AMBIG else "")].append(r[0])
    vi = [v for v in r[1:] if not is_ascii(v)]
    if vi:
        PROV["th_vi"].append(vi[0])
for r in gaz_lines("province-mm.txt"):
    PROV["mm" + ("_amb" if r[0] in AMBIG else "")].append(r[0])
PROV_S = {k: sample(v, 6) for k, v in PROV.items()}
PROV_KINDS = sorted(PROV_S)
NONAMB_PROV_KINDS = [k for k in PROV_KINDS if not k.endswith("_amb")]

VN_PROV = [p for p in PROV["vn"] if not is_ascii(p)]
LA_SPACED = PROV["la_spaced"]

# Districts, communes, villages, border gates (own choice; not provinces)
DISTRICTS = ["Kỳ Sơn", "Tương Dương", "Quế Phong", "Mường Lát", "Mường Khương", "Hướng Hóa",
             "Minh Hóa", "Quảng Ninh", "Đắc Chưng", "Nậm Pạt", "Sa Thầy", "Bình Giang"]
COMMUNES = ["Na Ngoi", "Mường Lống", "Tam Hợp", "Nậm Cắn", "Hữu Kiệm", "Mỹ Lý", "Hướng Lập"]
VILLAGES = ["Huổi Khe", "Phà Lài", "Pá Pắc", "Xốp Cháo", "Na Mèo", "Cà Xen"]
GATES = ["Cầu Treo", "Nậm Cắn", "Lao Bảo", "Cha Lo", "Tà Lùng", "Mộc Bài", "Na Mèo", "Thanh Thủy"]
NONPROV_CITIES = [("TP", "Vinh"), ("thành phố", "Đồng Hới"), ("TP", "Hà Tĩnh"), ("thành phố", "Thanh Hóa"),
                  ("TP", "Lào Cai"), ("thành phố", "Pạc Xế"), ("thành phố", "Thà Khẹc"),
                  ("thành phố", "Côn Minh"), ("TP", "Đông Hà"), ("thị xã", "Cửa Lò")]
PROVLEVEL_CITIES = ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Thượng Hải", "Trùng Khánh", "Thiên Tân"]
CAPITALS = [("Viêng Chăn", "la_spaced"), ("Viêng-chăn", "la_hyph"), ("Viêngchăn", "la_glued"),
            ("Vientiane", "la_latin"), ("Phnôm Pênh", "kh_vi"), ("Phnom Penh", "kh_latin"),
            ("Bắc Kinh", "cn_sv"), ("Băng Cốc", "th_vi"), ("Bangkok", "th_latin"), ("Hà Nội", "vn")]
COUNTRIES = ["Lào", "Campuchia", "Trung Quốc", "Thái Lan", "Myanmar", "Việt Nam", "Bắc Lào", "Hàn Quốc"]

# ---------------------------------------------------------------- titles + bodies
# title groups: each (title text, case kind) paired with body makers of that group
TITLES = {
    "gd": [("Giám đốc", "std"), ("Phó Giám đốc", "std"), ("Phó Giám Đốc", "capvar"),
           ("Giám Đốc", "capvar"), ("giám đốc", "lower"), ("phó giám đốc", "lower")],
    "bo": [("Bộ trưởng", "std"), ("Thứ trưởng", "std"), ("Bộ Trưởng", "capvar"),
           ("Thứ Trưởng", "capvar"), ("thứ trưởng", "lower")],
    "cuc": [("Cục trưởng", "std"), ("Phó Cục trưởng", "std"), ("Cục Trưởng", "capvar"),
            ("Phó Cục Trưởng", "capvar"), ("cục trưởng", "lower")],
    "tongcuc": [("Tổng cục trưởng", "std"), ("Phó Tổng cục trưởng", "std"), ("Tổng Cục trưởng", "capvar"),
                ("Tổng Cục Trưởng", "capvar"), ("Phó Tổng Cục trưởng", "capvar")],
    "phong": [("Trưởng phòng", "std"), ("Phó Trưởng phòng", "std"), ("Trưởng Phòng", "capvar"),
              ("Phó trưởng Phòng", "capvar"), ("trưởng phòng", "lower")],
    "doi": [("Đội trưởng", "std"), ("Phó Đội trưởng", "std"), ("Đội Trưởng", "capvar"),
            ("đội trưởng", "lower")],
    "don": [("Đồn trưởng", "std"), ("Chính trị viên", "std"), ("Đồn Trưởng", "capvar"),
            ("đồn trưởng", "lower")],
    "toa": [("Chánh án", "std"), ("Viện trưởng", "std"), ("Phó Chánh án", "std"), ("Chánh Án", "capvar")],
    "ubnd": [("Chủ tịch", "std"), ("Phó Chủ tịch", "std"), ("phó chủ tịch", "lower")],
}


def bodies():
    """(group, body kind, org text) -- every org text is ONE ORG span by the scheme."""
    out = []
    for p in sample(VN_PROV, 4):
        out.append(("gd", "vn_ca_tinh", f"Công an tỉnh {p}"))
    for c in ["Hà Nội", "Đà Nẵng", "Hải Phòng"]:
        out.append(("gd", "vn_ca_tp", f"Công an thành phố {c}"))
    for p in sample(LA_SPACED, 2) + sample(PROV["la_hyph"], 2) + sample(PROV["la_glued"], 1):
        out.append(("gd", "la_ca_tinh", f"Công an tỉnh {p}"))
    out += [("gd", "cn_so_ca", "Sở Công an tỉnh Vân Nam"), ("gd", "cn_so_ca", "Sở Công an Quảng Tây"),
            ("gd", "cn_so_ca", "Sở Công an tỉnh Quảng Đông")]
    out += [("bo", "fx_ministry", t) for t in ["Bộ An ninh Lào", "Bộ Công an Lào", "Bộ Nội vụ Campuchia",
                                              "Bộ Công an Trung Quốc", "Bộ Công an Việt Nam"]]
    out += [("bo", "vn_ministry", "Bộ Công an")]
    out += [("cuc", "fx_cuc", t) for t in ["Cục Cảnh sát hình sự Bộ Công an Lào",
                                          "Cục Phòng chống ma túy Bộ Công an Lào",
                                          "Cục Cảnh sát phòng chống ma túy Bộ An ninh Lào"]]
    out += [("cuc", "vn_cuc", t) for t in ["Cục Cảnh sát điều tra tội phạm về ma túy",
                                          "Cục Cảnh sát hình sự", "Cục Quản lý xuất nhập cảnh"]]
    out += [("tongcuc", "fx_tongcuc", t) for t in ["Tổng cục Cảnh sát quốc gia Campuchia",
                                                  "Tổng cục Cảnh sát Bộ An ninh Lào"]]
    out += [("tongcuc", "vn_tongcuc", "Tổng cục Hậu cần")]
    for p in sample(VN_PROV, 3):
        out.append(("phong", "vn_phong", f"Phòng Cảnh sát hình sự Công an tỉnh {p}"))
        out.append(("phong", "vn_phong_code", f"Phòng PC04 Công an tỉnh {p}"))
    for d in sample(DISTRICTS, 3):
        out.append(("doi", "vn_doi", f"Đội Cảnh sát điều tra tội phạm về ma túy Công an huyện {d}"))
    for x in ["Na Mèo", "Tam Hợp", "Cửa khẩu Quốc tế Cầu Treo", "Thanh Thủy"]:
        out.append(("don", "border_post", f"Đồn Biên phòng {x}"))
    for p in sample(VN_PROV, 2):
        out.append(("toa", "court", f"Tòa án nhân dân tỉnh {p}"))
        out.append(("toa", "court", f"Viện Kiểm sát nhân dân tỉnh {p}"))
    for p in sample(VN_PROV, 3):
        out.append(("ubnd", "ubnd_named", f"UBND tỉnh {p}"))
    return out


BODIES = bodies()
BODY_BY_GROUP = collections.defaultdict(list)
for b in BODIES:
    BODY_BY_GROUP[b[0]].append(b)

VERBS = ["cho biết", "phát biểu", "khẳng định", "nhấn mạnh"]

# ---------------------------------------------------------------- frames
# A frame generator yields (frame_id, group, segments, slot kinds{role: kind}).
P = lambda f: (f["text"], "PERSON", f["kind"])  # noqa: E731


def tb_pairs():
    """All (title, title-case kind, body) combos, one body sampled per combo."""
    for grp, titles in TITLES.items():
        for t, tk in titles:
            for _ in range(2):
                b = RNG.choice(BODY_BY_GROUP[grp])
                yield t, tk, b


def person_cycle():
    """One random person of every kind."""
    for k in PERSON_KINDS:
        yield RNG.choice(PERS_BY_KIND[k])


def gen_frame1():
    # title + body + name + verb (the title is a non-entity filler segment)
    tpl = [
        ("F1a_title_body_name_verb", lambda t, b, p, v: [t, " ", b, " ", p, f" {v}, lực lượng hai bên đã phối hợp chặt chẽ trong năm qua."]),
        ("F1b_intro_title_body_name", lambda t, b, p, v: ["Phát biểu tại hội nghị, ", t, " ", b, " ", p, f" {v} quyết tâm ngăn chặn tội phạm ma túy qua biên giới."]),
        ("F1c_co_title_body_name_end", lambda t, b, p, v: ["Tiếp đoàn có ", t, " ", b, " ", p, "."]),
        ("F1d_title_body_comma_rank_name", lambda t, b, p, v: [t, " ", b, ", ", (RNG.choice(POLICE_RANKS), "RANK", "rank"), " ", p, f" {v} sẽ tăng cường trao đổi thông tin."]),
    ]
    std = [x for x in tb_pairs() if x[1] == "std"]
    for fid, fn in tpl:
        for t, tk, b in tb_pairs():
            for per in RNG.sample(PERSONS, 2):
                yield fid, "F1", fn((t, None, f"title_{tk}"), (b[2], "ORG", b[1]), P(per), RNG.choice(VERBS))
        # every person at least once per frame with a standard title
        for per in PERSONS:
            t, tk, b = RNG.choice(std)
            yield fid, "F1", fn((t, None, f"title_{tk}"), (b[2], "ORG", b[1]), P(per), RNG.choice(VERBS))


def gen_frame2():
    for per in PERSONS:
        for _ in range(2):
            grp = RNG.choice(list(TITLES))
            t, tk = RNG.choice(TITLES[grp])
            b = RNG.choice(BODY_BY_GROUP[grp])
            r = RNG.choice(POLICE_RANKS)
            org = (b[2], "ORG", b[1])
            yield "F2a_name_comma_title", "F2", [P(per), ", ", (t, None, f"title_{tk}"), " ", org,
                                                 ", " + RNG.choice(VERBS) + " hai bên sẽ ký kết biên bản hợp tác."]
            yield "F2b_rank_name", "F2", [(r, "RANK", "rank"), " ", P(per), " chủ trì buổi làm việc với đoàn công tác."]
            yield "F2c_dongchi_rank_name", "F2", ["Tham dự hội đàm có đồng chí ", (r, "RANK", "rank"), " ", P(per), ", ",
                                                  (t, None, f"title_{tk}"), " ", org, "."]
            hon = RNG.choice(["ông", "bà", "Ngài"])
            yield f"F2d_{'ong_ba' if hon != 'Ngài' else 'ngai'}_name", "F2", [
                "Tại buổi tiếp, " + hon + " ", P(per), " đánh giá cao kết quả phối hợp giữa hai lực lượng."]
            yield "F2e_Ong_name_start", "F2", [("Ông" if _ < 1 else "Bà") + " ", P(per), " cho biết đơn vị đã triệt phá nhiều đường dây."]
        # given name alone later in the same text
        r = RNG.choice(POLICE_RANKS)
        g = per["given"]
        if g:
            yield "F2f_given_after_ong", "F2", [(r, "RANK", "rank"), " ", P(per), " cho biết lực lượng đã triệt phá nhiều đường dây. Theo ông ",
                                                (g, "PERSON", per["kind"] + "_given"), ", kết quả này nhờ sự phối hợp tốt."]
            yield "F2g_given_bare_subject", "F2", [(r, "RANK", "rank"), " ", P(per), " chủ trì hội nghị.\n",
                                                   (g, "PERSON", per["kind"] + "_given"), " cho biết thêm, năm nay hai bên sẽ mở rộng hợp tác."]


def gen_frame3():
    for k in PROV_KINDS:
        for pv in PROV_S[k]:
            pr = (pv, "PROVINCE", k)
            yield "P1_tinh_X", "P", ["Lực lượng chức năng tỉnh ", pr, " đã triệt phá một đường dây buôn bán ma túy."]
            yield "P2_tai_tinh_X", "P", ["Đoàn công tác đã đến làm việc tại tỉnh ", pr, " trong hai ngày."]
            yield "P3_bare_X", "P", ["Số ma túy này được vận chuyển từ ", pr, " về nội địa để tiêu thụ."]
            yield "P4_CA_tinh_X(ORG)", "P", [("Công an tỉnh " + pv, "ORG", "ca_tinh+" + k), " đã bàn giao đối tượng cho phía bạn."]
            yield "P5_tinh_X_comma_country", "P", ["Đối tượng trú tại tỉnh ", pr, ", " + RNG.choice(["Lào", "Campuchia", "Trung Quốc", "Thái Lan"]) + ", bị bắt khi đang vận chuyển hàng."]
    # lists
    for _ in range(60):
        ks = RNG.sample(NONAMB_PROV_KINDS, 3) if _ % 2 else [RNG.choice(NONAMB_PROV_KINDS)] * 3
        ps = [RNG.choice(PROV_S[k]) for k in ks]
        if len(set(ps)) < 3:
            continue
        kind = "mixed" if _ % 2 else ks[0]
        a, b, c = [(p, "PROVINCE", kind) for p in ps]
        yield "P6_CA_cac_tinh_list", "P", ["Công an các tỉnh ", a, ", ", b, " và ", c, " đã ký kết quy chế phối hợp."]
        yield "P7_cac_tinh_list", "P", ["Hội nghị có đại diện của các tỉnh ", a, ", ", b, ", ", c, "."]
    for cap, k in CAPITALS:
        for fr in range(2):
            pr = (cap, "PROVINCE", "capital_" + k)
            if fr == 0:
                yield "P8_thu_do_X", "P", ["Đoàn đại biểu đã tới thủ đô ", pr, " vào chiều qua."]
            else:
                yield "P8_thu_do_X", "P", ["Lễ ký kết diễn ra tại thủ đô ", pr, " của nước bạn."]
    for c in PROVLEVEL_CITIES:
        pr = (c, "PROVINCE", "provlevel_city")
        yield "P9_thanh_pho_X", "P", ["Hội thảo được tổ chức tại thành phố ", pr, " với sự tham gia của nhiều nước."]
        yield "P9_TP_X", "P", ["Hai đối tượng bị bắt tại TP ", pr, " khi đang giao dịch."]
    # negatives
    for d in DISTRICTS:
        yield "N1_huyen_X", "P-neg", ["Đối tượng bị bắt tại huyện ", (d, None, "district"), " khi đang vận chuyển hàng cấm."]
        p = RNG.choice(VN_PROV)
        c = RNG.choice(COMMUNES)
        yield "N2_xa_huyen_tinh", "P-neg", ["Vụ việc xảy ra tại xã ", (c, None, "commune"), ", huyện ", (d, None, "district"),
                                            ", tỉnh ", (p, "PROVINCE", "vn"), "."]
    for v in VILLAGES:
        yield "N3_ban_X", "P-neg", ["Tổ công tác phát hiện đối tượng tại bản ", (v, None, "village"), " vào rạng sáng."]
    for g in GATES:
        yield "N4_cua_khau_X", "P-neg", ["Lực lượng chức năng kiểm soát chặt người qua cửa khẩu ", (g, None, "border_gate"), "."]
        yield "N4_cua_khau_quoc_te_X", "P-neg", ["Hàng hóa được thông quan tại cửa khẩu Quốc tế ", (g, None, "border_gate"), " trong ngày."]
    for c in COUNTRIES:
        yield "N5_country", "P-neg", ["Đoàn công tác đã sang ", (c, None, "country"), " làm việc trong ba ngày."]
        yield "N5_country_pair", "P-neg", ["Quan hệ hợp tác giữa ", (c, None, "country"), " và các nước láng giềng ngày càng bền chặt."]
    for cue, c in NONPROV_CITIES:
        yield "N6_nonprov_city", "P-neg", [f"Đối tượng thuê phòng tại {cue} ", (c, None, "nonprov_city"), " để cất giấu hàng."]


def num(lo, hi):
    return str(RNG.randint(lo, hi))


def thou():
    n = RNG.randint(1000, 999999)
    return f"{n:,}".replace(",", ".")


def dec():
    return f"{RNG.randint(1, 999)},{RNG.randint(1, 9)}"


def qty_fillers():
    """(kind, list of segments) -- quantity phrases with their expected spans."""
    Q = lambda t, k: (t, "QUANTITY", k)  # noqa: E731
    out = []
    for _ in range(4):
        out.append(("int_1syl", [Q(num(2, 99) + " " + RNG.choice(["vụ", "viên", "bánh", "kg", "khẩu", "chiếc", "tấn"]), "int_1syl")]))
        out.append(("int_counter+noun", [Q(num(2, 99) + " bánh", "int_counter+noun"), " heroin"]))
        out.append(("int_counter+noun", [Q(num(2, 9) + " khẩu", "int_counter+noun"), " súng quân dụng"]))
        out.append(("thousands", [Q(thou() + " " + RNG.choice(["viên", "USD", "lượt", "bánh"]), "thousands")]))
        out.append(("decimal", [Q(dec() + " " + RNG.choice(["kg", "tấn", "gam"]), "decimal"), " ma túy tổng hợp"]))
        out.append(("leading_zero", [Q("0" + num(1, 9) + " " + RNG.choice(["đối tượng", "khẩu", "bánh", "chiếc", "vụ"]), "leading_zero")]))
        out.append(("multiplier", [Q(RNG.choice([num(2, 99) + " nghìn viên", dec() + " triệu USD", dec() + " tỷ đồng",
                                                  num(2, 9) + " nghìn tỷ đồng", num(10, 90) + " ngàn viên", dec() + " triệu viên"]), "multiplier")]))
        out.append(("glued_unit", [Q(RNG.choice([num(2, 99) + "kg", num(100, 900) + "km", num(10, 99) + "%", dec() + "kg",
                                                  num(100, 900) + "g"]), "glued_unit")]))
        out.append(("two_syl_counter", [Q(num(2, 99) + " " + RNG.choice(["đối tượng", "trụ sở", "cán bộ", "chiến sĩ", "bị can",
                                                                          "phương tiện", "đường dây", "vụ án"]), "two_syl_counter")]))
        out.append(("approx", [RNG.choice(["hơn ", "gần ", "khoảng ", "trên ", "gần "]),
                               Q(RNG.choice([num(100, 900) + " cán bộ", num(2, 9) + " tấn", num(20, 90) + " đối tượng",
                                             thou() + " viên", dec() + " triệu USD"]), "approx")]))
        out.append(("slash_pair", [Q(num(1, 9) + " vụ", "slash_pair"), "/", Q(num(1, 9) + " đối tượng", "slash_pair")]))
        out.append(("comma_list", [Q(num(2, 90) + " vụ", "comma_list"), ", ", Q(num(2, 90) + " đối tượng", "comma_list"), ", ",
                                   Q(dec() + " kg", "comma_list"), " ma túy"]))
        a = RNG.randint(2, 8)
        out.append(("range_tu_den", ["từ " + str(a) + " đến ", Q(str(a + RNG.randint(1, 5)) + " đối tượng", "range_tu_den")]))
    return out


def qty_negatives():
    out = []
    for _ in range(3):
        d, m, y = RNG.randint(1, 28), RNG.randint(1, 12), RNG.randint(2015, 2025)
        out += [("date_slash", f"ngày {d}/{m}/{y}"), ("date_words", f"ngày {d} tháng {m} năm {y}"),
                ("year", f"năm {y}"), ("age", f"{RNG.randint(18, 70)} tuổi"),
                ("duration", f"{RNG.randint(2, 11)} tháng"), ("duration", f"{RNG.randint(2, 20)} ngày"),
                ("ordinal", f"lần thứ {RNG.randint(2, 40)}"), ("road", f"Quốc lộ {RNG.randint(1, 50)}"),
                ("code", f"Điều {RNG.randint(200, 260)}"), ("code", "PC0" + str(RNG.randint(1, 9))),
                ("bare_number", f"mã số {RNG.randint(10, 999)}"), ("spelled", RNG.choice(["hai tỉnh", "ba đối tượng", "năm vụ", "mười bánh"])),
                ("clock", f"{RNG.randint(7, 22)} giờ {RNG.randint(10, 50)} phút"), ("birth_year", f"SN {y - 40}"),
                ("period", f"6 tháng đầu năm {y}")]
    return out


def gen_frame4():
    tpls = [("Q1", ["Lực lượng chức năng đã thu giữ ", None, " cùng nhiều tang vật khác."]),
            ("Q2", ["Qua đấu tranh, cơ quan điều tra đã làm rõ ", None, "."]),
            ("Q3", [None, " đã được bàn giao cho cơ quan điều tra."])]
    for fid, t in tpls:
        for kind, segs in qty_fillers():
            out = []
            for s in t:
                out += segs if s is None else [s]
            if fid == "Q3":  # sentence-initial: capitalise first letter of first plain segment
                if isinstance(out[0], str):
                    out[0] = out[0][0].upper() + out[0][1:]
            yield fid, "Q", out
    neg_frames = [("QN1", "Vụ việc được phát hiện vào {x} tại khu vực biên giới."),
                  ("QN2", "Đối tượng bị xử lý theo {x} với nhiều tình tiết."),
                  ("QN3", "Hai bên thống nhất kế hoạch từ {x} đến nay.")]
    for fid, t in neg_frames:
        for kind, x in qty_negatives():
            a, b = t.split("{x}")
            yield fid + "_neg", "Q-neg", [a, (x, None, "neg_" + kind), b]
    # QUANTITY inside coordinated body: "Công an 3 tỉnh"
    for _ in range(5):
        n = num(2, 9)
        yield "QN4_CA_n_tinh", "Q", ["Công an ", (n + " tỉnh", "QUANTITY", "n_tinh"), " đã ký kết biên bản ghi nhớ."]


def gen_frame5():
    O = lambda t, k: (t, "ORG", k)  # noqa: E731
    orgs = []
    for p in sample(VN_PROV, 4):
        orgs.append(("sub_phong_code", f"Phòng PC04 Công an tỉnh {p}"))
        orgs.append(("sub_phong_full", f"Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh {p}"))
    for d in sample(DISTRICTS, 4):
        orgs.append(("sub_doi_huyen", f"Đội Cảnh sát điều tra tội phạm về ma túy Công an huyện {d}"))
        orgs.append(("ca_huyen", f"Công an huyện {d}"))
    orgs += [("fx_police", t) for t in ["Bộ Công an Lào", "Bộ An ninh Lào", "Cảnh sát Hoàng gia Thái Lan",
                                        "Tổng cục Cảnh sát quốc gia Campuchia", "Bộ Công an Trung Quốc",
                                        "Sở Công an tỉnh Vân Nam", "Cục Cảnh sát hình sự Bộ Công an Lào",
                                        "Bộ Nội vụ Campuchia"]]
    for p in sample(LA_SPACED, 2) + sample(PROV["la_hyph"], 2) + sample(PROV["la_glued"], 2) + sample(PROV["la_latin"], 2):
        orgs.append(("fx_ca_tinh_lao", f"Công an tỉnh {p}"))
    for x in ["Na Mèo", "Tam Hợp", "Cửa khẩu Quốc tế Cầu Treo", "Thanh Thủy", "Pa Thơm"]:
        orgs.append(("border_post", f"Đồn Biên phòng {x}"))
    for p in sample(VN_PROV, 3):
        orgs.append(("border_cmd", f"Bộ Chỉ huy Bộ đội Biên phòng tỉnh {p}"))
        orgs.append(("court", f"Tòa án nhân dân tỉnh {p}"))
        orgs.append(("court_abbr", f"TAND tỉnh {p}"))
        orgs.append(("procuracy", f"Viện Kiểm sát nhân dân tỉnh {p}"))
        orgs.append(("ubnd_named", f"UBND tỉnh {p}"))
        orgs.append(("ubnd_named", f"Ủy ban nhân dân tỉnh {p}"))
    orgs += [("prison", "Trại giam Thanh Lâm"), ("prison", "Trại tạm giam Công an tỉnh Nghệ An")]
    tpls = [("O1_subject", lambda o: [o, " đã bắt giữ hai đối tượng vận chuyển trái phép chất ma túy."]),
            ("O2_object", lambda o: ["Vụ án đã được chuyển cho ", o, " để tiếp tục điều tra."]),
            ("O3_phoi_hop", lambda o: ["Lực lượng chức năng phối hợp với ", o, " triển khai kế hoạch."])]
    for fid, fn in tpls:
        for k, t in orgs:
            yield fid, "O", fn(O(t, k))
    # unnamed: nothing
    for t in ["UBND tỉnh", "Công an tỉnh", "Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "Công an huyện", "Công an hai tỉnh",
              "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Đồn Biên phòng"]:
        yield "O4_unnamed_neg", "O-neg", ["Báo cáo của ", (t, None, "unnamed_body"), " được gửi trước ngày họp."]
        yield "O4_unnamed_neg_start", "O-neg", [(t, None, "unnamed_body"), " đã chỉ đạo các đơn vị triển khai kế hoạch."]
    # newspapers as sources
    news = ["TTXVN", "Báo Công an nhân dân", "Báo Biên phòng", "Báo Quân đội nhân dân", "Thông tấn xã Việt Nam",
            "Báo Nghệ An", "Vientiane Times"]
    for n in news:
        o = O(n, "newspaper")
        yield "O5_theo_news_start", "O", ["Theo ", o, ", hai bên đã trao trả nhiều đối tượng truy nã."]
        yield "O5_paren_theo_news_end", "O", ["Hai bên đã trao trả nhiều đối tượng truy nã. (Theo ", o, ")"]
        yield "O5_paren_news_end", "O", ["Hai bên đã trao trả nhiều đối tượng truy nã.\n(", o, ")"]
    # abbreviations in brackets
    abbr = [("Văn phòng Liên lạc qua biên giới tỉnh Quảng Bình", "BLO"),
            ("Cục Cảnh sát điều tra tội phạm về ma túy", "C04"),
            ("Văn phòng Liên hợp quốc về Ma túy và Tội phạm", "UNODC"),
            ("Tổ chức Cảnh sát hình sự quốc tế", "INTERPOL"),
            ("Cục Cảnh sát hình sự", "C02"),
            ("Hiệp hội Cảnh sát các nước Đông Nam Á", "ASEANAPOL"),
            ("Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Hà Tĩnh", "PC04")]
    for long, ab in abbr:
        yield "O6_abbr_brackets", "O", ["Đại diện ", O(long, "abbr_long"), " (", O(ab, "abbr_short"), ") đã trình bày tham luận."]
        yield "O6_abbr_brackets_start", "O", [O(long, "abbr_long"), " (", O(ab, "abbr_short"), ") đã tổ chức hội nghị sơ kết."]


def gen_frame7():
    """Harder person contexts: suspects, lists, dash, academic titles, credits, bylines, rank case."""
    ranks_case = [(r, "rank_std") for r in ["Đại tá", "Thượng tá", "Thiếu tướng", "Trung úy"]] + \
                 [(r, "rank_lower") for r in ["đại tá", "thượng tá", "thiếu tướng", "trung úy"]] + \
                 [(r, "rank_capvar") for r in ["Đại Tá", "Thượng Tá", "Thiếu Tướng", "Trung Úy"]]
    for per in PERSONS:
        pv = RNG.choice(VN_PROV)
        d = RNG.choice(DISTRICTS)
        yield "F7a_doi_tuong_name_SN", "F7", ["Công an đã bắt giữ đối tượng ", P(per), " (SN 19" + num(60, 99) + ", trú tại huyện " + d + ", tỉnh ",
                                             (pv, "PROVINCE", "vn"), ")."]
        yield "F7b_bi_can_name_start", "F7", ["Bị can ", P(per), " khai nhận đã nhiều lần vận chuyển ma túy qua biên giới."]
        other = RNG.choice(PERSONS)
        if other["text"] != per["text"]:
            yield "F7c_ong_A_va_ba_B", "F7", ["Buổi lễ có sự tham dự của ông ", P(per), " và bà ", P(other), "."]
            yield "F7d_list_comma", "F7", ["Các đối tượng gồm ", P(per), ", ", P(other), " đã bị khởi tố."]
        r = RNG.choice(POLICE_RANKS)
        yield "F7e_rank_name_dash_title", "F7", [(r, "RANK", "rank"), " ", P(per), " - Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Công an tỉnh chủ trì hội nghị."]
        acad = RNG.choice(["GS.TS", "PGS.TS", "TS", "Tiến sĩ"])
        yield "F7f_rank_comma_academic_name", "F7", [(r, "RANK", "rank"), ", " + acad + " ", P(per), " trình bày tham luận tại hội thảo."]
        rk, rkk = RNG.choice(ranks_case)
        yield "F7g_rank_case_name", "F7", ["Chủ trì buổi làm việc là ", (rk, "RANK", rkk), " ", P(per), "."]
        yield "F7h_name_quoc_tich", "F7", ["Đối tượng ", P(per), " (quốc tịch " + RNG.choice(["Lào", "Campuchia", "Trung Quốc"]) + ") đã bị bắt giữ."]
        yield "F7i_trao_cho_name_end", "F7", ["Ban tổ chức đã trao bằng khen cho ông ", P(per), "."]
    # credits and bylines (pen names of 2-3 syllables, invented)
    pens = ["Hoàng Nhung", "Xuân Hùng", "Minh Thư", "Quang Vinh", "Thảo Nguyên", "Đức Khải", "Lê Thúy", "Nhật Lệ"]
    for pn in pens:
        yield "F7j_anh_credit", "F7", ["Lực lượng chức năng kiểm tra phương tiện qua cửa khẩu. (Ảnh: ", (pn, "PERSON", "pen_name"), ")"]
        yield "F7k_byline_paragraph", "F7", ["Hai bên đã ký kết biên bản hợp tác.\n", (pn, "PERSON", "pen_name")]
    for pn in ["Công an tỉnh " + RNG.choice(VN_PROV), "TTXVN", "Báo Biên phòng"]:
        yield "F7l_anh_credit_org", "F7", ["Lực lượng chức năng kiểm tra phương tiện qua cửa khẩu. Ảnh: ", (pn, "ORG", "credit_org")]


def gen_frame8():
    """Harder province and organisation contexts."""
    for k in NONAMB_PROV_KINDS:
        for pv in PROV_S[k][:3]:
            pr = (pv, "PROVINCE", k)
            yield "P10_Tinh_X_start", "P", ["Tỉnh ", pr, " có đường biên giới dài với nước bạn."]
            yield "P11_tinh_X_(country)", "P", ["Đối tượng bị bắt tại tỉnh ", pr, " (" + RNG.choice(["Lào", "Campuchia", "Trung Quốc", "Thái Lan"]) + ") khi đang giao hàng."]
            yield "O7_CA_X_no_tinh", "O", [("Công an " + pv, "ORG", "ca_no_tinh+" + k), " đã trao trả đối tượng truy nã."]
            other = RNG.choice(PROV_S[RNG.choice(NONAMB_PROV_KINDS)])
            if other != pv:
                yield "P12_CA_hai_tinh_A_va_B", "P", ["Công an hai tỉnh ", pr, " và ", (other, "PROVINCE", "mixed"), " đã ký kết biên bản ghi nhớ."]
                yield "P13_hai_tinh_A_va_B", "P", ["Lãnh đạo hai tỉnh ", pr, " và ", (other, "PROVINCE", "mixed"), " đã hội đàm."]
    for cap in ["Viêng Chăn", "Phnôm Pênh", "Bắc Kinh"]:
        yield "P14_Thu_do_cap", "P", ["Thủ đô ", (cap, "PROVINCE", "capital"), " là nơi diễn ra hội nghị."]
        yield "P15_thanh_pho_capital", "P", ["Đoàn đã làm việc tại thành phố ", (cap, "PROVINCE", "capital"), " trong hai ngày."]
    O = lambda t, k: (t, "ORG", k)  # noqa: E731
    orgs = []
    for p in sample(VN_PROV, 3):
        orgs += [("abbrev_body", f"CA tỉnh {p}"), ("abbrev_body", f"BĐBP tỉnh {p}"),
                 ("cqcsdt", f"Cơ quan Cảnh sát điều tra Công an tỉnh {p}"),
                 ("military", f"Bộ Chỉ huy Quân sự tỉnh {p}"), ("so_ngoai_vu", f"Sở Ngoại vụ tỉnh {p}"),
                 ("party", f"Thường trực Tỉnh ủy {p}"), ("ca_tp_abbr", "CATP Hà Nội")]
    orgs += [("cuc_code", t) for t in ["Cục C10", "Cục C04", "Cục A05"]]
    orgs += [("party_central", "Đảng ủy Công an Trung ương"), ("gov", "Chính phủ"), ("gov", "Quốc hội")]
    for k, t in orgs:
        yield "O8_subject", "O", [O(t, k), " đã chỉ đạo triển khai kế hoạch phối hợp."]
        yield "O9_object", "O", ["Báo cáo đã được gửi tới ", O(t, k), " trong tuần qua."]


def gen_frame9():
    """Harder quantity shapes and negatives; U_ frames are 'unclear by the scheme'."""
    Q = lambda t, k: (t, "QUANTITY", k)  # noqa: E731
    fills = []
    for _ in range(3):
        fills += [("glued_dong", [Q(thou() + "đ", "glued_dong")]), ("spaced_pct", [Q(num(10, 99) + " %", "spaced_pct")]),
                  ("million_digits", [Q(f"{RNG.randint(1, 9)}.{RNG.randint(100, 999)}.{RNG.randint(100, 999)} đồng", "million_digits")]),
                  ("decimal_pct", [Q(dec() + "%", "decimal_pct")]), ("glued_ha", [Q(num(2, 99) + "ha", "glued_ha")]),
                  ("m2", [Q(num(20, 500) + " m2", "m2")]), ("people", [Q(num(2, 40) + " người", "people"), " dân"]),
                  ("money_multi_dong", [Q(num(2, 900) + " triệu đồng", "money_multi_dong")]),
                  ("km_h", [Q(num(40, 120) + " km/h", "km_h")])]
    for kind, segs in fills:
        yield "Q4_extra", "Q", ["Cơ quan chức năng xác định ", *segs, " liên quan đến vụ việc."]
    negs = []
    for _ in range(3):
        negs += [("quan_number", f"quận {RNG.randint(1, 12)}"), ("phuong_number", f"phường {RNG.randint(1, 15)}"),
                 ("cot_moc", f"cột mốc {RNG.randint(100, 900)}"), ("decree", f"Nghị định {RNG.randint(100, 200)}/2021/NĐ-CP"),
                 ("khoan_dieu", f"khoản {RNG.randint(1, 4)} Điều {RNG.randint(200, 260)}"),
                 ("plate", f"biển kiểm soát {RNG.randint(11, 99)}A-{RNG.randint(100, 999)}.{RNG.randint(10, 99)}"),
                 ("clock_h", f"lúc {RNG.randint(6, 22)}h{RNG.randint(10, 55)}"), ("date_dash", f"ngày {RNG.randint(1, 28)}-{RNG.randint(1, 12)}"),
                 ("phone", f"số điện thoại 09{RNG.randint(10, 99)}.{RNG.randint(100, 999)}.{RNG.randint(100, 999)}"),
                 ("road_ql", f"QL{RNG.randint(1, 50)}A"), ("tinh_lo", f"tỉnh lộ {RNG.randint(1, 20)}"),
                 ("room", f"phòng {RNG.randint(100, 500)}"), ("khoa", f"khóa {RNG.randint(10, 15)}"),
                 ("year_range", f"giai đoạn 20{RNG.randint(10, 20)}-20{RNG.randint(21, 30)}"),
                 ("age_paren", f"(SN 19{RNG.randint(60, 99)})")]
    for kind, x in negs:
        yield "QN5_neg_extra", "Q-neg", ["Thông tin liên quan đến ", (x, None, "neg_" + kind), " đã được xác minh."]
    # unclear by the scheme
    for _ in range(4):
        a = RNG.randint(2, 8)
        b = a + RNG.randint(1, 5)
        yield "U_range_dash", "U", ["Mỗi nhóm có ", (f"{a}-{b} đối tượng", "QUANTITY", "range_dash_whole"), " tham gia."]
        yield "U_multiplier_no_unit", "U", ["Tổng thiệt hại ước tính ", (f"{dec()} tỷ", "QUANTITY", "multiplier_no_unit"), " cho người dân."]
        yield "U_age", "U", ["Đối tượng ", (f"{RNG.randint(20, 60)} tuổi", None, "age_not_qty"), " đã bị bắt."]
    for t in ["Đại sứ quán Việt Nam tại Lào", "Tổng Lãnh sự quán Việt Nam tại Luông Pha Bang"]:
        yield "U_embassy_tai", "U", [(t, "ORG", "embassy_with_tai"), " đã hỗ trợ công dân về nước."]
    for c in ["TP Hồ Chí Minh", "TP.HCM"]:
        yield "U_TP_HCM", "U", ["Đối tượng bị bắt tại ", (c, "PROVINCE", "hcm_with_TP"), " khi đang giao hàng."]


FRAME_GENS = [gen_frame1, gen_frame2, gen_frame3, gen_frame4, gen_frame5, gen_frame7, gen_frame8, gen_frame9]

# ---------------------------------------------------------------- variants


def norm_segs(segs):
    out = []
    for s in segs:
        if isinstance(s, str):
            out.append((s, None, None))
        else:
            out.append(s)
    return out


def v_base(segs):
    return segs


def v_caps(segs):
    # ALL-CAPS headline: drop the final period
    out = [(t.upper(), l, k) for t, l, k in segs]
    t, l, k = out[-1]
    if l is None and t.endswith("."):
        out[-1] = (t[:-1], l, k)
    return out


def v_para(segs):
    return [("Sáng nay, hội nghị sơ kết công tác phối hợp đã diễn ra tại hội trường.\n", None, None)] + segs


def v_quote(segs):
    return [("“Hai bên luôn sẵn sàng hợp tác.” ", None, None)] + segs


def v_brackets(segs):
    out = list(segs)
    t, l, k = out[-1]
    if l is None and t.endswith("."):
        out[-1] = (t[:-1], l, k)
    return [("(", None, None)] + out + [(").", None, None)]


def v_nospace_comma(segs):
    return [(t.replace(", ", ",") if l is None and k is None else t, l, k) for t, l, k in segs]


def v_dblspace(segs):
    return [(t.replace(" ", "  ") if l is None and k is None else t, l, k) for t, l, k in segs]


def v_nbsp_out(segs):
    return [(t.replace(" ", "\u00a0") if l is None and k is None else t, l, k) for t, l, k in segs]


def v_nbsp_in(segs):
    return [(t.replace(" ", "\u00a0", 1) if l is not None else t, l, k) for t, l, k in segs]


VARIANTS = [("base", v_base), ("caps", v_caps), ("para", v_para), ("quote", v_quote), ("brackets", v_brackets),
            ("nospace_comma", v_nospace_comma), ("dblspace", v_dblspace), ("nbsp_out", v_nbsp_out),
            ("nbsp_in", v_nbsp_in)]


def render(segs):
    text, exp, kinds = "", [], []
    for t, l, k in segs:
        s = len(text)
        text += t
        if l is not None:
            exp.append((s, len(text), l))
        if k is not None:
            kinds.append((s, len(text), l, k))
    return text, exp, kinds


# ---------------------------------------------------------------- compare


def compare(exp, pred, kinds):
    """List of failure records (slot_label, slot_kind, failure)."""
    fails = []
    pset = set(pred)
    used = set()
    for e in exp:
        s, t, l = e
        kind = next((k for (a, b, ll, k) in kinds if (a, b) == (s, t)), "?")
        if e in pset:
            used.add(e)
            continue
        same = [p for p in pred if (p[0], p[1]) == (s, t)]
        if same:
            fails.append((l, kind, f"wrong_label->{same[0][2]}"))
            used.update(same)
            continue
        ov = [p for p in pred if p[0] < t and s < p[1]]
        if not ov:
            fails.append((l, kind, "missed"))
            continue
        used.update(ov)
        sl = [p for p in ov if p[2] == l]
        if sl:
            p = sl[0]
            sides = []
            if p[0] < s:
                sides.append("left+")
            elif p[0] > s:
                sides.append("left-")
            if p[1] > t:
                sides.append("right+")
            elif p[1] < t:
                sides.append("right-")
            if len(sl) > 1:
                sides.append("split")
            fails.append((l, kind, "boundary_" + "_".join(sides)))
        else:
            p = ov[0]
            fails.append((l, kind, f"overlap_other->{p[2]}" + ("_wider" if p[0] <= s and p[1] >= t else "")))
    for p in pred:
        if p in used:
            continue
        if any(p[0] < e[1] and e[0] < p[1] for e in exp):
            continue  # already counted as boundary/label
        ks = [k for (a, b, ll, k) in kinds if p[0] < b and a < p[1]]
        fails.append(("-", ks[0] if ks else "frame_text", f"spurious_{p[2]}"))
    return fails


def make_out_dir():
    """OUT, made if missing; a path that is a file is a usage error, not a traceback."""
    if OUT.exists() and not OUT.is_dir():
        sys.exit(f"{OUT} is a file: give a folder for the results (usage: python {sys.argv[0]} OUT_DIR)")
    OUT.mkdir(parents=True, exist_ok=True)


def write_results(items):
    """Every item, a JSON line of ``OUT/results.jsonl``."""
    with open(OUT / "results.jsonl", "w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")


def predict(items, batch_size=256):
    """Each item's predicted entities ("pred") and failures against its expected ones ("fails"), by the rules."""
    from vner.annotation.rules import rules_pipeline

    nlp = rules_pipeline()
    for it, doc in zip(items, nlp.pipe([it["text"] for it in items], batch_size=batch_size)):
        it["pred"] = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        it["fails"] = compare(it["exp"], it["pred"], it["kinds"])


def main():
    make_out_dir()
    t0 = time.time()
    sents = []
    for gen in FRAME_GENS:
        for fid, grp, segs in gen():
            sents.append((fid, grp, norm_segs(segs)))
    # variants: all for small groups; for F1 (large) a 40% sample gets variants
    items = []
    for i, (fid, grp, segs) in enumerate(sents):
        for vn, vf in VARIANTS:
            if vn != "base" and grp == "F1" and RNG.random() > 0.4:
                continue
            if vn in ("brackets", "caps") and fid == "F7k_byline_paragraph":
                continue  # a byline inside brackets / a headline is no byline any more
            vs = vf(segs)
            text, exp, kinds = render(vs)
            if vn != "base" and vs == segs:
                continue
            items.append(dict(id=i, frame=fid, group=grp, variant=vn, text=text, exp=exp, kinds=kinds))
    predict(items)
    # base failures per sentence id, to separate variant-induced failures
    base_fail = {}
    for it in items:
        if it["variant"] == "base":
            base_fail[it["id"]] = {(f[0], f[2]) for f in it["fails"]}
    for it in items:
        it["variant_induced"] = [f for f in it["fails"] if (f[0], f[2]) not in base_fail.get(it["id"], set())] \
            if it["variant"] != "base" else []
    write_results(items)
    print(f"{len(items)} sentences ({len(sents)} base), {sum(1 for i in items if i['fails'])} with failures, "
          f"{time.time() - t0:.1f}s", file=sys.stderr)
    if INVENTED_IN_LIST:
        print("WARNING invented names found in lists:", INVENTED_IN_LIST, file=sys.stderr)
    summarize(items)


def summarize(items):
    """Class tables -> classes.json (the report is written from it)."""
    # base classes: (frame, slot kind, slot label, failure) over base sentences
    tot_base = collections.Counter()
    tot_var = collections.Counter()
    for it in items:
        kinds = {k for (_, _, _, k) in it["kinds"]} | {"frame_text"}
        for k in kinds:
            if it["variant"] == "base":
                tot_base[(it["frame"], k)] += 1
            else:
                tot_var[(it["frame"], k, it["variant"])] += 1
    base = collections.defaultdict(list)
    var = collections.defaultdict(list)
    for it in items:
        if it["variant"] == "base":
            for f in set(it["fails"]):
                base[(it["frame"], f[1], f[0], f[2])].append(it)
        else:
            for f in set(map(tuple, it["variant_induced"])):
                var[(it["frame"], f[1], it["variant"], f[0], f[2])].append(it)
    classes = []
    for (fr, k, l, f), its in base.items():
        classes.append(dict(frame=fr, kind=k, variant="base(any)", label=l, failure=f, n=len(its),
                            total=tot_base[(fr, k)], ex=[(i["text"], i["exp"], i["pred"]) for i in its[:3]]))
    for (fr, k, v, l, f), its in var.items():
        classes.append(dict(frame=fr, kind=k, variant=v, label=l, failure=f, n=len(its),
                            total=tot_var[(fr, k, v)], ex=[(i["text"], i["exp"], i["pred"]) for i in its[:3]]))
    classes.sort(key=lambda c: -c["n"])
    (OUT / "classes.json").write_text(json.dumps(classes, ensure_ascii=False, indent=1), encoding="utf-8")
    # all (frame, kind, variant) cells and pass status
    cells = collections.Counter()
    cellfail = collections.Counter()
    for it in items:
        for k in {k for (_, _, _, k) in it["kinds"]}:
            cells[(it["frame"], k, it["variant"])] += 1
            if it["fails"]:
                cellfail[(it["frame"], k, it["variant"])] += 1
    (OUT / "cells.json").write_text(json.dumps([[*c, n, cellfail[c]] for c, n in sorted(cells.items())],
                                               ensure_ascii=False), encoding="utf-8")
    for c in classes[:60]:
        print(f"{c['n']:5d}/{c['total']:<5d} {c['frame']:28s} {c['kind']:22s} {c['variant']:13s} {c['label']:9s} {c['failure']}")


if __name__ == "__main__":
    main()
