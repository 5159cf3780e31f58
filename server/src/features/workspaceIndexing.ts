/**
 * Keeps the workspace index current over LSP: a background build of every article in the workspace folders
 * (with work-done progress), open documents overriding the disk, files created, changed, deleted or renamed
 * (workspace/didChangeWatchedFiles, registered by the server so every LSP client gets it), settings changes.
 */
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeLensRefreshRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type FileEvent,
  type InitializeParams,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isMostlyArabic } from '../analysis/decode';
import { analyzeArticle } from '../analysis/analyze';
import { EntityLinker } from '../analysis/linking';
import type { ArticleAnalysis } from '../analysis/types';
import { isArticlePath } from '../articleFilter';
import { ArticleIndex } from '../corpus/articleIndex';
import { indexFile, indexFiles } from '../corpus/backgroundBuild';
import { articleKey, listArticleFiles, relativeToFolders } from '../corpus/workspaceFiles';
import { defaultSettings, indexChangedNotification, type IndexChanged, type NewsAnnotatorSettings } from '../protocol';

/**
 * Edits come keystroke by keystroke: once they pause this long, names are regrouped across articles
 * (a few hundred ms on thousands of articles) and clients hear that the index changed.
 */
const ANNOUNCE_DELAY_MS = 1000;
/** The regrouping runs in slices this long, so that hover and highlighting in the open article never wait. */
const LINKING_SLICE_MS = 8;

export class WorkspaceIndexing {
  readonly index = new ArticleIndex(new EntityLinker(), analyzeArticle, true);
  private folders: string[] = [];
  private settings: NewsAnnotatorSettings = defaultSettings;
  /** Keys of open documents indexed from the editor's text. */
  private readonly open = new Set<string>();
  private generation = 0;
  private complete = false;
  private announceTimer: NodeJS.Timeout | undefined;
  private client = { watchers: false, configuration: false, lensRefresh: false, folders: false };

  constructor(
    private readonly connection: Connection,
    documents: TextDocuments<TextDocument>,
    private readonly analysisOf: (document: TextDocument) => ArticleAnalysis,
  ) {
    documents.onDidChangeContent((event) => this.editorChanged(event.document));
    documents.onDidClose((event) => this.editorClosed(event.document));
    connection.onDidChangeWatchedFiles((params) => this.filesChanged(params.changes));
    connection.onDidChangeConfiguration(() => void this.rebuild());
  }

  /** Call from onInitialize: remembers the folders and what the client can do. */
  initialize(params: InitializeParams): void {
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    const caps = params.capabilities;
    this.client = {
      watchers: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      configuration: caps.workspace?.configuration === true,
      lensRefresh: caps.workspace?.codeLens?.refreshSupport === true,
      folders: caps.workspace?.workspaceFolders === true,
    };
  }

  /** Call from onInitialized: watches files and starts the first build. */
  start(): void {
    if (this.client.watchers) {
      // "**/*" rather than the include globs: a deleted or renamed folder is reported as the folder alone.
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    }
    // The library throws when subscribing for a client that cannot send these events.
    if (this.client.folders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => fileURLToPath(f.uri)));
        this.folders = [...this.folders.filter((f) => !removed.has(f)), ...event.added.map((f) => fileURLToPath(f.uri))];
        void this.rebuild();
      });
    }
    void this.rebuild();
  }

  get status(): IndexChanged {
    return { articles: this.index.size, complete: this.complete };
  }

  /** Re-reads the settings and indexes every article of the folders; a newer call cancels an older one. */
  async rebuild(): Promise<void> {
    const generation = ++this.generation;
    this.complete = false;
    this.settings = await this.loadSettings();
    const started = performance.now();
    const files = this.folders.flatMap((folder) => listArticleFiles(folder, this.settings));
    const listed = new Set(files.map((f) => pathToFileURL(f).href));
    for (const key of [...this.index.keys()]) if (!listed.has(key) && !this.open.has(key)) this.index.delete(key);

    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin('Indexing articles', 0, `0/${files.length}`);
    await indexFiles(this.index, files, {
      isOpen: (key) => this.open.has(key),
      onProgress: (done, total) => progress.report(Math.floor((done * 100) / Math.max(total, 1)), `${done}/${total}`),
      log: (message) => this.connection.console.warn(message),
      isCancelled: () => generation !== this.generation,
    });
    progress.done();
    if (generation !== this.generation) return;
    await this.index.flushInSlices(LINKING_SLICE_MS);
    if (generation !== this.generation) return;
    this.complete = true;
    this.connection.console.info(`indexed ${this.index.size} articles in ${(performance.now() - started).toFixed(0)} ms`);
    this.announce(0);
  }

  private async loadSettings(): Promise<NewsAnnotatorSettings> {
    if (!this.client.configuration) return defaultSettings;
    const s = ((await this.connection.workspace.getConfiguration('newsAnnotator')) ?? {}) as Partial<NewsAnnotatorSettings>;
    return { include: s.include ?? defaultSettings.include, exclude: s.exclude ?? defaultSettings.exclude };
  }

  private editorChanged(document: TextDocument): void {
    const key = articleKey(document.uri);
    if (!isMostlyArabic(document.getText())) {
      if (this.open.delete(key)) this.index.delete(key);
      return;
    }
    // Opening an article the index holds as it is changes nothing: no second analysis, no regrouping.
    if (!this.open.has(key) && this.index.holds(key, document.getText())) {
      this.open.add(key);
      return;
    }
    // Opening an article does not make it newer: it keeps its file's time until the first edit.
    const time = this.open.has(key) ? Date.now() : (this.index.get(key)?.time ?? Date.now());
    this.open.add(key);
    this.index.set(key, document.getText(), time, this.analysisOf(document));
    this.announce(ANNOUNCE_DELAY_MS);
  }

  /** A closed document falls back to what is on disk (its edits may not have been saved). */
  private editorClosed(document: TextDocument): void {
    const key = articleKey(document.uri);
    if (!this.open.delete(key)) return;
    if (key.startsWith('file:') && this.isArticleFile(fileURLToPath(key))) this.indexDiskFile(fileURLToPath(key));
    else this.index.delete(key);
    this.announce(ANNOUNCE_DELAY_MS);
  }

  private filesChanged(changes: FileEvent[]): void {
    for (const change of changes) {
      if (!change.uri.startsWith('file:')) continue;
      const key = articleKey(change.uri);
      const file = fileURLToPath(key);
      if (change.type === FileChangeType.Deleted) {
        // A deleted folder takes its articles with it; an open document keeps its editor text.
        for (const k of [...this.index.keys()]) if ((k === key || k.startsWith(`${key}/`)) && !this.open.has(k)) this.index.delete(k);
      } else if (isDirectory(file)) {
        for (const folder of this.folders) {
          for (const f of listArticleFiles(folder, this.settings)) if (f.startsWith(`${file}/`)) this.indexDiskFile(f);
        }
      } else if (this.isArticleFile(file)) this.indexDiskFile(file);
      else if (!this.open.has(key)) this.index.delete(key);
    }
    this.announce(ANNOUNCE_DELAY_MS);
  }

  private isArticleFile(file: string): boolean {
    const rel = relativeToFolders(file, this.folders);
    return rel !== undefined && isArticlePath(rel, this.settings);
  }

  private indexDiskFile(file: string): void {
    indexFile(this.index, file, { isOpen: (key) => this.open.has(key), log: (message) => this.connection.console.warn(message) });
  }

  /** Regroups names, tells the client the index changed (the Entities view reloads), refreshes CodeLenses. */
  private announce(delay: number): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(async () => {
      await this.index.flushInSlices(LINKING_SLICE_MS);
      void this.connection.sendNotification(indexChangedNotification, this.status);
      if (this.client.lensRefresh) void this.connection.sendRequest(CodeLensRefreshRequest.type);
    }, delay);
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
