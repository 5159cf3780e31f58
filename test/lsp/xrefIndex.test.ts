// Unit tests of the workspace index (server/src/corpus): linking across articles, related articles,
// near-duplicates. Analyses are written by hand so these tests do not depend on the tagger's accuracy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EntityLinker } from '../../server/src/analysis/linking';
import type { ArticleAnalysis, EntityType } from '../../server/src/analysis/types';
import { ArticleIndex } from '../../server/src/corpus/articleIndex';
import { LineIndex } from '../../server/src/corpus/lineIndex';
import { RelatedArticles } from '../../server/src/corpus/relatedArticles';
import { containment, fingerprint, intersectionSize } from '../../server/src/corpus/textSimilarity';

const samples = path.join(__dirname, '..', '..', 'samples');
const seed = (prefix: string) => fs.readFileSync(path.join(samples, fs.readdirSync(samples).find((f) => f.startsWith(prefix))!), 'utf8');

/** An analysis marking each listed name wherever it occurs outside a longer listed name, one entity per name. */
function analysisOf(text: string, names: [string, EntityType, string?][]): ArticleAnalysis {
  const analysis: ArticleAnalysis = { entities: [], mentions: [], quotes: [] };
  for (const [name, type, role] of [...names].sort((a, b) => b[0].length - a[0].length)) {
    analysis.entities.push({ key: name, type, name, ...(role && { role }) });
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      const end = at + name.length;
      if (analysis.mentions.some((m) => m.start < end && at < m.end)) continue;
      analysis.mentions.push({ start: at, end, text: name, type, key: name });
    }
  }
  analysis.mentions.sort((a, b) => a.start - b.start);
  return analysis;
}

const noAnalyzer = (): ArticleAnalysis => {
  throw new Error('tests pass analyses explicitly');
};

function indexOf(articles: Record<string, [string, [string, EntityType, string?][]]>): ArticleIndex {
  const index = new ArticleIndex(new EntityLinker(), noAnalyzer);
  for (const [key, [text, names]] of Object.entries(articles)) index.set(key, text, 0, analysisOf(text, names));
  return index;
}

test('a republished story is found as a near-duplicate of the original, with its overlap', () => {
  const [s0, s1, s2] = [seed('000'), seed('001'), seed('002')].map(fingerprint);
  // Seed 002 embeds most of seed 000 in a longer story: low Jaccard, high containment.
  const shared = intersectionSize(s0.shingles, s2.shingles);
  assert.ok(shared / (s0.shingles.length + s2.shingles.length - shared) < 0.5);
  assert.ok(containment(s0.shingles, s2.shingles) > 0.7);
  assert.ok(containment(s0.shingles, s1.shingles) < 0.1, 'same topic, different text');

  const index = new ArticleIndex(new EntityLinker(), noAnalyzer);
  for (const p of ['000', '001', '002', '003', '004']) index.set(p, seed(p), 0, { entities: [], mentions: [], quotes: [] });
  const duplicatesOf = (key: string) => index.related(key).filter((r) => r.overlap !== undefined).map((r) => r.key);
  assert.deepEqual(duplicatesOf('002'), ['000']);
  assert.deepEqual(duplicatesOf('000'), ['002']);
  assert.deepEqual(duplicatesOf('001'), []);
  const related = index.related('002');
  assert.equal(related[0].key, '000');
  assert.ok(related[0].overlap! > 0.7);
});

test('spellings of one person in different articles are one entity, with mentions in each', () => {
  const index = indexOf({
    a: ['نظيره الروسي نيكولاي بتروشوف أكد. باتروشوف أكد', [['نيكولاي بتروشوف', 'PER'], ['باتروشوف', 'PER']]],
    b: ['سكرتير مجلس الأمن الروسي نيكولاي باتروشيف وقال باتروشيف', [['نيكولاي باتروشيف', 'PER', 'سكرتير مجلس الأمن الروسي'], ['باتروشيف', 'PER']]],
    c: ['لا علاقة له بالموضوع', []],
  });
  const b = index.get('b')!;
  const id = index.idOf(b, index.mentionAt(b, b.analysis.mentions[1].start + 2)!.key)!;
  const refs = index.mentionsOf(id);
  assert.deepEqual(refs.map((r) => `${r.article.key}:${r.mention.text}`).sort(), [
    'a:باتروشوف', 'a:نيكولاي بتروشوف', 'b:باتروشيف', 'b:نيكولاي باتروشيف',
  ]);
  assert.deepEqual(index.stats(id)!.articles, 2);
  assert.equal(index.stats(id)!.mentions, 4);
  assert.equal(index.roleOf(id), 'سكرتير مجلس الأمن الروسي');
  assert.deepEqual(index.related('a').map((r) => r.key), ['b']);
});

test('replacing and deleting an article updates mentions and related articles', () => {
  const index = indexOf({
    a: ['أكد شمخاني أن', [['شمخاني', 'PER']]],
    b: ['وقال شمخاني إن', [['شمخاني', 'PER']]],
  });
  const a = index.get('a')!;
  const id = index.idOf(a, 'شمخاني')!;
  assert.equal(index.stats(id)!.articles, 2);
  const text = 'وقال روحاني إن';
  index.set('b', text, 0, analysisOf(text, [['روحاني', 'PER']]));
  assert.equal(index.stats(id)!.articles, 1);
  assert.deepEqual(index.related('a'), []);
  index.delete('a');
  assert.equal(index.stats(id), undefined);
  assert.equal(index.size, 1);
});

test('quotes by a person come latest article first', () => {
  const index = new ArticleIndex(new EntityLinker(), noAnalyzer);
  for (const [key, time] of [['old', 1], ['new', 2]] as const) {
    const text = `وقال شمخاني "${key}"`;
    const analysis = analysisOf(text, [['شمخاني', 'PER']]);
    analysis.quotes.push({ start: text.indexOf('"'), end: text.length, text: `"${key}"`, speaker: 'شمخاني', cue: 'قال' });
    index.set(key, text, time, analysis);
  }
  const id = index.idOf(index.get('old')!, 'شمخاني')!;
  assert.deepEqual(index.quotesBy(id).map((q) => q.quote.text), ['"new"', '"old"']);
});

test('line index maps offsets to LSP positions across \\n, \\r\\n and \\r', () => {
  const lines = new LineIndex('ab\r\ncd\ne\rf');
  assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(lines.positionAt(5), { line: 1, character: 1 });
  assert.deepEqual(lines.positionAt(9), { line: 3, character: 0 });
  assert.equal(lines.offsetAt({ line: 2, character: 1 }), 8);
});

test('the command line\'s related field: seed 002 relates to seed 000 first, seed 001 to the other Shamkhani stories', () => {
  const files = fs.readdirSync(samples).sort();
  const related = new RelatedArticles(files.map((file) => ({ file, text: fs.readFileSync(path.join(samples, file), 'utf8') })));
  const of = (prefix: string) => related.relatedFor(files.find((f) => f.startsWith(prefix))!);
  assert.ok(of('002')[0].file.startsWith('000') && of('002')[0].score > 0.5, JSON.stringify(of('002')));
  assert.deepEqual(of('001').slice(0, 2).map((r) => r.file.slice(0, 3)).sort(), ['000', '002']);
  for (const list of files.map((f) => related.relatedFor(f))) for (let i = 1; i < list.length; i++) assert.ok(list[i - 1].score >= list[i].score);
});

test('a deferred index regroups in slices: answers meanwhile come from the previous grouping, then from the new one', async () => {
  const index = new ArticleIndex(new EntityLinker(), noAnalyzer, true);
  const a = 'قال علي شمخاني إن طهران مستعدة.';
  const b = 'وأكد شمخاني أن الاتفاق قريب.';
  index.set('a', a, 0, analysisOf(a, [['علي شمخاني', 'PER']]));
  index.flush();
  const id = index.idOf(index.get('a')!, 'علي شمخاني')!;
  assert.ok(index.holds('a', a), 'the index recognises the text it analysed');
  assert.ok(!index.holds('a', a + ' '), 'and any other text as a change');
  index.set('b', b, 1, analysisOf(b, [['شمخاني', 'PER']]));
  const flushed = index.flushInSlices(0);
  assert.equal(index.idOf(index.get('b')!, 'شمخاني'), undefined, 'not regrouped yet');
  await flushed;
  assert.equal(index.idOf(index.get('b')!, 'شمخاني'), id);
  assert.deepEqual(index.articlesOf(id).map((article) => article.key).sort(), ['a', 'b']);
});
