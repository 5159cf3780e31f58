// The TextMate grammar, run by the same engine VS Code uses (vscode-textmate + Oniguruma).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, type IGrammar } from 'vscode-textmate';

const repoRoot = path.resolve(__dirname, '../..');
let grammar: IGrammar;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (sources) => new oniguruma.OnigScanner(sources), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => JSON.parse(fs.readFileSync(path.join(repoRoot, 'syntaxes/news-article.tmLanguage.json'), 'utf8')),
  });
  const loaded = await registry.loadGrammar('text.news-article');
  assert.ok(loaded);
  grammar = loaded;
});

/** Each token of a line with its innermost scope. */
function scopesOf(line: string): Array<{ text: string; scope: string }> {
  return grammar.tokenizeLine(line, INITIAL).tokens.map((token) => ({
    text: line.slice(token.startIndex, token.endIndex),
    scope: token.scopes[token.scopes.length - 1],
  }));
}

function scopeAt(line: string, fragment: string): string {
  const offset = line.indexOf(fragment);
  const token = grammar.tokenizeLine(line, INITIAL).tokens.find((t) => t.startIndex <= offset && offset < t.endIndex);
  assert.ok(token, fragment);
  return token.scopes.join(' ');
}

test('quotations in every mark style', () => {
  for (const line of ['قال "نحن مستعدون" أمس', 'قال “نحن مستعدون” أمس', 'قال ”نحن مستعدون” أمس', 'قال «نحن مستعدون» أمس']) {
    assert.match(scopeAt(line, 'مستعدون'), /string\.quoted/, line);
    assert.doesNotMatch(scopeAt(line, 'أمس'), /string\.quoted/, line);
  }
});

test('an unclosed quotation ends with its line', () => {
  const stack = grammar.tokenizeLine('وأضاف «لن نتراجع', INITIAL).ruleStack;
  const next = grammar.tokenizeLine('سطر جديد', stack).tokens;
  assert.deepEqual(next.map((t) => t.scopes.at(-1)), ['text.news-article']);
});

test('source line, dates and numbers', () => {
  assert.match(scopeAt('المصدر: الميادين', 'المصدر'), /keyword\.other\.source/);
  assert.match(scopeAt('المصدر: الميادين', 'الميادين'), /entity\.name\.section\.source/);
  assert.match(scopeAt('في 12 يونيو 2021 وصل', '12'), /constant\.other\.date/);
  assert.match(scopeAt('بتاريخ 2021/06/12', '2021'), /constant\.other\.date/);
  assert.match(scopeAt('قتل ١٢ شخصا', '١٢'), /constant\.numeric/);
  assert.deepEqual(scopesOf('نص عادي').map((t) => t.scope), ['text.news-article']);
});
