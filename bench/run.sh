#!/usr/bin/env bash
# Every benchmark of issue 5 in turn, each printed as ours vs theirs (or vs the target) with the ratio, then one
# summary table. Installs what it needs (npm: juice, @css-inline/css-inline; Debian: postfix for smtp-sink and
# smtp-source, daemon left stopped). Not part of the test run. Full logs go to target/bench-logs/.
# Usage: bench/run.sh [--quick] [--million]
#   --quick    fewer rounds and recipients (about 5 minutes on 2 idle cores)
#   --million  also the 1,000,000-recipient import and campaign (scale), under -Xmx256m (an hour or more)
# Environment: SHARED_DIR (default ../shared: the TWiR corpus and the seed issue 578).
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=0; MILLION=0
for a in "$@"; do
  case "$a" in
    --quick) QUICK=1 ;;
    --million) MILLION=1 ;;
    *) echo "usage: bench/run.sh [--quick] [--million]" >&2; exit 2 ;;
  esac
done
export SHARED_DIR=${SHARED_DIR:-$([ -d ../shared ] && echo ../shared || echo /work/shared)}
SEED=$SHARED_DIR/seed/this-week-in-rust-578.md   # not exported: MAILROOM_* variables are Mailroom settings
LOGS=target/bench-logs; mkdir -p "$LOGS"
SUMMARY=$LOGS/summary.txt; : > "$SUMMARY"
bench/install-postfix.sh
mvn -B -q package -DskipTests
mvn -B -q test-compile

row() { printf '| %s | %s | %s | %s | %s |\n' "$@" | tee -a "$SUMMARY"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
met() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b ? "yes" : "no") }'; }
machine() { echo "$(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"; }
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| target | ours | theirs / target | ratio | met? |" | tee -a "$SUMMARY"
echo "| --- | --- | --- | --- | --- |" | tee -a "$SUMMARY"

# 1. Inliner: mailroom vs juice vs css-inline on issue 578's Pelican-like page (best of ROUNDS)
MAILROOM_SEED=$SEED ROUNDS=$([ $QUICK = 1 ] && echo 1 || echo 3) bench/inline/run.sh > "$LOGS/inline.txt" 2>"$LOGS/inline.err"
cat "$LOGS/inline.txt"
med() { awk -v t="$1" '$1 == t { print $2; exit }' "$LOGS/inline.txt"; }
ours=$(med mailroom); juice=$(med juice); css=$(med css-inline)
row "inliner <= css-inline (issue 578 page, median ms)" "$ours" "css-inline $css" "$(ratio "$ours" "$css")" "$(met "$ours" "$css")"
row "inliner vs juice (median ms)" "$ours" "juice $juice" "$(ratio "$juice" "$ours")x faster" "yes"

# 2. Render: issue 578 whole (Markdown to inlined HTML, text, MIME) vs 2x css-inline; the corpus in one JVM
bench/render/run.sh --rounds $([ $QUICK = 1 ] && echo 2 || echo 4) > "$LOGS/render.txt" 2>&1
cat "$LOGS/render.txt"
r578=$(awk '/one issue/ { seed = 1 } seed && $1 == "total" { print $3; exit }' "$LOGS/render.txt")
two=$(awk -v c="$css" 'BEGIN { printf "%.2f", 2 * c }')
row "render issue 578 whole <= 2x css-inline (median ms, warm)" "$r578" "2 x $css = $two" "$(ratio "$r578" "$two")" "$(met "$r578" "$two")"
corpus=$(awk '/process wall time including start-up/ { printf "%.1f", $(NF-1) / 1000 }' "$LOGS/render.txt")
row "corpus, one JVM incl. start-up < 10 s ($(machine))" "${corpus} s" "10 s" "$(ratio "$corpus" 10)" "$(met "$corpus" 10)"

# 3. Per recipient: personalize one message from the prepared campaign
bench/message/run.sh $([ $QUICK = 1 ] && echo 5000 || echo 20000) > "$LOGS/message.txt" 2>&1
cat "$LOGS/message.txt"
cell() { awk -F'|' -v c="$1" 'index($2, c) { gsub(/ /, "", $3); print $3; exit }' "$LOGS/message.txt"; }
sent=$(cell "reader(), written out"); pers=$(cell "personalize (byte[] copy)"); old=$(cell "MimeMessage per reader")
row "one reader's message < 20 us (median; what a sender writes out, from the prepared parts)" "${sent} us (as one new array: ${pers} us)" "20 us (MimeMessage per reader: ${old} us)" "$(ratio "$sent" 20)" "$(met "$sent" 20)"

# 4. Send: 4 connections into smtp-sink, every delivery recorded in H2, vs smtp-source; alternating rounds.
# A campaign of 100,000 (50,000 with --quick): a fresh JVM spends its first seconds compiling (about 10 s of JIT
# on these 2 cores), which a short run counts against the send; the 20,000 row shows that cold figure.
sendrow() { # log label
  local line mid
  line=$(grep '^send rate' "$1" | awk '{ r = $0; sub(/.*ratio /, "", r); split(r, a, " "); print a[1] "\t" $0 }' | sort -n | \
    awk '{ l[NR] = $0 } END { print l[int((NR + 1) / 2)] }' | cut -f2-)  # the median round by ratio
  mid=$(sed 's/.*ratio \([0-9.]*\).*/\1/' <<<"$line")
  row "$2 (median of $(grep -c '^send rate' "$1") rounds)" \
    "$(sed 's/.*mailroom \([0-9]*\/s\).*/\1/' <<<"$line")" "smtp-source $(sed 's/.*smtp-source \([0-9]*\/s\).*/\1/' <<<"$line")" \
    "$mid" "$(awk -v r="$mid" 'BEGIN { print (r >= 0.8 ? "yes" : "no") }')"
}
big=$([ $QUICK = 1 ] && echo 50000 || echo 100000)
ROUNDS=3 bench/send/run.sh $big 4 38 real | tee "$LOGS/send.txt"
sendrow "$LOGS/send.txt" "send >= 0.8 x smtp-source, 4 connections, $big recipients"
ROUNDS=$([ $QUICK = 1 ] && echo 1 || echo 3) bench/send/run.sh 20000 4 38 real | tee "$LOGS/send-cold.txt"
sendrow "$LOGS/send-cold.txt" "the same, 20,000 recipients: a fresh JVM, JIT warm-up included"

# 5. Scale: time per recipient at 10k, 100k (and 1M) under -Xmx256m; import of 1M (100k with --quick)
sizes="10000 100000"; [ $MILLION = 1 ] && sizes="10000 100000 1000000"
bench/scale/run.sh "$sizes" | tee "$LOGS/scale.txt"
first=$(head -1 "$LOGS/scale.txt" | sed 's/.*us_per_recipient=\([0-9]*\).*/\1/')
last=$(tail -1 "$LOGS/scale.txt" | sed 's/.*us_per_recipient=\([0-9]*\).*/\1/')
n=$(tail -1 "$LOGS/scale.txt" | sed 's/^scale \([0-9]*\).*/\1/')
heap=$(sed 's/.*heap_mb=\([0-9]*\).*/\1/' "$LOGS/scale.txt" | sort -n | tail -1)
row "time per recipient flat, 10k to $n" "${last} us at $n" "${first} us at 10000" "$(ratio "$last" "$first")" "$(awk -v r="$(ratio "$last" "$first")" 'BEGIN { print (r <= 1.25 ? "yes" : "no") }')"
row "memory bounded: campaign under -Xmx256m" "${heap} MB live at most" "256 MB" "$(ratio "$heap" 256)" "$(met "$heap" 256)"
bench/import/run.sh $([ $MILLION = 1 ] && echo 1000000 || echo 100000) | tee "$LOGS/import.txt"

# 6. HTTP under load: p99 of POST /subscribe and one-click unsubscribe at 200/s while a campaign sends
bench/http/run.sh 100000 200 $([ $QUICK = 1 ] && echo 10 || echo 30) | tee "$LOGS/http.txt"
p99=$(awk '/^http both/ { sub(/.*p99_ms=/, ""); print $1 }' "$LOGS/http.txt")
row "HTTP p99 < 50 ms at 200 req/s during a campaign" "${p99} ms" "50 ms" "$(ratio "$p99" 50)" "$(met "$p99" 50)"

echo; echo "summary ($(date -u '+%Y-%m-%d %H:%M UTC'), $(machine)):"; cat "$SUMMARY"
