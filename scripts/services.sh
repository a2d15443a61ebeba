# Sourced by scripts/test.sh: installs (when missing) and starts throwaway PostgreSQL and Redis
# servers for the test run, and Chromium for the browser tests. Everything stops on exit.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

need_pkgs=()
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need_pkgs+=(postgresql postgresql-contrib)
command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium)
command -v redis-server >/dev/null 2>&1 || need_pkgs+=(redis-server)
command -v msgfmt >/dev/null 2>&1 || need_pkgs+=(gettext)
command -v java >/dev/null 2>&1 || need_pkgs+=(default-jre-headless)  # the Nu HTML checker
command -v npm >/dev/null 2>&1 || need_pkgs+=(npm)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "==> Installing Debian packages: ${need_pkgs[*]}"
  apt_install "${need_pkgs[@]}"
fi

# The Nu HTML checker (vnu.jar) and Lighthouse, the versions pinned in package-lock.json, run by tests/html.
if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] || [ ! -f node_modules/lighthouse/cli/index.js ]; then
  echo "==> Installing the Nu HTML checker and Lighthouse (npm ci)"
  npm ci --no-audit --no-fund --ignore-scripts >/dev/null
fi
export VNU_JAR="${VNU_JAR:-$PWD/node_modules/vnu-jar/build/dist/vnu.jar}"

SERVICES_DIR="$(mktemp -d /tmp/portal-test-XXXXXX)"
chmod 755 "$SERVICES_DIR"
# Ports below the kernel's range for outgoing connections (32768 and up on Linux), so no client
# socket of the machine can be holding the port when the server binds it; and not listened on.
free_port() {
  local port
  for _ in $(seq 100); do
    port=$(( 20000 + RANDOM % 12000 ))
    if [ "$port" != "${PG_PORT:-}" ] && ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port between 20000 and 32000" >&2
  return 1
}
PG_PORT="${PG_PORT:-$(free_port)}"
REDIS_PORT="${REDIS_PORT:-$(free_port)}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"

run_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_services() {
  run_pg "$PGBIN/pg_ctl" -D "$SERVICES_DIR/pg/data" -m immediate stop >/dev/null 2>&1 || true
  [ -f "$SERVICES_DIR/redis.pid" ] && kill "$(cat "$SERVICES_DIR/redis.pid")" 2>/dev/null || true
  rm -rf "$SERVICES_DIR"
}
trap stop_services EXIT

echo "==> Starting PostgreSQL on 127.0.0.1:$PG_PORT"
mkdir -p "$SERVICES_DIR/pg/data" "$SERVICES_DIR/pg/sock"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$SERVICES_DIR/pg"
run_pg "$PGBIN/initdb" -D "$SERVICES_DIR/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$PGBIN/pg_ctl" -D "$SERVICES_DIR/pg/data" -l "$SERVICES_DIR/pg/server.log" -w \
  -o "-p $PG_PORT -k $SERVICES_DIR/pg/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
  || { echo "PostgreSQL did not start:" >&2; cat "$SERVICES_DIR/pg/server.log" >&2; exit 1; }
run_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres portal
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/portal"
export PG_BIN="$PGBIN" PG_DATA="$SERVICES_DIR/pg/data" PG_PORT

echo "==> Starting Redis on 127.0.0.1:$REDIS_PORT"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
  --pidfile "$SERVICES_DIR/redis.pid" --logfile "$SERVICES_DIR/redis.log" --dir "$SERVICES_DIR"
# --daemonize returns before the server has bound its port: wait until it answers.
for _ in $(seq 100); do
  [ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ] && break
  sleep 0.1
done
if [ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" != "PONG" ]; then
  echo "Redis did not start on 127.0.0.1:$REDIS_PORT:" >&2
  cat "$SERVICES_DIR/redis.log" >&2 || true
  exit 1
fi
export TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}"
