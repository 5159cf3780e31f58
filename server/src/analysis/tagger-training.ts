/**
 * Training of the tagger: a structured averaged perceptron over BIO tags with first-order transitions and
 * constrained Viterbi decoding, on ANERcorp-style sentences. Deterministic for a given seed.
 */
import {
  CONTEXT_OFFSETS,
  FeatureExtractor,
  SENTENCE_END,
  SENTENCE_START,
  type WordTables,
} from './tagger-features';
import { toBilou, transitionMask, viterbi, type TaggerModel } from './tagger-model';

export interface LabelledSentence {
  words: string[];
  tags: string[];
}

export interface TrainingOptions {
  epochs: number;
  seed: number;
  /** Tags the model predicts (BIO, or BILOU if it has L- tags); gold tags outside this set are trained as O. */
  tags: string[];
  tables: WordTables;
  log?: (line: string) => void;
}

interface WordRows {
  own: Int32Array;
  byOffset: Int32Array[];
}

/** Seeded PRNG (mulberry32): reproducible sentence order here, reproducible clusters in scripts/clusters.ts. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Feature rows per token: its own rows, then its neighbours' rows for each context offset. */
class TrainingFeatures {
  readonly keys: number[] = [];
  private readonly rowOfKey = new Map<number, number>();
  private readonly wordRows = new Map<string, WordRows>();

  constructor(private readonly extractor: FeatureExtractor) {}

  tokenRows(words: string[]): Int32Array[][] {
    const start = this.rowsOf(SENTENCE_START);
    const end = this.rowsOf(SENTENCE_END);
    const perWord = words.map((word) => this.rowsOf(word));
    const at = (j: number) => (j < 0 ? start : j >= words.length ? end : perWord[j]);
    return perWord.map((current, i) => [
      current.own,
      ...CONTEXT_OFFSETS.map((offset, k) => at(i + offset).byOffset[k]),
    ]);
  }

  private rowsOf(word: string): WordRows {
    let rows = this.wordRows.get(word);
    if (!rows) {
      const { own, byOffset, shared } = this.extractor.wordFeatures(word);
      rows = {
        own: this.toRows([...own, ...shared.flatMap((part) => part.own)]),
        byOffset: byOffset.map((keys, k) => this.toRows([...keys, ...shared.flatMap((part) => part.byOffset[k])])),
      };
      this.wordRows.set(word, rows);
    }
    return rows;
  }

  private toRows(keys: number[]): Int32Array {
    return Int32Array.from(keys, (key) => {
      let row = this.rowOfKey.get(key);
      if (row === undefined) {
        row = this.keys.length;
        this.keys.push(key);
        this.rowOfKey.set(key, row);
      }
      return row;
    });
  }
}

/** Weights with the running sums that averaging needs (the usual timestamp trick). */
class AveragedWeights {
  readonly values: Float64Array;
  private readonly sums: Float64Array;

  constructor(size: number) {
    this.values = new Float64Array(size);
    this.sums = new Float64Array(size);
  }

  add(index: number, delta: number, step: number): void {
    this.values[index] += delta;
    this.sums[index] += step * delta;
  }

  averaged(steps: number): Float64Array {
    return this.values.map((value, i) => value - this.sums[i] / steps);
  }
}

export function trainTagger(sentences: LabelledSentence[], options: TrainingOptions): TaggerModel {
  const { tags } = options;
  const tagCount = tags.length;
  const tagIndex = new Map(tags.map((tag, index) => [tag, index]));
  const outside = tagIndex.get('O')!;
  const features = new TrainingFeatures(new FeatureExtractor(options.tables));
  const bilou = tags.some((tag) => tag.startsWith('L-'));
  const examples = sentences.map((sentence) => ({
    rows: features.tokenRows(sentence.words),
    gold: Int32Array.from(bilou ? toBilou(sentence.tags) : sentence.tags, (tag) => tagIndex.get(tag) ?? outside),
  }));
  const rowCount = features.keys.length;
  const weights = new AveragedWeights(rowCount * tagCount);
  const transitions = new AveragedWeights((tagCount + 1) * tagCount);
  const mask = transitionMask(tags);
  const random = seededRandom(options.seed);
  const order = examples.map((_, index) => index);
  let step = 1;

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let mistakes = 0;
    for (const index of order) {
      const { rows, gold } = examples[index];
      const length = gold.length;
      const emissions = new Float64Array(length * tagCount);
      for (let i = 0; i < length; i++) {
        for (const list of rows[i]) {
          for (const row of list) {
            for (let t = 0; t < tagCount; t++) emissions[i * tagCount + t] += weights.values[row * tagCount + t];
          }
        }
      }
      const predicted = new Int32Array(length);
      viterbi(emissions, length, transitions.values, mask, tagCount, predicted);
      for (let i = 0; i < length; i++) {
        const previousGold = i === 0 ? tagCount : gold[i - 1];
        const previousPredicted = i === 0 ? tagCount : predicted[i - 1];
        if (gold[i] !== predicted[i]) {
          mistakes++;
          for (const list of rows[i]) {
            for (const row of list) {
              weights.add(row * tagCount + gold[i], 1, step);
              weights.add(row * tagCount + predicted[i], -1, step);
            }
          }
        }
        if (gold[i] !== predicted[i] || previousGold !== previousPredicted) {
          transitions.add(previousGold * tagCount + gold[i], 1, step);
          transitions.add(previousPredicted * tagCount + predicted[i], -1, step);
        }
      }
      step++;
    }
    options.log?.(`epoch ${epoch + 1}: ${mistakes} token mistakes`);
  }

  return pruneModel({
    tags,
    keys: Uint32Array.from(features.keys),
    weights: Float32Array.from(weights.averaged(step)),
    transitions: Float32Array.from(transitions.averaged(step)),
    tables: options.tables,
  });
}

/** Drops feature rows whose weights are all negligible, and sorts by key for a stable file. */
function pruneModel(model: TaggerModel): TaggerModel {
  const tagCount = model.tags.length;
  const threshold = 1e-3;
  const kept: number[] = [];
  for (let row = 0; row < model.keys.length; row++) {
    let largest = 0;
    for (let t = 0; t < tagCount; t++) largest = Math.max(largest, Math.abs(model.weights[row * tagCount + t]));
    if (largest > threshold) kept.push(row);
  }
  kept.sort((a, b) => model.keys[a] - model.keys[b]);
  const weights = new Float32Array(kept.length * tagCount);
  kept.forEach((row, index) => weights.set(model.weights.subarray(row * tagCount, (row + 1) * tagCount), index * tagCount));
  return { ...model, keys: Uint32Array.from(kept, (row) => model.keys[row]), weights };
}
