#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the tests and the demo need (DESIGN.md section 8).
# Idempotent: when every package is already installed it only asks dpkg and exits.
# Runs apt-get as root, or through sudo otherwise; apt's output goes to a log that is shown on failure.
set -euo pipefail

packages=(
  # build and run: make, and a python3 that can create the .venv
  make python3 python3-venv
  # Chinese fonts (without them Chinese renders as boxes), a virtual X server, xauth for xvfb-run
  fontconfig fonts-noto-cjk xvfb xauth
  # what Qt's xcb and offscreen platforms load (checked with ldd on the PySide6 wheel's plugins)
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libx11-xcb1
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0
  libxcb-xinerama0 libxcb-xkb1
  # PySide6.QtMultimedia will not import without libpulse.so.0
  libpulse0
  # the real servers the integration tests start
  postgresql baresip-core
  # screenshots of a real window (/usr/bin/import)
  imagemagick x11-apps
  # pdftotext/pdftoppm: the report tests read the monthly PDF back
  poppler-utils
)

if ! command -v apt-get >/dev/null || ! command -v dpkg-query >/dev/null; then
  echo "setup-system: not Debian or Ubuntu; install the equivalents of: ${packages[*]}" >&2
  exit 0
fi

# One dpkg-query for all of them; unknown packages print nothing (and make it exit 1).
installed=" $(dpkg-query -W -f='${Package}=${db:Status-Status} ' "${packages[@]}" 2>/dev/null || true) "
missing=()
for package in "${packages[@]}"; do
  [[ "$installed" == *" $package=installed "* ]] || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
  [ -t 0 ] || as_root=(sudo -n)  # no terminal to ask for a password on: fail instead of hanging
else
  echo "setup-system: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi

log="${TMPDIR:-/tmp}/hcrm-setup-system.$(id -u).log"
apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=600)
echo "setup-system: installing ${missing[*]} (log: $log)"
if ! { "${apt[@]}" update && "${apt[@]}" install --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  echo "setup-system: apt-get failed; the last lines of $log:" >&2
  tail -n 60 "$log" >&2
  exit 1
fi
