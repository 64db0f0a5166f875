/** Typed column access on loaded rows: every missing column or wrong type is a coded error naming the dataset. */
import { EmbevalError } from "../errors.js";
import type { Row, Value } from "./files/value.js";

/** Column readers bound to one dataset description (for messages). */
export interface Columns {
  str(row: Row, col: string, i: number): string;
  num(row: Row, col: string, i: number): number;
  label(row: Row, col: string, i: number): number | string;
  list(row: Row, col: string, i: number): Value[];
  has(rows: readonly Row[], col: string): boolean;
  require(rows: readonly Row[], cols: readonly string[]): void;
}

/** Make column readers for `where` (e.g. "mteb/scifact@d56462d0 test"). */
export function columns(where: string): Columns {
  const bad = (col: string, i: number, what: string) =>
    new EmbevalError("E_PARSE", `${where}: row ${i} column "${col}" ${what}`, {
      hint: "the dataset does not have the layout this task expects; check the revision",
    });
  const get = (row: Row, col: string, i: number): Value => {
    if (!(col in row)) throw bad(col, i, "is missing");
    return row[col];
  };
  return {
    str(row, col, i) {
      const v = get(row, col, i);
      if (v === null) return "";
      if (typeof v === "string") return v;
      if (typeof v === "number" || typeof v === "bigint") return String(v);
      throw bad(col, i, `is ${Array.isArray(v) ? "a list" : typeof v}, expected text`);
    },
    num(row, col, i) {
      const v = get(row, col, i);
      const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
      if (!Number.isFinite(n)) throw bad(col, i, `is ${JSON.stringify(v)}, expected a number`);
      return n;
    },
    label(row, col, i) {
      const v = get(row, col, i);
      if (typeof v === "number" || typeof v === "string") return v;
      if (typeof v === "boolean") return v ? 1 : 0;
      throw bad(col, i, `is ${JSON.stringify(v)}, expected a label`);
    },
    list(row, col, i) {
      const v = get(row, col, i);
      if (!Array.isArray(v)) throw bad(col, i, "is not a list");
      return v;
    },
    has: (rows, col) => rows.length > 0 && col in rows[0],
    require(rows, cols) {
      if (rows.length === 0) return;
      const missing = cols.filter((c) => !(c in rows[0]));
      if (missing.length > 0) {
        throw new EmbevalError(
          "E_PARSE",
          `${where}: missing column(s) ${missing.join(", ")} (has ${Object.keys(rows[0]).join(", ")})`,
          {
            hint: "the dataset does not have the layout this task expects; check the revision",
          },
        );
      }
    },
  };
}

/** Apply `rename_column` transforms to rows (returns new rows). */
export function renameColumns(rows: Row[], renames: Readonly<Record<string, string>> | undefined): Row[] {
  if (!renames || Object.keys(renames).length === 0) return rows;
  return rows.map((r) => {
    const out: Row = {};
    for (const [k, v] of Object.entries(r)) out[renames[k] ?? k] = v;
    return out;
  });
}

/** BEIR/mteb qrels rows (`query-id`, `corpus-id`, `score`) as `{qid: {docid: score}}`, scores cast to int32 like mteb. */
export function qrelsFromRows(rows: readonly Row[], col: Columns): Map<string, Map<string, number>> {
  col.require(rows, ["query-id", "corpus-id", "score"]);
  const qrels = new Map<string, Map<string, number>>();
  rows.forEach((r, i) => {
    const q = col.str(r, "query-id", i);
    let m = qrels.get(q);
    if (!m) {
      m = new Map();
      qrels.set(q, m);
    }
    m.set(col.str(r, "corpus-id", i), Math.trunc(col.num(r, "score", i)) | 0);
  });
  return qrels;
}
