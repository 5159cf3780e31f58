/** Custom requests behind the News commands and the Entities view (declared in ../protocol.ts). */
import type { ArticleIndex } from '../corpus/articleIndex';
import { articleKey } from '../corpus/workspaceFiles';
import type { ArticleMentioning, EntitySummary, MentionLocation, QuoteLocation, RelatedArticle } from '../protocol';
import { rangeOf } from './locations';

export function relatedArticles(index: ArticleIndex, uri: string): RelatedArticle[] {
  return index.related(articleKey(uri)).map(({ key, ...rest }) => ({ uri: key, ...rest }));
}

export function entities(index: ArticleIndex): EntitySummary[] {
  const quotes = new Map<string, number>();
  for (const key of index.keys()) {
    const article = index.get(key)!;
    for (const q of article.analysis.quotes) {
      const id = index.idOf(article, q.speaker);
      if (id) quotes.set(id, (quotes.get(id) ?? 0) + 1);
    }
  }
  return index.allStats().map(({ entity, mentions, articles }) => ({
    id: entity.id,
    type: entity.type,
    canonicalAr: entity.canonicalAr,
    ...(entity.canonicalEn && { canonicalEn: entity.canonicalEn }),
    mentions,
    articles,
    quotes: quotes.get(entity.id) ?? 0,
  }));
}

export function articlesMentioning(index: ArticleIndex, id: string): ArticleMentioning[] {
  return index.articlesOf(id).map((article) => {
    const first = article.analysis.mentions.find((m) => index.idOf(article, m.key) === id)!;
    return { uri: article.key, title: article.title, mentions: article.counts.get(id) ?? 0, range: rangeOf(article, first.start, first.end) };
  });
}

export function entityMentions(index: ArticleIndex, id: string): MentionLocation[] {
  return index.mentionsOf(id).map(({ article, mention }) => ({ uri: article.key, range: rangeOf(article, mention.start, mention.end), text: mention.text }));
}

export function quotes(index: ArticleIndex, id: string): QuoteLocation[] {
  return index.quotesBy(id).map(({ article, quote }) => ({ uri: article.key, range: rangeOf(article, quote.start, quote.end), text: quote.text, cue: quote.cue }));
}
