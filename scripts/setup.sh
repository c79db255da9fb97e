#!/usr/bin/env bash
# One-time set-up, run by `make`: Debian packages when missing, then .venv with the project.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: WeasyPrint's Pango stack, fonts with Arabic and Hebrew, poppler-utils
# (pdftoppm, for looking at PDFs), Chromium for the site's browser tests, PostgreSQL for the
# store tests that run against both SQLite and a throwaway PostgreSQL server on 127.0.0.1,
# openssl for the certificate of the SMTP-over-TLS tests.
DEBS=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-noto-core poppler-utils chromium postgresql openssl)
missing=()
for pkg in "${DEBS[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
