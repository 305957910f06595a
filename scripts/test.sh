#!/usr/bin/env bash
# The portal's test command: installs what the tests need, builds from scratch, runs every test
# (unit, bUnit, HTTP and real-Chromium browser tests) and ends with one plain summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
dpkg -s fonts-noto-core >/dev/null 2>&1 || need+=(fonts-noto-core)
# Generated Chinese PDFs use this TrueType font: see DocumentPdfRenderer for why not Noto CJK.
dpkg -s fonts-wqy-zenhei >/dev/null 2>&1 || need+=(fonts-wqy-zenhei)
# aria2c downloads the largest demo file over several connections, as delegations' tools do.
command -v aria2c >/dev/null 2>&1 || need+=(aria2)
# `docker-compose config` validates docker-compose.yml (ComposeFileTests); no Docker engine is needed or installed.
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
# Debian's nginx checks deploy/nginx.conf and runs it in front of two portals (scripts/two-instances.sh);
# the tests run it as the current user on a temporary prefix, never as a system service.
command -v nginx >/dev/null 2>&1 || need+=(nginx)
# The backup tests run README's commands as written: the sqlite3 CLI (Debian 12's 3.40, the oldest SQLite
# that must read the schema) and rsync; pg_dump and pg_restore come with postgresql-client-15 (test-services.sh).
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
command -v rsync >/dev/null 2>&1 || need+=(rsync)
# The backup test of a portal whose files are in an S3 bucket copies them out and back with Debian's AWS CLI.
[ -x /usr/bin/aws ] || need+=(awscli)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from apt..."
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
export PORTAL_CHROMIUM="${PORTAL_CHROMIUM:-$(command -v chromium)}"
export PORTAL_AWS="${PORTAL_AWS:-/usr/bin/aws}"
# The accessibility tests inject axe-core into pages and run the Nu HTML checker (a Java program) on
# them; s3rver is the S3-protocol server the object-store tests run against. They come from npm,
# pinned, into a folder outside the repository; PORTAL_NODE_TOOLS tells the tests where it is. A warm machine skips npm entirely.
if ! command -v java >/dev/null 2>&1; then
  echo "Installing default-jre-headless from apt..."
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
fi
export PORTAL_NODE_TOOLS="${PORTAL_NODE_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/portal-test-tools}"
node_tools=(axe-core@4.14.1 vnu-jar@26.9.27 s3rver@3.7.1)
if [ "$(cat "$PORTAL_NODE_TOOLS/.installed" 2>/dev/null)" != "${node_tools[*]}" ]; then
  echo "Installing ${node_tools[*]} from npm into $PORTAL_NODE_TOOLS..."
  mkdir -p "$PORTAL_NODE_TOOLS"
  npm install --prefix "$PORTAL_NODE_TOOLS" --no-audit --no-fund --save-exact "${node_tools[@]}" >/dev/null
  echo "${node_tools[*]}" >"$PORTAL_NODE_TOOLS/.installed"
fi

# PostgreSQL and an S3-protocol server, throwaway, for the tests that run on them (stopped on exit).
source scripts/test-services.sh

dotnet tool restore >/dev/null
dotnet restore Portal.sln
dotnet build Portal.sln -c Release --no-restore

results="$(mktemp -d)"
set +e
dotnet test --solution Portal.sln -c Release --no-build 2>&1 | tee "$results/output.log"
code=${PIPESTATUS[0]}
set -e

# Microsoft.Testing.Platform prints its own summary; CI reads one plain closing line.
total=$(grep -E '^\s+total: [0-9]+' "$results/output.log" | tail -1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -E '^\s+failed: [0-9]+' "$results/output.log" | tail -1 | grep -oE '[0-9]+' || echo 0)
passed=$(grep -E '^\s+succeeded: [0-9]+' "$results/output.log" | tail -1 | grep -oE '[0-9]+' || echo 0)
skipped=$(grep -E '^\s+skipped: [0-9]+' "$results/output.log" | tail -1 | grep -oE '[0-9]+' || echo 0)
if [ "$total" = 0 ] && [ "$code" = 0 ]; then
  echo "No test ran."; code=1
fi
# A failing run prints the whole server log after its summary; name the failed tests again last, each
# with the first lines of its failure message, where a reader of the log's tail will see them.
if [ "$failed" != 0 ]; then
  echo "Failed tests:"
  awk '/^failed / { print "  " $0; lines = 30; next }
       lines > 0 && /^[^ \t]/ { lines = 0 }
       lines > 0 { print "  " $0; lines-- }' "$results/output.log" || true
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$code"
