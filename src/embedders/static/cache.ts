/**
 * The compact binary cache of static vectors: `<cacheDir>/static-vectors/<key>/` holding `vectors.f32` (raw
 * little-endian float32, count × dim), `words.json` (row order) and `meta.json`; written to a temporary directory and
 * renamed into place, so concurrent writers and interrupted runs never leave a half cache.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { EmbevalError } from "../../errors.js";
import type { VectorTable } from "./pooling.js";

/** Bump when the parsers change what they produce. */
const CACHE_VERSION = 1;

/** Vectors with their words (row i ↔ words[i]) and the source's content hash. */
export interface WordVectors extends VectorTable {
  words: string[];
  /** sha256 of the source file's bytes (hex). */
  sourceHash: string;
}

/** The default cache root: EMBEVAL_CACHE_DIR, else ~/.cache/embeval. */
export function defaultCacheDir(): string {
  return process.env.EMBEVAL_CACHE_DIR ?? join(homedir(), ".cache", "embeval");
}

/** Cache directory for a source file in a format (keyed by resolved path, size, mtime, format, cache version). */
export async function cacheEntryDir(cacheDir: string, path: string, format: string): Promise<string> {
  let st: Awaited<ReturnType<typeof stat>>;
  try {
    st = await stat(path);
  } catch (cause) {
    throw new EmbevalError("E_IO", `cannot read word vectors ${path}`, { cause, hint: "check the path" });
  }
  const key = createHash("sha256")
    .update(JSON.stringify([CACHE_VERSION, format, resolve(path), st.size, st.mtimeMs]))
    .digest("hex")
    .slice(0, 32);
  return join(cacheDir, "static-vectors", key);
}

/** Read a cache entry; undefined when absent or unreadable (a damaged entry is simply rebuilt). */
export async function readCache(dir: string): Promise<WordVectors | undefined> {
  try {
    const meta = JSON.parse(await readFile(join(dir, "meta.json"), "utf8")) as {
      dim: number;
      count: number;
      sourceHash: string;
    };
    const words = JSON.parse(await readFile(join(dir, "words.json"), "utf8")) as string[];
    const buf = await readFile(join(dir, "vectors.f32"));
    if (words.length !== meta.count || buf.byteLength !== meta.count * meta.dim * 4) return undefined;
    const data = new Float32Array(meta.count * meta.dim);
    new Uint8Array(data.buffer).set(buf);
    return { dim: meta.dim, count: meta.count, data, words, sourceHash: meta.sourceHash };
  } catch {
    return undefined;
  }
}

/** Write a cache entry atomically (temporary sibling directory, then rename); a concurrent winner is kept. */
export async function writeCache(dir: string, v: WordVectors): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await mkdir(tmp, { recursive: true });
    await writeFile(
      join(tmp, "vectors.f32"),
      new Uint8Array(v.data.buffer, v.data.byteOffset, v.data.byteLength),
    );
    await writeFile(join(tmp, "words.json"), JSON.stringify(v.words));
    await writeFile(
      join(tmp, "meta.json"),
      JSON.stringify({ version: CACHE_VERSION, dim: v.dim, count: v.count, sourceHash: v.sourceHash }),
    );
    try {
      await rename(tmp, dir);
    } catch {
      // another process finished first: keep its entry
    }
  } catch (cause) {
    throw new EmbevalError("E_IO", `cannot write the vector cache ${dir}`, {
      cause,
      hint: "set cacheDir (or EMBEVAL_CACHE_DIR) to a writable directory",
    });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
