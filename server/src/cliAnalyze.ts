import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle, analyzeRun } from './analysis/analyze';
import { EntityLinker } from './analysis/linking';
import { RelatedArticles } from './corpus/relatedArticles';
import { decodeArticle, isMostlyArabic } from './analysis/decode';
import { listTextFiles } from './textFiles';

interface InputArticle {
  file: string;
  text: string;
}

/** Analyses every article named (folders: every mostly-Arabic .txt below them) and prints JSON Lines. */
export function runAnalyzeCommand(args: string[]): number {
  const format = optionValue(args, '--format') ?? 'jsonl';
  if (format !== 'jsonl') {
    process.stderr.write(`news-annotator: unknown --format ${format} (supported: jsonl)\n`);
    return 2;
  }
  const paths = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--format');
  if (paths.length === 0) {
    process.stderr.write('news-annotator: name at least one article file or folder\n');
    return 2;
  }
  let failures = 0;
  const articles: InputArticle[] = [];
  for (const input of paths) {
    try {
      articles.push(...readInput(input));
    } catch (error) {
      failures++;
      process.stderr.write(`news-annotator: ${input}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  // One analysis and one linker serve both the records and the related articles.
  const analysed = articles.map((article) => ({ ...article, analysis: analyzeArticle(article.text) }));
  const linker = new EntityLinker();
  const records = analyzeRun(analysed, linker);
  const related = new RelatedArticles(analysed, linker);
  for (const record of records) process.stdout.write(`${JSON.stringify({ ...record, related: related.relatedFor(record.file) })}\n`);
  return failures > 0 ? 1 : 0;
}

function optionValue(args: string[], name: string): string | undefined {
  const inline = args.find((arg) => arg.startsWith(`${name}=`));
  if (inline) return inline.slice(name.length + 1);
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function readInput(input: string): InputArticle[] {
  if (fs.statSync(input).isDirectory()) {
    return listTextFiles(input)
      .map((file) => readArticle(file, path.relative(input, file)))
      .filter((article) => isMostlyArabic(article.text));
  }
  return [readArticle(input, path.basename(input))];
}

function readArticle(fullPath: string, name: string): InputArticle {
  const decoded = decodeArticle(fs.readFileSync(fullPath));
  for (const warning of decoded.warnings) process.stderr.write(`news-annotator: ${fullPath}: ${warning}\n`);
  if (decoded.encoding === 'windows-1256') process.stderr.write(`news-annotator: ${fullPath}: read as Windows-1256\n`);
  return { file: name.split(path.sep).join('/'), text: decoded.text };
}
