// The News commands (issue 4, item 5) in the real VS Code: run through executeCommand, their quick
// picks answered the way a person presses Enter (the first, best-ranked row), their effects read
// back from the editor state (active editor, selection, diff tab).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually, hoverText, manifest, openArticle, seed, seedUri, waitForIndex } from './helpers';
import { test, waitFor } from './runner';

const ids = {
  showRelated: 'newsAnnotator.showRelatedArticles',
  findMentioning: 'newsAnnotator.findArticlesMentioning',
  showQuotes: 'newsAnnotator.showQuotesBy',
  compare: 'newsAnnotator.compareWithNearDuplicate',
  showMentions: 'newsAnnotator.showAllMentions',
  entityMentions: 'newsAnnotator.showEntityMentions',
  entitiesView: 'newsAnnotator.entities',
};

const base = (uri: string | vscode.Uri | undefined) => (uri ? decodeURIComponent(path.basename(typeof uri === 'string' ? uri : uri.path)) : String(uri));

async function registered(command: string): Promise<void> {
  await waitFor(`${command} to be registered`, async () => ((await vscode.commands.getCommands(true)).includes(command) ? true : undefined), 10_000);
}

/**
 * Runs a command and accepts the active (first) row of each quick pick it shows, until it settles.
 * Accepting while no quick pick is open does nothing, so this polls rather than guessing when a pick shows.
 */
async function runAccepting<T>(command: string, ...args: unknown[]): Promise<T> {
  await registered(command);
  let settled = false;
  let value: T | undefined;
  let failure: unknown;
  void Promise.resolve(vscode.commands.executeCommand<T>(command, ...args)).then(
    (v) => { value = v; settled = true; },
    (e) => { failure = e; settled = true; },
  );
  try {
    await waitFor(`${command} to finish once its quick picks are accepted`, async () => {
      if (settled) return true;
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return undefined;
    }, 20_000);
  } finally {
    if (!settled) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  }
  if (failure) throw failure;
  return value as T;
}

function activeEditor(): vscode.TextEditor {
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'no active editor');
  return editor;
}

async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
}

test('the manifest puts the News commands in the "News" category and an Entities view in the Explorer', () => {
  const commands = manifest.contributes.commands ?? [];
  const titles = new Map(commands.map((c) => [c.command, `${c.category}: ${c.title}`]));
  assert.equal(titles.get(ids.showRelated), 'News: Show Related Articles');
  assert.equal(titles.get(ids.findMentioning), 'News: Find Articles Mentioning…');
  assert.equal(titles.get(ids.showQuotes), 'News: Show Quotes by…');
  assert.equal(titles.get(ids.compare), 'News: Compare with Near-Duplicate');
  assert.equal(titles.get(ids.showMentions), 'News: Show All Mentions');
  const explorer = manifest.contributes.views?.explorer ?? [];
  assert.ok(explorer.some((v) => v.id === ids.entitiesView && v.name === 'Entities'), JSON.stringify(explorer));
});

test('Show Related Articles on seed 002 lists seed 000 first and opens it', async () => {
  await waitForIndex(5);
  await openArticle(seedUri('002'));
  const picked = await runAccepting<string | undefined>(ids.showRelated, seedUri('002').toString());
  assert.equal(base(picked), seed('000'), 'the near-duplicate ranks first');
  await waitFor('seed 000 in the active editor', () => (base(vscode.window.activeTextEditor?.document.uri) === seed('000') ? true : undefined), 10_000);
});

test('Compare with Near-Duplicate opens a diff of seed 000 (original) and seed 002', async () => {
  await openArticle(seedUri('002'));
  const original = await runAccepting<string | undefined>(ids.compare);
  assert.equal(base(original), seed('000'));
  const tab = await waitFor('a diff tab', () => {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    return input instanceof vscode.TabInputTextDiff ? input : undefined;
  }, 10_000);
  assert.equal(base(tab.original), seed('000'));
  assert.equal(base(tab.modified), seed('002'));
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
});

test('Find Articles Mentioning… opens an article on a mention of the picked entity', async () => {
  const picked = await runAccepting<string | undefined>(ids.findMentioning);
  assert.match(base(picked), /^\d{3}_.*\.txt$/, `a seed article, got ${picked}`);
  const editor = activeEditor();
  assert.equal(base(editor.document.uri), base(picked));
  const selected = editor.document.getText(editor.selection);
  assert.ok(selected.trim().length > 1, 'the mention is selected');
  const card = await eventually('a hover card on the selected mention', () => hoverAt(editor.document, editor.selection.start.translate(0, 1)),
    (text) => /Person|Place|Organization/.test(text));
  assert.match(card, /mentions? in \d+ articles?/);
});

test('Show Quotes by… jumps to a quotation of the picked speaker', async () => {
  const picked = await runAccepting<string | undefined>(ids.showQuotes);
  assert.match(base(picked), /^\d{3}_.*\.txt$/, `a seed article, got ${picked}`);
  const editor = activeEditor();
  const selection = editor.selection;
  assert.ok(editor.document.getText(selection).length >= 10, `a quotation is selected: ${editor.document.getText(selection)}`);
  // The selection is one of the article's quotations as the Outline lists them, under a named speaker.
  const outline = await eventually('the outline', async () =>
    (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri)) ?? [],
  (list) => list.length > 0);
  const speakers = outline.find((s) => s.name.includes('Quotations'))?.children ?? [];
  const speaker = speakers.find((s) => s.children.some((q) => q.range.isEqual(selection)));
  assert.ok(speaker, `the selection ${JSON.stringify(selection)} is no quotation of the outline`);
  assert.doesNotMatch(speaker.name, /Unknown speaker/);
});

test('Show All Mentions on باتروشيف in seed 001 peeks at every mention in three articles', async () => {
  const document = await openArticle(seedUri('001'));
  const editor = await vscode.window.showTextDocument(document);
  const at = document.positionAt(document.getText().indexOf('باتروشيف') + 2);
  editor.selection = new vscode.Selection(at, at);
  const references = await eventually('references', async () =>
    (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, at)) ?? [],
  (list) => new Set(list.map((l) => l.uri.toString())).size >= 3);
  const count = await runAccepting<number>(ids.showMentions);
  assert.equal(count, references.length, 'as many mentions as Find All References');
  await vscode.commands.executeCommand('closeReferenceSearch');
});

test("the Entities view's Show All Mentions (an entity row's inline action) opens the entity's mentions", async () => {
  await registered(ids.entityMentions);
  // The view passes its node; an entity node carries the entity's summary (id from the gazetteer slug).
  const count = await vscode.commands.executeCommand<number>(ids.entityMentions, { kind: 'entity', entity: { id: 'shamkhani' } });
  assert.ok(typeof count === 'number' && count >= 12, `Shamkhani has at least 12 mentions in the seeds, got ${count}`);
  // The peek opens on the first mention (the cursor sits at its start).
  const editor = activeEditor();
  const at = editor.selection.active;
  assert.match(editor.document.getText(new vscode.Range(at, at.translate(0, 12))), /شمخان/);
  await vscode.commands.executeCommand('closeReferenceSearch');
  // Anything else (a type row) does nothing.
  assert.equal(await vscode.commands.executeCommand(ids.entityMentions, { kind: 'type', type: 'PER', entities: [] }), undefined);
});

test('the Entities view can be revealed in the Explorer', async () => {
  await registered(`${ids.entitiesView}.focus`);
  await vscode.commands.executeCommand(`${ids.entitiesView}.focus`);
});
