#!/usr/bin/env bash
# Memory per open Blazor circuit, for BENCHMARKS.md ("## Circuits"), on 127.0.0.1 only. Not part of scripts/test.sh.
#   DB=/path/corpus.db PAGE=/today bash benchmarks/circuits.sh             # a corpus
# PAGE must be interactive as a whole (the tabs wait for the layout's marker): /today does; the home, session, agenda
# item, document and search pages are statically rendered since 2026-12-02 (App.razor) and open no circuit (an agenda
# item's download form is an island: benchmarks/many-circuits.sh measures it, and 1,000 circuits without a browser).
#   PORTAL_ENV="DOTNET_gcServer=0" ...                                     # extra environment for the portal
# Publishes the portal (or measures PORTAL_APP), starts it in Production, opens COUNT (default 100) real
# Chromium tabs on PAGE through benchmarks/Circuits.cs and waits until every circuit has rendered. Memory is
# read three times — before, with the tabs open, after they closed — as the server's resident set and as
# the live managed heap after a full, blocking GC (dotnet-gcdump, which forces one). Needs dotnet-gcdump
# (dotnet tool install --tool-path /tmp/tools dotnet-gcdump; TOOLS overrides the folder).
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${COUNT:-100}
PAGE=${PAGE:-/today}
PORT=${PORT:-5193}
TOOLS=${TOOLS:-/tmp/tools}
BASE="http://127.0.0.1:$PORT"
source benchmarks/published-portal.sh circuits
DB=${DB:-"$WORK/portal.db"}
dotnet build benchmarks/Circuits.cs -c Release -v quiet -nologo >/dev/null

(cd "$APP" && exec env ASPNETCORE_ENVIRONMENT=Production Portal__ApplyMigrationsAtStartup=true ASPNETCORE_URLS="$BASE" ConnectionStrings__Portal="Data Source=$DB" \
  Portal__DataPath="$WORK/data" Logging__LogLevel__Default=Warning ${PORTAL_ENV:-} dotnet Portal.dll >"$WORK/portal.log" 2>&1) &
portal_pid=$!
for _ in $(seq 1 240); do curl -s -o /dev/null "$BASE/not-found" && break; sleep 0.5; done
status=$(curl -s -o "$WORK/page.html" -w '%{http_code}' "$BASE$PAGE")
echo "# Circuits $(date -Is), $(nproc) cores, portal $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Portal || echo '+changes'), page $PAGE ($status, $(wc -c <"$WORK/page.html") B), $COUNT tabs"

source benchmarks/memory.sh

circuits() { # count -> opens them, measures, closes them
  coproc TABS { exec dotnet run -c Release --no-build benchmarks/Circuits.cs -- "$BASE$PAGE" "$1"; }
  read -r -u "${TABS[0]}" opened
  echo "$opened" >&2
  [ "$2" = measure ] && memory "$1 tabs open"
  echo >&"${TABS[1]}"
  read -r -u "${TABS[0]}" _
  wait "$TABS_PID" || true
}

circuits 5 warm-up
sleep 2
{
  memory "before"
  circuits "$COUNT" measure
  sleep 3
  memory "tabs closed (3 s later)"
} | awk -F'|' 'NR == 1 { rss0 = $2; heap0 = $3 }
  { printf "| %s | %.1f | %.1f |", $1, $2 / 1024, $3 / 1048576 }
  NR == 2 { n = $1 + 0; printf " per circuit: %.0f KB RSS, %.0f KB managed heap", ($2 - rss0) / n, ($3 - heap0) / 1024 / n }
  { print "" }'
