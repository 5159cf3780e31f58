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
