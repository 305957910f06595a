#!/usr/bin/env bash
# The load test of issue 15, on 127.0.0.1 only: LOAD_CONNECTIONS (200) concurrent connections for LOAD_SECONDS (60) of
# wrk over a mix of home, session list, agenda item pages, document pages, searches and generated PDF downloads, against
# one portal on SQLite or on PostgreSQL; first the same wrk on the trivial page of the same portal, as the floor.
# Not part of scripts/test.sh.
#   DB=/work/corpora/search/corpus-10000.db bash benchmarks/load.sh                     # SQLite (on a copy of DB)
#   PROVIDER=PostgreSQL POSTGRES="host=127.0.0.1 port=5433 user=postgres dbname=portal_bench_10000" \
#     DB=/work/corpora/search/corpus-10000.db bash benchmarks/load.sh                   # the same corpus, loaded with
#                                                                                       # benchmarks/load-postgres.sh
# DB (tools/CorpusGenerator's output) also gives the sample of URLs. A PostgreSQL database keeps its files (the PDFs
# printed) in a data folder that outlives the run, ${TMPDIR:-/tmp}/portal-load-<database>, as the rows naming them do. The per-address request limit is off
# (Portal__Limits__RequestsPerMinutePerClient=0): every wrk connection comes from one address, unlike real visitors.
# Each document's PDF is printed once (Chromium, Portal:ChromiumPath) before the timed run, as the first visitor would.
# Needs sqlite3, curl, wrk (apt-get install -y wrk), Chromium for the PDFs; PORTAL_APP measures a published build.
set -euo pipefail
cd "$(dirname "$0")/.."

PROVIDER=${PROVIDER:-Sqlite}
LOAD_SECONDS=${LOAD_SECONDS:-60}
LOAD_CONNECTIONS=${LOAD_CONNECTIONS:-200}
PORT=${PORT:-5199}
BASE="http://127.0.0.1:$PORT"
DB=${DB:?DB=<corpus .db>}
source benchmarks/published-portal.sh load
if [ "$PROVIDER" = PostgreSQL ]; then
  POSTGRES=${POSTGRES:?PROVIDER=PostgreSQL needs POSTGRES (libpq key=value with dbname)}
  connection=$(echo "$POSTGRES" | tr ' ' '\n' | awk -F= 'BEGIN { split("host=Host port=Port user=Username dbname=Database password=Password", m, " "); for (i in m) { split(m[i], kv, "="); name[kv[1]] = kv[2] } } NF == 2 && ($1 in name) { printf "%s=%s;", name[$1], $2 }')
  # PostgreSQL's default max_connections is 100, Npgsql's default pool 100 per process: a full pool would be refused
  # ("too many clients"). Queuing in a smaller pool is what a deployment does (docs/deployment.md).
  connection+="Maximum Pool Size=${PG_POOL:-40};"
  data="${TMPDIR:-/tmp}/portal-load-$(echo "$POSTGRES" | tr ' ' '\n' | awk -F= '$1 == "dbname" { print $2 }')"
  store="PostgreSQL $(psql -X -At "$POSTGRES" -c 'SHOW server_version' | cut -d' ' -f1)"
else
  cp "$DB" "$WORK/corpus.db"
  connection="Data Source=$WORK/corpus.db"
  data="$WORK/data"
  store="SQLite (a copy of $(basename "$DB"))"
fi
(cd "$APP" && exec env ASPNETCORE_ENVIRONMENT=Production Portal__ApplyMigrationsAtStartup=true ASPNETCORE_URLS="$BASE" \
  Database__Provider="$PROVIDER" ConnectionStrings__Portal="$connection" Portal__DataPath="$data" \
  Portal__Limits__RequestsPerMinutePerClient=0 Portal__Dumps__Nightly=false Logging__LogLevel__Default=Warning \
  dotnet Portal.dll >"$WORK/portal.log" 2>&1) &
portal_pid=$!
for _ in $(seq 1 600); do curl -s -o /dev/null "$BASE/not-found" && break; sleep 0.5; done
curl -s -o /dev/null "$BASE/not-found" || { echo "portal did not start"; cat "$WORK/portal.log"; exit 1; }

sample() { sqlite3 -readonly -batch -noheader "$DB" "$1"; }
mapfile -t ids < <(sample "SELECT Id FROM Documents WHERE Distribution = 1 AND Status = 2 AND Id % 97 = 3 AND Id IN (SELECT DocumentId FROM LanguageVersions WHERE Language = 'en') LIMIT 20")
mapfile -t items < <(sample "SELECT '/sessions/ga/' || s.Number || '/items/' || a.Number FROM AgendaItems a JOIN Sessions s ON s.Id = a.SessionId WHERE s.Organ = 1 AND a.Id IN (SELECT AgendaItemId FROM DocumentAgendaItems WHERE DocumentId % 49 = 7) LIMIT 20")
{
  for id in "${ids[@]}"; do echo "/documents/$id"; echo "/documents/$id"; echo "/documents/$id/en.pdf"; done
  for i in "${items[@]}"; do echo "$i"; echo "$i"; done
  for w in refugees fisheries sanitation 地雷 беженцы "climate change"; do echo "/search?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$w")"; done
  echo "/"; echo "/"; echo "/sessions"
} >"$WORK/paths.txt"
echo "/not-found" >"$WORK/floor.txt"
# Every URL once (the PDFs are printed now), then every status must be 200.
bad=0
while read -r path; do
  code=$(curl -s -o /dev/null -m 300 -w '%{http_code}' "$BASE$path")
  [ "$code" = 200 ] || { echo "warm-up: $path answered $code"; bad=1; }
done <"$WORK/paths.txt"
[ "$bad" = 0 ] || { echo "A URL of the mix does not answer 200; not measuring."; exit 1; }

run() { # name paths-file [what non-2xx answers mean]
  PATHS_FILE="$2" wrk -t 2 -c "$LOAD_CONNECTIONS" -d "${LOAD_SECONDS}s" --timeout 30s --latency -s benchmarks/mix.lua "$BASE" >"$WORK/wrk.txt" 2>&1 || true
  local rps p50 p75 p90 p95 p99 total errors non2xx
  rps=$(awk '/Requests\/sec/ { print $2 }' "$WORK/wrk.txt")
  total=$(awk '/requests in/ { print $1 }' "$WORK/wrk.txt")
  p50=$(awk '$1 == "50%" { print $2 }' "$WORK/wrk.txt"); p75=$(awk '$1 == "75%" { print $2 }' "$WORK/wrk.txt")
  p90=$(awk '$1 == "90%" { print $2 }' "$WORK/wrk.txt"); p99=$(awk '$1 == "99%" { print $2 }' "$WORK/wrk.txt")
  p95=$(awk '$1 == "p95" { print $2 }' "$WORK/wrk.txt")
  non2xx=$(awk '/Non-2xx or 3xx/ { print $5 }' "$WORK/wrk.txt"); non2xx="${non2xx:-0}${3:-}"
  errors=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$WORK/wrk.txt"); errors=${errors:-0}
  echo "| $1 | $total | $rps | $p50 | $p90 | $p95 | $p99 | $non2xx | $errors | $(cut -d' ' -f1 /proc/loadavg) |"
}
echo "Load: $store, $(sqlite3 -readonly "$DB" 'SELECT count(*) FROM Documents') documents, wrk -t 2 -c $LOAD_CONNECTIONS -d ${LOAD_SECONDS}s, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"
echo ""
echo "| target | requests | requests/s | p50 | p90 | p95 | p99 | non-2xx/3xx | socket errors | load average at the end |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
run "trivial page (/not-found, full layout, 200)" "$WORK/floor.txt"
run "mix of $(wc -l <"$WORK/paths.txt") URLs" "$WORK/paths.txt"
if grep -qE ' (fail|crit)' "$WORK/portal.log"; then echo ""; echo "The portal logged errors:"; grep -E -A3 ' (fail|crit)' "$WORK/portal.log" | head -40; fi
