/** A whole float32 MiniBatchKMeans fit is the same with the wasm kernels as with the JS paths alone (labels, centres, steps, inertia). */
import { describe, expect, it, vi } from "vitest";
import { fitMiniBatchKMeans } from "../../../metrics/clustering/minibatch-kmeans.js";
import { matrix } from "../../../metrics/matrix.js";
import { lcg } from "../../helpers/kernels.js";

describe("MiniBatchKMeans float32 with and without the wasm kernels", () => {
  it("gives bit-identical results (sklearn 1.9 and 1.6)", async () => {
    const rnd = lcg(2024);
    const n = 700;
    const d = 37;
    // five blobs, so the early stop and reassignment both act
    const data = Float32Array.from({ length: n * d }, (_, i) => (Math.floor(i / d) % 5) + (rnd() - 0.5) * 3);
    const x = matrix(data, n, d);
    const sklearns = ["1.9", "1.6"] as const;
    const opts = (sklearn: "1.9" | "1.6") => ({ nClusters: 6, batchSize: 64, randomState: 3, sklearn });
    const withWasm = sklearns.map((s) => fitMiniBatchKMeans(x, opts(s)));

    vi.doMock("../../../metrics/kernels/wasm/kernels.js", async (orig) => ({
      ...(await orig<typeof import("../../../metrics/kernels/wasm/kernels.js")>()),
      inertiaF32Wasm: () => undefined,
      minibatchUpdateF32Wasm: () => false,
    }));
    vi.resetModules();
    const js = await import("../../../metrics/clustering/minibatch-kmeans.js");
    vi.doUnmock("../../../metrics/kernels/wasm/kernels.js");
    for (let s = 0; s < sklearns.length; s++) {
      const a = withWasm[s];
      const b = js.fitMiniBatchKMeans(x, opts(sklearns[s]));
      expect(a.nSteps).toBe(b.nSteps);
      expect(a.nSteps).toBeGreaterThan(1);
      expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
      expect(a.centers.data).toEqual(b.centers.data);
      expect(Object.is(a.inertia, b.inertia)).toBe(true);
      expect(a.inertia).toBeGreaterThan(0);
    }
  });
});
