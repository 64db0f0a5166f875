/**
 * embeval's per-item sidecar (`<revision>/.embeval/<Task>.items.jsonl`, see layout.ts sidecarPath): JSON Lines, one
 * record per (split, subset) with the per-item values behind the main score, read by the `embeval compare` gate.
 * embeval's own format (mteb writes nothing like it).
 */
import { readFile } from "node:fs/promises";
import { EmbevalError } from "../errors.js";
import { sidecarPath } from "./layout.js";
import { writeFileAtomic } from "./store.js";

/**
 * How the main score follows from the values: `mean` (e.g. per-query nDCG@10 → its mean), `accuracy` (per-item
 * correctness in [0, 1] → its mean), `correlation` (per-pair `[gold, prediction]` → Spearman, or Pearson with
 * `statistic: "pearson"`, over the pairs).
 */
export type ItemKind = "mean" | "correlation" | "accuracy";

interface ItemRecordBase {
  readonly split: string;
  readonly subset: string;
  /** The metric the values are items of, e.g. `ndcg_at_10`, `accuracy`, `cosine_spearman`. */
  readonly metric: string;
  /** Item ids (query ids, test-row indices, pair indices as strings); unique within the record. */
  readonly ids: readonly string[];
}

/** Per-item values whose mean is the score (`mean`, `accuracy`). Values are fractions like the main score. */
export interface ScalarItemRecord extends ItemRecordBase {
  readonly kind: "mean" | "accuracy";
  readonly values: readonly number[];
}

/** Per-pair `[gold, prediction]` whose correlation is the score (STS-like tasks). */
export interface PairItemRecord extends ItemRecordBase {
  readonly kind: "correlation";
  /** Default `spearman` (mteb's STS main score is cosine_spearman). */
  readonly statistic?: "spearman" | "pearson";
  readonly values: readonly (readonly [number, number])[];
}

/** One line of the sidecar. */
export type ItemRecord = ScalarItemRecord | PairItemRecord;

const KINDS: readonly string[] = ["mean", "correlation", "accuracy"];

function bad(source: string, what: string): EmbevalError {
  return new EmbevalError("E_PARSE", `${source}: ${what}`, {
    hint: 'each line must be {"split", "subset", "metric", "kind": "mean"|"accuracy"|"correlation", "ids", "values"}',
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * Checks one parsed record: field types, ids unique and as many as values, finite values (accuracy in [0, 1],
 * correlation values as `[gold, prediction]` pairs), no empty record, no duplicate (split, subset). Returns it typed.
 */
export function asItemRecord(v: unknown, source: string): ItemRecord {
  if (!isObject(v)) throw bad(source, "expected a JSON object");
  for (const key of ["split", "subset", "metric"]) {
    if (typeof v[key] !== "string" || (v[key] as string).length === 0)
      throw bad(source, `"${key}" must be a non-empty string`);
  }
  if (typeof v.kind !== "string" || !KINDS.includes(v.kind))
    throw bad(source, `"kind" must be one of ${KINDS.join(", ")}, got ${JSON.stringify(v.kind)}`);
  const { ids, values } = v;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string"))
    throw bad(source, '"ids" must be an array of strings');
  if (!Array.isArray(values)) throw bad(source, '"values" must be an array');
  if (ids.length === 0) {
    throw new EmbevalError("E_EMPTY_INPUT", `${source}: record has no items`, {
      hint: "leave out (split, subset) pairs without items",
    });
  }
  if (ids.length !== values.length) {
    throw new EmbevalError("E_SHAPE_MISMATCH", `${source}: ${ids.length} ids but ${values.length} values`, {
      hint: "ids and values are parallel arrays",
    });
  }
  if (new Set(ids).size !== ids.length) throw bad(source, '"ids" has duplicates');
  const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
  if (v.kind === "correlation") {
    if (v.statistic !== undefined && v.statistic !== "spearman" && v.statistic !== "pearson")
      throw bad(source, '"statistic" must be "spearman" or "pearson"');
    for (const p of values) {
      if (!Array.isArray(p) || p.length !== 2)
        throw bad(source, "correlation values must be [gold, prediction]");
      if (!finite(p[0]) || !finite(p[1]))
        throw new EmbevalError("E_NOT_FINITE", `${source}: a [gold, prediction] pair is not finite`);
    }
  } else {
    for (const x of values) {
      if (typeof x !== "number") throw bad(source, '"values" must be numbers');
      if (!finite(x)) throw new EmbevalError("E_NOT_FINITE", `${source}: a value is not finite`);
      if (v.kind === "accuracy" && (x < 0 || x > 1))
        throw bad(source, `accuracy values must lie in [0, 1], got ${x}`);
    }
  }
  return v as unknown as ItemRecord;
}

function checkUniquePairs(records: readonly ItemRecord[], source: string): void {
  const seen = new Set<string>();
  for (const r of records) {
    const key = JSON.stringify([r.split, r.subset]);
    if (seen.has(key)) throw bad(source, `two records for split "${r.split}", subset "${r.subset}"`);
    seen.add(key);
  }
}

/** The JSON Lines text of records (validated; keys in the documented order, one record per line). */
export function serializeItems(records: readonly ItemRecord[], source = "items"): string {
  records.forEach((r, i) => {
    asItemRecord(r, `${source} record ${i}`);
  });
  checkUniquePairs(records, source);
  return records
    .map((r) => {
      const out: Record<string, unknown> = {
        split: r.split,
        subset: r.subset,
        metric: r.metric,
        kind: r.kind,
      };
      if (r.kind === "correlation" && r.statistic !== undefined) out.statistic = r.statistic;
      out.ids = r.ids;
      out.values = r.values;
      return `${JSON.stringify(out)}\n`;
    })
    .join("");
}

/** Parses sidecar text; errors name the line. */
export function parseItems(text: string, source = "items"): ItemRecord[] {
  const records: ItemRecord[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim().length === 0) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new EmbevalError("E_PARSE", `${source}:${i + 1}: not JSON: ${(e as Error).message}`, {
        cause: e,
      });
    }
    records.push(asItemRecord(v, `${source}:${i + 1}`));
  });
  checkUniquePairs(records, source);
  return records;
}

/** Writes records to a sidecar file atomically. */
export async function writeItems(path: string, records: readonly ItemRecord[]): Promise<void> {
  await writeFileAtomic(path, serializeItems(records, path));
}

/** Reads a sidecar file; E_IO when it cannot be read. */
export async function readItems(path: string): Promise<ItemRecord[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new EmbevalError("E_IO", `cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  return parseItems(text, path);
}

/** Writes a task's sidecar in a revision folder (`<dir>/.embeval/<Task>.items.jsonl`). */
export async function writeTaskItems(
  dir: string,
  task: string,
  records: readonly ItemRecord[],
): Promise<void> {
  await writeItems(sidecarPath(dir, task, "items"), records);
}

/** Reads a task's sidecar from a revision folder; null when there is none. */
export async function readTaskItems(dir: string, task: string): Promise<ItemRecord[] | null> {
  const path = sidecarPath(dir, task, "items");
  try {
    return parseItems(await readFile(path, "utf8"), path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    if (e instanceof EmbevalError) throw e;
    throw new EmbevalError("E_IO", `cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
}
