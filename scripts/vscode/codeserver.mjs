// Helpers to run code-server (VS Code web, 4.139.1) for the real-VS-Code tests and `npm start`:
// start it in its own process group on a free loopback port with scratch state, wait for
// /healthz, stop the whole group; package the extension and install the VSIX.
// Facts behind the flags: ../shared/notes/real-vscode-tests.md.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A free TCP port on 127.0.0.1 (the OS picks one; we release it right away). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'editor.hover.delay': 100,
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden', // the empty chat panel takes a third of a screenshot
};

/** Scratch user-data, extensions and XDG folders under one temp root. */
export function makeScratch(prefix = 'news-annotator-cs-') {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dirs = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    xdgConfig: path.join(root, 'xdg-config'),
    xdgData: path.join(root, 'xdg-data'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  // Also removed when the run is interrupted (Ctrl+C exits through process.exit).
  process.once('exit', () => fs.rmSync(root, { recursive: true, force: true }));
  return dirs;
}

/** Quiet defaults, then what the profile already has (a kept `npm start` profile), then `settings`. */
export function writeUserSettings(userDataDir, settings = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'settings.json');
  let existing = {};
  try { existing = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* none yet, or JSON with comments: start over */ }
  fs.writeFileSync(file, JSON.stringify({ ...QUIET_SETTINGS, ...existing, ...settings }, null, 2));
}

/** Environment for code-server: Node 24 first on PATH (the extension host and our language
 * server run on it) and XDG dirs in scratch (code-server writes config.yaml there). */
function csEnv(setupPaths, scratch) {
  return {
    ...process.env,
    PATH: `${path.dirname(setupPaths.node)}${path.delimiter}${process.env.PATH}`,
    XDG_CONFIG_HOME: scratch.xdgConfig,
    XDG_DATA_HOME: scratch.xdgData,
  };
}

/** Runs the code-server CLI once (install/list extensions) and returns stdout. */
export function codeServerCli(setupPaths, scratch, args) {
  const r = spawnSync(setupPaths.node, [setupPaths.codeServer,
    '--user-data-dir', scratch.userDataDir, '--extensions-dir', scratch.extensionsDir, ...args], {
    env: csEnv(setupPaths, scratch), encoding: 'utf8', timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`code-server ${args.join(' ')} failed (${r.status ?? r.error}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export function installVsix(setupPaths, scratch, vsix) {
  const out = codeServerCli(setupPaths, scratch, ['--force', '--install-extension', vsix]);
  if (!/successfully installed/i.test(out)) throw new Error(`VSIX install did not report success:\n${out}`);
  return out;
}

/** `vsce package --no-dependencies` (esbuild bundles the dependencies) into outFile. */
export function packageVsix(repo, outFile) {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const vsce = path.join(repo, 'node_modules', '@vscode', 'vsce', 'vsce');
  // vsce refuses relative README images unless it can derive a base URL, which it only does
  // for GitHub/GitLab repositories; give it one from the manifest's repository field.
  const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
  const repoUrl = String(manifest.repository?.url ?? manifest.repository ?? 'https://example.invalid/news-annotator').replace(/\.git$/, '');
  const args = [vsce, 'package', '--no-dependencies', '--out', outFile,
    '--baseContentUrl', `${repoUrl}/blob/HEAD/`, '--baseImagesUrl', `${repoUrl}/raw/HEAD/`];
  const r = spawnSync(process.execPath, args, {
    cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000,
  });
  if (r.status !== 0 || !fs.existsSync(outFile)) throw new Error(`vsce package failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return outFile;
}

async function waitHealthy(url, child, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100)); // polling interval, bounded by the deadline
  }
  throw new Error(`code-server not healthy at ${url} within ${deadlineMs} ms`);
}

/**
 * Starts code-server in its own process group. Returns { url, port, stop(), output() }.
 * opts: scratch (from makeScratch), smokeTestDriver (enables the extension-test payload hooks),
 *       port, settings (merged into the quiet user settings), logFile, host.
 */
export async function startCodeServer(setupPaths, opts) {
  const scratch = opts.scratch;
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? (await freePort());
  writeUserSettings(scratch.userDataDir, opts.settings);
  const args = [
    setupPaths.codeServer,
    '--bind-addr', `${host}:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // Without it, extension hosts outlive a closed browser for hours.
    '--reconnection-grace-time', '10',
    '--user-data-dir', scratch.userDataDir,
    '--extensions-dir', scratch.extensionsDir,
  ];
  if (opts.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const logFile = opts.logFile ?? path.join(scratch.root, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  // detached => setsid: code-server, its extension hosts and our language server share one
  // process group that stop() can end as a whole.
  const child = spawn(setupPaths.node, args, {
    env: csEnv(setupPaths, scratch), detached: true, stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  const url = `http://${host}:${port}`;
  let stopped = false;
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const kill = (sig) => { try { process.kill(-child.pid, sig); } catch { /* group already gone */ } };
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    kill('SIGKILL'); // leftovers of the group (extension host, language server) that ignored SIGTERM
  };
  // If our process dies first, take the group with it.
  const onExit = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
  process.once('exit', onExit);

  try {
    await waitHealthy(url, child, opts.healthTimeoutMs ?? 60_000);
  } catch (e) {
    await stop();
    throw new Error(`${e.message}\n--- code-server log ---\n${readTail(logFile)}`);
  }
  return { url, port, host, child, logFile, scratch, stop, output: () => readTail(logFile) };
}

export function readTail(file, bytes = 8000) {
  try {
    const buf = fs.readFileSync(file);
    return buf.subarray(Math.max(0, buf.length - bytes)).toString('utf8');
  } catch { return ''; }
}
