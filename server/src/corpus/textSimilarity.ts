/**
 * Text similarity between articles: word 3-gram shingles (near-duplicates: how much of one article is
 * found in another) and distinct words (topic overlap, weighted by rarity).
 *
 * Why not MinHash: it estimates Jaccard, but a republished story is often embedded in a longer one —
 * seed 002 holds 78% of seed 000's 3-grams at a Jaccard of only 0.34. A 1-in-16 sample of the shingles
 * in an inverted index (see ArticleIndex) finds such candidates directly; the exact overlap is then cheap.
 */

// Republished stories swap Arabic and Persian letter forms (seed 002 writes ی and ک), drop hamzas and
// diacritics; fold these so the copy shingles like the original.
const FOLD: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ئ': 'ي', 'ک': 'ك', 'ة': 'ه', 'ؤ': 'و', 'ە': 'ه',
};
const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /[\u064B-\u065F\u0670\u0640]/g;

/** 32-bit FNV-1a of a string's UTF-16 units. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    h = Math.imul(h ^ (FOLD[word[i]]?.charCodeAt(0) ?? c), 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finaliser: spreads nearby inputs over all 32 bits. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export interface Fingerprint {
  /** Sorted distinct hashes of the word 3-grams (of the words themselves when there are fewer than 3). */
  shingles: Uint32Array;
  /** Sorted distinct hashes of the words of 3 letters or more (shorter ones are mostly particles). */
  words: Uint32Array;
}

/** Texts longer than this are compared on their beginning: a 20 MB file is no story to match, and edits stay fast. */
const MAX_COMPARED = 1_000_000;

export function fingerprint(text: string): Fingerprint {
  const all: number[] = [];
  const long: number[] = [];
  for (const m of text.slice(0, MAX_COMPARED).replace(MARKS, '').matchAll(WORD)) {
    const h = hashWord(m[0]);
    all.push(h);
    if (m[0].length >= 3) long.push(h);
  }
  const grams = new Uint32Array(all.length < 3 ? all.length : all.length - 2);
  if (all.length < 3) grams.set(all);
  else for (let i = 0; i + 2 < all.length; i++) grams[i] = mix(Math.imul(all[i], 31) ^ mix(Math.imul(all[i + 1], 17) ^ all[i + 2]));
  return { shingles: sortedDistinct(grams), words: sortedDistinct(Uint32Array.from(long)) };
}

function sortedDistinct(a: Uint32Array): Uint32Array {
  a.sort();
  let n = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) a[n++] = a[i];
  return a.slice(0, n);
}

/** Shared shingles of two sorted sets, by merging. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0, j = 0, n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { n++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return n;
}

export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const shared = intersectionSize(a, b);
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/** Share of the smaller article found in the larger: catches a short story republished inside a longer one. */
export function containment(a: Uint32Array, b: Uint32Array): number {
  const smaller = Math.min(a.length, b.length);
  return smaller === 0 ? 0 : intersectionSize(a, b) / smaller;
}

/** Articles share a sampled shingle when they share text; 1 in 16 keeps the inverted index small. */
export function isSampled(shingle: number): boolean {
  return (shingle & 15) === 0;
}

/** Weighted Jaccard of two word sets: rare shared words count for much, common ones for little. */
export function weightedOverlap(a: Uint32Array, b: Uint32Array, weight: (word: number) => number): number {
  let i = 0, j = 0, shared = 0, union = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) union += weight(a[i++]);
    else if (i >= a.length || b[j] < a[i]) union += weight(b[j++]);
    else { const w = weight(a[i]); shared += w; union += w; i++; j++; }
  }
  return union === 0 ? 0 : shared / union;
}
