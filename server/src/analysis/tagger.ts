/**
 * The statistical named-entity tagger: tags words (ANERcorp-style tokens, proclitics attached) with
 * B-PER/I-PER/B-LOC/I-LOC/B-ORG/I-ORG/O. Speed comes from caching each word type's feature rows, so a
 * token costs one cache lookup, five cached score vectors and a Viterbi step.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CONTEXT_OFFSETS, FeatureExtractor } from './tagger-features';
import { SEGMENTS, WordScoreCache } from './tagger-cache';
import { decodeModel, FeatureTable, outputLabel, transitionMask, viterbi, type TaggerModel } from './tagger-model';

export interface Tagger {
  tag(words: string[]): string[];
}

export const MODEL_FILE_NAME = 'tagger-model.bin';

export class PerceptronTagger implements Tagger {
  private readonly cache: WordScoreCache;
  private readonly mask: Float32Array;
  private readonly tagCount: number;
  /** Output BIO label per model tag. */
  private readonly labels: string[];
  private emissions = new Float32Array(0);
  private wordIds = new Int32Array(0);

  constructor(private readonly model: TaggerModel) {
    this.tagCount = model.tags.length;
    this.cache = new WordScoreCache(
      new FeatureExtractor(model.tables),
      new FeatureTable(model.keys),
      model.weights,
      this.tagCount,
    );
    this.mask = transitionMask(model.tags);
    this.labels = model.tags.map(outputLabel);
  }

  tag(words: string[]): string[] {
    const length = words.length;
    const tagCount = this.tagCount;
    if (this.wordIds.length < length) {
      this.wordIds = new Int32Array(length * 2);
      this.emissions = new Float32Array(length * 2 * tagCount);
    }
    const ids = this.wordIds;
    for (let i = 0; i < length; i++) ids[i] = this.cache.idOf(words[i]);
    // Read the tables after the lookups above: adding words may have replaced them.
    const { scores, startId, endId } = this.cache;
    const emissions = this.emissions;
    for (let i = 0; i < length; i++) {
      const base = i * tagCount;
      const own = ids[i] * SEGMENTS * tagCount;
      for (let t = 0; t < tagCount; t++) emissions[base + t] = scores[own + t];
      for (let k = 0; k < CONTEXT_OFFSETS.length; k++) {
        const j = i + CONTEXT_OFFSETS[k];
        const id = j < 0 ? startId : j >= length ? endId : ids[j];
        const from = (id * SEGMENTS + k + 1) * tagCount;
        for (let t = 0; t < tagCount; t++) emissions[base + t] += scores[from + t];
      }
    }
    const path = new Int32Array(length);
    viterbi(emissions, length, this.model.transitions, this.mask, tagCount, path);
    const labels = new Array<string>(length);
    for (let i = 0; i < length; i++) labels[i] = this.labels[path[i]];
    return labels;
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
