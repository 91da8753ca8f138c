"""The per-Doc caches of the rules stage (vner.model.helpers)."""

from concurrent.futures import ThreadPoolExecutor

from spacy.attrs import ORTH

from vner.annotation.convert import gold_docs
from vner.annotation.rules import rules_pipeline
from vner.model.helpers import column, glued_flags, per_doc


def entities(doc):
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def test_one_pipeline_tagging_in_threads_finds_what_it_finds_alone():
    """The caches are per thread: a served model or a Dask worker may tag in several at once."""
    nlp = rules_pipeline()
    texts = [d.text for d in gold_docs()] * 3
    alone = [entities(nlp(t)) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        threaded = list(pool.map(lambda t: entities(nlp(t)), texts))
    assert threaded == alone
    assert sum(map(len, alone)) > 100


def test_a_doc_whose_words_changed_is_read_again():
    nlp = rules_pipeline()
    doc = nlp.make_doc("Xổm-phăn về Hà Nội")
    assert any(glued_flags(doc)) and per_doc(doc, "n", len) == 6
    other = nlp.make_doc("Xổm phăn về Hà Nội")
    assert not any(glued_flags(other)) and per_doc(other, "n", len) == 5
    assert list(column(other, ORTH)) == [nlp.vocab.strings[t.text] for t in other]
    assert not column(other, ORTH).flags.writeable
