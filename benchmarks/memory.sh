# Sourced by benchmarks/circuits.sh and benchmarks/many-circuits.sh: the portal's memory at one moment.
# Needs WORK (a scratch folder), TOOLS (where dotnet-gcdump is) and portal_pid; REPORTS=dir keeps each heap report.
memory() { # label -> "label|RSS KB|live managed heap bytes"
  rm -f "$WORK/heap.gcdump"
  # dotnet-gcdump forces a full, blocking GC, so the heap figure is what is live.
  "$TOOLS/dotnet-gcdump" collect -p "$portal_pid" -o "$WORK/heap.gcdump" >/dev/null 2>&1
  "$TOOLS/dotnet-gcdump" report "$WORK/heap.gcdump" >"$WORK/heap.txt"
  cp "$WORK/heap.txt" "$WORK/heap-${1%% *}.txt" # by the label's first word: heap-before.txt, heap-1000.txt, …
  # With REPORTS=dir, each state's heap report (bytes and counts per type) is kept for comparison.
  [ -n "${REPORTS:-}" ] && mkdir -p "$REPORTS" && cp "$WORK/heap.txt" "$REPORTS/heap-${1//[^A-Za-z0-9]/-}.txt"
  local heap rss
  heap=$(awk '/GC Heap bytes/ { gsub(/,/, "", $1); print $1; exit }' "$WORK/heap.txt")
  rss=$(awk '/VmRSS/ { print $2 }' "/proc/$portal_pid/status")
  echo "$1|$rss|$heap"
}
