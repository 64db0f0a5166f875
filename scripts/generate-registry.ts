/** Generates tasks/registry/generated/{tasks,suites}.json from mteb 2.20.0's extracted metadata: `npx tsx scripts/generate-registry.ts [tasks-all-text.json] [benchmarks.json] [--out dir]`. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildRegistry } from "../tasks/registry/build.js";
import type { JsonValue } from "../tasks/types.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Default inputs: the shared mteb extract next to the repository. */
export const DEFAULT_TASKS_PATH = resolve(root, "../shared/mteb/tasks-all-text.json");
export const DEFAULT_BENCHMARKS_PATH = resolve(root, "../shared/mteb/benchmarks.json");
/** Where the committed registry files live. */
export const GENERATED_DIR = resolve(root, "tasks/registry/generated");

function readJson(path: string): JsonValue {
  return JSON.parse(readFileSync(path, "utf8")) as JsonValue;
}

/** Reads the inputs, builds the registry and writes the files; returns the written paths. */
export function generateRegistry(tasksPath: string, benchmarksPath: string, outDir: string): string[] {
  const files = buildRegistry(readJson(tasksPath), readJson(benchmarksPath));
  mkdirSync(outDir, { recursive: true });
  return Object.entries(files).map(([name, text]) => {
    const p = join(outDir, name);
    writeFileSync(p, text);
    return p;
  });
}

function main(argv: string[]): void {
  const positional: string[] = [];
  let out = GENERATED_DIR;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") out = resolve(argv[++i] ?? "");
    else positional.push(argv[i]);
  }
  const tasksPath = positional[0] ? resolve(positional[0]) : DEFAULT_TASKS_PATH;
  const benchPath = positional[1] ? resolve(positional[1]) : DEFAULT_BENCHMARKS_PATH;
  for (const p of generateRegistry(tasksPath, benchPath, out)) console.log(`wrote ${p}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
