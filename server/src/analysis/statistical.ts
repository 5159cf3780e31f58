/**
 * The statistical tagger's names for an article: runs the shipped model line by line over the words as
 * ANERcorp writes them (word tokens with proclitics attached, punctuation as separate words) and returns
 * BIO spans over our tokens, names made consistent through the article. Without a shipped model the core
 * still works from the gazetteer alone.
 * Word ids live on the interned word types, so a token costs no string lookup.
 */
import type { EntityType } from './types';
import { recentThreshold, type WordToken, type WordType } from './tokenize';
import { loadTagger, type PerceptronTagger } from './tagger';
import { MAX_CACHED_WORDS } from './tagger-cache';
import { NAME_TYPES, newDocument, spreadNames, type DocumentWords } from './tagger-document';

export interface TaggedSpan {
  first: number;
  last: number;
  type: EntityType;
}

let tagger: PerceptronTagger | null | undefined;

function getTagger(): PerceptronTagger | null {
  if (tagger === undefined) {
    try {
      tagger = loadTagger();
    } catch (error) {
      // Names from the gazetteer still work; say why the statistical ones are missing (stderr: stdout may be LSP).
      process.stderr.write(`news-annotator: statistical tagger unavailable, gazetteer only: ${String(error)}\n`);
      tagger = null;
    }
  }
  return tagger;
}

// Which code units are punctuation words for the tagger: not white space, letters, digits, marks or ZWNJ/ZWJ
// (the class [^\s\p{L}\p{N}\p{M}\u200c\u200d], read from the regex once; surrogates are classified per code point).
const PUNCT = /[^\s\p{L}\p{N}\p{M}\u200c\u200d]/u;
const IS_PUNCT = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) IS_PUNCT[c] = PUNCT.test(String.fromCharCode(c)) ? 1 : 0;

/** Tagger ids of punctuation words (one character each), for one tagger generation. */
class PunctuationIds {
  private generation = -1;
  private readonly basic = new Int32Array(0x10000);
  private astral = new Map<string, number>();

  of(model: PerceptronTagger, text: string, p: number): number {
    if (this.generation !== model.generation) {
      this.basic.fill(-1);
      this.astral = new Map();
      this.generation = model.generation;
    }
    const c = text.charCodeAt(p);
    if (c < 0xd800 || c > 0xdfff) {
      let id = this.basic[c];
      if (id < 0) this.basic[c] = id = model.addWord(text[p]);
      return id;
    }
    const ch = String.fromCodePoint(text.codePointAt(p)!);
    let id = this.astral.get(ch);
    if (id === undefined) this.astral.set(ch, (id = model.addWord(ch)));
    return id;
  }
}

const punctuationIds = new PunctuationIds();

/** Sentence being tagged: tagger word ids, and which token each word is (-1 for punctuation). */
class Line {
  ids: Int32Array = new Int32Array(256);
  tokenOf: Int32Array = new Int32Array(256);
  length = 0;

  push(id: number, token: number): void {
    if (this.length === this.ids.length) {
      this.ids = grow(this.ids);
      this.tokenOf = grow(this.tokenOf);
    }
    this.ids[this.length] = id;
    this.tokenOf[this.length++] = token;
  }
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

const line = new Line();

/** The punctuation characters in text[from, to) as words of the line. */
function pushPunctuation(model: PerceptronTagger, text: string, from: number, to: number): void {
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c < 0xd800 || c > 0xdfff) {
      if (IS_PUNCT[c] === 1) line.push(punctuationIds.of(model, text, p), -1);
    } else {
      // A surrogate pair is one character (a lone surrogate is its own); the regex decides.
      const ch = String.fromCodePoint(text.codePointAt(p)!);
      if (PUNCT.test(ch)) line.push(punctuationIds.of(model, text, p), -1);
      if (ch.length === 2) p++;
    }
  }
}

/** The word type behind each tagger id (undefined for punctuation and the sentence edges). */
let owners: (WordType | undefined)[] = [];

function wordId(model: PerceptronTagger, word: WordType): number {
  if (word.taggerGeneration !== model.generation) {
    word.taggerId = model.addWord(word.text);
    word.taggerGeneration = model.generation;
    owners[word.taggerId] = word;
  }
  return word.taggerId;
}

// When the tagger's cache is full, the recently used half of its words keep their scores.
const KEPT_WORDS = MAX_CACHED_WORDS / 2;

/** Makes room for `count` more words in the tagger's cache, keeping the scores of recently used words. */
function makeRoom(model: PerceptronTagger, count: number): void {
  if (model.size + count <= MAX_CACHED_WORDS) return;
  const live = owners.filter(
    (word, id): word is WordType => word?.taggerGeneration === model.generation && word.taggerId === id,
  );
  const since = recentThreshold(live, KEPT_WORDS);
  const kept = live.filter((word) => word.lastUsed >= since); // in id order, as `keep` wants
  model.keep(kept.map((word) => word.taggerId));
  owners = [undefined, undefined];
  kept.forEach((word, n) => {
    word.taggerId = 2 + n;
    word.taggerGeneration = model.generation;
    owners.push(word);
  });
}

/** The article's words as the tagger labelled them, line after line, and which token each is (-1: punctuation). */
class ArticleWords {
  doc: DocumentWords = newDocument(4096);
  tokenOf = new Int32Array(4096);

  /** Appends a line's words with their model tags, then an edge that keeps names from running into the next line. */
  addLine(model: PerceptronTagger, path: Int32Array): void {
    const needed = this.doc.length + line.length + 1;
    if (needed > this.tokenOf.length) this.grow(2 * needed);
    for (let w = 0; w < line.length; w++) {
      model.placeWord(this.doc, this.doc.length, line.ids[w], path[w]);
      this.tokenOf[this.doc.length++] = line.tokenOf[w];
    }
    this.tokenOf[this.doc.length] = -1;
    this.doc.types[this.doc.length] = -1;
    this.doc.keys[this.doc.length++] = 0;
  }

  /** The names as spans over the article's tokens. */
  spans(): TaggedSpan[] {
    const { doc, tokenOf } = this;
    const out: TaggedSpan[] = [];
    let open: TaggedSpan | undefined;
    for (let w = 0; w < doc.length; w++) {
      const t = tokenOf[w];
      const type = doc.types[w];
      if (t < 0 || type < 0) {
        if (open) out.push(open);
        open = undefined;
      } else if (!doc.begins[w] && open && open.type === NAME_TYPES[type]) {
        open.last = t;
      } else {
        if (open) out.push(open);
        open = { first: t, last: t, type: NAME_TYPES[type] };
      }
    }
    if (open) out.push(open);
    return out;
  }

  private grow(capacity: number): void {
    const bigger = newDocument(capacity);
    bigger.length = this.doc.length;
    for (const field of ['keys', 'alone', 'types', 'begins'] as const) bigger[field].set(this.doc[field].subarray(0, this.doc.length));
    const tokenOf = new Int32Array(capacity);
    tokenOf.set(this.tokenOf.subarray(0, this.doc.length));
    this.doc = bigger;
    this.tokenOf = tokenOf;
  }
}

const article = new ArticleWords();

/**
 * Names the tagger reads in the article, as spans over its tokens: each line tagged on its own, then names
 * made consistent through the article (tagger-document.ts).
 */
export function taggedSpans(text: string, tokens: WordToken[]): TaggedSpan[] {
  const model = getTagger();
  if (!model) return [];
  article.doc.length = 0;
  let i = 0;
  while (i < tokens.length) {
    // One line (paragraph) at a time: its word tokens, with the punctuation between them as words.
    const lineEnd = text.indexOf('\n', tokens[i].start);
    const limit = lineEnd < 0 ? text.length : lineEnd;
    let last = i;
    while (last + 1 < tokens.length && tokens[last + 1].start < limit) last++;
    makeRoom(model, 2 * (last - i + 1));
    line.length = 0;
    for (; i <= last; i++) {
      line.push(wordId(model, tokens[i].word), i);
      const gapEnd = i < last ? tokens[i + 1].start : limit;
      pushPunctuation(model, text, tokens[i].end, gapEnd);
    }
    article.addLine(model, model.tagIds(line.ids, line.length));
  }
  spreadNames(article.doc);
  return article.spans();
}
