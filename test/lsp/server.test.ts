// The language server over stdio, as any LSP client sees it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeTokens, positionAt, startServer, type TestServer } from './lspClient';

const seed000 = '000_58d295c9c3b3cd36.txt';
const legend = ['person', 'place', 'organization', 'quote'];

interface Hover {
  contents: { kind: string; value: string };
}

async function tokensOf(server: TestServer, uri: string) {
  const result = (await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] };
  return decodeTokens(result.data);
}

/** The text under each token, by line, so a test can check tokens sit on the right characters. */
function tokenTexts(text: string, rows: ReturnType<typeof decodeTokens>): Array<{ type: string; text: string }> {
  const lines = text.split(/\r\n|\r|\n/);
  return rows.map((row) => ({ type: legend[row.type], text: lines[row.line].slice(row.character, row.character + row.length) }));
}

describe('language server over stdio', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  test('announces hover and the semantic token legend', () => {
    assert.equal(server.capabilities.hoverProvider, true);
    const provider = server.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } };
    assert.deepEqual(provider.legend.tokenTypes, legend);
  });

  test('hover on a name in a seed says who it is', async () => {
    const { uri, text } = await server.open(seed000);
    const offset = text.indexOf('شمخاني');
    assert.ok(offset > 0);
    const hover = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: positionAt(text, offset + 2),
    })) as Hover | null;
    assert.ok(hover, 'expected a hover on شمخاني');
    assert.match(hover.contents.value, /شمخاني/);
    assert.match(hover.contents.value, /Person/);
  });

  test('no hover on a plain word', async () => {
    const { uri, text } = await server.open(seed000);
    const offset = text.indexOf('اجتماع');
    assert.ok(offset > 0);
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionAt(text, offset + 1) });
    assert.equal(hover, null);
  });

  test('semantic tokens cover names and quotations, each on the right characters', async () => {
    const { uri, text } = await server.open(seed000);
    const rows = tokenTexts(text, await tokensOf(server, uri));
    const types = new Set(rows.map((row) => row.type));
    for (const type of legend) assert.ok(types.has(type), `expected a ${type} token`);
    assert.ok(rows.some((row) => row.type === 'place' && row.text === 'إيران'));
    assert.ok(rows.some((row) => row.type === 'person' && row.text.includes('شمخاني')));
    for (const row of rows.filter((r) => r.type !== 'quote')) assert.doesNotMatch(row.text, /^[\s«»“”"]|\s$/);
  });

  test('tokens follow an edit (didChange)', async () => {
    const { uri, text } = await server.open(seed000);
    const before = tokenTexts(text, await tokensOf(server, uri));
    const prefix = 'سطر جديد\n';
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: prefix }],
    });
    const afterEdit = tokenTexts(prefix + text, await tokensOf(server, uri));
    assert.deepEqual(afterEdit, before);
  });

  test('CRLF line ends and a BOM keep tokens on the same words', async () => {
    const { text } = await server.open(seed000);
    const crlf = `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    const plain = tokenTexts(text, await tokensOf(server, (await server.open('/tmp/plain-lf.txt', text)).uri));
    const { uri } = await server.open('/tmp/crlf-bom.txt', crlf);
    assert.deepEqual(tokenTexts(crlf, await tokensOf(server, uri)), plain);
  });

  test('bad input: empty, undecodable bytes and a 20 MB article give a message, not a crash', async () => {
    const empty = await server.open('/tmp/empty-article.txt', '');
    assert.deepEqual(await tokensOf(server, empty.uri), []);
    const broken = await server.open('/tmp/broken-article.txt', 'قال \uFFFD\uFFFD الرئيس');
    await tokensOf(server, broken.uri);
    const { text } = await server.open(seed000);
    const huge = text.repeat(Math.ceil(20_000_000 / Buffer.byteLength(text)));
    const big = await server.open('/tmp/huge-article.txt', huge);
    const rows = await tokensOf(server, big.uri);
    assert.ok(rows.length > 1000);
    assert.ok(server.logs.some((line) => /empty article/.test(line)));
    assert.ok(server.logs.some((line) => /undecodable bytes/.test(line)));
    assert.ok(server.logs.some((line) => /very large article/.test(line)));
    // Still answering after all that.
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: broken.uri }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
  });
});

describe('`news-annotator lsp --stdio`', () => {
  test('the command line starts the same server', async () => {
    const server = await startServer(undefined, ['bin/news-annotator.js', 'lsp', '--stdio']);
    const { uri, text } = await server.open(seed000);
    const hover = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: positionAt(text, text.indexOf('إيران') + 1),
    })) as Hover | null;
    assert.ok(hover);
    assert.match(hover.contents.value, /Place/);
    await server.stop();
  });
});
