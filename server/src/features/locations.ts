/** Offsets of indexed articles to LSP locations: the one place where the corpus meets LSP positions. */
import type { Location, Position, Range } from 'vscode-languageserver';
import type { Article, ArticleIndex, MentionRef } from '../corpus/articleIndex';
import { articleKey } from '../corpus/workspaceFiles';

export function rangeOf(article: Article, start: number, end: number): Range {
  return { start: article.lines.positionAt(start), end: article.lines.positionAt(end) };
}

export function locationOf(article: Article, start: number, end: number): Location {
  return { uri: article.key, range: rangeOf(article, start, end) };
}

/** The indexed article at a document URI and the offset of a position in it. */
export function articleAt(index: ArticleIndex, uri: string, position: Position): { article: Article; offset: number } | undefined {
  const article = index.get(articleKey(uri));
  return article && { article, offset: article.lines.offsetAt(position) };
}

/** The global id of the entity named at the position, if any. */
export function entityAt(index: ArticleIndex, uri: string, position: Position): string | undefined {
  const at = articleAt(index, uri, position);
  const mention = at && index.mentionAt(at.article, at.offset);
  return mention && index.idOf(at.article, mention.key);
}

/**
 * The entity's most informative mention: the longest name (a full name rather than a surname), preferring an
 * article that gives the entity a role (its title), then the article asked from.
 */
export function bestMention(index: ArticleIndex, id: string, fromKey?: string): MentionRef | undefined {
  let best: MentionRef | undefined;
  let bestScore = -1;
  for (const ref of index.mentionsOf(id)) {
    const local = ref.article.analysis.entities.find((e) => e.key === ref.mention.key);
    const words = ref.mention.text.split(/\s+/).length;
    const score = words * 4 + (local?.role ? 2 : 0) + (ref.article.key === fromKey ? 1 : 0);
    if (score > bestScore) {
      best = ref;
      bestScore = score;
    }
  }
  return best;
}
