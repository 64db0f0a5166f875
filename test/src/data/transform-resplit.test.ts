/** MultiHateClassification's resplit, BibleNLP's subset-driven config and columns, and the stale-source steps (baked guard, tolerant renames). */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Row } from "../../../src/data/files/value.js";
import { loadTaskData } from "../../../src/data/load-task.js";
import { localSource } from "../../../src/data/source.js";
import { type SplitContext, subsetConfigName, transformSplit } from "../../../src/data/transform.js";
import { checkBakedSubsample, itemCount, resplitRows } from "../../../src/data/transform-resplit.js";
import { engFirstIsoPair, subsetLanguageColumns } from "../../../src/data/transform-subset.js";
import { getTask } from "../../../tasks/registry/index.js";
import { TASK_TRANSFORMS } from "../../../tasks/transforms.js";
import { HF } from "../../metrics/rng/vectors.js";
import { TS } from "../../metrics/sampling/train-size-vectors.js";

const sha = (xs: readonly number[]) => createHash("sha256").update(xs.join(",")).digest("hex");
const ids = (rows: readonly Row[]) => rows.map((r) => Number(String(r.text).slice(1)));

const ctx = (split: string, raw: Record<string, Row[]>, subset?: string): SplitContext => ({
  split,
  subset,
  evalSplits: ["test"],
  readRaw: async (s) => {
    const rows = raw[s];
    if (!rows) throw new Error(`no split ${s}`);
    return rows;
  },
});

describe("resplitRows (HF train_test_split with train_size replacing the splits)", () => {
  const rows: Row[] = Array.from({ length: 20 }, (_, i) => ({ text: `t${i}` }));
  const step = { kind: "resplit", from: "test", trainSize: 10, testSize: 5 } as const;

  it("plain: spec 15.6 permutation, test = perm[:5], train = the next 10", () => {
    expect(ids(resplitRows(rows, step, "test", 42))).toEqual([15, 9, 14, 7, 12]);
    expect(ids(resplitRows(rows, step, "train", 42))).toEqual(HF.p1.train.slice(0, 10));
  });

  it("only train and test exist afterwards; stratifying needs ClassLabel ids; empty stays empty", () => {
    expect(() => resplitRows(rows, step, "validation", 42)).toThrow(
      expect.objectContaining({ code: "E_DATASET_MISSING" }),
    );
    const strs: Row[] = rows.map((r, i) => ({ ...r, f: i % 2 ? "a" : "b" }));
    expect(() => resplitRows(strs, { ...step, stratifyBy: "f" }, "test", 42)).toThrow(
      expect.objectContaining({ code: "E_INVALID_ARGUMENT" }),
    );
    expect(resplitRows([], step, "train", 42)).toEqual([]);
  });
});

// 3,728 rows shaped like a multi-hatecheck language: functionality ints (class-encoded in str order), is_hateful strings.
const fn = (i: number) => (i * i + Math.floor(i / 7)) % 29;
const hateRows: Row[] = Array.from({ length: 3728 }, (_, i) => ({
  text: `t${i}`,
  is_hateful: i % 3 === 0 ? "non-hateful" : "hateful",
  functionality: fn(i),
}));

describe("MultiHateClassification transform", () => {
  const t = TASK_TRANSFORMS.MultiHateClassification;

  it("train and test are HF's stratified parts of the raw test split (numpy reference indices)", async () => {
    const train = await transformSplit(t, ctx("train", { test: hateRows }));
    const test = await transformSplit(t, ctx("test", { test: hateRows }));
    expect(train).toHaveLength(1000);
    expect(test).toHaveLength(1000);
    expect(ids(train).slice(0, 8)).toEqual(TS.bigEncoded.trainHead);
    expect(ids(test).slice(0, 8)).toEqual(TS.bigEncoded.testHead);
    expect(sha(ids(train))).toBe(TS.bigEncoded.trainSha);
    expect(sha(ids(test))).toBe(TS.bigEncoded.testSha);
    expect(new Set([...ids(train), ...ids(test)]).size).toBe(2000);
    // is_hateful renamed to label and class-encoded ("hateful" 0, "non-hateful" 1); functionality removed
    expect(train[0]).toEqual({ text: "t775", label: 0 });
    expect(test.map((r) => r.label)).toEqual(ids(test).map((i) => (i % 3 === 0 ? 1 : 0)));
  });

  it("reads the raw test split even when the Hub has a train split", async () => {
    const train = await transformSplit(t, ctx("train", { test: hateRows, train: hateRows.slice(0, 5) }));
    expect(ids(train).slice(0, 8)).toEqual(TS.bigEncoded.trainHead);
  });

  it("loadTaskData: fast-loading default config split by lang, both parts per language", async () => {
    const dir = mkdtempSync(join(tmpdir(), "embeval-multihate-"));
    try {
      mkdirSync(join(dir, "data"));
      const lines = hateRows.flatMap((r) => [
        JSON.stringify({ ...r, lang: "eng" }),
        JSON.stringify({ ...r, text: `x${String(r.text).slice(1)}`, lang: "deu" }),
      ]);
      writeFileSync(join(dir, "data", "test.jsonl"), `${lines.join("\n")}\n`);
      const spec = getTask("MultiHateClassification");
      const train = await loadTaskData(spec, localSource(dir), "train", "eng");
      const test = await loadTaskData(spec, localSource(dir), "test", "deu");
      if (train.kind !== "classification" || test.kind !== "classification") throw new Error("kind");
      expect(train.texts.slice(0, 3)).toEqual(TS.bigEncoded.trainHead.slice(0, 3).map((i) => `t${i}`));
      expect(test.texts.slice(0, 3)).toEqual(TS.bigEncoded.testHead.slice(0, 3).map((i) => `x${i}`));
      expect(train.labels).toHaveLength(1000);
      expect(new Set(train.labels)).toEqual(new Set([0, 1]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("BibleNLPBitextMining subset config and language columns", () => {
  const t = TASK_TRANSFORMS.BibleNLPBitextMining;

  it("both directions of a pair read the config eng-xxx", () => {
    expect(subsetConfigName(t, "eng_Latn-aai_Latn")).toBe("eng-aai");
    expect(subsetConfigName(t, "aak_Arab-eng_Latn")).toBe("eng-aak");
    expect(engFirstIsoPair("cmn_Hans-eng_Latn")).toBe("eng-cmn");
    expect(subsetConfigName(undefined, "aak_Arab-eng_Latn")).toBe("aak_Arab-eng_Latn");
    expect(subsetConfigName(TASK_TRANSFORMS.XNLI, "en")).toBe("en");
    expect(() => engFirstIsoPair("eng_Latn")).toThrow(
      expect.objectContaining({ code: "E_INVALID_ARGUMENT" }),
    );
  });

  const config: Row[] = [
    { eng: "In the beginning", aai: "A1", verse: "GEN 1:1" },
    { eng: "And the earth", aai: "A2", verse: "GEN 1:2" },
  ];

  it("renames the language columns in the subset's order", async () => {
    const raw = { train: config };
    expect(await transformSplit(t, ctx("train", raw, "eng_Latn-aai_Latn"))).toEqual([
      { sentence1: "In the beginning", sentence2: "A1", verse: "GEN 1:1" },
      { sentence1: "And the earth", sentence2: "A2", verse: "GEN 1:2" },
    ]);
    const back = await transformSplit(t, ctx("train", raw, "aai_Latn-eng_Latn"));
    expect(back.map((r) => [r.sentence1, r.sentence2])).toEqual([
      ["A1", "In the beginning"],
      ["A2", "And the earth"],
    ]);
  });

  it("a missing language column is E_PARSE; a context without the subset is E_INVALID_ARGUMENT", async () => {
    expect(() => subsetLanguageColumns(config, "eng_Latn-aak_Arab")).toThrow(
      expect.objectContaining({ code: "E_PARSE", message: expect.stringContaining("aak") }),
    );
    await expect(transformSplit(t, ctx("train", { train: config }))).rejects.toMatchObject({
      code: "E_INVALID_ARGUMENT",
    });
  });
});

describe("stale sources: baked subsample guard and tolerant renames", () => {
  const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ text: `t${i}`, label: i % 3 }));
  const guard = { kind: "bakedSubsample", splits: ["test"], nSamples: 2048 } as const;

  it("a baked split passes unchanged; a longer one is E_DATASET_MISSING; other splits are not checked", () => {
    const ok = rows(2048);
    expect(checkBakedSubsample(ok, guard, "test")).toEqual(ok);
    expect(() => checkBakedSubsample(rows(2049), guard, "test")).toThrow(
      expect.objectContaining({ code: "E_DATASET_MISSING", message: expect.stringContaining("2049 rows") }),
    );
    expect(checkBakedSubsample(rows(5000), guard, "train")).toHaveLength(5000);
  });

  it("counts the items of a v1 layout (one row of lists per cluster set), not its rows", () => {
    const v1: Row[] = [
      { sentences: ["a", "b", "c"], labels: ["x", "y", "x"] },
      { sentences: ["d", "e"], labels: ["y", "y"] },
    ];
    expect(itemCount(v1)).toBe(5);
    expect(
      itemCount([
        { text: "a", label: [1, 2] },
        { text: "b", label: [3] },
      ]),
    ).toBe(2); // multilabel rows
    expect(itemCount([])).toBe(0);
    const big: Row[] = [{ sentences: rows(3000).map((r) => r.text), labels: rows(3000).map((r) => r.label) }];
    expect(() => checkBakedSubsample(big, guard, "test")).toThrow(
      expect.objectContaining({ code: "E_DATASET_MISSING" }),
    );
  });

  it("DBpediaClassification: 2048-row train/test pass, the original 70,000-row test would not", async () => {
    const t = TASK_TRANSFORMS.DBpediaClassification;
    expect(await transformSplit(t, ctx("train", { train: rows(2048) }))).toHaveLength(2048);
    await expect(transformSplit(t, ctx("test", { test: rows(2100) }))).rejects.toMatchObject({
      code: "E_DATASET_MISSING",
    });
  });

  it("a rename-only stale source is right on both layouts (original columns, or already renamed)", async () => {
    const t = TASK_TRANSFORMS.GujaratiNewsClassification;
    const original = [{ headline: "h", label: 2 }];
    const reuploaded = [{ text: "h", label: 2 }];
    expect(await transformSplit(t, ctx("test", { test: original }))).toEqual([{ text: "h", label: 2 }]);
    expect(await transformSplit(t, ctx("test", { test: reuploaded }))).toEqual([{ text: "h", label: 2 }]);
    const sts = TASK_TRANSFORMS.FaroeseSTS;
    const pair = { sentence1: "a", sentence2: "b" };
    expect(await transformSplit(sts, ctx("train", { train: [{ ...pair, label: 3.5 }] }))).toEqual([
      { ...pair, score: 3.5 },
    ]);
  });
});
