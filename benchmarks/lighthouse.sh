#!/usr/bin/env bash
# Lighthouse performance for BENCHMARKS.md ("## Lighthouse"), on 127.0.0.1 only. Not part of scripts/test.sh.
#   bash benchmarks/lighthouse.sh                         # publishes the working tree, then measures
#   PORTAL_APP=/tmp/pub-old bash benchmarks/lighthouse.sh # measures an already published portal
# The published portal runs in Development only so that it loads the demo data into a throwaway data
# folder (Production refuses demo data); static assets are served from the publish output exactly as in
# Production (same endpoints manifest, precompressed files, fingerprinted URLs). Each page is measured
# RUNS times per form factor (mobile: Lighthouse's default simulated slow 4G and 4x CPU slowdown;
# desktop: --preset=desktop) and the median score and first contentful paint are printed.
# Lighthouse 12.2.3 (13.x needs Node 22) is installed once into $LH_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
PORT=${PORT:-5197}
LH_DIR=${LH_DIR:-"${XDG_CACHE_HOME:-$HOME/.cache}/portal-lighthouse"}
CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
PAGES=${PAGES:-"/ /sessions/ga/75/items/71 /documents/1 /search?q=Demoland"}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-lighthouse.XXXXXX")
APP=${PORTAL_APP:-"$WORK/app"}
portal_pid=""
cleanup() {
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -x "$LH_DIR/node_modules/.bin/lighthouse" ] || npm install --prefix "$LH_DIR" -E lighthouse@12.2.3 --no-audit --no-fund >/dev/null
[ -n "${PORTAL_APP:-}" ] || dotnet publish Portal/Portal.csproj -c Release -o "$APP" -v quiet -nologo >/dev/null

mkdir -p "$WORK/data"
(cd "$APP" && ASPNETCORE_ENVIRONMENT=Development Portal__DataPath="$WORK/data" \
  ConnectionStrings__Portal="Data Source=$WORK/data/portal.db" Logging__LogLevel__Default=Warning \
  exec dotnet Portal.dll --urls "$BASE") >"$WORK/portal.log" 2>&1 &
portal_pid=$!
for _ in $(seq 120); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && break; sleep 1; done
# Warm every measured page first: a page's first request after start-up JIT-compiles its code path
# (0.3-0.7 s of server time, which Lighthouse's simulation adds to FCP and LCP); a serving portal is warm.
for path in $PAGES; do curl -fs "$BASE$path" >/dev/null; curl -fs "$BASE$path" >/dev/null; done

echo "| page | form factor | performance (median of $RUNS) | first contentful paint |"
echo "| --- | --- | ---: | ---: |"
for path in $PAGES; do
  for factor in mobile desktop; do
    preset=(); [ "$factor" = desktop ] && preset=(--preset=desktop)
    for run in $(seq "$RUNS"); do
      CHROME_PATH="$CHROME_PATH" "$LH_DIR/node_modules/.bin/lighthouse" "$BASE$path" "${preset[@]}" \
        --only-categories=performance --chrome-flags="--headless --no-sandbox --disable-gpu" \
        --output=json --output-path="$WORK/lh-$run.json" --quiet
    done
    python3 - "$path" "$factor" "$WORK"/lh-*.json <<'PY'
import json, statistics, sys
path, factor, files = sys.argv[1], sys.argv[2], sys.argv[3:]
reports = [json.load(open(f)) for f in files]
score = statistics.median(r["categories"]["performance"]["score"] * 100 for r in reports)
fcp = statistics.median(r["audits"]["first-contentful-paint"]["numericValue"] for r in reports) / 1000
print(f"| `{path}` | {factor} | {score:.0f} | {fcp:.1f} s |")
PY
    rm -f "$WORK"/lh-*.json
  done
done
