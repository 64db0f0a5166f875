/** LongEmbed's six tasks on a loopback Hub shaped like dwzhu/LongEmbed and mteb/LEMBPasskeyRetrieval: counts, files fetched, offline reruns. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHubClient } from "../../../src/data/hub/index.js";
import { contextLengthOf } from "../../../src/data/load-longembed.js";
import { loadTaskData } from "../../../src/data/load-task.js";
import { hubSource } from "../../../src/data/source.js";
import type { RetrievalData } from "../../../tasks/data.js";
import { getTask } from "../../../tasks/registry/index.js";
import {
  LENGTHS,
  LONGEMBED_COMMIT,
  longEmbedRepo,
  PASSKEY_COMMIT,
  PER_LENGTH,
  passkeyRepo,
  REAL_TASKS,
} from "../../fixtures/longembed/repos.js";
import { type FakeHub, startFakeHub } from "./hub/fake-hub.js";

let hub: FakeHub;
let cache: string;

const online = () =>
  createHubClient({ env: { HF_ENDPOINT: hub.endpoint, HF_HUB_CACHE: cache }, progress: false });
const offline = () => createHubClient({ cacheDir: cache, offline: true, progress: false });

async function load(client: ReturnType<typeof online>, task: string, split: string): Promise<RetrievalData> {
  const spec = getTask(task);
  const data = await loadTaskData(
    spec,
    hubSource(client, spec.dataset.path, spec.dataset.revision),
    split,
    "default",
  );
  if (data.kind !== "retrieval") throw new Error(`${task} loaded ${data.kind}`);
  return data;
}

/** Files fetched through `resolve/` (not the file-list API), each once, sorted. */
const fetched = () =>
  [
    ...new Set(
      hub.requests
        .filter((r) => r.server === "hub" && r.path.includes("/resolve/"))
        .map((r) => r.path.replace(/^.*\/resolve\/[^/]+\//, "")),
    ),
  ].sort();

beforeAll(async () => {
  hub = await startFakeHub([longEmbedRepo(), passkeyRepo()]);
});
afterAll(async () => {
  await hub.close();
});
beforeEach(async () => {
  cache = await mkdtemp(join(tmpdir(), "embeval-lemb-"));
  hub.requests.length = 0;
});
afterEach(async () => {
  await rm(cache, { recursive: true, force: true });
});

describe("the registry pins what mteb 2.20 loads", () => {
  it("four real tasks + Needle read dwzhu/LongEmbed configs; Passkey reads mteb's re-upload", () => {
    const cfg = (t: string) => getTask(t).dataset;
    expect(cfg("LEMBNarrativeQARetrieval")).toMatchObject({ path: "dwzhu/LongEmbed", name: "narrativeqa" });
    expect(cfg("LEMBQMSumRetrieval")).toMatchObject({ revision: LONGEMBED_COMMIT, name: "qmsum" });
    expect(cfg("LEMBSummScreenFDRetrieval").name).toBe("summ_screen_fd");
    expect(cfg("LEMBWikimQARetrieval").name).toBe("2wikimqa");
    expect(cfg("LEMBNeedleRetrieval")).toMatchObject({ path: "dwzhu/LongEmbed", name: "needle" });
    expect(cfg("LEMBPasskeyRetrieval")).toMatchObject({
      path: "mteb/LEMBPasskeyRetrieval",
      revision: PASSKEY_COMMIT,
    });
    expect(getTask("LEMBPasskeyRetrieval").evalSplits).toEqual(LENGTHS.map((L) => `test_${L}`));
    expect(getTask("LEMBNeedleRetrieval").mainScore).toBe("ndcg_at_1");
    expect([contextLengthOf("test_32768"), contextLengthOf("test"), contextLengthOf("validation")]).toEqual([
      32768,
      undefined,
      undefined,
    ]);
  });
});

describe("loading from the loopback Hub", () => {
  it.each([
    ["LEMBNarrativeQARetrieval", "narrativeqa"],
    ["LEMBQMSumRetrieval", "qmsum"],
    ["LEMBSummScreenFDRetrieval", "summ_screen_fd"],
    ["LEMBWikimQARetrieval", "2wikimqa"],
  ] as const)("%s: the whole %s config, qrels {qid: {doc_id: 1}}", async (task, config) => {
    const { split, queries, docs } = REAL_TASKS[config];
    const data = await load(online(), task, split);
    expect(data.queries.length).toBe(queries);
    expect(data.corpus.map((d) => d.id)).toEqual(Array.from({ length: docs }, (_, j) => `${config}_doc${j}`));
    expect(data.queries[1]).toEqual({ id: `${config}_q1`, text: "question 1 about w1" });
    const last = queries - 1;
    expect([...(data.qrels.get(`${config}_q${last}`) ?? [])]).toEqual([[`${config}_doc${last % docs}`, 1]]);
    expect(data.corpus[0].title).toBeUndefined();
  });

  it("LEMBNeedleRetrieval: each test_<n> split keeps the rows whose context_length is n", async () => {
    const client = online();
    for (const L of LENGTHS) {
      const data = await load(client, "LEMBNeedleRetrieval", `test_${L}`);
      expect(data.queries.map((q) => q.text)).toEqual([
        `what is the needle 0 at ${L}?`,
        `what is the needle 1 at ${L}?`,
      ]);
      expect(data.corpus.length).toBe(PER_LENGTH.docs);
      expect(data.corpus[0].text.endsWith(" key 0")).toBe(true);
      expect(data.corpus[0].text.split(" ").length).toBe(L / 64 + 2);
      expect([...(data.qrels.get("q1") ?? [])]).toEqual([[`doc${(1 + L) % PER_LENGTH.docs}`, 1]]);
    }
  });

  it("LEMBPasskeyRetrieval: mteb's loader reads each config at the eval split (8 parquet splits)", async () => {
    const client = online();
    for (const L of LENGTHS) {
      const data = await load(client, "LEMBPasskeyRetrieval", `test_${L}`);
      expect(data.queries).toEqual([
        { id: `${L}_q0`, text: `What is the pass key of ${L}_q0?` },
        { id: `${L}_q1`, text: `What is the pass key of ${L}_q1?` },
      ]);
      expect(data.corpus.map((d) => d.id)).toEqual([0, 1, 2, 3].map((j) => `${L}_doc${j}`));
      expect(data.corpus[2].text.endsWith(`The pass key is ${L}_doc2.`)).toBe(true);
      expect([...(data.qrels.get(`${L}_q0`) ?? [])]).toEqual([[`${L}_doc1`, 1]]);
    }
  });

  it("downloads only the card and the task's config files, then works offline from the cache", async () => {
    const first = await load(online(), "LEMBQMSumRetrieval", "test");
    expect(fetched()).toEqual([
      "README.md",
      "qmsum/corpus.jsonl",
      "qmsum/qrels.jsonl",
      "qmsum/queries.jsonl",
    ]);
    await load(online(), "LEMBPasskeyRetrieval", "test_1024");
    expect(fetched().filter((f) => f.includes("test_"))).toEqual([
      "corpus/test_1024-00000-of-00001.parquet",
      "qrels/test_1024-00000-of-00001.parquet",
      "queries/test_1024-00000-of-00001.parquet",
    ]);
    const seen = hub.requests.length;
    const again = await load(offline(), "LEMBQMSumRetrieval", "test");
    expect(again).toEqual(first);
    expect((await load(offline(), "LEMBPasskeyRetrieval", "test_1024")).queries.length).toBe(2);
    expect(hub.requests.length).toBe(seen);
    await expect(load(offline(), "LEMBPasskeyRetrieval", "test_2048")).rejects.toMatchObject({
      code: "E_DATASET_MISSING",
    });
  });
});
