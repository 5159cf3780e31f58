import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeWord, normalizePhrase, skeleton, originalIndex, bareWord } from '../../server/src/analysis/normalize';

test('alef forms, ya forms, Persian letters, ta marbuta and marks map to one matching form', () => {
  assert.equal(normalizeWord('إيران'), 'ايران');
  assert.equal(normalizeWord('آسيا'), 'اسيا');
  assert.equal(normalizeWord('شمخانی'), 'شمخاني');
  assert.equal(normalizeWord('أکد'), 'اكد');
  assert.equal(normalizeWord('الجمهورية'), 'الجمهوريه');
  assert.equal(normalizeWord('مضيفًا'), 'مضيفا');
  assert.equal(normalizeWord('مـــصر'), 'مصر');
  assert.equal(normalizeWord('ن\u200cو'), 'نو');
  assert.equal(normalizeWord('٢٠٢٢'), '2022');
});

test('the preposition على never becomes the name علي', () => {
  assert.equal(normalizeWord('على'), 'على');
  assert.equal(normalizeWord('وعلى'), 'وعلى');
  assert.equal(normalizeWord('علي'), 'علي');
  assert.equal(normalizeWord('علی'), 'علي'); // Persian yeh: the name as written in Persian-style text
  assert.equal(normalizeWord('موسى'), 'موسي');
});

test('phrases, bare words and skeletons', () => {
  assert.equal(normalizePhrase(' الأمم   المتحدة '), 'الامم المتحده');
  assert.equal(bareWord('للامن'), 'امن');
  assert.equal(bareWord('الي'), 'الي');
  assert.equal(skeleton(normalizeWord('بتروشوف')), skeleton(normalizeWord('باتروشيف')));
  assert.equal(skeleton(normalizeWord('باتروشوف')), skeleton(normalizeWord('باتروشيف')));
});

test('a cut in the normalised form maps back to the original offset, past attached marks', () => {
  assert.equal(originalIndex('وروسيا', 1), 1);
  assert.equal(originalIndex('وَروسيا', 1), 2);
  assert.equal(originalIndex('للناتو', 1), 1);
});
