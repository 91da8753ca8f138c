"""The output formats of `vner tag`: one serialized record per document.

A record is the exact text a document contributes to the output, computed
where the model ran (a Dask worker, a spaCy process), so every way of
running writes the same bytes. `head`, `sep` and `tail` wrap the records.
"""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from spacy.tokens import Doc

from vner.annotation.push import prediction
from vner.core.errors import VnerError
from vner.core.scheme import labels as scheme_labels
from vner.training.corpus import docs_to_conll

FORMATS = ("jsonl", "labelstudio", "conll")


@dataclass(frozen=True)
class Format:
    name: str
    head: str = ""
    sep: str = ""
    tail: str = ""
    empty: str = ""  # the whole output when no document was tagged


OUTPUTS = {
    "jsonl": Format("jsonl"),
    # A JSON list of tasks, as Label Studio imports and exports them.
    "labelstudio": Format("labelstudio", head="[\n", sep=",\n", tail="\n]\n", empty="[]\n"),
    "conll": Format("conll"),
}


def get_format(name: str, with_text: bool = True) -> Format:
    if name not in OUTPUTS:
        raise VnerError("Unknown output format", repr(name), f"Use one of: {', '.join(FORMATS)}.")
    if not with_text and name != "jsonl":
        raise VnerError("--no-text works with --format jsonl only", f"--format {name}",
                        "Label Studio tasks need their text and CoNLL lists the words; drop --no-text.")
    return OUTPUTS[name]


def entities(doc: Doc) -> list[dict]:
    """`{"start", "end", "label", "text"}` per entity, character offsets."""
    return [{"start": e.start_char, "end": e.end_char, "label": e.label_, "text": e.text} for e in doc.ents]


def record(doc: Doc, doc_id: str, meta: dict, fmt: str, *, with_text: bool, model_version: str) -> tuple[str, int]:
    """The output text of one tagged document, and how many spans it left out.

    >>> from vner.model.nlp import make_nlp
    >>> doc = make_nlp()("Đại tá Lê Văn Thái")
    >>> doc.ents = [doc.char_span(0, 6, "RANK"), doc.char_span(7, 18, "PERSON")]
    >>> print(record(doc, "d1", {}, "jsonl", with_text=False, model_version="m")[0], end="")
    {"id": "d1", "entities": [{"start": 0, "end": 6, "label": "RANK", "text": "Đại tá"}, {"start": 7, "end": 18, "label": "PERSON", "text": "Lê Văn Thái"}]}
    """
    if fmt == "jsonl":
        obj = {"id": doc_id, "text": doc.text} if with_text else {"id": doc_id}
        obj["entities"] = entities(doc)
        return json.dumps(obj, ensure_ascii=False) + "\n", 0
    if fmt == "labelstudio":
        # Labels outside the scheme would not import into a vner project.
        spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        pred, dropped = prediction(doc.text, spans, model_version, scheme_labels())
        task = {"data": {"id": doc_id, "text": doc.text, "meta": meta}, "predictions": [pred]}
        return json.dumps(task, ensure_ascii=False), dropped
    if fmt == "conll":
        return docs_to_conll([doc]), 0
    raise VnerError("Unknown output format", repr(fmt), f"Use one of: {', '.join(FORMATS)}.")


def read_output(path: Path, fmt: str) -> Iterator[tuple[str, str]]:
    """(id, record) of each document in a finished output, streamed, so
    `--resume` skips them and the new output keeps them."""
    fix = "Delete it, or tag again without --resume (which rewrites it)."
    if fmt == "conll":
        raise VnerError("CoNLL output keeps no document ids", f"{path} exists and --resume needs its ids",
                        "Tag into JSONL or Label Studio format to add documents later, or tag again without --resume.")
    with open(path, "rb") as f:
        if fmt == "jsonl":
            for lineno, raw in enumerate(f, 1):
                try:
                    line = raw.decode("utf-8")
                    obj = json.loads(line)
                    doc_id = obj["id"]
                except (UnicodeDecodeError, json.JSONDecodeError, TypeError, KeyError):
                    raise VnerError("Not a `vner tag` JSONL output", f"{path}:{lineno}", fix) from None
                yield str(doc_id), line if line.endswith("\n") else line + "\n"
            return
        from vner.core.jsonstream import json_list_items

        expected = "the output of `vner tag --format labelstudio` (a JSON list of tasks); delete it, or tag again without --resume"
        for n, task in enumerate(json_list_items(path, "Not a `vner tag` Label Studio output", expected)):
            try:
                doc_id = task["data"]["id"]
            except (TypeError, KeyError):
                raise VnerError("Not a `vner tag` Label Studio output", f"{path}, task #{n} has no data.id", fix) from None
            yield str(doc_id), json.dumps(task, ensure_ascii=False)
