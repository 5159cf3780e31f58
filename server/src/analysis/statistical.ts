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

const PUNCT = /[^\s\p{L}\p{N}\p{M}\u200c\u200d]/gu;

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
      if (gapEnd > tokens[i].end) {
        const gap = text.slice(tokens[i].end, gapEnd);
        for (const p of gap.match(PUNCT) ?? []) {
          words.push(p);
          tokenOf.push(-1);
        }
      }
    }
    const labels = model.tag(words);
    let open: TaggedSpan | undefined;
    for (let w = 0; w < labels.length; w++) {
      const label = labels[w];
      const t = tokenOf[w];
      const type = label.slice(2) as EntityType;
      if (t >= 0 && label.startsWith('I-') && open && open.type === type) {
        open.last = t;
        continue;
      }
      if (open) out.push(open);
      open = t >= 0 && label !== 'O' ? { first: t, last: t, type } : undefined;
    }
    if (open) out.push(open);
  }
  return out;
}
