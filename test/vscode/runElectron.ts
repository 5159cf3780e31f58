// Runs the extension-host suite (test/vscode/suite) in desktop VS Code through
// @vscode/test-electron, for machines that can download VS Code (a laptop, public CI).
// Offline machines use scripts/vscode/run-tests.mjs (code-server) instead: runTests() first
// downloads VS Code from update.code.visualstudio.com.
//
//   npm run build && node scripts/vscode/build-suite.mjs && node --import tsx test/vscode/runElectron.ts
//   VSCODE_EXECUTABLE=/path/to/code node --import tsx test/vscode/runElectron.ts   (use a local VS Code)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repo = path.resolve(__dirname, '..', '..');
  // Bundle the suite to out/test/vscode/suite.js (the same file the code-server run loads).
  execFileSync(process.execPath, [path.join(repo, 'scripts', 'vscode', 'build-suite.mjs')], { stdio: 'inherit' });
  const extensionTestsPath = path.join(repo, 'out', 'test', 'vscode', 'suite.js');
  if (!fs.existsSync(path.join(repo, 'out', 'client.js'))) throw new Error('out/client.js missing: run `npm run build` first');

  // The suite writes a file into its workspace, so give it a scratch copy of the samples.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-electron-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(repo, 'samples'), workspace, { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: repo,
      extensionTestsPath,
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      launchArgs: [
        workspace,
        '--disable-extensions', // other installed extensions must not interfere
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(scratch, 'user-data')}`,
      ],
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
