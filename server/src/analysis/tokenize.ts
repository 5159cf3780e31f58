/** Regex tokeniser: words with UTF-16 offsets into the original text, plus proclitic candidates. */
import type { Token } from './types';
import { normalizeWord } from './normalize';

// Letters, digits and the marks/tatweel/ZWNJ that live inside words.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}\u200c\u200d]*/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const word = m[0];
    tokens.push({ text: word, start: m.index, end: m.index + word.length, norm: normalizeWord(word) });
  }
  return tokens;
}

/** A way to read a normalised word: `cut` proclitic letters dropped, `stem` is the lookup key. */
export interface Reading {
  cut: number;
  stem: string;
}

const CONJ = ['و', 'ف'];
const PREP = ['ب', 'ل', 'ك'];

/**
 * Readings of a normalised word with its proclitics (و ف, then ب ل ك, or the contracted لل = ل + ال)
 * removed, the whole word first. The caller keeps a reading only when its stem is known, so words such as
 * لبنان or بكين are never split.
 */
export function readings(norm: string): Reading[] {
  let out = readingCache.get(norm);
  if (!out) {
    // Word types repeat: compute once per type (bounded, a server meets new words forever).
    if (readingCache.size >= MAX_CACHED_READINGS) readingCache.clear();
    out = computeReadings(norm);
    readingCache.set(norm, out);
  }
  return out;
}

const readingCache = new Map<string, Reading[]>();
const MAX_CACHED_READINGS = 200_000;

function computeReadings(norm: string): Reading[] {
  const out: Reading[] = [{ cut: 0, stem: norm }];
  const conj = CONJ.includes(norm[0]) && norm.length > 3 ? 1 : 0;
  for (let c = 0; c <= conj; c++) {
    const rest = norm.slice(c);
    if (c > 0) out.push({ cut: c, stem: rest });
    if (rest.length < 4) continue;
    // لل + X is ل + الX: the span starts after the first ل and the name is looked up with its article.
    if (rest.startsWith('لل')) out.push({ cut: c + 1, stem: 'ا' + rest.slice(1) });
    else if (PREP.includes(rest[0])) out.push({ cut: c + 1, stem: rest.slice(1) });
  }
  return out;
}

/** Index of the first token ending after `offset` (tokens.length if none): a binary search, tokens are sorted. */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
