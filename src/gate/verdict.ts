/**
 * The gate's per-task verdict (embeval's own rule, issue 6 §3): a task fails when its main score drops by more than
 * `maxDrop` points (×100) and, where per-item values exist on both sides, the paired bootstrap finds the drop
 * significant (p < alpha); a task the candidate lost fails unless missing tasks are allowed.
 */
import type { ItemRecord } from "../results/items.js";
import { type AlignedRecords, alignRecords, pairedBootstrap, pairingProblem } from "./paired.js";

/** Thresholds and bootstrap settings. */
export interface GateOptions {
  /** Largest tolerated drop, in points (default 0.5). */
  readonly maxDrop: number;
  /** Significance level of the paired test (default 0.05). */
  readonly alpha: number;
  readonly seed: number;
  readonly resamples: number;
  /** Do not fail on tasks the baseline has and the candidate lacks. */
  readonly allowMissing: boolean;
}

/** Float slack (points) when comparing a drop with maxDrop. */
export const DROP_EPSILON = 1e-9;

/** Defaults of the CLI flags. */
export const DEFAULT_GATE: GateOptions = {
  maxDrop: 0.5,
  alpha: 0.05,
  seed: 42,
  resamples: 1000,
  allowMissing: false,
};

/**
 * `fail`: a drop beyond maxDrop (significant, or untestable); `drop`: beyond maxDrop but not significant;
 * `ok`: anything else; `missing`: scored in the baseline, not in the candidate; `new`: only in the candidate.
 */
export type TaskStatus = "fail" | "drop" | "ok" | "missing" | "new";

/** The paired test of a task, in points. */
export interface PairedTest {
  readonly delta: number;
  readonly pValue: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly resamples: number;
  readonly items: number;
}

/** One task's row. Scores and deltas are points (fraction × 100), unrounded. */
export interface TaskComparison {
  readonly task: string;
  readonly type: string | null;
  readonly baseline: number | null;
  readonly candidate: number | null;
  readonly delta: number | null;
  readonly test: PairedTest | null;
  /** Why there is no paired test (null when there is one, or when no score pair exists). */
  readonly testNote: string | null;
  readonly status: TaskStatus;
  /** True when the status fails the gate. */
  readonly failing: boolean;
}

/** What is known of one task on one side. */
export interface TaskSide {
  /** Fraction, as stored; null when not scored. */
  readonly score: number | null;
  readonly records: readonly ItemRecord[] | null;
  readonly note: string | null;
}

function testOf(
  base: TaskSide,
  cand: TaskSide,
  opts: GateOptions,
): { test: PairedTest | null; note: string | null } {
  if (base.records === null) return { test: null, note: `baseline: ${base.note ?? "no items"}` };
  if (cand.records === null) return { test: null, note: `candidate: ${cand.note ?? "no items"}` };
  const aligned: AlignedRecords[] = [];
  for (let i = 0; i < base.records.length; i++) {
    const b = base.records[i];
    const c = cand.records[i];
    const problem = c === undefined ? "record missing" : pairingProblem(b, c);
    if (problem !== null) return { test: null, note: `${b.split}/${b.subset}: ${problem}` };
    aligned.push(alignRecords(b, c));
  }
  const r = pairedBootstrap(aligned, { resamples: opts.resamples, seed: opts.seed });
  if (r.resamples === 0) return { test: null, note: "every resample was degenerate" };
  return {
    test: {
      delta: r.delta * 100,
      pValue: r.pValue,
      ciLow: r.ciLow * 100,
      ciHigh: r.ciHigh * 100,
      resamples: r.resamples,
      items: r.items,
    },
    note: null,
  };
}

/** Compares one task; a side is undefined when its tree has no file for the task. */
export function compareTask(
  task: string,
  type: string | null,
  base: TaskSide | undefined,
  cand: TaskSide | undefined,
  opts: GateOptions,
): TaskComparison {
  const b = base?.score ?? null;
  const c = cand?.score ?? null;
  const row = { task, type, baseline: b === null ? null : b * 100, candidate: c === null ? null : c * 100 };
  if (b === null || c === null) {
    const status: TaskStatus = b === null ? "new" : "missing";
    return {
      ...row,
      delta: null,
      test: null,
      testNote: null,
      status,
      failing: status === "missing" && !opts.allowMissing,
    };
  }
  const delta = (c - b) * 100;
  const { test, note } = testOf(base as TaskSide, cand as TaskSide, opts);
  // Stored scores have 6 decimals, so a drop of exactly maxDrop can come out 4e-16 larger: allow 1e-9 points.
  const beyond = -delta > opts.maxDrop + DROP_EPSILON;
  const status: TaskStatus = !beyond ? "ok" : test === null || test.pValue < opts.alpha ? "fail" : "drop";
  return { ...row, delta, test, testNote: note, status, failing: status === "fail" };
}
