/**
 * Bytes of an article file to text. Archives come as UTF-8, UTF-8 with a BOM, or Windows-1256
 * (often with CRLF and a trailing NUL). Line ends are kept: offsets must match what editors show.
 */

export interface DecodedArticle {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1256';
  warnings: string[];
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');
const windows1256 = new TextDecoder('windows-1256');

export function decodeArticle(bytes: Uint8Array): DecodedArticle {
  const warnings: string[] = [];
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  let encoding: DecodedArticle['encoding'];
  try {
    // ignoreBOM is false by default, so the decoder drops the BOM as VS Code does.
    text = utf8Strict.decode(bytes);
    encoding = hasBom ? 'utf-8-bom' : 'utf-8';
  } catch {
    if (looksLikeWindows1256(bytes)) {
      text = windows1256.decode(bytes);
      encoding = 'windows-1256';
    } else {
      text = utf8Lenient.decode(bytes);
      encoding = 'utf-8';
      warnings.push('invalid UTF-8: undecodable bytes were replaced by U+FFFD');
    }
  }
  if (text.includes('\u0000')) warnings.push('contains NUL characters');
  return { text, encoding, warnings };
}

/** Windows-1256 Arabic letters live in 0xC1–0xFE; invalid UTF-8 that is mostly such bytes is that code page. */
function looksLikeWindows1256(bytes: Uint8Array): boolean {
  let high = 0;
  let arabicRange = 0;
  for (const byte of bytes) {
    if (byte < 0x80) continue;
    high++;
    if (byte >= 0xc1 && byte <= 0xfe) arabicRange++;
  }
  return high > 0 && arabicRange / high > 0.6;
}

/** Share of letters that are Arabic script: how an article is told from other text files. */
export function arabicLetterShare(text: string, sampleLength = 4000): number {
  const classes = letterClasses();
  const end = Math.min(text.length, sampleLength);
  let letters = 0;
  let arabic = 0;
  for (let i = 0; i < end; i++) {
    const letterClass = classes[text.charCodeAt(i)];
    if (letterClass === NOT_A_LETTER) continue;
    letters++;
    if (letterClass === ARABIC_LETTER) arabic++;
  }
  return letters === 0 ? 0 : arabic / letters;
}

const NOT_A_LETTER = 0;
const OTHER_LETTER = 1;
const ARABIC_LETTER = 2;
let letterClassTable: Uint8Array | undefined;

/** A class per UTF-16 code unit, derived once from the Unicode properties (a regex per letter is slow). */
function letterClasses(): Uint8Array {
  if (letterClassTable) return letterClassTable;
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const char = String.fromCharCode(code);
    if (/\p{Script=Arabic}/u.test(char) && /\p{L}/u.test(char)) table[code] = ARABIC_LETTER;
    else if (/\p{L}/u.test(char)) table[code] = OTHER_LETTER;
  }
  letterClassTable = table;
  return table;
}

export function isMostlyArabic(text: string): boolean {
  return arabicLetterShare(text) > 0.5;
}
