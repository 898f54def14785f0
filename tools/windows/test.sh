#!/usr/bin/env bash
# The test suite in the Windows CPython under Wine (after tools/windows/setup.sh).
#   tools/windows/test.sh                 the Qt-free suites but sync, the CLI, the contract
#                                         tests, the self-test from source (the CI subset)
#   tools/windows/test.sh --all           the whole suite (~15 min on 2 cores)
#   tools/windows/test.sh tests/unit/store -x     any pytest arguments
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"
# tests/unit/sync is left out: under Wine, test_pull's 429 storm blocks in a socket write to
# the in-process sandbox server (a Wine loopback quirk to look into; it passes on Linux).
QT_FREE=(tests/unit/domain tests/unit/store tests/unit/platform tests/unit/cli tests/unit/services
  tests/unit/sandbox tests/contract
  tests/e2e/test_selftest_bundle.py -k "not test_bundle_builds_and_self_tests")
if [ $# -eq 0 ]; then
  set -- "${QT_FREE[@]}"
elif [ "$1" = "--all" ]; then
  shift
  set -- tests "$@"
fi
start=$(date +%s)
status=0
# Wine hands Linux paths in sys.argv as they are: the test paths are relative, run from ROOT.
winpy -m pytest -q -p no:cacheprovider -o faulthandler_timeout=300 "$@" || status=$?
echo "Tests sous Wine : $(( $(date +%s) - start )) s (code $status)."
exit $status
