"""Scale data for the benchmarks: a large, realistic project made from the seeds.

Each synthetic document is a random sequence of seed paragraphs (as many as
a seed document has), and some entity mentions are swapped for another gold
mention of the same label, so the texts vary like a real news corpus while
every span stays gold: paragraphs carry their spans along and all offsets
are recomputed. The same seed gives byte-identical files.

Two outputs, the shapes the toolkit reads:

  <out>/export.json   a Label Studio JSON export (same shape as seeds/annotations.json)
  <out>/docs.jsonl    plain documents, one {"id", "text", "meta"} per line (for `vner push`)

Usage:

  .venv/bin/python bench/make_data.py --tasks 10000 --output bench/data/10k [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import DATA, ROOT  # noqa: E402

logger = logging.getLogger("bench.make_data")

SEED_EXPORT = ROOT / "seeds" / "annotations.json"
TIMESTAMP = "2026-11-22T00:00:00.000000Z"


@dataclass(frozen=True)
class Paragraph:
    text: str
    spans: tuple[tuple[int, int, str], ...]  # (start, end, label), offsets in `text`
    source: str  # seed document id


def seed_paragraphs(export: Path = SEED_EXPORT) -> list[Paragraph]:
    """Split each seed document on blank lines, keeping the gold spans of each part.

    >>> paras = seed_paragraphs()
    >>> len(paras) > 50, sum(len(p.spans) for p in paras)
    (True, 215)
    >>> p = paras[0]; s, e, label = p.spans[0]; (p.text[s:e], label)
    ('Baonghean.vn', 'ORG')
    """
    tasks = json.loads(Path(export).read_text(encoding="utf-8"))
    paragraphs = []
    for task in tasks:
        text = task["data"]["text"]
        spans = sorted(
            (r["value"]["start"], r["value"]["end"], r["value"]["labels"][0])
            for r in task["annotations"][0]["result"]
            if r.get("type") == "labels"
        )
        pos = 0
        for part in text.split("\n\n"):
            start, end = pos, pos + len(part)
            inside = tuple((s - start, e - start, label) for s, e, label in spans if start <= s and e <= end)
            crossing = [sp for sp in spans if sp[0] < end and sp[1] > start and not (start <= sp[0] and sp[1] <= end)]
            if crossing:
                raise ValueError(f"span crosses a paragraph break in {task['data']['id']}: {crossing}")
            if part.strip():
                paragraphs.append(Paragraph(part, inside, task["data"]["id"]))
            pos = end + 2
    return paragraphs


def swap_entities(par: Paragraph, pool: dict[str, list[str]], rng: random.Random, p_swap: float) -> Paragraph:
    """Replace each mention, with probability `p_swap`, by another of its label."""
    out, spans, last = [], [], 0
    for start, end, label in par.spans:
        out.append(par.text[last:start])
        surface = par.text[start:end]
        if rng.random() < p_swap and len(pool[label]) > 1:
            surface = rng.choice(pool[label])
        new_start = sum(len(x) for x in out)
        out.append(surface)
        spans.append((new_start, new_start + len(surface), label))
        last = end
    out.append(par.text[last:])
    return Paragraph("".join(out), tuple(spans), par.source)


def generate(n_tasks: int, seed: int = 0, p_swap: float = 0.3, paragraphs: list[Paragraph] | None = None):
    """Yield `n_tasks` synthetic (doc_id, text, meta, spans) tuples, deterministically.

    >>> docs = list(generate(3, seed=1))
    >>> [d[0] for d in docs]
    ['syn-1-00000', 'syn-1-00001', 'syn-1-00002']
    >>> all(text[s:e].strip() == text[s:e] != "" for _, text, _, spans in docs for s, e, _ in spans)
    True
    >>> docs == list(generate(3, seed=1))
    True
    """
    paragraphs = paragraphs or seed_paragraphs()
    pool: dict[str, list[str]] = {}
    for par in paragraphs:
        for s, e, label in par.spans:
            pool.setdefault(label, []).append(par.text[s:e])
    pool = {label: sorted(set(v)) for label, v in pool.items()}
    sizes = sorted({sum(1 for p in paragraphs if p.source == src) for src in {p.source for p in paragraphs}})
    dates = [f"{y}-{m:02d}" for y in (2021, 2022, 2023, 2024) for m in range(1, 13)]
    rng = random.Random(seed)
    for i in range(n_tasks):
        k = rng.randint(min(sizes), max(sizes))
        parts = [swap_entities(rng.choice(paragraphs), pool, rng, p_swap) for _ in range(k)]
        text_parts, spans, offset = [], [], 0
        for j, par in enumerate(parts):
            if j:
                text_parts.append("\n\n")
                offset += 2
            text_parts.append(par.text)
            spans.extend((s + offset, e + offset, label) for s, e, label in par.spans)
            offset += len(par.text)
        meta = {"date": rng.choice(dates), "source": "bench/make_data.py", "from": sorted({p.source for p in parts})}
        yield f"syn-{seed}-{i:05d}", "".join(text_parts), meta, spans


def to_task(task_id: int, doc_id: str, text: str, meta: dict, spans) -> dict:
    """One task in the shape of seeds/annotations.json (Label Studio JSON export)."""
    result = [
        {
            "id": f"s{task_id}-{n:04d}",
            "type": "labels",
            "from_name": "label",
            "to_name": "text",
            "origin": "manual",
            "value": {"start": s, "end": e, "text": text[s:e], "labels": [label]},
        }
        for n, (s, e, label) in enumerate(spans, 1)
    ]
    return {
        "id": task_id,
        "data": {"id": doc_id, "text": text, "meta": meta},
        "annotations": [
            {
                "id": task_id,
                "completed_by": 1,
                "was_cancelled": False,
                "ground_truth": False,
                "created_at": TIMESTAMP,
                "updated_at": TIMESTAMP,
                "lead_time": 0.0,
                "result": result,
            }
        ],
        "predictions": [],
        "meta": {},
        "created_at": TIMESTAMP,
        "updated_at": TIMESTAMP,
        "inner_id": task_id,
        "total_annotations": 1,
        "cancelled_annotations": 0,
        "total_predictions": 0,
        "project": 1,
    }


def make_data(n_tasks: int, output: Path, seed: int = 0, p_swap: float = 0.3) -> dict:
    """Write export.json and docs.jsonl for `n_tasks` documents; return counts.

    Written a task at a time (the bytes `json.dumps` of the whole list would
    give), so 50,000 tasks need no more memory than 50.
    """
    from vner.core.files import atomic_writer, write_text_atomic

    output = Path(output)
    n_spans, n_chars = 0, 0
    with atomic_writer(output / "export.json", "w") as export, atomic_writer(output / "docs.jsonl", "w") as docs:
        export.write("[")
        for i, (doc_id, text, meta, spans) in enumerate(generate(n_tasks, seed=seed, p_swap=p_swap), 1):
            export.write((", " if i > 1 else "") + json.dumps(to_task(i, doc_id, text, meta, spans), ensure_ascii=False))
            docs.write(json.dumps({"id": doc_id, "text": text, "meta": meta}, ensure_ascii=False) + "\n")
            n_spans += len(spans)
            n_chars += len(text)
        export.write("]")
    info = {"tasks": n_tasks, "spans": n_spans, "chars": n_chars, "seed": seed, "p_swap": p_swap,
            "export_bytes": (output / "export.json").stat().st_size}
    write_text_atomic(output / "info.json", json.dumps(info, indent=2) + "\n")
    logger.info("%s: %d tasks, %d gold spans, %.1f MB export", output, n_tasks, n_spans, info["export_bytes"] / 1e6)
    return info


def ensure_data(n_tasks: int, seed: int = 0) -> Path:
    """bench/data/<n>-s<seed>/ made once and reused (it is deterministic)."""
    out = DATA / f"{n_tasks}-s{seed}"
    info = out / "info.json"
    if not (info.is_file() and (out / "export.json").is_file() and (out / "docs.jsonl").is_file()
            and json.loads(info.read_text())["tasks"] == n_tasks):
        make_data(n_tasks, out, seed=seed)
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=10000)
    parser.add_argument("--output", "-o", type=Path, default=None, help="default: bench/data/<tasks>-s<seed>")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--p-swap", type=float, default=0.3, help="probability of swapping each entity mention")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    make_data(args.tasks, args.output or DATA / f"{args.tasks}-s{args.seed}", seed=args.seed, p_swap=args.p_swap)


if __name__ == "__main__":
    main()
