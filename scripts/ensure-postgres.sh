#!/usr/bin/env bash
# The suite's PostgreSQL pass (npm run test:postgres) needs PostgreSQL and,
# for the browser journeys behind a balancer, nginx; without them npm test
# skips that pass with a line saying so. CI installs them from Debian's
# packages when it may (as root, with apt-get), as ensure-chromium.sh does for
# Chromium. The tests start their own throwaway cluster and nginx, so the
# package's own cluster is not wanted.
set -euo pipefail
missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
	echo "Installing Debian's ${missing[*]} for the PostgreSQL pass (about a minute)..."
	mkdir -p /etc/postgresql-common
	[ -e /etc/postgresql-common/createcluster.conf ] || echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	exit 0
fi
echo "The PostgreSQL pass needs ${missing[*]} (sudo apt-get install -y ${missing[*]}); npm test will skip it." >&2
