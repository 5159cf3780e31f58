// A minimal LSP client for tests: starts the built server over stdio and speaks JSON-RPC to it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const samplesDir = path.join(repoRoot, 'samples');

export interface TestServer {
  connection: ProtocolConnection;
  /** The server's answer to initialize. */
  capabilities: Record<string, unknown>;
  /** What the server wrote to window/logMessage and stderr. */
  logs: string[];
  open(file: string, text?: string): Promise<{ uri: string; text: string }>;
  stop(): Promise<void>;
}

export function sampleUri(name: string): string {
  return pathToFileURL(path.join(samplesDir, name)).href;
}

/** Starts out/server.js (build it first with `npm run build`) and initializes it for a workspace folder. */
export async function startServer(workspaceFolder = samplesDir, entry = ['out/server.js', '--stdio']): Promise<TestServer> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, entry, { cwd: repoRoot });
  const logs: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const rootUri = pathToFileURL(workspaceFolder).href;
  const initialized = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: path.basename(workspaceFolder) }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
      textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } },
    },
  })) as { capabilities: Record<string, unknown> };
  await connection.sendNotification('initialized', {});

  return {
    connection,
    capabilities: initialized.capabilities,
    logs,
    async open(file, text) {
      const fullPath = path.isAbsolute(file) ? file : path.join(samplesDir, file);
      const content = text ?? fs.readFileSync(fullPath, 'utf8');
      const uri = pathToFileURL(fullPath).href;
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'news-article', version: 1, text: content },
      });
      return { uri, text: content };
    },
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
      connection.dispose();
    },
  };
}

/** LSP position (UTF-16 line/character) of an offset in a text. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line, character: offset - lineStart };
}

/** Decodes relative semantic tokens into absolute [line, character, length, type] rows. */
export function decodeTokens(data: number[]): Array<{ line: number; character: number; length: number; type: number }> {
  const rows = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    rows.push({ line, character, length: data[i + 2], type: data[i + 3] });
  }
  return rows;
}
