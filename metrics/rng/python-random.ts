/** CPython 3.11 `random.Random` (Lib/random.py over _randommodule.c MT19937), bit-exact for integer seeds. */
import { EmbevalError } from "../errors.js";
import { MT19937 } from "./mt19937.js";

/** Little-endian 32-bit words of |seed| (at least one word), as CPython `random_seed` builds the key. */
function seedKey(seed: number | bigint): number[] {
  let s: bigint;
  if (typeof seed === "bigint") s = seed;
  else {
    if (!Number.isSafeInteger(seed)) {
      throw new EmbevalError("E_INVALID_ARGUMENT", `PythonRandom seed must be a safe integer, got ${seed}`, {
        hint: "pass a bigint for seeds beyond 2^53",
      });
    }
    s = BigInt(seed);
  }
  if (s < 0n) s = -s;
  const key: number[] = [];
  while (s > 0n) {
    key.push(Number(s & 0xffffffffn));
    s >>= 32n;
  }
  if (key.length === 0) key.push(0);
  return key;
}

function bitLength(n: number): number {
  return n < 0x100000000 ? 32 - Math.clz32(n) : n.toString(2).length;
}

function badArg(message: string): EmbevalError {
  return new EmbevalError("E_INVALID_ARGUMENT", message);
}

/** `random.Random(seed)`: the same draws, in the same order, as CPython 3.11. */
export class PythonRandom {
  private readonly mt: MT19937;

  constructor(seed: number | bigint) {
    this.mt = MT19937.fromKey(seedKey(seed));
  }

  /** Raw 32-bit MT output (what `getrandbits(32)` returns). */
  nextUint32(): number {
    return this.mt.nextUint32();
  }

  /** `random()`: 53-bit float in [0, 1). */
  random(): number {
    return this.mt.nextDouble();
  }

  /** `getrandbits(k)` as a bigint: words least-significant first, the last word shifted right to fit. */
  getrandbits(k: number): bigint {
    if (!Number.isInteger(k) || k < 0)
      throw badArg(`getrandbits: number of bits must be a non-negative integer, got ${k}`);
    if (k <= 32) return BigInt(this.bits32(k));
    let result = 0n;
    let shift = 0n;
    for (let left = k; left > 0; left -= 32) {
      let r = this.mt.nextUint32();
      if (left < 32) r >>>= 32 - left;
      result |= BigInt(r) << shift;
      shift += 32n;
    }
    return result;
  }

  /** getrandbits(k) for k <= 32 as a number (k = 0 draws nothing). */
  private bits32(k: number): number {
    if (k === 0) return 0;
    return this.mt.nextUint32() >>> (32 - k);
  }

  /** `_randbelow_with_getrandbits(n)`: k = n.bit_length(), redraw getrandbits(k) while >= n. n in [1, 2^53]. */
  randbelow(n: number): number {
    if (!Number.isSafeInteger(n) || n <= 0)
      throw badArg(`randbelow: n must be a positive safe integer, got ${n}`);
    const k = bitLength(n);
    if (k <= 32) {
      let r = this.bits32(k);
      while (r >= n) r = this.bits32(k);
      return r;
    }
    const bn = BigInt(n);
    let r = this.getrandbits(k);
    while (r >= bn) r = this.getrandbits(k);
    return Number(r);
  }

  /** `randrange(start[, stop[, step]])` (3.11 semantics, integers only). */
  randrange(start: number, stop?: number, step = 1): number {
    for (const v of [start, stop ?? 0, step]) {
      if (!Number.isSafeInteger(v)) throw badArg(`randrange: arguments must be integers, got ${v}`);
    }
    if (stop === undefined) {
      if (step !== 1) throw badArg("randrange: missing a non-None stop argument");
      if (start > 0) return this.randbelow(start);
      throw badArg("randrange: empty range for randrange()");
    }
    const width = stop - start;
    if (step === 1) {
      if (width > 0) return start + this.randbelow(width);
      throw badArg(`randrange: empty range (${start}, ${stop}, ${step})`);
    }
    let n: number;
    if (step > 0) n = Math.floor((width + step - 1) / step);
    else if (step < 0) n = Math.floor((width + step + 1) / step);
    else throw badArg("randrange: zero step for randrange()");
    if (n <= 0) throw badArg(`randrange: empty range (${start}, ${stop}, ${step})`);
    return start + step * this.randbelow(n);
  }

  /** `randint(a, b)` = randrange(a, b + 1). */
  randint(a: number, b: number): number {
    return this.randrange(a, b + 1);
  }

  /** `random.sample(range(n), k)`: pool method when n <= setsize, else the set method. */
  sample(n: number, k: number): number[] {
    if (!Number.isSafeInteger(n) || n < 0)
      throw badArg(`sample: population size must be a non-negative integer, got ${n}`);
    if (!Number.isInteger(k) || k < 0 || k > n)
      throw badArg("sample: Sample larger than population or is negative");
    const result = new Array<number>(k);
    let setsize = 21;
    if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
    if (n <= setsize) {
      const pool = new Array<number>(n);
      for (let i = 0; i < n; i++) pool[i] = i;
      for (let i = 0; i < k; i++) {
        const j = this.randbelow(n - i);
        result[i] = pool[j];
        pool[j] = pool[n - i - 1];
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = this.randbelow(n);
        while (selected.has(j)) j = this.randbelow(n);
        selected.add(j);
        result[i] = j;
      }
    }
    return result;
  }

  /** `random.sample(population, k)` for a sequence: the same index draws as `sample(len, k)`. */
  samplePopulation<T>(population: readonly T[], k: number): T[] {
    return this.sample(population.length, k).map((i) => population[i]);
  }

  /** `random.choices(range(n), k=k)` without weights: floor(random() * n), k times. */
  choices(n: number, k: number): number[] {
    if (!Number.isInteger(k) || k < 0) throw badArg(`choices: k must be a non-negative integer, got ${k}`);
    if (n <= 0 && k > 0) throw badArg("choices: cannot choose from an empty population");
    const out = new Array<number>(k);
    for (let i = 0; i < k; i++) out[i] = Math.floor(this.mt.nextDouble() * n);
    return out;
  }

  /** `random.choice(seq)`: seq[_randbelow(len(seq))]. */
  choice<T>(seq: readonly T[]): T {
    if (seq.length === 0) throw badArg("choice: cannot choose from an empty sequence");
    return seq[this.randbelow(seq.length)];
  }

  /** `random.shuffle(x)` in place: for i = n-1..1, j = _randbelow(i + 1), swap. */
  shuffle<T>(x: T[]): void {
    for (let i = x.length - 1; i > 0; i--) {
      const j = this.randbelow(i + 1);
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
  }
}
