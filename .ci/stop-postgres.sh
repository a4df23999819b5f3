#!/usr/bin/env bash
# Stops the cluster started by start-postgres.sh.
PORT="${PGPORT_TEST:-55432}"
DIR="${PGDATA_DIR:-/tmp/linli-pg-$PORT}"
su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D '$DIR' -m fast stop" >/dev/null 2>&1 || true
