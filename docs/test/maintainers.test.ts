// The maintainers' commands of the releasing guide, checked the way they would run from the
// repository: each `npm run` names a root script, each `npx` an installed tool, each `node` a file,
// each workspace in `--update <package>` a package of the repository.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryDirectory, sample } from './servers';

const rootManifest = JSON.parse(readFileSync(join(repositoryDirectory, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

function commands(text: string): string[][] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .map((line) => line.split(/\s+/));
}

describe.each(['changeset.sh', 'api-report.sh'])('%s', (name) => {
  it('runs only what the repository has', () => {
    const lines = commands(sample(name));
    expect(lines.length).toBeGreaterThan(0);
    for (const [program, first, ...rest] of lines) {
      if (program === 'npm') {
        expect(first).toBe('run');
        expect(Object.keys(rootManifest.scripts)).toContain(rest[0]);
      } else if (program === 'npx') {
        expect(existsSync(join(repositoryDirectory, 'node_modules', '.bin', first as string)), first).toBe(
          true,
        );
      } else if (program === 'node') {
        expect(existsSync(join(repositoryDirectory, first as string)), first).toBe(true);
        const packageName = rest.find((argument) => argument.startsWith('@wsc/'));
        if (packageName)
          expect(
            existsSync(join(repositoryDirectory, 'packages', packageName.slice(5), 'package.json')),
          ).toBe(true);
      } else {
        expect(program).toBe('git');
      }
    }
  });
});
