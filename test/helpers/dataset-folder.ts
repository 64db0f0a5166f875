/** Test helper: a local dataset folder of JSONL files with a dataset card whose `configs:` map (config, split) to a file each. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Files by name, each with the config and split it holds and its rows; returns the folder path. */
export function datasetFolder(
  files: Record<string, { config: string; split: string; rows: object[] }>,
): string {
  const dir = mkdtempSync(join(tmpdir(), "embeval-dataset-"));
  const configs = new Map<string, string[]>();
  for (const [file, f] of Object.entries(files)) {
    writeFileSync(join(dir, file), `${f.rows.map((r) => JSON.stringify(r)).join("\n")}\n`);
    const lines = configs.get(f.config) ?? [];
    lines.push(`  - split: ${f.split}\n    path: ${file}`);
    configs.set(f.config, lines);
  }
  const card = [...configs].map(([c, l]) => `- config_name: ${c}\n  data_files:\n${l.join("\n")}`).join("\n");
  writeFileSync(join(dir, "README.md"), `---\nconfigs:\n${card}\n---\n`);
  return dir;
}
