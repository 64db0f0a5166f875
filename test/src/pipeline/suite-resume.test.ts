/**
 * A suite run SIGKILLed after its first task was written: the rerun leaves the finished task's file untouched (it is
 * not recomputed) and completes the rest; the final files equal an uninterrupted run's.
 */

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createRandomEmbedder } from "../../../src/embedders/random.js";
import { evaluate } from "../../../src/pipeline/evaluate.js";
import { selectWork } from "../../../src/pipeline/work.js";
import { fixtureSource, withoutClock } from "../../helpers/fixture-source.js";

const repo = fileURLToPath(new URL("../../..", import.meta.url));
const child = fileURLToPath(new URL("../embedding/fixtures/cache-child.ts", import.meta.url));
const source = fixtureSource;
const rev = join("mteb__baseline-random-encoder", "1");

describe("suite run killed between tasks", () => {
  it("reruns only the unfinished task; finished files are byte-identical", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "embeval-suite-kill-"));
    const out = join(tmp, "out");
    const first = join(out, rev, "SICK-R.json");
    const p = spawn(
      process.execPath,
      ["--import", "tsx", child, "evaluate", join(tmp, "cache"), out, join(tmp, "log"), "15", "float32"],
      {
        cwd: repo,
        env: { ...process.env, HF_HUB_OFFLINE: "1", EMBEVAL_CHILD_TASKS: "SICK-R,STSBenchmark" },
        stdio: "ignore",
      },
    );
    const exited = new Promise((r) => p.on("exit", r));
    const t0 = Date.now();
    while (!existsSync(first) && Date.now() - t0 < 90_000 && p.exitCode === null)
      await new Promise((r) => setTimeout(r, 20));
    p.kill("SIGKILL");
    await exited;
    expect(existsSync(first)).toBe(true);
    expect(existsSync(join(out, rev, "STSBenchmark.json"))).toBe(false);
    const before = readFileSync(first, "utf8");

    const work = selectWork({ tasks: ["SICK-R", "STSBenchmark"] });
    const rerun = await evaluate({ work, embedder: createRandomEmbedder(), output: out, source });
    expect(rerun.skipped).toEqual(["SICK-R"]);
    expect(readFileSync(first, "utf8")).toBe(before);

    const straight = join(tmp, "straight");
    await evaluate({ work, embedder: createRandomEmbedder(), output: straight, source });
    for (const t of ["SICK-R", "STSBenchmark"]) {
      expect(withoutClock(join(out, rev, `${t}.json`)), t).toBe(
        withoutClock(join(straight, rev, `${t}.json`)),
      );
    }
  });
});
