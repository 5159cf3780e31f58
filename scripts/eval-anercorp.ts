/**
 * Generalisation figure of the tagger: trains on the first 5/6 of ANERcorp's training split (by sentences)
 * and scores the last 1/6 with entity-level micro P/R/F1 over PER/LOC/ORG, conlleval style (MISC is scored
 * as O), both sentence by sentence (the sequence model alone) and through documents (names made consistent
 * through runs of consecutive sentences, as the core does through an article).
 *   node scripts/run-ts.mjs scripts/eval-anercorp.ts [--no-misc] [--bilou] [--epochs N] [--seed N] [--document N]
 */
import { PerceptronTagger } from '../server/src/analysis/tagger';
import type { LabelledSentence } from '../server/src/analysis/tagger-training';
import { DEFAULT_TRAIN_FILE, ENTITY_TYPES, TYPES_WITH_MISC, TRAINING_SETTINGS, readAnercorp, tagSet, train } from './train';

const SCORED_TYPES = ['PER', 'LOC', 'ORG'];
/** Sentences per stand-in article: ANERcorp's 316 articles average about 475 tokens, some 15 of its sentences. */
const DOCUMENT_SENTENCES = 16;

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

type Counts = { gold: number; predicted: number; correct: number };

/** Entity counts per scored type of predicted label sequences against the gold ones. */
function countSpans(gold: LabelledSentence[], predicted: string[][]): Map<string, Counts> {
  const counts = new Map(SCORED_TYPES.map((type) => [type, { gold: 0, predicted: 0, correct: 0 }]));
  gold.forEach((sentence, n) => {
    const goldSet = new Set(entitySpans(sentence.tags));
    for (const span of goldSet) counts.get(span.split(':')[2])!.gold++;
    for (const span of entitySpans(predicted[n])) {
      const entry = counts.get(span.split(':')[2])!;
      entry.predicted++;
      if (goldSet.has(span)) entry.correct++;
    }
  });
  return counts;
}

function scoreLine(name: string, c: Counts): string {
  const precision = ratio(c.correct, c.predicted);
  const recall = ratio(c.correct, c.gold);
  const f1 = ratio(2 * precision * recall, precision + recall);
  return `${name.padEnd(8)} P ${precision.toFixed(4)}  R ${recall.toFixed(4)}  F1 ${f1.toFixed(4)}  (gold ${c.gold}, predicted ${c.predicted})`;
}

function total(counts: Map<string, Counts>): Counts {
  const sum = { gold: 0, predicted: 0, correct: 0 };
  for (const c of counts.values()) {
    sum.gold += c.gold;
    sum.predicted += c.predicted;
    sum.correct += c.correct;
  }
  return sum;
}

function main(): void {
  const withMisc = !process.argv.includes('--no-misc');
  const option = (name: string, fallback: number) => {
    const index = process.argv.indexOf(name);
    return index > 0 ? Number(process.argv[index + 1]) : fallback;
  };
  const epochs = option('--epochs', TRAINING_SETTINGS.epochs);
  const seed = option('--seed', TRAINING_SETTINGS.seed);
  const documentSize = option('--document', DOCUMENT_SENTENCES);
  const sentences = readAnercorp(DEFAULT_TRAIN_FILE);
  const cut = Math.floor((sentences.length * 5) / 6);
  const started = Date.now();
  const bilou = process.argv.includes('--bilou');
  const tags = tagSet(withMisc ? TYPES_WITH_MISC : ENTITY_TYPES, bilou);
  const model = train(sentences.slice(0, cut), { epochs, seed, tags });
  const tagger = new PerceptronTagger(model);
  const test = sentences.slice(cut);
  // ANERcorp marks no article boundaries: runs of consecutive sentences stand for articles.
  const byDocument: string[][] = [];
  for (let from = 0; from < test.length; from += documentSize) {
    byDocument.push(...tagger.tagDocument(test.slice(from, from + documentSize).map((sentence) => sentence.words)));
  }
  const bySentence = countSpans(test, test.map((sentence) => tagger.tag(sentence.words)));
  const counts = countSpans(test, byDocument);
  console.log(`train ${cut} sentences, test ${test.length}; MISC ${withMisc ? 'trained, scored as O' : 'trained as O'}; ${epochs} epochs, seed ${seed}, ${bilou ? 'BILOU' : 'BIO'}`);
  console.log(`sentence by sentence (the sequence model alone):`);
  console.log(scoreLine('overall', total(bySentence)));
  console.log(`documents of ${documentSize} sentences (names made consistent through each, as the core does in an article):`);
  for (const [type, c] of counts) console.log(scoreLine(type, c));
  console.log(scoreLine('overall', total(counts)));
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main();
