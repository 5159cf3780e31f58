/**
 * Indexes many files without blocking the server. The analysis runs on worker threads when the bundle ships
 * them (out/analysisWorker.js); otherwise (from TypeScript sources) it runs here in slices of a few
 * milliseconds. Either way the event loop answers hover, tokens and edits in the open article in between.
 */
import { pathToFileURL } from 'node:url';
import { analyseInWorkers, workerScript, type AnalysedFile } from './analysisPool';
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
  const script = workerScript();
  if (script) {
    let done = 0;
    let reported = 0;
    await analyseInWorkers(script, files, (result) => {
      done++;
      if (!options.isCancelled()) addAnalysed(index, result, options);
      if (performance.now() - reported > 100) {
        options.onProgress(done, files.length);
        reported = performance.now();
      }
    }, options.isCancelled);
    options.onProgress(files.length, files.length);
    return;
  }
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

function addAnalysed(index: ArticleIndex, result: AnalysedFile, options: Pick<BuildOptions, 'isOpen' | 'log'>): void {
  const key = pathToFileURL(result.file).href;
  if (options.isOpen(key)) return;
  for (const warning of result.warnings ?? []) options.log(`${result.file}: ${warning}`);
  if (result.error) options.log(`${result.file}: analysis failed: ${result.error}`);
  if (result.text === undefined || !result.analysis) index.delete(key);
  else index.set(key, result.text, result.mtime, result.analysis);
}
