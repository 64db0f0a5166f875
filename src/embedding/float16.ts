/**
 * IEEE 754 binary16 conversion for the opt-in `--cache-dtype float16` embedding cache; reproduces numpy 2.x
 * `float32_array.astype(np.float16)` (round to nearest, ties to even, subnormals kept, overflow → ±inf) and
 * `float16_array.astype(np.float32)` (exact). Node 20 has no Float16Array, so the bits are computed here.
 */
import { EmbevalError } from "../errors.js";

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** binary16 bits of the float32 value nearest `x` (x is first rounded to float32, as numpy casts a float32 array). */
export function float32ToHalfBits(x: number): number {
  f32[0] = x;
  const b = u32[0];
  const sign = (b >>> 16) & 0x8000;
  const exp = (b >>> 23) & 0xff;
  const mant = b & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant !== 0 ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    // Subnormal half: value / 2^-24, rounded half to even; below 2^-25 it is ±0.
    if (e < -10) return sign;
    const m = mant | 0x800000;
    const shift = 14 - e;
    const half = 2 ** (shift - 1);
    let q = Math.floor(m / 2 ** shift);
    const rem = m - q * 2 ** shift;
    if (rem > half || (rem === half && (q & 1) === 1)) q++;
    return sign | q;
  }
  const q = mant >>> 13;
  const rem = mant & 0x1fff;
  let h = sign | (e << 10) | q;
  // A carry out of the mantissa bumps the exponent (and 65520 and above becomes inf), as the format intends.
  if (rem > 0x1000 || (rem === 0x1000 && (q & 1) === 1)) h++;
  return h;
}

/** The float value of binary16 bits (exactly representable in float32). */
export function halfBitsToFloat(h: number): number {
  const s = (h & 0x8000) !== 0 ? -1 : 1;
  const e = (h >>> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 0x1f) return m !== 0 ? Number.NaN : s * Number.POSITIVE_INFINITY;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

/**
 * Encode float32 values as binary16 (little-endian Uint16Array). A finite value whose float16 is ±inf (|x| ≥ 65520)
 * is E_UNSUPPORTED: the float16 cache cannot hold that model's vectors.
 */
export function encodeHalf(values: Float32Array): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const h = float32ToHalfBits(values[i]);
    if ((h & 0x7c00) === 0x7c00 && Number.isFinite(values[i])) {
      throw new EmbevalError("E_UNSUPPORTED", `vector value ${values[i]} is outside the float16 range`, {
        hint: "use --cache-dtype float32 for this model",
      });
    }
    out[i] = h;
  }
  return out;
}

/** Decode binary16 values to float32. */
export function decodeHalf(bits: Uint16Array): Float32Array {
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = halfBitsToFloat(bits[i]);
  return out;
}

/** The values a float16 cache gives back for `values` (float32 → float16 → float32). */
export function roundToHalf(values: Float32Array): Float32Array {
  return decodeHalf(encodeHalf(values));
}
