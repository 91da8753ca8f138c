"""Retraining reads the corpus `vner convert` writes, sharded or not."""

from spacy.tokens import DocBin, Span

from vner.model.nlp import make_nlp
from vner.serving.backend import _read


def _docs(nlp, texts):
    docs = []
    for text in texts:
        doc = nlp.make_doc(text)
        doc.ents = [Span(doc, 0, 2, "RANK")]
        docs.append(doc)
    return docs


def test_retraining_reads_a_folder_of_shards_like_one_file(tmp_path):
    nlp = make_nlp()
    texts = ["Đại tá Lê Văn Thái dự họp.", "Thượng tá Hà Minh Sơn phát biểu.", "Trung úy Vũ An trực ban."]
    DocBin(docs=_docs(nlp, texts)).to_disk(tmp_path / "train.spacy")
    shards = tmp_path / "sharded" / "train.spacy"
    shards.mkdir(parents=True)
    DocBin(docs=_docs(nlp, texts[:2])).to_disk(shards / "00000.spacy")
    DocBin(docs=_docs(nlp, texts[2:])).to_disk(shards / "00001.spacy")

    one, folder = _read(tmp_path / "train.spacy"), _read(shards)
    assert [d.text for d in folder] == [d.text for d in one] == texts
    assert [[(e.text, e.label_) for e in d.ents] for d in folder] == [[(e.text, e.label_) for e in d.ents] for d in one]
    assert _read(tmp_path / "missing.spacy") == []
