/**
 * Document-level consistency of the tagger's labels: a name the model reads once in an article is a name
 * wherever its words recur there. Arabic has no capitals, so a name's later mentions often lack the context
 * that gave it away: the surname alone (نجيب محفوظ … وكتب محفوظ), a club or agency named without its head noun.
 * Words match by stem, so proclitics do not matter (محفوظ، لمحفوظ).
 */

/** Entity types by number, as `DocumentWords.types` holds them. */
export const NAME_TYPES = ['PER', 'LOC', 'ORG'] as const;
const PERSON = NAME_TYPES.indexOf('PER');

/** The words of a document in order, as the tagger labelled them (sentences joined; a sentence edge is O). */
export interface DocumentWords {
  length: number;
  /** Per word: its stem's key (what the feature extractor gives `KeySink.stem`); words of one name match by these. */
  keys: Int32Array;
  /** Per word: 1 where the word may be a name on its own (not a frequent or descriptive word). */
  alone: Uint8Array;
  /** Per word: index in NAME_TYPES, or -1 outside names. Changed in place. */
  types: Int8Array;
  /** Per word: 1 where the word opens a name. Changed in place. */
  begins: Uint8Array;
}

/** A document of `length` words, all unlabelled. */
export function newDocument(length: number): DocumentWords {
  const types = new Int8Array(length).fill(-1);
  return { length, keys: new Int32Array(length), alone: new Uint8Array(length), types, begins: new Uint8Array(length) };
}

interface Name {
  keys: number[];
  type: number;
}

/** Labels every recurrence of a name found in the document that the model missed or read in part: longest first. */
export function spreadNames(doc: DocumentWords): void {
  const names = namesOf(doc);
  if (names.size === 0) return;
  const firstKeys = new KeyFilter(names.keys());
  for (let i = 0; i < doc.length; i++) {
    const candidates = firstKeys.mayHold(doc.keys[i]) ? names.get(doc.keys[i]) : undefined;
    const name = candidates?.find((n) => recursAt(doc, n, i));
    if (!name) continue;
    for (let k = 0; k < name.keys.length; k++) {
      doc.types[i + k] = name.type;
      doc.begins[i + k] = k === 0 ? 1 : 0;
    }
    i += name.keys.length - 1;
  }
}

/**
 * The names to look for, by their first word's key: every name of several words, the surname of every person
 * named in full, and every one-word name the model read at least a third of the times it is written here (so
 * that one misreading of a common word is not copied through the article). The first type found wins.
 */
function namesOf(doc: DocumentWords): Map<number, Name[]> {
  const byFirstKey = new Map<number, Name[]>();
  const seen = new Set<string>();
  const add = (keys: number[], type: number) => {
    const id = keys.join(' ');
    if (seen.has(id)) return;
    seen.add(id);
    const list = byFirstKey.get(keys[0]) ?? [];
    list.push({ keys, type });
    byFirstKey.set(keys[0], list);
  };
  // One-word names: key → how often the model read it so, and its first type.
  const readAlone = new Map<number, { count: number; type: number }>();
  for (let first = 0; first < doc.length; first++) {
    const type = doc.types[first];
    if (type < 0) continue;
    let last = first;
    while (last + 1 < doc.length && doc.types[last + 1] === type && !doc.begins[last + 1]) last++;
    if (last > first) {
      add(Array.from(doc.keys.subarray(first, last + 1)), type);
      if (type === PERSON && doc.alone[last]) add([doc.keys[last]], type);
    } else if (doc.alone[first]) {
      const read = readAlone.get(doc.keys[first]) ?? { count: 0, type };
      read.count++;
      readAlone.set(doc.keys[first], read);
    }
    first = last;
  }
  if (readAlone.size > 0) {
    const written = new Map<number, number>();
    const readKeys = new KeyFilter(readAlone.keys());
    for (let i = 0; i < doc.length; i++) {
      const key = doc.keys[i];
      if (readKeys.mayHold(key) && readAlone.has(key)) written.set(key, (written.get(key) ?? 0) + 1);
    }
    for (const [key, read] of readAlone) if (3 * read.count >= written.get(key)!) add([key], read.type);
  }
  for (const list of byFirstKey.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return byFirstKey;
}

/**
 * Whether `name` is written at word i, each word of it unlabelled or labelled with the name's type: a name read in
 * part (سلامة موسى read as موسى alone) or in pieces is read whole.
 */
function recursAt(doc: DocumentWords, name: Name, i: number): boolean {
  if (i + name.keys.length > doc.length) return false;
  for (let k = 0; k < name.keys.length; k++) {
    if (doc.keys[i + k] !== name.keys[k] || (doc.types[i + k] >= 0 && doc.types[i + k] !== name.type)) return false;
  }
  return true;
}

/**
 * A 1,024-bit filter over keys: most words of an article start no name, and testing a bit is cheaper than a Map
 * lookup. `mayHold` is true for every key added (and for a few others, which the Map then turns away).
 */
class KeyFilter {
  private readonly bits = new Uint32Array(32);

  constructor(keys: Iterable<number>) {
    for (const key of keys) this.bits[(key >>> 5) & 31] |= 1 << (key & 31);
  }

  mayHold(key: number): boolean {
    return (this.bits[(key >>> 5) & 31] & (1 << (key & 31))) !== 0;
  }
}
