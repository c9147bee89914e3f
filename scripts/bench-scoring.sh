#!/usr/bin/env bash
# Scoring benchmark: generates an org in the emulator (with the Redflag package's fields), syncs it into a
# fresh H2 file store, then times a full rescore of every account and the write-back of its results, with
# the API calls against the minimum, and a second round that must write nothing. Figures go to
# docs/benchmarks.md by hand, with this command.
#   scripts/bench-scoring.sh [accounts]        (BENCH_PORT, BENCH_STORE: the emulator's port, the store's folder)
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${1:-20000}
store=${BENCH_STORE:-/tmp/redflag-bench-scoring}
jdbc=jdbc:h2:file:$store/store
port=${BENCH_PORT:-18789}

./mvnw -B -q -pl service -am install -DskipTests
./mvnw -B -q -pl service test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >/dev/null
cp="service/target/test-classes:service/target/classes:$(cat service/target/test-classpath.txt)"

log=$(mktemp)
java -Xmx4g -jar emulator/target/redflag-emulator-standalone.jar --port "$port" \
  --generate "accounts=$accounts,seed=1" --metadata plugin/force-app --api-limit 10000000 >"$log" 2>&1 &
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
echo "scoring:"
java -Xmx1g -cp "$cp" io.redflag.service.scoring.ScoringBenchmark "http://127.0.0.1:$port" "$jdbc" sa 2>&1 \
  | grep -vE "INFO|DEBUG"
