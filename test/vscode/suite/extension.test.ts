// Extension-host tests: they run inside VS Code (code-server here, desktop VS Code through
// @vscode/test-electron elsewhere) against the real `vscode` API and our real language server.
// The window's workspace folder holds copies of the seed articles (samples/).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionId, hoverText, manifest, openArticle, seedUris, workspaceRoot } from './helpers';
import { test, waitFor } from './runner';

const legend = ['person', 'place', 'organization', 'quote'];
const seed000 = '000_58d295c9c3b3cd36.txt';

interface DecodedToken {
  line: number;
  character: number;
  length: number;
  type: string;
}

function decode(data: Uint32Array, tokenTypes: string[]): DecodedToken[] {
  const out: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push({ line, character, length: data[i + 2], type: tokenTypes[data[i + 3]] ?? `#${data[i + 3]}` });
  }
  return out;
}

async function tokensOf(document: vscode.TextDocument): Promise<DecodedToken[]> {
  const legendResult = await vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>(
    'vscode.provideDocumentSemanticTokensLegend', document.uri);
  assert.ok(legendResult, 'no semantic tokens legend for a news article');
  assert.deepEqual([...legendResult.tokenTypes], legend);
  // The first request can race the server's analysis; wait until tokens arrive.
  const tokens = await waitFor('semantic tokens', async () => {
    const result = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>(
      'vscode.provideDocumentSemanticTokens', document.uri);
    return result && result.data.length > 0 ? result : undefined;
  });
  return decode(tokens.data, legendResult.tokenTypes);
}

test('the extension is installed and activates', async () => {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `extension ${extensionId} not found`);
  await extension.activate();
  assert.equal(extension.isActive, true);
});

test('the workspace holds the seed articles', async () => {
  const names = (await seedUris()).map((u) => path.basename(u.path));
  assert.ok(names.length >= 5, `expected the 5 seed articles, found ${names.join(', ')}`);
  assert.ok(names.includes(seed000));
});

test('every seed article opens as a news-article; an English .txt stays plain text', async () => {
  const english = vscode.Uri.joinPath(workspaceRoot(), 'english-notes.txt');
  await vscode.workspace.fs.writeFile(english, Buffer.from('Shopping list: milk, bread, eggs.\nCall the plumber on Monday.\n'));
  try {
    const englishDoc = await vscode.workspace.openTextDocument(english);
    await vscode.window.showTextDocument(englishDoc);
    for (const uri of await seedUris()) await openArticle(uri);
    // The seeds were recognised after the English file was opened, so its turn has come and gone.
    const now = vscode.workspace.textDocuments.find((d) => d.uri.toString() === english.toString());
    assert.equal(now?.languageId, 'plaintext');
  } finally {
    await vscode.workspace.fs.delete(english);
  }
});

test('hover on an Arabic name says who it is', async () => {
  const document = await openArticle(vscode.Uri.joinPath(workspaceRoot(), seed000));
  const offset = document.getText().indexOf('شمخاني');
  assert.ok(offset > 0, 'شمخاني not in the seed');
  const position = document.positionAt(offset + 2);
  // The language server may still be starting: retry until a hover arrives.
  const text = await waitFor('a hover on شمخاني', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const value = hoverText(hovers ?? []);
    return value.includes('شمخاني') ? value : undefined;
  });
  assert.match(text, /Person|شخص/);
});

test('no hover on a plain word', async () => {
  const document = await openArticle(vscode.Uri.joinPath(workspaceRoot(), seed000));
  const offset = document.getText().indexOf('اجتماع');
  assert.ok(offset > 0);
  await tokensOf(document); // the analysis is ready once tokens arrive, so an empty hover is real
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider', document.uri, document.positionAt(offset + 1));
  assert.equal(hoverText(hovers ?? []).trim(), '');
});

test('semantic tokens mark names and quotations with the legend types, on the right characters', async () => {
  const seen = new Set<string>();
  for (const uri of await seedUris()) {
    const document = await openArticle(uri);
    const tokens = await tokensOf(document);
    for (const token of tokens) {
      assert.ok(legend.includes(token.type), `unknown token type ${token.type}`);
      const text = document.lineAt(token.line).text.slice(token.character, token.character + token.length);
      assert.equal(text.length, token.length, `token past the end of line ${token.line}`);
      assert.ok(text.trim().length > 0, `blank token at ${token.line}:${token.character}`);
      seen.add(token.type);
    }
    if (uri.path.endsWith(seed000)) {
      const offset = document.getText().indexOf('شمخاني');
      const at = document.positionAt(offset);
      const name = tokens.find((t) => t.line === at.line && t.character <= at.character && at.character < t.character + t.length);
      assert.equal(name?.type, 'person', 'شمخاني should be a person token');
    }
  }
  assert.deepEqual([...seen].sort(), [...legend].sort(), 'the seeds together should show every token type');
});

test('after an edit, the tokens follow the text', async () => {
  const document = await openArticle(vscode.Uri.joinPath(workspaceRoot(), seed000));
  const editor = await vscode.window.showTextDocument(document);
  const personAt = async (): Promise<vscode.Position | undefined> => {
    const offset = document.getText().indexOf('شمخاني');
    const at = document.positionAt(offset);
    const tokens = await tokensOf(document);
    const hit = tokens.find((t) => t.line === at.line && t.character <= at.character && at.character < t.character + t.length);
    return hit?.type === 'person' ? at : undefined;
  };
  const before = await waitFor('a person token on شمخاني', personAt);
  try {
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'سطر مضاف للاختبار\n\n')));
    // The server sees the change asynchronously: wait until the token has moved down two lines.
    await waitFor('the person token two lines lower', async () => {
      const now = await personAt();
      return now && now.line === before.line + 2 ? now : undefined;
    });
  } finally {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  assert.equal(document.isDirty, false);
});

test('the News commands are registered and run', async () => {
  const contributed = (manifest.contributes.commands ?? []).filter((c) => c.command.startsWith('newsAnnotator.'));
  assert.ok(contributed.length > 0, 'the manifest contributes no newsAnnotator.* commands');
  const registered = new Set(await vscode.commands.getCommands(true));
  for (const c of contributed) {
    assert.ok(registered.has(c.command), `${c.command} is contributed but not registered`);
    assert.equal(c.category, 'News', `${c.command} should be in the News category`);
  }
  // Commands hidden from the palette take arguments from views; run the ones a person can run.
  const hidden = new Set((manifest.contributes.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
  // Cursor on a name, as a person would run "entity" commands.
  const document = await openArticle(vscode.Uri.joinPath(workspaceRoot(), seed000));
  const editor = await vscode.window.showTextDocument(document);
  const name = document.positionAt(document.getText().indexOf('شمخاني') + 2);
  editor.selection = new vscode.Selection(name, name);
  for (const c of contributed.filter((x) => !hidden.has(x.command))) {
    let settled = false;
    const run = Promise.resolve(vscode.commands.executeCommand(c.command)).finally(() => { settled = true; });
    // A command that asks the user something stays pending until its quick pick closes: close
    // quick picks and notifications as a person would, until the command has settled.
    await waitFor(`${c.command} to finish`, async () => {
      if (settled) return true;
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await vscode.commands.executeCommand('notifications.clearAll');
      return undefined;
    }, 15_000);
    await run; // rethrows a command's error
  }
  await vscode.commands.executeCommand('closeReferenceSearch');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});
