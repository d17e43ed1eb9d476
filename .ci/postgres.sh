#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the tests (and for developers who want one).
#   source .ci/postgres.sh start   -> exports PUSKESOS_TEST_PG (a superuser-free app role's URL)
#   bash .ci/postgres.sh stop
# initdb and pg_ctl refuse to run as root, so as root they run as the postgres user (stack-notes part 2, fact 3).
# listen_addresses is passed on the command line: pg_conftool/-o write a broken value (fact 4).
set -euo pipefail
PGROOT=${PGROOT:-/tmp/puskesos-pg}
PGPORT=${PGPORT:-55432}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_start() {
  if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then echo "PostgreSQL server binaries not found" >&2; return 1; fi
  if [ -f "$PGROOT/data/postmaster.pid" ]; then as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop || true; fi
  rm -rf "$PGROOT"; mkdir -p "$PGROOT/sock"
  if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$PGROOT"; fi
  chmod 700 "$PGROOT/sock"
  as_postgres "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$PGROOT/initdb.log"
  # fsync off: a throwaway cluster trades durability for speed; never do this on a real server. Autovacuum off: its
  # workers (another role) would keep a test database from being dropped; the tests never need it.
  as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 start \
      -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGROOT/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off -c max_connections=200" >/dev/null
  # The app role owns its database and may create databases (each test gets a fresh one) but is no superuser;
  # pg_trgm is trusted (PostgreSQL 13+), so the owner can create the extension itself.
  as_postgres "$PGBIN/psql" -h "$PGROOT/sock" -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q \
      -c "CREATE ROLE puskesos LOGIN CREATEDB PASSWORD 'puskesos-ci'" -c "CREATE DATABASE puskesos OWNER puskesos"
  export PUSKESOS_TEST_PG="postgresql://puskesos:puskesos-ci@127.0.0.1:$PGPORT/puskesos"
  echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT -> PUSKESOS_TEST_PG=$PUSKESOS_TEST_PG"
}

pg_stop() {
  if [ -f "$PGROOT/data/postmaster.pid" ]; then as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null; fi
  rm -rf "$PGROOT"
}

case "${1:-start}" in
  start) pg_start ;;
  stop) pg_stop ;;
  *) echo "usage: .ci/postgres.sh start|stop" >&2; exit 2 ;;
esac
