#!/usr/bin/env bash
# kiosk-setup.exe built with Debian's NSIS from the Wine-built bundle (tools/windows/bundle.sh),
# then, in the Wine prefix: silent install (with the kiosk-mode option), the installed kiosk.exe
# self-tests, silent uninstall leaves no program file (the data stay), and /REMOVEDATA removes them.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"
BUNDLE="$ROOT/dist/windows/kiosk"
SETUP="$ROOT/dist/windows/kiosk-setup.exe"
test -f "$BUNDLE/kiosk.exe" || { echo "Pas de bundle : lancez d'abord tools/windows/bundle.sh"; exit 1; }
version=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
start=$(date +%s)
# NSIS_COMPRESSOR=zlib for a quick test build (LZMA of ~170 MB takes minutes on a loaded machine).
makensis -V2 -DBUNDLE="$BUNDLE" -DOUTFILE="$SETUP" -DVERSION="$version" \
  -DCOMPRESSOR="${NSIS_COMPRESSOR:-/SOLID lzma}" tools/windows/kiosk.nsi
echo "Installateur construit en $(( $(date +%s) - start )) s : $SETUP ($(du -h "$SETUP" | cut -f1))"

C="$WINEPREFIX/drive_c"
PROG="$C/Program Files/Kiosque pass Culture"
LNK="$C/ProgramData/Microsoft/Windows/Start Menu/Programs/Kiosque pass Culture.lnk"
DATA="$C/users/$(whoami)/AppData/Local/kiosk-passculture"
RUN_KEY='HKLM\Software\Microsoft\Windows\CurrentVersion\Run'
fail() { echo "ERREUR : $*"; exit 1; }

install() {
  winrun "$SETUP" /S "$@"
  wineserver -w
  test -f "$PROG/kiosk.exe" || fail "kiosk.exe non installé dans $PROG"
  test -f "$PROG/Uninstall.exe" || fail "pas de désinstalleur"
  test -f "$LNK" || fail "pas d'entrée dans le menu Démarrer"
}
uninstall() {
  # The uninstaller copies itself to %TEMP% and returns at once: wait for every Wine process.
  winrun "$PROG/Uninstall.exe" /S "$@"
  wineserver -w
  if [ -e "$PROG" ]; then find "$PROG" | head; fail "des fichiers du programme restent"; fi
  test ! -e "$LNK" || fail "l'entrée du menu Démarrer reste"
}

start=$(date +%s)
rm -rf "$PROG"
install /KIOSK
winrun reg query "$RUN_KEY" /v KiosquePassCulture | grep -q -- "--kiosk" \
  || fail "l'option mode kiosque n'a pas inscrit le démarrage à l'ouverture de session"
out=$(KIOSK_DATA_DIR= winrun "$PROG/kiosk.exe" --self-test) || { echo "$out"; fail "auto-test de kiosk.exe installé"; }
echo "$out"
mkdir -p "$DATA" && echo "garder" > "$DATA/marqueur.txt"
uninstall
winrun reg query "$RUN_KEY" /v KiosquePassCulture >/dev/null 2>&1 && fail "le démarrage en mode kiosque reste inscrit"
test -f "$DATA/marqueur.txt" || fail "la désinstallation a supprimé les données sans qu'on le demande"
echo "Désinstallé : plus aucun fichier du programme, les données restent."

install
uninstall /REMOVEDATA
test ! -e "$DATA" || fail "/REMOVEDATA n'a pas supprimé $DATA"
echo "Installation, auto-test et désinstallation sous Wine en $(( $(date +%s) - start )) s."
