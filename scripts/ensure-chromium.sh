#!/usr/bin/env bash
# The web app's browser tests drive Debian's Chromium with playwright-core (Playwright's own browser
# download is never used). Installs the `chromium` package when it is missing and this runs as root
# with apt-get (as on a fresh machine of this project's kind); otherwise says what to do.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "${chromium}" ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium for the browser tests (apt-get)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at ${chromium}: install it (Debian: sudo apt-get install chromium)" >&2
echo "or point CHROMIUM_PATH at a Chromium binary." >&2
exit 1
