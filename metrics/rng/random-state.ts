/** numpy legacy `np.random.RandomState(seed)` (numpy 2.4 `mtrand.pyx`, `distributions.c`), bit-exact for the methods sklearn and mteb use. */
import { EmbevalError } from "../errors.js";
import { MT19937 } from "./mt19937.js";
import { mask32, permutationOf, shuffleInPlace } from "./shuffle.js";

function mask64(max: bigint): bigint {
  let m = max;
  for (const s of [1n, 2n, 4n, 8n, 16n, 32n]) m |= m >> s;
  return m;
}

function badArg(message: string, hint?: string): EmbevalError {
  return new EmbevalError("E_INVALID_ARGUMENT", message, hint === undefined ? {} : { hint });
}

/** `RandomState(seed)` with integer seed in [0, 2^32): MT19937 seeded by init_genrand. */
export class RandomState {
  private readonly mt: MT19937;

  constructor(seed: number) {
    this.mt = MT19937.fromSeed(seed);
  }

  /** One MT output (numpy `next_uint32` for MT19937). */
  nextUint32(): number {
    return this.mt.nextUint32();
  }

  /** numpy `next_uint64` for MT19937: `(next32 << 32) | next32`. */
  nextUint64(): bigint {
    const hi = this.mt.nextUint32();
    const lo = this.mt.nextUint32();
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** `random_sample()`: 53-bit float in [0, 1) from two outputs. */
  randomSample(): number {
    return this.mt.nextDouble();
  }

  /** `random_sample(size)`. */
  randomSampleArray(size: number): Float64Array {
    const out = new Float64Array(size);
    for (let i = 0; i < size; i++) out[i] = this.mt.nextDouble();
    return out;
  }

  /** `uniform(low, high, size)`: low + (high - low) * random_sample(). */
  uniform(low: number, high: number, size: number): Float64Array {
    const range = high - low;
    if (!Number.isFinite(range)) throw new EmbevalError("E_NOT_FINITE", "uniform: high - low is not finite");
    const out = new Float64Array(size);
    for (let i = 0; i < size; i++) out[i] = low + range * this.mt.nextDouble();
    return out;
  }

  /** Masked rejection in [0, rng] (numpy `random_bounded_uint64_fill` with use_masked, one value). */
  private boundedMasked(rng: number): number {
    if (rng === 0) return 0;
    if (rng <= 0xffffffff) {
      if (rng === 0xffffffff) return this.mt.nextUint32();
      const mask = mask32(rng);
      let v = (this.mt.nextUint32() & mask) >>> 0;
      while (v > rng) v = (this.mt.nextUint32() & mask) >>> 0;
      return v;
    }
    const big = BigInt(rng);
    const mask = mask64(big);
    let v = this.nextUint64() & mask;
    while (v > big) v = this.nextUint64() & mask;
    return Number(v);
  }

  /** `randint(low, high)` (one int64 value in [low, high)). */
  randint(low: number, high: number): number {
    if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high))
      throw badArg("randint: bounds must be safe integers");
    if (high <= low) throw badArg(`randint: low >= high (${low}, ${high})`);
    return low + this.boundedMasked(high - 1 - low);
  }

  /** `randint(low, high, size)`: the same stream as numpy's default int64 fill. Values must fit int32. */
  randintArray(low: number, high: number, size: number): Int32Array {
    if (low < -0x80000000 || high > 0x80000000) throw badArg("randintArray: bounds must fit in int32");
    if (high <= low) throw badArg(`randint: low >= high (${low}, ${high})`);
    const out = new Int32Array(size);
    const rng = high - 1 - low;
    for (let i = 0; i < size; i++) out[i] = low + this.boundedMasked(rng);
    return out;
  }

  /** numpy `random_interval(max)`: masked rejection in [0, max], no draw when max == 0. */
  randomInterval(max: number): number {
    if (max === 0) return 0;
    return this.boundedMasked(max);
  }

  /** `shuffle(x)` in place: for i = n-1..1, j = random_interval(i), swap. */
  shuffle<T>(x: T[] | Int32Array | Float64Array): void {
    shuffleInPlace(x, (max) => this.randomInterval(max));
  }

  /** `permutation(n)` = shuffle(arange(n)). */
  permutation(n: number): Int32Array {
    return permutationOf(n, (max) => this.randomInterval(max));
  }

  /** `choice(n, size, p=p)` with replacement: searchsorted(cumsum(p)/cdf[-1], random_sample(size), "right"). */
  choiceP(n: number, size: number, p: ArrayLike<number>): Int32Array {
    const cdf = cdfOf(n, p);
    const out = new Int32Array(size);
    for (let i = 0; i < size; i++) out[i] = searchRight(cdf, this.mt.nextDouble());
    return out;
  }

  /** `choice(n, p=p)` scalar: one random_sample. */
  choiceP1(n: number, p: ArrayLike<number>): number {
    return searchRight(cdfOf(n, p), this.mt.nextDouble());
  }

  /** `choice(n, size)` with replacement and no p = randint(0, n, size). */
  choice(n: number, size: number): Int32Array {
    if (n <= 0) throw badArg("choice: a must be greater than 0");
    return this.randintArray(0, n, size);
  }

  /** `choice(n, size, replace=False)` without p = permutation(n)[:size]. */
  choiceNoReplace(n: number, size: number): Int32Array {
    if (size > n) throw badArg("choice: Cannot take a larger sample than population when 'replace=False'");
    if (size < 0) throw badArg("choice: negative dimensions are not allowed");
    return this.permutation(n).slice(0, size);
  }
}

/** Validate p like numpy (length, non-negative, sums to 1 within sqrt(eps)) and return cumsum(p) / cdf[-1]. */
function cdfOf(n: number, p: ArrayLike<number>): Float64Array {
  if (n <= 0) throw badArg("choice: a must be greater than 0 unless no samples are taken");
  if (p.length !== n) throw badArg("choice: 'a' and 'p' must have same size");
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const v = p[i];
    if (!Number.isFinite(v))
      throw new EmbevalError("E_NOT_FINITE", "choice: probabilities contain NaN or infinity");
    if (v < 0) throw badArg("choice: probabilities are not non-negative");
    acc += v;
    cdf[i] = acc;
  }
  const total = plainSum(p);
  if (Math.abs(total - 1) > Math.sqrt(2.220446049250313e-16))
    throw badArg("choice: probabilities do not sum to 1");
  const last = cdf[n - 1];
  for (let i = 0; i < n; i++) cdf[i] /= last;
  return cdf;
}

/** Sum of p, used only for the sqrt(eps) tolerance check (so summation order does not matter). */
function plainSum(p: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += p[i];
  return s;
}

/** First index i with cdf[i] > u (numpy searchsorted side="right"). */
export function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
