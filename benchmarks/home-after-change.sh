#!/usr/bin/env bash
# The home page after a change (BENCHMARKS.md, "The home page's counts after a change"), on 127.0.0.1 only: the published
# portal in Production on a corpus made by benchmarks/search.sh; the first home page (every session counted), then
# ROUNDS times: one document stamped as another instance's save would stamp it (its ChangedAt set to now, in the
# corpus), a wait until the portal looks at the stamps again (CatalogueVersion.MaxAge, a minute), and then CALLERS home
# pages asked at once, as visitors arriving together would. Prints curl's time to first byte of each.
#   PORTAL_APP=<publish dir> bash benchmarks/home-after-change.sh /work/corpora/search/corpus-1000000.db
#   PORTAL_APP=<old build> ... and PORTAL_APP=<new build> ... one after the other, for before and after
# The corpus keeps the stamps written (only ChangedAt, of the newest document and of one in the middle of the ids).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:?"usage: PORTAL_APP=<publish dir> bash benchmarks/home-after-change.sh <corpus .db>"}
ROUNDS=${ROUNDS:-3}
CALLERS=${CALLERS:-4}
PORT=${PORT:-5193}
BASE="http://127.0.0.1:$PORT"
LOCK=${LOCK:-/work/bench.lock}
command -v sqlite3 >/dev/null || { echo "needs sqlite3 (apt-get install sqlite3)"; exit 1; }
source benchmarks/published-portal.sh home-after-change
hold_lock_and_warm "$LOCK" "$DB"
start_portal_on "$DB" "$BASE"
# One write a line, so that callers at once do not interleave; $(home) drops the newline.
home() { curl -s -o /dev/null -w "%{time_starttransfer}\n" "$BASE/"; }
echo "first home page: $(home) s; again: $(home) s, $(home) s"
newest=$(sqlite3 "$DB" "SELECT max(Id) FROM Documents")
for ((round = 1; round <= ROUNDS; round++)); do
  # Odd rounds stamp the newest document (a publication), even ones a document in the middle of the ids (a correction).
  id=$((round % 2 == 1 ? newest : newest / 2))
  # Document.ChangedAt as EF Core's DateTimeOffsetToBinaryConverter stores it: .NET ticks / 1000, shifted past 11 offset bits (UTC).
  sqlite3 "$DB" "PRAGMA busy_timeout = 10000; UPDATE Documents SET ChangedAt = ((CAST(strftime('%s', 'now') AS INTEGER) * 10000000 + 621355968000000000) / 1000) << 11 WHERE Id = $id" >/dev/null
  sleep 61
  times=$(for ((c = 0; c < CALLERS; c++)); do home & done; wait)
  echo "round $round (document $id stamped): $CALLERS home pages at once: $(echo "$times" | tr -s ' \n' ' ')s; then $(home) s"
done
