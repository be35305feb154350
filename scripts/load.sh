#!/usr/bin/env bash
# Mixed load against the packaged jar on 127.0.0.1 (needs wrk: apt-get install -y wrk).
#   scripts/load.sh [JAR] [SECONDS]        default: target/export-pathways-*.jar, 60 s per phase
# Phase 1 "paced": 16 connections, each pausing 80 ms between requests (~200 req/s), cycling through every
#   sample request (single decisions and the simulation samples): reports errors and latency.
# Phase 2 "starvation": 4 connections post 2,000-sale simulations back to back while 8 connections ask
#   single decisions (paced at ~200 req/s): reports the p99 of the single decisions under that load.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR="${1:-$(ls target/export-pathways-*.jar | grep -v original | head -1)}"
SECONDS_PER_PHASE="${2:-60}"
PORT="${LOAD_PORT:-18080}"
WORK="$(mktemp -d)"
trap 'kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; rm -rf "$WORK"' EXIT

java -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null 2>&1 && break
  sleep 1
done

singles="$WORK/singles.txt"
: > "$singles"
for f in samples/evaluateNotification/*.json; do [[ $f == *.expected.json ]] || echo "POST /v1/notifications/evaluations $PWD/$f" >> "$singles"; done
for f in samples/screenTransfer/*.json; do [[ $f == *.expected.json ]] || echo "POST /v1/transfers/screenings $PWD/$f" >> "$singles"; done
for f in samples/qualifySource/*.json; do [[ $f == *.expected.json ]] || echo "POST /v1/sources/qualifications $PWD/$f" >> "$singles"; done
for c in DE AU IN EG JP; do echo "GET /v1/countries/$c -" >> "$singles"; done
mixed="$WORK/mixed.txt"
cp "$singles" "$mixed"
for f in samples/simulateNotifications/*.json; do [[ $f == *.expected.json || $f == */scenarios.json ]] || echo "POST /v1/notifications/simulations $PWD/$f" >> "$mixed"; done

# a 2,000-sale batch, two scenarios
python3 - "$WORK/batch.json" <<'PY'
import json, sys
sales = [{"id": f"s{i}", "channel": ["FMS", "DCS"][i % 2], "recipient": ["DE", "IN", "EG", "JP"][i % 4],
          "asOf": "2026-11-25", "majorDefenseEquipmentValue": 1000000 * (i % 40), "totalValue": 3000000 * (i % 40),
          "newSalesTerritory": [], "usmlCategories": ["IV"]} for i in range(2000)]
for i, s in enumerate(sales):
    if s["channel"] == "FMS":
        s["designAndConstructionValue"] = 0
json.dump({"sales": sales, "scenarios": [{"name": "law", "kind": "STATUTORY"},
          {"name": "x", "kind": "INFLATION_ADJUSTED", "factor": 1.69}]}, open(sys.argv[1], "w"))
PY
echo "POST /v1/notifications/simulations $WORK/batch.json" > "$WORK/batch.txt"

LUA=scripts/load/requests.lua
URL="http://127.0.0.1:$PORT"
echo "== phase 1: paced mixed load, 16 connections x 80 ms pause, ${SECONDS_PER_PHASE}s"
wrk -t2 -c16 -d"${SECONDS_PER_PHASE}s" --timeout 10s --latency -s "$LUA" "$URL" -- "$mixed" 80
echo "== phase 2: single decisions (8 connections x 40 ms pause) while 4 connections run 2,000-sale simulations, ${SECONDS_PER_PHASE}s"
wrk -t1 -c4 -d"${SECONDS_PER_PHASE}s" --timeout 60s --latency -s "$LUA" "$URL" -- "$WORK/batch.txt" 0 > "$WORK/batch.out" 2>&1 &
BATCH=$!
sleep 2
wrk -t1 -c8 -d"$((SECONDS_PER_PHASE - 4))s" --timeout 10s --latency -s "$LUA" "$URL" -- "$singles" 40
wait "$BATCH" || true
echo "-- the simulations during phase 2:"
cat "$WORK/batch.out"
