#!/usr/bin/env bash
# Round 2 (the machine is shared, so few runs): paragraphs vs whole articles.
# Fold models are kept for combine.py (statistical model + rules).
set -u
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
NOEVAL="--set training.eval_frequency=100000"
PARA="--set corpora.train.gold_preproc=true --set training.batcher.size.start=200 --set training.batcher.size.stop=200"
$PY bench/tuning/loo.py para-d0.1-s800 $NOEVAL $PARA --set training.max_steps=800 --keep /tmp/vner-tune/para-d0.1-s800
$PY bench/tuning/loo.py doc-d0.1-s250 $NOEVAL --set training.max_steps=250 --keep /tmp/vner-tune/doc-d0.1-s250
