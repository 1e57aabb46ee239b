#!/usr/bin/env bash
# Install (when missing) and start a local PostgreSQL server for the event-store tests,
# with a database and user for them, and export CHRONIK_TEST_PG.
#
#   source .ci/postgres.sh          # exports CHRONIK_TEST_PG in this shell
#   eval "$(.ci/postgres.sh)"       # same, when run as a program (it prints the export line)
#
# Never fails the caller: when no server can be started it says why on stderr and leaves
# CHRONIK_TEST_PG unset, so the PostgreSQL tests skip with a message.

_chronik_pg() {
  local port="${CHRONIK_PG_PORT:-54329}" user=chronik pass=chronik db=chronik_test
  local data="${CHRONIK_PG_DATA:-/tmp/chronik-pg}" bin asroot
  log() { echo "postgres.sh: $*" >&2; }
  if [ "$(id -u)" = 0 ]; then asroot=(runuser -u postgres --); elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then asroot=(sudo -n -u postgres); else asroot=(); fi

  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ]; then
    if [ "$(id -u)" = 0 ]; then
      log "installing postgresql"
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2 || { log "apt-get install postgresql failed"; return 1; }
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      { sudo -n apt-get update -qq && sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2 || { log "apt-get install postgresql failed"; return 1; }
    else
      log "postgresql is not installed and this user cannot install it"; return 1
    fi
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -n "$bin" ] || { log "no PostgreSQL binaries after installing"; return 1; }
  fi

  # run the server as the postgres user (root), or as ourselves otherwise
  local run=("${asroot[@]}")
  if [ "$(id -u)" != 0 ] && [ ${#asroot[@]} = 0 ]; then run=(); fi
  if [ ${#run[@]} -gt 0 ] && ! id postgres >/dev/null 2>&1; then run=(); fi

  if ! "${run[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    if [ ! -s "$data/PG_VERSION" ]; then
      mkdir -p "$data" && { [ ${#run[@]} = 0 ] || chown postgres: "$data"; } || { log "cannot create $data"; return 1; }
      "${run[@]}" "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
        || "${run[@]}" "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 >&2 || { log "initdb failed"; return 1; }
    fi
    "${run[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $port -k /tmp -c fsync=off -c full_page_writes=off" start >&2 \
      || { log "server did not start; see $data/server.log"; return 1; }
  fi
  local psql=("${run[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt)
  "${psql[@]}" -d postgres -c "SELECT 1" >/dev/null || { log "cannot connect to the server on port $port"; return 1; }
  if [ "$("${psql[@]}" -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$user'")" != 1 ]; then
    "${psql[@]}" -d postgres -c "CREATE ROLE $user LOGIN PASSWORD '$pass'" || return 1
  fi
  if [ "$("${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
    "${psql[@]}" -d postgres -c "CREATE DATABASE $db OWNER $user" || return 1
  fi
  export CHRONIK_TEST_PG="postgresql://$user:$pass@127.0.0.1:$port/$db"
  log "PostgreSQL ready: $CHRONIK_TEST_PG"
  echo "export CHRONIK_TEST_PG=$CHRONIK_TEST_PG"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  _chronik_pg >/dev/null || echo "postgres.sh: PostgreSQL tests will be skipped" >&2
else
  _chronik_pg || { echo "postgres.sh: PostgreSQL tests will be skipped" >&2; exit 0; }
fi
