/**
 * Per-word-type cache of the tagger's scores: a word type's features never change, so the sum of their
 * weight rows is computed once — for the word itself and for each context offset it can sit at — and a
 * token then costs a handful of vector additions. Flat typed arrays keep memory small and the tagging
 * loop free of garbage. The cache hands out ids; who asks keeps them (a Map, or a field on an interned
 * word type), valid while `generation` stays the same.
 */
import { CONTEXT_OFFSETS, FeatureExtractor, SENTENCE_END, SENTENCE_START, type FeatureKeys, type KeySink } from './tagger-features';
import type { FeatureTable } from './tagger-model';

/** Segment 0 scores a word's own features; segment k + 1 what it tells a token at CONTEXT_OFFSETS[k]. */
export const SEGMENTS = 1 + CONTEXT_OFFSETS.length;

const INITIAL_CAPACITY = 4096;
// A long-running server meets new words forever; forgetting words now and then bounds the cache.
export const MAX_CACHED_WORDS = 100_000;
/** Room for the words of the line being tagged beyond the bound (a longer line grows the cache past it). */
const LINE_ROOM = 8192;

export class WordScoreCache {
  /** Word id w's segment s scores tag t at scores[(w * SEGMENTS + s) * tagCount + t]. */
  scores: Float32Array;
  /** Word id w's stem key and whether it may be a name alone (tagger-document.ts), beside its scores. */
  nameKeys: Int32Array;
  alone: Uint8Array;
  readonly startId: number;
  readonly endId: number;
  /** Number of word ids handed out since the last `clear`. */
  size = 0;
  /** Bumped by `clear`: ids of an earlier generation mean nothing any more. */
  generation = 0;
  // Weak: the parts are the extractor's memoised objects; the cache never keeps one alive on its own.
  private readonly parts = new WeakMap<FeatureKeys, Float32Array>();
  private readonly blockSize: number;

  constructor(
    private readonly extractor: FeatureExtractor,
    private readonly table: FeatureTable,
    private readonly weights: Float32Array,
    private readonly tagCount: number,
  ) {
    this.blockSize = SEGMENTS * tagCount;
    this.scores = new Float32Array(this.blockSize * INITIAL_CAPACITY);
    this.nameKeys = new Int32Array(INITIAL_CAPACITY);
    this.alone = new Uint8Array(INITIAL_CAPACITY);
    this.startId = this.add(SENTENCE_START);
    this.endId = this.add(SENTENCE_END);
  }

  /** Computes a word type's scores and returns their id. */
  add(word: string): number {
    const id = this.size++;
    const blockSize = this.blockSize;
    const base = id * blockSize;
    if (base + blockSize > this.scores.length) {
      const bounded = Math.min(this.scores.length * 2, (MAX_CACHED_WORDS + LINE_ROOM) * blockSize);
      this.scores = grow(this.scores, Math.max(bounded, 2 * (base + blockSize)));
      this.nameKeys = grow(this.nameKeys, this.scores.length / blockSize);
      this.alone = grow(this.alone, this.scores.length / blockSize);
    }
    this.scores.fill(0, base, base + blockSize);
    this.base = base;
    this.adding = id;
    this.extractor.visitWord(word, this.sink);
    return id;
  }

  /** The word being added: its id, and where its block starts. */
  private adding = 0;
  private base = 0;
  /** Sums the weight rows of the word's features into its block as the extractor finds them; keeps its stem key. */
  private readonly sink: KeySink = {
    key: (segment, key) => {
      const row = this.table.rowOf(key);
      if (row < 0) return; // a feature the model never weighted
      const { scores, weights, tagCount } = this;
      const at = this.base + segment * tagCount;
      const from = row * tagCount;
      for (let t = 0; t < tagCount; t++) scores[at + t] += weights[from + t];
    },
    part: (part) => {
      const block = this.partScores(part);
      const { scores, base, blockSize } = this;
      for (let i = 0; i < blockSize; i++) scores[base + i] += block[i];
    },
    stem: (key, alone) => {
      this.nameKeys[this.adding] = key;
      this.alone[this.adding] = alone ? 1 : 0;
    },
  };

  /** Forgets every word but the sentence edges (which keep their ids), so that memory stays bounded. */
  clear(): void {
    this.keep([]);
  }

  /** Keeps only the words of `ids` (ascending), renumbered 2, 3, … in that order; a new generation begins. */
  keep(ids: ArrayLike<number>): void {
    const blockSize = this.blockSize;
    for (let n = 0; n < ids.length; n++) {
      const from = ids[n] * blockSize; // never before the destination: ids ascend from 2
      this.scores.copyWithin((2 + n) * blockSize, from, from + blockSize);
      this.nameKeys[2 + n] = this.nameKeys[ids[n]];
      this.alone[2 + n] = this.alone[ids[n]];
    }
    this.size = 2 + ids.length;
    this.generation++;
  }

  /** Scores of a part many words share (a category list, a stem's cluster or buckets), summed once per part. */
  private partScores(part: FeatureKeys): Float32Array {
    let block = this.parts.get(part);
    if (!block) {
      block = new Float32Array(this.blockSize);
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
        const from = row * tagCount;
        for (let t = 0; t < tagCount; t++) scores[at + t] += weights[from + t];
      }
    }
  }
}

function grow<A extends Float32Array | Int32Array | Uint8Array>(array: A, size: number): A {
  const bigger = new (array.constructor as new (size: number) => A)(size);
  bigger.set(array);
  return bigger;
}
