/**
 * The cross-benchmark retrieval table (paper Table 4) from ../shared/results: the cells check-against labels as
 * matching the jina-embeddings-v5-text paper, check-against's Table 4 values are the table's (one computation),
 * missing values carry reasons, and `report --retrieval-table` renders md/json/html (escaped, self-contained).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { pyRound } from "../../../metrics/numeric.js";
import { runCli } from "../../../src/cli/cli.js";
import { memoryIo } from "../../../src/cli/io.js";
import { isEmbevalError } from "../../../src/errors.js";
import { type CheckReport, checkAgainst } from "../../../src/reports/check-against.js";
import { parseLegend, parsePaperTables, parseRowModels } from "../../../src/reports/check-against-paper.js";
import {
  crossAggregates,
  RETRIEVAL_COLUMNS,
  type RetrievalCell,
  type RetrievalTable,
  retrievalColumnTasks,
  retrievalTable,
} from "../../../src/reports/retrieval-table.js";
import {
  type RetrievalJson,
  renderRetrievalHtml,
  renderRetrievalMarkdown,
} from "../../../src/reports/retrieval-table-render.js";
import { esc } from "../../../src/reports/svg/escape.js";
import { readResultTree } from "../../../src/results/tree.js";
import { SHARED_DIR } from "../../helpers/shared.js";

const RESULTS = join(SHARED_DIR, "results");
const PAPER = join(SHARED_DIR, "paper");
const read = (f: string) => readFileSync(join(PAPER, f), "utf8");

const E5 = "intfloat/multilingual-e5-large-instruct";
const NANO = "jinaai/jina-embeddings-v5-text-nano";
const SMALL = "jinaai/jina-embeddings-v5-text-small";
const QWEN = "Qwen/Qwen3-Embedding-0.6B";

/** Table 4 cells of the paper that check-against labels `match` (printed values, ×100, 2 decimals). */
const PAPER_T4: Record<string, Record<string, number>> = {
  [E5]: { "MTEB-M": 57.12, "MTEB-E": 53.47, RTEB: 54.78, BEIR: 52.74, Long: 41.76 },
  [NANO]: { "MTEB-M": 63.26, "MTEB-E": 58.8, RTEB: 64.08, BEIR: 56.06, Long: 63.65 },
};

describe("retrieval table from ../shared/results", () => {
  let table: RetrievalTable;
  let report: CheckReport;
  const row = (m: string) => {
    const r = table.rows.find((x) => x.model === m);
    if (!r) throw new Error(`no row ${m}`);
    return r;
  };

  beforeAll(async () => {
    const tree = await readResultTree([RESULTS]);
    const aggs = crossAggregates(tree);
    table = retrievalTable(aggs);
    report = checkAgainst(
      tree,
      parsePaperTables(read("jina-v5-text-tables.csv")),
      parseLegend(JSON.parse(read("column-legend.json"))),
      parseRowModels(JSON.parse(read("row-models.json"))),
    );
    expect(retrievalColumnTasks(aggs, "RTEB")).toHaveLength(16);
    expect(retrievalColumnTasks(aggs, "RTEB")).not.toContain("SWEbenchCodeRetrieval");
    expect(retrievalColumnTasks(aggs, "MTEB-E")).toHaveLength(10);
    expect(retrievalColumnTasks(aggs, "BEIR")).toContain("CQADupstackRetrieval");
  }, 120_000);

  it("equals the paper's Table 4 for every column of two models (cells check-against labels `match`)", () => {
    for (const [model, cols] of Object.entries(PAPER_T4)) {
      for (const c of RETRIEVAL_COLUMNS) {
        const v = row(model).cells[c.key].value;
        expect(v, `${model} ${c.key}`).not.toBeNull();
        expect(pyRound((v as number) * 100, 2)).toBe(cols[c.key]);
      }
    }
    // Unrounded values (×100) at 4 decimals.
    expect(row(E5).cells.Long.value as number).toBeCloseTo(0.417622, 6);
    expect(row(NANO).cells.RTEB.value as number).toBeCloseTo(0.640832, 6);
    expect(row(SMALL).cells.BEIR.value as number).toBeCloseTo(0.566684, 6);
  });

  it("is check-against's Table 4: every cell of the public models has the same value", () => {
    const t4 = report.rows.filter((r) => r.table === "4" && r.model !== null && r.embeval !== null);
    expect(t4.length).toBeGreaterThanOrEqual(25);
    for (const c of t4) {
      const r = row(c.model as string);
      const cell = c.column === "Avg Tasks" ? r.avg : r.cells[c.column as "BEIR"];
      expect(cell.value === null ? null : cell.value * 100, `${c.row}/${c.column}`).toBe(c.embeval);
    }
    const matched = t4.filter((c) => c.status === "match" && (c.model === E5 || c.model === NANO));
    expect(matched).toHaveLength(10);
  });

  it("Avg is the mean of the five columns; BEIR used the CQADupstack rebuild for the v5 models", () => {
    const r = row(NANO);
    const mean = RETRIEVAL_COLUMNS.reduce((a, c) => a + (r.cells[c.key].value as number), 0) / 5;
    expect(r.avg.value).toBe(mean);
    expect(pyRound(mean * 100, 2)).toBe(61.17);
    expect(r.cqadupstackRebuilt).toBe(true);
    expect(row(E5).cqadupstackRebuilt).toBe(false);
  });

  it("shows missing values as missing, with the reason", () => {
    const q = row(QWEN);
    expect(q.cells["MTEB-M"].value).not.toBeNull();
    expect(q.cells.RTEB.value).toBeNull();
    expect(q.cells.RTEB.reason).toMatch(/^13 of 16 tasks missing: AILACasedocs, /);
    expect(q.cells.Long.missing).toHaveLength(5);
    expect(q.avg.value).toBeNull();
    expect(q.avg.reason).toBe("columns missing: RTEB, Long");
    const bm25 = row("mteb/baseline-bm25s");
    expect(bm25.cells["MTEB-E"].reason).toBe("no result on MTEB(eng, v2)");
    expect(bm25.cells.BEIR.reason).toMatch(/^14 of 15 tasks missing/);
    const md = renderRetrievalMarkdown(table);
    expect(md).toContain("| Qwen/Qwen3-Embedding-0.6B | – | 64.65 | 61.83 | – | 55.52 | – |");
    expect(md).toContain("- Qwen/Qwen3-Embedding-0.6B — Avg: columns missing: RTEB, Long");
    expect(md).toContain("BEIR uses the CQADupstack rebuild");
  });

  it("renders the markdown rows with two decimals", () => {
    const md = renderRetrievalMarkdown(table);
    expect(md).toContain(
      "| intfloat/multilingual-e5-large-instruct | 51.97 | 57.12 | 53.47 | 54.78 | 52.74 | 41.76 |",
    );
    expect(md).toContain(
      "| jinaai/jina-embeddings-v5-text-nano | 61.17 | 63.26 | 58.80 | 64.08 | 56.06 | 63.65 |",
    );
  });
});

describe("embeval report --retrieval-table", () => {
  it("--format json --models: values ×100, nulls with reasons, the rebuild stated", async () => {
    const io = memoryIo();
    const argv = ["report", "--results", RESULTS, "--retrieval-table", "--models", `${NANO},${QWEN}`];
    expect(await runCli([...argv, "--format", "json"], io)).toBe(0);
    const j = JSON.parse(io.stdout()) as RetrievalJson;
    expect(j.models.map((m) => m.model)).toEqual([NANO, QWEN]);
    expect(pyRound(j.models[0].columns.RTEB.value as number, 2)).toBe(64.08);
    expect(j.models[0].avg.value).toBeCloseTo(61.1708, 4);
    expect(j.models[1].columns.Long).toMatchObject({
      value: null,
      reason: expect.stringMatching(/^5 of 6 tasks/),
    });
    expect(j.cqadupstack_rebuilt).toEqual([NANO]);
    expect(j.notes.join(" ")).toContain("BEIR uses the CQADupstack rebuild");
  }, 60_000);

  it("--format html: one self-contained page, missing cells titled with their reason", async () => {
    const io = memoryIo();
    const argv = ["report", "--results", RESULTS, "--retrieval-table", "--models", `${E5},${QWEN}`];
    expect(await runCli([...argv, "--format", "html"], io)).toBe(0);
    const page = io.stdout();
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain("Content-Security-Policy");
    expect(page).not.toMatch(/(src|href)="?https?:/);
    expect(page).toContain('<td class="num">41.76</td>');
    expect(page).toContain(`title="${esc("columns missing: RTEB, Long")}"`);
    expect(page).toContain("BEIR uses the CQADupstack rebuild");
  }, 60_000);

  it("escapes every data string in html", () => {
    const evil = `org/<script>alert("x")</script>'q&`;
    const cell: RetrievalCell = {
      value: null,
      tasks: [],
      missing: ["<b>T</b>"],
      reason: `<img src=x onerror="1">`,
    };
    const cells = { "MTEB-M": cell, "MTEB-E": cell, RTEB: cell, BEIR: cell, Long: cell };
    const page = renderRetrievalHtml({
      columns: RETRIEVAL_COLUMNS,
      rows: [{ model: evil, cells, avg: cell, cqadupstackRebuilt: true }],
    });
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img");
    expect(page).toContain(esc(evil));
    expect(page.match(/<script>/g)).toHaveLength(1); // the page's own sortable-table script only
  });

  it("refuses --benchmark together with --retrieval-table", async () => {
    const e = await runCli(
      ["report", "--results", RESULTS, "--retrieval-table", "--benchmark", "beir"],
      memoryIo(),
    ).catch((x: unknown) => x);
    expect(isEmbevalError(e) && e.code).toBe("E_INVALID_ARGUMENT");
  });
});
