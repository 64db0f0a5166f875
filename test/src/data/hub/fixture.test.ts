/** Reading the real offline fixture cache ../shared/hf-home (plain-file snapshots, refs/main) with HF_HUB_OFFLINE=1. */
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHubClient, type HubClient } from "../../../../src/data/hub/index.js";
import { isEmbevalError } from "../../../../src/errors.js";
import { type FakeHub, startFakeHub } from "./fake-hub.js";

const here = dirname(fileURLToPath(import.meta.url));
/** The fixture HF_HOME: $HF_FIXTURE_HOME or ../shared/hf-home next to the repo. */
const HF_HOME = resolve(
  process.env.HF_FIXTURE_HOME ?? join(here, "..", "..", "..", "..", "..", "shared", "hf-home"),
);

interface InventoryRepo {
  repo_id: string;
  revision: string;
  configs: Record<string, Record<string, { path: string | string[]; rows: number | null }>>;
}

const SCIFACT = {
  type: "dataset" as const,
  id: "mteb/scifact",
  revision: "d56462d0e63a25450459c4f213e49ffdb866f7f9",
};
let hub: FakeHub;
let client: HubClient;
let inventory: InventoryRepo[];

beforeAll(async () => {
  // Fail (not skip) when the fixture is absent: this suite exists to read it.
  expect(existsSync(join(HF_HOME, "hub")), `fixture cache missing at ${HF_HOME}`).toBe(true);
  inventory = JSON.parse(readFileSync(join(HF_HOME, "inventory.json"), "utf8")) as InventoryRepo[];
  // A live endpoint that counts requests: offline mode must send none.
  hub = await startFakeHub([]);
  client = createHubClient({
    env: { HF_HOME, HF_HUB_OFFLINE: "1", HF_ENDPOINT: hub.endpoint },
    progress: false,
  });
});
afterAll(async () => {
  await hub.close();
});

describe("offline fixture cache", () => {
  it("uses HF_HOME/hub", () => {
    expect(client.cacheDir).toBe(join(HF_HOME, "hub"));
    expect(client.offline).toBe(true);
  });

  it("lists mteb/scifact's snapshot files at its revision", async () => {
    expect(await client.listFiles(SCIFACT)).toEqual([
      "README.md",
      "corpus/corpus-00000-of-00001.parquet",
      "data/test-00000-of-00001.parquet",
      "data/train-00000-of-00001.parquet",
      "queries/queries-00000-of-00001.parquet",
    ]);
  });

  it("resolves README.md by commit and through refs/main", async () => {
    const p = await client.resolveFile(SCIFACT, "README.md");
    expect(p).toBe(
      join(HF_HOME, "hub", "datasets--mteb--scifact", "snapshots", SCIFACT.revision, "README.md"),
    );
    const text = await readFile(p, "utf8");
    expect(text.startsWith("---\nconfigs:\n")).toBe(true);
    expect(text).toContain("path: corpus/corpus-00000-of-00001.parquet");
    const main = { ...SCIFACT, revision: "main" };
    expect(await client.resolveCommit(main)).toBe(SCIFACT.revision);
    expect(await client.resolveFile(main, "README.md")).toBe(p);
    expect(await client.snapshotDir(main)).toBe(dirname(p));
  });

  it("finds every file of every inventory repo at its pinned revision", async () => {
    expect(inventory.length).toBeGreaterThanOrEqual(12);
    let checked = 0;
    for (const r of inventory.slice(0, 100)) {
      const repo = { type: "dataset" as const, id: r.repo_id, revision: r.revision };
      const files = await client.listFiles(repo);
      expect(files).toContain("README.md");
      const paths = Object.values(r.configs).flatMap((splits) =>
        Object.values(splits).flatMap((s) => s.path),
      );
      for (const pattern of new Set(paths)) {
        // "default" configs of multilingual repos glob all subsets (`*/test-*.parquet`).
        const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}$`);
        const matched = files.filter((f) => re.test(f));
        expect(matched.length, `${r.repo_id}: ${pattern}`).toBeGreaterThan(0);
        for (const path of matched) {
          const local = await client.resolveFile(repo, path);
          expect((await readFile(local)).subarray(0, 4).toString()).toBe("PAR1");
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("fails with E_DATASET_MISSING for what the fixture lacks, without touching the network", async () => {
    const cases: Array<[() => Promise<unknown>, string]> = [
      [
        () => client.resolveFile(SCIFACT, "data/validation-00000-of-00001.parquet"),
        "data/validation-00000-of-00001.parquet",
      ],
      [() => client.resolveFile({ ...SCIFACT, revision: "f".repeat(40) }, "README.md"), "f".repeat(40)],
      [() => client.listFiles({ ...SCIFACT, id: "mteb/nfcorpus" }), "mteb/nfcorpus"],
      [() => client.resolveFile({ ...SCIFACT, revision: "v2" }, "README.md"), "refs/v2"],
    ];
    for (const [run, named] of cases) {
      let err: unknown;
      try {
        await run();
      } catch (e) {
        err = e;
      }
      expect(isEmbevalError(err, "E_DATASET_MISSING")).toBe(true);
      expect((err as Error).message).toContain(named);
    }
    expect(hub.requests).toEqual([]);
  });
});
