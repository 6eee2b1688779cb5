#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks, on 127.0.0.1 only.
#
#   scripts/postgres-throwaway.sh find           prints the server's bin directory, or fails
#   scripts/postgres-throwaway.sh start <dir>    creates a cluster in <dir> (which must not exist
#                                                 or be empty), starts it on a free port and prints
#                                                 its URL: postgres://postgres@127.0.0.1:<port>/postgres
#   scripts/postgres-throwaway.sh stop <dir>     stops the cluster and deletes <dir>
#
# The binaries are looked up in PG_BIN, then /usr/lib/postgresql/<newest>/bin (Debian's
# `postgresql` package), then PATH. The server refuses to run as root, so as root the cluster is
# created and run by the `postgres` user (through runuser). Durability is switched off (fsync,
# synchronous_commit, full_page_writes): the data is thrown away anyway. Trust authentication is
# safe here because the server listens on 127.0.0.1 and on a unix socket inside <dir> only.
set -euo pipefail

die() { echo "postgres-throwaway: $*" >&2; exit 1; }

find_bin() {
  if [ -n "${PG_BIN:-}" ]; then
    [ -x "$PG_BIN/initdb" ] && { echo "$PG_BIN"; return 0; }
    return 1
  fi
  local newest
  newest="$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1 || true)"
  if [ -n "$newest" ] && [ -x "/usr/lib/postgresql/$newest/bin/initdb" ]; then
    echo "/usr/lib/postgresql/$newest/bin"
    return 0
  fi
  local initdb
  initdb="$(command -v initdb 2>/dev/null || true)"
  [ -n "$initdb" ] && { dirname "$initdb"; return 0; }
  return 1
}

# Runs a server binary as the owner of the cluster.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e '
    const server = require("node:net").createServer()
    server.listen(0, "127.0.0.1", () => { console.log(server.address().port); server.close() })'
}

case "${1:-}" in
  find)
    find_bin || die "no PostgreSQL server binaries (initdb) found; install them (Debian: apt-get install postgresql) or set PG_BIN"
    ;;
  start)
    dir="${2:?usage: $0 start <dir>}"
    bin="$(find_bin)" || die "no PostgreSQL server binaries (initdb) found; install them (Debian: apt-get install postgresql) or set PG_BIN"
    mkdir -p "$dir"
    [ -z "$(ls -A "$dir")" ] || die "$dir is not empty"
    if [ "$(id -u)" -eq 0 ]; then
      id postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' user to own the cluster (Debian's postgresql package creates it)"
      chown postgres:postgres "$dir"
    fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    # Another process may take the port between free_port and the server's start: try a few.
    for attempt in 1 2 3 4 5; do
      port="$(free_port)"
      if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o \
        "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null; then
        echo "postgres://postgres@127.0.0.1:$port/postgres"
        exit 0
      fi
      echo "postgres-throwaway: start on port $port failed (attempt $attempt)" >&2
    done
    tail -20 "$dir/server.log" >&2 || true
    die "the server did not start"
    ;;
  stop)
    dir="${2:?usage: $0 stop <dir>}"
    bin="$(find_bin)" || die "no PostgreSQL server binaries found"
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 find | start <dir> | stop <dir>" >&2
    exit 2
    ;;
esac
