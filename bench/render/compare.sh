#!/usr/bin/env bash
# Issue 578's whole render (Markdown to inlined HTML, text and the sample MIME message) with two builds side by
# side, and css-inline (the yardstick: 2x its time on the same issue's page is the target) in the same rounds.
# Usage: bench/render/compare.sh BEFORE.jar AFTER.jar [ISSUE.md]
#   Environment: ROUNDS (6), WARMUP_MS (5000, of CPU time), RUNS (500). Each round starts one JVM per build and
#   one Node for css-inline, in an order that alternates between rounds; the report gives, per tool, the median
#   and the best of the rounds' medians, the thread's CPU time, the stages, and the load average of each round.
#   CORPUS=1 adds, in each round, the whole corpus rendered by each build in one JVM (`render` over every file, as
#   ../shared/checks/render-corpus runs it): wall time including start-up and the process's CPU time.
# css-inline needs `npm install` as bench/inline/run.sh does it (run that once); without it, it is left out.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 2 ] || { sed -n '2,8p' "$0" >&2; exit 2; }
before="$1" after="$2"
seed="${3:-${SHARED_DIR:-../shared}/seed/this-week-in-rust-578.md}"
corpus="${SHARED_DIR:-../shared}/corpus/twir"
ROUNDS=${ROUNDS:-6} WARMUP_MS=${WARMUP_MS:-5000} RUNS=${RUNS:-500}
NODE_DIR=target/bench-node SAMPLE=target/bench-inline-sample.html

mkdir -p target/render-bench
javac -d target/render-bench -cp "$after" src/test/java/org/mailroom/issue/RenderBench.java
css=0
if [ -d "$NODE_DIR/node_modules/@css-inline/css-inline" ] && [ -f "$SAMPLE" ]; then css=1
else echo "(css-inline left out: run bench/inline/run.sh once to install it and write $SAMPLE)" >&2; fi

results=$(mktemp)
trap 'rm -f "$results"' EXIT
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
  order=(before after); [ $((round % 2)) = 0 ] && order=(after before)
  for side in "${order[@]}"; do
    jar="$before"; [ "$side" = after ] && jar="$after"
    java -cp "$jar:target/render-bench" org.mailroom.issue.RenderBench "$side" "$WARMUP_MS" "$RUNS" "$seed" >>"$results"
  done
  if [ "${CORPUS:-0}" = 1 ]; then
    for side in "${order[@]}"; do
      jar="$before"; [ "$side" = after ] && jar="$after"
      out=$(mktemp -d)
      TIMEFORMAT="%R %U %S"
      t=$( { time java -jar "$jar" render "$corpus"/* --out "$out" >/dev/null 2>&1; } 2>&1 | tail -1)
      rm -rf "$out"
      echo "$t" | awk -v s="$side" '{ printf "{\"tool\":\"corpus-%s\",\"wall_s\":%s,\"cpu_s\":%.2f}\n", s, $1, $2 + $3 }' >>"$results"
    done
  fi
  [ $css = 1 ] && TOOLS=css-inline node bench/inline/bench.mjs "$NODE_DIR" "$WARMUP_MS" "$RUNS" "$SAMPLE" >>"$results"
  echo "{\"round\":$round,\"load\":\"$(cut -d' ' -f1 /proc/loadavg)\"}" >>"$results"
  echo "round $round/$ROUNDS done, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done
node bench/render/report.mjs <"$results"
