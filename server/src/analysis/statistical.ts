/**
 * The statistical tagger's names for an article: runs the shipped model line by line over the words as
 * ANERcorp writes them (word tokens with proclitics attached, punctuation as separate words) and returns
 * BIO spans over our tokens. Without a shipped model the core still works from the gazetteer alone.
 */
import type { EntityType, Token } from './types';
import { loadTagger, type Tagger } from './tagger';

export interface TaggedSpan {
  first: number;
  last: number;
  type: EntityType;
}

let tagger: Tagger | null | undefined;

function getTagger(): Tagger | null {
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
// One string per punctuation character, so the tagger meets the same string object every time.
const punctuationWords = new Map<number, string>();

/** The punctuation characters in text[from, to) as words, appended to `words` with -1 in `tokenOf`. */
function pushPunctuation(text: string, from: number, to: number, words: string[], tokenOf: number[]): void {
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c < 0xd800 || c > 0xdfff) {
      if (IS_PUNCT[c] === 0) continue;
      let word = punctuationWords.get(c);
      if (word === undefined) punctuationWords.set(c, (word = text[p]));
      words.push(word);
    } else {
      // A surrogate pair is one character (a lone surrogate is its own); the regex decides.
      const ch = String.fromCodePoint(text.codePointAt(p)!);
      if (ch.length === 2) p++;
      if (!PUNCT.test(ch)) continue;
      words.push(ch);
    }
    tokenOf.push(-1);
  }
}

export function taggedSpans(text: string, tokens: Token[]): TaggedSpan[] {
  const model = getTagger();
  const out: TaggedSpan[] = [];
  if (!model) return out;
  let i = 0;
  while (i < tokens.length) {
    // One line (paragraph) at a time: its word tokens, with the punctuation between them as words.
    const lineEnd = text.indexOf('\n', tokens[i].start);
    const limit = lineEnd < 0 ? text.length : lineEnd;
    const words: string[] = [];
    const tokenOf: number[] = [];
    for (; i < tokens.length && tokens[i].start < limit; i++) {
      words.push(tokens[i].text);
      tokenOf.push(i);
      const gapEnd = i + 1 < tokens.length ? Math.min(tokens[i + 1].start, limit) : limit;
      pushPunctuation(text, tokens[i].end, gapEnd, words, tokenOf);
    }
    const labels = model.tag(words);
    let open: TaggedSpan | undefined;
    for (let w = 0; w < labels.length; w++) {
      const label = labels[w];
      const t = tokenOf[w];
      if (t < 0 || label === 'O') {
        if (open) out.push(open);
        open = undefined;
        continue;
      }
      const type = label.slice(2) as EntityType; // only for name labels: most words are O
      if (label.startsWith('I-') && open && open.type === type) {
        open.last = t;
        continue;
      }
      if (open) out.push(open);
      open = { first: t, last: t, type };
    }
    if (open) out.push(open);
  }
  return out;
}
