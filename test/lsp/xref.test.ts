// Cross-referencing through the built server over stdio (npm run build first), with samples/ as the workspace.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, DocumentSymbol, Hover, Location, SymbolInformation } from 'vscode-languageserver-protocol';
import { positionAt, sampleUri, samplesDir, startServer, type TestServer } from './lspClient';
import {
  entitiesRequest,
  entityMentionsRequest,
  indexStatusRequest,
  quotesRequest,
  relatedArticlesRequest,
  type EntitySummary,
  type IndexChanged,
  type MentionLocation,
  type QuoteLocation,
  type RelatedArticle,
} from '../../server/src/protocol';

const seed = (prefix: string) => fs.readdirSync(samplesDir).find((f) => f.startsWith(prefix))!;

async function indexed(server: TestServer, articles?: number): Promise<IndexChanged> {
  for (let i = 0; i < 200; i++) {
    const status = (await server.connection.sendRequest(indexStatusRequest, {})) as IndexChanged;
    if (status.complete && (articles === undefined || status.articles === articles)) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the workspace index did not complete');
}

/** Opens a seed and returns the position of a word in it (a couple of characters into the word). */
async function openAt(server: TestServer, file: string, word: string) {
  const { uri, text } = await server.open(file);
  const offset = text.indexOf(word);
  assert.ok(offset >= 0, `${word} in ${file}`);
  return { uri, text, position: positionAt(text, offset + 2) };
}

describe('cross-referencing over LSP, samples/ as the workspace', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
    assert.equal((await indexed(server)).articles, 5);
  });
  after(() => server.stop());

  test('hovering شمخانی in seed 002 names Ali Shamkhani and links seeds 000 and 001', async () => {
    const { uri, position } = await openAt(server, seed('002'), 'شمخانی');
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /Ali Shamkhani/);
    assert.match(value, /Person/);
    assert.ok(value.includes(`(${sampleUri(seed('000'))}#L`), 'links seed 000');
    assert.ok(value.includes(`(${sampleUri(seed('001'))}#L`), 'links seed 001');
    assert.match(value, /mentions in 3 articles/);
    assert.match(value, /Latest quotes/);
    assert.match(value, /\u2068[^\u2069]*شمخان/, 'Arabic names are isolated');
  });

  test('references on باتروشيف in seed 001 include بتروشوف in seed 000', async () => {
    const { uri, position } = await openAt(server, seed('001'), 'باتروشيف');
    const refs = (await server.connection.sendRequest('textDocument/references', {
      textDocument: { uri },
      position,
      context: { includeDeclaration: true },
    })) as Location[];
    const texts = refs.map((r) => `${path.basename(new URL(r.uri).pathname).slice(0, 3)}:${textAt(r)}`);
    assert.ok(texts.some((t) => t.startsWith('000:') && t.includes('بتروشوف')), texts.join(', '));
    assert.ok(texts.some((t) => t.startsWith('002:')), 'seed 002 too');
    assert.ok(texts.every((t) => /تروش/.test(t)), 'only Patrushev');
  });

  test("seed 002's CodeLens names seed 000 as its near-duplicate", async () => {
    const { uri } = await server.open(seed('002'));
    const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    const titles = lenses.map((l) => l.command!.title);
    assert.ok(titles.some((t) => /^\d+ related articles?$/.test(t)), titles.join(' | '));
    const duplicate = lenses.find((l) => l.command!.title.startsWith(`near-duplicate of ${seed('000')}`));
    assert.ok(duplicate, titles.join(' | '));
    assert.match(duplicate.command!.title, /\(\d+% overlap\)/);
    assert.deepEqual(duplicate.command!.arguments, [uri, sampleUri(seed('000'))]);
    const lenses001 = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: sampleUri(seed('001')) } })) as CodeLens[];
    assert.ok(!lenses001.some((l) => l.command!.title.includes('near-duplicate')), 'seed 001 republishes nothing');
  });

  test('go to definition on a surname lands on a full name, in another article if need be', async () => {
    const { uri, position } = await openAt(server, seed('000'), 'باتروشوف');
    const location = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position })) as Location;
    assert.ok(location);
    assert.ok(textAt(location).split(/\s+/).length >= 2, `full name expected, got ${textAt(location)}`);
  });

  test('related articles: seed 000 relates to the other Shamkhani–Patrushev stories first', async () => {
    const related = (await server.connection.sendRequest(relatedArticlesRequest, { uri: sampleUri(seed('000')) })) as RelatedArticle[];
    assert.equal(related[0].uri, sampleUri(seed('002')));
    assert.ok(related[0].overlap! > 0.5);
    assert.equal(related[1].uri, sampleUri(seed('001')));
    assert.equal(related[1].overlap, undefined);
  });

  test('document symbols group entities by type and quotations by speaker', async () => {
    const { uri } = await server.open(seed('000'));
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    const names = symbols.map((s) => s.name);
    assert.ok(names.some((n) => n.includes('People')) && names.some((n) => n.includes('Places')) && names.some((n) => n.includes('Quotations')), names.join(', '));
    const people = symbols.find((s) => s.name.includes('People'))!.children!.map((c) => c.name).join(' ');
    assert.match(people, /شمخاني/);
    const speakers = symbols.find((s) => s.name.includes('Quotations'))!.children!.map((c) => c.name).join(' ');
    assert.match(speakers, /شمخاني/);
  });

  test('workspace symbols find an entity by a Persian-letter spelling and by its English name', async () => {
    // Editors fuzzy-match the typed text against the symbol's name again, so the name must contain it.
    for (const [query, typed] of [['شمخانی', 'شمخانی'], ['shamkhani', 'Shamkhani']]) {
      const symbols = (await server.connection.sendRequest('workspace/symbol', { query })) as SymbolInformation[];
      const names = symbols.map((s) => s.name).join(', ');
      assert.ok(symbols.some((s) => s.name.includes('شمخاني') && s.name.includes(typed)), `${query}: ${names}`);
    }
  });

  test('custom requests: entities with counts, every mention, quotes by a speaker', async () => {
    const entities = (await server.connection.sendRequest(entitiesRequest, {})) as EntitySummary[];
    const shamkhani = entities.find((e) => e.canonicalEn === 'Ali Shamkhani')!;
    assert.equal(shamkhani.articles, 3);
    assert.ok(shamkhani.quotes > 0);
    const mentions = (await server.connection.sendRequest(entityMentionsRequest, { id: shamkhani.id })) as MentionLocation[];
    assert.equal(mentions.length, shamkhani.mentions);
    assert.ok(mentions.some((m) => m.text.includes('شمخانی')), 'the Persian-letter spelling of seed 002');
    const quotes = (await server.connection.sendRequest(quotesRequest, { id: shamkhani.id })) as QuoteLocation[];
    assert.equal(quotes.length, shamkhani.quotes);
  });
});

describe('the index follows edits and files', () => {
  let server: TestServer;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xref-'));
    for (const p of ['000', '001']) fs.copyFileSync(path.join(samplesDir, seed(p)), path.join(dir, seed(p)));
    // A Windows-1256 archive file (CRLF, trailing NUL), and a text file that is not Arabic.
    fs.copyFileSync(path.join(samplesDir, '..', '..', 'shared', 'corpus', 'legacy-encoding', 'KWP1.txt'), path.join(dir, 'KWP1.txt'));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'Plain English notes, not an article.');
    server = await startServer(dir);
    await indexed(server, 3);
  });
  after(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Articles mentioning Shamkhani, once the index has settled on `expected` (names are regrouped ~1 s after a change). */
  const shamkhaniArticles = async (expected: number) => {
    let articles = -1;
    for (let i = 0; i < 60 && articles !== expected; i++) {
      if (i) await new Promise((resolve) => setTimeout(resolve, 100));
      const entities = (await server.connection.sendRequest(entitiesRequest, {})) as EntitySummary[];
      articles = entities.find((e) => e.canonicalEn === 'Ali Shamkhani')?.articles ?? 0;
    }
    return articles;
  };
  const changed = (uri: string, type: 1 | 2 | 3) => server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type }] });

  test('a Windows-1256 file is decoded and indexed; a non-Arabic text file is not', async () => {
    const entities = (await server.connection.sendRequest(entitiesRequest, {})) as EntitySummary[];
    assert.ok(entities.some((e) => e.canonicalAr.includes('نتنياهو')), 'KWP1 (on Netanyahu and Abbas) is indexed');
    assert.equal((await indexed(server)).articles, 3);
  });

  test('created, renamed and deleted files update the index', async () => {
    assert.equal(await shamkhaniArticles(2), 2);
    const copy = path.join(dir, 'copy.txt');
    fs.copyFileSync(path.join(samplesDir, seed('002')), copy);
    await changed(pathToFileURL(copy).href, 1);
    assert.equal(await shamkhaniArticles(3), 3);
    const renamed = path.join(dir, 'renamed.txt');
    fs.renameSync(copy, renamed);
    await changed(pathToFileURL(copy).href, 3);
    await changed(pathToFileURL(renamed).href, 1);
    assert.equal(await shamkhaniArticles(3), 3);
    const related = (await server.connection.sendRequest(relatedArticlesRequest, { uri: pathToFileURL(path.join(dir, seed('000'))).href })) as RelatedArticle[];
    assert.equal(related[0].uri, pathToFileURL(renamed).href);
    fs.rmSync(renamed);
    await changed(pathToFileURL(renamed).href, 3);
    assert.equal(await shamkhaniArticles(2), 2);
  });

  test('an open document overrides the disk, and closing it restores the disk version', async () => {
    const file = path.join(dir, seed('001'));
    const { uri } = await server.open(file, 'خبر قصير عن الطقس في القاهرة اليوم');
    assert.equal(await shamkhaniArticles(1), 1);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.equal(await shamkhaniArticles(2), 2);
  });
});

function textAt(location: Location): string {
  const file = new URL(location.uri).pathname;
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const { start, end } = location.range;
  assert.equal(start.line, end.line);
  return lines[start.line].slice(start.character, end.character);
}
