/** mteb's per-language tab for MTEB(Multilingual, v2) on ../shared/results against the independent reference; none for MTEB(eng, v2). */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { benchmarkTaskFiles } from "../../../src/results/aggregate.js";
import { perLanguageTable } from "../../../src/results/per-language.js";
import { readResultTree } from "../../../src/results/tree.js";
import { SHARED_DIR } from "../../helpers/shared.js";
import { refLanguageView, refPerLanguage } from "./leaderboard-reference.js";

const RESULTS = join(SHARED_DIR, "results");

describe("per-language table (mteb leaderboard method)", () => {
  it("MTEB(Multilingual, v2): every (model, language) mean equals the reference", async () => {
    const b = "MTEB(Multilingual, v2)";
    const tree = await readResultTree([RESULTS], { tasks: benchmarkTaskFiles(b) });
    const t = perLanguageTable(tree, b);
    if (!t) throw new Error("no per-language table");
    expect(t.languages).toEqual(refLanguageView(b));
    expect(t.languages.length).toBe(20);
    const ref = refPerLanguage(RESULTS, b);
    let compared = 0;
    for (const m of t.models) {
      const r = ref.get(m.model);
      if (!r) throw new Error(m.model);
      for (const l of t.languages) {
        if (r[l] === null) expect(m.scores[l], `${m.model} ${l}`).toBeNull();
        else {
          expect(Math.abs((m.scores[l] as number) - (r[l] as number)), `${m.model} ${l}`).toBeLessThan(1e-12);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(6 * 20);
    expect(t.models.map((m) => m.model)).not.toContain("mteb/baseline-bm25s");
    expect(t.models.map((m) => m.bordaRank)).toEqual(
      [...t.models.map((m) => m.bordaRank)].sort((x, y) => x - y),
    );
  }, 60_000);

  it("MTEB(eng, v2) has no language view", async () => {
    const tree = await readResultTree([RESULTS], { tasks: new Set(["STS12"]) });
    expect(perLanguageTable(tree, "MTEB(eng, v2)")).toBeNull();
  });
});
