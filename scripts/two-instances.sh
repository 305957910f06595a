#!/usr/bin/env bash
# docker-compose.yml's topology on one machine without Docker: two portal processes (`dotnet Portal.dll`)
# on one PostgreSQL database and one S3-compatible store, behind Debian's nginx running deploy/nginx.conf,
# everything on 127.0.0.1 and as the current user.
#
#   scripts/two-instances.sh [path/to/Portal.dll]      (default: the Release build's output)
#
# The portals take their settings from the environment, as in docker-compose.yml, e.g.
#   Database__Provider=PostgreSQL ConnectionStrings__Portal="Host=127.0.0.1;Database=portal;Username=portal;Password=…"
#   Portal__FileStore__Kind=S3 Portal__FileStore__S3__ServiceUrl=http://127.0.0.1:9000 Portal__FileStore__S3__Bucket=…
# Migrate the database first (`dotnet Portal.dll migrate`): in Production the portals do not.
# PORTAL_PROXY_PORT: nginx's port (default 8080); the portals take free ports of their own.
# PORTAL_INSTANCES_DIR: the folder for nginx's and the portals' files and logs (default: a new temporary one,
# removed on exit). ASPNETCORE_ENVIRONMENT defaults to Production.
# Prints `Portal at http://127.0.0.1:PORT via nginx; instances http://127.0.0.1:A http://127.0.0.1:B` once all
# three answer /health/ready, then runs until interrupted (Ctrl-C or TERM stops all three) or one of them stops.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dll="$(realpath "${1:-$root/Portal/bin/Release/net10.0/Portal.dll}")"
proxy_port="${PORTAL_PROXY_PORT:-8080}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
command -v nginx >/dev/null || { echo "nginx is not installed (apt-get install nginx)." >&2; exit 1; }
[ -f "$dll" ] || { echo "No $dll: build first (dotnet build Portal.sln -c Release)." >&2; exit 1; }

if [ -n "${PORTAL_INSTANCES_DIR:-}" ]; then
  work="$PORTAL_INSTANCES_DIR"; mkdir -p "$work"
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/portal-instances.XXXXXX")"
fi
pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${PORTAL_INSTANCES_DIR:-}" ] || rm -rf "$work"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# Waits until $1 answers 200 (with the Host nginx would pass on), for as long as process $2 runs.
wait_ready() {
  until curl -fsS -o /dev/null --max-time 10 "$1/health/ready"; do
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.5
  done
}

# Each portal listens on a port the system picks, and says which in its log.
urls=()
for n in 1 2; do
  log="$work/portal-$n.log"
  : >"$log"
  (cd "$(dirname "$dll")" && Portal__DataPath="$work/portal-$n" ASPNETCORE_URLS="http://127.0.0.1:0" exec dotnet "$dll") >"$log" 2>&1 &
  pids+=($!)
  until url="$(grep -oE 'Now listening on: http://127\.0\.0\.1:[0-9]+' "$log" | grep -oE 'http://.*')"; do
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "Portal $n stopped while starting:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.2
  done
  urls+=("$url")
done

# deploy/nginx.conf as docker-compose.yml runs it, pointed at the two processes, inside a main file that
# keeps every path nginx writes under $work.
sed -e "s|server portal-1:8080|server ${urls[0]#http://}|" -e "s|server portal-2:8080|server ${urls[1]#http://}|" \
    -e "s|listen 8080;|listen 127.0.0.1:$proxy_port;|" "$root/deploy/nginx.conf" >"$work/portal.conf"
mkdir -p "$work/nginx"
{
  # As root, nginx's workers would otherwise run as nobody and could not write under $work.
  [ "$(id -u)" -ne 0 ] || echo "user root root;"
  cat <<NGINX
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
    # Which replica served which visitor (the sticky key), for operators and tests.
    log_format replicas '\$portal_instance \$upstream_addr \$status "\$request"';
    access_log $work/nginx/access.log replicas;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    include $work/portal.conf;
}
NGINX
} >"$work/nginx.conf"
nginx -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx.conf" -g "daemon off;" &
pids+=($!)

for i in 0 1; do
  wait_ready "${urls[$i]}" "${pids[$i]}" || { echo "Portal $((i + 1)) stopped:" >&2; cat "$work/portal-$((i + 1)).log" >&2; exit 1; }
done
wait_ready "http://127.0.0.1:$proxy_port" "${pids[2]}" || { echo "nginx stopped:" >&2; cat "$work/nginx/error.log" >&2; exit 1; }
echo "Portal at http://127.0.0.1:$proxy_port via nginx; instances ${urls[*]}"

wait -n
echo "A process stopped; stopping the others." >&2
exit 1
