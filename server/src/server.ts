// Entry of the bundled language server (out/server.js), started by the VS Code client over IPC
// or by any LSP client with --stdio.
import { startLanguageServer } from './languageServer';

startLanguageServer();
