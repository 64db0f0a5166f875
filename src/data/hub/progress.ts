/** Download progress: an injectable reporter, by default a cli-progress bar on a TTY for large files only. */
import cliProgress from "cli-progress";

/** One file's progress. */
export interface ProgressTask {
  /** Bytes written so far (including bytes resumed from an earlier attempt). */
  update(bytes: number): void;
  stop(): void;
}

/** Makes a task per download, or undefined to stay silent for that file. */
export interface ProgressReporter {
  start(label: string, totalBytes: number | undefined, startBytes: number): ProgressTask | undefined;
}

/** Reports nothing. */
export const silentProgress: ProgressReporter = { start: () => undefined };

/** Options of the default bar. */
export interface TtyProgressOptions {
  /** Files smaller than this (or of unknown size) get no bar; default 10 MiB. */
  minBytes?: number;
  /** Where to draw; default process.stderr. Nothing is drawn unless it is a TTY. */
  stream?: NodeJS.WriteStream;
}

/** A cli-progress bar per large download, drawn only on a TTY. */
export function ttyProgress(opts: TtyProgressOptions = {}): ProgressReporter {
  const minBytes = opts.minBytes ?? 10 * 1024 * 1024;
  return {
    start(label, totalBytes, startBytes) {
      const stream = opts.stream ?? process.stderr;
      if (!stream.isTTY || totalBytes === undefined || totalBytes < minBytes) return undefined;
      const bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${label} [{bar}] {percentage}% | {value_mb}/{total_mb} MiB | ETA {eta_formatted}`,
          hideCursor: true,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      );
      const mb = (b: number) => (b / 1048576).toFixed(1);
      bar.start(totalBytes, startBytes, { value_mb: mb(startBytes), total_mb: mb(totalBytes) });
      return {
        update: (bytes) => bar.update(bytes, { value_mb: mb(bytes), total_mb: mb(totalBytes) }),
        stop: () => bar.stop(),
      };
    },
  };
}
