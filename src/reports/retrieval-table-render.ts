/** Markdown, JSON and HTML output of the cross-benchmark retrieval table (`embeval report --retrieval-table`). */
import { type Cell, htmlPage, num, table } from "./html-page.js";
import { formatScore } from "./markdown.js";
import type { RetrievalCell, RetrievalTable } from "./retrieval-table.js";
import { esc } from "./svg/escape.js";

const TITLE = "Cross-benchmark retrieval";

/** What every output states about the recipe (BEIR's rebuild, RTEB's task set, the Avg). */
export function retrievalNotes(t: RetrievalTable): string[] {
  const rebuilt = t.rows.filter((r) => r.cqadupstackRebuilt).map((r) => r.model);
  return [
    ...t.columns.map((c) => `${c.key}: mean main score of ${c.description}.`),
    "Avg: mean of the five columns.",
    `BEIR uses the CQADupstack rebuild: CQADupstackRetrieval rebuilt from its 12 sub-task files (mteb never does ` +
      `this) for: ${rebuilt.length ? rebuilt.join(", ") : "no model"}.`,
    "A column over an incomplete task set is left blank with the reason, never averaged over fewer tasks.",
  ];
}

function missingLines(t: RetrievalTable): string[] {
  const out: string[] = [];
  for (const r of t.rows) {
    for (const c of t.columns) {
      const reason = r.cells[c.key].reason;
      if (reason !== null) out.push(`${r.model} — ${c.key}: ${reason}`);
    }
    if (r.avg.reason !== null) out.push(`${r.model} — Avg: ${r.avg.reason}`);
  }
  return out;
}

const mdCell = (s: string): string => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
const show = (c: RetrievalCell): string => (c.value === null ? "–" : formatScore(c.value));

/** The markdown table (×100, 2 decimals; "–" for a missing value, its reason listed below). */
export function renderRetrievalMarkdown(t: RetrievalTable): string {
  const header = ["Model", "Avg", ...t.columns.map((c) => c.key)];
  const lines = [
    `# ${TITLE}`,
    "",
    ...retrievalNotes(t).map((n) => `- ${n}`),
    "",
    `| ${header.join(" | ")} |`,
    `|---|${header
      .slice(1)
      .map(() => "---:")
      .join("|")}|`,
  ];
  for (const r of t.rows) {
    const cells = [r.model, show(r.avg), ...t.columns.map((c) => show(r.cells[c.key]))];
    lines.push(`| ${cells.map(mdCell).join(" | ")} |`);
  }
  const missing = missingLines(t);
  if (missing.length) lines.push("", "Missing values:", "", ...missing.map((m) => `- ${mdCell(m)}`));
  return `${lines.join("\n")}\n`;
}

/** One JSON cell: value ×100 (unrounded) or null with the reason and the missing tasks. */
export interface RetrievalJsonCell {
  value: number | null;
  reason: string | null;
  missing: string[];
}

/** The JSON form of the table. */
export interface RetrievalJson {
  table: "cross-benchmark retrieval";
  columns: { key: string; description: string }[];
  notes: string[];
  /** Models whose BEIR column used CQADupstackRetrieval rebuilt from its sub-task files. */
  cqadupstack_rebuilt: string[];
  models: { model: string; avg: RetrievalJsonCell; columns: Record<string, RetrievalJsonCell> }[];
}

const jsonCell = (c: RetrievalCell): RetrievalJsonCell => ({
  value: c.value === null ? null : c.value * 100,
  reason: c.reason,
  missing: [...c.missing],
});

/** Builds the JSON object (values ×100, unrounded). */
export function retrievalJson(t: RetrievalTable): RetrievalJson {
  return {
    table: "cross-benchmark retrieval",
    columns: t.columns.map((c) => ({ key: c.key, description: c.description })),
    notes: retrievalNotes(t),
    cqadupstack_rebuilt: t.rows.filter((r) => r.cqadupstackRebuilt).map((r) => r.model),
    models: t.rows.map((r) => ({
      model: r.model,
      avg: jsonCell(r.avg),
      columns: Object.fromEntries(t.columns.map((c) => [c.key, jsonCell(r.cells[c.key])])),
    })),
  };
}

/** The JSON text (two-space indent, trailing newline). */
export function renderRetrievalJson(t: RetrievalTable): string {
  return `${JSON.stringify(retrievalJson(t), null, 2)}\n`;
}

const htmlCell = (c: RetrievalCell): Cell =>
  c.value === null ? { text: "–", num: true, title: c.reason ?? "" } : num(formatScore(c.value));

/** The table as one self-contained HTML page (missing cells carry their reason as a tooltip and in a list). */
export function renderRetrievalHtml(t: RetrievalTable): string {
  const header: Cell[] = [
    { text: "Model" },
    { text: "Avg", title: "mean of the five columns" },
    ...t.columns.map((c) => ({ text: c.key, title: c.description })),
  ];
  const rows = t.rows.map((r) => [
    { text: r.model, cls: "model" },
    htmlCell(r.avg),
    ...t.columns.map((c) => htmlCell(r.cells[c.key])),
  ]);
  const notes = retrievalNotes(t)
    .map((n) => `<li>${esc(n)}</li>`)
    .join("");
  const missing = missingLines(t);
  const body = [
    `<h1>${esc(TITLE)}</h1>`,
    `<p class="note">Scores ×100 (mteb main scores), rounded to 2 decimals. Click a column header to sort.</p>`,
    `<ul class="note">${notes}</ul>`,
    table(header, rows),
  ];
  if (missing.length)
    body.push(
      `<p class="note">Missing values:</p><ul>${missing.map((m) => `<li>${esc(m)}</li>`).join("")}</ul>`,
    );
  return htmlPage(`embeval report: ${TITLE}`, body);
}
