/**
 * JSON as Python writes and reads it (json.dump(obj, f, indent=2) in mteb's TaskResult.to_disk): float repr
 * (`1.0`, `5e-06`), bare `NaN`/`Infinity`, ensure_ascii escapes — so embeval's files diff cleanly against mteb's.
 */
import { pyFloatRepr } from "../../metrics/numeric.js";
import { EmbevalError } from "../errors.js";

/** A JSON value as Python sees it; numbers are floats unless the writer is told they are ints. */
export type PyJson = null | boolean | number | string | PyJson[] | { [key: string]: PyJson };

/** Python json string encoding with ensure_ascii=True (lower-case hex, surrogate pairs as two escapes). */
export function pyJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Options for `dumpsPython`. */
export interface DumpOptions {
  /** Indent width (mteb uses 2); undefined writes one line with ", " and ": " separators. */
  indent?: number;
  /** Tells which numbers are Python ints (written without ".0"); default: integral values under these keys. */
  isInt?: (key: string | number | undefined, value: number) => boolean;
}

/** Serialize like Python's json.dumps(value, indent=…): key order kept, floats in Python repr. */
export function dumpsPython(value: PyJson, opts: DumpOptions = {}): string {
  const isInt = opts.isInt ?? (() => false);
  const nl = opts.indent === undefined ? "" : "\n";
  const itemSep = opts.indent === undefined ? ", " : ",";
  const pad = (level: number) => (opts.indent === undefined ? "" : " ".repeat(opts.indent * level));
  const enc = (v: PyJson, key: string | number | undefined, level: number): string => {
    if (v === null) return "null";
    if (typeof v === "boolean") return v ? "true" : "false";
    if (typeof v === "number") {
      if (Number.isNaN(v)) return "NaN";
      if (v === Number.POSITIVE_INFINITY) return "Infinity";
      if (v === Number.NEGATIVE_INFINITY) return "-Infinity";
      if (Number.isInteger(v) && isInt(key, v)) return v.toFixed(0);
      return pyFloatRepr(v);
    }
    if (typeof v === "string") return pyJsonString(v);
    if (Array.isArray(v)) {
      if (v.length === 0) return "[]";
      const items = v.map((x, i) => pad(level + 1) + enc(x, i, level + 1));
      return `[${nl}${items.join(itemSep + nl)}${nl}${pad(level)}]`;
    }
    const entries = Object.entries(v);
    if (entries.length === 0) return "{}";
    const items = entries.map(([k, x]) => `${pad(level + 1)}${pyJsonString(k)}: ${enc(x, k, level + 1)}`);
    return `{${nl}${items.join(itemSep + nl)}${nl}${pad(level)}}`;
  };
  return enc(value, undefined, 0);
}

const SENTINEL = "\u0000pyjson:";

/** Parse JSON that may hold Python's bare `NaN`, `Infinity` and `-Infinity` tokens (outside strings only). */
export function parsePythonJson(text: string, source = "JSON"): PyJson {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const rest = text.startsWith("NaN", i)
      ? "NaN"
      : text.startsWith("-Infinity", i)
        ? "-Infinity"
        : text.startsWith("Infinity", i)
          ? "Infinity"
          : undefined;
    if (rest !== undefined) {
      out += `"\\u0000pyjson:${rest}"`;
      i += rest.length;
      continue;
    }
    out += ch;
    i++;
  }
  try {
    return JSON.parse(out, (_k, v) => {
      if (typeof v !== "string" || !v.startsWith(SENTINEL)) return v;
      const tok = v.slice(SENTINEL.length);
      return tok === "NaN"
        ? Number.NaN
        : tok === "Infinity"
          ? Number.POSITIVE_INFINITY
          : Number.NEGATIVE_INFINITY;
    }) as PyJson;
  } catch (e) {
    throw new EmbevalError("E_PARSE", `${source}: invalid JSON (${(e as Error).message})`, { cause: e });
  }
}

export { pyFloatRepr };
