/** scikit-learn's float32 `_inertia_dense` (blocks of 4 summed left to right, then the tail; rows summed in order) as emitter input. */
import { code as c, F32, I32, op, V128, type WasmFunc } from "./emit.js";

const { get, set, tee, i32, simd, simdMem, mem, whileLoop, inc } = op;
const add = [c.i32Add];
const lt = [c.i32LtU];

// inertia(xp, cp, lp, n, d) locals
const [XP, CP, LP, N, D, I, A, B, T, D4B, DB, RES, TOTAL, V, DF] = Array.from({ length: 15 }, (_, i) => i);

const lane = (l: number) => [...get(V), ...op.lane(c.f32x4ExtractLane, l)];

/**
 * `inertia(xp, cp, lp, n, d) → f32`: Σᵢ ‖x_i − c_{l_i}‖² for x (n × d float32 at xp), c (float32 rows of d at cp),
 * labels (int32 at lp), every operation float32 in `_euclidean_dense_dense`'s order: per 4-block the differences and
 * squares lane-wise (exact IEEE ops, as the scalar ones), then ((s0 + s1) + s2) + s3 added to the row's sum; the tail
 * element by element; the rows' sums added to the total in row order.
 */
export const inertiaFunc: WasmFunc = {
  name: "inertia",
  params: [I32, I32, I32, I32, I32],
  results: [F32],
  locals: [I32, I32, I32, I32, I32, I32, F32, F32, V128, F32],
  body: [
    ...op.byteSpan(D, 4, 4, D4B),
    ...op.byteSpan(D, 1, 4, DB),
    ...op.f32(0),
    ...set(TOTAL),
    ...i32(0),
    ...set(I),
    ...get(XP),
    ...set(A),
    ...whileLoop(
      [...get(I), ...get(N), ...lt],
      [
        ...get(CP),
        ...get(LP),
        ...get(I),
        ...i32(2),
        c.i32Shl,
        ...add,
        ...mem(c.i32Load),
        ...get(DB),
        c.i32Mul,
        ...add,
        ...set(B),
        ...op.f32(0),
        ...set(RES),
        ...i32(0),
        ...set(T),
        ...whileLoop(
          [...get(T), ...get(D4B), ...lt],
          [
            ...get(A),
            ...get(T),
            ...add,
            ...simdMem(c.v128Load),
            ...get(B),
            ...get(T),
            ...add,
            ...simdMem(c.v128Load),
            ...simd(c.f32x4Sub),
            ...tee(V),
            ...get(V),
            ...simd(c.f32x4Mul),
            ...set(V),
            ...get(RES),
            ...lane(0),
            ...lane(1),
            c.f32Add,
            ...lane(2),
            c.f32Add,
            ...lane(3),
            c.f32Add,
            c.f32Add,
            ...set(RES),
            ...inc(T, 16),
          ],
        ),
        ...whileLoop(
          [...get(T), ...get(DB), ...lt],
          [
            ...get(RES),
            ...get(A),
            ...get(T),
            ...add,
            ...mem(c.f32Load),
            ...get(B),
            ...get(T),
            ...add,
            ...mem(c.f32Load),
            c.f32Sub,
            ...tee(DF),
            ...get(DF),
            c.f32Mul,
            c.f32Add,
            ...set(RES),
            ...inc(T, 4),
          ],
        ),
        ...get(TOTAL),
        ...get(RES),
        c.f32Add,
        ...set(TOTAL),
        ...inc(I, 1),
        ...get(A),
        ...get(DB),
        ...add,
        ...set(A),
      ],
    ),
    ...get(TOTAL),
  ],
};
