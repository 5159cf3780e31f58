import type { CodeLens } from 'vscode-languageserver';
import type { ArticleIndex } from '../corpus/articleIndex';
import { articleKey } from '../corpus/workspaceFiles';

/** Commands the client registers (client/src/xrefCommands.ts). */
export const showRelatedCommand = 'newsAnnotator.showRelatedArticles';
export const compareCommand = 'newsAnnotator.compareWithNearDuplicate';

const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** At the top of an article: "3 related articles" and, for a republished story, "near-duplicate of 000_… (78%)". */
export function codeLenses(index: ArticleIndex, uri: string): CodeLens[] {
  const key = articleKey(uri);
  const related = index.related(key);
  if (!related.length) return [];
  const lenses: CodeLens[] = [{
    range: top,
    command: { title: `${related.length} related article${related.length === 1 ? '' : 's'}`, command: showRelatedCommand, arguments: [key] },
  }];
  const duplicate = related.find((r) => r.overlap !== undefined);
  if (duplicate) {
    const name = decodeURIComponent(duplicate.key.slice(duplicate.key.lastIndexOf('/') + 1));
    lenses.push({
      range: top,
      command: { title: `near-duplicate of ${name} (${Math.round(duplicate.overlap! * 100)}% overlap)`, command: compareCommand, arguments: [key, duplicate.key] },
    });
  }
  return lenses;
}
