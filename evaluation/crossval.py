"""Document-grouped cross-validation: every document held out once.

With a handful of annotated documents a single dev split is noise; K-fold
over whole documents uses all of them for testing. Folds are grouped by
document so no text is on both sides, and the dev set each fold's training
selects its best model on is cut from that fold's training documents, never
from the held-out ones.
"""

import json
import logging
import shutil
from pathlib import Path
from typing import Any, Sequence

import numpy as np
from spacy.tokens import Doc

from vner.core.errors import VnerError
from vner.core.files import write_json_atomic, write_text_atomic
from vner.model.nlp import ner_enabled

from .error_analysis import label_order
from .evaluate import Scored, load_model, predict, score
from .report import markdown_table

logger = logging.getLogger(__name__)

METRICS = ("p", "r", "f")
# The same trained pipeline three ways (see `variant_pipes`).
VARIANTS = ("rules", "ner", "both")
VARIANT_NAMES = {"rules": "rules alone", "ner": "NER alone", "both": "rules + NER"}
# Factories of the rules stage (vner.model.ruler). vner_tone_norm only
# normalises the text and stays on in every variant.
RULE_FACTORIES = ("vner_token_classes", "vner_span_ruler", "vner_rules_resolve")
NORMALISER_FACTORIES = ("vner_tone_norm",)


def doc_groups(docs: Sequence[Doc]) -> list[str]:
    """The source document of each Doc: parts of one document share it.

    `user_data["group"]` (several annotations of one task) or
    `user_data["id"]`; a Doc with neither is its own group.
    """
    return [str(d.user_data.get("group", d.user_data.get("id", f"doc-{i}"))) for i, d in enumerate(docs)]


def make_folds(groups: Sequence[str], folds: int | None = None, *, seed: int = 0) -> list[tuple[list[int], list[int]]]:
    """(training indices, held-out indices) per fold, grouped by document.

    `folds=None` holds out one document per fold.

    >>> make_folds(["a", "a", "b", "c"])
    [([2, 3], [0, 1]), ([0, 1, 2], [3]), ([0, 1, 3], [2])]
    """
    from sklearn.model_selection import GroupKFold

    n = len(set(groups))
    if n < 2:
        raise VnerError("Too few documents for cross-validation", f"{n} document(s)", "Cross-validate at least 2 annotated documents.")
    k = n if folds is None else folds
    if not 2 <= k <= n:
        raise VnerError("Invalid number of folds", f"--folds {k} for {n} documents", f"Use 2 to {n}, or leave --folds out for one fold per document.")
    splitter = GroupKFold(n_splits=k, shuffle=folds is not None, random_state=seed if folds is not None else None)
    return [(sorted(int(i) for i in a), sorted(int(i) for i in b)) for a, b in splitter.split(list(groups), groups=list(groups))]


def variant_pipes(nlp) -> dict[str, list[str] | None]:
    """The enabled components of each variant of one trained pipeline; None if it has no rules stage.

    - ``both``: the pipeline as trained.
    - ``rules``: the rules stage only; the rules' entities are the prediction.
    - ``ner``: everything but the rules (word classes, span rulers,
      resolver). The NER of a model that takes the rules as features
      (``vner_rule_features``) then sees every token tagged "O": the same
      weights with the rule features blanked, not a model trained without
      rules. That costs no second training and says how much of the
      model's score the rules carry.
    """
    factories = {name: nlp.get_pipe_meta(name).factory for name in nlp.pipe_names}
    rules = [n for n, f in factories.items() if f in RULE_FACTORIES]
    both = list(nlp.pipe_names)
    if not any(factories[n] == "vner_rules_resolve" for n in rules):
        return {"rules": None, "ner": None, "both": both}
    return {
        "rules": [n for n, f in factories.items() if f in RULE_FACTORIES or f in NORMALISER_FACTORIES],
        "ner": [n for n in both if n not in rules],
        "both": both,
    }


def crossval(
    docs: Sequence[Doc],
    folds: int | None = None,
    *,
    output: Path,
    config: Path | None = None,
    overrides: dict[str, Any] | None = None,
    seed: int = 0,
    dev_fraction: float = 0.2,
    use_gpu: int = -1,
    keep_models: bool = False,
    progress: bool = True,
    written: bool = True,
) -> dict:
    """Train and evaluate one model per fold; write crossval.json and crossval.md.

    With `written`, each fold also trains on the team's written articles and
    selects on their selection part (`vner.training.train.written_addition`);
    the held-out documents are the data's only.

    Reports per-entity mean ± std over folds (population std, over the folds
    whose held-out documents contain the label) and pooled scores: all
    held-out predictions scored in one seqeval call.
    """
    from tqdm import tqdm

    from vner.training.train import DEFAULT_CONFIG, TRAINING_INFO, split_train_dev, train

    docs = list(docs)
    if not docs:
        raise VnerError("Empty corpus", "no documents to cross-validate", "Pass annotated documents (Label Studio export, .spacy, CoNLL or JSONL).")
    if not any(d.ents for d in docs):
        raise VnerError("No entities in the corpus", f"{len(docs)} documents, 0 entity spans", "Annotate some documents first.")
    output = Path(output)
    config = Path(config or DEFAULT_CONFIG)
    groups = doc_groups(docs)
    splits = make_folds(groups, folds, seed=seed)
    pooled = Scored()
    pooled_variants = {v: Scored() for v in VARIANTS[:-1]}
    results = []
    for i, (train_idx, test_idx) in enumerate(tqdm(splits, desc="Cross-validating", unit="fold", disable=not progress)):
        train_docs = [docs[j] for j in train_idx]
        test_docs = [docs[j] for j in test_idx]
        if len({groups[j] for j in train_idx}) > 1:
            fit_docs, dev_docs = split_train_dev(train_docs, dev_fraction=dev_fraction, seed=seed)
        else:  # one training document: select on it (nothing else may be used)
            fit_docs, dev_docs = train_docs, train_docs
        fold_dir = output / f"fold-{i}"
        model = train(fit_docs, dev_docs, fold_dir, config=config, overrides=overrides, use_gpu=use_gpu, seed=seed, quiet=True,
                      written=written)
        added = json.loads((fold_dir / TRAINING_INFO).read_text(encoding="utf-8")).get("written")
        nlp, labels = load_model(model)
        scored = predict(nlp, test_docs, progress=False)
        result = score(scored, labels)
        variants = {}
        # The NER alone is the NER whether or not the dev gate let it add to the rules.
        with ner_enabled(nlp):
            for variant, enabled in variant_pipes(nlp).items():
                if variant == "both" or enabled is None:
                    continue
                with nlp.select_pipes(enable=enabled):
                    variant_scored = predict(nlp, test_docs, progress=False)
                pooled_variants[variant].extend(variant_scored)
                variants[variant] = score(variant_scored, labels)["scores"]
        del nlp
        if not keep_models:
            for name in ("model-best", "model-last"):
                shutil.rmtree(fold_dir / name, ignore_errors=True)
        pooled.extend(scored)
        results.append({
            "fold": i,
            "test": sorted({groups[j] for j in test_idx}),
            "train": sorted(set(doc_groups(fit_docs))),
            "dev": sorted(set(doc_groups(dev_docs))),
            "written": added,
            "scores": result["scores"],
            "variant_scores": variants,
            "errors": result["errors"]["counts"],
            "warnings": result["warnings"],
        })
    summary = summarize([r["scores"] for r in results])
    pooled_result = score(pooled)
    compared = {}
    for variant in VARIANTS[:-1]:
        if all(variant in r["variant_scores"] for r in results):
            compared[variant] = {
                "summary": summarize([r["variant_scores"][variant] for r in results]),
                "pooled": score(pooled_variants[variant])["scores"],
            }
    if compared:
        compared["both"] = {"summary": summary, "pooled": pooled_result["scores"]}
    report = {
        "documents": len(set(groups)),
        "folds": len(splits),
        "seed": seed,
        "config": str(config),
        "overrides": {k: v for k, v in (overrides or {}).items()},
        "summary": summary,
        "pooled": pooled_result["scores"],
        "pooled_errors": pooled_result["errors"]["counts"],
        "variants": compared,
        "fold_results": results,
        "files": {"json": str(output / "crossval.json"), "table": str(output / "crossval.md")},
    }
    write_json_atomic(output / "crossval.json", report)
    write_text_atomic(output / "crossval.md", crossval_markdown(report))
    return report


def summarize(fold_scores: Sequence[dict]) -> dict:
    """Mean and std of P/R/F per label and micro-averaged, over folds.

    A label counts in a fold only when that fold's held-out gold has it.

    >>> a = {"per_entity": {"ORG": {"p": 1.0, "r": 0.5, "f": 2/3, "support": 2}}, "micro": {"p": 1.0, "r": 0.5, "f": 2/3, "support": 2}}
    >>> b = {"per_entity": {"ORG": {"p": 0.0, "r": 0.0, "f": 0.0, "support": 0}}, "micro": {"p": 0.5, "r": 0.5, "f": 0.5, "support": 2}}
    >>> s = summarize([a, b])
    >>> s["per_entity"]["ORG"]["folds"], s["micro"]["f"]
    (1, {'mean': 0.5833333333333333, 'std': 0.08333333333333331})
    """
    labels = label_order({label for s in fold_scores for label in s["per_entity"]})

    def stats(rows: list[dict]) -> dict:
        out = {m: {"mean": float(np.mean([r[m] for r in rows])), "std": float(np.std([r[m] for r in rows]))} for m in METRICS}
        return {**out, "folds": len(rows)}

    per_entity = {}
    for label in labels:
        rows = [s["per_entity"][label] for s in fold_scores if s["per_entity"].get(label, {}).get("support", 0) > 0]
        if rows:
            per_entity[label] = stats(rows)
    return {"per_entity": per_entity, "micro": stats([s["micro"] for s in fold_scores])}


def summary_table(report: dict) -> tuple[list[str], list[list]]:
    """Header and rows: per label and micro, mean ± std over folds, then pooled."""
    fmt = lambda s: f"{100 * s['mean']:.2f} ± {100 * s['std']:.2f}"  # noqa: E731
    pooled = report["pooled"]
    rows = []
    for label, s in report["summary"]["per_entity"].items():
        p = pooled["per_entity"].get(label)
        rows.append([label, fmt(s["p"]), fmt(s["r"]), fmt(s["f"]), s["folds"], f"{100 * p['f']:.2f}" if p else "–", p["support"] if p else 0])
    s = report["summary"]["micro"]
    rows.append(["micro avg", fmt(s["p"]), fmt(s["r"]), fmt(s["f"]), s["folds"], f"{100 * pooled['micro']['f']:.2f}", pooled["micro"]["support"]])
    return ["label", "P", "R", "F1", "folds", "pooled F1", "support"], rows


def variants_table(report: dict) -> tuple[list[str], list[list]] | None:
    """Header and rows: F1 of rules alone, NER alone and both, per label and micro; None without a rules stage.

    Each cell is the mean ± std over folds, then the pooled F1 in brackets.
    """
    variants = report.get("variants") or {}
    if not variants:
        return None
    names = [v for v in VARIANTS if v in variants]

    def cell(v: str, label: str | None) -> str:
        summary, pooled = variants[v]["summary"], variants[v]["pooled"]
        s = summary["micro"] if label is None else summary["per_entity"].get(label)
        p = pooled["micro"] if label is None else pooled["per_entity"].get(label)
        if s is None:
            return "–"
        return f"{100 * s['f']['mean']:.2f} ± {100 * s['f']['std']:.2f} ({100 * p['f']:.2f})" if p else f"{100 * s['f']['mean']:.2f} ± {100 * s['f']['std']:.2f}"

    labels = list(report["summary"]["per_entity"])
    rows = [[label, *(cell(v, label) for v in names)] for label in labels]
    rows.append(["micro avg", *(cell(v, None) for v in names)])
    return ["label", *(f"F1 {VARIANT_NAMES[v]}" for v in names)], rows


def crossval_markdown(report: dict) -> str:
    folds = [[r["fold"], ", ".join(r["test"]), len(r["train"]), ", ".join(r["dev"]),
              *(f"{100 * r['variant_scores'][v]['micro']['f']:.2f}" for v in VARIANTS[:-1] if v in (report.get("variants") or {})),
              f"{100 * r['scores']['micro']['f']:.2f}"] for r in report["fold_results"]]
    side = variants_table(report)
    compared = [] if side is None else [
        "## Rules alone, NER alone, both",
        "",
        "The same trained pipeline of each fold three ways: as trained (rules + NER), with only its rules stage "
        "(the rules' entities are the prediction) and with the rules stage switched off (the NER alone; a NER "
        "that takes the rules as features then sees none: same weights, rule features blanked). "
        "F1 mean ± std over folds (pooled F1 in brackets).",
        "",
        markdown_table(*side),
        "",
    ]
    added = [r.get("written") for r in report["fold_results"]]
    written = [] if not all(added) else [
        f"Each fold also trained on the team's {added[0]['train_docs']} written articles and selected on their "
        f"{added[0]['dev_docs']} selection articles besides its own dev documents (`vner train`'s default; "
        "`--no-written`: the data alone); the held-out documents are the data's only.",
        "",
    ]
    fold_header = ["fold", "held out", "training docs", "dev (from training docs)",
                   *(f"F1 {VARIANT_NAMES[v]}" for v in VARIANTS[:-1] if v in (report.get("variants") or {})), "micro F1"]
    return "\n".join([
        f"# Cross-validation: {report['folds']} folds over {report['documents']} documents",
        "",
        "Mean ± std (population) over folds whose held-out documents have the label; "
        "pooled = all held-out predictions scored together (strict seqeval, IOB2, syllable tokens).",
        "",
        *written,
        markdown_table(*summary_table(report)),
        "",
        *compared,
        "## Folds",
        "",
        markdown_table(fold_header, folds),
        "",
    ])
