#!/usr/bin/env bash
# Makes sure the Debian packages the tests drive are on this machine: Chromium for the browser
# tests (never a downloaded browser) and shellcheck for the shell-script lint. Run by `npm test`
# (its first step) and by .ci/run. When something is missing and we are root (or have
# passwordless sudo) with apt-get, it installs it with a one-line notice; otherwise it stops with
# one line saying exactly what to run.
set -euo pipefail

chrome="${CHROME_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$chrome" ] || missing+=(chromium)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
[ ${#missing[@]} -eq 0 ] && exit 0

run_as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run_as_root=(sudo)
  else
    echo "Missing ${missing[*]} (Chromium expected at $chrome): run \`sudo apt-get install -y ${missing[*]}\`, or set CHROME_PATH to a Chromium binary." >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing ${missing[*]} and there is no apt-get here: install ${missing[*]} with this system's package manager, or set CHROME_PATH to a Chromium binary." >&2
  exit 1
fi

echo "Installing ${missing[*]} from Debian's packages (needed by the tests)…"
"${run_as_root[@]}" apt-get update -qq
"${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
if [ ! -x "$chrome" ] && [ -n "${CHROME_PATH:-}" ]; then
  echo "Chromium is now at /usr/bin/chromium, but CHROME_PATH points to $chrome: unset CHROME_PATH or point it there." >&2
fi
