/**
 * The HTML report of the six published models in ../shared/results, opened in Debian's headless chromium
 * (issue 6 §4, issue 8 point 8): the page's script runs without errors, the console stays empty, chromium's
 * NetLog shows no request made by the page, and a screenshot is kept under the test output folder
 * ($EMBEVAL_TEST_OUTPUT or <tmpdir>/embeval-test-output, never committed). Negative controls prove that the
 * console and NetLog checks catch an injected external image and a script error.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../../src/cli/io.js";
import { runReport } from "../../../src/cli/report.js";
import { SHARED_DIR } from "../../helpers/shared.js";

const RESULTS = join(SHARED_DIR, "results");
const SIX = [
  "jinaai/jina-embeddings-v5-text-small",
  "jinaai/jina-embeddings-v5-text-nano",
  "Qwen/Qwen3-Embedding-0.6B",
  "google/embeddinggemma-300m",
  "intfloat/multilingual-e5-large-instruct",
  "Snowflake/snowflake-arctic-embed-l-v2.0",
];
const OUT = join(process.env.EMBEVAL_TEST_OUTPUT ?? join(tmpdir(), "embeval-test-output"), "html-report");
const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

/** Debian's chromium: $CHROMIUM_BIN, else `chromium` / `chromium-browser` on PATH. */
function findChromium(): string | null {
  if (process.env.CHROMIUM_BIN) return process.env.CHROMIUM_BIN;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    for (const name of ["chromium", "chromium-browser"]) {
      try {
        if (statSync(join(dir, name)).isFile()) return join(dir, name);
      } catch {}
    }
  }
  return null;
}

interface PageRun {
  dom: string;
  console: string[];
  /** URLs the page itself requested (browser-internal traffic, initiator "not an origin", is left out). */
  requests: string[];
  screenshot: string;
}

function openPage(chromium: string, html: string, name: string): PageRun {
  const work = mkdtempSync(join(tmpdir(), "embeval-chromium-"));
  try {
    const netlog = join(work, "netlog.json");
    const screenshot = join(OUT, `${name}.png`);
    const r = spawnSync(
      chromium,
      [
        ...CHROMIUM_FLAGS,
        `--user-data-dir=${join(work, "profile")}`,
        "--enable-logging=stderr",
        "--v=0",
        `--log-net-log=${netlog}`,
        "--hide-scrollbars",
        "--window-size=1400,2400",
        `--screenshot=${screenshot}`,
        "--dump-dom",
        pathToFileURL(html).href,
      ],
      { encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
    );
    if (r.error || r.status !== 0)
      throw new Error(
        `chromium failed (${r.error?.message ?? `exit ${r.status}`}): ${r.stderr.slice(-2000)}`,
      );
    const log = JSON.parse(readFileSync(netlog, "utf8")) as {
      constants: { logEventTypes: Record<string, number> };
      events: { type: number; params?: { url?: string; initiator?: string } }[];
    };
    const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
    const requests = log.events
      .filter((e) => e.type === start && e.params?.url && e.params.initiator !== "not an origin")
      .map((e) => e.params?.url as string)
      .filter((u) => !u.startsWith("file:") && !u.startsWith("data:"));
    const consoleLines = r.stderr.split("\n").filter((l) => /:CONSOLE[:(]/.test(l));
    return { dom: r.stdout, console: consoleLines, requests, screenshot };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Synthetic truncation runs (../shared/results has none): three STS tasks rescaled per dim for two models. */
function syntheticExperiments(root: string): void {
  const factor: Record<number, number> = { 64: 0.9, 128: 0.95, 256: 0.98, 512: 0.995 };
  for (const model of SIX.slice(0, 2)) {
    const folder = model.replace("/", "__");
    const rev = readdirSync(join(RESULTS, folder))[0];
    for (const [dim, f] of Object.entries(factor)) {
      const dir = join(root, folder, rev, "experiments", `embed_dim_${dim}`);
      mkdirSync(dir, { recursive: true });
      for (const task of ["STS12", "STS13", "STSBenchmark"]) {
        const data = JSON.parse(readFileSync(join(RESULTS, folder, rev, `${task}.json`), "utf8"));
        for (const entries of Object.values(data.scores) as { main_score: number }[][])
          for (const e of entries) e.main_score *= f;
        writeFileSync(join(dir, `${task}.json`), JSON.stringify(data));
      }
    }
  }
}

describe("HTML report in headless Debian chromium", () => {
  const chromium = findChromium();
  const tmp = mkdtempSync(join(tmpdir(), "embeval-html-browser-"));
  const html = join(OUT, "mmteb-paper.html");
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    syntheticExperiments(join(tmp, "experiments-root"));
    const io = memoryIo();
    const code = await runReport(io, {
      results: [RESULTS, join(tmp, "experiments-root")],
      benchmark: "MTEB(Multilingual, v2)",
      models: SIX.join(","),
      format: "html",
      languages: "paper",
      out: html,
    });
    expect(code).toBe(0);
  }, 120_000);

  it("finds Debian's chromium (installed by .ci/run: apt-get install -y chromium)", () => {
    expect(
      chromium,
      "Debian chromium is not installed: run `apt-get update && apt-get install -y chromium` (.ci/run does)",
    ).not.toBeNull();
  });

  it("renders the six models: script ran, no console message, no request, screenshot taken", () => {
    if (!chromium) throw new Error("Debian chromium is not installed: apt-get install -y chromium");
    const page = openPage(chromium, html, "mmteb-paper");
    expect(page.console).toEqual([]);
    expect(page.requests).toEqual([]);
    expect(page.dom).toMatch(/<html[^>]*data-errors="0"/);
    expect(page.dom).toMatch(/<html[^>]*data-ready="1"/);
    expect(page.dom.match(/class="heatmap"/g)?.length).toBe(6);
    expect(page.dom.match(/class="curve"/g)?.length).toBe(2);
    expect(page.dom).toContain("Per language (paper)");
    for (const m of SIX) expect(page.dom).toContain(`<td class="model">${m}</td>`);
    const png = readFileSync(page.screenshot);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1400); // IHDR width
    expect(png.length).toBeGreaterThan(50_000);
    console.log(`HTML report screenshot: ${page.screenshot} (page: ${html})`);
  }, 150_000);

  it("negative controls: an injected image is blocked by the CSP (console) or, without it, seen in the NetLog", () => {
    if (!chromium) throw new Error("Debian chromium is not installed: apt-get install -y chromium");
    const text = readFileSync(html, "utf8");
    const inject = '<img src="http://127.0.0.1:9/leak.png"><script>console.error("control")</script></body>';
    const withCsp = join(tmp, "control-csp.html");
    writeFileSync(withCsp, text.replace("</body>", inject));
    const a = openPage(chromium, withCsp, "control-csp");
    expect(a.requests).toEqual([]);
    expect(a.console.some((l) => l.includes("leak.png"))).toBe(true);
    expect(a.console.some((l) => l.includes("control"))).toBe(true);
    const noCsp = join(tmp, "control-no-csp.html");
    writeFileSync(
      noCsp,
      text.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "").replace("</body>", inject),
    );
    const b = openPage(chromium, noCsp, "control-no-csp");
    expect(b.requests).toEqual(["http://127.0.0.1:9/leak.png"]);
  }, 150_000);
});
