/** Dry-run planning from mteb's descriptive statistics, and the preflight's coded refusals. */
import { describe, expect, it } from "vitest";
import { checkPreflight, estimateWork } from "../../../src/pipeline/estimate.js";
import { selectWork } from "../../../src/pipeline/work.js";

describe("estimateWork", () => {
  it("counts texts per task kind from the registry's statistics", () => {
    const [sts, scifact] = estimateWork(selectWork({ tasks: ["STSBenchmark", "SciFact"] }), 768, 4);
    expect(sts).toMatchObject({
      task: "STSBenchmark",
      samples: 1379,
      texts: 2758,
      cacheBytes: 2758 * 768 * 4,
    });
    expect(scifact).toMatchObject({ task: "SciFact", samples: 5483, texts: 5483 });
    expect(scifact.tokens).toBeGreaterThan(5483);
    const [half] = estimateWork(selectWork({ tasks: ["STSBenchmark"] }), 768, 2);
    expect(half.cacheBytes).toBe(sts.cacheBytes / 2);
  });
  it("fast clustering embeds only its 4 % sample; classification adds the undersampled training rows", () => {
    const [arxiv] = estimateWork(selectWork({ tasks: ["ArXivHierarchicalClusteringP2P"] }), 32, 4);
    expect(arxiv.texts).toBeLessThanOrEqual(arxiv.samples);
    const [banking] = estimateWork(selectWork({ tasks: ["Banking77Classification"] }), 32, 4);
    // 3080 test rows + at most 8 per label × 77 labels × 10 experiments, bounded by the 10003 training rows.
    expect(banking.texts).toBe(3080 + Math.min(10003, 8 * 77 * 10));
  });
});

describe("checkPreflight", () => {
  const ok = { cacheBytes: 1e9, freeDiskBytes: 5e9, batchBytes: 1e8, totalMemoryBytes: 24 * 2 ** 30 };
  it("passes a run that fits", () => {
    expect(() => checkPreflight(ok)).not.toThrow();
  });
  it("refuses a cache larger than the free disk, naming float16 as a remedy", () => {
    expect(() => checkPreflight({ ...ok, cacheBytes: 6e9 })).toThrowError(
      expect.objectContaining({
        code: "E_RESOURCES",
        hint: expect.stringContaining("--cache-dtype float16"),
      }),
    );
  });
  it("refuses a batch that would not fit memory", () => {
    expect(() => checkPreflight({ ...ok, batchBytes: 23 * 2 ** 30 })).toThrowError(
      expect.objectContaining({ code: "E_RESOURCES" }),
    );
  });
});
