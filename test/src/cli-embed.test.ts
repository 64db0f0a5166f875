/** `embeval embed` writes numpy-readable float32 .npy files; `embeval run` takes the embedding-cache flags. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/cli.js";
import { readLines } from "../../src/cli/embed.js";
import { memoryIo } from "../../src/cli/io.js";
import { randomEncoderMatrix } from "../../src/embedders/random-encoder.js";
import { npyHeader } from "../../src/embedding/npy.js";
import { readNpy } from "../helpers/npy.js";
import { FIXTURE_HF_HOME } from "../helpers/shared.js";

const HUB = join(FIXTURE_HF_HOME, "hub");
const LINES = ["What is a cat?", "", "ein Hund", "犬と猫", "What is a cat?", "  padded  "];
const hasNumpy = spawnSync("python3", ["-c", "import numpy"]).status === 0;

beforeAll(() => {
  process.env.HF_HUB_OFFLINE = "1";
});

function input(lines: string[], eol = "\n"): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "embeval-embed-"));
  const file = join(dir, "texts.txt");
  writeFileSync(file, `${lines.join(eol)}${eol}`);
  return { dir, file };
}

describe("embeval embed", () => {
  it("one row per input line, the random encoder's exact float32 vectors, numpy's header", async () => {
    const { dir, file } = input(LINES);
    const out = join(dir, "vectors.npy");
    const io = memoryIo();
    const args = ["embed", "--model", "random", "--role", "query", "--input", file, "--output", out];
    expect(await runCli([...args, "--no-embedding-cache"], io)).toBe(0);
    const npy = readNpy(out);
    expect(npy.dtype).toBe("float32");
    expect(npy.shape).toEqual([6, 32]);
    expect(Array.from(npy.data as Float32Array)).toEqual(Array.from(randomEncoderMatrix(LINES)));
    // np.save(b, np.zeros((6, 32), np.float32)) header, byte for byte (format 1.0, padded to 64 bytes).
    const header = readFileSync(out).subarray(0, 128);
    expect(header.equals(npyHeader(6, 32))).toBe(true);
    expect(header.toString("latin1")).toBe(
      `\x93NUMPY\x01\x00v\x00{'descr': '<f4', 'fortran_order': False, 'shape': (6, 32), }${" ".repeat(57)}\n`,
    );
    expect(readFileSync(out).length).toBe(128 + 6 * 32 * 4);
    expect(io.stderr()).toContain("6 × 32 float32 written");
  });

  it.skipIf(!hasNumpy)("numpy itself loads the file (python3 np.load)", async () => {
    const { dir, file } = input(LINES);
    const out = join(dir, "v.npy");
    await runCli(
      ["embed", "-m", "random", "-r", "document", "-i", file, "-o", out, "--no-embedding-cache"],
      memoryIo(),
    );
    const py = spawnSync(
      "python3",
      [
        "-c",
        "import numpy as np,sys; a=np.load(sys.argv[1]); print(a.dtype, a.shape, repr(float(a[3,7])))",
        out,
      ],
      { encoding: "utf8" },
    );
    expect(py.status, py.stderr).toBe(0);
    expect(py.stdout.trim()).toBe(`float32 (6, 32) ${randomEncoderMatrix([LINES[3]])[7]}`);
  });

  it("--dims keeps the first d values; CRLF input; the cache serves a second call", async () => {
    const { dir, file } = input(LINES, "\r\n");
    expect(readLines(file)).toEqual(LINES);
    const cache = join(dir, "cache");
    const out = join(dir, "d8.npy");
    const args = ["embed", "-m", "random", "-r", "symmetric", "-i", file, "-o", out, "--dims", "8"];
    expect(await runCli([...args, "--embedding-cache", cache], memoryIo())).toBe(0);
    const npy = readNpy(out);
    expect(npy.shape).toEqual([6, 8]);
    const full = randomEncoderMatrix(LINES);
    const want: number[] = [];
    for (let i = 0; i < 6; i++) want.push(...full.subarray(i * 32, i * 32 + 8));
    expect(Array.from(npy.data as Float32Array)).toEqual(want);
    const io = memoryIo();
    expect(await runCli([...args, "--embedding-cache", cache], io)).toBe(0);
    expect(io.stderr()).toContain("0 texts encoded in 0 batches, 5 from the embedding cache");
    expect(readNpy(out).data).toEqual(npy.data);
  });

  it("bad flags are coded errors", async () => {
    const { dir, file } = input(["a"]);
    const run = (extra: string[]) =>
      runCli(
        ["embed", "-m", "random", "-i", file, "-o", join(dir, "x.npy"), "--no-embedding-cache", ...extra],
        memoryIo(),
      );
    await expect(run(["--role", "passage"])).rejects.toMatchObject({ code: "E_INVALID_ARGUMENT" });
    await expect(run(["--role", "query", "--dims", "0"])).rejects.toMatchObject({
      code: "E_INVALID_ARGUMENT",
    });
    await expect(run(["--role", "query", "--dims", "33"])).rejects.toMatchObject({ code: "E_EMBEDDING_DIM" });
    await expect(
      runCli(
        ["embed", "-m", "random", "-r", "query", "-i", join(dir, "nope.txt"), "-o", join(dir, "x.npy")],
        memoryIo(),
      ),
    ).rejects.toMatchObject({ code: "E_IO" });
    await expect(
      runCli(["embed", "-m", "random", "-i", file, "-o", join(dir, "x.npy")], memoryIo()),
    ).rejects.toMatchObject({
      code: "E_INVALID_ARGUMENT",
    });
  });
});

describe("embeval run embedding-cache flags", () => {
  it("--embedding-cache with --cache-dtype float16 fills the cache; the rerun encodes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "embeval-run-cache-"));
    const base = ["run", "--tasks", "SICK-R", "--model", "random", "--cache", HUB, "--overwrite", "always"];
    const args = [
      ...base,
      "--output",
      join(dir, "out"),
      "--embedding-cache",
      join(dir, "c"),
      "--cache-dtype",
      "float16",
    ];
    const first = memoryIo();
    expect(await runCli(args, first)).toBe(0);
    expect(first.stdout()).toMatch(
      /texts encoded in [1-9]\d* batches, 0 from the embedding cache \(float16\)/,
    );
    const second = memoryIo();
    expect(await runCli(args, second)).toBe(0);
    expect(second.stdout()).toMatch(
      /0 texts encoded in 0 batches, [1-9]\d* from the embedding cache \(float16\)/,
    );
    const prov = readFileSync(
      join(dir, "out", "mteb__baseline-random-encoder", "1", ".embeval", "SICK-R.provenance.json"),
      "utf8",
    );
    expect(JSON.parse(prov).embedding_cache).toEqual({ dtype: "float16" });
    const none = memoryIo();
    expect(await runCli([...base, "--output", join(dir, "out2"), "--no-embedding-cache"], none)).toBe(0);
    expect(none.stdout()).not.toContain("embedding cache");
    await expect(
      runCli(
        [...base, "--output", join(dir, "o3"), "--no-embedding-cache", "--cache-dtype", "float16"],
        memoryIo(),
      ),
    ).rejects.toMatchObject({ code: "E_INVALID_ARGUMENT" });
  });
});
