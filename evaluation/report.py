"""Evaluation reports: metrics.json, report.md, confusion.png, errors.html.

Numbers go to JSON for scripts, tables to Markdown for people, and every
document with a mistake to an HTML page that shows gold and prediction side
by side, because a score alone does not say what to fix.
"""

import html
import io
from pathlib import Path
from typing import Sequence

from vner.core.files import write_bytes_atomic, write_json_atomic, write_text_atomic
from vner.core.scheme import load_scheme

from .error_analysis import CATEGORIES, ERRORS, MISSED_COLUMN, SPURIOUS_ROW, Outcome

FILES = {"metrics": "metrics.json", "report": "report.md", "confusion": "confusion.png", "errors": "errors.html"}
AVERAGE_ROWS = ("micro", "macro", "weighted")


def scores_table(scores: dict) -> tuple[list[str], list[list]]:
    """Header and rows (per label, then averages) of an `entity_scores` result.

    >>> header, rows = scores_table({"per_entity": {"ORG": {"p": 1.0, "r": 0.5, "f": 2 / 3, "support": 2}},
    ...     "micro": {"p": 1.0, "r": 0.5, "f": 2 / 3, "support": 2}})
    >>> header, rows
    (['label', 'P', 'R', 'F1', 'support'], [['ORG', '100.00', '50.00', '66.67', 2], ['micro avg', '100.00', '50.00', '66.67', 2]])
    """
    rows = [[label, *_pct(s), s["support"]] for label, s in scores["per_entity"].items()]
    rows += [[f"{name} avg", *_pct(scores[name]), scores[name]["support"]] for name in AVERAGE_ROWS if name in scores]
    return ["label", "P", "R", "F1", "support"], rows


def capability_table(capabilities: dict) -> tuple[list[str], list[list]]:
    """Header and rows of per-capability scores (`metrics["capabilities"]`).

    >>> capability_table({"negatives": {"p": 0.0, "r": 0.0, "f": 0.0, "support": 0, "documents": 4, "predicted": 1, "exact": 0.75}})
    (['capability', 'sentences', 'gold', 'predicted', 'P', 'R', 'F1', 'exact'], [['negatives', 4, 0, 1, '0.00', '0.00', '0.00', '75.00']])
    """
    header = ["capability", "sentences", "gold", "predicted", "P", "R", "F1", "exact"]
    rows = [[cap, s["documents"], s["support"], s["predicted"], *_pct(s), f"{100 * s['exact']:.2f}"] for cap, s in capabilities.items()]
    return header, rows


def _pct(s: dict) -> list[str]:
    return [f"{100 * s[key]:.2f}" for key in ("p", "r", "f")]


def markdown_table(header: Sequence, rows: Sequence[Sequence]) -> str:
    """
    >>> print(markdown_table(["a", "b"], [[1, "x|y"]]))
    | a | b |
    | --- | --- |
    | 1 | x\\|y |
    """
    cell = lambda v: str(v).replace("|", "\\|").replace("\n", " ")  # noqa: E731
    lines = ["| " + " | ".join(map(cell, header)) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(map(cell, row)) + " |" for row in rows]
    return "\n".join(lines)


def write_reports(output_dir: Path, metrics: dict, scored) -> dict:
    """Write the four report files; record and return their paths."""
    output_dir = Path(output_dir)
    files = {key: str(output_dir / name) for key, name in FILES.items()}
    metrics["files"] = files
    write_bytes_atomic(output_dir / FILES["confusion"], confusion_png(metrics["confusion"], metrics["errors"]["counts"]))
    write_text_atomic(output_dir / FILES["errors"], errors_html(metrics, scored))
    write_text_atomic(output_dir / FILES["report"], report_markdown(metrics))
    write_json_atomic(output_dir / FILES["metrics"], metrics)
    return files


def report_markdown(metrics: dict) -> str:
    counts = metrics["counts"]
    lines = [
        f"# Evaluation: `{metrics['model']}` on `{metrics['data']}` ({metrics.get('part', 'all documents')})",
        "",
        f"{metrics['documents']} documents, {counts['gold_total']} gold entities, {counts['predicted_total']} predicted. "
        f"Scored strictly (seqeval, IOB2: exact span and label) on {metrics['reference_tokenizer']} tokens.",
        "",
    ]
    lines += [f"> **Warning:** {w}" for w in metrics["warnings"]]
    if metrics["warnings"]:
        lines.append("")
    lines += ["## Scores", "", markdown_table(*scores_table(metrics["scores"])), ""]
    if metrics.get("capabilities"):
        lines += [
            "## Scores per capability",
            "",
            "Micro P/R/F1 over each capability's sentences (same strict scoring); exact = share of its sentences "
            "whose predicted entities equal the gold ones (for sentences without gold entities: nothing predicted).",
            "",
            markdown_table(*capability_table(metrics["capabilities"])),
            "",
        ]
    errors = metrics["errors"]
    lines += [
        "## Error breakdown",
        "",
        markdown_table(["outcome", "count", "meaning"], [[c, errors["counts"][c], CATEGORIES[c]] for c in CATEGORIES]),
        "",
        f"Every document with an error, gold and prediction side by side: [{FILES['errors']}]({FILES['errors']})",
        "",
        "## Confusion",
        "",
        "Rows are gold labels, columns predicted labels; paired spans (exact or overlapping) count under both "
        "labels, so the diagonal holds correct spans and boundary errors.",
        "",
        f"![Entity-level confusion matrix]({FILES['confusion']})",
        "",
    ]
    if any(errors["examples"].values()):
        lines += ["## Examples", ""]
        for category in ERRORS:
            items = errors["examples"].get(category) or []
            if items:
                lines += [f"### {category} ({CATEGORIES[category]})", ""]
                lines += [f"- {_example_text(item)}" for item in items]
                lines.append("")
    return "\n".join(lines)


def _example_text(item: dict) -> str:
    side = lambda s: "—" if s is None else f"“{s['text']}” {s['label']}"  # noqa: E731
    return f"`{item['doc']}`: gold {side(item['gold'])} → predicted {side(item['pred'])} · {item['context']}"


def confusion_png(confusion: dict, counts: dict) -> bytes:
    """The confusion matrix as a PNG (matplotlib, no global pyplot state)."""
    import numpy as np
    from matplotlib.figure import Figure

    matrix = np.array(confusion["matrix"])
    rows, columns = confusion["rows"], confusion["columns"]
    fig = Figure(figsize=(1.1 * len(columns) + 2.5, 0.8 * len(rows) + 2), dpi=100)
    ax = fig.add_subplot()
    ax.imshow(matrix, cmap="Blues", vmin=0, vmax=max(1, matrix.max()))
    ax.set_xticks(range(len(columns)), labels=columns, rotation=35, ha="right")
    ax.set_yticks(range(len(rows)), labels=rows)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    for i in range(len(rows)):
        for j in range(len(columns)):
            value = int(matrix[i, j])
            if rows[i] == SPURIOUS_ROW and columns[j] == MISSED_COLUMN:
                continue  # no such pair: the corner is always empty
            color = "white" if value > matrix.max() / 2 else "black"
            ax.text(j, i, str(value), ha="center", va="center", color=color, fontsize=9)
    ax.set_title(f"Entity confusion (diagonal includes {counts['wrong_boundary']} boundary errors)", fontsize=10)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
td, th { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5em; }
.side > div { border: 1px solid #ddd; border-radius: 4px; padding: 0 1em; overflow-wrap: anywhere; }
section { border-top: 2px solid #888; margin-top: 2em; }
.count { color: #555; }
"""


def errors_html(metrics: dict, scored) -> str:
    """Every document with at least one error: gold left, prediction right."""
    from spacy import displacy

    colors = {label.name: label.color for label in load_scheme()}
    micro = metrics["scores"]["micro"]
    outcomes = scored.outcomes()
    with_errors = [i for i, doc_outcomes in enumerate(outcomes) if any(o.category != "correct" for o in doc_outcomes)]
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="vi"><head><meta charset="utf-8"><title>vner: evaluation errors</title>',
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>Errors of <code>{esc(metrics['model'])}</code> on <code>{esc(metrics['data'])}</code> ({esc(metrics.get('part', 'all documents'))})</h1>",
        f"<p>micro P {100 * micro['p']:.2f} · R {100 * micro['r']:.2f} · F1 {100 * micro['f']:.2f} "
        f"({metrics['counts']['gold_total']} gold, {metrics['counts']['predicted_total']} predicted entities; strict, on syllable tokens)</p>",
    ]
    parts += [f"<p><strong>Warning:</strong> {esc(w)}</p>" for w in metrics["warnings"]]
    parts.append("<table><tr><th>outcome</th><th>count</th><th>meaning</th></tr>")
    parts += [f"<tr><td>{c}</td><td>{metrics['errors']['counts'][c]}</td><td>{esc(CATEGORIES[c])}</td></tr>" for c in CATEGORIES]
    parts.append("</table>")
    parts.append(f"<p>{len(with_errors)} of {metrics['documents']} documents have errors:</p><ul>")
    for i in with_errors:
        parts.append(f'<li><a href="#doc-{i}">{esc(scored.ids[i])}</a> <span class="count">{_summary(outcomes[i])}</span></li>')
    parts.append("</ul>")
    for i in with_errors:
        gold, pred = scored.gold[i], scored.pred[i]
        parts += [
            f'<section id="doc-{i}"><h2>{esc(scored.ids[i])}</h2>',
            f'<p class="count">{_summary(outcomes[i])}</p>',
            '<div class="side">',
            f"<div><h3>Gold</h3>{_render(displacy, gold, colors)}</div>",
            f"<div><h3>Predicted</h3>{_render(displacy, pred, colors)}</div>",
            "</div>",
            "<table><tr><th>outcome</th><th>gold</th><th>predicted</th></tr>",
        ]
        for o in outcomes[i]:
            if o.category != "correct":
                parts.append(f"<tr><td>{o.category}</td><td>{_cell(o.gold, gold.text)}</td><td>{_cell(o.pred, gold.text)}</td></tr>")
        parts.append("</table></section>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _summary(outcomes: list[Outcome]) -> str:
    counts = {c: sum(o.category == c for o in outcomes) for c in ERRORS}
    return ", ".join(f"{n} {c.replace('_', ' ')}" for c, n in counts.items() if n)


def _cell(ent, text: str) -> str:
    return "—" if ent is None else f"{html.escape(text[ent.start:ent.end])} <b>{html.escape(ent.label)}</b>"


def _render(displacy, doc, colors: dict) -> str:
    data = {"text": doc.text, "ents": [{"start": e.start_char, "end": e.end_char, "label": html.escape(e.label_)} for e in doc.ents]}
    return displacy.render([data], style="ent", manual=True, page=False, jupyter=False, options={"colors": colors})
