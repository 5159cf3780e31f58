// Runs a TypeScript script through tsx, so scripts need no separate build step.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args...]');
  process.exit(2);
}
const tsxLoader = createRequire(import.meta.url).resolve('tsx');
const result = spawnSync(process.execPath, ['--import', tsxLoader, script, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
