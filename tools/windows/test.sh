#!/usr/bin/env bash
# The test suite in the Windows CPython under Wine (after tools/windows/setup.sh).
#   tools/windows/test.sh                 the Qt-free suites and the CLI (~1 min)
#   tools/windows/test.sh --all           the whole suite (~15 min on 2 cores)
#   tools/windows/test.sh tests/unit/store -x     any pytest arguments
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"
QT_FREE=(tests/unit/domain tests/unit/store tests/unit/platform tests/unit/cli tests/unit/sync
  tests/unit/services tests/unit/sandbox tests/contract)
if [ $# -eq 0 ]; then
  set -- "${QT_FREE[@]}"
elif [ "$1" = "--all" ]; then
  shift
  set -- tests "$@"
fi
start=$(date +%s)
status=0
# Wine hands Linux paths in sys.argv as they are: the test paths are relative, run from ROOT.
winpy -m pytest -q -p no:cacheprovider "$@" || status=$?
echo "Tests sous Wine : $(( $(date +%s) - start )) s (code $status)."
exit $status
