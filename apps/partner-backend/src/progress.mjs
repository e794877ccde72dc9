// A terminal progress bar for the export, on the idea of apps/api/src/progress.ts: on a terminal
// one line redrawn in place (`\r`); in a pipe or a log file a few plain lines (each quarter), so
// that a CI log is not flooded.

const WIDTH = 30;

/**
 * @typedef {object} ProgressStream
 * @property {(text: string) => unknown} write
 * @property {boolean} [isTTY]
 */

/**
 * @param {ProgressStream} stream usually process.stderr, so the CSV may go to stdout.
 * @param {string} label
 * @example
 * const progress = progressBar(process.stderr, 'pain points');
 * progress.update(40, 120);
 * progress.done();
 */
export function progressBar(stream, label) {
  let lastLine = '';
  let lastQuarter = -1;
  return {
    /** @param {number} done @param {number} total */
    update(done, total) {
      // The total was counted before the walk: rows added meanwhile may take it past 100 %.
      const shownTotal = Math.max(total, done);
      const ratio = shownTotal === 0 ? 1 : done / shownTotal;
      const percent = Math.floor(ratio * 100);
      if (stream.isTTY) {
        const filled = Math.round(ratio * WIDTH);
        const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${shownTotal} ${percent}%`;
        if (line !== lastLine) stream.write(`\r${line}`);
        lastLine = line;
        return;
      }
      const quarter = Math.floor(percent / 25);
      if (quarter === lastQuarter) return;
      lastQuarter = quarter;
      stream.write(`${label}: ${done}/${shownTotal} (${percent}%)\n`);
    },
    done() {
      if (stream.isTTY && lastLine) stream.write('\n');
    },
  };
}
