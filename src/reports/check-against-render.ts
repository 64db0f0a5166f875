/** Markdown and JSON output of `embeval report --check-against` (one line per printed cell of the paper, plus a summary). */
import { type CheckReport, checkSummaryLine } from "./check-against.js";

const num = (x: number | null, d = 4): string => (x === null ? "–" : x.toFixed(d));
const esc = (s: string): string => s.replace(/\|/g, "\\|");

/** A markdown table of every cell: table, row, column, paper, embeval, delta, status, detail; summary line first. */
export function renderCheckMarkdown(report: CheckReport): string {
  const lines = [
    "# Paper check",
    "",
    checkSummaryLine(report),
    "",
    "| table | row | column | paper | embeval | delta | status | detail |",
    "|---|---|---|---:|---:|---:|---|---|",
  ];
  for (const r of report.rows) {
    lines.push(
      `| ${esc(r.table)} | ${esc(r.row)} | ${esc(r.column)} | ${esc(r.printed)} | ${num(r.embeval)} | ${num(r.delta)} | ${r.status} | ${esc(r.detail)} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The JSON form: `{ summary, counts, cells: [...] }` (values ×100, unrounded). */
export function renderCheckJson(report: CheckReport): string {
  return `${JSON.stringify({ summary: checkSummaryLine(report), counts: report.counts, cells: report.rows }, null, 1)}\n`;
}
