/**
 * The embedding disk cache across real processes: a child running `evaluate` is SIGKILLed mid-run, the rerun encodes
 * exactly what was not stored and writes the same result file as an uninterrupted run (float32 and float16); two
 * children writing one cache at once (one of them taking over a cleanly closed shard) leave every vector readable.
 */

import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadTaskData } from "../../../src/data/load-task.js";
import { createRandomEmbedder } from "../../../src/embedders/random.js";
import { randomEncoderMatrix } from "../../../src/embedders/random-encoder.js";
import { namespaceFor, namespaceHash } from "../../../src/embedding/cache-key.js";
import { type CacheDtype, openEmbeddingCache } from "../../../src/embedding/disk-cache.js";
import { createEmbeddingService } from "../../../src/embedding/service.js";
import { evaluate } from "../../../src/pipeline/evaluate.js";
import { selectWork } from "../../../src/pipeline/work.js";
import { recording } from "../../helpers/embedders.js";
import { fixtureSource, withoutClock } from "../../helpers/fixture-source.js";

const repo = fileURLToPath(new URL("../../..", import.meta.url));
const child = fileURLToPath(new URL("./fixtures/cache-child.ts", import.meta.url));
const source = fixtureSource;

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", child, ...args], {
    cwd: repo,
    env: { ...process.env, HF_HUB_OFFLINE: "1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
}

function exited(p: ChildProcess): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  let stderr = "";
  p.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  return new Promise((resolve) => p.on("exit", (code, signal) => resolve({ code, signal, stderr })));
}

const lines = (file: string) =>
  existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];

const RESULT = join("mteb__baseline-random-encoder", "1", "STSBenchmark.json");

describe.each(["float32", "float16"] as const)("SIGKILL mid-run, %s cache", (dtype: CacheDtype) => {
  it("the rerun encodes exactly the texts not stored and writes the uninterrupted run's result", async () => {
    const tmp = mkdtempSync(join(tmpdir(), `embeval-kill-${dtype}-`));
    const cacheDir = join(tmp, "cache");
    const log = join(tmp, "child.log");
    const p = start(["evaluate", cacheDir, join(tmp, "out-killed"), log, "25", dtype]);
    const done = exited(p);
    const t0 = Date.now();
    while (lines(log).length < 12 && Date.now() - t0 < 60_000 && p.exitCode === null)
      await new Promise((r) => setTimeout(r, 20));
    p.kill("SIGKILL");
    const r = await done;
    expect(r.signal, r.stderr).toBe("SIGKILL");
    expect(existsSync(join(tmp, "out-killed", RESULT))).toBe(false);

    const work = selectWork({ tasks: ["STSBenchmark"] });
    const spec = work[0].spec;
    const data = await loadTaskData(spec, source(spec), "test", "default");
    if (data.kind !== "sts") throw new Error("expected STS data");
    const unique = [...new Set([...data.sentence1, ...data.sentence2])];
    const childEmbedded = new Set(lines(log).flatMap((l) => JSON.parse(l) as string[]));

    // What the killed child left on disk.
    const probe = openEmbeddingCache({ dir: cacheDir, dtype });
    const ns = namespaceFor(createRandomEmbedder(), {
      role: "symmetric",
      taskName: spec.name,
      taskType: spec.type,
    });
    const got = await probe.get(ns, unique);
    await probe.close();
    const stored = unique.filter((_, i) => got[i] !== undefined);
    expect(stored.length).toBeGreaterThanOrEqual(32 * 8);
    expect(stored.length).toBeLessThan(unique.length);
    for (const t of stored) expect(childEmbedded.has(t)).toBe(true);

    // Rerun in this process: only the missing texts reach the encoder, each once.
    const emb = recording();
    const cache = openEmbeddingCache({ dir: cacheDir, dtype });
    const resumed = await evaluate({ work, embedder: emb, output: join(tmp, "out-resumed"), source, cache });
    await cache.close();
    const storedSet = new Set(stored);
    expect([...emb.seen].sort()).toEqual(unique.filter((t) => !storedSet.has(t)).sort());
    expect(resumed.encode.diskHits).toBe(stored.length);

    // The same result file as one uninterrupted run with a fresh cache of the same dtype.
    const fresh = openEmbeddingCache({ dir: join(tmp, "cache-fresh"), dtype });
    await evaluate({ work, embedder: recording(), output: join(tmp, "out-straight"), source, cache: fresh });
    await fresh.close();
    const a = withoutClock(join(tmp, "out-resumed", RESULT));
    expect(a).toBe(withoutClock(join(tmp, "out-straight", RESULT)));
    expect(a).toContain('"main_score"');

    // The killed child's shard keeps its lock (read-only); a third run encodes nothing and adds no shard.
    const nsDir = join(
      cacheDir,
      "v1",
      dtype === "float16" ? "f16" : "f32",
      namespaceHash(ns).slice(0, 2),
      namespaceHash(ns),
    );
    const files = () => readdirSync(nsDir).sort();
    expect(files().filter((f) => f.endsWith(".lock"))).toHaveLength(1);
    expect(files().filter((f) => f.endsWith(".keys"))).toHaveLength(2);
    const third = recording();
    const again = openEmbeddingCache({ dir: cacheDir, dtype });
    await evaluate({ work, embedder: third, output: join(tmp, "out-third"), source, cache: again });
    await again.close();
    expect(third.seen).toHaveLength(0);
    expect(files().filter((f) => f.endsWith(".keys"))).toHaveLength(2);
    expect(withoutClock(join(tmp, "out-third", RESULT))).toBe(a);

    if (dtype === "float32") {
      // float32 storage is lossless: the cached run equals a run with no cache at all.
      await evaluate({ work, embedder: recording(), output: join(tmp, "out-nocache"), source });
      expect(withoutClock(join(tmp, "out-nocache", RESULT))).toBe(a);
    }
  });
});

describe("two processes writing one cache at once", () => {
  it("both finish, every vector reads back exactly, one took over the closed shard", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "embeval-concurrent-"));
    const cacheDir = join(tmp, "cache");
    const text = (i: number) => `text number ${i} ${"x".repeat(i % 7)}`;
    const embedder = createRandomEmbedder();
    const ctx = { role: "document" as const, taskName: "Synthetic" };
    // A first, cleanly closed writer leaves one unlocked shard holding texts 0..199.
    const seed = openEmbeddingCache({ dir: cacheDir });
    await createEmbeddingService({ embedder, taskName: "Synthetic", batchSize: 50, cache: seed }).encode({
      texts: Array.from({ length: 200 }, (_, i) => text(i)),
      role: "document",
    });
    await seed.close();

    const logA = join(tmp, "a.log");
    const logB = join(tmp, "b.log");
    const a = exited(start(["service", cacheDir, logA, "0", "1500", "20"]));
    const b = exited(start(["service", cacheDir, logB, "700", "2200", "20"]));
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    // They really overlapped in time.
    const span = (f: string) => {
      const all = lines(f).map((l) => JSON.parse(l));
      return { start: all[0].start as number, end: all[all.length - 1].end as number };
    };
    const sa = span(logA);
    const sb = span(logB);
    expect(sa.start < sb.end && sb.start < sa.end).toBe(true);
    // Neither re-encoded the 200 texts the first writer stored.
    const embedded = (f: string) =>
      lines(f)
        .map((l) => JSON.parse(l))
        .filter((x) => Array.isArray(x))
        .flat() as string[];
    const ea = embedded(logA);
    const eb = embedded(logB);
    expect(ea.length).toBeLessThanOrEqual(1300);
    expect(eb.length).toBeLessThanOrEqual(1500);
    const union = new Set([...ea, ...eb]);
    for (let i = 0; i < 200; i++) expect(union.has(text(i))).toBe(false);
    for (let i = 200; i < 2200; i++) expect(union.has(text(i))).toBe(true);

    const all = Array.from({ length: 2200 }, (_, i) => text(i));
    const cache = openEmbeddingCache({ dir: cacheDir });
    const ns = namespaceFor(embedder, ctx);
    const got = await cache.get(ns, all);
    const want = randomEncoderMatrix(all);
    got.forEach((v, i) => {
      expect(v, all[i]).toBeDefined();
      expect(Array.from(v as Float32Array)).toEqual(Array.from(want.subarray(i * 32, (i + 1) * 32)));
    });
    await cache.close();
    const nsDir = join(cacheDir, "v1", "f32", namespaceHash(ns).slice(0, 2), namespaceHash(ns));
    const names = readdirSync(nsDir);
    // The seed shard plus at most one new one: without the takeover there would be three.
    expect(names.filter((f) => f.endsWith(".keys")).length).toBeLessThanOrEqual(2);
    expect(names.filter((f) => f.endsWith(".lock"))).toHaveLength(0);
    expect(names.filter((f) => f.endsWith(".tmp"))).toHaveLength(0);
  });
});
