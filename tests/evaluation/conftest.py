"""Fixtures for the evaluation tests: the seed gold, a tiny trained model and
rule-based models whose predictions are known in advance."""

from pathlib import Path

import pytest
from spacy.tokens import DocBin

from vner.annotation.convert import gold_docs
from vner.model.nlp import make_nlp

@pytest.fixture
def tinier(tiny_overrides):
    """Config overrides for the shortest useful training (cross-validation, curves: only the plumbing matters)."""
    return {**tiny_overrides, "training.max_steps": 10, "training.eval_frequency": 10}


@pytest.fixture(scope="session")
def seed_docs():
    return gold_docs()


@pytest.fixture(scope="session")
def gold_spacy(seed_docs, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gold") / "seeds.spacy"
    DocBin(docs=seed_docs, store_user_data=True).to_disk(path)
    return path


def _save_ruler(path: Path, tokenizer: str, patterns: list[dict]) -> Path:
    nlp = make_nlp(tokenizer)
    nlp.add_pipe("entity_ruler").add_patterns(patterns)
    nlp.to_disk(path)
    return path


@pytest.fixture
def save_ruler():
    """Save a pipeline whose only entity component is an entity_ruler: its
    predictions are exactly its patterns' matches."""
    return _save_ruler


# Knows PERSON, RANK, ORG, PROVINCE but not QUANTITY; "Lào" as PERSON is
# always wrong and "Nghệ An" as PROVINCE is wrong inside "Công an tỉnh Nghệ An".
RULER_PATTERNS = [
    {"label": "RANK", "pattern": "Đại tá"},
    {"label": "RANK", "pattern": "Thiếu tướng"},
    {"label": "ORG", "pattern": "Bộ Công an"},
    {"label": "PROVINCE", "pattern": "Nghệ An"},
    {"label": "PERSON", "pattern": "Lào"},
]


@pytest.fixture
def ruler_patterns():
    return list(RULER_PATTERNS)


@pytest.fixture(scope="session")
def ruler_model(tmp_path_factory) -> Path:
    return _save_ruler(tmp_path_factory.mktemp("ruler") / "model", "syllable", RULER_PATTERNS)
