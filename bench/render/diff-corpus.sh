#!/usr/bin/env bash
# Renders a corpus with two builds and compares every output file byte for byte: a change meant to make the
# renderer faster must not change what it writes.
# Usage: bench/render/diff-corpus.sh BEFORE.jar AFTER.jar [ISSUES_DIR]   (SHARED_DIR overrides ../shared)
# Compares email.html, email.source.html, email.txt, email.eml and the command's stdout and stderr (warnings).
# In email.eml the values that differ on every run anyway are masked first: Date, Message-ID and the MIME boundary.
# Exit 0 when nothing differs; otherwise prints the differing files and exits 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 2 ] || { sed -n '2,7p' "$0" >&2; exit 2; }
before="$1" after="$2"
corpus="${3:-${SHARED_DIR:-../shared}/corpus/twir}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
files=("$corpus"/*)
for side in before after; do
  jar="$before"; [ "$side" = after ] && jar="$after"
  java -jar "$jar" render "${files[@]}" --out "$out/$side" >"$out/$side.stdout" 2>"$out/$side.stderr" || true
  find "$out/$side" -name email.eml -print0 | xargs -0 sed -i -E \
    -e 's/^Date: .*/Date: (masked)/' -e 's/^Message-ID: .*/Message-ID: (masked)/' -e 's/=_mailroom_[A-Za-z0-9_-]+/=_mailroom_(masked)/g'
done
sed -i "s|$out/before|OUT|g" "$out/before.stderr"; sed -i "s|$out/after|OUT|g" "$out/after.stderr"
count=$(find "$out/before" -type f | wc -l)
if diff -rq "$out/before" "$out/after" >"$out/diff" && cmp -s "$out/before.stdout" "$out/after.stdout" \
   && cmp -s "$out/before.stderr" "$out/after.stderr"; then
  echo "${#files[@]} issues, $count files, stdout and stderr: identical"
else
  cat "$out/diff"
  cmp -s "$out/before.stdout" "$out/after.stdout" || echo "stdout differs"
  cmp -s "$out/before.stderr" "$out/after.stderr" || echo "stderr (warnings) differs"
  exit 1
fi
