import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeArticle } from './analysis/analyze';
import type { ArticleAnalysis } from './analysis/types';

/** The analysis of each open article, computed once per document version. */
export class ArticleStore {
  private readonly cache = new Map<string, { version: number; analysis: ArticleAnalysis }>();

  constructor(private readonly log: (message: string) => void) {}

  analysisOf(document: TextDocument): ArticleAnalysis {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const analysis = this.analyze(document);
    this.cache.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private analyze(document: TextDocument): ArticleAnalysis {
    const text = document.getText();
    for (const problem of inputProblems(text)) this.log(`${document.uri}: ${problem}`);
    const started = performance.now();
    try {
      const analysis = analyzeArticle(text);
      const elapsed = performance.now() - started;
      if (elapsed > 500) this.log(`${document.uri}: analysed ${text.length} characters in ${elapsed.toFixed(0)} ms`);
      return analysis;
    } catch (error) {
      // A bug on one odd article must not take the server down with it: log it and show nothing.
      this.log(`${document.uri}: analysis failed: ${error instanceof Error ? error.stack : String(error)}`);
      return { entities: [], mentions: [], quotes: [] };
    }
  }
}

/** What a reader should know about an article's text before trusting its annotations. */
export function inputProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.length === 0) problems.push('empty article: nothing to annotate');
  if (text.includes('\uFFFD')) problems.push('contains undecodable bytes (shown as U+FFFD): was it saved in another encoding, such as Windows-1256?');
  if (text.includes('\u0000')) problems.push('contains NUL characters');
  if (text.length > 5_000_000) problems.push(`very large article (${(text.length / 1e6).toFixed(1)} M characters): annotating may take a few seconds`);
  return problems;
}
