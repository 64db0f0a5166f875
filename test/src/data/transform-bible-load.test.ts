/** BibleNLPBitextMining through loadTaskData: config eng-xxx per pair, train[:256], language columns in the subset's order. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTaskData, subsetAvailable } from "../../../src/data/load-task.js";
import { localSource } from "../../../src/data/source.js";
import { getTask } from "../../../tasks/registry/index.js";

// src/data/load-task.ts must read each subset from subsetConfigName(...) and pass `subset` to transformSplit; until it
// does (a change requested from the file's owner), a reversed pair is not found among the configs and this suite skips.
const wired = subsetAvailable(getTask("BibleNLPBitextMining"), new Set(["eng-aai"]), "aai_Latn-eng_Latn");

describe.skipIf(!wired)(
  "BibleNLPBitextMining loader (skipped until load-task.ts reads subsetConfigName)",
  () => {
    it("reads config eng-aai for both directions, keeps train[:256], renames in the subset's order", async () => {
      const dir = mkdtempSync(join(tmpdir(), "embeval-bible-"));
      try {
        const card = [
          "---",
          "configs:",
          "- config_name: eng-aai",
          "  data_files:",
          "  - split: train",
          "    path: eng-aai/train.jsonl",
          "---",
        ].join("\n");
        writeFileSync(join(dir, "README.md"), `${card}\n`);
        mkdirSync(join(dir, "eng-aai"));
        const rows = Array.from({ length: 300 }, (_, i) => JSON.stringify({ eng: `e${i}`, aai: `a${i}` }));
        writeFileSync(join(dir, "eng-aai", "train.jsonl"), `${rows.join("\n")}\n`);
        const spec = getTask("BibleNLPBitextMining");
        const fwd = await loadTaskData(spec, localSource(dir), "train", "eng_Latn-aai_Latn");
        const back = await loadTaskData(spec, localSource(dir), "train", "aai_Latn-eng_Latn");
        if (fwd.kind !== "bitext" || back.kind !== "bitext") throw new Error("kind");
        expect(fwd.sentence1).toHaveLength(256);
        expect(fwd.sentence1.slice(0, 2)).toEqual(["e0", "e1"]);
        expect(fwd.sentence2[255]).toBe("a255");
        expect(back.sentence1.slice(0, 2)).toEqual(["a0", "a1"]);
        expect(back.sentence2[255]).toBe("e255");
        expect(subsetAvailable(spec, new Set(["eng-aai"]), "aai_Latn-eng_Latn")).toBe(true);
        expect(subsetAvailable(spec, new Set(["eng-aai"]), "eng_Latn-aak_Arab")).toBe(false);
        await expect(
          loadTaskData(spec, localSource(dir), "train", "eng_Latn-aak_Arab"),
        ).rejects.toMatchObject({
          code: "E_DATASET_MISSING",
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);
