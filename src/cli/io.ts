/** Output sinks of the CLI, injectable so tests can run commands in-process and capture what they print. */

/** Where the CLI writes: `out` for results, `err` for diagnostics. Each call gets complete text (with newlines). */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** The real process streams. */
export const processIo: CliIo = {
  out: (text) => {
    process.stdout.write(text);
  },
  err: (text) => {
    process.stderr.write(text);
  },
};

/** An in-memory CliIo; `stdout()` / `stderr()` return everything written so far. */
export function memoryIo(): CliIo & { stdout(): string; stderr(): string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (t) => {
      out.push(t);
    },
    err: (t) => {
      err.push(t);
    },
    stdout: () => out.join(""),
    stderr: () => err.join(""),
  };
}
