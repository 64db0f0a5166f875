/** A cross-process lock file per blob download (O_EXCL create; a dead holder's lock is taken over). */
import { mkdir, open, readFile, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import { EmbevalError } from "../../errors.js";

/** True if a process with this pid exists on this machine. */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Try once to create the lock; on EEXIST remove it if its holder is gone. */
async function tryAcquire(path: string): Promise<boolean> {
  try {
    const fh = await open(path, "wx");
    await fh.writeFile(String(process.pid));
    await fh.close();
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const pid = Number((await readFile(path, "utf8").catch(() => "")).trim());
  if (Number.isInteger(pid) && pid > 0 && !pidAlive(pid)) await unlink(path).catch(() => undefined);
  return false;
}

/** Run `fn` holding the lock at `path`, waiting up to `timeoutMs` for another holder. */
export async function withLock<T>(path: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  await mkdir(dirname(path), { recursive: true });
  const start = Date.now();
  while (!(await tryAcquire(path))) {
    if (Date.now() - start > timeoutMs) {
      throw new EmbevalError("E_IO", `timed out waiting for the download lock ${path}`, {
        hint: "another process is downloading the same file; if none is, delete the lock file",
      });
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    return await fn();
  } finally {
    await unlink(path).catch(() => undefined);
  }
}
