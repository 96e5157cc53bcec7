#!/usr/bin/env bash
# Renders every sample client and takes screenshots of its HTML report at phone (375 px) and
# desktop (1280 px) widths, for looking at what we make: .ci/screenshots.sh [OUT_DIR] [PERIOD]
# Headless Chromium will not open a window narrower than 500 px, so the report is shown in a
# frame of the wanted width.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/execreport-shots}
period=${2:-2026-10}
mkdir -p "$out"
cargo run -q --release -- render --config samples/execreport.yaml --period "$period" --format json,html --out "$out/reports" >/dev/null
shoot() { # html width height png
  local host="$out/host-$2.html"
  printf '<!doctype html><body style="margin:0"><iframe src="%s" style="border:0;width:%spx;height:%spx"></iframe></body>' \
    "file://$1" "$2" "$3" >"$host"
  local window=$(( $2 < 500 ? 500 : $2 ))
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --allow-file-access-from-files --user-data-dir="$out/profile" \
    --window-size="$window,$3" --screenshot="$4" "file://$host" 2>/dev/null
}
for dir in "$out"/reports/*/"$period"; do
  client=$(basename "$(dirname "$dir")")
  shoot "$dir/report.html" 375 2400 "$out/$client-phone.png"
  shoot "$dir/report.html" 1280 3000 "$out/$client-desktop.png"
  echo "$out/$client-phone.png $out/$client-desktop.png"
done
