/** Where the bar is drawn: stderr, so stdout stays the JSON result a script can parse. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

const WIDTH = 30;

/**
 * A progress bar for long imports. On a terminal it redraws one line (`\r`); in a pipe or a log
 * file it writes a plain line at each step instead, so logs stay readable.
 *
 * @example
 * const progress = progressBar(process.stderr, 'invitation codes');
 * progress.update(500, 2000);
 * progress.done();
 */
export function progressBar(stream: ProgressStream, label: string) {
  let last = '';
  return {
    update(done: number, total: number) {
      const ratio = total === 0 ? 1 : Math.min(1, done / total);
      const filled = Math.round(ratio * WIDTH);
      const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total} rows ${Math.round(ratio * 100)}%`;
      if (line === last) return;
      last = line;
      stream.write(stream.isTTY ? `\r${line}` : `${line}\n`);
    },
    done() {
      if (stream.isTTY && last) stream.write('\n');
    },
  };
}
