#!/usr/bin/env node
// `npm test`: every suite this machine can run, then one summary line.
//  1. unit and integration tests on PGlite (always);
//  2. the same tests on a PostgreSQL server (when TEST_DATABASE_URL is set);
//  3. browser tests in Debian's Chromium (when /usr/bin/chromium or CHROMIUM_PATH exists).
// A suite that cannot run here is named, with how to enable it: never silently skipped.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

const findTests = (dir) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true })
        .map(String)
        .filter((file) => file.endsWith('.test.ts') && !file.includes('node_modules'))
        .map((file) => path.join(dir, file))
        .sort()
    : [];

const only = process.argv.slice(2);
const pick = (files) => (only.length ? files.filter((file) => only.some((part) => file.includes(part))) : files);

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(chromium);
const pgUrl = process.env.TEST_DATABASE_URL;

const suites = [
  { name: 'PGlite', files: pick(findTests('src')), env: { TEST_DB: 'pglite' } },
  pgUrl
    ? { name: 'PostgreSQL', files: pick(findTests('src')), env: { TEST_DB: 'pg' } }
    : {
        name: 'PostgreSQL',
        skip: 'TEST_DATABASE_URL n’est pas défini. Pour l’activer : TEST_DATABASE_URL=postgres://utilisateur@hôte:5432/base npm test',
      },
  hasChromium
    ? // One file at a time: Chromium, a server and axe per file already fill two cores.
      {
        name: 'navigateur (Chromium + axe)',
        files: pick(findTests('web/e2e')),
        env: { TEST_DB: 'pglite', CHROMIUM_PATH: chromium },
        concurrency: 1,
      }
    : {
        name: 'navigateur (Chromium + axe)',
        skip: `Chromium introuvable (${chromium}). Pour l’activer : apt-get install chromium (ou CHROMIUM_PATH=…)`,
      },
];

const totals = { pass: 0, fail: 0, skipped: 0 };
const skippedSuites = [];

for (const suite of suites) {
  if (suite.skip) {
    skippedSuites.push(`${suite.name} : ${suite.skip}`);
    continue;
  }
  if (!suite.files.length) continue;
  console.log(`\n▶ Suite ${suite.name} (${suite.files.length} fichiers)\n`);
  // The spec reporter's closing lines ("ℹ pass 12") are read back from its output, echoed as it comes.
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${suite.concurrency ?? 2}`,
      '--test-timeout=300000',
      '--test-force-exit', // a failed test must not leave its file hanging on a running worker
      '--test-reporter=spec',
      ...suite.files,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...suite.env, NODE_ENV: 'test', FORCE_COLOR: '0' } },
  );
  let text = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    text += chunk;
  });
  const status = await new Promise((resolve) => child.once('close', resolve));
  const count = (key) => Number(text.match(new RegExp(`^ℹ ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  totals.pass += count('pass');
  totals.fail += count('fail') + count('cancelled');
  totals.skipped += count('skipped') + count('todo');
  // A runner that crashed, or printed no summary, counts as a failure: never a silent green.
  if ((status !== 0 && count('fail') + count('cancelled') === 0) || !/^ℹ tests \d+$/m.test(text)) totals.fail += 1;
}

if (skippedSuites.length) {
  console.log('\nSuites non exécutées sur cette machine :');
  for (const line of skippedSuites) console.log(`  - ${line}`);
}
console.log(`\n${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
process.exit(totals.fail ? 1 : 0);
