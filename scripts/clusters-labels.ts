/**
 * Self-training statistics for the tagger: a first-stage tagger labels all of the unlabelled news, and each
 * stem gets, per type (PER, LOC, ORG), buckets of how often it was labelled so, how often the word after
 * it was (trigger words: لاعب, المتحدث باسم …), and how often the word before it was. The second-stage model
 * uses these as features, which carries what the first stage learned from many contexts to rare names.
 */
import * as fs from 'fs';
import type { Tagger } from '../server/src/analysis/tagger';
import type { WordTable } from '../server/src/analysis/tagger-features';
import { normaliseForTagger, sentencesForTagger, splitProclitics } from '../server/src/analysis/tagger-text';
import { listTextFiles } from '../server/src/textFiles';

const TYPES = ['PER', 'LOC', 'ORG'];
const MIN_COUNT = 3;

function bucket(fraction: number): string {
  if (fraction === 0) return 'zero';
  if (fraction < 0.05) return 'rare';
  if (fraction < 0.3) return 'some';
  if (fraction < 0.7) return 'often';
  return 'mostly';
}

export function labelStemsInCorpus(tagger: Tagger, corpusDir: string): WordTable {
  const counts = new Map<string, number[]>();
  for (const file of listTextFiles(corpusDir)) {
    for (const sentence of sentencesForTagger(fs.readFileSync(file, 'utf8'))) {
      const types = tagger.tag(sentence).map((label) => TYPES.indexOf(label.slice(2)));
      sentence.forEach((word, i) => {
        const stem = splitProclitics(normaliseForTagger(word)).stem;
        let entry = counts.get(stem);
        if (!entry) counts.set(stem, (entry = new Array<number>(1 + 3 * TYPES.length).fill(0)));
        entry[0]++;
        if (types[i] >= 0) entry[1 + types[i]]++;
        if (i + 1 < types.length && types[i + 1] >= 0) entry[1 + TYPES.length + types[i + 1]]++;
        if (i > 0 && types[i - 1] >= 0) entry[1 + 2 * TYPES.length + types[i - 1]]++;
      });
    }
  }
  const table: WordTable = new Map();
  const stems = [...counts.keys()].filter((stem) => counts.get(stem)![0] >= MIN_COUNT && /\p{L}/u.test(stem)).sort();
  for (const stem of stems) {
    const [total, ...byType] = counts.get(stem)!;
    table.set(stem, byType.map((count) => bucket(count / total)).join('\t'));
  }
  return table;
}
