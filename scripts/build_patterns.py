"""Build configs/patterns/{organisations,persons,exclusions}.jsonl and classes.json.

The shapes of ORG and PERSON and the exclusions are a small grammar written
out as spaCy token patterns. Edit this file, not the generated files, then:
    .venv/bin/python scripts/build_patterns.py

Written in a clean room: from the annotation scheme and general knowledge of
Vietnamese news writing only, by someone who never read the seed documents,
so that the leave-one-document-out scores of the model on the seeds are
honest (README, "Results on the seeds"). The list files beside them
(ranks, provinces, quantities) are edited by hand.
"""
import itertools
import json
import shutil
from pathlib import Path

from vner.model.nlp import make_nlp

OUT = Path(__file__).resolve().parents[1] / "configs" / "patterns"
NLP = make_nlp("syllable")

DIGITS = {"REGEX": r"^\d+(?:[.,]\d+)*$"}


def toks(s):
    return [t.text for t in NLP(s)]


def ph(s, ci=False, **extra):
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
    if extra and out:
        out[0] = {**out[0], **extra}
    return out


def alt(*phrases, ci=False):
    return [ph(p, ci=ci) for p in phrases]


# A token spec that marks a pattern as second pass without constraining it.
ANY_ENT = {"ENT_TYPE": {"NOT_IN": ["RANK"]}}


def second(pattern):
    """Make sure a token pattern runs in the second pass (tests ENT_TYPE)."""
    if any("ENT_TYPE" in t or "ENT_ID" in t for t in pattern):
        return pattern
    return [{**pattern[0], **ANY_ENT}] + pattern[1:]


lines = {}  # file -> list of dicts


def add(fname, label, pattern, id_=None):
    d = {"label": label, "pattern": pattern}
    if id_:
        d["id"] = id_
    lines.setdefault(fname, []).append(d)


# --------------------------------------------------------------- entities
PROV = {"ENT_TYPE": "PROVINCE", "OP": "+"}
CITY = {"ENT_TYPE": "_CITY", "OP": "+"}
HCM = {"ENT_TYPE": "_HCM", "OP": "+"}
QTY = {"ENT_TYPE": "QUANTITY", "OP": "+"}
SEP = {"ORTH": {"IN": [",", "-", "–", "và"]}}
DASH = {"ORTH": {"IN": ["-", "–"]}}

# --------------------------------------------------------------- vocabularies
# Words that are never part of a person's name (titles, bodies, function words).
STOP_ANY = """Giám Phó Trưởng Bí Chủ Thứ Bộ Cục Phòng Đội Ban Đồn Tổng Ủy Uỷ Sở Tỉnh Huyện Quận
Phường Xã Đảng Chỉ Hiệu Viện Tham Trợ Cán Lãnh Ngày Tháng Năm Báo Ảnh Học Đài Trại Trạm Hội
Thường Tư Nhà Người Các Những Tại Theo Trong Sau Và Với Cùng Đây Đó Khi Ngoài Để Về Của Là Có
Được Đã Sẽ Lào Campuchia Việt Tin Bài Video Clip Nguồn Thủ Kỷ Huân Bằng Giấy Đặc Cơ Sĩ Bệnh
Ngân Tập Tạp Cổng Mặt Quỹ Liên Mẹ Chiến Binh Lực Lượng Cảnh An Ninh Biên""".split()
# "Chiến", "Lực", "Cảnh", "An", "Ninh", "Biên" are given names too: only banned as first syllable.
NON_FIRST_OK = {"Chiến", "Lực", "Cảnh", "An", "Ninh", "Biên", "Binh", "Việt"}
STOP_NAME_ANY = [w for w in STOP_ANY if w not in NON_FIRST_OK]
STOP_NAME_FIRST = STOP_ANY + """Công Chính Đại Trung Quốc Từ Văn Quân Thủ Khu Vùng Miền Sông Núi
Đường Cửa Cầu Bản Làng Thôn Xóm Hạ Thượng Đồng Anh Chị Ông Bà Em Cháu Bác Cô Chú Thầy Ngài Tổ
Trường Nam Bắc Tây Đông Hải Thái Hoàng Gia""".split()
# ("Hoàng", "Thái", "Gia", "Hải" removed again below: they are common surnames/names.)
STOP_NAME_FIRST = [w for w in STOP_NAME_FIRST if w not in ("Hoàng", "Thái", "Gia", "Hải")]

BAD_NAME_ENTS = ["RANK", "_POS", "_CUE", "_DC", "_HON", "_HON2", "_SUSP", "_CITY", "_HCM", "_HCMCUE", "QUANTITY"]


def name_tok(first=False, op=None):
    spec = {
        "IS_TITLE": True,
        "IS_ALPHA": True,
        "NORM": {"NOT_IN": STOP_NAME_FIRST if first else STOP_NAME_ANY},
        "ENT_TYPE": {"NOT_IN": BAD_NAME_ENTS + (["PROVINCE"] if first else [])},
    }
    if op:
        spec["OP"] = op
    return spec


def name_plain(lo, hi):
    """A name of lo..hi capitalised syllables."""
    return [name_tok(first=True), name_tok(op="{%d,%d}" % (max(lo - 1, 0), hi - 1))]


HYPH = {"ORTH": "-", "SPACY": False}


def hyph_unit(k, first):
    """A hyphenated name word of k syllables: "Vi-lay", "Lạ-khăm-phông"."""
    head = dict(name_tok(first=first))
    if k == 1:
        return [head]
    head["SPACY"] = False
    unit = [head]
    for i in range(1, k):
        low = {"IS_LOWER": True, "IS_ALPHA": True}
        if i < k - 1:
            low["SPACY"] = False
        unit += [HYPH, low]
    return unit


def names_hyph():
    out = []
    for n in (1, 2, 3):
        for ks in itertools.product((1, 2, 3, 4), repeat=n):
            if max(ks) < 2:
                continue
            if n == 3 and sum(1 for k in ks if k > 1) < 2:
                continue
            pat = []
            for i, k in enumerate(ks):
                pat += hyph_unit(k, first=(i == 0))
            out.append(pat)
    return out


# Capitalised words of place names (district, commune, border post, prison).
PLACE_STOP = STOP_NAME_ANY + ["Công", "Đại", "Trung", "Quốc"]


def place_tok(op=None, first=False):
    spec = {"IS_TITLE": True, "IS_ALPHA": True, "NORM": {"NOT_IN": PLACE_STOP},
            "ENT_TYPE": {"NOT_IN": ["RANK", "_POS", "_CUE", "_DC", "_HON", "_HON2", "_SUSP", "QUANTITY"]}}
    if op:
        spec["OP"] = op
    return spec


def place_name(hi=4):
    return [place_tok(first=True), place_tok(op="{0,%d}" % (hi - 1))]


# Words that make up the descriptive names of departments, schools, units.
ORG_VOCAB = """điều tra tội phạm về ma túy trật tự xã hội kinh tế tham nhũng buôn lậu môi trường quản lý
hành chính giao thông đường bộ sắt thủy cơ động phòng cháy chữa cứu nạn hộ hình sự thi án cộng
đồng hỗ trợ tư pháp truy nã nội trị đối ngoại địa an ninh mạng công nghệ cao xuất nhập cảnh bảo
vệ văn hóa tưởng mưu tổng hợp hồ sơ nghiệp vụ kỹ thuật khoa học đào tạo bồi dưỡng huấn luyện hậu
cần tài trang bị kho vận chế cải cách xây dựng phong trào toàn dân quốc gia tác tin truyền thông
kế hoạch trại giam giáo dục bắt buộc dưỡng sát biển cửa khẩu chống nhân tối điện tử lục quân
đội vũ kiểm soát đặc nhiệm lãnh thổ biên giới tố tụng miền khu vực thương binh dịch vụ liệu quan
hệ y tế lao phát triển nông nghiệp thôn lực lượng chiến lược tình báo cảnh vệ phản gián trinh
chính sách hợp tác quốc tế ngoại giao di cư định chuyên gia tư vấn ngôn ngữ tiếng việt đa khoa
sân bay hàng không mật mã quản lí lí lý luận thông tin hành động""".split()
# Syllables that start common verbs after a name ("tham gia", "hợp tác với", "đào tạo", "phát hiện") are left out.
ORG_VOCAB = sorted(set(ORG_VOCAB) - set("tham hợp đào huấn xây bảo phát hỗ kiểm báo lí".split()))
# First halves of compounds: a name does not end on them ("... công" of "công bố").
FIRST_HALF = set("""công tội ma trật xã kinh buôn môi quản hành giao đường cơ phòng chữa cứu hình thi cộng tư truy nội
đối an xuất nhập văn tổng hồ nghiệp kỹ khoa bồi hậu tài trang kho cải phong toàn quốc truyền kế trại giáo bắt điện lục
vũ đặc lãnh biên tố khu thương dịch quan y lao nông lực chiến tình di chuyên ngôn sân hàng mật định hệ tiếng đa
về""".split())
ORG_VOCAB_CAP = sorted({w[0].upper() + w[1:] for w in ORG_VOCAB})
# Connectives inside names that must not end one.
ORG_INNER = ["về"]
ORG_LAST = [w for w in ORG_VOCAB if w not in ORG_INNER and w not in FIRST_HALF]


def org_word(op=None, last=False):
    vals = ORG_LAST if last else ORG_VOCAB + ORG_INNER
    caps = [w[0].upper() + w[1:] for w in vals]
    caps = [w for w in caps if w not in ("Trường", "Học", "Phòng", "Bộ", "Cục", "Đội", "Sở", "Trại", "Công", "Văn",
                                         "Ban", "Tổng", "Đồn", "Trung", "Hành", "Chính", "Nhân", "Quân", "Lực", "Cơ")]
    spec = {"NORM": {"IN": vals + caps},
            "ENT_TYPE": {"NOT_IN": ["RANK", "_POS", "QUANTITY", "PROVINCE"]}}
    if op:
        spec["OP"] = op
    return spec


def org_desc():
    """Descriptive department name: a capitalised vocabulary word, then vocabulary words."""
    first = {"NORM": {"IN": ORG_VOCAB_CAP}, "ENT_TYPE": {"NOT_IN": ["RANK", "_POS", "QUANTITY", "PROVINCE"]}}
    return [
        [first],
        [first, org_word(op="{0,12}"), org_word(last=True)],
        # "phòng, chống": a comma inside a name
        [first, org_word(op="{0,6}"), {"LOWER": "phòng"}, {"ORTH": ","}, {"LOWER": "chống"},
         org_word(op="{0,8}"), org_word(last=True)],
        [first, org_word(op="{0,6}"), {"LOWER": "cháy"}, {"ORTH": ","}, {"LOWER": "chữa"}, {"LOWER": "cháy"},
         org_word(op="{0,8}"), org_word(last=True)],
        [first, org_word(op="{0,6}"), org_word(last=True), DASH, first, org_word(op="{0,6}"), org_word(last=True)],
    ]


CODE = {"TEXT": {"REGEX": r"^[A-ZĐ]{1,3}\d{1,3}[A-Z]?$"}}

# --------------------------------------------------------------- countries
COUNTRIES = ["Việt Nam", "Lào", "Campuchia", "Cam-pu-chia", "Thái Lan", "Trung Quốc", "Myanmar", "Mi-an-ma",
             "Hàn Quốc", "Nhật Bản", "Hoa Kỳ", "Liên bang Nga", "CHDCND Lào", "Cộng hòa Dân chủ Nhân dân Lào",
             "Cộng hòa dân chủ nhân dân Lào", "CHXHCN Việt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam",
             "Cộng hòa Xã hội Chủ nghĩa Việt Nam", "Vương quốc Campuchia", "Vương quốc Thái Lan"]


def country_pats(main=False):
    out = []
    for c in (COUNTRIES[:6] if main else COUNTRIES):
        p = ph(c)
        # "Lào" of "Lào Cai" is a province, not the country
        p[0] = {**p[0], "ENT_TYPE": {"NOT_IN": ["PROVINCE"]}}
        out.append([{"LOWER": "nước", "OP": "?"}] + p)
    return out


COUNTRY_SUFFIXES = [[]] + country_pats()

# --------------------------------------------------------------- national bodies
NATIONAL = """Bộ Công an|Bộ Quốc phòng|Bộ Ngoại giao|Bộ An ninh|Bộ Tư pháp|Bộ Y tế|Bộ Tài chính|Bộ Nội vụ|
Bộ Giáo dục và Đào tạo|Bộ Lao động - Thương binh và Xã hội|Bộ Kế hoạch và Đầu tư|Bộ Công Thương|Bộ Công thương|
Bộ Nông nghiệp và Phát triển nông thôn|Bộ Nông nghiệp và Môi trường|Bộ Giao thông vận tải|Bộ Xây dựng|
Bộ Tài nguyên và Môi trường|Bộ Thông tin và Truyền thông|Bộ Văn hóa, Thể thao và Du lịch|Bộ Khoa học và Công nghệ|
Bộ Dân tộc và Tôn giáo|Bộ Thương mại|Bộ Thông tin và Văn hóa|Bộ Thông tin, Văn hóa và Du lịch|Bộ Kế hoạch và Đầu tư|
Chính phủ|Quốc hội|Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương Đảng|Ban Chấp hành Trung ương|Trung ương Đảng|
Quân ủy Trung ương|Đảng ủy Công an Trung ương|Ủy ban Kiểm tra Trung ương|Văn phòng Trung ương Đảng|
Ban Tuyên giáo Trung ương|Ban Tuyên giáo và Dân vận Trung ương|Ban Đối ngoại Trung ương|Ban Nội chính Trung ương|
Ban Tổ chức Trung ương|Ban Dân vận Trung ương|Ban Kinh tế Trung ương|Ban Chính sách, chiến lược Trung ương|
Văn phòng Chính phủ|Văn phòng Quốc hội|Văn phòng Chủ tịch nước|Ủy ban Thường vụ Quốc hội|Ủy ban Quốc phòng và An ninh|
Ủy ban Quốc phòng, An ninh và Đối ngoại|Ủy ban Đối ngoại của Quốc hội|Ủy ban Đối ngoại|
Mặt trận Tổ quốc Việt Nam|Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam|Mặt trận Lào xây dựng đất nước|Mặt trận Lào Xây dựng Đất nước|
Đảng Cộng sản Việt Nam|Đảng Nhân dân Cách mạng Lào|Đảng NDCM Lào|Đảng Nhân dân Campuchia|Đảng Cộng sản Trung Quốc|
Tòa án nhân dân tối cao|Viện Kiểm sát nhân dân tối cao|Viện kiểm sát nhân dân tối cao|Kiểm toán Nhà nước|Ngân hàng Nhà nước Việt Nam|
Thông tấn xã Việt Nam|Thông tấn xã Lào|Đài Truyền hình Việt Nam|Đài Tiếng nói Việt Nam|Đài Tiếng nói nhân dân Lào|Đài Truyền hình quốc gia Lào|
Truyền hình Công an nhân dân|Truyền hình Quốc phòng Việt Nam|Truyền hình Thông tấn|
Bộ Tổng Tham mưu|Bộ Tổng tham mưu|Tổng cục Chính trị|Bộ Tư lệnh Bộ đội Biên phòng|Bộ Tư lệnh BĐBP|
Bộ Tư lệnh Cảnh sát cơ động|Bộ Tư lệnh Cảnh vệ|Bộ Tư lệnh Cảnh sát biển|Cảnh sát biển Việt Nam|Bộ Tư lệnh Thủ đô Hà Nội|
Công an nhân dân|Quân đội nhân dân|Cảnh sát nhân dân|An ninh nhân dân|Cảnh sát Hoàng gia Thái Lan|Tổng cục Cảnh sát quốc gia Campuchia|
Cảnh sát quốc gia Campuchia|Tổng cục Hải quan|Tổng cục Thuế|Cục Hải quan|
Đoàn Thanh niên Cộng sản Hồ Chí Minh|Trung ương Đoàn|Hội Liên hiệp Phụ nữ Việt Nam|Tổng Liên đoàn Lao động Việt Nam|
Hội Cựu chiến binh Việt Nam|Hội Chữ thập đỏ Việt Nam|Hội Hữu nghị Việt Nam - Lào|Hội Hữu nghị Lào - Việt Nam|Hội Hữu nghị Việt - Lào|
Ủy ban Quốc gia phòng, chống AIDS, ma túy, mại dâm|Ủy ban Quốc gia phòng chống và kiểm soát ma túy|
Ủy ban Quốc gia phòng, chống và kiểm soát ma túy|Ủy ban Quốc gia Phòng chống và Kiểm soát ma túy|
Văn phòng Liên hợp quốc về Ma túy và Tội phạm|Văn phòng Liên Hợp Quốc về Ma túy và Tội phạm|Liên hợp quốc|Liên Hợp Quốc|Liên Hiệp Quốc|
Tổ chức Cảnh sát hình sự quốc tế|Tổ chức Cảnh sát Hình sự Quốc tế|Văn phòng Cảnh sát hình sự quốc tế|
ASEANAPOL|INTERPOL|Interpol|UNODC|ASEAN|LHQ|Europol|TTXVN|VOV|VTV|VTC|ANTV|QPVN|KPL|VNA|CAND|QĐND|Vientiane Times|Pasaxon|
Lao News Agency|Báo Pa-xa-xon|Báo Nhân dân Lào|Báo Nhân Dân|Báo Nhân dân|Học viện Chính trị Quốc gia Hồ Chí Minh|
Đài Phát thanh và Truyền hình|Cổng Thông tin điện tử Chính phủ|Cổng thông tin điện tử Chính phủ|Báo điện tử Chính phủ|Báo Điện tử Chính phủ|
Báo điện tử Đảng Cộng sản Việt Nam|Báo Điện tử Đảng Cộng sản Việt Nam|Cổng Thông tin điện tử Bộ Công an|Cổng thông tin điện tử Bộ Công an|
Trường Đại học Kỹ thuật - Hậu cần Công an nhân dân|Học viện Chính trị Công an nhân dân|Trường Đại học Phòng cháy chữa cháy|
Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ|Văn phòng Cơ quan Cảnh sát điều tra Bộ Công an|Cơ quan Cảnh sát điều tra Bộ Công an|
Cơ quan An ninh điều tra Bộ Công an|Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao|
Cục Cảnh sát quản lý trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng|
Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu, môi trường|Cục Cảnh sát điều tra tội phạm về trật tự xã hội|
Cục Cảnh sát điều tra tội phạm về ma túy|Cục Cảnh sát quản lý hành chính về trật tự xã hội|
Cục Cảnh sát quản lý tạm giữ, tạm giam và thi hành án hình sự tại cộng đồng|Cục Phòng, chống ma túy và tội phạm|
Cục Phòng chống ma túy và tội phạm|Cục Trinh sát Biên phòng|Cục Pháp chế và cải cách hành chính, tư pháp|
Cục Công tác đảng và công tác chính trị|Cục Kế hoạch và tài chính|Cục Tổ chức cán bộ|Cục Hợp tác quốc tế|Cục Đối ngoại|
Cục An ninh đối ngoại|Cục Quản lý xuất nhập cảnh|Cục An ninh nội địa|Cục An ninh chính trị nội bộ|Cục An ninh kinh tế|
Cục Cảnh sát hình sự|Cục Cảnh sát cơ động|Cục Cảnh sát giao thông|Cục Cảnh sát kinh tế|Cục Cảnh sát môi trường|
Cục Cảnh sát truy nã tội phạm|Cục Hồ sơ nghiệp vụ|Cục Kỹ thuật nghiệp vụ|Cục Đào tạo|Cục Cửa khẩu|Cục Chính trị|
Cục Cảnh sát phòng chống ma túy|Cục Cảnh sát phòng, chống ma túy|Tổng cục Cảnh sát|Tổng cục An ninh|Tổng cục Hậu cần - Kỹ thuật|
Học viện An ninh nhân dân|Học viện Cảnh sát nhân dân|Học viện Quốc tế|Học viện Biên phòng|Học viện Quốc phòng|Học viện Lục quân|
Học viện Chính trị|Trường Đại học Cảnh sát nhân dân|Trường Đại học An ninh nhân dân|Quân khu|Sở Cảnh sát|Đại sứ quán|Tổng Lãnh sự quán|Lãnh sự quán""".replace("\n", "").split("|")
NATIONAL = [n.strip() for n in NATIONAL if n.strip()]
# Heads that are not names by themselves (used only with a complement below).
NOT_ALONE = {"Quân khu", "Sở Cảnh sát", "Đại sứ quán", "Tổng Lãnh sự quán", "Lãnh sự quán", "Cục Hải quan",
             "Đài Phát thanh và Truyền hình"}
# Bodies that may take a country after them.
TAKES_COUNTRY_PREFIX = ("Bộ ", "Chính phủ", "Quốc hội", "Công an nhân dân", "Quân đội nhân dân", "Cảnh sát nhân dân",
                        "An ninh nhân dân", "Văn phòng Chính phủ", "Bộ đội Biên phòng", "Đài ", "Truyền hình", "Thông tấn",
                        "Tổng cục", "Ban Chấp hành", "Trung ương Đảng", "Bộ Chính trị")

DEPT_PREFIXES = ("Cục", "Tổng cục", "Học viện", "Trường", "Cơ quan", "Văn phòng Cơ quan", "Viện")
F_ORG = "organisations.jsonl"
F_PER = "persons.jsonl"
F_EXC = "exclusions.jsonl"

# National bodies run in the first pass (plain tokens) with id "NAT": a first-pass ORG is a
# safe lead for second-pass shapes (same label: never trimmed) and anchors "Bộ trưởng Bộ Công an" + name.
FIRST_COUNTRY_SUFFIXES = [[]] + [[{"LOWER": "nước", "OP": "?"}] + ph(c) for c in COUNTRIES]
for n in NATIONAL:
    if n in NOT_ALONE:
        continue
    base = ph(n)
    sufs = FIRST_COUNTRY_SUFFIXES if n.startswith(TAKES_COUNTRY_PREFIX) else [[]]
    id_ = "NATDEPT" if n.startswith(DEPT_PREFIXES) else "NAT"
    for s in sufs:
        add(F_ORG, "ORG", base + s, id_)
# "Cục Đối ngoại Bộ Công an", "Học viện An ninh nhân dân Lào": a department, then its ministry or country
NAT_ANY = {"ENT_ID": {"IN": ["NAT", "NATDEPT"]}, "OP": "+"}
for c in [[]] + [[{"LOWER": "nước", "OP": "?"}] + ph(x) for x in COUNTRIES]:
    add(F_ORG, "ORG", [{"ENT_ID": "NATDEPT", "OP": "+"}, {"ENT_ID": "NAT", "OP": "+"}] + c) if True else None
    if c:
        add(F_ORG, "ORG", [{"ENT_ID": "NATDEPT", "OP": "+"}] + c)
# A national body inside a larger unnamed one is not annotated: "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"
# ("Bộ đội Biên phòng", "BĐBP" are second-pass ORG so that these second-pass exclusions can outrank them;
# a first-pass helper at the start of an ORG shape would cut the shape.)
for w in ("Bộ Chỉ huy Bộ đội Biên phòng", "Bộ Chỉ huy BĐBP", "Đảng ủy Bộ đội Biên phòng", "Đảng ủy BĐBP",
          "Bộ đội Biên phòng tỉnh", "BĐBP tỉnh", "Bộ đội Biên phòng huyện", "Bộ đội Biên phòng các", "BĐBP các",
          "Bộ đội Biên phòng hai", "BĐBP hai", "Bộ đội Biên phòng hai nước", "Bộ đội Biên phòng ba", "Bộ Chỉ huy Quân sự",
          "Sở Chỉ huy"):
    add(F_EXC, "_NONE", second(ph(w)))
for w in ("Bộ đội Biên phòng", "BĐBP"):
    for s_ in FIRST_COUNTRY_SUFFIXES:
        add(F_ORG, "ORG", second(ph(w) + s_))

# "Quân khu 4", "Bộ Tư lệnh Quân khu 4"
for h in ("Quân khu", "Bộ Tư lệnh Quân khu", "Bộ Tư lệnh Vùng", "Vùng Cảnh sát biển", "Hải đoàn", "Lữ đoàn", "Sư đoàn"):
    add(F_ORG, "ORG", second(ph(h) + [{"TEXT": {"REGEX": r"^(\d{1,3}|[IVX]{1,4})$"}}]))

# Embassies and consulates: "Đại sứ quán Việt Nam tại Lào" (first pass; "tại" + province in the second)
MAIN_C = COUNTRIES[:6]
for h in ("Đại sứ quán", "Tổng Lãnh sự quán", "Lãnh sự quán", "ĐSQ", "Cơ quan đại diện"):
    for c in MAIN_C:
        add(F_ORG, "ORG", ph(h) + [{"LOWER": "nước", "OP": "?"}] + ph(c), "EMB")
        for c2 in MAIN_C:
            if c2 != c:
                add(F_ORG, "ORG", ph(h) + [{"LOWER": "nước", "OP": "?"}] + ph(c) + [{"LOWER": "tại"}] + ph(c2), "EMB")
add(F_ORG, "ORG", [{"ENT_ID": "EMB", "OP": "+"}, {"LOWER": "tại"}, PROV])
add(F_ORG, "ORG", [{"ENT_ID": "EMB", "OP": "+"}, {"LOWER": "tại"}] + place_name(3))

# --------------------------------------------------------------- bodies with a place
LEVEL_PROV = [  # level word(s) before a province name
    [{"LOWER": "tỉnh"}],
    [CITY],
    [{"LOWER": "thủ"}, {"LOWER": "đô"}],
    [],
]
LEVEL_LOCAL = [  # below province level: followed by a capitalised place name
    [{"LOWER": "huyện"}], [{"LOWER": "quận"}], [{"LOWER": "thị"}, {"LOWER": "xã"}], [{"LOWER": "xã"}],
    [{"LOWER": "phường"}], [{"LOWER": "thị"}, {"LOWER": "trấn"}], [CITY], [{"LOWER": "bản"}],
    [{"LOWER": "cụm"}, {"LOWER": "bản"}], [{"LOWER": "mường"}],
]

PLACE_HEADS = """Công an|Bộ Chỉ huy Quân sự|Ban Chỉ huy Quân sự|BCHQS|Bộ CHQS|Bộ Chỉ huy Bộ đội Biên phòng|Bộ Chỉ huy BĐBP|BCH BĐBP|
Bộ đội Biên phòng|BĐBP|Biên phòng|Bộ Chỉ huy An ninh|Ban Chỉ huy An ninh|Sở An ninh|Bộ Chỉ huy Công an|Ban Chỉ huy Công an|
Bộ Chỉ huy Quân sự - An ninh|UBND|Ủy ban nhân dân|Ủy ban Nhân dân|HĐND|Hội đồng nhân dân|Hội đồng Nhân dân|Thường trực HĐND|
Thường trực Hội đồng nhân dân|Thường trực UBND|Văn phòng UBND|Văn phòng Ủy ban nhân dân|Ủy ban MTTQ|UBMTTQ|Ủy ban MTTQ Việt Nam|
Ủy ban Mặt trận Tổ quốc|Ủy ban Mặt trận Tổ quốc Việt Nam|Mặt trận Tổ quốc|Tòa án nhân dân|TAND|Viện Kiểm sát nhân dân|
Viện kiểm sát nhân dân|VKSND|Cơ quan Cảnh sát điều tra Công an|Cơ quan CSĐT Công an|Cơ quan An ninh điều tra Công an|
Văn phòng Cơ quan Cảnh sát điều tra Công an|Trại tạm giam Công an|Đảng ủy Công an|Ban Thường vụ Đảng ủy Công an|Đảng bộ Công an|
Đài Phát thanh và Truyền hình|Đài PT-TH|Đài PTTH|Báo|Bệnh viện Đa khoa|Bệnh viện đa khoa|Trường Chính trị|Tỉnh đoàn|
Hội Cựu chiến binh|Hội Liên hiệp Phụ nữ|Liên đoàn Lao động|Cục Hải quan|Cục Thuế|Cục Thi hành án dân sự|Cục Quản lý thị trường|
Kho bạc Nhà nước|Bảo hiểm xã hội|Đảng bộ|Ban Chấp hành Đảng bộ|Ủy ban Kiểm tra Đảng ủy Công an|Cổng Thông tin điện tử|
Cổng thông tin điện tử|Cổng TTĐT|Chi cục Hải quan|Ủy ban nhân dân Thủ đô|Sở Ngoại vụ|Sở Tư pháp|Sở Y tế|Sở Nội vụ|
Sở Lao động - Thương binh và Xã hội|Sở Giáo dục và Đào tạo|Sở Văn hóa, Thể thao và Du lịch|Sở Kế hoạch và Đầu tư|Sở Tài chính|
Sở Công Thương|Sở Nông nghiệp và Phát triển nông thôn|Sở Giao thông vận tải|Sở Tài nguyên và Môi trường|Sở Thông tin và Truyền thông|
Sở Văn hóa và Thể thao|Sở Xây dựng|Sở Khoa học và Công nghệ|Sở Quốc phòng|Sở Thông tin, Văn hóa và Du lịch|Sở Ngoại giao|
Sở Công an|Sở Kế hoạch và Đầu tư""".replace("\n", "").split("|")
PLACE_HEADS = [h.strip() for h in PLACE_HEADS if h.strip()]
CI_HEADS = {"Công an"}  # "công an tỉnh X" written lower case still names the force


def head_pats(h):
    if h in CI_HEADS:
        return [ph(h), ph(h.lower())]
    return [ph(h)]


ORG_CORES = []  # token patterns of the place-bound police/border bodies (to append after units)
for h in PLACE_HEADS:
    for hp in head_pats(h):
        for lv in LEVEL_PROV:
            add(F_ORG, "ORG", second(hp + lv + [PROV]))
        add(F_ORG, "ORG", second(hp + [CITY, HCM]))
        if h not in ("Báo", "Biên phòng", "Cổng Thông tin điện tử", "Cổng thông tin điện tử", "Cổng TTĐT"):
            for lv in LEVEL_LOCAL:
                add(F_ORG, "ORG", second(hp + lv + place_name(4)))
                if lv and lv[0].get("LOWER") in ("quận", "phường"):
                    add(F_ORG, "ORG", second(hp + lv + [{"TEXT": {"REGEX": r"^\d{1,2}$"}}]))
LV_OPT = {"LOWER": {"IN": ["tỉnh", "thủ", "đô"]}, "OP": "{0,2}"}
ORG_CORES += [ph("Công an") + [LV_OPT, PROV], ph("Công an") + [CITY, PROV], ph("Công an") + [CITY, HCM],
              ph("Công an") + [{"LOWER": {"IN": ["huyện", "quận", "xã", "phường"]}}] + place_name(4),
              ph("Công an thị xã") + place_name(4), ph("Công an") + [CITY] + place_name(4),
              ph("Bộ Chỉ huy Bộ đội Biên phòng") + [LV_OPT, PROV], ph("Bộ Chỉ huy BĐBP") + [LV_OPT, PROV],
              ph("Bộ đội Biên phòng") + [LV_OPT, PROV], ph("BĐBP") + [LV_OPT, PROV],
              ph("Bộ Chỉ huy An ninh") + [LV_OPT, PROV], ph("Sở An ninh") + [LV_OPT, PROV],
              ph("Bộ Chỉ huy Quân sự") + [LV_OPT, PROV]]
ORG_CORES.append(ph("Bộ Công an"))
ORG_CORES.append(ph("Bộ Công an") + ph("Lào"))
ORG_CORES.append(ph("Bộ An ninh") + ph("Lào"))
ORG_CORES.append(ph("Bộ An ninh"))
ORG_CORES.append(ph("Bộ Quốc phòng"))
ORG_CORES.append(ph("Bộ Tư lệnh Bộ đội Biên phòng"))
ORG_CORES.append(ph("Bộ Tư lệnh BĐBP"))

# Party committees named by their province: "Tỉnh ủy Quảng Bình", "Thường trực Tỉnh ủy Quảng Bình"
PARTY_HEADS = """Tỉnh ủy|Thường trực Tỉnh ủy|Ban Thường vụ Tỉnh ủy|Ban Chấp hành Đảng bộ tỉnh|Đảng bộ tỉnh|Ban Tuyên giáo Tỉnh ủy|
Ban Tuyên giáo và Dân vận Tỉnh ủy|Ban Nội chính Tỉnh ủy|Ban Tổ chức Tỉnh ủy|Ban Dân vận Tỉnh ủy|Ban Đối ngoại Tỉnh ủy|
Ủy ban Kiểm tra Tỉnh ủy|Văn phòng Tỉnh ủy|Thành ủy|Thường trực Thành ủy|Ban Thường vụ Thành ủy|Đảng ủy Khối|
Ban Chỉ đạo|Đảng ủy Quân sự tỉnh|Đảng ủy Bộ đội Biên phòng tỉnh|Đảng ủy BĐBP tỉnh""".replace("\n", "").split("|")
for h in PARTY_HEADS:
    h = h.strip()
    if h == "Ban Chỉ đạo":
        continue
    add(F_ORG, "ORG", second(ph(h) + [PROV]))
    if h.startswith(("Thành ủy", "Thường trực Thành ủy", "Ban Thường vụ Thành ủy")):
        add(F_ORG, "ORG", second(ph(h) + [HCM]))
        add(F_ORG, "ORG", second(ph(h) + place_name(3)))
for h in ("Huyện ủy", "Thường trực Huyện ủy", "Ban Thường vụ Huyện ủy", "Thị ủy", "Quận ủy", "Đảng ủy xã", "Đảng ủy phường"):
    add(F_ORG, "ORG", second(ph(h) + place_name(4)))

# --------------------------------------------------------------- departments and schools
DEPT_NATIONAL = ["Cục", "Tổng cục", "Học viện", "Trường Đại học", "Trường Cao đẳng", "Trường Trung cấp", "Trường Sĩ quan",
                 "Trường Văn hóa", "Đại học", "Viện", "Bộ Tư lệnh", "Ủy ban Quốc gia", "Văn phòng Thường trực",
                 "Trường Đào tạo", "Trường Bồi dưỡng", "Trường Chính trị", "Tạp chí", "Trung tâm Huấn luyện"]
TAILS = [[]] + [ph("Công an nhân dân") + c for c in ([[]] + country_pats(main=True)[:2])] \
    + [ph("Cảnh sát nhân dân") + c for c in ([[]] + country_pats(main=True)[:2])] \
    + [ph("An ninh nhân dân") + c for c in ([[]] + country_pats(main=True)[:2])] \
    + [[HCM]] + [[{"TEXT": {"REGEX": r"^[IVX]{1,4}$"}}]] + [[{"TEXT": {"REGEX": r"^\d{1,2}$"}}]] \
    + country_pats(main=True) \
    + [ph("Bộ Công an"), ph("Bộ Công an Lào"), ph("Bộ An ninh"), ph("Bộ An ninh Lào"), ph("Bộ Quốc phòng"),
       ph("Bộ Tư lệnh Bộ đội Biên phòng"), ph("Bộ Tư lệnh BĐBP"), ph("Bộ Quốc phòng Lào"), ph("Bộ Ngoại giao")] \
    + [ph("Bộ Công an") + c for c in country_pats(main=True)[:2]]
NOT_ORG = {"ENT_TYPE": {"NOT_IN": ["ORG"]}}


def free_head(h):
    """Head tokens that are not already part of a first-pass ORG (a national body)."""
    p = ph(h)
    return [{**p[0], **NOT_ORG}] + p[1:]


for h in DEPT_NATIONAL:
    for d in org_desc():
        for t in TAILS:
            if h in ("Viện", "Tạp chí") and t and t[0].get("TEXT"):
                continue
            add(F_ORG, "ORG", free_head(h) + d + t)
    # code names: "Cục C10", "Cục A02", "Cục C04 Bộ Công an"
    if h in ("Cục", "Tổng cục", "Bộ Tư lệnh"):
        for t in [[], ph("Bộ Công an"), ph("Bộ Quốc phòng"), ph("Bộ An ninh Lào"), ph("Bộ Công an Lào")]:
            add(F_ORG, "ORG", free_head(h) + [CODE] + t)
# Schools named by a place: "Trường Đại học Vinh", "Đại học Quốc gia Hà Nội"
for h in ("Trường Đại học", "Đại học", "Trường Cao đẳng", "Trường Chính trị", "Trường Sĩ quan"):
    add(F_ORG, "ORG", free_head(h) + place_name(3))
    add(F_ORG, "ORG", free_head(h) + [PROV])
    add(F_ORG, "ORG", free_head(h) + ph("Quốc gia") + [PROV])
    add(F_ORG, "ORG", free_head(h) + ph("Quốc gia") + [HCM])

# Units inside a police/border body: "Phòng Cảnh sát ... Công an tỉnh X", "Phòng PC04 Công an tỉnh X"
UNITS = ["Phòng", "Đội", "Trung tâm", "Văn phòng", "Ban", "Trạm", "Tiểu đoàn", "Đại đội", "Cơ quan",
         "Trại tạm giam", "Nhà tạm giữ", "Cục", "Tổng cục", "Trường", "Bệnh viện", "Viện", "Sở", "Đoàn Đặc nhiệm"]
for u in UNITS:
    names = org_desc() + [[CODE]]
    for nm in names:
        for core in ORG_CORES:
            add(F_ORG, "ORG", free_head(u) + nm + core)
            add(F_ORG, "ORG", second(ph(u) + nm + [{"LOWER": "thuộc"}] + core)) if False else None
for u in ("Phòng", "Đội", "Cục"):
    for core in ORG_CORES:
        add(F_ORG, "ORG", second([{"TEXT": {"REGEX": r"^P[A-Z]\d{2}$"}}] + core)) if u == "Phòng" else None

# Border posts: "Đồn Biên phòng Nậm Cắn", "Đồn Biên phòng Cửa khẩu Quốc tế Cầu Treo"
BP_HEADS = ["Đồn Biên phòng", "đồn Biên phòng", "Đồn BP", "Đồn biên phòng", "Trạm Kiểm soát Biên phòng",
            "Trạm kiểm soát Biên phòng", "Ban Chỉ huy Biên phòng", "Đồn Công an", "Trạm Biên phòng", "Hải đội Biên phòng",
            "Đại đội Biên phòng", "Đồn Biên phòng tuyến"]
BP_MID = [[], ph("cửa khẩu", ci=True), ph("cửa khẩu quốc tế", ci=True), ph("Cửa khẩu Quốc tế"), ph("CKQT"),
          ph("CK"), ph("cửa khẩu cảng", ci=True), ph("cửa khẩu quốc gia", ci=True), ph("Cửa khẩu Quốc gia"),
          ph("cảng", ci=True)]
for h in BP_HEADS:
    for m in BP_MID:
        add(F_ORG, "ORG", free_head(h) + m + place_name(4))
    add(F_ORG, "ORG", free_head(h) + [{"TEXT": {"REGEX": r"^\d{1,4}$"}}])
# "Bộ đội Biên phòng Nghệ An" handled by PLACE_HEADS ("Bộ đội Biên phòng" + PROVINCE)

# Prisons
for h in ("Trại giam", "Trại tạm giam", "Trại giam Công an"):
    add(F_ORG, "ORG", free_head(h) + place_name(3))
    add(F_ORG, "ORG", free_head(h) + [{"LOWER": "số"}, {"TEXT": {"REGEX": r"^\d{1,3}$"}}])
    add(F_ORG, "ORG", free_head(h) + [PROV])

# Newspapers named freely: "Báo Công an nhân dân", "Báo Biên phòng", "Báo Tuổi Trẻ"
NEWS_LOW = """nhân dân phòng đội an điện tử luật niên trẻ động phong sản giải phóng đời sống pháp tế ninh thủ đô mới
xã hội văn hóa thời sự quân đoàn kết nghệ thông tin chính phủ""".split()
news_first = place_tok(first=True)
news_next = {"NORM": {"IN": NEWS_LOW}, "OP": "?"}
for h in ("Báo", "Tạp chí", "Tuần báo", "Nhật báo", "Báo điện tử", "Báo Điện tử", "Trang thông tin điện tử",
          "Đài Phát thanh", "Đài Truyền hình"):
    add(F_ORG, "ORG", (free_head(h) + [news_first, {"IS_TITLE": True, "IS_ALPHA": True, "OP": "{0,3}",
                                                  "NORM": {"NOT_IN": PLACE_STOP}},
                                       {"NORM": {"IN": NEWS_LOW}, "OP": "{0,2}"}]))
    add(F_ORG, "ORG", (free_head(h) + [news_first, {"NORM": {"IN": NEWS_LOW}, "OP": "{1,2}"},
                                       {"IS_TITLE": True, "IS_ALPHA": True, "OP": "{0,2}",
                                        "NORM": {"NOT_IN": PLACE_STOP}}]))
    add(F_ORG, "ORG", second(ph(h) + ph("Công an nhân dân")))
    add(F_ORG, "ORG", second(ph(h) + ph("Quân đội nhân dân")))
    add(F_ORG, "ORG", second(ph(h) + [{"TEXT": {"REGEX": r"^[A-ZĐ]{2,6}$"}}]))
# Web addresses of news sites and agencies: Baonghean.vn, cand.com.vn
add(F_ORG, "ORG", second([{"TEXT": {"REGEX": r"^[A-Za-z][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)*\.(vn|com|net|org|la|gov|info|tv|kh|th)$"}}]))

# --------------------------------------------------------------- coordination: not one ORG
COORD_HEADS = ["Công an", "công an", "Bộ Chỉ huy Bộ đội Biên phòng", "Bộ Chỉ huy BĐBP", "Bộ đội Biên phòng", "BĐBP",
               "Bộ Chỉ huy Quân sự", "Bộ Chỉ huy An ninh", "Ban Chỉ huy An ninh", "Sở An ninh", "UBND", "Ủy ban nhân dân",
               "HĐND", "Tỉnh ủy", "Thường trực Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "Báo", "Đài Phát thanh và Truyền hình",
               "Lãnh đạo Công an", "Bộ Chỉ huy Công an"]
LV = {"LOWER": {"IN": ["tỉnh", "thủ", "đô"]}, "OP": "*"}
for h in COORD_HEADS:
    for n in (2, 3, 4):
        pat = ph(h) + [LV, PROV]
        for _ in range(n - 1):
            pat += [SEP, LV, PROV]
        add(F_EXC, "_UNWRAP", pat)
        pat2 = ph(h) + [LV, PROV]
        for _ in range(n - 2):
            pat2 += [{"ORTH": ","}, LV, PROV]
        pat2 += [{"ORTH": ","}, {"LOWER": "và"}, LV, PROV]
        if n >= 2:
            add(F_EXC, "_UNWRAP", pat2)
# "Bộ Công an hai nước", "Chính phủ hai nước", "Bộ Công an 2 nước" -> not one organisation
GEN_COUNT = {"LOWER": {"IN": ["hai", "ba", "bốn", "các", "những", "cả"]}}
GEN_NOUN = {"LOWER": {"IN": ["nước", "bên", "quốc", "tỉnh", "ngành", "đơn", "địa"]}}
# National bodies are first-pass ORG, so these exclusions are first-pass too (longest wins).
for n in ["Bộ Công an", "Bộ Quốc phòng", "Bộ Ngoại giao", "Bộ An ninh", "Chính phủ", "Quốc hội", "Bộ Tư pháp",
          "Bộ đội Biên phòng", "BĐBP", "Công an nhân dân", "Quân đội nhân dân", "Bộ Chính trị", "Văn phòng Chính phủ",
          "Bộ Tư lệnh Bộ đội Biên phòng", "Đảng Cộng sản", "Mặt trận Tổ quốc", "Bộ Nội vụ", "Bộ Y tế", "Cảnh sát nhân dân"]:
    add(F_EXC, "_NONE", ph(n) + [GEN_COUNT, GEN_NOUN])
    add(F_EXC, "_NONE", ph(n) + [{"LOWER": {"IN": ["các", "hai", "ba", "những"]}}, {"LOWER": {"IN": ["quốc", "bên"]}},
                                 {"LOWER": {"IN": ["gia"]}, "OP": "?"}])
    for c1 in ("Việt Nam", "Lào", "Campuchia", "Thái Lan", "Việt"):
        for c2 in ("Việt Nam", "Lào", "Campuchia", "Thái Lan"):
            if c1 != c2:
                add(F_EXC, "_NONE", ph(n) + ph(c1) + [SEP] + ph(c2))

# --------------------------------------------------------------- PERSON
PER_CUES_FIRST = []
# cues (first pass helpers)
for w in ("đồng chí", "Đồng chí", "ĐỒNG CHÍ", "đ/c", "Đ/c", "Đ/C"):
    add(F_PER, "_DC", ph(w))
for w in ("ông", "Ông", "bà", "Bà", "ngài", "Ngài"):
    add(F_PER, "_HON", ph(w))
for w in ("anh", "chị", "Anh", "Chị", "cháu", "em", "cô", "thầy", "Thầy", "chú"):
    add(F_PER, "_HON2", ph(w))
for w in ("đối tượng", "Đối tượng", "bị can", "Bị can", "bị cáo", "Bị cáo", "nghi phạm", "Nghi phạm", "phạm nhân",
          "Phạm nhân", "tên", "kẻ", "nạn nhân", "Nạn nhân", "liệt sĩ", "Liệt sĩ", "liệt sỹ", "Liệt sỹ", "anh hùng",
          "Anh hùng", "học viên", "Học viên", "trinh sát", "Trinh sát", "chiến sĩ", "Chiến sĩ", "cán bộ", "Cán bộ",
          "bà mẹ", "Mẹ", "mẹ", "già làng", "Già làng", "trưởng bản", "Trưởng bản", "cụ", "Cụ", "thượng úy"):
    if w == "thượng úy":
        continue
    add(F_PER, "_SUSP", ph(w))
CREDIT_WORDS = ["Ảnh", "ảnh", "Tin", "Bài", "Video", "Clip", "Bài và ảnh", "Tin và ảnh", "Bài, ảnh", "Tin, ảnh",
                "Tin, ảnh, clip", "Bài, ảnh, clip", "Ảnh, clip", "Ảnh và clip", "Tin, video", "Bài, video", "Tin - ảnh",
                "Bài - ảnh", "Thực hiện", "Tác giả", "Nhóm phóng viên", "Nhóm PV", "Ảnh minh họa", "Ảnh tư liệu",
                "Ảnh minh hoạ", "Ảnh tư liệu", "Ảnh chụp màn hình", "Clip", "Đồ họa", "Tin ảnh"]
for w in CREDIT_WORDS:
    add(F_PER, "_CUE", ph(w) + [{"ORTH": ":"}])
    add(F_PER, "_CUE", ph(w) + [{"ORTH": "-"}]) if w in ("Ảnh", "Tin", "Bài", "Bài, ảnh", "Tin, ảnh") else None
TITLES = """Thủ tướng|Phó Thủ tướng|Phó Thủ tướng Thường trực|Tổng Bí thư|Chủ tịch nước|Phó Chủ tịch nước|
Bộ trưởng|Thứ trưởng|Thứ trưởng Thường trực|Giám đốc|Phó Giám đốc|Chủ tịch|Phó Chủ tịch|Bí thư|Phó Bí thư|
Tỉnh trưởng|Phó Tỉnh trưởng|Đại sứ|Tổng Lãnh sự|Lãnh sự|Trưởng phòng|Phó Trưởng phòng|Đội trưởng|Phó Đội trưởng|
Đồn trưởng|Phó Đồn trưởng|Chính ủy|Phó Chính ủy|Chỉ huy trưởng|Phó Chỉ huy trưởng|Tư lệnh|Phó Tư lệnh|Cục trưởng|
Phó Cục trưởng|Tổng cục trưởng|Phó Tổng cục trưởng|Trưởng đoàn|Phó Trưởng đoàn|Trưởng ban|Phó Trưởng ban|Viện trưởng|
Phó Viện trưởng|Hiệu trưởng|Phó Hiệu trưởng|Giám thị|Phó Giám thị|Chánh Văn phòng|Phó Chánh Văn phòng|Chánh án|
Tổng Thư ký|Ủy viên|Chủ nhiệm|Phó Chủ nhiệm|Trung đoàn trưởng|Tiểu đoàn trưởng|Đại đội trưởng|Trạm trưởng|
Tổ trưởng|giám đốc|phó giám đốc|Nguyên Chủ tịch nước|Nguyên Tổng Bí thư|Nguyên Bộ trưởng|Nguyên Thủ tướng""".replace("\n", "").split("|")
for t in TITLES:
    t = t.strip()
    if t == "Thiếu tướng":
        continue
    add(F_PER, "_POS", ph(t))
for w in ("tư tưởng", "Tư tưởng", "phong cách", "tấm gương", "Di chúc", "di chúc", "lời dạy", "Lời dạy", "Bác",
          "đạo đức", "Người"):
    add(F_PER, "_HCMCUE", ph(w))

# cue + name shapes (second pass; the cue is a first-pass entity and stays outside the PERSON span)
CUE_RANGES = {"RANK": (2, 7), "_DC": (2, 7), "_POS": (2, 6), "_HON": (1, 5), "_HON2": (2, 4), "_SUSP": (2, 5),
              "_CUE": (2, 4)}
for cue, (lo, hi) in CUE_RANGES.items():
    c = {"ENT_TYPE": cue, "OP": "+"}
    add(F_PER, "PERSON", [c] + name_plain(lo, hi))
    if cue in ("RANK", "_DC", "_POS", "_SUSP", "_HON"):
        for nm in names_hyph():
            add(F_PER, "PERSON", [c] + nm)
add(F_PER, "PERSON", [{"ENT_ID": "NAT", "OP": "+"}] + name_plain(2, 6))  # "Bộ trưởng Bộ Công an Lương Tam Quang"
for nm in names_hyph():
    add(F_PER, "PERSON", [{"ENT_ID": "NAT", "OP": "+"}] + nm)
# "đồng chí Đại tá X": rank between the cue and the name is handled by the RANK shape.
# "Chủ tịch Hồ Chí Minh", "tư tưởng Hồ Chí Minh"
add(F_PER, "PERSON", [{"ENT_TYPE": "_POS", "OP": "+"}, HCM])
add(F_PER, "PERSON", [{"ENT_TYPE": "_HCMCUE", "OP": "+"}, HCM])

# --------------------------------------------------------------- exclusions (_NONE)
CENTRAL = ["VN:Hà Nội", "VN:Hải Phòng", "VN:Đà Nẵng", "VN:Cần Thơ", "VN:Huế", "VN:Hồ Chí Minh", "LA:Viêng Chăn",
           "KH:Phnôm Pênh", "TH:Băng Cốc"]
# A city that shares a province's name is not the province: "TP Hà Tĩnh", "thành phố Thanh Hóa"
add(F_EXC, "_NONE", [CITY, {"ENT_TYPE": "PROVINCE", "ENT_ID": {"NOT_IN": CENTRAL}, "OP": "+"}])
# Districts, communes, rivers, passes, border gates named like a province: "huyện Quảng Ninh", "sông Sê Kông"
LOCALS = ["huyện", "Huyện", "quận", "Quận", "thị xã", "Thị xã", "thị trấn", "Thị trấn", "xã", "Xã", "phường",
          "Phường", "bản", "Bản", "làng", "thôn", "xóm", "sông", "Sông", "suối", "núi", "Núi", "đèo", "Đèo", "phố", "đường phố",
          "cửa khẩu", "Cửa khẩu", "cửa khẩu quốc tế", "Cửa khẩu Quốc tế", "sân bay", "Sân bay", "ga", "Ga", "cảng", "Cảng",
          "chợ", "Chợ", "hồ", "Hồ", "khu kinh tế", "Khu kinh tế", "cầu", "Cầu", "thành cổ", "Thành cổ", "đường", "Đường",
          "mường", "Mường", "cụm bản", "thủ phủ"]
for w in LOCALS:
    add(F_EXC, "_NONE", ph(w) + [PROV])
for w in ("Thái Bình Dương", "Điện Biên Phủ", "Hà Nội mới", "Covid-19", "COVID-19", "Covid - 19", "SARS-CoV-2",
          "Thái Bình Dương", "Châu Á - Thái Bình Dương", "Ấn Độ Dương - Thái Bình Dương", "Nam Định Lào"):
    if w == "Nam Định Lào":
        continue
    add(F_EXC, "_NONE", ph(w))
# Time expressions, ordinals, references, dates are not QUANTITY
for w in ("năm", "Năm", "thứ", "Thứ", "Điều", "điều", "khoản", "Khoản", "Quốc lộ", "quốc lộ", "QL", "Tỉnh lộ",
          "tỉnh lộ", "Km", "km", "Nghị định", "Thông tư", "Chỉ thị", "Quyết định", "Nghị quyết", "Kết luận",
          "Khóa", "Kế hoạch", "Chương trình", "số", "Số", "mốc", "Mốc",
          "Cột mốc", "cột mốc", "Quân khu", "phường", "Phường", "Quận", "quận", "lúc", "Lúc", "ngày", "Ngày", "tháng",
          "Tháng", "đêm", "Đêm", "sáng", "trưa", "chiều", "tối", "Tổ", "tổ"):
    if w in ("số", "Số"):
        # "số 12 vụ" is a quantity after "tổng số", but "Trại giam số 6", "Quyết định số 12 bộ" are not
        add(F_EXC, "_NONE", [{"LOWER": {"IN": ["quyết", "nghị", "thông", "công", "văn", "kế", "chỉ", "luật"]}},
                             {"LOWER": {"IN": ["định", "quyết", "tư", "văn", "bản", "hoạch", "thị", "lệnh"]}},
                             {"LOWER": "số"}, QTY])
        continue
    add(F_EXC, "_NONE", ph(w) + [QTY])
# dates "ngày 12/3 tỉnh ..." and "12-3"
add(F_EXC, "_NONE", [{"TEXT": {"REGEX": r"^\d{1,2}$"}}, {"ORTH": {"IN": ["/", "-"]}}, QTY])
add(F_EXC, "_NONE", [{"TEXT": {"REGEX": r"^\d{1,4}$"}}, {"ORTH": {"IN": ["/", "-"]}},
                     {"TEXT": {"REGEX": r"^\d{1,4}$"}}, {"ORTH": {"IN": ["/", "-"]}}, QTY])
# a year directly followed by a counter word: "2023 người" in "năm học 2023 ..." — handled with "năm" above

# --------------------------------------------------------------- write, with word classes
# Long word lists are written once, to classes.json, and patterns test
# {"_": {"vner_<class>": true/false}} instead of repeating {"NORM": {"IN"/"NOT_IN": [...]}}
# (the same test: vner_token_classes compares token.norm_ with the list).
CLASSES = {
    "org_word": org_word()["NORM"]["IN"],
    "org_word_last": org_word(last=True)["NORM"]["IN"],
    "org_word_first": ORG_VOCAB_CAP,
    "not_name_first": STOP_NAME_FIRST,
    "not_name": STOP_NAME_ANY,
    "not_place": PLACE_STOP,
}
BY_VALUES = {frozenset(values): name for name, values in CLASSES.items()}
assert len(BY_VALUES) == len(CLASSES), "two classes with the same words"
MIN_CLASS = 40  # shorter lists stay inline


def compact(spec):
    norm = spec.get("NORM")
    if not (isinstance(norm, dict) and len(norm) == 1):
        return spec
    (op, values), = norm.items()
    if op not in ("IN", "NOT_IN") or len(values) < MIN_CLASS:
        return spec
    name = BY_VALUES.get(frozenset(values))
    if name is None:
        raise SystemExit(f"A long NORM list is not a named class: {values[:5]}... Add it to CLASSES.")
    out = {k: v for k, v in spec.items() if k != "NORM"}
    out["_"] = {**spec.get("_", {}), f"vner_{name}": op == "IN"}
    return out


for fname, items in lines.items():
    with open(OUT / fname, "w", encoding="utf-8") as fh:
        seen = set()
        for d in items:
            if isinstance(d["pattern"], list):
                d = {**d, "pattern": [compact(t) for t in d["pattern"]]}
            s = json.dumps(d, ensure_ascii=False)
            if s in seen:
                continue
            seen.add(s)
            fh.write(s + "\n")
with open(OUT / "classes.json", "w", encoding="utf-8") as fh:
    json.dump({name: {"attr": "NORM", "values": sorted(set(values))} for name, values in CLASSES.items()},
              fh, ensure_ascii=False, indent=1)
    fh.write("\n")
for p in sorted(OUT.glob("*.jsonl")):
    print(p.name, sum(1 for _ in open(p, encoding="utf-8")))
