import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { isMostlyArabic } from '../../server/src/analysis/decode';
import { isArticlePath } from '../../server/src/articleFilter';
import { registerCrossReferencing } from './xref';
import { articleLanguageId, defaultSettings, type NewsAnnotatorSettings } from '../../server/src/protocol';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: articleLanguageId },
      { scheme: 'untitled', language: articleLanguageId },
    ],
    synchronize: { configurationSection: 'newsAnnotator' },
  };
  client = new LanguageClient('newsAnnotator', 'News Annotator', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(recogniseArticle),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('newsAnnotator')) vscode.workspace.textDocuments.forEach(recogniseArticle);
    }),
  );
  vscode.workspace.textDocuments.forEach(recogniseArticle);
  await client.start();
  registerCrossReferencing(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** A plain-text file that the settings allow and whose text is mostly Arabic script is a news article. */
function recogniseArticle(document: vscode.TextDocument): void {
  if (document.languageId !== 'plaintext' || !isArticleCandidate(document.uri)) return;
  if (!isMostlyArabic(document.getText())) return;
  void vscode.languages.setTextDocumentLanguage(document, articleLanguageId);
}

function isArticleCandidate(uri: vscode.Uri): boolean {
  return isArticlePath(vscode.workspace.asRelativePath(uri, false), readSettings(uri));
}

function readSettings(uri: vscode.Uri): NewsAnnotatorSettings {
  const configuration = vscode.workspace.getConfiguration('newsAnnotator', uri);
  return {
    include: configuration.get<string[]>('include', defaultSettings.include),
    exclude: configuration.get<string[]>('exclude', defaultSettings.exclude),
  };
}
