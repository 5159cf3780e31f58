// Shared by the extension-host test files: the workspace of seed articles, opening an article, waiting.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './runner';

// The bundle sits in <repo>/out/test/vscode/; the manifest is the source of truth for ids.
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export interface Manifest {
  name: string;
  publisher: string;
  contributes: {
    commands?: Array<{ command: string; title: string; category?: string }>;
    menus?: { commandPalette?: Array<{ command: string; when?: string }> };
    views?: Record<string, Array<{ id: string; name: string }>>;
  };
}
export const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
export const extensionId = `${manifest.publisher}.${manifest.name}`;

/** The seed articles of samples/, by number. */
export const seeds: Record<string, string> = {
  '000': '000_58d295c9c3b3cd36.txt',
  '001': '001_13f1ea57eeb872d2.txt',
  '002': '002_d51caa035671dfd6.txt',
  '003': '003_ddda97719048d9bb.txt',
  '004': '004_72454f4717dfda57.txt',
};
export function seed(n: string): string {
  const name = seeds[n];
  assert.ok(name, `no seed ${n}`);
  return name;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window must have the sample articles open as its workspace folder');
  return folder.uri;
}

export function seedUri(n: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), seed(n));
}

export async function seedUris(): Promise<vscode.Uri[]> {
  const entries = await vscode.workspace.fs.readDirectory(workspaceRoot());
  return entries
    .filter(([name, type]) => type === vscode.FileType.File && /^\d{3}_[0-9a-f]+\.txt$/.test(name))
    .map(([name]) => vscode.Uri.joinPath(workspaceRoot(), name))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Opens a file in an editor and waits until the extension has made it a news article. */
export async function openArticle(uri: vscode.Uri): Promise<vscode.TextDocument> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  // Changing the language re-opens the document, so look it up again rather than keep the old object.
  return waitFor(`${path.basename(uri.path)} to become a news-article`, () =>
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'news-article'),
  );
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/**
 * Polls `probe` until `done(value)` holds; at the deadline fails with the last value seen, so a wrong
 * answer reads as such rather than as a bare timeout.
 */
export async function eventually<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  let last: T | undefined;
  let lastError: unknown;
  try {
    return await waitFor(what, async () => {
      try {
        last = await probe();
        lastError = undefined;
      } catch (error) {
        lastError = error;
        return undefined;
      }
      return done(last) ? last : undefined;
    }, timeoutMs);
  } catch (error) {
    const seen = lastError instanceof Error ? `error ${lastError.message}` : JSON.stringify(last, null, 1)?.slice(0, 2000);
    throw new Error(`${(error as Error).message}; last seen: ${seen}`);
  }
}

interface IndexStatus { articles: number; complete: boolean }

/**
 * Waits until the language server's workspace index is complete with at least `articles` articles.
 * Through the extension's API (`indexStatus()`, the newsAnnotator/indexStatus request) when it exports
 * one; otherwise until every seed article has an outline, i.e. is in the index.
 */
export async function waitForIndex(articles: number, timeoutMs = 60_000): Promise<IndexStatus> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `extension ${extensionId} not found`);
  const api = (await extension.activate()) as { indexStatus?: () => Promise<IndexStatus> } | undefined;
  if (typeof api?.indexStatus === 'function') {
    return eventually('the workspace index to complete', () => api.indexStatus!(),
      (s) => s.complete && s.articles >= articles, timeoutMs);
  }
  const uris = await seedUris();
  for (const uri of uris) {
    await eventually(`${path.basename(uri.path)} in the index (it has an outline)`, async () =>
      (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [],
    (list) => list.length > 0, timeoutMs);
  }
  return { articles: uris.length, complete: true };
}
