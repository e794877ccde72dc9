#!/usr/bin/env node
// custom-elements.json from the elements' JSDoc (@summary @attr @slot @event @csspart @cssproperty).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
execFileSync(
  'npx',
  ['custom-elements-manifest', 'analyze', '--litelement', '--globs', 'src/**/*.component.ts', '--quiet'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
