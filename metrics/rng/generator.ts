/** numpy `Generator(PCG64(SeedSequence(seed)))` = `np.random.default_rng(seed)` (numpy 2.4 `_generator.pyx`, `distributions.c`). */
import { EmbevalError } from "../errors.js";
import { PCG64 } from "./pcg64.js";
import { mask32, permutationOf, shuffleInPlace } from "./shuffle.js";

function badArg(message: string): EmbevalError {
  return new EmbevalError("E_INVALID_ARGUMENT", message);
}

const TWO32 = 0x100000000;
const TWO_M24 = 2 ** -24;
const TWO_M53 = 2 ** -53;
const U64_MAX = (1n << 64n) - 1n;

/** `np.random.default_rng(seed)`. */
export function defaultRng(seed: number | bigint): Generator {
  return new Generator(new PCG64(seed));
}

/** numpy `Generator` over PCG64, reproducing the draws of the methods mteb and HF datasets use. */
export class Generator {
  private readonly bitgen: PCG64;
  private hasUint32 = false;
  private uinteger = 0;

  constructor(bitgen: PCG64) {
    this.bitgen = bitgen;
  }

  /** `next_uint64`; does not touch the 32-bit buffer. */
  nextUint64(): bigint {
    this.bitgen.step();
    return (BigInt(this.bitgen.outHi) << 32n) | BigInt(this.bitgen.outLo);
  }

  /** `next_uint32`: low half of a fresh 64-bit output, buffering the high half for the next call. */
  nextUint32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.bitgen.step();
    this.hasUint32 = true;
    this.uinteger = this.bitgen.outHi;
    return this.bitgen.outLo;
  }

  /** `random()`: (next64 >> 11) * 2^-53. */
  random(): number {
    this.bitgen.step();
    return (this.bitgen.outHi * 2097152 + (this.bitgen.outLo >>> 11)) * TWO_M53;
  }

  /** `random(size)` float64. */
  randomArray(n: number): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.random();
    return out;
  }

  /** One value of `random(dtype=float32)`: (next32 >> 8) * 2^-24. */
  randomFloat32(): number {
    return (this.nextUint32() >>> 8) * TWO_M24;
  }

  /** `random(n, dtype=float32)`. */
  randomFloat32Array(n: number): Float32Array {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = (this.nextUint32() >>> 8) * TWO_M24;
    return out;
  }

  /** Lemire bounded integer in [0, rng] for rng < 2^32 - 1 (numpy `buffered_bounded_lemire_uint32`). */
  private lemire32(rng: number): number {
    const excl = rng + 1;
    let [hi, lo] = mulWide(this.nextUint32(), excl);
    if (lo < excl) {
      const threshold = (0xffffffff - rng) % excl;
      while (lo < threshold) [hi, lo] = mulWide(this.nextUint32(), excl);
    }
    return hi;
  }

  /** Lemire bounded integer in [0, rng] for 2^32 <= rng < 2^64 - 1 (numpy `bounded_lemire_uint64`). */
  private lemire64(rng: bigint): bigint {
    const excl = rng + 1n;
    let m = this.nextUint64() * excl;
    let lo = m & U64_MAX;
    if (lo < excl) {
      const threshold = (U64_MAX - rng) % excl;
      while (lo < threshold) {
        m = this.nextUint64() * excl;
        lo = m & U64_MAX;
      }
    }
    return m >> 64n;
  }

  /** numpy `random_bounded_uint64(state, 0, rng, 0, use_masked=False)`: value in [0, rng]. */
  bounded(rng: number): number {
    if (rng === 0) return 0;
    if (rng < 0xffffffff) return this.lemire32(rng);
    if (rng === 0xffffffff) return this.nextUint32();
    return Number(this.lemire64(BigInt(rng)));
  }

  /** `integers(low, high)` (int64, endpoint=False): Lemire on [0, high - 1 - low]. */
  integers(low: number, high: number): number {
    if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high))
      throw badArg("integers: bounds must be safe integers");
    if (high <= low) throw badArg(`integers: low >= high (${low}, ${high})`);
    return low + this.bounded(high - 1 - low);
  }

  /** `integers(low, high, size)`. */
  integersArray(low: number, high: number, size: number): number[] {
    const out = new Array<number>(size);
    for (let i = 0; i < size; i++) out[i] = this.integers(low, high);
    return out;
  }

  /** numpy `random_interval(max)`: masked rejection (used by shuffle/permutation), no draw for max == 0. */
  randomInterval(max: number): number {
    if (max === 0) return 0;
    if (max <= 0xffffffff) {
      const mask = mask32(max);
      let v = (this.nextUint32() & mask) >>> 0;
      while (v > max) v = (this.nextUint32() & mask) >>> 0;
      return v;
    }
    const big = BigInt(max);
    let mask = big;
    for (const s of [1n, 2n, 4n, 8n, 16n, 32n]) mask |= mask >> s;
    let v = this.nextUint64() & mask;
    while (v > big) v = this.nextUint64() & mask;
    return Number(v);
  }

  /** `shuffle(x)` in place: for i = n-1..1, j = random_interval(i), swap. */
  shuffle<T>(x: T[] | Int32Array | Float64Array): void {
    shuffleInPlace(x, (max) => this.randomInterval(max));
  }

  /** `permutation(n)` = shuffle(arange(n)). */
  permutation(n: number): Int32Array {
    return permutationOf(n, (max) => this.randomInterval(max));
  }

  /** `permutation(array)`: a shuffled copy. */
  permuted<T>(x: readonly T[]): T[] {
    const out = x.slice();
    this.shuffle(out);
    return out;
  }

  /** Lemire Fisher-Yates of data[first..n-1] (numpy `_shuffle_int`). */
  private shuffleInt(data: Int32Array, first: number): void {
    for (let i = data.length - 1; i >= first; i--) {
      const j = this.bounded(i);
      const t = data[j];
      data[j] = data[i];
      data[i] = t;
    }
  }

  /** `choice(pop, size, replace=False)` (shuffle=True, no p): tail shuffle or Floyd + Lemire shuffle. */
  choiceNoReplace(pop: number, size: number): Int32Array {
    if (!Number.isInteger(pop) || pop < 0 || pop > 0x7fffffff)
      throw badArg(`choice: bad population size ${pop}`);
    if (!Number.isInteger(size) || size < 0) throw badArg("choice: negative dimensions are not allowed");
    if (size > pop) throw badArg("choice: Cannot take a larger sample than population when replace is False");
    if (pop === 0 && size > 0) throw badArg("choice: a cannot be empty unless no samples are taken");
    if (pop > 10000 && size > Math.floor(pop / 50)) {
      const idx = new Int32Array(pop);
      for (let i = 0; i < pop; i++) idx[i] = i;
      this.shuffleInt(idx, Math.max(pop - size, 1));
      return idx.slice(pop - size);
    }
    const out = new Int32Array(size);
    const taken = new Set<number>();
    for (let j = pop - size; j < pop; j++) {
      const val = this.bounded(j);
      const pick = taken.has(val) ? j : val;
      taken.add(pick);
      out[j - pop + size] = pick;
    }
    this.shuffleInt(out, 1);
    return out;
  }

  /** `choice(a, size, replace=False)` for an array a: a[choiceNoReplace(len(a), size)]. */
  choiceFrom<T>(a: readonly T[], size: number): T[] {
    return Array.from(this.choiceNoReplace(a.length, size), (i) => a[i]);
  }
}

/** Exact 64-bit product of two uint32 values as [hi32, lo32]. */
function mulWide(x: number, r: number): [number, number] {
  const a = (x & 0xffff) * r;
  const b = (x >>> 16) * r;
  const bl = b % 65536;
  const s = bl * 65536 + a;
  const lo = s % TWO32;
  const hi = Math.floor(b / 65536) + Math.floor(s / TWO32);
  return [hi, lo];
}
