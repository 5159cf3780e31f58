import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashesOfFormsReadAs, hashSpelling, readings, tokenize } from '../../server/src/analysis/tokenize';
import { normalizeWord } from '../../server/src/analysis/normalize';

test('tokens carry UTF-16 offsets into the original text', () => {
  const text = 'قال «لافروف»، وأكَّد: إيران 2022!\r\nسطر';
  for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.text);
  assert.deepEqual(tokenize(text).map((t) => t.text), ['قال', 'لافروف', 'وأكَّد', 'إيران', '2022', 'سطر']);
  assert.equal(tokenize(text)[2].norm, 'واكد');
});

test('proclitic readings: whole word first, then و ف, ب ل ك, and لل as ل + ال', () => {
  assert.deepEqual(readings('وروسيا').map((r) => r.stem), ['وروسيا', 'روسيا']);
  assert.deepEqual(readings('للناتو'), [{ cut: 0, stem: 'للناتو' }, { cut: 1, stem: 'الناتو' }]);
  assert.deepEqual(readings('وبالعالم').map((r) => [r.cut, r.stem]), [[0, 'وبالعالم'], [1, 'بالعالم'], [2, 'العالم']]);
  assert.equal(readings('لبنان')[0].stem, 'لبنان');
  // Short words are never split: the stem would be too short to be a name.
  assert.deepEqual(readings('بين').map((r) => r.stem), ['بين']);
});

test('every spelling is interned once, including those added as the table grows', () => {
  const letters = 'ابتثجحخدذر';
  const words = Array.from({ length: 30000 }, (_, i) => 'كلمة' + String(i).replace(/\d/g, (d) => letters[Number(d)]));
  const first = tokenize(words.join(' ')).map((t) => t.word);
  const again = tokenize(words.join(' ')).map((t) => t.word);
  assert.equal(again.filter((word, i) => word !== first[i]).length, 0);
});

test('a word longer than 65535 code units is interned like any other', () => {
  const long = 'ب'.repeat(70000);
  const first = tokenize(`${long} ${long.slice(0, 70000 - 65536)}`);
  assert.equal(first[0].text, long);
  assert.equal(tokenize(long)[0].word, first[0].word);
  assert.notEqual(first[1].word, first[0].word);
});

test('the forms read as a stem include every word with a reading of that stem', () => {
  for (const word of ['وروسيا', 'للناتو', 'وبالعالم', 'فللسلام', 'كالبحر', 'لبنان', 'بين', 'والد']) {
    const norm = normalizeWord(word);
    for (const r of readings(norm)) assert.ok(hashesOfFormsReadAs(r.stem).includes(hashSpelling(norm)), `${word} as ${r.stem}`);
  }
});
