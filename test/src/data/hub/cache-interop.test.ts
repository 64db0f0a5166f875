/** Reusing a cache laid out by Python huggingface_hub (symlinks, .no_exist, .locks), locks, progress and read timeouts. */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, symlink, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHubClient, type ProgressReporter, ttyProgress } from "../../../../src/data/hub/index.js";
import { withLock } from "../../../../src/data/hub/lock.js";
import { isEmbevalError } from "../../../../src/errors.js";
import {
  type FakeHub,
  type FakeRepo,
  gitBlobSha1,
  type SeenRequest,
  sha256,
  startFakeHub,
} from "./fake-hub.js";

const COMMIT = "abcdefabcdefabcdefabcdefabcdefabcdefabcd";
const readme = Buffer.from("# made by python\n");
const parquet = Buffer.concat([Buffer.from("PAR1"), randomBytes(200_000), Buffer.from("PAR1")]);
const REPO: FakeRepo = {
  id: "py-org/made",
  commit: COMMIT,
  files: [
    { path: "README.md", content: readme, lfs: false },
    { path: "data/a.parquet", content: parquet, lfs: true },
  ],
};
const pinned = { type: "dataset" as const, id: REPO.id, revision: COMMIT };

let hub: FakeHub;
let cache: string;
const st = () => join(cache, "datasets--py-org--made");
const hubRequests = (): SeenRequest[] => hub.requests;

/** Lay out the cache exactly as huggingface_hub would after snapshot_download(revision="main"). */
async function pythonCache(): Promise<void> {
  const s = st();
  await mkdir(join(s, "refs"), { recursive: true });
  await writeFile(join(s, "refs", "main"), COMMIT);
  await mkdir(join(s, "blobs"), { recursive: true });
  await writeFile(join(s, "blobs", gitBlobSha1(readme)), readme);
  await writeFile(join(s, "blobs", sha256(parquet)), parquet);
  await mkdir(join(s, "snapshots", COMMIT, "data"), { recursive: true });
  await symlink(`../../blobs/${gitBlobSha1(readme)}`, join(s, "snapshots", COMMIT, "README.md"));
  await symlink(`../../../blobs/${sha256(parquet)}`, join(s, "snapshots", COMMIT, "data", "a.parquet"));
  await mkdir(join(s, ".no_exist", COMMIT), { recursive: true });
  await writeFile(join(s, ".no_exist", COMMIT, "config.json"), "");
  await mkdir(join(cache, ".locks", "datasets--py-org--made"), { recursive: true });
  await writeFile(join(cache, ".locks", "datasets--py-org--made", `${sha256(parquet)}.lock`), "");
}

const client = (extra: Parameters<typeof createHubClient>[0] = {}) =>
  createHubClient({
    env: { HF_ENDPOINT: hub.endpoint, HF_HUB_CACHE: cache },
    progress: false,
    retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 10, timeoutMs: 3000 },
    ...extra,
  });

beforeAll(async () => {
  hub = await startFakeHub([REPO]);
});
afterAll(async () => {
  await hub.close();
});
beforeEach(async () => {
  cache = await mkdtemp(join(tmpdir(), "embeval-pyhub-"));
  hub.requests.length = 0;
  hub.faults.clear();
});
afterEach(async () => {
  await rm(cache, { recursive: true, force: true });
});

describe("a cache written by Python huggingface_hub", () => {
  it("is read offline through refs/main and symlinks", async () => {
    await pythonCache();
    const off = client({ offline: true });
    const main = { ...pinned, revision: "main" };
    expect(await off.listFiles(main)).toEqual(["README.md", "data/a.parquet"]);
    const p = await off.resolveFile(main, "data/a.parquet");
    expect(p).toBe(join(st(), "snapshots", COMMIT, "data", "a.parquet"));
    expect((await readFile(p)).equals(parquet)).toBe(true);
    let err: unknown;
    await off.resolveFile(pinned, "config.json").catch((e) => {
      err = e;
    });
    expect(isEmbevalError(err, "E_DATASET_MISSING")).toBe(true);
    expect((err as Error).message).toContain("does not exist in the repo");
  });

  it("is reused online without requests for a pinned revision, despite Python's leftover .lock", async () => {
    await pythonCache();
    const c = client();
    expect((await readFile(await c.resolveFile(pinned, "data/a.parquet"))).equals(parquet)).toBe(true);
    expect((await readFile(await c.resolveFile(pinned, "README.md"))).equals(readme)).toBe(true);
    expect(hubRequests()).toEqual([]);
  });

  it("repairs a snapshot link whose blob was deleted", async () => {
    await pythonCache();
    await unlink(join(st(), "blobs", sha256(parquet)));
    const p = await client().resolveFile(pinned, "data/a.parquet");
    expect((await readFile(p)).equals(parquet)).toBe(true);
    expect(hubRequests().filter((r) => r.server === "cdn")).toHaveLength(1);
  });
});

describe("locks, progress, timeouts", () => {
  it("downloads a blob once when two clients ask at the same time", async () => {
    const [a, b] = await Promise.all([
      client().resolveFile(pinned, "data/a.parquet"),
      client().resolveFile(pinned, "data/a.parquet"),
    ]);
    expect(a).toBe(b);
    expect(hubRequests().filter((r) => r.server === "cdn")).toHaveLength(1);
  });

  it("takes over a lock whose holder died and times out on a live holder", async () => {
    const lock = join(cache, "x.embeval.lock");
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    await writeFile(lock, String(dead));
    expect(await withLock(lock, 2000, async () => "ran")).toBe("ran");
    await writeFile(lock, String(process.pid));
    let err: unknown;
    await withLock(lock, 300, async () => "ran").catch((e) => {
      err = e;
    });
    expect(isEmbevalError(err, "E_IO")).toBe(true);
  });

  it("reports progress to an injected reporter", async () => {
    const events: string[] = [];
    let last = -1;
    const reporter: ProgressReporter = {
      start(label, total, startBytes) {
        events.push(`start ${label} ${total} ${startBytes}`);
        return {
          update(bytes) {
            expect(bytes).toBeGreaterThan(last);
            last = bytes;
          },
          stop: () => events.push("stop"),
        };
      },
    };
    await client({ progress: reporter }).resolveFile(pinned, "data/a.parquet");
    expect(events).toEqual([`start ${REPO.id}/data/a.parquet ${parquet.length} 0`, "stop"]);
    expect(last).toBe(parquet.length);
    const notTty = { isTTY: false } as NodeJS.WriteStream;
    expect(ttyProgress({ stream: notTty, minBytes: 0 }).start("x", 100, 0)).toBeUndefined();
    const tty = { isTTY: true } as NodeJS.WriteStream;
    expect(ttyProgress({ stream: tty }).start("x", 1000, 0)).toBeUndefined();
    expect(ttyProgress({ stream: tty }).start("x", undefined, 0)).toBeUndefined();
  });

  it("aborts a stalled body after the read timeout and resumes", async () => {
    const cdnPath = `/lfs/${sha256(parquet)}`;
    hub.faults.set(`GET ${cdnPath}`, [{ stallAfter: 50_000 }]);
    const t0 = Date.now();
    const p = await client({
      retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 10, timeoutMs: 300 },
    }).resolveFile(pinned, "data/a.parquet");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
    expect((await readFile(p)).equals(parquet)).toBe(true);
    const gets = hubRequests().filter((r) => r.path === cdnPath);
    expect(gets.map((g) => g.range)).toEqual([undefined, "bytes=50000-"]);
  });

  it("rejects a malformed HF_ENDPOINT with E_CONFIG", () => {
    let err: unknown;
    try {
      createHubClient({ env: { HF_ENDPOINT: "ftp://example" } });
    } catch (e) {
      err = e;
    }
    expect(isEmbevalError(err, "E_CONFIG")).toBe(true);
  });
});
