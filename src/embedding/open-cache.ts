/**
 * The CLI's embedding-cache flags (`--embedding-cache <dir>`, `--no-embedding-cache`, `--cache-dtype
 * float32|float16`) → an opened EmbeddingCache or none. Default folder: `$EMBEVAL_CACHE` or
 * `~/.cache/embeval/embeddings`; when that default cannot be created the run goes on uncached, with a warning.
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { EmbevalError } from "../errors.js";
import {
  type CacheDtype,
  defaultEmbeddingCacheDir,
  type EmbeddingCache,
  openEmbeddingCache,
} from "./disk-cache.js";

/** The flags as commander gives them (`--no-embedding-cache` sets `embeddingCache` to false). */
export interface CacheFlags {
  embeddingCache?: string | boolean;
  cacheDtype?: string;
}

/** Open the cache the flags ask for; `warn` gets one line when the default folder is unusable. */
export function cacheFromFlags(
  flags: CacheFlags,
  warn: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): EmbeddingCache | undefined {
  const dtype = flags.cacheDtype ?? "float32";
  if (dtype !== "float32" && dtype !== "float16") {
    throw new EmbevalError("E_INVALID_ARGUMENT", `--cache-dtype must be float32 or float16, got "${dtype}"`);
  }
  if (flags.embeddingCache === false) {
    if (flags.cacheDtype !== undefined) {
      throw new EmbevalError("E_INVALID_ARGUMENT", "--cache-dtype has no effect with --no-embedding-cache", {
        hint: "drop one of the two flags",
      });
    }
    return undefined;
  }
  const explicit = typeof flags.embeddingCache === "string";
  const dir = explicit ? resolve(flags.embeddingCache as string) : defaultEmbeddingCacheDir(env);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    if (explicit) {
      throw new EmbevalError("E_IO", `cannot create the embedding cache ${dir}: ${(e as Error).message}`, {
        cause: e,
        hint: "choose a writable folder with --embedding-cache, or run with --no-embedding-cache",
      });
    }
    warn(`embedding cache disabled: cannot create ${dir} (${(e as Error).message}); set EMBEVAL_CACHE`);
    return undefined;
  }
  return openEmbeddingCache({ dir, dtype: dtype as CacheDtype });
}
