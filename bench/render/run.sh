#!/usr/bin/env bash
# Render benchmark (not a test): renders a whole corpus (default: the 634 TWiR issues) in one JVM and prints
# per-issue median and p99 times for parse, HTML, inline, text and MIME, plus the wall time including start-up.
# Usage: bench/render/run.sh [ISSUES_DIR] [--rounds N]   (SHARED_DIR overrides ../shared)
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus="${SHARED_DIR:-../shared}/corpus/twir"
rounds=5
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    *) corpus="$1"; shift ;;
  esac
done
[ -d "$corpus" ] || { echo "no corpus at $corpus (pass a folder or set SHARED_DIR)" >&2; exit 2; }
[ -f target/mailroom.jar ] || mvn -B -q package -DskipTests
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
files=("$corpus"/*)

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== cold: ${#files[@]} issues, one pass, one JVM (stage times include JIT warm-up)"
start=$(date +%s%N)
java -jar target/mailroom.jar render "${files[@]}" --out "$out/cold" --timings 2>&1 >/dev/null | grep -v ': warning: ' || true
echo "process wall time including start-up: $(( ($(date +%s%N) - start) / 1000000 )) ms"
echo "== warm: ${rounds} passes in one JVM, stage times of the second half"
java -jar target/mailroom.jar render "${files[@]}" --out "$out/warm" --timings --repeat "$rounds" 2>&1 >/dev/null | grep -v ': warning: ' | grep -v '^wall' || true

seed="${SHARED_DIR:-../shared}/seed/this-week-in-rust-578.md"
if [ -f "$seed" ]; then
  echo "== one issue (seed 578), 2000 renders in one JVM, stage times of the last 1000 (400 left the JIT unfinished: 7.0 ms against 5.0)"
  java -jar target/mailroom.jar render "$seed" --out "$out/seed" --timings --repeat 2000 2>&1 >/dev/null | grep -v ': warning: ' | grep -v '^wall' || true
fi
