/** `embeval run --max-tokens` with an ONNX test model on the loopback LongEmbed Hub: the folder and model_meta per limit. */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/cli.js";
import { memoryIo } from "../../../src/cli/io.js";
import { parsePythonJson } from "../../../src/results/python-json.js";
import { readTaskResult } from "../../../src/results/store.js";
import { longEmbedRepo, passkeyRepo } from "../../fixtures/longembed/repos.js";
import { testModels } from "../../fixtures/onnx/models.js";
import { type FakeHub, startFakeHub } from "../data/hub/fake-hub.js";

let hub: FakeHub;
let cache: string;
let out: string;

beforeAll(async () => {
  hub = await startFakeHub([longEmbedRepo(), passkeyRepo()]);
  cache = await mkdtemp(join(tmpdir(), "embeval-maxtok-cache-"));
  out = await mkdtemp(join(tmpdir(), "embeval-maxtok-out-"));
  process.env.HF_ENDPOINT = hub.endpoint;
  delete process.env.HF_HUB_OFFLINE;
});
afterAll(async () => {
  await hub.close();
  await rm(cache, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

async function run(...extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const model = testModels()["st-wordpiece"].dir; // sentence_bert_config max_seq_length 24
  const io = memoryIo();
  const args = ["run", "--tasks", "LEMBQMSumRetrieval", "--model", `onnx:${model}`, "--cache", cache];
  const code = await runCli([...args, "--output", out, "--no-embedding-cache", ...extra], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

/** model_meta.json / provenance fields the test reads (files as mteb writes them: NaN allowed). */
interface Written {
  max_tokens: unknown;
  experiment_kwargs?: unknown;
  model?: { cache_key: string };
}
const json = async (p: string) => parsePythonJson(await readFile(p, "utf8"), p) as unknown as Written;

describe("embeval run --max-tokens", () => {
  it("the model's limit → the revision folder; another limit → max_tokens_<n>; reruns per limit", async () => {
    expect((await run()).code).toBe(0);
    const [modelDir] = await readdir(out);
    const [revision] = await readdir(join(out, modelDir));
    const rev = join(out, modelDir, revision);
    expect((await json(join(rev, "model_meta.json"))).max_tokens).toBe(24);

    const r8 = await run("--max-tokens", "8");
    expect(r8.code).toBe(0);
    expect(r8.stderr).not.toMatch(/already done/);
    const dir8 = join(rev, "experiments", "max_tokens_8");
    expect(await json(join(dir8, "model_meta.json"))).toMatchObject({
      max_tokens: 8,
      experiment_kwargs: { max_tokens: 8 },
    });
    const prov = await json(join(dir8, ".embeval", "LEMBQMSumRetrieval.provenance.json"));
    expect(prov.max_tokens).toEqual({ requested: 8, model: 24, effective: 8 });
    expect(prov.model?.cache_key).toMatch(/max=8-right/);
    // The model's own limit named explicitly is the main result: already done.
    expect((await run("--max-tokens", "24")).stderr).toMatch(/LEMBQMSumRetrieval: already done, skipped/);
    expect((await run("--max-tokens", "8")).stderr).toMatch(/already done, skipped/);
    expect(await readdir(join(rev, "experiments"))).toEqual(["max_tokens_8"]);
    const main = await readTaskResult(join(rev, "LEMBQMSumRetrieval.json"));
    const truncated = await readTaskResult(join(dir8, "LEMBQMSumRetrieval.json"));
    expect(truncated.scores.test[0].main_score).not.toBe(main.scores.test[0].main_score);
  });

  it("random has no tokenizer: --max-tokens is refused, nothing written", async () => {
    const io = memoryIo();
    const dir = await mkdtemp(join(tmpdir(), "embeval-maxtok-random-"));
    const args = ["run", "--tasks", "LEMBQMSumRetrieval", "--model", "random", "--cache", cache];
    await expect(runCli([...args, "--output", dir, "--max-tokens", "8"], io)).rejects.toMatchObject({
      code: "E_CONFIG",
      message: expect.stringMatching(
        /--max-tokens 8 asked for, but mteb\/baseline-random-encoder \(random\) truncates at no limit/,
      ),
    });
    expect(await readdir(dir)).toEqual([]);
  });
});
