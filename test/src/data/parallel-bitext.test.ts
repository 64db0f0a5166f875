/** Parallel-subset bitext datasets (Flores, NTREX, IN22): language columns paired by the subset name. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTaskData } from "../../../src/data/load-task.js";
import { localSource } from "../../../src/data/source.js";
import { getTask } from "../../../tasks/registry/index.js";

describe("parallel-subset bitext", () => {
  it("NTREX afr_Latn-deu_Latn pairs the afr_Latn column with deu_Latn; a missing column is E_PARSE", async () => {
    const dir = mkdtempSync(join(tmpdir(), "embeval-ntrex-"));
    writeFileSync(
      join(dir, "README.md"),
      "---\nconfigs:\n- config_name: default\n  data_files:\n  - split: test\n    path: test.jsonl\n---\n",
    );
    const rows = [
      { afr_Latn: "Hallo", deu_Latn: "Hallo", eng_Latn: "Hello" },
      { afr_Latn: "Dankie", deu_Latn: "Danke", eng_Latn: "Thanks" },
    ];
    writeFileSync(join(dir, "test.jsonl"), `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`);
    const spec = getTask("NTREXBitextMining");
    const source = localSource(dir);
    expect(await loadTaskData(spec, source, "test", "afr_Latn-deu_Latn")).toEqual({
      kind: "bitext",
      sentence1: ["Hallo", "Dankie"],
      sentence2: ["Hallo", "Danke"],
    });
    await expect(loadTaskData(spec, source, "test", "afr_Latn-dan_Latn")).rejects.toMatchObject({
      code: "E_PARSE",
      message: expect.stringContaining("dan_Latn"),
    });
  });
});
