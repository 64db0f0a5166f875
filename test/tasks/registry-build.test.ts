/** The registry builder on small hand-made inputs: compact subset encoding, stats, ordering, E_PARSE on bad input, and decoding back to TaskSpec. */
import { describe, expect, it } from "vitest";
import { isEmbevalError } from "../../metrics/errors.js";
import { buildRegistry, compareNames, linesJson } from "../../tasks/registry/build.js";
import { decodeTask } from "../../tasks/registry/decode.js";
import type { SuitesFile, TasksFile } from "../../tasks/registry/records.js";
import { deriveSubsetLangs } from "../../tasks/registry/subset-langs.js";
import type { JsonValue } from "../../tasks/types.js";

type Obj = { [k: string]: JsonValue };

function task(over: Obj): Obj {
  return {
    name: "Tiny",
    type: "Retrieval",
    benchmarks: [],
    dataset: { path: "org/tiny", revision: "abc" },
    eval_splits: ["test"],
    hf_subsets: { default: ["eng-Latn"] },
    languages: ["eng-Latn"],
    is_multilingual: false,
    n_hf_subsets: 1,
    main_score: "ndcg_at_10",
    category: "t2t",
    modalities: ["text"],
    is_public: true,
    domains: null,
    license: "mit",
    task_class: "Tiny",
    abstask_base: "AbsTaskRetrieval",
    task_class_attrs: {},
    source_file: "mteb/tasks/tiny.py",
    benchmark_filters: {},
    descriptive_stats: {
      available: true,
      path: "x",
      splits: { test: { num_samples: 7, num_queries: 2, num_documents: 5 } },
    },
    reference: null,
    ...over,
  };
}

const bench: Obj = {
  _meta: { mteb_commit: "deadbeef" },
  benchmarks: {
    Mini: {
      name: "Mini",
      benchmark_class: "Benchmark",
      aliases: ["MINI"],
      display_name: "Mini",
      reference: null,
      language_view: [],
      tasks: [
        {
          name: "Tiny",
          type: "Retrieval",
          is_public: true,
          eval_splits: ["test"],
          hf_subsets: "all",
          filters: {},
        },
      ],
    },
  },
};

const pairs = task({
  name: "alpha.Pairs",
  type: "BitextMining",
  abstask_base: "AbsTaskBitextMining",
  main_score: "f1",
  hf_subsets: { "deu_Latn-eng_Latn": ["deu-Latn", "eng-Latn"], "zh-CN": ["cmn-Hans"] },
  languages: ["cmn-Hans", "deu-Latn", "eng-Latn"],
  is_multilingual: true,
  task_class_attrs: { parallel_subsets: true },
  descriptive_stats: {
    available: true,
    path: "x",
    splits: {
      test: {
        num_samples: 3,
        subsets: { "deu_Latn-eng_Latn": { num_samples: 2 }, "zh-CN": { num_samples: 1 } },
      },
    },
  },
});

describe("buildRegistry on a hand-made extract", () => {
  const files = buildRegistry([task({}), pairs], bench);
  const tasks = JSON.parse(files["tasks.json"]) as TasksFile;
  const suites = JSON.parse(files["suites.json"]) as SuitesFile;

  it("orders tasks case-insensitively and stores only non-derivable subset languages", () => {
    expect(tasks.source).toEqual({ mtebCommit: "deadbeef", nTasks: 2 });
    expect(tasks.tasks.map((t) => t.name)).toEqual(["alpha.Pairs", "Tiny"]);
    const [p, t] = tasks.tasks;
    expect(p.subsets).toEqual(["deu_Latn-eng_Latn", "zh-CN"]);
    expect(p.subsetLangs).toEqual({ "zh-CN": ["cmn-Hans"] });
    expect(p.stats).toEqual({
      test: { n: 3, subsets: { "deu_Latn-eng_Latn": { n: 2 }, "zh-CN": { n: 1 } } },
    });
    expect(t.subsets).toBeUndefined();
    expect(t.subsetLangs).toBeUndefined();
    expect(t.attrs).toBeUndefined();
    expect(t.stats).toEqual({ test: { n: 7, q: 2, d: 5 } });
  });

  it("writes one task per line and a trailing newline", () => {
    const lines = files["tasks.json"].split("\n");
    expect(lines[0]).toBe('{"format":1,"source":{"mtebCommit":"deadbeef","nTasks":2},"tasks":[');
    expect(lines.length).toBe(5);
    expect(lines[3]).toBe("]}");
    expect(lines[4]).toBe("");
    expect(linesJson({}, "x", [1, 2])).toBe('{"x":[\n1,\n2\n]}\n');
  });

  it("keeps suites with aliases and filters", () => {
    expect(suites.suites).toEqual([
      {
        name: "Mini",
        aliases: ["MINI"],
        displayName: "Mini",
        reference: null,
        benchmarkClass: "Benchmark",
        languageView: [],
        tasks: [
          {
            name: "Tiny",
            type: "Retrieval",
            isPublic: true,
            evalSplits: ["test"],
            hfSubsets: "all",
            filters: {},
          },
        ],
      },
    ]);
  });

  it("decodes back to typed specs with defaults", () => {
    const p = decodeTask(tasks.tasks[0]);
    expect(p.kind).toBe("BitextMining");
    expect(p.hfSubsets).toEqual({ "deu_Latn-eng_Latn": ["deu-Latn", "eng-Latn"], "zh-CN": ["cmn-Hans"] });
    if (p.kind !== "BitextMining") throw new Error("narrowing");
    expect(p.parallelSubsets).toBe(true);
    expect(p.stats?.test.subsets?.["zh-CN"]).toEqual({ numSamples: 1 });
    const t = decodeTask(tasks.tasks[1]);
    if (t.kind !== "Retrieval") throw new Error("narrowing");
    expect([t.kValues, t.topK, t.ignoreIdenticalIds, t.domains]).toEqual([
      [1, 3, 5, 10, 20, 100, 1000],
      1000,
      false,
      [],
    ]);
    expect(t.hfSubsets).toEqual({ default: ["eng-Latn"] });
  });

  it("is byte-identical when run twice", () => {
    const again = buildRegistry([pairs, task({})], bench);
    expect(again["tasks.json"]).toBe(files["tasks.json"]);
    expect(again["suites.json"]).toBe(files["suites.json"]);
  });
});

describe("bad input", () => {
  const parseError = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return isEmbevalError(e, "E_PARSE") ? e.message : `wrong error ${String(e)}`;
    }
    return "no error";
  };

  it("throws E_PARSE naming the task and field", () => {
    expect(parseError(() => buildRegistry([task({ main_score: 3 })], bench))).toBe(
      "task Tiny.main_score: expected a string",
    );
    expect(parseError(() => buildRegistry([task({ type: "Astrology" })], bench))).toContain(
      "unknown task type",
    );
    expect(parseError(() => buildRegistry([task({ is_public: false })], bench))).toContain("private");
    expect(parseError(() => buildRegistry([task({}), task({})], bench))).toContain("duplicate task name");
    expect(parseError(() => buildRegistry({}, bench))).toContain("expected an array");
    expect(parseError(() => buildRegistry([task({ prompt: { passage: "x" } })], bench))).toContain(
      "unknown prompt key",
    );
  });
});

describe("helpers", () => {
  it("derives pair-subset languages and rejects other keys", () => {
    expect(deriveSubsetLangs("default", ["eng-Latn"])).toEqual(["eng-Latn"]);
    expect(deriveSubsetLangs("ace_Arab-bam_Latn", [])).toEqual(["ace-Arab", "bam-Latn"]);
    expect(deriveSubsetLangs("en-de", [])).toBeNull();
    expect(deriveSubsetLangs("eng_latn", [])).toBeNull();
  });

  it("orders names case-insensitively, then by code point", () => {
    expect(["b", "B", "a", "C"].sort(compareNames)).toEqual(["a", "B", "b", "C"]);
  });
});
