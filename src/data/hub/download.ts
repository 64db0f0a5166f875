/** Atomic blob download (blobs/<etag>.incomplete, resume with Range, size/sha256 check, rename) and the snapshot's relative symlink; reproduces huggingface_hub file_download.py http_get + _create_symlink. */

import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { copyFile, mkdir, open, rename, stat, symlink, truncate, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import { EmbevalError } from "../../errors.js";
import { tempSibling } from "../../tmp-name.js";
import { type ApiContext, hubHeaders } from "./api.js";
import { isFile } from "./cache.js";
import { describeNetworkError, fetchWithRetry, retryDelay } from "./http.js";
import { blobPath, incompletePath, lockPath, type RepoLayout, symlinkTarget } from "./layout.js";
import { withLock } from "./lock.js";
import type { ProgressReporter } from "./progress.js";

/** Transport plus progress reporting. */
export interface DownloadContext extends ApiContext {
  progress: ProgressReporter;
  /** Longest wait for another process downloading the same blob. */
  lockTimeoutMs: number;
}

/** One blob to fetch. */
export interface BlobRequest {
  layout: RepoLayout;
  etag: string;
  /** Where the bytes are (the resolve URL or the CDN location it redirected to). */
  url: string;
  /** Expected size in bytes, if the Hub said. */
  size: number | undefined;
  /** Names the file in progress and errors. */
  label: string;
}

/** A download failure worth another attempt (dropped connection, short body, bad hash). */
class Transient extends Error {}

async function fileSize(p: string): Promise<number> {
  try {
    return (await stat(p)).size;
  } catch {
    return 0;
  }
}

async function sha256File(p: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(p)) h.update(chunk as Buffer);
  return h.digest("hex");
}

/** One GET of the remaining bytes into `tmp`; returns when the body ended. */
async function fetchInto(ctx: DownloadContext, req: BlobRequest, tmp: string): Promise<void> {
  let have = await fileSize(tmp);
  if (req.size !== undefined && have > req.size) {
    await truncate(tmp, 0);
    have = 0;
  }
  if (req.size !== undefined && have === req.size) return;
  const extra: Record<string, string> = { "accept-encoding": "identity" };
  if (have > 0) extra.range = `bytes=${have}-`;
  const { res, controller } = await fetchWithRetry(ctx, req.url, {
    method: "GET",
    headers: hubHeaders(ctx, req.url, extra),
    redirect: "follow",
  });
  if (res.status === 416) {
    await res.body?.cancel().catch(() => undefined);
    await truncate(tmp, 0);
    throw new Transient("range not satisfiable; restarting");
  }
  if (!res.ok || res.body === null) {
    await res.body?.cancel().catch(() => undefined);
    throw new EmbevalError("E_IO", `${req.label}: download answered HTTP ${res.status}`, {
      hint: "retry later; if it persists the file may have moved on the Hub",
    });
  }
  const resumed = res.status === 206 && (res.headers.get("content-range") ?? "").startsWith(`bytes ${have}-`);
  if (!resumed) have = 0;
  const fh = await open(tmp, resumed ? "a" : "w");
  const task = ctx.progress.start(req.label, req.size, have);
  let idle: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(idle);
    idle = setTimeout(() => controller.abort(new Error("no data received")), ctx.retry.timeoutMs);
  };
  try {
    arm();
    for await (const chunk of res.body) {
      arm();
      await fh.write(chunk);
      have += chunk.byteLength;
      task?.update(have);
    }
  } catch (e) {
    throw new Transient(`connection dropped after ${have} bytes (${describeNetworkError(e)})`);
  } finally {
    clearTimeout(idle);
    task?.stop();
    await fh.close();
  }
}

/** Check the finished temp file; a short or corrupt one is retried. */
async function verify(req: BlobRequest, tmp: string): Promise<void> {
  const size = await fileSize(tmp);
  if (req.size !== undefined && size !== req.size) {
    if (size > req.size) await unlink(tmp).catch(() => undefined);
    throw new Transient(`got ${size} of ${req.size} bytes`);
  }
  if (/^[0-9a-f]{64}$/.test(req.etag) && (await sha256File(tmp)) !== req.etag) {
    await unlink(tmp).catch(() => undefined);
    throw new Transient("sha256 does not match the Hub's etag");
  }
}

async function downloadLocked(ctx: DownloadContext, req: BlobRequest, blob: string): Promise<void> {
  if (await isFile(blob)) return;
  const tmp = incompletePath(req.layout, req.etag);
  await mkdir(dirname(tmp), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      await fetchInto(ctx, req, tmp);
      await verify(req, tmp);
      await rename(tmp, blob);
      return;
    } catch (e) {
      if (!(e instanceof Transient)) throw e;
      if (attempt >= ctx.retry.retries) {
        throw new EmbevalError(
          "E_IO",
          `${req.label}: download failed after ${attempt + 1} attempts (${e.message})`,
          {
            hint: `the partial file ${tmp} is kept and resumed next time; check the network and retry`,
          },
        );
      }
      const delayMs = retryDelay(attempt, ctx.retry);
      ctx.onRetry?.({ url: req.url, attempt: attempt + 1, delayMs, reason: e.message });
      await ctx.sleep(delayMs);
    }
  }
}

const inflight = new Map<string, Promise<void>>();

/** Make sure `blobs/<etag>` exists (downloading it atomically under a lock); returns its path. */
export async function ensureBlob(ctx: DownloadContext, req: BlobRequest): Promise<string> {
  const blob = blobPath(req.layout, req.etag);
  if (await isFile(blob)) return blob;
  let p = inflight.get(blob);
  if (p === undefined) {
    p = withLock(lockPath(req.layout, req.etag), ctx.lockTimeoutMs, () => downloadLocked(ctx, req, blob));
    inflight.set(blob, p);
    p.then(
      () => inflight.delete(blob),
      () => inflight.delete(blob),
    );
  }
  await p;
  return blob;
}

/** Point `snapshots/<commit>/<file>` at the blob with a relative symlink (a copy where symlinks fail). */
export async function linkPointer(blob: string, pointer: string): Promise<void> {
  await mkdir(dirname(pointer), { recursive: true });
  const tmp = tempSibling(pointer, "link");
  try {
    await symlink(symlinkTarget(blob, pointer), tmp);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw e;
    await copyFile(blob, tmp);
  }
  await rename(tmp, pointer);
}
