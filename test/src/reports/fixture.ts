/** A small hand-made BenchmarkAggregate for the report tests. */
import type { BenchmarkAggregate } from "../../../src/results/aggregate.js";

/** Two models, two types; model b misses one task. */
export function smallAggregate(rebuild = false): BenchmarkAggregate {
  return {
    benchmark: "Tiny(bench)",
    tasks: [
      { name: "ArguAna", type: "Retrieval", evalSplits: ["test"], hfSubsets: ["default"] },
      {
        name: "CQADupstackRetrieval",
        type: "Retrieval",
        evalSplits: ["test"],
        hfSubsets: ["default"],
        aggregateOf: [],
      },
      { name: "STS17", type: "STS", evalSplits: ["test"], hfSubsets: ["en-en"] },
    ],
    types: ["Retrieval", "STS"],
    hasTaskTypeMean: true,
    rebuildCqadupstack: rebuild,
    excluded: ["org/empty"],
    models: [
      {
        model: "org/a",
        revision: "r1",
        taskRevisions: { ArguAna: "r1", STS17: "r1" },
        meta: { name: "org/a", revision: "r1", nParameters: 595776512, embedDim: 1024 },
        tasks: { ArguAna: 0.123456, CQADupstackRetrieval: 0.5, STS17: 0.87655 },
        byType: { Retrieval: 0.311728, STS: 0.87655 },
        meanTask: 0.5000020000000001,
        meanTaskType: 0.594139,
        missing: [],
        bordaRank: 1,
        rebuilt: rebuild ? ["CQADupstackRetrieval"] : [],
      },
      {
        model: "org/b|pipe",
        revision: null,
        taskRevisions: {},
        meta: null,
        tasks: { ArguAna: 0.2, CQADupstackRetrieval: null, STS17: 0.1 },
        byType: { Retrieval: null, STS: 0.1 },
        meanTask: null,
        meanTaskType: null,
        missing: ["CQADupstackRetrieval"],
        bordaRank: 2,
        rebuilt: [],
      },
    ],
  };
}
