"""Tests of bench/bench_active.py's PhoNER plumbing on a tiny corpus written here (no training)."""

import json
import random

import pytest

from bench import bench_active

# Sentences written for this test, in PhoNER's JSON-lines shape.
SENTENCES = [
    (["Bệnh", "nhân", "BN12", "ở", "Hà", "Nội", "."], ["O", "O", "B-PATIENT_ID", "O", "B-LOCATION", "I-LOCATION", "O"]),
    (["Anh", "Nam", "làm", "tài", "xế", "."], ["O", "B-NAME", "O", "B-JOB", "I-JOB", "O"]),
    (["Hôm", "nay", "trời", "mưa", "."], ["O", "O", "O", "O", "O"]),
    (["Chị", "Lan", "sốt", "cao", "ngày", "3", "/", "4", "."],
     ["O", "B-NAME", "B-SYMPTOM_AND_DISEASE", "I-SYMPTOM_AND_DISEASE", "B-DATE", "I-DATE", "I-DATE", "I-DATE", "O"]),
]


def write_corpus(folder, n_train=12, n_test=8):
    for name, n in (("train_syllable.json", n_train), ("test_syllable.json", n_test)):
        lines = [json.dumps({"words": w, "tags": t}, ensure_ascii=False) for w, t in (SENTENCES * n)[:n]]
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_phoner_sample_draws_the_sizes_asked_with_the_gold_entities(tmp_path):
    write_corpus(tmp_path)
    pool, test, facts = bench_active.phoner_sample(tmp_path, 10, 5, seed=0)
    assert facts == {"train_sentences": 12, "test_sentences": 8}
    assert len(pool) == 10 and len(test) == 5
    assert len({d.user_data["id"] for d in pool}) == 10
    assert bench_active.describe(pool)["entities"] == sum(len(d.ents) for d in pool) > 0
    labels = {e.label_ for d in pool + test for e in d.ents}
    assert labels <= {"PATIENT_ID", "LOCATION", "NAME", "JOB", "SYMPTOM_AND_DISEASE", "DATE"} and labels
    again, _, _ = bench_active.phoner_sample(tmp_path, 10, 5, seed=0)
    assert [d.user_data["id"] for d in again] == [d.user_data["id"] for d in pool]


@pytest.mark.parametrize("missing", ["train_syllable.json", "test_syllable.json"])
def test_missing_phoner_file_is_named(tmp_path, missing):
    write_corpus(tmp_path)
    (tmp_path / missing).unlink()
    with pytest.raises(SystemExit, match=missing):
        bench_active.phoner_sample(tmp_path, 2, 2)


def test_sample_larger_than_the_corpus_says_which_option_to_lower(tmp_path):
    write_corpus(tmp_path)
    with pytest.raises(SystemExit, match="--pool 20 of 12"):
        bench_active.phoner_sample(tmp_path, 20, 2)


def test_random_batch_comes_from_the_rest_only():
    rest = list(range(5, 40))
    batch = bench_active.select("random", None, None, rest, 10, random.Random(1))
    assert len(set(batch)) == 10 and set(batch) <= set(rest)
    assert batch == bench_active.select("random", None, None, rest, 10, random.Random(1))
