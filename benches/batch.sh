#!/usr/bin/env bash
# Whole-batch throughput and peak memory on synthetic workspaces of N clients (copies of the
# seven sample clients over the samples' 22 months of data), at --jobs 1 and --jobs 2:
#
#   benches/batch.sh [N ...]        default: 100 1000
#   JOBS="2" benches/batch.sh 10000  only the --jobs values given (default "1 2")
#
# Needs GNU time (/usr/bin/time, Debian package `time`) for the peak RSS. Prints one line per
# run: clients, jobs, seconds, reports/s, peak RSS, output size.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin execreport --example gen-bench-workspace
bin=target/release/execreport
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100 1000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%8s %5s %9s %10s %12s %10s\n' clients jobs seconds reports/s "peak RSS" output
for n in "${sizes[@]}"; do
  ws="$work/ws-$n"
  target/release/examples/gen-bench-workspace "$n" "$ws" >/dev/null
  for jobs in ${JOBS:-1 2}; do
    rm -rf "$ws/out" "$ws/.execreport"
    start=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$work/rss" "$bin" -c "$ws/execreport.yaml" batch --period 2026-10 \
      --jobs "$jobs" --now 2026-11-05T06:00:00Z >"$work/log" 2>&1 || { tail -5 "$work/log"; exit 1; }
    end=$(date +%s.%N)
    secs=$(echo "$end - $start" | bc -l)
    rss_kb=$(cat "$work/rss")
    size=$(du -sh "$ws/out" | cut -f1)
    printf '%8d %5d %9.1f %10.1f %9d MB %10s\n' "$n" "$jobs" "$secs" "$(echo "$n / $secs" | bc -l)" \
      "$((rss_kb / 1024))" "$size"
  done
done
