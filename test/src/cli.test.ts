/** The CLI's exit codes and coded errors, run in-process and as the real `bin/embeval.js` process. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/cli.js";
import { memoryIo } from "../../src/cli/io.js";
import { EmbevalError, isEmbevalError } from "../../src/errors.js";
import { EMBEVAL_VERSION } from "../../src/version.js";

const bin = fileURLToPath(new URL("../../bin/embeval.js", import.meta.url));

describe("embeval CLI", () => {
  it("prints the package version", () => {
    const r = spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(EMBEVAL_VERSION);
    expect(EMBEVAL_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });
  it("rejects an unknown command with a coded error and exit code 2", () => {
    const r = spawnSync(process.execPath, [bin, "frobnicate"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("E_INVALID_ARGUMENT");
    expect(r.stderr).toContain("embeval help");
  });
  it("throws EmbevalError in-process", async () => {
    let err: unknown;
    try {
      await runCli(["frobnicate"], memoryIo());
    } catch (e) {
      err = e;
    }
    expect(isEmbevalError(err, "E_INVALID_ARGUMENT")).toBe(true);
    expect(isEmbevalError(err, "E_IO")).toBe(false);
  });
});

describe("EmbevalError", () => {
  it("keeps code, hint and cause", () => {
    const cause = new Error("disk full");
    const e = new EmbevalError("E_IO", "cannot write results", { hint: "free some space", cause });
    expect(e.code).toBe("E_IO");
    expect(e.cause).toBe(cause);
    expect(e.format()).toBe("E_IO: cannot write results\n  hint: free some space");
    expect(e).toBeInstanceOf(Error);
  });
});
