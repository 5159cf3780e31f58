/**
 * Feature keys of the statistical tagger. Every feature of a word type is computed once, as a 32-bit key
 * (hash of the feature's name mixed with the hash of its value): the word's own features, and what the word
 * tells a neighbour at each context offset.
 * A token's features are then its own list plus its neighbours' lists, so tagging builds no strings.
 * Features that come from a table value many words share (a stem's cluster or buckets, a category list) are
 * computed once per value, as a part the score cache can memoise.
 */
import { hashString, normaliseForTagger, splitProclitics, wordShape } from './tagger-text';

/** Offsets of the neighbours whose features a token sees. */
export const CONTEXT_OFFSETS = [-2, -1, 1, 2] as const;

/** Pseudo-words standing for the sentence edges. */
export const SENTENCE_START = '<s>';
export const SENTENCE_END = '</s>';

/** Word categories from gazetteers and trigger lists, keyed by normalised form or stem. */
export type Lexicon = Map<string, string[]>;
/**
 * Cluster ids keyed by normalised form: Brown classes then k-means clusters, each coarse to fine
 * (two views of the unlabelled news that the tagger measured to help together).
 */
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
  /** Brown classes of stems (proclitics stripped), coarse to fine: one class for و/ب/ال variants. */
  stemClusters: WordTable;
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

/** Levels in the word cluster table (Brown 32/128/512 classes, k-means 64/256/1024 clusters). */
const CLUSTER_LEVELS = 6;
/** Levels a neighbour shows: the coarse and medium ones; the finest are too sparse away from the word. */
const CONTEXT_CLUSTER_LEVELS = [0, 1, 3, 4];
const CONTEXT_STEM_CLUSTER_LEVELS = [0, 1];
const LABEL_TYPES = 3;

/** Name hashes of the features a word gives a token at one offset ('' for the token itself). */
function featureNames(at: string) {
  const name = (text: string) => hashString(at + text);
  return {
    word: name('w'),
    stem: name('s'),
    category: name('g'),
    clusters: Array.from({ length: CLUSTER_LEVELS }, (_, level) => name('c' + level)),
    stemClusters: Array.from({ length: CLUSTER_LEVELS }, (_, level) => name('sc' + level)),
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

/** Keys that one table value gives the word itself (own) and a token at each context offset. */
export interface FeatureKeys {
  own: number[];
  /** byOffset[k] holds the features given to a token at CONTEXT_OFFSETS[k] from the word. */
  byOffset: number[][];
}

export interface WordFeatures extends FeatureKeys {
  /** Parts shared with other words of the same table values; the same object for the same value. */
  shared: FeatureKeys[];
}

/**
 * Receives a word's features as they are computed: keys by segment (0: the word's own; k + 1: what it tells a
 * token at CONTEXT_OFFSETS[k]) and shared parts. The score cache sums weight rows straight from it, with no
 * key lists in between.
 */
export interface KeySink {
  key(segment: number, key: number): void;
  part(part: FeatureKeys): void;
  /**
   * What document-level consistency (tagger-document.ts) needs of the word: its stem's key, and whether the stem may
   * be a name on its own — letters, three or more, not a common word of the newspaper corpus (frequent, or mostly
   * written with the article), and not a word the lexicon files as descriptive (a title, a nationality, a word that
   * opens a place or organisation).
   */
  stem(key: number, alone: boolean): void;
}

const NO_KEYS: FeatureKeys = { own: [], byOffset: CONTEXT_OFFSETS.map(() => []) };

/** Memoises what each distinct table value gives (its keys: equal values give the same object). */
class Memo<V, R> {
  private readonly memo = new Map<V, R>();
  constructor(private readonly make: (value: V) => R) {}
  get(value: V): R {
    let keys = this.memo.get(value);
    if (keys === undefined) this.memo.set(value, (keys = this.make(value)));
    return keys;
  }
}

function categoryKeys(categories: string[]): FeatureKeys {
  const keysAt = (names: { category: number }) => categories.map((category) => featureKey(names.category, memoHash(category)));
  return { own: keysAt(OWN), byOffset: AT_OFFSET.map(keysAt) };
}

/** Cluster ids at every level for the word itself; neighbours see only `contextLevels`. */
function clusterKeys(value: string, ownNames: number[], nameAt: (k: number) => number[], contextLevels: number[]): FeatureKeys {
  const clusters = value.split('\t');
  return {
    own: clusters.map((cluster, level) => featureKey(ownNames[level], memoHash(cluster))),
    byOffset: CONTEXT_OFFSETS.map((_, k) =>
      contextLevels.filter((level) => level < clusters.length).map((level) => featureKey(nameAt(k)[level], memoHash(clusters[level]))),
    ),
  };
}

/** Which offsets are next to the token (±1): they see more of a neighbour than ±2 do. */
const NEXT_TO = CONTEXT_OFFSETS.map((offset) => Math.abs(offset) === 1);
/** Per cluster level, whether neighbours see it. */
const LEVEL_IN_CONTEXT = Array.from({ length: CLUSTER_LEVELS }, (_, level) => CONTEXT_CLUSTER_LEVELS.includes(level));

/** Hands a word its own copy of some keys (a part not worth memoising). */
function visitKeys(keys: FeatureKeys, sink: KeySink): void {
  for (const key of keys.own) sink.key(0, key);
  keys.byOffset.forEach((list, k) => {
    for (const key of list) sink.key(k + 1, key);
  });
}

/** The word's cluster ids (tab-separated levels) at every level; neighbours see only CONTEXT_CLUSTER_LEVELS. */
function visitWordCluster(value: string, sink: KeySink): void {
  if (value === '') {
    sink.key(0, OWN.noCluster);
    return;
  }
  for (let level = 0, from = 0; from <= value.length; level++) {
    let end = value.indexOf('\t', from);
    if (end < 0) end = value.length;
    const hash = hashRange(value, from, end);
    sink.key(0, featureKey(OWN.clusters[level], hash));
    if (LEVEL_IN_CONTEXT[level]) {
      for (let k = 0; k < CONTEXT_OFFSETS.length; k++) sink.key(k + 1, featureKey(AT_OFFSET[k].clusters[level], hash));
    }
    from = end + 1;
  }
}

function stemClusterKeys(value: string): FeatureKeys {
  return value === '' ? NO_KEYS : clusterKeys(value, OWN.stemClusters, (k) => AT_OFFSET[k].stemClusters, CONTEXT_STEM_CLUSTER_LEVELS);
}

/** Definiteness and frequency buckets; neighbours at ±1 see the definiteness. */
function statsKeys(value: string): FeatureKeys {
  const [definiteness, frequency] = value.split('\t');
  return {
    own: [featureKey(OWN.definiteness, memoHash(definiteness)), featureKey(OWN.frequency, memoHash(frequency))],
    byOffset: CONTEXT_OFFSETS.map((offset, k) =>
      Math.abs(offset) === 1 ? [featureKey(AT_OFFSET[k].definiteness, memoHash(definiteness))] : [],
    ),
  };
}

function labelKeys(value: string): FeatureKeys {
  if (value === '') return NO_KEYS;
  const labels = value.split('\t');
  const types = Array.from({ length: LABEL_TYPES }, (_, type) => type);
  return {
    own: types.map((type) => featureKey(OWN.labels[type], memoHash(labels[type]))),
    byOffset: CONTEXT_OFFSETS.map((offset, k) => {
      if (Math.abs(offset) !== 1) return [];
      // What the token is usually labelled, and what words on its side of this neighbour usually are.
      const side = offset < 0 ? LABEL_TYPES : 2 * LABEL_TYPES;
      const names = AT_OFFSET[k];
      return types.flatMap((type) => [
        featureKey(names.labels[type], memoHash(labels[type])),
        featureKey(names.sideLabels[type], memoHash(labels[side + type])),
      ]);
    }),
  };
}

/** hashString(text.slice(start, end)) without making the slice. */
function hashRange(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5 | 0; // int32 from the start: a double start keeps the loop out of integer arithmetic
  for (let i = Math.max(0, start); i < end; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const UNSEEN_STATS = 'unseen\tunseen';
/**
 * A stem is a common word, not a name on its own, from this frequency bucket (log2 of its count in the newspaper
 * corpus) or when the corpus writes it with the article at least half the time (القصر، الليل: names rarely are).
 */
const FREQUENT_BUCKET = 9;
const MOSTLY_DEFINITE = new Set(['often', 'always']);
const LETTERS = /^\p{L}+$/u;
/** Lexicon categories of words that describe a name rather than being one. */
const DESCRIPTIVE = new Set(['title', 'nisba', 'said', 'org', 'placeOpener']);

/**
 * What the tables say of one normalised form, as a word (cluster, categories) and as a stem (cluster, buckets):
 * merged at load, so that a word type costs two lookups, not seven.
 */
interface WordEntry {
  cluster: string | undefined;
  categories: string[] | undefined;
  stemCluster: string;
  stats: string;
  labels: string;
  /** The stem's shared parts, resolved when a word first needs them. */
  stemParts: FeatureKeys[] | undefined;
}

function mergeTables(tables: WordTables): Map<string, WordEntry> {
  const entries = new Map<string, WordEntry>();
  const entry = (form: string) => {
    let found = entries.get(form);
    if (!found) {
      found = { cluster: undefined, categories: undefined, stemCluster: '', stats: UNSEEN_STATS, labels: '', stemParts: undefined };
      entries.set(form, found);
    }
    return found;
  };
  for (const [form, value] of tables.clusters) entry(form).cluster = value;
  for (const [form, categories] of tables.lexicon) entry(form).categories = categories;
  for (const [stem, value] of tables.stemClusters) entry(stem).stemCluster = value;
  for (const [stem, value] of tables.stemStats) entry(stem).stats = value;
  for (const [stem, value] of tables.stemLabels) entry(stem).labels = value;
  return entries;
}

export class FeatureExtractor {
  private readonly categories = new Memo(categoryKeys);
  private readonly stemClusters = new Memo(stemClusterKeys);
  private readonly stats = new Memo(statsKeys);
  private readonly labels = new Memo(labelKeys);
  private readonly entries: Map<string, WordEntry>;
  private readonly unseenStemParts: FeatureKeys[];
  /** Per stem statistics value, whether it says the stem is a common word (few distinct values: parsed once each). */
  private readonly commonStats = new Memo((stats: string) => {
    const [definiteness, frequency] = stats.split('\t');
    return Number(frequency) >= FREQUENT_BUCKET || MOSTLY_DEFINITE.has(definiteness);
  });

  constructor(tables: WordTables) {
    this.entries = mergeTables(tables);
    this.unseenStemParts = [this.stats.get(UNSEEN_STATS)];
  }

  /** A word's features as lists (training keeps them per word type). */
  wordFeatures(word: string): WordFeatures {
    const own: number[] = [];
    const byOffset = CONTEXT_OFFSETS.map((): number[] => []);
    const shared: FeatureKeys[] = [];
    this.visitWord(word, {
      key: (segment, key) => (segment === 0 ? own : byOffset[segment - 1]).push(key),
      part: (part) => shared.push(part),
      stem: () => {}, // training tags sentences, not documents
    });
    return { own, byOffset, shared };
  }

  /** Hands every feature of a word to `sink`. */
  visitWord(word: string, sink: KeySink): void {
    const edge = word === SENTENCE_START || word === SENTENCE_END;
    const norm = edge ? word : normaliseForTagger(word);
    const { clitics, stem } = edge ? { clitics: '', stem: word } : splitProclitics(norm);
    const length = norm.length;
    const wordHash = hashString(norm);
    const stemHash = hashString(stem);
    const shapeHash = memoHash(edge ? word : wordShape(word));
    const suffix2 = hashRange(norm, length - 2, length);
    sink.key(0, OWN.bias);
    sink.key(0, featureKey(OWN.word, wordHash));
    sink.key(0, featureKey(OWN.stem, stemHash));
    sink.key(0, featureKey(OWN.clitics, memoHash(clitics)));
    sink.key(0, featureKey(OWN.shape, shapeHash));
    sink.key(0, featureKey(OWN.length, Math.min(stem.length, 8)));
    sink.key(0, featureKey(OWN.suffix1, hashRange(norm, length - 1, length)));
    sink.key(0, featureKey(OWN.suffix2, suffix2));
    sink.key(0, featureKey(OWN.suffix3, hashRange(norm, length - 3, length)));
    sink.key(0, featureKey(OWN.prefix2, hashRange(stem, 0, Math.min(2, stem.length))));
    sink.key(0, featureKey(OWN.prefix3, hashRange(stem, 0, Math.min(3, stem.length))));
    for (let k = 0; k < CONTEXT_OFFSETS.length; k++) {
      const names = AT_OFFSET[k];
      sink.key(k + 1, featureKey(names.word, wordHash));
      sink.key(k + 1, featureKey(names.stem, stemHash));
      if (NEXT_TO[k]) {
        sink.key(k + 1, featureKey(names.suffix2, suffix2));
        sink.key(k + 1, featureKey(names.shape, shapeHash));
      }
    }
    if (edge) {
      // The sentence edges have no table values; their own name stands for their buckets.
      sink.key(0, OWN.noCluster);
      sink.part(this.stats.get(`${word}\t${word}`));
      sink.stem(stemHash, false);
      return;
    }
    const ofWord = this.entries.get(norm);
    const ofStem = stem === norm ? ofWord : this.entries.get(stem);
    const fromWord = ofWord?.categories;
    const fromStem = stem === norm ? undefined : ofStem?.categories;
    // A list merged from both is a new one, almost always unique to the word: not worth memoising.
    if (fromWord && fromStem) visitKeys(categoryKeys([...new Set([...fromWord, ...fromStem])]), sink);
    else if (fromWord || fromStem) sink.part(this.categories.get((fromStem ?? fromWord)!));
    // A word seen only with clitics attached still gets its stem's cluster.
    visitWordCluster(ofWord?.cluster ?? ofStem?.cluster ?? this.entries.get('ال' + stem)?.cluster ?? '', sink);
    for (const part of this.stemParts(ofStem)) sink.part(part);
    sink.stem(stemHash, this.mayStandAlone(stem, ofStem));
  }

  private mayStandAlone(stem: string, entry: WordEntry | undefined): boolean {
    if (stem.length < 3 || (entry !== undefined && this.commonStats.get(entry.stats))) return false;
    if (entry?.categories?.some((category) => DESCRIPTIVE.has(category))) return false;
    return LETTERS.test(stem);
  }

  private stemParts(entry: WordEntry | undefined): FeatureKeys[] {
    if (!entry) return this.unseenStemParts;
    entry.stemParts ??= [this.stemClusters.get(entry.stemCluster), this.stats.get(entry.stats), this.labels.get(entry.labels)].filter(
      (part) => part !== NO_KEYS,
    );
    return entry.stemParts;
  }
}
