/**
 * Text helpers private to the statistical tagger: the feature-level normaliser, proclitic stripping,
 * a word shape, a string hash and a simple ANERcorp-like tokeniser (for clustering and benchmarks).
 * Kept separate from the matching normaliser so that the trained model's features never drift
 * when matching rules change.
 */

/** Per code unit: KEEP, DROP (harakat, tatweel, ZWNJ/ZWJ, direction marks) or the code unit replacing it. */
const KEEP = -1;
const DROP = -2;
const REPLACEMENT = new Int32Array(0x10000).fill(KEEP);
const replace = (chars: string, to: string) => {
  for (const ch of chars) REPLACEMENT[ch.charCodeAt(0)] = to.charCodeAt(0);
};
replace('أإآٱ', 'ا');
replace('ىی', 'ي');
replace('ک', 'ك');
replace('ة', 'ه');
const IGNORED_RANGES = [
  [0x0610, 0x061a], [0x064b, 0x065f], [0x0670, 0x0670], [0x06d6, 0x06ed], [0x0640, 0x0640],
  [0x200c, 0x200f], [0x202a, 0x202e], [0x2066, 0x2069],
];
for (const [from, to] of IGNORED_RANGES) REPLACEMENT.fill(DROP, from, to + 1);
for (let digit = 0; digit < 10; digit++) {
  REPLACEMENT[0x0660 + digit] = 0x30 + digit;
  REPLACEMENT[0x06f0 + digit] = 0x30 + digit;
}

/** The form every feature is built from: one spelling per word, whatever the orthography. */
export function normaliseForTagger(word: string): string {
  let changedAt = -1;
  for (let i = 0; i < word.length; i++) {
    if (REPLACEMENT[word.charCodeAt(i)] !== KEEP) {
      changedAt = i;
      break;
    }
  }
  if (changedAt < 0) return word;
  let out = word.slice(0, changedAt);
  for (let i = changedAt; i < word.length; i++) {
    const replacement = REPLACEMENT[word.charCodeAt(i)];
    if (replacement === KEEP) out += word[i];
    else if (replacement !== DROP) out += String.fromCharCode(replacement);
  }
  return out;
}

/** Splits a normalised word into proclitics (و ف, then ب ل ك, then ال; لل = ل + ال) and stem. */
export function splitProclitics(norm: string): { clitics: string; stem: string } {
  // A stem shorter than three letters (two after ال) is more likely part of the word than a clitic split.
  let at = 0;
  if ((norm[0] === 'و' || norm[0] === 'ف') && norm.length >= 4) at = 1;
  if (norm.startsWith('لل', at) && norm.length - at - 2 >= 2) {
    at += 2;
  } else {
    const letter = norm[at];
    if ((letter === 'ب' || letter === 'ل' || letter === 'ك') && norm.length - at - 1 >= 3) at += 1;
    if (norm.startsWith('ال', at) && norm.length - at - 2 >= 2) at += 2;
  }
  return { clitics: norm.slice(0, at), stem: norm.slice(at) };
}

/** Whether every code unit is in the Arabic block (most words: tested without a regular expression). */
function isArabicWord(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x0600 || c > 0x06ff) return false;
  }
  return true;
}

/** Coarse word shape: script, digits and punctuation. */
export function wordShape(word: string): string {
  if (isArabicWord(word)) return 'A';
  if (/^[0-9٠-٩.,/:-]+$/.test(word)) return /[0-9٠-٩]/.test(word) ? 'D' : 'P';
  if (/^[A-Za-z]+$/.test(word)) return /^[A-Z]/.test(word) ? 'Lc' : 'L';
  if (/^[^\p{L}\p{N}]+$/u.test(word)) return 'P';
  return 'M';
}

/** FNV-1a over UTF-16 code units: stable 32-bit feature keys without storing the feature strings. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5 | 0; // int32 from the start: a double start keeps the loop out of integer arithmetic
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// Words, numbers, and single punctuation marks, roughly as ANERcorp tokenises.
const TOKEN = /[\p{L}\p{M}\u0640\u200C\u200D]+|[\p{N}]+(?:[.,][\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/** Tokenises raw text into ANERcorp-like words (proclitics attached). */
export function tokeniseForTagger(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const SENTENCE_END = new Set(['.', '!', '?', '؟', '\n']);

/** Tokenises raw text and cuts it into sentences at end punctuation and line breaks. */
export function sentencesForTagger(text: string): string[][] {
  const sentences: string[][] = [];
  for (const line of text.split('\n')) {
    let current: string[] = [];
    for (const token of tokeniseForTagger(line)) {
      current.push(token);
      if (SENTENCE_END.has(token)) {
        sentences.push(current);
        current = [];
      }
    }
    if (current.length > 0) sentences.push(current);
  }
  return sentences;
}
