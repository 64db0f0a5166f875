/** Dataset card `configs:` parsing, fsspec globs and default split patterns. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  defaultSplitFiles,
  globToRegExp,
  matchFiles,
  parseDatasetCard,
} from "../../../src/data/dataset-card.js";
import { fixtureSnapshot } from "../../helpers/shared.js";

describe("parseDatasetCard", () => {
  it("reads the SciFact card: default (qrels), corpus, queries", () => {
    const readme = readFileSync(
      join(fixtureSnapshot("mteb/scifact", "d56462d0e63a25450459c4f213e49ffdb866f7f9"), "README.md"),
      "utf8",
    );
    const configs = parseDatasetCard(readme);
    expect(configs.map((c) => c.name)).toEqual(["default", "corpus", "queries"]);
    expect(configs[0].dataFiles).toEqual([
      { split: "train", patterns: ["data/train-00000-of-00001.parquet"] },
      { split: "test", patterns: ["data/test-00000-of-00001.parquet"] },
    ]);
    expect(configs[1]).toMatchObject({ isDefault: false, dataFiles: [{ split: "corpus" }] });
  });
  it("accepts every data_files shape datasets accepts", () => {
    const card = `---
configs:
- config_name: a
  data_files: "x/*.parquet"
- config_name: b
  data_files:
    test: ["b/t1.jsonl", "b/t2.jsonl"]
- config_name: c
  default: true
  sep: "\\t"
  data_files:
  - split: dev
    path: c/dev.tsv
---
# body`;
    const [a, b, c] = parseDatasetCard(card);
    expect(a.dataFiles).toEqual([{ split: "train", patterns: ["x/*.parquet"] }]);
    expect(b.dataFiles).toEqual([{ split: "test", patterns: ["b/t1.jsonl", "b/t2.jsonl"] }]);
    expect(c).toMatchObject({ isDefault: true, extra: { sep: "\t" } });
  });
  it("no front matter or no configs gives []", () => {
    expect(parseDatasetCard("# just text")).toEqual([]);
    expect(parseDatasetCard("---\nlicense: mit\n---\n")).toEqual([]);
  });
  it("bad YAML and malformed configs are E_PARSE naming the file", () => {
    expect(() => parseDatasetCard("---\nconfigs: [\n---\n", "repo/README.md")).toThrowError(
      expect.objectContaining({ code: "E_PARSE", message: expect.stringContaining("repo/README.md") }),
    );
    expect(() => parseDatasetCard("---\nconfigs:\n- config_name: x\n---\n")).toThrowError(
      expect.objectContaining({
        code: "E_PARSE",
        message: expect.stringContaining('config "x" has no data_files'),
      }),
    );
  });
});

describe("globs", () => {
  it("* stays in a segment, ** crosses, ? and classes", () => {
    expect(globToRegExp("data/train-*").test("data/train-00000-of-00001.parquet")).toBe(true);
    expect(globToRegExp("data/*").test("data/x/y.parquet")).toBe(false);
    expect(globToRegExp("**/*.parquet").test("en/dev/x.parquet")).toBe(true);
    expect(globToRegExp("**/*.parquet").test("x.parquet")).toBe(true);
    expect(globToRegExp("t?st-[0-9].csv").test("test-7.csv")).toBe(true);
  });
  it("matchFiles is sorted and a pattern with no match is E_DATASET_MISSING", () => {
    const files = ["de/test-1.parquet", "de/test-0.parquet", "en/test-0.parquet"];
    expect(matchFiles(["de/*"], files, "cfg")).toEqual(["de/test-0.parquet", "de/test-1.parquet"]);
    expect(() => matchFiles(["fr/*"], files, "cfg")).toThrowError(
      expect.objectContaining({ code: "E_DATASET_MISSING" }),
    );
  });
});

describe("default split patterns", () => {
  it("maps train/dev/test file names like Hugging Face", () => {
    const files = ["README.md", "train.jsonl", "dev.jsonl", "test.jsonl.gz", "data/contest.jsonl"];
    expect(defaultSplitFiles(files)).toEqual([
      { split: "train", patterns: ["train.jsonl"] },
      { split: "validation", patterns: ["dev.jsonl"] },
      { split: "test", patterns: ["test.jsonl.gz"] },
    ]);
  });
});
