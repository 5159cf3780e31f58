/**
 * Per-word-type cache of the tagger's scores: a word type's features never change, so the sum of their
 * weight rows is computed once — for the word itself and for each context offset it can sit at — and a
 * token then costs a handful of vector additions. Flat typed arrays keep memory small and the tagging
 * loop free of garbage.
 */
import { CONTEXT_OFFSETS, FeatureExtractor, SENTENCE_END, SENTENCE_START, type FeatureKeys } from './tagger-features';
import type { FeatureTable } from './tagger-model';

/** Segment 0 scores a word's own features; segment k + 1 what it tells a token at CONTEXT_OFFSETS[k]. */
export const SEGMENTS = 1 + CONTEXT_OFFSETS.length;

// A long-running server meets new words forever; forgetting the cache now and then bounds its memory.
const MAX_CACHED_WORDS = 100_000;
const INITIAL_CAPACITY = 4096;

export class WordScoreCache {
  /** Word id w's segment s scores tag t at scores[(w * SEGMENTS + s) * tagCount + t]. */
  scores: Float32Array;
  readonly startId: number;
  readonly endId: number;
  private readonly ids = new Map<string, number>();
  // Weak: merged category lists are fresh objects, shared only by one word.
  private readonly parts = new WeakMap<FeatureKeys, Float32Array>();

  constructor(
    private readonly extractor: FeatureExtractor,
    private readonly table: FeatureTable,
    private readonly weights: Float32Array,
    private readonly tagCount: number,
  ) {
    this.scores = new Float32Array(SEGMENTS * tagCount * INITIAL_CAPACITY);
    this.startId = this.add(SENTENCE_START);
    this.endId = this.add(SENTENCE_END);
  }

  idOf(word: string): number {
    const id = this.ids.get(word);
    if (id !== undefined) return id;
    if (this.ids.size >= MAX_CACHED_WORDS) this.forgetAllButEdges();
    return this.add(word);
  }

  private add(word: string): number {
    const id = this.ids.size;
    this.ids.set(word, id);
    const blockSize = SEGMENTS * this.tagCount;
    const base = id * blockSize;
    if (base + blockSize > this.scores.length) this.scores = grow(this.scores, this.scores.length * 2);
    const scores = this.scores;
    scores.fill(0, base, base + blockSize);
    const features = this.extractor.wordFeatures(word);
    this.addRows(features, scores, base);
    for (const part of features.shared) {
      const block = this.partScores(part);
      for (let i = 0; i < blockSize; i++) scores[base + i] += block[i];
    }
    return id;
  }

  /** Scores of a part many words share (a cluster path, a bucket combination), summed once per part. */
  private partScores(part: FeatureKeys): Float32Array {
    let block = this.parts.get(part);
    if (!block) {
      block = new Float32Array(SEGMENTS * this.tagCount);
      this.addRows(part, block, 0);
      this.parts.set(part, block);
    }
    return block;
  }

  /** Adds the weight rows of the keys of each segment into `scores` from `base` on. */
  private addRows(keys: FeatureKeys, scores: Float32Array, base: number): void {
    const { tagCount, weights, table } = this;
    for (let segment = 0; segment < SEGMENTS; segment++) {
      const list = segment === 0 ? keys.own : keys.byOffset[segment - 1];
      const at = base + segment * tagCount;
      for (const key of list) {
        const row = table.rowOf(key);
        if (row < 0) continue; // a feature the model never weighted
        for (let t = 0; t < tagCount; t++) scores[at + t] += weights[row * tagCount + t];
      }
    }
  }

  private forgetAllButEdges(): void {
    this.ids.clear();
    this.add(SENTENCE_START);
    this.add(SENTENCE_END);
  }
}

function grow(array: Float32Array, size: number): Float32Array {
  const bigger = new Float32Array(size);
  bigger.set(array);
  return bigger;
}
