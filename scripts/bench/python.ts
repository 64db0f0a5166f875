/** Finds a Python interpreter with the modules a benchmark reference needs (numpy, scikit-learn) and runs code in it. */
import { execFileSync } from "node:child_process";

const CANDIDATES = ["python3", "/usr/bin/python3", "python"];

/** The first interpreter on this machine that imports every module in `modules`, or undefined. */
export function findPython(modules: readonly string[]): string | undefined {
  const probe = modules.map((m) => `import ${m}`).join("; ");
  for (const py of CANDIDATES) {
    try {
      execFileSync(py, ["-c", probe], { stdio: "ignore" });
      return py;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** Versions of `modules` in `python` (e.g. `{ numpy: "2.4.6" }`). */
export function pythonVersions(python: string, modules: readonly string[]): Record<string, string> {
  const code = `import json, ${modules.join(", ")}\nprint(json.dumps({${modules.map((m) => `"${m}": ${m}.__version__`).join(", ")}}))`;
  return JSON.parse(runPython(python, code)) as Record<string, string>;
}

/** Runs `code` with `python` (OpenBLAS left to choose its own kernels) and returns its trimmed stdout. */
export function runPython(python: string, code: string, input?: string): string {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return execFileSync(python, ["-c", code], {
    env,
    encoding: "utf8",
    input,
    maxBuffer: 1 << 28,
    stdio: ["pipe", "pipe", "inherit"],
  }).trim();
}
