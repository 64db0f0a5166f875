/** Leaderboard aggregation: hand-computed Borda/means, and MTEB(eng, v2) / MTEB(Multilingual, v2) against an independent reference from ../shared/results. */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  aggregateBenchmark,
  type BenchmarkAggregate,
  benchmarkTaskFiles,
  bordaRanks,
  lenientTaskScore,
  strictMean,
  type TaskDef,
  taskScore,
} from "../../../src/results/aggregate.js";
import type { TaskResult } from "../../../src/results/task-result.js";
import { readResultTree } from "../../../src/results/tree.js";
import { SHARED_DIR } from "../../helpers/shared.js";
import { refBenchmark, refScores } from "./leaderboard-reference.js";

const RESULTS = join(SHARED_DIR, "results");

function result(scores: Record<string, [string, number | null][]>): TaskResult {
  const s: TaskResult["scores"] = {};
  for (const [split, entries] of Object.entries(scores)) {
    s[split] = entries.map(([hf, v]) => ({ hf_subset: hf, main_score: v, languages: [] }));
  }
  return {
    dataset_revision: "x",
    task_name: "T",
    mteb_version: "2.0.0",
    scores: s,
    evaluation_time: null,
    kg_co2_emissions: null,
  };
}

describe("task score", () => {
  const def: TaskDef = { name: "T", type: "STS", evalSplits: ["validation", "test"], hfSubsets: ["a", "b"] };
  it("is the flat mean over split × subset pairs", () => {
    const r = result({
      validation: [
        ["a", 0.1],
        ["b", 0.2],
      ],
      test: [
        ["a", 0.3],
        ["b", 0.6],
        ["c", 0.9],
      ],
    });
    expect(taskScore(r, def)).toBeCloseTo((0.1 + 0.2 + 0.3 + 0.6) / 4, 15);
  });
  it("is null when one required pair is missing or null; the Borda score averages what is there", () => {
    const r = result({
      validation: [
        ["a", 0.1],
        ["b", 0.2],
      ],
      test: [["a", 0.3]],
    });
    expect(taskScore(r, def)).toBeNull();
    expect(lenientTaskScore(r, def)).toBeCloseTo(0.2, 15);
    expect(
      taskScore(
        result({
          validation: [
            ["a", 0.1],
            ["b", null],
          ],
          test: [
            ["a", 0.3],
            ["b", 0.4],
          ],
        }),
        def,
      ),
    ).toBeNull();
    expect(taskScore(undefined, def)).toBeNull();
    expect(lenientTaskScore(undefined, def)).toBeNull();
  });
  it("reads only the default subset of an aggregate task", () => {
    const agg: TaskDef = { ...def, evalSplits: ["test"], hfSubsets: ["x"], aggregateOf: ["A", "B"] };
    expect(taskScore(result({ test: [["default", 0.5]] }), agg)).toBe(0.5);
  });
});

describe("means and Borda", () => {
  it("strict means are null as soon as one member is null", () => {
    expect(strictMean([0.5, null, 0.7])).toBeNull();
    expect(strictMean([])).toBeNull();
    expect(strictMean([0.5, 0.7])).toBeCloseTo(0.6, 15);
  });
  it("ranks by summed n_models − average rank, min method, models without scores last", () => {
    // task a: m0 0.9 (rank 1 → 2 pts), m1 0.8 (rank 2 → 1 pt); task b: m2 0.9 (rank 1 → 2), m0 = m1 = 0.5 (rank 2.5 → 0.5)
    const rows = [
      { a: 0.9, b: 0.5 },
      { a: 0.8, b: 0.5 },
      { a: null, b: 0.9 },
      { a: null, b: null },
    ];
    expect(bordaRanks(rows, ["a", "b"])).toEqual([1, 3, 2, 4]);
    // equal totals share the smallest rank
    expect(bordaRanks([{ a: 0.5 }, { a: 0.5 }, { a: 0.1 }], ["a"])).toEqual([1, 1, 3]);
  });
});

async function aggregate(benchmark: string, rebuild = false): Promise<BenchmarkAggregate> {
  const opts = { rebuildCqadupstack: rebuild };
  const tree = await readResultTree([RESULTS], { tasks: benchmarkTaskFiles(benchmark, opts) });
  return aggregateBenchmark(tree, benchmark, opts);
}

const PUBLISHED = [
  "Qwen/Qwen3-Embedding-0.6B",
  "Snowflake/snowflake-arctic-embed-l-v2.0",
  "google/embeddinggemma-300m",
  "intfloat/multilingual-e5-large-instruct",
  "jinaai/jina-embeddings-v5-text-nano",
  "jinaai/jina-embeddings-v5-text-small",
];

for (const benchmark of ["MTEB(eng, v2)", "MTEB(Multilingual, v2)"]) {
  describe(`${benchmark} from ../shared/results equals the independent reference`, () => {
    let agg: BenchmarkAggregate;
    const ref = refScores(RESULTS, benchmark);
    beforeAll(async () => {
      agg = await aggregate(benchmark);
    }, 60_000);

    it("uses the benchmark's task list", () => {
      expect(agg.tasks.map((t) => t.name).sort()).toEqual(
        refBenchmark(benchmark)
          .map((t) => t.name)
          .sort(),
      );
      expect(agg.tasks.length).toBe(benchmark === "MTEB(eng, v2)" ? 41 : 131);
    });

    it("shows the six published models and only models with a score", () => {
      const shown = agg.models.map((m) => m.model);
      for (const m of PUBLISHED) expect(shown).toContain(m);
      expect(agg.excluded).toEqual(["mteb/baseline-bm25s"]);
    });

    it("per-task, per-type and mean scores match", () => {
      let compared = 0;
      for (const m of agg.models) {
        const r = ref.get(m.model);
        expect(r, m.model).toBeDefined();
        if (!r) continue;
        for (const [task, v] of Object.entries(r.tasks)) {
          const got = m.tasks[task];
          if (v === null) expect(got, `${m.model} ${task}`).toBeNull();
          else {
            expect(got, `${m.model} ${task}`).not.toBeNull();
            expect(Math.abs((got as number) - v), `${m.model} ${task}`).toBeLessThan(1e-12);
            compared++;
          }
        }
        for (const [type, v] of Object.entries(r.byType)) {
          if (v === null) expect(m.byType[type]).toBeNull();
          else expect(Math.abs((m.byType[type] as number) - v), `${m.model} ${type}`).toBeLessThan(1e-12);
        }
        for (const [got, want] of [
          [m.meanTask, r.meanTask],
          [m.meanTaskType, r.meanTaskType],
        ]) {
          if (want === null) expect(got).toBeNull();
          else expect(Math.abs((got as number) - want)).toBeLessThan(1e-12);
        }
      }
      expect(compared).toBeGreaterThan(benchmark === "MTEB(eng, v2)" ? 6 * 41 : 6 * 130);
    });

    if (benchmark === "MTEB(eng, v2)") {
      it("has complete means for the six published models", () => {
        for (const m of agg.models.filter((x) => PUBLISHED.includes(x.model))) {
          expect(m.missing).toEqual([]);
          expect(m.meanTask).not.toBeNull();
          expect(m.meanTaskType).not.toBeNull();
        }
        expect(
          agg.models
            .slice(0, 6)
            .map((m) => m.model)
            .sort(),
        ).toEqual([...PUBLISHED].sort());
      });
    } else {
      it("leaves the means missing because FloresBitextMining is absent, and says so", () => {
        for (const m of agg.models.filter((x) => PUBLISHED.includes(x.model))) {
          expect(m.missing).toEqual(["FloresBitextMining"]);
          expect(m.meanTask).toBeNull();
          expect(m.meanTaskType).toBeNull();
          expect(m.byType.BitextMining).toBeNull();
          expect(m.byType.Classification).not.toBeNull();
        }
      });
    }
  });
}

describe("CQADupstackRetrieval rebuild (issue 8 point 2)", () => {
  it("is off by default: a model with only the 12 sub-task files misses the task", async () => {
    const agg = await aggregate("BEIR");
    const small = agg.models.find((m) => m.model === "jinaai/jina-embeddings-v5-text-small");
    expect(small?.missing).toContain("CQADupstackRetrieval");
    expect(small?.meanTask).toBeNull();
    expect(agg.rebuildCqadupstack).toBe(false);
  });

  it("when asked, rebuilds it; where the aggregate file exists it is used and equals the rebuild to 1e-6", async () => {
    const rebuilt = await aggregate("BEIR", true);
    const plain = await aggregate("BEIR");
    const small = rebuilt.models.find((m) => m.model === "jinaai/jina-embeddings-v5-text-small");
    expect(small?.rebuilt).toEqual(["CQADupstackRetrieval"]);
    expect(small?.tasks.CQADupstackRetrieval).not.toBeNull();
    let withFile = 0;
    for (const m of plain.models) {
      const stored = m.tasks.CQADupstackRetrieval;
      if (stored === null) continue;
      withFile++;
      const r = rebuilt.models.find((x) => x.model === m.model);
      expect(r?.rebuilt).toEqual([]);
      expect(r?.tasks.CQADupstackRetrieval).toBe(stored);
      // recompute the rebuild by hand from the raw sub-task files and compare to the stored aggregate
      const tree = await readResultTree([RESULTS], { models: [m.model] });
      const subs = [...tree.models[0].tasks.keys()].filter(
        (t) => /^CQADupstack.+Retrieval$/.test(t) && t !== "CQADupstackRetrieval",
      );
      expect(subs.length).toBe(12);
      const mean =
        subs
          .map((t) => tree.models[0].tasks.get(t)?.result.scores.test[0].main_score as number)
          .reduce((a, b) => a + b, 0) / 12;
      expect(Math.abs(mean - (stored as number))).toBeLessThan(1e-6);
    }
    expect(withFile).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

describe("report presets", () => {
  it("rteb-16 = RTEB(beta) without SWEbenchCodeRetrieval reproduces the paper's Table 4 RTEB column", async () => {
    const { readResultTree } = await import("../../../src/results/tree.js");
    const { aggregateBenchmark, benchmarkTaskDefs, benchmarkTaskFiles } = await import(
      "../../../src/results/aggregate.js"
    );
    const defs = benchmarkTaskDefs("rteb-16");
    expect(defs.name).toBe("RTEB(beta, 16 public)");
    expect(defs.tasks).toHaveLength(benchmarkTaskDefs("RTEB(beta)").tasks.length - 1);
    expect(defs.tasks.some((t) => t.name === "SWEbenchCodeRetrieval")).toBe(false);
    const tree = await readResultTree([join(SHARED_DIR, "results")], {
      tasks: benchmarkTaskFiles("rteb-16", {}),
    });
    const agg = aggregateBenchmark(tree, "rteb-16");
    const printed: Record<string, number> = {
      "jinaai/jina-embeddings-v5-text-small": 66.84,
      "jinaai/jina-embeddings-v5-text-nano": 64.08,
      "Snowflake/snowflake-arctic-embed-l-v2.0": 53.95,
      "intfloat/multilingual-e5-large-instruct": 54.78,
    };
    for (const [model, value] of Object.entries(printed)) {
      const m = agg.models.find((x) => x.model === model);
      expect(Math.round((m?.meanTask ?? Number.NaN) * 10000) / 100, model).toBe(value);
    }
  });
});
