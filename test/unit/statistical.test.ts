import assert from 'node:assert/strict';
import { test } from 'node:test';
import { taggedSpans } from '../../server/src/analysis/statistical';
import { loadTagger } from '../../server/src/analysis/tagger';
import { recentThreshold, tokenize } from '../../server/src/analysis/tokenize';

test('the core path (interned word ids, punctuation as words, line by line) tags as the string path does', () => {
  const text = 'قال الرئيس الأمريكي جورج بوش في واشنطن إن الأمم المتحدة فشلت.\nووصل علي شمخاني إلى موسكو.';
  const tokens = tokenize(text);
  const spans = taggedSpans(text, tokens).map((s) => `${s.type}:${tokens.slice(s.first, s.last + 1).map((t) => t.text).join(' ')}`);
  const tagger = loadTagger();
  const expected: string[] = [];
  for (const line of text.split('\n')) {
    const words = line.replace(/([.،])/g, ' $1').split(' ');
    const labels = tagger.tag(words);
    labels.forEach((label, i) => {
      if (label.startsWith('B-')) expected.push(`${label.slice(2)}:${words[i]}`);
      else if (label.startsWith('I-')) expected[expected.length - 1] += ` ${words[i]}`;
    });
  }
  assert.deepEqual(spans, expected);
  assert.ok(spans.includes('PER:جورج بوش') && spans.includes('LOC:واشنطن'), spans.join(', '));
});

test('keeping some words renumbers them and keeps their scores', () => {
  const tagger = loadTagger();
  const words = 'أكد وزير الخارجية الروسي سيرغي لافروف في موسكو'.split(' ');
  tagger.keep([]);
  const ids = Int32Array.from(words, (word) => tagger.addWord(word));
  const before = Array.from(tagger.tagIds(ids, ids.length));
  const generation = tagger.generation;
  tagger.keep(ids);
  assert.notEqual(tagger.generation, generation, 'old ids are void');
  assert.equal(tagger.size, 2 + ids.length);
  const renumbered = Int32Array.from(words, (_, i) => 2 + i);
  assert.deepEqual(Array.from(tagger.tagIds(renumbered, renumbered.length)), before);
});

test('a full word table keeps the recently used words', () => {
  const recent = tokenize('كلمة حديثة')[0].word;
  const old = tokenize('كلمة قديمة جدا')[1].word;
  // Enough unseen words to fill the table (100k) twice over; the recent word is used all along.
  for (let batch = 0; batch < 40; batch++) {
    const words = Array.from({ length: 5000 }, (_, i) => `كلمة${batch}x${i}`.replace(/\d/g, (d) => 'ابتثجحخدذر'[Number(d)]));
    assert.equal(tokenize(`كلمة ${words.join(' ')}`)[0].word, recent, `batch ${batch}`);
  }
  assert.notEqual(tokenize('قديمة')[0].word, old, 'a word unused since is forgotten');
});

test('recentThreshold keeps at least the asked number of the most recent', () => {
  const items = [5, 1, 9, 3, 9, 7].map((lastUsed) => ({ lastUsed }));
  assert.equal(recentThreshold(items, 3), 7);
  assert.equal(items.filter((item) => item.lastUsed >= recentThreshold(items, 2)).length, 2);
  assert.equal(recentThreshold(items, 6), -Infinity);
});

test('recentThreshold gives the same answer however far apart the serials are', () => {
  const near = [5, 1, 9, 3, 9, 7].map((lastUsed) => ({ lastUsed }));
  const far = [5, 1, 9_000_000, 3, 9_000_000, 7].map((lastUsed) => ({ lastUsed }));
  assert.equal(recentThreshold(near, 3), 7);
  assert.equal(recentThreshold(far, 3), 7);
  assert.equal(recentThreshold(far, 2), 9_000_000);
});
