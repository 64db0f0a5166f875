/**
 * Applies a task's declared load-time transform (tasks/transforms.ts) to the rows of one split, reproducing mteb 2.20.0
 * `dataset_transform` steps and the HF datasets operations they call (`rename_columns`, `filter`, `class_encode_column`,
 * `train_test_split`, `AbsTask.stratified_subsampling`, split slices such as `train[:256]`); resplits and subset-driven
 * steps live in ./transform-resplit.ts and ./transform-subset.ts.
 */
import { classEncode, pyStr } from "../../metrics/sampling/class-encode.js";
import { stratifiedTrainTestSplit, trainTestSplit } from "../../metrics/sampling/train-test-split.js";
import type {
  CellValue,
  Predicate,
  SplitScope,
  TaskTransform,
  TransformStep,
} from "../../tasks/transforms/types.js";
import { EmbevalError } from "../errors.js";
import type { Row, Value } from "./files/value.js";
import { renameColumns } from "./rows.js";
import { checkBakedSubsample, RESPLIT_PARTS, resplitRows } from "./transform-resplit.js";
import { subsetLanguageColumns } from "./transform-subset.js";

export { subsetConfigName } from "./transform-subset.js";

/** mteb's default task seed (`AbsTask(seed=42)`). */
export const MTEB_SEED = 42;

/** What a transform needs to build one split. */
export interface SplitContext {
  /** The split being loaded (as the task names it). */
  readonly split: string;
  /** The task's metadata eval_splits (the `"eval"` scope). */
  readonly evalSplits: readonly string[];
  /** Read one raw split of the same subset (already sliced by the dataset's `split` argument, if any). */
  readonly readRaw: (split: string) => Promise<Row[]>;
  readonly seed?: number;
  /** The hf_subset being loaded (needed by subset-driven steps such as subsetLanguageColumns). */
  readonly subset?: string;
  /** For messages. */
  readonly where?: string;
}

/** HF split syntax `name`, `name[:N]`, `name[a:b]` (integer bounds, negatives from the end). */
export interface SplitSlice {
  readonly split: string;
  readonly start?: number;
  readonly end?: number;
}

/** Parse an HF split string; percentages and `+` unions are E_UNSUPPORTED. */
export function parseSplitSlice(text: string): SplitSlice {
  const m = /^([^[\]+]+?)(?:\[(-?\d*):(-?\d*)\])?$/.exec(text.trim());
  if (!m) {
    throw new EmbevalError("E_UNSUPPORTED", `split "${text}" is not of the form name or name[a:b]`, {
      hint: "percent slices and '+' unions of splits are not supported",
    });
  }
  const num = (s: string | undefined) => (s === undefined || s === "" ? undefined : Number(s));
  return { split: m[1], start: num(m[2]), end: num(m[3]) };
}

/** Rows of a slice, with Python slice semantics for the integer bounds. */
export function sliceRows<T>(rows: readonly T[], slice: SplitSlice): T[] {
  return rows.slice(slice.start ?? 0, slice.end ?? rows.length);
}

function inScope(scope: SplitScope | undefined, ctx: SplitContext): boolean {
  if (scope === undefined) return true;
  return (scope === "eval" ? ctx.evalSplits : scope).includes(ctx.split);
}

function cellKey(v: Value): string {
  if (v === null) return "None";
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return pyStr(v);
  return JSON.stringify(v);
}

const sameCell = (a: Value, b: CellValue): boolean =>
  a === b || (typeof a === "bigint" && typeof b === "number" && Number(a) === b);

/** `Dataset.filter` with a declarative predicate. */
export function filterRows(rows: readonly Row[], where: Predicate): Row[] {
  return rows.filter((r) => {
    const v = r[where.column] ?? null;
    if (where.in && !where.in.some((x) => sameCell(v, x))) return false;
    if (where.notIn?.some((x) => sameCell(v, x))) return false;
    return true;
  });
}

/** `map(lambda x: {col: MAP[str(x[col])]})`, values not in the map take `otherwise` (or are kept). */
export function mapValues(
  rows: readonly Row[],
  column: string,
  map: Readonly<Record<string, CellValue>>,
  otherwise?: CellValue,
): Row[] {
  return rows.map((r) => {
    const key = cellKey(r[column] ?? null);
    const next = key in map ? map[key] : otherwise !== undefined ? otherwise : r[column];
    return { ...r, [column]: next };
  });
}

/** `remove_columns`. */
export function removeColumns(rows: readonly Row[], cols: readonly string[]): Row[] {
  return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !cols.includes(k))));
}

function scalarLabels(rows: readonly Row[], column: string, where: string): (string | number | boolean)[] {
  return rows.map((r, i) => {
    const v = r[column];
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
    if (typeof v === "bigint") return Number(v);
    if (Array.isArray(v)) {
      throw new EmbevalError("E_UNSUPPORTED", `${where}: column "${column}" holds lists (multilabel)`, {
        hint: "mteb's multilabel stratified subsampling (_multilabel_subsampling) is not ported",
      });
    }
    throw new EmbevalError("E_PARSE", `${where}: row ${i} column "${column}" is ${JSON.stringify(v)}`);
  });
}

/** HF `class_encode_column` on one split: the column becomes ClassLabel ids in sorted-`str` order. */
export function classEncodeRows(rows: readonly Row[], column: string, where = "rows"): Row[] {
  const { ids } = classEncode(scalarLabels(rows, column, where));
  return rows.map((r, i) => ({ ...r, [column]: ids[i] }));
}

/** `AbsTask.stratified_subsampling` for one split: encode (unless ClassLabel), then HF's stratified test part. */
export function stratifiedSubsampleRows(
  rows: readonly Row[],
  opts: { label: string; nSamples: number; seed: number; subsample: boolean; labelIsClassLabel?: boolean },
  where = "rows",
): Row[] {
  const encoded = opts.labelIsClassLabel ? [...rows] : classEncodeRows(rows, opts.label, where);
  if (!opts.subsample || opts.nSamples >= encoded.length) return encoded;
  const labels = encoded.map((r) => Number(r[opts.label]));
  const { test } = stratifiedTrainTestSplit(labels, opts.nSamples, opts.seed);
  return test.map((i) => encoded[i]);
}

/** `itertools.chain.from_iterable` of list columns; rows that are already flat are returned as they are. */
export function flattenLists(rows: readonly Row[], cols: readonly string[], where = "rows"): Row[] {
  if (rows.length === 0 || !Array.isArray(rows[0][cols[0]])) return [...rows];
  const out: Row[] = [];
  rows.forEach((r, i) => {
    const lists = cols.map((c) => r[c]);
    if (!lists.every(Array.isArray)) {
      throw new EmbevalError(
        "E_PARSE",
        `${where}: row ${i} mixes list and scalar columns ${cols.join(", ")}`,
      );
    }
    const n = (lists[0] as Value[]).length;
    if (lists.some((l) => (l as Value[]).length !== n)) {
      throw new EmbevalError("E_SHAPE_MISMATCH", `${where}: row ${i} list columns differ in length`);
    }
    for (let k = 0; k < n; k++) {
      out.push(Object.fromEntries(cols.map((c, j) => [c, (lists[j] as Value[])[k]])));
    }
  });
  return out;
}

/** `record[col] = record[col].split(sep)`. */
export function splitStringColumn(rows: readonly Row[], column: string, separator: string): Row[] {
  return rows.map((r) => ({ ...r, [column]: String(r[column]).split(separator) }));
}

/** StackExchangeClusteringP2P.v2: drop the rows whose label occurs exactly once (mteb pops each solo label). */
export function dropSingletonLabels(rows: readonly Row[], column: string): Row[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const k = cellKey(r[column] ?? null);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return rows.filter((r) => counts.get(cellKey(r[column] ?? null)) !== 1);
}

/** Apply one row-level step to the rows of `ctx.split`. */
export function applyStep(rows: readonly Row[], step: TransformStep, ctx: SplitContext): Row[] {
  const where = ctx.where ?? ctx.split;
  const seed = ctx.seed ?? MTEB_SEED;
  switch (step.kind) {
    case "renameColumns":
      return renameColumns([...rows], step.map);
    case "removeColumns":
      return removeColumns(rows, step.columns);
    case "filter":
      return inScope(step.splits, ctx) ? filterRows(rows, step.where) : [...rows];
    case "mapValues":
      return inScope(step.splits, ctx) ? mapValues(rows, step.column, step.map, step.otherwise) : [...rows];
    case "classEncode":
      return classEncodeRows(rows, step.column, where);
    case "stratifiedSubsample":
      return stratifiedSubsampleRows(
        rows,
        {
          label: step.label,
          nSamples: step.nSamples,
          seed,
          subsample: inScope(step.splits, ctx),
          labelIsClassLabel: step.labelIsClassLabel,
        },
        where,
      );
    case "trainTestSplit":
      if (!inScope(step.splits, ctx)) return [...rows];
      return trainTestSplit(rows.length, step.testSize, seed).test.map((i) => rows[i]);
    case "flattenLists":
      return flattenLists(rows, step.columns, where);
    case "splitString":
      return splitStringColumn(rows, step.column, step.separator);
    case "named":
      return dropSingletonLabels(rows, step.column);
    case "resplit":
      return resplitRows(rows, step, ctx.split, seed, where);
    case "bakedSubsample":
      return checkBakedSubsample(rows, step, ctx.split, where);
    case "subsetLanguageColumns":
      if (ctx.subset === undefined) {
        throw new EmbevalError(
          "E_INVALID_ARGUMENT",
          `${where}: subsetLanguageColumns needs the subset being loaded`,
          {
            hint: "pass `subset` in the SplitContext",
          },
        );
      }
      return subsetLanguageColumns(rows, ctx.subset, where);
    case "splitAlias":
    case "concatSplits":
    case "subsetConfig":
      return [...rows];
  }
}

/** The raw rows a split is built from: its own, an aliased split's, a concatenation of splits, or a resplit source. */
async function sourceRows(transform: TaskTransform | undefined, ctx: SplitContext): Promise<Row[]> {
  for (const step of transform?.steps ?? []) {
    if (step.kind === "resplit" && RESPLIT_PARTS.includes(ctx.split)) return ctx.readRaw(step.from);
    if (step.kind === "splitAlias" && step.split === ctx.split) return ctx.readRaw(step.from);
    if (step.kind === "concatSplits" && step.into === ctx.split) {
      const parts: Row[] = [];
      for (const s of step.from) parts.push(...(await ctx.readRaw(s)));
      return parts;
    }
  }
  return ctx.readRaw(ctx.split);
}

/** Rows of `ctx.split` after the task's transform (no transform: the raw rows). */
export async function transformSplit(
  transform: TaskTransform | undefined,
  ctx: SplitContext,
): Promise<Row[]> {
  let rows = await sourceRows(transform, ctx);
  for (const step of transform?.steps ?? []) rows = applyStep(rows, step, ctx);
  return rows;
}
