#!/usr/bin/env node
// `npm run bench`: runs every benchmark the issues name, one after another (never two at once: they
// measure throughput on a shared machine), then prints one table of figure, value, baseline, ratio,
// target and pass/fail, and writes it with the machine's description and the date to
// docs/parts/performance-report.md, which the performance page of every language includes (one table,
// each language's words around it). Each step is a command of a package's own `bench` script (package.json is
// the source of truth); each records its figures through scripts/bench/results.mjs into the file
// WSC_BENCH_RESULTS names. PGlite always; PostgreSQL too when TEST_DATABASE_URL is set.
// BENCH_SCALE=small runs every step smaller (for trying the report, not for the docs).
//
// Options: --only server,sdk,widgets (a subset of packages; prints only, unless --output is given),
// --output <file> (default docs/parts/performance-report.md; --output - prints only), --skip-build.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeMachine, loadAverage } from './bench/machine.mjs';
import { renderReport, tally, textTable } from './bench/report.mjs';
import { readResults } from './bench/results.mjs';

const root = path.resolve(import.meta.dirname, '..');
const PACKAGES = ['server', 'sdk', 'widgets'];

/**
 * Figures the issues name that no benchmark measures yet (`package`: whose bench would). They
 * stay in the table as "not measured" so the gap is seen; remove a row when its benchmark
 * records the figure.
 */
const NOT_BUILT = [];

function readOptions() {
  try {
    return parseArgs({
      options: {
        only: { type: 'string' },
        output: { type: 'string' },
        'skip-build': { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(
      `bench: ${error.message}\nusage: npm run bench [-- --only server,sdk,widgets] [--output <file>|-] [--skip-build]`,
    );
    process.exit(2);
  }
}
const options = readOptions();
// The docs' report holds full runs only: a subset or an interrupted run prints its table and
// leaves the page as it was, unless --output names a file.
const output = options.output ?? (options.only ? '-' : 'docs/parts/performance-report.md');
const packages = options.only ? options.only.split(',').map((name) => name.trim()) : PACKAGES;
for (const name of packages) {
  if (!PACKAGES.includes(name)) {
    console.error(`bench: unknown package "${name}" in --only (known: ${PACKAGES.join(', ')})`);
    process.exit(2);
  }
}

function run(command, args, { cwd = root, env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    child.once('error', (error) => {
      console.error(`bench: could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** The steps of a package's `bench` script: `node a.mjs && node b.mjs` → two steps. */
function benchSteps(name) {
  const folder = path.join(root, 'packages', name);
  const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
  const script = manifest.scripts?.bench;
  if (!script) throw new Error(`packages/${name}/package.json has no "bench" script`);
  return script.split('&&').map((command) => ({ package: manifest.name, folder, command: command.trim() }));
}

const startedAt = new Date();
const started = performance.now();
const loadAtStart = loadAverage();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'wsc-bench-'));
const resultsFile = path.join(scratch, 'results.jsonl');
writeFileSync(resultsFile, '');
let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
});

try {
  if (!options['skip-build']) {
    const code = await run('npx', [
      'turbo',
      'run',
      'build',
      '--filter=./packages/*',
      '--output-logs=errors-only',
    ]);
    if (code !== 0) {
      console.error('bench: the build failed; nothing was measured');
      process.exit(code);
    }
  }

  const suites = [];
  const failures = [];
  for (const step of packages.flatMap(benchSteps)) {
    if (interrupted) break;
    const [command, ...args] = step.command.split(/\s+/);
    console.log(`\n=== ${step.package}: ${step.command} ===`);
    const stepStarted = performance.now();
    const exitCode = await run(command, args, {
      cwd: step.folder,
      env: { ...process.env, WSC_BENCH_RESULTS: resultsFile },
    });
    const seconds = (performance.now() - stepStarted) / 1000;
    suites.push({ name: step.package, command: step.command, exitCode, seconds });
    if (exitCode !== 0)
      failures.push({
        suite: step.package,
        figure: `\`${step.command}\` finished`,
        value: exitCode,
        unit: '',
        target: { of: 'value', comparator: '=', limit: 0 },
        note: 'exit code: its figures are missing or partial',
      });
  }

  const notBuilt = NOT_BUILT.filter((result) => packages.includes(result.package));
  const results = [...readResults(resultsFile), ...failures, ...notBuilt];
  const seconds = (performance.now() - started) / 1000;
  const scale = process.env.BENCH_SCALE === 'small' ? 'BENCH_SCALE=small ' : '';
  const databases = process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL=… ' : '';
  const command = `${databases}${scale}npm run bench${options.only ? ` -- --only ${options.only}` : ''}`;
  const notes = [
    process.env.TEST_DATABASE_URL
      ? 'PostgreSQL and PGlite: PostgreSQL from TEST_DATABASE_URL, PGlite in a temporary folder.'
      : 'PGlite only: set TEST_DATABASE_URL to measure PostgreSQL too (the API targets of #3 and #17 are set on PostgreSQL, the two-instance fan-out of #4 needs it).',
    process.env.BENCH_SCALE === 'small'
      ? 'BENCH_SCALE=small: fewer rows, subscribers and calls than the issues name; for trying the report only.'
      : 'Full scale as the issues name it: 100,000 pain points and about 1,000,000 votes, 100 connections, 1,000 SSE subscribers. To stay under 15 minutes the API bench measures each route for 6 s (two halves each for server and floor, run A B B A) after 1 s of warm-up, and runs the open loop of #17 (4 s per rate) on one database: PostgreSQL when measured, else PGlite.',
    'Every step runs alone; the machine is shared with other work, so absolute numbers drift from run to run. The ratios are what the targets judge.',
    "The widgets' first render and the race's throughput are reported, not judged: the issues set no target for them.",
  ];
  if (interrupted) notes.unshift('Interrupted (Ctrl-C): the table holds what finished.');
  const machine = await describeMachine({ databaseUrl: process.env.TEST_DATABASE_URL, loadAtStart });

  console.log(`\n=== Benchmark report (${Math.round(seconds)} s) ===\n`);
  console.log(textTable(results));
  const counts = tally(results);
  console.log(
    `\n${Object.entries(counts)
      .map(([verdict, count]) => `${count} ${verdict}`)
      .join(', ')}`,
  );
  if (interrupted && !options.output) {
    console.log('interrupted: docs/parts/performance-report.md left as it was');
  } else if (output !== '-') {
    const markdown = renderReport({
      results,
      machine,
      date: `${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      command,
      seconds,
      suites,
      notes,
    });
    writeFileSync(path.resolve(root, output), markdown);
    console.log(`written to ${output}`);
  }
  process.exitCode = failures.length > 0 || interrupted ? 1 : 0;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
