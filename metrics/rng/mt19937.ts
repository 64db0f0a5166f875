/** Mersenne Twister MT19937 core, bit-exact with numpy `_mt19937` (init_genrand) and CPython `_randommodule.c` (init_by_array). */
import { EmbevalError } from "../errors.js";

const N = 624;
const M = 397;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;
const MATRIX_A = 0x9908b0df;

/** 1812433253 * (x ^ (x >>> 30)) + add, mod 2^32. */
function initStep(prev: number, add: number): number {
  return (Math.imul(1812433253, (prev ^ (prev >>> 30)) >>> 0) + add) >>> 0;
}

/** The 624-word generator; `nextUint32` returns the tempered 32-bit output as a non-negative JS number. */
export class MT19937 {
  private readonly mt = new Uint32Array(N);
  private mti = N;

  private constructor() {}

  /** numpy `RandomState(seed)` legacy seeding: `init_genrand(seed)` with 0 <= seed < 2^32. */
  static fromSeed(seed: number): MT19937 {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new EmbevalError(
        "E_INVALID_ARGUMENT",
        `MT19937 seed must be an integer in [0, 2^32 - 1], got ${seed}`,
        {
          hint: "numpy RandomState only accepts seeds between 0 and 2**32 - 1",
        },
      );
    }
    const g = new MT19937();
    g.initGenrand(seed >>> 0);
    return g;
  }

  /** CPython `random.seed(int)` seeding: `init_by_array(key)` with 32-bit words of the key. */
  static fromKey(key: readonly number[]): MT19937 {
    const g = new MT19937();
    const mt = g.mt;
    g.initGenrand(19650218);
    const keyLength = Math.max(key.length, 1);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, keyLength); k > 0; k--) {
      const prev = mt[i - 1];
      const word = key.length === 0 ? 0 : key[j] >>> 0;
      mt[i] = ((mt[i] ^ Math.imul((prev ^ (prev >>> 30)) >>> 0, 1664525)) + word + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= keyLength) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1];
      mt[i] = ((mt[i] ^ Math.imul((prev ^ (prev >>> 30)) >>> 0, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    g.mti = N;
    return g;
  }

  private initGenrand(seed: number): void {
    const mt = this.mt;
    mt[0] = seed;
    for (let i = 1; i < N; i++) mt[i] = initStep(mt[i - 1], i);
    this.mti = N;
  }

  private twist(): void {
    const mt = this.mt;
    let kk = 0;
    for (; kk < N - M; kk++) {
      const y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
      mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      const y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
      mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.mti = 0;
  }

  /** Next tempered output in [0, 2^32). */
  nextUint32(): number {
    if (this.mti >= N) this.twist();
    let y = this.mt[this.mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** 53-bit float in [0, 1): `((a >> 5) * 2^26 + (b >> 6)) / 2^53` (CPython `random()`, numpy `random_sample()`). */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}
