#!/usr/bin/env bash
# Starts the servers the tests need beside the portal, each throwaway, on 127.0.0.1 and a free port:
#   - PostgreSQL 15 from apt: a fresh cluster in a temporary folder (C.UTF-8, trust auth, user postgres);
#     PORTAL_TEST_POSTGRES holds a connection string to its maintenance database. Tests create a
#     fresh database per test class from it.
#   - s3rver (npm), an S3-protocol server over a temporary folder, with the bucket portal-tests;
#     PORTAL_TEST_S3 holds its endpoint URL (credentials S3RVER / S3RVER).
# Source it (`source scripts/test-services.sh`): it exports both variables and stops both servers
# when the calling shell exits. Needs root (or sudo) to install PostgreSQL and to run it as postgres.
# Expects PORTAL_NODE_TOOLS to hold an npm prefix with s3rver installed (scripts/test.sh does that).

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
pg_bin=/usr/lib/postgresql/15/bin
if [ ! -x "$pg_bin/pg_ctl" ]; then
  echo "Installing postgresql-15 from apt..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-client-15 >/dev/null
fi

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"; return 0
    fi
  done
  return 1
}

test_services_dir="$(mktemp -d "${TMPDIR:-/tmp}/portal-test-services.XXXXXX")"
chmod 755 "$test_services_dir"
pg_dir="$test_services_dir/pg"
mkdir -p "$pg_dir"
$SUDO chown postgres "$pg_dir"
pg_port="$(free_port)"
stop_test_services() {
  if [ -n "${s3_pid:-}" ]; then kill "$s3_pid" 2>/dev/null || true; fi
  if [ -f "$pg_dir/postmaster.pid" ]; then
    $SUDO runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir" -m immediate stop >/dev/null 2>&1 || true
  fi
  $SUDO rm -rf "$test_services_dir"
}
trap stop_test_services EXIT

$SUDO runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Durability is not what tests measure: without fsync a fresh database per test class costs little.
$SUDO runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
echo "PostgreSQL 15 for tests on 127.0.0.1:$pg_port"

s3_port="$(free_port)"
mkdir -p "$test_services_dir/s3"
node "$PORTAL_NODE_TOOLS/node_modules/s3rver/bin/s3rver.js" -d "$test_services_dir/s3" -p "$s3_port" -a 127.0.0.1 \
  --configure-bucket portal-tests >"$test_services_dir/s3.log" 2>&1 &
s3_pid=$!
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$s3_port") 2>/dev/null && break
  sleep 0.2
done
export PORTAL_TEST_S3="http://127.0.0.1:$s3_port"
echo "s3rver for tests on $PORTAL_TEST_S3"
