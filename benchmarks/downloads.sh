#!/usr/bin/env bash
# Download benchmarks for BENCHMARKS.md, on 127.0.0.1 only. Not part of scripts/test.sh.
#   bash benchmarks/downloads.sh            # about 3-6 minutes, needs ~3 GB free under $TMPDIR
# Builds a corpus next to the demo data in a throwaway data folder:
#   - one 512 MB PDF, served by the portal and by a bare Kestrel static-file server (same bytes);
#   - 500 PDFs of 256 KB under GA 99 item 1 (the "download all" case);
#   - 20 PDFs of 100 MB under GA 99 item 2 (a 2 GB archive, to watch the server's memory).
# Files are random bytes behind a %PDF header, so nothing compresses and the ZIP stores them.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
SMALL_FILES=${SMALL_FILES:-500}
SMALL_KB=${SMALL_KB:-256}
BIG_FILES=${BIG_FILES:-20}
BIG_MB=${BIG_MB:-100}
SINGLE_MB=${SINGLE_MB:-512}
PORT=${PORT:-5181}
STATIC_PORT=${STATIC_PORT:-5182}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-bench.XXXXXX")
DATA="$WORK/data"
STORE="$DATA/files"
PORTAL="http://127.0.0.1:$PORT"
STATIC="http://127.0.0.1:$STATIC_PORT"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v sqlite3 >/dev/null || { echo "needs sqlite3 (apt-get install sqlite3)"; exit 1; }
dotnet build Portal/Portal.csproj -c Release -v quiet -nologo >/dev/null
echo "$(date -u '+%F %H:%M') UTC; $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); .NET SDK $(dotnet --version); curl $(curl --version | head -1 | cut -d' ' -f2)"

start_portal() {
  (cd Portal && ASPNETCORE_ENVIRONMENT=Production Portal__ApplyMigrationsAtStartup=true ASPNETCORE_URLS="$PORTAL" Portal__DataPath="$DATA" Portal__Dumps__Nightly=false \
    Logging__LogLevel__Default=Warning exec dotnet bin/Release/net10.0/Portal.dll >"$WORK/portal.log" 2>&1) &
  portal_pid=$!
  pids+=("$portal_pid")
  for _ in $(seq 1 60); do curl -sf -o /dev/null "$PORTAL/" && return 0; sleep 0.5; done
  echo "portal did not start"; cat "$WORK/portal.log"; exit 1
}

# First start migrates the database and loads the demo data.
start_portal
kill "$portal_pid"; wait "$portal_pid" 2>/dev/null || true

# Puts a file into the content-addressed store and prints its hash.
store_blob() {
  local sha; sha=$(sha256sum "$1" | cut -c1-64)
  mkdir -p "$STORE/${sha:0:2}/${sha:2:2}"
  mv "$1" "$STORE/${sha:0:2}/${sha:2:2}/$sha"
  echo "$sha"
}
make_pdf() { { printf '%%PDF-1.4\n'; head -c "$(( $2 - 9 ))" /dev/urandom; } >"$1"; }

sql="$WORK/corpus.sql"
now="2026-11-25 00:00:00+00:00"
{
  echo "BEGIN;"
  # The search triggers call functions the portal registers on its own connections and an FTS5
  # tokenizer option newer than Debian's sqlite3; the benchmark documents need no search entries.
  echo "DROP TRIGGER SearchIndex_LanguageVersions_Insert;"
  echo "INSERT INTO Sessions (Organ, Number) VALUES (1, 99);"
  echo "INSERT INTO AgendaItems (SessionId, Number) SELECT Id, 1 FROM Sessions WHERE Organ = 1 AND Number = 99;"
  echo "INSERT INTO AgendaItems (SessionId, Number) SELECT Id, 2 FROM Sessions WHERE Organ = 1 AND Number = 99;"
} >"$sql"
add_document() { # id symbol item sha length
  cat >>"$sql" <<SQL
INSERT INTO Documents (Id, Kind, Distribution, Status, ListedOn, CreatedAt) VALUES ($1, 1, 1, 2, '2026-11-25', '$now');
INSERT INTO DocumentSymbols (DocumentId, Value, Key, Position) VALUES ($1, '$2', '$2', 0);
INSERT INTO DocumentSessions (DocumentId, SessionId) SELECT $1, Id FROM Sessions WHERE Organ = 1 AND Number = 99;
INSERT INTO DocumentAgendaItems (DocumentId, AgendaItemId, Position) SELECT $1, a.Id, 0 FROM AgendaItems a JOIN Sessions s ON s.Id = a.SessionId WHERE s.Organ = 1 AND s.Number = 99 AND a.Number = $3;
INSERT INTO LanguageVersions (Id, DocumentId, Language, Title, BodyMarkdown, UpdatedAt) VALUES ($1, $1, 'en', 'Benchmark document $2', '', '$now');
INSERT INTO StoredFiles (LanguageVersionId, Format, Sha256, Length, MediaType, FileName, StoredAt) VALUES ($1, 1, '$4', $5, 'application/pdf', 'x.pdf', '$now');
SQL
}

echo "Building the corpus in $WORK ..."
make_pdf "$WORK/single" $(( SINGLE_MB * 1024 * 1024 ))
single_sha=$(store_blob "$WORK/single")
add_document 900000 "A/99/9999" 0 "$single_sha" $(( SINGLE_MB * 1024 * 1024 ))
small_paths=()
for i in $(seq 1 "$SMALL_FILES"); do
  make_pdf "$WORK/s" $(( SMALL_KB * 1024 ))
  sha=$(store_blob "$WORK/s")
  small_paths+=("$STORE/${sha:0:2}/${sha:2:2}/$sha")
  add_document $(( 900000 + i )) "A/99/$i" 1 "$sha" $(( SMALL_KB * 1024 ))
done
for i in $(seq 1 "$BIG_FILES"); do
  make_pdf "$WORK/b" $(( BIG_MB * 1024 * 1024 ))
  sha=$(store_blob "$WORK/b")
  add_document $(( 910000 + i )) "A/99/B.$i" 2 "$sha" $(( BIG_MB * 1024 * 1024 ))
done
echo "COMMIT;" >>"$sql"
sqlite3 "$DATA/portal.db" <"$sql"

start_portal
dotnet run -c Release benchmarks/StaticFiles.cs -- "$STORE" "$STATIC" >"$WORK/static.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do curl -sf -o /dev/null "$STATIC/${single_sha:0:2}/${single_sha:2:2}/$single_sha" -r 0-0 && break; sleep 1; done

# Prints seconds for one GET, body discarded.
get_seconds() { curl -sf --max-time 600 -o /dev/null -w '%{time_total}\n' "$@"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN {printf "%.0f", b / s / 1048576}'; }

echo
echo "== Single file: $SINGLE_MB MB, $RUNS runs each, alternating, median =="
single_bytes=$(( SINGLE_MB * 1024 * 1024 ))
get_seconds "$PORTAL/A/99/9999/en.pdf" >/dev/null
get_seconds "$STATIC/${single_sha:0:2}/${single_sha:2:2}/$single_sha" >/dev/null
: >"$WORK/portal.t"; : >"$WORK/static.t"
for _ in $(seq 1 "$RUNS"); do
  get_seconds "$PORTAL/A/99/9999/en.pdf" >>"$WORK/portal.t"
  get_seconds "$STATIC/${single_sha:0:2}/${single_sha:2:2}/$single_sha" >>"$WORK/static.t"
done
p=$(median <"$WORK/portal.t"); s=$(median <"$WORK/static.t")
echo "portal endpoint: $(mbps $single_bytes "$p") MB/s (${p}s)"
echo "static files:    $(mbps $single_bytes "$s") MB/s (${s}s)"
awk -v p="$p" -v s="$s" 'BEGIN {printf "ratio portal/static: %.2fx\n", s / p}'

echo
echo "== ZIP of an agenda item: $SMALL_FILES files x $SMALL_KB KB, $RUNS runs, median =="
small_bytes=$(( SMALL_FILES * SMALL_KB * 1024 ))
zip_url="$PORTAL/sessions/ga/99/items/1/download.zip"
printf '%s\n' "${small_paths[@]}" >"$WORK/small.list"
# The same bytes as one file, for bare Kestrel to serve: the HTTP ceiling for sending them raw.
cat "${small_paths[@]}" >"$STORE/all-small-files"
get_seconds "$zip_url" >/dev/null
get_seconds "$STATIC/all-small-files" >/dev/null
: >"$WORK/zip.t"; : >"$WORK/concat.t"; : >"$WORK/each.t"
urls="$WORK/urls.cfg"; : >"$urls"
for i in $(seq 1 "$SMALL_FILES"); do printf 'url = "%s/A/99/%s/en.pdf"\noutput = "/dev/null"\n' "$PORTAL" "$i" >>"$urls"; done
for _ in $(seq 1 "$RUNS"); do
  get_seconds "$zip_url" >>"$WORK/zip.t"
  get_seconds "$STATIC/all-small-files" >>"$WORK/concat.t"
  start=$(date +%s.%N); curl -sf -K "$urls"; end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN {print b - a}' >>"$WORK/each.t"
done
# Reading the stored files raw: open, read to the end into one reused 128 KB buffer (page cache warm).
# (Not `cat`: it maps and unmaps a buffer per file, which on these VMs costs more than the reading.)
read -r r _ < <(dotnet run -c Release benchmarks/RawRead.cs -- "$RUNS" "$WORK/small.list")
z=$(median <"$WORK/zip.t"); c=$(median <"$WORK/concat.t"); e=$(median <"$WORK/each.t")
echo "zip over HTTP:                          $(mbps $small_bytes "$z") MB/s (${z}s)"
echo "raw read of the stored files:           $(mbps $small_bytes "$r") MB/s (${r}s, in-process, page cache warm)"
echo "same bytes as one static file via HTTP: $(mbps $small_bytes "$c") MB/s (${c}s, bare Kestrel)"
echo "$SMALL_FILES single downloads via HTTP:       $(mbps $small_bytes "$e") MB/s (${e}s, curl, one connection)"
awk -v z="$z" -v r="$r" -v c="$c" -v e="$e" 'BEGIN {printf "ratio zip/raw read: %.2fx; zip/static same bytes: %.2fx; zip/single downloads: %.2fx\n", r / z, c / z, e / z}'

echo
echo "== Memory while streaming a $(( BIG_FILES * BIG_MB )) MB archive =="
status() { awk -v k="$1:" '$1 == k {print int($2 / 1024)}' "/proc/$portal_pid/status"; }
# Streams the archive (curl options in "$@"), sampling the portal's resident memory every 0.1 s.
stream_big() {
  curl -sf --max-time 900 -o /dev/null -w '%{size_download} %{time_total}\n' "$@" "$PORTAL/sessions/ga/99/items/2/download.zip" >"$WORK/big.out" &
  local curl_pid=$!
  : >"$WORK/rss"
  while kill -0 "$curl_pid" 2>/dev/null; do status VmRSS >>"$WORK/rss"; sleep 0.1; done
  read -r size secs <"$WORK/big.out"
  echo "archive: $(( size / 1048576 )) MB in ${secs}s ($(mbps "$size" "$secs") MB/s)"
  echo "portal RSS during ($(wc -l <"$WORK/rss") samples): min $(sort -n "$WORK/rss" | head -1) MB, max $(sort -n "$WORK/rss" | tail -1) MB, first $(head -1 "$WORK/rss") MB, last $(tail -1 "$WORK/rss") MB"
}
echo "portal RSS before: $(status VmRSS) MB (peak so far $(status VmHWM) MB)"
echo "-- full speed:"
stream_big
echo "-- at 100 MB/s (a longer trace):"
stream_big --limit-rate 100M
echo "RSS every 2 s (MB): $(awk 'NR % 20 == 1' "$WORK/rss" | tr '\n' ' ')"
echo "portal RSS after: $(status VmRSS) MB (peak over the whole run $(status VmHWM) MB)"
