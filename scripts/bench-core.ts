/**
 * Speed of the whole analysis core (tokens, gazetteer, tagger, entities, quotes) over the newspaper corpus,
 * model and gazetteer loading included. Texts are read before the clock starts.
 *   node scripts/run-ts.mjs scripts/bench-core.ts [corpusDir]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../server/src/analysis/analyze';
import { listTextFiles } from '../server/src/textFiles';

const corpusDir = path.resolve(process.argv[2] ?? path.join(__dirname, '../../shared/corpus/arabic-newspapers'));

const texts = listTextFiles(corpusDir).map((file) => fs.readFileSync(file, 'utf8'));
const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;

const started = performance.now();
let mentions = 0;
let quotes = 0;
for (const text of texts) {
  const analysis = analyzeArticle(text);
  mentions += analysis.mentions.length;
  quotes += analysis.quotes.length;
}
const seconds = (performance.now() - started) / 1000;
const cpuSeconds = (process.cpuUsage().user + process.cpuUsage().system) / 1e6;

console.log(`core: ${texts.length} articles, ${megabytes.toFixed(1)} MB of UTF-8 in ${seconds.toFixed(2)} s (loading included)`);
console.log(`core: ${(megabytes / seconds).toFixed(2)} MB/s wall on one core; process CPU ${cpuSeconds.toFixed(1)} s in all`);
console.log(`core: ${mentions} mentions, ${quotes} quotes; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
