#!/usr/bin/env bash
# Emulator read benchmark: generates an org, reads it through WSC (query + queryMore, batch 2000) and
# records the emulator's memory. Figures go to docs/benchmarks.md by hand, with this command.
#   scripts/bench-emulator-read.sh [accounts] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${1:-20000}
seed=${2:-1}
port=${BENCH_PORT:-18787}

./mvnw -B -q -pl emulator -am -DskipTests package
./mvnw -B -q -pl emulator test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >/dev/null
cp="emulator/target/test-classes:emulator/target/classes:$(cat emulator/target/test-classpath.txt)"

log=$(mktemp)
start=$(date +%s.%N)
java -Xmx4g -jar emulator/target/redflag-emulator-standalone.jar --port "$port" --generate "accounts=$accounts,seed=$seed" --metadata plugin/force-app \
  --api-limit 1000000 >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until grep -q "listening on" "$log"; do
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done
ready=$(date +%s.%N)
echo "emulator ready in $(echo "$ready - $start" | bc) s (generation included)"
grep -E "Generated|Records:" "$log" || true

jcmd $pid GC.run >/dev/null
echo "emulator memory after load, after a full GC:"
jcmd $pid GC.heap_info | grep -E "garbage-first heap|used" | head -2
grep -E "VmRSS|VmHWM" /proc/$pid/status

java -Xmx1g -cp "$cp" io.redflag.emulator.bench.ReadThroughput "http://127.0.0.1:$port" 2

echo "emulator memory after the reads:"
grep -E "VmRSS|VmHWM" /proc/$pid/status
