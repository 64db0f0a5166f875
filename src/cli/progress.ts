/** A terminal progress bar for encoding (texts/s, tokens/s, ETA) with cli-progress; only on an interactive stderr. */
import cliProgress from "cli-progress";
import type { EncodeProgress } from "../pipeline/evaluate.js";

/** A progress callback for evaluate(), or undefined when stderr is not a terminal (then progress is logged). */
export function terminalEncodeProgress(
  stream: NodeJS.WriteStream = process.stderr,
): ((p: EncodeProgress) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let bar: cliProgress.SingleBar | undefined;
  return (p) => {
    const payload = {
      task: p.task,
      rate: p.textsPerSecond.toFixed(0),
      tokens: p.tokensPerSecond === undefined ? "" : ` | ${p.tokensPerSecond.toFixed(0)} tokens/s`,
      etaSec: p.etaSeconds.toFixed(0),
    };
    if (!bar) {
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: "{task} |{bar}| {value}/{total} texts | {rate} texts/s{tokens} | ETA {etaSec} s",
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(p.total, p.done, payload);
    } else bar.update(p.done, payload);
    if (p.done >= p.total) {
      bar.stop();
      bar = undefined;
    }
  };
}
