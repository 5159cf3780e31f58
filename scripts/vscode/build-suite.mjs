// Bundles the extension-host test suite (test/vscode/suite) into out/test/vscode/suite.js,
// the file VS Code loads as extensionTestsPath. `vscode` stays external: the host provides it.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const suiteBundle = path.join(repoRoot, 'out', 'test', 'vscode', 'suite.js');

export async function buildSuite() {
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'test', 'vscode', 'suite', 'index.ts')],
    outfile: suiteBundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return suiteBundle;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await buildSuite());
