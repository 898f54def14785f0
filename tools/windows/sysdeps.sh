#!/bin/sh
# System packages for `make test-windows` (Wine, a MinGW compiler for the two stand-in DLLs,
# Debian's NSIS for the installer). Kept apart from tools/sysdeps.sh so the Linux `make test`
# does not pull Wine. Installs them when run as root, otherwise prints the command.
PKGS="wine wine64 gcc-mingw-w64-x86-64-win32 nsis unzip"
command -v dpkg >/dev/null 2>&1 || { echo "tools/windows needs Debian/Ubuntu packages: $PKGS"; exit 1; }
missing=""
for p in $PKGS; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ]; then
  echo "Installation des paquets système pour Windows sous Wine :$missing"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
else
  echo "Paquets système manquants pour les tests Windows. Lancez :"
  echo "  sudo apt-get install -y --no-install-recommends$missing"
  exit 1
fi
