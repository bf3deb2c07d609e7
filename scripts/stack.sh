#!/usr/bin/env bash
# The local PostgreSQL 15 and Redis 7 under .local/: `stack.sh start|stop|status`. Idempotent.
# Ports: FAULTLINE_PG_PORT (55432) and FAULTLINE_REDIS_PORT (56379), bound to 127.0.0.1 only.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
local_dir="$root/.local"
pg_bin=/usr/lib/postgresql/15/bin
pg_home="$local_dir/pg"
# As root, PostgreSQL runs as Debian's `postgres` user, who must be able to reach its folder; when
# the checkout lies under a private folder, the data goes to /var/tmp, one folder per checkout.
if [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1 && ! (cd / && runuser -u postgres -- test -x "$root"); then
  pg_home="/var/tmp/faultline-$(printf '%s' "$root" | md5sum | cut -c1-12)/pg"
fi
pg_data="$pg_home/data"
pg_port=${FAULTLINE_PG_PORT:-55432}
redis_dir="$local_dir/redis"
mail_dir="$local_dir/mail"
smtp_port=${FAULTLINE_SMTP_PORT:-51025}
redis_port=${FAULTLINE_REDIS_PORT:-56379}

# PostgreSQL refuses to run as root; as root it runs as Debian's `postgres` user.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_running() { [ -f "$pg_data/PG_VERSION" ] && as_pg "$pg_bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; }
redis_running() { redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1; }

start_pg() {
  mkdir -p "$pg_home/run"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres:postgres "$pg_home"
    chmod 755 "$(dirname "$pg_home")"
  fi
  if [ ! -f "$pg_data/PG_VERSION" ]; then
    # Trust on loopback only: this server is a local development and test database.
    as_pg "$pg_bin/initdb" -D "$pg_data" -U faultline --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$pg_data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$pg_home/run'
max_connections = 200
shared_buffers = 512MB
work_mem = 32MB
maintenance_work_mem = 256MB
max_wal_size = 4GB
checkpoint_timeout = 15min
CONF
  fi
  if ! pg_running; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_home/postgres.log" -w -t 60 start >/dev/null
  fi
  if ! as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U faultline -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'faultline'" | grep -q 1; then
    as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U faultline faultline
  fi
  echo "stack: PostgreSQL on 127.0.0.1:$pg_port"
}

start_redis() {
  mkdir -p "$redis_dir"
  if ! redis_running; then
    # A cache and rate-limit store: nothing in it needs to survive a restart.
    redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$redis_dir" --daemonize yes \
      --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log" --save "" --appendonly no
    for _ in $(seq 50); do redis_running && break; sleep 0.1; done
    redis_running || { echo "stack: Redis did not start, see $redis_dir/redis.log" >&2; exit 1; }
  fi
  echo "stack: Redis on 127.0.0.1:$redis_port"
}

smtp_running() { (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null; }

# A local SMTP server that keeps every e-mail in .local/mail (a Maildir) instead of delivering it,
# so invitations and password resets can be followed on a development machine.
start_smtp() {
  mkdir -p "$mail_dir"/{tmp,new,cur}
  if ! smtp_running; then
    nohup /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$mail_dir" \
      >"$local_dir/smtp.log" 2>&1 &
    echo $! >"$local_dir/smtp.pid"
    for _ in $(seq 50); do smtp_running && break; sleep 0.1; done
  fi
  echo "stack: SMTP sink on 127.0.0.1:$smtp_port, e-mails in $mail_dir/new"
}

case "${1:-}" in
  start) start_pg; start_redis; start_smtp ;;
  stop)
    if pg_running; then as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null; fi
    if redis_running; then redis-cli -h 127.0.0.1 -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true; fi
    if [ -f "$local_dir/smtp.pid" ]; then kill "$(cat "$local_dir/smtp.pid")" 2>/dev/null || true; rm -f "$local_dir/smtp.pid"; fi
    echo "stack: stopped" ;;
  status)
    pg_running && echo "PostgreSQL: running on $pg_port" || echo "PostgreSQL: stopped"
    redis_running && echo "Redis: running on $redis_port" || echo "Redis: stopped"
    smtp_running && echo "SMTP sink: running on $smtp_port" || echo "SMTP sink: stopped" ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
