/** vitest configuration: tests live in test/, slow end-to-end suites end in .slow.test.ts and still run in CI. */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Tests never touch the user's embedding cache (~/.cache/embeval): one throw-away folder per run.
    env: { EMBEVAL_CACHE: join(tmpdir(), `embeval-test-cache-${process.pid}`) },
  },
});
