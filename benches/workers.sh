#!/usr/bin/env bash
# Throughput of W cooperating workers on the shared stores (a PostgreSQL ledger and an
# S3-compatible bucket, both on loopback) against the default (SQLite ledger, local folder):
#
#   benches/workers.sh [N] [W ...]        default: 400 clients, workers 1 2 4
#
# Each worker is one `execreport batch --period 2026-10 --jobs 1` process; all W start together
# on the same workspace and the run ends when the last exits. Every run starts from an empty
# ledger and an empty prefix. Needs what .ci/run installs: PostgreSQL 15 (run as root: the
# cluster runs as the postgres user) and moto's S3 server (PyPI `moto[server]`). On one machine
# the workers share its cores, and moto (Python) shares them too: the figures measure the cost
# of claiming and storing, not the gain of more machines.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin execreport --example gen-bench-workspace
bin=$PWD/target/release/execreport
n=${1:-400}
shift || true
counts=("$@")
[ ${#counts[@]} -eq 0 ] && counts=(1 2 4)
pg=/usr/lib/postgresql/15/bin

work=$(mktemp -d)
chmod 755 "$work"
cleanup() {
  [ -n "${s3_pid:-}" ] && kill "$s3_pid" 2>/dev/null
  [ -d "$work/pg" ] && su postgres -s /bin/sh -c "$pg/pg_ctl -D $work/pg -m immediate stop" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

# PostgreSQL on a free port, fsync on (as a real server would run).
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir "$work/pg" && chown postgres:postgres "$work/pg"
su postgres -s /bin/sh -c "$pg/initdb -A trust -U postgres -D $work/pg" >/dev/null
su postgres -s /bin/sh -c "$pg/pg_ctl -D $work/pg -l $work/pg/log -o '-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1' -w start" >/dev/null

# moto's S3 server with bucket `reports`.
python3 tests/support/s3_server.py reports >"$work/s3.port" &
s3_pid=$!
for _ in $(seq 100); do grep -q PORT "$work/s3.port" 2>/dev/null && break; sleep 0.1; done
s3_port=$(cut -d' ' -f2 "$work/s3.port")

ws="$work/ws"
target/release/examples/gen-bench-workspace "$n" "$ws" >/dev/null
cp "$ws/execreport.yaml" "$work/local.yaml"
python3 - "$ws/execreport.yaml" "$s3_port" <<'EOF'
import json, sys, yaml
path, port = sys.argv[1], sys.argv[2]
ws = yaml.safe_load(open(path))
ws["ledger"] = {"url": {"env": "EXECREPORT_LEDGER_URL"}}
ws["output"] = "s3://reports/bench"
ws["storage"] = {"endpoint": f"http://127.0.0.1:{port}", "region": "us-east-1",
                 "access_key_id": {"env": "BENCH_S3_KEY"}, "secret_access_key": {"env": "BENCH_S3_KEY"}}
json.dump(ws, open(path + ".shared", "w"), indent=1)
EOF
cp "$ws/execreport.yaml.shared" "$work/shared.yaml"
export BENCH_S3_KEY=bench EXECREPORT_NOW=2026-11-05T06:00:00Z

# Runs W workers on workspace file $2; prints seconds.
run() {
  local workers=$1 config=$2 start end
  cp "$config" "$ws/execreport.yaml"
  start=$(date +%s.%N)
  local pids=()
  for w in $(seq "$workers"); do
    EXECREPORT_WORKER_ID="w$w" "$bin" -c "$ws/execreport.yaml" batch --period 2026-10 --jobs 1 \
      >"$work/w$w.log" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || { tail -5 "$work"/w*.log; exit 1; }; done
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

printf '%-28s %7s %8s %9s %10s\n' setup workers clients seconds reports/s
for jobs in 1 2; do
  rm -rf "$ws/out" "$ws/.execreport"
  cp "$work/local.yaml" "$ws/execreport.yaml"
  start=$(date +%s.%N)
  "$bin" -c "$ws/execreport.yaml" batch --period 2026-10 --jobs "$jobs" >"$work/local.log" 2>&1
  secs=$(echo "$(date +%s.%N) - $start" | bc -l)
  printf '%-28s %7s %8d %9.1f %10.1f\n' "SQLite + folder, --jobs $jobs" 1 "$n" "$secs" "$(echo "$n / $secs" | bc -l)"
done
for w in "${counts[@]}"; do
  db="bench_$w"
  su postgres -s /bin/sh -c "$pg/psql -q -h 127.0.0.1 -p $pg_port -c 'CREATE DATABASE $db'" >/dev/null
  export EXECREPORT_LEDGER_URL="postgresql://postgres@127.0.0.1:$pg_port/$db"
  sed "s#s3://reports/bench#s3://reports/bench-$w#" "$work/shared.yaml" >"$work/shared-$w.yaml"
  secs=$(run "$w" "$work/shared-$w.yaml")
  rendered=$(su postgres -s /bin/sh -c "$pg/psql -tA -h 127.0.0.1 -p $pg_port -d $db -c \"SELECT count(*) FROM reports WHERE state = 'rendered'\"")
  [ "$rendered" -eq "$n" ] || { echo "only $rendered of $n reports rendered"; exit 1; }
  printf '%-28s %7d %8d %9.1f %10.1f\n' "PostgreSQL + S3 (moto)" "$w" "$n" "$secs" "$(echo "$n / $secs" | bc -l)"
done
