"""Markdown table of bench/tuning/results.jsonl (the last row of each name wins).

Usage: .venv/bin/python bench/tuning/summary.py
"""

import json
from pathlib import Path

RESULTS = Path(__file__).with_name("results.jsonl")
COLUMNS = ["micro", "PERSON", "RANK", "ORG", "PROVINCE", "QUANTITY"]


def main():
    rows = {}
    for line in RESULTS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows[row["name"]] = row
    print("| run | " + " | ".join(COLUMNS) + " | CPU s (5 folds) |")
    print("| --- | " + " | ".join("---:" for _ in COLUMNS) + " | ---: |")
    for name, row in rows.items():
        cells = ["-" if row["mean"][c] is None else f"{row['mean'][c]:.3f}" for c in COLUMNS]
        print(f"| {name} | " + " | ".join(cells) + f" | {row.get('cpu_seconds', '')} |")


if __name__ == "__main__":
    main()
