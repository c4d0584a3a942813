// Times juice (TWiR's inliner) and css-inline (Rust, through its Node binding) on the same HTML files.
// Usage: node bench.mjs NODE_MODULES_DIR WARMUP_MS RUNS FILE...   (TOOLS=css-inline times only the tools named)
// Prints one JSON line per file and tool: per document, wall-clock median and p90, and the process's
// CPU time, median and mean (it counts V8's GC threads too; there is no per-thread figure in Node 20).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";

const [modules, warmupMs, runs, ...files] = process.argv.slice(2);
const require = createRequire(path.resolve(modules, "package.json"));
const juice = require("juice");
const cssInline = require("@css-inline/css-inline");

const tools = {
  juice: (html) => juice(html),
  "css-inline": (html) => cssInline.inline(html),
};

function measure(fn, html) {
  const c = process.cpuUsage(); // warm up for CPU time: a loaded machine gives less of it
  while ((process.cpuUsage(c).user + process.cpuUsage(c).system) / 1000 < Number(warmupMs)) fn(html);
  const times = [], cpus = [];
  for (let i = 0; i < Number(runs); i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    fn(html);
    times.push(Number(process.hrtime.bigint() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpus.push(c.user + c.system);
  }
  const mean = cpus.reduce((a, b) => a + b, 0) / cpus.length;
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  return {
    median_us: times[Math.floor(times.length / 2)],
    p90_us: times[Math.floor(times.length * 0.9)],
    cpu_median_us: cpus[Math.floor(cpus.length / 2)],
    cpu_mean_us: mean,
  };
}

const only = process.env.TOOLS ? process.env.TOOLS.split(",") : Object.keys(tools);
for (const file of files) {
  const html = readFileSync(file, "utf8");
  for (const [tool, fn] of Object.entries(tools).filter(([t]) => only.includes(t))) {
    console.log(JSON.stringify({ file, tool, bytes: Buffer.byteLength(html), ...measure(fn, html) }));
  }
}
