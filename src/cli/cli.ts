/** The `embeval` command dispatcher: turns arguments into library calls and returns an exit code. */
import { EmbevalError } from "../errors.js";
import { EMBEVAL_VERSION } from "../version.js";

const HELP = `embeval ${EMBEVAL_VERSION} — evaluate text-embedding models with the same numbers as mteb

Usage: embeval <command> [options]

Commands available in this version:
  version            print the version
  help               print this help

The evaluation commands (run, report, gate) are being built; see README.md.`;

/** Run the CLI with the given arguments; returns the process exit code. */
export function runCli(argv: string[]): number {
  const [cmd] = argv;
  switch (cmd) {
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(HELP);
      return 0;
    case "version":
    case "--version":
    case "-V":
      console.log(EMBEVAL_VERSION);
      return 0;
    default:
      throw new EmbevalError("E_INVALID_ARGUMENT", `unknown command "${cmd}"`, {
        hint: "run `embeval help`",
      });
  }
}
