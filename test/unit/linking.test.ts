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

test('a regrouping in slices gives the same ids, and queries meanwhile answer from the previous grouping', async () => {
  const names = (n: number) => Array.from({ length: n }, (_, i): [string, EntityType, string] => [`PER:${i}`, 'PER', `كريم ناصر${'ي'.repeat(i % 7)} ${i}`]);
  const whole = new EntityLinker();
  const sliced = new EntityLinker();
  for (const linker of [whole, sliced]) {
    linker.set('a.txt', article(['usa', 'LOC', 'أميركا', 'usa'], ...names(300)));
    linker.set('b.txt', article(['usa', 'LOC', 'امريكا', 'usa'], ...names(300)));
  }
  assert.equal(sliced.idOf('a.txt', 'usa'), 'usa');
  sliced.set('c.txt', article(['usa', 'LOC', 'الولايات المتحدة', 'usa']));
  let slices = 0;
  const done = sliced.regroupInSlices(0).then(() => slices);
  const counting = setInterval(() => slices++, 0);
  // Before the new grouping is complete, c.txt is unknown and a.txt keeps its ids.
  assert.equal(sliced.idOf('c.txt', 'usa'), undefined);
  assert.equal(sliced.idOf('a.txt', 'usa'), 'usa');
  assert.ok((await done) > 0, 'the regrouping gave the event loop a turn');
  clearInterval(counting);
  whole.set('c.txt', article(['usa', 'LOC', 'الولايات المتحدة', 'usa']));
  assert.equal(sliced.idOf('c.txt', 'usa'), 'usa');
  for (const file of ['a.txt', 'b.txt']) {
    for (let i = 0; i < 300; i += 37) assert.equal(sliced.idOf(file, `PER:${i}`), whole.idOf(file, `PER:${i}`));
  }
  assert.deepEqual(sliced.get('usa')?.spellings, whole.get('usa')?.spellings);
});

test('setting the same analysis again does not regroup', () => {
  const linker = new EntityLinker();
  const a = article(['PER:a', 'PER', 'يوري كوفالتشوك']);
  linker.set('a.txt', a);
  const entity = linker.get(linker.idOf('a.txt', 'PER:a')!);
  linker.set('a.txt', a);
  assert.equal(linker.get(linker.idOf('a.txt', 'PER:a')!), entity, 'the same grouping, not a new one');
  linker.set('a.txt', article(['PER:a', 'PER', 'يوري كوفالتشوك']));
  assert.notEqual(linker.get(linker.idOf('a.txt', 'PER:a')!), entity);
});
