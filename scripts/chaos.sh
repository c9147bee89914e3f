#!/usr/bin/env bash
# Chaos tests across processes (docs/reliability.md): builds the jars, then runs service/src/test/java/io/redflag/
# service/chaos/*Chaos.java with failsafe (Maven profile chaos), each starting the standalone emulator and
# service replicas as processes against the PostgreSQL server at 127.0.0.1:5432 (database test, user postgres).
# Takes about 15 minutes on 2 cores, so .ci/run does not run it. Logs and takeover times: service/target/chaos/.
#   scripts/chaos.sh                      # every scenario
#   scripts/chaos.sh 'LeaderKillChaos'    # one class (or 'LeaderKillChaos#aLeaderKilledMidScoring*')
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f service/target/chaos/takeovers.tsv
./mvnw -B ${MAVEN_OFFLINE:+-o} -P chaos -pl service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test="${1:-*Chaos}" -Dfailsafe.failIfNoSpecifiedTests=false
echo "takeovers (at, phase, killed, new leader, ms, how):"
cat service/target/chaos/takeovers.tsv 2>/dev/null || true
