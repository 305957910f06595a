#!/usr/bin/env bash
# Page weight, latency, queries and allocations per page, and a load mix, for BENCHMARKS.md ("## Layout and
# load"), on 127.0.0.1 only. Not part of scripts/test.sh.
#   DB=/tmp/corpus100k.db bash benchmarks/pages.sh
#   COMPARE_APP=/tmp/before-app DB=... bash benchmarks/pages.sh            # second column: another build, same corpus
#   TABLE=0 ALLOC=0 QUERIES=0 LOAD=1 DB=... bash benchmarks/pages.sh        # only some parts
# Starts two portals side by side from one published build (or PORTAL_APP): one on the corpus DB, one on a
# fresh database with the demo data. For each target on both: the HTML size and 5 warm-up + RUNS (60)
# sequential requests over one keep-alive connection (curl time_total: the whole response, not only its first byte),
# then database commands per request (EF command log) and managed allocations per request (dotnet-counters,
# Allocation Rate summed over ALLOC_RUNS sequential requests) on the corpus portal, then LOAD_SECONDS (30) of
# wrk with LOAD_CONNECTIONS (200) on a mix of pages, searches and downloads (benchmarks/mix.lua).
# Needs sqlite3, wrk (apt-get install -y wrk) and dotnet-counters (dotnet tool install --tool-path /tmp/tools
# dotnet-counters; TOOLS overrides the folder).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-60}
WARMUP=${WARMUP:-5}
ALLOC_RUNS=${ALLOC_RUNS:-200}
LOAD_SECONDS=${LOAD_SECONDS:-30}
LOAD_CONNECTIONS=${LOAD_CONNECTIONS:-200}
TOOLS=${TOOLS:-/tmp/tools}
DB=${DB:?DB=<corpus .db>}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-pages-bench.XXXXXX")
APP=${PORTAL_APP:-"$WORK/app"}
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "${KEEP:-}" ] && echo "kept $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

[ -n "${PORTAL_APP:-}" ] || dotnet publish Portal/Portal.csproj -c Release -o "$APP" -v quiet -nologo >/dev/null

start() { # name port db [env...] -> pid in $started
  local name=$1 port=$2 db=$3 app=$APP; shift 3
  [ "$name" = compare ] && app=$COMPARE_APP
  (cd "$app" && exec env ASPNETCORE_ENVIRONMENT=Production Portal__ApplyMigrationsAtStartup=true ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ConnectionStrings__Portal="Data Source=$db" Portal__DataPath="$WORK/data-$name" Portal__Dumps__Nightly=false Logging__LogLevel__Default=Warning \
    "$@" dotnet Portal.dll >"$WORK/$name.log" 2>&1) &
  started=$!
  pids+=("$started")
  for _ in $(seq 1 240); do curl -s -o /dev/null "http://127.0.0.1:$port/not-found" && return 0; sleep 0.5; done
  echo "portal $name did not start"; cat "$WORK/$name.log"; exit 1
}

measure() { # base path -> "bytes|p50|p95|statuses"
  local base=$1 path=$2 config="$WORK/curl.cfg" i n=$((WARMUP + RUNS)) bytes
  bytes=$(curl -s "$base$path" | wc -c)
  : >"$config"
  for ((i = 0; i < n; i++)); do printf 'url = "%s%s"\noutput = "/dev/null"\n' "$base" "$path" >>"$config"; done
  curl -s -m 60 -K "$config" -w '%{http_code} %{time_total}\n' >"$WORK/times.txt" || true
  tail -n "$RUNS" "$WORK/times.txt" | awk '{ printf "%.1f\n", $2 * 1000 }' | sort -n >"$WORK/sorted.txt"
  local p50 p95 codes
  p50=$(awk -v n="$RUNS" 'NR == int((n + 1) * 0.50) { print }' "$WORK/sorted.txt")
  p95=$(awk -v n="$RUNS" 'NR == int(n * 0.95 + 0.5) { print }' "$WORK/sorted.txt")
  codes=$(tail -n "$RUNS" "$WORK/times.txt" | awk '{ print $1 }' | sort | uniq -c | awk '{ printf "%s×%s ", $1, $2 }')
  echo "$bytes|$p50|$p95|$codes"
}

sample() { sqlite3 -batch -noheader "$1" "$2"; }
doc=$(sample "$DB" "SELECT Id FROM Documents WHERE Distribution = 1 AND Status = 2 AND Id % 997 = 3 LIMIT 1")
item=$(sample "$DB" "SELECT '/sessions/ga/' || s.Number || '/items/' || a.Number FROM AgendaItems a JOIN Sessions s ON s.Id = a.SessionId WHERE s.Organ = 1 AND a.Id IN (SELECT AgendaItemId FROM DocumentAgendaItems WHERE DocumentId % 499 = 7) LIMIT 1")
# A busy day of releases, for "issued today".
day=$(sample "$DB" "SELECT ReleasedOn FROM LanguageVersions WHERE ReleasedOn IS NOT NULL GROUP BY ReleasedOn ORDER BY count(*) DESC LIMIT 1")
# The same kinds of page on the demo data: the seed letter, GA 75 item 71, A/75/950's release day.
targets=("/healthz|/healthz" "/app.css|/app.css" "/not-found|/not-found" "/|/" "/sessions|/sessions"
  "$item|/sessions/ga/75/items/71" "/documents/$doc|/documents/1"
  "/api/v1/documents/$doc|/api/v1/documents/1" "/api/v1/documents?limit=50|/api/v1/documents?limit=50"
  "/today?date=$day|/today?date=2021-05-07" "/feeds/sessions/ga/75|/feeds/sessions/ga/75")

start corpus 5195 "$DB"; corpus_pid=$started
if [ -n "${COMPARE_APP:-}" ]; then
  # Before/after in one run: the second column is another build (e.g. the previous commit) on the same corpus.
  start compare 5196 "$DB"
  for ((i = 0; i < ${#targets[@]}; i++)); do targets[$i]="${targets[$i]%%|*}|${targets[$i]%%|*}"; done
  echo "(second column: $COMPARE_APP on the same corpus)"
else
  start demo 5196 "$WORK/demo.db"
fi
echo "# Pages $(date -Is), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), portal $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Portal || echo '+changes')${PORTAL_APP:+ (published app: $PORTAL_APP)}, corpus $(sample "$DB" "SELECT count(*) FROM Documents") documents / $(sample "$DB" "SELECT count(*) FROM Sessions") sessions"
echo "| page (corpus / demo) | corpus bytes | corpus p50 ms | corpus p95 ms | demo bytes | demo p50 ms | demo p95 ms | statuses corpus; demo |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
[ "${TABLE:-1}" = 1 ] && for t in "${targets[@]}"; do # warm both, untimed
  IFS='|' read -r c d <<<"$t"; measure http://127.0.0.1:5195 "$c" >/dev/null; measure http://127.0.0.1:5196 "$d" >/dev/null
done
[ "${TABLE:-1}" = 1 ] && for t in "${targets[@]}"; do
  IFS='|' read -r c d <<<"$t"
  IFS='|' read -r cb c50 c95 cs <<<"$(measure http://127.0.0.1:5195 "$c")"
  IFS='|' read -r db d50 d95 ds <<<"$(measure http://127.0.0.1:5196 "$d")"
  echo "| \`$c\` / \`$d\` | $cb | $c50 | $c95 | $db | $d50 | $d95 | $cs; $ds |"
done

[ "${ALLOC:-1}" = 1 ] && {
echo ""
echo "Managed allocations per request on the corpus portal ($ALLOC_RUNS sequential requests, dotnet-counters Allocation Rate summed):"
for path in /healthz /not-found "$item" "/documents/$doc"; do
  rm -f "$WORK/counters.csv"
  "$TOOLS/dotnet-counters" collect -p "$corpus_pid" --refresh-interval 1 --format csv -o "$WORK/counters.csv" \
    --counters System.Runtime --duration 00:00:40 >/dev/null 2>&1 &
  counters=$!
  sleep 4
  config="$WORK/alloc.cfg"; : >"$config"
  for ((i = 0; i < ALLOC_RUNS; i++)); do printf 'url = "http://127.0.0.1:5195%s"\noutput = "/dev/null"\n' "$path" >>"$config"; done
  curl -s -K "$config"
  wait "$counters" || true
  [ -f "$WORK/counters.csv" ] && awk -F',' -v n="$ALLOC_RUNS" -v p="$path" 'tolower($0) ~ /total_allocated|allocation rate/ { s += $NF } END { printf "- `%s`: %.0f KB per request\n", p, s / n / 1024 }' "$WORK/counters.csv"
done

}
[ "${QUERIES:-1}" = 1 ] && {
echo ""
echo "Database commands per request on the corpus portal (second request of each target; EF command log):"
kill "$corpus_pid"; wait "$corpus_pid" 2>/dev/null || true
start corpus-log 5197 "$DB" Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information
for path in /healthz /not-found / /sessions "$item" "/documents/$doc"; do
  curl -s -o /dev/null "http://127.0.0.1:5197$path"; sleep 0.5
  before=$(grep -c 'Executed DbCommand' "$WORK/corpus-log.log" || true)
  curl -s -o /dev/null "http://127.0.0.1:5197$path"; sleep 0.5
  after=$(grep -c 'Executed DbCommand' "$WORK/corpus-log.log" || true)
  echo "- \`$path\`: $((after - before))"
done
kill "$started"; wait "$started" 2>/dev/null || true
start corpus 5195 "$DB"
}

[ "${LOAD:-1}" = 1 ] || exit 0
echo ""
mapfile -t ids < <(sample "$DB" "SELECT Id FROM Documents WHERE Distribution = 1 AND Status = 2 AND Id % 997 = 3 LIMIT 20")
mapfile -t items < <(sample "$DB" "SELECT '/sessions/ga/' || s.Number || '/items/' || a.Number FROM AgendaItems a JOIN Sessions s ON s.Id = a.SessionId WHERE s.Organ = 1 AND a.Id IN (SELECT AgendaItemId FROM DocumentAgendaItems WHERE DocumentId % 499 = 7) LIMIT 20")
{
  for id in "${ids[@]}"; do echo "/documents/$id"; echo "/documents/$id"; echo "/documents/$id/en.txt"; done
  for i in "${items[@]}"; do echo "$i"; echo "$i"; done
  for w in refugees fisheries sanitation; do echo "/search?q=$w"; done
  echo "/"; echo "/sessions"
} >"$WORK/paths.txt"
PATHS_FILE="$WORK/paths.txt" wrk -t 2 -c "$LOAD_CONNECTIONS" -d "${LOAD_SECONDS}s" --timeout 30s --latency -s benchmarks/mix.lua http://127.0.0.1:5195 >"$WORK/wrk.txt" 2>&1 || true
echo "Load mix ($(wc -l <"$WORK/paths.txt") URLs: documents, their .txt downloads, agenda items, searches, home, sessions), wrk -c $LOAD_CONNECTIONS -d ${LOAD_SECONDS}s, load average at its end $(cut -d' ' -f1-3 /proc/loadavg):"
echo '```'; grep -E 'Latency|50%|75%|90%|99%|requests in|Requests/sec|Non-2xx|Socket errors|mix' "$WORK/wrk.txt"; echo '```'
