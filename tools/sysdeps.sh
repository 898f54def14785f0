#!/bin/sh
# System libraries Qt needs (qt-stack-notes §2), and poppler-utils (pdftoppm: the report tests look
# at the PDF pages). Installs them when run as root, otherwise
# prints the exact command to run. Idempotent: does nothing when they are already there.
# With --test, also XPKGS: the real-X test suite (tests/xreal) needs a virtual screen, a window
# manager, typed keys, window geometry and screenshots (`make test` passes it; `make demo` not).
PKGS="libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0 fonts-dejavu-core libpulse0 libxext6 libxrandr2 libbrotli1 libdrm2 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 binutils"
XPKGS="xvfb openbox xdotool x11-utils imagemagick poppler-utils"  # + PDF pages (tests)
command -v dpkg >/dev/null 2>&1 || exit 0   # not Debian/Ubuntu: nothing we can check
missing=""
# Debian's own Python needs python3-venv for `python3 -m venv` (ensurepip).
PY=${PYTHON:-python3}
$PY -c 'import ensurepip, venv' >/dev/null 2>&1 || missing="$missing python3-venv"
[ "$1" = "--test" ] && PKGS="$PKGS $XPKGS"
for p in $PKGS; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ]; then
  echo "Installation des paquets système (Qt, tests sous X) :$missing"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
else
  echo "Paquets système manquants (Qt, tests sous X). Lancez :"
  echo "  sudo apt-get install -y --no-install-recommends$missing"
  exit 1
fi
