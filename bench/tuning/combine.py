"""Score statistical fold models combined with the rule patterns, leave-one-document-out.

Takes the fold models that `loo.py --keep DIR` saved (fold-K was trained
without seed document K) and scores, on each held-out document:

  ner            the model alone
  config         the model, then the rule components of configs/ner.cfg, as
                 `vner train` builds them (now: the rank/quantity ruler
                 overwrites the model, then the province ruler fills gaps)
  ner+ruler      the model, then one entity_ruler with all of the config's
                 pattern files that only fills gaps
  rules          `vner.annotation.rules.rules_pipeline()` alone (no training)
  ner+rules      model spans, plus rule spans that overlap no model span
  rules+ner      rule spans, plus model spans that overlap no rule span

(Earlier rows in results.jsonl also have "rq>ner+prov" = today's "config",
"ner+generic"/"generic+ner" = the rules pipeline with only the ranks,
provinces, quantities and exclusions files, unioned after/before the model.)

Caveat printed with the results: the pattern files were written with all
five seed documents in view, so any score that uses them is optimistic.

Usage: .venv/bin/python bench/tuning/combine.py DIR [NAME]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, Span

sys.path.insert(0, str(Path(__file__).parent))
from loo import LABELS, RESULTS, fmt, fold_mean, score, seed_docs  # noqa: E402


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
    from vner.annotation.rules import rules_pipeline

    argv = argv or sys.argv[1:]
    models = Path(argv[0])
    name = argv[1] if len(argv) > 1 else models.name
    docs = seed_docs()
    rules_all = rules_pipeline()
    from spacy import util

    from vner.training.train import DEFAULT_CONFIG, RULE_PATTERNS, rule_patterns

    cfg = util.load_config(DEFAULT_CONFIG)
    # The rule components of configs/ner.cfg, in pipeline order, as `vner train` builds them.
    rulers = []
    for comp in cfg["nlp"]["pipeline"]:
        init = cfg["initialize"]["components"].get(comp, {}).get("patterns", {})
        if init.get("@misc") == RULE_PATTERNS:
            overwrite = cfg["components"][comp].get("overwrite_ents", False)
            rulers.append((comp, overwrite, rule_patterns(init["files"], init["path"], LABELS)))
    all_generic = [p for _, _, patterns in rulers for p in patterns]
    variants = {k: [] for k in ["ner", "config", "ner+ruler", "rules", "ner+rules", "rules+ner"]}
    for k, gold in enumerate(docs):
        nlp = spacy.load(models / f"fold-{k}")
        for comp in list(nlp.pipe_names):
            if comp not in ("tok2vec", "ner"):
                nlp.remove_pipe(comp)
        ner = spans_of(nlp(gold.text))
        nlp.add_pipe("entity_ruler", name="one_ruler", config={"overwrite_ents": False}).add_patterns(all_generic)
        ner_ruler = spans_of(nlp(gold.text))
        nlp.remove_pipe("one_ruler")
        for comp, overwrite, patterns in rulers:
            nlp.add_pipe("entity_ruler", name=comp, config={"overwrite_ents": overwrite}).add_patterns(patterns)
        config_spans = spans_of(nlp(gold.text))
        rules = spans_of(rules_all(gold.text))
        preds = {
            "ner": ner, "config": config_spans, "ner+ruler": ner_ruler,
            "rules": rules, "ner+rules": union(ner, rules), "rules+ner": union(rules, ner),
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
