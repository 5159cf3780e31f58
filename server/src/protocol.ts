/**
 * Everything client and server agree on beyond standard LSP: the semantic token legend, settings,
 * and custom requests. Imported by both sides so the two can never drift apart.
 */

export const articleLanguageId = 'news-article';

/** Order matters: the index of a type is its number on the wire. */
export const semanticTokenTypes = ['person', 'place', 'organization', 'quote'] as const;
export type SemanticTokenType = (typeof semanticTokenTypes)[number];

export interface NewsAnnotatorSettings {
  /** Globs of files that may be articles (they must also be mostly Arabic script). */
  include: string[];
  /** Globs of files that are never articles. */
  exclude: string[];
}

export const defaultSettings: NewsAnnotatorSettings = {
  include: ['**/*.txt'],
  exclude: ['**/node_modules/**', '**/.git/**'],
};

// Cross-referencing: custom requests behind the News commands and the Entities view (server/src/features/commands.ts).
// Method names are plain strings so that this file stays free of dependencies; ranges are LSP ranges.

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Params {uri} -> RelatedArticle[], best first. */
export const relatedArticlesRequest = 'newsAnnotator/relatedArticles';
export interface RelatedArticle {
  uri: string;
  title: string;
  score: number;
  /** Share of the shorter article's word 3-grams found in the other: set for near-duplicates only. */
  overlap?: number;
}

/** Params {} -> EntitySummary[], most mentioned first. */
export const entitiesRequest = 'newsAnnotator/entities';
export interface EntitySummary {
  id: string;
  type: 'PER' | 'LOC' | 'ORG';
  canonicalAr: string;
  canonicalEn?: string;
  mentions: number;
  articles: number;
  quotes: number;
}

/** Params {id} -> ArticleMentioning[], most mentions first. */
export const articlesMentioningRequest = 'newsAnnotator/articlesMentioning';
export interface ArticleMentioning {
  uri: string;
  title: string;
  mentions: number;
  /** The first mention, to open the article there. */
  range: LspRange;
}

/** Params {id} -> MentionLocation[] (every article, every spelling). */
export const entityMentionsRequest = 'newsAnnotator/entityMentions';
export interface MentionLocation {
  uri: string;
  range: LspRange;
  text: string;
}

/** Params {id} -> QuoteLocation[], latest article first. */
export const quotesRequest = 'newsAnnotator/quotes';
export interface QuoteLocation {
  uri: string;
  range: LspRange;
  text: string;
  cue: string | null;
}

/** Server -> client, after the workspace index was (re)built or changed: {articles, complete}. */
export const indexChangedNotification = 'newsAnnotator/indexChanged';
export interface IndexChanged {
  articles: number;
  /** False while the background build is still running. */
  complete: boolean;
}

/** Params {} -> IndexChanged: how far the workspace index is (tests wait for `complete`). */
export const indexStatusRequest = 'newsAnnotator/indexStatus';
