#!/usr/bin/env bash
# Renders a spread of real issues (every 27th of the corpus, 2014-2025) and the seed draft, then checks
# each with ../shared/checks/inline-equivalence: the inlined email must look exactly like the source with
# its stylesheet in Chromium. Prints one line per issue that differs and a summary.
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${SHARED_DIR:-../shared}
[ -f target/mailroom.jar ] || mvn -B -q package -DskipTests
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
files=$(ls "$shared"/corpus/twir/*.md* | awk 'NR%27==1')
java -jar target/mailroom.jar render $files "$shared/seed/this-week-in-rust-578.md" --out "$out" >/dev/null 2>&1 || true
pass=0; fail=0
for d in "$out"/*/; do
  r=$("$shared/checks/inline-equivalence" "$d/email.source.html" "$d/email.html" | tail -1)
  case "$r" in *"(100.0%)"*) pass=$((pass+1));; *) fail=$((fail+1)); echo "$(basename "$d"): $r";; esac
done
echo "$pass issues at 100%, $fail not"
[ "$fail" = 0 ]
