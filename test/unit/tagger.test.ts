import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadTagger } from '../../server/src/analysis/tagger';
import { normaliseForTagger, splitProclitics } from '../../server/src/analysis/tagger-text';

const LABELS = new Set(['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG']);
const words = (sentence: string) => sentence.split(' ');

test('the shipped model loads once and fast', () => {
  const started = performance.now();
  const tagger = loadTagger();
  const elapsed = performance.now() - started;
  assert.equal(loadTagger(), tagger);
  assert.ok(elapsed < 1000, `loading took ${elapsed.toFixed(0)} ms`);
});

test('finds a known person, place and organisation', () => {
  const sentence = words('قال الرئيس الأمريكي جورج بوش في واشنطن إن الأمم المتحدة فشلت .');
  assert.deepEqual(loadTagger().tag(sentence), [
    'O', 'O', 'O', 'B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'B-ORG', 'I-ORG', 'O', 'O',
  ]);
});

test('tags a country with its proclitic attached, as ANERcorp does', () => {
  const labels = loadTagger().tag(words('وصل الوفد إلى القاهرة قادما من وإسرائيل'));
  assert.equal(labels[3], 'B-LOC');
  assert.equal(labels[6], 'B-LOC');
});

test('labels are valid BIO: an I- continues an entity of its own type', () => {
  const text = 'أكد علي شمخاني أمين المجلس الأعلى للأمن القومي الإيراني أن طهران لن تتراجع , وأضاف باتروشيف في موسكو';
  const labels = loadTagger().tag(words(text));
  assert.equal(labels.length, words(text).length);
  labels.forEach((label, i) => {
    assert.ok(LABELS.has(label), label);
    if (label.startsWith('I-')) assert.ok(i > 0 && labels[i - 1].slice(2) === label.slice(2), `${i}: ${labels[i - 1]} ${label}`);
  });
});

test('tagging is deterministic and handles empty input', () => {
  const tagger = loadTagger();
  const sentence = words('وزير الخارجية الروسي سيرغي لافروف يزور بكين');
  assert.deepEqual(tagger.tag(sentence), tagger.tag([...sentence]));
  assert.deepEqual(tagger.tag([]), []);
});

test('feature normaliser unifies spellings; proclitics split only before a long enough stem', () => {
  assert.equal(normaliseForTagger('إيرانُ'), 'ايران');
  assert.equal(normaliseForTagger('مصطفى'), 'مصطفي');
  assert.equal(normaliseForTagger('الجزيرة'), 'الجزيره');
  assert.deepEqual(splitProclitics('وللأمم'.replace('أ', 'ا')), { clitics: 'ولل', stem: 'امم' });
  assert.deepEqual(splitProclitics('بموسكو'), { clitics: 'ب', stem: 'موسكو' });
  assert.deepEqual(splitProclitics('لبن'), { clitics: '', stem: 'لبن' });
});
