import type { Hover, Position } from 'vscode-languageserver';
import type { Article, ArticleIndex } from '../corpus/articleIndex';
import type { Mention, Quote } from '../analysis/types';
import { articleAt, rangeOf } from './locations';
import { isolate } from '../bidi';

const typeLabel = { PER: 'شخص · Person', LOC: 'مكان · Place', ORG: 'منظمة · Organization' } as const;
const MAX_ARTICLES = 5;
const MAX_QUOTES = 3;
const MAX_SPELLINGS = 8;
const MAX_QUOTE_LENGTH = 160;

/**
 * Hover on a name: the entity as the whole workspace knows it (canonical names, type, role, spellings,
 * mentions and articles with links, latest quotes). On a quotation: its speaker and cue.
 */
export function hover(index: ArticleIndex, uri: string, position: Position): Hover | null {
  const at = articleAt(index, uri, position);
  if (!at) return null;
  const mention = index.mentionAt(at.article, at.offset);
  if (mention) return { contents: { kind: 'markdown', value: entityCard(index, at.article, mention) }, range: rangeOf(at.article, mention.start, mention.end) };
  const quote = index.quoteAt(at.article, at.offset);
  if (quote) return { contents: { kind: 'markdown', value: quoteCard(index, at.article, quote) }, range: rangeOf(at.article, quote.start, quote.end) };
  return null;
}

function entityCard(index: ArticleIndex, article: Article, mention: Mention): string {
  const local = article.analysis.entities.find((e) => e.key === mention.key);
  const id = index.idOf(article, mention.key);
  const stats = id ? index.stats(id) : undefined;
  const entity = stats?.entity;
  const nameAr = entity?.canonicalAr ?? local?.canonicalAr ?? local?.name ?? mention.text;
  const nameEn = entity?.canonicalEn ?? local?.canonicalEn;
  const lines = [`**${ar(nameAr)}**${nameEn ? ` — ${escape(nameEn)}` : ''}`, typeLabel[mention.type]];
  const role = (id && index.roleOf(id)) ?? local?.role;
  if (role) lines.push(`Role: ${ar(role)}`);
  if (id && stats) {
    const spellings = [...new Set(index.mentionsOf(id).map((r) => r.mention.text))];
    if (spellings.length > 1) lines.push(`Spellings: ${spellings.slice(0, MAX_SPELLINGS).map(ar).join(' · ')}`);
    const articles = index.articlesOf(id);
    const links = articles.slice(0, MAX_ARTICLES).map((a) => {
      const first = a.analysis.mentions.find((m) => index.idOf(a, m.key) === id);
      return `${link(a, first?.start ?? 0)} (${a.counts.get(id)})`;
    });
    const more = articles.length > MAX_ARTICLES ? ` · and ${articles.length - MAX_ARTICLES} more` : '';
    lines.push(`${plural(stats.mentions, 'mention')} in ${plural(stats.articles, 'article')}: ${links.join(' · ')}${more}`);
    const quotes = index.quotesBy(id).slice(0, MAX_QUOTES);
    if (quotes.length) lines.push(['Latest quotes:', ...quotes.map((q) => `> ${ar(shorten(q.quote.text))} — ${link(q.article, q.quote.start)}`)].join('\n\n'));
  }
  return lines.join('\n\n');
}

function quoteCard(index: ArticleIndex, article: Article, quote: Quote): string {
  const local = article.analysis.entities.find((e) => e.key === quote.speaker);
  const id = index.idOf(article, quote.speaker);
  const entity = id ? index.linker.get(id) : undefined;
  const name = entity?.canonicalAr ?? local?.name;
  const nameEn = entity?.canonicalEn ?? local?.canonicalEn;
  const speaker = name ? `${ar(name)}${nameEn ? ` — ${escape(nameEn)}` : ''}` : 'unknown';
  return [`**اقتباس · Quotation**`, `Speaker: ${speaker}`, `Cue: ${quote.cue ? ar(quote.cue) : '—'}`].join('\n\n');
}

/** A link opening the article at the offset's line; the visible name is the file name. */
function link(article: Article, offset: number): string {
  const line = article.lines.positionAt(offset).line + 1;
  const name = decodeURIComponent(article.key.slice(article.key.lastIndexOf('/') + 1));
  // Parentheses would end the markdown link target early.
  const target = `${article.key}#L${line}`.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[${escape(name)}](${target})`;
}

/** Article text, escaped and isolated so it does not reorder the Latin text around it. */
function ar(text: string): string {
  return isolate(escape(text));
}

/** Article text is data: no markdown, HTML, autolink or `command:` link of its own may take effect. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~:=/@$"']/g, (char) => `\\${char}`).replace(/\s+/g, ' ');
}

function shorten(text: string): string {
  return text.length > MAX_QUOTE_LENGTH ? `${text.slice(0, MAX_QUOTE_LENGTH - 1)}…` : text;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
