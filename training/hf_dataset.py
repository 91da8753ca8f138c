"""Annotated corpus ⇄ 🤗 `datasets` token-classification dataset.

`export_dataset` writes the corpus the way Hugging Face token-classification
scripts read it: a `DatasetDict` with one row per document,

- `id`: the document id (string),
- `tokens`: the syllable tokens, whitespace tokens dropped,
- `ner_tags`: `ClassLabel` IOB2 tags ("O", "B-PERSON", "I-PERSON", ...) in
  the scheme's label order, then any extra labels found in the data,
- `spaces`: whether a space follows each token (as in spaCy's
  `Doc(words, spaces)`), to detokenize without the original text,
- `text`: the document text, so the exact characters (newlines, double
  spaces) survive the trip,
- `meta`: the document's metadata as a JSON string.

Splits are `train` and `dev` (the names `vner convert` uses); `dev` is left
out when it has no documents. Scripts that expect "validation" can rename:
`ds["validation"] = ds.pop("dev")`. `dataset_to_docs` reads any of these
back into spaCy Docs (and any dataset with `tokens` + `ner_tags` columns).
"""

import json
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training.iob_utils import iob_to_biluo, tags_to_entities

from vner.core.errors import VnerError
from vner.core.files import replace_dir
from vner.model.nlp import make_nlp
from vner.core.scheme import labels as scheme_labels

logger = logging.getLogger(__name__)

SPLITS = ("train", "dev")
_IOB_TAG = re.compile(r"^[BI]-\S+$")
FORMATS = ("arrow", "parquet", "jsonl", "conll")


@dataclass
class ExportResult:
    """What `export_dataset` wrote: one entry per split."""

    output: Path
    format: str
    labels: list[str]
    documents: dict[str, int]
    entities: dict[str, int]
    files: list[Path] = field(default_factory=list)
    spans_dropped: int = 0


def tag_names(labels: Sequence[str]) -> list[str]:
    """IOB2 tag names for a label list, in the order `ClassLabel` numbers them.

    >>> tag_names(["PERSON", "ORG"])
    ['O', 'B-PERSON', 'I-PERSON', 'B-ORG', 'I-ORG']
    """
    return ["O"] + [f"{prefix}-{label}" for label in labels for prefix in "BI"]


def corpus_labels(docs: Iterable[Doc], scheme: Sequence[str] | None = None) -> list[str]:
    """The scheme's labels in order, then any other label in `docs` (sorted)."""
    scheme = scheme_labels() if scheme is None else scheme
    found = {ent.label_ for doc in docs for ent in doc.ents}
    return list(scheme) + sorted(found - set(scheme))


def features(labels: Sequence[str]):
    """The dataset's `datasets.Features`."""
    from datasets import ClassLabel, Features, Sequence as Seq, Value

    return Features(
        {
            "id": Value("string"),
            "tokens": Seq(Value("string")),
            "ner_tags": Seq(ClassLabel(names=tag_names(labels))),
            "spaces": Seq(Value("bool")),
            "text": Value("string"),
            "meta": Value("string"),
        }
    )


def doc_to_row(doc: Doc) -> dict:
    """One dataset row (tags as strings) for a Doc.

    >>> nlp = make_nlp()
    >>> doc = nlp("Công an tỉnh Nghệ An.")
    >>> doc.ents = [doc.char_span(0, 20, "ORG")]
    >>> doc.user_data["id"] = "d1"
    >>> row = doc_to_row(doc)
    >>> row["tokens"], row["ner_tags"]
    (['Công', 'an', 'tỉnh', 'Nghệ', 'An', '.'], ['B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O'])
    """
    doc_id = _doc_id(doc)
    tags = ["O"] * len(doc)
    for ent in doc.ents:
        inside = [t.i for t in ent if not t.is_space]
        if not inside:
            raise VnerError(
                "Entity of whitespace only",
                f"document {doc_id!r}: {ent.label_} span {ent.start_char}-{ent.end_char} ({ent.text!r})",
                "Fix or drop that span in the annotations (`vner convert` trims spans).",
            )
        tags[inside[0]] = f"B-{ent.label_}"
        for i in inside[1:]:
            tags[i] = f"I-{ent.label_}"
    kept = [t for t in doc if not t.is_space]
    return {
        "id": doc_id,
        "tokens": [t.text for t in kept],
        "ner_tags": [tags[t.i] for t in kept],
        "spaces": [bool(t.whitespace_) for t in kept],
        "text": doc.text,
        "meta": json.dumps(doc.user_data.get("meta") or {}, ensure_ascii=False, sort_keys=True),
    }


def _doc_id(doc: Doc) -> str:
    doc_id = doc.user_data.get("id")
    if doc_id is None:
        raise VnerError(
            "Document without id", repr(doc.text[:60]), "Convert the corpus with `vner convert`, which sets `user_data['id']`."
        )
    return str(doc_id)


def docs_to_dataset(docs: Sequence[Doc], labels: Sequence[str] | None = None):
    """A `datasets.Dataset` with one row per Doc (see the module docstring)."""
    from datasets import Dataset

    labels = list(labels) if labels is not None else corpus_labels(docs)
    feats = features(labels)
    names = feats["ner_tags"].feature
    rows = [doc_to_row(doc) for doc in docs]
    columns = {key: [row[key] for row in rows] for key in feats}
    try:
        columns["ner_tags"] = [[names.str2int(tag) for tag in row] for row in columns["ner_tags"]]
    except ValueError as e:
        raise VnerError("Entity label not in the label list", str(e), f"Labels given: {', '.join(labels)}.") from None
    return Dataset.from_dict(columns, features=feats)


def docs_to_dataset_dict(splits: dict[str, Sequence[Doc]], labels: Sequence[str] | None = None):
    """A `DatasetDict` of the non-empty splits, all with the same features."""
    from datasets import DatasetDict

    every = [doc for docs in splits.values() for doc in docs]
    labels = list(labels) if labels is not None else corpus_labels(every)
    return DatasetDict({name: docs_to_dataset(docs, labels) for name, docs in splits.items() if docs})


# --------------------------------------------------------------------------
# Reading back


def _load(path: Path):
    """A Dataset or DatasetDict from a `save_to_disk` folder or a .parquet file."""
    import datasets

    path = Path(path)
    if not path.exists():
        raise VnerError("Dataset not found", str(path), "Pass the folder `vner export-dataset` wrote.")
    if path.is_file() and path.suffix == ".parquet":
        import pyarrow.parquet as pq

        return datasets.Dataset(pq.read_table(path))
    if path.is_dir() and ((path / "dataset_dict.json").is_file() or (path / "dataset_info.json").is_file()):
        return datasets.load_from_disk(str(path))
    if path.is_dir() and any(path.glob("*.parquet")):
        return datasets.DatasetDict({p.stem: _load(p) for p in sorted(path.glob("*.parquet"))})
    raise VnerError(
        "Not a dataset",
        str(path),
        "Pass a folder written by `vner export-dataset` (arrow or parquet) or by `datasets.save_to_disk`.",
    )


def dataset_to_docs(path_or_dataset, nlp: Language | None = None, *, split: str | None = None) -> list[Doc]:
    """Read a token-classification dataset back into Docs with entities.

    Takes a `Dataset`, a `DatasetDict`, a `save_to_disk` folder (or one
    split's subfolder), a .parquet file or a folder of them. From several
    splits, `split` picks one; without it every split is read, in order
    (train, dev, then the others), and `doc.user_data["split"]` says which
    each document came from. Rows need `tokens` and `ner_tags` (ClassLabel
    ids or IOB strings); `id`, `text`, `spaces` and `meta` are used when
    present. With `text` the Doc has exactly that text; otherwise it is
    rebuilt from the tokens and `spaces`.

    >>> ds = docs_to_dataset([_example_doc()])
    >>> [(e.text, e.label_) for e in dataset_to_docs(ds)[0].ents]
    [('Nghệ An', 'PROVINCE')]
    """
    import datasets

    data = path_or_dataset
    source = "dataset"
    if isinstance(data, (str, os.PathLike)):
        source = str(data)
        data = _load(Path(data))
    if isinstance(data, datasets.DatasetDict):
        names = sorted(data, key=lambda n: (SPLITS.index(n) if n in SPLITS else len(SPLITS), n))
        if split is not None and split not in data:
            raise VnerError(
                "Split not in dataset",
                f"{source} has splits {', '.join(names) or 'none'}, not {split!r}",
                f"Pass one of: {', '.join(names)}.",
            )
        parts = [(name, data[name]) for name in ([split] if split is not None else names)]
    elif isinstance(data, datasets.Dataset):
        parts = [(split, data)]
    else:
        raise VnerError("Not a dataset", f"{source}: {type(data).__name__}", "Pass a datasets.Dataset or DatasetDict.")
    nlp = nlp or make_nlp()
    docs = []
    for name, part in parts:
        where = f"{source}[{name}]" if name and isinstance(data, datasets.DatasetDict) else source
        docs.extend(_rows_to_docs(part, nlp, where, name))
    return docs


def _rows_to_docs(data, nlp: Language, source: str, split: str | None) -> list[Doc]:
    missing = [c for c in ("tokens", "ner_tags") if c not in data.column_names]
    if missing:
        raise VnerError(
            "Not a token-classification dataset",
            f"{source} has no column {', '.join(missing)} (columns: {', '.join(data.column_names)})",
            "Export it with `vner export-dataset`, or rename its columns to `tokens` and `ner_tags`.",
        )
    tag_feature = getattr(data.features["ner_tags"], "feature", None)
    names = getattr(tag_feature, "names", None)
    docs = []
    for i, row in enumerate(data):
        doc_id = str(row["id"]) if row.get("id") is not None else f"{source}#{i}"
        tags = [names[t] if names is not None and isinstance(t, int) else str(t) for t in row["ner_tags"]]
        tokens = row["tokens"]
        if len(tags) != len(tokens):
            raise VnerError(
                "Tokens and tags differ in length",
                f"{source}, row {i} (id {doc_id!r}): {len(tokens)} tokens, {len(tags)} tags",
                "Every token needs exactly one tag.",
            )
        doc, index = _make_doc(nlp, tokens, row.get("spaces"), row.get("text"), f"{source}, row {i} (id {doc_id!r})")
        bad = next((t for t in tags if t != "O" and not _IOB_TAG.match(t)), None)
        if bad is not None:
            raise VnerError(
                "Invalid IOB tags", f"{source}, row {i} (id {doc_id!r}): tag {bad!r}", "Use IOB2 tags: O, B-LABEL, I-LABEL."
            )
        entities = tags_to_entities(iob_to_biluo(tags))
        doc.ents = [Span(doc, index[start], index[end] + 1, label=label) for label, start, end in entities]
        doc.user_data["id"] = doc_id
        meta = row.get("meta")
        doc.user_data["meta"] = json.loads(meta) if isinstance(meta, str) and meta else (meta or {})
        if split is not None:
            doc.user_data["split"] = split
        docs.append(doc)
    return docs


def _make_doc(nlp: Language, tokens: list[str], spaces, text, where: str) -> tuple[Doc, list[int]]:
    """A Doc of `tokens` (plus whitespace tokens where the text has them) and
    the Doc index of each token."""
    if text is None:
        if spaces is None:
            spaces = [True] * (len(tokens) - 1) + [False] if tokens else []
        elif len(spaces) != len(tokens):
            raise VnerError(
                "Tokens and spaces differ in length",
                f"{where}: {len(tokens)} tokens, {len(spaces)} spaces",
                "Every token needs one `spaces` value, or drop the column.",
            )
        return Doc(nlp.vocab, words=list(tokens), spaces=[bool(s) for s in spaces]), list(range(len(tokens)))
    words, word_spaces, index = [], [], []

    def add_gap(gap: str) -> None:
        if not gap:
            return
        if words and not word_spaces[-1] and gap.startswith(" "):
            word_spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            word_spaces.append(False)

    pos = 0
    for token in tokens:
        start = text.find(token, pos)
        if not token or start < 0 or text[pos:start].strip():
            raise VnerError(
                "Tokens do not match the text",
                f"{where}: token {token!r} not found after character {pos}",
                "Keep `text` and `tokens` from the same export, or drop the `text` column.",
            )
        add_gap(text[pos:start])
        index.append(len(words))
        words.append(token)
        word_spaces.append(False)
        pos = start + len(token)
    if text[pos:].strip():
        raise VnerError("Tokens do not match the text", f"{where}: text after the last token: {text[pos:pos + 30]!r}", "Keep `text` and `tokens` from the same export.")
    add_gap(text[pos:])
    return Doc(nlp.vocab, words=words, spaces=word_spaces), index


def _example_doc() -> Doc:
    doc = make_nlp()("Công an tỉnh Nghệ An")
    doc.ents = [doc.char_span(13, 20, "PROVINCE")]
    doc.user_data["id"] = "example"
    return doc


# --------------------------------------------------------------------------
# Reading a corpus and exporting


def export_dataset(
    source: Path,
    output: Path,
    *,
    format: str = "arrow",
    force: bool = False,
    dev_fraction: float = 0.2,
    seed: int = 0,
    progress: bool = False,
) -> ExportResult:
    """Write the corpus at `source` as a dataset in `output`.

    arrow: `DatasetDict.save_to_disk(output)` (`datasets.load_from_disk`);
    parquet: `output/<split>.parquet`; jsonl/conll: `output/<split>.<format>`
    via `vner.training.corpus`. The folder is written whole or not at all.
    """
    if format not in FORMATS:
        raise VnerError("Unknown dataset format", repr(format), f"Use one of: {', '.join(FORMATS)}.")
    output = Path(output)
    if output.exists() and (not output.is_dir() or any(output.iterdir())) and not force:
        raise VnerError("Output already exists", str(output), "Pass an empty or new folder, or --force to replace it.")
    from .corpus import read_corpus

    corpus = read_corpus(source, dev_fraction=dev_fraction, seed=seed)
    splits = {name: docs for name, docs in corpus.splits().items() if docs}
    if not splits:
        raise VnerError("No documents to export", str(source), "Annotate and convert some documents first.")
    if "dev" not in splits:
        logger.info("No dev documents in %s: writing the train split only", source)
    every = [doc for docs in splits.values() for doc in docs]
    labels = corpus_labels(every)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    try:
        staged = tmp / "out"
        files = _write(splits, labels, staged, format, progress)
        replace_dir(staged, output, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    entities: dict[str, int] = {}
    for doc in every:
        for ent in doc.ents:
            entities[ent.label_] = entities.get(ent.label_, 0) + 1
    return ExportResult(
        output=output,
        format=format,
        labels=labels,
        documents={name: len(docs) for name, docs in splits.items()},
        entities=dict(sorted(entities.items())),
        files=[output / f.relative_to(staged) for f in files],
        spans_dropped=corpus.spans_dropped,
    )


def _write(splits: dict[str, list[Doc]], labels: list[str], out: Path, format: str, progress: bool) -> list[Path]:
    import datasets

    was_enabled = datasets.is_progress_bar_enabled()
    if not progress:
        datasets.disable_progress_bars()
    try:
        return _write_files(splits, labels, out, format, progress)
    finally:
        if was_enabled:
            datasets.enable_progress_bars()


def _write_files(splits: dict[str, list[Doc]], labels: list[str], out: Path, format: str, progress: bool) -> list[Path]:
    from tqdm import tqdm

    out.mkdir(parents=True)
    if format in ("arrow", "parquet"):
        bar = tqdm(total=sum(map(len, splits.values())), desc="Exporting", unit="doc", disable=not progress, leave=False)
        dataset = {}
        for name, docs in splits.items():
            dataset[name] = docs_to_dataset(docs, labels)
            bar.update(len(docs))
        bar.close()
        if format == "arrow":
            from datasets import DatasetDict

            DatasetDict(dataset).save_to_disk(str(out))
            return sorted(p for p in out.rglob("*") if p.is_file())
        files = []
        for name, ds in dataset.items():
            ds.to_parquet(str(out / f"{name}.parquet"))
            files.append(out / f"{name}.parquet")
        return files
    try:
        from vner.training.corpus import docs_to_conll, docs_to_jsonl
    except ImportError:
        raise VnerError(
            f"The {format} writer is not available",
            "vner.training.corpus has no docs_to_conll/docs_to_jsonl",
            "Use --format arrow or parquet.",
        ) from None
    writer = docs_to_conll if format == "conll" else docs_to_jsonl
    files = []
    for name, docs in splits.items():
        path = out / f"{name}.{format}"
        path.write_text(writer(docs), encoding="utf-8")
        files.append(path)
    return files
