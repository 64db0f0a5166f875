/** The model's similarity from a sentence-transformers folder and from HTTP options, euclidean/manhattan included. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveHttpSettings } from "../../../src/embedders/http/options.js";
import { detectFolder } from "../../../src/embedders/onnx/detect.js";
import { scratchRoot, testModels } from "../../fixtures/onnx/models.js";

/** A copy of the st-wordpiece test model whose config_sentence_transformers.json names `fn` (absent: no key). */
function folderWith(fn: string | undefined): string {
  const dir = join(mkdtempSync(join(scratchRoot(), "sim-")), "m");
  cpSync(testModels()["st-wordpiece"].dir, dir, { recursive: true });
  const path = join(dir, "config_sentence_transformers.json");
  let cfg: Record<string, unknown> = {};
  try {
    cfg = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch {
    // the folder has no such file: start from an empty config
  }
  if (fn === undefined) delete cfg.similarity_fn_name;
  else cfg.similarity_fn_name = fn;
  writeFileSync(path, JSON.stringify(cfg));
  return dir;
}

describe("ONNX folder similarity_fn_name", () => {
  it("reads cosine (default), dot, euclidean and manhattan", () => {
    expect(detectFolder(folderWith(undefined)).similarity).toBe("cosine");
    expect(detectFolder(folderWith("dot")).similarity).toBe("dot");
    expect(detectFolder(folderWith("euclidean")).similarity).toBe("euclidean");
    expect(detectFolder(folderWith("manhattan")).similarity).toBe("manhattan");
  });
  it("E_UNSUPPORTED for a similarity embeval does not score with", () => {
    expect(() => detectFolder(folderWith("hamming"))).toThrow(
      expect.objectContaining({ code: "E_UNSUPPORTED" }),
    );
  });
});

describe("HTTP embedder similarity option", () => {
  it("accepts the four similarities and refuses others with E_CONFIG", () => {
    for (const similarity of ["cosine", "dot", "euclidean", "manhattan"] as const)
      expect(() => resolveHttpSettings({ similarity }, 1)).not.toThrow();
    const bad = { similarity: "MaxSim" } as unknown as Parameters<typeof resolveHttpSettings>[0];
    expect(() => resolveHttpSettings(bad, 1)).toThrow(expect.objectContaining({ code: "E_CONFIG" }));
  });
});
