"""Train floret static vectors on a corpus's own text and save them as a spaCy vectors folder.

  .venv/bin/python scripts/train_vectors.py TEXT... -o VECTORS_DIR [--dim 100] [--bucket 20000]
      [--minn 3] [--maxn 5] [--hash-count 2] [--epoch 20] [--threads 1]

TEXT is any number of:

- JSON lines with a "words" list per line (a PhoNER_COVID19 `*_syllable.json`
  file, or `vner`'s JSONL); the words are used as they are;
- plain text (`.txt`, any other name): one paragraph per line, split into
  syllables by vner's own tokenizer (vner.SyllableTokenizer.v1), so the
  vectors are keyed by the very strings the pipeline's tokens hold.

Feed it the TRAINING text only: vectors trained on dev or test sentences
leak them into the model.

The result is a spaCy pipeline folder holding only the vectors (floret mode:
`bucket` rows of `dim` floats, looked up by hashed character n-grams of
each token, so every token has a vector, unseen ones too). Use it as
`--paths.vectors VECTORS_DIR` with `configs/ner-vectors.cfg`. Also written:
VECTORS_DIR/vectors.floret (the raw floret table) and
VECTORS_DIR/vectors-training.json (settings, sentence and token counts,
CPU seconds).

Needs the `floret` package: `pip install 'vner[vectors]'` (or `pip install floret`).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

logger = logging.getLogger("vner.train_vectors")


class VectorsError(Exception):
    """Bad input or a missing dependency, with the file and the fix in its message."""


def _sentences_from_jsonl(path: Path, text: str) -> list[list[str]]:
    sentences = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise VectorsError(f"{path}, line {number}: not valid JSON ({err.msg}). A JSON lines file needs one "
                               '{"words": [...]} object per line; plain text needs a .txt name.') from None
        words = record.get("words") if isinstance(record, dict) else None
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise VectorsError(f'{path}, line {number}: no "words" list of strings. Each line of a JSON lines file '
                               'must be an object like {"words": ["Bộ", "Y", "tế"], ...}.')
        words = [w for w in words if w.strip()]
        if words:
            sentences.append(words)
    return sentences


def _sentences_from_text(text: str) -> list[list[str]]:
    from vner.model.nlp import make_nlp

    nlp = make_nlp("syllable")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [[t.text for t in doc if not t.is_space] for doc in nlp.tokenizer.pipe(lines)]


def read_sentences(path: Path) -> list[list[str]]:
    """Token lists of one corpus file: JSON lines with "words", else plain text split into syllables."""
    path = Path(path)
    if not path.is_file():
        raise VectorsError(f"Text file not found: {path}. Pass the training file (JSON lines or plain text).")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise VectorsError(f"{path} is not UTF-8 text (byte {err.start}): save it as UTF-8.") from None
    first = next((line for line in text.splitlines() if line.strip()), "")
    if path.suffix.lower() in (".json", ".jsonl") or first.lstrip().startswith("{"):
        return _sentences_from_jsonl(path, text)
    return _sentences_from_text(text)


def train_vectors(inputs: list[Path], output: Path, *, dim: int = 100, bucket: int = 20000, minn: int = 3, maxn: int = 5,
                  hash_count: int = 2, epoch: int = 20, threads: int = 1, model: str = "skipgram") -> dict:
    """Train floret vectors on the text of `inputs` and write a spaCy vectors pipeline to `output`; return the facts."""
    try:
        import floret
    except ImportError:
        raise VectorsError("The floret package is not installed: pip install 'vner[vectors]' (or pip install floret).") from None
    from spacy.training.initialize import convert_vectors

    from vner.core.files import write_json_atomic
    from vner.model.nlp import make_nlp

    if not inputs:
        raise VectorsError("No text given: pass at least one training file.")
    if not 1 <= minn <= maxn:
        raise VectorsError(f"--minn {minn} / --maxn {maxn}: need 1 <= minn <= maxn.")
    sentences = [s for path in inputs for s in read_sentences(path)]
    tokens = sum(len(s) for s in sentences)
    if tokens == 0:
        raise VectorsError(f"No words in {', '.join(map(str, inputs))}: nothing to train vectors on.")
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "text.txt"
        corpus.write_text("\n".join(" ".join(s) for s in sentences) + "\n", encoding="utf-8")
        # minCount 1: the training text is small (a PhoNER training set is ~170k syllables), a rare syllable still gets a vector of its own.
        ft = floret.train_unsupervised(str(corpus), model=model, mode="floret", hashCount=hash_count, bucket=bucket, minn=minn,
                                       maxn=maxn, dim=dim, epoch=epoch, minCount=1, thread=threads, verbose=0)
    floret_path = output / "vectors.floret"
    ft.save_floret_vectors(str(floret_path))
    nlp = make_nlp("syllable")
    convert_vectors(nlp, floret_path, truncate=0, prune=-1, mode="floret")
    nlp.to_disk(output)
    facts = {"inputs": [str(p) for p in inputs], "sentences": len(sentences), "tokens": tokens, "vocabulary": len(ft.words),
             "settings": {"model": model, "mode": "floret", "dim": dim, "bucket": bucket, "minn": minn, "maxn": maxn,
                          "hash_count": hash_count, "epoch": epoch, "threads": threads},
             "shape": list(nlp.vocab.vectors.shape),
             "cpu_seconds": round(time.process_time() - cpu0, 1), "seconds": round(time.perf_counter() - wall0, 1)}
    write_json_atomic(output / "vectors-training.json", facts)
    return facts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    parser.add_argument("inputs", type=Path, nargs="+", metavar="TEXT", help="training text: JSON lines with \"words\", or plain text")
    parser.add_argument("-o", "--output", type=Path, required=True, help="spaCy vectors folder to write")
    parser.add_argument("--dim", type=int, default=100, help="vector width (default 100)")
    parser.add_argument("--bucket", type=int, default=20000, help="rows of the hashed n-gram table (default 20000)")
    parser.add_argument("--minn", type=int, default=3, help="shortest character n-gram, counting the < > word marks (default 3)")
    parser.add_argument("--maxn", type=int, default=5, help="longest character n-gram (default 5)")
    parser.add_argument("--hash-count", type=int, default=2, help="rows per n-gram (floret's hashCount, default 2)")
    parser.add_argument("--epoch", type=int, default=20, help="passes over the text (default 20)")
    parser.add_argument("--threads", type=int, default=1, help="floret threads (default 1: the machine is shared, and one thread gives the same vectors every run)")
    parser.add_argument("--model", choices=["skipgram", "cbow"], default="skipgram")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        facts = train_vectors(args.inputs, args.output, dim=args.dim, bucket=args.bucket, minn=args.minn, maxn=args.maxn,
                              hash_count=args.hash_count, epoch=args.epoch, threads=args.threads, model=args.model)
    except VectorsError as err:
        print(f"✘ {err}", file=sys.stderr)
        return 1
    print(f"✔ Vectors {facts['shape'][0]} x {facts['shape'][1]} (floret) from {facts['sentences']:,} sentences / "
          f"{facts['tokens']:,} tokens in {facts['cpu_seconds']} CPU-s: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
