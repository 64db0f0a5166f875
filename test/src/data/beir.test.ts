/** A local BEIR folder loads like the Hub's mteb configs: same retrieval data as the cached SciFact. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createHubClient } from "../../../src/data/hub/index.js";
import { loadTaskData } from "../../../src/data/load-task.js";
import { hubSource, localSource } from "../../../src/data/source.js";
import { getTask } from "../../../tasks/registry/index.js";
import { FIXTURE_HF_HOME } from "../../helpers/shared.js";

describe("BEIR folder layout", () => {
  it("SciFact written as corpus.jsonl.gz / queries.jsonl / qrels/test.tsv loads to the same data", async () => {
    const spec = getTask("SciFact");
    const client = createHubClient({
      cacheDir: join(FIXTURE_HF_HOME, "hub"),
      offline: true,
      progress: false,
    });
    const hub = await loadTaskData(
      spec,
      hubSource(client, spec.dataset.path, spec.dataset.revision),
      "test",
      "default",
    );
    if (hub.kind !== "retrieval") throw new Error("expected retrieval data");
    const dir = mkdtempSync(join(tmpdir(), "embeval-beir-"));
    mkdirSync(join(dir, "qrels"));
    const corpus = hub.corpus
      .map((d) => JSON.stringify({ _id: d.id, title: d.title ?? "", text: d.text }))
      .join("\n");
    writeFileSync(join(dir, "corpus.jsonl.gz"), gzipSync(`${corpus}\n`));
    writeFileSync(
      join(dir, "queries.jsonl"),
      `${hub.queries.map((q) => JSON.stringify({ _id: q.id, text: q.text })).join("\n")}\n`,
    );
    const lines = ["query-id\tcorpus-id\tscore"];
    for (const [q, docs] of hub.qrels) for (const [d, s] of docs) lines.push(`${q}\t${d}\t${s}`);
    writeFileSync(join(dir, "qrels", "test.tsv"), `${lines.join("\n")}\n`);
    const local = await loadTaskData(spec, localSource(dir), "test", "default");
    expect(local).toEqual({ ...hub, corpus: hub.corpus.map((d) => ({ ...d, title: d.title ?? "" })) });
    await expect(loadTaskData(spec, localSource(dir), "dev", "default")).rejects.toMatchObject({
      code: "E_DATASET_MISSING",
      message: expect.stringContaining("qrels/dev.tsv"),
    });
  });
});
