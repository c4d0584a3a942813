#!/usr/bin/env bash
# Send throughput: Mailroom vs Postfix's smtp-source, both into Postfix's smtp-sink on loopback, same message
# size and connection count. Installs Debian's postfix for the two tools (the Postfix daemon is left stopped).
# Usage: bench/send/run.sh [recipients=20000] [connections=4] [issue-kilobytes=38] [real|ceiling]
#   real:    every reader's message built by MessageTemplate (the whole per-reader path)
#   ceiling: every reader gets the first reader's bytes (claims, SMTP and recording alone)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-20000}; C=${2:-4}; KB=${3:-38}; MODE=${4:-real}; PORT=${PORT:-25250}

bench/install-postfix.sh
PATH=$PATH:/usr/sbin

mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP=target/test-classes:target/classes:$(cat target/bench-classpath.txt)

smtp-sink -u nobody 127.0.0.1:$PORT 1000 & SINK=$!
trap 'rc=$?; kill $SINK 2>/dev/null || true; exit $rc' EXIT
sleep 1

# ROUNDS alternating pairs (ours, then theirs), so both see the same load on a shared machine
for round in $(seq 1 "${ROUNDS:-1}"); do
  ours=$(java -Xmx256m -cp "$CP" org.mailroom.delivery.SendBench $PORT $N $C $KB $MODE 2>/dev/null | grep '^size=')
  echo "mailroom:    $ours"
  size=$(sed 's/.*size=\([0-9]*\).*/\1/' <<<"$ours")
  rate=$(sed 's/.*rate=\([0-9]*\).*/\1/' <<<"$ours")

  start=$(date +%s.%N)
  smtp-source -d -s $C -m $N -l $size -f news@example.org -t reader@example.com 127.0.0.1:$PORT >/dev/null
  end=$(date +%s.%N)
  theirs=$(echo "$N / ($end - $start)" | bc -l)
  printf 'smtp-source: size=%d messages=%d connections=%d rate=%.0f\n' $size $N $C $theirs
  printf 'send rate (%s), %d recipients, %d connections, %d-byte messages: mailroom %d/s, smtp-source %.0f/s, ratio %.2f (load %s)\n' \
    $MODE $N $C $size $rate $theirs "$(echo "$rate / $theirs" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
done
