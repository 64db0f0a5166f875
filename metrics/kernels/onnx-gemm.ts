/**
 * Float32 A·Bᵀ on onnxruntime-node's CPU Gemm (MLAS sgemm, FMA/AVX-512, intra-op threads) through a one-node ONNX
 * graph written here as protobuf bytes (onnx/onnx.proto3 ModelProto, opset 17 Gemm with transB=1). Float32
 * accumulation in MLAS's blocked order: results may differ from the exact kernel in the last float32 bits (see
 * `gemmErrorBound`), so callers that need mteb's exact scores rescore near their cut with `exact-f64.ts`.
 */
import type { InferenceSession, Tensor } from "onnxruntime-node";
import { floatInput, Pb } from "./onnx-pb.js";

/** ModelProto bytes of `Y = Gemm(A, B, transB=1)`: A [m, d], B [n, d] → Y [m, n], in float32 or float64. */
export function gemmModelBytes(dtype: "float32" | "float64" = "float32"): Uint8Array {
  const t = dtype === "float32" ? 1 : 11;
  const transB = new Pb().str(1, "transB").int(3, 1).int(20, 2);
  const node = new Pb().str(1, "A").str(1, "B").str(2, "Y").str(3, "gemm").str(4, "Gemm").msg(5, transB);
  const graph = new Pb()
    .msg(1, node)
    .str(2, "embeval_scores")
    .msg(11, floatInput("A", ["m", "d"], t))
    .msg(11, floatInput("B", ["n", "d"], t))
    .msg(12, floatInput("Y", ["m", "n"], t));
  return new Pb().int(1, 8).str(2, "embeval").msg(7, graph).msg(8, new Pb().str(1, "").int(2, 17)).done();
}

/** An open Gemm session: `run(a, m, b, n, d)` returns the m×n product a·bᵀ (row-major) in the arrays' dtype. */
export interface GemmKernel<T extends Float32Array | Float64Array = Float32Array> {
  run(a: T, m: number, b: T, n: number, d: number): Promise<T>;
  release(): Promise<void>;
}

const shared = new Map<string, Promise<GemmKernel<Float32Array> | GemmKernel<Float64Array> | undefined>>();

/** onnxruntime's float32 Gemm, or undefined when onnxruntime-node cannot be loaded here (callers fall back to JS). */
export function onnxGemm(threads?: number): Promise<GemmKernel<Float32Array> | undefined> {
  return cached("float32", threads) as Promise<GemmKernel<Float32Array> | undefined>;
}

/** onnxruntime's float64 Gemm (MLAS dgemm), or undefined when onnxruntime-node cannot be loaded. */
export function onnxGemmF64(threads?: number): Promise<GemmKernel<Float64Array> | undefined> {
  return cached("float64", threads) as Promise<GemmKernel<Float64Array> | undefined>;
}

function cached(
  dtype: "float32" | "float64",
  threads: number | undefined,
): Promise<GemmKernel<Float32Array> | GemmKernel<Float64Array> | undefined> {
  const key = `${dtype}/${threads ?? "default"}`;
  let p = shared.get(key);
  if (!p) {
    p = openGemm(dtype, threads);
    shared.set(key, p);
  }
  return p;
}

/** onnxruntime-node and a CPU session of `model`, or undefined when onnxruntime-node cannot be loaded here. */
export async function openSession(
  model: Uint8Array,
  threads?: number,
): Promise<{ ort: typeof import("onnxruntime-node"); session: InferenceSession } | undefined> {
  try {
    const ort = await import("onnxruntime-node");
    const opts: InferenceSession.SessionOptions = {
      executionProviders: ["cpu"],
      interOpNumThreads: 1,
      graphOptimizationLevel: "all",
      logSeverityLevel: 3,
    };
    if (threads !== undefined) opts.intraOpNumThreads = threads;
    return { ort, session: await ort.InferenceSession.create(model, opts) };
  } catch {
    return undefined;
  }
}

async function openGemm(
  dtype: "float32" | "float64",
  threads?: number,
): Promise<GemmKernel<Float32Array> | GemmKernel<Float64Array> | undefined> {
  const opened = await openSession(gemmModelBytes(dtype), threads);
  if (!opened) return undefined;
  const { ort, session } = opened;
  const run = async (
    a: Float32Array | Float64Array,
    m: number,
    b: Float32Array | Float64Array,
    n: number,
    d: number,
  ) => {
    const feeds: Record<string, Tensor> = {
      A: new ort.Tensor(dtype, a.subarray(0, m * d), [m, d]),
      B: new ort.Tensor(dtype, b.subarray(0, n * d), [n, d]),
    };
    const out = await session.run(feeds);
    return out.Y.data as Float32Array | Float64Array;
  };
  return { run, release: () => session.release() } as GemmKernel<Float32Array> | GemmKernel<Float64Array>;
}

/**
 * A bound on |fl32 Gemm score − exact score| for rows with norms ‖a‖, ‖b‖ over d dims: any float32 summation
 * order (with or without FMA) is within γ_d·Σ|aₖbₖ| ≤ γ_d·‖a‖‖b‖ of the exact sum (Higham, Accuracy and Stability,
 * §3.1), and the exact kernel's float64 sum rounded once to float32 is within one float32 half-ulp more; a
 * 2× safety factor and an absolute term for subnormals are added.
 */
export function gemmErrorBound(d: number, normA: number, normB: number): number {
  const u = 2 ** -24;
  const gamma = ((d + 2) * u) / (1 - (d + 2) * u);
  return 2 * (gamma + u) * normA * normB + 1e-30;
}

/**
 * `Math.fround` of the sequential float64 sum, from a float64 sum `x` of the same d exact float32 products taken
 * in another order (dgemm): both lie within γ_d(float64)·‖a‖‖b‖ of the exact sum, so if every value within twice
 * that (×2 margin) of `x` rounds to one float32, that is the answer; otherwise undefined (recompute exactly).
 */
export function certifiedFround(x: number, d: number, normA: number, normB: number): number | undefined {
  const u = 2 ** -53;
  const b = 4 * (((d + 2) * u) / (1 - (d + 2) * u)) * normA * normB + 1e-300;
  const lo = Math.fround(x - b);
  // + 0 turns −0 (x = 0 rounds its lower bound to −0) into the +0 the sequential sum gives
  return lo === Math.fround(x + b) ? lo + 0 : undefined;
}
