/** onnxruntime-node 1.30 session wrapper: lazy import, CPU (or CUDA when its provider is installed), feeds by name. */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import type { InferenceSession, Tensor } from "onnxruntime-node";
import { EmbevalError } from "../../errors.js";

/** One graph input or output as onnxruntime reports it. */
export interface GraphValue {
  name: string;
  type: string;
  shape: (number | string)[];
}

/** An int64 input by name: data and dims. */
export interface Int64Feed {
  data: BigInt64Array;
  dims: number[];
}

/** A loaded graph. */
export interface OnnxSession {
  readonly inputs: GraphValue[];
  readonly outputs: GraphValue[];
  readonly details: Record<string, string | number | boolean>;
  /** Run with int64 feeds (converted to int32 where the graph wants it); returns one float32 output. */
  run(feeds: Record<string, Int64Feed>, output: string): Promise<{ data: Float32Array; dims: number[] }>;
  release(): Promise<void>;
}

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m ? Number.NaN : s * Number.POSITIVE_INFINITY;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

function cudaProviderInstalled(): boolean {
  const require = createRequire(import.meta.url);
  const root = dirname(dirname(require.resolve("onnxruntime-node")));
  const bin = join(root, "bin", "napi-v6", process.platform, process.arch);
  return existsSync(join(bin, "libonnxruntime_providers_cuda.so"));
}

function values(meta: readonly InferenceSession.ValueMetadata[]): GraphValue[] {
  return meta.map((m) =>
    m.isTensor
      ? { name: m.name, type: m.type, shape: [...m.shape] }
      : { name: m.name, type: "non-tensor", shape: [] },
  );
}

/** Open a model file; `device: "cuda"` only where onnxruntime-node's CUDA provider is installed (never the case here). */
export async function openSession(
  path: string,
  opts: { device: "cpu" | "cuda"; threads?: number },
): Promise<OnnxSession> {
  const ort = await import("onnxruntime-node");
  if (opts.device === "cuda") {
    const listed = ort.listSupportedBackends().some((b) => b.name === "cuda");
    if (!listed || !cudaProviderInstalled())
      throw new EmbevalError(
        "E_UNSUPPORTED",
        "the CUDA execution provider is not installed in onnxruntime-node",
        {
          hint: "install onnxruntime-node with its CUDA binaries (npm install without onnxruntime-node-install=skip) on a machine with a GPU; the CUDA path is untested in embeval — use device cpu",
        },
      );
  }
  const threads = opts.threads ?? availableParallelism();
  let session: InferenceSession;
  try {
    session = await ort.InferenceSession.create(path, {
      executionProviders: [opts.device],
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      graphOptimizationLevel: "all",
      logSeverityLevel: 3,
    });
  } catch (cause) {
    throw new EmbevalError("E_MODEL", `onnxruntime cannot load ${path}`, {
      hint: "check the file is a complete ONNX model (external data files next to it)",
      cause,
    });
  }
  const inputs = values(session.inputMetadata);
  const outputs = values(session.outputMetadata);
  return {
    inputs,
    outputs,
    details: {
      onnxruntime: ort.env.versions.node ?? "unknown",
      device: opts.device === "cuda" ? "cuda (untested)" : "cpu",
      intraOpThreads: threads,
    },
    async run(feeds, output) {
      const t: Record<string, Tensor> = {};
      for (const [name, f] of Object.entries(feeds)) {
        const want = inputs.find((i) => i.name === name)?.type;
        t[name] =
          want === "int32"
            ? new ort.Tensor("int32", Int32Array.from(f.data, Number), f.dims)
            : new ort.Tensor("int64", f.data, f.dims);
      }
      let res: InferenceSession.ReturnType;
      try {
        res = await session.run(t, [output]);
      } catch (cause) {
        throw new EmbevalError(
          "E_MODEL",
          `onnxruntime failed on a batch of shape [${feeds.input_ids?.dims}]`,
          {
            hint: "inputs longer than the model's positions need a maxTokens limit; otherwise the graph is broken",
            cause,
          },
        );
      }
      const out = res[output];
      const dims = [...out.dims];
      if (out.type === "float32") return { data: out.data as Float32Array, dims };
      if (out.type === "float16") {
        const raw = out.data as unknown as ArrayLike<number>;
        const data =
          raw instanceof Uint16Array ? Float32Array.from(raw, halfToFloat) : Float32Array.from(raw, Number);
        return { data, dims };
      }
      throw new EmbevalError("E_UNSUPPORTED", `output ${output} has type ${out.type}`, {
        hint: "embeval reads float32 or float16 outputs",
      });
    },
    async release() {
      await session.release();
    },
  };
}
