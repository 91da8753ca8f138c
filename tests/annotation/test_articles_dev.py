"""The articles dev set (tests/annotation/articles_dev.txt): news-style
passages written by the team, which the rule writer reads and tunes on.
The rules must keep their score on it; the held-out counterpart is the
challenge set's `news-passages` capability."""

from collections import Counter
from pathlib import Path

import pytest

from vner.core.scheme import labels as scheme_labels
from vner.evaluation.challenge import challenge_to_tasks, load_challenge, tasks_json

ARTICLES_DEV = Path(__file__).parent / "articles_dev.txt"
# micro-F1 of rules_pipeline() on the whole dev set (74 lines), measured
# 2026-12-01 14:18 UTC at 0.989 (0.911 before the rule writer tuned on it),
# minus 0.03, rounded down. Raise it when the rules improve.
FLOOR = 0.95


@pytest.fixture(scope="module")
def sentences():
    return load_challenge(ARTICLES_DEV)


@pytest.fixture(scope="module")
def scores(sentences, tmp_path_factory):
    from vner.annotation.rules import rules_pipeline
    from vner.evaluation.evaluate import load_gold, predict, score

    data = tmp_path_factory.mktemp("articles-dev") / "articles_dev.json"
    data.write_text(tasks_json(challenge_to_tasks(sentences)), encoding="utf-8")
    gold, _ = load_gold(data)
    return score(predict(rules_pipeline(), gold, progress=False))


def test_the_dev_set_parses_with_scheme_labels_only(sentences):
    allowed = set(scheme_labels())
    counts = Counter(label for s in sentences for _, _, label in s.spans)
    assert len(sentences) >= 60 and sum(counts.values()) >= 200
    assert set(counts) == allowed, f"labels {sorted(counts)} are not the scheme's {sorted(allowed)}"
    assert len({s.text for s in sentences}) == len(sentences), "a line is repeated"
    for s in sentences:
        for start, end, label in s.spans:
            value = s.text[start:end]
            assert value == value.strip() and value[0].isalnum(), (s.id, value)


def test_the_rules_keep_their_score_on_the_dev_set(scores):
    micro = scores["scores"]["micro"]
    assert micro["f"] >= FLOOR, f"rules micro-F1 {micro['f']:.3f} on the articles dev set, floor {FLOOR}"
