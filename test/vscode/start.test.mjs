// `npm start` on a machine without VS Code desktop: scripts/start.mjs --code-server must print
// a localhost URL that serves the workbench, and stop cleanly on Ctrl+C (SIGINT).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function runStartTest({ repo, log = console.log, timeoutMs = 180_000 }) {
  const name = 'npm start: serves the samples in code-server and stops on Ctrl+C';
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-start-'));
  const child = spawn(process.execPath, [path.join(repo, 'scripts', 'start.mjs'), '--code-server'], {
    cwd: repo,
    env: { ...process.env, NEWS_ANNOTATOR_PORT: '0', NEWS_ANNOTATOR_START_PROFILE: profile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed within ${timeoutMs} ms`)), timeoutMs);
      const onData = (chunk) => {
        output += chunk;
        const m = /: (http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)/.exec(output);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void exited.then((code) => { clearTimeout(timer); reject(new Error(`start.mjs exited early (${code})`)); });
    });
    const res = await fetch(url);
    const html = await res.text();
    if (res.status !== 200 || !/workbench/i.test(html)) throw new Error(`GET ${url} -> ${res.status}`);
    child.kill('SIGINT');
    let timer;
    const code = await Promise.race([exited, new Promise((r) => { timer = setTimeout(() => r('still running'), 20_000); })]);
    clearTimeout(timer);
    if (code !== 0) throw new Error(`after Ctrl+C start.mjs ended with ${code}`);
    // code-server ran in its own process group: nothing may still answer on its port.
    const after = await fetch(url).then(() => 'answering', () => 'gone');
    if (after !== 'gone') throw new Error('code-server still answers after Ctrl+C');
    log(`  ok - ${name}`);
    return [{ name, ok: true }];
  } catch (error) {
    log(`  not ok - ${name}\n${error.stack ?? error}\n${output.slice(-3000)}`);
    return [{ name, ok: false, detail: `${error.message}\n${output.slice(-3000)}` }];
  } finally {
    if (child.exitCode === null) { child.kill('SIGINT'); await exited; }
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
