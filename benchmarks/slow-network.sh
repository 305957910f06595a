#!/usr/bin/env bash
# Poor connections for BENCHMARKS.md ("## Slow 3G"): the home, agenda item, document and search pages loaded by
# Lighthouse through Chromium's own network throttling at the DevTools "Slow 3G" profile (2,000 ms round trip,
# 400 kbit/s each way, no CPU slowdown): first and largest contentful paint as observed, and the bytes
# transferred. Same options as lighthouse.sh (PORTAL_APP, DB, RUNS, KEEP); on 127.0.0.1 only.
set -euo pipefail
SLOW3G=1 FACTORS=${FACTORS:-mobile} CATEGORIES=${CATEGORIES:-performance} exec bash "$(dirname "$0")/lighthouse.sh"
