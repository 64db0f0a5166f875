/** scikit-learn's float32 `_minibatch_update_dense` (unit weights) as emitter input: every operation float32, rows added in order. */
import { code as c, F32, I32, op, V128, type WasmFunc } from "./emit.js";

const { get, set, i32, simd, simdMem, mem, whileLoop, ifElse, inc } = op;
const add = [c.i32Add];
const lt = [c.i32LtU];

// update(xp, lp, nb, d, oldp, newp, cntp, k) locals
const [XP, LP, NB, D, OLDP, NEWP, CNTP, K, J, I, W, PN, T, D4B, DB, PA, CNT, SC, SPL] = Array.from(
  { length: 19 },
  (_, i) => i,
);

/**
 * `new[t] = a[t] ∘ b` for t < d, b a row (at local `src`), a splatted scalar (local SC / SPL) or nothing (a copy):
 * blocks of 4 lane-wise, then the tail; each lane does the scalar float32 operation.
 */
function elementwise(a: number, src: number | "scalar" | "none", vop: number, sop: number): number[] {
  const vb =
    src === "none"
      ? []
      : src === "scalar"
        ? get(SPL)
        : [...get(src), ...get(T), ...add, ...simdMem(c.v128Load)];
  const sb =
    src === "none" ? [] : src === "scalar" ? get(SC) : [...get(src), ...get(T), ...add, ...mem(c.f32Load)];
  return [
    ...i32(0),
    ...set(T),
    ...whileLoop(
      [...get(T), ...get(D4B), ...lt],
      [
        ...get(PN),
        ...get(T),
        ...add,
        ...get(a),
        ...get(T),
        ...add,
        ...simdMem(c.v128Load),
        ...vb,
        ...(src === "none" ? [] : simd(vop)),
        ...simdMem(c.v128Store),
        ...inc(T, 16),
      ],
    ),
    ...whileLoop(
      [...get(T), ...get(DB), ...lt],
      [
        ...get(PN),
        ...get(T),
        ...add,
        ...get(a),
        ...get(T),
        ...add,
        ...mem(c.f32Load),
        ...sb,
        ...(src === "none" ? [] : [sop]),
        ...mem(c.f32Store),
        ...inc(T, 4),
      ],
    ),
  ];
}

/** `labels[i] == j` for the i32 label of row I. */
const isMember = [...get(LP), ...get(I), ...i32(2), c.i32Shl, ...add, ...mem(c.i32Load), ...get(J), 0x46];

/**
 * `update(xp, lp, nb, d, oldp, newp, cntp, k)`: for each centre j with members in the batch (x: nb rows of d float32,
 * labels int32), new_j = fl32(old_j · count_j), then each member row added in row order, count_j += members, then
 * new_j · fl32(1 / count_j); centres without members are copied. All float32, as scikit-learn computes for float32.
 */
export const minibatchUpdateFunc: WasmFunc = {
  name: "update",
  params: [I32, I32, I32, I32, I32, I32, I32, I32],
  results: [],
  locals: [I32, I32, I32, I32, I32, I32, I32, I32, F32, F32, V128],
  body: [
    ...op.byteSpan(D, 4, 4, D4B),
    ...op.byteSpan(D, 1, 4, DB),
    ...i32(0),
    ...set(J),
    ...whileLoop(
      [...get(J), ...get(K), ...lt],
      [
        ...get(NEWP),
        ...get(J),
        ...get(DB),
        c.i32Mul,
        ...add,
        ...set(PN),
        ...get(OLDP),
        ...get(J),
        ...get(DB),
        c.i32Mul,
        ...add,
        ...set(PA),
        // members
        ...i32(0),
        ...set(W),
        ...i32(0),
        ...set(I),
        ...whileLoop([...get(I), ...get(NB), ...lt], [...ifElse(isMember, inc(W, 1), []), ...inc(I, 1)]),
        ...ifElse(
          [...get(W)],
          [
            ...get(CNTP),
            ...get(J),
            ...i32(2),
            c.i32Shl,
            ...add,
            ...mem(c.f32Load),
            ...set(CNT),
            ...get(CNT),
            ...set(SC),
            ...get(SC),
            ...simd(c.f32x4Splat),
            ...set(SPL),
            ...elementwise(PA, "scalar", c.f32x4Mul, c.f32Mul),
            ...i32(0),
            ...set(I),
            ...get(XP),
            ...set(PA),
            ...whileLoop(
              [...get(I), ...get(NB), ...lt],
              [
                ...ifElse(isMember, elementwise(PN, PA, c.f32x4Add, c.f32Add), []),
                ...inc(I, 1),
                ...get(PA),
                ...get(DB),
                ...add,
                ...set(PA),
              ],
            ),
            // count += members (exact integer ≤ 2^24 as float32, then one float32 addition); alpha = fl32(1 / count)
            ...get(CNTP),
            ...get(J),
            ...i32(2),
            c.i32Shl,
            ...add,
            ...get(CNT),
            ...get(W),
            0xb2, // f32.convert_i32_s
            c.f32Add,
            ...set(CNT),
            ...get(CNT),
            ...mem(c.f32Store),
            ...op.f32(1),
            ...get(CNT),
            c.f32Div,
            ...set(SC),
            ...get(SC),
            ...simd(c.f32x4Splat),
            ...set(SPL),
            ...elementwise(PN, "scalar", c.f32x4Mul, c.f32Mul),
          ],
          elementwise(PA, "none", 0, 0),
        ),
        ...inc(J, 1),
      ],
    ),
  ],
};
