#!/usr/bin/env bash
# Backtest benchmark: generates an org in the emulator, syncs it into a fresh H2 file store, then runs the
# service's backtest command over it (18 monthly as-of days, a 6-month horizon) with a 1 GiB heap, and prints the
# time it took and the peak heap in use (the largest heap before a collection, from the GC log). Figures go to
# docs/benchmarks.md by hand, with this command.
#   scripts/bench-backtest.sh [accounts]        (BENCH_PORT, BENCH_STORE: the emulator's port, the store's folder)
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${1:-20000}
store=${BENCH_STORE:-/tmp/redflag-bench-backtest}
jdbc=jdbc:h2:file:$store/store
port=${BENCH_PORT:-18791}

./mvnw -B -q -o -pl service -am install -DskipTests
./mvnw -B -q -o -pl service test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >/dev/null
cp="service/target/test-classes:service/target/classes:$(cat service/target/test-classpath.txt)"

log=$(mktemp)
java -Xmx4g -jar emulator/target/redflag-emulator-standalone.jar --port "$port" \
  --generate "accounts=$accounts,seed=1" --api-limit 10000000 >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until grep -q "listening on" "$log"; do
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done
rm -rf "$store"
echo "initial sync:"
java -Xmx1g -cp "$cp" io.redflag.service.bench.InitialSyncBenchmark "http://127.0.0.1:$port" "$jdbc" sa 2>&1 \
  | grep -E "^total"
kill $pid 2>/dev/null || true
echo "backtest:"
started=$(date +%s.%N)
java -Xmx1g -Xlog:gc:file="$store/gc.log" -jar service/target/redflag-service.jar backtest \
  --from 2025-01-01 --to 2026-06-30 --every 1M --horizon 6M --out "$store/report" \
  --spring.datasource.url="$jdbc" --logging.level.root=WARN --logging.level.io.redflag.service.backtest=INFO
ended=$(date +%s.%N)
echo "took $(echo "$ended - $started" | bc) s"
# "Pause Young (Normal) (G1 Evacuation Pause) 612M->98M(1024M)": the heap in use before each collection.
echo "peak heap in use: $(grep -oE '[0-9]+M->' "$store/gc.log" | tr -d 'M>-' | sort -n | tail -1) MiB"
# "…->98M(1024M)": the heap still in use after each collection; the largest is the most the run ever kept.
echo "largest heap kept after a collection: $(grep -oE -- '->[0-9]+M\(' "$store/gc.log" | tr -d 'M(>-' | sort -n \
  | tail -1) MiB; full collections: $(grep -c 'Pause Full' "$store/gc.log" || true)"
