import type { Location, Position } from 'vscode-languageserver';
import type { ArticleIndex } from '../corpus/articleIndex';
import { bestMention, entityAt, locationOf } from './locations';
import { articleKey } from '../corpus/workspaceFiles';

/** Go to Definition on a name: the entity's most informative mention, in whichever article it is. */
export function definition(index: ArticleIndex, uri: string, position: Position): Location | null {
  const id = entityAt(index, uri, position);
  const best = id && bestMention(index, id, articleKey(uri));
  return best ? locationOf(best.article, best.mention.start, best.mention.end) : null;
}
