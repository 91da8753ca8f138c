"""Score statistical fold models combined with the rule patterns, leave-one-document-out.

Takes the fold models that `loo.py --keep DIR` saved (fold-K was trained
without seed document K) and scores, on each held-out document:

  ner            the model alone
  ner+ruler      the model, then configs/ner.cfg's entity_ruler (what
                 `vner train` builds: gazetteer/shape files, no overwrite)
  rules          `vner.annotation.rules.rules_pipeline()` alone (no training)
  ner+rules      model spans, plus rule spans that overlap no model span
  rules+ner      rule spans, plus model spans that overlap no rule span
  ner+generic    like ner+rules, but only with the generic gazetteer/shape
                 files (ranks, provinces, quantities, exclusions): knowledge
                 from the annotation scheme, not phrases read off the seeds

Caveat printed with the results: the pattern files were written with all
five seed documents in view, so any score that uses them is optimistic.

Usage: .venv/bin/python bench/tuning/combine.py DIR [NAME]
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

import spacy
from spacy.tokens import Doc, Span

sys.path.insert(0, str(Path(__file__).parent))
from loo import LABELS, RESULTS, fmt, fold_mean, score, seed_docs  # noqa: E402

GENERIC = ["ranks.jsonl", "provinces-vietnam.jsonl", "provinces-laos.jsonl", "quantities.jsonl", "exclusions.jsonl"]


def spans_of(doc):
    return [(e.start, e.end, e.label_) for e in doc.ents]


def union(first, second):
    kept = list(first)
    for s, e, label in second:
        if not any(s < e2 and s2 < e for s2, e2, _ in first):
            kept.append((s, e, label))
    return sorted(kept)


def as_doc(gold: Doc, spans) -> Doc:
    doc = Doc(gold.vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold])
    doc.ents = [Span(doc, s, e, label) for s, e, label in spans]
    return doc


def main(argv=None):
    from vner.annotation.rules import PATTERNS_DIR, rules_pipeline

    argv = argv or sys.argv[1:]
    models = Path(argv[0])
    name = argv[1] if len(argv) > 1 else models.name
    docs = seed_docs()
    rules_all = rules_pipeline()
    tmp = Path(tempfile.mkdtemp())
    for f in GENERIC:
        shutil.copy(PATTERNS_DIR / f, tmp / f)
    rules_generic = rules_pipeline(tmp)
    from spacy import util

    from vner.training.train import DEFAULT_CONFIG, rule_patterns

    ruler_cfg = util.load_config(DEFAULT_CONFIG)["initialize"]["components"]["entity_ruler"]["patterns"]
    ruler_patterns = rule_patterns(ruler_cfg["files"], ruler_cfg["path"], LABELS)
    variants = {k: [] for k in ["ner", "ner+ruler", "rules", "ner+rules", "rules+ner", "ner+generic", "generic+ner"]}
    for k, gold in enumerate(docs):
        nlp = spacy.load(models / f"fold-{k}")
        if "entity_ruler" in nlp.pipe_names:
            nlp.remove_pipe("entity_ruler")
        ner = spans_of(nlp(gold.text))
        nlp.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": False}).add_patterns(ruler_patterns)
        ner_ruler = spans_of(nlp(gold.text))
        rules = spans_of(rules_all(gold.text))
        generic = spans_of(rules_generic(gold.text))
        preds = {
            "ner": ner, "ner+ruler": ner_ruler, "rules": rules, "ner+rules": union(ner, rules), "rules+ner": union(rules, ner),
            "ner+generic": union(ner, generic), "generic+ner": union(generic, ner),
        }
        for v, spans in preds.items():
            s = score([gold], [as_doc(gold, spans)])
            s["doc"] = gold.user_data["id"]
            variants[v].append(s)
    with RESULTS.open("a", encoding="utf-8") as f:
        for v, folds in variants.items():
            mean = {l: fold_mean(folds, l) for l in ["micro"] + LABELS}
            f.write(json.dumps({"name": f"{name} | {v}", "combine": v, "models": str(models), "mean": mean, "folds": folds}, ensure_ascii=False) + "\n")
            print(f"{name} | {v:12s}: " + fmt(mean))
    print("(rules: the pattern files were written with all five seeds in view; scores using them are optimistic)")


if __name__ == "__main__":
    main()
