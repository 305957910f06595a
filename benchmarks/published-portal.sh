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
