/**
 * Dims × quantization tables on a result tree written by embeval itself (evaluate with dims 32,16, then again with
 * binary quantization, on SciFact and STSBenchmark of the fixture cache): every mean equals the one computed by
 * hand from the written files, deltas are exact differences, left-out tasks are named; md/json/html outputs.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/cli.js";
import { memoryIo } from "../../../src/cli/io.js";
import { createRandomEmbedder } from "../../../src/embedders/random.js";
import type { Embedder } from "../../../src/embedders/types.js";
import { evaluate } from "../../../src/pipeline/evaluate.js";
import { selectWork } from "../../../src/pipeline/work.js";
import { type ExperimentTable, experimentKind, experimentTables } from "../../../src/reports/experiments.js";
import {
  experimentSeries,
  experimentsHtml,
  experimentsMarkdown,
  formatDelta,
} from "../../../src/reports/experiments-render.js";
import type { JsonReport } from "../../../src/reports/json.js";
import { esc } from "../../../src/reports/svg/escape.js";
import { aggregateBenchmark } from "../../../src/results/aggregate.js";
import { readTaskResult } from "../../../src/results/store.js";
import { readResultTree } from "../../../src/results/tree.js";
import { fixtureSource } from "../../helpers/fixture-source.js";

const BENCH = "MTEB(eng, v1)";
const TASKS = ["SciFact", "STSBenchmark"];
const MODEL = "mteb/baseline-random-encoder";

/** The random encoder shifted to zero mean, so binary quantization keeps information (x > 0 is a coin flip). */
function centered(): Embedder {
  const base = createRandomEmbedder();
  return {
    ...base,
    async embed(texts, ctx, signal) {
      const v = await base.embed(texts, ctx, signal);
      return v.map((x) => x - 0.5);
    },
  };
}

const root = mkdtempSync(join(tmpdir(), "embeval-exp-"));
const rev = join(root, "mteb__baseline-random-encoder", "1");
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function mainScore(dir: string, task: string): Promise<number> {
  const r = await readTaskResult(join(dir, `${task}.json`));
  return r.scores.test[0].main_score as number;
}

describe("experiment folder keys", () => {
  it("reads dims, renormalisation and quantization from folder keys; other experiments are not rows", () => {
    expect(experimentKind("embed_dim_256")).toEqual({ dim: 256, renormalize: false, quantization: null });
    expect(experimentKind("embed_dim_64_renorm")).toEqual({ dim: 64, renormalize: true, quantization: null });
    expect(experimentKind("quantize_binary")).toEqual({
      dim: null,
      renormalize: false,
      quantization: "binary",
    });
    expect(experimentKind("embed_dim_16__quantize_int8")).toEqual({
      dim: 16,
      renormalize: false,
      quantization: "int8",
    });
    expect(experimentKind("max_tokens_8192")).toBeNull();
    expect(experimentKind("embed_dim_16__max_tokens_512")).toBeNull();
    expect(experimentKind("quantize_int8__embed_dim_16")).toBeNull();
    expect(experimentKind("something_else")).toBeNull();
    expect(experimentKind(undefined)).toBeNull();
  });

  it("formats deltas with their sign", () => {
    expect(formatDelta(0.123)).toBe("+0.12");
    expect(formatDelta(-1.5)).toBe("-1.50");
    expect(formatDelta(-0.001)).toBe("-0.00");
    expect(formatDelta(null)).toBe("");
  });
});

describe("rendering", () => {
  const evil = `org/<script>alert("x")</script>'q&`;
  const t: ExperimentTable = {
    model: evil,
    benchmark: "B<i>",
    fullDim: null,
    rows: [
      {
        key: null,
        kind: { dim: null, renormalize: false, quantization: null },
        dim: null,
        mean: 0.5,
        retrievalMean: null,
        deltaMean: 0,
        deltaRetrieval: null,
      },
      {
        key: "embed_dim_8__quantize_int8",
        kind: { dim: 8, renormalize: false, quantization: "int8" },
        dim: 8,
        mean: 0.25,
        retrievalMean: null,
        deltaMean: -25,
        deltaRetrieval: null,
      },
    ],
    tasks: ["T<1>"],
    retrievalTasks: [],
    leftOut: [{ task: `X"><img src=x>`, missingIn: ["full precision"] }],
    notRun: 0,
    benchmarkTasks: 2,
  };

  it("escapes every data string in html; a row without a known dim is not drawn", () => {
    const html = experimentsHtml([t]);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain(esc(evil));
    expect(html).toContain("Rows without a truncation dim are not drawn (full dim unknown).");
    expect(html.match(/<svg/g)).toHaveLength(1); // no retrieval task: no retrieval chart
    expect(html.match(/<circle/g)).toHaveLength(1); // only the dim-8 point has a dim
  });

  it("markdown names the left-out task and leaves the retrieval columns blank without retrieval tasks", () => {
    const md = experimentsMarkdown([t]);
    expect(md).toContain("none of them Retrieval (no retrieval mean)");
    expect(md).toContain(
      'Left out (not scored in every compared result): X"><img src=x> (missing in full precision).',
    );
    expect(md).toContain("| embed_dim_8__quantize_int8 | 8 | int8 | 25.00 | -25.00 |  |  |");
    expect(experimentsMarkdown([])).toBe("");
  });
});

describe("dims × quantization on a tree written by evaluate", () => {
  let table: ExperimentTable;
  const hand = new Map<string, { sci: number; sts: number }>();

  beforeAll(async () => {
    const work = selectWork({ tasks: TASKS });
    await evaluate({ work, embedder: centered(), output: root, source: fixtureSource, dims: [32, 16] });
    await evaluate({
      work,
      embedder: centered(),
      output: root,
      source: fixtureSource,
      dims: [32, 16],
      quantize: "binary",
    });
    const dirs: Record<string, string> = { full: rev };
    for (const k of readdirSync(join(rev, "experiments"))) dirs[k] = join(rev, "experiments", k);
    for (const [k, dir] of Object.entries(dirs))
      hand.set(k, { sci: await mainScore(dir, "SciFact"), sts: await mainScore(dir, "STSBenchmark") });
    const tree = await readResultTree([root]);
    const tables = experimentTables(tree, aggregateBenchmark(tree, BENCH));
    expect(tables).toHaveLength(1);
    table = tables[0];
  }, 120_000);

  it("writes the three experiment folders", () => {
    expect([...hand.keys()].sort()).toEqual([
      "embed_dim_16",
      "embed_dim_16__quantize_binary",
      "full",
      "quantize_binary",
    ]);
  });

  it("has one row per experiment plus full precision, with the hand-computed means and exact deltas", () => {
    expect(table.model).toBe(MODEL);
    expect(table.fullDim).toBe(32);
    expect(table.tasks).toEqual(["STSBenchmark", "SciFact"]);
    expect(table.retrievalTasks).toEqual(["SciFact"]);
    expect(table.leftOut).toEqual([]);
    expect(table.benchmarkTasks).toBe(56);
    expect(table.notRun).toBe(54);
    expect(table.rows.map((r) => [r.key, r.dim, r.kind.quantization])).toEqual([
      [null, 32, null],
      ["embed_dim_16", 16, null],
      ["quantize_binary", 32, "binary"],
      ["embed_dim_16__quantize_binary", 16, "binary"],
    ]);
    const full = hand.get("full") as { sci: number; sts: number };
    const fullMean = (full.sci + full.sts) / 2;
    for (const r of table.rows) {
      const h = hand.get(r.key ?? "full") as { sci: number; sts: number };
      expect(r.mean).toBe((h.sci + h.sts) / 2);
      expect(r.retrievalMean).toBe(h.sci);
      expect(r.deltaMean).toBe(((h.sci + h.sts) / 2 - fullMean) * 100);
      expect(r.deltaRetrieval).toBe((h.sci - full.sci) * 100);
    }
    // The experiments really differ from full precision (the deltas are not trivially zero).
    const bin = table.rows[2];
    expect(bin.mean).not.toBe(table.rows[0].mean);
    expect(Math.abs(bin.deltaMean as number)).toBeGreaterThan(0.01);
  });

  it("curves: one line per quantization kind, the full-precision point marked", () => {
    const s = experimentSeries(table, "mean");
    expect(s.map((x) => x.label)).toEqual(["float32", "binary"]);
    expect(s[0].points.map((p) => [p.dim, p.full])).toEqual([
      [32, true],
      [16, false],
    ]);
    expect(s[1].points.map((p) => [p.dim, p.full])).toEqual([
      [32, false],
      [16, false],
    ]);
    expect(s[1].points[1].score).toBe(table.rows[3].mean);
  });

  it("only tasks scored in every compared result enter the means; the others are named", async () => {
    const copy = mkdtempSync(join(tmpdir(), "embeval-exp-left-"));
    try {
      cpSync(root, copy, { recursive: true });
      rmSync(
        join(
          copy,
          "mteb__baseline-random-encoder",
          "1",
          "experiments",
          "quantize_binary",
          "STSBenchmark.json",
        ),
      );
      const tree = await readResultTree([copy]);
      const [t] = experimentTables(tree, aggregateBenchmark(tree, BENCH));
      expect(t.tasks).toEqual(["SciFact"]);
      expect(t.leftOut).toEqual([{ task: "STSBenchmark", missingIn: ["quantize_binary"] }]);
      for (const r of t.rows) {
        const h = hand.get(r.key ?? "full") as { sci: number };
        expect(r.mean).toBe(h.sci);
        expect(r.retrievalMean).toBe(h.sci);
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("report --benchmark shows the table in json, md and html", async () => {
    const io = memoryIo();
    expect(await runCli(["report", "--results", root, "--benchmark", BENCH, "--format", "json"], io)).toBe(0);
    const json = JSON.parse(io.stdout()) as JsonReport;
    const exp = json.experiments ?? [];
    expect(exp).toHaveLength(1);
    expect(exp[0].tasks).toEqual(["STSBenchmark", "SciFact"]);
    expect(exp[0].rows.map((r) => r.experiment)).toEqual(table.rows.map((r) => r.key));
    expect(exp[0].rows.map((r) => r.mean)).toEqual(table.rows.map((r) => (r.mean as number) * 100));
    expect(exp[0].rows.map((r) => r.delta_mean)).toEqual(table.rows.map((r) => r.deltaMean));

    const md = memoryIo();
    await runCli(["report", "--results", root, "--benchmark", BENCH], md);
    const text = md.stdout();
    expect(text).toContain("## Dims × quantization");
    expect(text).toContain("Means over the 2 of 56 MTEB(eng, v1) tasks scored in every compared result");
    const b = table.rows[3];
    expect(text).toContain(
      `| embed_dim_16__quantize_binary | 16 | binary | ${((b.mean as number) * 100).toFixed(2)} | ${formatDelta(b.deltaMean)} |`,
    );

    const html = memoryIo();
    await runCli(["report", "--results", root, "--benchmark", BENCH, "--format", "html"], html);
    const page = html.stdout();
    expect(page).toContain('<h2 id="experiments">Dims × quantization</h2>');
    expect(page.match(/<svg[^>]*class="curve qcurve"/g)).toHaveLength(2);
    expect(page.match(/class="qfull"/g)).toHaveLength(2); // the full-precision point of each chart
    expect(page).not.toMatch(/(src|href)="?https?:/);
  });
});
