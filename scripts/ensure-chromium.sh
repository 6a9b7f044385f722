#!/usr/bin/env bash
# The browser tests drive Debian's Chromium headless shell, and the benchmarks
# its full Chromium (Playwright cannot download its own here). Installs what is
# missing when this user may; otherwise says how. CHROME_PATH, when set, is the
# one browser for both.
set -euo pipefail
if [ -n "${CHROME_PATH:-}" ]; then
	if [ -x "$CHROME_PATH" ]; then exit 0; fi
	echo "CHROME_PATH is $CHROME_PATH, which is not a browser this user can run." >&2
	exit 1
fi
missing=()
[ -x /usr/bin/chromium-headless-shell ] || missing+=(chromium-headless-shell)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
	echo "Installing Debian's ${missing[*]} for the browser tests (about 30 s)..."
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	exit 0
fi
echo "The browser tests need Debian's ${missing[*]}." >&2
echo "Install with sudo apt-get install -y ${missing[*]}, or set CHROME_PATH to a Chromium binary." >&2
exit 1
