/**
 * Per-stem statistics from unlabelled news for the tagger: how often a stem takes the definite article
 * (names rarely do: Arabic has no capital letters, ال is the nearest clue) and how frequent it is.
 * Writes server/data/clusters-stems.tsv: `stem<TAB>definiteness bucket<TAB>frequency bucket`.
 *   node scripts/run-ts.mjs scripts/clusters-stems.ts [corpusDir] [out.tsv]
 */
import * as fs from 'fs';
import * as path from 'path';
import { normaliseForTagger, splitProclitics, tokeniseForTagger } from '../server/src/analysis/tagger-text';
import { listTextFiles } from '../server/src/textFiles';

const corpusDir = process.argv[2] ?? path.join(__dirname, '../../shared/corpus/arabic-newspapers');
const outFile = process.argv[3] ?? path.join(__dirname, '../server/data/clusters-stems.tsv');
const MIN_COUNT = 3;

function definitenessBucket(definite: number, total: number): string {
  const ratio = definite / total;
  if (ratio === 0) return 'never';
  if (ratio < 0.1) return 'rare';
  if (ratio < 0.5) return 'some';
  if (ratio < 0.9) return 'often';
  return 'always';
}

function main(): void {
  const totals = new Map<string, number>();
  const definites = new Map<string, number>();
  for (const file of listTextFiles(corpusDir)) {
    for (const token of tokeniseForTagger(fs.readFileSync(file, 'utf8'))) {
      const { clitics, stem } = splitProclitics(normaliseForTagger(token));
      if (!/\p{L}/u.test(stem)) continue;
      totals.set(stem, (totals.get(stem) ?? 0) + 1);
      if (clitics.endsWith('ال') || clitics.endsWith('لل')) definites.set(stem, (definites.get(stem) ?? 0) + 1);
    }
  }
  const stems = [...totals.keys()]
    .filter((stem) => totals.get(stem)! >= MIN_COUNT)
    .sort((a, b) => totals.get(b)! - totals.get(a)! || (a < b ? -1 : 1));
  const lines = stems.map((stem) => {
    const total = totals.get(stem)!;
    return `${stem}\t${definitenessBucket(definites.get(stem) ?? 0, total)}\t${Math.min(Math.floor(Math.log2(total)), 12)}`;
  });
  fs.writeFileSync(outFile, lines.join('\n') + '\n');
  console.log(`wrote ${outFile} (${lines.length} stems)`);
}

main();
