"""Annotated text written as markup: ``[Đại tá](RANK) [Lê Văn Thái](PERSON) thu [25kg](QUANTITY)``.

The team's own text (the challenge set, the written articles in
``training/written/``) is kept this way: readable, reviewable line by line,
and turned into Label Studio tasks (the export format of
``seeds/annotations.json``) so that every vner reader takes it. A file
holds ``## group`` headers (a capability, or one article), then one
passage a line; ``#`` lines are comments.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Sequence

from vner.core.errors import VnerError
from vner.core.resources import WRITTEN
from vner.core.scheme import labels as scheme_labels
from vner.model.persons import INITIAL_DOT

STAMP = "2026-12-01T00:00:00.000000Z"

_SPAN = re.compile(r"\[([^\[\]()]+)\]\(([A-Za-z_]+)\)")
_HEADER = re.compile(r"^## ([a-z0-9][a-z0-9-]*)$")


@dataclass(frozen=True)
class Sentence:
    """One line of a markup file: plain text and (start, end, label) spans."""

    id: str
    capability: str
    text: str
    spans: tuple[tuple[int, int, str], ...]
    line: int


def parse_markup(line: str, where: str = "<markup>", labels: Sequence[str] | None = None) -> tuple[str, list[tuple[int, int, str]]]:
    """Plain text and character spans of one markup line.

    >>> parse_markup("[Đại tá](RANK) [Lê Văn Thái](PERSON) thu [25kg](QUANTITY) ma túy.")
    ('Đại tá Lê Văn Thái thu 25kg ma túy.', [(0, 6, 'RANK'), (7, 18, 'PERSON'), (23, 27, 'QUANTITY')])
    """
    allowed = set(scheme_labels() if labels is None else labels)
    text, spans, pos = [], [], 0
    length = 0
    for m in _SPAN.finditer(line):
        before = line[pos:m.start()]
        text.append(before)
        length += len(before)
        value, label = m.group(1), m.group(2)
        if label not in allowed:
            raise VnerError("Unknown label in a markup file", f"{where}: [{value}]({label})", f"Use one of {', '.join(sorted(allowed))}.")
        if not _clean_edge(value[0]) or not (_clean_edge(value[-1]) or value[-1] in _NAME_ENDS or INITIAL_DOT.search(value)):
            raise VnerError(
                "Span with punctuation or space at its edge",
                f"{where}: [{value}]({label})",
                "Move spaces and punctuation outside the brackets (scheme rule 7).",
            )
        if label == "PERSON" and line.startswith(".", m.end()) and INITIAL_DOT.search(value + "."):
            raise VnerError(
                "An initial's dot outside its name",
                f"{where}: [{value}]({label}).",
                f"Write [{value}.]({label}): the dot of an initial is part of the name (guidelines, decided case 12).",
            )
        spans.append((length, length + len(value), label))
        text.append(value)
        length += len(value)
        pos = m.end()
    text.append(line[pos:])
    plain = "".join(text)
    leftover = re.search(r"[\[\]]|\]\(", plain)
    if leftover:
        raise VnerError(
            "Broken markup",
            f"{where}: stray {leftover.group(0)!r} in {line!r}",
            "Write entities as [text](LABEL), with no brackets or parentheses inside the text.",
        )
    return plain, spans


# Punctuation that ends a number or a name (rule 7): "40%", the outlet "Vietnam+" (session 29: two writers)
_NAME_ENDS = "%+"


def _clean_edge(ch: str) -> bool:
    return ch.isalnum()


def load_markup(path: Path, labels: Sequence[str] | None = None) -> list[Sentence]:
    """Every sentence of a markup file, checked (NFC, clean span edges,
    known labels, one header per capability)."""
    path = Path(path)
    if not path.is_file():
        raise VnerError("Markup file not found", str(path), "Pass the path of a markup file ([text](LABEL) under ## headers).")
    sentences: list[Sentence] = []
    capability = None
    seen: set[str] = set()
    counts: dict[str, int] = {}
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        where = f"{path}:{lineno}"
        if not line or (line.startswith("#") and not line.startswith("## ")):
            continue
        if line.startswith("## "):
            m = _HEADER.match(line)
            if not m:
                raise VnerError("Bad capability header", f"{where}: {line!r}", "Write `## name` with lowercase letters, digits and dashes.")
            capability = m.group(1)
            if capability in seen:
                raise VnerError("Capability header repeated", f"{where}: {capability}", "Keep each capability's sentences under one header.")
            seen.add(capability)
            continue
        if capability is None:
            raise VnerError("Line before any ## header", where, "Put a `## capability-name` header first.")
        if unicodedata.normalize("NFC", line) != line:
            raise VnerError("Markup text not in NFC", where, "Save the file in Unicode NFC (the stored form of every vner document).")
        text, spans = parse_markup(line, where, labels)
        counts[capability] = counts.get(capability, 0) + 1
        sentences.append(Sentence(f"{capability}-{counts[capability]:02d}", capability, text, tuple(spans), lineno))
    if not sentences:
        raise VnerError("Empty markup file", str(path), "Add sentences under `## capability` headers.")
    return sentences


def sentences_to_articles(sentences: Iterable[Sentence]) -> list[Sentence]:
    """The lines of each group joined by a newline into one document.

    A dev set or a news-passages section keeps one article under each header,
    a line per paragraph; scored line by line, a given name standing alone
    in a later paragraph has no full name before it, which a real article,
    one document, gives the rules' document-level steps.

    >>> a = Sentence("a-01", "a", "Ông Lò Văn Páo.", ((4, 14, "PERSON"),), 3)
    >>> b = Sentence("a-02", "a", "Páo khai.", ((0, 3, "PERSON"),), 4)
    >>> [(d.text, d.spans) for d in sentences_to_articles([a, b])]
    [('Ông Lò Văn Páo.\\nPáo khai.', ((4, 14, 'PERSON'), (16, 19, 'PERSON')))]
    """
    articles: list[Sentence] = []
    for sentence in sentences:
        last = articles[-1] if articles else None
        if last is None or last.capability != sentence.capability:
            articles.append(Sentence(f"{sentence.capability}-article", sentence.capability, sentence.text, sentence.spans, sentence.line))
            continue
        shift = len(last.text) + 1
        articles[-1] = Sentence(last.id, last.capability, f"{last.text}\n{sentence.text}",
                                last.spans + tuple((a + shift, b + shift, label) for a, b, label in sentence.spans), last.line)
    return articles


def markup_to_tasks(sentences: Iterable[Sentence]) -> list[dict]:
    """Label Studio tasks (the export format of ``seeds/annotations.json``),
    one per sentence, with ``data.capability``.

    >>> s = Sentence("x-01", "x", "Bộ Công an", ((0, 10, "ORG"),), 1)
    >>> task = markup_to_tasks([s])[0]
    >>> task["data"], task["annotations"][0]["result"][0]["value"]
    ({'id': 'x-01', 'text': 'Bộ Công an', 'capability': 'x'}, {'start': 0, 'end': 10, 'text': 'Bộ Công an', 'labels': ['ORG']})
    """
    tasks = []
    for n, s in enumerate(sentences, start=1):
        result = [
            {
                "id": f"{s.id}-{k}",
                "type": "labels",
                "from_name": "label",
                "to_name": "text",
                "origin": "manual",
                "value": {"start": start, "end": end, "text": s.text[start:end], "labels": [label]},
            }
            for k, (start, end, label) in enumerate(s.spans, start=1)
        ]
        annotation = {
            "id": n, "completed_by": 1, "was_cancelled": False, "ground_truth": True,
            "created_at": STAMP, "updated_at": STAMP, "lead_time": 0.0, "result": result,
        }
        tasks.append({
            "id": n,
            "data": {"id": s.id, "text": s.text, "capability": s.capability},
            "annotations": [annotation],
            "predictions": [],
            "meta": {},
            "created_at": STAMP,
            "updated_at": STAMP,
        })
    return tasks


def tasks_json(tasks: list[dict]) -> str:
    """The committed form of the export (stable, readable diffs)."""
    return json.dumps(tasks, ensure_ascii=False, indent=1) + "\n"


# ---------------------------------------------------------------- the team's written articles

# The rules' dev sets; the selection sets. The training sets written for the NER
# (articles_train_*.txt) are not in the default: with the default schedule they did
# not raise the selection score (README, "The team's written articles").
WRITTEN_TRAIN = ("articles_dev*.txt",)
WRITTEN_EXTRA = ("articles_train_*.txt",)
WRITTEN_SELECT = ("articles_select_*.txt",)


@dataclass(frozen=True)
class WrittenCorpus:
    """The team's written articles (``training/written/``) as Docs, one per article.

    ``train`` are the dev sets the rule writers tuned on (``articles_dev*``):
    the NER learns from them. ``select`` (``articles_select_*``) were written
    for model selection and never shown to a rule writer, so that the dev
    score, and the dev gate on the NER's additions, judge text the rules were
    not fitted to, as a user's unseen news is.
    """

    train: list
    select: list

    @property
    def entities(self) -> int:
        return sum(len(doc.ents) for doc in self.train + self.select)


def written_docs(patterns: tuple[str, ...], folder: Path | None = None, nlp=None) -> list:
    """The articles of the markup files matching ``patterns`` in ``folder`` as Docs.

    Each ``## header`` is one article, one Doc, whose ``user_data["id"]`` is
    ``FILE-STEM/header`` and ``user_data["written"]`` True (the model card
    counts them); its lines are joined by newlines.
    """
    from vner.model.nlp import make_nlp

    from .convert import labelstudio_to_docs

    folder = Path(folder) if folder is not None else WRITTEN
    nlp = nlp or make_nlp()
    docs = []
    for path in sorted({path for pattern in patterns for path in folder.glob(pattern)}):
        articles = [replace(a, id=f"{path.stem}/{a.capability}") for a in sentences_to_articles(load_markup(path))]
        docs.extend(labelstudio_to_docs(markup_to_tasks(articles), nlp))
    for doc in docs:
        doc.user_data["written"] = True
    return docs


def written_corpus(folder: Path | None = None) -> WrittenCorpus:
    """Both parts, as copies of Docs parsed once per process (crossval and
    curve train many times); a VnerError if either is missing (an
    installation without its data)."""
    corpus = _written_corpus(Path(folder) if folder is not None else WRITTEN)
    return WrittenCorpus([doc.copy() for doc in corpus.train], [doc.copy() for doc in corpus.select])


@functools.lru_cache(maxsize=4)
def _written_corpus(folder: Path) -> WrittenCorpus:
    corpus = WrittenCorpus(written_docs(WRITTEN_TRAIN, folder), written_docs(WRITTEN_SELECT, folder))
    if not corpus.train or not corpus.select:
        raise VnerError(
            "The team's written articles are missing",
            f"{folder} holds no {' or '.join(WRITTEN_TRAIN if not corpus.train else WRITTEN_SELECT)}",
            "Reinstall vner (they ship with it), or train on your data alone with --no-written.",
        )
    return corpus
