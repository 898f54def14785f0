#!/usr/bin/env bash
# Build the one-folder application (dist/kiosk/) and self-test it, in one command.
#   tools/build_bundle.sh            uses .venv/bin/python, else python3
#   PYTHON=/path/to/python tools/build_bundle.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=python3; fi
fi
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean build.spec
echo "Construit en $(( $(date +%s) - start )) s : dist/kiosk ($(du -sh dist/kiosk | cut -f1))"
QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" dist/kiosk/kiosk --self-test
