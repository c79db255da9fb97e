#!/usr/bin/env bash
# The main job on the seeds with the embedded defaults: ingest, then show what was stored.
set -euo pipefail
cd "$(dirname "$0")/.."
export DIGEST_HOME="${DIGEST_HOME:-$PWD/output}"
DIGEST=.venv/bin/digest
"$DIGEST" ingest seeds/
"$DIGEST" articles
echo
echo "wrote:"
echo "  $DIGEST_HOME/digest.db"
