/** The `embeval` command (commander 14): parses arguments, runs the command, maps usage errors to EmbevalError E_INVALID_ARGUMENT. */
import { Command, CommanderError } from "commander";
import { EmbevalError } from "../errors.js";
import { EMBEVAL_VERSION } from "../version.js";
import { type CompareFlags, runCompare } from "./compare.js";
import { type EmbedFlags, runEmbed } from "./embed.js";
import { type CliIo, processIo } from "./io.js";
import { runListSuites, runListTasks } from "./list.js";
import { type ReportFlags, runReport } from "./report.js";
import { type RunFlags, runRun } from "./run.js";

const DESCRIPTION = `embeval ${EMBEVAL_VERSION} — evaluate text-embedding models with the same numbers as mteb`;

const AFTER_HELP = `
Examples:
  HF_HOME=../shared/hf-home HF_HUB_OFFLINE=1 embeval run          # random baseline on every cached task
  embeval run --suite mteb-eng --model ./my-onnx-model --dims 1024,256
  embeval run --tasks STSBenchmark,SICK-R --model random --sklearn 1.6
  embeval embed --model random --role query --input texts.txt --output vectors.npy
  embeval report --results ../shared/results --benchmark "MTEB(eng, v2)" --format md
  embeval report --results ../shared/results --retrieval-table --format md
  embeval compare --baseline results-main --candidate results --benchmark mteb-eng --max-drop 0.5
  embeval list suites
  embeval list tasks --suite mmteb
  embeval list tasks --type Retrieval --language deu

See README.md for models, results layout, reports and the CI gate.`;

/** Builds the command tree; `setCode` receives the exit code of the action that ran. */
function buildProgram(io: CliIo, setCode: (code: number) => void): Command {
  const program = new Command("embeval");
  program
    .description(DESCRIPTION)
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => {} })
    .exitOverride()
    .showSuggestionAfterError(true)
    .version(EMBEVAL_VERSION, "-V, --version", "print the version")
    .helpOption("-h, --help", "print this help")
    .helpCommand("help [command]", "print the help of a command")
    .addHelpText("after", AFTER_HELP);

  program
    .command("version")
    .description("print the version")
    .action(() => {
      io.out(`${EMBEVAL_VERSION}\n`);
      setCode(0);
    });

  program
    .command("run")
    .description("evaluate a model on a suite or tasks and write mteb results (npm run eval)")
    .option("-s, --suite <suite>", "benchmark suite (mteb-eng, mmteb, beir, longembed, rteb or an mteb name)")
    .option("-t, --tasks <names>", "task names, comma-separated (within --suite if both are given)")
    .option("-l, --languages <codes>", "keep subsets with one of these languages (eng or eng-Latn)")
    .option("--subsets <names>", "keep these hf_subsets (e.g. en-en,ar-ar)")
    .option("--splits <names>", "keep these eval splits")
    .option(
      "-m, --model <spec>",
      "random | onnx:<dir> | <dir> | openai:<model> | tei:<url> | static:<path>",
      "random",
    )
    .option("--endpoint <url...>", "HTTP endpoint(s) for openai:/tei: models (repeatable)")
    .option("-b, --batch-size <n>", "texts per embedder call", "32")
    .option("--dims <list>", "truncation dims, one encode pass for all (e.g. 1024,512,256)")
    .option(
      "--quantize <kind>",
      "binary | int8 | int4 | float8_e4m3fn | float8_e5m2 (mteb CompressionWrapper)",
    )
    .option("--max-tokens <n>", "truncate inputs of local models to n tokens")
    .option("--prompts <json>", "model prompts file: task name / task type / query|document keys → prompt")
    .option(
      "--instruction-template <t>",
      'instruction model: e.g. "Instruct: {instruction}\\nQuery: " (task prompts applied)',
    )
    .option(
      "--instructions-on-documents",
      "also give documents the instruction (mteb apply_instruction_to_passages)",
    )
    .option("--dry-run", "print per task: texts, estimated tokens, cache size and an ETA; run nothing")
    .option("-o, --output <dir>", "results folder (mteb layout)", "results")
    .option("--cache <dir>", "Hugging Face hub cache folder (default from HF_HUB_CACHE / HF_HOME)")
    .option("--overwrite <strategy>", "only-missing | always | never", "only-missing")
    .option("--device <device>", "cpu | cuda (cuda is untested here)")
    .option("--threads <n>", "onnxruntime intra-op threads")
    .option("--seed <n>", "task seed", "42")
    .option("--sklearn <version>", "scikit-learn behaviour of the probes: 1.9 | 1.6", "1.9")
    .option(
      "--embedding-cache <dir>",
      "embedding disk cache (default $EMBEVAL_CACHE or ~/.cache/embeval/embeddings)",
    )
    .option("--no-embedding-cache", "do not read or write the embedding disk cache")
    .option("--cache-dtype <dtype>", "float32 | float16 (opt-in: half the size, float16 precision)")
    .action(async (opts: RunFlags) => setCode(await runRun(io, opts)));

  program
    .command("embed")
    .description("embed the lines of a text file into a float32 .npy (one row per line)")
    .requiredOption(
      "-m, --model <spec>",
      "random | onnx:<dir> | <dir> | openai:<model> | tei:<url> | static:<path>",
    )
    .requiredOption("-r, --role <role>", "query | document | symmetric")
    .requiredOption("-i, --input <file>", "UTF-8 text file, one text per line")
    .requiredOption("-o, --output <file>", "the .npy file to write")
    .option("--dims <d>", "keep the first d values of each vector")
    .option("-b, --batch-size <n>", "texts per embedder call", "32")
    .option("--endpoint <url...>", "HTTP endpoint(s) for openai:/tei: models (repeatable)")
    .option("--device <device>", "cpu | cuda (cuda is untested here)")
    .option("--threads <n>", "onnxruntime intra-op threads")
    .option(
      "--embedding-cache <dir>",
      "embedding disk cache (default $EMBEVAL_CACHE or ~/.cache/embeval/embeddings)",
    )
    .option("--no-embedding-cache", "do not read or write the embedding disk cache")
    .option("--cache-dtype <dtype>", "float32 | float16 (opt-in: half the size, float16 precision)")
    .action(async (opts: EmbedFlags) => setCode(await runEmbed(io, opts)));

  program
    .command("report")
    .description("aggregate mteb results trees on a benchmark like the mteb leaderboard (markdown or JSON)")
    .option("-r, --results <dir...>", "mteb results tree(s): <org>__<model>/<revision>/<Task>.json")
    .option("-b, --benchmark <name>", 'benchmark name or alias (e.g. "MTEB(eng, v2)", mmteb, beir)')
    .option("-m, --models <names>", "only these models (org/name, comma-separated)")
    .option(
      "--rebuild-cqadupstack",
      "rebuild CQADupstackRetrieval from its 12 sub-tasks when absent (mteb never does)",
    )
    .option("-f, --format <format>", "md | json | html", "md")
    .option("--languages <method>", "per-language recipe: mteb | paper")
    .option(
      "--check-against <csv>",
      "check every printed cell of a paper's tables CSV against the results (md | json)",
    )
    .option(
      "--legend <json>",
      "column legend of the paper's tables (default: column-legend.json next to the CSV)",
    )
    .option("--rows <json>", "paper row label → model map (default: row-models.json next to the CSV)")
    .option(
      "--retrieval-table",
      "cross-benchmark retrieval table: MTEB-M, MTEB-E, RTEB (16), BEIR (CQADupstack rebuilt), LongEmbed, Avg",
    )
    .option("-o, --out <file>", "write the report here instead of stdout")
    .action(async (opts: ReportFlags) => setCode(await runReport(io, opts)));

  program
    .command("compare")
    .description("CI gate: compare a candidate results tree with a baseline; exit 1 when a task drops")
    .option("--baseline <dir...>", "baseline mteb results tree(s)")
    .option("--candidate <dir...>", "candidate mteb results tree(s)")
    .option("-b, --benchmark <name>", "compare this benchmark's tasks and its means (e.g. mteb-eng)")
    .option("-m, --model <name>", "the model (org/name) to take from each tree when it holds several")
    .option("--baseline-model <name>", "the baseline's model, overriding --model")
    .option("--candidate-model <name>", "the candidate's model, overriding --model")
    .option("--max-drop <points>", "largest tolerated drop of a task's main score, in points (×100)", "0.5")
    .option("--alpha <p>", "significance level of the paired bootstrap", "0.05")
    .option("--seed <n>", "seed of the paired bootstrap (numpy RandomState)", "42")
    .option("--resamples <n>", "paired bootstrap resamples", "1000")
    .option("--allow-missing", "do not fail when the candidate lacks a task of the baseline")
    .option("--json <file>", "also write the comparison as JSON")
    .action(async (opts: CompareFlags) => setCode(await runCompare(io, opts)));

  const list = program.command("list").description("list benchmark suites or tasks");
  list
    .command("suites")
    .description("list the benchmark suites and their aliases")
    .option("--json", "print JSON instead of a table")
    .action((opts: { json?: boolean }) => setCode(runListSuites(io, opts)));
  list
    .command("tasks")
    .description("list tasks: name, type, languages, splits, main score")
    .option(
      "-s, --suite <suite>",
      "only the tasks of a suite (name or alias: mteb-eng, mmteb, beir, longembed, rteb)",
    )
    .option("-t, --type <type>", "only tasks of an mteb task type (e.g. Retrieval, STS)")
    .option(
      "-l, --language <codes>",
      "only tasks with a subset in one of these languages (eng or eng-Latn, comma-separated)",
    )
    .option("--json", "print JSON instead of a table")
    .action((opts: { suite?: string; type?: string; language?: string; json?: boolean }) =>
      setCode(runListTasks(io, opts)),
    );
  list.action(() => {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      "say what to list: `embeval list suites` or `embeval list tasks`",
      {
        hint: "run `embeval help list`",
      },
    );
  });
  return program;
}

function usageError(e: CommanderError): EmbevalError {
  const message = e.message.replace(/^error:\s*/, "");
  return new EmbevalError("E_INVALID_ARGUMENT", message, { hint: "run `embeval help`", cause: e });
}

/**
 * Runs the CLI with the given arguments (without `node` and the script path) and resolves to the exit code.
 * Usage errors and failures reject with an EmbevalError (unknown command → E_INVALID_ARGUMENT).
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      throw usageError(e);
    }
    throw e;
  }
  return code;
}
