"""How sure the model is about a document, from spaCy's beam search.

The `ner` component can parse with a beam even when it was trained greedily:
`beam_parse` keeps the `width` best analyses of a document with their
probabilities. A span's confidence is the probability mass of the analyses
that contain it; a token's is the mass of its most likely label (or O). The
task score is the mean token confidence: 1.0 when every analysis agrees,
lower when the model hesitates. Sorting a project by it, lowest first, puts
the documents the model is least sure about first.
"""

from spacy.language import Language
from spacy.tokens import Doc

from vner.model.nlp import ner_enabled

BEAM_WIDTH = 8


def scored_docs(nlp: Language, texts: list[str], *, width: int = BEAM_WIDTH) -> list[tuple[Doc, dict, float | None]]:
    """For each text: the pipeline's Doc, a confidence per entity span
    `(start_char, end_char, label)`, and the task score (None without `ner`)."""
    docs = list(nlp.pipe(texts))
    if "ner" not in nlp.component_names:
        return [(doc, {}, None) for doc in docs]
    ner = nlp.get_pipe("ner")
    with ner_enabled(nlp):  # a model whose dev gate keeps the rules' entities skips its NER; its doubt still ranks
        before = nlp.pipe_names[: nlp.pipe_names.index("ner")]
        with nlp.select_pipes(enable=before):
            inputs = list(nlp.pipe(texts))
        beams = ner.beam_parse(inputs, beam_width=width) if inputs else []
    out = []
    for doc, beam in zip(docs, beams):
        parses = ner.moves.get_beam_parses(beam)
        total = sum(p for p, _ in parses) or 1.0
        span_mass: dict[tuple[int, int, str], float] = {}
        token_mass = [dict() for _ in range(len(doc))]
        for prob, ents in parses:
            prob /= total
            for start, end, label in ents:
                label = label if isinstance(label, str) else nlp.vocab.strings[label]
                span_mass[(start, end, label)] = span_mass.get((start, end, label), 0.0) + prob
                for i in range(start, end):
                    token_mass[i][label] = token_mass[i].get(label, 0.0) + prob
        confidences = {}
        for ent in doc.ents:
            confidences[(ent.start_char, ent.end_char, ent.label_)] = round(span_mass.get((ent.start, ent.end, ent.label_), 0.0), 4)
        per_token = [max([1.0 - sum(m.values()), *m.values()]) for m in token_mass]
        score = round(sum(per_token) / len(per_token), 4) if per_token else 1.0
        out.append((doc, confidences, score))
    return out
