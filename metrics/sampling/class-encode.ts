/** HF datasets `Dataset.class_encode_column` (`arrow_dataset.py`): class names = sorted(str(v)) by code point, values -> their index. */

import { EmbevalError } from "../errors.js";
import { pyFloatRepr } from "../numeric.js";
import { compareCodePoints } from "../ranking.js";

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

export { compareCodePoints, pyFloatRepr };
