/**
 * Learns Brown-style word classes from unlabelled news (default ../shared/corpus/arabic-newspapers) for the
 * tagger: the class bigram model's likelihood is maximised by the exchange algorithm (move each word to the
 * class that gains most, until few words move), first over words into the finest classes, then over those
 * classes into coarser ones, so the levels nest like prefixes of a Brown bit string.
 * Writes `word<TAB>coarse<TAB>medium<TAB>fine`, statistics only, no text: server/data/clusters-brown.tsv,
 * or with --stems (words reduced to their stems, proclitics stripped) server/data/clusters-brown-stems.tsv.
 * Deterministic: sorted files, no randomness. About 5 minutes each.
 *   node scripts/run-ts.mjs scripts/clusters-brown.ts [--stems] [corpusDir] [out.tsv]
 */
import * as fs from 'fs';
import * as path from 'path';
import { normaliseForTagger, sentencesForTagger, splitProclitics } from '../server/src/analysis/tagger-text';
import { listTextFiles } from '../server/src/textFiles';

const stems = process.argv.includes('--stems');
const [corpusArgument, outArgument] = process.argv.slice(2).filter((argument) => argument !== '--stems');
const corpusDir = corpusArgument ?? path.join(__dirname, '../../shared/corpus/arabic-newspapers');
const outFile =
  outArgument ?? path.join(__dirname, '../server/data', stems ? 'clusters-brown-stems.tsv' : 'clusters-brown.tsv');

const MIN_COUNT = 4;
/** Class counts, finest first: each level clusters the classes of the one before. */
const LEVELS = [512, 128, 32];
const MAX_PASSES = 8;

/** Items (words or classes) and their bigram counts, both ways, as compressed rows. */
interface BigramGraph {
  size: number;
  /** Items in the order the exchange visits them (most frequent first). */
  order: Int32Array;
  nextStart: Int32Array;
  next: Int32Array;
  nextCount: Float64Array;
  previousStart: Int32Array;
  previous: Int32Array;
  previousCount: Float64Array;
}

function graphFromPairs(size: number, pairs: Map<number, number>, order: Int32Array): BigramGraph {
  const build = (fromOf: (key: number) => number, toOf: (key: number) => number) => {
    const start = new Int32Array(size + 1);
    for (const key of pairs.keys()) start[fromOf(key) + 1]++;
    for (let i = 0; i < size; i++) start[i + 1] += start[i];
    const fill = start.slice(0, size);
    const items = new Int32Array(pairs.size);
    const counts = new Float64Array(pairs.size);
    for (const [key, count] of pairs) {
      const at = fill[fromOf(key)]++;
      items[at] = toOf(key);
      counts[at] = count;
    }
    return { start, items, counts };
  };
  const forward = build((key) => Math.floor(key / size), (key) => key % size);
  const backward = build((key) => key % size, (key) => Math.floor(key / size));
  return {
    size,
    order,
    nextStart: forward.start,
    next: forward.items,
    nextCount: forward.counts,
    previousStart: backward.start,
    previous: backward.items,
    previousCount: backward.counts,
  };
}

/** x log x, the building block of the class bigram log-likelihood. */
function xlogx(x: number): number {
  return x > 0 ? x * Math.log(x) : 0;
}

/**
 * Exchange algorithm: maximises Σ N(c,d) log N(c,d) − Σ L(c) log L(c) − Σ R(d) log R(d) over class pairs,
 * L and R being the class counts on the left and right of a bigram. Returns each item's class.
 */
function exchange(graph: BigramGraph, classCount: number): Int32Array {
  const { size, order } = graph;
  const classOf = new Int32Array(size);
  // Start from frequency rank modulo the class count: frequent items spread over all classes.
  order.forEach((item, rank) => (classOf[item] = rank % classCount));
  const pair = new Float64Array(classCount * classCount);
  const left = new Float64Array(classCount);
  const right = new Float64Array(classCount);
  const leftOfItem = new Float64Array(size);
  const rightOfItem = new Float64Array(size);
  for (let item = 0; item < size; item++) {
    for (let k = graph.nextStart[item]; k < graph.nextStart[item + 1]; k++) {
      const count = graph.nextCount[k];
      pair[classOf[item] * classCount + classOf[graph.next[k]]] += count;
      leftOfItem[item] += count;
      rightOfItem[graph.next[k]] += count;
    }
  }
  for (let item = 0; item < size; item++) {
    left[classOf[item]] += leftOfItem[item];
    right[classOf[item]] += rightOfItem[item];
  }
  // Per move: the item's bigram counts gathered by the class of the other word (self-loops apart).
  const toClass = new Float64Array(classCount);
  const fromClass = new Float64Array(classCount);
  const nextClasses: number[] = [];
  const previousClasses: number[] = [];

  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let moved = 0;
    for (const item of order) {
      const current = classOf[item];
      let self = 0;
      for (let k = graph.nextStart[item]; k < graph.nextStart[item + 1]; k++) {
        const other = graph.next[k];
        if (other === item) {
          self += graph.nextCount[k];
          continue;
        }
        const c = classOf[other];
        if (toClass[c] === 0) nextClasses.push(c);
        toClass[c] += graph.nextCount[k];
      }
      for (let k = graph.previousStart[item]; k < graph.previousStart[item + 1]; k++) {
        const other = graph.previous[k];
        if (other === item) continue;
        const c = classOf[other];
        if (fromClass[c] === 0) previousClasses.push(c);
        fromClass[c] += graph.previousCount[k];
      }
      // Take the item out of its class.
      for (const d of nextClasses) pair[current * classCount + d] -= toClass[d];
      for (const c of previousClasses) pair[c * classCount + current] -= fromClass[c];
      pair[current * classCount + current] -= self;
      left[current] -= leftOfItem[item];
      right[current] -= rightOfItem[item];
      // Gain of putting it into each class.
      let best = current;
      let bestGain = -Infinity;
      for (let c = 0; c < classCount; c++) {
        const row = c * classCount;
        let gain = 0;
        for (const d of nextClasses) {
          if (d === c) continue;
          const before = pair[row + d];
          gain += xlogx(before + toClass[d]) - xlogx(before);
        }
        for (const e of previousClasses) {
          if (e === c) continue;
          const before = pair[e * classCount + c];
          gain += xlogx(before + fromClass[e]) - xlogx(before);
        }
        const diagonal = pair[row + c];
        gain += xlogx(diagonal + toClass[c] + fromClass[c] + self) - xlogx(diagonal);
        gain -= xlogx(left[c] + leftOfItem[item]) - xlogx(left[c]);
        gain -= xlogx(right[c] + rightOfItem[item]) - xlogx(right[c]);
        if (gain > bestGain + 1e-9) {
          bestGain = gain;
          best = c;
        }
      }
      // Put it there.
      for (const d of nextClasses) pair[best * classCount + d] += toClass[d];
      for (const c of previousClasses) pair[c * classCount + best] += fromClass[c];
      pair[best * classCount + best] += self;
      left[best] += leftOfItem[item];
      right[best] += rightOfItem[item];
      if (best !== current) {
        classOf[item] = best;
        moved++;
      }
      for (const d of nextClasses) toClass[d] = 0;
      for (const c of previousClasses) fromClass[c] = 0;
      nextClasses.length = 0;
      previousClasses.length = 0;
    }
    console.log(`${classCount} classes, pass ${pass + 1}: ${moved} moved`);
    if (moved < size / 500) break;
  }
  return classOf;
}

/** The bigram graph between the classes of `classOf`, for clustering them in turn. */
function classGraph(graph: BigramGraph, classOf: Int32Array, classCount: number): BigramGraph {
  const pairs = new Map<number, number>();
  const totals = new Float64Array(classCount);
  for (let item = 0; item < graph.size; item++) {
    for (let k = graph.nextStart[item]; k < graph.nextStart[item + 1]; k++) {
      const key = classOf[item] * classCount + classOf[graph.next[k]];
      pairs.set(key, (pairs.get(key) ?? 0) + graph.nextCount[k]);
      totals[classOf[item]] += graph.nextCount[k];
    }
  }
  const order = Int32Array.from({ length: classCount }, (_, c) => c).sort((a, b) => totals[b] - totals[a] || a - b);
  return graphFromPairs(classCount, pairs, order);
}

function main(): void {
  const started = Date.now();
  const sentences: string[][] = [];
  for (const file of listTextFiles(corpusDir)) {
    for (const sentence of sentencesForTagger(fs.readFileSync(file, 'utf8'))) {
      sentences.push(sentence.map((word) => (stems ? splitProclitics(normaliseForTagger(word)).stem : normaliseForTagger(word))));
    }
  }
  const counts = new Map<string, number>();
  for (const sentence of sentences) for (const word of sentence) counts.set(word, (counts.get(word) ?? 0) + 1);
  // Item 0 is the sentence edge, item 1 every rare word; then words by count, ties by text.
  const words = [...counts.keys()]
    .filter((word) => counts.get(word)! >= MIN_COUNT)
    .sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const EDGE = 0;
  const RARE = 1;
  const idOf = new Map(words.map((word, index) => [word, index + 2]));
  const size = words.length + 2;
  const pairs = new Map<number, number>();
  const add = (a: number, b: number) => pairs.set(a * size + b, (pairs.get(a * size + b) ?? 0) + 1);
  for (const sentence of sentences) {
    let previous = EDGE;
    for (const word of sentence) {
      const id = idOf.get(word) ?? RARE;
      add(previous, id);
      previous = id;
    }
    add(previous, EDGE);
  }
  const order = Int32Array.from({ length: size }, (_, i) => i);
  console.log(`${sentences.length} sentences, ${counts.size} types, ${words.length} clustered, ${pairs.size} bigram types`);

  let graph = graphFromPairs(size, pairs, order);
  const wordClass: Int32Array[] = [];
  for (const classCount of LEVELS) {
    const classOf = exchange(graph, classCount);
    const previous = wordClass[wordClass.length - 1];
    wordClass.push(previous ? previous.map((c) => classOf[c]) : classOf);
    graph = classGraph(graph, classOf, classCount);
  }
  // Coarse to fine, as the tagger reads them.
  const lines = words.map((word, index) => [word, ...wordClass.map((classes) => classes[index + 2]).reverse()].join('\t'));
  fs.writeFileSync(outFile, lines.join('\n') + '\n');
  console.log(`wrote ${outFile} (${lines.length} words) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (require.main === module) main();
