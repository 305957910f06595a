# Sourced by the benchmark scripts that run a published portal: `source benchmarks/published-portal.sh NAME`.
# Makes WORK, a temporary folder named after NAME, removed on exit together with the portal whose process id the
# script keeps in portal_pid; and APP, the portal published into WORK, or the build PORTAL_APP names (an older
# commit, for before/after). A published copy, so rebuilding the working tree cannot change a running benchmark.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-$1.XXXXXX")
APP=${PORTAL_APP:-"$WORK/app"}
portal_pid=""
# No nightly bulk dump beside the figures: on a corpus without one, every start writes it first (a million documents
# take longer than a whole run, which then measures pages beside a gzip writer on one of the two cores).
# Portal__Dumps__Nightly=true in the environment measures with it.
export Portal__Dumps__Nightly=${Portal__Dumps__Nightly:-false}
cleanup() {
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
[ -n "${PORTAL_APP:-}" ] || dotnet publish Portal/Portal.csproj -c Release -o "$APP" -v quiet -nologo >/dev/null
# start_portal_on DB BASE: the published portal in Production on the SQLite corpus DB at BASE (its migrations applied,
# no demo data, its data folder $WORK/data), in the background as portal_pid; returns once it answers, and gives up,
# printing its log, when it exits or has not answered within 2 minutes.
start_portal_on() {
  (cd "$APP" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$2" Database__Provider=Sqlite \
    ConnectionStrings__Portal="Data Source=$1" Portal__SeedDemoData=false Portal__DataPath="$WORK/data" \
    Portal__ApplyMigrationsAtStartup=true Logging__LogLevel__Default=Warning exec dotnet Portal.dll >"$WORK/portal.log" 2>&1) &
  portal_pid=$!
  for ((try = 0; ; try++)); do
    curl -s -o /dev/null "$2/not-found" && return 0
    if ((try == 1200)) || ! kill -0 "$portal_pid" 2>/dev/null; then echo "portal did not start"; cat "$WORK/portal.log"; exit 1; fi
    sleep 0.1
  done
}
# hold_lock_and_warm LOCK DB: waits for and holds the benchmark lock LOCK (no other heavy run while this one measures),
# then reads the corpus DB once, so that the page cache holds it as on a server that has run a while.
hold_lock_and_warm() {
  command -v flock >/dev/null || { echo "needs flock (util-linux)"; exit 1; }
  exec 9>"$1"; flock 9
  cat "$2" >/dev/null
}
