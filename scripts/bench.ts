/** `npm run bench -- <group>`: runs benchmark modules from scripts/bench/ and prints their timings (not a test). */
import { readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BenchOutput, BenchRow } from "./bench/types.js";

const here = dirname(fileURLToPath(import.meta.url));
const GROUPS: Record<string, string[]> = {
  metrics: ["rng", "retrieval", "pairwise", "clustering", "classification", "multilabel"],
};

async function main(): Promise<void> {
  const group = process.argv[2] ?? "metrics";
  const available = readdirSync(join(here, "bench"))
    .filter((f) => f.endsWith(".ts") && f !== "types.ts")
    .map((f) => basename(f, ".ts"));
  const wanted = GROUPS[group] ?? [group];
  const modules = wanted.filter((m) => available.includes(m));
  if (modules.length === 0) {
    console.error(
      `unknown bench group "${group}"; groups: ${Object.keys(GROUPS).join(", ")}; modules: ${available.join(", ")}`,
    );
    process.exit(2);
  }
  console.log(`embeval bench ${group} — node ${process.version}, ${new Date().toISOString()}`);
  const rows: BenchRow[] = [];
  for (const m of modules) {
    const mod = (await import(pathToFileURL(join(here, "bench", `${m}.ts`)).href)) as {
      bench: () => Promise<BenchRow[] | BenchOutput>;
    };
    const out = await mod.bench();
    for (const r of Array.isArray(out) ? out : out.rows) {
      rows.push(r);
      console.log(
        `${m.padEnd(15)} ${r.name.padEnd(34)} ${r.workload.padEnd(48)} ${r.ms.toFixed(1).padStart(10)} ms (median of ${r.reps})`,
      );
    }
  }
}

await main();
