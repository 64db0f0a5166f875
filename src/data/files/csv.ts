/** CSV / TSV reading with csv-parse (header row = column names), streamed; .gz accepted. */
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse";
import { EmbevalError } from "../../errors.js";
import type { Row } from "./value.js";

/** Stream rows of a delimited text file; the delimiter defaults from the extension (.tsv → tab). */
export async function* readCsvRows(path: string, delimiter?: string): AsyncGenerator<Row> {
  const base = path.replace(/\.gz$/, "");
  const sep = delimiter ?? (base.endsWith(".tsv") ? "\t" : ",");
  const raw = createReadStream(path);
  const input = path.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
  const parser = input.pipe(
    parse({
      delimiter: sep,
      columns: true,
      relax_quotes: sep === "\t",
      quote: sep === "\t" ? false : '"',
      bom: true,
    }),
  );
  input.on("error", (e: Error) => parser.destroy(e));
  try {
    for await (const rec of parser) yield rec as Row;
  } catch (e) {
    throw new EmbevalError("E_PARSE", `cannot parse ${path}: ${(e as Error).message}`, { cause: e });
  }
}
