// Reads the JSON lines of compare.sh's rounds (RenderBench, bench.mjs, load marks) from standard input and prints,
// per tool, the median and the best of its rounds' medians, and the ratios against 2x css-inline (issue 5's target).
import { readFileSync } from "node:fs";

const rows = new Map();
const loads = [];
const corpus = {};
for (const line of readFileSync(0, "utf8").split("\n")) {
  if (!line.startsWith("{")) continue;
  const r = JSON.parse(line);
  if (r.round) { loads.push(r.load); continue; }
  if (r.tool.startsWith("corpus-")) { (corpus[r.tool] ??= []).push(r); continue; }
  if (!rows.has(r.tool)) rows.set(r.tool, []);
  rows.get(r.tool).push(r);
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const ms = (us) => (us / 1000).toFixed(2).padStart(7);
const stat = (tool, k) => rows.get(tool).map((r) => r[k]);

console.log(`load average (1 min) after each round: ${loads.join(", ")}`);
console.log("tool          rounds  median ms  best ms   CPU ms   parse   html  inline   text   mime   (medians of the rounds' medians)");
for (const [tool, rs] of rows) {
  const stage = (k) => (rs[0][k] === undefined ? "      -" : ms(median(stat(tool, k))));
  console.log(`${tool.padEnd(13)} ${String(rs.length).padStart(6)} ${ms(median(stat(tool, "median_us")))}   ${ms(Math.min(...stat(tool, "median_us")))}  ${ms(median(stat(tool, "cpu_median_us")))}`
    + ` ${stage("parse_us")}${stage("html_us")}${stage("inline_us")}${stage("text_us")}${stage("mime_us")}`);
}
const css = rows.get("css-inline");
for (const tool of ["before", "after"].filter((t) => rows.has(t))) {
  const ours = median(stat(tool, "median_us"));
  const line = [`${tool}: ${(ours / 1000).toFixed(2)} ms`];
  if (css) line.push(`${(ours / (2 * median(stat("css-inline", "median_us")))).toFixed(2)} x the target (2 x css-inline)`);
  if (tool === "after" && rows.has("before")) line.push(`${(median(stat("before", "median_us")) / ours).toFixed(2)}x faster than before`);
  console.log(line.join(", "));
}
for (const [tool, rs] of Object.entries(corpus)) {
  const wall = rs.map((r) => r.wall_s), cpu = rs.map((r) => r.cpu_s);
  console.log(`${tool}: whole corpus in one JVM, start-up included: wall ${median(wall).toFixed(1)} s median (best ${Math.min(...wall).toFixed(1)} s), CPU ${median(cpu).toFixed(1)} s median, over ${rs.length} rounds`);
}
