import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EntityLinker, similar } from '../../server/src/analysis/linking';
import type { ArticleAnalysis, EntityType } from '../../server/src/analysis/types';

const article = (...entities: [string, EntityType, string, string?][]): ArticleAnalysis => ({
  entities: entities.map(([key, type, name, knownId]) => (knownId ? { key, type, name, knownId, canonicalAr: name } : { key, type, name })),
  mentions: [],
  quotes: [],
});

test('gazetteer ids link every spelling; unknown spellings join by skeleton and edit distance', () => {
  const linker = new EntityLinker();
  linker.set('a.txt', article(['usa', 'LOC', 'أميركا', 'usa'], ['PER:a', 'PER', 'يوري كوفالتشوك']));
  linker.set('b.txt', article(['usa', 'LOC', 'امريكا', 'usa'], ['PER:b', 'PER', 'يوري كوفالتشك']));
  assert.equal(linker.idOf('a.txt', 'usa'), 'usa');
  assert.equal(linker.idOf('b.txt', 'usa'), 'usa');
  assert.equal(linker.idOf('a.txt', 'PER:a'), linker.idOf('b.txt', 'PER:b'));
  assert.deepEqual(linker.get('usa')?.spellings, ['أميركا', 'امريكا']);
});

test('different people who share a skeleton or a surname stay apart; a bare surname joins its only full name', () => {
  const linker = new EntityLinker();
  linker.set('a.txt', article(['PER:1', 'PER', 'حسن كريمي'], ['PER:2', 'PER', 'حسين كريمي']));
  linker.set('b.txt', article(['PER:3', 'PER', 'نادر طهماسبي']));
  linker.set('c.txt', article(['PER:4', 'PER', 'طهماسبي'], ['PER:5', 'PER', 'كريمي']));
  assert.notEqual(linker.idOf('a.txt', 'PER:1'), linker.idOf('a.txt', 'PER:2'));
  assert.equal(linker.idOf('c.txt', 'PER:4'), linker.idOf('b.txt', 'PER:3'));
  // Two full names end with كريمي: the bare surname is ambiguous and gets its own id.
  const bare = linker.idOf('c.txt', 'PER:5');
  assert.ok(bare !== linker.idOf('a.txt', 'PER:1') && bare !== linker.idOf('a.txt', 'PER:2'));
});

test('ids are stable whatever the order of set() calls, and delete() forgets an article', () => {
  const one = new EntityLinker();
  const two = new EntityLinker();
  const a = article(['ORG:x', 'ORG', 'شركة النور']);
  const b = article(['ORG:y', 'ORG', 'النور']);
  one.set('a.txt', a); one.set('b.txt', b);
  two.set('b.txt', b); two.set('a.txt', a);
  assert.equal(one.idOf('a.txt', 'ORG:x'), two.idOf('a.txt', 'ORG:x'));
  one.delete('a.txt');
  assert.equal(one.idOf('a.txt', 'ORG:x'), undefined);
  assert.equal(one.all().length, 1);
});

test('similar() refuses short names', () => {
  assert.equal(similar('حسن', 'حسين'), false);
  assert.equal(similar('باتروشيف', 'بتروشوف'), true);
});
