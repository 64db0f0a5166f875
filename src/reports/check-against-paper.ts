/** Reads a paper's tables as data (../shared/paper: tables CSV, column legend, row → model map) for `report --check-against`. */
import { EmbevalError } from "../errors.js";

/** One printed cell of the paper. */
export interface PaperCell {
  readonly table: string;
  readonly row: string;
  readonly column: string;
  /** The cell as printed, e.g. `62.20 †` or `$-$ 1.46`. */
  readonly printed: string;
  /** The number printed (null when the cell holds none). */
  readonly value: number | null;
  /** Digits after the decimal point. */
  readonly decimals: number;
  /** The paper marks the cell † (partially self-evaluated). */
  readonly dagger: boolean;
}

/** An appendix table of the column legend: benchmark, task type and abbreviation → task name. */
export interface LegendTable {
  readonly benchmark: string;
  readonly taskType: string | null;
  readonly columns: Readonly<Record<string, string>>;
}

/** The column legend: type abbreviations of Tables 2/3 and the appendix tables. */
export interface PaperLegend {
  readonly typeColumns: Readonly<Record<string, string>>;
  readonly appendix: Readonly<Record<string, LegendTable>>;
}

/** Paper row label → mteb model name (null: no public results). */
export type RowModels = Readonly<Record<string, string | null>>;

function bad(what: string, hint: string): EmbevalError {
  return new EmbevalError("E_INVALID_ARGUMENT", what, { hint });
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** The number of a printed cell: `$-$ 1.46` → -1.46, `62.20 †` → 62.2 with 2 decimals. */
export function parsePrintedCell(printed: string): { value: number | null; decimals: number } {
  const s = printed.replace(/†/g, "").replace(/\$-\$/g, "-").replace(/\s+/g, "").replace(/\*+$/, "");
  if (!/^-?\d+(\.\d+)?$/.test(s)) return { value: null, decimals: 0 };
  const dot = s.indexOf(".");
  return { value: Number(s), decimals: dot < 0 ? 0 : s.length - dot - 1 };
}

/** Parses the tables CSV (`table,row,column,paper_cell,dagger`). */
export function parsePaperTables(text: string): PaperCell[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = splitCsvLine(lines[0] ?? "");
  const idx = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0)
      throw bad(`tables CSV lacks the "${name}" column`, "expected table,row,column,paper_cell,dagger");
    return i;
  };
  const [t, r, c, p, d] = ["table", "row", "column", "paper_cell", "dagger"].map(idx);
  return lines.slice(1).map((line) => {
    const f = splitCsvLine(line);
    const printed = f[p] ?? "";
    const { value, decimals } = parsePrintedCell(printed);
    return {
      table: f[t],
      row: f[r],
      column: f[c],
      printed,
      value,
      decimals,
      dagger: f[d] === "1" || printed.includes("†"),
    };
  });
}

/** Parses column-legend.json. */
export function parseLegend(json: unknown): PaperLegend {
  if (typeof json !== "object" || json === null)
    throw bad("column legend is not an object", "pass column-legend.json");
  const o = json as Record<string, unknown>;
  const appendix: Record<string, LegendTable> = {};
  for (const [k, v] of Object.entries((o.appendix ?? {}) as Record<string, Record<string, unknown>>)) {
    appendix[k] = {
      benchmark: String(v.benchmark),
      taskType: typeof v.task_type === "string" ? v.task_type : null,
      columns: (v.columns ?? {}) as Record<string, string>,
    };
  }
  return { typeColumns: (o.summary_type_columns ?? {}) as Record<string, string>, appendix };
}

/** Parses row-models.json. */
export function parseRowModels(json: unknown): RowModels {
  if (typeof json !== "object" || json === null)
    throw bad("row-models is not an object", "pass row-models.json");
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(json as Record<string, unknown>))
    out[k] = typeof v === "string" ? v : null;
  return out;
}
