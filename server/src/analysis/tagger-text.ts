/**
 * Text helpers private to the statistical tagger: the feature-level normaliser, proclitic stripping,
 * a word shape, a string hash and a simple ANERcorp-like tokeniser (for clustering and benchmarks).
 * Kept separate from the matching normaliser so that the trained model's features never drift
 * when matching rules change.
 */

const ALEF_FORMS = /[أإآٱ]/g;
const YA_FORMS = /[ىی]/g;
// Harakat, superscript alef, Quranic marks, tatweel, ZWNJ/ZWJ and direction marks carry no identity.
const IGNORED_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C-\u200F\u202A-\u202E\u2066-\u2069]/g;
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** The form every feature is built from: one spelling per word, whatever the orthography. */
export function normaliseForTagger(word: string): string {
  return word
    .replace(IGNORED_MARKS, '')
    .replace(ALEF_FORMS, 'ا')
    .replace(YA_FORMS, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/ة/g, 'ه')
    .replace(ARABIC_INDIC_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** Splits a normalised word into proclitics (و ف, then ب ل ك, then ال; لل = ل + ال) and stem. */
export function splitProclitics(norm: string): { clitics: string; stem: string } {
  let rest = norm;
  let clitics = '';
  const take = (prefix: string, minRest: number): boolean => {
    if (rest.startsWith(prefix) && rest.length - prefix.length >= minRest) {
      clitics += prefix;
      rest = rest.slice(prefix.length);
      return true;
    }
    return false;
  };
  // A stem shorter than three letters is more likely part of the word than a clitic split.
  take('و', 3) || take('ف', 3);
  if (!take('لل', 2)) {
    take('ب', 3) || take('ل', 3) || take('ك', 3);
    take('ال', 2);
  }
  return { clitics, stem: rest };
}

/** Coarse word shape: script, digits and punctuation. */
export function wordShape(word: string): string {
  if (/^[\u0600-\u06FF]+$/.test(word)) return 'A';
  if (/^[0-9٠-٩.,/:-]+$/.test(word)) return /[0-9٠-٩]/.test(word) ? 'D' : 'P';
  if (/^[A-Za-z]+$/.test(word)) return /^[A-Z]/.test(word) ? 'Lc' : 'L';
  if (/^[^\p{L}\p{N}]+$/u.test(word)) return 'P';
  return 'M';
}

/** FNV-1a over UTF-16 code units: stable 32-bit feature keys without storing the feature strings. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
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
