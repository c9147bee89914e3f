#!/usr/bin/env bash
# Idle API calls a day, counted by the emulated org over simulated days (a clock moved a minute at a time):
# polling alone with the defaults, with a longer back-off, against a small org's allocation, and with
# Outbound Messages covering the objects. Figures go to docs/benchmarks.md by hand, with this command.
#   scripts/bench-idle-calls.sh                        # the demo org
#   scripts/bench-idle-calls.sh accounts=20000,seed=1 jdbc:postgresql://127.0.0.1:5432/redflag_bench 1,4
#     (a generated org, synced into PostgreSQL, modes 1 and 4 only; createdb redflag_bench first)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl service -am install -DskipTests
./mvnw -B -q -pl service test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >/dev/null
cp="service/target/test-classes:service/target/classes:$(cat service/target/test-classpath.txt)"
java -Xmx3g -cp "$cp" io.redflag.service.bench.IdleCallsBenchmark "${1:-}" "${2:-}" ${3:-} 2>&1 | grep -vE " INFO |^\s*at |WARN"
