"""Train a spaCy NER pipeline from Docs with the committed config.

`train` is the one entry point: the CLI calls it, and so do cross-validation
and learning curves in `vner.evaluation`. It writes the Docs as DocBins
next to the model (so a run can be repeated with `spacy train`), passes the
corpus paths to spaCy as config overrides (the config file is never edited),
and leaves `model-best` and `model-last` in the output directory.
"""

from __future__ import annotations

import io
import logging
import math
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Callable, Iterator, Sequence

import spacy
from catalogue import RegistryError
from spacy.tokens import Doc, DocBin

from vner.model import tokenizer as _tokenizer  # noqa: F401  (registers vner.SyllableTokenizer.v1)
from vner.core.errors import VnerError
from vner.core.files import write_bytes_atomic, write_json_atomic, write_text_atomic
from vner.model.nlp import NER_FACTORIES, setup_gpu, statistical_pipes
from vner.model.ruler import is_helper
from vner.core.resources import CONFIGS
from vner.core.scheme import labels as scheme_labels

from . import augment as _augment  # noqa: F401  (registers the vner.mention_swap.v1 augmenter)

logger = logging.getLogger(__name__)

DEFAULT_CONFIG = CONFIGS / "ner.cfg"
TRAINING_LOG = "training.log"
TRAINING_INFO = "training.json"

# The schedule (see `schedule_for`). MIN_STEPS is what the seeds were tuned
# with by leave-one-document-out: about 75 passes over four articles, a
# minute and a half on 2 CPU cores. MAX_EPOCHS bounds larger corpora, which
# usually stop earlier for want of improvement (PATIENCE_EVALS evaluations;
# 8 until session 25: the seeds with the written articles then crept on by
# a few hundredths of a point for 6,500 steps, 12,500 in all, where 6
# evaluations stop at about 9,000 with the same model-best and PhoNER_COVID19
# never waited longer than 4 evaluations for a better dev score; with the
# seeds alone 6 x 50 steps is the whole schedule, so nothing changes there).
MIN_STEPS = 300
MAX_EPOCHS = 30
PATIENCE_EVALS = 6
# ... but RULES_EPOCHS passes when the rules stage shares labels with the
# data: the dev score then starts at the rules' and the NER adds hundredths of
# a point to it, which go on creeping long after the model has stopped
# changing what it adds (the seeds with the written articles, session 29:
# 98.94 at step 0, 98.99 at 2,550, 99.04 at 7,650, about 11 passes, then
# 98.97-99.04 after; 30 passes were 18,700 steps, 35 minutes of the
# CI). Corpora the rules know nothing of (PhoNER_COVID19) keep MAX_EPOCHS.
RULES_EPOCHS = 10
# A better dev score resets the patience only when it beats the best so far
# by MIN_GAIN (a twentieth of a point of F1). With the rules in the pipeline
# the NER moves the dev score by hundredths: on the seeds with the written
# articles (session 29, 281 dev documents, 14,000 entities; one entity is
# 0.007 points) it crept 99.00 -> 99.03 from step 3,750 to 10,500, gains of
# one to three entities that each reset the patience, and the CI's run went
# on to step 15,000.
MIN_GAIN = 0.0005
# An evaluation runs the pipeline over the dev set once, forward only: about
# half the CPU of an update on as many words (PhoNER_COVID19 dev, 71,000 words:
# 6.6 CPU-s against 0.18 CPU-s per 1,000-word update). The evaluation
# frequency keeps evaluations to about EVAL_SHARE of the training time.
EVAL_COST = 0.5
EVAL_SHARE = 0.1
SCHEDULE_KEYS = ("training.max_steps", "training.max_epochs", "training.eval_frequency", "training.patience")


def train(
    train_docs: Sequence[Doc],
    dev_docs: Sequence[Doc] | None,
    output: Path,
    *,
    config: Path = DEFAULT_CONFIG,
    overrides: dict[str, Any] | None = None,
    use_gpu: int = -1,
    seed: int | None = None,
    quiet: bool = False,
    dev_fraction: float = 0.2,
    schedule: bool = True,
    written: bool = True,
) -> Path:
    """Train on `train_docs`, select the best model on `dev_docs`; return model-best.

    With `written`, data annotated under the scheme gets the team's written
    articles (`written_addition`): their training part joins `train_docs`,
    their selection part `dev_docs`.

    Without dev docs, a `dev_fraction` of the training documents (whole
    documents, never parts of one) is held out. `seed` overrides the config's
    `system.seed` and also fixes that split. With `schedule`, the number of
    steps, evaluation frequency and patience follow the corpus size
    (`schedule_for`); `overrides` of those keys win. The schedule and the
    training table are written to `output/training.log` and, unless `quiet`,
    to the terminal; steps and epochs done, and the CPU seconds spent in
    updates and in evaluations, to `output/training.json` (also when the run
    is interrupted with Ctrl-C, which then propagates). A run that stopped
    before one full pass over the data logs a warning.
    """
    from spacy import util
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_nlp

    output = Path(output)
    config = Path(config)
    train_docs = list(train_docs)
    dev_docs = list(dev_docs or [])
    check_corpus(train_docs, "training data")
    overrides = dict(overrides or {})
    for key in ("paths.train", "paths.dev"):
        if key in overrides:
            raise VnerError("Override not allowed", f"--{key}", "vner train writes the corpus itself: pass the data (and --dev) instead.")
    corpus = output / "corpus"
    overrides["paths.train"] = str(corpus / "train.spacy")
    overrides["paths.dev"] = str(corpus / "dev.spacy")
    if seed is not None:
        overrides["system.seed"] = seed
    cfg = load_training_config(config, overrides)
    overrides.update(_rules_overrides(cfg, train_docs, overrides))
    cfg = load_training_config(config, overrides)
    if _uses_static_vectors(cfg["components"]) and not cfg.interpolate()["initialize"].get("vectors"):
        raise VnerError(
            "No vectors for a config that uses them",
            f"{config}: include_static_vectors = true, but [initialize] vectors is empty (an empty table would train silently)",
            "Build them with `python scripts/train_vectors.py TRAIN_FILE -o VECTORS` and pass --paths.vectors VECTORS.",
        )
    if not dev_docs:
        train_docs, dev_docs = split_train_dev(train_docs, dev_fraction=dev_fraction, seed=0 if seed is None else seed)
        check_corpus(train_docs, "training data (after holding out dev documents)")
    added = written_addition(train_docs + dev_docs) if written else None
    if added is not None:
        train_docs, dev_docs = train_docs + added.train, dev_docs + added.select
    n_words = sum(1 for doc in train_docs for token in doc if not token.is_space)
    dev_words = sum(1 for doc in dev_docs for token in doc if not token.is_space)
    passes = RULES_EPOCHS if rule_labels(cfg) & {e.label_ for doc in train_docs for e in doc.ents} else MAX_EPOCHS
    chosen = schedule_for(len(train_docs), n_words, dev_words, passes) if schedule else {}
    user_keys = [key for key in SCHEDULE_KEYS if key in overrides]
    overrides.update({key: value for key, value in chosen.items() if key not in overrides})
    if chosen and "training.patience" not in user_keys:  # patience counts evaluations, at the frequency in use
        overrides["training.patience"] = PATIENCE_EVALS * int(overrides["training.eval_frequency"])
    tracking = "training.before_update" not in overrides and cfg["training"].get("before_update") is None
    if tracking:
        overrides["training.before_update"] = {
            "@callbacks": "vner.track_progress.v1",
            "patience": int(overrides.get("training.patience", cfg["training"]["patience"]) or 0),
            "min_gain": MIN_GAIN,
        }
    cfg = load_training_config(config, overrides)
    setup_gpu(use_gpu, "Train")
    write_docbin(corpus / "train.spacy", train_docs)
    write_docbin(corpus / "dev.spacy", dev_docs)

    log = io.StringIO()
    stdout: IO[str] = log if quiet else _Tee(sys.stdout, log)
    stderr: IO[str] = io.StringIO() if quiet else sys.stderr
    logger.info("Training on %d documents, selecting on %d", len(train_docs), len(dev_docs))
    T = cfg["training"]
    plan = describe_schedule(len(train_docs), n_words, T["max_steps"], T["max_epochs"], T["eval_frequency"], T["patience"],
                             MIN_GAIN if tracking else 0.0)
    if chosen and len(user_keys) == len(SCHEDULE_KEYS):
        plan += " (all from the command line)"
    elif chosen:
        plan += (f" (from the corpus size{', ' + str(passes) + ' passes beside the rules' if passes == RULES_EPOCHS else ''}"
                 f"{'; ' + ', '.join('--' + k for k in user_keys) + ' from the command line' if user_keys else ''})")
    fast = use_gpu < 0 and large_corpus(len(train_docs), n_words)
    if fast:
        plan += f"; matrix products by numpy's BLAS on {BLAS_THREADS} thread"
    if added is not None:
        stdout.write(f"ℹ With the team's written articles (training/written/): {len(added.train)} added to training, "
                     f"{len(added.select)} to dev ({added.entities:,} entities; --no-written leaves them out)\n")
    stdout.write(f"ℹ {plan}\n")
    _PROGRESS.clear()
    _CPU_AT_STEP.clear()
    try:
        with cpu_ops(fast):
            try:
                nlp = init_nlp(cfg, use_gpu=use_gpu)
            except (util.ConfigValidationError, RegistryError) as e:
                raise VnerError("Invalid training config", f"{config}: {e}", "Fix the config or the --section.key overrides.") from None
            try:
                train_nlp(nlp, output, use_gpu=use_gpu, stdout=stdout, stderr=stderr)
            except Converged as stop:
                interrupted = False
                stdout.write(f"ℹ {stop}\n")
            except KeyboardInterrupt:  # Ctrl-C: model-best is the best checkpoint so far; say how far it got, then stop
                interrupted = True
            else:
                interrupted = False
        done = dict(_PROGRESS)
        info = {
            "docs": len(train_docs),
            "words": n_words,
            "dev_docs": len(dev_docs),
            "written": None if added is None else {"train_docs": len(added.train), "dev_docs": len(added.select), "entities": added.entities},
            "schedule": {key.split(".", 1)[1]: T[key.split(".", 1)[1]] for key in SCHEDULE_KEYS},
            "schedule_from": "corpus size" if chosen else "config",
            "schedule_passes": passes if chosen else None,
            "overridden": [key.split(".", 1)[1] for key in user_keys],
            "matrix_library": f"numpy BLAS, {BLAS_THREADS} thread" if fast else "thinc default (blis)",
            **done,
            **cpu_breakdown(dict(_CPU_AT_STEP), T["eval_frequency"]),
        }
        if done:
            info["full_pass"] = full_pass = _full_pass(done, T["max_steps"], T["max_epochs"])
            stdout.write(f"ℹ Stopped at step {done['step']} in epoch {done['epoch']} (spaCy counts both from 0)\n")
            if not full_pass:
                warning = (
                    f"Training stopped at step {done['step']}, before one full pass over the "
                    f"{len(train_docs):,} training documents ({n_words:,} words): the model has not seen all of its data. "
                    + ("Raise --training.max_steps, or leave it out so the schedule follows the corpus size."
                       if "training.max_steps" in user_keys or not chosen else "Raise --training.max_steps or --training.patience.")
                )
                stdout.write(f"⚠ {warning}\n")
                logger.warning(warning)
        gate = None
        if not interrupted:
            try:
                with cpu_ops(fast):
                    gate = gate_ner_additions(output, dev_docs)
            except KeyboardInterrupt:  # after training: model-best is whole, but nobody chose its NER's additions
                interrupted = True
                info["interrupted_in"] = "dev gate"
                stdout.write("⚠ Interrupted in the dev gate: model-best keeps the NER's additions of every label, "
                             "unchosen. Run vner train again to let the dev documents choose them.\n")
        if interrupted:
            info["interrupted"] = True
            write_json_atomic(output / TRAINING_INFO, info)
            raise KeyboardInterrupt
        if gate is not None:
            info["ner_adds"] = gate
            stdout.write(
                f"ℹ Dev F1 rules' entities only {gate['without']:.3f}: "
                + (f"the NER adds {', '.join(gate['ner_adds'])} to the rules ({gate['with']:.3f}); its other labels would lower it or are not right beyond chance\n"
                   if gate["ner_adds"] else "model-best keeps the rules' entities only (no label's NER additions are right more often than wrong beyond "
                   "chance and raise it) and skips "
                   f"{' and '.join(gate['disabled']) or 'nothing'} (nlp.enable_pipe brings them back)\n")
            )
        write_json_atomic(output / TRAINING_INFO, info)
    finally:
        write_text_atomic(output / TRAINING_LOG, log.getvalue())
    return output / "model-best"


def written_addition(docs: Sequence[Doc]):
    """The team's written articles (`vner.annotation.markup.written_corpus`) to add to
    ``docs``, or None when ``docs`` are not annotated under the scheme (other
    labels: the articles would teach labels the data does not use).

    Articles whose text is already in ``docs`` are left out (no document on
    both sides of a split, none twice). Data with some of the scheme's labels
    gets the articles with those labels only: the NER learns, and the dev
    gate scores, what the data asks for.
    """
    from vner.annotation.markup import WrittenCorpus, written_corpus

    labels = {ent.label_ for doc in docs for ent in doc.ents}
    if not labels or not labels <= set(scheme_labels()):
        return None
    corpus = written_corpus()
    texts = {doc.text for doc in docs}

    def kept(articles):
        articles = [doc for doc in articles if doc.text not in texts]
        for doc in articles:  # copies (written_corpus)
            doc.ents = [ent for ent in doc.ents if ent.label_ in labels]
        return articles

    return WrittenCorpus(kept(corpus.train), kept(corpus.select))


GATE = "vner_scheme_constraints"


def gate_ner_additions(output: Path, dev_docs: Sequence[Doc]) -> dict | None:
    """Let model-best's NER add entities to the rules' only for the labels where that raises the dev score.

    On a handful of documents the statistical NER adds more wrong spans than
    right ones (leave-one-document-out on the seeds); on a real corpus it
    adds what no list holds, and it may do so for one label (numbers with a
    unit no list has) and not another (capitalised phrases taken for
    organisations). The dev documents decide, per label
    (`vner.model.features.best_additions`, strict micro-F1); a tie keeps the
    rules only, and so does a label whose additions are not right more often
    than wrong beyond chance (one-sided sign test, p < 0.05: below F1 = 1,
    as many wrong additions as right ones still raise micro-F1). Returns None for a pipeline without the
    `vner_scheme_constraints` step or with its rules stage disabled (then the
    NER's entities are all there is).
    """
    from spacy import util
    from spacy.scorer import get_ner_prf
    from spacy.training import Example

    from vner.model.features import CANDIDATES_KEY, best_additions

    best = output / "model-best"
    config = util.load_config(best / "config.cfg", interpolate=False)
    names = [n for n, c in config["components"].items() if c.get("factory") == GATE]
    if not names or not dev_docs:
        return None
    rulers = [n for n, c in config["components"].items() if c.get("factory") == "vner_span_ruler"]
    if rulers and set(rulers) <= set(config["nlp"].get("disabled", [])):
        return None  # no rules stage (no labels in common with the data): no rules' entities to keep or add to
    nlp = spacy.load(best)
    for name in names:
        nlp.get_pipe(name).ner_adds = True
    predicted = [Example(pred, doc) for pred, doc in zip(nlp.pipe(doc.text for doc in dev_docs), dev_docs)]
    labels, chosen = best_additions(predicted)
    ner_adds: bool | list[str] = labels or False
    for name in names:
        nlp.get_pipe(name).ner_adds = ner_adds
    # The model as it now is gives these predictions without the additions of the labels left out: score
    # those (one pass over the dev set, not a second one).
    for eg in predicted:
        left_out = {(s.start, s.end, s.label) for s in eg.predicted.spans.get(CANDIDATES_KEY, []) if s.label_ not in labels}
        eg.predicted.ents = [e for e in eg.predicted.ents if (e.start, e.end, e.label) not in left_out]
    full = get_ner_prf(predicted)
    # Without additions the NER's output is dropped: skip computing it (nlp.enable_pipe brings it back).
    statistical = statistical_pipes(nlp)
    idle = [] if ner_adds else statistical
    for model in (best, output / "model-last"):
        cfg = util.load_config(model / "config.cfg", interpolate=False)
        for name in names:
            cfg["components"][name]["ner_adds"] = ner_adds
        disabled = [n for n in cfg["nlp"].get("disabled", []) if n not in statistical] + idle
        cfg["nlp"]["disabled"] = disabled
        write_text_atomic(model / "config.cfg", cfg.to_str())
        meta = util.load_meta(model / "meta.json")
        meta["disabled"] = disabled
        write_json_atomic(model / "meta.json", meta)
    meta = util.load_meta(best / "meta.json")  # its dev scores are those of the model as it now is
    meta.setdefault("performance", {}).update({k: v for k, v in full.items() if k.startswith("ents_")})
    write_json_atomic(best / "meta.json", meta)
    return {"ner_adds": ner_adds, "with": full.get("ents_f") or 0.0, "without": chosen["ents_rules_f"], "disabled": idle}


def schedule_for(n_docs: int, n_words: int, dev_words: int = 0, epochs: int = MAX_EPOCHS) -> dict[str, int]:
    """Config overrides that train a corpus of this size to convergence.

    At least MIN_STEPS updates (what the seeds were tuned with), otherwise
    `epochs` passes over the data (MAX_EPOCHS; RULES_EPOCHS beside the rules), estimated with the batcher of
    configs/ner.cfg (batches grow from 100 to 1,000 words; a document longer
    than the batch is a batch of its own). Evaluation about once a pass
    (50 to 1,000 steps), and rarer when the dev set (`dev_words`) is so
    large that evaluating would take more than EVAL_SHARE of the time; stop
    after PATIENCE_EVALS evaluations without a better dev score. A fixed step count cannot fit both four articles and
    5,000 sentences: 300 steps are 75 passes over the seeds but a fifth of
    a pass over PhoNER_COVID19's training set.

    >>> schedule_for(4, 3_300)
    {'training.max_steps': 300, 'training.max_epochs': 0, 'training.eval_frequency': 50, 'training.patience': 300}
    >>> schedule_for(5_027, 167_541)
    {'training.max_steps': 6600, 'training.max_epochs': 0, 'training.eval_frequency': 200, 'training.patience': 1200}
    >>> schedule_for(5_027, 167_541, dev_words=71_325)  # PhoNER_COVID19 with its 2,000 dev sentences
    {'training.max_steps': 6800, 'training.max_epochs': 0, 'training.eval_frequency': 400, 'training.patience': 2400}
    >>> schedule_for(1_171, 567_522, dev_words=170_000, epochs=RULES_EPOCHS)  # the seeds with the written articles
    {'training.max_steps': 6800, 'training.max_epochs': 0, 'training.eval_frequency': 850, 'training.patience': 5100}
    """
    n_docs, n_words = max(1, n_docs), max(1, n_words)
    doc_words = n_words / n_docs
    full_batch = max(BATCH_STOP, doc_words)
    # Words between evaluations: a pass, or more when one evaluation (EVAL_COST of an update per word) would exceed EVAL_SHARE.
    per_pass = max(n_words, EVAL_COST * max(0, dev_words) / EVAL_SHARE)
    eval_frequency = min(1000, max(50, 50 * math.ceil(per_pass / full_batch / 50)))
    steps = max(MIN_STEPS, steps_for_words(epochs * n_words, doc_words))
    return {
        "training.max_steps": eval_frequency * math.ceil(steps / eval_frequency),
        "training.max_epochs": 0,
        "training.eval_frequency": eval_frequency,
        "training.patience": PATIENCE_EVALS * eval_frequency,
    }


# configs/ner.cfg [training.batcher.size]: compounding.v1 from 100 to 1,000 words
BATCH_START, BATCH_STOP, BATCH_COMPOUND = 100, 1000, 1.001


def steps_for_words(words: float, doc_words: float) -> int:
    """Updates the batcher needs to feed `words` words of documents `doc_words` long.

    >>> steps_for_words(3_300, 825)  # four seed-sized articles: one per batch
    4
    """
    steps, seen, size = 0, 0.0, float(BATCH_START)
    while seen < words and size < BATCH_STOP:
        seen += max(size, doc_words)
        size *= BATCH_COMPOUND
        steps += 1
    if seen < words:
        steps += math.ceil((words - seen) / max(BATCH_STOP, doc_words))
    return steps


def large_corpus(n_docs: int, n_words: int) -> bool:
    """Whether MAX_EPOCHS passes over the corpus take more than MIN_STEPS updates.

    Such a corpus trains with numpy's BLAS for matrix products (`cpu_ops`);
    smaller ones, the seeds and their leave-one-out folds, keep thinc's
    default, with which their results were measured.

    >>> large_corpus(4, 3_300), large_corpus(5_027, 167_541)
    (False, True)
    """
    n_docs, n_words = max(1, n_docs), max(1, n_words)
    return steps_for_words(MAX_EPOCHS * n_words, n_words / n_docs) > MIN_STEPS


BLAS_THREADS = 1


@contextmanager
def cpu_ops(fast: bool = True) -> Iterator[None]:
    """Within the block, new models multiply matrices with numpy's BLAS on one thread.

    thinc's CPU backend multiplies with blis by default; on the project's
    2-core machine (AMD EPYC, AVX2) blis reached 19 GFLOP/s on the tok2vec's
    matrices and numpy's OpenBLAS 70 on one thread: an update of 1,000 words
    took 0.34 CPU-s with blis, 0.18 with OpenBLAS. A second BLAS thread
    gave the same wall time for twice the CPU (the matrices are small), so
    one thread, which also leaves the other core to other work. The block
    scopes both the backend (thinc's use_ops) and the thread limit; with
    `fast` false it changes nothing.
    """
    if not fast:
        yield
        return
    from thinc.api import use_ops
    from threadpoolctl import threadpool_limits

    with use_ops("numpy", use_blis=False), threadpool_limits(BLAS_THREADS, user_api="blas"):
        yield


def cpu_breakdown(cpu_at_step: dict[int, float], eval_frequency: int) -> dict[str, Any]:
    """Process CPU seconds of the updates and of the dev evaluations, from `track_progress`.

    `cpu_at_step[k]` is the process CPU time just before update k. The
    interval k -> k+1 is update k, plus an evaluation when k is a multiple of
    `eval_frequency`; an evaluation's cost is its interval minus the median
    of the updates around it.

    >>> cpu_breakdown({0: 0.0, 1: 5.0, 2: 6.0, 3: 7.0, 4: 11.0, 5: 12.0}, 3)
    {'cpu_seconds_loop': 12.0, 'cpu_seconds_updates': 5.0, 'cpu_seconds_evaluations': 7.0, 'evaluations_timed': 2, 'cpu_seconds_per_evaluation': 3.5, 'cpu_seconds_per_update_last_100': 1.0}
    """
    steps = sorted(cpu_at_step)
    if len(steps) < 3 or not eval_frequency:
        return {}
    spans = {a: cpu_at_step[b] - cpu_at_step[a] for a, b in zip(steps, steps[1:]) if b == a + 1}
    updates = {k: v for k, v in spans.items() if k % eval_frequency}
    evals = []
    for k, v in spans.items():
        if k % eval_frequency == 0:
            near = sorted(updates[j] for j in range(k - 5, k + 6) if j in updates)
            evals.append(v - (near[len(near) // 2] if near else 0.0))
    last = [updates[k] for k in sorted(updates)[-100:]]
    total = cpu_at_step[steps[-1]] - cpu_at_step[steps[0]]
    return {
        "cpu_seconds_loop": round(total, 1),
        "cpu_seconds_updates": round(total - sum(evals), 1),
        "cpu_seconds_evaluations": round(sum(evals), 1),
        "evaluations_timed": len(evals),
        "cpu_seconds_per_evaluation": round(sum(evals) / len(evals), 2) if evals else None,
        "cpu_seconds_per_update_last_100": round(sum(last) / len(last), 3) if last else None,
    }


def describe_schedule(n_docs: int, n_words: int, max_steps: int, max_epochs: int, eval_frequency: int, patience: int, min_gain: float = 0.0) -> str:
    """One line saying how long training will run and why it stops.

    >>> describe_schedule(5027, 167541, 6600, 0, 200, 1600)
    'Schedule for 5,027 docs / 167,541 words: at most 6,600 steps (about 31 epochs), eval every 200 steps, stop after 1,600 steps without improvement'
    >>> describe_schedule(5027, 167541, 6600, 0, 200, 1600, min_gain=0.0005).split(', ')[-1]
    'stop after 1,600 steps without a dev gain of 0.05 points'
    """
    limits = []
    if max_steps:
        epochs = _epochs_in(max_steps, n_words, n_words / max(1, n_docs))
        limits.append(f"{max_steps:,} steps (about {epochs:,.0f} epochs)" if epochs >= 1.5 else f"{max_steps:,} steps (about {epochs:.2f} epochs)")
    if max_epochs:
        limits.append(f"{max_epochs:,} epochs")
    stop = f"at most {' or '.join(limits)}" if limits else "no step or epoch limit"
    improvement = f"a dev gain of {100 * min_gain:g} points" if min_gain else "improvement"
    patience_text = f"stop after {patience:,} steps without {improvement}" if patience else "no early stop"
    return f"Schedule for {n_docs:,} docs / {n_words:,} words: {stop}, eval every {eval_frequency:,} steps, {patience_text}"


def _epochs_in(steps: int, n_words: int, doc_words: float) -> float:
    """Passes over `n_words` that `steps` updates make (inverse of steps_for_words)."""
    seen, size = 0.0, float(BATCH_START)
    for _ in range(min(steps, 10_000_000)):
        seen += max(min(size, BATCH_STOP), doc_words)
        size *= BATCH_COMPOUND
        if size >= BATCH_STOP:
            size = BATCH_STOP
    return seen / max(1, n_words)


def _full_pass(done: dict, max_steps: int, max_epochs: int) -> bool:
    """Whether training saw every training example at least once."""
    if done["epoch"] >= 1:
        return True
    # Still in the first epoch: complete only if the data ran out (max_epochs = 1).
    return max_epochs == 1 and not (max_steps and done["step"] >= max_steps)


_PROGRESS: dict[str, int] = {}
_CPU_AT_STEP: dict[int, float] = {}


class Converged(BaseException):
    """Raised by `track_progress` to end spaCy's loop early.

    A BaseException, as Ctrl-C's KeyboardInterrupt is: spaCy's `train` then
    still saves model-last and closes its logger, and does not print its
    "Aborting" warning, which is for errors.
    """


@spacy.registry.callbacks("vner.track_progress.v1")
def track_progress(patience: int = 0, min_gain: float = 0.0) -> Callable[[Any, dict], None]:
    """A `[training] before_update` that records the step and epoch reached,
    and stops training after `patience` steps without a dev score `min_gain`
    above the best so far.

    spaCy's own patience counts any better score, however small; a gain of
    one entity in ten thousand is noise that keeps a long run going. The
    dev scores come from ``nlp.meta["performance"]``, which spaCy's loop
    replaces after each evaluation; model-best is still the best-scoring
    checkpoint. `train` reads the progress after the loop, to say how far
    training got and where the CPU time went (`cpu_breakdown`).
    """
    state: dict[str, Any] = {"performance": None, "best": None, "best_step": 0}

    def before_update(nlp, args: dict) -> None:
        step = args["step"]
        performance = nlp.meta.get("performance")
        if patience and performance and performance is not state["performance"]:  # an evaluation at step - 1
            state["performance"] = performance
            weights = nlp.config["training"]["score_weights"]
            score = sum(performance.get(key, 0.0) * weight for key, weight in weights.items() if weight)
            if state["best"] is None or score >= state["best"] + min_gain:
                state["best"], state["best_step"] = score, step - 1
            elif step - 1 - state["best_step"] >= patience:
                raise Converged(
                    f"Early stop: no dev score {min_gain:g} above {state['best']:.4f} (step {state['best_step']:,}) "
                    f"in {patience:,} steps"
                )
        _PROGRESS.update(step=step, epoch=args["epoch"])
        _CPU_AT_STEP[step] = time.process_time()

    return before_update


def load_training_config(config: Path, overrides: dict[str, Any] | None = None):
    """Load and check a training config with overrides, raising VnerError when it is unusable."""
    from spacy import util

    config = Path(config)
    if not config.is_file():
        raise VnerError("Config not found", str(config), "Pass an existing .cfg file with --config, e.g. configs/ner.cfg.")
    try:
        cfg = util.load_config(config, overrides=overrides or {}, interpolate=False)
        # Interpolating resolves ${...} references: a typo there fails here, not mid-training.
        cfg.interpolate()
    except util.ConfigValidationError as e:
        raise VnerError("Invalid training config", f"{config}: {e}", "Fix the config or the --section.key overrides.") from None
    except Exception as e:  # confection raises plain parser errors for malformed files
        raise VnerError("Invalid training config", f"{config}: {type(e).__name__}: {e}", "Check the file is a spaCy config (see `spacy init config`).") from None
    for section in ("nlp", "components", "training", "corpora"):
        if section not in cfg:
            raise VnerError("Invalid training config", f"{config}: no [{section}] section", "Start from configs/ner.cfg.")
    for key in overrides or {}:
        if not _has_key(util.load_config(config, interpolate=False), key):
            raise VnerError(
                "Invalid training config",
                f"--{key}: no such setting in {config}",
                "Check the spelling against the config (e.g. --training.max_steps 200).",
            )
    if "nlp.disabled" not in (overrides or {}):
        # A trained model's config (retraining, --config model-best/config.cfg) may list
        # the NER its dev gate switched off; a disabled component would not train.
        trained = {n for n, c in cfg["components"].items() if c.get("factory") in (*NER_FACTORIES, "tok2vec")}
        cfg["nlp"]["disabled"] = [n for n in cfg["nlp"].get("disabled", []) if n not in trained]
    return cfg


def _uses_static_vectors(node) -> bool:
    if isinstance(node, dict):
        return node.get("include_static_vectors") is True or any(_uses_static_vectors(v) for v in node.values())
    return False


def _has_key(cfg, dotted: str) -> bool:
    node = cfg
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def rule_labels(cfg) -> set[str]:
    """The entity labels the config's rules stage can give (none without one)."""
    from vner.model.patterns import RULES_PATTERNS, rules_patterns

    inits = cfg.interpolate().get("initialize", {}).get("components", {}) or {}
    return {
        p["label"] for init in inits.values()
        if isinstance(init, dict) and isinstance(init.get("patterns"), dict) and init["patterns"].get("@misc") == RULES_PATTERNS
        for p in rules_patterns(init["patterns"].get("path"), init["patterns"].get("second_pass", False)) if not is_helper(p["label"])
    }


def _rules_overrides(cfg, train_docs: Sequence[Doc], overrides: dict[str, Any]) -> dict[str, Any]:
    """Keep the rules stage to the labels of the training data.

    Data with other labels (PER/LOC) must not get PROVINCE spans from our
    gazetteer: the resolver keeps only labels the data has, and with none
    in common the whole rules stage is disabled.
    """
    from vner.model.patterns import RULES_PATTERNS

    cfg = cfg.interpolate()  # the pattern path may be ${paths.patterns}
    components = cfg.get("components", {})
    inits = cfg.get("initialize", {}).get("components", {}) or {}
    rulers = {
        name: init["patterns"] for name, init in inits.items()
        if isinstance(init, dict) and isinstance(init.get("patterns"), dict) and init["patterns"].get("@misc") == RULES_PATTERNS
    }
    resolvers = [name for name, comp in components.items() if comp.get("factory") == "vner_rules_resolve"]
    if not rulers:
        return {}
    labels = rule_labels(cfg)
    keep = sorted(labels & {e.label_ for doc in train_docs for e in doc.ents})
    if keep == sorted(labels):
        return {}
    extra: dict[str, Any] = {}
    if keep:
        for name in resolvers:
            if f"components.{name}.labels" not in overrides:
                extra[f"components.{name}.labels"] = keep
        return extra
    stage = [*rulers, *resolvers, *(n for n, c in components.items() if c.get("factory") in ("vner_tone_norm", "vner_token_classes"))]
    disabled = list(cfg["nlp"].get("disabled", []))
    if "nlp.disabled" not in overrides:
        logger.info("The training data has none of the rule labels: rules stage (%s) disabled", ", ".join(stage))
        extra["nlp.disabled"] = disabled + [n for n in stage if n not in disabled]
    return extra


def check_corpus(docs: Sequence[Doc], what: str) -> None:
    """Refuse a corpus that cannot train anything: no documents, or no entities."""
    if not docs:
        raise VnerError(f"Empty {what}", "no documents", "Pass annotated documents (Label Studio export, .spacy, CoNLL or JSONL).")
    if not any(doc.ents for doc in docs):
        raise VnerError(f"No entities in {what}", f"{len(docs)} documents, 0 entity spans", "Annotate some documents first, or check the tags column of the input.")


def split_train_dev(docs: Sequence[Doc], *, dev_fraction: float = 0.2, seed: int = 0) -> tuple[list[Doc], list[Doc]]:
    """Hold out whole documents for dev, grouped by `doc.user_data["id"]`.

    Parts of one document (sentences of a CoNLL file share its id) never end
    up on both sides, so the dev score is not inflated by near-copies.

    >>> from vner.model.nlp import make_nlp
    >>> nlp = make_nlp()
    >>> docs = [nlp(f"văn bản {i}") for i in range(10)]
    >>> for i, d in enumerate(docs): d.user_data["id"] = str(i)
    >>> train_docs, dev_docs = split_train_dev(docs, dev_fraction=0.2)
    >>> len(train_docs), len(dev_docs)
    (8, 2)
    """
    if not 0 < dev_fraction < 1:
        raise VnerError("Invalid dev fraction", str(dev_fraction), "Use a number between 0 and 1, e.g. 0.2.")
    from vner.annotation.convert import split_groups

    docs = list(docs)
    groups = [str(doc.user_data.get("group", doc.user_data.get("id", i))) for i, doc in enumerate(docs)]
    if len(set(groups)) < 2:
        raise VnerError(
            "Cannot hold out a dev set",
            f"the training data is a single document ({groups[0] if groups else 'none'})",
            "Pass a dev set with --dev, or more documents.",
        )
    dev = split_groups(groups, dev_fraction, seed)
    return [d for d, g in zip(docs, groups) if g not in dev], [d for d, g in zip(docs, groups) if g in dev]


def write_docbin(path: Path, docs: Sequence[Doc]) -> None:
    """Save Docs (with their ids and meta) as a DocBin, atomically.

    Docs without sentence boundaries get one sentence per paragraph, so a
    config can train on paragraphs (`[corpora.train] max_length`) instead of
    on whole articles: many more, smaller updates from a small corpus.
    """
    write_bytes_atomic(path, DocBin(docs=[with_paragraphs(doc) for doc in docs], store_user_data=True).to_bytes())


def with_paragraphs(doc: Doc) -> Doc:
    """A copy of `doc` whose sentences are its paragraphs (split after newlines).

    >>> from vner.model.nlp import make_nlp
    >>> doc = with_paragraphs(make_nlp()("Hội nghị.\\n\\nĐại tá Lê Văn Thái"))
    >>> [s.text for s in doc.sents]
    ['Hội nghị.\\n\\n', 'Đại tá Lê Văn Thái']
    """
    if doc.has_annotation("SENT_START") or not len(doc):
        return doc
    doc = doc.copy()
    for i, token in enumerate(doc):
        token.is_sent_start = i == 0 or (doc[i - 1].is_space and "\n" in doc[i - 1].text and not token.is_space)
    return doc


class _Tee(io.TextIOBase):
    """Write to several streams at once (the terminal and the training log)."""

    def __init__(self, *streams: IO[str]):
        self.streams = streams

    def write(self, s: str) -> int:
        for stream in self.streams:
            stream.write(s)
        return len(s)

    def flush(self) -> None:
        for stream in self.streams:
            stream.flush()
