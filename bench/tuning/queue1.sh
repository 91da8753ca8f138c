#!/usr/bin/env bash
# Round 1: whole articles vs paragraphs, dropout. Protocol "last" (fixed steps).
set -u
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
NOEVAL="--set training.eval_frequency=100000"
PARA="--set corpora.train.gold_preproc=true --set training.batcher.size.start=200 --set training.batcher.size.stop=200"
$PY bench/tuning/loo.py para-d0.1-s1000 $NOEVAL $PARA --set training.max_steps=1000
$PY bench/tuning/loo.py para-d0.3-s1000 $NOEVAL $PARA --set training.max_steps=1000 --set training.dropout=0.3
$PY bench/tuning/loo.py doc-d0.1-s300 $NOEVAL --set training.max_steps=300
