/** JSON Lines reading (plain or gzip), streamed line by line; errors name the file and line. */
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { createGunzip, gunzipSync } from "node:zlib";
import { EmbevalError } from "../../errors.js";
import { normalizeValue, type Row } from "./value.js";

/** Stream the objects of a .jsonl / .jsonl.gz file (blank lines skipped). */
export async function* readJsonlRows(path: string): AsyncGenerator<Row> {
  const raw = createReadStream(path);
  const input = path.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
  const failed: { error?: unknown } = {};
  input.on("error", (e: Error) => {
    failed.error = e;
  });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (line.trim() === "") continue;
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch (e) {
        throw new EmbevalError("E_PARSE", `${path}:${n}: invalid JSON (${(e as Error).message})`, {
          cause: e,
        });
      }
      if (v === null || typeof v !== "object" || Array.isArray(v)) {
        throw new EmbevalError("E_PARSE", `${path}:${n}: expected a JSON object per line`);
      }
      yield normalizeValue(v) as Row;
    }
  } catch (e) {
    if (e instanceof EmbevalError) throw e;
    throw new EmbevalError("E_PARSE", `cannot read ${path}: ${(e as Error).message}`, {
      hint: "the file is truncated or not gzip; delete it so it is fetched again",
      cause: e,
    });
  }
  if (failed.error) {
    throw new EmbevalError("E_PARSE", `cannot read ${path}: ${(failed.error as Error).message}`, {
      hint: "the file is truncated or not gzip; delete it so it is fetched again",
      cause: failed.error,
    });
  }
}

/**
 * Rows of a .json(.gz) file as the Hugging Face json loader accepts it: a top-level array of objects, or an
 * object holding one array field; anything else is read as JSON Lines.
 */
export async function* readJsonRows(path: string): AsyncGenerator<Row> {
  let text: string;
  try {
    const buf = await readFile(path);
    text = (path.endsWith(".gz") ? gunzipSync(buf) : buf).toString("utf8");
  } catch (e) {
    throw new EmbevalError("E_PARSE", `cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  const head = text.trimStart()[0];
  if (head !== "[" && head !== "{") {
    yield* readJsonlRows(path);
    return;
  }
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    // Several objects on separate lines also start with "{": JSON Lines.
    yield* readJsonlRows(path);
    return;
  }
  const rows = Array.isArray(v) ? v : Object.values(v as object).find((x) => Array.isArray(x));
  if (!Array.isArray(rows)) throw new EmbevalError("E_PARSE", `${path}: expected an array of objects`);
  for (const r of rows) {
    if (r === null || typeof r !== "object" || Array.isArray(r))
      throw new EmbevalError("E_PARSE", `${path}: expected objects`);
    yield normalizeValue(r) as Row;
  }
}
