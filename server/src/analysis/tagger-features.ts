/**
 * Feature keys of the statistical tagger. Every feature of a word type is computed once, as a 32-bit key
 * (hash of the feature's name mixed with the hash of its value): the word's own features, and what the word
 * tells a neighbour at each context offset.
 * A token's features are then its own list plus its neighbours' lists, so tagging builds no strings.
 */
import { hashString, normaliseForTagger, splitProclitics, wordShape } from './tagger-text';

/** Offsets of the neighbours whose features a token sees. */
export const CONTEXT_OFFSETS = [-2, -1, 1, 2] as const;

/** Pseudo-words standing for the sentence edges. */
export const SENTENCE_START = '<s>';
export const SENTENCE_END = '</s>';

/** Word categories from gazetteers and trigger lists, keyed by normalised form or stem. */
export type Lexicon = Map<string, string[]>;
/** Cluster ids at several granularities (coarse to fine), keyed by normalised form. */
export type Clusters = WordTable;
/** Corpus statistics per stem (definiteness and frequency buckets). */
export type StemStats = WordTable;
/** Word → its values joined by tabs: split only when a word is first met, so loading stays fast. */
export type WordTable = Map<string, string>;

/** Everything a feature looks up; the model carries it so that features never drift from training. */
export interface WordTables {
  lexicon: Lexicon;
  clusters: Clusters;
  stemStats: StemStats;
  /**
   * Per stem, buckets of how often a first-stage tagger labelled, in unlabelled news, the word itself,
   * then the word after it, then the word before it, as PER, LOC, ORG (LABEL_TYPES each).
   */
  stemLabels: WordTable;
}

export interface WordFeatures {
  own: number[];
  /** byOffset[k] holds the features this word gives a token at CONTEXT_OFFSETS[k] from it. */
  byOffset: number[][];
}

interface WordView {
  norm: string;
  stem: string;
  clitics: string;
  shape: string;
  categories: string[];
  clusters: string[];
  stats: string[];
  labels: string[];
}

/** Hash of a short, recurring string (feature names, categories, cluster ids, buckets), memoised. */
const memo = new Map<string, number>();
function memoHash(text: string): number {
  let hash = memo.get(text);
  if (hash === undefined) memo.set(text, (hash = hashString(text)));
  return hash;
}

/** A feature's key: its name's hash mixed with its value's, so that no `name=value` string is built. */
function featureKey(name: number, value: number): number {
  let hash = Math.imul(name ^ 0x9e3779b9 ^ 0x5bd1e995, 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13) ^ value, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

const CLUSTER_LEVELS = 3;
const LABEL_TYPES = 3;

/** Name hashes of the features a word gives a token at one offset ('' for the token itself). */
function featureNames(at: string) {
  const name = (text: string) => hashString(at + text);
  return {
    word: name('w'),
    stem: name('s'),
    category: name('g'),
    clusters: Array.from({ length: CLUSTER_LEVELS }, (_, level) => name('c' + level)),
    noCluster: name('c'),
    labels: Array.from({ length: LABEL_TYPES }, (_, type) => name('lab' + type)),
    sideLabels: Array.from({ length: LABEL_TYPES }, (_, type) => name('side' + type)),
    suffix2: name('x2'),
    shape: name('sh'),
    definiteness: name('def'),
  };
}

const OWN = {
  ...featureNames(''),
  bias: hashString('bias'),
  clitics: hashString('pc'),
  length: hashString('len'),
  suffix1: hashString('x1'),
  suffix3: hashString('x3'),
  prefix2: hashString('q2'),
  prefix3: hashString('q3'),
  frequency: hashString('frq'),
};
const AT_OFFSET = CONTEXT_OFFSETS.map((offset) => featureNames(offset + ':'));

export class FeatureExtractor {
  constructor(private readonly tables: WordTables) {}

  wordFeatures(word: string): WordFeatures {
    const view = this.view(word);
    const wordHash = hashString(view.norm);
    const stemHash = hashString(view.stem);
    return {
      own: this.ownFeatures(view, wordHash, stemHash),
      byOffset: CONTEXT_OFFSETS.map((offset, k) => this.contextFeatures(view, offset, k, wordHash, stemHash)),
    };
  }

  private view(word: string): WordView {
    if (word === SENTENCE_START || word === SENTENCE_END) {
      return { norm: word, stem: word, clitics: '', shape: word, categories: [], clusters: [], stats: [word, word], labels: [] };
    }
    const norm = normaliseForTagger(word);
    const { clitics, stem } = splitProclitics(norm);
    const { lexicon, clusters: clusterTable, stemStats, stemLabels } = this.tables;
    const fromWord = lexicon.get(norm);
    const fromStem = stem === norm ? undefined : lexicon.get(stem);
    const categories = fromStem ? [...new Set([...(fromWord ?? []), ...fromStem])] : (fromWord ?? []);
    // A word seen only with clitics attached still gets its stem's cluster.
    const clusters = (clusterTable.get(norm) ?? clusterTable.get(stem) ?? clusterTable.get('ال' + stem))?.split('\t') ?? [];
    const stats = stemStats.get(stem)?.split('\t') ?? ['unseen', 'unseen'];
    const labels = stemLabels.get(stem)?.split('\t') ?? [];
    return { norm, stem, clitics, shape: wordShape(word), categories, clusters, stats, labels };
  }

  private ownFeatures(view: WordView, wordHash: number, stemHash: number): number[] {
    const { norm, stem } = view;
    const features = [
      OWN.bias,
      featureKey(OWN.word, wordHash),
      featureKey(OWN.stem, stemHash),
      featureKey(OWN.clitics, memoHash(view.clitics)),
      featureKey(OWN.shape, memoHash(view.shape)),
      featureKey(OWN.length, Math.min(stem.length, 8)),
      featureKey(OWN.suffix1, hashString(norm.slice(-1))),
      featureKey(OWN.suffix2, hashString(norm.slice(-2))),
      featureKey(OWN.suffix3, hashString(norm.slice(-3))),
      featureKey(OWN.prefix2, hashString(stem.slice(0, 2))),
      featureKey(OWN.prefix3, hashString(stem.slice(0, 3))),
      featureKey(OWN.definiteness, memoHash(view.stats[0])),
      featureKey(OWN.frequency, memoHash(view.stats[1])),
    ];
    for (const category of view.categories) features.push(featureKey(OWN.category, memoHash(category)));
    view.clusters.forEach((cluster, level) => features.push(featureKey(OWN.clusters[level], memoHash(cluster))));
    if (view.clusters.length === 0) features.push(OWN.noCluster);
    for (let type = 0; type < LABEL_TYPES && type < view.labels.length; type++) {
      features.push(featureKey(OWN.labels[type], memoHash(view.labels[type])));
    }
    return features;
  }

  private contextFeatures(view: WordView, offset: number, k: number, wordHash: number, stemHash: number): number[] {
    const names = AT_OFFSET[k];
    const features = [featureKey(names.word, wordHash), featureKey(names.stem, stemHash)];
    for (const category of view.categories) features.push(featureKey(names.category, memoHash(category)));
    // Only the coarse and medium clusters: the finest is too sparse away from the word itself.
    for (let level = 0; level < Math.min(2, view.clusters.length); level++) {
      features.push(featureKey(names.clusters[level], memoHash(view.clusters[level])));
    }
    if (Math.abs(offset) === 1) {
      features.push(
        featureKey(names.suffix2, hashString(view.norm.slice(-2))),
        featureKey(names.shape, memoHash(view.shape)),
        featureKey(names.definiteness, memoHash(view.stats[0])),
      );
      // What the token is usually labelled, and what words on its side of this neighbour usually are.
      const sideLabels = offset < 0 ? LABEL_TYPES : 2 * LABEL_TYPES;
      for (let type = 0; type < LABEL_TYPES && type < view.labels.length; type++) {
        features.push(featureKey(names.labels[type], memoHash(view.labels[type])));
        features.push(featureKey(names.sideLabels[type], memoHash(view.labels[sideLabels + type])));
      }
    }
    return features;
  }
}
