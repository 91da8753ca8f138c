"""The team's written articles (training/written/) and the markup they are kept in."""

import re
from collections import Counter
from pathlib import Path

import pytest

from vner.annotation.markup import WRITTEN_EXTRA, WRITTEN_SELECT, WRITTEN_TRAIN, load_markup, written_docs
from vner.core.resources import SEEDS, WRITTEN
from vner.core.scheme import labels as scheme_labels
from vner.evaluation.challenge import CHALLENGE_TXT

SELECTION = sorted(WRITTEN.glob(WRITTEN_SELECT[0]))
TRAINING = sorted(WRITTEN.glob(WRITTEN_EXTRA[0]))  # written for the NER, after the selection sets


def _windows(text: str, n: int = 25) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_each_article_is_one_doc_with_its_spans(tmp_path):
    (tmp_path / "articles_select_x.txt").write_text(
        "# a comment\n## select-x-1-talks\n[Đại tá](RANK) [Lò Văn Páo](PERSON) đến [Hủa Phăn](PROVINCE).\n"
        "[Páo](PERSON) thu [25kg](QUANTITY).\n## select-x-2-other\n[Bộ Công an](ORG) họp.\n", encoding="utf-8")
    docs = written_docs(WRITTEN_SELECT, tmp_path)
    assert [d.user_data["id"] for d in docs] == ["articles_select_x/select-x-1-talks", "articles_select_x/select-x-2-other"]
    assert docs[0].text == "Đại tá Lò Văn Páo đến Hủa Phăn.\nPáo thu 25kg."
    assert [(e.text, e.label_) for e in docs[0].ents] == [
        ("Đại tá", "RANK"), ("Lò Văn Páo", "PERSON"), ("Hủa Phăn", "PROVINCE"), ("Páo", "PERSON"), ("25kg", "QUANTITY")]
    assert written_docs(WRITTEN_TRAIN, tmp_path) == []


SELECTION_SETS = ["t", "u", "v", "w", "x", "y", "z", "za", "zb", "zc", "zd", "ze", "zf", "zg", "zh", "zi", "zj",
                  "zk", "zl", "zm", "zn", "zo", "zp", "zq", "zr", "zs", "zt", "zu", "zv", "zw", "zx", "zy", "zz", "zza",
                  "zzb", "zzc", "zzd", "zze", "zzf", "zzg", "zzh"]


def test_there_are_forty_one_selection_sets():
    assert [p.name for p in SELECTION] == [f"articles_select_{x}.txt" for x in SELECTION_SETS]


@pytest.mark.parametrize("path", SELECTION + TRAINING, ids=lambda p: p.name)
def test_a_written_set_is_whole_articles_under_the_scheme(path):
    lines = load_markup(path)
    counts = Counter(label for s in lines for _, _, label in s.spans)
    assert len(lines) >= 80 and sum(counts.values()) >= 300
    assert set(counts) == set(scheme_labels())
    assert len({s.capability for s in lines}) >= 9  # articles, one per header
    annotated = [s.text for s in lines if s.spans]  # a byline such as "Nhóm PV" may recur
    assert len(set(annotated)) == len(annotated), "a line is repeated"
    assert path in TRAINING or "never tune rules on it" in path.read_text(encoding="utf-8")


def test_the_new_sets_share_no_text_with_the_test_sets_or_the_seeds():
    """Written, not copied: no run of 25 syllables of a selection set comes from
    a set the rules were tuned on, and none of a selection or training set from
    the challenge set, another of them or a seed article (shorter runs do
    recur: official names such as "Phòng Cảnh sát điều tra tội phạm về ma túy
    Công an tỉnh Điện Biên" are 14 syllables)."""
    def windows_of(paths):
        return set().union(*(_windows(re.sub(r"\]\([A-Z]+\)|\[", "", p.read_text(encoding="utf-8"))) for p in paths))

    dev_sets = sorted(WRITTEN.glob("articles_dev*.txt"))
    for path in SELECTION + TRAINING:
        others = [CHALLENGE_TXT, *SEEDS.glob("*.txt"), *(p for p in SELECTION + TRAINING if p != path)]
        seen = windows_of(others + (dev_sets if path in SELECTION else []))
        for s in load_markup(path):
            assert not _windows(s.text) & seen, (path.name, s.text[:80])
