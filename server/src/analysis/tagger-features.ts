/**
 * Feature keys of the statistical tagger. Every feature of a word type is computed once, as 32-bit
 * string hashes: the word's own features, and what the word tells a neighbour at each context offset.
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
export type Clusters = Map<string, string[]>;
/** Corpus statistics per stem (definiteness and frequency buckets). */
export type StemStats = Map<string, string[]>;

export interface WordFeatures {
  own: number[];
  /** byOffset[k] holds the features this word gives a token at CONTEXT_OFFSETS[k] from it. */
  byOffset: number[][];
  /** Keys combined with the neighbouring word's into word-pair features (see pairFeatureKey). */
  pairKeys: number[];
}

/** Number of pair features per adjacent word pair: PAIR_KINDS kinds of key, each pair of words once. */
export const PAIR_KINDS = 2;

/** Feature key of the pair (left word, right word) for pair kind `kind`, mixed without building strings. */
export function pairFeatureKey(left: number, right: number, kind: number): number {
  let hash = Math.imul(left ^ 0x9e3779b9 ^ kind, 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13) ^ right, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

interface WordView {
  norm: string;
  stem: string;
  clitics: string;
  shape: string;
  categories: string[];
  clusters: string[];
  stats: string[];
}

export class FeatureExtractor {
  constructor(
    private readonly lexicon: Lexicon,
    private readonly clusters: Clusters,
    private readonly stemStats: StemStats,
  ) {}

  wordFeatures(word: string): WordFeatures {
    const view = this.view(word);
    return {
      own: this.ownFeatures(view).map(hashString),
      byOffset: CONTEXT_OFFSETS.map((offset) => this.contextFeatures(view, offset).map(hashString)),
      pairKeys: [hashString(view.stem), hashString(view.clusters[1] ?? view.shape)],
    };
  }

  private view(word: string): WordView {
    if (word === SENTENCE_START || word === SENTENCE_END) {
      return { norm: word, stem: word, clitics: '', shape: word, categories: [], clusters: [], stats: [word, word] };
    }
    const norm = normaliseForTagger(word);
    const { clitics, stem } = splitProclitics(norm);
    const categories = [...new Set([...(this.lexicon.get(norm) ?? []), ...(this.lexicon.get(stem) ?? [])])];
    // A word seen only with clitics attached still gets its stem's cluster.
    const clusters = this.clusters.get(norm) ?? this.clusters.get(stem) ?? this.clusters.get('ال' + stem) ?? [];
    const stats = this.stemStats.get(stem) ?? ['unseen', 'unseen'];
    return { norm, stem, clitics, shape: wordShape(word), categories, clusters, stats };
  }

  private ownFeatures(view: WordView): string[] {
    const { norm, stem } = view;
    const features = [
      'bias',
      'w=' + norm,
      's=' + stem,
      'pc=' + view.clitics,
      'sh=' + view.shape,
      'len=' + Math.min(stem.length, 8),
      'x1=' + norm.slice(-1),
      'x2=' + norm.slice(-2),
      'x3=' + norm.slice(-3),
      'q2=' + stem.slice(0, 2),
      'q3=' + stem.slice(0, 3),
    ];
    for (const category of view.categories) features.push('g=' + category);
    view.clusters.forEach((cluster, level) => features.push(`c${level}=${cluster}`));
    if (view.clusters.length === 0) features.push('c=none');
    features.push('def=' + view.stats[0], 'frq=' + view.stats[1]);
    return features;
  }

  private contextFeatures(view: WordView, offset: number): string[] {
    const at = offset + ':';
    const features = [at + 'w=' + view.norm, at + 's=' + view.stem];
    for (const category of view.categories) features.push(at + 'g=' + category);
    // Only the coarse and medium clusters: the finest is too sparse away from the word itself.
    view.clusters.slice(0, 2).forEach((cluster, level) => features.push(`${at}c${level}=${cluster}`));
    if (Math.abs(offset) === 1) {
      features.push(at + 'x2=' + view.norm.slice(-2), at + 'sh=' + view.shape, at + 'def=' + view.stats[0]);
    }
    return features;
  }
}
