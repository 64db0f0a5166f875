/**
 * The content-addressed embedding disk cache (issue 4 §2): full-dimension vectors keyed by SHA-256 of everything that
 * changes them (cache-key.ts), stored as float32 or, opt-in, float16.
 *
 * Layout: `<dir>/v1/<f32|f16>/<ns[0:2]>/<ns>/` per namespace (model, revision, settings, prompt, role, adapter,
 * dim), holding `namespace.json` (what the hash covers, for people) and append-only shards (shard.ts).
 * Why append-only shards rather than one file per batch or a shared index: millions of vectors must not become
 * millions of files or a rewritten index; each process appends only to shards it owns (lock file, O_EXCL), so two
 * processes never write the same file and need no shared lock; the `.keys` file is the shard's own index, read
 * sequentially (36 bytes per vector) and incrementally, so a process also sees vectors another process stores while
 * it runs. Records are written before their keys, every record carries a CRC, so a SIGKILL (or a full disk) loses at
 * most the batch being written and never yields a wrong vector. Cleanly closed shards are reused by the next
 * process; a killed process's shard stays read-only. Durability is against process death, not power loss (no fsync).
 *
 * float16 (`--cache-dtype float16`) halves the size; vectors read back as float32 with float16's precision (relative
 * error ≤ 2^-11, absolute ≤ 2^-25 near zero, as numpy's astype), so scores can differ from a float32 run in the
 * last digits. The service then uses the rounded values on first encode too, so a resumed run equals an
 * uninterrupted one. Namespaces are per dtype: a float16 run never reads float32 vectors, nor the reverse.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { EmbevalError } from "../errors.js";
import { CACHE_FORMAT, namespaceHash, type VectorNamespace, vectorKey } from "./cache-key.js";
import { decodeHalf, encodeHalf } from "./float16.js";
import {
  closeShard,
  ENTRY_BYTES,
  listShards,
  readNewEntries,
  readRecord,
  type Shard,
  ShardWriter,
  shardAt,
} from "./shard.js";

/** Storage precision of cached vectors. */
export type CacheDtype = "float32" | "float16";

/** Options of `openEmbeddingCache`. */
export interface EmbeddingCacheOptions {
  dir: string;
  dtype?: CacheDtype;
  /** A shard is not appended to beyond this many bytes of vectors (default 1 GiB). */
  maxShardBytes?: number;
}

/** Counters of one opened cache. */
export interface CacheCounters {
  /** Vectors served from disk. */
  hits: number;
  /** Vectors looked up and not found. */
  misses: number;
  /** Vectors written. */
  stored: number;
}

/** An opened cache; one per process is enough (evaluate shares it across tasks). */
export interface EmbeddingCache {
  readonly dir: string;
  readonly dtype: CacheDtype;
  readonly counters: CacheCounters;
  /** The stored vectors of `texts` (float32, full dim), undefined where none is stored. */
  get(ns: VectorNamespace, texts: readonly string[]): Promise<(Float32Array | undefined)[]>;
  /**
   * Store vectors (`texts.length × ns.dim`, row-major) and resolve to them as they read back (float16-rounded in a
   * float16 cache). Texts already stored are not written again.
   */
  put(ns: VectorNamespace, texts: readonly string[], vectors: Float32Array): Promise<Float32Array>;
  /** Release files and shard locks. */
  close(): Promise<void>;
}

/** Bytes one cached vector takes on disk: its record plus its 36-byte key entry (shard.ts). */
export function cacheBytesPerVector(dim: number, dtype: CacheDtype): number {
  return dim * (dtype === "float16" ? 2 : 4) + ENTRY_BYTES;
}

/** `$EMBEVAL_CACHE`, else `~/.cache/embeval/embeddings`. */
export function defaultEmbeddingCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.EMBEVAL_CACHE ? resolve(env.EMBEVAL_CACHE) : join(homedir(), ".cache", "embeval", "embeddings");
}

interface Store {
  dir: string;
  ns: VectorNamespace;
  recordBytes: number;
  shards: Shard[];
  byName: Map<string, number>;
  /** key (latin1) → shard index × 2^32 + record index. */
  index: Map<string, number>;
  writer?: ShardWriter;
  created: boolean;
}

const SPLIT = 2 ** 32;
/** Namespaces whose files stay open at once. */
const MAX_OPEN_STORES = 16;

/** Open (lazily: nothing is read or created before the first get/put) the cache in `opts.dir`. */
export function openEmbeddingCache(opts: EmbeddingCacheOptions): EmbeddingCache {
  const dtype = opts.dtype ?? "float32";
  if (dtype !== "float32" && dtype !== "float16") {
    throw new EmbevalError("E_INVALID_ARGUMENT", `unknown cache dtype "${String(dtype)}"`, {
      hint: "use float32 or float16",
    });
  }
  const root = resolve(opts.dir);
  const maxShardBytes = opts.maxShardBytes ?? 2 ** 30;
  const bytesPerValue = dtype === "float16" ? 2 : 4;
  const stores = new Map<string, Store>();
  const counters: CacheCounters = { hits: 0, misses: 0, stored: 0 };
  let closed = false;

  function storeFor(ns: VectorNamespace): Store {
    if (closed) throw new EmbevalError("E_CONFIG", "the embedding cache was closed");
    const hash = namespaceHash(ns);
    let s = stores.get(hash);
    if (s) {
      stores.delete(hash); // most recently used last
      stores.set(hash, s);
    } else {
      const dir = join(root, `v${CACHE_FORMAT}`, dtype === "float16" ? "f16" : "f32", hash.slice(0, 2), hash);
      const rb = ns.dim * bytesPerValue;
      s = { dir, ns, recordBytes: rb, shards: [], byName: new Map(), index: new Map(), created: false };
      stores.set(hash, s);
      refresh(s);
      // Many namespaces (per-task prompts) must not exhaust file descriptors: idle the least recently used.
      const open = [...stores.values()];
      for (let i = 0; i < open.length - MAX_OPEN_STORES; i++) release(open[i]);
    }
    return s;
  }

  /** Close a namespace's files and release its shard (its index stays; files reopen on demand). */
  function release(s: Store): void {
    s.writer?.close();
    s.writer = undefined;
    for (const shard of s.shards) closeShard(shard);
  }

  /** Index the entries (and shards) other processes, or earlier runs, added since the last look. */
  function refresh(s: Store): void {
    for (const name of listShards(s.dir)) {
      if (!s.byName.has(name)) {
        s.byName.set(name, s.shards.length);
        s.shards.push(shardAt(s.dir, name));
      }
    }
    s.shards.forEach((shard, si) => {
      readNewEntries(shard, (key, i) => {
        const k = key.toString("latin1");
        if (!s.index.has(k)) s.index.set(k, si * SPLIT + i);
      });
    });
  }

  function decode(rec: Buffer): Float32Array {
    const copy = new Uint8Array(rec).buffer;
    return dtype === "float16" ? decodeHalf(new Uint16Array(copy)) : new Float32Array(copy);
  }

  function lookup(s: Store, key: string): Float32Array | undefined {
    const at = s.index.get(key);
    if (at === undefined) return undefined;
    const rec = readRecord(s.shards[Math.floor(at / SPLIT)], at % SPLIT, s.recordBytes);
    if (rec === undefined) {
      s.index.delete(key); // torn or corrupt: encode it again
      return undefined;
    }
    return decode(rec);
  }

  function writerFor(s: Store): ShardWriter {
    if (s.writer && s.writer.bytes < maxShardBytes) return s.writer;
    if (s.writer) s.writer.close();
    s.writer = undefined;
    for (const shard of s.shards) {
      const w = ShardWriter.adopt(shard, s.recordBytes, maxShardBytes);
      if (w) {
        // Index what it holds before appending (its entries count is the reader's progress too).
        readNewEntries(shard, (key, i) => {
          const k = key.toString("latin1");
          if (!s.index.has(k)) s.index.set(k, (s.byName.get(shard.name) as number) * SPLIT + i);
        });
        s.writer = w;
        return w;
      }
    }
    const w = ShardWriter.create(s.dir, s.recordBytes);
    s.byName.set(w.shard.name, s.shards.length);
    s.shards.push(w.shard);
    s.writer = w;
    return w;
  }

  function ensureDir(s: Store): void {
    if (s.created) return;
    try {
      mkdirSync(s.dir, { recursive: true });
      const meta = { format: CACHE_FORMAT, dtype, ...s.ns };
      const tmp = join(s.dir, `namespace.json.${process.pid}.tmp`);
      writeFileSync(tmp, `${JSON.stringify(meta, null, 2)}\n`);
      renameSync(tmp, join(s.dir, "namespace.json"));
    } catch (e) {
      throw new EmbevalError("E_IO", `embedding cache: cannot create ${s.dir}: ${(e as Error).message}`, {
        cause: e,
        hint: "choose a writable folder with --embedding-cache, or run with --no-embedding-cache",
      });
    }
    s.created = true;
  }

  return {
    dir: root,
    dtype,
    counters,
    async get(ns, texts) {
      const s = storeFor(ns);
      const hash = namespaceHash(ns);
      const keys = texts.map((t) => vectorKey(hash, t).toString("latin1"));
      if (keys.some((k) => !s.index.has(k))) refresh(s);
      return keys.map((k) => {
        const v = lookup(s, k);
        if (v) counters.hits++;
        else counters.misses++;
        return v;
      });
    },
    async put(ns, texts, vectors) {
      const s = storeFor(ns);
      if (vectors.length !== texts.length * ns.dim) {
        throw new EmbevalError(
          "E_SHAPE_MISMATCH",
          `embedding cache: ${vectors.length} values for ${texts.length} texts of dim ${ns.dim}`,
        );
      }
      const bytes =
        dtype === "float16"
          ? Buffer.from(encodeHalf(vectors).buffer)
          : Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength);
      const hash = namespaceHash(ns);
      const keys: Buffer[] = [];
      const rows: Buffer[] = [];
      const seen = new Set<string>();
      texts.forEach((t, i) => {
        const key = vectorKey(hash, t);
        const k = key.toString("latin1");
        if (s.index.has(k) || seen.has(k)) return;
        seen.add(k);
        keys.push(key);
        rows.push(bytes.subarray(i * s.recordBytes, (i + 1) * s.recordBytes));
      });
      if (keys.length > 0) {
        ensureDir(s);
        const w = writerFor(s);
        const first = w.append(keys, Buffer.concat(rows));
        const si = s.byName.get(w.shard.name) as number;
        keys.forEach((key, i) => {
          s.index.set(key.toString("latin1"), si * SPLIT + first + i);
        });
        w.shard.entries = Math.max(w.shard.entries, first + keys.length);
        counters.stored += keys.length;
      }
      return dtype === "float16" ? decodeHalf(new Uint16Array(new Uint8Array(bytes).buffer)) : vectors;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const s of stores.values()) release(s);
    },
  };
}
