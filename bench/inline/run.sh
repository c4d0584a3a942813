#!/usr/bin/env bash
# Benchmark of the CSS inliner against juice (TWiR's inliner) and css-inline (Rust), side by side in one run.
# Usage: bench/inline/run.sh [FILE.html ...]
#   Without files it inlines the seed issue (../shared/seed/this-week-in-rust-578.md, or $MAILROOM_SEED)
#   rendered by flexmark into the test theme (about 47 KB, about 100 rules); give it the renderer's
#   email.source.html files once they exist.
# Environment: ROUNDS (3), WARMUP_MS (3000, of CPU time), RUNS (300). Each round runs every tool; the report keeps each
# tool's best round, because on a shared machine other processes disturb some rounds more than others.
# Times per document: wall-clock median and p90, CPU time median (Java: the thread's; Node: the process's)
# and the process's CPU time mean (GC and JIT threads included).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-3} WARMUP_MS=${WARMUP_MS:-3000} RUNS=${RUNS:-300}
NODE_DIR=target/bench-node

if [ ! -d "$NODE_DIR/node_modules/juice" ] || [ ! -d "$NODE_DIR/node_modules/@css-inline/css-inline" ]; then
  mkdir -p "$NODE_DIR"
  [ -f "$NODE_DIR/package.json" ] || echo '{"name":"mailroom-inline-bench","private":true}' > "$NODE_DIR/package.json"
  (cd "$NODE_DIR" && npm install --no-audit --no-fund --silent juice @css-inline/css-inline >&2)
fi
mvn -B -q test-compile >&2
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
JAVA=(java -Xms512m -Xmx512m -cp "$CP" org.mailroom.issue.inline.InlineBench)

FILES=("$@")
if [ ${#FILES[@]} -eq 0 ]; then
  SEED=${MAILROOM_SEED:-../shared/seed/this-week-in-rust-578.md}
  [ -f "$SEED" ] || { echo "run.sh: no input: give HTML files, or MAILROOM_SEED=path/to/issue.md" >&2; exit 2; }
  FILES=(target/bench-inline-sample.html)
  "${JAVA[@]}" --sample "$SEED" "${FILES[0]}"
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java $(java -version 2>&1 | head -1 | cut -d'"' -f2), node $(node --version), juice $(node -p "require('./$NODE_DIR/node_modules/juice/package.json').version"), css-inline $(node -p "require('./$NODE_DIR/node_modules/@css-inline/css-inline/package.json').version")"
RESULTS=$(mktemp)
for round in $(seq "$ROUNDS"); do
  echo "round $round/$ROUNDS" >&2
  "${JAVA[@]}" "$WARMUP_MS" "$RUNS" "${FILES[@]}" | tee -a "$RESULTS" >&2
  node bench/inline/bench.mjs "$NODE_DIR" "$WARMUP_MS" "$RUNS" "${FILES[@]}" | tee -a "$RESULTS" >&2
done
"${JAVA[@]}" --parsers "$WARMUP_MS" "$RUNS" src/test/resources/inline/theme/email.css | tee -a "$RESULTS" >&2
node bench/inline/report.mjs < "$RESULTS"
rm -f "$RESULTS"
