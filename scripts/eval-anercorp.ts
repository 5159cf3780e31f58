/**
 * Generalisation figure of the tagger: trains on the first 5/6 of ANERcorp's training split (by sentences)
 * and scores the last 1/6 with entity-level micro P/R/F1 over PER/LOC/ORG, conlleval style (MISC is scored
 * as O).   node scripts/run-ts.mjs scripts/eval-anercorp.ts [--no-misc] [--bilou] [--epochs N] [--seed N]
 */
import { PerceptronTagger } from '../server/src/analysis/tagger';
import { DEFAULT_TRAIN_FILE, ENTITY_TYPES, TYPES_WITH_MISC, TRAINING_SETTINGS, readAnercorp, tagSet, train } from './train';

const SCORED_TYPES = ['PER', 'LOC', 'ORG'];

/** Entity spans as `start:end:type`, conlleval style: an I- that does not continue its type opens a span. */
export function entitySpans(tags: string[]): string[] {
  const spans: string[] = [];
  let start = -1;
  let type = '';
  const close = (end: number) => {
    if (start >= 0) spans.push(`${start}:${end}:${type}`);
    start = -1;
  };
  tags.forEach((tag, i) => {
    const [prefix, tagType] = tag === 'O' ? ['O', ''] : [tag.slice(0, 1), tag.slice(2)];
    const continues = prefix === 'I' && start >= 0 && tagType === type;
    if (!continues) {
      close(i);
      if (prefix !== 'O' && SCORED_TYPES.includes(tagType)) {
        start = i;
        type = tagType;
      }
    }
  });
  close(tags.length);
  return spans;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function main(): void {
  const withMisc = !process.argv.includes('--no-misc');
  const option = (name: string, fallback: number) => {
    const index = process.argv.indexOf(name);
    return index > 0 ? Number(process.argv[index + 1]) : fallback;
  };
  const epochs = option('--epochs', TRAINING_SETTINGS.epochs);
  const seed = option('--seed', TRAINING_SETTINGS.seed);
  const sentences = readAnercorp(DEFAULT_TRAIN_FILE);
  const cut = Math.floor((sentences.length * 5) / 6);
  const started = Date.now();
  const bilou = process.argv.includes('--bilou');
  const tags = tagSet(withMisc ? TYPES_WITH_MISC : ENTITY_TYPES, bilou);
  const model = train(sentences.slice(0, cut), { epochs, seed, tags });
  const tagger = new PerceptronTagger(model);
  const counts = new Map(SCORED_TYPES.map((type) => [type, { gold: 0, predicted: 0, correct: 0 }]));
  for (const sentence of sentences.slice(cut)) {
    const gold = entitySpans(sentence.tags);
    const predicted = entitySpans(tagger.tag(sentence.words));
    const goldSet = new Set(gold);
    for (const span of gold) counts.get(span.split(':')[2])!.gold++;
    for (const span of predicted) {
      const entry = counts.get(span.split(':')[2])!;
      entry.predicted++;
      if (goldSet.has(span)) entry.correct++;
    }
  }
  const total = { gold: 0, predicted: 0, correct: 0 };
  const line = (name: string, c: typeof total) => {
    const precision = ratio(c.correct, c.predicted);
    const recall = ratio(c.correct, c.gold);
    const f1 = ratio(2 * precision * recall, precision + recall);
    console.log(
      `${name.padEnd(8)} P ${precision.toFixed(4)}  R ${recall.toFixed(4)}  F1 ${f1.toFixed(4)}  (gold ${c.gold}, predicted ${c.predicted})`,
    );
  };
  console.log(`train ${cut} sentences, test ${sentences.length - cut}; MISC ${withMisc ? 'trained, scored as O' : 'trained as O'}; ${epochs} epochs, seed ${seed}, ${bilou ? 'BILOU' : 'BIO'}`);
  for (const [type, c] of counts) {
    line(type, c);
    total.gold += c.gold;
    total.predicted += c.predicted;
    total.correct += c.correct;
  }
  line('overall', total);
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main();
