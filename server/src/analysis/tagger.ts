/**
 * The statistical named-entity tagger: tags words (ANERcorp-style tokens, proclitics attached) with
 * B-PER/I-PER/B-LOC/I-LOC/B-ORG/I-ORG/O. Speed comes from caching each word type's feature rows, so a
 * token costs five cached score vectors and a Viterbi step. Callers that intern words keep the ids
 * themselves (`addWord`, `tagIds`); `tag` keeps them in a Map.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CONTEXT_OFFSETS, FeatureExtractor } from './tagger-features';
import { MAX_CACHED_WORDS, SEGMENTS, WordScoreCache } from './tagger-cache';
import { NAME_TYPES, newDocument, spreadNames, type DocumentWords } from './tagger-document';
import {
  allowedTransitions, decodeModel, FeatureTable, outputLabel, transitionMask, viterbi, type AllowedTransitions, type TaggerModel,
} from './tagger-model';

export interface Tagger {
  tag(words: string[]): string[];
}

export const MODEL_FILE_NAME = 'tagger-model.bin';

// tagIds sums exactly four neighbours' segments.
CONTEXT_OFFSETS.length satisfies 4;

export class PerceptronTagger implements Tagger {
  /** Output BIO label per model tag. */
  readonly labels: string[];
  /** Per model tag: the index in NAME_TYPES of its entity type (-1 for O), and 1 if it opens an entity. */
  private readonly nameTypes: Int8Array;
  private readonly opens: Uint8Array;
  private readonly cache: WordScoreCache;
  private readonly mask: Float32Array;
  private readonly allowed: AllowedTransitions;
  private readonly tagCount: number;
  /** Ids of the words met by `tag`, for the generation they were given in. */
  private wordIds = new Map<string, number>();
  private wordIdsGeneration = 0;
  private emissions = new Float32Array(0);
  private path = new Int32Array(0);

  /** Tag transition scores ((tags + 1) × tags, the last row for the first word of a sentence). */
  private readonly transitions: Float32Array;

  // The model itself is not kept: its word tables live on merged in the feature extractor.
  constructor(model: TaggerModel) {
    this.tagCount = model.tags.length;
    this.transitions = model.transitions;
    this.cache = new WordScoreCache(
      new FeatureExtractor(model.tables),
      new FeatureTable(model.keys),
      model.weights,
      this.tagCount,
    );
    this.mask = transitionMask(model.tags);
    this.allowed = allowedTransitions(model.transitions, this.mask, this.tagCount);
    this.labels = model.tags.map(outputLabel);
    this.nameTypes = Int8Array.from(this.labels, (label) => NAME_TYPES.indexOf(label.slice(2) as (typeof NAME_TYPES)[number]));
    this.opens = Uint8Array.from(this.labels, (label) => (label.startsWith('B-') ? 1 : 0));
  }

  /** Word ids handed out in an earlier generation are void. */
  get generation(): number {
    return this.cache.generation;
  }

  /** Number of word ids in use. */
  get size(): number {
    return this.cache.size;
  }

  /** Keeps the words of `ids` (ascending), renumbered 2, 3, … in that order; every other id is void. */
  keep(ids: ArrayLike<number>): void {
    this.cache.keep(ids);
  }

  /** Scores a word type and returns its id; the caller keeps the id for as long as the generation lasts. */
  addWord(word: string): number {
    return this.cache.add(word);
  }

  /** Best model tag of each word from the words' ids (see `labels`); the array is reused by the next call. */
  tagIds(ids: Int32Array, length: number): Int32Array {
    const tagCount = this.tagCount;
    if (this.emissions.length < length * tagCount) {
      this.emissions = new Float32Array(length * 2 * tagCount);
      this.path = new Int32Array(length * 2);
    }
    const { scores, startId, endId } = this.cache;
    const emissions = this.emissions;
    const block = SEGMENTS * tagCount;
    const idAt = (j: number) => (j < 0 ? startId : j >= length ? endId : ids[j]);
    for (let i = 0; i < length; i++) {
      // The word's own scores, then what each neighbour tells it (segment k + 1 of the word at CONTEXT_OFFSETS[k]),
      // summed in one pass: each sum rounded to float as when it was accumulated in `emissions`.
      const own = ids[i] * block;
      const farLeft = idAt(i + CONTEXT_OFFSETS[0]) * block + tagCount;
      const left = idAt(i + CONTEXT_OFFSETS[1]) * block + 2 * tagCount;
      const right = idAt(i + CONTEXT_OFFSETS[2]) * block + 3 * tagCount;
      const farRight = idAt(i + CONTEXT_OFFSETS[3]) * block + 4 * tagCount;
      const base = i * tagCount;
      for (let t = 0; t < tagCount; t++) {
        const sum = Math.fround(Math.fround(Math.fround(scores[own + t] + scores[farLeft + t]) + scores[left + t]) + scores[right + t]);
        emissions[base + t] = sum + scores[farRight + t];
      }
    }
    viterbi(emissions, length, this.transitions, this.mask, tagCount, this.path, this.allowed);
    return this.path;
  }

  tag(words: string[]): string[] {
    const path = this.tagIds(this.idsOf(words), words.length);
    return words.map((_, i) => this.labels[path[i]]);
  }

  /**
   * Tags a document's sentences, then makes it consistent (tagger-document.ts): what the core does with an
   * article. The labels are BIO labels as `tag` gives them.
   */
  tagDocument(sentences: string[][]): string[][] {
    const doc = newDocument(sentences.reduce((sum, words) => sum + words.length + 1, 0));
    let at = 0;
    for (const words of sentences) {
      const ids = this.idsOf(words);
      const path = this.tagIds(ids, words.length);
      for (let i = 0; i < words.length; i++) this.placeWord(doc, at++, ids[i], path[i]);
      at++; // the sentence edge between: no key, no name
    }
    spreadNames(doc);
    at = 0;
    return sentences.map((words) => {
      const labels = words.map(() => {
        const type = doc.types[at];
        const label = type < 0 ? 'O' : `${doc.begins[at] ? 'B' : 'I'}-${NAME_TYPES[type]}`;
        at++;
        return label;
      });
      at++;
      return labels;
    });
  }

  /** Puts word `id`, with model tag `tag` (an index of `labels`), at position `at` of `doc`. */
  placeWord(doc: DocumentWords, at: number, id: number, tag: number): void {
    doc.keys[at] = this.cache.nameKeys[id];
    doc.alone[at] = this.cache.alone[id];
    doc.types[at] = this.nameTypes[tag];
    doc.begins[at] = this.opens[tag];
  }

  /** Ids of a sentence's words, kept in a Map for `tag` (all of one generation). */
  private idsOf(words: string[]): Int32Array {
    this.reserve(words.length);
    if (this.wordIdsGeneration !== this.generation) {
      this.wordIds = new Map();
      this.wordIdsGeneration = this.generation;
    }
    const ids = new Int32Array(words.length);
    words.forEach((word, i) => {
      let id = this.wordIds.get(word);
      if (id === undefined) this.wordIds.set(word, (id = this.addWord(word)));
      ids[i] = id;
    });
    return ids;
  }

  /**
   * Makes room for up to `count` new words of `tag`: if the cache would pass its bound, every id is forgotten and
   * the generation changes. Called before a sentence's ids are collected, so that they all belong to one generation.
   * (The core tags interned words and keeps their recent half instead: statistical.ts.)
   */
  private reserve(count: number): void {
    if (this.cache.size + count > MAX_CACHED_WORDS) this.cache.clear();
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
export function loadTagger(): PerceptronTagger {
  sharedTagger ??= new PerceptronTagger(decodeModel(fs.readFileSync(findModelFile())));
  return sharedTagger;
}
