/** The random baseline through the Embedder interface: conformance plus mteb's vectors. */
import { expect, it } from "vitest";
import { createRandomEmbedder } from "../../../src/embedders/random.js";
import { runConformance } from "./conformance.js";

runConformance({ name: "random", make: createRandomEmbedder });

it("files results as mteb's random baseline and returns mteb's vectors", async () => {
  const e = createRandomEmbedder();
  expect(e.info).toMatchObject({
    id: "mteb/baseline-random-encoder",
    revision: "1",
    dim: 32,
    similarity: "cosine",
  });
  const v = await e.embed(["hello"], { role: "query", taskName: "NFCorpus", taskType: "Retrieval" });
  expect(v[0]).toBe(0.7764699459075928);
});
