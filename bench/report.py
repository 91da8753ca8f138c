"""Write bench/README.md from bench/results/*.json (and bench/findings.md).

  .venv/bin/python bench/report.py
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import BENCH, load_result  # noqa: E402

README = BENCH / "README.md"
FINDINGS = BENCH / "findings.md"


def table(header: list[str], rows: list[list]) -> str:
    """A Markdown table.

    >>> print(table(["a", "b"], [[1, 2.5]]))
    | a | b |
    | --- | --- |
    | 1 | 2.50 |
    """
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _cell(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.1f}" if abs(value) >= 10 else f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value).replace("|", "\\|").replace("\n", " ")


def _pct(x) -> str:
    return "–" if x is None else f"{100 * x:.1f}"


def _exp(x) -> str:
    return "–" if x is None else f"{x:.2f}"


def marginal(sizes: list[float], values: list[float], per: float = 1000) -> list[float]:
    """Cost of each further `per` units between consecutive sizes: constant
    for linear growth, rising for super-linear, whatever the fixed start-up cost.

    >>> marginal([1000, 2000, 4000], [300, 400, 600])
    [100.0, 100.0]
    """
    return [round((v2 - v1) / (s2 - s1) * per, 2) for s1, s2, v1, v2 in zip(sizes, sizes[1:], values, values[1:])]


def _marginal_text(sizes, values, unit: str, per: int = 1000) -> str:
    steps = marginal(sizes, values, per)
    return ", ".join(f"{a:,}→{b:,}: {m:,.1f} {unit}" for a, b, m in zip(sizes, sizes[1:], steps))


def machine_section(results: dict) -> str:
    any_result = next((r for r in results.values() if r), None)
    if not any_result:
        return "No results yet: run `.venv/bin/python bench/run_all.py`.\n"
    lines = ["| benchmark | date | mode | cores | RAM | load average at start |", "| --- | --- | --- | --- | --- | --- |"]
    for name, r in results.items():
        if not r:
            continue
        m = r["machine"]
        lines.append(f"| {name} | {m['date']} | {'quick' if r.get('quick') else 'full'} | {m['cores']} ({m['cpu']}) | "
                     f"{m['ram_gib']} GiB | {', '.join(str(x) for x in m['loadavg_at_start'])} |")
    m = any_result["machine"]
    lines.append("")
    lines.append(f"Python {m['python']}, spaCy {m['spacy']}, {m['platform']}.")
    return "\n".join(lines) + "\n"


def convert_section(r: dict) -> str:
    rows = []
    blank = {}
    for row in r["rows"]:
        v, p = row["vner"], row.get("peer", blank)
        ratio = row.get("ratio_vner_over_peer_cpu")
        rows.append([row["tasks"], v["seconds_median"], v["cpu_seconds_median"], v["tasks_per_s"], v["peak_rss_mib"],
                     p.get("seconds_median"), p.get("cpu_seconds_median"), p.get("tasks_per_s"), p.get("peak_rss_mib"),
                     f"{ratio:.2f}×" if ratio else None])
    out = [table(["tasks", "vner s", "vner CPU s", "vner tasks/s", "vner peak MiB",
                  "SDK s", "SDK CPU s", "SDK tasks/s", "SDK peak MiB", "vner CPU / SDK CPU"], rows)]
    sizes = [x["tasks"] for x in r["rows"]]
    out.append(f"\nMedian of {r['repeats_at_smallest_size']} alternating runs at the smallest size, one run at the others "
               "(the SDK at the smallest and largest only); tasks/s is from wall time. "
               f"Growth exponent of CPU time with size (1 = linear): vner {_exp(r.get('cpu_growth_exponent', {}).get('vner'))}, "
               f"SDK {_exp(r.get('cpu_growth_exponent', {}).get('peer'))}. "
               "Marginal cost per further 1,000 tasks (constant when growth is linear, whatever the start-up cost): "
               f"vner {_marginal_text(sizes, [x['vner']['cpu_seconds_median'] for x in r['rows']], 'CPU s')}.\n")
    last = r["rows"][-1]
    ours, peer = last["vner"].get("entities"), last["peer"].get("entities")
    if ours and peer:
        out.append(f"Gold entities kept, {last['tasks']:,} tasks:\n")
        out.append(table(["output", "gold entities", "entities in output", "exactly the gold span", "lost or wrong boundaries"], [
            ["vner convert (train.spacy + dev.spacy)", ours["gold_entities"], ours["entities"], ours["exact"], ours["lost"]],
            ["SDK CoNLL 2003 (B- tags)", peer["gold_entities"], peer["b_tags"], peer["exact"], peer["lost_or_wrong_boundaries"]],
        ]))
        reasons = ", ".join(f"{n:,} {why}" for why, n in peer["reasons"].items()) or "none"
        out.append(f"\nWhy the SDK's spans differ: {reasons}. It tokenizes with NLTK's Treebank tokenizer, which is meant "
                   "for one sentence at a time: a full stop or a closing quote in the middle of a document stays glued "
                   "to the word before it, so an entity that ends a sentence gets the punctuation inside its last token "
                   "(its B- tag survives, its boundary does not). Examples:\n")
        for ex in peer["examples"][:4]:
            out.append(f"- {ex['label']} `{ex['gold']}` → SDK tokens {' '.join('`' + t + '`' for t in ex['peer_tokens'])}")
        out.append("")
    return "\n".join(out) + "\n"


def _quadratic_extrapolation(sizes: list[int], seconds: list[float], target: int) -> str:
    """A least-squares fit t = a + b·n + c·n² of the measured points, read at `target`.

    >>> _quadratic_extrapolation([1, 2, 4], [1, 4, 16], 8)
    ' Fitting t = a + b·n + c·n²: the quadratic term is 100% of the time at 4, and the fit gives ≈ 64 s (1 min) at 8.'
    """
    import numpy as np

    if len(sizes) < 3:
        return ""
    c, b, a = np.polyfit(sizes, seconds, 2)
    at = lambda n: a + b * n + c * n * n  # noqa: E731
    share = c * sizes[-1] ** 2 / at(sizes[-1])
    t = at(target)
    return (f" Fitting t = a + b·n + c·n²: the quadratic term is {100 * share:.0f}% of the time at {sizes[-1]:,}, "
            f"and the fit gives ≈ {t:,.0f} s ({t / 60:,.0f} min) at {target:,}.")


def labelstudio_section(r: dict) -> str:
    out = []
    if r.get("server_boot_seconds") is not None:
        out.append(f"Label Studio started (first boot, database migrations) in {r['server_boot_seconds']:.0f} s.\n")
    if "push" in r:
        rows = [[name, v["documents"], v["seconds"], v["docs_per_s"], v["tasks_created"], v["requests"],
                 ", ".join(f"{k} ×{n}" for k, n in v["by_endpoint"].items())] for name, v in r["push"].items()]
        out.append(table(["push (`vner.annotation.push.push`, no pre-annotation)", "documents", "s", "docs/s", "tasks created", "HTTP requests", "endpoints"], rows))
        out.append("")
    if "push_rules" in r:
        v = r["push_rules"]
        out.append(f"With the default rule-based pre-annotation ({v['model_version']}): {v['documents']:,} documents in "
                   f"{v['seconds']:.1f} s ({v['docs_per_s']} docs/s), {v['prediction_spans']:,} predicted spans, {v['requests']} requests.\n")
    if "push_annotations" in r:
        pa = r["push_annotations"]
        rows = [[v["documents"], v["seconds"], v["docs_per_s"], v["annotations_added"], v["requests"]] for v in pa["rows"]]
        out.append(table(["push with `annotations=` export: documents (= annotations)", "s", "docs/s", "annotations added", "HTTP requests"], rows))
        out.append(f"\nGrowth exponent of time with size: {_exp(pa['time_growth_exponent'])} (1 = linear, 2 = quadratic)."
                   + _quadratic_extrapolation([v["documents"] for v in pa["rows"]], [v["seconds"] for v in pa["rows"]], 10000) + "\n")
    if "pull" in r:
        p = r["pull"]
        rows = [[v["tasks"], v["seconds"], v["cpu_seconds"], v["tasks_per_s"], v["peak_rss_mib"], v["export_mb"],
                 v["entities_in_corpus"], v["spans_dropped"], v["requests"]] for v in p["rows"]]
        out.append(table(["`vner pull`: tasks", "s", "CPU s", "tasks/s", "peak MiB", "export MB", "entities in corpus", "spans dropped", "HTTP requests (server log)"], rows))
        sizes = [v["tasks"] for v in p["rows"]]
        out.append(f"\nGrowth exponents with size: time {_exp(p['time_growth_exponent'])}, peak memory {_exp(p['memory_growth_exponent'])}. "
                   f"Marginal cost per further 1,000 tasks: {_marginal_text(sizes, [v['cpu_seconds'] for v in p['rows']], 'CPU s')}.\n")
    return "\n".join(out) + "\n"


def inference_section(r: dict) -> str:
    t = r["texts"]
    out = [f"{t['documents']} generated documents, {t['syllables']:,} syllables ({t['chars']:,} characters); "
           "medians of interleaved runs in one process.\n"]
    has_peer = any("speed_vs_underthesea" in v for v in r["speed"].values())
    rows = []
    for name, v in sorted(r["speed"].items(), key=lambda kv: -kv[1]["syllables_per_s"]):
        row = [name, v["syllables_per_s"], f"{v['speed_vs_pyvi_postagger']:.2f}×"]
        if has_peer:
            row.append(f"{v['speed_vs_underthesea']:.1f}×")
        rows.append(row)
    out.append(table(["contender", "syllables/s", "speed vs pyvi ViPosTagger"] + (["speed vs underthesea.ner"] if has_peer else []), rows))
    out.append("\nspaCy's tokenizer caches each whitespace-separated chunk it has seen, and the runs repeat the same texts, "
               "so the syllable tokenizer alone runs from its cache here (a first pass over new text is slower); "
               "pyvi and underthesea segment every time. `n_process=2` starts two worker processes that each load the "
               "model, which on this small input costs about what the second core saves. "
               + ("The seed model as trained skips its NER: its dev gate found that the NER's additions lower the dev "
                  "score, so it gives the rules' entities and spends no time on the network (`nlp.enable_pipe` turns it "
                  "back on). \"NER running\" is the same model with the NER on: what a model trained on a corpus large "
                  "enough for its NER to add costs. " if r.get("seed_model_skips") else
                  "The seed model as trained runs its NER: its dev gate keeps the NER's additions of some labels, so "
                  "\"as trained\" and \"NER running\" are the same computation and differ by noise only. ")
               + "underthesea.ner works offline: "
               "its CRF model ships inside the wheel (no download)."
               + (" Versions: " + ", ".join(f"{k} {v}" for k, v in r["versions"].items() if v) + "." if r.get("versions") else ""))
    if r.get("underthesea_skipped"):
        out.append(f"\nunderthesea skipped: {r['underthesea_skipped']}")
    out.append("\nQuality on the seed gold (strict entity-level P/R/F1, %):\n")
    rows = []
    for name, q in r["quality"].items():
        for scope, s in q.items():
            m = s["micro"]
            rows.append([name, {"all_labels": "all 5 labels", "person_org_province": "PERSON, ORG, PROVINCE"}[scope],
                         _pct(m["p"]), _pct(m["r"]), _pct(m["f"]), m["support"]])
    out.append(table(["model", "labels", "P", "R", "F1", "gold entities"], rows))
    out.append("\nThe leave-one-document-out row is `vner crossval` of the committed config: no document is scored by a "
               "model that trained on it (README, \"Results on the seeds\"). The rules were written with the seeds "
               "in view (the first rules; later sessions wrote them in a clean room but kept the seeds' output), so "
               "their row is no held-out score. underthesea's LOC also covers countries and districts, which the scheme "
               "does not annotate: that costs it precision, and is what a domain-trained model buys.")
    out.append("")
    return "\n".join(out) + "\n"


def training_section(r: dict) -> str:
    out = []
    rows = [[f"vner {name}", v["seconds"], v["cpu_seconds"], v["peak_rss_mib"]] for name, v in
            (("train (seeds, configs/ner.cfg)", r["train"]), ("evaluate (seed model on seed gold)", r["evaluate"]),
             (f"crossval ({r['crossval']['folds']} folds, one document held out each)", r["crossval"]))]
    out.append(f"configs/ner.cfg as it was for this run: git blob `{r.get('config_blob', '?')[:12]}`"
               + (" (**it changed during the run**)" if r.get("config_changed_during_run") else "") + ".\n")
    out.append(table(["command", "s", "CPU s", "peak MiB"], rows))
    out.append(f"\nCross-validation takes {r['crossval']['ratio_to_one_training']:.1f}× one training "
               f"({r['crossval']['folds']} folds); pooled micro-F1 of its held-out predictions: {_pct(r['crossval']['pooled_micro'].get('f'))}%."
               + (f" Quick mode: {r['overrides']} (smoke values only)." if r.get("quick") else "") + "\n")
    s = r["scaling"]
    rows = [[f"{v['factor']}×", v["documents"], v["entities"], v["seconds"], v["cpu_seconds"], f"{v['ratio_to_1x']:.2f}×", v["peak_rss_mib"]] for v in s["rows"]]
    out.append(f"Training time against corpus size, fixed budget: {s['budget']}.\n")
    out.append(table(["corpus", "documents", "entities", "s", "CPU s", "time vs 1×", "peak MiB"], rows))
    docs = [v["documents"] for v in s["rows"]]
    out.append(f"\nGrowth exponents with size: wall time {_exp(s['time_growth_exponent'])}, CPU time {_exp(s['cpu_growth_exponent'])}, "
               f"peak memory {_exp(s['memory_growth_exponent'])}; the fixed start-up cost (loading spaCy, initialising and "
               "writing the model) pulls these below 1. Marginal CPU time per further seed-sized corpus (5 documents), "
               f"constant when training grows linearly: {_marginal_text(docs, [v['cpu_seconds'] for v in s['rows']], 'CPU s', per=5)}.\n")
    return "\n".join(out) + "\n"


def memory_section(results: dict) -> str:
    rows = []
    c, ls = results.get("convert"), results.get("labelstudio")
    if c:
        rows += [["vner convert", row["tasks"], row["vner"]["peak_rss_mib"]] for row in c["rows"]]
    if ls and "pull" in ls:
        rows += [["vner pull", row["tasks"], row["peak_rss_mib"]] for row in ls["pull"]["rows"]]
    if not rows:
        return ""
    series: dict[str, list] = {}
    for name, n, mib in rows:
        series.setdefault(name, []).append((n, mib))
    out = [table(["command", "tasks", "peak RSS MiB"], rows)]
    for name, pts in series.items():
        out.append(f"\n{name}: further MiB per 1,000 tasks {_marginal_text([n for n, _ in pts], [m for _, m in pts], 'MiB')} "
                   "(constant = linear growth).")
    parts = []
    if c:
        parts.append(f"convert {_exp(c['memory_growth_exponent']['vner'])}")
    if ls and "pull" in ls:
        parts.append(f"pull {_exp(ls['pull']['memory_growth_exponent'])}")
    out.append(f"\nGrowth exponent of peak RSS with size (1 = linear): {', '.join(parts)}. Peak RSS is the child process's own "
               "(`os.wait4` rusage), including the interpreter and libraries (≈ 200–300 MiB before any data).\n")
    return "\n".join(out) + "\n"


def rules_section(r: dict) -> str:
    p = r["pipelines"]
    rows = [[name, v["build_seconds"], v["best_run_seconds"], f"{v['chars_per_second']:,}"] for name, v in p.items()]
    out = [f"The five seed documents ×{r['texts'] // 5} ({r['characters']:,} characters), best of {r['rounds']} interleaved "
           f"rounds; rules version {r['rules_version']}, {r['patterns']:,} patterns ({r['token_patterns']} token patterns). "
           "The statistical NER is tok2vec + ner of configs/ner.cfg, initialised (untrained weights: the same "
           "computation as a trained model).", "",
           table(["pipeline", "build s", "best run s", "characters/s"], rows), "",
           f"Rules / NER time: **{r['rules_over_ner']:.2f}** (the speed issue's target: at most 0.5, i.e. the whole "
           f"pipeline at least 0.67× its statistical part alone). Loading `{Path(r['load']['model']).name}`: "
           f"{r['load']['seconds']:.2f} s, {r['load']['without_rules_seconds']:.2f} s without its rules stage: the rules "
           f"add **{r['load']['rules_add_seconds']:.2f} s** (target at most 1 s; medians of 5 interleaved loads)."]
    return "\n".join(out) + "\n"


SECTIONS = Path(__file__).resolve().parent / "sections"


def write_readme(path: Path = README) -> str:
    results = {name: load_result(name) for name in ("convert", "labelstudio", "inference", "training", "rules")}
    parts = [
        "# Benchmarks",
        "",
        "How fast and how good vner is, side by side with what users would use instead. "
        "Everything here is generated by `bench/run_all.py` from `bench/results/*.json`, except the findings "
        "(`bench/findings.md`) and the sections written by hand from newer runs (`bench/sections/<benchmark>.md`, "
        "which replace the generated section of the same name).",
        "",
        "## Reproduce",
        "",
        "```sh",
        ".venv/bin/python bench/run_all.py            # everything (about 30 min on 2 idle cores; longer on a busy machine)",
        ".venv/bin/python bench/run_all.py --quick    # smaller sizes, a few training steps (a few minutes)",
        ".venv/bin/python bench/run_all.py --only convert inference   # some of them",
        ".venv/bin/python bench/make_data.py --tasks 10000            # just the scale data",
        ".venv/bin/python bench/report.py                             # rewrite this README from the results",
        ".venv/bin/python bench/rules_paired.py OLD_CHECKOUT .        # the rules stage of two checkouts in one process",
        ".venv/bin/python bench/batch_paired.py --sizes 256 16       # nlp.batch_size for articles and sentences, in one process",
        ".venv/bin/python -m pytest bench/tests -q                    # tests of the benchmark code (part of make test; the slow ones start Label Studio)",
        "```",
        "",
        "Generated data (up to 10,000 tasks, ~140 MB) goes to `bench/data/` (git-ignored); results to "
        "`bench/results/<benchmark>.json`. Each benchmark is also a script of its own "
        "(`bench/bench_convert.py`, `bench_labelstudio.py`, `bench_inference.py`, `bench_training.py`, `bench_rules.py`, each with `--quick`).",
        "",
        "**How to read the numbers.** The machines are small and shared, so: times are medians of repeated runs where "
        "repeats are affordable; contenders are run in alternation in the same run, and the ratio between them is the "
        "number to compare across machines, not the absolute time; CPU seconds (user + system of the child process) are "
        "given next to wall seconds because they suffer less from other processes. Growth exponents are the slope of "
        "log(value) against log(size): 1 is linear, 2 quadratic.",
        "",
        "**Scale data.** `bench/make_data.py` builds documents by recombining the paragraphs of the five seed documents "
        "(11–17 per document, like the seeds) and swapping 30% of entity mentions for another gold mention of the same "
        "label; every gold span travels with its paragraph with recomputed offsets. Written as a Label Studio JSON export "
        "(`export.json`, the shape of `seeds/annotations.json`) and as plain documents (`docs.jsonl`). Deterministic for a "
        "seed; about 45 gold entities and 5,000 characters per document.",
        "",
        "## Machine",
        "",
        machine_section(results),
        "## Findings",
        "",
        FINDINGS.read_text(encoding="utf-8").strip() + "\n" if FINDINGS.is_file() else "None recorded.\n",
    ]
    sections = (
        ("Conversion: `vner convert` vs label-studio-sdk's CoNLL 2003 converter", "convert", convert_section),
        ("Label Studio: push and pull against a real local server", "labelstudio", labelstudio_section),
        ("Inference: speed and quality against what users would try instead", "inference", inference_section),
        ("Training and evaluation time", "training", training_section),
        ("Rules stage: its cost against the statistical NER, and at load (`bench/bench_rules.py`)", "rules", rules_section),
    )
    # Sections written by hand next to their benchmark's results (bench/sections/<name>.md):
    # one named like a generated section replaces it (its benchmark's newer runs are
    # written up by hand), the others follow.
    hand = {f.stem: f.read_text(encoding="utf-8").strip() + "\n" for f in sorted(SECTIONS.glob("*.md"))}
    for title, name, fn in sections:
        if name in hand:
            parts.append(hand.pop(name))
            continue
        parts += [f"## {title}", ""]
        parts.append(fn(results[name]) if results[name] else f"Not run yet: `.venv/bin/python bench/run_all.py --only {name}`.\n")
    mem = hand.pop("memory", None) or memory_section(results)
    if mem and not mem.startswith("## "):
        parts += ["## Memory: peak RSS of convert and pull", ""]
    if mem:
        parts.append(mem)
    parts += list(hand.values())
    text = "\n".join(parts).rstrip() + "\n"
    from vner.core.files import write_text_atomic

    write_text_atomic(path, text)
    return text


if __name__ == "__main__":
    write_readme()
