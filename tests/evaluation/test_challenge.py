"""The challenge set: its markup, its committed export, its consistency with
the scheme, per-capability scores, and CI floors for the rules and a
seed-trained model."""

import json
import re
import unicodedata
from collections import Counter

import pytest
from typer.testing import CliRunner

from vner.cli import app
from vner.core.errors import VnerError
from vner.core.resources import SEEDS
from vner.model.persons import INITIAL_DOT
from vner.evaluation.challenge import (
    CHALLENGE_JSON,
    FLOORS_JSON,
    NUMBERS_ALLOWED,
    capability_values,
    challenge_to_tasks,
    load_challenge,
    measure,
    parse_markup,
    tasks_json,
    write_floors,
)

# The capabilities the set must cover (issue #15 item 4), each with at least
# MIN_PER_CAPABILITY sentences.
REQUIRED = [
    "lao-hyphen", "latin-names", "given-name-alone", "byline-credit", "long-names",
    "quantity-multiplier", "quantity-glued", "quantity-percent", "org-subunit", "org-in-title",
    "province-cambodia", "province-china", "capitals", "quantity-not-number",
    "rule1-rank-vs-title", "rule2-outermost", "rule3-named-org", "rule3-abbreviation",
    "rule3-delegation", "rule3-coordinated", "rule4-not-province", "rule5-quantity",
    "rule5-not-quantity", "rule6-credits", "rule7-punctuation", "tone-variants", "negatives",
]
MIN_PER_CAPABILITY = 12
RANKS = [
    f"{grade} {step}"
    for step in ("tướng", "tá", "úy", "uý")
    for grade in ("Đại", "Thượng", "Trung", "Thiếu")
]
# ("Bộ Tư lệnh", a command, is a body: "Cục Phòng, chống ma túy và tội phạm Bộ Tư lệnh Bộ đội Biên phòng" is one ORG)
POSITIONS = ["Giám đốc", "Trưởng", "trưởng", "Bí thư", "Ủy viên", "Uỷ viên", "Chủ tịch", "(?<!Bộ )Tư lệnh", "Chánh", "đồng chí",
             "Đồng chí"]
# "các tỉnh Bắc Lào": a region; "4 tỉnh Việt Nam": a country (rule 4)
REGIONS = ("Bắc Lào", "Nam Lào", "Trung Lào", "Việt Nam", "Lào", "Campuchia", "Trung Quốc", "Thái Lan")
NOT_IN_PROVINCE = ["tỉnh", "Tỉnh", "huyện", "thành phố", "TP", "thủ đô", "Thủ đô", "thị xã"]


@pytest.fixture(scope="module")
def sentences():
    return load_challenge()


def spans_of(s, label=None):
    return [(a, b, lab) for a, b, lab in s.spans if label is None or lab == label]


def inside(s, start, end, labels):
    return any(a <= start and end <= b for a, b, lab in s.spans if lab in labels)


def test_every_capability_is_covered(sentences):
    counts = Counter(s.capability for s in sentences)
    assert len(sentences) >= 300
    for capability in REQUIRED:
        assert counts[capability] >= MIN_PER_CAPABILITY, capability
    assert len({s.text for s in sentences}) == len(sentences), "duplicate sentences"
    assert len({s.id for s in sentences}) == len(sentences)


def test_committed_json_is_a_fresh_conversion(sentences):
    assert CHALLENGE_JSON.read_text(encoding="utf-8") == tasks_json(challenge_to_tasks(sentences)), (
        "challenge.json is stale: run python -m vner.evaluation.challenge --write-json"
    )


def test_every_reader_takes_the_export_and_keeps_every_span(sentences):
    from vner.evaluation.evaluate import load_gold

    docs, part = load_gold(CHALLENGE_JSON)
    assert part == "all documents" and len(docs) == len(sentences)
    for doc, s in zip(docs, sentences):
        assert doc.text == s.text
        assert doc.user_data["id"] == s.id and doc.user_data["capability"] == s.capability
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == list(s.spans), s.id


def test_spans_are_exact(sentences):
    for s in sentences:
        assert unicodedata.is_normalized("NFC", s.text)
        for start, end, label in s.spans:
            value = s.text[start:end]
            assert value == value.strip() and value[0].isalnum(), (s.id, value)
            assert value[-1].isalnum() or value.endswith("%") or INITIAL_DOT.search(value), (s.id, value)


def test_every_digit_is_a_quantity_or_in_a_number_capability(sentences):
    for s in sentences:
        for m in re.finditer(r"\d+", s.text):
            if not inside(s, m.start(), m.end(), {"QUANTITY", "ORG"}):
                assert s.capability in NUMBERS_ALLOWED, (s.id, m.group(0), s.text)
        for start, end, _ in spans_of(s, "QUANTITY"):
            value = s.text[start:end]
            # digits, then a unit (which may end in a digit: "km2", "m3"), never a bare number
            assert re.match(r"\d[\d.,]*\s*[^\d\s.,]", value), (s.id, value)


def test_every_rank_is_a_rank_span_and_nothing_else(sentences):
    for s in sentences:
        for rank in RANKS:
            for m in re.finditer(rf"(?<!\w){rank}(?!\w)", s.text):
                assert (m.start(), m.end(), "RANK") in s.spans, (s.id, rank)
        for start, end, _ in spans_of(s, "RANK"):
            assert s.text[start:end] in RANKS, (s.id, s.text[start:end])


def test_no_position_inside_a_span(sentences):
    for s in sentences:
        for start, end, label in s.spans:
            value = s.text[start:end]
            assert not any(re.search(rf"(?<!\w){p}(?!\w)", value) for p in POSITIONS), (s.id, value)


def test_provinces_stand_alone(sentences):
    for s in sentences:
        for start, end, _ in spans_of(s, "PROVINCE"):
            value = s.text[start:end]
            assert not any(re.search(rf"(?<!\w){w}(?!\w)", value) for w in NOT_IN_PROVINCE), (s.id, value)
        # a "tỉnh" followed by a capitalised name: that name is a PROVINCE, or
        # inside an ORG ("Công an tỉnh Nghệ An"), or, after a title ending on "tỉnh", a
        # PERSON ("Phó Chủ tịch UBND tỉnh Trần Minh Đạo"); "tỉnh bạn" and the like are lowercase
        for m in re.finditer(r"(?<!\w)tỉnh (?=[A-ZĐÂÊÔƠƯ])", s.text):
            if s.text.startswith(REGIONS, m.end()):
                continue
            labels = {"PROVINCE", "ORG", "PERSON"} if re.search(r"(Chủ tịch|UBND|trưởng) tỉnh $", s.text[:m.end()]) \
                else {"PROVINCE", "ORG"}
            assert inside(s, m.end(), m.end() + 1, labels), (s.id, s.text[m.start():m.start() + 30])


def test_negatives_have_no_entity(sentences):
    negatives = [s for s in sentences if s.capability == "negatives"]
    assert negatives and all(not s.spans for s in negatives)


def _windows(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_no_sentence_repeats_the_seeds(sentences):
    """Written by the team: no run of eight syllables is shared with a seed article."""
    seed_windows = set().union(*(_windows(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")))
    for s in sentences:
        shared = _windows(s.text) & seed_windows
        assert not shared, (s.id, shared)


@pytest.mark.parametrize(
    "line, title",
    [
        ("[Bộ Công an](ORGANISATION) họp.", "Unknown label in a markup file"),
        ("[Bộ Công an ](ORG) họp.", "Span with punctuation or space at its edge"),
        ("Ảnh: [Hờ Thị D](PERSON).", "An initial's dot outside its name"),
        ("[Hà Nội.](PROVINCE)", "Span with punctuation or space at its edge"),
        ("[Hờ Thị Dung.](PERSON)", "Span with punctuation or space at its edge"),
        ("[Vietnam+.](ORG)", "Span with punctuation or space at its edge"),
        ("([Bộ Công an)](ORG) họp.", "Broken markup"),
        ("[Bộ Công an](ORG họp.", "Broken markup"),
        ("Bộ Công an] họp.", "Broken markup"),
    ],
)
def test_bad_markup_is_a_message_naming_the_line(line, title):
    with pytest.raises(VnerError) as e:
        parse_markup(line, "challenge.txt:7")
    assert e.value.title == title and "challenge.txt:7" in e.value.detail


@pytest.mark.parametrize("name", ["Hờ Thị D.", "T.H.", "H.", "Trần Thị Kim Ng."])
def test_an_initials_dot_is_part_of_the_name(name):
    """Guidelines, decided case 12: the dot of an initial is the name's, also at the end of a sentence."""
    text, spans = parse_markup(f"Ảnh: [{name}](PERSON)")
    assert [text[a:b] for a, b, _ in spans] == [name]


@pytest.mark.parametrize(
    "text, title",
    [
        ("Bộ Công an họp.\n", "Line before any ## header"),
        ("## negatives\nHọp.\n## negatives\nHọp lại.\n", "Capability header repeated"),
        ("## Bad Name\nHọp.\n", "Bad capability header"),
        ("## negatives\nHo\u0302\u0323i nghi\u0323.\n", "Markup text not in NFC"),
        ("# only a comment\n", "Empty markup file"),
    ],
)
def test_bad_files_are_messages(tmp_path, text, title):
    path = tmp_path / "c.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VnerError) as e:
        load_challenge(path)
    assert e.value.title == title


def test_markup_round_trips(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("# c\n\n## x\n[Đại tá](RANK) [Lê Văn Thái](PERSON) thu [25%](QUANTITY) ([Vietnam+](ORG)).\n## y\nHọp.\n",
                    encoding="utf-8")
    first, second = load_challenge(path)
    assert (first.id, first.capability, second.id) == ("x-01", "x", "y-01")
    assert [first.text[a:b] for a, b, _ in first.spans] == ["Đại tá", "Lê Văn Thái", "25%", "Vietnam+"]
    task = challenge_to_tasks([first])[0]
    assert [r["value"]["text"] for r in task["annotations"][0]["result"]] == ["Đại tá", "Lê Văn Thái", "25%", "Vietnam+"]


def test_cli_challenge_scores_per_capability(ruler_model, tmp_path, sentences):
    out = tmp_path / "r"
    result = CliRunner().invoke(app, ["evaluate", str(ruler_model), "--challenge", "-o", str(out)])
    assert result.exit_code == 0, result.output
    m = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    caps = m["capabilities"]
    assert list(caps) == list(dict.fromkeys(s.capability for s in sentences))
    assert sum(c["documents"] for c in caps.values()) == m["documents"] == len(sentences)
    assert sum(c["support"] for c in caps.values()) == m["counts"]["gold_total"]
    assert sum(c["predicted"] for c in caps.values()) == m["counts"]["predicted_total"]
    assert caps["negatives"]["support"] == 0
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "## Scores per capability" in report and f"| lao-hyphen | {caps['lao-hyphen']['documents']} |" in report
    assert "Per capability" in result.output and "rule3-delegation" in result.output


def test_cli_needs_data_or_challenge_not_both(ruler_model, gold_spacy, tmp_path):
    for args in ([], [str(gold_spacy), "--challenge"]):
        result = CliRunner().invoke(app, ["evaluate", str(ruler_model), *args, "-o", str(tmp_path / "r")])
        assert result.exit_code == 1 and "Pass DATA or --challenge" in result.output and "Traceback" not in result.output


def test_capabilities_only_when_documents_carry_them(ruler_model, gold_spacy, tmp_path):
    from vner.evaluation.evaluate import evaluate

    m = evaluate(ruler_model, gold_spacy, tmp_path / "r", progress=False)
    assert "capabilities" not in m
    assert "per capability" not in (tmp_path / "r" / "report.md").read_text(encoding="utf-8")


def check_floors(kind: str, measured: dict) -> None:
    floors = json.loads(FLOORS_JSON.read_text(encoding="utf-8"))[kind]
    assert set(floors) == set(measured)
    below = {cap: (round(measured[cap], 3), floor) for cap, floor in floors.items() if measured[cap] < floor}
    assert not below, f"{kind} below the floor (measured, floor): {below}"


def test_rules_floors():
    from vner.annotation.rules import rules_pipeline

    check_floors("rules", capability_values(measure(rules_pipeline())))


@pytest.fixture(scope="module")
def seed_model(tmp_path_factory):
    """Trained as `vner train` trains with no data: default config, seed gold."""
    from vner.evaluation.challenge import seed_model as train_seed_model

    return train_seed_model(tmp_path_factory.mktemp("challenge") / "seed-model")


@pytest.mark.slow
def test_seed_model_floors_and_write_floors(seed_model, tmp_path):
    floors = write_floors(seed_model, margin=0.05, target=tmp_path / "floors.json")
    assert json.loads((tmp_path / "floors.json").read_text(encoding="utf-8")) == floors
    for kind in ("rules", "model"):
        for cap, value in floors["measured"][kind].items():
            assert floors[kind][cap] == max(0.0, round(value - 0.05, 2))
    check_floors("model", floors["measured"]["model"])


def test_articles_join_the_lines_of_a_group_and_score_them_as_one_document(tmp_path, caplog):
    """The lines of an article, scored together, give a later paragraph's
    given name the full name an earlier one introduced."""
    from vner.evaluation.challenge import main, rules_scores, sentences_to_articles

    path = tmp_path / "set.txt"
    path.write_text(
        "## one\n"
        "[Đại úy](RANK) [Lò Văn Páo](PERSON) bị bắt tại nhà.\n"
        "[Páo](PERSON) khai nhận đã mua [200 viên](QUANTITY) ma túy.\n"
        "## two\n"
        "[Công an tỉnh Sơn La](ORG) họp.\n",
        encoding="utf-8",
    )
    sentences = load_challenge(path)
    articles = sentences_to_articles(sentences)
    assert [a.capability for a in articles] == ["one", "two"]
    assert articles[0].text == sentences[0].text + "\n" + sentences[1].text
    for article in articles:
        lines = [s for s in sentences if s.capability == article.capability]
        assert [(article.text[a:b], label) for a, b, label in article.spans] == [
            (s.text[a:b], label) for s in lines for a, b, label in s.spans]
    scores = rules_scores(path)
    assert scores["line"]["documents"] == 3 and scores["article"]["documents"] == 2
    assert scores["article"]["r"] == 1.0 and scores["article"]["r"] >= scores["line"]["r"]
    with caplog.at_level("INFO"):
        main(["--articles", str(path)])
    assert "per article (2 documents)" in caplog.text and "per line (3 documents)" in caplog.text


def test_articles_of_a_missing_file_is_a_message(tmp_path, caplog):
    from vner.evaluation.challenge import main

    with caplog.at_level("INFO"), pytest.raises(SystemExit) as exit_:
        main(["--articles", str(tmp_path / "none.txt")])
    assert exit_.value.code == 1
    assert "Markup file not found" in caplog.text and "none.txt" in caplog.text and "Traceback" not in caplog.text
