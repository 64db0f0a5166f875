/** `--model bm25` through the pipeline: SciFact reproduces mteb's published baseline-bm25s result file. */

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pyRound } from "../../../metrics/numeric.js";
import { createEmbedder } from "../../../src/embedders/factory.js";
import { evaluate } from "../../../src/pipeline/evaluate.js";
import { selectWork } from "../../../src/pipeline/work.js";
import { readTaskResult } from "../../../src/results/store.js";
import { fixtureSource } from "../../helpers/fixture-source.js";
import { SHARED_DIR } from "../../helpers/shared.js";

describe("bm25 backend", () => {
  it("writes SciFact results equal to mteb's published baseline-bm25s values (nDCG@10 0.68736)", async () => {
    const out = mkdtempSync(join(tmpdir(), "embeval-bm25-"));
    const bm25 = await createEmbedder("bm25");
    await evaluate({
      work: selectWork({ tasks: ["SciFact"] }),
      embedder: bm25,
      output: out,
      source: fixtureSource,
    });
    const mine = await readTaskResult(join(out, "mteb__baseline-bm25s", "0_1_10", "SciFact.json"));
    const pub = await readTaskResult(
      join(SHARED_DIR, "results", "mteb__baseline-bm25s", "0_1_10", "SciFact.json"),
    );
    const m = mine.scores.test[0];
    const p = pub.scores.test[0];
    expect(m.ndcg_at_10).toBe(0.68736);
    let compared = 0;
    for (const [k, v] of Object.entries(p)) {
      if (typeof v !== "number" || !(k in m)) continue;
      // mteb 1.20 wrote MRR and nAUC unrounded; embeval writes them as mteb 2.x does, rounded to 6 decimals.
      expect(m[k], k).toBe(pyRound(v, 6));
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
  it("refuses non-retrieval tasks with a coded error", async () => {
    const bm25 = await createEmbedder("bm25");
    await expect(bm25.embed(["x"], { role: "symmetric" })).rejects.toMatchObject({ code: "E_UNSUPPORTED" });
  });
});
