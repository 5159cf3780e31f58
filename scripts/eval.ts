/**
 * `npm run eval`: analyses the seed articles as one run, scores them with ../shared/eval/score.mjs against
 * the gold files, and runs the tagger's ANERcorp evaluation when scripts/eval-anercorp.ts exists.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { analyzeRun } from '../server/src/analysis/analyze';

const root = path.join(__dirname, '..');
const shared = path.join(root, '../shared');
const seeds = path.join(shared, 'corpus/seeds');
const out = process.argv[2] ?? path.join(os.tmpdir(), 'news-annotator-seeds.jsonl');

const files = fs.readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();
const started = process.hrtime.bigint();
const records = analyzeRun(files.map((file) => ({ file, text: fs.readFileSync(path.join(seeds, file), 'utf8') })));
const ms = Number(process.hrtime.bigint() - started) / 1e6;
fs.writeFileSync(out, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`analysed ${files.length} seeds in ${ms.toFixed(1)} ms -> ${out}`);

const score = spawnSync(process.execPath, [
  path.join(shared, 'eval/score.mjs'), '--gold', path.join(shared, 'gold'), '--system', out, '--texts', seeds,
], { stdio: 'inherit' });
let status = score.status ?? 1;

const anercorp = path.join(root, 'scripts/eval-anercorp.ts');
if (fs.existsSync(anercorp)) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/run-ts.mjs'), anercorp], { stdio: 'inherit' });
  status ||= r.status ?? 1;
}
process.exitCode = status;
