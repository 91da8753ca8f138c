"""Score a trained pipeline against gold documents, fairly across tokenizers.

Gold and predictions are both projected onto one reference tokenization,
the syllable tokens of `make_nlp("syllable")`, before seqeval sees them. A
model with a different tokenizer (pyvi words) is then scored on the same
token sequence as a syllable model, and IOB tags of gold and prediction
always line up. A predicted span that ends inside a syllable is widened to
the whole syllable and counted, never dropped.
"""

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from vner.core.errors import VnerError
from vner.model.nlp import check_pipeline_dir, entity_labels, load_pipeline, make_nlp, setup_gpu

from .error_analysis import Ent, Outcome, confusion_matrix, count_outcomes, label_order, match_entities
from .metrics import doc_to_iob, entity_scores

logger = logging.getLogger(__name__)

REFERENCE_TOKENIZER = "syllable"
MAX_EXAMPLES = 10
CONTEXT = 30


@dataclass
class Scored:
    """Gold and predictions of each document on the reference tokens."""

    ids: list[str] = field(default_factory=list)
    gold: list[Doc] = field(default_factory=list)
    pred: list[Doc] = field(default_factory=list)
    alignment: Counter = field(default_factory=Counter)
    alignment_examples: dict = field(default_factory=dict)

    def iob(self) -> tuple[list[list[str]], list[list[str]]]:
        return [doc_to_iob(d) for d in self.gold], [doc_to_iob(d) for d in self.pred]

    def outcomes(self) -> list[list[Outcome]]:
        return [match_entities(_ents(g), _ents(p)) for g, p in zip(self.gold, self.pred)]

    def extend(self, other: "Scored") -> None:
        self.ids += other.ids
        self.gold += other.gold
        self.pred += other.pred
        self.alignment.update(other.alignment)
        for key, items in other.alignment_examples.items():
            bucket = self.alignment_examples.setdefault(key, [])
            bucket.extend(items[: MAX_EXAMPLES - len(bucket)])


ALIGNMENT_CASES = {
    "pred_expanded": "predicted spans not on syllable boundaries (widened to whole syllables)",
    "gold_expanded": "gold spans not on syllable boundaries (widened to whole syllables)",
    "pred_overlap_dropped": "predicted spans that overlapped another after widening (shorter one dropped)",
    "gold_overlap_dropped": "gold spans that overlapped another after widening (shorter one dropped)",
}


def load_model(model_path: Path, gpu_id: int = -1) -> tuple[Language, list[str]]:
    """Load a spaCy pipeline and return it with the entity labels it predicts."""
    path = check_pipeline_dir(model_path)
    setup_gpu(gpu_id, "Evaluate")
    nlp = load_pipeline(path)
    return nlp, entity_labels(nlp, path, "Evaluate a pipeline trained with `vner train`.")


def load_gold(data: Path) -> tuple[list[Doc], str]:
    """Gold documents from anything `vner train` reads, and which part they are.

    When the data has its own split, only the part never trained on is
    scored: a dataset's test split, else a corpus folder's `dev.spacy` (or a
    dataset's dev split). Otherwise every document is gold.
    """
    from vner.training.corpus import read_corpus

    path = Path(data)
    corpus = read_corpus(path, make_nlp(REFERENCE_TOKENIZER))
    if corpus.held_out:
        docs, part = corpus.held_out, "held-out (test) split"
    elif corpus.dev:
        docs, part = corpus.dev, "dev split"
    elif corpus.own_split and (path / "dev.spacy").is_file():
        raise VnerError("Empty dev set", f"{path / 'dev.spacy'} has no documents", "Convert again with a --dev-fraction above 0, or pass another data file.")
    else:
        docs, part = corpus.train, "all documents"
    if not docs:
        raise VnerError("Empty corpus", f"{path} has no documents", "Pass annotated documents (Label Studio export, .spacy, CoNLL or JSONL).")
    logger.info("Evaluating on %s: %s (%d documents)", path, part, len(docs))
    return docs, part


def load_docs(data: Path) -> list[Doc]:
    """Every document of anything `vner train` reads (a corpus folder: train
    and dev together), for cross-validation."""
    from vner.training.corpus import read_corpus

    docs = read_corpus(Path(data), make_nlp(REFERENCE_TOKENIZER)).documents()
    if not docs:
        raise VnerError("Empty corpus", f"{data} has no documents", "Pass annotated documents (Label Studio export, .spacy, CoNLL or JSONL).")
    return docs


def doc_ids(docs: Sequence[Doc]) -> list[str]:
    """Each Doc's `user_data["id"]`, or its position when it has none."""
    return [str(doc.user_data.get("id", f"doc-{i}")) for i, doc in enumerate(docs)]


def predict(nlp: Language, gold_docs: Sequence[Doc], *, progress: bool = True) -> Scored:
    """Run `nlp` on the gold texts; project gold and predictions onto syllables."""
    from tqdm import tqdm

    reference = make_nlp(REFERENCE_TOKENIZER)
    scored = Scored()
    ids = doc_ids(gold_docs)
    texts = (doc.text for doc in gold_docs)
    stream = tqdm(nlp.pipe(texts), total=len(gold_docs), desc="Evaluating", unit="doc", disable=not progress, leave=False)
    for doc_id, gold, pred in zip(ids, gold_docs, stream):
        if pred.text != gold.text:
            raise VnerError(
                "Model tokenizer changed the text",
                f"document {doc_id}: the predicted Doc's text differs from the gold text",
                "Evaluate with a tokenizer that keeps the text as it is (any spaCy tokenizer does).",
            )
        gold_ref = reference.make_doc(gold.text)
        if "capability" in gold.user_data:
            gold_ref.user_data["capability"] = gold.user_data["capability"]
        pred_ref = reference.make_doc(gold.text)
        gold_ref.set_ents(_project(gold_ref, gold.ents, "gold", doc_id, scored))
        pred_ref.set_ents(_project(pred_ref, pred.ents, "pred", doc_id, scored))
        scored.ids.append(doc_id)
        scored.gold.append(gold_ref)
        scored.pred.append(pred_ref)
    return scored


def _project(ref: Doc, ents: Iterable[Span], side: str, doc_id: str, scored: Scored) -> list[Span]:
    spans = []
    for ent in ents:
        span = ref.char_span(ent.start_char, ent.end_char, ent.label_, alignment_mode="strict")
        if span is None:
            span = ref.char_span(ent.start_char, ent.end_char, ent.label_, alignment_mode="expand")
            _count(scored, f"{side}_expanded", {"doc": doc_id, "label": ent.label_, "span": ent.text, "widened to": span.text if span is not None else None})
        if span is not None:
            spans.append(span)
    kept = filter_spans(spans)
    unclaimed = Counter((s.start, s.end, s.label_) for s in kept)
    for span in spans:
        key = (span.start, span.end, span.label_)
        if unclaimed[key]:
            unclaimed[key] -= 1
        else:
            _count(scored, f"{side}_overlap_dropped", {"doc": doc_id, "label": span.label_, "span": span.text})
    return kept


def _count(scored: Scored, case: str, example: dict) -> None:
    scored.alignment[case] += 1
    bucket = scored.alignment_examples.setdefault(case, [])
    if len(bucket) < MAX_EXAMPLES:
        bucket.append(example)


def _ents(doc: Doc) -> list[Ent]:
    return [Ent(e.start_char, e.end_char, e.label_) for e in doc.ents]


def score(scored: Scored, model_labels: Sequence[str] | None = None) -> dict:
    """Scores, counts, error breakdown and confusion matrix as plain data."""
    y_true, y_pred = scored.iob()
    outcomes = scored.outcomes()
    flat = [o for doc_outcomes in outcomes for o in doc_outcomes]
    gold_counts = Counter(e.label_ for d in scored.gold for e in d.ents)
    pred_counts = Counter(e.label_ for d in scored.pred for e in d.ents)
    unknown = sorted(set(gold_counts) - set(model_labels)) if model_labels is not None else []
    warnings = []
    if unknown:
        warnings.append(
            f"The model does not know the gold label(s) {', '.join(unknown)}: "
            f"their {sum(gold_counts[label] for label in unknown)} gold entities can only be missed."
        )
    for case, n in scored.alignment.items():
        if n:
            warnings.append(f"{n} {ALIGNMENT_CASES[case]}.")
    examples: dict[str, list] = {}
    by_document = {}
    for doc_id, doc_outcomes, gold in zip(scored.ids, outcomes, scored.gold):
        doc_counts = {c: n for c, n in count_outcomes(doc_outcomes).items() if n and c != "correct"}
        if doc_counts:
            by_document[doc_id] = doc_counts
        for o in doc_outcomes:
            if o.category != "correct" and len(examples.setdefault(o.category, [])) < MAX_EXAMPLES:
                examples[o.category].append(describe(o, gold.text, doc_id))
    capabilities = capability_scores(scored)
    return {
        "documents": len(scored.ids),
        "reference_tokenizer": REFERENCE_TOKENIZER,
        "scores": entity_scores(y_true, y_pred),
        "counts": {
            "gold": {label: gold_counts[label] for label in label_order(gold_counts)},
            "predicted": {label: pred_counts[label] for label in label_order(pred_counts)},
            "gold_total": sum(gold_counts.values()),
            "predicted_total": sum(pred_counts.values()),
        },
        "errors": {"counts": count_outcomes(flat), "by_document": by_document, "examples": examples},
        "confusion": confusion_matrix(flat, labels=list(gold_counts) + list(model_labels or [])),
        "alignment": {"counts": {case: scored.alignment[case] for case in ALIGNMENT_CASES}, "examples": scored.alignment_examples},
        "model_labels": list(model_labels) if model_labels is not None else None,
        "unknown_labels": unknown,
        "warnings": warnings,
        **({"capabilities": capabilities} if capabilities else {}),
    }


def capability_scores(scored: Scored) -> dict:
    """Micro P/R/F1 (`entity_scores`) of each group of documents that carry a
    `capability` (the challenge set's), with `exact`: the share of its
    documents predicted exactly (the only useful number where no gold exists).

    >>> from vner.model.nlp import make_nlp
    >>> gold = make_nlp()("Bộ Công an")
    >>> gold.ents = [gold.char_span(0, 10, "ORG")]
    >>> gold.user_data["capability"] = "rule3-named-org"
    >>> capability_scores(Scored(ids=["a"], gold=[gold], pred=[make_nlp()("Bộ Công an")]))
    {'rule3-named-org': {'p': 0.0, 'r': 0.0, 'f': 0.0, 'support': 1, 'documents': 1, 'predicted': 0, 'exact': 0.0}}
    """
    groups: dict[str, list[int]] = {}
    for i, gold in enumerate(scored.gold):
        if "capability" in gold.user_data:
            groups.setdefault(str(gold.user_data["capability"]), []).append(i)
    result = {}
    for capability, index in groups.items():
        gold, pred = [scored.gold[i] for i in index], [scored.pred[i] for i in index]
        micro = entity_scores([doc_to_iob(d) for d in gold], [doc_to_iob(d) for d in pred])["micro"]
        exact = sum(_ents(g) == _ents(p) for g, p in zip(gold, pred))
        result[capability] = {**micro, "documents": len(index), "predicted": sum(len(d.ents) for d in pred), "exact": exact / len(index)}
    return result


def describe(outcome: Outcome, text: str, doc_id: str) -> dict:
    """One outcome as JSON: both spans with their text, and some context."""
    around = outcome.gold or outcome.pred
    if outcome.gold and outcome.pred:
        around = Ent(min(outcome.gold.start, outcome.pred.start), max(outcome.gold.end, outcome.pred.end), "")
    left = text[max(0, around.start - CONTEXT):around.start].replace("\n", " ")
    right = text[around.end:around.end + CONTEXT].replace("\n", " ")
    side = lambda e: None if e is None else {"text": text[e.start:e.end], "label": e.label, "start": e.start, "end": e.end}  # noqa: E731
    return {
        "doc": doc_id,
        "category": outcome.category,
        "gold": side(outcome.gold),
        "pred": side(outcome.pred),
        "context": f"…{left}[{text[around.start:around.end]}]{right}…",
    }


def evaluate(model_path: Path, data: Path, output_dir: Path, *, gpu_id: int = -1, progress: bool = True) -> dict:
    """Evaluate a pipeline on gold data; write metrics.json, report.md,
    confusion.png and errors.html to `output_dir`; return the metrics."""
    from .report import write_reports

    nlp, labels = load_model(model_path, gpu_id)
    gold, part = load_gold(data)
    if not any(doc.ents for doc in gold):
        raise VnerError("No gold entities", f"{data} ({part}): {len(gold)} documents without any entity", "Evaluate on annotated documents.")
    scored = predict(nlp, gold, progress=progress)
    metrics = {"model": str(model_path), "data": str(data), "part": part, **score(scored, labels)}
    for line in metrics["warnings"]:
        logger.info(line)
    write_reports(Path(output_dir), metrics, scored)
    return metrics
