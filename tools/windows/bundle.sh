#!/usr/bin/env bash
# The PyInstaller bundle built with build.spec by the Windows CPython under Wine, then
# `kiosk.exe --self-test`; and the same bundle without qwindows.dll must fail its self-test.
#   tools/windows/bundle.sh      → dist/windows/kiosk/kiosk.exe
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"
DIST="$ROOT/dist/windows"
start=$(date +%s)
winpy -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$(winpath "$DIST")" --workpath "$(winpath "$ROOT/build/windows")" build.spec
test -f "$DIST/kiosk/kiosk.exe"
echo "Construit sous Wine en $(( $(date +%s) - start )) s : dist/windows/kiosk ($(du -sh "$DIST/kiosk" | cut -f1))"

selftest() {  # the bundle alone: no PYTHONPATH, a throwaway data dir
  KIOSK_DATA_DIR="$(winpath "$(mktemp -d)")" PYTHONPATH= winrun "$DIST/kiosk/kiosk.exe" --self-test
}
start=$(date +%s)
selftest | tee "$ROOT/build/windows/selftest.log"
grep -q "Auto-test réussi." "$ROOT/build/windows/selftest.log"
echo "Auto-test du bundle : $(( $(date +%s) - start )) s."

# Without the window plugin, the self-test must say so (it draws offscreen itself).
plugin=$(find "$DIST/kiosk" -path '*platforms/qwindows.dll' | head -1)
test -n "$plugin"
mv "$plugin" "$plugin.absent"
trap 'mv "$plugin.absent" "$plugin"' EXIT
if selftest > "$ROOT/build/windows/selftest-noplugin.log"; then
  echo "ERREUR : le bundle sans qwindows.dll passe son auto-test."; cat "$ROOT/build/windows/selftest-noplugin.log"; exit 1
fi
grep "ÉCHEC Affichage" "$ROOT/build/windows/selftest-noplugin.log"
echo "Bundle sans qwindows.dll : refusé par l'auto-test, comme il se doit."
