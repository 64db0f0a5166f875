/** TaskResult files: byte-identical round trips of published mteb files, layout paths, atomic writes, coded errors. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  experimentKey,
  modelFolderName,
  parseExperimentKey,
  resultDir,
  sidecarPath,
  taskResultPath,
} from "../../../src/results/layout.js";
import { readTaskResult, serializeTaskResult, writeTaskResult } from "../../../src/results/store.js";
import { mainScoreOf, type TaskResult } from "../../../src/results/task-result.js";
import { SHARED_DIR } from "../../helpers/shared.js";

function taskFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...taskFiles(p));
    else if (e.name.endsWith(".json") && e.name !== "model_meta.json" && e.name !== "MANIFEST.json")
      out.push(p);
  }
  return out;
}

describe("published mteb result files", () => {
  const files = taskFiles(join(SHARED_DIR, "results"));
  it("finds the published results (../shared/results)", () => {
    expect(files.length).toBeGreaterThan(1000);
  });
  it("every indent=2 file reads and re-serializes byte for byte (NaN tokens included)", async () => {
    let compared = 0;
    let withNaN = 0;
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      if (!text.startsWith('{\n  "')) continue; // a few files were re-written with indent=4 by other tools
      const r = await readTaskResult(f);
      // Old mteb versions did not round; some files gained a final newline later.
      expect(serializeTaskResult(r, { round: false }), f).toBe(text.replace(/\n$/, ""));
      if (!/\d\.\d{7}/.test(text)) expect(serializeTaskResult(r), f).toBe(text.replace(/\n$/, ""));
      compared++;
      if (text.includes("NaN")) withNaN++;
    }
    expect(compared).toBeGreaterThan(1000);
    expect(withNaN).toBeGreaterThan(0);
  });
});

const result: TaskResult = {
  dataset_revision: "abc",
  task_name: "STS16",
  mteb_version: "2.20.0",
  scores: {
    test: [
      {
        cosine_spearman: 0.1234565,
        pearson: 1,
        nested: [0.12345678, { x: 1e-7 }],
        main_score: 0.1234565,
        hf_subset: "default",
        languages: ["eng-Latn"],
      },
    ],
  },
  evaluation_time: 1.23456789,
  kg_co2_emissions: null,
};

describe("writing", () => {
  const root = mkdtempSync(join(tmpdir(), "embeval-results-"));
  it("rounds every score float with Python's round(x, 6) but not evaluation_time, in mteb's key order", async () => {
    const path = taskResultPath(resultDir(root, "org/model", "rev1"), "STS16");
    await writeTaskResult(path, result);
    const text = readFileSync(path, "utf8");
    expect(text).toContain('"cosine_spearman": 0.123456,');
    expect(text).toContain('"pearson": 1.0,');
    expect(text).toContain('"x": 0.0');
    expect(text).toContain('"evaluation_time": 1.23456789,');
    expect(text.indexOf('"dataset_revision"')).toBeLessThan(text.indexOf('"scores"'));
    const back = await readTaskResult(path);
    expect(mainScoreOf(back, "test", "default")).toBe(0.123456);
    expect(mainScoreOf(back, "test", "xx")).toBeUndefined();
    expect(readdirSync(join(root, "org__model", "rev1"))).toEqual(["STS16.json"]);
  });
  it("a failed write leaves the previous file intact and no temp file", async () => {
    const dir = join(root, "ro");
    mkdirSync(dir);
    const path = join(dir, "T.json");
    writeFileSync(path, "old");
    mkdirSync(`${path}.dir-blocker`);
    // Writing over a path that is a directory fails at rename time.
    await expect(writeTaskResult(`${path}.dir-blocker`, result)).rejects.toMatchObject({ code: "E_IO" });
    expect(readFileSync(path, "utf8")).toBe("old");
    expect(readdirSync(dir).sort()).toEqual(["T.json", "T.json.dir-blocker"]);
    expect(statSync(`${path}.dir-blocker`).isDirectory()).toBe(true);
  });
  it("malformed files are E_PARSE naming the file", async () => {
    const bad = join(root, "bad.json");
    writeFileSync(bad, '{"task_name": "X", "scores": {"test": [{"main_score": 1}]}}');
    await expect(readTaskResult(bad)).rejects.toMatchObject({
      code: "E_PARSE",
      message: expect.stringContaining("hf_subset"),
    });
    await expect(readTaskResult(join(root, "missing.json"))).rejects.toMatchObject({ code: "E_IO" });
  });
});

describe("layout", () => {
  it("follows mteb's folder names and embeval's experiment keys", () => {
    expect(modelFolderName("jinaai/jina-embeddings-v5-text-small")).toBe(
      "jinaai__jina-embeddings-v5-text-small",
    );
    expect(resultDir("r", "a/b", "rev", { dim: 256 })).toBe(
      join("r", "a__b", "rev", "experiments", "embed_dim_256"),
    );
    expect(experimentKey({ dim: 256, quantize: "binary" })).toBe("embed_dim_256__quantize_binary");
    expect(experimentKey({ dim: 64, renormalize: true })).toBe("embed_dim_64_renorm");
    expect(experimentKey({})).toBeUndefined();
    // every --quantize kind names a folder, float8 kinds (with underscores) included, and reads back
    for (const quantize of ["binary", "int8", "int4", "float8_e4m3fn", "float8_e5m2"]) {
      const key = experimentKey({ dim: 32, quantize, maxTokens: 512 });
      expect(key).toBe(`embed_dim_32__quantize_${quantize}__max_tokens_512`);
      expect(parseExperimentKey(key ?? "")).toEqual({ dim: 32, quantize, maxTokens: 512 });
    }
    expect(() => experimentKey({ quantize: "a__b" })).toThrowError(
      expect.objectContaining({ code: "E_INVALID_ARGUMENT" }),
    );
    expect(sidecarPath("d", "T", "items")).toBe(join("d", ".embeval", "T.items.jsonl"));
    expect(() => resultDir("r", "a/b", "../x")).toThrowError(
      expect.objectContaining({ code: "E_INVALID_ARGUMENT" }),
    );
    expect(() => experimentKey({ dim: 0 })).toThrowError(
      expect.objectContaining({ code: "E_INVALID_ARGUMENT" }),
    );
  });
});
