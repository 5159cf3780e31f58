import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGazetteer } from '../../server/src/analysis/gazetteer';
import { normalizeWord, normalizePhrase, bareWord } from '../../server/src/analysis/normalize';

const g = loadGazetteer();
const single = (w: string) => g.single.get(normalizeWord(w))?.entity.id;
const multi = (p: string) => {
  const words = normalizePhrase(p).split(' ').map(bareWord);
  return g.multi.get(words[0])?.find((f) => f.words.join(' ') === words.join(' '))?.entity.id;
};

test('countries from i18n-iso-countries with common variants share one id', () => {
  assert.equal(single('إيران'), 'iran');
  assert.equal(single('أميركا'), 'usa');
  assert.equal(single('امريكا'), 'usa');
  assert.equal(multi('الولايات المتحدة'), 'usa');
  assert.equal(multi('الجمهورية الإسلامية الإيرانية'), 'iran');
  assert.equal(g.byId.get('usa')?.canonicalEn, 'United States');
});

test('cities from CLDR, organisations, media and officials', () => {
  assert.equal(single('طهران'), 'tehran');
  assert.equal(single('موسكو'), 'moscow');
  assert.equal(multi('منظمة شنغهاي للتعاون'), 'sco');
  assert.equal(multi('حلف شمال الأطلسي'), 'nato');
  assert.equal(multi('وكالة مهر للأنباء'), 'mehr_news_agency');
  assert.equal(single('باتروشيف'), 'patrushev');
  assert.equal(single('بتروشوف'), 'patrushev');
  assert.equal(multi('علي شمخاني'), 'shamkhani');
  assert.equal(g.byId.get('shamkhani')?.org, 'snsc');
});

test('nationality adjectives in every form point to their country', () => {
  for (const w of ['الإيراني', 'الإيرانية', 'إيراني', 'الروسي', 'الأمريكية', 'الأميركي', 'السوري']) assert.ok(g.nisba.has(normalizeWord(w)), w);
  assert.equal(g.nisba.get(normalizeWord('الروسية')), 'russia');
});

test('words that are also names are weak; titles and cues are known', () => {
  assert.equal(g.single.get(normalizeWord('العالم'))?.weak, true);
  assert.equal(g.single.get(normalizeWord('رئيسي'))?.weak, true);
  assert.ok(g.titles.has(normalizeWord('الأدميرال')));
  assert.ok(g.cues.has(normalizeWord('مضيفًا')));
  assert.ok(!g.single.has(normalizeWord('المالي')));
});
