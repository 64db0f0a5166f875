/** Each load-time transform step of src/data/transform.ts on small rows, and stratified subsampling against HF's algorithm. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { stratifiedTrainTestSplit } from "../../../metrics/sampling/train-test-split.js";
import type { Row } from "../../../src/data/files/value.js";
import {
  applyStep,
  classEncodeRows,
  dropSingletonLabels,
  filterRows,
  flattenLists,
  mapValues,
  parseSplitSlice,
  type SplitContext,
  sliceRows,
  stratifiedSubsampleRows,
  transformSplit,
} from "../../../src/data/transform.js";
import type { TaskTransform, TransformStep } from "../../../tasks/transforms/types.js";

const ctx = (split: string, raw: Record<string, Row[]> = {}, evalSplits = ["test"]): SplitContext => ({
  split,
  evalSplits,
  readRaw: async (s) => {
    const rows = raw[s];
    if (!rows) throw new Error(`no split ${s}`);
    return rows;
  },
});
const step = (rows: Row[], s: TransformStep, split = "test") => applyStep(rows, s, ctx(split));
const col = (rows: Row[], c: string) => rows.map((r) => r[c]);

describe("row steps", () => {
  it("renameColumns keeps values and order, leaves other columns", () => {
    const out = step([{ sent1: "a", sent2: "b", x: 1 }], {
      kind: "renameColumns",
      map: { sent1: "sentence1", sent2: "sentence2" },
    });
    expect(out).toEqual([{ sentence1: "a", sentence2: "b", x: 1 }]);
  });

  it("removeColumns drops the named columns", () => {
    expect(step([{ a: 1, b: 2, c: 3 }], { kind: "removeColumns", columns: ["b", "c"] })).toEqual([{ a: 1 }]);
  });

  it("filter keeps rows whose value is in the list, honours notIn and the split scope", () => {
    const rows: Row[] = [0, 1, 2, 0, 2, 1].map((label, i) => ({ i, label }));
    expect(col(filterRows(rows, { column: "label", in: [0, 2] }), "i")).toEqual([0, 2, 3, 4]);
    expect(col(filterRows(rows, { column: "label", notIn: [1] }), "i")).toEqual([0, 2, 3, 4]);
    const scoped: TransformStep = {
      kind: "filter",
      where: { column: "label", in: [1] },
      splits: ["validation"],
    };
    expect(step(rows, scoped, "test")).toHaveLength(6);
    expect(step(rows, scoped, "validation")).toHaveLength(2);
  });

  it("mapValues maps by Python str with a fallback (XNLI: 2 -> 0, else 1)", () => {
    const rows: Row[] = [0, 2, 0, 2].map((label) => ({ label }));
    expect(col(mapValues(rows, "label", { "2": 0 }, 1), "label")).toEqual([1, 0, 1, 0]);
    expect(col(mapValues([{ v: "x" }, { v: "y" }], "v", { x: "X" }), "v")).toEqual(["X", "y"]);
  });

  it("classEncode uses sorted str class names: 10 sorts before 2", () => {
    const rows: Row[] = [2, 10, 1, 0, 10].map((label) => ({ label }));
    expect(col(classEncodeRows(rows, "label"), "label")).toEqual([3, 2, 1, 0, 2]);
    const strs: Row[] = ["neg", "pos", "neu", "neg"].map((label) => ({ label }));
    expect(col(step(strs, { kind: "classEncode", column: "label" }), "label")).toEqual([0, 2, 1, 0]);
  });

  it("flattenLists chains cluster sets; flat rows pass through; ragged rows are an error", () => {
    const sets: Row[] = [
      { sentences: ["a", "b"], labels: ["x", "y"] },
      { sentences: ["c"], labels: ["x"] },
    ];
    const flat = flattenLists(sets, ["labels", "sentences"]);
    expect(flat).toEqual([
      { labels: "x", sentences: "a" },
      { labels: "y", sentences: "b" },
      { labels: "x", sentences: "c" },
    ]);
    expect(flattenLists(flat, ["labels", "sentences"])).toEqual(flat);
    expect(() => flattenLists([{ sentences: ["a"], labels: ["x", "y"] }], ["labels", "sentences"])).toThrow(
      /differ in length/,
    );
  });

  it("splitString splits hierarchical labels", () => {
    const out = step([{ labels: "cs.AI" }, { labels: "math" }], {
      kind: "splitString",
      column: "labels",
      separator: ".",
    });
    expect(col(out, "labels")).toEqual([["cs", "AI"], ["math"]]);
  });

  it("dropSingletonLabels removes rows of labels seen once", () => {
    const rows: Row[] = ["a", "b", "a", "c", "b", "d"].map((labels, i) => ({ i, labels }));
    expect(col(dropSingletonLabels(rows, "labels"), "i")).toEqual([0, 1, 2, 4]);
  });

  it("trainTestSplit keeps HF's plain test part (spec 15.6: N=20, n_test=5 -> [15, 9, 14, 7, 12])", () => {
    const rows: Row[] = Array.from({ length: 20 }, (_, i) => ({ i }));
    const out = step(rows, { kind: "trainTestSplit", splits: ["test"], testSize: 5 });
    expect(col(out, "i")).toEqual([15, 9, 14, 7, 12]);
    expect(step(rows, { kind: "trainTestSplit", splits: ["test"], testSize: 5 }, "train")).toHaveLength(20);
    expect(() => step(rows.slice(0, 5), { kind: "trainTestSplit", splits: ["test"], testSize: 5 })).toThrow(
      /test_size=5/,
    );
  });
});

describe("stratified subsampling (AbsTask.stratified_subsampling)", () => {
  it("reproduces the spec vector: y = [0]*10+[1]*6+[2]*4, n=5 -> test [10, 11, 9, 17, 1]", () => {
    const y = [...Array(10).fill(0), ...Array(6).fill(1), ...Array(4).fill(2)];
    const rows: Row[] = y.map((label, i) => ({ i, label }));
    const out = step(rows, { kind: "stratifiedSubsample", splits: ["test"], label: "label", nSamples: 5 });
    expect(col(out, "i")).toEqual([10, 11, 9, 17, 1]);
  });

  it("splits out of scope or not longer than n_samples are only class-encoded", () => {
    const rows: Row[] = ["b", "a", "b", "a"].map((label, i) => ({ i, label }));
    const s: TransformStep = { kind: "stratifiedSubsample", splits: ["test"], label: "label", nSamples: 2 };
    expect(step(rows, s, "train")).toEqual(rows.map((r) => ({ ...r, label: r.label === "a" ? 0 : 1 })));
    const big: TransformStep = { ...s, nSamples: 4 };
    expect(col(step(rows, big), "i")).toEqual([0, 1, 2, 3]);
  });

  it("a list-valued label (multilabel) is E_UNSUPPORTED", () => {
    expect(() =>
      stratifiedSubsampleRows([{ label: [1, 2] }, { label: [1] }, { label: [2] }], {
        label: "label",
        nSamples: 1,
        seed: 42,
        subsample: true,
      }),
    ).toThrow(expect.objectContaining({ code: "E_UNSUPPORTED" }));
  });

  // Reference: HF datasets utils/stratify.py (first split) + class_encode_column, run with numpy 2.4.6.
  const label = (i: number) => {
    const m = i % 100;
    return m < 40 ? 0 : m < 60 ? 1 : 2 + (i % 11);
  };
  const rows: Row[] = Array.from({ length: 5000 }, (_, i) => ({ text: `t${i}`, label: label(i) }));

  it("a synthetic 5,000-row split gives exactly HF's indices (labels encoded in str order)", async () => {
    const t: TaskTransform = {
      source: "test",
      steps: [{ kind: "stratifiedSubsample", splits: "eval", label: "label", nSamples: 2048 }],
    };
    const out = await transformSplit(t, ctx("test", { test: rows }));
    const idx = out.map((r) => Number(String(r.text).slice(1)));
    expect(idx).toHaveLength(2048);
    expect(idx.slice(0, 20)).toEqual([
      273, 3289, 1920, 4111, 2818, 3049, 3806, 3785, 3411, 1773, 436, 1167, 13, 4401, 1023, 2651, 1361, 4278,
      1540, 3846,
    ]);
    expect(idx.slice(-10)).toEqual([1009, 3039, 3228, 2998, 673, 2617, 2275, 3488, 429, 3153]);
    expect(idx.reduce((a, b) => a + b, 0)).toBe(5079752);
    expect(createHash("sha256").update(idx.join(",")).digest("hex").slice(0, 16)).toBe("2fa0db1df67251bc");
    // HF's class names (printed by the reference): raw label 7 is id 10, raw 10 is id 2
    const names = ["0", "1", "10", "11", "12", "2", "3", "4", "5", "6", "7", "8", "9"];
    expect(out.map((r) => r.label)).toEqual(idx.map((i) => names.indexOf(String(label(i)))));
    const perClass = new Array<number>(13).fill(0);
    for (const r of out) perClass[Number(r.label)]++;
    expect(perClass).toEqual([819, 410, 74, 75, 75, 75, 75, 75, 74, 74, 74, 74, 74]);
  });

  it("matches stratifiedTrainTestSplit on the encoded labels, and differs from stratifying raw ints", async () => {
    const names = [...new Set(rows.map((r) => String(r.label)))].sort();
    const ids = rows.map((r) => names.indexOf(String(r.label)));
    const want = stratifiedTrainTestSplit(ids, 2048, 42).test;
    const out = stratifiedSubsampleRows(rows, { label: "label", nSamples: 2048, seed: 42, subsample: true });
    expect(out.map((r) => Number(String(r.text).slice(1)))).toEqual(want);
    expect(out.map((r) => r.label)).toEqual(want.map((i) => ids[i]));
    const raw = stratifiedTrainTestSplit(
      rows.map((r) => Number(r.label)),
      2048,
      42,
    ).test;
    expect(raw).not.toEqual(want);
  });
});

describe("split-level steps and slices", () => {
  it("splitAlias reads another split's rows", async () => {
    const t: TaskTransform = {
      source: "test",
      steps: [{ kind: "splitAlias", split: "train", from: "train_2021" }],
    };
    const out = await transformSplit(t, ctx("train", { train_2021: [{ a: 1 }], train: [{ a: 2 }] }));
    expect(out).toEqual([{ a: 1 }]);
  });

  it("concatSplits builds a split from others in order, then later steps apply (SIB200)", async () => {
    const t: TaskTransform = {
      source: "test",
      steps: [
        { kind: "concatSplits", into: "test", from: ["train", "validation", "test"] },
        { kind: "renameColumns", map: { category: "labels", text: "sentences" } },
        { kind: "classEncode", column: "labels" },
      ],
    };
    const raw = {
      train: [{ category: "travel", text: "a" }],
      validation: [{ category: "health", text: "b" }],
      test: [{ category: "travel", text: "c" }],
    };
    expect(await transformSplit(t, ctx("test", raw))).toEqual([
      { labels: 1, sentences: "a" },
      { labels: 0, sentences: "b" },
      { labels: 1, sentences: "c" },
    ]);
  });

  it("no transform returns the raw rows", async () => {
    expect(await transformSplit(undefined, ctx("test", { test: [{ a: 1 }] }))).toEqual([{ a: 1 }]);
  });

  it("parses HF split slices", () => {
    expect(parseSplitSlice("train[:256]")).toEqual({ split: "train", start: undefined, end: 256 });
    expect(parseSplitSlice("test")).toEqual({ split: "test", start: undefined, end: undefined });
    expect(parseSplitSlice("train[10:-5]")).toEqual({ split: "train", start: 10, end: -5 });
    expect(sliceRows([0, 1, 2, 3, 4, 5], parseSplitSlice("train[1:-2]"))).toEqual([1, 2, 3]);
    expect(sliceRows([0, 1, 2], parseSplitSlice("train[:256]"))).toEqual([0, 1, 2]);
    expect(() => parseSplitSlice("train[:10%]")).toThrow(expect.objectContaining({ code: "E_UNSUPPORTED" }));
    expect(() => parseSplitSlice("train+test")).toThrow(expect.objectContaining({ code: "E_UNSUPPORTED" }));
  });
});
