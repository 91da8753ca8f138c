"""Shared fixtures: a client of the session's Label Studio (../conftest.py), tiny models.

    def test_x(label_studio, ls_client):
        label_studio.url, label_studio.api_key   # http://127.0.0.1:PORT, token
        ls_client.projects.list()                # label_studio_sdk.LabelStudio
"""

import pytest

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


@pytest.fixture(scope="session")
def tiny_overrides() -> dict:
    """Config overrides for a training of seconds (evaluation, tagging, serving tests)."""
    return dict(TINY)


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory):
    """A pipeline (rules stage, tok2vec, ner) trained briefly on the seeds, once per session.

    Without the written articles: each of its evaluations would run the pipeline over their
    170 selection articles (tests/training/test_train.py trains with them)."""
    from vner.annotation.convert import gold_docs
    from vner.training.train import train

    docs = gold_docs()
    return train(docs, docs, tmp_path_factory.mktemp("tiny"), overrides=TINY, seed=0, quiet=True, written=False)


@pytest.fixture(scope="session")
def ls_client(label_studio):
    """A `label_studio_sdk.LabelStudio` client logged in as the server's admin."""
    import httpx
    from label_studio_sdk import LabelStudio

    with httpx.Client(timeout=120) as http:
        yield LabelStudio(base_url=label_studio.url, api_key=label_studio.api_key, httpx_client=http, timeout=120)
