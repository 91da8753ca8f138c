"""Train a spaCy NER pipeline from Docs with the committed config.

`train` is the one entry point: the CLI calls it, and so do cross-validation
and learning curves in `vner.evaluation`. It writes the Docs as DocBins
next to the model (so a run can be repeated with `spacy train`), passes the
corpus paths to spaCy as config overrides (the config file is never edited),
and leaves `model-best` and `model-last` in the output directory.
"""

from __future__ import annotations

import io
import logging
import sys
from pathlib import Path
from typing import IO, Any, Sequence

import spacy
from catalogue import RegistryError
from spacy.tokens import Doc, DocBin

from vner.model import tokenizer as _tokenizer  # noqa: F401  (registers vner.SyllableTokenizer.v1)
from vner.core.errors import VnerError
from vner.core.files import write_bytes_atomic, write_text_atomic
from vner.model.nlp import setup_gpu
from vner.model.ruler import is_helper
from vner.core.resources import CONFIGS

logger = logging.getLogger(__name__)

DEFAULT_CONFIG = CONFIGS / "ner.cfg"
TRAINING_LOG = "training.log"


def train(
    train_docs: Sequence[Doc],
    dev_docs: Sequence[Doc] | None,
    output: Path,
    *,
    config: Path = DEFAULT_CONFIG,
    overrides: dict[str, Any] | None = None,
    use_gpu: int = -1,
    seed: int | None = None,
    quiet: bool = False,
    dev_fraction: float = 0.2,
) -> Path:
    """Train on `train_docs`, select the best model on `dev_docs`; return model-best.

    Without dev docs, a `dev_fraction` of the training documents (whole
    documents, never parts of one) is held out. `seed` overrides the config's
    `system.seed` and also fixes that split. The training table is written to
    `output/training.log` and, unless `quiet`, to the terminal.
    """
    from spacy import util
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_nlp

    output = Path(output)
    config = Path(config)
    train_docs = list(train_docs)
    dev_docs = list(dev_docs or [])
    check_corpus(train_docs, "training data")
    overrides = dict(overrides or {})
    for key in ("paths.train", "paths.dev"):
        if key in overrides:
            raise VnerError("Override not allowed", f"--{key}", "vner train writes the corpus itself: pass the data (and --dev) instead.")
    corpus = output / "corpus"
    overrides["paths.train"] = str(corpus / "train.spacy")
    overrides["paths.dev"] = str(corpus / "dev.spacy")
    if seed is not None:
        overrides["system.seed"] = seed
    cfg = load_training_config(config, overrides)
    overrides.update(_rules_overrides(cfg, train_docs, overrides))
    cfg = load_training_config(config, overrides)
    if not dev_docs:
        train_docs, dev_docs = split_train_dev(train_docs, dev_fraction=dev_fraction, seed=0 if seed is None else seed)
        check_corpus(train_docs, "training data (after holding out dev documents)")
    setup_gpu(use_gpu, "Train")
    write_docbin(corpus / "train.spacy", train_docs)
    write_docbin(corpus / "dev.spacy", dev_docs)

    log = io.StringIO()
    stdout: IO[str] = log if quiet else _Tee(sys.stdout, log)
    stderr: IO[str] = io.StringIO() if quiet else sys.stderr
    logger.info("Training on %d documents, selecting on %d", len(train_docs), len(dev_docs))
    try:
        try:
            nlp = init_nlp(cfg, use_gpu=use_gpu)
        except (util.ConfigValidationError, RegistryError) as e:
            raise VnerError("Invalid training config", f"{config}: {e}", "Fix the config or the --section.key overrides.") from None
        train_nlp(nlp, output, use_gpu=use_gpu, stdout=stdout, stderr=stderr)
    finally:
        write_text_atomic(output / TRAINING_LOG, log.getvalue())
    return output / "model-best"


def load_training_config(config: Path, overrides: dict[str, Any] | None = None):
    """Load and check a training config with overrides, raising VnerError when it is unusable."""
    from spacy import util

    config = Path(config)
    if not config.is_file():
        raise VnerError("Config not found", str(config), "Pass an existing .cfg file with --config, e.g. configs/ner.cfg.")
    try:
        cfg = util.load_config(config, overrides=overrides or {}, interpolate=False)
        # Interpolating resolves ${...} references: a typo there fails here, not mid-training.
        cfg.interpolate()
    except util.ConfigValidationError as e:
        raise VnerError("Invalid training config", f"{config}: {e}", "Fix the config or the --section.key overrides.") from None
    except Exception as e:  # confection raises plain parser errors for malformed files
        raise VnerError("Invalid training config", f"{config}: {type(e).__name__}: {e}", "Check the file is a spaCy config (see `spacy init config`).") from None
    for section in ("nlp", "components", "training", "corpora"):
        if section not in cfg:
            raise VnerError("Invalid training config", f"{config}: no [{section}] section", "Start from configs/ner.cfg.")
    for key in overrides or {}:
        if not _has_key(util.load_config(config, interpolate=False), key):
            raise VnerError(
                "Invalid training config",
                f"--{key}: no such setting in {config}",
                "Check the spelling against the config (e.g. --training.max_steps 200).",
            )
    return cfg


def _has_key(cfg, dotted: str) -> bool:
    node = cfg
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def _rules_overrides(cfg, train_docs: Sequence[Doc], overrides: dict[str, Any]) -> dict[str, Any]:
    """Keep the rules stage to the labels of the training data.

    Data with other labels (PER/LOC) must not get PROVINCE spans from our
    gazetteer: the resolver keeps only labels the data has, and with none
    in common the whole rules stage is disabled.
    """
    from vner.model.patterns import RULES_PATTERNS, rules_patterns

    cfg = cfg.interpolate()  # the pattern path may be ${paths.patterns}
    components = cfg.get("components", {})
    inits = cfg.get("initialize", {}).get("components", {}) or {}
    rulers = {
        name: init["patterns"] for name, init in inits.items()
        if isinstance(init, dict) and isinstance(init.get("patterns"), dict) and init["patterns"].get("@misc") == RULES_PATTERNS
    }
    resolvers = [name for name, comp in components.items() if comp.get("factory") == "vner_rules_resolve"]
    if not rulers:
        return {}
    rule_labels = {
        p["label"] for init in rulers.values()
        for p in rules_patterns(init.get("path"), init.get("second_pass", False)) if not is_helper(p["label"])
    }
    keep = sorted(rule_labels & {e.label_ for doc in train_docs for e in doc.ents})
    if keep == sorted(rule_labels):
        return {}
    extra: dict[str, Any] = {}
    if keep:
        for name in resolvers:
            if f"components.{name}.labels" not in overrides:
                extra[f"components.{name}.labels"] = keep
        return extra
    stage = [*rulers, *resolvers, *(n for n, c in components.items() if c.get("factory") in ("vner_tone_norm", "vner_token_classes"))]
    disabled = list(cfg["nlp"].get("disabled", []))
    if "nlp.disabled" not in overrides:
        logger.info("The training data has none of the rule labels: rules stage (%s) disabled", ", ".join(stage))
        extra["nlp.disabled"] = disabled + [n for n in stage if n not in disabled]
    return extra


def check_corpus(docs: Sequence[Doc], what: str) -> None:
    """Refuse a corpus that cannot train anything: no documents, or no entities."""
    if not docs:
        raise VnerError(f"Empty {what}", "no documents", "Pass annotated documents (Label Studio export, .spacy, CoNLL or JSONL).")
    if not any(doc.ents for doc in docs):
        raise VnerError(f"No entities in {what}", f"{len(docs)} documents, 0 entity spans", "Annotate some documents first, or check the tags column of the input.")


def split_train_dev(docs: Sequence[Doc], *, dev_fraction: float = 0.2, seed: int = 0) -> tuple[list[Doc], list[Doc]]:
    """Hold out whole documents for dev, grouped by `doc.user_data["id"]`.

    Parts of one document (sentences of a CoNLL file share its id) never end
    up on both sides, so the dev score is not inflated by near-copies.

    >>> from vner.model.nlp import make_nlp
    >>> nlp = make_nlp()
    >>> docs = [nlp(f"văn bản {i}") for i in range(10)]
    >>> for i, d in enumerate(docs): d.user_data["id"] = str(i)
    >>> train_docs, dev_docs = split_train_dev(docs, dev_fraction=0.2)
    >>> len(train_docs), len(dev_docs)
    (8, 2)
    """
    if not 0 < dev_fraction < 1:
        raise VnerError("Invalid dev fraction", str(dev_fraction), "Use a number between 0 and 1, e.g. 0.2.")
    from vner.annotation.convert import split_groups

    docs = list(docs)
    groups = [str(doc.user_data.get("group", doc.user_data.get("id", i))) for i, doc in enumerate(docs)]
    if len(set(groups)) < 2:
        raise VnerError(
            "Cannot hold out a dev set",
            f"the training data is a single document ({groups[0] if groups else 'none'})",
            "Pass a dev set with --dev, or more documents.",
        )
    dev = split_groups(groups, dev_fraction, seed)
    return [d for d, g in zip(docs, groups) if g not in dev], [d for d, g in zip(docs, groups) if g in dev]


def write_docbin(path: Path, docs: Sequence[Doc]) -> None:
    """Save Docs (with their ids and meta) as a DocBin, atomically.

    Docs without sentence boundaries get one sentence per paragraph, so a
    config can train on paragraphs (`[corpora.train] max_length`) instead of
    on whole articles: many more, smaller updates from a small corpus.
    """
    write_bytes_atomic(path, DocBin(docs=[with_paragraphs(doc) for doc in docs], store_user_data=True).to_bytes())


def with_paragraphs(doc: Doc) -> Doc:
    """A copy of `doc` whose sentences are its paragraphs (split after newlines).

    >>> from vner.model.nlp import make_nlp
    >>> doc = with_paragraphs(make_nlp()("Hội nghị.\\n\\nĐại tá Lê Văn Thái"))
    >>> [s.text for s in doc.sents]
    ['Hội nghị.\\n\\n', 'Đại tá Lê Văn Thái']
    """
    if doc.has_annotation("SENT_START") or not len(doc):
        return doc
    doc = doc.copy()
    for i, token in enumerate(doc):
        token.is_sent_start = i == 0 or (doc[i - 1].is_space and "\n" in doc[i - 1].text and not token.is_space)
    return doc


class _Tee(io.TextIOBase):
    """Write to several streams at once (the terminal and the training log)."""

    def __init__(self, *streams: IO[str]):
        self.streams = streams

    def write(self, s: str) -> int:
        for stream in self.streams:
            stream.write(s)
        return len(s)

    def flush(self) -> None:
        for stream in self.streams:
            stream.flush()
