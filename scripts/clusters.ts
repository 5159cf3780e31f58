/**
 * Learns word clusters from unlabelled news (default ../shared/corpus/arabic-newspapers) for the tagger:
 * each frequent word gets a vector of PPMI-weighted neighbour counts (±1, ±2 over the most frequent words),
 * randomly projected and clustered by spherical k-means at three granularities.
 * Writes server/data/clusters.tsv: `word<TAB>coarse<TAB>medium<TAB>fine`, statistics only, no text.
 * Deterministic: sorted files, fixed seeds.
 *   node scripts/run-ts.mjs scripts/clusters.ts [corpusDir] [out.tsv]
 */
import * as fs from 'fs';
import * as path from 'path';
import { normaliseForTagger, sentencesForTagger } from '../server/src/analysis/tagger-text';
import { seededRandom } from '../server/src/analysis/tagger-training';
import { listTextFiles } from '../server/src/textFiles';

const corpusDir = process.argv[2] ?? path.join(__dirname, '../../shared/corpus/arabic-newspapers');
const outFile = process.argv[3] ?? path.join(__dirname, '../server/data/clusters.tsv');

const MIN_COUNT = 4;
const CONTEXT_WORDS = 400;
const CONTEXT_OFFSETS = [-2, -1, 1, 2];
const PROJECTED_DIMS = 128;
const CLUSTER_COUNTS = [64, 256, 1024];
const KMEANS_ITERATIONS = 20;

function readSentences(): string[][] {
  const sentences: string[][] = [];
  for (const file of listTextFiles(corpusDir)) {
    for (const sentence of sentencesForTagger(fs.readFileSync(file, 'utf8'))) {
      sentences.push(sentence.map(normaliseForTagger));
    }
  }
  return sentences;
}

function byCountThenText(counts: Map<string, number>): string[] {
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
}

/** Rows of PPMI-weighted context counts, one row per vocabulary word. */
function contextMatrix(sentences: string[][], vocab: Map<string, number>, contexts: Map<string, number>): Float32Array {
  const width = CONTEXT_OFFSETS.length * CONTEXT_WORDS;
  const counts = new Float32Array(vocab.size * width);
  for (const sentence of sentences) {
    for (let i = 0; i < sentence.length; i++) {
      const row = vocab.get(sentence[i]);
      if (row === undefined) continue;
      CONTEXT_OFFSETS.forEach((offset, slot) => {
        const j = i + offset;
        // Sentence edges are context word 0 (the boundary); unknown neighbours are skipped.
        const column = j < 0 || j >= sentence.length ? 0 : contexts.get(sentence[j]);
        if (column !== undefined) counts[row * width + slot * CONTEXT_WORDS + column] += 1;
      });
    }
  }
  const rowSums = new Float64Array(vocab.size);
  const columnSums = new Float64Array(width);
  let total = 0;
  for (let r = 0; r < vocab.size; r++) {
    for (let c = 0; c < width; c++) {
      const value = counts[r * width + c];
      rowSums[r] += value;
      columnSums[c] += value;
      total += value;
    }
  }
  for (let r = 0; r < vocab.size; r++) {
    for (let c = 0; c < width; c++) {
      const value = counts[r * width + c];
      const pmi = value > 0 ? Math.log((value * total) / (rowSums[r] * columnSums[c])) : 0;
      counts[r * width + c] = pmi > 0 ? pmi : 0;
    }
  }
  return counts;
}

function normaliseRows(matrix: Float32Array, dims: number): void {
  for (let start = 0; start < matrix.length; start += dims) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += matrix[start + d] ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dims; d++) matrix[start + d] *= scale;
  }
}

/** Gaussian-free random projection (±1 entries) keeps cosine similarities roughly and makes k-means cheap. */
function project(matrix: Float32Array, rows: number, width: number): Float32Array {
  const random = seededRandom(7);
  const projection = new Float32Array(width * PROJECTED_DIMS);
  for (let i = 0; i < projection.length; i++) projection[i] = random() < 0.5 ? -1 : 1;
  const projected = new Float32Array(rows * PROJECTED_DIMS);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < width; c++) {
      const value = matrix[r * width + c];
      if (value === 0) continue;
      const base = c * PROJECTED_DIMS;
      const out = r * PROJECTED_DIMS;
      for (let d = 0; d < PROJECTED_DIMS; d++) projected[out + d] += value * projection[base + d];
    }
  }
  normaliseRows(projected, PROJECTED_DIMS);
  return projected;
}

function nearestCentroid(vectors: Float32Array, row: number, centroids: Float32Array, k: number): number {
  let best = 0;
  let bestScore = -Infinity;
  const base = row * PROJECTED_DIMS;
  for (let c = 0; c < k; c++) {
    let score = 0;
    const cBase = c * PROJECTED_DIMS;
    for (let d = 0; d < PROJECTED_DIMS; d++) score += vectors[base + d] * centroids[cBase + d];
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/** Spherical k-means seeded with evenly spaced words of the frequency-sorted vocabulary. */
function kMeans(vectors: Float32Array, rows: number, k: number): Int32Array {
  const centroids = new Float32Array(k * PROJECTED_DIMS);
  for (let c = 0; c < k; c++) {
    const row = Math.floor((c * rows) / k);
    centroids.set(vectors.subarray(row * PROJECTED_DIMS, (row + 1) * PROJECTED_DIMS), c * PROJECTED_DIMS);
  }
  const assignment = new Int32Array(rows);
  for (let iteration = 0; iteration < KMEANS_ITERATIONS; iteration++) {
    let changed = 0;
    for (let r = 0; r < rows; r++) {
      const best = nearestCentroid(vectors, r, centroids, k);
      if (best !== assignment[r]) changed++;
      assignment[r] = best;
    }
    centroids.fill(0);
    for (let r = 0; r < rows; r++) {
      const cBase = assignment[r] * PROJECTED_DIMS;
      for (let d = 0; d < PROJECTED_DIMS; d++) centroids[cBase + d] += vectors[r * PROJECTED_DIMS + d];
    }
    normaliseRows(centroids, PROJECTED_DIMS);
    if (changed < rows / 1000) break;
  }
  return assignment;
}

function main(): void {
  const started = Date.now();
  const sentences = readSentences();
  const counts = new Map<string, number>();
  for (const sentence of sentences) for (const word of sentence) counts.set(word, (counts.get(word) ?? 0) + 1);
  const ranked = byCountThenText(counts);
  const vocabWords = ranked.filter((word) => counts.get(word)! >= MIN_COUNT && /\p{L}/u.test(word));
  const vocab = new Map(vocabWords.map((word, index) => [word, index]));
  // Column 0 is reserved for the sentence boundary.
  const contexts = new Map(ranked.slice(0, CONTEXT_WORDS - 1).map((word, index) => [word, index + 1]));
  console.log(`${sentences.length} sentences, ${counts.size} types, ${vocab.size} clustered`);

  const width = CONTEXT_OFFSETS.length * CONTEXT_WORDS;
  const matrix = contextMatrix(sentences, vocab, contexts);
  normaliseRows(matrix, width);
  const vectors = project(matrix, vocab.size, width);
  const assignments = CLUSTER_COUNTS.map((k) => kMeans(vectors, vocab.size, k));

  const lines = vocabWords.map((word, row) => [word, ...assignments.map((a) => a[row])].join('\t'));
  fs.writeFileSync(outFile, lines.join('\n') + '\n');
  console.log(`wrote ${outFile} (${lines.length} words) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (require.main === module) main();
