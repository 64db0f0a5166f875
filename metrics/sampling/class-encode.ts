/** HF datasets `Dataset.class_encode_column` (`arrow_dataset.py`): class names = sorted(str(v)) by code point, values -> their index. */
import { EmbevalError } from "../errors.js";

/** Python `repr(float)` for a non-integer-valued or non-finite JS number (shortest round-trip digits, Python's exponent rules). */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Number.POSITIVE_INFINITY) return "inf";
  if (x === Number.NEGATIVE_INFINITY) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const [mant, expStr] = Math.abs(x).toExponential().split("e");
  const digits = mant.replace(".", "");
  const exp = Number(expStr);
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : `${Math.abs(exp)}`;
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const frac = digits.slice(exp + 1);
  return `${sign}${intPart}.${frac === "" ? "0" : frac}`;
}

/**
 * Python `str(v)`: strings as is, booleans "True"/"False". Numbers: integer-valued numbers are Python ints
 * (decimal digits) unless `floatColumn`, in which case every number is a Python float (`repr`).
 */
export function pyStr(v: string | number | boolean, floatColumn = false): string {
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "True" : "False";
  if (!floatColumn && Number.isInteger(v)) {
    if (!Number.isSafeInteger(v)) {
      throw new EmbevalError(
        "E_UNSUPPORTED",
        `integer label ${v} is beyond 2^53 and cannot be stringified exactly`,
      );
    }
    return String(v);
  }
  return pyFloatRepr(v);
}

/** Python string order: by code point (not UTF-16 unit). */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/** `class_encode_column`: names = sorted(unique(str(v))), ids[i] = names.index(str(values[i])). */
export function classEncode(
  values: readonly (string | number | boolean)[],
  options: { floatColumn?: boolean } = {},
): { names: string[]; ids: number[] } {
  const strs = values.map((v) => pyStr(v, options.floatColumn ?? false));
  const names = [...new Set(strs)].sort(compareCodePoints);
  const index = new Map<string, number>(names.map((name, i) => [name, i]));
  return { names, ids: strs.map((s) => index.get(s)!) };
}
