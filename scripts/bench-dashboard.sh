#!/usr/bin/env bash
# Dashboard benchmark: the scorecard dry run over every account of a generated org, then the portfolio page of
# the service on that store: its server time and its full load in headless Chromium. The store is filled as
# scripts/bench-scoring.sh fills it (generated org, synced, scored twice) when BENCH_STORE holds none yet.
# Figures go to docs/benchmarks.md by hand.
#   scripts/bench-dashboard.sh [accounts]      (BENCH_PORT, BENCH_STORE as for bench-scoring.sh; BENCH_HTTP_PORT;
#                                              BENCH_SCORING_WAIT: seconds to wait for the start-up scoring, 600;
#                                              BENCH_HISTORY: daily or weekly, 12 weeks of history, see below)
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${1:-20000}
store=${BENCH_STORE:-/tmp/redflag-bench-scoring}
jdbc=jdbc:h2:file:$store/store
port=${BENCH_PORT:-18789}
http_port=${BENCH_HTTP_PORT:-18080}

# One reactor build, nothing installed into ~/.m2: the service's classpath names the modules' own classes.
./mvnw -B -q -pl domain,pubsub-api,emulator,connector,service package -DskipTests
./mvnw -B -q -pl domain,pubsub-api,emulator,connector,service test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null
cp="service/target/test-classes:service/target/classes:$(cat service/target/test-classpath.txt)"

start_emulator() {
  log=$(mktemp)
  java -Xmx4g -jar emulator/target/redflag-emulator-standalone.jar --port "$port" \
    --generate "accounts=$accounts,seed=1" --metadata plugin/force-app --api-limit 10000000 >"$log" 2>&1 &
  emulator=$!
  until grep -q "listening on" "$log"; do
    kill -0 $emulator 2>/dev/null || { cat "$log"; exit 1; }
    sleep 1
  done
}
trap 'kill ${emulator:-} ${service:-} 2>/dev/null || true' EXIT

if [ ! -f "$store/store.mv.db" ]; then
  # The store as scripts/bench-scoring.sh fills it: the org synced, every account scored twice.
  start_emulator
  java -Xmx1g -Dbench.rawRounds=0 -Dbench.syncRounds=1 -cp "$cp" io.redflag.service.bench.InitialSyncBenchmark "http://127.0.0.1:$port" "$jdbc" sa 2>&1 \
    | grep -E "^total"
  java -Xmx1g -cp "$cp" io.redflag.service.scoring.ScoringBenchmark "http://127.0.0.1:$port" "$jdbc" sa 2>&1 \
    | grep -E "^round"
  kill $emulator
  wait $emulator 2>/dev/null || true
fi

echo "scorecard dry run:"
java -Xmx1g -cp "$cp" io.redflag.service.scoring.DryRunBenchmark "$jdbc" sa 2>&1 | grep -vE "INFO|DEBUG"

# BENCH_HISTORY=daily|weekly: the page measured on a store with 12 weeks of history behind every account (a copy of
# the store, kept for reruns): its score changing each day (84 spans) or each week (12), and the accounts per level
# counted on each of those days, as the scoring counts them after a run.
if [ -n "${BENCH_HISTORY:-}" ]; then
  case "$BENCH_HISTORY" in daily) step=1 ;; weekly) step=7 ;; *) echo "BENCH_HISTORY: daily or weekly" >&2; exit 2 ;; esac
  aged=$store-$BENCH_HISTORY
  if [ ! -f "$aged/store.mv.db" ]; then
    mkdir -p "$aged"
    cp "$store/store.mv.db" "$aged/store.mv.db"
    # Each span ends where the next begins; scores alternate one point below and above the latest.
    java -cp "$cp" org.h2.tools.Shell -url "jdbc:h2:file:$aged/store" -user sa -sql "
      INSERT INTO score_history (assessment_id, account_id, as_of, superseded_at, score, level, trend)
        SELECT -ROW_NUMBER() OVER (ORDER BY h.account_id, r.X), h.account_id, h.as_of - (r.X * INTERVAL '$step' DAY),
          h.as_of - ((r.X - 1) * INTERVAL '$step' DAY), LEAST(100, GREATEST(0, h.score + 1 - 2 * MOD(r.X, 2))),
          h.level, NULL FROM score_history h, SYSTEM_RANGE(1, $((84 / step))) r WHERE h.superseded_at IS NULL;
      INSERT INTO level_day_taken (counted_on, taken_at)
        SELECT DATEADD(DAY, -r.X, CURRENT_DATE), CURRENT_TIMESTAMP FROM SYSTEM_RANGE(1, 84) r;
      INSERT INTO level_day (counted_on, owner, segment, tier, key_account, level, accounts)
        SELECT DATEADD(DAY, -r.X, CURRENT_DATE), a.owner, a.segment, a.tier, s.key_account, s.level, COUNT(*)
        FROM account_score s JOIN account a ON a.id = s.account_id, SYSTEM_RANGE(1, 84) r WHERE a.deleted = FALSE
        GROUP BY r.X, a.owner, a.segment, a.tier, s.key_account, s.level"
  fi
  jdbc=jdbc:h2:file:$aged/store
  echo "history: $BENCH_HISTORY, $(java -cp "$cp" org.h2.tools.Shell -url "$jdbc" -user sa \
    -sql "SELECT COUNT(*) FROM score_history" | sed -n 2p | tr -d ' ') score spans"
fi

svc_log=$(mktemp)
start_emulator
token=rf_$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
SALESFORCE_LOGIN_URL=http://127.0.0.1:$port SALESFORCE_CLIENT_ID=redflag-demo-client \
  SALESFORCE_CLIENT_SECRET=redflag-demo-secret SPRING_DATASOURCE_URL="$jdbc" SPRING_DATASOURCE_USERNAME=sa \
  REDFLAG_SECURITY_BOOTSTRAP_TOKEN=$token \
  java -Xmx1g -jar service/target/redflag-service.jar --server.port="$http_port" --redflag.sync.auto-startup=false \
  --redflag.scoring.write-back=false >"$svc_log" 2>&1 &
service=$!
until curl -s -o /dev/null "http://127.0.0.1:$http_port/actuator/health"; do
  kill -0 $service 2>/dev/null || { cat "$svc_log"; exit 1; }
  sleep 1
done
# A store whose scoring queue holds work (every account, when its daily run is due: a minute on 20,000) is scored
# as soon as the service starts; timed meanwhile, the page measures that run, not itself. Wait until the queue is
# empty (its entries go when their run ends), at most BENCH_SCORING_WAIT seconds.
waited=0
until curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$http_port/actuator/health" \
    | grep -q '"accountsWaitingToBeScored":0[,}]' || [ "$waited" -ge "${BENCH_SCORING_WAIT:-600}" ]; do
  kill -0 $service 2>/dev/null || { cat "$svc_log"; exit 1; }
  sleep 1
  waited=$((waited + 1))
done
grep -m1 -oE "Scored [0-9]+ accounts in [0-9]+ ms" "$svc_log" | sed 's/^/start-up scoring: /' \
  || echo "start-up scoring: none (the queue was empty), waited ${waited} s"
echo "portfolio page:"
java -cp "$cp" io.redflag.service.pages.PortfolioPageBenchmark "http://127.0.0.1:$http_port" "$token" 2>&1 \
  | grep -vE "INFO|DEBUG|WARN"
