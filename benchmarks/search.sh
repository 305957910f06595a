#!/usr/bin/env bash
# Search and page benchmarks for BENCHMARKS.md ("## Search"), on 127.0.0.1 only. Not part of scripts/test.sh.
#   bash benchmarks/search.sh                      # 10k and 1M documents
#   SIZES="10000" bash benchmarks/search.sh        # one size
#   PROVIDERS="Sqlite PostgreSQL" POSTGRES="host=127.0.0.1 port=5432 user=postgres" SIZES=10000 bash benchmarks/search.sh
#                                                  # both providers, one after the other in the same run; the
#                                                  # SQLite corpus is copied into a new PostgreSQL database on that
#                                                  # server (benchmarks/load-postgres.sh) before it is measured;
#                                                  # PG_KEEP=1 reuses a database an earlier run loaded
# Corpora are generated once by tools/CorpusGenerator (schema from the portal's migrations) and cached
# outside the repository in $CORPORA (default /work/corpora/search); a 1M corpus takes ~14 minutes and ~17.5 GB.
# For each size the portal is published in Release, started in Production on the corpus, and every
# target gets WARMUP requests and then RUNS sequential requests over one keep-alive connection (after untimed passes
# over every target for WARM_SECONDS, five minutes, so that .NET's tiered JIT has compiled the hot paths' final code); the
# figure is curl's time to first byte. Targets rotate over a fixed, seeded sample of URLs so caches see
# different documents, items and words; each request is cut at MAX_TIME (60) seconds. Heavy steps hold
# /work/bench.lock so runs never overlap.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000 1000000"}
PROVIDERS=${PROVIDERS:-Sqlite}
POSTGRES=${POSTGRES:-}
RUNS=${RUNS:-60}
WARMUP=${WARMUP:-5}
WARM_SECONDS=${WARM_SECONDS:-300}
PORT=${PORT:-5191}
CORPORA=${CORPORA:-/work/corpora/search}
LOCK=${LOCK:-/work/bench.lock}
RESULTS=${RESULTS:-"$CORPORA/results-$(date +%Y%m%d-%H%M%S).md"}
BASE="http://127.0.0.1:$PORT"
command -v sqlite3 >/dev/null || { echo "needs sqlite3 (apt-get install sqlite3)"; exit 1; }
command -v flock >/dev/null || { echo "needs flock (util-linux)"; exit 1; }
mkdir -p "$CORPORA"
source benchmarks/published-portal.sh search-bench
GENERATOR="$WORK/generator"

corpus() { # size -> path; generates it (timed, under the lock) when missing
  local size=$1 db="$CORPORA/corpus-$1.db"
  if [ ! -f "$db" ]; then
    echo "Generating $size documents into $db (waiting for $LOCK first) ..." >&2
    exec 8>"$LOCK"; flock 8
    if [ ! -f "$db" ]; then # another run may have made it while this one waited
      # Built from the working tree only when a corpus is missing; it writes the current migrations' schema.
      [ -f "$GENERATOR/CorpusGenerator.dll" ] || dotnet publish tools/CorpusGenerator/CorpusGenerator.csproj -c Release -o "$GENERATOR" -v quiet -nologo >/dev/null
      dotnet "$GENERATOR/CorpusGenerator.dll" --documents "$size" --database "$db" | tee "$CORPORA/corpus-$size.log" >&2
      echo "$(date -Is) CorpusGenerator --documents $size: $(grep '^Done' "$CORPORA/corpus-$size.log")" >>"$CORPORA/generation-times.txt"
    fi
    flock -u 8; exec 8>&-
  fi
  echo "$db"
}

npgsql_connection() { # libpq "key=value" string -> Npgsql connection string
  echo "$1" | tr ' ' '\n' | awk -F= 'BEGIN { split("host=Host port=Port user=Username dbname=Database password=Password", m, " "); for (i in m) { split(m[i], kv, "="); name[kv[1]] = kv[2] } } NF == 2 && ($1 in name) { printf "%s=%s;", name[$1], $2 }'
}

start_portal() { # db [provider]
  local provider=${2:-Sqlite} connection="Data Source=$1"
  [ "$provider" = PostgreSQL ] && connection=$(npgsql_connection "$1")
  (cd "$APP" && ASPNETCORE_ENVIRONMENT=Production Portal__ApplyMigrationsAtStartup=true ASPNETCORE_URLS="$BASE" \
    Database__Provider="$provider" ConnectionStrings__Portal="$connection" Portal__SeedDemoData=false \
    Portal__DataPath="$WORK/data-$provider" Logging__LogLevel__Default=Warning exec dotnet Portal.dll >"$WORK/portal.log" 2>&1) &
  portal_pid=$!
  for _ in $(seq 1 240); do curl -s -o /dev/null "$BASE/not-found" && return 0; sleep 0.5; done
  echo "portal did not start"; cat "$WORK/portal.log"; exit 1
}

stop_portal() {
  kill "$portal_pid" 2>/dev/null || true
  wait "$portal_pid" 2>/dev/null || true
  portal_pid=""
}

# The portal's CPU time so far (user + system, all its threads, in clock ticks), from /proc; 0 where there is none.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$portal_pid/stat" 2>/dev/null || echo 0; }
CLOCK_TICKS=$(getconf CLK_TCK)

# warm_pass PATH... : one untimed request to every path, over one connection.
warm_pass() {
  local config="$WORK/warm.cfg" path
  : >"$config"
  for path in "$@"; do printf 'url = "%s%s"\noutput = "/dev/null"\n' "$BASE" "$path" >>"$config"; done
  curl -s -m "${MAX_TIME:-60}" -K "$config" >/dev/null || true
}

# measure NAME PATH... : WARMUP + RUNS requests cycling over the paths, one curl process, one connection. Prints
# NAME|p50|p95|statuses|5xx or cut|the portal's CPU ms a request (over all WARMUP + RUNS; a tick is 1000/CLK_TCK ms,
# so ±0.15 ms a request at the defaults). On this machine latencies move ±30 % between runs of one build, CPU ±10 %.
measure() {
  local name=$1; shift
  local paths=("$@") config="$WORK/curl.cfg" i n=$((WARMUP + RUNS)) before after
  : >"$config"
  for ((i = 0; i < n; i++)); do
    printf 'url = "%s%s"\noutput = "/dev/null"\n' "$BASE" "${paths[$((i % ${#paths[@]}))]}" >>"$config"
  done
  before=$(cpu_ticks)
  curl -s -m "${MAX_TIME:-60}" -K "$config" -w '%{http_code} %{time_starttransfer}\n' >"$WORK/times.txt" || true # a request cut at MAX_TIME shows as status 000
  after=$(cpu_ticks)
  local bad; bad=$(awk '$1 >= 500 || $1 == 0' "$WORK/times.txt" | wc -l)
  tail -n "$RUNS" "$WORK/times.txt" | awk '{ printf "%.1f\n", $2 * 1000 }' | sort -n >"$WORK/sorted.txt"
  local p50 p95 codes
  p50=$(awk -v n="$RUNS" 'NR == int((n + 1) * 0.50) { print }' "$WORK/sorted.txt")
  p95=$(awk -v n="$RUNS" 'NR == int(n * 0.95 + 0.5) { print }' "$WORK/sorted.txt")
  codes=$(tail -n "$RUNS" "$WORK/times.txt" | awk '{ print $1 }' | sort | uniq -c | awk '{ printf "%s×%s ", $1, $2 }')
  echo "$name|$p50|$p95|$codes|$bad|$(awk -v a="$before" -v b="$after" -v hz="$CLOCK_TICKS" -v n="$n" 'BEGIN { printf "%.1f", (b - a) * 1000 / hz / n }')"
}

# URL samples, seeded by SQLite's own rowids so every run of a corpus asks for the same things.
sample() { sqlite3 -batch -noheader "$1" "$2"; }

urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

echo "# Search benchmark $(date -Is), $(nproc) cores, RUNS=$RUNS WARMUP=$WARMUP WARM_SECONDS=$WARM_SECONDS, portal $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Portal || echo '+changes')${PORTAL_APP:+ (published app: $PORTAL_APP)}" | tee "$RESULTS"
for size in $SIZES; do
  db=$(corpus "$size")
  count=$(sample "$db" "SELECT count(*) FROM Documents")
  # Every 997th public document, and the GA agenda items of every 499th: spread over the whole corpus.
  mapfile -t symbols < <(sample "$db" "SELECT s.Value FROM DocumentSymbols s JOIN Documents d ON d.Id = s.DocumentId WHERE s.Position = 0 AND d.Distribution = 1 AND d.Status = 2 AND d.Id % 997 = 1 LIMIT 20")
  mapfile -t ids < <(sample "$db" "SELECT Id FROM Documents WHERE Distribution = 1 AND Status = 2 AND Id % 997 = 3 LIMIT 20")
  mapfile -t items < <(sample "$db" "SELECT s.Number || ' ' || a.Number FROM AgendaItems a JOIN Sessions s ON s.Id = a.SessionId WHERE s.Organ = 1 AND a.Id IN (SELECT AgendaItemId FROM DocumentAgendaItems WHERE DocumentId % 499 = 7) LIMIT 20")
  symbol_paths=(); for s in "${symbols[@]}"; do symbol_paths+=("/search?q=$(urlencode "$s")"); done
  document_paths=(); for id in "${ids[@]}"; do document_paths+=("/documents/$id"); done
  item_paths=(); filtered_paths=()
  words=(desertification fisheries refugees landmines sanitation)
  for ((i = 0; i < ${#items[@]}; i++)); do
    read -r session number <<<"${items[$i]}"
    item_paths+=("/sessions/ga/$session/items/$number")
    filtered_paths+=("/search?q=${words[$((i % ${#words[@]}))]}&item=ga-$session-$number")
  done
  english=(); for w in "${words[@]}"; do english+=("/search?q=$w"); done
  zh2=(); for w in 地雷 难民 人权 反恐 移民; do zh2+=("/search?q=$(urlencode "$w")"); done
  zh4=(); for w in 气候变化 粮食安全 文化遗产 外层空间 持续渔业; do zh4+=("/search?q=$(urlencode "$w")"); done
  two_words=(); for w in "climate change" "food security" "human rights" "small arms" "outer space"; do two_words+=("/search?q=$(urlencode "$w")"); done
  phrases=(); for w in '"sustainable fisheries"' '"nuclear disarmament"' '"cultural heritage"' '"water and sanitation"' '"peacekeeping operations"'; do phrases+=("/search?q=$(urlencode "$w")"); done
  arabic=(); for w in التصحر اللاجئون الهجرة الإرهاب المناخ; do arabic+=("/search?q=$(urlencode "$w")"); done
  russian=(); for w in опустынивание беженцы миграция разоружение терроризмом; do russian+=("/search?q=$(urlencode "$w")"); done
  # The GA sessions of the sampled items, in English; and two-and-a-half-year windows spread over the corpus's years.
  session_paths=(); for ((i = 0; i < ${#items[@]}; i++)); do read -r session _ <<<"${items[$i]}"; session_paths+=("/search?q=${words[$((i % ${#words[@]}))]}&session=ga-$session&lang=en"); done
  date_paths=(); for year in 1952 1967 1983 1999 2014; do date_paths+=("/search?q=fisheries&from=$year-01-01&to=$((year + 2))-06-30"); done
  # Words in nearly every document: 100k+ matches at 1M.
  common=(); for w in international Government synthetic cooperation States; do common+=("/search?q=$w"); done

  for provider in $PROVIDERS; do
  exec 9>"$LOCK"; flock 9 # no other heavy run while this one measures
  target=$db size_note="$(du -h "$db" | cut -f1) SQLite database"
  if [ "$provider" = PostgreSQL ]; then
    [ -n "$POSTGRES" ] || { echo "PROVIDERS has PostgreSQL: set POSTGRES (libpq key=value, e.g. host=127.0.0.1 port=5432 user=postgres)"; exit 1; }
    pg_db="portal_bench_$size"
    target="$POSTGRES dbname=$pg_db"
    # PG_KEEP=1 measures a database an earlier run loaded, when it holds the corpus's documents.
    if [ "${PG_KEEP:-0}" = 1 ] && [ "$(psql -X -At "$target" -c 'SELECT count(*) FROM "Documents"' 2>/dev/null)" = "$count" ]; then
      echo "Reusing $pg_db ($count documents)" | tee -a "$RESULTS"
    else
      psql -X -q "$POSTGRES dbname=postgres" -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)"
      psql -X -q "$POSTGRES dbname=postgres" -c "CREATE DATABASE $pg_db"
      start_portal "$target" PostgreSQL # migrates the empty database
      stop_portal
      bash benchmarks/load-postgres.sh "$db" "$target" | tee -a "$RESULTS"
    fi
    size_note="PostgreSQL $(psql -X -At "$target" -c 'SHOW server_version' | cut -d' ' -f1), $(psql -X -At "$target" -c 'SELECT pg_size_pretty(pg_database_size(current_database()))')"
  fi
  start_portal "$target" "$provider"
  echo "" | tee -a "$RESULTS"
  echo "## $count documents ($size_note)" | tee -a "$RESULTS"
  echo "| target | p50 ms | p95 ms | p95 ÷ trivial p95 | statuses | 5xx or cut | portal CPU ms a request |" | tee -a "$RESULTS"
  echo "| --- | ---: | ---: | ---: | --- | ---: | ---: |" | tee -a "$RESULTS"
  # Untimed passes over every target first, for WARM_SECONDS: JIT, connection pools and SQLite's page cache are
  # warm for the floor as much as for the pages measured after it. One pass (~100 requests) left searches 1.5-2x
  # slower than a server that has run a minute: .NET's tiered compilation rejits hot methods with their profile
  # only after they have run a while, and compiling in the background competed with the floor measured first.
  # A minute was not enough for the document page: the JIT was still recompiling its code while it was measured (its
  # CPU twice its latency; 1,000–2,000 requests of it keep the tiered JIT's thread busy). And each pass was once a
  # `measure` of WARMUP + RUNS requests, which stopped at the 65th of ~150 targets, so most search classes were
  # warmed by their own WARMUP requests alone, and the home page not at all (its first request counts the documents of
  # every session, ~0.7 s at 1M: about half of the CPU measured for it); a pass is now one request to every target.
  all_paths=(/not-found / "${symbol_paths[@]}" "${item_paths[@]}" "${document_paths[@]}" "${english[@]}" "${zh2[@]}" "${zh4[@]}" "${filtered_paths[@]}"
    "${two_words[@]}" "${phrases[@]}" "${arabic[@]}" "${russian[@]}" "${session_paths[@]}" "${date_paths[@]}" "${common[@]}")
  warm_until=$((SECONDS + WARM_SECONDS))
  warm_pass "${all_paths[@]}"
  while [ "$SECONDS" -lt "$warm_until" ]; do warm_pass "${all_paths[@]}"; done
  {
    measure "trivial page (/not-found, full layout, no page data)" /not-found
    measure "symbol resolve (/search?q=A/…, 302)" "${symbol_paths[@]}"
    measure "agenda-item list page" "${item_paths[@]}"
    measure "home page (session counts, latest documents)" /
    measure "document page" "${document_paths[@]}"
    measure "search, English word" "${english[@]}"
    measure "search, Chinese 2 characters" "${zh2[@]}"
    measure "search, Chinese 4 characters" "${zh4[@]}"
    measure "search, English word filtered by agenda item" "${filtered_paths[@]}"
    measure "search, two English words" "${two_words[@]}"
    measure "search, quoted phrase" "${phrases[@]}"
    measure "search, Arabic word" "${arabic[@]}"
    measure "search, Russian word" "${russian[@]}"
    measure "search, word + session + language" "${session_paths[@]}"
    measure "search, word + date range" "${date_paths[@]}"
    measure "search, common word (most documents match)" "${common[@]}"
    measure "trivial page again (drift check)" /not-found
  } | awk -F'|' 'NR == 1 { floor = $3 } { printf "| %s | %s | %s | %.2f | %s | %s | %s |\n", $1, $2, $3, $3 / floor, $4, $5, $6 }' | tee -a "$RESULTS"
  stop_portal
  flock -u 9; exec 9>&-
  done
done
[ -f "$CORPORA/generation-times.txt" ] && { echo ""; echo "Generation times:"; cat "$CORPORA/generation-times.txt"; } | tee -a "$RESULTS"
echo "Results written to $RESULTS"
