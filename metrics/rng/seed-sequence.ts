/** numpy `SeedSequence(entropy)` (numpy 2.4 `bit_generator.pyx`): pool of 4 uint32 words and `generate_state`. */
import { EmbevalError } from "../errors.js";

const POOL_SIZE = 4;
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;

/** Little-endian uint32 words of a non-negative integer (at least one word), numpy `_int_to_uint32_array`. */
export function uint32Words(value: number | bigint): number[] {
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new EmbevalError(
        "E_INVALID_ARGUMENT",
        `SeedSequence entropy must be a non-negative integer, got ${value}`,
        {
          hint: "pass a bigint for seeds beyond 2^53",
        },
      );
    }
    if (value < 0x100000000) return [value];
    return [value % 0x100000000, Math.floor(value / 0x100000000)];
  }
  if (value < 0n) throw new EmbevalError("E_INVALID_ARGUMENT", "SeedSequence entropy must be non-negative");
  const words: number[] = [];
  let v = value;
  while (v > 0n) {
    words.push(Number(v & 0xffffffffn));
    v >>= 32n;
  }
  if (words.length === 0) words.push(0);
  return words;
}

function mix(x: number, y: number): number {
  let r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
  r = (r ^ (r >>> 16)) >>> 0;
  return r;
}

/** `SeedSequence(seed)` without spawn key: the mixed pool and `generateState`. */
export class SeedSequence {
  readonly pool: Uint32Array;

  constructor(entropy: number | bigint) {
    const words = uint32Words(entropy);
    const pool = new Uint32Array(POOL_SIZE);
    // hashmix(v): v ^= hc; hc *= MULT_A; v *= hc; v ^= v >> 16 -- hc carried across calls (inlined for speed).
    let hc = INIT_A;
    for (let i = 0; i < POOL_SIZE; i++) {
      let v = ((i < words.length ? words[i] : 0) ^ hc) >>> 0;
      hc = Math.imul(hc, MULT_A) >>> 0;
      v = Math.imul(v, hc) >>> 0;
      pool[i] = v ^ (v >>> 16);
    }
    for (let src = 0; src < POOL_SIZE; src++) {
      for (let dst = 0; dst < POOL_SIZE; dst++) {
        if (src === dst) continue;
        let v = (pool[src] ^ hc) >>> 0;
        hc = Math.imul(hc, MULT_A) >>> 0;
        v = Math.imul(v, hc) >>> 0;
        pool[dst] = mix(pool[dst], (v ^ (v >>> 16)) >>> 0);
      }
    }
    for (let src = POOL_SIZE; src < words.length; src++) {
      for (let dst = 0; dst < POOL_SIZE; dst++) {
        let v = (words[src] ^ hc) >>> 0;
        hc = Math.imul(hc, MULT_A) >>> 0;
        v = Math.imul(v, hc) >>> 0;
        pool[dst] = mix(pool[dst], (v ^ (v >>> 16)) >>> 0);
      }
    }
    this.pool = pool;
  }

  /** `generate_state(nWords, np.uint32)`. */
  generateState(nWords: number): Uint32Array {
    const out = new Uint32Array(nWords);
    let hc = INIT_B;
    for (let i = 0; i < nWords; i++) {
      let v = (this.pool[i % POOL_SIZE] ^ hc) >>> 0;
      hc = Math.imul(hc, MULT_B) >>> 0;
      v = Math.imul(v, hc) >>> 0;
      out[i] = (v ^ (v >>> 16)) >>> 0;
    }
    return out;
  }
}
