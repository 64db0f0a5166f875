/** The float64 candidate dot-product kernel (four rows at a time, k in f64x2 lanes) as emitter input. */
import { code as c, F64, I32, op, V128, type WasmFunc } from "./emit.js";

const { get, set, i32, simd, simdMem, mem, whileLoop, ifElse, inc } = op;
const add = [c.i32Add];
const lt = [c.i32LtU];
// dots(qptr, bptr, idx, count, d, out) locals
const [QP, BP, IDX, CNT, D, OUT, CI, B0, , , , K4, KQ, A0, , , , X, D2, RB, SUM, D4] = Array.from(
  { length: 22 },
  (_, i) => i,
);

const rowAddr = (j: number) => [
  ...get(BP),
  ...get(IDX),
  ...get(CI),
  ...i32(2),
  c.i32Shl,
  ...add,
  ...mem(c.i32Load, 4 * j),
  ...get(RB),
  c.i32Mul,
  ...add,
  ...set(B0 + j),
];
const accumulate = (j: number, off = 0) => [
  ...get(A0 + j),
  ...get(X),
  ...get(B0 + j),
  ...get(K4),
  ...add,
  ...simdMem(c.v128Load64Zero, off),
  ...simd(c.f64x2PromoteLowF32x4),
  ...simd(c.f64x2Mul),
  ...simd(c.f64x2Add),
  ...set(A0 + j),
];
const store = (j: number) => [
  ...get(A0 + j),
  ...op.lane(c.f64x2ExtractLane, 0),
  ...get(A0 + j),
  ...op.lane(c.f64x2ExtractLane, 1),
  c.f64Add,
  ...set(SUM),
  ...ifElse(
    [...get(K4), ...get(RB), ...lt],
    [
      ...get(SUM),
      ...get(KQ),
      ...mem(c.f64Load),
      ...get(B0 + j),
      ...get(K4),
      ...add,
      ...mem(c.f32Load),
      c.f64PromoteF32,
      c.f64Mul,
      c.f64Add,
      ...set(SUM),
    ],
    [],
  ),
  ...get(OUT),
  ...get(CI),
  ...i32(3),
  c.i32Shl,
  ...add,
  ...get(SUM),
  ...mem(c.f64Store, 8 * j),
];

/**
 * `dots(qptr, bptr, idx, count, d, out)`: out[c] = Σₖ q[k]·b[idx[c]][k] for c < count (a multiple of 4), q float64
 * at qptr, b float32 rows of d at bptr, four rows at a time, even and odd k in the two f64x2 lanes (products exact).
 */
export const dotsFunc: WasmFunc = {
  name: "dots",
  params: [I32, I32, I32, I32, I32, I32],
  results: [],
  locals: [I32, I32, I32, I32, I32, I32, I32, V128, V128, V128, V128, V128, I32, I32, F64, I32],
  body: [
    ...op.byteSpan(D, 4, 4, D4),
    ...op.byteSpan(D, 1, 4, RB),
    ...op.byteSpan(D, 2, 4, D2),
    ...i32(0),
    ...set(CI),
    ...whileLoop(
      [...get(CI), ...get(CNT), ...lt],
      [
        ...[0, 1, 2, 3].flatMap(rowAddr),
        ...[0, 1, 2, 3].flatMap((j) => [...op.v128zero(), ...set(A0 + j)]),
        ...i32(0),
        ...set(K4),
        ...get(QP),
        ...set(KQ),
        // k in steps of 4 (two f64x2 halves), then one step of 2 when d % 4 ≥ 2
        ...whileLoop(
          [...get(K4), ...get(D4), ...lt],
          [
            ...get(KQ),
            ...simdMem(c.v128Load),
            ...set(X),
            ...[0, 1, 2, 3].flatMap((j) => accumulate(j)),
            ...get(KQ),
            ...simdMem(c.v128Load, 16),
            ...set(X),
            ...[0, 1, 2, 3].flatMap((j) => accumulate(j, 8)),
            ...inc(K4, 16),
            ...inc(KQ, 32),
          ],
        ),
        ...whileLoop(
          [...get(K4), ...get(D2), ...lt],
          [
            ...get(KQ),
            ...simdMem(c.v128Load),
            ...set(X),
            ...[0, 1, 2, 3].flatMap((j) => accumulate(j)),
            ...inc(K4, 8),
            ...inc(KQ, 16),
          ],
        ),
        ...[0, 1, 2, 3].flatMap(store),
        ...inc(CI, 4),
      ],
    ),
  ],
};
