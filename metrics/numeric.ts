/** Python/numpy summation and rounding reproduced exactly: numpy pairwise sum/mean/std, builtin sum, round(). */

const PW_BLOCKSIZE = 128;

/** numpy's pairwise_sum for float64 (unrolled by 8, blocks of 128), numpy/_core/src/umath/loops_utils.h.src. */
function pairwise(a: ArrayLike<number>, start: number, n: number): number {
  if (n < 8) {
    let res = -0;
    for (let i = 0; i < n; i++) res += a[start + i];
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    const r = [
      a[start],
      a[start + 1],
      a[start + 2],
      a[start + 3],
      a[start + 4],
      a[start + 5],
      a[start + 6],
      a[start + 7],
    ];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] += a[start + i + j];
    }
    let res = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < n; i++) res += a[start + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(a, start, n2) + pairwise(a, start + n2, n - n2);
}

/** numpy float32 pairwise sum: the same tree with every addition rounded to float32. */
function pairwiseF32(a: ArrayLike<number>, start: number, n: number): number {
  const f = Math.fround;
  if (n < 8) {
    let res = -0;
    for (let i = 0; i < n; i++) res = f(res + a[start + i]);
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    const r = new Float32Array(8);
    for (let j = 0; j < 8; j++) r[j] = a[start + j];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] = r[j] + a[start + i + j];
    }
    let res = f(f(f(r[0] + r[1]) + f(r[2] + r[3])) + f(f(r[4] + r[5]) + f(r[6] + r[7])));
    for (; i < n; i++) res = f(res + a[start + i]);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return f(pairwiseF32(a, start, n2) + pairwiseF32(a, start + n2, n - n2));
}

/** `np.sum` of a contiguous float64 array (identity 0 plus the pairwise tree). */
export function npSum(values: ArrayLike<number>): number {
  return 0 + pairwise(values, 0, values.length);
}

/** `np.sum` of a contiguous float32 array, accumulated in float32 as numpy does. */
export function npSumF32(values: ArrayLike<number>): number {
  return Math.fround(0 + pairwiseF32(values, 0, values.length));
}

/** `np.mean` of float64 values: pairwise sum divided by n (NaN for an empty input, as numpy). */
export function npMean(values: ArrayLike<number>): number {
  return npSum(values) / values.length;
}

/** `np.std` (population, ddof 0) of float64 values, numpy's two-pass `_var` formula. */
export function npStd(values: ArrayLike<number>): number {
  const n = values.length;
  const mean = npMean(values);
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    sq[i] = d * d;
  }
  return Math.sqrt(npSum(sq) / n);
}

/**
 * Python's builtin `sum` over floats, starting at integer 0. "naive" is CPython ≤ 3.11 (left to right);
 * "neumaier" is CPython ≥ 3.12 (compensated summation, Objects/bltinmodule.c).
 */
export function pySum(values: ArrayLike<number>, mode: "naive" | "neumaier" = "naive"): number {
  if (mode === "naive") {
    let s = 0;
    for (let i = 0; i < values.length; i++) s += values[i];
    return s;
  }
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    const t = s + x;
    if (Math.abs(s) >= Math.abs(x)) c += s - t + x;
    else c += x - t + s;
    s = t;
  }
  // CPython adds the compensation only when it is finite and non-zero.
  return c !== 0 && Number.isFinite(c) ? s + c : s;
}

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

/** Exact binary decomposition of a finite double: |x| = mant · 2^exp. */
function decompose(x: number): { mant: bigint; exp: number } {
  F64[0] = Math.abs(x);
  const bits = U64[0];
  const biased = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  if (biased === 0) return { mant: frac, exp: -1074 };
  return { mant: frac | (1n << 52n), exp: biased - 1075 };
}

/**
 * Python's `round(x, ndigits)` for floats: the exact binary value rounded to `ndigits` decimals, ties to even
 * (Objects/floatobject.c double_round via _Py_dg_dtoa), then converted back to the nearest double.
 */
export function pyRound(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (!Number.isInteger(ndigits)) throw new RangeError("ndigits must be an integer");
  const { mant, exp } = decompose(x);
  // value · 10^nd = mant · 2^exp · 10^nd as an exact rational num/den.
  let num = mant;
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  if (ndigits >= 0) num *= 10n ** BigInt(ndigits);
  else den *= 10n ** BigInt(-ndigits);
  let q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) q += 1n;
  const sign = x < 0 ? "-" : "";
  if (q === 0n) return x < 0 ? -0 : 0;
  const result = ndigits >= 0 ? Number(`${sign}${q}e-${ndigits}`) : Number(`${sign}${q}e${-ndigits}`);
  return result;
}

/**
 * Python's `repr(float)`: shortest round-trip digits, scientific below 1e-4 and from 1e16, exponent ≥ 2 digits;
 * `nan`, `inf`, `-inf` as Python prints them (JSON writes NaN/Infinity instead, see src/results/python-json.ts).
 */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Number.POSITIVE_INFINITY) return "inf";
  if (x === Number.NEGATIVE_INFINITY) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mant, expText] = x.toExponential().split("e");
  const exp = Number(expText);
  const neg = mant.startsWith("-");
  const digits = mant.replace("-", "").replace(".", "");
  const sign = neg ? "-" : "";
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp).toString().padStart(2, "0");
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${"0".repeat(exp + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}
