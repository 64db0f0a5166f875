/** `inspectOnnxModel`: what embeval detects in a local ONNX model folder, for `embeval model info`. */
import { join, resolve } from "node:path";
import { detectFolder } from "./detect.js";
import { chooseOutput } from "./graph.js";
import { openSession } from "./runtime.js";
import type { OnnxModelReport } from "./types.js";

/** Layout, files, graph inputs/outputs, pooling, normalization, prompts and max tokens of a model folder. */
export async function inspectOnnxModel(dir: string, file?: string): Promise<OnnxModelReport> {
  const det = detectFolder(resolve(dir.startsWith("onnx:") ? dir.slice(5) : dir), file);
  const session = await openSession(join(det.dir, det.modelFile), { device: "cpu", threads: 1 });
  try {
    const choice = chooseOutput(session.outputs, false);
    return {
      ...det,
      inputs: session.inputs,
      outputs: session.outputs,
      output: choice.name,
      graphPools: choice.graphPools,
      dim:
        choice.width === undefined
          ? undefined
          : choice.graphPools
            ? choice.width
            : choice.width * det.pooling.length,
    };
  } finally {
    await session.release();
  }
}
