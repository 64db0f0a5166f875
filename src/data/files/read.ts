/** Format dispatch: stream the rows of any supported dataset file by its extension. */
import { EmbevalError } from "../../errors.js";
import { readCsvRows } from "./csv.js";
import { readJsonlRows, readJsonRows } from "./jsonl.js";
import { readParquetRows } from "./parquet.js";
import type { Row } from "./value.js";

/** File formats embeval reads. */
export type FileFormat = "parquet" | "jsonl" | "json" | "csv" | "tsv";

/** The format of a data file from its name (gzip allowed for text formats), or undefined. */
export function formatOf(path: string): FileFormat | undefined {
  const p = path.toLowerCase().replace(/\.gz$/, "");
  if (p.endsWith(".parquet")) return path.toLowerCase().endsWith(".gz") ? undefined : "parquet";
  if (p.endsWith(".jsonl") || p.endsWith(".ndjson")) return "jsonl";
  if (p.endsWith(".json")) return "json";
  if (p.endsWith(".csv")) return "csv";
  if (p.endsWith(".tsv")) return "tsv";
  return undefined;
}

/** Stream the rows of a data file; unknown formats are a coded error naming the file. */
export function readRows(path: string, columns?: string[]): AsyncGenerator<Row> {
  const fmt = formatOf(path);
  switch (fmt) {
    case "parquet":
      return readParquetRows(path, columns);
    case "jsonl":
      return readJsonlRows(path);
    case "json":
      return readJsonRows(path);
    case "csv":
    case "tsv":
      return readCsvRows(path);
    default:
      throw new EmbevalError("E_UNSUPPORTED", `unsupported data file format: ${path}`, {
        hint: "embeval reads .parquet, .jsonl(.gz), .csv(.gz) and .tsv(.gz)",
      });
  }
}

/** Read every row of a file into memory. */
export async function readAllRows(path: string, columns?: string[]): Promise<Row[]> {
  const out: Row[] = [];
  for await (const r of readRows(path, columns)) out.push(r);
  return out;
}
