/**
 * `npm run bench -- <group|module>`: runs benchmark modules from scripts/bench/ in one process, prints their
 * timings and merges their rows and figures into reports/bench.json, then renders reports/bench.md from it.
 * `report` (the default) is issue 7's full benchmark and rewrites both files from scratch.
 */
import { readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { machineInfo } from "./bench/machine.js";
import { mergeReport, type ReportRow, readReport, writeReport } from "./bench/report.js";
import type { BenchFigures, BenchOutput, BenchRow } from "./bench/types.js";

const here = dirname(fileURLToPath(import.meta.url));
const REPORT_BASE = join(here, "..", "reports", "bench");
const GROUPS: Record<string, string[]> = {
  report: ["search", "retrieval", "clustering", "classification", "encode"],
  metrics: ["rng", "retrieval", "pairwise", "clustering", "classification", "multilabel"],
};
/** Files in scripts/bench/ that are helpers, not benchmark modules. */
const HELPERS = new Set([
  "types",
  "python",
  "report",
  "machine",
  "synthetic",
  "retrieval-reference",
  "sklearn-ref",
]);

async function main(): Promise<void> {
  const group = process.argv[2] ?? "report";
  const available = readdirSync(join(here, "bench"))
    .filter((f) => f.endsWith(".ts") && !HELPERS.has(basename(f, ".ts")))
    .map((f) => basename(f, ".ts"));
  const wanted = GROUPS[group] ?? [group];
  const modules = wanted.filter((m) => available.includes(m));
  if (modules.length === 0) {
    console.error(
      `unknown bench group "${group}"; groups: ${Object.keys(GROUPS).join(", ")}; modules: ${available.join(", ")}`,
    );
    process.exit(2);
  }
  const missing = wanted.filter((m) => !available.includes(m));
  if (missing.length > 0)
    console.error(`!!! bench modules not found in scripts/bench/: ${missing.join(", ")}`);
  const generated = new Date().toISOString();
  console.log(`embeval bench ${group} — node ${process.version}, ${generated}`);
  const rows: ReportRow[] = [];
  const figures: BenchFigures = {};
  const failed: string[] = [];
  for (const m of modules) {
    let out: BenchRow[] | BenchOutput;
    try {
      const mod = (await import(pathToFileURL(join(here, "bench", `${m}.ts`)).href)) as {
        bench?: () => Promise<BenchRow[] | BenchOutput>;
      };
      if (typeof mod.bench !== "function") throw new Error(`scripts/bench/${m}.ts exports no bench()`);
      out = await mod.bench();
    } catch (err) {
      console.error(`\n!!! bench module ${m} failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      failed.push(m);
      continue;
    }
    for (const r of Array.isArray(out) ? out : out.rows) {
      rows.push({ module: m, ...r });
      console.log(
        `${m.padEnd(15)} ${r.name.padEnd(34)} ${r.workload.padEnd(48)} ${r.ms.toFixed(1).padStart(10)} ms (median of ${r.reps})`,
      );
    }
    if (!Array.isArray(out)) Object.assign(figures, out.figures ?? {});
  }
  const done = modules.filter((m) => !failed.includes(m));
  const report = mergeReport(
    readReport(REPORT_BASE),
    { modules: done, rows, figures, machine: machineInfo(), generated },
    group === "report",
  );
  writeReport(REPORT_BASE, report);
  console.log(
    `wrote ${REPORT_BASE}.json and ${REPORT_BASE}.md (${Object.keys(figures).join(", ") || "no figures"})`,
  );
  if (failed.length > 0) {
    console.error(`failed modules: ${failed.join(", ")}`);
    process.exitCode = 1;
  }
}

await main();
