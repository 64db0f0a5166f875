/** Encode progress: tokens/s from embedders that count tokens, and the terminal bar's rendering on a TTY stream. */
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { terminalEncodeProgress } from "../../src/cli/progress.js";
import { createRandomEmbedder } from "../../src/embedders/random.js";
import type { Embedder } from "../../src/embedders/types.js";
import { createEmbeddingService } from "../../src/embedding/service.js";

describe("encode progress", () => {
  it("reports texts done per batch and the embedder's cumulative token count", async () => {
    const base = createRandomEmbedder();
    const usage = { tokens: 0 };
    const counting: Embedder = {
      ...base,
      usage,
      async embed(texts, ctx) {
        for (const t of texts) usage.tokens += t.split(" ").length;
        return base.embed(texts, ctx);
      },
    };
    const seen: [number, number, number | undefined][] = [];
    const service = createEmbeddingService({
      embedder: counting,
      taskName: "T",
      batchSize: 2,
      onBatch: (done, total, tokens) => seen.push([done, total, tokens]),
    });
    await service.encode({ texts: ["a b c", "d", "e f", "a b c"], role: "symmetric" });
    // 3 distinct texts, longest first: "a b c", "e f" | "d".
    expect(seen).toEqual([
      [2, 3, 5],
      [3, 3, 6],
    ]);
  });
  it("draws a bar with texts/s, tokens/s and ETA on a TTY, nothing otherwise", () => {
    const chunks: string[] = [];
    const tty = Object.assign(
      new Writable({
        write(c, _e, cb) {
          chunks.push(String(c));
          cb();
        },
      }),
      { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true },
    ) as unknown as NodeJS.WriteStream;
    const bar = terminalEncodeProgress(tty);
    expect(bar).toBeDefined();
    bar?.({
      task: "SciFact",
      done: 10,
      total: 40,
      textsPerSecond: 20,
      tokensPerSecond: 900,
      etaSeconds: 1.5,
    });
    expect(chunks.join("")).toMatch(/SciFact .* 10\/40 texts \| 20 texts\/s \| 900 tokens\/s \| ETA 2 s/);
    bar?.({
      task: "SciFact",
      done: 40,
      total: 40,
      textsPerSecond: 20,
      tokensPerSecond: undefined,
      etaSeconds: 0,
    });
    const notTty = Object.assign(new Writable({ write: (_c, _e, cb) => cb() }), {
      isTTY: false,
    }) as unknown as NodeJS.WriteStream;
    expect(terminalEncodeProgress(notTty)).toBeUndefined();
  });
});
