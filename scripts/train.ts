/**
 * Trains the shipped named-entity tagger on all of ANERcorp's training split and writes
 * server/data/tagger-model.bin.   npm run train [-- --train path/to/train.txt]
 * Also home of the training settings and data reading shared with scripts/eval-anercorp.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildLexicon } from '../server/src/analysis/tagger-lexicon';
import { encodeModel, parseTable, type TaggerModel } from '../server/src/analysis/tagger-model';
import { MODEL_FILE_NAME } from '../server/src/analysis/tagger';
import { trainTagger, type LabelledSentence } from '../server/src/analysis/tagger-training';

export const DEFAULT_TRAIN_FILE = path.join(__dirname, '../../shared/data/anercorp/train.txt');
export const CLUSTERS_FILE = path.join(__dirname, '../server/data/clusters.tsv');
export const STEM_STATS_FILE = path.join(__dirname, '../server/data/clusters-stems.tsv');
export const MODEL_FILE = path.join(__dirname, '../server/data', MODEL_FILE_NAME);

export const ENTITY_TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'];
export const TAGS_WITH_MISC = [...ENTITY_TAGS, 'B-MISC', 'I-MISC'];
export const TRAINING_SETTINGS = { epochs: 12, seed: 1, tags: TAGS_WITH_MISC };

/** Reads `token TAG` lines, blank-line separated sentences; ANERcorp's PERS is our PER. */
export function readAnercorp(file: string): LabelledSentence[] {
  const sentences: LabelledSentence[] = [];
  let current: LabelledSentence = { words: [], tags: [] };
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '') {
      if (current.words.length > 0) sentences.push(current);
      current = { words: [], tags: [] };
      continue;
    }
    const space = trimmed.lastIndexOf(' ');
    current.words.push(trimmed.slice(0, space));
    current.tags.push(trimmed.slice(space + 1).replace(/PERS$/, 'PER'));
  }
  if (current.words.length > 0) sentences.push(current);
  return sentences;
}

/** Reads a table made by scripts/clusters*.ts; a missing one trains without those features. */
export function readTable(file: string): Map<string, string[]> {
  if (!fs.existsSync(file)) {
    console.error(`no ${file}: training without it (make it with scripts/clusters*.ts)`);
    return new Map();
  }
  return parseTable(fs.readFileSync(file, 'utf8'));
}

export function train(sentences: LabelledSentence[], settings = TRAINING_SETTINGS): TaggerModel {
  return trainTagger(sentences, {
    ...settings,
    lexicon: buildLexicon(),
    clusters: readTable(CLUSTERS_FILE),
    stemStats: readTable(STEM_STATS_FILE),
    log: (line) => console.error(line),
  });
}

function main(): void {
  const trainIndex = process.argv.indexOf('--train');
  const trainFile = trainIndex > 0 ? process.argv[trainIndex + 1] : DEFAULT_TRAIN_FILE;
  const started = Date.now();
  const sentences = readAnercorp(trainFile);
  const model = train(sentences);
  const bytes = encodeModel(model);
  fs.writeFileSync(MODEL_FILE, bytes);
  console.log(
    `trained on ${sentences.length} sentences in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
      `${model.keys.length} feature rows; wrote ${MODEL_FILE} (${(bytes.length / 1e6).toFixed(2)} MB)`,
  );
}

if (require.main === module) main();
