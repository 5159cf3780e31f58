import type { Location, Position } from 'vscode-languageserver';
import type { ArticleIndex } from '../corpus/articleIndex';
import { entityAt, locationOf } from './locations';

/** Find All References on a name: every mention of the entity in every article, whatever the spelling. */
export function references(index: ArticleIndex, uri: string, position: Position): Location[] {
  const id = entityAt(index, uri, position);
  return id ? index.mentionsOf(id).map(({ article, mention }) => locationOf(article, mention.start, mention.end)) : [];
}
