"""Scheme decisions the rule patterns and the resolver must follow (configs/patterns/, vner/model/ruler.py).

Every sentence here was written for these tests; the names of people are
invented. Each case gives the whole entity list of its sentence, so a span
found too many fails as well as one missed.
"""

import pytest

from vner.annotation.rules import rules_pipeline


@pytest.fixture(scope="module")
def nlp():
    return rules_pipeline()


def ents(nlp, text):
    doc = nlp(text)
    assert doc.text == text
    return [(e.text, e.label_) for e in doc.ents]


# ---------------------------------------------------------------- rule 3: an abbreviation in brackets is its own span


@pytest.mark.parametrize("text, expected", [
    # the scheme's own shape: the long name with its province, then the abbreviation
    ("Văn phòng Liên lạc phòng, chống ma túy qua biên giới tỉnh Quảng Bình (BLO) vừa ra mắt.",
     [("Văn phòng Liên lạc phòng, chống ma túy qua biên giới tỉnh Quảng Bình", "ORG"), ("BLO", "ORG")]),
    ("Công an tỉnh Điện Biên (CAĐB) chủ trì.", [("Công an tỉnh Điện Biên", "ORG"), ("CAĐB", "ORG")]),
    # a longer organisation with its sub-units
    ("Đội Trinh sát đặc nhiệm Phòng PC04 Công an tỉnh Sơn La (ĐTS1) triển khai.",
     [("Đội Trinh sát đặc nhiệm Phòng PC04 Công an tỉnh Sơn La", "ORG"), ("ĐTS1", "ORG")]),
    ("Phòng Cảnh sát kinh tế Công an tỉnh Lai Châu (PC03) kiểm tra.",
     [("Phòng Cảnh sát kinh tế Công an tỉnh Lai Châu", "ORG"), ("PC03", "ORG")]),
    ("Văn phòng Liên hợp quốc về Ma túy và Tội phạm (UNODC) tài trợ.",
     [("Văn phòng Liên hợp quốc về Ma túy và Tội phạm", "ORG"), ("UNODC", "ORG")]),
    ("Hiệp hội Cảnh sát các nước Đông Nam Á (ASEANAPOL) họp thường niên.",
     [("Hiệp hội Cảnh sát các nước Đông Nam Á", "ORG"), ("ASEANAPOL", "ORG")]),
    # defining words inside the brackets: only the abbreviation
    ("Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (viết tắt là A05) cảnh báo.",
     [("Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", "ORG"), ("A05", "ORG")]),
    ("Công an tỉnh Hà Tĩnh (gọi tắt là CAHT) chủ trì.", [("Công an tỉnh Hà Tĩnh", "ORG"), ("CAHT", "ORG")]),
    ("Công an tỉnh Hà Tĩnh (sau đây gọi tắt là CAHT) chủ trì.",
     [("Công an tỉnh Hà Tĩnh", "ORG"), ("CAHT", "ORG")]),
    ("Công an tỉnh Hà Tĩnh (viết tắt: CAHT) chủ trì.", [("Công an tỉnh Hà Tĩnh", "ORG"), ("CAHT", "ORG")]),
    # "&" and "-" inside the abbreviation
    ("Công an tỉnh Hà Tĩnh (CA-HT) và Công an tỉnh Nghệ An (CA&NA) họp.",
     [("Công an tỉnh Hà Tĩnh", "ORG"), ("CA-HT", "ORG"), ("Công an tỉnh Nghệ An", "ORG"), ("CA&NA", "ORG")]),
])
def test_an_abbreviation_in_brackets_after_an_org_is_an_org(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Văn phòng Liên lạc phòng, chống ma túy qua biên giới tỉnh Quảng Bình (BLO) ra mắt. Từ đó, BLO đã bắt 3 đối tượng.",
     [("Văn phòng Liên lạc phòng, chống ma túy qua biên giới tỉnh Quảng Bình", "ORG"), ("BLO", "ORG"),
      ("BLO", "ORG"), ("3 đối tượng", "QUANTITY")]),
    ("Công an tỉnh Hà Tĩnh (gọi tắt là CAHT) chủ trì. Sau đó CAHT kết luận.",
     [("Công an tỉnh Hà Tĩnh", "ORG"), ("CAHT", "ORG"), ("CAHT", "ORG")]),
    ("Công an tỉnh Hà Tĩnh (CA-HT) họp. Đại diện CA-HT phát biểu.",
     [("Công an tỉnh Hà Tĩnh", "ORG"), ("CA-HT", "ORG"), ("CA-HT", "ORG")]),
    # a unit's code defined after its full name: the bare code and "Phòng" + code are that unit again
    ("Phòng Cảnh sát kinh tế Công an tỉnh Lai Châu (PC03) kiểm tra. Sau đó PC03 và Phòng PC03 báo cáo.",
     [("Phòng Cảnh sát kinh tế Công an tỉnh Lai Châu", "ORG"), ("PC03", "ORG"), ("PC03", "ORG"),
      ("Phòng PC03", "ORG")]),
    # part of a longer abbreviation, or counted (generic): not that body
    ("Công an tỉnh Hà Tĩnh (CA) họp. CA-HT và các CA bạn, 2 CA khác.", [("Công an tỉnh Hà Tĩnh", "ORG"), ("CA", "ORG")]),
])
def test_an_abbreviation_defined_in_brackets_recurs_as_org(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # after a PERSON, a PROVINCE or a QUANTITY the brackets define nothing
    ("Đại tá Hồ Văn Khiêm (PC04) phát biểu. Sau đó PC04 báo cáo.", [("Đại tá", "RANK"), ("Hồ Văn Khiêm", "PERSON")]),
    # (not "BLO": a border liaison office, an ORG wherever it appears since session 14b)
    ("Ông Lê Quang Vịnh (LQV) dự họp. LQV có ý kiến.", [("Lê Quang Vịnh", "PERSON")]),
    ("Đoàn đến tỉnh Sơn La (SL) hôm qua. SL đón đoàn.", [("Sơn La", "PROVINCE")]),
    ("Thu giữ 25 kg (KG) ma túy.", [("25 kg", "QUANTITY")]),
    # brackets that hold no abbreviation
    ("Công an tỉnh Nghệ An (2023) tổng kết.", [("Công an tỉnh Nghệ An", "ORG")]),
    ("Bộ Công an (ảnh) họp.", [("Bộ Công an", "ORG")]),
    ("Công an tỉnh Hà Tĩnh (Nghệ An) họp.", [("Công an tỉnh Hà Tĩnh", "ORG"), ("Nghệ An", "PROVINCE")]),
    ("Trường Cao đẳng Cảnh sát nhân dân (II) khai giảng.", [("Trường Cao đẳng Cảnh sát nhân dân", "ORG")]),
    ("Công an tỉnh Hà Tĩnh (gọi tắt là Công an tỉnh) họp.", [("Công an tỉnh Hà Tĩnh", "ORG")]),
    ("Bộ Công an (Việt Nam) và Bộ An ninh (Lào) ký kết.", [("Bộ Công an", "ORG"), ("Bộ An ninh", "ORG")]),
    ("Bộ Công an (VN) và Bộ Công an (USA) họp.", [("Bộ Công an", "ORG"), ("Bộ Công an", "ORG")]),  # countries
    # a byline's role after its source
    ("Theo Báo Nghệ An (CTV) và Báo Sơn La (PV).", [("Báo Nghệ An", "ORG"), ("Báo Sơn La", "ORG")]),
])
def test_brackets_that_define_no_organisation(nlp, text, expected):
    assert ents(nlp, text) == expected


# ---------------------------------------------------------------- abbreviations and codes without brackets


@pytest.mark.parametrize("text, expected", [
    # well-known bodies by their own abbreviation (words/national.txt)
    ("INTERPOL, ASEANAPOL và UNODC cùng dự.", [("INTERPOL", "ORG"), ("ASEANAPOL", "ORG"), ("UNODC", "ORG")]),
    ("DEA và FBI cử chuyên gia sang.", [("DEA", "ORG"), ("FBI", "ORG")]),
    # a national department by its code (unique national bodies, as "Cục C10"), alone or with its ministry
    ("Lực lượng A05 và C03 vào cuộc.", [("A05", "ORG"), ("C03", "ORG")]),
    ("Ông Trần Văn Lâm, Phó Cục trưởng C04 Bộ Công an, cho biết.",
     [("Trần Văn Lâm", "PERSON"), ("C04 Bộ Công an", "ORG")]),
    ("Cục trưởng Cục C04 dự họp.", [("Cục C04", "ORG")]),
    # one national body wherever it stands, also in brackets after a person (a provincial code there is not)
    ("Đại tá Lê Văn An (C03) dự họp.", [("Đại tá", "RANK"), ("Lê Văn An", "PERSON"), ("C03", "ORG")]),
    # a provincial code before its parent: one ORG (rule 2); alone it names no one body
    ("Phòng ban phối hợp với PC04 Công an tỉnh Nghệ An.", [("PC04 Công an tỉnh Nghệ An", "ORG")]),
    ("PC04 đã bắt 2 đối tượng.", [("2 đối tượng", "QUANTITY")]),
    # not a department's code
    ("Sự kiện A80 diễn ra tại Hà Nội.", [("Hà Nội", "PROVINCE")]),
])
def test_bodies_and_codes_without_brackets(nlp, text, expected):
    assert ents(nlp, text) == expected


# ---------------------------------------------------------------- gaps of the rules README


@pytest.mark.parametrize("text, expected", [
    # a province that is also a common word or a name, inside a police name (province-ambiguous.txt)
    ("Công an tỉnh Hòa Bình và Công an Thái Bình phối hợp.",
     [("Công an tỉnh Hòa Bình", "ORG"), ("Công an Thái Bình", "ORG")]),
    ("Công an tỉnh Hoà Bình và Công an tỉnh Long An ký kết.",
     [("Công an tỉnh Hoà Bình", "ORG"), ("Công an tỉnh Long An", "ORG")]),
    ("Giám đốc Công an tỉnh Hà Giang Phùng Văn Sử dự.", [("Công an tỉnh Hà Giang", "ORG"), ("Phùng Văn Sử", "PERSON")]),
    ("Phòng PC04 Công an tỉnh Kiên Giang và Sở Công an tỉnh Sê Kông họp.",
     [("Phòng PC04 Công an tỉnh Kiên Giang", "ORG"), ("Sở Công an tỉnh Sê Kông", "ORG")]),
    ("Công an các tỉnh Hòa Bình, Thái Bình và Sơn La ký kết.",
     [("Hòa Bình", "PROVINCE"), ("Thái Bình", "PROVINCE"), ("Sơn La", "PROVINCE")]),
    ("Ông Nguyễn Hòa Bình dự họp. Hòa bình là khát vọng.", [("Nguyễn Hòa Bình", "PERSON")]),
    # the state inspectorate of a province or district is a body named by its place (rule 3)
    ("Thanh tra tỉnh Nghệ An kiểm tra. Thanh tra huyện Kỳ Sơn phối hợp.",
     [("Thanh tra tỉnh Nghệ An", "ORG"), ("Thanh tra huyện Kỳ Sơn", "ORG")]),
    ("Thanh tra Bộ Công an và Thanh tra Công an tỉnh Hà Tĩnh làm việc.",
     [("Thanh tra Bộ Công an", "ORG"), ("Thanh tra Công an tỉnh Hà Tĩnh", "ORG")]),
    ("Đoàn thanh tra tỉnh Nghệ An làm việc.", [("Nghệ An", "PROVINCE")]),  # the activity, not the body
    # an envoy, the country and the place, then the name
    ("Đại sứ Việt Nam tại Lào Vũ Minh Khang dự lễ.", [("Vũ Minh Khang", "PERSON")]),
    ("Đại sứ Đặc mệnh toàn quyền Việt Nam tại Campuchia Đoàn Quốc Việt phát biểu.",
     [("Đoàn Quốc Việt", "PERSON")]),
    ("Đại sứ Lào tại Việt Nam Khăm-phăn Xổm-bun-thăm tiếp đoàn.", [("Khăm-phăn Xổm-bun-thăm", "PERSON")]),
    ("Tổng Lãnh sự Việt Nam tại Luông Pha Bang Lại Văn Nghĩa tiếp đoàn.",
     [("Luông Pha Bang", "PROVINCE"), ("Lại Văn Nghĩa", "PERSON")]),
    ("Tùy viên Công an Việt Nam tại Lào Đinh Văn Thành dự.", [("Đinh Văn Thành", "PERSON")]),
    ("Đại sứ nước Cộng hòa Dân chủ Nhân dân Lào tại Việt Nam Sẻng-phết Hùng-bun-nhuông dự.",
     [("Sẻng-phết Hùng-bun-nhuông", "PERSON")]),
    ("Đại sứ Việt Nam tại Lào cho biết hai bên hợp tác.", []),
    ("Đại sứ quán Việt Nam tại Lào tổ chức lễ.", [("Đại sứ quán Việt Nam tại Lào", "ORG")]),
    # two credits in one line
    ("Toàn cảnh. Ảnh: Vi Thị Hằng - Cù Minh Tiến", [("Vi Thị Hằng", "PERSON"), ("Cù Minh Tiến", "PERSON")]),
    ("Lễ ký kết (Ảnh: Công an tỉnh Hà Tĩnh - Mai Văn Lực).",
     [("Công an tỉnh Hà Tĩnh", "ORG"), ("Mai Văn Lực", "PERSON")]),
    ("Toàn cảnh. Ảnh: Vi Thị Hằng/Cù Minh Tiến", [("Vi Thị Hằng", "PERSON"), ("Cù Minh Tiến", "PERSON")]),
    ("Toàn cảnh. Ảnh: Vi Thị Hằng - Cù Minh Tiến/TTXVN",
     [("Vi Thị Hằng", "PERSON"), ("Cù Minh Tiến", "PERSON"), ("TTXVN", "ORG")]),
    # the source in brackets closes the line
    ("Toàn cảnh. Ảnh: Vi Thị Hằng, Cù Minh Tiến (Báo Sơn La) và hiện trường.",
     [("Vi Thị Hằng", "PERSON"), ("Cù Minh Tiến", "PERSON"), ("Báo Sơn La", "ORG")]),
    ("Toàn cảnh. Ảnh: Hồ sơ/Lưu trữ", []),
])
def test_readme_gaps(nlp, text, expected):
    assert ents(nlp, text) == expected


# ---------------------------------------------------------------- session 5b: names, bodies of the neighbours, precision


@pytest.mark.parametrize("text, expected", [
    # a given name alone at the start of a sentence, before a verb of news reports (gazetteers/name-follower.txt)
    ("Thượng tá Lò Văn Thắm dự họp. Thắm quán triệt yêu cầu.",
     [("Thượng tá", "RANK"), ("Lò Văn Thắm", "PERSON"), ("Thắm", "PERSON")]),
    ("Ông Lò Văn Pọm dự. Pọm trao quà cho bà con. Pọm rất vui.",
     [("Lò Văn Pọm", "PERSON"), ("Pọm", "PERSON"), ("Pọm", "PERSON")]),
    ("Đối tượng Hờ A Dình bị bắt. Dình tàng trữ 2 bánh heroin.",
     [("Hờ A Dình", "PERSON"), ("Dình", "PERSON"), ("2 bánh", "QUANTITY")]),
    ("Trung tá Đinh Quang Khải báo cáo. Khải thay mặt đoàn cảm ơn.",
     [("Trung tá", "RANK"), ("Đinh Quang Khải", "PERSON"), ("Khải", "PERSON")]),
    ("Đại tá Phăn-xổm Xay-nha-xỏn dự. Sau đó, Phăn-xổm trao quà.",
     [("Đại tá", "RANK"), ("Phăn-xổm Xay-nha-xỏn", "PERSON"), ("Phăn-xổm", "PERSON")]),
    ("Đại tá Nguyễn Thị Thu Hương dự. Thu Hương nhấn mạnh sự phối hợp.",
     [("Đại tá", "RANK"), ("Nguyễn Thị Thu Hương", "PERSON"), ("Thu Hương", "PERSON")]),
    # not after a name syllable that starts a common word before those verbs
    ("Đồng chí Lê Văn Phát dự. Phát hiện là đối tượng, lực lượng bắt giữ.", [("Lê Văn Phát", "PERSON")]),
    ("Ông Lê Văn Xuân dự. Xuân năm nay đến sớm.", [("Lê Văn Xuân", "PERSON")]),
    ("Ông Lê Văn Như dự. Như nêu trên, hai bên thống nhất.", [("Lê Văn Như", "PERSON")]),
    ("Ông Lê Văn Vận dự. Vận động viên tham gia giải chạy.", [("Lê Văn Vận", "PERSON")]),
    ("Ông Lê Văn Tâm dự. Tâm sự của chiến sĩ trẻ.", [("Lê Văn Tâm", "PERSON")]),
])
def test_a_given_name_alone_before_a_verb_of_news(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # three and four words, Latin script, Lao names glued by hyphens or in spaced syllables
    ("Thiếu tướng Nguyễn Thị Minh Nguyệt phát biểu.", [("Thiếu tướng", "RANK"), ("Nguyễn Thị Minh Nguyệt", "PERSON")]),
    ("Đồng chí Tôn Nữ Thanh Thảo chủ trì.", [("Tôn Nữ Thanh Thảo", "PERSON")]),
    ("Ông John Peterson, Giám đốc dự án, phát biểu.", [("John Peterson", "PERSON")]),
    ("Đại tá Somkiat Phanthavong cho biết.", [("Đại tá", "RANK"), ("Somkiat Phanthavong", "PERSON")]),
    ("Thiếu tướng Khăm-phăn Phôm-ma-vông dự họp.", [("Thiếu tướng", "RANK"), ("Khăm-phăn Phôm-ma-vông", "PERSON")]),
    ("Ông Thoong Chăn Phôm Ma Vông cho biết.", [("Thoong Chăn Phôm Ma Vông", "PERSON")]),
    # academic and professional titles are cues (gazetteers/title.txt), not entities
    ("Tiến sĩ Anna Keller trình bày.", [("Anna Keller", "PERSON")]),
    ("Bác sĩ Trần Thị Mai khám bệnh cho 50 người.", [("Trần Thị Mai", "PERSON"), ("50 người", "QUANTITY")]),
    ("Tiến sĩ cho biết hai bên hợp tác. Các nhà báo Việt Nam và Lào dự.", []),
    # a title, a body that names no place, a name that starts with a family name: the PERSON (rule 3: no ORG)
    ("Giám đốc Công an tỉnh Phạm Văn Tú phát biểu.", [("Phạm Văn Tú", "PERSON")]),
    ("Giám đốc Công an tỉnh Hà Tĩnh dự.", [("Công an tỉnh Hà Tĩnh", "ORG")]),
    ("Giám đốc Công an tỉnh cho biết.", []),
    # the family names of the border minorities end a district's name (words/not-place.txt)
    ("Đội trưởng Đội Cảnh sát ma túy Công an huyện Kỳ Sơn Vi Văn Hòa cho biết.",
     [("Đội Cảnh sát ma túy Công an huyện Kỳ Sơn", "ORG"), ("Vi Văn Hòa", "PERSON")]),
])
def test_names_after_a_cue(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a credit or a byline in capitals: a family name, then middle and given names, three or four words
    ("Bài và ảnh: HOÀNG MINH TÚ", [("HOÀNG MINH TÚ", "PERSON")]),
    ("Tin, ảnh: TÔN NỮ THANH THẢO", [("TÔN NỮ THANH THẢO", "PERSON")]),
    ("Ảnh: TRẦN VĂN NAM/TTXVN", [("TRẦN VĂN NAM", "PERSON"), ("TTXVN", "ORG")]),
    ("Hai bên trao quà.\nNGUYỄN VĂN HÒA", [("NGUYỄN VĂN HÒA", "PERSON")]),
    ("Hai bên trao quà.\n\nNGUYỄN VĂN HÒA - LÊ THỊ THU HÀ", [("NGUYỄN VĂN HÒA", "PERSON"), ("LÊ THỊ THU HÀ", "PERSON")]),
    ("Hai bên trao quà.\n\nTRẦN VĂN NAM (TTXVN)", [("TRẦN VĂN NAM", "PERSON"), ("TTXVN", "ORG")]),
    # headlines, provinces, roles and the city in capitals are no names
    ("Hai bên trao quà.\nPHẠM HÙNG", [("PHẠM HÙNG", "PERSON")]),  # a byline of two words
    ("TĂNG CƯỜNG HỢP TÁC\nHai bên.", []),
    ("VŨ KHÍ TỰ CHẾ\nHai bên.", []),
    ("HÀ NAM\nHai bên.", []),
    ("HỒ CHÍ MINH\nHai bên.", []),
    ("Ảnh: CTV", []),
    ("Ảnh: ĐỖ XE TRÁI PHÉP", []),
    ("Hai bên trao quà.\n\nLÊ VĂN AN, CTV", []),
    # a headline is no byline; the name in it after "ĐỒNG CHÍ" is a name all the same
    ("ĐỒNG CHÍ NGUYỄN VĂN AN PHÁT BIỂU\nHai bên.", [("NGUYỄN VĂN AN", "PERSON")]),
    # a province that ends a name of a credit or byline is a given name (Trang is also a Thai province)
    ("Toàn cảnh.\nẢnh: Đức Anh - Thu Trang", [("Đức Anh", "PERSON"), ("Thu Trang", "PERSON")]),
    ("Hai bên trao đổi.\n\nĐức Anh - Thu Trang", [("Đức Anh", "PERSON"), ("Thu Trang", "PERSON")]),
    ("Hai bên trao đổi.\n\nNguyễn Hà Giang", [("Nguyễn Hà Giang", "PERSON")]),
    ("Hai bên trao đổi.\n\nHướng Về Sơn La", [("Sơn La", "PROVINCE")]),
    ("Toàn cảnh.\nẢnh: Công an tỉnh Trang", [("Công an tỉnh Trang", "ORG")]),
    ("Hai bên trao đổi.\n\nNghệ An", [("Nghệ An", "PROVINCE")]),
])
def test_credits_and_bylines_in_capitals(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the anti-drug bodies of the neighbours, with their country (words/national.txt)
    ("Ủy ban Kiểm soát ma túy Thái Lan và Ủy ban Quốc gia phòng, chống ma túy Campuchia ký kết với "
     "Ủy ban Phòng chống ma túy quốc gia Lào.",
     [("Ủy ban Kiểm soát ma túy Thái Lan", "ORG"), ("Ủy ban Quốc gia phòng, chống ma túy Campuchia", "ORG"),
      ("Ủy ban Phòng chống ma túy quốc gia Lào", "ORG")]),
    ("Cơ quan Phòng chống ma túy Campuchia hỗ trợ.", [("Cơ quan Phòng chống ma túy Campuchia", "ORG")]),
    # a committee, office or department with a descriptive name, then its country (rule 3: the country names it)
    ("Ủy ban Phòng chống ma túy Campuchia hợp tác.", [("Ủy ban Phòng chống ma túy Campuchia", "ORG")]),
    ("Văn phòng Kiểm soát ma túy Thái Lan hợp tác.", [("Văn phòng Kiểm soát ma túy Thái Lan", "ORG")]),
    # coordinated countries (generic), a provincial unit word, lower case: nothing
    ("Cục Phòng chống ma túy Lào và Việt Nam hợp tác.", []),
    ("Ủy ban Phòng chống ma túy Lào và Campuchia họp.", []),
    ("Phòng Cảnh sát hình sự Lào hợp tác.", []),
    ("Ủy ban phòng chống ma túy Lào hợp tác.", []),
    ("Bộ An ninh Lào và Bộ Nội vụ Campuchia hợp tác.", [("Bộ An ninh Lào", "ORG"), ("Bộ Nội vụ Campuchia", "ORG")]),
    ("Cục Phòng chống ma túy Bộ An ninh Lào tham dự.", [("Cục Phòng chống ma túy Bộ An ninh Lào", "ORG")]),
    ("Thứ trưởng Bộ An ninh Lào Vi-lay Lạ-khăm-phông tiếp đoàn.",
     [("Bộ An ninh Lào", "ORG"), ("Vi-lay Lạ-khăm-phông", "PERSON")]),
    ("Bộ trưởng Bộ Nội vụ Campuchia Sar Sokha hội đàm.", [("Bộ Nội vụ Campuchia", "ORG"), ("Sar Sokha", "PERSON")]),
    # a department of the ministry, with it (rule 2)
    ("Văn phòng Thường trực phòng, chống tội phạm và ma túy Bộ Công an tổng hợp.",
     [("Văn phòng Thường trực phòng, chống tội phạm và ma túy Bộ Công an", "ORG")]),
    # a unit inside a title keeps its parent (rule 2); "hợp" ends a descriptive name ("Tham mưu tổng hợp")
    ("Thiếu tá Hoàng Văn Khải, Đội trưởng Đội Tham mưu tổng hợp Công an huyện Tương Dương cho biết.",
     [("Thiếu tá", "RANK"), ("Hoàng Văn Khải", "PERSON"), ("Đội Tham mưu tổng hợp Công an huyện Tương Dương", "ORG")]),
    ("Phòng Cảnh sát hình sự phối hợp Công an tỉnh Nghệ An.", [("Công an tỉnh Nghệ An", "ORG")]),
    # unnamed: lower case, a meeting's office
    ("Uỷ ban phòng chống ma túy của tỉnh họp.", []),
    ("Văn phòng thường trực của hội nghị làm việc.", []),
    # rule 7: a comma between a unit and its parent is no part of a name; the unit alone names nothing (rule 3)
    ("Phòng Cảnh sát hình sự, Công an tỉnh Thanh Hóa bắt 3 đối tượng.",
     [("Công an tỉnh Thanh Hóa", "ORG"), ("3 đối tượng", "QUANTITY")]),
])
def test_bodies_of_the_neighbours_and_departments(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # people counted in digits (gazetteers/unit.txt); spelled out or generic, nothing (rule 5)
    ("Các đại biểu và hai đại biểu Lào dự. Có 120 đại biểu.", [("120 đại biểu", "QUANTITY")]),
    # dates, durations, ordinals, districts, countries, titles without names (rules 4-5)
    ("Ngày 12/3, trong 6 tháng đầu năm, lần thứ 29, huyện Mường Tè, nước Lào, Thái Lan và Campuchia.", []),
    ("Đại sứ, Phó Giám đốc, Thứ trưởng và Tổng Lãnh sự cùng dự.", []),
    ("Thắng lợi của chuyên án là rất lớn. Bình thường đối tượng ở nhà.", []),
    ("Lần thứ 5, Ban Chỉ đạo họp tại huyện Mường Nhé.", []),
    # a place that starts with "Bà" is no "bà" + name (the province keeps its span)
    ("Công an tỉnh Bà Rịa - Vũng Tàu phối hợp. Bà Rịa là thành phố.", [("Công an tỉnh Bà Rịa - Vũng Tàu", "ORG")]),
    ("Tỉnh Bà Rịa - Vũng Tàu và núi Bà Đen.", [("Bà Rịa - Vũng Tàu", "PROVINCE")]),
    ("Bà Lê Thị Lan dự.", [("Lê Thị Lan", "PERSON")]),
])
def test_what_the_new_rules_leave_alone(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a unit word that opens no name (no capitalised word or code after it) and is a given name ends the name
    ("Đại tá Nguyễn Văn Trường phát biểu. Trường cho biết sẽ phối hợp.",
     [("Đại tá", "RANK"), ("Nguyễn Văn Trường", "PERSON"), ("Trường", "PERSON")]),
    ("Đại tá Nguyễn Văn Trường, Hiệu trưởng Trường Đại học Cảnh sát nhân dân dự.",
     [("Đại tá", "RANK"), ("Nguyễn Văn Trường", "PERSON"), ("Trường Đại học Cảnh sát nhân dân", "ORG")]),
    ("Ông Lê Văn Trường dự. Trường hợp này khó. Ông Trường cho biết.",
     [("Lê Văn Trường", "PERSON"), ("Trường", "PERSON")]),
    # with no such person, "Trường hợp" is a common word and "Trường Đại học ..." a school
    ("Trường hợp đối tượng bỏ trốn. Trường Đại học Cảnh sát nhân dân khai giảng.",
     [("Trường Đại học Cảnh sát nhân dân", "ORG")]),
])
def test_a_given_name_that_is_a_unit_word(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a place that ran on into the name of the person after it gives the name back (family + middle + given)
    ("Trưởng Công an thành phố Vinh Hồ Văn Tấn báo cáo. Tấn đề nghị.",
     [("Công an thành phố Vinh", "ORG"), ("Hồ Văn Tấn", "PERSON"), ("Tấn", "PERSON")]),
    ("Trưởng Công an huyện Văn Bàn Hồ Văn Tú dự.", [("Công an huyện Văn Bàn", "ORG"), ("Hồ Văn Tú", "PERSON")]),
    ("Trưởng Công an huyện Tây Hồ Lê Thị Thu Hà phát biểu.",
     [("Công an huyện Tây Hồ", "ORG"), ("Lê Thị Thu Hà", "PERSON")]),
    # places that look like names stay whole; a name right after the level word may be the commune's own
    ("Công an thành phố Hồ Chí Minh phối hợp.", [("Công an thành phố Hồ Chí Minh", "ORG")]),
    ("Công an huyện Văn Bàn phối hợp Công an huyện Hà Quảng.",
     [("Công an huyện Văn Bàn", "ORG"), ("Công an huyện Hà Quảng", "ORG")]),
    ("Công an quận Tây Hồ phối hợp.", [("Công an quận Tây Hồ", "ORG")]),
    ("Công an xã Lò Văn Pọm phối hợp.", [("Công an xã Lò Văn Pọm", "ORG")]),
    ("Trưởng Công an phường Nguyễn Trãi dự.", [("Công an phường Nguyễn Trãi", "ORG")]),
    # ... but after a title it is the title holder's name: the body names no place (rule 3)
    ("Trưởng Công an xã Lò Văn Pọm báo cáo.", [("Lò Văn Pọm", "PERSON")]),
    ("Chủ tịch UBND xã Vi Văn Thắng dự.", [("Vi Văn Thắng", "PERSON")]),
    ("Trưởng Công an xã Nậm Cắn Lò Văn Pọm báo cáo.", [("Công an xã Nậm Cắn", "ORG"), ("Lò Văn Pọm", "PERSON")]),
])
def test_a_title_a_local_body_and_a_name(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # provinces of the neighbours that are common given names need a province word (province-ambiguous.txt)
    ("Thiếu tá Nguyễn Thu Trang dự. Thu Trang cho biết. Chị Trang nói.",
     [("Thiếu tá", "RANK"), ("Nguyễn Thu Trang", "PERSON"), ("Thu Trang", "PERSON"), ("Trang", "PERSON")]),
    ("Đại tá Nguyễn Thanh Hải dự. Thanh Hải cho biết.",
     [("Đại tá", "RANK"), ("Nguyễn Thanh Hải", "PERSON"), ("Thanh Hải", "PERSON")]),
    ("Chị Trang và anh An Huy dự.", [("Trang", "PERSON")]),
    ("Đoàn thăm tỉnh Trang và tỉnh Thanh Hải, tỉnh An Huy.",
     [("Trang", "PROVINCE"), ("Thanh Hải", "PROVINCE"), ("An Huy", "PROVINCE")]),
    ("Cảnh sát tỉnh Trang phối hợp. Công an tỉnh Thanh Hải dự.",
     [("Cảnh sát tỉnh Trang", "ORG"), ("Công an tỉnh Thanh Hải", "ORG")]),
])
def test_a_province_that_is_a_given_name(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a person's short form that is a Vietnamese province, opening a clause before a verb of speech: the person
    ("Ông Nguyễn Hòa Bình dự họp. Hòa Bình cho biết sẽ phối hợp.",
     [("Nguyễn Hòa Bình", "PERSON"), ("Hòa Bình", "PERSON")]),
    ("Đại tá Trần Thái Bình dự. Sau đó, Thái Bình phát biểu. Tỉnh Thái Bình có 8 huyện.",
     [("Đại tá", "RANK"), ("Trần Thái Bình", "PERSON"), ("Thái Bình", "PERSON"), ("Thái Bình", "PROVINCE"),
      ("8 huyện", "QUANTITY")]),
    # a province may stand for its government ("đề nghị"), and "là" says nothing: the province stays
    ("Ông Nguyễn Hòa Bình dự họp. Hòa Bình là tỉnh miền núi. Hòa Bình đề nghị Bộ hỗ trợ.",
     [("Nguyễn Hòa Bình", "PERSON"), ("Hòa Bình", "PROVINCE"), ("Hòa Bình", "PROVINCE")]),
    ("Hòa Bình cho biết sẽ phối hợp.", [("Hòa Bình", "PROVINCE")]),  # no such person named
])
def test_a_short_form_that_is_a_vietnamese_province(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # unit words that are given names ("Viện", "Ban"; person-vi-given.txt) end the name instead of cutting it
    ("Thượng tá Nguyễn Văn Viện phát biểu tại buổi lễ.", [("Thượng tá", "RANK"), ("Nguyễn Văn Viện", "PERSON")]),
    ("Trung tá Trần Văn Ban, Phó Trưởng Công an huyện, báo cáo.", [("Trung tá", "RANK"), ("Trần Văn Ban", "PERSON")]),
    ("Viện Khoa học hình sự và Ban Chỉ đạo họp.", [("Viện Khoa học hình sự", "ORG")]),
    # a city's party committee is named by the city alone (rule 3), also inside a title
    ("Thành ủy Vinh tổ chức hội nghị.", [("Thành ủy Vinh", "ORG")]),
    ("Bí thư Thành ủy Vinh Nguyễn Văn Khải dự lễ.", [("Thành ủy Vinh", "ORG"), ("Nguyễn Văn Khải", "PERSON")]),
    ("Ban Thường vụ Thành ủy Hạ Long và Thành ủy Đà Lạt ký kết.",
     [("Ban Thường vụ Thành ủy Hạ Long", "ORG"), ("Thành ủy Đà Lạt", "ORG")]),
    ("Thành ủy đã chỉ đạo. Thành ủy, HĐND thành phố cùng dự.", []),
])
def test_unit_words_given_names_and_city_committees(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # headlines in capitals: the unit and the multiplier in capitals too (rule 5)
    ("BẮT 5 ĐỐI TƯỢNG, THU 2.000 VIÊN MA TÚY", [("5 ĐỐI TƯỢNG", "QUANTITY"), ("2.000 VIÊN", "QUANTITY")]),
    ("THU GIỮ 1,2 TỶ ĐỒNG VÀ 15 NGHÌN VIÊN MA TÚY", [("1,2 TỶ ĐỒNG", "QUANTITY"), ("15 NGHÌN VIÊN", "QUANTITY")]),
    # ... and what is no quantity in lower case is none in capitals
    ("NĂM 2024 BẮT 120 VỤ", [("120 VỤ", "QUANTITY")]),
    ("HỘI NGHỊ LẦN THỨ 5 ĐOÀN CÔNG TÁC HAI NƯỚC", []),
    ("NGÀY 12 THÁNG 3, TRONG 6 THÁNG ĐẦU NĂM", []),
])
def test_quantities_in_capitals(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # after a credit cue, two words in capitals that read family + given name, and one given name, are a PERSON (rule 6)
    ("Ảnh: HOÀNG MINH", [("HOÀNG MINH", "PERSON")]),
    ("Ảnh: PHẠM TUẤN - LÊ HÀ", [("PHẠM TUẤN", "PERSON"), ("LÊ HÀ", "PERSON")]),
    ("Ảnh: Hùng", [("Hùng", "PERSON")]),
    ("Lực lượng chức năng kiểm tra hàng hóa (Ảnh: Tuấn).", [("Tuấn", "PERSON")]),
    ("Ảnh: Hùng - Minh Khôi", [("Hùng", "PERSON"), ("Minh Khôi", "PERSON")]),
    # a source, words, or capitals that are no name: nothing (or the ORG)
    ("Ảnh: Internet", []),
    ("Ảnh: CTV", []),
    ("Ảnh: Tư liệu", []),
    ("Ảnh: VŨ KHÍ", []),
    ("Ảnh: TTXVN", [("TTXVN", "ORG")]),
    # a paragraph of two words in capitals that read family + given name is a byline; a province is none
    ("LÊ HÀ", [("LÊ HÀ", "PERSON")]),
    ("HÀ NAM", []),
    ("CAO BẰNG", [("CAO BẰNG", "PROVINCE")]),
    # provinces and bodies in capital headlines; common words that are provinces only after a province word
    ("ĐIỆN BIÊN - PHÔNG XA LỲ: TĂNG CƯỜNG PHỐI HỢP", [("ĐIỆN BIÊN", "PROVINCE"), ("PHÔNG XA LỲ", "PROVINCE")]),
    ("CÔNG AN TỈNH NGHỆ AN VÀ CÔNG AN TỈNH HỦA PHĂN KÝ KẾT",
     [("CÔNG AN TỈNH NGHỆ AN", "ORG"), ("CÔNG AN TỈNH HỦA PHĂN", "ORG")]),
    ("BỘ CÔNG AN TỔNG KẾT NĂM 2024", [("BỘ CÔNG AN", "ORG")]),
    ("VÌ HÒA BÌNH VÀ HỮU NGHỊ", []),
    ("THÀNH PHỐ HÀ TĨNH ĐÓN ĐOÀN TỈNH TRANG", [("TRANG", "PROVINCE")]),
])
def test_short_credits_and_capitals(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name right before its year of birth ("(SN 1980", ", sinh năm 1991,") is a PERSON, with no cue before it
    ("Lực lượng bắt quả tang Xổm Phon Thạ Vông (SN 1991, quốc tịch Lào) đang vận chuyển hàng.",
     [("Xổm Phon Thạ Vông", "PERSON")]),
    ("Kẻ cầm đầu là Hoàng Văn Sáu (SN 1980, trú huyện Tuyên Hóa). Tại cơ quan điều tra, Sáu khai nhận.",
     [("Hoàng Văn Sáu", "PERSON"), ("Sáu", "PERSON")]),
    ("Bắt Nguyễn Văn Tùng (SN: 1985) và Lò Thị Mai, sinh năm 1990, trú tại xã Mường Lống.",
     [("Nguyễn Văn Tùng", "PERSON"), ("Lò Thị Mai", "PERSON")]),
    ("Hai đối tượng Sỉ-phon (SN 1970) và Khăm-phăn (SN 1975) bị bắt.",
     [("Sỉ-phon", "PERSON"), ("Khăm-phăn", "PERSON")]),
    # an entity, a function word or a lone syllable before it is no name
    ("Công an tỉnh Nghệ An (SN 1990) và Cục C04, sinh năm 2000.", [("Công an tỉnh Nghệ An", "ORG"), ("Cục C04", "ORG")]),
    ("Theo đó (SN 1990), năm sinh Tùng (SN 1985) được xác minh.", []),
    # descriptive names with "sử dụng": "... tội phạm sử dụng công nghệ cao" (words/org-vocabulary.txt)
    ("Cục Cảnh sát phòng chống tội phạm sử dụng công nghệ cao (A05) chủ trì.",
     [("Cục Cảnh sát phòng chống tội phạm sử dụng công nghệ cao", "ORG"), ("A05", "ORG")]),
])
def test_names_before_a_birth_year(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # counter words of goods, vehicles, people and accounts (gazetteers/unit.txt): number + one word (rule 5)
    ("Tổ tuần tra dùng 4 xuồng máy, phát hiện 2 bè mảng và tháo gỡ 41 bẫy thú.",
     [("4 xuồng máy", "QUANTITY"), ("2 bè mảng", "QUANTITY"), ("41 bẫy", "QUANTITY")]),
    ("Đường dây lập 14 trang web, 3.000 tài khoản; thu 47 máy tính và 20 nghìn camera.",
     [("14 trang web", "QUANTITY"), ("3.000 tài khoản", "QUANTITY"), ("47 máy tính", "QUANTITY"),
      ("20 nghìn camera", "QUANTITY")]),
    ("Giải cứu 3 thiếu nữ và 2 trẻ em; thu 1 lựu đạn, 5 kíp nổ, 2 xe tải.",
     [("3 thiếu nữ", "QUANTITY"), ("2 trẻ em", "QUANTITY"), ("1 lựu đạn", "QUANTITY"), ("5 kíp nổ", "QUANTITY"),
      ("2 xe tải", "QUANTITY")]),
    # spelled out, or no unit: nothing
    ("Hai thiếu nữ và ba trẻ em được giải cứu trong 2 ngày, từ mốc 836 đến mốc 840.", []),
])
def test_more_counter_words(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a body of a Chinese prefecture ("châu"), border bodies named by a town abroad, numbered units (rule 3)
    ("Cục Công an châu Văn Sơn, tỉnh Vân Nam (Trung Quốc) bàn giao đối tượng.",
     [("Cục Công an châu Văn Sơn", "ORG"), ("Vân Nam", "PROVINCE")]),
    ("Ông Mã Chí Hằng, Phó Cục trưởng Cục Quản lý xuất nhập cảnh Đông Hưng, cho biết.",
     [("Mã Chí Hằng", "PERSON"), ("Cục Quản lý xuất nhập cảnh Đông Hưng", "ORG")]),
    ("Tổ tuần tra phối hợp với Trạm Quản lý biên giới Pò Chài tuần tra.",
     [("Trạm Quản lý biên giới Pò Chài", "ORG")]),
    ("Tiểu đoàn bảo vệ biên giới 703 tỉnh Kampot (Campuchia) thu 3 khẩu súng.",
     [("Tiểu đoàn bảo vệ biên giới 703 tỉnh Kampot", "ORG"), ("3 khẩu", "QUANTITY")]),
    ("Lữ đoàn 52 và Tiểu đoàn 3 tỉnh Kandal tham gia. Tiểu đoàn đã bắt 5 đối tượng.",
     [("Lữ đoàn 52", "ORG"), ("Tiểu đoàn 3 tỉnh Kandal", "ORG"), ("5 đối tượng", "QUANTITY")]),
    ("Đoàn thăm Bệnh viện 19-8 và Bệnh viện 30-4.", [("Bệnh viện 19-8", "ORG"), ("Bệnh viện 30-4", "ORG")]),
    ("Trạm Kiểm soát biên phòng Cầu Treo cấp 200 hộ chiếu.",
     [("Trạm Kiểm soát biên phòng Cầu Treo", "ORG"), ("200 hộ chiếu", "QUANTITY")]),
    # a title and a unit with no parent, then a name: the PERSON only
    ("Đội trưởng Đội Kiểm soát xuất nhập cảnh Nguyễn Văn An báo cáo.", [("Nguyễn Văn An", "PERSON")]),
    # the border itself, a department alone, a unit with its parent
    ("Khu vực biên giới Việt - Lào, cửa khẩu Nậm Cắn và biên giới Lào Cai.", [("Lào Cai", "PROVINCE")]),
    ("Cục Quản lý xuất nhập cảnh đã cấp hộ chiếu.", [("Cục Quản lý xuất nhập cảnh", "ORG")]),
    ("Phòng Quản lý xuất nhập cảnh Công an tỉnh Lạng Sơn cấp hộ chiếu.",
     [("Phòng Quản lý xuất nhập cảnh Công an tỉnh Lạng Sơn", "ORG")]),
])
def test_bodies_at_the_border_and_numbered_units(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an apostrophe inside a name ("H'Linh", "O'Brien"); given names that start common phrases, in credits and bylines
    ("Hai bên ký kết.\nH'Linh Niê", [("H'Linh Niê", "PERSON")]),
    ("Bà H'Hen Niê dự. H'Hen cho biết.", [("H'Hen Niê", "PERSON"), ("H'Hen", "PERSON")]),
    ("Ông Michael O'Brien dự.", [("Michael O'Brien", "PERSON")]),
    ("Tin, ảnh: Trung Kiên", [("Trung Kiên", "PERSON")]),
    ("Hai bên ký kết.\nTrung Kiên - Quốc Anh", [("Trung Kiên", "PERSON"), ("Quốc Anh", "PERSON")]),
    ("Ảnh: Trung Quốc", []),
    ("Hai bên ký kết.\nCông An", []),
])
def test_names_with_apostrophes_and_given_names_that_start_phrases(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the neighbours' provincial police and security named by their province ("Ty Cảnh sát", "An ninh tỉnh")
    ("Thiếu tướng Keo Sambath, Chánh Ty Cảnh sát tỉnh Svay Rieng, và Ty Cảnh sát tỉnh Takeo dự.",
     [("Thiếu tướng", "RANK"), ("Keo Sambath", "PERSON"), ("Ty Cảnh sát tỉnh Svay Rieng", "ORG"),
      ("Ty Cảnh sát tỉnh Takeo", "ORG")]),
    ("Thiếu tướng Khăm Phui, Giám đốc An ninh tỉnh Bô Ly Khăm Xay, tặng quà cán bộ An ninh tỉnh Hủa Phăn.",
     [("Thiếu tướng", "RANK"), ("Khăm Phui", "PERSON"), ("An ninh tỉnh Bô Ly Khăm Xay", "ORG"),
      ("An ninh tỉnh Hủa Phăn", "ORG")]),
    ("Báo An ninh Thủ đô và lực lượng an ninh tỉnh Sơn La dự.", [("Báo An ninh Thủ đô", "ORG"), ("Sơn La", "PROVINCE")]),
    # given names that are also the start of a body's name ("Liên", "Ngân", "Hội") may end a name, never start one
    ("Phó Trưởng phòng PC04 Công an tỉnh Tây Ninh Nguyễn Thị Kim Liên cho biết thêm.",
     [("PC04 Công an tỉnh Tây Ninh", "ORG"), ("Nguyễn Thị Kim Liên", "PERSON")]),
    ("Bà Nguyễn Thị Kim Ngân, ông Trần Văn Bằng, ông Lê Văn Huân, ông Phạm Văn Hội, ông Đỗ Văn Sĩ dự.",
     [("Nguyễn Thị Kim Ngân", "PERSON"), ("Trần Văn Bằng", "PERSON"), ("Lê Văn Huân", "PERSON"),
      ("Phạm Văn Hội", "PERSON"), ("Đỗ Văn Sĩ", "PERSON")]),
    # ("Ngân hàng Nhà nước", the State Bank, is a unique national body since session 16a, rule 3, as "Kiểm toán Nhà
    # nước"; no person either way)
    ("Ông Nguyễn Văn An, Liên hợp quốc và Ngân hàng Nhà nước; Hội Cựu chiến binh tỉnh.",
     [("Nguyễn Văn An", "PERSON"), ("Liên hợp quốc", "ORG"), ("Ngân hàng Nhà nước", "ORG")]),
])
def test_neighbours_provincial_police_and_given_names_of_bodies(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a given name that starts common phrases ("Trung", "Nam", "Việt", "Quân") recurs alone where it opens a clause
    # before a verb of name-follower.txt, or after "Theo"
    ("Đại tá Nguyễn Văn Trung chủ trì. Trung cho biết đã bắt 5 đối tượng. Theo Trung, cần tăng cường.",
     [("Đại tá", "RANK"), ("Nguyễn Văn Trung", "PERSON"), ("Trung", "PERSON"), ("5 đối tượng", "QUANTITY"),
      ("Trung", "PERSON")]),
    ("Thượng tá Lê Hoàng Nam báo cáo. Nam khẳng định sẽ phối hợp. Ở phía Nam, lực lượng tuần tra.",
     [("Thượng tá", "RANK"), ("Lê Hoàng Nam", "PERSON"), ("Nam", "PERSON")]),
    ("Trung tá Phạm Minh Quân dự. Quân cho hay. Quân đội và Quân khu 4 phối hợp.",
     [("Trung tá", "RANK"), ("Phạm Minh Quân", "PERSON"), ("Quân", "PERSON"), ("Quân khu 4", "ORG")]),
    ("Ông Trần Quốc Việt phát biểu. Việt Nam và Lào ký kết.", [("Trần Quốc Việt", "PERSON")]),
    ("Ông Nguyễn Văn Tư và ông Lê Văn Hiệu dự. Tư cho biết.",
     [("Nguyễn Văn Tư", "PERSON"), ("Lê Văn Hiệu", "PERSON"), ("Tư", "PERSON")]),
])
def test_given_names_that_start_phrases_recur(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # two multipliers, an amount in two parts, a percentage in words (rule 5)
    ("Tổng giá trị hơn 2 nghìn tỷ đồng, 3 trăm nghìn đồng và 1,5 triệu USD.",
     [("2 nghìn tỷ đồng", "QUANTITY"), ("3 trăm nghìn đồng", "QUANTITY"), ("1,5 triệu USD", "QUANTITY")]),
    ("Đối tượng đã nhận 1 tỷ 200 triệu đồng và 2 triệu 500 nghìn kíp.",
     [("1 tỷ 200 triệu đồng", "QUANTITY"), ("2 triệu 500 nghìn kíp", "QUANTITY")]),
    ("Tăng 25,5%, giảm 10 %, đạt 100 phần trăm kế hoạch.",
     [("25,5%", "QUANTITY"), ("10 %", "QUANTITY"), ("100 phần trăm", "QUANTITY")]),
    # a number and a multiplier with no unit, dates, years: nothing
    ("Năm 2025 có hơn 2 nghìn người dự; ngày 12/3; 15 triệu.", [("2 nghìn người", "QUANTITY")]),
])
def test_amounts_and_percentages(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # credits and bylines: a name without its family name in capitals, the source after a slash, "Anh" as a name
    ("Hai bên ký kết.\nTHANH TÙNG - MINH HẢI", [("THANH TÙNG", "PERSON"), ("MINH HẢI", "PERSON")]),
    # one such piece alone is a byline too (session 7, as the dev sets write it); a common word is a headline
    ("Hai bên ký kết.\nTHANH TÙNG", [("THANH TÙNG", "PERSON")]),
    ("Hai bên ký kết.\nTHÀNH CÔNG", []),
    ("Hai bên ký kết.\nQuang Minh/Báo Công an nhân dân", [("Quang Minh", "PERSON"), ("Báo Công an nhân dân", "ORG")]),
    ("Quang cảnh hội đàm. Ảnh: Anh Tuấn - Văn Dũng", [("Anh Tuấn", "PERSON"), ("Văn Dũng", "PERSON")]),
    ("Quang cảnh hội đàm (Ảnh: THANH TÙNG).", [("THANH TÙNG", "PERSON")]),
    ("Theo anh Tuấn, hai bên đã thống nhất.", [("Tuấn", "PERSON")]),
    ("Hai bên ký kết.\nViệt Nam", []),
    ("Quang cảnh hội đàm. Ảnh: TL", []),
])
def test_more_credits_and_bylines(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the neighbours' provinces with hyphens between syllables, and more transliterations
    ("Đoàn thăm tỉnh Sa-van-na-khét, tỉnh Xay-nha-bu-ly và Sở Công an tỉnh Luông Pha Băng.",
     [("Sa-van-na-khét", "PROVINCE"), ("Xay-nha-bu-ly", "PROVINCE"), ("Sở Công an tỉnh Luông Pha Băng", "ORG")]),
    # a general without the grade: a cue, no RANK
    ("Tướng Sok Phal và Trung tướng Neth Savoeun dự.",
     [("Sok Phal", "PERSON"), ("Trung tướng", "RANK"), ("Neth Savoeun", "PERSON")]),
    # the directorate of a named body is a part of it (rule 2: outermost span)
    ("Thay mặt Ban Giám đốc Công an tỉnh Lạng Sơn, Đại tá Hoàng Văn Khải phát biểu.",
     [("Ban Giám đốc Công an tỉnh Lạng Sơn", "ORG"), ("Đại tá", "RANK"), ("Hoàng Văn Khải", "PERSON")]),
    ("Ban Giám đốc Công an tỉnh đã chỉ đạo.", []),
])
def test_hyphenated_provinces_generals_and_directorates(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a given name alone before a news verb ("ký", "gặp", "thăm", "cùng"; name-follower.txt)
    ("Đại tá Trần Văn Hùng chủ trì. Hùng ký biên bản với phía bạn. Hùng gặp đoàn. Sau đó, Hùng thăm trạm.",
     [("Đại tá", "RANK"), ("Trần Văn Hùng", "PERSON"), ("Hùng", "PERSON"), ("Hùng", "PERSON"), ("Hùng", "PERSON")]),
    ("Ông Lê Văn Lực dự. Lực cùng đồng đội kiểm tra.", [("Lê Văn Lực", "PERSON"), ("Lực", "PERSON")]),
    # ... not where name and verb are one word ("Thư ký", "Đăng ký")
    ("Bà Nguyễn Anh Thư dự. Thư ký hội nghị đọc. Ông Lê Hải Đăng dự. Đăng ký tạm trú.",
     [("Nguyễn Anh Thư", "PERSON"), ("Lê Hải Đăng", "PERSON")]),
])
def test_a_given_name_before_news_verbs(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # criminal records are counted (rule 5); a room number is an address, no quantity
    ("Đối tượng có 2 tiền án, 3 tiền sự.", [("2 tiền án", "QUANTITY"), ("3 tiền sự", "QUANTITY")]),
    ("Phòng 203 nhà A, số 47 đường Trần Phú; phòng 5 tầng 2.", []),
    ("Đối tượng 35 tuổi; Đề án 06; Tổ công tác 363; Km 45+500 Quốc lộ 9; lúc 2 giờ sáng.", []),
])
def test_records_and_addresses(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a count per period ("mỗi năm 1 lần") is a QUANTITY; a year or a month before a counter word is none
    ("Hội đàm mỗi năm 1 lần, mỗi tháng 2 đợt; hằng năm 3 cuộc; đã trao đổi 46 nguồn tin.",
     [("1 lần", "QUANTITY"), ("2 đợt", "QUANTITY"), ("3 cuộc", "QUANTITY"), ("46 nguồn tin", "QUANTITY")]),
    ("Năm 2024 có 12 vụ; tháng 3 tỉnh họp; năm 2022 tỉnh Nghệ An đón đoàn.",
     [("12 vụ", "QUANTITY"), ("Nghệ An", "PROVINCE")]),
])
def test_counts_per_period(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a ministry's department ("Vụ"), alone or with its ministry, also inside a title (rule 3)
    ("Phó Vụ trưởng Vụ Hợp tác quốc tế Bộ Công an Trung Quốc, ông Trương Vĩ, dự.",
     [("Vụ Hợp tác quốc tế Bộ Công an Trung Quốc", "ORG"), ("Trương Vĩ", "PERSON")]),
    ("Vụ việc đang được điều tra. Vụ án có 5 bị can. Vụ Pháp chế dự.",
     [("5 bị can", "QUANTITY"), ("Vụ Pháp chế", "ORG")]),
])
def test_departments_of_a_ministry(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # names coordinated with a person's name, or listed after a cue and a colon, items split by ";"
    ("Tham dự có các đồng chí: Nguyễn Văn An, Phó Giám đốc Công an tỉnh; Trần Văn Bình, Trưởng phòng PC04; "
     "Lê Thị Cúc, Phó Trưởng phòng PX03.",
     [("Nguyễn Văn An", "PERSON"), ("Trần Văn Bình", "PERSON"), ("Lê Thị Cúc", "PERSON")]),
    ("Về phía Lào có các ông: Khăm-phăn Xay-nha-vông, Phó Giám đốc; Bun-thạ-vi Phôm-ma-chăn, Trưởng phòng.",
     [("Khăm-phăn Xay-nha-vông", "PERSON"), ("Bun-thạ-vi Phôm-ma-chăn", "PERSON")]),
    ("Các bị cáo Hoàng Văn Nam, Nguyễn Thị Thu và Đinh Văn Lợi bị tuyên phạt tổng cộng 45 năm tù.",
     [("Hoàng Văn Nam", "PERSON"), ("Nguyễn Thị Thu", "PERSON"), ("Đinh Văn Lợi", "PERSON")]),
    ("Ông Nguyễn Văn An và Trần Văn Bình cùng dự.", [("Nguyễn Văn An", "PERSON"), ("Trần Văn Bình", "PERSON")]),
    ("Các đối tượng gồm: Lò Văn Chiến (SN 1985), Vì Văn Tuấn (SN 1990) và Lường Thị Hoa (SN 1993).",
     [("Lò Văn Chiến", "PERSON"), ("Vì Văn Tuấn", "PERSON"), ("Lường Thị Hoa", "PERSON")]),
    # places, bodies, titles after a name are no names
    ("Ông Trần Văn Tú, Lào Cai, Lai Châu và Hà Giang; TP Hồ Chí Minh.",
     [("Trần Văn Tú", "PERSON"), ("Lào Cai", "PROVINCE"), ("Lai Châu", "PROVINCE"), ("Hà Giang", "PROVINCE"),
      ("Hồ Chí Minh", "PROVINCE")]),
    ("Đại tá Nguyễn Văn An, Trưởng phòng, và Đoàn Thanh niên dự; bà Lê Thị Hoa và Trường Đại học Vinh.",
     [("Đại tá", "RANK"), ("Nguyễn Văn An", "PERSON"), ("Lê Thị Hoa", "PERSON"), ("Trường Đại học Vinh", "ORG")]),
    ("Các đồng chí: Phó Giám đốc Công an tỉnh; Trưởng phòng PC04.", []),
])
def test_listed_and_coordinated_names(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # sub-units stay with their named parent (rule 2: outermost span); bodies at a border gate
    ("Đội Trinh sát Đồn Biên phòng Nậm Cắn bắt 2 đối tượng.",
     [("Đội Trinh sát Đồn Biên phòng Nậm Cắn", "ORG"), ("2 đối tượng", "QUANTITY")]),
    ("Đội Kiểm soát Hải quan Cục Hải quan tỉnh Lạng Sơn và Chi cục Hải quan cửa khẩu Lao Bảo phối hợp.",
     [("Đội Kiểm soát Hải quan Cục Hải quan tỉnh Lạng Sơn", "ORG"), ("Chi cục Hải quan cửa khẩu Lao Bảo", "ORG")]),
    ("Đồn Biên phòng cửa khẩu quốc tế Lao Bảo tiếp nhận.", [("Đồn Biên phòng cửa khẩu quốc tế Lao Bảo", "ORG")]),
    ("Trung đoàn Cảnh sát cơ động Bộ Tư lệnh Cảnh sát cơ động tham gia.",
     [("Trung đoàn Cảnh sát cơ động Bộ Tư lệnh Cảnh sát cơ động", "ORG")]),
    ("Đội Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an huyện Bát Xát có mặt.",
     [("Đội Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an huyện Bát Xát", "ORG")]),
    ("Phòng Tham mưu, Phòng Xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc Công an tỉnh Sơn La dự.",
     [("Phòng Tham mưu", "ORG"), ("Phòng Xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc Công an tỉnh Sơn La", "ORG")]),
    # "chính quyền" (the authorities) names no body: the province only
    ("Ủy ban nhân dân tỉnh Hủa Phăn và Chính quyền tỉnh Luang Prabang ký kết.",
     [("Ủy ban nhân dân tỉnh Hủa Phăn", "ORG"), ("Luang Prabang", "PROVINCE")]),
    # "Trinh sát" before a name is a cue
    ("Trinh sát Nguyễn Văn Hùng và trinh sát Lê Văn Nam bám đối tượng.",
     [("Nguyễn Văn Hùng", "PERSON"), ("Lê Văn Nam", "PERSON")]),
    # a unit with no named parent, the authorities in general: nothing
    ("Tổ công tác và chính quyền địa phương; Đội Trinh sát đã vào cuộc.", []),
])
def test_sub_units_and_border_gates(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("province", [
    "Phnom Pênh", "Phnom-Penh", "Kông Pông Thơm", "Kăm-pốt", "Mông-đun-ki-ri", "Sa-lạ-van", "Attapu", "Chăm-pa-xắc",
])
def test_more_spellings_of_the_neighbours_provinces(nlp, province):
    assert ents(nlp, f"Đoàn công tác đến tỉnh {province} hôm qua.") == [(province, "PROVINCE")]


@pytest.mark.parametrize("text, expected", [
    # initials with Vietnamese digraphs ("Ng.", "Th.", "Tr."); a role in initials is no name
    ("Ảnh: Ng.Hùng", [("Ng.Hùng", "PERSON")]),
    ("Hai bên ký kết.\nHữu Tuấn - Th.Hằng", [("Hữu Tuấn", "PERSON"), ("Th.Hằng", "PERSON")]),
    ("Hai bên ký kết.\nP.V", []),
    ("Hai bên ký kết.\nC.T.V", []),
    # names in Latin script coordinated or listed
    ("Thiếu tướng Vilay Lakhamphong và Vongsavanh Keomany cùng dự.",
     [("Thiếu tướng", "RANK"), ("Vilay Lakhamphong", "PERSON"), ("Vongsavanh Keomany", "PERSON")]),
    ("Phía bạn có các ông: Sok Vuthy, Phó Tỉnh trưởng; Chea Dara, Chánh Ty.",
     [("Sok Vuthy", "PERSON"), ("Chea Dara", "PERSON")]),
])
def test_digraph_initials_and_latin_names_in_lists(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # adverbs of what suspects did ("thường xuyên", "nhiều lần", "còn") after a given name alone
    ("Đối tượng Sồng A Chứ (SN 1987) bị bắt. Chứ thường xuyên sang Lào. Chứ còn khai đã nhiều lần vận chuyển.",
     [("Sồng A Chứ", "PERSON"), ("Chứ", "PERSON"), ("Chứ", "PERSON")]),
    ("Bà Lê Thị Liên dự. Liên tục trong 3 ngày, lực lượng tuần tra.", [("Lê Thị Liên", "PERSON")]),
])
def test_a_given_name_before_adverbs(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # units glued to the digits, also Vietnamese ones; "$"; "cây số"
    ("Thu 10tấn pháo, 12lít hóa chất, 20km2 rừng, 5.000$ và 1.250 cây số đường biên.",
     [("10tấn", "QUANTITY"), ("12lít", "QUANTITY"), ("20km2", "QUANTITY"), ("5.000$", "QUANTITY"),
      ("1.250 cây số", "QUANTITY")]),
    ("Lúc 10h ngày 5/10, giai đoạn 2020-2025, tại km 12.", []),
])
def test_glued_units(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # addresses and numbered places are no quantity (rule 5: references are not)
    ("Đối tượng trú tại thôn 3 xã Hòa Hải, tổ 5 phường Bắc Hà, khu phố 4 phường Đông Lễ.", []),
    ("Tại bản 3 xã Mường Lống, xóm 7 xã Nghi Lộc, tổ dân phố 2 phường Hưng Dũng, số nhà 25 phường Trần Phú.", []),
    ("Trên đường 9 tỉnh Quảng Trị; Trạm 4 huyện; đội 2 xã Bình Minh.", [("Quảng Trị", "PROVINCE")]),
    # counts stay
    ("Khu vực có 3 xã; ký 5 bản ghi nhớ; trao 20 suất quà; Đồn có 4 trạm.",
     [("3 xã", "QUANTITY"), ("5 bản", "QUANTITY"), ("20 suất", "QUANTITY"), ("4 trạm", "QUANTITY")]),
])
def test_addresses_are_no_quantities(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a unit that starts with an address word is still a unit
    ("Phá 17 đường dây ma túy và 3 đường mòn; bắt 4 đội viên.",
     [("17 đường dây", "QUANTITY"), ("3 đường mòn", "QUANTITY"), ("4 đội viên", "QUANTITY")]),
])
def test_units_that_start_with_an_address_word(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("province", ["Rotanakiri", "Xtưng Treng", "Pô-sát", "Công Pông Chnăng", "Ót-đa Miên-chây"])
def test_more_spellings_of_cambodian_provinces(nlp, province):
    assert ents(nlp, f"Đoàn công tác đến tỉnh {province} hôm qua.") == [(province, "PROVINCE")]


def test_a_province_that_only_starts_a_glued_word_is_none(nlp):
    # "Mon" (Myanmar) is no province inside a glued word the lists lack ("Mon-đun-ki-ri" is listed since session 10b)
    assert ents(nlp, "Đoàn công tác đến tỉnh Mon-ta-vên hôm qua.") == []
    assert ents(nlp, "Đoàn công tác đến tỉnh Mon-đun-ki-ri hôm qua.") == [("Mon-đun-ki-ri", "PROVINCE")]


def test_a_district_after_a_name_is_no_coordinated_name(nlp):
    assert ents(nlp, "Bà Lê Thị Hoa, Hoàng Mai, Hà Nội và ông Trần Văn Nam dự.") == [
        ("Lê Thị Hoa", "PERSON"), ("Hà Nội", "PROVINCE"), ("Trần Văn Nam", "PERSON")]


def test_ho_chi_minh_city_written_as_one_token(nlp):
    # "TP.HCM" is one token: the whole token is the PROVINCE; "TP. HCM" keeps the city word outside (rule 2)
    assert ents(nlp, "Công an TP.HCM phối hợp; đoàn đến TP.HCM và TP. HCM.") == [
        ("Công an TP.HCM", "ORG"), ("TP.HCM", "PROVINCE"), ("HCM", "PROVINCE")]


def test_an_illustration_credit_is_no_recurring_name(nlp):
    assert ents(nlp, "Ảnh: Hoàng Minh\nẢnh: Minh họa\nẢnh: Minh") == [
        ("Hoàng Minh", "PERSON"), ("Minh", "PERSON")]


@pytest.mark.parametrize("text, expected", [
    # a name in apposition with its title, without a cue before it
    ("Phát biểu tại buổi lễ, Nguyễn Văn An, Phó Giám đốc Công an tỉnh, cho biết.", [("Nguyễn Văn An", "PERSON")]),
    ("Khăm-phăn Xay-nha-vông, Phó Giám đốc An ninh tỉnh Hủa Phăn, cho biết.",
     [("Khăm-phăn Xay-nha-vông", "PERSON"), ("An ninh tỉnh Hủa Phăn", "ORG")]),
    ("Theo Vongsavanh Keomany, Phó Tỉnh trưởng tỉnh Savannakhet, hai bên đã thống nhất.",
     [("Vongsavanh Keomany", "PERSON"), ("Savannakhet", "PROVINCE")]),
    ("Bắt Nguyễn Văn An, Giám đốc một công ty.", [("Nguyễn Văn An", "PERSON")]),
    # a body or a place before the title is no name
    ("Công an tỉnh Nghệ An, Giám đốc Sở Tư pháp và Hà Nội, Chủ tịch UBND dự.",
     [("Công an tỉnh Nghệ An", "ORG"), ("Hà Nội", "PROVINCE")]),
    ("Tại Hội nghị, Giám đốc Công an tỉnh phát biểu.", []),
])
def test_a_name_in_apposition_with_its_title(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # abbreviated academic titles are cues ("GS.TS", "TS.", "ThS.")
    ("Thiếu tướng, GS.TS Nguyễn Văn Hùng và PGS.TS Trần Văn Cường dự; theo TS. Lê Văn Bình, cần phối hợp.",
     [("Thiếu tướng", "RANK"), ("Nguyễn Văn Hùng", "PERSON"), ("Trần Văn Cường", "PERSON"), ("Lê Văn Bình", "PERSON")]),
    # a name in capitals after a rank or "ĐỒNG CHÍ" in capitals, up to a verb of name-follower.txt
    ("ĐẠI TÁ NGUYỄN VĂN AN PHÁT BIỂU TẠI HỘI NGHỊ", [("ĐẠI TÁ", "RANK"), ("NGUYỄN VĂN AN", "PERSON")]),
    ("THIẾU TƯỚNG LÊ THỊ THU HÀ CHO BIẾT", [("THIẾU TƯỚNG", "RANK"), ("LÊ THỊ THU HÀ", "PERSON")]),
    ("ĐỒNG CHÍ TRẦN VĂN HÙNG NHẬN BẰNG KHEN", [("TRẦN VĂN HÙNG", "PERSON")]),
    ("ĐẠI TÁ ĐỀ NGHỊ TĂNG CƯỜNG PHỐI HỢP", [("ĐẠI TÁ", "RANK")]),
])
def test_academic_abbreviations_and_names_in_capitals(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # family names of the Hmong, Dao and Thái ("Vừ", "Hờ", "Tẩn", "Lù"); coordination past the brackets after a name
    ("Ông Hờ A Dơ, Giàng A Chu và Vừ Mí Dính dự.",
     [("Hờ A Dơ", "PERSON"), ("Giàng A Chu", "PERSON"), ("Vừ Mí Dính", "PERSON")]),
    ("Bắt Tẩn Láo Lở (SN 1980) và Lù Văn Sinh.", [("Tẩn Láo Lở", "PERSON"), ("Lù Văn Sinh", "PERSON")]),
    ("Ông Nguyễn Văn An (PC04) và Hà Nội.", [("Nguyễn Văn An", "PERSON"), ("Hà Nội", "PROVINCE")]),
])
def test_minority_family_names_and_coordination_past_brackets(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # place names may be hyphen-glued words ("Mường-xén", "Pắc-xế"): never cut inside one
    ("Công an huyện Mường-xén và Đồn Biên phòng Nậm-cắn phối hợp.",
     [("Công an huyện Mường-xén", "ORG"), ("Đồn Biên phòng Nậm-cắn", "ORG")]),
    ("Tổng Lãnh sự quán Việt Nam tại Pắc-xế tổ chức lễ kỷ niệm.", [("Tổng Lãnh sự quán Việt Nam tại Pắc-xế", "ORG")]),
    # an envoy at a city that is no province, then the name
    ("Tổng Lãnh sự Việt Nam tại Pắc-xế Nguyễn Văn Hùng phát biểu.", [("Nguyễn Văn Hùng", "PERSON")]),
])
def test_glued_place_names(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("province", ["Nọng Khai", "Nắc-khon Pha-nôm", "Mục-đa-hản", "Xa-kon Na-khon"])
def test_more_spellings_of_thai_provinces(nlp, province):
    assert ents(nlp, f"Đoàn công tác đến tỉnh {province} hôm qua.") == [(province, "PROVINCE")]


@pytest.mark.parametrize("text, expected", [
    # a Vietnamese full name with no cue before a verb of name-follower.txt
    ("Nguyễn Văn An cho biết, hai bên đã thống nhất. An khẳng định sẽ phối hợp.",
     [("Nguyễn Văn An", "PERSON"), ("An", "PERSON")]),
    ('"Chúng tôi sẽ phối hợp", Lê Thị Thu Hà nói.', [("Lê Thị Thu Hà", "PERSON")]),
    # a city, a school: nothing; three name words of the lists in running text are a person (rule 1, a hero is a
    # person; session 18f: "Quốc" is a middle name of the lists), the street named after him is nothing
    ("Hồ Chí Minh là lãnh tụ. Trường Nguyễn Văn Trỗi đã khai giảng. Trần Quốc Toản đã dũng cảm.",
     [("Trần Quốc Toản", "PERSON")]),
    ("Hồ Chí Minh là lãnh tụ. Trường Nguyễn Văn Trỗi đã khai giảng. Đường Trần Quốc Toản đã thông xe.", []),
])
def test_full_names_before_a_verb(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name in capitals ends before a verb of headlines that is also a name syllable
    ("THIẾU TƯỚNG TRẦN HẢI TIẾP ĐOÀN CÔNG TÁC", [("THIẾU TƯỚNG", "RANK"), ("TRẦN HẢI", "PERSON")]),
    ("ĐẠI TÁ NGUYỄN VĂN PHÁT DỰ HỘI NGHỊ", [("ĐẠI TÁ", "RANK"), ("NGUYỄN VĂN PHÁT", "PERSON")]),
])
def test_names_in_capitals_end_before_headline_verbs(nlp, text, expected):
    assert ents(nlp, text) == expected


def test_a_given_name_that_is_a_time_word(nlp):
    # "Năm" ends a name and recurs before a verb; "Năm 2024" opens a sentence
    assert ents(nlp, "Ông Nguyễn Văn Năm và ông Lê Văn Sáu dự. Năm 2024, Năm cho biết.") == [
        ("Nguyễn Văn Năm", "PERSON"), ("Lê Văn Sáu", "PERSON"), ("Năm", "PERSON")]


@pytest.mark.parametrize("text, expected", [
    # a range of numbers with one unit is one QUANTITY (rule 5: the number, then its unit)
    ("Mỗi chuyến chở 20-25 kg, trả từ 800-1.000 USD và 2 – 3 triệu đồng cho 3-5 đối tượng.",
     [("20-25 kg", "QUANTITY"), ("800-1.000 USD", "QUANTITY"), ("2 – 3 triệu đồng", "QUANTITY"),
      ("3-5 đối tượng", "QUANTITY")]),
    # dates, a period of years, durations: nothing
    ("Ngày 12-3 tỉnh Sơn La họp; giai đoạn 2021-2025 tỉnh Điện Biên thu 5-7 ngày.",
     [("Sơn La", "PROVINCE"), ("Điện Biên", "PROVINCE")]),
    ("Sáng 12-3 tỉnh Sơn La, ngày 12-3-2024 tỉnh Lai Châu và Quốc lộ 1-2 tỉnh Hà Giang.",
     [("Sơn La", "PROVINCE"), ("Lai Châu", "PROVINCE"), ("Hà Giang", "PROVINCE")]),
])
def test_ranges_of_numbers(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # counted notices, requests and orders of police cooperation (rule 5: a two-syllable word is one unit)
    ("Năm qua đã phát 86 thông báo đỏ, xác minh 214 yêu cầu và thực hiện 3 lệnh truy nã.",
     [("86 thông báo", "QUANTITY"), ("214 yêu cầu", "QUANTITY"), ("3 lệnh", "QUANTITY")]),
    # a document's number is none
    ("Theo Quyết định 12 và Thông báo 15 của Bộ.", []),
])
def test_counted_notices_and_requests(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # another name of the person in brackets: pinyin after Hán-Việt, Hán-Việt after pinyin with an opener
    ("Phía bạn có ông Trương Vĩ Cường (Zhang Weiqiang), Phó Cục trưởng.",
     [("Trương Vĩ Cường", "PERSON"), ("Zhang Weiqiang", "PERSON")]),
    ("Cảnh sát bắt giữ Wang Jianhua (tên Hán Việt là Vương Kiến Hoa) tại Băng Cốc.",
     [("Wang Jianhua", "PERSON"), ("Vương Kiến Hoa", "PERSON"), ("Băng Cốc", "PROVINCE")]),
    ("Đã bắt Li Ming (tức Lý Minh Đức) tại cửa khẩu.", [("Li Ming", "PERSON"), ("Lý Minh Đức", "PERSON")]),
    # the leader of a ring: "do <name> cầm đầu"
    ("Đường dây do Vàng A Sử cầm đầu; nhóm do Bun Thăn Xay Nha Vông đứng đầu.",
     [("Vàng A Sử", "PERSON"), ("Bun Thăn Xay Nha Vông", "PERSON")]),
    # a place or a body in brackets, a body that leads: no name
    ("Ông Nguyễn Văn An (Hà Nội) và ông Lê Văn Bình (Giám đốc Sở) dự; việc do Công an tỉnh Sơn La đứng đầu.",
     [("Nguyễn Văn An", "PERSON"), ("Hà Nội", "PROVINCE"), ("Lê Văn Bình", "PERSON"), ("Công an tỉnh Sơn La", "ORG")]),
])
def test_other_names_in_brackets_and_leaders(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # three name words without a middle name before a verb said of persons only
    ("Vương Kiến Hoa bị cáo buộc rửa tiền. Trương Vĩ Cường khai nhận đã nhận tiền.",
     [("Vương Kiến Hoa", "PERSON"), ("Trương Vĩ Cường", "PERSON")]),
    # not a street after its capitalised word; three name words of the lists in running text are a person (rule 1,
    # a hero is a person; session 18f)
    ("Trần Quốc Toản đã dũng cảm. Đường Lê Văn Lương bị ngập.", [("Trần Quốc Toản", "PERSON")]),
])
def test_three_name_words_before_a_verb_of_persons(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a caption's position and a byline's role in brackets after a name
    ("Xay Da Vông Phết (đứng giữa) cùng các học viên tại lễ bế giảng.", [("Xay Da Vông Phết", "PERSON")]),
    ("Bích Ngọc (thực hiện)", [("Bích Ngọc", "PERSON")]),
    ("Hải Đăng (từ Nghệ An)", [("Hải Đăng", "PERSON"), ("Nghệ An", "PROVINCE")]),
    # a body or an event before such a bracket is no name
    ("Học viện Cảnh sát nhân dân (thực hiện)", [("Học viện Cảnh sát nhân dân", "ORG")]),
    ("Hội nghị Quốc Tế (từ Hà Nội) và Lễ ký kết (bên trái).", [("Hà Nội", "PROVINCE")]),
    # the youth union and a border detachment of a named body; trips and extinguishers counted
    ("Đoàn Thanh niên Bộ Công an và Chi đội Quản lý biên giới Hồng Hà tặng 1.200 bình, chở 3 chuyến.",
     [("Đoàn Thanh niên Bộ Công an", "ORG"), ("Chi đội Quản lý biên giới Hồng Hà", "ORG"), ("1.200 bình", "QUANTITY"),
      ("3 chuyến", "QUANTITY")]),
    # a delegation is no organisation (rule 3); the union alone names nothing
    ("Đoàn công tác Công an tỉnh Nghệ An gặp Đoàn Thanh niên.", [("Công an tỉnh Nghệ An", "ORG")]),
])
def test_captions_bylines_youth_union_and_detachments(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name before where the person lives or what the person did, after a comma or bracket
    ("Tổ công tác bắt Bua Khăm, cùng trú tỉnh Hủa Phăn, và Vàng Chá Lia, người cầm đầu.",
     [("Bua Khăm", "PERSON"), ("Hủa Phăn", "PROVINCE"), ("Vàng Chá Lia", "PERSON")]),
    ("Bắt Lò Văn Pọm (trú tại bản Pa Háng).", [("Lò Văn Pọm", "PERSON")]),
    # a place before "trú" is no name
    ("Vụ việc xảy ra tại huyện Kỳ Sơn, trú quán của đối tượng; tại bản Huồi Xái, trú tại đây.", []),
])
def test_names_before_where_they_live(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a given name alone opening a clause before a verb said of persons only (its full name may be elsewhere)
    ("Khải bị truy nã từ năm 2019. Tại cơ quan công an, Quân khai nhận đã nhận tiền.",
     [("Khải", "PERSON"), ("Quân", "PERSON")]),
    # after a lower-case word, or before another verb: none
    ("Phía nam bị ngập; quân đội Hà bị bắt.", []),
    # (opening a clause before "đã", a given name of the lists is the person: session 7b)
    ("Phía nam bị ngập; Hùng đã đến.", [("Hùng", "PERSON")]),
])
def test_a_given_name_before_a_verb_of_persons(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name whose first syllable is glued by an apostrophe to a lower-case rest ("Bh'riu", Cơ Tu names)
    ("Trung tá Bh'riu Thị Nhi và Thượng tá H'Linh Niê dự.",
     [("Trung tá", "RANK"), ("Bh'riu Thị Nhi", "PERSON"), ("Thượng tá", "RANK"), ("H'Linh Niê", "PERSON")]),
])
def test_names_glued_by_an_apostrophe(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # names coordinated before "cùng trú" / "đều trú" (several persons live there)
    ("Tổ công tác bắt quả tang Xổm Chăn và Bua Khăm, cùng trú tỉnh Hủa Phăn.",
     [("Xổm Chăn", "PERSON"), ("Bua Khăm", "PERSON"), ("Hủa Phăn", "PROVINCE")]),
    ("Bắt Lò Văn Pọm, Vàng Thị Mỷ và Giàng A Páo, đều trú tại xã Pa Háng.",
     [("Lò Văn Pọm", "PERSON"), ("Vàng Thị Mỷ", "PERSON"), ("Giàng A Páo", "PERSON")]),
    # a province before "và" stays one
    ("Họ đến từ Hà Nội và Bua Khăm, cùng trú tại đó.", [("Hà Nội", "PROVINCE"), ("Bua Khăm", "PERSON")]),
])
def test_names_coordinated_before_where_they_live(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an ordinal after "lần", "đợt", "giai đoạn", "phiên", "vòng" is no quantity (rule 5)
    ("Hội nghị lần 2 đoàn công tác hai bên; đợt 3 đơn vị; giai đoạn 2 tỉnh; phiên 4 bị cáo; vòng 2 đội.", []),
    # a count stays: after a quantity that ends on such a word, and per time
    ("Đã bắt 2 lần 5 đối tượng; mỗi lần 2 đối tượng.",
     [("2 lần", "QUANTITY"), ("5 đối tượng", "QUANTITY"), ("2 đối tượng", "QUANTITY")]),
])
def test_ordinals_after_lan_and_dot(nlp, text, expected):
    assert ents(nlp, text) == expected


# ---------------------------------------------------------------- session 7


@pytest.mark.parametrize("text, expected", [
    # "Nhân dân" capitalised in the name of a national force, school or newspaper
    ("Báo Công an Nhân dân và Học viện Cảnh sát Nhân Dân ký kết.",
     [("Báo Công an Nhân dân", "ORG"), ("Học viện Cảnh sát Nhân Dân", "ORG")]),
    # a national department of the border force, with the force (and its country) as its parent
    ("Cục Phòng chống ma túy và tội phạm Bộ đội Biên phòng tổ chức tập huấn.",
     [("Cục Phòng chống ma túy và tội phạm Bộ đội Biên phòng", "ORG")]),
    ("Cục Cửa khẩu BĐBP và Cục Cửa khẩu Bộ đội Biên phòng Việt Nam phối hợp.",
     [("Cục Cửa khẩu BĐBP", "ORG"), ("Cục Cửa khẩu Bộ đội Biên phòng Việt Nam", "ORG")]),
    # ... but a provincial unit of an unnamed body stays none (rule 3)
    ("Phòng Tham mưu Bộ đội Biên phòng tỉnh chủ trì.", []),
])
def test_national_bodies_capitalised_and_the_border_force_as_parent(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tuần tra 15 cặp mốc, thu 2 thỏi vàng, 120 tin nhắn; 3 nhà báo viết 7 bài viết; 40 ngư dân.",
     [("15 cặp", "QUANTITY"), ("2 thỏi", "QUANTITY"), ("120 tin nhắn", "QUANTITY"), ("3 nhà báo", "QUANTITY"),
      ("7 bài viết", "QUANTITY"), ("40 ngư dân", "QUANTITY")]),
    ("Đường dây có 12 đầu mối, gửi 30 bưu kiện qua 4 kho.",
     [("12 đầu mối", "QUANTITY"), ("30 bưu kiện", "QUANTITY"), ("4 kho", "QUANTITY")]),
])
def test_counter_words_of_session_7(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # two-syllable counters taken whole; a slash unit; a currency named with its country
    ("Lửa lan sang 25 gian hàng, 4 tiểu thương mắc kẹt; công an nhận 310 tin báo và 45 đơn.",
     [("25 gian hàng", "QUANTITY"), ("4 tiểu thương", "QUANTITY"), ("310 tin báo", "QUANTITY"),
      ("45 đơn", "QUANTITY")]),
    ("Nhóm có 7 nam, 3 nữ, về nước trên 2 chuyến bay; hai bên trao đổi 58 thông tin.",
     [("7 nam", "QUANTITY"), ("3 nữ", "QUANTITY"), ("2 chuyến bay", "QUANTITY"), ("58 thông tin", "QUANTITY")]),
    ("Tài xế có nồng độ cồn 0,41 mg/l khí thở, chạy 95 km/h; lương 900 USD/tháng; tặng 8.000 đô la Mỹ.",
     [("0,41 mg/l", "QUANTITY"), ("95 km/h", "QUANTITY"), ("900 USD", "QUANTITY"), ("8.000 đô la Mỹ", "QUANTITY")]),
    ("Đoàn đề xuất 3 sáng kiến; lớp học gồm 9 chuyên đề; huy động 1 xe thang.",
     [("3 sáng kiến", "QUANTITY"), ("9 chuyên đề", "QUANTITY"), ("1 xe thang", "QUANTITY")]),
    # people and sacks by a two-syllable counter (session 7b)
    ("Bộ cử 4 chuyên gia sang; tổ công tác giải cứu 11 cô gái, 2 chàng trai và thu 9 bao tải hàng.",
     [("4 chuyên gia", "QUANTITY"), ("11 cô gái", "QUANTITY"), ("2 chàng trai", "QUANTITY"),
      ("9 bao tải", "QUANTITY")]),
])
def test_counters_slash_units_and_currencies_of_sets_c_and_d(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a general school by its level, named after a person or a place, perhaps numbered: one ORG (session 7b)
    ("Học sinh Trường THCS Trần Quốc Toản và Trường THPT Quỳ Hợp 2 dự lễ.",
     [("Trường THCS Trần Quốc Toản", "ORG"), ("Trường THPT Quỳ Hợp 2", "ORG")]),
    ("Đoàn tặng quà Trường Tiểu học Võ Thị Sáu.", [("Trường Tiểu học Võ Thị Sáu", "ORG")]),
    # not the common noun
    ("Các trường THPT trên địa bàn tham gia; nhà trường cảm ơn.", []),
])
def test_a_general_school_is_an_org(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # one given name of the lists after a suspect's, a defendant's or an old person's cue (session 7b)
    ("Đối tượng Hưng khai nhận; bị cáo Oanh bị tuyên phạt; cụ Chạn được đưa ra.", [("Hưng", "PERSON"), ("Oanh", "PERSON"),
                                                                                       ("Chạn", "PERSON")]),  # "cụ" as "ông" (8b)
    # a longer name wins; not a province
    ("Đối tượng Hưng Thịnh bị bắt. Nghi phạm Hà Nội bị bắt.", [("Hưng Thịnh", "PERSON"), ("Hà Nội", "PROVINCE")]),
])
def test_a_given_name_after_a_suspects_cue(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a compiler's credit (session 7b)
    ("Hai bên trao đổi kinh nghiệm. Tổng hợp: THU HƯƠNG", [("THU HƯƠNG", "PERSON")]),
    ("Lược dịch: Minh Quân", [("Minh Quân", "PERSON")]),
    # not the verb
    ("Tổng hợp số liệu cho thấy tình hình ổn định.", []),
])
def test_a_compilers_credit(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a unit with two abbreviations joined by "và" inside its name, and its parent (rule 2: outermost)
    ("Phòng Cảnh sát PCCC và CNCH Công an tỉnh Yên Bái diễn tập.",
     [("Phòng Cảnh sát PCCC và CNCH Công an tỉnh Yên Bái", "ORG")]),
    # a numbered unit whose description is capitalised
    ("Tiểu đoàn Cảnh sát biên giới 512 phối hợp tuần tra.", [("Tiểu đoàn Cảnh sát biên giới 512", "ORG")]),
    # a place that ends on "Bài"
    ("Đồn Biên phòng cửa khẩu quốc tế Nội Bài tiếp nhận.", [("Đồn Biên phòng cửa khẩu quốc tế Nội Bài", "ORG")]),
    ("Công an quận Cầu Giấy bắt 2 đối tượng.", [("Công an quận Cầu Giấy", "ORG"), ("2 đối tượng", "QUANTITY")]),
    # a border corps and an inspection station named by their place abroad
    ("Đại diện Tổng đội Quản lý biên giới Vân Nam và Trạm Kiểm tra biên phòng Kim Thủy dự.",
     [("Tổng đội Quản lý biên giới Vân Nam", "ORG"), ("Trạm Kiểm tra biên phòng Kim Thủy", "ORG")]),
    # a neighbour's police with what it does, a court and a mass organisation named by their place
    ("Cảnh sát đường sông tỉnh Takeo, Tòa án Phnôm Pênh và Hội Chữ thập đỏ tỉnh Quảng Trị ký kết.",
     [("Cảnh sát đường sông tỉnh Takeo", "ORG"), ("Tòa án Phnôm Pênh", "ORG"),
      ("Hội Chữ thập đỏ tỉnh Quảng Trị", "ORG")]),
    # a country right after a national body stays in it, before a verb too
    ("Đối tượng bị Bộ Công an Trung Quốc truy nã.", [("Bộ Công an Trung Quốc", "ORG")]),
    # the consular department with its ministry, alone inside a title; a foreign department with its country
    ("Cục Lãnh sự Bộ Ngoại giao phối hợp; Phó Cục trưởng Cục Lãnh sự cho biết.",
     [("Cục Lãnh sự Bộ Ngoại giao", "ORG"), ("Cục Lãnh sự", "ORG")]),
    ("Cục Điều tra đặc biệt Thái Lan (DSI) cho biết.", [("Cục Điều tra đặc biệt Thái Lan", "ORG"), ("DSI", "ORG")]),
    # a named body's secretariat; a national police force named by its country
    # ("Lực lượng" stayed outside the force's name after the lead's gold audit of session 10; since session 23 it is
    # inside where it is the force's own name, Singapore's and Myanmar's "Police Force", as four later writers wrote it)
    ("Ban Thư ký ASEANAPOL làm việc với Lực lượng Cảnh sát Singapore.",
     [("Ban Thư ký ASEANAPOL", "ORG"), ("Lực lượng Cảnh sát Singapore", "ORG")]),
    ("Cảnh sát Hoàng gia Campuchia và Cảnh sát quốc gia Indonesia ký kết; Cục Lễ tân Nhà nước đón đoàn.",
     [("Cảnh sát Hoàng gia Campuchia", "ORG"), ("Cảnh sát quốc gia Indonesia", "ORG"), ("Cục Lễ tân Nhà nước", "ORG")]),
    # newspapers by their abbreviation, in a lead and after a credit's slash; a name with "và"
    ("(PLO) - Chiều 4/5, đoàn đến thăm. Ảnh: Minh Khang/PLO", [("PLO", "ORG"), ("Minh Khang", "PERSON"), ("PLO", "ORG")]),
    ("Theo Báo Thế giới và Việt Nam", [("Báo Thế giới và Việt Nam", "ORG")]),
])
def test_bodies_of_sets_c_and_d(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # one given name of the lists after "tên"; not a word that is no given name
    ("Nạn nhân được một người tên Khánh tuyển dụng qua mạng.", [("Khánh", "PERSON")]),
    ("Tài khoản có tên Facebook lạ.", []),
    # initials after an honorific
    ("Bà L.T.H (SN 1962) trình báo.", [("L.T.H", "PERSON")]),
])
def test_one_name_after_ten_and_initials_after_an_honorific(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a border gate named by its province, after a post or a customs branch
    ("Đồn Biên phòng cửa khẩu quốc tế Lào Cai và Chi cục Hải quan cửa khẩu quốc tế Lào Cai phối hợp.",
     [("Đồn Biên phòng cửa khẩu quốc tế Lào Cai", "ORG"), ("Chi cục Hải quan cửa khẩu quốc tế Lào Cai", "ORG")]),
    # a post's name never gives a place of its own ("Đồn" + "Biên" was an ORG)
    ("Đồn Biên phòng Lào Cai phối hợp với 300 dân quân.", [("Lào Cai", "PROVINCE"), ("300 dân quân", "QUANTITY")]),
])
def test_border_gates_named_by_their_province(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a country in capitals after a national body in a headline in capitals (rule 3)
    ("BỘ TRƯỞNG BỘ AN NINH LÀO THĂM HỌC VIỆN CẢNH SÁT NHÂN DÂN",
     [("BỘ AN NINH LÀO", "ORG"), ("HỌC VIỆN CẢNH SÁT NHÂN DÂN", "ORG")]),
    ("VIỆT NAM - LÀO TĂNG CƯỜNG HỢP TÁC", []),
])
def test_countries_in_capitals(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a national department, "Quốc gia" and its country: one ORG
    ("Tổng cục Cảnh sát Quốc gia Campuchia cử đoàn sang.", [("Tổng cục Cảnh sát Quốc gia Campuchia", "ORG")]),
    # a province whose name is also something else does not cut a name after a cue ("Mon", a state of Myanmar)
    ("Ông Mon Sareth dự họp.", [("Mon Sareth", "PERSON")]),
    # gold by the tael, targets; "chỉ" after a number is "only"
    ("Thu 1.200 lượng vàng, đạt 12 chỉ tiêu; khóa 5 chỉ có 30 học viên.",
     [("1.200 lượng", "QUANTITY"), ("12 chỉ tiêu", "QUANTITY"), ("30 học viên", "QUANTITY")]),
])
def test_national_police_of_a_country_names_after_an_ambiguous_province_and_gold(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a city whose name starts with a unit word, after the city word
    ("Cục Công an thành phố Phòng Thành Cảng tặng quà.", [("Cục Công an thành phố Phòng Thành Cảng", "ORG")]),
])
def test_a_city_named_like_a_unit(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # more Vietnamese spellings of Lao and Cambodian provinces
    ("Đoàn công tác tỉnh Sa Ra Van, A Tô Pư và Bát-tam-boong.",
     [("Sa Ra Van", "PROVINCE"), ("A Tô Pư", "PROVINCE"), ("Bát-tam-boong", "PROVINCE")]),
])
def test_more_spellings_of_the_neighbours_provinces(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a floor, a row, a school grade are numbered places, no QUANTITY (rule 5)
    ("Tầng 2 đơn nguyên B; lớp 12 nữ sinh; dãy 3 ki-ốt.", []),
    # ... but "lớp" that ends a quantity keeps the next count
    ("Mở 3 lớp 45 học viên.", [("3 lớp", "QUANTITY"), ("45 học viên", "QUANTITY")]),
])
def test_floors_rows_and_grades(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # units of a headline in title case (session 8); a one-syllable unit that is a name word only after a multiplier
    ("Lập Sàn Vàng Giả, Chiếm Đoạt Hơn 12 Tỷ Đồng", [("12 Tỷ Đồng", "QUANTITY")]),
    ("Giải Cứu 3 Phụ Nữ, Thu 20.000 Lít Dầu", [("3 Phụ Nữ", "QUANTITY"), ("20.000 Lít", "QUANTITY")]),
    ("Trụ sở ở số 5 Đồng Khởi. Đội 3 Nam Định đến.", [("Nam Định", "PROVINCE")]),
    # more counters; "đồng phạm" is no currency
    ("Bắt 7 đồng phạm, thu 9 đồng; 3 thuyền viên, 14 khúc gỗ, 2 lán, 6 đàn em, 300 giấy phép, 2 giám đốc.",
     [("7 đồng phạm", "QUANTITY"), ("9 đồng", "QUANTITY"), ("3 thuyền viên", "QUANTITY"), ("14 khúc", "QUANTITY"),
      ("2 lán", "QUANTITY"), ("6 đàn em", "QUANTITY"), ("300 giấy phép", "QUANTITY"), ("2 giám đốc", "QUANTITY")]),
])
def test_title_case_units_and_more_counters(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # companies and works by their own name, perhaps after their trade (session 8)
    ("Giám đốc Công ty TNHH Thương mại Hòa Phát Lộc bị khởi tố.", [("Công ty TNHH Thương mại Hòa Phát Lộc", "ORG")]),
    ("Công ty Cổ phần Thủy sản Bình Minh tại Quảng Trị và Công ty TNHH XYZ ký kết.",
     [("Công ty Cổ phần Thủy sản Bình Minh", "ORG"), ("Quảng Trị", "PROVINCE"), ("Công ty TNHH XYZ", "ORG")]),
    ("Xí nghiệp Đánh cá Hồng Hà đã nộp phạt. Công ty này bị phạt. Công ty đã nộp đủ.",
     [("Xí nghiệp Đánh cá Hồng Hà", "ORG")]),
    # a police unit of a city district named like a person ("Hai Bà Trưng"), CATP with its city, a boarding school
    ("CATP Hà Nội và Công an quận Hai Bà Trưng phối hợp.", [("CATP Hà Nội", "ORG"), ("Công an quận Hai Bà Trưng", "ORG")]),
    ("Học sinh Trường Phổ thông dân tộc nội trú Lê Văn Tám nhận quà.",
     [("Trường Phổ thông dân tộc nội trú Lê Văn Tám", "ORG")]),
    # no domain inside an e-mail or a longer address, or where something is posted; a source's domain is an ORG
    ("Thư điện tử bbt@congan.example.vn; trang web giả mạo abc-gov.info; đăng tại congan.example.gov.vn.", []),
    ("Hai bên ký kết (Baoxyz.vn).", [("Baoxyz.vn", "ORG")]),
])
def test_companies_and_addresses(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # bodies in title-case headlines; the supreme procuracy abbreviated; the high courts by their seat (session 8)
    ("Công An Tỉnh Sơn La Và Sở An Ninh Tỉnh Khăm Muộn Ký Kết",
     [("Công An Tỉnh Sơn La", "ORG"), ("Sở An Ninh Tỉnh Khăm Muộn", "ORG")]),
    ("VKSND tối cao kháng nghị; Tòa án nhân dân cấp cao tại Đà Nẵng xét xử phúc thẩm.",
     [("VKSND tối cao", "ORG"), ("Tòa án nhân dân cấp cao tại Đà Nẵng", "ORG")]),
])
def test_bodies_in_title_case_and_high_courts(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a national force inside the name of its holiday is no ORG (session 8); a body named by its place still is
    ("Kỷ niệm 80 năm Ngày truyền thống lực lượng Cảnh sát nhân dân, Ngày truyền thống Bộ đội Biên phòng.", []),
    ("Ngày truyền thống Công an tỉnh Nghệ An. Lực lượng Cảnh sát nhân dân đã bắt.",
     [("Công an tỉnh Nghệ An", "ORG"), ("Cảnh sát nhân dân", "ORG")]),
])
def test_a_force_in_the_name_of_its_holiday(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "Tuần tra, kiểm soát" keeps its comma inside a unit's name (session 8); lower case it names no unit
    ("Đội Tuần tra, kiểm soát Phòng Cảnh sát giao thông Công an tỉnh Nghệ An phát hiện xe tải.",
     [("Đội Tuần tra, kiểm soát Phòng Cảnh sát giao thông Công an tỉnh Nghệ An", "ORG")]),
    ("Đội Tuần tra, kiểm soát giao thông Công an huyện Kỳ Sơn đã đến. Lực lượng tuần tra, kiểm soát đã đến.",
     [("Đội Tuần tra, kiểm soát giao thông Công an huyện Kỳ Sơn", "ORG")]),
])
def test_a_unit_name_with_a_comma(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # border inspection stations at a port or a city whose name starts with a unit word (session 8)
    ("Tổng trạm Kiểm tra biên phòng Phòng Thành Cảng và Trạm Kiểm tra biên phòng cảng Đông Hưng phối hợp.",
     [("Tổng trạm Kiểm tra biên phòng Phòng Thành Cảng", "ORG"), ("Trạm Kiểm tra biên phòng cảng Đông Hưng", "ORG")]),
])
def test_border_stations_at_ports(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 8b: "Cục Hải quan" alone (the national customs since 2025) and its branch by its province
    ("Lô hàng được giao cho Cục Hải quan xử lý; Cục Hải quan Quảng Trị và Cục Hải quan tỉnh Lào Cai phối hợp.",
     [("Cục Hải quan", "ORG"), ("Cục Hải quan Quảng Trị", "ORG"), ("Cục Hải quan tỉnh Lào Cai", "ORG")]),
    # a foreign department with a description in "di trú", "trung ương", then its country
    ("Ông Chan Dara, đại diện Tổng cục Di trú Campuchia, và Cục Điều tra trung ương Thái Lan đã đến.",
     [("Chan Dara", "PERSON"), ("Tổng cục Di trú Campuchia", "ORG"), ("Cục Điều tra trung ương Thái Lan", "ORG")]),
    # counters "án" (a sentence) and "danh sách"
    ("Tòa tuyên 3 án tử hình và gửi 12 danh sách đối tượng.", [("3 án", "QUANTITY"), ("12 danh sách", "QUANTITY")]),
    # family names "Ngân" (Thái) and "Vy" (Tày), the middle name "Thạnh", with no cue
    ("Tháng 5, Ngân Văn Khòn (SN 1980) và chủ hàng Vy Thị Lụa bị bắt. Bài và ảnh: TRẦN THẠNH LONG",
     [("Ngân Văn Khòn", "PERSON"), ("Vy Thị Lụa", "PERSON"), ("TRẦN THẠNH LONG", "PERSON")]),
])
def test_session_8b_national_customs_foreign_departments_counters_and_names(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 8b: a border post named by a commune whose first word starts no other place or whose second word is a
    # family name; a trailing letter ("Hậu A"); it stops before a full name and a title, as other posts do
    ("Đồn Biên phòng Phó Bảng và Đồn Biên phòng Thường Phước B phối hợp với Đồn Biên phòng Bản Giàng.",
     [("Đồn Biên phòng Phó Bảng", "ORG"), ("Đồn Biên phòng Thường Phước B", "ORG"), ("Đồn Biên phòng Bản Giàng", "ORG")]),
    ("Đồn Biên phòng Bản Lầu, Thiếu tá Nguyễn Văn Tú; Đồn Biên phòng Phó Chỉ huy; Đồn Biên phòng Trung Quốc.",
     [("Đồn Biên phòng Bản Lầu", "ORG"), ("Thiếu tá", "RANK"), ("Nguyễn Văn Tú", "PERSON")]),
    # a numbered company with what it does and its province (a neighbour's unit)
    ("Đồn phối hợp với Đại đội 3 bảo vệ biên giới tỉnh Sekong (Lào) tuần tra.",
     [("Đại đội 3 bảo vệ biên giới tỉnh Sekong", "ORG")]),
])
def test_session_8b_border_posts_and_numbered_companies(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 8b: "cụ" (an old person) is a cue like "ông", for a name in no list too; "Cụ thể" is no name
    ("Chiến sĩ cõng cụ Lềnh qua suối. Cụ thể, cụ Lò Văn Pọm được đưa về.",
     [("Lềnh", "PERSON"), ("Lò Văn Pọm", "PERSON")]),
])
def test_session_8b_an_old_person_cue(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 8b: a title, a border post named by its commune, then a name with no comma
    ("Chỉ huy trưởng Đồn Biên phòng Nậm Cắn Nguyễn Văn Tú cho biết.",
     [("Đồn Biên phòng Nậm Cắn", "ORG"), ("Nguyễn Văn Tú", "PERSON")]),
    ("Đồn trưởng Đồn Biên phòng Bản Lầu Sùng A Páo dự; Chỉ huy trưởng Đồn Biên phòng Nậm Cắn phát biểu.",
     [("Đồn Biên phòng Bản Lầu", "ORG"), ("Sùng A Páo", "PERSON"), ("Đồn Biên phòng Nậm Cắn", "ORG")]),
])
def test_session_8b_a_title_a_post_and_a_name(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 8b: Lao and Cambodian provinces in their international spelling in a headline in capitals
    ("HỘI ĐÀM GIỮA HAI TỈNH KON TUM - ATTAPEU VÀ GIA LAI - RATANAKIRI",
     [("KON TUM", "PROVINCE"), ("ATTAPEU", "PROVINCE"), ("GIA LAI", "PROVINCE"), ("RATANAKIRI", "PROVINCE")]),
])
def test_session_8b_latin_provinces_in_capitals(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 8b: a neighbour's provincial police in a headline in capitals
    ("CÔNG AN TỈNH AN GIANG BÀN GIAO 2 ĐỐI TƯỢNG CHO CẢNH SÁT TỈNH KANDAL",
     [("CÔNG AN TỈNH AN GIANG", "ORG"), ("2 ĐỐI TƯỢNG", "QUANTITY"), ("CẢNH SÁT TỈNH KANDAL", "ORG")]),
])
def test_session_8b_a_neighbours_police_in_capitals(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 9a: every Latin spelling of the neighbours' and China's provinces in a headline in capitals, of one to
    # four words (a class of words per position)
    ("ĐIỆN BIÊN - LUANG PRABANG: TRAO TRẢ 3 ĐỐI TƯỢNG",
     [("ĐIỆN BIÊN", "PROVINCE"), ("LUANG PRABANG", "PROVINCE"), ("3 ĐỐI TƯỢNG", "QUANTITY")]),
    ("HỘI ĐÀM VỚI CẢNH SÁT NONG KHAI VÀ NAKHON PHANOM", [("NONG KHAI", "PROVINCE"), ("NAKHON PHANOM", "PROVINCE")]),
    ("QUẢNG NINH - GUANGXI: PHỐI HỢP PHÁ ÁN", [("QUẢNG NINH", "PROVINCE"), ("GUANGXI", "PROVINCE")]),
    ("PHÁ ĐƯỜNG DÂY TỪ CHIANG RAI VỀ PHONGSALY", [("CHIANG RAI", "PROVINCE"), ("PHONGSALY", "PROVINCE")]),
    ("KON TUM - SA LA VAN VÀ NAKHON SI THAMMARAT", [("KON TUM", "PROVINCE"), ("SA LA VAN", "PROVINCE"),
                                                   ("NAKHON SI THAMMARAT", "PROVINCE")]),
    ("CÔNG AN TỈNH NONG KHAI TRAO QUÀ", [("CÔNG AN TỈNH NONG KHAI", "ORG")]),
    # names that are also something else, and Vietnamese words without tone marks: nothing
    ("BAN MAI TRÊN BIÊN GIỚI; TRANG TIN; TAK", []),
])
def test_session_9a_latin_provinces_in_capitals(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 9a: a unit with its descriptive name and parent body in a headline in capitals (rule 2: one ORG)
    ("PHÒNG CẢNH SÁT HÌNH SỰ CÔNG AN TỈNH NGHỆ AN PHÁ ÁN", [("PHÒNG CẢNH SÁT HÌNH SỰ CÔNG AN TỈNH NGHỆ AN", "ORG")]),
    ("PHÒNG PC04 CÔNG AN TỈNH HÀ TĨNH BẮT 3 ĐỐI TƯỢNG",
     [("PHÒNG PC04 CÔNG AN TỈNH HÀ TĨNH", "ORG"), ("3 ĐỐI TƯỢNG", "QUANTITY")]),
    # the neighbour's police stays a body; a unit with no parent and a common phrase give nothing
    ("BÀN GIAO 2 ĐỐI TƯỢNG CHO CẢNH SÁT TỈNH KANDAL", [("2 ĐỐI TƯỢNG", "QUANTITY"), ("CẢNH SÁT TỈNH KANDAL", "ORG")]),
    ("ĐỘI CẢNH SÁT HÌNH SỰ RA QUÂN; PHÒNG CHỐNG MA TÚY TẠI NGHỆ AN", [("NGHỆ AN", "PROVINCE")]),
    # session 9a: a body at an international or national border gate
    ("Ban Quản lý cửa khẩu quốc tế Cầu Treo tiếp nhận 2 công dân.",
     [("Ban Quản lý cửa khẩu quốc tế Cầu Treo", "ORG"), ("2 công dân", "QUANTITY")]),
    ("Ban Quản lý cửa khẩu quốc gia Chiềng Khương họp.", [("Ban Quản lý cửa khẩu quốc gia Chiềng Khương", "ORG")]),
])
def test_session_9a_units_in_capitals_and_gate_boards(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "Cảnh sát" + a country stays no ORG: the dev sets' writers disagree (set E: none; set K: "Cảnh sát Myanmar")
    ("Cảnh sát Lào và Việt Nam phối hợp. Phòng Cảnh sát Lào họp.", []),
    # a paper named by its body and place; the secretariat of a named body
    ("(Báo Công an TP.HCM) - Sáng 3/4, trường khai giảng.", [("Báo Công an TP.HCM", "ORG")]),
    ("Văn phòng gửi Ban Tổng thư ký Interpol tại Lyon.", [("Ban Tổng thư ký Interpol", "ORG")]),
    # a person's age between commas, like a year of birth; a police rank of a neighbour; teachers as cues
    ("Đường dây do Sai Tun Mya, 46 tuổi, quốc tịch Myanmar, cầm đầu.", [("Sai Tun Mya", "PERSON")]),
    ("Phía Thái Lan có Trung tướng cảnh sát Prasit Wongchai dự.", [("Trung tướng", "RANK"), ("Prasit Wongchai", "PERSON")]),
    ("Lớp có giảng viên Kim Sô Phon và giáo viên Lâm Thị Nga.", [("Kim Sô Phon", "PERSON"), ("Lâm Thị Nga", "PERSON")]),
    # Cambodian and Lao spellings in Vietnamese; a counter of trading floors
    ("làm việc với Cảnh sát tỉnh Xiêm Rệp và Công an tỉnh Luangphrabang, lập 6 sàn giả.",
     [("Cảnh sát tỉnh Xiêm Rệp", "ORG"), ("Công an tỉnh Luangphrabang", "ORG"), ("6 sàn", "QUANTITY")]),
])
def test_session_9a_neighbours_police_papers_ages_and_spellings(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 9a: counters of campaigns, propaganda and border work
    ("Đoàn trao 200 phần quà; báo đăng 120 tin bài; triệt xóa 5 tụ điểm; bộ đội góp 500 ngày công.",
     [("200 phần", "QUANTITY"), ("120 tin bài", "QUANTITY"), ("5 tụ điểm", "QUANTITY"), ("500 ngày công", "QUANTITY")]),
])
def test_session_9a_counters(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 9b: counters of equipment, projects, health, agreements, students; the colloquial kilogram
    ("Chi cục lắp 12 camera và 3 hệ thống máy soi, xây 2 trung tâm huấn luyện.",
     [("12 camera", "QUANTITY"), ("3 hệ thống", "QUANTITY"), ("2 trung tâm", "QUANTITY")]),
    ("Đoàn khám cho 75 bệnh nhân, hai bên ký 4 văn kiện và nhận 31 nghiên cứu sinh.",
     [("75 bệnh nhân", "QUANTITY"), ("4 văn kiện", "QUANTITY"), ("31 nghiên cứu sinh", "QUANTITY")]),
    ("Tổ công tác thu 3 cân thuốc phiện và 2 bị can, 4 BỊ CÁO, 5 đối tượng.",
     [("3 cân", "QUANTITY"), ("2 bị can", "QUANTITY"), ("4 BỊ CÁO", "QUANTITY"), ("5 đối tượng", "QUANTITY")]),
    # two-syllable units share patterns by their first or last syllable: no mixed pair is a unit
    ("Bắt 2 bị tượng và 3 đối can.", []),
])
def test_session_9b_counters(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 9b: a neighbour's national police named by its country, capitalised (lead's decision); not its
    # officers in lower case, coordinated countries, or a unit's description
    ("Cảnh sát Campuchia bàn giao đối tượng; cảnh sát Lào cũng có mặt.", [("Cảnh sát Campuchia", "ORG")]),
    ("Cảnh sát Myanmar và Cảnh sát quốc gia Hoàng gia Campuchia ký biên bản.",
     [("Cảnh sát Myanmar", "ORG"), ("Cảnh sát quốc gia Hoàng gia Campuchia", "ORG")]),
    ("Cảnh sát Lào - Việt Nam phối hợp. Phòng Cảnh sát Lào họp.", []),
    # a neighbour's police by its district; customs by its province or its border gate
    ("Phó Chỉ huy trưởng Cảnh sát huyện Mê Lung dự họp.", [("Cảnh sát huyện Mê Lung", "ORG")]),
    ("Ảnh: Hải quan Lạng Sơn. Đội trưởng Hải quan cửa khẩu Tà Lùng báo cáo; lực lượng hải quan tham gia.",
     [("Hải quan Lạng Sơn", "ORG"), ("Hải quan cửa khẩu Tà Lùng", "ORG")]),
    ("Đội Kiểm soát Hải quan Cục Hải quan tỉnh Lạng Sơn phối hợp.", [("Đội Kiểm soát Hải quan Cục Hải quan tỉnh Lạng Sơn", "ORG")]),
    # a department of the border force named by its description
    ("Cục Trinh sát Bộ đội Biên phòng chủ trì.", [("Cục Trinh sát Bộ đội Biên phòng", "ORG")]),
    # an embassy or consulate at a city, or in a country before its envoy's name
    ("Tổng Lãnh sự quán Lào tại TP Hồ Chí Minh gửi thư.", [("Tổng Lãnh sự quán Lào tại TP Hồ Chí Minh", "ORG")]),
    ("Tùy viên Đại sứ quán Lào tại Việt Nam Khăm Phăn; Đại sứ quán Lào tại Pắc-xế.",
     [("Đại sứ quán Lào tại Việt Nam", "ORG"), ("Khăm Phăn", "PERSON"), ("Đại sứ quán Lào tại Pắc-xế", "ORG")]),
])
def test_session_9b_neighbours_police_customs_departments_and_embassies(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 9b: a hospital with its ministry; a party's politburo; the force's museum; its schools in general
    ("Bệnh viện 19-8 Bộ Công an và Bệnh viện 103 Bộ An ninh Lào khám cho 40 bệnh nhân.",
     [("Bệnh viện 19-8 Bộ Công an", "ORG"), ("Bệnh viện 103 Bộ An ninh Lào", "ORG"), ("40 bệnh nhân", "QUANTITY")]),
    ("Ông là Ủy viên Bộ Chính trị Đảng Nhân dân Cách mạng Lào; bà là Ủy viên Bộ Chính trị.",
     [("Bộ Chính trị Đảng Nhân dân Cách mạng Lào", "ORG"), ("Bộ Chính trị", "ORG")]),
    ("Đoàn thăm Bảo tàng Công an nhân dân; 300 học viên học tại các trường Công an nhân dân Việt Nam.",
     [("Bảo tàng Công an nhân dân", "ORG"), ("300 học viên", "QUANTITY")]),
    # more spellings of Lao and Cambodian provinces
    ("Công an tỉnh Chămpasak trao quà. Học viên quê tỉnh Xê Công; Sê Công, Prey Vêng và Pô-thi-xát.",
     [("Công an tỉnh Chămpasak", "ORG"), ("Xê Công", "PROVINCE"), ("Sê Công", "PROVINCE"), ("Prey Vêng", "PROVINCE"),
      ("Pô-thi-xát", "PROVINCE")]),
    # a spelling two gazetteer lines share (a province and a capital) is still found once
    ("Đoàn từ Hanoi sang Vientiane.", [("Hanoi", "PROVINCE"), ("Vientiane", "PROVINCE")]),
])
def test_session_9b_hospitals_politburo_museum_and_spellings(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 9b: ministries and embassies in title-case headlines, with their country
    ("Hợp Tác Với Bộ Nội Vụ Campuchia Đã Sang Giai Đoạn Mới", [("Bộ Nội Vụ Campuchia", "ORG")]),
    ("Bộ Công An Và Bộ An Ninh Lào Ký Kết", [("Bộ Công An", "ORG"), ("Bộ An Ninh Lào", "ORG")]),
    ("Đại Sứ Quán Campuchia Kỷ Niệm Ngày Thành Lập", [("Đại Sứ Quán Campuchia", "ORG")]),
])
def test_session_9b_ministries_and_embassies_in_title_case(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 9b: customs named by its gate alone; the customs branches of the numbered regions
    ("Hải quan Trà Lĩnh: Kim ngạch tăng. Theo Chi cục Hải quan khu vực VI và Chi cục Hải quan khu vực 12.",
     [("Hải quan Trà Lĩnh", "ORG"), ("Chi cục Hải quan khu vực VI", "ORG"), ("Chi cục Hải quan khu vực 12", "ORG")]),
    # not inside the longer body, nor before a person's name
    ("Cục Hải quan tỉnh Lạng Sơn họp; cán bộ Hải quan Lò Văn Pọm phát biểu.",
     [("Cục Hải quan tỉnh Lạng Sơn", "ORG"), ("Lò Văn Pọm", "PERSON")]),
])
def test_session_9b_customs_by_gate_and_region(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 9b: any name after a noun of a person and "tên"; not a country, nor "tên tuổi"
    ("Y gặp một người đàn ông tên Xổm để nhận hàng; một thanh niên tên là Pó Văn Dia đi cùng.",
     [("Xổm", "PERSON"), ("Pó Văn Dia", "PERSON")]),
    ("Một người tên Lào đến. Người tên tuổi.", []),
])
def test_session_9b_a_name_after_a_person_and_ten(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 9b: a friendship association of two countries; not one of "hai nước"
    ("Hội hữu nghị Việt Nam - Campuchia tặng quà. Hội Hữu nghị Việt Nam - Lào họp. Hội hữu nghị hai nước.",
     [("Hội hữu nghị Việt Nam - Campuchia", "ORG"), ("Hội Hữu nghị Việt Nam - Lào", "ORG")]),
])
def test_session_9b_friendship_associations(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 9b: a name in capitals after a title of two words in capitals; the rank "ĐẠI TƯỚNG" stays a rank
    ("THỨ TRƯỞNG LÊ VĂN THUẬN DỰ HỘI NGHỊ", [("LÊ VĂN THUẬN", "PERSON")]),
    ("ĐẠI SỨ NGUYỄN BÁ HÙNG THĂM ĐỒN BIÊN PHÒNG", [("NGUYỄN BÁ HÙNG", "PERSON")]),
    ("ĐẠI TƯỚNG TÔ LÂM TIẾP ĐOÀN", [("ĐẠI TƯỚNG", "RANK"), ("TÔ LÂM", "PERSON")]),
    ("GIÁM ĐỐC CÔNG AN TỈNH NGHỆ AN TIẾP ĐOÀN", [("CÔNG AN TỈNH NGHỆ AN", "ORG")]),
])
def test_session_9b_titles_in_capitals(nlp, text, expected):
    assert ents(nlp, text) == expected


# ---------------------------------------------------------------- session 10a


@pytest.mark.parametrize("text, expected", [
    # a provincial police's departments since 2025 by their full names: "và", "phòng, chống" and commas inside
    ("Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao Công an tỉnh Hưng Yên cảnh báo.",
     [("Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao Công an tỉnh Hưng Yên", "ORG")]),
    ("Phòng Cảnh sát thi hành án hình sự và hỗ trợ tư pháp Công an tỉnh Lâm Đồng tiếp nhận hồ sơ.",
     [("Phòng Cảnh sát thi hành án hình sự và hỗ trợ tư pháp Công an tỉnh Lâm Đồng", "ORG")]),
    ("Phòng Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu Công an tỉnh Cà Mau khởi tố vụ án.",
     [("Phòng Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu Công an tỉnh Cà Mau", "ORG")]),
    ("Phòng Cảnh sát quản lý trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng Công an tỉnh Phú Thọ họp.",
     [("Phòng Cảnh sát quản lý trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng Công an tỉnh Phú Thọ", "ORG")]),
    ("Ông Lê Văn Kha dự lớp của Trung tâm Huấn luyện và bồi dưỡng nghiệp vụ Bộ Công an.",
     [("Lê Văn Kha", "PERSON"), ("Trung tâm Huấn luyện và bồi dưỡng nghiệp vụ Bộ Công an", "ORG")]),
    # the fields after a comma need the parent body: a department alone stops at its comma
    ("Phối hợp với Cục Cảnh sát hình sự, lực lượng chức năng bắt 3 đối tượng.",
     [("Cục Cảnh sát hình sự", "ORG"), ("3 đối tượng", "QUANTITY")]),
    ("Phòng Cảnh sát hình sự, Phòng Cảnh sát kinh tế Công an tỉnh Gia Lai vào cuộc.",
     [("Phòng Cảnh sát hình sự", "ORG"), ("Phòng Cảnh sát kinh tế Công an tỉnh Gia Lai", "ORG")]),
])
def test_session_10a_department_names_with_commas_and_va(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a station named by its place, no parent body
    ("Trạm Cảnh sát giao thông Kim Sơn phát hiện xe tải chở hàng lậu.", [("Trạm Cảnh sát giao thông Kim Sơn", "ORG")]),
    ("Tổ công tác Trạm CSGT Bến Lức dừng xe.", [("Trạm CSGT Bến Lức", "ORG")]),
    ("Trạm trưởng Trạm Cảnh sát đường thủy Mỹ Tho Đặng Văn Lộc cho biết.",
     [("Trạm Cảnh sát đường thủy Mỹ Tho", "ORG"), ("Đặng Văn Lộc", "PERSON")]),
    ("Trạm Cảnh sát giao thông Công an tỉnh Ninh Bình lập biên bản.",
     [("Trạm Cảnh sát giao thông Công an tỉnh Ninh Bình", "ORG")]),
])
def test_session_10a_stations_named_by_their_place(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # people counted by two-syllable nouns
    ("Xã có 12.000 nhân khẩu, 40 già làng và 300 kiều bào về thăm.",
     [("12.000 nhân khẩu", "QUANTITY"), ("40 già làng", "QUANTITY"), ("300 kiều bào", "QUANTITY")]),
    ("Tàu chở 9 thủy thủ và 2 tài xế bị kiểm tra.", [("9 thủy thủ", "QUANTITY"), ("2 tài xế", "QUANTITY")]),
    # two-syllable units in a title-case headline: the unit is one word, nothing after it
    ("Công Bố 26 Phòng Nghiệp Vụ Mới", [("26 Phòng", "QUANTITY")]),
    ("Bắt 5 Đối Tượng, Thu 3 Nghìn Đô La", [("5 Đối Tượng", "QUANTITY"), ("3 Nghìn Đô La", "QUANTITY")]),
    ("Giải Cứu 6 Phụ Nữ", [("6 Phụ Nữ", "QUANTITY")]),
])
def test_session_10a_counters_and_title_case_units(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # commune and ward police since 2025: numbered communes and wards, highland names with an apostrophe, "Thủ ..."
    ("Công an xã Bạch Đằng 2, tỉnh Hưng Yên tiếp nhận đơn trình báo.",
     [("Công an xã Bạch Đằng 2", "ORG"), ("Hưng Yên", "PROVINCE")]),
    ("Công an phường Hà Giang 1 và Công an xã Ea H'leo phối hợp.",
     [("Công an phường Hà Giang 1", "ORG"), ("Công an xã Ea H'leo", "ORG")]),
    ("Trưởng Công an xã Cư M'gar Y Bhim Niê cho biết.", [("Công an xã Cư M'gar", "ORG"), ("Y Bhim Niê", "PERSON")]),
    ("Công an phường Thủ Đức, TP Hồ Chí Minh bắt giữ 2 đối tượng.",
     [("Công an phường Thủ Đức", "ORG"), ("Hồ Chí Minh", "PROVINCE"), ("2 đối tượng", "QUANTITY")]),
    # a count of time or a quantity after the body is no number of the commune
    ("Công an phường Phú Lợi 3 năm liền đạt danh hiệu.", [("Công an phường Phú Lợi", "ORG")]),
    ("Công an xã Tân Lập 6 tháng đầu năm bắt 5 đối tượng.", [("Công an xã Tân Lập", "ORG"), ("5 đối tượng", "QUANTITY")]),
    ("Công an xã Tân Lập 2 lần bắt quả tang.", [("Công an xã Tân Lập", "ORG"), ("2 lần", "QUANTITY")]),
    ("Cảnh Báo Thủ Đoạn Giả Danh Nhân Viên Điện Lực", []),
    # the province word only before the second province: the body of the first, and the other province
    ("Công an Gia Lai và tỉnh Ratanakiri ký kế hoạch phối hợp.", [("Công an Gia Lai", "ORG"), ("Ratanakiri", "PROVINCE")]),
    ("Công an Hà Tĩnh và Bôlykhămxay ký biên bản.", [("Hà Tĩnh", "PROVINCE"), ("Bôlykhămxay", "PROVINCE")]),
    ("Công an tỉnh Nghệ An và tỉnh Hà Tĩnh ký biên bản.", [("Nghệ An", "PROVINCE"), ("Hà Tĩnh", "PROVINCE")]),
])
def test_session_10a_commune_police_and_coordination(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # units and departments of a region, a broadcaster's regional office
    ("Trung đoàn Cảnh sát cơ động Tây Bắc tổ chức diễn tập cho 2 tiểu đoàn.",
     [("Trung đoàn Cảnh sát cơ động Tây Bắc", "ORG"), ("2 tiểu đoàn", "QUANTITY")]),
    ("Cục An ninh Tây Nguyên phối hợp xác minh.", [("Cục An ninh Tây Nguyên", "ORG")]),
    ("Ảnh: VTV Huế", [("VTV Huế", "ORG")]),
    ("Theo VOV Tây Nguyên, lũ đã rút.", [("VOV Tây Nguyên", "ORG")]),
    # a region alone, or inside a person's name, is nothing of its own
    ("Vùng Tây Bắc và Đại tá Hoàng Đông Bắc.", [("Đại tá", "RANK"), ("Hoàng Đông Bắc", "PERSON")]),
    # counters of units, officers and animals; a Lao province in a hyphenated spelling
    ("Cảnh sát bắt 2 cảnh sát biến chất và thu 14 cá thể tê tê, huy động 3 đại đội.",
     [("2 cảnh sát", "QUANTITY"), ("14 cá thể", "QUANTITY"), ("3 đại đội", "QUANTITY")]),
    ("Đối tượng trú tỉnh Xả-lạ-văn (Lào).", [("Xả-lạ-văn", "PROVINCE")]),
])
def test_session_10a_regions_counters_and_spellings(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a body named in English: a first word that opens such names, a head noun of bodies
    ("Ảnh: Royal Thai Police", [("Royal Thai Police", "ORG")]),
    ("Theo Drug Enforcement Administration, đường dây đã bị triệt phá.", [("Drug Enforcement Administration", "ORG")]),
    ("Ông Thomas Police và ông Royal Lee gặp nhau.", [("Thomas Police", "PERSON"), ("Royal Lee", "PERSON")]),
    # "công an" in lower case is the force, no named body: the province only
    ("Cán bộ công an Vân Nam sang dự lớp.", [("Vân Nam", "PROVINCE")]),
    ("Lực lượng công an tỉnh Sơn La và công an xã Chiềng Khoa có mặt.", [("Sơn La", "PROVINCE")]),
    ("Công an tỉnh Sơn La và Công an xã Chiềng Khoa có mặt.",
     [("Công an tỉnh Sơn La", "ORG"), ("Công an xã Chiềng Khoa", "ORG")]),
])
def test_session_10a_english_bodies_and_the_force_in_lower_case(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a national police by its country, capitalised; not coordinated; "Lực lượng" outside; the coast guard
    ("Bệnh viện đào tạo bác sĩ cho ngành y tế Công an Lào.", [("Công an Lào", "ORG")]),
    ("Công an Lào và Việt Nam phối hợp.", []),
    ("Lực lượng Cảnh sát Singapore làm việc với đoàn.", [("Lực lượng Cảnh sát Singapore", "ORG")]),
    ("Lực lượng Cảnh sát Lào làm việc với đoàn.", [("Cảnh sát Lào", "ORG")]),
    ("Cảnh sát biển thu giữ 2 tàu.", [("Cảnh sát biển", "ORG"), ("2 tàu", "QUANTITY")]),
    # a flotilla numbered in its province names nothing
    ("Hải đội Biên phòng 2 tuần tra trên biển.", []),
])
def test_session_10a_national_police_by_country_and_numbered_flotillas(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a province's departments merged in 2025, named by their province
    ("Sở Dân tộc và Tôn giáo tỉnh Lai Châu và Sở Nông nghiệp và Môi trường tỉnh Đắk Lắk ký kết.",
     [("Sở Dân tộc và Tôn giáo tỉnh Lai Châu", "ORG"), ("Sở Nông nghiệp và Môi trường tỉnh Đắk Lắk", "ORG")]),
    ("Ban Dân tộc tỉnh Gia Lai tặng quà.", [("Ban Dân tộc tỉnh Gia Lai", "ORG")]),
    # China: a party committee's political and legal affairs commission
    ("Đoàn làm việc với Ủy ban Chính pháp Khu ủy Quảng Tây.", [("Ủy ban Chính pháp Khu ủy Quảng Tây", "ORG")]),
    # with no place they name no body (rule 3)
    ("Giám đốc Sở Nông nghiệp và Môi trường Nguyễn Văn An phát biểu.", [("Nguyễn Văn An", "PERSON")]),
])
def test_session_10a_provincial_departments_since_2025(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # containers and devices as reports write them; the kip capitalised
    ("Lực lượng thu 2 container, 3 công-ten-nơ và 3 laptop, số tiền 20 triệu Kip.",
     [("2 container", "QUANTITY"), ("3 công-ten-nơ", "QUANTITY"), ("3 laptop", "QUANTITY"), ("20 triệu Kip", "QUANTITY")]),
])
def test_session_10a_containers_devices_and_the_kip(nlp, text, expected):
    assert ents(nlp, text) == expected


# ---------------------------------------------------------------- the coast guard's regions and departments (session 10c)


@pytest.mark.parametrize("text, expected", [
    # a numbered region command is one ORG, whole, also in its longer official form and with its flotillas
    ("Vùng Cảnh sát biển 3 tổ chức tuần tra.", [("Vùng Cảnh sát biển 3", "ORG")]),
    ("Cán bộ Bộ Tư lệnh Vùng Cảnh sát biển 4 bắt 2 đối tượng.",
     [("Bộ Tư lệnh Vùng Cảnh sát biển 4", "ORG"), ("2 đối tượng", "QUANTITY")]),
    ("Đại tá Trần Văn Khoa, Tư lệnh Vùng Cảnh sát biển 1, phát biểu.",
     [("Đại tá", "RANK"), ("Trần Văn Khoa", "PERSON"), ("Vùng Cảnh sát biển 1", "ORG")]),
    ("Hải đoàn 31 Vùng Cảnh sát biển 3 kéo tàu cá về bờ.", [("Hải đoàn 31 Vùng Cảnh sát biển 3", "ORG")]),
    ("Hải đội 302 Vùng Cảnh sát biển 2 kéo tàu cá về bờ.", [("Hải đội 302 Vùng Cảnh sát biển 2", "ORG")]),
    # a department of a coast guard with its country or province is not cut at the national body inside it
    ("Cục Cảnh sát biển Việt Nam ký kết với Cục Cảnh sát biển Campuchia.",
     [("Cục Cảnh sát biển Việt Nam", "ORG"), ("Cục Cảnh sát biển Campuchia", "ORG")]),
    ("Chi cục Cảnh sát biển Hải Phòng kiểm tra tàu.", [("Chi cục Cảnh sát biển Hải Phòng", "ORG")]),
    ("Bộ Tư lệnh Cảnh sát biển Việt Nam tổ chức hội nghị.", [("Bộ Tư lệnh Cảnh sát biển Việt Nam", "ORG")]),
    ("Học viện Cảnh sát biển khai giảng.", [("Học viện Cảnh sát biển", "ORG")]),
    ("Ban Chỉ huy Cảnh sát biển tỉnh Quảng Ninh họp.", [("Ban Chỉ huy Cảnh sát biển tỉnh Quảng Ninh", "ORG")]),
    ("Chi cục Cảnh sát biển thành phố Hải Phòng kiểm tra.",
     [("Chi cục Cảnh sát biển thành phố Hải Phòng", "ORG")]),
    ("Hải đoàn 11 Cảnh sát biển tuần tra.", [("Hải đoàn 11 Cảnh sát biển", "ORG")]),
    # negatives: the national body alone keeps the province beside it apart; a flotilla by its number alone is none
    ("Cảnh sát biển tuần tra vùng biển tỉnh Quảng Ninh.", [("Cảnh sát biển", "ORG"), ("Quảng Ninh", "PROVINCE")]),
    ("Hải đội 2 tuần tra.", []),
    ("Lực lượng Cảnh sát biển Việt Nam phối hợp với Cảnh sát biển Ấn Độ.",
     [("Cảnh sát biển Việt Nam", "ORG"), ("Cảnh sát biển Ấn Độ", "ORG")]),
    ("Cảnh sát biển Campuchia và Lào họp.", []),
    # (a navy's numbered region is one ORG since session 23, as the coast guard's: a unique national command, as a
    # writer of set ZZJ wrote it six times)
    ("Tàu của Vùng 3 Hải quân cập cảng.", [("Vùng 3 Hải quân", "ORG")]),
])
def test_the_coast_guards_regions_and_departments(nlp, text, expected):
    assert ents(nlp, text) == expected
