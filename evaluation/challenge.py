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
from pathlib import Path
from typing import Sequence

from vner.core.errors import VnerError
from vner.core.files import write_text_atomic
from vner.annotation.markup import Sentence, load_markup, markup_to_tasks, parse_markup, sentences_to_articles, tasks_json  # noqa: F401
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
                   "news-passages-4", "news-passages-5", "news-passages-6", "news-passages-7", "news-passages-8", "news-passages-9",
                   "news-passages-10", "news-passages-11", "news-passages-12",
                   "news-passages-13", "news-passages-14", "news-passages-15")
# Capabilities without gold entities: F1 is undefined there, so their floor
# is on the share of sentences predicted exactly (i.e. with no entity).
FLOOR_MARGIN = 0.07


def load_challenge(path: Path = CHALLENGE_TXT, labels: Sequence[str] | None = None) -> list[Sentence]:
    """The challenge set's sentences (`load_markup` of ``challenge.txt`` by default)."""
    return load_markup(path, labels)


challenge_to_tasks = markup_to_tasks


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
