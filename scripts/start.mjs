// `npm start`: open the sample articles in VS Code with the extension.
// - Where VS Code is installed (a `code` CLI on PATH): build, then
//   `code --extensionDevelopmentPath=<repo> <repo>/samples`.
// - Otherwise (or with --code-server): build, package the VSIX, install it into code-server
//   (set up and cached by scripts/vscode/setup.mjs) and serve VS Code in the browser at a
//   printed localhost URL until Ctrl+C.
// Env: NEWS_ANNOTATOR_PORT (default 8080; 0 or taken: a free port), NEWS_ANNOTATOR_HOST (default
// 127.0.0.1), NEWS_ANNOTATOR_START_PROFILE (the kept code-server profile folder).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installVsix, packageVsix, startCodeServer } from './vscode/codeserver.mjs';
import { cacheDir, setup } from './vscode/setup.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const samples = path.join(repo, 'samples');
const forceCodeServer = process.argv.includes('--code-server');

function build() {
  const r = spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

function hasVsCode() {
  const r = spawnSync('code', ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0 && /^\d+\.\d+\.\d+/.test(r.stdout);
}

function portFree(port, host) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

async function main() {
  if (!forceCodeServer && hasVsCode()) {
    build();
    console.log(`Opening ${samples} in VS Code with the extension from ${repo}`);
    const r = spawnSync('code', [`--extensionDevelopmentPath=${repo}`, samples], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }

  console.log('No `code` CLI found: serving VS Code (code-server) in the browser instead.');
  const setupPaths = setup();
  build();
  // A profile kept between runs (settings, opened editors), the extension reinstalled each time.
  const root = process.env.NEWS_ANNOTATOR_START_PROFILE || path.join(cacheDir(), 'start-profile');
  fs.mkdirSync(root, { recursive: true });
  const vsix = packageVsix(repo, path.join(root, 'news-annotator.vsix'));
  const scratch = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    xdgConfig: path.join(root, 'xdg-config'),
    xdgData: path.join(root, 'xdg-data'),
  };
  for (const d of Object.values(scratch)) fs.mkdirSync(d, { recursive: true });
  installVsix(setupPaths, scratch, vsix);

  const host = process.env.NEWS_ANNOTATOR_HOST || '127.0.0.1';
  const wanted = Number(process.env.NEWS_ANNOTATOR_PORT || 8080);
  const port = wanted > 0 && (await portFree(wanted, host)) ? wanted : undefined; // undefined: any free one
  const cs = await startCodeServer(setupPaths, {
    scratch, host, port, logFile: path.join(root, 'code-server.log'),
  });
  const url = `${cs.url}/?folder=${encodeURI(samples).replace(/[?#&]/g, encodeURIComponent)}`;
  console.log(`\nNews Annotator in VS Code (code-server): ${url}`);
  console.log(`Open that URL in a browser. Log: ${cs.logFile}. Press Ctrl+C to stop.`);

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    await cs.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  cs.child.once('exit', (code) => {
    if (!stopping) {
      console.error(`code-server exited (${code}); see ${cs.logFile}`);
      process.exit(1);
    }
  });
}

main().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exit(1);
});
