#!/usr/bin/env bash
# Micro-benchmark of the per-reader message path (MessageBench, a main class in src/test, not a test).
# Usage: bench/message/run.sh [messages per case, default 20000]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q test-compile
cp_file=target/message-bench.classpath
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
exec java -Xms512m -Xmx512m -XX:+UseParallelGC -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
  org.mailroom.message.MessageBench "$@"
