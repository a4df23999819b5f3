#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster (Debian packages) on a spare port as user postgres and prints its URL.
# Usage: eval "$(.ci/start-postgres.sh)"   → exports DATABASE_URL and PGDATA_DIR
set -euo pipefail
PORT="${PGPORT_TEST:-55432}"
BIN=/usr/lib/postgresql/15/bin
DIR="${PGDATA_DIR:-/tmp/linli-pg-$PORT}"
if [ ! -x "$BIN/initdb" ]; then
  echo "PostgreSQL 15 binaries not found in $BIN (apt-get install postgresql-15)" >&2
  exit 1
fi
running() { su postgres -c "$BIN/pg_ctl -D '$DIR' status" >/dev/null 2>&1; }
# A stale pid file from a killed cluster blocks start; never touch it while the cluster runs.
if [ -f "$DIR/postmaster.pid" ] && ! running; then rm -f "$DIR/postmaster.pid"; fi
if [ ! -f "$DIR/PG_VERSION" ]; then
  rm -rf "$DIR"; mkdir -p "$DIR"; chown postgres:postgres "$DIR"
  su postgres -c "$BIN/initdb -D '$DIR' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
fi
if ! running; then
  su postgres -c "$BIN/pg_ctl -D '$DIR' -l '$DIR/server.log' -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200' -w start" >/dev/null
fi
echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
echo "export PGDATA_DIR=$DIR"
