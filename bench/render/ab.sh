#!/usr/bin/env bash
# Several builds of the renderer in one JVM, taking turns on issue 578 every 20 renders: the thread's CPU time per
# render and the bytes allocated, per build (RenderAB). The steadiest comparison of builds on a shared machine, for
# the render alone (no MIME message, no css-inline: bench/render/compare.sh gives those, each build in its own JVM).
# Usage: bench/render/ab.sh [--issue ISSUE.md] [--rounds N] JAR...   (N: 200; SHARED_DIR overrides ../shared)
set -euo pipefail
cd "$(dirname "$0")/../.."
issue="${SHARED_DIR:-../shared}/seed/this-week-in-rust-578.md"
rounds=200
while [ $# -gt 0 ]; do
  case "$1" in
    --issue) issue="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { sed -n '2,5p' "$0" >&2; exit 2; }
mkdir -p target/render-bench
javac -d target/render-bench src/test/java/org/mailroom/issue/RenderAB.java
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp target/render-bench org.mailroom.issue.RenderAB "$issue" "$rounds" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
