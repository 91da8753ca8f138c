"""Tag whole corpora with a trained model: `vner tag`.

Documents stream from the sources (bounded memory), go through the model on
one machine (`n_process`) or on a Dask cluster (`scheduler`), and come back
in order as JSONL, Label Studio tasks with predictions, or CoNLL. The output
appears only complete (atomic rename); a run that dies leaves its progress
in `OUT.part`, which `resume=True` continues.
"""

from .formats import FORMATS
from .tag import TagReport, Tagger, tag

__all__ = ["FORMATS", "TagReport", "Tagger", "tag"]
