import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArticleStore } from './articleStore';
import { codeLenses } from './features/codeLens';
import { articlesMentioning, entities, entityMentions, quotes, relatedArticles } from './features/commands';
import { definition } from './features/definition';
import { hover } from './features/hover';
import { references } from './features/references';
import { semanticTokens } from './features/semanticTokens';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { WorkspaceIndexing } from './features/workspaceIndexing';
import {
  articlesMentioningRequest,
  entitiesRequest,
  entityMentionsRequest,
  indexStatusRequest,
  quotesRequest,
  relatedArticlesRequest,
  semanticTokenTypes,
} from './protocol';

/** Starts the language server on the connection the process was started with (stdio, IPC or sockets). */
export function startLanguageServer(): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const articles = new ArticleStore((message) => connection.console.warn(message));
  const workspace = new WorkspaceIndexing(connection, documents, (document) => articles.analysisOf(document));
  const index = workspace.index;

  connection.onInitialize((params): InitializeResult => {
    workspace.initialize(params);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        semanticTokensProvider: {
          legend: { tokenTypes: [...semanticTokenTypes], tokenModifiers: [] },
          full: true,
        },
      },
      serverInfo: { name: 'news-annotator' },
    };
  });

  connection.onInitialized(() => workspace.start());

  connection.onHover((params) => hover(index, params.textDocument.uri, params.position));
  connection.onDefinition((params) => definition(index, params.textDocument.uri, params.position));
  connection.onReferences((params) => references(index, params.textDocument.uri, params.position));
  connection.onDocumentSymbol((params) => documentSymbols(index, params.textDocument.uri));
  connection.onWorkspaceSymbol((params) => workspaceSymbols(index, params.query));
  connection.onCodeLens((params) => codeLenses(index, params.textDocument.uri));
  connection.onRequest(relatedArticlesRequest, (params: { uri: string }) => relatedArticles(index, params.uri));
  connection.onRequest(entitiesRequest, () => entities(index));
  connection.onRequest(articlesMentioningRequest, (params: { id: string }) => articlesMentioning(index, params.id));
  connection.onRequest(entityMentionsRequest, (params: { id: string }) => entityMentions(index, params.id));
  connection.onRequest(quotesRequest, (params: { id: string }) => quotes(index, params.id));
  connection.onRequest(indexStatusRequest, () => workspace.status);

  connection.languages.semanticTokens.on((params) => {
    const document = documents.get(params.textDocument.uri);
    return { data: document ? semanticTokens(document, articles.analysisOf(document)) : [] };
  });

  documents.onDidClose((event) => articles.forget(event.document.uri));
  documents.listen(connection);
  connection.listen();
  return connection;
}
