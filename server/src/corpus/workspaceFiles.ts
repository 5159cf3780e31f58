/** The article files of a workspace folder on disk: which files they are, and their decoded text. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeArticle, isMostlyArabic } from '../analysis/decode';
import { isArticlePath } from '../articleFilter';
import type { NewsAnnotatorSettings } from '../protocol';

/**
 * One spelling per file URI: clients may percent-encode a path differently than Node does
 * (VS Code escapes more characters), and an open document must replace the same file read from disk.
 */
export function articleKey(uri: string): string {
  return uri.startsWith('file:') ? pathToFileURL(fileURLToPath(uri)).href : uri;
}

/** Files under `folder` whose workspace-relative path the include/exclude settings allow. */
export function listArticleFiles(folder: string, settings: NewsAnnotatorSettings): string[] {
  const files: string[] = [];
  // An excluded folder (node_modules, .git) is not walked at all.
  const prune = { include: ['**'], exclude: settings.exclude };
  const walk = (dir: string, rel: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable or vanished folder: nothing to index there
    }
    for (const entry of entries) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (isArticlePath(`${relPath}/x`, prune)) walk(path.join(dir, entry.name), relPath);
      } else if (entry.isFile() && isArticlePath(relPath, settings)) files.push(path.join(dir, entry.name));
    }
  };
  walk(folder, '');
  return files.sort();
}

export interface ArticleFile {
  text: string;
  mtime: number;
  warnings: string[];
}

/** The file's text if it is an article (mostly Arabic once decoded), else undefined. */
export function readArticleFile(file: string): ArticleFile | undefined {
  let bytes: Buffer;
  let mtime: number;
  try {
    bytes = fs.readFileSync(file);
    mtime = fs.statSync(file).mtimeMs;
  } catch {
    return undefined; // deleted between listing and reading
  }
  const { text, warnings } = decodeArticle(bytes);
  return isMostlyArabic(text) ? { text, mtime, warnings } : undefined;
}

/** Workspace-relative path with "/" separators, or undefined when the file is in none of the folders. */
export function relativeToFolders(file: string, folders: string[]): string | undefined {
  for (const folder of folders) {
    const rel = path.relative(folder, file);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  }
  return undefined;
}
