#!/usr/bin/env bash
# The first requests after a start (BENCHMARKS.md, "The first search after a start"), on 127.0.0.1 only: ROUNDS starts
# of the published portal in Production on a corpus made by benchmarks/search.sh, each on a warm file and a fresh data
# folder, timing (curl's time to first byte) the trivial page once the portal answers, then searches and the home page,
# each asked for the first time and once again. PAUSE seconds between the portal answering and the first search.
#   PORTAL_APP=<publish dir> bash benchmarks/first-requests.sh /work/corpora/search/corpus-1000000.db
#   PORTAL_APP=<old build> ... and PORTAL_APP=<new build> ... one after the other, for before and after
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:?"usage: PORTAL_APP=<publish dir> bash benchmarks/first-requests.sh <corpus .db>"}
ROUNDS=${ROUNDS:-3}
PAUSE=${PAUSE:-0}
PORT=${PORT:-5192}
BASE="http://127.0.0.1:$PORT"
LOCK=${LOCK:-/work/bench.lock}
source benchmarks/published-portal.sh first-requests
hold_lock_and_warm "$LOCK" "$DB"
paths=(/not-found "/search?q=refugees" "/search?q=refugees" "/search?q=%E6%B0%94%E5%80%99%E5%8F%98%E5%8C%96"
  "/search?q=fisheries&from=2014-01-01&to=2016-06-30" / /)
for ((round = 1; round <= ROUNDS; round++)); do
  rm -rf "$WORK/data"
  began=$(date +%s.%N)
  start_portal_on "$DB" "$BASE"
  echo "round $round: answers after $(echo "$(date +%s.%N) - $began" | bc) s"
  sleep "$PAUSE"
  for path in "${paths[@]}"; do
    curl -s -o /dev/null -w "  %{http_code} %{time_starttransfer} s  $path\n" "$BASE$path"
  done
  kill "$portal_pid" 2>/dev/null || true; wait "$portal_pid" 2>/dev/null || true
  portal_pid=""
done
