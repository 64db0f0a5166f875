/**
 * Shard files of the embedding disk cache: `<name>.vec` holds fixed-size vector records, `<name>.keys` one 36-byte
 * entry per record (32-byte SHA-256 key + CRC-32 of the record), `<name>.lock` exists while a process owns the shard.
 * Only the owner writes; it writes a batch's records first and their key entries after, at explicit offsets, so a
 * key entry is never visible before its record and a SIGKILL leaves at most a torn tail that readers ignore
 * (entries beyond the last whole one, records whose CRC does not match). Self-contained; no embeval reference.
 */
import {
  closeSync,
  fstatSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { EmbevalError } from "../errors.js";

/** Bytes of one key entry: 32-byte key, 4-byte little-endian CRC-32 of the record. */
export const ENTRY_BYTES = 36;

/** One shard as a reader tracks it. */
export interface Shard {
  readonly name: string;
  readonly keysPath: string;
  readonly vecPath: string;
  readonly lockPath: string;
  /** Key entries already read into the index. */
  entries: number;
  /** Read descriptors of the .vec and .keys files, opened on first use. */
  fd?: number;
  keysFd?: number;
}

/** A shard's paths in `dir`. */
export function shardAt(dir: string, name: string): Shard {
  return {
    name,
    keysPath: join(dir, `${name}.keys`),
    vecPath: join(dir, `${name}.vec`),
    lockPath: join(dir, `${name}.lock`),
    entries: 0,
  };
}

/** Names of the shards in `dir` (none when the folder does not exist). */
export function listShards(dir: string): string[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  return files.filter((f) => f.endsWith(".keys")).map((f) => f.slice(0, -5));
}

/** Calls `onEntry` for every whole key entry added since the last call; a torn last entry waits for the next call. */
export function readNewEntries(shard: Shard, onEntry: (key: Buffer, index: number) => void): void {
  let size: number;
  try {
    size = statSync(shard.keysPath).size;
  } catch {
    return;
  }
  const whole = Math.floor(size / ENTRY_BYTES);
  if (whole <= shard.entries) return;
  const buf = Buffer.alloc((whole - shard.entries) * ENTRY_BYTES);
  const fd = openSync(shard.keysPath, "r");
  try {
    readFully(fd, buf, shard.entries * ENTRY_BYTES);
  } finally {
    closeSync(fd);
  }
  for (let i = 0; i < whole - shard.entries; i++) {
    onEntry(buf.subarray(i * ENTRY_BYTES, i * ENTRY_BYTES + 32), shard.entries + i);
  }
  shard.entries = whole;
}

function readFully(fd: number, buf: Buffer, position: number): number {
  let done = 0;
  while (done < buf.length) {
    const n = readSync(fd, buf, done, buf.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

function writeFully(fd: number, buf: Buffer, position: number): void {
  let done = 0;
  while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done, position + done);
}

/** Record `index` of a shard, or undefined when it is missing or its CRC does not match its key entry. */
export function readRecord(shard: Shard, index: number, recordBytes: number): Buffer | undefined {
  shard.fd ??= openSync(shard.vecPath, "r");
  const rec = Buffer.alloc(recordBytes);
  if (readFully(shard.fd, rec, index * recordBytes) !== recordBytes) return undefined;
  const entry = Buffer.alloc(ENTRY_BYTES);
  shard.keysFd ??= openSync(shard.keysPath, "r");
  if (readFully(shard.keysFd, entry, index * ENTRY_BYTES) !== ENTRY_BYTES) return undefined;
  return entry.readUInt32LE(32) === crc32(rec) ? rec : undefined;
}

/** Close a reader's descriptor. */
export function closeShard(shard: Shard): void {
  if (shard.fd !== undefined) closeSync(shard.fd);
  if (shard.keysFd !== undefined) closeSync(shard.keysFd);
  shard.fd = undefined;
  shard.keysFd = undefined;
}

function ioError(what: string, e: unknown): EmbevalError {
  return new EmbevalError("E_IO", `embedding cache: cannot ${what}: ${(e as Error).message}`, {
    cause: e,
    hint: "check the embedding cache folder (--embedding-cache) is writable and has space, or run with --no-embedding-cache",
  });
}

/** The one process appending to a shard (it holds the shard's lock file). */
export class ShardWriter {
  private broken = false;
  private constructor(
    readonly shard: Shard,
    private readonly keysFd: number,
    private readonly vecFd: number,
    private readonly recordBytes: number,
    private count: number,
  ) {}

  /** Records written so far. */
  get records(): number {
    return this.count;
  }

  /** Bytes of the .vec file. */
  get bytes(): number {
    return this.count * this.recordBytes;
  }

  /** A new shard, named by time, pid and random bits; its lock is taken before its files appear. */
  static create(dir: string, recordBytes: number): ShardWriter {
    const rand = Math.floor(Math.random() * 0xffffffff)
      .toString(16)
      .padStart(8, "0");
    const shard = shardAt(dir, `${Date.now().toString(36)}-${process.pid}-${rand}`);
    try {
      closeSync(lockFile(shard.lockPath));
      const keysFd = openSync(shard.keysPath, "wx");
      const vecFd = openSync(shard.vecPath, "wx");
      return new ShardWriter(shard, keysFd, vecFd, recordBytes, 0);
    } catch (e) {
      throw ioError(`create a shard in ${dir}`, e);
    }
  }

  /**
   * Take over a shard a previous process closed cleanly (no lock file): the lock is created with O_EXCL, so of
   * several processes trying, one wins. Shards whose owner was killed keep their lock and stay read-only.
   * Returns undefined when the shard is taken or already `maxBytes` long.
   */
  static adopt(shard: Shard, recordBytes: number, maxBytes: number): ShardWriter | undefined {
    let lock: number;
    try {
      lock = lockFile(shard.lockPath);
    } catch {
      return undefined;
    }
    closeSync(lock);
    let keysFd: number;
    let vecFd: number;
    try {
      keysFd = openSync(shard.keysPath, "r+");
      vecFd = openSync(shard.vecPath, "r+");
    } catch {
      unlinkSync(shard.lockPath);
      return undefined;
    }
    const n = Math.min(
      Math.floor(fstatSync(keysFd).size / ENTRY_BYTES),
      Math.floor(fstatSync(vecFd).size / recordBytes),
    );
    const w = new ShardWriter(shard, keysFd, vecFd, recordBytes, n);
    if (n * recordBytes >= maxBytes) {
      w.close();
      return undefined;
    }
    ftruncateSync(keysFd, n * ENTRY_BYTES);
    ftruncateSync(vecFd, n * recordBytes);
    return w;
  }

  /** Append records (concatenated) and then their key entries; returns the index of the first record. */
  append(keys: readonly Buffer[], records: Buffer): number {
    if (this.broken) throw new EmbevalError("E_IO", "embedding cache: the shard writer failed earlier");
    const first = this.count;
    const entries = Buffer.alloc(keys.length * ENTRY_BYTES);
    keys.forEach((k, i) => {
      k.copy(entries, i * ENTRY_BYTES);
      const rec = records.subarray(i * this.recordBytes, (i + 1) * this.recordBytes);
      entries.writeUInt32LE(crc32(rec), i * ENTRY_BYTES + 32);
    });
    try {
      writeFully(this.vecFd, records, first * this.recordBytes);
      writeFully(this.keysFd, entries, first * ENTRY_BYTES);
    } catch (e) {
      this.broken = true;
      throw ioError(`write ${this.shard.vecPath}`, e);
    }
    this.count += keys.length;
    return first;
  }

  /** Close the files and release the lock (a broken shard keeps its lock, so no one appends after a torn write). */
  close(): void {
    closeSync(this.keysFd);
    closeSync(this.vecFd);
    if (!this.broken) {
      try {
        unlinkSync(this.shard.lockPath);
      } catch {
        // already gone
      }
    }
  }
}

function lockFile(path: string): number {
  const fd = openSync(path, "wx");
  writeSync(fd, `${hostname()}\t${process.pid}\n`);
  return fd;
}
