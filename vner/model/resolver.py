"""The resolver: merges the two passes into ``doc.ents``, then runs the document-level steps in order.

A new step is written in persons.py or orgs.py and called here, at its place in ``RulesResolver.__call__``.
"""

from __future__ import annotations

from pathlib import Path

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .helpers import AMBIGUOUS_PROVINCE, GLUED, SECOND_PASS_KEY, UNWRAP_LABEL, _SavedAsJson, _class, _is_capitalised, _taken, glued_flags, is_helper, reading, restore_view, tone_norm
from .orgs import _ambiguous_provinces_in_context, _names_numbered_before_the_verb_to_hold, _armed_police_by_place, _bracketed_abbreviations, _districts_ending_on_don, _gold_by_the_mace, _listed_places, _member_schools, _ministries_before_a_verb, _names_ending_on_a_unit_word, _names_running_through_a_unit_word, _numbered_units_of_a_body, _provincial_heads, _sources_opening_a_lead, _split_at_brackets, _split_shared_parent, _split_trailing_name, _trailing_forces, _sums_without_their_currency, _teams_of_a_post, _unit_words_naming_nothing, _villages, _village_heads, _branches_of_a_body, _bodies_of_a_body, _bodies_of_a_prefecture, _provincial_departments, _tails_of_bodies, _posts_ending_on_a_common_word, _provinces_in_another_tone, toneless_provinces, _steering_committees, _banks_by_their_brand, _banks_by_their_legal_name, _papers_without_bao, national_papers
from .orgs import _central_organs_of_a_party, _gate_zones_with_their_province, _numbered_units_of_the_neighbours, _school_levels
from .orgs import _autonomous_areas, _agencies_named_by_a_place, _associations_abroad, _consulates_by_their_city, _friendship_schools, _bodies_named_by_a_pair
from .persons import UpperNames, _agents_after_do, _aliases_in_brackets, _arrested_lists, _bylines, _complete_initials, _initials_alone, _initials_take_their_dot, _compound_family_names, _coordinated_given_names, _credits, _credits_in_brackets_at_the_end, ethnic_group_pattern, _ethnic_groups, _faculties_read_as_names, _family_name_ong, _family_name_pho, _family_names_cut_off, _full_names_before_a_verb, _full_names_with_a_middle_name, _given_names_after_cua, _given_names_before_a_verb_of_persons, _given_names_opening_a_clause, _given_names_that_are_words, _given_names_in_the_story, _countries_read_as_names, _glued_transcriptions, _highland_names, _khmer_prefixed_names, _kin_of_persons, _lao_leaders_after_a_provincial_title, _listed_names, _lists_of_names, _long_lao_names, _more_listed_names, _names_after_a_titled_body, _names_after_theo, _names_before_a_birth_year, _names_in_capitals_after_a_cue, _names_in_latin_script, _names_in_title_case_headlines, _names_listed_before_their_country, _names_of_things, _myanmar_honorifics, _malay_patronymics, _names_read_as_provinces, _nicknames, _other_names_and_leaders, _recurring_names, _sentenced_names, _speakers_after_a_quote, _speakers_opening_a_clause, _subjects_acting_on_a_person, _names_around_an_alias, _provinces_opening_a_lao_name, _surnames_before_a_province, _names_after_ten, _women_named_thi, _elders_named, _given_names_after_tu_voi, highland_families
from .persons import _anh_ending_names, _anh_of_short_forms
from .persons import _full_names_in_running_text, _cues_ending_a_place, _names_of_gates, _names_in_han_script, _readings_opening_with_a_word, _names_after_em
from .orgs import _bodies_before_an_amount, _forces_sharing_a_place, _sources_without_brackets, _international_bodies, _names_with_an_en_dash, _national_names_before_a_verb, dashed_names, national_names
from .persons import _given_names_after_a_rank, _names_after_an_occupation, _names_called_ten, _the_accused


class RulesResolver(_SavedAsJson):
    """Merge second-pass matches into the first-pass entities, then read the document as a whole.

    A second-pass match claims only what follows its leading entities of
    other labels: "Đại tá" + name → RANK + PERSON; "Ảnh:" + name → PERSON.
    Part helpers (``_PART_*``: "Phòng", "Công an", a department's
    descriptive name) are pieces of an ORG shape and stay inside it, except
    at the start of a PERSON, which never begins with another entity (a
    title, then a body, then the name: "Phó Chủ tịch UBND tỉnh X" + name
    keeps the ORG "UBND tỉnh X" found by its own shape).
    The matches, longest first, replace the first-pass entities they overlap.
    ``_NONE`` matches drop what they cover; ``_UNWRAP`` matches give back the
    first-pass entities inside them except organisations (coordinated or
    counted bodies are not one: "Công an Hà Tĩnh và Bôlykhămxay" → two
    PROVINCE; "Bộ Công an 2 nước" → QUANTITY "2 nước").
    Then what only the whole document tells: an abbreviation in brackets
    after an ORG, and wherever it recurs; a name cut at an initial; every
    name of a credit line or a byline; a person's full name or given name
    where it recurs (see the functions below).
    ``labels``, if given, keeps only those labels (a model trained on data
    with other labels must not output ours). ``words`` are the word lists
    of ``WORD_LISTS`` (saved with the pipeline).
    """

    FILE = "words.json"

    def __init__(self, labels: list[str] | None = None, words: dict[str, list[str]] | None = None):
        self.keep = set(labels) if labels is not None else None
        self.set_words(words or {})

    def set_words(self, words: dict[str, list[str]]) -> None:
        self.words = {name: sorted(set(words.get(name, []))) for name in WORD_LISTS}
        self._followers = {tuple(w.lower().split()) for w in self.words["name-follower"]}
        self._plural = {w.lower() for w in self.words["plural-marker"]}
        self._countries = set(self.words["country"])
        self._latin_seen: dict[int, bool] = {}
        self._locals = {tuple(w.lower().split()) for w in self.words["locals"]}
        self._upper_names = UpperNames(self.words)
        self._peoples = ethnic_group_pattern(self.words["ethnic-group"])
        self._banks = frozenset(self.words["bank"])
        self._toneless_provinces = toneless_provinces([w for name in _TONELESS_PROVINCES for w in self.words[name]])
        self._national = national_names(self.words["national"])
        self._dashed = dashed_names(self.words["national"], self.words["place-bodies"])
        self._highland = highland_families(self.words["highland-surname"])
        self._hmong_clans = frozenset(get_string_id(w) for w in self.words["hmong-surname"])
        # (a village head's family name may be a H'Mông clan's: "Trưởng bản Xồng Bá Dình"; session 23)
        self._head_surnames = self._upper_names.surnames | {(tone_norm(w),) for w in self.words["hmong-surname"]}
        self._papers = national_papers(self.words["national-paper"])

    def set_state(self, words: dict[str, list[str]]) -> None:
        """A saved copy (``words.json``) replaces the lists it holds; a list it lacks, added to ``WORD_LISTS`` after
        the model was saved, keeps what the resolver was made with (vner's shipped file where vner is installed)."""
        self.set_words({**self.words, **words})

    def state(self) -> dict:
        return self.words

    def __call__(self, doc: Doc) -> Doc:
        with reading(doc):  # (the steps share the Doc's word arrays: helpers.column)
            return self._resolve(doc)

    def _resolve(self, doc: Doc) -> Doc:
        first = _cues_ending_a_place(doc, list(doc.ents))
        second = list(doc.spans[SECOND_PASS_KEY]) if SECOND_PASS_KEY in doc.spans else []
        # the entities over each token, of the first pass and of both passes
        over_first, over_both = _covering(first), _covering(first + [m for m in second if not is_helper(m.label_)])
        # a capitalised "Anh" ending a full name is no pronoun cue (session 18e): "Phạm Đức Anh", and "Nguyễn Anh Tuấn"
        # is one name where the cue's shape took "Tuấn" (up to four words; else the cue reading stays)
        anh_names, anh_after_a_word = _anh_ending_names(doc, over_first, self._upper_names, self._locals)
        cores = []
        for match in second:
            start = match.start if is_helper(match.label_) else _after_leads(match, over_first, over_both)
            if match.start in anh_names and match.label_ == "PERSON":
                if match.end - anh_names[match.start] <= 4:
                    start = anh_names[match.start]
                else:
                    del anh_names[match.start]
            cores.append(match if start == match.start else Span(doc, start, match.end, label=match.label_, span_id=match.id_))
        cores = filter_spans(cores)
        taken = {i for c in cores for i in range(c.start, c.end)}
        ents = [e for e in first if not any(i in taken for i in range(e.start, e.end))]
        for core in cores:
            if core.label_ == UNWRAP_LABEL:
                ents.extend(e for e in first if core.start <= e.start and e.end <= core.end and e.label_ != "ORG")
            else:
                ents.append(core)
        ents = [e for e in ents if not is_helper(e.label_)]
        ents = _long_lao_names(doc, ents)
        ents = _ministries_before_a_verb(doc, first, ents)
        # tokens some rule has read as something (a cue, a place word, an exclusion): never a name found by context
        claimed = {i for e in first + cores for i in range(e.start, e.end)}
        claimed -= anh_names.keys()
        orphans = _unit_words_naming_nothing(doc, first, ents, self._upper_names.rest)
        claimed -= orphans
        glued = glued_flags(doc)
        # a neighbour's province with another tone on a syllable, where a province is expected ("tỉnh Hủa Phằn")
        ents, toned = _provinces_in_another_tone(doc, first, ents, glued, self._toneless_provinces)
        claimed |= toned
        # the items of a list of districts or communes ("các huyện A, B và C") and ethnic groups ("người Vân Kiều")
        # name no person, nor a province (districts): read as such, never a name found by context
        places, peoples = _listed_places(doc, first, glued), _ethnic_groups(doc, self._peoples)
        if places or peoples:
            claimed |= places | peoples
            ents = _named_no_one(ents, places, peoples)
        # a village's name ("bản Na Hiêng", "Trưởng bản Huổi Khăm") is no person's, here and where it recurs
        villages, village_names, heads = _villages(doc, glued, self._head_surnames)
        if villages:
            claimed |= villages
            ents = _named_no_one(ents, villages, set(), labels=("PERSON",))
        # (... and the name of its head after it: "trưởng bản Huổi Lếch Vàng A Dế"; session 19a)
        if heads:
            ents = _village_heads(doc, ents, heads)
            claimed |= {i for start, end in heads for i in range(start, end)}
        # a province name that is also a given name, without a province word before it, is no reading yet
        claimed -= {i for e in first if e.label_ == AMBIGUOUS_PROVINCE for i in range(e.start, e.end)}
        # ... nor "Bác" (the Hồ Chí Minh context) after a capitalised word: a given name ("Diêu Văn Bác"; session 9a)
        claimed -= {e.start for e in first if e.label_ == "_HCMCUE" and doc[e.start].text == "Bác" and e.start
                    and _is_capitalised(doc[e.start - 1])}
        ents = _names_ending_on_a_unit_word(ents, orphans)
        ents = _names_running_through_a_unit_word(doc, first, ents, self._upper_names.rest)
        # a unit's code ("PC04") is read as a code, which an abbreviation defined in brackets may be (and so is an
        # embassy's or consulate's abbreviation alone, "ĐSQ", "TLSQ": session 19c)
        not_code = {i for e in first + cores if e.label_ != CODE_LABEL and not (e.label_ == "_PART_EMB" and e.text.isupper())
                    for i in range(e.start, e.end)}
        ents = _split_at_brackets(doc, ents)
        ents = _split_shared_parent(doc, first, ents)
        ents = _trailing_forces(doc, ents)
        ents = _split_trailing_name(doc, first, ents, self._upper_names.surnames, glued)
        ents = _posts_ending_on_a_common_word(doc, first, ents)
        ents = _teams_of_a_post(doc, first, ents)
        ents = _provincial_heads(doc, ents)
        ents = _member_schools(doc, first, ents)
        ents = _armed_police_by_place(doc, ents)
        ents = _numbered_units_of_a_body(doc, ents)
        ents = _names_numbered_before_the_verb_to_hold(doc, ents)
        # (session 17a: the words before and after a body's ORG that belong to its name; the neighbours' provincial
        # departments; a Chinese prefecture after a body)
        ents = _tails_of_bodies(doc, first, ents)
        ents = _bodies_of_a_body(doc, ents)
        ents = _provincial_departments(doc, ents)
        ents = _bodies_of_a_prefecture(doc, first, ents)
        ents, areas = _autonomous_areas(doc, first, ents)
        claimed |= areas
        # (session 18b: a steering committee by its number or its task, then its place: "Ban Chỉ đạo 138 tỉnh X")
        ents = _steering_committees(doc, ents, glued)
        # (session 18b: a bank's brand after "ngân hàng", "tài khoản" or before "chi nhánh", whose branch follows)
        ents = _banks_by_their_brand(doc, ents, self._banks)
        # (session 18d: banks by their legal name; national papers named without "Báo" after "báo", "phóng viên")
        ents = _banks_by_their_legal_name(doc, ents)
        ents = _papers_without_bao(doc, ents, self._papers)
        ents = _branches_of_a_body(doc, ents, glued)
        # (session 18c: a central organ and its party; a gate's economic zone with its province after a dash; a school's
        # level inside its name; the neighbours' numbered units)
        ents = _central_organs_of_a_party(doc, first, ents)
        ents = _gate_zones_with_their_province(doc, ents)
        ents = _school_levels(doc, first, ents)
        ents = _numbered_units_of_the_neighbours(doc, first, ents)
        # (session 19c: agencies named by a gate, a region, a park; consulates by their city; associations abroad by
        # where they live; friendship schools by two provinces or countries)
        ents = _agencies_named_by_a_place(doc, first, ents, glued)
        ents = _consulates_by_their_city(doc, first, ents)
        ents = _associations_abroad(doc, first, ents)
        ents = _friendship_schools(doc, first, ents)
        ents = _bodies_named_by_a_pair(doc, first, ents)
        # (session 19b: a body whose dash is an en dash; an international body before its abbreviation; a national
        # body's name before a verb its description ran into; a body's name before an amount)
        ents = _names_with_an_en_dash(doc, ents, self._dashed)
        ents = _international_bodies(doc, ents, self._countries)
        ents = _national_names_before_a_verb(doc, ents, self._national)
        ents = _bodies_before_an_amount(doc, first, ents)
        # (session 27: forces joined before one place name: "Công an, Biên phòng tỉnh Sơn La" → PROVINCE only)
        ents = _forces_sharing_a_place(doc, first, ents)
        ents += _bracketed_abbreviations(doc, first, ents, not_code, self._plural, self._countries)
        ents = _complete_initials(doc, ents, glued)
        credited, replaced = _credits(doc, first, ents, glued, self._upper_names, self._countries)
        ents = [e for e in ents if e not in replaced] + credited
        bylined, replaced = _bylines(doc, ents, glued, self._upper_names, first, self._countries)
        ents = [e for e in ents if e not in replaced] + bylined
        ents += _credits_in_brackets_at_the_end(doc, ents, glued, self._upper_names, self._countries)
        ents = _provinces_opening_a_lao_name(doc, ents, glued)
        ents += _names_before_a_birth_year(doc, first, ents, glued, self._upper_names.surnames, self._locals)
        ents += _listed_names(doc, first, ents, glued, self._upper_names.surnames)
        ents += _names_after_ten(doc, ents, claimed, glued)
        # (a name and its Latin spelling in brackets after "tên là"; no person after "công ty tên là"; session 19a)
        ents = _names_called_ten(doc, ents, glued)
        ents += _other_names_and_leaders(doc, ents, glued)
        ents += _names_in_capitals_after_a_cue(doc, first, ents, self._upper_names, self._followers)
        ents += _full_names_before_a_verb(doc, first, ents, claimed, self._upper_names, self._followers, self._locals)
        ents += _agents_after_do(doc, ents, claimed, self._upper_names, glued)
        ents += _the_accused(doc, ents, claimed, glued)
        ents += _given_names_before_a_verb_of_persons(doc, ents, claimed, self._upper_names,
                                                      {e.start for e in first if e.label_ == "_POS"})
        ents += _given_names_after_cua(doc, ents, claimed, self._upper_names, self._countries)
        # (... and right after a rank, a given name that is also a common or a unit's word: "Đại tá Quân nhấn mạnh")
        ents += _given_names_after_a_rank(doc, first, ents, self._upper_names, self._followers)
        # (... and after a noun of an occupation: "chuyên gia Hiroshi Sato", "tiền đạo Lý Cường"; session 19a)
        ents += _names_after_an_occupation(doc, ents, claimed, glued, self._upper_names, self._countries)
        # (a descriptive name that no ORG took is no reading of a name's words: "Giàng A Sử tử hình" is no "Sử tử")
        loose = claimed - {i for e in first if e.label_ == "_PART_DESC" for i in range(e.start, e.end)}
        ents += _full_names_with_a_middle_name(doc, ents, loose, self._upper_names, self._locals)
        # (... whose given name is also a common or a unit's word: "Vi Văn Phòng", "Giàng A Của"; session 17b)
        ents = _given_names_that_are_words(doc, first, ents, self._upper_names, self._locals, self._hmong_clans)
        # (... whose given name is a common word or a province, without a cue: "Nguyễn Minh Tài bị khởi tố", "Nguyễn
        # Thị Huế, Phó Chủ tịch ..."; session 18f)
        ents = _full_names_in_running_text(doc, first, ents, loose, self._upper_names, self._locals)
        ents += _given_names_opening_a_clause(doc, ents, loose, self._upper_names, self._followers, self._countries)
        ents += _names_in_latin_script(doc, ents, loose, self._countries, self._latin_seen, self._locals)
        # (again, for the names in pinyin just found: "Vạn Gia Hào (tên tiếng Trung là Wan Jiahao)"; session 9a)
        ents += _other_names_and_leaders(doc, ents, glued)
        ents += _speakers_after_a_quote(doc, ents, claimed, glued, self._followers, self._countries)
        ents += _ambiguous_provinces_in_context(doc, first, ents)
        ents = _names_read_as_provinces(doc, first, ents, glued)
        ents = _surnames_before_a_province(doc, ents, self._upper_names.surnames)
        ents = _lao_leaders_after_a_provincial_title(doc, ents, glued)
        # a full name before ", tức" and its alias after it (session 16a): both the person, so that short forms recur
        ents = _names_around_an_alias(doc, ents, glued, self._upper_names, self._countries)
        # (a Chinese name in characters in brackets after its reading, and the reading; session 27)
        ents = _names_in_han_script(doc, ents, self._upper_names.surnames)
        ents = _readings_opening_with_a_word(doc, ents, self._upper_names.surnames)
        # (... and one ending the short form of a person named in full: "Lê Tuấn Anh ... Tuấn Anh khai nhận")
        short_anh = _anh_of_short_forms(doc, ents, anh_after_a_word) if anh_after_a_word else set()
        ents += _recurring_names(doc, first, ents, claimed - short_anh, glued, self._followers, self._countries,
                                 self._locals, orphans, self._upper_names.surnames, claimed - loose)
        # (a given name after a kin word or opening a clause before a verb of speech: "Cô Hương", "Của bỏ trốn")
        ents += _given_names_in_the_story(doc, ents, claimed, glued, self._upper_names.surnames)
        ents += _highland_names(doc, ents, claimed, glued, self._locals, self._highland)
        ents += _khmer_prefixed_names(doc, ents, claimed, glued)
        ents += _glued_transcriptions(doc, ents, claimed, glued, self._locals, self._followers)
        ents += _lists_of_names(doc, ents, claimed, glued, self._upper_names, self._countries)
        ents += _women_named_thi(doc, ents, claimed, self._upper_names)
        ents += _more_listed_names(doc, ents, claimed, glued)
        ents += _nicknames(doc, ents, glued)
        ents += _names_after_em(doc, ents, claimed, glued)
        ents += _names_after_theo(doc, ents, claimed, self._upper_names, glued, self._countries)
        ents += _kin_of_persons(doc, ents, claimed, glued, self._countries)
        ents += _speakers_opening_a_clause(doc, ents, claimed, glued, self._countries, self._upper_names)
        ents += _sentenced_names(doc, ents, claimed, glued, self._countries)
        ents += _arrested_lists(doc, ents, claimed, glued, self._countries, self._upper_names.surnames)
        ents += _names_listed_before_their_country(doc, ents, claimed, glued, self._countries)
        ents += _names_after_a_titled_body(doc, first, ents, claimed, glued)
        ents += _aliases_in_brackets(doc, ents, glued, self._countries)
        ents = _family_names_cut_off(doc, ents, self._upper_names.surnames)
        ents = _names_of_things(doc, ents)
        ents = _myanmar_honorifics(doc, ents)
        ents = _malay_patronymics(doc, ents)
        ents = _districts_ending_on_don(doc, ents)
        ents = _sources_opening_a_lead(doc, ents)
        ents = _sources_without_brackets(doc, ents, self._papers)
        ents += _sums_without_their_currency(doc, ents)
        ents += _gold_by_the_mace(doc, ents)
        ents += _coordinated_given_names(doc, ents, claimed, self._upper_names, self._countries)
        ents += _given_names_after_tu_voi(doc, ents, claimed, self._countries, self._followers)
        ents = _family_name_pho(doc, ents, self._upper_names)
        ents = _family_name_ong(doc, ents)
        ents = _elders_named(doc, ents)
        ents = _compound_family_names(doc, ents)
        ents = _names_in_title_case_headlines(doc, ents, self._upper_names)
        ents += _subjects_acting_on_a_person(doc, ents, claimed, glued, self._countries)
        ents = _faculties_read_as_names(doc, ents)
        ents = _countries_read_as_names(doc, first, ents, self._countries)
        if places or peoples:  # (again: no later step reads a name there)
            ents = _named_no_one(ents, places, peoples)
        if villages:
            ents = _no_villagers(first, ents, villages, village_names)
        ents += _glued_provinces_in_a_list(doc, ents, glued)
        ents = _names_of_gates(doc, ents)
        ents = _whole_words(doc, ents, glued)
        ents += _initials_alone(doc, ents)
        ents = _initials_take_their_dot(doc, ents)
        if self.keep is not None:
            ents = [e for e in ents if e.label_ in self.keep]
        # The other tokens become "O"; spaCy's NER after this may still tag
        # them (only preset B/I tokens constrain it).
        doc.ents = sorted(ents)
        if SECOND_PASS_KEY in doc.spans:
            del doc.spans[SECOND_PASS_KEY]
        return restore_view(doc)  # the Doc as given, with the rules' entities (helpers.rules_view)


PART_PREFIX = "_PART"
# The first-pass helper over a unit's code ("C04", "PC04", "B14").
CODE_LABEL = "_PART_CODE"
# Labels whose spans never start with another entity: leading entities of any kind are context.
_NO_LEADING_ENTITY = ("PERSON",)


def _named_no_one(ents: list[Span], places: set[int], peoples: set[int],
                  labels: tuple[str, ...] = ("PERSON", "PROVINCE")) -> list[Span]:
    """``ents`` without a PERSON or PROVINCE (``labels``) over a listed district (``places``) and a PERSON over an
    ethnic group."""
    return [e for e in ents if not (e.label_ in labels and any(i in places for i in range(e.start, e.end)))
            and not (e.label_ == "PERSON" and any(i in peoples for i in range(e.start, e.end)))]


# First-pass cues right before a person's name: "ông Khăm" is the person though "Huổi Khăm" is a village
_PERSON_CUES = {"_HON", "_HON2", "_DC", "RANK", "_POS"}


def _no_villagers(first: list[Span], ents: list[Span], villages: set[int], names: set[str]) -> list[Span]:
    """``ents`` without a PERSON over a village's name (``villages``) or named like a village of the document
    (``names``: "Na Hiêng" recurring after "cặp bản kết nghĩa Na Hiêng"), unless a person's cue comes right before
    it ("ông Khăm")."""
    cued = {e.end for e in first if e.label_ in _PERSON_CUES}
    return [e for e in ents if e.label_ != "PERSON" or not (
        any(i in villages for i in range(e.start, e.end)) or (e.text in names and e.start not in cued))]


def _glued_provinces_in_a_list(doc: Doc, ents: list[Span], glued: list[bool]) -> list[Span]:
    """A capitalised hyphen-glued word between two provinces of a list, in a spelling no list holds: "các tỉnh
    Sa-la-vẳn, Xê-koong và Át-ta-pư" (rule 4; the pattern after "tỉnh" reads only the first item; session 22). Both
    neighbours must be bare PROVINCE entities, so a Lao name after a province ("tỉnh Sa-la-vẳn, Bun-thoong cho biết")
    stays out."""
    n = len(doc)
    provinces = {e.start: e for e in ents if e.label_ == "PROVINCE"}
    if len(provinces) < 2:
        return []
    taken = _taken(ents)
    found = []
    for k in sorted(e.end for e in provinces.values()):  # (a list's separator right after a province)
        if k + 2 >= n or doc[k].text not in (",", "và") or not doc[k + 1].is_title or glued[k + 1]:
            continue
        end = k + 2
        while end < n and glued[end]:
            end += 1
        if end == k + 2 or any(i in taken for i in range(k + 1, end)) or end + 1 >= n \
                or doc[end].text not in (",", "và") or end + 1 not in provinces:
            continue
        found.append(Span(doc, k + 1, end, label="PROVINCE"))
    return found


def _whole_words(doc: Doc, ents: list[Span], glued: list[bool]) -> list[Span]:
    """``ents`` with an entity that starts or ends inside a hyphen-glued word widened to the whole word, where no
    other entity is in the way ("Lào Phết-xa-mỏn Vông-phạ-chăn": a step that reads at most eight tokens before a
    verb took "xa-mỏn Vông-phạ-chăn"); a syllable of a word is never where a name starts or ends. An ORG that ends
    inside the first word of the PERSON right after it gives that word to the PERSON."""
    n = len(doc)
    # (an ORG that ends inside the first word of the PERSON right after it gives the word back: "Công an thành phố Đà
    # Nẵng Bun" + "-thoong Keo-ma-ni" -> "Công an thành phố Đà Nẵng" + "Bun-thoong Keo-ma-ni")
    by_start = {e.start: e for e in ents}
    for e in [e for e in ents if e.label_ == "ORG" and e.end < n and glued[e.end]]:
        person = by_start.get(e.end)
        word = e.end
        while word > e.start and glued[word]:
            word -= 1
        if person is not None and person.label_ == "PERSON" and word > e.start + 1:
            ents = [x for x in ents if x is not e and x is not person] + [
                Span(doc, e.start, word, label="ORG", span_id=e.id_), Span(doc, word, person.end, label="PERSON")]
    out = []
    for e in ents:
        start, end = e.start, e.end
        while start > 0 and glued[start]:
            start -= 1
        while end < n and glued[end]:
            end += 1
        if (start, end) != (e.start, e.end) and not any(o is not e and o.start < end and start < o.end for o in ents):
            e = Span(doc, start, end, label=e.label_, span_id=e.id_)
        out.append(e)
    return out


def _covering(spans: list[Span]) -> dict[int, list[tuple[int, int, str]]]:
    """The spans over each token, as (start, end, label) (a lookup instead of a scan of every span for every match)."""
    over = {}
    for span in spans:
        start, end = span.start, span.end
        entry = (start, end, span.label_)
        for i in range(start, end):
            over.setdefault(i, []).append(entry)
    return over


def _after_leads(match: Span, over_first: dict[int, list[tuple]], over_both: dict[int, list[tuple]]) -> int:
    """Where ``match`` starts once the chain of leading entities of other labels is cut off.

    A PERSON is also cut after a lower-case word between its leading entities ("tại" in "Đại sứ Việt Nam tại Lào
    Nguyễn Bá Hùng").
    """
    label, end = match.label_, match.end
    whole = label in _NO_LEADING_ENTITY
    over = over_both if whole else over_first
    pos = match.start
    while True:
        # (a province whose name is also something else is no lead: "Ông Mon Saren" is one name)
        leads = [e_end for _, e_end, e_label in over.get(pos, ()) if e_end < end and e_label != label
                 and (whole or not e_label.startswith(PART_PREFIX)) and e_label != AMBIGUOUS_PROVINCE]
        if leads:
            pos = max(leads)
        elif whole and pos < match.end - 1 and match.doc[pos].is_lower:
            pos += 1  # a name never starts lower-case: "Đại sứ" + "Việt Nam" + "tại" + "Lào" + name
        elif whole and pos > match.start and match.doc[pos - 1].lower_ == "tại" and pos + 1 < match.end \
                and _class(match.doc[pos + 1], GLUED):
            pos += 1  # the city after "tại", hyphen-glued: "Tổng Lãnh sự Việt Nam tại Pắc-xế" + name
            while pos < match.end - 1 and _class(match.doc[pos], GLUED):
                pos += 1
        else:
            return pos


# The resolver's word lists, by name: their files in vner's configs/, in the gazetteer format
# (one entry a line, variants split by " | ", "#" comments). Saved inside every pipeline.
WORD_LISTS = {
    "name-follower": "gazetteers/name-follower.txt",
    "plural-marker": "gazetteers/plural-marker.txt",
    "country": "gazetteers/country.txt",
    "locals": "patterns/words/locals.txt",
    "surname": "gazetteers/person-vi-surname.txt",
    "middle": "gazetteers/person-vi-middle.txt",
    "given": "gazetteers/person-vi-given.txt",
    "common-pairs": "patterns/words/common-pairs.txt",
    "ethnic-group": "gazetteers/ethnic-group.txt",
    # Vietnam's banks by their brand, an ORG after "ngân hàng", "tài khoản" or before "chi nhánh" (session 18b)
    "bank": "patterns/words/banks.txt",
    # the national bodies and the bodies named by their place, whose names the resolver reads with an en dash and
    # before a verb (session 19b)
    "national": "patterns/words/national.txt",
    "place-bodies": "patterns/words/place-bodies.txt",
    # Vietnam's national papers, an ORG without "Báo" after "báo", "phóng viên" (session 18d; a list since 20)
    "national-paper": "patterns/words/national-papers.txt",
    # family names of the Gia Rai, Ê Đê, Ba Na, M'Nông: with one or two capitalised words, a name (a list since 20)
    "highland-surname": "gazetteers/person-highland-surname.txt",
    # the H'Mông clans, after which "A", "Mí", "Seo" are a middle name (session 17b; a list since 20)
    "hmong-surname": "gazetteers/person-hmong-surname.txt",
    # the neighbours' provinces, matched also with another tone on a syllable where a province is expected (session 17c)
    "province-la": "gazetteers/province-la.txt",
    "province-kh": "gazetteers/province-kh.txt",
    "province-th": "gazetteers/province-th.txt",
    "province-mm": "gazetteers/province-mm.txt",
}
# (not China's: its names are Sino-Vietnamese, written with Vietnamese tones, and meet Vietnam's: "Hà Nam")
_TONELESS_PROVINCES = ("province-la", "province-kh", "province-th", "province-mm")
# vner's configs/ beside this module; a packaged model has no such folder.
_SHIPPED_CONFIGS = Path(__file__).resolve().parents[1] / "configs"


def shipped_words(configs: Path = _SHIPPED_CONFIGS) -> dict[str, list[str]]:
    """The word lists of ``WORD_LISTS`` under ``configs``; those not found are left out.

    Read without importing vner (a model loads with this module alone). A
    packaged model finds no folder here: its resolver reads the copy saved
    with it (``from_disk``), which replaces whatever was read here.
    """
    words = {}
    for name, file in WORD_LISTS.items():
        file = Path(configs) / file
        if file.is_file():
            lines = file.read_text(encoding="utf-8").splitlines()
            words[name] = [w.strip() for line in lines if line.strip() and not line.startswith("#") for w in line.split(" | ")]
    return words
