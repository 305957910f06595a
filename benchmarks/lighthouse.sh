#!/usr/bin/env bash
# Lighthouse performance for BENCHMARKS.md ("## Lighthouse"), on 127.0.0.1 only. Not part of scripts/test.sh.
#   bash benchmarks/lighthouse.sh                         # publishes the working tree, then measures
#   PORTAL_APP=/tmp/pub-old bash benchmarks/lighthouse.sh # measures an already published portal
#   COMPARE_APP="/tmp/pub-a /tmp/pub-b" bash benchmarks/lighthouse.sh
#                                                         # other published builds too, runs interleaved
#   DB=/work/corpora/search/corpus-10000.db bash benchmarks/lighthouse.sh
#                                                         # a synthetic corpus (benchmarks/search.sh makes it),
#                                                         # in Production, read from that file
#   FACTORS=mobile RUNS=2 KEEP=/tmp/reports ...           # one form factor; keep the JSON reports
#   SLOW3G=1 FACTORS=mobile ...                           # Chromium's own throttling (devtools) at the DevTools
#                                                         # "Slow 3G" profile: 2,000 ms latency, 400 kbit/s
#                                                         # each way, no CPU slowdown; observed, not simulated
#   CATEGORIES="accessibility best-practices seo performance" ...
#                                                         # other categories too: their median scores, and
#                                                         # the audits that kept a category below 100
# Without DB the published portal runs in Development only so that it loads the demo data into a throwaway
# data folder (Production refuses demo data); static assets are served from the publish output exactly as
# in Production (same endpoints manifest, precompressed files, fingerprinted URLs). Each page is measured
# RUNS times per form factor (mobile: Lighthouse's default simulated slow 4G and 4x CPU slowdown;
# desktop: --preset=desktop) and the median score, first contentful paint and total blocking time are
# printed. With several builds, run i of every build follows run i-1 of all of them, so a load spike from
# other work on the machine hits the builds alike.
# Lighthouse 12.2.3 (13.x needs Node 22) is installed once into $LH_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
PORT=${PORT:-5197}
LH_DIR=${LH_DIR:-"${XDG_CACHE_HOME:-$HOME/.cache}/portal-lighthouse"}
CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
DB=${DB:-}
FACTORS=${FACTORS:-"mobile desktop"}
KEEP=${KEEP:-}
CATEGORIES=${CATEGORIES:-performance}
SLOW3G=${SLOW3G:-}
throttling=()
[ -n "$SLOW3G" ] && throttling=(--throttling-method=devtools --throttling.requestLatencyMs=2000
  --throttling.downloadThroughputKbps=400 --throttling.uploadThroughputKbps=400 --throttling.cpuSlowdownMultiplier=1)
if [ -n "$DB" ]; then
  # The corpus's busiest General Assembly agenda item and its first public document.
  item=$(sqlite3 -batch -noheader "$DB" "SELECT s.Number || '/items/' || a.Number FROM AgendaItems a JOIN Sessions s ON s.Id = a.SessionId JOIN DocumentAgendaItems d ON d.AgendaItemId = a.Id WHERE s.Organ = 1 GROUP BY a.Id ORDER BY count(*) DESC, a.Id LIMIT 1")
  document=$(sqlite3 -batch -noheader "$DB" "SELECT min(Id) FROM Documents WHERE Distribution = 1 AND Status = 2")
  PAGES=${PAGES:-"/ /sessions/ga/$item /documents/$document /search?q=refugees"}
fi
PAGES=${PAGES:-"/ /sessions/ga/75/items/71 /documents/1 /search?q=Demoland"}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-lighthouse.XXXXXX")
APP=${PORTAL_APP:-"$WORK/app"}
read -r -a APPS <<<"$APP ${COMPARE_APP:-}"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -x "$LH_DIR/node_modules/.bin/lighthouse" ] || npm install --prefix "$LH_DIR" -E lighthouse@12.2.3 --no-audit --no-fund >/dev/null
[ -n "${PORTAL_APP:-}" ] || dotnet publish Portal/Portal.csproj -c Release -o "$APP" -v quiet -nologo >/dev/null

for i in "${!APPS[@]}"; do
  base="http://127.0.0.1:$((PORT + i))"
  mkdir -p "$WORK/data-$i"
  if [ -n "$DB" ]; then
    (cd "${APPS[$i]}" && ASPNETCORE_ENVIRONMENT=Production Portal__ApplyMigrationsAtStartup=true ConnectionStrings__Portal="Data Source=$DB" \
      Portal__SeedDemoData=false Portal__Dumps__Nightly=false Logging__LogLevel__Default=Warning \
      exec dotnet Portal.dll --urls "$base") >"$WORK/portal-$i.log" 2>&1 &
  else
    (cd "${APPS[$i]}" && ASPNETCORE_ENVIRONMENT=Development Portal__DataPath="$WORK/data-$i" \
      ConnectionStrings__Portal="Data Source=$WORK/data-$i/portal.db" Logging__LogLevel__Default=Warning \
      exec dotnet Portal.dll --urls "$base") >"$WORK/portal-$i.log" 2>&1 &
  fi
  pids+=($!)
done
for i in "${!APPS[@]}"; do
  base="http://127.0.0.1:$((PORT + i))"
  for _ in $(seq 120); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 1; done
  # Warm every measured page first: a page's first request after start-up JIT-compiles its code path
  # (0.3-0.7 s of server time, which Lighthouse's simulation adds to FCP and LCP); a serving portal is warm.
  for path in $PAGES; do curl -fs "$base$path" >/dev/null; curl -fs "$base$path" >/dev/null; done
done

echo "Lighthouse $(date -Is), load average $(cut -d' ' -f1-3 /proc/loadavg), ${DB:-demo data}${SLOW3G:+, Slow 3G (devtools throttling)}"
echo "| build | page | form factor | $(echo "$CATEGORIES" | sed 's/ / | /g') (median of $RUNS) | first contentful paint | largest contentful paint | total blocking time | bytes transferred | below 100 |"
echo "| --- | --- | --- |$(for _ in $CATEGORIES; do printf ' ---: |'; done) ---: | ---: | ---: | ---: | --- |"
for path in $PAGES; do
  for factor in $FACTORS; do
    preset=(); [ "$factor" = desktop ] && preset=(--preset=desktop)
    for run in $(seq "$RUNS"); do
      for i in "${!APPS[@]}"; do
        CHROME_PATH="$CHROME_PATH" "$LH_DIR/node_modules/.bin/lighthouse" "http://127.0.0.1:$((PORT + i))$path" "${preset[@]}" "${throttling[@]}" \
          --only-categories="$(echo "$CATEGORIES" | tr ' ' ',')" --chrome-flags="--headless --no-sandbox --disable-gpu" \
          --output=json --output-path="$WORK/lh-$i-$run.json" --quiet
      done
    done
    for i in "${!APPS[@]}"; do
      python3 - "${APPS[$i]}" "$path" "$factor" "$CATEGORIES" "$WORK"/lh-"$i"-*.json <<'PY'
import json, statistics, sys
app, path, factor, categories, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split(), sys.argv[5:]
reports = [json.load(open(f)) for f in files]
def scores(c):
    runs = [r["categories"][c]["score"] * 100 for r in reports]
    return f"{statistics.median(runs):.0f} ({' '.join(f'{s:.0f}' for s in runs)})"
def audit(name, unit):
    values = [r["audits"][name].get("numericValue") for r in reports]
    values = [v for v in values if v is not None]
    return f"{statistics.median(values) / unit:.1f}" if values else "n/a"
# The audits of a non-performance category that did not pass, in any run.
failing = sorted({f"{c}: {ref['id']}" for r in reports for c in categories if c != "performance"
                  for ref in r["categories"][c]["auditRefs"] if ref["weight"] > 0 and (r["audits"][ref["id"]].get("score") not in (None, 1))})
print(f"| {app} | `{path}` | {factor} | {' | '.join(scores(c) for c in categories)} | {audit('first-contentful-paint', 1000)} s | {audit('largest-contentful-paint', 1000)} s | {audit('total-blocking-time', 1)} ms | {audit('total-byte-weight', 1024)} KiB | {', '.join(failing) or 'none'} |")
PY
      if [ -n "$KEEP" ]; then
        mkdir -p "$KEEP"
        for f in "$WORK"/lh-"$i"-*.json; do mv "$f" "$KEEP/$i$(echo "$path" | tr -c 'A-Za-z0-9' _)-$factor-$(basename "$f")"; done
      fi
    done
    rm -f "$WORK"/lh-*.json
  done
done
