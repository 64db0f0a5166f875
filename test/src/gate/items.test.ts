/** The per-item sidecar format (src/results/items.ts): round trip, documented line shape, coded errors. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  type ItemRecord,
  parseItems,
  readItems,
  readTaskItems,
  serializeItems,
  writeItems,
  writeTaskItems,
} from "../../../src/results/items.js";
import { sidecarPath } from "../../../src/results/layout.js";

const tmp = mkdtempSync(join(tmpdir(), "embeval-items-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const retrieval: ItemRecord = {
  split: "test",
  subset: "default",
  metric: "ndcg_at_10",
  kind: "mean",
  ids: ["q1", "q2", "q3"],
  values: [1, 0.5, 0],
};
const sts: ItemRecord = {
  split: "test",
  subset: "en-en",
  metric: "cosine_spearman",
  kind: "correlation",
  ids: ["0", "1"],
  values: [
    [4.5, 0.91],
    [1, 0.12],
  ],
};
const cls: ItemRecord = {
  split: "validation",
  subset: "default",
  metric: "accuracy",
  kind: "accuracy",
  ids: ["7", "8"],
  values: [1, 0],
};

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe("sidecar format", () => {
  it("writes one JSON object per line with keys in the documented order", () => {
    const text = serializeItems([retrieval, sts]);
    expect(text).toBe(
      '{"split":"test","subset":"default","metric":"ndcg_at_10","kind":"mean","ids":["q1","q2","q3"],"values":[1,0.5,0]}\n' +
        '{"split":"test","subset":"en-en","metric":"cosine_spearman","kind":"correlation","ids":["0","1"],"values":[[4.5,0.91],[1,0.12]]}\n',
    );
    expect(parseItems(text)).toEqual([retrieval, sts]);
  });

  it("round-trips through files at the sidecar path", async () => {
    const dir = join(tmp, "org__m", "rev");
    await writeTaskItems(dir, "SciFact", [retrieval, cls]);
    const path = sidecarPath(dir, "SciFact", "items");
    expect(path).toBe(join(dir, ".embeval", "SciFact.items.jsonl"));
    expect(readFileSync(path, "utf8").split("\n").length).toBe(3);
    expect(await readTaskItems(dir, "SciFact")).toEqual([retrieval, cls]);
    expect(await readItems(path)).toEqual([retrieval, cls]);
    expect(await readTaskItems(dir, "Absent")).toBeNull();
    await expect(readItems(join(tmp, "nope.jsonl"))).rejects.toMatchObject({ code: "E_IO" });
  });

  it("keeps the optional Pearson statistic", () => {
    const p: ItemRecord = { ...sts, statistic: "pearson" } as ItemRecord;
    expect(parseItems(serializeItems([p]))[0]).toEqual(p);
  });

  it("rejects malformed records with coded errors naming the line", () => {
    expect(() => parseItems('{"split":"test"}\nnot json')).toThrow(/items:1/);
    expect(codeOf(() => parseItems("\n{oops"))).toBe("E_PARSE");
    expect(() => parseItems("\n{oops")).toThrow(/items:2/);
    const line = (r: Record<string, unknown>) => JSON.stringify({ ...retrieval, ...r });
    expect(codeOf(() => parseItems(line({ kind: "median" })))).toBe("E_PARSE");
    expect(codeOf(() => parseItems(line({ ids: ["a", "b"] })))).toBe("E_SHAPE_MISMATCH");
    expect(codeOf(() => parseItems(line({ ids: ["a", "a", "b"] })))).toBe("E_PARSE");
    expect(codeOf(() => parseItems(line({ ids: [1, 2, 3] })))).toBe("E_PARSE");
    expect(codeOf(() => parseItems(line({ ids: [], values: [] })))).toBe("E_EMPTY_INPUT");
    expect(codeOf(() => parseItems(line({ values: [1, "x", 0] })))).toBe("E_PARSE");
    expect(codeOf(() => parseItems(line({ split: "" })))).toBe("E_PARSE");
    expect(codeOf(() => parseItems(line({ kind: "accuracy", values: [1, 2, 0] })))).toBe("E_PARSE");
    expect(codeOf(() => parseItems(line({ kind: "correlation", values: [1, 2, 3] })))).toBe("E_PARSE");
    expect(codeOf(() => parseItems(line({ kind: "correlation", values: [[1, 2], [1], [3, 4]] })))).toBe(
      "E_PARSE",
    );
    expect(codeOf(() => parseItems(`${line({})}\n${line({})}`))).toBe("E_PARSE");
  });

  it("refuses to write non-finite values or duplicate (split, subset) records", async () => {
    expect(codeOf(() => serializeItems([{ ...retrieval, values: [1, Number.NaN, 0] }]))).toBe("E_NOT_FINITE");
    expect(
      codeOf(() =>
        serializeItems([
          {
            ...sts,
            values: [
              [1, Number.POSITIVE_INFINITY],
              [2, 3],
            ],
          },
        ]),
      ),
    ).toBe("E_NOT_FINITE");
    expect(codeOf(() => serializeItems([retrieval, retrieval]))).toBe("E_PARSE");
    const path = join(tmp, "bad.jsonl");
    await expect(writeItems(path, [{ ...retrieval, values: [1, Number.NaN, 0] }])).rejects.toMatchObject({
      code: "E_NOT_FINITE",
    });
    mkdirSync(join(tmp, "blocked.jsonl"), { recursive: true });
    writeFileSync(join(tmp, "blocked.jsonl", "x"), "");
    await expect(writeItems(join(tmp, "blocked.jsonl"), [retrieval])).rejects.toMatchObject({ code: "E_IO" });
  });
});
