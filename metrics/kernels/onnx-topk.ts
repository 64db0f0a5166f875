/**
 * Float32 A·Bᵀ followed by the top `kk` of every row, in one onnxruntime graph (Gemm transB=1 → TopK(largest, sorted)
 * → Cast(int32)): the score matrix never leaves onnxruntime, so no JavaScript pass touches queries × chunk values.
 * The values are approximate (MLAS sgemm, see onnx-gemm.ts `gemmErrorBound`); callers use them only to pick
 * candidates and rescore those exactly. `jsGemmTopk` gives the same contract over any Gemm (tests, fallback).
 */
import type { Tensor } from "onnxruntime-node";
import { type GemmKernel, openSession } from "./onnx-gemm.js";
import { floatInput, Pb } from "./onnx-pb.js";

/** Per row of A, the `kk` largest approximate scores (descending) and their column indices. */
export interface RowCandidates {
  readonly values: Float32Array;
  readonly indices: Int32Array;
}

/** A product + top-k kernel: `run(a, m, b, n, d, kk)` gives m rows of kk candidates (kk ≤ n). */
export interface GemmTopkKernel {
  run(a: Float32Array, m: number, b: Float32Array, n: number, d: number, kk: number): Promise<RowCandidates>;
}

function attrInt(name: string, v: number): Pb {
  return new Pb().str(1, name).int(3, v).int(20, 2);
}

function node(op: string, inputs: readonly string[], outputs: readonly string[], attrs: readonly Pb[]): Pb {
  const n = new Pb();
  for (const i of inputs) n.str(1, i);
  for (const o of outputs) n.str(2, o);
  n.str(3, op.toLowerCase()).str(4, op);
  for (const a of attrs) n.msg(5, a);
  return n;
}

/** ModelProto bytes of `V, I = TopK(Gemm(A, B, transB=1), K)` with I cast to int32 (opset 17). */
export function gemmTopkModelBytes(): Uint8Array {
  const graph = new Pb()
    .msg(1, node("Gemm", ["A", "B"], ["Y"], [attrInt("transB", 1)]))
    .msg(
      1,
      node(
        "TopK",
        ["Y", "K"],
        ["V", "I64"],
        [attrInt("axis", 1), attrInt("largest", 1), attrInt("sorted", 1)],
      ),
    )
    .msg(1, node("Cast", ["I64"], ["I"], [attrInt("to", 6)]))
    .str(2, "embeval_scores_topk")
    .msg(11, floatInput("A", ["m", "d"], 1))
    .msg(11, floatInput("B", ["n", "d"], 1))
    .msg(11, floatInput("K", ["one"], 7))
    .msg(12, floatInput("V", ["m", "kk"], 1))
    .msg(12, floatInput("I", ["m", "kk"], 6));
  return new Pb().int(1, 8).str(2, "embeval").msg(7, graph).msg(8, new Pb().str(1, "").int(2, 17)).done();
}

let shared: Promise<GemmTopkKernel | undefined> | undefined;

/** onnxruntime's Gemm + TopK, or undefined when onnxruntime-node cannot be loaded here. */
export function onnxGemmTopk(): Promise<GemmTopkKernel | undefined> {
  shared ??= (async () => {
    const opened = await openSession(gemmTopkModelBytes());
    if (!opened) return undefined;
    const { ort, session } = opened;
    return {
      async run(a, m, b, n, d, kk) {
        const feeds: Record<string, Tensor> = {
          A: new ort.Tensor("float32", a.subarray(0, m * d), [m, d]),
          B: new ort.Tensor("float32", b.subarray(0, n * d), [n, d]),
          K: new ort.Tensor("int64", BigInt64Array.of(BigInt(kk)), [1]),
        };
        const out = await session.run(feeds);
        return { values: out.V.data as Float32Array, indices: out.I.data as Int32Array };
      },
    };
  })();
  return shared;
}

/** ModelProto bytes of `Y = Gemm(A, Cast<double>(B), transB=1)`: float64 queries against a float32 chunk. */
export function gemmF64FromF32ModelBytes(): Uint8Array {
  const graph = new Pb()
    .msg(1, node("Cast", ["B"], ["Bd"], [attrInt("to", 11)]))
    .msg(1, node("Gemm", ["A", "Bd"], ["Y"], [attrInt("transB", 1)]))
    .str(2, "embeval_scores_f64")
    .msg(11, floatInput("A", ["m", "d"], 11))
    .msg(11, floatInput("B", ["n", "d"], 1))
    .msg(12, floatInput("Y", ["m", "n"], 11));
  return new Pb().int(1, 8).str(2, "embeval").msg(7, graph).msg(8, new Pb().str(1, "").int(2, 17)).done();
}

/** A float64 product of float64 rows with a float32 matrix widened inside onnxruntime (MLAS dgemm). */
export interface MixedGemmKernel {
  run(a: Float64Array, m: number, b: Float32Array, n: number, d: number): Promise<Float64Array>;
}

let sharedMixed: Promise<MixedGemmKernel | undefined> | undefined;

/** onnxruntime's dgemm over a float32 right operand (no float64 copy of it in JavaScript), or undefined. */
export function onnxGemmF64FromF32(): Promise<MixedGemmKernel | undefined> {
  sharedMixed ??= (async () => {
    const opened = await openSession(gemmF64FromF32ModelBytes());
    if (!opened) return undefined;
    const { ort, session } = opened;
    return {
      async run(a, m, b, n, d) {
        const out = await session.run({
          A: new ort.Tensor("float64", a.subarray(0, m * d), [m, d]),
          B: new ort.Tensor("float32", b.subarray(0, n * d), [n, d]),
        });
        return out.Y.data as Float64Array;
      },
    };
  })();
  return sharedMixed;
}

/** The same contract over a plain Gemm: scores, then each row's kk largest (descending; ties by lower index). */
export function jsGemmTopk(gemm: GemmKernel): GemmTopkKernel {
  return {
    async run(a, m, b, n, d, kk) {
      const scores = await gemm.run(a, m, b, n, d);
      const values = new Float32Array(m * kk);
      const indices = new Int32Array(m * kk);
      const order = Array.from({ length: n }, (_, j) => j);
      for (let r = 0; r < m; r++) {
        const row = scores.subarray(r * n, (r + 1) * n);
        order.sort((x, y) => row[y] - row[x] || x - y);
        for (let c = 0; c < kk; c++) {
          indices[r * kk + c] = order[c];
          values[r * kk + c] = row[order[c]];
        }
      }
      return { values, indices };
    },
  };
}
