"""Cross-validation: folds over whole documents, and a tiny real run."""

import json
import re

import numpy as np
import pytest
from typer.testing import CliRunner

from vner.cli import app
from vner.core.errors import VnerError
from vner.evaluation.crossval import crossval, doc_groups, make_folds, summarize


@pytest.mark.parametrize(
    "groups,folds",
    [
        (["a", "b", "c", "d", "e"], None),
        (["a", "b", "c", "d", "e"], 2),
        (["a", "a", "a", "b", "c", "c", "d"], None),  # several parts per document
        (["a", "a", "a", "b", "c", "c", "d"], 3),
        (["x", "y"], 2),
        ([f"doc{i % 7}" for i in range(40)], 5),
    ],
)
@pytest.mark.parametrize("seed", [0, 1])
def test_no_document_on_both_sides(groups, folds, seed):
    splits = make_folds(groups, folds, seed=seed)
    n = len(set(groups))
    assert len(splits) == (n if folds is None else folds)
    held_out = [i for _, test in splits for i in test]
    assert sorted(held_out) == list(range(len(groups)))  # every part held out exactly once
    for train, test in splits:
        assert set(train) | set(test) == set(range(len(groups)))
        assert not {groups[i] for i in train} & {groups[i] for i in test}
    if folds is None:
        assert all(len({groups[i] for i in test}) == 1 for _, test in splits)


def test_seed_documents_give_five_leave_one_out_folds(seed_docs):
    groups = doc_groups(seed_docs)
    splits = make_folds(groups)
    assert sorted(groups[test[0]] for _, test in splits) == sorted(d.user_data["id"] for d in seed_docs)


def test_groups_prefer_the_source_document(seed_docs):
    docs = [seed_docs[0].copy(), seed_docs[0].copy(), seed_docs[1].copy()]
    docs[0].user_data.update({"id": "t1#1", "group": "t1"})
    docs[1].user_data.update({"id": "t1#2", "group": "t1"})
    docs[2].user_data.clear()
    assert doc_groups(docs) == ["t1", "t1", "doc-2"]


@pytest.mark.parametrize("groups,folds", [(["a"], None), (["a", "a"], 2), (["a", "b", "c"], 4), (["a", "b", "c"], 1)])
def test_impossible_folds_are_clear_errors(groups, folds):
    with pytest.raises(VnerError) as e:
        make_folds(groups, folds)
    assert e.value.fix


def test_summary_skips_folds_without_the_label():
    fold = lambda f, support: {"per_entity": {"ORG": {"p": f, "r": f, "f": f, "support": support}}, "micro": {"p": f, "r": f, "f": f, "support": 3}}  # noqa: E731
    s = summarize([fold(0.2, 1), fold(0.6, 2), fold(0.0, 0)])
    assert s["per_entity"]["ORG"]["folds"] == 2
    assert s["per_entity"]["ORG"]["f"]["mean"] == pytest.approx(0.4)
    assert s["per_entity"]["ORG"]["f"]["std"] == pytest.approx(0.2)
    assert s["micro"]["folds"] == 3 and s["micro"]["f"]["mean"] == pytest.approx(0.8 / 3)


def test_empty_or_unannotated_corpus(tmp_path, seed_docs):
    with pytest.raises(VnerError, match="Empty corpus"):
        crossval([], 2, output=tmp_path)
    from vner.model.nlp import make_nlp

    with pytest.raises(VnerError, match="No entities"):
        crossval([make_nlp()(d.text) for d in seed_docs], 2, output=tmp_path)


@pytest.mark.slow
def test_tiny_crossval_via_cli_passes_overrides_and_reports_mean_std(gold_spacy, seed_docs, tinier, tmp_path):
    out = tmp_path / "cv"
    args = ["crossval", str(gold_spacy), "--folds", "2", "-o", str(out)]
    for key, value in tinier.items():
        args += [f"--{key}", str(value).lower() if isinstance(value, bool) else str(value)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    report = json.loads((out / "crossval.json").read_text(encoding="utf-8"))
    assert report["folds"] == 2 and report["documents"] == len(seed_docs)
    assert report["overrides"]["training.max_steps"] == tinier["training.max_steps"]
    # seed gold is annotated under the scheme: every fold also trained on the written articles
    assert all(f["written"]["train_docs"] > 700 and f["written"]["dev_docs"] > 100 for f in report["fold_results"])
    steps = [int(m.group(1)) for m in re.finditer(r"^\s*\d+\s+(\d+)\s", (out / "fold-0" / "training.log").read_text(), re.M)]
    assert max(steps) == tinier["training.max_steps"]  # the override reached spaCy
    ids = {d.user_data["id"] for d in seed_docs}
    tested = [doc for fold in report["fold_results"] for doc in fold["test"]]
    assert sorted(tested) == sorted(ids)
    for fold in report["fold_results"]:
        assert not set(fold["test"]) & (set(fold["train"]) | set(fold["dev"]))
        assert set(fold["train"]) | set(fold["dev"]) | set(fold["test"]) == ids
        assert not (out / f"fold-{fold['fold']}" / "model-best").exists()  # not kept by default
    # mean and std are over the folds' own scores
    for label, stats in report["summary"]["per_entity"].items():
        fs = [f["scores"]["per_entity"][label]["f"] for f in report["fold_results"] if f["scores"]["per_entity"].get(label, {}).get("support")]
        assert stats["folds"] == len(fs)
        assert stats["f"]["mean"] == pytest.approx(np.mean(fs)) and stats["f"]["std"] == pytest.approx(np.std(fs))
    # pooled: one seqeval call over every held-out document
    gold_counts = {}
    for d in seed_docs:
        for e in d.ents:
            gold_counts[e.label_] = gold_counts.get(e.label_, 0) + 1
    assert report["pooled"]["micro"]["support"] == sum(gold_counts.values())
    assert {k: v["support"] for k, v in report["pooled"]["per_entity"].items() if v["support"]} == gold_counts
    pooled_tp = round(report["pooled"]["micro"]["r"] * report["pooled"]["micro"]["support"])
    assert pooled_tp == sum(round(f["scores"]["micro"]["r"] * f["scores"]["micro"]["support"]) for f in report["fold_results"])
    assert pooled_tp == report["pooled_errors"]["correct"]
    table = (out / "crossval.md").read_text(encoding="utf-8")
    assert "± " in table and "pooled F1" in table
    assert "micro avg" in result.output and "±" in result.output
    # side by side: the rules stage alone, the NER alone, both
    from vner.evaluation.rules_scores import rules_scores

    variants = report["variants"]
    assert list(variants) == ["rules", "ner", "both"]
    assert variants["both"]["pooled"] == report["pooled"]
    for variant in variants.values():
        assert variant["pooled"]["micro"]["support"] == sum(gold_counts.values())
    # rules alone is exactly the rules pre-annotator (same patterns, no training involved)
    assert variants["rules"]["pooled"]["micro"] == pytest.approx(rules_scores(list(seed_docs))["micro"])
    assert all(set(f["variant_scores"]) == {"rules", "ner"} for f in report["fold_results"])
    assert "F1 rules alone" in table and "F1 NER alone" in table and "F1 rules + NER" in table
    assert "F1 rules alone" in result.output and "F1 NER alone" in result.output


def test_variants_of_a_pipeline_with_and_without_rules():
    from vner.evaluation.crossval import variant_pipes
    from vner.model.nlp import make_nlp
    from vner.model.patterns import add_rules_stage

    nlp = add_rules_stage(make_nlp())
    nlp.add_pipe("vner_rule_features")
    nlp.add_pipe("ner")
    variants = variant_pipes(nlp)
    assert variants["rules"] == ["vner_tone_norm", "vner_token_classes", "vner_rules_names", "vner_rules_shapes", "vner_rules_resolve"]
    assert variants["ner"] == ["vner_tone_norm", "vner_rule_features", "ner"]
    assert variants["both"] == nlp.pipe_names
    plain = make_nlp()
    plain.add_pipe("ner")
    assert variant_pipes(plain) == {"rules": None, "ner": None, "both": ["ner"]}
