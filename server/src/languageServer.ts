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
import { hover } from './features/hover';
import { semanticTokens } from './features/semanticTokens';
import { semanticTokenTypes } from './protocol';

/** Starts the language server on the connection the process was started with (stdio, IPC or sockets). */
export function startLanguageServer(): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const articles = new ArticleStore((message) => connection.console.warn(message));

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        semanticTokensProvider: {
          legend: { tokenTypes: [...semanticTokenTypes], tokenModifiers: [] },
          full: true,
        },
      },
      serverInfo: { name: 'news-annotator' },
    }),
  );

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? hover(document, params.position, articles.analysisOf(document)) : null;
  });

  connection.languages.semanticTokens.on((params) => {
    const document = documents.get(params.textDocument.uri);
    return { data: document ? semanticTokens(document, articles.analysisOf(document)) : [] };
  });

  documents.onDidClose((event) => articles.forget(event.document.uri));
  documents.listen(connection);
  connection.listen();
  return connection;
}
