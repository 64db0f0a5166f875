/** The values a dataset row can hold once read from parquet, JSON Lines or CSV. */

/** A cell value: parquet int64 becomes a number when it is a safe integer, else stays a bigint. */
export type Value = string | number | bigint | boolean | null | Value[] | { [key: string]: Value };

/** One dataset row, keyed by column name (insertion order = file column order). */
export type Row = Record<string, Value>;

/** Normalise a raw decoded value: safe bigints to numbers, typed arrays to arrays, recursively. */
export function normalizeValue(v: unknown): Value {
  if (v === undefined || v === null) return null;
  if (typeof v === "bigint") {
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map(normalizeValue);
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    if (v instanceof Uint8Array) return Buffer.from(v).toString("base64");
    return Array.from(v as unknown as ArrayLike<number | bigint>, normalizeValue);
  }
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") {
    const out: { [key: string]: Value } = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = normalizeValue(x);
    return out;
  }
  return String(v);
}
