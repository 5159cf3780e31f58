// Cross-referencing in the real VS Code API (issue 4): hover cards, definition, references, symbols and
// CodeLens, answered by our language server over the workspace index of the seed articles.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually, hoverText, openArticle, seed, seedUri, waitForIndex, workspaceRoot } from './helpers';
import { test } from './runner';

/** Position a couple of characters into the first occurrence of `word` in the document. */
function positionOf(document: vscode.TextDocument, word: string, occurrence = 0): vscode.Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = document.getText().indexOf(word, offset + 1);
  assert.ok(offset >= 0, `${word} not in ${path.basename(document.uri.path)}`);
  return document.positionAt(offset + 2);
}

/** VS Code's first test in Ctrl+T: the query's characters appear in the name in order (case-insensitive). */
function fuzzyMatches(name: string, query: string): boolean {
  let i = 0;
  const n = name.toLowerCase();
  for (const ch of query.toLowerCase().replace(/\s+/g, '')) {
    i = n.indexOf(ch, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}

/** "000:text" for a location: the seed number (or file name) and the text it covers. */
async function describeLocation(location: vscode.Location | vscode.LocationLink): Promise<string> {
  const uri = 'targetUri' in location ? location.targetUri : location.uri;
  const range = 'targetUri' in location ? (location.targetSelectionRange ?? location.targetRange) : location.range;
  const document = await vscode.workspace.openTextDocument(uri);
  const name = path.basename(uri.path);
  return `${/^\d{3}_/.test(name) ? name.slice(0, 3) : name}:${document.getText(range)}`;
}

test('the workspace index completes over the five seed articles', async () => {
  const status = await waitForIndex(5);
  assert.ok(status.articles >= 5, `index has ${status.articles} articles`);
});

test('hover on شمخانی in seed 002 names Ali Shamkhani and links seeds 000 and 001', async () => {
  const document = await openArticle(seedUri('002'));
  const position = positionOf(document, 'شمخانی');
  const text = await eventually('a hover card linking three articles', async () =>
    hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)),
  (value) => /Ali Shamkhani/.test(value) && /in 3 articles/.test(value));
  assert.match(text, /Person/);
  // Links are markdown targets to the other articles (file URI + #L<line>).
  for (const other of ['000', '001']) {
    assert.ok(text.includes(`${seed(other)}#L`), `the card links seed ${other}:\n${text}`);
    assert.match(text, new RegExp(`\\]\\([^)]*${seed(other).replace('.', '\\.')}#L\\d+\\)`), `a markdown link to seed ${other}`);
  }
  assert.match(text, /Latest quotes/);
  assert.match(text, /\u2068[^\u2069]*شمخان/, 'Arabic names sit in Unicode isolates');
});

test('go to definition on a bare surname lands on the full name', async () => {
  const document = await openArticle(seedUri('000'));
  const position = positionOf(document, 'باتروشوف');
  const target = await eventually('a definition', async () => {
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', document.uri, position);
    return locations?.length ? describeLocation(locations[0]) : '';
  }, (value) => value.length > 0);
  const name = target.slice(target.indexOf(':') + 1);
  assert.ok(name.split(/\s+/).length >= 2, `a full name expected, got ${target}`);
  assert.match(name, /تروش/, `Patrushev expected, got ${target}`);
});

const shortArticle = 'اجتماع أمني في طهران\n\nقال شمخاني إن التعاون مع موسكو مستمر، وأضاف شمخاني أن الاجتماع المقبل سيعقد في طهران الشهر القادم.\n';

/** "N articles" from the hover card of Shamkhani in seed 002. */
async function shamkhaniArticles(): Promise<string> {
  const document = await openArticle(seedUri('002'));
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'شمخانی'));
  return /in (\d+) articles/.exec(hoverText(hovers))?.[1] ?? '?';
}

test('an article file created on disk joins the index, and leaves it when deleted (file watcher)', async () => {
  await eventually('Shamkhani in 3 articles', shamkhaniArticles, (n) => n === '3');
  const note = vscode.Uri.joinPath(workspaceRoot(), 'note-created.txt');
  await vscode.workspace.fs.writeFile(note, Buffer.from(shortArticle));
  try {
    await eventually('Shamkhani in 4 articles once the new file is seen', shamkhaniArticles, (n) => n === '4');
  } finally {
    await vscode.workspace.fs.delete(note);
  }
  await eventually('Shamkhani in 3 articles once the file is deleted', shamkhaniArticles, (n) => n === '3');
});

test('go to definition on a name opens its most informative mention in another article', async () => {
  // Seed 002 names Lavrov without a title ("… عنها لافروف"); seed 003 has "وزير الخارجية الروسي سيرغي لافروف".
  const document = await openArticle(seedUri('002'));
  const position = positionOf(document, 'عنها لافروف');
  const bare = document.getText(document.getWordRangeAtPosition(position.translate(0, 4)));
  assert.equal(bare, 'لافروف');
  const target = await eventually('a definition', async () => {
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', document.uri, position.translate(0, 4));
    return locations?.length ? describeLocation(locations[0]) : '';
  }, (value) => value.length > 0);
  assert.equal(target, '003:سيرغي لافروف');
});

test('references on باتروشيف in seed 001 include بتروشوف in seed 000, and nothing but Patrushev', async () => {
  const document = await openArticle(seedUri('001'));
  const position = positionOf(document, 'باتروشيف');
  const found = await eventually('references in seeds 000, 001 and 002', async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider', document.uri, position);
    return Promise.all((locations ?? []).map(describeLocation));
  }, (list) => ['000:', '001:', '002:'].every((p) => list.some((t) => t.startsWith(p))));
  assert.ok(found.some((t) => t.startsWith('000:') && t.includes('بتروشوف')), found.join(' | '));
  assert.ok(found.every((t) => /تروش/.test(t)), `only Patrushev: ${found.join(' | ')}`);
  assert.ok(new Set(found.map((t) => t.slice(t.indexOf(':') + 1))).size >= 3, `several spellings: ${found.join(' | ')}`);
});

test("seed 002's CodeLens names seed 000 as its near-duplicate", async () => {
  const document = await openArticle(seedUri('002'));
  const titles = await eventually('CodeLenses on seed 002', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
    return (lenses ?? []).map((l) => l.command?.title ?? '');
  }, (list) => list.some((t) => t.startsWith('near-duplicate of')));
  assert.ok(titles.some((t) => /^\d+ related articles?$/.test(t)), titles.join(' | '));
  const duplicate = titles.find((t) => t.startsWith('near-duplicate of'))!;
  assert.match(duplicate, new RegExp(`^near-duplicate of ${seed('000').replace('.', '\\.')} \\(\\d+% overlap\\)$`));
  // And seed 001, which tells the story in its own words, is no one's duplicate.
  const other = await openArticle(seedUri('001'));
  const lenses001 = await eventually('CodeLenses on seed 001', async () =>
    (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', other.uri, 10)) ?? [],
  (list) => list.length > 0);
  assert.ok(!lenses001.some((l) => l.command?.title.includes('near-duplicate')), lenses001.map((l) => l.command?.title).join(' | '));
});

test('document symbols: entities grouped by type, quotations by speaker', async () => {
  const document = await openArticle(seedUri('000'));
  const symbols = await eventually('the outline of seed 000', async () =>
    (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [],
  (list) => list.length > 0);
  const group = (label: string) => symbols.find((s) => s.name.includes(label));
  for (const label of ['People', 'Places', 'Quotations']) assert.ok(group(label), `no ${label} group: ${symbols.map((s) => s.name).join(', ')}`);
  const people = group('People')!.children;
  const shamkhani = people.find((c) => c.name.includes('شمخاني'));
  assert.ok(shamkhani, people.map((c) => c.name).join(', '));
  assert.match(shamkhani.detail, /Ali Shamkhani/);
  // Each entity expands to its mentions, which sit on the text they name.
  assert.ok(shamkhani.children.length >= 2);
  for (const m of shamkhani.children) assert.match(document.getText(m.selectionRange), /شمخاني/);
  const places = group('Places')!.children.map((c) => c.name);
  assert.ok(places.some((n) => /روسيا|موسكو/.test(n)), places.join(', '));
  assert.ok(!places.some((n) => n.includes('شمخاني')), 'a person is not a place');
  const speakers = group('Quotations')!.children;
  assert.ok(speakers.some((s) => s.name.includes('شمخاني')), speakers.map((s) => s.name).join(', '));
  for (const speaker of speakers) {
    assert.ok(speaker.children.length > 0, `${speaker.name} has no quotations`);
    for (const q of speaker.children) assert.ok(document.getText(q.range).length >= 10, `a quotation range: ${q.name}`);
  }
});

test('workspace symbols find an entity by another spelling and by its English name', async () => {
  await waitForIndex(5);
  for (const query of ['شمخانی', 'Shamkhani', 'shamkhani']) {
    const symbols = await eventually(`workspace symbols for ${query}`, async () =>
      (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query)) ?? [],
    (list) => list.length > 0);
    const hit = symbols.find((s) => s.name.includes('شمخاني'));
    assert.ok(hit, `${query}: ${symbols.map((s) => s.name).join(', ')}`);
    // Ctrl+T then keeps only symbols whose name fuzzy-matches the typed text (the API does not filter).
    assert.ok(fuzzyMatches(hit.name, query), `Ctrl+T would hide "${hit.name}" for "${query}": its name must show what matched`);
    assert.equal(hit.kind, vscode.SymbolKind.Object, 'a person');
    assert.match(await describeLocation(hit.location), /^\d{3}:.*شمخاني/);
  }
  const patrushev = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'بتروشوف')) ?? [];
  assert.ok(patrushev.some((s) => s.name.includes('باتروشيف') || s.name.includes('بتروشوف')), patrushev.map((s) => s.name).join(', '));
  const none = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Zzyzx Nobody')) ?? [];
  assert.equal(none.length, 0, 'a name no article has finds nothing');
});
