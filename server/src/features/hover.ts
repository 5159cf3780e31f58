import type { Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ArticleAnalysis } from '../analysis/types';

const typeLabel = { PER: 'شخص · Person', LOC: 'مكان · Place', ORG: 'منظمة · Organization' } as const;

/** Hover on a name: who or what it is, as far as this article tells. */
export function hover(document: TextDocument, position: Position, analysis: ArticleAnalysis): Hover | null {
  const offset = document.offsetAt(position);
  const mention = analysis.mentions.find((m) => m.start <= offset && offset < m.end);
  if (!mention) return null;
  const entity = analysis.entities.find((e) => e.key === mention.key);
  const lines = [`**${isolate(escapeMarkdown(entity?.canonicalAr ?? entity?.name ?? mention.text))}**`];
  if (entity?.canonicalEn) lines.push(escapeMarkdown(entity.canonicalEn));
  lines.push(typeLabel[mention.type]);
  if (entity?.role) lines.push(isolate(escapeMarkdown(entity.role)));
  return {
    contents: { kind: 'markdown', value: lines.join('\n\n') },
    range: { start: document.positionAt(mention.start), end: document.positionAt(mention.end) },
  };
}

/** Keeps right-to-left text from reordering the Latin text around it. */
function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Article text is data: no markdown, HTML or links of its own may take effect in the hover. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~:]/g, (char) => `\\${char}`);
}
