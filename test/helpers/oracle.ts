/** Oracle case loader: finds the cases directory (ORACLE_CASES_DIR) and reads case files by name. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type NpyArray, readNpy } from "./npy.js";

const here = dirname(fileURLToPath(import.meta.url));

/** The oracle cases directory: $ORACLE_CASES_DIR or ../shared/oracle/cases next to the repo. */
export const ORACLE_CASES_DIR = resolve(
  process.env.ORACLE_CASES_DIR ?? join(here, "..", "..", "..", "shared", "oracle", "cases"),
);

/** One oracle case on disk. */
export interface OracleCase {
  name: string;
  dir: string;
  task: string;
  description: string;
  inputs: Record<string, string>;
  params: Record<string, unknown>;
  checks: string[];
  /** expected.json (parsed with NaN support). */
  expected: Record<string, unknown>;
  /** expected.alt.json if present (older scikit-learn behaviour). */
  expectedAlt: Record<string, unknown> | undefined;
  /** Read an input file named in `inputs` (or any file in the case folder). */
  json<T = unknown>(file: string): T;
  text(file: string): string;
  npy(file: string): NpyArray;
  has(file: string): boolean;
}

/** Parse JSON that may contain bare NaN / Infinity tokens (Python's json.dump output). */
export function parsePythonJson(text: string): unknown {
  const fixed = text.replace(/(?<=[:,[\s])(-?Infinity|NaN)(?=[\s,\]}])/g, '"__$1__"');
  return JSON.parse(fixed, (_k, v) => {
    if (v === "__NaN__") return Number.NaN;
    if (v === "__Infinity__") return Number.POSITIVE_INFINITY;
    if (v === "__-Infinity__") return Number.NEGATIVE_INFINITY;
    return v;
  });
}

/** Load one case by folder name. */
export function loadCase(name: string): OracleCase {
  const dir = join(ORACLE_CASES_DIR, name);
  const read = (f: string) => readFileSync(join(dir, f), "utf8");
  const meta = parsePythonJson(read("case.json")) as Record<string, unknown>;
  const altPath = join(dir, "expected.alt.json");
  return {
    name,
    dir,
    task: String(meta.task),
    description: String(meta.description ?? ""),
    inputs: (meta.inputs ?? {}) as Record<string, string>,
    params: (meta.params ?? {}) as Record<string, unknown>,
    checks: (meta.checks ?? []) as string[],
    expected: parsePythonJson(read("expected.json")) as Record<string, unknown>,
    expectedAlt: existsSync(altPath)
      ? (parsePythonJson(read("expected.alt.json")) as Record<string, unknown>)
      : undefined,
    json: <T>(f: string) => parsePythonJson(read(f)) as T,
    text: read,
    npy: (f: string) => readNpy(join(dir, f)),
    has: (f: string) => existsSync(join(dir, f)),
  };
}

/** All case folder names, optionally only those whose case.json `task` is in `tasks`. */
export function listCases(tasks?: string[]): string[] {
  if (!existsSync(ORACLE_CASES_DIR)) throw new Error(`ORACLE_CASES_DIR not found: ${ORACLE_CASES_DIR}`);
  const names = readdirSync(ORACLE_CASES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ORACLE_CASES_DIR, d.name, "case.json")))
    .map((d) => d.name)
    .sort();
  if (!tasks) return names;
  return names.filter((n) => {
    const meta = JSON.parse(readFileSync(join(ORACLE_CASES_DIR, n, "case.json"), "utf8")) as { task: string };
    return tasks.includes(meta.task);
  });
}

/** Parse a qrels/run TSV like the oracle: header if third field is not numeric; last duplicate wins. */
export function readTriples(text: string): [string, string, number][] {
  const out: [string, string, number][] = [];
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  lines.forEach((line, i) => {
    const parts = line.split("\t");
    const value = Number(parts[2]);
    if (i === 0 && (parts[2] === undefined || Number.isNaN(value) || parts[2].trim() === "")) return;
    out.push([parts[0], parts[1], value]);
  });
  return out;
}
