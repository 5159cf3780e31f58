/**
 * Builds server/data/gazetteer-common.json: the most frequent words of the unlabelled newspaper corpus
 * (../shared/corpus/arabic-newspapers), in matching form. A statistical name (tagger output, a surname
 * repeated through the article) that is one of these words is rejected unless the gazetteer knows it:
 * كان، التي، الثورة، حزب are words, not names. Only the word list ships, never the text.
 * Run: node scripts/run-ts.mjs scripts/build-gazetteer-common.ts [count]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tokenize } from '../server/src/analysis/tokenize';

const root = path.join(__dirname, '..');
const corpus = path.join(root, '../shared/corpus/arabic-newspapers');
const count = Number(process.argv[2] ?? 1000);

const counts = new Map<string, number>();
for (const section of fs.readdirSync(corpus).sort()) {
  for (const file of fs.readdirSync(path.join(corpus, section)).sort()) {
    const text = fs.readFileSync(path.join(corpus, section, file), 'utf8');
    for (const t of tokenize(text)) if (/^[\u0621-\u064A]+$/.test(t.norm)) counts.set(t.norm, (counts.get(t.norm) ?? 0) + 1);
  }
}
const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, count).map(([w]) => w);
fs.writeFileSync(path.join(root, 'server/data/gazetteer-common.json'), JSON.stringify(top) + '\n');
console.log(`wrote ${top.length} words`);
