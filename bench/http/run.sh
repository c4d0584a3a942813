#!/usr/bin/env bash
# HTTP under load: while `serve` sends a campaign at full speed to Postfix's smtp-sink, a second JVM
# (src/test/java/org/mailroom/web/HttpLoadBench.java) posts /subscribe and the one-click /unsubscribe/{token},
# alternating, at RATE requests/s, and prints p50/p99/max per endpoint. Target: p99 < 50 ms at 200/s.
# Usage: bench/http/run.sh [subscribers=100000] [rate=200] [seconds=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}; RATE=${2:-200}; SECS=${3:-20}; SMTP=${SMTP_PORT:-25260}; HTTP=${HTTP_PORT:-18080}
PATH=$PATH:/usr/sbin
command -v smtp-sink >/dev/null || bench/install-postfix.sh
[ -f target/mailroom.jar ] || mvn -B -q package -DskipTests
mvn -B -q -o test-compile

work=$PWD/target/bench-http
rm -rf "$work" && mkdir -p "$work"
secret=bench-secret-0123456789abcdef; token=bench-admin-token-0123456789
cat > "$work/bench.properties" <<PROPS
db.url=jdbc:h2:file:$work/data/mailroom
data.dir=$work/data
smtp.host=127.0.0.1
smtp.port=$SMTP
server.port=$HTTP
base.url=http://127.0.0.1:$HTTP
security.secret=$secret
admin.token=$token
delivery.concurrency=4
subscribe.rate-per-ip=100000000
subscribe.rate-per-email=100
db.pool-size=${POOL:-10}
PROPS
awk -v n="$N" 'BEGIN { print "email,name,status"; for (i = 1; i <= n; i++) printf "reader%d@example.org,Reader %d,confirmed\n", i, i }' > "$work/list.csv"
java -jar target/mailroom.jar subscribers import --config "$work/bench.properties" "$work/list.csv" < /dev/null >/dev/null

smtp-sink -u nobody 127.0.0.1:$SMTP 1000 & SINK=$!
java -Xmx256m -jar target/mailroom.jar serve --config "$work/bench.properties" > "$work/serve.log" 2>&1 & SERVE=$!
trap 'rc=$?; kill $SERVE $SINK 2>/dev/null || true; wait $SERVE 2>/dev/null || true; exit $rc' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$HTTP/health" >/dev/null && break; sleep 0.5; done

issue=${ISSUE:-${SHARED_DIR:-../shared}/seed/this-week-in-rust-578.md}
id=$(curl -fs -H "Authorization: Bearer $token" --data-binary @"$issue" "http://127.0.0.1:$HTTP/api/campaigns" | tr -dc '0-9')
progress() { curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$HTTP/api/campaigns/$id"; }
sent() { progress | sed 's/.*"sent": *\([0-9]*\).*/\1/'; }
sleep 3   # the campaign is sending at full speed before the load starts
s0=$(sent); t0=$(date +%s.%N)
java -cp "target/test-classes:target/mailroom.jar" org.mailroom.web.HttpLoadBench "http://127.0.0.1:$HTTP" "$secret" "$id" 1 "$RATE" "$SECS"
s1=$(sent); t1=$(date +%s.%N)
echo "campaign $id during the load: $((s1 - s0)) messages in $(printf '%.1f' "$(echo "$t1 - $t0" | bc -l)") s ($(printf '%.0f' "$(echo "($s1 - $s0) / ($t1 - $t0)" | bc -l)")/s); $(progress)"
