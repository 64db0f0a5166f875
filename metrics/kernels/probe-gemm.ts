/** Which matrix-product kernel the probes (MiniBatchKMeans, logistic regression) use: onnxruntime's MLAS Gemm or the exact JS loops. */
import { EmbevalError } from "../errors.js";
import { type GemmKernel, onnxGemm, onnxGemmF64 } from "./onnx-gemm.js";

/** "auto": onnxruntime's Gemm when it loads, else JS; "onnx": Gemm required (for parity tests); "js": the exact JS path. */
export type ProbeKernel = "auto" | "onnx" | "js";

/**
 * Intra-op threads of the probes' Gemm sessions: 1, because the probes alternate small products with JS work and
 * onnxruntime's pool threads spin after each run, taking the cores the JS thread needs (measured 15× slower).
 */
const threads = 1;

/** The Gemm of `dtype` for `kernel`, or undefined for the JS path; "onnx" without onnxruntime-node throws E_UNSUPPORTED. */
export async function probeGemm(
  kernel: ProbeKernel,
  dtype: "float32",
): Promise<GemmKernel<Float32Array> | undefined>;
export async function probeGemm(
  kernel: ProbeKernel,
  dtype: "float64",
): Promise<GemmKernel<Float64Array> | undefined>;
export async function probeGemm(
  kernel: ProbeKernel,
  dtype: "float32" | "float64",
): Promise<GemmKernel<Float32Array> | GemmKernel<Float64Array> | undefined> {
  if (kernel === "js") return undefined;
  if (kernel !== "auto" && kernel !== "onnx") {
    throw new EmbevalError("E_INVALID_ARGUMENT", `unknown probe kernel ${String(kernel)}`, {
      hint: 'use "auto", "onnx" or "js"',
    });
  }
  const gemm = dtype === "float32" ? await onnxGemm(threads) : await onnxGemmF64(threads);
  if (!gemm && kernel === "onnx") {
    throw new EmbevalError("E_UNSUPPORTED", "onnxruntime-node could not be loaded for the probe Gemm", {
      hint: 'install onnxruntime-node, or use kernel "auto" / "js"',
    });
  }
  return gemm;
}
