/**
 * Trains the shipped named-entity tagger on all of ANERcorp's training split and writes
 * server/data/tagger-model.bin.   npm run train [-- --train path/to/train.txt]
 * Also home of the training settings and data reading shared with scripts/eval-anercorp.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildLexicon } from '../server/src/analysis/tagger-lexicon';
import { encodeModel, formatTable, parseTable, type TaggerModel } from '../server/src/analysis/tagger-model';
import { MODEL_FILE_NAME, PerceptronTagger } from '../server/src/analysis/tagger';
import { labelStemsInCorpus } from './clusters-labels';
import { trainTagger, type LabelledSentence } from '../server/src/analysis/tagger-training';
import type { WordTable } from '../server/src/analysis/tagger-features';

export const DEFAULT_TRAIN_FILE = path.join(__dirname, '../../shared/data/anercorp/train.txt');
export const CLUSTERS_FILE = path.join(__dirname, '../server/data/clusters.tsv');
export const BROWN_FILE = path.join(__dirname, '../server/data/clusters-brown.tsv');
export const BROWN_STEMS_FILE = path.join(__dirname, '../server/data/clusters-brown-stems.tsv');
export const STEM_STATS_FILE = path.join(__dirname, '../server/data/clusters-stems.tsv');
export const STEM_LABELS_FILE = path.join(__dirname, '../server/data/clusters-labels.tsv');
export const CORPUS_DIR = path.join(__dirname, '../../shared/corpus/arabic-newspapers');
export const MODEL_FILE = path.join(__dirname, '../server/data', MODEL_FILE_NAME);

/** Tag sets: entity types, with or without MISC, in BIO or BILOU. */
export function tagSet(types: string[], bilou: boolean): string[] {
  const prefixes = bilou ? ['B', 'I', 'L', 'U'] : ['B', 'I'];
  return ['O', ...types.flatMap((type) => prefixes.map((prefix) => `${prefix}-${type}`))];
}
export const ENTITY_TYPES = ['PER', 'LOC', 'ORG'];
export const TYPES_WITH_MISC = [...ENTITY_TYPES, 'MISC'];
export const TAGS_WITH_MISC = tagSet(TYPES_WITH_MISC, false);
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
export function readTable(file: string): WordTable {
  if (!fs.existsSync(file)) {
    console.error(`no ${file}: training without it (make it with scripts/clusters*.ts)`);
    return new Map();
  }
  return parseTable(fs.readFileSync(file, 'utf8'));
}

/** Words in both tables, with the first table's values then the second's (fixed positions for the levels). */
export function joinTables(first: WordTable, second: WordTable): WordTable {
  const joined: WordTable = new Map();
  for (const [word, values] of first) {
    const more = second.get(word);
    if (more !== undefined) joined.set(word, `${values}\t${more}`);
  }
  return joined;
}

/**
 * Two stages: a first model labels the unlabelled news, and the final model learns from how often each stem
 * was labelled PER/LOC/ORG there. Without the corpus the stage-two table must come from `labelsFile`
 * (the committed one is valid only for a model trained on all of train.txt).
 */
export function train(sentences: LabelledSentence[], settings = TRAINING_SETTINGS, labelsFile?: string): TaggerModel {
  const log = (line: string) => console.error(line);
  const tables = {
    lexicon: buildLexicon(),
    clusters: joinTables(readTable(BROWN_FILE), readTable(CLUSTERS_FILE)),
    stemStats: readTable(STEM_STATS_FILE),
    stemLabels: new Map() as WordTable,
    stemClusters: readTable(BROWN_STEMS_FILE),
  };
  if (fs.existsSync(CORPUS_DIR)) {
    // A third stage was measured and did not help.
    const firstStage = trainTagger(sentences, { ...settings, tables, log });
    tables.stemLabels = labelStemsInCorpus(new PerceptronTagger(firstStage), CORPUS_DIR);
  } else if (labelsFile) {
    tables.stemLabels = readTable(labelsFile);
  } else {
    log(`no ${CORPUS_DIR}: training a single stage, without corpus label statistics`);
  }
  return trainTagger(sentences, { ...settings, tables, log });
}

function main(): void {
  const trainIndex = process.argv.indexOf('--train');
  const trainFile = trainIndex > 0 ? process.argv[trainIndex + 1] : DEFAULT_TRAIN_FILE;
  const started = Date.now();
  const sentences = readAnercorp(trainFile);
  const model = train(sentences, TRAINING_SETTINGS, STEM_LABELS_FILE);
  fs.writeFileSync(STEM_LABELS_FILE, formatTable(model.tables.stemLabels) + '\n');
  const bytes = encodeModel(model);
  fs.writeFileSync(MODEL_FILE, bytes);
  console.log(
    `trained on ${sentences.length} sentences in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
      `${model.keys.length} feature rows; wrote ${MODEL_FILE} (${(bytes.length / 1e6).toFixed(2)} MB)`,
  );
}

if (require.main === module) main();
