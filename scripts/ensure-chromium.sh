#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright cannot download its own
# here). Installs it when it is missing and this user may; otherwise says how.
set -euo pipefail
browser="${CHROME_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
	echo "Chromium is missing: installing Debian's chromium package (about 30 s)..."
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
	exit 0
fi
echo "The browser tests need Chromium at $browser." >&2
echo "Install it (sudo apt-get install -y chromium) or set CHROME_PATH to a Chromium binary." >&2
exit 1
