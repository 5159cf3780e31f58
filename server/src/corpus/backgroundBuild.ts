/**
 * Indexes many files without blocking the server: work runs in slices of a few milliseconds, and between
 * slices the event loop answers hover, tokens and edits in the open article.
 */
import { pathToFileURL } from 'node:url';
import type { ArticleIndex } from './articleIndex';
import { readArticleFile } from './workspaceFiles';

export interface BuildOptions {
  /** Open documents override the disk: their text comes from the editor. */
  isOpen(key: string): boolean;
  onProgress(done: number, total: number): void;
  log(message: string): void;
  /** Checked between files: a newer build (settings or folders changed) supersedes this one. */
  isCancelled(): boolean;
}

const SLICE_MS = 12;

export async function indexFiles(index: ArticleIndex, files: string[], options: BuildOptions): Promise<void> {
  let sliceStart = performance.now();
  for (let i = 0; i < files.length; i++) {
    if (options.isCancelled()) return;
    indexFile(index, files[i], options);
    if (performance.now() - sliceStart > SLICE_MS) {
      options.onProgress(i + 1, files.length);
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  options.onProgress(files.length, files.length);
}

/** Reads one file into the index, or removes it when it is gone or no longer an article. */
export function indexFile(index: ArticleIndex, file: string, options: Pick<BuildOptions, 'isOpen' | 'log'>): void {
  const key = pathToFileURL(file).href;
  if (options.isOpen(key)) return;
  const article = readArticleFile(file);
  if (!article) {
    index.delete(key);
    return;
  }
  for (const warning of article.warnings) options.log(`${file}: ${warning}`);
  try {
    index.set(key, article.text, article.mtime);
  } catch (error) {
    // One odd article must not stop the workspace from being indexed.
    options.log(`${file}: analysis failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
