/** Results trees: pre-1.11 conversion, join_revisions on hand-made trees, experiments kept apart, coded errors, and ../shared/results. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isEmbevalError } from "../../../src/errors.js";
import { convertLegacyResult, isLegacyResult, loadTaskResultData } from "../../../src/results/legacy.js";
import { compareMtebVersions, parseMtebVersion } from "../../../src/results/mteb-version.js";
import { readResultTree } from "../../../src/results/tree.js";
import { SHARED_DIR } from "../../helpers/shared.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Writes files (path → JSON value or raw text) under a fresh temp dir. */
function tree(files: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), "embeval-tree-"));
  dirs.push(root);
  for (const [p, v] of Object.entries(files)) {
    const full = join(root, p);
    mkdirSync(join(full, ".."), { recursive: true });
    writeFileSync(full, typeof v === "string" ? v : JSON.stringify(v));
  }
  return root;
}

function res(task: string, version: string | null, score: number, extra: Record<string, unknown> = {}) {
  return {
    dataset_revision: "r",
    task_name: task,
    mteb_version: version,
    scores: { test: [{ main_score: score, hf_subset: "default", languages: ["eng-Latn"], ...extra }] },
    evaluation_time: 1,
    kg_co2_emissions: null,
  };
}

const meta = (name: string, revision: string, extra: Record<string, unknown> = {}) => ({
  name,
  revision,
  ...extra,
});

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("mteb_version parsing", () => {
  it("orders like packaging.Version and reads a merged range as its minimum", () => {
    const v = (s: string) => parseMtebVersion(s) ?? expect.fail(s);
    expect(compareMtebVersions(v("1.12.48"), v("1.12.5"))).toBeGreaterThan(0);
    expect(compareMtebVersions(v("1.1.2.dev0"), v("1.1.2"))).toBeLessThan(0);
    expect(compareMtebVersions(v("2.0"), v("2.0.0"))).toBe(0);
    expect(parseMtebVersion("2.3.11-2.18.7")?.text).toBe("2.3.11");
    expect(parseMtebVersion("mteb version not available")).toBeNull();
    expect(parseMtebVersion(null)).toBeNull();
  });
});

describe("pre-1.11 conversion (TaskResult._convert_from_before_v1_11_0)", () => {
  it("converts a single-subset STS file: cos_sim → cosine_, main_score filled, evaluation time summed", () => {
    const data = {
      dataset_revision: "b0fddb56",
      mteb_dataset_name: "STSBenchmark",
      mteb_version: "1.0.2",
      test: {
        cos_sim: { pearson: 0.81, spearman: 0.85 },
        euclidean: { spearman: 0.8 },
        evaluation_time: 3.5,
      },
    };
    expect(isLegacyResult(data)).toBe(true);
    const r = loadTaskResultData(data, "x.json");
    expect(r.task_name).toBe("STSBenchmark");
    expect(r.mteb_version).toBe("1.0.2");
    expect(r.evaluation_time).toBe(3.5);
    expect(r.scores.test).toEqual([
      {
        cosine_pearson: 0.81,
        cosine_spearman: 0.85,
        euclidean_spearman: 0.8,
        main_score: 0.85,
        hf_subset: "default",
        languages: ["eng-Latn"],
      },
    ]);
  });

  it("converts multilingual {split: {subset: …}} files with the registry's subset languages", () => {
    const r = convertLegacyResult(
      {
        mteb_dataset_name: "STS17",
        mteb_version: "1.0.0",
        test: {
          "en-en": { cos_sim: { spearman: 0.9 } },
          "ko-ko": { cos_sim: { spearman: 0.7 } },
          evaluation_time: 2,
        },
      },
      "STS17.json",
    );
    expect(r.dataset_revision).toBe("dataset revision not available");
    expect(r.scores.test.map((e) => [e.hf_subset, e.main_score, e.languages])).toEqual([
      ["en-en", 0.9, ["eng-Latn"]],
      ["ko-ko", 0.7, ["kor-Hang"]],
    ]);
  });

  it("finds tasks case-insensitively and by renamed_tasks; pair classification max → max_ap main score", () => {
    const r = loadTaskResultData(
      {
        mteb_dataset_name: "sprintduplicatequestions",
        test: { cos_sim: { ap: 0.6 }, max: { ap: 0.77, f1: 0.7 } },
      },
      "p.json",
    );
    expect(r.task_name).toBe("SprintDuplicateQuestions");
    expect(r.mteb_version).toBe("mteb version not available");
    expect(r.scores.test[0]).toMatchObject({ cosine_ap: 0.6, max_ap: 0.77, max_f1: 0.7, main_score: 0.77 });
    const renamed = convertLegacyResult(
      { mteb_dataset_name: "8TagsClustering", test: { v_measure: 0.3 } },
      "t.json",
    );
    expect(renamed.task_name).toBe("EightTagsClustering");
    expect(renamed.scores.test[0].main_score).toBe(0.3);
  });

  it("sets main_score null when the main metric is absent, and renames XPQA's fr subset", () => {
    const r = convertLegacyResult({ mteb_dataset_name: "STSBenchmark", test: { pearson: 0.5 } }, "s.json");
    expect(r.scores.test[0].main_score).toBeNull();
    const x = convertLegacyResult(
      { mteb_dataset_name: "XPQARetrieval", test: { fr: { ndcg_at_10: 0.4 } } },
      "x.json",
    );
    expect(x.scores.test.map((e) => e.hf_subset)).toEqual(["fra-fra"]);
  });

  it("flattens nested pair-classification dicts of files older than 1.12.48, not newer ones", () => {
    const nested = res("SprintDuplicateQuestions", "1.12.0", 0.9, { max: { ap: 0.9 } });
    expect(loadTaskResultData(nested, "a.json").scores.test[0]).toMatchObject({ max_ap: 0.9 });
    expect(loadTaskResultData(nested, "a.json").scores.test[0]).not.toHaveProperty("max");
    const newer = res("SprintDuplicateQuestions", "1.12.48", 0.9, { max: { ap: 0.9 } });
    expect(loadTaskResultData(newer, "b.json").scores.test[0]).toHaveProperty("max");
  });
});

describe("join_revisions on a hand-made tree", () => {
  const root = tree({
    "acme__m/aaaa/model_meta.json": meta("acme/m", "aaaa", { n_parameters: 1000, embed_dim: [256, 1024] }),
    "acme__m/aaaa/T1.json": res("T1", "1.20.0", 0.1),
    "acme__m/aaaa/T2.json": res("T2", "1.20.0", 0.1),
    "acme__m/aaaa/T4.json": { ...res("T4", "2.5.0", 0.1), scores: {} },
    "acme__m/aaaa/T7.json": res("T7", "1.20.0", 0.1),
    "acme__m/bbbb/model_meta.json": meta("acme/m", "bbbb", { n_parameters: 2000, embed_dim: 512 }),
    "acme__m/bbbb/T1.json": res("T1", "2.0.0", 0.2),
    "acme__m/bbbb/T3.json": res("T3", "2.0.0", 0.2),
    "acme__m/bbbb/T4.json": res("T4", "2.0.0", 0.2),
    "acme__m/bbbb/run_settings.jsonl": "{}\n",
    "acme__m/bbbb/.embeval/T1.provenance.json": { not: "a result" },
    "acme__m/bbbb/experiments/embed_dim_256/T1.json": res("T1", "2.0.0", 0.05),
    "acme__m/cccc/T7.json": res("T7", "2.3.11-2.18.7", 0.5),
    "acme__m/external/model_meta.json": meta("acme/m", "external"),
    "acme__m/external/T1.json": res("T1", null, 0.3),
    "acme__m/external/T5.json": res("T5", null, 0.3),
    "acme__m/external/T6.json": res("T6", null, 0.3),
    "acme__m/no_revision_available/T5.json": res("T5", "1.5.0", 0.4),
    "other__x/1/T1.json": res("T1", "2.0.0", 0.9),
  });
  const pick = (m: { tasks: ReadonlyMap<string, { revision: string }> }) =>
    Object.fromEntries([...m.tasks].map(([k, v]) => [k, v.revision]).sort());

  it("chooses the main revision (model_meta revision = folder, newest mteb_version) and one file per task", async () => {
    const t = await readResultTree([root]);
    expect(t.models.map((m) => m.model)).toEqual(["acme/m", "other/x"]);
    const m = t.models[0];
    expect(m.mainRevision).toBe("bbbb");
    expect(m.meta).toMatchObject({ nParameters: 2000, embedDim: 512 });
    expect(pick(m)).toEqual({
      T1: "bbbb", // main revision (+1000) beats aaaa and external
      T2: "aaaa", // only there
      T3: "bbbb",
      T4: "bbbb", // aaaa's file has empty scores
      T5: "no_revision_available", // parsable version (+100) beats external with none
      T6: "external",
      T7: "cccc", // same priority as aaaa (110): the newer mteb_version (range minimum 2.3.11) wins
    });
    expect(m.tasks.get("T1")?.result.scores.test[0].main_score).toBe(0.2);
    expect(t.models[1].mainRevision).toBe("1");
  });

  it("lets the caller name the main revision (mteb reads it from its model registry)", async () => {
    const t = await readResultTree([root], { mainRevisions: { "acme/m": "aaaa" }, models: ["acme/m"] });
    expect(t.models.length).toBe(1);
    expect(pick(t.models[0])).toMatchObject({ T1: "aaaa", T2: "aaaa", T3: "bbbb", T7: "aaaa" });
    expect(t.models[0].meta).toMatchObject({ embedDim: 1024 });
  });

  it("keeps experiments/<key>/ apart from the main results", async () => {
    const t = await readResultTree([root]);
    expect(t.experiments.map((e) => [e.model, e.revision, e.experiment, [...e.files.keys()]])).toEqual([
      ["acme/m", "bbbb", "embed_dim_256", ["T1"]],
    ]);
    expect(t.models[0].tasks.get("T1")?.result.scores.test[0].main_score).toBe(0.2);
  });

  it("reads only the requested task files, and a results/ child folder as the root", async () => {
    const nested = tree({
      "results/org__a/r1/T1.json": res("T1", "2.0.0", 0.5),
      "results/org__a/r1/T2.json": "{broken",
    });
    const t = await readResultTree([nested], { tasks: new Set(["T1"]) });
    expect(t.models[0].model).toBe("org/a");
    expect([...t.models[0].tasks.keys()]).toEqual(["T1"]);
  });
});

describe("coded errors", () => {
  it("names a malformed file (E_PARSE)", async () => {
    const root = tree({
      "org__a/r1/T1.json": res("T1", "2.0.0", 0.5),
      "org__a/r1/Bad.json": '{"task_name": "Bad", "scores": ',
    });
    const e = await rejection(readResultTree([root]));
    expect(isEmbevalError(e) && e.code).toBe("E_PARSE");
    expect((e as Error).message).toContain(join(root, "org__a", "r1", "Bad.json"));
    const shape = tree({
      "org__a/r1/T1.json": { task_name: "T1", scores: { test: [{ main_score: 1 }] }, mteb_version: "2.0.0" },
    });
    const e2 = await rejection(readResultTree([shape]));
    expect(isEmbevalError(e2) && e2.code).toBe("E_PARSE");
    expect((e2 as Error).message).toContain("T1.json");
  });

  it("rejects an empty tree and a missing folder (E_IO)", async () => {
    const empty = tree({ "org__a/r1/model_meta.json": meta("org/a", "r1") });
    const e = await rejection(readResultTree([empty]));
    expect(isEmbevalError(e) && e.code).toBe("E_IO");
    const e2 = await rejection(readResultTree([join(empty, "nope")]));
    expect(isEmbevalError(e2) && e2.code).toBe("E_IO");
  });

  it("skips legacy files of tasks mteb no longer has, and says so", async () => {
    const root = tree({
      "org__a/r1/T1.json": res("T1", "2.0.0", 0.5),
      "org__a/r1/Gone.json": { mteb_dataset_name: "NoSuchTaskAnywhere", test: { x: 1 } },
    });
    const t = await readResultTree([root]);
    expect(t.skipped.length).toBe(1);
    expect(t.skipped[0]).toContain("NoSuchTaskAnywhere");
  });
});

describe("../shared/results", () => {
  it("reads the eight model folders, their model_meta and the external folders", async () => {
    const t = await readResultTree([join(SHARED_DIR, "results")]);
    expect(t.models.length).toBe(8);
    const e5 = t.models.find((m) => m.model === "intfloat/multilingual-e5-large-instruct");
    expect(e5?.mainRevision).toBe("baa7be480a7de1539afce709c8f13f833a510e0a");
    expect(e5?.revisions.map((r) => r.revision).sort()).toEqual([
      "baa7be480a7de1539afce709c8f13f833a510e0a",
      "external",
    ]);
    // tasks only in external come from there; tasks in both come from the hash revision
    const fromExternal = [...(e5?.tasks.values() ?? [])]
      .filter((f) => f.revision === "external")
      .map((f) => f.task);
    const externalFiles = [...(e5?.revisions.find((r) => r.revision === "external")?.files.keys() ?? [])];
    const main = e5?.revisions.find((r) => r.revision !== "external");
    expect(fromExternal.sort()).toEqual(externalFiles.filter((t) => !main?.files.has(t)).sort());
    expect(e5?.meta).toMatchObject({ nParameters: 560000000, embedDim: 1024 });
    expect(t.experiments).toEqual([]);
  }, 60_000);
});
