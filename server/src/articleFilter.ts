import picomatch from 'picomatch';
import type { NewsAnnotatorSettings } from './protocol';

/**
 * Whether a file may be an article by its path alone (workspace-relative, `/`-separated); the text
 * must then also be mostly Arabic. Shared by the client (which marks open documents) and the
 * server (which indexes the workspace), so both decide alike.
 */
export function isArticlePath(relativePath: string, settings: NewsAnnotatorSettings): boolean {
  const options = { dot: true };
  return picomatch.isMatch(relativePath, settings.include, options) && !picomatch.isMatch(relativePath, settings.exclude, options);
}
