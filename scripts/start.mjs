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

const children = apps.map((folder) =>
  spawn('npm', ['start', '--silent'], { cwd: folder, stdio: 'inherit', env: process.env }),
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
