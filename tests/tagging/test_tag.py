"""`vner tag`: every output format, every source, resume, atomicity, errors.

The model is real (trained for a few seconds on the seeds); the documents
are the authors' own sentences (conftest.SENTENCES) and the seeds.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vner.cli import app
from vner.core.documents import read_documents
from vner.core.errors import VnerError
from vner.core.resources import SEED_GOLD, SEEDS
from vner.model.nlp import make_nlp
from vner.tagging import tag
from vner.training.corpus import conll_to_docs

pytestmark = pytest.mark.slow  # trains a model (about 15 s, once per session)
runner = CliRunner()
VNER = Path(sys.executable).parent / "vner"


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def reference(tiny_model, corpus, tmp_path_factory) -> Path:
    """The corpus tagged in one process, JSONL: what every other way must reproduce."""
    out = tmp_path_factory.mktemp("ref") / "tagged.jsonl"
    tag([corpus], tiny_model, out)
    return out


def test_jsonl_has_every_document_in_order_with_its_entities(reference, corpus):
    docs = read_documents([corpus])
    records = lines(reference)
    assert [r["id"] for r in records] == [d.id for d in docs]
    assert [r["text"] for r in records] == [d.text for d in docs]
    ents = [e for r in records for e in r["entities"]]
    assert ents, "the tiny model should find some entities"
    for r in records:
        for e in r["entities"]:
            assert r["text"][e["start"]:e["end"]] == e["text"]
            assert e["label"] in {"PERSON", "RANK", "ORG", "PROVINCE", "QUANTITY"}
    assert not reference.with_name(reference.name + ".part").exists()


def test_no_text(tiny_model, corpus, reference, tmp_path):
    out = tmp_path / "ids.jsonl"
    report = tag([corpus], tiny_model, out, with_text=False)
    records = lines(out)
    assert all(set(r) == {"id", "entities"} for r in records)
    assert [r["entities"] for r in records] == [r["entities"] for r in lines(reference)]
    assert report.tagged == report.total == len(records)


def test_labelstudio_tasks_carry_the_predictions(tiny_model, corpus, reference, tmp_path):
    out = tmp_path / "tasks.json"
    tag([corpus], tiny_model, out, fmt="labelstudio")
    tasks = json.loads(out.read_text(encoding="utf-8"))
    ref = lines(reference)
    assert [t["data"]["id"] for t in tasks] == [r["id"] for r in ref]
    assert tasks[0]["data"]["meta"] == {"n": 0, "source": "docs.jsonl"}
    for task, r in zip(tasks, ref):
        (pred,) = task["predictions"]
        assert pred["model_version"] == "vi_pipeline-0.0.0"
        spans = [(x["value"]["start"], x["value"]["end"], x["value"]["labels"][0], x["value"]["text"]) for x in pred["result"]]
        assert spans == [(e["start"], e["end"], e["label"], e["text"]) for e in r["entities"]]
    # The tasks are a source again (as any Label Studio export): same documents.
    assert [(d.id, d.text) for d in read_documents([out])] == [(r["id"], r["text"]) for r in ref]


def test_conll_reads_back_with_the_same_entities(tiny_model, corpus, reference, tmp_path):
    out = tmp_path / "tagged.conll"
    tag([corpus], tiny_model, out, fmt="conll")
    docs = list(conll_to_docs(out.read_text(encoding="utf-8"), make_nlp(), source=str(out)))
    ref = lines(reference)
    assert len(docs) == len(ref)
    assert [[(e.text, e.label_) for e in d.ents] for d in docs] == [[(e["text"], e["label"]) for e in r["entities"]] for r in ref]


@pytest.mark.parametrize("fmt,empty", [("jsonl", ""), ("labelstudio", "[]\n"), ("conll", "")])
def test_no_documents_is_still_a_valid_file(tiny_model, tmp_path, fmt, empty):
    out = tmp_path / "out"
    report = tag([], tiny_model, out, fmt=fmt)
    assert out.read_text() == empty and report.total == 0


def test_every_kind_of_source(tiny_model, tmp_path):
    """Seed .txt folder and the seed Label Studio export: the same documents, the same entities."""
    from_txt, from_export = tmp_path / "txt.jsonl", tmp_path / "export.jsonl"
    tag([SEEDS], tiny_model, from_txt)
    tag([SEED_GOLD], tiny_model, from_export)
    a, b = lines(from_txt), lines(from_export)
    assert len(a) == 5
    assert [(r["id"][:3], r["entities"]) for r in a] == [(r["id"][:3], r["entities"]) for r in b]


def test_n_process_2_writes_the_same_bytes(tiny_model, corpus, reference, tmp_path):
    out = tmp_path / "np2.jsonl"
    report = tag([corpus], tiny_model, out, n_process=2, batch_size=8)
    assert out.read_bytes() == reference.read_bytes()
    assert report.where == "2 processes"


def test_resume_adds_only_new_documents(tiny_model, tmp_path, make_corpus):
    (tmp_path / "small").mkdir(), (tmp_path / "full").mkdir()
    small, full = make_corpus(tmp_path / "small/docs.jsonl", 20), make_corpus(tmp_path / "full/docs.jsonl", 50)
    fresh = tmp_path / "fresh.json"
    tag([full], tiny_model, fresh, fmt="labelstudio")
    out = tmp_path / "out.json"
    tag([small], tiny_model, out, fmt="labelstudio")
    report = tag([full], tiny_model, out, fmt="labelstudio", resume=True)
    assert (report.skipped, report.tagged, report.total) == (20, 30, 50)
    assert out.read_bytes() == fresh.read_bytes()
    report = tag([full], tiny_model, out, fmt="labelstudio", resume=True)
    assert (report.skipped, report.tagged, report.total) == (50, 0, 50)
    assert out.read_bytes() == fresh.read_bytes()


def test_a_killed_run_leaves_out_untouched_and_resumes(tiny_model, tmp_path, make_corpus):
    corpus = make_corpus(tmp_path / "big.jsonl", 600)
    out = tmp_path / "out.jsonl"
    out.write_text("an earlier output\n")
    part = tmp_path / "out.jsonl.part"
    argv = [str(VNER), "tag", str(corpus), "-m", str(tiny_model), "-o", str(out), "--batch-size", "1"]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not (part.exists() and part.read_bytes().count(b"\n") > 30):
            assert proc.poll() is None and time.monotonic() < deadline, "the run ended before it could be killed"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    assert out.read_text() == "an earlier output\n"
    kept = part.read_bytes().count(b"\n") - 1
    with open(part, "ab") as f:
        f.write(b'["d9999", "a torn li')  # as if killed in the middle of a write
    out.unlink()
    report = tag([corpus], tiny_model, out, resume=True)
    assert report.skipped == kept and report.tagged == 600 - kept
    fresh = tmp_path / "fresh.jsonl"
    tag([corpus], tiny_model, fresh)
    assert out.read_bytes() == fresh.read_bytes()


def test_bad_input_midway_keeps_progress_and_out(tiny_model, tmp_path, make_corpus):
    corpus = make_corpus(tmp_path / "docs.jsonl", 40, bad_line=25)
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n")
    with pytest.raises(VnerError) as e:
        tag([corpus], tiny_model, out, batch_size=4)
    assert e.value.title == "Invalid JSON line" and f"{corpus}:26" in e.value.detail
    assert "--resume" in e.value.fix
    assert out.read_text() == "previous\n"
    make_corpus(corpus, 40)
    out.unlink()
    report = tag([corpus], tiny_model, out, resume=True)
    assert 0 < report.skipped <= 25 and report.total == 40
    fresh = tmp_path / "fresh.jsonl"
    tag([corpus], tiny_model, fresh)
    assert out.read_bytes() == fresh.read_bytes()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def save_pipeline(path: Path, pipes: list[str]) -> Path:
    nlp = make_nlp()
    for name in pipes:
        nlp.add_pipe(name)
    nlp.to_disk(path)
    return path


@pytest.mark.parametrize(
    "case,title,named",
    [
        ("missing_model", "Model not found", "nowhere"),
        ("not_ner", "Model does not predict entities", "sentencizer"),
        ("training_output", "Not a spaCy pipeline", "has no config.cfg"),
        ("bad_utf8", "Invalid UTF-8", "bad.txt"),
        ("binary", "Not a text file", "bin.txt"),
        ("bad_export", "Not a Label Studio export", "broken.json"),
        ("object_export", "Not a Label Studio export", "object.json"),
        ("duplicate", "Duplicate document id", "'a'"),
        ("no_text_ls", "--no-text works with --format jsonl only", "labelstudio"),
        ("conll_resume", "CoNLL output keeps no document ids", "out.conll"),
        ("other_settings", "Cannot resume: different settings", "out.jsonl.part"),
        ("empty_folder", "No documents in folder", "empty"),
    ],
)
def test_errors_name_the_file(tiny_model, tmp_path, case, title, named):
    out, kwargs = tmp_path / "out.jsonl", {}
    model, sources = tiny_model, [tmp_path / "ok.txt"]
    write(sources[0], "Đại tá Lê Văn Thái".encode())
    if case == "missing_model":
        model = tmp_path / "nowhere"
    elif case == "not_ner":
        model = save_pipeline(tmp_path / "sent", ["sentencizer"])
    elif case == "training_output":
        model = tiny_model.parent
    elif case == "bad_utf8":
        sources = [write(tmp_path / "bad.txt", b"Ngh\xe1 An")]
    elif case == "binary":
        sources = [write(tmp_path / "bin.txt", b"abc\x00def")]
    elif case == "bad_export":
        sources = [write(tmp_path / "broken.json", b'[{"data": {"text": "x"}}, {"data": ')]
    elif case == "object_export":
        sources = [write(tmp_path / "object.json", b'{"data": {"text": "x"}}')]
    elif case == "duplicate":
        sources = [write(tmp_path / "a.jsonl", '{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n'.encode())]
    elif case == "no_text_ls":
        kwargs = {"fmt": "labelstudio", "with_text": False}
    elif case == "conll_resume":
        out = tmp_path / "out.conll"
        tag(sources, model, out, fmt="conll")
        kwargs = {"fmt": "conll", "resume": True}
    elif case == "other_settings":
        out.with_name("out.jsonl.part").write_text(json.dumps({"vner_tag": 1, "format": "conll"}) + "\n")
        kwargs = {"resume": True}
    elif case == "empty_folder":
        (tmp_path / "empty").mkdir()
        sources = [tmp_path / "empty"]
    with pytest.raises(VnerError) as e:
        tag(sources, model, out, **kwargs)
    assert e.value.title == title
    assert named in e.value.detail
    assert e.value.fix
    if case != "conll_resume":
        assert not out.exists()


def test_cli_prints_a_message_not_a_traceback(tiny_model, corpus, tmp_path):
    result = runner.invoke(app, ["tag", str(corpus), "--model", str(tmp_path / "none"), "--output", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    assert "Model not found" in result.output and "Traceback" not in result.output
    result = runner.invoke(app, ["tag", str(corpus), "-m", str(tiny_model), "-o", str(tmp_path / "o.json"), "--format", "labelstudio"])
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output and "60 documents" in result.output
    assert len(json.loads((tmp_path / "o.json").read_text())) == 60


def test_package_name_that_is_not_installed(tmp_path, corpus):
    with pytest.raises(VnerError, match="Model not found"):
        tag([corpus], "vi_no_such_model", tmp_path / "o.jsonl")
    assert os.listdir(tmp_path) == []


def test_vner_tag_batches_as_the_tagger_does():
    """One batch size: the CLI's default is the tagger's (16 whole articles; bench/findings.md 18, 19)."""
    import inspect

    from vner.cli.tag import tag_cli
    from vner.tagging.tag import BATCH_SIZE

    assert inspect.signature(tag_cli).parameters["batch_size"].default.default == BATCH_SIZE == 16
