/** Parquet reading through hyparquet (+ hyparquet-compressors), streamed one row group at a time. */
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { EmbevalError } from "../../errors.js";
import { normalizeValue, type Row } from "./value.js";

/** Column names and row count of a parquet file, from its footer. */
export async function parquetInfo(
  path: string,
): Promise<{ rows: number; columns: string[]; rowGroups: number }> {
  const meta = await readMeta(path);
  const columns = meta.schema.slice(1).filter((s) => s.num_children === undefined || s.num_children === 0);
  const top = topLevelNames(meta.schema);
  return {
    rows: Number(meta.num_rows),
    columns: top.length > 0 ? top : columns.map((c) => c.name),
    rowGroups: meta.row_groups.length,
  };
}

type Meta = Awaited<ReturnType<typeof parquetMetadataAsync>>;

function topLevelNames(schema: Meta["schema"]): string[] {
  // schema[0] is the root; walk its direct children, skipping each child's subtree.
  const names: string[] = [];
  let i = 1;
  const skip = (idx: number): number => {
    const n = schema[idx].num_children ?? 0;
    let next = idx + 1;
    for (let c = 0; c < n; c++) next = skip(next);
    return next;
  };
  while (i < schema.length) {
    names.push(schema[i].name);
    i = skip(i);
  }
  return names;
}

async function readMeta(path: string): Promise<Meta> {
  try {
    const file = await asyncBufferFromFile(path);
    return await parquetMetadataAsync(file);
  } catch (e) {
    throw new EmbevalError("E_PARSE", `cannot read parquet footer of ${path}: ${(e as Error).message}`, {
      hint: "the file is truncated or not parquet; delete it from the cache so it is downloaded again",
      cause: e,
    });
  }
}

/** Stream the rows of a parquet file, one row group in memory at a time. */
export async function* readParquetRows(path: string, columns?: string[]): AsyncGenerator<Row> {
  const meta = await readMeta(path);
  const file = await asyncBufferFromFile(path);
  let start = 0;
  for (const group of meta.row_groups) {
    const end = start + Number(group.num_rows);
    let rows: Record<string, unknown>[];
    try {
      rows = await parquetReadObjects({
        file,
        metadata: meta,
        compressors,
        columns,
        rowStart: start,
        rowEnd: end,
      });
    } catch (e) {
      throw new EmbevalError(
        "E_PARSE",
        `cannot decode rows ${start}..${end} of ${path}: ${(e as Error).message}`,
        {
          hint: "the file is corrupt; delete it from the cache so it is downloaded again",
          cause: e,
        },
      );
    }
    for (const r of rows) {
      const out: Row = {};
      for (const [k, v] of Object.entries(r)) out[k] = normalizeValue(v);
      yield out;
    }
    start = end;
  }
}
