/** Declared transforms applied by loadTaskData on local folders shaped like the tasks' Hub repos (configs, v1 layouts, split aliases). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stratifiedTrainTestSplit } from "../../../metrics/sampling/train-test-split.js";
import { loadTaskData } from "../../../src/data/load-task.js";
import { localSource } from "../../../src/data/source.js";
import { getTask } from "../../../tasks/registry/index.js";

const root = mkdtempSync(join(tmpdir(), "embeval-transform-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function repo(name: string, files: Record<string, unknown[] | string>): string {
  const dir = join(root, name);
  for (const [path, content] of Object.entries(files)) {
    const p = join(dir, path);
    mkdirSync(dirname(p), { recursive: true });
    const text = typeof content === "string" ? content : content.map((r) => JSON.stringify(r)).join("\n");
    writeFileSync(p, `${text}\n`);
  }
  return dir;
}

const card = (configs: Record<string, Record<string, string>>) =>
  [
    "---",
    "configs:",
    ...Object.entries(configs).flatMap(([name, splits]) => [
      `- config_name: ${name}`,
      "  data_files:",
      ...Object.entries(splits).flatMap(([split, path]) => [`  - split: ${split}`, `    path: ${path}`]),
    ]),
    "---",
  ].join("\n");

/** Python str-sorted class ids, as class_encode_column assigns them. */
function encode(values: readonly string[]): number[] {
  const names = [...new Set(values)].sort();
  return values.map((v) => names.indexOf(v));
}

describe("loadTaskData applies the declared transform", () => {
  it("StackExchangeClustering.v2: v1 cluster sets flattened, then stratified to 2048 rows (HF indices)", async () => {
    const sets = [0, 1, 2].map((s) => {
      const n = 1000;
      return {
        sentences: Array.from({ length: n }, (_, i) => `s${s * n + i}`),
        labels: Array.from({ length: n }, (_, i) => `topic${(s * 7 + i * i) % 23}`),
      };
    });
    const dir = repo("stackexchange", { "data/test.jsonl": sets });
    const data = await loadTaskData(
      getTask("StackExchangeClustering.v2"),
      localSource(dir),
      "test",
      "default",
    );
    if (data.kind !== "clustering-fast") throw new Error(data.kind);
    const flatLabels = sets.flatMap((s) => s.labels);
    const ids = encode(flatLabels);
    const want = stratifiedTrainTestSplit(ids, 2048, 42).test;
    expect(data.sentences).toHaveLength(2048);
    expect(data.sentences).toEqual(want.map((i) => `s${i}`));
    expect(data.labels).toEqual(want.map((i) => ids[i]));
  });

  it("XNLI: per-subset config, stratified 2048, neutral dropped, 2 -> 0 else 1, columns renamed", async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      premise: `p${i}`,
      hypothesis: `h${i}`,
      label: (i * 5 + (i >> 3)) % 3,
    }));
    const dir = repo("xnli", {
      "README.md": card({ en: { test: "en/test.jsonl", validation: "en/validation.jsonl" } }),
      "en/test.jsonl": rows,
      "en/validation.jsonl": rows.slice(0, 30),
    });
    const data = await loadTaskData(getTask("XNLI"), localSource(dir), "test", "en");
    if (data.kind !== "pair") throw new Error(data.kind);
    const test = stratifiedTrainTestSplit(
      rows.map((r) => r.label),
      2048,
      42,
    ).test.filter((i) => rows[i].label !== 1);
    expect(data.sentence1).toEqual(test.map((i) => `p${i}`));
    expect(data.sentence2).toEqual(test.map((i) => `h${i}`));
    expect(data.labels).toEqual(test.map((i) => (rows[i].label === 2 ? 0 : 1)));
    const small = await loadTaskData(getTask("XNLI"), localSource(dir), "validation", "en");
    if (small.kind !== "pair") throw new Error(small.kind);
    expect(small.sentence1).toEqual(rows.slice(0, 30).flatMap((r) => (r.label === 1 ? [] : [r.premise])));
  });

  it("TweetTopicSingleClassification: the train split is read from train_2021", async () => {
    const dir = repo("tweettopic", {
      "README.md": card({ default: { train_2021: "data/tr.jsonl", test_2021: "data/te.jsonl" } }),
      "data/tr.jsonl": [
        { text: "a", label: 1 },
        { text: "b", label: 2 },
      ],
      "data/te.jsonl": [{ text: "c", label: 1 }],
    });
    const spec = getTask("TweetTopicSingleClassification");
    const train = await loadTaskData(spec, localSource(dir), "train", "default");
    expect(train).toEqual({ kind: "classification", texts: ["a", "b"], labels: [1, 2] });
    const test = await loadTaskData(spec, localSource(dir), "test_2021", "default");
    expect(test).toEqual({ kind: "classification", texts: ["c"], labels: [1] });
  });

  it("SIB200ClusteringS2S: train+validation+test concatenated into test, labels class-encoded", async () => {
    const dir = repo("sib200", {
      "README.md": card({
        eng_Latn: { train: "eng/train.jsonl", validation: "eng/dev.jsonl", test: "eng/test.jsonl" },
      }),
      "eng/train.jsonl": [
        { text: "a", category: "travel" },
        { text: "b", category: "health" },
      ],
      "eng/dev.jsonl": [{ text: "c", category: "sports" }],
      "eng/test.jsonl": [{ text: "d", category: "travel" }],
    });
    const data = await loadTaskData(getTask("SIB200ClusteringS2S"), localSource(dir), "test", "eng_Latn");
    expect(data).toEqual({ kind: "clustering-fast", sentences: ["a", "b", "c", "d"], labels: [2, 0, 1, 2] });
  });

  it("a dataset split slice (load_dataset(split='test[:2]')) keeps the first rows of that split only", async () => {
    const dir = repo("sliced", {
      "data/test.jsonl": [0, 1, 2, 3].map((i) => ({ sentence1: `a${i}`, sentence2: `b${i}`, score: i })),
    });
    const base = getTask("STS13");
    const spec = { ...base, dataset: { ...base.dataset, split: "test[:2]" } };
    const data = await loadTaskData(spec, localSource(dir), "test", "default");
    expect(data).toEqual({ kind: "sts", sentence1: ["a0", "a1"], sentence2: ["b0", "b1"], scores: [0, 1] });
  });

  it("SprintDuplicateQuestions: one row of lists with sent1/sent2 renamed and unwrapped", async () => {
    const dir = repo("sprint", {
      "data/test.jsonl": [{ sent1: ["q1", "q2"], sent2: ["d1", "d2"], labels: [1, 0] }],
    });
    const data = await loadTaskData(getTask("SprintDuplicateQuestions"), localSource(dir), "test", "default");
    expect(data).toEqual({ kind: "pair", sentence1: ["q1", "q2"], sentence2: ["d1", "d2"], labels: [1, 0] });
  });
});
