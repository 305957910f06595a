#!/usr/bin/env bash
# Ingestion benchmark for BENCHMARKS.md: field accuracy on the fixtures (text, Word, Chromium-printed PDF)
# and documents per second on two workers. Not part of scripts/test.sh.
#   bash benchmarks/ingestion.sh        # about a minute after the build; needs Chromium (PORTAL_CHROMIUM)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(mktemp "${TMPDIR:-/tmp}/ingestion-benchmark.XXXXXX")
dotnet build Portal.Tests -c Release >/dev/null
PORTAL_BENCHMARK_OUT="$OUT" PORTAL_CHROMIUM="${PORTAL_CHROMIUM:-/usr/bin/chromium}" \
  dotnet test --project Portal.Tests -c Release --no-build -- \
  --filter-class "Portal.Tests.Features.Ingestion.IngestionBenchmark" --explicit only >/dev/null
cat "$OUT"
rm -f "$OUT"
