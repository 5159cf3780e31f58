// The real-VS-Code layer of `npm test`: install what is needed (cached), build, package the
// VSIX, then run the extension-host suite and the UI test in code-server + Chromium, and check
// that `npm start` serves the samples.
// Never skipped (CI included): a machine that cannot run it fails loudly instead.
// Ends with `vscode: N passed, N failed`; exit code 1 on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSuite, repoRoot } from './build-suite.mjs';
import { packageVsix } from './codeserver.mjs';
import { setup } from './setup.mjs';
import { runSuiteInCodeServer } from '../../test/vscode/suite-codeserver.mjs';
import { runStartTest } from '../../test/vscode/start.test.mjs';
import { runUiTest } from '../../test/vscode/ui.test.mjs';

// Ctrl+C: exit through process.exit so the 'exit' hooks stop code-server's process groups.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(130));

// `--only suite|ui|start` (comma-separated) runs some parts, for working on one of them.
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = new Set((onlyArg ?? 'suite,ui,start').split(','));
const resultsDir = path.join(repoRoot, 'test-results');
const t0 = Date.now();
const secs = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const results = [];

function step(name, fn) {
  const t = Date.now();
  try {
    const value = fn();
    console.log(`[vscode] ${name}: ${secs(t)}`);
    return value;
  } catch (error) {
    results.push({ name, ok: false, detail: error.stack ?? String(error) });
    console.log(`not ok - ${name}\n${error.stack ?? error}`);
    return undefined;
  }
}

function finish() {
  const failed = results.filter((r) => !r.ok);
  for (const r of failed) console.log(`FAILED ${r.name}\n${r.detail ?? ''}`);
  console.log(`[vscode] total ${secs(t0)}; screenshots and logs in ${path.relative(process.cwd(), resultsDir) || '.'}`);
  console.log(`vscode: ${results.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length ? 1 : 0);
}

const setupPaths = step('setup (Chromium, Node 24, code-server)', () => setup());
if (!setupPaths) finish();

step('build', () => {
  const r = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm run build exited with ${r.status}`);
});
if (results.length) finish();

const t1 = Date.now();
const suiteBundle = await buildSuite().catch((error) => { results.push({ name: 'build extension-host suite', ok: false, detail: error.stack }); });
if (!suiteBundle) finish();
console.log(`[vscode] build suite: ${secs(t1)}`);

// Packaged into a private folder: two test runs in one work tree must not install each other's VSIX.
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-run-'));
process.once('exit', () => fs.rmSync(runDir, { recursive: true, force: true }));
const vsix = step('package VSIX', () => {
  const file = packageVsix(repoRoot, path.join(runDir, 'news-annotator.vsix'));
  const mb = fs.statSync(file).size / 1e6;
  if (mb > 15) throw new Error(`the VSIX is ${mb.toFixed(1)} MB, over the 15 MB limit`);
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.copyFileSync(file, path.join(resultsDir, 'news-annotator.vsix')); // for ui.test.mjs run alone
  console.log(`[vscode] VSIX ${mb.toFixed(2)} MB`);
  return file;
});
if (!vsix) finish();

let t = Date.now();
if (only.has('suite')) {
  console.log('[vscode] extension-host suite in code-server:');
  results.push(...(await runSuiteInCodeServer({ setupPaths, repo: repoRoot, vsix, suiteBundle, resultsDir })));
  console.log(`[vscode] extension-host suite: ${secs(t)}`);
}

t = Date.now();
if (only.has('ui')) {
  console.log('[vscode] UI test in code-server + Chromium:');
  // The README's pictures in docs/ are tracked: each is written only when missing, or when asked
  // with UPDATE_SCREENSHOTS=1, so a test run leaves the work tree clean.
  const docsDir = path.join(repoRoot, 'docs');
  const updateDocs = process.env.UPDATE_SCREENSHOTS === '1';
  results.push(...(await runUiTest({ setupPaths, repo: repoRoot, vsix, resultsDir, docsDir, updateDocs })));
  console.log(`[vscode] UI test: ${secs(t)}`);
}

t = Date.now();
if (only.has('start')) {
  console.log('[vscode] npm start (code-server path):');
  results.push(...(await runStartTest({ repo: repoRoot })));
  console.log(`[vscode] npm start check: ${secs(t)}`);
}
finish();
