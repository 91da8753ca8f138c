"""`evaluate` end to end: real models, real seed gold, every report file."""

import html
import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin, Span
from typer.testing import CliRunner

from vner.cli import app
from vner.core.errors import VnerError
from vner.evaluation.error_analysis import CATEGORIES, MISSED_COLUMN, SPURIOUS_ROW
from vner.evaluation.evaluate import evaluate, load_gold, load_model, predict, score
from vner.model.nlp import make_nlp

PNG = b"\x89PNG\r\n\x1a\n"


def check_consistent(m: dict) -> None:
    """The numbers of metrics.json agree with each other."""
    counts, errors, conf = m["counts"], m["errors"]["counts"], m["confusion"]
    assert set(errors) == set(CATEGORIES)
    paired = errors["correct"] + errors["wrong_type"] + errors["wrong_boundary"] + errors["wrong_type_boundary"]
    assert paired + errors["missed"] == counts["gold_total"] == sum(counts["gold"].values())
    assert paired + errors["spurious"] == counts["predicted_total"] == sum(counts["predicted"].values())
    micro = m["scores"]["micro"]
    assert micro["support"] == counts["gold_total"]
    assert micro["r"] == pytest.approx(errors["correct"] / counts["gold_total"])
    if counts["predicted_total"]:
        assert micro["p"] == pytest.approx(errors["correct"] / counts["predicted_total"])
    for label, n in counts["gold"].items():
        assert m["scores"]["per_entity"][label]["support"] == n
        assert sum(conf["matrix"][conf["rows"].index(label)]) == n
    for label, n in counts["predicted"].items():
        assert sum(row[conf["columns"].index(label)] for row in conf["matrix"]) == n
    assert sum(conf["matrix"][conf["rows"].index(SPURIOUS_ROW)]) == errors["spurious"]
    assert sum(row[conf["columns"].index(MISSED_COLUMN)] for row in conf["matrix"]) == errors["missed"]
    # per label: true positives are the exact matches of that label
    tp = sum(round(s["r"] * s["support"]) for s in m["scores"]["per_entity"].values())
    assert tp == errors["correct"]


@pytest.mark.slow
def test_evaluate_tiny_model_writes_consistent_reports(tiny_model, gold_spacy, seed_docs, tmp_path):
    out = tmp_path / "reports"
    result = evaluate(tiny_model, gold_spacy, out, progress=False)
    for name in ("metrics.json", "report.md", "confusion.png", "errors.html"):
        assert (out / name).is_file(), name
    m = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert m["scores"] == result["scores"]
    assert m["documents"] == len(seed_docs)
    assert m["counts"]["gold_total"] == sum(len(d.ents) for d in seed_docs)
    check_consistent(m)
    assert (out / "confusion.png").read_bytes().startswith(PNG)
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "(confusion.png)" in report and "(errors.html)" in report
    assert f"| micro avg | {100 * m['scores']['micro']['p']:.2f} |" in report


@pytest.mark.slow
def test_errors_html_shows_every_document_with_an_error(tiny_model, seed_docs, tmp_path):
    # The model's rules give the seeds every gold span: two gold documents are altered so that it errs there.
    docs = [d.copy() for d in seed_docs]
    docs[0].ents = list(docs[0].ents)[1:]  # a gold span left out: the model's is spurious
    first = docs[2].ents[0]
    other = "QUANTITY" if first.label_ != "QUANTITY" else "PERSON"
    docs[2].ents = [Span(docs[2], first.start, first.end, label=other), *docs[2].ents[1:]]  # a wrong type
    gold = tmp_path / "gold.spacy"
    DocBin(docs=docs, store_user_data=True).to_disk(gold)
    m = evaluate(tiny_model, gold, tmp_path / "out", progress=False)
    page = (tmp_path / "out" / "errors.html").read_text(encoding="utf-8")
    # Independently of the report code: which documents are not predicted perfectly?
    nlp = spacy.load(tiny_model)
    spans = lambda doc: {(e.start_char, e.end_char, e.label_) for e in doc.ents}  # noqa: E731
    wrong = {d.user_data["id"] for d in docs if spans(nlp(d.text)) != spans(d)}
    assert {docs[0].user_data["id"], docs[2].user_data["id"]} <= wrong
    for doc in docs:
        assert (f">{doc.user_data['id']}</h2>" in page) == (doc.user_data["id"] in wrong)
    assert page.count('<div class="side">') == len(wrong)
    assert set(m["errors"]["by_document"]) == wrong
    for ex in (ex for items in m["errors"]["examples"].values() for ex in items):
        span = ex["gold"] or ex["pred"]
        assert html.escape(span["text"]) in page
    assert "<h3>Gold</h3>" in page and "<h3>Predicted</h3>" in page


def test_ruler_model_known_errors_and_unknown_label(ruler_model, gold_spacy, seed_docs, tmp_path):
    m = evaluate(ruler_model, gold_spacy, tmp_path, progress=False)
    check_consistent(m)
    quantities = sum(e.label_ == "QUANTITY" for d in seed_docs for e in d.ents)
    assert m["unknown_labels"] == ["QUANTITY"]
    assert any("QUANTITY" in w for w in m["warnings"])
    assert "**Warning:** The model does not know the gold label(s) QUANTITY" in (tmp_path / "report.md").read_text(encoding="utf-8")
    conf = m["confusion"]
    row = conf["matrix"][conf["rows"].index("QUANTITY")]
    assert row[conf["columns"].index(MISSED_COLUMN)] == quantities == sum(row)
    # "Nghệ An" inside the ORG "Công an tỉnh Nghệ An" is predicted PROVINCE
    wtb = m["errors"]["examples"]["wrong_type_boundary"]
    assert any(ex["gold"]["label"] == "ORG" and (ex["pred"]["text"], ex["pred"]["label"]) == ("Nghệ An", "PROVINCE") for ex in wtb)
    # "Lào" is never a PERSON in the gold: every PERSON prediction is wrong
    assert m["scores"]["per_entity"]["PERSON"]["p"] == 0.0
    # Every document has an error, so every one has a section.
    page = (tmp_path / "errors.html").read_text(encoding="utf-8")
    assert all(f">{d.user_data['id']}</h2>" in page for d in seed_docs)


def test_different_tokenizer_is_scored_on_syllables_and_widening_is_counted(gold_spacy, seed_docs, save_ruler, tmp_path):
    # pyvi splits "Baonghean.vn" into "Baonghean", ".", "vn"; the gold ORG is the whole syllable.
    model = save_ruler(tmp_path / "pyvi", "pyvi", [{"label": "ORG", "pattern": [{"ORTH": "Baonghean"}]}])
    m = evaluate(model, gold_spacy, tmp_path / "out", progress=False)
    check_consistent(m)
    occurrences = sum(d.text.count("Baonghean.vn") for d in seed_docs)
    assert occurrences > 0
    assert m["alignment"]["counts"]["pred_expanded"] == occurrences == m["counts"]["predicted_total"]
    assert m["alignment"]["examples"]["pred_expanded"][0]["widened to"] == "Baonghean.vn"
    assert m["errors"]["counts"]["correct"] == occurrences
    assert any("widened" in w for w in m["warnings"])


def test_predict_projects_onto_syllable_tokens(seed_docs):
    nlp = make_nlp("pyvi")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "Công an"}])
    scored = predict(nlp, seed_docs[:2], progress=False)
    syllables = make_nlp("syllable")
    for gold, ref_gold, ref_pred in zip(seed_docs, scored.gold, scored.pred):
        assert [t.text for t in ref_gold] == [t.text for t in ref_pred] == [t.text for t in syllables(gold.text)]
        assert [(e.start_char, e.end_char, e.label_) for e in ref_gold.ents] == [(e.start_char, e.end_char, e.label_) for e in gold.ents]
        assert ref_pred.ents and all(e.label_ == "ORG" for e in ref_pred.ents)
    assert score(scored, ["ORG"])["unknown_labels"] == ["PERSON", "PROVINCE", "QUANTITY", "RANK"]


def _saved(path: Path, pipes=()) -> Path:
    nlp = make_nlp()
    for pipe in pipes:
        nlp.add_pipe(pipe)
    nlp.initialize()
    nlp.to_disk(path)
    return path


@pytest.mark.parametrize(
    "make,title",
    [
        (lambda p: p, "Model not found"),
        (lambda p: (p.mkdir(), p)[1], "Not a spaCy pipeline"),
        (lambda p: (p.write_text("x"), p)[1], "Not a spaCy pipeline"),
        (lambda p: (p.mkdir(), (p / "config.cfg").write_text("[nlp]"), p)[2], "Not a spaCy pipeline"),
        (lambda p: (p.mkdir(), (p / "config.cfg").write_text("[nlp\n"), (p / "meta.json").write_text("{}"), p)[3], "Could not load the model"),
        (lambda p: _saved(p), "Model does not predict entities"),
        (lambda p: _saved(p, ["sentencizer"]), "Model does not predict entities"),
        (lambda p: _saved(p, ["entity_ruler"]), "Model has no entity labels"),
    ],
)
def test_not_a_usable_pipeline(make, title, tmp_path):
    path = make(tmp_path / "model")
    with pytest.raises(VnerError) as e:
        load_model(path)
    assert e.value.title == title
    assert str(path) in e.value.detail and e.value.fix


def test_training_output_folder_suggests_model_best(ruler_model, tmp_path):
    (tmp_path / "model-best").symlink_to(ruler_model, target_is_directory=True)
    with pytest.raises(VnerError) as e:
        load_model(tmp_path)
    assert str(tmp_path / "model-best") in e.value.fix


def test_empty_and_entity_free_corpora(ruler_model, tmp_path, seed_docs):
    empty = tmp_path / "empty.spacy"
    DocBin().to_disk(empty)
    with pytest.raises(VnerError, match="Empty corpus"):
        evaluate(ruler_model, empty, tmp_path / "out", progress=False)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    DocBin(docs=seed_docs, store_user_data=True).to_disk(corpus / "train.spacy")
    DocBin().to_disk(corpus / "dev.spacy")
    with pytest.raises(VnerError, match="Empty dev set"):
        evaluate(ruler_model, corpus, tmp_path / "out", progress=False)
    plain = tmp_path / "plain.spacy"
    DocBin(docs=[make_nlp()(d.text) for d in seed_docs]).to_disk(plain)
    with pytest.raises(VnerError, match="No gold entities"):
        evaluate(ruler_model, plain, tmp_path / "out", progress=False)
    garbage = tmp_path / "garbage.spacy"
    garbage.write_bytes(b"not a docbin")
    with pytest.raises(VnerError, match="Not a spaCy DocBin"):
        load_gold(garbage)
    assert not (tmp_path / "out").exists()


def test_corpus_folder_is_evaluated_on_its_dev_split(ruler_model, tmp_path, seed_docs):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    DocBin(docs=seed_docs[:3], store_user_data=True).to_disk(corpus / "train.spacy")
    DocBin(docs=seed_docs[3:], store_user_data=True).to_disk(corpus / "dev.spacy")
    m = evaluate(ruler_model, corpus, tmp_path / "out", progress=False)
    assert m["documents"] == len(seed_docs[3:]) and m["part"] == "dev split"
    assert m["counts"]["gold_total"] == sum(len(d.ents) for d in seed_docs[3:])


def test_cli_prints_table_and_paths(ruler_model, gold_spacy, tmp_path):
    result = CliRunner().invoke(app, ["evaluate", str(ruler_model), str(gold_spacy), "-o", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output
    m = json.loads((tmp_path / "r" / "metrics.json").read_text(encoding="utf-8"))
    assert f"{100 * m['scores']['micro']['f']:.2f}" in result.output
    for label in m["scores"]["per_entity"]:
        assert label in result.output
    assert str(tmp_path / "r" / "errors.html") in result.output
    assert "QUANTITY" in result.output and "does not know" in result.output


def test_cli_not_a_pipeline_is_a_message_not_a_traceback(gold_spacy, tmp_path):
    (tmp_path / "model").mkdir()
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path / "model"), str(gold_spacy), "-o", str(tmp_path / "r")])
    assert result.exit_code == 1
    assert "Not a spaCy pipeline" in result.output and "config.cfg" in result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)  # typer.Exit(1), not the VnerError


def test_whitespace_tokenizer_model_is_scored_on_syllables(tmp_path, gold_spacy, ruler_patterns):
    # A plain spaCy tokenizer (whitespace) is another tokenization: scored on syllables too.
    nlp = spacy.blank("vi")
    nlp.add_pipe("entity_ruler").add_patterns(ruler_patterns)
    nlp.to_disk(tmp_path / "ws")
    m = evaluate(tmp_path / "ws", gold_spacy, tmp_path / "out", progress=False)
    check_consistent(m)
    assert m["errors"]["counts"]["correct"] > 0


def test_label_studio_export_is_gold_as_is(ruler_model, seed_docs, tmp_path):
    from vner.core.resources import SEED_GOLD

    m = evaluate(ruler_model, SEED_GOLD, tmp_path, progress=False)
    assert m["part"] == "all documents" and m["documents"] == len(seed_docs)
    assert m["counts"]["gold_total"] == sum(len(d.ents) for d in seed_docs)
    check_consistent(m)


def test_gold_span_inside_a_syllable_is_widened_and_counted():
    pyvi = make_nlp("pyvi")
    gold = pyvi("(Baonghean.vn) - Công an tỉnh Nghệ An")
    gold.ents = [gold.char_span(1, 10, "ORG")]  # "Baonghean": a pyvi token, part of one syllable
    gold.user_data["id"] = "g1"
    nlp = make_nlp()
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "Baonghean.vn"}])
    scored = predict(nlp, [gold], progress=False)
    assert scored.alignment["gold_expanded"] == 1 and scored.alignment["pred_expanded"] == 0
    assert scored.alignment_examples["gold_expanded"] == [{"doc": "g1", "label": "ORG", "span": "Baonghean", "widened to": "Baonghean.vn"}]
    assert score(scored, ["ORG"])["errors"]["counts"]["correct"] == 1


def test_gpu_id_without_a_gpu(ruler_model, gold_spacy, tmp_path):
    from thinc.util import gpu_is_available

    if gpu_is_available():  # a machine with a usable GPU evaluates instead
        pytest.skip("a GPU is available here")
    with pytest.raises(VnerError, match="GPU not available") as e:
        evaluate(ruler_model, gold_spacy, tmp_path / "out", gpu_id=0, progress=False)
    assert e.value.fix == "Evaluate on the CPU with --gpu-id -1."
    assert not (tmp_path / "out").exists()
