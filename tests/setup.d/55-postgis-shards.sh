# Three more throwaway PostgreSQL 15 + PostGIS clusters for the sharded tests (ShardedEngineTests): a coordinator
# with postgres_fdw and two shards, each in its own temporary folder on a free local port bound to 127.0.0.1, made
# like the cluster of 50-postgis.sh (which installed the packages; postgres_fdw ships with postgresql-15). Exports
# PARKGIS_TEST_PG_COORDINATOR, PARKGIS_TEST_PG_SHARD1, PARKGIS_TEST_PG_SHARD2 (Npgsql connection strings) and
# PARKGIS_TEST_PG_SHARD2_CTL (a command that stops or starts shard 2, for the killed-shard test:
# "$PARKGIS_TEST_PG_SHARD2_CTL stop|start"). Every cluster is stopped and deleted when tests/run.sh exits.
pg_shard_cluster() {
  # pg_shard_cluster VAR: starts one cluster with database parkgis_test and PostGIS, exports VAR (and VAR_CTL).
  local var=$1 bin=/usr/lib/postgresql/15/bin dir port owner prefix=
  dir=$(mktemp -d "/tmp/parkgis-pg-$var.XXXXXX") || return 1
  owner=$(id -un)
  if [ "$(id -u)" -eq 0 ]; then
    owner=postgres
    chown postgres: "$dir"
    prefix="runuser -u postgres --"
  fi

  for port in $(seq 55533 55633); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done

  echo parkgis >"$dir/pwfile"
  chown "$owner" "$dir/pwfile" 2>/dev/null
  if ! $prefix "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 --pwfile="$dir/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1; then
    log "initdb failed ($var): $(tail -3 "$dir/initdb.log")"
    rm -rf "$dir"
    return 1
  fi

  on_exit "$prefix $bin/pg_ctl -D $dir/data -m immediate stop >/dev/null 2>&1; rm -rf $dir"
  # The options live in postgresql.conf so that the killed-shard test can start the server again with them.
  cat >>"$dir/data/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 60
shared_buffers = 32MB
CONF
  if ! $prefix "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null; then
    log "the PostgreSQL cluster $var did not start: $(tail -3 "$dir/server.log")"
    return 1
  fi

  $prefix "$bin/psql" -h "$dir" -p "$port" -U postgres -qAtX -d postgres \
    -c "CREATE DATABASE parkgis_test ENCODING 'UTF8' TEMPLATE template0" >/dev/null || return 1
  $prefix "$bin/psql" -h "$dir" -p "$port" -U postgres -qAtX -d parkgis_test \
    -c "SET client_min_messages = warning; CREATE EXTENSION postgis" >/dev/null || return 1
  export "$var=Host=127.0.0.1;Port=$port;Database=parkgis_test;Username=postgres;Password=parkgis"
  export "${var}_CTL=$prefix $bin/pg_ctl -D $dir/data -l $dir/server.log -w -t 60 -m immediate"
  log "throwaway PostGIS cluster $var on 127.0.0.1:$port in $dir"
}

pg_shards_setup() {
  if [ ! -f /usr/share/postgresql/15/extension/postgres_fdw.control ] || [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
    log "postgres_fdw or PostGIS not installed: the sharded tests will skip"
    [ "${CI:-}" = "true" ] && return 1
    return 0
  fi

  pg_shard_cluster PARKGIS_TEST_PG_COORDINATOR && pg_shard_cluster PARKGIS_TEST_PG_SHARD1 && pg_shard_cluster PARKGIS_TEST_PG_SHARD2
}
pg_shards_setup
