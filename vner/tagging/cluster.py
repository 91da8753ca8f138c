"""`vner tag --scheduler`: the tagging spread over a Dask (`distributed`) cluster.

Partitions of documents go to the workers as tasks; each worker process
loads the model once (a module-level cache keyed by the model) and returns
the formatted records, so the output is byte for byte what one process
writes. At most `window` partitions are in flight and results are taken in
submission order, so memory stays bounded and OUT comes out in order.

Workers need vner installed (`pip install 'vner[cluster]'`) and the model:
the same path on a shared filesystem, or an installed model package.
Dask is imported only here, only when a scheduler is given.
"""

import itertools
import threading
from collections import deque
from typing import Iterable, Iterator

from vner.core.documents import Document
from vner.core.errors import VnerError

from .tag import Tagged, Tagger, load_model

_MODELS: dict[str, tuple] = {}
_LOCK = threading.Lock()


def _worker_tagger(model: str, fmt: str, with_text: bool) -> Tagger:
    if model not in _MODELS:
        _MODELS[model] = load_model(model)
    return Tagger(*_MODELS[model], fmt=fmt, with_text=with_text)


def model_info(model: str) -> tuple[list[str], str]:
    """Load the model on a worker (a missing or non-NER model fails here, before any work)."""
    with _LOCK:
        tagger = _worker_tagger(model, "jsonl", True)
    return tagger.labels, tagger.model_version


def tag_partition(model: str, fmt: str, with_text: bool, docs: list[tuple[str, str, dict]]) -> list[Tagged]:
    """Runs on a worker: the records of one partition, in order."""
    # One model per worker process, used by one thread at a time (spaCy
    # pipelines are not thread-safe); run workers with --nthreads 1.
    with _LOCK:
        tagger = _worker_tagger(model, fmt, with_text)
        return list(tagger.tag(Document(*d) for d in docs))


def connect(scheduler: str, model: str, timeout: float = 10):
    """A Client of the cluster, once a worker has loaded the model."""
    try:
        from distributed import Client
    except ImportError:
        raise VnerError("Dask is not installed", "--scheduler needs the `distributed` package",
                        "pip install 'vner[cluster]' (on this machine and on the workers).") from None
    try:
        client = Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise VnerError("Cannot reach the Dask scheduler", f"{scheduler}: {e}",
                        "Start one (`dask scheduler`, then `dask worker tcp://HOST:8786` on each machine) and pass its address.") from None
    try:
        try:
            client.wait_for_workers(1, timeout=60)
        except TimeoutError:
            raise VnerError("No Dask workers", f"{scheduler} has no worker after 60 s",
                            "Start workers: `dask worker tcp://HOST:8786 --nthreads 1` (vner and the model installed).") from None
        try:
            client.submit(model_info, model, pure=False).result()
        except VnerError as e:
            raise VnerError(e.title, f"on a Dask worker: {e.detail}",
                            f"{e.fix} Workers load the model themselves: give a path they can read or an installed model package.") from None
    except BaseException:
        client.close()
        raise
    return client


def tag_on_cluster(client, model: str, docs: Iterable[Document], fmt: str, with_text: bool, *,
                   partition_size: int = 200, window: int | None = None) -> Iterator[Tagged]:
    """Tagged documents in input order, computed on the cluster's workers; closes `client` at the end."""
    try:
        window = window or max(2, 2 * sum(client.nthreads().values()))
        inflight: deque = deque()
        for batch in _partitions(docs, partition_size):
            inflight.append(client.submit(tag_partition, model, fmt, with_text, batch, pure=False))
            if len(inflight) >= window:
                yield from inflight.popleft().result()
        while inflight:
            yield from inflight.popleft().result()
    finally:
        client.close()


def _partitions(docs: Iterable[Document], size: int) -> Iterator[list[tuple[str, str, dict]]]:
    it = iter(docs)
    while batch := [(d.id, d.text, d.meta) for d in itertools.islice(it, size)]:
        yield batch
