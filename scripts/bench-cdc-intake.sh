#!/usr/bin/env bash
# Sustained intake over Change Data Capture: a burst of changes in the demo org (in-process, its Pub/Sub API on
# TLS), stored by the change stream; prints published/stored/lag every 5 s and the stored events per second.
#   scripts/bench-cdc-intake.sh [changes] [jdbc-url]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl service -am install -DskipTests
./mvnw -B -q -pl service test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >/dev/null
cp="service/target/test-classes:service/target/classes:$(cat service/target/test-classpath.txt)"
java -Xmx3g -cp "$cp" io.redflag.service.bench.CdcIntakeBenchmark "${1:-100000}" "${2:-}" 2>&1 | grep -vE " INFO |^\s*at |WARN"
