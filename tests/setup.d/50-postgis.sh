# A throwaway PostgreSQL 15 + PostGIS 3 cluster for the database tests (ParkGis.PostGis.Tests).
# Installs the packages when missing (as root), creates a cluster in a temporary folder on a free local port
# (never the machine's own clusters), creates database parkgis_test with PostGIS, exports PARKGIS_TEST_PG
# (an Npgsql connection string) and, under CI=true, PARKGIS_REQUIRE_PG=1 so those tests must run instead of
# skipping. The cluster is stopped and deleted when tests/run.sh exits.
pg_setup() {
  local bin=/usr/lib/postgresql/15/bin dir port owner run
  apt_install postgresql-15 postgresql-15-postgis-3 || return 1
  if [ ! -x "$bin/initdb" ] || [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
    log "PostgreSQL 15 / PostGIS not installed: the PostGIS tests will skip"
    [ "${CI:-}" = "true" ] && return 1
    return 0
  fi

  dir=$(mktemp -d /tmp/parkgis-pg.XXXXXX) || return 1
  owner=$(id -un)
  run() { "$@"; }
  if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root: the cluster belongs to the postgres user.
    owner=postgres
    chown postgres: "$dir"
    run() { runuser -u postgres -- "$@"; }
  fi

  for port in $(seq 55432 55532); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done

  echo parkgis >"$dir/pwfile"
  chown "$owner" "$dir/pwfile" 2>/dev/null
  if ! run "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 --pwfile="$dir/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1; then
    log "initdb failed: $(tail -3 "$dir/initdb.log")"
    rm -rf "$dir"
    return 1
  fi

  on_exit "runuser -u $owner -- $bin/pg_ctl -D $dir/data -m immediate stop >/dev/null 2>&1 || $bin/pg_ctl -D $dir/data -m immediate stop >/dev/null 2>&1; rm -rf $dir"
  if ! run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" start >/dev/null; then
    log "the PostgreSQL test cluster did not start: $(tail -3 "$dir/server.log")"
    return 1
  fi

  run "$bin/psql" -h "$dir" -p "$port" -U postgres -qAtX -d postgres \
    -c "CREATE DATABASE parkgis_test ENCODING 'UTF8' TEMPLATE template0" >/dev/null || return 1
  run "$bin/psql" -h "$dir" -p "$port" -U postgres -qAtX -d parkgis_test \
    -c "SET client_min_messages = warning; CREATE EXTENSION postgis" >/dev/null || return 1

  export PARKGIS_TEST_PG="Host=127.0.0.1;Port=$port;Database=parkgis_test;Username=postgres;Password=parkgis"
  if [ "${CI:-}" = "true" ]; then export PARKGIS_REQUIRE_PG=1; fi
  log "throwaway PostGIS cluster on 127.0.0.1:$port in $dir (PARKGIS_TEST_PG set)"
}
pg_setup
