/** `embeval compare`: exit codes 0/1/2, the markdown on stdout and appended to $GITHUB_STEP_SUMMARY, --json, and the real bin/embeval.js. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/cli.js";
import { memoryIo } from "../../src/cli/io.js";
import type { CompareReport } from "../../src/gate/compare.js";
import { SHARED_DIR } from "../helpers/shared.js";
import { type FakeTask, meanRecord, perturb, queryValues, writeFakeRun } from "./gate/trees.js";
import { refScores } from "./results/leaderboard-reference.js";

const bin = fileURLToPath(new URL("../../bin/embeval.js", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "embeval-cli-compare-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
});

const base = join(tmp, "base");
const worse = join(tmp, "worse");
const noisy = join(tmp, "noisy");
beforeAll(async () => {
  const tasks: FakeTask[] = [
    { name: "SciFact", records: [meanRecord("test", queryValues(200, 1))] },
    { name: "NFCorpus", records: [meanRecord("test", queryValues(200, 2))] },
  ];
  const shifted = (shift: number, noise: number): FakeTask[] =>
    tasks.map((t, k) => ({
      ...t,
      records: t.records.map((r) =>
        r.kind === "mean" ? { ...r, values: perturb(r.values, k === 0 ? shift : 0, noise, 50 + k) } : r,
      ),
    }));
  await writeFakeRun(base, tasks);
  await writeFakeRun(worse, shifted(-0.03, 0.02));
  await writeFakeRun(noisy, shifted(0, 0.005));
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await runCli(["compare", ...argv], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

async function rejection(argv: string[]): Promise<{ code?: string } | undefined> {
  try {
    await runCli(["compare", ...argv], memoryIo());
  } catch (e) {
    return e as { code?: string };
  }
  return undefined;
}

describe("embeval compare (in-process)", () => {
  it("exits 1 on a significant drop and names the task", async () => {
    const r = await run(["--baseline", base, "--candidate", worse]);
    expect(r.code).toBe(1);
    expect(r.out.split("\n")[0]).toBe("## ❌ embeval compare: fail (1 task: SciFact)");
    expect(r.out).toMatch(/\| NFCorpus \|.*\| ✅ ok \|/);
  });

  it("exits 0 for small noise, and for the drop with a larger --max-drop", async () => {
    expect((await run(["--baseline", base, "--candidate", noisy])).code).toBe(0);
    expect((await run(["--baseline", base, "--candidate", worse, "--max-drop", "5"])).code).toBe(0);
  });

  it("appends the summary to $GITHUB_STEP_SUMMARY when set", async () => {
    const summary = join(tmp, "summary.md");
    writeFileSync(summary, "# earlier step\n");
    vi.stubEnv("GITHUB_STEP_SUMMARY", summary);
    const r = await run(["--baseline", base, "--candidate", worse]);
    expect(r.code).toBe(1);
    expect(readFileSync(summary, "utf8")).toBe(`# earlier step\n${r.out}\n`);
    vi.stubEnv("GITHUB_STEP_SUMMARY", join(tmp, "no-such-dir", "summary.md"));
    const w = await run(["--baseline", base, "--candidate", noisy]);
    expect(w.code).toBe(0);
    expect(w.err).toContain("cannot append to $GITHUB_STEP_SUMMARY");
  });

  it("writes the comparison as JSON with --json", async () => {
    const out = join(tmp, "cmp.json");
    const r = await run([
      "--baseline",
      base,
      "--candidate",
      worse,
      "--json",
      out,
      "--seed",
      "3",
      "--resamples",
      "200",
    ]);
    expect(r.code).toBe(1);
    const json = JSON.parse(readFileSync(out, "utf8")) as CompareReport;
    expect(json.failing).toEqual(["SciFact"]);
    expect(json.options).toMatchObject({ seed: 3, resamples: 200, maxDrop: 0.5, alpha: 0.05 });
    expect(json.tasks.find((t) => t.task === "SciFact")?.test?.resamples).toBe(200);
  });

  it("rejects bad input with coded errors", async () => {
    expect(await rejection(["--candidate", worse])).toMatchObject({ code: "E_INVALID_ARGUMENT" });
    expect(await rejection(["--baseline", base, "--candidate", worse, "--max-drop", "abc"])).toMatchObject({
      code: "E_INVALID_ARGUMENT",
    });
    expect(await rejection(["--baseline", base, "--candidate", worse, "--alpha", "1.5"])).toMatchObject({
      code: "E_INVALID_ARGUMENT",
    });
    expect(await rejection(["--baseline", join(tmp, "missing"), "--candidate", worse])).toMatchObject({
      code: "E_IO",
    });
    expect(await rejection(["--baseline", base, "--candidate", worse, "--bogus"])).toMatchObject({
      code: "E_INVALID_ARGUMENT",
    });
  });
});

describe("two published models of ../shared/results (no items: plain max-drop rule)", () => {
  it("fails on exactly the tasks the independent reference says dropped by more than 0.5 points", async () => {
    const results = join(SHARED_DIR, "results");
    const [small, nano] = ["jinaai/jina-embeddings-v5-text-small", "jinaai/jina-embeddings-v5-text-nano"];
    const argv = ["--baseline", results, "--candidate", results, "--benchmark", "MTEB(eng, v2)"];
    const out = join(tmp, "jina.json");
    const r = await run([...argv, "--baseline-model", small, "--candidate-model", nano, "--json", out]);
    const ref = refScores(results, "MTEB(eng, v2)");
    const b = ref.get(small)?.tasks ?? {};
    const c = ref.get(nano)?.tasks ?? {};
    const dropped = Object.keys(b).filter((t) => ((c[t] as number) - (b[t] as number)) * 100 < -0.5);
    expect(dropped.length).toBeGreaterThan(5);
    const report = JSON.parse(readFileSync(out, "utf8")) as CompareReport;
    expect([...report.failing].sort()).toEqual(dropped.sort());
    expect(r.code).toBe(1);
    for (const t of report.tasks) {
      expect(t.delta, t.task).toBeCloseTo(((c[t.task] as number) - (b[t.task] as number)) * 100, 9);
      expect(t.testNote).toBe("baseline: no items sidecar");
    }
    const meanRow = report.benchmark?.rows.find((x) => x.label === "Mean (Task)");
    expect(meanRow?.delta).toBeCloseTo(
      ((ref.get(nano)?.meanTask ?? 0) - (ref.get(small)?.meanTask ?? 0)) * 100,
      9,
    );
    const same = await run([...argv, "--model", small]);
    expect(same.code).toBe(0);
    expect(await rejection(argv)).toMatchObject({ code: "E_INVALID_ARGUMENT" }); // several models, none picked
  });
});

describe("bin/embeval.js compare", () => {
  const spawn = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
    spawnSync(process.execPath, [bin, "compare", ...args], { encoding: "utf8", env });

  it("exits 1 on a failing verdict, 0 on a pass, 2 on bad input", () => {
    const summary = join(tmp, "bin-summary.md");
    const fail = spawn(["--baseline", base, "--candidate", worse], {
      ...process.env,
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(fail.status).toBe(1);
    expect(fail.stdout).toContain("❌ embeval compare: fail (1 task: SciFact)");
    expect(readFileSync(summary, "utf8")).toBe(`${fail.stdout}\n`);
    const env = { ...process.env };
    delete env.GITHUB_STEP_SUMMARY;
    const pass = spawn(["--baseline", base, "--candidate", base], env);
    expect(pass.status).toBe(0);
    expect(pass.stdout.split("\n")[0]).toBe("## ✅ embeval compare: pass");
    const bad = spawn(["--baseline", join(tmp, "missing"), "--candidate", base], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("E_IO");
    expect(bad.stdout).toBe("");
  });
});
