/** The machine description of reports/bench.json: CPU, cores, memory, OS, node, onnxruntime, pythons with numpy/scikit-learn. */
import { readFileSync } from "node:fs";
import { cpus, release, totalmem, type } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findPython, pythonVersions, runPython } from "./python.js";
import type { MachineInfo } from "./report.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function onnxruntimeVersion(): string {
  try {
    const pkg = readFileSync(join(ROOT, "node_modules", "onnxruntime-node", "package.json"), "utf8");
    return (JSON.parse(pkg) as { version: string }).version;
  } catch {
    return "not installed";
  }
}

/** "3.11.7, numpy 2.4.6" for an interpreter that imports `modules`. */
function describePython(python: string, modules: readonly string[]): string {
  const version = runPython(python, "import sys; print(sys.version.split()[0])");
  const libs = Object.entries(pythonVersions(python, modules)).map(
    ([m, v]) => `${m === "sklearn" ? "scikit-learn" : m} ${v}`,
  );
  return `${python}: Python ${version}, ${libs.join(", ")}`;
}

/** Describe this machine (spawns the Python interpreters once to read their versions). */
export function machineInfo(): MachineInfo {
  const cpu = cpus();
  const info: MachineInfo = {
    cpu: cpu[0]?.model ?? "unknown",
    cores: cpu.length,
    memory_gb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    onnxruntime: `onnxruntime-node ${onnxruntimeVersion()}`,
  };
  const numpyPy = findPython(["numpy"]);
  const sklearnPy = findPython(["numpy", "sklearn"]);
  info.python_numpy = numpyPy === undefined ? "none" : describePython(numpyPy, ["numpy"]);
  info.python_sklearn = sklearnPy === undefined ? "none" : describePython(sklearnPy, ["numpy", "sklearn"]);
  return info;
}
