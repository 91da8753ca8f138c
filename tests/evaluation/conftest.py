"""Fixtures for the evaluation tests: the seed gold, a tiny trained model and
rule-based models whose predictions are known in advance."""

from pathlib import Path

import pytest
from spacy.tokens import DocBin

from vner.annotation.convert import gold_docs
from vner.model.nlp import make_nlp

# A model small enough to train in seconds that still finds some entities.
TINY = {
    "training.max_steps": 40,
    "training.eval_frequency": 20,
    "training.logger.progress_bar": False,
    "training.optimizer.learn_rate": 0.01,
    "training.dropout": 0.0,
    "training.batcher.size.start": 1000,
    "training.batcher.size.stop": 1000,
    "components.tok2vec.model.encode.width": 32,
    "components.tok2vec.model.encode.depth": 1,
    "components.ner.model.hidden_width": 32,
}
# Fewer steps where only the plumbing matters (cross-validation, curves).
TINIER = {**TINY, "training.max_steps": 10, "training.eval_frequency": 10}


@pytest.fixture
def tinier():
    """Config overrides for the shortest useful training."""
    return dict(TINIER)


@pytest.fixture(scope="session")
def seed_docs():
    return gold_docs()


@pytest.fixture(scope="session")
def gold_spacy(seed_docs, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gold") / "seeds.spacy"
    DocBin(docs=seed_docs, store_user_data=True).to_disk(path)
    return path


@pytest.fixture(scope="session")
def tiny_model(seed_docs, tmp_path_factory) -> Path:
    """A tok2vec+ner pipeline (syllable tokenizer) trained briefly on the seeds."""
    from vner.training.train import train

    return train(seed_docs, seed_docs, tmp_path_factory.mktemp("tiny"), overrides=TINY, seed=0, quiet=True)


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
