#!/usr/bin/env bash
# 1,000 concurrent Blazor circuits and the server's memory, for BENCHMARKS.md ("### 1,000 circuits (issue 15)"),
# on 127.0.0.1 only. Not part of scripts/test.sh.
#   bash benchmarks/many-circuits.sh                                          # demo data, COUNT=1000
#   DB=/path/copy-of-corpus.db PAGES="/sessions/ga/65/items/55 /today" bash benchmarks/many-circuits.sh
#   COUNT=200 PARALLEL=4 PORTAL_ENV="DOTNET_gcServer=0" REPORTS=/tmp/heaps ...  # other sizes, GC, heap reports
# Only pages with an interactive part open a circuit: since 2026-12-02 the home, session list, document and search
# pages are statically rendered (App.razor, [ExcludeFromInteractiveRouting]). The default PAGES are the agenda item
# page, whose "Download all" form is an interactive island, and "issued today", a whole interactive page (layout,
# menu and page on the circuit). The corpus, if any, is used as is: copy it first (the portal may migrate it).
# Publishes the portal (or measures PORTAL_APP), starts it in Production and, for each page, opens COUNT circuits
# with tools/CircuitLoad (real WebSocket circuits as blazor.web.js opens them, each waited on until it has rendered),
# reads memory before, with them open and after they closed — the resident set (VmRSS) and the live managed heap
# after a full blocking GC (dotnet-gcdump forces one) — and checks every circuit is still healthy before closing.
# All circuits come from one address, so the per-address limit (Portal:Limits:CircuitsPerClient, 200) is raised
# for the run. Needs dotnet-gcdump (dotnet tool install --tool-path /tmp/tools dotnet-gcdump; TOOLS overrides).
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${COUNT:-1000}
PARALLEL=${PARALLEL:-8}
PAGES=${PAGES:-/sessions/ga/75/items/71 /today}
PORT=${PORT:-5194}
TOOLS=${TOOLS:-/tmp/tools}
BASE="http://127.0.0.1:$PORT"
source benchmarks/published-portal.sh many-circuits
LOAD="$WORK/load"
dotnet build tools/CircuitLoad/CircuitLoad.csproj -c Release -o "$LOAD" -v quiet -nologo >/dev/null

start() { # environment db seed-demo-data -> pid in portal_pid
  (cd "$APP" && exec env ASPNETCORE_ENVIRONMENT="$1" Portal__ApplyMigrationsAtStartup=true ASPNETCORE_URLS="$BASE" \
    ConnectionStrings__Portal="Data Source=$2" Portal__DataPath="$WORK/data" Logging__LogLevel__Default=Warning \
    Portal__Limits__CircuitsPerClient=$((COUNT + 100)) Portal__SeedDemoData="$3" ${PORTAL_ENV:-} dotnet Portal.dll >>"$WORK/portal.log" 2>&1) &
  portal_pid=$!
  for _ in $(seq 1 240); do curl -s -o /dev/null "$BASE/not-found" && return 0; sleep 0.5; done
  echo "the portal did not start"; cat "$WORK/portal.log"; exit 1
}
if [ -z "${DB:-}" ]; then
  # Production never loads the demo data, so a Development run seeds it first; the measured run is Production.
  DB="$WORK/demo.db"
  start Development "$DB" true && curl -s -o /dev/null "$BASE/" && kill "$portal_pid" && wait "$portal_pid" || true
  CORPUS="demo data"
else
  CORPUS="$(sqlite3 -batch -noheader "$DB" 'SELECT count(*) FROM Documents') documents ($DB)"
fi

source benchmarks/memory.sh

circuits() { # page count measure|warm-up -> opens them, measures, checks them, closes them
  coproc LOADER { exec dotnet "$LOAD/CircuitLoad.dll" "$BASE$1" "$2" --parallel "$PARALLEL"; }
  local opened healthy
  read -r -u "${LOADER[0]}" opened
  echo "$1: $opened" >&2
  [ "$3" = measure ] && memory "$2 circuits open"
  echo >&"${LOADER[1]}"
  read -r -u "${LOADER[0]}" healthy
  echo "$1: $healthy" >&2
  read -r -u "${LOADER[0]}" _
  wait "$LOADER_PID" || echo "$1: the load client reported failures (above)" >&2
}

echo "# Many circuits $(date -Is), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), portal $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Portal || echo '+changes'), $CORPUS, $COUNT circuits, ${PORTAL_ENV:-default GC}"
for page in $PAGES; do
  start Production "$DB" false # a fresh process for each page: the resident set does not shrink back
  echo "## $page ($(curl -s -o /dev/null -w '%{http_code}, %{size_download} B' "$BASE$page"))"
  circuits "$page" 5 warm-up
  sleep 2
  {
    memory "before"
    circuits "$page" "$COUNT" measure
    sleep 3
    memory "closed (3 s later)"
  } | awk -F'|' 'NR == 1 { rss0 = $2; heap0 = $3 }
    { printf "| %s | %.1f MB RSS | %.1f MB managed heap |", $1, $2 / 1024, $3 / 1048576 }
    NR == 2 { n = $1 + 0; printf " per circuit: %.0f KB RSS, %.0f KB managed heap", ($2 - rss0) / n, ($3 - heap0) / 1024 / n }
    { print "" }'
  # What the open circuits hold: the types whose live bytes grew most, per circuit (the report's first column is the
  # average size of the type's objects in a size class, the second their count).
  awk -v n="$COUNT" 'FNR > 4 && $1 ~ /[0-9]/ { b = $1; c = $2; gsub(/,/, "", b); gsub(/,/, "", c); $1 = $2 = ""; t = $0
      sub(/ \(Bytes > [0-9]+K\)/, "", t); sub(/ +\[.*$/, "", t); sub(/^ +/, "", t)
      sign = FILENAME ~ /before/ ? -1 : 1; bytes[t] += sign * b * c; count[t] += sign * c }
    END { for (t in bytes) printf "%8.1f KB %6.1f objects  %s\n", bytes[t] / 1024 / n, count[t] / n, t }' \
    "$WORK/heap-before.txt" "$WORK/heap-$COUNT.txt" | sort -rn | head -"${TYPES:-12}" || true
  kill "$portal_pid" && wait "$portal_pid" || true
  portal_pid=""
done
