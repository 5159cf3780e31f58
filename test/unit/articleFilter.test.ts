import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isArticlePath } from '../../server/src/articleFilter';
import { defaultSettings } from '../../server/src/protocol';

test('by default every .txt outside node_modules and .git may be an article', () => {
  assert.equal(isArticlePath('000_58d295c9c3b3cd36.txt', defaultSettings), true);
  assert.equal(isArticlePath('politics/AJP1.txt', defaultSettings), true);
  assert.equal(isArticlePath('notes.md', defaultSettings), false);
  assert.equal(isArticlePath('node_modules/x/README.txt', defaultSettings), false);
});

test('settings include other globs and exclude folders', () => {
  const settings = { include: ['**/*.txt', 'archive/**/*.arb'], exclude: ['drafts/**'] };
  assert.equal(isArticlePath('archive/2021/a.arb', settings), true);
  assert.equal(isArticlePath('drafts/a.txt', settings), false);
});
