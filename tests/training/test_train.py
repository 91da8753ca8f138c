"""`vner train` and `train()`: real (short) spaCy trainings on the seeds.

Trainings run a few dozen steps at most: enough to check what is written,
loaded and passed through, not model quality (bench/tuning/ measures that).
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin
from typer.testing import CliRunner

from vner.annotation.convert import gold_docs
from vner.cli import app
from vner.annotation.markup import WRITTEN_SELECT
from vner.annotation.rules import rules_pipeline
from vner.core.errors import VnerError
from vner.core.resources import WRITTEN
from vner.model.nlp import make_nlp, ner_enabled
from vner.core.scheme import labels as scheme_labels
from vner.training.corpus import docs_to_conll
from vner.training.train import (
    DEFAULT_CONFIG, MAX_EPOCHS, MIN_STEPS, PATIENCE_EVALS, RULES_EPOCHS, TRAINING_INFO, TRAINING_LOG, cpu_breakdown, cpu_ops, large_corpus, schedule_for, split_train_dev, steps_for_words, train, written_addition,
)

runner = CliRunner()
SHORT = ["--training.max_steps", "30", "--training.eval_frequency", "10"]


@pytest.fixture(scope="module")
def seeds():
    return gold_docs()


@pytest.fixture(scope="module")
def small(seeds, tmp_path_factory):
    """Two seed documents to train on and one for dev, as .spacy files."""
    d = tmp_path_factory.mktemp("small")
    DocBin(docs=seeds[:2], store_user_data=True).to_disk(d / "train.spacy")
    DocBin(docs=seeds[3:4], store_user_data=True).to_disk(d / "dev.spacy")
    return d


def invoke(*args):
    return runner.invoke(app, ["train", *map(str, args)], catch_exceptions=False)


def logged_steps(output):
    """The step column (#) of the training table in training.log."""
    return [int(m.group(1)) for m in re.finditer(r"^\s*\d+\s+(\d+)\s+[\d.]+\s+[\d.]+", (output / TRAINING_LOG).read_text(), re.M)]


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    """`vner train` with no DATA: the shipped seed gold, default config."""
    out = tmp_path_factory.mktemp("seed-run") / "model"
    result = invoke("-o", out, "--no-written", *SHORT)
    return result, out


@pytest.mark.slow
def test_cli_trains_on_the_seed_gold_by_default(seed_run, seeds):
    result, out = seed_run
    assert result.exit_code == 0, result.output
    meta = json.loads((out / "model-best" / "meta.json").read_text())
    assert meta["lang"] == "vi"
    assert set(meta["labels"]["ner"]) == set(scheme_labels())
    assert "ents_f" in meta["performance"]
    assert (out / "model-last" / "meta.json").is_file()
    # the corpus written for spaCy: 4 documents train, 1 dev (20 %)
    nlp = make_nlp()
    train_ids = [d.user_data["id"] for d in DocBin().from_disk(out / "corpus" / "train.spacy").get_docs(nlp.vocab)]
    dev_ids = [d.user_data["id"] for d in DocBin().from_disk(out / "corpus" / "dev.spacy").get_docs(nlp.vocab)]
    assert len(train_ids) == 4 and len(dev_ids) == 1
    assert sorted(train_ids + dev_ids) == sorted(d.user_data["id"] for d in seeds)
    # progress: spaCy's table, on the terminal and in the log
    assert "ENTS_F" in result.output and "ENTS_F" in (out / TRAINING_LOG).read_text()
    steps = logged_steps(out)
    assert steps and max(steps) <= 30
    # the schedule it chose, and which keys the command line set
    line = "Schedule for 4 docs / "
    assert line in result.output and line in (out / TRAINING_LOG).read_text()
    assert "--training.max_steps, --training.eval_frequency from the command line" in result.output
    info = json.loads((out / TRAINING_INFO).read_text())
    assert info["docs"] == 4 and info["schedule"]["max_steps"] == 30 and info["full_pass"] is True
    assert "model-best" in result.output
    # the seeds keep thinc's default matrix library (their results were measured with it)
    assert info["matrix_library"] == "thinc default (blis)" and "BLAS" not in result.output
    # where the CPU went: updates and the evaluations at steps 0, 10, 20 (the one at 30 ends the loop)
    assert info["evaluations_timed"] == 3
    assert 0 < info["cpu_seconds_evaluations"] < info["cpu_seconds_loop"]
    assert info["cpu_seconds_updates"] + info["cpu_seconds_evaluations"] == pytest.approx(info["cpu_seconds_loop"], abs=0.2)


@pytest.mark.slow
def test_trained_pipeline_loads_with_the_syllable_tokenizer(seed_run):
    _, out = seed_run
    nlp = spacy.load(out / "model-best")
    assert nlp.lang == "vi"
    assert "ner" in nlp.component_names  # disabled when the dev gate keeps the rules' entities only
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "vner.SyllableTokenizer.v1"
    text = "Đại tá Lê Văn Thái thu 417,9 kg ma túy. 1 vụ/1 đối tượng"
    assert [t.text for t in nlp(text)] == [t.text for t in make_nlp()(text)]
    assert set(nlp.get_pipe("ner").labels) == set(scheme_labels())
    # the rule patterns are inside the pipeline: loading needs no pattern files
    # and none of vner but the rules-stage components (found by entry point)
    assert nlp.component_names == ["tok2vec", "vner_tone_norm", "vner_token_classes", "vner_rules_names", "vner_rules_shapes", "vner_rules_resolve", "vner_remember_rules", "ner", "vner_scheme_constraints"]
    code = (
        "import sys, spacy; nlp = spacy.load(sys.argv[1]); "
        "assert not {m for m in sys.modules if m.startswith('vner.') and m not in ('vner.model', 'vner.model.ruler', 'vner.model.tokenizer', 'vner.model.features', "
        "'vner.model.helpers', 'vner.model.orgs', 'vner.model.persons', 'vner.model.resolver')}, sys.modules; "
        "print([(e.text, e.label_) for e in nlp(sys.argv[2]).ents])"
    )
    text = "Thiếu tướng Phạm Văn Hùng, Giám đốc Công an tỉnh Hà Tĩnh, thu 27 vụ ở Xiêng Khoảng"
    ents = subprocess.run([sys.executable, "-c", code, str(out / "model-best"), text],
                          capture_output=True, text=True, check=True).stdout
    # even a 30-step model finds these: the rules come first, the model fills gaps
    for ent in [("Thiếu tướng", "RANK"), ("Phạm Văn Hùng", "PERSON"), ("Công an tỉnh Hà Tĩnh", "ORG"),
                ("27 vụ", "QUANTITY"), ("Xiêng Khoảng", "PROVINCE")]:
        assert repr(ent) in ents


@pytest.mark.slow
def test_overrides_pass_through_and_dev_is_used(small, tmp_path):
    out = tmp_path / "model"
    result = invoke(small / "train.spacy", "--dev", small / "dev.spacy", "-o", out, "--no-written",
                    "--training.max_steps", "5", "--training.eval_frequency=2", "--nlp.batch_size", "17")
    assert result.exit_code == 0, result.output
    saved = spacy.util.load_config(out / "model-last" / "config.cfg")
    assert saved["training"]["max_steps"] == 5
    assert saved["training"]["eval_frequency"] == 2
    assert saved["nlp"]["batch_size"] == 17
    steps = logged_steps(out)
    assert steps == [0, 2, 4]
    nlp = make_nlp()
    assert len(list(DocBin().from_disk(out / "corpus" / "train.spacy").get_docs(nlp.vocab))) == 2
    assert [d.user_data["id"] for d in DocBin().from_disk(out / "corpus" / "dev.spacy").get_docs(nlp.vocab)] == [
        d.user_data["id"] for d in DocBin().from_disk(small / "dev.spacy").get_docs(nlp.vocab)
    ]


@pytest.mark.slow
def test_same_seed_same_model(seeds, tmp_path):
    def run(name, seed):
        best = train(seeds[:2], seeds[2:3], tmp_path / name, overrides={"training.max_steps": 6, "training.eval_frequency": 3}, seed=seed, quiet=True,
                     written=False)
        nlp = spacy.load(best.parent / "model-last")
        meta = json.loads((best / "meta.json").read_text())
        return nlp.get_pipe("ner").model.to_bytes(), nlp.get_pipe("tok2vec").model.to_bytes(), meta["performance"]

    first, again = run("a", 7), run("b", 7)
    assert first == again
    assert run("c", 8)[:2] != first[:2]


@pytest.mark.slow
def test_labels_come_from_the_data(seeds, tmp_path):
    """A CoNLL corpus with PER/LOC tags (not our scheme) trains as it is."""
    rename = {"PERSON": "PER", "PROVINCE": "LOC"}
    conll = docs_to_conll(seeds[:3])
    conll = re.sub(r"-(PERSON|PROVINCE)$", lambda m: "-" + rename[m.group(1)], conll, flags=re.M)
    conll = re.sub(r" [BI]-(RANK|ORG|QUANTITY)$", " O", conll, flags=re.M)
    (tmp_path / "data.conll").write_text(conll, encoding="utf-8")
    result = invoke(tmp_path / "data.conll", "-o", tmp_path / "model", "--training.max_steps", "4", "--training.eval_frequency", "2")
    assert result.exit_code == 0, result.output
    nlp = spacy.load(tmp_path / "model" / "model-best")
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC"}
    # our rules (PROVINCE, RANK, QUANTITY, ...) must not leak into their scheme
    assert {"vner_rules_names", "vner_rules_shapes", "vner_rules_resolve"} <= set(nlp.disabled)
    assert {e.label_ for e in nlp("Đại tá Lê Văn Thái thu 417,9 kg ở Xiêng Khoảng").ents} <= {"PER", "LOC"}
    # without a rules stage there is nothing for the dev gate to decide: it is skipped, the NER's entities stay
    info = json.loads((tmp_path / "model" / TRAINING_INFO).read_text())
    assert "ner_adds" not in info
    assert info["schedule_passes"] == MAX_EPOCHS == 30  # no rules beside the NER: the full schedule
    assert nlp.get_pipe("vner_scheme_constraints").ner_adds is True


# ---------------------------------------------------------------------------
# Errors: a message naming the problem and the fix, non-zero exit, no traceback


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "make, title",
    [
        (lambda d: write(d / "empty.jsonl", ""), "Empty training data"),
        (lambda d: write(d / "plain.conll", "Bộ O\nCông O\nan O\n"), "No entities in training data"),
        (lambda d: d / "missing.json", "Training data not found"),
        (lambda d: write(d / "data.csv", "a,b"), "Unknown training data format"),
        (lambda d: write(d / "bad.iob", "Bộ B-ORG\nCông I-PER\n\nAn B-LOC\n"), "Invalid tag sequence"),
    ],
)
def test_data_errors(tmp_path, make, title):
    path = make(tmp_path)
    result = invoke(path, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert title in result.output
    assert str(path) in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out" / "model-best").exists()


BAD_CONFIGS = [
    ("garbage", "this is [not a config\n", "Invalid training config"),
    ("no-nlp", "[paths]\ntrain = null\n", "Invalid training config"),
    ("unknown-arch", None, "Invalid training config"),
    ("missing", None, "does not exist"),
]


@pytest.mark.parametrize("name, text, title", BAD_CONFIGS)
def test_config_errors(tmp_path, small, name, text, title):
    cfg = tmp_path / f"{name}.cfg"
    if text is not None:
        cfg.write_text(text, encoding="utf-8")
    elif name == "unknown-arch":
        cfg.write_text(DEFAULT_CONFIG.read_text().replace("spacy.MaxoutWindowEncoder.v2", "spacy.NoSuchEncoder.v9"), encoding="utf-8")
    result = invoke(small / "train.spacy", "-o", tmp_path / "out", "-c", cfg, "--training.max_steps", "2")
    assert result.exit_code != 0
    assert title in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out" / "model-best").exists()


@pytest.mark.parametrize(
    "args, title",
    [
        (["--training.no_such_setting", "3"], "Invalid training config"),
        (["--paths.train", "x.spacy"], "Override not allowed"),
        (["--unknown", "3"], "Unknown option"),
        (["-x"], "Unknown option"),
        (["--dev-fraction", "1.5"], "Invalid dev fraction"),
    ],
)
def test_option_errors(tmp_path, small, args, title):
    result = invoke(small / "train.spacy", "-o", tmp_path / "out", *args)
    assert result.exit_code == 1, result.output
    assert title in result.output
    assert "Traceback" not in result.output


def test_gpu_id_without_a_gpu(tmp_path, small):
    from thinc.util import gpu_is_available

    if gpu_is_available():  # a machine with a usable GPU trains instead
        pytest.skip("a GPU is available here")
    result = invoke(small / "train.spacy", "-o", tmp_path / "out", "--gpu-id", "0")
    assert result.exit_code == 1
    assert "GPU not available" in result.output and "--gpu-id -1" in result.output
    assert not (tmp_path / "out" / "corpus").exists()


def test_train_refuses_empty_corpora(seeds, tmp_path):
    with pytest.raises(VnerError, match="Empty training data"):
        train([], None, tmp_path)
    no_ents = make_nlp()("Bộ Công an")
    with pytest.raises(VnerError, match="No entities"):
        train([no_ents], None, tmp_path)
    # one document and no dev data: nothing to hold out
    with pytest.raises(VnerError, match="Cannot hold out a dev set"):
        train(seeds[:1], None, tmp_path)


@pytest.mark.slow
def test_rules_stage_keeps_only_the_labels_of_the_data(seeds, tmp_path):
    """Data sharing some labels with the rules keeps those; the rest is not output."""
    only = [d.copy() for d in seeds[:3]]
    for doc in only:
        doc.ents = [e for e in doc.ents if e.label_ in ("RANK", "QUANTITY")]
    best = train(only, None, tmp_path / "m", overrides={"training.max_steps": 2, "training.eval_frequency": 1}, quiet=True, written=False)
    nlp = spacy.load(best)
    assert nlp.config["components"]["vner_rules_resolve"]["labels"] == ["QUANTITY", "RANK"]
    assert {e.label_ for e in nlp("Thiếu tướng Phạm Văn Hùng thu 27 vụ ở Xiêng Khoảng").ents} <= {"RANK", "QUANTITY"}


# ---------------------------------------------------------------------------
# The schedule follows the corpus size


@pytest.mark.parametrize(
    "n_docs, n_words, steps, eval_frequency",
    [
        (3, 2_700, 300, 50),  # a leave-one-out fold of the seeds: the tuned 300 steps
        (4, 3_300, 300, 50),  # the seeds: 75 passes over four articles
        (60, 54_000, 1_800, 100),  # sixty articles: 30 passes, about one a batch
        (5_027, 167_541, 6_600, 200),  # PhoNER_COVID19's training set: 30 passes of 1,000-word batches
        (200_000, 5_000_000, 152_000, 1_000),  # eval capped at 1,000 steps
    ],
)
def test_schedule_for_corpus_sizes(n_docs, n_words, steps, eval_frequency):
    s = schedule_for(n_docs, n_words)
    assert s["training.max_steps"] == steps
    assert s["training.eval_frequency"] == eval_frequency
    assert s["training.max_steps"] % eval_frequency == 0  # the last step is evaluated
    assert s["training.patience"] == PATIENCE_EVALS * eval_frequency == 6 * eval_frequency
    assert s["training.max_epochs"] == 0
    if steps > MIN_STEPS:  # large enough: about 30 passes over the data
        doc_words = n_words / n_docs
        assert steps_for_words(29 * n_words, doc_words) <= steps <= steps_for_words(31 * n_words, doc_words) + eval_frequency


@pytest.mark.parametrize(
    "n_docs, n_words, dev_words, eval_frequency",
    [
        (4, 3_300, 825, 50),  # the seeds with one held-out article: as without dev words
        (3, 2_700, 1_700, 50),  # a leave-one-out fold
        (5_027, 167_541, 0, 200),  # PhoNER_COVID19 without its dev set: once a pass
        (5_027, 167_541, 5_000, 200),  # a small dev set: still once a pass
        (5_027, 167_541, 71_325, 400),  # its 2,000 dev sentences: evaluations kept to about a tenth of the time
        (5_027, 167_541, 10_000_000, 1_000),  # capped
    ],
)
def test_eval_frequency_follows_the_dev_size(n_docs, n_words, dev_words, eval_frequency):
    s = schedule_for(n_docs, n_words, dev_words)
    assert s["training.eval_frequency"] == eval_frequency
    assert s["training.max_steps"] % eval_frequency == 0 and s["training.max_steps"] >= schedule_for(n_docs, n_words)["training.max_steps"]
    assert s["training.patience"] == PATIENCE_EVALS * eval_frequency
    if n_docs < 10:
        assert s == schedule_for(n_docs, n_words)


@pytest.mark.parametrize("n_docs, n_words, large", [(4, 3_300, False), (3, 2_700, False), (1, 10, False), (60, 54_000, True), (5_027, 167_541, True)])
def test_large_corpus(n_docs, n_words, large):
    assert large_corpus(n_docs, n_words) is large


def test_cpu_ops_is_scoped():
    import numpy
    from thinc.api import NumpyOps, get_current_ops
    from threadpoolctl import threadpool_info

    def blas_threads():
        return {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}

    before, threads = get_current_ops(), blas_threads()
    with cpu_ops():
        ops = get_current_ops()
        assert isinstance(ops, NumpyOps) and ops.use_blis is False
        assert blas_threads() == {1}
        x = numpy.arange(6, dtype="f").reshape(2, 3)
        assert ops.gemm(x, x, trans2=True).tolist() == (x @ x.T).tolist()
    assert get_current_ops() is before and blas_threads() == threads
    with cpu_ops(False):
        assert get_current_ops() is before


def test_cpu_breakdown_without_steps():
    assert cpu_breakdown({}, 10) == {} and cpu_breakdown({0: 0.0, 1: 1.0}, 10) == {}


def test_schedule_grows_with_the_corpus():
    sizes = [(2, 1_500), (4, 3_300), (20, 18_000), (100, 90_000), (5_027, 167_541), (20_000, 700_000)]
    steps = [schedule_for(d, w)["training.max_steps"] for d, w in sizes]
    assert steps == sorted(steps) and steps[0] == MIN_STEPS and steps[-1] > steps[-2]
    # never fewer steps than one pass over the data
    for d, w in sizes:
        assert schedule_for(d, w)["training.max_steps"] >= steps_for_words(w, w / d)


@pytest.mark.slow
def test_a_run_stopped_before_one_pass_warns(seeds, tmp_path, caplog):
    """Three seed articles are three batches: two steps do not see them all."""
    with caplog.at_level("WARNING", logger="vner"):
        best = train(seeds[:3], seeds[3:4], tmp_path / "short", overrides={"training.max_steps": 1}, quiet=True, written=False)
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any("before one full pass over the 3 training documents" in w and "--training.max_steps" in w for w in warnings), warnings
    info = json.loads((best.parent / TRAINING_INFO).read_text())
    assert info["full_pass"] is False and info["step"] == 1 and info["epoch"] == 0
    assert "⚠ Training stopped at step 1" in (best.parent / TRAINING_LOG).read_text()
    # what was not overridden comes from the schedule, not the config (patience 1600): six evaluations of 50 steps
    saved = spacy.util.load_config(best.parent / "model-last" / "config.cfg")
    assert saved["training"]["max_steps"] == 1
    assert (saved["training"]["eval_frequency"], saved["training"]["patience"]) == (50, 300)


@pytest.mark.slow
def test_an_interrupted_run_says_how_far_it_got(tmp_path):
    """Ctrl-C (SIGINT) during training: model-best stays, training.json records the step and the CPU split."""
    import signal
    import time

    out = tmp_path / "out"
    vner = str(Path(sys.executable).with_name("vner"))
    proc = subprocess.Popen([vner, "train", "-o", str(out), "--training.max_steps", "100000",
                             "--training.eval_frequency", "2", "--training.patience", "100000",
                             "--no-written"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 600
    while not (out / "model-best" / "meta.json").is_file() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.5)
    time.sleep(3)  # a few more steps
    proc.send_signal(signal.SIGINT)
    output = proc.communicate(timeout=120)[0].decode()
    assert proc.returncode != 0, output
    info = json.loads((out / TRAINING_INFO).read_text())
    assert info["interrupted"] is True and info["step"] >= 2 and info["schedule"]["max_steps"] == 100000
    assert info["evaluations_timed"] >= 1 and info["cpu_seconds_updates"] > 0
    assert "ner_adds" not in info  # no dev gate on an interrupted run
    assert (out / "model-best" / "meta.json").is_file() and "ENTS_F" in (out / TRAINING_LOG).read_text()


@pytest.mark.slow
def test_ctrl_c_in_the_dev_gate_still_records_the_run(seeds, tmp_path, monkeypatch):
    """Ctrl-C after the last step, while the dev gate runs the model over the dev documents."""
    import vner.training.train as train_module

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(train_module, "gate_ner_additions", interrupted)
    with pytest.raises(KeyboardInterrupt):
        train(seeds[:3], seeds[3:4], tmp_path / "out", overrides={"training.max_steps": 2, "training.eval_frequency": 1},
              quiet=True, written=False)
    info = json.loads((tmp_path / "out" / TRAINING_INFO).read_text())
    assert info["interrupted"] is True and info["interrupted_in"] == "dev gate" and info["step"] == 2
    assert "Interrupted in the dev gate" in (tmp_path / "out" / TRAINING_LOG).read_text()
    assert (tmp_path / "out" / "model-best" / "meta.json").is_file()


@pytest.mark.slow
def test_a_run_past_one_pass_does_not_warn(seeds, tmp_path, caplog):
    with caplog.at_level("WARNING", logger="vner"):
        best = train(seeds[:3], seeds[3:4], tmp_path / "long", overrides={"training.max_steps": 4, "training.eval_frequency": 2}, quiet=True,
                     written=False)
    assert not [r for r in caplog.records if r.levelname == "WARNING"]
    info = json.loads((best.parent / TRAINING_INFO).read_text())
    assert info["full_pass"] is True and info["step"] == 4 and info["epoch"] >= 1
    assert info["overridden"] == ["max_steps", "eval_frequency"]
    assert info["schedule"]["patience"] == PATIENCE_EVALS * 2  # six evaluations at the frequency given
    assert info["schedule_passes"] == RULES_EPOCHS == 10  # scheme data: the rules stage shares its labels
    assert "⚠" not in (best.parent / TRAINING_LOG).read_text()


def test_only_a_gain_of_min_gain_resets_the_patience():
    """Dev scores as spaCy's loop leaves them in nlp.meta after each evaluation (every 2 steps)."""
    from vner.training.train import Converged, track_progress

    nlp = spacy.blank("vi")
    nlp.config["training"]["score_weights"] = {"ents_f": 1.0, "ents_p": 0.0, "ents_r": None}
    before_update = track_progress(patience=4, min_gain=0.001)
    scores = {0: 0.9, 2: 0.9009, 4: 0.9011, 6: 0.9015, 8: 0.902}  # gains of 0.0009, then 0.0011 over step 0
    stopped = None
    for step in range(1, 10):
        if step - 1 in scores:
            nlp.meta["performance"] = {"ents_f": scores[step - 1], "ents_p": 0.5, "ner_loss": 3.0}
        try:
            before_update(nlp, {"step": step, "epoch": 0})
        except Converged as stop:
            stopped = step - 1, str(stop)
            break
    assert stopped == (8, "Early stop: no dev score 0.001 above 0.9011 (step 4) in 4 steps")


@pytest.mark.slow
def test_a_run_without_the_minimum_gain_stops_after_its_patience(seeds, tmp_path):
    """No dev score can beat step 0's by 1.0: the callback ends the run once its patience has passed,
    long before spaCy's own patience (0: off) or max_steps would, and the run is recorded as finished."""
    out = tmp_path / "out"
    callback = {"@callbacks": "vner.track_progress.v1", "patience": 4, "min_gain": 1.0}
    train(seeds[:3], seeds[3:4], out, overrides={"training.max_steps": 40, "training.eval_frequency": 2, "training.patience": 0,
                                                 "training.before_update": callback}, quiet=True, written=False)
    info = json.loads((out / TRAINING_INFO).read_text())
    assert info["step"] == 4 and "interrupted" not in info and logged_steps(out) == [0, 2, 4]
    assert "Early stop: no dev score 1 above 1.0000 (step 0) in 4 steps" in (out / TRAINING_LOG).read_text()
    assert (out / "model-best" / "meta.json").is_file() and (out / "model-last" / "meta.json").is_file()
    assert "ner_adds" in info  # the dev gate ran after the early stop


@pytest.mark.slow
def test_no_schedule_keeps_the_config(small, tmp_path):
    cfg = tmp_path / "short.cfg"
    text = DEFAULT_CONFIG.read_text()
    for key, value in (("max_steps", 3), ("eval_frequency", 1), ("patience", 77)):
        text = re.sub(rf"^{key} = \d+$", f"{key} = {value}", text, count=1, flags=re.M)
    cfg.write_text(text, encoding="utf-8")
    result = invoke(small / "train.spacy", "--dev", small / "dev.spacy", "-o", tmp_path / "out", "-c", cfg, "--no-schedule", "--no-written")
    assert result.exit_code == 0, result.output
    saved = spacy.util.load_config(tmp_path / "out" / "model-last" / "config.cfg")
    assert (saved["training"]["max_steps"], saved["training"]["eval_frequency"], saved["training"]["patience"]) == (3, 1, 77)
    assert "Schedule for 2 docs" in result.output and "from the corpus size" not in result.output
    assert logged_steps(tmp_path / "out") == [0, 1, 2, 3]


def test_split_keeps_documents_together(seeds):
    nlp = make_nlp()
    parts = []
    for doc in seeds:
        for i, para in enumerate(doc.text.split("\n\n")):
            part = nlp(para)
            part.user_data["id"] = f"{doc.user_data['id']}#{i}"
            part.user_data["group"] = doc.user_data["id"]
            parts.append(part)
    for seed in range(5):
        fit, dev = split_train_dev(parts, dev_fraction=0.2, seed=seed)
        assert len(fit) + len(dev) == len(parts)
        fit_groups = {d.user_data["group"] for d in fit}
        dev_groups = {d.user_data["group"] for d in dev}
        assert len(dev_groups) == 1 and not fit_groups & dev_groups
    assert split_train_dev(parts, seed=1) == split_train_dev(parts, seed=1)


@pytest.mark.slow
def test_the_dev_set_decides_whether_the_ner_may_add_to_the_rules(tmp_path):
    import spacy
    from spacy.training import Example

    from vner.annotation.convert import gold_docs

    docs = gold_docs()
    best = train(docs[:4], docs[4:], tmp_path / "out", overrides={"training.max_steps": 20}, quiet=True, written=False)
    info = json.loads((tmp_path / "out" / TRAINING_INFO).read_text())
    gate = info["ner_adds"]
    assert gate["ner_adds"] is (gate["with"] > gate["without"])
    nlp = spacy.load(best)
    assert nlp.get_pipe("vner_scheme_constraints").ner_adds is gate["ner_adds"]
    assert nlp.config["components"]["vner_scheme_constraints"]["ner_adds"] is gate["ner_adds"]
    scored = nlp.evaluate([Example(nlp.make_doc(d.text), d) for d in docs[4:]])["ents_f"] or 0.0
    assert scored == pytest.approx(max(gate["with"], gate["without"]))
    assert nlp.meta["performance"]["ents_f"] == pytest.approx(scored)
    # 20 steps on four documents (the seeds only): the NER cannot help, so the model skips it and
    # gives exactly the rules' entities, until someone turns the NER back on.
    assert gate["ner_adds"] is False and gate["disabled"] == ["tok2vec", "ner"]
    assert nlp.disabled == ["tok2vec", "ner"] and nlp.meta["disabled"] == ["tok2vec", "ner"]
    assert spacy.load(best.parent / "model-last").disabled == ["tok2vec", "ner"]
    texts = [d.text for d in docs]
    ents = lambda pipeline: [[(e.start, e.end, e.label_) for e in d.ents] for d in pipeline.pipe(texts)]  # noqa: E731
    assert ents(nlp) == ents(rules_pipeline())
    with ner_enabled(nlp):
        assert "ner" in nlp.pipe_names and nlp.get_pipe("vner_scheme_constraints").ner_adds is True
        with_ner = ents(nlp)
    assert with_ner != ents(nlp)
    assert nlp.disabled == ["tok2vec", "ner"] and nlp.get_pipe("vner_scheme_constraints").ner_adds is False
    # Retraining from this model's config (as `vner serve` does) trains the NER again.
    again = spacy.load(train(docs[:4], docs[4:], tmp_path / "again", config=best / "config.cfg",
                             overrides={"training.max_steps": 20}, quiet=True, written=False))
    assert set(again.get_pipe("ner").labels) == set(scheme_labels())
    with ner_enabled(again):
        assert ents(again) == with_ner  # same data, seed and steps: the same weights


def test_written_articles_join_data_under_the_scheme_only(seeds):
    from vner.annotation.markup import written_corpus

    corpus = written_corpus()
    added = written_addition(seeds)
    assert len(added.train) == len(corpus.train) >= 200 and len(added.select) == len(corpus.select) >= 60
    assert added.entities == corpus.entities > 8000
    assert {d.user_data["id"].split("/")[0] for d in added.select} == {p.stem for p in WRITTEN.glob(WRITTEN_SELECT[0])}
    # an article already in the data is not added again (no document on both sides, none twice)
    again = written_addition(list(seeds) + corpus.train[:3] + corpus.select[:2])
    assert len(again.train) == len(corpus.train) - 3 and len(again.select) == len(corpus.select) - 2
    # data with some of the scheme's labels: the articles bring those labels only
    some = [d.copy() for d in seeds]
    for doc in some:
        doc.ents = [e for e in doc.ents if e.label_ in ("RANK", "QUANTITY")]
    partial = written_addition(some)
    assert {e.label_ for d in partial.train + partial.select for e in d.ents} == {"RANK", "QUANTITY"}
    assert len(partial.train) == len(corpus.train) and 0 < partial.entities < corpus.entities
    assert written_addition(seeds).entities == corpus.entities  # the cached corpus is untouched
    # other labels (a corpus annotated under another scheme): nothing added
    other = make_nlp()("Nguyễn Văn A ở Hà Nội")
    other.ents = [other.char_span(0, 12, "NAME")]
    assert written_addition([other]) is None
    assert written_addition([make_nlp()("không có thực thể")]) is None


@pytest.mark.slow
def test_training_on_the_seeds_adds_the_written_articles(seeds, tmp_path):
    best = train(seeds[:4], seeds[4:], tmp_path / "out", overrides={"training.max_steps": 2, "training.eval_frequency": 1}, quiet=True)
    info = json.loads((tmp_path / "out" / TRAINING_INFO).read_text())
    nlp = make_nlp()
    ids = {part: [d.user_data["id"] for d in DocBin().from_disk(tmp_path / "out" / "corpus" / f"{part}.spacy").get_docs(nlp.vocab)]
           for part in ("train", "dev")}
    written = info["written"]
    assert len(ids["train"]) == 4 + written["train_docs"] and len(ids["dev"]) == 1 + written["dev_docs"]
    assert all(i.startswith("articles_dev") for i in ids["train"][4:]) and all(i.startswith("articles_select_") for i in ids["dev"][1:])
    assert info["docs"] == len(ids["train"]) and best.is_dir()
    assert "With the team's written articles" in (tmp_path / "out" / TRAINING_LOG).read_text()
