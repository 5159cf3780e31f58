/**
 * Tokeniser: words with UTF-16 offsets into the original text, plus proclitic candidates. Word types are
 * interned: every token of the same spelling shares one `WordType` (text, normalised form, readings), so the
 * normalisation and the readings are computed once per spelling, not once per token, and later passes read
 * them from the token instead of looking strings up.
 */
import type { Token } from './types';
import { normalizeWord } from './normalize';
import type { NameStart } from './gazetteer';

/** What every token of one spelling shares. */
export interface WordType {
  text: string;
  norm: string;
  /** `hashSpelling(norm)`: compares forms without reading their strings. */
  normHash: number;
  readings: Reading[];
  /**
   * What the gazetteer says of this spelling, filled on first use by entities.ts `withFacts` (the gazetteer never
   * changes) and kept on the type itself, which the passes over tokens read anyway: the names each reading can
   * start (null: none; undefined: not asked yet), and the readings that are an organisation head noun and a
   * reporting verb (-1: none).
   */
  nameStarts: NameStart[] | null | undefined;
  orgHead: number;
  cue: number;
  /**
   * Scratch of the analysis in progress (entities.ts numberWordTypes): the serial of the article that last
   * numbered this type, and its number there. Analyses run one at a time per thread, so one slot suffices.
   */
  seenIn: number;
  numberInArticle: number;
  /** Serial of the last `tokenize` call that met this spelling: the recently used ones outlive a full table. */
  lastUsed: number;
  /** The statistical tagger's id for this spelling, valid while its generation is `taggerGeneration`. */
  taggerId: number;
  taggerGeneration: number;
}

/**
 * A word of the text: where it is, and its interned type. Spelling and normalised form are read from the type
 * (three fields a token, not five: a corpus has millions of tokens).
 */
export class WordToken implements Token {
  constructor(
    readonly word: WordType,
    readonly start: number,
    readonly end: number,
  ) {}

  get text(): string {
    return this.word.text;
  }

  get norm(): string {
    return this.word.norm;
  }
}

/** A way to read a normalised word: `cut` proclitic letters dropped, `stem` is the lookup key. */
export interface Reading {
  cut: number;
  stem: string;
}

// Code unit classes: a word starts with a letter or digit and goes on with letters, marks, digits, ZWNJ/ZWJ
// (the same classes as /[\p{L}\p{N}][\p{L}\p{M}\p{N}\u200c\u200d]*/u, read from the regexes once).
const STARTS_WORD = 1;
const CONTINUES_WORD = 2;
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates: classified by code point in codePointClass
  const ch = String.fromCharCode(c);
  if (/[\p{L}\p{N}]/u.test(ch)) CLASS[c] = STARTS_WORD | CONTINUES_WORD;
  else if (/[\p{M}\u200c\u200d]/u.test(ch)) CLASS[c] = CONTINUES_WORD;
}

/** Class of the character at p and its length in code units (2 for a surrogate pair). */
function codePointClass(text: string, p: number): number {
  const c = text.codePointAt(p)!;
  if (c < 0x10000) return CLASS[c];
  const ch = String.fromCodePoint(c);
  if (/[\p{L}\p{N}]/u.test(ch)) return STARTS_WORD | CONTINUES_WORD;
  return /\p{M}/u.test(ch) ? CONTINUES_WORD : 0;
}

export function tokenize(text: string): WordToken[] {
  // Bounded: a server meets new words forever. The recently used (frequent) words stay.
  if (internedWords.size >= MAX_INTERNED_WORDS) internedWords = internedWords.recent(KEPT_WORDS);
  const serial = ++tokenizeSerial;
  const words = internedWords;
  const tokens: WordToken[] = [];
  const length = text.length;
  let p = 0;
  while (p < length) {
    const c = text.charCodeAt(p);
    const startClass = isSurrogate(c) ? codePointClass(text, p) : CLASS[c];
    if ((startClass & STARTS_WORD) === 0) {
      p += isSurrogate(c) ? surrogateWidth(text, p) : 1;
      continue;
    }
    const start = p;
    let hash = FNV_OFFSET;
    for (;;) {
      const unit = text.charCodeAt(p);
      if (isSurrogate(unit)) {
        if (p > start && (codePointClass(text, p) & CONTINUES_WORD) === 0) break;
        const width = surrogateWidth(text, p);
        for (let k = 0; k < width; k++) hash = Math.imul(hash ^ text.charCodeAt(p + k), FNV_PRIME);
        p += width;
      } else {
        if (p > start && (CLASS[unit] & CONTINUES_WORD) === 0) break;
        hash = Math.imul(hash ^ unit, FNV_PRIME);
        p++;
      }
      if (p >= length) break;
    }
    const word = words.intern(text, start, p, hash);
    word.lastUsed = serial;
    tokens.push(new WordToken(word, start, p));
  }
  return tokens;
}

const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

function surrogateWidth(text: string, p: number): number {
  const c = text.codePointAt(p)!;
  return c >= 0x10000 ? 2 : 1;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const MAX_INTERNED_WORDS = 100_000;
const KEPT_WORDS = 50_000;
let tokenizeSerial = 0;

/**
 * Open-addressing table of word types keyed by their spelling, found from a slice of the text without copying
 * it. Each slot holds the hash and where the spelling sits in a pool of code units side by side, so a probe
 * compares spellings without reaching the type object or its string (memory reads that dominated the lookup).
 */
class WordTable {
  /** Per slot s: keys[2s] the hash, keys[2s + 1] where its spelling starts in `pool` (0: an empty slot). */
  private keys = new Int32Array(2 * INITIAL_SLOTS);
  /** The type itself sits in `slotTypes` at the slot's index. */
  private slotTypes = new Array<WordType | undefined>(INITIAL_SLOTS).fill(undefined);
  /** Each spelling as its length (low and high 16 bits) followed by its code units; 0 is never a start. */
  private pool = new Uint16Array(INITIAL_POOL);
  private poolEnd = 1;
  private types: WordType[] = [];

  get size(): number {
    return this.types.length;
  }

  intern(text: string, start: number, end: number, hash: number): WordType {
    const mask = this.slotTypes.length - 1;
    const keys = this.keys;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const at = keys[2 * s + 1];
      if (at === 0) break;
      if (keys[2 * s] === hash && spelledAt(this.pool, at, text, start, end)) return this.slotTypes[s]!;
    }
    const spelling = text.slice(start, end);
    const norm = normalizeWord(spelling);
    const type: WordType = {
      text: spelling, norm, normHash: norm === spelling ? hash : hashSpelling(norm), readings: readings(norm), nameStarts: undefined, orgHead: -1, cue: -1,
      seenIn: 0, numberInArticle: 0, lastUsed: 0, taggerId: -1, taggerGeneration: -1,
    };
    this.add(type, hash);
    return type;
  }

  /** A table of the (about) `count` most recently used types. */
  recent(count: number): WordTable {
    const table = new WordTable();
    const since = recentThreshold(this.types, count);
    for (let n = 0; n < this.types.length; n++) {
      const type = this.types[n];
      if (type.lastUsed >= since) table.add(type, hashSpelling(type.text));
    }
    return table;
  }

  private add(type: WordType, hash: number): void {
    this.types.push(type);
    // At most half full, so that a probe for a new word soon meets an empty slot.
    if (this.size * 2 > this.slotTypes.length) this.rehash(this.slotTypes.length * 2);
    this.place(type, hash, this.store(type.text));
  }

  /** Appends a spelling to the pool and returns where it starts. */
  private store(spelling: string): number {
    const at = this.poolEnd;
    const end = at + 2 + spelling.length;
    if (end > this.pool.length) {
      const bigger = new Uint16Array(Math.max(2 * this.pool.length, end));
      bigger.set(this.pool);
      this.pool = bigger;
    }
    this.pool[at] = spelling.length & 0xffff;
    this.pool[at + 1] = spelling.length >>> 16;
    for (let k = 0; k < spelling.length; k++) this.pool[at + 2 + k] = spelling.charCodeAt(k);
    this.poolEnd = end;
    return at;
  }

  private place(type: WordType, hash: number, at: number): void {
    const mask = this.slotTypes.length - 1;
    let s = hash & mask;
    while (this.keys[2 * s + 1] !== 0) s = (s + 1) & mask;
    this.keys[2 * s] = hash;
    this.keys[2 * s + 1] = at;
    this.slotTypes[s] = type;
  }

  private rehash(slots: number): void {
    const keys = this.keys;
    const types = this.slotTypes;
    this.keys = new Int32Array(2 * slots);
    this.slotTypes = new Array<WordType | undefined>(slots).fill(undefined);
    for (let s = 0; s < types.length; s++) {
      const type = types[s];
      if (type !== undefined) this.place(type, keys[2 * s], keys[2 * s + 1]);
    }
  }
}

/** Whether the spelling stored in `pool` at `at` is text[start, end). */
function spelledAt(pool: Uint16Array, at: number, text: string, start: number, end: number): boolean {
  const length = end - start;
  if (pool[at] !== (length & 0xffff) || pool[at + 1] !== length >>> 16) return false;
  for (let k = 0; k < length; k++) if (pool[at + 2 + k] !== text.charCodeAt(start + k)) return false;
  return true;
}

const INITIAL_POOL = 1 << 16;
const INITIAL_SLOTS = 1 << 14;

/**
 * The `lastUsed` serial from which on about `count` of `items` were used: at least `count` are at or after it
 * (more on ties). Serials are `tokenize` calls, usually far fewer than the items: counted per serial.
 */
export function recentThreshold(items: readonly { lastUsed: number }[], count: number): number {
  if (items.length <= count) return -Infinity;
  // Indexed loops: this runs rarely, often before it is optimised, where `for … of` allocates per item.
  let oldest = Infinity;
  let newest = -Infinity;
  for (let n = 0; n < items.length; n++) {
    oldest = Math.min(oldest, items[n].lastUsed);
    newest = Math.max(newest, items[n].lastUsed);
  }
  // A long-lived server spreads serials wide: then a numeric sort of them costs less than counting.
  if (newest - oldest > 4 * items.length) {
    const serials = Int32Array.from(items, (item) => item.lastUsed).sort();
    return serials[serials.length - count];
  }
  const perSerial = new Int32Array(newest - oldest + 1);
  for (let n = 0; n < items.length; n++) perSerial[items[n].lastUsed - oldest]++;
  let seen = 0;
  for (let serial = newest; ; serial--) {
    seen += perSerial[serial - oldest];
    if (seen >= count) return serial;
  }
}

/** The hash `tokenize` computes while it scans a word; given the hash of a prefix, the hash of prefix + spelling. */
export function hashSpelling(spelling: string, prefixHash = FNV_OFFSET): number {
  let hash = prefixHash;
  for (let k = 0; k < spelling.length; k++) hash = Math.imul(hash ^ spelling.charCodeAt(k), FNV_PRIME);
  return hash;
}

let internedWords = new WordTable();

const CONJ = ['و', 'ف'];
const PREP = ['ب', 'ل', 'ك'];

/**
 * Readings of a normalised word with its proclitics (و ف, then ب ل ك, or the contracted لل = ل + ال)
 * removed, the whole word first. The caller keeps a reading only when its stem is known, so words such as
 * لبنان or بكين are never split. Tokens carry theirs (`token.word.readings`), computed once per spelling.
 */
export function readings(norm: string): Reading[] {
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

/**
 * Hashes (`hashSpelling`) of the normalised words `readings` may read as `stem`: the stem with a proclitic و or ف,
 * then ب ل ك, before it, or an ال stem written لل. A superset (the length tests of `readings` are not repeated):
 * the caller still checks the readings of the words it finds.
 */
export function hashesOfFormsReadAs(stem: string): number[] {
  const hashes = PROCLITIC_HASHES.map((prefix) => hashSpelling(stem, prefix));
  if (stem.startsWith('ال')) for (const prefix of LAM_HASHES) hashes.push(hashSpelling(stem.slice(1), prefix));
  return hashes;
}

// The proclitics a reading can drop, hashed: none, و or ف, then ب ل ك or none after either.
const PROCLITIC_HASHES = ['', ...CONJ].flatMap((conj) => ['', ...PREP].map((prep) => hashSpelling(conj + prep)));
// ... and before an ال stem written لل, the first ل after none, و or ف.
const LAM_HASHES = ['', ...CONJ].map((conj) => hashSpelling(conj + 'ل'));

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
