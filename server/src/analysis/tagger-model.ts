/**
 * The tagger's trained model: feature-hash → weight rows, tag transitions, and the lexicon and clusters its
 * features were trained with. Also the constrained Viterbi decoder shared by training and tagging.
 *
 * Stored gzip-compressed (zlib is built into Node; the word tables compress well).
 * Binary layout (little-endian): magic "NATG", u32 header byte length, header JSON (padded to 4 bytes),
 * u32 feature keys (sorted), i16 weights (rows × tags, times header.scale), f32 transitions ((tags+1) × tags,
 * the last row scoring the first tag of a sentence).
 */
import * as zlib from 'zlib';
import type { WordTable, WordTables } from './tagger-features';

const MAGIC = 0x4754414e; // "NATG"

export interface TaggerModel {
  tags: string[];
  keys: Uint32Array;
  weights: Float32Array;
  transitions: Float32Array;
  tables: WordTables;
}

interface ModelHeader {
  tags: string[];
  rows: number;
  scale: number;
  lexicon: [string, string[]][];
  /** One `word<TAB>id<TAB>id…` line per clustered word. */
  clusters: string;
  /** One `stem<TAB>bucket<TAB>bucket` line per stem. */
  stemStats: string;
  stemLabels: string;
  stemClusters: string;
}

/** Tab-separated lines `key<TAB>value<TAB>value…`, the compact form of the word tables. */
export function formatTable(table: WordTable): string {
  return [...table].map(([key, values]) => `${key}\t${values}`).join('\n');
}

export function parseTable(text: string): WordTable {
  const table: WordTable = new Map();
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const tab = text.indexOf('\t', lineStart);
    if (tab > lineStart && tab < lineEnd) table.set(text.slice(lineStart, tab), text.slice(tab + 1, lineEnd));
    lineStart = lineEnd + 1;
  }
  return table;
}

export function encodeModel(model: TaggerModel): Buffer {
  const tagCount = model.tags.length;
  let maxWeight = 0;
  for (const weight of model.weights) maxWeight = Math.max(maxWeight, Math.abs(weight));
  const scale = maxWeight / 32767 || 1;
  const header: ModelHeader = {
    tags: model.tags,
    rows: model.keys.length,
    scale,
    lexicon: [...model.tables.lexicon].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    clusters: formatTable(model.tables.clusters),
    stemStats: formatTable(model.tables.stemStats),
    stemLabels: formatTable(model.tables.stemLabels),
    stemClusters: formatTable(model.tables.stemClusters),
  };
  let headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  headerBytes = Buffer.concat([headerBytes, Buffer.alloc((4 - (headerBytes.length % 4)) % 4, 0x20)]);
  const quantised = Int16Array.from(model.weights, (weight) => Math.round(weight / scale));
  const prefix = Buffer.alloc(8);
  prefix.writeUInt32LE(MAGIC, 0);
  prefix.writeUInt32LE(headerBytes.length, 4);
  const transitions = Float32Array.from(model.transitions);
  if (transitions.length !== (tagCount + 1) * tagCount) throw new Error('transition table has the wrong size');
  const raw = Buffer.concat([
    prefix,
    headerBytes,
    Buffer.from(model.keys.buffer, model.keys.byteOffset, model.keys.byteLength),
    Buffer.from(quantised.buffer),
    Buffer.from(transitions.buffer),
  ]);
  return zlib.gzipSync(raw, { level: 9 });
}

export function decodeModel(compressed: Buffer): TaggerModel {
  const bytes = zlib.gunzipSync(compressed);
  if (bytes.readUInt32LE(0) !== MAGIC) throw new Error('not a tagger model');
  const headerLength = bytes.readUInt32LE(4);
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as ModelHeader;
  const tagCount = header.tags.length;
  // Copy into a fresh aligned buffer so typed arrays can view it directly.
  const body = new Uint8Array(bytes.subarray(8 + headerLength)).buffer;
  const keys = new Uint32Array(body, 0, header.rows);
  const quantised = new Int16Array(body, header.rows * 4, header.rows * tagCount);
  const transitionsOffset = header.rows * 4 + header.rows * tagCount * 2;
  const transitions = new Float32Array(body.slice(transitionsOffset, transitionsOffset + (tagCount + 1) * tagCount * 4));
  const weights = new Float32Array(quantised.length);
  for (let i = 0; i < quantised.length; i++) weights[i] = quantised[i] * header.scale;
  return {
    tags: header.tags,
    keys,
    weights,
    transitions,
    tables: {
      lexicon: new Map(header.lexicon),
      clusters: parseTable(header.clusters),
      stemStats: parseTable(header.stemStats),
      stemLabels: parseTable(header.stemLabels),
      stemClusters: parseTable(header.stemClusters),
    },
  };
}

/** Open-addressing map from feature key to weight row, built once at load time. */
export class FeatureTable {
  private readonly slots: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  constructor(keys: Uint32Array) {
    let size = 1;
    while (size < keys.length * 2) size <<= 1;
    this.mask = size - 1;
    this.slots = new Uint32Array(size);
    this.rows = new Int32Array(size).fill(-1);
    keys.forEach((key, row) => {
      let slot = FeatureTable.mix(key) & this.mask;
      while (this.rows[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = key;
      this.rows[slot] = row;
    });
  }

  rowOf(key: number): number {
    let slot = FeatureTable.mix(key) & this.mask;
    while (this.rows[slot] !== -1) {
      if (this.slots[slot] === key) return this.rows[slot];
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  private static mix(key: number): number {
    return Math.imul(key ^ (key >>> 16), 0x45d9f3b) >>> 0;
  }
}

/**
 * 0 where a transition keeps the tag sequence well formed, -Infinity elsewhere. Handles BIO and BILOU:
 * I- continues an entity of its type; with BILOU, an entity opened by B- or I- must go on (I-) or end (L-).
 */
export function transitionMask(tags: string[]): Float32Array {
  const tagCount = tags.length;
  const bilou = tags.some((tag) => tag.startsWith('L-'));
  const mask = new Float32Array((tagCount + 1) * tagCount);
  for (let previous = 0; previous <= tagCount; previous++) {
    const before = previous < tagCount ? tags[previous] : 'O';
    const open = before.startsWith('B-') || before.startsWith('I-') ? before.slice(2) : null;
    for (let next = 0; next < tagCount; next++) {
      const tag = tags[next];
      const continues = tag.startsWith('I-') || tag.startsWith('L-');
      const allowed = continues ? open === tag.slice(2) : !bilou || open === null;
      if (!allowed) mask[previous * tagCount + next] = -Infinity;
    }
  }
  return mask;
}

/** Rewrites BIO tags as BILOU (last and unit-length entity tokens marked), which sharpens entity ends. */
export function toBilou(tags: string[]): string[] {
  return tags.map((tag, i) => {
    if (tag === 'O') return tag;
    const type = tag.slice(2);
    const ends = tags[i + 1] !== 'I-' + type;
    if (tag.startsWith('B-') || (tag.startsWith('I-') && (i === 0 || tags[i - 1].slice(2) !== type))) {
      return (ends ? 'U-' : 'B-') + type;
    }
    return (ends ? 'L-' : 'I-') + type;
  });
}

/** The BIO label a model tag reads as; types the product does not use (MISC) read as O. */
export function outputLabel(tag: string): string {
  if (!/-(PER|LOC|ORG)$/.test(tag)) return 'O';
  const type = tag.slice(2);
  return (tag.startsWith('B-') || tag.startsWith('U-') ? 'B-' : 'I-') + type;
}

// Reused between calls: decoding allocates nothing in the steady state.
let scratchScores = new Float64Array(0);
let scratchBackPointers = new Int32Array(0);

/** Per next tag, its allowed previous tags and their transition scores (the mask leaves I-X only two). */
export interface AllowedTransitions {
  /** allowed[from[t] .. from[t + 1]) are tag t's allowed previous tags, scores[same range] their scores. */
  from: Int32Array;
  allowed: Int32Array;
  scores: Float64Array;
}

/** The allowed transitions of a transition table; a tagger computes them once, training at every step. */
export function allowedTransitions(transitions: Float32Array | Float64Array, mask: Float32Array, tagCount: number): AllowedTransitions {
  const from = new Int32Array(tagCount + 1);
  const allowed: number[] = [];
  const scores: number[] = [];
  for (let t = 0; t < tagCount; t++) {
    from[t] = allowed.length;
    for (let p = 0; p < tagCount; p++) {
      if (mask[p * tagCount + t] === 0) {
        allowed.push(p);
        scores.push(transitions[p * tagCount + t]);
      }
    }
  }
  from[tagCount] = allowed.length;
  return { from, allowed: Int32Array.from(allowed), scores: Float64Array.from(scores) };
}

/**
 * Best tag sequence under emission scores (length × tags) and transitions ((tags+1) × tags, last row = start).
 * Writes tag indices into `path`.
 */
export function viterbi(
  emissions: Float32Array | Float64Array,
  length: number,
  transitions: Float32Array | Float64Array,
  mask: Float32Array,
  tagCount: number,
  path: Int32Array,
  { from, allowed, scores: transitionScores } = allowedTransitions(transitions, mask, tagCount),
): void {
  if (length === 0) return;
  if (scratchScores.length < length * tagCount) {
    scratchScores = new Float64Array(length * tagCount * 2);
    scratchBackPointers = new Int32Array(length * tagCount * 2);
  }
  const scores = scratchScores;
  const backPointers = scratchBackPointers;
  const startRow = tagCount * tagCount;
  for (let t = 0; t < tagCount; t++) scores[t] = emissions[t] + transitions[startRow + t] + mask[startRow + t];
  for (let i = 1; i < length; i++) {
    const base = i * tagCount;
    const previousBase = base - tagCount;
    for (let t = 0; t < tagCount; t++) {
      let best = -Infinity;
      let bestPrevious = 0;
      for (let a = from[t]; a < from[t + 1]; a++) {
        const p = allowed[a];
        const score = scores[previousBase + p] + transitionScores[a];
        if (score > best) {
          best = score;
          bestPrevious = p;
        }
      }
      scores[base + t] = best + emissions[base + t];
      backPointers[base + t] = bestPrevious;
    }
  }
  let bestLast = 0;
  const lastBase = (length - 1) * tagCount;
  for (let t = 1; t < tagCount; t++) if (scores[lastBase + t] > scores[lastBase + bestLast]) bestLast = t;
  path[length - 1] = bestLast;
  for (let i = length - 1; i > 0; i--) path[i - 1] = backPointers[i * tagCount + path[i]];
}
