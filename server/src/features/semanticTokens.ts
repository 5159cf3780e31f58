import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ArticleAnalysis, EntityType } from '../analysis/types';
import { semanticTokenTypes, type SemanticTokenType } from '../protocol';

const tokenTypeOfEntity: Record<EntityType, SemanticTokenType> = {
  PER: 'person',
  LOC: 'place',
  ORG: 'organization',
};

interface Span {
  start: number;
  end: number;
  type: SemanticTokenType;
}

/**
 * LSP semantic tokens (relative encoding) for an article. Tokens may not overlap or cross lines,
 * so a quotation is cut around the names inside it and at every line break.
 */
export function semanticTokens(document: TextDocument, analysis: ArticleAnalysis): number[] {
  const text = document.getText();
  const names: Span[] = analysis.mentions
    .map((m) => ({ start: m.start, end: m.end, type: tokenTypeOfEntity[m.type] }))
    .sort((a, b) => a.start - b.start);
  const spans: Span[] = [...names];
  for (const quote of analysis.quotes) spans.push(...quotePieces(quote.start, quote.end, names));
  spans.sort((a, b) => a.start - b.start || a.end - b.end);

  const data: number[] = [];
  let previousLine = 0;
  let previousChar = 0;
  for (const span of spans) {
    for (const piece of splitAtLineBreaks(text, span)) {
      const position = document.positionAt(piece.start);
      const deltaLine = position.line - previousLine;
      const deltaChar = deltaLine === 0 ? position.character - previousChar : position.character;
      data.push(deltaLine, deltaChar, piece.end - piece.start, semanticTokenTypes.indexOf(piece.type), 0);
      previousLine = position.line;
      previousChar = position.character;
    }
  }
  return data;
}

function quotePieces(start: number, end: number, sortedNames: Span[]): Span[] {
  const pieces: Span[] = [];
  let cursor = start;
  for (const name of sortedNames) {
    if (name.end <= cursor || name.start >= end) continue;
    if (name.start > cursor) pieces.push({ start: cursor, end: name.start, type: 'quote' });
    cursor = Math.max(cursor, name.end);
  }
  if (cursor < end) pieces.push({ start: cursor, end, type: 'quote' });
  return pieces;
}

function splitAtLineBreaks(text: string, span: Span): Span[] {
  const pieces: Span[] = [];
  let start = span.start;
  for (let i = span.start; i < span.end; i++) {
    const char = text.charCodeAt(i);
    if (char !== 10 && char !== 13) continue;
    if (i > start) pieces.push({ start, end: i, type: span.type });
    start = i + 1;
  }
  if (span.end > start) pieces.push({ start, end: span.end, type: span.type });
  return pieces;
}
