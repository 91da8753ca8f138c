"""Tag a corpus with a trained model, streaming, resumable, written atomically.

Progress lives in `OUT.part`: a header line, then one `[id, record]` JSON
line per tagged document, flushed as it is written. When every document is
tagged, OUT is written from it in one atomic rename and the part file goes.
A killed run leaves OUT as it was and `OUT.part` holding what was done;
`resume=True` skips those ids (and the ids of a finished OUT, whose records
the new OUT keeps), so nothing is tagged twice.
"""

import itertools
import json
import logging
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, Sequence

import spacy
from spacy.language import Language

from vner.core.documents import Document, iter_documents
from vner.core.errors import VnerError
from vner.core.files import atomic_writer
from vner.model.nlp import entity_labels, load_pipeline

from .formats import get_format, read_output, record

logger = logging.getLogger(__name__)

BATCH_SIZE = 16  # whole articles through a running NER: bench/findings.md 18, 19
NOT_NER = "Tag with a pipeline trained with `vner train` (e.g. training-output/model-best) or a packaged vner model."


class Tagged(NamedTuple):
    id: str
    record: str  # the document's text in the output
    labels: tuple[str, ...]  # of its entities, for the counts
    dropped: int  # spans left out (labels outside the scheme, Label Studio format)


def load_model(model: str | Path) -> tuple[Language, list[str], str]:
    """A pipeline directory or an installed model package (`pip install` of
    `vner package`), with the entity labels it predicts and its version name."""
    spec = str(model)
    path = Path(spec)
    if not path.exists() and "/" not in spec and spacy.util.is_package(spec):
        try:
            nlp = spacy.load(spec)
        except Exception as e:  # a broken package fails in many ways; all mean the same to the user
            raise VnerError("Could not load the model", f"package {spec}: {type(e).__name__}: {e}",
                            "Reinstall the model package, built by `vner package` for this spaCy version.") from None
    else:
        nlp = load_pipeline(path)
    labels = entity_labels(nlp, spec, NOT_NER)
    meta = nlp.meta
    # Named as `vner push` names a model's predictions in Label Studio.
    version = f"{meta.get('lang', 'xx')}_{meta.get('name', path.name)}-{meta.get('version', '0')}"
    return nlp, labels, version


@dataclass
class Tagger:
    """A loaded model and the output it writes."""

    nlp: Language
    labels: list[str]
    model_version: str
    fmt: str = "jsonl"
    with_text: bool = True

    @classmethod
    def load(cls, model: str | Path, fmt: str = "jsonl", with_text: bool = True) -> "Tagger":
        get_format(fmt, with_text)
        return cls(*load_model(model), fmt=fmt, with_text=with_text)

    def tag(self, docs: Iterable[Document], n_process: int = 1, batch_size: int = BATCH_SIZE) -> Iterator[Tagged]:
        """One Tagged per document, in order; `n_process` > 1 runs spaCy's worker processes."""
        stream = ((d.text, (d.id, d.text, d.meta)) for d in docs)
        for doc, (doc_id, text, meta) in self.nlp.pipe(stream, as_tuples=True, n_process=n_process, batch_size=batch_size):
            if doc.text != text:
                raise VnerError("The model changed the text", f"document {doc_id}: its tokenizer does not keep the text as is",
                                "Tag with a pipeline whose tokenizer keeps the text (the syllable tokenizer of `vner train`).")
            out, dropped = record(doc, doc_id, meta, self.fmt, with_text=self.with_text, model_version=self.model_version)
            yield Tagged(doc_id, out, tuple(e.label_ for e in doc.ents), dropped)


@dataclass
class TagReport:
    output: str
    format: str
    tagged: int = 0  # documents tagged by this run
    skipped: int = 0  # already in OUT or OUT.part (resume)
    total: int = 0  # documents in OUT now
    entities: Counter = field(default_factory=Counter)  # of the documents tagged by this run
    spans_dropped: int = 0
    seconds: float = 0.0
    where: str = "1 process"

    @property
    def docs_per_second(self) -> float:
        return self.tagged / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict:
        return {**{k: v for k, v in self.__dict__.items() if k != "entities"}, "entities": dict(self.entities),
                "docs_per_second": round(self.docs_per_second, 1)}


def part_path(output: Path) -> Path:
    return output.with_name(output.name + ".part")


def tag(
    sources: Sequence[Path],
    model: str | Path,
    output: Path,
    *,
    fmt: str = "jsonl",
    with_text: bool = True,
    resume: bool = False,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
    scheduler: str | None = None,
    partition_size: int = 200,
    progress: bool = False,
) -> TagReport:
    """Tag every document of `sources` (as `vner push` reads them) into `output`.

    With `scheduler` ("tcp://HOST:8786") the work goes to that Dask cluster's
    workers (`partition_size` documents per task); otherwise it runs here,
    on `n_process` processes.
    """
    from tqdm import tqdm

    output = Path(output)
    get_format(fmt, with_text)
    if output.is_dir():
        raise VnerError("Output is a folder", str(output), "Pass a file path, e.g. tagged.jsonl.")
    for source in sources:
        if not Path(source).exists():
            raise VnerError("Input not found", str(source), "Check the path.")
    if n_process < 1:
        raise VnerError("Invalid --n-process", str(n_process), "Pass 1 or more.")
    model_name = str(Path(model).resolve()) if Path(model).exists() else str(model)
    # The model first (here or on the cluster): a bad one fails before any work.
    if scheduler is None:
        tagger = Tagger.load(model, fmt, with_text)
    else:
        from .cluster import connect, tag_on_cluster

        client = connect(scheduler, model_name)
    part = part_path(output)
    header = {"vner_tag": 1, "format": fmt, "with_text": with_text, "model": model_name}
    report = TagReport(str(output), fmt, where=f"Dask cluster {scheduler}" if scheduler else f"{n_process} process{'es' * (n_process > 1)}")
    done: set[str] = set()
    keep_old = resume and output.exists()
    try:
        if keep_old:
            done.update(doc_id for doc_id, _ in read_output(output, fmt))
        in_part = _open_part(part, header, resume)
    except BaseException:
        if scheduler is not None:
            client.close()
        raise
    done.update(in_part)
    report.skipped = len(done)

    docs = (d for d in iter_documents(sources) if d.id not in done)
    if scheduler is not None:
        stream = tag_on_cluster(client, model_name, docs, fmt, with_text, partition_size=partition_size)
    else:
        stream = tagger.tag(docs, n_process=n_process, batch_size=batch_size)
    start = time.perf_counter()
    with open(part, "a", encoding="utf-8", newline="") as f, \
            tqdm(desc="Tagging", unit="doc", disable=not progress, leave=False) as bar:
        try:
            for item in stream:
                f.write(json.dumps([item.id, item.record], ensure_ascii=False) + "\n")
                f.flush()  # a killed run loses at most the line being written
                report.tagged += 1
                report.entities.update(item.labels)
                report.spans_dropped += item.dropped
                bar.update()
        except VnerError as e:
            if not report.tagged and not in_part:
                part.unlink()
                raise
            kept = f"The {report.tagged + len(in_part)} documents tagged so far are kept in {part}: run again with --resume to go on from there."
            raise VnerError(e.title, e.detail, f"{e.fix} {kept}" if e.fix else kept, e.exit_code) from None
        finally:
            close = getattr(stream, "close", None)
            if close:
                close()
        os.fsync(f.fileno())
    report.seconds = time.perf_counter() - start
    report.total = _finish(output, part, fmt, keep_old)
    logger.info("Tagged %d documents (%d skipped) into %s in %.1f s", report.tagged, report.skipped, output, report.seconds)
    return report


def _open_part(part: Path, header: dict, resume: bool) -> set[str]:
    """Start `part` afresh, or (resume) keep its whole lines and return their ids."""
    if not resume or not part.exists():
        part.parent.mkdir(parents=True, exist_ok=True)
        part.write_text(json.dumps(header) + "\n", encoding="utf-8")
        return set()
    ids, good = set(), 0
    with open(part, "rb") as f:
        for n, raw in enumerate(f):
            try:
                obj = json.loads(raw) if raw.endswith(b"\n") else None
            except ValueError:
                obj = None
            if n == 0 and obj != header:
                was = obj if isinstance(obj, dict) else "not a `vner tag` part file"
                raise VnerError("Cannot resume: different settings", f"{part} was started with {was}; this run is {header}",
                                "Resume with the same --format, --no-text and --model, or delete the part file to start again.")
            if n > 0 and not (isinstance(obj, list) and len(obj) == 2):
                break  # the line a killed run was writing
            if n > 0:
                ids.add(obj[0])
            good += len(raw)
    os.truncate(part, good)
    return ids


def _part_records(part: Path) -> Iterator[str]:
    with open(part, encoding="utf-8") as f:
        next(f)  # header
        for line in f:
            yield json.loads(line)[1]


def _finish(output: Path, part: Path, fmt: str, keep_old: bool) -> int:
    """Write OUT from the old OUT (resume) and the part file, atomically; the count of documents."""
    spec = get_format(fmt)
    n = 0
    with atomic_writer(output, "w") as out:
        records = _part_records(part)
        if keep_old:
            records = itertools.chain((r for _, r in read_output(output, fmt)), records)
        for rec in records:
            out.write(spec.sep if n else spec.head)
            out.write(rec)
            n += 1
        out.write(spec.tail if n else spec.empty)
    part.unlink()
    return n

