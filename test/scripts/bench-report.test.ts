/** reports/bench.{json,md} writer: verdicts against issue 7's targets, number formatting, merging, file round trip. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  type BenchReport,
  formatValue,
  mergeReport,
  parseReport,
  readReport,
  reducedWorkload,
  renderMarkdown,
  reportJson,
  TARGETS,
  verdict,
  verdictText,
  writeReport,
} from "../../scripts/bench/report.js";

const figures = {
  encode: { embedder_s: 0.5, bare_ort_s: 0.25, ratio: 2 },
  search: { gflops: 84.2, numpy_gflops: 140.5, ratio: 0.5993 },
  metrics: {
    embeval_s: 1.234,
    reference_s: 2.5,
    ratio: 0.4936,
    queries: 10_000,
    reference: "numpy 2.4.6",
    agree: true,
  },
  kmeans: { embeval_s: 3.25, sklearn_s: null, ratio: null, note: "scikit-learn missing" },
  logreg: { embeval_s: 1.5, sklearn_s: 1, ratio: 1.5 },
  memory: { peak_rss_gb: 4.5, docs: 1_000_000, queries: 10_000, dim: 768 },
};
const report: BenchReport = {
  figures,
  machine: { cpu: "Test CPU", cores: 2, memory_gb: 23.4 },
  generated: "2026-11-26T23:00:00.000Z",
  rows: [
    { module: "retrieval", name: "trec | eval", workload: "10,000 queries", ms: 1234.56, reps: 3 },
    { module: "encode", name: "bare ort", workload: "2000 texts", ms: 250, reps: 5 },
  ],
};
const target = (section: string) => TARGETS.find((t) => t.section === section)!;

describe("verdicts against issue 7's targets", () => {
  it("decides each group, boundaries included, missing values as not measured", () => {
    expect(verdict(target("search"), figures)).toBe("not met"); // 0.5993 < 0.6
    expect(verdict(target("search"), { search: { ratio: 0.6 } })).toBe("met");
    expect(verdict(target("metrics"), figures)).toBe("met"); // 0.4936 ≤ 1
    expect(verdict(target("metrics"), { metrics: { ratio: 1.01 } })).toBe("not met");
    expect(verdict(target("kmeans"), figures)).toBe("not measured"); // ratio null
    expect(verdict(target("logreg"), figures)).toBe("met"); // 1.5 ≤ 1.5
    expect(verdict(target("memory"), figures)).toBe("not met"); // 4.5 is not below 4.5
    expect(verdict(target("memory"), { memory: { peak_rss_gb: 4.49 } })).toBe("met");
    expect(verdict(target("search"), {})).toBe("not measured");
    expect(verdict(target("metrics"), { metrics: { ratio: 0.5, agree: false } })).toBe("results differ");
  });
});

describe("reduced workloads", () => {
  it("qualify a verdict measured on less than the issue's workload", () => {
    const small = { memory: { peak_rss_gb: 0.74, docs: 50_000, queries: 10_000, dim: 768 } };
    expect(reducedWorkload(target("memory"), small)).toBe("docs 50000 < 1000000");
    expect(verdictText(target("memory"), small)).toBe("met (reduced workload: docs 50000 < 1000000)");
    expect(verdictText(target("metrics"), { metrics: { ratio: 0.3 } })).toBe(
      "met (reduced workload: queries — < 10000)",
    );
    expect(verdictText(target("memory"), figures)).toBe("not met");
    expect(verdictText(target("kmeans"), figures)).toBe("not measured");
    expect(renderMarkdown({ ...report, figures: { ...figures, ...small } })).toContain(
      "| peak_rss_gb = 0.74 | met (reduced workload: docs 50000 < 1000000) |",
    );
  });
});

describe("formatValue", () => {
  it("keeps integers whole and rounds others to 4 significant digits", () => {
    expect(formatValue(10000)).toBe("10000");
    expect(formatValue(0.49361)).toBe("0.4936");
    expect(formatValue(1234.5678)).toBe("1235");
    expect(formatValue(5.551115123125783e-16)).toBe("5.551e-16");
    expect(formatValue(null)).toBe("—");
    expect(formatValue(true)).toBe("true");
    expect(formatValue("numpy 2.4.6")).toBe("numpy 2.4.6");
  });
});

describe("renderMarkdown", () => {
  const md = renderMarkdown(report);
  it("states every target with its value and verdict", () => {
    expect(md).toContain(
      "| memory | peak RSS of a 1,000,000 × 768 corpus search with 10,000 queries below 4.5 GB | peak_rss_gb = 4.5 | not met |",
    );
    expect(md).toContain(
      "| search | exact search ≥ 0.6 of numpy's float32 matmul GFLOP/s | ratio = 0.5993 | not met |",
    );
    expect(md).toContain(
      "| metrics | retrieval metrics no slower than the numpy reference | ratio = 0.4936 | met |",
    );
    expect(md).toContain(
      "| kmeans | MiniBatchKMeans ≤ 1.5× scikit-learn's time | ratio = — | not measured |",
    );
    expect(md).toContain("| logreg | logistic regression ≤ 1.5× scikit-learn's time | ratio = 1.5 | met |");
    expect(md).toContain("ratio <= 1): **met**.");
    expect(md).toContain("peak_rss_gb < 4.5): **not met**.");
  });
  it("shows every figure, the machine and every row (pipes escaped)", () => {
    for (const line of [
      "| gflops | 84.2 |",
      "| numpy_gflops | 140.5 |",
      "| embeval_s | 1.234 |",
      "| reference_s | 2.5 |",
      "| reference | numpy 2.4.6 |",
      "| agree | true |",
      "| sklearn_s | — |",
      "| note | scikit-learn missing |",
      "| peak_rss_gb | 4.5 |",
      "| bare_ort_s | 0.25 |",
      "| cpu | Test CPU |",
      "| memory_gb | 23.4 |",
      "| retrieval | trec \\| eval | 10,000 queries | 1234.6 | 3 |",
      "| encode | bare ort | 2000 texts | 250.0 | 5 |",
    ]) {
      expect(md).toContain(line);
    }
    expect(md).toContain(
      "## encode\n\nTarget: none in issue 7 (informational).\n\nratio = embedder_s / bare_ort_s",
    );
    expect(md).toContain("ratio <= 1): **met**.\n\nratio = embeval_s / reference_s (time, lower is better).");
  });
  it("orders sections as issue 7 lists them", () => {
    const order = ["search", "metrics", "kmeans", "logreg", "memory", "encode"].map((s) =>
      md.indexOf(`## ${s}\n`),
    );
    expect(order.every((p, i) => p > 0 && (i === 0 || p > order[i - 1]))).toBe(true);
  });
});

describe("mergeReport", () => {
  const run = {
    modules: ["encode"],
    rows: [{ module: "encode", name: "bare ort", workload: "300 texts", ms: 40, reps: 5 }],
    figures: { encode: { embedder_s: 0.1, bare_ort_s: 0.05, ratio: 2 } },
    machine: { cpu: "Other CPU" },
    generated: "2026-11-27T00:00:00.000Z",
  };
  it("a single-module run replaces only its sections and rows", () => {
    const merged = mergeReport(report, run, false);
    expect(merged.figures.encode).toEqual({ embedder_s: 0.1, bare_ort_s: 0.05, ratio: 2 });
    expect(merged.figures.search).toEqual(figures.search);
    expect(merged.rows.map((r) => `${r.module}:${r.ms}`)).toEqual(["retrieval:1234.56", "encode:40"]);
    expect(merged.generated).toBe(run.generated);
    expect(merged.machine.cpu).toBe("Other CPU");
  });
  it("a full report run starts from nothing", () => {
    const merged = mergeReport(report, run, true);
    expect(Object.keys(merged.figures)).toEqual(["encode"]);
    expect(merged.rows).toHaveLength(1);
  });
});

describe("files", () => {
  const dir = mkdtempSync(join(tmpdir(), "embeval-bench-report-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it("round-trips through reports/bench.json and renders the md from the json", () => {
    const base = join(dir, "reports", "bench");
    expect(readReport(base)).toBeUndefined();
    writeReport(base, report);
    const json = readFileSync(`${base}.json`, "utf8");
    expect(Object.keys(JSON.parse(json))).toEqual([
      "search",
      "metrics",
      "kmeans",
      "logreg",
      "memory",
      "encode",
      "machine",
      "generated",
      "rows",
    ]);
    expect(JSON.parse(json).search).toEqual({ gflops: 84.2, numpy_gflops: 140.5, ratio: 0.5993 });
    const back = readReport(base)!;
    expect(back).toEqual(parseReport(json));
    expect(reportJson(back)).toBe(json);
    expect(readFileSync(`${base}.md`, "utf8")).toBe(renderMarkdown(back));
    writeReport(base, back);
    expect(readFileSync(`${base}.json`, "utf8")).toBe(json);
  });
  it("refuses a corrupt json with E_PARSE", () => {
    const base = join(dir, "bad");
    writeFileSync(`${base}.json`, "{not json");
    expect(() => readReport(base)).toThrow(expect.objectContaining({ code: "E_PARSE" }));
  });
});
