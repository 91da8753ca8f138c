"""Training data in any common NER format → spaCy Docs, and back.

This is vner's one corpus layer: `read_corpus(path)` looks at what `path`
is, reads it, and returns its documents with their split (`Corpus`: train,
dev, held-out test); `vner train`, `evaluate`, `crossval`, `curve`,
`export-dataset` and `package --eval` all read data through it:

- a Label Studio JSON export (`.json` holding a list of tasks), through
  `vner.annotation.convert`;
- a spaCy corpus: a `.spacy` DocBin, or a folder with `train.spacy` /
  `dev.spacy` (what `vner convert` writes); a split of many documents is a
  folder of shards, `train.spacy/00000.spacy`, ..., read as one (the folder
  is what spaCy's `spacy.Corpus.v1` takes too);
- CoNLL / IOB text (`.conll`, `.iob`, `.txt`, `.tsv`): one "token TAG" per
  line (the tag is the last column), a blank line between sentences,
  `-DOCSTART-` lines between documents;
- JSON lines (`.jsonl`, or `.json` whose first line is such an object, as
  public corpora ship them): `{"words": [...], "tags": [...], "id": ...}`;
- a 🤗 `datasets` folder saved with `save_to_disk`;
- a folder of any of these files.

Tags may be IOB2, IOB1 or BIOES/BILOU; the scheme is detected per file and
converted with spaCy's own helpers. A sequence that fits no scheme fails with
the file and line of the first bad tag, never silently.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import biluo_to_iob, iob_to_biluo

from vner.core.errors import VnerError
from vner.core.files import jsonl_records

logger = logging.getLogger(__name__)

CONLL_SUFFIXES = (".conll", ".conll03", ".iob", ".iob2", ".bio", ".bioes", ".txt", ".tsv")
JSONL_SUFFIXES = (".jsonl",)
SPACY_SUFFIXES = (".spacy",)
LABEL_STUDIO_SUFFIXES = (".json",)
FORMATS_HELP = (
    "Accepted: a Label Studio export (.json, a list of tasks); JSON lines (.jsonl or .json, "
    "one {\"words\": [...], \"tags\": [...]} object per line); a .spacy file or a corpus folder "
    "(train.spacy/dev.spacy, each a file or a folder of .spacy shards); CoNLL/IOB (.conll, .conll03, .iob, .iob2, .bio, .bioes, .txt, .tsv: "
    "'token TAG' per line); a 🤗 datasets folder (save_to_disk) or .parquet file; a folder of these."
)

_TAG = re.compile(r"^([BIELSU])-(\S+)$")


@dataclass(frozen=True)
class Corpus:
    """Documents read from one input, kept apart by the input's own split.

    `dev` is a corpus folder's dev.spacy or a dataset's dev/validation split;
    `held_out` a dataset's other splits (test), never trained on.
    `spans_dropped` counts Label Studio spans that could not be used;
    `own_split` is true for inputs that carry their split (a corpus folder,
    a dataset), which is then never re-drawn, even with an empty dev part.
    """

    train: list[Doc]
    dev: list[Doc]
    held_out: list[Doc] = field(default_factory=list)
    spans_dropped: int = 0
    own_split: bool = False

    def documents(self) -> list[Doc]:
        """Every document, whatever its split (for cross-validation)."""
        return self.train + self.dev + self.held_out

    def splits(self) -> dict[str, list[Doc]]:
        """``{"train": ..., "dev": ...}`` plus ``"test"`` when there is a held-out split."""
        return {"train": self.train, "dev": self.dev, **({"test": self.held_out} if self.held_out else {})}

    def with_dev(self, dev_fraction: float, seed: int = 0) -> "Corpus":
        """This corpus, with whole documents of `train` held out as dev when it has none.

        The one place where vner splits training documents (document-grouped:
        parts of one document never land on both sides).
        """
        if self.dev or self.own_split or not dev_fraction or not self.train:
            return self
        from .train import split_train_dev

        train, dev = split_train_dev(self.train, dev_fraction=dev_fraction, seed=seed)
        return Corpus(train, dev, self.held_out, self.spans_dropped)


def read_corpus(path: Path, nlp: Language | None = None, *, dev_fraction: float = 0.0, seed: int = 0) -> Corpus:
    """The documents of `path` with their split; with `dev_fraction`, a data
    set without a dev split gets one (`Corpus.with_dev`).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
    >>> _ = p.write_text('{"id": "d1", "words": ["Nghệ", "An"], "tags": ["B-PROVINCE", "I-PROVINCE"]}\\n', encoding="utf-8")
    >>> c = read_corpus(p)
    >>> [d.user_data["id"] for d in c.train], c.dev
    (['d1'], [])
    """
    if nlp is None:
        from vner.model.nlp import make_nlp

        nlp = make_nlp()
    return load_corpus(path, nlp).with_dev(dev_fraction, seed)


def load_training_data(path: Path, nlp: Language) -> list[Doc]:
    """Every annotated document in `path`, whatever its format (see the module doc).

    >>> import tempfile, pathlib
    >>> from vner.model.nlp import make_nlp
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.conll"
    >>> _ = p.write_text("Công B-ORG\\nan I-ORG\\nNghệ I-ORG\\nAn I-ORG\\nhọp O\\n", encoding="utf-8")
    >>> [(e.text, e.label_) for doc in load_training_data(p, make_nlp()) for e in doc.ents]
    [('Công an Nghệ An', 'ORG')]
    """
    corpus = load_corpus(path, nlp)
    return corpus.train + corpus.dev + corpus.held_out


def load_corpus(path: Path, nlp: Language) -> Corpus:
    """Like `load_training_data`, but keeps a corpus folder's own train/dev split apart."""
    path = Path(path)
    if not path.exists():
        raise VnerError("Training data not found", str(path), "Check the path, or run `vner convert` first.")
    if path.is_dir():
        return _load_dir(path, nlp)
    return _load_file(path, nlp)


def _load_dir(path: Path, nlp: Language) -> Corpus:
    if path.suffix.lower() in SPACY_SUFFIXES:  # one split written as shards
        return Corpus(spacy_to_docs(path, nlp), [])
    if _is_hf_dataset(path):
        return _dataset_corpus(path, nlp)
    if (path / "train.spacy").exists():
        dev = path / "dev.spacy"
        return Corpus(spacy_to_docs(path / "train.spacy", nlp), spacy_to_docs(dev, nlp) if dev.exists() else [], own_split=True)
    suffixes = SPACY_SUFFIXES + CONLL_SUFFIXES + JSONL_SUFFIXES + LABEL_STUDIO_SUFFIXES
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes and not p.name.startswith("."))
    if not files:
        raise VnerError("No training data in folder", str(path), FORMATS_HELP)
    parts = [_load_file(f, nlp) for f in files]
    return Corpus([d for c in parts for d in c.train], [], [], sum(c.spans_dropped for c in parts))


def _load_file(path: Path, nlp: Language) -> Corpus:
    suffix = path.suffix.lower()
    if suffix in SPACY_SUFFIXES:
        return Corpus(spacy_to_docs(path, nlp), [])
    if suffix == ".parquet":
        from .hf_dataset import dataset_to_docs

        return Corpus(list(dataset_to_docs(path, nlp)), [])
    if suffix in LABEL_STUDIO_SUFFIXES:
        kind = json_kind(path)
        if kind == "jsonl":
            return Corpus(list(jsonl_to_docs(_read_text(path), nlp, source=str(path))), [])
        if kind == "labelstudio":
            docs, dropped = _labelstudio_export(path, nlp)
            return Corpus(docs, [], [], dropped)
        raise VnerError("Unknown training data format", f"{path}: {kind}", FORMATS_HELP)
    if suffix in JSONL_SUFFIXES:
        return Corpus(list(jsonl_to_docs(_read_text(path), nlp, source=str(path))), [])
    if suffix in CONLL_SUFFIXES:
        return Corpus(list(conll_to_docs(_read_text(path), nlp, source=str(path))), [])
    raise VnerError("Unknown training data format", str(path), FORMATS_HELP)


def json_kind(path: Path) -> str:
    """"jsonl" or "labelstudio" for a `.json` file, by its content; else what it holds.

    Corpora often ship JSON lines under a `.json` name: a first non-blank line
    that is a whole object with "words" and "tags" makes the file JSONL; a
    file that starts a JSON array is a Label Studio export. Anything else is
    described (for the error message), not guessed.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "train.json"
    >>> _ = p.write_text('{"words": ["3", "tỉnh"], "tags": ["B-QUANTITY", "I-QUANTITY"]}\\n', encoding="utf-8")
    >>> json_kind(p)
    'jsonl'
    >>> _ = p.write_text('[{"data": {"text": "..."}}]', encoding="utf-8")
    >>> json_kind(p)
    'labelstudio'
    """
    first = ""
    try:
        with path.open(encoding="utf-8-sig") as f:
            for line in f:
                if line.strip():
                    first = line.strip()
                    break
    except UnicodeDecodeError as e:
        raise VnerError("Invalid UTF-8", f"{path}: byte {e.start}", "Re-save the file as UTF-8.") from None
    if not first:
        return "an empty file"
    if first.startswith("["):
        return "labelstudio"
    if not first.startswith("{"):
        return f"text starting {first[:30]!r}, not JSON"
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return "line 1 is not a whole JSON object (JSON lines need one object per line)"
    if isinstance(record, dict) and "words" in record and "tags" in record:
        return "jsonl"
    keys = ", ".join(sorted(map(str, record))[:5]) if isinstance(record, dict) else ""
    return f'line 1 is a JSON object with keys ({keys}), not "words" and "tags"'


def _is_hf_dataset(path: Path) -> bool:
    if any((path / name).is_file() for name in ("dataset_dict.json", "dataset_info.json", "state.json")):
        return True
    return any(p.suffix == ".parquet" for p in path.iterdir())


def _dataset_corpus(path: Path, nlp: Language) -> Corpus:
    """A 🤗 dataset: its dev/validation split is the dev set, a test split is not trained on."""
    from .hf_dataset import dataset_to_docs

    docs = list(dataset_to_docs(path, nlp))
    train = [d for d in docs if d.user_data.get("split") in (None, "train")]
    dev = [d for d in docs if d.user_data.get("split") in ("dev", "validation")]
    rest = [d for d in docs if d.user_data.get("split") not in (None, "train", "dev", "validation")]
    if rest:
        splits = sorted({str(d.user_data.get("split")) for d in rest})
        logger.warning("%s: %d documents of split(s) %s not used for training", path, len(rest), ", ".join(splits))
    return Corpus(train, dev, rest, own_split=True)


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise VnerError("Invalid UTF-8", f"{path}: byte {e.start}", "Re-save the file as UTF-8.") from None


def spacy_to_docs(path: Path, nlp: Language) -> list[Doc]:
    """Docs from a DocBin, or from a folder of DocBin shards read in name
    order as spaCy's corpus reader reads them (hidden files skipped);
    documents without an id get `<file or folder stem>-<n>`."""
    path = Path(path)
    files = spacy_shards(path) if path.is_dir() else [path]
    docs = []
    for file in files:
        try:
            docs.extend(DocBin().from_disk(file).get_docs(nlp.vocab))
        except Exception as e:  # msgpack/zlib errors for a file that is not a DocBin
            raise VnerError("Not a spaCy DocBin", f"{file}: {type(e).__name__}: {e}", "Pass a .spacy file written by `vner convert` or `spacy convert`.") from None
    for i, doc in enumerate(docs):
        doc.user_data.setdefault("id", f"{path.stem}-{i}")
    return docs


def spacy_shards(folder: Path) -> list[Path]:
    """The `.spacy` files of a shard folder, in the order spaCy's
    `spacy.Corpus.v1` reads them (its `walk_corpus`: sorted paths, names
    starting with a dot skipped, subfolders included).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "train.spacy"
    >>> d.mkdir(); _ = [(d / n).write_bytes(b"") for n in ("00001.spacy", "00000.spacy", ".00002.spacy.tmp")]
    >>> [p.name for p in spacy_shards(d)]
    ['00000.spacy', '00001.spacy']
    """
    import warnings

    from spacy.training.corpus import walk_corpus

    with warnings.catch_warnings():  # spaCy warns about an empty folder; that is an error here
        warnings.simplefilter("ignore")
        files = walk_corpus(folder, ".spacy")
    if not files:
        raise VnerError("No .spacy files in folder", str(folder), "Pass a folder of .spacy shards written by `vner convert`, or its corpus folder.")
    return files


def labelstudio_export_to_docs(path: Path, nlp: Language) -> list[Doc]:
    """Docs from a Label Studio JSON export, with the same rules as `vner convert`."""
    return _labelstudio_export(path, nlp)[0]


def _labelstudio_export(path: Path, nlp: Language) -> tuple[list[Doc], int]:
    from vner.annotation.convert import CASES, ConvertReport, labelstudio_to_docs, load_export

    report = ConvertReport()
    docs = list(labelstudio_to_docs(load_export(path), nlp, report=report))
    if report.dropped:
        dropped = ", ".join(f"{report.counts[c]} {c}" for c in CASES if c.endswith("dropped") and report.counts[c])
        logger.warning("%s: %d span(s) not used for training (%s); `vner convert` shows examples", path, report.dropped, dropped)
    return docs, report.dropped


# --- CoNLL / IOB ---------------------------------------------------------


def conll_to_docs(text: str, nlp: Language, *, source: str = "<conll>") -> Iterator[Doc]:
    """Docs from CoNLL-style "token TAG" lines.

    Sentences are separated by blank lines. With `-DOCSTART-` lines, each
    document between them becomes one Doc (sentence starts kept); without
    them, each sentence is a Doc. Extra columns between token and tag (POS,
    chunk) are ignored. Example input::

        -DOCSTART- -X- -X- O

        Thiếu B-RANK
        tướng I-RANK
        Phạm B-PERSON
        Thế I-PERSON
        Tùng I-PERSON

    >>> from vner.model.nlp import make_nlp
    >>> docs = list(conll_to_docs("Đại B-RANK\\ntá I-RANK\\nLê B-PERSON\\nVăn I-PERSON\\n", make_nlp()))
    >>> [(e.text, e.label_) for e in docs[0].ents]
    [('Đại tá', 'RANK'), ('Lê Văn', 'PERSON')]
    """
    stem = Path(source).stem
    documents: list[list[list[tuple[str, str, int]]]] = []  # documents → sentences → (word, tag, line)
    has_docstart = False
    sentence: list[tuple[str, str, int]] = []
    current: list[list[tuple[str, str, int]]] = []

    def end_sentence():
        nonlocal sentence
        if sentence:
            current.append(sentence)
            sentence = []

    for lineno, line in enumerate(text.splitlines(), 1):
        fields = line.split()
        if not fields:
            end_sentence()
            continue
        if fields[0] == "-DOCSTART-":
            end_sentence()
            has_docstart = True
            if current:
                documents.append(current)
            current = []
            continue
        if len(fields) < 2:
            raise VnerError(
                "Not a CoNLL/IOB line",
                f"{source}:{lineno}: {line.strip()[:60]!r} has no tag column",
                "Write one 'token TAG' per line, a blank line between sentences.",
            )
        sentence.append((fields[0], fields[-1], lineno))
    end_sentence()
    if current:
        documents.append(current)
    if not has_docstart:  # every sentence is a document
        documents = [[s] for doc in documents for s in doc]

    sentences = [s for doc in documents for s in doc]
    scheme = detect_scheme(
        ([tag for _, tag, _ in s] for s in sentences),
        lines=([ln for _, _, ln in s] for s in sentences),
        source=source,
    )
    for n, doc_sentences in enumerate(documents):
        words, tags, starts = [], [], []
        for s in doc_sentences:
            starts.append(len(words))
            words.extend(w for w, _, _ in s)
            tags.extend(to_iob2([t for _, t, _ in s], scheme))
        doc = Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False], ents=tags)
        if has_docstart:
            for i, token in enumerate(doc):
                token.is_sent_start = i in starts
        doc.user_data["id"] = f"{stem}-{n}"
        yield doc


def docs_to_conll(docs: Iterable[Doc]) -> str:
    """CoNLL "token TAG" text (IOB2), one `-DOCSTART-` block per Doc.

    Whitespace tokens are left out; a newline token, or a sentence start
    where the Doc has them, ends a sentence.

    >>> from vner.model.nlp import make_nlp
    >>> doc = make_nlp()("Đại tá Lê Văn Thái.")
    >>> doc.ents = [doc.char_span(0, 6, "RANK"), doc.char_span(7, 18, "PERSON")]
    >>> print(docs_to_conll([doc]))
    -DOCSTART- O
    <BLANKLINE>
    Đại B-RANK
    tá I-RANK
    Lê B-PERSON
    Văn I-PERSON
    Thái I-PERSON
    . O
    <BLANKLINE>
    """
    out: list[str] = []
    for doc in docs:
        out.append("-DOCSTART- O\n")
        for sentence in _sentences(doc):
            out.append("\n" + "".join(f"{w} {t}\n" for w, t in sentence))
    return "".join(out)


# --- JSON lines ----------------------------------------------------------


def jsonl_to_docs(text: str, nlp: Language, *, source: str = "<jsonl>") -> Iterator[Doc]:
    """Docs from JSON lines, one document per line::

        {"id": "d1", "words": ["Đại", "tá", "Lê", "Văn", "Thái"], "tags": ["B-RANK", "I-RANK", "B-PERSON", "I-PERSON", "I-PERSON"]}

    `id` is optional (default `<file stem>-<line>`); `spaces` (booleans) too.

    >>> from vner.model.nlp import make_nlp
    >>> line = '{"words": ["3", "tỉnh"], "tags": ["B-QUANTITY", "I-QUANTITY"]}'
    >>> [(e.text, e.label_) for doc in jsonl_to_docs(line, make_nlp()) for e in doc.ents]
    [('3 tỉnh', 'QUANTITY')]
    """
    stem = Path(source).stem
    records = []
    expected = 'Write one {"words": [...], "tags": [...]} object per line.'
    for lineno, where, record in jsonl_records(text, str(source), expected):
        if not isinstance(record, dict) or not isinstance(record.get("words"), list) or not isinstance(record.get("tags"), list):
            raise VnerError("Invalid JSON line", f'{where}: expected an object with "words" and "tags" lists', expected)
        words, tags = record["words"], record["tags"]
        if len(words) != len(tags):
            raise VnerError("Words and tags differ in length", f"{where}: {len(words)} words, {len(tags)} tags", "Give every word exactly one tag.")
        if not all(isinstance(w, str) and w for w in words) or not all(isinstance(t, str) for t in tags):
            raise VnerError("Invalid JSON line", f"{where}: words must be non-empty strings and tags strings", "")
        spaces = record.get("spaces")
        if spaces is not None and (not isinstance(spaces, list) or len(spaces) != len(words)):
            raise VnerError("Invalid JSON line", f'{where}: "spaces" must be a list of booleans, one per word', "")
        records.append((lineno, record))
    scheme = detect_scheme((r["tags"] for _, r in records), lines=([ln] * len(r["tags"]) for ln, r in records), source=source)
    for lineno, record in records:
        words = record["words"]
        spaces = record.get("spaces") or [True] * (len(words) - 1) + [False]
        doc = Doc(nlp.vocab, words=words, spaces=[bool(s) for s in spaces], ents=to_iob2(record["tags"], scheme))
        doc.user_data["id"] = str(record.get("id", f"{stem}-{lineno}"))
        yield doc


def docs_to_jsonl(docs: Iterable[Doc]) -> str:
    """One `{"id", "words", "tags"}` line per Doc, IOB2 tags, whitespace tokens left out.

    >>> from vner.model.nlp import make_nlp
    >>> doc = make_nlp()("3 tỉnh")
    >>> doc.ents = [doc.char_span(0, 6, "QUANTITY")]
    >>> doc.user_data["id"] = "d1"
    >>> print(docs_to_jsonl([doc]), end="")
    {"id": "d1", "words": ["3", "tỉnh"], "tags": ["B-QUANTITY", "I-QUANTITY"]}
    """
    lines = []
    for i, doc in enumerate(docs):
        pairs = [pair for sentence in _sentences(doc) for pair in sentence]
        record = {"id": str(doc.user_data.get("id", i)), "words": [w for w, _ in pairs], "tags": [t for _, t in pairs]}
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return "".join(lines)


def _sentences(doc: Doc) -> Iterator[list[tuple[str, str]]]:
    """(word, IOB2 tag) per sentence; whitespace tokens dropped, a newline ends a sentence."""
    by_sent = doc.has_annotation("SENT_START")
    sentence: list[tuple[str, str]] = []
    for token in doc:
        if sentence and (("\n" in token.text and token.is_space) or (by_sent and token.is_sent_start)):
            yield sentence
            sentence = []
        if token.is_space or not token.text.strip():
            continue
        tag = f"{token.ent_iob_}-{token.ent_type_}" if token.ent_iob_ in ("B", "I") else "O"
        if tag.startswith("I-") and (not sentence or sentence[-1][1] == "O"):
            tag = "B-" + tag[2:]  # the entity's first word was a dropped whitespace token
        sentence.append((token.text, tag))
    if sentence:
        yield sentence


# --- Tag schemes ---------------------------------------------------------


def detect_scheme(tag_seqs: Iterable[Sequence[str]], *, lines: Iterable[Sequence[int]], source: str) -> str:
    """"iob2", "iob1" or "biluo" for the tag sequences of one file; VnerError if none fits.

    >>> detect_scheme([["B-PER", "I-PER", "O"]], lines=[[1, 2, 3]], source="x")
    'iob2'
    >>> detect_scheme([["I-PER", "I-PER", "B-PER"]], lines=[[1, 2, 3]], source="x")
    'iob1'
    >>> detect_scheme([["S-PER", "O", "B-LOC", "E-LOC"]], lines=[[1, 2, 3, 4]], source="x")
    'biluo'
    """
    seqs = [list(s) for s in tag_seqs]
    line_seqs = [list(ln) for ln in lines]
    prefixes = set()
    for seq, lns in zip(seqs, line_seqs):
        for tag, ln in zip(seq, lns):
            if tag == "O":
                continue
            m = _TAG.match(tag)
            if not m:
                raise VnerError(
                    "Unknown tag",
                    f"{source}:{ln}: {tag!r}",
                    "Use 'O' or PREFIX-LABEL with prefix B, I (IOB2/IOB1) or B, I, E, S / B, I, L, U (BIOES/BILOU), e.g. B-PER.",
                )
            prefixes.add(m.group(1))
    if prefixes & set("ELSU"):
        for seq, lns in zip(seqs, line_seqs):
            _check_biluo(seq, lns, source)
        return "biluo"
    # B/I/O only: IOB2 starts every entity with B-; IOB1 starts with I- and
    # uses B- only between two adjacent entities of the same type.
    i_starts, b_starts = [], []
    for seq, lns in zip(seqs, line_seqs):
        prev = None
        for tag, ln in zip(seq, lns):
            if tag.startswith("I-") and (prev or "O")[2:] != tag[2:]:
                i_starts.append((ln, tag, prev))
            elif tag.startswith("B-") and (prev or "O")[2:] != tag[2:]:
                b_starts.append(ln)
            prev = tag
    if not i_starts:
        return "iob2"
    if not b_starts:
        return "iob1"
    ln, tag, prev = i_starts[0]
    after = "the start of a sentence" if prev is None else repr(prev)
    raise VnerError(
        "Invalid tag sequence",
        f"{source}:{ln}: {tag!r} after {after} starts an entity with I- (IOB1), "
        f"but line {b_starts[0]} starts one with B- (IOB2)",
        "Use one scheme per file; in IOB2 every entity starts with B-.",
    )


def _check_biluo(seq: list[str], lns: list[int], source: str) -> None:
    inside: str | None = None  # label of the open entity
    for i, (tag, ln) in enumerate(zip(seq, lns)):
        prefix, label = (tag[0], tag[2:]) if tag != "O" else ("O", "")
        ok = inside == label if prefix in "IEL" else inside is None
        if not ok:
            prev = seq[i - 1] if i else "the start of a sentence"
            expected = f"I-{inside} or E-/L-{inside}" if inside else "O, B- or S-/U-"
            raise VnerError(
                "Invalid tag sequence",
                f"{source}:{ln}: {tag!r} after {prev!r} (BIOES/BILOU expects {expected})",
                "Close every entity with E-/L-, mark single-token entities S-/U-.",
            )
        inside = label if prefix in "BI" else None
    if inside is not None:
        raise VnerError(
            "Invalid tag sequence",
            f"{source}:{lns[-1]}: entity {inside} is not closed at the end of the sentence",
            "Close every entity with E-/L-, mark single-token entities S-/U-.",
        )


def to_iob2(tags: Sequence[str], scheme: str) -> list[str]:
    """Convert one (already checked) tag sequence to IOB2 with spaCy's helpers.

    >>> to_iob2(["I-PER", "B-PER", "O"], "iob1")
    ['B-PER', 'B-PER', 'O']
    >>> to_iob2(["B-LOC", "E-LOC", "S-PER"], "biluo")
    ['B-LOC', 'I-LOC', 'B-PER']
    """
    tags = list(tags)
    if scheme == "biluo":
        return biluo_to_iob([_BILUO.get(t[:2], t[:2]) + t[2:] if t != "O" else t for t in tags])
    if scheme == "iob1":
        iob2 = []
        for i, tag in enumerate(tags):
            prev = tags[i - 1] if i else "O"
            iob2.append("B-" + tag[2:] if tag.startswith("I-") and prev[2:] != tag[2:] else tag)
        tags = iob2
    # Round trip through BILUO: spaCy's own reading of IOB.
    return biluo_to_iob(iob_to_biluo(tags))


_BILUO = {"E-": "L-", "S-": "U-"}
