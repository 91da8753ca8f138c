"""Documents in uncertainty order: the ones the model is least sure of first.

The score is the task score of the backend's predictions (mean token
confidence from the beam, `uncertainty.scored_docs`), asked of a running
backend (`vner serve`) or computed with a pipeline loaded here. Pushing in
this order makes the project's default order (task ids) the uncertainty
order; the Data Manager's "Prediction score" column sorts the same way.
"""

from pathlib import Path
from typing import Sequence

from vner.core.documents import Document
from vner.core.errors import VnerError

BATCH = 64


def backend_scores(url: str, texts: Sequence[str]) -> list[float]:
    """Task scores from a running backend's /predict."""
    import httpx

    scores: list[float] = []
    for start in range(0, len(texts), BATCH):
        tasks = [{"id": i, "data": {"text": t}} for i, t in enumerate(texts[start:start + BATCH], start)]
        try:
            response = httpx.post(f"{url.rstrip('/')}/predict", json={"tasks": tasks}, timeout=600)
            response.raise_for_status()
            results = response.json()["results"]
        except (httpx.HTTPError, ValueError, KeyError) as e:
            raise VnerError("Model backend did not score the documents", f"{url}: {e}", "Check that `vner serve` runs there.") from None
        scores += [r.get("score", 1.0) if r.get("score") is not None else 1.0 for r in results]
    return scores


def model_scores(model: Path, texts: Sequence[str]) -> list[float]:
    """Task scores from a pipeline loaded here."""
    from vner.model.nlp import load_pipeline

    from .uncertainty import scored_docs

    nlp = load_pipeline(model)
    out = []
    for start in range(0, len(texts), BATCH):
        out += [s if s is not None else 1.0 for _, _, s in scored_docs(nlp, list(texts[start:start + BATCH]))]
    return out


def by_uncertainty(docs: Sequence[Document], scores: Sequence[float]) -> list[Document]:
    """Least confident first; ties keep their order.

    >>> [d.id for d in by_uncertainty([Document("a", "x"), Document("b", "y"), Document("c", "z")], [0.9, 0.5, 0.9])]
    ['b', 'a', 'c']
    """
    return [d for _, _, d in sorted(zip(scores, range(len(docs)), docs), key=lambda x: (x[0], x[1]))]
