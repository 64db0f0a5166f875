/**
 * Every oracle case must be run by some parity suite: the task types below are those the suites iterate with
 * listCases; a case of any other type (a new case set in ORACLE_CASES_DIR) fails here instead of going untested.
 */
import { describe, expect, it } from "vitest";
import { listCases, loadCase, ORACLE_CASES_DIR } from "../helpers/oracle.js";

/** Task type → the test file that reproduces its cases. */
const SUITES: Record<string, string> = {
  retrieval: "test/metrics/retrieval/oracle.test.ts",
  reranking: "test/metrics/retrieval/rerank.test.ts",
  "instruction-reranking": "test/metrics/pmrr.test.ts",
  sts: "test/metrics/sts.test.ts",
  "pair-classification": "test/metrics/pair.test.ts",
  "bitext-mining": "test/metrics/bitext.test.ts",
  summarization: "test/metrics/summarization.test.ts",
  correlation: "test/metrics/correlation.test.ts",
  ap: "test/metrics/average-precision.test.ts",
  classification: "test/metrics/classification/oracle.test.ts",
  logreg: "test/metrics/classification/oracle.test.ts",
  "multilabel-classification": "test/metrics/multilabel/evaluate.oracle.test.ts",
  "multilabel-subsampling": "test/metrics/sampling/iterative-stratification.test.ts",
  clustering: "test/metrics/clustering/evaluate-fast.test.ts",
  "clustering-legacy": "test/metrics/clustering/evaluate-legacy.test.ts",
  vmeasure: "test/metrics/clustering/label-metrics.test.ts",
};

describe(`oracle coverage (${ORACLE_CASES_DIR})`, () => {
  const cases = listCases();
  it("finds the cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  it("every case's task type has a parity suite", () => {
    const uncovered = cases.filter((c) => !(loadCase(c).task in SUITES));
    expect(uncovered).toEqual([]);
  });
  it("every suite listed here iterates its task type", async () => {
    const { readFileSync } = await import("node:fs");
    for (const [task, file] of Object.entries(SUITES)) {
      expect(
        readFileSync(new URL(`../../${file}`, import.meta.url), "utf8"),
        `${file} runs ${task}`,
      ).toContain(`"${task}"`);
    }
  });
});
