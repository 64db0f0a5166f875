/** `embeval list suites|tasks`: suite task counts in-process (injected writers) and through the real bin/embeval.js. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/cli.js";
import { memoryIo } from "../../src/cli/io.js";
import type { TaskRow } from "../../src/cli/list.js";
import { renderTable, summarizeList } from "../../src/cli/table.js";
import { isEmbevalError } from "../../src/errors.js";

const bin = fileURLToPath(new URL("../../bin/embeval.js", import.meta.url));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

async function rejection(argv: string[]): Promise<unknown> {
  try {
    await runCli(argv, memoryIo());
  } catch (e) {
    return e;
  }
  return undefined;
}

/** Data rows of a printed table: everything between the dashed rule and the count line. */
function tableRows(out: string): string[] {
  const lines = out.trimEnd().split("\n");
  const rule = lines.findIndex((l) => /^-+( +-+)*$/.test(l));
  expect(rule).toBe(1);
  return lines.slice(rule + 1, -1);
}

describe("embeval list tasks --suite", () => {
  const expected: [string, number, string][] = [
    ["mmteb", 131, "MTEB(Multilingual, v2)"],
    ["mteb-eng", 41, "MTEB(eng, v2)"],
    ["beir", 15, "BEIR"],
    ["longembed", 6, "LongEmbed"],
    ["rteb", 17, "RTEB(beta)"],
  ];
  for (const [alias, n, name] of expected) {
    it(`lists ${n} tasks for ${alias}`, async () => {
      const r = await run(["list", "tasks", "--suite", alias]);
      expect(r.code).toBe(0);
      expect(r.err).toBe("");
      expect(tableRows(r.out).length).toBe(n);
      expect(r.out.trimEnd().split("\n").at(-1)).toBe(`${n} tasks in suite ${name}`);
      const json = await run(["list", "tasks", "--suite", alias, "--json"]);
      expect((JSON.parse(json.out) as TaskRow[]).length).toBe(n);
    });
  }

  it("prints name, type, languages, splits and main score per row", async () => {
    const r = await run(["list", "tasks", "--suite", "mteb-eng", "--json"]);
    const rows = JSON.parse(r.out) as TaskRow[];
    expect(rows.find((x) => x.name === "MassiveIntentClassification")).toEqual({
      name: "MassiveIntentClassification",
      type: "Classification",
      languages: ["eng-Latn"],
      splits: ["test"],
      mainScore: "accuracy",
    });
    const table = await run(["list", "tasks", "--suite", "mteb-eng"]);
    expect(table.out.split("\n")[0].split(/\s{2,}/)).toEqual([
      "name",
      "type",
      "languages",
      "splits",
      "main score",
    ]);
    expect(table.out).toMatch(
      /^MindSmallReranking\s+Reranking\s+eng-Latn\s+test\s+max_over_subqueries_map_at_1000$/m,
    );
  });

  it("combines --suite with --type and --language", async () => {
    const sts = JSON.parse(
      (await run(["list", "tasks", "-s", "mmteb", "-t", "sts", "--json"])).out,
    ) as TaskRow[];
    expect(sts.length).toBe(16);
    const deu = JSON.parse(
      (await run(["list", "tasks", "-s", "mmteb", "-l", "deu", "--json"])).out,
    ) as TaskRow[];
    expect(deu.length).toBeGreaterThan(10);
    expect(deu.every((t) => t.languages.some((l) => l.startsWith("deu-")))).toBe(true);
  });
});

describe("embeval list tasks (whole registry)", () => {
  it("lists all 1,263 tasks and filters by type and language", async () => {
    const all = await run(["list", "tasks"]);
    expect(tableRows(all.out).length).toBe(1263);
    expect(all.out.trimEnd().endsWith("1263 tasks")).toBe(true);
    const summ = JSON.parse(
      (await run(["list", "tasks", "--type", "Summarization", "--json"])).out,
    ) as TaskRow[];
    expect(summ.map((t) => t.name).sort()).toEqual([
      "SummEval",
      "SummEvalFr",
      "SummEvalFrSummarization.v2",
      "SummEvalSummarization.v2",
    ]);
    const one = await run(["list", "tasks", "--type", "Summarization", "--language", "fra-Latn"]);
    expect(one.out.trimEnd().split("\n").at(-1)).toBe("2 tasks");
  });

  it("rejects an unknown type or suite with coded errors", async () => {
    const badType = await rejection(["list", "tasks", "--type", "Retreival"]);
    expect(isEmbevalError(badType, "E_INVALID_ARGUMENT")).toBe(true);
    expect(isEmbevalError(badType) && badType.hint).toContain('"Retrieval"');
    const badSuite = await rejection(["list", "tasks", "--suite", "mteb-english"]);
    expect(isEmbevalError(badSuite, "E_TASK_NOT_FOUND")).toBe(true);
    expect(isEmbevalError(await rejection(["list", "tasks", "--nope"]), "E_INVALID_ARGUMENT")).toBe(true);
    expect(isEmbevalError(await rejection(["list"]), "E_INVALID_ARGUMENT")).toBe(true);
  });
});

describe("embeval list suites", () => {
  it("prints the 14 suites with aliases and public/private counts", async () => {
    const r = await run(["list", "suites"]);
    const rows = tableRows(r.out);
    expect(rows.length).toBe(14);
    expect(rows[0]).toMatch(/^MTEB\(eng, v2\)\s+MTEB\(eng\), mteb-eng\s+41\s+English$/);
    expect(rows.find((x) => x.startsWith("RTEB(beta)"))).toMatch(/\s17\s+13\s+RTEB Multilingual$/);
    const json = JSON.parse((await run(["list", "suites", "--json"])).out) as { name: string }[];
    expect(json.map((s) => s.name).slice(0, 5)).toEqual([
      "MTEB(eng, v2)",
      "MTEB(Multilingual, v2)",
      "BEIR",
      "LongEmbed",
      "RTEB(beta)",
    ]);
  });
});

describe("help and version in-process", () => {
  it("prints help for no arguments and for help, the version for --version", async () => {
    for (const argv of [[], ["help"], ["--help"]]) {
      const r = await run(argv);
      expect(r.code, argv.join(" ")).toBe(0);
      expect(r.out, argv.join(" ")).toContain("Usage: embeval");
      expect(r.out, argv.join(" ")).toContain("list");
    }
    expect((await run(["--version"])).out.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect((await run(["version"])).out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("table helpers", () => {
  it("pads columns and summarizes long lists", () => {
    expect(renderTable(["a", "bb"], [["xxx", "y"]])).toBe("a    bb\n---  --\nxxx  y\n");
    expect(summarizeList(["a", "b", "c"])).toBe("a,b,c");
    expect(summarizeList(["a", "b", "c", "d", "e"])).toBe("a,b,c,+2");
  });
});

describe("bin/embeval.js", () => {
  it("lists the 131 mmteb tasks in a real process", () => {
    const r = spawnSync(process.execPath, [bin, "list", "tasks", "--suite", "mmteb"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(tableRows(r.stdout).length).toBe(131);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("131 tasks in suite MTEB(Multilingual, v2)");
  });

  it("exits 2 with E_TASK_NOT_FOUND and a suggestion for an unknown suite", () => {
    const r = spawnSync(process.execPath, [bin, "list", "tasks", "--suite", "bier"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("E_TASK_NOT_FOUND");
    expect(r.stderr).toContain('"beir"');
  });
});
