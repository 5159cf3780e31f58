// Runs the extension-host suite (test/vscode/suite) inside code-server: the packaged VSIX is
// installed, and its installed folder is loaded as the development extension through the
// smoke-test-driver payload, so the suite tests exactly what the VSIX ships. The suite's
// console lines arrive through codeAutomationLog and its outcome through codeAutomationExit.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, workbenchUrl } from '../../scripts/vscode/browser.mjs';
import { installVsix, makeScratch, startCodeServer } from '../../scripts/vscode/codeserver.mjs';

const PREFIX = '[news-annotator-suite]';

/** Copies the sample articles into a scratch workspace (tests write files there). */
export function makeWorkspace(repo, root) {
  const ws = path.join(root, 'workspace');
  fs.cpSync(path.join(repo, 'samples'), ws, { recursive: true });
  return ws;
}

export async function runSuiteInCodeServer({ setupPaths, repo, vsix, suiteBundle, resultsDir, timeoutMs = 240_000, log = console.log }) {
  const scratch = makeScratch('news-annotator-suite-');
  const results = [];
  let cs;
  let browser;
  try {
    installVsix(setupPaths, scratch, vsix);
    const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
    const installed = path.join(scratch.extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
    if (!fs.existsSync(path.join(installed, 'package.json'))) throw new Error(`installed extension not found at ${installed}`);
    // Every bundle the build makes must ship (the server loads out/analysisWorker.js beside out/server.js).
    const bundles = fs.readdirSync(path.join(repo, 'out')).filter((f) => f.endsWith('.js'));
    const missing = bundles.filter((f) => !fs.existsSync(path.join(installed, 'out', f)));
    results.push({ name: 'vsix: ships every bundle the build makes (out/*.js)', ok: missing.length === 0,
      detail: missing.length ? `missing from the VSIX: ${missing.join(', ')} (add them to .vscodeignore)` : bundles.join(', ') });
    log(`  ${missing.length ? 'not ok' : 'ok'} - the VSIX ships every bundle the build makes (out/*.js)${missing.length ? `: missing ${missing.join(', ')}` : ''}`);
    // The suite finds the manifest at ../../.. from its bundle, i.e. in the installed folder.
    const testsPath = path.join(installed, 'out', 'test', 'vscode', 'suite.js');
    fs.mkdirSync(path.dirname(testsPath), { recursive: true });
    fs.copyFileSync(suiteBundle, testsPath);

    const ws = makeWorkspace(repo, scratch.root);
    cs = await startCodeServer(setupPaths, { scratch, smokeTestDriver: true });
    browser = await launchBrowser(path.join(scratch.root, 'browser'), setupPaths.chromium);
    const page = browser.pages()[0] ?? (await browser.newPage());
    const hostLog = [];
    let exitCode;
    let onExit;
    const exited = new Promise((resolve) => { onExit = resolve; });
    // Both hooks must exist before the workbench loads.
    await page.exposeFunction('codeAutomationExit', (code) => { exitCode = code; onExit(code); });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      hostLog.push(`[${type}] ${line}`);
      if (line.startsWith(PREFIX)) {
        const text = line.slice(PREFIX.length + 1);
        log(`  ${text}`);
        const m = /^(ok|not ok) - (.*?)(?: \(\d+ ms\))?(?:\n|$)/.exec(text);
        if (m) results.push({ name: `extension host: ${m[2]}`, ok: m[1] === 'ok', detail: text });
      }
    });
    await page.goto(workbenchUrl(cs, ws, { path: installed, testsPath }));
    let timer;
    const code = await Promise.race([
      exited,
      new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); }),
    ]);
    clearTimeout(timer);
    if (resultsDir) {
      fs.mkdirSync(resultsDir, { recursive: true });
      fs.writeFileSync(path.join(resultsDir, 'extension-host.log'), hostLog.join('\n'));
      await page.screenshot({ path: path.join(resultsDir, 'extension-host-suite.png') }).catch(() => undefined);
    }
    if (code === 'timeout') results.push({ name: 'extension host: suite finished', ok: false, detail: `no codeAutomationExit within ${timeoutMs} ms` });
    else if (exitCode !== 0 && !results.some((r) => !r.ok && r.name.startsWith('extension host: '))) results.push({ name: 'extension host: suite exit code', ok: false, detail: `exit ${exitCode}\n${hostLog.slice(-30).join('\n')}` });
    if (!results.some((r) => r.name.startsWith('extension host: '))) results.push({ name: 'extension host: suite ran tests', ok: false, detail: `no test lines; exit ${String(code)}\n${hostLog.slice(-30).join('\n')}` });
  } catch (error) {
    results.push({ name: 'extension host: harness', ok: false, detail: error.stack ?? String(error) });
    if (cs) log(cs.output());
  } finally {
    await browser?.close().catch(() => undefined);
    await cs?.stop();
    fs.rmSync(scratch.root, { recursive: true, force: true });
  }
  return results;
}
