import { describe, expect, test } from 'vitest';
import { progressBar } from './progress';

function recorder(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe('progressBar', () => {
  test('redraws one line on a terminal and ends it with a newline', () => {
    const { stream, written } = recorder(true);
    const progress = progressBar(stream, 'codes');
    progress.update(0, 4);
    progress.update(2, 4);
    progress.update(2, 4);
    progress.update(4, 4);
    progress.done();
    expect(written).toEqual([
      `\rcodes [${'.'.repeat(30)}] 0/4 rows 0%`,
      `\rcodes [${'#'.repeat(15)}${'.'.repeat(15)}] 2/4 rows 50%`,
      `\rcodes [${'#'.repeat(30)}] 4/4 rows 100%`,
      '\n',
    ]);
  });

  test('writes plain lines into a pipe', () => {
    const { stream, written } = recorder(false);
    const progress = progressBar(stream, 'codes');
    progress.update(0, 0);
    progress.done();
    expect(written).toEqual([`codes [${'#'.repeat(30)}] 0/0 rows 100%\n`]);
  });
});
