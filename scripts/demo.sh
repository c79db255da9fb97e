#!/usr/bin/env bash
# The main job on the seeds with the embedded defaults: ingest, then build the briefing
# (HTML page, PDF, email HTML and text); `digest build` ends by printing the files' paths.
set -euo pipefail
cd "$(dirname "$0")/.."
export DIGEST_HOME="${DIGEST_HOME:-$PWD/output}"
DIGEST=.venv/bin/digest
"$DIGEST" ingest seeds/
"$DIGEST" articles
echo
echo "store: $DIGEST_HOME/digest.db"
echo "briefing:"
# Every stored article, not only what is new since the last digest, so running the demo
# again writes the same briefing instead of an empty one.
"$DIGEST" build --all
echo
echo "email (outbox transport: written to a file, nothing leaves the machine):"
"$DIGEST" send --to analyst@example.org
ls -t "$DIGEST_HOME"/outbox/*.eml | head -n 1
