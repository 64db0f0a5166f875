/** numpy `PCG64` bit generator (PCG XSL-RR 128/64, numpy 2.4 `pcg64.h`), 128-bit state in eight 16-bit limbs for speed. */
import { SeedSequence } from "./seed-sequence.js";

// 0x2360ED051FC65DA44385DF649FCCF645 as 16-bit limbs, least significant first.
const M0 = 0xf645;
const M1 = 0x9fcc;
const M2 = 0xdf64;
const M3 = 0x4385;
const M4 = 0x5da4;
const M5 = 0x1fc6;
const M6 = 0xed05;
const M7 = 0x2360;

/** Eight 16-bit limbs of a 128-bit value, least significant first. */
type Limbs = [number, number, number, number, number, number, number, number];

/** Split four 32-bit words (least significant first) into 16-bit limbs. */
function limbsOf(w0: number, w1: number, w2: number, w3: number): Limbs {
  return [w0 & 0xffff, w0 >>> 16, w1 & 0xffff, w1 >>> 16, w2 & 0xffff, w2 >>> 16, w3 & 0xffff, w3 >>> 16];
}

function limbsToBigInt(limbs: readonly number[]): bigint {
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = (v << 16n) | BigInt(limbs[i]);
  return v;
}

/**
 * `PCG64(SeedSequence(seed))`. After `step()`, the 64-bit output is in `outHi`/`outLo`.
 * Limb arithmetic: column sums stay below 2^36, so `& 0xffff` and `/ 65536 | 0` are exact.
 */
export class PCG64 {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private s4 = 0;
  private s5 = 0;
  private s6 = 0;
  private s7 = 0;
  private readonly i0: number;
  private readonly i1: number;
  private readonly i2: number;
  private readonly i3: number;
  private readonly i4: number;
  private readonly i5: number;
  private readonly i6: number;
  private readonly i7: number;
  /** High 32 bits of the last output. */
  outHi = 0;
  /** Low 32 bits of the last output. */
  outLo = 0;

  constructor(seed: number | bigint | SeedSequence) {
    const ss = seed instanceof SeedSequence ? seed : new SeedSequence(seed);
    const w = ss.generateState(8);
    // initstate = v0 << 64 | v1 and initseq = v2 << 64 | v3, with v_i = w[2i] | w[2i+1] << 32.
    const initstate = limbsOf(w[2], w[3], w[0], w[1]);
    const initseq = limbsOf(w[6], w[7], w[4], w[5]);
    const inc: number[] = [];
    let carry = 1;
    for (let i = 0; i < 8; i++) {
      const v = initseq[i] * 2 + carry;
      inc.push(v & 0xffff);
      carry = v >>> 16;
    }
    [this.i0, this.i1, this.i2, this.i3, this.i4, this.i5, this.i6, this.i7] = inc;
    this.advanceState();
    const s = this.limbs();
    carry = 0;
    for (let i = 0; i < 8; i++) {
      const v = s[i] + initstate[i] + carry;
      s[i] = v & 0xffff;
      carry = v >>> 16;
    }
    [this.s0, this.s1, this.s2, this.s3, this.s4, this.s5, this.s6, this.s7] = s;
    this.advanceState();
  }

  private limbs(): Limbs {
    return [this.s0, this.s1, this.s2, this.s3, this.s4, this.s5, this.s6, this.s7];
  }

  /** state = state * MULT + inc (mod 2^128), schoolbook on 16-bit limbs. */
  private advanceState(): void {
    const { s0, s1, s2, s3, s4, s5, s6, s7 } = this;
    let c = s0 * M0 + this.i0;
    this.s0 = c & 0xffff;
    c = ((c / 65536) | 0) + s0 * M1 + s1 * M0 + this.i1;
    this.s1 = c & 0xffff;
    c = ((c / 65536) | 0) + s0 * M2 + s1 * M1 + s2 * M0 + this.i2;
    this.s2 = c & 0xffff;
    c = ((c / 65536) | 0) + s0 * M3 + s1 * M2 + s2 * M1 + s3 * M0 + this.i3;
    this.s3 = c & 0xffff;
    c = ((c / 65536) | 0) + s0 * M4 + s1 * M3 + s2 * M2 + s3 * M1 + s4 * M0 + this.i4;
    this.s4 = c & 0xffff;
    c = ((c / 65536) | 0) + s0 * M5 + s1 * M4 + s2 * M3 + s3 * M2 + s4 * M1 + s5 * M0 + this.i5;
    this.s5 = c & 0xffff;
    c = ((c / 65536) | 0) + s0 * M6 + s1 * M5 + s2 * M4 + s3 * M3 + s4 * M2 + s5 * M1 + s6 * M0 + this.i6;
    this.s6 = c & 0xffff;
    c =
      ((c / 65536) | 0) +
      s0 * M7 +
      s1 * M6 +
      s2 * M5 +
      s3 * M4 +
      s4 * M3 +
      s5 * M2 +
      s6 * M1 +
      s7 * M0 +
      this.i7;
    this.s7 = c & 0xffff;
  }

  /** Advance once and compute the XSL-RR output: rotr64(hi64 ^ lo64, state >> 122) into outHi/outLo. */
  step(): void {
    this.advanceState();
    const xHi = ((this.s7 << 16) | this.s6) ^ ((this.s3 << 16) | this.s2);
    const xLo = ((this.s5 << 16) | this.s4) ^ ((this.s1 << 16) | this.s0);
    let rot = this.s7 >>> 10;
    let hi = xHi;
    let lo = xLo;
    if (rot >= 32) {
      hi = xLo;
      lo = xHi;
      rot -= 32;
    }
    if (rot === 0) {
      this.outHi = hi >>> 0;
      this.outLo = lo >>> 0;
    } else {
      this.outHi = ((hi >>> rot) | (lo << (32 - rot))) >>> 0;
      this.outLo = ((lo >>> rot) | (hi << (32 - rot))) >>> 0;
    }
  }

  /** The current 128-bit state, as numpy's `bit_generator.state["state"]["state"]`. */
  stateBigInt(): bigint {
    return limbsToBigInt(this.limbs());
  }

  /** The 128-bit increment, as numpy's `bit_generator.state["state"]["inc"]`. */
  incBigInt(): bigint {
    return limbsToBigInt([this.i0, this.i1, this.i2, this.i3, this.i4, this.i5, this.i6, this.i7]);
  }
}
