"""Tests of the benchmark scripts: the data they make and the counts they report.

No timing is asserted; what is checked is that the generated project is
gold (every span where its text is, nothing lost by `vner convert`), that
the entity counting of both converters is right, and that the measuring
helpers measure the process they ran.
"""

import json
import sys
from pathlib import Path

import pytest

from bench import bench_convert, bench_inference, bench_labelstudio, make_data, report
from bench.common import growth_exponent, run_rusage


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("data")
    make_data.make_data(30, out, seed=3)
    return out


def test_generated_export_has_the_seed_shape_and_true_offsets(project):
    tasks = json.loads((project / "export.json").read_text(encoding="utf-8"))
    seed = json.loads(make_data.SEED_EXPORT.read_text(encoding="utf-8"))
    assert len(tasks) == 30
    assert set(tasks[0]) == set(seed[0])
    assert set(tasks[0]["annotations"][0]) == set(seed[0]["annotations"][0])
    assert len({t["data"]["id"] for t in tasks}) == 30
    labels = set()
    for task in tasks:
        text = task["data"]["text"]
        for r in task["annotations"][0]["result"]:
            v = r["value"]
            assert text[v["start"]:v["end"]] == v["text"]
            assert v["text"] == v["text"].strip() != ""
            labels.update(v["labels"])
    assert labels == {"PERSON", "RANK", "ORG", "PROVINCE", "QUANTITY"}


def test_generated_documents_match_the_export(project):
    from vner.core.documents import read_documents

    tasks = json.loads((project / "export.json").read_text(encoding="utf-8"))
    docs = read_documents([project / "docs.jsonl"])
    assert [(d.id, d.text) for d in docs] == [(t["data"]["id"], t["data"]["text"]) for t in tasks]


def test_generator_is_deterministic_and_seeded(tmp_path):
    make_data.make_data(5, tmp_path / "a", seed=1)
    make_data.make_data(5, tmp_path / "b", seed=1)
    make_data.make_data(5, tmp_path / "c", seed=2)
    a, b, c = ((tmp_path / x / "export.json").read_bytes() for x in "abc")
    assert a == b
    assert a != c


def test_larger_projects_extend_smaller_ones():
    """The first n documents are the same at every size, so sizes are comparable."""
    small = list(make_data.generate(4, seed=5))
    large = list(make_data.generate(9, seed=5))
    assert large[:4] == small


def test_swapped_mentions_keep_offsets():
    import random

    par = make_data.Paragraph("Đại tá Lê Văn Thái tại Nghệ An.", ((0, 6, "RANK"), (7, 18, "PERSON"), (23, 30, "PROVINCE")), "x")
    alone = {"RANK": ["Đại tá"], "PERSON": ["Lê Văn Thái"], "PROVINCE": ["Nghệ An"]}
    assert make_data.swap_entities(par, alone, random.Random(0), p_swap=1.0) == par  # nothing else to swap in
    pool = {"RANK": ["Đại tá", "Thiếu tướng"], "PERSON": ["Lê Văn Thái", "Kông Chăn Xay Păn Nha"], "PROVINCE": ["Nghệ An", "Sê Kông"]}
    for seed in range(5):
        out = make_data.swap_entities(par, pool, random.Random(seed), p_swap=1.0)
        assert all(out.text[s:e] in pool[label] for s, e, label in out.spans)
        between = [out.text[a[1]:b[0]] for a, b in zip(out.spans, out.spans[1:])]
        assert between == [" ", " tại "]
        assert out.text.endswith(".") and out.text[out.spans[-1][1]:] == "."


def test_vner_convert_keeps_every_generated_entity(project, tmp_path):
    from vner.annotation.convert import convert_export

    report_ = convert_export(project / "export.json", tmp_path / "corpus")
    assert report_.dropped == 0
    scored = bench_convert.score_ours(project / "export.json", tmp_path / "corpus")
    assert scored["docs"] == 30
    assert scored["gold_entities"] > 30 * 20
    assert scored["lost"] == 0
    assert scored["exact"] == scored["entities"] == scored["gold_entities"]


def test_peer_converter_counts(project, tmp_path):
    conll = bench_convert.peer_convert(project / "export.json", tmp_path / "peer")
    scored = bench_convert.score_peer(project / "export.json", conll)
    assert scored["gold_entities"] > 0
    assert scored["exact"] + scored["lost_or_wrong_boundaries"] == scored["gold_entities"]
    assert sum(scored["reasons"].values()) == scored["lost_or_wrong_boundaries"]
    # Sentence-final entities mid-document keep the full stop in their last token.
    assert scored["reasons"].get("span ends inside a peer token", 0) > 0
    for ex in scored["examples"]:
        assert ex["gold"] != " ".join(ex["peer_tokens"])


def test_peer_scoring_on_a_hand_made_case(tmp_path):
    text = "Gặp Công an tỉnh Nghệ An. Sau đó về Lào."
    export = tmp_path / "e.json"
    export.write_text(json.dumps([make_data.to_task(1, "d1", text, {}, [(4, 24, "ORG"), (36, 39, "PROVINCE")])]), encoding="utf-8")
    conll = bench_convert.peer_convert(export, tmp_path / "out")
    scored = bench_convert.score_peer(export, conll)
    assert scored["gold_entities"] == 2
    # "An." mid-text is one Treebank token; "Lào." at the very end is split.
    assert scored["exact"] == 1
    assert scored["examples"][0]["gold"] == "Công an tỉnh Nghệ An"
    assert scored["examples"][0]["peer_tokens"][-1] == "An."


def test_run_rusage_measures_the_child(tmp_path):
    grab = "b = bytearray(150 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); print('ok')"
    r = run_rusage([sys.executable, "-c", grab], cwd=tmp_path)
    assert r["stdout"].strip() == "ok"
    assert r["peak_rss_mib"] >= 150
    small = run_rusage([sys.executable, "-c", "pass"], cwd=tmp_path)
    assert small["peak_rss_mib"] < r["peak_rss_mib"] - 100
    with pytest.raises(RuntimeError, match="exit 3"):
        run_rusage([sys.executable, "-c", "import sys; sys.exit(3)"], cwd=tmp_path)


def test_growth_exponent_tells_quadratic_from_linear():
    sizes = [100, 200, 400]
    assert growth_exponent(sizes, [n * 2 for n in sizes]) == pytest.approx(1.0)
    assert growth_exponent(sizes, [n * n for n in sizes]) == pytest.approx(2.0)


def test_server_log_counts_each_request_once(tmp_path):
    log = tmp_path / "ls.log"
    log.write_text("old line\n", encoding="utf-8")
    counter = bench_labelstudio.ServerLog(log)
    line = '[2026-11-22 23:57:17,549] [django.server::log_message::213] [INFO] "{} HTTP/1.1" 201 441\n'
    with open(log, "a", encoding="utf-8") as f:
        for request in ("POST /api/projects/3/exports/", "GET /api/projects/3/exports/2/download?exportType=JSON"):
            f.write(line.format(request) * 2)  # Label Studio writes each record to two handlers
        f.write("[2026-11-22 23:57:18,000] [django.request::log_response::293] [WARNING] Not Found: /api/x/\n")
    taken = counter.take()
    assert taken == {"requests": 2, "by_endpoint": {"GET /api/projects/{id}/exports/{id}/download": 1, "POST /api/projects/{id}/exports/": 1}}
    assert counter.take()["requests"] == 0


def test_underthesea_words_become_char_spans():
    text = "Đại tá Lê Văn Thái về Nghệ An"
    spans = bench_inference._bio_spans(text, ["Đại tá", "Lê Văn Thái", "về", "Nghệ An"], ["O", "B-PER", "O", "B-LOC"])
    assert [(text[s:e], label) for s, e, label in spans] == [("Lê Văn Thái", "PERSON"), ("Nghệ An", "PROVINCE")]


def test_score_spans_restricts_labels():
    text = "Đại tá Lê Văn Thái về Nghệ An"
    gold = [(text, [(0, 6, "RANK"), (7, 18, "PERSON"), (22, 29, "PROVINCE")])]
    pred = [[(7, 18, "PERSON"), (22, 29, "PROVINCE")]]
    assert bench_inference.score_spans(gold, pred, ("PERSON", "PROVINCE"))["micro"]["f"] == 1.0
    all_labels = bench_inference.score_spans(gold, pred)["micro"]
    assert all_labels["r"] == pytest.approx(2 / 3)


def test_readme_renders_every_section(tmp_path, monkeypatch):
    machine = {"date": "2026-11-23T00:00:00+00:00", "cores": 2, "cpu": "x", "ram_gib": 1.0, "loadavg_at_start": [0.1, 0.1, 0.1],
               "python": "3", "spacy": "3.8", "platform": "linux"}
    side = {"seconds_median": 2.0, "cpu_seconds_median": 1.5, "tasks_per_s": 5.0, "peak_rss_mib": 300.0}
    convert = {"machine": machine, "repeats_at_smallest_size": 1, "rows": [
        {"tasks": 10, "vner": dict(side), "peer": dict(side), "ratio_vner_over_peer_seconds": 1.0},
        {"tasks": 20, "vner": {**side, "entities": {"gold_entities": 9, "entities": 9, "exact": 9, "lost": 0}},
         "peer": {**side, "entities": {"gold_entities": 9, "b_tags": 9, "exact": 8, "lost_or_wrong_boundaries": 1,
                                       "reasons": {"span ends inside a peer token": 1},
                                       "examples": [{"label": "ORG", "gold": "Bộ Công an", "peer_tokens": ["Bộ", "Công", "an."]}]}},
         "ratio_vner_over_peer_seconds": 1.0}],
        "time_growth_exponent": {"vner": 1.0, "peer": 1.0}, "memory_growth_exponent": {"vner": 0.5, "peer": 0.5}}
    run = {"build_seconds": 0.5, "best_run_seconds": 0.8, "chars_per_second": 85000}
    rules = {"machine": machine, "quick": False, "rounds": 3, "characters": 68612, "texts": 20, "patterns": 3471,
             "token_patterns": 614, "rules_version": "rules-0", "rules_over_ner": 0.61,
             "pipelines": {"rules, shipped patterns (vner_span_ruler)": run, "statistical NER (tok2vec + ner)": run},
             "load": {"model": "/x/model-best", "seconds": 0.81, "without_rules_seconds": 0.12, "rules_add_seconds": 0.69}}
    results = {"convert": convert, "labelstudio": None, "inference": None, "training": None, "rules": rules}
    monkeypatch.setattr(report, "load_result", lambda name: results[name])
    sections = tmp_path / "sections"
    sections.mkdir()
    monkeypatch.setattr(report, "SECTIONS", sections)
    text = report.write_readme(tmp_path / "README.md")
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == text
    assert "| 20 | 2.00 | 1.50 |" in text
    assert "`Bộ Công an` → SDK tokens `Bộ` `Công` `an.`" in text
    assert "Not run yet: `.venv/bin/python bench/run_all.py --only training`" in text
    assert "Rules / NER time: **0.61**" in text and "the rules add **0.69 s**" in text
    assert "| rules, shipped patterns (vner_span_ruler) | 0.50 | 0.80 | 85,000 |" in text

    # A section written by hand replaces the generated one of its name; others are appended.
    (sections / "convert.md").write_text("## Conversion, by hand\n\nnewer run\n", encoding="utf-8")
    (sections / "zz-extra.md").write_text("## Extra\n\nmore\n", encoding="utf-8")
    text = report.write_readme(tmp_path / "README.md")
    assert "newer run" in text and "| 20 | 2.00 | 1.50 |" not in text
    assert text.index("newer run") < text.index("Not run yet: `.venv/bin/python bench/run_all.py --only labelstudio`")
    assert text.rstrip().endswith("more")


@pytest.mark.slow
def test_convert_benchmark_end_to_end():
    result = bench_convert.run(sizes=(10, 20), repeats=1)
    small, large = result["rows"]
    assert (small["tasks"], large["tasks"]) == (10, 20)
    for row in result["rows"]:
        for side in ("vner", "peer"):
            assert row[side]["seconds_median"] > 0 and row[side]["peak_rss_mib"] > 20
    gold = json.loads((make_data.DATA / "20-s0" / "info.json").read_text())["spans"]
    assert large["vner"]["entities"]["gold_entities"] == large["peer"]["entities"]["gold_entities"] == gold
    assert large["vner"]["entities"]["lost"] == 0
    assert large["vner"]["report"]["spans_dropped"] == 0


@pytest.mark.slow
def test_server_log_windows_hold_the_requests_made_between_two_takes(label_studio):
    """The server logs a request after answering it: a connect's ``whoami`` once landed in the next window."""
    from vner.annotation.labeling import connect

    with connect(label_studio.url, label_studio.api_key) as conn:
        log = bench_labelstudio.ServerLog(label_studio.log_path, label_studio.url)  # right after connect's request
        counter = bench_labelstudio.RequestCounter(conn)
        for _ in range(3):
            assert log.take()["requests"] == 0
            list(conn.client.projects.list())
            conn.client.users.whoami()
            sent = counter.take()
            assert log.take() == {"requests": sent["requests"], "by_endpoint": sent["by_endpoint"]}
            assert sent["requests"] >= 2


@pytest.mark.slow
def test_labelstudio_benchmark_end_to_end(label_studio):
    sizes = {"push": 20, "push_rules": 5, "push_annotations": (5, 10), "pull": (10, 20)}
    result = bench_labelstudio.run(sizes=sizes, server=label_studio)
    first, second = result["push"]["first push"], result["push"]["second push (idempotent)"]
    assert first["tasks_created"] == 20 and second["tasks_created"] == 0 and second["tasks_existing"] == 20
    assert first["requests"] == first["server_logged_requests"] > 0
    assert second["requests"] == second["server_logged_requests"] > 0
    assert result["push_rules"]["tasks_created"] == 5 and result["push_rules"]["prediction_spans"] > 0
    assert [r["annotations_added"] for r in result["push_annotations"]["rows"]] == [5, 10]
    for row in result["pull"]["rows"]:
        gold = json.loads((make_data.DATA / f"{row['tasks']}-s0" / "info.json").read_text())["spans"]
        assert row["entities_in_corpus"] == row["gold_entities"] == gold
        assert row["spans_dropped"] == 0
        assert row["requests"] >= 3  # create snapshot, download, list users (and look-ups)


@pytest.mark.slow
def test_rules_paired_times_two_checkouts_in_one_process():
    """In a child process: the script forgets and re-imports vner, which this process's tests hold."""
    import subprocess

    here = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, str(here / "bench" / "rules_paired.py"), str(here), str(here), "--rounds", "1"],
                         check=True, capture_output=True, text=True).stdout
    assert "same entities on the seeds x4" in out
    totals = [float(line.split("total=")[1]) for line in out.splitlines() if " best " in line]
    assert len(totals) == 2 and all(t > 0 for t in totals)


@pytest.mark.slow
def test_batch_paired_times_every_size_and_compares_their_entities():
    import subprocess

    here = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, str(here / "bench" / "batch_paired.py"), "--sizes", "16", "4", "--rounds", "1", "--limit", "2"],
                         check=True, capture_output=True, text=True).stdout
    assert "same entities at every size" in out
    rows = [line for line in out.splitlines() if " batch " in line]
    assert [(r.split()[0], int(r.split()[2].rstrip(":"))) for r in rows] == [("articles", 16), ("articles", 4), ("sentences", 16), ("sentences", 4)]
    assert all(float(r.split("best")[1].split()[0]) > 0 for r in rows)


def test_phoner_persons_keeps_names_only_and_joins_text_as_written(tmp_path):
    """bench/phoner_persons.py: PhoNER's NAME becomes PERSON, every other type O, and the syllables read as text
    ("( 47 tuổi )" → "(47 tuổi)"); the sentence is made up, in PhoNER's layout."""
    import json

    from bench.phoner_persons import phoner_to_jsonl
    from vner.model.nlp import make_nlp
    from vner.training.corpus import jsonl_to_docs

    path = tmp_path / "test_syllable.json"
    row = {"words": ["Bà", "Lê", "Thị", "Hoa", "(", "47", "tuổi", ")", "ở", "Hà", "Nội", "."],
           "tags": ["O", "B-NAME", "I-NAME", "I-NAME", "O", "B-AGE", "O", "O", "O", "B-LOCATION", "I-LOCATION", "O"]}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    doc, = jsonl_to_docs(phoner_to_jsonl(path), make_nlp())
    assert doc.text == "Bà Lê Thị Hoa (47 tuổi) ở Hà Nội."
    assert [(e.text, e.label_) for e in doc.ents] == [("Lê Thị Hoa", "PERSON")]
