# Shared by the tools/windows scripts (sourced, not run). The Wine prefix and the downloads live
# in a cache outside the repo (KIOSK_WINE_CACHE, default ~/.cache/kiosk-wine) so reruns and CI
# download nothing twice; everything in it can be rebuilt by tools/windows/setup.sh.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${KIOSK_WINE_CACHE:-$HOME/.cache/kiosk-wine}"
export WINEPREFIX="${WINEPREFIX:-$CACHE/prefix}"
export WINEARCH=win64
export WINEDEBUG=-all
# No Mono/Gecko installer dialogs, no sound driver (none here).
export WINEDLLOVERRIDES="mscoree,mshtml=;winealsa.drv="
# The Windows CPython lives inside the prefix (C:\Python311).
PYWIN="$WINEPREFIX/drive_c/Python311"
PYEXE='C:\Python311\python.exe'
WINE="${WINE:-wine}"

# A Linux path as Wine sees it (Z: maps /).
winpath() { printf 'Z:%s' "$(realpath -m "$1" | sed 's|/|\\|g')"; }

# Run the Windows Python. Without a valid stdin and a pipe for stdout, CPython under Wine aborts
# with "Invalid handle"; the pipe through cat keeps the exit status via PIPESTATUS.
winpy() {
  "$WINE" "$PYEXE" "$@" </dev/null 2>&1 | cat
  return "${PIPESTATUS[0]}"
}

# Run any Windows program the same way.
winrun() {
  "$WINE" "$@" </dev/null 2>&1 | cat
  return "${PIPESTATUS[0]}"
}
