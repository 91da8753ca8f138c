"""Conversion: `vner convert` against label-studio-sdk's own CoNLL 2003 converter.

Both run as child processes on the same generated export, in alternation,
so each gets a fresh interpreter and its own peak RSS. Measured at every
size, for both: wall and CPU seconds, tasks/s, peak RSS, and the load
average around the runs; at one size (20,000 tasks in a full run) how many
gold entities each output still holds, read a document at a time (vner's
corpus there is a folder of .spacy shards). For the peer, a gold entity is kept only when a B- tag starts at the
span's first character and its I- tags end at the span's last one; a B-
tag with other boundaries is counted as "wrong boundaries" and the reason
(span edge inside one of its whitespace/punctuation tokens) is classified.

  .venv/bin/python bench/bench_convert.py [--quick] [--sizes 5000 20000 50000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import PYTHON, VNER, bio_char_spans, growth_exponent, rate, run_rusage, setup_logging, write_result  # noqa: E402
from bench.make_data import ensure_data  # noqa: E402

logger = logging.getLogger("bench.convert")

FULL_SIZES = (5000, 20000, 50000)
QUICK_SIZES = (100, 200, 400)
FULL_SCORE_SIZE = 20000  # where entities are counted (the size of issue 11's measurement)


def labeling_config() -> str:
    """The project's labeling config (what `vner push` puts in Label Studio)."""
    from vner.annotation.labeling import label_config

    return label_config()


def peer_convert(export: Path, output_dir: Path) -> Path:
    """label-studio-sdk's converter, as a user of Label Studio would call it."""
    from label_studio_sdk.converter import Converter

    converter = Converter(config=labeling_config(), project_dir=str(output_dir), download_resources=False)
    converter.convert_to_conll2003(input_data=str(export), output_dir=str(output_dir), is_dir=False)
    return Path(output_dir) / "result.conll"


def read_conll(path: Path):
    """Documents of a CoNLL 2003 file as lists of (token, tag), one at a time.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "r.conll"
    >>> _ = p.write_text("-DOCSTART- -X- O\\nCông -X- _ B-ORG\\nan -X- _ I-ORG\\n\\nx -X- _ O\\n\\n")
    >>> list(read_conll(p))
    [[('Công', 'B-ORG'), ('an', 'I-ORG')], [('x', 'O')]]
    """
    cur = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                continue
            if not line:
                if cur:
                    yield cur
                cur = []
                continue
            parts = line.split(" ")
            cur.append((" ".join(parts[:-3]) if len(parts) > 4 else parts[0], parts[-1]))
    if cur:
        yield cur


def conll_entities(text: str, tokens: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Char spans of the B-/I- runs of one CoNLL document, tokens located in `text`.

    >>> conll_entities("Công an tỉnh, Lào", [("Công", "B-ORG"), ("an", "I-ORG"), ("tỉnh", "O"), (",", "O"), ("Lào", "B-LOC")])
    [(0, 7, 'ORG'), (14, 17, 'LOC')]
    """
    positions = token_positions(text, [token for token, _ in tokens])
    return bio_char_spans(positions, [tag for _, tag in tokens])


def gold_spans(export: Path):
    """(doc id, text, {(start, end, label)}) of every task, in export order, one at a time."""
    from vner.annotation.convert import iter_export

    for t in iter_export(export, check=False):
        yield (t["data"]["id"], t["data"]["text"],
               {(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in t["annotations"][0]["result"]})


def score_peer(export: Path, conll: Path) -> dict:
    """How many gold entities the peer's CoNLL output keeps, exactly and at all."""
    from itertools import zip_longest

    counts, reasons, examples = Counter(), Counter(), []
    for gold, tokens in zip_longest(gold_spans(export), read_conll(conll)):
        if gold is None or tokens is None:
            raise RuntimeError(f"peer wrote {'more' if gold is None else 'fewer'} documents than the export has tasks")
        doc_id, text, spans = gold
        ents = set(conll_entities(text, tokens))
        counts["gold"] += len(spans)
        counts["b_tags"] += sum(1 for _, tag in tokens if tag.startswith("B-"))
        counts["exact"] += len(spans & ents)
        positions = token_positions(text, [tok for tok, _ in tokens])
        starts, ends = {s for s, _ in positions}, {e for _, e in positions}
        for s, e, label in sorted(spans - ents):
            if s not in starts:
                reason = "span starts inside a peer token"
            elif e not in ends:
                reason = "span ends inside a peer token"
            else:
                reason = "aligned, but tagged differently"
            reasons[reason] += 1
            if len(examples) < 8:
                examples.append({"doc": doc_id, "gold": text[s:e], "label": label, "reason": reason,
                                 "peer_tokens": [text[a:b] for a, b in positions if a < e and b > s]})
    return {
        "gold_entities": counts["gold"],
        "b_tags": counts["b_tags"],
        "exact": counts["exact"],
        "lost_or_wrong_boundaries": counts["gold"] - counts["exact"],
        "b_tags_missing": counts["gold"] - counts["b_tags"],
        "reasons": dict(reasons),
        "examples": examples,
    }


def token_positions(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each token, found left to right in `text`.

    >>> token_positions("Ảnh:Công Tuấn", ["Ảnh:Công", "Tuấn"])
    [(0, 8), (9, 13)]
    """
    out, pos = [], 0
    for token in tokens:
        start = text.find(token, pos)
        if start < 0:
            raise ValueError(f"token {token!r} not found in text after offset {pos}")
        out.append((start, start + len(token)))
        pos = start + len(token)
    return out


def score_ours(export: Path, corpus_dir: Path) -> dict:
    """Gold entities in train.spacy + dev.spacy (files or shard folders), matched exactly by doc id."""
    from spacy.tokens import DocBin

    from vner.model.nlp import make_nlp
    from vner.training.corpus import spacy_shards

    gold = {doc_id: spans for doc_id, _, spans in gold_spans(export)}
    nlp = make_nlp()
    counts = Counter()
    for part in ("train", "dev"):
        path = corpus_dir / f"{part}.spacy"
        for doc in (doc for f in (spacy_shards(path) if path.is_dir() else [path]) for doc in DocBin().from_disk(f).get_docs(nlp.vocab)):
            ents = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
            spans = gold[doc.user_data["id"]]
            counts["docs"] += 1
            counts["entities"] += len(ents)
            counts["exact"] += len(spans & ents)
    counts["gold"] = sum(len(s) for s in gold.values())
    return {"gold_entities": counts["gold"], "docs": counts["docs"], "entities": counts["entities"],
            "exact": counts["exact"], "lost": counts["gold"] - counts["exact"]}


def run(quick: bool = False, repeats: int = 3, sizes: tuple[int, ...] | None = None, score_size: int | None = None) -> dict:
    sizes = tuple(sizes or (QUICK_SIZES if quick else FULL_SIZES))
    score_size = score_size or (FULL_SCORE_SIZE if not quick and FULL_SCORE_SIZE in sizes else sizes[-1])
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-convert-") as tmp:
        tmp = Path(tmp)
        for size in sizes:
            data = ensure_data(size)
            export = data / "export.json"
            # Repeats only at the smallest size (the medians); one run each at the others.
            n = repeats if size == sizes[0] else 1
            runs = {"vner": [], "peer": []}
            load_before = os.getloadavg()
            for i in range(n):
                out = tmp / f"ours-{size}-{i}"
                logger.info("vner convert, %d tasks (run %d/%d)", size, i + 1, n)
                runs["vner"].append(run_rusage([str(VNER), "convert", str(export), "-o", str(out)], timeout=7200))
                peer_out = tmp / f"peer-{size}-{i}"
                logger.info("label-studio-sdk convert_to_conll2003, %d tasks (run %d/%d)", size, i + 1, n)
                runs["peer"].append(run_rusage([str(PYTHON), __file__, "--peer-run", str(export), str(peer_out)], timeout=7200))
            row = {"tasks": size, "export_mb": round(export.stat().st_size / 1e6, 1),
                   "loadavg_before": [round(x, 2) for x in load_before], "loadavg_after": [round(x, 2) for x in os.getloadavg()]}
            for name, rs in runs.items():
                secs = sorted(r["seconds"] for r in rs)
                med = secs[len(secs) // 2]
                row[name] = {
                    "seconds_median": round(med, 2),
                    "seconds_runs": [round(r["seconds"], 2) for r in rs],
                    "cpu_seconds_median": round(sorted(r["user_seconds"] + r["system_seconds"] for r in rs)[len(rs) // 2], 2),
                    "tasks_per_s": rate(size, med),
                    "tasks_per_cpu_s": rate(size, sorted(r["user_seconds"] + r["system_seconds"] for r in rs)[len(rs) // 2]),
                    "peak_rss_mib": max(r["peak_rss_mib"] for r in rs),
                }
            row["ratio_vner_over_peer_seconds"] = round(row["vner"]["seconds_median"] / row["peer"]["seconds_median"], 2)
            row["ratio_vner_over_peer_cpu"] = round(row["vner"]["cpu_seconds_median"] / row["peer"]["cpu_seconds_median"], 2)
            ours_dir = tmp / f"ours-{size}-0"
            saved = json.loads((ours_dir / "report.json").read_text())
            row["vner"]["report"] = {k: v for k, v in saved.items() if k in ("tasks", "documents", "entities_total", "spans_dropped", "counts", "files")}
            if size == score_size:
                logger.info("counting entities in both outputs (%d tasks)", size)
                row["vner"]["entities"] = score_ours(export, ours_dir)
                row["peer"]["entities"] = score_peer(export, tmp / f"peer-{size}-0" / "result.conll")
            logger.info("%d tasks: vner %.0f s (%.0f CPU s, %.0f MiB), SDK %.0f s (%.0f CPU s, %.0f MiB)", size,
                        row["vner"]["seconds_median"], row["vner"]["cpu_seconds_median"], row["vner"]["peak_rss_mib"],
                        row["peer"]["seconds_median"], row["peer"]["cpu_seconds_median"], row["peer"]["peak_rss_mib"])
            rows.append(row)
            for path in tmp.iterdir():  # scored: keep the disk use to one size's outputs
                shutil.rmtree(path, ignore_errors=True)
    def exponent(name, key):
        pts = [(r["tasks"], r[name][key]) for r in rows if name in r]
        return growth_exponent([n for n, _ in pts], [v for _, v in pts])

    return {
        "what": "vner convert vs label_studio_sdk Converter.convert_to_conll2003 on the generated export (child processes, alternating)",
        "quick": quick,
        "repeats_at_smallest_size": repeats,
        "n_docs": _n_docs(),
        "rows": rows,
        "memory_growth_exponent": {name: exponent(name, "peak_rss_mib") for name in ("vner", "peer")},
        "time_growth_exponent": {name: exponent(name, "seconds_median") for name in ("vner", "peer")},
        "cpu_growth_exponent": {name: exponent(name, "cpu_seconds_median") for name in ("vner", "peer")},
    }


def _n_docs() -> int:
    from vner.annotation.convert import N_DOCS

    return N_DOCS


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", help=f"numbers of tasks (default {' '.join(map(str, FULL_SIZES))})")
    parser.add_argument("--score-size", type=int, help="the size at which entities are counted (default 20000, or the largest)")
    parser.add_argument("--peer-run", nargs=2, metavar=("EXPORT", "OUTPUT_DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.peer_run:
        peer_convert(Path(args.peer_run[0]), Path(args.peer_run[1]))
        return
    setup_logging()
    write_result("convert", run(quick=args.quick, repeats=args.repeats, sizes=args.sizes, score_size=args.score_size))


if __name__ == "__main__":
    main()
