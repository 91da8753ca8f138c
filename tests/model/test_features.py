"""The rules' entities as NER features (vner_rule_features)."""

import pytest
from spacy.tokens import Span

from vner.model.features import RuleFeatures, rule_tags
from vner.model.nlp import make_nlp
from vner.model.patterns import add_rules_stage


@pytest.fixture(scope="module")
def rules_nlp():
    nlp = add_rules_stage(make_nlp())
    nlp.add_pipe("vner_rule_features")
    return nlp


@pytest.mark.parametrize(
    "text,spans,tags",
    [
        ("", [], []),
        ("thu 27 vụ", [(1, 3, "QUANTITY")], ["O", "B-QUANTITY", "I-QUANTITY"]),
        ("Bộ Công an", [(0, 3, "ORG")], ["B-ORG", "I-ORG", "I-ORG"]),
        ("Đại tá Lê Văn Thái", [(0, 2, "RANK"), (2, 5, "PERSON")], ["B-RANK", "I-RANK", "B-PERSON", "I-PERSON", "I-PERSON"]),
        ("tỉnh Nghệ An và Hà Tĩnh", [(1, 3, "PROVINCE"), (4, 6, "PROVINCE")], ["O", "B-PROVINCE", "I-PROVINCE", "O", "B-PROVINCE", "I-PROVINCE"]),
    ],
)
def test_rule_tags_are_bio_of_the_entities(text, spans, tags):
    doc = make_nlp().make_doc(text)
    doc.ents = [Span(doc, s, e, label) for s, e, label in spans]
    assert rule_tags(doc) == tags


def test_features_replace_the_entities_and_lower_the_norm():
    doc = make_nlp().make_doc("Công an tỉnh Thanh Hoá")
    doc.ents = [Span(doc, 0, 5, "ORG")]
    for token in doc:
        token.norm_ = token.text  # as vner_tone_norm leaves it: case kept
    doc = RuleFeatures()(doc)
    assert [t.tag_ for t in doc] == ["B-ORG"] + ["I-ORG"] * 4
    assert doc.ents == ()  # the NER decides
    assert [t.norm_ for t in doc] == ["công", "an", "tỉnh", "thanh", "hoá"]
    kept = make_nlp().make_doc("Bộ Công an")
    kept.ents = [Span(kept, 0, 3, "ORG")]
    assert [(e.text, e.label_) for e in RuleFeatures(keep_ents=True)(kept).ents] == [("Bộ Công an", "ORG")]


def test_the_rules_stage_feeds_the_tags(rules_nlp):
    text = "Thiếu tướng Phạm Văn Hùng làm việc với Công an tỉnh Nghệ An, thu 27 vụ."
    doc = rules_nlp(text)
    assert doc.ents == ()
    spans = []
    start = None
    for token in list(doc) + [None]:
        if start is not None and (token is None or not token.tag_.startswith("I-")):
            spans.append((doc[start:token.i if token is not None else len(doc)].text, doc[start].tag_[2:]))
            start = None
        if token is not None and token.tag_.startswith("B-"):
            start = token.i
    assert set(spans) >= {("Thiếu tướng", "RANK"), ("Phạm Văn Hùng", "PERSON"), ("Công an tỉnh Nghệ An", "ORG"), ("27 vụ", "QUANTITY")}
    assert all(t.tag_ == "O" for t in doc if t.text in ("làm", "việc", "với", "thu", "."))


def test_a_text_without_rule_matches_is_all_outside(rules_nlp):
    doc = rules_nlp("hôm nay trời đẹp và mọi người đi chơi")
    assert {t.tag_ for t in doc} == {"O"}


def test_a_saved_pipeline_loads_with_the_shipped_modules_only(rules_nlp, tmp_path):
    """A packaged model ships features.py (custom_code) and spaCy finds the
    factory by entry point: loading imports no other part of vner."""
    import subprocess
    import sys

    from vner.training.requirements import custom_code

    nlp = add_rules_stage(make_nlp())
    nlp.add_pipe("vner_rule_features")
    code, requirements = custom_code(nlp.config)
    assert {p.name for p in code} == {"tokenizer.py", "ruler.py", "features.py", "helpers.py", "orgs.py", "persons.py",
                                      "resolver.py"} and requirements == []
    nlp.to_disk(tmp_path / "model")
    script = (
        "import sys, spacy; nlp = spacy.load(sys.argv[1]); doc = nlp(sys.argv[2]); "
        "extra = {m for m in sys.modules if m.startswith('vner.')} - {'vner.model', 'vner.model.ruler', 'vner.model.tokenizer', 'vner.model.features', 'vner.model.helpers', 'vner.model.orgs', 'vner.model.persons', 'vner.model.resolver'}; "
        "assert not extra, extra; print(' '.join(t.tag_ for t in doc), len(doc.ents))"
    )
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "model"), "Đại tá Lê Văn Thái"],
                         capture_output=True, text=True, check=True).stdout.split()
    assert out == ["B-RANK", "I-RANK", "B-PERSON", "I-PERSON", "I-PERSON", "0"]


FEATURES_CONFIG_CHANGES = {
    ("nlp", "pipeline"): ["vner_tone_norm", "vner_token_classes", "vner_rules_names", "vner_rules_shapes", "vner_rules_resolve",
                          "vner_remember_rules", "vner_rule_features", "tok2vec", "ner", "vner_scheme_constraints"],
    ("components", "tok2vec", "model", "embed", "attrs"): ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG"],
    ("components", "tok2vec", "model", "embed", "rows"): [5000, 1000, 2500, 2500, 100],
    ("components", "vner_rule_features"): {"factory": "vner_rule_features", "keep_ents": False},
    ("training", "annotating_components"): ["vner_tone_norm", "vner_token_classes", "vner_rules_names", "vner_rules_shapes",
                                            "vner_rules_resolve", "vner_rule_features"],
}


def test_the_features_config_is_ner_cfg_with_the_features_only():
    """configs/ner-rule-features.cfg must not drift from configs/ner.cfg."""
    from spacy.util import load_config

    from vner.core.resources import CONFIGS

    base = load_config(CONFIGS / "ner.cfg", interpolate=False)
    features = load_config(CONFIGS / "ner-rule-features.cfg", interpolate=False)
    for path, value in FEATURES_CONFIG_CHANGES.items():
        node = base
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    assert features == base


@pytest.mark.slow
def test_training_with_the_rules_as_features(tmp_path):
    """A real (short) training: the rules annotate the training docs (no E024
    against the gold) and the saved model runs the features before its NER."""
    import spacy

    from vner.annotation.convert import gold_docs
    from vner.core.resources import CONFIGS
    from vner.training.train import train

    docs = gold_docs()
    best = train(docs[:2], docs[3:4], tmp_path / "m", config=CONFIGS / "ner-rule-features.cfg", quiet=True,
                 overrides={"training.max_steps": 20, "training.eval_frequency": 10}, written=False)
    nlp = spacy.load(best)
    names = nlp.component_names  # the dev gate may switch tok2vec and ner off
    assert names.index("vner_rule_features") < names.index("tok2vec") < names.index("ner")
    assert "TAG" in nlp.config["components"]["tok2vec"]["model"]["embed"]["attrs"]
    doc = nlp("Đại tá Lê Văn Thái thu 27 vụ")
    assert [t.tag_ for t in doc][:2] == ["B-RANK", "I-RANK"]
    assert all(e.label_ in {"PERSON", "RANK", "ORG", "PROVINCE", "QUANTITY"} for e in doc.ents)
