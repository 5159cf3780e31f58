/**
 * Text similarity between articles: word 3-gram shingles (near-duplicates: how much of one article is
 * found in another) and distinct words (topic overlap, weighted by rarity).
 *
 * Why not MinHash: it estimates Jaccard, but a republished story is often embedded in a longer one —
 * seed 002 holds 78% of seed 000's 3-grams at a Jaccard of only 0.34. A 1-in-16 sample of the shingles
 * in an inverted index (see ArticleIndex) finds such candidates directly; the exact overlap is then cheap.
 */

// Republished stories swap Arabic and Persian letter forms (seed 002 writes ی and ک), drop hamzas and
// diacritics; fold these so the copy shingles like the original. A table over U+0600–U+06FF:
// 0 = not part of a word, 1 = skipped inside a word (diacritics, tatweel), else the folded letter.
const ARABIC = new Uint16Array(0x100);
for (let c = 0x621; c <= 0x64a; c++) ARABIC[c - 0x600] = c;
for (let c = 0x660; c <= 0x669; c++) ARABIC[c - 0x600] = c;
for (let c = 0x66e; c <= 0x6d3; c++) ARABIC[c - 0x600] = c;
for (let c = 0x6f0; c <= 0x6ff; c++) ARABIC[c - 0x600] = c;
for (let c = 0x64b; c <= 0x65f; c++) ARABIC[c - 0x600] = 1;
ARABIC[0x70] = 1; // superscript alef
ARABIC[0x40] = 1; // tatweel
for (const [from, to] of [['أإآٱ', 'ا'], ['ىیئ', 'ي'], ['ک', 'ك'], ['ةە', 'ه'], ['ؤ', 'و']]) {
  for (const ch of from) ARABIC[ch.charCodeAt(0) - 0x600] = to.charCodeAt(0);
}
const OTHER_LETTER = /[\p{L}\p{N}]/u;

/** The character as it counts for matching: its folded code, 1 to skip it, or 0 when it ends a word. */
function wordChar(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0x600 && c <= 0x6ff) return ARABIC[c - 0x600];
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return c;
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  return c > 0x7f && OTHER_LETTER.test(text[i]) ? c : 0;
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
  const end = Math.min(text.length, MAX_COMPARED);
  // One pass over the characters, hashing each word (FNV-1a) as it goes: no regex, no substrings.
  let h = 0x811c9dc5 | 0; // int32 from the start: a double start keeps the loop out of integer arithmetic
  let length = 0;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? wordChar(text, i) : 0;
    if (c === 1) continue;
    if (c !== 0) {
      h = Math.imul(h ^ c, 0x01000193);
      length++;
    } else if (length > 0) {
      all.push(h >>> 0);
      if (length >= 3) long.push(h >>> 0);
      h = 0x811c9dc5 | 0;
      length = 0;
    }
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
