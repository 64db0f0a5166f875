/** `--model org/name@rev`: a Hub model's ONNX export fetched from a loopback Hub into the cache, then run offline. */
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEmbedder } from "../../../src/embedders/factory.js";
import { chooseOnnxFile, parseHubModelSpec } from "../../../src/embedders/hub-model.js";
import { createOnnxEmbedder } from "../../../src/embedders/onnx/index.js";
import { testModels } from "../../fixtures/onnx/models.js";
import { type FakeFile, startFakeHub } from "../data/hub/fake-hub.js";

function filesOf(dir: string, root = dir): FakeFile[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return filesOf(p, root);
    return [{ path: relative(root, p), content: readFileSync(p), lfs: name.endsWith(".onnx") }];
  });
}

describe("Hub model ids", () => {
  it("parses org/name[@revision] and picks onnx/model.onnx among several graphs", () => {
    expect(parseHubModelSpec("org/tiny@abc")).toEqual({ id: "org/tiny", revision: "abc" });
    expect(parseHubModelSpec("org/tiny")).toEqual({ id: "org/tiny", revision: "main" });
    expect(parseHubModelSpec("./local/dir")).toBeUndefined();
    expect(chooseOnnxFile(["onnx/model.onnx", "onnx/model_qint8.onnx"], "r")).toBe("onnx/model.onnx");
    expect(() => chooseOnnxFile(["a.onnx", "b.onnx"], "r")).toThrowError(
      expect.objectContaining({ code: "E_MODEL" }),
    );
  });

  it("downloads only what the embedder reads, gives the local model's vectors, then works offline", async () => {
    const model = testModels()["st-wordpiece"];
    const files = filesOf(model.dir);
    const extra = { path: "onnx/model_qint8.onnx", content: Buffer.from("not downloaded"), lfs: true };
    const hub = await startFakeHub([{ id: "org/tiny", commit: "c".repeat(40), files: [...files, extra] }]);
    afterAll(() => hub.close());
    const cache = mkdtempSync(join(tmpdir(), "embeval-hubmodel-"));
    process.env.HF_ENDPOINT = hub.endpoint;
    delete process.env.HF_HUB_OFFLINE;
    const remote = await createEmbedder("org/tiny@main", { hubCacheDir: cache });
    expect(remote.info).toMatchObject({ id: "org/tiny", revision: "c".repeat(40), backend: "onnx" });
    expect(hub.requests.some((r) => r.path.includes("model_qint8"))).toBe(false);
    const local = await createOnnxEmbedder({ dir: model.dir });
    const texts = ["a small test", "hello world"];
    expect(await remote.embed(texts, { role: "query" })).toEqual(await local.embed(texts, { role: "query" }));
    await remote.close();
    process.env.HF_HUB_OFFLINE = "1";
    const before = hub.requests.length;
    const offline = await createEmbedder(`org/tiny@${"c".repeat(40)}`, { hubCacheDir: cache });
    expect(await offline.embed(texts, { role: "query" })).toEqual(
      await local.embed(texts, { role: "query" }),
    );
    expect(hub.requests.length).toBe(before);
    await offline.close();
    await local.close();
  });
});
