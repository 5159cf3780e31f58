// `news-annotator analyze <files|folders>... --format jsonl` and `news-annotator lsp --stdio`.
import { runAnalyzeCommand } from './cliAnalyze';
import { startLanguageServer } from './languageServer';

const usage = `usage:
  news-annotator analyze <files|folders>... [--format jsonl]   one JSON object per article (see FORMAT.md)
  news-annotator lsp --stdio                                   the language server, for any LSP client`;

function main(args: string[]): number | undefined {
  const [command, ...rest] = args;
  if (command === 'analyze') return runAnalyzeCommand(rest);
  if (command === 'lsp') {
    // vscode-languageserver reads the transport (--stdio, --node-ipc, --socket=N) from process.argv.
    startLanguageServer();
    return undefined;
  }
  process.stderr.write(`${command ? `unknown command: ${command}\n` : ''}${usage}\n`);
  return command === '--help' || command === '-h' ? 0 : 2;
}

const exitCode = main(process.argv.slice(2));
if (exitCode !== undefined) process.exitCode = exitCode;
