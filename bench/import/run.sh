#!/usr/bin/env bash
# Import benchmark: generates a CSV of ROWS rows (default 1,000,000) in target/ and times
# `java -jar target/mailroom.jar subscribers import` on a fresh data folder. Builds the jar when it is missing.
# Usage: bench/import/run.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-1000000}"
[ -f target/mailroom.jar ] || mvn -B -q package -DskipTests

work=target/bench-import
rm -rf "$work" && mkdir -p "$work"
csv="$work/subscribers.csv"
# A realistic mix: names with commas and quotes (quoted fields), statuses, a few duplicates that merge.
awk -v n="$rows" 'BEGIN {
  print "email,name,status";
  for (i = 1; i <= n; i++) {
    if (i % 100 == 0) { printf "user%d@example%d.org,\"Doe, \"\"J\"\" %d\",unsubscribed\n", i, i % 997, i }
    else if (i % 1000 == 1 && i > 1) { printf "user%d@example%d.org,Again %d,\n", i - 1, (i - 1) % 997, i }
    else { printf "user%d@example%d.org,Reader %d,confirmed\n", i, i % 997, i }
  }
}' > "$csv"
printf 'db.url=jdbc:h2:file:%s/data/mailroom\ndata.dir=%s/data\n' "$PWD/$work" "$PWD/$work" > "$work/bench.properties"

echo "rows: $rows, file: $(du -h "$csv" | cut -f1), cores: $(nproc), java: $(java -version 2>&1 | head -1)"
start=$(date +%s.%N)
java -jar target/mailroom.jar subscribers import --config "$work/bench.properties" "$csv" < /dev/null
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v n="$rows" 'BEGIN { t = e - s; printf "import: %.1f s wall clock (JVM start included), %.0f rows/s\n", t, n / t }'
java -jar target/mailroom.jar subscribers count --config "$work/bench.properties"
