#!/usr/bin/env node
// `npm start`: runs every runnable app of the platform (after turbo has built them) and prints their URLs.
// Each app is a workspace under apps/ whose package.json has a "start" script; they share this terminal,
// and Ctrl+C stops them all.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const appsFolder = join(root, 'apps');
const apps = existsSync(appsFolder)
  ? readdirSync(appsFolder)
      .map((name) => join(appsFolder, name))
      .filter((folder) => existsSync(join(folder, 'package.json')))
      .filter((folder) => JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).scripts?.start)
  : [];

if (apps.length === 0) {
  console.log('No runnable app yet: apps/* with a "start" script will be started here.');
  process.exit(0);
}

// The embedded database lives in the repository's .data/ whichever app opens it.
const environment = { ...process.env, WSC_DATA_DIR: process.env.WSC_DATA_DIR ?? join(root, '.data') };
if (!environment.DATABASE_URL) console.log(`Embedded PostgreSQL (PGlite) data: ${environment.WSC_DATA_DIR}`);
if (!environment.WSC_ADMIN_EMAIL) {
  console.log(
    'No admin: set WSC_ADMIN_EMAIL and WSC_ADMIN_PASSWORD to create one at start (README, "Try it").',
  );
}
const children = apps.map((folder) =>
  spawn('npm', ['start', '--silent'], { cwd: folder, stdio: 'inherit', env: environment }),
);
let stopping = false;
function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill(signal);
}
process.on('SIGINT', () => stopAll('SIGINT'));
process.on('SIGTERM', () => stopAll('SIGTERM'));
for (const child of children) {
  child.on('exit', (code) => {
    if (!stopping && code !== 0) {
      console.error(`an app stopped with exit code ${code}; stopping the others`);
      stopAll('SIGTERM');
      process.exitCode = code ?? 1;
    }
  });
}
