/** The torch float32 normalisation kernel (AVX2 lane order of ‖x‖², then the division) as emitter input. */
import { code as c, F32, I32, op, V128, type WasmFunc } from "./emit.js";

const { get, set, tee, i32, simd, simdMem, mem, whileLoop, ifElse, inc } = op;
const add = [c.i32Add];
const lt = [c.i32LtU];

// normalize(ptr, rows, cols, scratch) locals
const [PTR, ROWS, COLS, SCR, R, P, E, Q, END, ACCA, ACCB, S, NORM, V, T] = Array.from(
  { length: 15 },
  (_, i) => i,
);

/** x·x for the f32 at local Q (+offset) as a v128 / scalar. */
const sqV = (off: number) => [
  ...get(Q),
  ...simdMem(c.v128Load, off),
  ...tee(V),
  ...get(V),
  ...simd(c.f32x4Mul),
];
const sqS = [...get(Q), ...mem(c.f32Load), ...get(Q), ...mem(c.f32Load), c.f32Mul];
const lane = (l: number) => [...get(V), ...op.lane(c.f32x4ExtractLane, l)];

/** ‖row‖² in torch's AVX2 order (8 lanes as two f32x4 accumulators, tail into lanes, fold l+4, l+2, l+1) into S. */
const squaredNorm = ifElse(
  [...get(COLS), ...i32(8), ...lt],
  [
    ...op.f32(0),
    ...set(S),
    ...get(P),
    ...set(Q),
    ...whileLoop([...get(Q), ...get(E), ...lt], [...get(S), ...sqS, c.f32Add, ...set(S), ...inc(Q, 4)]),
  ],
  [
    ...op.v128zero(),
    ...set(ACCA),
    ...op.v128zero(),
    ...set(ACCB),
    ...get(P),
    ...set(Q),
    ...get(P),
    ...get(COLS),
    ...i32(-8),
    c.i32And,
    ...i32(2),
    c.i32Shl,
    ...add,
    ...set(END),
    ...whileLoop(
      [...get(Q), ...get(END), ...lt],
      [
        ...get(ACCA),
        ...sqV(0),
        ...simd(c.f32x4Add),
        ...set(ACCA),
        ...get(ACCB),
        ...sqV(16),
        ...simd(c.f32x4Add),
        ...set(ACCB),
        ...inc(Q, 32),
      ],
    ),
    ...get(SCR),
    ...get(ACCA),
    ...simdMem(c.v128Store),
    ...get(SCR),
    ...get(ACCB),
    ...simdMem(c.v128Store, 16),
    // tail: element l of the last partial block goes to lane l
    ...whileLoop(
      [...get(Q), ...get(E), ...lt],
      [
        ...get(SCR),
        ...get(Q),
        ...add,
        ...get(END),
        c.i32Sub,
        ...tee(T),
        ...get(T),
        ...mem(c.f32Load),
        ...sqS,
        c.f32Add,
        ...mem(c.f32Store),
        ...inc(Q, 4),
      ],
    ),
    ...get(SCR),
    ...simdMem(c.v128Load),
    ...get(SCR),
    ...simdMem(c.v128Load, 16),
    ...simd(c.f32x4Add),
    ...set(V),
    ...lane(0),
    ...lane(2),
    c.f32Add,
    ...lane(1),
    ...lane(3),
    c.f32Add,
    c.f32Add,
    ...set(S),
  ],
);

/** row / max(norm, 1e-12): float32 division, or (tiny norms) float64 division by the float64 1e-12 as JS does. */
const divide = ifElse(
  [...get(NORM), c.f64PromoteF32, ...op.f64(1e-12), c.f64Lt],
  [
    ...get(P),
    ...set(Q),
    ...whileLoop(
      [...get(Q), ...get(E), ...lt],
      [
        ...get(Q),
        ...get(Q),
        ...mem(c.f32Load),
        c.f64PromoteF32,
        ...op.f64(1e-12),
        c.f64Div,
        c.f32DemoteF64,
        ...mem(c.f32Store),
        ...inc(Q, 4),
      ],
    ),
  ],
  [
    ...get(NORM),
    ...simd(c.f32x4Splat),
    ...set(V),
    ...get(P),
    ...set(Q),
    ...get(P),
    ...get(COLS),
    ...i32(-4),
    c.i32And,
    ...i32(2),
    c.i32Shl,
    ...add,
    ...set(END),
    ...whileLoop(
      [...get(Q), ...get(END), ...lt],
      [
        ...get(Q),
        ...get(Q),
        ...simdMem(c.v128Load),
        ...get(V),
        ...simd(c.f32x4Div),
        ...simdMem(c.v128Store),
        ...inc(Q, 16),
      ],
    ),
    ...whileLoop(
      [...get(Q), ...get(E), ...lt],
      [...get(Q), ...get(Q), ...mem(c.f32Load), ...get(NORM), c.f32Div, ...mem(c.f32Store), ...inc(Q, 4)],
    ),
  ],
);

/** `normalize(ptr, rows, cols, scratch)`: torch F.normalize of a row-major float32 matrix in place. */
export const normalizeFunc: WasmFunc = {
  name: "normalize",
  params: [I32, I32, I32, I32],
  results: [],
  locals: [I32, I32, I32, I32, I32, V128, V128, F32, F32, V128, I32],
  body: [
    ...i32(0),
    ...set(R),
    ...whileLoop(
      [...get(R), ...get(ROWS), ...lt],
      [
        ...get(PTR),
        ...get(R),
        ...get(COLS),
        c.i32Mul,
        ...i32(2),
        c.i32Shl,
        ...add,
        ...tee(P),
        ...get(COLS),
        ...i32(2),
        c.i32Shl,
        ...add,
        ...set(E),
        ...squaredNorm,
        ...get(S),
        c.f32Sqrt,
        ...set(NORM),
        ...divide,
        ...inc(R, 1),
      ],
    ),
  ],
};
