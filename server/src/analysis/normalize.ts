/**
 * Matching normalisation. It never touches the article text: it maps one word (or phrase) to the
 * key used for lookups, while tokens keep their UTF-16 offsets into the original.
 */

// Per code unit: the replacement code unit, or 0 to drop the unit (marks carry no identity).
const MAP = new Uint16Array(0x10000);
for (let c = 0; c < MAP.length; c++) MAP[c] = c;
const set = (chars: string, to: string): void => {
  const code = to ? to.charCodeAt(0) : 0;
  for (const ch of chars) MAP[ch.charCodeAt(0)] = code;
};
set('أإآٱ', 'ا');
set('ی', 'ي'); // Persian yeh
set('ى', 'ي'); // alef maqsura (see the على exception below)
set('ک', 'ك'); // Persian kaf
set('ة', 'ه'); // ta marbuta is written as ha in many outlets
set('ؤ', 'و');
set('ئ', 'ي');
for (let c = 0x064b; c <= 0x065f; c++) MAP[c] = 0; // harakat, tanwin
for (const c of [0x0640, 0x0670, 0x200c, 0x200d, 0x200e, 0x200f, 0x061c]) MAP[c] = 0; // tatweel, dagger alef, ZWNJ/ZWJ, marks
for (let c = 0x0610; c <= 0x061a; c++) MAP[c] = 0;
for (let c = 0x06d6; c <= 0x06ed; c++) MAP[c] = 0;
for (let c = 0x202a; c <= 0x202e; c++) MAP[c] = 0;
for (let c = 0x2066; c <= 0x2069; c++) MAP[c] = 0;
for (let d = 0; d < 10; d++) {
  MAP[0x0660 + d] = 0x30 + d; // Arabic-Indic digits
  MAP[0x06f0 + d] = 0x30 + d; // Persian digits
}
for (let c = 0x41; c <= 0x5a; c++) MAP[c] = c + 32; // Latin lower case

const ALEF_MAQSURA = 0x0649;
const NORM_ALI = 'علي';

/**
 * The matching form of a word: alef forms → ا, ى/ی → ي, ک → ك, ة → ه, ؤ → و, ئ → ي, Indic digits → ASCII,
 * harakat/tatweel/ZWNJ/direction marks removed. A word ending in the preposition على keeps its ى so that it
 * never becomes the name علي (Ali).
 */
export function normalizeWord(word: string): string {
  // Most words map to themselves: found before building anything.
  let same = 0;
  while (same < word.length && MAP[word.charCodeAt(same)] === word.charCodeAt(same)) same++;
  if (same === word.length) return word;
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const m = MAP[word.charCodeAt(i)];
    if (m !== 0) out += String.fromCharCode(m);
  }
  if (out.endsWith(NORM_ALI) && word.charCodeAt(word.length - 1) === ALEF_MAQSURA) out = out.slice(0, -1) + 'ى';
  return out;
}

/** Normalises each whitespace-separated word of a phrase and joins them with single spaces. */
export function normalizePhrase(phrase: string): string {
  return phrase
    .split(/\s+/)
    .map(normalizeWord)
    .filter((w) => w.length > 0)
    .join(' ');
}

/** Strips the definite article (and a contracted لل) from a normalised word, for loose phrase keys. */
export function bareWord(norm: string): string {
  if (norm.length > 3 && (norm.startsWith('ال') || norm.startsWith('لل'))) return norm.slice(2);
  return norm;
}

/**
 * Consonant skeleton for spelling variants: drops non-initial long vowels (ا و ي) and final ه,
 * so بتروشوف / باتروشوف / باتروشيف share a key. Candidates must still be verified (see linking.ts).
 */
export function skeleton(norm: string): string {
  let out = norm.charAt(0);
  for (let i = 1; i < norm.length; i++) {
    const ch = norm[i];
    if (ch === 'ا' || ch === 'و' || ch === 'ي' || ch === 'ى' || ch === ' ') continue;
    if (ch === 'ه' && i === norm.length - 1) continue;
    out += ch;
  }
  return out;
}

/** Whether a code unit is dropped by the normalisation (marks, tatweel, ZWNJ). */
export function isDropped(code: number): boolean {
  return MAP[code] === 0;
}

/**
 * Offset in `word` where its normalised form's character `normIndex` starts, skipping marks attached to
 * the preceding letters: used to turn a proclitic cut in the normalised form into an original offset.
 */
export function originalIndex(word: string, normIndex: number): number {
  let kept = 0;
  let i = 0;
  while (i < word.length && kept < normIndex) {
    if (MAP[word.charCodeAt(i)] !== 0) kept++;
    i++;
  }
  while (i < word.length && MAP[word.charCodeAt(i)] === 0) i++;
  return i;
}
