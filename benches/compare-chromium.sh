#!/usr/bin/env bash
# execreport's PDFs against headless Chromium printing the same report.html, on this machine:
#
#   benches/compare-chromium.sh [ROUNDS]      (default 10)
#
# For each sample report: execreport's PDF stage (from the report model; in process, median of
# ROUNDS, from `cargo bench --bench render`), Chromium started per file (`chromium --headless
# --print-to-pdf`, the cold path), and one warm Chromium driven over the DevTools protocol
# (Playwright's page.pdf(), the fair comparison), with file sizes and peak memory.
# Needs: chromium (Debian), node + npm (installs playwright-core into benches/.node once).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-10}
cargo build --release --quiet --bin execreport
[ -d benches/.node/node_modules/playwright-core ] ||
  npm install --silent --prefix benches/.node playwright-core@1.49.1 >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/release/execreport -c samples/execreport.yaml render --period 2026-10 --out "$work/out" >/dev/null
mkdir -p "$work/cold" "$work/warm"

# Peak RSS (MB) of all processes whose command matches $1, sampled every 20 ms while $2 runs.
peak() {
  local pattern=$1; shift
  "$@" & local pid=$! peak=0
  while kill -0 "$pid" 2>/dev/null; do
    local now
    now=$(ps -eo rss=,args= | awk -v p="$pattern" '$0 ~ p && $0 !~ /awk/ {s+=$1} END {print int(s/1024)}')
    [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.02
  done
  wait "$pid"
  echo "$peak" >"$work/peak"
}

printf '%-22s %10s %10s %10s %9s %9s %9s\n' client ours_ms cold_ms warm_ms ours_KB cold_KB warm_KB
node_out="$work/warm.jsonl"
files=("$work"/out/*/2026-10/report.html)
# Run from benches/.node so that node finds playwright-core there.
cp benches/chromium-warm.mjs benches/.node/
peak chromium node benches/.node/chromium-warm.mjs "$work/warm" "$rounds" "${files[@]}" >"$node_out"
warm_peak=$(cat "$work/peak")
ours_peak_kb=0
for f in "${files[@]}"; do
  dir=$(dirname "$f"); client=$(basename "$(dirname "$dir")")
  ours=$(cargo bench --quiet --bench render -- "$client" "$rounds" 2>/dev/null | awk '$1=="pdf" {print $4}')
  t0=$(date +%s%N)
  peak chromium chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --no-pdf-header-footer --print-to-pdf="$work/cold/$client.pdf" "file://$f" 2>/dev/null
  cold_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  cold_peak=$(cat "$work/peak")
  warm_ms=$(grep "\"$f\"" "$node_out" | sed 's/.*"median_ms":\([0-9.]*\).*/\1/')
  printf '%-22s %10s %10s %10.0f %9d %9d %9d\n' "$client" "$ours" "$cold_ms" "$warm_ms" \
    "$(( $(stat -c %s "$dir/report.pdf") / 1024 ))" "$(( $(stat -c %s "$work/cold/$client.pdf") / 1024 ))" \
    "$(( $(stat -c %s "$work/warm/$client.pdf") / 1024 ))"
done
/usr/bin/time -f '%M' -o "$work/ours-rss" target/release/execreport -c samples/execreport.yaml render \
  --period 2026-10 --format pdf --out "$work/ours" >/dev/null
echo "peak memory: execreport rendering all 7 PDFs in one process $(( $(cat "$work/ours-rss") / 1024 )) MB;" \
  "warm Chromium (all processes) ${warm_peak} MB; cold Chromium (last file) ${cold_peak} MB"
