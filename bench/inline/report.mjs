// Reads the JSON lines of several rounds of InlineBench and bench.mjs from standard input and prints,
// per file, each tool's best round (the least disturbed by other processes) and the ratios against ours.
import { readFileSync } from "node:fs";

const best = new Map();
for (const line of readFileSync(0, "utf8").split("\n")) {
  if (!line.startsWith("{")) continue;
  const r = JSON.parse(line);
  const key = r.file + "\u0000" + r.tool;
  const b = best.get(key);
  if (!b) best.set(key, { ...r });
  else for (const k of ["median_us", "p90_us", "cpu_median_us", "cpu_mean_us"]) b[k] = Math.min(b[k], r[k]);
}

const ms = (us) => (us / 1000).toFixed(2).padStart(8);
const files = [...new Set([...best.values()].map((r) => r.file))];
for (const file of files) {
  const rows = [...best.values()].filter((r) => r.file === file);
  const get = (tool) => rows.find((r) => r.tool === tool);
  console.log(`\n${file} (${(rows[0].bytes / 1024).toFixed(1)} KB)`);
  console.log("  tool                 median ms   p90 ms  CPU median  CPU mean (process)");
  for (const r of rows) console.log(`  ${r.tool.padEnd(20)} ${ms(r.median_us)} ${ms(r.p90_us)} ${ms(r.cpu_median_us)}    ${ms(r.cpu_mean_us)}`);
  const parse = get("css-parse-mailroom"), phCss = get("css-parse-ph-css");
  if (parse && phCss) console.log(`  CSS parsing: ours ${(phCss.median_us / parse.median_us).toFixed(0)}x faster than ph-css by median time`);
  const ours = get("mailroom");
  if (!ours) continue;
  for (const theirs of ["juice", "css-inline"].map(get).filter(Boolean)) {
    const ratio = (k) => (theirs[k] / ours[k]).toFixed(1) + "x";
    console.log(`  mailroom vs ${theirs.tool}: ${ratio("median_us")} faster by median time, ${ratio("cpu_median_us")} by CPU median, ${ratio("cpu_mean_us")} by process CPU mean`);
  }
}
