#!/usr/bin/env bash
# Set up everything `make run` / `make test` need on a fresh Debian machine: apt packages,
# the virtualenv and the Python packages. Safe to run again; it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"
PURPOSE="${1:-test}"  # test | run | ci

# Debian packages: what the venv needs, what a real Qt window needs (run), and the tools the
# tests use to inspect documents (test).
APT_BASE="python3-venv"
APT_RUN="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3"
APT_TEST="libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 poppler-utils qpdf zbar-tools postgresql-15"

want=""
case "$PURPOSE" in
  run) want="$APT_RUN" ;;
  test|ci) want="$APT_TEST" ;;
esac
if command -v dpkg-query >/dev/null 2>&1; then
  missing=""
  for pkg in $want; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
  done
  if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    missing="$missing $APT_BASE"
  fi
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
      echo "Please install these Debian packages as root, then run make again:" >&2
      echo "  apt-get install -y$missing" >&2
      exit 1
    fi
    echo "Installing Debian packages:$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
  fi
fi

stamp="$VENV/.installed"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e ".[dev]"
  touch "$stamp"
fi
