#!/usr/bin/env bash
# Round 5: window 2 with paragraphs, and with more steps on whole articles.
# The config now has the two rulers, so loo.py's score is the "config" variant.
set -u
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
NOEVAL="--set training.eval_frequency=100000"
PARA="--set corpora.train.gold_preproc=true --set training.batcher.size.start=200 --set training.batcher.size.stop=200"
W2="--set components.tok2vec.model.encode.window_size=2 --set training.dropout=0.3"
case "$1" in
  para) $PY bench/tuning/loo.py para-d0.3-w2-s800 $NOEVAL $PARA $W2 --set training.max_steps=800 --keep /tmp/vner-tune/para-d0.3-w2-s800
        $PY bench/tuning/combine.py /tmp/vner-tune/para-d0.3-w2-s800 ;;
  doc)  $PY bench/tuning/loo.py doc-d0.3-w2-s400 $NOEVAL $W2 --set training.max_steps=400 --keep /tmp/vner-tune/doc-d0.3-w2-s400
        $PY bench/tuning/combine.py /tmp/vner-tune/doc-d0.3-w2-s400 ;;
esac
