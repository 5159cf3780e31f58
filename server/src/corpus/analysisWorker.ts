// Entry of out/analysisWorker.js: a worker thread that reads, decodes and analyses article files for the
// background build, so that the analysis (the costly part) runs on the other cores, off the server's thread.
import { parentPort } from 'node:worker_threads';
import { analyzeArticle } from '../analysis/analyze';
import type { AnalysedFile } from './analysisPool';
import { readArticleFile } from './workspaceFiles';

parentPort!.on('message', (file: string) => {
  const article = readArticleFile(file);
  let result: AnalysedFile = { file };
  if (article) {
    try {
      result = { file, ...article, analysis: analyzeArticle(article.text) };
    } catch (error) {
      result = { file, ...article, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  }
  parentPort!.postMessage(result);
});
