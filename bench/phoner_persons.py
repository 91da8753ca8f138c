"""Persons on real news the project never saw: PhoNER_COVID19's NAME spans against PERSON from the rules alone and
from a trained vner model (rules + NER).

The written articles and the challenge set are the team's own text; the held-out judge is real news. PhoNER_COVID19
(VinAI Research) is real Vietnamese news of another domain (COVID-19 cases), annotated with person names (NAME) among
nine other types, so it shows whether the NER's PERSON additions, which the dev gate keeps on written text, still add
more right names than wrong ones on real text. Only NAME is compared (PhoNER's other types do not map onto the
scheme). Measurement only: no rule or setting is tuned on it. Its licence forbids redistribution, so pass the path of
your own `test_syllable.json`:

  .venv/bin/python bench/phoner_persons.py /path/to/test_syllable.json MODEL [--result NAME] [--without-place-check]

The syllables are joined as text with a space between them except before closing and after opening punctuation
("( 47 tuổi )" → "(47 tuổi)"), and scored with vner's own evaluation (strict seqeval, IOB2).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import setup_logging, write_result  # noqa: E402

NO_SPACE_BEFORE = {",", ".", ")", ":", ";", "!", "?", "%", "...", "”"}
NO_SPACE_AFTER = {"(", "“"}


def phoner_to_jsonl(path: Path) -> str:
    """PhoNER's sentences as vner JSON lines: NAME → PERSON, every other type O, spaces as written text has them."""
    lines = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        record = json.loads(raw)
        words = record["words"]
        tags = [t[:2] + "PERSON" if t.endswith("-NAME") else "O" for t in record["tags"]]
        spaces = [i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE and words[i] not in NO_SPACE_AFTER
                  for i in range(len(words))]
        lines.append(json.dumps({"id": f"phoner-test-{n}", "words": words, "tags": tags, "spaces": spaces},
                                ensure_ascii=False))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("test", type=Path, help="PhoNER_COVID19's data/syllable/test_syllable.json")
    parser.add_argument("model", type=Path, help="a model vner train wrote (model-best)")
    parser.add_argument("--result", default="phoner-persons", help="name of the result in bench/results/")
    parser.add_argument("--without-place-check", action="store_true",
                        help="let the NER add countries and places as persons (features._a_place_or_country off)")
    args = parser.parse_args(argv)
    if not args.test.is_file():
        parser.error(f"{args.test}: no such file (PhoNER_COVID19's data/syllable/test_syllable.json)")
    if not (args.model / "meta.json").is_file():
        parser.error(f"{args.model}: not a trained model (no meta.json; pass the model-best folder vner train wrote)")
    if args.without_place_check:
        import vner.model.features as features

        features._a_place_or_country = lambda span: False
    setup_logging()
    import tempfile

    from vner.annotation.rules import rules_pipeline
    from vner.evaluation.evaluate import load_gold, predict, score
    from vner.model.nlp import load_pipeline

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "phoner_test_persons.jsonl"
        data.write_text(phoner_to_jsonl(args.test), encoding="utf-8")
        gold, _ = load_gold(data)
    result = {"data": str(args.test), "model_path": str(args.model), "place_check": not args.without_place_check, "sentences": len(gold),
              "gold_names": sum(len(d.ents) for d in gold)}
    for name, nlp in (("rules", rules_pipeline()), ("model", load_pipeline(args.model))):  # PERSON scores of each
        start = time.process_time()
        scores = score(predict(nlp, gold, progress=False))
        person = scores["scores"]["per_entity"].get("PERSON", {})
        result[name] = {**{key: person.get(key) for key in ("p", "r", "f", "support")},
                        **scores["scores"]["counts"].get("PERSON", {}), "cpu_seconds": round(time.process_time() - start, 1)}
        print(f"{name}: PERSON p {person.get('p', 0):.3f} r {person.get('r', 0):.3f} f {person.get('f', 0):.3f}")
    write_result(args.result, result)


if __name__ == "__main__":
    main()
