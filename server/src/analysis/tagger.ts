/**
 * The statistical named-entity tagger: tags words (ANERcorp-style tokens, proclitics attached) with
 * B-PER/I-PER/B-LOC/I-LOC/B-ORG/I-ORG/O. Speed comes from caching each word type's feature rows, so a
 * token costs a few cache lookups, sums of weight rows, and a Viterbi step over seven tags.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  CONTEXT_OFFSETS,
  FeatureExtractor,
  PAIR_KINDS,
  SENTENCE_END,
  SENTENCE_START,
  pairFeatureKey,
} from './tagger-features';
import { decodeModel, FeatureTable, transitionMask, viterbi, type TaggerModel } from './tagger-model';

export interface Tagger {
  tag(words: string[]): string[];
}

export const MODEL_FILE_NAME = 'tagger-model.bin';

interface WordRows {
  own: Int32Array;
  byOffset: Int32Array[];
  pairKeys: number[];
}

// A long-running server meets new words forever; forgetting the cache now and then bounds its memory.
const MAX_CACHED_WORDS = 200_000;

export class PerceptronTagger implements Tagger {
  private readonly extractor: FeatureExtractor;
  private readonly table: FeatureTable;
  private readonly mask: Float32Array;
  private readonly tagCount: number;
  /** Output label per model tag: tags the product does not use (MISC) read as O. */
  private readonly labels: string[];
  private readonly cache = new Map<string, WordRows>();
  private start: WordRows;
  private end: WordRows;

  constructor(private readonly model: TaggerModel) {
    this.extractor = new FeatureExtractor(model.lexicon, model.clusters, model.stemStats);
    this.table = new FeatureTable(model.keys);
    this.mask = transitionMask(model.tags);
    this.tagCount = model.tags.length;
    this.labels = model.tags.map((tag) => (/-(PER|LOC|ORG)$/.test(tag) ? tag : 'O'));
    this.start = this.computeRows(SENTENCE_START);
    this.end = this.computeRows(SENTENCE_END);
  }

  tag(words: string[]): string[] {
    const length = words.length;
    const tagCount = this.tagCount;
    const weights = this.model.weights;
    const perWord = words.map((word) => this.rowsOf(word));
    const emissions = new Float32Array(length * tagCount);
    const at = (j: number) => (j < 0 ? this.start : j >= length ? this.end : perWord[j]);
    for (let i = 0; i < length; i++) {
      const base = i * tagCount;
      const current = perWord[i];
      this.addRows(current.own, emissions, base, weights);
      for (let k = 0; k < CONTEXT_OFFSETS.length; k++) {
        this.addRows(at(i + CONTEXT_OFFSETS[k]).byOffset[k], emissions, base, weights);
      }
      const previous = at(i - 1);
      const next = at(i + 1);
      for (let kind = 0; kind < PAIR_KINDS; kind++) {
        this.addRow(pairFeatureKey(previous.pairKeys[kind], current.pairKeys[kind], 2 * kind), emissions, base, weights);
        this.addRow(pairFeatureKey(current.pairKeys[kind], next.pairKeys[kind], 2 * kind + 1), emissions, base, weights);
      }
    }
    const path = new Int32Array(length);
    viterbi(emissions, length, this.model.transitions, this.mask, tagCount, path);
    return Array.from(path, (tag) => this.labels[tag]);
  }

  private addRows(rows: Int32Array, emissions: Float32Array, base: number, weights: Float32Array): void {
    const tagCount = this.tagCount;
    for (let r = 0; r < rows.length; r++) {
      const offset = rows[r] * tagCount;
      for (let t = 0; t < tagCount; t++) emissions[base + t] += weights[offset + t];
    }
  }

  private addRow(key: number, emissions: Float32Array, base: number, weights: Float32Array): void {
    const row = this.table.rowOf(key);
    if (row < 0) return;
    const offset = row * this.tagCount;
    for (let t = 0; t < this.tagCount; t++) emissions[base + t] += weights[offset + t];
  }

  private rowsOf(word: string): WordRows {
    let rows = this.cache.get(word);
    if (!rows) {
      if (this.cache.size >= MAX_CACHED_WORDS) this.cache.clear();
      rows = this.computeRows(word);
      this.cache.set(word, rows);
    }
    return rows;
  }

  private computeRows(word: string): WordRows {
    const features = this.extractor.wordFeatures(word);
    return {
      own: this.knownRows(features.own),
      byOffset: features.byOffset.map((keys) => this.knownRows(keys)),
      pairKeys: features.pairKeys,
    };
  }

  /** Rows of the features the model knows; unknown features weigh nothing. */
  private knownRows(keys: number[]): Int32Array {
    const rows: number[] = [];
    for (const key of keys) {
      const row = this.table.rowOf(key);
      if (row >= 0) rows.push(row);
    }
    return Int32Array.from(rows);
  }
}

/** The shipped model lives in server/data, beside the bundle (out/) or the sources (server/src/analysis). */
function findModelFile(): string {
  const candidates = [
    path.join(__dirname, '../server/data', MODEL_FILE_NAME),
    path.join(__dirname, '../../data', MODEL_FILE_NAME),
    path.join(__dirname, '../data', MODEL_FILE_NAME),
  ];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`tagger model not found; looked in: ${candidates.join(', ')}`);
  return found;
}

let sharedTagger: PerceptronTagger | undefined;

/** Loads the shipped model once per process. */
export function loadTagger(): Tagger {
  sharedTagger ??= new PerceptronTagger(decodeModel(fs.readFileSync(findModelFile())));
  return sharedTagger;
}
