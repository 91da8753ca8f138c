"""Inference: speed and seed-gold F1 of the vner model and of what users try instead.

Speed (syllables/s: whitespace-separated syllables of the input, the unit
every contender sees the same way) on the same generated documents, the
contenders timed in alternation within one process:

  vner model      nlp.pipe, trained on the five seeds with configs/ner.cfg: as trained (its dev gate
                  keeps the rules' entities and skips the NER), and with its NER running (1 process,
                  and n_process=2), what a model whose NER adds to the rules costs
  underthesea     underthesea.ner (CRF model shipped in the wheel: works offline)
  pyvi            ViPosTagger.postagging(ViTokenizer.tokenize(...)), a speed peer (segmentation + POS, no NER)
  spaCy vi+pyvi   blank `vi` with pyvi word segmentation (tokenizer only)
  vner syllable   the syllable tokenizer alone (what the model pays before its network)

underthesea and pyvi are given one paragraph at a time (they are sentence
tools); spaCy pipelines get whole documents. Same total text.

F1 on the seed gold (strict seqeval, on syllable tokens): the vner model by
leave-one-document-out cross-validation (`vner.evaluation.crossval`), so no
document is scored by a model that trained on it; underthesea's PER/ORG/LOC
mapped to PERSON/ORG/PROVINCE and compared on those three labels (LOC also
covers countries and districts, which the scheme leaves out: that costs it
precision, and is exactly what a domain-trained model buys).

  .venv/bin/python bench/bench_inference.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ROOT, bio_char_spans, interleaved, rate, setup_logging, write_result  # noqa: E402
from bench.make_data import ensure_data  # noqa: E402

logger = logging.getLogger("bench.inference")

PEER_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "PROVINCE"}
SHARED_LABELS = ("PERSON", "ORG", "PROVINCE")


def syllables(texts: list[str]) -> int:
    """Whitespace-separated syllables (punctuation stays attached).

    >>> syllables(["Công an tỉnh Nghệ An.", "27 vụ"])
    7
    """
    return sum(len(t.split()) for t in texts)


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


# --- underthesea ----------------------------------------------------------------


def underthesea_available() -> str | None:
    """None when underthesea.ner runs offline here, else why not."""
    try:
        from underthesea import ner
    except ImportError:
        return "underthesea is not installed (pip install underthesea)"
    try:
        ner("Công an tỉnh Nghệ An")
    except Exception as e:  # a model download attempt fails offline
        return f"underthesea.ner failed offline: {type(e).__name__}: {e}"
    return None


def underthesea_spans(text: str) -> list[tuple[int, int, str]]:
    """underthesea.ner on each paragraph, as char spans with our labels."""
    from underthesea import ner

    spans, base = [], 0
    for part in text.split("\n\n"):
        if part.strip():
            rows = ner(part)
            words = [row[0] for row in rows]
            tags = [row[3] for row in rows]
            spans += [(s + base, e + base, label) for s, e, label in _bio_spans(part, words, tags)]
        base += len(part) + 2
    return spans


def _bio_spans(text: str, words: list[str], tags: list[str]) -> list[tuple[int, int, str]]:
    """Char spans of BIO-tagged words located in `text`, mapped to our labels.

    >>> _bio_spans("Ông Phạm Thế Tùng ở Lào", ["Ông", "Phạm Thế Tùng", "ở", "Lào"], ["O", "B-PER", "O", "B-LOC"])
    [(4, 17, 'PERSON'), (20, 23, 'PROVINCE')]
    """
    positions, ours, pos = [], [], 0
    for word, tag in zip(words, tags):
        start = _find_word(text, word, pos)
        if start < 0:  # a word the tool rewrote: skip it, keep going
            continue
        pos = start + len(word)
        label = PEER_LABELS.get(tag[2:]) if tag[:2] in ("B-", "I-") else None
        positions.append((start, pos))
        ours.append(f"{tag[:2]}{label}" if label else "O")
    return bio_char_spans(positions, ours)


def _find_word(text: str, word: str, pos: int) -> int:
    start = text.find(word, pos)
    if start >= 0:
        return start
    # Tools may join syllables with a different space or underscore.
    return text.find(word.replace("_", " "), pos)


# --- scoring ------------------------------------------------------------------


def score_spans(gold: list[tuple[str, list]], pred: list[list], labels=None) -> dict:
    """Strict entity F1 of char spans on syllable tokens, optionally on some labels only."""
    from spacy.util import filter_spans

    from vner.evaluation.metrics import doc_to_iob, entity_scores
    from vner.model.nlp import make_nlp

    nlp = make_nlp()
    y_true, y_pred = [], []
    for (text, gold_spans), pred_spans in zip(gold, pred):
        tags = []
        for spans in (gold_spans, pred_spans):
            doc = nlp.make_doc(text)
            ents = [doc.char_span(s, e, label, alignment_mode="expand") for s, e, label in spans if labels is None or label in labels]
            doc.set_ents(filter_spans([x for x in ents if x is not None]))
            tags.append(doc_to_iob(doc))
        y_true.append(tags[0])
        y_pred.append(tags[1])
    s = entity_scores(y_true, y_pred)
    return {"micro": s["micro"], "per_entity": s["per_entity"]}


def loo_predictions(docs, crossval_dir: Path) -> list[list]:
    """Each seed document predicted by the cross-validation fold that held it out."""
    import spacy

    report = json.loads((crossval_dir / "crossval.json").read_text(encoding="utf-8"))
    by_id = {}
    for fold in report["fold_results"]:
        nlp = spacy.load(crossval_dir / f"fold-{fold['fold']}" / "model-best")
        for doc in docs:
            if str(doc.user_data["id"]) in fold["test"]:
                by_id[doc.user_data["id"]] = [(e.start_char, e.end_char, e.label_) for e in nlp(doc.text).ents]
    missing = [d.user_data["id"] for d in docs if d.user_data["id"] not in by_id]
    if missing:
        raise RuntimeError(f"no cross-validation fold held out {missing}")
    return [by_id[d.user_data["id"]] for d in docs]


# --- run ------------------------------------------------------------------------


def _blob(path: Path) -> str | None:
    import subprocess

    out = subprocess.run(["git", "hash-object", str(path)], capture_output=True, text=True)
    return out.stdout.strip() or None


def _versions(*dists: str) -> dict:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for dist in dists:
        try:
            out[dist] = version(dist)
        except PackageNotFoundError:
            out[dist] = None
    return out


def ents_of(nlp, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]


def run(quick: bool = False, repeats: int = 3, model: Path | None = None) -> dict:
    import spacy
    from pyvi import ViPosTagger, ViTokenizer

    from bench.bench_training import CROSSVAL, SEED_MODEL, models_ready, run_crossval, train_seed_model
    from vner.annotation.convert import gold_docs
    from vner.annotation.rules import rules_pipeline
    from vner.model.nlp import make_nlp, ner_enabled

    n_docs = 4 if quick else 20
    texts = [json.loads(line)["text"] for line in (ensure_data(1000) / "docs.jsonl").open(encoding="utf-8")][:n_docs]
    paras = [p for t in texts for p in paragraphs(t)]
    n_syl = syllables(texts)
    result: dict = {"quick": quick, "texts": {"documents": len(texts), "paragraphs": len(paras), "syllables": n_syl, "chars": sum(map(len, texts))}}

    if not models_ready(quick):
        logger.info("training the seed model and the cross-validation folds first (bench_training)")
        train_seed_model(quick)
        run_crossval(quick)
    model = model or SEED_MODEL / "model-best"
    # relative to the repository when inside it: results are committed
    result["model"] = str(Path(model).resolve().relative_to(ROOT)) if Path(model).resolve().is_relative_to(ROOT) else str(model)
    result["model_config_blob"] = _blob(Path(model) / "config.cfg")
    result["versions"] = _versions("spacy", "pyvi", "underthesea", "underthesea-core")
    nlp = spacy.load(model)
    ner_nlp = spacy.load(model)
    pyvi_nlp = make_nlp("pyvi")
    syl_nlp = make_nlp("syllable")
    rules_nlp = rules_pipeline()

    result["seed_model_skips"] = list(nlp.disabled)
    contenders = {
        "vner seed model as trained (1 process)": lambda: sum(len(d.ents) for d in nlp.pipe(texts)),
        "vner model, NER running (1 process)": lambda: sum(len(d.ents) for d in ner_nlp.pipe(texts)),
        "vner model, NER running (n_process=2)": lambda: sum(len(d.ents) for d in ner_nlp.pipe(texts, n_process=2, batch_size=max(1, len(texts) // 4))),
        "vner rules pre-annotator": lambda: sum(len(d.ents) for d in rules_nlp.pipe(texts)),
        "pyvi ViPosTagger": lambda: sum(len(ViPosTagger.postagging(ViTokenizer.tokenize(p))[0]) for p in paras),
        "spaCy vi + pyvi (tokenizer only)": lambda: sum(len(d) for d in pyvi_nlp.pipe(texts)),
        "vner syllable tokenizer only": lambda: sum(len(d) for d in syl_nlp.pipe(texts)),
    }
    why_not = underthesea_available()
    if why_not is None:
        contenders["underthesea.ner"] = lambda: sum(len(underthesea_spans(t)) for t in texts)
    else:
        result["underthesea_skipped"] = why_not
    with ner_enabled(ner_nlp):
        for name, fn in contenders.items():  # warm-up: models loaded, caches filled
            if name == "underthesea.ner":
                underthesea_spans(paras[0])
            else:
                fn()
        logger.info("timing %d contenders x %d runs on %d syllables", len(contenders), repeats, n_syl)
        timings = interleaved(contenders, repeats=repeats)
    base = timings["pyvi ViPosTagger"]["seconds_median"]
    peer = timings.get("underthesea.ner", {}).get("seconds_median")
    speed = {}
    for name, t in timings.items():
        speed[name] = {
            "seconds_median": t["seconds_median"],
            "seconds_runs": t["seconds_runs"],
            "syllables_per_s": rate(n_syl, t["seconds_median"]),
            "speed_vs_pyvi_postagger": round(base / t["seconds_median"], 3),
        }
        if peer:
            speed[name]["speed_vs_underthesea"] = round(peer / t["seconds_median"], 2)
    result["speed"] = speed

    logger.info("quality on the seed gold (vner model: leave-one-document-out)")
    docs = gold_docs()
    gold = [(d.text, [(e.start_char, e.end_char, e.label_) for e in d.ents]) for d in docs]
    seed_texts = [t for t, _ in gold]
    loo = loo_predictions(docs, CROSSVAL)
    rules = ents_of(rules_nlp, seed_texts)
    quality = {
        "vner model (leave-one-document-out)": {
            "all_labels": score_spans(gold, loo),
            "person_org_province": score_spans(gold, loo, SHARED_LABELS),
        },
        "vner rules pre-annotator (patterns written with the seeds in view)": {
            "all_labels": score_spans(gold, rules),
            "person_org_province": score_spans(gold, rules, SHARED_LABELS),
        },
        "vner model (trained on all seeds, scored on them: not a fair score)": {
            "all_labels": score_spans(gold, ents_of(nlp, seed_texts)),
        },
    }
    if why_not is None:
        peer_pred = [underthesea_spans(t) for t in seed_texts]
        quality["underthesea.ner (PER/ORG/LOC mapped)"] = {"person_org_province": score_spans(gold, peer_pred, SHARED_LABELS)}
    result["quality"] = quality
    result["note"] = "speed ratios are medians of interleaved runs in one process; F1 is strict entity-level (seqeval IOB2) on syllable tokens"
    return result


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--model", type=Path, default=None, help="use this pipeline instead of training one on the seeds")
    args = parser.parse_args(argv)
    setup_logging()
    write_result("inference", run(quick=args.quick, repeats=args.repeats, model=args.model))


if __name__ == "__main__":
    main()
