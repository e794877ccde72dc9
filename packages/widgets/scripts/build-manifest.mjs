#!/usr/bin/env node
// custom-elements.json from the elements' JSDoc (@summary @attr @slot @event @csspart @cssproperty).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
execFileSync(
  'npx',
  // The base element too: every widget inherits its attributes (lang, api-url, publishable-key)
  // and properties (token, getToken), which the manifest then lists on each element.
  [
    'custom-elements-manifest',
    'analyze',
    '--litelement',
    '--globs',
    'src/**/*.component.ts',
    'src/internal/wsc-element.ts',
    '--quiet',
  ],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
