"""The README of a model package: what it recognises, its data, scores, limits.

The text is the template ``model_card.md`` beside this module (Jinja2);
scores come in vner's one score format (``vner.evaluation.metrics``).
"""

from __future__ import annotations

from pathlib import Path

from vner.core.resources import GUIDELINES_PATH
from vner.core.scheme import load_scheme

TEMPLATE = Path(__file__).with_name("model_card.md")
AVERAGES = ("micro", "macro", "weighted")

def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def training_data(config, model: Path | None = None) -> str:
    """Describe the training corpus named in the config: the documents and
    entities of its train/dev DocBins when they are still there."""
    from spacy.tokens import DocBin

    from vner.model.nlp import make_nlp

    paths = config.get("paths", {})
    train = paths.get("train")
    if not isinstance(train, str) or not train:
        return "Not recorded in the pipeline's config."
    text = f"Trained on `{train}`"
    bases = [Path.cwd()] + ([Path(model).resolve().parents[1]] if model is not None else [])
    counts = []
    for name, value in (("training", train), ("development", paths.get("dev"))):
        if not isinstance(value, str) or Path(value).suffix != ".spacy":
            continue
        found = next((base / value for base in bases if (base / value).is_file()), None)
        if found is None:
            return text + "."
        try:
            docs = list(DocBin().from_disk(found).get_docs(make_nlp().vocab))
        except Exception:  # not a DocBin (any more): describe by name only
            return text + "."
        entities: dict[str, int] = {}
        for doc in docs:
            for ent in doc.ents:
                entities[ent.label_] = entities.get(ent.label_, 0) + 1
        listing = ", ".join(f"{k} {v}" for k, v in sorted(entities.items()))
        total = _plural(sum(entities.values()), "entity", "entities")
        written = sum(1 for doc in docs if doc.user_data.get("written"))  # vner.annotation.markup.written_docs
        own = f"; {written} of the documents are the team's written articles (training/written/)" if written else ""
        counts.append(f"{name}: {_plural(len(docs), 'document')}, {total}" + (f" ({listing}{own})" if listing else ""))
    return text + (":\n\n" + "\n".join(f"- {c}" for c in counts) if counts else ".")


def metrics_note(evaluation: dict | None, source: str | None) -> str:
    """One sentence saying where the card's scores come from."""
    if not evaluation:
        return "spaCy's entity scores on the development set at the end of training, in % (the model was packaged without `--eval` or `--metrics`)."
    on = f" on `{evaluation['data']}`" if evaluation.get("data") else ""
    detail = [str(evaluation["part"])] if evaluation.get("part") else []
    if evaluation.get("documents"):
        detail.append(_plural(evaluation["documents"], "document"))
    on += f" ({', '.join(detail)})" if detail else ""
    return f"Strict entity-level seqeval scores (IOB2){on}, in %" + (f"; from `{source}`." if source else ".")


def model_card(meta: dict, config, *, package: str, wheel: str, scores: dict | None, note: str, model: Path | None = None) -> str:
    """Render ``model_card.md`` for a built package's meta and config."""
    import jinja2

    scheme = {label.name: label.description for label in load_scheme()}
    labels = [(label, scheme.get(label, "(not in the vner scheme)")) for label in meta.get("labels", {}).get("ner", [])]
    tokenizer = config["nlp"].get("tokenizer", {}).get("@tokenizers", "spaCy default")
    env = jinja2.Environment(autoescape=False, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    return env.from_string(TEMPLATE.read_text(encoding="utf-8")).render(
        package=package,
        version=meta["version"],
        description=meta.get("description") or "",
        spacy_version=meta.get("spacy_version", ""),
        pipeline=", ".join(f"`{p}`" for p in meta.get("pipeline", [])),
        wheel=wheel,
        labels=labels,
        training_data=training_data(config, model),
        metrics=scores,
        metrics_note=note,
        averages=[a for a in AVERAGES if scores and a in scores],
        pct=_pct,
        guidelines="docs/" + GUIDELINES_PATH.name,
        tokenizer=f"`{tokenizer}`",
        requirements=", ".join(f"`{r}`" for r in meta.get("requirements", [])) or "none",
        license=meta.get("license") or "not stated",
        author=meta.get("author") or "",
    )
