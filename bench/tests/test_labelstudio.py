"""Tests of bench/bench_labelstudio.py's scale mode (`--tasks N`): small sizes only."""

import json
import os
import subprocess
import sys
import time

import pytest

from bench import bench_labelstudio, make_data


def test_server_cpu_counts_the_whole_process_group():
    # A group leader that sleeps and a member that burns CPU: the member's time counts.
    leader = subprocess.Popen([sys.executable, "-c", "import time, subprocess, sys\n"
                               "subprocess.Popen([sys.executable, '-c', 'import time\\nt=time.time()\\nwhile time.time()-t<1.0: pass\\ntime.sleep(30)'])\n"
                               "time.sleep(30)"], start_new_session=True)
    try:
        time.sleep(2.5)
        cpu = bench_labelstudio._server_cpu_seconds(leader.pid)
        assert cpu is not None and cpu >= 0.5
        assert bench_labelstudio._server_cpu_seconds(None) is None
    finally:
        os.killpg(leader.pid, 9)
        leader.wait()


def test_tasks_must_be_positive(capsys):
    with pytest.raises(SystemExit) as exc:
        bench_labelstudio.main(["--tasks", "0"])
    assert exc.value.code == 2
    assert "--tasks must be at least 1" in capsys.readouterr().err


@pytest.mark.slow
def test_scale_mode_end_to_end(label_studio):
    result = bench_labelstudio.run_scale(20, n_docs=5, server=label_studio)
    steps = result["steps"]
    assert list(steps) == ["first push", "second push (idempotent)", "push with annotations", "pull"]
    assert steps["first push"]["tasks_created"] == 20
    assert steps["second push (idempotent)"]["tasks_created"] == 0
    assert steps["second push (idempotent)"]["project_tasks_after"] == 20
    assert steps["push with annotations"]["tasks_created"] == 20
    assert steps["push with annotations"]["annotations_created"] == 20
    gold = json.loads((make_data.DATA / "20-s0" / "info.json").read_text())["spans"]
    pull = steps["pull"]
    assert pull["entities_in_corpus"] == pull["gold_entities"] == gold and pull["spans_dropped"] == 0
    train_shards = [f for f in pull["corpus_files"] if f.startswith("train.spacy/")]
    assert len(train_shards) >= 3 and "train.spacy" not in pull["corpus_files"]  # 16 documents in shards of 5: files only
    assert result["cpu_seconds_total"]["vner"] == pytest.approx(sum(r["cpu_seconds"] for r in steps.values()), abs=0.05)
    assert len(result["loadavg_at_start"]) == len(result["loadavg_at_end"]) == 3
    for row in steps.values():
        assert row["requests"] > 0 and row["peak_rss_mib"] > 20 and row["cpu_seconds"] > 0
        assert row["server_cpu_seconds"] > 0
        assert len(row["loadavg_before"]) == len(row["loadavg_after"]) == 3


@pytest.mark.slow
def test_pull_only_fills_the_project_by_import_and_pulls_it(label_studio):
    result = bench_labelstudio.run_scale(20, pull_only=True, server=label_studio)
    assert result["mode"] == "scale pull only" and list(result["steps"]) == ["pull"]
    pull = result["steps"]["pull"]
    assert result["import_setup_seconds"] > 0
    assert pull["project_tasks_after"] == pull["project_annotations_after"] == 20 and pull["tasks_created"] == 0
    gold = json.loads((make_data.DATA / "20-s0" / "info.json").read_text())["spans"]
    assert pull["entities_in_corpus"] == pull["gold_entities"] == gold and pull["spans_dropped"] == 0
    assert pull["corpus_files"] == ["dev.spacy", "train.spacy"]  # 20 documents: one file per split
