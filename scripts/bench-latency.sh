#!/usr/bin/env bash
# Change → risk field written: a generated org in the standalone emulator, the service jar against it (as a
# real deployment would run), then a driver makes changes that move a score and times each until the
# account's Health_Scored_At__c moves. Figures go to docs/benchmarks.md by hand, with this command.
#   scripts/bench-latency.sh push|poll|cdc [accounts] [changes] [mean gap ms] [jdbc-url] [user]
# push: Outbound Messages; cdc: Change Data Capture over the emulator's Pub/Sub API; poll: polls alone.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-push}
accounts=${2:-2000}
changes=${3:-200}
gap=${4:-1000}
jdbc=${5:-jdbc:h2:file:/tmp/redflag-latency/store}
user=${6:-sa}
org_port=${BENCH_PORT:-18789}
svc_port=${BENCH_SERVICE_PORT:-18089}
token=bench-token-$(date +%s)-0123456789

./mvnw -B -q -pl service -am install -DskipTests
./mvnw -B -q -pl service test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >/dev/null
cp="service/target/test-classes:service/target/classes:$(cat service/target/test-classpath.txt)"

objects=Account,Contact,Opportunity,OpportunityContactRole,Task,Event,Case,User
rules=()
if [ "$mode" = push ]; then
  for o in ${objects//,/ }; do
    rules+=(--outbound-message "$o:Id@http://127.0.0.1:$svc_port/crm/outbound-messages?token=$token")
  done
fi
work=$(mktemp -d)
if [ "$mode" = cdc ]; then
  pubsub_port=${BENCH_PUBSUB_PORT:-18790}
  rules+=(--pubsub-port "$pubsub_port" --pubsub-cert-out "$work/pubsub.pem")
fi
rm -rf /tmp/redflag-latency
java -Xmx2g -jar emulator/target/redflag-emulator-standalone.jar --port "$org_port" \
  --generate "accounts=$accounts,seed=1" --metadata plugin/force-app --api-limit "${BENCH_API_LIMIT:-100000}" "${rules[@]}" \
  >"$work/org.log" 2>&1 &
org_pid=$!
trap 'kill $org_pid $svc_pid 2>/dev/null || true' EXIT
svc_pid=
until grep -q "listening on" "$work/org.log"; do kill -0 $org_pid || { cat "$work/org.log"; exit 1; }; sleep 1; done

# The service asks for credentials: the benchmark provisions its own API token (docs/security.md).
api_token="rf_$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
env=(REDFLAG_SECURITY_BOOTSTRAP_TOKEN="$api_token" SALESFORCE_LOGIN_URL="http://127.0.0.1:$org_port" SALESFORCE_CLIENT_ID=redflag-demo-client
     SALESFORCE_CLIENT_SECRET=redflag-demo-secret SPRING_DATASOURCE_URL="$jdbc" SPRING_DATASOURCE_USERNAME="$user")
if [ "$mode" = push ]; then
  env+=(REDFLAG_OUTBOUND_MESSAGES_TOKEN="$token" REDFLAG_OUTBOUND_MESSAGES_OBJECTS="$objects")
fi
if [ "$mode" = cdc ]; then
  env+=(REDFLAG_CDC_ENABLED=true REDFLAG_CDC_ENDPOINT="127.0.0.1:$pubsub_port" REDFLAG_CDC_OBJECTS="$objects"
        REDFLAG_CDC_TRUST_PEM_FILE="$work/pubsub.pem")
fi
env "${env[@]}" java -Xmx1g -jar service/target/redflag-service.jar --server.port="$svc_port" \
  >"$work/service.log" 2>&1 &
svc_pid=$!
# Ready: the first poll cycle (the initial sync) ended, then every account scored and written back (nothing
# waiting to be scored, no risk field update pending), twice in a row.
ready() {
  local h
  h=$(curl -sf -H "Authorization: Bearer $api_token" "http://127.0.0.1:$svc_port/actuator/health") || return 1
  grep -q '"lastPollAt"' <<<"$h" && grep -q '"accountsWaitingToBeScored":0,"riskFieldUpdatesPending":0' <<<"$h"
}
until ready && sleep 5 && ready; do
  kill -0 $svc_pid || { tail -50 "$work/service.log"; exit 1; }
  sleep 2
done
echo "service ready ($mode); logs in $work"
java -cp "$cp" io.redflag.service.bench.LatencyBenchmark "http://127.0.0.1:$org_port" "$changes" "$gap" \
  "${BENCH_TIMEOUT_MS:-1200000}" 2>&1 | grep -vE " INFO |^\s*at "
curl -s -H "Authorization: Bearer $api_token" "http://127.0.0.1:$svc_port/actuator/health" | tr ',' '\n' | grep -E 'projectedPerDay|lastDay|ceilingPerDay|stretch' || true
# The reads the change stream made (records an event could not carry) and what the polls made meanwhile.
for m in redflag.cdc.events redflag.cdc.events.echoes redflag.cdc.records.reread redflag.cdc.api.calls; do
  printf '%s ' "$m"; curl -s -H "Authorization: Bearer $api_token" "http://127.0.0.1:$svc_port/actuator/metrics/$m" \
    | grep -o '"value":[0-9.]*' || echo
done
