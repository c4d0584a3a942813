#!/usr/bin/env bash
# Scale: the same campaign (real per-reader messages, every delivery recorded in H2) to 10,000, 100,000 and
# optionally 1,000,000 recipients under -Xmx256m, into Postfix's smtp-sink at 4 connections. Prints, per size,
# the audience creation (one INSERT ... SELECT), the time per recipient, CPU per message and the largest live
# heap seen after a collection. Flat time per recipient = no cost that grows with the audience.
# Usage: bench/scale/run.sh [sizes="10000 100000"]     e.g. bench/scale/run.sh "10000 100000 1000000"
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${1:-10000 100000}; PORT=${PORT:-25270}
bench/install-postfix.sh
PATH=$PATH:/usr/sbin
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP=target/test-classes:target/classes:$(cat target/bench-classpath.txt)
smtp-sink -u nobody 127.0.0.1:$PORT 1000 & SINK=$!
trap 'rc=$?; kill $SINK 2>/dev/null || true; exit $rc' EXIT
sleep 1
for n in $SIZES; do
  line=$(java -Xmx256m -cp "$CP" org.mailroom.delivery.SendBench $PORT "$n" 4 38 real 2>/dev/null | grep '^size=')
  echo "scale $n recipients (-Xmx256m, load $(cut -d' ' -f1 /proc/loadavg)): $line"
done
