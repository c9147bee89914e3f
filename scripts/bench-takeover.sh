#!/usr/bin/env bash
# Takeover and sync figures of docs/reliability.md: builds the jars, then runs TakeoverBench (service/src/test/
# java/io/redflag/service/chaos/) with failsafe: 10 kill -9s of the leading replica with reps changing the org,
# the chaos checks against a fault-free run, and the initial sync with one replica and with two. Needs the
# PostgreSQL server at 127.0.0.1:5432 (database test, user postgres). About 20 minutes on 2 cores.
#   scripts/bench-takeover.sh [kills] [accounts for the sync figures]
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f service/target/chaos/takeovers.tsv
./mvnw -B -q ${MAVEN_OFFLINE:+-o} -P chaos -pl service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=TakeoverBench -Dfailsafe.failIfNoSpecifiedTests=false -Dchaos.kills="${1:-10}" \
  -Dchaos.syncAccounts="${2:-2000}" >/dev/null || status=$?
grep -hE "^(takeover|over the whole run|initial sync of)" service/target/failsafe-reports/*TakeoverBench-output.txt \
  || echo "no figures: see service/target/failsafe-reports/"
exit "${status:-0}"
