#!/usr/bin/env bash
# Cluster throughput: one node vs two nodes (separate JVMs) sharing one campaign on one PostgreSQL database, all
# sending to Postfix's smtp-sink on loopback. Needs Debian's postgresql (run as root: the harness starts it as the
# postgres user) and postfix for smtp-sink (installed here if missing; the Postfix daemon is left stopped).
# Usage: bench/cluster/run.sh [recipients=20000] [connections-per-node=4] [issue-kilobytes=38]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-20000}; C=${2:-4}; KB=${3:-38}; PORT=${PORT:-25251}

if ! command -v smtp-sink >/dev/null && [ ! -x /usr/sbin/smtp-sink ]; then
  export DEBIAN_FRONTEND=noninteractive
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d   # no daemon start
  apt-get install -y -q --no-install-recommends postfix >/dev/null
  rm -f /usr/sbin/policy-rc.d
fi
PATH=$PATH:/usr/sbin

mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP=target/test-classes:target/classes:$(cat target/bench-classpath.txt)

smtp-sink -u nobody -c 127.0.0.1:$PORT 1000 >target/cluster-sink.log & SINK=$!   # -c: a count of DATA commands, to check against
trap 'rc=$?; kill $SINK 2>/dev/null || true; exit $rc' EXIT
sleep 1

for nodes in 1 2; do
  line=$(java -Xmx256m -cp "$CP" org.mailroom.delivery.ClusterBench $PORT $N $nodes $C $KB 2>/dev/null | grep '^nodes=')
  echo "$line"
done
