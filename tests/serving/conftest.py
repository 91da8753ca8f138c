"""Fixtures for the ML backend: a tiny trained model and a real `vner serve`.

Label Studio 1.23 calls ML backends (and their webhook) on local addresses
only when started with `backend_env()`; the session's server (tests/conftest.py)
inherits the environment, and this module is imported while tests are
collected, before that server starts.
"""

import os

import pytest

from vner.serving.connect import backend_env

os.environ.update(backend_env())

# Retraining inside the backend: shorter still.
RETRAIN_ARGS = ["--training.max_steps", "10", "--training.eval_frequency", "10"]


@pytest.fixture(scope="session")
def served_model(tmp_path_factory, tiny_overrides):
    from vner.annotation.convert import gold_docs
    from vner.training.train import train

    docs = gold_docs()
    return train(docs, docs, tmp_path_factory.mktemp("served"), overrides=tiny_overrides, seed=0, quiet=True, written=False)


def _serving(served_model, output, extra_args=(), env=None):
    """`vner serve` retraining every 2 annotations, stopped when the fixture ends."""
    from vner.serving.connect import start_backend

    process = start_backend(served_model, output, extra_args=["--retrain-every", "2", "--retrain-minutes", "60",
                                                              *extra_args, *RETRAIN_ARGS], env=env)
    try:
        yield process
    finally:
        process.stop()


@pytest.fixture(scope="module")
def backend(served_model, tmp_path_factory):
    """`vner serve` in its own process on a free loopback port."""
    yield from _serving(served_model, tmp_path_factory.mktemp("backend"))


@pytest.fixture(scope="module")
def ls_backend(served_model, label_studio, tmp_path_factory):
    """`vner serve` told where the session's Label Studio is and its key (in
    the environment, not argv), as `vner annotate --model` does: its count of
    the project's annotations then catches webhooks Label Studio dropped."""
    yield from _serving(served_model, tmp_path_factory.mktemp("ls-backend"),
                        ["--url", label_studio.url, "--poll-seconds", "5"], {"LABEL_STUDIO_API_KEY": label_studio.api_key})
