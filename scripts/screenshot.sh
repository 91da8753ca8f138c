#!/usr/bin/env bash
# Refresh docs/annotate.png, the README's picture of the labeling screen.
# The browser test takes it (a seed document with its pre-annotations, the
# five labels with their hotkeys) and, with VNER_SCREENSHOTS=docs, writes it
# to docs/. Needs Debian's chromium (`make system-deps`); boots a throwaway
# Label Studio, so it takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
VNER_SCREENSHOTS=docs "$PY" -m pytest tests/annotation/test_browser.py -q -p no:cacheprovider -k seed_task "$@"
echo "Wrote docs/annotate.png"
