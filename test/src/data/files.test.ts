/** Dataset file readers: parquet from the fixture cache, JSON Lines (+gzip), CSV/TSV, and coded errors on bad input. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parquetInfo } from "../../../src/data/files/parquet.js";
import { formatOf, readAllRows } from "../../../src/data/files/read.js";
import { fixtureSnapshot } from "../../helpers/shared.js";

const SCIFACT = fixtureSnapshot("mteb/scifact", "d56462d0e63a25450459c4f213e49ffdb866f7f9");
const tmp = mkdtempSync(join(tmpdir(), "embeval-files-"));

describe("parquet", () => {
  it("reads the SciFact corpus of the fixture cache: 5183 rows, BEIR columns, first row", async () => {
    const path = join(SCIFACT, "corpus/corpus-00000-of-00001.parquet");
    const info = await parquetInfo(path);
    expect(info).toMatchObject({ rows: 5183, columns: ["_id", "title", "text"] });
    const rows = await readAllRows(path);
    expect(rows).toHaveLength(5183);
    expect(rows[0]._id).toBe("4983");
    expect(String(rows[0].title)).toMatch(/^Microstructural development of human newborn/);
  });
  it("reads int qrels as numbers", async () => {
    const rows = await readAllRows(join(SCIFACT, "data/test-00000-of-00001.parquet"));
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0])).toEqual(["query-id", "corpus-id", "score"]);
    expect(typeof rows[0].score).toBe("number");
  });
  it("a truncated parquet file is E_PARSE naming the file", async () => {
    const src = readFileSync(join(SCIFACT, "queries/queries-00000-of-00001.parquet"));
    const bad = join(tmp, "truncated.parquet");
    writeFileSync(bad, src.subarray(0, Math.floor(src.length / 2)));
    await expect(readAllRows(bad)).rejects.toMatchObject({
      code: "E_PARSE",
      message: expect.stringContaining(bad),
    });
  });
});

describe("JSON Lines and JSON", () => {
  const lines = '{"_id": "d1", "title": "", "text": "a"}\n\n{"_id": "10", "text": "b", "n": 3}\n';
  it("reads .jsonl and .jsonl.gz identically", async () => {
    writeFileSync(join(tmp, "c.jsonl"), lines);
    writeFileSync(join(tmp, "c.jsonl.gz"), gzipSync(lines));
    const a = await readAllRows(join(tmp, "c.jsonl"));
    expect(a).toEqual([
      { _id: "d1", title: "", text: "a" },
      { _id: "10", text: "b", n: 3 },
    ]);
    expect(await readAllRows(join(tmp, "c.jsonl.gz"))).toEqual(a);
  });
  it("reads a JSON array file", async () => {
    writeFileSync(join(tmp, "arr.json"), JSON.stringify([{ a: 1 }, { a: 2 }]));
    expect(await readAllRows(join(tmp, "arr.json"))).toEqual([{ a: 1 }, { a: 2 }]);
  });
  it("a bad line is E_PARSE with file:line", async () => {
    writeFileSync(join(tmp, "bad.jsonl"), '{"a": 1}\n{"a": \n');
    await expect(readAllRows(join(tmp, "bad.jsonl"))).rejects.toMatchObject({
      code: "E_PARSE",
      message: expect.stringContaining("bad.jsonl:2"),
    });
  });
  it("a truncated gzip file is E_PARSE", async () => {
    const gz = gzipSync(lines.repeat(200));
    writeFileSync(join(tmp, "trunc.jsonl.gz"), gz.subarray(0, gz.length - 20));
    await expect(readAllRows(join(tmp, "trunc.jsonl.gz"))).rejects.toMatchObject({ code: "E_PARSE" });
  });
});

describe("CSV and TSV", () => {
  it("reads BEIR qrels TSV and quoted CSV", async () => {
    writeFileSync(join(tmp, "q.tsv"), 'query-id\tcorpus-id\tscore\nq1\td"1\t1\n');
    expect(await readAllRows(join(tmp, "q.tsv"))).toEqual([
      { "query-id": "q1", "corpus-id": 'd"1', score: "1" },
    ]);
    writeFileSync(join(tmp, "s.csv"), 'sentence1,sentence2,score\n"a, b",c,4.5\n');
    expect(await readAllRows(join(tmp, "s.csv"))).toEqual([
      { sentence1: "a, b", sentence2: "c", score: "4.5" },
    ]);
  });
  it("an unknown extension is E_UNSUPPORTED", async () => {
    expect(formatOf("x.arrow")).toBeUndefined();
    await expect(readAllRows(join(tmp, "x.arrow"))).rejects.toMatchObject({ code: "E_UNSUPPORTED" });
  });
});
