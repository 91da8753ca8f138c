"""Second grid probe of the vner rule pre-annotator (diagnosis only).

Multi-sentence documents built from NEW frames (own news-style wording) crossed
with realistic fillers (Lao names with Lao bodies and places, Khmer with
Cambodian, Chinese with Chinese, Vietnamese with Vietnamese, plus the mixed
situations of real news).  Machinery (segments -> text + expected spans,
comparison, class tables) is copied from scripts/grid/sentences.py.

A frame returns a list of segments: plain str, the sentence separator SEP, or
(text, label, kind) where label is an entity label or None (a tracked
non-entity filler, e.g. a title-only mention or a border marker).

Two text variants per document: sentences joined by a space ("sp") or by a
blank line ("para").  Bylines/credits are always their own paragraph.

Run:  .venv/bin/python scripts/grid/documents.py OUT_DIR
"""
from __future__ import annotations

import collections
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sentences import gaz_lines, in_any_list, is_ascii, make_out_dir, norm_segs, predict, write_results  # noqa: E402
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "grid-out")
RNG = random.Random(22)
SEP = "\x00SEP\x00"
N_FILL = 100  # fills per frame


# ---------------------------------------------------------------- gazetteers

C = RNG.choice


# ---------------------------------------------------------------- persons
class Pers:
    def __init__(self, full, given, kind):
        self.full, self.given, self.kind = full, given, kind


def mk_vi_list(n):
    sur = [r[0] for r in gaz_lines("person-vi-surname.txt")[:40]]
    mid = [r[0] for r in gaz_lines("person-vi-middle.txt")]
    giv = [r[0] for r in gaz_lines("person-vi-given.txt")]
    out = []
    for i in range(n):
        g = C(giv)
        if i % 3 == 0:
            out.append(Pers(f"{C(sur)} {g}", g, "vi2_list"))
        elif i % 3 == 1:
            out.append(Pers(f"{C(sur)} {C(mid)} {g}", g, "vi3_list"))
        else:
            out.append(Pers(f"{C(sur)} {C(mid)} {C(mid)} {g}", g, "vi4_list"))
    return out


VI_OFF = mk_vi_list(24)
# invented Vietnamese suspects (given syllables rare; checked against lists below)
VI_INV = [Pers(t, t.split()[-1], "vi_inv") for t in
          ["Lò Văn Khoẻn", "Vi Văn Thoòng", "Lương Văn Nhót", "Quàng Thị Ín", "Hà Văn Pửng",
           "Cầm Bá Loóng", "Lữ Văn Khiếng", "Nông Thị Sẻo", "Kha Văn Mừn", "Ngân Văn Phỏng"]]
HMONG_INV = [Pers(t, t.split()[-1], "hmong_inv") for t in
             ["Giàng A Chử", "Vừ Bá Xênh", "Mùa A Dình", "Lý Seo Chẩn", "Thào Mí Cở", "Sùng A Vảng"]]
ALIASES = ["Tý", "Cò", "Tèo", "Bin", "Hùng Lào", "Bé", "Xoăn", "Lâm Mập"]

# Lao: list rows (hyph | spaced | joined | latin)
lo_rows = [r for r in gaz_lines("person-lo.txt") if len(r) >= 4]
LO_LIST = []
for r in RNG.sample(lo_rows, 10):
    hy, sp, jo = r[0], r[1], r[2]
    ghy = hy.split(" ")[0]
    ns = ghy.count("-") + 1
    LO_LIST += [Pers(hy, ghy, "lo_list_hyph"), Pers(sp, " ".join(sp.split()[:ns]), "lo_list_spaced"),
                Pers(jo, jo.split()[0], "lo_list_joined")]
LO_INV = []
for hy in ["Khăm-xỉ Vông-phạ-chăn", "Bun-xạ-mạy Kẹo-bua-la-pha", "Phon-xa-vẳn Xay-nha-lạt",
           "Thít-xạ-đa Phôm-mạ-xỉ", "Vẳn-xay Lù-ang-khăm", "Xổm-xạ-nít In-thạ-lạt", "Ăn-lôn Chăn-thạ-bun",
           "Đuông-chăn Phi-la-xúc", "Nọi-xỉ Mạ-ni-vông", "Kẹo-xa-vẳn Thăm-ma-lỳ"]:
    giv, fam = hy.split()
    sp = " ".join(s.capitalize() for s in giv.split("-")) + " " + " ".join(s.capitalize() for s in fam.split("-"))
    jo = giv.replace("-", "") + " " + fam.replace("-", "")
    LO_INV += [Pers(hy, giv, "lo_inv_hyph"), Pers(sp, " ".join(sp.split()[:giv.count("-") + 1]), "lo_inv_spaced"),
               Pers(jo, jo.split()[0], "lo_inv_joined")]
LAO = LO_LIST + LO_INV

km_rows = gaz_lines("person-km.txt")
KM_LIST = [Pers(r[0], r[0].split()[-1], "km_list") for r in RNG.sample(km_rows[12:], 10)]
KM_INV = [Pers(t, t.split()[-1], "km_inv") for t in
          ["Chhim Sovannara", "Pen Rotha", "Yim Sokunthea", "Nov Samnang", "Phan Vibol", "Seng Bunthan",
           "Touch Chanmony", "Lim Sopheak"]]
KHMER = KM_LIST + KM_INV

zh_rows = gaz_lines("person-zh.txt")
ZH_LIST = [Pers(r[0], r[0].split()[0], "zh_list_sv") for r in RNG.sample(zh_rows[20:], 10)]
ZH_INV = [Pers(t, t.split()[0], "zh_inv_sv") for t in
          ["Lưu Kiến Hoa", "Vương Chí Cương", "Đường Quốc Lương", "Mã Vĩnh Thắng", "Hứa Diệu Tường",
           "Điền Hải Phong", "Tào Kiến Minh", "Khổng Tường Vũ"]]
CHINESE = ZH_LIST + ZH_INV

PEN = ["Hải Yến", "Quang Trường", "Phạm Hòa", "Ngọc Diệp", "Đình Phong", "Vũ Thắm", "Khánh Linh", "Tuệ Minh"]
INITIALS = ["N.H", "T.L", "Q.A", "H.T.T", "M.K"]

INVENTED = [p.full for p in VI_INV + HMONG_INV + LO_INV + KM_INV + ZH_INV]
INVENTED_IN_LIST = [t for t in INVENTED if in_any_list(t)]

# ---------------------------------------------------------------- places
LA_ROWS = {r[0]: r for r in gaz_lines("province-la.txt")}
KH_ROWS = {r[0]: r for r in gaz_lines("province-kh.txt")}


def la_prov(name):
    """(text, kind) with a random spelling shape of a Lao province."""
    r = LA_ROWS[name]
    shapes = {"la_spaced": r[0]}
    for v in r:
        if "-" in v and "la_hyph" not in shapes:
            shapes["la_hyph"] = v
        if " " not in v and "-" not in v and not is_ascii(v) and "la_glued" not in shapes:
            shapes["la_glued"] = v
    k = RNG.choices(list(shapes), weights=[4] + [1] * (len(shapes) - 1))[0]
    return shapes[k], k


def kh_prov(name):
    r = KH_ROWS[name]
    vi = [v for v in r if not is_ascii(v) and "-" not in v]
    if vi and RNG.random() < 0.4:
        return vi[0], "kh_vi"
    return r[0], "kh_latin"


# Vietnamese province -> its districts, and its neighbours across the border
VN = {
    "Nghệ An": (["Kỳ Sơn", "Tương Dương", "Quế Phong"], "la", ["Xiêng Khoảng", "Hủa Phăn", "Bô Ly Khăm Xay"]),
    "Hà Tĩnh": (["Hương Sơn", "Hương Khê"], "la", ["Bô Ly Khăm Xay", "Khăm Muộn"]),
    "Quảng Bình": (["Minh Hóa", "Bố Trạch"], "la", ["Khăm Muộn", "Sa Vẳn Na Khệt"]),
    "Quảng Trị": (["Hướng Hóa", "Đakrông"], "la", ["Sa Vẳn Na Khệt", "Sa La Van"]),
    "Thanh Hóa": (["Mường Lát", "Quan Sơn"], "la", ["Hủa Phăn"]),
    "Sơn La": (["Sốp Cộp", "Mộc Châu"], "la", ["Hủa Phăn", "Luông Pha Bang"]),
    "Điện Biên": (["Mường Nhé", "Điện Biên Đông"], "la", ["Phong Sa Lỳ", "Luông Pha Bang"]),
    "Kon Tum": (["Ngọc Hồi", "Sa Thầy"], "la", ["Át Tạ Pư"]),
    "Quảng Nam": (["Nam Giang", "Tây Giang"], "la", ["Sê Kông"]),
    "Tây Ninh": (["Bến Cầu", "Tân Biên"], "kh", ["Svay Rieng", "Tbong Khmum"]),
    "Long An": (["Đức Huệ", "Tân Hưng"], "kh", ["Svay Rieng", "Prey Veng"]),
    "An Giang": (["Tịnh Biên", "An Phú"], "kh", ["Takeo", "Kandal"]),
    "Đồng Tháp": (["Hồng Ngự", "Tân Hồng"], "kh", ["Prey Veng"]),
    "Kiên Giang": (["Giang Thành"], "kh", ["Kampot"]),
    "Bình Phước": (["Lộc Ninh", "Bù Đốp"], "kh", ["Kratie", "Tbong Khmum"]),
    "Gia Lai": (["Đức Cơ", "Ia Grai"], "kh", ["Ratanakiri"]),
    "Đắk Lắk": (["Buôn Đôn", "Ea Súp"], "kh", ["Mondulkiri"]),
    "Lào Cai": (["Mường Khương", "Bát Xát"], "cn", ["Vân Nam"]),
    "Hà Giang": (["Đồng Văn", "Mèo Vạc"], "cn", ["Vân Nam"]),
    "Lai Châu": (["Phong Thổ", "Sìn Hồ"], "cn", ["Vân Nam"]),
    "Lạng Sơn": (["Cao Lộc", "Văn Lãng"], "cn", ["Quảng Tây"]),
    "Cao Bằng": (["Trùng Khánh", "Hà Quảng"], "cn", ["Quảng Tây"]),
    "Quảng Ninh": (["Hải Hà", "Bình Liêu"], "cn", ["Quảng Tây"]),
}
VN_BY = collections.defaultdict(list)
for p, (_, c, _) in VN.items():
    VN_BY[c].append(p)
LA_DIST = {"Xiêng Khoảng": ["Nọng Hét", "Khăm"], "Hủa Phăn": ["Xốp Bau", "Viêng Xay"],
           "Bô Ly Khăm Xay": ["Khăm Cợt", "Viêng Thoong"], "Khăm Muộn": ["Bua La Pha", "Nhôm Ma Lạt"],
           "Sa Vẳn Na Khệt": ["Xê Pôn", "Noong"], "Sa La Van": ["Sa Mụi", "Ta Ôi"], "Phong Sa Lỳ": ["Mường Mày", "Mường Khoa"],
           "Luông Pha Bang": ["Viêng Khăm", "Phôn Xay"], "Át Tạ Pư": ["Phu Vông", "Xạ Nạ Xổm Bun"], "Sê Kông": ["Đắc Chưng", "Kà Lưm"]}
KH_DIST = {"Svay Rieng": ["Chantrea", "Rumduol"], "Tbong Khmum": ["Ponhea Kraek", "Memot"], "Prey Veng": ["Kamchay Mear"],
           "Takeo": ["Kiri Vong"], "Kandal": ["Koh Thom"], "Kampot": ["Banteay Meas"], "Kratie": ["Snuol"],
           "Ratanakiri": ["O Yadav"], "Mondulkiri": ["Pech Chreada"]}
CN_LOCAL = {"Vân Nam": ["Hà Khẩu", "Mông Tự", "Kim Bình", "Ma Lật Pha"], "Quảng Tây": ["Đông Hưng", "Bằng Tường", "Long Châu"]}
GATES = {"la": ["Nậm Cắn", "Cầu Treo", "Cha Lo", "Lao Bảo", "Na Mèo", "Tây Trang", "Bờ Y"],
         "kh": ["Mộc Bài", "Xa Mát", "Tịnh Biên", "Hà Tiên", "Hoa Lư"],
         "cn": ["Lào Cai", "Hữu Nghị", "Móng Cái", "Thanh Thủy", "Trà Lĩnh"]}
GATE_OF = {"Nghệ An": "Nậm Cắn", "Hà Tĩnh": "Cầu Treo", "Quảng Bình": "Cha Lo", "Quảng Trị": "Lao Bảo",
           "Thanh Hóa": "Na Mèo", "Điện Biên": "Tây Trang", "Kon Tum": "Bờ Y", "Tây Ninh": "Mộc Bài",
           "An Giang": "Tịnh Biên", "Kiên Giang": "Hà Tiên", "Bình Phước": "Hoa Lư", "Lào Cai": "Lào Cai",
           "Lạng Sơn": "Hữu Nghị", "Quảng Ninh": "Móng Cái", "Hà Giang": "Thanh Thủy", "Cao Bằng": "Trà Lĩnh",
           "Lai Châu": "Ma Lù Thàng", "Sơn La": "Lóng Sập", "Quảng Nam": "Nam Giang", "Long An": "Bình Hiệp",
           "Đồng Tháp": "Dinh Bà", "Gia Lai": "Lệ Thanh", "Đắk Lắk": "Đắk Ruê"}
COMMUNES = ["Na Ngoi", "Mường Típ", "Tam Hợp", "Thanh Thủy", "Hướng Lập", "Trung Lý", "Chiềng On", "Pa Thơm"]
VILLAGES = ["Huổi Lắc", "Pha Khăm", "Nậm Khiêng", "Co Phày", "Tà Ri", "Xốp Pột"]
LA_VILLAGES = ["Phôn Xay", "Nạ Ngỏa", "Huổi Hốc", "Na Xăn", "Phiêng Đi"]


def vn_prov(p):
    return (p, "PROVINCE", "vn")


def border_triplet(country):
    """(vn province, foreign province text, foreign kind, foreign canonical)."""
    p = C(VN_BY[country])
    f = C(VN[p][2])
    if country == "la":
        t, k = la_prov(f)
    elif country == "kh":
        t, k = kh_prov(f)
    else:
        t, k = f, "cn_sv"
    return p, t, k, f


# ---------------------------------------------------------------- ranks
HIGH = ["Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá"]
MID = ["Đại tá", "Thượng tá", "Trung tá"]
LOW = ["Thiếu tá", "Đại úy", "Thượng úy", "Trung úy", "Đại uý"]


def R(pool):
    return (C(pool), "RANK", "rank")


def P(p, suffix=""):
    return (p.full, "PERSON", p.kind + suffix)


def G(p):
    return (p.given, "PERSON", p.kind + "_given")


def O(t, k):
    return (t, "ORG", k)


def Q(t, k):
    return (t, "QUANTITY", k)


def PV(t, k):
    return (t, "PROVINCE", k)


def NE(t, k):
    return (t, None, "neg_" + k)


def lao_person():
    return C(LAO)


def date():
    return f"{RNG.randint(1, 28)}/{RNG.randint(1, 12)}"


def date_dash():
    return f"{RNG.randint(1, 28)}-{RNG.randint(1, 12)}"


def thou(lo=1000, hi=999999):
    return f"{RNG.randint(lo, hi):,}".replace(",", ".")


def dec():
    return f"{RNG.randint(1, 99)},{RNG.randint(1, 99)}"


# ---------------------------------------------------------------- foreign bodies
def la_bodies(f_can):
    ft, fk = la_prov(f_can)
    d = C(LA_DIST.get(f_can, ["Xay"]))
    return [
        ([O(f"Công an tỉnh {ft}", "la_ca_tinh+" + fk)], "Giám đốc"),
        ([O("Bộ An ninh Lào", "la_ministry")], "Thứ trưởng"),
        ([O("Bộ Công an Lào", "la_ministry")], "Thứ trưởng"),
        ([O("Bộ An ninh nước CHDCND Lào", "la_ministry_fullstate")], "Thứ trưởng"),
        ([O("Cục Cảnh sát phòng chống ma túy Bộ An ninh Lào", "la_cuc")], "Cục trưởng"),
        ([O(f"Công an huyện {d} tỉnh {ft}", "la_ca_huyen_tinh")], "Trưởng"),
        ([O(f"Bộ Chỉ huy Quân sự tỉnh {ft}", "la_military")], "Chỉ huy trưởng"),
    ]


def kh_bodies(f_can):
    ft, fk = kh_prov(f_can)
    return [
        ([O(f"Sở Cảnh sát tỉnh {ft}", "kh_so_cs+" + fk)], "Giám đốc"),
        ([O("Bộ Nội vụ Campuchia", "kh_ministry")], "Quốc vụ khanh"),
        ([O("Tổng cục Cảnh sát quốc gia Campuchia", "kh_tongcuc")], "Phó Tổng Tư lệnh"),
        ([O("Cảnh sát Hoàng gia Campuchia", "kh_royal")], "Phó Tư lệnh"),
        ([O("Hiến binh Hoàng gia Campuchia", "kh_royal")], "Phó Tư lệnh"),
    ]


def cn_bodies(f_can):
    loc = C(CN_LOCAL[f_can])
    out = [([O("Bộ Công an Trung Quốc", "cn_ministry")], "Thứ trưởng"),
           ([O(f"Cục Công an thành phố {loc}", "cn_cuc_ca_tp")], "Cục trưởng"),
           ([O(f"Trạm Kiểm tra biên phòng {loc}", "cn_tram_ktbp")], "Trạm trưởng")]
    if f_can == "Quảng Tây":
        out += [([O("Sở Công an Khu tự trị dân tộc Choang Quảng Tây", "cn_so_ca_qt_full")], "Phó Giám đốc"),
                ([O("Sở Công an Quảng Tây", "cn_so_ca_short")], "Phó Giám đốc")]
    else:
        out += [([O("Sở Công an tỉnh Vân Nam", "cn_so_ca_tinh")], "Phó Giám đốc")]
    return out


FOREIGN = {"la": (la_bodies, lambda: lao_person(), "Lào"), "kh": (kh_bodies, lambda: C(KHMER), "Campuchia"),
           "cn": (cn_bodies, lambda: C(CHINESE), "Trung Quốc")}


def vn_bodies(p):
    d = C(VN[p][0])
    g = GATE_OF.get(p, "Nậm Cắn")
    return [
        ([O(f"Công an tỉnh {p}", "vn_ca_tinh")], "Giám đốc"),
        ([O(f"Bộ Chỉ huy BĐBP tỉnh {p}", "vn_bchh_bdbp_abbr")], "Chỉ huy trưởng"),
        ([O(f"Bộ Chỉ huy Bộ đội Biên phòng tỉnh {p}", "vn_bchh_bdbp")], "Chính ủy"),
        ([O(f"Phòng PC04 Công an tỉnh {p}", "vn_phong_code")], "Trưởng phòng"),
        ([O(f"Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh {p}", "vn_phong_full")], "Phó Trưởng phòng"),
        ([O(f"Công an huyện {d}", "vn_ca_huyen")], "Trưởng"),
        ([O(f"Đồn Biên phòng Cửa khẩu Quốc tế {g}", "vn_don_bp_cktq")], "Đồn trưởng"),
        ([O(f"Đồn Biên phòng {C(COMMUNES)}", "vn_don_bp")], "Đồn trưởng"),
    ]


def credit():
    """Byline / credit paragraph: (segments)."""
    k = RNG.randrange(9)
    if k == 0:
        return ["Ảnh: ", (C(PEN), "PERSON", "credit_pen")]
    if k == 1:
        return ["Tin, ảnh: ", (C(PEN), "PERSON", "credit_tin_anh_pen")]
    if k == 2:
        a, b = RNG.sample(PEN, 2)
        return [(a, "PERSON", "byline_pair"), " - ", (b, "PERSON", "byline_pair")]
    if k == 3:
        return [(C(INITIALS), "PERSON", "byline_initials")]
    if k == 4:
        return [NE("Nhóm PV", "byline_group")]
    if k == 5:
        return ["Theo ", O("TTXVN", "source_ttxvn")]
    if k == 6:
        return ["Theo ", O(C(["Báo Công an nhân dân", "Báo Biên phòng", "Báo Quân đội nhân dân"]), "source_bao")]
    if k == 7:
        return [(C(PEN), "PERSON", "byline_pen")]
    return ["Ảnh: ", (C(PEN), "PERSON", "credit_pen_slash"), "/", O("TTXVN", "credit_slash_org")]


def opening():
    """Dateline or source opening; returns segments (may be empty)."""
    k = RNG.randrange(5)
    if k == 0:
        return []
    if k == 1:
        return ["(", O(C(["Báo Biên phòng", "Báo Công an nhân dân", "TTXVN", "Baonghean.vn", "CAND", "Chinhphu.vn"]),
                       "opening_source"), ") - "]
    if k == 2:
        return ["(", O(C(["Báo Quảng Trị", "Báo Lào Cai", "Báo Sơn La", "Báo Tây Ninh"]), "opening_source_placename"), ") - "]
    if k == 3 and RNG.random() < 0.5:
        return [PV(C(["Viêng Chăn", "Phnôm Pênh", "Hà Nội", "Bắc Kinh"]), "dateline_capital_normalcase"), " (",
                O("TTXVN", "dateline_ttxvn"), ") - "]
    if k == 3:
        return [PV(C(["VIÊNG CHĂN", "PHNÔM PÊNH", "HÀ NỘI", "BẮC KINH"]), "dateline_capital"), " - "]
    return [PV(C(["NGHỆ AN", "QUẢNG TRỊ", "TÂY NINH", "ĐIỆN BIÊN", "QUẢNG BÌNH"]), "dateline_province"), " - "]


def cap_first(segs):
    """Capitalise the first letter of the first plain-string segment if it is the text start."""
    if segs and isinstance(segs[0], str):
        segs[0] = segs[0][:1].upper() + segs[0][1:]
    return segs


# ---------------------------------------------------------------- family A: meetings
def fam_A():
    for _ in range(N_FILL):
        # A1 Vietnamese ministry delegation received in a neighbour's capital
        c = C(["la", "kh", "cn"])
        bodies, fp, cname = FOREIGN[c]
        vp, fpv, fk, fcan = border_triplet(c)
        vi, fo = C(VI_OFF), fp()
        fb, ftitle = C([b for b in bodies(fcan) if b[1] in ("Thứ trưởng", "Quốc vụ khanh", "Phó Tổng Tư lệnh")] or bodies(fcan)[:1])
        cap = {"la": "Viêng Chăn", "kh": "Phnôm Pênh", "cn": "Bắc Kinh"}[c]
        segs = opening() + [f"Ngày {date()}, tại Thủ đô ", PV(cap, "capital_after_Thu_do"), ", Đoàn công tác của ",
                            O("Bộ Công an", "vn_ministry"), " do ", R(HIGH), " ", P(vi), ", Thứ trưởng ",
                            O("Bộ Công an", "vn_ministry"), " làm Trưởng đoàn đã hội đàm với ", *fb, ".", SEP,
                            "Tiếp đoàn có ", R(HIGH), " ", P(fo), ", ", ftitle, " ", *fb, ".", SEP,
                            "Phát biểu tại buổi hội đàm, ", NE("Thứ trưởng", "title_only_mention"),
                            " đánh giá cao kết quả hợp tác giữa ", NE("Công an hai nước", "generic_body"), ".", SEP,
                            G(fo), " cho biết, hai bên sẽ tiếp tục trao đổi thông tin về tội phạm ma túy.", SEP,
                            "Theo " + ftitle + " ", G(fo), ", kết quả hội đàm sẽ được báo cáo lên lãnh đạo hai Bộ.",
                            "\n\n", *credit()]
        yield "A1_delegation_received_abroad", "A", segs

        # A2 "Về phía X có" participant lists with semicolons
        c = C(["la", "la", "kh", "cn"])
        bodies, fp, cname = FOREIGN[c]
        vp, fpv, fk, fcan = border_triplet(c)
        vb = vn_bodies(vp)
        fbs = bodies(fcan)
        sep_kind = C([", ", " - "])
        lst = [f"Về phía {cname} có các đồng chí: "]
        n = RNG.randint(2, 3)
        people = []
        for i in range(n):
            fo = fp()
            people.append(fo)
            b, t = C(fbs)
            lst += [R(HIGH + MID), " ", P(fo, "_in_list"), sep_kind + t + " ", *b]
            lst.append("; " if i < n - 1 else ".")
        v1, v2 = RNG.sample(VI_OFF, 2)
        b1, t1 = vb[0]
        b2, t2 = C(vb[1:])
        segs = opening() + [f"Ngày {date()}, tại tỉnh ", vn_prov(vp), " đã diễn ra hội đàm giữa ", *b1, " và ",
                            O(f"Công an tỉnh {fpv}", "foreign_ca_tinh+" + fk) if c == "la" else fbs[0][0][0], ".", SEP,
                            "Về phía Việt Nam có ", R(HIGH), " ", P(v1, "_in_list"), sep_kind + t1 + ", Trưởng đoàn; ",
                            R(MID), " ", P(v2, "_in_list"), sep_kind + t2 + " ", *b2, ".", SEP, *lst, SEP,
                            "Tại hội đàm, Giám đốc ", O(f"Công an tỉnh {vp}", "vn_ca_tinh"),
                            " đề nghị hai bên tăng cường tuần tra chung."]
        yield "A2_ve_phia_participant_list", "A", segs

        # A3 foreign official received in Hanoi by a Vietnamese one
        c = C(["la", "kh", "cn"])
        bodies, fp, cname = FOREIGN[c]
        vp, fpv, fk, fcan = border_triplet(c)
        vi, fo = C(VI_OFF), fp()
        fb, ft = C(bodies(fcan))
        hon = C(["ông", "Ngài", "đồng chí"])
        segs = opening() + [f"Chiều {date()}, tại trụ sở ", O("Bộ Công an", "vn_ministry"), ", ", R(HIGH), " ", P(vi),
                            ", Thứ trưởng ", O("Bộ Công an", "vn_ministry"), " đã tiếp " + hon + " ", P(fo), ", ", ft,
                            " ", *fb, ", đang thăm và làm việc tại Việt Nam.", SEP,
                            "Tại buổi tiếp, " + C(["Thứ trưởng", "ông"]) + " ", G(vi) if RNG.random() < 0.5 else P(vi),
                            " chúc mừng những kết quả mà lực lượng chức năng " + cname + " đạt được thời gian qua.", SEP,
                            "Về phần mình, " + C(["ông", "vị khách"]) + " ", G(fo),
                            " cảm ơn sự giúp đỡ của ", O("Bộ Công an Việt Nam", "vn_ministry_country"), "."]
        yield "A3_foreign_official_received_in_VN", "A", segs

        # A4 Vietnamese provincial delegation received by a Lao/Cambodian governor or minister
        c = C(["la", "kh"])
        bodies, fp, cname = FOREIGN[c]
        vp, fpv, fk, fcan = border_triplet(c)
        vi, fo = C(VI_OFF), fp()
        segs = [f"Trong chuyến thăm, Đoàn đại biểu ", O(f"Công an tỉnh {vp}", "vn_ca_tinh_in_doan"), " do ", R(HIGH), " ",
                P(vi), ", Giám đốc ", NE("Công an tỉnh", "unnamed_ca_tinh"), ", làm Trưởng đoàn đã chào xã giao ",
                C(["ông", "bà"]) + " ", P(fo), f", {C(['Tỉnh trưởng', 'Phó Tỉnh trưởng', 'Chủ tịch'])} tỉnh ",
                PV(fpv, fk + "_after_tinh"), ".", SEP,
                C(["Bà", "Ông"]) + " ", G(fo), " khẳng định chính quyền tỉnh luôn tạo điều kiện để ",
                NE("lực lượng chức năng", "generic_forces"), " hai bên phối hợp.", SEP,
                NE("Đoàn công tác", "generic_doan"), " cũng đã đến thăm ", O(f"Công an tỉnh {fpv}", "foreign_ca_tinh+" + fk),
                " và tặng quà các cán bộ, chiến sĩ.", "\n\n", *credit()]
        yield "A4_vn_delegation_at_foreign_province", "A", segs

        # A5 signing of a memorandum between two provinces' police
        c = C(["la", "la", "kh"])
        vp, fpv, fk, fcan = border_triplet(c)
        year = RNG.randint(2019, 2025)
        va, vb_ = RNG.sample(VI_OFF, 2) if False else (C(VI_OFF), None)
        fo = FOREIGN[c][1]()
        fbody = O(f"Công an tỉnh {fpv}", "foreign_ca_tinh+" + fk) if c == "la" else O(f"Sở Cảnh sát tỉnh {fpv}", "kh_so_cs+" + fk)
        segs = opening() + [f"Ngày {date_dash()}, tại thành phố ", NE(C(["Thà Khẹc", "Pạc Xế", "Xay Nha Bu Ly", "Bavet"]), "nonprov_city"),
                            ", ", O(f"Công an tỉnh {vp}", "vn_ca_tinh"), " và ", fbody,
                            f" đã ký kết Biên bản ghi nhớ hợp tác năm {year}.", SEP,
                            "Theo biên bản, ", NE("Công an hai tỉnh", "generic_ca_hai_tinh"), " thống nhất ",
                            Q(f"{RNG.randint(5, 12)} nội dung", "count_noi_dung"), " hợp tác trọng tâm.", SEP,
                            R(HIGH), " ", P(va), " và ", R(HIGH + MID), " ", P(fo), " đã thay mặt hai bên ký biên bản.", SEP,
                            "Đây là lần thứ " + str(RNG.randint(5, 30)) + " hai đơn vị tổ chức hội đàm thường niên.",
                            "\n\n", *credit()]
        yield "A5_memorandum_signing", "A", segs

        # A6 awards
        c = C(["la", "kh"])
        vp, fpv, fk, fcan = border_triplet(c)
        t1, c1, t2, c2 = RNG.randint(2, 9), RNG.randint(5, 30), RNG.randint(2, 9), RNG.randint(5, 30)
        award = C(["Huân chương Hữu nghị", "Huân chương Itxala hạng Nhất", "Huân chương Lao động hạng Ba"])
        fmin = O("Bộ An ninh Lào", "la_ministry") if c == "la" else O("Bộ Nội vụ Campuchia", "kh_ministry")
        head = "Chủ tịch nước CHDCND Lào" if c == "la" else "Quốc vương Campuchia"
        segs = [f"Nhân dịp này, {head} đã trao tặng ", NE(award, "award_name"), " cho ",
                Q(f"{t1} tập thể", "count_tap_the"), " và ", Q(f"{c1} cá nhân", "count_ca_nhan"), " thuộc ",
                O(f"Công an tỉnh {vp}", "vn_ca_tinh"), ".", SEP,
                fmin, " cũng tặng Bằng khen cho ", Q(f"{t2} tập thể", "count_tap_the"), ", ",
                Q(f"{c2} cá nhân", "count_ca_nhan"), " có thành tích xuất sắc trong hợp tác bảo vệ an ninh biên giới.", SEP,
                "Trước đó, ", O(f"Công an tỉnh {vp}", "vn_ca_tinh"), " đã trao ",
                Q(f"{RNG.randint(10, 90)} suất", "count_suat"), " quà cho học sinh nghèo tại tỉnh ", PV(fpv, fk + "_after_tinh"), "."]
        yield "A6_awards", "A", segs

        # A7 high-level Lao delegation; short ministry name on second mention; photo caption with position note
        fo, vi = lao_person(), C(VI_OFF)
        vp, fpv, fk, fcan = border_triplet("la")
        segs = opening() + ["Từ ngày " + f"{RNG.randint(1, 20)} đến {RNG.randint(21, 28)}/{RNG.randint(1, 12)}, Đoàn đại biểu cấp cao ",
                            O(C(["Bộ An ninh Lào", "Bộ Công an Lào"]), "la_ministry_in_doan"), " do ", R(["Đại tướng", "Thượng tướng"]), " ",
                            P(fo), ", Ủy viên ", O("Bộ Chính trị", "unclear_bo_chinh_tri_in_title"), ", Bộ trưởng ",
                            O("Bộ An ninh", "unclear_short_ministry_no_country"), " làm Trưởng đoàn thăm chính thức Việt Nam.", SEP,
                            "Trong chương trình chuyến thăm, đoàn đã đến thăm ", O(f"Công an tỉnh {vp}", "vn_ca_tinh"),
                            " và dâng hoa tại Khu di tích Kim Liên.", SEP,
                            R(["Đại tướng", "Thượng tướng"]), " ", G(fo), " (thứ " + C(["hai", "ba"]) + " từ trái) trao quà cho ",
                            Q(f"{RNG.randint(3, 12)} đơn vị", "count_don_vi"), " thuộc ", O(f"Công an tỉnh {vp}", "vn_ca_tinh"), ".",
                            "\n\n", *credit()]
        yield "A7_high_level_lao_delegation", "A", segs


# ---------------------------------------------------------------- family B: drugs and smuggling
def money():
    k = RNG.randrange(8)
    if k == 0:
        return Q(f"{RNG.randint(20, 900)} triệu đồng", "money_trieu_dong")
    if k == 1:
        return Q(f"{dec()} tỷ đồng", "money_dec_ty_dong")
    if k == 2:
        return Q(f"{thou(1000, 90000)} USD", "money_usd")
    if k == 3:
        return Q(f"{RNG.randint(2, 90)} triệu kíp", "money_kip")
    if k == 4:
        return Q(f"{thou(1000, 90000)} nhân dân tệ", "money_ndt")
    if k == 5:
        return Q(f"{thou(100000, 9000000)} riel", "money_riel")
    if k == 6:
        return Q(f"{thou(1000000, 90000000)} đồng", "money_digits_dong")
    return Q(f"{thou(100, 9000)} bạt", "money_baht")


def drug_goods():
    out = []
    k = RNG.sample(range(8), 3)
    for i in k:
        if i == 0:
            out.append([Q(f"{RNG.randint(2, 60)} bánh", "count_banh"), " heroin"])
        elif i == 1:
            out.append([Q(f"{thou(1000, 300000)} viên", "thousands_vien"), " ma túy tổng hợp"])
        elif i == 2:
            out.append([Q(f"{dec()} kg", "decimal_kg"), " ma túy đá"])
        elif i == 3:
            out.append([Q(f"{RNG.randint(1, 9)},{RNG.randint(1, 9)} triệu viên", "multiplier_trieu_vien"), " hồng phiến"])
        elif i == 4:
            out.append([Q(f"{RNG.randint(100, 950)} gam", "int_gam"), " thuốc phiện"])
        elif i == 5:
            out.append([Q(f"{RNG.randint(10, 90)} nghìn viên", "multiplier_nghin_vien"), " ma túy tổng hợp"])
        elif i == 6:
            out.append([Q(f"{RNG.randint(2, 40)} túi", "count_tui"), " ni lông chứa ketamine"])
        else:
            out.append([Q(f"{RNG.randint(1, 9)},{RNG.randint(1, 9)} tấn", "decimal_tan"), " tiền chất"])
    return out


def join_list(items):
    segs = []
    for i, it in enumerate(items):
        if i:
            segs.append(", " if i < len(items) - 1 else " và ")
        segs += it
    return segs


def vehicles():
    k = RNG.randrange(5)
    if k == 0:
        return [Q(f"{RNG.randint(1, 3)} xe máy", "vehicle_xe_may")]
    if k == 1:
        return [Q(f"0{RNG.randint(1, 3)} chiếc", "vehicle_leading0_chiec"), " xe ô tô"]
    if k == 2:
        return [Q(f"{RNG.randint(1, 4)} ô tô", "vehicle_o_to")]
    if k == 3:
        return [Q(f"{RNG.randint(2, 6)} điện thoại", "count_dien_thoai"), " di động"]
    return [Q(f"{RNG.randint(1, 3)} khẩu", "count_khau"), " súng ngắn cùng ", Q(f"{RNG.randint(5, 40)} viên", "count_vien_dan"), " đạn"]


def suspect_vi():
    return C(VI_INV + HMONG_INV + VI_OFF[:6])


def fam_B():
    for _ in range(N_FILL):
        # B1 Vietnamese arrest, two suspects, alias, home village, seized goods, given-name follow-up
        c = C(["la", "kh", "cn"])
        vp = C(VN_BY[c])
        vb = vn_bodies(vp)
        u1 = C(vb[1:])[0]
        s1, s2 = RNG.sample(VI_INV + HMONG_INV, 2)
        d = C(VN[vp][0])
        alias = C(ALIASES)
        segs = opening() + [f"Ngày {date_dash()}, ", *u1, " chủ trì, phối hợp với ", O(f"Công an tỉnh {vp}", "vn_ca_tinh"),
                            " bắt quả tang ", Q(f"{RNG.randint(2, 5)} đối tượng", "count_doi_tuong"), " gồm ", P(s1, "_suspect"),
                            f" (SN 19{RNG.randint(70, 99)}) và ", P(s2, "_suspect"), " (tức ", (alias, "PERSON", "alias_tuc"),
                            f", SN 19{RNG.randint(70, 99)}), cùng trú tại bản ", NE(C(VILLAGES), "village"), ", xã ",
                            NE(C(COMMUNES), "commune"), ", huyện ", NE(d, "district"), ", tỉnh ", vn_prov(vp),
                            ", khi đang vận chuyển ma túy qua biên giới.", SEP,
                            "Tang vật thu giữ gồm ", *join_list(drug_goods()), ", cùng ", *vehicles(), " và ", money(), ".", SEP,
                            "Tại cơ quan điều tra, ", G(s1), " khai nhận số ma túy trên được mua từ một đối tượng người ",
                            NE(C(["Lào", "Campuchia", "Trung Quốc"]), "country"), " để mang về tiêu thụ.", SEP,
                            "Hiện vụ việc đã được bàn giao cho ", O(f"Cơ quan Cảnh sát điều tra Công an tỉnh {vp}", "vn_cqcsdt"),
                            " để xử lý theo " + C(["Điều 250", "Điều 249", "khoản 4 Điều 251"]) + " Bộ luật Hình sự.",
                            "\n\n", *credit()]
        yield "B1_arrest_vi_suspects", "B", segs

        # B2 foreign suspect arrested at the border with his foreign home address
        c = C(["la", "kh", "cn"])
        bodies, fp, cname = FOREIGN[c]
        vp, fpv, fk, fcan = border_triplet(c)
        s = fp()
        if c == "la":
            home = ["bản ", NE(C(LA_VILLAGES), "la_village"), ", huyện ", NE(C(LA_DIST[fcan]), "la_district"), ", tỉnh ",
                    PV(fpv, fk + "_after_tinh"), ", ", NE("Lào", "country")]
        elif c == "kh":
            home = ["huyện ", NE(C(KH_DIST[fcan]), "kh_district"), ", tỉnh ", PV(fpv, fk + "_after_tinh"), ", ",
                    NE("Campuchia", "country")]
        else:
            home = ["thành phố ", NE(C(CN_LOCAL[fcan]), "cn_city"), ", tỉnh ", PV(fpv, fk + "_after_tinh"), ", ",
                    NE("Trung Quốc", "country")]
        unit = C(vn_bodies(vp)[1:])[0]
        gate = GATE_OF[vp]
        segs = opening() + [f"Khoảng {RNG.randint(6, 22)}h{RNG.randint(10, 55)} ngày {date()}, tại khu vực cửa khẩu ",
                            NE(gate, "border_gate"), ", tổ công tác của ", *unit, " phát hiện đối tượng ", P(s, "_suspect"),
                            f" (SN 19{RNG.randint(70, 99)}, quốc tịch {cname}, trú tại ", *home,
                            ") đang cất giấu ", *drug_goods()[0], " trong hành lý.", SEP,
                            "Đối tượng ", G(s), " khai được thuê vận chuyển số hàng trên với giá ", money(), ".", SEP,
                            "Vụ việc đã được thông báo cho ", *C(bodies(fcan))[0], " để phối hợp điều tra."]
        yield "B2_foreign_suspect_at_gate", "B", segs

        # B3 joint case with foreign police, seizures, counts
        c = C(["la", "kh"])
        bodies, fp, cname = FOREIGN[c]
        vp, fpv, fk, fcan = border_triplet(c)
        s1, s2 = fp(), fp()
        segs = [O("Cục Cảnh sát điều tra tội phạm về ma túy", "vn_cuc_c04_long"), " (", O("C04", "abbrev_in_brackets"), ") phối hợp với ",
                *C(bodies(fcan))[0], " vừa triệt phá đường dây mua bán ma túy xuyên quốc gia.", SEP,
                "Lực lượng chức năng hai nước đã bắt giữ ", Q(f"{RNG.randint(5, 30)} đối tượng", "count_doi_tuong"),
                ", trong đó có ", Q(f"{RNG.randint(2, 4)} đối tượng", "count_doi_tuong"), " quốc tịch " + cname + " là ",
                P(s1, "_suspect"), " và ", P(s2, "_suspect"), ".", SEP,
                "Khám xét nơi ở của các đối tượng, cơ quan chức năng thu giữ ", *join_list(drug_goods()), ".", SEP,
                "Theo ", O("C04", "abbrev_reused_alone"), ", đường dây này đã đưa khoảng ", Q(f"{RNG.randint(100, 900)} kg", "approx_kg"),
                " ma túy vào Việt Nam từ năm " + str(RNG.randint(2018, 2023)) + "."]
        yield "B3_joint_case_abbrev_C04", "B", segs

        # B4 court and procuracy
        vp = C(list(VN))
        s1, s2 = RNG.sample(VI_INV + HMONG_INV + VI_OFF[:6], 2)
        court = C([("TAND tỉnh", "court_abbr"), ("Tòa án nhân dân tỉnh", "court_full")])
        proc = C([("VKSND tỉnh", "proc_abbr"), ("Viện Kiểm sát nhân dân tỉnh", "proc_full")])
        segs = opening() + [f"Ngày {date_dash()}, ", O(f"{court[0]} {vp}", court[1]), " mở phiên tòa sơ thẩm xét xử ",
                            Q(f"{RNG.randint(2, 9)} bị cáo", "count_bi_cao"), " trong vụ án mua bán trái phép chất ma túy.", SEP,
                            "Theo cáo trạng của ", O(f"{proc[0]} {vp}", proc[1]), ", tháng " + str(RNG.randint(1, 12)) + "/20"
                            + str(RNG.randint(20, 24)) + ", ", P(s1, "_suspect"), " đã thuê ", P(s2, "_suspect"),
                            " vận chuyển ", *drug_goods()[0], " từ ", NE("Lào", "country"), " về tiêu thụ.", SEP,
                            "Hội đồng xét xử tuyên phạt ", G(s1), " tù chung thân, ", G(s2), " ",
                            NE(f"{RNG.randint(12, 20)} năm tù", "prison_term"), "."]
        yield "B4_court_procuracy", "B", segs

        # B5 Chinese-border smuggling
        vp = C(VN_BY["cn"])
        s = C(CHINESE)
        v = suspect_vi()
        unit = C([O(f"Đồn Biên phòng Cửa khẩu Quốc tế {GATE_OF[vp]}", "vn_don_bp_cktq"),
                  O(f"Bộ Chỉ huy BĐBP tỉnh {vp}", "vn_bchh_bdbp_abbr"),
                  O(f"Chi cục Hải quan cửa khẩu {GATE_OF[vp]}", "vn_chi_cuc_hq")])
        segs = [unit, " vừa bắt giữ ", P(v, "_suspect"), f" (SN 19{RNG.randint(70, 99)}) cùng đối tượng người Trung Quốc ",
                P(s, "_suspect"), " khi đang vận chuyển ", Q(f"{thou(100, 5000)} kg", "thousands_kg"), " nội tạng động vật không rõ nguồn gốc.", SEP,
                "Ông ", G(s) if RNG.random() < 0.5 else P(s), " khai số hàng được mua tại thành phố ",
                NE(C(CN_LOCAL[C(["Vân Nam", "Quảng Tây"])]), "cn_city"), " với giá ", money(), ".", SEP,
                "Lực lượng chức năng cũng thu giữ ", Q(f"{RNG.randint(2, 12)} thùng", "count_thung"), " pháo và ",
                Q(f"{RNG.randint(100, 900)} bao", "count_bao"), " thuốc lá ngoại nhập lậu."]
        yield "B5_smuggling_cn_border", "B", segs


# ---------------------------------------------------------------- family C: border work
def fam_C():
    for _ in range(N_FILL):
        c = C(["la", "kh", "cn"])
        bodies, fp, cname = FOREIGN[c]
        vp, fpv, fk, fcan = border_triplet(c)
        km = {"la": "2.337 km", "kh": "1.137 km", "cn": "1.449 km"}[c]
        m1 = RNG.randint(100, 900)
        d = C(VN[vp][0])
        # C1 joint patrol
        vunit = O(f"Đồn Biên phòng {C(COMMUNES)}", "vn_don_bp")
        segs = opening() + [f"Ngày {date()}, ", vunit, " (", O(f"Bộ Chỉ huy BĐBP tỉnh {vp}", "vn_bchh_bdbp_abbr"),
                            ") phối hợp với lực lượng bảo vệ biên giới " + ("tỉnh " if c != "cn" else "") ,
                            *( [PV(fpv, fk + "_after_tinh")] if c != "cn" else [NE("nước bạn", "generic")] ),
                            " tổ chức tuần tra song phương.", SEP,
                            "Tuyến biên giới " + ("Việt Nam - " + cname) + " dài ", Q(km, "km_thousands"),
                            ", trong đó đoạn qua địa bàn tỉnh ", vn_prov(vp), " dài ", Q(f"{dec()} km", "decimal_km"), ".", SEP,
                            "Tổ tuần tra đã kiểm tra đoạn từ ", NE(f"cột mốc {m1}", "cot_moc_number"), " đến ",
                            NE(f"cột mốc {m1 + RNG.randint(1, 4)}", "cot_moc_number"), ", phát hiện ",
                            Q(f"{RNG.randint(1, 4)} lối mở", "count_loi_mo"), " và ", Q(f"{RNG.randint(2, 9)} đường mòn", "count_duong_mon"),
                            " cần tăng cường kiểm soát.", SEP,
                            "Năm nay, hai bên đã tổ chức ", Q(f"{RNG.randint(6, 40)} cuộc", "count_cuoc"), " tuần tra với ",
                            Q(f"{RNG.randint(60, 400)} lượt", "count_luot"), " cán bộ, chiến sĩ tham gia.", "\n\n", *credit()]
        yield "C1_joint_patrol_markers", "C", segs

        # C2 border gate vs border post
        gate = GATE_OF[vp]
        segs = [f"Cửa khẩu Quốc tế ", NE(gate, "border_gate_start"), " là một trong những cửa khẩu lớn nhất trên tuyến biên giới "
                "Việt Nam - " + cname + ".", SEP,
                "Trong " + C(["6 tháng đầu năm", "quý I", "năm qua"]) + ", ", O(f"Đồn Biên phòng Cửa khẩu Quốc tế {gate}", "vn_don_bp_cktq"),
                " đã làm thủ tục cho ", Q(f"{thou(1000, 900000)} lượt", "thousands_luot"), " người và ",
                Q(f"{thou(1000, 90000)} lượt", "thousands_luot"), " phương tiện xuất, nhập cảnh qua cửa khẩu ",
                NE(gate, "border_gate_lower"), ".", SEP,
                "Số người qua lại tăng ", Q(f"{dec()}%", "pct_decimal"), " so với cùng kỳ năm trước."]
        yield "C2_border_gate_vs_post", "C", segs

        # C3 border liaison office, abbreviation then reused alone
        gate = GATE_OF[vp]
        blo_long = C([f"Văn phòng Liên lạc biên giới {gate}", f"Văn phòng liên lạc phòng, chống ma túy và tội phạm qua biên giới tỉnh {vp}"])
        fo = fp()
        segs = [f"Ngày {date()}, ", O(blo_long, "blo_long"), " (", O("BLO", "abbrev_in_brackets"), ") đã tổ chức gặp gỡ với ",
                "văn phòng đối diện của phía " + cname + ".", SEP,
                "Năm qua, ", O("BLO", "abbrev_reused_alone"), " đã trao đổi ", Q(f"{RNG.randint(20, 150)} nguồn tin", "count_nguon_tin"),
                " về tội phạm ma túy, giúp triệt phá ", Q(f"{RNG.randint(3, 20)} vụ", "count_vu"), ".", SEP,
                "Trưởng ", O("BLO", "abbrev_reused_after_title"), " phía bạn, ông ", P(fo), ", cho biết sẽ duy trì giao ban hằng tháng.", SEP,
                "Ông ", G(fo), " cũng đề nghị hai bên chia sẻ danh sách đối tượng truy nã."]
        yield "C3_BLO_abbrev_reuse", "C", segs

        # C4 repatriation
        c2 = C(["la", "kh", "cn"])
        bodies2, _, cname2 = FOREIGN[c2]
        vp2, fpv2, fk2, fcan2 = border_triplet(c2)
        gate2 = GATE_OF[vp2]
        fb = C(bodies2(fcan2))[0]
        n1 = RNG.randint(5, 60)
        segs = opening() + [f"Ngày {date_dash()}, tại cửa khẩu ", NE(gate2, "border_gate"), ", ",
                            O(f"Đồn Biên phòng Cửa khẩu Quốc tế {gate2}", "vn_don_bp_cktq"), " đã tiếp nhận ",
                            Q(f"{n1} công dân", "count_cong_dan"), " Việt Nam do ", *fb, " trao trả.", SEP,
                            "Trong số này có ", Q(f"{RNG.randint(1, 5)} phụ nữ", "count_phu_nu"), " và ",
                            Q(f"{RNG.randint(1, 3)} trẻ em", "count_tre_em"), ", đa số trú tại tỉnh ", vn_prov(vp2), ".", SEP,
                            "Các công dân này xuất cảnh trái phép sang " + cname2 + " làm việc từ tháng "
                            + f"{RNG.randint(1, 12)}/20{RNG.randint(22, 25)}.", SEP,
                            "Từ đầu năm đến nay, đơn vị đã tiếp nhận tổng cộng ", Q(f"{thou(1000, 3000)} công dân", "thousands_cong_dan"),
                            " bị phía bạn trao trả."]
        yield "C4_repatriation", "C", segs

        # C5 BĐBP command + marker counts + "Bộ Tư lệnh BĐBP"
        segs = [O("Bộ Tư lệnh Bộ đội Biên phòng", "vn_bo_tu_lenh_bdbp"), " vừa tổ chức hội nghị tổng kết công tác phân giới, cắm mốc trên tuyến biên giới "
                "Việt Nam - " + cname + ".", SEP,
                "Hai bên đã xây dựng ", Q(f"{RNG.randint(100, 1000)} cột mốc", "count_cot_moc"), " và ",
                Q(f"{RNG.randint(10, 90)} cọc", "count_coc"), " dấu, trong đó có ", NE(f"cột mốc {RNG.randint(1, 999)}", "cot_moc_number"),
                " tại huyện ", NE(d, "district"), ", tỉnh ", vn_prov(vp), ".", SEP,
                "Phát biểu kết luận, ", R(HIGH), " ", P(C(VI_OFF)), ", Tư lệnh ", NE("Bộ đội Biên phòng", "bdbp_bare"),
                ", yêu cầu các đơn vị bảo vệ nguyên trạng hệ thống mốc quốc giới."]
        yield "C5_marker_counts_bdbp_command", "C", segs


# ---------------------------------------------------------------- family D: organisation names
def fam_D():
    for _ in range(N_FILL):
        c = C(["la", "kh", "cn"])
        bodies, fp, cname = FOREIGN[c]
        vp, fpv, fk, fcan = border_triplet(c)
        fb = C(bodies(fcan))[0]
        # D1 foreign body as subject, unnamed bodies, newspapers
        acad = C([("Học viện An ninh nhân dân", "vn_academy"), ("Học viện Cảnh sát nhân dân", "vn_academy"),
                  ("Trường Đại học Phòng cháy chữa cháy", "vn_school"), ("Trường Cao đẳng Cảnh sát nhân dân I", "vn_school"),
                  ("Học viện Biên phòng", "vn_academy")])
        segs = opening() + [*fb, " vừa cử ", Q(f"{RNG.randint(10, 80)} học viên", "count_hoc_vien"), " sang học tập tại ",
                            O(acad[0], acad[1]), ".", SEP,
                            NE("Công an tỉnh", "unnamed_ca_tinh_start"), " đã phối hợp với ", NE("lực lượng chức năng", "generic_forces"),
                            " đón tiếp chu đáo.", SEP,
                            "Theo " + C(["Giám đốc", "lãnh đạo"]) + " ", O(acad[0], acad[1] + "_repeat"),
                            ", đây là khóa đào tạo thứ " + str(RNG.randint(3, 20)) + " dành cho cán bộ " + cname + ".", SEP,
                            "Thông tin được đăng trên ", O(C(["Cổng TTĐT Bộ Công an", "Cổng Thông tin điện tử Bộ Công an"]), "portal_bca"),
                            " và ", O(C(["Báo Công an nhân dân", "Báo Nhân dân", "Báo Quân đội nhân dân"]), "newspaper"), "."]
        yield "D1_foreign_body_academy_portal", "D", segs

        # D2 country after ministry, coordinated ministries, unnamed plural
        m = C([("Bộ Công an Lào", "la_ministry"), ("Bộ An ninh Lào", "la_ministry"), ("Bộ Nội vụ Campuchia", "kh_ministry"),
               ("Bộ Công an Trung Quốc", "cn_ministry"), ("Bộ An ninh nước CHDCND Lào", "la_ministry_fullstate"),
               ("Bộ Nội vụ Vương quốc Campuchia", "kh_ministry_fullstate"), ("Bộ Công an nước CHND Trung Hoa", "cn_ministry_fullstate")])
        segs = [O("Bộ Công an Việt Nam", "vn_ministry_country"), " và ", O(m[0], m[1]), " đã ký kế hoạch hợp tác giai đoạn "
                + f"20{RNG.randint(21, 25)}-20{RNG.randint(26, 30)}.", SEP,
                "Theo kế hoạch, ", NE("Bộ Công an hai nước", "generic_bo_hai_nuoc"), " sẽ tổ chức ",
                Q(f"{RNG.randint(2, 6)} đợt", "count_dot"), " tập huấn chung mỗi năm.", SEP,
                NE("Công an các địa phương", "generic_ca_dia_phuong"), " có chung đường biên giới được giao chủ trì triển khai.", SEP,
                "Kế hoạch cũng được gửi tới ", O("Văn phòng Bộ Công an", "vn_van_phong_bca"), " và ",
                O("Cục Đối ngoại", "vn_cuc_doi_ngoai"), " để theo dõi."]
        yield "D2_ministries_country_coordinated", "D", segs

        # D3 Chinese bodies
        loc = C(CN_LOCAL["Vân Nam"] + CN_LOCAL["Quảng Tây"])
        prov = "Vân Nam" if loc in CN_LOCAL["Vân Nam"] else "Quảng Tây"
        so = ("Sở Công an tỉnh Vân Nam", "cn_so_ca_tinh") if prov == "Vân Nam" else \
            C([("Sở Công an Khu tự trị dân tộc Choang Quảng Tây", "cn_so_ca_qt_full"), ("Sở Công an Quảng Tây", "cn_so_ca_short")])
        vp = C(VN_BY["cn"])
        zo = C(CHINESE)
        segs = opening() + [f"Ngày {date()}, ", O(f"Công an tỉnh {vp}", "vn_ca_tinh"), " đã hội đàm với ", O(so[0], so[1]),
                            " tại thành phố ", NE(loc, "cn_city"), ", Khu tự trị " if prov == "Quảng Tây" else ", tỉnh ",
                            PV(prov, "cn_after_cue"), " (", NE("Trung Quốc", "country"), ").", SEP,
                            "Dự hội đàm có ông ", P(zo), ", Cục trưởng ", O(f"Cục Công an thành phố {loc}", "cn_cuc_ca_tp"),
                            " và đại diện ", O(f"Trạm Kiểm tra biên phòng {loc}", "cn_tram_ktbp"), ".", SEP,
                            "Ông ", G(zo), " cho biết năm qua hai bên đã trao trả cho nhau ", Q(f"{RNG.randint(20, 400)} đối tượng", "count_doi_tuong"),
                            " vi phạm pháp luật."]
        yield "D3_chinese_bodies", "D", segs

        # D4 Lao district / provincial bodies and Cambodian bodies
        lp = C(list(LA_DIST))
        lpt, lk = la_prov(lp)
        ld = C(LA_DIST[lp])
        kp = C(list(KH_DIST))
        kpt, kk = kh_prov(kp)
        segs = [O(f"Công an huyện {ld} tỉnh {lpt}", "la_ca_huyen_tinh"), " đã bàn giao ", Q(f"{RNG.randint(1, 9)} đối tượng", "count_doi_tuong"),
                " truy nã cho phía Việt Nam.", SEP,
                "Trước đó, ", O(f"Công an huyện {ld}", "la_ca_huyen_only"), " phối hợp với ", O(f"Bộ Chỉ huy Quân sự tỉnh {lpt}", "la_military"),
                " truy bắt các đối tượng tại bản ", NE(C(LA_VILLAGES), "la_village"), ".", SEP,
                "Cùng thời gian, ", O(f"Sở Cảnh sát tỉnh {kpt}", "kh_so_cs+" + kk), " và ", O(C(["Cảnh sát Hoàng gia Campuchia", "Hiến binh Hoàng gia Campuchia"]), "kh_royal"),
                " cũng trao trả ", Q(f"{RNG.randint(2, 30)} công dân", "count_cong_dan"), " cho ", O(f"Công an tỉnh {C(VN_BY['kh'])}", "vn_ca_tinh"), "."]
        yield "D4_lao_district_kh_bodies", "D", segs

        # D5 abbreviation of a foreign body defined in brackets and reused alone
        ab = C([("Ủy ban Kiểm soát ma túy quốc gia Lào", "LCDC"), ("Ủy ban Quốc gia phòng chống ma túy Campuchia", "NACD"),
                ("Văn phòng Liên hợp quốc về Ma túy và Tội phạm", "UNODC")])
        segs = [O(ab[0], "foreign_body_long"), " (", O(ab[1], "abbrev_in_brackets"), ") đánh giá cao nỗ lực của ",
                O("Bộ Công an", "vn_ministry"), " trong phòng, chống ma túy.", SEP,
                "Đại diện ", O(ab[1], "abbrev_reused_after_Dai_dien"), " cho biết năm qua khu vực Tam giác vàng đã thu giữ hơn ",
                Q(f"{RNG.randint(100, 200)} tấn", "approx_tan"), " ma túy đá.", SEP,
                O(ab[1], "abbrev_reused_start"), " sẽ hỗ trợ ", Q(f"{RNG.randint(2, 9)} tỉnh", "count_tinh"),
                " biên giới nâng cao năng lực giám định."]
        yield "D5_foreign_abbrev_reuse", "D", segs

        # D6 negatives: unnamed bodies, titles, delegations
        segs = [NE("Đoàn công tác", "generic_doan_start"), " đã làm việc với ", NE("Ban Giám đốc Công an tỉnh", "unnamed_ban_gd"),
                " về công tác bảo vệ biên giới.", SEP,
                NE("Công an hai nước", "generic_ca_hai_nuoc_start"), " đã phối hợp chặt chẽ, ", NE("lực lượng chức năng", "generic_forces"),
                " các địa phương thường xuyên trao đổi thông tin.", SEP,
                "Đại diện ", NE("Bộ đội Biên phòng tỉnh", "unnamed_bdbp_tinh"), " cùng ", NE("Viện Kiểm sát", "unnamed_vks"),
                " và ", NE("Tòa án hai cấp", "unnamed_toa_an"), " cũng tham dự."]
        yield "D6_unnamed_bodies_neg", "D", segs


# ---------------------------------------------------------------- family E: quantities in context
def fam_E():
    for _ in range(N_FILL):
        c = C(["la", "kh", "cn"])
        vp = C(VN_BY[c])
        org = O(f"Công an tỉnh {vp}", "vn_ca_tinh")
        approx = C(["hơn", "gần", "khoảng", "trên"])
        y = RNG.randint(2020, 2025)
        segs = [f"Năm {y}, ", org, " đã phát hiện, bắt giữ ", Q(f"{RNG.randint(100, 900)} vụ", "count_vu"), "/",
                Q(f"{RNG.randint(100, 999)} đối tượng", "count_doi_tuong"), " phạm tội về ma túy, tăng ",
                Q(f"{dec()}%", "pct_decimal"), " so với năm trước.", SEP,
                "Lực lượng chức năng đã thu giữ " + approx + " ", Q(f"{RNG.randint(2, 90)} kg", "approx_kg"), " heroin, ",
                approx + " ", Q(f"{RNG.randint(1, 9)} triệu viên", "approx_multiplier_vien"), " ma túy tổng hợp và ",
                Q(f"{RNG.randint(100, 999)} khẩu", "count_khau"), " súng các loại.", SEP,
                "Trong " + C(["6 tháng đầu năm", "quý III", "tháng 9"]) + f" {y}, đơn vị đã kiểm tra ",
                Q(f"{thou(1000, 5000)} lượt", "thousands_luot"), " người và phát hiện ", Q(f"{RNG.randint(10, 99)} trường hợp", "count_truong_hop"),
                " vi phạm.", SEP,
                "Tỷ lệ điều tra, khám phá các vụ án đạt ", Q(f"{RNG.randint(85, 99)}%", "pct_int"), ", vượt chỉ tiêu ",
                Q(f"{RNG.randint(5, 15)} %", "pct_spaced"), "."]
        yield "E1_yearly_statistics", "E", segs

        # E2 negatives: dates, years, ages, laws, anniversaries, ordinals
        c = C(["la", "kh"])
        cname = FOREIGN[c][2]
        yrs = {"la": (1962, "Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào"), "kh": (1967, "Ngày thiết lập quan hệ ngoại giao Việt Nam - Campuchia")}[c]
        n_ann = RNG.choice([55, 58, 60, 63])
        segs = opening() + [f"Sáng ", NE(f"ngày {date_dash()}", "date_dash"), ", tại thành phố ", NE("Vinh", "nonprov_city"),
                            ", diễn ra lễ kỷ niệm ", NE(f"{n_ann} năm", "anniversary_years"), " " + yrs[1] + ".", SEP,
                            "Dịp này, hai bên điểm lại ", NE(f"kỳ họp thứ {RNG.randint(5, 40)}", "ordinal"), " của Ủy ban hỗn hợp tổ chức vào ",
                            NE(f"tháng {RNG.randint(1, 12)}/{RNG.randint(2023, 2025)}", "month_year"), ".", SEP,
                            "Hiện nay, hơn ", NE(f"{RNG.randint(20, 80)} năm", "duration_years"), " qua, các thế hệ cán bộ vẫn giữ gìn truyền thống.", SEP,
                            "Theo quy định tại ", NE(f"Điều {RNG.randint(248, 256)} Bộ luật Hình sự", "law_article"), " năm 2015, ",
                            "người phạm tội có thể bị phạt tù từ ", NE(f"{RNG.randint(2, 7)} năm", "sentence_years"), " đến ",
                            NE(f"{RNG.randint(8, 15)} năm", "sentence_years"), "."]
        yield "E2_time_law_negatives", "E", segs

        # E3 counts of people, decimals with multipliers, money in several currencies
        s = suspect_vi()
        segs = [f"Theo thống kê, năm {y} có ", Q(f"{thou(1000, 9000)} lượt", "thousands_luot"), " người nước ngoài nhập cảnh qua địa bàn, trong đó ",
                Q(f"{RNG.randint(10, 400)} người", "count_nguoi"), " vi phạm quy chế biên giới.", SEP,
                "Đối tượng ", P(s, "_suspect"), f" (SN 19{RNG.randint(70, 99)}) bị bắt khi đang giữ ", money(), " và ", money(), ".", SEP,
                "Cơ quan điều tra xác định ", G(s), " đã chuyển ", Q(f"{dec()} tỷ đồng", "money_dec_ty_dong"), " cho ",
                Q(f"{RNG.randint(2, 9)} tài khoản", "count_tai_khoan"), " ở nước ngoài."]
        yield "E3_people_money_currencies", "E", segs

        # E4 ranges, "x lần", ages (unclear by scheme; see report)
        a = RNG.randint(2, 9)
        segs = ["Mỗi chuyến, các đối tượng thuê từ ", NE(str(a), "range_from_bare"), " đến ", Q(f"{a + RNG.randint(1, 5)} người", "range_to_unit"),
                " vận chuyển hàng qua đường mòn.", SEP,
                "Giá mỗi kg ma túy tại biên giới cao gấp ", NE(f"{RNG.randint(2, 5)} lần", "times_multiplier"), " so với nơi sản xuất.", SEP,
                "Đối tượng cầm đầu năm nay ", NE(f"{RNG.randint(30, 60)} tuổi", "age"), "."]
        yield "E4_range_times_age", "E", segs


FAMILIES = [fam_A, fam_B, fam_C, fam_D, fam_E]


# ---------------------------------------------------------------- render + compare (copied machinery)
def render(segs, sep):
    text, exp, kinds = "", [], []
    for t, l, k in segs:
        if t == SEP:
            t = sep
        s = len(text)
        text += t
        if l is not None:
            exp.append((s, len(text), l))
        if k is not None:
            kinds.append((s, len(text), l, k))
    return text, exp, kinds


def main():
    make_out_dir()
    t0 = time.time()
    docs = []
    for fam in FAMILIES:
        for fid, grp, segs in fam():
            docs.append((fid, grp, norm_segs(segs)))
    items = []
    for i, (fid, grp, segs) in enumerate(docs):
        for vn, sep in (("sp", " "), ("para", "\n\n")):
            text, exp, kinds = render(segs, sep)
            items.append(dict(id=i, frame=fid, group=grp, variant=vn, text=text, exp=exp, kinds=kinds))
    predict(items, batch_size=128)
    write_results(items)
    print(f"{len(items)} texts ({len(docs)} docs x 2 variants), {sum(1 for i in items if i['fails'])} with failures, "
          f"{time.time() - t0:.1f}s", file=sys.stderr)
    if INVENTED_IN_LIST:
        print("WARNING invented names found in lists:", INVENTED_IN_LIST, file=sys.stderr)
    summarize(items)


def summarize(items):
    tot = collections.Counter()
    for it in items:
        for k in {k for (_, _, _, k) in it["kinds"]} | {"frame_text"}:
            tot[(it["frame"], k)] += 1
    cls = collections.defaultdict(list)
    for it in items:
        for f in set(map(tuple, it["fails"])):
            cls[(it["frame"], f[1], f[0], f[2])].append(it)
    classes = []
    for (fr, k, l, f), its in cls.items():
        nv = collections.Counter(i["variant"] for i in its)
        classes.append(dict(frame=fr, kind=k, label=l, failure=f, n=len(its), total=tot[(fr, k)], by_variant=dict(nv),
                            ex=[(i["text"], [(i["text"][a:b], lab) for a, b, lab in i["exp"]],
                                 [(i["text"][a:b], lab) for a, b, lab in i["pred"]]) for i in its[:3]]))
    classes.sort(key=lambda c: -c["n"])
    (OUT / "classes.json").write_text(json.dumps(classes, ensure_ascii=False, indent=1), encoding="utf-8")
    failing = {(c["frame"], c["kind"]) for c in classes}
    passed = sorted(k for k in tot if k not in failing)
    (OUT / "passed.json").write_text(json.dumps([[*k, tot[k]] for k in passed], ensure_ascii=False), encoding="utf-8")
    fr_tot = collections.Counter(it["frame"] for it in items)
    fr_fail = collections.Counter(it["frame"] for it in items if it["fails"])
    for f in sorted(fr_tot):
        print(f"{f:40s} {fr_fail[f]:5d}/{fr_tot[f]}")
    for c in classes[:80]:
        print(f"{c['n']:5d}/{c['total']:<5d} {c['frame']:36s} {c['kind']:32s} {c['label']:9s} {c['failure']}")


if __name__ == "__main__":
    main()
