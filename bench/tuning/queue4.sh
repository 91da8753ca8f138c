#!/usr/bin/env bash
# Round 4: paragraphs with dropout 0.3; whole articles with a wider window.
set -u
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
NOEVAL="--set training.eval_frequency=100000"
PARA="--set corpora.train.gold_preproc=true --set training.batcher.size.start=200 --set training.batcher.size.stop=200"
case "$1" in
  para) $PY bench/tuning/loo.py para-d0.3-s800 $NOEVAL $PARA --set training.max_steps=800 --set training.dropout=0.3 --keep /tmp/vner-tune/para-d0.3-s800
        $PY bench/tuning/combine.py /tmp/vner-tune/para-d0.3-s800 ;;
  win2) $PY bench/tuning/loo.py doc-d0.3-w2-s250 $NOEVAL --set training.max_steps=250 --set training.dropout=0.3 --set components.tok2vec.model.encode.window_size=2 --keep /tmp/vner-tune/doc-d0.3-w2-s250
        $PY bench/tuning/combine.py /tmp/vner-tune/doc-d0.3-w2-s250 ;;
esac
