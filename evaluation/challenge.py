"""The challenge set: sentences the team wrote, grouped by capability.

Scores on the five seed articles say little about unseen news: the seeds
are what the rules and the model were built on. The challenge set is a
TEST set of sentences written for the project (no text taken from any
article), each under the capability it probes ("lao-hyphen",
"quantity-glued", "rule3-delegation", ...). It is never used to train or
tune rules or models; `vner evaluate MODEL --challenge` scores a model on
it and reports micro P/R/F1 per capability.

The source of truth is a markup file, ``challenge/challenge.txt``::

    # comment
    ## lao-hyphen
    [Đại tá](RANK) [Xổm-phết Vi-lay-vông](PERSON) đến tỉnh [Xay-nha-bu-ly](PROVINCE).

``challenge/challenge.json`` is the same set as a Label Studio export (each
task's ``data.capability`` names its group), so every vner reader takes
it; regenerate it with ``python -m vner.evaluation.challenge --write-json``.
CI floors per capability are in ``challenge/floors.json``; re-measure them
with ``python -m vner.evaluation.challenge --write-floors``. ``--articles
FILE...`` scores the rules on a markup file per line and per article.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from vner.core.errors import VnerError
from vner.core.files import write_text_atomic
from vner.core.scheme import labels as scheme_labels

logger = logging.getLogger(__name__)

CHALLENGE_DIR = Path(__file__).resolve().parent / "challenge"
CHALLENGE_TXT = CHALLENGE_DIR / "challenge.txt"
CHALLENGE_JSON = CHALLENGE_DIR / "challenge.json"
FLOORS_JSON = CHALLENGE_DIR / "floors.json"

# Capabilities whose sentences may hold numbers that are no QUANTITY
# (dates, years, ordinals, bare numbers): everywhere else every digit is
# inside a QUANTITY (or an ORG code such as "Cục C04").
NUMBERS_ALLOWED = ("rule5-not-quantity", "negatives", "news-passages", "news-passages-2", "news-passages-3",
                   "news-passages-4", "news-passages-5", "news-passages-6", "news-passages-7")
# Capabilities without gold entities: F1 is undefined there, so their floor
# is on the share of sentences predicted exactly (i.e. with no entity).
FLOOR_MARGIN = 0.07
STAMP = "2026-12-01T00:00:00.000000Z"

_SPAN = re.compile(r"\[([^\[\]()]+)\]\(([A-Za-z_]+)\)")
_HEADER = re.compile(r"^## ([a-z0-9][a-z0-9-]*)$")


@dataclass(frozen=True)
class Sentence:
    """One challenge sentence: plain text and (start, end, label) spans."""

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
            raise VnerError("Unknown label in the challenge set", f"{where}: [{value}]({label})", f"Use one of {', '.join(sorted(allowed))}.")
        if not _clean_edge(value[0]) or not (_clean_edge(value[-1]) or value[-1] == "%"):
            raise VnerError(
                "Span with punctuation or space at its edge",
                f"{where}: [{value}]({label})",
                "Move spaces and punctuation outside the brackets (scheme rule 7).",
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
            "Broken markup in the challenge set",
            f"{where}: stray {leftover.group(0)!r} in {line!r}",
            "Write entities as [text](LABEL), with no brackets or parentheses inside the text.",
        )
    return plain, spans


def _clean_edge(ch: str) -> bool:
    return ch.isalnum()


def load_challenge(path: Path = CHALLENGE_TXT, labels: Sequence[str] | None = None) -> list[Sentence]:
    """Every sentence of a challenge markup file, checked (NFC, clean span edges,
    known labels, one header per capability)."""
    path = Path(path)
    if not path.is_file():
        raise VnerError("Challenge set not found", str(path), "Pass the path of a challenge markup file.")
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
            raise VnerError("Sentence before any capability", where, "Put a `## capability-name` header first.")
        if unicodedata.normalize("NFC", line) != line:
            raise VnerError("Challenge text not in NFC", where, "Save the file in Unicode NFC (the stored form of every vner document).")
        text, spans = parse_markup(line, where, labels)
        counts[capability] = counts.get(capability, 0) + 1
        sentences.append(Sentence(f"{capability}-{counts[capability]:02d}", capability, text, tuple(spans), lineno))
    if not sentences:
        raise VnerError("Empty challenge set", str(path), "Add sentences under `## capability` headers.")
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


def rules_scores(path: Path) -> dict[str, dict]:
    """Micro P/R/F1 of the rules pre-annotator on a markup file, scored per
    line (as the CI floors are) and per article (`sentences_to_articles`)."""
    import tempfile

    from vner.annotation.rules import rules_pipeline

    from .evaluate import load_gold, predict, score

    sentences = load_challenge(Path(path))  # a bad file fails before the rules load
    nlp = rules_pipeline()
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for unit, docs in (("line", sentences), ("article", sentences_to_articles(sentences))):
            data = Path(tmp) / f"{unit}.json"
            data.write_text(tasks_json(challenge_to_tasks(docs)), encoding="utf-8")
            gold, _ = load_gold(data)
            out[unit] = {"documents": len(docs), **score(predict(nlp, gold, progress=False))["scores"]["micro"]}
    return out


def challenge_to_tasks(sentences: Iterable[Sentence]) -> list[dict]:
    """Label Studio tasks (the export format of ``seeds/annotations.json``),
    one per sentence, with ``data.capability``.

    >>> s = Sentence("x-01", "x", "Bộ Công an", ((0, 10, "ORG"),), 1)
    >>> task = challenge_to_tasks([s])[0]
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


def write_json(source: Path = CHALLENGE_TXT, target: Path = CHALLENGE_JSON) -> Path:
    """Convert the markup file to the Label Studio export next to it."""
    write_text_atomic(Path(target), tasks_json(challenge_to_tasks(load_challenge(source))))
    return Path(target)


def capability_values(capabilities: dict) -> dict[str, float]:
    """The number a floor applies to, per capability: micro F1, or for a
    capability without gold entities the share of sentences predicted exactly."""
    return {cap: (s["f"] if s["support"] else s["exact"]) for cap, s in capabilities.items()}


def measure(nlp, data: Path = CHALLENGE_JSON) -> dict:
    """Per-capability scores (``metrics["capabilities"]``) of a pipeline on the set."""
    from .evaluate import load_gold, predict, score

    gold, _ = load_gold(data)
    return score(predict(nlp, gold, progress=False))["capabilities"]


def seed_model(output: Path) -> Path:
    """A model trained as `vner train` trains with no data: default config, seed gold."""
    from vner.annotation.convert import gold_docs
    from vner.training.train import train

    return train(gold_docs(), None, Path(output), quiet=True)


def write_floors(model_dir: Path, margin: float = FLOOR_MARGIN, target: Path = FLOORS_JSON) -> dict:
    """Measure the rules pre-annotator and a seed-trained model; write floors
    `margin` below what they score (never below 0)."""
    from vner.annotation.rules import rules_pipeline
    from vner.model.nlp import load_pipeline

    measured = {"rules": capability_values(measure(rules_pipeline())), "model": capability_values(measure(load_pipeline(Path(model_dir))))}
    floors = {
        "about": (
            f"CI floors, {margin} below the measured value: micro F1 per capability, or for capabilities "
            "without gold entities the share of sentences with exactly the gold entities (none). "
            "rules = vner.annotation.rules.rules_pipeline(); model = configs/ner.cfg trained on the seed gold. "
            "Re-measure: python -m vner.evaluation.challenge --write-floors"
        ),
        "measured": {k: {c: round(v, 4) for c, v in vals.items()} for k, vals in measured.items()},
        **{k: {c: max(0.0, round(v - margin, 2)) for c, v in vals.items()} for k, vals in measured.items()},
    }
    write_text_atomic(Path(target), json.dumps(floors, ensure_ascii=False, indent=1) + "\n")
    return floors


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m vner.evaluation.challenge", description=__doc__.splitlines()[0])
    parser.add_argument("--write-json", action="store_true", help="regenerate challenge.json from challenge.txt")
    parser.add_argument("--write-floors", action="store_true", help="measure rules and a seed-trained model; write floors.json")
    parser.add_argument("--model", type=Path, help="use this trained model instead of training one on the seeds")
    parser.add_argument("--margin", type=float, default=FLOOR_MARGIN)
    parser.add_argument("--articles", type=Path, nargs="+", metavar="TEXT",
                        help="score the rules on these markup files per line and per article (lines of a group joined)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.articles:
        for path in args.articles:
            try:
                scores = rules_scores(path)
            except VnerError as e:  # a message, not a traceback
                logger.error("✘ %s\n%s", e, e.fix)
                raise SystemExit(e.exit_code) from None
            for unit, m in scores.items():
                logger.info("%s per %s (%d documents): P %.1f R %.1f F %.1f", path, unit, m["documents"],
                            100 * m["p"], 100 * m["r"], 100 * m["f"])
        return
    if args.write_json or not args.write_floors:
        logger.info("Wrote %s", write_json())
    if args.write_floors:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            model = args.model or seed_model(Path(tmp) / "seed-model")
            floors = write_floors(model, args.margin)
        logger.info("Wrote %s", FLOORS_JSON)
        for kind in ("rules", "model"):
            logger.info("%s: %s", kind, json.dumps(floors["measured"][kind]))


if __name__ == "__main__":
    main()
