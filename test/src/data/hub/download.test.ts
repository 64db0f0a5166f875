/** The Hub client against a loopback Hub: download into an empty cache, Python's layout, no requests on a rerun, retries. */
import { randomBytes } from "node:crypto";
import { lstat, mkdtemp, readdir, readFile, readlink, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RetryEvent } from "../../../../src/data/hub/http.js";
import { createHubClient, type HubClientOptions } from "../../../../src/data/hub/index.js";
import { isEmbevalError } from "../../../../src/errors.js";
import { type FakeHub, type FakeRepo, gitBlobSha1, sha256, startFakeHub } from "./fake-hub.js";

const COMMIT = "0123456789abcdef0123456789abcdef01234567";
const readme = Buffer.from("---\nconfigs:\n- config_name: default\n---\n# fake\n");
const big = randomBytes(300_000);
const small = Buffer.from("id\ttext\n1\thello\n");
const REPO: FakeRepo = {
  id: "fake-org/tiny",
  commit: COMMIT,
  renamedFrom: "old-org/tiny",
  files: [
    { path: "README.md", content: readme, lfs: false },
    { path: "data/test-00000-of-00001.parquet", content: big, lfs: true },
    { path: "data/extra.tsv", content: small, lfs: false },
  ],
};
const pinned = { type: "dataset" as const, id: REPO.id, revision: COMMIT };
const onMain = { ...pinned, revision: "main" };
const storage = (cache: string) => join(cache, "datasets--fake-org--tiny");

let hub: FakeHub;
let cache: string;
let retries: RetryEvent[];

const client = (extra: HubClientOptions = {}) =>
  createHubClient({
    env: { HF_ENDPOINT: hub.endpoint, HF_HUB_CACHE: cache },
    progress: false,
    retry: { retries: 3, baseDelayMs: 10, maxDelayMs: 40, timeoutMs: 5000 },
    onRetry: (e) => retries.push(e),
    ...extra,
  });

async function codeOf(p: Promise<unknown>): Promise<{ code: string; message: string; hint: string }> {
  try {
    await p;
  } catch (e) {
    if (isEmbevalError(e)) return { code: e.code, message: e.message, hint: e.hint ?? "" };
    throw e;
  }
  throw new Error("expected a rejection");
}

async function exists(p: string): Promise<boolean> {
  return lstat(p).then(
    () => true,
    () => false,
  );
}

beforeAll(async () => {
  hub = await startFakeHub([REPO]);
});
afterAll(async () => {
  await hub.close();
});
beforeEach(async () => {
  cache = await mkdtemp(join(tmpdir(), "embeval-hub-"));
  hub.requests.length = 0;
  hub.faults.clear();
  retries = [];
});
afterEach(async () => {
  await rm(cache, { recursive: true, force: true });
});

describe("download into an empty cache", () => {
  it("downloads a dataset at main in huggingface_hub's layout", async () => {
    const dir = await client().snapshotDir(onMain);
    const st = storage(cache);
    expect(dir).toBe(join(st, "snapshots", COMMIT));
    expect((await readdir(st)).sort()).toEqual([".embeval", "blobs", "refs", "snapshots"]);
    expect(await readFile(join(st, "refs", "main"), "utf8")).toBe(COMMIT);
    expect(await readdir(join(st, "snapshots"))).toEqual([COMMIT]);
    const blobs = (await readdir(join(st, "blobs"))).sort();
    expect(blobs).toEqual([gitBlobSha1(readme), gitBlobSha1(small), sha256(big)].sort());
    // Snapshot entries are relative symlinks into blobs/, exactly as huggingface_hub writes them.
    expect(await readlink(join(dir, "README.md"))).toBe(`../../blobs/${gitBlobSha1(readme)}`);
    expect(await readlink(join(dir, "data", "test-00000-of-00001.parquet"))).toBe(
      `../../../blobs/${sha256(big)}`,
    );
    expect(await readlink(join(dir, "data", "extra.tsv"))).toBe(`../../../blobs/${gitBlobSha1(small)}`);
    for (const f of REPO.files) {
      const p = join(dir, ...f.path.split("/"));
      expect((await lstat(p)).isSymbolicLink()).toBe(true);
      expect(await realpath(p)).toBe(
        await realpath(join(st, "blobs", f.lfs ? sha256(f.content) : gitBlobSha1(f.content))),
      );
      expect((await readFile(p)).equals(f.content)).toBe(true);
    }
    // The LFS file came from the CDN after a 302; no token configured so none sent.
    expect(hub.requests.filter((r) => r.server === "cdn").map((r) => r.method)).toEqual(["GET"]);
    expect(hub.requests.every((r) => r.authorization === undefined)).toBe(true);
    expect(retries).toEqual([]);
  });

  it("makes no request on a second run with a pinned revision", async () => {
    const first = client();
    const dir = await first.snapshotDir(pinned);
    const n = hub.requests.length;
    expect(n).toBeGreaterThan(0);
    const second = client();
    expect(await second.snapshotDir(pinned)).toBe(dir);
    expect(await second.listFiles(pinned)).toEqual(REPO.files.map((f) => f.path).sort());
    const p = await second.resolveFile(pinned, "data/test-00000-of-00001.parquet");
    expect((await readFile(p)).equals(big)).toBe(true);
    expect(await second.resolveCommit(pinned)).toBe(COMMIT);
    expect(hub.requests.length).toBe(n);
  });

  it("resolves one file at main and reuses a blob another snapshot path points to", async () => {
    const c = client();
    const p = await c.resolveFile(onMain, "README.md");
    expect(p).toBe(join(storage(cache), "snapshots", COMMIT, "README.md"));
    expect(await readFile(join(storage(cache), "refs", "main"), "utf8")).toBe(COMMIT);
    // A branch revision checks the Hub (HEAD) like huggingface_hub, but does not download again.
    const before = hub.requests.length;
    expect(await c.resolveFile(onMain, "README.md")).toBe(p);
    expect(hub.requests.slice(before).map((r) => r.method)).toEqual(["HEAD"]);
  });

  it("sends HF_TOKEN to the Hub but never to the CDN", async () => {
    const secured = await startFakeHub([REPO], { token: "hf_secret" });
    try {
      const c = createHubClient({
        env: { HF_ENDPOINT: secured.endpoint, HF_HUB_CACHE: cache, HF_TOKEN: "hf_secret" },
        progress: false,
      });
      await c.snapshotDir(pinned);
      const hubReqs = secured.requests.filter((r) => r.server === "hub");
      expect(hubReqs.length).toBeGreaterThan(0);
      expect(hubReqs.every((r) => r.authorization === "Bearer hf_secret")).toBe(true);
      expect(
        secured.requests.filter((r) => r.server === "cdn").every((r) => r.authorization === undefined),
      ).toBe(true);
      const denied = createHubClient({
        env: { HF_ENDPOINT: secured.endpoint, HF_HUB_CACHE: cache },
        progress: false,
        token: false,
      });
      const err = await codeOf(denied.listFiles(onMain));
      expect(err.code).toBe("E_DATASET_MISSING");
      expect(err.hint).toContain("HF_TOKEN");
      expect(err.message).not.toContain("hf_secret");
    } finally {
      await secured.close();
    }
  });

  it("follows a relative redirect of a renamed repo", async () => {
    const p = await client().resolveFile({ ...pinned, id: "old-org/tiny" }, "README.md");
    expect((await readFile(p)).equals(readme)).toBe(true);
    expect(p).toContain("datasets--old-org--tiny");
  });
});

describe("retries", () => {
  it("honours Retry-After on 429, then succeeds", async () => {
    hub.faults.set(`GET /api/datasets/${REPO.id}/revision/main`, [{ status: 429, retryAfter: "1" }]);
    const t0 = Date.now();
    expect(await client().listFiles(onMain)).toHaveLength(3);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(retries).toHaveLength(1);
    expect(retries[0].reason).toBe("HTTP 429");
    expect(retries[0].delayMs).toBe(1000);
  });

  it("backs off exponentially on 5xx", async () => {
    hub.faults.set(`HEAD /datasets/${REPO.id}/resolve/${COMMIT}/README.md`, [
      { status: 503 },
      { status: 502 },
    ]);
    const p = await client().resolveFile(pinned, "README.md");
    expect((await readFile(p)).equals(readme)).toBe(true);
    expect(retries.map((r) => [r.reason, r.delayMs])).toEqual([
      ["HTTP 503", 10],
      ["HTTP 502", 20],
    ]);
  });

  it("resumes a body dropped mid-way with a Range request", async () => {
    const cdnPath = `/lfs/${sha256(big)}`;
    hub.faults.set(`GET ${cdnPath}`, [{ dropAfter: 100_000 }]);
    const p = await client().resolveFile(pinned, "data/test-00000-of-00001.parquet");
    expect((await readFile(p)).equals(big)).toBe(true);
    const gets = hub.requests.filter((r) => r.path === cdnPath);
    expect(gets).toHaveLength(2);
    expect(gets[0].range).toBeUndefined();
    expect(gets[1].range).toMatch(/^bytes=\d+-$/);
    expect(Number(gets[1].range?.slice(6, -1))).toBeGreaterThan(0);
    expect(retries).toHaveLength(1);
    expect(retries[0].reason).toContain("connection dropped");
  });

  it("leaves no file at the final path when every attempt is interrupted; a later run succeeds", async () => {
    const cdnPath = `/lfs/${sha256(big)}`;
    const file = "data/test-00000-of-00001.parquet";
    hub.faults.set(`GET ${cdnPath}`, [
      { dropAfter: 0 },
      { dropAfter: 0 },
      { dropAfter: 0 },
      { dropAfter: 0 },
    ]);
    const err = await codeOf(client().resolveFile(pinned, file));
    expect(err.code).toBe("E_IO");
    expect(err.message).toContain("4 attempts");
    const st = storage(cache);
    expect(await exists(join(st, "snapshots", COMMIT, "data", "test-00000-of-00001.parquet"))).toBe(false);
    expect(await exists(join(st, "blobs", sha256(big)))).toBe(false);
    expect((await readdir(join(st, "blobs"))).every((f) => f.endsWith(".incomplete"))).toBe(true);
    const p = await client().resolveFile(pinned, file);
    expect((await readFile(p)).equals(big)).toBe(true);
    expect(await readdir(join(st, "blobs"))).toEqual([sha256(big)]);
  });

  it("rejects a body whose sha256 does not match the etag, then re-downloads", async () => {
    const cdnPath = `/lfs/${sha256(big)}`;
    hub.faults.set(`GET ${cdnPath}`, [{ corrupt: true }]);
    const p = await client().resolveFile(pinned, "data/test-00000-of-00001.parquet");
    expect((await readFile(p)).equals(big)).toBe(true);
    expect(retries.map((r) => r.reason)).toEqual(["sha256 does not match the Hub's etag"]);
  });

  it("gives up with E_IO when the Hub keeps failing and nothing is cached", async () => {
    const key = `GET /api/datasets/${REPO.id}/revision/main`;
    hub.faults.set(
      key,
      Array.from({ length: 4 }, () => ({ status: 500 })),
    );
    const err = await codeOf(client().listFiles(onMain));
    expect(err.code).toBe("E_IO");
    expect(err.message).toContain("HTTP 500");
    expect(hub.requests.filter((r) => r.path === key.slice(4))).toHaveLength(4);
  });

  it("falls back to the cache when the Hub is unreachable", async () => {
    await client().snapshotDir(onMain);
    const dead = createHubClient({
      env: { HF_ENDPOINT: "http://127.0.0.1:9", HF_HUB_CACHE: cache },
      progress: false,
      retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    expect(await dead.listFiles(onMain)).toHaveLength(3);
    expect((await readFile(await dead.resolveFile(onMain, "README.md"))).equals(readme)).toBe(true);
  });
});

describe("missing files and offline mode", () => {
  it("maps a 404 to E_DATASET_MISSING and records .no_exist like huggingface_hub", async () => {
    const err = await codeOf(client().resolveFile(pinned, "data/nope.parquet"));
    expect(err.code).toBe("E_DATASET_MISSING");
    expect(err.message).toContain("data/nope.parquet");
    expect(await exists(join(storage(cache), ".no_exist", COMMIT, "data", "nope.parquet"))).toBe(true);
    const off = await codeOf(client({ offline: true }).resolveFile(pinned, "data/nope.parquet"));
    expect(off.code).toBe("E_DATASET_MISSING");
    expect(off.message).toContain("does not exist");
    const repoErr = await codeOf(client().listFiles({ ...pinned, id: "fake-org/absent" }));
    expect(repoErr.code).toBe("E_DATASET_MISSING");
    const revErr = await codeOf(client().listFiles({ ...pinned, revision: "f".repeat(40) }));
    expect(revErr.code).toBe("E_DATASET_MISSING");
    expect(revErr.message).toContain("revision not found");
  });

  it("HF_HUB_OFFLINE=1 never touches the network and names what is missing", async () => {
    const off = createHubClient({
      env: { HF_ENDPOINT: hub.endpoint, HF_HUB_CACHE: cache, HF_HUB_OFFLINE: "1" },
      progress: false,
    });
    expect(off.offline).toBe(true);
    const e1 = await codeOf(off.resolveFile(pinned, "README.md"));
    expect(e1.code).toBe("E_DATASET_MISSING");
    expect(e1.message).toContain(`dataset ${REPO.id}@${COMMIT}`);
    expect(e1.message).toContain("README.md");
    expect(e1.message).toContain(cache);
    expect(e1.hint).toContain("HF_HUB_OFFLINE");
    expect(e1.hint).toContain("HF_HOME");
    const e2 = await codeOf(off.listFiles(onMain));
    expect(e2.code).toBe("E_DATASET_MISSING");
    expect(e2.message).toContain("main");
    expect((await codeOf(off.snapshotDir(pinned))).code).toBe("E_DATASET_MISSING");
    expect(hub.requests).toEqual([]);
    // Once filled online, the same offline client serves everything without requests.
    await client().snapshotDir(onMain);
    hub.requests.length = 0;
    expect(await off.listFiles(onMain)).toHaveLength(3);
    expect(await off.resolveCommit(onMain)).toBe(COMMIT);
    expect((await readFile(await off.resolveFile(onMain, "data/extra.tsv"))).equals(small)).toBe(true);
    expect(await off.snapshotDir(onMain)).toBe(join(storage(cache), "snapshots", COMMIT));
    expect(hub.requests).toEqual([]);
  });
});
