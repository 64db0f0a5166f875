/** `embeval run` in-process and as `npm run eval`: results written, coded errors for bad input, exit codes. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/cli.js";
import { memoryIo } from "../../src/cli/io.js";
import { FIXTURE_HF_HOME } from "../helpers/shared.js";

const HUB = join(FIXTURE_HF_HOME, "hub");
const repo = fileURLToPath(new URL("../..", import.meta.url));

beforeAll(() => {
  process.env.HF_HUB_OFFLINE = "1";
});

describe("embeval run", () => {
  it("evaluates named tasks offline and prints the task scores", async () => {
    const out = mkdtempSync(join(tmpdir(), "embeval-cli-run-"));
    const io = memoryIo();
    const code = await runCli(
      ["run", "--tasks", "STSBenchmark,SICK-R", "--model", "random", "--cache", HUB, "--output", out],
      io,
    );
    expect(code).toBe(0);
    expect(io.stdout()).toMatch(/STSBenchmark\s+32\s+1\s+3\.02/);
    expect(io.stdout()).toMatch(/SICK-R\s+32\s+1\s+-0\.19/);
    expect(readdirSync(join(out, "mteb__baseline-random-encoder", "1")).sort()).toEqual([
      ".embeval",
      "SICK-R.json",
      "STSBenchmark.json",
      "model_meta.json",
    ]);
  });
  it("--dry-run prints the plan (texts, tokens, cache size, ETA) and writes nothing", async () => {
    const out = mkdtempSync(join(tmpdir(), "embeval-cli-dry-"));
    const io = memoryIo();
    const code = await runCli(
      [
        "run",
        "--tasks",
        "STSBenchmark,SciFact",
        "--model",
        "random",
        "--cache",
        HUB,
        "--output",
        out,
        "--dry-run",
      ],
      io,
    );
    expect(code).toBe(0);
    expect(io.stdout()).toMatch(/STSBenchmark\s+1379\s+2758/);
    expect(io.stdout()).toMatch(/2 tasks, 8241 texts, ETA .* texts\/s measured/);
    expect(readdirSync(out)).toEqual([]);
  });
  it("--quantize writes an experiment folder per dim × quantization", async () => {
    const out = mkdtempSync(join(tmpdir(), "embeval-cli-quant-"));
    const args = ["run", "--tasks", "STSBenchmark", "--model", "random", "--cache", HUB, "--output", out];
    expect(await runCli([...args, "--quantize", "binary"], memoryIo())).toBe(0);
    expect(await runCli([...args, "--dims", "16", "--quantize", "int8"], memoryIo())).toBe(0);
    const exp = join(out, "mteb__baseline-random-encoder", "1", "experiments");
    expect(readdirSync(exp).sort()).toEqual(["embed_dim_16__quantize_int8", "quantize_binary"]);
    expect(readdirSync(join(exp, "quantize_binary"))).toContain("STSBenchmark.json");
  });
  it("bad input is a coded error", async () => {
    const run = (args: string[]) =>
      runCli(["run", "--cache", HUB, "--output", tmpdir(), ...args], memoryIo());
    await expect(run(["--suite", "mteb-englsh"])).rejects.toMatchObject({ code: "E_TASK_NOT_FOUND" });
    await expect(run(["--tasks", "NoSuchTask"])).rejects.toMatchObject({ code: "E_TASK_NOT_FOUND" });
    await expect(run(["--tasks", "STSBenchmark", "--quantize", "int2"])).rejects.toMatchObject({
      code: "E_INVALID_ARGUMENT",
    });
    await expect(run(["--tasks", "STSBenchmark", "--sklearn", "1.4"])).rejects.toMatchObject({
      code: "E_INVALID_ARGUMENT",
    });
    const noTokenizer = mkdtempSync(join(tmpdir(), "embeval-model-"));
    mkdirSync(join(noTokenizer, "onnx"));
    writeFileSync(join(noTokenizer, "onnx", "model.onnx"), "not really onnx");
    await expect(run(["--tasks", "STSBenchmark", "--model", noTokenizer])).rejects.toMatchObject({
      code: "E_MODEL",
    });
  });
  it("npm run eval with no flags runs the cached tasks (the README's main command), exit 0", () => {
    const out = mkdtempSync(join(tmpdir(), "embeval-npm-eval-"));
    const r = spawnSync("npm", ["run", "eval", "--", "--output", out, "--tasks", "STS16"], {
      cwd: repo,
      encoding: "utf8",
      env: { ...process.env, HF_HOME: FIXTURE_HF_HOME, HF_HUB_OFFLINE: "1" },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/STS16\s+32/);
    const bad = spawnSync("npm", ["run", "eval", "--", "--output", out, "--tasks", "Nope"], {
      cwd: repo,
      encoding: "utf8",
      env: { ...process.env, HF_HOME: FIXTURE_HF_HOME, HF_HUB_OFFLINE: "1" },
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("E_TASK_NOT_FOUND");
  });
});
