#!/usr/bin/env bash
# Initial sync benchmark: generates an org in the emulator, syncs it into a fresh store (embedded H2 file by
# default, or the JDBC URL given) and prints wall time, records/s, API calls against the minimum, peak heap
# and RSS. Figures go to docs/benchmarks.md by hand, with this command.
#   scripts/bench-sync.sh [accounts] [jdbc-url] [user]
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${1:-20000}
jdbc=${2:-jdbc:h2:file:/tmp/redflag-bench/store}
user=${3:-sa}
port=${BENCH_PORT:-18788}

./mvnw -B -q -pl service -am install -DskipTests
./mvnw -B -q -pl service test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >/dev/null
cp="service/target/test-classes:service/target/classes:$(cat service/target/test-classpath.txt)"

log=$(mktemp)
java -Xmx4g -jar emulator/target/redflag-emulator-standalone.jar --port "$port" \
  --generate "accounts=$accounts,seed=1" --metadata plugin/force-app --api-limit 1000000 >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until grep -q "listening on" "$log"; do
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done
grep -E "Records:" "$log" || true
rm -rf /tmp/redflag-bench
java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$cp" io.redflag.service.bench.InitialSyncBenchmark "http://127.0.0.1:$port" "$jdbc" "$user" 2>&1 \
  | grep -vE "Initial sync of .*[0-9]+ / |records to read"
