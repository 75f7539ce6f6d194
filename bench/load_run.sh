#!/usr/bin/env bash
# Bounded load run: `upr serve` on 127.0.0.1 under wrk at saturation for DURATION seconds.
# Passes only with zero errors (socket errors and non-2xx/3xx responses) and a stable memory
# footprint (server RSS at the end within RSS_GROWTH_PCT of the RSS after warm-up).
#
#   bench/load_run.sh                       # bundled SQLite dataset (run `make data` first)
#   UPR_DATABASE_URL=postgresql+psycopg://... WORKERS=2 DURATION=60 bench/load_run.sh
#
# Needs wrk (apt-get install wrk). Traffic goes to 127.0.0.1 only; everything stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-60}"
WORKERS="${WORKERS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
PORT="${PORT:-8765}"
RSS_GROWTH_PCT="${RSS_GROWTH_PCT:-15}"
OUT_DIR="bench/out"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$OUT_DIR/load_run-$STAMP.txt"
mkdir -p "$OUT_DIR"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

METRICS_DIR="$(mktemp -d)"
LUA="$(mktemp --suffix=.lua)"
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$METRICS_DIR" "$LUA"' EXIT

PROMETHEUS_MULTIPROC_DIR="$METRICS_DIR" UPR_LOG_LEVEL=WARNING \
  .venv/bin/upr serve --host 127.0.0.1 --port "$PORT" --workers "$WORKERS" 2>/dev/null &
SERVER=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null && break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null || { echo "server did not start" >&2; exit 1; }

# A mix of the API's reads: lists, items, filtered and paged recommendations.
cat >"$LUA" <<'LUA'
local paths = {
  "/v1/states", "/v1/states/TUR", "/v1/sessions/48/reviews", "/v1/reviews/48-SVN",
  "/v1/recommendations?state_under_review=SVN&session=48&limit=50",
  "/v1/recommendations?position=noted&limit=20", "/v1/recommendations/48-SVN-140.7",
  "/v1/states/KAZ/reviews", "/v1/sdgs", "/v1/cycles",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Accept-Encoding"] = "gzip" })
end
LUA

rss_kb() {  # resident memory of the server and its workers, in kB
  { echo "$SERVER"; pgrep -P "$SERVER"; } | paste -sd, - | xargs ps -o rss= -p \
    | awk '{s += $1} END {print s}'
}

echo "warm-up: 10 s" >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "$LUA" "http://127.0.0.1:$PORT" >/dev/null
RSS_START="$(rss_kb)"
SAMPLES="$RSS_START"
( for _ in $(seq 1 $((DURATION / 5))); do sleep 5; rss_kb; done ) >"$METRICS_DIR/rss" &
SAMPLER=$!
echo "measuring: ${DURATION} s, $CONNECTIONS connections, $WORKERS workers" >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$LUA" \
  "http://127.0.0.1:$PORT" | tee "$METRICS_DIR/wrk"
wait "$SAMPLER" || true
SAMPLES="$SAMPLES $(tr '\n' ' ' <"$METRICS_DIR/rss")"
RSS_END="$(rss_kb)"

ERRORS="$(awk '/Socket errors/ {gsub(",", ""); s += $4 + $6 + $8 + $10} /Non-2xx or 3xx/ {s += $NF} END {print s + 0}' "$METRICS_DIR/wrk")"
GROWTH="$(awk -v a="$RSS_START" -v b="$RSS_END" 'BEGIN {printf "%.1f", (b - a) * 100 / a}')"
{
  echo "load run $STAMP: $(.venv/bin/python -c 'from app.config import get_settings; print(get_settings().database_url.split(":")[0])') database, $WORKERS workers, $CONNECTIONS connections, ${DURATION} s after a 10 s warm-up, $(nproc) cores"
  grep -E "Requests/sec|Transfer/sec|requests in" "$METRICS_DIR/wrk"
  grep -E "^ +(50|75|90|99)%" "$METRICS_DIR/wrk" | sed 's/^ */latency p/'
  echo "errors: $ERRORS"
  echo "server RSS kB (every 5 s): $SAMPLES"
  echo "RSS growth after warm-up: ${GROWTH}% (limit ${RSS_GROWTH_PCT}%)"
} | tee "$OUT"
echo "written to $OUT" >&2

[ "$ERRORS" -eq 0 ] || { echo "FAIL: $ERRORS errors" >&2; exit 1; }
awk -v g="$GROWTH" -v l="$RSS_GROWTH_PCT" 'BEGIN {exit !(g <= l)}' || { echo "FAIL: memory grew ${GROWTH}%" >&2; exit 1; }
echo "PASS" >&2
