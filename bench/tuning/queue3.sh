#!/usr/bin/env bash
# Round 3: whole articles (the default batching), dropout 0.1 vs 0.3; the
# config now ends with the entity_ruler (scored as is; combine.py removes it
# to score the statistical model alone).
set -u
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
NOEVAL="--set training.eval_frequency=100000"
$PY bench/tuning/loo.py "doc-d${1}-s250" $NOEVAL --set training.max_steps=250 --set training.dropout=$1 --keep /tmp/vner-tune/doc-d$1-s250
$PY bench/tuning/combine.py /tmp/vner-tune/doc-d$1-s250
