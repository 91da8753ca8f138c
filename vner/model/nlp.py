"""Blank Vietnamese pipelines with the project's tokenizers, and loading trained ones."""

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import spacy
from spacy.language import Language

from . import features as _features  # noqa: F401  (registers vner_rule_features)
from . import ruler as _ruler  # noqa: F401  (registers the rules-stage components)
from . import tokenizer as _tokenizer  # noqa: F401  (registers vner.SyllableTokenizer.v1)
from ..core.errors import VnerError

TOKENIZERS = {
    # Syllables, punctuation split off: every gold span aligns.
    "syllable": {"@tokenizers": "vner.SyllableTokenizer.v1"},
    # pyvi word segmentation (spaCy's own Vietnamese tokenizer).
    "pyvi": {"@tokenizers": "spacy.vi.VietnameseTokenizer", "use_pyvi": True},
}


def make_nlp(tokenizer: str = "syllable") -> Language:
    """A blank `vi` pipeline with the named tokenizer ("syllable" or "pyvi")."""
    if tokenizer not in TOKENIZERS:
        raise VnerError("Unknown tokenizer", repr(tokenizer), f"Use one of: {', '.join(TOKENIZERS)}.")
    return spacy.blank("vi", config={"nlp": {"tokenizer": TOKENIZERS[tokenizer]}})


def check_pipeline_dir(path: Path) -> Path:
    """Refuse, with the fix, a path that is not a saved spaCy pipeline directory."""
    path = Path(path)
    fix = "Pass a trained pipeline directory such as training-output/model-best (it holds config.cfg and meta.json)."
    if (path / "model-best" / "config.cfg").is_file():
        fix = f"Did you mean {path / 'model-best'}? A training output holds the pipeline in model-best/."
    if not path.exists():
        raise VnerError("Model not found", str(path), fix)
    if not path.is_dir():
        raise VnerError("Not a spaCy pipeline", f"{path} is a file, not a pipeline directory", fix)
    missing = [name for name in ("config.cfg", "meta.json") if not (path / name).is_file()]
    if missing:
        raise VnerError("Not a spaCy pipeline", f"{path} has no {' or '.join(missing)}", fix)
    return path


def load_pipeline(path: Path) -> Language:
    """``spacy.load`` of a trained pipeline directory; anything else is a clear VnerError."""
    path = check_pipeline_dir(path)
    try:
        return spacy.load(path)
    except Exception as e:  # a broken pipeline fails in many ways; all mean the same to the user
        raise VnerError(
            "Could not load the model",
            f"{path}: {type(e).__name__}: {e}",
            f"Check that it was saved by spaCy {spacy.__version__} and that the code it needs (its tokenizer) is installed.",
        ) from None


NER_FACTORIES = ("ner", "beam_ner")


def statistical_pipes(nlp: Language) -> list[str]:
    """The NER components and the tok2vec layers only they listen to, in pipeline order.

    What `vner train` disables when the dev gate keeps the rules' entities
    only: their output would be dropped, so computing it is wasted time.
    """
    ners = {n for n in nlp.component_names if nlp.get_pipe_meta(n).factory in NER_FACTORIES}

    def feeds_only_ner(name: str) -> bool:
        if nlp.get_pipe_meta(name).factory != "tok2vec":
            return False
        listeners = set(nlp.get_pipe(name).listening_components)
        return bool(listeners) and listeners <= ners

    return [n for n in nlp.component_names if n in ners or feeds_only_ner(n)]


@contextmanager
def ner_enabled(nlp: Language) -> Iterator[Language]:
    """``nlp`` with its NER running and adding to the rules, whatever the dev gate chose; restored after.

    For what needs the NER itself: the "NER alone" of `vner crossval`, the
    model's confidence for active learning, the rules-cost benchmark.
    """
    idle = [n for n in statistical_pipes(nlp) if n in nlp.disabled]
    gates = [nlp.get_pipe(n) for n in nlp.component_names if hasattr(nlp.get_pipe(n), "ner_adds")]
    kept = [g.ner_adds for g in gates]
    for name in idle:
        nlp.enable_pipe(name)
    for gate in gates:
        gate.ner_adds = True
    try:
        yield nlp
    finally:
        for gate, was in zip(gates, kept):
            gate.ner_adds = was
        for name in idle:
            nlp.disable_pipe(name)


def entity_labels(nlp: Language, path: Path, fix: str) -> list[str]:
    """The entity labels ``nlp`` predicts; a VnerError (``fix`` says what to
    pass instead) if it has no component that sets ``doc.ents``, or no labels."""
    # component_names: a NER the dev gate switched off still holds the model's labels.
    entity_pipes = [name for name in nlp.component_names if "doc.ents" in nlp.get_pipe_meta(name).assigns]
    if not entity_pipes:
        raise VnerError("Model does not predict entities", f"{path}: its pipeline {nlp.pipe_names} has no `ner` component", fix)
    labels = sorted({label for name in entity_pipes for label in getattr(nlp.get_pipe(name), "labels", ())})
    if not labels:
        raise VnerError("Model has no entity labels", f"{path}: components {entity_pipes} know no labels", "Train it on annotated data first.")
    return labels


def setup_gpu(gpu_id: int, task: str) -> None:
    """Use GPU ``gpu_id`` (-1: the CPU); ``task`` ("Train", "Evaluate") words the fix."""
    if gpu_id < 0:
        return
    from thinc.api import require_gpu

    try:
        require_gpu(gpu_id)
    except Exception as e:
        raise VnerError("GPU not available", f"--gpu-id {gpu_id}: {e}", f"{task} on the CPU with --gpu-id -1.") from None
