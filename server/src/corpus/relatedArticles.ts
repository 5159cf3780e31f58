/** The `related` field of the command line's output (../shared/eval/FORMAT.md) over one run's articles. */
import { analyzeArticle } from '../analysis/analyze';
import { EntityLinker } from '../analysis/linking';
import type { ArticleAnalysis } from '../analysis/types';
import { ArticleIndex, type Linker } from './articleIndex';

export interface RunArticle {
  file: string;
  text: string;
  /** Pass it when the caller has analysed the text already, to avoid analysing twice. */
  analysis?: ArticleAnalysis;
}

export class RelatedArticles {
  private readonly index: ArticleIndex;

  constructor(articles: RunArticle[], linker: Linker = new EntityLinker()) {
    this.index = new ArticleIndex(linker, analyzeArticle);
    for (const { file, text, analysis } of articles) this.index.set(file, text, 0, analysis);
  }

  /** Other files of the run, most related first (near-duplicates score at least their overlap). */
  relatedFor(file: string, limit = 10): { file: string; score: number }[] {
    return this.index.related(file, limit).map((r) => ({ file: r.key, score: r.score }));
  }
}
