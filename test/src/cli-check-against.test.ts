/**
 * `embeval report --check-against <tables.csv>` (runReport with the --check-against/--legend/--rows flags) on
 * ../shared/results + ../shared/paper: JSON and markdown outputs, defaults next to the CSV, coded errors.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { type ReportFlags, runReport } from "../../src/cli/report.js";
import { isEmbevalError } from "../../src/errors.js";
import type { CheckRow } from "../../src/reports/check-against.js";
import { SHARED_DIR } from "../helpers/shared.js";

const RESULTS = join(SHARED_DIR, "results");
const CSV = join(SHARED_DIR, "paper", "jina-v5-text-tables.csv");
const tmp = mkdtempSync(join(tmpdir(), "embeval-check-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(flags: Partial<ReportFlags>): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await runReport(io, { results: [RESULTS], format: "md", ...flags });
  return { code, out: io.stdout(), err: io.stderr() };
}

const SUMMARY =
  "3437 cells: 1352 match, 32 rounding, 54 dagger, 1960 missing public result, 11 task set differs, 28 value differs";

describe("report --check-against", () => {
  it("prints JSON with one entry per printed cell and the label counts", async () => {
    const r = await run({ checkAgainst: CSV, format: "json" });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { summary: string; counts: Record<string, number>; cells: CheckRow[] };
    expect(j.summary).toBe(SUMMARY);
    expect(j.cells.length).toBe(3437);
    expect(j.counts["task set differs"]).toBe(11);
    const g = j.cells.find((c) => c.table === "2" && c.row === "Gemma-300M" && c.column === "RR");
    expect(g?.status).toBe("value differs");
    expect(g?.delta as number).toBeCloseTo(0.0541, 3);
    const m = j.cells.find(
      (c) => c.table === "3" && c.row === "mult.-e5-l-instr." && c.column === "Avg Tasks",
    );
    expect(m?.status).toBe("match");
    expect(m?.embeval as number).toBeCloseTo(65.5306, 3);
  }, 120_000);

  it("prints a markdown table with the summary line, with explicit --legend/--rows, to --out", async () => {
    const out = join(tmp, "check.md");
    const r = await run({
      checkAgainst: CSV,
      legend: join(SHARED_DIR, "paper", "column-legend.json"),
      rows: join(SHARED_DIR, "paper", "row-models.json"),
      out,
    });
    expect(r.code).toBe(0);
    expect(r.err).toContain("wrote");
    const md = readFileSync(out, "utf8");
    expect(md).toContain(SUMMARY);
    expect(md.split("\n").filter((l) => /^\| (2|3|4|A\d+) \|/.test(l)).length).toBe(3437);
    expect(md).toContain(
      "| 3 | j-v5-text-small | Cls | 90.4 | 90.7508 | 0.3508 | task set differs | AmazonCounterfactual/MassiveIntent averaged over all subsets and splits gives 90.4182",
    );
  }, 120_000);

  it("rejects html and a missing legend with coded errors", async () => {
    const e1 = await run({ checkAgainst: CSV, format: "html" }).catch((e: unknown) => e);
    expect(isEmbevalError(e1) && e1.code).toBe("E_INVALID_ARGUMENT");
    const e2 = await run({ checkAgainst: CSV, legend: join(tmp, "nope.json") }).catch((e: unknown) => e);
    expect(isEmbevalError(e2) && e2.code).toBe("E_INVALID_ARGUMENT");
    expect(isEmbevalError(e2) && e2.message).toContain("column legend");
  });
});
