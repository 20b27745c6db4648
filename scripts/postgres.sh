#!/usr/bin/env bash
# Makes sure a local PostgreSQL runs and lets this OS user in over its Unix socket (the team
# server and its tests use it). As root on Debian it installs and starts the server; elsewhere
# it says what to do.
set -euo pipefail
# shellcheck source=scripts/apt.sh
source "$(dirname "$0")/apt.sh"

user="$(id -un)"
socket_ok() { pg_isready -q -h /var/run/postgresql 2>/dev/null; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  need_package postgresql "PostgreSQL is missing. Install it (Debian/Ubuntu: sudo apt-get install postgresql)," \
    "or set DATABASE_URL to a PostgreSQL server you run."
fi

if ! socket_ok; then
  version="$(ls /etc/postgresql | sort -n | tail -1)"
  if [ "$(id -u)" = 0 ]; then
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
  else
    echo "PostgreSQL is installed but not running. Start it: sudo pg_ctlcluster $version main start" >&2
    exit 1
  fi
  for _ in $(seq 50); do socket_ok && break; sleep 0.2; done
fi

if [ "$(id -u)" = 0 ]; then
  exists="$(su postgres -c "psql -tAc \"select 1 from pg_roles where rolname = '$user'\"")"
  [ "$exists" = 1 ] || su postgres -c "psql -qc 'create role \"$user\" superuser login'"
fi
