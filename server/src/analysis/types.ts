/** Shared shapes of the analysis core. Offsets are UTF-16 code units into the article's exact text. */

export type EntityType = 'PER' | 'LOC' | 'ORG';

/** A word of the article: `text` is `content.slice(start, end)`; `norm` is its matching form. */
export interface Token {
  text: string;
  start: number;
  end: number;
  norm: string;
}

/** A named-entity mention; `key` groups the mentions of one entity inside one article. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  key: string;
}

/** What one article says about one entity it mentions. */
export interface LocalEntity {
  key: string;
  type: EntityType;
  /** The fullest name seen in this article (as written). */
  name: string;
  /** Canonical forms when a gazetteer knows the entity. */
  canonicalAr?: string;
  canonicalEn?: string;
  /** Stable id from a gazetteer (e.g. "iran"), shared by every spelling it lists. */
  knownId?: string;
  /** Role the article gives it, e.g. "أمين المجلس الأعلى للأمن القومي الإيراني". */
  role?: string;
}

export interface Quote {
  start: number;
  end: number;
  text: string;
  /** `key` of the speaking entity in this article, or null. */
  speaker: string | null;
  cue: string | null;
}

export interface ArticleAnalysis {
  entities: LocalEntity[];
  mentions: Mention[];
  quotes: Quote[];
}
